/*
 * net_transfer.h: one request of net.c and what it gathered (private to
 * net.c and its tests).
 *
 * A transfer owns its URL, the body and captured headers of its latest
 * attempt, and the easy handle while one runs.  The body and header
 * callbacks enforce the caps; transfer_settle reads the result of an
 * attempt; transfer_answer lends it out as a net_answer.
 */
#ifndef RA_NET_TRANSFER_H
#define RA_NET_TRANSFER_H

#include <curl/curl.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "net.h"

#define NET_HEADER_LINE_MAX	8192	/* one header line */
#define NET_HEADERS_MAX		65536	/* all header lines of an attempt */
#define NET_HEADER_VALUE_MAX	1024	/* a captured value */

struct transfer {
	struct transfer *next;	/* in the queue or the active list */
	CURL *easy;		/* while an attempt runs */
	char *url;
	bool with_auth;
	net_done_fn done;
	void *user;
	char error[CURL_ERROR_SIZE];
	size_t max_body;

	/* The latest attempt. */
	char *body;
	size_t body_len;
	size_t body_size;
	bool too_large;		/* a cap stopped the transfer */
	bool out_of_memory;
	size_t header_bytes;
	char *content_type;
	char *retry_after;
	char *location;
	char *via;
	char *server;
	char *link;
	bool cdn;
	long status;
	enum net_failure failure;
	double seconds;

	/* Across attempts. */
	int attempts;
	bool gave_up_429;
	long not_before_ms;	/* monotonic; 0: at once */
};

/* New transfer for url (copied), or NULL when out of memory. */
struct transfer *transfer_new(const char *url, bool with_auth,
    net_done_fn done, void *user);
/* Frees the transfer and its easy handle, which must be out of any
 * multi handle. */
void transfer_free(struct transfer *t);
/* Forget what the previous attempt gathered. */
void transfer_reset(struct transfer *t);
/* Read the result of the attempt that curl finished; frees the easy
 * handle. */
void transfer_settle(struct transfer *t, CURLcode result);
/* Mark the transfer failed without an attempt; why is copied. */
void transfer_fail(struct transfer *t, enum net_failure failure,
    const char *why);
/* The transfer as an answer; borrows from t. */
void transfer_answer(const struct transfer *t, struct net_answer *out);

size_t transfer_body(char *data, size_t size, size_t nmemb, void *userp);
size_t transfer_header(char *data, size_t size, size_t nitems, void *userp);

/* The failure a curl result means; too_large: a cap stopped it. */
enum net_failure net_failure_of(CURLcode result, bool too_large);
/* Seconds a Retry-After value asks to wait (delta-seconds or an HTTP
 * date, compared with now); 1 when missing or unreadable, 0 for a date
 * in the past, LONG_MAX / 1000 at most. */
long net_retry_after_s(const char *value, time_t now);
/* Monotonic milliseconds. */
long net_now_ms(void);

#endif
