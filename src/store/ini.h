/* ini.h (store-private): a validated INI file. A strict pre-scan of our own gives line numbers
 * and rejects what iniparser 4.1 would misread; iniparser then reads exactly the scanned bytes. */
#ifndef KOLLEN_STORE_INI_H
#define KOLLEN_STORE_INI_H

#include <stddef.h>

#include "kollen/diag.h"

#define INI_LINE_MAX 1000           /* bytes per line; iniparser 4.1 fails near 1024 */
#define INI_FILE_MAX (16L << 20)    /* bytes per file */
#define INI_KEYS_MAX 200000

struct ini_key {
    char *name;
    int line;
    const char *value; /* raw (still percent-encoded), owned by iniparser's dictionary */
};

struct ini_section {
    char *name;
    int line;
    struct ini_key *keys; /* in file order */
    int n_keys, cap_keys;
};

struct ini {
    char *file; /* as given, for messages */
    struct ini_section *sections; /* in file order */
    int n_sections;
    void *dict; /* iniparser's dictionary */
};

/* Read and validate a file; every problem goes to d with its line. Returns KL_OK, KL_EIO,
 * KL_EPARSE or KL_ENOMEM; *out is set only on KL_OK. */
int ini_load(const char *path, struct ini **out, struct diags *d);
/* The same for bytes in memory (fuzzing, tests); name is used in messages. */
int ini_parse(const char *name, const char *buf, size_t n, struct ini **out, struct diags *d);
void ini_free(struct ini *ini);

const struct ini_section *ini_section(const struct ini *ini, const char *name);
const struct ini_key *ini_key(const struct ini_section *s, const char *key);
/* Raw value or NULL. */
const char *ini_raw(const struct ini_section *s, const char *key);
/* Decoded value (percent-decoded) the caller frees, or NULL when absent / out of memory. */
char *ini_text(const struct ini_section *s, const char *key);
/* Numbered parts key.1, key.2 ... concatenated and decoded; NULL when there are none.
 * A gap (key.3 without key.2) is reported to d. *err set on error. */
char *ini_parts(const struct ini *ini, const struct ini_section *s, const char *key,
                struct diags *d, int *err);
/* Line of a key, or of the section when the key is absent. */
int ini_line(const struct ini_section *s, const char *key);

#endif
