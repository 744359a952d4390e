/*
 * report_html.c: one self-contained HTML page for the admin who has to
 * act on the audit.  The verdict comes first, then the numbered fix list,
 * then what changed since the baseline, the permission matrix and the
 * details.  The page is a libxml2 HTML tree, so every piece of server
 * text is a text node or attribute that the library escapes.  It holds
 * inline CSS only: no script, no link, no image, nothing fetched.
 * Status is always a word and a symbol, never a colour alone.
 */
#include "report.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLtree.h>
#include <libxml/xmlIO.h>

#include "report_util.h"

#define ARROW "\xe2\x86\x92"	/* → */
#define DOT " \xc2\xb7 "	/* · */

static const char page_css[] =
	"body{font:16px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;"
	"margin:0 auto;max-width:72rem;padding:.75rem 1rem;color:#1b1b1b;"
	"background:#fff;overflow-wrap:break-word}"
	".path,.change,strong,code,h1,.meta{overflow-wrap:anywhere}"
	"h1{font-size:1.45rem;margin:0 0 .25rem}"
	"h2{font-size:1.2rem;margin:1.1rem 0 .4rem;"
	"border-bottom:1px solid #bbb}"
	"h3{font-size:1.05rem;margin:1rem 0 .3rem}"
	"h4{font-size:1rem;margin:.8rem 0 .2rem}"
	".banner{padding:.6rem 1rem;border:2px solid;border-radius:6px}"
	".banner p{margin:.2rem 0 0}"
	".ready{background:#e6f4e9;border-color:#1e7b34}"
	".changes{background:#fdeceb;border-color:#b3261e}"
	".undecided{background:#fff5d6;border-color:#8a6d00}"
	".stopped{background:#f0f0f0;border-color:#555}"
	"ol.fixes{padding-left:1.9rem;margin:.3rem 0}"
	"ol.fixes li{margin:.35rem 0}"
	".path{display:block}"
	".change{display:block;font-weight:600}"
	".meta{color:#444;font-size:.9rem}"
	"table{border-collapse:collapse;width:100%;margin:.4rem 0}"
	"caption{text-align:left;font-weight:600;padding:.2rem 0}"
	".wide{overflow-x:auto}"
	"th,td{border:1px solid #aaa;padding:.3rem .45rem;text-align:left;"
	"vertical-align:top;overflow-wrap:break-word}"
	"th{overflow-wrap:normal}"
	"thead th{background:#e9e9e9}"
	"th[scope=rowgroup]{background:#f4f4f4}"
	"td.short{background:#fdeceb}"
	"td.unseen{background:#fff5d6}"
	"td.excess{background:#eaf0fc}"
	"dl{margin:.2rem 0}dt{font-weight:600}dd{margin:0 0 .3rem 1rem}"
	"@media (max-width:600px){body{font-size:15px;padding:.5rem}"
	"table{font-size:.85rem}.matrix{font-size:.78rem}"
	"th,td{padding:.2rem .25rem}}"
	"@media print{@page{size:A4;margin:15mm}"
	"body{max-width:none;font-size:10.5pt}"
	"tr{break-inside:avoid}h2,h3,h4{break-after:avoid}}";

/* The page under construction.  Once failed, every helper does nothing
 * and returns NULL. */
struct page {
	htmlDocPtr doc;
	const struct audit *audit;
	bool failed;
};

/* Cleaned text at the end of parent.  libxml2 may merge it into a text
 * node already there, so no node is handed back. */
static void
add_text(struct page *pg, xmlNodePtr parent, const char *text)
{
	xmlNodePtr node;
	char *clean;

	if (pg->failed || parent == NULL || text == NULL)
		return;
	clean = report_clean(text, false);
	node = clean != NULL ? xmlNewDocText(pg->doc, BAD_CAST clean) : NULL;
	free(clean);
	if (node == NULL || xmlAddChild(parent, node) == NULL) {
		xmlFreeNode(node);
		pg->failed = true;
	}
}

