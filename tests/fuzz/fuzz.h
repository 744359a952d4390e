/*
 * fuzz.h: the entry points every fuzz target defines.
 *
 * A target is built twice: with libFuzzer (configure --enable-fuzz, clang)
 * and with replay.c, a plain main() that feeds it each file of its seed
 * corpus, so that `make check` (and valgrind) run the seeds and every
 * saved crash input as regression cases.
 */
#ifndef RA_FUZZ_H
#define RA_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Called once before the first input; may be a no-op. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* One input; borrowed.  Always returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
