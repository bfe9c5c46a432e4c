// Passphrase unlock: Argon2id key derivation, the key file format and its parameter range.
// Tests use libsodium's minimum passes and 8 MiB so each derivation takes milliseconds; only
// calibrate() runs a full-size derivation.
#include "crypto/keywrap.h"
#include "crypto/passphrase.h"
#include "crypto_test_util.h"

#include <catch2/catch.hpp>
#include <sodium.h>

#include <algorithm>
#include <cstring>

using namespace quartier::crypto;
using namespace quartier::crypto::test;

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;
const PwhashParams kFast{crypto_pwhash_OPSLIMIT_MIN, 8 * kMiB};

// Offsets in a serialized key file: "QK" | version | opslimit u64 | memlimit u64 | salt 16 |
// wrapped length u16 | wrapped.
constexpr std::size_t kOffVersion = 2, kOffOps = 3, kOffMem = 11, kOffSalt = 19, kOffLen = 35, kOffWrapped = 37;
constexpr std::size_t kWrappedSize = 24 + 32 + 16;

void put_u64(Bytes& b, std::size_t off, std::uint64_t v) { put_be(b, off, v, 8); }

SymmetricKey fixed_master() { return SymmetricKey::from(pattern(32, 0x80)); }

KeyFile make(std::string_view pass, const SymmetricKey& master, const PwhashParams& p = kFast) {
    auto kf = create_keyfile(pass, master, p);
    REQUIRE(kf);
    return std::move(kf).value();
}

Error open_error(const Bytes& serialized, std::string_view pass) {
    auto kf = KeyFile::parse(serialized);
    if (!kf) return kf.error();
    auto m = open_keyfile(*kf, pass);
    REQUIRE_FALSE(m);
    return m.error();
}

}  // namespace

TEST_CASE("key file round trip through its serialized form", "[crypto][passphrase]") {
    const SymmetricKey master = fixed_master();
    const KeyFile kf = make("Ein langer Satz, den nur ich kenne.", master);
    CHECK(kf.params == kFast);
    CHECK(kf.wrapped.size() == kWrappedSize);

    const Bytes bytes = kf.serialize();
    REQUIRE(bytes.size() == kOffWrapped + kWrappedSize);
    CHECK(bytes[0] == 'Q');
    CHECK(bytes[1] == 'K');
    CHECK(bytes[kOffVersion] == KeyFile::kVersion);

    auto parsed = KeyFile::parse(bytes);
    REQUIRE(parsed);
    CHECK(parsed->params == kf.params);
    CHECK(parsed->salt == kf.salt);
    CHECK(parsed->wrapped == kf.wrapped);
    CHECK(parsed->serialize() == bytes);

    auto opened = open_keyfile(*parsed, "Ein langer Satz, den nur ich kenne.");
    REQUIRE(opened);
    CHECK(equal(opened->view(), master.view()));

    // The key file never contains the master key in the clear.
    const ByteView m = master.view();
    CHECK(std::search(bytes.begin(), bytes.end(), m.begin(), m.end()) == bytes.end());
}

TEST_CASE("key file format checked with raw libsodium", "[crypto][passphrase]") {
    // The wrap is XChaCha20-Poly1305 under Argon2id13(passphrase, salt, params), with associated
    // data "quartier/keyfile/v1" | version | opslimit u64 | memlimit u64 | salt, so a file whose
    // salt or parameters were edited does not open even if the derivation ignored them.
    const SymmetricKey master = fixed_master();
    const Bytes bytes = make("raw check", master).serialize();
    REQUIRE(bytes.size() == kOffWrapped + kWrappedSize);
    CHECK(get_be(bytes, kOffOps, 8) == kFast.opslimit);
    CHECK(get_be(bytes, kOffMem, 8) == kFast.memlimit);
    CHECK(get_be(bytes, kOffLen, 2) == kWrappedSize);

    std::uint8_t kek[32];
    REQUIRE(crypto_pwhash(kek, 32, "raw check", 9, bytes.data() + kOffSalt, kFast.opslimit, kFast.memlimit,
                          crypto_pwhash_ALG_ARGON2ID13) == 0);
    Bytes ad = bytes_of("quartier/keyfile/v1");
    ad.insert(ad.end(), bytes.begin() + kOffVersion, bytes.begin() + kOffLen);  // version, params, salt
    const std::uint8_t* w = bytes.data() + kOffWrapped;
    std::uint8_t m[32];
    unsigned long long mlen = 0;
    REQUIRE(crypto_aead_xchacha20poly1305_ietf_decrypt(m, &mlen, nullptr, w + 24, kWrappedSize - 24, ad.data(), ad.size(),
                                                       w, kek) == 0);
    CHECK(mlen == 32);
    CHECK(equal(ByteView(m, 32), master.view()));
    // Each part of the associated data matters.
    for (std::size_t i = 0; i < ad.size(); ++i) {
        Bytes t = ad;
        t[i] ^= 0x01;
        INFO("associated data byte " << i);
        CHECK(crypto_aead_xchacha20poly1305_ietf_decrypt(m, &mlen, nullptr, w + 24, kWrappedSize - 24, t.data(), t.size(),
                                                         w, kek) != 0);
    }
    sodium_memzero(kek, sizeof kek);
    sodium_memzero(m, sizeof m);
}

