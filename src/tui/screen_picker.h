/* screen_picker.h (tui-private): the session list and the new-session form (screen_picker.c,
 * screen_form.c), with their state. */
#ifndef KOLLEN_TUI_SCREEN_PICKER_H
#define KOLLEN_TUI_SCREEN_PICKER_H

#include <stddef.h>

#include "editor.h"
#include "kollen/ops_list.h"
#include "tui_msg.h"

struct app;

struct picker_state {
    struct ops_list list; /* the sessions of the folder with their summaries */
    int cur;              /* 0: "new session", i: list.v[i - 1] */
    char error[256];      /* the folder cannot be read */
};

enum form_kind { FF_TEXT, FF_CHOICE, FF_BUTTON };

struct form_field {
    enum form_kind kind;
    enum tui_msg_id label;
    struct editor ed;
    int choice, n_choices;
    int participant; /* participant row (1..) of a name/role pair, 0 otherwise */
};

struct form_state {
    struct form_field *f;
    int n;
    int cur;
    int top;
    int file_edited;  /* the file name was typed, not derived from the organisation */
    char *fixed_path; /* kollen SESSION for a file that does not exist yet */
    char **banks;
    int n_banks;
    char **bank_names; /* "Infosäkkollen 2023 (id)" for each id, or NULL when it would not load */
};

/* Read the sessions folder again. */
void picker_load(struct app *a);
/* Create the session the form describes and open it: 0, or -1 with why on the status line. */
int form_submit(struct app *a);
/* A file name from an organisation's name: lower-case ASCII, digits and '-'. */
void form_slug(const char *org, char *out, size_t n);

#endif
