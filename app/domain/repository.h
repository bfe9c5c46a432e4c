// Load, check, save and list the case-side domain records (types.h) over a sync::Store.
// Qt-free: the CLI, the benchmarks and the Qt controllers share it.
//
// Terms
//   check    the rules of docs/domain.md for one record, against the store (and what a Batch staged
//            before it): a list of Issues, empty when valid. Nothing is written.
//   save     check, then write only the fields whose value differs from the stored display value,
//            all in one Writer commit. A new record gets a fresh id (written back into record.id).
//   current risk   a case's latest risk_assessment by assessed_on, then by id.
//   case scope     the scope (sync::Store::create_scope) a new case founds: its key is this
//            device's until shared (SyncClient::share_scope); the next sync registers it in the
//            directory as kind `case` with this device as its member.
//   index    live records by type and by the value of each reference field (case_id, goal_id, ...),
//            built in one pass over the store and rebuilt when Store::generation() moved (a commit,
//            a sync ingest): queries cost the records they return, not the records on the device.
//
// States of a record as this layer sees them
//   (none) --save ok--> Live --save ok--> Live        (only changed fields become ops)
//   Live --remove--> Deleted (tombstone; a goal's steps go with it in the same commit)
//   Live --concurrent edits arrive--> Live+conflicted fields (Meta::conflicts); resolve() or a save
//        that changes such a field settles it; a save that leaves it unchanged keeps the conflict.
//   contact_event: Draft --save (any edit, lenient check)--> Draft --finalise (full check)--> Final;
//        a Final event stays Final and every later save is checked fully.
//
// Invariants
//   1. Nothing invalid is written: a failed check writes no op, and bad input loses nothing stored.
//   2. A save or a Batch is one commit: all of its ops land or none (sync::Writer).
//   3. An untouched conflicted field is never resolved behind the user's back (no write when the
//      value equals the stored display winner).
//   4. A requirement is saved only while its case's current risk assessment is danger; saving an
//      assessment that leaves danger lifts every open requirement of the case in the same commit.
//   5. A record's case_id never changes after its first save. Every new case founds its own case
//      scope (a fresh key, kind `case`; docs/roles.md), and its children live in it; an entrusted
//      (§65) note lives in the worker's personal scope (the store's default scope). A record never
//      changes scope.
//   6. A case scope is founded only for a case that is committed: a Batch dropped (or failed)
//      before its commit forgets the keys of the scopes it founded.
#pragma once

#include "types.h"
#include "validation.h"

#include "crypto/result.h"
#include "sync/store/record.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace quartier::sync {
class Store;
class Writer;
}  // namespace quartier::sync

namespace quartier::domain {

enum class Error {
    Invalid,    // the record breaks a rule: the detail (and SaveOptions::issues) names every issue
    NotFound,   // no live record with that id
    WrongType,  // the id names a record of another type
    Store,      // the store failed; detail: the sync error
    Denied,     // this device's role may not found a case scope (sync/client/roles.h); detail: why
};

std::string_view to_string(Error e);

template <class T>
using Result = quartier::Result<T, Error>;

struct SaveOptions {
    // For a new record only: the scope to write it in. Default: a case founds a new case scope,
    // an entrusted note goes to the worker's personal scope (the store's default scope, §65
    // SGB VIII), every other record into its case's scope.
    const sync::ScopeId* scope = nullptr;
    // If set, receives the issues of a failed check (empty after a successful save).
    Issues* issues = nullptr;
    // The legal basis the commit's audit entry names (docs/audit.md), e.g. when sharing.
    std::string legal_basis;
};

// One field's concurrent values, display winner first.
struct FieldConflict {
    std::string field;
    std::vector<std::string> values;
};

// One version of a note's text (the store's field history), oldest first.
struct NoteVersion {
    std::uint64_t hlc = 0;  // hybrid logical clock: milliseconds since 1970 in the upper 48 bits
    std::string author;     // the writing device's id (hex)
    std::string text;
};

// A case member with its person.
struct Member {
    CaseMember member;
    Person person;
};

class Batch;
namespace detail {
struct RecordIndex;
}

// The domain's view of one unlocked store; not thread-safe (like the store it wraps).
class Repository {
public:
    explicit Repository(sync::Store& store);
    ~Repository();
    Repository(const Repository&) = delete;
    Repository& operator=(const Repository&) = delete;

