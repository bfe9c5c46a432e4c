#include "consultation.h"

#include "case_index.h"
#include "pseudonym.h"

#include "crypto/crypto.h"
#include "domain/validation.h"
#include "sync/client/sharing.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <functional>
#include <map>
#include <set>

namespace quartier::team {

namespace {

using nlohmann::json;
using domain::Error;

// ---- text: UTF-8 words, folding ----------------------------------------------------------------

// Markers around a label while the passes run (stripped from the input first), so that no later
// pass reads a label's word as a name; turned into brackets at the end.
constexpr char kOpen = '\x01';
constexpr char kClose = '\x02';

// The code point at text[i] and its length in bytes (a broken sequence: one byte, U+FFFD).
std::pair<char32_t, std::size_t> decode(const std::string& s, std::size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) return {b, 1};
    std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (n == 0 || i + n > s.size()) return {0xFFFD, 1};
    char32_t cp = b & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) return {0xFFFD, 1};
        cp = (cp << 6) | (c & 0x3F);
    }
    return {cp, n};
}

// A letter or digit of a word: ASCII alphanumerics and the letters of the Latin, Greek, Cyrillic,
// Arabic ... blocks (not the general punctuation of U+2000.., where „ “ – live).
bool word_char(char32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c == 0xD7 || c == 0xF7) return false;
    return (c >= 0xC0 && c < 0x2000) || c >= 0x3040;
}

// Lower case, with ä ö ü ß as ae oe ue ss (so "Müller" and "Mueller" fold alike) and the other
// Latin-1 capitals lowered.
std::string fold(const std::string& w) {
    std::string out;
    for (std::size_t i = 0; i < w.size();) {
        auto [c, n] = decode(w, i);
        if (c >= 'A' && c <= 'Z') c += 32;
        if (c >= 0xC0 && c <= 0xDE && c != 0xD7) c += 32;
        if (c == 0xE4) out += "ae";
        else if (c == 0xF6) out += "oe";
        else if (c == 0xFC) out += "ue";
        else if (c == 0xDF) out += "ss";
        else if (c < 0x80) out += char(c);
        else if (c < 0x800 && n == 2) {  // a Latin-1 capital lowered above: encoded anew
            out += char(0xC0 | (c >> 6));
            out += char(0x80 | (c & 0x3F));
        } else out.append(w, i, n);  // other letters as they are
        i += n;
    }
    return out;
}

struct Word {
    std::size_t begin, end;
};

// The words of `s` outside markers.
std::vector<Word> words(const std::string& s) {
    std::vector<Word> out;
    bool in_label = false;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == kOpen) in_label = true;
        if (s[i] == kClose) in_label = false;
        auto [c, n] = decode(s, i);
        if (in_label || !word_char(c)) {
            i += n;
            continue;
        }
        std::size_t j = i;
        while (j < s.size()) {
            auto [d, m] = decode(s, j);
            if (!word_char(d)) break;
            j += m;
        }
        out.push_back({i, j});
        i = j;
    }
    return out;
}

std::vector<std::string> folded_words(const std::string& s) {
    std::vector<std::string> out;
    for (const Word& w : words(s)) out.push_back(fold(s.substr(w.begin, w.end - w.begin)));
    return out;
}

bool upper_initial(const std::string& w) {
    const auto [c, n] = decode(w, 0);
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}

std::string marked(const std::string& label) { return std::string(1, kOpen) + label + kClose; }

// ---- the generic patterns: one pass each, over the bytes outside markers ------------------------

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool ascii_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// Whether text[i] starts a token: no letter or digit (of any script) right before it.
bool starts_token(const std::string& s, std::size_t i) {
    if (i == 0) return true;
    std::size_t k = i - 1;
    while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    return !word_char(decode(s, k).first);
}
bool ends_token(const std::string& s, std::size_t j) { return j >= s.size() || !word_char(decode(s, j).first); }

// Runs `match` at every position outside markers; a match (its length > 0) is replaced by the
// marked label.
using Matcher = std::function<std::size_t(const std::string&, std::size_t)>;
std::string pass(const std::string& s, const std::string& label, const Matcher& match) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == kOpen) {
            const std::size_t j = s.find(kClose, i);
            const std::size_t end = j == std::string::npos ? s.size() : j + 1;
            out.append(s, i, end - i);
            i = end;
            continue;
        }
        if (const std::size_t n = match(s, i); n > 0) {
            out += marked(label);
            i += n;
        } else {
            out += s[i++];
        }
    }
    return out;
}

std::size_t digits(const std::string& s, std::size_t i, std::size_t max = 99) {
    std::size_t n = 0;
    while (i + n < s.size() && n < max && is_digit(s[i + n])) ++n;
    return n;
}

std::size_t email(const std::string& s, std::size_t i) {
    const auto local = [](char c) { return ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; };
    if (!local(s[i]) || (i > 0 && local(s[i - 1]))) return 0;
    std::size_t j = i;
    while (j < s.size() && local(s[j])) ++j;
    if (j == i || j >= s.size() || s[j] != '@') return 0;
    std::size_t k = j + 1;
    while (k < s.size() && (ascii_alnum(s[k]) || s[k] == '.' || s[k] == '-')) ++k;
    while (k > j + 1 && (s[k - 1] == '.' || s[k - 1] == '-')) --k;
    if (s.find('.', j + 1) >= k) return 0;
    return k - i;
}

