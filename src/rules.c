/*
 * rules.c: load a profile.  The file is read with a size cap, parsed by
 * libxml2 without network access, DTDs or entity expansion, validated
 * against rules.xsd (every schema error reported with its line), and then
 * built and checked for meaning by rules_build.c.
 */
#include "rules.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "rules_private.h"

#define RULES_MAX_BYTES	(4u * 1024 * 1024)
#define RULES_MAX_TEXT	512

#define RULES_PARSE_OPTIONS \
	(XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
	XML_PARSE_BIG_LINES)

#define RULES_NAMESPACE	"{urn:roleaudit:rules:1}"

/* Where libxml2 errors go while one file is read. */
struct error_sink {
	struct diag *diag;
	const char *file;
	size_t count;
};

#if LIBXML_VERSION >= 21200
typedef const xmlError *rules_error_ptr;
#else
typedef xmlErrorPtr rules_error_ptr;
#endif

/* Read a whole file of at most RULES_MAX_BYTES.  what names it in
 * messages ("profile", "schema").  New, NUL-terminated. */
static char *
read_capped(const char *path, const char *what, size_t *len,
    struct diag *diag)
{
	FILE *fp = fopen(path, "rb");
	char *text;
	size_t n;
	int error;

	if (fp == NULL) {
		diag_add(diag, path, 0, "cannot open the %s: %s", what,
		    strerror(errno));
		return NULL;
	}
	text = malloc(RULES_MAX_BYTES + 1);
	if (text == NULL) {
		fclose(fp);
		diag_add(diag, path, 0, "out of memory reading the %s", what);
		return NULL;
	}

	n = fread(text, 1, RULES_MAX_BYTES + 1, fp);
	error = ferror(fp) ? errno : 0;
	fclose(fp);
	if (error != 0 || n > RULES_MAX_BYTES) {
		if (error != 0)
			diag_add(diag, path, 0, "cannot read the %s: %s", what,
			    strerror(error));
		else
			diag_add(diag, path, 0, "the %s is larger than %u MiB; "
			    "check that this is the right file", what,
			    RULES_MAX_BYTES / (1024 * 1024));
		free(text);
		return NULL;
	}
	text[n] = '\0';
	*len = n;
	return text;
}

/* A libxml2 message as ours: no namespace braces, no line break, no
 * final period, lowercase first letter, control characters as spaces. */
static void
clean_message(const char *in, char *out, size_t size)
{
	size_t n = 0, skip = strlen(RULES_NAMESPACE);

	while (*in != '\0' && n + 1 < size) {
		if (strncmp(in, RULES_NAMESPACE, skip) == 0) {
			in += skip;
			continue;
		}
		out[n++] = (unsigned char)*in < 0x20 ? ' ' : *in;
		in++;
	}
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '.'))
		n--;
	out[n] = '\0';
	if (out[0] >= 'A' && out[0] <= 'Z' && !(out[1] >= 'A' &&
	    out[1] <= 'Z'))
		out[0] = (char)(out[0] - 'A' + 'a');
}

/* The start line of the element an error is about, when the profile's
 * elements were marked, else the line libxml2 gives. */
static int
error_line(rules_error_ptr error)
{
	xmlNodePtr node = error->node;

	if (node != NULL && node->type == XML_ATTRIBUTE_NODE)
		node = node->parent;
	if (node != NULL && node->type == XML_ELEMENT_NODE &&
	    node->_private != NULL)
		return (int)(intptr_t)node->_private;
	return error->line;
}

static void
collect_error(void *data, rules_error_ptr error)
{
	struct error_sink *sink = data;
	char text[RULES_MAX_TEXT];

	if (error == NULL || error->level < XML_ERR_ERROR)
		return;
	clean_message(error->message ? error->message : "invalid", text,
	    sizeof text);
	diag_add(sink->diag, sink->file, error_line(error), "%s", text);
	sink->count++;
}

static int
line_of(const char *text, const char *at)
{
	int line = 1;

	for (; text < at; text++) {
		if (*text == '\n')
			line++;
	}
	return line;
}

static void
report_parse_error(const char *file, const xmlError *error,
    struct diag *diag)
{
	char text[RULES_MAX_TEXT];

	clean_message(error && error->message ? error->message : "unknown",
	    text, sizeof text);
	diag_add(diag, file, error ? error->line : 0,
	    "not well-formed XML (%s); a profile is an XML file as described "
	    "in docs/RULES.md", text);
}

/* Where the next start tag begins in text, or NULL; *line counts the
 * lines passed.  Comments, CDATA, processing instructions, declarations
 * and end tags are skipped: only they can hold a "<" that opens no
 * element, since XML allows no raw "<" in text or attribute values. */
static const char *
next_start_tag(const char *text, int *line)
{
	static const char *const skips[][2] = {
		{ "<!--", "-->" }, { "<![CDATA[", "]]>" }, { "<?", "?>" },
		{ "<!", ">" }, { "</", ">" },
	};
	const char *end;
	size_t i, len;

	for (; *text != '\0'; text++) {
		if (*text == '\n')
			(*line)++;
		if (*text != '<')
			continue;
		for (i = 0; i < sizeof skips / sizeof skips[0]; i++) {
			len = strlen(skips[i][0]);
			if (strncmp(text, skips[i][0], len) == 0)
				break;
		}
		if (i == sizeof skips / sizeof skips[0])
			return text;
		end = strstr(text, skips[i][1]);
		if (end == NULL)
			return NULL;
		for (; text < end; text++)
			*line += *text == '\n';
	}
	return NULL;
}

