/*
 * rusage.c: run one command and say what it cost, for the benchmark.
 *
 *	rusage OUTFILE COMMAND [ARG...]
 *
 * Runs COMMAND, waits for it, and writes one line to OUTFILE:
 * "wall_us user_us sys_us maxrss_kb status".  Microseconds, unlike the
 * 10 ms steps of time(1), so that the CPU of a short audit divided by
 * its few dozen probes still means something.  Exits with the command's
 * own status (128 + signal when it was killed).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

static long long
timeval_us(const struct timeval *tv)
{
	return (long long)tv->tv_sec * 1000000 + tv->tv_usec;
}

static long long
elapsed_us(const struct timespec *t0, const struct timespec *t1)
{
	return (long long)(t1->tv_sec - t0->tv_sec) * 1000000 +
	    (t1->tv_nsec - t0->tv_nsec) / 1000;
}

static int
exit_status(int wstatus)
{
	if (WIFEXITED(wstatus))
		return WEXITSTATUS(wstatus);
	if (WIFSIGNALED(wstatus))
		return 128 + WTERMSIG(wstatus);
	return 125;
}

static int
write_cost(const char *path, long long wall, const struct rusage *ru,
    int status)
{
	FILE *out = fopen(path, "w");
	int bad;

	if (out == NULL) {
		fprintf(stderr, "rusage: cannot write \"%s\": %s\n", path,
		    strerror(errno));
		return -1;
	}
	fprintf(out, "%lld %lld %lld %ld %d\n", wall,
	    timeval_us(&ru->ru_utime), timeval_us(&ru->ru_stime),
	    ru->ru_maxrss, status);
	bad = ferror(out) != 0;
	bad |= fclose(out) != 0;
	return bad ? -1 : 0;
}

int
main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	pid_t child;
	int wstatus, status;

	if (argc < 3) {
		fprintf(stderr, "usage: rusage OUTFILE COMMAND [ARG...]\n");
		return 125;
	}

	clock_gettime(CLOCK_MONOTONIC, &t0);
	child = fork();
	if (child == -1) {
		fprintf(stderr, "rusage: fork: %s\n", strerror(errno));
		return 125;
	}
	if (child == 0) {
		execvp(argv[2], &argv[2]);
		fprintf(stderr, "rusage: cannot run \"%s\": %s\n", argv[2],
		    strerror(errno));
		_exit(127);
	}

	if (wait4(child, &wstatus, 0, &ru) == -1) {
		fprintf(stderr, "rusage: wait: %s\n", strerror(errno));
		return 125;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	status = exit_status(wstatus);
	if (write_cost(argv[1], elapsed_us(&t0, &t1), &ru, status) != 0)
		return 125;
	return status;
}
