/*
 * check_report.c: the report writers render what the audit found, and
 * only that: the XML and JUnit files validate against the shipped
 * schemas, server text cannot break out of its place, the fix order is
 * kept, the HTML fetches nothing, and the terminal summary fits in 80
 * columns.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlstring.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "fixture_audit.h"
#include "report.h"
#include "report_util.h"

#define REPORT_NS "urn:roleaudit:report:1"
#define KINDS (FIXTURE_HOSTILE + 1)

typedef int (*writer_fn)(const struct audit *, FILE *);

static struct profile *profile;

static void
setup(void)
{
	profile = fixture_profile();
}

static void
teardown(void)
{
	fixture_profile_free(profile);
	profile = NULL;
}

static char *
render(writer_fn writer, const struct audit *audit, size_t *len)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	ck_assert_ptr_nonnull(out);
	ck_assert_int_eq(writer(audit, out), 0);
	ck_assert_int_eq(fclose(out), 0);
	if (len != NULL)
		*len = size;
	return text;
}

static char *
render_summary(const struct audit *audit, bool color,
    const char *const *files)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	ck_assert_ptr_nonnull(out);
	report_summary(audit, out, color, files);
	ck_assert_int_eq(fclose(out), 0);
	return text;
}

/* Parse strictly: a report that is not well-formed fails here. */
static xmlDocPtr
parse_xml(const char *text, size_t len)
{
	xmlDocPtr doc = xmlReadMemory(text, (int)len, "report.xml", NULL,
	    XML_PARSE_NONET);

	ck_assert_msg(doc != NULL, "the report is not well-formed XML");
	return doc;
}

static int
validate(xmlDocPtr doc, const char *schema_file)
{
	xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(schema_file);
	xmlSchemaPtr schema;
	xmlSchemaValidCtxtPtr valid;
	int rc;

	ck_assert_ptr_nonnull(parser);
	schema = xmlSchemaParse(parser);
	ck_assert_msg(schema != NULL, "cannot read %s", schema_file);
	valid = xmlSchemaNewValidCtxt(schema);
	ck_assert_ptr_nonnull(valid);
	rc = xmlSchemaValidateDoc(valid, doc);
	xmlSchemaFreeValidCtxt(valid);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(parser);
	return rc;
}

static xmlXPathObjectPtr
query(xmlDocPtr doc, const char *path)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr result;

	ck_assert_ptr_nonnull(ctx);
	xmlXPathRegisterNs(ctx, BAD_CAST "r", BAD_CAST REPORT_NS);
	result = xmlXPathEvalExpression(BAD_CAST path, ctx);
	xmlXPathFreeContext(ctx);
	ck_assert_ptr_nonnull(result);
	return result;
}

static size_t
count_nodes(xmlDocPtr doc, const char *path)
{
	xmlXPathObjectPtr result = query(doc, path);
	size_t n = result->nodesetval != NULL ?
	    (size_t)result->nodesetval->nodeNr : 0;

	xmlXPathFreeObject(result);
	return n;
}

/* The value of attribute name of the i-th node matching path, new. */
static char *
attr_of(xmlDocPtr doc, const char *path, size_t i, const char *name)
{
	xmlXPathObjectPtr result = query(doc, path);
	xmlChar *value;

	ck_assert_ptr_nonnull(result->nodesetval);
	ck_assert_int_lt(i, result->nodesetval->nodeNr);
	value = xmlGetProp(result->nodesetval->nodeTab[i], BAD_CAST name);
	xmlXPathFreeObject(result);
	ck_assert_msg(value != NULL, "no attribute %s on %s", name, path);
	return (char *)value;
}

static void
assert_attr(xmlDocPtr doc, const char *path, size_t i, const char *name,
    const char *expected)
{
	char *value = attr_of(doc, path, i, name);

	ck_assert_str_eq(value, expected);
	xmlFree(value);
}

/* The text of the i-th node matching path, new. */
static char *
text_of(xmlDocPtr doc, const char *path, size_t i)
{
	xmlXPathObjectPtr result = query(doc, path);
	xmlChar *text;

	ck_assert_ptr_nonnull(result->nodesetval);
	ck_assert_int_lt(i, result->nodesetval->nodeNr);
	text = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
	xmlXPathFreeObject(result);
	ck_assert_ptr_nonnull(text);
	return (char *)text;
}

START_TEST(xml_validates_against_the_schema)
{
	struct audit *audit = fixture_audit(profile, (enum fixture_kind)_i);
	size_t len;
	char *text = render(report_xml, audit, &len);
	xmlDocPtr doc = parse_xml(text, len);

	ck_assert_int_eq(validate(doc, RA_SRCDATADIR "/report.xsd"), 0);
	xmlFreeDoc(doc);
	free(text);
	audit_free(audit);
}
END_TEST

/* Keeps libxml2 quiet in tests that expect it to complain. */
static void
quiet(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

static void
quiet_structured(void *ctx, xmlErrorPtr error)
{
	(void)ctx;
	(void)error;
}

static void
silence_libxml(void)
{
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, quiet_structured);
}

