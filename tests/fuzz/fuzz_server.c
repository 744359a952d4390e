/*
 * fuzz_server.c: hostile server values against server_normalize.
 *
 * The same parser reads what a person types (--server) and what the
 * server itself says its API host is (companyinfo's SiteUrl), so both
 * are outside data.  The input is split at the first NUL: the part
 * before is the value, the part after a SiteUrl for server_same_tenant.
 * An accepted host must be one clean token: no space, control
 * character, slash, "@", "?" or "#", never empty.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "server.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static void
check_host(const char *host)
{
	size_t i;

	if (host == NULL || host[0] == '\0')
		abort();
	for (i = 0; host[i] != '\0'; i++) {
		unsigned char c = (unsigned char)host[i];

		if (c <= 0x20 || c == 0x7f || strchr("/@?#\\", c) != NULL)
			abort();
	}
}

static void
check_err(const char *err, size_t size)
{
	size_t n = strnlen(err, size);

	if (n == 0 || n == size)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct server_value value = { 0 };
	char *text, *site;
	char err[512];
	size_t i;

	text = malloc(size + 2);
	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	text[size + 1] = '\0';
	site = text + strlen(text) + 1;

	err[0] = '\0';
	if (server_normalize(text, &value, err, sizeof err) == 0) {
		check_host(value.host);
		for (i = 0; i < value.note_count; i++)
			if (value.notes[i] == NULL)
				abort();
		(void)server_same_tenant(value.host, site);
		if (!server_same_tenant(value.host, value.host))
			abort();
	} else {
		check_err(err, sizeof err);
	}
	server_value_clear(&value);
	free(text);
	return 0;
}
