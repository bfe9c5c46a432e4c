#include "sync/client/org.h"

#include "sync/protocol/wire.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace quartier::sync {

using nlohmann::json;

namespace {
std::uint64_t now_ms() {
    return std::uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch()).count());
}
constexpr std::string_view kCodePrefix = "quartier:1:";
}  // namespace

std::string EnrolCode::to_string() const {
    const std::string j = json{{"url", url}, {"fp", fingerprint}, {"org", crypto::to_hex(org)},
                               {"admin_pk", wire::b64(admin_pk)}, {"s", wire::b64(secret)}}.dump();
    return std::string(kCodePrefix) + wire::b64url(crypto::ByteView(reinterpret_cast<const std::uint8_t*>(j.data()), j.size()));
}

Result<EnrolCode> EnrolCode::parse(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    if (text.substr(0, kCodePrefix.size()) != kCodePrefix) return {Error::InvalidArgument, "not a Quartier enrolment code"};
    auto raw = wire::unb64url(text.substr(kCodePrefix.size()));
    if (!raw) return {Error::InvalidArgument, "enrolment code is damaged"};
    json j = json::parse(raw->begin(), raw->end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return {Error::InvalidArgument, "enrolment code is damaged"};
    auto get = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string(); };
    EnrolCode c;
    c.url = get("url");
    c.fingerprint = get("fp");
    auto org = wire::id_from_hex(get("org"));
    auto admin = wire::fixed_from_b64<32>(get("admin_pk"));
    auto s = wire::fixed_from_b64<16>(get("s"));
    if (c.url.empty() || !org || !admin || !s) return {Error::InvalidArgument, "enrolment code lacks a field"};
    c.org = *org;
    c.admin_pk = *admin;
    c.secret = *s;
    return c;
}

std::string confirmation_string(crypto::ByteView secret, const SignPublicKey& sign_pk) {
    constexpr std::string_view domain = "quartier/sas/v1";
    const crypto::Hash32 h = crypto::hash(crypto::labelled(domain, {secret, sign_pk}));
    const std::uint32_t v = (std::uint32_t(h[0]) << 24 | std::uint32_t(h[1]) << 16 | std::uint32_t(h[2]) << 8 | h[3]) % 1000000u;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%06u", v);
    return buf;
}

Result<void> found_organisation(Store& store, SyncClient& client, const std::string& name, const std::string& bootstrap,
                                const std::string& url, const std::string& fingerprint, const std::string& device_name,
                                const std::optional<BoxPublicKey>& escrow_pk) {
    if (store.directory().founded()) return {Error::AlreadyExists, "this store already belongs to an organisation"};
    std::vector<SignedEntry> entries;
    if (auto pending = store.setting("pending_org"); pending && store.admin_identity()) {
        // An earlier attempt made the key and entries but did not hear back: post the same again.
        const json j = json::parse(*pending, nullptr, false);
        if (!j.is_array()) return {Error::Corrupt, "the pending organisation is damaged"};
        for (const auto& e : j) {
            auto se = SignedEntry::from_json(e.dump());
            if (!se) return {Error::Corrupt, "the pending organisation is damaged"};
            entries.push_back(std::move(*se));
        }
    } else {
        if (store.admin_identity()) return {Error::AlreadyExists, "this store already holds an admin key"};
        const crypto::DeviceIdentity admin = crypto::DeviceIdentity::generate();
        const crypto::Id16 org = crypto::random_id();
        Directory d;
        entries.push_back(Directory::make_genesis(admin, org, name, now_ms()));
        if (auto r = d.append(entries[0]); !r) return r;
        const crypto::DeviceIdentity& me = store.device();
        entries.push_back(d.make_enrol(admin, me.id(), me.sign_public(), me.box_public(), device_name, "admin", now_ms()));
        if (escrow_pk) {
            if (auto r = d.append(entries.back()); !r) return r;
            entries.push_back(d.make_escrow(admin, *escrow_pk, now_ms()));
        }
        json saved = json::array();
        for (const auto& e : entries) saved.push_back(json::parse(e.to_json()));
        // Keep the admin key and the entries before the server learns of them: a founded
        // organisation without its key could never enrol anyone.
        for (auto r : {store.set_admin_identity(admin), store.set_pin(org, admin.sign_public()),
                       store.set_setting("pending_org", saved.dump()), store.set_setting("device_name", device_name)})
            if (!r) return r;
    }
    // Where the organisation lives: taken from this attempt, so a retry can correct a typo.
    for (auto r : {store.set_setting("server_url", url), store.set_setting("fingerprint", fingerprint)})
        if (!r) return r;
    msg::FoundOrg body{bootstrap, {}};
    for (const auto& e : entries) body.entries.push_back(e.to_json());
    auto res = client.ask<msg::SeqAnswer>("POST", "/v1/org", "", &body, false);
    if (!res && !(res.error() == Error::Refused && refusal_code(res.detail()) == "conflict")) return res.failure();
    if (!res) {
        // Founded already: by this very attempt whose answer was lost, or by someone else. The
        // pinned genesis decides: refresh_directory refuses another organisation's directory.
        SyncReport ignore;
        if (auto r = client.refresh_directory(ignore); !r) return r;
        if (!store.directory().founded()) return {Error::Refused, "conflict: the server already has an organisation"};
        return store.set_setting("pending_org", "[]");
    }
    if (auto r = store.extend_directory(entries); !r) return r;
    return store.set_setting("pending_org", "[]");
}

