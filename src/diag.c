/*
 * diag.c: collected error messages with file:line.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static char *
format_message(const char *file, int line, const char *fmt, va_list ap)
{
	char text[1024];
	char *message;
	int n;

	vsnprintf(text, sizeof text, fmt, ap);
	if (line > 0)
		n = snprintf(NULL, 0, "%s:%d: %s", file, line, text);
	else
		n = snprintf(NULL, 0, "%s: %s", file, text);
	message = malloc((size_t)n + 1);
	if (message == NULL)
		return NULL;
	if (line > 0)
		snprintf(message, (size_t)n + 1, "%s:%d: %s", file, line, text);
	else
		snprintf(message, (size_t)n + 1, "%s: %s", file, text);
	return message;
}

void
diag_add(struct diag *diag, const char *file, int line, const char *fmt, ...)
{
	char **grown;
	char *message;
	va_list ap;

	va_start(ap, fmt);
	message = format_message(file ? file : "-", line, fmt, ap);
	va_end(ap);
	if (message == NULL)
		return;

	grown = realloc(diag->messages, (diag->count + 1) * sizeof *grown);
	if (grown == NULL) {
		free(message);
		return;
	}
	diag->messages = grown;
	diag->messages[diag->count++] = message;
}

void
diag_print(const struct diag *diag, FILE *out)
{
	size_t i;

	for (i = 0; i < diag->count; i++)
		fprintf(out, "roleaudit: %s\n", diag->messages[i]);
}

void
diag_clear(struct diag *diag)
{
	size_t i;

	for (i = 0; i < diag->count; i++)
		free(diag->messages[i]);
	free(diag->messages);
	diag->messages = NULL;
	diag->count = 0;
}
