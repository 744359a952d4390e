/*
 * policy.h: how a member's security role shapes what it may read.
 *
 * A read is denied (403 Security) when the route's function has inquire
 * None, or when the role keeps a Customize allow list for that function
 * and the route's item is not in it.  Otherwise the inquire level picks
 * records: My and Mine keep the records the member owns (records with no
 * owner: none), All keeps every record.  Boards excluded on the member,
 * and their tickets, are hidden; a member below the Corporate level sees
 * only its location's records.  No write ever changes data.
 */
#ifndef CWSIM_POLICY_H
#define CWSIM_POLICY_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "route.h"
#include "tenant.h"

/* The inquire level that applies to route for role: All for routes that
 * any authenticated member may read. */
enum sim_level policy_inquire(const struct role *role,
    const struct route *route);

/* Whether the role's allow lists admit the customize item (by
 * itemIdentifier); true when its function has no allow list. */
bool policy_item_allowed(const struct role *role, const char *item_id);

/* Whether member may read the route at all (false: 403 Security). */
bool policy_may_read(const struct member *member,
    const struct route *route);

/* Whether record is visible to member through route.  parent is the
 * parent record of a child list (or NULL). */
bool policy_visible(const struct tenant *tenant,
    const struct member *member, const struct route *route,
    const cJSON *record, const cJSON *parent);

/* Whether the board with this id is hidden from member (excluded, or a
 * project board its allow list does not admit). */
bool policy_board_hidden(const struct tenant *tenant,
    const struct member *member, long long board_id);

/* The status a write (POST, PUT, PATCH, DELETE) gets: 403 when the
 * role's level for that action is None, 400 otherwise (cwsim never
 * changes data); 405 for routes no role setting governs.  0 when method
 * is not a write. */
int policy_write_status(const struct role *role, const struct route *route,
    const char *method);

#endif
