#include "sync_fixture.h"

#include "sync/protocol/wire.h"

#include <set>

using namespace quartier;
using namespace quartier::test;

TEST_CASE("An edit on one device reaches the others through the server", "[sync]") {
    SyncFixture f(3);
    const std::string id = f[1].set("", "name", "Familie Yilmaz", &f.team);
    f[1].set(id, "status", "offen");
    f.sync_all();
    f.require_converged();
    const Record* r = f[2].store->get(id);
    REQUIRE(r);
    REQUIRE(r->value("name") == "Familie Yilmaz");
    REQUIRE(f[0].store->status().pending == 0);
    REQUIRE(f[1].store->status().pending == 0);
}

TEST_CASE("Concurrent edits of one field conflict everywhere and one resolve settles them everywhere", "[sync][merge]") {
    SyncFixture f(3);
    const std::string id = f[1].set("", "status", "offen", &f.team);
    f.sync_all();
    f[1].set(id, "status", "in Klärung");   // offline on device 1
    f[2].set(id, "status", "abgeschlossen"); // offline on device 2
    f[1].set(id, "name", "Familie Berg");    // and an unrelated field
    f.sync_all();
    f.require_converged();
    for (auto& d : f.devices) {
        const Record* r = d->store->get(id);
        REQUIRE(r->fields.at("status").conflicted());
        REQUIRE(r->fields.at("status").heads.size() == 2);
        REQUIRE(r->value("name") == "Familie Berg");
    }
    Writer w(*f[0].store);
    REQUIRE(w.resolve(id, "status", "in Klärung").ok());
    REQUIRE(w.commit().ok());
    f.sync_all();
    f.require_converged();
    for (auto& d : f.devices) {
        REQUIRE_FALSE(d->store->get(id)->conflicted());
        REQUIRE(d->store->get(id)->value("status") == "in Klärung");
    }
}

TEST_CASE("An edit concurrent with a delete keeps the record, flagged, on every device", "[sync][merge]") {
    SyncFixture f(2);
    const std::string id = f[0].set("", "name", "Familie Adler", &f.team);
    f.sync_all();
    Writer w(*f[0].store);
    REQUIRE(w.remove(id).ok());
    REQUIRE(w.commit().ok());
    f[1].set(id, "note", "Hausbesuch am Dienstag");
    f.sync_all();
    f.require_converged();
    REQUIRE(f[0].store->get(id)->delete_conflict());
    REQUIRE(f[1].store->get(id)->value("note") == "Hausbesuch am Dienstag");
}

TEST_CASE("A note edited on two devices keeps both versions", "[sync][merge]") {
    SyncFixture f(2);
    const std::string id = f[0].set("", "text", "Erste Fassung", &f.team);
    f.sync_all();
    f[0].set(id, "text", "Fassung A");
    f[1].set(id, "text", "Fassung B");
    f.sync_all();
    f.require_converged();
    const auto& heads = f[1].store->get(id)->fields.at("text").heads;
    REQUIRE(heads.size() == 2);
    auto h = f[1].store->history(id, "text");
    REQUIRE(h.ok());
    REQUIRE(h->size() == 3);
}

TEST_CASE("Every failure of the wire loses nothing and duplicates nothing", "[sync][errors]") {
    const Fault fault = GENERATE(Fault::DropRequest, Fault::DropResponse, Fault::Status500, Fault::Status503,
                                 Fault::Status429, Fault::Status400, Fault::Status401, Fault::Status403, Fault::Truncate,
                                 Fault::Corrupt, Fault::Duplicate, Fault::Reorder);
    const std::string endpoint = GENERATE(as<std::string>{}, "/v1/push", "/v1/pull", "/v1/directory", "/v1/keys", "/v1/auth/token");
    INFO("fault " << to_string(fault) << " on " << endpoint);
    SyncFixture f(2);
    std::vector<std::string> ids;
    for (int i = 0; i < 30; ++i) ids.push_back(f[0].set("", "name", "Fall " + std::to_string(i), &f.team));
    f[1].set(ids[0], "status", "von Gerät 1", &f.team);

    // Every request to the endpoint fails in that way; the sync either completes or stops with an
    // error, and nothing is lost either way.
    for (auto& d : f.devices)
        d->transport.faults = [&](const Request& r) { return r.path == endpoint ? fault : Fault::None; };
    for (auto& d : f.devices) (void)d->sync();
    for (auto& d : f.devices) (void)d->sync();
    for (auto& d : f.devices) d->transport.faults = nullptr;
    f.sync_all();
    f.require_converged();
    for (const auto& id : ids) REQUIRE(f[1].store->get(id));
    REQUIRE(f[0].store->get(ids[0])->value("status") == "von Gerät 1");
    for (auto& d : f.devices) {
        const auto st = d->store->status();
        REQUIRE(st.pending == 0);
        REQUIRE(st.problems == 0);
    }
    // 30 records + 1 edit, each exactly once in every op log (ops of the personal scopes aside).
    REQUIRE(f[0].store->status().records == f[1].store->status().records);
}

