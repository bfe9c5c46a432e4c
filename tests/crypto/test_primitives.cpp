// Primitives of the crypto part: secure memory, symmetric keys and their derivation, hashing,
// hex, key wrapping, sealed blobs and device identities. Where a wrapper has a raw libsodium
// equivalent, the test compares against that call, so a wrapper that passes the wrong argument
// (length, key, context) fails here even if it round-trips with itself.
#include "crypto/crypto.h"
#include "crypto/hardening.h"
#include "crypto/identity.h"
#include "crypto/keywrap.h"
#include "crypto/secure.h"
#include "crypto_test_util.h"

#include <catch2/catch.hpp>
#include <sodium.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <cstdio>
#include <cstring>
#include <set>
#include <string>

using namespace quartier::crypto;
using namespace quartier::crypto::test;

TEST_CASE("init succeeds and every error has its own message", "[crypto][primitives]") {
    REQUIRE(init());
    const Error all[] = {Error::BadFormat,    Error::UnsupportedVersion, Error::UnsupportedSuite, Error::TooLarge,
                         Error::NotMember,    Error::UnknownKey,         Error::BadSignature,     Error::NotInCommit,
                         Error::DecryptFailed, Error::WrongPassphrase,   Error::BadParameters,    Error::OutOfMemory};
    std::set<std::string_view> seen;
    for (Error e : all) {
        const std::string_view s = to_string(e);
        CHECK_FALSE(s.empty());
        CHECK(s != "unknown error");
        seen.insert(s);
    }
    CHECK(seen.size() == std::size(all));
}

TEST_CASE("SecureBytes: zeroed allocation, moves, clone and from", "[crypto][primitives]") {
    SECTION("default is empty") {
        SecureBytes s;
        CHECK(s.empty());
        CHECK(s.size() == 0);
        CHECK(s.data() == nullptr);
    }
    SECTION("a sized allocation starts zeroed") {
        SecureBytes s(48);
        REQUIRE(s.size() == 48);
        REQUIRE(s.data() != nullptr);
        CHECK(sodium_is_zero(s.data(), s.size()) == 1);
        CHECK(s.view().size() == 48);
        CHECK(s.span().size() == 48);
        CHECK(s.str().size() == 48);
    }
    SECTION("move construction transfers the buffer and empties the source") {
        SecureBytes a = SecureBytes::from(view_of("secret material"));
        const std::uint8_t* p = a.data();
        SecureBytes b(std::move(a));
        CHECK(b.data() == p);
        CHECK(b.str() == "secret material");
        CHECK(a.empty());  // NOLINT(bugprone-use-after-move): the moved-from state is specified
        CHECK(a.data() == nullptr);
    }
    SECTION("move assignment frees the old buffer and takes the new one") {
        SecureBytes a = SecureBytes::from(view_of("first"));
        SecureBytes b = SecureBytes::from(view_of("second value"));
        const std::uint8_t* pb = b.data();
        a = std::move(b);
        CHECK(a.data() == pb);
        CHECK(a.str() == "second value");
        CHECK(b.empty());  // NOLINT(bugprone-use-after-move)
        // Self-move through a reference keeps the contents.
        SecureBytes& alias = a;
        a = std::move(alias);
        CHECK(a.str() == "second value");
    }
    SECTION("clone is an independent copy in new memory") {
        SecureBytes a = SecureBytes::from(view_of("abcdef"));
        SecureBytes c = a.clone();
        CHECK(c.data() != a.data());
        CHECK(c.str() == "abcdef");
        c.data()[0] = 'X';
        CHECK(a.str() == "abcdef");
        CHECK(c.str() == "Xbcdef");
    }
    SECTION("from copies the caller's bytes, and empty input gives an empty buffer") {
        Bytes src = pattern(20, 7);
        SecureBytes s = SecureBytes::from(src);
        CHECK(same(s.view(), src));
        wipe(src);
        CHECK(sodium_is_zero(src.data(), src.size()) == 1);
        CHECK(s.data()[0] == 7);  // the secure copy is unaffected by wiping the source
        CHECK(SecureBytes::from({}).empty());
        CHECK(SecureBytes().clone().empty());
    }
    SECTION("wipe clears strings and spans") {
        std::string pass = "correct horse battery staple";
        wipe(pass);
        CHECK(pass.empty());
        Bytes b = pattern(9, 1);
        wipe(b);
        CHECK(b == Bytes(9, 0));
    }
}

