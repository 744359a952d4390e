/*
 * main.c: roleaudit's entry point: read the input, run the audit, write
 * the reports, and exit with the documented status.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>
#include <libxml/parser.h>

#include "app.h"
#include "cli.h"
#include "msg.h"

int
main(int argc, char **argv)
{
	struct options options;
	int code;

	if (cli_parse(argc, argv, &options, stderr) != 0) {
		cli_clear(&options);
		return APP_EXIT_NO_AUDIT;
	}
	if (options.help || options.version) {
		if (options.help)
			cli_usage(stdout);
		else
			printf("roleaudit %s\n", app_version());
		cli_clear(&options);
		return 0;
	}

	/* The key is read: keep it from any child process. */
	unsetenv("CW_PRIVATE_KEY");
	msg_init((enum msg_level)options.verbosity);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	xmlInitParser();
	code = app_run(&options);
	xmlCleanupParser();
	curl_global_cleanup();
	cli_clear(&options);
	return code;
}
