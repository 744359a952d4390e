/*
 * tenant.c: load a tenant file into a read-only tenant.
 *
 * The file is JSON.  Identity and policy keys sit at the top level;
 * "roles", "members", "data" and "generate" are sections.  Records in
 * "data" are kept as written (the API's shapes); boards' statuses and
 * types and projects' phases move into their own collections.
 */
#include "tenant.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gen.h"
#include "simjson.h"

#define TENANT_FILE_MAX (16L * 1024 * 1024)

struct loader {
	struct tenant	*tenant;
	const char	*name;
	char		*err;
	size_t		 errlen;
	bool		 failed;
};

static const char *const level_names[] = { "None", "Mine", "My", "All" };

static const char *const data_keys[COLL_COUNT] = {
	[COLL_LOCATIONS] = "locations",
	[COLL_BOARDS] = "boards",
	[COLL_PRIORITIES] = "priorities",
	[COLL_PROJECTS] = "projects",
	[COLL_PROJECT_STATUSES] = "projectStatuses",
	[COLL_PHASE_STATUSES] = "phaseStatuses",
	[COLL_COMPANY_STATUSES] = "companyStatuses",
	[COLL_COMPANY_TYPES] = "companyTypes",
	[COLL_COMPANIES] = "companies",
	[COLL_CONTACTS] = "contacts",
	[COLL_TICKETS] = "tickets",
	[COLL_PROJECT_TICKETS] = "projectTickets",
	[COLL_SCHEDULE_ENTRIES] = "scheduleEntries",
	[COLL_TIME_ENTRIES] = "timeEntries",
	[COLL_AGREEMENTS] = "agreements",
};

static const char *const top_keys[] = {
	"companyId", "companyName", "codebase", "version", "isCloud",
	"siteUrl", "allowedOrigins", "serverTimeZone", "cloudRegion",
	"caseInsensitivePaths", "clientIds", "roles", "members", "data",
	"generate", "comment", NULL
};

static void
fail(struct loader *ld, const char *fmt, ...)
{
	size_t used;
	va_list ap;

	if (ld->failed)
		return;
	ld->failed = true;
	snprintf(ld->err, ld->errlen, "%s: ", ld->name);
	used = strlen(ld->err);
	va_start(ap, fmt);
	vsnprintf(ld->err + used, ld->errlen - used, fmt, ap);
	va_end(ap);
}

static char *
dup_or_fail(struct loader *ld, const char *text)
{
	char *copy;

	copy = strdup(text);
	if (copy == NULL)
		fail(ld, "out of memory");
	return copy;
}

/* A string member, copied; the default when absent; NULL stays NULL. */
static char *
take_string(struct loader *ld, const cJSON *root, const char *key,
    const char *fallback)
{
	const cJSON *item;

	item = cJSON_GetObjectItem(root, key);
	if (item == NULL || cJSON_IsNull(item))
		return fallback != NULL ? dup_or_fail(ld, fallback) : NULL;
	if (!cJSON_IsString(item)) {
		fail(ld, "\"%s\" must be a string", key);
		return NULL;
	}
	return dup_or_fail(ld, item->valuestring);
}

static bool
take_bool(struct loader *ld, const cJSON *obj, const char *key,
    bool fallback)
{
	const cJSON *item;

	item = cJSON_GetObjectItem(obj, key);
	if (item == NULL)
		return fallback;
	if (!cJSON_IsBool(item)) {
		fail(ld, "\"%s\" must be true or false", key);
		return fallback;
	}
	return cJSON_IsTrue(item);
}

static void
check_top_keys(struct loader *ld, const cJSON *root)
{
	const cJSON *item;
	size_t i;

	cJSON_ArrayForEach(item, root) {
		for (i = 0; top_keys[i] != NULL; i++) {
			if (strcmp(item->string, top_keys[i]) == 0)
				break;
		}
		if (top_keys[i] == NULL)
			fail(ld, "unknown key \"%s\"", item->string);
	}
}

