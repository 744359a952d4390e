/*
 * server.h: cwsim's HTTP(S) front: libmicrohttpd on a loopback address,
 * one thread per connection, with latency, rate limit, faults and the
 * request log around api_answer.
 */
#ifndef CWSIM_SERVER_H
#define CWSIM_SERVER_H

#include <stdbool.h>
#include <stddef.h>

#include "fault.h"
#include "tenant.h"

#define SIM_FAULTS_MAX 16

struct sim_config {
	const char	*tenant_path;
	const char	*listen;	/* "127.0.0.1:0" by default */
	const char	*port_file;	/* NULL: none */
	const char	*tls_cert;	/* both or neither */
	const char	*tls_key;
	const char	*log_path;	/* NULL: no request log */
	long		 latency_ms;
	long		 rate_limit;	/* requests a second; 0: none */
	long		 retry_after;	/* seconds in Retry-After */
	struct fault	 faults[SIM_FAULTS_MAX];
	size_t		 nfaults;
};

/* Parse the command line into cfg.  Returns 0 to run, 1 after printing
 * a usage error to stderr, 2 after printing help to stdout. */
int sim_options(int argc, char **argv, struct sim_config *cfg);

/* Serve tenant until SIGTERM or SIGINT.  Returns 0 on a clean stop, 1
 * (with a message on stderr) when it cannot start. */
int server_run(const struct sim_config *cfg, const struct tenant *tenant);

#endif
