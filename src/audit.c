/*
 * audit.c: one audit from start to decided findings.
 *
 * The audit runs in three rounds of requests, each a net_run: the
 * company (companyinfo); the keys and the member (/system/info and
 * /system/myMembers, side by side); then the member's own settings and
 * every probe at once, dependent probes following their parents.  Each
 * round needs the one before it, so an audit costs about four round
 * trips whatever the number of probes.
 */
#include "audit.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "config.h"
#include "msg.h"
#include "run.h"
#include "text.h"

size_t
run_record(struct run *run, const struct rule_probe *spec, const char *path,
    bool absolute)
{
	struct audit *audit = run->audit;
	struct probe_record *grown, *rec;

	grown = realloc(audit->probes, (audit->probe_count + 1) *
	    sizeof *grown);
	if (grown == NULL) {
		run->failed = true;
		return RUN_NO_RECORD;
	}
	audit->probes = grown;
	rec = &audit->probes[audit->probe_count];
	memset(rec, 0, sizeof *rec);
	rec->spec = spec;
	rec->obs.first_id = -1;
	rec->path = absolute ? text_dup(path) :
	    text_printf("%s%s", run->api_path, path);
	if (rec->path == NULL) {
		run->failed = true;
		return RUN_NO_RECORD;
	}
	return audit->probe_count++;
}

void
run_answered(struct run *run, size_t record, const struct net_answer *answer,
    const struct rule_probe *spec)
{
	struct probe_record *rec = &run->audit->probes[record];

	observation_clear(&rec->obs);
	answer_classify(answer, spec, run->audit->member.identifier,
	    &rec->obs);
	text_redact(rec->obs.detail, run->in->private_key);
	rec->attempts = answer->attempts;
	rec->seconds = answer->seconds;
	rec->ran = true;
	msg_debug(MSG_VERBOSE, "net", "GET %s: %ld %s", rec->path,
	    answer->status, outcome_name(rec->obs.outcome));
	msg_debug(MSG_DEBUG, "answer", "%s: %s, %zu records, attempt %d, "
	    "%.3f s%s%s", rec->path, rec->obs.cause != CAUSE_NONE ?
	    cause_name(rec->obs.cause) : "decided", rec->obs.records,
	    rec->attempts, rec->seconds, rec->obs.detail ? ": " : "",
	    rec->obs.detail ? rec->obs.detail : "");
}

int
run_check(struct run *run, const char *name, enum check_status status,
    enum cause cause, const char *fmt, ...)
{
	struct audit *audit = run->audit;
	struct check *grown, *check;
	char detail[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof detail, fmt, ap);
	va_end(ap);

	grown = realloc(audit->checks, (audit->check_count + 1) *
	    sizeof *grown);
	if (grown == NULL)
		return -1;
	audit->checks = grown;
	check = &audit->checks[audit->check_count++];
	check->name = text_dup(name);
	check->status = status;
	check->cause = cause;
	check->detail = text_dup(detail);
	if (status == CHECK_FAIL)
		audit->stopped = true;
	return 0;
}

static struct audit *
audit_new(const struct audit_input *in)
{
	struct audit *audit;
	size_t i;

	audit = calloc(1, sizeof *audit);
	if (audit == NULL)
		return NULL;
	audit->tool_version = text_dup(PACKAGE_VERSION);
	audit->profile = in->profile;
	audit->started = time(NULL);
	audit->tenant.company = text_dup(in->company);
	audit->tenant.server = text_dup(in->server);
	audit->input_notes = calloc(in->note_count + 1, sizeof(char *));
	if (audit->input_notes == NULL) {
		audit_free(audit);
		return NULL;
	}
	for (i = 0; i < in->note_count; i++)
		audit->input_notes[audit->input_note_count++] =
		    text_dup(in->notes[i]);
	return audit;
}

