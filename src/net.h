/*
 * net.h: read-only HTTP for the audit, over curl's multi interface.
 *
 * Every request is a GET.  There is no way to ask this module for another
 * method.  Requests run in parallel up to a cap; a 429 is retried after
 * the Retry-After it names (and holds back every new request meanwhile),
 * a 5xx or a dropped connection is retried a few times with backoff.
 * Redirects are never followed: a 3xx is handed back as it came, so that
 * credentials can never travel to another host or over plain http.  TLS
 * peer and host verification are always on; a CA file may be added.
 *
 * Ownership: net_new returns a net freed with net_free.  Answers passed to
 * a done callback are borrowed for the length of the call.
 */
#ifndef RA_NET_H
#define RA_NET_H

#include <stdbool.h>
#include <stddef.h>

struct net_config {
	const char *user;	/* "COMPANY+PUBLICKEY"; borrowed */
	const char *secret;	/* the private key; borrowed, never logged */
	const char *client_id;	/* sent as the clientId header */
	const char *cacert;	/* extra CA bundle, or NULL */
	const char *accept;	/* Accept header value, or NULL */
	int jobs;		/* parallel transfers, at least 1 */
	long connect_timeout_ms;
	long timeout_ms;	/* whole transfer */
	int max_retries;	/* for 429, 5xx and transient failures */
	long retry_base_ms;	/* first 5xx backoff; doubles each time */
	long max_retry_after_s;	/* a longer Retry-After is not waited for */
	size_t max_body;	/* larger answers fail with NET_TOO_LARGE */
};

/* What went wrong below HTTP, if anything. */
enum net_failure {
	NET_OK = 0,		/* an HTTP answer arrived (any status) */
	NET_RESOLVE,		/* the name does not resolve */
	NET_CONNECT,		/* refused or unreachable */
	NET_TLS,		/* handshake or certificate failure */
	NET_TIMEOUT,		/* connect, transfer or stall timeout */
	NET_TOO_LARGE,		/* body over max_body */
	NET_BROKEN,		/* reset, truncated, protocol error */
	NET_INTERNAL		/* out of memory, curl misuse */
};

struct net_answer {
	const char *url;	/* as requested */
	enum net_failure failure;
	const char *error;	/* curl's message when failure != NET_OK */
	long status;		/* HTTP status, 0 when none */
	const char *content_type;	/* or NULL */
	const char *retry_after;	/* or NULL */
	const char *location;		/* or NULL */
	const char *via;		/* Via header, or NULL */
	const char *server;		/* Server header, or NULL */
	bool cdn;		/* a CDN header was present (x-amz-cf-id,
				 * x-cache, Via naming CloudFront) */
	const char *link;	/* Link header, or NULL */
	const char *body;	/* NUL-terminated; may hold other NULs */
	size_t body_len;
	int attempts;		/* 1 when it worked the first time */
	bool gave_up_429;	/* retries ran out on 429 */
	double seconds;		/* wall time of the last attempt */
};

typedef void (*net_done_fn)(const struct net_answer *answer, void *user);

struct net;

/* Defaults for the fields of a config not set by the caller. */
void net_config_defaults(struct net_config *config);

struct net *net_new(const struct net_config *config);
void net_free(struct net *net);

/* Queue a GET of url.  with_auth: send the Basic credentials and the
 * clientId (false for the unauthenticated companyinfo call).  done runs
 * once, from within net_run, when the request has its final answer; it
 * may queue further requests, which then start before those queued
 * earlier.  Returns 0, or -1 when out of memory. */
int net_get(struct net *net, const char *url, bool with_auth,
    net_done_fn done, void *user);

/* Run until every queued request, including those queued by callbacks,
 * is done.  progress, when set, is called after each completion with the
 * counts done and queued so far.  Returns 0, or -1 on an internal error. */
int net_run(struct net *net,
    void (*progress)(size_t done, size_t total, void *user), void *user);

/* Counters for the benchmark and the report. */
struct net_stats {
	size_t requests;	/* transfers started, retries included */
	size_t retries;
	size_t peak_parallel;
};
void net_stats(const struct net *net, struct net_stats *out);

/* A short, static name for a failure: "resolve", "connect", "tls", ... */
const char *net_failure_name(enum net_failure failure);

#endif
