/*
 * check_rules.c: the rules loader reads the shipped Horizon profile as the
 * audit needs it, keeps the defaults of a minimal profile, and reports
 * every mistake of a bad profile with its line: the fixtures under
 * tests/rules/ each hold known mistakes at known lines.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "rules.h"

#define SCHEMA		RA_SRCDATADIR "/rules.xsd"
#define HORIZON		RA_SRCDATADIR "/horizon.rules.xml"
#define FIXTURES	TESTS_DIR "/rules"
#define MAX_BYTES	(4 * 1024 * 1024)

static struct profile *horizon;

static void
load_horizon(void)
{
	struct diag diag = { 0 };

	horizon = rules_load(HORIZON, SCHEMA, &diag);
	diag_print(&diag, stderr);
	ck_assert_int_eq(diag.count, 0);
	ck_assert_ptr_nonnull(horizon);
	diag_clear(&diag);
}

static void
free_horizon(void)
{
	rules_free(horizon);
	horizon = NULL;
}

static const struct requirement *
requirement(const struct profile *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->requirement_count; i++) {
		if (strcmp(p->requirements[i].id, id) == 0)
			return &p->requirements[i];
	}
	ck_abort_msg("no requirement \"%s\"", id);
	return NULL;
}

static const struct rule_probe *
probe_of(const struct profile *p, const struct requirement *req, size_t k)
{
	ck_assert_uint_lt(k, req->probe_count);
	ck_assert_uint_lt(req->probes[k].probe, p->probe_count);
	return &p->probes[req->probes[k].probe];
}

/* Load a fixture that must fail and compare its messages, each given as
 * "LINE: TEXT" (or ": TEXT" for none) after the fixture's path. */
static void
expect_messages(const char *name, const char *const *expected, size_t n)
{
	struct diag diag = { 0 };
	struct profile *p;
	char path[512], want[1024];
	size_t i;

	snprintf(path, sizeof path, "%s/%s", FIXTURES, name);
	p = rules_load(path, SCHEMA, &diag);
	ck_assert_ptr_null(p);
	if (diag.count != n)
		diag_print(&diag, stderr);
	for (i = 0; i < n && i < diag.count; i++) {
		snprintf(want, sizeof want, "%s:%s", path, expected[i]);
		ck_assert_str_eq(diag.messages[i], want);
	}
	ck_assert_uint_eq(diag.count, n);
	diag_clear(&diag);
}

#define EXPECT(name, list) \
	expect_messages(name, list, sizeof list / sizeof list[0])

START_TEST(horizon_profile_names_itself)
{
	ck_assert_str_eq(horizon->name, "horizon");
	ck_assert_str_eq(horizon->title, "Horizon");
	ck_assert_str_eq(horizon->version, "1.0.0");
	ck_assert_str_eq(horizon->role_hint, "Horizon Role");
	ck_assert_str_eq(horizon->path, HORIZON);
}
END_TEST

START_TEST(horizon_requirements_follow_the_role_screen)
{
	static const char *const ids[] = {
		"company-maintenance", "contacts",
		"agreements",
		"project-headers", "project-phase", "project-tickets",
		"service-tickets", "resource-scheduling",
		"member-maintenance", "table-setup", "company-status-table",
		"company-type-table", "project-tables", "priority-table",
		"service-board-table",
		"time-entry",
	};
	static const char *const modules[] = {
		"Companies", "Finance", "Project", "Service Desk", "System",
		"Time & Expense",
	};
	size_t i, m = 0;

	ck_assert_uint_eq(horizon->requirement_count,
	    sizeof ids / sizeof ids[0]);
	for (i = 0; i < horizon->requirement_count; i++) {
		ck_assert_str_eq(horizon->requirements[i].id, ids[i]);
		while (m < 6 && strcmp(horizon->requirements[i].module,
		    modules[m]) != 0)
			m++;
		ck_assert_msg(m < 6, "\"%s\" is out of module order", ids[i]);
	}
}
END_TEST

