/*
 * answer.c: what one HTTP answer from ConnectWise shows.
 *
 * Pure functions over a net_answer.  The order of the questions matters:
 * a failure below HTTP first, then the status; a body is trusted only in
 * the shape ConnectWise gives (a JSON list, object or count on 200, the
 * error object with code "Security" on a role denial), and only when no
 * CDN mark says that something in front of ConnectWise answered.  Any
 * text taken from the server is made one line of at most
 * NET_TEXT_MAX characters of valid UTF-8 before it goes in a detail.
 */
#include "answer.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "net_text.h"

#define ANSWER_JSON_MAX		(64u * 1024 * 1024)	/* bytes parsed */
#define ANSWER_DEPTH_MAX	64			/* nesting */
#define ANSWER_SCAN_MAX		65536	/* bytes searched for "clientId" */
#define ANSWER_PATH_MAX		128	/* one owner_field segment */
#define ANSWER_COUNT_MAX	4294967295.0	/* a larger count is nonsense */

static const char *const outcome_names[] = {
	[OUTCOME_RECORDS] = "records",
	[OUTCOME_EMPTY] = "empty",
	[OUTCOME_DENIED] = "denied",
	[OUTCOME_UNKNOWN] = "unknown",
};

struct cause_words {
	const char *name;
	const char *text;
};

static const struct cause_words causes[] = {
	[CAUSE_NONE] = { "none", "nothing went wrong" },
	[CAUSE_NETWORK] = { "network",
	    "the server could not be reached or the connection broke" },
	[CAUSE_TIMEOUT] = { "timeout", "the server did not answer in time" },
	[CAUSE_TLS] = { "tls",
	    "the server's TLS certificate could not be verified" },
	[CAUSE_AUTH] = { "authentication",
	    "the keys were refused or the member is inactive" },
	[CAUSE_CLIENT_ID] = { "client-id",
	    "the server asks for a valid clientId" },
	[CAUSE_RATE_LIMITED] = { "rate-limited",
	    "the server answered 429 too often" },
	[CAUSE_SERVER_ERROR] = { "server-error",
	    "the server failed (5xx) each time it was asked" },
	[CAUSE_EDGE_BLOCK] = { "edge-block",
	    "a CDN or firewall in front of ConnectWise blocked the request" },
	[CAUSE_NOT_FOUND] = { "not-found",
	    "the address was not found: wrong host, path or codebase" },
	[CAUSE_REDIRECT] = { "redirect",
	    "the server redirected the request, which is never followed" },
	[CAUSE_BAD_ANSWER] = { "bad-answer",
	    "the answer was not the JSON expected" },
	[CAUSE_TOO_LARGE] = { "too-large",
	    "the answer was larger than the size cap" },
	[CAUSE_NOTHING_TO_PROBE] = { "nothing-to-probe",
	    "no record was found to probe with" },
	[CAUSE_SETTINGS_HIDDEN] = { "settings-hidden",
	    "the member cannot read its own security settings" },
	[CAUSE_UNEXPECTED] = { "unexpected",
	    "the server gave an answer that was not expected" },
};

const char *
outcome_name(enum outcome outcome)
{
	return outcome <= OUTCOME_UNKNOWN ? outcome_names[outcome] : "?";
}

const char *
cause_name(enum cause cause)
{
	return cause <= CAUSE_UNEXPECTED ? causes[cause].name : "?";
}

const char *
cause_text(enum cause cause)
{
	return cause <= CAUSE_UNEXPECTED ? causes[cause].text : "?";
}

/* True when brackets nest no deeper than max, strings skipped. */
static bool
depth_ok(const char *body, size_t len, int max)
{
	bool in_string = false;
	int depth = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		char c = body[i];

		if (in_string) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_string = false;
			continue;
		}
		if (c == '"')
			in_string = true;
		else if ((c == '[' || c == '{') && ++depth > max)
			return false;
		else if (c == ']' || c == '}')
			depth--;
	}
	return true;
}

struct cJSON *
answer_json(const struct net_answer *answer)
{
	const char *body = answer->body, *end = NULL, *stop;
	size_t len = answer->body_len;
	cJSON *json;

	if (body == NULL || len == 0 || len > ANSWER_JSON_MAX)
		return NULL;
	if (memchr(body, '\0', len) != NULL)
		return NULL;
	if (len >= 3 && memcmp(body, "\xef\xbb\xbf", 3) == 0) {
		body += 3;
		len -= 3;
	}
	if (!depth_ok(body, len, ANSWER_DEPTH_MAX))
		return NULL;

	json = cJSON_ParseWithLengthOpts(body, len, &end, false);
	if (json == NULL)
		return NULL;
	stop = body + len;
	while (end != NULL && end < stop && isspace((unsigned char)*end))
		end++;
	if (end != stop) {
		cJSON_Delete(json);
		return NULL;
	}
	return json;
}