TEST_CASE("Retries are bounded and a hard refusal stops the sync with its code", "[sync][errors]") {
    SyncFixture f(2);
    f[0].set("", "name", "x", &f.team);
    f[0].transport.faults = [](const Request&) { return Fault::Status503; };
    auto r = f[0].sync();
    REQUIRE_FALSE(r.ok());
    REQUIRE(f[0].client->retries() >= 3);
    REQUIRE(f[0].store->status().pending == 1);
    f[0].transport.faults = nullptr;
    f[0].sync_ok();
    REQUIRE(f[0].store->status().pending == 0);
}

TEST_CASE("A server restart in the middle of a large push: the client finishes, nothing lost or doubled", "[sync][errors]") {
    SyncFixture f(2);
    {
        Writer w(*f[0].store);
        for (int i = 0; i < 2500; ++i) REQUIRE(w.set("case", "bulk-" + std::to_string(i), "name", "Fall " + std::to_string(i), &f.team).ok());
        REQUIRE(w.commit().ok());
    }
    int pushes = 0;
    f[0].transport.faults = [&](const Request& r) {
        if (r.path == "/v1/push" && ++pushes == 2) {
            f.server.restart();  // the second batch is handled by a fresh server; its answer is lost
            return Fault::DropResponse;
        }
        return Fault::None;
    };
    f[0].sync_ok();
    f[0].transport.faults = nullptr;
    f.sync_all();
    f.require_converged();
    REQUIRE(f[1].store->list("case").size() == 2500);
    REQUIRE(f[0].store->status().pending == 0);
}

// The client prepares the next batch and acknowledges the previous one on a helper thread while a
// batch is on the wire (sync/client/client.h, step 4). Whatever request fails, exactly the batches the
// server answered leave the outbox, and the next sync sends the rest once.
TEST_CASE("A push in many batches over many scopes: exactly the answered batches leave the outbox", "[sync][errors]") {
    const int failing = GENERATE(1, 2, 3, 5);
    const Fault fault = GENERATE(Fault::Status400, Fault::DropResponse, Fault::DropRequest);
    INFO("push " << failing << " fails with " << to_string(fault));
    SyncFixture f(2);
    SyncOptions o = Device::sync_options(&f.server);
    o.push_batch = 7;
    o.max_attempts = 1;
    f[0].client = std::make_unique<SyncClient>(*f[0].store, f[0].transport, o);
    // 20 scopes of 4 records each, interleaved with the team's: more scopes than one push may carry.
    std::vector<ScopeId> scopes;
    for (int s = 0; s < 20; ++s) {
        auto sc = f[0].store->create_scope();
        REQUIRE(sc.ok());
        scopes.push_back(*sc);
    }
    {
        Writer w(*f[0].store);
        for (int i = 0; i < 4; ++i)
            for (int s = 0; s < 20; ++s) {
                REQUIRE(w.set("case", "", "name", "Fall " + std::to_string(s) + "/" + std::to_string(i), &scopes[s]).ok());
                REQUIRE(w.set("case", "", "name", "Team " + std::to_string(s) + "/" + std::to_string(i), &f.team).ok());
            }
        REQUIRE(w.commit().ok());
    }
    auto ops_of = [](std::string_view body) {
        std::set<std::string> ops;
        auto groups = wire::parse_push(body, 100000);
        REQUIRE(groups.ok());
        for (const auto& g : *groups) {
            REQUIRE(g.envelopes.size() <= 7);
            for (const auto& e : g.envelopes) {
                auto v = crypto::parse_envelope(e);
                REQUIRE(v.ok());
                ops.insert(crypto::to_hex(v->header.op));
            }
        }
        return ops;
    };
    std::vector<std::set<std::string>> pushed;  // the ops of every push request, in order
    f[0].transport.faults = [&](const Request& r) {
        if (r.path != "/v1/push") return Fault::None;
        auto groups = wire::parse_push(r.body, 100000);
        REQUIRE(groups.ok());
        REQUIRE(groups->size() <= wire::kMaxPushGroups);
        pushed.push_back(ops_of(r.body));
        return int(pushed.size()) == failing ? fault : Fault::None;
    };
    REQUIRE_FALSE(f[0].sync().ok());
    REQUIRE(int(pushed.size()) == failing);
    std::set<std::string> waiting;
    auto outbox = f[0].store->outbox(100000, 100000);
    REQUIRE(outbox.ok());
    for (const auto& item : *outbox) waiting.insert(crypto::to_hex(crypto::parse_envelope(item.envelope)->header.op));
    for (int i = 0; i + 1 < failing; ++i)
        for (const auto& op : pushed[i]) REQUIRE_FALSE(waiting.count(op));  // answered: out of the outbox
    for (const auto& op : pushed[failing - 1]) REQUIRE(waiting.count(op));   // not answered: still in it
    f[0].transport.faults = nullptr;
    f.sync_all();
    f.sync_all();
    REQUIRE(f[0].store->status().pending == 0);
    REQUIRE(f[1].store->list("case").size() == 80);  // device 1 holds the team scope only
    for (const Record* r : f[0].store->list("case")) REQUIRE(r->fields.at("name").heads.size() == 1);
    REQUIRE(f[0].store->list("case").size() == 160);
}

