/*
 * api_read.c: reads.  Every list goes the same way: gate on the role
 * (403 Security), find the parent of a child list (404), keep the
 * records the member may see and the conditions select, then answer a
 * page (with Link), a count, or one record.
 */
#include "api_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"
#include "listing.h"
#include "policy.h"
#include "simjson.h"
#include "uri.h"

#define ARG_SHORT_MAX 32
#define ARG_LONG_MAX 2048

struct selection {
	const cJSON	**records;
	long long	  n;
};

static void
invalid(struct call *call, const char *message)
{
	answer_set_error(call->out, 400, "InvalidObject", message);
}

static void
not_found(struct call *call, const char *noun, long long id)
{
	char message[128];

	snprintf(message, sizeof(message), "%s %lld not found", noun, id);
	answer_set_error(call->out, 404, "NotFound", message);
}

static cJSON *
info_record(const struct tenant *t)
{
	cJSON *info;

	info = cJSON_CreateObject();
	if (info != NULL && (!sj_add_string(info, "version", t->version) ||
	    !sj_add_bool(info, "isCloud", t->is_cloud) ||
	    !sj_add_string(info, "serverTimeZone", t->time_zone) ||
	    !cJSON_AddArrayToObject(info, "licenseBits") ||
	    !sj_add_string(info, "cloudRegion", t->cloud_region) ||
	    !sj_add_number(info, "maxWorkFlowRecordsAllowed", 100))) {
		cJSON_Delete(info);
		return NULL;
	}
	return info;
}

static cJSON *
my_member_record(const struct call *call)
{
	const cJSON *rec;

	rec = sj_find_id(call->tenant->data[COLL_MEMBERS], call->member->id);
	return cJSON_Duplicate(rec, 1);
}

static bool
add_security_levels(cJSON *row, const struct role *role, int fn)
{
	static const char *const keys[SIM_ACTIONS] = {
		"addLevel", "editLevel", "deleteLevel", "inquireLevel"
	};
	int a;

	for (a = 0; a < SIM_ACTIONS; a++) {
		if (!sj_add_string(row, keys[a], sim_level_name(role_level(role,
		    fn, (enum sim_action)a))))
			return false;
	}
	return true;
}

static cJSON *
security_row(const struct role *role, int fn, const struct member *m)
{
	const struct catalog_function *f;
	cJSON *row;

	f = catalog_function_at((size_t)fn);
	row = cJSON_CreateObject();
	if (row == NULL)
		return NULL;
	if (!sj_add_number(row, "id", fn + 1) ||
	    !add_security_levels(row, role, fn) ||
	    !sj_add_string(row, "moduleFunctionName", f->function_name) ||
	    !sj_add_string(row, "moduleFunctionIdentifier", f->function_id) ||
	    !sj_add_bool(row, "myAllFlag", true) ||
	    !sj_add_bool(row, "reportFlag", false) ||
	    !sj_add_bool(row, "restrictFlag", false) ||
	    !sj_add_bool(row, "customFlag", role->custom[fn]) ||
	    !sj_add_string(row, "moduleIdentifier", f->module_id) ||
	    !sj_add_string(row, "moduleName", f->module_name) ||
	    !sj_add_number(row, "sortOrder", fn + 1) ||
	    (m != NULL && !sj_add(row, "member", gen_member_ref(m)))) {
		cJSON_Delete(row);
		return NULL;
	}
	return row;
}

static cJSON *
security_rows(const struct role *role, const struct member *m)
{
	cJSON *rows;
	size_t fn;

	rows = cJSON_CreateArray();
	for (fn = 0; rows != NULL && fn < catalog_function_count(); fn++) {
		if (!cJSON_AddItemToArray(rows, security_row(role, (int)fn,
		    m))) {
			cJSON_Delete(rows);
			return NULL;
		}
	}
	return rows;
}

static cJSON *
customize_item(int fn, size_t idx)
{
	const struct catalog_item *item;
	cJSON *rec;

	item = catalog_item_at(idx);
	rec = cJSON_CreateObject();
	if (rec != NULL && (!sj_add_number(rec, "id",
	    fn * 100 + (int)idx + 1) ||
	    !sj_add_string(rec, "customizeIdentifier", item->customize_id) ||
	    !sj_add_string(rec, "itemIdentifier", item->item_id))) {
		cJSON_Delete(rec);
		return NULL;
	}
	return rec;
}