// 16 hex digits or more in a run of hex digits and dashes (uuids, record ids, keys).
std::size_t hex_id(const std::string& s, std::size_t i) {
    if (!starts_token(s, i) || !std::isxdigit(static_cast<unsigned char>(s[i]))) return 0;
    std::size_t j = i, hex = 0;
    while (j < s.size() && (std::isxdigit(static_cast<unsigned char>(s[j])) || s[j] == '-')) {
        if (s[j] != '-') ++hex;
        ++j;
    }
    while (j > i && s[j - 1] == '-') --j;
    return hex >= 16 && ends_token(s, j) ? j - i : 0;
}

constexpr const char* kMonths[] = {"januar", "jaenner", "februar", "maerz", "april", "mai", "juni", "juli", "august",
                                   "september", "oktober", "november", "dezember", "jan", "feb", "mrz", "apr", "jun",
                                   "jul", "aug", "sep", "sept", "okt", "nov", "dez"};

// 1.2.2015, 01.02.15, 2015-02-01, 1. Februar 2015, 1. Feb. 2015.
std::size_t date(const std::string& s, std::size_t i) {
    if (!starts_token(s, i)) return 0;
    const std::size_t a = digits(s, i, 5);
    if (a == 4 && i + 4 < s.size() && s[i + 4] == '-') {  // ISO
        std::size_t j = i + 5;
        const std::size_t m = digits(s, j, 3);
        if (m < 1 || m > 2 || j + m >= s.size() || s[j + m] != '-') return 0;
        j += m + 1;
        const std::size_t d = digits(s, j, 3);
        return d >= 1 && d <= 2 && ends_token(s, j + d) ? j + d - i : 0;
    }
    if (a < 1 || a > 2 || i + a >= s.size() || s[i + a] != '.') return 0;
    std::size_t j = i + a + 1;
    if (const std::size_t m = digits(s, j, 3); m >= 1 && m <= 2 && j + m < s.size() && s[j + m] == '.') {
        j += m + 1;
        const std::size_t y = digits(s, j, 5);
        return (y == 2 || y == 4) && ends_token(s, j + y) ? j + y - i : 0;
    }
    // "1. Februar 2015": a month's name (or its abbreviation with a dot), then a year.
    while (j < s.size() && s[j] == ' ') ++j;
    std::size_t k = j;
    while (k < s.size() && word_char(decode(s, k).first)) k += decode(s, k).second;
    const std::string month = fold(s.substr(j, k - j));
    if (std::find_if(std::begin(kMonths), std::end(kMonths), [&](const char* m) { return month == m; }) ==
        std::end(kMonths))
        return 0;
    if (k < s.size() && s[k] == '.') ++k;
    while (k < s.size() && s[k] == ' ') ++k;
    const std::size_t y = digits(s, k, 5);
    return y == 4 && ends_token(s, k + y) ? k + y - i : 0;
}

constexpr const char* kStreetSuffixes[] = {"strasse", "weg", "allee", "ring", "platz", "damm", "gasse",
                                           "chaussee", "ufer", "steig", "stieg", "pfad", "markt", "kamp"};

// A word (letters and hyphens) starting at i: its end.
std::size_t street_word(const std::string& s, std::size_t i) {
    std::size_t j = i;
    while (j < s.size()) {
        auto [c, n] = decode(s, j);
        if (!word_char(c) && c != '-') break;
        j += n;
    }
    return j;
}

// Whether a folded word names a street: it ends in a street's suffix ("lindenstrasse", "kirchweg",
// "str" before a dot) after a name of its own (`bare`: or is the suffix alone, "Straße" after
// "Berliner").
bool street_like(const std::string& folded, bool dot_follows, bool bare) {
    const auto ends = [&](const std::string& x) {
        return (bare ? folded.size() >= x.size() : folded.size() > x.size() + 1) &&
               folded.compare(folded.size() - x.size(), x.size(), x) == 0;
    };
    if (dot_follows && ends("str")) return true;
    return std::any_of(std::begin(kStreetSuffixes), std::end(kStreetSuffixes), [&](const char* suf) { return ends(suf); });
}

// After a street's name at j: " 12", " 12a", " 12-14": the end, or 0.
std::size_t house_number(const std::string& s, std::size_t j) {
    if (j < s.size() && s[j] == '.') ++j;
    std::size_t k = j;
    while (k < s.size() && s[k] == ' ') ++k;
    if (k == j) return 0;
    const std::size_t n = digits(s, k, 5);
    if (n == 0 || n > 4) return 0;
    k += n;
    if (k < s.size() && std::isalpha(static_cast<unsigned char>(s[k])) && ends_token(s, k + 1)) ++k;
    if (k + 1 < s.size() && s[k] == '-' && is_digit(s[k + 1])) k += 1 + digits(s, k + 1, 4);
    return ends_token(s, k) ? k : 0;
}

