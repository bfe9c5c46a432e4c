// Load, save, remove and query (repository.h); the fields come from the schema (schema.h), the
// checks from rules.cpp, what both share from repository_detail.h.
#include "repository.h"

#include "repository_detail.h"

#include "crypto/crypto.h"
#include "offers/offers.h"
#include "sync/store/store.h"

#include <algorithm>
#include <tuple>
#include <type_traits>

namespace quartier::domain {

std::string_view to_string(Error e) {
    switch (e) {
    case Error::Invalid: return "invalid";
    case Error::NotFound: return "not found";
    case Error::WrongType: return "wrong type";
    case Error::Store: return "store";
    case Error::Denied: return "denied";
    }
    return "unknown";
}

namespace {

// The store setting that names a scope's kind until the directory records it (sync/client/client.cpp,
// register_scopes; quartier-cli scope create).
constexpr const char* kScopeKindSetting = "scope_kind:";

}  // namespace

// ---- the index ----------------------------------------------------------------------------------

namespace detail {
namespace {
bool by_id(const sync::Record* a, const std::string& id) { return a->id < id; }
void erase_from(std::vector<const sync::Record*>& v, const sync::Record* rec) {
    auto it = std::lower_bound(v.begin(), v.end(), rec->id, by_id);
    if (it != v.end() && *it == rec) v.erase(it);
}
void insert_into(std::vector<const sync::Record*>& v, const sync::Record* rec) {
    auto it = std::lower_bound(v.begin(), v.end(), rec->id, by_id);
    if (it == v.end() || *it != rec) v.insert(it, rec);
}
}  // namespace

void RecordIndex::drop(const sync::Record* rec) {
    if (auto t = by_type.find(rec->type); t != by_type.end()) erase_from(t->second, rec);
    for (const char* field : kIndexed)
        if (auto f = rec->fields.find(field); f != rec->fields.end() && !f->second.winner().value.empty())
            if (auto k = by_ref.find(key(rec->type, field, f->second.winner().value)); k != by_ref.end())
                erase_from(k->second, rec);
}

void RecordIndex::add(const sync::Record* rec) {
    insert_into(by_type[rec->type], rec);
    for (const char* field : kIndexed)
        if (auto f = rec->fields.find(field); f != rec->fields.end() && !f->second.winner().value.empty())
            insert_into(by_ref[key(rec->type, field, f->second.winner().value)], rec);
}
}  // namespace detail

namespace {

template <class T>
std::optional<Entry> existing_of(const T& record, const View& view) {
    if (record.id.empty()) return std::nullopt;
    return view.get(record.id);
}

Failure<Error> store_failure(const Failure<sync::Error>& f) {
    return {Error::Store, std::string(sync::to_string(f.error)) + (f.detail.empty() ? "" : ": " + f.detail)};
}

// A save refused for its issues (Error::Invalid, the issues also handed back through
// SaveOptions::issues); nullopt when there are none.
std::optional<Failure<Error>> refusal(const Issues& issues, const SaveOptions& options) {
    if (issues.empty()) return std::nullopt;
    if (options.issues) *options.issues = issues;
    return Failure<Error>{Error::Invalid, describe(issues)};
}

// The same for an edit of the stored record `id` of `type` (resolve, keep_edit), which is refused
// first if this layer does not `know` the type.
std::optional<Failure<Error>> edit_refusal(bool known, const std::string& id, const std::string& type,
                                           const Issues& issues, const SaveOptions& options) {
    if (!known) return Failure<Error>{Error::WrongType, id + " is a " + type + ", not a domain record"};
    return refusal(issues, options);
}

}  // namespace

// ---- Batch ---------------------------------------------------------------------------------------

Batch::Batch(Repository& repository) : m_repo(repository), m_state(std::make_unique<State>(repository.m_store)) {}
Batch::~Batch() {
    // A case scope founded for a case that was never committed holds nothing: its key goes again,
    // so that no empty scope is registered at the next sync. (A crash in between leaves one empty
    // case scope behind, registered like any other; nothing of a case is in it.)
    for (const sync::ScopeId& scope : m_state->founded) (void)m_repo.m_store.remove_scope_key(scope, 1);
}

std::size_t Batch::staged() const { return m_state->writer.size(); }

namespace {

// Stages one field write and keeps the batch's view of the record current.
Result<std::string> stage_set(Batch::State& st, const sync::Store& store, const std::string& type, const std::string& id,
                              const std::string& field, const std::string& value, const sync::ScopeId* scope) {
    auto r = st.writer.set(type, id, field, value, scope);
    if (!r) {
        st.broken = true;
        st.broken_detail = store_failure(r.failure()).detail;
        return store_failure(r.failure());
    }
    auto [it, fresh] = st.records.try_emplace(*r);
    if (fresh) {
        it->second.type = type;
        if (const sync::Record* rec = store.get(*r); live(rec)) {
            it->second.fields = fields_of(*rec);
            it->second.scope = rec->scope;
        } else {
            it->second.scope = scope ? *scope : store.default_scope();
        }
    }
    it->second.fields[field] = value;
    return *r;
}

// A new case's own scope (docs/roles.md: kind `case`, founded by the worker who opens the case):
// a fresh key at epoch 1, its kind recorded as `quartier-cli scope create` records it (setting
// "scope_kind:<hex>"), registered in the directory at the next sync with this device as its
// member. Refused if this device is enrolled in a role that may not hold a case scope.
Result<sync::ScopeId> found_case_scope(sync::Store& store) {
    if (auto refused = offers::role_refusal(store, sync::ScopeKind::Case)) return {Error::Denied, *refused};
    auto id = store.create_scope();
    if (!id) return store_failure(id.failure());
    if (auto r = store.set_setting(std::string(kScopeKindSetting) + crypto::to_hex(*id), "case"); !r) {
        (void)store.remove_scope_key(*id, 1);
        return store_failure(r.failure());
    }
    return *id;
}

std::optional<sync::ScopeId> scope_of(const Batch::State& st, const sync::Store& store, const std::string& id) {
    if (auto it = st.records.find(id); it != st.records.end()) return it->second.scope;
    if (const sync::Record* rec = store.get(id)) return rec->scope;
    return std::nullopt;
}

}  // namespace

template <class T>
Result<std::string> Batch::save(T& record, SaveOptions options) {
    State& st = *m_state;
    if (options.issues) options.issues->clear();
    if (st.broken) return {Error::Store, st.broken_detail};
    const sync::Store& store = m_repo.m_store;
    View view(store, m_repo.index(), &st);
    std::optional<Entry> existing;
    if (!record.id.empty()) {
        existing = view.get(record.id);
        if (!existing) return {Error::NotFound, "no record " + record.id};
        if (existing->type != T::kType) return {Error::WrongType, record.id + " is a " + existing->type};
    }
    prepare(record, view);
    if (auto refused = refusal(check_in(record, view, existing), options)) return *refused;

    // Where a new record goes (invariant 5): a case founds its own case scope; an entrusted note
    // goes to the worker's personal scope (§65 SGB VIII); every other record into its case's scope.
    std::optional<sync::ScopeId> scope;
    if (!existing) {
        if (options.scope) {
            scope = *options.scope;
        } else if constexpr (std::is_same_v<T, Case>) {
            auto founded = found_case_scope(m_repo.m_store);
            if (!founded) return founded.failure();
            st.founded.push_back(*founded);
            scope = *founded;
        } else {
            if constexpr (std::is_same_v<T, Note>)
                if (record.entrusted) scope = store.default_scope();
            if (!scope) scope = scope_of(st, store, record.case_id);
        }
    } else {
        // An existing record is written under the scope it was made in, named (the store refuses
        // a write that names another: docs/threat-model.md, "Records bound to their scope").
        scope = scope_of(st, store, record.id);
    }
    const Fields fields = encode(record);
    std::string id = record.id;
    for (const auto& [name, value] : fields) {
        if (std::find(record.unreadable.begin(), record.unreadable.end(), name) != record.unreadable.end()) continue;
        if (existing ? value == get_or_empty(existing->fields, name) : value.empty()) continue;
        auto r = stage_set(st, store, T::kType, id, name, value, scope ? &*scope : nullptr);
        if (!r) return r;
        id = *r;
    }
    if (id.empty()) {  // a new record with every field empty: only Case could be, and it needs a name
        auto r = stage_set(st, store, T::kType, id, fields.begin()->first, {}, scope ? &*scope : nullptr);
        if (!r) return r;
        id = *r;
    }
    record.id = id;
    if (!options.legal_basis.empty()) st.writer.legal_basis(options.legal_basis);

    if constexpr (std::is_same_v<T, RiskAssessment>) {
        // Invariant 4: leaving the Gefährdungsbereich lifts the case's open requirements.
        auto current = View(store, m_repo.index(), &st).current_risk(record.case_id);
        if (current && current->area != RiskArea::Danger) {
            for (const Requirement& req : View(store, m_repo.index(), &st).records<Requirement>(kCaseId, record.case_id)) {
                if (req.status != RequirementStatus::Open) continue;
                const auto req_scope = scope_of(st, store, req.id);
                const sync::ScopeId* in = req_scope ? &*req_scope : nullptr;
                auto a = stage_set(st, store, Requirement::kType, req.id, "status", enc(RequirementStatus::Lifted), in);
                if (!a) return a;
                auto b = stage_set(st, store, Requirement::kType, req.id, "lifted_on", current->assessed_on, in);
                if (!b) return b;
            }
        }
    }
    return id;
}

Result<void> Batch::remove(const std::string& id) {
    State& st = *m_state;
    if (st.broken) return {Error::Store, st.broken_detail};
    const sync::Store& store = m_repo.m_store;
    View view(store, m_repo.index(), &st);
    auto e = view.get(id);
    if (!e) return {Error::NotFound, "no record " + id};
    if (e->type == Goal::kType) {
        const std::string& case_id = get_or_empty(e->fields, kCaseId);
        for (const auto& [step, f] : view.list(ActionStep::kType, "goal_id", id))
            if (get_or_empty(f, kCaseId) == case_id)
                if (auto r = remove(step); !r) return r;
        for (const auto& [child, f] : view.list(Goal::kType, "parent_goal_id", id))
            if (get_or_empty(f, kCaseId) == case_id)
                if (auto r = remove(child); !r) return r;
    }
    const auto scope = scope_of(st, store, id);
    if (auto r = st.writer.remove(id, scope ? &*scope : nullptr); !r) {
        st.broken = true;
        st.broken_detail = store_failure(r.failure()).detail;
        return store_failure(r.failure());
    }
    auto& s = st.records[id];
    s.type = e->type;
    s.fields = e->fields;
    s.removed = true;
    return {};
}

Result<void> Batch::commit() {
    State& st = *m_state;
    if (st.broken) return {Error::Store, st.broken_detail};
    const sync::Store& store = m_repo.m_store;
    detail::RecordIndex& ix = *m_repo.m_index;
    // The index follows this commit record by record if it is current and the commit applies
    // exactly its own ops; anything else (a failure, a surprise) leaves it to a full rebuild.
    const bool follow = ix.built && ix.generation == store.generation();
    const std::uint64_t expected = store.generation() + st.writer.size();
    if (follow)
        for (const auto& [id, staged] : st.records)
            if (const sync::Record* rec = store.get(id); live(rec)) ix.drop(rec);
    if (auto r = st.writer.commit(); !r) {
        ix.built = false;
        st.broken = true;
        st.broken_detail = store_failure(r.failure()).detail;
        return store_failure(r.failure());
    }
    st.founded.clear();  // the cases are stored: their scopes stay
    if (follow && store.generation() == expected) {
        for (const auto& [id, staged] : st.records)
            if (const sync::Record* rec = store.get(id); live(rec)) ix.add(rec);
        ix.generation = expected;
    } else {
        ix.built = false;
    }
    st.records.clear();
    return {};
}

// ---- Repository ----------------------------------------------------------------------------------

Repository::Repository(sync::Store& store) : m_store(store), m_index(std::make_unique<detail::RecordIndex>()) {}
Repository::~Repository() = default;

const detail::RecordIndex& Repository::index() const {
    detail::RecordIndex& ix = *m_index;
    if (ix.built && ix.generation == m_store.generation()) return ix;
    ix.by_type.clear();
    ix.by_ref.clear();
    for (const sync::Record* rec : m_store.list()) {  // live records, by id
        ix.by_type[rec->type].push_back(rec);
        for (const char* field : kIndexed) {
            auto f = rec->fields.find(field);
            if (f != rec->fields.end() && !f->second.winner().value.empty())
                ix.by_ref[detail::RecordIndex::key(rec->type, field, f->second.winner().value)].push_back(rec);
        }
    }
    ix.generation = m_store.generation();
    ix.built = true;
    return ix;
}

template <class T>
Result<T> Repository::load(const std::string& id) const {
    const sync::Record* rec = m_store.get(id);
    if (!live(rec)) return {Error::NotFound, "no record " + id};
    if (rec->type != T::kType) return {Error::WrongType, id + " is a " + rec->type};
    return decode_record<T>(*rec);
}

template <class T>
Issues Repository::check(const T& record) const {
    View view(m_store, index(), nullptr);
    T copy = record;
    prepare(copy, view);
    return check_in(copy, view, existing_of(copy, view));
}

template <class T>
Result<std::string> Repository::save(T& record, SaveOptions options) {
    const std::string before = record.id;
    Batch batch(*this);
    auto r = batch.save(record, options);
    if (!r) return r;
    if (auto c = batch.commit(); !c) {
        record.id = before;
        return c.failure();
    }
    return r;
}

Result<void> Repository::remove(const std::string& id) {
    Batch batch(*this);
    if (auto r = batch.remove(id); !r) return r;
    return batch.commit();
}

Result<ContactEvent> Repository::start_visit(const std::string& case_id, ContactKind kind, const std::string& started_at,
                                             const std::string& worker) {
    ContactEvent e;
    e.case_id = case_id;
    e.kind = kind;
    e.started_at = started_at;
    e.worker = worker;
    if (auto r = save(e); !r) return r.failure();
    return e;
}

Issues Repository::check_final(const ContactEvent& event) const {
    ContactEvent copy = event;
    copy.status = ContactStatus::Final;
    return check(copy);
}

Result<void> Repository::finalise(const std::string& id, SaveOptions options) {
    auto e = load<ContactEvent>(id);
    if (!e) return e.failure();
    e->status = ContactStatus::Final;
    if (auto r = save(*e, options); !r) return r.failure();
    return {};
}

std::vector<FieldConflict> Repository::conflicts(const std::string& id) const {
    std::vector<FieldConflict> out;
    const sync::Record* rec = m_store.get(id);
    if (!rec) return out;
    for (const auto& [name, state] : rec->fields) {
        if (!state.conflicted()) continue;
        FieldConflict fc{name, {}};
        for (const auto& h : state.heads) fc.values.push_back(h.value);
        out.push_back(std::move(fc));
    }
    return out;
}

Result<void> Repository::resolve(const std::string& id, const std::string& field, const std::string& value,
                                 SaveOptions options) {
    if (options.issues) options.issues->clear();
    const sync::Record* rec = m_store.get(id);
    if (!live(rec)) return {Error::NotFound, "no record " + id};
    if (!rec->fields.count(field)) return {Error::NotFound, "no field " + field + " on " + id};
    Issues issues;
    const bool known = with_type(rec->type, [&]<class T>(std::type_identity<T>) {
        Fields f = fields_of(*rec);
        f[field] = value;
        const T candidate = decode<T>(id, f);
        View view(m_store, index(), nullptr);
        const std::optional<Entry> existing = Entry{rec->type, fields_of(*rec)};
        if (std::find(candidate.unreadable.begin(), candidate.unreadable.end(), field) != candidate.unreadable.end())
            issues.push_back(Issue{field, Reason::Malformed, "not a value of this field"});
        else if (!encode(candidate).count(field))
            issues.push_back(Issue{field, Reason::UnknownValue, "no such field on " + rec->type});
        else
            issues = check_in(candidate, view, existing);
    });
    if (auto refused = edit_refusal(known, id, rec->type, issues, options)) return *refused;
    sync::Writer w(m_store);
    if (!options.legal_basis.empty()) w.legal_basis(options.legal_basis);
    if (auto r = w.resolve(id, field, value); !r) return store_failure(r.failure());
    if (auto r = w.commit(); !r) return store_failure(r.failure());
    return {};
}

Result<void> Repository::keep_edit(const std::string& id, SaveOptions options) {
    if (options.issues) options.issues->clear();
    const sync::Record* rec = m_store.get(id);
    if (!live(rec)) return {Error::NotFound, "no record " + id};
    if (!rec->delete_conflict()) return {Error::NotFound, "no edit concurrent with a delete on " + id};
    Fields present = fields_of(*rec);
    Fields restored;  // what the delete took away, as it was before the delete
    Issues issues;
    const bool known = with_type(rec->type, [&]<class T>(std::type_identity<T>) {
        for (const auto& [name, unused] : encode(T{})) {
            if (present.count(name)) continue;
            auto h = m_store.history(id, name);  // oldest first
            if (h && !h->empty()) restored[name] = h->back().value;
        }
        Fields all = present;
        all.insert(restored.begin(), restored.end());
        const T candidate = decode<T>(id, all);
        View view(m_store, index(), nullptr);
        issues = check_in(candidate, view, std::optional<Entry>(Entry{rec->type, all}));
    });
    if (auto refused = edit_refusal(known, id, rec->type, issues, options)) return *refused;
    // Each set names the tombstones as parents (sync::Writer::set): the record lives on. With
    // nothing to restore, an unconflicted field is written again with its value to do that.
    sync::Writer w(m_store);
    if (!options.legal_basis.empty()) w.legal_basis(options.legal_basis);
    if (restored.empty()) {
        auto plain = std::find_if(rec->fields.begin(), rec->fields.end(), [](const auto& f) { return !f.second.conflicted(); });
        if (plain == rec->fields.end()) plain = rec->fields.begin();  // every field conflicted: the resolve rows stay
        restored[plain->first] = plain->second.winner().value;
    }
    const std::string type = rec->type;
    for (const auto& [name, value] : restored)
        if (auto r = w.set(type, id, name, value); !r) return store_failure(r.failure());
    if (auto r = w.commit(); !r) return store_failure(r.failure());
    return {};
}

Result<std::vector<NoteVersion>> Repository::note_versions(const std::string& note_id) const {
    const sync::Record* rec = m_store.get(note_id);
    if (!rec) return {Error::NotFound, "no record " + note_id};
    if (rec->type != Note::kType) return {Error::WrongType, note_id + " is a " + rec->type};
    auto h = m_store.history(note_id, "text");
    if (!h) return store_failure(h.failure());
    std::vector<NoteVersion> out;
    for (const sync::FieldVersion& v : *h) out.push_back(NoteVersion{v.hlc, crypto::to_hex(v.author), v.value});
    return out;
}

// ---- queries -------------------------------------------------------------------------------------

namespace {

template <class T, class Key>
std::vector<T> sorted(std::vector<T> v, Key key) {
    std::stable_sort(v.begin(), v.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
    return v;
}

}  // namespace

std::vector<Case> Repository::cases() const {
    return sorted(View(m_store, index(), nullptr).records<Case>(), [](const Case& c) { return std::tie(c.name, c.id); });
}

template <class T, class Key>
std::vector<T> Repository::linked(const std::string& field, const std::string& id, Key key, bool newest_first) const {
    auto v = View(m_store, index(), nullptr).records<T>(field, id);
    std::stable_sort(v.begin(), v.end(), [&](const T& a, const T& b) { return newest_first ? key(b) < key(a) : key(a) < key(b); });
    return v;
}

std::vector<Case> Repository::cases_for_provider(const std::string& organization_id) const {
    if (organization_id.empty()) return {};
    return linked<Case>("provider_organization", organization_id, [](const Case& c) { return std::tie(c.name, c.id); });
}

std::vector<Member> Repository::members(const std::string& case_id) const {
    View view(m_store, index(), nullptr);
    std::vector<Member> out;
    for (CaseMember& m : view.records<CaseMember>(kCaseId, case_id)) {
        Member row{std::move(m), {}};
        if (auto p = load<Person>(row.member.person_id)) row.person = std::move(*p);
        else row.person.id = row.member.person_id;
        out.push_back(std::move(row));
    }
    std::stable_sort(out.begin(), out.end(), [](const Member& a, const Member& b) {
        return std::make_tuple(int(a.member.role), a.person.display_name(), a.member.id) <
               std::make_tuple(int(b.member.role), b.person.display_name(), b.member.id);
    });
    return out;
}

std::vector<ContactEvent> Repository::contact_events(const std::string& case_id) const {
    return linked<ContactEvent>(kCaseId, case_id, [](const ContactEvent& e) { return std::tie(e.started_at, e.id); }, true);
}

std::vector<Note> Repository::notes(const std::string& case_id) const {
    return linked<Note>(kCaseId, case_id, [](const Note& n) { return std::tie(n.written_at, n.id); }, true);
}

std::vector<Note> Repository::notes_of_visit(const std::string& contact_event_id) const {
    if (contact_event_id.empty()) return {};
    return linked<Note>("contact_event_id", contact_event_id, [](const Note& n) { return std::tie(n.written_at, n.id); });
}

std::vector<WillStatement> Repository::will_statements(const std::string& case_id) const {
    return linked<WillStatement>(kCaseId, case_id, [](const WillStatement& w) { return std::tie(w.recorded_on, w.id); });
}

std::vector<Goal> Repository::goals(const std::string& case_id) const {
    return linked<Goal>(kCaseId, case_id, [](const Goal& g) { return std::tie(g.set_on, g.id); });
}

std::vector<ActionStep> Repository::action_steps(const std::string& goal_id) const {
    if (goal_id.empty()) return {};
    return linked<ActionStep>("goal_id", goal_id, [](const ActionStep& s) { return std::tie(s.by_when, s.id); });
}

std::vector<Resource> Repository::resources(const std::string& case_id) const {
    return linked<Resource>(kCaseId, case_id, [](const Resource& r) { return std::make_tuple(int(r.area), r.id); });
}

std::vector<NetworkMap> Repository::network_maps(const std::string& case_id) const {
    return linked<NetworkMap>(kCaseId, case_id, [](const NetworkMap& m) { return std::tie(m.drawn_on, m.id); }, true);
}

std::vector<ProgressReport> Repository::progress_reports(const std::string& case_id) const {
    return linked<ProgressReport>(kCaseId, case_id, [](const ProgressReport& m) { return std::tie(m.written_on, m.id); }, true);
}

std::vector<ServiceFeedback> Repository::service_feedback(const std::string& case_id) const {
    return linked<ServiceFeedback>(kCaseId, case_id, [](const ServiceFeedback& f) { return std::tie(f.recorded_on, f.id); });
}

std::vector<ServiceFeedback> Repository::feedback_for_service(const std::string& service_id) const {
    if (service_id.empty()) return {};
    return linked<ServiceFeedback>("service_id", service_id,
                                   [](const ServiceFeedback& f) { return std::tie(f.recorded_on, f.id); });
}

std::vector<RiskAssessment> Repository::risk_assessments(const std::string& case_id) const {
    return linked<RiskAssessment>(kCaseId, case_id, [](const RiskAssessment& r) { return std::tie(r.assessed_on, r.id); });
}

std::optional<RiskAssessment> Repository::current_risk(const std::string& case_id) const {
    return View(m_store, index(), nullptr).current_risk(case_id);
}

std::vector<Mandate> Repository::mandates(const std::string& case_id) const {
    return linked<Mandate>(kCaseId, case_id, [](const Mandate& m) { return std::tie(m.due_on, m.id); });
}

std::vector<Requirement> Repository::requirements(const std::string& case_id) const {
    return linked<Requirement>(kCaseId, case_id, [](const Requirement& r) { return std::tie(r.deadline, r.id); });
}

std::vector<Measure> Repository::measures(const std::string& case_id) const {
    return linked<Measure>(kCaseId, case_id, [](const Measure& m) { return std::tie(m.start, m.id); });
}

// ---- the record types this layer knows -----------------------------------------------------------

#define QUARTIER_DOMAIN_TYPE(T)                                                        \
    template Result<T> Repository::load<T>(const std::string&) const;                  \
    template Issues Repository::check<T>(const T&) const;                              \
    template Result<std::string> Repository::save<T>(T&, SaveOptions);                 \
    template Result<std::string> Batch::save<T>(T&, SaveOptions);
QUARTIER_DOMAIN_TYPES(QUARTIER_DOMAIN_TYPE)
#undef QUARTIER_DOMAIN_TYPE

}  // namespace quartier::domain
