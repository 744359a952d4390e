/*
 * rules_probes.c: the probes of a profile, each one GET request, and the
 * checks that keep them safe to send and resolvable: unique ids, plain
 * paths, one-line queries, "{id}" exactly when needs names an earlier
 * probe, and no probe that nothing uses.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "rules_build.h"
#include "rules_private.h"

const char *
build_quote(const char *value, char *out, size_t size)
{
	size_t i;

	for (i = 0; value[i] != '\0' && i < 60 && i + 4 < size; i++) {
		unsigned char c = (unsigned char)value[i];

		out[i] = c < 0x20 || c == 0x7f ? '?' : (char)c;
	}
	if (value[i] != '\0' && i + 3 < size) {
		memcpy(out + i, "...", 3);
		i += 3;
	}
	out[i] = '\0';
	return out;
}

static enum probe_expect
parse_expect(const char *text)
{
	if (text != NULL && strcmp(text, "object") == 0)
		return EXPECT_OBJECT;
	if (text != NULL && strcmp(text, "count") == 0)
		return EXPECT_COUNT;
	return EXPECT_LIST;
}

static void
probe_attrs(struct builder *b, xmlNodePtr node, struct rule_probe *probe)
{
	char *text;

	probe->line = build_line(node);
	probe->id = build_attr(b, node, "id");
	probe->path = build_attr(b, node, "path");
	probe->query = build_attr(b, node, "query");
	probe->needs = build_attr(b, node, "needs");
	probe->needs_index = (size_t)-1;
	probe->owner_field = build_attr(b, node, "owner-field");

	text = build_attr(b, node, "expect");
	probe->expect = parse_expect(text);
	free(text);

	probe->proves = LEVEL_NONE;
	text = build_attr(b, node, "proves");
	if (text != NULL && !level_parse(text, &probe->proves))
		diag_add(b->diag, b->file, probe->line,
		    "probe \"%s\": proves \"%s\" is not a level; use None, "
		    "Mine, My or All", probe->id, text);
	free(text);
}

static void
probe_check_duplicate(struct builder *b, const struct rule_probe *probe)
{
	const struct profile *p = b->profile;
	size_t i;

	for (i = 0; i + 1 < p->probe_count; i++) {
		if (p->probes[i].id != NULL &&
		    strcmp(p->probes[i].id, probe->id) == 0) {
			diag_add(b->diag, b->file, probe->line,
			    "probe \"%s\": the id is already used by the "
			    "probe on line %d; give each probe its own id",
			    probe->id, p->probes[i].line);
			return;
		}
	}
}

static void
probe_check_request(struct builder *b, const struct rule_probe *probe)
{
	const char *problem;
	char quoted[64];
	bool path_ok;

	problem = rules_path_problem(probe->path);
	if (problem != NULL)
		diag_add(b->diag, b->file, probe->line,
		    "probe \"%s\": path \"%s\" %s", probe->id,
		    build_quote(probe->path, quoted, sizeof quoted), problem);
	path_ok = problem == NULL;

	problem = probe->query ? rules_query_problem(probe->query) : NULL;
	if (problem != NULL)
		diag_add(b->diag, b->file, probe->line,
		    "probe \"%s\": query \"%s\" %s", probe->id,
		    build_quote(probe->query, quoted, sizeof quoted), problem);

	if (!path_ok)
		return;
	if (strstr(probe->path, "{id}") != NULL && probe->needs == NULL)
		diag_add(b->diag, b->file, probe->line,
		    "probe \"%s\": path holds \"{id}\" but no needs names "
		    "the probe that supplies it; add needs=\"...\"",
		    probe->id);
	if (strstr(probe->path, "{id}") == NULL && probe->needs != NULL)
		diag_add(b->diag, b->file, probe->line,
		    "probe \"%s\": needs \"%s\" but the path holds no "
		    "\"{id}\" to fill; add \"{id}\" to the path or drop needs",
		    probe->id, probe->needs);
}

void
build_probe(struct builder *b, xmlNodePtr node)
{
	struct profile *p = b->profile;
	struct rule_probe *probe = &p->probes[p->probe_count++];

	probe_attrs(b, node, probe);
	if (probe->id == NULL || probe->path == NULL) {
		b->oom = true;
		return;
	}
	probe_check_duplicate(b, probe);
	probe_check_request(b, probe);
}

static size_t
find_probe(const struct profile *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->probe_count; i++) {
		if (p->probes[i].id != NULL && strcmp(p->probes[i].id, id) == 0)
			return i;
	}
	return p->probe_count;
}

/* The probe that supplies "{id}" must answer records that have one. */
static void
needs_kind(struct builder *b, struct rule_probe *probe, size_t j)
{
	probe->needs_index = j;
	if (b->profile->probes[j].expect == EXPECT_COUNT)
		diag_add(b->diag, b->file, probe->line,
		    "probe \"%s\": needs \"%s\", which answers a count and "
		    "has no record id; name a list or object probe",
		    probe->id, probe->needs);
}

static void
resolve_needs(struct builder *b, size_t i)
{
	struct rule_probe *probe = &b->profile->probes[i];
	size_t j = find_probe(b->profile, probe->needs);

	if (j == b->profile->probe_count)
		diag_add(b->diag, b->file, probe->line,
		    "probe \"%s\": needs \"%s\" but there is no probe \"%s\"; "
		    "name a probe defined before it", probe->id,
		    probe->needs, probe->needs);
	else if (j == i)
		diag_add(b->diag, b->file, probe->line,
		    "probe \"%s\": needs itself; name the earlier probe whose "
		    "first record supplies \"{id}\"", probe->id);
	else if (j > i)
		diag_add(b->diag, b->file, probe->line,
		    "probe \"%s\": needs \"%s\" but no probe \"%s\" comes "
		    "before it; define it earlier", probe->id, probe->needs,
		    probe->needs);
	else
		needs_kind(b, probe, j);
}

void
build_probe_needs(struct builder *b)
{
	size_t i;

	for (i = 0; i < b->profile->probe_count; i++) {
		if (b->profile->probes[i].needs != NULL)
			resolve_needs(b, i);
	}
}

static void
mark_used(const struct profile *p, bool *used)
{
	const struct requirement *req;
	size_t i, k;

	for (i = 0; i < p->requirement_count; i++) {
		req = &p->requirements[i];
		for (k = 0; k < req->probe_count; k++) {
			if (req->probes[k].probe < p->probe_count)
				used[req->probes[k].probe] = true;
		}
	}
	for (i = 0; i < p->probe_count; i++) {
		if (p->probes[i].needs != NULL &&
		    p->probes[i].needs_index < p->probe_count)
			used[p->probes[i].needs_index] = true;
	}
}

void
build_unused_probes(struct builder *b)
{
	const struct profile *p = b->profile;
	bool *used = calloc(p->probe_count + 1, sizeof *used);
	size_t i;

	if (used == NULL) {
		b->oom = true;
		return;
	}
	mark_used(p, used);
	for (i = 0; i < p->probe_count; i++) {
		/* A second probe with a taken id is reported once, above. */
		if (used[i] || rules_probe(p, p->probes[i].id) != &p->probes[i])
			continue;
		diag_add(b->diag, b->file, p->probes[i].line,
		    "probe \"%s\": no requirement uses it and no probe "
		    "needs it; reference it or remove it", p->probes[i].id);
	}
	free(used);
}

void
rules_free_probe(struct rule_probe *probe)
{
	free(probe->id);
	free(probe->path);
	free(probe->query);
	free(probe->needs);
	free(probe->owner_field);
}
