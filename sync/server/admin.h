// The data directory of quartier-server and the administrative commands on it: `init` (make the
// directory 0700, database, TLS certificate and key, server id, one-time bootstrap token),
// `devices` (who is enrolled, holds what, last synced) and `fingerprint`.
//
// Layout: DIR/server.db (SQLite, WAL), DIR/cert.pem, DIR/key.pem (0600).
// A directory is initialised exactly when DIR/server.db holds a server id.
#pragma once

#include "sync/core/error.h"

#include <filesystem>
#include <string>

namespace quartier::sync::server {

struct DataDir {
    std::filesystem::path dir;
    std::filesystem::path db() const { return dir / "server.db"; }
    std::filesystem::path cert() const { return dir / "cert.pem"; }
    std::filesystem::path key() const { return dir / "key.pem"; }
};

struct InitOutcome {
    std::string server_id;    // hex
    std::string fingerprint;  // hex SHA-256 of the certificate's DER
    std::string bootstrap;    // the one-time token, shown once, stored only as its BLAKE2b hash
};

// AlreadyExists if DIR already holds a server (or a certificate or key); Io on file errors.
// On failure nothing it created is left behind.
Result<InitOutcome> init_data_dir(const DataDir& data);

// JSON {"server_id", "org", "envelopes", "devices": [...]} (docs/server.md). NotFound if not initialised.
Result<std::string> devices_report(const DataDir& data);

// JSON {"shredded": [...]}: every crypto-shredding order with what the server still holds of the
// scope (nothing, unless storage was tampered with), the devices' verified confirmations and the
// devices yet to confirm (docs/retention.md). NotFound if not initialised.
Result<std::string> deletions_report(const DataDir& data);

}  // namespace quartier::sync::server