// "Lindenstraße 12", "Berliner Str. 5a", "Am Lindenweg 3" (from "Lindenweg"), "22846 Norderstedt".
std::size_t address(const std::string& s, std::size_t i) {
    if (!starts_token(s, i)) return 0;
    if (digits(s, i, 6) == 5 && i + 6 < s.size() && s[i + 5] == ' ' && upper_initial(s.substr(i + 6, 4))) {
        const std::size_t end = street_word(s, i + 6);
        if (end > i + 6) return end - i;
    }
    if (!word_char(decode(s, i).first) || is_digit(s[i])) return 0;
    const std::size_t a = street_word(s, i);
    const bool dot = a < s.size() && s[a] == '.';
    if (upper_initial(s.substr(i, 4)) && street_like(fold(s.substr(i, a - i)), dot, false))
        if (const std::size_t e = house_number(s, a)) return e - i;
    // "Berliner Straße 12": the street word stands alone after its name.
    if (a < s.size() && s[a] == ' ' && upper_initial(s.substr(i, 4))) {
        const std::size_t b = street_word(s, a + 1);
        const bool dot_b = b < s.size() && s[b] == '.';
        const std::string w = fold(s.substr(a + 1, b - a - 1));
        if (b > a + 1 && upper_initial(s.substr(a + 1, 4)) && street_like(w, dot_b, true) && w.size() <= 8)
            if (const std::size_t e = house_number(s, b)) return e - i;
    }
    return 0;
}

// Six digits or more with spaces, slashes, dashes, brackets between them, an optional leading "+".
std::size_t number(const std::string& s, std::size_t i) {
    if (!starts_token(s, i) && s[i] != '+' && s[i] != '(') return 0;
    if (!(is_digit(s[i]) || s[i] == '+' || s[i] == '(')) return 0;
    std::size_t j = i, count = 0, last = i;
    if (s[j] == '+') ++j;
    while (j < s.size()) {
        const char c = s[j];
        if (is_digit(c)) {
            ++count;
            last = j + 1;
        } else if (c == ' ' || c == '/' || c == '-' || c == '(' || c == ')') {
            if (j + 1 >= s.size() || !(is_digit(s[j + 1]) || s[j + 1] == ' ' || s[j + 1] == '(' || s[j + 1] == '/'))
                break;
        } else {
            break;
        }
        ++j;
    }
    return count >= 6 && ends_token(s, last) ? last - i : 0;
}

// ---- names --------------------------------------------------------------------------------------

// Words of a contact's name that are no names: kinship, titles, kinds of place and profession, and
// the points of the compass (which name no role: role_hint() stops at them).
const std::set<std::string>& generic_words() {
    static const std::set<std::string> words = [] {
        std::set<std::string> w;
        for (const char* x :
             {"oma", "opa", "omi", "opi", "tante", "onkel", "cousin", "cousine", "frau", "herr", "herrn", "dr",
              "prof", "nachbar", "nachbarin", "nachbarn", "freund", "freundin", "freunde", "vater", "mutter", "mama",
              "papa", "eltern", "kinder", "kind", "bruder", "schwester", "geschwister", "grossmutter", "grossvater",
              "grosseltern", "sohn", "tochter", "kita", "schule", "grundschule", "lehrer", "lehrerin", "klassenlehrer",
              "klassenlehrerin", "familienhelfer", "familienhelferin", "schulsozialarbeit", "arbeitgeber", "verein",
              "jugendamt", "arzt", "aerztin", "kinderarzt", "kinderaerztin", "praxis", "familie", "clique", "team",
              "trainer", "trainerin", "chef", "chefin", "kollege", "kollegin", "partner", "partnerin", "ex", "nord", "sued", "ost", "west", "mitte"})
            w.insert(x);
        return w;
    }();
    return words;
}

// Words that join the role words of a contact's name ("Vater der Kinder", "Clique am Bahnhof").
bool connector(const std::string& folded) {
    static const std::set<std::string> words = {"der", "die", "das", "des", "den", "dem", "von", "vom", "am",
                                                "im", "in", "an", "mit", "und", "bei", "zur", "zum", "aus"};
    return words.count(folded) > 0;
}

// The role a contact's name says, made of role words only: its longest prefix of role words and
// connectors, without connectors at its end ("Oma Ilse" -> "Oma", "Vater der Kinder" -> itself,
// "Clique am Bahnhof" -> "Clique", "Herr Wunderlich" -> "Herr"); "" if it starts with a name.
std::string role_hint(const std::string& name) {
    const std::vector<Word> ws = words(name);
    std::size_t end = 0;
    for (const Word& w : ws) {
        const std::string f = fold(name.substr(w.begin, w.end - w.begin));
        if (f == "nord" || f == "sued" || f == "ost" || f == "west" || f == "mitte")
            break;  // "Kita Nord": which Kita is no role
        if (generic_words().count(f))
            end = w.end;
        else if (!connector(f))
            break;
    }
    return ws.empty() || end == 0 ? std::string() : name.substr(ws.front().begin, end - ws.front().begin);
}