static void
load_identity(struct loader *ld, const cJSON *root)
{
	struct tenant *t = ld->tenant;
	size_t len;

	t->company_id = take_string(ld, root, "companyId", NULL);
	if (t->company_id == NULL)
		fail(ld, "\"companyId\" is required");
	t->company_name = take_string(ld, root, "companyName", "Acme IT");
	t->codebase = take_string(ld, root, "codebase", "v4_6_release/");
	t->version = take_string(ld, root, "version", "v2025.1.10431");
	t->site_url = take_string(ld, root, "siteUrl", NULL);
	t->allowed_origins = take_string(ld, root, "allowedOrigins", "*");
	t->time_zone = take_string(ld, root, "serverTimeZone",
	    "Eastern Standard Time");
	t->cloud_region = take_string(ld, root, "cloudRegion", "NA");
	t->is_cloud = take_bool(ld, root, "isCloud", false);
	t->nocase_paths = take_bool(ld, root, "caseInsensitivePaths", true);
	if (t->codebase == NULL)
		return;
	len = strlen(t->codebase);
	if (len == 0 || len > 64 || t->codebase[len - 1] != '/' ||
	    strchr(t->codebase, '/') != t->codebase + len - 1)
		fail(ld, "\"codebase\" must be one path segment ending in "
		    "'/', like \"v4_6_release/\"");
}

static bool
parse_clientid_answer(const char *text, enum clientid_answer *out)
{
	if (strcasecmp(text, "401json") == 0)
		*out = CLIENTID_401_JSON;
	else if (strcasecmp(text, "400json") == 0)
		*out = CLIENTID_400_JSON;
	else if (strcasecmp(text, "401text") == 0)
		*out = CLIENTID_401_TEXT;
	else
		return false;
	return true;
}

static void
load_clientid_answer(struct loader *ld, const cJSON *policy,
    const char *key, enum clientid_answer *out)
{
	const char *text;

	*out = CLIENTID_401_JSON;
	if (cJSON_GetObjectItem(policy, key) == NULL)
		return;
	text = sj_string(policy, key);
	if (text == NULL || !parse_clientid_answer(text, out))
		fail(ld, "clientIds.%s must be \"401json\", \"400json\" or "
		    "\"401text\"", key);
}

static void
load_client_ids(struct loader *ld, const cJSON *root)
{
	struct tenant *t = ld->tenant;
	const cJSON *policy, *list, *id;

	policy = cJSON_GetObjectItem(root, "clientIds");
	load_clientid_answer(ld, policy, "missing", &t->clientid_missing);
	load_clientid_answer(ld, policy, "unregistered",
	    &t->clientid_unregistered);
	list = cJSON_GetObjectItem(policy, "registered");
	cJSON_ArrayForEach(id, list) {
		if (!cJSON_IsString(id) ||
		    t->nclient_ids == TENANT_MAX_CLIENT_IDS) {
			fail(ld, "clientIds.registered: at most %d strings",
			    TENANT_MAX_CLIENT_IDS);
			return;
		}
		t->client_ids[t->nclient_ids] = dup_or_fail(ld,
		    id->valuestring);
		t->nclient_ids++;
	}
}

static bool
parse_level(const char *text, enum sim_level *out)
{
	int i;

	for (i = SIM_NONE; i <= SIM_ALL; i++) {
		if (text != NULL && strcasecmp(text, level_names[i]) == 0) {
			*out = (enum sim_level)i;
			return true;
		}
	}
	return false;
}

static void
load_levels(struct loader *ld, struct role *role, int fn,
    const cJSON *spec)
{
	static const char *const keys[SIM_ACTIONS] = {
		"add", "edit", "delete", "inquire"
	};
	enum sim_level level = SIM_NONE;
	const cJSON *item;
	int a;

	if (!cJSON_IsString(spec) && !cJSON_IsObject(spec)) {
		fail(ld, "role \"%s\" function \"%s\": a level or an "
		    "object of levels", role->name, spec->string);
		return;
	}
	if (cJSON_IsString(spec)) {
		if (!parse_level(spec->valuestring, &level))
			fail(ld, "role \"%s\": bad level \"%s\"", role->name,
			    spec->valuestring);
		for (a = 0; a < SIM_ACTIONS; a++)
			role->levels[fn][a] = level;
		return;
	}
	for (a = 0; a < SIM_ACTIONS; a++) {
		item = cJSON_GetObjectItem(spec, keys[a]);
		if (item != NULL && !parse_level(cJSON_GetStringValue(item),
		    &role->levels[fn][a]))
			fail(ld, "role \"%s\" function \"%s\": bad %s level",
			    role->name, spec->string, keys[a]);
	}
}

