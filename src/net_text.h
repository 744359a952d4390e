/*
 * net_text.h: text from a server made fit for a report line (private to
 * answer.c and its tests).
 *
 * Whatever a server sends may hold control characters, broken UTF-8 or
 * pages of text.  These helpers return one line of valid UTF-8, at most
 * NET_TEXT_MAX characters, with "..." when cut.
 */
#ifndef RA_NET_TEXT_H
#define RA_NET_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#define NET_TEXT_MAX	200	/* characters of server text kept */

/* One clean line from len bytes of text: control characters become
 * spaces, runs of spaces one, invalid UTF-8 bytes '?'.  New; NULL when
 * out of memory. */
char *net_text_line(const char *text, size_t len);

/* "code: message", either part may be NULL.  New. */
char *net_text_pair(const char *code, const char *message);

/* True when len bytes of text hold word, in any case. */
bool net_text_mentions(const char *text, size_t len, const char *word);

/* The host inside a URL's authority ("user@host:443/x" -> "host"):
 * returns where it starts and sets *len.  Borrowed from authority. */
const char *net_text_host(const char *authority, size_t *len);

#endif
