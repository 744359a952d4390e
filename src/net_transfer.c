/*
 * net_transfer.c: what one request of net.c gathers: the body under its
 * cap, the few headers the classification needs, and the failure that a
 * curl result means.
 */
#include "net_transfer.h"

#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "net_text.h"

struct transfer *
transfer_new(const char *url, bool with_auth, net_done_fn done, void *user)
{
	struct transfer *t = calloc(1, sizeof *t);

	if (t == NULL)
		return NULL;
	t->url = strdup(url);
	if (t->url == NULL) {
		free(t);
		return NULL;
	}
	t->with_auth = with_auth;
	t->done = done;
	t->user = user;
	return t;
}

static void
clear_headers(struct transfer *t)
{
	free(t->content_type);
	free(t->retry_after);
	free(t->location);
	free(t->via);
	free(t->server);
	free(t->link);
	t->content_type = t->retry_after = t->location = NULL;
	t->via = t->server = t->link = NULL;
	t->cdn = false;
}

void
transfer_reset(struct transfer *t)
{
	if (t->easy != NULL)
		curl_easy_cleanup(t->easy);
	t->easy = NULL;
	clear_headers(t);
	free(t->body);
	t->body = NULL;
	t->body_len = t->body_size = 0;
	t->too_large = t->out_of_memory = false;
	t->header_bytes = 0;
	t->status = 0;
	t->failure = NET_OK;
	t->seconds = 0;
	t->error[0] = '\0';
}

void
transfer_free(struct transfer *t)
{
	if (t == NULL)
		return;
	transfer_reset(t);
	free(t->url);
	free(t);
}

void
transfer_fail(struct transfer *t, enum net_failure failure, const char *why)
{
	t->failure = failure;
	snprintf(t->error, sizeof t->error, "%s", why);
}

enum net_failure
net_failure_of(CURLcode result, bool too_large)
{
	switch (result) {
	case CURLE_OK:
		return NET_OK;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		return NET_RESOLVE;
	case CURLE_COULDNT_CONNECT:
		return NET_CONNECT;
	case CURLE_OPERATION_TIMEDOUT:
		return NET_TIMEOUT;
	case CURLE_FILESIZE_EXCEEDED:
		return NET_TOO_LARGE;
	case CURLE_WRITE_ERROR:
		return too_large ? NET_TOO_LARGE : NET_INTERNAL;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_SHUTDOWN_FAILED:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_ENGINE_NOTFOUND:
	case CURLE_SSL_ENGINE_SETFAILED:
	case CURLE_SSL_ENGINE_INITFAILED:
		return NET_TLS;
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_PARTIAL_FILE:
	case CURLE_GOT_NOTHING:
	case CURLE_WEIRD_SERVER_REPLY:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
	case CURLE_BAD_CONTENT_ENCODING:
		return NET_BROKEN;
	default:
		return NET_INTERNAL;
	}
}

void
transfer_settle(struct transfer *t, CURLcode result)
{
	long status = 0;
	double seconds = 0;

	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_getinfo(t->easy, CURLINFO_TOTAL_TIME, &seconds);
	t->status = status;
	t->seconds = seconds;
	t->failure = net_failure_of(result, t->too_large);
	if (t->out_of_memory && result == CURLE_WRITE_ERROR)
		snprintf(t->error, sizeof t->error, "out of memory");
	else if (t->failure == NET_TOO_LARGE)
		snprintf(t->error, sizeof t->error,
		    "answer over the cap (body %zu bytes, headers %d)",
		    t->max_body, NET_HEADERS_MAX);
	if (t->failure != NET_OK && t->error[0] == '\0')
		snprintf(t->error, sizeof t->error, "%s",
		    curl_easy_strerror(result));
	curl_easy_cleanup(t->easy);
	t->easy = NULL;
}

void
transfer_answer(const struct transfer *t, struct net_answer *out)
{
	memset(out, 0, sizeof *out);
	out->url = t->url;
	out->failure = t->failure;
	out->error = t->failure != NET_OK ? t->error : NULL;
	out->status = t->status;
	out->content_type = t->content_type;
	out->retry_after = t->retry_after;
	out->location = t->location;
	out->via = t->via;
	out->server = t->server;
	out->cdn = t->cdn;
	out->link = t->link;
	out->body = t->body != NULL ? t->body : "";
	out->body_len = t->body_len;
	out->attempts = t->attempts;
	out->gave_up_429 = t->gave_up_429;
	out->seconds = t->seconds;
}

static bool
grow_body(struct transfer *t, size_t need)
{
	size_t size = t->body_size != 0 ? t->body_size : 4096;
	char *grown;

	while (size < need && size <= SIZE_MAX / 2)
		size *= 2;
	if (size > t->max_body + 1)
		size = t->max_body + 1;
	grown = realloc(t->body, size);
	if (grown == NULL)
		return false;
	t->body = grown;
	t->body_size = size;
	return true;
}

