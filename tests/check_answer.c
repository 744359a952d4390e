/*
 * check_answer.c: what an answer means, case by case, with hand-made
 * net_answer values: role denials against CDN blocks, keys against the
 * clientId, lists, objects and counts, and bodies that are not JSON.
 */
#include <check.h>
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "net_text.h"

#define MEMBER		"HorizonAPI"
#define SECURITY_BODY	"{\"code\":\"Security\",\"message\":\"You do not " \
	"have security permission to perform this action.\",\"errors\":null}"
#define SECURITY_LINE	"403 Security: You do not have security " \
	"permission to perform this action."
#define JSON		"application/json; charset=utf-8"
#define CW_JSON		"application/vnd.connectwise.com+json; version=2025.1"
#define HTML		"text/html"
#define TEXT		"text/plain"
#define VIA_CF		"1.1 5d1f.cloudfront.net (CloudFront)"
#define OWNERS		"[{\"id\":12,\"owner\":" \
	"{\"identifier\":\"HorizonAPI\"}}," \
	"{\"id\":13,\"owner\":{\"identifier\":\"jsmith\"}}]"
#define OWN_ONLY	"[{\"id\":12,\"owner\":" \
	"{\"identifier\":\"horizonapi\"}}]"

enum probe_kind { NO_PROBE, LIST, OBJECT, COUNT, OWNED_LIST };

struct answer_case {
	const char *name;
	enum net_failure failure;
	long status;
	const char *content_type;
	const char *body;
	bool cdn;
	const char *location;
	enum probe_kind probe;
	enum outcome outcome;
	enum cause cause;
	size_t records;
	long first_id;
	bool foreign;
	const char *detail_has;		/* a part the detail must hold */
	const char *detail_lacks;	/* a part it must never hold */
};

