/*
 * fixture_audit.c: a hand-built profile and audits of each kind, so that
 * writers and other consumers of struct audit can be tested without a
 * server or a rules file.
 */
#include "fixture_audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct req_spec {
	const char *id, *module, *function, *module_id, *function_id;
	bool required;
	const char *source;
	size_t probe;
};

struct probe_spec {
	const char *id, *path, *query, *needs, *owner;
};

static const struct probe_spec probe_specs[] = {
	{ "members", "system/members", "pageSize=1", NULL, NULL },
	{ "boards", "service/boards", "pageSize=1&fields=id", NULL, NULL },
	{ "phase-statuses", "project/phaseStatuses", "pageSize=1", NULL,
	    NULL },
	{ "tickets", "service/tickets", "pageSize=25", NULL,
	    "owner/identifier" },
	{ "projects", "project/projects", "pageSize=1", NULL,
	    "manager/identifier" },
	{ "phases", "project/projects/{id}/phases", NULL, "projects", NULL },
	{ "agreements", "finance/agreements", "pageSize=1", NULL, NULL },
};

#define PROBES (sizeof(probe_specs) / sizeof(probe_specs[0]))

static const struct req_spec req_specs[FIXTURE_REQUIREMENTS] = {
	{ "member-maintenance", "System", "Member Maintenance", "System",
	    "MemberMaintenance", true, "seed", 0 },
	{ "table-setup", "System", "Table Setup", "System", "TableSetup",
	    true, "seed", 1 },
	{ "table-setup-project-items", "System", "Table Setup", "System",
	    "TableSetup", true, "seed", 2 },
	{ "service-tickets", "Service Desk", "Service Tickets", "Service",
	    "ServiceTickets", true, "inferred", 3 },
	{ "project-phase", "Project", "Project Phase", "Project",
	    "ProjectPhase", true, "inferred", 5 },
	{ "agreements", "Finance", "Agreements", "Finance", "Agreements",
	    false, "inferred", 6 },
};

static const char *const item_specs[][2] = {
	{ "ServiceBoard", "Service / Service Board" },
	{ "ProjectStatus", "Project / Project Status" },
	{ "ProjectPhaseStatus", "Project / Phase Status" },
	{ "CompanyStatus", "Company / Company Status" },
};

#define ITEMS (sizeof(item_specs) / sizeof(item_specs[0]))

char *
fixture_strdup(const char *s)
{
	char *copy;

	if (s == NULL)
		return NULL;
	copy = strdup(s);
	if (copy == NULL)
		abort();
	return copy;
}

static void *
fixture_calloc(size_t count, size_t size)
{
	void *p = calloc(count == 0 ? 1 : count, size);

	if (p == NULL)
		abort();
	return p;
}

static void
fill_customize(struct rule_customize *list)
{
	size_t i;

	list->id = fixture_strdup("SystemTableSetup");
	list->module_id = fixture_strdup("System");
	list->function_id = fixture_strdup("TableSetup");
	list->item_count = ITEMS;
	list->items = fixture_calloc(ITEMS, sizeof(*list->items));
	for (i = 0; i < ITEMS; i++) {
		list->items[i].id = fixture_strdup(item_specs[i][0]);
		list->items[i].label = fixture_strdup(item_specs[i][1]);
	}
	list->line = 3;
}

static void
fill_probe(struct rule_probe *probe, const struct probe_spec *spec,
    size_t index)
{
	probe->id = fixture_strdup(spec->id);
	probe->path = fixture_strdup(spec->path);
	probe->query = fixture_strdup(spec->query);
	probe->needs = fixture_strdup(spec->needs);
	probe->needs_index = spec->needs != NULL ? index - 1 : 0;
	probe->expect = EXPECT_LIST;
	probe->owner_field = fixture_strdup(spec->owner);
	probe->proves = LEVEL_ALL;
	probe->line = 10 + (int)index;
}

