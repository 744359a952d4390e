/*
 * check_net.c: the HTTP engine against the loopback test server, over
 * HTTPS with throwaway certificates made by mkcert-test.sh: only GET,
 * credentials only when asked, redirects never followed, the parallel
 * cap, 429 and 5xx retries, the body cap, stalls, TLS and connection
 * failures, and callbacks that queue more requests.
 */
#include <arpa/inet.h>
#include <check.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "answer.h"
#include "net.h"
#include "net_transfer.h"
#include "testsrv.h"

#define USER		"acme+pubHorizon0001"
#define SECRET		"privSECRET-horizon-7f3a9c"
#define CLIENT_ID	"3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
#define ACCEPT		"application/vnd.connectwise.com+json; version=2025.1"
#define CERTS		RA_TEST_BUILDDIR "/certs/net"

struct seen {
	int calls;
	enum net_failure failure;
	long status;
	int attempts;
	bool gave_up_429;
	size_t body_len;
	char body[256];
	char location[256];
	char via[128];
	char server[64];
	char content_type[64];
	bool cdn;
	long done_ms;
};

static struct testsrv *srv;
static char url[256];

/* Time limits stretched by RA_TIMEOUT_SCALE, for runs under valgrind,
 * where a TLS handshake alone can take seconds. */
static long
scaled(long ms)
{
	const char *env = getenv("RA_TIMEOUT_SCALE");
	long scale = env != NULL ? strtol(env, NULL, 10) : 1;

	return ms * (scale > 0 && scale <= 100 ? scale : 1);
}

static struct net_config
test_config(void)
{
	struct net_config c;

	net_config_defaults(&c);
	c.user = USER;
	c.secret = SECRET;
	c.client_id = CLIENT_ID;
	c.accept = ACCEPT;
	c.cacert = CERTS "/ca.pem";
	c.jobs = 2;
	c.connect_timeout_ms = scaled(2000);
	c.timeout_ms = scaled(4000);
	c.max_retries = 2;
	c.retry_base_ms = 20;
	return c;
}

static void
start_server(const char *name)
{
	char cert[512], key[512];

	snprintf(cert, sizeof cert, "%s/%s.pem", CERTS, name);
	snprintf(key, sizeof key, "%s/%s.key", CERTS, name);
	srv = testsrv_start(cert, key);
	ck_assert_msg(srv != NULL, "test server did not start");
}

static void
setup(void)
{
	start_server("server");
}

static void
teardown(void)
{
	testsrv_stop(srv);
	srv = NULL;
}

static const char *
at(const char *path)
{
	snprintf(url, sizeof url, "https://127.0.0.1:%d%s", testsrv_port(srv),
	    path);
	return url;
}

static void
record(const struct net_answer *answer, void *user)
{
	struct seen *seen = user;

	seen->calls++;
	seen->failure = answer->failure;
	seen->status = answer->status;
	seen->attempts = answer->attempts;
	seen->gave_up_429 = answer->gave_up_429;
	seen->body_len = answer->body_len;
	snprintf(seen->body, sizeof seen->body, "%s", answer->body);
	snprintf(seen->location, sizeof seen->location, "%s",
	    answer->location != NULL ? answer->location : "");
	snprintf(seen->via, sizeof seen->via, "%s",
	    answer->via != NULL ? answer->via : "");
	snprintf(seen->server, sizeof seen->server, "%s",
	    answer->server != NULL ? answer->server : "");
	snprintf(seen->content_type, sizeof seen->content_type, "%s",
	    answer->content_type != NULL ? answer->content_type : "");
	seen->cdn = answer->cdn;
	seen->done_ms = net_now_ms();
}

/* One GET with config c; the answer lands in *seen. */
static void
fetch(const struct net_config *c, const char *target, bool with_auth,
    struct seen *seen)
{
	struct net *net = net_new(c);

	ck_assert_ptr_nonnull(net);
	memset(seen, 0, sizeof *seen);
	ck_assert_int_eq(net_get(net, target, with_auth, record, seen), 0);
	ck_assert_int_eq(net_run(net, NULL, NULL), 0);
	ck_assert_int_eq(seen->calls, 1);
	net_free(net);
}