static const struct answer_case cases[] = {
	{ "403 Security is a role denial", NET_OK, 403, JSON, SECURITY_BODY,
	    false, NULL, LIST, OUTCOME_DENIED, CAUSE_NONE, 0, -1, false,
	    SECURITY_LINE, NULL },
	{ "403 Security with a CDN mark is an edge block", NET_OK, 403,
	    JSON, SECURITY_BODY, true, NULL, LIST, OUTCOME_UNKNOWN,
	    CAUSE_EDGE_BLOCK, 0, -1, false, "not from ConnectWise", NULL },
	{ "403 HTML page is an edge block", NET_OK, 403, HTML,
	    "<html><body>Request blocked.</body></html>", false, NULL, LIST,
	    OUTCOME_UNKNOWN, CAUSE_EDGE_BLOCK, 0, -1, false, "HTML", NULL },
	{ "403 HTML without a type is an edge block", NET_OK, 403, NULL,
	    "  <!DOCTYPE html><html></html>", false, NULL, LIST,
	    OUTCOME_UNKNOWN, CAUSE_EDGE_BLOCK, 0, -1, false, NULL, NULL },
	{ "403 JSON with another code is unexpected", NET_OK, 403, JSON,
	    "{\"code\":\"Forbidden\",\"message\":\"no\"}", false, NULL, LIST,
	    OUTCOME_UNKNOWN, CAUSE_UNEXPECTED, 0, -1, false, "Forbidden",
	    NULL },
	{ "401 Unauthorized is the keys", NET_OK, 401, JSON,
	    "{\"code\":\"Unauthorized\",\"message\":\"Incorrect public/"
	    "private key\"}", false, NULL, NO_PROBE, OUTCOME_UNKNOWN,
	    CAUSE_AUTH, 0, -1, false,
	    "401 Unauthorized: Incorrect public/private key", NULL },
	{ "401 text naming clientId is the client id", NET_OK, 401, TEXT,
	    "A valid ClientID header is required", false, NULL, NO_PROBE,
	    OUTCOME_UNKNOWN, CAUSE_CLIENT_ID, 0, -1, false,
	    "401 A valid ClientID header is required", NULL },
	{ "401 JSON naming client id is the client id", NET_OK, 401, JSON,
	    "{\"code\":\"Unauthorized\",\"message\":\"Missing Client Id\"}",
	    false, NULL, NO_PROBE, OUTCOME_UNKNOWN, CAUSE_CLIENT_ID, 0, -1,
	    false, NULL, NULL },
	{ "400 naming clientId is the client id", NET_OK, 400, TEXT,
	    "clientId header missing", false, NULL, NO_PROBE,
	    OUTCOME_UNKNOWN, CAUSE_CLIENT_ID, 0, -1, false, NULL, NULL },
	{ "400 otherwise is unexpected", NET_OK, 400, JSON,
	    "{\"code\":\"InvalidObject\",\"message\":\"bad\"}", false, NULL,
	    LIST, OUTCOME_UNKNOWN, CAUSE_UNEXPECTED, 0, -1, false,
	    "InvalidObject", NULL },
	{ "200 empty list proves nothing", NET_OK, 200, JSON, "[]", false,
	    NULL, LIST, OUTCOME_EMPTY, CAUSE_NONE, 0, -1, false, NULL, NULL },
	{ "200 list counts records and the first id", NET_OK, 200, CW_JSON,
	    "[{\"id\":3},{\"id\":4},{\"id\":5}]", false, NULL, LIST,
	    OUTCOME_RECORDS, CAUSE_NONE, 3, 3, false, NULL, NULL },
	{ "200 list with a foreign owner", NET_OK, 200, JSON, OWNERS, false,
	    NULL, OWNED_LIST, OUTCOME_RECORDS, CAUSE_NONE, 2, 12, true, NULL,
	    NULL },
	{ "200 list of own records, owner in other case", NET_OK, 200, JSON,
	    OWN_ONLY, false, NULL, OWNED_LIST, OUTCOME_RECORDS, CAUSE_NONE, 1,
	    12, false, NULL, NULL },
	{ "200 list without owner_field has no foreign owner", NET_OK, 200,
	    JSON, OWNERS, false, NULL, LIST, OUTCOME_RECORDS, CAUSE_NONE, 2,
	    12, false, NULL, NULL },
	{ "200 object where a list is expected", NET_OK, 200, JSON,
	    "{\"id\":1}", false, NULL, LIST, OUTCOME_UNKNOWN,
	    CAUSE_BAD_ANSWER, 0, -1, false, NULL, NULL },
	{ "200 list of numbers is not records", NET_OK, 200, JSON, "[1,2]",
	    false, NULL, LIST, OUTCOME_UNKNOWN, CAUSE_BAD_ANSWER, 0, -1,
	    false, NULL, NULL },
	{ "200 HTML login page is a bad answer", NET_OK, 200, HTML,
	    "<html><title>Login</title></html>", false, NULL, LIST,
	    OUTCOME_UNKNOWN, CAUSE_BAD_ANSWER, 0, -1, false, NULL, NULL },
	{ "200 JSON in a text/plain answer is a bad answer", NET_OK, 200,
	    TEXT, "[]", false, NULL, LIST, OUTCOME_UNKNOWN, CAUSE_BAD_ANSWER,
	    0, -1, false, NULL, NULL },
	{ "200 garbage is a bad answer", NET_OK, 200, JSON, "{not json",
	    false, NULL, LIST, OUTCOME_UNKNOWN, CAUSE_BAD_ANSWER, 0, -1,
	    false, NULL, NULL },
	{ "200 JSON with trailing garbage is a bad answer", NET_OK, 200,
	    JSON, "[] []", false, NULL, LIST, OUTCOME_UNKNOWN,
	    CAUSE_BAD_ANSWER, 0, -1, false, NULL, NULL },
	{ "200 empty body is a bad answer", NET_OK, 200, JSON, "", false,
	    NULL, LIST, OUTCOME_UNKNOWN, CAUSE_BAD_ANSWER, 0, -1, false, NULL,
	    NULL },
	{ "200 JSON without a type is read", NET_OK, 200, NULL, "[{\"id\":9}]",
	    false, NULL, LIST, OUTCOME_RECORDS, CAUSE_NONE, 1, 9, false, NULL,
	    NULL },
	{ "200 object for a pre-flight call", NET_OK, 200, JSON,
	    "{\"id\":41,\"identifier\":\"HorizonAPI\"}", false, NULL,
	    NO_PROBE, OUTCOME_RECORDS, CAUSE_NONE, 1, 41, false, NULL, NULL },
	{ "200 null for a pre-flight call is empty", NET_OK, 200, JSON,
	    "null", false, NULL, NO_PROBE, OUTCOME_EMPTY, CAUSE_NONE, 0, -1,
	    false, NULL, NULL },
	{ "200 array where an object is expected", NET_OK, 200, JSON,
	    "[{\"id\":1}]", false, NULL, OBJECT, OUTCOME_UNKNOWN,
	    CAUSE_BAD_ANSWER, 0, -1, false, NULL, NULL },
	{ "200 count above zero is records", NET_OK, 200, JSON,
	    "{\"count\":500}", false, NULL, COUNT, OUTCOME_RECORDS, CAUSE_NONE,
	    500, -1, false, NULL, NULL },
	{ "200 count of zero is empty", NET_OK, 200, JSON, "{\"count\":0}",
	    false, NULL, COUNT, OUTCOME_EMPTY, CAUSE_NONE, 0, -1, false, NULL,
	    NULL },
	{ "200 count that is not a number", NET_OK, 200, JSON,
	    "{\"count\":\"5\"}", false, NULL, COUNT, OUTCOME_UNKNOWN,
	    CAUSE_BAD_ANSWER, 0, -1, false, NULL, NULL },
	{ "200 negative count", NET_OK, 200, JSON, "{\"count\":-1}", false,
	    NULL, COUNT, OUTCOME_UNKNOWN, CAUSE_BAD_ANSWER, 0, -1, false, NULL,
	    NULL },
	{ "200 count that is not whole", NET_OK, 200, JSON,
	    "{\"count\":2.5}", false, NULL, COUNT, OUTCOME_UNKNOWN,
	    CAUSE_BAD_ANSWER, 0, -1, false, NULL, NULL },
	{ "200 count beyond reason", NET_OK, 200, JSON,
	    "{\"count\":1e300}", false, NULL, COUNT, OUTCOME_UNKNOWN,
	    CAUSE_BAD_ANSWER, 0, -1, false, NULL, NULL },
	{ "200 list whose first id is not a number", NET_OK, 200, JSON,
	    "[{\"id\":\"7\"},{\"id\":8}]", false, NULL, LIST,
	    OUTCOME_RECORDS, CAUSE_NONE, 2, -1, false, NULL, NULL },
	{ "200 list whose first id is huge", NET_OK, 200, JSON,
	    "[{\"id\":1e300}]", false, NULL, LIST, OUTCOME_RECORDS,
	    CAUSE_NONE, 1, -1, false, NULL, NULL },
	{ "404 is not found", NET_OK, 404, JSON,
	    "{\"code\":\"NotFound\",\"message\":\"Ticket 12 not found\"}",
	    false, NULL, LIST, OUTCOME_UNKNOWN, CAUSE_NOT_FOUND, 0, -1, false,
	    "404 NotFound: Ticket 12 not found", NULL },
	{ "429 is rate limited, never denied", NET_OK, 429, JSON, "{}", false,
	    NULL, LIST, OUTCOME_UNKNOWN, CAUSE_RATE_LIMITED, 0, -1, false,
	    "429", NULL },
	{ "500 is a server error", NET_OK, 500, HTML, "<h1>oops</h1>", false,
	    NULL, LIST, OUTCOME_UNKNOWN, CAUSE_SERVER_ERROR, 0, -1, false,
	    "500", NULL },
	{ "503 is a server error", NET_OK, 503, NULL, "", false, NULL, LIST,
	    OUTCOME_UNKNOWN, CAUSE_SERVER_ERROR, 0, -1, false, NULL, NULL },
	{ "302 is a redirect, named by scheme and host only", NET_OK, 302,
	    HTML, "", false, "http://u:pw@evil.example:8080/login?token=abc",
	    LIST, OUTCOME_UNKNOWN, CAUSE_REDIRECT, 0, -1, false,
	    "http://evil.example,", "token" },
	{ "301 relative redirect", NET_OK, 301, NULL, "", false, "/v2/x?q=1",
	    LIST, OUTCOME_UNKNOWN, CAUSE_REDIRECT, 0, -1, false,
	    "same server", "q=1" },
	{ "418 is unexpected", NET_OK, 418, TEXT, "teapot", false, NULL, LIST,
	    OUTCOME_UNKNOWN, CAUSE_UNEXPECTED, 0, -1, false, "418 teapot",
	    NULL },
	{ "204 is unexpected", NET_OK, 204, NULL, "", false, NULL, LIST,
	    OUTCOME_UNKNOWN, CAUSE_UNEXPECTED, 0, -1, false, NULL, NULL },
	{ "refused connection is the network", NET_CONNECT, 0, NULL, "",
	    false, NULL, LIST, OUTCOME_UNKNOWN, CAUSE_NETWORK, 0, -1, false,
	    "connect: ", NULL },
	{ "unresolved name is the network", NET_RESOLVE, 0, NULL, "", false,
	    NULL, LIST, OUTCOME_UNKNOWN, CAUSE_NETWORK, 0, -1, false, NULL,
	    NULL },
	{ "broken connection is the network", NET_BROKEN, 0, NULL, "", false,
	    NULL, LIST, OUTCOME_UNKNOWN, CAUSE_NETWORK, 0, -1, false, NULL,
	    NULL },
	{ "timeout", NET_TIMEOUT, 0, NULL, "", false, NULL, LIST,
	    OUTCOME_UNKNOWN, CAUSE_TIMEOUT, 0, -1, false, NULL, NULL },
	{ "TLS failure", NET_TLS, 0, NULL, "", false, NULL, LIST,
	    OUTCOME_UNKNOWN, CAUSE_TLS, 0, -1, false, "tls: ", NULL },
	{ "body over the cap", NET_TOO_LARGE, 200, JSON, "[", false, NULL,
	    LIST, OUTCOME_UNKNOWN, CAUSE_TOO_LARGE, 0, -1, false, NULL, NULL },
	{ "internal failure is unexpected", NET_INTERNAL, 0, NULL, "", false,
	    NULL, LIST, OUTCOME_UNKNOWN, CAUSE_UNEXPECTED, 0, -1, false, NULL,
	    NULL },
};

