/* bank_files.h (store-private): a bank folder's files read once into memory, with a hash of
 * each: what the bank cache is keyed by, and what the loader then parses, so the bank that is
 * cached is the bank whose bytes were hashed. */
#ifndef KOLLEN_STORE_BANK_FILES_H
#define KOLLEN_STORE_BANK_FILES_H

#include <stddef.h>
#include <stdint.h>

#include "kollen/bank.h"
#include "kollen/diag.h"

struct bank_file {
    char *name; /* in the folder, e.g. "questions-1.ini" */
    char *data;
    size_t len;
    uint64_t hash;
};

struct bank_files {
    struct bank_file *v; /* sorted by name */
    int n;
};

/* Every *.ini file of the folder (names not starting with '.'), read whole. Returns 0, or -1
 * when one cannot be read as the loader would read it (missing, not a regular file, too big):
 * load from disk then, so the loader says why. */
int bank_files_read(const char *dir, struct bank_files *out);
void bank_files_free(struct bank_files *f);
const struct bank_file *bank_files_find(const struct bank_files *f, const char *name);

/* bank_load reading the bank's files from files (NULL: from the folder). */
int bank_load_files(const char *dir, int strict, const struct bank_files *files,
                    struct bank **out, struct diags *d);

/* The cache (bank_cache.c): the bank in dir, parsed once. */
int bank_load_cached(const char *dir, struct bank **out, struct diags *d);

/* A 64-bit hash of n bytes (not cryptographic: it finds changed files and damaged caches). */
uint64_t store_hash64(const void *p, size_t n, uint64_t seed);

#endif
