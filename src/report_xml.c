/*
 * report_xml.c: the gap report as XML in the urn:roleaudit:report:1
 * namespace, valid against data/report.xsd.  Every element and attribute
 * is written through libxml2's xmlTextWriter, which escapes; server text
 * is cleaned first (report_clean) so the document stays well-formed.
 * No key is ever part of the model, and nothing but the model is read.
 */
#include "report.h"

#include "report_util.h"

#define REPORT_NS "urn:roleaudit:report:1"

static const char *
profile_field(const struct audit *audit, bool version)
{
	if (audit->profile == NULL)
		return "";
	if (version)
		return audit->profile->version != NULL ?
		    audit->profile->version : "";
	return audit->profile->name != NULL ? audit->profile->name : "";
}

static void
write_root(struct report_writer *rw, const struct audit *audit)
{
	char when[32], seconds[32];

	report_time(audit->started, when, sizeof(when));
	report_seconds(audit->seconds, seconds, sizeof(seconds));

	rw_start_ns(rw, "audit", REPORT_NS);
	rw_attr(rw, "tool-version",
	    audit->tool_version != NULL ? audit->tool_version : "");
	rw_attr(rw, "profile", profile_field(audit, false));
	rw_attr(rw, "profile-version", profile_field(audit, true));
	rw_attr(rw, "time", when);
	rw_attr(rw, "seconds", seconds);
	rw_attr_long(rw, "exit-code", audit_exit_code(audit));
	rw_attr(rw, "outcome", report_outcome(audit));
	rw_attr_bool(rw, "stopped", audit->stopped);
	rw_attr_bool(rw, "settings-readable", audit->settings_readable);
}

static void
write_tenant(struct report_writer *rw, const struct tenant *tenant)
{
	rw_start(rw, "tenant");
	rw_attr(rw, "company", tenant->company);
	rw_attr(rw, "server", tenant->server);
	rw_attr(rw, "site-url", tenant->site_url);
	rw_attr(rw, "codebase", tenant->codebase);
	rw_attr(rw, "version", tenant->version);
	rw_attr_bool(rw, "cloud", tenant->is_cloud);
	rw_end(rw);
}

static void
write_member(struct report_writer *rw, const struct member *member)
{
	rw_start(rw, "member");
	rw_attr(rw, "identifier", member->identifier);
	rw_attr(rw, "role", member->role);
	rw_attr_bool(rw, "api-member", member->api_member);
	rw_attr_bool(rw, "inactive", member->inactive);
	rw_attr_bool(rw, "seen", member->seen);
	rw_end(rw);
}

static void
write_input(struct report_writer *rw, const struct audit *audit)
{
	size_t i;

	rw_start(rw, "input");
	for (i = 0; i < audit->input_note_count; i++)
		rw_element(rw, "note", audit->input_notes[i]);
	rw_end(rw);
}

static void
write_checks(struct report_writer *rw, const struct audit *audit)
{
	size_t i;

	rw_start(rw, "checks");
	for (i = 0; i < audit->check_count; i++) {
		const struct check *check = &audit->checks[i];

		rw_start(rw, "check");
		rw_attr(rw, "name", check->name != NULL ? check->name : "");
		rw_attr(rw, "status", check_status_name(check->status));
		if (check->cause != CAUSE_NONE)
			rw_attr(rw, "cause", cause_name(check->cause));
		rw_text(rw, check->detail);
		rw_end(rw);
	}
	rw_end(rw);
}

static void
write_summary(struct report_writer *rw, const struct audit *audit)
{
	enum verdict v;

	rw_start(rw, "summary");
	for (v = VERDICT_PASS; v < VERDICT_COUNT; v++)
		rw_attr_size(rw, verdict_name(v), audit->counts[v]);
	rw_attr_size(rw, "required-gaps", report_required_gaps(audit));
	rw_attr_size(rw, "fixes", audit->fix_count);
	rw_end(rw);
}

static void
write_levels(struct report_writer *rw, const struct finding *finding)
{
	enum action a;
	size_t i;

	for (a = ACTION_ADD; a < ACTION_COUNT; a++) {
		rw_start(rw, "level");
		rw_attr(rw, "action", action_key(a));
		rw_attr(rw, "required", level_name(finding->req->need[a]));
		rw_attr(rw, "observed", level_name(finding->observed[a]));
		rw_end(rw);
	}
	for (i = 0; i < finding->missing_count; i++) {
		rw_start(rw, "missing");
		rw_attr(rw, "item", finding->missing[i]);
		rw_end(rw);
	}
	for (i = 0; i < finding->excess_count && i < ACTION_COUNT; i++) {
		rw_start(rw, "excess");
		rw_attr(rw, "action", action_key(finding->excess[i]));
		rw_end(rw);
	}
}

