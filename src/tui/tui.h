/* tui.h: the workshop TUI's entry point, called by the command line's main. */
#ifndef KOLLEN_TUI_H
#define KOLLEN_TUI_H

#include <stdint.h>

#include "kollen/bank.h"
#include "kollen/score.h"
#include "kollen/text.h"

struct tui_options {
    const char *questions_dir; /* where banks live */
    const char *sessions_dir;  /* the picker's folder (created 0700 when missing) */
    const char *session_path;  /* open this session; NULL: the picker */
    int64_t (*now)(void);      /* NULL: time(NULL) */
    const char *theme;         /* --theme, or NULL: the session's own, else the standard */
    int follow;                /* kollen follow: a read-only mirror of session_path */
    int follow_question;       /* the mirror starts on the question view (else the room view) */
};

/* Run the TUI until the user quits. Returns an exit code (0 fine, 2 could not start). The
 * UI language is the message table's (msg_set_lang). */
int tui_main(const struct tui_options *o);

#endif
