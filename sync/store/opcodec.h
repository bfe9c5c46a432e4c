// The plaintext inside an envelope (an op on a record field) and the plaintext of a record
// snapshot: compact, versioned binary, parsed strictly. Record type, id, field, parents and value
// travel only inside ciphertext (docs/architecture.md §4).
//
// Op payload v1: version u8 (1) | kind u8 | type u16-len bytes | record id u16-len bytes |
//                field u16-len bytes | parent count u16 | parents 16 bytes each | value u32-len bytes
#pragma once

#include "crypto/crypto.h"

#include <optional>
#include <string>
#include <vector>

namespace quartier::sync {

enum class OpKind : std::uint8_t {
    Set = 1,      // a field gets a value; parents: the field's heads (and tombstones) it saw
    Delete = 2,   // the record is tombstoned; parents: every head it saw
    Resolve = 3,  // a conflict is settled: a Set whose parents are all heads of the field
};

struct OpPayload {
    OpKind kind = OpKind::Set;
    std::string type;
    std::string record_id;
    std::string field;  // empty for Delete
    std::vector<crypto::Id16> parents;
    std::string value;
};

inline constexpr std::size_t kMaxNameLength = 64;      // type and field names
inline constexpr std::size_t kMaxIdLength = 256;       // record ids
inline constexpr std::size_t kMaxParents = 1024;
inline constexpr std::size_t kMaxValueLength = 512 * 1024;

// Names are [a-z0-9_], starting with a letter; ids are printable UTF-8 without control characters.
bool valid_name(std::string_view s);
bool valid_id(std::string_view s);
bool valid_utf8(std::string_view s);

crypto::Bytes encode_op(const OpPayload& op);
// Appends to `out` to let callers reuse one buffer.
void encode_op(const OpPayload& op, crypto::Bytes& out);
std::optional<OpPayload> decode_op(crypto::ByteView bytes);

struct Record;
crypto::Bytes encode_record(const Record& r);
std::optional<Record> decode_record(crypto::ByteView bytes);

}  // namespace quartier::sync
