// quartier-server in-process for the server fuzz targets (fuzz_server.cpp): the real request
// handler (sync/server/server.h) over the real SQLite storage in a temp directory (on /dev/shm
// where there is one), fed one request per input, as cpp-httplib would hand it over.
//
// States: two pristine databases are made once per process — Unfounded (initialised, with the
// bootstrap token) and Founded (the fixture's organisation, with envelopes, grants, escrow wraps,
// enrolment offers and a request, and a shred confirmation: setup_requests()). Each input runs
// against a working copy of one. A request that changed the storage (WatchedStorage saw a
// mutating call succeed) makes the next input start from a fresh copy of the pristine file, and,
// if it changed the directory, from a fresh Server over it too; so every input sees the same
// state, as libFuzzer needs to replay inputs. The clock advances 1 ms per input; a challenge
// lives 2 ms (it serves the next request only), tokens as long as token_ttl_ms says.
//
// Properties checked on every response (docs/protocol.md, server.h invariants 3 and "A request
// that fails changes nothing"): never 500 (the storage does not fail here, so a 500 is an
// exception the handler let escape); every error is JSON {"error": {"code", "message"}} with a
// code the protocol lists, at its status; a refused request wrote nothing.
#pragma once

#include "sync/server/server.h"

#include "crypto/identity.h"

#include <optional>
#include <string>
#include <vector>

namespace quartier::fuzz {

namespace srv = quartier::sync::server;

// Who sends a request: the devices the harness holds tokens for, or nobody.
enum class Caller { Alice, Bob, Admin, Dpo, Nobody };
inline constexpr int kCallers = 5;
const crypto::DeviceIdentity* identity_of(Caller c);  // nullptr for Nobody

inline constexpr const char* kBootstrap = "b0075742a9b0075742a9b0075742a9b0075742a9b0075742a9b0075742a9b007";
crypto::Id16 server_id();
// The enrolment secret of the offer the fixture posted and nobody used yet, and of the one a
// request already answered (by newcomer()).
std::array<std::uint8_t, 16> open_offer_secret();
std::array<std::uint8_t, 16> used_offer_secret();
const crypto::DeviceIdentity& newcomer();

// One request of the fixture's state, or a valid seed.
struct FixtureRequest {
    Caller caller;
    std::string method, path, body;
    bool framed = false;  // Content-Type application/octet-stream
};
// What makes the Founded state, in order (each answers 200).
std::vector<FixtureRequest> setup_requests();
// POST /v1/org's body that founds the fixture's organisation.
std::string found_body();
// Bodies that make a push: JSON (one group) and framed (a group per entry).
std::string push_json(const crypto::DeviceIdentity& author, const std::vector<crypto::Bytes>& envelopes);
std::string push_framed(const std::vector<std::pair<const crypto::DeviceIdentity*, std::vector<crypto::Bytes>>>& groups);

class ServerHarness {
public:
    enum class State { Unfounded, Founded };
    // One per state and process, made on first use.
    static ServerHarness& get(State s);
    // How long tokens live; set before the first get(). The token target sets 1 ms: the tokens it
    // makes are then gone at its next input, and the harness itself logs in no one there.
    static std::uint64_t token_ttl_ms;

    // Sends `r` as `who` (the Authorization header, or none), checks the response's properties,
    // and resets to the pristine state if the storage changed.
    srv::Response call(srv::Request r, Caller who);
    // A challenge for alice that the next request may answer (fuzz target token).
    std::string fresh_challenge_b64();
    const crypto::Id16& id() const;

private:
    explicit ServerHarness(State s);
    struct Impl;
    Impl* m;  // never destroyed: the fuzzer exits without ordered teardown
};

}  // namespace quartier::fuzz
