/*
 * diag.h: a list of error messages, each tied to a place in a file.
 *
 * Loaders collect every mistake they find instead of stopping at the
 * first, so that a file with five mistakes reports five.  Each message is
 * formatted "FILE:LINE: TEXT" (or "FILE: TEXT" when the line is 0).
 */
#ifndef RA_DIAG_H
#define RA_DIAG_H

#include <stddef.h>
#include <stdio.h>

struct diag {
	size_t count;
	char **messages;	/* owned; each owned */
};

/* Append one message.  file is borrowed; line 0 means "no line". */
void diag_add(struct diag *diag, const char *file, int line,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Write each message on its own line, prefixed "roleaudit: ". */
void diag_print(const struct diag *diag, FILE *out);

/* Free the messages; the struct itself is the caller's. */
void diag_clear(struct diag *diag);

#endif