static void
load_allow_list(struct loader *ld, struct role *role, const cJSON *list)
{
	const cJSON *item;
	int fn, idx;

	fn = catalog_function_find(list->string);
	if (fn < 0 || !cJSON_IsArray(list)) {
		fail(ld, "role \"%s\": customize \"%s\" is no known function "
		    "with a list", role->name, list->string);
		return;
	}
	role->custom[fn] = true;
	cJSON_ArrayForEach(item, list) {
		idx = catalog_item_find(cJSON_GetStringValue(item));
		if (idx < 0 || strcmp(catalog_item_at((size_t)idx)->
		    function_id, catalog_function_at((size_t)fn)->
		    function_id) != 0) {
			fail(ld, "role \"%s\": unknown customize item in "
			    "\"%s\"", role->name, list->string);
			return;
		}
		role->allow[fn] |= (uint32_t)1 << idx;
	}
}

static void
load_role(struct loader *ld, struct role *role, const cJSON *spec,
    size_t index)
{
	const cJSON *item;
	long long id;
	int fn;

	role->name = take_string(ld, spec, "name", NULL);
	if (role->name == NULL) {
		fail(ld, "roles[%zu]: \"name\" is required", index);
		return;
	}
	role->id = sj_int(spec, "id", &id) ? (int)id : (int)index + 1;
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(spec, "functions")) {
		fn = catalog_function_find(item->string);
		if (fn < 0) {
			fail(ld, "role \"%s\": unknown function \"%s\"",
			    role->name, item->string);
			return;
		}
		load_levels(ld, role, fn, item);
	}
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(spec, "customize"))
		load_allow_list(ld, role, item);
}

static void
load_roles(struct loader *ld, const cJSON *root)
{
	struct tenant *t = ld->tenant;
	const cJSON *roles;
	size_t n, i;

	roles = cJSON_GetObjectItem(root, "roles");
	n = (size_t)cJSON_GetArraySize(roles);
	if (n == 0) {
		fail(ld, "\"roles\" must list at least one role");
		return;
	}
	t->roles = calloc(n, sizeof(*t->roles));
	if (t->roles == NULL) {
		fail(ld, "out of memory");
		return;
	}
	t->nroles = n;
	for (i = 0; i < n; i++)
		load_role(ld, &t->roles[i], cJSON_GetArrayItem(roles,
		    (int)i), i);
}

static const struct role *
role_by_name(const struct tenant *t, const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < t->nroles; i++) {
		if (t->roles[i].name != NULL &&
		    strcmp(t->roles[i].name, name) == 0)
			return &t->roles[i];
	}
	return NULL;
}

static void
load_structure(struct loader *ld, struct member *m, const cJSON *spec)
{
	const cJSON *level;

	level = cJSON_GetObjectItem(spec, "structureLevel");
	if (level == NULL || (cJSON_IsString(level) &&
	    strcasecmp(level->valuestring, "Corporate") == 0))
		return;
	if (cJSON_IsNumber(level) && level->valueint > 0) {
		m->location_id = level->valueint;
		return;
	}
	fail(ld, "member \"%s\": structureLevel is \"Corporate\" or a "
	    "location id", m->identifier);
}

static void
load_excluded(struct loader *ld, struct member *m, const cJSON *spec)
{
	const cJSON *id;

	cJSON_ArrayForEach(id, cJSON_GetObjectItem(spec,
	    "excludedServiceBoardIds")) {
		if (!cJSON_IsNumber(id) ||
		    m->nexcluded == MEMBER_MAX_EXCLUDED) {
			fail(ld, "member \"%s\": excludedServiceBoardIds "
			    "holds at most %d numbers", m->identifier,
			    MEMBER_MAX_EXCLUDED);
			return;
		}
		m->excluded[m->nexcluded++] = id->valueint;
	}
}