/* A new element under parent, with cleaned text when text is set. */
static xmlNodePtr
add_el(struct page *pg, xmlNodePtr parent, const char *name,
    const char *text)
{
	xmlNodePtr node;

	if (pg->failed || parent == NULL)
		return NULL;
	node = xmlNewDocNode(pg->doc, NULL, BAD_CAST name, NULL);
	if (node == NULL || xmlAddChild(parent, node) == NULL) {
		xmlFreeNode(node);
		pg->failed = true;
		return NULL;
	}
	add_text(pg, node, text);
	return node;
}

static void
set_attr(struct page *pg, xmlNodePtr node, const char *name,
    const char *value)
{
	char *clean;

	if (pg->failed || node == NULL || value == NULL)
		return;
	clean = report_clean(value, true);
	if (clean == NULL || xmlNewProp(node, BAD_CAST name,
	    BAD_CAST clean) == NULL)
		pg->failed = true;
	free(clean);
}

/* An element whose text is built from a format: counts, and labels
 * from the profile.  Text past 511 bytes is cut (a character cut in two
 * becomes U+FFFD when cleaned). */
static xmlNodePtr
add_elf(struct page *pg, xmlNodePtr parent, const char *name,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static xmlNodePtr
add_elf(struct page *pg, xmlNodePtr parent, const char *name,
    const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return add_el(pg, parent, name, buf);
}

/* A table of this class in a box that scrolls sideways when the table
 * cannot shrink to the screen. */
static xmlNodePtr
add_table(struct page *pg, xmlNodePtr parent, const char *class)
{
	xmlNodePtr box = add_el(pg, parent, "div", NULL);
	xmlNodePtr table;

	set_attr(pg, box, "class", "wide");
	table = add_el(pg, box, "table", NULL);
	set_attr(pg, table, "class", class);
	return table;
}

static const char *
or_unknown(const char *text)
{
	return text != NULL ? text : "unknown";
}

static void
write_head(struct page *pg, xmlNodePtr html)
{
	xmlNodePtr head = add_el(pg, html, "head", NULL);
	xmlNodePtr meta;
	char headline[256];

	meta = add_el(pg, head, "meta", NULL);
	set_attr(pg, meta, "charset", "utf-8");
	meta = add_el(pg, head, "meta", NULL);
	set_attr(pg, meta, "name", "viewport");
	set_attr(pg, meta, "content", "width=device-width, initial-scale=1");
	report_headline(pg->audit, headline, sizeof(headline));
	add_elf(pg, head, "title", "%s role audit: %s",
	    report_title(pg->audit), headline);
	add_el(pg, head, "style", page_css);
}

static const char *
banner_class(const struct audit *audit)
{
	switch (audit_exit_code(audit)) {
	case 0:
		return "banner ready";
	case 1:
		return "banner changes";
	case 2:
		return "banner undecided";
	default:
		return "banner stopped";
	}
}

static void
write_counts(struct page *pg, xmlNodePtr parent)
{
	char line[256] = "";
	size_t used = 0;
	enum verdict v;

	for (v = VERDICT_PASS; v < VERDICT_COUNT && used < sizeof(line);
	    v++) {
		used += (size_t)snprintf(line + used, sizeof(line) - used,
		    "%s%s %zu %s", v == VERDICT_PASS ? "" : DOT,
		    report_verdict_symbol(v), pg->audit->counts[v],
		    verdict_name(v));
	}
	add_el(pg, parent, "p", line);
}

static void
write_banner(struct page *pg, xmlNodePtr body)
{
	const struct audit *audit = pg->audit;
	xmlNodePtr banner = add_el(pg, body, "header", NULL);
	xmlNodePtr p, when;
	char headline[256], iso[32], time[32];

	set_attr(pg, banner, "id", "verdict");
	set_attr(pg, banner, "class", banner_class(audit));
	report_headline(audit, headline, sizeof(headline));
	add_elf(pg, banner, "h1", "%s %s", report_outcome_symbol(audit),
	    headline);

	report_time(audit->started, iso, sizeof(iso));
	report_time_text(audit->started, time, sizeof(time));
	p = add_el(pg, banner, "p", NULL);
	add_text(pg, p, "Company ");
	add_el(pg, p, "strong", or_unknown(audit->tenant.company));
	add_text(pg, p, DOT "role ");
	add_el(pg, p, "strong", or_unknown(audit->member.role));
	add_text(pg, p, DOT "member ");
	add_el(pg, p, "strong", or_unknown(audit->member.identifier));
	add_text(pg, p, DOT "checked ");
	when = add_el(pg, p, "time", time);
	set_attr(pg, when, "datetime", iso);
	if (!audit->stopped)
		write_counts(pg, banner);
}

static void
write_fix_list(struct page *pg, xmlNodePtr section)
{
	const struct audit *audit = pg->audit;
	xmlNodePtr list, item, path, change;
	size_t i;

	add_elf(pg, section, "p", "In ConnectWise, make these changes in "
	    "this order, save the role, then run the audit again.");
	list = add_el(pg, section, "ol", NULL);
	set_attr(pg, list, "id", "fixes");
	set_attr(pg, list, "class", "fixes");
	for (i = 0; i < audit->fix_count; i++) {
		const struct fix *fix = &audit->fixes[i];

		item = add_el(pg, list, "li", NULL);
		path = add_el(pg, item, "span", fix->click_path);
		set_attr(pg, path, "class", "path");
		change = add_el(pg, item, "span", fix->change);
		set_attr(pg, change, "class", "change");
		if (!report_fix_required(audit, fix))
			add_text(pg, change, " (optional)");
	}
}

static void
write_fixes(struct page *pg, xmlNodePtr body)
{
	const struct audit *audit = pg->audit;
	xmlNodePtr section = add_el(pg, body, "section", NULL);
	const struct check *failed = report_failed_check(audit);

	if (audit->stopped) {
		add_el(pg, section, "h2", "What to do");
		if (failed != NULL)
			add_elf(pg, section, "p", "The %s check failed.",
			    failed->name != NULL ? failed->name : "pre-flight");
		if (failed != NULL && failed->detail != NULL)
			add_el(pg, section, "p", failed->detail);
		add_el(pg, section, "p", "Fix this, then run the audit again. "
		    "No role setting was checked.");
		return;
	}

	add_el(pg, section, "h2", "What to change");
	if (audit->fix_count == 0 && report_undecided(audit) > 0) {
		add_elf(pg, section, "p", "Nothing to change yet, but %zu "
		    "requirement%s could not be checked: see \"Permissions "
		    "checked\" below, fix what stopped them, and run the audit "
		    "again.", report_undecided(audit),
		    report_undecided(audit) == 1 ? "" : "s");
		return;
	}
	if (audit->fix_count == 0) {
		add_el(pg, section, "p", "Nothing to change in the role.");
		return;
	}
	write_fix_list(pg, section);
}

/* The kinds of change, in the order the admin should read them. */
static const struct {
	enum change change;
	const char *heading;
} change_groups[] = {
	{ CHANGE_REGRESSED, "Regressed: met before, not now" },
	{ CHANGE_FIXED, "Fixed since the last report" },
	{ CHANGE_STILL_MISSING, "Still missing" },
	{ CHANGE_NEW_EXCESS, "Newly granted beyond need" },
	{ CHANGE_UNCHANGED, "Unchanged" },
	{ CHANGE_NEW, "Not in the last report" },
};

#define CHANGE_GROUPS (sizeof(change_groups) / sizeof(change_groups[0]))

static void write_items_named(struct page *pg, xmlNodePtr head,
    const struct requirement *req);

/* "System > Table Setup (allow list: ...): gap → ✔ pass" */
static void
write_change_item(struct page *pg, xmlNodePtr list, const struct finding *f)
{
	xmlNodePtr item;
	char tail[128];

	item = add_elf(pg, list, "li", "%s > %s", f->req->module,
	    f->req->function);
	write_items_named(pg, item, f->req);
	if (f->change == CHANGE_NEW)
		snprintf(tail, sizeof tail, ": %s %s",
		    report_verdict_symbol(f->verdict), verdict_name(f->verdict));
	else
		snprintf(tail, sizeof tail, ": %s " ARROW " %s %s",
		    verdict_name(f->before), report_verdict_symbol(f->verdict),
		    verdict_name(f->verdict));
	add_text(pg, item, tail);
}

static void
write_change_group(struct page *pg, xmlNodePtr section, size_t group)
{
	const struct audit *audit = pg->audit;
	enum change change = change_groups[group].change;
	xmlNodePtr list = NULL;
	size_t i;

	for (i = 0; i < audit->finding_count; i++) {
		const struct finding *f = &audit->findings[i];

		if (f->change != change)
			continue;
		if (list == NULL) {
			add_el(pg, section, "h3", change_groups[group].heading);
			list = add_el(pg, section, "ul", NULL);
		}
		write_change_item(pg, list, f);
	}
}

static void
write_changes(struct page *pg, xmlNodePtr body)
{
	const struct audit *audit = pg->audit;
	xmlNodePtr section, p;
	size_t group;

	if (audit->baseline_path == NULL)
		return;
	section = add_el(pg, body, "section", NULL);
	add_el(pg, section, "h2", "Since the last report");
	p = add_el(pg, section, "p", "Compared with ");
	add_el(pg, p, "code", audit->baseline_path);
	if (audit->baseline_note != NULL) {
		add_text(pg, p, " (");
		add_text(pg, p, audit->baseline_note);
		add_text(pg, p, ")");
	}
	for (group = 0; group < CHANGE_GROUPS; group++)
		write_change_group(pg, section, group);
}

static bool
is_excess(const struct finding *f, enum action action)
{
	size_t i;

	for (i = 0; i < f->excess_count && i < ACTION_COUNT; i++) {
		if (f->excess[i] == action)
			return true;
	}
	return false;
}

/* One matrix cell: what is needed against what the role grants. */
static void
write_cell(struct page *pg, xmlNodePtr row, const struct finding *f,
    enum action action)
{
	enum level need = f->req->need[action];
	enum level seen = f->observed[action];
	xmlNodePtr cell;

	if (is_excess(f, action)) {
		cell = add_elf(pg, row, "td", "! %s, not needed",
		    level_name(seen));
		set_attr(pg, cell, "class", "excess");
	} else if (need == LEVEL_NONE) {
		add_el(pg, row, "td", "\xe2\x80\x93 not needed");
	} else if (seen == LEVEL_UNSEEN) {
		cell = add_elf(pg, row, "td", "? not seen, needs %s",
		    level_name(need));
		set_attr(pg, cell, "class", "unseen");
	} else if (level_meets(seen, need)) {
		add_elf(pg, row, "td", "%s %s, needs %s",
		    report_verdict_symbol(VERDICT_PASS), level_name(seen),
		    level_name(need));
	} else {
		cell = add_elf(pg, row, "td", "%s %s, needs %s",
		    report_verdict_symbol(VERDICT_GAP), level_name(seen),
		    level_name(need));
		set_attr(pg, cell, "class", "short");
	}
}

/* " (allow list: Service / Service Board, ...)" for a table requirement,
 * so that several rows of one function can be told apart. */
static void
write_items_named(struct page *pg, xmlNodePtr head,
    const struct requirement *req)
{
	const struct rule_customize *list;
	size_t i;

	if (req->item_count == 0)
		return;
	list = &pg->audit->profile->customizes[req->customize_index];
	add_text(pg, head, " (allow list: ");
	for (i = 0; i < req->item_count; i++) {
		const struct rule_item *item = rules_item(list, req->items[i]);

		if (i > 0)
			add_text(pg, head, ", ");
		add_text(pg, head, item != NULL ? item->label : req->items[i]);
	}
	add_text(pg, head, ")");
}

static void
write_matrix_row(struct page *pg, xmlNodePtr group, const struct finding *f)
{
	xmlNodePtr row = add_el(pg, group, "tr", NULL);
	xmlNodePtr head, verdict;
	enum action a;
	size_t i;

	head = add_el(pg, row, "th", f->req->function);
	set_attr(pg, head, "scope", "row");
	write_items_named(pg, head, f->req);

	verdict = add_elf(pg, row, "td", "%s %s",
	    report_verdict_symbol(f->verdict), verdict_name(f->verdict));
	if (!f->req->required)
		add_text(pg, verdict, " (optional)");
	for (i = 0; i < f->missing_count; i++) {
		add_el(pg, verdict, "br", NULL);
		add_text(pg, verdict, "missing: ");
		add_text(pg, verdict, f->missing[i]);
	}
	for (a = ACTION_ADD; a < ACTION_COUNT; a++)
		write_cell(pg, row, f, a);
}

/* True when an earlier finding already opened this module's group. */
static bool
module_seen_before(const struct audit *audit, size_t index)
{
	size_t i;

	for (i = 0; i < index; i++) {
		if (strcmp(audit->findings[i].req->module,
		    audit->findings[index].req->module) == 0)
			return true;
	}
	return false;
}

static void
write_matrix_group(struct page *pg, xmlNodePtr table, size_t first)
{
	const struct audit *audit = pg->audit;
	const char *module = audit->findings[first].req->module;
	xmlNodePtr group = add_el(pg, table, "tbody", NULL);
	xmlNodePtr row = add_el(pg, group, "tr", NULL);
	xmlNodePtr head = add_el(pg, row, "th", module);
	size_t i;

	set_attr(pg, head, "scope", "rowgroup");
	set_attr(pg, head, "colspan", "6");
	for (i = first; i < audit->finding_count; i++) {
		if (strcmp(audit->findings[i].req->module, module) == 0)
			write_matrix_row(pg, group, &audit->findings[i]);
	}
}

static void
write_matrix(struct page *pg, xmlNodePtr body)
{
	static const char *const columns[] = {
		"Module function", "Verdict", "Add", "Edit", "Delete", "Inquire"
	};
	xmlNodePtr section, table, row, head;
	size_t i;

	if (pg->audit->finding_count == 0)
		return;
	section = add_el(pg, body, "section", NULL);
	add_el(pg, section, "h2", "Permissions checked");
	table = add_table(pg, section, "matrix");
	add_el(pg, table, "caption", "Granted level against needed level, "
	    "for each module function");
	row = add_el(pg, add_el(pg, table, "thead", NULL), "tr", NULL);
	for (i = 0; i < sizeof(columns) / sizeof(columns[0]); i++) {
		head = add_el(pg, row, "th", columns[i]);
		set_attr(pg, head, "scope", "col");
	}
	for (i = 0; i < pg->audit->finding_count; i++) {
		if (!module_seen_before(pg->audit, i))
			write_matrix_group(pg, table, i);
	}
}

static void
add_term(struct page *pg, xmlNodePtr list, const char *term,
    const char *text)
{
	if (text == NULL)
		return;
	add_el(pg, list, "dt", term);
	add_el(pg, list, "dd", text);
}

static void
write_finding(struct page *pg, xmlNodePtr parent, const struct finding *f)
{
	xmlNodePtr list;
	char source[512];

	add_elf(pg, parent, "h4", "%s %s: %s > %s",
	    report_verdict_symbol(f->verdict), verdict_name(f->verdict),
	    f->req->module, f->req->function);
	list = add_el(pg, parent, "dl", NULL);
	add_elf(pg, list, "dt", "Requirement");
	add_elf(pg, list, "dd", "%s (%s)", f->req->id,
	    f->req->required ? "required" : "optional, advice only");
	if (f->verdict == VERDICT_UNKNOWN || f->verdict == VERDICT_UNVERIFIABLE)
		add_term(pg, list, "Why undecided", cause_text(f->cause));
	add_term(pg, list, "Note", f->note);
	if (f->disagreement)
		add_term(pg, list, "Disagreement", "The role settings and the "
		    "answers to the requests tell different stories.");
	add_term(pg, list, "Used for", f->req->feature);
	add_term(pg, list, "Why it is needed", f->req->why);
	if (f->req->source != NULL) {
		snprintf(source, sizeof(source), "%s%s%s", f->req->source,
		    f->req->source_note != NULL ? ": " : "",
		    f->req->source_note != NULL ? f->req->source_note : "");
		add_term(pg, list, "Source", source);
	}
}

static void
write_checks(struct page *pg, xmlNodePtr section)
{
	static const char *const symbols[] = {
		[CHECK_PASS] = "\xe2\x9c\x94", [CHECK_WARN] = "!",
		[CHECK_FAIL] = "\xe2\x9c\x98", [CHECK_SKIPPED] = "~",
	};
	static const char *const columns[] = { "Check", "Result", "Detail" };
	xmlNodePtr table, row, head;
	size_t i;

	add_el(pg, section, "h3", "Checks before the audit");
	table = add_table(pg, section, "checks");
	row = add_el(pg, add_el(pg, table, "thead", NULL), "tr", NULL);
	for (i = 0; i < 3; i++)
		set_attr(pg, add_el(pg, row, "th", columns[i]), "scope", "col");
	table = add_el(pg, table, "tbody", NULL);
	for (i = 0; i < pg->audit->check_count; i++) {
		const struct check *check = &pg->audit->checks[i];

		row = add_el(pg, table, "tr", NULL);
		head = add_el(pg, row, "th", check->name);
		set_attr(pg, head, "scope", "row");
		add_elf(pg, row, "td", "%s %s", check->status <= CHECK_SKIPPED ?
		    symbols[check->status] : "?",
		    check_status_name(check->status));
		add_el(pg, row, "td", check->detail != NULL ? check->detail :
		    check->cause != CAUSE_NONE ? cause_text(check->cause) : "");
	}
}

static void
write_probe(struct page *pg, xmlNodePtr table, const struct probe_record *pr)
{
	char seconds[32];
	xmlNodePtr row = add_el(pg, table, "tr", NULL);
	xmlNodePtr head, outcome;

	head = add_el(pg, row, "th", pr->path);
	set_attr(pg, head, "scope", "row");
	if (pr->ran && pr->obs.status > 0)
		add_elf(pg, row, "td", "%ld", pr->obs.status);
	else
		add_el(pg, row, "td", pr->ran ? "no answer" : "not sent");
	outcome = add_el(pg, row, "td", outcome_name(pr->obs.outcome));
	if (pr->obs.cause != CAUSE_NONE) {
		add_text(pg, outcome, ": ");
		add_text(pg, outcome, cause_text(pr->obs.cause));
	}
	if (pr->obs.detail != NULL) {
		add_el(pg, outcome, "br", NULL);
		add_text(pg, outcome, pr->obs.detail);
	}
	add_elf(pg, row, "td", "%d", pr->attempts);
	report_seconds(pr->seconds, seconds, sizeof(seconds));
	add_el(pg, row, "td", seconds);
}

static void
write_probes(struct page *pg, xmlNodePtr section)
{
	static const char *const columns[] = {
		"Request", "HTTP status", "Outcome", "Attempts", "Seconds"
	};
	xmlNodePtr table, row;
	size_t i;

	add_el(pg, section, "h3", "Requests made");
	add_el(pg, section, "p", "Every request was a GET; none changes "
	    "anything in ConnectWise.");
	table = add_table(pg, section, "probes");
	row = add_el(pg, add_el(pg, table, "thead", NULL), "tr", NULL);
	for (i = 0; i < sizeof(columns) / sizeof(columns[0]); i++)
		set_attr(pg, add_el(pg, row, "th", columns[i]), "scope", "col");
	table = add_el(pg, table, "tbody", NULL);
	for (i = 0; i < pg->audit->probe_count; i++)
		write_probe(pg, table, &pg->audit->probes[i]);
}

static void
write_details(struct page *pg, xmlNodePtr body)
{
	const struct audit *audit = pg->audit;
	xmlNodePtr section = add_el(pg, body, "section", NULL);
	xmlNodePtr list;
	size_t i;

	add_el(pg, section, "h2", "Details");
	if (audit->finding_count > 0)
		add_el(pg, section, "h3", "Findings");
	for (i = 0; i < audit->finding_count; i++)
		write_finding(pg, section, &audit->findings[i]);
	write_checks(pg, section);
	write_probes(pg, section);
	if (audit->input_note_count > 0) {
		add_el(pg, section, "h3", "How the input was read");
		list = add_el(pg, section, "ul", NULL);
		for (i = 0; i < audit->input_note_count; i++)
			add_el(pg, list, "li", audit->input_notes[i]);
	}
}

static void
write_footer(struct page *pg, xmlNodePtr body)
{
	const struct audit *audit = pg->audit;
	xmlNodePtr footer = add_el(pg, body, "footer", NULL);
	char seconds[32];

	report_seconds(audit->seconds, seconds, sizeof(seconds));
	set_attr(pg, footer, "class", "meta");
	add_elf(pg, footer, "p", "roleaudit %s" DOT "profile %s %s" DOT
	    "exit code %d" DOT "%s s",
	    or_unknown(audit->tool_version),
	    audit->profile != NULL ? or_unknown(audit->profile->name) : "",
	    audit->profile != NULL ? or_unknown(audit->profile->version) : "",
	    audit_exit_code(audit), seconds);
}

static int
dump_page(htmlDocPtr doc, FILE *out)
{
	xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");
	xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(out, utf8);

	if (buf == NULL)
		return -1;
	htmlDocContentDumpFormatOutput(buf, doc, "UTF-8", 1);
	if (buf->error != 0) {
		xmlOutputBufferClose(buf);
		return -1;
	}
	return xmlOutputBufferClose(buf) < 0 ? -1 : 0;
}

int
report_html(const struct audit *audit, FILE *out)
{
	struct page pg = { NULL, audit, false };
	xmlNodePtr html, body, content;
	int rc = -1;

	pg.doc = htmlNewDocNoDtD(NULL, NULL);
	if (pg.doc == NULL)
		return -1;
	if (xmlCreateIntSubset(pg.doc, BAD_CAST "html", NULL, NULL) == NULL)
		goto out;
	html = xmlNewDocNode(pg.doc, NULL, BAD_CAST "html", NULL);
	if (html == NULL)
		goto out;
	xmlDocSetRootElement(pg.doc, html);
	set_attr(&pg, html, "lang", "en");

	write_head(&pg, html);
	body = add_el(&pg, html, "body", NULL);
	write_banner(&pg, body);
	content = add_el(&pg, body, "main", NULL);
	write_fixes(&pg, content);
	write_changes(&pg, content);
	write_matrix(&pg, content);
	write_details(&pg, content);
	write_footer(&pg, body);

	if (!pg.failed)
		rc = dump_page(pg.doc, out);
out:
	xmlFreeDoc(pg.doc);
	return rc;
}
