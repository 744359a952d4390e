/*
 * route.c: the route table and path matching.
 */
#include "route.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SEGMENTS_MAX 8
#define SEGMENT_LEN_MAX 64
#define ID_DIGITS_MAX 15

#define NONE_C COLL_COUNT

static const struct route routes[] = {
	{ "system/info", SRC_INFO, NONE_C, NULL, NULL, NULL, NULL, NONE_C,
	    NULL, NULL, NULL, "Info", false, false },
	{ "system/members", SRC_COLLECTION, COLL_MEMBERS,
	    "MemberMaintenance", NULL, "identifier", NULL, NONE_C, NULL,
	    NULL, NULL, "Member", true, false },
	{ "system/apiMembers", SRC_COLLECTION, COLL_API_MEMBERS,
	    "MemberMaintenance", NULL, "identifier", NULL, NONE_C, NULL,
	    NULL, NULL, "Member", true, false },
	{ "system/myMembers", SRC_MY_MEMBER, NONE_C, NULL, NULL, NULL, NULL,
	    NONE_C, NULL, NULL, NULL, "Member", false, false },
	{ "system/mySecurity", SRC_MY_SECURITY, NONE_C, NULL, NULL, NULL,
	    NULL, NONE_C, NULL, NULL, NULL, "Security", false, true },
	{ "system/mySecurity/customizeItems", SRC_CUSTOMIZE_ITEMS, NONE_C,
	    NULL, NULL, NULL, NULL, NONE_C, NULL, NULL, NULL,
	    "Customize item", false, true },
	{ "system/securityroles", SRC_COLLECTION, COLL_ROLES,
	    "SecurityRoles", NULL, NULL, NULL, NONE_C, NULL, NULL, NULL,
	    "Security role", true, false },
	{ "system/securityroles/{id}/settings", SRC_ROLE_SETTINGS, NONE_C,
	    "SecurityRoles", NULL, NULL, NULL, COLL_ROLES, NULL, NULL, NULL,
	    "Security role", false, false },
	{ "service/boards", SRC_COLLECTION, COLL_BOARDS, "TableSetup",
	    "ServiceBoard", NULL, NULL, NONE_C, NULL, "id", NULL, "Board",
	    true, false },
	{ "service/boards/{id}/statuses", SRC_COLLECTION,
	    COLL_BOARD_STATUSES, "TableSetup", "ServiceBoard", NULL,
	    "board/id", COLL_BOARDS, NULL, "board/id", NULL, "Status", true,
	    false },
	{ "service/boards/{id}/types", SRC_COLLECTION, COLL_BOARD_TYPES,
	    "TableSetup", "ServiceBoard", NULL, "board/id", COLL_BOARDS, NULL,
	    "board/id", NULL, "Type", true, false },
	{ "service/priorities", SRC_COLLECTION, COLL_PRIORITIES, "TableSetup",
	    "ServicePriority", NULL, NULL, NONE_C, NULL, NULL, NULL,
	    "Priority", true, false },
	{ "service/tickets", SRC_COLLECTION, COLL_TICKETS, "ServiceTickets",
	    NULL, "owner/identifier", NULL, NONE_C, NULL, "board/id", NULL,
	    "Ticket", true, false },
	{ "project/projects", SRC_COLLECTION, COLL_PROJECTS,
	    "ProjectHeaders", NULL, "manager/identifier", NULL, NONE_C, NULL,
	    NULL, NULL, "Project", true, false },
	{ "project/projects/{id}/phases", SRC_COLLECTION, COLL_PHASES,
	    "ProjectPhase", NULL, NULL, "projectId", COLL_PROJECTS,
	    "manager/identifier", NULL, NULL, "Phase", true, false },
	{ "project/statuses", SRC_COLLECTION, COLL_PROJECT_STATUSES,
	    "TableSetup", "ProjectStatus", NULL, NULL, NONE_C, NULL, NULL,
	    NULL, "Project status", true, false },
	{ "project/phaseStatuses", SRC_COLLECTION, COLL_PHASE_STATUSES,
	    "TableSetup", "ProjectPhaseStatus", NULL, NULL, NONE_C, NULL,
	    NULL, NULL, "Phase status", true, false },
	{ "project/tickets", SRC_COLLECTION, COLL_PROJECT_TICKETS,
	    "ProjectTickets", NULL, "owner/identifier", NULL, NONE_C, NULL,
	    NULL, NULL, "Ticket", true, false },
	{ "company/companies", SRC_COLLECTION, COLL_COMPANIES,
	    "CompanyMaintenance", NULL, NULL, NULL, NONE_C, NULL, NULL,
	    "territory/id", "Company", true, false },
	{ "company/companies/statuses", SRC_COLLECTION,
	    COLL_COMPANY_STATUSES, "TableSetup", "CompanyStatus", NULL, NULL,
	    NONE_C, NULL, NULL, NULL, "Company status", true, false },
	{ "company/companies/types", SRC_COLLECTION, COLL_COMPANY_TYPES,
	    "TableSetup", "CompanyType", NULL, NULL, NONE_C, NULL, NULL, NULL,
	    "Company type", true, false },
	{ "company/contacts", SRC_COLLECTION, COLL_CONTACTS, "Contacts",
	    NULL, NULL, NULL, NONE_C, NULL, NULL, "companyLocation/id",
	    "Contact", true, false },
	{ "schedule/entries", SRC_COLLECTION, COLL_SCHEDULE_ENTRIES,
	    "ResourceScheduling", NULL, "member/identifier", NULL, NONE_C,
	    NULL, NULL, NULL, "Schedule entry", true, false },
	{ "time/entries", SRC_COLLECTION, COLL_TIME_ENTRIES, "TimeEntry",
	    NULL, "member/identifier", NULL, NONE_C, NULL, NULL, NULL,
	    "Time entry", true, false },
	{ "finance/agreements", SRC_COLLECTION, COLL_AGREEMENTS, "Agreements",
	    NULL, NULL, NULL, NONE_C, NULL, NULL, NULL, "Agreement", true,
	    false },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct segments {
	char	 text[SEGMENTS_MAX][SEGMENT_LEN_MAX];
	int	 n;
};

/* Split path at '/'; false when it has too many or too long segments
 * or an empty one. */
static bool
split_path(const char *path, struct segments *out)
{
	const char *slash;
	size_t len;

	out->n = 0;
	while (*path != '\0') {
		slash = strchr(path, '/');
		len = slash != NULL ? (size_t)(slash - path) : strlen(path);
		if (len == 0 && slash != NULL && slash[1] == '\0')
			return out->n > 0;
		if (len == 0 || len >= SEGMENT_LEN_MAX ||
		    out->n == SEGMENTS_MAX)
			return false;
		memcpy(out->text[out->n], path, len);
		out->text[out->n][len] = '\0';
		out->n++;
		path += len;
		if (*path == '/')
			path++;
	}
	return out->n > 0;
}

static bool
parse_id(const char *text, long long *out)
{
	size_t len;

	len = strlen(text);
	if (len == 0 || len > ID_DIGITS_MAX ||
	    strspn(text, "0123456789") != len)
		return false;
	*out = strtoll(text, NULL, 10);
	return true;
}

/* Match the request's segments from 0 against one pattern; ids found
 * go to out.  Returns the number of segments consumed, or -1. */
static int
match_pattern(const struct segments *req, const char *pattern,
    bool nocase, struct route_match *out)
{
	struct segments pat;
	int i, same;

	if (!split_path(pattern, &pat) || pat.n > req->n)
		return -1;
	out->nids = 0;
	for (i = 0; i < pat.n; i++) {
		if (strcmp(pat.text[i], "{id}") == 0) {
			if (out->nids == ROUTE_MAX_IDS ||
			    !parse_id(req->text[i], &out->ids[out->nids]))
				return -1;
			out->nids++;
			continue;
		}
		same = nocase ? strcasecmp(pat.text[i], req->text[i]) :
		    strcmp(pat.text[i], req->text[i]);
		if (same != 0)
			return -1;
	}
	return pat.n;
}

static bool
is_word(const char *a, const char *b, bool nocase)
{
	return (nocase ? strcasecmp(a, b) : strcmp(a, b)) == 0;
}

/* Decide the kind from what follows the pattern. */
static bool
match_rest(const struct segments *req, int used, const struct route *r,
    bool nocase, struct route_match *out)
{
	int rest = req->n - used;

	if (rest == 0) {
		out->kind = r->source == SRC_INFO ||
		    r->source == SRC_MY_MEMBER ? ROUTE_ONE : ROUTE_LIST;
		return true;
	}
	if (rest != 1 || r->source == SRC_INFO ||
	    r->source == SRC_MY_MEMBER)
		return false;
	if (is_word(req->text[used], "count", nocase)) {
		out->kind = ROUTE_COUNT;
		return true;
	}
	if (r->items && out->nids < ROUTE_MAX_IDS &&
	    parse_id(req->text[used], &out->ids[out->nids])) {
		out->nids++;
		out->kind = ROUTE_ITEM;
		return true;
	}
	return false;
}

bool
route_find(const char *path, bool nocase, struct route_match *out)
{
	struct segments req;
	int used;
	size_t i;

	if (!split_path(path, &req))
		return false;
	for (i = 0; i < COUNT(routes); i++) {
		used = match_pattern(&req, routes[i].pattern, nocase, out);
		if (used < 0 || !match_rest(&req, used, &routes[i], nocase,
		    out))
			continue;
		out->route = &routes[i];
		return true;
	}
	return false;
}

int
route_function(const struct route *route)
{
	if (route->function == NULL)
		return -1;
	return catalog_function_find(route->function);
}
