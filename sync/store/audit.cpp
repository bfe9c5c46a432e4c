#include "sync/store/audit.h"

#include "sync/store/opcodec.h"

#include "crypto/bytes_io.h"
#include "crypto/keywrap.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace quartier::sync {

using crypto::ByteView;
using crypto::Bytes;
using nlohmann::json;

namespace {

constexpr std::array<std::pair<AuditAction, std::string_view>, 17> kActions = {{
    {AuditAction::Create, "create"},
    {AuditAction::Unlock, "unlock"},
    {AuditAction::UnlockFailed, "unlock_failed"},
    {AuditAction::Open, "open"},
    {AuditAction::Change, "change"},
    {AuditAction::Export, "export"},
    {AuditAction::Share, "share"},
    {AuditAction::Unassign, "unassign"},
    {AuditAction::Sync, "sync"},
    {AuditAction::Enrol, "enrol"},
    {AuditAction::Admit, "admit"},
    {AuditAction::Revoke, "revoke"},
    {AuditAction::Wipe, "wipe"},
    {AuditAction::Passphrase, "passphrase"},
    {AuditAction::Consent, "consent"},
    {AuditAction::Disclose, "disclose"},
    {AuditAction::Refuse, "refuse"},
}};

// Every key of the canonical form; parse() accepts exactly these.
constexpr std::array<std::string_view, 11> kKeys = {"action", "actor",       "detail", "device", "legal_basis", "objects",
                                                    "prev",   "server_time", "seq",    "time",   "v"};

Bytes row_ad(const crypto::DeviceId& device, std::uint64_t seq) {
    Bytes s;
    crypto::io::put_u64(s, seq);
    return crypto::labelled("quartier/audit/v1", {device, s});
}

Bytes head_ad(const crypto::DeviceId& device) { return crypto::labelled("quartier/audit-head/v1", {device}); }


Result<void> put_meta(Database& db, const char* key, ByteView value) {
    auto st = db.prepare("INSERT OR REPLACE INTO meta(k, v) VALUES(?1, ?2)");
    if (!st) return st.failure();
    st->bind(1, std::string_view(key)).bind(2, value);
    return st->run();
}

std::uint64_t blob_u64(ByteView b) {
    crypto::io::Reader r(b);
    const std::uint64_t v = r.u64();
    return r.failed() || r.remaining() != 0 ? 0 : v;
}

Bytes u64_blob(std::uint64_t v) {
    Bytes b;
    crypto::io::put_u64(b, v);
    return b;
}

template <std::size_t N>
bool hex_field(const json& j, const char* k, std::array<std::uint8_t, N>& out) {
    if (!j.contains(k) || !j[k].is_string()) return false;
    const std::string& s = j[k].get_ref<const std::string&>();
    // Lower-case only: the canonical form has one spelling.
    if (std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'F'; })) return false;
    return crypto::from_hex(s, out);
}

}  // namespace

std::string_view to_string(AuditAction a) {
    for (const auto& [action, name] : kActions)
        if (action == a) return name;
    return "open";
}

std::optional<AuditAction> audit_action_from(std::string_view s) {
    for (const auto& [action, name] : kActions)
        if (name == s) return action;
    return std::nullopt;
}

std::string_view to_string(AuditBreakKind k) {
    switch (k) {
    case AuditBreakKind::HashMismatch: return "hash mismatch";
    case AuditBreakKind::Missing: return "missing";
    case AuditBreakKind::Reordered: return "reordered";
    case AuditBreakKind::Duplicate: return "duplicate";
    case AuditBreakKind::Rewritten: return "rewritten";
    case AuditBreakKind::Foreign: return "foreign";
    case AuditBreakKind::Unreadable: return "unreadable";
    case AuditBreakKind::Truncated: return "truncated";
    }
    return "broken";
}

Result<void> check_audit_fields(const std::string& actor, const std::vector<std::string>& objects,
                                const std::string& legal_basis, const std::string& detail) {
    for (const std::string* s : {&actor, &legal_basis, &detail})
        if (s->size() > kMaxAuditText || !valid_utf8(*s))
            return {Error::InvalidArgument, "audit actor, legal basis and detail are UTF-8 of at most 1024 bytes"};
    std::size_t total = 0;
    for (const auto& o : objects) {
        if (!valid_id(o)) return {Error::InvalidArgument, "an audit object is not a valid id"};
        total += o.size();
    }
    if (total > kMaxAuditObjectBytes) return {Error::InvalidArgument, "too many audit objects for one entry"};
    return {};
}