TEST_CASE("SymmetricKey: generate, from, clone", "[crypto][primitives]") {
    const SymmetricKey a = SymmetricKey::generate();
    const SymmetricKey b = SymmetricKey::generate();
    CHECK_FALSE(equal(a.view(), b.view()));
    CHECK(sodium_is_zero(a.data(), SymmetricKey::kSize) == 0);
    const SymmetricKey c = a.clone();
    CHECK(c.data() != a.data());
    CHECK(equal(c.view(), a.view()));
    const Bytes raw = pattern(32, 0x40);
    CHECK(same(SymmetricKey::from(raw).view(), raw));
    SymmetricKey moved = SymmetricKey::from(raw);
    SymmetricKey target = std::move(moved);
    CHECK(same(target.view(), raw));
}

TEST_CASE("SymmetricKey::derive is deterministic, separates ids and contexts, and is libsodium's KDF",
          "[crypto][primitives]") {
    const SymmetricKey master = SymmetricKey::from(pattern(32, 0x10));
    const SymmetricKey k1 = master.derive(1, "scopekey");
    CHECK(equal(k1.view(), master.derive(1, "scopekey").view()));

    // Independent reference: the raw libsodium call with the same arguments.
    std::uint8_t ref[32];
    REQUIRE(crypto_kdf_derive_from_key(ref, sizeof ref, 1, "scopekey", master.data()) == 0);
    CHECK(same(k1.view(), ByteView(ref, 32)));

    std::set<Bytes> distinct;
    distinct.insert(Bytes(master.view().begin(), master.view().end()));
    for (std::uint64_t id : {0ull, 1ull, 2ull, 0xffffffffffffffffull})
        for (const auto* ctx : {"scopekey", "snapshot", "indexkey"}) {
            char c[9];
            std::memcpy(c, ctx, 9);
            const SymmetricKey k = master.derive(id, c);
            distinct.insert(Bytes(k.view().begin(), k.view().end()));
        }
    CHECK(distinct.size() == 1 + 4 * 3);

    const SymmetricKey other = SymmetricKey::from(pattern(32, 0x11));
    CHECK_FALSE(equal(other.derive(1, "scopekey").view(), k1.view()));
}

