/*
 * uri.h: the parts of a request target cwsim needs, decoded with caps.
 */
#ifndef CWSIM_URI_H
#define CWSIM_URI_H

#include <stdbool.h>
#include <stddef.h>

enum uri_result {
	URI_OK = 0,
	URI_ABSENT,	/* no such argument */
	URI_TOO_LONG,	/* longer than the caller's buffer */
	URI_BAD		/* encodes a NUL byte */
};

/* Percent-decode the path of uri (up to '?' or '#') into out. */
enum uri_result uri_path(const char *uri, char *out, size_t cap);

/* The raw query of uri (after '?', up to '#'), or NULL.  Borrowed. */
const char *uri_query(const char *uri);

/* Decode the first argument called name (case-insensitive) into out;
 * '+' decodes to a space.  A name given without '=' has value "". */
enum uri_result uri_arg(const char *uri, const char *name, char *out,
    size_t cap);

/* Copy len bytes of src to out (cap), percent-encoding bytes that may
 * not appear in a header value or a Link target.  Always terminates. */
void uri_header_safe(char *out, size_t cap, const char *src, size_t len);

#endif
