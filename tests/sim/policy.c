/*
 * policy.c: role decisions for reads and writes.
 */
#include "policy.h"

#include <string.h>
#include <strings.h>

#include "simjson.h"

enum sim_level
policy_inquire(const struct role *role, const struct route *route)
{
	int fn;

	fn = route_function(route);
	if (fn < 0)
		return SIM_ALL;
	return role_level(role, fn, SIM_INQUIRE);
}

bool
policy_item_allowed(const struct role *role, const char *item_id)
{
	const struct catalog_item *item;
	int idx, fn;

	idx = catalog_item_find(item_id);
	if (idx < 0)
		return false;
	item = catalog_item_at((size_t)idx);
	fn = catalog_function_find(item->function_id);
	if (fn < 0 || !role->custom[fn])
		return true;
	return (role->allow[fn] & ((uint32_t)1 << idx)) != 0;
}

bool
policy_may_read(const struct member *member, const struct route *route)
{
	if (route->self && !member->may_read_security)
		return false;
	if (policy_inquire(member->role, route) == SIM_NONE)
		return false;
	return route->item == NULL ||
	    policy_item_allowed(member->role, route->item);
}

static bool
is_excluded(const struct member *member, long long board_id)
{
	size_t i;

	for (i = 0; i < member->nexcluded; i++) {
		if (member->excluded[i] == board_id)
			return true;
	}
	return false;
}

bool
policy_board_hidden(const struct tenant *tenant,
    const struct member *member, long long board_id)
{
	const cJSON *board;

	if (is_excluded(member, board_id))
		return true;
	board = sj_find_id(tenant->data[COLL_BOARDS], board_id);
	return cJSON_IsTrue(cJSON_GetObjectItem(board, "projectFlag")) &&
	    !policy_item_allowed(member->role, "ProjectBoard");
}

static bool
owned_by(const cJSON *record, const char *path, const struct member *m)
{
	const cJSON *owner;

	if (path == NULL || record == NULL)
		return false;
	owner = sj_path(record, path);
	return cJSON_IsString(owner) &&
	    strcasecmp(owner->valuestring, m->identifier) == 0;
}

static bool
board_visible(const struct tenant *tenant, const struct member *member,
    const struct route *route, const cJSON *record)
{
	const cJSON *id;

	if (route->board == NULL)
		return true;
	id = sj_path(record, route->board);
	if (!cJSON_IsNumber(id))
		return true;
	if (route->item != NULL && strcmp(route->item, "ServiceBoard") == 0)
		return !policy_board_hidden(tenant, member,
		    (long long)id->valuedouble);
	return !is_excluded(member, (long long)id->valuedouble);
}

static bool
location_visible(const struct member *member, const struct route *route,
    const cJSON *record)
{
	const cJSON *id;

	if (member->location_id == 0 || route->location == NULL)
		return true;
	id = sj_path(record, route->location);
	return cJSON_IsNumber(id) && id->valuedouble == member->location_id;
}

bool
policy_visible(const struct tenant *tenant, const struct member *member,
    const struct route *route, const cJSON *record, const cJSON *parent)
{
	enum sim_level level;

	if (!board_visible(tenant, member, route, record) ||
	    !location_visible(member, route, record))
		return false;
	level = policy_inquire(member->role, route);
	if (level == SIM_ALL)
		return true;
	if (level == SIM_NONE)
		return false;
	if (route->owner != NULL)
		return owned_by(record, route->owner, member);
	if (route->parent_owner != NULL)
		return owned_by(parent, route->parent_owner, member);
	return false;
}

static bool
write_action(const char *method, enum sim_action *out)
{
	if (strcmp(method, "POST") == 0)
		*out = SIM_ADD;
	else if (strcmp(method, "PUT") == 0 || strcmp(method, "PATCH") == 0)
		*out = SIM_EDIT;
	else if (strcmp(method, "DELETE") == 0)
		*out = SIM_DELETE;
	else
		return false;
	return true;
}

int
policy_write_status(const struct role *role, const struct route *route,
    const char *method)
{
	enum sim_action action;
	int fn;

	if (!write_action(method, &action))
		return 0;
	fn = route_function(route);
	if (fn < 0 || route->self)
		return 405;
	if (role_level(role, fn, action) == SIM_NONE)
		return 403;
	return 400;
}