/* Give every element the line its start tag opens on, in _private:
 * libxml2 keeps the line where the tag closes, which for a tag spread
 * over several lines is not where a reader looks.  Elements in document
 * order match start tags in text order. */
static const char *
mark_lines(xmlNodePtr node, const char *text, int *line)
{
	for (; node != NULL && text != NULL; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		text = next_start_tag(text, line);
		if (text == NULL)
			return NULL;
		node->_private = (void *)(intptr_t)*line;
		text = mark_lines(node->children, text + 1, line);
	}
	return text;
}

static xmlDocPtr
parse_profile(const char *file, const char *text, size_t len,
    struct diag *diag)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	xmlDocPtr doc;
	const char *doctype;
	int line;

	if (ctxt == NULL) {
		diag_add(diag, file, 0, "out of memory parsing the profile");
		return NULL;
	}
	doc = xmlCtxtReadMemory(ctxt, text, (int)len, file, NULL,
	    RULES_PARSE_OPTIONS);
	if (doc == NULL)
		report_parse_error(file, xmlCtxtGetLastError(ctxt), diag);
	xmlFreeParserCtxt(ctxt);

	if (doc != NULL && doc->intSubset == NULL && doc->extSubset == NULL) {
		line = 1;
		mark_lines(doc->children, text, &line);
	}
	if (doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL)) {
		doctype = strstr(text, "<!DOCTYPE");
		diag_add(diag, file, doctype ? line_of(text, doctype) : 0,
		    "a DOCTYPE is not allowed in a profile; remove it");
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return doc;
}

static xmlSchemaPtr
load_schema(const char *path, struct diag *diag)
{
	struct error_sink sink = { .diag = diag, .file = path };
	xmlSchemaParserCtxtPtr ctxt;
	xmlSchemaPtr schema = NULL;
	size_t len = 0;
	char *text;

	text = read_capped(path, "schema", &len, diag);
	if (text == NULL)
		return NULL;
	ctxt = xmlSchemaNewMemParserCtxt(text, (int)len);
	if (ctxt != NULL) {
		xmlSchemaSetParserStructuredErrors(ctxt, collect_error, &sink);
		schema = xmlSchemaParse(ctxt);
		xmlSchemaFreeParserCtxt(ctxt);
	}
	if (schema == NULL && sink.count == 0)
		diag_add(diag, path, 0, "the schema is not a valid XML schema; "
		    "use the rules.xsd shipped with roleaudit");
	free(text);
	return schema;
}

static bool
validate(xmlDocPtr doc, xmlSchemaPtr schema, const char *file,
    struct diag *diag)
{
	struct error_sink sink = { .diag = diag, .file = file };
	xmlSchemaValidCtxtPtr ctxt = xmlSchemaNewValidCtxt(schema);
	int rc;

	if (ctxt == NULL) {
		diag_add(diag, file, 0, "out of memory validating the profile");
		return false;
	}
	xmlSchemaSetValidStructuredErrors(ctxt, collect_error, &sink);
	rc = xmlSchemaValidateDoc(ctxt, doc);
	xmlSchemaFreeValidCtxt(ctxt);
	if (rc != 0 && sink.count == 0)
		diag_add(diag, file, 0, "the profile does not match the "
		    "schema (validation code %d)", rc);
	return rc == 0;
}

struct profile *
rules_load(const char *path, const char *schema_path, struct diag *diag)
{
	struct profile *profile = NULL;
	xmlSchemaPtr schema = NULL;
	xmlDocPtr doc = NULL;
	size_t len = 0;
	char *text;

	text = read_capped(path, "profile", &len, diag);
	if (text == NULL)
		return NULL;
	schema = load_schema(schema_path, diag);
	if (schema != NULL)
		doc = parse_profile(path, text, len, diag);

	if (doc != NULL && validate(doc, schema, path, diag))
		profile = rules_build(doc, path, diag);

	xmlFreeDoc(doc);
	xmlSchemaFree(schema);
	free(text);
	return profile;
}

void
rules_free(struct profile *profile)
{
	size_t i;

	if (profile == NULL)
		return;
	for (i = 0; i < profile->customize_count; i++)
		rules_free_customize(&profile->customizes[i]);
	for (i = 0; i < profile->probe_count; i++)
		rules_free_probe(&profile->probes[i]);
	for (i = 0; i < profile->requirement_count; i++)
		rules_free_requirement(&profile->requirements[i]);
	free(profile->customizes);
	free(profile->probes);
	free(profile->requirements);
	free(profile->path);
	free(profile->name);
	free(profile->title);
	free(profile->version);
	free(profile->role_hint);
	free(profile);
}

const struct rule_probe *
rules_probe(const struct profile *profile, const char *id)
{
	size_t i;

	for (i = 0; i < profile->probe_count; i++) {
		if (profile->probes[i].id != NULL &&
		    strcmp(profile->probes[i].id, id) == 0)
			return &profile->probes[i];
	}
	return NULL;
}

const struct rule_item *
rules_item(const struct rule_customize *list, const char *id)
{
	size_t i;

	for (i = 0; i < list->item_count; i++) {
		if (list->items[i].id != NULL &&
		    strcmp(list->items[i].id, id) == 0)
			return &list->items[i];
	}
	return NULL;
}
