/*
 * level.h: the access levels of a ConnectWise security role.
 *
 * A role grants each module function one level for each of four actions.
 * The API spells them None, My and All; the UI also shows Mine, which is
 * narrower than My.  Levels are ordered, so a required level is met by any
 * level at or above it.
 */
#ifndef RA_LEVEL_H
#define RA_LEVEL_H

#include <stdbool.h>

enum level {
	LEVEL_NONE = 0,
	LEVEL_MINE,
	LEVEL_MY,
	LEVEL_ALL,
	LEVEL_UNSEEN		/* not observed: settings could not be read */
};

enum action {
	ACTION_ADD = 0,
	ACTION_EDIT,
	ACTION_DELETE,
	ACTION_INQUIRE,
	ACTION_COUNT
};

/* Parse "None", "Mine", "My" or "All" (case-insensitive).  Returns false
 * and leaves *out alone for anything else. */
bool level_parse(const char *text, enum level *out);

/* The API spelling of a level; "unseen" for LEVEL_UNSEEN.  Static. */
const char *level_name(enum level level);

/* "Add", "Edit", "Delete" or "Inquire", as the role screen labels the
 * columns.  Static. */
const char *action_label(enum action action);

/* "add", "edit", "delete", "inquire": attribute and key names.  Static. */
const char *action_key(enum action action);

/* True when observed grants at least what required asks.  An unseen
 * observation meets nothing. */
bool level_meets(enum level observed, enum level required);

#endif
