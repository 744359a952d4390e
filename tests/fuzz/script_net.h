/*
 * script_net.h: a stand-in for net.c that answers from a script.
 *
 * script_net.c defines every function of net.h, so a program that links
 * it before libroleaudit.a runs a whole audit with no network at all.
 * The script is text: answers separated by lines "===", each starting
 * with a line "STATUS TYPE PATH [FLAGS]" and followed by the body.
 * STATUS is a number or a failure (resolve, connect, tls, timeout,
 * large, broken); TYPE is json, html, text or none; PATH matches a URL
 * that contains it (the longest match wins; no match answers 404);
 * FLAGS letters: c CDN headers, n a Link to a next page, l a Location
 * on another host.
 *
 * The stand-in also checks what net.c cannot see from inside: a request
 * with credentials must go to the tenant's own host.
 */
#ifndef RA_FUZZ_NET_H
#define RA_FUZZ_NET_H

#include <stddef.h>

/* The host every authenticated request must go to, and its api- twin. */
#define FUZZ_HOST "localhost"

/* Use this script for the requests that follow; borrowed until the next
 * call.  Returns 0, or -1 when out of memory. */
int fuzz_net_script(const char *text, size_t len);

/* Free the parsed script. */
void fuzz_net_clear(void);

/* Requests answered since the last fuzz_net_script. */
size_t fuzz_net_requests(void);

#endif
