/*
 * answer.h: what an HTTP answer from ConnectWise means.
 *
 * Turns a net_answer into an observation: records seen, an empty list, a
 * role denial, or an unknown with its cause.  Nothing here is a verdict;
 * it only says what one request showed.  Classification is strict: a 403
 * counts as a role denial only with ConnectWise's JSON Security body and
 * no CDN marks; a 200 that is not the JSON expected is a bad answer.
 *
 * Ownership: an observation owns its strings; free with
 * observation_clear.  The JSON helpers return cJSON trees the caller
 * frees with cJSON_Delete.
 */
#ifndef RA_ANSWER_H
#define RA_ANSWER_H

#include <stdbool.h>
#include <stddef.h>

#include "net.h"
#include "rules.h"

struct cJSON;

enum outcome {
	OUTCOME_RECORDS = 0,	/* 200 with at least one record (count > 0) */
	OUTCOME_EMPTY,		/* 200 with none: proves nothing */
	OUTCOME_DENIED,		/* 403 with the Security body */
	OUTCOME_UNKNOWN		/* see cause */
};

enum cause {
	CAUSE_NONE = 0,
	CAUSE_NETWORK,		/* resolve, connect, reset, truncated */
	CAUSE_TIMEOUT,
	CAUSE_TLS,
	CAUSE_AUTH,		/* 401: keys refused or member inactive */
	CAUSE_CLIENT_ID,	/* the server asks for a (valid) clientId */
	CAUSE_RATE_LIMITED,	/* 429 and retries ran out */
	CAUSE_SERVER_ERROR,	/* 5xx after retries */
	CAUSE_EDGE_BLOCK,	/* 403 (or other) from a CDN, not ConnectWise */
	CAUSE_NOT_FOUND,	/* 404: wrong host, path or stale codebase */
	CAUSE_REDIRECT,		/* 3xx: not followed, by design */
	CAUSE_BAD_ANSWER,	/* not the JSON expected: HTML, garbage */
	CAUSE_TOO_LARGE,
	CAUSE_NOTHING_TO_PROBE,	/* a needed id was not found */
	CAUSE_SETTINGS_HIDDEN,	/* the member cannot read its own settings */
	CAUSE_UNEXPECTED	/* any other status */
};

struct observation {
	enum outcome outcome;
	enum cause cause;
	long status;
	char *detail;		/* one line for the report, or NULL */
	size_t records;		/* records seen, or the count */
	long first_id;		/* id of the first record, -1 when none */
	bool foreign_owner;	/* a record's owner is not the member */
};

/* Classify a probe answer.  member is the calling member's identifier
 * (for owner_field); probe may be NULL for pre-flight calls, which are
 * then read as EXPECT_OBJECT. */
void answer_classify(const struct net_answer *answer,
    const struct rule_probe *probe, const char *member,
    struct observation *out);

void observation_clear(struct observation *obs);

/* Parse an answer body as JSON, capped at depth and size.  NULL when it
 * is not JSON.  New. */
struct cJSON *answer_json(const struct net_answer *answer);

/* True when the body is ConnectWise's error shape with this code
 * ("Security", "Unauthorized", ...). */
bool answer_error_code(const struct net_answer *answer, const char *code);

/* Short static names, as used in the XML report: "network", "tls", ... */
const char *outcome_name(enum outcome outcome);
const char *cause_name(enum cause cause);
/* A sentence for a person: "the server answered 429 too often". */
const char *cause_text(enum cause cause);

#endif
