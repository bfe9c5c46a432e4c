#include "sync/org/directory.h"

#include "sync/core/hlc.h"
#include "sync/protocol/wire.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace quartier::sync {

using nlohmann::json;
using crypto::Bytes;
using crypto::ByteView;

namespace {
constexpr std::string_view kDomain = "quartier/directory/v1";

Bytes signing_message(ByteView body) { return crypto::labelled(kDomain, {body}); }

std::optional<ScopeKind> kind_from(std::string_view s) { return scope_kind_from(s); }

// An entry's optional `last_seq` (unassign, revoke): nullopt if malformed, an empty optional if absent.
std::optional<std::optional<std::uint64_t>> last_seq_of(const json& j) {
    if (!j.contains("last_seq")) return std::optional<std::uint64_t>();
    if (!j["last_seq"].is_number_unsigned()) return std::nullopt;
    return std::optional<std::uint64_t>(j["last_seq"].get<std::uint64_t>());
}

const std::set<std::string>& roles() {
    static const std::set<std::string> r = {"caseworker", "team_lead", "helper", "planning", "admin", "dpo"};
    return r;
}

// Field access that reports instead of throwing.
struct Fields {
    const json& j;
    std::string missing;
    std::string str(const char* k) {
        if (!j.contains(k) || !j[k].is_string()) { missing = k; return {}; }
        return j[k].get<std::string>();
    }
    std::uint64_t num(const char* k) {
        if (!j.contains(k) || !j[k].is_number_unsigned()) { missing = k; return 0; }
        return j[k].get<std::uint64_t>();
    }
    template <std::size_t N>
    std::array<std::uint8_t, N> key(const char* k) {
        auto v = wire::fixed_from_b64<N>(str(k));
        if (!v) { missing = k; return {}; }
        return *v;
    }
    crypto::Id16 id(const char* k) {
        auto v = wire::id_from_hex(str(k));
        if (!v) { missing = k; return {}; }
        return *v;
    }
};
constexpr std::string_view kAnnexDomain = "quartier/annex/v1";
constexpr std::size_t kMaxAnnexValue = 4096;

// A sensitive string of an entry (docs/protocol.md, "Annex"): in clear under `key` (entries made
// before annexes), or committed to as `key_c` and opened by the entry's annex where this copy was
// given it. nullopt: malformed — both forms or neither, or a value over `max` bytes.
struct Sensitive {
    std::string value;
    bool hidden = false;
};
std::optional<Sensitive> sensitive(const json& j, const SignedEntry& e, const std::string& key, std::size_t max) {
    const std::string ckey = key + "_c";
    const bool clear = j.contains(key), committed = j.contains(ckey);
    if (clear == committed) return std::nullopt;
    if (clear) {
        if (!j[key].is_string() || j[key].get_ref<const std::string&>().size() > max) return std::nullopt;
        return Sensitive{j[key].get<std::string>(), false};
    }
    // append() checked every opening of the annex against its commitment.
    if (!j[ckey].is_string() || j[ckey].get_ref<const std::string&>().size() != 64) return std::nullopt;
    auto it = e.annex.find(key);
    if (it == e.annex.end()) return Sensitive{{}, true};
    if (it->second.value.size() > max) return std::nullopt;
    return Sensitive{it->second.value, false};
}

// Whether every opening of `annex` opens the commitment of its field in `j`.
bool annex_opens(const json& j, const std::map<std::string, Opening>& annex) {
    for (const auto& [field, o] : annex) {
        const std::string ckey = field + "_c";
        if (!j.contains(ckey) || !j[ckey].is_string() || j[ckey].get_ref<const std::string&>() != crypto::to_hex(annex_commitment(field, o)))
            return false;
    }
    return true;
}

// Puts `value` into `j` as a commitment (`field_c`) and its opening into `e`'s annex.
void commit_to(json& j, std::map<std::string, Opening>& annex, const std::string& field, const std::string& value) {
    Opening o;
    crypto::random_bytes(o.salt);
    o.value = value;
    j[field + "_c"] = crypto::to_hex(annex_commitment(field, o));
    annex[field] = std::move(o);
}
}  // namespace

crypto::Hash32 annex_commitment(std::string_view field, const Opening& o) {
    const std::uint8_t zero = 0;
    return crypto::hash(crypto::labelled(kAnnexDomain, {ByteView(reinterpret_cast<const std::uint8_t*>(field.data()), field.size()),
                                                        ByteView(&zero, 1), o.salt,
                                                        ByteView(reinterpret_cast<const std::uint8_t*>(o.value.data()), o.value.size())}));
}

std::optional<ScopeKind> scope_kind_from(std::string_view s) {
    if (s == "personal") return ScopeKind::Personal;
    if (s == "case") return ScopeKind::Case;
    if (s == "team") return ScopeKind::Team;
    if (s == "directory") return ScopeKind::Directory;
    if (s == "audit") return ScopeKind::Audit;
    if (s == "report") return ScopeKind::Report;
    if (s == "report_raw") return ScopeKind::ReportRaw;
    return std::nullopt;
}

