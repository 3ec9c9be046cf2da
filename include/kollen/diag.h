/* diag.h: error codes and the diagnostics list the core fills instead of printing. */
#ifndef KOLLEN_DIAG_H
#define KOLLEN_DIAG_H

#include <stddef.h>

#include "kollen/msg.h"

/* Return codes of every fallible core and store function. */
enum kl_err {
    KL_OK = 0,
    KL_ENOMEM,    /* allocation failed */
    KL_EIO,       /* reading or writing a file failed (errno kept in the diagnostic) */
    KL_EPARSE,    /* malformed file */
    KL_EDATA,     /* well-formed but inconsistent or unknown data */
    KL_EUSAGE,    /* a caller asked for something that cannot be (bad answer text...) */
    KL_EEXIST,    /* refusing to overwrite */
    KL_ELOCKED,   /* another kollen holds the session (see session_lock) */
    KL_ENOLOCK    /* the session could not be locked for another reason (see session_lock) */
};

#define DIAG_TEXT_MAX 512
#define DIAG_FILE_MAX 512

struct diag {
    char file[DIAG_FILE_MAX]; /* "" when no file is involved */
    int line;                 /* 0 when no line applies */
    int is_warning;
    char msg[DIAG_TEXT_MAX];
};

/* A growing list: loaders report every problem they find, not just the first. */
struct diags {
    struct diag *v;
    size_t n, cap;
    size_t dropped; /* problems not kept once the list hit its cap or memory ran out */
};

#define DIAGS_MAX 1000

void diags_init(struct diags *d);
void diags_free(struct diags *d);
void diags_clear(struct diags *d);
/* Number of errors (warnings not counted). */
size_t diags_errors(const struct diags *d);
/* First error, or NULL. */
const struct diag *diags_first_error(const struct diags *d);

/* Add a message of the core's table (see msg.h) formatted with its arguments.
 * file may be NULL. Safe with d == NULL (the message is dropped). */
void diags_add(struct diags *d, const char *file, int line, enum msg_id id, ...);
void diags_warn(struct diags *d, const char *file, int line, enum msg_id id, ...);
/* Add a text already formatted (another layer's message table, see ops_diag). */
void diags_add_text(struct diags *d, const char *file, int line, int is_warning,
                    const char *text);

#endif