static void
base64(const char *in, char *out)
{
	static const char digits[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t len = strlen(in), i, o = 0;
	unsigned long v;

	for (i = 0; i < len; i += 3) {
		v = (unsigned long)(unsigned char)in[i] << 16;
		if (i + 1 < len)
			v |= (unsigned long)(unsigned char)in[i + 1] << 8;
		if (i + 2 < len)
			v |= (unsigned char)in[i + 2];
		out[o++] = digits[(v >> 18) & 63];
		out[o++] = digits[(v >> 12) & 63];
		out[o++] = i + 1 < len ? digits[(v >> 6) & 63] : '=';
		out[o++] = i + 2 < len ? digits[v & 63] : '=';
	}
	out[o] = '\0';
}

START_TEST(credentials_go_only_with_auth_and_only_by_get)
{
	struct net_config c = test_config();
	struct testsrv_counts counts;
	struct seen seen;
	char expected[256] = "Basic ";

	fetch(&c, at("/json"), false, &seen);
	ck_assert_int_eq(seen.status, 200);
	ck_assert_ptr_nonnull(strstr(seen.body, "\"id\":7"));
	testsrv_counts(srv, &counts);
	ck_assert_int_eq(counts.with_auth, 0);
	ck_assert_int_eq(counts.with_client_id, 0);
	ck_assert_str_eq(counts.last_accept, ACCEPT);

	fetch(&c, at("/json"), true, &seen);
	testsrv_counts(srv, &counts);
	base64(USER ":" SECRET, expected + strlen(expected));
	ck_assert_str_eq(counts.last_auth, expected);
	ck_assert_str_eq(counts.last_client_id, CLIENT_ID);
	ck_assert_int_eq(counts.requests, 2);
	ck_assert_int_eq(counts.non_get, 0);
}
END_TEST

START_TEST(header_injection_is_refused)
{
	struct net_config c = test_config();

	c.secret = "x\r\nX-Evil: 1";
	ck_assert_ptr_null(net_new(&c));
	c = test_config();
	c.client_id = "abc\n";
	ck_assert_ptr_null(net_new(&c));
	c = test_config();
	c.user = "acme+pub\x01";
	ck_assert_ptr_null(net_new(&c));
}
END_TEST

START_TEST(redirect_is_handed_back_not_followed)
{
	struct net_config c = test_config();
	struct testsrv_counts counts;
	struct observation obs;
	struct net_answer answer;
	struct seen seen;

	fetch(&c, at("/redirect"), true, &seen);
	ck_assert_int_eq(seen.failure, NET_OK);
	ck_assert_int_eq(seen.status, 302);
	ck_assert_ptr_nonnull(strstr(seen.location, "/target?token=abc"));
	testsrv_counts(srv, &counts);
	ck_assert_int_eq(counts.target_hits, 0);
	ck_assert_int_eq(counts.requests, 1);

	memset(&answer, 0, sizeof answer);
	answer.status = seen.status;
	answer.location = seen.location;
	answer.body = "";
	answer_classify(&answer, NULL, "HorizonAPI", &obs);
	ck_assert_int_eq(obs.cause, CAUSE_REDIRECT);
	ck_assert_ptr_null(strstr(obs.detail, "token"));
	observation_clear(&obs);
}
END_TEST

START_TEST(plain_http_is_never_spoken)
{
	struct net_config c = test_config();
	struct testsrv_counts counts;
	struct seen seen;
	char plain[128];

	snprintf(plain, sizeof plain, "http://127.0.0.1:%d/json",
	    testsrv_port(srv));
	fetch(&c, plain, true, &seen);
	ck_assert_int_ne(seen.failure, NET_OK);
	ck_assert_int_eq(seen.status, 0);
	testsrv_counts(srv, &counts);
	ck_assert_int_eq(counts.requests, 0);
}
END_TEST

START_TEST(parallel_transfers_stay_under_the_cap)
{
	struct net_config c = test_config();
	struct testsrv_counts counts;
	struct net_stats stats;
	struct seen seen[9];
	struct net *net;
	int i;

	c.jobs = 3;
	net = net_new(&c);
	ck_assert_ptr_nonnull(net);
	memset(seen, 0, sizeof seen);
	for (i = 0; i < 9; i++)
		ck_assert_int_eq(net_get(net, at("/slow"), true, record,
		    &seen[i]), 0);
	ck_assert_int_eq(net_run(net, NULL, NULL), 0);
	net_stats(net, &stats);
	net_free(net);

	testsrv_counts(srv, &counts);
	for (i = 0; i < 9; i++)
		ck_assert_int_eq(seen[i].status, 200);
	ck_assert_int_le(counts.max_active, 3);
	ck_assert_int_ge(counts.max_active, 2);
	ck_assert_uint_le(stats.peak_parallel, 3);
	ck_assert_uint_eq(stats.requests, 9);
	ck_assert_uint_eq(stats.retries, 0);
}
END_TEST

START_TEST(retry_after_is_waited_for_then_it_works)
{
	struct net_config c = test_config();
	struct testsrv_counts counts;
	struct seen seen;
	long start = net_now_ms();

	testsrv_limit(srv, 1, "1");
	fetch(&c, at("/limited"), true, &seen);
	ck_assert_int_eq(seen.status, 200);
	ck_assert_int_eq(seen.attempts, 2);
	ck_assert(!seen.gave_up_429);
	ck_assert_int_ge(seen.done_ms - start, 950);
	testsrv_counts(srv, &counts);
	ck_assert_int_eq(counts.limited_hits, 2);
}
END_TEST

START_TEST(pause_after_429_holds_back_other_requests)
{
	struct net_config c = test_config();
	struct seen limited, other;
	struct net *net;
	long start = net_now_ms();

	c.jobs = 1;
	testsrv_limit(srv, 1, "1");
	net = net_new(&c);
	ck_assert_ptr_nonnull(net);
	memset(&limited, 0, sizeof limited);
	memset(&other, 0, sizeof other);
	net_get(net, at("/limited"), true, record, &limited);
	net_get(net, at("/json"), true, record, &other);
	ck_assert_int_eq(net_run(net, NULL, NULL), 0);
	net_free(net);
	ck_assert_int_eq(limited.status, 200);
	ck_assert_int_eq(other.status, 200);
	ck_assert_int_ge(other.done_ms - start, 950);
}
END_TEST

START_TEST(retries_on_429_run_out)
{
	struct net_config c = test_config();
	struct testsrv_counts counts;
	struct seen seen;

	testsrv_limit(srv, 10, "0");
	fetch(&c, at("/limited"), true, &seen);
	ck_assert_int_eq(seen.status, 429);
	ck_assert(seen.gave_up_429);
	ck_assert_int_eq(seen.attempts, 3);
	testsrv_counts(srv, &counts);
	ck_assert_int_eq(counts.limited_hits, 3);
}
END_TEST

START_TEST(long_retry_after_is_not_waited_for)
{
	struct net_config c = test_config();
	struct seen seen;
	long start = net_now_ms();

	c.max_retry_after_s = 30;
	testsrv_limit(srv, 10, "3600");
	fetch(&c, at("/limited"), true, &seen);
	ck_assert_int_eq(seen.status, 429);
	ck_assert(seen.gave_up_429);
	ck_assert_int_eq(seen.attempts, 1);
	ck_assert_int_lt(net_now_ms() - start, scaled(2000));
}
END_TEST

START_TEST(retry_after_reads_seconds_and_dates)
{
	time_t now = 1700000000;
	char date[64];
	time_t later = now + 7;
	struct tm tm;

	gmtime_r(&later, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
	ck_assert_int_eq(net_retry_after_s("2", now), 2);
	ck_assert_int_eq(net_retry_after_s(" 120 ", now), 120);
	ck_assert_int_eq(net_retry_after_s(date, now), 7);
	ck_assert_int_eq(net_retry_after_s(date, now + 60), 0);
	ck_assert_int_eq(net_retry_after_s(NULL, now), 1);
	ck_assert_int_eq(net_retry_after_s("soon", now), 1);
	ck_assert_int_eq(net_retry_after_s("5s", now), 1);
	ck_assert_int_ge(net_retry_after_s("99999999999999999999", now),
	    1000000);
}
END_TEST

START_TEST(server_error_is_retried_then_handed_back)
{
	struct net_config c = test_config();
	struct testsrv_counts counts;
	struct seen seen;
	struct net *net;
	struct net_stats stats;

	net = net_new(&c);
	memset(&seen, 0, sizeof seen);
	net_get(net, at("/fail"), true, record, &seen);
	ck_assert_int_eq(net_run(net, NULL, NULL), 0);
	net_stats(net, &stats);
	net_free(net);
	ck_assert_int_eq(seen.status, 500);
	ck_assert_int_eq(seen.attempts, 3);
	ck_assert(!seen.gave_up_429);
	ck_assert_uint_eq(stats.retries, 2);
	ck_assert_uint_eq(stats.requests, 3);
	testsrv_counts(srv, &counts);
	ck_assert_int_eq(counts.fail_hits, 3);
}
END_TEST

START_TEST(connections_are_reused)
{
	struct net_config c = test_config();
	struct testsrv_counts counts;
	struct seen seen[6];
	struct net *net;
	int i;

	c.jobs = 1;
	net = net_new(&c);
	ck_assert_ptr_nonnull(net);
	memset(seen, 0, sizeof seen);
	for (i = 0; i < 6; i++)
		net_get(net, at("/json"), true, record, &seen[i]);
	ck_assert_int_eq(net_run(net, NULL, NULL), 0);
	net_free(net);
	for (i = 0; i < 6; i++)
		ck_assert_int_eq(seen[i].status, 200);
	testsrv_counts(srv, &counts);
	ck_assert_int_eq(counts.requests, 6);
	ck_assert_int_eq(counts.connections, 1);
}
END_TEST

START_TEST(dropped_connection_is_retried_as_broken)
{
	struct net_config c = test_config();
	struct testsrv_counts counts;
	struct seen seen;

	fetch(&c, at("/drop"), true, &seen);
	ck_assert_int_eq(seen.failure, NET_BROKEN);
	ck_assert_int_eq(seen.attempts, 3);
	testsrv_counts(srv, &counts);
	ck_assert_int_eq(counts.drop_hits, 3);
}
END_TEST

START_TEST(cdn_marks_are_captured)
{
	struct net_config c = test_config();
	struct seen seen;

	fetch(&c, at("/cdn"), true, &seen);
	ck_assert_int_eq(seen.status, 403);
	ck_assert(seen.cdn);
	ck_assert_str_eq(seen.via, "1.1 5d1f.cloudfront.net (CloudFront)");
	ck_assert_str_eq(seen.server, "CloudFront");
	ck_assert_str_eq(seen.content_type, "text/html");
	fetch(&c, at("/json"), true, &seen);
	ck_assert(!seen.cdn);
	ck_assert_str_eq(seen.via, "");
}
END_TEST

START_TEST(header_line_over_the_cap_is_too_large)
{
	struct net_config c = test_config();
	struct seen seen;

	fetch(&c, at("/longhdr"), true, &seen);
	ck_assert_int_eq(seen.failure, NET_TOO_LARGE);
	ck_assert_int_eq(seen.attempts, 1);
}
END_TEST

START_TEST(client_errors_are_not_retried)
{
	struct net_config c = test_config();
	struct seen seen;

	fetch(&c, at("/nowhere"), true, &seen);
	ck_assert_int_eq(seen.status, 404);
	ck_assert_int_eq(seen.attempts, 1);
}
END_TEST

START_TEST(body_over_the_cap_is_too_large)
{
	struct net_config c = test_config();
	struct seen seen;

	c.max_body = 64 * 1024;
	fetch(&c, at("/big"), true, &seen);
	ck_assert_int_eq(seen.failure, NET_TOO_LARGE);
	ck_assert_uint_le(seen.body_len, c.max_body);
	ck_assert_int_eq(seen.attempts, 1);
	fetch(&c, at("/biglen"), true, &seen);
	ck_assert_int_eq(seen.failure, NET_TOO_LARGE);
	c.max_body = TESTSRV_BIG;
	fetch(&c, at("/big"), true, &seen);
	ck_assert_int_eq(seen.failure, NET_OK);
	ck_assert_uint_eq(seen.body_len, TESTSRV_BIG);
}
END_TEST

START_TEST(stall_ends_in_a_timeout)
{
	struct net_config c = test_config();
	struct seen seen;
	long start = net_now_ms();

	c.timeout_ms = scaled(500);
	fetch(&c, at("/stall"), true, &seen);
	ck_assert_int_eq(seen.failure, NET_TIMEOUT);
	ck_assert_int_eq(seen.attempts, 1);
	ck_assert_int_lt(net_now_ms() - start, scaled(2500));
}
END_TEST

START_TEST(unknown_ca_fails_tls)
{
	struct net_config c = test_config();
	struct testsrv_counts counts;
	struct seen seen;

	c.cacert = CERTS "/rogue.pem";
	fetch(&c, at("/json"), true, &seen);
	ck_assert_int_eq(seen.failure, NET_TLS);
	ck_assert_int_eq(seen.status, 0);
	testsrv_counts(srv, &counts);
	ck_assert_int_eq(counts.requests, 0);
}
END_TEST

START_TEST(certificate_for_another_host_fails_tls)
{
	struct net_config c = test_config();
	struct testsrv_counts counts;
	struct seen seen;

	testsrv_stop(srv);
	start_server("wronghost");
	fetch(&c, at("/json"), true, &seen);
	ck_assert_int_eq(seen.failure, NET_TLS);
	testsrv_counts(srv, &counts);
	ck_assert_int_eq(counts.requests, 0);
}
END_TEST

/* A loopback port that nothing listens on (bound, then closed). */
static int
closed_port(void)
{
	struct sockaddr_in addr;
	socklen_t len = sizeof addr;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	ck_assert_int_ge(fd, 0);
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ck_assert_int_eq(bind(fd, (struct sockaddr *)&addr, sizeof addr), 0);
	ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&addr, &len), 0);
	close(fd);
	return ntohs(addr.sin_port);
}

