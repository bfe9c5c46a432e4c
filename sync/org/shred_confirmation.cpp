#include "sync/org/shred_confirmation.h"

#include "sync/protocol/json_fields.h"
#include "sync/protocol/wire.h"

#include <nlohmann/json.hpp>

namespace quartier::sync {

using nlohmann::json;

namespace {
constexpr std::string_view kConfirmDomain = "quartier/shred-confirm/v1";

}  // namespace

ShredConfirmation ShredConfirmation::make(const crypto::DeviceIdentity& me, const crypto::Id16& org, const ScopeId& scope,
                                          std::uint64_t shred_seq, std::vector<std::uint32_t> epochs, std::size_t ops,
                                          bool server_clean, std::uint64_t time_ms) {
    ShredConfirmation c;
    c.scope = scope;
    c.shred_seq = shred_seq;
    c.device = me.id();
    c.time_ms = time_ms;
    c.epochs = std::move(epochs);
    c.ops = ops;
    c.server_clean = server_clean;
    const std::string body = json{{"v", 1},
                                  {"kind", "shred_confirmation"},
                                  {"org", crypto::to_hex(org)},
                                  {"scope", crypto::to_hex(scope)},
                                  {"shred_seq", shred_seq},
                                  {"device", crypto::to_hex(c.device)},
                                  {"time", time_ms},
                                  {"epochs", c.epochs},
                                  {"ops", ops},
                                  {"server_clean", server_clean}}
                                 .dump();
    c.body.assign(body.begin(), body.end());
    c.signature = me.sign(crypto::labelled(kConfirmDomain, {c.body}));
    return c;
}

std::string ShredConfirmation::to_json() const {
    return json{{"body", wire::b64(body)}, {"signature", wire::b64(signature)}}.dump();
}

Result<ShredConfirmation> ShredConfirmation::from_json(std::string_view text) {
    const Result<ShredConfirmation> bad(Error::InvalidArgument, "malformed shred confirmation");
    const json outer = json::parse(text, nullptr, false);
    if (outer.is_discarded() || !outer.is_object() || !outer.contains("body") || !outer["body"].is_string() ||
        !outer.contains("signature") || !outer["signature"].is_string())
        return bad;
    auto body = wire::unb64(outer["body"].get<std::string>());
    auto sig = wire::fixed_from_b64<64>(outer["signature"].get<std::string>());
    if (!body || !sig || body->size() > 16 * 1024) return bad;
    const json j = json::parse(body->begin(), body->end(), nullptr, false);
    if (j.is_discarded() || !j.is_object() || uint_of(j, "v") != 1 || text_of(j, "kind") != "shred_confirmation") return bad;
    auto scope = wire::id_from_hex(text_of(j, "scope"));
    auto dev = wire::id_from_hex(text_of(j, "device"));
    if (!scope || !dev || !j.contains("shred_seq") || !j["shred_seq"].is_number_unsigned() || !j.contains("time") ||
        !j["time"].is_number_unsigned() || !j.contains("epochs") || !j["epochs"].is_array() || !j.contains("ops") ||
        !j["ops"].is_number_unsigned() || !j.contains("server_clean") || !j["server_clean"].is_boolean())
        return bad;
    ShredConfirmation c;
    c.scope = *scope;
    c.device = *dev;
    c.shred_seq = j["shred_seq"].get<std::uint64_t>();
    c.time_ms = j["time"].get<std::uint64_t>();
    for (const auto& e : j["epochs"]) {
        if (!e.is_number_unsigned() || e.get<std::uint64_t>() > UINT32_MAX) return bad;
        c.epochs.push_back(e.get<std::uint32_t>());
    }
    c.ops = j["ops"].get<std::size_t>();
    c.server_clean = j["server_clean"].get<bool>();
    c.body = std::move(*body);
    c.signature = *sig;
    return c;
}

Result<void> ShredConfirmation::verify(const Directory& dir) const {
    const json j = json::parse(body.begin(), body.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object() || text_of(j, "org") != crypto::to_hex(dir.org()))
        return {Error::InvalidArgument, "confirmation is for another organisation"};
    const DeviceInfo* d = dir.device(device);
    if (!d) return {Error::InvalidArgument, "confirmation names no enrolled device"};
    if (!crypto::verify(d->sign_pk, crypto::labelled(kConfirmDomain, {body}), signature))
        return {Error::InvalidArgument, "confirmation signature does not verify"};
    const ShredOrder* o = dir.shredded(scope);
    if (!o || o->seq != shred_seq) return {Error::InvalidArgument, "confirmation answers no shred order of that scope"};
    return {};
}

}  // namespace quartier::sync
