/*
 * check_level.c: role levels parse, print and compare as the role screen
 * means them.
 */
#include <check.h>
#include <stdlib.h>

#include <string.h>

#include "diag.h"
#include "level.h"
#include "text.h"

START_TEST(levels_parse_in_any_case)
{
	enum level level = LEVEL_UNSEEN;

	ck_assert(level_parse("all", &level));
	ck_assert_int_eq(level, LEVEL_ALL);
	ck_assert(level_parse("MY", &level));
	ck_assert_int_eq(level, LEVEL_MY);
	ck_assert(level_parse("Mine", &level));
	ck_assert_int_eq(level, LEVEL_MINE);
	ck_assert(level_parse("None", &level));
	ck_assert_int_eq(level, LEVEL_NONE);
}
END_TEST

START_TEST(unknown_level_is_refused)
{
	enum level level = LEVEL_MY;

	ck_assert(!level_parse("Everything", &level));
	ck_assert(!level_parse("", &level));
	ck_assert(!level_parse(NULL, &level));
	ck_assert_int_eq(level, LEVEL_MY);
}
END_TEST

START_TEST(mine_is_narrower_than_my)
{
	ck_assert(!level_meets(LEVEL_MINE, LEVEL_MY));
	ck_assert(level_meets(LEVEL_MY, LEVEL_MINE));
	ck_assert(!level_meets(LEVEL_MY, LEVEL_ALL));
	ck_assert(level_meets(LEVEL_ALL, LEVEL_ALL));
}
END_TEST

START_TEST(unseen_meets_only_nothing_needed)
{
	ck_assert(!level_meets(LEVEL_UNSEEN, LEVEL_MINE));
	ck_assert(!level_meets(LEVEL_UNSEEN, LEVEL_ALL));
	ck_assert(level_meets(LEVEL_UNSEEN, LEVEL_NONE));
}
END_TEST

START_TEST(diag_keeps_every_message_with_its_line)
{
	struct diag diag = { 0 };

	diag_add(&diag, "a.xml", 3, "bad level \"%s\"", "Most");
	diag_add(&diag, "a.xml", 0, "cannot read");
	ck_assert_int_eq(diag.count, 2);
	ck_assert_str_eq(diag.messages[0], "a.xml:3: bad level \"Most\"");
	ck_assert_str_eq(diag.messages[1], "a.xml: cannot read");
	diag_clear(&diag);
	ck_assert_int_eq(diag.count, 0);
}
END_TEST

START_TEST(redact_hides_every_copy_of_a_secret)
{
	char text[] = "echo: k3y and again k3y.";

	text_redact(text, "k3y");
	ck_assert_str_eq(text, "echo: *** and again ***.");
	text_redact(text, "");
	ck_assert_str_eq(text, "echo: *** and again ***.");
}
END_TEST

static Suite *
level_suite(void)
{
	Suite *suite = suite_create("level");
	TCase *tc = tcase_create("level");

	tcase_add_test(tc, levels_parse_in_any_case);
	tcase_add_test(tc, unknown_level_is_refused);
	tcase_add_test(tc, mine_is_narrower_than_my);
	tcase_add_test(tc, unseen_meets_only_nothing_needed);
	tcase_add_test(tc, diag_keeps_every_message_with_its_line);
	tcase_add_test(tc, redact_hides_every_copy_of_a_secret);
	suite_add_tcase(suite, tc);
	return suite;
}

int
main(void)
{
	SRunner *runner = srunner_create(level_suite());
	int failed;

	srunner_run_all(runner, CK_NORMAL);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
