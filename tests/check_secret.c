/*
 * check_secret.c: reading the private key from a file or a pipe, and
 * what is refused on the way.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "secret.h"

#define SECRET	"privSECRET-horizon-7f3a9c"

static char path[64];

static void
forget_path(void)
{
	path[0] = '\0';
}

static void
remove_file(void)
{
	if (path[0] != '\0')
		unlink(path);
}

/* Write len bytes of content to a new file with this mode. */
static const char *
write_file(const char *content, size_t len, mode_t mode)
{
	int fd;

	snprintf(path, sizeof path, "%s",
	    "/tmp/check_secret-" "XX" "XX" "XX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, content, len), (ssize_t)len);
	ck_assert_int_eq(close(fd), 0);
	ck_assert_int_eq(chmod(path, mode), 0);
	return path;
}

static const char *
write_text(const char *content, mode_t mode)
{
	return write_file(content, strlen(content), mode);
}

/* Read path; fail unless the key read is expected. */
static void
assert_key(const char *file, const char *expected)
{
	char err[512], warn[512];
	char *key;

	key = secret_read_file(file, err, sizeof err, warn, sizeof warn);
	ck_assert_msg(key != NULL, "refused: %s", err);
	ck_assert_str_eq(key, expected);
	secret_free(key);
}

/* Read path; fail unless it is refused with a message holding part. */
static void
assert_refused(const char *file, const char *part)
{
	char err[512], warn[512];
	char *key;

	key = secret_read_file(file, err, sizeof err, warn, sizeof warn);
	ck_assert_ptr_null(key);
	ck_assert_msg(strstr(err, part) != NULL, "message: %s", err);
	ck_assert_msg(strstr(err, "SECRET") == NULL, "echoed: %s", err);
}

START_TEST(key_is_read_without_its_line_end)
{
	assert_key(write_text(SECRET "\n", 0600), SECRET);
	remove_file();
	assert_key(write_text(SECRET "\r\n", 0600), SECRET);
	remove_file();
	assert_key(write_text(SECRET, 0600), SECRET);
}
END_TEST

START_TEST(only_one_line_end_is_dropped)
{
	assert_refused(write_text(SECRET "\n\n", 0600), "line break");
}
END_TEST

START_TEST(empty_key_is_refused)
{
	assert_refused(write_text("", 0600), "is empty");
	remove_file();
	assert_refused(write_text("\r\n", 0600), "is empty");
}
END_TEST

START_TEST(control_characters_in_the_key_are_refused)
{
	assert_refused(write_text("privSECRET\rX-Injected: 1\n", 0600),
	    "control character");
	remove_file();
	assert_refused(write_file("privSECRET\0tail\n", 16, 0600),
	    "control character");
	remove_file();
	assert_refused(write_text("privSECRET one\tline\n", 0600),
	    "control character");
}
END_TEST

START_TEST(key_up_to_4_kib_is_taken_and_larger_refused)
{
	char big[4098];

	memset(big, 'k', sizeof big);
	big[4095] = '\n';
	big[4096] = '\0';
	write_text(big, 0600);
	big[4095] = '\0';
	assert_key(path, big);
	remove_file();

	memset(big, 'k', sizeof big);
	big[4097] = '\0';
	assert_refused(write_text(big, 0600), "larger than 4096 bytes");
}
END_TEST

START_TEST(missing_file_is_not_echoed_in_case_it_is_the_key)
{
	char err[512];

	assert_refused("/nonexistent/horizon.key", "cannot open");
	ck_assert_ptr_null(secret_read_file("privSECRET-pasted", err,
	    sizeof err, NULL, 0));
	ck_assert_msg(strstr(err, "privSECRET") == NULL, "echoed: %s", err);
}
END_TEST

START_TEST(directory_is_refused)
{
	assert_refused("/tmp", "is a directory");
}
END_TEST

START_TEST(key_file_open_to_others_draws_a_warning)
{
	char err[512], warn[512], expected[128];
	char *key;

	write_text(SECRET "\n", 0644);
	key = secret_read_file(path, err, sizeof err, warn, sizeof warn);
	ck_assert_ptr_nonnull(key);
	secret_free(key);
	snprintf(expected, sizeof expected, "fix with: chmod 600 '%s'", path);
	ck_assert_msg(strstr(warn, expected) != NULL, "warning: %s", warn);
	ck_assert_msg(strstr(warn, "0644") != NULL, "warning: %s", warn);

	ck_assert_int_eq(chmod(path, 0640), 0);
	key = secret_read_file(path, err, sizeof err, warn, sizeof warn);
	secret_free(key);
	ck_assert_msg(strstr(warn, expected) != NULL, "warning: %s", warn);

	ck_assert_int_eq(chmod(path, 0600), 0);
	key = secret_read_file(path, err, sizeof err, warn, sizeof warn);
	secret_free(key);
	ck_assert_str_eq(warn, "");

	ck_assert_int_eq(chmod(path, 0400), 0);
	key = secret_read_file(path, err, sizeof err, NULL, 0);
	ck_assert_ptr_nonnull(key);
	secret_free(key);
}
END_TEST

/* Put text on a pipe and make the pipe standard input. */
static void
feed_stdin(const char *text)
{
	int fds[2];

	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(write(fds[1], text, strlen(text)),
	    (ssize_t)strlen(text));
	ck_assert_int_eq(close(fds[1]), 0);
	ck_assert_int_ge(dup2(fds[0], STDIN_FILENO), 0);
	ck_assert_int_eq(close(fds[0]), 0);
}

START_TEST(key_is_read_from_standard_input)
{
	char err[512], warn[512];
	char *key;

	feed_stdin(SECRET "\r\n");
	key = secret_read_file("-", err, sizeof err, warn, sizeof warn);
	ck_assert_msg(key != NULL, "refused: %s", err);
	ck_assert_str_eq(key, SECRET);
	ck_assert_str_eq(warn, "");
	secret_free(key);
}
END_TEST

START_TEST(standard_input_is_checked_like_a_file)
{
	feed_stdin("");
	assert_refused("-", "standard input: is empty");
	feed_stdin("privSECRET\nsecond line\n");
	assert_refused("-", "line break");
}
END_TEST

START_TEST(control_characters_are_found)
{
	ck_assert(!secret_has_control("privSECRET-horizon-7f3a9c"));
	ck_assert(!secret_has_control(""));
	ck_assert(!secret_has_control(NULL));
	ck_assert(!secret_has_control("caf\xc3\xa9"));
	ck_assert(secret_has_control("a\rb"));
	ck_assert(secret_has_control("a\nb"));
	ck_assert(secret_has_control("tab\there"));
	ck_assert(secret_has_control("del\x7f"));
	ck_assert(secret_has_control("\x1b[2J"));
}
END_TEST

START_TEST(freeing_nothing_is_fine)
{
	secret_free(NULL);
}
END_TEST

static Suite *
secret_suite(void)
{
	Suite *suite = suite_create("secret");
	TCase *tc = tcase_create("secret");

	tcase_add_checked_fixture(tc, forget_path, remove_file);
	tcase_add_test(tc, key_is_read_without_its_line_end);
	tcase_add_test(tc, only_one_line_end_is_dropped);
	tcase_add_test(tc, empty_key_is_refused);
	tcase_add_test(tc, control_characters_in_the_key_are_refused);
	tcase_add_test(tc, key_up_to_4_kib_is_taken_and_larger_refused);
	tcase_add_test(tc, missing_file_is_not_echoed_in_case_it_is_the_key);
	tcase_add_test(tc, directory_is_refused);
	tcase_add_test(tc, key_file_open_to_others_draws_a_warning);
	tcase_add_test(tc, key_is_read_from_standard_input);
	tcase_add_test(tc, standard_input_is_checked_like_a_file);
	tcase_add_test(tc, control_characters_are_found);
	tcase_add_test(tc, freeing_nothing_is_fine);
	suite_add_tcase(suite, tc);
	return suite;
}

int
main(void)
{
	SRunner *runner = srunner_create(secret_suite());
	int failed;

	srunner_run_all(runner, CK_NORMAL);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