START_TEST(refused_connection_is_connect)
{
	struct net_config c = test_config();
	struct seen seen;
	char target[128];

	snprintf(target, sizeof target, "https://127.0.0.1:%d/json",
	    closed_port());
	fetch(&c, target, true, &seen);
	ck_assert_int_eq(seen.failure, NET_CONNECT);
	ck_assert_int_eq(seen.attempts, 1);
}
END_TEST

struct chain {
	struct net *net;
	struct seen first;
	struct seen second;
	size_t progress_calls;
	size_t last_done;
	size_t last_total;
};

static void
queue_second(const struct net_answer *answer, void *user)
{
	struct chain *chain = user;

	record(answer, &chain->first);
	ck_assert_int_eq(net_get(chain->net, at("/target"), true, record,
	    &chain->second), 0);
}

static void
count_progress(size_t done, size_t total, void *user)
{
	struct chain *chain = user;

	chain->progress_calls++;
	chain->last_done = done;
	chain->last_total = total;
}

START_TEST(callback_can_queue_a_dependent_request)
{
	struct net_config c = test_config();
	struct testsrv_counts counts;
	struct chain chain;

	memset(&chain, 0, sizeof chain);
	chain.net = net_new(&c);
	ck_assert_ptr_nonnull(chain.net);
	net_get(chain.net, at("/json"), true, queue_second, &chain);
	ck_assert_int_eq(net_run(chain.net, count_progress, &chain), 0);
	net_free(chain.net);
	ck_assert_int_eq(chain.first.status, 200);
	ck_assert_int_eq(chain.second.calls, 1);
	ck_assert_int_eq(chain.second.status, 200);
	ck_assert_uint_eq(chain.progress_calls, 2);
	ck_assert_uint_eq(chain.last_done, 2);
	ck_assert_uint_eq(chain.last_total, 2);
	testsrv_counts(srv, &counts);
	ck_assert_int_eq(counts.target_hits, 1);
}
END_TEST

