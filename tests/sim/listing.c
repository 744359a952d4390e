/*
 * listing.c: paging, Link headers, fields and conditions.
 */
#include "listing.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "simjson.h"

#define NUMBER_DIGITS_MAX 18
#define LINK_QUERY_MAX 4096

static bool
parse_count(const char *text, long long *out)
{
	size_t len;

	len = strlen(text);
	if (len == 0 || len > NUMBER_DIGITS_MAX ||
	    strspn(text, "0123456789") != len)
		return false;
	*out = strtoll(text, NULL, 10);
	return *out >= 1;
}

bool
listing_page(long long total, const char *page_arg, const char *size_arg,
    struct page *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof(*out));
	out->number = 1;
	out->size = PAGE_SIZE_DEFAULT;
	out->total = total;
	if (page_arg != NULL && !parse_count(page_arg, &out->number)) {
		snprintf(err, errlen, "page must be a whole number from 1");
		return false;
	}
	if (size_arg != NULL && !parse_count(size_arg, &out->size)) {
		snprintf(err, errlen, "pageSize must be a whole number from 1");
		return false;
	}
	if (out->size > PAGE_SIZE_MAX)
		out->size = PAGE_SIZE_MAX;
	out->last = total <= out->size ? 1 : (total + out->size - 1) /
	    out->size;
	if (out->number > out->last) {
		out->first = total;
		return true;
	}
	out->first = (out->number - 1) * out->size;
	out->count = total - out->first < out->size ? total - out->first :
	    out->size;
	return true;
}

static bool
is_paging_arg(const char *arg, size_t len)
{
	size_t name;

	name = strcspn(arg, "=&");
	if (name > len)
		name = len;
	return (name == 4 && strncasecmp(arg, "page", 4) == 0) ||
	    (name == 8 && strncasecmp(arg, "pageSize", 8) == 0);
}

/* Append the query's arguments other than page and pageSize to buf,
 * each followed by '&'; bytes unsafe in a header are percent-encoded. */
static void
keep_other_args(char *buf, size_t cap, const char *query)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t used = 0, len, i;
	unsigned char c;

	while (query != NULL && *query != '\0') {
		len = strcspn(query, "&");
		for (i = 0; len > 0 && !is_paging_arg(query, len) &&
		    i < len && used + 4 < cap; i++) {
			c = (unsigned char)query[i];
			if (c <= 0x20 || c >= 0x7f || c == '<' || c == '>') {
				buf[used++] = '%';
				buf[used++] = hex[c >> 4];
				buf[used++] = hex[c & 15];
			} else
				buf[used++] = (char)c;
		}
		if (len > 0 && !is_paging_arg(query, len) && used + 1 < cap)
			buf[used++] = '&';
		query += len;
		if (*query == '&')
			query++;
	}
	buf[used] = '\0';
}

static bool
append_link(char *out, size_t cap, const char *base, const char *args,
    long long page, long long size, const char *rel)
{
	size_t used;
	int n;

	used = strlen(out);
	n = snprintf(out + used, cap - used, "%s<%s?%spage=%lld&pageSize="
	    "%lld>; rel=\"%s\"", used > 0 ? ", " : "", base, args, page, size,
	    rel);
	return n >= 0 && (size_t)n < cap - used;
}

char *
listing_link(const char *base, const char *raw_query, const struct page *p)
{
	char args[LINK_QUERY_MAX];
	size_t cap;
	char *out;
	bool ok = true;

	if (p->last <= 1)
		return NULL;
	keep_other_args(args, sizeof(args), raw_query);
	cap = 4 * (strlen(base) + strlen(args) + 64);
	out = calloc(1, cap);
	if (out == NULL)
		return NULL;
	if (p->number > 1) {
		ok = ok && append_link(out, cap, base, args, 1, p->size,
		    "first");
		ok = ok && append_link(out, cap, base, args, p->number >
		    p->last ? p->last : p->number - 1, p->size, "prev");
	}
	if (p->number < p->last)
		ok = ok && append_link(out, cap, base, args, p->number + 1,
		    p->size, "next");
	ok = ok && append_link(out, cap, base, args, p->last, p->size,
	    "last");
	if (!ok) {
		free(out);
		return NULL;
	}
	return out;
}

static bool
field_listed(const char *fields, const char *name)
{
	const char *p = fields;
	size_t len, top;

	while (*p != '\0') {
		while (*p == ' ' || *p == ',')
			p++;
		len = strcspn(p, ",");
		top = strcspn(p, "/,");
		if (top > len)
			top = len;
		while (top > 0 && p[top - 1] == ' ')
			top--;
		if (top > 0 && strlen(name) == top &&
		    strncasecmp(p, name, top) == 0)
			return true;
		p += len;
	}
	return false;
}

cJSON *
listing_fields(const cJSON *record, const char *fields)
{
	const cJSON *item;
	cJSON *out;

	if (fields == NULL || !cJSON_IsObject(record))
		return cJSON_Duplicate(record, 1);
	out = cJSON_CreateObject();
	if (out == NULL)
		return NULL;
	cJSON_ArrayForEach(item, record) {
		if (!field_listed(fields, item->string))
			continue;
		if (!sj_add(out, item->string, cJSON_Duplicate(item, 1))) {
			cJSON_Delete(out);
			return NULL;
		}
	}
	return out;
}

