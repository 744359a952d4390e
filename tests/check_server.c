/*
 * check_server.c: the server value as people type it, and which host
 * may receive the credentials.
 */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* Normalize input; fail the case unless it is accepted. */
static void
accept_value(const char *input, struct server_value *value)
{
	char err[512];

	ck_assert_msg(server_normalize(input, value, err, sizeof err) == 0,
	    "\"%s\" refused: %s", input, err);
}

/* Normalize input; fail the case unless it is refused.  Returns err. */
static const char *
refuse_value(const char *input, char *err, size_t errlen)
{
	struct server_value value;

	ck_assert_msg(server_normalize(input, &value, err, errlen) == -1,
	    "\"%s\" accepted", input);
	ck_assert_ptr_null(value.host);
	ck_assert_uint_eq(value.note_count, 0);
	ck_assert_msg(err[0] != '\0', "no message for \"%s\"", input);
	return err;
}

static bool
has_note(const struct server_value *value, const char *note)
{
	size_t i;

	for (i = 0; i < value->note_count; i++) {
		if (strcmp(value->notes[i], note) == 0)
			return true;
	}
	return false;
}

START_TEST(pasted_api_url_becomes_its_host)
{
	struct server_value value;

	accept_value("https://api-eu.example-cloud.net/v4_6_release/apis/3.0/ ",
	    &value);
	ck_assert_str_eq(value.host, "api-eu.example-cloud.net");
	ck_assert_uint_eq(value.note_count, 3);
	ck_assert(has_note(&value, "removed surrounding spaces"));
	ck_assert(has_note(&value, "stripped the scheme \"https://\""));
	ck_assert(has_note(&value,
	    "stripped the path \"/v4_6_release/apis/3.0/\""));
	server_value_clear(&value);
	ck_assert_ptr_null(value.host);
}
END_TEST

START_TEST(plain_host_passes_without_notes)
{
	struct server_value value;

	accept_value("na.myconnectwise.net", &value);
	ck_assert_str_eq(value.host, "na.myconnectwise.net");
	ck_assert_uint_eq(value.note_count, 0);
	server_value_clear(&value);
}
END_TEST

START_TEST(region_names_expand_to_cloud_hosts)
{
	static const char *const names[][2] = {
		{ "na", "na.myconnectwise.net" },
		{ "eu", "eu.myconnectwise.net" },
		{ "au", "au.myconnectwise.net" },
		{ "aus", "aus.myconnectwise.net" },
		{ "za", "za.myconnectwise.net" },
		{ "EU", "eu.myconnectwise.net" },
	};
	struct server_value value;
	char note[128];
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		accept_value(names[i][0], &value);
		ck_assert_str_eq(value.host, names[i][1]);
		snprintf(note, sizeof note, "read region \"%s\" as %s",
		    names[i][0], names[i][1]);
		ck_assert_msg(has_note(&value, note), "no note \"%s\"", note);
		server_value_clear(&value);
	}
}
END_TEST

START_TEST(word_that_is_no_region_stays_a_host)
{
	struct server_value value;

	accept_value("nab", &value);
	ck_assert_str_eq(value.host, "nab");
	ck_assert_uint_eq(value.note_count, 0);
	server_value_clear(&value);
}
END_TEST

START_TEST(host_with_port_keeps_the_port)
{
	struct server_value value;

	accept_value("127.0.0.1:8443", &value);
	ck_assert_str_eq(value.host, "127.0.0.1:8443");
	server_value_clear(&value);

	accept_value("https://manage.example.com:8443/v4_6_release/", &value);
	ck_assert_str_eq(value.host, "manage.example.com:8443");
	server_value_clear(&value);
}
END_TEST

START_TEST(ipv6_literal_keeps_its_brackets)
{
	struct server_value value;

	accept_value("[::1]:8443", &value);
	ck_assert_str_eq(value.host, "[::1]:8443");
	server_value_clear(&value);

	accept_value("https://[::1]/", &value);
	ck_assert_str_eq(value.host, "[::1]");
	server_value_clear(&value);

	accept_value("::1", &value);
	ck_assert_str_eq(value.host, "[::1]");
	ck_assert(has_note(&value, "read \"::1\" as the IPv6 address [::1]"));
	server_value_clear(&value);
}
END_TEST

START_TEST(http_scheme_is_noted_and_https_used)
{
	struct server_value value;

	accept_value("http://manage.example.com", &value);
	ck_assert_str_eq(value.host, "manage.example.com");
	ck_assert(has_note(&value, "stripped the scheme \"http://\"; "
	    "roleaudit uses https regardless"));
	server_value_clear(&value);
}
END_TEST

START_TEST(query_fragment_and_case_are_noted)
{
	struct server_value value;

	accept_value("HTTPS://Manage.Example.COM/login?company=acme#top",
	    &value);
	ck_assert_str_eq(value.host, "manage.example.com");
	ck_assert(has_note(&value, "stripped the scheme \"HTTPS://\""));
	ck_assert(has_note(&value, "stripped the path \"/login\""));
	ck_assert(has_note(&value, "stripped the query \"?company=acme\""));
	ck_assert(has_note(&value, "stripped the fragment \"#top\""));
	ck_assert(has_note(&value,
	    "wrote the host \"manage.example.com\" in lower case"));
	server_value_clear(&value);
}
END_TEST

START_TEST(credentials_in_the_value_are_refused_unechoed)
{
	char err[512];

	refuse_value("https://acme+pub:privSECRET-horizon-7f3a9c@h.example/",
	    err, sizeof err);
	ck_assert_msg(strstr(err, "credentials never go in the server "
	    "value") != NULL, "%s", err);
	ck_assert_msg(strstr(err, "privSECRET") == NULL, "echoed: %s", err);

	refuse_value("user@h.example", err, sizeof err);
	ck_assert_msg(strstr(err, "user name or password") != NULL, "%s",
	    err);
}
END_TEST

