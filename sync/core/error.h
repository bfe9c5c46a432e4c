// Errors of the sync part (store, op log, merge, later the wire), as values.
#pragma once

#include "crypto/result.h"

#include <string_view>

namespace quartier::sync {

enum class Error {
    NotFound,         // no store at that place, or no such record
    AlreadyExists,    // a store is already there
    WrongPassphrase,  // the key file did not open
    Busy,             // another process has the store open
    InvalidArgument,  // a bad type, id, field or value
    Io,               // the file system or SQLite failed (permissions, I/O error)
    Full,             // no room to write: the disk, the file system's quota or the store's own
                      // quota (StoreOptions::max_bytes) is full; the write was rolled back
    Corrupt,          // the database or its key material is damaged
    Integrity,        // one or more envelopes failed verification
    Failed,           // an earlier write failed: the store refuses work until reopened
    Unsupported,      // a newer schema or format than this build knows
    Network,          // the server could not be reached, timed out, or failed the certificate pin
    Refused,          // the server answered with an error (4xx/5xx); detail: its code and message
    Protocol,         // the server's answer was not what the protocol says
    Cancelled,        // the caller asked a running sync to stop (SyncOptions::cancel); nothing is lost
    Revoked,          // this device was revoked; detail says whether its store was wiped
    Denied,           // data protection forbids it: no legal basis (sync/client/consent.h) or the role
                      // policy (sync/client/roles.h); detail starts with a stable code, "withdrawn: ..."
    LeaseExpired,     // the organisation's offline lease ran out: no reads until a sync succeeds
};

std::string_view to_string(Error e);

template <class T>
using Result = quartier::Result<T, Error>;

}  // namespace quartier::sync
