/*
 * check_rules.c: the rules loader reads the shipped Horizon profile as
 * the audit needs it, and reports every mistake of a bad profile with
 * its line.
 */
#include <check.h>
#include <stdlib.h>

#include "diag.h"
#include "rules.h"

#define SCHEMA		RA_SRCDATADIR "/rules.xsd"
#define HORIZON		RA_SRCDATADIR "/horizon.rules.xml"

START_TEST(horizon_profile_loads)
{
	struct diag diag = { 0 };
	struct profile *p = rules_load(HORIZON, SCHEMA, &diag);

	diag_print(&diag, stderr);
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(diag.count, 0);
	ck_assert_int_eq(p->requirement_count, 16);
	rules_free(p);
	diag_clear(&diag);
}
END_TEST

static Suite *
rules_suite(void)
{
	Suite *suite = suite_create("rules");
	TCase *tc = tcase_create("rules");

	tcase_add_test(tc, horizon_profile_loads);
	suite_add_tcase(suite, tc);
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