START_TEST(horizon_seed_rules_are_the_guide_edits)
{
	const struct requirement *req;
	size_t i, seeds = 0;

	for (i = 0; i < horizon->requirement_count; i++) {
		req = &horizon->requirements[i];
		if (strcmp(req->source, "seed") == 0) {
			seeds++;
			continue;
		}
		ck_assert_str_eq(req->source, "inferred");
		ck_assert_ptr_nonnull(req->source_note);
		ck_assert_uint_gt(strlen(req->source_note), 20);
	}
	ck_assert_uint_eq(seeds, 3);
	ck_assert_str_eq(requirement(horizon, "member-maintenance")->source,
	    "seed");
	ck_assert_str_eq(requirement(horizon, "table-setup")->source, "seed");
	ck_assert_str_eq(requirement(horizon, "project-tables")->source,
	    "seed");
}
END_TEST

START_TEST(horizon_time_and_agreements_are_advice_only)
{
	const struct requirement *req;
	size_t i;

	for (i = 0; i < horizon->requirement_count; i++) {
		req = &horizon->requirements[i];
		ck_assert_msg(req->required == !(strcmp(req->id, "time-entry")
		    == 0 || strcmp(req->id, "agreements") == 0),
		    "\"%s\" has the wrong need", req->id);
	}
}
END_TEST

START_TEST(horizon_functions_need_inquire_all_only)
{
	const struct requirement *req;
	size_t i;

	for (i = 0; i < horizon->requirement_count; i++) {
		req = &horizon->requirements[i];
		ck_assert_int_eq(req->need[ACTION_ADD], LEVEL_NONE);
		ck_assert_int_eq(req->need[ACTION_EDIT], LEVEL_NONE);
		ck_assert_int_eq(req->need[ACTION_DELETE], LEVEL_NONE);
		ck_assert_int_eq(req->need[ACTION_INQUIRE],
		    req->customize_id ? LEVEL_NONE : LEVEL_ALL);
		ck_assert_ptr_nonnull(req->why);
		ck_assert_ptr_nonnull(req->feature);
		ck_assert_uint_gt(req->probe_count, 0);
	}
	req = requirement(horizon, "member-maintenance");
	ck_assert_str_eq(req->module_id, "System");
	ck_assert_str_eq(req->function_id, "MemberMaintenance");
	ck_assert_str_eq(req->function, "Member Maintenance");
	req = requirement(horizon, "time-entry");
	ck_assert_str_eq(req->module, "Time & Expense");
	ck_assert_str_eq(req->module_id, "TimeExpense");
}
END_TEST

START_TEST(horizon_tables_depend_on_table_setup)
{
	const struct requirement *req, *setup;
	const struct rule_customize *list;
	size_t i, k, tables = 0;

	setup = requirement(horizon, "table-setup");
	for (i = 0; i < horizon->requirement_count; i++) {
		req = &horizon->requirements[i];
		if (req->customize_id == NULL) {
			ck_assert_ptr_null(req->depends);
			continue;
		}
		tables++;
		ck_assert_str_eq(req->depends, "table-setup");
		ck_assert_uint_lt(req->depends_index, i);
		ck_assert_ptr_eq(&horizon->requirements[req->depends_index],
		    setup);
		ck_assert_uint_lt(req->customize_index,
		    horizon->customize_count);
		list = &horizon->customizes[req->customize_index];
		ck_assert_str_eq(list->id, "SystemTableSetup");
		for (k = 0; k < req->item_count; k++)
			ck_assert_ptr_nonnull(rules_item(list, req->items[k]));
	}
	ck_assert_uint_eq(tables, 5);
	ck_assert_uint_eq(requirement(horizon, "project-tables")->item_count,
	    3);
}
END_TEST

START_TEST(horizon_allow_list_has_the_catalog_items)
{
	const struct rule_customize *list = &horizon->customizes[0];

	ck_assert_uint_eq(horizon->customize_count, 1);
	ck_assert_str_eq(list->module_id, "System");
	ck_assert_str_eq(list->function_id, "TableSetup");
	ck_assert_uint_eq(list->item_count, 10);
	ck_assert_str_eq(rules_item(list, "ServiceBoard")->label,
	    "Service / Service Board");
	ck_assert_str_eq(rules_item(list, "ProjectPhaseStatus")->label,
	    "Project / Phase Status");
	ck_assert_ptr_null(rules_item(list, "serviceboard"));
}
END_TEST

