// The offer search (docs/offers.md, "Search"): every offer of a Catalogue, searchable as you type
// and filtered by category, social space, access, cost and age.
//
// Terms
//   haystack   an offer's searchable text, folded (normalize.h): name, provider, place, address,
//              times, description, languages, inclusion notes, cost note, social space, and the
//              German words of its category
//   query      folded and split at spaces into tokens; an offer matches if every token occurs in
//              its haystack (substring, so "fuss" finds "Fußballverein")
//   text cache a stack of (query, matching offers): each entry's query extends the one below it
//
// Incremental narrowing: if query q' starts with q, every offer matching q' matches q (q's tokens
// are tokens of q', except its last, which is a prefix of one of q''s), so q' is searched among
// q's matches only. Typing one more character scans only what still matched; a deletion pops the
// stack back to a query already answered, without scanning.
//
// Invariants
//   1. results() are positions into the Catalogue's services(), ascending (its order: by name).
//   2. The text cache's bottom entry is the empty query (all offers); each entry's matches are a
//      subset of the entry below, and its query starts with that entry's query.
//   3. The index copies what it needs: the Catalogue may change or go after construction.
#pragma once

#include "offers.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quartier::offers {

struct Filter {
    std::optional<Category> category;
    std::string social_space;          // social_space id; "" = every space
    std::optional<Access> access;
    std::optional<Cost> max_cost;      // Free: free only; Low: free or low; unset: any
    std::optional<int> age_from;       // the offer's age range must overlap [age_from, age_to];
    std::optional<int> age_to;         // an offer without limits fits every age
    bool operator==(const Filter&) const = default;
    bool empty() const { return *this == Filter{}; }
};

class SearchIndex {
public:
    SearchIndex() = default;
    explicit SearchIndex(const Catalogue& catalogue);

    std::size_t size() const { return m_entries.size(); }

    // Sets the query and filter and returns the matching offers (invariant 1).
    const std::vector<std::uint32_t>& search(std::string_view query, const Filter& filter);
    const std::vector<std::uint32_t>& results() const { return m_results; }

    // How the last search() found its text matches, for tests and the benchmark.
    enum class Path { Cached, Narrowed, Full };
    Path last_path() const { return m_last_path; }
    std::size_t last_scanned() const { return m_last_scanned; }

    // Whether one offer passes `filter` (ignoring the query).
    bool passes(std::uint32_t position, const Filter& filter) const;

private:
    struct Entry {
        std::uint32_t offset = 0;  // haystack in m_text
        std::uint32_t length = 0;
        std::int16_t age_min = -1, age_max = -1;
        std::int8_t category = -1, access = -1, cost = -1;
        std::uint16_t space = 0;   // index into m_spaces + 1; 0: none
    };
    struct CacheEntry {
        std::string query;
        std::vector<std::uint32_t> matches;
    };
    bool matches(const Entry& e, const std::vector<std::string_view>& tokens) const;
    const std::vector<std::uint32_t>& text_matches(const std::string& folded);

    std::vector<Entry> m_entries;
    std::string m_text;
    std::vector<std::string> m_spaces;  // social space ids
    std::vector<CacheEntry> m_cache;    // invariant 2
    std::vector<std::uint32_t> m_results;
    Path m_last_path = Path::Full;
    std::size_t m_last_scanned = 0;
};

}  // namespace quartier::offers