size_t
transfer_body(char *data, size_t size, size_t nmemb, void *userp)
{
	struct transfer *t = userp;
	size_t len = size * nmemb;

	if (len > t->max_body - t->body_len) {
		t->too_large = true;
		return 0;
	}
	if (t->body_len + len + 1 > t->body_size &&
	    !grow_body(t, t->body_len + len + 1)) {
		t->out_of_memory = true;
		return 0;
	}
	memcpy(t->body + t->body_len, data, len);
	t->body_len += len;
	t->body[t->body_len] = '\0';
	return len;
}

/* A header value, trimmed, with control characters made spaces, capped
 * at NET_HEADER_VALUE_MAX.  Appended after ", " when *slot is set and
 * append is true; otherwise a second value is ignored. */
static bool
keep_value(char **slot, const char *value, size_t len, bool append)
{
	size_t old = *slot != NULL ? strlen(*slot) : 0;
	size_t sep = old != 0 ? 2 : 0, i;
	char *grown;

	if ((*slot != NULL && !append) || old + sep >= NET_HEADER_VALUE_MAX)
		return true;
	if (old + sep + len > NET_HEADER_VALUE_MAX)
		len = NET_HEADER_VALUE_MAX - old - sep;
	grown = realloc(*slot, old + sep + len + 1);
	if (grown == NULL)
		return false;
	if (sep != 0)
		memcpy(grown + old, ", ", 2);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)value[i];

		grown[old + sep + i] = c < 0x20 || c == 0x7f ? ' ' : (char)c;
	}
	grown[old + sep + len] = '\0';
	*slot = grown;
	return true;
}

static bool
names(const char *name, size_t len, const char *want)
{
	return strlen(want) == len && strncasecmp(name, want, len) == 0;
}

static void
note_cdn(struct transfer *t, const char *name, size_t name_len,
    const char *value, size_t len)
{
	if (names(name, name_len, "x-amz-cf-id") ||
	    names(name, name_len, "x-amz-cf-pop") ||
	    names(name, name_len, "x-cache") ||
	    names(name, name_len, "cf-ray"))
		t->cdn = true;
	if ((names(name, name_len, "via") ||
	    names(name, name_len, "server")) &&
	    (net_text_mentions(value, len, "cloudfront") ||
	    net_text_mentions(value, len, "cloudflare")))
		t->cdn = true;
}

static bool
capture(struct transfer *t, const char *name, size_t name_len,
    const char *value, size_t len)
{
	note_cdn(t, name, name_len, value, len);
	if (names(name, name_len, "content-type"))
		return keep_value(&t->content_type, value, len, false);
	if (names(name, name_len, "retry-after"))
		return keep_value(&t->retry_after, value, len, false);
	if (names(name, name_len, "location"))
		return keep_value(&t->location, value, len, false);
	if (names(name, name_len, "via"))
		return keep_value(&t->via, value, len, true);
	if (names(name, name_len, "server"))
		return keep_value(&t->server, value, len, false);
	if (names(name, name_len, "link"))
		return keep_value(&t->link, value, len, true);
	return true;
}

size_t
transfer_header(char *data, size_t size, size_t nitems, void *userp)
{
	struct transfer *t = userp;
	size_t len = size * nitems, name_len;
	const char *colon, *value, *end = data + len;

	if (len > NET_HEADER_LINE_MAX || len > NET_HEADERS_MAX -
	    t->header_bytes) {
		t->too_large = true;
		return 0;
	}
	t->header_bytes += len;
	if (len >= 5 && memcmp(data, "HTTP/", 5) == 0) {
		clear_headers(t);
		return len;
	}
	colon = memchr(data, ':', len);
	if (colon == NULL)
		return len;
	name_len = (size_t)(colon - data);
	value = colon + 1;
	while (value < end && (*value == ' ' || *value == '\t'))
		value++;
	while (end > value && isspace((unsigned char)end[-1]))
		end--;
	if (!capture(t, data, name_len, value, (size_t)(end - value))) {
		t->out_of_memory = true;
		return 0;
	}
	return len;
}

long
net_retry_after_s(const char *value, time_t now)
{
	const long most = LONG_MAX / 1000;
	char *end;
	long seconds;
	time_t when;

	if (value == NULL)
		return 1;
	while (*value == ' ')
		value++;
	if (isdigit((unsigned char)*value)) {
		seconds = strtol(value, &end, 10);
		while (*end == ' ')
			end++;
		if (*end != '\0')
			return 1;
		return seconds > most ? most : seconds;
	}
	when = curl_getdate(value, NULL);
	if (when == -1)
		return 1;
	if (when <= now)
		return 0;
	return when - now > most ? most : (long)(when - now);
}