struct scanner {
	const char	*p;
	char		*err;
	size_t		 errlen;
};

static void
skip_space(struct scanner *s)
{
	while (*s->p == ' ' || *s->p == '\t')
		s->p++;
}

static bool
scan_fail(struct scanner *s, const char *what)
{
	snprintf(s->err, s->errlen, "conditions: %s", what);
	return false;
}

static bool
scan_path(struct scanner *s, struct condition_term *t)
{
	size_t len = 0;

	skip_space(s);
	while (isalnum((unsigned char)s->p[len]) || s->p[len] == '_' ||
	    s->p[len] == '/')
		len++;
	if (len == 0 || !isalpha((unsigned char)s->p[0]))
		return scan_fail(s, "a field name is expected");
	if (len >= sizeof(t->path))
		return scan_fail(s, "field name too long");
	memcpy(t->path, s->p, len);
	t->path[len] = '\0';
	s->p += len;
	return true;
}

static bool
scan_op(struct scanner *s, struct condition_term *t)
{
	skip_space(s);
	if (s->p[0] == '=') {
		t->op = COND_EQ;
		s->p++;
	} else if (s->p[0] == '!' && s->p[1] == '=') {
		t->op = COND_NE;
		s->p += 2;
	} else
		return scan_fail(s, "only = and != are supported");
	return true;
}

static bool
scan_string(struct scanner *s, struct condition_term *t)
{
	size_t len = 0;

	s->p++;
	while (*s->p != '"') {
		if (*s->p == '\0')
			return scan_fail(s, "unterminated string");
		if (*s->p == '\\' && s->p[1] != '\0')
			s->p++;
		if (len + 1 >= sizeof(t->text))
			return scan_fail(s, "string too long");
		t->text[len++] = *s->p++;
	}
	t->text[len] = '\0';
	s->p++;
	t->type = COND_STRING;
	return true;
}

static bool
scan_word(struct scanner *s, const char *word)
{
	size_t len = strlen(word);

	if (strncasecmp(s->p, word, len) != 0 ||
	    isalnum((unsigned char)s->p[len]))
		return false;
	s->p += len;
	return true;
}

static bool
scan_value(struct scanner *s, struct condition_term *t)
{
	char *end;

	skip_space(s);
	if (*s->p == '"')
		return scan_string(s, t);
	t->type = COND_BOOL;
	t->boolean = true;
	if (scan_word(s, "true"))
		return true;
	t->boolean = false;
	if (scan_word(s, "false"))
		return true;
	t->type = COND_NULL;
	if (scan_word(s, "null"))
		return true;
	t->type = COND_NUMBER;
	if (*s->p != '-' && !isdigit((unsigned char)*s->p))
		return scan_fail(s, "a value is expected");
	t->number = strtod(s->p, &end);
	if (end == s->p || isalpha((unsigned char)*end))
		return scan_fail(s, "bad number");
	s->p = end;
	return true;
}

bool
conditions_parse(const char *text, struct conditions *out, char *err,
    size_t errlen)
{
	struct scanner s = { text, err, errlen };
	struct condition_term *t;
	bool joined_by_or = false;

	memset(out, 0, sizeof(*out));
	if (text == NULL)
		return true;
	skip_space(&s);
	while (*s.p != '\0') {
		if (out->n == CONDITION_TERMS_MAX)
			return scan_fail(&s, "too many terms");
		t = &out->terms[out->n];
		t->or_before = joined_by_or;
		if (!scan_path(&s, t) || !scan_op(&s, t) ||
		    !scan_value(&s, t))
			return false;
		out->n++;
		skip_space(&s);
		if (*s.p == '\0')
			break;
		joined_by_or = scan_word(&s, "or");
		if (!joined_by_or && !scan_word(&s, "and"))
			return scan_fail(&s, "\"and\" or \"or\" expected");
		skip_space(&s);
		if (*s.p == '\0')
			return scan_fail(&s, "a term is expected");
	}
	return true;
}

static bool
term_equal(const struct condition_term *t, const cJSON *value)
{
	switch (t->type) {
	case COND_STRING:
		return cJSON_IsString(value) &&
		    strcasecmp(value->valuestring, t->text) == 0;
	case COND_NUMBER:
		return cJSON_IsNumber(value) && value->valuedouble == t->number;
	case COND_BOOL:
		return cJSON_IsBool(value) && cJSON_IsTrue(value) == t->boolean;
	case COND_NULL:
		return value == NULL || cJSON_IsNull(value);
	}
	return false;
}

static bool
term_match(const struct condition_term *t, const cJSON *record)
{
	bool equal;

	equal = term_equal(t, sj_path(record, t->path));
	return t->op == COND_EQ ? equal : !equal;
}

bool
conditions_match(const struct conditions *conds, const cJSON *record)
{
	bool any = false, group = true;
	int i;

	if (conds->n == 0)
		return true;
	for (i = 0; i < conds->n; i++) {
		if (conds->terms[i].or_before) {
			any = any || group;
			group = true;
		}
		group = group && term_match(&conds->terms[i], record);
	}
	return any || group;
}
