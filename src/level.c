/*
 * level.c: names and order of role levels.
 */
#include "level.h"

#include <stddef.h>
#include <strings.h>

static const char *const level_names[] = {
	[LEVEL_NONE] = "None",
	[LEVEL_MINE] = "Mine",
	[LEVEL_MY] = "My",
	[LEVEL_ALL] = "All",
	[LEVEL_UNSEEN] = "unseen",
};

static const char *const action_labels[ACTION_COUNT] = {
	[ACTION_ADD] = "Add",
	[ACTION_EDIT] = "Edit",
	[ACTION_DELETE] = "Delete",
	[ACTION_INQUIRE] = "Inquire",
};

static const char *const action_keys[ACTION_COUNT] = {
	[ACTION_ADD] = "add",
	[ACTION_EDIT] = "edit",
	[ACTION_DELETE] = "delete",
	[ACTION_INQUIRE] = "inquire",
};

bool
level_parse(const char *text, enum level *out)
{
	enum level level;

	if (text == NULL)
		return false;
	for (level = LEVEL_NONE; level <= LEVEL_ALL; level++) {
		if (strcasecmp(text, level_names[level]) == 0) {
			*out = level;
			return true;
		}
	}
	return false;
}

const char *
level_name(enum level level)
{
	if (level > LEVEL_UNSEEN)
		return "unseen";
	return level_names[level];
}

const char *
action_label(enum action action)
{
	return action < ACTION_COUNT ? action_labels[action] : "?";
}

const char *
action_key(enum action action)
{
	return action < ACTION_COUNT ? action_keys[action] : "?";
}

bool
level_meets(enum level observed, enum level required)
{
	if (required == LEVEL_NONE)
		return true;
	if (observed == LEVEL_UNSEEN)
		return false;
	return observed >= required;
}
