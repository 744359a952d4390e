/*
 * fuzz_audit.c: a whole audit against hostile answers.
 *
 * The input is a script for script_net.c: what the "server" answers to
 * companyinfo, /system/info, /system/myMembers, mySecurity, the allow
 * lists and every probe of the Horizon profile.  So every parser of
 * server answers runs (pre-flight, settings, items, probes), then the
 * verdicts and all four report writers.  The promises checked:
 *
 *  - authenticated requests go only to the tenant's host (script_net.c);
 *  - a requirement with an undecided probe is never a pass;
 *  - the key appears in no report;
 *  - the XML and JUnit reports are well-formed whatever the server
 *    sent, and the HTML report holds no script element;
 *  - the terminal summary has no escape codes and no line over 80
 *    columns.
 */
#define _GNU_SOURCE		/* memmem */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "audit.h"
#include "fuzz.h"
#include "script_net.h"
#include "msg.h"
#include "report.h"
#include "rules.h"

#define PROFILE RA_SRCDATADIR "/horizon.rules.xml"
#define SCHEMA RA_SRCDATADIR "/rules.xsd"
#define SECRET "privSECRET-horizon-7f3a9c"
#define PARSE_QUIET (XML_PARSE_NONET | XML_PARSE_NOERROR | \
	XML_PARSE_NOWARNING)

static struct profile *profile;

static void
drop_profile(void)
{
	rules_free(profile);
	profile = NULL;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag diag = { 0 };

	(void)argc;
	(void)argv;
	xmlInitParser();
	msg_init(MSG_QUIET);
	profile = rules_load(PROFILE, SCHEMA, &diag);
	if (profile == NULL) {
		diag_print(&diag, stderr);
		abort();
	}
	diag_clear(&diag);
	atexit(drop_profile);
	return 0;
}

/* True when a probe of the requirement could not be decided. */
static bool
has_unknown_probe(const struct audit *audit, const struct requirement *req)
{
	size_t i, j;

	for (i = 0; i < req->probe_count; i++) {
		const struct rule_probe *spec =
		    &profile->probes[req->probes[i].probe];

		for (j = 0; j < audit->probe_count; j++)
			if (audit->probes[j].spec == spec &&
			    audit->probes[j].obs.outcome == OUTCOME_UNKNOWN)
				return true;
	}
	return false;
}

static void
check_findings(const struct audit *audit)
{
	size_t i;

	if (audit->stopped) {
		if (audit->finding_count != 0)
			abort();
		return;
	}
	if (audit->finding_count != profile->requirement_count)
		abort();
	for (i = 0; i < audit->finding_count; i++) {
		const struct finding *f = &audit->findings[i];

		if ((f->verdict == VERDICT_PASS ||
		    f->verdict == VERDICT_EXCESS) &&
		    has_unknown_probe(audit, f->req))
			abort();
	}
}

/* Render one report into memory.  New; *len receives its size. */
static char *
render(const struct audit *audit, int (*writer)(const struct audit *,
    FILE *), size_t *len)
{
	char *text = NULL;
	FILE *out;

	out = open_memstream(&text, len);
	if (out == NULL)
		abort();
	if (writer(audit, out) != 0)
		abort();
	if (fclose(out) != 0)
		abort();
	if (memmem(text, *len, SECRET, strlen(SECRET)) != NULL)
		abort();
	return text;
}

static void
check_xml(const char *text, size_t len)
{
	xmlDocPtr doc = xmlReadMemory(text, (int)len, "report.xml", NULL,
	    PARSE_QUIET);

	if (doc == NULL)
		abort();
	xmlFreeDoc(doc);
}

/* An event handler attribute: onload, onerror, ... */
static bool
has_handler(xmlNodePtr node)
{
	xmlAttrPtr attr;

	for (attr = node->properties; attr != NULL; attr = attr->next)
		if (xmlStrncasecmp(attr->name, BAD_CAST "on", 2) == 0)
			return true;
	return false;
}

static bool
has_script(xmlNodePtr node)
{
	for (; node != NULL; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcasecmp(node->name, BAD_CAST "script") == 0 ||
		    has_handler(node) || has_script(node->children))
			return true;
	}
	return false;
}

static void
check_html(const char *text, size_t len)
{
	htmlDocPtr doc = htmlReadMemory(text, (int)len, "report.html",
	    "UTF-8", HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING);

	if (doc == NULL || has_script(xmlDocGetRootElement(doc)))
		abort();
	xmlFreeDoc(doc);
}

static int
summary(const struct audit *audit, FILE *out)
{
	static const char *const files[] = { "r.xml", "r.html", NULL };

	report_summary(audit, out, false, files);
	return 0;
}

/* No escape codes; no line wider than 80 characters of UTF-8. */
static void
check_summary(const char *text, size_t len)
{
	size_t i, width = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		if (c == 0x1b)
			abort();
		if (c == '\n') {
			width = 0;
			continue;
		}
		if ((c & 0xc0) != 0x80)
			width++;
		if (width > 80)
			abort();
	}
}

static void
check_reports(const struct audit *audit)
{
	size_t len;
	char *text;

	text = render(audit, report_xml, &len);
	check_xml(text, len);
	free(text);
	text = render(audit, report_junit, &len);
	check_xml(text, len);
	free(text);
	text = render(audit, report_html, &len);
	check_html(text, len);
	free(text);
	text = render(audit, summary, &len);
	check_summary(text, len);
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct audit_input in = { 0 };
	struct audit *audit;

	if (fuzz_net_script((const char *)data, size) != 0)
		return 0;
	in.company = "acme";
	in.public_key = "pubHorizon0001";
	in.private_key = SECRET;
	in.client_id = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
	in.server = FUZZ_HOST;
	in.profile = profile;
	net_config_defaults(&in.net);

	audit = audit_run(&in);
	if (audit != NULL) {
		check_findings(audit);
		check_reports(audit);
	}
	audit_free(audit);
	fuzz_net_clear();
	return 0;
}
