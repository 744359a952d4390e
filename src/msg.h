/*
 * msg.h: the fixed channels for talking to the person at the terminal.
 *
 * Results go to files and stdout; errors, warnings, progress and debug
 * lines go to stderr through these helpers, each with a fixed prefix.
 * -q keeps errors only; each -v shows one more level.  Progress is drawn
 * only when stderr is a terminal.  Colour is used only on a terminal and
 * never when NO_COLOR is set.
 */
#ifndef RA_MSG_H
#define RA_MSG_H

#include <stdbool.h>

enum msg_level {
	MSG_QUIET = -1,		/* errors only */
	MSG_NORMAL = 0,
	MSG_VERBOSE = 1,	/* -v: each request */
	MSG_DEBUG = 2		/* -vv: answers and decisions */
};

void msg_init(enum msg_level level);
enum msg_level msg_level(void);

/* "roleaudit: error: ..." */
void msg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "roleaudit: warning: ..." */
void msg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "roleaudit: note: ...", shown unless -q */
void msg_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "roleaudit: SUBSYSTEM: ...", shown at level or above */
void msg_debug(enum msg_level level, const char *subsystem,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* One progress line, redrawn in place; nothing when stderr is not a
 * terminal.  msg_progress_end clears it. */
void msg_progress(const char *phase, unsigned long done, unsigned long total);
void msg_progress_end(void);

/* True when colour may be written to a stream with this descriptor. */
bool msg_color_ok(int fd);

#endif
