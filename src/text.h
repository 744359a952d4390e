/*
 * text.h: small string helpers shared by the modules.
 *
 * Every function returns new memory the caller frees, or NULL when out of
 * memory (or, for text_dup, when given NULL).
 */
#ifndef RA_TEXT_H
#define RA_TEXT_H

#include <stddef.h>

char *text_dup(const char *text);
char *text_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Append to *note, separated by a space; *note may be NULL.  On failure
 * *note is left as it was. */
void text_append(char **note, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Replace every occurrence of secret in text, in place, with asterisks
 * of the same length, so that a server that echoes a key cannot carry
 * it into a report.  Nothing happens when secret is NULL or empty. */
void text_redact(char *text, const char *secret);

#endif