START_TEST(xml_schema_refuses_a_report_it_should_not_accept)
{
	struct audit *audit = fixture_audit(profile, FIXTURE_GAPS);
	size_t len;
	char *text = render(report_xml, audit, &len);
	char *status = strstr(text, "status=\"gap\"");
	xmlDocPtr doc;

	ck_assert_ptr_nonnull(status);
	memcpy(status, "status=\"bad\"", 12);
	silence_libxml();
	doc = parse_xml(text, len);
	ck_assert_int_ne(validate(doc, RA_SRCDATADIR "/report.xsd"), 0);
	xmlFreeDoc(doc);
	free(text);
	audit_free(audit);
}
END_TEST

START_TEST(xml_finding_names_module_function_and_status)
{
	struct audit *audit = fixture_audit(profile, FIXTURE_GAPS);
	size_t len, i;
	char *text = render(report_xml, audit, &len);
	xmlDocPtr doc = parse_xml(text, len);
	const char *path = "/r:audit/r:findings/r:finding";

	ck_assert_int_eq(count_nodes(doc, path), audit->finding_count);
	for (i = 0; i < audit->finding_count; i++) {
		const struct finding *f = &audit->findings[i];

		assert_attr(doc, path, i, "module", f->req->module);
		assert_attr(doc, path, i, "function", f->req->function);
		assert_attr(doc, path, i, "status", verdict_name(f->verdict));
		assert_attr(doc, path, i, "id", f->req->id);
	}
	assert_attr(doc, path, 4, "cause", "rate-limited");
	assert_attr(doc, path, 5, "required", "false");
	assert_attr(doc, "//r:finding[@id='member-maintenance']/r:level"
	    "[@action='inquire']", 0, "observed", "None");
	assert_attr(doc, "//r:finding[@id='member-maintenance']/r:level"
	    "[@action='inquire']", 0, "required", "All");
	assert_attr(doc, "//r:finding[@id='table-setup-project-items']"
	    "/r:missing", 0, "item", "Project / Phase Status");
	ck_assert_int_eq(count_nodes(doc, "//r:finding[4]/r:excess"), 2);
	assert_attr(doc, "/r:audit/r:summary", 0, "gap", "3");
	assert_attr(doc, "/r:audit/r:summary", 0, "required-gaps", "2");
	assert_attr(doc, "/r:audit/r:summary", 0, "unknown", "1");
	assert_attr(doc, "/r:audit", 0, "exit-code", "1");
	assert_attr(doc, "/r:audit", 0, "outcome", "changes-needed");
	assert_attr(doc, "/r:audit", 0, "time", "2025-05-01T10:20:30Z");
	xmlFreeDoc(doc);
	free(text);
	audit_free(audit);
}
END_TEST

START_TEST(xml_keeps_the_fix_order)
{
	struct audit *audit = fixture_audit(profile, FIXTURE_GAPS);
	size_t len, i;
	char *text, *click;
	xmlDocPtr doc;

	fixture_add_fix(audit, "Z > last", "Edit Level None \xe2\x86\x92 My",
	    3);
	fixture_add_fix(audit, "A > first by name", "Add Level My "
	    "\xe2\x86\x92 All", 0);
	text = render(report_xml, audit, &len);
	doc = parse_xml(text, len);
	ck_assert_int_eq(count_nodes(doc, "//r:fix"), audit->fix_count);
	for (i = 0; i < audit->fix_count; i++) {
		const struct fix *fix = &audit->fixes[i];
		char order[32];

		click = text_of(doc, "//r:fix/r:click-path", i);
		ck_assert_str_eq(click, fix->click_path);
		xmlFree(click);
		click = text_of(doc, "//r:fix/r:change", i);
		ck_assert_str_eq(click, fix->change);
		xmlFree(click);
		assert_attr(doc, "//r:fix", i, "finding",
		    audit->findings[fix->finding].req->id);
		snprintf(order, sizeof(order), "%zu", i + 1);
		assert_attr(doc, "//r:fix", i, "order", order);
	}
	xmlFreeDoc(doc);
	free(text);
	audit_free(audit);
}
END_TEST

START_TEST(xml_of_a_stopped_audit_has_checks_and_no_findings)
{
	struct audit *audit = fixture_audit(profile, FIXTURE_STOPPED);
	size_t len;
	char *text = render(report_xml, audit, &len);
	xmlDocPtr doc = parse_xml(text, len);

	ck_assert_int_eq(count_nodes(doc, "//r:finding"), 0);
	ck_assert_int_eq(count_nodes(doc, "//r:check"), audit->check_count);
	assert_attr(doc, "//r:check[@name='keys']", 0, "status", "fail");
	assert_attr(doc, "//r:check[@name='keys']", 0, "cause",
	    "authentication");
	assert_attr(doc, "//r:check[@name='member']", 0, "status", "skipped");
	assert_attr(doc, "/r:audit", 0, "exit-code", "3");
	assert_attr(doc, "/r:audit", 0, "outcome", "stopped");
	assert_attr(doc, "/r:audit", 0, "stopped", "true");
	ck_assert_int_eq(count_nodes(doc, "//r:member/@role"), 0);
	xmlFreeDoc(doc);
	free(text);
	audit_free(audit);
}
END_TEST

