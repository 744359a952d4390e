/*
 * testsrv.h: a tiny HTTPS server on 127.0.0.1 for check_net.
 *
 * It runs in a thread of the test process (libmicrohttpd, one thread per
 * connection) and answers a few fixed paths, each acting out one thing a
 * real server does: a JSON list, a redirect, a slow answer, 429s, 500s,
 * a huge body, a stall.  It counts what it saw so that tests can assert
 * on the requests themselves.  Every wait inside it ends when the server
 * stops, and after TESTSRV_WAIT_MAX_MS at the latest.
 *
 * Paths:
 *   /json      200 [{"id":7,...}]
 *   /redirect  302 to /target on the same server (a query attached)
 *   /target    200 []; counted in target_hits
 *   /slow      200 [] after 300 ms; counted in active / max_active
 *   /limited   429 with the configured Retry-After while limited_left > 0,
 *              then 200 []
 *   /fail      500 always
 *   /big       200 with 1 MiB of body, chunked (no length)
 *   /biglen    200 with 1 MiB of body and a Content-Length
 *   /stall     nothing for TESTSRV_WAIT_MAX_MS, then 200
 *   /drop      closes the connection without an answer; drop_hits
 *   /cdn       403 HTML page with CloudFront's headers
 *   /longhdr   200 with one header line of 10000 bytes
 *   other      404 {"code":"NotFound",...}
 *
 * Ownership: testsrv_start returns a server freed by testsrv_stop.
 */
#ifndef RA_TESTSRV_H
#define RA_TESTSRV_H

#include <stdbool.h>

#define TESTSRV_WAIT_MAX_MS	5000
#define TESTSRV_BIG		(1024 * 1024)

struct testsrv;

struct testsrv_counts {
	int requests;
	int non_get;		/* requests with any method but GET */
	int with_auth;		/* carried an Authorization header */
	int with_client_id;	/* carried a clientId header */
	int target_hits;
	int fail_hits;
	int limited_hits;
	int drop_hits;
	int connections;	/* TCP connections accepted */
	int max_active;		/* most /slow requests at once */
	char last_auth[256];	/* Authorization of the latest request */
	char last_client_id[128];
	char last_accept[128];
};

/* Start on 127.0.0.1 and a free port, with a PEM certificate and key
 * read from the named files; NULL on failure. */
struct testsrv *testsrv_start(const char *cert_file, const char *key_file);
void testsrv_stop(struct testsrv *srv);
int testsrv_port(const struct testsrv *srv);

/* The next times requests to /limited answer 429 with this Retry-After
 * (copied; NULL: no header). */
void testsrv_limit(struct testsrv *srv, int times, const char *retry_after);

void testsrv_counts(struct testsrv *srv, struct testsrv_counts *out);

#endif
