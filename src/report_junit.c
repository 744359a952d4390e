/*
 * report_junit.c: the audit as JUnit XML, for CI servers (Jenkins,
 * GitLab) that show test results.  One test suite named after the
 * profile, one test case per requirement: a gap is a failure whose
 * message is the fix, an unknown is an error whose message is the cause,
 * an unverifiable requirement is skipped.  A stopped audit is a single
 * "preflight" case in error.  Valid against data/junit.xsd.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "report_util.h"

struct tally {
	size_t tests, failures, errors, skipped;
};

static struct tally
tally_of(const struct audit *audit)
{
	struct tally t = { 1, 0, 1, 0 };

	if (audit->stopped)
		return t;
	t.tests = audit->finding_count;
	t.failures = audit->counts[VERDICT_GAP];
	t.errors = audit->counts[VERDICT_UNKNOWN];
	t.skipped = audit->counts[VERDICT_UNVERIFIABLE];
	return t;
}

static void
write_tally(struct report_writer *rw, const struct audit *audit)
{
	struct tally t = tally_of(audit);
	char seconds[32];

	report_seconds(audit->seconds, seconds, sizeof(seconds));
	rw_attr_size(rw, "tests", t.tests);
	rw_attr_size(rw, "failures", t.failures);
	rw_attr_size(rw, "errors", t.errors);
	rw_attr_size(rw, "skipped", t.skipped);
	rw_attr(rw, "time", seconds);
}

static void
write_property(struct report_writer *rw, const char *name,
    const char *value)
{
	if (value == NULL)
		return;
	rw_start(rw, "property");
	rw_attr(rw, "name", name);
	rw_attr(rw, "value", value);
	rw_end(rw);
}

static void
write_properties(struct report_writer *rw, const struct audit *audit)
{
	rw_start(rw, "properties");
	write_property(rw, "company", audit->tenant.company);
	write_property(rw, "server", audit->tenant.server);
	write_property(rw, "member", audit->member.identifier);
	write_property(rw, "role", audit->member.role);
	if (audit->profile != NULL)
		write_property(rw, "profile-version", audit->profile->version);
	write_property(rw, "outcome", report_outcome(audit));
	rw_end(rw);
}

/* The seconds spent on the requirement's own probes. */
static double
finding_seconds(const struct audit *audit, const struct finding *f)
{
	const struct profile *p = audit->profile;
	double seconds = 0;
	size_t i, k;

	if (p == NULL)
		return 0;
	for (i = 0; i < f->req->probe_count; i++) {
		const struct rule_probe *spec;

		if (f->req->probes[i].probe >= p->probe_count)
			continue;
		spec = &p->probes[f->req->probes[i].probe];
		for (k = 0; k < audit->probe_count; k++) {
			if (audit->probes[k].spec == spec)
				seconds += audit->probes[k].seconds;
		}
	}
	return seconds;
}

/* "System.MemberMaintenance", from the identifiers (labels as a
 * fallback). */
static void
write_classname(struct report_writer *rw, const struct requirement *req)
{
	char name[512];

	snprintf(name, sizeof(name), "%s.%s",
	    req->module_id != NULL ? req->module_id : req->module,
	    req->function_id != NULL ? req->function_id : req->function);
	rw_attr(rw, "classname", name);
}

static const struct fix *
first_fix(const struct audit *audit, size_t index)
{
	size_t i;

	for (i = 0; i < audit->fix_count; i++) {
		if (audit->fixes[i].finding == index)
			return &audit->fixes[i];
	}
	return NULL;
}

/* <failure>: the message is the first fix, the text lists every fix of
 * the finding, one per line. */
static void
write_failure(struct report_writer *rw, const struct audit *audit,
    size_t index)
{
	const struct finding *f = &audit->findings[index];
	const struct fix *fix = first_fix(audit, index);
	char message[REPORT_TEXT_MAX];
	size_t i;

	if (fix != NULL)
		snprintf(message, sizeof(message), "%s: %s",
		    fix->click_path != NULL ? fix->click_path : "",
		    fix->change != NULL ? fix->change : "");
	else
		snprintf(message, sizeof(message), "the role does not grant "
		    "what %s needs", f->req->id);
	rw_start(rw, "failure");
	rw_attr(rw, "message", message);
	rw_attr(rw, "type", f->req->required ? "gap" : "optional-gap");
	for (i = 0; i < audit->fix_count; i++) {
		if (audit->fixes[i].finding != index)
			continue;
		rw_text(rw, audit->fixes[i].click_path);
		rw_text(rw, ": ");
		rw_text(rw, audit->fixes[i].change);
		rw_text(rw, "\n");
	}
	rw_text(rw, f->note);
	rw_end(rw);
}

static void
write_undecided(struct report_writer *rw, const struct finding *f)
{
	const char *element = f->verdict == VERDICT_UNKNOWN ? "error" :
	    "skipped";

	rw_start(rw, element);
	rw_attr(rw, "message", f->cause != CAUSE_NONE ? cause_text(f->cause) :
	    "this cannot be proven by reading");
	if (f->verdict == VERDICT_UNKNOWN) {
		rw_attr(rw, "type", cause_name(f->cause));
		rw_text(rw, f->note);
	}
	rw_end(rw);
}

static void
write_case(struct report_writer *rw, const struct audit *audit, size_t i)
{
	const struct finding *f = &audit->findings[i];
	char seconds[32];

	report_seconds(finding_seconds(audit, f), seconds, sizeof(seconds));
	rw_start(rw, "testcase");
	rw_attr(rw, "name", f->req->id);
	write_classname(rw, f->req);
	rw_attr(rw, "time", seconds);
	if (f->verdict == VERDICT_GAP)
		write_failure(rw, audit, i);
	else if (f->verdict == VERDICT_UNKNOWN ||
	    f->verdict == VERDICT_UNVERIFIABLE)
		write_undecided(rw, f);
	rw_end(rw);
}

static void
write_preflight(struct report_writer *rw, const struct audit *audit)
{
	const struct check *failed = report_failed_check(audit);
	char headline[256];

	report_headline(audit, headline, sizeof(headline));
	rw_start(rw, "testcase");
	rw_attr(rw, "name", "preflight");
	rw_attr(rw, "classname", "roleaudit.preflight");
	rw_attr(rw, "time", "0.000");
	rw_start(rw, "error");
	rw_attr(rw, "message", headline);
	if (failed != NULL && failed->cause != CAUSE_NONE)
		rw_attr(rw, "type", cause_name(failed->cause));
	if (failed != NULL)
		rw_text(rw, failed->detail);
	rw_end(rw);
	rw_end(rw);
}

int
report_junit(const struct audit *audit, FILE *out)
{
	struct report_writer rw;
	const char *name = "roleaudit";
	char when[32];
	size_t i;

	if (audit->profile != NULL && audit->profile->name != NULL)
		name = audit->profile->name;
	report_time(audit->started, when, sizeof(when));
	when[strcspn(when, "Z")] = '\0';
	if (rw_open(&rw, out) < 0)
		return -1;

	rw_start(&rw, "testsuites");
	rw_attr(&rw, "name", "roleaudit");
	write_tally(&rw, audit);
	rw_start(&rw, "testsuite");
	rw_attr(&rw, "name", name);
	write_tally(&rw, audit);
	rw_attr(&rw, "timestamp", when);
	write_properties(&rw, audit);
	if (audit->stopped)
		write_preflight(&rw, audit);
	for (i = 0; !audit->stopped && i < audit->finding_count; i++)
		write_case(&rw, audit, i);
	rw_end(&rw);
	rw_end(&rw);
	return rw_close(&rw);
}