static char *
login_url(const struct audit_input *in)
{
	char *company, *url;

	company = curl_easy_escape(NULL, in->company, 0);
	if (company == NULL)
		return NULL;
	url = text_printf("https://%s/login/companyinfo/%s", in->server,
	    company);
	curl_free(company);
	return url;
}

static int
run_open(struct run *run, const struct audit_input *in)
{
	struct net_config config = in->net;
	size_t i;

	memset(run, 0, sizeof *run);
	run->in = in;
	run->audit = audit_new(in);
	run->user = text_printf("%s+%s", in->company, in->public_key);
	run->login_url = login_url(in);
	run->probe_record = malloc((in->profile->probe_count + 1) *
	    sizeof *run->probe_record);
	if (run->audit == NULL || run->user == NULL ||
	    run->login_url == NULL || run->probe_record == NULL)
		return -1;
	for (i = 0; i < in->profile->probe_count; i++)
		run->probe_record[i] = RUN_NO_RECORD;

	config.user = run->user;
	config.secret = in->private_key;
	config.client_id = in->client_id;
	run->net = net_new(&config);
	return run->net == NULL ? -1 : 0;
}

static void
run_close(struct run *run)
{
	net_free(run->net);
	evidence_free(run);
	free(run->probe_record);
	free(run->user);
	free(run->login_url);
	free(run->api_url);
	free(run->api_path);
}

/* Decide every requirement, in file order, so that each one's depends
 * (always earlier) is decided first. */
static int
decide_all(struct run *run)
{
	const struct profile *profile = run->in->profile;
	struct audit *audit = run->audit;
	const struct observation **probes;
	struct evidence ev = { 0 };
	size_t i;

	audit->findings = calloc(profile->requirement_count + 1,
	    sizeof *audit->findings);
	probes = calloc(profile->probe_count + 1, sizeof *probes);
	if (audit->findings == NULL || probes == NULL) {
		free(probes);
		return -1;
	}
	for (i = 0; i < profile->probe_count; i++)
		if (run->probe_record[i] != RUN_NO_RECORD)
			probes[i] = &audit->probes[run->probe_record[i]].obs;

	ev.settings_readable = run->settings_readable;
	ev.settings_cause = run->settings_cause;
	ev.setting_count = run->setting_count;
	ev.settings = run->settings;
	ev.items_readable = run->items_readable;
	ev.item_count = run->item_count;
	ev.items = run->items;
	ev.probes = probes;
	for (i = 0; i < profile->requirement_count; i++) {
		const struct finding *f = &audit->findings[i];

		verdict_decide(profile, i, &ev, audit->findings,
		    &audit->findings[i]);
		audit->finding_count++;
		msg_debug(MSG_DEBUG, "verdict", "%s: %s%s%s", f->req->id,
		    verdict_name(f->verdict), f->note ? ": " : "",
		    f->note ? f->note : "");
	}
	audit->settings_readable = run->settings_readable;
	free(probes);
	return 0;
}

static void
show_progress(size_t done, size_t total, void *user)
{
	(void)user;
	msg_progress("probing", done, total);
}

static int
gather(struct run *run)
{
	evidence_queue(run);
	if (net_run(run->net, run->in->progress ? show_progress : NULL,
	    run) != 0)
		return -1;
	if (run->in->progress)
		msg_progress_end();
	return run->failed ? -1 : 0;
}

struct audit *
audit_run(const struct audit_input *in)
{
	struct timespec t0, t1;
	struct audit *audit;
	struct run run;
	int rc = 0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (run_open(&run, in) != 0) {
		run_close(&run);
		audit_free(run.audit);
		return NULL;
	}

	if (preflight_run(&run) == 0) {
		rc = gather(&run);
		if (rc == 0)
			rc = decide_all(&run);
		if (rc == 0)
			rc = fix_build(run.audit);
	}
	audit = run.audit;
	audit_count(audit);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	audit->seconds = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	run_close(&run);
	if (rc != 0 || run.failed) {
		audit_free(audit);
		return NULL;
	}
	return audit;
}
