/*
 * report_util.c: cleaning server text, formatting times and numbers, and
 * an xmlTextWriter that remembers its first error.
 */
#include "report_util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlIO.h>

static const char replacement[] = "\xef\xbf\xbd";	/* U+FFFD */
static const char ellipsis[] = "\xe2\x80\xa6";		/* U+2026 */

/* Length of the valid UTF-8 sequence at s with its code point, or 0 when
 * the bytes there are not one (overlong, surrogate, cut short). */
static size_t
utf8_decode(const unsigned char *s, unsigned long *cp)
{
	size_t len, i;
	unsigned long c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else
		return 0;

	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}

	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/* True for characters a report may show as they are: no controls (C0,
 * DEL, C1), no non-characters XML refuses, no bidirectional overrides
 * that would reorder what a terminal shows. */
static bool
char_fits(unsigned long c)
{
	if (c == '\t' || c == '\n')
		return true;
	if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
		return false;
	if (c == 0xfffe || c == 0xffff)
		return false;
	if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
		return false;
	return true;
}

/* What the bytes at s become in clean text: *piece of *size bytes (none
 * for the CR of a CR LF).  Returns how many bytes of s it stands for. */
static size_t
clean_piece(const unsigned char *s, bool one_line, const char **piece,
    size_t *size)
{
	unsigned long c = 0;
	size_t len = utf8_decode(s, &c);

	*piece = (const char *)s;
	*size = len;
	if (len == 1 && c == '\r') {
		if (s[1] == '\n') {
			*size = 0;
			return 1;
		}
		c = '\n';
		*piece = "\n";
	}
	if (len == 0 || !char_fits(c)) {
		*piece = replacement;
		*size = sizeof(replacement) - 1;
	} else if (one_line && (c == '\t' || c == '\n')) {
		*piece = " ";
		*size = 1;
	}
	return len == 0 ? 1 : len;
}

char *
report_clean(const char *text, bool one_line)
{
	const unsigned char *s = (const unsigned char *)text;
	const char *piece;
	size_t used = 0, size;
	char *out;

	if (text == NULL)
		return NULL;
	out = malloc(REPORT_TEXT_MAX + sizeof(ellipsis));
	if (out == NULL)
		return NULL;

	while (*s != '\0') {
		size_t advance = clean_piece(s, one_line, &piece, &size);

		if (used + size > REPORT_TEXT_MAX) {
			memcpy(out + used, ellipsis, sizeof(ellipsis) - 1);
			used += sizeof(ellipsis) - 1;
			break;
		}
		memcpy(out + used, piece, size);
		used += size;
		s += advance;
	}
	out[used] = '\0';
	return out;
}

size_t
report_width(const char *text)
{
	size_t width = 0;

	for (; *text != '\0'; text++) {
		if (((unsigned char)*text & 0xc0) != 0x80)
			width++;
	}
	return width;
}

char *
report_fit(const char *text, size_t columns)
{
	const char *end = text;
	size_t kept = 0;
	char *out;

	if (report_width(text) <= columns)
		return strdup(text);

	while (*end != '\0' && kept + 1 < columns) {
		end++;
		while (((unsigned char)*end & 0xc0) == 0x80)
			end++;
		kept++;
	}

	out = malloc((size_t)(end - text) + sizeof(ellipsis));
	if (out == NULL)
		return NULL;
	memcpy(out, text, (size_t)(end - text));
	memcpy(out + (end - text), ellipsis, sizeof(ellipsis));
	return out;
}