Result<EnrolCode> offer_enrolment(Store& store, SyncClient& client, const std::string& name, const std::string& role,
                                  const std::string& provider) {
    if (!store.admin_identity()) return {Error::InvalidArgument, "only the organisation's admin store can enrol devices"};
    if (role == "helper" && provider.empty()) return {Error::InvalidArgument, "a helper's enrolment names its free provider"};
    if (role != "helper" && !provider.empty()) return {Error::InvalidArgument, "only a helper works for a free provider"};
    EnrolCode c;
    c.url = store.setting("server_url").value_or("");
    c.fingerprint = store.setting("fingerprint").value_or("");
    c.org = store.directory().org();
    c.admin_pk = store.admin_identity()->sign_public();
    crypto::random_bytes(c.secret);
    const std::string offer = crypto::to_hex(crypto::hash(c.secret));
    if (auto r = store.set_setting("offer:" + offer, json{{"s", wire::b64(c.secret)}, {"role", role}, {"name", name}, {"provider", provider}}.dump()); !r)
        return r.failure();
    const msg::EnrolOffer body{crypto::hash(c.secret), name, 86400};
    auto res = client.ask<msg::Empty>("POST", "/v1/enrol/offer", "", &body);
    if (!res) return res.failure();
    return c;
}

Result<std::string> request_enrolment(Store& store, SyncClient& client, const EnrolCode& code, const std::string& name) {
    if (store.directory().founded()) return {Error::AlreadyExists, "this store is already enrolled"};
    for (auto r : {store.set_pin(code.org, code.admin_pk), store.set_setting("server_url", code.url),
                   store.set_setting("fingerprint", code.fingerprint), store.set_setting("device_name", name)})
        if (!r) return r.failure();
    const crypto::DeviceIdentity& me = store.device();
    msg::EnrolRequest body{code.secret, {}, {}, name};
    const auto sign_pk = me.sign_public();
    const auto box_pk = me.box_public();
    std::copy(sign_pk.begin(), sign_pk.end(), body.sign_pk.begin());
    std::copy(box_pk.begin(), box_pk.end(), body.box_pk.begin());
    auto res = client.ask<msg::EnrolRequestAnswer>("POST", "/v1/enrol/request", "", &body, false);
    if (!res) return res.failure();
    if (res->device != me.id()) return {Error::Protocol, "the server's answer to the enrolment request names another device"};
    if (auto a = store.audit(AuditAction::Enrol, {crypto::to_hex(code.org)}, {}, "enrolment requested"); !a) return a.failure();
    return confirmation_string(code.secret, me.sign_public());
}

