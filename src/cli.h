/*
 * cli.h: the command line and environment, read into one struct.
 *
 * Flags win over environment variables (CW_COMPANY, CW_PUBLIC_KEY,
 * CW_PRIVATE_KEY, CW_CLIENT_ID, CW_SERVER).  The private key is never
 * taken from argv: only from CW_PRIVATE_KEY, --private-key-file FILE, or
 * "--private-key-file -" for standard input.
 *
 * Ownership: cli_parse fills a struct options that cli_clear frees; the
 * private key inside is wiped.
 */
#ifndef RA_CLI_H
#define RA_CLI_H

#include <stdbool.h>
#include <stdio.h>

enum fail_on {
	FAIL_ON_DEFAULT = 0,	/* the exit codes as documented */
	FAIL_ON_REGRESSION,
	FAIL_ON_GAP,
	FAIL_ON_UNKNOWN
};

struct options {
	char *company;
	char *public_key;
	char *private_key;	/* wiped by cli_clear */
	char *client_id;
	char *server;		/* as given; server.h normalizes it */
	char *cacert;
	char *rules;		/* NULL: the installed default profile */
	char *output_dir;	/* default "reports" */
	char *name;		/* report base name, or NULL (time-based) */
	char *junit;		/* or NULL */
	char *baseline;		/* or NULL */
	bool no_baseline;
	enum fail_on fail_on;
	int jobs;		/* default 4 */
	long timeout_ms;	/* per request, default 30000 */
	int retries;		/* default 4 */
	int verbosity;		/* -1 quiet, 0, 1, 2 */
	bool help;
	bool version;
	/* Notes for the person: where a value came from, a key file that
	 * others can read. */
	int warning_count;
	char *warnings[8];
};

/* Parse argv and the environment.  Returns 0, or -1 after writing a
 * message naming the option and what would be right to err. */
int cli_parse(int argc, char **argv, struct options *out, FILE *err);

/* The --help text. */
void cli_usage(FILE *out);

void cli_clear(struct options *options);

#endif
