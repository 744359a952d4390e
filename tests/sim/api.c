/*
 * api.c: dispatch of one request: companyinfo, the codebase, the client
 * id, the member's keys, then the route and its method.
 */
#include "api_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "policy.h"
#include "simjson.h"
#include "uri.h"

#define AUTH_MAX 512
#define COMPANYINFO "/login/companyinfo/"
#define API_PREFIX "apis/3.0/"

const char api_security_message[] =
    "You do not have security permission to perform this action.";

static const char json_type[] = "application/json; charset=utf-8";

void
answer_free(struct sim_answer *a)
{
	size_t i;

	free(a->body);
	a->body = NULL;
	for (i = 0; i < a->nheaders; i++)
		free(a->headers[i].value);
	a->nheaders = 0;
}

bool
answer_add_header(struct sim_answer *a, const char *name,
    const char *value)
{
	struct answer_header *h;

	if (a->nheaders == ANSWER_HEADERS_MAX)
		return false;
	h = &a->headers[a->nheaders];
	h->value = strdup(value);
	if (h->value == NULL)
		return false;
	snprintf(h->name, sizeof(h->name), "%s", name);
	a->nheaders++;
	return true;
}

void
answer_set_text(struct sim_answer *a, int status, const char *type,
    const char *text)
{
	free(a->body);
	a->status = status;
	snprintf(a->content_type, sizeof(a->content_type), "%s", type);
	a->body = strdup(text);
	a->len = a->body != NULL ? strlen(a->body) : 0;
	if (a->body == NULL)
		a->status = 500;
}

void
answer_set_json(struct sim_answer *a, int status, cJSON *body)
{
	char *text;

	text = body != NULL ? cJSON_PrintUnformatted(body) : NULL;
	cJSON_Delete(body);
	if (text == NULL) {
		answer_set_text(a, 500, json_type, "{\"code\":\"Internal"
		    "ServerError\",\"message\":\"out of memory\","
		    "\"errors\":null}");
		return;
	}
	free(a->body);
	a->status = status;
	snprintf(a->content_type, sizeof(a->content_type), "%s", json_type);
	a->body = text;
	a->len = strlen(text);
}

void
answer_set_error(struct sim_answer *a, int status, const char *code,
    const char *message)
{
	cJSON *body;

	body = cJSON_CreateObject();
	if (body != NULL && (!sj_add_string(body, "code", code) ||
	    !sj_add_string(body, "message", message) ||
	    !cJSON_AddNullToObject(body, "errors"))) {
		cJSON_Delete(body);
		body = NULL;
	}
	answer_set_json(a, status, body);
}

void
api_deny(struct call *call)
{
	answer_set_error(call->out, 403, "Security", api_security_message);
}

void
api_version_header(const struct tenant *t, char *buf, size_t cap)
{
	const char *v = t->version;
	size_t len;

	if (*v == 'v' || *v == 'V')
		v++;
	len = strcspn(v, ".");
	if (v[len] == '.')
		len += 1 + strcspn(v + len + 1, ".");
	snprintf(buf, cap, "%.*s", (int)len, v);
}

static void
copy_host(struct call *call)
{
	const char *host = call->req->host;
	size_t i, len;

	len = host != NULL ? strlen(host) : 0;
	for (i = 0; i < len; i++) {
		if (!isalnum((unsigned char)host[i]) &&
		    strchr(".-:[]_", host[i]) == NULL)
			break;
	}
	if (len == 0 || i < len || len >= sizeof(call->host))
		host = "127.0.0.1";
	snprintf(call->host, sizeof(call->host), "%s", host);
}

static bool
same_text(const struct tenant *t, const char *a, const char *b, size_t n)
{
	return (t->nocase_paths ? strncasecmp(a, b, n) : strncmp(a, b, n)) ==
	    0;
}

const char *
api_fault_path(const struct tenant *t, const char *path)
{
	size_t cb;

	if (strncasecmp(path, COMPANYINFO, strlen(COMPANYINFO)) == 0)
		return path + 1;
	cb = strlen(t->codebase);
	if (path[0] != '/' || !same_text(t, path + 1, t->codebase, cb) ||
	    !same_text(t, path + 1 + cb, API_PREFIX, strlen(API_PREFIX)))
		return NULL;
	return path + 1 + cb + strlen(API_PREFIX);
}

static void
answer_companyinfo(struct call *call, const char *company)
{
	const struct tenant *t = call->tenant;
	char version[32];
	cJSON *info;

	if (strcasecmp(company, t->company_id) != 0 &&
	    !(strlen(company) == strlen(t->company_id) + 1 &&
	    company[strlen(company) - 1] == '/' &&
	    strncasecmp(company, t->company_id, strlen(t->company_id)) == 0)) {
		answer_set_json(call->out, 200, cJSON_CreateNull());
		return;
	}
	snprintf(version, sizeof(version), "v");
	api_version_header(t, version + 1, sizeof(version) - 1);
	info = cJSON_CreateObject();
	if (info != NULL && (!sj_add_string(info, "CompanyName",
	    t->company_name) || !sj_add_string(info, "Codebase", t->codebase) ||
	    !sj_add_string(info, "VersionCode", version) ||
	    !sj_add_string(info, "VersionNumber", t->version) ||
	    !sj_add_string(info, "CompanyID", t->company_id) ||
	    !sj_add_bool(info, "IsCloud", t->is_cloud) ||
	    !sj_add_string(info, "SiteUrl", t->site_url != NULL ?
	    t->site_url : call->host) ||
	    !sj_add_string(info, "AllowedOrigins", t->allowed_origins))) {
		cJSON_Delete(info);
		info = NULL;
	}
	answer_set_json(call->out, 200, info);
}