START_TEST(control_characters_and_inner_spaces_are_refused)
{
	char err[512];

	refuse_value("h.example\r\nX-Injected: 1", err, sizeof err);
	ck_assert_msg(strstr(err, "control character") != NULL, "%s", err);
	ck_assert_msg(strstr(err, "X-Injected") == NULL, "%s", err);

	refuse_value("h.ex\x1b[2Jample", err, sizeof err);
	ck_assert_msg(strstr(err, "control character") != NULL, "%s", err);

	refuse_value("na myconnectwise.net", err, sizeof err);
	ck_assert_msg(strstr(err, "holds a space") != NULL, "%s", err);

	/* curl decodes %XX in a host: a control character can hide there
	 * (found by fuzz_server). */
	refuse_value("%7F", err, sizeof err);
	refuse_value("https://h%0d%0aX-Injected.example/", err, sizeof err);
	ck_assert_msg(strchr(err, '\r') == NULL && strchr(err, '\n') == NULL,
	    "%s", err);
}
END_TEST

START_TEST(empty_and_broken_values_are_refused)
{
	char err[512];

	refuse_value("", err, sizeof err);
	ck_assert_msg(strstr(err, "is empty") != NULL, "%s", err);
	refuse_value(" \t ", err, sizeof err);
	ck_assert_msg(strstr(err, "is empty") != NULL, "%s", err);
	refuse_value("https://", err, sizeof err);
	refuse_value("h.example:99999", err, sizeof err);
	refuse_value("h.example:port", err, sizeof err);
	refuse_value("ftp://h.example", err, sizeof err);
	ck_assert_msg(strstr(err, "https only") != NULL, "%s", err);
}
END_TEST

START_TEST(same_host_is_the_same_tenant)
{
	ck_assert(server_same_tenant("manage.example.com",
	    "manage.example.com"));
	ck_assert(server_same_tenant("manage.example.com",
	    "Manage.Example.com"));
	ck_assert(server_same_tenant("127.0.0.1:8443", "127.0.0.1:8443"));
	ck_assert(server_same_tenant("[::1]:8443", "[::1]:8443"));
	ck_assert(server_same_tenant("h.example:443", "h.example"));
	ck_assert(server_same_tenant("h.example", "https://h.example/"));
}
END_TEST

START_TEST(api_host_of_the_cloud_is_the_same_tenant)
{
	ck_assert(server_same_tenant("na.myconnectwise.net",
	    "api-na.myconnectwise.net"));
	ck_assert(server_same_tenant("eu.myconnectwise.net",
	    "API-EU.myconnectwise.net"));
	ck_assert(server_same_tenant("localhost:8443", "api-localhost:8443"));
}
END_TEST

START_TEST(other_hosts_are_other_tenants)
{
	ck_assert(!server_same_tenant("api-na.myconnectwise.net",
	    "na.myconnectwise.net"));
	ck_assert(!server_same_tenant("na.myconnectwise.net",
	    "eu.myconnectwise.net"));
	ck_assert(!server_same_tenant("na.myconnectwise.net",
	    "api-na.myconnectwise.net.evil.example"));
	ck_assert(!server_same_tenant("na.myconnectwise.net",
	    "evil-api-na.myconnectwise.net"));
	ck_assert(!server_same_tenant("na.myconnectwise.net",
	    "x.api-na.myconnectwise.net"));
	ck_assert(!server_same_tenant("na.myconnectwise.net",
	    "apixna.myconnectwise.net"));
	ck_assert(!server_same_tenant("h.example:8443", "h.example:9443"));
	ck_assert(!server_same_tenant("h.example:8443", "h.example"));
	ck_assert(!server_same_tenant("h.example", "http://h.example"));
	ck_assert(!server_same_tenant("h.example", "user@h.example"));
	ck_assert(!server_same_tenant("h.example", ""));
	ck_assert(!server_same_tenant(NULL, "h.example"));
	ck_assert(!server_same_tenant("h.example", NULL));
}
END_TEST

static Suite *
server_suite(void)
{
	Suite *suite = suite_create("server");
	TCase *tc = tcase_create("server");

	tcase_add_test(tc, pasted_api_url_becomes_its_host);
	tcase_add_test(tc, plain_host_passes_without_notes);
	tcase_add_test(tc, region_names_expand_to_cloud_hosts);
	tcase_add_test(tc, word_that_is_no_region_stays_a_host);
	tcase_add_test(tc, host_with_port_keeps_the_port);
	tcase_add_test(tc, ipv6_literal_keeps_its_brackets);
	tcase_add_test(tc, http_scheme_is_noted_and_https_used);
	tcase_add_test(tc, query_fragment_and_case_are_noted);
	tcase_add_test(tc, credentials_in_the_value_are_refused_unechoed);
	tcase_add_test(tc, control_characters_and_inner_spaces_are_refused);
	tcase_add_test(tc, empty_and_broken_values_are_refused);
	tcase_add_test(tc, same_host_is_the_same_tenant);
	tcase_add_test(tc, api_host_of_the_cloud_is_the_same_tenant);
	tcase_add_test(tc, other_hosts_are_other_tenants);
	suite_add_tcase(suite, tc);
	return suite;
}

int
main(void)
{
	SRunner *runner = srunner_create(server_suite());
	int failed;

	srunner_run_all(runner, CK_NORMAL);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
