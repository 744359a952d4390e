/*
 * route.h: cwsim's route table, its own knowledge of which role setting
 * answers for which endpoint.
 *
 * A route names a path pattern under apis/3.0/ ("{id}" matches a decimal
 * id), where its records come from, the module function whose inquire
 * level gates it, the Customize item that must be allowed, and the field
 * that says who owns a record.  A list route also answers "/count", and
 * "/{id}" when it has items.
 */
#ifndef CWSIM_ROUTE_H
#define CWSIM_ROUTE_H

#include <stdbool.h>

#include "tenant.h"

enum route_source {
	SRC_COLLECTION = 0,	/* a tenant collection */
	SRC_INFO,		/* system/info: one object */
	SRC_MY_MEMBER,		/* system/myMembers: one object */
	SRC_MY_SECURITY,	/* the caller's role, one row per function */
	SRC_CUSTOMIZE_ITEMS,	/* the caller's allow-list items */
	SRC_ROLE_SETTINGS	/* any role's rows, by role id */
};

enum route_kind {
	ROUTE_LIST = 0,
	ROUTE_COUNT,
	ROUTE_ITEM,
	ROUTE_ONE		/* a single object, no paging */
};

struct route {
	const char	*pattern;
	enum route_source source;
	enum collection	 coll;
	/* moduleFunctionIdentifier; NULL: any authenticated member */
	const char	*function;
	const char	*item;		/* customize item, or NULL */
	const char	*owner;		/* owner field path, or NULL */
	const char	*parent_link;	/* child field holding the parent id */
	enum collection	 parent;	/* parent collection of a child list */
	const char	*parent_owner;	/* owner path on the parent record */
	const char	*board;		/* path of the board id, or NULL */
	const char	*location;	/* path of the location id, or NULL */
	const char	*noun;		/* "Ticket", for 404 messages */
	bool		 items;		/* answers /{id} */
	bool		 self;		/* self-inspection (mySecurity) */
};

#define ROUTE_MAX_IDS 2

struct route_match {
	const struct route *route;
	enum route_kind	 kind;
	long long	 ids[ROUTE_MAX_IDS];	/* ids in the path, in order */
	int		 nids;
};

/* Match path (relative to apis/3.0/, no query, one trailing slash
 * allowed) against the table.  nocase compares names case-insensitively.
 * False when nothing matches. */
bool route_find(const char *path, bool nocase, struct route_match *out);

/* The catalog index of the route's function, or -1 for none. */
int route_function(const struct route *route);

#endif
