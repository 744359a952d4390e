/*
 * check_sim_policy.c: cwsim's role decisions, asked through api_answer
 * without HTTP: route lookup, None denies, My keeps owned records, All
 * keeps everything, allow lists, excluded boards, locations, writes.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api.h"
#include "catalog.h"
#include "policy.h"
#include "route.h"
#include "simjson.h"
#include "tenant.h"

#define AUTH "Basic YWNtZStwdWJIb3Jpem9uMDAwMTpwcml2U0VDUkVULWhvcml6b24tN2Yz" \
	"YTlj"
#define CLIENT "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
#define BASE "/v4_6_release/apis/3.0/"

static struct tenant *tenant;

static void
load_horizon(void)
{
	char err[512];

	tenant = tenant_load(SIM_TENANTS "/horizon-role.json", err,
	    sizeof(err));
	ck_assert_msg(tenant != NULL, "%s", err);
}

static void
unload(void)
{
	tenant_free(tenant);
	tenant = NULL;
}

static struct role *
role(void)
{
	return &tenant->roles[0];
}

static struct member *
api_member(void)
{
	return &tenant->members[0];
}

static void
set_inquire(const char *function, enum sim_level level)
{
	int fn;

	fn = catalog_function_find(function);
	ck_assert_int_ge(fn, 0);
	role()->levels[fn][SIM_INQUIRE] = level;
}

/* Ask method on BASE path; returns the status, the parsed body in *body
 * (NULL when not JSON; caller frees). */
static int
ask(const char *method, const char *path, cJSON **body)
{
	struct sim_request req = { 0 };
	struct sim_answer a;
	char uri[1024];
	int status;

	snprintf(uri, sizeof(uri), BASE "%s", path);
	req.method = method;
	req.uri = uri;
	req.authorization = AUTH;
	req.client_id = CLIENT;
	req.host = "127.0.0.1:1";
	api_answer(tenant, &req, &a);
	status = a.status;
	if (body != NULL)
		*body = a.body != NULL ? cJSON_ParseWithLength(a.body, a.len) :
		    NULL;
	answer_free(&a);
	return status;
}

static int
list_size(const char *path)
{
	cJSON *body;
	int status, n;

	status = ask("GET", path, &body);
	ck_assert_int_eq(status, 200);
	ck_assert(cJSON_IsArray(body));
	n = cJSON_GetArraySize(body);
	cJSON_Delete(body);
	return n;
}

static long long
count_of(const char *path)
{
	long long n = -1;
	cJSON *body;

	ck_assert_int_eq(ask("GET", path, &body), 200);
	ck_assert(sj_int(body, "count", &n));
	cJSON_Delete(body);
	return n;
}

static bool
is_security_denial(const char *path)
{
	cJSON *body;
	bool denied;
	int status;

	status = ask("GET", path, &body);
	denied = status == 403 && body != NULL &&
	    strcmp(sj_string(body, "code"), "Security") == 0;
	cJSON_Delete(body);
	return denied;
}

/* How many records of a collection satisfy a predicate on a path. */
static int
records_where(enum collection c, const char *path, const char *text)
{
	const cJSON *rec, *v;
	int n = 0;

	cJSON_ArrayForEach(rec, tenant->data[c]) {
		v = sj_path(rec, path);
		if (cJSON_IsString(v) && strcasecmp(v->valuestring, text) == 0)
			n++;
	}
	return n;
}

