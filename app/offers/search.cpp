#include "search.h"

#include "normalize.h"

#include <algorithm>

namespace quartier::offers {

namespace {

// German words a person may type for a category's offers (the offers are written in German).
std::string_view category_words(Category c)
{
    switch (c) {
    case Category::Sports: return "Sport Bewegung Verein";
    case Category::FamilyCentre: return "Familienzentrum Familie Eltern";
    case Category::Counselling: return "Beratung";
    case Category::YouthWork: return "Offene Kinder- und Jugendarbeit Jugendtreff Jugendzentrum";
    case Category::Group: return "Gruppe Gruppenangebot";
    case Category::Daycare: return "Kita Kindertagesstätte Krippe Kindergarten";
    case Category::School: return "Schule";
    case Category::Culture: return "Kultur Bildung";
    case Category::Health: return "Gesundheit";
    }
    return {};
}

template <class E>
std::int8_t index_of(const std::optional<E>& v, const std::vector<E>& all)
{
    if (!v)
        return -1;
    return std::int8_t(std::find(all.begin(), all.end(), *v) - all.begin());
}

std::vector<std::string_view> tokens_of(std::string_view folded)
{
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (pos < folded.size()) {
        const std::size_t end = std::min(folded.find(' ', pos), folded.size());
        if (end > pos)
            out.push_back(folded.substr(pos, end - pos));
        pos = end + 1;
    }
    return out;
}

}  // namespace

SearchIndex::SearchIndex(const Catalogue& catalogue)
{
    for (const SocialSpace& s : catalogue.social_spaces())
        m_spaces.push_back(s.id);
    m_entries.reserve(catalogue.services().size());
    std::string text;
    for (const Service& s : catalogue.services()) {
        const Organization* org = catalogue.organization(s.organization);
        const SocialSpace* space = catalogue.resolve_social_space(s.social_space);
        text.clear();
        for (std::string_view part : {std::string_view(s.name), org ? std::string_view(org->name) : std::string_view(),
                                      std::string_view(s.place), std::string_view(s.address), std::string_view(s.times),
                                      std::string_view(s.description), std::string_view(s.languages),
                                      std::string_view(s.inclusion), std::string_view(s.cost_note),
                                      space ? std::string_view(space->name) : std::string_view(),
                                      s.category ? category_words(*s.category) : std::string_view()}) {
            if (part.empty())
                continue;
            text += part;
            text += " | ";  // folds to a space: tokens never run across two fields
        }
        Entry e;
        const std::string folded = fold_for_index(text);
        e.offset = std::uint32_t(m_text.size());
        e.length = std::uint32_t(folded.size());
        m_text += folded;
        e.age_min = s.age_min ? std::int16_t(*s.age_min) : std::int16_t(-1);
        e.age_max = s.age_max ? std::int16_t(*s.age_max) : std::int16_t(-1);
        e.category = index_of(s.category, all_categories());
        e.access = index_of(s.access, all_accesses());
        e.cost = index_of(s.cost, all_costs());
        if (space)
            e.space = std::uint16_t(std::find(m_spaces.begin(), m_spaces.end(), space->id) - m_spaces.begin() + 1);
        m_entries.push_back(e);
    }
    CacheEntry all;
    all.matches.resize(m_entries.size());
    for (std::uint32_t i = 0; i < all.matches.size(); ++i)
        all.matches[i] = i;
    m_cache.push_back(std::move(all));
}

bool SearchIndex::matches(const Entry& e, const std::vector<std::string_view>& tokens) const
{
    const std::string_view hay(m_text.data() + e.offset, e.length);
    return std::all_of(tokens.begin(), tokens.end(), [&](std::string_view t) { return hay.find(t) != std::string_view::npos; });
}

const std::vector<std::uint32_t>& SearchIndex::text_matches(const std::string& folded)
{
    if (m_cache.empty())  // a default-constructed index: nothing to search
        m_cache.push_back({});
    // Back to the longest cached query that the new one extends (the bottom, "", always does).
    while (m_cache.size() > 1 && folded.compare(0, m_cache.back().query.size(), m_cache.back().query) != 0)
        m_cache.pop_back();
    const CacheEntry& base = m_cache.back();
    if (base.query == folded) {
        m_last_path = Path::Cached;
        m_last_scanned = 0;
        return base.matches;
    }
    const std::vector<std::string_view> tokens = tokens_of(folded);
    CacheEntry next;
    next.query = folded;
    next.matches.reserve(base.matches.size());
    for (std::uint32_t i : base.matches)
        if (matches(m_entries[i], tokens))
            next.matches.push_back(i);
    m_last_path = m_cache.size() > 1 ? Path::Narrowed : Path::Full;
    m_last_scanned = base.matches.size();
    m_cache.push_back(std::move(next));
    return m_cache.back().matches;
}

bool SearchIndex::passes(std::uint32_t position, const Filter& f) const
{
    const Entry& e = m_entries[position];
    if (f.category && e.category != index_of(f.category, all_categories()))
        return false;
    if (f.access && e.access != index_of(f.access, all_accesses()))
        return false;
    if (f.max_cost && (e.cost < 0 || e.cost > index_of(f.max_cost, all_costs())))
        return false;
    if (!f.social_space.empty() && (e.space == 0 || m_spaces[e.space - 1u] != f.social_space))
        return false;
    if (f.age_from && e.age_max >= 0 && e.age_max < *f.age_from)
        return false;
    if (f.age_to && e.age_min >= 0 && e.age_min > *f.age_to)
        return false;
    return true;
}

const std::vector<std::uint32_t>& SearchIndex::search(std::string_view query, const Filter& filter)
{
    const std::vector<std::uint32_t>& text = text_matches(fold(query));
    m_results.clear();
    if (filter.empty()) {
        m_results = text;
        return m_results;
    }
    // The filter's constants once, not per offer.
    const std::int8_t category = index_of(filter.category, all_categories());
    const std::int8_t access = index_of(filter.access, all_accesses());
    const std::int8_t max_cost = index_of(filter.max_cost, all_costs());
    std::uint16_t space = 0;
    if (!filter.social_space.empty()) {
        const auto it = std::find(m_spaces.begin(), m_spaces.end(), filter.social_space);
        if (it == m_spaces.end())
            return m_results;  // an unknown space has no offers
        space = std::uint16_t(it - m_spaces.begin() + 1);
    }
    for (std::uint32_t i : text) {
        const Entry& e = m_entries[i];
        if ((category >= 0 && e.category != category) || (access >= 0 && e.access != access) ||
            (max_cost >= 0 && (e.cost < 0 || e.cost > max_cost)) || (space && e.space != space) ||
            (filter.age_from && e.age_max >= 0 && e.age_max < *filter.age_from) ||
            (filter.age_to && e.age_min >= 0 && e.age_min > *filter.age_to))
            continue;
        m_results.push_back(i);
    }
    return m_results;
}

}  // namespace quartier::offers
