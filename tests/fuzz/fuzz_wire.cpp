// sync/protocol/wire.h: the framed push and pull bodies and the codecs every JSON body goes through. The
// first byte picks the parser, the rest is its input.
//   0 framed push: what parses frames back to the same bytes; the envelope limit is applied
//     exactly (a body of N envelopes parses with a limit of N and is TooMany below it)
//   1 framed pull page: what parses frames back to the same bytes
//   2 base64: unb64 accepts exactly what libsodium's decoder accepts (its table codec for long
//     values must not differ, wire.cpp) and what it accepts encodes back to the same text
//   3 base64url (enrolment codes): what decodes encodes back to the same text
//   4 hex ids: what parses prints back as the same (lower-cased) text
#include "fixture.h"

#include "sync/protocol/wire.h"

#include <sodium.h>

#include <cctype>
#include <optional>

using namespace quartier;
using namespace quartier::fuzz;
namespace wire = quartier::sync::wire;

namespace {
// libsodium's strict decoder with wire.cpp's extra rule (no byte >= 0x80), for every length.
std::optional<crypto::Bytes> reference_unb64(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
    crypto::Bytes b(s.size() / 4 * 3 + 3);
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(b.data(), b.size(), s.data(), s.size(), nullptr, &len, &end, sodium_base64_VARIANT_ORIGINAL) != 0)
        return std::nullopt;
    if (end != s.data() + s.size()) return std::nullopt;
    b.resize(len);
    return b;
}

std::size_t envelope_count(const std::vector<wire::FramedGroup>& groups) {
    std::size_t n = 0;
    for (const auto& g : groups) n += g.envelopes.size();
    return n;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    check(crypto::init(), "libsodium starts");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view in = text_of(data + 1, size - 1);
    switch (data[0] % 5) {
    case 0: {
        auto g = wire::parse_push(in, wire::kMaxPushEnvelopes);
        if (!g) break;
        const std::size_t n = envelope_count(*g);
        check(!g->empty() && g->size() <= wire::kMaxPushGroups, "1 to 16 groups");
        check(n >= g->size() && n <= wire::kMaxPushEnvelopes, "every group has an envelope, within the limit");
        check(wire::frame_push(*g) == in, "a parsed push frames back to its bytes");
        check(wire::parse_push(in, n).ok(), "a push of N envelopes parses with a limit of N");
        auto fewer = wire::parse_push(in, n - 1);
        check(!fewer && fewer.error() == wire::FrameError::TooMany, "a push of N envelopes is TooMany with a limit of N-1");
        break;
    }
    case 1: {
        auto p = wire::parse_pull(in);
        if (!p) break;
        check(wire::frame_pull(*p) == in, "a parsed pull page frames back to its bytes");
        break;
    }
    case 2: {
        const auto got = wire::unb64(in);
        const auto ref = reference_unb64(in);
        check(got.has_value() == ref.has_value(), "unb64 accepts exactly what libsodium accepts");
        if (got) {
            check(*got == *ref, "unb64 decodes as libsodium does");
            check(wire::b64(*got) == in, "what unb64 accepts is canonical: it encodes back to the same text");
        }
        break;
    }
    case 3: {
        if (auto got = wire::unb64url(in)) check(wire::b64url(*got) == in, "base64url decodes canonically");
        break;
    }
    case 4: {
        if (auto id = wire::id_from_hex(in)) {
            std::string lower(in);
            for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
            check(wire::hex(*id) == lower, "a hex id prints back as its text");
        }
        break;
    }
    }
    return 0;
}
