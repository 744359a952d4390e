/*
 * audit.h: one audit, from pre-flight to findings.
 *
 * audit_run asks the server, in order: companyinfo (server and company),
 * /system/info (keys), /system/myMembers (member record); then, in
 * parallel, the member's own settings (/system/mySecurity and its
 * customizeItems) and every probe of the profile, each dependent probe as
 * soon as the probe it needs has answered.  It then decides every
 * requirement (verdict.h) and orders the fixes.  Only GET is ever sent.
 *
 * Ownership: the returned audit is new (audit_free); the input and the
 * profile are borrowed, and the profile must outlive the audit.
 */
#ifndef RA_AUDIT_H
#define RA_AUDIT_H

#include "model.h"
#include "net.h"
#include "rules.h"

struct audit_input {
	const char *company;
	const char *public_key;
	const char *private_key;
	const char *client_id;
	const char *server;	/* normalized: "host[:port]" */
	size_t note_count;	/* how the server value was read */
	char *const *notes;
	const struct profile *profile;
	struct net_config net;	/* jobs, timeouts, cacert; the keys are
				 * filled in by audit_run */
	bool progress;		/* draw a progress line */
};

/* Never NULL but when out of memory. */
struct audit *audit_run(const struct audit_input *input);

#endif
