/*
 * tenant.h: one simulated ConnectWise Manage tenant, loaded from JSON.
 *
 * A tenant holds the company's identity (what companyinfo answers), its
 * client id policy, its security roles, its members with their keys, and
 * its data as cJSON arrays in the API's own shapes.  After tenant_load the
 * tenant is read-only, so any number of threads may answer from it.
 * The format is documented in tests/sim/README.md.
 */
#ifndef CWSIM_TENANT_H
#define CWSIM_TENANT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "catalog.h"

enum sim_level {
	SIM_NONE = 0,
	SIM_MINE,
	SIM_MY,
	SIM_ALL
};

enum sim_action {
	SIM_ADD = 0,
	SIM_EDIT,
	SIM_DELETE,
	SIM_INQUIRE,
	SIM_ACTIONS
};

/* How a missing or unregistered clientId is answered. */
enum clientid_answer {
	CLIENTID_401_JSON = 0,
	CLIENTID_400_JSON,
	CLIENTID_401_TEXT
};

/* The data collections, each a JSON array in the tenant. */
enum collection {
	COLL_MEMBERS = 0,	/* built from the members section */
	COLL_API_MEMBERS,	/* built: members with licenseClass "A" */
	COLL_ROLES,		/* built from the roles section */
	COLL_LOCATIONS,
	COLL_BOARDS,
	COLL_BOARD_STATUSES,	/* from boards[].statuses */
	COLL_BOARD_TYPES,	/* from boards[].types */
	COLL_PRIORITIES,
	COLL_PROJECTS,
	COLL_PHASES,		/* from projects[].phases */
	COLL_PROJECT_STATUSES,
	COLL_PHASE_STATUSES,
	COLL_COMPANY_STATUSES,
	COLL_COMPANY_TYPES,
	COLL_COMPANIES,
	COLL_CONTACTS,
	COLL_TICKETS,
	COLL_PROJECT_TICKETS,
	COLL_SCHEDULE_ENTRIES,
	COLL_TIME_ENTRIES,
	COLL_AGREEMENTS,
	COLL_COUNT
};

struct role {
	int		 id;
	char		*name;
	enum sim_level	 levels[CATALOG_MAX_FUNCTIONS][SIM_ACTIONS];
	bool		 custom[CATALOG_MAX_FUNCTIONS];	/* has allow list */
	uint32_t	 allow[CATALOG_MAX_FUNCTIONS];	/* catalog items */
};

#define MEMBER_MAX_EXCLUDED 64

struct member {
	int		 id;
	char		*identifier;
	char		*name;
	char		*public_key;	/* NULL: cannot log in */
	char		*private_key;
	const struct role *role;
	bool		 inactive;
	char		 license_class[4];
	int		 location_id;	/* 0: Corporate level */
	int		 excluded[MEMBER_MAX_EXCLUDED];
	size_t		 nexcluded;
	bool		 may_read_security;
};

#define TENANT_MAX_CLIENT_IDS 16

struct tenant {
	char		*company_id;
	char		*company_name;
	char		*codebase;	/* with trailing slash */
	char		*version;	/* "v2025.1.10431" */
	char		*site_url;	/* NULL: echo the Host header */
	char		*allowed_origins;
	char		*time_zone;
	char		*cloud_region;
	bool		 is_cloud;
	bool		 nocase_paths;

	char		*client_ids[TENANT_MAX_CLIENT_IDS];
	size_t		 nclient_ids;	/* 0: any non-empty id is fine */
	enum clientid_answer clientid_missing;
	enum clientid_answer clientid_unregistered;

	struct role	*roles;
	size_t		 nroles;
	struct member	*members;
	size_t		 nmembers;

	cJSON		*data[COLL_COUNT];	/* arrays, owned */
};

/* Load the tenant file at path.  Returns a new tenant (free with
 * tenant_free), or NULL with a message "path:line:column: reason" or
 * "path: reason" in err. */
struct tenant *tenant_load(const char *path, char *err, size_t errlen);

/* Parse a tenant from JSON text; name is used in messages.  As above. */
struct tenant *tenant_parse(const char *text, const char *name, char *err,
    size_t errlen);

void tenant_free(struct tenant *tenant);

/* The member whose public key is public_key, or NULL.  Borrowed. */
const struct member *tenant_member_by_key(const struct tenant *tenant,
    const char *public_key);

/* The role's level for catalog function fn (index); None when out of
 * range. */
enum sim_level role_level(const struct role *role, int fn,
    enum sim_action action);

/* "None", "Mine", "My", "All".  Static. */
const char *sim_level_name(enum sim_level level);

#endif
