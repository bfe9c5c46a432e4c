// Audit entries (sync/store/audit.h), as a DPO's device pulls them inside envelopes of an audit scope
// and a store reads its own rows: AuditEntry::parse accepts exactly the canonical bytes of some
// entry. Properties: what parses is canonical (canonical() gives the same bytes) and its fields pass
// check_audit_fields.
#include "fixture.h"

#include "sync/store/audit.h"

using namespace quartier;
using namespace quartier::fuzz;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    check(crypto::init(), "libsodium starts");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto e = sync::AuditEntry::parse(bytes_of(data, size));
    if (!e) return 0;
    const crypto::Bytes canon = e->canonical();
    check(canon.size() == size && std::equal(canon.begin(), canon.end(), data), "a parsed entry is canonical");
    check(e->seq > 0, "seq starts at 1");
    check(sync::check_audit_fields(e->actor, e->objects, e->legal_basis, e->detail).ok(), "a parsed entry's fields are valid");
    check(sync::audit_action_from(sync::to_string(e->action)) == e->action, "the action names itself");
    (void)e->hash();
    (void)e->record_id();
    return 0;
}
