#include "annex_view.h"

#include "sync/protocol/wire.h"

#include <set>

namespace quartier::sync::server {

using nlohmann::json;

namespace {
json body_of(const SignedEntry& e) { return json::parse(e.body.begin(), e.body.end(), nullptr, false); }

std::optional<crypto::Id16> id_field(const json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string() ? wire::id_from_hex(j[key].get<std::string>()) : std::nullopt;
}

// The entry as `reader` is given it: the openings it may read, no others.
SignedEntry filtered(const Directory& dir, const DeviceId& reader, std::uint64_t seq) {
    SignedEntry e = dir.entries()[seq];
    std::erase_if(e.annex, [&](const auto& a) { return !may_read(dir, reader, seq, a.first); });
    return e;
}
}  // namespace

bool may_read(const Directory& dir, const DeviceId& reader, std::uint64_t seq, const std::string& field) {
    const DeviceInfo* me = dir.device(reader);
    if (!me || seq >= dir.size()) return false;
    const SignedEntry& e = dir.entries()[seq];
    const json j = body_of(e);
    const std::string kind = j.is_object() ? j.value("kind", "") : "";
    if (kind == "enrol" && (field == "name" || field == "provider"))
        return (me->role != "helper" && !me->role.empty()) || id_field(j, "device") == reader;
    if (kind == "provider" && field == "provider") {
        const auto scope = id_field(j, "scope");
        if (me->role == "admin" || (scope && dir.ever_members(*scope).count(reader))) return true;
        const auto opening = e.annex.find("provider");
        return me->role == "helper" && opening != e.annex.end() && !me->provider.empty() && me->provider == opening->second.value;
    }
    if (kind == "shred" && field == "reason") return me->role == "admin" || me->role == "dpo";
    return false;
}

msg::DirectoryAnswer directory_for(const Directory& dir, const DeviceId& reader, std::uint64_t since) {
    msg::DirectoryAnswer out;
    std::set<crypto::ScopeId> joined;  // scopes the reader became a member of from `since` on
    for (std::uint64_t seq = since; seq < dir.size(); ++seq) {
        const SignedEntry& e = dir.entries()[seq];
        if (e.annex.empty()) {
            out.entries.push_back(e.to_json());
            const json j = body_of(e);
            if (j.is_object() && j.value("kind", "") == "member" && id_field(j, "device") == reader)
                if (auto scope = id_field(j, "scope")) joined.insert(*scope);
        } else {
            out.entries.push_back(filtered(dir, reader, seq).to_json());
        }
    }
    std::set<std::uint64_t> given;
    for (const auto& scope : joined)
        for (const std::uint64_t seq : dir.provider_entries(scope))
            if (seq < since && given.insert(seq).second)
                if (SignedEntry e = filtered(dir, reader, seq); !e.annex.empty()) out.revealed.push_back(e.to_json());
    return out;
}

}  // namespace quartier::sync::server