Bytes AuditEntry::canonical() const {
    const json j{{"v", 1},
                 {"seq", seq},
                 {"prev", crypto::to_hex(prev)},
                 {"device", crypto::to_hex(device)},
                 {"time", time_ms},
                 {"server_time", server_time_ms},
                 {"actor", actor},
                 {"action", to_string(action)},
                 {"objects", objects},
                 {"legal_basis", legal_basis},
                 {"detail", detail}};
    // nlohmann's object is a std::map: keys come out sorted. Strings were checked to be UTF-8;
    // `replace` only keeps dump() from ever throwing.
    const std::string s = j.dump(-1, ' ', false, json::error_handler_t::replace);
    return Bytes(s.begin(), s.end());
}

crypto::Hash32 AuditEntry::hash() const { return crypto::hash(canonical()); }

std::string AuditEntry::record_id() const { return crypto::to_hex(device) + ":" + std::to_string(seq); }

Result<AuditEntry> AuditEntry::parse(ByteView bytes) {
    const json j = json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return {Error::Corrupt, "audit entry is not a JSON object"};
    if (j.size() != kKeys.size() || !std::all_of(kKeys.begin(), kKeys.end(), [&](std::string_view k) { return j.contains(k); }))
        return {Error::Corrupt, "audit entry has other fields than version 1 defines"};
    auto unsigned_field = [&](const char* k, std::uint64_t& out) {
        if (!j[k].is_number_unsigned()) return false;
        out = j[k].get<std::uint64_t>();
        return true;
    };
    auto string_field = [&](const char* k, std::string& out) {
        if (!j[k].is_string()) return false;
        out = j[k].get<std::string>();
        return true;
    };
    AuditEntry e;
    std::uint64_t v = 0;
    std::string action;
    const bool fields = unsigned_field("v", v) && unsigned_field("seq", e.seq) && hex_field(j, "prev", e.prev) &&
                        hex_field(j, "device", e.device) && unsigned_field("time", e.time_ms) &&
                        unsigned_field("server_time", e.server_time_ms) && string_field("actor", e.actor) &&
                        string_field("action", action) && string_field("legal_basis", e.legal_basis) &&
                        string_field("detail", e.detail) && j["objects"].is_array();
    if (!fields) return {Error::Corrupt, "audit entry has a field of the wrong type"};
    if (v != 1) return {Error::Unsupported, "audit entry version " + std::to_string(v)};
    if (e.seq == 0) return {Error::Corrupt, "audit entry seq 0"};
    const auto a = audit_action_from(action);
    if (!a) return {Error::Corrupt, "unknown audit action '" + action + "'"};
    e.action = *a;
    for (const auto& o : j["objects"]) {
        if (!o.is_string()) return {Error::Corrupt, "audit entry has a non-text object"};
        e.objects.push_back(o.get<std::string>());
    }
    if (auto c = check_audit_fields(e.actor, e.objects, e.legal_basis, e.detail); !c) return {Error::Corrupt, c.detail()};
    const Bytes again = e.canonical();
    if (again.size() != bytes.size() || !std::equal(again.begin(), again.end(), bytes.begin()))
        return {Error::Corrupt, "audit entry is not in canonical form"};
    return e;
}

