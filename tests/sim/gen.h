/*
 * gen.h: the collections cwsim builds at load time.
 *
 * Members and roles become the records /system/members, /apiMembers and
 * /securityroles list; a tenant's "generate" section adds deterministic
 * bulk data (companies, contacts, tickets, ...) from a seed, so fixture
 * files stay small.
 */
#ifndef CWSIM_GEN_H
#define CWSIM_GEN_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "tenant.h"

/* Build the member and role collections, then the generated data from
 * spec (borrowed; NULL for none).  False with a message in err. */
bool gen_build(struct tenant *tenant, const cJSON *spec, char *err,
    size_t errlen);

/* A new member reference {id, identifier, name} of m, or NULL. */
cJSON *gen_member_ref(const struct member *m);

/* The member named identifier, or NULL.  Borrowed. */
const struct member *gen_member_by_identifier(const struct tenant *tenant,
    const char *identifier);

#endif
