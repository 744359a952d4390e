/*
 * check_msg.c: prefixes, verbosity, the progress line and colour.
 *
 * Standard error is pointed at a temporary file to read what was said,
 * or at a pseudo-terminal to see what a person at a terminal sees.
 */
#define _XOPEN_SOURCE 700

#include <check.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"

static int saved_stderr = -1;
static int pty_master = -1;

static void
keep_stderr(void)
{
	saved_stderr = dup(STDERR_FILENO);
	ck_assert_int_ge(saved_stderr, 0);
	msg_init(MSG_NORMAL);
}

static void
restore_stderr(void)
{
	fflush(stderr);
	dup2(saved_stderr, STDERR_FILENO);
	close(saved_stderr);
	if (pty_master >= 0)
		close(pty_master);
	pty_master = -1;
}

/* Point stderr at a new, unlinked temporary file; returns its fd. */
static int
stderr_to_file(void)
{
	char name[] = "/tmp/check_msg-" "XX" "XX" "XX";
	int fd = mkstemp(name);

	ck_assert_int_ge(fd, 0);
	unlink(name);
	fflush(stderr);
	ck_assert_int_ge(dup2(fd, STDERR_FILENO), 0);
	return fd;
}

/* Everything written to the file so far; the caller frees it. */
static char *
file_text(int fd)
{
	char *text = calloc(1, 4096);
	ssize_t n;

	ck_assert_ptr_nonnull(text);
	fflush(stderr);
	n = pread(fd, text, 4095, 0);
	ck_assert_int_ge(n, 0);
	return text;
}

/* Point stderr at the terminal side of a new pseudo-terminal. */
static void
stderr_to_terminal(void)
{
	int slave;

	pty_master = posix_openpt(O_RDWR | O_NOCTTY);
	ck_assert_int_ge(pty_master, 0);
	ck_assert_int_eq(grantpt(pty_master), 0);
	ck_assert_int_eq(unlockpt(pty_master), 0);
	slave = open(ptsname(pty_master), O_RDWR | O_NOCTTY);
	ck_assert_int_ge(slave, 0);
	fflush(stderr);
	ck_assert_int_ge(dup2(slave, STDERR_FILENO), 0);
	close(slave);
}

/* What the terminal received, waiting at most a second for it. */
static void
terminal_text(char *buf, size_t len)
{
	struct pollfd pfd = { .fd = pty_master, .events = POLLIN };
	size_t have = 0;
	ssize_t n;

	fflush(stderr);
	while (have + 1 < len && poll(&pfd, 1, have == 0 ? 1000 : 50) > 0) {
		n = read(pty_master, buf + have, len - have - 1);
		if (n <= 0)
			break;
		have += (size_t)n;
	}
	buf[have] = '\0';
}

START_TEST(each_channel_has_its_prefix)
{
	int fd = stderr_to_file();
	char *text;

	msg_error("cannot reach \"%s\"", "h.example");
	msg_warn("key file is open to others");
	msg_note("read region \"eu\"");
	msg_init(MSG_VERBOSE);
	msg_debug(MSG_VERBOSE, "net", "GET %s", "/system/info");
	text = file_text(fd);
	ck_assert_str_eq(text,
	    "roleaudit: error: cannot reach \"h.example\"\n"
	    "roleaudit: warning: key file is open to others\n"
	    "roleaudit: note: read region \"eu\"\n"
	    "roleaudit: net: GET /system/info\n");
	free(text);
	close(fd);
}
END_TEST

START_TEST(quiet_keeps_errors_only)
{
	int fd = stderr_to_file();
	char *text;

	msg_init(MSG_QUIET);
	ck_assert_int_eq(msg_level(), MSG_QUIET);
	msg_warn("hidden warning");
	msg_note("hidden note");
	msg_debug(MSG_VERBOSE, "net", "hidden request");
	msg_error("shown error");
	text = file_text(fd);
	ck_assert_str_eq(text, "roleaudit: error: shown error\n");
	free(text);
	close(fd);
}
END_TEST

START_TEST(each_v_shows_one_more_level)
{
	int fd = stderr_to_file();
	char *text;

	msg_debug(MSG_VERBOSE, "net", "not at normal");
	msg_init(MSG_VERBOSE);
	msg_debug(MSG_VERBOSE, "net", "request");
	msg_debug(MSG_DEBUG, "answer", "not at -v");
	msg_init(MSG_DEBUG);
	msg_debug(MSG_DEBUG, "answer", "decision");
	text = file_text(fd);
	ck_assert_str_eq(text, "roleaudit: net: request\n"
	    "roleaudit: answer: decision\n");
	free(text);
	close(fd);
}
END_TEST