static void
load_member(struct loader *ld, struct member *m, const cJSON *spec,
    size_t index)
{
	const char *cls, *role;
	long long id;

	m->identifier = take_string(ld, spec, "identifier", NULL);
	if (m->identifier == NULL) {
		fail(ld, "members[%zu]: \"identifier\" is required", index);
		return;
	}
	m->id = sj_int(spec, "id", &id) ? (int)id : (int)index + 100;
	m->name = take_string(ld, spec, "name", m->identifier);
	m->public_key = take_string(ld, spec, "publicKey", NULL);
	m->private_key = take_string(ld, spec, "privateKey", NULL);
	m->inactive = take_bool(ld, spec, "inactiveFlag", false);
	m->may_read_security = take_bool(ld, spec, "mySecurity", true);
	cls = sj_string(spec, "licenseClass");
	snprintf(m->license_class, sizeof(m->license_class), "%s",
	    cls != NULL ? cls : "F");
	role = sj_string(spec, "role");
	m->role = role_by_name(ld->tenant, role);
	if (m->role == NULL)
		fail(ld, "member \"%s\": unknown role \"%s\"", m->identifier,
		    role != NULL ? role : "");
	load_structure(ld, m, spec);
	load_excluded(ld, m, spec);
}

static void
load_members(struct loader *ld, const cJSON *root)
{
	struct tenant *t = ld->tenant;
	const cJSON *members;
	size_t n, i;

	members = cJSON_GetObjectItem(root, "members");
	n = (size_t)cJSON_GetArraySize(members);
	if (n == 0) {
		fail(ld, "\"members\" must list at least one member");
		return;
	}
	t->members = calloc(n, sizeof(*t->members));
	if (t->members == NULL) {
		fail(ld, "out of memory");
		return;
	}
	t->nmembers = n;
	for (i = 0; i < n; i++)
		load_member(ld, &t->members[i], cJSON_GetArrayItem(members,
		    (int)i), i);
}

/* Move each parent's child array (key) into the collection dst, with a
 * link back to the parent written as link (an object or an id). */
static void
split_children(struct loader *ld, cJSON *parents, const char *key,
    cJSON *dst, const char *link, bool link_is_ref)
{
	cJSON *parent, *children, *child;
	const char *name;
	long long id;

	cJSON_ArrayForEach(parent, parents) {
		children = cJSON_DetachItemFromObject(parent, key);
		id = sj_id(parent);
		name = sj_string(parent, "name");
		while (children != NULL && children->child != NULL) {
			child = cJSON_DetachItemViaPointer(children,
			    children->child);
			if (cJSON_GetObjectItem(child, link) == NULL &&
			    !(link_is_ref ? sj_add(child, link,
			    sj_ref(id, name)) : sj_add_number(child, link,
			    (double)id)))
				fail(ld, "out of memory");
			cJSON_AddItemToArray(dst, child);
		}
		cJSON_Delete(children);
	}
}

static void
load_data(struct loader *ld, const cJSON *root)
{
	struct tenant *t = ld->tenant;
	const cJSON *data, *item;
	int c;

	data = cJSON_GetObjectItem(root, "data");
	for (c = 0; c < COLL_COUNT; c++) {
		item = data_keys[c] != NULL ?
		    cJSON_GetObjectItem(data, data_keys[c]) : NULL;
		if (item != NULL && !cJSON_IsArray(item))
			fail(ld, "data.%s must be an array", data_keys[c]);
		t->data[c] = cJSON_IsArray(item) ?
		    cJSON_Duplicate(item, 1) : cJSON_CreateArray();
		if (t->data[c] == NULL)
			fail(ld, "out of memory");
	}
	if (ld->failed)
		return;
	split_children(ld, t->data[COLL_BOARDS], "statuses",
	    t->data[COLL_BOARD_STATUSES], "board", true);
	split_children(ld, t->data[COLL_BOARDS], "types",
	    t->data[COLL_BOARD_TYPES], "board", true);
	split_children(ld, t->data[COLL_PROJECTS], "phases",
	    t->data[COLL_PHASES], "projectId", false);
}

static struct tenant *
load_root(const cJSON *root, const char *name, char *err, size_t errlen)
{
	struct loader ld = { 0 };
	char gen_err[256];

	ld.name = name;
	ld.err = err;
	ld.errlen = errlen;
	ld.tenant = calloc(1, sizeof(*ld.tenant));
	if (ld.tenant == NULL) {
		snprintf(err, errlen, "%s: out of memory", name);
		return NULL;
	}
	if (!cJSON_IsObject(root))
		fail(&ld, "the tenant must be a JSON object");
	check_top_keys(&ld, root);
	load_identity(&ld, root);
	load_client_ids(&ld, root);
	load_roles(&ld, root);
	if (!ld.failed)
		load_members(&ld, root);
	if (!ld.failed)
		load_data(&ld, root);
	if (!ld.failed && !gen_build(ld.tenant,
	    cJSON_GetObjectItem(root, "generate"), gen_err, sizeof(gen_err)))
		fail(&ld, "%s", gen_err);
	if (ld.failed) {
		tenant_free(ld.tenant);
		return NULL;
	}
	return ld.tenant;
}

