/*
 * options.c: cwsim's command line.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

static const char usage[] =
    "usage: cwsim --tenant FILE [--listen 127.0.0.1:PORT] "
    "[--port-file FILE]\n"
    "             [--tls-cert FILE --tls-key FILE] [--latency-ms N]\n"
    "             [--rate-limit N] [--retry-after SECONDS]\n"
    "             [--fault KIND[@PATHPREFIX]]... [--log FILE]\n"
    "fault kinds: garbage truncated reset trickle 500 html403 "
    "redirect-http\n"
    "             redirect-host html200 wrongtype huge deep stall\n";

enum { OPT_TENANT = 1, OPT_LISTEN, OPT_PORT_FILE, OPT_CERT, OPT_KEY,
	OPT_LATENCY, OPT_RATE, OPT_RETRY, OPT_FAULT, OPT_LOG, OPT_HELP };

static const struct option long_options[] = {
	{ "tenant", required_argument, NULL, OPT_TENANT },
	{ "listen", required_argument, NULL, OPT_LISTEN },
	{ "port-file", required_argument, NULL, OPT_PORT_FILE },
	{ "tls-cert", required_argument, NULL, OPT_CERT },
	{ "tls-key", required_argument, NULL, OPT_KEY },
	{ "latency-ms", required_argument, NULL, OPT_LATENCY },
	{ "rate-limit", required_argument, NULL, OPT_RATE },
	{ "retry-after", required_argument, NULL, OPT_RETRY },
	{ "fault", required_argument, NULL, OPT_FAULT },
	{ "log", required_argument, NULL, OPT_LOG },
	{ "help", no_argument, NULL, OPT_HELP },
	{ NULL, 0, NULL, 0 }
};

static int
bad(const char *fmt, const char *arg)
{
	fprintf(stderr, "cwsim: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s", usage);
	return 1;
}

static bool
parse_number(const char *text, long max, long *out)
{
	char *end;
	long value;

	value = strtol(text, &end, 10);
	if (end == text || *end != '\0' || value < 0 || value > max)
		return false;
	*out = value;
	return true;
}

static int
take_fault(struct sim_config *cfg, const char *arg)
{
	if (cfg->nfaults == SIM_FAULTS_MAX)
		return bad("at most 16 --fault options (\"%s\")", arg);
	if (!fault_parse(arg, &cfg->faults[cfg->nfaults]))
		return bad("unknown fault \"%s\"", arg);
	cfg->nfaults++;
	return 0;
}

static int
take_option(struct sim_config *cfg, int opt, const char *arg)
{
	switch (opt) {
	case OPT_TENANT: cfg->tenant_path = arg; return 0;
	case OPT_LISTEN: cfg->listen = arg; return 0;
	case OPT_PORT_FILE: cfg->port_file = arg; return 0;
	case OPT_CERT: cfg->tls_cert = arg; return 0;
	case OPT_KEY: cfg->tls_key = arg; return 0;
	case OPT_LOG: cfg->log_path = arg; return 0;
	case OPT_FAULT: return take_fault(cfg, arg);
	case OPT_LATENCY:
		return parse_number(arg, 600000, &cfg->latency_ms) ? 0 :
		    bad("--latency-ms wants 0 to 600000, not \"%s\"", arg);
	case OPT_RATE:
		return parse_number(arg, 1000000, &cfg->rate_limit) ? 0 :
		    bad("--rate-limit wants 0 to 1000000, not \"%s\"", arg);
	case OPT_RETRY:
		return parse_number(arg, 3600, &cfg->retry_after) ? 0 :
		    bad("--retry-after wants 0 to 3600, not \"%s\"", arg);
	case OPT_HELP:
		fputs(usage, stdout);
		return 2;
	default:
		return bad("%s", "unknown option");
	}
}

int
sim_options(int argc, char **argv, struct sim_config *cfg)
{
	int opt, r;

	memset(cfg, 0, sizeof(*cfg));
	cfg->listen = "127.0.0.1:0";
	cfg->retry_after = 1;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", long_options, NULL)) !=
	    -1) {
		r = take_option(cfg, opt, optarg);
		if (r != 0)
			return r;
	}
	if (optind < argc)
		return bad("unexpected argument \"%s\"", argv[optind]);
	if (cfg->tenant_path == NULL)
		return bad("%s", "--tenant is required");
	if ((cfg->tls_cert == NULL) != (cfg->tls_key == NULL))
		return bad("%s", "--tls-cert and --tls-key go together");
	return 0;
}