/* Completion order, by letter, of requests run one at a time. */
struct order {
	struct net *net;
	char seen[8];
	size_t n;
};

static void
note_b(const struct net_answer *answer, void *user)
{
	struct order *o = user;

	(void)answer;
	o->seen[o->n++] = 'B';
}

static void
note_d(const struct net_answer *answer, void *user)
{
	struct order *o = user;

	(void)answer;
	o->seen[o->n++] = 'D';
}

static void
note_p_and_queue_d(const struct net_answer *answer, void *user)
{
	struct order *o = user;

	(void)answer;
	o->seen[o->n++] = 'P';
	net_get(o->net, at("/json"), true, note_d, o);
}

START_TEST(dependent_request_goes_before_those_queued_earlier)
{
	struct net_config c = test_config();
	struct order o;

	memset(&o, 0, sizeof o);
	c.jobs = 1;
	o.net = net_new(&c);
	ck_assert_ptr_nonnull(o.net);
	net_get(o.net, at("/json"), true, note_p_and_queue_d, &o);
	net_get(o.net, at("/json"), true, note_b, &o);
	ck_assert_int_eq(net_run(o.net, NULL, NULL), 0);
	net_free(o.net);
	ck_assert_str_eq(o.seen, "PDB");
}
END_TEST

START_TEST(failure_names_are_short_words)
{
	ck_assert_str_eq(net_failure_name(NET_OK), "ok");
	ck_assert_str_eq(net_failure_name(NET_TLS), "tls");
	ck_assert_str_eq(net_failure_name(NET_TOO_LARGE), "too-large");
	ck_assert_int_eq(net_failure_of(CURLE_PEER_FAILED_VERIFICATION,
	    false), NET_TLS);
	ck_assert_int_eq(net_failure_of(CURLE_WRITE_ERROR, true),
	    NET_TOO_LARGE);
	ck_assert_int_eq(net_failure_of(CURLE_WRITE_ERROR, false),
	    NET_INTERNAL);
	ck_assert_int_eq(net_failure_of(CURLE_GOT_NOTHING, false),
	    NET_BROKEN);
	ck_assert_int_eq(net_failure_of(CURLE_COULDNT_RESOLVE_HOST, false),
	    NET_RESOLVE);
}
END_TEST