START_TEST(horizon_table_setup_denials_are_inconclusive)
{
	const struct requirement *req;
	size_t i, k;
	bool setup;

	for (i = 0; i < horizon->requirement_count; i++) {
		req = &horizon->requirements[i];
		setup = strcmp(req->id, "table-setup") == 0;
		for (k = 0; k < req->probe_count; k++)
			ck_assert_int_eq(req->probes[k].on_denied, setup ?
			    DENIAL_INCONCLUSIVE : DENIAL_GAP);
	}
	ck_assert_uint_eq(requirement(horizon, "table-setup")->probe_count, 6);
}
END_TEST

START_TEST(horizon_phases_use_the_first_project)
{
	const struct requirement *req = requirement(horizon, "project-phase");
	const struct rule_probe *phases = probe_of(horizon, req, 0);
	const struct rule_probe *projects;

	ck_assert_str_eq(phases->path, "project/projects/{id}/phases");
	ck_assert_str_eq(phases->needs, "projects");
	projects = &horizon->probes[phases->needs_index];
	ck_assert_str_eq(projects->path, "project/projects");
	ck_assert_ptr_eq(projects, probe_of(horizon,
	    requirement(horizon, "project-headers"), 0));
	ck_assert_str_eq(projects->owner_field, "manager/identifier");
}
END_TEST

START_TEST(horizon_board_children_use_the_first_board)
{
	const struct requirement *req;
	const struct rule_probe *boards;

	req = requirement(horizon, "service-board-table");
	ck_assert_uint_eq(req->probe_count, 3);
	boards = probe_of(horizon, req, 0);
	ck_assert_str_eq(boards->path, "service/boards");
	ck_assert_str_eq(probe_of(horizon, req, 1)->path,
	    "service/boards/{id}/statuses");
	ck_assert_str_eq(probe_of(horizon, req, 2)->path,
	    "service/boards/{id}/types");
	ck_assert_ptr_eq(&horizon->probes[probe_of(horizon, req,
	    1)->needs_index], boards);
	ck_assert_ptr_eq(&horizon->probes[probe_of(horizon, req,
	    2)->needs_index], boards);
}
END_TEST

static long
page_size(const char *query)
{
	const char *at = query ? strstr(query, "pageSize=") : NULL;

	return at ? strtol(at + strlen("pageSize="), NULL, 10) : 0;
}

START_TEST(horizon_probes_ask_for_little)
{
	const struct rule_probe *probe;
	size_t i;

	for (i = 0; i < horizon->probe_count; i++) {
		probe = &horizon->probes[i];
		ck_assert_ptr_nonnull(strstr(probe->query, "fields=id"));
		ck_assert_int_eq(probe->expect, EXPECT_LIST);
		if (probe->owner_field != NULL) {
			ck_assert_int_eq(page_size(probe->query),
			    strcmp(probe->id, "members") == 0 ? 2 : 25);
			ck_assert_int_eq(probe->proves, LEVEL_NONE);
		} else {
			ck_assert_int_eq(page_size(probe->query), 1);
		}
		if (probe->needs != NULL)
			ck_assert_uint_lt(probe->needs_index, i);
	}
}
END_TEST

START_TEST(horizon_owner_fields_match_the_records)
{
	static const char *const owners[][2] = {
		{ "members", "identifier" },
		{ "tickets", "owner/identifier" },
		{ "project-tickets", "owner/identifier" },
		{ "schedule-entries", "member/identifier" },
		{ "time-entries", "member/identifier" },
		{ "projects", "manager/identifier" },
	};
	const struct rule_probe *probe;
	size_t i, owned = 0;

	for (i = 0; i < sizeof owners / sizeof owners[0]; i++) {
		probe = rules_probe(horizon, owners[i][0]);
		ck_assert_ptr_nonnull(probe);
		ck_assert_str_eq(probe->owner_field, owners[i][1]);
	}
	for (i = 0; i < horizon->probe_count; i++)
		owned += horizon->probes[i].owner_field != NULL;
	ck_assert_uint_eq(owned, 6);
	ck_assert_int_eq(rules_probe(horizon, "boards")->proves, LEVEL_ALL);
	ck_assert_int_eq(rules_probe(horizon, "companies")->proves, LEVEL_ALL);
	ck_assert_int_eq(rules_probe(horizon, "agreements")->proves,
	    LEVEL_ALL);
	ck_assert_ptr_null(rules_probe(horizon, "nothing-like-it"));
}
END_TEST

