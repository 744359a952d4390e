/*
 * store.c: placing reports atomically under the output folder.
 */
#include "store.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "text.h"

#define STORE_MAX_SUFFIX 100

/* mkdir -p, one component at a time. */
static int
make_dirs(const char *path, char *err, size_t errlen)
{
	char *copy = text_dup(path);
	char *p, saved;

	if (copy == NULL)
		return -1;
	for (p = copy + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		saved = *p;
		*p = '\0';
		if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
			snprintf(err, errlen, "cannot create folder \"%s\": %s",
			    copy, strerror(errno));
			free(copy);
			return -1;
		}
		*p = saved;
		if (saved == '\0')
			break;
	}
	free(copy);
	return 0;
}

int
store_check_dir(const char *output_dir, char *err, size_t errlen)
{
	struct stat st;

	if (make_dirs(output_dir, err, errlen) != 0)
		return -1;
	if (stat(output_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "--output-dir: \"%s\" is not a folder",
		    output_dir);
		return -1;
	}
	if (access(output_dir, W_OK | X_OK) != 0) {
		snprintf(err, errlen, "--output-dir: cannot write in \"%s\": "
		    "%s", output_dir, strerror(errno));
		return -1;
	}
	return 0;
}

/* COMPANY@HOST with anything odd made an underscore. */
static char *
tenant_slug(const struct audit *audit)
{
	const char *host = audit->tenant.site_url != NULL ?
	    audit->tenant.site_url : audit->tenant.server;
	char *slug = text_printf("%s@%s", audit->tenant.company, host);
	char *p;

	if (slug == NULL)
		return NULL;
	for (p = slug; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && *p != '.' && *p != '-' &&
		    *p != '@' && *p != '_')
			*p = '_';
	if (slug[0] == '.')
		slug[0] = '_';
	return slug;
}

static int
open_history(struct store *store, const char *output_dir,
    const struct audit *audit)
{
	char stamp[32];
	struct tm tm;
	char *slug = tenant_slug(audit);

	if (slug == NULL)
		return -1;
	gmtime_r(&audit->started, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	store->dir = text_printf("%s/%s", output_dir, slug);
	store->base = text_printf("%s-%s", audit->profile->name, stamp);
	store->latest = text_printf("%s-latest", audit->profile->name);
	store->history = true;
	free(slug);
	return store->dir && store->base && store->latest ? 0 : -1;
}

int
store_open(struct store *store, const char *output_dir, const char *name,
    const struct audit *audit, char *err, size_t errlen)
{
	int rc;

	memset(store, 0, sizeof *store);
	if (name != NULL) {
		if (strchr(name, '/') != NULL || name[0] == '.' ||
		    name[0] == '\0') {
			snprintf(err, errlen, "--name: \"%s\" must be a plain "
			    "file name without a folder or a leading dot",
			    name);
			return -1;
		}
		store->dir = text_dup(output_dir);
		store->base = text_dup(name);
		rc = store->dir && store->base ? 0 : -1;
	} else {
		rc = open_history(store, output_dir, audit);
	}
	if (rc != 0) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return make_dirs(store->dir, err, errlen);
}

/* Write the report into a new temporary file; return its path. */
static char *
write_temp(const struct store *store, store_writer writer,
    const struct audit *audit, char *err, size_t errlen)
{
	char *tmp = text_printf("%s/.%s.XXXXXX", store->dir, store->base);
	FILE *out;
	int fd, bad;

	if (tmp == NULL)
		return NULL;
	fd = mkstemp(tmp);
	if (fd < 0 || (out = fdopen(fd, "w")) == NULL) {
		snprintf(err, errlen, "cannot write in \"%s\": %s",
		    store->dir, strerror(errno));
		if (fd >= 0)
			close(fd);
		free(tmp);
		return NULL;
	}
	fchmod(fd, 0644);
	bad = writer(audit, out) != 0;
	bad |= fflush(out) != 0 || ferror(out) || fsync(fd) != 0;
	bad |= fclose(out) != 0;
	if (bad) {
		snprintf(err, errlen, "writing a report in \"%s\" failed: %s",
		    store->dir, strerror(errno));
		unlink(tmp);
		free(tmp);
		return NULL;
	}
	return tmp;
}

/* Move tmp to BASE.EXT without replacing anything: a taken name moves
 * the base on to BASE-2, BASE-3, ... */
static char *
claim_name(struct store *store, const char *tmp, const char *ext)
{
	char *path, *base;
	int n;

	for (n = 1; n <= STORE_MAX_SUFFIX; n++) {
		path = text_printf("%s/%s.%s", store->dir, store->base, ext);
		if (path == NULL)
			return NULL;
		if (link(tmp, path) == 0)
			return path;
		free(path);
		if (errno != EEXIST)
			return NULL;
		base = n == 1 ? text_printf("%s-2", store->base) :
		    text_printf("%.*s-%d", (int)(strrchr(store->base, '-') -
		    store->base), store->base, n + 1);
		if (base == NULL)
			return NULL;
		free(store->base);
		store->base = base;
	}
	return NULL;
}

int
store_write(struct store *store, const char *ext, store_writer writer,
    const struct audit *audit, char **path, char *err, size_t errlen)
{
	char *tmp, *final;

	tmp = write_temp(store, writer, audit, err, errlen);
	if (tmp == NULL)
		return -1;
	if (store->history) {
		final = claim_name(store, tmp, ext);
		unlink(tmp);
	} else {
		final = text_printf("%s/%s.%s", store->dir, store->base, ext);
		if (final != NULL && rename(tmp, final) != 0) {
			free(final);
			final = NULL;
		}
	}
	if (final == NULL) {
		snprintf(err, errlen, "cannot place the report in \"%s\": %s",
		    store->dir, strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	*path = final;
	return 0;
}

int
store_mark_latest(const struct store *store, const char *ext, char *err,
    size_t errlen)
{
	char *target, *tmp, *link_path;
	int rc = -1;

	if (!store->history)
		return 0;
	target = text_printf("%s.%s", store->base, ext);
	tmp = text_printf("%s/.%s.%s.%ld", store->dir, store->latest, ext,
	    (long)getpid());
	link_path = text_printf("%s/%s.%s", store->dir, store->latest, ext);
	if (target && tmp && link_path) {
		unlink(tmp);
		if (symlink(target, tmp) == 0 && rename(tmp, link_path) == 0)
			rc = 0;
		else
			snprintf(err, errlen, "cannot point \"%s\" at the new "
			    "report: %s", link_path, strerror(errno));
		unlink(tmp);
	}
	free(target);
	free(tmp);
	free(link_path);
	return rc;
}

char *
store_latest_path(const struct store *store, const char *ext)
{
	char *path;

	if (store->latest == NULL)
		return NULL;
	path = text_printf("%s/%s.%s", store->dir, store->latest, ext);
	if (path != NULL && access(path, R_OK) != 0) {
		free(path);
		return NULL;
	}
	return path;
}

void
store_close(struct store *store)
{
	free(store->dir);
	free(store->base);
	free(store->latest);
	memset(store, 0, sizeof *store);
}
