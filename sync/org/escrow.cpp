#include "sync/org/escrow.h"

#include "sync/protocol/json_fields.h"
#include "sync/protocol/wire.h"

#include "crypto/bytes_io.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace quartier::sync {

using nlohmann::json;

namespace {
constexpr std::string_view kDomain = "quartier/escrow/v1";

crypto::Bytes signed_message(const EscrowWrap& w, const BoxPublicKey& escrow_pk) {
    crypto::Bytes m = EscrowWrap::binding(w.scope, w.epoch, escrow_pk);
    m.insert(m.end(), w.sealed.begin(), w.sealed.end());
    return m;
}

}  // namespace

crypto::Bytes EscrowWrap::binding(const crypto::ScopeId& scope, std::uint32_t epoch, const BoxPublicKey& escrow_pk) {
    crypto::Bytes e;
    crypto::io::put_u32(e, epoch);
    return crypto::labelled(kDomain, {scope, e, escrow_pk});
}

EscrowWrap EscrowWrap::make(const crypto::DeviceIdentity& me, const crypto::ScopeId& scope, std::uint32_t epoch,
                            const BoxPublicKey& escrow_pk, const crypto::SymmetricKey& key) {
    EscrowWrap w;
    w.scope = scope;
    w.epoch = epoch;
    w.uploader = me.id();
    w.sealed = crypto::seal_to(escrow_pk, binding(scope, epoch, escrow_pk), key.view());
    w.signature = me.sign(signed_message(w, escrow_pk));
    return w;
}

std::string EscrowWrap::to_json() const {
    return json{{"scope", crypto::to_hex(scope)}, {"epoch", epoch}, {"uploader", crypto::to_hex(uploader)},
                {"sealed", wire::b64(sealed)}, {"signature", wire::b64(signature)}}
        .dump();
}

Result<EscrowWrap> EscrowWrap::from_json(std::string_view text) {
    const Result<EscrowWrap> bad(Error::InvalidArgument, "malformed escrow wrap");
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return bad;
    for (const char* k : {"scope", "uploader", "sealed", "signature"})
        if (!j.contains(k) || !j[k].is_string()) return bad;
    if (!j.contains("epoch") || !j["epoch"].is_number_unsigned()) return bad;
    auto scope = wire::id_from_hex(j["scope"].get<std::string>());
    auto up = wire::id_from_hex(j["uploader"].get<std::string>());
    auto sealed = wire::unb64(j["sealed"].get<std::string>());
    auto sig = wire::fixed_from_b64<64>(j["signature"].get<std::string>());
    const auto epoch = j["epoch"].get<std::uint64_t>();
    if (!scope || !up || !sealed || !sig || epoch == 0 || epoch > UINT32_MAX || sealed->size() > 4096) return bad;
    EscrowWrap w;
    w.scope = *scope;
    w.epoch = std::uint32_t(epoch);
    w.uploader = *up;
    w.sealed = std::move(*sealed);
    w.signature = *sig;
    return w;
}

Result<void> EscrowWrap::verify(const Directory& dir) const {
    if (!dir.escrow_key()) return {Error::InvalidArgument, "the organisation has no escrow key"};
    const DeviceInfo* d = dir.device(uploader);
    if (!d || !dir.is_member(scope, epoch, uploader))
        return {Error::InvalidArgument, "uploader is not a member of the scope at that epoch"};
    if (!crypto::verify(d->sign_pk, signed_message(*this, *dir.escrow_key()), signature))
        return {Error::InvalidArgument, "escrow wrap signature does not verify"};
    return {};
}

Result<crypto::SymmetricKey> EscrowSecret::open(const Directory& dir, const EscrowWrap& w) const {
    if (auto v = w.verify(dir); !v) return v.failure();
    if (!crypto::equal(pk, *dir.escrow_key())) return {Error::InvalidArgument, "the escrow file belongs to another escrow key"};
    auto k = crypto::open_sealed(pk, sk, EscrowWrap::binding(w.scope, w.epoch, pk), w.sealed);
    if (!k || k->size() != crypto::SymmetricKey::kSize) return {Error::Integrity, "escrow wrap does not open"};
    return crypto::SymmetricKey::from(k->view());
}

// ---------------------------------------------------------------------------------------------
// The escrow file

