/*
 * secret.h: the private key, kept out of argv, logs and reports.
 *
 * The key comes from CW_PRIVATE_KEY, a file (--private-key-file), or
 * standard input ("-").  A key file that group or others can read draws
 * a warning.  The buffer is wiped when freed.
 */
#ifndef RA_SECRET_H
#define RA_SECRET_H

#include <stddef.h>

/* Read a key from path ("-": standard input).  Trailing CR/LF is dropped;
 * any other control character is refused.  Returns a new string, or NULL
 * with a message in err.  warn (may be NULL) receives a warning when the
 * file's mode lets others read it. */
char *secret_read_file(const char *path, char *err, size_t errlen,
    char *warn, size_t warnlen);

/* Wipe and free a secret; NULL is fine. */
void secret_free(char *secret);

/* True when text holds a CR, LF or other control character that would
 * break or inject a header. */
int secret_has_control(const char *text);

#endif