static void
fill_items(struct requirement *req)
{
	req->customize_id = fixture_strdup("SystemTableSetup");
	req->customize_index = 0;
	req->item_count = 2;
	req->items = fixture_calloc(2, sizeof(*req->items));
	req->items[0] = fixture_strdup("ProjectStatus");
	req->items[1] = fixture_strdup("ProjectPhaseStatus");
	req->depends = fixture_strdup("table-setup");
	req->depends_index = 1;
	req->need[ACTION_INQUIRE] = LEVEL_NONE;
}

static void
fill_requirement(struct requirement *req, const struct req_spec *spec,
    size_t index)
{
	req->id = fixture_strdup(spec->id);
	req->module = fixture_strdup(spec->module);
	req->function = fixture_strdup(spec->function);
	req->module_id = fixture_strdup(spec->module_id);
	req->function_id = fixture_strdup(spec->function_id);
	req->need[ACTION_INQUIRE] = LEVEL_ALL;
	req->required = spec->required;
	req->feature = fixture_strdup("Horizon reads these records to sync "
	    "them.");
	req->why = fixture_strdup("Without it the sync sees nothing.");
	req->source = fixture_strdup(spec->source);
	if (strcmp(spec->source, "inferred") == 0)
		req->source_note = fixture_strdup("Horizon syncs this data; "
		    "the guide does not name the setting.");
	req->probe_count = 1;
	req->probes = fixture_calloc(1, sizeof(*req->probes));
	req->probes[0].probe = spec->probe;
	req->probes[0].on_denied = DENIAL_GAP;
	req->line = 40 + (int)index;
}

struct profile *
fixture_profile(void)
{
	struct profile *p = fixture_calloc(1, sizeof(*p));
	size_t i;

	p->path = fixture_strdup("/tmp/" FIXTURE_SECRET "/horizon.rules.xml");
	p->name = fixture_strdup("horizon");
	p->title = fixture_strdup("Horizon");
	p->version = fixture_strdup("1.0");
	p->role_hint = fixture_strdup("Horizon Role " FIXTURE_SECRET);

	p->customize_count = 1;
	p->customizes = fixture_calloc(1, sizeof(*p->customizes));
	fill_customize(&p->customizes[0]);

	p->probe_count = PROBES;
	p->probes = fixture_calloc(PROBES, sizeof(*p->probes));
	for (i = 0; i < PROBES; i++)
		fill_probe(&p->probes[i], &probe_specs[i], i);

	p->requirement_count = FIXTURE_REQUIREMENTS;
	p->requirements = fixture_calloc(FIXTURE_REQUIREMENTS,
	    sizeof(*p->requirements));
	for (i = 0; i < FIXTURE_REQUIREMENTS; i++)
		fill_requirement(&p->requirements[i], &req_specs[i], i);
	fill_items(&p->requirements[2]);
	return p;
}

static void
free_requirement(struct requirement *req)
{
	size_t i;

	free(req->id);
	free(req->module);
	free(req->function);
	free(req->module_id);
	free(req->function_id);
	free(req->customize_id);
	for (i = 0; i < req->item_count; i++)
		free(req->items[i]);
	free(req->items);
	free(req->feature);
	free(req->why);
	free(req->source);
	free(req->source_note);
	free(req->depends);
	free(req->probes);
}

static void
free_customize(struct rule_customize *list)
{
	size_t i;

	free(list->id);
	free(list->module_id);
	free(list->function_id);
	for (i = 0; i < list->item_count; i++) {
		free(list->items[i].id);
		free(list->items[i].label);
	}
	free(list->items);
}

void
fixture_profile_free(struct profile *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->requirement_count; i++)
		free_requirement(&p->requirements[i]);
	free(p->requirements);
	for (i = 0; i < p->probe_count; i++) {
		free(p->probes[i].id);
		free(p->probes[i].path);
		free(p->probes[i].query);
		free(p->probes[i].needs);
		free(p->probes[i].owner_field);
	}
	free(p->probes);
	for (i = 0; i < p->customize_count; i++)
		free_customize(&p->customizes[i]);
	free(p->customizes);
	free(p->path);
	free(p->name);
	free(p->title);
	free(p->version);
	free(p->role_hint);
	free(p);
}

