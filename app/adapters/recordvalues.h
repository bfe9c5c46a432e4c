// The Qt adapter of the record schema (domain/schema.h): a record's fields as the QVariantMap
// the case page's forms edit ("values" of a section row, CaseDetail.fields), and such a map
// applied back onto a record. Both iterate the schema, so a new field reaches the forms without
// being listed here. Fields of kind Owner (case_id) and fields flagged kNoForm (set by the domain
// or administration) are neither shown to nor taken from a form.
//
// Not stateful. Invariant (CaseController's invariant 2): applying touches only the keys that are
// present; a value that is not of its field's kind (a scale "abc", an unknown identifier)
// becomes an Issue shaped like the domain's own, and the member keeps its value.
#pragma once

#include "domain/schema.h"
#include "domain/validation.h"

#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

#include <type_traits>

namespace quartier::app {

namespace recordvalues_detail {

inline QString qstr(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

template <class M>
QVariant toVariant(const M& v)
{
    if constexpr (std::is_same_v<M, std::string>)
        return qstr(v);
    else if constexpr (std::is_same_v<M, bool> || std::is_same_v<M, int>)
        return v;
    else if constexpr (std::is_enum_v<M>)
        return qstr(domain::to_string(v));
    else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
        QStringList out;
        for (const std::string& s : v)
            out << qstr(s);
        return out;
    } else if constexpr (std::is_same_v<M, std::vector<domain::Barrier>>) {
        QStringList out;
        for (domain::Barrier b : v)
            out << qstr(domain::to_string(b));
        return out;
    } else {  // a list of sub-records (network contacts)
        QVariantList out;
        for (const auto& item : v) {
            QVariantMap m;
            domain::for_each_field<std::decay_t<decltype(item)>>(
                [&](const auto& f) { m.insert(QLatin1String(f.name), toVariant(item.*f.member)); });
            out << m;
        }
        return out;
    }
}

template <class F>
bool onForm(const F& f)
{
    return f.kind != domain::FieldKind::Owner && !f.has(domain::kNoForm);
}

}  // namespace recordvalues_detail

// The fields of `record` a form shows, by their stored names.
template <class T>
QVariantMap recordValues(const T& record)
{
    QVariantMap out;
    domain::for_each_field<T>([&](const auto& f) {
        if (recordvalues_detail::onForm(f))
            out.insert(QLatin1String(f.name), recordvalues_detail::toVariant(record.*f.member));
    });
    return out;
}

// Applies the form's `values` onto `record`: only keys that are present; a value not of the
// field's kind is appended to `issues` instead.
template <class T>
void applyValues(T& record, const QVariantMap& values, domain::Issues& issues)
{
    domain::for_each_field<T>([&](const auto& f) {
        using M = typename std::decay_t<decltype(f)>::Member;
        const QLatin1String key(f.name);
        if (!recordvalues_detail::onForm(f) || !values.contains(key))
            return;
        const QVariant value = values.value(key);
        M& out = record.*f.member;
        if constexpr (std::is_same_v<M, std::string>) {
            out = value.toString().toStdString();
        } else if constexpr (std::is_same_v<M, bool>) {
            out = value.toBool();
        } else if constexpr (std::is_same_v<M, int>) {
            bool ok = false;
            const int n = value.toString().trimmed().toInt(&ok);
            if (ok)
                out = n;
            else
                issues.push_back({f.name, domain::Reason::Malformed, "not a whole number"});
        } else if constexpr (std::is_enum_v<M>) {
            const std::string id = value.toString().toStdString();
            if (auto parsed = domain::parse<M>(id))
                out = *parsed;
            else
                issues.push_back({f.name, id.empty() ? domain::Reason::Required : domain::Reason::UnknownValue, id});
        } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
            out.clear();
            for (const QString& s : value.toStringList())
                out.push_back(s.toStdString());
        }
        // Lists of identifiers or sub-records have no form field: left alone.
    });
}

}  // namespace quartier::app