// The client fetches the next pull page on another thread while it folds one in (sync/client/client.h,
// step 5). Each page is still asked for once, and a fault on any page request loses nothing.
TEST_CASE("A pull in many pages: each page is asked for once, and a fault on any of them loses nothing", "[sync][errors]") {
    const int failing = GENERATE(0, 1, 2, 3, 6);  // 0: no fault
    const Fault fault = GENERATE(Fault::DropResponse, Fault::Status500, Fault::Status401, Fault::Truncate, Fault::Corrupt,
                                 Fault::Reorder);
    INFO("pull request " << failing << " fails with " << to_string(fault));
    SyncFixture f(2);
    std::vector<std::string> ids;
    {
        Writer w(*f[0].store);
        for (int i = 0; i < 60; ++i) {
            auto id = w.set("case", "", "name", "Fall " + std::to_string(i), &f.team);
            REQUIRE(id.ok());
            ids.push_back(*id);
        }
        REQUIRE(w.commit().ok());
    }
    f[0].sync_ok();
    SyncOptions o = Device::sync_options(&f.server);
    o.pull_limit = 7;
    f[1].client = std::make_unique<SyncClient>(*f[1].store, f[1].transport, o);
    std::vector<std::string> asked;  // the `since` of every pull request, in order
    f[1].transport.faults = [&](const Request& r) {
        if (r.path != "/v1/pull") return Fault::None;
        asked.push_back(r.query.substr(r.query.find("since=")));
        return int(asked.size()) == failing ? fault : Fault::None;
    };
    (void)f[1].sync();
    if (failing == 0) {
        // 60 records and the audit entries of device 0's syncs, 7 a page: every page once.
        std::set<std::string> distinct(asked.begin(), asked.end());
        REQUIRE(distinct.size() == asked.size());
        REQUIRE(asked.size() >= 9);
    }
    f[1].transport.faults = nullptr;
    f.sync_all();
    f.require_converged();
    for (const auto& id : ids) REQUIRE(f[1].store->get(id));
    REQUIRE(f[1].store->list("case").size() == 60);
    REQUIRE(f[1].store->status().problems == 0);
}

TEST_CASE("A device clock far ahead is warned about and never dropped", "[sync][merge]") {
    SyncFixture f(2);
    f[0].clock_ms += 2ull * 24 * 3600 * 1000;  // two days ahead: the server refuses such ops
    f[0].reopen();
    const std::string id = f[0].set("", "name", "aus der Zukunft", &f.team);
    auto r = f[0].sync();
    REQUIRE_FALSE(r.ok());
    REQUIRE(refusal_code(r.detail()) == "clock_skew");
    REQUIRE(f[0].store->status().pending == 1);  // kept, not dropped
    REQUIRE(f[0].store->get(id)->value("name") == "aus der Zukunft");
}