Result<std::vector<PendingEnrolment>> pending_enrolments(Store& store, SyncClient& client) {
    if (!store.admin_identity()) return {Error::InvalidArgument, "only the organisation's admin store can admit devices"};
    auto res = client.ask<msg::PendingRequests>("GET", "/v1/enrol/requests");
    if (!res) return res.failure();
    std::vector<PendingEnrolment> out;
    for (const auto& r : res->requests) {
        PendingEnrolment p;
        p.offer = crypto::to_hex(r.offer);
        const auto sign = std::optional(r.sign_pk);
        const auto box = std::optional(r.box_pk);
        auto local = store.setting("offer:" + p.offer);
        if (!local) continue;  // not ours: nothing to admit
        const json o = json::parse(*local, nullptr, false);
        auto s = o.is_object() ? wire::fixed_from_b64<16>(o.value("s", "")) : std::nullopt;
        if (!s) continue;
        p.sign_pk = *sign;
        p.box_pk = *box;
        p.name = o.value("name", "");
        p.role = o.value("role", "caseworker");
        p.provider = o.value("provider", "");
        p.sas = confirmation_string(*s, p.sign_pk);
        if (store.directory().device(crypto::device_id_of(p.sign_pk))) continue;  // admitted already
        out.push_back(std::move(p));
    }
    return out;
}

Result<DeviceId> admit(Store& store, SyncClient& client, const std::string& sas) {
    auto pending = pending_enrolments(store, client);
    if (!pending) return pending.failure();
    const PendingEnrolment* match = nullptr;
    for (const auto& p : *pending)
        if (p.sas == sas) {
            if (match) return {Error::InvalidArgument, "two requests show the same confirmation string; offer again"};
            match = &p;
        }
    if (!match) return {Error::NotFound, "no pending enrolment shows the confirmation string " + sas};
    const DeviceId id = crypto::device_id_of(match->sign_pk);
    const crypto::DeviceIdentity& admin = *store.admin_identity();
    auto r = client.append_directory([&](const Directory& d) -> std::optional<SignedEntry> {
        if (d.device(id)) return std::nullopt;  // admitted meanwhile
        return d.make_enrol(admin, id, match->sign_pk, match->box_pk, match->name, match->role, now_ms(), match->provider);
    });
    if (!r) return r.failure();
    if (auto a = store.audit(AuditAction::Admit, {crypto::to_hex(id)}, {}, "role " + match->role); !a) return a.failure();
    return id;
}

Result<RevocationReport> revoke_device(Store& store, SyncClient& client, const DeviceId& device, bool wipe) {
    if (!store.admin_identity()) return {Error::InvalidArgument, "only the organisation's admin store can revoke devices"};
    SyncReport ignore;
    if (auto r = client.refresh_directory(ignore); !r) return r.failure();
    const DeviceInfo* d = store.directory().device(device);
    if (!d) return {Error::NotFound, "no enrolled device " + crypto::to_hex(device)};
    if (device == store.device().id()) return {Error::InvalidArgument, "the admin's own device cannot revoke itself"};
    RevocationReport rep;
    rep.device = *d;
    rep.scopes = store.directory().memberships(device);
    const crypto::DeviceIdentity& admin = *store.admin_identity();
    // Its ops up to the server's last one count; what it pushes after this does not (last_seq).
    auto seq = client.removal_seq(device);
    if (!seq) return seq.failure();
    auto r = client.append_directory([&](const Directory& dir) -> std::optional<SignedEntry> {
        if (const DeviceInfo* now = dir.device(device); now && now->revoked) return std::nullopt;
        return dir.make_revoke(admin, device, wipe, now_ms(), seq->last_seq);
    });
    if (!r) return r.failure();
    if (auto a = store.audit(AuditAction::Revoke, {crypto::to_hex(device)}, {},
                             std::string(wipe ? "wipe ordered; " : "") + seq->describe());
        !a)
        return a.failure();
    auto synced = client.sync();
    if (!synced) return synced.failure();
    rep.device = *store.directory().device(device);
    rep.epochs_opened = synced->epochs_opened;
    return rep;
}

}  // namespace quartier::sync
