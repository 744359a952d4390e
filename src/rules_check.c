/*
 * rules_check.c: checks of single values in a profile.  A probe path is
 * sent as is after the API base, so it must stay a plain relative path
 * (no scheme, host, "..", leading slash or odd characters), and a query
 * must not be able to split or end the request line.
 */
#include "rules_private.h"

#include <stdbool.h>
#include <string.h>

static bool
path_char_ok(char c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
		return true;
	if (c >= '0' && c <= '9')
		return true;
	return strchr("/_{}.-", c) != NULL;
}

static bool
has_dotdot_segment(const char *path)
{
	const char *segment = path;
	size_t len;

	while (*segment != '\0') {
		len = strcspn(segment, "/");
		if (len == 2 && strncmp(segment, "..", 2) == 0)
			return true;
		segment += len;
		if (*segment == '/')
			segment++;
	}
	return false;
}

static bool
first_segment_is_host(const char *path)
{
	size_t len = strcspn(path, "/");
	const char *dot = memchr(path, '.', len);

	return dot != NULL && dot != path;
}

static const char *
brace_problem(const char *path)
{
	const char *open = path;

	while ((open = strpbrk(open, "{}")) != NULL) {
		if (strncmp(open, "{id}", 4) != 0)
			return "holds braces around something else than "
			    "\"id\"; only \"{id}\" may appear";
		open += 4;
	}
	return NULL;
}

const char *
rules_path_problem(const char *path)
{
	size_t i;

	if (strstr(path, "://") != NULL)
		return "has a scheme; give the path after the API base, "
		    "e.g. \"service/boards\"";
	if (path[0] == '/')
		return "starts with \"/\"; give the path after the API base "
		    "without the leading slash";
	for (i = 0; path[i] != '\0'; i++) {
		if (!path_char_ok(path[i]))
			return "holds a character outside A-Z a-z 0-9 / _ { } "
			    ". -; spell the path as the API does";
	}
	if (has_dotdot_segment(path))
		return "holds a \"..\" segment; name the endpoint directly";
	if (first_segment_is_host(path))
		return "starts with a host name; give only the path after "
		    "the API base";
	if (strstr(path, "//") != NULL || path[strlen(path) - 1] == '/')
		return "has an empty segment; remove the extra \"/\"";
	return brace_problem(path);
}

const char *
rules_query_problem(const char *query)
{
	const unsigned char *c;

	if (query[0] == '?')
		return "starts with \"?\"; leave it out, the auditor adds it";
	for (c = (const unsigned char *)query; *c != '\0'; c++) {
		if (*c == '\r' || *c == '\n')
			return "holds a line break; a query is one line";
		if (*c == ' ' || *c == '\t')
			return "holds a space; write it as %20";
		if (*c < 0x20 || *c == 0x7f)
			return "holds a control character; remove it";
		if (*c == '#')
			return "holds \"#\"; write it as %23";
	}
	return NULL;
}
