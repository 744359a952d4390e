/*
 * simjson.c: small cJSON helpers shared by cwsim's modules.
 */
#include "simjson.h"

#include <math.h>
#include <string.h>

#define PATH_STEP_MAX 64

const cJSON *
sj_path(const cJSON *obj, const char *path)
{
	char step[PATH_STEP_MAX];
	const char *slash;
	size_t len;

	while (obj != NULL && *path != '\0') {
		slash = strchr(path, '/');
		len = slash != NULL ? (size_t)(slash - path) : strlen(path);
		if (len >= sizeof(step))
			return NULL;
		memcpy(step, path, len);
		step[len] = '\0';
		obj = cJSON_GetObjectItem(obj, step);
		path += len;
		if (*path == '/')
			path++;
	}
	return obj;
}

const char *
sj_string(const cJSON *obj, const char *key)
{
	const cJSON *item;

	item = cJSON_GetObjectItem(obj, key);
	return cJSON_IsString(item) ? item->valuestring : NULL;
}

bool
sj_int(const cJSON *obj, const char *key, long long *out)
{
	const cJSON *item;
	double value;

	item = cJSON_GetObjectItem(obj, key);
	if (!cJSON_IsNumber(item))
		return false;
	value = item->valuedouble;
	if (value != floor(value) || value > 9e15 || value < -9e15)
		return false;
	*out = (long long)value;
	return true;
}

long long
sj_id(const cJSON *record)
{
	long long id;

	return sj_int(record, "id", &id) ? id : -1;
}

cJSON *
sj_ref(long long id, const char *name)
{
	cJSON *ref;

	ref = cJSON_CreateObject();
	if (ref == NULL)
		return NULL;
	if (!sj_add_number(ref, "id", (double)id) ||
	    (name != NULL && !sj_add_string(ref, "name", name))) {
		cJSON_Delete(ref);
		return NULL;
	}
	return ref;
}

bool
sj_add_string(cJSON *obj, const char *key, const char *value)
{
	return cJSON_AddStringToObject(obj, key, value) != NULL;
}

bool
sj_add_number(cJSON *obj, const char *key, double value)
{
	return cJSON_AddNumberToObject(obj, key, value) != NULL;
}

bool
sj_add_bool(cJSON *obj, const char *key, bool value)
{
	return cJSON_AddBoolToObject(obj, key, value) != NULL;
}

bool
sj_add(cJSON *obj, const char *key, cJSON *item)
{
	if (item == NULL)
		return false;
	if (!cJSON_AddItemToObject(obj, key, item)) {
		cJSON_Delete(item);
		return false;
	}
	return true;
}

void
sj_line_col(const char *text, size_t offset, int *line, int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < offset && text[i] != '\0'; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else
			(*col)++;
	}
}

const cJSON *
sj_find_id(const cJSON *array, long long id)
{
	const cJSON *record;

	cJSON_ArrayForEach(record, array) {
		if (sj_id(record) == id)
			return record;
	}
	return NULL;
}