struct tenant *
tenant_parse(const char *text, const char *name, char *err, size_t errlen)
{
	struct tenant *tenant;
	const char *end = NULL;
	cJSON *root;
	int line, col;

	root = cJSON_ParseWithOpts(text, &end, 1);
	if (root == NULL) {
		if (end == NULL)
			end = cJSON_GetErrorPtr();
		sj_line_col(text, end != NULL ? (size_t)(end - text) : 0,
		    &line, &col);
		snprintf(err, errlen, "%s:%d:%d: invalid JSON", name, line,
		    col);
		return NULL;
	}
	tenant = load_root(root, name, err, errlen);
	cJSON_Delete(root);
	return tenant;
}

static char *
read_file(const char *path, size_t *lenp, char *err, size_t errlen)
{
	FILE *fp;
	char *text;
	size_t len;

	fp = fopen(path, "rb");
	if (fp == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	text = malloc((size_t)TENANT_FILE_MAX + 1);
	if (text == NULL) {
		fclose(fp);
		snprintf(err, errlen, "%s: out of memory", path);
		return NULL;
	}
	len = fread(text, 1, (size_t)TENANT_FILE_MAX + 1, fp);
	if (ferror(fp) || len > (size_t)TENANT_FILE_MAX) {
		snprintf(err, errlen, "%s: %s", path, ferror(fp) ?
		    "read error" : "larger than 16 MiB");
		fclose(fp);
		free(text);
		return NULL;
	}
	fclose(fp);
	text[len] = '\0';
	*lenp = len;
	return text;
}

struct tenant *
tenant_load(const char *path, char *err, size_t errlen)
{
	struct tenant *tenant;
	size_t len = 0;
	char *text;

	text = read_file(path, &len, err, errlen);
	if (text == NULL)
		return NULL;
	if (memchr(text, '\0', len) != NULL) {
		snprintf(err, errlen, "%s: contains a NUL byte", path);
		free(text);
		return NULL;
	}
	tenant = tenant_parse(text, path, err, errlen);
	free(text);
	return tenant;
}

static void
free_member(struct member *m)
{
	free(m->identifier);
	free(m->name);
	free(m->public_key);
	free(m->private_key);
}

void
tenant_free(struct tenant *t)
{
	size_t i;
	int c;

	if (t == NULL)
		return;
	free(t->company_id);
	free(t->company_name);
	free(t->codebase);
	free(t->version);
	free(t->site_url);
	free(t->allowed_origins);
	free(t->time_zone);
	free(t->cloud_region);
	for (i = 0; i < t->nclient_ids; i++)
		free(t->client_ids[i]);
	for (i = 0; i < t->nroles; i++)
		free(t->roles[i].name);
	free(t->roles);
	for (i = 0; i < t->nmembers; i++)
		free_member(&t->members[i]);
	free(t->members);
	for (c = 0; c < COLL_COUNT; c++)
		cJSON_Delete(t->data[c]);
	free(t);
}

const struct member *
tenant_member_by_key(const struct tenant *t, const char *public_key)
{
	size_t i;

	for (i = 0; public_key != NULL && i < t->nmembers; i++) {
		if (t->members[i].public_key != NULL &&
		    strcmp(t->members[i].public_key, public_key) == 0)
			return &t->members[i];
	}
	return NULL;
}

enum sim_level
role_level(const struct role *role, int fn, enum sim_action action)
{
	if (role == NULL || fn < 0 || fn >= CATALOG_MAX_FUNCTIONS ||
	    action >= SIM_ACTIONS)
		return SIM_NONE;
	return role->levels[fn][action];
}

const char *
sim_level_name(enum sim_level level)
{
	return level <= SIM_ALL ? level_names[level] : "None";
}