START_TEST(minimal_profile_takes_the_defaults)
{
	struct diag diag = { 0 };
	struct profile *p;
	const struct requirement *req;

	p = rules_load(FIXTURES "/minimal.rules.xml", SCHEMA, &diag);
	diag_print(&diag, stderr);
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_null(p->role_hint);
	ck_assert_uint_eq(p->customize_count, 0);
	ck_assert_int_eq(p->probes[0].expect, EXPECT_LIST);
	ck_assert_int_eq(p->probes[0].proves, LEVEL_NONE);
	ck_assert_ptr_null(p->probes[0].query);
	ck_assert_ptr_null(p->probes[0].owner_field);
	ck_assert_int_eq(p->probes[1].expect, EXPECT_OBJECT);
	ck_assert_uint_eq(p->probes[1].needs_index, 0);
	ck_assert_int_eq(p->probes[2].expect, EXPECT_COUNT);
	ck_assert_int_eq(p->probes[2].proves, LEVEL_MY);
	ck_assert_int_eq(p->probes[2].line, 8);

	req = &p->requirements[0];
	ck_assert(!req->required);
	ck_assert_int_eq(req->line, 10);
	ck_assert_str_eq(req->source_note, "A reason given as an attribute.");
	ck_assert_str_eq(req->why, "Wrapped over three lines.");
	ck_assert_int_eq(req->need[ACTION_EDIT], LEVEL_MINE);
	ck_assert_int_eq(req->need[ACTION_INQUIRE], LEVEL_NONE);
	ck_assert_ptr_null(req->customize_id);
	ck_assert_ptr_null(req->depends);
	ck_assert_int_eq(req->probes[0].on_denied, DENIAL_GAP);
	ck_assert_int_eq(req->probes[1].on_denied, DENIAL_INCONCLUSIVE);
	ck_assert_uint_eq(req->probes[1].probe, 2);
	rules_free(p);
	diag_clear(&diag);
}
END_TEST

START_TEST(five_mistakes_give_five_messages_in_line_order)
{
	static const char *const expected[] = {
		"5: probe \"phases\": needs \"projects\" but no probe "
		"\"projects\" comes before it; define it earlier",
		"7: probe \"projects\": the id is already used by the probe "
		"on line 6; give each probe its own id",
		"8: probe \"secret\": path \"../secret\" holds a \"..\" "
		"segment; name the endpoint directly",
		"9: requirement \"headers\": depends on \"phase\" but no "
		"requirement \"phase\" comes before it; define it earlier",
		"18: requirement \"phase\": source \"inferred\" needs a "
		"reason; add a reason element saying what it is inferred from",
	};

	EXPECT("five-mistakes.rules.xml", expected);
}
END_TEST

START_TEST(unresolved_references_are_each_reported)
{
	static const char *const expected[] = {
		"8: customize \"SystemTableSetup\": item \"ServiceBoard\" is "
		"listed twice; keep one",
		"10: customize \"SystemTableSetup\": the id is already used on "
		"line 5; give each list its own id",
		"15: probe \"types\": needs \"bords\" but there is no probe "
		"\"bords\"; name a probe defined before it",
		"23: requirement \"table\": probe \"boards\" is referenced "
		"twice; keep one",
		"24: requirement \"table\": probe \"statuses\" is not defined; "
		"define it with the other probes",
		"26: requirement \"board\": depends on \"tabel\" but there is "
		"no requirement \"tabel\"; name a requirement defined "
		"before it",
		"31: requirement \"board\": item \"ServiceBord\" is not in "
		"allow list \"SystemTableSetup\"; use an item that list "
		"defines",
		"33: requirement \"board\": item \"ServiceBoard\" is listed "
		"twice; keep one",
		"38: requirement \"board\": the id is already used on line 26; "
		"give each requirement its own id",
		"42: requirement \"board\": allow list "
		"\"CompanyConfigurations\" is not defined; add a customize "
		"element with that id",
		"49: requirement \"wrong-list\": allow list "
		"\"SystemTableSetup\" belongs to System/TableSetup but the "
		"requirement names Company/Contacts; use the list's module "
		"and function",
	};

	EXPECT("bad-refs.rules.xml", expected);
}
END_TEST