TEST_CASE("A new member reads the whole history of a scope", "[sync]") {
    SyncFixture f(3);
    auto scope = f[1].store->create_scope();
    REQUIRE(scope.ok());
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) ids.push_back(f[1].set("", "name", "Akte " + std::to_string(i), &*scope));
    f[1].sync_ok();
    f[2].sync_ok();
    for (const auto& id : ids) REQUIRE_FALSE(f[2].store->get(id));  // not a member: nothing
    REQUIRE(f[1].client->share_scope(*scope, f[2].store->device().id(), ScopeKind::Case).ok());
    f[2].sync_ok();
    for (const auto& id : ids) REQUIRE(f[2].store->get(id));
    REQUIRE_FALSE(f[0].store->get(ids[0]));  // the admin is no member either
}

TEST_CASE("A server that lies is caught by the client", "[sync][security]") {
    SyncFixture f(2);
    const std::string id = f[0].set("", "name", "echt", &f.team);
    f[0].sync_ok();
    SECTION("a tampered envelope in a pull answer is rejected, the rest applied") {
        f[1].transport.faults = [](const Request&) { return Fault::None; };
        // Mangle the first envelope's ciphertext on its way to device 1.
        struct Mangle final : Transport {
            Transport& inner;
            explicit Mangle(Transport& t) : inner(t) {}
            sync::Result<Response> send(const Request& r) override {
                auto res = inner.send(r);
                if (res && r.path == "/v1/pull" && res->content_type == wire::kFramedType) {
                    auto page = wire::parse_pull(res->body);
                    REQUIRE(page.ok());
                    std::vector<crypto::Bytes> mangled;  // the page's views point into the old body
                    mangled.reserve(page->items.size());
                    for (auto& it : page->items) {
                        mangled.emplace_back(it.envelope.begin(), it.envelope.end());
                        mangled.back().back() ^= 1;
                        it.envelope = mangled.back();
                    }
                    res->body = wire::frame_pull(*page);
                } else if (res && r.path == "/v1/pull") {
                    auto j = nlohmann::json::parse(res->body);
                    for (auto& it : j["items"]) {
                        auto env = *wire::unb64(it["envelope"].get<std::string>());
                        env[env.size() - 1] ^= 1;
                        it["envelope"] = wire::b64(env);
                    }
                    res->body = j.dump();
                }
                return res;
            }
        } mangle(f[1].transport);
        SyncClient c(*f[1].store, mangle, Device::sync_options(&f.server));
        auto r = c.sync();
        REQUIRE(r.ok());
        REQUIRE_FALSE(r->rejected.empty());
        REQUIRE_FALSE(f[1].store->get(id));
    }
    SECTION("a directory from another organisation is refused") {
        FakeServer other;
        Device stranger(other, "stranger");
        REQUIRE(found_organisation(*stranger.store, *stranger.client, "Fremd", FakeServer::bootstrap(), "https://x:1",
                                   std::string(64, '0'), "x")
                    .ok());
        FakeTransport to_other(other);
        SyncClient c(*f[1].store, to_other, Device::sync_options(&other));
        auto r = c.sync();
        REQUIRE_FALSE(r.ok());
    }
}

TEST_CASE("One push request per sync: a write, its change entry and the last sync's entry travel together",
          "[sync][framed][audit]") {
    SyncFixture f(2);
    f[0].sync_ok();
    f[0].set("", "name", "x", &f.team);
    REQUIRE(f[0].store->status().audit_pending == 2);  // the last sync's entry and the write's change entry
    std::size_t pushes = 0, pulls = 0;
    for (auto& d : f.devices)
        d->transport.faults = [&](const Request& r) {
            pushes += r.path == "/v1/push";
            pulls += r.path == "/v1/pull";
            return Fault::None;
        };
    auto r = f[0].sync();
    REQUIRE(r.ok());
    CHECK(pushes == 1);
    CHECK(r->pushed == 3);  // the record's op and the two audit entries, under two commits
    CHECK(f[0].store->status().pending == 0);
    CHECK(f[0].store->status().audit_pending == 1);  // this sync's entry waits for the next push
    // The push answer's heads show nothing new anywhere else: no pull at all.
    CHECK(pulls == 0);
    pushes = pulls = 0;
    r = f[0].sync();
    REQUIRE(r.ok());
    CHECK(pushes == 1);
    CHECK(r->pushed == 1);
    CHECK(pulls == 0);
    CHECK(f[0].store->status().audit_pending == 1);
    // The other device's push answer shows the team scope moved: it pulls that, and gets the record.
    pulls = 0;
    auto other = f[1].sync();
    REQUIRE(other.ok());
    CHECK(pulls >= 1);
    CHECK(other->applied >= 1);
    f.sync_all();
    f.require_converged();
}

