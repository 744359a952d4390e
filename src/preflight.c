/*
 * preflight.c: the checks before any role question.
 *
 * In order: does the server know the company (companyinfo, without
 * credentials), and where is its API (SiteUrl, Codebase); then, side by
 * side, are the keys accepted (/system/info) and who is the member
 * (/system/myMembers).  A failed check stops the audit: findings about a
 * role mean nothing when the keys are refused.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "msg.h"
#include "run.h"
#include "server.h"
#include "text.h"

struct call {
	struct run *run;
	size_t record;
};

static const char *
json_text(const cJSON *object, const char *name)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);

	return cJSON_IsString(item) ? item->valuestring : NULL;
}

static bool
json_true(const cJSON *object, const char *name)
{
	return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(object, name));
}

/* A codebase is one path segment and its slash: "v4_6_release/". */
static bool
codebase_ok(const char *codebase)
{
	size_t n = strlen(codebase), i;

	if (n < 2 || n > 64 || codebase[n - 1] != '/')
		return false;
	for (i = 0; i + 1 < n; i++)
		if (!isalnum((unsigned char)codebase[i]) &&
		    codebase[i] != '_' && codebase[i] != '.' &&
		    codebase[i] != '-')
			return false;
	return strcmp(codebase, "../") != 0 && strcmp(codebase, "./") != 0;
}

/* Reduce SiteUrl to host[:port] the same way as the user's value. */
static char *
site_host(const char *site_url)
{
	struct server_value value = { 0 };
	char err[256];
	char *host;

	if (server_normalize(site_url, &value, err, sizeof err) != 0)
		return NULL;
	host = value.host;
	value.host = NULL;
	server_value_clear(&value);
	return host;
}

static int
take_site(struct run *run, const char *site_url, const char *codebase)
{
	struct tenant *tenant = &run->audit->tenant;
	char *host = site_host(site_url);

	if (host == NULL || !codebase_ok(codebase)) {
		free(host);
		return run_check(run, "company", CHECK_FAIL, CAUSE_BAD_ANSWER,
		    "companyinfo gave an API address that cannot be used"
		    " (SiteUrl \"%s\", Codebase \"%s\")", site_url, codebase);
	}
	if (!server_same_tenant(tenant->server, host)) {
		run_check(run, "company", CHECK_FAIL, CAUSE_REDIRECT,
		    "companyinfo names the API host \"%s\", which is neither "
		    "\"%s\" nor its api- host; the keys are not sent there. "
		    "If you trust it, run again with --server %s", host,
		    tenant->server, host);
		free(host);
		return -1;
	}

	tenant->site_url = host;
	tenant->codebase = text_dup(codebase);
	run->api_url = text_printf("https://%s/%sapis/3.0/", host, codebase);
	run->api_path = text_printf("/%sapis/3.0/", codebase);
	return run->api_url == NULL || run->api_path == NULL ? -1 : 0;
}

static void
read_company(struct run *run, const cJSON *info)
{
	struct tenant *tenant = &run->audit->tenant;
	const char *site = json_text(info, "SiteUrl");
	const char *codebase = json_text(info, "Codebase");
	const char *name = json_text(info, "CompanyName");

	if (site == NULL || codebase == NULL) {
		run_check(run, "company", CHECK_FAIL, CAUSE_BAD_ANSWER,
		    "companyinfo answered without SiteUrl or Codebase");
		return;
	}
	if (take_site(run, site, codebase) != 0)
		return;
	tenant->is_cloud = json_true(info, "IsCloud");
	run_check(run, "company", CHECK_PASS, CAUSE_NONE,
	    "company \"%s\"%s%s%s is on %s, API at %s, codebase %s",
	    tenant->company, name ? " (" : "", name ? name : "",
	    name ? ")" : "", tenant->is_cloud ? "the cloud" : "a self-hosted "
	    "server", tenant->site_url, tenant->codebase);
}

