/*
 * baseline.c: reading an earlier report and comparing with it.
 */
#include "baseline.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "text.h"

#define BASELINE_MAX_BYTES (16L * 1024 * 1024)
#define REPORT_NS "urn:roleaudit:report:1"

struct schema_errors {
	char *buf;
	size_t len;
	int first_line;
	const char *first;
};

static void
keep_first_error(void *user, xmlErrorPtr error)
{
	struct schema_errors *errors = user;

	if (errors->first_line != 0 || error == NULL)
		return;
	errors->first_line = error->line > 0 ? error->line : -1;
	snprintf(errors->buf, errors->len, "%s",
	    error->message ? error->message : "invalid");
	errors->buf[strcspn(errors->buf, "\n")] = '\0';
}

static int
validate(xmlDocPtr doc, const char *path, const char *schema, char *err,
    size_t errlen)
{
	xmlSchemaParserCtxtPtr pctx = xmlSchemaNewParserCtxt(schema);
	xmlSchemaPtr xsd = pctx ? xmlSchemaParse(pctx) : NULL;
	xmlSchemaValidCtxtPtr vctx = xsd ? xmlSchemaNewValidCtxt(xsd) : NULL;
	char first[256] = "";
	struct schema_errors errors = { first, sizeof first, 0, NULL };
	int rc = -1;

	if (vctx == NULL) {
		snprintf(err, errlen, "%s: cannot read the report schema",
		    schema);
	} else {
		xmlSchemaSetValidStructuredErrors(vctx, keep_first_error,
		    &errors);
		if (xmlSchemaValidateDoc(vctx, doc) == 0)
			rc = 0;
		else
			snprintf(err, errlen, "%s:%d: not a valid roleaudit "
			    "report: %s", path, errors.first_line, first);
	}
	xmlSchemaFreeValidCtxt(vctx);
	xmlSchemaFree(xsd);
	xmlSchemaFreeParserCtxt(pctx);
	return rc;
}

static char *
attr(xmlNodePtr node, const char *name)
{
	xmlChar *value = xmlGetProp(node, (const xmlChar *)name);
	char *copy = text_dup((const char *)value);

	xmlFree(value);
	return copy;
}

static xmlNodePtr
child(xmlNodePtr parent, const char *name)
{
	xmlNodePtr node;

	for (node = parent ? parent->children : NULL; node; node = node->next)
		if (node->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)node->name, name) == 0)
			return node;
	return NULL;
}

static enum verdict
verdict_from(const char *name)
{
	enum verdict v;

	for (v = VERDICT_PASS; v < VERDICT_COUNT; v++)
		if (name != NULL && strcmp(verdict_name(v), name) == 0)
			return v;
	return VERDICT_UNKNOWN;
}

static int
read_findings(xmlNodePtr findings, struct baseline *out)
{
	xmlNodePtr node;
	size_t n = 0;

	for (node = findings ? findings->children : NULL; node;
	    node = node->next)
		n += node->type == XML_ELEMENT_NODE;
	out->entries = calloc(n + 1, sizeof *out->entries);
	if (out->entries == NULL)
		return -1;
	for (node = findings ? findings->children : NULL; node;
	    node = node->next) {
		char *status;

		if (node->type != XML_ELEMENT_NODE)
			continue;
		status = attr(node, "status");
		out->entries[out->count].id = attr(node, "id");
		out->entries[out->count].verdict = verdict_from(status);
		free(status);
		out->count++;
	}
	return 0;
}

static int
read_report(xmlDocPtr doc, struct baseline *out)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlNodePtr tenant = child(root, "tenant");

	out->profile = attr(root, "profile");
	out->profile_version = attr(root, "profile-version");
	out->time = attr(root, "time");
	out->company = attr(tenant, "company");
	out->host = attr(tenant, "site-url");
	if (out->host == NULL)
		out->host = attr(tenant, "server");
	return read_findings(child(root, "findings"), out);
}

static bool
is_report(xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);

	return root != NULL && root->ns != NULL &&
	    strcmp((const char *)root->name, "audit") == 0 &&
	    strcmp((const char *)root->ns->href, REPORT_NS) == 0;
}