static bool
is_json(const struct net_answer *answer)
{
	cJSON *json = answer_json(answer);

	cJSON_Delete(json);
	return json != NULL;
}

static const char *
json_string(const cJSON *object, const char *name)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);

	return cJSON_IsString(item) ? item->valuestring : NULL;
}

bool
answer_error_code(const struct net_answer *answer, const char *code)
{
	cJSON *json = answer_json(answer);
	const char *found;
	bool same;

	if (json == NULL)
		return false;
	found = cJSON_IsObject(json) ? json_string(json, "code") : NULL;
	same = found != NULL && strcmp(found, code) == 0;
	cJSON_Delete(json);
	return same;
}

static void
set_detail(struct observation *out, const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	free(out->detail);
	out->detail = strdup(line);
}

static void
unknown(struct observation *out, enum cause cause)
{
	out->outcome = OUTCOME_UNKNOWN;
	out->cause = cause;
}

static bool
is_html(const struct net_answer *answer)
{
	size_t i;

	if (answer->content_type != NULL &&
	    net_text_mentions(answer->content_type,
	    strlen(answer->content_type), "html"))
		return true;
	for (i = 0; i < answer->body_len && i < 256; i++) {
		if (!isspace((unsigned char)answer->body[i]))
			return answer->body[i] == '<';
	}
	return false;
}

/* The media type names JSON ("application/json", "...+json"); a
 * missing Content-Type is left to the parser. */
static bool
json_type(const char *content_type)
{
	char type[128];
	size_t len;

	if (content_type == NULL)
		return true;
	len = strcspn(content_type, ";");
	while (len > 0 && isspace((unsigned char)content_type[len - 1]))
		len--;
	if (len >= sizeof type)
		return false;
	memcpy(type, content_type, len);
	type[len] = '\0';
	if (strcasecmp(type, "application/json") == 0 ||
	    strcasecmp(type, "text/json") == 0)
		return true;
	return len > 5 && strcasecmp(type + len - 5, "+json") == 0;
}

/* What the server said, as one clean line: "Security: You do not ..."
 * from the JSON error shape, the text of a plain body, or NULL.  New. */
static char *
server_words(const struct net_answer *answer)
{
	const char *code, *message;
	char *words = NULL;
	cJSON *json;

	if (is_html(answer))
		return NULL;
	json = answer_json(answer);
	if (json == NULL)
		return net_text_line(answer->body, answer->body_len);
	if (cJSON_IsObject(json)) {
		code = json_string(json, "code");
		message = json_string(json, "message");
		if (code != NULL || message != NULL)
			words = net_text_pair(code, message);
	}
	cJSON_Delete(json);
	return words;
}

/* "<status> <words>", "<status> (an HTML page)" or "<status>". */
static void
status_detail(struct observation *out, const struct net_answer *answer,
    const char *extra)
{
	char *words = server_words(answer);

	if (words != NULL && words[0] != '\0')
		set_detail(out, "%ld %s%s", answer->status, words, extra);
	else if (is_html(answer))
		set_detail(out, "%ld (an HTML page)%s", answer->status, extra);
	else
		set_detail(out, "%ld%s", answer->status, extra);
	free(words);
}

static void
classify_failure(const struct net_answer *answer, struct observation *out)
{
	char *error;

	switch (answer->failure) {
	case NET_RESOLVE:
	case NET_CONNECT:
	case NET_BROKEN:
		unknown(out, CAUSE_NETWORK);
		break;
	case NET_TIMEOUT:
		unknown(out, CAUSE_TIMEOUT);
		break;
	case NET_TLS:
		unknown(out, CAUSE_TLS);
		break;
	case NET_TOO_LARGE:
		unknown(out, CAUSE_TOO_LARGE);
		break;
	default:
		unknown(out, CAUSE_UNEXPECTED);
		break;
	}
	error = net_text_line(answer->error,
	    answer->error != NULL ? strlen(answer->error) : 0);
	set_detail(out, "%s: %s", net_failure_name(answer->failure),
	    error != NULL && error[0] != '\0' ? error : "no detail");
	free(error);
}