static void
answer_clientid(struct call *call, enum clientid_answer how, bool missing)
{
	const char *code, *message;

	code = missing ? "ClientIdRequired" : "ClientIdInvalid";
	message = missing ? "A clientId header is required: register an "
	    "integration to get one." : "The clientId is not registered "
	    "for an integration.";
	if (how == CLIENTID_401_TEXT)
		answer_set_text(call->out, 401, "text/plain; charset=utf-8",
		    missing ? "clientId is required\n" :
		    "clientId is not registered\n");
	else
		answer_set_error(call->out, how == CLIENTID_400_JSON ? 400 :
		    401, code, message);
}

/* True when the request's clientId passes; otherwise answers. */
static bool
check_client_id(struct call *call)
{
	const struct tenant *t = call->tenant;
	const char *id = call->req->client_id;
	size_t i;

	if (id == NULL || *id == '\0') {
		answer_clientid(call, t->clientid_missing, true);
		return false;
	}
	if (t->nclient_ids == 0)
		return true;
	for (i = 0; i < t->nclient_ids; i++) {
		if (strcasecmp(t->client_ids[i], id) == 0)
			return true;
	}
	answer_clientid(call, t->clientid_unregistered, false);
	return false;
}

static size_t
base64_decode(const char *in, char *out, size_t cap)
{
	static const char alphabet[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned int bits = 0, nbits = 0;
	const char *pos;
	size_t used = 0;

	for (; *in != '\0' && *in != '='; in++) {
		pos = strchr(alphabet, *in);
		if (pos == NULL || used + 1 >= cap)
			return 0;
		bits = (bits << 6) | (unsigned int)(pos - alphabet);
		nbits += 6;
		if (nbits >= 8) {
			nbits -= 8;
			out[used++] = (char)((bits >> nbits) & 0xff);
		}
	}
	out[used] = '\0';
	return used;
}

static const struct member *
member_from_credentials(const struct tenant *t, const char *header)
{
	char plain[AUTH_MAX];
	char *colon, *plus;
	const struct member *m;
	size_t len;

	if (header == NULL || strncasecmp(header, "Basic ", 6) != 0 ||
	    strlen(header) >= AUTH_MAX)
		return NULL;
	len = base64_decode(header + 6, plain, sizeof(plain));
	if (len == 0 || strlen(plain) != len)
		return NULL;
	colon = strchr(plain, ':');
	plus = strchr(plain, '+');
	if (colon == NULL || plus == NULL || plus > colon)
		return NULL;
	*colon = '\0';
	*plus = '\0';
	if (strcasecmp(plain, t->company_id) != 0)
		return NULL;
	m = tenant_member_by_key(t, plus + 1);
	if (m == NULL || m->private_key == NULL ||
	    strcmp(m->private_key, colon + 1) != 0)
		return NULL;
	return m;
}

/* True when the keys name an active member; otherwise answers 401. */
static bool
check_credentials(struct call *call)
{
	const struct member *m;

	if (call->req->authorization == NULL) {
		answer_set_error(call->out, 401, "Unauthorized",
		    "Authorization is required");
		return false;
	}
	m = member_from_credentials(call->tenant, call->req->authorization);
	if (m == NULL) {
		answer_set_error(call->out, 401, "Unauthorized",
		    "Incorrect public/private key");
		return false;
	}
	if (m->inactive) {
		answer_set_error(call->out, 401, "Unauthorized",
		    "Member is inactive");
		return false;
	}
	call->member = m;
	return true;
}

static void
answer_write(struct call *call, int status)
{
	if (status == 403)
		api_deny(call);
	else if (status == 405)
		answer_set_error(call->out, 405, "MethodNotAllowed",
		    "The method is not allowed on this resource");
	else
		answer_set_error(call->out, 400, "InvalidObject",
		    "The object is not valid: cwsim accepts no changes");
}

static void
answer_api(struct call *call, const char *rel)
{
	const char *method = call->req->method;
	int status;

	if (strcmp(method, "OPTIONS") == 0) {
		answer_set_text(call->out, 200, "text/plain", "");
		answer_add_header(call->out, "Allow",
		    "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
		return;
	}
	if (!check_client_id(call) || !check_credentials(call))
		return;
	if (!route_find(rel, call->tenant->nocase_paths, &call->match)) {
		answer_set_error(call->out, 404, "NotFound",
		    "No resource matches the request");
		return;
	}
	status = policy_write_status(call->member->role, call->match.route,
	    method);
	if (status != 0) {
		answer_write(call, status);
		return;
	}
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
		answer_write(call, 405);
		return;
	}
	api_read(call);
}

void
api_answer(const struct tenant *t, const struct sim_request *req,
    struct sim_answer *out)
{
	struct call call = { 0 };
	char path[API_URI_MAX];
	enum uri_result r;
	const char *rel;

	memset(out, 0, sizeof(*out));
	call.tenant = t;
	call.req = req;
	call.out = out;
	copy_host(&call);
	r = uri_path(req->uri, path, sizeof(path));
	if (r != URI_OK) {
		answer_set_error(out, r == URI_TOO_LONG ? 414 : 400,
		    "InvalidObject", "The request path is not valid");
		return;
	}
	if (strncasecmp(path, COMPANYINFO, strlen(COMPANYINFO)) == 0 &&
	    (strcmp(req->method, "GET") == 0 ||
	    strcmp(req->method, "HEAD") == 0)) {
		answer_companyinfo(&call, path + strlen(COMPANYINFO));
		return;
	}
	rel = api_fault_path(t, path);
	if (rel == NULL || rel == path + 1) {
		answer_set_error(out, 404, "NotFound",
		    "No resource matches the request");
		return;
	}
	answer_api(&call, rel);
}