START_TEST(xml_records_the_baseline_and_each_change)
{
	struct audit *audit = fixture_audit(profile, FIXTURE_BASELINE);
	size_t len, i;
	char *text = render(report_xml, audit, &len);
	xmlDocPtr doc = parse_xml(text, len);

	for (i = 0; i < audit->finding_count; i++)
		assert_attr(doc, "//r:finding", i, "change",
		    change_name(audit->findings[i].change));
	assert_attr(doc, "//r:finding[@change='regressed']", 0, "before",
	    "pass");
	ck_assert_int_eq(count_nodes(doc, "//r:finding[@change='new']"
	    "/@before"), 0);
	assert_attr(doc, "/r:audit/r:baseline", 0, "path",
	    "reports/acme-last.xml");
	assert_attr(doc, "/r:audit/r:baseline", 0, "note",
	    "made with profile version 0.9");
	xmlFreeDoc(doc);
	free(text);
	audit_free(audit);

	audit = fixture_audit(profile, FIXTURE_GAPS);
	text = render(report_xml, audit, &len);
	ck_assert_ptr_null(strstr(text, "baseline"));
	ck_assert_ptr_null(strstr(text, "change="));
	free(text);
	audit_free(audit);
}
END_TEST

START_TEST(xml_stays_well_formed_with_hostile_server_text)
{
	struct audit *audit = fixture_audit(profile, FIXTURE_HOSTILE);
	size_t len;
	char *text = render(report_xml, audit, &len);
	xmlDocPtr doc = parse_xml(text, len);
	char *role = attr_of(doc, "//r:member", 0, "role");
	char *version = attr_of(doc, "//r:tenant", 0, "version");
	char *company = attr_of(doc, "//r:tenant", 0, "company");
	char *detail = text_of(doc, "//r:probe", 1);

	ck_assert_ptr_nonnull(strstr(role, "<script>alert(\"role\")"));
	ck_assert_ptr_nonnull(strstr(role, "R\xc3\xb4le"));
	ck_assert_ptr_nonnull(strstr(role, "\xef\xbf\xbd"));
	ck_assert_ptr_null(strchr(role, '\x1b'));
	ck_assert_ptr_null(strstr(role, "\xff"));
	ck_assert_str_eq(version, "v2025.1\xef\xbf\xbd\xef\xbf\xbd"
	    "\xef\xbf\xbd\xef\xbf\xbd");
	ck_assert_str_eq(company, "acme & <co> \"quoted\" 'single'");
	ck_assert_ptr_null(strstr(detail, "\xed\xa0\x80"));
	ck_assert_ptr_nonnull(strstr(detail, "invalid \xef\xbf\xbd("));
	ck_assert_int_eq(validate(doc, RA_SRCDATADIR "/report.xsd"), 0);
	xmlFree(role);
	xmlFree(version);
	xmlFree(company);
	xmlFree(detail);
	xmlFreeDoc(doc);
	free(text);
	audit_free(audit);
}
END_TEST

/* True when text is valid UTF-8 with no control character but tab,
 * newline and carriage return. */
static bool
is_clean_text(const char *text)
{
	const unsigned char *s;

	if (!xmlCheckUTF8((const unsigned char *)text))
		return false;
	for (s = (const unsigned char *)text; *s != '\0'; s++) {
		if ((*s < 0x20 && *s != '\t' && *s != '\n' && *s != '\r') ||
		    *s == 0x7f)
			return false;
		if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f)
			return false;
	}
	return true;
}

START_TEST(reports_are_clean_utf8_without_controls)
{
	struct audit *audit = fixture_audit(profile, (enum fixture_kind)_i);
	writer_fn writers[] = { report_xml, report_html, report_junit };
	size_t w;
	char *text;

	for (w = 0; w < sizeof(writers) / sizeof(writers[0]); w++) {
		text = render(writers[w], audit, NULL);
		ck_assert_msg(is_clean_text(text), "writer %zu", w);
		free(text);
	}
	text = render_summary(audit, false, NULL);
	ck_assert(is_clean_text(text));
	free(text);
	audit_free(audit);
}
END_TEST

START_TEST(no_report_holds_the_private_key)
{
	struct audit *audit = fixture_audit(profile, (enum fixture_kind)_i);
	const char *const files[] = { "reports/acme.xml", NULL };
	writer_fn writers[] = { report_xml, report_html, report_junit };
	size_t w;
	char *text;

	ck_assert_ptr_nonnull(strstr(profile->path, FIXTURE_SECRET));
	for (w = 0; w < sizeof(writers) / sizeof(writers[0]); w++) {
		text = render(writers[w], audit, NULL);
		ck_assert_ptr_nonnull(strstr(text, "acme"));
		ck_assert_ptr_null(strstr(text, FIXTURE_SECRET));
		ck_assert_ptr_null(strstr(text, "privSECRET"));
		free(text);
	}
	text = render_summary(audit, true, files);
	ck_assert_ptr_nonnull(strstr(text, "acme"));
	ck_assert_ptr_null(strstr(text, "privSECRET"));
	free(text);
	audit_free(audit);
}
END_TEST

static htmlDocPtr
parse_html(const char *text, size_t len)
{
	htmlDocPtr doc = htmlReadMemory(text, (int)len, "report.html", "UTF-8",
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);

	ck_assert_ptr_nonnull(doc);
	return doc;
}

