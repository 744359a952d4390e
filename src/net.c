/*
 * net.c: read-only HTTP over libcurl's multi interface.
 *
 * A request is a struct transfer.  It waits in a queue until a slot is
 * free, its own backoff has passed and no 429 pause is running; then it
 * gets a fresh easy handle (attached with CURLOPT_PRIVATE) in the one
 * multi handle, whose connection cache keeps connections open between
 * transfers.  When curl reports it done, the transfer is either queued
 * again (429, 5xx, broken connection) or handed to its done callback and
 * freed.  Every option that could widen what is sent (method, protocol,
 * redirects) is set to its narrowest value on every handle.
 */
#include "net.h"

#include <curl/curl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "net_transfer.h"

#define NET_JOBS_MAX		64
#define NET_RETRIES_MAX		10
#define NET_BACKOFF_MAX_MS	30000L
#define NET_POLL_MAX_MS		1000L

struct net {
	struct net_config config;
	char *user;
	char *secret;
	char *client_id;
	char *cacert;
	char *accept;
	CURLM *multi;
	struct curl_slist *auth_headers;
	struct curl_slist *plain_headers;
	struct transfer *queue_head;	/* waiting to start */
	struct transfer *queue_tail;
	struct transfer *active;	/* in the multi handle */
	size_t running;
	long pause_until_ms;		/* 429: nothing new starts before */
	bool in_done;			/* a done callback is running */
	size_t done;
	size_t total;
	struct net_stats stats;
};

long
net_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

void
net_config_defaults(struct net_config *config)
{
	memset(config, 0, sizeof *config);
	config->jobs = 12;
	config->connect_timeout_ms = 10000;
	config->timeout_ms = 60000;
	config->max_retries = 3;
	config->retry_base_ms = 500;
	config->max_retry_after_s = 60;
	config->max_body = 8u * 1024 * 1024;
}

/* A value that goes into a header or the credentials: no control
 * characters, so that nothing can be injected into the request. */
static bool
header_safe(const char *value)
{
	const unsigned char *p;

	if (value == NULL)
		return true;
	for (p = (const unsigned char *)value; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return false;
	}
	return true;
}

static bool
copy_string(char **out, const char *value)
{
	*out = NULL;
	if (value == NULL)
		return true;
	*out = strdup(value);
	return *out != NULL;
}

static void
clamp_config(struct net_config *c)
{
	if (c->jobs < 1)
		c->jobs = 1;
	if (c->jobs > NET_JOBS_MAX)
		c->jobs = NET_JOBS_MAX;
	if (c->max_retries < 0)
		c->max_retries = 0;
	if (c->max_retries > NET_RETRIES_MAX)
		c->max_retries = NET_RETRIES_MAX;
	if (c->retry_base_ms < 0)
		c->retry_base_ms = 0;
	if (c->max_retry_after_s < 0)
		c->max_retry_after_s = 0;
	if (c->connect_timeout_ms <= 0)
		c->connect_timeout_ms = 10000;
	if (c->timeout_ms <= 0)
		c->timeout_ms = 60000;
	if (c->max_body == 0 || c->max_body > SIZE_MAX / 2)
		c->max_body = 8u * 1024 * 1024;
}

static struct curl_slist *
add_header(struct curl_slist *list, const char *name, const char *value,
    bool *ok)
{
	struct curl_slist *grown;
	char line[1024];
	int n;

	if (!*ok || value == NULL)
		return list;
	n = snprintf(line, sizeof line, "%s: %s", name, value);
	if (n < 0 || (size_t)n >= sizeof line) {
		*ok = false;
		return list;
	}
	grown = curl_slist_append(list, line);
	if (grown == NULL)
		*ok = false;
	return grown != NULL ? grown : list;
}

static bool
build_headers(struct net *net)
{
	bool ok = true;

	net->auth_headers = add_header(net->auth_headers, "clientId",
	    net->client_id, &ok);
	net->auth_headers = add_header(net->auth_headers, "Accept",
	    net->accept, &ok);
	net->plain_headers = add_header(net->plain_headers, "Accept",
	    net->accept, &ok);
	return ok;
}

