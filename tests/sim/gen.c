/*
 * gen.c: member and role records, and seeded bulk data.
 *
 * The bulk data is meant to look like a small MSP: dozens of companies
 * with contacts, a few hundred tickets spread over the service boards
 * and their statuses, schedule and time entries for the technicians.
 * The same seed always gives the same records.
 */
#include "gen.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "simjson.h"

#define GEN_MAX_COUNT 20000
#define GEN_MAX_OWNERS 32

struct gen {
	struct tenant		*tenant;
	uint64_t		 state;
	const struct member	*owners[GEN_MAX_OWNERS];
	size_t			 nowners;
	char			*err;
	size_t			 errlen;
};

static const char *const first_words[] = {
	"Northwind", "Blue Harbor", "Cedar", "Summit", "Redwood", "Granite",
	"Lakeside", "Maple", "Harborview", "Ironbridge", "Silverline",
	"Oakridge", "Pinecrest", "Riverstone", "Brightwater", "Fairfield",
};

static const char *const second_words[] = {
	"Dental", "Logistics", "Law Group", "Accounting", "Clinic",
	"Builders", "Realty", "Foods", "Engineering", "Insurance",
	"Veterinary", "Schools",
};

static const char *const people[] = {
	"Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo",
	"Iris", "Jonas", "Kim", "Luis", "Mara", "Nils", "Olga", "Priya",
};

static const char *const surnames[] = {
	"Adams", "Brandt", "Costa", "Dubois", "Evans", "Fischer", "Garcia",
	"Haddad", "Ito", "Jensen", "Kowalski", "Lindqvist",
};