static Suite *
net_suite(void)
{
	Suite *suite = suite_create("net");
	TCase *tc = tcase_create("net");
	TCase *pure = tcase_create("pure");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, credentials_go_only_with_auth_and_only_by_get);
	tcase_add_test(tc, redirect_is_handed_back_not_followed);
	tcase_add_test(tc, plain_http_is_never_spoken);
	tcase_add_test(tc, parallel_transfers_stay_under_the_cap);
	tcase_add_test(tc, retry_after_is_waited_for_then_it_works);
	tcase_add_test(tc, pause_after_429_holds_back_other_requests);
	tcase_add_test(tc, retries_on_429_run_out);
	tcase_add_test(tc, long_retry_after_is_not_waited_for);
	tcase_add_test(tc, server_error_is_retried_then_handed_back);
	tcase_add_test(tc, client_errors_are_not_retried);
	tcase_add_test(tc, connections_are_reused);
	tcase_add_test(tc, dropped_connection_is_retried_as_broken);
	tcase_add_test(tc, cdn_marks_are_captured);
	tcase_add_test(tc, header_line_over_the_cap_is_too_large);
	tcase_add_test(tc, body_over_the_cap_is_too_large);
	tcase_add_test(tc, stall_ends_in_a_timeout);
	tcase_add_test(tc, unknown_ca_fails_tls);
	tcase_add_test(tc, certificate_for_another_host_fails_tls);
	tcase_add_test(tc, refused_connection_is_connect);
	tcase_add_test(tc, callback_can_queue_a_dependent_request);
	tcase_add_test(tc, dependent_request_goes_before_those_queued_earlier);
	suite_add_tcase(suite, tc);
	tcase_add_test(pure, header_injection_is_refused);
	tcase_add_test(pure, retry_after_reads_seconds_and_dates);
	tcase_add_test(pure, failure_names_are_short_words);
	suite_add_tcase(suite, pure);
	return suite;
}

int
main(void)
{
	SRunner *runner;
	char command[1024];
	int failed;

	snprintf(command, sizeof command,
	    "sh '%s/mkcert-test.sh' '%s'", RA_TEST_SRCDIR, CERTS);
	if (system(command) != 0) {
		fprintf(stderr, "check_net: cannot make test certificates\n");
		return 77;
	}
	setenv("NO_PROXY", "127.0.0.1", 1);
	runner = srunner_create(net_suite());
	srunner_run_all(runner, CK_NORMAL);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
