// The section controllers of the case page, one per part of CasePage.qml (casesection.h says what
// they share and their states). QML sees each as a singleton next to CaseDetail:
//   CaseMembers         Familie (MembersCard): members, memberChoices()
//   CaseGoals           Wille & Ziele (WillGoalsCard, GoalDelegate): wills, goals, setGoalScale(), setStepStatus()
//   CaseNetwork         Ressourcen & Netzwerkkarte (ResourcesCard, NetworkMapEditor): resources, network, contact edits
//   CaseContacts        Kontakte & Vermerke (ContactsNotesCard): visits, notes
//   CaseClassification  Einordnung, Aufträge, Auflagen, Hilfen (ClassificationCard, MeasuresCard): the current risk area
#pragma once

#include "controllers/casesection.h"

#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <vector>


namespace quartier::app {

class CaseMembersController : public CaseSection
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by CaseController; QML uses the CaseMembers singleton.")
    Q_PROPERTY(SectionModel* members READ members CONSTANT)
public:
    explicit CaseMembersController(CaseContext& context, QObject* parent = nullptr);
    SectionModel* members() { return &m_members; }
    // The case's members as [{value: person id, label: name}] for "whose will" pickers.
    Q_INVOKABLE QVariantList memberChoices() const;
    void read(const domain::Repository& repo, const std::string& caseId, CaseReading& reading) override;
    void clear() override;

private:
    SectionModel m_members;
};

class CaseGoalsController : public CaseSection
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by CaseController; QML uses the CaseGoals singleton.")
    Q_PROPERTY(SectionModel* wills READ wills CONSTANT)
    Q_PROPERTY(SectionModel* goals READ goals CONSTANT)
public:
    explicit CaseGoalsController(CaseContext& context, QObject* parent = nullptr);
    SectionModel* wills() { return &m_wills; }
    SectionModel* goals() { return &m_goals; }
    Q_INVOKABLE bool setGoalScale(const QString& goalId, int now, int target);
    Q_INVOKABLE bool setStepStatus(const QString& stepId, const QString& status);
    // The case's wills (not wishes) as [{value, label}], for a goal's will.
    Q_INVOKABLE QVariantList willChoices() const;
    // The case's direction goals as [{value, label}], for an action goal's parent.
    Q_INVOKABLE QVariantList directionGoalChoices() const;
    void read(const domain::Repository& repo, const std::string& caseId, CaseReading& reading) override;
    void clear() override;

private:
    SectionModel m_wills;
    SectionModel m_goals;
};

class CaseNetworkController : public CaseSection
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by CaseController; QML uses the CaseNetwork singleton.")
    Q_PROPERTY(SectionModel* resources READ resources CONSTANT)
    Q_PROPERTY(SectionModel* network READ network CONSTANT)
    Q_PROPERTY(QString networkMapId READ networkMapId NOTIFY changed)
    Q_PROPERTY(QString networkDrawnOn READ networkDrawnOn NOTIFY changed)
public:
    explicit CaseNetworkController(CaseContext& context, QObject* parent = nullptr);
    SectionModel* resources() { return &m_resources; }
    SectionModel* network() { return &m_network; }
    QString networkMapId() const { return m_networkMapId; }
    QString networkDrawnOn() const { return m_networkDrawnOn; }
    // The network map (the case's newest; the first contact starts one drawn today).
    Q_INVOKABLE bool addNetworkContact(const QVariantMap& contact, const QString& restoredFrom = QString());
    Q_INVOKABLE bool updateNetworkContact(int index, const QVariantMap& contact, const QString& restoredFrom = QString());
    Q_INVOKABLE bool moveNetworkContact(int index, const QString& sector, int distance);
    Q_INVOKABLE bool removeNetworkContact(int index);
    void read(const domain::Repository& repo, const std::string& caseId, CaseReading& reading) override;
    void clear() override;

private:
    bool saveNetworkContacts(const std::function<bool(std::vector<domain::NetworkContact>&, domain::Issues&)>& change);
    SectionModel m_resources;
    SectionModel m_network;
    QString m_networkMapId;
    QString m_networkDrawnOn;
};

class CaseContactsController : public CaseSection
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by CaseController; QML uses the CaseContacts singleton.")
    Q_PROPERTY(SectionModel* visits READ visits CONSTANT)
    Q_PROPERTY(SectionModel* notes READ notes CONSTANT)
public:
    explicit CaseContactsController(CaseContext& context, QObject* parent = nullptr);
    SectionModel* visits() { return &m_visits; }
    SectionModel* notes() { return &m_notes; }
    void read(const domain::Repository& repo, const std::string& caseId, CaseReading& reading) override;
    void clear() override;

private:
    SectionModel m_visits;
    SectionModel m_notes;
};

// The case's current risk area (Einordnung) as one value: QML reads CaseClassification.risk.area,
// .label and .danger.
struct CaseRisk
{
    Q_GADGET
    QML_VALUE_TYPE(caseRisk)
    Q_PROPERTY(QString area MEMBER area)    // the risk_area id ("service", "grey", "danger"), "" if none assessed
    Q_PROPERTY(QString label MEMBER label)  // its label in the UI language
    Q_PROPERTY(bool danger READ danger)     // Gefährdungsbereich
public:
    QString area;
    QString label;
    bool danger() const { return area == QLatin1String("danger"); }
};

class CaseClassificationController : public CaseSection
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by CaseController; QML uses the CaseClassification singleton.")
    Q_PROPERTY(CaseRisk risk READ risk NOTIFY changed)
    Q_PROPERTY(SectionModel* assessments READ assessments CONSTANT)
    Q_PROPERTY(SectionModel* mandates READ mandates CONSTANT)
    Q_PROPERTY(SectionModel* requirements READ requirements CONSTANT)
    Q_PROPERTY(SectionModel* measures READ measures CONSTANT)
public:
    explicit CaseClassificationController(CaseContext& context, QObject* parent = nullptr);
    CaseRisk risk() const;
    SectionModel* assessments() { return &m_assessments; }
    SectionModel* mandates() { return &m_mandates; }
    SectionModel* requirements() { return &m_requirements; }
    SectionModel* measures() { return &m_measures; }
    void read(const domain::Repository& repo, const std::string& caseId, CaseReading& reading) override;
    void clear() override;

private:
    QString m_riskArea;
    SectionModel m_assessments;
    SectionModel m_mandates;
    SectionModel m_requirements;
    SectionModel m_measures;
};

}  // namespace quartier::app