static const char *const problems[] = {
	"Printer offline", "Cannot reach VPN", "Outlook keeps asking for "
	"password", "New starter laptop", "Backup job failed", "Slow Wi-Fi "
	"in meeting room", "Phishing email reported", "Server disk nearly "
	"full", "Reset MFA", "Install accounting update", "Firewall firmware "
	"update", "Shared drive permissions",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static uint32_t
next_random(struct gen *g)
{
	g->state = g->state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(g->state >> 33);
}

static size_t
pick(struct gen *g, size_t n)
{
	return n == 0 ? 0 : next_random(g) % n;
}

static const cJSON *
pick_record(struct gen *g, const cJSON *array)
{
	int n;

	n = cJSON_GetArraySize(array);
	if (n == 0)
		return NULL;
	return cJSON_GetArrayItem(array, (int)pick(g, (size_t)n));
}

static long long
next_id(const cJSON *array)
{
	const cJSON *record;
	long long max = 0;

	cJSON_ArrayForEach(record, array) {
		if (sj_id(record) > max)
			max = sj_id(record);
	}
	return max + 1;
}

/* A copy of a record's reference: {id, name} plus identifier if any. */
static cJSON *
ref_of(const cJSON *record)
{
	const char *identifier;
	cJSON *ref;

	if (record == NULL)
		return NULL;
	ref = sj_ref(sj_id(record), sj_string(record, "name"));
	identifier = sj_string(record, "identifier");
	if (ref != NULL && identifier != NULL &&
	    !sj_add_string(ref, "identifier", identifier)) {
		cJSON_Delete(ref);
		return NULL;
	}
	return ref;
}

static bool
add_ref(cJSON *obj, const char *key, const cJSON *record)
{
	if (record == NULL)
		return true;
	return sj_add(obj, key, ref_of(record));
}

cJSON *
gen_member_ref(const struct member *m)
{
	cJSON *ref;

	ref = sj_ref(m->id, m->name);
	if (ref != NULL && !sj_add_string(ref, "identifier", m->identifier)) {
		cJSON_Delete(ref);
		return NULL;
	}
	return ref;
}

const struct member *
gen_member_by_identifier(const struct tenant *t, const char *identifier)
{
	size_t i;

	for (i = 0; identifier != NULL && i < t->nmembers; i++) {
		if (strcasecmp(t->members[i].identifier, identifier) == 0)
			return &t->members[i];
	}
	return NULL;
}

static cJSON *
structure_ref(const struct member *m)
{
	if (m->location_id == 0)
		return sj_ref(1, "Corporate");
	return sj_ref(4, "Location");
}

static cJSON *
location_ref(const struct tenant *t, int id)
{
	const cJSON *loc;

	if (id == 0)
		loc = cJSON_GetArrayItem(t->data[COLL_LOCATIONS], 0);
	else
		loc = sj_find_id(t->data[COLL_LOCATIONS], id);
	if (loc == NULL)
		return sj_ref(id != 0 ? id : 1, "Main");
	return ref_of(loc);
}

static cJSON *
excluded_array(const struct member *m)
{
	cJSON *array;
	size_t i;

	array = cJSON_CreateArray();
	for (i = 0; array != NULL && i < m->nexcluded; i++) {
		if (!cJSON_AddItemToArray(array,
		    cJSON_CreateNumber(m->excluded[i]))) {
			cJSON_Delete(array);
			return NULL;
		}
	}
	return array;
}

/* The fields Member and ApiMember share. */
static bool
add_member_common(cJSON *rec, const struct tenant *t,
    const struct member *m)
{
	return sj_add_number(rec, "id", m->id) &&
	    sj_add_string(rec, "identifier", m->identifier) &&
	    sj_add_bool(rec, "inactiveFlag", m->inactive) &&
	    sj_add(rec, "securityRole", sj_ref(m->role->id, m->role->name)) &&
	    sj_add(rec, "structureLevel", structure_ref(m)) &&
	    sj_add(rec, "securityLocation", location_ref(t, m->location_id)) &&
	    sj_add(rec, "excludedServiceBoardIds", excluded_array(m));
}

static cJSON *
member_record(const struct tenant *t, const struct member *m)
{
	const char *space;
	char first[64];
	cJSON *rec;

	rec = cJSON_CreateObject();
	if (rec == NULL)
		return NULL;
	space = strchr(m->name, ' ');
	snprintf(first, sizeof(first), "%.*s", space != NULL ?
	    (int)(space - m->name) : (int)strlen(m->name), m->name);
	if (!add_member_common(rec, t, m) ||
	    !sj_add_string(rec, "firstName", first) ||
	    !sj_add_string(rec, "lastName", space != NULL ? space + 1 :
	    m->name) ||
	    !sj_add_string(rec, "licenseClass", m->license_class) ||
	    !sj_add_bool(rec, "adminFlag", false)) {
		cJSON_Delete(rec);
		return NULL;
	}
	return rec;
}

static cJSON *
api_member_record(const struct tenant *t, const struct member *m)
{
	cJSON *rec;

	rec = cJSON_CreateObject();
	if (rec == NULL)
		return NULL;
	if (!add_member_common(rec, t, m) ||
	    !sj_add_string(rec, "name", m->name)) {
		cJSON_Delete(rec);
		return NULL;
	}
	return rec;
}

static bool
build_members(struct tenant *t)
{
	const struct member *m;
	size_t i;

	for (i = 0; i < t->nmembers; i++) {
		m = &t->members[i];
		if (!cJSON_AddItemToArray(t->data[COLL_MEMBERS],
		    member_record(t, m)))
			return false;
		if (strcmp(m->license_class, "A") == 0 &&
		    !cJSON_AddItemToArray(t->data[COLL_API_MEMBERS],
		    api_member_record(t, m)))
			return false;
	}
	return true;
}

static bool
build_roles(struct tenant *t)
{
	const struct role *r;
	cJSON *rec;
	size_t i;

	for (i = 0; i < t->nroles; i++) {
		r = &t->roles[i];
		rec = sj_ref(r->id, r->name);
		if (rec == NULL ||
		    !sj_add_string(rec, "roleType", "Standard") ||
		    !sj_add_bool(rec, "adminFlag", false) ||
		    !sj_add_bool(rec, "inactiveFlag", false) ||
		    !cJSON_AddItemToArray(t->data[COLL_ROLES], rec)) {
			cJSON_Delete(rec);
			return false;
		}
	}
	return true;
}

static bool
add_types(cJSON *rec, const cJSON *type)
{
	cJSON *types;

	types = cJSON_AddArrayToObject(rec, "types");
	if (types == NULL)
		return false;
	return type == NULL || cJSON_AddItemToArray(types, ref_of(type));
}

static bool
gen_company(struct gen *g, long long id, cJSON *rec)
{
	const struct tenant *t = g->tenant;
	char name[96], identifier[32], phone[32];
	size_t i, j;

	i = pick(g, COUNT(first_words));
	j = pick(g, COUNT(second_words));
	snprintf(name, sizeof(name), "%s %s", first_words[i],
	    second_words[j]);
	snprintf(identifier, sizeof(identifier), "C%03lld", id);
	snprintf(phone, sizeof(phone), "555-01%02zu", pick(g, 100));
	return sj_add_string(rec, "identifier", identifier) &&
	    sj_add_string(rec, "name", name) &&
	    add_ref(rec, "status",
	    cJSON_GetArrayItem(t->data[COLL_COMPANY_STATUSES], 0)) &&
	    add_ref(rec, "territory", pick_record(g,
	    t->data[COLL_LOCATIONS])) &&
	    sj_add_string(rec, "phoneNumber", phone) &&
	    add_types(rec, pick_record(g, t->data[COLL_COMPANY_TYPES])) &&
	    sj_add_bool(rec, "deletedFlag", false);
}

static bool
gen_contact(struct gen *g, long long id, cJSON *rec)
{
	const cJSON *company;

	company = pick_record(g, g->tenant->data[COLL_COMPANIES]);
	return sj_add_string(rec, "firstName", people[pick(g,
	    COUNT(people))]) &&
	    sj_add_string(rec, "lastName", surnames[pick(g,
	    COUNT(surnames))]) &&
	    add_ref(rec, "company", company) &&
	    add_ref(rec, "companyLocation", company != NULL ?
	    cJSON_GetObjectItem(company, "territory") : NULL) &&
	    sj_add_bool(rec, "inactiveFlag", false);
}

/* A service board (projectFlag not true), picked at random. */
static const cJSON *
pick_service_board(struct gen *g)
{
	const cJSON *board;
	int tries;

	for (tries = 0; tries < 32; tries++) {
		board = pick_record(g, g->tenant->data[COLL_BOARDS]);
		if (board == NULL)
			return NULL;
		if (!cJSON_IsTrue(cJSON_GetObjectItem(board, "projectFlag")))
			return board;
	}
	return NULL;
}

static const cJSON *
pick_child(struct gen *g, const cJSON *array, const char *link,
    long long parent)
{
	const cJSON *rec, *found[64];
	size_t n = 0;

	cJSON_ArrayForEach(rec, array) {
		if (n < COUNT(found) && cJSON_GetNumberValue(sj_path(rec,
		    link)) == (double)parent)
			found[n++] = rec;
	}
	return n == 0 ? NULL : found[pick(g, n)];
}

static bool
add_owner(struct gen *g, cJSON *rec, const char *key)
{
	if (g->nowners == 0)
		return true;
	return sj_add(rec, key, gen_member_ref(g->owners[pick(g,
	    g->nowners)]));
}

static bool
gen_ticket(struct gen *g, long long id, cJSON *rec)
{
	const struct tenant *t = g->tenant;
	const cJSON *board, *status, *company;
	char summary[128];

	board = pick_service_board(g);
	status = board != NULL ? pick_child(g, t->data[COLL_BOARD_STATUSES],
	    "board/id", sj_id(board)) : NULL;
	company = pick_record(g, t->data[COLL_COMPANIES]);
	snprintf(summary, sizeof(summary), "%s (#%lld)",
	    problems[pick(g, COUNT(problems))], id);
	return sj_add_string(rec, "summary", summary) &&
	    sj_add_string(rec, "recordType", "ServiceTicket") &&
	    add_ref(rec, "board", board) && add_ref(rec, "status", status) &&
	    add_ref(rec, "company", company) &&
	    add_ref(rec, "priority", pick_record(g,
	    t->data[COLL_PRIORITIES])) &&
	    add_owner(g, rec, "owner") &&
	    sj_add_bool(rec, "closedFlag", cJSON_IsTrue(
	    cJSON_GetObjectItem(status, "closedStatus")));
}

static bool
gen_project_ticket(struct gen *g, long long id, cJSON *rec)
{
	const struct tenant *t = g->tenant;
	const cJSON *project, *phase;
	char summary[128];

	project = pick_record(g, t->data[COLL_PROJECTS]);
	phase = project != NULL ? pick_child(g, t->data[COLL_PHASES],
	    "projectId", sj_id(project)) : NULL;
	snprintf(summary, sizeof(summary), "Project task %lld", id);
	return sj_add_string(rec, "summary", summary) &&
	    add_ref(rec, "project", project) &&
	    (phase == NULL || sj_add(rec, "phase", sj_ref(sj_id(phase),
	    sj_string(phase, "description")))) &&
	    add_ref(rec, "board", cJSON_GetObjectItem(project, "board")) &&
	    add_ref(rec, "company", cJSON_GetObjectItem(project, "company")) &&
	    add_owner(g, rec, "owner") &&
	    sj_add_bool(rec, "closedFlag", false);
}

static void
format_date(struct gen *g, char *buf, size_t len, int hour)
{
	snprintf(buf, len, "2025-03-%02zuT%02d:00:00Z", pick(g, 28) + 1,
	    hour);
}

static bool
gen_schedule_entry(struct gen *g, long long id, cJSON *rec)
{
	const cJSON *ticket;
	char start[32], end[32];
	cJSON *type;

	ticket = pick_record(g, g->tenant->data[COLL_TICKETS]);
	format_date(g, start, sizeof(start), 9);
	memcpy(end, start, sizeof(end));
	end[11] = '1';
	end[12] = '1';
	type = sj_ref(4, "Service");
	if (type == NULL || !sj_add_string(type, "identifier", "S")) {
		cJSON_Delete(type);
		return false;
	}
	return sj_add_number(rec, "objectId", (double)sj_id(ticket)) &&
	    sj_add_string(rec, "name", ticket != NULL ?
	    sj_string(ticket, "summary") : "Onsite visit") &&
	    add_owner(g, rec, "member") && sj_add(rec, "type", type) &&
	    sj_add_string(rec, "dateStart", start) &&
	    sj_add_string(rec, "dateEnd", end) &&
	    sj_add_bool(rec, "doneFlag", false);
}

static bool
gen_time_entry(struct gen *g, long long id, cJSON *rec)
{
	const cJSON *ticket;
	char start[32];

	ticket = pick_record(g, g->tenant->data[COLL_TICKETS]);
	format_date(g, start, sizeof(start), 13);
	return add_ref(rec, "company", cJSON_GetObjectItem(ticket,
	    "company")) &&
	    sj_add_number(rec, "chargeToId", (double)sj_id(ticket)) &&
	    sj_add_string(rec, "chargeToType", "ServiceTicket") &&
	    add_owner(g, rec, "member") &&
	    sj_add_string(rec, "timeStart", start) &&
	    sj_add_number(rec, "actualHours", (double)(pick(g, 8) + 1) / 2) &&
	    sj_add_string(rec, "notes", "Worked on the ticket");
}

static bool
gen_agreement(struct gen *g, long long id, cJSON *rec)
{
	const cJSON *company;
	char name[128];

	company = pick_record(g, g->tenant->data[COLL_COMPANIES]);
	snprintf(name, sizeof(name), "Managed services %lld", id);
	return sj_add_string(rec, "name", name) &&
	    (company == NULL || sj_add(rec, "company", sj_ref(sj_id(company),
	    sj_string(company, "name"))));
}

typedef bool (*gen_fn)(struct gen *, long long, cJSON *);

static const struct {
	const char	*key;
	enum collection	 coll;
	gen_fn		 fn;
} generators[] = {
	{ "companies", COLL_COMPANIES, gen_company },
	{ "contacts", COLL_CONTACTS, gen_contact },
	{ "tickets", COLL_TICKETS, gen_ticket },
	{ "projectTickets", COLL_PROJECT_TICKETS, gen_project_ticket },
	{ "scheduleEntries", COLL_SCHEDULE_ENTRIES, gen_schedule_entry },
	{ "timeEntries", COLL_TIME_ENTRIES, gen_time_entry },
	{ "agreements", COLL_AGREEMENTS, gen_agreement },
};

static bool
generate_many(struct gen *g, cJSON *array, long long count, gen_fn fn)
{
	long long id, i;
	cJSON *rec;

	id = next_id(array);
	for (i = 0; i < count; i++, id++) {
		rec = cJSON_CreateObject();
		if (rec == NULL || !sj_add_number(rec, "id", (double)id) ||
		    !fn(g, id, rec) || !cJSON_AddItemToArray(array, rec)) {
			cJSON_Delete(rec);
			snprintf(g->err, g->errlen, "out of memory");
			return false;
		}
	}
	return true;
}

static bool
load_owners(struct gen *g, const cJSON *spec)
{
	const cJSON *item;
	const struct member *m;

	cJSON_ArrayForEach(item, cJSON_GetObjectItem(spec, "owners")) {
		m = gen_member_by_identifier(g->tenant,
		    cJSON_GetStringValue(item));
		if (m == NULL || g->nowners == GEN_MAX_OWNERS) {
			snprintf(g->err, g->errlen, "generate.owners: "
			    "unknown member or more than %d", GEN_MAX_OWNERS);
			return false;
		}
		g->owners[g->nowners++] = m;
	}
	return true;
}

static bool
generate(struct gen *g, const cJSON *spec)
{
	long long count, seed = 1;
	size_t i;

	if (sj_int(spec, "seed", &seed))
		g->state = (uint64_t)seed;
	if (!load_owners(g, spec))
		return false;
	for (i = 0; i < COUNT(generators); i++) {
		if (!sj_int(spec, generators[i].key, &count))
			continue;
		if (count < 0 || count > GEN_MAX_COUNT) {
			snprintf(g->err, g->errlen, "generate.%s: 0 to %d",
			    generators[i].key, GEN_MAX_COUNT);
			return false;
		}
		if (!generate_many(g, g->tenant->data[generators[i].coll],
		    count, generators[i].fn))
			return false;
	}
	return true;
}

bool
gen_build(struct tenant *tenant, const cJSON *spec, char *err,
    size_t errlen)
{
	struct gen g = { 0 };

	g.tenant = tenant;
	g.state = 1;
	g.err = err;
	g.errlen = errlen;
	if (!build_members(tenant) || !build_roles(tenant)) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	if (spec != NULL && !cJSON_IsObject(spec)) {
		snprintf(err, errlen, "\"generate\" must be an object");
		return false;
	}
	return spec == NULL || generate(&g, spec);
}