static struct rule_probe
make_probe(enum probe_kind kind)
{
	struct rule_probe probe;

	memset(&probe, 0, sizeof probe);
	probe.id = "p";
	probe.path = "service/tickets";
	probe.expect = kind == OBJECT ? EXPECT_OBJECT : kind == COUNT ?
	    EXPECT_COUNT : EXPECT_LIST;
	if (kind == OWNED_LIST)
		probe.owner_field = "owner/identifier";
	return probe;
}

static struct net_answer
make_answer(const struct answer_case *c)
{
	struct net_answer answer;

	memset(&answer, 0, sizeof answer);
	answer.url = "https://api.test/v4_6_release/apis/3.0/x";
	answer.failure = c->failure;
	answer.error = c->failure != NET_OK ? "curl said so" : NULL;
	answer.status = c->status;
	answer.content_type = c->content_type;
	answer.location = c->location;
	answer.cdn = c->cdn;
	answer.via = c->cdn ? VIA_CF : NULL;
	answer.body = c->body;
	answer.body_len = strlen(c->body);
	answer.attempts = 1;
	answer.gave_up_429 = c->status == 429;
	return answer;
}

START_TEST(answer_is_classified_as_its_case_says)
{
	const struct answer_case *c = &cases[_i];
	struct rule_probe probe = make_probe(c->probe);
	struct net_answer answer = make_answer(c);
	struct observation obs;

	answer_classify(&answer, c->probe == NO_PROBE ? NULL : &probe, MEMBER,
	    &obs);
	ck_assert_msg(obs.outcome == c->outcome, "%s: outcome %s", c->name,
	    outcome_name(obs.outcome));
	ck_assert_msg(obs.cause == c->cause, "%s: cause %s", c->name,
	    cause_name(obs.cause));
	ck_assert_msg(obs.status == c->status, "%s: status", c->name);
	ck_assert_msg(obs.records == c->records, "%s: %zu records", c->name,
	    obs.records);
	ck_assert_msg(obs.first_id == c->first_id, "%s: first id %ld",
	    c->name, obs.first_id);
	ck_assert_msg(obs.foreign_owner == c->foreign, "%s: foreign owner",
	    c->name);
	ck_assert_msg(obs.detail != NULL, "%s: no detail", c->name);
	if (c->detail_has != NULL)
		ck_assert_msg(strstr(obs.detail, c->detail_has) != NULL,
		    "%s: detail \"%s\"", c->name, obs.detail);
	if (c->detail_lacks != NULL)
		ck_assert_msg(strstr(obs.detail, c->detail_lacks) == NULL,
		    "%s: detail \"%s\"", c->name, obs.detail);
	observation_clear(&obs);
	ck_assert_ptr_null(obs.detail);
}
END_TEST

