#include "types.h"

#include <array>

namespace quartier::domain {

// Every enum of types.h with the stored identifier of each enumerator, in declaration order
// (docs/domain.md): the one table Names<E>, to_string, parse and all_values read.
#define QUARTIER_DOMAIN_ENUMS(X) \
    X(CaseStatus, "new", "active", "clarification", "closed", "transferred") \
    X(MemberRole, "mother", "father", "parent", "step_parent", "foster_parent", "guardian", "child", "sibling", "grandparent", "partner", "relative", "other") \
    X(ContactKind, "home_visit", "office_visit", "phone", "video", "outreach", "other") \
    X(ContactStatus, "draft", "final") \
    X(ChildSeen, "unknown", "yes", "no", "not_applicable") \
    X(GoalLevel, "direction", "action") \
    X(GoalStatus, "open", "reached", "dropped") \
    X(StepStatus, "open", "done", "dropped") \
    X(ResourceArea, "personal", "social", "material", "infrastructure") \
    X(NetworkSector, "family", "friends_neighbours", "school_work_clubs", "professionals") \
    X(ContactQuality, "supportive", "ambivalent", "stressful") \
    X(FeedbackStatus, "known", "used", "used_before", "unknown", "missing_wanted") \
    X(Barrier, "cost", "distance", "times", "language", "no_information", "stigma", "childcare", "waiting_time", "age_limit") \
    X(HowCategory, "", "closer", "other_times", "cheaper", "own_language", "more_information", "childcare", "shorter_wait", "other_age_group", "trusted_person", "other") \
    X(RiskArea, "service", "grey", "danger") \
    X(MandateKind, "family", "clarification", "change") \
    X(MandateStatus, "open", "done", "cancelled") \
    X(RequirementStatus, "open", "met", "missed", "lifted")

namespace {

// The stored identifiers of E, from QUARTIER_DOMAIN_ENUMS.
template <class E>
struct Names;

#define QUARTIER_NAMES(E, ...)                                                         \
    template <>                                                                        \
    struct Names<E> {                                                                  \
        static constexpr auto v = std::to_array<std::string_view>({__VA_ARGS__});      \
    };
QUARTIER_DOMAIN_ENUMS(QUARTIER_NAMES)
#undef QUARTIER_NAMES

template <class E>
std::string_view name_of(E e) {
    const auto i = static_cast<std::size_t>(e);
    return i < Names<E>::v.size() ? Names<E>::v[i] : std::string_view();
}

}  // namespace

template <class E>
std::optional<E> parse(std::string_view s) {
    for (std::size_t i = 0; i < Names<E>::v.size(); ++i)
        if (Names<E>::v[i] == s) return static_cast<E>(i);
    return std::nullopt;
}

template <class E>
const std::vector<E>& all_values() {
    static const std::vector<E> values = [] {
        std::vector<E> v;
        for (std::size_t i = 0; i < Names<E>::v.size(); ++i) v.push_back(static_cast<E>(i));
        return v;
    }();
    return values;
}

#define QUARTIER_ENUM_API(E, ...)                                                      \
    std::string_view to_string(E v) { return name_of(v); }                             \
    template std::optional<E> parse<E>(std::string_view);                              \
    template const std::vector<E>& all_values<E>();
QUARTIER_DOMAIN_ENUMS(QUARTIER_ENUM_API)
#undef QUARTIER_ENUM_API
#undef QUARTIER_DOMAIN_ENUMS

const std::vector<std::string>& sgb8_paragraphs() {
    // Helps and provisions that count as a case's measure: support of families (§§16-21), help
    // for upbringing (§27, §§28-35), integration help (§35a), young adults (§41), taking into
    // care (§42, §42a). Stored without "§".
    static const std::vector<std::string> v{"13", "16", "17", "18", "19", "20", "21", "27", "28", "29", "30",
                                            "31", "32", "33", "34", "35", "35a", "41", "42", "42a"};
    return v;
}

namespace {
bool filled(const std::string& s) { return s.find_first_not_of(" \t\r\n") != std::string::npos; }
}  // namespace

std::string Person::display_name() const {
    if (given_name.empty()) return family_name;
    if (family_name.empty()) return given_name;
    return given_name + " " + family_name;
}

bool WillStatement::is_will() const { return filled(own_contribution); }

}  // namespace quartier::domain
