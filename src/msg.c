/*
 * msg.c: errors, warnings, notes, debug lines and the progress line,
 * all on stderr with fixed prefixes.
 *
 * A progress line drawn in place is cleared before any other message so
 * that the two never share a line.
 */
#include "msg.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PROGRESS_WIDTH	79	/* columns a progress line may use */

static enum msg_level current_level = MSG_NORMAL;
static int progress_drawn;	/* columns of the line on screen, or 0 */

void
msg_init(enum msg_level level)
{
	if (level < MSG_QUIET)
		level = MSG_QUIET;
	if (level > MSG_DEBUG)
		level = MSG_DEBUG;
	current_level = level;
}

enum msg_level
msg_level(void)
{
	return current_level;
}

static void
clear_progress(void)
{
	if (progress_drawn == 0)
		return;
	fprintf(stderr, "\r%*s\r", progress_drawn, "");
	progress_drawn = 0;
}

static void
write_line(const char *prefix, const char *fmt, va_list ap)
{
	clear_progress();
	fputs(prefix, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	fflush(stderr);
}

void
msg_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	write_line("roleaudit: error: ", fmt, ap);
	va_end(ap);
}

void
msg_warn(const char *fmt, ...)
{
	va_list ap;

	if (current_level < MSG_NORMAL)
		return;
	va_start(ap, fmt);
	write_line("roleaudit: warning: ", fmt, ap);
	va_end(ap);
}

void
msg_note(const char *fmt, ...)
{
	va_list ap;

	if (current_level < MSG_NORMAL)
		return;
	va_start(ap, fmt);
	write_line("roleaudit: note: ", fmt, ap);
	va_end(ap);
}

void
msg_debug(enum msg_level level, const char *subsystem, const char *fmt, ...)
{
	char prefix[64];
	va_list ap;

	if (current_level < level)
		return;
	snprintf(prefix, sizeof prefix, "roleaudit: %s: ",
	    subsystem != NULL ? subsystem : "debug");
	va_start(ap, fmt);
	write_line(prefix, fmt, ap);
	va_end(ap);
}

void
msg_progress(const char *phase, unsigned long done, unsigned long total)
{
	char line[PROGRESS_WIDTH + 1];
	int n;

	if (current_level < MSG_NORMAL || !isatty(STDERR_FILENO))
		return;

	n = snprintf(line, sizeof line, "[%s] %lu/%lu",
	    phase != NULL ? phase : "", done, total);
	if (n < 0)
		return;
	if (n > PROGRESS_WIDTH)
		n = PROGRESS_WIDTH;

	/* Pad over whatever a longer earlier line left behind. */
	fprintf(stderr, "\r%s%*s", line,
	    progress_drawn > n ? progress_drawn - n : 0, "");
	fflush(stderr);
	if (n > progress_drawn)
		progress_drawn = n;
}

void
msg_progress_end(void)
{
	clear_progress();
	fflush(stderr);
}

bool
msg_color_ok(int fd)
{
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	if (!isatty(fd))
		return false;
	if (no_color != NULL && no_color[0] != '\0')
		return false;
	if (term == NULL || term[0] == '\0' || strcmp(term, "dumb") == 0)
		return false;
	return true;
}
