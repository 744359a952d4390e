/*
 * cwsim.c: the ConnectWise Manage simulator's main: options, tenant,
 * serve until a signal.
 */
#include <stdio.h>

#include "server.h"

int
main(int argc, char **argv)
{
	struct sim_config cfg;
	struct tenant *tenant;
	char err[512];
	int r;

	r = sim_options(argc, argv, &cfg);
	if (r != 0)
		return r == 2 ? 0 : 2;
	tenant = tenant_load(cfg.tenant_path, err, sizeof(err));
	if (tenant == NULL) {
		fprintf(stderr, "cwsim: %s\n", err);
		return 1;
	}
	r = server_run(&cfg, tenant);
	tenant_free(tenant);
	return r;
}
