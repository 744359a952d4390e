# tests/local.mk: unit tests (Check) and end-to-end tests.  Each area
# adds its programs and scripts in its own paragraph.

TEST_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
TEST_LIBS = $(RA_LIBS) $(CHECK_LIBS)
AM_TESTS_ENVIRONMENT = \
	top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	export top_srcdir top_builddir;
EXTRA_DIST += tests/lib.sh

# core
check_PROGRAMS += tests/check_level
tests_check_level_SOURCES = tests/check_level.c
tests_check_level_CFLAGS = $(TEST_CFLAGS)
tests_check_level_LDADD = $(TEST_LIBS)
check_PROGRAMS += tests/check_verdict
tests_check_verdict_SOURCES = tests/check_verdict.c
tests_check_verdict_CFLAGS = $(TEST_CFLAGS)
tests_check_verdict_LDADD = $(TEST_LIBS)


# rules
check_PROGRAMS += tests/check_rules
tests_check_rules_SOURCES = tests/check_rules.c
tests_check_rules_CFLAGS = $(TEST_CFLAGS) \
	-DTESTS_DIR='"$(abs_top_srcdir)/tests"'
tests_check_rules_LDADD = $(TEST_LIBS)
EXTRA_DIST += tests/rules


# net and answers
check_PROGRAMS += tests/check_answer tests/check_net
tests_check_answer_SOURCES = tests/check_answer.c
tests_check_answer_CFLAGS = $(TEST_CFLAGS)
tests_check_answer_LDADD = $(TEST_LIBS)
tests_check_net_SOURCES = tests/check_net.c tests/testsrv.c tests/testsrv.h
tests_check_net_CPPFLAGS = $(AM_CPPFLAGS) \
	-DRA_TEST_SRCDIR='"$(abs_top_srcdir)/tests"' \
	-DRA_TEST_BUILDDIR='"$(abs_top_builddir)/tests"'
tests_check_net_CFLAGS = $(TEST_CFLAGS) $(MHD_CFLAGS)
tests_check_net_LDADD = $(TEST_LIBS) $(MHD_LIBS) -lpthread
EXTRA_DIST += tests/mkcert-test.sh


# reports
check_PROGRAMS += tests/check_report
tests_check_report_SOURCES = tests/check_report.c \
	tests/fixture_audit.c tests/fixture_audit.h
tests_check_report_CFLAGS = $(TEST_CFLAGS)
tests_check_report_LDADD = $(TEST_LIBS)


# command line, server value, secrets, messages
check_PROGRAMS += tests/check_cli tests/check_server tests/check_secret \
	tests/check_msg
tests_check_cli_SOURCES = tests/check_cli.c
tests_check_cli_CFLAGS = $(TEST_CFLAGS)
tests_check_cli_LDADD = $(TEST_LIBS)
tests_check_server_SOURCES = tests/check_server.c
tests_check_server_CFLAGS = $(TEST_CFLAGS)
tests_check_server_LDADD = $(TEST_LIBS)
tests_check_secret_SOURCES = tests/check_secret.c
tests_check_secret_CFLAGS = $(TEST_CFLAGS)
tests_check_secret_LDADD = $(TEST_LIBS)
tests_check_msg_SOURCES = tests/check_msg.c
tests_check_msg_CFLAGS = $(TEST_CFLAGS)
tests_check_msg_LDADD = $(TEST_LIBS)
TESTS += tests/man.sh
EXTRA_DIST += tests/man.sh


# end to end
TESTS += tests/e2e/test_profiles.sh tests/e2e/test_field_cases.sh \
	tests/e2e/test_readonly.sh tests/e2e/test_rerun.sh
EXTRA_DIST += tests/e2e/test_profiles.sh tests/e2e/test_field_cases.sh \
	tests/e2e/test_readonly.sh tests/e2e/test_rerun.sh


TESTS += $(check_PROGRAMS)
