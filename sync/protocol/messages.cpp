#include "sync/protocol/messages.h"

#include "sync/protocol/wire.h"

namespace quartier::sync::msg {

namespace {

bool lower_hex(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// The field readers: nullopt when the key is missing or not of its kind.
const Json* field(const Json& j, const char* key) {
    if (!j.is_object()) return nullptr;
    auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
}

template <std::size_t N>
std::optional<Fixed<N>> hex_str(std::string_view s) {
    Fixed<N> a{};
    if (s.size() != 2 * N || !lower_hex(s) || !crypto::from_hex(s, a)) return std::nullopt;
    return a;
}

template <std::size_t N>
std::optional<Fixed<N>> hex_of(const Json* v) {
    if (!v || !v->is_string()) return std::nullopt;
    return hex_str<N>(v->get_ref<const std::string&>());
}

template <std::size_t N>
std::optional<Fixed<N>> b64_of(const Json* v) {
    if (!v || !v->is_string()) return std::nullopt;
    return wire::fixed_from_b64<N>(v->get_ref<const std::string&>());
}

std::optional<crypto::Bytes> bytes_of(const Json* v) {
    if (!v || !v->is_string()) return std::nullopt;
    return wire::unb64(v->get_ref<const std::string&>());
}

std::optional<std::string> string_of(const Json* v) {
    if (!v || !v->is_string()) return std::nullopt;
    return v->get<std::string>();
}

std::optional<std::string> name_of(const Json* v) {
    auto s = string_of(v);
    if (!s || s->empty() || s->size() > kMaxNameBytes) return std::nullopt;
    return s;
}

std::optional<std::uint64_t> uint_of(const Json* v) {
    if (!v || !v->is_number_unsigned()) return std::nullopt;
    return v->get<std::uint64_t>();
}

// A list of signed objects, each kept as its JSON text: the codec of its type judges it (an item
// that is no object fails there, and the caller decides whether that refuses the whole message).
std::optional<std::vector<SignedJson>> objects_of(const Json* v) {
    if (!v || !v->is_array()) return std::nullopt;
    std::vector<SignedJson> out;
    out.reserve(v->size());
    for (const auto& item : *v) out.push_back(item.dump());
    return out;
}

Json objects(const std::vector<SignedJson>& list) {
    Json a = Json::array();
    for (const auto& text : list) a.push_back(Json::parse(text, nullptr, false));
    return a;
}

// {"<scope hex>": value, …}
template <class V, class Read>
std::optional<std::map<Id16, V>> by_id(const Json* v, Read read) {
    std::map<Id16, V> out;
    if (!v) return out;  // absent: empty (older servers send fewer maps)
    if (!v->is_object()) return std::nullopt;
    for (const auto& [key, value] : v->items()) {
        auto id = hex_str<16>(key);
        auto val = read(&value);
        if (!id || !val) return std::nullopt;
        out.emplace(*id, *val);
    }
    return out;
}

template <class V, class Write>
Json by_id_json(const std::map<Id16, V>& m, Write write) {
    Json o = Json::object();
    for (const auto& [id, v] : m) o[crypto::to_hex(id)] = write(v);
    return o;
}

template <class T>
Decoded<T> malformed(std::string_view expected) {
    return {DecodeError::Malformed, std::string(expected)};
}

// A message that is one list of signed objects under `key` (Grants, Wraps, ShredRecords).
template <class T>
Decoded<T> signed_list(const Json& j, const char* key, std::string_view expected) {
    auto list = objects_of(field(j, key));
    if (!list) return malformed<T>(expected);
    return T{std::move(*list)};
}

// The array `v`, each item read by `read` (nullopt: the item is malformed); `no_list` or
// `bad_item` says what failed.
template <class Item, class Read>
Decoded<std::vector<Item>> list_of(const Json* v, std::string_view no_list, std::string_view bad_item, Read read) {
    if (!v || !v->is_array()) return malformed<std::vector<Item>>(no_list);
    std::vector<Item> out;
    out.reserve(v->size());
    for (const auto& item : *v) {
        std::optional<Item> x = read(item);
        if (!x) return malformed<std::vector<Item>>(bad_item);
        out.push_back(std::move(*x));
    }
    return out;
}

}  // namespace

Json Info::to_json() const {
    return Json{{"server_id", crypto::to_hex(server_id)}, {"org", org ? Json(crypto::to_hex(*org)) : Json(nullptr)}, {"version", version}};
}
Decoded<Info> Info::from_json(const Json& j) {
    auto id = hex_of<16>(field(j, "server_id"));
    if (!id) return malformed<Info>("server sent no server_id");
    Info m{*id, std::nullopt, uint_of(field(j, "version")).value_or(1)};
    if (const Json* o = field(j, "org"); o && !o->is_null()) {
        auto org = hex_of<16>(o);
        if (!org) return malformed<Info>("org: lower-case hex id expected");
        m.org = *org;
    }
    return m;
}

Json FoundOrg::to_json() const { return Json{{"bootstrap", bootstrap}, {"entries", objects(entries)}}; }
Decoded<FoundOrg> FoundOrg::from_json(const Json& j) {
    auto boot = string_of(field(j, "bootstrap"));
    auto list = objects_of(field(j, "entries"));
    if (!boot || !list) return malformed<FoundOrg>(R"(expected {"bootstrap": string, "entries": [{...}, ...]})");
    return FoundOrg{std::move(*boot), std::move(*list)};
}

Json SeqAnswer::to_json() const { return Json{{"seq", seq}}; }
Decoded<SeqAnswer> SeqAnswer::from_json(const Json& j) {
    auto s = uint_of(field(j, "seq"));
    if (!s) return malformed<SeqAnswer>(R"(expected {"seq": number})");
    return SeqAnswer{*s};
}

Json ChallengeRequest::to_json() const { return Json{{"device", crypto::to_hex(device)}}; }
Decoded<ChallengeRequest> ChallengeRequest::from_json(const Json& j) {
    auto d = hex_of<16>(field(j, "device"));
    if (!d) return malformed<ChallengeRequest>("device: lower-case hex id expected");
    return ChallengeRequest{*d};
}

Json ChallengeAnswer::to_json() const { return Json{{"challenge", wire::b64(challenge)}, {"expires_in", expires_in}}; }
Decoded<ChallengeAnswer> ChallengeAnswer::from_json(const Json& j) {
    auto c = b64_of<32>(field(j, "challenge"));
    if (!c) return malformed<ChallengeAnswer>("bad challenge");
    return ChallengeAnswer{*c, uint_of(field(j, "expires_in")).value_or(0)};
}

Json TokenRequest::to_json() const {
    return Json{{"device", crypto::to_hex(device)}, {"challenge", wire::b64(challenge)}, {"signature", wire::b64(signature)}};
}
Decoded<TokenRequest> TokenRequest::from_json(const Json& j) {
    auto d = hex_of<16>(field(j, "device"));
    auto c = b64_of<32>(field(j, "challenge"));
    auto s = b64_of<64>(field(j, "signature"));
    if (!d || !c || !s) return malformed<TokenRequest>(R"(expected {"device": hex, "challenge": b64, "signature": b64})");
    return TokenRequest{*d, *c, *s};
}

Json TokenAnswer::to_json() const { return Json{{"token", token}, {"expires_in", expires_in}}; }
Decoded<TokenAnswer> TokenAnswer::from_json(const Json& j) {
    auto t = string_of(field(j, "token"));
    if (!t || t->empty()) return malformed<TokenAnswer>("server sent no token");
    return TokenAnswer{std::move(*t), uint_of(field(j, "expires_in")).value_or(0)};
}

Json DirectoryAnswer::to_json() const {
    Json j{{"entries", objects(entries)}};
    if (!revealed.empty()) j["revealed"] = objects(revealed);
    return j;
}
Decoded<DirectoryAnswer> DirectoryAnswer::from_json(const Json& j) {
    auto e = objects_of(field(j, "entries"));
    if (!e) return malformed<DirectoryAnswer>("directory answer has no entries");
    DirectoryAnswer m{std::move(*e), {}};
    if (const Json* r = field(j, "revealed")) {
        auto list = objects_of(r);
        if (!list) return malformed<DirectoryAnswer>("directory answer: revealed is not a list of entries");
        m.revealed = std::move(*list);
    }
    return m;
}

Json DirectoryPost::to_json() const { return Json{{"entry", Json::parse(entry, nullptr, false)}}; }
Decoded<DirectoryPost> DirectoryPost::from_json(const Json& j) {
    const Json* e = field(j, "entry");
    if (!e || !e->is_object()) return malformed<DirectoryPost>(R"(expected {"entry": {...}})");
    return DirectoryPost{e->dump()};
}

Json EnrolOffer::to_json() const { return Json{{"offer", crypto::to_hex(offer)}, {"name", name}, {"expires_in", expires_in}}; }
Decoded<EnrolOffer> EnrolOffer::from_json(const Json& j) {
    EnrolOffer m;
    if (const Json* t = field(j, "expires_in")) {
        auto v = uint_of(t);
        if (!v) return malformed<EnrolOffer>("expires_in: seconds expected");
        m.expires_in = *v;
    }
    auto h = hex_of<32>(field(j, "offer"));
    auto n = name_of(field(j, "name"));
    if (!h || !n) return malformed<EnrolOffer>(R"(expected {"offer": hex, "name": string, "expires_in": seconds})");
    m.offer = *h;
    m.name = std::move(*n);
    return m;
}

Json EnrolRequest::to_json() const {
    return Json{{"secret", wire::b64(secret)}, {"sign_pk", wire::b64(sign_pk)}, {"box_pk", wire::b64(box_pk)}, {"name", name}};
}
Decoded<EnrolRequest> EnrolRequest::from_json(const Json& j) {
    auto secret = b64_of<16>(field(j, "secret"));
    auto sign = b64_of<32>(field(j, "sign_pk"));
    auto box = b64_of<32>(field(j, "box_pk"));
    auto name = name_of(field(j, "name"));
    if (!secret || !sign || !box || !name)
        return malformed<EnrolRequest>(R"(expected {"secret": b64, "sign_pk": b64, "box_pk": b64, "name": string})");
    return EnrolRequest{*secret, *sign, *box, std::move(*name)};
}

Json EnrolRequestAnswer::to_json() const { return Json{{"device", crypto::to_hex(device)}}; }
Decoded<EnrolRequestAnswer> EnrolRequestAnswer::from_json(const Json& j) {
    auto d = hex_of<16>(field(j, "device"));
    if (!d) return malformed<EnrolRequestAnswer>("enrolment answer names no device");
    return EnrolRequestAnswer{*d};
}

Json PendingRequests::to_json() const {
    Json list = Json::array();
    for (const auto& q : requests)
        list.push_back(Json{{"offer", crypto::to_hex(q.offer)}, {"device", crypto::to_hex(q.device)}, {"sign_pk", wire::b64(q.sign_pk)},
                            {"box_pk", wire::b64(q.box_pk)}, {"name", q.name}, {"time", q.time}});
    return Json{{"requests", std::move(list)}};
}
Decoded<PendingRequests> PendingRequests::from_json(const Json& j) {
    auto list = list_of<PendingRequest>(
        field(j, "requests"), "no requests in answer", "a request in the answer is malformed",
        [](const Json& r) -> std::optional<PendingRequest> {
            auto offer = hex_of<32>(field(r, "offer"));
            auto dev = hex_of<16>(field(r, "device"));
            auto sign = b64_of<32>(field(r, "sign_pk"));
            auto box = b64_of<32>(field(r, "box_pk"));
            auto name = string_of(field(r, "name"));
            if (!offer || !dev || !sign || !box || !name) return std::nullopt;
            return PendingRequest{*offer, *dev, *sign, *box, std::move(*name), uint_of(field(r, "time")).value_or(0)};
        });
    if (!list) return list.failure();
    return PendingRequests{std::move(*list)};
}

Json Grants::to_json() const { return Json{{"grants", objects(grants)}}; }
Decoded<Grants> Grants::from_json(const Json& j) { return signed_list<Grants>(j, "grants", R"(expected {"grants": [{...}, ...]})"); }

Json JsonPush::to_json() const {
    Json list = Json::array();
    for (const auto& e : envelopes) list.push_back(wire::b64(e));
    return Json{{"commit", wire::b64(commit)}, {"envelopes", std::move(list)}};
}
Decoded<JsonPush> JsonPush::from_json(const Json& j, std::size_t max_envelopes, std::size_t max_envelope) {
    auto commit = bytes_of(field(j, "commit"));
    const Json* list = field(j, "envelopes");
    if (!commit || !list || !list->is_array()) return malformed<JsonPush>(R"(expected {"commit": b64, "envelopes": [b64, ...]})");
    if (list->empty()) return malformed<JsonPush>("no envelopes");
    if (list->size() > max_envelopes) return {DecodeError::TooLarge, "too many envelopes in one push"};
    JsonPush m{std::move(*commit), {}};
    m.envelopes.reserve(list->size());
    for (const auto& item : *list) {
        if (!item.is_string()) return malformed<JsonPush>("an envelope is not a base64 string");
        const auto& s = item.get_ref<const std::string&>();
        if (s.size() > (max_envelope + 2) / 3 * 4) return {DecodeError::TooLarge, "envelope too large"};
        auto b = wire::unb64(s);
        if (!b) return malformed<JsonPush>("an envelope is not valid base64");
        m.envelopes.push_back(std::move(*b));
    }
    return m;
}

Json PushAnswer::to_json() const {
    auto num = [](std::uint64_t v) { return Json(v); };
    return Json{{"accepted", accepted},
                {"duplicates", duplicates},
                {"seqs", by_id_json(seqs, num)},
                {"new", by_id_json(fresh, num)},
                {"heads", by_id_json(heads, num)},
                {"head_ops", by_id_json(head_ops, [](const Id16& op) { return Json(crypto::to_hex(op)); })},
                {"time", time}};
}
Decoded<PushAnswer> PushAnswer::from_json(const Json& j) {
    PushAnswer m;
    auto acc = uint_of(field(j, "accepted"));
    auto dup = uint_of(field(j, "duplicates"));
    auto seqs = by_id<std::uint64_t>(field(j, "seqs"), uint_of);
    auto fresh = by_id<std::uint64_t>(field(j, "new"), uint_of);
    auto heads = by_id<std::uint64_t>(field(j, "heads"), uint_of);
    auto ops = by_id<Id16>(field(j, "head_ops"), hex_of<16>);
    if (!acc || !dup || !seqs || !fresh || !heads || !ops)
        return malformed<PushAnswer>("push answer lacks its counts, or a map of it is malformed");
    m.accepted = *acc;
    m.duplicates = *dup;
    m.seqs = std::move(*seqs);
    m.fresh = std::move(*fresh);
    m.heads = std::move(*heads);
    m.head_ops = std::move(*ops);
    m.time = uint_of(field(j, "time")).value_or(0);
    return m;
}

Json JsonPull::to_json() const {
    Json list = Json::array();
    for (const auto& it : items)
        list.push_back(Json{{"seq", it.seq}, {"envelope", wire::b64(it.envelope)}, {"commit", crypto::to_hex(it.commit)}});
    Json c = Json::object();
    for (const auto& [id, bytes] : commits) c[crypto::to_hex(id)] = wire::b64(bytes);
    return Json{{"items", std::move(list)}, {"commits", std::move(c)}, {"next", next}, {"more", more}};
}
Decoded<JsonPull> JsonPull::from_json(const Json& j) {
    const Json* list = field(j, "items");
    auto next = uint_of(field(j, "next"));
    if (!list || !list->is_array() || !next) return malformed<JsonPull>("pull answer lacks items or next");
    JsonPull m;
    m.next = *next;
    if (const Json* more = field(j, "more"); more && more->is_boolean()) m.more = more->get<bool>();
    auto commits = by_id<crypto::Bytes>(field(j, "commits"), bytes_of);
    if (!commits) return malformed<JsonPull>("pull answer has a malformed commit");
    m.commits = std::move(*commits);
    m.items.reserve(list->size());
    for (const auto& it : *list) {
        auto env = bytes_of(field(it, "envelope"));
        auto cid = hex_of<16>(field(it, "commit"));
        auto seq = uint_of(field(it, "seq"));
        if (!env || !cid || !seq) return malformed<JsonPull>("pull answer has a malformed item");
        m.items.push_back({*seq, *cid, std::move(*env)});
    }
    return m;
}

Json DeviceSeq::to_json() const { return Json{{"device", crypto::to_hex(device)}, {"last_seq", last_seq}}; }
Decoded<DeviceSeq> DeviceSeq::from_json(const Json& j) {
    auto d = hex_of<16>(field(j, "device"));
    auto s = uint_of(field(j, "last_seq"));
    if (!d || !s) return malformed<DeviceSeq>("devices/seq answer lacks the device or its last_seq");
    return DeviceSeq{*d, *s};
}

Json EscrowIndex::to_json() const {
    Json list = Json::array();
    for (const auto& [scope, epoch] : wraps) list.push_back(Json{{"scope", crypto::to_hex(scope)}, {"epoch", epoch}});
    return Json{{"wraps", std::move(list)}};
}
Decoded<EscrowIndex> EscrowIndex::from_json(const Json& j) {
    using Wrap = std::pair<Id16, std::uint32_t>;
    auto list = list_of<Wrap>(field(j, "wraps"), "escrow answer has no wraps", "escrow answer has a malformed entry",
                              [](const Json& w) -> std::optional<Wrap> {
                                  auto scope = hex_of<16>(field(w, "scope"));
                                  auto epoch = uint_of(field(w, "epoch"));
                                  if (!scope || !epoch || *epoch > UINT32_MAX) return std::nullopt;
                                  return Wrap{*scope, std::uint32_t(*epoch)};
                              });
    if (!list) return list.failure();
    return EscrowIndex{std::move(*list)};
}

Json Wraps::to_json() const { return Json{{"wraps", objects(wraps)}}; }
Decoded<Wraps> Wraps::from_json(const Json& j) { return signed_list<Wraps>(j, "wraps", R"(expected {"wraps": [{...}, ...]})"); }

Json ShredConfirm::to_json() const { return Json{{"confirmation", Json::parse(confirmation, nullptr, false)}}; }
Decoded<ShredConfirm> ShredConfirm::from_json(const Json& j) {
    const Json* c = field(j, "confirmation");
    if (!c || !c->is_object()) return malformed<ShredConfirm>(R"(expected {"confirmation": {...}})");
    return ShredConfirm{c->dump()};
}

Json ShredRecords::to_json() const { return Json{{"records", objects(records)}}; }
Decoded<ShredRecords> ShredRecords::from_json(const Json& j) {
    return signed_list<ShredRecords>(j, "records", "shred records answer has no records");
}

Decoded<Empty> Empty::from_json(const Json&) { return Empty{}; }

Json ErrorBody::to_json() const {
    Json e{{"code", code}, {"message", message}};
    if (entry) e["entry"] = Json::parse(*entry, nullptr, false);
    return Json{{"error", std::move(e)}};
}
Decoded<ErrorBody> ErrorBody::from_json(const Json& j) {
    const Json* e = field(j, "error");
    if (!e || !e->is_object()) return malformed<ErrorBody>("no error object");
    ErrorBody m{string_of(field(*e, "code")).value_or("error"), string_of(field(*e, "message")).value_or(""), std::nullopt};
    if (const Json* entry = field(*e, "entry"); entry && entry->is_object()) m.entry = entry->dump();
    return m;
}

}  // namespace quartier::sync::msg
