/*
 * cli.c: the command line and the CW_* environment, read into struct
 * options.
 *
 * Order of work: refuse a private key on the command line before getopt
 * can see it (getopt would take "--private-key" for an abbreviation of
 * --private-key-file), parse the flags, fill what is left from the
 * environment, read the key, then report every missing credential in one
 * message.  No message ever repeats a key or a value that held a control
 * character.
 */
#include "cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "secret.h"

#define VALUE_MAX	1024	/* characters an option value may hold */
#define KEY_MAX		4096	/* characters CW_PRIVATE_KEY may hold */
#define CLIENT_ID_URL	"https://developer.connectwise.com/ClientID"

enum {
	OPT_COMPANY = 256,
	OPT_PUBLIC_KEY,
	OPT_CLIENT_ID,
	OPT_SERVER,
	OPT_KEY_FILE,
	OPT_CACERT,
	OPT_RULES,
	OPT_OUTPUT_DIR,
	OPT_NAME,
	OPT_JUNIT,
	OPT_BASELINE,
	OPT_NO_BASELINE,
	OPT_FAIL_ON,
	OPT_JOBS,
	OPT_TIMEOUT,
	OPT_RETRIES
};

static const char short_options[] = "+:hVvq";

static const struct option long_options[] = {
	{ "company", required_argument, NULL, OPT_COMPANY },
	{ "public-key", required_argument, NULL, OPT_PUBLIC_KEY },
	{ "client-id", required_argument, NULL, OPT_CLIENT_ID },
	{ "server", required_argument, NULL, OPT_SERVER },
	{ "private-key-file", required_argument, NULL, OPT_KEY_FILE },
	{ "cacert", required_argument, NULL, OPT_CACERT },
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "output-dir", required_argument, NULL, OPT_OUTPUT_DIR },
	{ "name", required_argument, NULL, OPT_NAME },
	{ "junit", required_argument, NULL, OPT_JUNIT },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "no-baseline", no_argument, NULL, OPT_NO_BASELINE },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "jobs", required_argument, NULL, OPT_JOBS },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "retries", required_argument, NULL, OPT_RETRIES },
	{ "verbose", no_argument, NULL, 'v' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

/* What one parse has seen beyond struct options itself. */
struct parse_state {
	FILE *err;
	int errors;
	int quiet;
	int verbose;
	const char *key_file;		/* borrowed from argv */
	bool given[OPT_RETRIES + 1];	/* flags seen, by option value */
};

static void
cli_error(struct parse_state *st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
cli_error(struct parse_state *st, const char *fmt, ...)
{
	va_list ap;

	st->errors++;
	if (st->err == NULL)
		return;
	fputs("roleaudit: error: ", st->err);
	va_start(ap, fmt);
	vfprintf(st->err, fmt, ap);
	va_end(ap);
	fputc('\n', st->err);
}

static void
add_warning(struct options *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
add_warning(struct options *o, const char *fmt, ...)
{
	int max = (int)(sizeof o->warnings / sizeof o->warnings[0]);
	char text[VALUE_MAX + 256];
	va_list ap;

	if (o->warning_count >= max)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	o->warnings[o->warning_count] = strdup(text);
	if (o->warnings[o->warning_count] != NULL)
		o->warning_count++;
}

static const char *
option_name(int val)
{
	size_t i;

	for (i = 0; long_options[i].name != NULL; i++) {
		if (long_options[i].val == val)
			return long_options[i].name;
	}
	return "?";
}

/* Does this argument spell the option "--private-key", or a shorter
 * prefix of it that getopt would read as --private-key-file? */
static bool
is_private_key_option(const char *arg)
{
	static const char name[] = "private-key";
	size_t len;

	if (strncmp(arg, "--", 2) != 0)
		return false;
	len = strcspn(arg + 2, "=");
	return len >= 2 && len <= sizeof name - 1 &&
	    strncmp(arg + 2, name, len) == 0;
}

static int
refuse_key_in_argv(int argc, char **argv, struct parse_state *st)
{
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (!is_private_key_option(argv[i]))
			continue;
		cli_error(st, "--private-key: the private key must not be "
		    "on the command line, where ps and the shell history "
		    "show it; put it in a file only you can read and give "
		    "--private-key-file FILE, pipe it in with "
		    "--private-key-file -, or set CW_PRIVATE_KEY");
		return -1;
	}
	return 0;
}

static bool
has_control(const char *text)
{
	return secret_has_control(text) != 0;
}

/* Check an option value; the value is echoed only when it is safe. */
static int
check_value(struct parse_state *st, const char *name, const char *value)
{
	if (has_control(value)) {
		cli_error(st, "%s: the value holds a line break or another "
		    "control character; give it on one line", name);
		return -1;
	}
	if (strlen(value) > VALUE_MAX) {
		cli_error(st, "%s: the value is longer than %d characters",
		    name, VALUE_MAX);
		return -1;
	}
	if (strncmp(value, "--", 2) == 0) {
		cli_error(st, "%s: \"%.*s\" looks like an option, not a "
		    "value; give %s VALUE", name,
		    (int)strcspn(value, "="), value, name);
		return -1;
	}
	return 0;
}

static int
set_string(struct parse_state *st, int val, char **slot, const char *value)
{
	char name[64];
	char *copy;

	snprintf(name, sizeof name, "--%s", option_name(val));
	if (check_value(st, name, value) != 0)
		return -1;
	copy = strdup(value);
	if (copy == NULL) {
		cli_error(st, "%s: out of memory", name);
		return -1;
	}
	free(*slot);
	*slot = copy;
	return 0;
}

/* A whole decimal number from min to max, digits only. */
static int
parse_number(struct parse_state *st, int val, const char *text, long min,
    long max, long *out)
{
	long number = 0;
	size_t i, len = strlen(text);

	if (len == 0 || len > 6 || has_control(text))
		goto bad;
	for (i = 0; i < len; i++) {
		if (text[i] < '0' || text[i] > '9')
			goto bad;
		number = number * 10 + (text[i] - '0');
	}
	if (number < min || number > max)
		goto bad;
	*out = number;
	return 0;
bad:
	if (has_control(text) || len > 32)
		cli_error(st, "--%s: the value is not a number from %ld "
		    "to %ld", option_name(val), min, max);
	else
		cli_error(st, "--%s: \"%s\" is not a number from %ld to %ld",
		    option_name(val), text, min, max);
	return -1;
}

static int
parse_fail_on(struct parse_state *st, const char *text, enum fail_on *out)
{
	if (strcmp(text, "regression") == 0)
		*out = FAIL_ON_REGRESSION;
	else if (strcmp(text, "gap") == 0)
		*out = FAIL_ON_GAP;
	else if (strcmp(text, "unknown") == 0)
		*out = FAIL_ON_UNKNOWN;
	else if (has_control(text) || strlen(text) > 32) {
		cli_error(st, "--fail-on: the value is not one of "
		    "regression, gap, unknown");
		return -1;
	} else {
		cli_error(st, "--fail-on: \"%s\" is not one of regression, "
		    "gap, unknown", text);
		return -1;
	}
	return 0;
}

static int
parse_base_name(struct parse_state *st, struct options *o, const char *text)
{
	if (set_string(st, OPT_NAME, &o->name, text) != 0)
		return -1;
	if (text[0] == '\0' || strchr(text, '/') != NULL ||
	    strcmp(text, ".") == 0 || strcmp(text, "..") == 0) {
		cli_error(st, "--name: \"%s\" is not a base name; give a "
		    "name without \"/\", such as horizon-check", text);
		return -1;
	}
	return 0;
}

static int
take_key_file(struct parse_state *st, const char *text)
{
	if (has_control(text) || strlen(text) > VALUE_MAX) {
		cli_error(st, "--private-key-file: the file name holds a "
		    "control character or is too long");
		return -1;
	}
	if (text[0] == '\0') {
		cli_error(st, "--private-key-file: the file name is empty; "
		    "give FILE, or - for standard input");
		return -1;
	}
	st->key_file = text;
	return 0;
}

static int
take_count(struct parse_state *st, int val, const char *text,
    struct options *o)
{
	long number;

	switch (val) {
	case OPT_JOBS:
		if (parse_number(st, val, text, 1, 32, &number) != 0)
			return -1;
		o->jobs = (int)number;
		return 0;
	case OPT_TIMEOUT:
		if (parse_number(st, val, text, 1, 600, &number) != 0)
			return -1;
		o->timeout_ms = number * 1000;
		return 0;
	default:
		if (parse_number(st, val, text, 0, 10, &number) != 0)
			return -1;
		o->retries = (int)number;
		return 0;
	}
}

static int
take_option(struct parse_state *st, int val, const char *arg,
    struct options *o)
{
	if (val >= OPT_COMPANY && val <= OPT_RETRIES)
		st->given[val] = true;
	switch (val) {
	case OPT_COMPANY:
		return set_string(st, val, &o->company, arg);
	case OPT_PUBLIC_KEY:
		return set_string(st, val, &o->public_key, arg);
	case OPT_CLIENT_ID:
		return set_string(st, val, &o->client_id, arg);
	case OPT_SERVER:
		return set_string(st, val, &o->server, arg);
	case OPT_KEY_FILE:
		return take_key_file(st, arg);
	case OPT_CACERT:
		return set_string(st, val, &o->cacert, arg);
	case OPT_RULES:
		return set_string(st, val, &o->rules, arg);
	case OPT_OUTPUT_DIR:
		return set_string(st, val, &o->output_dir, arg);
	case OPT_NAME:
		return parse_base_name(st, o, arg);
	case OPT_JUNIT:
		return set_string(st, val, &o->junit, arg);
	case OPT_BASELINE:
		return set_string(st, val, &o->baseline, arg);
	case OPT_NO_BASELINE:
		o->no_baseline = true;
		return 0;
	case OPT_FAIL_ON:
		return parse_fail_on(st, arg, &o->fail_on);
	default:
		return take_count(st, val, arg, o);
	}
}

/* The long options that the name typed is a prefix of, into list. */
static int
count_matches(const char *typed, size_t len, char *list, size_t listlen)
{
	size_t i, used = 0;
	int count = 0;

	list[0] = '\0';
	for (i = 0; long_options[i].name != NULL; i++) {
		if (strncmp(long_options[i].name, typed, len) != 0)
			continue;
		count++;
		used += (size_t)snprintf(list + used, listlen - used,
		    "%s--%s", count > 1 ? ", " : "", long_options[i].name);
		if (used >= listlen)
			used = listlen - 1;
	}
	return count;
}

static void
report_bad_option(struct parse_state *st, const char *arg)
{
	char list[512];
	int len, matches;

	if (optopt != 0 && strchr(short_options + 2, optopt) != NULL) {
		cli_error(st, "--%s takes no value; see roleaudit --help",
		    option_name(optopt));
		return;
	}
	if (optopt > 255) {
		cli_error(st, "--%s takes no value; see roleaudit --help",
		    option_name(optopt));
		return;
	}
	if (optopt != 0 || arg == NULL || strncmp(arg, "--", 2) != 0) {
		if (optopt > ' ' && optopt < 0x7f)
			cli_error(st, "unknown option \"-%c\"; see roleaudit "
			    "--help", optopt);
		else
			cli_error(st, "unknown option; see roleaudit --help");
		return;
	}
	len = (int)strcspn(arg + 2, "=");
	if (len > 64 || has_control(arg))
		len = 0;
	matches = count_matches(arg + 2, (size_t)len, list, sizeof list);
	if (matches > 1 && len > 0)
		cli_error(st, "option \"--%.*s\" is ambiguous: it could be %s; "
		    "see roleaudit --help", len, arg + 2, list);
	else
		cli_error(st, "unknown option \"--%.*s\"; see roleaudit "
		    "--help", len, arg + 2);
}

static void
report_missing_value(struct parse_state *st)
{
	if (optopt > 255)
		cli_error(st, "--%s needs a value; see roleaudit --help",
		    option_name(optopt));
	else
		cli_error(st, "-%c needs a value; see roleaudit --help",
		    optopt);
}

static int
parse_flags(int argc, char **argv, struct options *o, struct parse_state *st)
{
	int c;

	optind = 0;
	opterr = 0;
	for (;;) {
		c = getopt_long(argc, argv, short_options, long_options,
		    NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'h':
			o->help = true;
			break;
		case 'V':
			o->version = true;
			break;
		case 'v':
			st->verbose++;
			break;
		case 'q':
			st->quiet++;
			break;
		case ':':
			report_missing_value(st);
			return -1;
		case '?':
			report_bad_option(st, argv[optind - 1]);
			return -1;
		default:
			take_option(st, c, optarg, o);
			break;
		}
	}
	if (optind < argc)
		cli_error(st, "unexpected argument at position %d (not "
		    "shown, in case it is a key); roleaudit takes options "
		    "only: see roleaudit --help", optind);
	return 0;
}

static void
check_combinations(struct options *o, struct parse_state *st)
{
	if (st->quiet > 0 && st->verbose > 0)
		cli_error(st, "-q and -v: choose one; -q keeps errors "
		    "only, -v shows more");
	if (st->quiet > 0)
		o->verbosity = -1;
	else
		o->verbosity = st->verbose > 2 ? 2 : st->verbose;

	if (o->no_baseline && o->baseline != NULL)
		cli_error(st, "--baseline and --no-baseline: choose one");
	if (o->no_baseline && o->fail_on == FAIL_ON_REGRESSION)
		cli_error(st, "--fail-on regression needs a baseline to "
		    "compare with: drop --no-baseline");
	if (o->cacert != NULL && access(o->cacert, R_OK) != 0)
		cli_error(st, "--cacert: cannot read \"%s\"; give a file "
		    "of PEM certificates", o->cacert);
	if (o->rules != NULL && access(o->rules, R_OK) != 0)
		cli_error(st, "--rules: cannot read \"%s\"; give a rules "
		    "file, or leave --rules out for the installed profile",
		    o->rules);
}

/* Fill one credential from the environment unless its flag was given. */
static void
take_env(struct options *o, struct parse_state *st, int val, char **slot,
    const char *env_name)
{
	const char *value = getenv(env_name);

	if (value == NULL)
		return;
	if (st->given[val]) {
		if (*slot != NULL && strcmp(*slot, value) != 0)
			add_warning(o, "--%s overrides %s", option_name(val),
			    env_name);
		return;
	}
	if (has_control(value) || strlen(value) > VALUE_MAX) {
		cli_error(st, "%s: the value holds a line break or another "
		    "control character, or is too long; set it on one line",
		    env_name);
		return;
	}
	*slot = strdup(value);
	if (*slot == NULL)
		cli_error(st, "%s: out of memory", env_name);
}

static void
take_environment(struct options *o, struct parse_state *st)
{
	take_env(o, st, OPT_COMPANY, &o->company, "CW_COMPANY");
	take_env(o, st, OPT_PUBLIC_KEY, &o->public_key, "CW_PUBLIC_KEY");
	take_env(o, st, OPT_CLIENT_ID, &o->client_id, "CW_CLIENT_ID");
	take_env(o, st, OPT_SERVER, &o->server, "CW_SERVER");
}

static void
read_key_file(struct options *o, struct parse_state *st)
{
	char err[768], warn[768];

	if (getenv("CW_PRIVATE_KEY") != NULL)
		add_warning(o, "--private-key-file overrides CW_PRIVATE_KEY");
	o->private_key = secret_read_file(st->key_file, err, sizeof err,
	    warn, sizeof warn);
	if (o->private_key == NULL)
		cli_error(st, "--private-key-file: %s", err);
	if (warn[0] != '\0')
		add_warning(o, "%s", warn);
}

static void
take_private_key(struct options *o, struct parse_state *st)
{
	const char *value;

	if (st->key_file != NULL) {
		read_key_file(o, st);
		return;
	}
	value = getenv("CW_PRIVATE_KEY");
	if (value == NULL || value[0] == '\0')
		return;
	if (has_control(value) || strlen(value) > KEY_MAX) {
		cli_error(st, "CW_PRIVATE_KEY: the key holds a line break or "
		    "another control character, or is longer than %d "
		    "characters; set the key alone, on one line", KEY_MAX);
		return;
	}
	o->private_key = strdup(value);
	if (o->private_key == NULL)
		cli_error(st, "CW_PRIVATE_KEY: out of memory");
}

static size_t
append(char *buf, size_t len, size_t used, const char *text)
{
	int n = snprintf(buf + used, len - used, "%s%s",
	    used > strlen("missing:") ? ", " : " ", text);

	if (n < 0 || (size_t)n >= len - used)
		return len - 1;
	return used + (size_t)n;
}

static void
report_missing(struct options *o, struct parse_state *st)
{
	char list[512] = "missing:";
	size_t used = strlen(list);
	bool no_client_id = o->client_id == NULL;

	if (o->company == NULL || o->company[0] == '\0')
		used = append(list, sizeof list, used,
		    "--company (or CW_COMPANY)");
	if (o->public_key == NULL || o->public_key[0] == '\0')
		used = append(list, sizeof list, used,
		    "--public-key (or CW_PUBLIC_KEY)");
	if (o->private_key == NULL && st->key_file == NULL)
		used = append(list, sizeof list, used,
		    "--private-key-file FILE (or CW_PRIVATE_KEY)");
	if (no_client_id)
		used = append(list, sizeof list, used,
		    "--client-id (or CW_CLIENT_ID)");
	if (o->server == NULL || o->server[0] == '\0')
		used = append(list, sizeof list, used,
		    "--server (or CW_SERVER)");
	if (used > strlen("missing:"))
		cli_error(st, "%s; see roleaudit --help", list);

	if (no_client_id)
		cli_error(st, "a Client ID identifies the integration and is "
		    "registered once at " CLIENT_ID_URL);
	else if (o->client_id[0] == '\0')
		cli_error(st, "%s: the Client ID is empty; every request "
		    "needs one: register the integration at " CLIENT_ID_URL
		    " and give its Client ID",
		    st->given[OPT_CLIENT_ID] ? "--client-id" : "CW_CLIENT_ID");
}

static int
set_defaults(struct options *o)
{
	memset(o, 0, sizeof *o);
	o->jobs = 12;
	o->timeout_ms = 30000;
	o->retries = 4;
	o->output_dir = strdup("reports");
	return o->output_dir == NULL ? -1 : 0;
}

int
cli_parse(int argc, char **argv, struct options *out, FILE *err)
{
	struct parse_state st = { .err = err };

	if (set_defaults(out) != 0) {
		cli_error(&st, "out of memory");
		return -1;
	}
	if (refuse_key_in_argv(argc, argv, &st) != 0 ||
	    parse_flags(argc, argv, out, &st) != 0)
		goto fail;
	check_combinations(out, &st);
	if ((out->help || out->version) && st.errors == 0)
		return 0;
	if (out->help || out->version)
		goto fail;

	take_environment(out, &st);
	take_private_key(out, &st);
	report_missing(out, &st);
	if (st.errors == 0)
		return 0;
fail:
	cli_clear(out);
	return -1;
}

static const char *const usage_text[] = {
	"Usage: roleaudit [OPTION]...",
	"Check the security role of a ConnectWise Manage API member before",
	"an integration goes live.  roleaudit sends GET requests only, with",
	"the member's own keys, and writes an XML and an HTML gap report.",
	"",
	"Connection (each flag wins over the variable named after it):",
	"      --server HOST      host, host:port, URL or cloud region",
	"                         (na, eu, au, aus, za)     CW_SERVER",
	"      --company ID       company id, as at login   CW_COMPANY",
	"      --public-key KEY   the member's public key   CW_PUBLIC_KEY",
	"      --private-key-file FILE",
	"                         the private key, from FILE or from",
	"                         standard input with -     CW_PRIVATE_KEY",
	"      --client-id GUID   the integration's ID      CW_CLIENT_ID",
	"      --cacert FILE      trust the CA certificates in FILE (PEM)",
	"      --timeout SECONDS  per request, 1 to 600 (default 30)",
	"      --retries N        retries of a rate-limited or failed",
	"                         request, 0 to 10 (default 4)",
	"      --jobs N           requests in parallel, 1 to 32 (default 12)",
	"",
	"Audit and reports:",
	"      --rules FILE       required-permission table (default: the",
	"                         installed Horizon profile)",
	"      --output-dir DIR   where reports go (default reports)",
	"      --name NAME        base name of the reports (default: the",
	"                         time of the run)",
	"      --junit FILE       also write a JUnit XML file for CI",
	"      --baseline FILE    compare with an earlier XML report",
	"      --no-baseline      compare with nothing",
	"      --fail-on WHAT     regression, gap or unknown (see below)",
	"",
	"Output:",
	"  -v, --verbose          show each request; -vv also answers and",
	"                         decisions",
	"  -q, --quiet            show errors only",
	"  -h, --help             show this help",
	"  -V, --version          show the version",
	"",
	"The private key is never taken from the command line, where ps and",
	"the shell history would show it.  A Client ID is registered at",
	"https://developer.connectwise.com/ClientID.",
	"",
	"Environment:",
	"  CW_SERVER, CW_COMPANY, CW_PUBLIC_KEY, CW_PRIVATE_KEY, CW_CLIENT_ID",
	"                         each used when its flag is not given",
	"  NO_COLOR               when set and not empty: no colour",
	"",
	"Exit status:",
	"  0  no gaps in the required settings",
	"  1  gaps found in required settings",
	"  2  some requirements could not be decided (and no gap was found)",
	"  3  no audit possible: bad input, connection or authentication",
	"  --fail-on regression   1 only when something regressed since the",
	"                         baseline; gaps already there give 0; with",
	"                         no readable baseline, every gap counts",
	"  --fail-on gap          1 on any gap; undecided requirements alone",
	"                         give 0",
	"  --fail-on unknown      2 only when something could not be",
	"                         decided; gaps alone give 0",
	"",
	"See roleaudit(1) for more.",
};

void
cli_usage(FILE *out)
{
	size_t i;

	for (i = 0; i < sizeof usage_text / sizeof usage_text[0]; i++)
		fprintf(out, "%s\n", usage_text[i]);
}

void
cli_clear(struct options *o)
{
	int i;

	if (o == NULL)
		return;
	free(o->company);
	free(o->public_key);
	secret_free(o->private_key);
	free(o->client_id);
	free(o->server);
	free(o->cacert);
	free(o->rules);
	free(o->output_dir);
	free(o->name);
	free(o->junit);
	free(o->baseline);
	for (i = 0; i < o->warning_count; i++)
		free(o->warnings[i]);
	memset(o, 0, sizeof *o);
}
