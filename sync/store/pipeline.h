// An ordered pipeline for bulk work in the store (docs/store.md, "Bulk work on every core"): the
// calling thread produces chunks in order, any thread processes them (the CPU-bound part: sealing,
// hashing, opening envelopes), and the calling thread consumes them in order (the part that must
// stay on one thread: SQLite, the fold). With one core, or when no thread can be started (that
// failure is no exception to the caller), it runs everything on the calling thread.
//
// Terms
//   slot   one of `slots` reusable chunk objects; chunk number i lives in slot i % slots
//   P      chunks produced so far        K  chunks claimed for processing      C  chunks consumed
//
// States of a chunk and the transitions
//   Free --produce() on the caller--> Produced --claimed by any thread (K++)--> Processing
//   Processing --process() returned--> Done --consume() on the caller, in order (C++)--> Free
//
// Invariants
//   1. C <= K <= P <= C + slots: a slot is reused only after its chunk was consumed.
//   2. consume() sees chunk i only after process(chunk i) returned (mutex hand-over), and sees
//      chunks in the order produce() made them.
//   3. produce() and consume() run only on the calling thread; process() never runs twice on a chunk.
//   4. run() returns only after every helper thread has stopped: nothing touches the slots after it.
//   5. When produce() reports the end or consume() asks to stop, no further chunk is produced;
//      after a stop, chunks already processed are not consumed.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace quartier::sync {

// How many threads besides the caller bulk work may use: one per further core, at most three.
inline unsigned pipeline_helpers() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores > 1 ? std::min(cores - 1, 3u) : 0u;
}

// Runs `f` on a thread of its own, or here and now if no thread can be started (a resource
// limit): no exception leaves the library, and the work is done either way. Join the result (or
// let it go out of scope) before using what `f` produced.
template <class F>
std::jthread start_or_run(F& f) {
    try {
        return std::jthread(std::ref(f));
    } catch (const std::system_error&) {
        f();
        return {};
    }
}

// Runs the pipeline over chunks of type Chunk. produce(Chunk&) -> bool (false: no more chunks;
// the slot passed is then unused), process(Chunk&) -> void, consume(Chunk&) -> bool (false: stop).
// Returns false if consume() stopped it. Errors of produce() or consume() travel in the callers'
// own variables; process() records its failures in the chunk.
template <class Chunk, class Produce, class Process, class Consume>
bool run_pipeline(std::vector<Chunk>& slots, unsigned helpers, Produce&& produce, Process&& process, Consume&& consume) {
    const std::size_t n = slots.size();
    enum class State : unsigned char { Free, Produced, Processing, Done };
    std::vector<State> state(n, State::Free);
    std::mutex m;
    std::condition_variable work_cv;  // helpers: a chunk was produced, or the run ends
    std::condition_variable done_cv;  // caller: a chunk is done
    std::size_t P = 0, K = 0, C = 0;
    bool end = false;     // produce() has reported the end
    bool finish = false;  // the caller leaves: helpers stop
    bool stopped = false;

    // Takes the next produced slot and processes it outside the lock (called with `lock` held).
    auto process_next = [&](std::unique_lock<std::mutex>& lock) {
        const std::size_t i = K++;
        state[i % n] = State::Processing;
        lock.unlock();
        process(slots[i % n]);
        lock.lock();
        state[i % n] = State::Done;
    };
    auto helper = [&] {
        std::unique_lock lock(m);
        for (;;) {
            work_cv.wait(lock, [&] { return finish || K < P; });
            if (finish) return;
            process_next(lock);
            done_cv.notify_one();
        }
    };
    std::vector<std::thread> threads;
    if (n > 1)
        for (unsigned h = 0; h < helpers; ++h) {
            try {
                threads.emplace_back(helper);
            } catch (const std::system_error&) {
                break;  // no more threads to be had: the caller processes what nobody else does
            }
        }

    {
        std::unique_lock lock(m);
        for (;;) {
            if (C < P && state[C % n] == State::Done) {
                const std::size_t i = C;
                lock.unlock();
                const bool go_on = consume(slots[i % n]);
                lock.lock();
                state[i % n] = State::Free;
                ++C;
                if (!go_on) {
                    stopped = true;
                    break;
                }
                continue;
            }
            if (!end && P < C + n) {
                const std::size_t i = P;
                lock.unlock();
                const bool made = produce(slots[i % n]);
                lock.lock();
                if (!made) {
                    end = true;
                    continue;
                }
                state[i % n] = State::Produced;
                ++P;
                work_cv.notify_one();
                continue;
            }
            if (K < P) {  // nothing to consume or produce yet: help process
                process_next(lock);
                continue;
            }
            if (end && C == P) break;
            done_cv.wait(lock);  // chunk C is being processed by a helper
        }
        finish = true;
    }
    work_cv.notify_all();
    for (auto& t : threads) t.join();
    return !stopped;
}

}  // namespace quartier::sync
