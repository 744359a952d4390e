# tests/bench/local.mk: `make bench`, the speed and politeness benchmark
# (tests/bench/bench.sh, docs/PERFORMANCE.md).  Not part of `make check`.
# The rusage helper (tiny) is built with everything else.

noinst_PROGRAMS += tests/bench/rusage
tests_bench_rusage_SOURCES = tests/bench/rusage.c
CLEANFILES += tests/bench/results.txt
EXTRA_DIST += tests/bench/bench.sh tests/bench/genprofile.sh \
	tests/bench/gentenant.sh

bench: all tests/bench/rusage
	top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	$(SHELL) $(srcdir)/tests/bench/bench.sh
.PHONY: bench

# Not timed: the generators still make a valid profile and tenant.
TESTS += tests/bench/test_generators.sh
EXTRA_DIST += tests/bench/test_generators.sh
