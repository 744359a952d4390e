/*
 * api.h: cwsim's answers to ConnectWise REST requests, without HTTP.
 *
 * api_answer takes one request (method, request target, the few headers
 * that matter) and fills an answer (status, content type, headers,
 * body).  It never changes the tenant, so threads may share it.  The
 * HTTP layer (server.c) feeds it and applies faults around it.
 */
#ifndef CWSIM_API_H
#define CWSIM_API_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "tenant.h"

#define ANSWER_HEADERS_MAX 12
#define API_URI_MAX 8192

struct answer_header {
	char	 name[40];
	char	*value;		/* owned */
};

struct sim_answer {
	int			 status;
	char			 content_type[64];
	char			*body;		/* owned, may be NULL */
	size_t			 len;
	struct answer_header	 headers[ANSWER_HEADERS_MAX];
	size_t			 nheaders;
};

struct sim_request {
	const char	*method;
	const char	*uri;		/* the request target as sent */
	const char	*authorization;	/* header value, or NULL */
	const char	*client_id;	/* header value, or NULL */
	const char	*host;		/* header value, or NULL */
	bool		 tls;
};

/* Answer req from tenant into out (zeroed first; free with
 * answer_free). */
void api_answer(const struct tenant *tenant, const struct sim_request *req,
    struct sim_answer *out);

/* The path a --fault prefix is matched against: for companyinfo the path
 * without its leading '/', for API calls the part after
 * "CODEBASE/apis/3.0/"; NULL for anything else.  Points into path. */
const char *api_fault_path(const struct tenant *tenant, const char *path);

/* The api-current-version value for the tenant ("2025.1"), in buf. */
void api_version_header(const struct tenant *tenant, char *buf, size_t cap);

void answer_free(struct sim_answer *answer);

/* Add a header (value copied); false when full or out of memory. */
bool answer_add_header(struct sim_answer *answer, const char *name,
    const char *value);

/* Set the body to the printed JSON (takes ownership of body). */
void answer_set_json(struct sim_answer *answer, int status, cJSON *body);

/* Set a text body of the given content type (copied). */
void answer_set_text(struct sim_answer *answer, int status,
    const char *content_type, const char *text);

/* Set an ErrorResponseMessage body {code, message, errors: null}. */
void answer_set_error(struct sim_answer *answer, int status,
    const char *code, const char *message);

#endif
