/*
 * baseline.h: comparing a run with an earlier report.
 *
 * The earlier report is read from its XML, so one made on another
 * machine works too.  It must validate against report.xsd and be of the
 * same tenant and profile; a report made with another version of the
 * profile is compared all the same, and the comparison says so.
 *
 * Ownership: baseline_load fills a struct baseline that baseline_clear
 * frees.
 */
#ifndef RA_BASELINE_H
#define RA_BASELINE_H

#include <stddef.h>

#include "model.h"

struct baseline_entry {
	char *id;		/* requirement id */
	enum verdict verdict;
};

struct baseline {
	char *path;
	char *profile;
	char *profile_version;
	char *company;
	char *host;		/* site-url, else server */
	char *time;
	size_t count;
	struct baseline_entry *entries;
};

/* Read an earlier report.  schema is the path of report.xsd.  Returns 0,
 * or -1 with a message naming the file (and line) in err. */
int baseline_load(const char *path, const char *schema, struct baseline *out,
    char *err, size_t errlen);

/* Set each finding's change and before, and the audit's baseline_path
 * and baseline_note.  Returns 0, or -1 with a message in err when the
 * baseline belongs to another tenant or profile, or holds no findings
 * (its audit could not finish): nothing is compared. */
int baseline_compare(const struct baseline *baseline, struct audit *audit,
    char *err, size_t errlen);

void baseline_clear(struct baseline *baseline);

#endif
