/*
 * rules_private.h: what the pieces of the rules loader share.  Not part of
 * the interface: callers use rules.h.
 *
 * rules.c reads and validates the file, rules_build.c turns the valid
 * document into a profile while checking what the schema cannot, and
 * rules_check.c holds the checks of single values (paths, queries).
 */
#ifndef RA_RULES_PRIVATE_H
#define RA_RULES_PRIVATE_H

#include <libxml/tree.h>

#include "diag.h"
#include "rules.h"

/* Build a profile from a document that passed the schema.  doc and file
 * are borrowed.  Returns a new profile, or NULL after appending every
 * mistake to diag. */
struct profile *rules_build(xmlDocPtr doc, const char *file,
    struct diag *diag);

/* What is wrong with a probe path or query, as a message fragment that
 * says what would be right; NULL when nothing is.  Static strings. */
const char *rules_path_problem(const char *path);
const char *rules_query_problem(const char *query);

/* Free one probe's, list's or requirement's members (not the struct). */
void rules_free_probe(struct rule_probe *probe);
void rules_free_customize(struct rule_customize *list);
void rules_free_requirement(struct requirement *req);

#endif
