/*
 * server.c: the server value as users type it, reduced to host[:port].
 *
 * Surrounding spaces are trimmed and a cloud region name is expanded by
 * hand; everything else goes through curl's URL parser, which splits
 * scheme, user, host, port, path, query and fragment.  Each part dropped
 * or changed on the way is described in a note, so that the person sees
 * what roleaudit made of the value.
 */
#include "server.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "text.h"

#define SERVER_MAX	1024	/* characters a server value may hold */

static const char *const regions[] = { "na", "eu", "au", "aus", "za" };

static int
add_note(struct server_value *value, const char *fmt, ...)
{
	char text[SERVER_MAX + 128];
	char **grown;
	char *note;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);

	note = strdup(text);
	if (note == NULL)
		return -1;
	grown = realloc(value->notes, (value->note_count + 1) * sizeof *grown);
	if (grown == NULL) {
		free(note);
		return -1;
	}
	value->notes = grown;
	value->notes[value->note_count++] = note;
	return 0;
}

void
server_value_clear(struct server_value *value)
{
	size_t i;

	if (value == NULL)
		return;
	for (i = 0; i < value->note_count; i++)
		free(value->notes[i]);
	free(value->notes);
	free(value->host);
	memset(value, 0, sizeof *value);
}

/* Copy text without surrounding spaces and tabs into buf. */
static int
trim(const char *text, char *buf, size_t buflen)
{
	size_t start = 0, end = strlen(text);

	while (start < end && (text[start] == ' ' || text[start] == '\t'))
		start++;
	while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t'))
		end--;
	if (end - start >= buflen)
		return -1;
	memcpy(buf, text + start, end - start);
	buf[end - start] = '\0';
	return start > 0 || end < strlen(text);
}

static int
check_characters(const char *text, char *err, size_t errlen)
{
	const unsigned char *p;

	for (p = (const unsigned char *)text; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			text_say(err, errlen, "the server value holds a "
			    "control character at position %zu; give a host "
			    "name such as na.myconnectwise.net",
			    (size_t)(p - (const unsigned char *)text) + 1);
			return -1;
		}
	}
	if (strpbrk(text, " \t") != NULL) {
		text_say(err, errlen, "the server value \"%s\" holds a space; "
		    "give one host name such as na.myconnectwise.net", text);
		return -1;
	}
	return 0;
}

static const char *
region_of(const char *text)
{
	size_t i;

	for (i = 0; i < sizeof regions / sizeof regions[0]; i++) {
		if (strcasecmp(text, regions[i]) == 0)
			return regions[i];
	}
	return NULL;
}

static int
expand_region(const char *text, const char *region, struct server_value *out)
{
	char host[64];

	snprintf(host, sizeof host, "%s.myconnectwise.net", region);
	out->host = strdup(host);
	if (out->host == NULL)
		return -1;
	return add_note(out, "read region \"%s\" as %s", text, host);
}

/* The scheme as typed ("HTTPS://"), into buf; empty when none.  curl
 * takes "name:" for a scheme only when a slash follows. */
static void
typed_scheme(const char *text, const char *scheme, char *buf, size_t buflen)
{
	size_t len = strlen(scheme);

	buf[0] = '\0';
	if (strncasecmp(text, scheme, len) != 0 || text[len] != ':' ||
	    text[len + 1] != '/')
		return;
	len++;
	while (text[len] == '/')
		len++;
	if (len >= buflen)
		len = buflen - 1;
	memcpy(buf, text, len);
	buf[len] = '\0';
}