std::optional<AuditBreak> verify_chain(const std::vector<AuditEntry>& entries, const crypto::DeviceId& device,
                                       const std::optional<AuditHead>& head) {
    crypto::Hash32 prev{};  // what entry 1 names: zeros
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const AuditEntry& e = entries[i];
        const std::uint64_t expected = i + 1;  // every entry before this one was exactly 1..i
        if (e.device != device)
            return AuditBreak{AuditBreakKind::Foreign, e.seq,
                              "entry " + std::to_string(e.seq) + " belongs to device " + crypto::to_hex(e.device)};
        if (e.seq > expected) {
            const bool later = std::any_of(entries.begin() + std::ptrdiff_t(i) + 1, entries.end(),
                                           [&](const AuditEntry& x) { return x.seq == expected; });
            if (later)
                return AuditBreak{AuditBreakKind::Reordered, expected,
                                  "entry " + std::to_string(expected) + " comes after entry " + std::to_string(e.seq)};
            return AuditBreak{AuditBreakKind::Missing, expected,
                              "entry " + std::to_string(expected) + " is missing (the chain goes on at " +
                                  std::to_string(e.seq) + ")"};
        }
        if (e.seq < expected)
            return AuditBreak{AuditBreakKind::Duplicate, e.seq,
                              "a second entry " + std::to_string(e.seq) + " follows entry " + std::to_string(expected - 1)};
        if (e.prev != prev)
            return AuditBreak{AuditBreakKind::HashMismatch, e.seq,
                              e.seq == 1 ? std::string("entry 1 does not start a chain (its prev is not zero)")
                                         : "entry " + std::to_string(e.seq) + " does not name the hash of entry " +
                                               std::to_string(e.seq - 1) + " (entry " + std::to_string(e.seq - 1) +
                                               " was altered or replaced)"};
        prev = e.hash();
    }
    if (head) {
        const std::uint64_t last = entries.empty() ? 0 : entries.back().seq;
        if (head->seq > last)
            return AuditBreak{AuditBreakKind::Truncated, last + 1,
                              "the chain ends at " + std::to_string(last) + " but was already at " + std::to_string(head->seq) +
                                  ": entries " + std::to_string(last + 1) + ".." + std::to_string(head->seq) + " were cut off"};
        if (head->seq < last)
            return AuditBreak{AuditBreakKind::HashMismatch, head->seq + 1,
                              "the chain goes on past its recorded head " + std::to_string(head->seq) +
                                  " (the head was rolled back or entries were added behind it)"};
        if (last > 0 && prev != head->hash)
            return AuditBreak{AuditBreakKind::HashMismatch, last,
                              "entry " + std::to_string(last) + " does not match the recorded head (it was altered)"};
    }
    return std::nullopt;
}

// ------------------------------------------------------------------------------------------------

Result<void> AuditLog::load(Database& db, crypto::SymmetricKey key, const crypto::DeviceId& device, std::string& problem) {
    m_key.emplace(std::move(key));
    m_device = device;
    m_head = {};
    auto sc = read_meta(db, "audit_scope");
    auto pub = read_meta(db, "audit_published");
    auto srv = read_meta(db, "audit_server_time");
    for (auto* r : {&sc, &pub, &srv})
        if (!*r) return r->failure();
    if (*sc) {
        if ((*sc)->size() != 16) return {Error::Corrupt, "audit scope row is damaged"};
        crypto::ScopeId id{};
        std::copy((*sc)->begin(), (*sc)->end(), id.begin());
        scope = id;
    }
    published = *pub ? blob_u64(**pub) : 0;
    server_time_ms = *srv ? blob_u64(**srv) : 0;

    auto top = db.prepare("SELECT coalesce(max(seq), 0) FROM audit");
    if (!top) return top.failure();
    if (auto row = top->step(); !row) return row.failure();
    const auto rowmax = std::uint64_t(top->int64(0));
    auto stored = stored_head(db);
    if (!stored) return stored.failure();
    if (*stored && (*stored)->seq >= rowmax) {
        m_head = **stored;  // a head past the last row keeps the cut-off end visible as a gap
        return {};
    }
    auto has_head = read_meta(db, "audit_head");
    if (!has_head) return has_head.failure();
    if (rowmax == 0) {
        if (*has_head) problem = "the audit log's head row does not open";
        return {};
    }
    // The head is missing, damaged or behind the rows: go on from the newest row so that writes
    // continue; the caller records the finding in the chain itself.
    auto st = db.prepare("SELECT sealed FROM audit WHERE seq = ?1");
    if (!st) return st.failure();
    st->bind(1, std::int64_t(rowmax));
    if (auto row = st->step(); !row) return row.failure();
    Bytes plain;
    std::optional<AuditEntry> last;
    if (crypto::open_blob(*m_key, st->blob(0), row_ad(m_device, rowmax), plain))
        if (auto e = AuditEntry::parse(plain)) last = std::move(*e);
    m_head = {rowmax, last ? last->hash() : crypto::Hash32{}};
    problem = "the audit log's head row is missing, damaged or behind its entries; the chain goes on from entry " +
              std::to_string(rowmax);
    return {};
}