static void
write_finding_attrs(struct report_writer *rw, const struct finding *f)
{
	rw_attr(rw, "id", f->req->id);
	rw_attr(rw, "module", f->req->module);
	rw_attr(rw, "function", f->req->function);
	rw_attr(rw, "status", verdict_name(f->verdict));
	rw_attr(rw, "module-id", f->req->module_id);
	rw_attr(rw, "function-id", f->req->function_id);
	rw_attr_bool(rw, "required", f->req->required);
	if (f->cause != CAUSE_NONE)
		rw_attr(rw, "cause", cause_name(f->cause));
	rw_attr_bool(rw, "settings-seen", f->settings_seen);
	rw_attr_bool(rw, "disagreement", f->disagreement);
	if (f->change != CHANGE_NONE) {
		rw_attr(rw, "change", change_name(f->change));
		if (f->change != CHANGE_NEW)
			rw_attr(rw, "before", verdict_name(f->before));
	}
}

static void
write_finding(struct report_writer *rw, const struct finding *f)
{
	rw_start(rw, "finding");
	write_finding_attrs(rw, f);
	write_levels(rw, f);
	rw_element(rw, "note", f->note);
	rw_element(rw, "feature", f->req->feature);
	rw_element(rw, "why", f->req->why);
	if (f->req->source != NULL) {
		rw_start(rw, "source");
		rw_attr(rw, "note", f->req->source_note);
		rw_text(rw, f->req->source);
		rw_end(rw);
	}
	rw_end(rw);
}

static void
write_findings(struct report_writer *rw, const struct audit *audit)
{
	size_t i;

	rw_start(rw, "findings");
	for (i = 0; i < audit->finding_count; i++)
		write_finding(rw, &audit->findings[i]);
	rw_end(rw);
}

static void
write_fixes(struct report_writer *rw, const struct audit *audit)
{
	size_t i;

	rw_start(rw, "fixes");
	for (i = 0; i < audit->fix_count; i++) {
		const struct fix *fix = &audit->fixes[i];

		rw_start(rw, "fix");
		rw_attr_size(rw, "order", i + 1);
		if (fix->finding < audit->finding_count)
			rw_attr(rw, "finding",
			    audit->findings[fix->finding].req->id);
		rw_element(rw, "click-path",
		    fix->click_path != NULL ? fix->click_path : "");
		rw_element(rw, "change",
		    fix->change != NULL ? fix->change : "");
		rw_end(rw);
	}
	rw_end(rw);
}

static void
write_probe(struct report_writer *rw, const struct probe_record *probe)
{
	char seconds[32];

	report_seconds(probe->seconds, seconds, sizeof(seconds));
	rw_start(rw, "probe");
	if (probe->spec != NULL)
		rw_attr(rw, "id", probe->spec->id);
	rw_attr(rw, "path", probe->path != NULL ? probe->path : "");
	rw_attr_bool(rw, "ran", probe->ran);
	rw_attr_long(rw, "status", probe->obs.status);
	rw_attr(rw, "outcome", outcome_name(probe->obs.outcome));
	if (probe->obs.cause != CAUSE_NONE)
		rw_attr(rw, "cause", cause_name(probe->obs.cause));
	rw_attr_long(rw, "attempts", probe->attempts);
	rw_attr(rw, "seconds", seconds);
	rw_attr_size(rw, "records", probe->obs.records);
	rw_attr_bool(rw, "foreign-owner", probe->obs.foreign_owner);
	rw_text(rw, probe->obs.detail);
	rw_end(rw);
}

static void
write_probes(struct report_writer *rw, const struct audit *audit)
{
	size_t i;

	rw_start(rw, "probes");
	for (i = 0; i < audit->probe_count; i++)
		write_probe(rw, &audit->probes[i]);
	rw_end(rw);
}

int
report_xml(const struct audit *audit, FILE *out)
{
	struct report_writer rw;

	if (rw_open(&rw, out) < 0)
		return -1;

	write_root(&rw, audit);
	write_tenant(&rw, &audit->tenant);
	write_member(&rw, &audit->member);
	write_input(&rw, audit);
	write_checks(&rw, audit);
	write_summary(&rw, audit);
	write_findings(&rw, audit);
	write_fixes(&rw, audit);
	write_probes(&rw, audit);
	if (audit->baseline_path != NULL) {
		rw_start(&rw, "baseline");
		rw_attr(&rw, "path", audit->baseline_path);
		rw_attr(&rw, "note", audit->baseline_note);
		rw_end(&rw);
	}
	rw_end(&rw);

	return rw_close(&rw);
}
