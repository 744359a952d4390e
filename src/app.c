/*
 * app.c: read the input, run the audit, write the reports.
 */
#include "app.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "baseline.h"
#include "config.h"
#include "msg.h"
#include "report.h"
#include "rules.h"
#include "server.h"
#include "store.h"
#include "text.h"

#define DEFAULT_PROFILE "horizon.rules.xml"

const char *
app_version(void)
{
	return PACKAGE_VERSION;
}

static bool
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *
app_datadir(void)
{
	const char *env = getenv("ROLEAUDIT_DATADIR");

	if (env != NULL && env[0] != '\0')
		return env;
	if (is_dir(RA_DATADIR))
		return RA_DATADIR;
	return RA_SRCDATADIR;
}

static struct profile *
load_profile(const struct options *options)
{
	struct diag diag = { 0 };
	struct profile *profile;
	char *path, *schema;

	path = options->rules != NULL ? text_dup(options->rules) :
	    text_printf("%s/%s", app_datadir(), DEFAULT_PROFILE);
	schema = text_printf("%s/rules.xsd", app_datadir());
	if (path == NULL || schema == NULL) {
		free(path);
		free(schema);
		return NULL;
	}
	profile = rules_load(path, schema, &diag);
	if (profile == NULL) {
		diag_print(&diag, stderr);
		msg_error("cannot use the rules file \"%s\" (%zu %s)", path,
		    diag.count, diag.count == 1 ? "mistake" : "mistakes");
	}
	diag_clear(&diag);
	free(path);
	free(schema);
	return profile;
}

static void
net_settings(const struct options *options, struct net_config *net)
{
	net_config_defaults(net);
	net->cacert = options->cacert;
	if (options->jobs > 0)
		net->jobs = options->jobs;
	if (options->timeout_ms > 0)
		net->timeout_ms = options->timeout_ms;
	if (options->retries >= 0)
		net->max_retries = options->retries;
}

static struct audit *
run_audit(const struct options *options, const struct profile *profile)
{
	struct audit_input in = { 0 };
	struct server_value server = { 0 };
	struct audit *audit;
	char err[512];
	size_t i;

	if (server_normalize(options->server, &server, err, sizeof err)) {
		msg_error("--server: %s", err);
		return NULL;
	}
	for (i = 0; i < server.note_count; i++)
		msg_note("server: %s", server.notes[i]);

	in.company = options->company;
	in.public_key = options->public_key;
	in.private_key = options->private_key;
	in.client_id = options->client_id;
	in.server = server.host;
	in.note_count = server.note_count;
	in.notes = server.notes;
	in.profile = profile;
	in.progress = msg_level() >= MSG_NORMAL && isatty(2);
	net_settings(options, &in.net);
	audit = audit_run(&in);
	if (audit == NULL)
		msg_error("out of memory");
	server_value_clear(&server);
	return audit;
}

struct output {
	const char *ext;
	store_writer writer;
};

static const struct output outputs[] = {
	{ "xml", report_xml },
	{ "html", report_html },
};

#define OUTPUT_COUNT (sizeof outputs / sizeof outputs[0])

/* The report the latest link points at, so that the comparison names
 * the earlier run itself, not the link the new run will move. */
static char *
real_latest(const struct store *store)
{
	char *link = store_latest_path(store, "xml");
	char real[PATH_MAX];
	char *path = NULL;

	if (link != NULL && realpath(link, real) != NULL)
		path = text_dup(real);
	free(link);
	return path;
}

/* The earlier report to compare with: --baseline, else the latest of
 * this tenant and profile, unless --no-baseline. */
static void
compare_baseline(const struct options *options, const struct store *store,
    struct audit *audit)
{
	struct baseline baseline;
	char *path, *schema;
	char err[768];

