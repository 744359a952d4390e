/*
 * check_verdict.c: each rule of verdict.h, on a small hand-built
 * profile: settings decide gaps, doubt is never a pass, an empty list
 * proves nothing, denials are weighed, probes alone prove only inquire.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "verdict.h"

/* The profile: 0 table-setup (inquire All, probe on-denied
 * inconclusive), 1 board-table (allow ServiceBoard, depends 0, probe
 * boards), 2 tickets (inquire All, owner probe), 3 phases (inquire All,
 * dependent probe). */
enum { P_BOARDS, P_TICKETS, P_PHASES, P_COUNT };
enum { R_TABLE, R_BOARD, R_TICKETS, R_PHASES, R_COUNT };

static struct rule_item items[] = {
	{ "ServiceBoard", "Service / Service Board" },
	{ "CompanyType", "Company / Company Type" },
};
static struct rule_customize customize = {
	"SystemTableSetup", "System", "TableSetup", 2, items, 1,
};
static struct rule_probe probes[P_COUNT];
static struct probe_ref refs[R_COUNT];
static char *board_items[] = { "ServiceBoard" };
static struct requirement reqs[R_COUNT];
static struct profile profile;

static struct setting settings[4];
static char *allow[4];
static struct observation obs[P_COUNT];
static const struct observation *obs_ptr[P_COUNT];
static struct evidence ev;
static struct finding findings[R_COUNT];

static void
make_probe(int i, const char *id, const char *path, const char *owner)
{
	probes[i].id = (char *)id;
	probes[i].path = (char *)path;
	probes[i].owner_field = (char *)owner;
	probes[i].proves = LEVEL_ALL;
	probes[i].expect = EXPECT_LIST;
}

static void
make_req(int i, const char *module, const char *module_id,
    const char *function, const char *function_id, enum level inquire,
    int probe, enum denial_meaning denial)
{
	struct requirement *r = &reqs[i];

	memset(r, 0, sizeof *r);
	r->id = (char *)function_id;
	r->module = (char *)module;
	r->module_id = (char *)module_id;
	r->function = (char *)function;
	r->function_id = (char *)function_id;
	r->need[ACTION_INQUIRE] = inquire;
	r->required = true;
	refs[i].probe = (size_t)probe;
	refs[i].on_denied = denial;
	r->probe_count = 1;
	r->probes = &refs[i];
}

static void
make_setting(int i, const char *module_id, const char *function_id,
    enum level inquire, bool custom)
{
	memset(&settings[i], 0, sizeof settings[i]);
	settings[i].module_id = (char *)module_id;
	settings[i].function_id = (char *)function_id;
	settings[i].level[ACTION_INQUIRE] = inquire;
	settings[i].custom = custom;
}

