/*
 * server.c: libmicrohttpd glue.  Each connection has its own thread, so
 * latency, trickle and stall hold only their own connection.  A request
 * goes: rate limit, then api_answer, then the first matching fault, then
 * the log line when MHD reports the request complete.
 */
#include "server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "api.h"
#include "serve_int.h"
#include "uri.h"

#define PEM_MAX (1024 * 1024)
#define CONNECTIONS_MAX 512
#define IDLE_TIMEOUT_S 30

static atomic_bool stopping;

bool
serve_stopping(void)
{
	return atomic_load(&stopping);
}

void
serve_sleep_ms(long ms)
{
	struct timespec step = { 0, 10 * 1000 * 1000 };

	while (ms > 0 && !serve_stopping()) {
		nanosleep(&step, NULL);
		ms -= 10;
	}
}

static void *
on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
	struct exchange *x;

	x = calloc(1, sizeof(*x));
	if (x == NULL)
		return NULL;
	x->uri_too_long = strlen(uri) >= sizeof(x->uri);
	snprintf(x->uri, sizeof(x->uri), "%s", uri);
	return x;
}

static const char *
header(struct MHD_Connection *conn, const char *name)
{
	return MHD_lookup_connection_value(conn, MHD_HEADER_KIND, name);
}

/* True when this request is beyond the rate limit. */
static bool
over_rate_limit(struct serve *s)
{
	struct timespec now;
	bool over;

	if (s->cfg->rate_limit == 0)
		return false;
	clock_gettime(CLOCK_MONOTONIC, &now);
	pthread_mutex_lock(&s->lock);
	if (now.tv_sec != s->window) {
		s->window = now.tv_sec;
		s->in_window = 0;
	}
	s->in_window++;
	over = s->in_window > s->cfg->rate_limit;
	pthread_mutex_unlock(&s->lock);
	return over;
}

static void
answer_rate_limited(struct serve *s, struct sim_answer *a)
{
	char seconds[24];

	answer_set_error(a, 429, "TooManyRequests",
	    "Too many requests: slow down and retry later");
	snprintf(seconds, sizeof(seconds), "%ld", s->cfg->retry_after);
	answer_add_header(a, "Retry-After", seconds);
}

static void
answer_for(struct serve *s, struct MHD_Connection *conn, const char *method,
    struct exchange *x, struct sim_answer *a)
{
	struct sim_request req = { 0 };

	req.method = method;
	req.uri = x->uri;
	req.authorization = header(conn, MHD_HTTP_HEADER_AUTHORIZATION);
	req.client_id = header(conn, "clientId");
	req.host = header(conn, MHD_HTTP_HEADER_HOST);
	req.tls = s->cfg->tls_cert != NULL;
	x->credentials = req.authorization != NULL;
	x->client_id = req.client_id != NULL;
	if (over_rate_limit(s)) {
		memset(a, 0, sizeof(*a));
		answer_rate_limited(s, a);
		return;
	}
	if (x->uri_too_long) {
		memset(a, 0, sizeof(*a));
		answer_set_error(a, 414, "InvalidObject",
		    "The request target is too long");
		return;
	}
	api_answer(s->tenant, &req, a);
}

static void
add_common_headers(struct serve *s, struct MHD_Response *resp,
    const struct sim_answer *a)
{
	size_t i;

	if (a->content_type[0] != '\0')
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
		    a->content_type);
	MHD_add_response_header(resp, "api-current-version", s->version);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
	    "no-cache");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	for (i = 0; i < a->nheaders; i++)
		MHD_add_response_header(resp, a->headers[i].name,
		    a->headers[i].value);
}

enum MHD_Result
serve_queue(struct serve *s, struct MHD_Connection *conn,
    struct exchange *x, const struct sim_answer *a)
{
	struct MHD_Response *resp;
	enum MHD_Result r;

