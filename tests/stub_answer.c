/*
 * stub_answer.c: the names of outcomes and causes, standing in for
 * src/answer.c until it is merged.  Only check_report links it; drop it
 * (and its line in tests/local.mk) once answer.c is in the library.
 */
#include "answer.h"

static const char *const outcome_names[] = {
	[OUTCOME_RECORDS] = "records",
	[OUTCOME_EMPTY] = "empty",
	[OUTCOME_DENIED] = "denied",
	[OUTCOME_UNKNOWN] = "unknown",
};

static const char *const cause_names[][2] = {
	[CAUSE_NONE] = { "none", "nothing went wrong" },
	[CAUSE_NETWORK] = { "network", "the server could not be reached" },
	[CAUSE_TIMEOUT] = { "timeout", "the server did not answer in time" },
	[CAUSE_TLS] = { "tls", "the secure connection failed" },
	[CAUSE_AUTH] = { "auth", "the keys were refused" },
	[CAUSE_CLIENT_ID] = { "client-id", "the client id was refused" },
	[CAUSE_RATE_LIMITED] = { "rate-limited",
	    "the server answered 429 too often" },
	[CAUSE_SERVER_ERROR] = { "server-error", "the server failed" },
	[CAUSE_EDGE_BLOCK] = { "edge-block",
	    "something in front of ConnectWise blocked the request" },
	[CAUSE_NOT_FOUND] = { "not-found", "the address was not found" },
	[CAUSE_REDIRECT] = { "redirect", "the server redirected" },
	[CAUSE_BAD_ANSWER] = { "bad-answer", "the answer was not JSON" },
	[CAUSE_TOO_LARGE] = { "too-large", "the answer was too large" },
	[CAUSE_NOTHING_TO_PROBE] = { "nothing-to-probe",
	    "there was no record to ask about" },
	[CAUSE_SETTINGS_HIDDEN] = { "settings-hidden",
	    "the member cannot read its own settings" },
	[CAUSE_UNEXPECTED] = { "unexpected", "the server answered oddly" },
};

const char *
outcome_name(enum outcome outcome)
{
	return outcome <= OUTCOME_UNKNOWN ? outcome_names[outcome] : "?";
}

const char *
cause_name(enum cause cause)
{
	return cause <= CAUSE_UNEXPECTED ? cause_names[cause][0] : "?";
}

const char *
cause_text(enum cause cause)
{
	return cause <= CAUSE_UNEXPECTED ? cause_names[cause][1] : "?";
}
