#include "sync/store/record.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace quartier::sync {

std::size_t Id16Hasher::operator()(const crypto::Id16& id) const noexcept {
    std::size_t v;
    std::memcpy(&v, id.data(), sizeof v);  // ids are random or hashes: already well mixed
    return v;
}

namespace {
bool name_less(const FieldMap::value_type& f, std::string_view name) { return f.first < name; }
}  // namespace

FieldMap::iterator FieldMap::find(std::string_view name) {
    auto it = std::lower_bound(m_items.begin(), m_items.end(), name, name_less);
    return it != m_items.end() && it->first == name ? it : m_items.end();
}

FieldMap::const_iterator FieldMap::find(std::string_view name) const {
    auto it = std::lower_bound(m_items.begin(), m_items.end(), name, name_less);
    return it != m_items.end() && it->first == name ? it : m_items.end();
}

const FieldState& FieldMap::at(std::string_view name) const {
    auto it = find(name);
    if (it == end()) throw std::out_of_range("FieldMap::at: no field '" + std::string(name) + "'");
    return it->second;
}

FieldState& FieldMap::operator[](std::string_view name) {
    auto it = std::lower_bound(m_items.begin(), m_items.end(), name, name_less);
    if (it == m_items.end() || it->first != name) it = m_items.insert(it, value_type(std::string(name), FieldState{}));
    return it->second;
}

namespace {
// Display order: highest HLC first, then highest author id, then highest op id.
bool before(const FieldVersion& a, const FieldVersion& b) {
    if (a.hlc != b.hlc) return a.hlc > b.hlc;
    if (a.author != b.author) return a.author > b.author;
    return a.op > b.op;
}

template <class Versions>
bool has(const Versions& v, const OpId& op) {
    return std::any_of(v.begin(), v.end(), [&](const FieldVersion& h) { return h.op == op; });
}

template <class Versions>
void drop(Versions& v, const OpId& op) {
    v.erase(std::remove_if(v.begin(), v.end(), [&](const FieldVersion& h) { return h.op == op; }), v.end());
}

template <class Versions>
void insert_sorted(Versions& v, FieldVersion fv) {
    v.insert(std::upper_bound(v.begin(), v.end(), fv, before), std::move(fv));
}
}  // namespace

bool Record::conflicted() const {
    if (delete_conflict()) return true;
    return std::any_of(fields.begin(), fields.end(), [](const auto& f) { return f.second.conflicted(); });
}

std::optional<std::string> Record::value(const std::string& field) const {
    auto it = fields.find(field);
    if (it == fields.end()) return std::nullopt;
    return it->second.winner().value;
}

std::vector<OpId> Record::all_heads() const {
    std::vector<OpId> out;
    for (const auto& [name, f] : fields)
        for (const auto& h : f.heads) out.push_back(h.op);
    for (const auto& d : deletes) out.push_back(d.op);
    return out;
}

bool Record::apply(const OpMeta& meta, OpPayload op) {
    for (const auto& [name, f] : fields)
        if (has(f.heads, meta.op)) return false;
    if (has(deletes, meta.op)) return false;

    ++op_count;
    if (meta.hlc < origin_hlc || (meta.hlc == origin_hlc && meta.op < origin_op)) {
        origin_hlc = meta.hlc;
        origin_op = meta.op;
        type = std::move(op.type);  // op is ours (by value) and its type is not read again
    }
    // The scope is part of the record's identity (docs/threat-model.md, "Records bound to their
    // scope"): fixed by the first op folded in, and the store folds only ops of that scope into it.
    if (id.empty()) {
        id = std::move(op.record_id);
        scope = meta.scope;
    }

    // Parents stop being heads wherever they are (a delete's parents span fields).
    for (const OpId& p : op.parents) {
        if (!superseded.insert(p).second) continue;
        for (auto it = fields.begin(); it != fields.end();) {
            drop(it->second.heads, p);
            it = it->second.heads.empty() ? fields.erase(it) : std::next(it);
        }
        drop(deletes, p);
    }
    // An op some other op already named as parent arrived late: it is history, not a head.
    if (superseded.count(meta.op)) return true;

    FieldVersion fv{meta.op, meta.hlc, meta.author, op.kind == OpKind::Delete ? std::string() : std::move(op.value)};
    if (op.kind == OpKind::Delete)
        insert_sorted(deletes, std::move(fv));
    else
        insert_sorted(fields[op.field].heads, std::move(fv));
    return true;
}

}  // namespace quartier::sync