START_TEST(route_lookup_ignores_case_and_reads_ids)
{
	struct route_match m;

	ck_assert(route_find("SERVICE/Boards/12/STATUSES", true, &m));
	ck_assert_str_eq(m.route->pattern, "service/boards/{id}/statuses");
	ck_assert_int_eq(m.kind, ROUTE_LIST);
	ck_assert_int_eq(m.nids, 1);
	ck_assert_int_eq(m.ids[0], 12);
	ck_assert(!route_find("SERVICE/Boards/12/STATUSES", false, &m));
	ck_assert(route_find("service/boards/12/statuses/7", false, &m));
	ck_assert_int_eq(m.kind, ROUTE_ITEM);
	ck_assert_int_eq(m.ids[1], 7);
	ck_assert(route_find("service/tickets/count", true, &m));
	ck_assert_int_eq(m.kind, ROUTE_COUNT);
	ck_assert(route_find("system/mySecurity/customizeItems/", true, &m));
	ck_assert_int_eq(m.route->source, SRC_CUSTOMIZE_ITEMS);
	ck_assert(route_find("company/companies/types", true, &m));
	ck_assert_str_eq(m.route->item, "CompanyType");
}
END_TEST

START_TEST(route_lookup_refuses_malformed_paths)
{
	struct route_match m;

	ck_assert(!route_find("service/boards/x1", true, &m));
	ck_assert(!route_find("service/boards//1", true, &m));
	ck_assert(!route_find("service/boards/1/2", true, &m));
	ck_assert(!route_find("service/boards/-1", true, &m));
	ck_assert(!route_find("service/boards/1234567890123456", true, &m));
	ck_assert(!route_find("", true, &m));
	ck_assert(!route_find("system/info/count", true, &m));
}
END_TEST

START_TEST(inquire_none_answers_403_security)
{
	set_inquire("ServiceTickets", SIM_NONE);
	ck_assert(is_security_denial("service/tickets"));
	ck_assert(is_security_denial("service/tickets/count"));
	ck_assert(is_security_denial("service/tickets/1"));
	ck_assert_int_eq(list_size("company/companies?pageSize=1"), 1);
}
END_TEST

START_TEST(inquire_my_keeps_only_owned_records)
{
	int owned;

	owned = records_where(COLL_TICKETS, "owner/identifier", "akhan");
	ck_assert_int_gt(owned, 0);
	set_inquire("ServiceTickets", SIM_MY);
	ck_assert_int_eq(count_of("service/tickets/count"), 0);
	free(api_member()->identifier);
	api_member()->identifier = strdup("akhan");
	ck_assert_ptr_nonnull(api_member()->identifier);
	ck_assert_int_eq(count_of("service/tickets/count"), owned);
	ck_assert_int_eq(list_size("service/tickets?pageSize=1000"), owned);
}
END_TEST

START_TEST(inquire_mine_is_owned_only_too)
{
	set_inquire("ServiceTickets", SIM_MINE);
	ck_assert_int_eq(list_size("service/tickets"), 0);
}
END_TEST

START_TEST(setup_tables_under_my_are_empty)
{
	set_inquire("TableSetup", SIM_MY);
	ck_assert_int_eq(list_size("service/boards"), 0);
	ck_assert_int_eq(list_size("service/priorities"), 0);
}
END_TEST

START_TEST(phases_under_my_follow_the_project_manager)
{
	set_inquire("ProjectPhase", SIM_MY);
	ck_assert_int_eq(list_size("project/projects/1/phases"), 0);
	free(api_member()->identifier);
	api_member()->identifier = strdup("jsmith");
	ck_assert_ptr_nonnull(api_member()->identifier);
	ck_assert_int_eq(list_size("project/projects/1/phases"), 3);
	ck_assert_int_eq(list_size("project/projects/2/phases"), 0);
}
END_TEST

START_TEST(inquire_all_returns_every_record)
{
	ck_assert_int_eq(count_of("service/tickets/count"),
	    cJSON_GetArraySize(tenant->data[COLL_TICKETS]));
	ck_assert_int_eq(count_of("company/companies/count"),
	    cJSON_GetArraySize(tenant->data[COLL_COMPANIES]));
	ck_assert_int_eq(list_size("system/members"), (int)tenant->nmembers);
}
END_TEST