int
baseline_load(const char *path, const char *schema, struct baseline *out,
    char *err, size_t errlen)
{
	struct stat st;
	xmlDocPtr doc;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: cannot read the earlier report",
		    path);
		return -1;
	}
	if (st.st_size > BASELINE_MAX_BYTES) {
		snprintf(err, errlen, "%s: too large for a report (%lld "
		    "bytes)", path, (long long)st.st_size);
		return -1;
	}
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	if (doc == NULL) {
		const xmlError *e = xmlGetLastError();

		snprintf(err, errlen, "%s:%d: not well-formed XML, so not a "
		    "roleaudit report", path, e ? e->line : 0);
	} else if (!is_report(doc)) {
		snprintf(err, errlen, "%s: not a roleaudit report (its root "
		    "element is not roleaudit's <audit>)", path);
	} else if (validate(doc, path, schema, err, errlen) == 0) {
		rc = read_report(doc, out);
		out->path = text_dup(path);
	}
	xmlFreeDoc(doc);
	if (rc != 0)
		baseline_clear(out);
	return rc;
}

static const struct baseline_entry *
find_entry(const struct baseline *baseline, const char *id)
{
	size_t i;

	for (i = 0; i < baseline->count; i++)
		if (baseline->entries[i].id != NULL &&
		    strcmp(baseline->entries[i].id, id) == 0)
			return &baseline->entries[i];
	return NULL;
}

static bool
met(enum verdict v)
{
	return v == VERDICT_PASS || v == VERDICT_EXCESS;
}

static enum change
change_of(enum verdict before, enum verdict now)
{
	/* Met before and a gap, or no longer decided, now. */
	if (met(before) && !met(now))
		return CHANGE_REGRESSED;
	if (before == VERDICT_GAP && met(now))
		return CHANGE_FIXED;
	if (before == VERDICT_GAP && now == VERDICT_GAP)
		return CHANGE_STILL_MISSING;
	if (now == VERDICT_EXCESS && before != VERDICT_EXCESS)
		return CHANGE_NEW_EXCESS;
	return CHANGE_UNCHANGED;
}

static int
same_tenant(const struct baseline *b, const struct audit *a, char *err,
    size_t errlen)
{
	const char *host = a->tenant.site_url ? a->tenant.site_url :
	    a->tenant.server;

	if (b->profile == NULL || strcmp(b->profile, a->profile->name) != 0) {
		snprintf(err, errlen, "%s: made with profile \"%s\", not "
		    "\"%s\": not compared", b->path, b->profile ? b->profile :
		    "?", a->profile->name);
		return -1;
	}
	if (b->company == NULL || host == NULL ||
	    strcasecmp(b->company, a->tenant.company) != 0 ||
	    strcasecmp(b->host, host) != 0) {
		snprintf(err, errlen, "%s: a report of company \"%s\" on "
		    "\"%s\", not of this tenant: not compared", b->path,
		    b->company ? b->company : "?", b->host ? b->host : "?");
		return -1;
	}
	return 0;
}

int
baseline_compare(const struct baseline *baseline, struct audit *audit,
    char *err, size_t errlen)
{
	const char *version = audit->profile->version;
	size_t i;

	if (audit->stopped || same_tenant(baseline, audit, err, errlen) != 0)
		return audit->stopped ? 0 : -1;
	if (baseline->count == 0) {
		snprintf(err, errlen, "%s: the earlier audit could not finish, "
		    "so it has no findings to compare with: not compared",
		    baseline->path);
		return -1;
	}

	for (i = 0; i < audit->finding_count; i++) {
		struct finding *f = &audit->findings[i];
		const struct baseline_entry *e = find_entry(baseline,
		    f->req->id);

		f->change = e ? change_of(e->verdict, f->verdict) : CHANGE_NEW;
		f->before = e ? e->verdict : f->verdict;
	}
	audit->baseline_path = text_dup(baseline->path);
	if (baseline->profile_version && version &&
	    strcmp(baseline->profile_version, version) != 0)
		audit->baseline_note = text_printf("the earlier report was "
		    "made with profile version %s; this run uses %s, so "
		    "requirements may have changed",
		    baseline->profile_version, version);
	return 0;
}

void
baseline_clear(struct baseline *baseline)
{
	size_t i;

	for (i = 0; i < baseline->count; i++)
		free(baseline->entries[i].id);
	free(baseline->entries);
	free(baseline->path);
	free(baseline->profile);
	free(baseline->profile_version);
	free(baseline->company);
	free(baseline->host);
	free(baseline->time);
	memset(baseline, 0, sizeof *baseline);
}
