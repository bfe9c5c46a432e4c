// The folded state of generic records (docs/architecture.md §5). A field's heads are its ops that no later op
// names as a parent. One head is the value; several are a visible conflict with a deterministic
// display winner (highest HLC, then author device id, then op id). A delete is a tombstone op whose
// parents are the heads it saw: it removes exactly those, so an edit it did not see survives and
// the record is flagged instead of lost.
//
// Invariant (convergence): a record's state is a function of the set of its ops only — heads are
// {ops} minus {ops named as a parent}, sorted — so any arrival order gives the same state.
#pragma once

#include "crypto/commit.h"
#include "sync/store/opcodec.h"

#include <absl/container/inlined_vector.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace quartier::sync {

using crypto::DeviceId;
using crypto::OpId;
using crypto::ScopeId;

struct Id16Hasher {
    std::size_t operator()(const crypto::Id16& id) const noexcept;
};
using OpIdSet = std::unordered_set<OpId, Id16Hasher>;

// One op that is currently a head of a field (or a tombstone head of the record).
struct FieldVersion {
    OpId op{};
    std::uint64_t hlc = 0;
    DeviceId author{};
    std::string value;
};

// A field's heads: almost always one, held in place (a second one, a conflict, goes to the heap).
using Heads = absl::InlinedVector<FieldVersion, 1>;

struct FieldState {
    Heads heads;  // display winner first
    const FieldVersion& winner() const { return heads.front(); }
    bool conflicted() const { return heads.size() > 1; }
};

// A record's fields by name, in name order (the order of std::map<std::string, FieldState>, which
// it replaces): a sorted flat vector that holds one field in place and spills all of them into one
// allocation beyond that, instead of a tree node per field. The fold of a bulk open makes 100,000s
// of records, mostly of one or a few fields (docs/store.md, "The record index").
// Invalidation: inserting or erasing a field moves the others of the same record; readers see
// records only between changes (Store::generation()).
class FieldMap {
public:
    using value_type = std::pair<std::string, FieldState>;
    using Storage = absl::InlinedVector<value_type, 1>;
    using iterator = Storage::iterator;
    using const_iterator = Storage::const_iterator;

    iterator begin() { return m_items.begin(); }
    iterator end() { return m_items.end(); }
    const_iterator begin() const { return m_items.begin(); }
    const_iterator end() const { return m_items.end(); }
    bool empty() const { return m_items.empty(); }
    std::size_t size() const { return m_items.size(); }
    void clear() { m_items.clear(); }

    iterator find(std::string_view name);
    const_iterator find(std::string_view name) const;
    std::size_t count(std::string_view name) const { return find(name) == end() ? 0 : 1; }
    bool contains(std::string_view name) const { return find(name) != end(); }
    // The field, or std::out_of_range (as std::map::at).
    const FieldState& at(std::string_view name) const;
    // The field, inserted empty in its place if it is not there.
    FieldState& operator[](std::string_view name);
    // Erases one field; the iterator after it.
    iterator erase(const_iterator it) { return m_items.erase(it); }

private:
    Storage m_items;  // sorted by name, names unique
};

// What the fold needs of an op besides its payload: from the envelope header.
struct OpMeta {
    OpId op{};
    std::uint64_t hlc = 0;
    DeviceId author{};
    ScopeId scope{};
};

struct Record {
    std::string id;
    std::string type;
    ScopeId scope{};
    FieldMap fields;                           // only fields with at least one head
    std::vector<FieldVersion> deletes;         // tombstone heads
    OpIdSet superseded;                        // every op id some op of this record named as parent
    std::uint64_t origin_hlc = UINT64_MAX;     // the earliest op decides the type (the scope is fixed)
    OpId origin_op{};
    std::size_t op_count = 0;

    // Deleted: a tombstone head and no field heads left.
    bool deleted() const { return !deletes.empty() && fields.empty(); }
    // An edit concurrent with a delete: the record stays, flagged.
    bool delete_conflict() const { return !deletes.empty() && !fields.empty(); }
    bool conflicted() const;
    std::optional<std::string> value(const std::string& field) const;
    // Every head op id of the record (fields and tombstones): the parents of a delete.
    std::vector<OpId> all_heads() const;

    // Folds one op in; idempotent. The caller folds only ops of the record's own scope into it
    // (Store: records are keyed by scope and id); the first op folded in sets id and scope. (folding an op again changes no heads). Returns false if the op
    // is a current head already. Takes the payload by value: a caller that is done with it moves
    // it in, and the value is not copied (the bulk fold of Store::open and Writer::commit).
    bool apply(const OpMeta& meta, OpPayload op);
};

}  // namespace quartier::sync