START_TEST(security_denial_detail_is_the_server_sentence)
{
	struct net_answer answer = make_answer(&cases[0]);
	struct observation obs;

	answer_classify(&answer, NULL, MEMBER, &obs);
	ck_assert_str_eq(obs.detail, SECURITY_LINE);
	observation_clear(&obs);
}
END_TEST

static bool
valid_line(const char *text)
{
	const unsigned char *p;

	for (p = (const unsigned char *)text; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return false;
	}
	return true;
}

START_TEST(server_text_becomes_one_short_line)
{
	static const char start[] = "line one\\r\\nline\\ttwo \xff\xfe ";
	char body[2048], message[1200];
	struct net_answer answer = make_answer(&cases[0]);
	struct observation obs;

	memset(message, 'm', sizeof message - 1);
	message[sizeof message - 1] = '\0';
	memcpy(message, start, sizeof start - 1);
	snprintf(body, sizeof body,
	    "{\"code\":\"Security\",\"message\":\"%s\"}", message);
	answer.body = body;
	answer.body_len = strlen(body);
	answer_classify(&answer, NULL, MEMBER, &obs);
	ck_assert_int_eq(obs.outcome, OUTCOME_DENIED);
	ck_assert(valid_line(obs.detail));
	ck_assert_ptr_nonnull(strstr(obs.detail, "line one line two ?? m"));
	ck_assert_uint_le(strlen(obs.detail), NET_TEXT_MAX + 32);
	ck_assert_ptr_nonnull(strstr(obs.detail, "..."));
	observation_clear(&obs);
}
END_TEST