/* What a walk over the HTML tree finds. */
struct html_scan {
	size_t active;		/* elements that run or fetch something */
	size_t fetching;	/* attributes that make a browser fetch */
	size_t urls;		/* attribute values naming an outside URL */
	size_t th, th_scoped;
	size_t h1;
	int heading;		/* the level of the last heading */
	bool skipped_level;
	bool lang;
	char style[8192];
};

static bool
name_in(const xmlChar *name, const char *const *list)
{
	for (; *list != NULL; list++) {
		if (xmlStrcasecmp(name, BAD_CAST *list) == 0)
			return true;
	}
	return false;
}

static void
scan_attrs(xmlNodePtr node, struct html_scan *s)
{
	static const char *const fetching[] = { "src", "href", "srcset",
		"action", "formaction", "poster", "data", "background",
		"cite", "longdesc", "manifest", NULL };
	xmlAttrPtr a;

	for (a = node->properties; a != NULL; a = a->next) {
		xmlChar *value = xmlNodeGetContent((xmlNodePtr)a);

		if (name_in(a->name, fetching))
			s->fetching++;
		if (value != NULL && (xmlStrcasestr(value, BAD_CAST "http:") ||
		    xmlStrcasestr(value, BAD_CAST "https:") ||
		    xmlStrcasestr(value, BAD_CAST "url(")))
			s->urls++;
		if (xmlStrcmp(a->name, BAD_CAST "lang") == 0 &&
		    xmlStrcmp(node->name, BAD_CAST "html") == 0)
			s->lang = true;
		xmlFree(value);
	}
}

static void
scan_element(xmlNodePtr node, struct html_scan *s)
{
	static const char *const active[] = { "script", "img", "link",
		"iframe", "object", "embed", "base", "form", "a", "svg",
		"video", "audio", "source", "frame", NULL };
	const char *name = (const char *)node->name;
	xmlChar *text;

	if (name_in(node->name, active))
		s->active++;
	if (strcmp(name, "th") == 0) {
		s->th++;
		s->th_scoped += xmlHasProp(node, BAD_CAST "scope") != NULL;
	}
	if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' &&
	    name[2] == '\0') {
		if (name[1] - '0' > s->heading + 1)
			s->skipped_level = true;
		s->heading = name[1] - '0';
		s->h1 += name[1] == '1';
	}
	if (strcmp(name, "style") == 0) {
		text = xmlNodeGetContent(node);
		strncat(s->style, (const char *)text,
		    sizeof(s->style) - strlen(s->style) - 1);
		xmlFree(text);
	}
	scan_attrs(node, s);
}

static void
scan(xmlNodePtr node, struct html_scan *s)
{
	for (; node != NULL; node = node->next) {
		if (node->type == XML_ELEMENT_NODE)
			scan_element(node, s);
		scan(node->children, s);
	}
}

static void
scan_html(const struct audit *audit, struct html_scan *s, char **text,
    htmlDocPtr *doc)
{
	size_t len;

	memset(s, 0, sizeof(*s));
	*text = render(report_html, audit, &len);
	*doc = parse_html(*text, len);
	scan(xmlDocGetRootElement(*doc), s);
}

START_TEST(html_renders_markup_in_server_text_as_text)
{
	struct audit *audit = fixture_audit(profile, FIXTURE_HOSTILE);
	struct html_scan s;
	htmlDocPtr doc;
	char *text, *banner;

	scan_html(audit, &s, &text, &doc);
	ck_assert_int_eq(s.active, 0);
	ck_assert_int_eq(count_nodes(doc, "//script"), 0);
	ck_assert_int_eq(count_nodes(doc, "//b"), 0);
	banner = text_of(doc, "//header/p", 0);
	ck_assert_ptr_nonnull(strstr(banner, "<script>alert(\"role\")"
	    "</script> R\xc3\xb4le"));
	ck_assert_ptr_nonnull(strstr(banner, "acme & <co>"));
	ck_assert_ptr_null(strchr(banner, '\x1b'));
	ck_assert_ptr_null(strstr(text, "<script"));
	ck_assert_ptr_null(strstr(text, "<img"));
	xmlFree(banner);
	xmlFreeDoc(doc);
	free(text);
	audit_free(audit);
}
END_TEST

START_TEST(html_fetches_nothing_from_outside)
{
	struct audit *audit = fixture_audit(profile, (enum fixture_kind)_i);
	struct html_scan s;
	htmlDocPtr doc;
	char *text;

	scan_html(audit, &s, &text, &doc);
	ck_assert_int_eq(s.active, 0);
	ck_assert_int_eq(s.fetching, 0);
	ck_assert_int_eq(s.urls, 0);
	ck_assert_ptr_nonnull(strstr(s.style, "body{"));
	ck_assert_ptr_null(strstr(s.style, "url("));
	ck_assert_ptr_null(strstr(s.style, "@import"));
	ck_assert_ptr_null(strstr(s.style, "@font-face"));
	xmlFreeDoc(doc);
	free(text);
	audit_free(audit);
}
END_TEST

