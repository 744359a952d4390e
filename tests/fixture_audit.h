/*
 * fixture_audit.h: audits built by hand, for the report tests and any
 * other test that needs a finished struct audit without a server.
 *
 * fixture_profile builds a small Horizon-like profile in memory (six
 * requirements, six probes, the Table Setup allow list); each fixture
 * audit refers to it, so the profile must outlive the audits.  The
 * profile's path holds FIXTURE_SECRET: a writer that prints the file
 * path, or any text it should not, leaks it where a test can see.
 *
 * Ownership: fixture_profile is new, freed with fixture_profile_free
 * (not rules_free: it is not loaded from a file).  fixture_audit is new,
 * freed with audit_free.  The helpers abort when out of memory.
 */
#ifndef RA_FIXTURE_AUDIT_H
#define RA_FIXTURE_AUDIT_H

#include <stddef.h>

#include "model.h"
#include "rules.h"

/* The test tenant's private key, which no report may ever contain. */
#define FIXTURE_SECRET "privSECRET-horizon-7f3a9c"

enum fixture_kind {
	FIXTURE_GAPS = 0,	/* two required gaps, one optional, an
				 * excess, an unknown; three fixes */
	FIXTURE_READY,		/* every requirement passes */
	FIXTURE_STOPPED,	/* the keys were refused: no findings */
	FIXTURE_UNDECIDED,	/* settings hidden: unknown, unverifiable */
	FIXTURE_BASELINE,	/* FIXTURE_GAPS against an earlier report,
				 * one finding per kind of change */
	FIXTURE_HOSTILE		/* FIXTURE_GAPS with markup, non-ASCII,
				 * invalid UTF-8, control characters and
				 * a very long role name in server text */
};

/* The number of requirements in fixture_profile. */
#define FIXTURE_REQUIREMENTS 6

struct profile *fixture_profile(void);
void fixture_profile_free(struct profile *profile);

struct audit *fixture_audit(const struct profile *profile,
    enum fixture_kind kind);

/* Append a fix for finding index finding.  The strings are copied. */
void fixture_add_fix(struct audit *audit, const char *click_path,
    const char *change, size_t finding);

/* A new copy of s; aborts when out of memory. */
char *fixture_strdup(const char *s);

#endif