	resp = MHD_create_response_from_buffer(a->len, a->body,
	    MHD_RESPMEM_MUST_COPY);
	if (resp == NULL)
		return MHD_NO;
	add_common_headers(s, resp, a);
	x->status = a->status;
	r = MHD_queue_response(conn, (unsigned int)a->status, resp);
	MHD_destroy_response(resp);
	return r;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **req_cls)
{
	struct serve *s = cls;
	struct exchange *x = *req_cls;
	struct sim_answer a;
	const struct fault *f;
	enum MHD_Result r;

	if (x == NULL)
		return MHD_NO;
	if (!x->started) {
		x->started = true;
		snprintf(x->method, sizeof(x->method), "%s", method);
		return MHD_YES;
	}
	if (*upload_size != 0) {
		*upload_size = 0;
		return MHD_YES;
	}
	serve_sleep_ms(s->cfg->latency_ms);
	answer_for(s, conn, method, x, &a);
	f = a.status == 429 ? NULL : serve_fault_for(s, x->uri);
	if (f != NULL)
		r = serve_fault(s, conn, x, f, &a);
	else
		r = serve_queue(s, conn, x, &a);
	answer_free(&a);
	return r;
}

static void
log_exchange(struct serve *s, const struct exchange *x)
{
	cJSON *line;
	char *text;

	if (s->log == NULL)
		return;
	line = cJSON_CreateObject();
	if (line == NULL)
		return;
	cJSON_AddStringToObject(line, "method", x->method);
	cJSON_AddStringToObject(line, "path", x->uri);
	cJSON_AddNumberToObject(line, "status", x->status);
	cJSON_AddBoolToObject(line, "credentials", x->credentials);
	cJSON_AddBoolToObject(line, "clientId", x->client_id);
	if (x->fault != NULL)
		cJSON_AddStringToObject(line, "fault", x->fault);
	text = cJSON_PrintUnformatted(line);
	cJSON_Delete(line);
	if (text == NULL)
		return;
	pthread_mutex_lock(&s->lock);
	fprintf(s->log, "%s\n", text);
	fflush(s->log);
	pthread_mutex_unlock(&s->lock);
	free(text);
}

static void
on_completed(void *cls, struct MHD_Connection *conn, void **req_cls,
    enum MHD_RequestTerminationCode code)
{
	struct exchange *x = *req_cls;

	if (x == NULL)
		return;
	if (x->started)
		log_exchange(cls, x);
	free(x);
	*req_cls = NULL;
}

static bool
parse_listen(const char *text, struct sockaddr_storage *ss, bool *v6)
{
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;
	struct sockaddr_in *sin = (struct sockaddr_in *)ss;
	char host[64];
	const char *colon;
	char *end;
	long port;

	colon = strrchr(text, ':');
	if (colon == NULL || (size_t)(colon - text) >= sizeof(host))
		return false;
	port = strtol(colon + 1, &end, 10);
	if (colon[1] == '\0' || *end != '\0' || port < 0 || port > 65535)
		return false;
	snprintf(host, sizeof(host), "%.*s", (int)(colon - text), text);
	memset(ss, 0, sizeof(*ss));
	*v6 = host[0] == '[';
	if (*v6) {
		if (host[strlen(host) - 1] != ']')
			return false;
		host[strlen(host) - 1] = '\0';
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((unsigned short)port);
		return inet_pton(AF_INET6, host + 1, &sin6->sin6_addr) == 1 &&
		    IN6_IS_ADDR_LOOPBACK(&sin6->sin6_addr);
	}
	sin->sin_family = AF_INET;
	sin->sin_port = htons((unsigned short)port);
	return inet_pton(AF_INET, host, &sin->sin_addr) == 1 &&
	    (ntohl(sin->sin_addr.s_addr) >> 24) == 127;
}

