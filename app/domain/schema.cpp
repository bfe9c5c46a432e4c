#include "schema.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdint>

namespace quartier::domain {

namespace {

using json = nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::optional<json> array_of(const std::string& s) {
    json j = json::parse(s, nullptr, false);
    if (j.is_discarded() || !j.is_array()) return std::nullopt;
    return j;
}

// A stored JSON array of T ("" is the empty list), each element read by `one(element, item)`;
// false, and `out` untouched, if it is not an array or `one` refuses an element.
template <class T, class One>
bool dec_array(const std::string& s, std::vector<T>& out, One one) {
    if (s.empty()) return out.clear(), true;
    auto j = array_of(s);
    if (!j) return false;
    std::vector<T> v;
    for (const json& e : *j) {
        T item{};
        if (!one(e, item)) return false;
        v.push_back(std::move(item));
    }
    out = std::move(v);
    return true;
}

template <class T>
FieldInfo info_of(const T& f) {
    return FieldInfo{f.name, f.kind, f.flags, f.ref};
}

}  // namespace

std::vector<FieldInfo> fields_of_type(std::string_view type) {
    std::vector<FieldInfo> out;
    with_type(type, [&]<class T>(std::type_identity<T>) { for_each_field<T>([&](const auto& f) { out.push_back(info_of(f)); }); });
    return out;
}

std::optional<FieldInfo> find_field(std::string_view type, std::string_view name) {
    for (const FieldInfo& f : fields_of_type(type))
        if (f.name == name) return f;
    return std::nullopt;
}

// ---- codecs ------------------------------------------------------------------------------------

std::string enc(const std::string& s) { return s; }
std::string enc(bool b) { return b ? "true" : "false"; }
std::string enc(int i) { return std::to_string(i); }
std::string enc(const std::vector<std::string>& v) { return v.empty() ? std::string() : dump(json(v)); }
std::string enc(const std::vector<Barrier>& v) {
    if (v.empty()) return {};
    json j = json::array();
    for (Barrier b : v) j.push_back(std::string(to_string(b)));
    return dump(j);
}
namespace {
// A list item (a network contact, a progress entry) is a JSON object of its schema's fields:
// numbers as numbers, identifiers and text as strings; an optional text field that is empty is
// left out.
template <class Item>
std::string enc_items(const std::vector<Item>& v) {
    if (v.empty()) return {};
    json j = json::array();
    for (const Item& c : v) {
        json o = json::object();
        for_each_field<Item>([&](const auto& f) {
            const auto& value = c.*f.member;
            if constexpr (std::is_same_v<std::decay_t<decltype(value)>, int>)
                o[f.name] = value;
            else if (f.has(kRequired) || f.kind != FieldKind::Text || !enc(value).empty())
                o[f.name] = enc(value);
        });
        j.push_back(std::move(o));
    }
    return dump(j);
}
}  // namespace

std::string enc(const std::vector<NetworkContact>& v) { return enc_items(v); }
std::string enc(const std::vector<ProgressEntry>& v) { return enc_items(v); }

bool dec(const std::string& s, std::string& out) {
    out = s;
    return true;
}
bool dec(const std::string& s, bool& out) {
    if (s.empty()) return true;
    if (s != "true" && s != "false") return false;
    out = s == "true";
    return true;
}
bool dec(const std::string& s, int& out) {
    if (s.empty()) return true;
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return false;
    out = v;
    return true;
}
bool dec(const std::string& s, std::vector<std::string>& out) {
    return dec_array(s, out, [](const json& e, std::string& text) {
        if (!e.is_string()) return false;
        text = e.get<std::string>();
        return true;
    });
}
bool dec(const std::string& s, std::vector<Barrier>& out) {
    return dec_array(s, out, [](const json& e, Barrier& barrier) {
        auto b = e.is_string() ? parse<Barrier>(e.get<std::string>()) : std::nullopt;
        if (b) barrier = *b;
        return b.has_value();
    });
}
namespace {
template <class Item>
bool dec_items(const std::string& s, std::vector<Item>& out) {
    return dec_array(s, out, [](const json& e, Item& c) {
        if (!e.is_object()) return false;
        bool ok = true;
        for_each_field<Item>([&](const auto& f) {
            auto& member = c.*f.member;
            const auto it = e.find(f.name);
            if (it == e.end()) {  // only an optional text may be left out
                ok = ok && !f.has(kRequired) && f.kind == FieldKind::Text;
                return;
            }
            if constexpr (std::is_same_v<std::decay_t<decltype(member)>, int>) {
                if (!it->is_number_integer()) return void(ok = false);
                const auto d = it->template get<std::int64_t>();
                if (d < INT32_MIN || d > INT32_MAX) return void(ok = false);
                member = int(d);
            } else {
                if (!it->is_string()) return void(ok = false);
                const std::string text = it->template get<std::string>();
                if ((text.empty() && f.kind != FieldKind::Text) || !dec(text, member)) ok = false;
            }
        });
        return ok;
    });
}

}  // namespace

bool dec(const std::string& s, std::vector<NetworkContact>& out) { return dec_items(s, out); }
bool dec(const std::string& s, std::vector<ProgressEntry>& out) { return dec_items(s, out); }

}  // namespace quartier::domain
