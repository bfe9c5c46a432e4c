#include "tools/demodata.h"

#include "controllers/casecontroller.h"

#include "sync/store/store.h"

#include <QDate>

namespace quartier::app {

domain::Result<DemoData> writeDemoData(sync::Store& store)
{
    domain::Repository repository(store);
    auto demo = domain::seed_demo_organisation(repository, QDate::currentDate().toString(Qt::ISODate).toStdString());
    if (!demo)
        return demo.failure();
    DemoData out{std::move(demo->families), std::move(demo->service_ids), std::move(demo->worker)};
    if (!out.worker.empty() && !store.set_setting(CaseController::kWorkerSetting, out.worker))
        return {domain::Error::Store, "could not set the worker"};
    return out;
}

}  // namespace quartier::app
