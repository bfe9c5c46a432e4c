#include "qr.h"

#include <qrencode.h>

#include <memory>

namespace quartier::cli {

std::optional<std::string> qr_svg(const std::string& text) {
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code) return std::nullopt;
    constexpr int kQuiet = 4;
    const int w = code->width, size = w + 2 * kQuiet;
    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
                      std::to_string(size) + " " + std::to_string(size) + "\" width=\"" + std::to_string(size * 8) +
                      "\" height=\"" + std::to_string(size * 8) + "\" shape-rendering=\"crispEdges\">\n" +
                      "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n<path fill=\"#000\" d=\"";
    for (int y = 0; y < w; ++y)
        for (int x = 0; x < w; ++x)
            if (code->data[y * w + x] & 1)  // bit 0: dark module
                svg += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h1v1h-1z";
    svg += "\"/>\n</svg>\n";
    return svg;
}

}  // namespace quartier::cli