START_TEST(html_is_accessible_and_prints)
{
	struct audit *audit = fixture_audit(profile, (enum fixture_kind)_i);
	struct html_scan s;
	htmlDocPtr doc;
	char *text;

	scan_html(audit, &s, &text, &doc);
	ck_assert(s.lang);
	ck_assert_int_gt(s.th, 0);
	ck_assert_int_eq(s.th_scoped, s.th);
	ck_assert_int_eq(s.h1, 1);
	ck_assert(!s.skipped_level);
	ck_assert_ptr_nonnull(strstr(s.style, "@media print"));
	ck_assert_ptr_nonnull(strstr(s.style, "size:A4"));
	ck_assert_ptr_nonnull(strstr(s.style, "tr{break-inside:avoid}"));
	ck_assert_ptr_nonnull(strstr(s.style, "overflow-wrap:anywhere"));
	ck_assert_int_eq(count_nodes(doc, "//meta[@name='viewport']"), 1);
	xmlFreeDoc(doc);
	free(text);
	audit_free(audit);
}
END_TEST

static void
assert_h1(enum fixture_kind kind, const char *expected)
{
	struct audit *audit = fixture_audit(profile, kind);
	size_t len;
	char *text = render(report_html, audit, &len);
	htmlDocPtr doc = parse_html(text, len);
	char *h1 = text_of(doc, "//h1", 0);

	ck_assert_msg(strstr(h1, expected) != NULL, "h1 \"%s\" lacks \"%s\"",
	    h1, expected);
	xmlFree(h1);
	xmlFreeDoc(doc);
	free(text);
	audit_free(audit);
}

START_TEST(html_banner_says_the_verdict_first)
{
	char stopped[256];

	assert_h1(FIXTURE_GAPS, "\xe2\x9c\x98 2 changes needed before Horizon "
	    "can sync");
	assert_h1(FIXTURE_READY, "\xe2\x9c\x94 Ready for Horizon");
	assert_h1(FIXTURE_UNDECIDED, "? Some settings could not be checked");
	snprintf(stopped, sizeof(stopped), "Could not finish the audit: the "
	    "keys check failed");
	assert_h1(FIXTURE_STOPPED, stopped);
}
END_TEST

START_TEST(html_lists_the_fixes_in_order_before_the_matrix)
{
	struct audit *audit = fixture_audit(profile, FIXTURE_GAPS);
	size_t len, i;
	char *text, *item;
	htmlDocPtr doc;

	fixture_add_fix(audit, "Z > added last", "Delete Level All "
	    "\xe2\x86\x92 None", 3);
	text = render(report_html, audit, &len);
	doc = parse_html(text, len);
	ck_assert_int_eq(count_nodes(doc, "//ol[@class='fixes']/li"),
	    audit->fix_count);
	for (i = 0; i < audit->fix_count; i++) {
		item = text_of(doc, "//ol[@class='fixes']/li/span[@class="
		    "'path']", i);
		ck_assert_str_eq(item, audit->fixes[i].click_path);
		xmlFree(item);
		item = text_of(doc, "//ol[@class='fixes']/li/span[@class="
		    "'change']", i);
		ck_assert_ptr_nonnull(strstr(item, audit->fixes[i].change));
		xmlFree(item);
	}
	ck_assert_ptr_nonnull(strstr(text, "(optional)"));
	ck_assert_int_eq(count_nodes(doc, "//ol[@class='fixes']"
	    "/following::table"), count_nodes(doc, "//table"));
	ck_assert_int_eq(count_nodes(doc, "//h1/following::ol"), 1);
	xmlFreeDoc(doc);
	free(text);
	audit_free(audit);
}
END_TEST

START_TEST(html_matrix_cells_carry_a_word_and_a_symbol)
{
	struct audit *audit = fixture_audit(profile, FIXTURE_GAPS);
	size_t len, i, cells;
	char *text = render(report_html, audit, &len);
	htmlDocPtr doc = parse_html(text, len);
	char *cell;

	cells = count_nodes(doc, "//tbody/tr/td[@class]");
	ck_assert_int_gt(cells, 0);
	for (i = 0; i < cells; i++) {
		cell = text_of(doc, "//tbody/tr/td[@class]", i);
		ck_assert_msg(strstr(cell, "\xe2\x9c\x98 ") != NULL ||
		    strstr(cell, "? ") != NULL || strstr(cell, "! ") != NULL,
		    "cell \"%s\" has no symbol", cell);
		ck_assert_msg(strstr(cell, "needs") != NULL ||
		    strstr(cell, "not needed") != NULL,
		    "cell \"%s\" has no word", cell);
		xmlFree(cell);
	}
	ck_assert_int_eq(count_nodes(doc, "//th[@scope='rowgroup']"), 4);
	cell = text_of(doc, "//tr[th='Member Maintenance']/td", 4);
	ck_assert_str_eq(cell, "\xe2\x9c\x98 None, needs All");
	xmlFree(cell);
	cell = text_of(doc, "//tr[th='Member Maintenance']/td", 0);
	ck_assert_str_eq(cell, "\xe2\x9c\x98 gap");
	xmlFree(cell);
	xmlFreeDoc(doc);
	free(text);
	audit_free(audit);
}
END_TEST