	if (options->no_baseline || audit->stopped)
		return;
	path = options->baseline != NULL ? text_dup(options->baseline) :
	    real_latest(store);
	if (path == NULL)
		return;
	schema = text_printf("%s/report.xsd", app_datadir());
	if (schema != NULL &&
	    baseline_load(path, schema, &baseline, err, sizeof err) == 0) {
		if (baseline_compare(&baseline, audit, err, sizeof err) != 0)
			msg_warn("baseline: %s", err);
		else
			msg_note("compared with %s", path);
		baseline_clear(&baseline);
	} else if (schema != NULL) {
		msg_warn("baseline: %s; the new report is written without a "
		    "comparison", err);
	}
	free(schema);
	free(path);
}

/* Write the XML and HTML reports; paths receives their names. */
static int
write_reports(struct store *store, const struct audit *audit,
    char *paths[OUTPUT_COUNT + 1])
{
	char err[512];
	size_t i;
	int rc = 0;

	for (i = 0; i < OUTPUT_COUNT && rc == 0; i++) {
		rc = store_write(store, outputs[i].ext, outputs[i].writer,
		    audit, &paths[i], err, sizeof err);
		if (rc == 0)
			rc = store_mark_latest(store, outputs[i].ext, err,
			    sizeof err);
		if (rc != 0)
			msg_error("%s", err);
	}
	return rc;
}

static int
write_junit(const struct options *options, const struct audit *audit)
{
	FILE *out;
	int bad;

	if (options->junit == NULL)
		return 0;
	out = fopen(options->junit, "w");
	if (out == NULL) {
		msg_error("--junit: cannot write \"%s\"", options->junit);
		return -1;
	}
	bad = report_junit(audit, out) != 0;
	bad |= ferror(out) != 0;
	bad |= fclose(out) != 0;
	if (bad)
		msg_error("--junit: writing \"%s\" failed", options->junit);
	return bad ? -1 : 0;
}

/* For --fail-on regression: worse than before, or a required gap the
 * earlier report did not have at all. */
static bool
counts_as_regression(const struct finding *f)
{
	return f->change == CHANGE_REGRESSED || (f->change == CHANGE_NEW &&
	    f->verdict == VERDICT_GAP && f->req->required);
}

static int
exit_code(const struct options *options, const struct audit *audit)
{
	int code = audit_exit_code(audit);
	size_t i;

	switch (options->fail_on) {
	case FAIL_ON_DEFAULT:
		return code;
	case FAIL_ON_GAP:
		return audit->stopped ? APP_EXIT_NO_AUDIT :
		    code == APP_EXIT_GAPS ? APP_EXIT_GAPS : 0;
	case FAIL_ON_UNKNOWN:
		return code == APP_EXIT_UNDECIDED || code == APP_EXIT_NO_AUDIT
		    ? code : 0;
	case FAIL_ON_REGRESSION:
		if (audit->stopped)
			return APP_EXIT_NO_AUDIT;
		if (audit->baseline_path == NULL) {
			msg_warn("--fail-on regression: no earlier report was "
			    "compared, so the exit status counts every gap");
			return code;
		}
		for (i = 0; i < audit->finding_count; i++)
			if (counts_as_regression(&audit->findings[i]))
				return APP_EXIT_GAPS;
		return 0;
	}
	return code;
}

/* Pre-flight warnings (member record unreadable, settings hidden) are
 * worth a line on stderr, not only in the reports. */
static void
warn_checks(const struct audit *audit)
{
	size_t i;

	for (i = 0; i < audit->check_count; i++)
		if (audit->checks[i].status == CHECK_WARN)
			msg_warn("%s: %s", audit->checks[i].name,
			    audit->checks[i].detail ? audit->checks[i].detail :
			    "see the report");
}

/* Under -q the summary is not written: an audit that could not be done
 * still says why, as an error. */
static void
say_why_stopped(const struct audit *audit)
{
	size_t i;

	for (i = 0; i < audit->check_count; i++)
		if (audit->checks[i].status == CHECK_FAIL)
			msg_error("the %s check failed: %s",
			    audit->checks[i].name, audit->checks[i].detail ?
			    audit->checks[i].detail : "no detail");
}

