// The folded state of generic records (DESIGN.md §5): every field keeps its heads, the ops no
// later op names as a parent. One head is the value; several are a visible conflict with a
// deterministic display winner (highest HLC, then author device id).
#pragma once

#include "crypto/envelope.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace quartier::sync {

using crypto::DeviceId;
using crypto::OpId;
using crypto::ScopeId;

// One op that is currently a head of a field.
struct FieldVersion {
    OpId op{};
    std::uint64_t hlc = 0;
    DeviceId author{};
    std::string value;
};

struct FieldState {
    std::vector<FieldVersion> heads;  // sorted: display winner first
    const FieldVersion& winner() const { return heads.front(); }
    bool conflicted() const { return heads.size() > 1; }
};

// A record-level delete that is currently a head: the field heads it saw are what it covers.
struct Tombstone {
    OpId op{};
    std::uint64_t hlc = 0;
    DeviceId author{};
    std::vector<OpId> covers;
};

struct Record {
    std::string id;
    std::string type;
    ScopeId scope{};
    std::map<std::string, FieldState> fields;
    std::vector<Tombstone> deletes;  // record-level tombstone heads

    // Deleted: a tombstone head exists and no field head is concurrent with it.
    bool deleted() const;
    // An edit concurrent with a delete: the record stays, flagged.
    bool delete_conflict() const;
    bool conflicted() const;
    std::optional<std::string> value(const std::string& field) const;
};

}  // namespace quartier::sync
