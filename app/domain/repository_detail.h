// Internal to app/domain: what repository.cpp (load, save, queries, the index) and rules.cpp (the
// checks) share: the record index, a batch's staged state, and the View both read records through.
// Not part of the domain API; nothing outside app/domain includes it.
//
// States and invariants: RecordIndex is current when `built` and `generation` equals the store's
// (repository.h, "index"); Batch::State holds what a batch staged, which a View overlays on the
// store; once `broken`, a batch refuses further work (repository.h, invariant 2).
#pragma once

#include "repository.h"
#include "schema.h"

#include "sync/store/store.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace quartier::domain {

inline constexpr const char* kCaseId = "case_id";

inline const std::string& get_or_empty(const Fields& f, const std::string& name) {
    static const std::string kEmpty;
    auto it = f.find(name);
    return it == f.end() ? kEmpty : it->second;
}

inline Fields fields_of(const sync::Record& rec) {
    Fields out;
    for (const auto& [name, state] : rec.fields) out[name] = state.winner().value;
    return out;
}

template <class T>
T decode_record(const sync::Record& rec) {
    T r = decode<T>(rec.id, fields_of(rec));
    for (const auto& [name, state] : rec.fields)
        if (state.conflicted()) r.conflicts.push_back(name);
    r.delete_conflict = rec.delete_conflict();
    return r;
}

inline bool live(const sync::Record* rec) { return rec && !rec->deleted() && !rec->type.empty(); }


namespace detail {
// Live records by type and by (type, reference field, value), each list sorted by id.
struct RecordIndex {
    std::uint64_t generation = 0;
    bool built = false;
    std::unordered_map<std::string, std::vector<const sync::Record*>> by_type;  // by id
    std::unordered_map<std::string, std::vector<const sync::Record*>> by_ref;   // key(): by id
    static std::string key(const std::string& type, const std::string& field, const std::string& value) {
        std::string k;
        k.reserve(type.size() + field.size() + value.size() + 2);
        k.append(type).push_back('\x1f');
        k.append(field).push_back('\x1f');
        k.append(value);
        return k;
    }
    // Keeps the index current across this process's own commits without a rebuild: drop() the
    // records a commit touches before it (their keys come from their fields as indexed), add()
    // them after it.
    void drop(const sync::Record* rec);
    void add(const sync::Record* rec);
};
}  // namespace detail

// The fields queries and checks look records up by.
inline constexpr std::array<const char*, 7> kIndexed{kCaseId, "goal_id", "parent_goal_id", "contact_event_id",
                                              "service_id", "person_id", "provider_organization"};
inline bool indexed(const std::string& field) {
    return std::any_of(kIndexed.begin(), kIndexed.end(), [&](const char* f) { return field == f; });
}

// A batch's Writer and, per record it touched, the fields as they will be after its commit.
struct Batch::State {
    explicit State(sync::Store& store) : writer(store) {}
    struct Staged {
        std::string type;
        Fields fields;
        sync::ScopeId scope{};
        bool removed = false;
    };
    sync::Writer writer;
    std::map<std::string, Staged> records;
    // Case scopes this batch founded for its new cases (key at epoch 1 already in the store):
    // forgotten again if the batch is dropped without a successful commit.
    std::vector<sync::ScopeId> founded;
    bool broken = false;  // a Writer call failed: the batch refuses further work and its commit
    std::string broken_detail;
};

// A live record's type and display values (from the store or a batch).
struct Entry {
    std::string type;
    Fields fields;
};

// What checks and queries read: the store's display values, overlaid with a batch's staged ones.
class View {
public:
    View(const sync::Store& store, const detail::RecordIndex& index, const Batch::State* staged)
        : m_store(store), m_index(index), m_staged(staged) {}

    std::optional<Entry> get(const std::string& id) const {
        if (m_staged)
            if (auto it = m_staged->records.find(id); it != m_staged->records.end())
                return it->second.removed ? std::nullopt : std::optional<Entry>(Entry{it->second.type, it->second.fields});
        const sync::Record* rec = m_store.get(id);
        if (!live(rec)) return std::nullopt;
        return Entry{rec->type, fields_of(*rec)};
    }

    // Live records of `type` whose `field` equals `value` (every record of the type if `field` is
    // empty), by id.
    std::map<std::string, Fields> list(const std::string& type, const std::string& field = {},
                                       const std::string& value = {}) const {
        std::map<std::string, Fields> out;
        static const std::vector<const sync::Record*> kNone;
        const bool by_ref = !field.empty() && indexed(field);
        const auto& map = by_ref ? m_index.by_ref : m_index.by_type;
        const auto hit = map.find(by_ref ? detail::RecordIndex::key(type, field, value) : type);
        for (const sync::Record* rec : hit == map.end() ? kNone : hit->second) {
            if (!field.empty() && !by_ref) {
                auto f = rec->fields.find(field);
                if (f == rec->fields.end() || f->second.winner().value != value) continue;
            }
            if (m_staged && m_staged->records.count(rec->id)) continue;  // the staged state decides below
            out.emplace(rec->id, fields_of(*rec));
        }
        if (m_staged)
            for (const auto& [id, s] : m_staged->records)
                if (!s.removed && s.type == type && (field.empty() || get_or_empty(s.fields, field) == value))
                    out.emplace(id, s.fields);
        return out;
    }

    template <class T>
    std::vector<T> records(const std::string& field = {}, const std::string& value = {}) const {
        std::vector<T> out;
        for (const auto& [id, fields] : list(T::kType, field, value)) {
            const sync::Record* rec = m_staged && m_staged->records.count(id) ? nullptr : m_store.get(id);
            out.push_back(rec ? decode_record<T>(*rec) : decode<T>(id, fields));
        }
        return out;
    }

    std::optional<RiskAssessment> current_risk(const std::string& case_id) const {
        std::optional<RiskAssessment> best;
        for (RiskAssessment& r : records<RiskAssessment>(kCaseId, case_id))
            if (!best || std::tie(r.assessed_on, r.id) > std::tie(best->assessed_on, best->id)) best = std::move(r);
        return best;
    }

    const sync::Store& store() const { return m_store; }
    const Batch::State* staged() const { return m_staged; }

private:
    const sync::Store& m_store;
    const detail::RecordIndex& m_index;
    const Batch::State* m_staged;
};

// The checks of rules.cpp: the schema's generic ones (text, required, format, range, references),
// then the type's own rules (docs/domain.md, "Rules").
template <class T>
Issues check_in(const T& record, const View& view, const std::optional<Entry>& existing);
// Fill-ins a save makes before checking (a feedback's social space and category).
template <class T>
void prepare(T& record, const View& view);

}  // namespace quartier::domain
