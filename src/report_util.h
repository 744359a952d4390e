/*
 * report_util.h: what the report writers share, private to them.
 *
 * Server text reaches the reports unchecked: report_clean makes a copy
 * that is valid UTF-8 without control characters and of bounded length,
 * so that the XML stays well-formed and the terminal stays sane.  The
 * rw_ functions wrap libxml2's xmlTextWriter with a sticky error, so a
 * writer can emit a whole tree and check once at the end.
 */
#ifndef RA_REPORT_UTIL_H
#define RA_REPORT_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include <libxml/xmlwriter.h>

#include "model.h"

/* The most bytes of one server string a report keeps. */
#define REPORT_TEXT_MAX 4096

/* A copy of text with every invalid UTF-8 byte, every control character
 * but tab and newline (both become spaces when one_line), and every
 * character XML cannot hold replaced by U+FFFD, cut with "…" after
 * REPORT_TEXT_MAX bytes.  NULL for NULL text or when out of memory.
 * New. */
char *report_clean(const char *text, bool one_line);

/* The number of characters (code points) of valid UTF-8 text. */
size_t report_width(const char *text);

/* A copy of clean text cut to at most columns characters, the last being
 * "…" when it was cut.  New, or NULL when out of memory. */
char *report_fit(const char *text, size_t columns);

/* "2025-05-01T10:20:30Z" into buf. */
void report_time(time_t when, char *buf, size_t size);

/* "2025-05-01 10:20 UTC" into buf, for people. */
void report_time_text(time_t when, char *buf, size_t size);

/* "1.250": seconds with three decimals, whatever the locale. */
void report_seconds(double seconds, char *buf, size_t size);

/* "ready", "changes-needed", "undecided" or "stopped", from the exit
 * code.  Static. */
const char *report_outcome(const struct audit *audit);

/* The verdict in one sentence, as the banner and the summary say it:
 * "Ready for Horizon", "3 changes needed before Horizon can sync", "Some
 * settings could not be checked", "Could not finish the audit: the keys
 * were refused". */
void report_headline(const struct audit *audit, char *buf, size_t size);

/* The profile's title ("Horizon"), or "the integration".  Borrowed. */
const char *report_title(const struct audit *audit);

/* The symbol of the whole audit: ✔ ready, ✘ changes needed, ? undecided,
 * ! stopped.  Static. */
const char *report_outcome_symbol(const struct audit *audit);

/* A symbol for each verdict: ✔ ✘ ! ? ~.  Static. */
const char *report_verdict_symbol(enum verdict verdict);

/* The number of gaps on required requirements. */
size_t report_required_gaps(const struct audit *audit);

/* True when the fix is for a required requirement; the others are
 * advice. */
bool report_fix_required(const struct audit *audit, const struct fix *fix);

/* The number of fixes for required requirements. */
size_t report_required_fixes(const struct audit *audit);

/* The first failed pre-flight check, or NULL.  Borrowed. */
const struct check *report_failed_check(const struct audit *audit);

/* An XML writer on a stream.  failed turns true at the first error and
 * every later call does nothing. */
struct report_writer {
	xmlTextWriterPtr writer;
	bool failed;
};

/* Start a document on out (not closed at the end).  -1 on failure. */
int rw_open(struct report_writer *rw, FILE *out);
/* End the document, flush and free the writer: 0, or -1 when any step
 * failed. */
int rw_close(struct report_writer *rw);

void rw_start(struct report_writer *rw, const char *name);
void rw_start_ns(struct report_writer *rw, const char *name,
    const char *ns);
void rw_end(struct report_writer *rw);
/* An attribute of cleaned text; nothing when value is NULL. */
void rw_attr(struct report_writer *rw, const char *name, const char *value);
void rw_attr_bool(struct report_writer *rw, const char *name, bool value);
void rw_attr_long(struct report_writer *rw, const char *name, long value);
void rw_attr_size(struct report_writer *rw, const char *name, size_t value);
/* Cleaned text content; nothing when text is NULL. */
void rw_text(struct report_writer *rw, const char *text);
/* <name>text</name>, nothing when text is NULL. */
void rw_element(struct report_writer *rw, const char *name,
    const char *text);

/* Findings that are unknown or unverifiable. */
size_t report_undecided(const struct audit *audit);

#endif