static bool
mentions_client_id(const struct net_answer *answer)
{
	static const char *const words[] = {
		"clientid", "client id", "client_id", "client-id",
	};
	size_t len = answer->body_len < ANSWER_SCAN_MAX ?
	    answer->body_len : ANSWER_SCAN_MAX, i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (net_text_mentions(answer->body, len, words[i]))
			return true;
	}
	return false;
}

/* The value at a "a/b" path of a record, or NULL. */
static const cJSON *
at_path(const cJSON *record, const char *path)
{
	char segment[ANSWER_PATH_MAX];
	const cJSON *item = record;
	size_t n;

	while (item != NULL && *path != '\0') {
		n = strcspn(path, "/");
		if (n >= sizeof segment || !cJSON_IsObject(item))
			return NULL;
		memcpy(segment, path, n);
		segment[n] = '\0';
		item = cJSON_GetObjectItemCaseSensitive(item, segment);
		path += n;
		if (*path == '/')
			path++;
	}
	return item;
}

static bool
foreign(const cJSON *record, const struct rule_probe *probe,
    const char *member)
{
	const cJSON *owner;

	if (probe == NULL || probe->owner_field == NULL || member == NULL)
		return false;
	owner = at_path(record, probe->owner_field);
	return cJSON_IsString(owner) && owner->valuestring[0] != '\0' &&
	    strcasecmp(owner->valuestring, member) != 0;
}

static long
record_id(const cJSON *record)
{
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(record, "id");

	if (!cJSON_IsNumber(id) || id->valuedouble < 0 ||
	    id->valuedouble > ANSWER_COUNT_MAX ||
	    id->valuedouble != (double)(long)id->valuedouble)
		return -1;
	return (long)id->valuedouble;
}

static void
read_list(const cJSON *json, const struct rule_probe *probe,
    const char *member, struct observation *out)
{
	const cJSON *record;
	size_t count = 0;

	if (!cJSON_IsArray(json)) {
		unknown(out, CAUSE_BAD_ANSWER);
		set_detail(out, "200 but not a list");
		return;
	}
	cJSON_ArrayForEach(record, json) {
		if (!cJSON_IsObject(record)) {
			unknown(out, CAUSE_BAD_ANSWER);
			set_detail(out, "200 but a list of non-records");
			out->foreign_owner = false;
			return;
		}
		if (count++ == 0)
			out->first_id = record_id(record);
		if (foreign(record, probe, member))
			out->foreign_owner = true;
	}
	out->records = count;
	out->outcome = count > 0 ? OUTCOME_RECORDS : OUTCOME_EMPTY;
	set_detail(out, "200 with %zu record%s", count, count == 1 ? "" : "s");
}

static void
read_object(const cJSON *json, const struct rule_probe *probe,
    const char *member, struct observation *out)
{
	if (cJSON_IsNull(json)) {
		out->outcome = OUTCOME_EMPTY;
		set_detail(out, "200 with null");
		return;
	}
	if (!cJSON_IsObject(json)) {
		unknown(out, CAUSE_BAD_ANSWER);
		set_detail(out, "200 but not an object");
		return;
	}
	out->outcome = OUTCOME_RECORDS;
	out->records = 1;
	out->first_id = record_id(json);
	out->foreign_owner = foreign(json, probe, member);
	set_detail(out, "200 with an object");
}

static void
read_count(const cJSON *json, struct observation *out)
{
	const cJSON *count = cJSON_IsObject(json) ?
	    cJSON_GetObjectItemCaseSensitive(json, "count") : NULL;

	if (!cJSON_IsNumber(count) || count->valuedouble < 0 ||
	    count->valuedouble > ANSWER_COUNT_MAX ||
	    count->valuedouble != (double)(size_t)count->valuedouble) {
		unknown(out, CAUSE_BAD_ANSWER);
		set_detail(out, "200 but not a count");
		return;
	}
	out->records = (size_t)count->valuedouble;
	out->outcome = out->records > 0 ? OUTCOME_RECORDS : OUTCOME_EMPTY;
	set_detail(out, "200 with a count of %zu", out->records);
}

