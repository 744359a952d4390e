/*
 * testsrv.c: the loopback HTTPS server of check_net (see testsrv.h).
 */
#include "testsrv.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#define PEM_MAX		65536
#define SLOW_MS		300

struct testsrv {
	struct MHD_Daemon *daemon;
	int port;
	char *cert;
	char *key;
	atomic_bool stopping;
	pthread_mutex_t lock;
	int active;
	int limited_left;
	char *retry_after;
	struct testsrv_counts counts;
};

static char *
read_pem(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text;
	size_t n;

	if (f == NULL)
		return NULL;
	text = malloc(PEM_MAX + 1);
	if (text == NULL) {
		fclose(f);
		return NULL;
	}
	n = fread(text, 1, PEM_MAX, f);
	fclose(f);
	text[n] = '\0';
	return text;
}

/* Sleep up to ms, in short steps, ending early when the server stops. */
static void
pause_ms(struct testsrv *srv, int ms)
{
	struct timespec step = { 0, 10 * 1000 * 1000 };
	int waited;

	if (ms > TESTSRV_WAIT_MAX_MS)
		ms = TESTSRV_WAIT_MAX_MS;
	for (waited = 0; waited < ms && !atomic_load(&srv->stopping);
	    waited += 10)
		nanosleep(&step, NULL);
}

static void
copy_header(struct MHD_Connection *conn, const char *name, char *out,
    size_t size)
{
	const char *value = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	    name);

	snprintf(out, size, "%s", value != NULL ? value : "");
}

static void
note_request(struct testsrv *srv, struct MHD_Connection *conn,
    const char *method)
{
	struct testsrv_counts *c = &srv->counts;

	pthread_mutex_lock(&srv->lock);
	c->requests++;
	if (strcmp(method, "GET") != 0)
		c->non_get++;
	copy_header(conn, "Authorization", c->last_auth, sizeof c->last_auth);
	copy_header(conn, "clientId", c->last_client_id,
	    sizeof c->last_client_id);
	copy_header(conn, "Accept", c->last_accept, sizeof c->last_accept);
	if (c->last_auth[0] != '\0')
		c->with_auth++;
	if (c->last_client_id[0] != '\0')
		c->with_client_id++;
	pthread_mutex_unlock(&srv->lock);
}

static enum MHD_Result
send_response(struct MHD_Connection *conn, unsigned status,
    struct MHD_Response *response, const char *name, const char *value)
{
	enum MHD_Result ret;

	if (response == NULL)
		return MHD_NO;
	MHD_add_response_header(response, "Content-Type", "application/json");
	if (name != NULL && value != NULL)
		MHD_add_response_header(response, name, value);
	ret = MHD_queue_response(conn, status, response);
	MHD_destroy_response(response);
	return ret;
}

static enum MHD_Result
reply(struct MHD_Connection *conn, unsigned status, const char *body,
    const char *name, const char *value)
{
	struct MHD_Response *response = MHD_create_response_from_buffer(
	    strlen(body), (void *)body, MHD_RESPMEM_MUST_COPY);

	return send_response(conn, status, response, name, value);
}

static ssize_t
read_big(void *cls, uint64_t pos, char *buf, size_t max)
{
	size_t n;

	if (pos >= TESTSRV_BIG)
		return MHD_CONTENT_READER_END_OF_STREAM;
	n = TESTSRV_BIG - (size_t)pos;
	if (n > max)
		n = max;
	memset(buf, ' ', n);
	return (ssize_t)n;
}

static enum MHD_Result
reply_big(struct MHD_Connection *conn, bool with_length)
{
	struct MHD_Response *response = MHD_create_response_from_callback(
	    with_length ? TESTSRV_BIG : MHD_SIZE_UNKNOWN, 16384, read_big,
	    NULL, NULL);

	return send_response(conn, 200, response, NULL, NULL);
}

static enum MHD_Result
reply_slow(struct testsrv *srv, struct MHD_Connection *conn)
{
	pthread_mutex_lock(&srv->lock);
	srv->active++;
	if (srv->active > srv->counts.max_active)
		srv->counts.max_active = srv->active;
	pthread_mutex_unlock(&srv->lock);
	pause_ms(srv, SLOW_MS);
	pthread_mutex_lock(&srv->lock);
	srv->active--;
	pthread_mutex_unlock(&srv->lock);
	return reply(conn, 200, "[]", NULL, NULL);
}

static enum MHD_Result
reply_limited(struct testsrv *srv, struct MHD_Connection *conn)
{
	char retry_after[64] = "";
	bool limited = false, with_header = false;

	pthread_mutex_lock(&srv->lock);
	srv->counts.limited_hits++;
	if (srv->limited_left > 0) {
		srv->limited_left--;
		limited = true;
		with_header = srv->retry_after != NULL;
		if (with_header)
			snprintf(retry_after, sizeof retry_after, "%s",
			    srv->retry_after);
	}
	pthread_mutex_unlock(&srv->lock);
	if (limited)
		return reply(conn, 429, "{\"code\":\"TooManyRequests\"}",
		    with_header ? "Retry-After" : NULL, retry_after);
	return reply(conn, 200, "[]", NULL, NULL);
}

static enum MHD_Result
reply_cdn(struct MHD_Connection *conn)
{
	static const char page[] = "<html><body>Request blocked.</body></html>";
	struct MHD_Response *response = MHD_create_response_from_buffer(
	    sizeof page - 1, (void *)page, MHD_RESPMEM_PERSISTENT);
	enum MHD_Result ret;

	if (response == NULL)
		return MHD_NO;
	MHD_add_response_header(response, "Content-Type", "text/html");
	MHD_add_response_header(response, "Via",
	    "1.1 5d1f.cloudfront.net (CloudFront)");
	MHD_add_response_header(response, "X-Amz-Cf-Id", "abc==");
	MHD_add_response_header(response, "Server", "CloudFront");
	ret = MHD_queue_response(conn, 403, response);
	MHD_destroy_response(response);
	return ret;
}