namespace {
std::string describe(const crypto::PwhashParams& p) {
    return std::to_string(p.opslimit) + (p.opslimit == 1 ? " pass" : " passes") + " over " + std::to_string(p.memlimit >> 20) + " MiB";
}
Result<void> check_floor(const crypto::PwhashParams& p, const crypto::PwhashParams& floor) {
    if (p.opslimit >= floor.opslimit && p.memlimit >= floor.memlimit) return {};
    return {Error::InvalidArgument, "the escrow file's Argon2id parameters (" + describe(p) + ") are below the floor (" +
                                        describe(floor) + "): make a new escrow file"};
}
}  // namespace

Result<EscrowFile> EscrowFile::create(std::string_view passphrase, const crypto::PwhashParams& kdf, const crypto::PwhashParams& floor) {
    if (passphrase.empty()) return {Error::InvalidArgument, "the escrow passphrase must not be empty"};
    if (auto r = check_floor(kdf, floor); !r) return r.failure();
    crypto::BoxKeyPair kp = crypto::box_keypair();
    // The KeyFile format seals one 32-byte secret: here the X25519 secret key.
    auto kf = crypto::create_keyfile(passphrase, crypto::SymmetricKey::from(kp.sk.view()), kdf);
    if (!kf) return {Error::InvalidArgument, "cannot seal the escrow key: " + std::string(crypto::to_string(kf.error()))};
    EscrowFile f;
    f.pk = kp.pk;
    f.keyfile = std::move(*kf);
    return f;
}

std::string EscrowFile::to_text() const {
    return json{{"format", "quartier-escrow"}, {"v", 1}, {"escrow_pk", wire::b64(pk)}, {"keyfile", wire::b64(keyfile.serialize())}}
               .dump(2) +
           "\n";
}

Result<EscrowFile> EscrowFile::parse(std::string_view text, const crypto::PwhashParams& floor) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || text_of(j, "format") != "quartier-escrow")
        return {Error::InvalidArgument, "not a Quartier escrow file"};
    if (uint_of(j, "v") != 1) return {Error::Unsupported, "escrow file version is not 1"};
    auto pk = wire::fixed_from_b64<32>(text_of(j, "escrow_pk"));
    auto kf_bytes = wire::unb64(text_of(j, "keyfile"));
    if (!pk || !kf_bytes) return {Error::Corrupt, "the escrow file is damaged"};
    auto kf = crypto::KeyFile::parse(*kf_bytes);
    if (!kf) return {Error::Corrupt, "the escrow file's sealed key is damaged"};
    if (auto r = check_floor(kf->params, floor); !r) return r.failure();
    EscrowFile f;
    f.pk = *pk;
    f.keyfile = std::move(*kf);
    return f;
}

Result<EscrowSecret> EscrowFile::open(std::string_view passphrase) const {
    auto k = crypto::open_keyfile(keyfile, passphrase);
    if (!k) {
        if (k.error() == crypto::Error::WrongPassphrase) return {Error::WrongPassphrase, "the escrow passphrase does not open the escrow file"};
        return {Error::Corrupt, "the escrow file does not open: " + std::string(crypto::to_string(k.error()))};
    }
    EscrowSecret s;
    s.sk = crypto::SecureBytes::from(k->view());
    s.pk = crypto::box_public_of(s.sk);
    if (!crypto::equal(s.pk, pk)) return {Error::Corrupt, "the escrow file's secret does not belong to its public key"};
    return s;
}

Result<void> EscrowFile::write(const std::filesystem::path& path) const {
    const std::string text = to_text();
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return errno == EEXIST ? Result<void>(Error::AlreadyExists, path.string() + " exists: an escrow file is never overwritten")
                               : Result<void>(Error::Io, "cannot create " + path.string());
    const bool ok = ::write(fd, text.data(), text.size()) == ssize_t(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) {
        std::error_code ec;
        std::filesystem::remove(path, ec);
        return {Error::Io, "cannot write " + path.string()};
    }
    return {};
}

Result<EscrowFile> EscrowFile::read(const std::filesystem::path& path, const crypto::PwhashParams& floor) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return {Error::NotFound, "no escrow file at " + path.string()};
    std::ostringstream ss;
    ss << f.rdbuf();
    if (ss.str().size() > 64 * 1024) return {Error::InvalidArgument, "not a Quartier escrow file"};
    return parse(ss.str(), floor);
}

}  // namespace quartier::sync
