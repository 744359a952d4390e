/*
 * fault.h: the failures cwsim can stage instead of (or around) a real
 * answer, each limited to paths under a prefix when one is given.
 */
#ifndef CWSIM_FAULT_H
#define CWSIM_FAULT_H

#include <stdbool.h>
#include <stddef.h>

enum fault_kind {
	FAULT_GARBAGE = 0,	/* 200, application/json, not JSON */
	FAULT_TRUNCATED,	/* Content-Length beyond the body, close */
	FAULT_RESET,		/* close the connection, no answer */
	FAULT_TRICKLE,		/* the real body, a few bytes a second */
	FAULT_500,		/* 500 with a JSON error */
	FAULT_HTML403,		/* a CloudFront 403 page */
	FAULT_REDIRECT_HTTP,	/* 302 to http:// on the same host */
	FAULT_REDIRECT_HOST,	/* 302 to https://evil.invalid/ */
	FAULT_HTML200,		/* a login page with 200 */
	FAULT_WRONGTYPE,	/* the real body as text/plain */
	FAULT_HUGE,		/* a 64 MiB JSON array, streamed */
	FAULT_DEEP,		/* JSON nested 100000 deep */
	FAULT_STALL,		/* accept, never answer */
	FAULT_KINDS
};

#define FAULT_PREFIX_MAX 128

struct fault {
	enum fault_kind	 kind;
	char		 prefix[FAULT_PREFIX_MAX];	/* "" for all */
};

/* Parse "KIND" or "KIND@PREFIX".  False for an unknown kind or a prefix
 * too long. */
bool fault_parse(const char *text, struct fault *out);

/* The name of a kind ("html403").  Static. */
const char *fault_name(enum fault_kind kind);

/* The first fault that applies to a request whose fault path (see
 * api_fault_path) is path; NULL when none.  A fault with no prefix
 * applies to API calls only, not to "login/" paths.  Borrowed. */
const struct fault *fault_find(const struct fault *faults, size_t n,
    const char *path, bool nocase);

#endif