static bool
copy_config(struct net *net, const struct net_config *config)
{
	net->config = *config;
	clamp_config(&net->config);
	if (!copy_string(&net->user, config->user) ||
	    !copy_string(&net->secret, config->secret) ||
	    !copy_string(&net->client_id, config->client_id) ||
	    !copy_string(&net->cacert, config->cacert) ||
	    !copy_string(&net->accept, config->accept))
		return false;
	net->config.user = net->user;
	net->config.secret = net->secret;
	net->config.client_id = net->client_id;
	net->config.cacert = net->cacert;
	net->config.accept = net->accept;
	return true;
}

struct net *
net_new(const struct net_config *config)
{
	struct net *net;

	if (!header_safe(config->user) || !header_safe(config->secret) ||
	    !header_safe(config->client_id) || !header_safe(config->accept) ||
	    !header_safe(config->cacert))
		return NULL;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return NULL;
	net = calloc(1, sizeof *net);
	if (net == NULL)
		return NULL;

	if (!copy_config(net, config) || !build_headers(net))
		goto fail;
	net->multi = curl_multi_init();
	if (net->multi == NULL)
		goto fail;
	curl_multi_setopt(net->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
	    (long)net->config.jobs);
	return net;

fail:
	net_free(net);
	return NULL;
}

static void
free_secret(char *secret)
{
	if (secret == NULL)
		return;
	explicit_bzero(secret, strlen(secret));
	free(secret);
}

void
net_free(struct net *net)
{
	struct transfer *t, *next;

	if (net == NULL)
		return;
	for (t = net->queue_head; t != NULL; t = next) {
		next = t->next;
		transfer_free(t);
	}
	for (t = net->active; t != NULL; t = next) {
		next = t->next;
		curl_multi_remove_handle(net->multi, t->easy);
		transfer_free(t);
	}
	if (net->multi != NULL)
		curl_multi_cleanup(net->multi);
	curl_slist_free_all(net->auth_headers);
	curl_slist_free_all(net->plain_headers);
	free(net->user);
	free_secret(net->secret);
	free(net->client_id);
	free(net->cacert);
	free(net->accept);
	free(net);
	curl_global_cleanup();
}

static void
enqueue(struct net *net, struct transfer *t)
{
	t->next = NULL;
	if (net->queue_tail != NULL)
		net->queue_tail->next = t;
	else
		net->queue_head = t;
	net->queue_tail = t;
}

/* A request queued from a done callback follows from an answer: it goes
 * first, so that a chain of dependent requests is not held behind
 * independent ones and an audit costs about its longest chain. */
static void
push_front(struct net *net, struct transfer *t)
{
	t->next = net->queue_head;
	net->queue_head = t;
	if (net->queue_tail == NULL)
		net->queue_tail = t;
}

int
net_get(struct net *net, const char *url, bool with_auth,
    net_done_fn done, void *user)
{
	struct transfer *t;

	t = transfer_new(url, with_auth, done, user);
	if (t == NULL)
		return -1;
	t->max_body = net->config.max_body;
	if (net->in_done)
		push_front(net, t);
	else
		enqueue(net, t);
	net->total++;
	return 0;
}

void
net_stats(const struct net *net, struct net_stats *out)
{
	*out = net->stats;
}

/* Options common to every handle.  A failed setopt means a curl built
 * without what we rely on: refuse rather than run looser. */
static bool
set_fixed_options(CURL *easy, const struct net_config *c)
{
	bool ok = true;

	ok &= curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L) == CURLE_OK;
#if LIBCURL_VERSION_NUM >= 0x075500
	ok &= curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "https") ==
	    CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "https") ==
	    CURLE_OK;
#else
	ok &= curl_easy_setopt(easy, CURLOPT_PROTOCOLS,
	    (long)CURLPROTO_HTTPS) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS,
	    (long)CURLPROTO_HTTPS) == CURLE_OK;