TEST_CASE("each key file gets a fresh salt and wrap", "[crypto][passphrase]") {
    const SymmetricKey master = fixed_master();
    const KeyFile a = make("same", master), b = make("same", master);
    CHECK(a.salt != b.salt);
    CHECK(a.wrapped != b.wrapped);
    auto ma = open_keyfile(a, "same"), mb = open_keyfile(b, "same");
    REQUIRE(ma);
    REQUIRE(mb);
    CHECK(equal(ma->view(), mb->view()));
}

TEST_CASE("wrong passphrases are rejected", "[crypto][passphrase]") {
    const SymmetricKey master = fixed_master();
    const KeyFile kf = make("passwort", master);
    for (std::string_view wrong : {std::string_view("Passwort"), std::string_view("passwort "),
                                   std::string_view("passwor"), std::string_view(""), std::string_view("passwort\0", 9)}) {
        INFO("passphrase of length " << wrong.size());
        auto r = open_keyfile(kf, wrong);
        REQUIRE_FALSE(r);
        CHECK(r.error() == Error::WrongPassphrase);
    }
}

TEST_CASE("passphrases are bytes: empty, embedded NUL and UTF-8 all work and stay distinct", "[crypto][passphrase]") {
    const SymmetricKey master = fixed_master();
    // An empty string_view has a null data(); that must still derive (and not pass null to libsodium).
    const KeyFile empty = make(std::string_view{}, master);
    auto e = open_keyfile(empty, std::string_view{});
    REQUIRE(e);
    CHECK(equal(e->view(), master.view()));
    auto e2 = open_keyfile(empty, "");
    REQUIRE(e2);

    const std::string_view with_nul("a\0b", 3);
    const KeyFile nul = make(with_nul, master);
    CHECK(open_keyfile(nul, with_nul).ok());
    auto trunc = open_keyfile(nul, "a");
    REQUIRE_FALSE(trunc);
    CHECK(trunc.error() == Error::WrongPassphrase);

    const KeyFile utf8 = make("Straße🔑", master);
    CHECK(open_keyfile(utf8, "Straße🔑").ok());
    CHECK_FALSE(open_keyfile(utf8, "Strasse🔑").ok());
}

TEST_CASE("rewrapping under a new passphrase keeps the master key", "[crypto][passphrase]") {
    const SymmetricKey master = SymmetricKey::generate();
    const KeyFile old_kf = make("alt", master);
    auto m = open_keyfile(old_kf, "alt");
    REQUIRE(m);
    const KeyFile new_kf = make("neu", *m, PwhashParams{2, 9 * kMiB});
    auto opened = open_keyfile(new_kf, "neu");
    REQUIRE(opened);
    CHECK(equal(opened->view(), master.view()));
    CHECK_FALSE(open_keyfile(new_kf, "alt").ok());
}

