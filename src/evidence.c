/*
 * evidence.c: the member's own settings and the probes of the profile.
 *
 * Everything here is queued at once and runs in one net_run: the
 * settings (/system/mySecurity), the allow lists (customizeItems), and
 * each probe; a probe that needs an id is queued from its parent's
 * callback, or recorded as "nothing to probe" when the parent found no
 * record.  Lists of settings are paged by number, never by following a
 * Link URL, so no request can be steered to another host.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "msg.h"
#include "run.h"
#include "text.h"

#define SETTINGS_PAGE_SIZE 1000
#define SETTINGS_MAX_PAGES 20
#define SETTINGS_FIELDS "moduleIdentifier,moduleFunctionIdentifier," \
	"moduleName,moduleFunctionName,addLevel,editLevel,deleteLevel," \
	"inquireLevel,customFlag"

enum call_kind { CALL_SETTINGS, CALL_ITEMS, CALL_PROBE };

struct call {
	struct run *run;
	enum call_kind kind;
	size_t record;
	size_t probe;		/* CALL_PROBE: profile probe index */
	int page;		/* CALL_SETTINGS, CALL_ITEMS */
};

static void call_done(const struct net_answer *answer, void *user);

/* How the settings lists are read: a JSON array each. */
static const struct rule_probe settings_list = { .expect = EXPECT_LIST };

static int
queue_call(struct run *run, enum call_kind kind, size_t probe, int page,
    const char *path)
{
	const struct rule_probe *spec = NULL;
	struct call *call;
	char *url;

	if (kind == CALL_PROBE)
		spec = &run->in->profile->probes[probe];
	call = calloc(1, sizeof *call);
	url = text_printf("%s%s", run->api_url, path);
	if (call == NULL || url == NULL)
		goto fail;
	call->run = run;
	call->kind = kind;
	call->probe = probe;
	call->page = page;
	call->record = run_record(run, spec, path, false);
	if (call->record == RUN_NO_RECORD)
		goto fail;
	if (kind == CALL_PROBE)
		run->probe_record[probe] = call->record;
	if (net_get(run->net, url, true, call_done, call) != 0)
		goto fail;
	free(url);
	return 0;
fail:
	free(call);
	free(url);
	run->failed = true;
	return -1;
}

static int
queue_page(struct run *run, enum call_kind kind, int page)
{
	const char *base = kind == CALL_SETTINGS ? "system/mySecurity" :
	    "system/mySecurity/customizeItems";
	const char *fields = kind == CALL_SETTINGS ?
	    "&fields=" SETTINGS_FIELDS : "";
	char *path;
	int rc;

	path = text_printf("%s?pageSize=%d&page=%d%s", base,
	    SETTINGS_PAGE_SIZE, page, fields);
	if (path == NULL)
		return -1;
	rc = queue_call(run, kind, 0, page, path);
	free(path);
	return rc;
}

/* The probe's path with {id} filled in, and its query. */
static char *
probe_path(const struct rule_probe *probe, long id)
{
	const char *mark = strstr(probe->path, "{id}");
	const char *sep = probe->query != NULL ? "?" : "";
	const char *query = probe->query != NULL ? probe->query : "";

	if (mark == NULL)
		return text_printf("%s%s%s", probe->path, sep, query);
	return text_printf("%.*s%ld%s%s%s", (int)(mark - probe->path),
	    probe->path, id, mark + 4, sep, query);
}

static void
queue_probe(struct run *run, size_t index, long id)
{
	char *path = probe_path(&run->in->profile->probes[index], id);

	if (path == NULL) {
		run->failed = true;
		return;
	}
	queue_call(run, CALL_PROBE, index, 0, path);
	free(path);
}

/* A dependent probe whose parent found nothing: record why. */
static void
record_nothing(struct run *run, size_t index, const char *parent)
{
	const struct rule_probe *probe = &run->in->profile->probes[index];
	struct probe_record *rec;
	size_t record;

	record = run_record(run, probe, probe->path, false);
	if (record == RUN_NO_RECORD)
		return;
	run->probe_record[index] = record;
	rec = &run->audit->probes[record];
	rec->obs.outcome = OUTCOME_UNKNOWN;
	rec->obs.cause = CAUSE_NOTHING_TO_PROBE;
	rec->obs.detail = text_printf("not sent: probe \"%s\" found no "
	    "record whose id it needs", parent);
}

static void
follow_dependents(struct run *run, size_t parent)
{
	const struct profile *profile = run->in->profile;
	const struct observation *obs =
	    &run->audit->probes[run->probe_record[parent]].obs;
	/* Copied: queueing grows the records and may move obs. */
	bool found = obs->outcome == OUTCOME_RECORDS && obs->first_id >= 0;
	long id = obs->first_id;
	size_t i;

	for (i = 0; i < profile->probe_count; i++) {
		if (profile->probes[i].needs == NULL ||
		    profile->probes[i].needs_index != parent)
			continue;
		if (found)
			queue_probe(run, i, id);
		else
			record_nothing(run, i, profile->probes[parent].id);
	}
}

static bool
has_next(const struct net_answer *answer)
{
	return answer->link != NULL && strstr(answer->link, "rel=\"next\"");
}

