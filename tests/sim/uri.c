/*
 * uri.c: percent-decoding of paths and query arguments.
 */
#include "uri.h"

#include <string.h>
#include <strings.h>

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode len bytes of src into out; a '%' not followed by two hex
 * digits stays as it is. */
static enum uri_result
decode(const char *src, size_t len, bool plus_is_space, char *out,
    size_t cap)
{
	size_t i, used = 0;
	int hi, lo;
	char c;

	for (i = 0; i < len; i++) {
		c = src[i];
		hi = i + 2 < len ? hex_value(src[i + 1]) : -1;
		lo = i + 2 < len ? hex_value(src[i + 2]) : -1;
		if (c == '%' && hi >= 0 && lo >= 0) {
			c = (char)(hi * 16 + lo);
			i += 2;
			if (c == '\0')
				return URI_BAD;
		} else if (c == '+' && plus_is_space)
			c = ' ';
		if (used + 1 >= cap)
			return URI_TOO_LONG;
		out[used++] = c;
	}
	if (cap == 0)
		return URI_TOO_LONG;
	out[used] = '\0';
	return URI_OK;
}

enum uri_result
uri_path(const char *uri, char *out, size_t cap)
{
	return decode(uri, strcspn(uri, "?#"), false, out, cap);
}

const char *
uri_query(const char *uri)
{
	const char *q;

	q = strchr(uri, '?');
	if (q == NULL)
		return NULL;
	return q + 1;
}

enum uri_result
uri_arg(const char *uri, const char *name, char *out, size_t cap)
{
	const char *q;
	size_t len, name_len, want;
	char key[64];

	q = uri_query(uri);
	want = strlen(name);
	while (q != NULL && *q != '\0' && *q != '#') {
		len = strcspn(q, "&#");
		name_len = strcspn(q, "=&#");
		if (name_len > len)
			name_len = len;
		if (name_len < sizeof(key) && decode(q, name_len, true, key,
		    sizeof(key)) == URI_OK && strlen(key) == want &&
		    strcasecmp(key, name) == 0) {
			if (name_len == len)
				return decode("", 0, true, out, cap);
			return decode(q + name_len + 1, len - name_len - 1,
			    true, out, cap);
		}
		q += len;
		if (*q == '&')
			q++;
	}
	return URI_ABSENT;
}

void
uri_header_safe(char *out, size_t cap, const char *src, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i, used = 0;
	unsigned char c;

	for (i = 0; i < len && used + 4 < cap; i++) {
		c = (unsigned char)src[i];
		if (c <= 0x20 || c >= 0x7f || c == '<' || c == '>' ||
		    c == '"') {
			out[used++] = '%';
			out[used++] = hex[c >> 4];
			out[used++] = hex[c & 15];
		} else
			out[used++] = (char)c;
	}
	if (cap > 0)
		out[used] = '\0';
}
