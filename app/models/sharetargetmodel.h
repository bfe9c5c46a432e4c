// The devices a case may be shared with, for the "Fall teilen" dialog: every unrevoked device of
// the verified directory but this one, as sync::sharing::candidates() finds them — those that
// hold the case already, those that may receive it, and those the rules refuse, each with the
// reason in German. The model holds copies and decides nothing; ShareController fills it.
//
// States: Empty --setRows(rows)--> Listed --setRows(rows)--> Listed (rows updated in place when
// the same devices stay in the same order, else reset) --clear()--> Empty
// Invariant: the rows are copies; the model never touches a store.
#pragma once

#include "models/listmodel.h"

#include <QString>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace quartier::app {

// List model of share targets; QML reaches it as Share.targets.
class ShareTargetModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the ShareController.")
    Q_PROPERTY(int memberCount READ memberCount NOTIFY countChanged)

public:
    enum Role {
        DeviceIdRole = Qt::UserRole + 1,
        NameRole,
        RoleRole,
        RoleLabelRole,
        ProviderRole,
        MemberRole,   // holds the case already
        AllowedRole,  // may receive it (as far as this device's copy of the directory knows)
        ReasonRole,   // why not, in German (empty if allowed or a member)
        GroupRole,    // "member", "allowed" or "refused": the dialog's section
    };
    Q_ENUM(Role)

    struct Row {
        QString id;  // hex
        QString name;
        QString role;
        QString roleLabel;
        QString provider;
        bool member = false;
        bool allowed = false;
        QString reason;
        bool operator==(const Row&) const = default;
    };

    explicit ShareTargetModel(QObject* parent = nullptr);

    void setRows(std::vector<Row> rows);
    void clear() { setRows({}); }
    const std::vector<Row>& rows() const { return m_rows; }
    // The row of a device id, or -1.
    Q_INVOKABLE int indexOf(const QString& deviceId) const;

    int count() const override { return int(m_rows.size()); }
    int memberCount() const;


private:
    std::vector<Row> m_rows;
};

}  // namespace quartier::app
