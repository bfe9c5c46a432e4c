// The server's self-signed TLS certificate (docs/architecture.md §7): made once at `init` with OpenSSL (an
// EC P-256 key, X.509 v3, CN=quartier-server, valid 10 years); clients pin the SHA-256 of its DER.
#pragma once

#include "sync/core/error.h"

#include <filesystem>
#include <string>

namespace quartier::sync::server {

// Writes a new key (PEM, mode 0600, refusing to overwrite) and certificate (PEM).
Result<void> make_self_signed_certificate(const std::filesystem::path& cert_file, const std::filesystem::path& key_file);

// Lower-case hex SHA-256 of the DER encoding of the PEM certificate in `cert_file`.
Result<std::string> certificate_fingerprint(const std::filesystem::path& cert_file);

}  // namespace quartier::sync::server
