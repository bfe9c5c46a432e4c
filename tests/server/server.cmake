# quartier-server: in-process handler tests, a real-wire TLS test, and a process-level shell test.
quartier_add_test(test_server
  SOURCES server/test_server.cpp server/test_server_framed.cpp server/test_server_retention.cpp
  LIBS quartier_server)

quartier_add_test(test_server_wire
  SOURCES server/test_server_wire.cpp server/test_server_insider.cpp
  LIBS quartier_server_http quartier_tls_pin quartier_sync)

# A small pinned HTTPS client for the shell test: founds an org, pushes, pulls, across restarts.
add_executable(server_probe server/server_probe.cpp)
target_link_libraries(server_probe PRIVATE quartier_server quartier_tls_pin)
target_include_directories(server_probe PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})

add_test(NAME server_process
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/server/process.sh $<TARGET_FILE:quartier-server> $<TARGET_FILE:server_probe>)
set_tests_properties(server_process PROPERTIES TIMEOUT 120)