TEST_CASE("A commit whose envelopes arrive in several pull pages verifies as one commit", "[sync][framed]") {
    SyncFixture f(2);
    {
        Writer w(*f[0].store);
        for (int i = 0; i < 10; ++i) REQUIRE(w.set("case", "page-" + std::to_string(i), "name", "Fall", &f.team).ok());
        REQUIRE(w.commit().ok());
    }
    f[0].sync_ok();
    SyncOptions small = Device::sync_options(&f.server);
    small.pull_limit = 3;  // the push's one commit is split over four pages
    SyncClient c(*f[1].store, f[1].transport, small);
    auto r = c.sync();
    REQUIRE(r.ok());
    REQUIRE(r->applied >= 10);
    const VerifyReport v = f[1].store->verify();
    std::string found;
    for (const auto& p : v.problems) found += p.error + "\n";
    INFO(found);
    CHECK(v.ok());
    f.sync_all();
    f.require_converged();
}

TEST_CASE("A server that answers pulls in JSON (one from before framing): the client reads those pages too",
          "[sync][framed]") {
    SyncFixture f(2);
    std::vector<std::string> ids;
    for (int i = 0; i < 30; ++i) ids.push_back(f[0].set("", "name", "Fall " + std::to_string(i), &f.team));
    f[0].sync_ok();
    // The request loses its Accept header on the way, so the server answers as it did before.
    struct JsonOnly final : Transport {
        Transport& inner;
        std::size_t json_pages = 0;
        explicit JsonOnly(Transport& t) : inner(t) {}
        sync::Result<Response> send(const Request& r) override {
            Request plain = r;
            plain.accept.clear();
            auto res = inner.send(plain);
            if (res && r.path == "/v1/pull" && res->status == 200) {
                REQUIRE(res->content_type == wire::kJsonType);
                ++json_pages;
            }
            return res;
        }
    } plain(f[1].transport);
    SyncClient c(*f[1].store, plain, Device::sync_options(&f.server));
    auto r = c.sync();
    REQUIRE(r.ok());
    CHECK(r->rejected.empty());
    REQUIRE(plain.json_pages > 0);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const Record* rec = f[1].store->get(ids[i]);
        REQUIRE(rec);
        REQUIRE(rec->value("name") == "Fall " + std::to_string(i));
    }
    f.sync_all();
    f.require_converged();
}

TEST_CASE("A cancelled sync stops before its next request, also in a backoff wait, and loses nothing", "[sync][cancel]") {
    SyncFixture f(2);
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) ids.push_back(f[0].set("", "name", "Fall " + std::to_string(i), &f.team));
    // Something to pull after the push, so that the sync has a request left to send.
    f[1].set("", "name", "von Gerät 1", &f.team);
    f[1].sync_ok();

    // The flag is raised while the push is on the wire (as a lock does from the GUI thread): that
    // push completes, then nothing more is sent.
    std::atomic<bool> cancel{false};
    std::size_t after_push = 0;
    f[0].transport.faults = [&](const Request& r) {
        if (r.path == "/v1/push") {
            cancel = true;
            after_push = f[0].transport.requests;
        }
        return Fault::None;
    };
    SyncOptions options = Device::sync_options(&f.server);
    options.cancel = &cancel;
    {
        SyncClient client(*f[0].store, f[0].transport, options);
        auto r = client.sync();
        REQUIRE_FALSE(r.ok());
        REQUIRE(r.error() == Error::Cancelled);
        REQUIRE(f[0].transport.requests == after_push);
        REQUIRE(f[0].store->status().pending == 0);  // the push that was on the wire was acknowledged
    }

    // Raised before a backoff wait of the default sleep (60 s here): the wait ends at once, no retry.
    cancel = false;
    f[0].transport.faults = [&](const Request&) {
        cancel = true;
        return Fault::Status503;
    };
    SyncOptions waiting;
    waiting.backoff_base = std::chrono::milliseconds(60'000);
    waiting.backoff_max = std::chrono::milliseconds(60'000);
    waiting.cancel = &cancel;
    const std::size_t before = f[0].transport.requests;
    const auto t0 = std::chrono::steady_clock::now();
    auto r = SyncClient(*f[0].store, f[0].transport, waiting).sync();
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.error() == Error::Cancelled);
    REQUIRE(f[0].transport.requests == before + 1);  // the first attempt only
    REQUIRE(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(30));

    // Without the flag the next sync finishes the work.
    f[0].transport.faults = nullptr;
    f.sync_all();
    f.require_converged();
    for (const auto& id : ids) REQUIRE(f[1].store->get(id));
}
