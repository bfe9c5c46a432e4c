// The store's keys (docs/store.md, "Keys on a device"; docs/threat-model.md).
//
// Job: the keys behind every seal of the store. The master key comes from the key file (the
// passphrase, create()/open()/change_passphrase()); the wrap, index, snapshot and setting-name
// keys are derived from it; the device identity, the scope keys (one per scope and epoch) and the
// organisation's admin identity are stored wrapped under the wrap key, each with its own
// associated data, and unwrapped into secure memory at open.
//
// States: no keys (before open, after wipe()) -> master and derived keys held (open) -> scope keys
// added (add_scope_key, create_scope, ensure_audit_scope) and removed (remove_scope_key,
// purge_scope). current_epoch(scope) is the highest epoch held, 0 if none.
//
// Invariants (numbered in sync/store/store.h): no key is on disk in clear, only wrapped (Store
// invariant 3); a key row and the in-memory key change together, the memory only after the row
// was written (Store invariant 2); a failed write fails the store (Failed, Store invariant 7).

#include "sync/store/store_impl.h"

namespace quartier::sync {


void Store::Impl::derive_keys() {
    wrap_key = master->derive(1, "qwrapkey");
    index_key = master->derive(2, "qindexky");
    snapshot_key = master->derive(3, "qsnapkey");
    setting_key = master->derive(5, "qsetname");
}

Result<void> Store::Impl::add_scope_key(const ScopeId& scope, std::uint32_t epoch, SymmetricKey key) {
    const Bytes wrapped = crypto::wrap(*wrap_key, key.view(), scope_ad(scope, epoch));
    auto st = db.prepare("INSERT INTO scope_keys(scope, epoch, wrapped) VALUES(?1, ?2, ?3)");
    if (!st) return st.failure();
    st->bind(1, scope).bind(2, std::int64_t(epoch)).bind(3, wrapped);
    if (auto r = st->run(); !r) return r;
    scope_keys.emplace(ScopeEpoch{scope, epoch}, std::move(key));
    current_epoch[scope] = std::max(current_epoch[scope], epoch);
    return {};
}

Result<void> Store::Impl::load_keys() {
    auto dev = get_meta("device");
    if (!dev) return dev.failure();
    if (!*dev) return {Error::Corrupt, "device identity missing"};
    auto pk = get_meta("device_id");
    if (!pk || !*pk || (*pk)->size() != 16) return {Error::Corrupt, "device id missing"};
    auto secret = crypto::unwrap(*wrap_key, **dev, label_ad("quartier/device/v1", {**pk}));
    if (!secret) return {Error::Corrupt, "device identity does not open"};
    auto ident = crypto::DeviceIdentity::from_secret(secret->view());
    if (!ident || !std::equal(ident->id().begin(), ident->id().end(), (*pk)->begin()))
        return {Error::Corrupt, "device identity is damaged"};
    device.emplace(std::move(*ident));

    auto ds = get_meta("default_scope");
    if (!ds || !*ds || (*ds)->size() != 16) return {Error::Corrupt, "default scope missing"};
    std::copy((*ds)->begin(), (*ds)->end(), default_scope.begin());

    return rows("SELECT scope, epoch, wrapped FROM scope_keys", [&](Statement& st) -> Result<void> {
        ScopeId scope{};
        ByteView s = st.blob(0);
        if (s.size() != 16) return {Error::Corrupt, "scope key row is damaged"};
        std::copy(s.begin(), s.end(), scope.begin());
        const auto epoch = std::uint32_t(st.int64(1));
        auto key = crypto::unwrap(*wrap_key, st.blob(2), scope_ad(scope, epoch));
        if (!key || key->size() != SymmetricKey::kSize) return {Error::Corrupt, "a scope key does not open"};
        scope_keys.emplace(ScopeEpoch{scope, epoch}, SymmetricKey::from(key->view()));
        current_epoch[scope] = std::max(current_epoch[scope], epoch);
        return {};
    });
}

// The organisation's admin signing identity, if this store holds it (set_admin_identity).
Result<void> Store::Impl::load_admin() {
    auto adm = get_meta("org_admin");
    if (!adm) return adm.failure();
    if (*adm) {
        auto secret = crypto::unwrap(*wrap_key, **adm, label_ad("quartier/org-admin/v1", {}));
        if (!secret) return {Error::Corrupt, "admin key does not open"};
        auto ident = crypto::DeviceIdentity::from_secret(secret->view());
        if (!ident) return {Error::Corrupt, "admin key is damaged"};
        admin.emplace(std::move(*ident));
    }
    return {};
}

Result<void> Store::change_passphrase(std::string_view new_passphrase, const crypto::PwhashParams& kdf) {
    if (m_failed) return Error::Failed;
    if (new_passphrase.empty()) return {Error::InvalidArgument, "the passphrase must not be empty"};
    if (!crypto::params_acceptable(kdf)) return {Error::InvalidArgument, "key derivation parameters out of range"};
    auto kf = crypto::create_keyfile(new_passphrase, *m_impl->master, kdf);
    if (!kf) return {Error::Io, std::string(crypto::to_string(kf.error()))};
    if (auto r = m_impl->put_meta("keyfile", kf->serialize()); !r) {
        fail(r.error());
        return r;
    }
    if (m_impl->audit.ready()) return audit(AuditAction::Passphrase);  // not the rehash inside open()
    return {};
}

Result<void> Store::add_scope_key(const ScopeId& scope, std::uint32_t epoch, crypto::SymmetricKey key) {
    if (m_failed) return Error::Failed;
    if (epoch == 0) return {Error::InvalidArgument, "epochs start at 1"};
    if (m_impl->scope_key(scope, epoch)) return {};
    if (auto r = m_impl->add_scope_key(scope, epoch, std::move(key)); !r) {
        fail(r.error());
        return r;
    }
    return {};
}

Result<ScopeId> Store::create_scope() {
    const ScopeId id = crypto::random_id();
    if (auto r = add_scope_key(id, 1, SymmetricKey::generate()); !r) return r.failure();
    return id;
}

const crypto::SymmetricKey* Store::scope_key(const ScopeId& scope, std::uint32_t epoch) const {
    return m_impl->scope_key(scope, epoch);
}

std::vector<std::pair<ScopeId, std::uint32_t>> Store::scope_keys() const {
    std::vector<std::pair<ScopeId, std::uint32_t>> out;
    for (const auto& [se, key] : m_impl->scope_keys) out.push_back(se);
    return out;
}

std::uint32_t Store::current_epoch(const ScopeId& scope) const {
    auto it = m_impl->current_epoch.find(scope);
    return it == m_impl->current_epoch.end() ? 0 : it->second;
}

Result<void> Store::set_admin_identity(const crypto::DeviceIdentity& admin) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    if (I.admin) return {Error::AlreadyExists, "this store already holds an admin key"};
    const Bytes wrapped = crypto::wrap(*I.wrap_key, admin.secret_bytes().view(), label_ad("quartier/org-admin/v1", {}));
    if (auto r = I.put_meta("org_admin", wrapped); !r) {
        fail(r.error());
        return r;
    }
    auto copy = crypto::DeviceIdentity::from_secret(admin.secret_bytes().view());
    I.admin.emplace(std::move(*copy));
    return {};
}

const crypto::DeviceIdentity* Store::admin_identity() const { return m_impl->admin ? &*m_impl->admin : nullptr; }

Result<void> Store::remove_scope_key(const ScopeId& scope, std::uint32_t epoch) {
    if (m_failed) return Error::Failed;
    Impl& I = *m_impl;
    auto st = I.db.prepare("DELETE FROM scope_keys WHERE scope = ?1 AND epoch = ?2");
    if (!st) return st.failure();
    st->bind(1, scope).bind(2, std::int64_t(epoch));
    if (auto r = st->run(); !r) {
        fail(r.error());
        return r;
    }
    I.scope_keys.erase({scope, epoch});
    std::uint32_t latest = 0;
    for (const auto& [se, key] : I.scope_keys)
        if (se.first == scope) latest = std::max(latest, se.second);
    if (latest) I.current_epoch[scope] = latest;
    else I.current_epoch.erase(scope);
    return {};
}

}  // namespace quartier::sync