static int
note_scheme(CURLU *url, const char *text, struct server_value *out,
    char *err, size_t errlen)
{
	char typed[32];
	char *scheme = NULL;
	int rc = 0;

	if (curl_url_get(url, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK)
		return -1;
	typed_scheme(text, scheme, typed, sizeof typed);
	if (typed[0] == '\0')
		rc = 0;
	else if (strcmp(scheme, "https") == 0)
		rc = add_note(out, "stripped the scheme \"%s\"", typed);
	else if (strcmp(scheme, "http") == 0)
		rc = add_note(out, "stripped the scheme \"%s\"; roleaudit "
		    "uses https regardless", typed);
	else {
		text_say(err, errlen, "the server value uses the scheme "
		    "\"%s\"; roleaudit talks https only: give the host name "
		    "alone",
		    scheme);
		rc = -1;
	}
	curl_free(scheme);
	return rc;
}

static int
refuse_userinfo(CURLU *url, char *err, size_t errlen)
{
	char *part = NULL;
	int has_user, has_password;

	has_user = curl_url_get(url, CURLUPART_USER, &part, 0) == CURLUE_OK;
	curl_free(part);
	part = NULL;
	has_password = curl_url_get(url, CURLUPART_PASSWORD, &part, 0) ==
	    CURLUE_OK;
	curl_free(part);
	if (!has_user && !has_password)
		return 0;
	text_say(err, errlen, "the server value holds a user name or password "
	    "(before \"@\"); credentials never go in the server value: give "
	    "the host alone, and the keys with --company, --public-key and "
	    "--private-key-file");
	return -1;
}

/* Note a part that is dropped: the path, the query, the fragment. */
static int
note_dropped(CURLU *url, CURLUPart which, const char *what,
    const char *mark, struct server_value *out)
{
	char *part = NULL;
	int rc = 0;

	if (curl_url_get(url, which, &part, 0) != CURLUE_OK)
		return 0;
	if (part[0] != '\0' && strcmp(part, "/") != 0)
		rc = add_note(out, "stripped the %s \"%s%s\"", what, mark,
		    part);
	curl_free(part);
	return rc;
}

static int
lower_host(char *host, struct server_value *out)
{
	char *p;
	int changed = 0;

	for (p = host; *p != '\0'; p++) {
		if (isupper((unsigned char)*p)) {
			*p = (char)tolower((unsigned char)*p);
			changed = 1;
		}
	}
	if (!changed)
		return 0;
	return add_note(out, "wrote the host \"%s\" in lower case", host);
}

/* A host name is letters, digits, dots, dashes (and the underscores
 * some internal names carry); an IPv6 address in
 * brackets adds colons.  curl decodes %XX in a host, so this is checked
 * on what curl hands back. */
static bool
host_ok(const char *host)
{
	bool bracketed = host[0] == '[';
	const char *p;

	for (p = host; *p != '\0'; p++) {
		if (isalnum((unsigned char)*p) || *p == '.' || *p == '-' ||
		    *p == '_')
			continue;
		if (bracketed && (*p == ':' || *p == '[' || *p == ']'))
			continue;
		return false;
	}
	return true;
}

static int
take_host(CURLU *url, struct server_value *out, char *err, size_t errlen)
{
	char *host = NULL, *port = NULL;
	size_t len;
	int rc = -1;

	if (curl_url_get(url, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    host[0] == '\0') {
		text_say(err, errlen, "the server value names no host; give "
		    "one such as na.myconnectwise.net");
		goto out;
	}
	if (curl_url_get(url, CURLUPART_ZONEID, &port, 0) == CURLUE_OK) {
		text_say(err, errlen, "the server value names an IPv6 address "
		    "with a zone (\"%%%s\"); give an address without one",
		    port);
		goto out;
	}
	curl_free(port);
	port = NULL;
	if (!host_ok(host)) {
		text_say(err, errlen, "the server value's host holds characters "
		    "a host name cannot have; give one such as "
		    "na.myconnectwise.net");
		goto out;
	}
	if (lower_host(host, out) != 0)
		goto out;
	if (curl_url_get(url, CURLUPART_PORT, &port, 0) != CURLUE_OK)
		port = NULL;

	len = strlen(host) + (port != NULL ? strlen(port) + 1 : 0) + 1;
	out->host = malloc(len);
	if (out->host == NULL)
		goto out;
	if (port != NULL)
		snprintf(out->host, len, "%s:%s", host, port);
	else
		snprintf(out->host, len, "%s", host);
	rc = 0;
out:
	curl_free(host);
	curl_free(port);
	return rc;
}

/* "::1" is an IPv6 address, which a URL must hold in brackets. */
static int
bracket_ipv6(char *text, size_t textlen, struct server_value *out)
{
	char bare[SERVER_MAX + 1];
	const char *first = strchr(text, ':');

	if (first == NULL || strchr(first + 1, ':') == NULL ||
	    strpbrk(text, "[]/@") != NULL || strlen(text) + 3 > textlen)
		return 0;
	snprintf(bare, sizeof bare, "%s", text);
	snprintf(text, textlen, "[%s]", bare);
	return add_note(out, "read \"%s\" as the IPv6 address %s", bare,
	    text);
}

static int
parse_url(const char *text, struct server_value *out, char *err,
    size_t errlen)
{
	CURLU *url = curl_url();
	CURLUcode uc;
	int rc = -1;

	if (url == NULL)
		return -1;
	uc = curl_url_set(url, CURLUPART_URL, text, CURLU_DEFAULT_SCHEME);
	if (uc != CURLUE_OK) {
		text_say(err, errlen, "the server value \"%s\" is not a host "
		    "name, host:port or https URL (%s)", text,
		    curl_url_strerror(uc));
		goto out;
	}
	if (refuse_userinfo(url, err, errlen) != 0 ||
	    note_scheme(url, text, out, err, errlen) != 0)
		goto out;
	if (note_dropped(url, CURLUPART_PATH, "path", "", out) != 0 ||
	    note_dropped(url, CURLUPART_QUERY, "query", "?", out) != 0 ||
	    note_dropped(url, CURLUPART_FRAGMENT, "fragment", "#", out) != 0)
		goto out;
	rc = take_host(url, out, err, errlen);
out:
	curl_url_cleanup(url);
	return rc;
}

/* Trim the value into text and refuse what no reading can save.
 * Returns 1 when spaces were trimmed, 0 when not, -1 when refused. */
static int
clean_input(const char *input, char *text, size_t textlen, char *err,
    size_t errlen)
{
	int trimmed;

	trimmed = trim(input, text, textlen);
	if (trimmed < 0) {
		text_say(err, errlen, "the server value is longer than %zu "
		    "characters; give a host name", textlen - 1);
		return -1;
	}
	if (text[0] == '\0') {
		text_say(err, errlen, "the server value is empty; give a host "
		    "such as na.myconnectwise.net or a region (na, eu, au, "
		    "aus, za)");
		return -1;
	}
	if (check_characters(text, err, errlen) != 0)
		return -1;
	return trimmed;
}

int
server_normalize(const char *input, struct server_value *out, char *err,
    size_t errlen)
{
	char text[SERVER_MAX + 3];
	const char *region;
	int trimmed;

	memset(out, 0, sizeof *out);
	text_say(err, errlen, "%s", "");
	trimmed = clean_input(input != NULL ? input : "", text,
	    SERVER_MAX + 1, err, errlen);
	if (trimmed < 0)
		return -1;
	if (trimmed > 0 && add_note(out, "removed surrounding spaces") != 0)
		goto fail;

	region = region_of(text);
	if (region != NULL) {
		if (expand_region(text, region, out) != 0)
			goto fail;
		return 0;
	}
	if (bracket_ipv6(text, sizeof text, out) != 0 ||
	    parse_url(text, out, err, errlen) != 0)
		goto fail;
	return 0;
fail:
	if (err != NULL && errlen > 0 && err[0] == '\0')
		text_say(err, errlen, "out of memory reading the server value");
	server_value_clear(out);
	return -1;
}

/* Split "host[:port]" or a URL into a lower-case host and a port. */
static int
split_host(const char *text, char *host, size_t hostlen, long *port)
{
	CURLU *url = curl_url();
	char *part = NULL;
	int rc = -1;

	if (url == NULL)
		return -1;
	if (curl_url_set(url, CURLUPART_URL, text, CURLU_DEFAULT_SCHEME) !=
	    CURLUE_OK)
		goto out;
	if (curl_url_get(url, CURLUPART_USER, &part, 0) == CURLUE_OK)
		goto out;
	if (curl_url_get(url, CURLUPART_SCHEME, &part, 0) != CURLUE_OK ||
	    strcmp(part, "https") != 0)
		goto out;
	curl_free(part);
	part = NULL;
	if (curl_url_get(url, CURLUPART_PORT, &part, CURLU_DEFAULT_PORT) !=
	    CURLUE_OK)
		goto out;
	*port = strtol(part, NULL, 10);
	curl_free(part);
	part = NULL;
	if (curl_url_get(url, CURLUPART_HOST, &part, 0) != CURLUE_OK ||
	    strlen(part) >= hostlen)
		goto out;
	snprintf(host, hostlen, "%s", part);
	rc = 0;
out:
	curl_free(part);
	curl_url_cleanup(url);
	return rc;
}

int
server_same_tenant(const char *host, const char *site_url)
{
	char ours[SERVER_MAX], theirs[SERVER_MAX];
	long our_port, their_port;

	if (host == NULL || site_url == NULL)
		return 0;
	if (split_host(host, ours, sizeof ours, &our_port) != 0 ||
	    split_host(site_url, theirs, sizeof theirs, &their_port) != 0)
		return 0;
	if (our_port != their_port)
		return 0;
	if (strcasecmp(ours, theirs) == 0)
		return 1;
	return strncasecmp(theirs, "api-", 4) == 0 &&
	    strcasecmp(theirs + 4, ours) == 0;
}
