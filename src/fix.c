/*
 * fix.c: the fix list, in the order an admin clicks through the role.
 *
 * The admin opens System > Security Roles, the role, then each module
 * function in turn.  Findings come in the profile's file order, which
 * follows the role screen; within one function the levels come before
 * its Customize list, as on the screen.  Each gap gives one fix per
 * level it lacks and one for its missing allow-list items.
 */
#include <stdlib.h>
#include <string.h>

#include "run.h"
#include "text.h"

static int
add_fix(struct audit *audit, size_t finding, char *click_path,
    char *change)
{
	struct fix *grown;

	grown = realloc(audit->fixes, (audit->fix_count + 1) * sizeof *grown);
	if (grown == NULL || click_path == NULL || change == NULL) {
		if (grown != NULL)
			audit->fixes = grown;
		free(click_path);
		free(change);
		return -1;
	}
	audit->fixes = grown;
	audit->fixes[audit->fix_count].click_path = click_path;
	audit->fixes[audit->fix_count].change = change;
	audit->fixes[audit->fix_count].finding = finding;
	audit->fix_count++;
	return 0;
}

static const char *
role_name(const struct audit *audit)
{
	if (audit->member.role != NULL)
		return audit->member.role;
	if (audit->profile->role_hint != NULL)
		return audit->profile->role_hint;
	return "(the member's role)";
}

static char *
click_path(const struct audit *audit, const char *module,
    const char *function)
{
	return text_printf("System > Security Roles > %s > %s > %s",
	    role_name(audit), module, function);
}

static int
level_fixes(struct audit *audit, size_t index)
{
	const struct finding *f = &audit->findings[index];
	const struct requirement *req = f->req;
	int a, rc = 0;

	for (a = 0; a < ACTION_COUNT && rc == 0; a++) {
		enum level need = req->need[a];
		enum level seen = f->observed[a];
		char *change;

		if (need == LEVEL_NONE || (f->settings_seen &&
		    level_meets(seen, need) && !f->disagreement))
			continue;
		if (f->settings_seen && !level_meets(seen, need))
			change = text_printf("%s Level %s \u2192 %s",
			    action_label((enum action)a), level_name(seen),
			    level_name(need));
		else
			change = text_printf("%s Level: make sure it is %s "
			    "(the server denied the probe)",
			    action_label((enum action)a), level_name(need));
		rc = add_fix(audit, index, click_path(audit, req->module,
		    req->function), change);
	}
	return rc;
}

/* "A", "B" and "C" */
static char *
join_labels(char *const *labels, size_t count)
{
	char *joined = text_printf("\"%s\"", labels[0]);
	char *next;
	size_t i;

	for (i = 1; i < count && joined != NULL; i++) {
		next = text_printf("%s%s \"%s\"", joined,
		    i + 1 == count ? " and" : ",", labels[i]);
		free(joined);
		joined = next;
	}
	return joined;
}

/* A denied table whose allow list could not be read: both the list and
 * Table Setup's inquire level may be the cause. */
static char *
unseen_items_change(const struct finding *f, char *labels)
{
	return text_printf("Customize: make sure %s %s in \"Allow access to "
	    "these\" and the Inquire Level is All (the server denied the "
	    "table)", labels, f->req->item_count == 1 ? "is" : "are");
}

static int
item_fix(struct audit *audit, size_t index)
{
	const struct finding *f = &audit->findings[index];
	const struct rule_customize *list;
	char **labels_of;
	char *labels, *change;
	size_t i;

	if (f->missing_count > 0) {
		labels = join_labels(f->missing, f->missing_count);
		change = labels == NULL ? NULL : text_printf("Customize: move "
		    "%s to \"Allow access to these\"", labels);
	} else if (f->req->item_count > 0 &&
	    (!f->settings_seen || f->disagreement)) {
		list = &audit->profile->customizes[f->req->customize_index];
		labels_of = calloc(f->req->item_count, sizeof *labels_of);
		if (labels_of == NULL)
			return -1;
		for (i = 0; i < f->req->item_count; i++) {
			const struct rule_item *item = rules_item(list,
			    f->req->items[i]);

			labels_of[i] = item != NULL ? item->label :
			    f->req->items[i];
		}
		labels = join_labels(labels_of, f->req->item_count);
		free(labels_of);
		change = labels == NULL ? NULL : unseen_items_change(f, labels);
	} else {
		return 0;
	}
	free(labels);
	if (change == NULL)
		return -1;
	return add_fix(audit, index, click_path(audit, f->req->module,
	    f->req->function), change);
}

int
fix_build(struct audit *audit)
{
	size_t i;

	for (i = 0; i < audit->finding_count; i++) {
		if (audit->findings[i].verdict != VERDICT_GAP)
			continue;
		if (level_fixes(audit, i) != 0 || item_fix(audit, i) != 0)
			return -1;
	}
	return 0;
}
