/*
 * rules_build.c: turn a profile document that passed the schema into a
 * struct profile, checking what the schema cannot say: unique ids,
 * references that resolve and point backwards, safe paths and queries,
 * a reason for every inferred rule.  Every mistake is reported with its
 * line, and building goes on so that one run shows them all.
 */
#include "rules_private.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules_build.h"

/* A copy of an attribute, or NULL when it is absent.  New. */
char *
build_attr(struct builder *b, xmlNodePtr node, const char *name)
{
	xmlChar *value = xmlGetProp(node, (const xmlChar *)name);
	char *copy;

	if (value == NULL)
		return NULL;
	copy = strdup((const char *)value);
	xmlFree(value);
	if (copy == NULL)
		b->oom = true;
	return copy;
}

/* The text of an element with runs of white space made one space and
 * the ends trimmed, so that prose wrapped in the file reads as one line.
 * New. */
char *
build_text(struct builder *b, xmlNodePtr node)
{
	xmlChar *content = xmlNodeGetContent(node);
	const char *in;
	char *out, *text;
	bool space = false;

	if (content == NULL)
		return NULL;
	text = malloc(strlen((const char *)content) + 1);
	if (text == NULL) {
		b->oom = true;
		xmlFree(content);
		return NULL;
	}

	out = text;
	for (in = (const char *)content; *in != '\0'; in++) {
		if (strchr(" \t\r\n", *in) != NULL) {
			space = out != text;
			continue;
		}
		if (space)
			*out++ = ' ';
		space = false;
		*out++ = *in;
	}
	*out = '\0';
	xmlFree(content);
	return text;
}

bool
build_is(xmlNodePtr node, const char *name)
{
	return node->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)node->name, name) == 0;
}

size_t
build_count(xmlNodePtr parent, const char *name)
{
	xmlNodePtr node;
	size_t n = 0;

	for (node = parent->children; node != NULL; node = node->next) {
		if (build_is(node, name))
			n++;
	}
	return n;
}

int
build_line(xmlNodePtr node)
{
	long line = xmlGetLineNo(node);

	if (node->_private != NULL)
		return (int)(intptr_t)node->_private;

	return line > 0 && line < 0x7fffffff ? (int)line : 0;
}

static void
build_customize_items(struct builder *b, xmlNodePtr node,
    struct rule_customize *list)
{
	xmlNodePtr child;
	struct rule_item *item;
	size_t j;

	for (child = node->children; child != NULL; child = child->next) {
		if (!build_is(child, "item"))
			continue;
		item = &list->items[list->item_count++];
		item->id = build_attr(b, child, "id");
		item->label = build_attr(b, child, "label");
		for (j = 0; item->id != NULL && j + 1 < list->item_count; j++) {
			if (list->items[j].id != NULL &&
			    strcmp(list->items[j].id, item->id) == 0)
				diag_add(b->diag, b->file, build_line(child),
				    "customize \"%s\": item \"%s\" is listed "
				    "twice; keep one", list->id, item->id);
		}
	}
}

static void
build_customize(struct builder *b, xmlNodePtr node)
{
	struct profile *p = b->profile;
	struct rule_customize *list = &p->customizes[p->customize_count++];
	size_t i;

	list->line = build_line(node);
	list->id = build_attr(b, node, "id");
	list->module_id = build_attr(b, node, "module-id");
	list->function_id = build_attr(b, node, "function-id");
	list->items = calloc(build_count(node, "item") + 1,
	    sizeof *list->items);
	if (list->items == NULL) {
		b->oom = true;
		return;
	}
	build_customize_items(b, node, list);

	for (i = 0; list->id != NULL && i + 1 < p->customize_count; i++) {
		if (p->customizes[i].id != NULL &&
		    strcmp(p->customizes[i].id, list->id) == 0)
			diag_add(b->diag, b->file, list->line,
			    "customize \"%s\": the id is already used on line "
			    "%d; give each list its own id", list->id,
			    p->customizes[i].line);
	}
}

static bool
alloc_arrays(struct builder *b, xmlNodePtr root)
{
	struct profile *p = b->profile;

	p->customizes = calloc(build_count(root, "customize") + 1,
	    sizeof *p->customizes);
	p->probes = calloc(build_count(root, "probe") + 1, sizeof *p->probes);
	p->requirements = calloc(build_count(root, "requirement") + 1,
	    sizeof *p->requirements);
	if (p->customizes == NULL || p->probes == NULL ||
	    p->requirements == NULL) {
		b->oom = true;
		return false;
	}
	return true;
}

static void
build_header(struct builder *b, xmlNodePtr root, const char *file)
{
	struct profile *p = b->profile;

	p->path = strdup(file);
	if (p->path == NULL)
		b->oom = true;
	p->name = build_attr(b, root, "name");
	p->title = build_attr(b, root, "title");
	p->version = build_attr(b, root, "version");
	p->role_hint = build_attr(b, root, "role-hint");
}

static void
build_children(struct builder *b, xmlNodePtr root)
{
	xmlNodePtr node;

	for (node = root->children; node != NULL; node = node->next) {
		if (build_is(node, "customize"))
			build_customize(b, node);
		else if (build_is(node, "probe"))
			build_probe(b, node);
	}
	build_probe_needs(b);

	for (node = root->children; node != NULL; node = node->next) {
		if (build_is(node, "requirement"))
			build_requirement(b, node);
	}
	build_requirement_depends(b);
	build_unused_probes(b);
}

static int
message_line(const char *message, const char *file)
{
	size_t len = strlen(file);

	if (strncmp(message, file, len) != 0 || message[len] != ':')
		return 0;
	return (int)strtol(message + len + 1, NULL, 10);
}

/* Move the messages of local to the end of diag in line order (a stable
 * insertion sort: a profile has few mistakes). */
static void
move_sorted(struct diag *local, struct diag *diag, const char *file)
{
	char **grown;
	char *message;
	size_t i, j;

	for (i = 1; i < local->count; i++) {
		message = local->messages[i];
		for (j = i; j > 0 && message_line(local->messages[j - 1],
		    file) > message_line(message, file); j--)
			local->messages[j] = local->messages[j - 1];
		local->messages[j] = message;
	}

	grown = realloc(diag->messages,
	    (diag->count + local->count + 1) * sizeof *grown);
	if (grown == NULL) {
		diag_add(diag, file, 0, "out of memory while loading");
		diag_clear(local);
		return;
	}
	diag->messages = grown;
	for (i = 0; i < local->count; i++)
		diag->messages[diag->count++] = local->messages[i];
	free(local->messages);
	local->messages = NULL;
	local->count = 0;
}

struct profile *
rules_build(xmlDocPtr doc, const char *file, struct diag *diag)
{
	struct diag local = { 0 };
	struct builder b = { .file = file, .diag = &local };
	xmlNodePtr root = xmlDocGetRootElement(doc);

	b.profile = calloc(1, sizeof *b.profile);
	if (b.profile == NULL || root == NULL) {
		free(b.profile);
		diag_add(diag, file, 0, "out of memory or empty document");
		return NULL;
	}

	build_header(&b, root, file);
	if (alloc_arrays(&b, root))
		build_children(&b, root);

	if (b.oom)
		diag_add(&local, file, 0, "out of memory while loading");
	if (b.oom || local.count > 0) {
		move_sorted(&local, diag, file);
		rules_free(b.profile);
		return NULL;
	}
	return b.profile;
}
