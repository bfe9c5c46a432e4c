# The GUI: static library quartier_app (all app logic; also the QML module Quartier.Ui) and the thin
# executable quartier. Included from app/CMakeLists.txt, so relative paths are relative to app/.

find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Qml Quick QuickControls2 Concurrent LinguistTools)

set(CMAKE_AUTOMOC ON)

# The PDF export of a report (app/pdf): Qt Gui only, so quartier-cli can link it too.
add_library(quartier_reportpdf STATIC pdf/reportpdf.h pdf/reportpdf.cpp)
target_include_directories(quartier_reportpdf PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(quartier_reportpdf PUBLIC quartier_reports PRIVATE Qt6::Gui)
target_link_libraries(quartier-cli PRIVATE quartier_reportpdf)
target_compile_definitions(quartier-cli PRIVATE QUARTIER_HAVE_PDF)

qt_add_library(quartier_app STATIC
  controllers/sessioncontroller.h controllers/sessioncontroller.cpp
  controllers/synccontroller.h controllers/synccontroller.cpp adapters/servercall.h
  controllers/enrolmentcontroller.h controllers/enrolmentcontroller.cpp
  models/caselistmodel.h models/caselistmodel.cpp adapters/deferredreads.h
  controllers/casecontroller.h controllers/casecontroller.cpp
  controllers/casesection.h controllers/casesections.h controllers/casesections.cpp
  controllers/caseconsents.h controllers/caseconsents.cpp controllers/caseprogress.h controllers/caseprogress.cpp
  controllers/caseforms.h controllers/caseforms.cpp
  models/listmodel.h models/storelistmodel.h models/sectionmodel.h models/sectionmodel.cpp
  adapters/domainlabels.h adapters/domainlabels.cpp
  tools/demodata.h tools/demodata.cpp
  models/offerlistmodel.h models/offerlistmodel.cpp
  controllers/offereditcontroller.h controllers/offereditcontroller.cpp
  controllers/reportcontroller.h controllers/reportcontroller.cpp
  controllers/teamcontroller.h controllers/teamcontroller.cpp
  controllers/consultationcontroller.h controllers/consultationcontroller.cpp
  tools/offerscreens.h tools/offerscreens.cpp
  tools/teamscreens.h tools/teamscreens.cpp
  adapters/appoptions.h adapters/appoptions.cpp
  tools/headless.h tools/headless.cpp
  tools/selftest.h tools/selftest.cpp
  tools/screenshots.h tools/screenshots.cpp
  controllers/navigator.h controllers/navigator.cpp
  tools/pagedriver.h tools/pagedriver.cpp
  tools/itemlocator.h tools/itemlocator.cpp
  controllers/homevisitcontroller.h controllers/homevisitcontroller.cpp controllers/homevisittexts.cpp controllers/homevisit_detail.h
  adapters/recordvalues.h
  models/conflictlistmodel.h models/conflictlistmodel.cpp
  models/devicelistmodel.h models/devicelistmodel.cpp
  controllers/sharecontroller.h controllers/sharecontroller.cpp
  models/sharetargetmodel.h models/sharetargetmodel.cpp
  controllers/languagecontroller.h controllers/languagecontroller.cpp
  adapters/issuetext.h adapters/issuetext.cpp
  adapters/storeproblem.h adapters/storeproblem.cpp adapters/drafts.h
  tools/visitdemo.h tools/visitdemo.cpp
  tools/visitscript.h tools/visitscript.cpp)
target_include_directories(quartier_app PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
# Qt's generated QML type registrations include each QML_ELEMENT class's header by its bare name;
# our own includes name the folder ("controllers/casecontroller.h").
target_include_directories(quartier_app PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/adapters ${CMAKE_CURRENT_SOURCE_DIR}/models
                           ${CMAKE_CURRENT_SOURCE_DIR}/controllers ${CMAKE_CURRENT_SOURCE_DIR}/tools)
target_link_libraries(quartier_app PUBLIC
  quartier_sync quartier_domain quartier_reports quartier_team quartier_reportpdf Qt6::Core Qt6::Gui Qt6::Widgets Qt6::Qml Qt6::Quick Qt6::QuickControls2 Qt6::Concurrent)
# The offer directory (app/offers, Qt-free): the offer map's model and editor.
target_link_libraries(quartier_app PUBLIC quartier_offers)

# QML files live in qml/ at the top of the tree; each gets an alias so that its resource path is
# qrc:/qt/qml/Quartier/Ui/<alias>, with Main.qml at the module's root.
set(quartier_qml_dir ${PROJECT_SOURCE_DIR}/qml)
set(quartier_qml_aliases
  Main.qml
  pages/UnlockPage.qml
  pages/CaseListPage.qml
  pages/SettingsPage.qml
  pages/CasePage.qml
  pages/HomeVisitPage.qml
  pages/visit/VisitHeader.qml
  pages/visit/VisitStepWho.qml
  pages/visit/VisitStepOffers.qml
  pages/visit/VisitUnlistedOffers.qml
  pages/visit/VisitStepMissing.qml
  pages/visit/VisitStepHow.qml
  pages/visit/VisitStepWill.qml
  pages/visit/VisitStepFinish.qml
  pages/ConflictsPage.qml
  pages/OfferMapPage.qml
  pages/OfferEditPage.qml
  pages/ReportsPage.qml
  pages/TeamPage.qml
  pages/ConsultationPage.qml
  components/ReportTable.qml
  components/ReportChart.qml
  components/Icon.qml
  components/ActionButton.qml
  components/BrandPanel.qml
  components/InlineMessage.qml
  components/PassphraseField.qml
  components/SearchField.qml
  components/CaseDelegate.qml
  components/EmptyState.qml
  components/SyncIndicator.qml
  components/SettingsCard.qml
  components/InfoRow.qml
  components/MinutesEditor.qml
  components/ConfirmationCodeCard.qml
  components/LabelledField.qml
  components/Paragraph.qml
  components/FilterChip.qml
  components/SectionCard.qml
  components/EntryDelegate.qml
  components/ScaleEditor.qml
  components/RecordDialog.qml
  components/GoalDelegate.qml
  components/MembersCard.qml
  components/WillGoalsCard.qml
  components/ResourcesCard.qml
  components/NetworkMapEditor.qml
  components/ContactsNotesCard.qml
  components/ClassificationCard.qml
  components/MeasuresCard.qml
  components/ChoiceChip.qml
  components/VerbatimEditor.qml
  components/EarlierAnswers.qml
  components/DateField.qml
  components/DiscardDialog.qml
  components/DropDown.qml
  components/DraftBanner.qml
  components/ShareCaseDialog.qml
  components/ChipChoices.qml
  components/ConsentDialog.qml
  components/ConsentsCard.qml
  components/DisclosureDialog.qml
  components/EntrustedBadge.qml
  components/FormDialog.qml
  components/ProgressCard.qml
  components/ProgressReportDialog.qml
  components/OfferDelegate.qml
  components/OfferDetailCard.qml
  components/OfferFilterChip.qml
  components/OfferFilterRow.qml
  components/ConsultationCard.qml
  components/ConsultationDialog.qml
  components/SocialSpaceMap.qml
  components/ChoiceField.qml
  components/FocusRing.qml
  theme/Theme.qml)
set(quartier_qml_files)
foreach(alias IN LISTS quartier_qml_aliases)
  set(file ${quartier_qml_dir}/${alias})
  set_source_files_properties(${file} PROPERTIES QT_RESOURCE_ALIAS ${alias})
  list(APPEND quartier_qml_files ${file})
endforeach()
set_source_files_properties(${quartier_qml_dir}/theme/Theme.qml PROPERTIES QT_QML_SINGLETON_TYPE TRUE)

qt_add_qml_module(quartier_app
  URI Quartier.Ui
  VERSION 1.0
  RESOURCE_PREFIX /qt/qml
  OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/qml/Quartier/Ui
  QML_FILES ${quartier_qml_files})

# Translations: German source strings, English shipped beside them. `ninja quartier_app_lupdate`
# refreshes i18n/*.ts from the C++ and QML sources; the .qm files are built and embedded below.
set(quartier_ts_files ${PROJECT_SOURCE_DIR}/i18n/quartier_en.ts)
qt_add_lupdate(quartier_app
  TS_FILES ${quartier_ts_files}
  OPTIONS -no-obsolete -locations none)

# The compiled translations are embedded in the library, so tests can load them too.
qt_add_lrelease(quartier_app TS_FILES ${quartier_ts_files} QM_FILES_OUTPUT_VARIABLE quartier_qm_files)
qt_add_resources(quartier_app quartier_translations
  PREFIX /i18n
  BASE ${CMAKE_CURRENT_BINARY_DIR}
  FILES ${quartier_qm_files})

# The executable: nothing but the composition root.
qt_add_executable(quartier main.cpp)
target_link_libraries(quartier PRIVATE quartier_app quartier_appplugin)
target_compile_definitions(quartier PRIVATE QUARTIER_VERSION="${PROJECT_VERSION}")
