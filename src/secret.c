/*
 * secret.c: reading the private key from a file or standard input.
 *
 * The key is read into a fixed buffer of at most SECRET_MAX bytes; a
 * longer input is refused rather than cut.  Every buffer that held the
 * key is wiped before it is freed or goes out of scope.  No message
 * written here ever holds any part of the key.
 */
#include "secret.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SECRET_MAX	4096	/* bytes a key file may hold */
#define READ_ROUNDS	64	/* read calls before giving up */

int
secret_has_control(const char *text)
{
	const unsigned char *p;

	if (text == NULL)
		return 0;
	for (p = (const unsigned char *)text; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return 1;
	}
	return 0;
}

void
secret_free(char *secret)
{
	if (secret == NULL)
		return;
	explicit_bzero(secret, strlen(secret));
	free(secret);
}

/* Read up to cap bytes; returns the count, or -1 with errno set. */
static ssize_t
read_capped(int fd, char *buf, size_t cap)
{
	size_t have = 0;
	ssize_t n;
	int round;

	for (round = 0; round < READ_ROUNDS && have < cap; round++) {
		n = read(fd, buf + have, cap - have);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		have += (size_t)n;
	}
	return (ssize_t)have;
}

/* Drop one trailing LF or CRLF. */
static size_t
strip_line_end(char *buf, size_t len)
{
	if (len > 0 && buf[len - 1] == '\n') {
		buf[--len] = '\0';
		if (len > 0 && buf[len - 1] == '\r')
			buf[--len] = '\0';
	}
	return len;
}

static int
open_source(const char *path, const char *where, char *err, size_t errlen)
{
	int fd;

	if (strcmp(path, "-") == 0) {
		if (isatty(STDIN_FILENO)) {
			text_say(err, errlen, "%s is a terminal, where the key "
			    "would be shown as it is typed: pipe it in, or "
			    "give a file", where);
			return -1;
		}
		return STDIN_FILENO;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		text_say(err, errlen, "%s: cannot open: %s", where,
		    strerror(errno));
	return fd;
}

static int
check_source(int fd, const char *path, const char *where, char *err,
    size_t errlen, char *warn, size_t warnlen)
{
	struct stat st;

	if (fstat(fd, &st) != 0) {
		text_say(err, errlen, "%s: cannot stat: %s", where,
		    strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		text_say(err, errlen, "%s: is a directory, not a key file",
		    where);
		return -1;
	}
	if (S_ISREG(st.st_mode) && st.st_size > SECRET_MAX) {
		text_say(err, errlen, "%s: is larger than %d bytes; a private "
		    "key file holds only the key", where, SECRET_MAX);
		return -1;
	}
	if (fd != STDIN_FILENO && S_ISREG(st.st_mode) &&
	    (st.st_mode & 077) != 0)
		text_say(warn, warnlen, "%s: group or others may read it "
		    "(mode %04o); fix with: chmod 600 '%s'", where,
		    (unsigned)(st.st_mode & 07777), path);
	return 0;
}

static int
check_content(const char *buf, ssize_t len, const char *where, char *err,
    size_t errlen)
{
	if (len == 0) {
		text_say(err, errlen, "%s: is empty; it must hold the API "
		    "member's private key", where);
		return -1;
	}
	if (strlen(buf) != (size_t)len || secret_has_control(buf)) {
		text_say(err, errlen, "%s: holds a line break or another "
		    "control character; it must hold only the key, on one line",
		    where);
		return -1;
	}
	return 0;
}

static char *
read_key(int fd, const char *where, char *err, size_t errlen)
{
	char buf[SECRET_MAX + 2];
	char *key = NULL;
	ssize_t len;

	len = read_capped(fd, buf, sizeof buf - 1);
	if (len < 0) {
		text_say(err, errlen, "%s: cannot read: %s", where,
		    strerror(errno));
		return NULL;
	}
	buf[len] = '\0';
	if (len > SECRET_MAX) {
		text_say(err, errlen, "%s: holds more than %d bytes; a private "
		    "key file holds only the key", where, SECRET_MAX);
		explicit_bzero(buf, sizeof buf);
		return NULL;
	}

	len = (ssize_t)strip_line_end(buf, (size_t)len);
	if (check_content(buf, len, where, err, errlen) == 0) {
		key = strdup(buf);
		if (key == NULL)
			text_say(err, errlen, "%s: out of memory", where);
	}
	explicit_bzero(buf, sizeof buf);
	return key;
}

char *
secret_read_file(const char *path, char *err, size_t errlen, char *warn,
    size_t warnlen)
{
	char where[512];
	char *key = NULL;
	int fd;

	text_say(err, errlen, "%s", "");
	text_say(warn, warnlen, "%s", "");
	if (path == NULL || path[0] == '\0') {
		text_say(err, errlen, "no private key file named");
		return NULL;
	}
	if (strcmp(path, "-") == 0)
		snprintf(where, sizeof where, "standard input");
	else
		snprintf(where, sizeof where, "private key file \"%s\"", path);

	/* A path that cannot be opened may be the key itself, pasted in
	 * the wrong place: do not echo it. */
	fd = open_source(path, strcmp(path, "-") == 0 ? where :
	    "the private key file (its name is not shown, in case it is the "
	    "key itself)", err, errlen);
	if (fd < 0)
		return NULL;
	if (check_source(fd, path, where, err, errlen, warn, warnlen) == 0)
		key = read_key(fd, where, err, errlen);
	if (fd != STDIN_FILENO)
		close(fd);
	return key;
}
