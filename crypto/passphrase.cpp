#include "passphrase.h"

#include "bytes_io.h"
#include "keywrap.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace quartier::crypto {

namespace {
constexpr std::uint64_t kMiB = 1024 * 1024;
constexpr std::uint64_t kMaxMem = 4096 * kMiB;
constexpr std::uint64_t kMaxOps = 32;
constexpr std::uint8_t kMagic[2] = {'Q', 'K'};
// nonce || 32-byte master key || tag (keywrap.h): the only size a key file's wrap can have.
constexpr std::size_t kWrappedSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + SymmetricKey::kSize +
                                     crypto_aead_xchacha20poly1305_ietf_ABYTES;

Bytes wrap_ad(const KeyFile& kf) {
    static constexpr std::string_view label = "quartier/keyfile/v1";
    Bytes ad;
    ad.reserve(label.size() + 1 + 8 + 8 + 16);
    for (char c : label) ad.push_back(std::uint8_t(c));
    io::put_u8(ad, KeyFile::kVersion);
    io::put_u64(ad, kf.params.opslimit);
    io::put_u64(ad, kf.params.memlimit);
    io::put(ad, kf.salt);
    return ad;
}

double time_ms(const PwhashParams& p) {
    SymmetricKey k;
    std::uint8_t salt[crypto_pwhash_SALTBYTES] = {};
    const auto t0 = std::chrono::steady_clock::now();
    if (crypto_pwhash(k.data(), SymmetricKey::kSize, "calibration", 11, salt, p.opslimit, p.memlimit,
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return 1e9;  // could not get the memory: calibrate() then settles on the minimum
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

bool params_acceptable(const PwhashParams& p) {
    return p.opslimit >= crypto_pwhash_OPSLIMIT_MIN && p.opslimit <= kMaxOps &&
           p.memlimit >= crypto_pwhash_MEMLIMIT_MIN && p.memlimit <= kMaxMem;
}

PwhashParams calibrate(std::chrono::milliseconds target) {
    const PwhashParams base{2, 64 * kMiB};
    // A non-positive target would turn into a negative double below, and converting that to an
    // unsigned integer is undefined behaviour.
    if (!init() || target.count() <= 0) return base;
    const double t = std::max(1.0, time_ms(base));
    const double per_unit = t / double(base.opslimit * (base.memlimit / kMiB));  // ms per pass-MiB
    const double units = double(target.count()) / per_unit;
    // Memory first (it is what makes GPU attacks expensive), up to 256 MiB, then passes.
    std::uint64_t mem_mib = std::clamp<std::uint64_t>(std::uint64_t(units / 2), 64, 256);
    std::uint64_t ops = std::clamp<std::uint64_t>(std::uint64_t(units / double(mem_mib) + 0.5), 2, kMaxOps);
    return {ops, mem_mib * kMiB};
}

Result<SymmetricKey> derive_kek(std::string_view passphrase, ByteView salt16, const PwhashParams& p) {
    if (!init()) return Error::OutOfMemory;
    if (salt16.size() != crypto_pwhash_SALTBYTES) return {Error::BadFormat, "salt must be 16 bytes"};
    if (!params_acceptable(p)) return Error::BadParameters;
    // crypto_pwhash's arguments are declared nonnull; an empty string_view may have a null data().
    const char* pw = passphrase.empty() ? "" : passphrase.data();
    SymmetricKey kek;
    if (crypto_pwhash(kek.data(), SymmetricKey::kSize, pw, passphrase.size(), salt16.data(),
                      p.opslimit, static_cast<std::size_t>(p.memlimit), crypto_pwhash_ALG_ARGON2ID13) != 0)
        return {Error::OutOfMemory, "Argon2id could not allocate its memory"};
    return kek;
}

Bytes KeyFile::serialize() const {
    Bytes b;
    io::put(b, ByteView(kMagic, 2));
    io::put_u8(b, kVersion);
    io::put_u64(b, params.opslimit);
    io::put_u64(b, params.memlimit);
    io::put(b, salt);
    io::put_u16(b, std::uint16_t(wrapped.size()));
    io::put(b, wrapped);
    return b;
}

Result<KeyFile> KeyFile::parse(ByteView bytes) {
    io::Reader r(bytes);
    ByteView magic = r.take(2);
    const std::uint8_t version = r.u8();
    KeyFile kf;
    kf.params.opslimit = r.u64();
    kf.params.memlimit = r.u64();
    kf.salt = r.array<16>();
    const std::uint16_t n = r.u16();
    ByteView wrapped = r.take(n);
    if (r.failed() || r.remaining() != 0 || magic[0] != kMagic[0] || magic[1] != kMagic[1])
        return {Error::BadFormat, "key file is corrupt"};
    if (version != kVersion) return Error::UnsupportedVersion;
    if (!params_acceptable(kf.params)) return Error::BadParameters;
    if (n != kWrappedSize) return {Error::BadFormat, "wrapped master key has the wrong size"};
    kf.wrapped.assign(wrapped.begin(), wrapped.end());
    return kf;
}

Result<KeyFile> create_keyfile(std::string_view passphrase, const SymmetricKey& master, const PwhashParams& p) {
    KeyFile kf;
    kf.params = p;
    random_bytes(kf.salt);
    auto kek = derive_kek(passphrase, kf.salt, p);
    if (!kek) return kek.failure();
    kf.wrapped = wrap(*kek, master.view(), wrap_ad(kf));
    return kf;
}

Result<SymmetricKey> open_keyfile(const KeyFile& kf, std::string_view passphrase) {
    // A corrupt wrap is reported as such (and before the expensive derivation), not as a wrong
    // passphrase that would send the user retyping it.
    if (kf.wrapped.size() != kWrappedSize) return {Error::BadFormat, "wrapped master key has the wrong size"};
    auto kek = derive_kek(passphrase, kf.salt, kf.params);
    if (!kek) return kek.failure();
    auto master = unwrap(*kek, kf.wrapped, wrap_ad(kf));
    if (!master) return Error::WrongPassphrase;
    if (master->size() != SymmetricKey::kSize) return {Error::BadFormat, "wrapped master key has the wrong size"};
    return SymmetricKey::from(master->view());
}

}  // namespace quartier::crypto
