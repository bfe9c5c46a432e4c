#include "sync/org/grant.h"

#include "sync/protocol/wire.h"

#include "crypto/bytes_io.h"
#include "crypto/keywrap.h"

#include <nlohmann/json.hpp>

namespace quartier::sync {

using nlohmann::json;

namespace {
constexpr std::string_view kDomain = "quartier/grant/v1";

crypto::Bytes signed_message(const KeyGrant& g) {
    crypto::Bytes m = g.binding();
    m.insert(m.end(), g.sealed.begin(), g.sealed.end());
    return m;
}
}  // namespace

crypto::Bytes KeyGrant::binding() const {
    crypto::Bytes e;
    crypto::io::put_u32(e, epoch);
    return crypto::labelled(kDomain, {scope, e, device});
}

std::string KeyGrant::to_json() const {
    return json{{"scope", crypto::to_hex(scope)}, {"epoch", epoch}, {"device", crypto::to_hex(device)},
                {"sealed", wire::b64(sealed)}, {"granter", granter}, {"signature", wire::b64(signature)}}
        .dump();
}

Result<KeyGrant> KeyGrant::from_json(std::string_view text) {
    const json j = json::parse(text, nullptr, false);
    auto bad = [] { return Result<KeyGrant>(Error::InvalidArgument, "malformed key grant"); };
    if (j.is_discarded() || !j.is_object()) return bad();
    for (const char* k : {"scope", "device", "sealed", "granter", "signature"})
        if (!j.contains(k) || !j[k].is_string()) return bad();
    if (!j.contains("epoch") || !j["epoch"].is_number_unsigned()) return bad();
    KeyGrant g;
    auto scope = wire::id_from_hex(j["scope"].get<std::string>());
    auto dev = wire::id_from_hex(j["device"].get<std::string>());
    auto sealed = wire::unb64(j["sealed"].get<std::string>());
    auto sig = wire::fixed_from_b64<64>(j["signature"].get<std::string>());
    const auto epoch = j["epoch"].get<std::uint64_t>();
    if (!scope || !dev || !sealed || !sig || epoch == 0 || epoch > UINT32_MAX || sealed->size() > 4096) return bad();
    g.scope = *scope;
    g.device = *dev;
    g.epoch = std::uint32_t(epoch);
    g.sealed = std::move(*sealed);
    g.granter = j["granter"].get<std::string>();
    g.signature = *sig;
    return g;
}

KeyGrant KeyGrant::make(const crypto::DeviceIdentity& granter, bool as_admin, const crypto::ScopeId& scope,
                        std::uint32_t epoch, const DeviceInfo& recipient, const crypto::SymmetricKey& key) {
    KeyGrant g;
    g.scope = scope;
    g.epoch = epoch;
    g.device = recipient.id;
    g.sealed = crypto::seal_to(recipient.box_pk, g.binding(), key.view());
    g.granter = as_admin ? "admin" : crypto::to_hex(granter.id());
    g.signature = granter.sign(signed_message(g));
    return g;
}

Result<void> KeyGrant::verify(const Directory& dir) const {
    const SignPublicKey* key = nullptr;
    if (granter == "admin") {
        key = &dir.admin_key();
    } else {
        auto id = wire::id_from_hex(granter);
        const DeviceInfo* d = id ? dir.device(*id) : nullptr;
        if (!d || d->revoked || !dir.is_member(scope, epoch, *id))
            return {Error::InvalidArgument, "granter is not a member of the scope at that epoch"};
        key = &d->sign_pk;
    }
    if (!crypto::verify(*key, signed_message(*this), signature)) return {Error::InvalidArgument, "grant signature does not verify"};
    const DeviceInfo* r = dir.device(device);
    if (!r || r->revoked || !dir.is_member(scope, epoch, device))
        return {Error::InvalidArgument, "recipient is not a member of the scope at that epoch"};
    return {};
}

Result<crypto::SymmetricKey> KeyGrant::open(const Directory& dir, const crypto::DeviceIdentity& me) const {
    if (device != me.id()) return {Error::InvalidArgument, "grant is for another device"};
    if (auto r = verify(dir); !r) return r.failure();
    auto k = crypto::open_sealed(me.box_public(), me.box_secret(), binding(), sealed);
    if (!k || k->size() != crypto::SymmetricKey::kSize) return {Error::Integrity, "grant does not open"};
    return crypto::SymmetricKey::from(k->view());
}

}  // namespace quartier::sync