static int
finish(const struct options *options, struct audit *audit)
{
	char *paths[OUTPUT_COUNT + 1] = { 0 };
	struct store store;
	char err[512];
	int code;
	size_t i;

	if (store_open(&store, options->output_dir, options->name, audit,
	    err, sizeof err) != 0) {
		msg_error("%s", err);
		return APP_EXIT_NO_AUDIT;
	}
	warn_checks(audit);
	compare_baseline(options, &store, audit);
	code = exit_code(options, audit);
	if (write_reports(&store, audit, paths) != 0 ||
	    write_junit(options, audit) != 0)
		code = APP_EXIT_NO_AUDIT;
	if (msg_level() > MSG_QUIET)
		report_summary(audit, stdout, msg_color_ok(1),
		    (const char *const *)paths);
	else
		say_why_stopped(audit);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		msg_error("cannot write the summary to standard output");
		code = APP_EXIT_NO_AUDIT;
	}
	for (i = 0; i < OUTPUT_COUNT; i++)
		free(paths[i]);
	store_close(&store);
	return code;
}

/* The real folder of path, then its last part: a file that does not
 * exist yet gets a name that can be compared.  NULL when the folder
 * does not exist. */
static char *
canonical(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL ? text_dup(".") :
	    text_printf("%.*s", (int)(slash - path), path);
	char real[PATH_MAX];
	char *out = NULL;

	if (dir != NULL && realpath(dir[0] != '\0' ? dir : "/", real))
		out = text_printf("%s/%s", real, slash ? slash + 1 : path);
	free(dir);
	return out;
}

/* The JUnit file's folder must exist, and the file must not be one of
 * the reports. */
static int
check_junit(const struct options *options, char *err, size_t errlen)
{
	char *junit, *report;
	int rc = 0;
	size_t i;

	if (options->junit == NULL)
		return 0;
	junit = options->junit[0] != '\0' ? canonical(options->junit) : NULL;
	if (junit == NULL) {
		snprintf(err, errlen, "--junit: cannot write \"%s\": its "
		    "folder does not exist", options->junit);
		return -1;
	}
	if (options->baseline != NULL) {
		report = canonical(options->baseline);
		if (report != NULL && strcmp(report, junit) == 0) {
			snprintf(err, errlen, "--junit: \"%s\" is the --baseline "
			    "report; name another file", options->junit);
			rc = -1;
		}
		free(report);
	}
	for (i = 0; i < OUTPUT_COUNT && rc == 0 && options->name; i++) {
		char *name = text_printf("%s/%s.%s", options->output_dir,
		    options->name, outputs[i].ext);

		report = name != NULL ? canonical(name) : NULL;
		if (report != NULL && strcmp(report, junit) == 0) {
			snprintf(err, errlen, "--junit: \"%s\" is the %s "
			    "report itself; name another file", options->junit,
			    outputs[i].ext);
			rc = -1;
		}
		free(report);
		free(name);
	}
	free(junit);
	return rc;
}

/* Fail before any request when the reports could not be written. */
static int
check_outputs(const struct options *options)
{
	char err[PATH_MAX + 256];

	if (store_check_dir(options->output_dir, err, sizeof err) != 0 ||
	    check_junit(options, err, sizeof err) != 0) {
		msg_error("%s", err);
		return -1;
	}
	return 0;
}

int
app_run(const struct options *options)
{
	struct profile *profile;
	struct audit *audit;
	size_t i;
	int code;

	for (i = 0; i < (size_t)options->warning_count; i++)
		msg_warn("%s", options->warnings[i]);
	if (check_outputs(options) != 0)
		return APP_EXIT_NO_AUDIT;
	profile = load_profile(options);
	if (profile == NULL)
		return APP_EXIT_NO_AUDIT;
	audit = run_audit(options, profile);
	if (audit == NULL) {
		rules_free(profile);
		return APP_EXIT_NO_AUDIT;
	}
	code = finish(options, audit);
	audit_free(audit);
	rules_free(profile);
	return code;
}
