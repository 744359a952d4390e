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


# command line, server value, secrets, messages


# end to end


TESTS += $(check_PROGRAMS)