START_TEST(unsafe_requests_are_refused)
{
	static const char *const expected[] = {
		"5: probe \"scheme\": path \"https://evil.example/service/"
		"boards\" has a scheme; give the path after the API base, "
		"e.g. \"service/boards\"",
		"6: probe \"host\": path \"api-na.myconnectwise.net/service/"
		"boards\" starts with a host name; give only the path after "
		"the API base",
		"7: probe \"slash\": path \"/service/boards\" starts with "
		"\"/\"; give the path after the API base without the leading "
		"slash",
		"8: probe \"space\": path \"service/boards?x=1\" holds a "
		"character outside A-Z a-z 0-9 / _ { } . -; spell the path as "
		"the API does",
		"9: probe \"dots\": path \"service/../system/members\" holds a "
		"\"..\" segment; name the endpoint directly",
		"10: probe \"braces\": path \"service/boards/{board}/types\" "
		"holds braces around something else than \"id\"; only "
		"\"{id}\" may appear",
		"11: probe \"empty\": path \"service//boards\" has an empty "
		"segment; remove the extra \"/\"",
		"12: probe \"loose\": path holds \"{id}\" but no needs names "
		"the probe that supplies it; add needs=\"...\"",
		"13: probe \"unfilled\": needs \"slash\" but the path holds no "
		"\"{id}\" to fill; add \"{id}\" to the path or drop needs",
		"14: probe \"query-crlf\": query \"pageSize=1??Host: evil\" "
		"holds a line break; a query is one line",
		"16: probe \"query-space\": query \"fields=id, owner\" holds a "
		"space; write it as %20",
		"17: probe \"query-mark\": query \"?pageSize=1\" starts with "
		"\"?\"; leave it out, the auditor adds it",
		"19: probe \"from-count\": needs \"counted\", which answers a "
		"count and has no record id; name a list or object probe",
	};

	EXPECT("bad-requests.rules.xml", expected);
}
END_TEST

START_TEST(requirements_that_say_too_little_are_refused)
{
	static const char *const expected[] = {
		"6: probe \"orphan\": no requirement uses it and no probe "
		"needs it; reference it or remove it",
		"7: requirement \"nothing\": needs nothing; give a level above "
		"None in levels or an item in allow",
		"15: requirement \"guess\": source \"inferred\" needs a "
		"reason; add a reason element saying what it is inferred from",
		"28: requirement \"twice\": the reason is given twice; keep "
		"either the reason attribute or the reason element",
		"30: requirement \"self\": depends on itself; name the earlier "
		"requirement whose gap explains this one's denials",
	};

	EXPECT("bad-requirements.rules.xml", expected);
}
END_TEST

START_TEST(schema_errors_are_each_reported_with_their_line)
{
	static const char *const expected[] = {
		"5: element 'probe', attribute 'pth': The attribute 'pth' is "
		"not allowed",
		"5: element 'probe': The attribute 'path' is required but "
		"missing",
		"10: element 'levels', attribute 'inquire': [facet "
		"'enumeration'] The value 'Most' is not an element of the set "
		"{'None', 'Mine', 'My', 'All'}",
		"11: element 'probe': This element is not expected. Expected "
		"is one of ( allow, why )",
	};

	EXPECT("schema-errors.rules.xml", expected);
}
END_TEST

START_TEST(profile_without_the_namespace_is_refused)
{
	static const char *const expected[] = {
		"2: element 'profile': No matching global declaration "
		"available for the validation root",
	};

	EXPECT("wrong-namespace.rules.xml", expected);
}
END_TEST

START_TEST(non_xml_file_is_named_as_such)
{
	static const char *const expected[] = {
		"1: not well-formed XML (start tag expected, '<' not found); "
		"a profile is an XML file as described in docs/RULES.md",
	};

	EXPECT("not-xml.rules.xml", expected);
}
END_TEST