START_TEST(text_line_keeps_utf8_whole)
{
	char text[NET_TEXT_MAX * 2 + 3];
	static const char spaced[] = "  x \xe2\x80\xa8 y\x00z  ";
	char *line;
	size_t i;

	for (i = 0; i + 2 <= sizeof text - 1; i += 2)
		memcpy(text + i, "\xc3\xa9", 2);
	text[i] = '\0';
	line = net_text_line(text, strlen(text));
	ck_assert_ptr_nonnull(line);
	ck_assert_uint_eq(strlen(line), NET_TEXT_MAX * 2 + 3);
	ck_assert_str_eq(line + strlen(line) - 5, "\xc3\xa9...");
	free(line);
	line = net_text_line("a\xed\xa0\x80z\xc0\xaf", 7);
	ck_assert_str_eq(line, "a???z??");
	free(line);
	line = net_text_line(spaced, sizeof spaced - 1);
	ck_assert_str_eq(line, "x y z");
	free(line);
}
END_TEST

START_TEST(location_host_drops_user_port_and_path)
{
	size_t len = 0;
	const char *host;

	host = net_text_host("user:pw@api.test:8443/x?y", &len);
	ck_assert_int_eq((int)len, 8);
	ck_assert(strncmp(host, "api.test", len) == 0);
	host = net_text_host("[::1]:443/", &len);
	ck_assert(strncmp(host, "[::1]", len) == 0 && len == 5);
	host = net_text_host("a@b@c.test", &len);
	ck_assert(strncmp(host, "c.test", len) == 0 && len == 6);
}
END_TEST

static char *
nested(int depth)
{
	char *body = malloc((size_t)depth * 2 + 1);
	int i;

	ck_assert_ptr_nonnull(body);
	for (i = 0; i < depth; i++) {
		body[i] = '[';
		body[depth * 2 - 1 - i] = ']';
	}
	body[depth * 2] = '\0';
	return body;
}

