/*
 * api_int.h: what api.c and api_read.c share while answering one call.
 */
#ifndef CWSIM_API_INT_H
#define CWSIM_API_INT_H

#include "api.h"
#include "route.h"

#define HOST_MAX 256

struct call {
	const struct tenant		*tenant;
	const struct sim_request	*req;
	struct sim_answer		*out;
	const struct member		*member;	/* authenticated */
	struct route_match		 match;
	char				 host[HOST_MAX];
};

extern const char api_security_message[];

/* Answer a GET (or HEAD) the member may make on call->match. */
void api_read(struct call *call);

/* 403 {"code":"Security", ...}. */
void api_deny(struct call *call);

#endif