START_TEST(doctype_is_refused_before_any_entity_is_read)
{
	static const char *const expected[] = {
		"2: a DOCTYPE is not allowed in a profile; remove it",
	};

	EXPECT("doctype.rules.xml", expected);
}
END_TEST

START_TEST(missing_profile_is_named)
{
	struct diag diag = { 0 };
	const char *path = FIXTURES "/no-such.rules.xml";

	ck_assert_ptr_null(rules_load(path, SCHEMA, &diag));
	ck_assert_uint_eq(diag.count, 1);
	ck_assert_str_eq(diag.messages[0], FIXTURES "/no-such.rules.xml: "
	    "cannot open the profile: No such file or directory");
	diag_clear(&diag);
}
END_TEST

START_TEST(missing_schema_is_named)
{
	struct diag diag = { 0 };
	const char *schema = FIXTURES "/no-such.xsd";

	ck_assert_ptr_null(rules_load(HORIZON, schema, &diag));
	ck_assert_uint_eq(diag.count, 1);
	ck_assert_str_eq(diag.messages[0], FIXTURES "/no-such.xsd: "
	    "cannot open the schema: No such file or directory");
	diag_clear(&diag);
}
END_TEST

START_TEST(profile_given_as_schema_is_refused)
{
	struct diag diag = { 0 };

	ck_assert_ptr_null(rules_load(HORIZON, HORIZON, &diag));
	ck_assert_uint_ge(diag.count, 1);
	ck_assert_ptr_nonnull(strstr(diag.messages[0], HORIZON ":"));
	diag_clear(&diag);
}
END_TEST

/* A new empty file under $TMPDIR (or /tmp); its path goes to buf. */
static int
temp_file(char *buf, size_t size)
{
	const char *dir = getenv("TMPDIR");
	int n;

	n = snprintf(buf, size, "%s/check_rules.", dir ? dir : "/tmp");
	ck_assert_int_gt(n, 0);
	ck_assert_uint_lt((size_t)n + 7, size);
	memset(buf + n, 'X', 6);	/* the template mkstemp fills in */
	buf[n + 6] = '\0';
	return mkstemp(buf);
}

/* Write the Horizon profile followed by a comment that pads the file to
 * size bytes.  Returns the path in buf. */
static const char *
write_padded(char *buf, size_t bufsize, size_t size)
{
	FILE *in = fopen(HORIZON, "rb"), *out;
	char chunk[4096];
	size_t n, written = 0;
	int fd;

	fd = temp_file(buf, bufsize);
	ck_assert_int_ge(fd, 0);
	out = fdopen(fd, "wb");
	ck_assert_ptr_nonnull(in);
	ck_assert_ptr_nonnull(out);
	while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
		written += fwrite(chunk, 1, n, out);
	fclose(in);
	ck_assert_uint_lt(written + 8, size);
	written += fwrite("<!--", 1, 4, out);
	for (; written + 4 < size; written++)
		fputc(written % 64 == 0 ? '\n' : 'x', out);
	written += fwrite("-->\n", 1, 4, out);
	ck_assert_int_eq(fclose(out), 0);
	ck_assert_uint_eq(written, size);
	return buf;
}

START_TEST(profile_of_exactly_four_mib_loads)
{
	struct diag diag = { 0 };
	struct profile *p;
	char path[256];

	write_padded(path, sizeof path, MAX_BYTES);
	p = rules_load(path, SCHEMA, &diag);
	unlink(path);
	diag_print(&diag, stderr);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(p->requirement_count, 16);
	rules_free(p);
	diag_clear(&diag);
}
END_TEST

START_TEST(profile_over_four_mib_is_refused)
{
	struct diag diag = { 0 };
	char path[256], want[512];

	write_padded(path, sizeof path, MAX_BYTES + 1);
	ck_assert_ptr_null(rules_load(path, SCHEMA, &diag));
	unlink(path);
	ck_assert_uint_eq(diag.count, 1);
	snprintf(want, sizeof want, "%s: the profile is larger than 4 MiB; "
	    "check that this is the right file", path);
	ck_assert_str_eq(diag.messages[0], want);
	diag_clear(&diag);
}
END_TEST

