/*
 * net_text.c: server text made one clean, capped line of UTF-8.
 */
#include "net_text.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Bytes in the valid UTF-8 sequence at p, 0 when it is not valid
 * (overlong forms and surrogates included). */
static size_t
utf8_len(const unsigned char *p, size_t left)
{
	size_t n, i;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4;
	else
		return 0;
	if (n > left)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	}
	if ((p[0] == 0xe0 && p[1] < 0xa0) || (p[0] == 0xed && p[1] >= 0xa0) ||
	    (p[0] == 0xf0 && p[1] < 0x90) || (p[0] == 0xf4 && p[1] >= 0x90))
		return 0;
	return n;
}

/* A character that breaks or hides a line: C0 and C1 controls, DEL,
 * space, and the Unicode line and paragraph separators. */
static bool
blank(const unsigned char *p, size_t n)
{
	if (n == 1)
		return p[0] <= 0x20 || p[0] == 0x7f;
	if (n == 2)
		return p[0] == 0xc2 && p[1] < 0xa0;
	return n == 3 && p[0] == 0xe2 && p[1] == 0x80 &&
	    (p[2] == 0xa8 || p[2] == 0xa9);
}

char *
net_text_line(const char *text, size_t len)
{
	const unsigned char *in = (const unsigned char *)text;
	char *line = malloc(NET_TEXT_MAX * 4 + 4);
	size_t out = 0, chars = 0, i = 0, n;
	bool space = false, cut = false;

	if (line == NULL)
		return NULL;
	while (text != NULL && i < len) {
		n = utf8_len(in + i, len - i);
		if (n != 0 && blank(in + i, n)) {
			space = out > 0;
			i += n;
			continue;
		}
		if (chars + (space ? 1 : 0) + 1 > NET_TEXT_MAX) {
			cut = true;
			break;
		}
		if (space) {
			line[out++] = ' ';
			chars++;
			space = false;
		}
		if (n == 0) {
			line[out++] = '?';
			i++;
		} else {
			memcpy(line + out, in + i, n);
			out += n;
			i += n;
		}
		chars++;
	}
	if (cut) {
		memcpy(line + out, "...", 3);
		out += 3;
	}
	line[out] = '\0';
	return line;
}

char *
net_text_pair(const char *code, const char *message)
{
	char *a = net_text_line(code, code != NULL ? strlen(code) : 0);
	char *b = net_text_line(message, message != NULL ? strlen(message) :
	    0);
	char *pair = NULL;
	size_t size;

	if (a != NULL && b != NULL) {
		size = strlen(a) + strlen(b) + 3;
		pair = malloc(size);
	}
	if (pair != NULL) {
		if (a[0] != '\0' && b[0] != '\0')
			snprintf(pair, size, "%s: %s", a, b);
		else
			snprintf(pair, size, "%s%s", a, b);
	}
	free(a);
	free(b);
	return pair;
}

const char *
net_text_host(const char *authority, size_t *len)
{
	size_t end = strcspn(authority, "/?#\\"), i;
	const char *host = authority;

	for (i = 0; i < end; i++) {
		if (authority[i] == '@')
			host = authority + i + 1;
	}
	end -= (size_t)(host - authority);
	if (host[0] == '[') {
		for (i = 0; i < end && host[i] != ']'; i++)
			;
		*len = i < end ? i + 1 : end;
		return host;
	}
	for (i = 0; i < end && host[i] != ':'; i++)
		;
	*len = i;
	return host;
}

bool
net_text_mentions(const char *text, size_t len, const char *word)
{
	size_t n = strlen(word), i;

	for (i = 0; text != NULL && i + n <= len; i++) {
		if (strncasecmp(text + i, word, n) == 0)
			return true;
	}
	return false;
}
