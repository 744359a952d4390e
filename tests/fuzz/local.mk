# tests/fuzz/local.mk: hostile inputs (issue 5).
#
# fuzz: libFuzzer targets for the rules loader and for each parser of
# server answers (built only with configure --enable-fuzz CC=clang), the
# same targets replayed over their seed corpora as check programs (every
# build), the end-to-end scripts for faults, secrets, bad input and TLS,
# and `make check-valgrind`.  docs/SECURITY.md maps each promise to the
# test that keeps it.

FUZZ_COMMON = tests/fuzz/fuzz.h
FUZZ_NET = tests/fuzz/script_net.c tests/fuzz/script_net.h
FUZZ_CORPORA = $(abs_top_srcdir)/tests/fuzz/corpus

# The seeds of each target, replayed by tests/fuzz/replay.c.
check_PROGRAMS += tests/fuzz/fuzz_seeds_rules tests/fuzz/fuzz_seeds_answer \
	tests/fuzz/fuzz_seeds_server tests/fuzz/fuzz_seeds_audit
tests_fuzz_fuzz_seeds_rules_SOURCES = tests/fuzz/replay.c \
	tests/fuzz/fuzz_rules.c $(FUZZ_COMMON)
tests_fuzz_fuzz_seeds_rules_CPPFLAGS = $(AM_CPPFLAGS) \
	-DFUZZ_CORPUS='"$(FUZZ_CORPORA)/rules"'
tests_fuzz_fuzz_seeds_rules_LDADD = $(RA_LIBS)
tests_fuzz_fuzz_seeds_answer_SOURCES = tests/fuzz/replay.c \
	tests/fuzz/fuzz_answer.c $(FUZZ_COMMON)
tests_fuzz_fuzz_seeds_answer_CPPFLAGS = $(AM_CPPFLAGS) \
	-DFUZZ_CORPUS='"$(FUZZ_CORPORA)/answer"'
tests_fuzz_fuzz_seeds_answer_LDADD = $(RA_LIBS)
tests_fuzz_fuzz_seeds_server_SOURCES = tests/fuzz/replay.c \
	tests/fuzz/fuzz_server.c $(FUZZ_COMMON)
tests_fuzz_fuzz_seeds_server_CPPFLAGS = $(AM_CPPFLAGS) \
	-DFUZZ_CORPUS='"$(FUZZ_CORPORA)/server"'
tests_fuzz_fuzz_seeds_server_LDADD = $(RA_LIBS)
tests_fuzz_fuzz_seeds_audit_SOURCES = tests/fuzz/replay.c \
	tests/fuzz/fuzz_audit.c $(FUZZ_NET) $(FUZZ_COMMON)
tests_fuzz_fuzz_seeds_audit_CPPFLAGS = $(AM_CPPFLAGS) \
	-DFUZZ_CORPUS='"$(FUZZ_CORPORA)/audit"'
tests_fuzz_fuzz_seeds_audit_LDADD = $(RA_LIBS)

if FUZZ
# The library again, instrumented for coverage, so that libFuzzer sees
# inside the code under test and not only inside the target.
FUZZ_FLAGS = -g -O1 -fno-omit-frame-pointer \
	-fsanitize=fuzzer-no-link,address,undefined
FUZZ_LINK_FLAGS = -fsanitize=fuzzer,address,undefined
noinst_LIBRARIES += tests/fuzz/libfuzzed.a
tests_fuzz_libfuzzed_a_SOURCES = $(src_libroleaudit_a_SOURCES)
tests_fuzz_libfuzzed_a_CFLAGS = $(AM_CFLAGS) $(FUZZ_FLAGS)
FUZZ_LIBS = tests/fuzz/libfuzzed.a $(CURL_LIBS) $(CJSON_LIBS) $(XML_LIBS)

FUZZERS = tests/fuzz/fuzz_rules tests/fuzz/fuzz_answer \
	tests/fuzz/fuzz_server tests/fuzz/fuzz_audit
noinst_PROGRAMS += $(FUZZERS)
tests_fuzz_fuzz_rules_SOURCES = tests/fuzz/fuzz_rules.c $(FUZZ_COMMON)
tests_fuzz_fuzz_rules_CFLAGS = $(AM_CFLAGS) $(FUZZ_FLAGS)
tests_fuzz_fuzz_rules_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_rules_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_answer_SOURCES = tests/fuzz/fuzz_answer.c $(FUZZ_COMMON)
tests_fuzz_fuzz_answer_CFLAGS = $(AM_CFLAGS) $(FUZZ_FLAGS)
tests_fuzz_fuzz_answer_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_answer_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_server_SOURCES = tests/fuzz/fuzz_server.c $(FUZZ_COMMON)
tests_fuzz_fuzz_server_CFLAGS = $(AM_CFLAGS) $(FUZZ_FLAGS)
tests_fuzz_fuzz_server_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_server_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_audit_SOURCES = tests/fuzz/fuzz_audit.c $(FUZZ_NET) \
	$(FUZZ_COMMON)
