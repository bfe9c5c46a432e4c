// Drafts of records that left the store: a form draft ("form_draft:<case id>") or a home visit's
// held state ("visit_draft:<visit id>") is a sealed store setting named after its record. When a
// purge takes the record (the case closed or transferred for this device, a scope shredded:
// docs/retention.md), nothing of it may stay on the tablet, so the drafts named after it go too.
// Not stateful: one function of a store.
#pragma once

#include "sync/store/store.h"

#include <string>
#include <string_view>

namespace quartier::app {

// Deletes every setting named `prefix` + id whose id is no live record of the store, except the
// place `keep` (the new-case form's, which names no record). Returns how many went; a setting the
// store cannot delete now (a full disk) stays for the next call.
inline int forgetDraftsOfGoneRecords(sync::Store& store, std::string_view prefix, std::string_view keep = {})
{
    int gone = 0;
    for (const std::string& name : store.setting_names(prefix)) {
        const std::string id = name.substr(prefix.size());
        if (id == keep)
            continue;
        const sync::Record* record = store.get(id);
        if (record && !record->deleted())
            continue;
        if (store.set_setting(name, std::string()))
            ++gone;
    }
    return gone;
}

}  // namespace quartier::app
