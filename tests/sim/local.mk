# tests/sim/local.mk: cwsim, the ConnectWise Manage simulator, its
# library (everything but main, for the Check tests), its tests and its
# fixtures.  cwsim shares no code with src/.

SIM_CFLAGS = $(AM_CFLAGS) $(MHD_CFLAGS)
SIM_LIBS = tests/sim/libcwsim.a $(MHD_LIBS) $(CJSON_LIBS) -lpthread -lm

noinst_LIBRARIES += tests/sim/libcwsim.a
tests_sim_libcwsim_a_CFLAGS = $(SIM_CFLAGS)
tests_sim_libcwsim_a_SOURCES = \
	tests/sim/catalog.c tests/sim/catalog.h \
	tests/sim/simjson.c tests/sim/simjson.h \
	tests/sim/tenant.c tests/sim/tenant.h \
	tests/sim/gen.c tests/sim/gen.h \
	tests/sim/route.c tests/sim/route.h \
	tests/sim/policy.c tests/sim/policy.h \
	tests/sim/listing.c tests/sim/listing.h \
	tests/sim/uri.c tests/sim/uri.h \
	tests/sim/api.c tests/sim/api_read.c tests/sim/api.h \
	tests/sim/api_int.h \
	tests/sim/fault.c tests/sim/fault.h \
	tests/sim/options.c tests/sim/server.c tests/sim/server.h \
	tests/sim/serve_fault.c tests/sim/serve_int.h

noinst_PROGRAMS += tests/sim/cwsim
tests_sim_cwsim_SOURCES = tests/sim/cwsim.c
tests_sim_cwsim_CFLAGS = $(SIM_CFLAGS)
tests_sim_cwsim_LDADD = $(SIM_LIBS)

SIM_TEST_CFLAGS = $(SIM_CFLAGS) $(CHECK_CFLAGS) \
	-DSIM_TENANTS='"$(abs_top_srcdir)/tests/sim/tenants"'
SIM_TEST_LIBS = $(SIM_LIBS) $(CHECK_LIBS)

check_PROGRAMS += tests/sim/check_sim_policy
tests_sim_check_sim_policy_SOURCES = tests/sim/check_sim_policy.c
tests_sim_check_sim_policy_CFLAGS = $(SIM_TEST_CFLAGS)
tests_sim_check_sim_policy_LDADD = $(SIM_TEST_LIBS)

check_PROGRAMS += tests/sim/check_sim_listing
tests_sim_check_sim_listing_SOURCES = tests/sim/check_sim_listing.c
tests_sim_check_sim_listing_CFLAGS = $(SIM_TEST_CFLAGS)
tests_sim_check_sim_listing_LDADD = $(SIM_TEST_LIBS)

# sim_raw sends raw bytes for the malformed-request test.
noinst_PROGRAMS += tests/sim/sim_raw
tests_sim_sim_raw_SOURCES = tests/sim/sim_raw.c

TESTS += tests/sim/test_cwsim.sh tests/sim/test_malformed.sh
EXTRA_DIST += tests/sim/README.md tests/sim/mkcerts.sh \
	tests/sim/test_cwsim.sh tests/sim/test_malformed.sh \
	tests/sim/simlib.sh tests/sim/tenants
