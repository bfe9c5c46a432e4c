#include "normalize.h"

#include <cstdint>

namespace quartier::offers {

namespace {

// What a Latin-1 supplement letter (U+00C0..U+00FF) folds to; umlauts are handled apart.
const char* latin1(char32_t c)
{
    switch (c) {
    case U'À': case U'Á': case U'Â': case U'Ã': case U'Å':
    case U'à': case U'á': case U'â': case U'ã': case U'å': return "a";
    case U'Æ': case U'æ': return "ae";
    case U'Ç': case U'ç': return "c";
    case U'È': case U'É': case U'Ê': case U'Ë':
    case U'è': case U'é': case U'ê': case U'ë': return "e";
    case U'Ì': case U'Í': case U'Î': case U'Ï':
    case U'ì': case U'í': case U'î': case U'ï': return "i";
    case U'Ñ': case U'ñ': return "n";
    case U'Ò': case U'Ó': case U'Ô': case U'Õ': case U'Ø':
    case U'ò': case U'ó': case U'ô': case U'õ': case U'ø': return "o";
    case U'Ù': case U'Ú': case U'Û':
    case U'ù': case U'ú': case U'û': return "u";
    case U'Ý': case U'ý': case U'ÿ': return "y";
    case U'ß': return "ss";
    case U'×': case U'÷': return " ";
    default: return nullptr;
    }
}

// Decodes one UTF-8 sequence at `i`; returns the code point and advances `i`. Invalid bytes give
// U+FFFD and advance by one.
char32_t decode(std::string_view s, std::size_t& i)
{
    const auto b0 = std::uint8_t(s[i]);
    int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + std::size_t(len) > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t c = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    for (int k = 1; k < len; ++k) {
        const auto b = std::uint8_t(s[i + std::size_t(k)]);
        if ((b >> 6) != 0x2) {
            ++i;
            return 0xFFFD;
        }
        c = (c << 6) | (b & 0x3F);
    }
    i += std::size_t(len);
    return c;
}

}  // namespace

std::string fold(std::string_view text, Umlauts umlauts)
{
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    const auto emit = [&](std::string_view piece) {
        if (pending_space && !out.empty())
            out += ' ';
        pending_space = false;
        out += piece;
    };
    const bool base = umlauts == Umlauts::Base;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const char32_t c = decode(text, i);
        if (c < 0x80) {
            const char a = char(c);
            if (a >= 'A' && a <= 'Z') {
                const char lower = char(a - 'A' + 'a');
                emit(std::string_view(&lower, 1));
            }
            else if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9'))
                emit(std::string_view(&text[start], 1));
            else if (a == '-' || a == '\'' || a == '.')
                continue;  // joined: "Eltern-Kind" finds "elternkind" and "kind"
            else
                pending_space = true;
            continue;
        }
        switch (c) {
        case U'Ä': case U'ä': emit(base ? "a" : "ae"); continue;
        case U'Ö': case U'ö': emit(base ? "o" : "oe"); continue;
        case U'Ü': case U'ü': emit(base ? "u" : "ue"); continue;
        case 0x1E9E: emit("ss"); continue;                           // ẞ
        case 0x0152: case 0x0153: emit("oe"); continue;              // Œ œ
        case 0x2019: case 0x00AD: continue;                          // ’ and the soft hyphen
        case 0x2010: case 0x2011: continue;                          // hyphens
        case 0x00A0: case 0x2013: case 0x2014: case 0x2009: case 0x202F:  // spaces and dashes
        case 0x201E: case 0x201C: case 0x201D: case 0x00AB: case 0x00BB:  // quotes
        case 0x2026: case 0x20AC: case 0x00B7: case 0x00A7:               // … € · §
            pending_space = true;
            continue;
        case 0xFFFD: continue;  // invalid UTF-8 is dropped
        default: break;
        }
        if (const char* f = latin1(c)) {
            if (f[0] == ' ')
                pending_space = true;
            else
                emit(f);
            continue;
        }
        emit(text.substr(start, i - start));
    }
    return out;
}

std::string fold_for_index(std::string_view text)
{
    std::string base = fold(text, Umlauts::Base);
    std::string transcribed = fold(text, Umlauts::Transcribed);
    if (transcribed != base) {
        base += '\n';
        base += transcribed;
    }
    return base;
}

}  // namespace quartier::offers
