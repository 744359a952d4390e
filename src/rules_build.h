/*
 * rules_build.h: the state and helpers shared by rules_build.c,
 * rules_probes.c and rules_reqs.c while a profile is built.  Private to
 * the loader.
 */
#ifndef RA_RULES_BUILD_H
#define RA_RULES_BUILD_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"
#include "rules.h"

struct builder {
	const char *file;	/* borrowed: the name in messages */
	struct diag *diag;	/* borrowed */
	struct profile *profile;	/* new: being filled */
	bool oom;
};

/* Attribute copy (new, NULL when absent) and collapsed text (new). */
char *build_attr(struct builder *b, xmlNodePtr node, const char *name);
char *build_text(struct builder *b, xmlNodePtr node);

bool build_is(xmlNodePtr node, const char *name);
size_t build_count(xmlNodePtr parent, const char *name);
int build_line(xmlNodePtr node);

/* Each adds one element to the profile, reporting its mistakes. */
void build_probe(struct builder *b, xmlNodePtr node);
void build_requirement(struct builder *b, xmlNodePtr node);

/* Passes over the whole profile once its elements are in. */
void build_probe_needs(struct builder *b);
void build_requirement_depends(struct builder *b);
void build_unused_probes(struct builder *b);

/* A value made safe to quote in a message: at most 60 bytes, control
 * characters shown as "?".  Writes into out (size at least 64). */
const char *build_quote(const char *value, char *out, size_t size);

#endif