    // T is one of the record structs of types.h.
    template <class T>
    Result<T> load(const std::string& id) const;
    template <class T>
    Issues check(const T& record) const;
    template <class T>
    Result<std::string> save(T& record, SaveOptions options = {});
    // Tombstones a record; a goal together with its action steps (and its action goals' steps).
    Result<void> remove(const std::string& id);

    // ---- contact events -------------------------------------------------------------------
    // A new draft visit, saved at once.
    Result<ContactEvent> start_visit(const std::string& case_id, ContactKind kind, const std::string& started_at,
                                     const std::string& worker);
    // The issues that keep a visit from being final (empty: it may be finalised).
    Issues check_final(const ContactEvent& event) const;
    // Checks completeness and sets status final (one commit).
    Result<void> finalise(const std::string& contact_event_id, SaveOptions options = {});

    // ---- conflicts and versions -----------------------------------------------------------
    std::vector<FieldConflict> conflicts(const std::string& id) const;
    // Settles a conflicted field with `value` (one of the values or a new one), checked like a save.
    Result<void> resolve(const std::string& id, const std::string& field, const std::string& value,
                         SaveOptions options = {});
    // An edit concurrent with a delete (Meta::delete_conflict), settled by a person: keep_edit()
    // keeps the record, giving every field the delete took away its last value before the delete
    // (Store::history) and superseding the tombstone, checked like a save, in one commit;
    // confirming the delete is remove(), whose tombstone names every head, the edit's too.
    Result<void> keep_edit(const std::string& id, SaveOptions options = {});
    Result<std::vector<NoteVersion>> note_versions(const std::string& note_id) const;

    // ---- queries ----------------------------------------------------------------------------
    std::vector<Case> cases() const;  // by name, then id
    // The cases assigned to a provider organization (what a free provider's helper may see).
    std::vector<Case> cases_for_provider(const std::string& organization_id) const;
    std::vector<Member> members(const std::string& case_id) const;                // by role, then name
    std::vector<ContactEvent> contact_events(const std::string& case_id) const;   // newest first
    std::vector<Note> notes(const std::string& case_id) const;                    // newest first
    std::vector<Note> notes_of_visit(const std::string& contact_event_id) const;  // oldest first
    std::vector<WillStatement> will_statements(const std::string& case_id) const; // by recorded_on
    std::vector<Goal> goals(const std::string& case_id) const;                    // by set_on
    std::vector<ActionStep> action_steps(const std::string& goal_id) const;       // by by_when
    std::vector<Resource> resources(const std::string& case_id) const;            // by area
    std::vector<NetworkMap> network_maps(const std::string& case_id) const;       // newest first
    std::vector<ProgressReport> progress_reports(const std::string& case_id) const;  // newest first
    std::vector<ServiceFeedback> service_feedback(const std::string& case_id) const;
    std::vector<ServiceFeedback> feedback_for_service(const std::string& service_id) const;
    std::vector<RiskAssessment> risk_assessments(const std::string& case_id) const;  // oldest first
    std::optional<RiskAssessment> current_risk(const std::string& case_id) const;
    std::vector<Mandate> mandates(const std::string& case_id) const;
    std::vector<Requirement> requirements(const std::string& case_id) const;  // by deadline
    std::vector<Measure> measures(const std::string& case_id) const;          // by start

    sync::Store& store() { return m_store; }
    const sync::Store& store() const { return m_store; }

private:
    friend class Batch;
    // Live records by type and by reference field, rebuilt when the store's generation moved.
    const detail::RecordIndex& index() const;
    // The live records of T whose reference `field` is `id`, stable-sorted by `key` (ascending, or
    // descending where `newest_first`). Defined and used in repository.cpp only.
    template <class T, class Key>
    std::vector<T> linked(const std::string& field, const std::string& id, Key key, bool newest_first = false) const;
    sync::Store& m_store;
    mutable std::unique_ptr<detail::RecordIndex> m_index;
};

// Several saves and removes in one commit, checked against the store plus what was staged before
// (a case with its members, a goal with its steps, a whole demo family).
class Batch {
public:
    explicit Batch(Repository& repository);
    ~Batch();
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;

    template <class T>
    Result<std::string> save(T& record, SaveOptions options = {});
    Result<void> remove(const std::string& id);
    // Writes everything staged in one commit. After a failed save the batch still holds what was
    // staged before it; commit() writes that, or dropping the batch writes nothing.
    Result<void> commit();
    std::size_t staged() const;

    struct State;

private:
    Repository& m_repo;
    std::unique_ptr<State> m_state;
};

}  // namespace quartier::domain
