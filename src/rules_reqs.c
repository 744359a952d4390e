/*
 * rules_reqs.c: the requirements of a profile.  Each names one module
 * function of the role (labels for the fix list, identifiers for
 * mySecurity), the levels it needs, the allow-list items it needs, why,
 * where the rule comes from, and the probes that show it from outside.
 */
#include <stdlib.h>
#include <string.h>

#include "rules_build.h"
#include "rules_private.h"

static void
req_attrs(struct builder *b, xmlNodePtr node, struct requirement *req)
{
	char *need;

	req->line = build_line(node);
	req->id = build_attr(b, node, "id");
	req->module = build_attr(b, node, "module");
	req->module_id = build_attr(b, node, "module-id");
	req->function = build_attr(b, node, "function");
	req->function_id = build_attr(b, node, "function-id");
	req->feature = build_attr(b, node, "feature");
	req->source = build_attr(b, node, "source");
	req->source_note = build_attr(b, node, "reason");
	req->depends = build_attr(b, node, "depends");
	req->depends_index = (size_t)-1;
	req->customize_index = (size_t)-1;

	need = build_attr(b, node, "need");
	req->required = need == NULL || strcmp(need, "optional") != 0;
	free(need);
}

static void
req_levels(struct builder *b, xmlNodePtr node, struct requirement *req)
{
	enum action action;
	char *text;

	for (action = 0; action < ACTION_COUNT; action++) {
		text = build_attr(b, node, action_key(action));
		if (text != NULL && !level_parse(text, &req->need[action]))
			diag_add(b->diag, b->file, build_line(node),
			    "requirement \"%s\": %s level \"%s\" is not a "
			    "level; use None, Mine, My or All", req->id,
			    action_key(action), text);
		free(text);
	}
}

static size_t
find_customize(const struct profile *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->customize_count; i++) {
		if (p->customizes[i].id != NULL &&
		    strcmp(p->customizes[i].id, id) == 0)
			return i;
	}
	return p->customize_count;
}

static void
allow_item(struct builder *b, xmlNodePtr node, struct requirement *req,
    const struct rule_customize *list)
{
	char *id = build_attr(b, node, "ref");
	size_t k;

	if (id == NULL)
		return;
	req->items[req->item_count++] = id;
	if (list != NULL && rules_item(list, id) == NULL)
		diag_add(b->diag, b->file, build_line(node),
		    "requirement \"%s\": item \"%s\" is not in allow list "
		    "\"%s\"; use an item that list defines", req->id, id,
		    list->id);
	for (k = 0; k + 1 < req->item_count; k++) {
		if (strcmp(req->items[k], id) == 0)
			diag_add(b->diag, b->file, build_line(node),
			    "requirement \"%s\": item \"%s\" is listed twice; "
			    "keep one", req->id, id);
	}
}

static const struct rule_customize *
allow_list(struct builder *b, xmlNodePtr node, struct requirement *req)
{
	const struct profile *p = b->profile;
	const struct rule_customize *list;
	size_t i = find_customize(p, req->customize_id);

	if (i == p->customize_count) {
		diag_add(b->diag, b->file, build_line(node),
		    "requirement \"%s\": allow list \"%s\" is not defined; "
		    "add a customize element with that id", req->id,
		    req->customize_id);
		return NULL;
	}
	req->customize_index = i;
	list = &p->customizes[i];
	if (list->module_id == NULL || list->function_id == NULL)
		return list;
	if (strcmp(list->module_id, req->module_id) != 0 ||
	    strcmp(list->function_id, req->function_id) != 0)
		diag_add(b->diag, b->file, build_line(node),
		    "requirement \"%s\": allow list \"%s\" belongs to %s/%s "
		    "but the requirement names %s/%s; use the list's module "
		    "and function", req->id, list->id, list->module_id,
		    list->function_id, req->module_id, req->function_id);
	return list;
}

static void
req_allow(struct builder *b, xmlNodePtr node, struct requirement *req)
{
	const struct rule_customize *list;
	xmlNodePtr child;

	req->customize_id = build_attr(b, node, "customize");
	req->items = calloc(build_count(node, "item") + 1, sizeof *req->items);
	if (req->customize_id == NULL || req->items == NULL) {
		b->oom = true;
		return;
	}
	list = allow_list(b, node, req);
	for (child = node->children; child != NULL; child = child->next) {
		if (build_is(child, "item"))
			allow_item(b, child, req, list);
	}
}

static void
req_probe(struct builder *b, xmlNodePtr node, struct requirement *req)
{
	const struct rule_probe *probe;
	struct probe_ref *ref = &req->probes[req->probe_count++];
	char *id = build_attr(b, node, "ref");
	char *denied = build_attr(b, node, "on-denied");
	size_t k;

	ref->probe = (size_t)-1;
	ref->on_denied = denied != NULL && strcmp(denied, "inconclusive") == 0 ?
	    DENIAL_INCONCLUSIVE : DENIAL_GAP;
	free(denied);
	probe = id != NULL ? rules_probe(b->profile, id) : NULL;
	if (probe != NULL)
		ref->probe = (size_t)(probe - b->profile->probes);
	else if (id != NULL)
		diag_add(b->diag, b->file, build_line(node),
		    "requirement \"%s\": probe \"%s\" is not defined; define "
		    "it with the other probes", req->id, id);
	for (k = 0; probe != NULL && k + 1 < req->probe_count; k++) {
		if (req->probes[k].probe == ref->probe)
			diag_add(b->diag, b->file, build_line(node),
			    "requirement \"%s\": probe \"%s\" is referenced "
			    "twice; keep one", req->id, id);
	}
	free(id);
}