static void
setup(void)
{
	int i;

	make_probe(P_BOARDS, "boards", "service/boards", NULL);
	make_probe(P_TICKETS, "tickets", "service/tickets",
	    "owner/identifier");
	make_probe(P_PHASES, "phases", "project/projects/{id}/phases", NULL);
	make_req(R_TABLE, "System", "System", "Table Setup", "TableSetup",
	    LEVEL_ALL, P_BOARDS, DENIAL_INCONCLUSIVE);
	make_req(R_BOARD, "System", "System", "Table Setup", "TableSetup",
	    LEVEL_NONE, P_BOARDS, DENIAL_GAP);
	reqs[R_BOARD].customize_id = "SystemTableSetup";
	reqs[R_BOARD].customize_index = 0;
	reqs[R_BOARD].item_count = 1;
	reqs[R_BOARD].items = board_items;
	reqs[R_BOARD].depends = "table-setup";
	reqs[R_BOARD].depends_index = R_TABLE;
	make_req(R_TICKETS, "Service Desk", "Service", "Service Tickets",
	    "ServiceTickets", LEVEL_ALL, P_TICKETS, DENIAL_GAP);
	make_req(R_PHASES, "Project", "Project", "Project Phase",
	    "ProjectPhase", LEVEL_ALL, P_PHASES, DENIAL_GAP);

	profile.customize_count = 1;
	profile.customizes = &customize;
	profile.probe_count = P_COUNT;
	profile.probes = probes;
	profile.requirement_count = R_COUNT;
	profile.requirements = reqs;

	/* The good role: everything All, allow list holds ServiceBoard. */
	make_setting(0, "System", "TableSetup", LEVEL_ALL, true);
	make_setting(1, "Service", "ServiceTickets", LEVEL_ALL, false);
	make_setting(2, "Project", "ProjectPhase", LEVEL_ALL, false);
	allow[0] = "SystemTableSetup\tServiceBoard";
	memset(&ev, 0, sizeof ev);
	ev.settings_readable = true;
	ev.setting_count = 3;
	ev.settings = settings;
	ev.items_readable = true;
	ev.item_count = 1;
	ev.items = allow;
	for (i = 0; i < P_COUNT; i++) {
		memset(&obs[i], 0, sizeof obs[i]);
		obs[i].outcome = OUTCOME_RECORDS;
		obs[i].records = 1;
		obs[i].foreign_owner = true;
		obs_ptr[i] = &obs[i];
	}
	ev.probes = obs_ptr;
	memset(findings, 0, sizeof findings);
}

static void
teardown(void)
{
	int i;

	for (i = 0; i < R_COUNT; i++)
		finding_clear(&findings[i]);
}

static enum verdict
decide(int i)
{
	int j;

	for (j = 0; j <= i; j++) {
		finding_clear(&findings[j]);
		verdict_decide(&profile, (size_t)j, &ev, findings,
		    &findings[j]);
	}
	return findings[i].verdict;
}

START_TEST(good_role_passes)
{
	ck_assert_int_eq(decide(R_PHASES), VERDICT_PASS);
	ck_assert_int_eq(findings[R_TABLE].verdict, VERDICT_PASS);
	ck_assert_int_eq(findings[R_BOARD].verdict, VERDICT_PASS);
	ck_assert_int_eq(findings[R_TICKETS].verdict, VERDICT_PASS);
}
END_TEST

START_TEST(inquire_my_is_a_gap_even_when_the_list_is_empty)
{
	settings[1].level[ACTION_INQUIRE] = LEVEL_MY;
	obs[P_TICKETS].outcome = OUTCOME_EMPTY;
	obs[P_TICKETS].foreign_owner = false;
	ck_assert_int_eq(decide(R_TICKETS), VERDICT_GAP);
	ck_assert_int_eq(findings[R_TICKETS].observed[ACTION_INQUIRE],
	    LEVEL_MY);
}
END_TEST

START_TEST(empty_list_with_settings_met_passes_on_settings_with_a_note)
{
	obs[P_TICKETS].outcome = OUTCOME_EMPTY;
	ck_assert_int_eq(decide(R_TICKETS), VERDICT_PASS);
	ck_assert_ptr_nonnull(findings[R_TICKETS].note);
	ck_assert_ptr_nonnull(strstr(findings[R_TICKETS].note,
	    "proves nothing"));
}
END_TEST

START_TEST(denial_against_good_settings_is_a_gap_and_a_disagreement)
{
	obs[P_TICKETS].outcome = OUTCOME_DENIED;
	ck_assert_int_eq(decide(R_TICKETS), VERDICT_GAP);
	ck_assert(findings[R_TICKETS].disagreement);
}
END_TEST

START_TEST(rate_limited_probe_is_unknown_never_pass)
{
	obs[P_TICKETS].outcome = OUTCOME_UNKNOWN;
	obs[P_TICKETS].cause = CAUSE_RATE_LIMITED;
	ck_assert_int_eq(decide(R_TICKETS), VERDICT_UNKNOWN);
	ck_assert_int_eq(findings[R_TICKETS].cause, CAUSE_RATE_LIMITED);
}
END_TEST

