# App tests (included from tests/CMakeLists.txt: paths are relative to tests/). The Catch2 binary
# has its own main, which creates the QGuiApplication the controllers and models need.
find_package(Qt6 6.4 REQUIRED COMPONENTS Test QuickTest)

add_executable(test_app
  app/main_qt.cpp
  app/test_sessioncontroller.cpp
  app/test_caselistmodel.cpp
  app/test_appoptions.cpp
  app/test_synccontroller.cpp
  app/test_sharecontroller.cpp
  app/test_caseconsents.cpp
  app/test_caseprogress.cpp
  app/test_teamcontroller.cpp
  app/test_consultationcontroller.cpp
  app/test_sectionmodel.cpp
  app/test_domainlabels.cpp
  app/test_casecontroller.cpp
  app/test_caseformlock.cpp
  app/test_homevisitcontroller.cpp
  app/test_conflictlistmodel.cpp
  app/test_offerlistmodel.cpp
  app/test_storefailure.cpp
  app/test_reportexport.cpp)
# The sync tests drive the real server handler in-process (tests/sync/sync_fixture.h).
target_include_directories(test_app PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(test_app PRIVATE quartier_app quartier_server quartier_cli quartier_reports Catch2::Catch2 Qt6::Test)
# The report exports' golden files (tests/data/reports/, tests/reports/golden.h).
target_compile_definitions(test_app PRIVATE QUARTIER_TEST_DATA="${CMAKE_CURRENT_SOURCE_DIR}/data")
catch_discover_tests(test_app TEST_PREFIX "app: " PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")

# Loads every QML page of the real executable; fails on any QML warning or error.
add_test(NAME app_self_test COMMAND quartier --self-test)
set_tests_properties(app_self_test PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 120)
add_test(NAME app_self_test_en COMMAND quartier --self-test --lang en)
set_tests_properties(app_self_test_en PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 120)
# The screenshot tooling drawn end to end (it broke once without a test noticing).
add_test(NAME app_screenshots COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/app/screenshots.sh $<TARGET_FILE:quartier>)
set_tests_properties(app_screenshots PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)

# Qt Quick Test: the case page under simulated touches, against a real store (tests/app/qml).
add_executable(test_qml app/qml_main.cpp)
set_target_properties(test_qml PROPERTIES AUTOMOC ON)
target_link_libraries(test_qml PRIVATE quartier_app quartier_appplugin Qt6::QuickTest)
add_test(NAME app_qml COMMAND test_qml -input ${CMAKE_CURRENT_SOURCE_DIR}/app/qml)
set_tests_properties(app_qml PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 120)
# Built with test_app, so `--target quartier test_app` (the usual app build) leaves no CTest entry
# without its executable.
add_dependencies(test_app test_qml)

# The home-visit flow driven by simulated touches (Qt Quick Test), checked against the store.
add_executable(test_app_qml app/quicktest_main.cpp)
set_target_properties(test_app_qml PROPERTIES AUTOMOC ON)  # the Probe and the setup are QObjects
target_link_libraries(test_app_qml PRIVATE quartier_app quartier_appplugin Qt6::QuickTest)
target_compile_definitions(test_app_qml PRIVATE QUICK_TEST_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}/app/qml_visit")
add_test(NAME app_qml_home_visit COMMAND test_app_qml)
set_tests_properties(app_qml_home_visit PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 180)

# SIGKILL the real app mid-visit, restart it, find the draft with every acknowledged answer.
add_test(NAME app_visit_kill COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/visit_kill.sh $<TARGET_FILE:quartier> 6)
set_tests_properties(app_visit_kill PROPERTIES TIMEOUT 300)
# The home visit in the real window (its own Xvfb, xdotool), checked through quartier-cli.
add_test(NAME app_visit_window COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/window/visit_window.sh
         $<TARGET_FILE_DIR:quartier>/..)
set_tests_properties(app_visit_window PROPERTIES TIMEOUT 300 RUN_SERIAL TRUE)
# Keyboard only in the real window: Tab order, focus, Return, Escape (docs/app.md, "Keyboard and focus").
add_test(NAME app_keyboard_window COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/window/keyboard_window.sh
         $<TARGET_FILE_DIR:quartier>/..)
set_tests_properties(app_keyboard_window PROPERTIES TIMEOUT 300 RUN_SERIAL TRUE)
# The Berichte page in the real window: a report shown, the period picked by keyboard, PDF and CSV
# written, both exports in the audit log (quartier-cli audit list).
add_test(NAME app_reports_window COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/window/reports_window.sh
         $<TARGET_FILE_DIR:quartier>/..)
set_tests_properties(app_reports_window PROPERTIES TIMEOUT 300 RUN_SERIAL TRUE)
# Consent, §65 disclosure and a Verlaufsbericht in the real window, checked through quartier-cli.
add_test(NAME app_consent_window COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/window/consent_window.sh
         $<TARGET_FILE_DIR:quartier>/..)
set_tests_properties(app_consent_window PROPERTIES TIMEOUT 300 RUN_SERIAL TRUE)
add_test(NAME app_team_window COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/window/team_window.sh
         $<TARGET_FILE_DIR:quartier>/.. ${CMAKE_SOURCE_DIR})
set_tests_properties(app_team_window PROPERTIES TIMEOUT 300 RUN_SERIAL TRUE)
add_dependencies(test_app test_app_qml)

# Qt Quick Test of the offer map's pages (tests/qml/tst_*.qml): key presses and touches on the
# real pages over a real store with the demo offers.
add_executable(test_offers_qml app/offers_quicktest_main.cpp)
set_target_properties(test_offers_qml PROPERTIES AUTOMOC ON)
target_link_libraries(test_offers_qml PRIVATE quartier_app quartier_appplugin Qt6::QuickTest)
target_compile_definitions(test_offers_qml PRIVATE QUICK_TEST_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}/qml")
add_test(NAME offers_qml COMMAND test_offers_qml)
set_tests_properties(offers_qml PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 120)
add_dependencies(test_app test_offers_qml)

# "Fall teilen" driven by simulated touches (Qt Quick Test): the case page's dialog shares a case
# over the real server handler in-process; the deputy's store is checked after its sync.
add_executable(test_share_qml app/share_quicktest_main.cpp)
set_target_properties(test_share_qml PROPERTIES AUTOMOC ON)  # the probe and the setup are QObjects
target_link_libraries(test_share_qml PRIVATE quartier_app quartier_appplugin quartier_server Qt6::QuickTest)
target_compile_definitions(test_share_qml PRIVATE QUICK_TEST_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}/app/qml_share")
add_test(NAME app_qml_share COMMAND test_share_qml)
set_tests_properties(app_qml_share PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 120)
add_dependencies(test_app test_share_qml)

# The case list's new-case form across a real lock and unlock (Qt Quick Test, tests/app/qml_caselist).
add_executable(test_caselist_qml app/caselist_quicktest_main.cpp)
set_target_properties(test_caselist_qml PROPERTIES AUTOMOC ON)
target_link_libraries(test_caselist_qml PRIVATE quartier_app quartier_appplugin Qt6::QuickTest Qt6::Test)
target_compile_definitions(test_caselist_qml PRIVATE QUICK_TEST_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}/app/qml_caselist")
add_test(NAME app_qml_case_list COMMAND test_caselist_qml)
set_tests_properties(app_qml_case_list PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 120)
add_dependencies(test_app test_caselist_qml)

# Every German UI string has its English translation, also after a string moved to another file
# or class (lupdate over the sources into a copy of the .ts; nothing may come out unfinished).
# The lupdate project (the sources' list) is written by CMake at generate time as .cmake; Qt's
# script turns it into lupdate's JSON, as the quartier_app_lupdate target does.
add_test(NAME i18n_complete COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/app/i18n/translations_complete.sh
         $<TARGET_FILE:Qt6::lupdate> ${CMAKE_COMMAND} ${Qt6LinguistTools_DIR}/GenerateLUpdateProject.cmake
         ${CMAKE_BINARY_DIR}/app/.lupdate/quartier_app_project.cmake ${PROJECT_SOURCE_DIR}/i18n/quartier_en.ts)
set_tests_properties(i18n_complete PROPERTIES TIMEOUT 120)
