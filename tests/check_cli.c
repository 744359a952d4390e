/*
 * check_cli.c: the command line and the CW_* environment.
 *
 * Each case parses an argv of its own and reads what cli_parse wrote to
 * its error stream.  The fixture clears every CW_* variable first, so
 * that the cases do not depend on the shell that runs them.
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#define SECRET		"privSECRET-horizon-7f3a9c"
#define CLIENT_ID	"3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
#define MAX_ARGS	32

struct run {
	int rc;
	char *err;		/* what cli_parse wrote; owned */
	size_t errlen;
	struct options o;
};

static char key_path[64];

static void
clear_environment(void)
{
	unsetenv("CW_COMPANY");
	unsetenv("CW_PUBLIC_KEY");
	unsetenv("CW_PRIVATE_KEY");
	unsetenv("CW_CLIENT_ID");
	unsetenv("CW_SERVER");
	key_path[0] = '\0';
}

static void
remove_key_file(void)
{
	if (key_path[0] != '\0')
		unlink(key_path);
}

/* Write a key file with this content and mode; its path is key_path. */
static const char *
write_key_file(const char *content, mode_t mode)
{
	FILE *file;
	int fd;

	snprintf(key_path, sizeof key_path, "%s",
	    "/tmp/check_cli-key-" "XX" "XX" "XX");
	fd = mkstemp(key_path);
	ck_assert_int_ge(fd, 0);
	file = fdopen(fd, "w");
	ck_assert_ptr_nonnull(file);
	fputs(content, file);
	ck_assert_int_eq(fclose(file), 0);
	ck_assert_int_eq(chmod(key_path, mode), 0);
	return key_path;
}

/* Parse "roleaudit" followed by the NULL-terminated arguments. */
static void
parse(struct run *r, ...)
{
	char *argv[MAX_ARGS + 2];
	FILE *err;
	va_list ap;
	int argc = 0;

	argv[argc++] = "roleaudit";
	va_start(ap, r);
	while (argc <= MAX_ARGS) {
		argv[argc] = va_arg(ap, char *);
		if (argv[argc] == NULL)
			break;
		argc++;
	}
	va_end(ap);
	argv[argc] = NULL;

	err = open_memstream(&r->err, &r->errlen);
	ck_assert_ptr_nonnull(err);
	r->rc = cli_parse(argc, argv, &r->o, err);
	ck_assert_int_eq(fclose(err), 0);
}

static void
run_clear(struct run *r)
{
	cli_clear(&r->o);
	free(r->err);
	r->err = NULL;
}

static void
set_credentials_in_environment(void)
{
	setenv("CW_COMPANY", "acme", 1);
	setenv("CW_PUBLIC_KEY", "pubHorizon0001", 1);
	setenv("CW_PRIVATE_KEY", SECRET, 1);
	setenv("CW_CLIENT_ID", CLIENT_ID, 1);
	setenv("CW_SERVER", "127.0.0.1:8443", 1);
}

static bool
has_warning(const struct options *o, const char *part)
{
	int i;

	for (i = 0; i < o->warning_count; i++) {
		if (strstr(o->warnings[i], part) != NULL)
			return true;
	}
	return false;
}

START_TEST(environment_fills_every_credential)
{
	struct run r = { 0 };

	set_credentials_in_environment();
	parse(&r, NULL);
	ck_assert_msg(r.rc == 0, "error: %s", r.err);
	ck_assert_str_eq(r.o.company, "acme");
	ck_assert_str_eq(r.o.public_key, "pubHorizon0001");
	ck_assert_str_eq(r.o.private_key, SECRET);
	ck_assert_str_eq(r.o.client_id, CLIENT_ID);
	ck_assert_str_eq(r.o.server, "127.0.0.1:8443");
	ck_assert_str_eq(r.err, "");
	run_clear(&r);
}
END_TEST

START_TEST(flags_win_over_environment)
{
	struct run r = { 0 };

	set_credentials_in_environment();
	parse(&r, "--company", "flagco", "--server", "eu",
	    "--public-key", "pubFlag", "--client-id", "flag-id", NULL);
	ck_assert_msg(r.rc == 0, "error: %s", r.err);
	ck_assert_str_eq(r.o.company, "flagco");
	ck_assert_str_eq(r.o.server, "eu");
	ck_assert_str_eq(r.o.public_key, "pubFlag");
	ck_assert_str_eq(r.o.client_id, "flag-id");
	ck_assert(has_warning(&r.o, "--company overrides CW_COMPANY"));
	ck_assert(has_warning(&r.o, "--server overrides CW_SERVER"));
	run_clear(&r);
}
END_TEST