TEST_CASE("hash is BLAKE2b-256 and keyed_index a keyed 16-byte BLAKE2b", "[crypto][primitives]") {
    // Published BLAKE2b-256 vectors.
    CHECK(to_hex(hash({})) == "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
    CHECK(to_hex(hash(view_of("abc"))) == "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");

    const Bytes key1 = pattern(32, 0), key2 = pattern(32, 1);
    const Id16 i1 = keyed_index(key1, view_of("Familie Müller"));
    CHECK(i1 == keyed_index(key1, view_of("Familie Müller")));
    CHECK(i1 != keyed_index(key2, view_of("Familie Müller")));
    CHECK(i1 != keyed_index(key1, view_of("Familie Mueller")));
    CHECK(keyed_index(key1, {}) != keyed_index(key2, {}));

    std::uint8_t ref[16];
    const ByteView data = view_of("Familie Müller");
    REQUIRE(crypto_generichash(ref, 16, data.data(), data.size(), key1.data(), 32) == 0);
    CHECK(same(i1, ByteView(ref, 16)));
    // Not simply the unkeyed hash truncated.
    const Hash32 h = hash(data);
    CHECK_FALSE(same(i1, ByteView(h.data(), 16)));
}

TEST_CASE("equal compares content and length", "[crypto][primitives]") {
    const Bytes a = pattern(8, 1), b = pattern(8, 1), c = pattern(8, 2), d = pattern(7, 1);
    CHECK(equal(a, b));
    CHECK_FALSE(equal(a, c));
    CHECK_FALSE(equal(a, d));
    CHECK(equal({}, {}));
}

TEST_CASE("random bytes and ids differ", "[crypto][primitives]") {
    CHECK(random_id() != random_id());
    Bytes a(32), b(32);
    random_bytes(a);
    random_bytes(b);
    CHECK(a != b);
    random_bytes({});  // an empty span is allowed and writes nothing
}

TEST_CASE("hex round trip and strict rejection", "[crypto][primitives]") {
    const Bytes all = [] {
        Bytes b(256);
        for (int i = 0; i < 256; ++i) b[std::size_t(i)] = std::uint8_t(i);
        return b;
    }();
    const std::string h = to_hex(all);
    CHECK(h.size() == 512);
    CHECK(h.substr(0, 8) == "00010203");
    CHECK(h.substr(504) == "fcfdfeff");
    CHECK(unhex(h) == all);
    CHECK(to_hex(ByteView{}).empty());

    std::array<std::uint8_t, 4> out{};
    CHECK(from_hex("DEADbeef", out));
    CHECK(out == std::array<std::uint8_t, 4>{0xde, 0xad, 0xbe, 0xef});

    std::array<std::uint8_t, 0> none{};
    CHECK(from_hex("", none));
    CHECK_FALSE(from_hex("00", none));

    const char* bad[] = {
        "",            // too short for 4 bytes
        "deadbe",      // too short
        "deadbeef00",  // too long
        "deadbeeg",    // not a hex digit
        "dead beef",   // space (odd length too)
        "de:adbeef",   // separator
        "0xdeadbe",    // prefix
        "deadbee",     // odd length
        " deadbee",    // leading space
        "deadbee ",    // trailing space
        "-1adbeef",    // sign
    };
    for (const char* s : bad) {
        INFO("input \"" << s << "\"");
        CHECK_FALSE(from_hex(s, out));
    }
    // An embedded NUL must not end the parse early.
    const std::string with_nul("dead\0eef", 8);
    CHECK_FALSE(from_hex(with_nul, out));
}

TEST_CASE("wrap/unwrap binds the associated data", "[crypto][primitives][keywrap]") {
    const SymmetricKey kek = SymmetricKey::generate();
    const SymmetricKey secret = SymmetricKey::generate();
    const Bytes ad = pattern(40, 0x30);
    const Bytes w = wrap(kek, secret.view(), ad);
    REQUIRE(w.size() == 24 + 32 + 16);
    CHECK(w != wrap(kek, secret.view(), ad));  // fresh nonce each time

    auto ok = unwrap(kek, w, ad);
    REQUIRE(ok);
    CHECK(equal(ok->view(), secret.view()));

    SECTION("wrong associated data") {
        Bytes other_ad = ad;
        other_ad.back() ^= 1;
        auto r = unwrap(kek, w, other_ad);
        REQUIRE_FALSE(r);
        CHECK(r.error() == Error::DecryptFailed);
        auto r2 = unwrap(kek, w, ByteView(ad).first(ad.size() - 1));
        REQUIRE_FALSE(r2);
        CHECK(r2.error() == Error::DecryptFailed);
        auto r3 = unwrap(kek, w, {});
        REQUIRE_FALSE(r3);
        CHECK(r3.error() == Error::DecryptFailed);
    }
    SECTION("wrong key") {
        auto r = unwrap(SymmetricKey::generate(), w, ad);
        REQUIRE_FALSE(r);
        CHECK(r.error() == Error::DecryptFailed);
    }
    SECTION("every byte flipped") {
        for (std::size_t i = 0; i < w.size(); ++i)
            for (std::uint8_t mask : {std::uint8_t(0x01), std::uint8_t(0xff)}) {
                Bytes t = w;
                t[i] ^= mask;
                auto r = unwrap(kek, t, ad);
                INFO("byte " << i << " mask " << int(mask));
                REQUIRE_FALSE(r);
                CHECK(r.error() == Error::DecryptFailed);
            }
    }
    SECTION("sizes") {
        for (std::size_t n = 0; n < 40; ++n) {
            auto r = unwrap(kek, ByteView(w).first(std::min(n, w.size())), ad);
            INFO("length " << n);
            REQUIRE_FALSE(r);
            CHECK(r.error() == Error::BadFormat);
        }
        // Dropping or adding bytes beyond the minimum breaks the tag.
        for (std::size_t n = 40; n < w.size(); ++n) {
            auto r = unwrap(kek, ByteView(w).first(n), ad);
            REQUIRE_FALSE(r);
            CHECK(r.error() == Error::DecryptFailed);
        }
        Bytes longer = w;
        longer.push_back(0);
        auto r = unwrap(kek, longer, ad);
        REQUIRE_FALSE(r);
        CHECK(r.error() == Error::DecryptFailed);
        const Bytes huge(24 + 16 + 4097, 0);
        auto big = unwrap(kek, huge, ad);
        REQUIRE_FALSE(big);
        CHECK(big.error() == Error::TooLarge);
    }
    SECTION("an empty secret wraps and unwraps to empty") {
        const Bytes e = wrap(kek, {}, ad);
        CHECK(e.size() == 40);
        auto r = unwrap(kek, e, ad);
        REQUIRE(r);
        CHECK(r->empty());
    }
    SECTION("independent check: raw libsodium opens the wrap") {
        std::uint8_t m[32];
        unsigned long long mlen = 0;
        REQUIRE(crypto_aead_xchacha20poly1305_ietf_decrypt(m, &mlen, nullptr, w.data() + 24, w.size() - 24, ad.data(),
                                                           ad.size(), w.data(), kek.data()) == 0);
        CHECK(mlen == 32);
        CHECK(same(ByteView(m, 32), secret.view()));
    }
}

TEST_CASE("seal_blob/open_blob: tamper, AD and size checks leave the output untouched", "[crypto][primitives][keywrap]") {
    const SymmetricKey key = SymmetricKey::generate();
    const Bytes pt = pattern(200, 3);
    const Bytes ad = pattern(16, 0x99);
    const Bytes sealed = seal_blob(key, pt, ad);
    REQUIRE(sealed.size() == 24 + pt.size() + 16);

    Bytes out = {1, 2, 3};
    REQUIRE(open_blob(key, sealed, ad, out).ok());
    CHECK(out == pt);

    const Bytes sentinel = {0xaa, 0xbb};
    for (std::size_t i = 0; i < sealed.size(); ++i)
        for (std::uint8_t mask : {std::uint8_t(0x01), std::uint8_t(0xff)}) {
            Bytes t = sealed;
            t[i] ^= mask;
            Bytes o = sentinel;
            auto r = open_blob(key, t, ad, o);
            INFO("byte " << i << " mask " << int(mask));
            REQUIRE_FALSE(r);
            CHECK(r.error() == Error::DecryptFailed);
            CHECK(o == sentinel);
        }

    Bytes o = sentinel;
    Bytes wrong_ad = ad;
    wrong_ad[0] ^= 0x80;
    auto r = open_blob(key, sealed, wrong_ad, o);
    REQUIRE_FALSE(r);
    CHECK(r.error() == Error::DecryptFailed);
    auto r2 = open_blob(SymmetricKey::generate(), sealed, ad, o);
    REQUIRE_FALSE(r2);
    CHECK(r2.error() == Error::DecryptFailed);
    for (std::size_t n : {0u, 1u, 24u, 39u}) {
        auto r3 = open_blob(key, ByteView(sealed).first(n), ad, o);
        REQUIRE_FALSE(r3);
        CHECK(r3.error() == Error::BadFormat);
    }
    auto r4 = open_blob(key, ByteView(sealed).first(sealed.size() - 1), ad, o);
    REQUIRE_FALSE(r4);
    CHECK(r4.error() == Error::DecryptFailed);
    CHECK(o == sentinel);

    // An empty payload still carries and checks its tag.
    const Bytes empty = seal_blob(key, {}, ad);
    REQUIRE(empty.size() == 40);
    Bytes e = sentinel;
    REQUIRE(open_blob(key, empty, ad, e).ok());
    CHECK(e.empty());
}

TEST_CASE("DeviceIdentity: from_secret round trip, sign and verify", "[crypto][primitives][identity]") {
    const DeviceIdentity a = DeviceIdentity::generate();
    const DeviceIdentity b = DeviceIdentity::generate();
    CHECK(a.id() != b.id());
    CHECK(a.sign_public() != b.sign_public());
    CHECK(a.box_public() != b.box_public());

    // The id is the first 16 bytes of BLAKE2b-256 of the signing key; the box key is X25519 of its secret.
    const Hash32 h = hash(a.sign_public());
    CHECK(same(a.id(), ByteView(h.data(), 16)));
    CHECK(device_id_of(a.sign_public()) == a.id());
    std::uint8_t box_pk[32];
    REQUIRE(crypto_scalarmult_base(box_pk, a.box_secret().data()) == 0);
    CHECK(same(a.box_public(), ByteView(box_pk, 32)));

    const SecureBytes secret = a.secret_bytes();
    REQUIRE(secret.size() == 96);
    auto restored = DeviceIdentity::from_secret(secret.view());
    REQUIRE(restored);
    CHECK(restored->id() == a.id());
    CHECK(restored->sign_public() == a.sign_public());
    CHECK(restored->box_public() == a.box_public());
    CHECK(equal(restored->secret_bytes().view(), secret.view()));

    const Bytes msg = pattern(100, 5);
    const Signature sig = a.sign(msg);
    CHECK(sig == restored->sign(msg));  // Ed25519 is deterministic
    CHECK(verify(a.sign_public(), msg, sig));
    CHECK(crypto_sign_verify_detached(sig.data(), msg.data(), msg.size(), a.sign_public().data()) == 0);
    CHECK(verify(a.sign_public(), {}, a.sign({})));

    SECTION("verify rejects another key, another message and any changed signature byte") {
        CHECK_FALSE(verify(b.sign_public(), msg, sig));
        Bytes m2 = msg;
        m2[50] ^= 1;
        CHECK_FALSE(verify(a.sign_public(), m2, sig));
        CHECK_FALSE(verify(a.sign_public(), ByteView(msg).first(99), sig));
        for (std::size_t i = 0; i < sig.size(); ++i) {
            Signature s2 = sig;
            s2[i] ^= 0x01;
            INFO("signature byte " << i);
            CHECK_FALSE(verify(a.sign_public(), msg, s2));
        }
    }
    SECTION("from_secret rejects wrong sizes") {
        const Bytes raw(secret.view().begin(), secret.view().end());
        for (std::size_t n : {0u, 32u, 64u, 95u}) {
            auto r = DeviceIdentity::from_secret(ByteView(raw).first(n));
            REQUIRE_FALSE(r);
            CHECK(r.error() == Error::BadFormat);
        }
        Bytes longer = raw;
        longer.push_back(0);
        auto r = DeviceIdentity::from_secret(longer);
        REQUIRE_FALSE(r);
        CHECK(r.error() == Error::BadFormat);
    }
    SECTION("from_secret rejects a signing secret whose public half is not its own") {
        // Ed25519 secret = seed || public key. Put b's public key behind a's seed.
        Bytes raw(secret.view().begin(), secret.view().end());
        std::memcpy(raw.data() + 32, b.sign_public().data(), 32);
        auto r = DeviceIdentity::from_secret(raw);
        REQUIRE_FALSE(r);
        CHECK(r.error() == Error::BadFormat);
        raw.assign(secret.view().begin(), secret.view().end());
        raw[63] ^= 0x01;
        auto r2 = DeviceIdentity::from_secret(raw);
        REQUIRE_FALSE(r2);
        CHECK(r2.error() == Error::BadFormat);
        wipe(raw);
    }
    SECTION("from_secret from a fixed seed gives libsodium's key pair") {
        const Bytes seed = pattern(32, 0xa0);
        std::uint8_t pk[32];
        SecureBytes s(96);
        REQUIRE(crypto_sign_seed_keypair(pk, s.data(), seed.data()) == 0);
        const Bytes box_sk = pattern(32, 0xc0);
        std::memcpy(s.data() + 64, box_sk.data(), 32);
        auto d = DeviceIdentity::from_secret(s.view());
        REQUIRE(d);
        CHECK(same(d->sign_public(), ByteView(pk, 32)));
        CHECK(equal(d->box_secret().view(), box_sk));
    }
}

// disable_core_dumps() in a child process, so that this test binary keeps its own core files:
// afterwards the core limit is 0, soft and hard (so it cannot be raised again), and the process
// is not dumpable. The child reports each check as a bit of its exit code.
TEST_CASE("disable_core_dumps leaves no core limit to raise and the process not dumpable", "[crypto][hardening]") {
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int bits = 0;
        if (!disable_core_dumps()) bits |= 1;
        rlimit rl{};
        if (::getrlimit(RLIMIT_CORE, &rl) != 0 || rl.rlim_cur != 0 || rl.rlim_max != 0) bits |= 2;
        const rlimit raise{RLIM_INFINITY, RLIM_INFINITY};
        if (::geteuid() != 0 && ::setrlimit(RLIMIT_CORE, &raise) == 0) bits |= 4;  // root may raise any limit
#ifdef __linux__
        if (::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0) bits |= 8;
#endif
        if (!disable_core_dumps()) bits |= 16;  // idempotent
        ::_exit(bits);
    }
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    const int bits = WEXITSTATUS(status);
    CHECK((bits & 1) == 0);   // it said it worked
    CHECK((bits & 2) == 0);   // RLIMIT_CORE 0/0
    CHECK((bits & 4) == 0);   // and it stays there
    CHECK((bits & 8) == 0);   // not dumpable
    CHECK((bits & 16) == 0);  // a second call is fine
}
