/*
 * store.h: where reports go, and how they get there without harm.
 *
 * Reports accumulate per tenant: OUTPUT/COMPANY@HOST/PROFILE-STAMP.EXT,
 * one per run, with PROFILE-latest.EXT a symbolic link to the newest.
 * With an explicit name they go to OUTPUT/NAME.EXT instead.  Every file
 * is written to a temporary file in the same folder, flushed, synced
 * and only then moved into place, so a run that crashes, is killed or
 * fails never truncates or replaces an earlier report; a time-named
 * report never replaces another (a second run in the same second gets
 * a suffix), so two runs at once never mix their files.
 */
#ifndef RA_STORE_H
#define RA_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "model.h"

typedef int (*store_writer)(const struct audit *audit, FILE *out);

struct store {
	char *dir;		/* the folder the reports go to; owned */
	char *base;		/* "horizon-20261204T101500Z" or NAME; owned */
	char *latest;		/* "horizon-latest", or NULL with a name */
	bool history;		/* time-named: never replace */
};

/* Choose the folder and base name for an audit's reports and create the
 * folder.  name may be NULL.  Returns 0, or -1 with a message in err. */
int store_open(struct store *store, const char *output_dir,
    const char *name, const struct audit *audit, char *err, size_t errlen);

/* Before any request: create output_dir if needed and make sure reports
 * can be written there.  Returns 0, or -1 with a message in err. */
int store_check_dir(const char *output_dir, char *err, size_t errlen);

/* Write one report with writer as BASE.EXT, atomically.  On success
 * *path (new) names the file.  Returns 0, or -1 with a message in err;
 * nothing of an earlier report is touched on failure. */
int store_write(struct store *store, const char *ext, store_writer writer,
    const struct audit *audit, char **path, char *err, size_t errlen);

/* Point PROFILE-latest.EXT at the report just written (history only). */
int store_mark_latest(const struct store *store, const char *ext,
    char *err, size_t errlen);

/* The latest earlier report of this store's tenant and profile, or NULL
 * when there is none.  New. */
char *store_latest_path(const struct store *store, const char *ext);

void store_close(struct store *store);

#endif