START_TEST(defaults_apply_when_nothing_is_said)
{
	struct run r = { 0 };

	set_credentials_in_environment();
	parse(&r, NULL);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_int_eq(r.o.jobs, 12);
	ck_assert_int_eq(r.o.timeout_ms, 30000);
	ck_assert_int_eq(r.o.retries, 4);
	ck_assert_str_eq(r.o.output_dir, "reports");
	ck_assert_int_eq(r.o.verbosity, 0);
	ck_assert_int_eq(r.o.fail_on, FAIL_ON_DEFAULT);
	ck_assert_ptr_null(r.o.rules);
	ck_assert_ptr_null(r.o.baseline);
	ck_assert(!r.o.no_baseline);
	run_clear(&r);
}
END_TEST

static void
assert_private_key_refused(struct run *r)
{
	ck_assert_int_eq(r->rc, -1);
	ck_assert_ptr_null(r->o.private_key);
	ck_assert_msg(strstr(r->err, "--private-key") != NULL, "%s", r->err);
	ck_assert_msg(strstr(r->err, "command line") != NULL, "%s", r->err);
	ck_assert_msg(strstr(r->err, "--private-key-file") != NULL, "%s",
	    r->err);
	ck_assert_msg(strstr(r->err, SECRET) == NULL, "echoed: %s", r->err);
	run_clear(r);
}

START_TEST(private_key_on_command_line_is_refused_unechoed)
{
	struct run r = { 0 };

	set_credentials_in_environment();
	parse(&r, "--private-key=" SECRET, NULL);
	assert_private_key_refused(&r);
	parse(&r, "--private-key", SECRET, NULL);
	assert_private_key_refused(&r);
	parse(&r, "--private-k", SECRET, NULL);
	assert_private_key_refused(&r);
	parse(&r, "--pr=" SECRET, NULL);
	assert_private_key_refused(&r);
}
END_TEST

START_TEST(private_key_is_no_abbreviation_of_the_file_option)
{
	struct run r = { 0 };
	const char *path;

	path = write_key_file(SECRET "\n", 0600);
	set_credentials_in_environment();
	unsetenv("CW_PRIVATE_KEY");
	parse(&r, "--private-key", path, NULL);
	assert_private_key_refused(&r);
}
END_TEST

START_TEST(private_key_comes_from_a_file)
{
	struct run r = { 0 };
	const char *path;

	path = write_key_file(SECRET "\n", 0600);
	set_credentials_in_environment();
	unsetenv("CW_PRIVATE_KEY");
	parse(&r, "--private-key-file", path, NULL);
	ck_assert_msg(r.rc == 0, "error: %s", r.err);
	ck_assert_str_eq(r.o.private_key, SECRET);
	ck_assert_int_eq(r.o.warning_count, 0);
	run_clear(&r);
}
END_TEST

START_TEST(key_file_wins_over_environment)
{
	struct run r = { 0 };
	const char *path;

	path = write_key_file("privFromFile\n", 0600);
	set_credentials_in_environment();
	parse(&r, "--private-key-file", path, NULL);
	ck_assert_msg(r.rc == 0, "error: %s", r.err);
	ck_assert_str_eq(r.o.private_key, "privFromFile");
	ck_assert(has_warning(&r.o, "overrides CW_PRIVATE_KEY"));
	run_clear(&r);
}
END_TEST

START_TEST(private_key_comes_from_standard_input)
{
	struct run r = { 0 };
	int fds[2];

	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(write(fds[1], SECRET "\r\n", strlen(SECRET) + 2),
	    (ssize_t)strlen(SECRET) + 2);
	close(fds[1]);
	ck_assert_int_ge(dup2(fds[0], STDIN_FILENO), 0);
	close(fds[0]);

	set_credentials_in_environment();
	unsetenv("CW_PRIVATE_KEY");
	parse(&r, "--private-key-file", "-", NULL);
	ck_assert_msg(r.rc == 0, "error: %s", r.err);
	ck_assert_str_eq(r.o.private_key, SECRET);
	run_clear(&r);
}
END_TEST