TEST_CASE("a tampered key file never yields the master key", "[crypto][passphrase]") {
    const SymmetricKey master = fixed_master();
    const Bytes good = make("geheim", master).serialize();

    struct Row {
        const char* what;
        std::size_t offset;
        std::uint8_t mask;
        Error expected;
    };
    // Salt and wrap changes parse but do not open; parameter changes either leave the accepted
    // range or derive a different key-encryption key.
    const Row rows[] = {
        {"salt first byte", kOffSalt, 0x01, Error::WrongPassphrase},
        {"salt last byte", kOffSalt + 15, 0x80, Error::WrongPassphrase},
        {"opslimit 1 -> 0", kOffOps + 7, 0x01, Error::BadParameters},
        {"opslimit 1 -> 3", kOffOps + 7, 0x02, Error::WrongPassphrase},
        {"opslimit high byte", kOffOps, 0x01, Error::BadParameters},
        {"memlimit 8 -> 9 MiB", kOffMem + 5, 0x10, Error::WrongPassphrase},
        {"memlimit 8 -> 0 MiB", kOffMem + 5, 0x80, Error::BadParameters},
        {"memlimit above 4 GiB", kOffMem + 3, 0x01, Error::BadParameters},
        {"wrap nonce first byte", kOffWrapped, 0x01, Error::WrongPassphrase},
        {"wrap nonce last byte", kOffWrapped + 23, 0xff, Error::WrongPassphrase},
        {"wrap ciphertext first byte", kOffWrapped + 24, 0x01, Error::WrongPassphrase},
        {"wrap ciphertext last byte", kOffWrapped + 55, 0x40, Error::WrongPassphrase},
        {"wrap tag first byte", kOffWrapped + 56, 0x01, Error::WrongPassphrase},
        {"wrap tag last byte", kOffWrapped + 71, 0xff, Error::WrongPassphrase},
        {"version", kOffVersion, 0x03, Error::UnsupportedVersion},
        {"magic", 0, 0x01, Error::BadFormat},
        {"wrapped length", kOffLen + 1, 0x01, Error::BadFormat},
    };
    for (const Row& row : rows) {
        Bytes t = good;
        t[row.offset] ^= row.mask;
        INFO(row.what);
        CHECK(open_error(t, "geheim") == row.expected);
    }
}

TEST_CASE("a wrap of the wrong size is reported as corrupt, not as a wrong passphrase", "[crypto][passphrase]") {
    const SymmetricKey master = fixed_master();
    KeyFile kf = make("geheim", master);
    // Shorter and longer wraps (a struct built by hand, bypassing parse).
    for (std::size_t n : {0u, 40u, 71u, 73u}) {
        KeyFile t = kf;
        t.wrapped.resize(n);
        auto r = open_keyfile(t, "geheim");
        INFO("wrapped size " << n);
        REQUIRE_FALSE(r);
        CHECK(r.error() == Error::BadFormat);
    }
    // The same sizes in a serialized file, with the length field telling the truth.
    for (std::size_t n : {0u, 40u, 71u, 73u}) {
        KeyFile t = kf;
        t.wrapped.resize(n);
        auto r = KeyFile::parse(t.serialize());
        INFO("wrapped size " << n);
        REQUIRE_FALSE(r);
        CHECK(r.error() == Error::BadFormat);
    }
}

TEST_CASE("KeyFile::parse is strict", "[crypto][passphrase]") {
    const Bytes good = make("x", fixed_master()).serialize();
    REQUIRE(KeyFile::parse(good));

    SECTION("every truncation") {
        for (std::size_t n = 0; n < good.size(); ++n) {
            auto r = KeyFile::parse(ByteView(good).first(n));
            INFO("length " << n);
            REQUIRE_FALSE(r);
            CHECK(r.error() == Error::BadFormat);
        }
    }
    SECTION("trailing bytes") {
        for (std::size_t extra : {1u, 2u, 72u}) {
            Bytes t = good;
            t.resize(good.size() + extra, 0);
            auto r = KeyFile::parse(t);
            REQUIRE_FALSE(r);
            CHECK(r.error() == Error::BadFormat);
        }
    }
    SECTION("magic and version") {
        Bytes t = good;
        t[1] = 'E';
        auto r = KeyFile::parse(t);
        REQUIRE_FALSE(r);
        CHECK(r.error() == Error::BadFormat);
        for (std::uint8_t v : {0, 2, 255}) {
            t = good;
            t[kOffVersion] = v;
            auto rv = KeyFile::parse(t);
            REQUIRE_FALSE(rv);
            CHECK(rv.error() == Error::UnsupportedVersion);
        }
    }
    SECTION("parameters outside the accepted range") {
        const struct {
            std::uint64_t ops, mem;
        } rows[] = {
            {0, 8 * kMiB},
            {33, 8 * kMiB},
            {~0ull, 8 * kMiB},
            {1, crypto_pwhash_MEMLIMIT_MIN - 1},
            {1, 0},
            {1, 4096 * kMiB + 1},
            {1, ~0ull},
        };
        for (const auto& row : rows) {
            Bytes t = good;
            put_u64(t, kOffOps, row.ops);
            put_u64(t, kOffMem, row.mem);
            auto r = KeyFile::parse(t);
            INFO("ops " << row.ops << " mem " << row.mem);
            REQUIRE_FALSE(r);
            CHECK(r.error() == Error::BadParameters);
        }
    }
}

