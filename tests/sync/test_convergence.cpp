// Convergence property test (the sync issue): 2–8 devices make thousands of random ops — field
// sets, deletes, concurrent edits of the same field, note versions, resolves — while syncing at
// random moments through a wire that drops, duplicates and reorders, with devices partitioned
// for a while. Afterwards every device shows the identical state, every device holds every op,
// and every value ever written is the current value, in a visible conflict, or in the field's
// version list. Seeds are fixed so CI is deterministic; QUARTIER_SEEDS=N runs N seeds and
// QUARTIER_SEED=S replays one. A failing seed is printed.
#include "sync_fixture.h"

#include <cstdlib>

using namespace quartier;
using namespace quartier::test;

namespace {
struct Written {
    std::string id, field, value;
};

void run_seed(std::uint32_t seed) {
    std::mt19937 rng(seed);
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };

    const std::size_t n = 2 + pick(7);  // 2..8 devices
    const std::size_t steps = 150 + pick(150);
    INFO("seed " << seed << ": " << n << " devices, " << steps << " steps");
    SyncFixture f(n);
    std::vector<std::string> ids;
    for (int i = 0; i < 12; ++i) ids.push_back("fall-" + std::to_string(i));
    const char* fields[] = {"name", "status", "text"};
    std::vector<Written> written;
    std::vector<bool> offline(n, false);
    std::size_t ops = 0, counter = 0;

    for (std::size_t step = 0; step < steps; ++step) {
        const std::size_t di = pick(n);
        Device& d = f[di];
        if (chance(0.05)) offline[di] = !offline[di];  // partitions come and go
        if (chance(0.25)) {
            if (offline[di]) continue;
            d.transport.faults = [&](const Request&) {
                const double x = std::uniform_real_distribution<double>(0, 1)(rng);
                return x < 0.08 ? Fault::DropResponse : x < 0.14 ? Fault::DropRequest : x < 0.22 ? Fault::Duplicate
                       : x < 0.30 ? Fault::Reorder : x < 0.33 ? Fault::Status503 : Fault::None;
            };
            (void)d.sync();  // may fail half-way: that is the point
            d.transport.faults = nullptr;
            continue;
        }
        Writer w(*d.store);
        const std::size_t batch = 1 + (chance(0.2) ? pick(4) : 0);
        for (std::size_t b = 0; b < batch; ++b) {
            const std::string& id = ids[pick(ids.size())];
            const Record* rec = d.store->get(id);
            const double x = std::uniform_real_distribution<double>(0, 1)(rng);
            if (x < 0.07 && rec && !rec->deleted() && w.size() == 0) {
                REQUIRE(w.remove(id).ok());
            } else if (x < 0.15 && rec && w.size() == 0) {
                for (const auto& [name, fs] : rec->fields)
                    if (fs.conflicted()) {
                        const std::string v = "resolved-" + std::to_string(++counter);
                        REQUIRE(w.resolve(id, name, v).ok());
                        written.push_back({id, name, v});
                        break;
                    }
            } else {
                const std::string field = fields[pick(3)];
                const std::string v = d.name + "-" + std::to_string(++counter);
                auto r = w.set("case", id, field, v, &f.team);
                REQUIRE(r.ok());
                written.push_back({id, field, v});
            }
        }
        ops += w.size();
        REQUIRE(w.commit().ok());
    }
    for (auto& d : f.devices) d->transport.faults = nullptr;
    f.sync_all();
    f.require_converged();

    // Every device holds every op (the team scope's; personal scopes hold none here).
    const std::size_t base = f[0].store->status().ops;
    for (auto& d : f.devices) REQUIRE(d->store->status().ops == base);
    REQUIRE(base >= ops);
    for (auto& d : f.devices) REQUIRE(d->store->status().pending == 0);
    // Nothing ever written is lost: it is a head (value or conflict) or in the version list.
    Store& s = *f[pick(n)].store;
    for (const Written& wr : written) {
        auto h = s.history(wr.id, wr.field);
        REQUIRE(h.ok());
        const bool found = std::any_of(h->begin(), h->end(), [&](const FieldVersion& v) { return v.value == wr.value; });
        INFO(wr.id << "." << wr.field << " = " << wr.value);
        REQUIRE(found);
    }
}
}  // namespace

TEST_CASE("Random ops, random delivery, partitions: every device converges and nothing is lost", "[sync][property]") {
    std::vector<std::uint32_t> seeds;
    if (const char* one = std::getenv("QUARTIER_SEED")) {
        seeds.push_back(std::uint32_t(std::strtoul(one, nullptr, 10)));
    } else {
        const char* many = std::getenv("QUARTIER_SEEDS");
        const std::uint32_t count = many ? std::uint32_t(std::strtoul(many, nullptr, 10)) : 12;
        for (std::uint32_t i = 1; i <= count; ++i) seeds.push_back(i * 7919);
    }
    for (std::uint32_t seed : seeds) {
        DYNAMIC_SECTION("seed " << seed) { run_seed(seed); }
    }
}
