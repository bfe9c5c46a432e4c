#include "types.h"

#include <array>

namespace quartier::domain {

namespace {

// The stored identifier of each enumerator, in declaration order (docs/domain.md).
template <class E>
struct Names;

template <>
struct Names<CaseStatus> {
    static constexpr std::array<std::string_view, 5> v{"new", "active", "clarification", "closed", "transferred"};
};
template <>
struct Names<MemberRole> {
    static constexpr std::array<std::string_view, 12> v{"mother", "father", "parent", "step_parent", "foster_parent", "guardian", "child", "sibling", "grandparent", "partner", "relative", "other"};
};
template <>
struct Names<ContactKind> {
    static constexpr std::array<std::string_view, 6> v{"home_visit", "office_visit", "phone", "video", "outreach", "other"};
};
template <>
struct Names<ContactStatus> {
    static constexpr std::array<std::string_view, 2> v{"draft", "final"};
};
template <>
struct Names<ChildSeen> {
    static constexpr std::array<std::string_view, 4> v{"unknown", "yes", "no", "not_applicable"};
};
template <>
struct Names<GoalLevel> {
    static constexpr std::array<std::string_view, 2> v{"direction", "action"};
};
template <>
struct Names<GoalStatus> {
    static constexpr std::array<std::string_view, 3> v{"open", "reached", "dropped"};
};
template <>
struct Names<StepStatus> {
    static constexpr std::array<std::string_view, 3> v{"open", "done", "dropped"};
};
template <>
struct Names<ResourceArea> {
    static constexpr std::array<std::string_view, 4> v{"personal", "social", "material", "infrastructure"};
};
template <>
struct Names<NetworkSector> {
    static constexpr std::array<std::string_view, 4> v{"family", "friends_neighbours", "school_work_clubs", "professionals"};
};
template <>
struct Names<ContactQuality> {
    static constexpr std::array<std::string_view, 3> v{"supportive", "ambivalent", "stressful"};
};
template <>
struct Names<FeedbackStatus> {
    static constexpr std::array<std::string_view, 5> v{"known", "used", "used_before", "unknown", "missing_wanted"};
};
template <>
struct Names<Barrier> {
    static constexpr std::array<std::string_view, 9> v{"cost", "distance", "times", "language", "no_information", "stigma", "childcare", "waiting_time", "age_limit"};
};
template <>
struct Names<RiskArea> {
    static constexpr std::array<std::string_view, 3> v{"service", "grey", "danger"};
};
template <>
struct Names<MandateKind> {
    static constexpr std::array<std::string_view, 3> v{"family", "clarification", "change"};
};
template <>
struct Names<MandateStatus> {
    static constexpr std::array<std::string_view, 3> v{"open", "done", "cancelled"};
};
template <>
struct Names<RequirementStatus> {
    static constexpr std::array<std::string_view, 4> v{"open", "met", "missed", "lifted"};
};

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

std::string_view to_string(CaseStatus v) { return name_of(v); }
template std::optional<CaseStatus> parse<CaseStatus>(std::string_view);
template const std::vector<CaseStatus>& all_values<CaseStatus>();
std::string_view to_string(MemberRole v) { return name_of(v); }
template std::optional<MemberRole> parse<MemberRole>(std::string_view);
template const std::vector<MemberRole>& all_values<MemberRole>();
std::string_view to_string(ContactKind v) { return name_of(v); }
template std::optional<ContactKind> parse<ContactKind>(std::string_view);
template const std::vector<ContactKind>& all_values<ContactKind>();
std::string_view to_string(ContactStatus v) { return name_of(v); }
template std::optional<ContactStatus> parse<ContactStatus>(std::string_view);
template const std::vector<ContactStatus>& all_values<ContactStatus>();
std::string_view to_string(ChildSeen v) { return name_of(v); }
template std::optional<ChildSeen> parse<ChildSeen>(std::string_view);
template const std::vector<ChildSeen>& all_values<ChildSeen>();
std::string_view to_string(GoalLevel v) { return name_of(v); }
template std::optional<GoalLevel> parse<GoalLevel>(std::string_view);
template const std::vector<GoalLevel>& all_values<GoalLevel>();
std::string_view to_string(GoalStatus v) { return name_of(v); }
template std::optional<GoalStatus> parse<GoalStatus>(std::string_view);
template const std::vector<GoalStatus>& all_values<GoalStatus>();
std::string_view to_string(StepStatus v) { return name_of(v); }
template std::optional<StepStatus> parse<StepStatus>(std::string_view);
template const std::vector<StepStatus>& all_values<StepStatus>();
std::string_view to_string(ResourceArea v) { return name_of(v); }
template std::optional<ResourceArea> parse<ResourceArea>(std::string_view);
template const std::vector<ResourceArea>& all_values<ResourceArea>();
std::string_view to_string(NetworkSector v) { return name_of(v); }
template std::optional<NetworkSector> parse<NetworkSector>(std::string_view);
template const std::vector<NetworkSector>& all_values<NetworkSector>();
std::string_view to_string(ContactQuality v) { return name_of(v); }
template std::optional<ContactQuality> parse<ContactQuality>(std::string_view);
template const std::vector<ContactQuality>& all_values<ContactQuality>();
std::string_view to_string(FeedbackStatus v) { return name_of(v); }
template std::optional<FeedbackStatus> parse<FeedbackStatus>(std::string_view);
template const std::vector<FeedbackStatus>& all_values<FeedbackStatus>();
std::string_view to_string(Barrier v) { return name_of(v); }
template std::optional<Barrier> parse<Barrier>(std::string_view);
template const std::vector<Barrier>& all_values<Barrier>();
std::string_view to_string(RiskArea v) { return name_of(v); }
template std::optional<RiskArea> parse<RiskArea>(std::string_view);
template const std::vector<RiskArea>& all_values<RiskArea>();
std::string_view to_string(MandateKind v) { return name_of(v); }
template std::optional<MandateKind> parse<MandateKind>(std::string_view);
template const std::vector<MandateKind>& all_values<MandateKind>();
std::string_view to_string(MandateStatus v) { return name_of(v); }
template std::optional<MandateStatus> parse<MandateStatus>(std::string_view);
template const std::vector<MandateStatus>& all_values<MandateStatus>();
std::string_view to_string(RequirementStatus v) { return name_of(v); }
template std::optional<RequirementStatus> parse<RequirementStatus>(std::string_view);
template const std::vector<RequirementStatus>& all_values<RequirementStatus>();

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
