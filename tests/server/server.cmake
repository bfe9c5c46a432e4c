# quartier-server: in-process handler tests.
quartier_add_test(test_server
  SOURCES server/test_server.cpp
  LIBS quartier_server)
