/*
 * fuzz_answer.c: hostile HTTP answers against answer_classify.
 *
 * The first two bytes choose the status, the content type, the CDN mark,
 * the network failure and the probe's expectations; the rest is the
 * body.  Every answer must classify without a crash, and an observation
 * must stay consistent: records only on a 200, a cause on every unknown,
 * a detail of one printable line.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "answer.h"
#include "fuzz.h"

static const long statuses[16] = {
	200, 200, 200, 403, 401, 400, 404, 429,
	500, 503, 302, 301, 204, 418, 0, 999,
};

static const char *const types[8] = {
	"application/json; charset=utf-8", "application/json",
	"text/html; charset=utf-8", "text/plain", NULL,
	"application/vnd.connectwise.com+json; version=2025.1",
	"APPLICATION/JSON", "",
};

static const char *const owners[4] = {
	NULL, "owner/identifier", "identifier", "a/b/c/d",
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static void
check_observation(const struct observation *obs, long status, bool failed)
{
	size_t i;

	if (obs->outcome == OUTCOME_RECORDS && status != 200)
		abort();
	if (obs->outcome == OUTCOME_UNKNOWN && obs->cause == CAUSE_NONE)
		abort();
	if (obs->outcome == OUTCOME_DENIED && status != 403)
		abort();
	if (failed && obs->outcome != OUTCOME_UNKNOWN)
		abort();
	if (obs->detail == NULL)
		return;
	for (i = 0; obs->detail[i] != '\0'; i++)
		if ((unsigned char)obs->detail[i] < 0x20)
			abort();
}

static void
classify(const struct net_answer *answer, uint8_t flags)
{
	struct rule_probe probe = { 0 };
	struct observation obs = { 0 };

	probe.id = "fuzz";
	probe.path = "service/tickets";
	probe.expect = (enum probe_expect)(flags % 3);
	probe.owner_field = (char *)owners[(flags >> 2) & 3];
	probe.proves = LEVEL_ALL;
	answer_classify(answer, (flags & 0x10) ? NULL : &probe,
	    (flags & 0x20) ? NULL : "HorizonAPI", &obs);
	check_observation(&obs, answer->status,
	    answer->failure != NET_OK);
	observation_clear(&obs);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct net_answer answer = { 0 };
	char *body;
	cJSON *json;

	if (size < 2)
		return 0;
	body = malloc(size - 2 + 1);
	if (body == NULL)
		return 0;
	memcpy(body, data + 2, size - 2);
	body[size - 2] = '\0';

	answer.url = "https://localhost/v4_6_release/apis/3.0/service/tickets";
	answer.status = statuses[data[0] & 15];
	answer.content_type = types[(data[0] >> 4) & 7];
	answer.cdn = (data[0] & 0x80) != 0;
	answer.failure = (data[1] & 0xc0) == 0xc0 ?
	    (enum net_failure)(1 + (data[1] & 7) % 7) : NET_OK;
	answer.error = answer.failure != NET_OK ? "fuzzed failure" : NULL;
	answer.location = answer.status / 100 == 3 ? body : NULL;
	answer.via = (data[1] & 8) ? "1.1 abc.cloudfront.net (CloudFront)" :
	    NULL;
	answer.retry_after = answer.status == 429 ? "1" : NULL;
	answer.body = body;
	answer.body_len = size - 2;
	answer.attempts = 1;
	answer.gave_up_429 = answer.status == 429;

	classify(&answer, data[1]);
	json = answer_json(&answer);
	cJSON_Delete(json);
	(void)answer_error_code(&answer, "Security");
	free(body);
	return 0;
}