tests_fuzz_fuzz_audit_CFLAGS = $(AM_CFLAGS) $(FUZZ_FLAGS)
tests_fuzz_fuzz_audit_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_audit_LDADD = $(FUZZ_LIBS)
endif

# make fuzz-run: each target for FUZZ_SECONDS on a scratch copy of its
# corpus (new inputs never land in the source tree); a crash input is
# kept as tests/fuzz/crash-TARGET-*.  FUZZ_TARGETS picks a subset.
FUZZ_TARGETS = rules answer server audit
FUZZ_SECONDS = 20
fuzz-run: $(FUZZERS)
if FUZZ
	@for t in $(FUZZ_TARGETS); do \
	  scratch=$$(mktemp -d "$${TMPDIR:-/tmp}/fuzz-$$t.XXXXXX"); \
	  echo "fuzz $$t for $(FUZZ_SECONDS) s"; \
	  tests/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
	    -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
	    -print_final_stats=1 \
	    -dict=$(srcdir)/tests/fuzz/$$t.dict \
	    -artifact_prefix=tests/fuzz/crash-$$t- \
	    "$$scratch" $(srcdir)/tests/fuzz/corpus/$$t \
	    >tests/fuzz/fuzz-$$t.log 2>&1; \
	  rc=$$?; rm -rf "$$scratch"; \
	  tail -n 12 tests/fuzz/fuzz-$$t.log; \
	  if [ $$rc -ne 0 ]; then echo "FAIL: fuzz $$t"; exit 1; fi; \
	done
else
	@echo "fuzz-run: configure with --enable-fuzz CC=clang first"; exit 1
endif
.PHONY: fuzz-run

# make check-valgrind: every Check program, the seed replays and the
# end-to-end scripts (roleaudit itself wrapped in valgrind) must run
# with no memory error and no definite leak.
VALGRIND_FLAGS = --error-exitcode=1 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect \
	--show-leak-kinds=definite,indirect --track-origins=yes \
	--suppressions=$(abs_top_srcdir)/tests/fuzz/valgrind.supp --quiet
check-valgrind: $(check_PROGRAMS) $(bin_PROGRAMS) $(noinst_PROGRAMS)
	@test -n "$(VALGRIND)" || { echo "valgrind not found"; exit 1; }; \
	fail=0; \
	for p in $(check_PROGRAMS); do \
	  echo "valgrind $$p"; \
	  $(AM_TESTS_ENVIRONMENT) CK_FORK=no CK_DEFAULT_TIMEOUT=600 \
	    RA_TIMEOUT_SCALE=10 \
	    $(VALGRIND) $(VALGRIND_FLAGS) --log-file=$$p.valgrind.log \
	    ./$$p >$$p.valgrind-out.log 2>&1 || \
	    { fail=1; echo "FAIL: $$p"; cat $$p.valgrind.log; }; \
	done; \
	for s in $(FUZZ_E2E); do \
	  echo "valgrind $$s"; \
	  $(AM_TESTS_ENVIRONMENT) \
	    RA_VALGRIND='$(VALGRIND) $(VALGRIND_FLAGS)' $(SHELL) $(srcdir)/$$s \
	    >$$s.valgrind.log 2>&1 || \
	    { fail=1; echo "FAIL: $$s"; grep -v '^ok' $$s.valgrind.log; }; \
	done; \
	exit $$fail
.PHONY: check-valgrind

# end to end: hostile servers, secrets, bad input, TLS.
FUZZ_E2E = tests/e2e/test_faults.sh tests/e2e/test_secrets.sh \
	tests/e2e/test_bad_input.sh tests/e2e/test_tls.sh
TESTS += $(FUZZ_E2E)
EXTRA_DIST += $(FUZZ_E2E) tests/e2e/hostile.sh tests/fuzz/corpus \
	tests/fuzz/rules.dict tests/fuzz/answer.dict tests/fuzz/server.dict \
	tests/fuzz/audit.dict tests/fuzz/valgrind.supp
CLEANFILES += tests/fuzz/fuzz-*.log
