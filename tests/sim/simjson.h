/*
 * simjson.h: small cJSON helpers shared by cwsim's modules.
 */
#ifndef CWSIM_SIMJSON_H
#define CWSIM_SIMJSON_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

/* The value at a '/'-separated path ("board/id") under obj, keys matched
 * case-insensitively; NULL when any step is missing.  Borrowed. */
const cJSON *sj_path(const cJSON *obj, const char *path);

/* The string member key of obj, or NULL.  Borrowed. */
const char *sj_string(const cJSON *obj, const char *key);

/* The integer member key of obj into *out; false when absent or not a
 * whole number. */
bool sj_int(const cJSON *obj, const char *key, long long *out);

/* The record's "id" as an integer, or -1. */
long long sj_id(const cJSON *record);

/* A new reference object {id, name}; NULL when out of memory.  name may
 * be NULL (then left out). */
cJSON *sj_ref(long long id, const char *name);

/* Add a string / number / bool member; false when out of memory. */
bool sj_add_string(cJSON *obj, const char *key, const char *value);
bool sj_add_number(cJSON *obj, const char *key, double value);
bool sj_add_bool(cJSON *obj, const char *key, bool value);

/* Add item under key, taking ownership of item (freed on failure). */
bool sj_add(cJSON *obj, const char *key, cJSON *item);

/* Line and column (from 1) of byte offset in text. */
void sj_line_col(const char *text, size_t offset, int *line, int *col);

/* The record in array whose id is id, or NULL.  Borrowed. */
const cJSON *sj_find_id(const cJSON *array, long long id);

#endif