/* Record a pre-flight answer and free its call. */
static struct probe_record *
take_answer(const struct net_answer *answer, struct call *call)
{
	struct run *run = call->run;
	size_t record = call->record;

	free(call);
	run_answered(run, record, answer, NULL);
	return &run->audit->probes[record];
}

static void
unknown_company(struct run *run)
{
	run_check(run, "company", CHECK_FAIL, CAUSE_NOT_FOUND,
	    "the server does not know company \"%s\": use the Company ID "
	    "typed on the ConnectWise login screen",
	    run->audit->tenant.company);
}

static void
companyinfo_done(const struct net_answer *answer, void *user)
{
	struct run *run = ((struct call *)user)->run;
	struct probe_record *rec = take_answer(answer, user);
	cJSON *json;

	json = answer->status == 200 ? answer_json(answer) : NULL;
	if (rec->obs.outcome == OUTCOME_UNKNOWN && !cJSON_IsNull(json)) {
		run_check(run, "server", CHECK_FAIL, rec->obs.cause,
		    "https://%s did not answer companyinfo: %s%s%s",
		    run->audit->tenant.server, cause_text(rec->obs.cause),
		    rec->obs.detail ? ": " : "",
		    rec->obs.detail ? rec->obs.detail : "");
		cJSON_Delete(json);
		return;
	}
	run_check(run, "server", CHECK_PASS, CAUSE_NONE,
	    "https://%s answers", run->audit->tenant.server);

	if (cJSON_IsObject(json))
		read_company(run, json);
	else
		unknown_company(run);
	cJSON_Delete(json);
}

static int
queue(struct run *run, const char *url, const char *path, bool absolute,
    bool auth, net_done_fn done)
{
	struct call *call = malloc(sizeof *call);

	if (call == NULL)
		return -1;
	call->run = run;
	call->record = run_record(run, NULL, path, absolute);
	if (call->record == RUN_NO_RECORD ||
	    net_get(run->net, url, auth, done, call) != 0) {
		free(call);
		run->failed = true;
		return -1;
	}
	return 0;
}

/* The Client ID check passed on its presence; the server's answer now
 * fails it, and the keys could not be judged. */
static void
client_id_refused(struct run *run, const struct observation *obs)
{
	struct audit *audit = run->audit;
	struct check *check = NULL;
	size_t i;

	for (i = 0; i < audit->check_count; i++)
		if (strcmp(audit->checks[i].name, "client id") == 0)
			check = &audit->checks[i];
	if (check == NULL)
		return;
	free(check->detail);
	check->detail = text_printf("the server refused the Client ID (%s): "
	    "register one at https://developer.connectwise.com/ClientID and "
	    "pass it with --client-id", obs->detail ? obs->detail : "");
	check->status = CHECK_FAIL;
	check->cause = CAUSE_CLIENT_ID;
	audit->stopped = true;
	run_check(run, "keys", CHECK_SKIPPED, CAUSE_NONE,
	    "not judged: the Client ID was refused first");
}

static void
keys_refused(struct run *run, const struct observation *obs)
{
	if (obs->cause == CAUSE_CLIENT_ID) {
		client_id_refused(run, obs);
		return;
	}
	run_check(run, "keys", CHECK_FAIL, obs->cause,
	    "the server refused the keys (%s): check the public and "
	    "private key of the API member, and that the member is active",
	    obs->detail ? obs->detail : cause_text(obs->cause));
}