static char *
read_pem(const char *path)
{
	FILE *fp;
	char *text;
	size_t len;

	fp = fopen(path, "rb");
	if (fp == NULL) {
		fprintf(stderr, "cwsim: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	text = malloc(PEM_MAX + 1);
	len = text != NULL ? fread(text, 1, PEM_MAX + 1, fp) : 0;
	fclose(fp);
	if (text == NULL || len == 0 || len > PEM_MAX) {
		fprintf(stderr, "cwsim: %s: empty, unreadable or too large\n",
		    path);
		free(text);
		return NULL;
	}
	text[len] = '\0';
	return text;
}

static bool
write_port_file(const char *path, unsigned int port)
{
	char tmp[4096];
	FILE *fp;

	snprintf(tmp, sizeof(tmp), "%s.tmp.%ld", path, (long)getpid());
	fp = fopen(tmp, "w");
	if (fp == NULL) {
		fprintf(stderr, "cwsim: %s: %s\n", tmp, strerror(errno));
		return false;
	}
	fprintf(fp, "%u\n", port);
	if (fclose(fp) != 0 || rename(tmp, path) != 0) {
		fprintf(stderr, "cwsim: %s: %s\n", path, strerror(errno));
		unlink(tmp);
		return false;
	}
	return true;
}

struct tls_files {
	char	*cert;
	char	*key;
};

static struct MHD_Daemon *
start_daemon(struct serve *s, const struct sockaddr_storage *ss, bool v6,
    const struct tls_files *tls)
{
	unsigned int flags;

	flags = MHD_USE_INTERNAL_POLLING_THREAD |
	    MHD_USE_THREAD_PER_CONNECTION | MHD_USE_ERROR_LOG;
	if (v6)
		flags |= MHD_USE_IPv6;
	if (tls->cert != NULL)
		flags |= MHD_USE_TLS;
	return MHD_start_daemon(flags, 0, NULL, NULL, on_request, s,
	    MHD_OPTION_SOCK_ADDR, ss,
	    MHD_OPTION_URI_LOG_CALLBACK, on_uri, s,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)CONNECTIONS_MAX,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)IDLE_TIMEOUT_S,
	    tls->cert != NULL ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END,
	    tls->cert, MHD_OPTION_HTTPS_MEM_KEY, tls->key, MHD_OPTION_END);
}

static bool
load_tls(const struct sim_config *cfg, struct tls_files *tls)
{
	tls->cert = NULL;
	tls->key = NULL;
	if (cfg->tls_cert == NULL)
		return true;
	if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
		fprintf(stderr, "cwsim: this libmicrohttpd has no TLS\n");
		return false;
	}
	tls->cert = read_pem(cfg->tls_cert);
	tls->key = tls->cert != NULL ? read_pem(cfg->tls_key) : NULL;
	return tls->key != NULL;
}

static int
wait_for_signal(const sigset_t *set)
{
	int sig = 0;

	while (sigwait(set, &sig) != 0)
		continue;
	return sig;
}

static bool
open_log(struct serve *s)
{
	if (s->cfg->log_path == NULL)
		return true;
	s->log = fopen(s->cfg->log_path, "a");
	if (s->log == NULL) {
		fprintf(stderr, "cwsim: %s: %s\n", s->cfg->log_path,
		    strerror(errno));
		return false;
	}
	return true;
}

static int
serve(struct serve *s, const sigset_t *set)
{
	struct sockaddr_storage ss;
	const union MHD_DaemonInfo *info;
	struct tls_files tls = { NULL, NULL };
	struct MHD_Daemon *d = NULL;
	int rc = 1;
	bool v6;

	if (!parse_listen(s->cfg->listen, &ss, &v6)) {
		fprintf(stderr, "cwsim: --listen \"%s\": only a numeric "
		    "loopback address with a port (127.0.0.1:0, [::1]:0)\n",
		    s->cfg->listen);
		return 1;
	}
	if (!load_tls(s->cfg, &tls) || !open_log(s))
		goto out;
	d = start_daemon(s, &ss, v6, &tls);
	info = d != NULL ? MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT) :
	    NULL;
	if (info == NULL) {
		fprintf(stderr, "cwsim: cannot listen on %s\n", s->cfg->listen);
		goto out;
	}
	if (s->cfg->port_file != NULL &&
	    !write_port_file(s->cfg->port_file, info->port))
		goto out;
	fprintf(stderr, "cwsim: %s on port %u, tenant %s\n", tls.cert != NULL ?
	    "https" : "http", info->port, s->cfg->tenant_path);
	wait_for_signal(set);
	rc = 0;
out:
	atomic_store(&stopping, true);
	if (d != NULL)
		MHD_stop_daemon(d);
	if (s->log != NULL)
		fclose(s->log);
	free(tls.cert);
	free(tls.key);
	return rc;
}

int
server_run(const struct sim_config *cfg, const struct tenant *tenant)
{
	struct serve s;
	sigset_t set;
	int rc;

	memset(&s, 0, sizeof(s));
	s.cfg = cfg;
	s.tenant = tenant;
	api_version_header(tenant, s.version, sizeof(s.version));
	pthread_mutex_init(&s.lock, NULL);
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	atomic_store(&stopping, false);
	rc = serve(&s, &set);
	pthread_mutex_destroy(&s.lock);
	return rc;
}
