/*
 * verdict.h: deciding one requirement from its evidence.
 *
 * Evidence is the member's own settings for the requirement's module
 * function (when mySecurity could be read), the allow list, and the
 * observations of the requirement's probes.  The rules, in order:
 *
 *  1. Settings that fall short of a needed level, or an allow list that
 *     lacks a needed item, make a gap: the role says so itself.
 *  2. A probe that could not be decided (network, 429, 5xx, edge block,
 *     nothing to probe with) makes the requirement unknown with that
 *     cause, since it was not verified.
 *  3. A role denial on a probe makes a gap, unless the denial is
 *     explained by a gap of the requirement it depends on or the profile
 *     marks it inconclusive.  Settings that say otherwise are reported
 *     as a disagreement.
 *  4. With settings seen and met, the requirement passes (excess when it
 *     grants more than needed).  An empty list never adds proof.
 *  5. Without settings, inquire passes only on a probe that proves it
 *     (records owned by others, or records of a setup table); add, edit
 *     and delete cannot be proven by reading, so they are unverifiable.
 *
 * Ownership: the finding's strings are new and freed with finding_clear.
 */
#ifndef RA_VERDICT_H
#define RA_VERDICT_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "rules.h"

/* The member's own settings for one module function. */
struct setting {
	char *module_id;
	char *function_id;
	char *module_name;
	char *function_name;
	enum level level[ACTION_COUNT];
	bool custom;		/* customFlag: an allow list applies */
};

struct evidence {
	bool settings_readable;
	/* Why they could not be read: CAUSE_SETTINGS_HIDDEN for a role
	 * denial, or the cause of a failed request. */
	enum cause settings_cause;
	size_t setting_count;
	const struct setting *settings;
	/* Allow-list items as "customizeIdentifier\titemIdentifier". */
	bool items_readable;
	size_t item_count;
	char *const *items;
	/* One observation per probe of the profile, by probe index; NULL
	 * entries did not run. */
	const struct observation *const *probes;
};

/* Decide requirement index i of profile.  findings holds the findings of
 * requirements before i (for depends), which the profile orders first. */
void verdict_decide(const struct profile *profile, size_t i,
    const struct evidence *evidence, const struct finding *findings,
    struct finding *out);

void finding_clear(struct finding *finding);

#endif
