/*
 * verdict.c: one requirement, its evidence, one verdict.
 *
 * The order of the rules is in verdict.h.  The work is split in three:
 * what the settings say (settings_judge), what the probes say
 * (probes_judge), and the decision that weighs the two (decide).
 */
#include "verdict.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"

/* What the settings say about one requirement. */
struct settings_view {
	bool seen;		/* levels read from mySecurity */
	bool short_level;	/* a needed level is not granted */
	bool items_known;	/* the allow list could be read (or none
				 * applies) */
	bool short_items;	/* a needed item is not allowed */
};

/* What the probes say about one requirement. */
struct probes_view {
	enum cause unknown;	/* first undecided probe's cause */
	const struct rule_probe *unknown_probe;
	bool denied;		/* a denial that counts */
	const struct rule_probe *denied_probe;
	bool explained;		/* a denial the depended-on gap explains */
	enum level proven;	/* inquire level proven by records */
	size_t with_records;
	size_t empty;
	size_t total;
};

static bool
needs_levels(const struct requirement *req)
{
	int a;

	for (a = 0; a < ACTION_COUNT; a++)
		if (req->need[a] != LEVEL_NONE)
			return true;
	return false;
}

static const struct setting *
find_setting(const struct evidence *ev, const char *module_id,
    const char *function_id)
{
	size_t i;

	for (i = 0; i < ev->setting_count; i++) {
		const struct setting *s = &ev->settings[i];

		if (s->module_id == NULL || s->function_id == NULL)
			continue;
		if (strcasecmp(s->module_id, module_id) == 0 &&
		    strcasecmp(s->function_id, function_id) == 0)
			return s;
	}
	return NULL;
}

static bool
item_allowed(const struct evidence *ev, const char *list, const char *item)
{
	size_t llen = strlen(list);
	size_t i;

	for (i = 0; i < ev->item_count; i++) {
		const char *entry = ev->items[i];

		if (strncasecmp(entry, list, llen) == 0 &&
		    entry[llen] == '\t' &&
		    strcasecmp(entry + llen + 1, item) == 0)
			return true;
	}
	return false;
}

/* Copy the levels of the requirement's own function, and compare. */
static void
judge_levels(const struct requirement *req, const struct evidence *ev,
    struct finding *out, struct settings_view *view)
{
	const struct setting *s;
	int a;

	if (!ev->settings_readable)
		return;
	s = find_setting(ev, req->module_id, req->function_id);
	view->seen = true;
	out->settings_seen = true;
	for (a = 0; a < ACTION_COUNT; a++) {
		out->observed[a] = s != NULL ? s->level[a] : LEVEL_NONE;
		if (!level_meets(out->observed[a], req->need[a]))
			view->short_level = true;
		else if (req->need[a] != LEVEL_ALL &&
		    out->observed[a] > req->need[a] && needs_levels(req))
			out->excess[out->excess_count++] = (enum action)a;
	}
	if (s == NULL)
		text_append(&out->note, "mySecurity does not list %s > %s,"
		    " so it is taken as None.", req->module, req->function);
}

static int
add_missing(struct finding *out, const char *label)
{
	char **grown;

	grown = realloc(out->missing, (out->missing_count + 1) *
	    sizeof *grown);
	if (grown == NULL)
		return -1;
	out->missing = grown;
	out->missing[out->missing_count] = text_dup(label);
	if (out->missing[out->missing_count] == NULL)
		return -1;
	out->missing_count++;
	return 0;
}

/* Check each needed allow-list item against the member's allow list. */
static void
judge_items(const struct profile *profile, const struct requirement *req,
    const struct evidence *ev, struct finding *out,
    struct settings_view *view)
{
	const struct rule_customize *list;
	const struct setting *owner;
	size_t i;

	view->items_known = true;
	if (req->customize_id == NULL)
		return;
	list = &profile->customizes[req->customize_index];
	owner = ev->settings_readable ?
	    find_setting(ev, list->module_id, list->function_id) : NULL;
	if (owner != NULL && !owner->custom)
		return;		/* no Customize list: every table allowed */
	if (!ev->settings_readable || !ev->items_readable) {
		view->items_known = false;
		return;
	}

	for (i = 0; i < req->item_count; i++) {
		const struct rule_item *item = rules_item(list, req->items[i]);
		const char *label = item != NULL ? item->label : req->items[i];

		if (item_allowed(ev, list->id, req->items[i]))
			continue;
		view->short_items = true;
		add_missing(out, label);
	}
}

static enum level
proven_by(const struct rule_probe *probe, const struct observation *obs)
{
	if (probe->owner_field != NULL)
		return obs->foreign_owner ? LEVEL_ALL : LEVEL_MINE;
	return probe->proves;
}

/* Weigh one probe's observation for this requirement. */
static void
judge_probe(const struct probe_ref *ref, const struct rule_probe *probe,
    const struct observation *obs, bool depends_gap, struct probes_view *view)
{
	enum level level;

	view->total++;
	switch (obs->outcome) {
	case OUTCOME_UNKNOWN:
		if (view->unknown == CAUSE_NONE) {
			view->unknown = obs->cause;
			view->unknown_probe = probe;
		}
		break;
	case OUTCOME_DENIED:
		if (ref->on_denied == DENIAL_INCONCLUSIVE)
			break;
		if (depends_gap) {
			view->explained = true;
			break;
		}
		if (!view->denied)
			view->denied_probe = probe;
		view->denied = true;
		break;
	case OUTCOME_EMPTY:
		view->empty++;
		break;
	case OUTCOME_RECORDS:
		view->with_records++;
		level = proven_by(probe, obs);
		if (level > view->proven)
			view->proven = level;
		break;
	}
}

