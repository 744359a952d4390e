/*
 * model.h: the result of one audit, the one model every writer renders.
 *
 * The audit builds a struct audit: what was checked before any role
 * question (pre-flight), every probe with its request and answer, one
 * finding per requirement of the profile, and the fix list in the order
 * an admin clicks through the role screen.  The XML, HTML, JUnit and
 * terminal writers only read it.
 *
 * Ownership: audit_free frees an audit and everything in it.  Pointers to
 * the profile (requirements, probes) are borrowed from the profile, which
 * must outlive the audit.
 */
#ifndef RA_MODEL_H
#define RA_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "answer.h"
#include "level.h"
#include "rules.h"

enum verdict {
	VERDICT_PASS = 0,
	VERDICT_GAP,
	VERDICT_EXCESS,		/* met, and granted beyond need: advice */
	VERDICT_UNKNOWN,	/* see cause */
	VERDICT_UNVERIFIABLE,	/* nothing can prove it from here */
	VERDICT_COUNT
};

enum check_status {
	CHECK_PASS = 0,
	CHECK_WARN,		/* worth saying, audit goes on */
	CHECK_FAIL,		/* the audit stops here */
	CHECK_SKIPPED		/* an earlier check failed */
};

/* One pre-flight step: "server", "company", "client id", "keys",
 * "member". */
struct check {
	char *name;
	enum check_status status;
	enum cause cause;	/* for CHECK_FAIL */
	char *detail;		/* a sentence for the admin */
};

/* One request the audit made, as the reports show it.  path never holds
 * a host, a key or a header. */
struct probe_record {
	const struct rule_probe *spec;	/* NULL for pre-flight calls */
	char *path;		/* "/v4_6_release/apis/3.0/service/boards" */
	struct observation obs;	/* obs.status is the HTTP status */
	int attempts;
	double seconds;
	bool ran;		/* false: it could not be sent (see obs) */
};

/* One thing to change in ConnectWise, as the admin will click it. */
struct fix {
	char *click_path;	/* "System > Security Roles > R > System >
				 * Table Setup" */
	char *change;		/* "Inquire Level None → All" or
				 * "Customize: move \"Project / Phase Status\"
				 * to \"Allow access to these\"" */
	size_t finding;		/* index into audit->findings */
};

/* What a rerun says of one requirement against an earlier report. */
enum change {
	CHANGE_NONE = 0,	/* no baseline */
	CHANGE_REGRESSED,	/* met before; a gap or undecided now */
	CHANGE_FIXED,		/* a gap before, met now */
	CHANGE_STILL_MISSING,	/* a gap before and now */
	CHANGE_NEW_EXCESS,	/* excess now, not before */
	CHANGE_UNCHANGED,
	CHANGE_NEW		/* not in the earlier report */
};

struct finding {
	const struct requirement *req;
	enum verdict verdict;
	enum cause cause;	/* for unknown and unverifiable */
	bool settings_seen;	/* mySecurity had this function */
	enum level observed[ACTION_COUNT];	/* LEVEL_UNSEEN when not */
	size_t missing_count;	/* allow-list items not allowed */
	char **missing;		/* their labels; owned */
	size_t excess_count;	/* actions granted beyond need */
	enum action excess[ACTION_COUNT];
	bool disagreement;	/* settings and probes tell different stories */
	char *note;		/* one or two sentences, or NULL */
	enum change change;
	enum verdict before;	/* the baseline's verdict, with a change */
};

struct tenant {
	char *company;		/* company id as typed */
	char *server;		/* host the user gave, normalized */
	char *site_url;		/* companyinfo SiteUrl: the API host */
	char *codebase;		/* "v4_6_release/" */
	char *version;		/* server version, from /system/info */
	bool is_cloud;
};

struct member {
	char *identifier;
	char *role;		/* securityRole.name */
	bool api_member;	/* licenseClass "A" */
	bool inactive;
	bool seen;
};

struct audit {
	char *tool_version;
	const struct profile *profile;
	struct tenant tenant;
	struct member member;
	time_t started;
	double seconds;
	/* Notes on how the input was read ("stripped the scheme"). */
	size_t input_note_count;
	char **input_notes;

	size_t check_count;
	struct check *checks;
	bool stopped;		/* a pre-flight check failed: no findings */

	bool settings_readable;	/* mySecurity answered */
	size_t probe_count;
	struct probe_record *probes;

	size_t finding_count;	/* equals profile->requirement_count when
				 * not stopped, else 0 */
	struct finding *findings;
	size_t fix_count;
	struct fix *fixes;

	/* Baseline comparison, when there was one. */
	char *baseline_path;	/* or NULL */
	char *baseline_note;	/* "made with profile version 0.9", or NULL */
	size_t counts[VERDICT_COUNT];
};

void audit_free(struct audit *audit);

/* Count findings by verdict into audit->counts. */
void audit_count(struct audit *audit);

/* The exit status the audit earns: 0 no gaps, 1 gaps on required
 * requirements, 2 something undecided and no gap, 3 stopped. */
int audit_exit_code(const struct audit *audit);

/* Static names, as used in reports: "pass", "gap", ... */
const char *verdict_name(enum verdict verdict);
const char *change_name(enum change change);
const char *check_status_name(enum check_status status);

#endif