START_TEST(allow_list_denies_tables_outside_it)
{
	int fn;

	fn = catalog_function_find("TableSetup");
	role()->allow[fn] = 1u << catalog_item_find("CompanyStatus");
	ck_assert(is_security_denial("service/boards"));
	ck_assert(is_security_denial("service/boards/1/statuses"));
	ck_assert(is_security_denial("company/companies/types"));
	ck_assert(is_security_denial("project/phaseStatuses"));
	ck_assert_int_eq(list_size("company/companies/statuses"), 2);
	role()->custom[fn] = false;
	ck_assert_int_eq(list_size("company/companies/types"), 3);
}
END_TEST

START_TEST(allow_list_applies_even_with_inquire_all)
{
	int fn;

	fn = catalog_function_find("TableSetup");
	ck_assert_int_eq(role()->levels[fn][SIM_INQUIRE], SIM_ALL);
	role()->allow[fn] &= ~(1u << catalog_item_find("ServicePriority"));
	ck_assert(is_security_denial("service/priorities"));
	ck_assert(!policy_item_allowed(role(), "ServicePriority"));
	ck_assert(policy_item_allowed(role(), "ServiceBoard"));
}
END_TEST

START_TEST(project_boards_need_their_item)
{
	int fn;

	ck_assert_int_eq(list_size("service/boards"), 4);
	fn = catalog_function_find("TableSetup");
	role()->allow[fn] &= ~(1u << catalog_item_find("ProjectBoard"));
	ck_assert_int_eq(list_size("service/boards"), 3);
	ck_assert_int_eq(ask("GET", "service/boards/4/statuses", NULL), 404);
}
END_TEST

START_TEST(excluded_boards_hide_the_board_and_its_tickets)
{
	long long all, on_board;

	all = count_of("service/tickets/count");
	on_board = count_of("service/tickets/count?conditions=board/id=1");
	ck_assert_int_gt(on_board, 0);
	api_member()->excluded[0] = 1;
	api_member()->nexcluded = 1;
	ck_assert_int_eq(count_of("service/tickets/count"), all - on_board);
	ck_assert_int_eq(list_size("service/boards"), 3);
	ck_assert_int_eq(ask("GET", "service/boards/1", NULL), 404);
	ck_assert_int_eq(ask("GET", "service/boards/1/statuses", NULL), 404);
}
END_TEST

START_TEST(members_below_corporate_see_their_location_only)
{
	const cJSON *rec;
	cJSON *body;
	int at_north = 0;

	cJSON_ArrayForEach(rec, tenant->data[COLL_COMPANIES]) {
		if (cJSON_GetNumberValue(sj_path(rec, "territory/id")) == 2)
			at_north++;
	}
	ck_assert_int_gt(at_north, 0);
	api_member()->location_id = 2;
	ck_assert_int_eq(count_of("company/companies/count"), at_north);
	ck_assert_int_eq(ask("GET", "company/companies?pageSize=1000", &body),
	    200);
	cJSON_ArrayForEach(rec, body)
		ck_assert(cJSON_GetNumberValue(sj_path(rec, "territory/id")) ==
		    2);
	cJSON_Delete(body);
}
END_TEST

START_TEST(writes_never_change_data)
{
	static const char *const methods[] = { "POST", "PUT", "PATCH",
		"DELETE" };
	long long before;
	char *printed, *after;
	size_t i;

	before = count_of("company/companies/count");
	printed = cJSON_PrintUnformatted(tenant->data[COLL_COMPANIES]);
	for (i = 0; i < 4; i++) {
		ck_assert_int_eq(ask(methods[i], "company/companies", NULL),
		    400);
		ck_assert_int_eq(ask(methods[i], "company/companies/1", NULL),
		    400);
		ck_assert_int_eq(ask(methods[i], "service/boards/1", NULL),
		    403);
	}
	ck_assert_int_eq(count_of("company/companies/count"), before);
	after = cJSON_PrintUnformatted(tenant->data[COLL_COMPANIES]);
	ck_assert(printed != NULL && after != NULL);
	ck_assert_str_eq(printed, after);
	free(printed);
	free(after);
}
END_TEST

