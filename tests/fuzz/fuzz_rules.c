/*
 * fuzz_rules.c: hostile profiles against the rules loader.
 *
 * rules_load reads a path, so each input is written to one temporary
 * file first.  The loader must either return a profile whose indexes
 * all resolve inside it, or NULL with at least one message, each of the
 * form "FILE..." with no line break inside.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "fuzz.h"
#include "rules.h"

#define SCHEMA RA_SRCDATADIR "/rules.xsd"

static char path[64];

static void
remove_file(void)
{
	if (path[0] != '\0')
		unlink(path);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xmlInitParser();
	snprintf(path, sizeof path, "/tmp/fuzz-rules-%ld.rules.xml",
	    (long)getpid());
	atexit(remove_file);
	return 0;
}

static void
check_profile(const struct profile *p)
{
	size_t i, j;

	for (i = 0; i < p->probe_count; i++)
		if (p->probes[i].needs != NULL &&
		    p->probes[i].needs_index >= i)
			abort();
	for (i = 0; i < p->requirement_count; i++) {
		const struct requirement *r = &p->requirements[i];

		if (r->depends != NULL && r->depends_index >= i)
			abort();
		if (r->customize_id != NULL &&
		    r->customize_index >= p->customize_count)
			abort();
		for (j = 0; j < r->probe_count; j++)
			if (r->probes[j].probe >= p->probe_count)
				abort();
	}
}

static void
check_messages(const struct diag *diag)
{
	size_t i;

	if (diag->count == 0)
		abort();
	for (i = 0; i < diag->count; i++) {
		if (strncmp(diag->messages[i], path, strlen(path)) != 0 &&
		    strncmp(diag->messages[i], SCHEMA, strlen(SCHEMA)) != 0)
			abort();
		if (strchr(diag->messages[i], '\n') != NULL)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag diag = { 0 };
	struct profile *profile;
	FILE *fp;

	fp = fopen(path, "wb");
	if (fp == NULL)
		return 0;
	if (fwrite(data, 1, size, fp) != size) {
		fclose(fp);
		return 0;
	}
	if (fclose(fp) != 0)
		return 0;

	profile = rules_load(path, SCHEMA, &diag);
	if (profile != NULL)
		check_profile(profile);
	else
		check_messages(&diag);
	rules_free(profile);
	diag_clear(&diag);
	return 0;
}
