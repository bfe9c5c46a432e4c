// A hidden test hook of the quartier executable (QUARTIER_TEST_VISIT=run|check, with --store DIR
// and QUARTIER_TEST_PASSPHRASE): "run" opens (or creates, with demo data) the store, starts or
// resumes a home visit of the demo family and gives a fixed list of answers through the real
// HomeVisitController — text typed letter by letter through its debounce —, printing "ok N" once
// answer N is in the store, then "done", and waits to be killed. "check" opens the store and
// prints what of the scripted visit is stored ("found N": answers 1..N all there; "drafts M").
// tests/app/visit_kill.sh SIGKILLs "run" mid-visit and compares.
#pragma once

#include <QString>

namespace quartier::app {

class SessionController;
class HomeVisitController;

int runVisitScript(const QString& mode, SessionController& session, HomeVisitController& visit);

}  // namespace quartier::app