std::string role_word(domain::MemberRole r) {
    using R = domain::MemberRole;
    switch (r) {
    case R::Mother: return "Mutter";
    case R::Father: return "Vater";
    case R::Parent: return "Elternteil";
    case R::StepParent: return "Stiefelternteil";
    case R::FosterParent: return "Pflegeelternteil";
    case R::Guardian: return "Vormund";
    case R::Child: return "Kind";
    case R::Sibling: return "Geschwister";
    case R::Grandparent: return "Großelternteil";
    case R::Partner: return "Partner/in";
    case R::Relative: return "Angehörige/r";
    case R::Other: return "Person";
    }
    return "Person";
}

std::string sector_word(domain::NetworkSector s) {
    using S = domain::NetworkSector;
    switch (s) {
    case S::Family: return "Familie";
    case S::FriendsNeighbours: return "Freunde/Nachbarn";
    case S::SchoolWorkClubs: return "Schule/Arbeit/Vereine";
    case S::Professionals: return "Fachkräfte";
    }
    return "Kontakt";
}

// One name as folded words, with its label.
struct Pattern {
    std::vector<std::string> words;
    std::string label;
    std::size_t bytes = 0;
};

std::vector<Pattern> patterns(const Names& names) {
    std::vector<Pattern> out;
    std::set<std::vector<std::string>> seen;
    for (const Names::Entry& e : names.entries) {
        Pattern p{folded_words(e.name), e.label};
        if (p.words.empty() || seen.count(p.words)) continue;  // the first label of a name wins
        // A name of one letter ("K." of "Familie K.") alone would replace every such letter.
        if (p.words.size() == 1 && p.words[0].size() < 2) continue;
        for (const auto& w : p.words) p.bytes += w.size();
        seen.insert(p.words);
        out.push_back(std::move(p));
    }
    std::stable_sort(out.begin(), out.end(), [](const Pattern& a, const Pattern& b) {
        return a.words.size() != b.words.size() ? a.words.size() > b.words.size() : a.bytes > b.bytes;
    });
    return out;
}

std::string replace_names(const std::string& s, const std::vector<Pattern>& pats) {
    const std::vector<Word> ws = words(s);
    std::vector<std::string> folded;
    for (const Word& w : ws) folded.push_back(fold(s.substr(w.begin, w.end - w.begin)));
    // Between two words of one name: blanks and hyphens only.
    const auto joined = [&](std::size_t a) {
        for (std::size_t k = ws[a].end; k < ws[a + 1].begin; ++k)
            if (s[k] != ' ' && s[k] != '-') return false;
        return true;
    };
    std::string out;
    std::size_t copied = 0;
    for (std::size_t i = 0; i < ws.size();) {
        bool hit = false;
        for (const Pattern& p : pats) {
            const std::size_t n = p.words.size();
            if (i + n > ws.size()) continue;
            bool ok = true, genitive = false;
            for (std::size_t k = 0; ok && k < n; ++k) {
                if (k + 1 < n && !joined(i + k)) ok = false;
                else if (folded[i + k] == p.words[k]) continue;
                else if (k + 1 == n && folded[i + k] == p.words[k] + "s") genitive = true;
                else ok = false;
            }
            if (!ok) continue;
            out.append(s, copied, ws[i].begin - copied);
            out += marked(p.label);
            if (genitive) out += "s";
            copied = ws[i + n - 1].end;
            i += n;
            hit = true;
            break;
        }
        if (!hit) ++i;
    }
    out.append(s, copied, std::string::npos);
    return out;
}

// ---- the record ---------------------------------------------------------------------------------

constexpr const char* kIdeaPrefix = "idea_";

bool is_caseworker(const sync::Store& store) {
    const sync::DeviceInfo* me = store.directory().device(store.device().id());
    return me && !me->revoked && me->role == "caseworker";
}

template <class E>
std::string str(E e) {
    return std::string(domain::to_string(e));
}

std::map<std::string, std::string> stored_fields(const Card& c) {
    json wills = json::array(), goals = json::array(), resources = json::array(), network = json::array(),
         items = json::array();
    for (const auto& w : c.wills)
        wills.push_back({{"role", w.role}, {"text", w.text}, {"own_contribution", w.own_contribution}, {"will", w.will}});
    for (const auto& g : c.goals)
        goals.push_back({{"text", g.text}, {"level", str(g.level)}, {"scale_now", g.scale_now}, {"scale_target", g.scale_target}});
    for (const auto& r : c.resources) resources.push_back({{"area", str(r.area)}, {"role", r.role}, {"text", r.text}});
    for (const auto& n : c.network)
        network.push_back({{"label", n.label}, {"sector", str(n.sector)}, {"distance", n.distance},
                           {"quality", str(n.quality)}, {"note", n.note}});
    for (const auto& i : c.recommendation_items) items.push_back({{"who", i.who}, {"brings", i.brings}});
    return {{"pseudonym", c.pseudonym},
            {"social_space", c.social_space},
            {"risk_area", c.risk ? str(*c.risk) : std::string()},
            {"prepared_on", c.prepared_on},
            {"prepared_by", c.prepared_by},
            {"question", c.question},
            {"network_of", c.network_of},
            {"wills", wills.dump()},
            {"goals", goals.dump()},
            {"resources", resources.dump()},
            {"network", network.dump()},
            {"recommendation", c.recommendation},
            {"recommendation_items", items.dump()},
            {"state", to_string(c.state)},
            {"taken_back_on", c.taken_back_on}};
}

