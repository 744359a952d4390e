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


# rules


# net and answers


# reports
check_PROGRAMS += tests/check_report
tests_check_report_SOURCES = tests/check_report.c \
	tests/fixture_audit.c tests/fixture_audit.h tests/stub_answer.c
tests_check_report_CFLAGS = $(TEST_CFLAGS)
tests_check_report_LDADD = $(TEST_LIBS)


# command line, server value, secrets, messages


# end to end


TESTS += $(check_PROGRAMS)
