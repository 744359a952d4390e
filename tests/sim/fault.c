/*
 * fault.c: fault names and where they apply.
 */
#include "fault.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const names[FAULT_KINDS] = {
	[FAULT_GARBAGE] = "garbage",
	[FAULT_TRUNCATED] = "truncated",
	[FAULT_RESET] = "reset",
	[FAULT_TRICKLE] = "trickle",
	[FAULT_500] = "500",
	[FAULT_HTML403] = "html403",
	[FAULT_REDIRECT_HTTP] = "redirect-http",
	[FAULT_REDIRECT_HOST] = "redirect-host",
	[FAULT_HTML200] = "html200",
	[FAULT_WRONGTYPE] = "wrongtype",
	[FAULT_HUGE] = "huge",
	[FAULT_DEEP] = "deep",
	[FAULT_STALL] = "stall",
};

bool
fault_parse(const char *text, struct fault *out)
{
	const char *at;
	size_t len;
	int k;

	at = strchr(text, '@');
	len = at != NULL ? (size_t)(at - text) : strlen(text);
	memset(out, 0, sizeof(*out));
	for (k = 0; k < FAULT_KINDS; k++) {
		if (strlen(names[k]) == len &&
		    strncasecmp(names[k], text, len) == 0)
			break;
	}
	if (k == FAULT_KINDS)
		return false;
	out->kind = (enum fault_kind)k;
	if (at == NULL)
		return true;
	at++;
	while (*at == '/')
		at++;
	if (*at == '\0' || strlen(at) >= sizeof(out->prefix))
		return false;
	snprintf(out->prefix, sizeof(out->prefix), "%s", at);
	return true;
}

const char *
fault_name(enum fault_kind kind)
{
	return kind < FAULT_KINDS ? names[kind] : "?";
}

const struct fault *
fault_find(const struct fault *faults, size_t n, const char *path,
    bool nocase)
{
	bool login;
	size_t i, len;

	if (path == NULL)
		return NULL;
	login = strncasecmp(path, "login/", 6) == 0;
	for (i = 0; i < n; i++) {
		len = strlen(faults[i].prefix);
		if (len == 0) {
			if (!login)
				return &faults[i];
			continue;
		}
		if ((nocase ? strncasecmp(path, faults[i].prefix, len) :
		    strncmp(path, faults[i].prefix, len)) == 0)
			return &faults[i];
	}
	return NULL;
}