START_TEST(lines_past_65535_are_reported_exactly)
{
	struct diag diag = { 0 };
	char path[256], want[512];
	FILE *out;
	int fd, i;

	fd = temp_file(path, sizeof path);
	ck_assert_int_ge(fd, 0);
	out = fdopen(fd, "wb");
	ck_assert_ptr_nonnull(out);
	fputs("<profile xmlns=\"urn:roleaudit:rules:1\" name=\"big\"\n"
	    " title=\"Big\" version=\"1\">\n"
	    "<probe id=\"members\" path=\"system/members\"/>\n", out);
	for (i = 0; i < 70000; i++)
		fputc('\n', out);
	fputs("<probe id=\"members\"\n path=\"system/members\"/>\n"
	    "<requirement id=\"m\" need=\"required\" source=\"seed\"\n"
	    " module=\"System\" module-id=\"System\" function=\"Member\"\n"
	    " function-id=\"MemberMaintenance\" feature=\"members\">\n"
	    "<levels inquire=\"All\"/><why>Members.</why>\n"
	    "<probe ref=\"members\"/></requirement></profile>\n", out);
	ck_assert_int_eq(fclose(out), 0);

	ck_assert_ptr_null(rules_load(path, SCHEMA, &diag));
	unlink(path);
	ck_assert_uint_eq(diag.count, 1);
	snprintf(want, sizeof want, "%s:70004: probe \"members\": the id is "
	    "already used by the probe on line 3; give each probe its own "
	    "id", path);
	ck_assert_str_eq(diag.messages[0], want);
	diag_clear(&diag);
}
END_TEST

static Suite *
rules_suite(void)
{
	Suite *suite = suite_create("rules");
	TCase *shipped = tcase_create("horizon");
	TCase *bad = tcase_create("mistakes");

	tcase_add_checked_fixture(shipped, load_horizon, free_horizon);
	tcase_add_test(shipped, horizon_profile_names_itself);
	tcase_add_test(shipped, horizon_requirements_follow_the_role_screen);
	tcase_add_test(shipped, horizon_seed_rules_are_the_guide_edits);
	tcase_add_test(shipped, horizon_time_and_agreements_are_advice_only);
	tcase_add_test(shipped, horizon_functions_need_inquire_all_only);
	tcase_add_test(shipped, horizon_tables_depend_on_table_setup);
	tcase_add_test(shipped, horizon_allow_list_has_the_catalog_items);
	tcase_add_test(shipped, horizon_table_setup_denials_are_inconclusive);
	tcase_add_test(shipped, horizon_phases_use_the_first_project);
	tcase_add_test(shipped, horizon_board_children_use_the_first_board);
	tcase_add_test(shipped, horizon_probes_ask_for_little);
	tcase_add_test(shipped, horizon_owner_fields_match_the_records);
	suite_add_tcase(suite, shipped);

	tcase_add_test(bad, minimal_profile_takes_the_defaults);
	tcase_add_test(bad, five_mistakes_give_five_messages_in_line_order);
	tcase_add_test(bad, unresolved_references_are_each_reported);
	tcase_add_test(bad, unsafe_requests_are_refused);
	tcase_add_test(bad, requirements_that_say_too_little_are_refused);
	tcase_add_test(bad, schema_errors_are_each_reported_with_their_line);
	tcase_add_test(bad, profile_without_the_namespace_is_refused);
	tcase_add_test(bad, non_xml_file_is_named_as_such);
	tcase_add_test(bad, doctype_is_refused_before_any_entity_is_read);
	tcase_add_test(bad, missing_profile_is_named);
	tcase_add_test(bad, missing_schema_is_named);
	tcase_add_test(bad, profile_given_as_schema_is_refused);
	tcase_add_test(bad, profile_of_exactly_four_mib_loads);
	tcase_add_test(bad, profile_over_four_mib_is_refused);
	tcase_add_test(bad, lines_past_65535_are_reported_exactly);
	suite_add_tcase(suite, bad);
	return suite;
}

int
main(void)
{
	SRunner *runner = srunner_create(rules_suite());
	int failed;

	srunner_run_all(runner, CK_NORMAL);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
