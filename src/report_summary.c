/*
 * report_summary.c: the few lines printed at the end of a run.  Every
 * line is cleaned of control characters and fits in 80 columns (counted
 * in characters): long lists wrap at spaces, and a name too long for its
 * line is cut with an ellipsis.  Colour only when the caller allows it.
 */
#include "report.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "report_util.h"

#define COLUMNS 80
#define FIRST_FIXES 5
#define LINE_MAX_BYTES 1024

#define RED "\033[1;31m"
#define GREEN "\033[1;32m"
#define YELLOW "\033[1;33m"
#define BOLD "\033[1m"
#define RESET "\033[0m"

struct term {
	FILE *out;
	bool color;
};

static void
emit(struct term *t, const char *color, const char *text)
{
	char *fit = report_fit(text, COLUMNS);

	if (fit == NULL)
		return;
	if (t->color && color != NULL)
		fprintf(t->out, "%s%s%s\n", color, fit, RESET);
	else
		fprintf(t->out, "%s\n", fit);
	free(fit);
}

/* One line, cut to 80 columns. */
static void
put(struct term *t, const char *color, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
put(struct term *t, const char *color, const char *fmt, ...)
{
	char line[LINE_MAX_BYTES];
	char *clean;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	clean = report_clean(line, true);
	if (clean != NULL)
		emit(t, color, clean);
	free(clean);
}

/* Where to break clean text s to fit room columns: at the last space
 * that fits, or hard at room when there is none. */
static const char *
wrap_point(const char *s, size_t room)
{
	const char *p = s, *space = NULL;
	size_t width = 0;

	while (*p != '\0' && width < room) {
		if (*p == ' ')
			space = p;
		p++;
		while (((unsigned char)*p & 0xc0) == 0x80)
			p++;
		width++;
	}
	if (*p == '\0' || *p == ' ' || space == NULL || space == s)
		return p;
	return space;
}

/* text over as many lines as it needs: first prefix on the first line,
 * rest on the others. */
static void
put_wrapped(struct term *t, const char *first, const char *rest,
    const char *text)
{
	char line[COLUMNS * 4 + 1];
	const char *prefix = first;
	char *clean = report_clean(text, true);
	const char *s = clean, *cut;

	if (clean == NULL)
		return;
	while (*s != '\0') {
		cut = wrap_point(s, COLUMNS - report_width(prefix));
		snprintf(line, sizeof(line), "%s%.*s", prefix, (int)(cut - s),
		    s);
		emit(t, NULL, line);
		s = cut;
		while (*s == ' ')
			s++;
		prefix = rest;
	}
	free(clean);
}

static const char *
headline_color(const struct audit *audit)
{
	switch (audit_exit_code(audit)) {
	case 0:
		return GREEN;
	case 2:
		return YELLOW;
	default:
		return RED;
	}
}

static void
put_headline(struct term *t, const struct audit *audit)
{
	char headline[256];

	report_headline(audit, headline, sizeof(headline));
	put(t, headline_color(audit), "%s %s", report_outcome_symbol(audit),
	    headline);
	put(t, NULL, "  company %s, member %s%s%s",
	    audit->tenant.company != NULL ? audit->tenant.company : "?",
	    audit->member.identifier != NULL ? audit->member.identifier : "?",
	    audit->member.role != NULL ? ", role " : "",
	    audit->member.role != NULL ? audit->member.role : "");
}

static void
put_counts(struct term *t, const struct audit *audit)
{
	const size_t *counts = audit->counts;

	put(t, NULL, "  %s %zu pass, %s %zu gap, %s %zu excess, "
	    "%s %zu unknown, %s %zu unverifiable",
	    report_verdict_symbol(VERDICT_PASS), counts[VERDICT_PASS],
	    report_verdict_symbol(VERDICT_GAP), counts[VERDICT_GAP],
	    report_verdict_symbol(VERDICT_EXCESS), counts[VERDICT_EXCESS],
	    report_verdict_symbol(VERDICT_UNKNOWN), counts[VERDICT_UNKNOWN],
	    report_verdict_symbol(VERDICT_UNVERIFIABLE),
	    counts[VERDICT_UNVERIFIABLE]);
}

static void
put_stopped(struct term *t, const struct audit *audit)
{
	const struct check *failed = report_failed_check(audit);

	if (failed == NULL)
		return;
	if (failed->detail != NULL)
		put_wrapped(t, "  ", "  ", failed->detail);
}

static void
put_fixes(struct term *t, const struct audit *audit)
{
	char number[16], change[LINE_MAX_BYTES];
	size_t i;

	if (audit->fix_count == 0)
		return;
	put(t, BOLD, "Changes to make, in this order:");
	for (i = 0; i < audit->fix_count && i < FIRST_FIXES; i++) {
		const struct fix *fix = &audit->fixes[i];

		snprintf(number, sizeof(number), "%3zu. ", i + 1);
		put_wrapped(t, number, "     ",
		    fix->click_path != NULL ? fix->click_path : "");
		snprintf(change, sizeof(change), "%s%s",
		    fix->change != NULL ? fix->change : "",
		    report_fix_required(audit, fix) ? "" : " (optional)");
		put_wrapped(t, "     ", "     ", change);
	}
	if (audit->fix_count > FIRST_FIXES)
		put(t, NULL, "  and %zu more: see the report",
		    audit->fix_count - FIRST_FIXES);
}

/* What could not be decided, and why: the first few. */
static void
put_undecided(struct term *t, const struct audit *audit)
{
	char line[LINE_MAX_BYTES];
	size_t i, shown = 0;

	if (report_undecided(audit) == 0)
		return;
	put(t, BOLD, "Could not be checked:");
	for (i = 0; i < audit->finding_count; i++) {
		const struct finding *f = &audit->findings[i];

		if (f->verdict != VERDICT_UNKNOWN &&
		    f->verdict != VERDICT_UNVERIFIABLE)
			continue;
		if (shown++ == FIRST_FIXES)
			break;
		snprintf(line, sizeof(line), "%s %s > %s (%s): %s",
		    report_verdict_symbol(f->verdict), f->req->module,
		    f->req->function, f->req->id, cause_text(f->cause));
		put_wrapped(t, "  ", "    ", line);
	}
	if (report_undecided(audit) > FIRST_FIXES)
		put(t, NULL, "  and %zu more: see the report",
		    report_undecided(audit) - FIRST_FIXES);
}

static void
put_changes(struct term *t, const struct audit *audit)
{
	static const struct {
		enum change change;
		const char *label;
	} order[] = {
		{ CHANGE_REGRESSED, "regressed" },
		{ CHANGE_FIXED, "fixed" },
		{ CHANGE_STILL_MISSING, "still missing" },
		{ CHANGE_NEW_EXCESS, "newly beyond need" },
		{ CHANGE_UNCHANGED, "unchanged" },
		{ CHANGE_NEW, "new" },
	};
	char line[LINE_MAX_BYTES] = "";
	size_t i, k, n, used = 0;

	if (audit->baseline_path == NULL)
		return;
	for (k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		for (n = 0, i = 0; i < audit->finding_count; i++)
			n += audit->findings[i].change == order[k].change;
		if (n > 0 && used < sizeof(line))
			used += (size_t)snprintf(line + used,
			    sizeof(line) - used, "%s%zu %s",
			    used > 0 ? ", " : "", n, order[k].label);
	}
	put(t, BOLD, "Since the last report:");
	put_wrapped(t, "  ", "  ", used > 0 ? line : "nothing to compare");
	for (i = 0; i < audit->finding_count; i++) {
		const struct finding *f = &audit->findings[i];

		if (f->change == CHANGE_REGRESSED)
			put(t, t->color ? RED : NULL, "  regressed: %s > %s "
			    "(%s)", f->req->module, f->req->function,
			    f->req->id);
	}
	for (i = 0; i < audit->finding_count; i++) {
		const struct finding *f = &audit->findings[i];

		if (f->change == CHANGE_FIXED)
			put(t, t->color ? GREEN : NULL, "  fixed: %s > %s (%s)",
			    f->req->module, f->req->function, f->req->id);
	}
}

void
report_summary(const struct audit *audit, FILE *out, bool color,
    const char *const *files)
{
	struct term t = { out, color };
	size_t i;

	put_headline(&t, audit);
	if (audit->stopped)
		put_stopped(&t, audit);
	else
		put_counts(&t, audit);
	put_fixes(&t, audit);
	put_undecided(&t, audit);
	put_changes(&t, audit);
	if (files == NULL || files[0] == NULL)
		return;
	put(&t, BOLD, "Reports:");
	for (i = 0; files[i] != NULL; i++)
		put_wrapped(&t, "  ", "  ", files[i]);
}