static void *
grow(void *array, size_t count, size_t size)
{
	void *p = realloc(array, (count + 1) * size);

	if (p == NULL)
		abort();
	memset((char *)p + count * size, 0, size);
	return p;
}

static void
add_check(struct audit *audit, const char *name,
    enum check_status status, enum cause cause, const char *detail)
{
	struct check *check;

	audit->checks = grow(audit->checks, audit->check_count,
	    sizeof(*audit->checks));
	check = &audit->checks[audit->check_count++];
	check->name = fixture_strdup(name);
	check->status = status;
	check->cause = cause;
	check->detail = fixture_strdup(detail);
}

static struct probe_record *
add_probe(struct audit *audit, const struct rule_probe *spec,
    const char *path, long status, enum outcome outcome)
{
	struct probe_record *probe;

	audit->probes = grow(audit->probes, audit->probe_count,
	    sizeof(*audit->probes));
	probe = &audit->probes[audit->probe_count++];
	probe->spec = spec;
	probe->path = fixture_strdup(path);
	probe->obs.status = status;
	probe->obs.outcome = outcome;
	probe->obs.first_id = -1;
	probe->attempts = 1;
	probe->seconds = 0.125;
	probe->ran = true;
	return probe;
}

void
fixture_add_fix(struct audit *audit, const char *click_path,
    const char *change, size_t finding)
{
	struct fix *fix;

	audit->fixes = grow(audit->fixes, audit->fix_count,
	    sizeof(*audit->fixes));
	fix = &audit->fixes[audit->fix_count++];
	fix->click_path = fixture_strdup(click_path);
	fix->change = fixture_strdup(change);
	fix->finding = finding;
}

static struct audit *
audit_base(const struct profile *profile)
{
	struct audit *audit = fixture_calloc(1, sizeof(*audit));

	audit->tool_version = fixture_strdup("0.1.0");
	audit->profile = profile;
	audit->tenant.company = fixture_strdup("acme");
	audit->tenant.server = fixture_strdup("na.myconnectwise.net");
	audit->tenant.site_url = fixture_strdup("api-na.myconnectwise.net");
	audit->tenant.codebase = fixture_strdup("v2025_1/");
	audit->tenant.version = fixture_strdup("v2025.1");
	audit->tenant.is_cloud = true;
	audit->member.identifier = fixture_strdup("HorizonAPI");
	audit->member.role = fixture_strdup("Horizon Role");
	audit->member.api_member = true;
	audit->member.seen = true;
	audit->started = 1746094830;	/* 2025-05-01T10:20:30Z */
	audit->seconds = 2.5;
	audit->settings_readable = true;

	add_check(audit, "server", CHECK_PASS, CAUSE_NONE,
	    "na.myconnectwise.net answered.");
	add_check(audit, "company", CHECK_PASS, CAUSE_NONE,
	    "Company acme is known to the server.");
	add_check(audit, "client id", CHECK_PASS, CAUSE_NONE, NULL);
	add_check(audit, "keys", CHECK_PASS, CAUSE_NONE, NULL);
	add_check(audit, "member", CHECK_PASS, CAUSE_NONE,
	    "HorizonAPI is an active API member.");
	add_probe(audit, NULL, "/login/companyinfo/acme", 200,
	    OUTCOME_RECORDS)->obs.records = 1;
	return audit;
}

/* Findings all passing, every probe answering with records. */
static void
add_findings(struct audit *audit)
{
	const struct profile *p = audit->profile;
	size_t i;

	audit->finding_count = p->requirement_count;
	audit->findings = fixture_calloc(p->requirement_count,
	    sizeof(*audit->findings));
	for (i = 0; i < p->requirement_count; i++) {
		struct finding *f = &audit->findings[i];

		f->req = &p->requirements[i];
		f->verdict = VERDICT_PASS;
		f->settings_seen = true;
		f->observed[ACTION_INQUIRE] = LEVEL_ALL;
	}
	for (i = 0; i < p->probe_count; i++) {
		char path[256];
		struct probe_record *probe;

		snprintf(path, sizeof(path), "/v2025_1/apis/3.0/%s",
		    p->probes[i].path);
		probe = add_probe(audit, &p->probes[i], path, 200,
		    OUTCOME_RECORDS);
		probe->obs.records = 1;
		probe->obs.first_id = 7;
	}
}

