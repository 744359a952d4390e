/*
 * rules.h: the required-permission table of one integration profile.
 *
 * A profile is loaded from an XML data file (data/NAME.rules.xml) that is
 * validated against data/rules.xsd and then checked for meaning (probe
 * references resolve, identifiers are unique, levels parse).  Every
 * mistake is reported with file:line; see docs/RULES.md for the format.
 *
 * Ownership: rules_load returns a profile the caller frees with
 * rules_free.  Every pointer inside a profile is owned by the profile and
 * lives as long as it.
 */
#ifndef RA_RULES_H
#define RA_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "level.h"

/* What a probe's answer is expected to be. */
enum probe_expect {
	EXPECT_LIST = 0,	/* a JSON array of records */
	EXPECT_OBJECT,		/* one JSON object */
	EXPECT_COUNT		/* {"count": N} */
};

/* One item of a Customize allow list, as the API names it and as the role
 * screen labels it ("Service / Service Board"). */
struct rule_item {
	char *id;		/* itemIdentifier in the API */
	char *label;
};

/* A Customize list: the allow list of one module function. */
struct rule_customize {
	char *id;		/* customizeIdentifier: "SystemTableSetup" */
	char *module_id;
	char *function_id;
	size_t item_count;
	struct rule_item *items;
	int line;
};

/* One GET request that gathers evidence.  The path is relative to the API
 * base (".../apis/3.0/") and may hold "{id}", replaced by the id of the
 * first record that the probe named by needs returned. */
struct rule_probe {
	char *id;
	char *path;		/* e.g. "project/projects/{id}/phases" */
	char *query;		/* e.g. "pageSize=1&fields=id", or NULL */
	char *needs;		/* the probe that supplies {id}, or NULL */
	size_t needs_index;	/* index of that probe, when needs is set */
	enum probe_expect expect;
	/* A record whose value at owner_field (a "a/b" path) is not the
	 * calling member's identifier proves inquire All: under My the server
	 * returns only the member's own records.  NULL when records have no
	 * owner. */
	char *owner_field;
	/* The inquire level that a non-empty answer proves on its own, for
	 * records without an owner (setup tables): usually LEVEL_ALL. */
	enum level proves;
	int line;
};

/* How a requirement takes a denial (403 Security) on one of its probes. */
enum denial_meaning {
	DENIAL_GAP = 0,		/* the requirement is not met */
	DENIAL_INCONCLUSIVE	/* something else may deny it (an allow list) */
};

struct probe_ref {
	size_t probe;		/* index into profile->probes */
	enum denial_meaning on_denied;
};

struct requirement {
	char *id;
	char *module;		/* UI label: "System" */
	char *function;		/* UI label: "Table Setup" */
	char *module_id;	/* moduleIdentifier in mySecurity */
	char *function_id;	/* moduleFunctionIdentifier in mySecurity */
	enum level need[ACTION_COUNT];	/* LEVEL_NONE: not needed */
	/* Allow-list items this requirement needs, all in one list. */
	char *customize_id;	/* NULL when no items are needed */
	size_t customize_index;	/* into profile->customizes, when set */
	size_t item_count;
	char **items;		/* item ids; labels come from the list */
	bool required;		/* false: optional, advice only */
	char *feature;		/* what the integration does with it */
	char *why;
	char *source;		/* "seed" or "inferred" */
	char *source_note;	/* the reason, for inferred ones */
	/* A requirement whose gap explains this one's probe denials (the
	 * Table Setup inquire level for each table), or NULL. */
	char *depends;
	size_t depends_index;
	size_t probe_count;
	struct probe_ref *probes;
	int line;
};

struct profile {
	char *path;		/* the file it came from */
	char *name;		/* "horizon" */
	char *title;		/* "Horizon" */
	char *version;		/* the profile's own version */
	char *role_hint;	/* the role name the guide advises */
	size_t customize_count;
	struct rule_customize *customizes;
	size_t probe_count;
	struct rule_probe *probes;
	size_t requirement_count;
	struct requirement *requirements;
};

/* Load and check a profile.  schema is the path of rules.xsd.  On failure
 * returns NULL and appends every mistake found to diag. */
struct profile *rules_load(const char *path, const char *schema,
    struct diag *diag);

void rules_free(struct profile *profile);

/* Lookups by id; NULL when absent.  Borrowed. */
const struct rule_probe *rules_probe(const struct profile *profile,
    const char *id);
const struct rule_item *rules_item(const struct rule_customize *list,
    const char *id);

#endif
