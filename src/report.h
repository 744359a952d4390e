/*
 * report.h: the writers that render one audit.
 *
 * Each writer reads a finished struct audit and writes one format to a
 * stream the caller opened; placing files atomically is store.h's job.
 * Server text is escaped by libxml2 (XML, HTML), never by hand.  Each
 * returns 0, or -1 when writing failed (the caller checks ferror and
 * fclose as well).
 */
#ifndef RA_REPORT_H
#define RA_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "model.h"

/* The gap report as XML, valid against data/report.xsd. */
int report_xml(const struct audit *audit, FILE *out);

/* One self-contained HTML page: verdict, fix list, matrix, details. */
int report_html(const struct audit *audit, FILE *out);

/* JUnit XML: one test case per requirement. */
int report_junit(const struct audit *audit, FILE *out);

/* The terminal summary, at most 80 columns wide.  color: use ANSI
 * colour.  files: the report paths to name, NULL-terminated, or NULL. */
void report_summary(const struct audit *audit, FILE *out, bool color,
    const char *const *files);

#endif
