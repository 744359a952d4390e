/*
 * script_net.c: net.h answered from a script (see script_net.h).
 *
 * Requests are answered in the order they were queued, one at a time;
 * a done callback may queue more.  The number of requests per run is
 * capped so that a script cannot make an audit page forever.
 */
#include "script_net.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "net.h"

#define MAX_ANSWERS 256
#define MAX_REQUESTS 4096
#define SEPARATOR "\n===\n"

struct scripted {
	char path[256];
	long status;
	enum net_failure failure;
	const char *type;
	bool cdn, next, location;
	const char *body;
	size_t body_len;
};

struct request {
	char *url;
	bool with_auth;
	net_done_fn done;
	void *user;
};

struct net {
	struct net_config config;
	struct request *queue;
	size_t head, count, cap;
	struct net_stats stats;
};

static struct scripted answers[MAX_ANSWERS];
static size_t answer_count;
static size_t requests_seen;

static const struct {
	const char *name;
	enum net_failure failure;
} failures[] = {
	{ "resolve", NET_RESOLVE }, { "connect", NET_CONNECT },
	{ "tls", NET_TLS }, { "timeout", NET_TIMEOUT },
	{ "large", NET_TOO_LARGE }, { "broken", NET_BROKEN },
};

static const struct {
	const char *name;
	const char *type;
} types[] = {
	{ "json", "application/json; charset=utf-8" },
	{ "html", "text/html; charset=utf-8" },
	{ "text", "text/plain" },
	{ "none", NULL },
};

static void
read_status(struct scripted *a, const char *word)
{
	size_t i;

	a->status = strtol(word, NULL, 10);
	for (i = 0; i < sizeof failures / sizeof failures[0]; i++)
		if (strcmp(word, failures[i].name) == 0) {
			a->failure = failures[i].failure;
			a->status = 0;
		}
}

static void
read_type(struct scripted *a, const char *word)
{
	size_t i;

	a->type = types[0].type;
	for (i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strcmp(word, types[i].name) == 0)
			a->type = types[i].type;
}

/* Parse "STATUS TYPE PATH [FLAGS]" from a line of len bytes. */
static void
read_head(struct scripted *a, const char *line, size_t len)
{
	char copy[512], status[32] = "", type[32] = "", flags[32] = "";
	int n;

	if (len >= sizeof copy)
		len = sizeof copy - 1;
	memcpy(copy, line, len);
	copy[len] = '\0';
	n = sscanf(copy, "%31s %31s %255s %31s", status, type, a->path,
	    flags);
	if (n < 3)
		a->path[0] = '\0';
	read_status(a, status);
	read_type(a, type);
	a->cdn = strchr(flags, 'c') != NULL;
	a->next = strchr(flags, 'n') != NULL;
	a->location = strchr(flags, 'l') != NULL;
}

static void
read_answer(const char *text, size_t len)
{
	struct scripted *a = &answers[answer_count++];
	const char *eol = memchr(text, '\n', len);
	size_t head = eol != NULL ? (size_t)(eol - text) : len;

	memset(a, 0, sizeof *a);
	read_head(a, text, head);
	a->body = eol != NULL ? eol + 1 : text + len;
	a->body_len = eol != NULL ? len - head - 1 : 0;
}

static const char *
find_separator(const char *text, size_t len)
{
	size_t n = strlen(SEPARATOR), i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(text + i, SEPARATOR, n) == 0)
			return text + i;
	return NULL;
}

int
fuzz_net_script(const char *text, size_t len)
{
	const char *end = text + len, *sep;

	answer_count = 0;
	requests_seen = 0;
	while (text < end && answer_count < MAX_ANSWERS) {
		sep = find_separator(text, (size_t)(end - text));
		if (sep == NULL)
			sep = end;
		read_answer(text, (size_t)(sep - text));
		text = sep == end ? end : sep + strlen(SEPARATOR);
	}
	return 0;
}

void
fuzz_net_clear(void)
{
	answer_count = 0;
}

size_t
fuzz_net_requests(void)
{
	return requests_seen;
}

void
net_config_defaults(struct net_config *config)
{
	memset(config, 0, sizeof *config);
	config->jobs = 4;
	config->connect_timeout_ms = 1000;
	config->timeout_ms = 1000;
	config->max_retries = 0;
	config->max_body = 1 << 20;
}

struct net *
net_new(const struct net_config *config)
{
	struct net *net;

	if (config->user == NULL || config->secret == NULL)
		abort();
	net = calloc(1, sizeof *net);
	if (net == NULL)
		return NULL;
	net->config = *config;
	return net;
}