void
report_time(time_t when, char *buf, size_t size)
{
	struct tm tm;

	if (gmtime_r(&when, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, size, "1970-01-01T00:00:00Z");
}

void
report_time_text(time_t when, char *buf, size_t size)
{
	struct tm tm;

	if (gmtime_r(&when, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%d %H:%M UTC", &tm) == 0)
		snprintf(buf, size, "an unknown time");
}

void
report_seconds(double seconds, char *buf, size_t size)
{
	long long ms = 0;

	if (isfinite(seconds) && seconds > 0 && seconds < 1e12)
		ms = (long long)(seconds * 1000.0 + 0.5);
	snprintf(buf, size, "%lld.%03lld", ms / 1000, ms % 1000);
}

const char *
report_outcome(const struct audit *audit)
{
	switch (audit_exit_code(audit)) {
	case 0:
		return "ready";
	case 1:
		return "changes-needed";
	case 2:
		return "undecided";
	default:
		return "stopped";
	}
}

const char *
report_title(const struct audit *audit)
{
	if (audit->profile != NULL && audit->profile->title != NULL)
		return audit->profile->title;
	return "the integration";
}

void
report_headline(const struct audit *audit, char *buf, size_t size)
{
	const struct check *failed;
	size_t changes;

	switch (audit_exit_code(audit)) {
	case 0:
		snprintf(buf, size, "Ready for %s", report_title(audit));
		break;
	case 1:
		changes = report_required_fixes(audit);
		if (changes == 0)
			changes = report_required_gaps(audit);
		snprintf(buf, size, "%zu change%s needed before %s can sync",
		    changes, changes == 1 ? "" : "s", report_title(audit));
		break;
	case 2:
		snprintf(buf, size, "Some settings could not be checked");
		break;
	default:
		failed = report_failed_check(audit);
		if (failed != NULL && failed->name != NULL)
			snprintf(buf, size, "Could not finish the audit: the "
			    "%s check failed", failed->name);
		else
			snprintf(buf, size, "Could not finish the audit");
	}
}

const char *
report_outcome_symbol(const struct audit *audit)
{
	switch (audit_exit_code(audit)) {
	case 0:
		return report_verdict_symbol(VERDICT_PASS);
	case 1:
		return report_verdict_symbol(VERDICT_GAP);
	case 2:
		return report_verdict_symbol(VERDICT_UNKNOWN);
	default:
		return "!";
	}
}

const char *
report_verdict_symbol(enum verdict verdict)
{
	switch (verdict) {
	case VERDICT_PASS:
		return "\xe2\x9c\x94";	/* ✔ */
	case VERDICT_GAP:
		return "\xe2\x9c\x98";	/* ✘ */
	case VERDICT_EXCESS:
		return "!";
	case VERDICT_UNKNOWN:
		return "?";
	default:
		return "~";
	}
}

size_t
report_required_gaps(const struct audit *audit)
{
	size_t i, gaps = 0;

	for (i = 0; i < audit->finding_count; i++) {
		const struct finding *f = &audit->findings[i];

		if (f->verdict == VERDICT_GAP && f->req->required)
			gaps++;
	}
	return gaps;
}

size_t
report_required_fixes(const struct audit *audit)
{
	size_t i, fixes = 0;

	for (i = 0; i < audit->fix_count; i++) {
		if (report_fix_required(audit, &audit->fixes[i]))
			fixes++;
	}
	return fixes;
}

bool
report_fix_required(const struct audit *audit, const struct fix *fix)
{
	return fix->finding < audit->finding_count &&
	    audit->findings[fix->finding].req->required;
}

const struct check *
report_failed_check(const struct audit *audit)
{
	size_t i;

	for (i = 0; i < audit->check_count; i++) {
		if (audit->checks[i].status == CHECK_FAIL)
			return &audit->checks[i];
	}
	return NULL;
}

int
rw_open(struct report_writer *rw, FILE *out)
{
	xmlOutputBufferPtr buf;

	rw->failed = false;
	rw->writer = NULL;
	buf = xmlOutputBufferCreateFile(out, NULL);
	if (buf == NULL)
		return -1;
	rw->writer = xmlNewTextWriter(buf);
	if (rw->writer == NULL) {
		xmlOutputBufferClose(buf);
		return -1;
	}

	if (xmlTextWriterSetIndent(rw->writer, 1) < 0 ||
	    xmlTextWriterSetIndentString(rw->writer, BAD_CAST "  ") < 0 ||
	    xmlTextWriterStartDocument(rw->writer, "1.0", "UTF-8",
	    NULL) < 0)
		rw->failed = true;
	return 0;
}

int
rw_close(struct report_writer *rw)
{
	if (rw->writer == NULL)
		return -1;
	if (!rw->failed && (xmlTextWriterEndDocument(rw->writer) < 0 ||
	    xmlTextWriterFlush(rw->writer) < 0))
		rw->failed = true;
	xmlFreeTextWriter(rw->writer);
	rw->writer = NULL;
	return rw->failed ? -1 : 0;
}

static void
rw_check(struct report_writer *rw, int rc)
{
	if (rc < 0)
		rw->failed = true;
}

void
rw_start(struct report_writer *rw, const char *name)
{
	if (!rw->failed)
		rw_check(rw, xmlTextWriterStartElement(rw->writer,
		    BAD_CAST name));
}

void
rw_start_ns(struct report_writer *rw, const char *name, const char *ns)
{
	if (!rw->failed)
		rw_check(rw, xmlTextWriterStartElementNS(rw->writer, NULL,
		    BAD_CAST name, BAD_CAST ns));
}

void
rw_end(struct report_writer *rw)
{
	if (!rw->failed)
		rw_check(rw, xmlTextWriterEndElement(rw->writer));
}

void
rw_attr(struct report_writer *rw, const char *name, const char *value)
{
	char *clean;

	if (rw->failed || value == NULL)
		return;
	clean = report_clean(value, false);
	if (clean == NULL) {
		rw->failed = true;
		return;
	}
	rw_check(rw, xmlTextWriterWriteAttribute(rw->writer, BAD_CAST name,
	    BAD_CAST clean));
	free(clean);
}

void
rw_attr_bool(struct report_writer *rw, const char *name, bool value)
{
	rw_attr(rw, name, value ? "true" : "false");
}

void
rw_attr_long(struct report_writer *rw, const char *name, long value)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", value);
	rw_attr(rw, name, buf);
}

void
rw_attr_size(struct report_writer *rw, const char *name, size_t value)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%zu", value);
	rw_attr(rw, name, buf);
}

void
rw_text(struct report_writer *rw, const char *text)
{
	char *clean;

	if (rw->failed || text == NULL)
		return;
	clean = report_clean(text, false);
	if (clean == NULL) {
		rw->failed = true;
		return;
	}
	rw_check(rw, xmlTextWriterWriteString(rw->writer, BAD_CAST clean));
	free(clean);
}

void
rw_element(struct report_writer *rw, const char *name, const char *text)
{
	if (text == NULL)
		return;
	rw_start(rw, name);
	rw_text(rw, text);
	rw_end(rw);
}

size_t
report_undecided(const struct audit *audit)
{
	return audit->counts[VERDICT_UNKNOWN] +
	    audit->counts[VERDICT_UNVERIFIABLE];
}