START_TEST(html_shows_regressions_first_against_a_baseline)
{
	struct audit *audit = fixture_audit(profile, FIXTURE_BASELINE);
	size_t len;
	char *text = render(report_html, audit, &len);
	htmlDocPtr doc = parse_html(text, len);
	char *first = text_of(doc, "//h2[.='Since the last report']"
	    "/following::h3", 0);
	char *second = text_of(doc, "//h2[.='Since the last report']"
	    "/following::h3", 1);

	ck_assert_ptr_nonnull(strstr(first, "Regressed"));
	ck_assert_ptr_nonnull(strstr(second, "Fixed"));
	ck_assert_ptr_nonnull(strstr(text, "reports/acme-last.xml"));
	xmlFree(first);
	xmlFree(second);
	xmlFreeDoc(doc);
	free(text);
	audit_free(audit);

	audit = fixture_audit(profile, FIXTURE_GAPS);
	text = render(report_html, audit, &len);
	ck_assert_ptr_null(strstr(text, "Since the last report"));
	free(text);
	audit_free(audit);
}
END_TEST

START_TEST(junit_validates_against_its_schema)
{
	struct audit *audit = fixture_audit(profile, (enum fixture_kind)_i);
	size_t len;
	char *text = render(report_junit, audit, &len);
	xmlDocPtr doc = parse_xml(text, len);

	ck_assert_int_eq(validate(doc, RA_SRCDATADIR "/junit.xsd"), 0);
	xmlFreeDoc(doc);
	free(text);
	audit_free(audit);
}
END_TEST

static void
assert_count(xmlDocPtr doc, const char *attr, size_t expected)
{
	char want[32];

	snprintf(want, sizeof(want), "%zu", expected);
	assert_attr(doc, "/testsuites", 0, attr, want);
	assert_attr(doc, "/testsuites/testsuite", 0, attr, want);
}

START_TEST(junit_counts_match_the_verdicts)
{
	struct audit *audit = fixture_audit(profile, FIXTURE_UNDECIDED);
	size_t len;
	char *text, *message;
	xmlDocPtr doc;

	audit->findings[0].verdict = VERDICT_GAP;
	audit_count(audit);
	fixture_add_fix(audit, "S > R > System > Member Maintenance",
	    "Inquire Level None \xe2\x86\x92 All", 0);
	text = render(report_junit, audit, &len);
	doc = parse_xml(text, len);
	assert_attr(doc, "/testsuites/testsuite", 0, "name", "horizon");
	assert_count(doc, "tests", FIXTURE_REQUIREMENTS);
	assert_count(doc, "failures", 1);
	assert_count(doc, "errors", 1);
	assert_count(doc, "skipped", 1);
	ck_assert_int_eq(count_nodes(doc, "//testcase"), FIXTURE_REQUIREMENTS);
	ck_assert_int_eq(count_nodes(doc, "//testcase[failure]"), 1);
	ck_assert_int_eq(count_nodes(doc, "//testcase[error]"), 1);
	ck_assert_int_eq(count_nodes(doc, "//testcase[skipped]"), 1);
	assert_attr(doc, "//testcase", 0, "name", "member-maintenance");
	assert_attr(doc, "//testcase", 0, "classname",
	    "System.MemberMaintenance");
	message = attr_of(doc, "//failure", 0, "message");
	ck_assert_str_eq(message, "S > R > System > Member Maintenance: "
	    "Inquire Level None \xe2\x86\x92 All");
	xmlFree(message);
	assert_attr(doc, "//testcase[@name='project-phase']/error", 0,
	    "message", cause_text(CAUSE_NOTHING_TO_PROBE));
	assert_attr(doc, "//testcase[@name='project-phase']/error", 0,
	    "type", cause_name(CAUSE_NOTHING_TO_PROBE));
	xmlFreeDoc(doc);
	free(text);
	audit_free(audit);
}
END_TEST

START_TEST(junit_of_a_stopped_audit_is_one_preflight_error)
{
	struct audit *audit = fixture_audit(profile, FIXTURE_STOPPED);
	size_t len;
	char *text = render(report_junit, audit, &len);
	xmlDocPtr doc = parse_xml(text, len);
	char *detail;

	assert_count(doc, "tests", 1);
	assert_count(doc, "errors", 1);
	assert_count(doc, "failures", 0);
	ck_assert_int_eq(count_nodes(doc, "//testcase"), 1);
	assert_attr(doc, "//testcase", 0, "name", "preflight");
	assert_attr(doc, "//testcase/error", 0, "type", "authentication");
	detail = text_of(doc, "//testcase/error", 0);
	ck_assert_str_eq(detail, audit->checks[3].detail);
	xmlFree(detail);
	xmlFreeDoc(doc);
	free(text);
	audit_free(audit);
}
END_TEST

/* Copy of text without ANSI colour sequences. */
static char *
strip_ansi(const char *text)
{
	char *out = strdup(text), *w = out;

	ck_assert_ptr_nonnull(out);
	while (*text != '\0') {
		if (text[0] == '\033' && text[1] == '[') {
			text += 2;
			while (*text != '\0' && *text != 'm')
				text++;
			if (*text == 'm')
				text++;
			continue;
		}
		*w++ = *text++;
	}
	*w = '\0';
	return out;
}

