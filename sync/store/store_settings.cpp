// Sealed settings (docs/store.md, "Settings"): server URL, fingerprint, device name, enrolment
// offers, form drafts, scope kinds, the organisation pin.
//
// Job: the `settings` table. A row is named '#' and the hex of a keyed hash of the setting's name
// (a name can hold a record id); its value, the name and the value, is sealed under the wrap key
// with the row name as associated data. Also a setting held for a later unlock (hold_setting(),
// restore_setting()): sealed to this device's X25519 key, for a write that failed.
//
// States: rows named in clear (stores made before names were hashed) are renamed at open() in
// one transaction, the WAL truncated after; a failure leaves them readable and the next open
// tries again. durable = false writes with synchronous=NORMAL (RelaxedSync, store_impl.h).
//
// Invariants (numbered in sync/store/store.h): no setting name or value on disk in clear (Store
// invariant 3); a row whose sealed name is not its own is Corrupt (a value moved to another row
// is refused); `settings` in memory changes only after its row was written (Store invariant 2).

#include "sync/store/store_impl.h"

namespace quartier::sync {


namespace {
// What a setting's seal holds, in its row and when held for a later unlock (docs/store.md,
// "Settings"): u32 name length || name || value.
Bytes setting_plain(std::string_view name, std::string_view value) {
    Bytes plain;
    plain.reserve(4 + name.size() + value.size());
    crypto::io::put_u32(plain, std::uint32_t(name.size()));
    plain.insert(plain.end(), name.begin(), name.end());
    plain.insert(plain.end(), value.begin(), value.end());
    return plain;
}
// The name and the value of setting_plain(), or nullopt if `plain` is not made that way.
std::optional<std::pair<std::string, std::string>> split_setting_plain(ByteView plain) {
    crypto::io::Reader in(plain);
    const ByteView name = in.take(in.u32());
    const ByteView value = in.take(in.remaining());
    if (in.failed()) return std::nullopt;
    return std::pair{std::string(name.begin(), name.end()), std::string(value.begin(), value.end())};
}

Bytes held_binding(const DeviceId& device) { return label_ad("quartier/held-setting/v1", {device}); }
}  // namespace

Bytes Store::Impl::setting_ad(const std::string& key) const {
    return label_ad("quartier/setting/v1", {ByteView(reinterpret_cast<const std::uint8_t*>(key.data()), key.size())});
}

// Settings on disk (docs/store.md, "Settings"): the row is named '#' and the hex of a keyed
// hash of the setting's name, and the sealed value holds the name and the value. A name can
// hold a record id ("form_draft:<case id>"), which must not be on disk in clear.
std::string Store::Impl::setting_row(const std::string& name) const {
    return "#" + crypto::to_hex(crypto::keyed_index(
                     setting_key->view(), ByteView(reinterpret_cast<const std::uint8_t*>(name.data()), name.size())));
}

bool Store::Impl::is_setting_row(std::string_view k) {
    return k.size() == 33 && k[0] == '#' &&
           std::all_of(k.begin() + 1, k.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// The sealed value of a setting and its row name.
std::pair<std::string, Bytes> Store::Impl::seal_setting(const std::string& name, const std::string& value) const {
    Bytes plain = setting_plain(name, value);
    std::string row = setting_row(name);
    Bytes sealed = crypto::seal_blob(*wrap_key, plain, setting_ad(row));
    crypto::wipe(plain);
    return {std::move(row), std::move(sealed)};
}

Result<void> Store::Impl::write_setting(const std::string& name, const std::string& value) {
    auto [row, sealed] = seal_setting(name, value);
    auto st = db.prepare("INSERT OR REPLACE INTO settings(k, v) VALUES(?1, ?2)");
    if (!st) return st.failure();
    st->bind(1, std::string_view(row)).bind(2, sealed);
    return st->run();
}

// Rows of stores made before the names were hashed, under their names in clear: rewritten in
// one transaction, and the WAL emptied so that the old pages leave it too. A failure (a full
// disk) leaves them as they were, readable; the next open tries again.
void Store::Impl::rename_legacy_settings(const std::vector<std::string>& names) {
    if (names.empty() || db.in_transaction() || !db.exec("BEGIN IMMEDIATE")) return;
    auto del = db.prepare("DELETE FROM settings WHERE k = ?1");
    bool ok = bool(del);
    for (const std::string& name : names) {
        if (!ok) break;
        ok = write_setting(name, settings[name]).ok();
        if (ok) {
            del->bind(1, std::string_view(name));
            ok = del->run().ok();
            del->reset();
        }
    }
    if (!ok || !db.exec("COMMIT")) {
        (void)db.exec("ROLLBACK");
        return;
    }
    (void)truncate_wal(db, checkpoint.get());
}

// Every setting row, opened into `settings` (at open() and recover()). A row that does not open,
// or whose name inside is not its row's, is Corrupt. `rename_legacy`: rows of older stores named
// in clear are renamed (open() only; recover() writes nothing).
Result<void> Store::Impl::load_settings(bool rename_legacy) {
    std::vector<std::string> legacy;  // settings under their names in clear
    if (auto r = rows("SELECT k, v FROM settings", [&](Statement& st) -> Result<void> {
            const std::string k = st.text(0);
            // open_blob, not unwrap: the same format, without unwrap's 4 KiB limit for keys
            // (a form draft with a long note is a longer setting).
            Bytes v;
            if (!crypto::open_blob(*wrap_key, st.blob(1), setting_ad(k), v)) return {Error::Corrupt, "a setting does not open"};
            if (!is_setting_row(k)) {  // named in clear, the value alone sealed
                settings[k] = std::string(v.begin(), v.end());
                legacy.push_back(k);
                crypto::wipe(v);
                return {};
            }
            auto named = split_setting_plain(v);
            crypto::wipe(v);
            // The name inside decides the row: a value moved to another row is refused.
            if (!named || setting_row(named->first) != k) return {Error::Corrupt, "a setting is not under its own name"};
            settings[named->first] = std::move(named->second);
            return {};
        });
        !r)
        return r;
    if (rename_legacy) rename_legacy_settings(legacy);
    return {};
}

Result<void> Store::set_setting(const std::string& key, const std::string& value, bool durable) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    std::optional<RelaxedSync> relaxed;
    if (!durable) relaxed.emplace(I.db);
    if (auto r = I.write_setting(key, value); !r) {
        fail(r.error());
        return r;
    }
    I.settings[key] = value;
    return {};
}

HeldSetting Store::hold_setting(const std::string& key, const std::string& value) const {
    const crypto::DeviceIdentity& me = *m_impl->device;
    const Bytes binding = held_binding(me.id());
    const SymmetricKey k = SymmetricKey::generate();
    Bytes plain = setting_plain(key, value);
    HeldSetting h{crypto::seal_to(me.box_public(), binding, k.view()), crypto::seal_blob(k, plain, binding)};
    crypto::wipe(plain);
    return h;
}

Result<void> Store::restore_setting(const HeldSetting& held) {
    if (m_failed) return Error::Failed;
    const crypto::DeviceIdentity& me = *m_impl->device;
    const Bytes binding = held_binding(me.id());
    auto raw = crypto::open_sealed(me.box_public(), me.box_secret(), binding, held.sealed_key);
    if (!raw || raw->size() != SymmetricKey::kSize) return {Error::Corrupt, "a held setting was not sealed for this device"};
    const SymmetricKey k = SymmetricKey::from(raw->view());
    Bytes plain;
    if (!crypto::open_blob(k, held.blob, binding, plain)) return {Error::Corrupt, "a held setting does not open"};
    auto named = split_setting_plain(plain);
    crypto::wipe(plain);
    if (!named || named->first.empty()) return {Error::Corrupt, "a held setting is damaged"};
    return set_setting(named->first, named->second);
}

std::optional<std::string> Store::setting(const std::string& key) const {
    auto it = m_impl->settings.find(key);
    if (it == m_impl->settings.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Store::setting_names(std::string_view prefix) const {
    std::vector<std::string> out;
    for (auto it = m_impl->settings.lower_bound(std::string(prefix));
         it != m_impl->settings.end() && std::string_view(it->first).substr(0, prefix.size()) == prefix; ++it)
        if (!it->second.empty()) out.push_back(it->first);
    return out;
}

}  // namespace quartier::sync
