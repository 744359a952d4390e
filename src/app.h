/*
 * app.h: the program's one job, from parsed options to an exit status.
 *
 * Kept out of main.c so that it lives in the convenience library with
 * everything else.  The options are borrowed.
 */
#ifndef RA_APP_H
#define RA_APP_H

#include "cli.h"

enum app_exit {
	APP_EXIT_OK = 0,	/* no gaps */
	APP_EXIT_GAPS = 1,	/* gaps in required settings */
	APP_EXIT_UNDECIDED = 2,	/* something could not be decided */
	APP_EXIT_NO_AUDIT = 3	/* bad input, connection, authentication */
};

int app_run(const struct options *options);

const char *app_version(void);

/* The folder holding the installed profiles and schemas: the
 * ROLEAUDIT_DATADIR environment variable, else the installed folder,
 * else the source tree's data/ (for a build that is not installed). */
const char *app_datadir(void);

#endif