std::string_view to_string(ScopeKind k) {
    switch (k) {
    case ScopeKind::Personal: return "personal";
    case ScopeKind::Case: return "case";
    case ScopeKind::Team: return "team";
    case ScopeKind::Directory: return "directory";
    case ScopeKind::Audit: return "audit";
    case ScopeKind::Report: return "report";
    case ScopeKind::ReportRaw: return "report_raw";
    }
    return "case";
}

std::string SignedEntry::to_json() const {
    json j{{"body", wire::b64(body)}, {"signer", signer}, {"signature", wire::b64(signature)}};
    for (const auto& [field, o] : annex) j["annex"][field] = json{{"salt", wire::b64(o.salt)}, {"value", o.value}};
    return j.dump();
}

Result<SignedEntry> SignedEntry::from_json(std::string_view text) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return {Error::InvalidArgument, "directory entry is not a JSON object"};
    Fields f{j, {}};
    SignedEntry e;
    auto body = wire::unb64(f.str("body"));
    e.signer = f.str("signer");
    auto sig = wire::fixed_from_b64<64>(f.str("signature"));
    if (!f.missing.empty() || !body || !sig) return {Error::InvalidArgument, "directory entry lacks body, signer or signature"};
    if (body->size() > 64 * 1024) return {Error::InvalidArgument, "directory entry too large"};
    e.body = std::move(*body);
    e.signature = *sig;
    if (j.contains("annex")) {
        const json& a = j["annex"];
        if (!a.is_object()) return {Error::InvalidArgument, "directory entry's annex is not an object"};
        for (const auto& [field, o] : a.items()) {
            auto salt = o.is_object() && o.contains("salt") && o["salt"].is_string() ? wire::fixed_from_b64<16>(o["salt"].get<std::string>())
                                                                                      : std::nullopt;
            if (!salt || !o.contains("value") || !o["value"].is_string() || o["value"].get_ref<const std::string&>().size() > kMaxAnnexValue)
                return {Error::InvalidArgument, "directory entry's annex is malformed"};
            e.annex[field] = Opening{*salt, o["value"].get<std::string>()};
        }
    }
    return e;
}

