/*
 * listing.h: what the API does to a list: paging with RFC 5988 Link
 * headers, the fields filter and a subset of the conditions language.
 *
 * Paging: page counts from 1, pageSize defaults to 25; a pageSize above
 * 1000 is clamped to 1000; anything not a whole number from 1 (page,
 * pageSize) is refused (400).  Conditions: terms "path op value" with op
 * = or !=, values "string", numbers, true, false or null, joined by
 * "and" / "or" (and binds tighter); no parentheses.
 */
#ifndef CWSIM_LISTING_H
#define CWSIM_LISTING_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#define PAGE_SIZE_DEFAULT 25
#define PAGE_SIZE_MAX 1000

struct page {
	long long	 number;	/* from 1 */
	long long	 size;
	long long	 total;		/* records in the whole list */
	long long	 first;		/* index of the first record shown */
	long long	 count;		/* records on this page */
	long long	 last;		/* the last page number, from 1 */
};

/* Work out the page from the page and pageSize arguments (NULL when
 * absent).  False with a reason in err when either is invalid. */
bool listing_page(long long total, const char *page_arg,
    const char *size_arg, struct page *out, char *err, size_t errlen);

/* The Link header value for page p of the list at base (scheme, host and
 * path), keeping the other arguments of raw_query (as sent, may be NULL).
 * New string, or NULL when everything fits on one page or out of
 * memory. */
char *listing_link(const char *base, const char *raw_query,
    const struct page *p);

/* A copy of record with only the top-level names in fields (a comma
 * list; "board/name" keeps "board").  NULL fields: a full copy.  New. */
cJSON *listing_fields(const cJSON *record, const char *fields);

#define CONDITION_TERMS_MAX 16
#define CONDITION_PATH_MAX 64
#define CONDITION_VALUE_MAX 256

enum condition_op { COND_EQ, COND_NE };
enum condition_type { COND_STRING, COND_NUMBER, COND_BOOL, COND_NULL };

struct condition_term {
	char		 path[CONDITION_PATH_MAX];
	enum condition_op op;
	enum condition_type type;
	char		 text[CONDITION_VALUE_MAX];
	double		 number;
	bool		 boolean;
	bool		 or_before;	/* joined to the previous by "or" */
};

struct conditions {
	struct condition_term terms[CONDITION_TERMS_MAX];
	int		 n;
};

/* Parse a conditions argument.  False with a reason in err. */
bool conditions_parse(const char *text, struct conditions *out, char *err,
    size_t errlen);

/* Whether record satisfies the conditions (true when there are none). */
bool conditions_match(const struct conditions *conds, const cJSON *record);

#endif
