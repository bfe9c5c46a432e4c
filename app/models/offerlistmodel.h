// The offer map's list (Ressourcenkarte, docs/offers.md): every offer of the unlocked store,
// searched as you type and filtered by category, social space, age, cost and access; plus what
// the detail pane and the schematic social-space view show (one offer's details, the spaces
// with their offer and missing/wanted counts).
//
// States
//   Empty   (no store: locked)   --setStore(store)--> Loaded   the catalogue read, the index built
//   Loaded  --setStore(nullptr)--> Empty                        rows, catalogue and index dropped
//   Loaded  --refresh()---------> Loaded                        re-read (after a save or a sync)
//   Loaded  --search text / filter set--> Loaded                rows from the index, store untouched
//
// Invariants
//   1. The store is read only in setStore()/refresh() and never while it is busy (lent to a store
//      job, see SessionController): a refresh asked for meanwhile runs on setStoreBusy(false).
//   2. Typing never touches the store: rows come from the in-memory SearchIndex (docs/architecture.md §6:
//      search indexes live in memory, built after unlock), narrowed incrementally as the text grows.
//   3. The rows are positions into the catalogue's offers in its order (by name); a search or
//      filter change is one model reset.
#pragma once

#include "adapters/qtprop.h"
#include "models/storelistmodel.h"
#include "offers/offers.h"
#include "offers/search.h"

#include <QDate>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <vector>

namespace quartier::sync {
class Store;
}

namespace quartier::app {

// List model of offers for the offer map page; QML sees it as the singleton Offers.
class OfferListModel : public StoreListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by main.cpp; QML uses the Offers singleton.")
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    Q_PROPERTY(QString category READ category WRITE setCategory NOTIFY filterChanged)
    Q_PROPERTY(QString socialSpace READ socialSpace WRITE setSocialSpace NOTIFY filterChanged)
    Q_PROPERTY(QString access READ access WRITE setAccess NOTIFY filterChanged)
    Q_PROPERTY(bool freeOnly READ freeOnly WRITE setFreeOnly NOTIFY filterChanged)
    Q_PROPERTY(int ageFrom READ ageFrom WRITE setAgeFrom NOTIFY filterChanged)
    Q_PROPERTY(int ageTo READ ageTo WRITE setAgeTo NOTIFY filterChanged)
    Q_PROPERTY(bool filtering READ filtering NOTIFY filterChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)
    Q_PROPERTY(QVariantList categories READ categories CONSTANT)
    Q_PROPERTY(QVariantList accesses READ accesses CONSTANT)
    Q_PROPERTY(QVariantList costs READ costs CONSTANT)
    Q_PROPERTY(QVariantList ageBands READ ageBands CONSTANT)
    Q_PROPERTY(QVariantList socialSpaces READ socialSpaces NOTIFY catalogueChanged)
    Q_PROPERTY(QVariantList organizations READ organizations NOTIFY catalogueChanged)
    Q_PROPERTY(int missingTotal READ missingTotal NOTIFY catalogueChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        ProviderRole,
        CategoryRole,
        CategoryLabelRole,
        SocialSpaceNameRole,
        PlaceRole,
        TimesRole,
        AgeLabelRole,
        CostRole,
        CostLabelRole,
        AccessRole,
        AccessLabelRole,
        LastVerifiedRole,  // ISO date or ""
        StaleRole,         // never verified, or more than a year ago
        ConflictedRole,
    };
    Q_ENUM(Role)

    // An offer not verified for longer than this is marked for checking.
    static constexpr int kStaleDays = 365;

    explicit OfferListModel(QObject* parent = nullptr);

    // `store` may be null (locked); it must stay valid until the next setStore().
    void setStore(const sync::Store* store);
    // Today's date (injectable for tests): decides which offers are stale.
    void setToday(std::function<QDate()> today);
    QDate today() const { return m_today(); }

    const offers::Catalogue& catalogue() const { return m_catalogue; }

    QString searchText() const { return m_searchText; }
    void setSearchText(const QString& text);
    QString category() const { return m_category; }
    void setCategory(const QString& id);
    QString socialSpace() const { return m_socialSpace; }
    void setSocialSpace(const QString& id);
    QString access() const { return m_access; }
    void setAccess(const QString& id);
    bool freeOnly() const { return m_freeOnly; }
    void setFreeOnly(bool on);
    int ageFrom() const { return m_ageFrom; }
    void setAgeFrom(int age);  // -1: open
    int ageTo() const { return m_ageTo; }
    void setAgeTo(int age);    // -1: open
    bool filtering() const;
    Q_INVOKABLE void clearFilters();

    int count() const override { return int(m_rows.size()); }
    int totalCount() const override { return int(m_catalogue.services().size()); }

    // [{id, label}] in display order.
    QVariantList categories() const;
    QVariantList accesses() const;
    QVariantList costs() const;
    // [{from, to, label}]: the age chips.
    QVariantList ageBands() const;
    // [{id, name, region, outline: [{x, y}], offers, missing, missingByCategory: [{category, label, count}]}]
    QVariantList socialSpaces() const { return m_spaces; }
    // [{id, name, kindLabel}] by name.
    QVariantList organizations() const { return m_organizations; }
    int missingTotal() const;

    // Everything the detail pane shows of one offer (empty map if unknown): the stored values
    // under their field names, the provider and labels.
    Q_INVOKABLE QVariantMap offer(const QString& id) const;
    Q_INVOKABLE int rowOf(const QString& id) const;
    // The Sozialraum choices of a case form ([{value, label}], both the space's name, in the
    // catalogue's order): the social spaces of the offer map, so that a case names one of them and
    // a typo can neither hide the family's offers in the visit nor split the counts of a report.
    // `current` (the case's stored value) is kept as a choice of its own when it names no space
    // of the map, so that editing a case never changes its space unasked. Empty while the device
    // knows no offer map: the form then takes the space as typed text.
    Q_INVOKABLE QVariantList socialSpaceChoices(const QString& current = {}) const;

    static QString categoryLabel(const QString& id);
    static QString accessLabel(const QString& id);
    static QString costLabel(const QString& id);
    static QString orgKindLabel(const QString& id);
    static QString ageLabel(const std::optional<int>& min, const std::optional<int>& max);
    QString verifiedLabel(const QString& iso) const;
    bool stale(const QString& iso) const;


signals:
    void searchTextChanged();
    void filterChanged();
    void catalogueChanged();

private:
    bool hasStore() const override { return m_store != nullptr; }
    void reread() override;
    offers::Filter filter() const;
    void reset(bool readStore);
    // A filter value set: filterChanged and a reset from the rows already read, if it changed.
    template <class T, class U>
    void setFilterValue(T& member, U&& value)
    {
        if (assign(member, std::forward<U>(value)))
            refilter();
    }
    void refilter();
    QVariantList buildSocialSpaces() const;
    QVariantList buildOrganizations() const;

    const sync::Store* m_store = nullptr;
    std::function<QDate()> m_today;
    QString m_searchText;
    QString m_category;
    QString m_socialSpace;
    QString m_access;
    bool m_freeOnly = false;
    int m_ageFrom = -1;
    int m_ageTo = -1;
    offers::Catalogue m_catalogue;
    offers::SearchIndex m_index;
    std::vector<std::uint32_t> m_rows;  // invariant 3
    QVariantList m_spaces;              // built with the catalogue: QML reads them often
    QVariantList m_organizations;
};

}  // namespace quartier::app