Result<void> AuditLog::write(Database& db, const AuditEntry& e) {
    const Bytes plain = e.canonical();
    const Bytes sealed = crypto::seal_blob(*m_key, plain, row_ad(m_device, e.seq));
    auto st = db.prepare("INSERT INTO audit(seq, sealed) VALUES(?1, ?2)");  // never OR REPLACE: append only
    if (!st) return st.failure();
    st->bind(1, std::int64_t(e.seq)).bind(2, sealed);
    if (auto r = st->run(); !r) return r;
    Bytes head;
    crypto::io::put_u64(head, e.seq);
    const crypto::Hash32 h = crypto::hash(plain);
    crypto::io::put(head, h);
    return put_meta(db, "audit_head", crypto::seal_blob(*m_key, head, head_ad(m_device)));
}

Result<void> AuditLog::debug_overwrite(Database& db, const AuditEntry& e) {
    auto st = db.prepare("UPDATE audit SET sealed = ?2 WHERE seq = ?1");
    if (!st) return st.failure();
    const Bytes sealed = crypto::seal_blob(*m_key, e.canonical(), row_ad(m_device, e.seq));
    st->bind(1, std::int64_t(e.seq)).bind(2, sealed);
    if (auto r = st->run(); !r) return r;
    if (e.seq != m_head.seq) return {};
    Bytes head;
    crypto::io::put_u64(head, e.seq);
    crypto::io::put(head, e.hash());
    if (auto r = put_meta(db, "audit_head", crypto::seal_blob(*m_key, head, head_ad(m_device))); !r) return r;
    m_head.hash = e.hash();
    return {};
}

Result<void> AuditLog::save_state(Database& db, const std::optional<crypto::ScopeId>& scope, std::uint64_t published,
                                  std::uint64_t server_time_ms) {
    if (scope)
        if (auto r = put_meta(db, "audit_scope", *scope); !r) return r;
    if (auto r = put_meta(db, "audit_published", u64_blob(published)); !r) return r;
    return save_server_time(db, server_time_ms);
}

Result<void> AuditLog::save_server_time(Database& db, std::uint64_t server_time_ms) {
    return put_meta(db, "audit_server_time", u64_blob(server_time_ms));
}

Result<std::optional<AuditHead>> AuditLog::stored_head(Database& db) const {
    auto h = read_meta(db, "audit_head");
    if (!h) return h.failure();
    if (!*h) return std::optional<AuditHead>();
    Bytes plain;
    if (!crypto::open_blob(*m_key, **h, head_ad(m_device), plain) || plain.size() != 40) return std::optional<AuditHead>();
    crypto::io::Reader r(plain);
    AuditHead head;
    head.seq = r.u64();
    head.hash = r.array<32>();
    return std::optional<AuditHead>(head);
}

Result<std::vector<AuditLog::Row>> AuditLog::read(Database& db) const {
    auto st = db.prepare("SELECT seq, sealed FROM audit ORDER BY seq");
    if (!st) return st.failure();
    Bytes plain;
    return st->rows([&](const Statement& s) {
        Row r;
        r.seq = std::uint64_t(s.int64(0));
        if (crypto::open_blob(*m_key, s.blob(1), row_ad(m_device, r.seq), plain))
            if (auto e = AuditEntry::parse(plain)) r.entry = std::move(*e);
        return r;
    });
}

Result<void> AuditLog::note_failed_unlock(Database& db, std::uint64_t now_ms) {
    auto c = failed_unlocks(db);
    if (!c) return c.failure();
    auto txn = Transaction::begin(db);
    if (!txn) return txn.failure();
    if (auto r = put_meta(db, "failed_unlocks", u64_blob(c->count + 1)); !r) return r;
    if (auto r = put_meta(db, "failed_unlock_last", u64_blob(now_ms)); !r) return r;
    return txn->commit();
}

Result<AuditLog::FailedUnlocks> AuditLog::failed_unlocks(Database& db) {
    auto c = read_meta(db, "failed_unlocks");
    if (!c) return c.failure();
    auto t = read_meta(db, "failed_unlock_last");
    if (!t) return t.failure();
    FailedUnlocks f;
    f.count = *c ? blob_u64(**c) : 0;
    f.last_ms = *t ? blob_u64(**t) : 0;
    return f;
}

Result<void> AuditLog::clear_failed_unlocks(Database& db) {
    return db.exec("DELETE FROM meta WHERE k IN ('failed_unlocks', 'failed_unlock_last')");
}

}  // namespace quartier::sync
