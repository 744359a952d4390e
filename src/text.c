/*
 * text.c: small string helpers.
 */
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *
text_dup(const char *text)
{
	return text == NULL ? NULL : strdup(text);
}

static char *
text_vprintf(const char *fmt, va_list ap)
{
	va_list copy;
	char *out;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return NULL;
	out = malloc((size_t)n + 1);
	if (out == NULL)
		return NULL;
	vsnprintf(out, (size_t)n + 1, fmt, ap);
	return out;
}

char *
text_printf(const char *fmt, ...)
{
	va_list ap;
	char *out;

	va_start(ap, fmt);
	out = text_vprintf(fmt, ap);
	va_end(ap);
	return out;
}

void
text_append(char **note, const char *fmt, ...)
{
	va_list ap;
	char *part, *joined;

	va_start(ap, fmt);
	part = text_vprintf(fmt, ap);
	va_end(ap);
	if (part == NULL)
		return;
	if (*note == NULL) {
		*note = part;
		return;
	}

	joined = text_printf("%s %s", *note, part);
	free(part);
	if (joined == NULL)
		return;
	free(*note);
	*note = joined;
}

void
text_redact(char *text, const char *secret)
{
	size_t n;
	char *at;

	if (text == NULL || secret == NULL || secret[0] == '\0')
		return;
	n = strlen(secret);
	for (at = strstr(text, secret); at != NULL; at = strstr(at + n,
	    secret))
		memset(at, '*', n);
}