START_TEST(write_status_follows_each_action_level)
{
	struct route_match m;
	int fn;

	ck_assert(route_find("service/tickets", true, &m));
	fn = catalog_function_find("ServiceTickets");
	role()->levels[fn][SIM_ADD] = SIM_NONE;
	role()->levels[fn][SIM_EDIT] = SIM_MY;
	role()->levels[fn][SIM_DELETE] = SIM_ALL;
	ck_assert_int_eq(policy_write_status(role(), m.route, "POST"), 403);
	ck_assert_int_eq(policy_write_status(role(), m.route, "PUT"), 400);
	ck_assert_int_eq(policy_write_status(role(), m.route, "PATCH"), 400);
	ck_assert_int_eq(policy_write_status(role(), m.route, "DELETE"), 400);
	ck_assert_int_eq(policy_write_status(role(), m.route, "GET"), 0);
	ck_assert(route_find("system/mySecurity", true, &m));
	ck_assert_int_eq(policy_write_status(role(), m.route, "POST"), 405);
}
END_TEST

START_TEST(my_security_reports_the_role_levels)
{
	const cJSON *row;
	cJSON *body;
	int rows = 0;

	set_inquire("ProjectPhase", SIM_NONE);
	ck_assert_int_eq(ask("GET", "system/mySecurity", &body), 200);
	cJSON_ArrayForEach(row, body) {
		rows++;
		if (strcmp(sj_string(row, "moduleFunctionIdentifier"),
		    "ProjectPhase") == 0)
			ck_assert_str_eq(sj_string(row, "inquireLevel"),
			    "None");
	}
	ck_assert_int_eq(rows, (int)catalog_function_count());
	cJSON_Delete(body);
	api_member()->may_read_security = false;
	ck_assert(is_security_denial("system/mySecurity"));
}
END_TEST

START_TEST(bad_keys_and_inactive_members_answer_401)
{
	struct sim_request req = { 0 };
	struct sim_answer a;

	req.method = "GET";
	req.uri = BASE "system/info";
	req.client_id = CLIENT;
	req.authorization = "Basic YWNtZStwdWJIb3Jpem9uMDAwMTp3cm9uZw==";
	api_answer(tenant, &req, &a);
	ck_assert_int_eq(a.status, 401);
	answer_free(&a);
	req.authorization = AUTH;
	api_member()->inactive = true;
	api_answer(tenant, &req, &a);
	ck_assert_int_eq(a.status, 401);
	answer_free(&a);
}
END_TEST

static Suite *
policy_suite(void)
{
	Suite *s = suite_create("sim_policy");
	TCase *tc = tcase_create("role");

	tcase_add_checked_fixture(tc, load_horizon, unload);
	tcase_add_test(tc, route_lookup_ignores_case_and_reads_ids);
	tcase_add_test(tc, route_lookup_refuses_malformed_paths);
	tcase_add_test(tc, inquire_none_answers_403_security);
	tcase_add_test(tc, inquire_my_keeps_only_owned_records);
	tcase_add_test(tc, inquire_mine_is_owned_only_too);
	tcase_add_test(tc, setup_tables_under_my_are_empty);
	tcase_add_test(tc, phases_under_my_follow_the_project_manager);
	tcase_add_test(tc, inquire_all_returns_every_record);
	tcase_add_test(tc, allow_list_denies_tables_outside_it);
	tcase_add_test(tc, allow_list_applies_even_with_inquire_all);
	tcase_add_test(tc, project_boards_need_their_item);
	tcase_add_test(tc, excluded_boards_hide_the_board_and_its_tickets);
	tcase_add_test(tc, members_below_corporate_see_their_location_only);
	tcase_add_test(tc, writes_never_change_data);
	tcase_add_test(tc, write_status_follows_each_action_level);
	tcase_add_test(tc, my_security_reports_the_role_levels);
	tcase_add_test(tc, bad_keys_and_inactive_members_answer_401);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr;
	int failed;

	sr = srunner_create(policy_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