/* A probe that was not sent because its parent found nothing, where the
 * parent is a probe of the same requirement: the parent speaks for it. */
static bool
parent_speaks(const struct requirement *req, const struct rule_probe *probe,
    const struct observation *obs)
{
	size_t i;

	if (probe->needs == NULL || obs->cause != CAUSE_NOTHING_TO_PROBE)
		return false;
	for (i = 0; i < req->probe_count; i++)
		if (req->probes[i].probe == probe->needs_index)
			return true;
	return false;
}

static void
probes_judge(const struct profile *profile, const struct requirement *req,
    const struct evidence *ev, const struct finding *findings,
    struct probes_view *view)
{
	bool depends_gap = false;
	size_t i;

	memset(view, 0, sizeof *view);
	view->proven = LEVEL_NONE;
	if (req->depends != NULL)
		depends_gap = findings[req->depends_index].verdict ==
		    VERDICT_GAP;

	for (i = 0; i < req->probe_count; i++) {
		const struct probe_ref *ref = &req->probes[i];
		const struct observation *obs = ev->probes[ref->probe];

		if (obs == NULL ||
		    parent_speaks(req, &profile->probes[ref->probe], obs))
			continue;
		judge_probe(ref, &profile->probes[ref->probe], obs,
		    depends_gap, view);
	}
}

/* Without settings: can the probes alone prove every need? */
static enum verdict
unseen_unproven(const struct evidence *ev, struct finding *out)
{
	if (ev->settings_cause != CAUSE_SETTINGS_HIDDEN &&
	    ev->settings_cause != CAUSE_NONE) {
		out->cause = ev->settings_cause;
		return VERDICT_UNKNOWN;
	}
	out->cause = CAUSE_SETTINGS_HIDDEN;
	return VERDICT_UNVERIFIABLE;
}

static enum verdict
decide_unseen(const struct requirement *req, const struct evidence *ev,
    const struct probes_view *pv, bool items_needed, struct finding *out)
{
	int a;

	for (a = 0; a < ACTION_INQUIRE; a++) {
		if (req->need[a] != LEVEL_NONE) {
			text_append(&out->note, "%s cannot be proven by "
			    "reading, and the member's own settings could "
			    "not be read.", action_label((enum action)a));
			return unseen_unproven(ev, out);
		}
	}
	if (!level_meets(pv->proven, req->need[ACTION_INQUIRE]) ||
	    (items_needed && pv->with_records == 0)) {
		text_append(&out->note, "No probe proved it: %s, and the "
		    "member's own settings could not be read.",
		    pv->total == 0 ? "it has no probe" :
		    "the answers held no records that prove access");
		return unseen_unproven(ev, out);
	}
	text_append(&out->note, "Proven by the probes; the member's own "
	    "settings could not be read.");
	return VERDICT_PASS;
}

static void
note_denial(const struct settings_view *sv, const struct probes_view *pv,
    struct finding *out)
{
	text_append(&out->note, "GET %s answered 403 Security.",
	    pv->denied_probe->path);
	if (sv->seen && !sv->short_level && !sv->short_items) {
		out->disagreement = true;
		text_append(&out->note, "The role's own settings say it is "
		    "granted: settings and server disagree.");
	}
}

static enum verdict
decide(const struct requirement *req, const struct evidence *ev,
    const struct settings_view *sv, const struct probes_view *pv,
    struct finding *out)
{
	bool levels = needs_levels(req);

	if (sv->short_level || sv->short_items) {
		if (pv->proven == LEVEL_ALL && sv->short_level) {
			out->disagreement = true;
			text_append(&out->note, "A probe saw records of other "
			    "members although the settings fall short.");
		}
		return VERDICT_GAP;
	}
	if (pv->unknown != CAUSE_NONE) {
		out->cause = pv->unknown;
		text_append(&out->note, "GET %s could not be decided: %s.",
		    pv->unknown_probe->path, cause_text(pv->unknown));
		return VERDICT_UNKNOWN;
	}
	if (pv->denied) {
		note_denial(sv, pv, out);
		return VERDICT_GAP;
	}
	if (pv->explained)
		text_append(&out->note, "Its probe was denied because of the "
		    "gap it depends on; rerun after fixing that.");
	if ((levels && !sv->seen) || !sv->items_known)
		return decide_unseen(req, ev, pv, !sv->items_known, out);
	if (pv->empty > 0 && pv->with_records == 0)
		text_append(&out->note, "The probes returned no records, "
		    "which proves nothing; the role's settings decide.");
	return out->excess_count > 0 ? VERDICT_EXCESS : VERDICT_PASS;
}

void
verdict_decide(const struct profile *profile, size_t i,
    const struct evidence *evidence, const struct finding *findings,
    struct finding *out)
{
	const struct requirement *req = &profile->requirements[i];
	struct settings_view sv = { 0 };
	struct probes_view pv;
	int a;

	memset(out, 0, sizeof *out);
	out->req = req;
	for (a = 0; a < ACTION_COUNT; a++)
		out->observed[a] = LEVEL_UNSEEN;

	judge_levels(req, evidence, out, &sv);
	judge_items(profile, req, evidence, out, &sv);
	probes_judge(profile, req, evidence, findings, &pv);
	out->verdict = decide(req, evidence, &sv, &pv, out);
	if (out->verdict != VERDICT_EXCESS)
		out->excess_count = 0;
}
