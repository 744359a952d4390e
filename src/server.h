/*
 * server.h: reading the server value the way users really type it.
 *
 * Accepts a hostname ("na.myconnectwise.net"), a cloud region ("na",
 * "eu", "au", "aus", "za"), a host with port, or a pasted URL with
 * scheme, path and stray spaces, and reduces it to "host[:port]" using
 * curl's URL parser.  Each change made is described in a note.
 */
#ifndef RA_SERVER_H
#define RA_SERVER_H

#include <stddef.h>

struct server_value {
	char *host;		/* "host" or "host:port"; owned */
	size_t note_count;
	char **notes;		/* "stripped the path /v4_6_release/..." */
};

/* Returns 0 and fills out, or -1 with a message in err (size errlen)
 * naming what is wrong and what would be right. */
int server_normalize(const char *input, struct server_value *out,
    char *err, size_t errlen);

void server_value_clear(struct server_value *value);

/* True when site_url (companyinfo's SiteUrl) may receive the credentials
 * meant for host: the same host, or host with "api-" in front. */
int server_same_tenant(const char *host, const char *site_url);

#endif