std::optional<Card::State> parse_state(const std::string& s) {
    if (s == "prepared") return Card::State::Prepared;
    if (s == "recommended") return Card::State::Recommended;
    if (s == "taken_back") return Card::State::TakenBack;
    return std::nullopt;
}

// The string at j[key], or nullopt if it is none.
std::optional<std::string> text_of(const json& j, const char* key) {
    if (!j.is_object() || !j.contains(key) || !j[key].is_string()) return std::nullopt;
    return j[key].get<std::string>();
}
std::optional<int> int_of(const json& j, const char* key, int lo, int hi) {
    if (!j.is_object() || !j.contains(key) || !j[key].is_number_integer()) return std::nullopt;
    const auto v = j[key].get<long long>();
    if (v < lo || v > hi) return std::nullopt;
    return int(v);
}
template <class E>
std::optional<E> enum_of(const json& j, const char* key) {
    const auto t = text_of(j, key);
    return t ? domain::parse<E>(*t) : std::nullopt;
}

// Parses a JSON array field element by element; nullopt if the field or any element is broken.
template <class T, class F>
std::optional<std::vector<T>> parse_array(const std::string& s, F element) {
    try {
        const json j = json::parse(s.empty() ? std::string("[]") : s);
        if (!j.is_array()) return std::nullopt;
        std::vector<T> out;
        for (const json& e : j) {
            auto v = element(e);
            if (!v) return std::nullopt;
            out.push_back(std::move(*v));
        }
        return out;
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

std::optional<Card> parse_card(const sync::Store& store, const sync::Record& r) {
    if (r.type != kConsultationType || sync::sharing::scope_kind(store, r.scope) != sync::ScopeKind::Team)
        return std::nullopt;
    Card c;
    c.id = r.id;
    const auto v = [&](const char* f) { return r.value(f).value_or(""); };
    c.pseudonym = v("pseudonym");
    c.social_space = v("social_space");
    c.prepared_on = v("prepared_on");
    c.prepared_by = v("prepared_by");
    c.question = v("question");
    c.network_of = v("network_of");
    c.recommendation = v("recommendation");
    c.taken_back_on = v("taken_back_on");
    if (c.pseudonym.empty() || c.question.empty() || !domain::valid_date(c.prepared_on)) return std::nullopt;
    if (!c.taken_back_on.empty() && !domain::valid_date(c.taken_back_on)) return std::nullopt;
    const auto state = parse_state(v("state"));
    if (!state || (*state == Card::State::TakenBack) != !c.taken_back_on.empty()) return std::nullopt;
    c.state = *state;
    if (const std::string risk = v("risk_area"); !risk.empty()) {
        c.risk = domain::parse<domain::RiskArea>(risk);
        if (!c.risk) return std::nullopt;
    }
    auto wills = parse_array<Card::Will>(v("wills"), [](const json& e) -> std::optional<Card::Will> {
        auto role = text_of(e, "role"), text = text_of(e, "text"), own = text_of(e, "own_contribution");
        if (!role || !text || !own || !e.contains("will") || !e["will"].is_boolean()) return std::nullopt;
        return Card::Will{*role, *text, *own, e["will"].get<bool>()};
    });
    auto goals = parse_array<Card::Goal>(v("goals"), [](const json& e) -> std::optional<Card::Goal> {
        auto text = text_of(e, "text");
        auto level = enum_of<domain::GoalLevel>(e, "level");
        auto now = int_of(e, "scale_now", 0, 10), target = int_of(e, "scale_target", 0, 10);
        if (!text || !level || !now || !target) return std::nullopt;
        return Card::Goal{*text, *level, *now, *target};
    });
    auto resources = parse_array<Card::Resource>(v("resources"), [](const json& e) -> std::optional<Card::Resource> {
        auto area = enum_of<domain::ResourceArea>(e, "area");
        auto role = text_of(e, "role"), text = text_of(e, "text");
        if (!area || !role || !text) return std::nullopt;
        return Card::Resource{*area, *role, *text};
    });
    auto network = parse_array<Card::Contact>(v("network"), [](const json& e) -> std::optional<Card::Contact> {
        auto label = text_of(e, "label"), note = text_of(e, "note");
        auto sector = enum_of<domain::NetworkSector>(e, "sector");
        auto quality = enum_of<domain::ContactQuality>(e, "quality");
        auto distance = int_of(e, "distance", 1, 3);
        if (!label || !note || !sector || !quality || !distance) return std::nullopt;
        return Card::Contact{*label, *sector, *distance, *quality, *note};
    });
    auto items = parse_array<Card::Item>(v("recommendation_items"), [](const json& e) -> std::optional<Card::Item> {
        auto who = text_of(e, "who"), brings = text_of(e, "brings");
        if (!who || !brings || who->empty() || brings->empty()) return std::nullopt;
        return Card::Item{*who, *brings};
    });
    if (!wills || !goals || !resources || !network || !items) return std::nullopt;
    c.wills = std::move(*wills);
    c.goals = std::move(*goals);
    c.resources = std::move(*resources);
    c.network = std::move(*network);
    c.recommendation_items = std::move(*items);
    if (c.state != Card::State::Prepared && c.recommendation.empty()) return std::nullopt;
    for (const auto& [name, field] : r.fields) {
        if (name.rfind(kIdeaPrefix, 0) != 0) continue;
        const std::string value = r.value(name).value_or("");
        try {
            const json j = json::parse(value);
            auto text = text_of(j, "text"), by = text_of(j, "by"), at = text_of(j, "at");
            if (!text || !by || !at || text->empty() || !domain::valid_date(*at)) return std::nullopt;
            c.ideas.push_back({name, *text, *by, *at});
        } catch (const json::exception&) {
            return std::nullopt;
        }
    }
    std::sort(c.ideas.begin(), c.ideas.end(),
              [](const Card::Idea& a, const Card::Idea& b) { return a.at != b.at ? a.at < b.at : a.field < b.field; });
    return c;
}

domain::Result<void> store_result(const sync::Result<void>& r) {
    if (!r) return {Error::Store, std::string(sync::to_string(r.error())) + ": " + r.detail()};
    return {};
}

// The card's record, for an edit: it must be a consultation that parses, in a team scope.
domain::Result<std::pair<Card, sync::ScopeId>> for_edit(const sync::Store& store, const std::string& id) {
    auto c = load(store, id);
    if (!c) return c.failure();
    return std::make_pair(std::move(*c), store.get(id)->scope);
}

}  // namespace

bool is_role_word(const std::string& word) { return generic_words().count(fold(word)) > 0; }

// ---- Names --------------------------------------------------------------------------------------

std::string Names::person_label(const std::string& person_id) const {
    for (const auto& [id, label] : person_labels)
        if (id == person_id) return label;
    return {};
}

std::string Names::contact_label(const std::string& name) const {
    for (const auto& [n, label] : contact_labels)
        if (fold(n) == fold(name)) return label;
    return {};
}

Names names_of(const domain::Repository& repository, const std::string& case_id) {
    Names out;
    std::vector<domain::Member> members = repository.members(case_id);
    // Per role, by birth date (oldest first; none last), then person id: "Kind 1" is the eldest.
    std::stable_sort(members.begin(), members.end(), [](const domain::Member& a, const domain::Member& b) {
        const auto key = [](const domain::Member& m) {
            return std::make_tuple(int(m.member.role), m.person.birth_date.empty(), m.person.birth_date, m.person.id);
        };
        return key(a) < key(b);
    });
    std::map<domain::MemberRole, int> per_role, numbered;
    for (const auto& m : members) ++per_role[m.member.role];
    for (const auto& m : members) {
        const domain::MemberRole role = m.member.role;
        std::string label = role_word(role);
        if (per_role[role] > 1 || role == domain::MemberRole::Child) label += " " + std::to_string(++numbered[role]);
        out.person_labels.emplace_back(m.person.id, label);
        const std::string& given = m.person.given_name;
        const std::string& family = m.person.family_name;
        out.entries.push_back({given + " " + family, label});
        out.entries.push_back({family + " " + given, label});
        out.entries.push_back({given, label});
        if (role == domain::MemberRole::Mother && !family.empty()) out.entries.push_back({"Frau " + family, label});
        if (role == domain::MemberRole::Father && !family.empty()) out.entries.push_back({"Herr " + family, label});
        // Each word of a double name alone too ("Anna Lena", "Müller-Lüdenscheidt").
        for (const std::string& w : folded_words(given)) out.entries.push_back({w, label});
    }
    // Family names after every given name: a family name alone stands for the family.
    for (const auto& m : members) {
        out.entries.push_back({m.person.family_name, "Familie"});
        for (const std::string& w : folded_words(m.person.family_name)) out.entries.push_back({w, "Familie"});
    }
    if (auto c = repository.load<domain::Case>(case_id)) {
        out.entries.push_back({c->name, "Familie"});
        for (const std::string& w : folded_words(c->name))
            if (w != "familie" && w != "fam") out.entries.push_back({w, "Familie"});
    }
    // Network contacts: the newest map first, numbered per sector.
    std::map<domain::NetworkSector, int> per_sector;
    for (const domain::NetworkMap& map : repository.network_maps(case_id))
        for (const domain::NetworkContact& nc : map.contacts) {
            if (!out.contact_label(nc.name).empty() || folded_words(nc.name).empty()) continue;
            std::string label = sector_word(nc.sector) + ": Kontakt " + std::to_string(++per_sector[nc.sector]);
            if (const std::string hint = role_hint(nc.name); !hint.empty()) label += " (" + hint + ")";
            out.contact_labels.emplace_back(nc.name, label);
        }
    for (const auto& [name, label] : out.contact_labels) out.entries.push_back({name, label});
    // A contact's name word by word, but for the generic words and those in lower case ("Oma
    // Ilse": "Ilse"; "Kita Sonnenschein": "Sonnenschein"), after every whole name.
    for (const auto& [name, label] : out.contact_labels)
        for (const Word& w : words(name)) {
            const std::string word = name.substr(w.begin, w.end - w.begin);
            if (upper_initial(word) && !generic_words().count(fold(word)) && fold(word).size() >= 2)
                out.entries.push_back({word, label});
        }
    return out;
}

std::string pseudonymise(const std::string& text, const Names& names) {
    std::string s;
    for (char c : text)
        if (c != kOpen && c != kClose) s += c;
    s = pass(s, "E-Mail", email);
    s = pass(s, "ID", hex_id);
    s = pass(s, "Datum", date);
    s = pass(s, "Adresse", address);
    s = pass(s, "Nummer", number);
    s = replace_names(s, patterns(names));
    for (char& c : s) {
        if (c == kOpen) c = '[';
        if (c == kClose) c = ']';
    }
    return s;
}

// ---- cards --------------------------------------------------------------------------------------

const char* to_string(Card::State s) {
    switch (s) {
    case Card::State::Prepared: return "prepared";
    case Card::State::Recommended: return "recommended";
    case Card::State::TakenBack: return "taken_back";
    }
    return "prepared";
}

domain::Result<Card> prepare(const domain::Repository& repository, const std::string& case_id,
                             const std::string& question, const std::string& worker, const std::string& today) {
    auto c = repository.load<domain::Case>(case_id);
    if (!c) return c.failure();
    const auto blank = [](const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; };
    if (blank(question)) return {Error::Invalid, "the question to the team is empty"};
    if (blank(worker)) return {Error::Invalid, "who prepares the card is not named"};
    if (!domain::valid_date(today)) return {Error::Invalid, "not a date: " + today};
    const Names names = names_of(repository, case_id);
    const auto p = [&](const std::string& s) { return pseudonymise(s, names); };
    const auto whose = [&](const std::string& person_id) {
        const std::string l = person_id.empty() ? std::string() : names.person_label(person_id);
        return l.empty() ? std::string("Familie") : l;
    };
    Card card;
    card.pseudonym = case_pseudonym(case_id);
    card.social_space = c->social_space;
    if (auto risk = repository.current_risk(case_id)) card.risk = risk->area;
    card.prepared_on = today;
    card.prepared_by = worker;
    card.question = p(question);
    for (const domain::WillStatement& w : repository.will_statements(case_id))
        card.wills.push_back({whose(w.person_id), p(w.text), p(w.own_contribution), w.is_will()});
    for (const domain::Goal& g : repository.goals(case_id))
        if (g.status == domain::GoalStatus::Open) card.goals.push_back({p(g.text), g.level, g.scale_now, g.scale_target});
    for (const domain::Resource& r : repository.resources(case_id))
        card.resources.push_back({r.area, whose(r.person_id), p(r.text)});
    if (const auto maps = repository.network_maps(case_id); !maps.empty()) {
        card.network_of = whose(maps.front().person_id);
        for (const domain::NetworkContact& nc : maps.front().contacts)
            card.network.push_back({names.contact_label(nc.name), nc.sector, nc.distance, nc.quality, p(nc.note)});
    }
    return card;
}

domain::Result<std::string> save(sync::Store& store, const Card& card) {
    if (!card.id.empty()) return {Error::Invalid, "the card is saved already: " + card.id};
    // A new card as prepare() makes it: the team's fields come later, by add_idea() and recommend().
    if (card.pseudonym.empty() || card.question.find_first_not_of(" \t\r\n") == std::string::npos ||
        !domain::valid_date(card.prepared_on) || card.state != Card::State::Prepared || !card.ideas.empty() ||
        !card.recommendation.empty() || !card.recommendation_items.empty() || !card.taken_back_on.empty())
        return {Error::Invalid, "not a new card as prepare() makes it"};
    if (!is_caseworker(store)) return {Error::Denied, "only a caseworker's device prepares a consultation card"};
    auto scope = team_scope(store);
    if (!scope) return {Error::Denied, scope.detail()};
    if (!*scope) return {Error::Denied, "this device holds no team scope"};
    sync::Writer w(store);
    std::string id;
    for (const auto& [name, value] : stored_fields(card)) {
        if (value.empty()) continue;
        auto r = w.set(kConsultationType, id, name, value, &**scope);
        if (!r) return {Error::Store, r.detail()};
        id = *r;
    }
    if (auto c = store_result(w.commit()); !c) return c.failure();
    return id;
}

Cards load_all(const sync::Store& store) {
    Cards out;
    for (const sync::Record* r : store.list(kConsultationType)) {
        if (auto c = parse_card(store, *r))
            out.cards.push_back(std::move(*c));
        else
            ++out.skipped;
    }
    std::sort(out.cards.begin(), out.cards.end(), [](const Card& a, const Card& b) {
        return a.prepared_on != b.prepared_on ? a.prepared_on < b.prepared_on : a.id < b.id;
    });
    return out;
}

domain::Result<Card> load(const sync::Store& store, const std::string& id) {
    const sync::Record* r = store.get(id);
    if (!r || r->deleted()) return {Error::NotFound, "no such record: " + id};
    if (r->type != kConsultationType) return {Error::WrongType, id + " is a " + r->type + ", not a consultation"};
    if (sync::sharing::scope_kind(store, r->scope) != sync::ScopeKind::Team)
        return {Error::Invalid, "the consultation " + id + " is not in a team scope"};
    auto c = parse_card(store, *r);
    if (!c) return {Error::Invalid, "the consultation " + id + " does not parse"};
    return *c;
}

domain::Result<void> add_idea(sync::Store& store, const std::string& id, const std::string& text, const std::string& by,
                              const std::string& today) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return {Error::Invalid, "the idea is empty"};
    if (!domain::valid_date(today)) return {Error::Invalid, "not a date: " + today};
    auto e = for_edit(store, id);
    if (!e) return e.failure();
    crypto::Id16 rnd = crypto::random_id();
    const std::string field = kIdeaPrefix + crypto::to_hex(crypto::ByteView(rnd.data(), 8));
    sync::Writer w(store);
    if (auto r = w.set(kConsultationType, id, field, json{{"text", text}, {"by", by}, {"at", today}}.dump(), &e->second); !r)
        return {Error::Store, r.detail()};
    return store_result(w.commit());
}