#endif
	ok &= curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_VERBOSE, 0L) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_USERAGENT, "roleaudit") ==
	    CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
	    c->connect_timeout_ms) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, c->timeout_ms) ==
	    CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)c->max_body) == CURLE_OK;
	if (c->cacert != NULL)
		ok &= curl_easy_setopt(easy, CURLOPT_CAINFO, c->cacert) ==
		    CURLE_OK;
	return ok;
}

static bool
set_auth_options(CURL *easy, const struct net *net, bool with_auth)
{
	bool ok = true;

	if (!with_auth || net->user == NULL)
		return curl_easy_setopt(easy, CURLOPT_HTTPHEADER,
		    net->plain_headers) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_HTTPAUTH,
	    (long)CURLAUTH_BASIC) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_USERNAME, net->user) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_PASSWORD,
	    net->secret != NULL ? net->secret : "") == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_HTTPHEADER, net->auth_headers) ==
	    CURLE_OK;
	return ok;
}

static CURL *
make_handle(struct net *net, struct transfer *t)
{
	CURL *easy = curl_easy_init();
	bool ok = true;

	if (easy == NULL)
		return NULL;
	ok &= set_fixed_options(easy, &net->config);
	ok &= set_auth_options(easy, net, t->with_auth);
	ok &= curl_easy_setopt(easy, CURLOPT_URL, t->url) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_PRIVATE, t) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, t->error) ==
	    CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, transfer_body) ==
	    CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_WRITEDATA, t) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION,
	    transfer_header) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_HEADERDATA, t) == CURLE_OK;
	if (!ok) {
		curl_easy_cleanup(easy);
		return NULL;
	}
	return easy;
}

/* Hand a transfer its final answer and free it. */
static void
finish(struct net *net, struct transfer *t)
{
	struct net_answer answer;

	transfer_answer(t, &answer);
	net->done++;
	net->in_done = true;
	if (t->done != NULL)
		t->done(&answer, t->user);
	net->in_done = false;
	transfer_free(t);
}

static void
fail_now(struct net *net, struct transfer *t, const char *why)
{
	transfer_fail(t, NET_INTERNAL, why);
	finish(net, t);
}

static void
start(struct net *net, struct transfer *t)
{
	transfer_reset(t);
	t->easy = make_handle(net, t);
	if (t->easy == NULL) {
		fail_now(net, t, "cannot set up a curl handle");
		return;
	}
	if (curl_multi_add_handle(net->multi, t->easy) != CURLM_OK) {
		fail_now(net, t, "cannot add a curl handle");
		return;
	}
	t->attempts++;
	t->next = net->active;
	net->active = t;
	net->running++;
	net->stats.requests++;
	if (net->running > net->stats.peak_parallel)
		net->stats.peak_parallel = net->running;
}

/* Unlink and return the first queued transfer that may start now. */
static struct transfer *
take_ready(struct net *net, long now)
{
	struct transfer *t, *prev = NULL;

	for (t = net->queue_head; t != NULL; prev = t, t = t->next) {
		if (t->not_before_ms > now)
			continue;
		if (prev != NULL)
			prev->next = t->next;
		else
			net->queue_head = t->next;
		if (net->queue_tail == t)
			net->queue_tail = prev;
		t->next = NULL;
		return t;
	}
	return NULL;
}

static void
start_ready(struct net *net)
{
	long now = net_now_ms();
	struct transfer *t;
	size_t cap = (size_t)net->config.jobs;
	size_t bound = net->total + 1;

	if (now < net->pause_until_ms)
		return;
	while (net->running < cap && bound-- > 0) {
		t = take_ready(net, now);
		if (t == NULL)
			break;
		start(net, t);
	}
}

/* How long the poll may sleep: until the next queued transfer may start,
 * at most NET_POLL_MAX_MS.  Curl shortens it for its own timers. */
static int
poll_timeout(const struct net *net)
{
	const struct transfer *t;
	long now = net_now_ms(), wait = NET_POLL_MAX_MS, until;

	if (net->running >= (size_t)net->config.jobs)
		return (int)wait;
	for (t = net->queue_head; t != NULL; t = t->next) {
		until = t->not_before_ms;
		if (until < net->pause_until_ms)
			until = net->pause_until_ms;
		if (until - now < wait)
			wait = until - now;
	}
	return wait < 0 ? 0 : (int)wait;
}

