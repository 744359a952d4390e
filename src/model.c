/*
 * model.c: freeing, counting and naming the parts of an audit.
 * observation_clear (answer.h) and finding_clear (verdict.h) live here
 * too, so that every part of the model is freed in one place.
 */
#include "model.h"

#include <stdlib.h>

#include "verdict.h"

static const char *const verdict_names[VERDICT_COUNT] = {
	[VERDICT_PASS] = "pass",
	[VERDICT_GAP] = "gap",
	[VERDICT_EXCESS] = "excess",
	[VERDICT_UNKNOWN] = "unknown",
	[VERDICT_UNVERIFIABLE] = "unverifiable",
};

static const char *const change_names[] = {
	[CHANGE_NONE] = "none",
	[CHANGE_REGRESSED] = "regressed",
	[CHANGE_FIXED] = "fixed",
	[CHANGE_STILL_MISSING] = "still-missing",
	[CHANGE_NEW_EXCESS] = "new-excess",
	[CHANGE_UNCHANGED] = "unchanged",
	[CHANGE_NEW] = "new",
};

static const char *const check_names[] = {
	[CHECK_PASS] = "pass",
	[CHECK_WARN] = "warn",
	[CHECK_FAIL] = "fail",
	[CHECK_SKIPPED] = "skipped",
};

const char *
verdict_name(enum verdict verdict)
{
	return verdict < VERDICT_COUNT ? verdict_names[verdict] : "?";
}

const char *
change_name(enum change change)
{
	return change <= CHANGE_NEW ? change_names[change] : "?";
}

const char *
check_status_name(enum check_status status)
{
	return status <= CHECK_SKIPPED ? check_names[status] : "?";
}

void
audit_count(struct audit *audit)
{
	size_t i;

	for (i = 0; i < VERDICT_COUNT; i++)
		audit->counts[i] = 0;
	for (i = 0; i < audit->finding_count; i++)
		audit->counts[audit->findings[i].verdict]++;
}

int
audit_exit_code(const struct audit *audit)
{
	size_t i;
	int code = 0;

	if (audit->stopped)
		return 3;
	for (i = 0; i < audit->finding_count; i++) {
		const struct finding *f = &audit->findings[i];

		if (f->verdict == VERDICT_GAP && f->req->required)
			return 1;
		if (f->verdict == VERDICT_UNKNOWN ||
		    f->verdict == VERDICT_UNVERIFIABLE)
			code = 2;
	}
	return code;
}

static void
free_strings(char **strings, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		free(strings[i]);
	free(strings);
}

void
observation_clear(struct observation *obs)
{
	free(obs->detail);
	obs->detail = NULL;
}

void
finding_clear(struct finding *finding)
{
	free_strings(finding->missing, finding->missing_count);
	finding->missing = NULL;
	finding->missing_count = 0;
	free(finding->note);
	finding->note = NULL;
}

static void
free_tenant(struct tenant *tenant)
{
	free(tenant->company);
	free(tenant->server);
	free(tenant->site_url);
	free(tenant->codebase);
	free(tenant->version);
}

static void
free_member(struct member *member)
{
	free(member->identifier);
	free(member->role);
}

void
audit_free(struct audit *audit)
{
	size_t i;

	if (audit == NULL)
		return;

	free(audit->tool_version);
	free_tenant(&audit->tenant);
	free_member(&audit->member);
	free_strings(audit->input_notes, audit->input_note_count);
	for (i = 0; i < audit->check_count; i++) {
		free(audit->checks[i].name);
		free(audit->checks[i].detail);
	}
	free(audit->checks);
	for (i = 0; i < audit->probe_count; i++) {
		free(audit->probes[i].path);
		observation_clear(&audit->probes[i].obs);
	}
	free(audit->probes);
	for (i = 0; i < audit->finding_count; i++)
		finding_clear(&audit->findings[i]);
	free(audit->findings);
	for (i = 0; i < audit->fix_count; i++) {
		free(audit->fixes[i].click_path);
		free(audit->fixes[i].change);
	}
	free(audit->fixes);
	free(audit->baseline_path);
	free(audit->baseline_note);
	free(audit);
}
