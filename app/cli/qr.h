// The enrolment code as a QR image (SVG), so a tablet can take it from the admin's screen.
#pragma once

#include <optional>
#include <string>

namespace quartier::cli {

// An SVG document of `text` as a QR code (error correction M, 4-module quiet zone); nullopt if
// the text does not fit into a QR code.
std::optional<std::string> qr_svg(const std::string& text);

}  // namespace quartier::cli