Result<void> Directory::append(const SignedEntry& e) {
    const json j = json::parse(e.body.begin(), e.body.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return {Error::InvalidArgument, "entry body is not a JSON object"};
    Fields f{j, {}};
    const std::uint64_t v = f.num("v");
    const std::uint64_t seq = f.num("seq");
    const std::string prev = f.str("prev");
    const std::string kind = f.str("kind");
    const crypto::Id16 org = f.id("org");
    const std::uint64_t time = f.num("time");
    if (!f.missing.empty()) return {Error::InvalidArgument, "entry lacks field '" + f.missing + "'"};
    if (v != 1) return {Error::Unsupported, "directory entry version " + std::to_string(v)};
    if (seq != m_entries.size()) return {Error::InvalidArgument, "entry seq " + std::to_string(seq) + " does not follow head " + std::to_string(m_entries.size())};
    if (seq == 0 ? !prev.empty() : prev != crypto::to_hex(m_head)) return {Error::InvalidArgument, "entry does not chain to the head"};
    if (seq > 0 && org != m_org) return {Error::InvalidArgument, "entry is for another organisation"};

    // Who may sign what.
    const Bytes msg = signing_message(e.body);
    const SignPublicKey* signer_key = nullptr;
    SignPublicKey genesis_key{};
    std::optional<DeviceId> signer_device;
    if (kind == "genesis") {
        if (seq != 0 || e.signer != "admin") return {Error::InvalidArgument, "genesis must be the first entry, signed by admin"};
        genesis_key = f.key<32>("admin_pk");
        if (!f.missing.empty()) return {Error::InvalidArgument, "genesis lacks admin_pk"};
        signer_key = &genesis_key;
    } else if (seq == 0) {
        return {Error::InvalidArgument, "the first entry must be the genesis"};
    } else if (e.signer == "admin") {
        signer_key = &m_admin;
    } else {
        auto id = wire::id_from_hex(e.signer);
        const DeviceInfo* d = id ? device(*id) : nullptr;
        if (!d || d->revoked) return {Error::InvalidArgument, "signer is not an enrolled, unrevoked device"};
        signer_device = *id;
        signer_key = &d->sign_pk;
    }
    if (!crypto::verify(*signer_key, msg, e.signature)) return {Error::InvalidArgument, "entry signature does not verify"};
    // The annex is not signed: each opening must open the body's commitment, or the entry is refused.
    if (!annex_opens(j, e.annex)) return {Error::InvalidArgument, "the entry's annex does not open its commitments"};

    if (kind == "genesis") {
        m_org = org;
        m_admin = genesis_key;
        m_orgName = f.str("name");
    } else if (kind == "enrol") {
        if (signer_device) return {Error::InvalidArgument, "only the admin enrols devices"};
        DeviceInfo d;
        d.id = f.id("device");
        d.sign_pk = f.key<32>("sign_pk");
        d.box_pk = f.key<32>("box_pk");
        const auto name = sensitive(j, e, "name", kMaxAnnexValue);
        if (!name) return {Error::InvalidArgument, "enrol has a malformed name"};
        d.name = name->value;
        d.name_hidden = name->hidden;
        d.role = f.str("role");
        d.enrolled_at = seq;
        if (j.contains("provider") || j.contains("provider_c")) {
            const auto provider = sensitive(j, e, "provider", 256);
            if (!provider) return {Error::InvalidArgument, "enrol has a malformed provider"};
            d.provider = provider->value;
            d.provider_hidden = provider->hidden;
        }
        if (!f.missing.empty()) return {Error::InvalidArgument, "enrol lacks field '" + f.missing + "'"};
        if (crypto::device_id_of(d.sign_pk) != d.id) return {Error::InvalidArgument, "device id does not match its key"};
        if (!roles().count(d.role)) return {Error::InvalidArgument, "unknown role '" + d.role + "'"};
        if (m_devices.count(d.id)) return {Error::InvalidArgument, "device already enrolled"};
        m_devices.emplace(d.id, std::move(d));
    } else if (kind == "member") {
        const crypto::ScopeId scope = f.id("scope");
        if (shredded(scope)) return {Error::InvalidArgument, "that scope was crypto-shredded"};
        const std::uint64_t epoch = f.num("epoch");
        const DeviceId dev = f.id("device");
        const auto sk = kind_from(f.str("scope_kind"));
        if (!f.missing.empty() || !sk || epoch == 0 || epoch > UINT32_MAX) return {Error::InvalidArgument, "member entry is malformed"};
        const DeviceInfo* target = device(dev);
        if (!target || target->revoked) return {Error::InvalidArgument, "member entry names no enrolled, unrevoked device"};
        if (auto known = scope_kind(scope); known && *known != *sk) return {Error::InvalidArgument, "scope kind changed"};
        if (*sk == ScopeKind::Audit) {
            // An audit chain is read by its own device and the data-protection officers, nobody
            // else: not the admin, not a member adding a friend (docs/audit.md).
            const auto owner = m_auditOwners.find(scope);
            const bool own = owner == m_auditOwners.end() ? !scope_known(scope) : owner->second == dev;
            if (!own && target->role != "dpo")
                return {Error::InvalidArgument, "only its own device and DPO devices may be members of an audit scope"};
        }
        if (*sk == ScopeKind::Personal) {
            // Entrusted entries (§65 SGB VIII) are readable by their author alone: nobody joins a
            // personal scope, whoever signs — the admin, a team lead, the owner itself.
            const auto owner = m_personalOwners.find(scope);
            if (owner == m_personalOwners.end() ? scope_known(scope) : owner->second != dev)
                return {Error::InvalidArgument, "a personal scope has one member, the device that founded it"};
        }
        const bool target_off = unassigned(scope, dev);
        if (signer_device) {
            // Taken off the scope, a device signs nothing for it: not itself back in, not the
            // next epoch (whose key would then be wrapped to it), not a friend
            // (docs/threat-model.md, "Removed members").
            if (unassigned(scope, *signer_device))
                return {Error::InvalidArgument, "a device taken off a scope signs no entry for it"};
            // A member adds a member; a member of the epoch before opens the next one (rotation);
            // a device may found a scope nobody holds yet, for itself.
            const bool founding = !scope_known(scope) && *signer_device == dev;
            const bool member_now = is_member(scope, std::uint32_t(epoch), *signer_device);
            const bool rotating = epoch > 1 && epoch == std::uint64_t(latest_epoch(scope)) + 1 &&
                                  is_member(scope, std::uint32_t(epoch - 1), *signer_device);
            if (!founding && !member_now && !rotating)
                return {Error::InvalidArgument, "signer is not a member of that scope at that epoch"};
            if (target_off && !active_member(scope, *signer_device))
                return {Error::InvalidArgument, "only the admin or an active member adds a device taken off the scope back"};
        }
        if (scope_known(scope) && epoch > std::uint64_t(latest_epoch(scope)) + 1)
            return {Error::InvalidArgument, "epochs of a scope follow each other without gaps"};
        // An entry that changes nothing is refused: every device verifies the whole log.
        if (is_member(scope, std::uint32_t(epoch), dev) && !(target_off && epoch == latest_epoch(scope)))
            return {Error::InvalidArgument, "that device is a member of the scope at that epoch already"};
        m_epochOpened[scope].try_emplace(std::uint32_t(epoch), seq);
        m_members[scope][std::uint32_t(epoch)].insert(dev);
        m_kinds[scope] = *sk;
        if (*sk == ScopeKind::Audit) m_auditOwners.try_emplace(scope, dev);
        if (*sk == ScopeKind::Personal) m_personalOwners.try_emplace(scope, dev);
        if (target_off && epoch == latest_epoch(scope)) m_removals[{scope, dev}].back().readded_at = std::uint32_t(epoch);
    } else if (kind == "unassign") {
        const crypto::ScopeId scope = f.id("scope");
        const DeviceId dev = f.id("device");
        if (!f.missing.empty() || !scope_known(scope)) return {Error::InvalidArgument, "unassign names no known scope"};
        if (shredded(scope)) return {Error::InvalidArgument, "that scope was crypto-shredded"};
        const std::uint32_t latest = latest_epoch(scope);
        if (!is_member(scope, latest, dev)) return {Error::InvalidArgument, "unassign names no member of the scope's latest epoch"};
        if (auto owner = m_auditOwners.find(scope); owner != m_auditOwners.end() && owner->second == dev)
            return {Error::InvalidArgument, "a device cannot be taken off its own audit scope"};
        if (unassigned(scope, dev) || device(dev)->revoked)
            return {Error::InvalidArgument, "that device was taken off the scope already"};
        if (signer_device && !active_member(scope, *signer_device))
            return {Error::InvalidArgument, "signer is not an active member of the scope (its latest epoch, not taken off)"};
        const auto last = last_seq_of(j);
        if (!last) return {Error::InvalidArgument, "unassign has a malformed last_seq"};
        m_removals[{scope, dev}].push_back(Removal{Removal::Kind::Unassign, seq, time, *last, std::nullopt, {}});
    } else if (kind == "provider") {
        const crypto::ScopeId scope = f.id("scope");
        const auto named = sensitive(j, e, "provider", 256);  // hidden from a device it does not concern
        if (!f.missing.empty() || !j.contains("assigned") || !j["assigned"].is_boolean() || !named ||
            (!named->hidden && named->value.empty()))
            return {Error::InvalidArgument, "provider entry is malformed"};
        const std::string& provider = named->value;
        if (scope_kind(scope) != ScopeKind::Case) return {Error::InvalidArgument, "only a case scope is assigned to a provider"};
        if (shredded(scope)) return {Error::InvalidArgument, "that scope was crypto-shredded"};
        if (signer_device) {
            // A helper's reading depends on these entries: it never signs one (docs/roles.md).
            if (device(*signer_device)->role == "helper") return {Error::InvalidArgument, "a helper device signs no provider entry"};
            if (!active_member(scope, *signer_device))
                return {Error::InvalidArgument, "signer is not an active member of the scope (its latest epoch, not taken off)"};
        }
        const bool assigned = j["assigned"].get<bool>();
        m_providerEntries[scope].push_back(seq);
        if (named->hidden) {
            // Not this copy's concern (docs/protocol.md, "Annex"): it holds no key of the scope, so
            // whom the entry takes off matters to none of its checks. If the opening comes later
            // (this device added to the case), reveal() rebuilds the state with it.
            if (j.contains("last_seq") && (assigned || !j["last_seq"].is_object()))
                return {Error::InvalidArgument, "provider entry has a malformed last_seq"};
            m_hiddenProviders[scope].insert(seq);
        } else {
            // Judged only by a copy that reads every earlier assignment of the case (the server does).
            if (!providers_hidden(scope) && providers(scope).count(provider) == std::size_t(assigned))
                return {Error::InvalidArgument, assigned ? "the case is assigned to that provider already"
                                                         : "the case is not assigned to that provider"};
            // A withdrawal's `last_seq`: {device: n} for helpers it takes off, nothing else.
            std::vector<DeviceId> off = assigned ? std::vector<DeviceId>{} : removed_by_withdrawal(scope, provider);
            std::map<DeviceId, std::uint64_t> last;
            if (j.contains("last_seq")) {
                if (assigned || !j["last_seq"].is_object()) return {Error::InvalidArgument, "provider entry has a malformed last_seq"};
                for (const auto& [hex, n] : j["last_seq"].items()) {
                    const auto id = wire::id_from_hex(hex);
                    if (!id || !n.is_number_unsigned()) return {Error::InvalidArgument, "provider entry has a malformed last_seq"};
                    // A helper whose provider this copy was not given (a helper's copy, for another
                    // provider's helper): the entry's signer and the server, which see it, vouch.
                    const DeviceInfo* h = device(*id);
                    const bool unjudged = h && h->role == "helper" && h->provider_hidden && !h->revoked &&
                                          ever_members(scope).count(*id) && !unassigned(scope, *id);
                    if (unjudged && std::find(off.begin(), off.end(), *id) == off.end()) off.push_back(*id);
                    if (std::find(off.begin(), off.end(), *id) == off.end())
                        return {Error::InvalidArgument, "provider entry's last_seq names no helper the withdrawal takes off"};
                    last[*id] = n.get<std::uint64_t>();
                }
            }
            if (assigned) {
                m_providers[scope].insert(provider);
                // Its helpers that the withdrawal took off are back (they hold the latest epoch's key
                // only if nobody rotated since; else a member adds them again).
                for (auto it = m_removals.lower_bound({scope, DeviceId{}}); it != m_removals.end() && it->first.first == scope; ++it) {
                    Removal& r = it->second.back();
                    if (!r.readded_at && r.kind == Removal::Kind::Withdrawn && r.provider == provider)
                        r.readded_at = latest_epoch(scope);
                }
            } else {
                // The provider's helpers count as taken off the case, like an unassign.
                for (const DeviceId& h : off) {
                    const auto n = last.find(h);
                    m_removals[{scope, h}].push_back(Removal{Removal::Kind::Withdrawn, seq, time,
                                                             n == last.end() ? std::nullopt : std::optional(n->second),
                                                             std::nullopt, provider});
                }
                m_providers[scope].erase(provider);
            }
        }
    } else if (kind == "revoke") {
        if (signer_device) return {Error::InvalidArgument, "only the admin revokes devices"};
        const DeviceId dev = f.id("device");
        auto it = m_devices.find(dev);
        if (!f.missing.empty() || it == m_devices.end()) return {Error::InvalidArgument, "revoke names no enrolled device"};
        const auto last = last_seq_of(j);
        if (!last) return {Error::InvalidArgument, "revoke has a malformed last_seq"};
        it->second.revoked = true;
        it->second.wipe = j.contains("wipe") && j["wipe"].is_boolean() && j["wipe"].get<bool>();
        m_revocations[dev] = m_entries.size();
        m_revoked.try_emplace(dev, Removal{Removal::Kind::Revoked, seq, time, *last, std::nullopt, {}});
    } else if (kind == "escrow") {
        if (signer_device) return {Error::InvalidArgument, "only the admin names the escrow key"};
        const BoxPublicKey pk = f.key<32>("escrow_pk");
        if (!f.missing.empty()) return {Error::InvalidArgument, "escrow lacks escrow_pk"};
        if (m_escrow) return {Error::InvalidArgument, "the organisation already has an escrow key"};
        m_escrow = pk;
    } else if (kind == "shred") {
        if (signer_device) return {Error::InvalidArgument, "only the admin orders crypto-shredding"};
        ShredOrder o;
        o.scope = f.id("scope");
        o.order = f.str("order");
        const auto reason = sensitive(j, e, "reason", kMaxAnnexValue);
        o.seq = seq;
        o.time_ms = j["time"].get<std::uint64_t>();
        if (!f.missing.empty()) return {Error::InvalidArgument, "shred lacks field '" + f.missing + "'"};
        if (!reason) return {Error::InvalidArgument, "shred has a malformed reason"};
        o.reason = reason->value;
        o.reason_hidden = reason->hidden;
        if (o.order != "retention" && o.order != "erasure") return {Error::InvalidArgument, "shred order must be retention or erasure"};
        if (!o.reason_hidden && o.reason.empty()) return {Error::InvalidArgument, "a shred order names its legal reason"};
        if (scope_kind(o.scope) != ScopeKind::Case) return {Error::InvalidArgument, "only a known case scope can be crypto-shredded"};
        if (shredded(o.scope)) return {Error::InvalidArgument, "that scope was crypto-shredded already"};
        m_shredded.emplace(o.scope, std::move(o));
    } else if (kind == "lease") {
        if (signer_device) return {Error::InvalidArgument, "only the admin sets the offline lease"};
        const std::uint64_t days = f.num("days");
        if (!f.missing.empty() || days > 3650) return {Error::InvalidArgument, "lease days: 0 (off) to 3650"};
        m_leaseDays = std::uint32_t(days);
    } else {
        return {Error::Unsupported, "unknown directory entry kind '" + kind + "'"};
    }
    m_head = crypto::hash(e.body);
    m_entries.push_back(e);
    return {};
}

Result<void> Directory::append_all(const std::vector<SignedEntry>& es) {
    for (const auto& e : es)
        if (auto r = append(e); !r) return r;
    return {};
}

Result<std::optional<std::uint64_t>> Directory::reveal(const SignedEntry& e) {
    const json j = json::parse(e.body.begin(), e.body.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("seq") || !j["seq"].is_number_unsigned())
        return {Error::InvalidArgument, "revealed entry has no seq"};
    const std::uint64_t seq = j["seq"].get<std::uint64_t>();
    if (seq >= m_entries.size()) return {Error::InvalidArgument, "revealed entry is not in this copy"};
    SignedEntry& have = m_entries[seq];
    if (have.body != e.body || have.signer != e.signer || have.signature != e.signature)
        return {Error::InvalidArgument, "revealed entry differs from the one in this copy"};
    if (!annex_opens(j, e.annex)) return {Error::InvalidArgument, "the revealed annex does not open the entry's commitments"};
    bool changed = false;
    for (const auto& [field, o] : e.annex) changed = !have.annex.count(field) || changed;
    if (!changed) return std::optional<std::uint64_t>();
    // Everything derived from the entries again, with the openings now known: a withdrawal this
    // copy could not judge takes its helpers off (Removal), a device's provider becomes known,
    // and later entries were checked against the state they were appended to (docs/protocol.md,
    // "Annex"). All or nothing: on failure this copy stays as it was.
    std::vector<SignedEntry> all = m_entries;
    for (const auto& [field, o] : e.annex) all[seq].annex.emplace(field, o);
    Directory fresh;
    if (auto r = fresh.append_all(all); !r) return {Error::InvalidArgument, "with the revealed annex, the log no longer verifies: " + r.detail()};
    *this = std::move(fresh);
    return std::optional<std::uint64_t>(seq);
}

bool Directory::fully_open(std::uint64_t seq) const {
    if (seq >= m_entries.size()) return false;
    const SignedEntry& e = m_entries[seq];
    const json j = json::parse(e.body.begin(), e.body.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return false;
    for (const auto& [key, value] : j.items())
        if (key.size() > 2 && key.ends_with("_c") && !e.annex.count(key.substr(0, key.size() - 2))) return false;
    return true;
}

bool Directory::providers_hidden(const crypto::ScopeId& scope) const { return m_hiddenProviders.count(scope) != 0; }

std::vector<std::uint64_t> Directory::provider_entries(const crypto::ScopeId& scope) const {
    auto it = m_providerEntries.find(scope);
    return it == m_providerEntries.end() ? std::vector<std::uint64_t>{} : it->second;
}

const DeviceInfo* Directory::device(const DeviceId& id) const {
    auto it = m_devices.find(id);
    return it == m_devices.end() ? nullptr : &it->second;
}

std::vector<DeviceInfo> Directory::devices() const {
    std::vector<DeviceInfo> out;
    for (const auto& [id, d] : m_devices) out.push_back(d);
    return out;
}

bool Directory::is_member(const crypto::ScopeId& scope, std::uint32_t epoch, const DeviceId& d) const {
    auto s = m_members.find(scope);
    if (s == m_members.end()) return false;
    auto e = s->second.find(epoch);
    return e != s->second.end() && e->second.count(d);
}

const SignPublicKey* Directory::member_key(const crypto::ScopeId& scope, std::uint32_t epoch, const DeviceId& d) const {
    if (!is_member(scope, epoch, d)) return nullptr;
    const DeviceInfo* info = device(d);
    return info ? &info->sign_pk : nullptr;
}

std::vector<Membership> Directory::memberships(const DeviceId& d) const {
    std::vector<Membership> out;
    for (const auto& [scope, epochs] : m_members)
        for (const auto& [epoch, devs] : epochs)
            if (devs.count(d)) out.push_back({scope, epoch, m_kinds.at(scope)});
    return out;
}

std::vector<DeviceId> Directory::members(const crypto::ScopeId& scope, std::uint32_t epoch) const {
    std::vector<DeviceId> out;
    if (auto s = m_members.find(scope); s != m_members.end())
        if (auto e = s->second.find(epoch); e != s->second.end()) out.assign(e->second.begin(), e->second.end());
    return out;
}

bool Directory::scope_known(const crypto::ScopeId& scope) const { return m_members.count(scope) != 0; }

std::uint32_t Directory::latest_epoch(const crypto::ScopeId& scope) const {
    auto it = m_members.find(scope);
    return it == m_members.end() || it->second.empty() ? 0 : it->second.rbegin()->first;
}

bool Directory::unassigned(const crypto::ScopeId& scope, const DeviceId& d) const {
    auto it = m_removals.find({scope, d});
    return it != m_removals.end() && !it->second.back().readded_at;
}

const Removal* Directory::removal(const crypto::ScopeId& scope, const DeviceId& d) const {
    if (auto r = m_revoked.find(d); r != m_revoked.end()) return &r->second;
    auto it = m_removals.find({scope, d});
    return it == m_removals.end() || it->second.back().readded_at ? nullptr : &it->second.back();
}

std::uint32_t Directory::latest_epoch_before(const crypto::ScopeId& scope, std::uint64_t seq) const {
    std::uint32_t latest = 0;
    if (auto s = m_epochOpened.find(scope); s != m_epochOpened.end())
        for (const auto& [epoch, opened] : s->second)
            if (opened < seq) latest = std::max(latest, epoch);
    return latest;
}

std::optional<std::string> Directory::refuse_op(const crypto::ScopeId& scope, std::uint32_t epoch, const DeviceId& author,
                                                std::uint64_t device_seq, std::uint64_t hlc) const {
    if (!is_member(scope, epoch, author))
        return "device " + crypto::to_hex(author) + " is not a member of scope " + crypto::to_hex(scope) + " at epoch " +
               std::to_string(epoch);
    // From before the removal: by the device's own counter if the entry names its last one, else
    // by its clock and the epoch (an author sets both itself: docs/threat-model.md says what that leaves).
    const auto before = [&](const Removal& r) {
        if (r.last_seq) return device_seq <= *r.last_seq;
        return Hlc::physical_ms(hlc) <= r.time_ms && epoch <= latest_epoch_before(scope, r.entry);
    };
    const auto why = [&](const Removal& r) {
        const char* how = r.kind == Removal::Kind::Revoked    ? "revoked"
                          : r.kind == Removal::Kind::Withdrawn ? "taken off the scope with its provider"
                                                               : "unassigned from the scope";
        std::string s = "device " + crypto::to_hex(author) + " was " + how + " (directory entry " + std::to_string(r.entry) +
                        "): an op ";
        if (r.last_seq) return s + "with device seq " + std::to_string(device_seq) + " after last_seq " + std::to_string(*r.last_seq);
        return s + "dated or at an epoch after the removal";
    };
    if (auto rv = m_revoked.find(author); rv != m_revoked.end() && !before(rv->second)) return why(rv->second);
    if (auto it = m_removals.find({scope, author}); it != m_removals.end())
        for (const Removal& r : it->second)
            if (!before(r) && !(r.readded_at && epoch >= *r.readded_at)) return why(r);
    return std::nullopt;
}

bool Directory::active_member(const crypto::ScopeId& scope, const DeviceId& d) const {
    const DeviceInfo* info = device(d);
    return info && !info->revoked && scope_known(scope) && is_member(scope, latest_epoch(scope), d) && !unassigned(scope, d);
}

std::vector<DeviceId> Directory::removed_by_withdrawal(const crypto::ScopeId& scope, const std::string& provider) const {
    std::vector<DeviceId> out;
    const std::set<DeviceId> ever = ever_members(scope);
    for (const auto& [id, d] : m_devices)
        if (d.role == "helper" && d.provider == provider && !d.revoked && ever.count(id) && !unassigned(scope, id))
            out.push_back(id);
    return out;
}

bool Directory::excluded(const crypto::ScopeId& scope, const DeviceId& d) const {
    const DeviceInfo* info = device(d);
    return !info || info->revoked || unassigned(scope, d);
}

const SignedEntry* Directory::revocation(const DeviceId& d) const {
    auto it = m_revocations.find(d);
    return it == m_revocations.end() ? nullptr : &m_entries[it->second];
}

bool Directory::is_wipe_order(const SignedEntry& e, const crypto::Id16& org, const SignPublicKey& admin, const DeviceId& me) {
    if (e.signer != "admin" || !crypto::verify(admin, signing_message(e.body), e.signature)) return false;
    const json j = json::parse(e.body.begin(), e.body.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return false;
    Fields f{j, {}};
    const bool ok = f.str("kind") == "revoke" && f.id("org") == org && f.id("device") == me;
    return ok && f.missing.empty() && j.contains("wipe") && j["wipe"].is_boolean() && j["wipe"].get<bool>();
}

std::optional<ScopeKind> Directory::scope_kind(const crypto::ScopeId& scope) const {
    auto it = m_kinds.find(scope);
    if (it == m_kinds.end()) return std::nullopt;
    return it->second;
}

std::set<std::string> Directory::providers(const crypto::ScopeId& scope) const {
    auto it = m_providers.find(scope);
    return it == m_providers.end() ? std::set<std::string>{} : it->second;
}

std::optional<DeviceId> Directory::personal_owner(const crypto::ScopeId& scope) const {
    auto it = m_personalOwners.find(scope);
    if (it == m_personalOwners.end()) return std::nullopt;
    return it->second;
}

std::optional<DeviceId> Directory::audit_owner(const crypto::ScopeId& scope) const {
    auto it = m_auditOwners.find(scope);
    if (it == m_auditOwners.end()) return std::nullopt;
    return it->second;
}

const ShredOrder* Directory::shredded(const crypto::ScopeId& scope) const {
    auto it = m_shredded.find(scope);
    return it == m_shredded.end() ? nullptr : &it->second;
}

std::set<DeviceId> Directory::ever_members(const crypto::ScopeId& scope) const {
    std::set<DeviceId> out;
    if (auto s = m_members.find(scope); s != m_members.end())
        for (const auto& [epoch, devs] : s->second) out.insert(devs.begin(), devs.end());
    return out;
}

SignedEntry Directory::sign(const crypto::DeviceIdentity& signer, bool as_admin, std::string body) const {
    SignedEntry e;
    e.body.assign(body.begin(), body.end());
    e.signer = as_admin ? "admin" : crypto::to_hex(signer.id());
    e.signature = signer.sign(signing_message(e.body));
    return e;
}

namespace {
json base(const crypto::Id16& org, std::uint64_t seq, const crypto::Hash32& prev, std::string_view kind, std::uint64_t t) {
    return json{{"v", 1}, {"org", crypto::to_hex(org)}, {"seq", seq}, {"prev", seq == 0 ? std::string() : crypto::to_hex(prev)},
                {"kind", kind}, {"time", t}};
}
}  // namespace

SignedEntry Directory::make_genesis(const crypto::DeviceIdentity& admin, const crypto::Id16& org, const std::string& name,
                                    std::uint64_t time_ms) {
    json j = base(org, 0, {}, "genesis", time_ms);
    j["admin_pk"] = wire::b64(admin.sign_public());
    j["name"] = name;
    return Directory().sign(admin, true, j.dump());
}

SignedEntry Directory::make_enrol(const crypto::DeviceIdentity& admin, const DeviceId& dev, const SignPublicKey& sign_pk,
                                  const BoxPublicKey& box_pk, const std::string& name, const std::string& role,
                                  std::uint64_t time_ms, const std::string& provider) const {
    json j = base(m_org, size(), m_head, "enrol", time_ms);
    j["device"] = crypto::to_hex(dev);
    j["sign_pk"] = wire::b64(sign_pk);
    j["box_pk"] = wire::b64(box_pk);
    j["role"] = role;
    // Names in commitments (docs/protocol.md, "Annex"): the server gives them to those who need them.
    std::map<std::string, Opening> annex;
    commit_to(j, annex, "name", name);
    if (!provider.empty()) commit_to(j, annex, "provider", provider);
    SignedEntry e = sign(admin, true, j.dump());
    e.annex = std::move(annex);
    return e;
}

SignedEntry Directory::make_member(const crypto::DeviceIdentity& signer, bool as_admin, const crypto::ScopeId& scope,
                                   std::uint32_t epoch, const DeviceId& dev, ScopeKind kind, std::uint64_t time_ms) const {
    json j = base(m_org, size(), m_head, "member", time_ms);
    j["scope"] = crypto::to_hex(scope);
    j["epoch"] = epoch;
    j["device"] = crypto::to_hex(dev);
    j["scope_kind"] = to_string(kind);
    return sign(signer, as_admin, j.dump());
}

SignedEntry Directory::make_unassign(const crypto::DeviceIdentity& signer, bool as_admin, const crypto::ScopeId& scope,
                                     const DeviceId& dev, std::uint64_t time_ms, std::optional<std::uint64_t> last_seq) const {
    json j = base(m_org, size(), m_head, "unassign", time_ms);
    j["scope"] = crypto::to_hex(scope);
    j["device"] = crypto::to_hex(dev);
    if (last_seq) j["last_seq"] = *last_seq;
    return sign(signer, as_admin, j.dump());
}

SignedEntry Directory::make_provider(const crypto::DeviceIdentity& signer, bool as_admin, const crypto::ScopeId& scope,
                                     const std::string& provider, bool assigned, std::uint64_t time_ms,
                                     const std::map<DeviceId, std::uint64_t>& last_seq) const {
    json j = base(m_org, size(), m_head, "provider", time_ms);
    j["scope"] = crypto::to_hex(scope);
    j["assigned"] = assigned;
    if (!last_seq.empty()) {
        json m = json::object();
        for (const auto& [dev, n] : last_seq) m[crypto::to_hex(dev)] = n;
        j["last_seq"] = std::move(m);
    }
    std::map<std::string, Opening> annex;
    commit_to(j, annex, "provider", provider);
    SignedEntry e = sign(signer, as_admin, j.dump());
    e.annex = std::move(annex);
    return e;
}

SignedEntry Directory::make_revoke(const crypto::DeviceIdentity& admin, const DeviceId& dev, bool wipe,
                                   std::uint64_t time_ms, std::optional<std::uint64_t> last_seq) const {
    json j = base(m_org, size(), m_head, "revoke", time_ms);
    j["device"] = crypto::to_hex(dev);
    j["wipe"] = wipe;
    if (last_seq) j["last_seq"] = *last_seq;
    return sign(admin, true, j.dump());
}

SignedEntry Directory::make_escrow(const crypto::DeviceIdentity& admin, const BoxPublicKey& escrow_pk,
                                   std::uint64_t time_ms) const {
    json j = base(m_org, size(), m_head, "escrow", time_ms);
    j["escrow_pk"] = wire::b64(escrow_pk);
    return sign(admin, true, j.dump());
}

SignedEntry Directory::make_shred(const crypto::DeviceIdentity& admin, const crypto::ScopeId& scope, const std::string& order,
                                  const std::string& reason, std::uint64_t time_ms) const {
    json j = base(m_org, size(), m_head, "shred", time_ms);
    j["scope"] = crypto::to_hex(scope);
    j["order"] = order;
    std::map<std::string, Opening> annex;
    commit_to(j, annex, "reason", reason);
    SignedEntry e = sign(admin, true, j.dump());
    e.annex = std::move(annex);
    return e;
}

SignedEntry Directory::make_lease(const crypto::DeviceIdentity& admin, std::uint32_t days, std::uint64_t time_ms) const {
    json j = base(m_org, size(), m_head, "lease", time_ms);
    j["days"] = days;
    return sign(admin, true, j.dump());
}

}  // namespace quartier::sync