static void
add_missing(struct finding *f, const char *label)
{
	f->missing = grow(f->missing, f->missing_count, sizeof(*f->missing));
	f->missing[f->missing_count++] = fixture_strdup(label);
}

static struct probe_record *
probe_of(struct audit *audit, const char *id)
{
	size_t i;

	for (i = 0; i < audit->probe_count; i++) {
		const struct rule_probe *spec = audit->probes[i].spec;

		if (spec != NULL && strcmp(spec->id, id) == 0)
			return &audit->probes[i];
	}
	abort();
}

static void
make_gaps(struct audit *audit)
{
	struct finding *f = audit->findings;
	struct probe_record *probe;

	f[0].verdict = VERDICT_GAP;
	f[0].observed[ACTION_INQUIRE] = LEVEL_NONE;
	probe = probe_of(audit, "members");
	probe->obs.status = 403;
	probe->obs.outcome = OUTCOME_DENIED;
	probe->obs.records = 0;

	f[2].verdict = VERDICT_GAP;
	add_missing(&f[2], "Project / Phase Status");

	f[3].verdict = VERDICT_EXCESS;
	f[3].observed[ACTION_ADD] = LEVEL_ALL;
	f[3].observed[ACTION_DELETE] = LEVEL_MY;
	f[3].excess[f[3].excess_count++] = ACTION_ADD;
	f[3].excess[f[3].excess_count++] = ACTION_DELETE;

	f[4].verdict = VERDICT_UNKNOWN;
	f[4].cause = CAUSE_RATE_LIMITED;
	f[4].note = fixture_strdup("The phase list could not be read: the "
	    "server kept answering 429.");
	probe = probe_of(audit, "phases");
	probe->obs.status = 429;
	probe->obs.outcome = OUTCOME_UNKNOWN;
	probe->obs.cause = CAUSE_RATE_LIMITED;
	probe->attempts = 4;

	f[5].verdict = VERDICT_GAP;
	f[5].observed[ACTION_INQUIRE] = LEVEL_NONE;
}

static void
add_gap_fixes(struct audit *audit)
{
	fixture_add_fix(audit, "System > Security Roles > Horizon Role > "
	    "System > Member Maintenance", "Inquire Level None \xe2\x86\x92 "
	    "All", 0);
	fixture_add_fix(audit, "System > Security Roles > Horizon Role > "
	    "System > Table Setup", "Customize: move \"Project / Phase "
	    "Status\" to \"Allow access to these\"", 2);
	fixture_add_fix(audit, "System > Security Roles > Horizon Role > "
	    "Finance > Agreements", "Inquire Level None \xe2\x86\x92 All", 5);
}

static void
make_stopped(struct audit *audit)
{
	audit->checks[3].status = CHECK_FAIL;
	audit->checks[3].cause = CAUSE_AUTH;
	free(audit->checks[3].detail);
	audit->checks[3].detail = fixture_strdup("The server refused the "
	    "keys: check the public and private key of HorizonAPI.");
	audit->checks[4].status = CHECK_SKIPPED;
	free(audit->checks[4].detail);
	audit->checks[4].detail = NULL;
	free(audit->member.role);
	audit->member.role = NULL;
	audit->member.api_member = false;
	audit->member.seen = false;
	audit->stopped = true;
	audit->settings_readable = false;
	add_probe(audit, NULL, "/v2025_1/apis/3.0/system/info", 401,
	    OUTCOME_UNKNOWN)->obs.cause = CAUSE_AUTH;
}