domain::Result<void> recommend(sync::Store& store, const std::string& id, const std::string& text,
                               const std::vector<Card::Item>& items) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return {Error::Invalid, "the recommendation is empty"};
    for (const Card::Item& i : items)
        if (i.who.empty() || i.brings.empty()) return {Error::Invalid, "an item names nobody or nothing: " + i.who + "=" + i.brings};
    auto e = for_edit(store, id);
    if (!e) return e.failure();
    Card& card = e->first;
    if (card.state == Card::State::TakenBack) return {Error::Invalid, "the recommendation was taken back into the case already"};
    card.recommendation = text;
    card.recommendation_items = items;
    card.state = Card::State::Recommended;
    const auto fields = stored_fields(card);
    sync::Writer w(store);
    for (const char* f : {"recommendation", "recommendation_items", "state"})
        if (auto r = w.set(kConsultationType, id, f, fields.at(f), &e->second); !r) return {Error::Store, r.detail()};
    return store_result(w.commit());
}

domain::Result<TakenBack> take_back(domain::Repository& repository, const std::string& id, const std::string& now,
                                    const std::string& worker) {
    if (!domain::valid_time(now)) return {Error::Invalid, "not a time (YYYY-MM-DDTHH:MM): " + now};
    sync::Store& store = repository.store();
    auto e = for_edit(store, id);
    if (!e) return e.failure();
    const Card& card = e->first;
    std::string case_id;
    for (const domain::Case& c : repository.cases())
        if (case_pseudonym(c.id) == card.pseudonym) case_id = c.id;
    if (case_id.empty())
        return {Error::Denied, "this device holds no case " + card.pseudonym + ": only the caseworker's device takes the recommendation back"};
    if (card.state == Card::State::TakenBack) return {Error::Invalid, "the recommendation was taken back already"};
    if (card.state != Card::State::Recommended) return {Error::Invalid, "the team has not recommended anything yet"};

    const std::string today = now.substr(0, 10);
    const std::string german = today.substr(8, 2) + "." + today.substr(5, 2) + "." + today.substr(0, 4);
    const std::string head = "Empfehlung der Kollegialen Beratung vom " + card.prepared_on.substr(8, 2) + "." +
                             card.prepared_on.substr(5, 2) + "." + card.prepared_on.substr(0, 4) + " (" +
                             card.pseudonym + "), übernommen am ";
    std::string body = card.recommendation;
    for (const Card::Item& i : card.recommendation_items) body += "\n– " + i.who + ": " + i.brings;
    if (!card.question.empty()) body += "\nFrage an das Team: " + card.question;
    // A retry after a failure between the two commits below finds the note the first attempt wrote
    // (the same card's header and text): the card is marked, no second note is written.
    std::string note_id;
    for (const domain::Note& n : repository.notes(case_id))
        if (n.text.rfind(head, 0) == 0) {
            const std::size_t nl = n.text.find('\n');
            if (nl != std::string::npos && n.text.substr(nl + 1) == body) note_id = n.id;
        }
    if (note_id.empty()) {
        domain::Note note;
        note.case_id = case_id;
        note.text = head + german + ":\n" + body;
        note.author = worker;
        note.written_at = now;
        note.entrusted = false;
        auto saved = repository.save(note);
        if (!saved) return saved.failure();
        note_id = *saved;
    }
    sync::Writer w(store);
    for (const auto& [f, v] : std::initializer_list<std::pair<const char*, std::string>>{{"state", "taken_back"},
                                                                                          {"taken_back_on", today}})
        if (auto r = w.set(kConsultationType, id, f, v, &e->second); !r) return {Error::Store, r.detail()};
    // Two commits: the note first, so that a failure in between leaves the card recommended, never
    // taken back without its note; the retry finds the note (above) and writes no second one.
    if (auto c = store_result(w.commit()); !c) return c.failure();
    return TakenBack{case_id, note_id};
}

}  // namespace quartier::team
