// A small pinned HTTPS client for tests/server/process.sh: it acts as an organisation's admin
// device against a running quartier-server, so the shell test can check state across restarts.
//
//   server_probe found HOST PORT FP BOOTSTRAP STATE   found the org, join a scope, push 3 envelopes
//   server_probe pull  HOST PORT FP STATE             old token → status; re-auth; pull, verify, open
//   server_probe wrongpin HOST PORT                   a wrong pin must fail the TLS handshake
//
// STATE is a JSON file with test-only secrets (in the test's temp dir). Prints one result line.
#include "sync/server/pin.h"
#include "sync/server/server.h"

#include "sync/org/directory.h"
#include "sync/core/hlc.h"

#include "crypto/commit.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>

using namespace quartier;
using nlohmann::json;

namespace {
int fail(const std::string& what) {
    std::cerr << "probe: " << what << "\n";
    return 1;
}

struct Conn {
    httplib::SSLClient cli;
    std::string token;
    Conn(const std::string& host, int port, const std::string& fp) : cli(host, port) {
        auto pin = sync::tls::parse_fingerprint(fp);
        if (!pin || !sync::tls::pin_certificate(cli, *pin)) std::abort();
        cli.set_connection_timeout(5);
        cli.set_read_timeout(10);
    }
    std::pair<int, json> call(const std::string& method, const std::string& path, const json& body = nullptr) {
        httplib::Headers h;
        if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
        auto r = method == "GET" ? cli.Get(path.c_str(), h) : cli.Post(path.c_str(), h, body.dump(), "application/json");
        if (!r) return {0, json()};
        return {r->status, json::parse(r->body, nullptr, false)};
    }
};

bool login(Conn& c, const crypto::DeviceIdentity& dev, const crypto::Id16& server_id) {
    auto [s1, ch] = c.call("POST", "/v1/auth/challenge", json{{"device", crypto::to_hex(dev.id())}});
    if (s1 != 200) return false;
    auto raw = sync::wire::unb64(ch["challenge"].get<std::string>());
    if (!raw) return false;
    const auto sig = dev.sign(sync::server::auth_message(server_id, *raw));
    auto [s2, t] = c.call("POST", "/v1/auth/token",
                          json{{"device", crypto::to_hex(dev.id())}, {"challenge", ch["challenge"]}, {"signature", sync::wire::b64(sig)}});
    if (s2 != 200) return false;
    c.token = t["token"].get<std::string>();
    return true;
}

std::uint64_t now_ms() { return sync::system_clock()(); }

int found(const std::string& host, int port, const std::string& fp, const std::string& bootstrap, const std::string& state) {
    Conn c(host, port, fp);
    auto [si, info] = c.call("GET", "/v1/info");
    if (si != 200) return fail("info " + std::to_string(si));
    crypto::Id16 server_id{};
    if (!crypto::from_hex(info["server_id"].get<std::string>(), server_id)) return fail("server_id");

    const auto org_admin = crypto::DeviceIdentity::generate();
    const auto device = crypto::DeviceIdentity::generate();
    const auto org = crypto::random_id();
    sync::Directory dir;
    std::vector<sync::SignedEntry> es{sync::Directory::make_genesis(org_admin, org, "Probe", now_ms())};
    if (!dir.append(es.back())) return fail("genesis");
    es.push_back(dir.make_enrol(org_admin, device.id(), device.sign_public(), device.box_public(), "Probe-Admin", "admin", now_ms()));
    if (!dir.append(es.back())) return fail("enrol");
    json list = json::array();
    for (const auto& e : es) list.push_back(json::parse(e.to_json()));
    auto [so, o] = c.call("POST", "/v1/org", json{{"bootstrap", bootstrap}, {"entries", list}});
    if (so != 200) return fail("org " + std::to_string(so) + " " + o.dump());
    if (!login(c, device, server_id)) return fail("login");

    const auto scope = crypto::random_id();
    const auto member = dir.make_member(org_admin, true, scope, 1, device.id(), sync::ScopeKind::Case, now_ms());
    auto [sd, d] = c.call("POST", "/v1/directory", json{{"entry", json::parse(member.to_json())}});
    if (sd != 200) return fail("member " + d.dump());

    const auto key = crypto::SymmetricKey::generate();
    std::vector<crypto::Hash32> hashes;
    json envs = json::array();
    for (int i = 0; i < 3; ++i) {
        crypto::EnvelopeHeader h;
        h.scope = scope;
        h.epoch = 1;
        h.op = crypto::random_id();
        h.hlc = sync::Hlc::make(now_ms(), std::uint16_t(i));
        h.author = device.id();
        h.seq = std::uint64_t(i + 1);
        const std::string text = "probe note " + std::to_string(i);
        const auto env = crypto::seal_envelope(h, key, crypto::Bytes(text.begin(), text.end()), nullptr);
        hashes.push_back(crypto::parse_envelope(env)->hash());
        envs.push_back(sync::wire::b64(env));
    }
    const auto commit = crypto::make_commit(device, hashes);
    auto [sp, p] = c.call("POST", "/v1/push", json{{"commit", sync::wire::b64(commit.serialize())}, {"envelopes", envs}});
    if (sp != 200) return fail("push " + p.dump());

    const auto secret = device.secret_bytes();
    std::ofstream(state) << json{{"server_id", crypto::to_hex(server_id)}, {"device", crypto::to_hex(secret.view())},
                                 {"scope", crypto::to_hex(scope)}, {"key", crypto::to_hex(key.view())}, {"token", c.token},
                                 {"directory", list.size() + 1}}
                                .dump();
    std::cout << "pushed " << p["accepted"].get<int>() << std::endl;
    return 0;
}

int pull(const std::string& host, int port, const std::string& fp, const std::string& state) {
    std::ifstream in(state);
    const json st = json::parse(in, nullptr, false);
    if (st.is_discarded()) return fail("state");
    crypto::Id16 server_id{};
    crypto::Bytes secret(96), key_raw(32);
    if (!crypto::from_hex(st["server_id"].get<std::string>(), server_id) || !crypto::from_hex(st["device"].get<std::string>(), secret) ||
        !crypto::from_hex(st["key"].get<std::string>(), key_raw))
        return fail("state fields");
    auto device = crypto::DeviceIdentity::from_secret(secret);
    if (!device) return fail("identity");
    const auto key = crypto::SymmetricKey::from(key_raw);

    Conn c(host, port, fp);
    c.token = st["token"].get<std::string>();
    auto [s0, j0] = c.call("GET", "/v1/keys");
    std::cout << "old-token " << s0 << std::endl;
    c.token.clear();
    if (!login(c, *device, server_id)) return fail("login");

    auto [sd, dj] = c.call("GET", "/v1/directory");
    if (sd != 200) return fail("directory");
    sync::Directory dir;
    for (const auto& e : dj["entries"]) {
        auto se = sync::SignedEntry::from_json(e.dump());
        if (!se || !dir.append(*se)) return fail("directory entry does not verify");
    }
    struct Keys final : crypto::KeyResolver {
        const sync::Directory& dir;
        const crypto::SymmetricKey& key;
        Keys(const sync::Directory& d, const crypto::SymmetricKey& k) : dir(d), key(k) {}
        const crypto::SymmetricKey* scope_key(const crypto::ScopeId&, std::uint32_t) const override { return &key; }
        const crypto::SignPublicKey* member_key(const crypto::ScopeId& s, std::uint32_t e, const crypto::DeviceId& a) const override {
            return dir.member_key(s, e, a);
        }
    } keys(dir, key);

    auto [sp, page] = c.call("GET", "/v1/pull?scope=" + st["scope"].get<std::string>() + "&since=0");
    if (sp != 200) return fail("pull " + std::to_string(sp));
    int opened = 0;
    for (const auto& item : page["items"]) {
        auto env = sync::wire::unb64(item["envelope"].get<std::string>());
        auto cb = sync::wire::unb64(page["commits"][item["commit"].get<std::string>()].get<std::string>());
        if (!env || !cb) return fail("base64");
        auto commit = crypto::Commit::parse(*cb);
        if (!commit) return fail("commit");
        auto vc = crypto::verify_commit(*commit, dir.device(commit->author)->sign_pk);
        if (!vc) return fail("commit signature");
        auto plain = crypto::open_envelope(*env, keys, &*vc);
        if (!plain) return fail("open");
        ++opened;
    }
    std::cout << "pulled " << opened << std::endl;
    return 0;
}

int wrongpin(const std::string& host, int port) {
    httplib::SSLClient cli(host, port);
    sync::tls::Fingerprint pin{};
    pin.fill(0xab);
    sync::tls::pin_certificate(cli, pin);
    cli.set_connection_timeout(5);
    auto r = cli.Get("/v1/info");
    if (r) return fail("a wrong pin was accepted");
    std::cout << (r.error() == httplib::Error::SSLConnection ? "refused" : "other-error") << std::endl;
    return 0;
}
}  // namespace

int main(int argc, char** argv) {
    if (!crypto::init()) return fail("libsodium");
    const std::vector<std::string> a(argv + 1, argv + argc);
    if (a.size() == 6 && a[0] == "found") return found(a[1], std::stoi(a[2]), a[3], a[4], a[5]);
    if (a.size() == 5 && a[0] == "pull") return pull(a[1], std::stoi(a[2]), a[3], a[4]);
    if (a.size() == 3 && a[0] == "wrongpin") return wrongpin(a[1], std::stoi(a[2]));
    return fail("usage: found|pull|wrongpin ...");
}