START_TEST(edge_block_is_unknown_not_a_role_gap)
{
	obs[P_TICKETS].outcome = OUTCOME_UNKNOWN;
	obs[P_TICKETS].cause = CAUSE_EDGE_BLOCK;
	ck_assert_int_eq(decide(R_TICKETS), VERDICT_UNKNOWN);
	ck_assert_int_eq(findings[R_TICKETS].cause, CAUSE_EDGE_BLOCK);
}
END_TEST

START_TEST(settings_gap_wins_over_an_undecided_probe)
{
	settings[1].level[ACTION_INQUIRE] = LEVEL_NONE;
	obs[P_TICKETS].outcome = OUTCOME_UNKNOWN;
	obs[P_TICKETS].cause = CAUSE_SERVER_ERROR;
	ck_assert_int_eq(decide(R_TICKETS), VERDICT_GAP);
}
END_TEST

START_TEST(nothing_to_probe_is_unknown_not_pass_nor_gap)
{
	obs[P_PHASES].outcome = OUTCOME_UNKNOWN;
	obs[P_PHASES].cause = CAUSE_NOTHING_TO_PROBE;
	ck_assert_int_eq(decide(R_PHASES), VERDICT_UNKNOWN);
	ck_assert_int_eq(findings[R_PHASES].cause, CAUSE_NOTHING_TO_PROBE);
}
END_TEST

START_TEST(missing_allow_list_item_is_a_gap_naming_its_label)
{
	allow[0] = "SystemTableSetup\tCompanyType";
	obs[P_BOARDS].outcome = OUTCOME_DENIED;
	ck_assert_int_eq(decide(R_BOARD), VERDICT_GAP);
	ck_assert_int_eq(findings[R_TABLE].verdict, VERDICT_PASS);
	ck_assert_int_eq(findings[R_BOARD].missing_count, 1);
	ck_assert_str_eq(findings[R_BOARD].missing[0],
	    "Service / Service Board");
}
END_TEST

START_TEST(no_customize_list_allows_every_table)
{
	settings[0].custom = false;
	ev.item_count = 0;
	ck_assert_int_eq(decide(R_BOARD), VERDICT_PASS);
	ck_assert_int_eq(findings[R_BOARD].missing_count, 0);
}
END_TEST

START_TEST(denial_explained_by_the_gap_it_depends_on)
{
	settings[0].level[ACTION_INQUIRE] = LEVEL_NONE;
	obs[P_BOARDS].outcome = OUTCOME_DENIED;
	ck_assert_int_eq(decide(R_BOARD), VERDICT_PASS);
	ck_assert_int_eq(findings[R_TABLE].verdict, VERDICT_GAP);
	ck_assert_ptr_nonnull(findings[R_BOARD].note);
}
END_TEST

START_TEST(grant_beyond_need_is_excess)
{
	settings[1].level[ACTION_DELETE] = LEVEL_ALL;
	ck_assert_int_eq(decide(R_TICKETS), VERDICT_EXCESS);
	ck_assert_int_eq(findings[R_TICKETS].excess_count, 1);
	ck_assert_int_eq(findings[R_TICKETS].excess[0], ACTION_DELETE);
}
END_TEST

START_TEST(hidden_settings_pass_only_on_records_of_others)
{
	ev.settings_readable = false;
	ev.settings_cause = CAUSE_SETTINGS_HIDDEN;
	ck_assert_int_eq(decide(R_TICKETS), VERDICT_PASS);
	obs[P_TICKETS].foreign_owner = false;
	ck_assert_int_eq(decide(R_TICKETS), VERDICT_UNVERIFIABLE);
	ck_assert_int_eq(findings[R_TICKETS].cause, CAUSE_SETTINGS_HIDDEN);
}
END_TEST

