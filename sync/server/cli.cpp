#include "cli.h"

#include "admin.h"
#include "http.h"
#include "server.h"
#include "sqlite_storage.h"
#include "tls.h"

#include <nlohmann/json.hpp>

#include <pthread.h>
#include <csignal>

#include <atomic>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

namespace quartier::sync::server {

namespace {
constexpr const char* kUsage =
    "usage: quartier-server init --data DIR\n"
    "       quartier-server serve --data DIR --listen ADDR:PORT [--insecure-loopback] [--max-db-bytes N]\n"
    "       quartier-server devices --data DIR\n"
    "       quartier-server deletions --data DIR\n"
    "       quartier-server fingerprint --data DIR\n";

int exit_for(Error e) {
    switch (e) {
    case Error::NotFound: return kExitNotInitialised;
    case Error::AlreadyExists: return kExitInitialised;
    case Error::InvalidArgument: return kExitUsage;
    default: return kExitStorage;
    }
}

struct Options {
    std::string command;
    std::optional<std::string> data;
    std::optional<std::string> listen;
    bool insecure = false;
    std::optional<std::string> max_db_bytes;
};

std::optional<Options> parse(const std::vector<std::string>& args, std::ostream& err) {
    if (args.empty()) return std::nullopt;
    Options o;
    o.command = args[0];
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::optional<std::string>& slot) {
            if (i + 1 >= args.size()) return false;
            slot = args[++i];
            return true;
        };
        if (a == "--data") {
            if (!value(o.data)) return std::nullopt;
        } else if (a == "--listen") {
            if (!value(o.listen)) return std::nullopt;
        } else if (a == "--max-db-bytes") {
            if (!value(o.max_db_bytes)) return std::nullopt;
        } else if (a == "--insecure-loopback") {
            o.insecure = true;
        } else {
            err << "unknown option " << a << "\n";
            return std::nullopt;
        }
    }
    if (!o.data || o.data->empty()) return std::nullopt;
    if (o.command == "serve" ? !o.listen : (o.listen || o.insecure || o.max_db_bytes)) return std::nullopt;
    if (o.max_db_bytes && (o.max_db_bytes->empty() || o.max_db_bytes->size() > 18 ||
                           o.max_db_bytes->find_first_not_of("0123456789") != std::string::npos)) {
        err << "--max-db-bytes wants a number of bytes\n";
        return std::nullopt;
    }
    return o;
}

int serve(const DataDir& data, const std::string& listen, bool insecure, std::optional<std::uint64_t> max_db_bytes,
          std::ostream& out, std::ostream& err) {
    const auto addr = parse_listen(listen);
    if (!addr) {
        err << "--listen wants ADDR:PORT, e.g. 127.0.0.1:8443 or [::1]:8443\n";
        return kExitUsage;
    }
    if (insecure && !is_loopback(addr->first)) {
        err << "--insecure-loopback refuses the non-loopback address " << addr->first << "\n";
        return kExitUsage;
    }
    auto storage = SqliteStorage::open(data.db(), false);
    if (!storage) {
        err << "cannot open the server database: " << storage.detail() << "\n";
        return exit_for(storage.error());
    }
    if (max_db_bytes) {  // a quota: writes past it fail as on a full disk (507 storage_full)
        auto cap = (*storage)->set_max_bytes(*max_db_bytes);
        if (!cap) {
            err << "cannot cap the server database: " << cap.detail() << "\n";
            return exit_for(cap.error());
        }
        err << "database capped at " << *cap << " bytes\n";
    }
    auto server = Server::open(**storage, system_clock());
    if (!server) {
        err << "cannot start: " << server.detail() << "\n";
        return exit_for(server.error());
    }
    HttpOptions ho;
    ho.host = addr->first;
    ho.port = addr->second;
    ho.insecure_loopback = insecure;
    ho.cert_file = data.cert();
    ho.key_file = data.key();
    auto http = HttpServer::create(**server, ho);
    if (!http) {
        err << http.detail() << "\n";
        return http.error() == Error::InvalidArgument ? kExitUsage : kExitStorage;
    }
    auto port = (*http)->bind();
    if (!port) {
        err << port.detail() << "\n";
        return kExitBind;
    }

    // SIGINT/SIGTERM: blocked here (before the server's threads exist, which inherit the mask)
    // and taken by sigwait in a thread of their own, which stops the server.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    std::mutex mutex;
    std::condition_variable cv;
    bool done = false;
    std::atomic<bool> signalled{false};
    HttpServer* h = http->get();
    std::thread waiter([&] {
        int sig = 0;
        sigwait(&set, &sig);
        signalled = true;
        // stop() before listen() has started would be lost: repeat it until serving has ended.
        std::unique_lock lock(mutex);
        while (!done) {
            h->stop();
            cv.wait_for(lock, std::chrono::milliseconds(50));
        }
    });

    const std::string shown = addr->first.find(':') != std::string::npos ? "[" + addr->first + "]" : addr->first;
    out << "listening on " << shown << ":" << *port << std::endl;
    const bool served = h->listen();
    {
        std::lock_guard lock(mutex);
        done = true;
    }
    cv.notify_all();
    if (!signalled) pthread_kill(waiter.native_handle(), SIGTERM);  // wake sigwait
    waiter.join();
    if (!served && !signalled) {
        err << "serving failed\n";
        return kExitBind;
    }
    err << "stopped\n";
    return kExitOk;
}
}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h" || args[0] == "help")) {
        out << kUsage;
        return kExitOk;
    }
    const auto o = parse(args, err);
    if (!o) {
        err << kUsage;
        return kExitUsage;
    }
    if (!crypto::init()) {
        err << "libsodium does not start\n";
        return kExitStorage;
    }
    const DataDir data{*o->data};
    if (o->command == "init") {
        auto r = init_data_dir(data);
        if (!r) {
            err << r.detail() << "\n";
            return exit_for(r.error());
        }
        out << nlohmann::json{{"server_id", r->server_id}, {"fingerprint", r->fingerprint}, {"bootstrap", r->bootstrap}}.dump()
            << std::endl;
        return kExitOk;
    }
    if (o->command == "serve")
        return serve(data, *o->listen, o->insecure,
                     o->max_db_bytes ? std::optional<std::uint64_t>(std::stoull(*o->max_db_bytes)) : std::nullopt, out, err);
    if (o->command == "devices" || o->command == "deletions") {
        auto r = o->command == "devices" ? devices_report(data) : deletions_report(data);
        if (!r) {
            err << r.detail() << "\n";
            return exit_for(r.error());
        }
        out << *r << std::endl;
        return kExitOk;
    }
    if (o->command == "fingerprint") {
        std::error_code ec;
        if (!std::filesystem::exists(data.db(), ec)) {
            err << "no server in " << data.dir.string() << "\n";
            return kExitNotInitialised;
        }
        auto fp = certificate_fingerprint(data.cert());
        if (!fp) {
            err << fp.detail() << "\n";
            return fp.error() == Error::NotFound ? kExitNotInitialised : kExitStorage;
        }
        out << *fp << std::endl;
        return kExitOk;
    }
    err << "unknown command " << o->command << "\n" << kUsage;
    return kExitUsage;
}

}  // namespace quartier::sync::server