void
net_free(struct net *net)
{
	size_t i;

	if (net == NULL)
		return;
	for (i = net->head; i < net->count; i++)
		free(net->queue[i].url);
	free(net->queue);
	free(net);
}

/* Authenticated requests go to the tenant only, as https, with no
 * userinfo and nothing that could split a header or a request line. */
static void
check_url(const char *url, bool with_auth)
{
	const char *host = url + strlen("https://");
	size_t n = strlen(FUZZ_HOST), i;

	if (strncmp(url, "https://", 8) != 0)
		abort();
	for (i = 0; url[i] != '\0'; i++)
		if ((unsigned char)url[i] <= 0x20 || url[i] == 0x7f)
			abort();
	if (!with_auth)
		return;
	if (strncasecmp(host, "api-", 4) == 0)
		host += 4;
	if (strncasecmp(host, FUZZ_HOST, n) != 0 ||
	    (host[n] != '/' && host[n] != ':'))
		abort();
}

int
net_get(struct net *net, const char *url, bool with_auth, net_done_fn done,
    void *user)
{
	struct request *grown;

	check_url(url, with_auth);
	if (net->count >= MAX_REQUESTS)
		return -1;
	if (net->count == net->cap) {
		grown = realloc(net->queue, (net->cap * 2 + 8) *
		    sizeof *grown);
		if (grown == NULL)
			return -1;
		net->queue = grown;
		net->cap = net->cap * 2 + 8;
	}
	net->queue[net->count].url = strdup(url);
	if (net->queue[net->count].url == NULL)
		return -1;
	net->queue[net->count].with_auth = with_auth;
	net->queue[net->count].done = done;
	net->queue[net->count].user = user;
	net->count++;
	return 0;
}

static const struct scripted *
match(const char *url)
{
	const struct scripted *best = NULL;
	size_t i, best_len = 0;

	for (i = 0; i < answer_count; i++) {
		size_t n = strlen(answers[i].path);

		if (n > best_len && strstr(url, answers[i].path) != NULL) {
			best = &answers[i];
			best_len = n;
		}
	}
	return best;
}

static const char not_found_body[] =
    "{\"code\":\"NotFound\",\"message\":\"not scripted\",\"errors\":null}";

static const struct scripted not_found = {
	.status = 404,
	.type = "application/json; charset=utf-8",
	.body = not_found_body,
	.body_len = sizeof not_found_body - 1,
};

/* The answer's body must be NUL-terminated, and may hold NULs. */
static void
answer_from(const struct scripted *s, const char *url, char *body,
    struct net_answer *out)
{
	memcpy(body, s->body, s->body_len);
	body[s->body_len] = '\0';
	memset(out, 0, sizeof *out);
	out->url = url;
	out->failure = s->failure;
	out->error = s->failure != NET_OK ? "scripted failure" : NULL;
	out->status = s->status;
	out->content_type = s->type;
	out->retry_after = s->status == 429 ? "1" : NULL;
	out->location = s->location ? "https://evil.invalid/x?k=1" : NULL;
	out->via = s->cdn ? "1.1 abc.cloudfront.net (CloudFront)" : NULL;
	out->cdn = s->cdn;
	out->link = s->next ?
	    "<https://evil.invalid/next?page=2>; rel=\"next\"" : NULL;
	out->body = body;
	out->body_len = s->body_len;
	out->attempts = 1;
	out->gave_up_429 = s->status == 429;
	out->seconds = 0.001;
}

static void
answer_one(struct net *net, struct request *req)
{
	const struct scripted *s = match(req->url);
	struct net_answer answer;
	char *body;

	if (s == NULL)
		s = &not_found;
	body = malloc(s->body_len + 1);
	if (body == NULL)
		abort();
	answer_from(s, req->url, body, &answer);
	net->stats.requests++;
	requests_seen++;
	req->done(&answer, req->user);
	free(body);
}

int
net_run(struct net *net, void (*progress)(size_t, size_t, void *),
    void *user)
{
	struct request req;

	while (net->head < net->count) {
		req = net->queue[net->head++];
		answer_one(net, &req);
		free(req.url);
		if (progress != NULL)
			progress(net->head, net->count, user);
	}
	net->stats.peak_parallel = 1;
	return 0;
}

void
net_stats(const struct net *net, struct net_stats *out)
{
	*out = net->stats;
}

