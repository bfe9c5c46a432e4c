// Founding an organisation and enrolling devices (docs/protocol.md "Founding", "Enrolment").
//
// Enrolment states, per device:
//   offered   admin posted an offer (hash of a one-time secret) and holds the secret locally
//   requested the new device presented the secret with its public keys; both sides can compute
//             the confirmation string (SAS) from the secret and the device's signing key
//   admitted  the admin compared the SAS and appended an `enrol` entry to the directory
// Invariant: a device is admitted only by an admin-signed directory entry whose keys are exactly
// the keys the SAS was computed over; the server's word alone admits nobody.
#pragma once

#include "sync/client/client.h"

namespace quartier::sync {

struct EnrolCode {
    std::string url;          // https://HOST:PORT
    std::string fingerprint;  // hex SHA-256 of the server certificate
    crypto::Id16 org{};
    SignPublicKey admin_pk{};
    std::array<std::uint8_t, 16> secret{};

    std::string to_string() const;  // "quartier:1:<base64url JSON>"
    static Result<EnrolCode> parse(std::string_view text);
};

struct PendingEnrolment {
    std::string offer;  // hex hash of the secret
    std::string name;
    std::string role;
    std::string provider;  // role helper: its free provider
    SignPublicKey sign_pk{};
    BoxPublicKey box_pk{};
    std::string sas;  // what the new device shows
};

// Six decimal digits both sides show before the admin admits a device.
std::string confirmation_string(crypto::ByteView secret, const SignPublicKey& sign_pk);

// Makes the organisation: admin key (kept in `store`), genesis, this device enrolled as admin,
// and, given `escrow_pk` (sync/org/escrow.h: the public half of the offline escrow file the caller
// wrote first), the `escrow` entry naming it. A retry of an unanswered attempt posts the entries
// of that attempt again.
Result<void> found_organisation(Store& store, SyncClient& client, const std::string& name, const std::string& bootstrap,
                                const std::string& url, const std::string& fingerprint, const std::string& device_name,
                                const std::optional<BoxPublicKey>& escrow_pk = std::nullopt);
// Admin: a one-time enrolment code for a named device with a role; a `helper` names the free
// provider (Träger) it works for, which decides the cases it may read (sync/client/roles.h).
Result<EnrolCode> offer_enrolment(Store& store, SyncClient& client, const std::string& name, const std::string& role,
                                  const std::string& provider = {});
// New device: presents the code; returns the confirmation string to show.
Result<std::string> request_enrolment(Store& store, SyncClient& client, const EnrolCode& code, const std::string& name);
// Admin: requests waiting for admission, with the SAS computed locally from the offer's secret.
Result<std::vector<PendingEnrolment>> pending_enrolments(Store& store, SyncClient& client);
// Admin: admits the request whose SAS is `sas` (the string the device shows).
Result<DeviceId> admit(Store& store, SyncClient& client, const std::string& sas);

// What a revoked device could read, for the breach assessment: every scope it was a member of.
struct RevocationReport {
    DeviceInfo device;
    std::vector<Membership> scopes;  // by scope and epoch, as the verified directory says
    std::size_t epochs_opened = 0;   // scopes this (admin) store rotated at once
};

// Admin: revokes a device (optionally ordering it to wipe itself at its next contact), lists the
// scopes it held, and syncs, which rotates every one of them this store is a member of; the rest
// rotate at the next sync of one of their members.
Result<RevocationReport> revoke_device(Store& store, SyncClient& client, const DeviceId& device, bool wipe);

}  // namespace quartier::sync