START_TEST(levels_out_of_range_are_clamped)
{
	msg_init((enum msg_level)7);
	ck_assert_int_eq(msg_level(), MSG_DEBUG);
	msg_init((enum msg_level)-5);
	ck_assert_int_eq(msg_level(), MSG_QUIET);
}
END_TEST

START_TEST(no_progress_when_stderr_is_a_file)
{
	int fd = stderr_to_file();
	char *text;

	msg_progress("probes", 3, 10);
	msg_progress_end();
	text = file_text(fd);
	ck_assert_str_eq(text, "");
	free(text);
	close(fd);
}
END_TEST

START_TEST(progress_is_drawn_in_place_on_a_terminal)
{
	char buf[512], expected[64];

	stderr_to_terminal();
	msg_progress("probes", 3, 10);
	msg_progress("probes", 10, 10);
	terminal_text(buf, sizeof buf);
	ck_assert_str_eq(buf, "\r[probes] 3/10\r[probes] 10/10");

	msg_progress("xml", 1, 2);
	terminal_text(buf, sizeof buf);
	snprintf(expected, sizeof expected, "\r[xml] 1/2%*s", 14 - 9, "");
	ck_assert_str_eq(buf, expected);

	msg_progress_end();
	terminal_text(buf, sizeof buf);
	snprintf(expected, sizeof expected, "\r%*s\r", 14, "");
	ck_assert_str_eq(buf, expected);
}
END_TEST

START_TEST(message_clears_the_progress_line_first)
{
	char buf[512], expected[128];

	stderr_to_terminal();
	msg_progress("probes", 1, 9);
	msg_warn("slow answer");
	terminal_text(buf, sizeof buf);
	snprintf(expected, sizeof expected, "\r[probes] 1/9\r%*s\r%s", 12,
	    "", "roleaudit: warning: slow answer\r\n");
	ck_assert_str_eq(buf, expected);
}
END_TEST

START_TEST(colour_only_on_a_terminal)
{
	setenv("TERM", "xterm", 1);
	unsetenv("NO_COLOR");
	stderr_to_file();
	ck_assert(!msg_color_ok(STDERR_FILENO));
}
END_TEST

START_TEST(colour_follows_no_color_and_term)
{
	stderr_to_terminal();
	setenv("TERM", "xterm-256color", 1);
	unsetenv("NO_COLOR");
	ck_assert(msg_color_ok(STDERR_FILENO));

	setenv("NO_COLOR", "", 1);
	ck_assert(msg_color_ok(STDERR_FILENO));
	setenv("NO_COLOR", "1", 1);
	ck_assert(!msg_color_ok(STDERR_FILENO));
	setenv("NO_COLOR", "0", 1);
	ck_assert(!msg_color_ok(STDERR_FILENO));
	unsetenv("NO_COLOR");

	setenv("TERM", "dumb", 1);
	ck_assert(!msg_color_ok(STDERR_FILENO));
	unsetenv("TERM");
	ck_assert(!msg_color_ok(STDERR_FILENO));
}
END_TEST

static Suite *
msg_suite(void)
{
	Suite *suite = suite_create("msg");
	TCase *tc = tcase_create("msg");

	tcase_add_checked_fixture(tc, keep_stderr, restore_stderr);
	tcase_add_test(tc, each_channel_has_its_prefix);
	tcase_add_test(tc, quiet_keeps_errors_only);
	tcase_add_test(tc, each_v_shows_one_more_level);
	tcase_add_test(tc, levels_out_of_range_are_clamped);
	tcase_add_test(tc, no_progress_when_stderr_is_a_file);
	tcase_add_test(tc, progress_is_drawn_in_place_on_a_terminal);
	tcase_add_test(tc, message_clears_the_progress_line_first);
	tcase_add_test(tc, colour_only_on_a_terminal);
	tcase_add_test(tc, colour_follows_no_color_and_term);
	suite_add_tcase(suite, tc);
	return suite;
}

int
main(void)
{
	SRunner *runner = srunner_create(msg_suite());
	int failed;

	srunner_run_all(runner, CK_NORMAL);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
