#include "crypto.h"
#include "secure.h"

#include <sodium.h>

#include <cstdlib>
#include <cstring>

namespace quartier::crypto {

std::string_view to_string(Error e) {
    switch (e) {
    case Error::BadFormat: return "bad format";
    case Error::UnsupportedVersion: return "unsupported version";
    case Error::UnsupportedSuite: return "unsupported cipher suite";
    case Error::TooLarge: return "too large";
    case Error::NotMember: return "author is not a member of the scope at that epoch";
    case Error::UnknownKey: return "no key for that scope and epoch";
    case Error::BadSignature: return "bad signature";
    case Error::NotInCommit: return "envelope not listed in its commit";
    case Error::DecryptFailed: return "decryption failed (tampered, moved or wrong key)";
    case Error::WrongPassphrase: return "wrong passphrase";
    case Error::BadParameters: return "key derivation parameters out of range";
    case Error::OutOfMemory: return "out of memory for key derivation";
    }
    return "unknown error";
}

bool init() {
    static const bool ok = sodium_init() >= 0;
    return ok;
}

std::string to_hex(ByteView b) {
    std::string s(b.size() * 2 + 1, '\0');
    sodium_bin2hex(s.data(), s.size(), b.data(), b.size());
    s.pop_back();
    return s;
}

bool from_hex(std::string_view hex, std::span<std::uint8_t> out) {
    if (hex.size() != out.size() * 2) return false;
    if (out.empty()) return true;  // sodium_hex2bin's output pointer must not be null
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &len, &end) != 0) return false;
    return len == out.size() && end == hex.data() + hex.size();
}

void random_bytes(std::span<std::uint8_t> out) {
    if (!out.empty()) randombytes_buf(out.data(), out.size());  // an empty span's data() may be null
}

Id16 random_id() {
    Id16 id;
    random_bytes(id);
    return id;
}

Hash32 hash(ByteView data) {
    Hash32 h;
    crypto_generichash(h.data(), h.size(), data.data(), data.size(), nullptr, 0);
    return h;
}

Id16 keyed_index(ByteView key32, ByteView data) {
    if (key32.size() != 32) std::abort();
    Id16 h;
    crypto_generichash(h.data(), h.size(), data.data(), data.size(), key32.data(), key32.size());
    return h;
}

Bytes labelled(std::string_view label, std::initializer_list<ByteView> parts) {
    std::size_t n = label.size();
    for (ByteView p : parts) n += p.size();
    Bytes out;
    out.reserve(n);
    for (char c : label) out.push_back(std::uint8_t(c));
    for (ByteView p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

bool equal(ByteView a, ByteView b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// --- secure memory ---------------------------------------------------------------------------

SecureBytes::SecureBytes(std::size_t size) : m_size(size) {
    if (!init()) std::abort();
    if (size == 0) return;
    m_ptr = static_cast<std::uint8_t*>(sodium_malloc(size));
    if (!m_ptr) std::abort();
    sodium_memzero(m_ptr, size);
}

SecureBytes::SecureBytes(SecureBytes&& o) noexcept : m_ptr(o.m_ptr), m_size(o.m_size) {
    o.m_ptr = nullptr;
    o.m_size = 0;
}

SecureBytes& SecureBytes::operator=(SecureBytes&& o) noexcept {
    if (this != &o) {
        if (m_ptr) sodium_free(m_ptr);
        m_ptr = o.m_ptr;
        m_size = o.m_size;
        o.m_ptr = nullptr;
        o.m_size = 0;
    }
    return *this;
}

SecureBytes::~SecureBytes() {
    if (m_ptr) sodium_free(m_ptr);  // sodium_free zeroes before unmapping
}

SecureBytes SecureBytes::clone() const { return from(view()); }

SecureBytes SecureBytes::from(ByteView data) {
    SecureBytes s(data.size());
    if (!data.empty()) std::memcpy(s.m_ptr, data.data(), data.size());
    return s;
}

SymmetricKey SymmetricKey::generate() {
    SymmetricKey k;
    randombytes_buf(k.data(), kSize);
    return k;
}

SymmetricKey SymmetricKey::from(ByteView raw) {
    if (raw.size() != kSize) std::abort();
    SymmetricKey k;
    std::memcpy(k.data(), raw.data(), kSize);
    return k;
}

SymmetricKey SymmetricKey::clone() const { return from(view()); }

SymmetricKey SymmetricKey::derive(std::uint64_t subkey_id, const char (&context)[9]) const {
    static_assert(crypto_kdf_CONTEXTBYTES == 8 && crypto_kdf_KEYBYTES == kSize);
    SymmetricKey k;
    crypto_kdf_derive_from_key(k.data(), kSize, subkey_id, context, data());
    return k;
}

void wipe(std::span<std::uint8_t> b) { sodium_memzero(b.data(), b.size()); }
void wipe(std::string& s) {
    sodium_memzero(s.data(), s.size());
    s.clear();
}

}  // namespace quartier::crypto
