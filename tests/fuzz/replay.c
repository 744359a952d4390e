/*
 * replay.c: run a fuzz target over files, without libFuzzer.
 *
 * With no argument it reads every file of the target's seed corpus
 * (FUZZ_CORPUS, set by the build); otherwise each argument is a file or
 * a folder of files.  Used by `make check` so that seeds and saved
 * crash inputs stay regression cases under gcc, ASan and valgrind.
 * Exits 1 when a corpus cannot be read or is empty.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

#define MAX_INPUT (8u * 1024 * 1024)

static int
replay_file(const char *path)
{
	static unsigned char buf[MAX_INPUT];
	FILE *fp = fopen(path, "rb");
	size_t n;

	if (fp == NULL) {
		fprintf(stderr, "replay: cannot open \"%s\"\n", path);
		return -1;
	}
	n = fread(buf, 1, sizeof buf, fp);
	fclose(fp);
	LLVMFuzzerTestOneInput(buf, n);
	return 0;
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* Replay each regular file of dir; returns how many, or -1. */
static int
replay_dir(const char *dir)
{
	struct dirent **names;
	char path[4096];
	struct stat st;
	int n, i, done = 0;

	n = scandir(dir, &names, NULL, by_name);
	if (n < 0) {
		fprintf(stderr, "replay: cannot read \"%s\"\n", dir);
		return -1;
	}
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    replay_file(path) == 0)
			done++;
		free(names[i]);
	}
	free(names);
	return done;
}

static int
replay(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		fprintf(stderr, "replay: no such file \"%s\"\n", path);
		return -1;
	}
	if (S_ISDIR(st.st_mode))
		return replay_dir(path);
	return replay_file(path) == 0 ? 1 : -1;
}

int
main(int argc, char **argv)
{
	int i, n, total = 0;

	LLVMFuzzerInitialize(&argc, &argv);
	if (argc < 2)
		total = replay(FUZZ_CORPUS);
	for (i = 1; i < argc; i++) {
		n = replay(argv[i]);
		if (n < 0)
			return 1;
		total += n;
	}
	printf("replayed %d input%s\n", total, total == 1 ? "" : "s");
	return total > 0 ? 0 : 1;
}
