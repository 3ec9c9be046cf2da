/* bank_cache.h (store-private): the bank cache's parts, for bank_load_cached and its tests. */
#ifndef KOLLEN_STORE_BANK_CACHE_H
#define KOLLEN_STORE_BANK_CACHE_H

#include <stddef.h>

#include "bank_files.h"

#define BANK_CACHE_MAX (64L << 20) /* bytes of a cache file read at most */

/* The cache file for the bank in dir (create: make its folder). 0, or -1 when there is none
 * to use: no $XDG_CACHE_HOME or $HOME, or a folder that is not the user's alone. */
int bank_cache_path(const char *dir, char *out, size_t n, int create);
/* The bank from its cache, if the cache matches files in every respect. 0 or -1. */
int bank_cache_load(const char *dir, const struct bank_files *files, struct bank **out);
/* A bank as cache bytes the caller frees (NULL on allocation failure), sealed. */
char *bank_cache_encode(const struct bank *b, const struct bank_files *files, size_t *len);
/* Cache bytes back to a bank loaded from dir; files NULL: do not compare the bank's files
 * (fuzzing). 0, or -1 when anything does not match. */
int bank_cache_decode(const char *buf, size_t len, const char *dir,
                      const struct bank_files *files, struct bank **out);
/* Recompute the length and checksum in the header (after a test or fuzzer changed bytes). */
void bank_cache_seal(char *buf, size_t len);

#endif