TEST_CASE("params_acceptable bounds", "[crypto][passphrase]") {
    const struct {
        PwhashParams p;
        bool ok;
    } rows[] = {
        {{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}, true},
        {{crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE}, true},
        {{crypto_pwhash_OPSLIMIT_SENSITIVE, crypto_pwhash_MEMLIMIT_SENSITIVE}, true},
        {{32, 4096 * kMiB}, true},
        {{0, 64 * kMiB}, false},
        {{33, 64 * kMiB}, false},
        {{2, crypto_pwhash_MEMLIMIT_MIN - 1}, false},
        {{2, 0}, false},
        {{2, 4096 * kMiB + 1}, false},
        {{~0ull, ~0ull}, false},
    };
    for (const auto& row : rows) {
        INFO("ops " << row.p.opslimit << " mem " << row.p.memlimit);
        CHECK(params_acceptable(row.p) == row.ok);
    }
}

TEST_CASE("derive_kek: deterministic Argon2id with checked inputs", "[crypto][passphrase]") {
    std::uint8_t salt[16];
    for (int i = 0; i < 16; ++i) salt[i] = std::uint8_t(i);
    auto k1 = derive_kek("pass", ByteView(salt, 16), kFast);
    auto k2 = derive_kek("pass", ByteView(salt, 16), kFast);
    REQUIRE(k1);
    REQUIRE(k2);
    CHECK(equal(k1->view(), k2->view()));

    // Independent reference: libsodium's Argon2id13 with the same inputs.
    std::uint8_t ref[32];
    REQUIRE(crypto_pwhash(ref, 32, "pass", 4, salt, kFast.opslimit, kFast.memlimit, crypto_pwhash_ALG_ARGON2ID13) == 0);
    CHECK(equal(k1->view(), ByteView(ref, 32)));

    auto other_pass = derive_kek("pas5", ByteView(salt, 16), kFast);
    REQUIRE(other_pass);
    CHECK_FALSE(equal(other_pass->view(), k1->view()));
    salt[15] ^= 1;
    auto other_salt = derive_kek("pass", ByteView(salt, 16), kFast);
    REQUIRE(other_salt);
    CHECK_FALSE(equal(other_salt->view(), k1->view()));

    for (std::size_t n : {0u, 15u, 17u, 32u}) {
        const Bytes s(n, 0);
        auto r = derive_kek("pass", s, kFast);
        INFO("salt size " << n);
        REQUIRE_FALSE(r);
        CHECK(r.error() == Error::BadFormat);
    }
    auto bad = derive_kek("pass", ByteView(salt, 16), PwhashParams{0, 8 * kMiB});
    REQUIRE_FALSE(bad);
    CHECK(bad.error() == Error::BadParameters);
    auto huge = derive_kek("pass", ByteView(salt, 16), PwhashParams{1, 8192 * kMiB});
    REQUIRE_FALSE(huge);
    CHECK(huge.error() == Error::BadParameters);

    auto kf = create_keyfile("pass", fixed_master(), PwhashParams{1, 1024});
    REQUIRE_FALSE(kf);
    CHECK(kf.error() == Error::BadParameters);
}

TEST_CASE("calibrate returns acceptable parameters within its documented range", "[crypto][passphrase][slow]") {
    const PwhashParams p = calibrate(std::chrono::milliseconds(50));
    INFO("ops " << p.opslimit << " mem " << p.memlimit);
    CHECK(params_acceptable(p));
    CHECK(p.opslimit >= crypto_pwhash_OPSLIMIT_INTERACTIVE);
    CHECK(p.memlimit >= crypto_pwhash_MEMLIMIT_INTERACTIVE);
    CHECK(p.memlimit <= 256 * kMiB);
    CHECK(p.memlimit % kMiB == 0);

    // Nonsensical targets fall back to the minimum rather than to undefined conversions.
    for (auto t : {std::chrono::milliseconds(0), std::chrono::milliseconds(-5)}) {
        const PwhashParams m = calibrate(t);
        CHECK(m == PwhashParams{2, 64 * kMiB});
    }
    // A target far above any plausible measurement saturates memory first, then passes.
    const PwhashParams big = calibrate(std::chrono::milliseconds(1000 * 1000));
    CHECK(big == PwhashParams{32, 256 * kMiB});
    CHECK(params_acceptable(big));
}