static void
req_reason(struct builder *b, xmlNodePtr node, struct requirement *req)
{
	if (req->source_note != NULL) {
		diag_add(b->diag, b->file, build_line(node),
		    "requirement \"%s\": the reason is given twice; keep "
		    "either the reason attribute or the reason element",
		    req->id);
		return;
	}
	req->source_note = build_text(b, node);
}

static void
req_children(struct builder *b, xmlNodePtr node, struct requirement *req)
{
	xmlNodePtr child;

	req->probes = calloc(build_count(node, "probe") + 1,
	    sizeof *req->probes);
	if (req->probes == NULL) {
		b->oom = true;
		return;
	}
	for (child = node->children; child != NULL; child = child->next) {
		if (build_is(child, "levels"))
			req_levels(b, child, req);
		else if (build_is(child, "allow"))
			req_allow(b, child, req);
		else if (build_is(child, "why"))
			req->why = build_text(b, child);
		else if (build_is(child, "reason"))
			req_reason(b, child, req);
		else if (build_is(child, "probe"))
			req_probe(b, child, req);
	}
}

static bool
needs_something(const struct requirement *req)
{
	enum action action;

	for (action = 0; action < ACTION_COUNT; action++) {
		if (req->need[action] != LEVEL_NONE)
			return true;
	}
	return req->item_count > 0;
}

static void
req_check(struct builder *b, const struct requirement *req)
{
	const struct profile *p = b->profile;
	size_t i;

	for (i = 0; i + 1 < p->requirement_count; i++) {
		if (p->requirements[i].id != NULL &&
		    strcmp(p->requirements[i].id, req->id) == 0) {
			diag_add(b->diag, b->file, req->line,
			    "requirement \"%s\": the id is already used on "
			    "line %d; give each requirement its own id",
			    req->id, p->requirements[i].line);
			break;
		}
	}
	if (!needs_something(req))
		diag_add(b->diag, b->file, req->line,
		    "requirement \"%s\": needs nothing; give a level above "
		    "None in levels or an item in allow", req->id);
	if (strcmp(req->source, "inferred") == 0 && req->source_note == NULL)
		diag_add(b->diag, b->file, req->line,
		    "requirement \"%s\": source \"inferred\" needs a reason; "
		    "add a reason element saying what it is inferred from",
		    req->id);
}

void
build_requirement(struct builder *b, xmlNodePtr node)
{
	struct profile *p = b->profile;
	struct requirement *req = &p->requirements[p->requirement_count++];

	req_attrs(b, node, req);
	if (req->id == NULL || req->module_id == NULL ||
	    req->function_id == NULL || req->source == NULL) {
		b->oom = true;
		return;
	}
	req_children(b, node, req);
	if (req->why == NULL)
		b->oom = true;
	req_check(b, req);
}

static size_t
find_requirement(const struct profile *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->requirement_count; i++) {
		if (p->requirements[i].id != NULL &&
		    strcmp(p->requirements[i].id, id) == 0)
			return i;
	}
	return p->requirement_count;
}

static void
resolve_depends(struct builder *b, size_t i)
{
	struct requirement *req = &b->profile->requirements[i];
	size_t j = find_requirement(b->profile, req->depends);

	if (j == b->profile->requirement_count)
		diag_add(b->diag, b->file, req->line,
		    "requirement \"%s\": depends on \"%s\" but there is no "
		    "requirement \"%s\"; name a requirement defined before "
		    "it", req->id, req->depends, req->depends);
	else if (j == i)
		diag_add(b->diag, b->file, req->line,
		    "requirement \"%s\": depends on itself; name the earlier "
		    "requirement whose gap explains this one's denials",
		    req->id);
	else if (j > i)
		diag_add(b->diag, b->file, req->line,
		    "requirement \"%s\": depends on \"%s\" but no "
		    "requirement \"%s\" comes before it; define it earlier",
		    req->id, req->depends, req->depends);
	else
		req->depends_index = j;
}

void
build_requirement_depends(struct builder *b)
{
	size_t i;

	for (i = 0; i < b->profile->requirement_count; i++) {
		if (b->profile->requirements[i].depends != NULL)
			resolve_depends(b, i);
	}
}

void
rules_free_requirement(struct requirement *req)
{
	size_t k;

	free(req->id);
	free(req->module);
	free(req->function);
	free(req->module_id);
	free(req->function_id);
	free(req->customize_id);
	for (k = 0; k < req->item_count; k++)
		free(req->items[k]);
	free(req->items);
	free(req->feature);
	free(req->why);
	free(req->source);
	free(req->source_note);
	free(req->depends);
	free(req->probes);
}

void
rules_free_customize(struct rule_customize *list)
{
	size_t k;

	free(list->id);
	free(list->module_id);
	free(list->function_id);
	for (k = 0; k < list->item_count; k++) {
		free(list->items[k].id);
		free(list->items[k].label);
	}
	free(list->items);
}