static cJSON *
customize_items(const struct role *role)
{
	cJSON *items;
	size_t fn, idx;

	items = cJSON_CreateArray();
	for (fn = 0; items != NULL && fn < catalog_function_count(); fn++) {
		for (idx = 0; role->custom[fn] && idx < catalog_item_count();
		    idx++) {
			if ((role->allow[fn] & ((uint32_t)1 << idx)) == 0)
				continue;
			if (!cJSON_AddItemToArray(items, customize_item(
			    (int)fn, idx))) {
				cJSON_Delete(items);
				return NULL;
			}
		}
	}
	return items;
}

static const struct role *
role_by_id(const struct tenant *t, long long id)
{
	size_t i;

	for (i = 0; i < t->nroles; i++) {
		if (t->roles[i].id == id)
			return &t->roles[i];
	}
	return NULL;
}

/* The parent record of a child list, or NULL after answering 404. */
static const cJSON *
find_parent(struct call *call)
{
	const struct route *r = call->match.route;
	const cJSON *parent;
	long long id = call->match.ids[0];

	parent = sj_find_id(call->tenant->data[r->parent], id);
	if (parent != NULL && r->parent == COLL_BOARDS &&
	    policy_board_hidden(call->tenant, call->member, id))
		parent = NULL;
	if (parent == NULL)
		not_found(call, r->parent == COLL_BOARDS ? "Board" :
		    r->parent == COLL_PROJECTS ? "Project" : "Security role",
		    id);
	return parent;
}

/* The records the route lists, before filtering: borrowed from the
 * tenant, or built (then *owned is set and the caller frees it). */
static const cJSON *
source_records(struct call *call, cJSON **owned)
{
	const struct route *r = call->match.route;
	const struct role *role;

	*owned = NULL;
	switch (r->source) {
	case SRC_COLLECTION:
		return call->tenant->data[r->coll];
	case SRC_MY_SECURITY:
		*owned = security_rows(call->member->role, call->member);
		return *owned;
	case SRC_CUSTOMIZE_ITEMS:
		*owned = customize_items(call->member->role);
		return *owned;
	case SRC_ROLE_SETTINGS:
		role = role_by_id(call->tenant, call->match.ids[0]);
		*owned = role != NULL ? security_rows(role, NULL) : NULL;
		return *owned;
	case SRC_INFO:
	case SRC_MY_MEMBER:
		break;
	}
	return NULL;
}

static bool
in_parent(const struct route *r, const cJSON *rec, long long parent_id)
{
	const cJSON *link;

	if (r->parent_link == NULL)
		return true;
	link = sj_path(rec, r->parent_link);
	return cJSON_IsNumber(link) && link->valuedouble == (double)parent_id;
}

static bool
select_records(struct call *call, const cJSON *records, const cJSON *parent,
    const struct conditions *conds, struct selection *sel)
{
	const struct route *r = call->match.route;
	const cJSON *rec;
	int n;

	n = cJSON_GetArraySize(records);
	sel->n = 0;
	sel->records = calloc((size_t)n + 1, sizeof(*sel->records));
	if (sel->records == NULL)
		return false;
	cJSON_ArrayForEach(rec, records) {
		if (r->source == SRC_COLLECTION && (!in_parent(r, rec,
		    call->match.ids[0]) || !policy_visible(call->tenant,
		    call->member, r, rec, parent)))
			continue;
		if (conditions_match(conds, rec))
			sel->records[sel->n++] = rec;
	}
	return true;
}

static bool
read_arg(struct call *call, const char *name, char *buf, size_t cap,
    const char **out)
{
	enum uri_result r;

	*out = NULL;
	r = uri_arg(call->req->uri, name, buf, cap);
	if (r == URI_ABSENT)
		return true;
	if (r != URI_OK) {
		snprintf(buf, cap, "the %s argument is not valid", name);
		invalid(call, buf);
		return false;
	}
	*out = buf;
	return true;
}

