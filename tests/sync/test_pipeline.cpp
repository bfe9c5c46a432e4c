#include "sync/store/pipeline.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

using namespace quartier::sync;

namespace {
struct Chunk {
    std::size_t index = 0;
    std::vector<long> in, out;
    std::thread::id processed_by;
};

// Chunk i holds the numbers [i*10, i*10+10); processing squares them.
struct Counting {
    std::size_t chunks;
    std::size_t produced = 0;
    std::atomic<int> running{0};      // process() calls in flight
    std::atomic<int> processed{0};
    bool produce(Chunk& c) {
        if (produced == chunks) return false;
        c.index = produced++;
        c.in.clear();
        for (long k = 0; k < 10; ++k) c.in.push_back(long(c.index) * 10 + k);
        return true;
    }
    void process(Chunk& c) {
        ++running;
        c.out.clear();
        for (long v : c.in) c.out.push_back(v * v);
        c.processed_by = std::this_thread::get_id();
        ++processed;
        --running;
    }
};
}  // namespace

TEST_CASE("The pipeline consumes every chunk once, processed, in the order produced", "[pipeline]") {
    const unsigned helpers = GENERATE(0u, 1u, 3u);
    const std::size_t slots = GENERATE(std::size_t(1), std::size_t(2), std::size_t(8));
    const std::size_t chunks = GENERATE(std::size_t(0), std::size_t(1), std::size_t(500));
    CAPTURE(helpers, slots, chunks);
    Counting work{chunks};
    std::vector<Chunk> ring(slots);
    std::size_t consumed = 0;
    bool in_order = true, squared = true;
    const auto caller = std::this_thread::get_id();
    bool consumed_on_caller = true;
    const bool finished = run_pipeline(
        ring, helpers, [&](Chunk& c) { return work.produce(c); }, [&](Chunk& c) { work.process(c); },
        [&](Chunk& c) {
            in_order = in_order && c.index == consumed;
            for (std::size_t k = 0; k < c.in.size(); ++k) squared = squared && c.out.at(k) == c.in[k] * c.in[k];
            consumed_on_caller = consumed_on_caller && std::this_thread::get_id() == caller;
            ++consumed;
            return true;
        });
    CHECK(finished);
    CHECK(consumed == chunks);
    CHECK(work.processed == int(chunks));
    CHECK(in_order);
    CHECK(squared);
    CHECK(consumed_on_caller);
    CHECK(work.running == 0);
}

TEST_CASE("A consumer that stops ends the pipeline: nothing after it is consumed, every helper has stopped", "[pipeline]") {
    const unsigned helpers = GENERATE(0u, 1u, 3u);
    CAPTURE(helpers);
    Counting work{1000};
    std::vector<Chunk> ring(4);
    std::size_t consumed = 0;
    const bool finished = run_pipeline(
        ring, helpers, [&](Chunk& c) { return work.produce(c); }, [&](Chunk& c) { work.process(c); },
        [&](Chunk&) { return ++consumed < 6; });
    CHECK_FALSE(finished);
    CHECK(consumed == 6);
    // At most the ring's worth of chunks beyond the last one consumed was produced.
    CHECK(work.produced <= 6 + ring.size());
    CHECK(work.running == 0);
    CHECK(work.processed <= int(work.produced));
}
