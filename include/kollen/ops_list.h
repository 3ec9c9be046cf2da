/* ops_list.h: the sessions of a folder with a summary of each (what the TUI's session list
 * shows): who, when, which bank, the level and how much is answered. */
#ifndef KOLLEN_OPS_LIST_H
#define KOLLEN_OPS_LIST_H

#include <stdint.h>

#include "kollen/diag.h"

struct ops_entry {
    char *path, *file; /* the file in the folder, and its name */
    char *organisation, *date, *bank_name;
    char *level; /* "2", a scale bank's mean "2,58" (fmt_level); NULL: not scored */
    int answered, questions;
    int64_t modified;
    char *error; /* why the file cannot be read, else NULL (and the fields above are NULL) */
};

struct ops_list {
    struct ops_entry *v; /* the last modified first, then by file name */
    int n;
};

/* The *.ini files of sessions_dir read with their banks from questions_dir. A file that cannot
 * be read is an entry with its error. KL_OK, or KL_EIO when the folder cannot be read (the
 * reason in d; the list empty). Free with ops_list_free. */
int ops_list(const char *sessions_dir, const char *questions_dir, struct ops_list *out,
             struct diags *d);
void ops_list_free(struct ops_list *l);

#endif
