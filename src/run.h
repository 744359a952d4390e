/*
 * run.h: the state of one audit while it runs (private to audit.c,
 * preflight.c, evidence.c and fix.c).
 *
 * A run owns the audit being built, the net it asks through, and the
 * evidence gathered so far.  Records (audit->probes) are referred to by
 * index, since the array grows.
 */
#ifndef RA_RUN_H
#define RA_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "audit.h"
#include "model.h"
#include "net.h"
#include "verdict.h"

#define RUN_NO_RECORD ((size_t)-1)

struct run {
	const struct audit_input *in;
	struct audit *audit;
	struct net *net;
	char *user;		/* "company+public" for Basic auth */
	char *login_url;	/* https://server/login/companyinfo/company */
	char *api_url;		/* https://site/codebase/apis/3.0/ */
	char *api_path;		/* /codebase/apis/3.0/ */

	/* Evidence. */
	bool settings_readable;
	enum cause settings_cause;
	size_t setting_count;
	struct setting *settings;
	bool items_readable;
	size_t item_count;
	char **items;		/* "list\titem" */
	size_t *probe_record;	/* per profile probe: record index */
	size_t probes_done;
	size_t probes_total;
	bool failed;		/* out of memory: give up */
};

/* Add a record for a request to path (relative to the API base, or an
 * absolute path when absolute is true).  Returns its index, or
 * RUN_NO_RECORD when out of memory. */
size_t run_record(struct run *run, const struct rule_probe *spec,
    const char *path, bool absolute);

/* Fill record index from an answer: observation, attempts, seconds. */
void run_answered(struct run *run, size_t record,
    const struct net_answer *answer, const struct rule_probe *spec);

/* Append a pre-flight check; detail is formatted.  Returns 0 or -1. */
int run_check(struct run *run, const char *name, enum check_status status,
    enum cause cause, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* preflight.c: companyinfo, /system/info, /system/myMembers.  Returns
 * 0 when the audit may go on, -1 when a check failed (audit->stopped). */
int preflight_run(struct run *run);

/* evidence.c: queue mySecurity, its customizeItems, and every probe; the
 * dependent probes follow their parents from within the callbacks. */
void evidence_queue(struct run *run);
void evidence_free(struct run *run);

/* fix.c: the fix list of a decided audit, in click order. */
int fix_build(struct audit *audit);

#endif