static void
assert_lines_fit(const char *text)
{
	char *copy = strip_ansi(text);
	char *line, *save = NULL;
	size_t lines = 0;

	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		ck_assert_msg(report_width(line) <= 80,
		    "line of %zu columns: %s", report_width(line), line);
		lines++;
	}
	ck_assert_int_gt(lines, 1);
	free(copy);
}

START_TEST(summary_lines_fit_in_80_columns)
{
	struct audit *audit = fixture_audit(profile, (enum fixture_kind)_i);
	const char *const files[] = { "reports/acme-2025-05-01.xml",
		"reports/a-directory-with-a-very-long-name-that-goes-on-and-on/"
		"and-on/acme-2025-05-01T10-20-30Z.html", NULL };
	char *text;

	text = render_summary(audit, false, files);
	assert_lines_fit(text);
	ck_assert_ptr_null(strchr(text, '\033'));
	free(text);
	text = render_summary(audit, true, files);
	assert_lines_fit(text);
	free(text);
	audit_free(audit);
}
END_TEST

START_TEST(summary_uses_colour_only_when_asked)
{
	struct audit *audit = fixture_audit(profile, FIXTURE_HOSTILE);
	char *text = render_summary(audit, false, NULL);

	ck_assert_ptr_null(strchr(text, '\033'));
	ck_assert_ptr_null(strchr(text, '\a'));
	ck_assert_ptr_nonnull(strstr(text, "2 changes needed"));
	ck_assert_ptr_nonnull(strstr(text, "Project / \xef\xbf\xbd[2JPhase"));
	free(text);
	text = render_summary(audit, true, NULL);
	ck_assert_ptr_nonnull(strstr(text, "\033[1;31m"));
	ck_assert_ptr_null(strstr(text, "\033[2J"));
	ck_assert_ptr_null(strchr(text, '\a'));
	free(text);
	audit_free(audit);
}
END_TEST

START_TEST(summary_shows_five_fixes_then_how_many_more)
{
	struct audit *audit = fixture_audit(profile, FIXTURE_GAPS);
	char label[64];
	char *text;
	size_t i;

	for (i = 0; i < 5; i++) {
		snprintf(label, sizeof(label), "System > Extra %zu", i);
		fixture_add_fix(audit, label, "Add Level None \xe2\x86\x92 All",
		    0);
	}
	text = render_summary(audit, false, NULL);
	ck_assert_ptr_nonnull(strstr(text, "1 pass, \xe2\x9c\x98 3 gap, "
	    "! 1 excess, ? 1 unknown, ~ 0 unverifiable\n"));
	ck_assert_ptr_nonnull(strstr(text, "  1. System > Security Roles"));
	ck_assert_ptr_nonnull(strstr(text, "  5. System > Extra 1"));
	ck_assert_ptr_null(strstr(text, "  6. "));
	ck_assert_ptr_null(strstr(text, "Extra 2"));
	ck_assert_ptr_nonnull(strstr(text, "and 3 more"));
	ck_assert(strstr(text, "Member Maintenance") <
	    strstr(text, "Finance > Agreements"));
	free(text);
	audit_free(audit);
}
END_TEST

START_TEST(summary_cuts_a_long_role_name_with_an_ellipsis)
{
	struct audit *audit = fixture_audit(profile, FIXTURE_HOSTILE);
	char *text = render_summary(audit, false, NULL);
	char *line = strstr(text, "  company ");
	char *end;

	ck_assert_ptr_nonnull(line);
	end = strchr(line, '\n');
	ck_assert_ptr_nonnull(end);
	*end = '\0';
	ck_assert_int_eq(report_width(line), 80);
	ck_assert_str_eq(end - 3, "\xe2\x80\xa6");
	ck_assert_ptr_nonnull(strstr(line, "role <script>"));
	free(text);
	audit_free(audit);
}
END_TEST

START_TEST(summary_names_the_changes_files_and_failed_check)
{
	struct audit *audit = fixture_audit(profile, FIXTURE_BASELINE);
	const char *const files[] = { "out/a.xml", "out/a.html", NULL };
	char *text = render_summary(audit, false, files);

	ck_assert_ptr_nonnull(strstr(text, "1 regressed, 1 fixed, "
	    "1 still missing"));
	ck_assert_ptr_nonnull(strstr(text, "  regressed: System > Member "
	    "Maintenance (member-maintenance)\n"));
	ck_assert_ptr_nonnull(strstr(text, "Reports:\n  out/a.xml\n"
	    "  out/a.html\n"));
	free(text);
	audit_free(audit);

	audit = fixture_audit(profile, FIXTURE_STOPPED);
	text = render_summary(audit, false, NULL);
	ck_assert_ptr_nonnull(strstr(text, "Could not finish the audit"));
	ck_assert_ptr_nonnull(strstr(text, "the keys check failed"));
	ck_assert_ptr_nonnull(strstr(text, "The server refused the keys"));
	ck_assert_ptr_null(strstr(text, "pass,"));
	free(text);
	audit_free(audit);
}
END_TEST

