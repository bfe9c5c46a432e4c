#include "sync/core/error.h"

namespace quartier::sync {

std::string_view to_string(Error e) {
    switch (e) {
    case Error::NotFound: return "not found";
    case Error::AlreadyExists: return "already exists";
    case Error::WrongPassphrase: return "wrong passphrase";
    case Error::Busy: return "store is in use by another process";
    case Error::InvalidArgument: return "invalid argument";
    case Error::Io: return "input/output error";
    case Error::Full: return "no space left: the disk or the store's quota is full";
    case Error::Corrupt: return "store is corrupt";
    case Error::Integrity: return "integrity check failed";
    case Error::Failed: return "an earlier write failed: recover or reopen the store";
    case Error::Unsupported: return "unsupported store version";
    case Error::Network: return "server unreachable";
    case Error::Refused: return "server refused the request";
    case Error::Protocol: return "server answered outside the protocol";
    case Error::Revoked: return "this device was revoked by the organisation";
    case Error::Cancelled: return "cancelled";
    case Error::Denied: return "refused by data protection";
    case Error::LeaseExpired: return "offline lease expired: sync to unlock";
    }
    return "unknown error";
}

}  // namespace quartier::sync
