# quartier-cli: in-process command tests, and process-level tests of the real binary.
quartier_add_test(test_cli SOURCES cli/test_cli.cpp cli/test_cli_full.cpp cli/test_cli_reports.cpp LIBS quartier_cli quartier_reports)

add_test(NAME cli_kill_loop COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/kill_loop.sh $<TARGET_FILE:quartier-cli> 25)
add_test(NAME cli_canary COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/canary.sh $<TARGET_FILE:quartier-cli>)
set_tests_properties(cli_kill_loop cli_canary PROPERTIES TIMEOUT 300)

if(TARGET quartier-server)
  add_test(NAME cli_sync_scenario COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/scenario_sync.sh
           $<TARGET_FILE:quartier-cli> $<TARGET_FILE:quartier-server>)
  set_tests_properties(cli_sync_scenario PROPERTIES TIMEOUT 300)
  add_test(NAME cli_retention_scenario COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/scenario_retention.sh
           $<TARGET_FILE:quartier-cli> $<TARGET_FILE:quartier-server>)
  set_tests_properties(cli_retention_scenario PROPERTIES TIMEOUT 300)
endif()

# docs/reports.md "How a planner gets the yearly report", step by step over the real server.
if(TARGET quartier-server)
  add_test(NAME cli_publish_scenario COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/scenario_publish.sh
           $<TARGET_FILE:quartier-cli> $<TARGET_FILE:quartier-server>)
  set_tests_properties(cli_publish_scenario PROPERTIES TIMEOUT 600)
endif()

if(TARGET quartier-server)
  add_test(NAME cli_consent_scenario COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/scenario_consent.sh
           $<TARGET_FILE:quartier-cli> $<TARGET_FILE:quartier-server>)
  set_tests_properties(cli_consent_scenario PROPERTIES TIMEOUT 300)
endif()

# scripts/demo-org.sh end to end: the demo organisation with its case scopes, its offer directory
# scope and a deputy tablet that holds exactly the one family shared with it.
if(TARGET quartier-server)
  add_test(NAME cli_demo_org COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/demo_org.sh
           ${PROJECT_SOURCE_DIR}/scripts/demo-org.sh ${CMAKE_BINARY_DIR})
  set_tests_properties(cli_demo_org PROPERTIES TIMEOUT 300)
endif()

# Crash loops (docs/reliability.md "Crash loops"): the server SIGKILLed during pushes, a client
# SIGKILLed during pull and ingest, the server's disk full, the server restored from backups taken
# while devices pushed. Rounds are CI-sized; QUARTIER_CRASH_ROUNDS=N runs N rounds of each.
if(TARGET quartier-server)
  foreach(loop server_kill client_kill full_disk backup_restore)
    add_test(NAME cli_crash_${loop} COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/crash_${loop}.sh
             $<TARGET_FILE:quartier-cli> $<TARGET_FILE:quartier-server>)
    set_tests_properties(cli_crash_${loop} PROPERTIES TIMEOUT 400)
  endforeach()
endif()