static enum MHD_Result
reply_long_header(struct MHD_Connection *conn)
{
	char value[10001];

	memset(value, 'a', sizeof value - 1);
	value[sizeof value - 1] = '\0';
	return reply(conn, 200, "[]", "X-Long", value);
}

static void
count(struct testsrv *srv, int *counter)
{
	pthread_mutex_lock(&srv->lock);
	(*counter)++;
	pthread_mutex_unlock(&srv->lock);
}

static enum MHD_Result
route(struct testsrv *srv, struct MHD_Connection *conn, const char *url)
{
	char location[128];

	if (strcmp(url, "/json") == 0)
		return reply(conn, 200, "[{\"id\":7,\"name\":\"Main\"}]",
		    NULL, NULL);
	if (strcmp(url, "/redirect") == 0) {
		snprintf(location, sizeof location,
		    "https://127.0.0.1:%d/target?token=abc", srv->port);
		return reply(conn, 302, "", "Location", location);
	}
	if (strcmp(url, "/target") == 0) {
		count(srv, &srv->counts.target_hits);
		return reply(conn, 200, "[]", NULL, NULL);
	}
	if (strcmp(url, "/slow") == 0)
		return reply_slow(srv, conn);
	if (strcmp(url, "/limited") == 0)
		return reply_limited(srv, conn);
	if (strcmp(url, "/fail") == 0) {
		count(srv, &srv->counts.fail_hits);
		return reply(conn, 500, "{\"code\":\"ServerError\"}", NULL,
		    NULL);
	}
	if (strcmp(url, "/big") == 0 || strcmp(url, "/biglen") == 0)
		return reply_big(conn, strcmp(url, "/biglen") == 0);
	if (strcmp(url, "/drop") == 0) {
		count(srv, &srv->counts.drop_hits);
		return MHD_NO;
	}
	if (strcmp(url, "/cdn") == 0)
		return reply_cdn(conn);
	if (strcmp(url, "/longhdr") == 0)
		return reply_long_header(conn);
	if (strcmp(url, "/stall") == 0) {
		pause_ms(srv, TESTSRV_WAIT_MAX_MS);
		return reply(conn, 200, "[]", NULL, NULL);
	}
	return reply(conn, 404, "{\"code\":\"NotFound\",\"message\":\"no\"}",
	    NULL, NULL);
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **state)
{
	static int started;
	struct testsrv *srv = cls;

	if (*state == NULL) {
		*state = &started;
		return MHD_YES;
	}
	if (*upload_size != 0) {
		*upload_size = 0;
		return MHD_YES;
	}
	note_request(srv, conn, method);
	return route(srv, conn, url);
}

static void
note_connection(void *cls, struct MHD_Connection *conn, void **socket_state,
    enum MHD_ConnectionNotificationCode code)
{
	struct testsrv *srv = cls;

	if (code == MHD_CONNECTION_NOTIFY_STARTED)
		count(srv, &srv->counts.connections);
}

static bool
listen_loopback(struct testsrv *srv)
{
	struct sockaddr_in addr;
	const union MHD_DaemonInfo *info;

	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	srv->daemon = MHD_start_daemon(MHD_USE_TLS |
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION,
	    0, NULL, NULL, handle, srv,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
	    MHD_OPTION_HTTPS_MEM_CERT, srv->cert,
	    MHD_OPTION_HTTPS_MEM_KEY, srv->key,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)10,
	    MHD_OPTION_NOTIFY_CONNECTION, note_connection, srv,
	    MHD_OPTION_END);
	if (srv->daemon == NULL)
		return false;
	info = MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
	srv->port = info != NULL ? info->port : 0;
	return srv->port != 0;
}

struct testsrv *
testsrv_start(const char *cert_file, const char *key_file)
{
	struct testsrv *srv = calloc(1, sizeof *srv);

	if (srv == NULL)
		return NULL;
	pthread_mutex_init(&srv->lock, NULL);
	atomic_init(&srv->stopping, false);
	srv->cert = read_pem(cert_file);
	srv->key = read_pem(key_file);
	if (srv->cert == NULL || srv->key == NULL || !listen_loopback(srv)) {
		testsrv_stop(srv);
		return NULL;
	}
	return srv;
}

void
testsrv_stop(struct testsrv *srv)
{
	if (srv == NULL)
		return;
	atomic_store(&srv->stopping, true);
	if (srv->daemon != NULL)
		MHD_stop_daemon(srv->daemon);
	pthread_mutex_destroy(&srv->lock);
	free(srv->cert);
	free(srv->key);
	free(srv->retry_after);
	free(srv);
}

int
testsrv_port(const struct testsrv *srv)
{
	return srv->port;
}

void
testsrv_limit(struct testsrv *srv, int times, const char *retry_after)
{
	pthread_mutex_lock(&srv->lock);
	srv->limited_left = times;
	free(srv->retry_after);
	srv->retry_after = retry_after != NULL ? strdup(retry_after) : NULL;
	pthread_mutex_unlock(&srv->lock);
}

void
testsrv_counts(struct testsrv *srv, struct testsrv_counts *out)
{
	pthread_mutex_lock(&srv->lock);
	*out = srv->counts;
	pthread_mutex_unlock(&srv->lock);
}
