// Text folding for the offer search: what a person types on a tablet keyboard must find what a
// colleague wrote, whatever the case, umlauts, ß or hyphens. "Fußball" and "fussball" fold alike;
// "für" folds to "fur", and a text with umlauts is also indexed in its transcribed form ("fuer"),
// so both ways of typing an umlaut find it.
#pragma once

#include <string>
#include <string_view>

namespace quartier::offers {

enum class Umlauts {
    Base,         // ä → a, ö → o, ü → u (queries and the first form of every text)
    Transcribed,  // ä → ae, ö → oe, ü → ue (the second form of a text that has umlauts)
};

// Lower case (ASCII and Latin-1 letters), accents and umlauts folded, ß/ẞ → ss, æ → ae, œ → oe;
// hyphens, apostrophes and dots dropped ("Eltern-Kind-Gruppe" → "elternkindgruppe", "e.V." →
// "ev"); other punctuation and white space become one space; no space at either end. Other
// UTF-8 passes through unchanged (it still matches itself); invalid UTF-8 bytes are dropped.
std::string fold(std::string_view text, Umlauts umlauts = Umlauts::Base);

// What the index searches for one text: its Base form, and, if that differs, a newline and the
// Transcribed form. A query folded with fold() matches it by substring.
std::string fold_for_index(std::string_view text);

}  // namespace quartier::offers
