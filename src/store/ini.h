/* ini.h (store-private): a validated INI file. A strict pre-scan of our own gives line numbers
 * and rejects what iniparser 4.1 would misread; iniparser then reads exactly the scanned keys
 * and values, a bounded number at a time, and must agree with the scan on every value. */
#ifndef KOLLEN_STORE_INI_H
#define KOLLEN_STORE_INI_H

#include <stddef.h>

#include "kollen/diag.h"
#include "kollen/store.h"
#include "kollen/text.h"

#define INI_LINE_MAX STORE_LINE_MAX /* bytes per line */
#define INI_FILE_MAX STORE_FILE_MAX /* bytes per file */
#define INI_KEYS_MAX STORE_KEYS_MAX /* keys and sections per file and per bank folder */
/* Keys and sections per iniparser dictionary. iniparser 4.1 inserts in time linear in the
 * dictionary's size, so the file is handed to it in pieces of this many: loading stays linear
 * in the file's size (bench/compare.sh measures the exponent). Measured with callgrind,
 * `check` of a 100,000-key file / a 3 MB session / the example without the bank cache:
 * 32: 914 / 219 / 21.3 M; 64: 899 / 219 / 21.0 M; 128: 899 / 218 / 21.0 M;
 * 256: 961 / 222 / 21.8 M; 1024: 1422 / 249 / 23.3 M; 4096: 3291 / 337 / 23.3 M. */
#ifndef INI_CHUNK
#define INI_CHUNK 128
#endif
/* A tail of at most a quarter of a chunk goes with the chunk before it rather than alone: a
 * load costs more than the few longer insertions (a lean load of a session, about 130 entries,
 * is one load instead of two). So a chunk holds at most this many. */
#define INI_CHUNK_MAX (INI_CHUNK + INI_CHUNK / 4)

struct ini_key {
    const char *name;  /* NUL-terminated, owned by the struct ini */
    int line;
    const char *value; /* raw (still percent-encoded), as iniparser read it; for a key a lean
                        * load (ini_parse_want) did not hand it, as the scan read it */
    int read;          /* iniparser read it (every key but those a lean load leaves out) */
};

struct ini_section {
    const char *name;
    int line;
    int index;            /* in ini.sections */
    const struct ini *ini; /* the file it belongs to (for lookups) */
    struct ini_key *keys; /* in file order: n_keys of ini.keys from first_key on */
    int n_keys, first_key;
    int read;             /* iniparser read its header: always, but in a lean load only when
                           * it reads one of its keys */
};

struct ini {
    char *file; /* as given, for messages */
    struct ini_section *sections; /* in file order */
    int n_sections, cap_sections;
    struct ini_key *keys; /* every section's keys, in file order */
    int n_keys, cap_keys;
    long n_entries; /* keys and sections */
    char *text;     /* the scanned bytes; names and values point into it */
    void *index;    /* (section, key) -> key, for lookups in constant time */
    int n_reads;    /* iniparser loads, each freed once compared */
    int most_read;  /* the most entries one of them held (at most INI_CHUNK_MAX) */
};

/* Read and validate a file; every problem goes to d with its line. Returns KL_OK, KL_EIO,
 * KL_EPARSE or KL_ENOMEM; *out is set only on KL_OK. Anything but a regular file is refused
 * without blocking (a FIFO, a device). */
int ini_load(const char *path, struct ini **out, struct diags *d);
/* The same with at most max_entries keys and sections (a bank's remaining budget). */
int ini_load_max(const char *path, long max_entries, struct ini **out, struct diags *d);
/* The same for bytes in memory (fuzzing, tests); name is used in messages. */
int ini_parse(const char *name, const char *buf, size_t n, struct ini **out, struct diags *d);
int ini_parse_max(const char *name, const char *buf, size_t n, long max_entries, struct ini **out,
                  struct diags *d);
/* store_reader (kollen/store.h): a memory file kept open, -1 when none could be made. */
struct store_reader {
    int fd;
    size_t size;       /* the memory file's size now */
    struct sbuf chunk; /* the text handed to iniparser, its room kept from load to load */
};

/* Which keys iniparser reads in a lean load: nonzero for key `key` of section `section`. */
typedef int (*ini_want_fn)(const char *section, const char *key);
/* A lean load for bytes in memory: every line scanned and checked as by ini_parse (the same
 * problems with the same lines), but iniparser reads only the keys want accepts (and their
 * sections' headers); the others keep the scan's value, unchecked against iniparser. r holds
 * the memory file to hand iniparser its pieces through, or is NULL for one of the load's own.
 * want NULL: every key, as ini_parse. own: NULL, or buf malloc'ed with room for a NUL after n
 * bytes, which the ini then keeps as its text (freed with it, or here on failure). */
int ini_parse_want(const char *name, const char *buf, char *own, size_t n, ini_want_fn want,
                   struct store_reader *r, struct ini **out, struct diags *d);
void ini_free(struct ini *ini);
/* How the scan looks through a line: INI_SCAN_BEST (SSE2 where the build has it, else 8 bytes
 * at a time in a 64-bit word), or one way for tests to hold against the others: a byte at a
 * time (the reference), SWAR, SSE2 (SWAR where the build has no SSE2). */
enum ini_scan { INI_SCAN_BEST, INI_SCAN_PLAIN, INI_SCAN_SWAR, INI_SCAN_SSE2 };
/* ini_parse with the scan made the given way (the same result whichever). */
int ini_parse_how(const char *name, const char *buf, size_t n, enum ini_scan how, struct ini **out,
                  struct diags *d);

const struct ini_section *ini_section(const struct ini *ini, const char *name);
const struct ini_key *ini_key(const struct ini_section *s, const char *key);
/* Raw value or NULL. */
const char *ini_raw(const struct ini_section *s, const char *key);
/* Decoded value (percent-decoded) the caller frees, or NULL when absent / out of memory. */
char *ini_text(const struct ini_section *s, const char *key);
/* Numbered parts key.1, key.2 ... concatenated and decoded; NULL when there are none.
 * A gap (key.3 without key.2) and a %00 made where two parts meet are reported to d.
 * *err set on error. */
char *ini_parts(const struct ini *ini, const struct ini_section *s, const char *key,
                struct diags *d, int *err);
/* 1 when the numbered parts key.1, key.2 ... (none at all included) are such that ini_parts
 * and session_check_text(text, max, newlines) would find nothing wrong: no gap, and their
 * decoding at most max bytes long, valid UTF-8 and (unless newlines) on one line, known from
 * the raw text (text_percent_plain) without decoding it. 0: nothing known, take ini_parts. */
int ini_parts_plain(const struct ini_section *s, const char *key, size_t max, int newlines);
/* Line of a key, or of the section when the key is absent. */
int ini_line(const struct ini_section *s, const char *key);

#endif