static void
classify_ok(const struct net_answer *answer, const struct rule_probe *probe,
    const char *member, struct observation *out)
{
	enum probe_expect expect = probe != NULL ? probe->expect :
	    EXPECT_OBJECT;
	cJSON *json;

	if (!json_type(answer->content_type) || is_html(answer)) {
		unknown(out, CAUSE_BAD_ANSWER);
		status_detail(out, answer, ", not JSON");
		return;
	}
	json = answer_json(answer);
	if (json == NULL) {
		unknown(out, CAUSE_BAD_ANSWER);
		set_detail(out, "200 but the body is not JSON");
		return;
	}
	if (expect == EXPECT_LIST)
		read_list(json, probe, member, out);
	else if (expect == EXPECT_COUNT)
		read_count(json, out);
	else
		read_object(json, probe, member, out);
	cJSON_Delete(json);
}

static void
classify_forbidden(const struct net_answer *answer, struct observation *out)
{
	if (!answer->cdn && answer_error_code(answer, "Security")) {
		out->outcome = OUTCOME_DENIED;
		status_detail(out, answer, "");
		return;
	}
	if (answer->cdn || is_html(answer) || !is_json(answer)) {
		unknown(out, CAUSE_EDGE_BLOCK);
		status_detail(out, answer, ", not from ConnectWise");
		return;
	}
	unknown(out, CAUSE_UNEXPECTED);
	status_detail(out, answer, "");
}

/* Scheme and host of a Location, never its path or query. */
static void
redirect_detail(const struct net_answer *answer, struct observation *out)
{
	const char *loc = answer->location, *sep, *host;
	size_t scheme_len, host_len;
	char *where;

	if (loc == NULL) {
		set_detail(out, "%ld redirect without a Location, not followed",
		    answer->status);
		return;
	}
	sep = strstr(loc, "://");
	scheme_len = sep != NULL ? (size_t)(sep - loc) : 0;
	if (sep == NULL || scheme_len == 0 || scheme_len > 16 ||
	    strspn(loc, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-") != scheme_len) {
		set_detail(out, "%ld redirect on the same server, not followed",
		    answer->status);
		return;
	}
	host = net_text_host(sep + 3, &host_len);
	where = net_text_line(host, host_len);
	set_detail(out, "%ld redirect to %.*s://%s, not followed%s",
	    answer->status, (int)scheme_len, loc,
	    where != NULL ? where : "?",
	    strncasecmp(loc, "http:", 5) == 0 ?
	    " (plain http: no credentials go there)" : "");
	free(where);
}

static void
classify_status(const struct net_answer *answer, struct observation *out)
{
	long status = answer->status;

	if (status >= 300 && status <= 399) {
		unknown(out, CAUSE_REDIRECT);
		redirect_detail(answer, out);
	} else if (status == 401 || (status == 400 &&
	    mentions_client_id(answer))) {
		unknown(out, mentions_client_id(answer) ? CAUSE_CLIENT_ID :
		    CAUSE_AUTH);
		status_detail(out, answer, "");
	} else if (status == 403) {
		classify_forbidden(answer, out);
	} else if (status == 404) {
		unknown(out, CAUSE_NOT_FOUND);
		status_detail(out, answer, "");
	} else if (status == 429) {
		unknown(out, CAUSE_RATE_LIMITED);
		status_detail(out, answer, answer->gave_up_429 ?
		    ", retries ran out" : "");
	} else if (status >= 500 && status <= 599) {
		unknown(out, CAUSE_SERVER_ERROR);
		status_detail(out, answer, "");
	} else {
		unknown(out, CAUSE_UNEXPECTED);
		status_detail(out, answer, "");
	}
}

void
answer_classify(const struct net_answer *answer,
    const struct rule_probe *probe, const char *member,
    struct observation *out)
{
	memset(out, 0, sizeof *out);
	out->outcome = OUTCOME_UNKNOWN;
	out->cause = CAUSE_NONE;
	out->status = answer->status;
	out->first_id = -1;

	if (answer->failure != NET_OK)
		classify_failure(answer, out);
	else if (answer->status == 200)
		classify_ok(answer, probe, member, out);
	else
		classify_status(answer, out);
}

/* Declared in net.h; kept with the other names so that a stand-in for
 * net.c (tests/fuzz/script_net.c) need not repeat it. */
const char *
net_failure_name(enum net_failure failure)
{
	switch (failure) {
	case NET_OK:
		return "ok";
	case NET_RESOLVE:
		return "resolve";
	case NET_CONNECT:
		return "connect";
	case NET_TLS:
		return "tls";
	case NET_TIMEOUT:
		return "timeout";
	case NET_TOO_LARGE:
		return "too-large";
	case NET_BROKEN:
		return "broken";
	case NET_INTERNAL:
		return "internal";
	}
	return "?";
}