START_TEST(clean_replaces_bad_bytes_and_caps_length)
{
	char *long_text = malloc(REPORT_TEXT_MAX * 2 + 1);
	char *clean;

	clean = report_clean("a\xff" "b\xc3\x28" "c\x1b[0m\t\n\xe2\x82\xac"
	    "\xc0\xaf\xef\xbf\xbe", false);
	ck_assert_str_eq(clean, "a\xef\xbf\xbd" "b\xef\xbf\xbd(c\xef\xbf\xbd"
	    "[0m\t\n\xe2\x82\xac\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	free(clean);
	clean = report_clean("one\ttwo\nthree", true);
	ck_assert_str_eq(clean, "one two three");
	free(clean);
	ck_assert_ptr_null(report_clean(NULL, false));

	ck_assert_ptr_nonnull(long_text);
	memset(long_text, 'x', REPORT_TEXT_MAX * 2);
	long_text[REPORT_TEXT_MAX * 2] = '\0';
	clean = report_clean(long_text, false);
	ck_assert_int_le(strlen(clean), REPORT_TEXT_MAX + 3);
	ck_assert_str_eq(clean + strlen(clean) - 3, "\xe2\x80\xa6");
	free(clean);
	free(long_text);
}
END_TEST

START_TEST(fit_cuts_at_characters_not_bytes)
{
	char *fit = report_fit("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 3);

	ck_assert_str_eq(fit, "\xc3\xa9\xc3\xa9\xe2\x80\xa6");
	ck_assert_int_eq(report_width(fit), 3);
	free(fit);
	fit = report_fit("abc", 3);
	ck_assert_str_eq(fit, "abc");
	free(fit);
}
END_TEST

START_TEST(writers_report_a_failed_write)
{
	struct audit *audit = fixture_audit(profile, FIXTURE_GAPS);
	writer_fn writers[] = { report_xml, report_html, report_junit };
	size_t w;
	FILE *full;

	silence_libxml();
	for (w = 0; w < sizeof(writers) / sizeof(writers[0]); w++) {
		full = fopen("/dev/full", "w");
		if (full == NULL)
			break;
		setvbuf(full, NULL, _IONBF, 0);
		ck_assert_int_eq(writers[w](audit, full), -1);
		fclose(full);
	}
	audit_free(audit);
}
END_TEST

static TCase *
xml_case(void)
{
	TCase *tc = tcase_create("xml");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, xml_validates_against_the_schema, 0, KINDS);
	tcase_add_test(tc, xml_schema_refuses_a_report_it_should_not_accept);
	tcase_add_test(tc, xml_finding_names_module_function_and_status);
	tcase_add_test(tc, xml_keeps_the_fix_order);
	tcase_add_test(tc, xml_of_a_stopped_audit_has_checks_and_no_findings);
	tcase_add_test(tc, xml_records_the_baseline_and_each_change);
	tcase_add_test(tc, xml_stays_well_formed_with_hostile_server_text);
	tcase_add_loop_test(tc, no_report_holds_the_private_key, 0, KINDS);
	tcase_add_loop_test(tc, reports_are_clean_utf8_without_controls, 0,
	    KINDS);
	tcase_add_test(tc, clean_replaces_bad_bytes_and_caps_length);
	tcase_add_test(tc, fit_cuts_at_characters_not_bytes);
	tcase_add_test(tc, writers_report_a_failed_write);
	return tc;
}

static TCase *
html_case(void)
{
	TCase *tc = tcase_create("html");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, html_renders_markup_in_server_text_as_text);
	tcase_add_loop_test(tc, html_fetches_nothing_from_outside, 0, KINDS);
	tcase_add_loop_test(tc, html_is_accessible_and_prints, 0, KINDS);
	tcase_add_test(tc, html_banner_says_the_verdict_first);
	tcase_add_test(tc, html_lists_the_fixes_in_order_before_the_matrix);
	tcase_add_test(tc, html_matrix_cells_carry_a_word_and_a_symbol);
	tcase_add_test(tc, html_shows_regressions_first_against_a_baseline);
	return tc;
}

static TCase *
junit_summary_case(void)
{
	TCase *tc = tcase_create("junit and summary");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, junit_validates_against_its_schema, 0, KINDS);
	tcase_add_test(tc, junit_counts_match_the_verdicts);
	tcase_add_test(tc, junit_of_a_stopped_audit_is_one_preflight_error);
	tcase_add_loop_test(tc, summary_lines_fit_in_80_columns, 0, KINDS);
	tcase_add_test(tc, summary_uses_colour_only_when_asked);
	tcase_add_test(tc, summary_shows_five_fixes_then_how_many_more);
	tcase_add_test(tc, summary_cuts_a_long_role_name_with_an_ellipsis);
	tcase_add_test(tc, summary_names_the_changes_files_and_failed_check);
	return tc;
}

static Suite *
report_suite(void)
{
	Suite *suite = suite_create("report");

	suite_add_tcase(suite, xml_case());
	suite_add_tcase(suite, html_case());
	suite_add_tcase(suite, junit_summary_case());
	return suite;
}

int
main(void)
{
	SRunner *runner = srunner_create(report_suite());
	int failed;

	srunner_run_all(runner, CK_NORMAL);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	xmlCleanupParser();
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