static void
info_done(const struct net_answer *answer, void *user)
{
	struct run *run = ((struct call *)user)->run;
	struct probe_record *rec = take_answer(answer, user);
	cJSON *json;

	if (rec->obs.outcome != OUTCOME_RECORDS) {
		if (rec->obs.cause == CAUSE_AUTH ||
		    rec->obs.cause == CAUSE_CLIENT_ID)
			keys_refused(run, &rec->obs);
		else
			run_check(run, "keys", CHECK_FAIL, rec->obs.cause,
			    "/system/info could not be read: %s",
			    rec->obs.detail ? rec->obs.detail :
			    cause_text(rec->obs.cause));
		return;
	}
	json = answer_json(answer);
	run->audit->tenant.version = text_dup(json_text(json, "version"));
	cJSON_Delete(json);
	run_check(run, "keys", CHECK_PASS, CAUSE_NONE,
	    "the keys are accepted (server version %s)",
	    run->audit->tenant.version ? run->audit->tenant.version : "?");
}

static void
read_member(struct run *run, const cJSON *record)
{
	struct member *member = &run->audit->member;
	const cJSON *role;
	const char *class;

	role = cJSON_GetObjectItemCaseSensitive(record, "securityRole");
	class = json_text(record, "licenseClass");
	member->identifier = text_dup(json_text(record, "identifier"));
	member->role = text_dup(json_text(role, "name"));
	member->api_member = class != NULL && strcmp(class, "A") == 0;
	member->inactive = json_true(record, "inactiveFlag");
	member->seen = member->identifier != NULL;

	if (!member->api_member)
		run_check(run, "member", CHECK_WARN, CAUSE_NONE,
		    "\"%s\" is not an API member (licenseClass \"%s\"): "
		    "integrations should use one (System > Members > API "
		    "Members)", member->identifier ? member->identifier : "?",
		    class ? class : "none");
	else
		run_check(run, "member", CHECK_PASS, CAUSE_NONE,
		    "API member \"%s\" with role \"%s\"%s",
		    member->identifier ? member->identifier : "?",
		    member->role ? member->role : "?",
		    member->inactive ? " is marked inactive" : "");
}

static void
member_done(const struct net_answer *answer, void *user)
{
	struct run *run = ((struct call *)user)->run;
	struct probe_record *rec = take_answer(answer, user);
	cJSON *json;

	if (rec->obs.outcome != OUTCOME_RECORDS)
		return;		/* info_done speaks for the keys */

	json = answer_json(answer);
	if (cJSON_IsObject(json))
		read_member(run, json);
	cJSON_Delete(json);
}

static void
member_unseen(struct run *run)
{
	if (run->audit->member.seen)
		return;
	run_check(run, "member", CHECK_WARN, CAUSE_NONE,
	    "the member record (/system/myMembers) could not be read: "
	    "records owned by others cannot be told apart from its own");
}

static int
round_company(struct run *run)
{
	char *path;
	int rc;

	path = text_printf("/login/companyinfo/%s",
	    strrchr(run->login_url, '/') + 1);
	if (path == NULL)
		return -1;
	rc = queue(run, run->login_url, path, true, false, companyinfo_done);
	free(path);
	if (rc != 0 || net_run(run->net, NULL, NULL) != 0)
		return -1;
	return run->audit->stopped || run->failed ? -1 : 0;
}

static int
round_member(struct run *run)
{
	char *info, *me;
	int rc;

	info = text_printf("%ssystem/info", run->api_url);
	me = text_printf("%ssystem/myMembers", run->api_url);
	rc = info == NULL || me == NULL ? -1 : 0;
	if (rc == 0)
		rc = queue(run, info, "system/info", false, true, info_done);
	if (rc == 0)
		rc = queue(run, me, "system/myMembers", false, true,
		    member_done);
	free(info);
	free(me);
	if (rc != 0 || net_run(run->net, NULL, NULL) != 0)
		return -1;
	if (run->audit->stopped || run->failed)
		return -1;
	member_unseen(run);
	return 0;
}

int
preflight_run(struct run *run)
{
	run_check(run, "client id", CHECK_PASS, CAUSE_NONE,
	    "a Client ID is given");
	if (round_company(run) != 0)
		return -1;
	msg_debug(MSG_VERBOSE, "preflight", "API base %s", run->api_url);
	return round_member(run);
}
