// Property setters of the app's QObjects: assign() stores a new value and says whether it changed,
// so a setter is `if (assign(m_state, state)) emit stateChanged();` and a notify signal is emitted
// only for a real change (QML bindings re-evaluate on every emit).
#pragma once

#include <utility>

namespace quartier::app {

// Sets `member` to `value` unless they are equal; true if it changed.
template <class T, class U>
bool assign(T& member, U&& value)
{
    if (member == value)
        return false;
    member = std::forward<U>(value);
    return true;
}

}  // namespace quartier::app
