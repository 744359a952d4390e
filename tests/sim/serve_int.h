/*
 * serve_int.h: what server.c and serve_fault.c share: the running
 * server and one request in flight.
 */
#ifndef CWSIM_SERVE_INT_H
#define CWSIM_SERVE_INT_H

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include <microhttpd.h>

#include "api.h"
#include "server.h"

struct serve {
	const struct sim_config	*cfg;
	const struct tenant	*tenant;
	FILE			*log;
	pthread_mutex_t		 lock;		/* log and rate window */
	time_t			 window;
	long			 in_window;
	char			 version[32];	/* api-current-version */
};

struct exchange {
	char		 uri[API_URI_MAX];
	bool		 uri_too_long;
	bool		 started;
	char		 method[16];
	int		 status;	/* 0: no answer sent */
	bool		 credentials;
	bool		 client_id;
	const char	*fault;		/* static name, or NULL */
};

bool serve_stopping(void);

/* Sleep up to ms, returning early once the server is stopping. */
void serve_sleep_ms(long ms);

/* Queue answer a as it is. */
enum MHD_Result serve_queue(struct serve *s, struct MHD_Connection *conn,
    struct exchange *x, const struct sim_answer *a);

/* The fault that applies to the request target uri, or NULL. */
const struct fault *serve_fault_for(struct serve *s, const char *uri);

/* Answer with fault f instead of (or around) the real answer a. */
enum MHD_Result serve_fault(struct serve *s, struct MHD_Connection *conn,
    struct exchange *x, const struct fault *f, const struct sim_answer *a);

#endif
