/*
 * catalog.h: cwsim's own copy of the ConnectWise identifier catalog.
 *
 * The module functions a security role grants levels for, and the
 * Customize list items of System > Table Setup.  ConnectWise does not
 * publish these identifiers; the project fixes them, and the auditor's
 * data file holds its own copy.  Every string here is static.
 */
#ifndef CWSIM_CATALOG_H
#define CWSIM_CATALOG_H

#include <stddef.h>

#define CATALOG_MAX_FUNCTIONS 32

struct catalog_function {
	const char	*module_name;
	const char	*module_id;
	const char	*function_name;
	const char	*function_id;
};

struct catalog_item {
	const char	*customize_id;	/* "SystemTableSetup" */
	const char	*function_id;	/* the function the list belongs to */
	const char	*item_id;	/* "ServiceBoard" */
	const char	*label;		/* "Service / Service Board" */
};

size_t catalog_function_count(void);

/* The function at index i (0 <= i < count), or NULL.  Static. */
const struct catalog_function *catalog_function_at(size_t i);

/* Index of the function named by its "Module > Function" label or by its
 * moduleFunctionIdentifier (case-insensitive), or -1. */
int catalog_function_find(const char *name);

size_t catalog_item_count(void);

/* The customize item at index i, or NULL.  Static. */
const struct catalog_item *catalog_item_at(size_t i);

/* Index of the item with that itemIdentifier (case-insensitive), or -1. */
int catalog_item_find(const char *item_id);

#endif
