// Result<T, E>: a value or a typed error, never an exception across a library boundary.
// Each part (crypto, sync, ...) defines its own `enum class Error` with a `to_string` and aliases
// `Result<T>` to `quartier::Result<T, Error>`.
#pragma once

#include <cassert>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace quartier {

template <class E>
struct Failure {
    E error;
    std::string detail;  // human-readable context; never secret material
};

template <class T, class E>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(E error, std::string detail = {}) : m_v(std::in_place_index<1>, Failure<E>{error, std::move(detail)}) {}
    Result(Failure<E> f) : m_v(std::in_place_index<1>, std::move(f)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { assert(ok()); return std::get<0>(m_v); }
    const T& value() const& { assert(ok()); return std::get<0>(m_v); }
    T&& value() && { assert(ok()); return std::get<0>(std::move(m_v)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    E error() const { assert(!ok()); return std::get<1>(m_v).error; }
    const std::string& detail() const { assert(!ok()); return std::get<1>(m_v).detail; }
    Failure<E> failure() const { assert(!ok()); return std::get<1>(m_v); }

private:
    std::variant<T, Failure<E>> m_v;
};

template <class E>
class [[nodiscard]] Result<void, E> {
public:
    Result() = default;
    Result(E error, std::string detail = {}) : m_failure(Failure<E>{error, std::move(detail)}), m_ok(false) {}
    Result(Failure<E> f) : m_failure(std::move(f)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return ok(); }
    E error() const { assert(!ok()); return m_failure.error; }
    const std::string& detail() const { assert(!ok()); return m_failure.detail; }
    Failure<E> failure() const { assert(!ok()); return m_failure; }

private:
    Failure<E> m_failure{};
    bool m_ok = true;
};

}  // namespace quartier