static long
backoff_ms(const struct net *net, int attempts)
{
	long wait = net->config.retry_base_ms;
	int i;

	for (i = 1; i < attempts && wait < NET_BACKOFF_MAX_MS; i++)
		wait *= 2;
	return wait < NET_BACKOFF_MAX_MS ? wait : NET_BACKOFF_MAX_MS;
}

/* A 429: true when it is worth asking again, after the pause set here. */
static bool
plan_429(struct net *net, struct transfer *t, long now)
{
	long wait_s = net_retry_after_s(t->retry_after, time(NULL));

	if (wait_s > net->config.max_retry_after_s ||
	    t->attempts > net->config.max_retries) {
		t->gave_up_429 = true;
		return false;
	}
	t->not_before_ms = now + wait_s * 1000L;
	if (t->not_before_ms > net->pause_until_ms)
		net->pause_until_ms = t->not_before_ms;
	return true;
}

static bool
plan_retry(struct net *net, struct transfer *t)
{
	long now = net_now_ms();

	if (t->failure == NET_OK && t->status == 429)
		return plan_429(net, t, now);
	if (t->attempts > net->config.max_retries)
		return false;
	if ((t->failure == NET_OK && t->status >= 500 && t->status <= 599) ||
	    t->failure == NET_BROKEN) {
		t->not_before_ms = now + backoff_ms(net, t->attempts);
		return true;
	}
	return false;
}

/* Take a finished transfer out of the multi and the active list. */
static void
deactivate(struct net *net, struct transfer *t)
{
	struct transfer **link;

	for (link = &net->active; *link != NULL; link = &(*link)->next) {
		if (*link == t) {
			*link = t->next;
			break;
		}
	}
	t->next = NULL;
	curl_multi_remove_handle(net->multi, t->easy);
	net->running--;
}

static void
complete(struct net *net, CURL *easy, CURLcode result)
{
	struct transfer *t = NULL;

	curl_easy_getinfo(easy, CURLINFO_PRIVATE, (char **)&t);
	if (t == NULL)
		return;
	deactivate(net, t);
	transfer_settle(t, result);
	if (plan_retry(net, t)) {
		net->stats.retries++;
		enqueue(net, t);
		return;
	}
	finish(net, t);
}

static void
drain(struct net *net,
    void (*progress)(size_t done, size_t total, void *user), void *user)
{
	CURLMsg *msg;
	int left;

	for (;;) {
		msg = curl_multi_info_read(net->multi, &left);
		if (msg == NULL)
			break;
		if (msg->msg != CURLMSG_DONE)
			continue;
		complete(net, msg->easy_handle, msg->data.result);
		if (progress != NULL)
			progress(net->done, net->total, user);
	}
}

/* After a multi failure: every transfer, running or queued, ends with
 * an internal failure so that each callback still runs once. */
static void
abandon(struct net *net)
{
	struct transfer *t;

	while (net->active != NULL) {
		t = net->active;
		deactivate(net, t);
		fail_now(net, t, "curl multi failure");
	}
	for (;;) {
		t = take_ready(net, LONG_MAX);
		if (t == NULL)
			break;
		fail_now(net, t, "curl multi failure");
	}
}

int
net_run(struct net *net,
    void (*progress)(size_t done, size_t total, void *user), void *user)
{
	int still = 0;

	while (net->running > 0 || net->queue_head != NULL) {
		start_ready(net);
		if (curl_multi_perform(net->multi, &still) != CURLM_OK)
			goto fail;
		drain(net, progress, user);
		if (net->running == 0 && net->queue_head == NULL)
			break;
		if (curl_multi_poll(net->multi, NULL, 0, poll_timeout(net),
		    NULL) != CURLM_OK)
			goto fail;
	}
	return 0;

fail:
	abandon(net);
	return -1;
}
