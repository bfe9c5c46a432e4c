// Navigator (app/controllers/navigator.h): the one call with logic of its own, starting a home visit.
#include "controllers/navigator.h"

#include "controllers/homevisitcontroller.h"

namespace quartier::app {

Navigator::Navigator(HomeVisitController* visit, QObject* parent) : QObject(parent), m_visit(visit) {}

bool Navigator::startHomeVisit(const QString& caseId)
{
    if (!m_visit || !m_visit->startVisit(caseId))
        return false;
    emit homeVisitStarted();
    return true;
}

}  // namespace quartier::app