START_TEST(hidden_settings_and_an_empty_list_are_unverifiable)
{
	ev.settings_readable = false;
	ev.settings_cause = CAUSE_SETTINGS_HIDDEN;
	obs[P_TICKETS].outcome = OUTCOME_EMPTY;
	ck_assert_int_eq(decide(R_TICKETS), VERDICT_UNVERIFIABLE);
}
END_TEST

START_TEST(hidden_settings_cannot_prove_add)
{
	ev.settings_readable = false;
	ev.settings_cause = CAUSE_SETTINGS_HIDDEN;
	reqs[R_TICKETS].need[ACTION_ADD] = LEVEL_ALL;
	ck_assert_int_eq(decide(R_TICKETS), VERDICT_UNVERIFIABLE);
	reqs[R_TICKETS].need[ACTION_ADD] = LEVEL_NONE;
}
END_TEST

START_TEST(settings_lost_to_the_network_make_unknown_not_unverifiable)
{
	ev.settings_readable = false;
	ev.settings_cause = CAUSE_TIMEOUT;
	obs[P_TICKETS].outcome = OUTCOME_EMPTY;
	ck_assert_int_eq(decide(R_TICKETS), VERDICT_UNKNOWN);
	ck_assert_int_eq(findings[R_TICKETS].cause, CAUSE_TIMEOUT);
}
END_TEST

START_TEST(hidden_settings_and_a_denial_are_a_gap)
{
	ev.settings_readable = false;
	ev.settings_cause = CAUSE_SETTINGS_HIDDEN;
	obs[P_TICKETS].outcome = OUTCOME_DENIED;
	ck_assert_int_eq(decide(R_TICKETS), VERDICT_GAP);
	ck_assert(!findings[R_TICKETS].disagreement);
}
END_TEST

START_TEST(inconclusive_denial_does_not_fail_the_inquire_level)
{
	obs[P_BOARDS].outcome = OUTCOME_DENIED;
	ck_assert_int_eq(decide(R_TABLE), VERDICT_PASS);
}
END_TEST

static Suite *
verdict_suite(void)
{
	Suite *suite = suite_create("verdict");
	TCase *tc = tcase_create("verdict");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, good_role_passes);
	tcase_add_test(tc, inquire_my_is_a_gap_even_when_the_list_is_empty);
	tcase_add_test(tc,
	    empty_list_with_settings_met_passes_on_settings_with_a_note);
	tcase_add_test(tc,
	    denial_against_good_settings_is_a_gap_and_a_disagreement);
	tcase_add_test(tc, rate_limited_probe_is_unknown_never_pass);
	tcase_add_test(tc, edge_block_is_unknown_not_a_role_gap);
	tcase_add_test(tc, settings_gap_wins_over_an_undecided_probe);
	tcase_add_test(tc, nothing_to_probe_is_unknown_not_pass_nor_gap);
	tcase_add_test(tc, missing_allow_list_item_is_a_gap_naming_its_label);
	tcase_add_test(tc, no_customize_list_allows_every_table);
	tcase_add_test(tc, denial_explained_by_the_gap_it_depends_on);
	tcase_add_test(tc, grant_beyond_need_is_excess);
	tcase_add_test(tc, hidden_settings_pass_only_on_records_of_others);
	tcase_add_test(tc, hidden_settings_and_an_empty_list_are_unverifiable);
	tcase_add_test(tc, hidden_settings_cannot_prove_add);
	tcase_add_test(tc,
	    settings_lost_to_the_network_make_unknown_not_unverifiable);
	tcase_add_test(tc, hidden_settings_and_a_denial_are_a_gap);
	tcase_add_test(tc, inconclusive_denial_does_not_fail_the_inquire_level);
	suite_add_tcase(suite, tc);
	return suite;
}

int
main(void)
{
	SRunner *runner = srunner_create(verdict_suite());
	int failed;

	srunner_run_all(runner, CK_NORMAL);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