START_TEST(deep_nesting_is_refused)
{
	struct net_answer answer = make_answer(&cases[10]);
	struct observation obs;
	cJSON *json;
	char *body;
	int depths[] = { 65, 999, 5000 }, i;

	for (i = 0; i < 3; i++) {
		body = nested(depths[i]);
		answer.body = body;
		answer.body_len = strlen(body);
		ck_assert_ptr_null(answer_json(&answer));
		answer_classify(&answer, NULL, MEMBER, &obs);
		ck_assert_int_eq(obs.cause, CAUSE_BAD_ANSWER);
		observation_clear(&obs);
		free(body);
	}
	body = nested(20);
	answer.body = body;
	answer.body_len = strlen(body);
	json = answer_json(&answer);
	ck_assert(cJSON_IsArray(json));
	cJSON_Delete(json);
	free(body);
}
END_TEST

START_TEST(json_is_refused_with_inner_nul_and_read_after_bom)
{
	struct net_answer answer = make_answer(&cases[10]);
	cJSON *json;

	answer.body = "[]\0[]";
	answer.body_len = 5;
	ck_assert_ptr_null(answer_json(&answer));
	answer.body = "\xef\xbb\xbf [{\"id\":1}] \n";
	answer.body_len = strlen(answer.body);
	json = answer_json(&answer);
	ck_assert(cJSON_IsArray(json));
	ck_assert_int_eq(cJSON_GetArraySize(json), 1);
	cJSON_Delete(json);
	answer.body = "\"[{]\" ";
	answer.body_len = strlen(answer.body);
	json = answer_json(&answer);
	ck_assert(cJSON_IsString(json));
	cJSON_Delete(json);
}
END_TEST

START_TEST(error_code_needs_the_exact_code)
{
	struct net_answer answer = make_answer(&cases[0]);

	ck_assert(answer_error_code(&answer, "Security"));
	ck_assert(!answer_error_code(&answer, "security"));
	ck_assert(!answer_error_code(&answer, "Unauthorized"));
	answer.body = "[{\"code\":\"Security\"}]";
	answer.body_len = strlen(answer.body);
	ck_assert(!answer_error_code(&answer, "Security"));
	answer.body = "Security";
	answer.body_len = strlen(answer.body);
	ck_assert(!answer_error_code(&answer, "Security"));
}
END_TEST

START_TEST(names_are_the_report_words)
{
	static const char *const want[] = {
		"none", "network", "timeout", "tls", "authentication",
		"client-id", "rate-limited", "server-error", "edge-block",
		"not-found", "redirect", "bad-answer", "too-large",
		"nothing-to-probe", "settings-hidden", "unexpected",
	};
	enum cause cause;

	for (cause = CAUSE_NONE; cause <= CAUSE_UNEXPECTED; cause++) {
		ck_assert_str_eq(cause_name(cause), want[cause]);
		ck_assert_uint_gt(strlen(cause_text(cause)), 10);
	}
	ck_assert_str_eq(outcome_name(OUTCOME_RECORDS), "records");
	ck_assert_str_eq(outcome_name(OUTCOME_EMPTY), "empty");
	ck_assert_str_eq(outcome_name(OUTCOME_DENIED), "denied");
	ck_assert_str_eq(outcome_name(OUTCOME_UNKNOWN), "unknown");
	ck_assert_str_eq(cause_text(CAUSE_RATE_LIMITED),
	    "the server answered 429 too often");
}
END_TEST

static Suite *
answer_suite(void)
{
	Suite *suite = suite_create("answer");
	TCase *tc = tcase_create("answer");

	tcase_add_loop_test(tc, answer_is_classified_as_its_case_says, 0,
	    (int)(sizeof cases / sizeof cases[0]));
	tcase_add_test(tc, security_denial_detail_is_the_server_sentence);
	tcase_add_test(tc, server_text_becomes_one_short_line);
	tcase_add_test(tc, text_line_keeps_utf8_whole);
	tcase_add_test(tc, location_host_drops_user_port_and_path);
	tcase_add_test(tc, deep_nesting_is_refused);
	tcase_add_test(tc, json_is_refused_with_inner_nul_and_read_after_bom);
	tcase_add_test(tc, error_code_needs_the_exact_code);
	tcase_add_test(tc, names_are_the_report_words);
	suite_add_tcase(suite, tc);
	return suite;
}

int
main(void)
{
	SRunner *runner = srunner_create(answer_suite());
	int failed;

	srunner_run_all(runner, CK_NORMAL);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
