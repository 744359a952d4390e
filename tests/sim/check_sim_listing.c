/*
 * check_sim_listing.c: paging maths and Link headers, fields,
 * conditions, query decoding, and tenant file errors.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "listing.h"
#include "simjson.h"
#include "tenant.h"
#include "uri.h"

#define BASE_URL "http://h:1/v4_6_release/apis/3.0/service/tickets"

static bool
page_of(long long total, const char *page, const char *size,
    struct page *p)
{
	char err[128];

	return listing_page(total, page, size, p, err, sizeof(err));
}

START_TEST(paging_counts_pages_from_one)
{
	struct page p;

	ck_assert(page_of(180, NULL, NULL, &p));
	ck_assert_int_eq(p.size, 25);
	ck_assert_int_eq(p.first, 0);
	ck_assert_int_eq(p.count, 25);
	ck_assert_int_eq(p.last, 8);
	ck_assert(page_of(180, "8", "25", &p));
	ck_assert_int_eq(p.first, 175);
	ck_assert_int_eq(p.count, 5);
	ck_assert(page_of(180, "9", NULL, &p));
	ck_assert_int_eq(p.count, 0);
	ck_assert(page_of(0, NULL, NULL, &p));
	ck_assert_int_eq(p.count, 0);
	ck_assert_int_eq(p.last, 1);
}
END_TEST

START_TEST(paging_clamps_large_sizes_and_refuses_nonsense)
{
	struct page p;

	ck_assert(page_of(5000, NULL, "5000", &p));
	ck_assert_int_eq(p.size, 1000);
	ck_assert_int_eq(p.count, 1000);
	ck_assert(page_of(10, "99999999999999", NULL, &p));
	ck_assert_int_eq(p.count, 0);
	ck_assert(!page_of(10, "0", NULL, &p));
	ck_assert(!page_of(10, NULL, "-1", &p));
	ck_assert(!page_of(10, NULL, "0", &p));
	ck_assert(!page_of(10, "abc", NULL, &p));
	ck_assert(!page_of(10, "", NULL, &p));
	ck_assert(!page_of(10, "1e3", NULL, &p));
	ck_assert(!page_of(10, "9999999999999999999999", NULL, &p));
}
END_TEST

START_TEST(link_is_absent_when_everything_fits)
{
	struct page p;

	ck_assert(page_of(25, NULL, NULL, &p));
	ck_assert_ptr_null(listing_link(BASE_URL, NULL, &p));
}
END_TEST

START_TEST(link_names_next_and_last_on_the_first_page)
{
	struct page p;
	char *link;

	ck_assert(page_of(60, NULL, "25", &p));
	link = listing_link(BASE_URL, "pageSize=25&conditions=id%3D1", &p);
	ck_assert_ptr_nonnull(link);
	ck_assert_str_eq(link, "<" BASE_URL "?conditions=id%3D1&page=2&"
	    "pageSize=25>; rel=\"next\", <" BASE_URL "?conditions=id%3D1&"
	    "page=3&pageSize=25>; rel=\"last\"");
	free(link);
}
END_TEST

START_TEST(link_names_first_and_prev_later_on)
{
	struct page p;
	char *link;

	ck_assert(page_of(60, "2", "25", &p));
	link = listing_link(BASE_URL, "page=2&PAGESIZE=25", &p);
	ck_assert_ptr_nonnull(link);
	ck_assert_ptr_nonnull(strstr(link, "?page=1&pageSize=25>; "
	    "rel=\"first\""));
	ck_assert_ptr_nonnull(strstr(link, "?page=1&pageSize=25>; "
	    "rel=\"prev\""));
	ck_assert_ptr_nonnull(strstr(link, "?page=3&pageSize=25>; "
	    "rel=\"next\""));
	ck_assert_ptr_null(strstr(link, "PAGESIZE"));
	free(link);
	ck_assert(page_of(60, "3", "25", &p));
	link = listing_link(BASE_URL, NULL, &p);
	ck_assert_ptr_null(strstr(link, "rel=\"next\""));
	free(link);
}
END_TEST

START_TEST(link_encodes_bytes_unsafe_in_a_header)
{
	struct page p;
	char *link;

	ck_assert(page_of(60, NULL, NULL, &p));
	link = listing_link(BASE_URL, "fields=a b>\x01", &p);
	ck_assert_ptr_nonnull(link);
	ck_assert_ptr_nonnull(strstr(link, "fields=a%20b%3E%01&"));
	free(link);
}
END_TEST

START_TEST(fields_keep_only_listed_top_level_names)
{
	cJSON *rec, *out;
	char *text;

	rec = cJSON_Parse("{\"id\":1,\"name\":\"A\",\"board\":{\"id\":2,"
	    "\"name\":\"B\"},\"summary\":\"S\"}");
	out = listing_fields(rec, " ID, board/name ");
	text = cJSON_PrintUnformatted(out);
	ck_assert_str_eq(text, "{\"id\":1,\"board\":{\"id\":2,\"name\":"
	    "\"B\"}}");
	free(text);
	cJSON_Delete(out);
	out = listing_fields(rec, NULL);
	ck_assert_int_eq(cJSON_GetArraySize(out), 4);
	cJSON_Delete(out);
	cJSON_Delete(rec);
}
END_TEST

static bool
matches(const char *conds_text, const char *record_text)
{
	struct conditions conds;
	char err[160];
	cJSON *rec;
	bool ok;

	ck_assert_msg(conditions_parse(conds_text, &conds, err, sizeof(err)),
	    "%s", err);
	rec = cJSON_Parse(record_text);
	ck_assert_ptr_nonnull(rec);
	ok = conditions_match(&conds, rec);
	cJSON_Delete(rec);
	return ok;
}

START_TEST(conditions_match_the_common_forms)
{
	const char *t = "{\"id\":5,\"identifier\":\"HorizonAPI\","
	    "\"board\":{\"id\":3},\"closedFlag\":false,\"projectFlag\":true}";

	ck_assert(matches("identifier=\"horizonapi\"", t));
	ck_assert(!matches("identifier=\"other\"", t));
	ck_assert(matches("id=5", t));
	ck_assert(matches("board/id=3 and closedFlag=false", t));
	ck_assert(!matches("board/id=3 AND closedFlag=true", t));
	ck_assert(matches("projectFlag=true", t));
	ck_assert(matches("id=9 or board/id=3", t));
	ck_assert(!matches("id=9 or id=8 and board/id=3", t));
	ck_assert(matches("id != 6", t));
	ck_assert(matches("missing=null", t));
	ck_assert(matches("", t));
}
END_TEST

START_TEST(conditions_refuse_what_they_cannot_read)
{
	static const char *const bad[] = {
		"summary like \"x\"", "id=", "\"x\"", "identifier=\"open",
		"id=1 and", "id=1 id=2", "(id=1)", "id=5x", "=1",
		"a=1 and a=1 and a=1 and a=1 and a=1 and a=1 and a=1 and a=1 "
		"and a=1 and a=1 and a=1 and a=1 and a=1 and a=1 and a=1 and "
		"a=1 and a=1",
	};
	struct conditions conds;
	char err[160];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(!conditions_parse(bad[i], &conds, err,
		    sizeof(err)), "accepted: %s", bad[i]);
}
END_TEST

START_TEST(query_arguments_decode_with_caps)
{
	char buf[16];

	ck_assert_int_eq(uri_arg("/x?a=1&conditions=id%3D1+and", "CONDITIONS",
	    buf, sizeof(buf)), URI_OK);
	ck_assert_str_eq(buf, "id=1 and");
	ck_assert_int_eq(uri_arg("/x?a=1", "b", buf, sizeof(buf)), URI_ABSENT);
	ck_assert_int_eq(uri_arg("/x?b", "b", buf, sizeof(buf)), URI_OK);
	ck_assert_str_eq(buf, "");
	ck_assert_int_eq(uri_arg("/x?b=%00", "b", buf, sizeof(buf)), URI_BAD);
	ck_assert_int_eq(uri_arg("/x?b=0123456789abcdef", "b", buf,
	    sizeof(buf)), URI_TOO_LONG);
	ck_assert_int_eq(uri_path("/a%2Fb%zz?q", buf, sizeof(buf)), URI_OK);
	ck_assert_str_eq(buf, "/a/b%zz");
}
END_TEST

static void
refused(const char *text, const char *want)
{
	struct tenant *t;
	char err[512];

	t = tenant_parse(text, "t.json", err, sizeof(err));
	ck_assert_ptr_null(t);
	ck_assert_msg(strstr(err, want) != NULL, "got \"%s\"", err);
}

START_TEST(bad_tenants_are_refused_with_the_reason)
{
	refused("{\n \"companyId\": \"a\",\n \"roles\": [,]\n}", "t.json:3:");
	refused("{\"companyId\":\"a\",\"colour\":1}", "unknown key \"colour\"");
	refused("{\"roles\":[{\"name\":\"r\"}],\"members\":[{\"identifier\":"
	    "\"m\",\"role\":\"r\"}]}", "\"companyId\" is required");
	refused("{\"companyId\":\"a\",\"roles\":[{\"name\":\"r\"}],"
	    "\"members\":[{\"identifier\":\"m\",\"role\":\"x\"}]}",
	    "unknown role \"x\"");
	refused("{\"companyId\":\"a\",\"roles\":[{\"name\":\"r\",\"functions\":"
	    "{\"Service Desk > Service Tickets\":\"Most\"}}],\"members\":[]}",
	    "bad level \"Most\"");
	refused("{\"companyId\":\"a\",\"roles\":[{\"name\":\"r\",\"customize\":"
	    "{\"System > Table Setup\":[\"Nope\"]}}],\"members\":[]}",
	    "unknown customize item");
	refused("{\"companyId\":\"a\",\"codebase\":\"v1\"}", "codebase");
}
END_TEST

START_TEST(generated_data_is_the_same_for_the_same_seed)
{
	const char *text = "{\"companyId\":\"a\",\"roles\":[{\"name\":\"r\"}],"
	    "\"members\":[{\"identifier\":\"m\",\"role\":\"r\"}],"
	    "\"generate\":{\"seed\":3,\"owners\":[\"m\"],\"companies\":20,"
	    "\"tickets\":50}}";
	struct tenant *a, *b;
	char err[256], *pa, *pb;

	a = tenant_parse(text, "a", err, sizeof(err));
	b = tenant_parse(text, "b", err, sizeof(err));
	ck_assert(a != NULL && b != NULL);
	ck_assert_int_eq(cJSON_GetArraySize(a->data[COLL_TICKETS]), 50);
	pa = cJSON_PrintUnformatted(a->data[COLL_TICKETS]);
	pb = cJSON_PrintUnformatted(b->data[COLL_TICKETS]);
	ck_assert_str_eq(pa, pb);
	free(pa);
	free(pb);
	tenant_free(a);
	tenant_free(b);
}
END_TEST

static Suite *
listing_suite(void)
{
	Suite *s = suite_create("sim_listing");
	TCase *tc = tcase_create("listing");

	tcase_add_test(tc, paging_counts_pages_from_one);
	tcase_add_test(tc, paging_clamps_large_sizes_and_refuses_nonsense);
	tcase_add_test(tc, link_is_absent_when_everything_fits);
	tcase_add_test(tc, link_names_next_and_last_on_the_first_page);
	tcase_add_test(tc, link_names_first_and_prev_later_on);
	tcase_add_test(tc, link_encodes_bytes_unsafe_in_a_header);
	tcase_add_test(tc, fields_keep_only_listed_top_level_names);
	tcase_add_test(tc, conditions_match_the_common_forms);
	tcase_add_test(tc, conditions_refuse_what_they_cannot_read);
	tcase_add_test(tc, query_arguments_decode_with_caps);
	tcase_add_test(tc, bad_tenants_are_refused_with_the_reason);
	tcase_add_test(tc, generated_data_is_the_same_for_the_same_seed);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr;
	int failed;

	sr = srunner_create(listing_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
