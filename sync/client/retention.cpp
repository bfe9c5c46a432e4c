#include "sync/client/retention.h"

#include "sync/client/client.h"
#include "sync/protocol/json_fields.h"
#include "sync/protocol/wire.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace quartier::sync {

using nlohmann::json;

namespace {
constexpr std::uint64_t kDayMs = 86'400'000;

}  // namespace

bool case_closed(const Record& r, const RetentionPolicy& p) {
    auto it = r.fields.find(p.status_field);
    if (r.type != p.record_type || r.deleted() || it == r.fields.end() || it->second.heads.empty()) return false;
    for (const auto& h : it->second.heads)
        if (!p.closed_values.count(h.value)) return false;
    return true;
}

std::optional<std::int64_t> days_from_iso(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto num = [&](std::size_t at, std::size_t n) -> std::optional<int> {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return std::nullopt;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    const auto y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1) return std::nullopt;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
    if (*d > kDays[*m - 1] + (*m == 2 && leap ? 1 : 0)) return std::nullopt;
    // Days from civil (Howard Hinnant's algorithm).
    const std::int64_t yy = *y - (*m <= 2);
    const std::int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    const std::int64_t yoe = yy - era * 400;
    const std::int64_t doy = (153 * (*m + (*m > 2 ? -3 : 9)) + 2) / 5 + *d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::vector<RetentionDue> retention_review(const Store& store, const RetentionPolicy& p, std::uint64_t now_ms) {
    std::vector<RetentionDue> out;
    const std::int64_t today = std::int64_t(now_ms / kDayMs);
    for (const Record* r : store.list(p.record_type)) {
        const auto end = r->value(p.end_field);
        if (!end) continue;  // no retention end recorded (yet)
        RetentionDue due{r->scope, r->id, r->value(p.class_field).value_or(""), *end, false};
        const auto days = days_from_iso(*end);
        if (!days) due.malformed = true;
        else if (*days >= today) continue;  // kept through its end date
        out.push_back(std::move(due));
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Resumable purges

namespace {
constexpr const char* kPurging = "purging";

std::vector<std::string> purge_marks(const Store& store) {
    std::vector<std::string> out;
    const std::string text = store.setting(kPurging).value_or("");
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find(' ', at), text.size());
        if (end > at) out.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

Result<void> set_purge_marks(Store& store, const std::vector<std::string>& marks) {
    std::string text;
    for (const auto& m : marks) text += (text.empty() ? "" : " ") + m;
    return store.set_setting(kPurging, text);
}

Result<void> unmark_purge(Store& store, const std::string& mark) {
    auto marks = purge_marks(store);
    const auto it = std::find(marks.begin(), marks.end(), mark);
    if (it == marks.end()) return {};
    marks.erase(it);
    return set_purge_marks(store, marks);
}
}  // namespace

Result<void> purge_durably(Store& store, const ScopeId& scope, bool discard_pending) {
    const std::string mark = crypto::to_hex(scope) + (discard_pending ? ":1" : ":0");
    auto marks = purge_marks(store);
    if (std::find(marks.begin(), marks.end(), mark) == marks.end()) {
        marks.push_back(mark);
        if (auto s = set_purge_marks(store, marks); !s) return s;
    }
    if (auto p = store.purge_scope(scope, discard_pending); !p) return p;  // Busy and failures keep the mark
    return unmark_purge(store, mark);
}

Result<std::size_t> resume_purges(Store& store) {
    std::size_t done = 0;
    for (const std::string& mark : purge_marks(store)) {
        ScopeId scope{};
        const auto colon = mark.find(':');
        if (colon != 32 || mark.size() != 34 || !crypto::from_hex(mark.substr(0, 32), scope)) {
            if (auto u = unmark_purge(store, mark); !u) return u.failure();  // not ours: nothing to finish
            continue;
        }
        auto p = store.purge_scope(scope, mark[33] == '1');
        if (!p && p.error() == Error::Busy) continue;  // unpushed changes: after the next push
        if (!p) return p.failure();
        if (auto u = unmark_purge(store, mark); !u) return u.failure();
        ++done;
    }
    return done;
}

// ---------------------------------------------------------------------------------------------
// Sync steps

namespace {
// True if the server answers `path?query` with 410 `shredded`; false if it serves it. Other
// failures (network, 5xx after retries) are returned.
Result<bool> refused_as_shredded(SyncClient& c, const std::string& path, const std::string& query) {
    auto res = c.call("GET", path, query, nullptr);
    if (res) return false;
    if (res.error() == Error::Refused && refusal_code(res.detail()) == "shredded") return true;
    return res.failure();
}
}  // namespace

Result<void> SyncClient::shred(SyncReport& r) {
    // A purge a killed process left unfinished goes first (purge_durably).
    if (auto resumed = resume_purges(m_store); !resumed) return resumed.failure();
    const crypto::DeviceIdentity& me = m_store.device();
    if (!enrolled()) return {};
    std::vector<ShredOrder> orders;  // a copy: appending to the directory replaces its object
    for (const auto& [scope, o] : m_store.directory().shred_orders()) orders.push_back(o);
    for (const ShredOrder& o : orders) {
        const std::string hex = crypto::to_hex(o.scope);
        const std::string done = "shred_confirmed:" + hex;
        if (m_store.setting(done)) continue;
        std::vector<std::uint32_t> epochs;
        for (const auto& [scope, epoch] : m_store.scope_keys())
            if (scope == o.scope) epochs.push_back(epoch);
        const bool member = m_store.directory().ever_members(o.scope).count(me.id()) != 0;
        if (!member && epochs.empty()) continue;  // never held it
        // Keys and data first, pending ops included: the server refuses them for good.
        const std::string destroyed = "shred_destroyed:" + hex;
        const std::size_t before = m_store.status().ops;
        if (auto p = purge_durably(m_store, o.scope, /*discard_pending=*/true); !p) return p;
        std::size_t removed = before - std::min(before, m_store.status().ops);
        if (!epochs.empty() || removed) {
            // What the confirmation reports, should this sync be cut off before it is posted.
            if (member)
                if (auto s = m_store.set_setting(destroyed, json{{"epochs", epochs}, {"ops", removed}}.dump()); !s) return s;
        } else if (auto kept = m_store.setting(destroyed)) {  // destroyed by an earlier, cut-off sync
            const json j = json::parse(*kept, nullptr, false);
            if (j.is_object() && j.contains("epochs") && j["epochs"].is_array())
                for (const auto& e : j["epochs"])
                    if (e.is_number_unsigned() && e.get<std::uint64_t>() <= UINT32_MAX) epochs.push_back(e.get<std::uint32_t>());
            removed = uint_of(j, "ops");
        }
        if (!member) continue;  // keys without membership: destroyed, nothing to confirm to
        // Then what the server should no longer have.
        auto pull = refused_as_shredded(*this, "/v1/pull", "scope=" + hex + "&since=0&limit=1");
        if (!pull) return pull.failure();
        auto esc = refused_as_shredded(*this, "/v1/escrow", "scope=" + hex);
        if (!esc) return esc.failure();
        if (!*pull) r.server_violations.push_back("the server still serves envelopes of crypto-shredded scope " + hex);
        if (!*esc) r.server_violations.push_back("the server still serves escrow wraps of crypto-shredded scope " + hex);
        const auto c = ShredConfirmation::make(me, m_store.directory().org(), o.scope, o.seq, epochs, removed,
                                               *pull && *esc, m_store.now_ms());
        const msg::ShredConfirm body{c.to_json()};
        if (auto res = ask<msg::Empty>("POST", "/v1/shred/confirm", "", &body); !res) return res.failure();
        if (auto a = m_store.audit(AuditAction::Wipe, {hex}, o.reason,
                                   "crypto-shredding carried out (" + o.order + ", directory entry " + std::to_string(o.seq) + ")");
            !a)
            return a;
        if (auto s = m_store.set_setting(done, std::to_string(o.seq)); !s) return s;
        ++r.scopes_shredded;
    }
    return {};
}

Result<void> SyncClient::cache_purge(SyncReport& r) {
    const crypto::DeviceIdentity& me = m_store.device();
    if (!enrolled()) return {};
    const RetentionPolicy& p = m_options.retention;
    // The case scopes this device holds keys of and could leave: decided per scope first, so that
    // a sync of a device without any (or with records of other scopes only) visits no record.
    const Directory& d = m_store.directory();
    std::map<ScopeId, std::vector<std::uint32_t>> held;
    for (const auto& [scope, epoch] : m_store.scope_keys()) held[scope].push_back(epoch);
    std::erase_if(held, [&](const auto& h) {
        const ScopeId& scope = h.first;
        return d.scope_kind(scope) != ScopeKind::Case || d.shredded(scope) || d.unassigned(scope, me.id()) ||
               !d.is_member(scope, d.latest_epoch(scope), me.id());
    });
    if (held.empty()) return {};
    // Only a case this device saw open and then closed leaves it: one that was closed already
    // when it arrived (an escrow restore for inspection, a deliberate share) stays until it is
    // unassigned or shredded.
    std::set<ScopeId> closed;
    for (const Record* rec : m_store.list(p.record_type)) {
        if (!held.count(rec->scope)) continue;
        const std::string seen = "case_open:" + crypto::to_hex(rec->scope);
        if (!case_closed(*rec, p)) {
            if (!m_store.setting(seen))
                if (auto s = m_store.set_setting(seen, "1"); !s) return s;
        } else if (m_store.setting(seen)) {
            closed.insert(rec->scope);
        }
    }
    for (const ScopeId& scope : closed) {
        const Directory& cur = m_store.directory();  // afresh: unassign() appends to it
        if (cur.shredded(scope) || cur.unassigned(scope, me.id()) || !cur.is_member(scope, cur.latest_epoch(scope), me.id()))
            continue;
        // The office archive must keep what leaves the tablet: every key epoch we hold is escrowed.
        const std::string hex = crypto::to_hex(scope);
        if (cur.escrow_key() &&
            std::any_of(held[scope].begin(), held[scope].end(),
                        [&](std::uint32_t e) { return !m_store.setting("escrow:" + hex + ":" + std::to_string(e)); }))
            continue;
        if (auto u = unassign(scope, me.id()); !u) return u;
        auto purged = purge_durably(m_store, scope, /*discard_pending=*/false);
        if (!purged && purged.error() != Error::Busy) return purged;  // Busy: the next sync's purge takes it
        if (purged) ++r.cases_closed;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Admin

Result<ShredOrder> order_shred(Store& store, SyncClient& client, const ScopeId& scope, const std::string& order,
                               const std::string& reason) {
    if (!store.admin_identity()) return {Error::InvalidArgument, "only the organisation's admin store can order crypto-shredding"};
    if (order != "retention" && order != "erasure") return {Error::InvalidArgument, "the order is retention or erasure"};
    if (reason.empty()) return {Error::InvalidArgument, "a crypto-shredding order names its legal reason"};
    SyncReport ignore;
    if (auto x = client.refresh_directory(ignore); !x) return x.failure();
    if (const ShredOrder* o = store.directory().shredded(scope)) return *o;  // ordered already
    if (!store.directory().scope_known(scope)) return {Error::NotFound, "no scope " + crypto::to_hex(scope) + " in the directory"};
    if (store.directory().scope_kind(scope) != ScopeKind::Case)
        return {Error::InvalidArgument, "only case scopes are crypto-shredded"};
    const crypto::DeviceIdentity& admin = *store.admin_identity();
    const std::uint64_t now = store.now_ms();
    auto res = client.append_directory([&](const Directory& d) -> std::optional<SignedEntry> {
        if (d.shredded(scope)) return std::nullopt;
        return d.make_shred(admin, scope, order, reason, now);
    });
    if (!res) return res.failure();
    const ShredOrder* o = store.directory().shredded(scope);
    if (!o) return {Error::Protocol, "the shred entry is not in the directory after posting it"};
    const ShredOrder copy = *o;
    if (auto a = store.audit(AuditAction::Wipe, {crypto::to_hex(scope)}, reason, "crypto-shredding ordered (" + order + ")"); !a)
        return a.failure();
    return copy;
}

Result<std::vector<DeletionRecord>> deletion_records(Store& store, SyncClient& client) {
    if (!store.admin_identity()) return {Error::InvalidArgument, "only the organisation's admin store lists deletion records"};
    SyncReport ignore;
    if (auto x = client.refresh_directory(ignore); !x) return x.failure();
    auto res = client.ask<msg::ShredRecords>("GET", "/v1/shred/records");
    if (!res) return res.failure();
    const Directory& d = store.directory();
    std::map<ScopeId, DeletionRecord> by_scope;
    for (const auto& [scope, o] : d.shred_orders()) by_scope[scope].order = o;
    for (const auto& item : res->records) {
        auto c = ShredConfirmation::from_json(item);
        if (!c) return {Error::Protocol, "a deletion record is malformed"};
        auto it = by_scope.find(c->scope);
        if (it == by_scope.end()) continue;
        if (auto v = c->verify(d); !v) {
            it->second.problems.push_back("confirmation of device " + crypto::to_hex(c->device) + " rejected: " + v.detail());
            continue;
        }
        if (!c->server_clean)
            it->second.problems.push_back("device " + crypto::to_hex(c->device) + " found the server still serving the scope");
        it->second.confirmed.push_back(std::move(*c));
    }
    std::vector<DeletionRecord> out;
    for (auto& [scope, rec] : by_scope) {
        std::set<DeviceId> done;
        for (const auto& c : rec.confirmed) done.insert(c.device);
        for (const DeviceId& m : d.ever_members(scope)) {
            const DeviceInfo* info = d.device(m);
            if (info && !info->revoked && !done.count(m)) rec.pending.push_back(m);
        }
        out.push_back(std::move(rec));
    }
    return out;
}

Result<void> set_lease(Store& store, SyncClient& client, std::uint32_t days) {
    if (!store.admin_identity()) return {Error::InvalidArgument, "only the organisation's admin store sets the offline lease"};
    if (days > 3650) return {Error::InvalidArgument, "the lease is 0 (off) to 3650 days"};
    SyncReport ignore;
    if (auto x = client.refresh_directory(ignore); !x) return x;
    const crypto::DeviceIdentity& admin = *store.admin_identity();
    const std::uint64_t now = store.now_ms();
    auto res = client.append_directory([&](const Directory& d) -> std::optional<SignedEntry> {
        if (d.lease_days() == days) return std::nullopt;
        return d.make_lease(admin, days, now);
    });
    if (!res) return res.failure();
    return {};
}

}  // namespace quartier::sync