static void
add_link(struct call *call, const struct page *p)
{
	char base[API_URI_MAX + HOST_MAX + 16], path[API_URI_MAX];
	const char *uri = call->req->uri;
	char *link;

	uri_header_safe(path, sizeof(path), uri, strcspn(uri, "?#"));
	snprintf(base, sizeof(base), "%s://%s%s", call->req->tls ? "https" :
	    "http", call->host, path);
	link = listing_link(base, uri_query(uri), p);
	if (link != NULL)
		answer_add_header(call->out, "Link", link);
	free(link);
}

static void
answer_page(struct call *call, const struct selection *sel)
{
	char page_buf[ARG_SHORT_MAX], size_buf[ARG_SHORT_MAX];
	char fields_buf[ARG_LONG_MAX], err[128];
	const char *page_arg, *size_arg, *fields;
	struct page p;
	cJSON *list;
	long long i;

	if (!read_arg(call, "page", page_buf, sizeof(page_buf), &page_arg) ||
	    !read_arg(call, "pageSize", size_buf, sizeof(size_buf),
	    &size_arg) || !read_arg(call, "fields", fields_buf,
	    sizeof(fields_buf), &fields))
		return;
	if (!listing_page(sel->n, page_arg, size_arg, &p, err, sizeof(err))) {
		invalid(call, err);
		return;
	}
	list = cJSON_CreateArray();
	for (i = 0; list != NULL && i < p.count; i++) {
		if (!cJSON_AddItemToArray(list, listing_fields(
		    sel->records[p.first + i], fields))) {
			cJSON_Delete(list);
			list = NULL;
		}
	}
	answer_set_json(call->out, 200, list);
	add_link(call, &p);
}

static void
answer_count(struct call *call, long long n)
{
	cJSON *count;

	count = cJSON_CreateObject();
	if (count != NULL && !sj_add_number(count, "count", (double)n)) {
		cJSON_Delete(count);
		count = NULL;
	}
	answer_set_json(call->out, 200, count);
}

static void
answer_item(struct call *call, const struct selection *sel)
{
	char fields_buf[ARG_LONG_MAX];
	const char *fields;
	long long id, i;

	id = call->match.ids[call->match.nids - 1];
	if (!read_arg(call, "fields", fields_buf, sizeof(fields_buf),
	    &fields))
		return;
	for (i = 0; i < sel->n; i++) {
		if (sj_id(sel->records[i]) == id) {
			answer_set_json(call->out, 200, listing_fields(
			    sel->records[i], fields));
			return;
		}
	}
	not_found(call, call->match.route->noun, id);
}

static void
answer_selection(struct call *call, const struct selection *sel)
{
	switch (call->match.kind) {
	case ROUTE_COUNT:
		answer_count(call, sel->n);
		break;
	case ROUTE_ITEM:
		answer_item(call, sel);
		break;
	case ROUTE_LIST:
	case ROUTE_ONE:
		answer_page(call, sel);
		break;
	}
}

static void
read_records(struct call *call)
{
	const cJSON *records, *parent = NULL;
	char cond_buf[ARG_LONG_MAX], err[160];
	struct selection sel = { 0 };
	struct conditions conds;
	const char *cond_text;
	cJSON *owned;

	if (call->match.route->parent != COLL_COUNT) {
		parent = find_parent(call);
		if (parent == NULL)
			return;
	}
	if (!read_arg(call, "conditions", cond_buf, sizeof(cond_buf),
	    &cond_text))
		return;
	if (!conditions_parse(cond_text, &conds, err, sizeof(err))) {
		invalid(call, err);
		return;
	}
	records = source_records(call, &owned);
	if (!select_records(call, records, parent, &conds, &sel))
		answer_set_error(call->out, 500, "InternalServerError",
		    "out of memory");
	else
		answer_selection(call, &sel);
	free(sel.records);
	cJSON_Delete(owned);
}

void
api_read(struct call *call)
{
	const struct route *r = call->match.route;

	if (!policy_may_read(call->member, r)) {
		api_deny(call);
		return;
	}
	if (r->source == SRC_INFO)
		answer_set_json(call->out, 200, info_record(call->tenant));
	else if (r->source == SRC_MY_MEMBER)
		answer_set_json(call->out, 200, my_member_record(call));
	else
		read_records(call);
}