static int
add_setting(struct run *run, const cJSON *object)
{
	static const char *const keys[ACTION_COUNT] = {
		"addLevel", "editLevel", "deleteLevel", "inquireLevel",
	};
	struct setting *grown, *s;
	int a;

	grown = realloc(run->settings, (run->setting_count + 1) *
	    sizeof *grown);
	if (grown == NULL)
		return -1;
	run->settings = grown;
	s = &run->settings[run->setting_count++];
	memset(s, 0, sizeof *s);
	s->module_id = text_dup(cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(object, "moduleIdentifier")));
	s->function_id = text_dup(cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(object,
	    "moduleFunctionIdentifier")));
	s->module_name = text_dup(cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(object, "moduleName")));
	s->function_name = text_dup(cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(object, "moduleFunctionName")));
	s->custom = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(object,
	    "customFlag"));
	for (a = 0; a < ACTION_COUNT; a++) {
		const char *text = cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(object, keys[a]));

		s->level[a] = LEVEL_UNSEEN;
		level_parse(text, &s->level[a]);
	}
	return 0;
}

static int
add_item(struct run *run, const cJSON *object)
{
	const char *list = cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(object, "customizeIdentifier"));
	const char *item = cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(object, "itemIdentifier"));
	char **grown;

	if (list == NULL || item == NULL)
		return 0;
	grown = realloc(run->items, (run->item_count + 1) * sizeof *grown);
	if (grown == NULL)
		return -1;
	run->items = grown;
	run->items[run->item_count] = text_printf("%s\t%s", list, item);
	if (run->items[run->item_count] == NULL)
		return -1;
	run->item_count++;
	return 0;
}

static void
settings_unread(struct run *run, const struct observation *obs)
{
	run->settings_readable = false;
	run->settings_cause = obs->outcome == OUTCOME_DENIED ?
	    CAUSE_SETTINGS_HIDDEN : obs->outcome == OUTCOME_EMPTY ?
	    CAUSE_BAD_ANSWER : obs->cause;
	run_check(run, "settings", CHECK_WARN, run->settings_cause,
	    "the member's own settings (/system/mySecurity) could not be "
	    "read (%s): levels are judged from the probes alone, and add, "
	    "edit and delete cannot be checked",
	    obs->outcome == OUTCOME_DENIED ? "403 Security" :
	    obs->outcome == OUTCOME_EMPTY ? "an empty list" :
	    cause_text(obs->cause));
}

static void
items_unread(struct run *run, const struct observation *obs)
{
	run->items_readable = false;
	run_check(run, "allow lists", CHECK_WARN, obs->cause,
	    "the member's Customize allow lists (/system/mySecurity/"
	    "customizeItems) could not be read (%s): tables are judged "
	    "from the probes alone", obs->outcome == OUTCOME_DENIED ?
	    "403 Security" : cause_text(obs->cause));
}

/* A page of settings or allow-list items. */
static void
list_done(struct call *call, const struct net_answer *answer)
{
	struct run *run = call->run;
	const struct observation *obs = &run->audit->probes[call->record].obs;
	cJSON *json, *each;
	bool settings = call->kind == CALL_SETTINGS;

	if (settings && obs->outcome != OUTCOME_RECORDS &&
	    (call->page == 1 || obs->outcome != OUTCOME_EMPTY)) {
		settings_unread(run, obs);
		return;
	}
	if (!settings && obs->outcome != OUTCOME_RECORDS &&
	    obs->outcome != OUTCOME_EMPTY) {
		items_unread(run, obs);
		return;
	}

	json = answer_json(answer);
	cJSON_ArrayForEach(each, json) {
		if (cJSON_IsObject(each) && (settings ?
		    add_setting(run, each) : add_item(run, each)) != 0)
			run->failed = true;
	}
	cJSON_Delete(json);
	if (settings)
		run->settings_readable = true;
	if (has_next(answer) && call->page < SETTINGS_MAX_PAGES)
		queue_page(run, call->kind, call->page + 1);
}

static void
call_done(const struct net_answer *answer, void *user)
{
	struct call *call = user;
	const struct rule_probe *spec = NULL;

	if (call->kind == CALL_PROBE)
		spec = &call->run->in->profile->probes[call->probe];
	run_answered(call->run, call->record, answer,
	    spec != NULL ? spec : &settings_list);
	if (call->kind == CALL_PROBE)
		follow_dependents(call->run, call->probe);
	else
		list_done(call, answer);
	free(call);
}

static bool
is_parent(const struct profile *profile, size_t index)
{
	size_t i;

	for (i = 0; i < profile->probe_count; i++)
		if (profile->probes[i].needs != NULL &&
		    profile->probes[i].needs_index == index)
			return true;
	return false;
}

void
evidence_queue(struct run *run)
{
	const struct profile *profile = run->in->profile;
	size_t i;

	run->items_readable = true;
	queue_page(run, CALL_SETTINGS, 1);
	queue_page(run, CALL_ITEMS, 1);
	/* Parents first, so their dependents can join the first round. */
	for (i = 0; i < profile->probe_count; i++)
		if (profile->probes[i].needs == NULL && is_parent(profile, i))
			queue_probe(run, i, 0);
	for (i = 0; i < profile->probe_count; i++)
		if (profile->probes[i].needs == NULL && !is_parent(profile, i))
			queue_probe(run, i, 0);
}

void
evidence_free(struct run *run)
{
	size_t i;

	for (i = 0; i < run->setting_count; i++) {
		free(run->settings[i].module_id);
		free(run->settings[i].function_id);
		free(run->settings[i].module_name);
		free(run->settings[i].function_name);
	}
	free(run->settings);
	for (i = 0; i < run->item_count; i++)
		free(run->items[i]);
	free(run->items);
}
