#include "validation.h"

#include <charconv>

namespace quartier::domain {

std::string_view to_string(Reason r) {
    switch (r) {
    case Reason::Required: return "required";
    case Reason::Malformed: return "malformed";
    case Reason::UnknownValue: return "unknown_value";
    case Reason::OutOfRange: return "out_of_range";
    case Reason::BeforeStart: return "before_start";
    case Reason::UnknownReference: return "unknown_reference";
    case Reason::OtherCase: return "other_case";
    case Reason::Duplicate: return "duplicate";
    case Reason::NotInDangerArea: return "not_in_danger_area";
    case Reason::NeedsConcern: return "needs_concern";
    case Reason::IsWish: return "is_wish";
    case Reason::NotAllowed: return "not_allowed";
    case Reason::Immutable: return "immutable";
    }
    return "unknown";
}

std::string describe(const Issues& issues) {
    std::string out;
    for (const Issue& i : issues) {
        if (!out.empty()) out += "; ";
        out += i.field + ": " + std::string(to_string(i.reason));
        if (!i.detail.empty()) out += " (" + i.detail + ")";
    }
    return out;
}

namespace {

bool digits(std::string_view s, std::size_t from, std::size_t n, int& out) {
    if (from + n > s.size()) return false;
    for (std::size_t i = from; i < from + n; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    auto [p, ec] = std::from_chars(s.data() + from, s.data() + from + n, out);
    return ec == std::errc() && p == s.data() + from + n;
}

}  // namespace

bool valid_date(std::string_view s) {
    int y = 0, m = 0, d = 0;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    if (!digits(s, 0, 4, y) || !digits(s, 5, 2, m) || !digits(s, 8, 2, d)) return false;
    if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

bool valid_time(std::string_view s) {
    int h = 0, min = 0;
    if (s.size() != 16 || s[10] != 'T' || s[13] != ':') return false;
    return valid_date(s.substr(0, 10)) && digits(s, 11, 2, h) && digits(s, 14, 2, min) && h < 24 && min < 60;
}

bool valid_token(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace quartier::domain
