// Secret key material in libsodium secure memory: guarded pages, mlock'ed, zeroed when freed.
// Move-only; there is no way to copy a secret into ordinary heap memory through this API.
#pragma once

#include "crypto.h"

namespace quartier::crypto {

// A run of secret bytes of a size fixed at construction. Allocation failure aborts (like
// libsodium's own misuse handler): a process that cannot lock 32 bytes cannot keep secrets.
class SecureBytes {
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size);
    SecureBytes(SecureBytes&& o) noexcept;
    SecureBytes& operator=(SecureBytes&& o) noexcept;
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;
    ~SecureBytes();

    // An explicit copy into new secure memory.
    SecureBytes clone() const;
    // Copies `data` into new secure memory (the caller wipes its own copy).
    static SecureBytes from(ByteView data);

    std::uint8_t* data() { return m_ptr; }
    const std::uint8_t* data() const { return m_ptr; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    ByteView view() const { return ByteView(m_ptr, m_size); }
    std::span<std::uint8_t> span() { return std::span<std::uint8_t>(m_ptr, m_size); }
    std::string_view str() const { return std::string_view(reinterpret_cast<const char*>(m_ptr), m_size); }

private:
    std::uint8_t* m_ptr = nullptr;
    std::size_t m_size = 0;
};

// A 256-bit symmetric key (scope keys, the master key, key-encryption keys).
class SymmetricKey {
public:
    static constexpr std::size_t kSize = 32;
    SymmetricKey() : m_bytes(kSize) {}
    static SymmetricKey generate();
    // Copies exactly kSize bytes; `raw.size() != kSize` is a programming error.
    static SymmetricKey from(ByteView raw);
    SymmetricKey clone() const;

    const std::uint8_t* data() const { return m_bytes.data(); }
    std::uint8_t* data() { return m_bytes.data(); }
    ByteView view() const { return m_bytes.view(); }

    // Derives an independent subkey (crypto_kdf, BLAKE2b) for one purpose. `context` is 8 chars.
    SymmetricKey derive(std::uint64_t subkey_id, const char (&context)[9]) const;

private:
    SecureBytes m_bytes;
};

// Wipes a buffer in ordinary memory (a passphrase typed by the user, a decoded secret).
void wipe(std::span<std::uint8_t> b);
void wipe(std::string& s);

}  // namespace quartier::crypto