START_TEST(key_file_open_to_others_draws_a_warning)
{
	struct run r = { 0 };
	const char *path;

	path = write_key_file(SECRET "\n", 0644);
	set_credentials_in_environment();
	unsetenv("CW_PRIVATE_KEY");
	parse(&r, "--private-key-file", path, NULL);
	ck_assert_msg(r.rc == 0, "error: %s", r.err);
	ck_assert(has_warning(&r.o, path));
	ck_assert(has_warning(&r.o, "chmod 600"));
	ck_assert(!has_warning(&r.o, SECRET));
	run_clear(&r);
}
END_TEST

START_TEST(empty_key_file_is_refused)
{
	struct run r = { 0 };
	const char *path;

	path = write_key_file("\n", 0600);
	set_credentials_in_environment();
	parse(&r, "--private-key-file", path, NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_msg(strstr(r.err, "--private-key-file: ") != NULL, "%s",
	    r.err);
	ck_assert_msg(strstr(r.err, "empty") != NULL, "%s", r.err);
	run_clear(&r);
}
END_TEST

struct bad_number {
	const char *option;
	const char *value;
	const char *range;
};

static const struct bad_number bad_numbers[] = {
	{ "--jobs", "0", "1 to 32" },
	{ "--jobs", "33", "1 to 32" },
	{ "--jobs", "four", "1 to 32" },
	{ "--jobs", "", "1 to 32" },
	{ "--jobs", "4x", "1 to 32" },
	{ "--jobs", "-1", "1 to 32" },
	{ "--jobs", " 4", "1 to 32" },
	{ "--jobs", "+4", "1 to 32" },
	{ "--jobs", "99999999999", "1 to 32" },
	{ "--timeout", "0", "1 to 600" },
	{ "--timeout", "601", "1 to 600" },
	{ "--timeout", "1.5", "1 to 600" },
	{ "--retries", "-1", "0 to 10" },
	{ "--retries", "11", "0 to 10" },
	{ "--retries", "0x3", "0 to 10" },
};

START_TEST(every_bad_number_names_the_option_and_the_range)
{
	const struct bad_number *bad = &bad_numbers[_i];
	struct run r = { 0 };
	char expected[128];

	set_credentials_in_environment();
	parse(&r, bad->option, bad->value, NULL);
	ck_assert_int_eq(r.rc, -1);
	snprintf(expected, sizeof expected,
	    "roleaudit: error: %s: \"%s\" is not a number from %s\n",
	    bad->option, bad->value, bad->range);
	ck_assert_str_eq(r.err, expected);
	run_clear(&r);
}
END_TEST

START_TEST(numbers_at_the_ends_of_each_range_are_taken)
{
	struct run r = { 0 };

	set_credentials_in_environment();
	parse(&r, "--jobs", "1", "--timeout", "600", "--retries", "0", NULL);
	ck_assert_msg(r.rc == 0, "error: %s", r.err);
	ck_assert_int_eq(r.o.jobs, 1);
	ck_assert_int_eq(r.o.timeout_ms, 600000);
	ck_assert_int_eq(r.o.retries, 0);
	run_clear(&r);

	parse(&r, "--jobs=32", "--timeout=1", "--retries=10", NULL);
	ck_assert_msg(r.rc == 0, "error: %s", r.err);
	ck_assert_int_eq(r.o.jobs, 32);
	ck_assert_int_eq(r.o.timeout_ms, 1000);
	ck_assert_int_eq(r.o.retries, 10);
	run_clear(&r);
}
END_TEST

START_TEST(fail_on_takes_its_three_words_only)
{
	struct run r = { 0 };

	set_credentials_in_environment();
	parse(&r, "--fail-on", "regression", NULL);
	ck_assert_int_eq(r.o.fail_on, FAIL_ON_REGRESSION);
	run_clear(&r);
	parse(&r, "--fail-on", "gap", NULL);
	ck_assert_int_eq(r.o.fail_on, FAIL_ON_GAP);
	run_clear(&r);
	parse(&r, "--fail-on", "unknown", NULL);
	ck_assert_int_eq(r.o.fail_on, FAIL_ON_UNKNOWN);
	run_clear(&r);

	parse(&r, "--fail-on", "gaps", NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_str_eq(r.err, "roleaudit: error: --fail-on: \"gaps\" is "
	    "not one of regression, gap, unknown\n");
	run_clear(&r);
}
END_TEST

START_TEST(line_breaks_in_values_are_refused)
{
	struct run r = { 0 };

	set_credentials_in_environment();
	parse(&r, "--company", "acme\r\nX-Injected: 1", NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_msg(strstr(r.err, "--company: ") != NULL, "%s", r.err);
	ck_assert_msg(strstr(r.err, "X-Injected") == NULL, "%s", r.err);
	run_clear(&r);

	parse(&r, "--public-key", "pub\tkey", NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_msg(strstr(r.err, "--public-key: ") != NULL, "%s", r.err);
	run_clear(&r);

	parse(&r, "--client-id", "id\n", NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_msg(strstr(r.err, "--client-id: ") != NULL, "%s", r.err);
	run_clear(&r);
}
END_TEST

START_TEST(line_breaks_in_environment_are_refused_unechoed)
{
	struct run r = { 0 };

	set_credentials_in_environment();
	setenv("CW_PRIVATE_KEY", SECRET "\nX-Injected: 1", 1);
	parse(&r, NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_msg(strstr(r.err, "CW_PRIVATE_KEY: ") != NULL, "%s", r.err);
	ck_assert_msg(strstr(r.err, SECRET) == NULL, "echoed: %s", r.err);
	ck_assert_msg(strstr(r.err, "X-Injected") == NULL, "%s", r.err);
	run_clear(&r);

	set_credentials_in_environment();
	setenv("CW_COMPANY", "acme\r", 1);
	parse(&r, NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_msg(strstr(r.err, "CW_COMPANY: ") != NULL, "%s", r.err);
	run_clear(&r);
}
END_TEST

START_TEST(missing_credentials_are_listed_at_once)
{
	struct run r = { 0 };

	parse(&r, NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_msg(strstr(r.err, "roleaudit: error: missing: "
	    "--company (or CW_COMPANY), --public-key (or CW_PUBLIC_KEY), "
	    "--private-key-file FILE (or CW_PRIVATE_KEY), "
	    "--client-id (or CW_CLIENT_ID), --server (or CW_SERVER)") !=
	    NULL, "%s", r.err);
	ck_assert_msg(strstr(r.err,
	    "https://developer.connectwise.com/ClientID") != NULL, "%s",
	    r.err);
	run_clear(&r);
}
END_TEST

START_TEST(only_what_is_missing_is_listed)
{
	struct run r = { 0 };

	setenv("CW_PUBLIC_KEY", "pubHorizon0001", 1);
	setenv("CW_PRIVATE_KEY", SECRET, 1);
	setenv("CW_CLIENT_ID", CLIENT_ID, 1);
	parse(&r, "--company", "", NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_str_eq(r.err, "roleaudit: error: missing: --company "
	    "(or CW_COMPANY), --server (or CW_SERVER); see roleaudit "
	    "--help\n");
	run_clear(&r);
}
END_TEST

START_TEST(empty_client_id_says_where_to_register)
{
	struct run r = { 0 };

	set_credentials_in_environment();
	parse(&r, "--client-id", "", NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_msg(strstr(r.err, "--client-id: the Client ID is empty")
	    != NULL, "%s", r.err);
	ck_assert_msg(strstr(r.err,
	    "https://developer.connectwise.com/ClientID") != NULL, "%s",
	    r.err);
	ck_assert_msg(strstr(r.err, "missing:") == NULL, "%s", r.err);
	run_clear(&r);

	setenv("CW_CLIENT_ID", "", 1);
	parse(&r, NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_msg(strstr(r.err, "CW_CLIENT_ID: the Client ID is empty")
	    != NULL, "%s", r.err);
	run_clear(&r);
}
END_TEST

START_TEST(unknown_option_points_to_help)
{
	struct run r = { 0 };

	set_credentials_in_environment();
	parse(&r, "--bogus=" SECRET, NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_str_eq(r.err, "roleaudit: error: unknown option "
	    "\"--bogus\"; see roleaudit --help\n");
	run_clear(&r);

	parse(&r, "-x", NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_str_eq(r.err, "roleaudit: error: unknown option \"-x\"; "
	    "see roleaudit --help\n");
	run_clear(&r);
}
END_TEST

START_TEST(ambiguous_option_lists_the_candidates)
{
	struct run r = { 0 };

	set_credentials_in_environment();
	parse(&r, "--c", "x", NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_msg(strstr(r.err, "\"--c\" is ambiguous: it could be "
	    "--company, --client-id, --cacert;") != NULL, "%s", r.err);
	run_clear(&r);
}
END_TEST

START_TEST(option_without_its_value_is_named)
{
	struct run r = { 0 };

	set_credentials_in_environment();
	parse(&r, "--company", NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_str_eq(r.err, "roleaudit: error: --company needs a value; "
	    "see roleaudit --help\n");
	run_clear(&r);

	parse(&r, "--help=yes", NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_msg(strstr(r.err, "--help takes no value") != NULL, "%s",
	    r.err);
	run_clear(&r);
}
END_TEST

START_TEST(option_taken_as_a_value_is_refused)
{
	struct run r = { 0 };

	set_credentials_in_environment();
	parse(&r, "--company", "--public-key", "pub", NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_msg(strstr(r.err, "--company: \"--public-key\" looks like "
	    "an option") != NULL, "%s", r.err);
	run_clear(&r);
}
END_TEST

START_TEST(stray_argument_is_refused_unechoed)
{
	struct run r = { 0 };

	set_credentials_in_environment();
	parse(&r, "--company", "acme", SECRET, NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_msg(strstr(r.err, "unexpected argument") != NULL, "%s",
	    r.err);
	ck_assert_msg(strstr(r.err, SECRET) == NULL, "echoed: %s", r.err);
	run_clear(&r);
}
END_TEST

START_TEST(help_and_version_need_no_credentials)
{
	struct run r = { 0 };

	parse(&r, "--help", NULL);
	ck_assert_int_eq(r.rc, 0);
	ck_assert(r.o.help);
	ck_assert_str_eq(r.err, "");
	run_clear(&r);

	parse(&r, "-V", NULL);
	ck_assert_int_eq(r.rc, 0);
	ck_assert(r.o.version);
	run_clear(&r);
}
END_TEST

START_TEST(verbosity_counts_up_and_quiet_goes_below)
{
	struct run r = { 0 };

	set_credentials_in_environment();
	parse(&r, "-v", NULL);
	ck_assert_int_eq(r.o.verbosity, 1);
	run_clear(&r);
	parse(&r, "-vv", NULL);
	ck_assert_int_eq(r.o.verbosity, 2);
	run_clear(&r);
	parse(&r, "-v", "--verbose", "-v", NULL);
	ck_assert_int_eq(r.o.verbosity, 2);
	run_clear(&r);
	parse(&r, "-q", NULL);
	ck_assert_int_eq(r.o.verbosity, -1);
	run_clear(&r);

	parse(&r, "-q", "-v", NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_msg(strstr(r.err, "-q and -v") != NULL, "%s", r.err);
	run_clear(&r);
}
END_TEST

START_TEST(conflicting_baseline_options_are_refused)
{
	struct run r = { 0 };

	set_credentials_in_environment();
	parse(&r, "--baseline", "old.xml", "--no-baseline", NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_msg(strstr(r.err, "--baseline and --no-baseline") != NULL,
	    "%s", r.err);
	run_clear(&r);

	parse(&r, "--baseline", "old.xml", "--fail-on", "regression", NULL);
	ck_assert_msg(r.rc == 0, "error: %s", r.err);
	ck_assert_str_eq(r.o.baseline, "old.xml");
	run_clear(&r);
}
END_TEST

START_TEST(report_name_must_be_a_base_name)
{
	struct run r = { 0 };

	set_credentials_in_environment();
	parse(&r, "--name", "../escape", NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_msg(strstr(r.err, "--name: ") != NULL, "%s", r.err);
	run_clear(&r);

	parse(&r, "--name", "horizon-check", "--output-dir", "out", NULL);
	ck_assert_msg(r.rc == 0, "error: %s", r.err);
	ck_assert_str_eq(r.o.name, "horizon-check");
	ck_assert_str_eq(r.o.output_dir, "out");
	run_clear(&r);
}
END_TEST

START_TEST(unreadable_cacert_is_refused_early)
{
	struct run r = { 0 };

	set_credentials_in_environment();
	parse(&r, "--cacert", "/nonexistent/ca.pem", NULL);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_msg(strstr(r.err, "--cacert: cannot read "
	    "\"/nonexistent/ca.pem\"") != NULL, "%s", r.err);
	run_clear(&r);
}
END_TEST

START_TEST(help_names_every_option_within_80_columns)
{
	static const char *const expected[] = {
		"--company", "--public-key", "--client-id", "--server",
		"--private-key-file", "--cacert", "--rules", "--output-dir",
		"--name", "--junit", "--baseline", "--no-baseline",
		"--fail-on", "--jobs", "--timeout", "--retries", "-v", "-q",
		"--help", "--version", "CW_COMPANY", "CW_PUBLIC_KEY",
		"CW_PRIVATE_KEY", "CW_CLIENT_ID", "CW_SERVER", "Exit status",
		"  0  ", "  1  ", "  2  ", "  3  ",
	};
	char *text = NULL, *line, *next;
	size_t len = 0, i;
	FILE *out = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(out);
	cli_usage(out);
	ck_assert_int_eq(fclose(out), 0);

	for (i = 0; i < sizeof expected / sizeof expected[0]; i++)
		ck_assert_msg(strstr(text, expected[i]) != NULL,
		    "help lacks %s", expected[i]);
	for (line = text; *line != '\0'; line = next + 1) {
		next = strchr(line, '\n');
		ck_assert_ptr_nonnull(next);
		ck_assert_msg(next - line < 80, "too wide: %.*s",
		    (int)(next - line), line);
	}
	free(text);
}
END_TEST

static Suite *
cli_suite(void)
{
	Suite *suite = suite_create("cli");
	TCase *tc = tcase_create("cli");

	tcase_add_checked_fixture(tc, clear_environment, remove_key_file);
	tcase_add_test(tc, environment_fills_every_credential);
	tcase_add_test(tc, flags_win_over_environment);
	tcase_add_test(tc, defaults_apply_when_nothing_is_said);
	tcase_add_test(tc, private_key_on_command_line_is_refused_unechoed);
	tcase_add_test(tc, private_key_is_no_abbreviation_of_the_file_option);
	tcase_add_test(tc, private_key_comes_from_a_file);
	tcase_add_test(tc, key_file_wins_over_environment);
	tcase_add_test(tc, private_key_comes_from_standard_input);
	tcase_add_test(tc, key_file_open_to_others_draws_a_warning);
	tcase_add_test(tc, empty_key_file_is_refused);
	tcase_add_loop_test(tc, every_bad_number_names_the_option_and_the_range,
	    0, (int)(sizeof bad_numbers / sizeof bad_numbers[0]));
	tcase_add_test(tc, numbers_at_the_ends_of_each_range_are_taken);
	tcase_add_test(tc, fail_on_takes_its_three_words_only);
	tcase_add_test(tc, line_breaks_in_values_are_refused);
	tcase_add_test(tc, line_breaks_in_environment_are_refused_unechoed);
	tcase_add_test(tc, missing_credentials_are_listed_at_once);
	tcase_add_test(tc, only_what_is_missing_is_listed);
	tcase_add_test(tc, empty_client_id_says_where_to_register);
	tcase_add_test(tc, unknown_option_points_to_help);
	tcase_add_test(tc, ambiguous_option_lists_the_candidates);
	tcase_add_test(tc, option_without_its_value_is_named);
	tcase_add_test(tc, option_taken_as_a_value_is_refused);
	tcase_add_test(tc, stray_argument_is_refused_unechoed);
	tcase_add_test(tc, help_and_version_need_no_credentials);
	tcase_add_test(tc, verbosity_counts_up_and_quiet_goes_below);
	tcase_add_test(tc, conflicting_baseline_options_are_refused);
	tcase_add_test(tc, report_name_must_be_a_base_name);
	tcase_add_test(tc, unreadable_cacert_is_refused_early);
	tcase_add_test(tc, help_names_every_option_within_80_columns);
	suite_add_tcase(suite, tc);
	return suite;
}

int
main(void)
{
	SRunner *runner = srunner_create(cli_suite());
	int failed;

	srunner_run_all(runner, CK_NORMAL);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