static void
make_undecided(struct audit *audit)
{
	size_t i;
	enum action a;

	audit->settings_readable = false;
	for (i = 0; i < audit->finding_count; i++) {
		struct finding *f = &audit->findings[i];

		f->settings_seen = false;
		for (a = ACTION_ADD; a < ACTION_COUNT; a++)
			f->observed[a] = LEVEL_UNSEEN;
	}
	audit->findings[2].verdict = VERDICT_UNVERIFIABLE;
	audit->findings[2].cause = CAUSE_SETTINGS_HIDDEN;
	audit->findings[4].verdict = VERDICT_UNKNOWN;
	audit->findings[4].cause = CAUSE_NOTHING_TO_PROBE;
	probe_of(audit, "phases")->ran = false;
	probe_of(audit, "phases")->obs.outcome = OUTCOME_UNKNOWN;
	probe_of(audit, "phases")->obs.cause = CAUSE_NOTHING_TO_PROBE;
	probe_of(audit, "phases")->obs.status = 0;
	add_check(audit, "settings", CHECK_WARN, CAUSE_SETTINGS_HIDDEN,
	    "The member cannot read its own role settings.");
}

static void
make_baseline(struct audit *audit)
{
	static const enum change changes[FIXTURE_REQUIREMENTS] = {
		CHANGE_REGRESSED, CHANGE_FIXED, CHANGE_STILL_MISSING,
		CHANGE_NEW_EXCESS, CHANGE_UNCHANGED, CHANGE_NEW,
	};
	static const enum verdict before[FIXTURE_REQUIREMENTS] = {
		VERDICT_PASS, VERDICT_GAP, VERDICT_GAP, VERDICT_PASS,
		VERDICT_UNKNOWN, VERDICT_PASS,
	};
	size_t i;

	for (i = 0; i < FIXTURE_REQUIREMENTS; i++) {
		audit->findings[i].change = changes[i];
		audit->findings[i].before = before[i];
	}
	audit->baseline_path = fixture_strdup("reports/acme-last.xml");
	audit->baseline_note = fixture_strdup("made with profile version 0.9");
}

static void
replace(char **field, const char *text)
{
	free(*field);
	*field = fixture_strdup(text);
}

static void
make_hostile(struct audit *audit)
{
	replace(&audit->member.role, "<script>alert(\"role\")</script> "
	    "R\xc3\xb4le \xc3\xbcnic\xc3\xb6" "de \xff\xfe bad \x1b[31mred "
	    "& <b>bold</b> with a name far too long to fit on one line of "
	    "a terminal, and then some more words");
	replace(&audit->member.identifier, "H\x1b[0mAPI");
	replace(&audit->tenant.company, "acme & <co> \"quoted\" 'single'");
	replace(&audit->tenant.version, "v2025.1\x01\x02\x7f\xc2\x9b");
	replace(&audit->checks[0].detail, "]]> <![CDATA[ x ]]> \xe2\x80\xae"
	    "evil\x0d\x0a<img src=\"http://example.invalid/x.png\">");
	replace(&audit->probes[1].obs.detail, "invalid \xc3\x28 and "
	    "\xed\xa0\x80 surrogate and \xf8\x88\x80\x80\x80 long");
	replace(&audit->findings[0].note, "<a href=\"https://evil.invalid/\">"
	    "click</a> \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e");
	replace(&audit->fixes[1].change, "Customize: move \"Project / "
	    "\x1b[2JPhase Status\"\x07 to \"Allow access to these\"");
	replace(&audit->fixes[0].click_path, "System > Security Roles > "
	    "<script>alert(1)</script> > System > Member Maintenance and a "
	    "tail long enough to pass the edge of the terminal easily");
}

struct audit *
fixture_audit(const struct profile *profile, enum fixture_kind kind)
{
	struct audit *audit = audit_base(profile);

	if (kind == FIXTURE_STOPPED) {
		make_stopped(audit);
		return audit;
	}
	add_findings(audit);
	if (kind == FIXTURE_UNDECIDED)
		make_undecided(audit);
	if (kind == FIXTURE_GAPS || kind == FIXTURE_BASELINE ||
	    kind == FIXTURE_HOSTILE) {
		make_gaps(audit);
		add_gap_fixes(audit);
	}
	if (kind == FIXTURE_BASELINE)
		make_baseline(audit);
	if (kind == FIXTURE_HOSTILE)
		make_hostile(audit);
	audit_count(audit);
	return audit;
}
