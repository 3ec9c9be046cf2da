/* screen_form.c: a new session: organisation, actor group, bank, facilitator, file name and
 * participants; created by the same use case as `kollen new` (ops_create) and opened. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "kollen/msg.h"
#include "kollen/ops_paths.h"
#include "kollen/store.h"
#include "kollen/text.h"
#include "screen_picker.h"
#include "theme.h"

enum { F_ORG, F_GROUP, F_BANK, F_FACILITATOR, F_MINUTES, F_FILE };

/* A workshop's planned length when the form is opened (the two-hour workshop). */
#define FORM_MINUTES "120"

static const char *const group_values[] = {"kommun", "region", "myndighet", "annan"};

static struct form_state *fs(struct app *a)
{
    return app_state(a, SCR_FORM);
}

static int add_field(struct form_state *f, enum form_kind kind, enum tui_msg_id label,
                     int participant)
{
    struct form_field *v = realloc(f->f, (size_t)(f->n + 1) * sizeof *v);
    if (!v)
        return -1;
    f->f = v;
    struct form_field *x = &f->f[f->n];
    memset(x, 0, sizeof *x);
    x->kind = kind;
    x->label = label;
    x->participant = participant;
    if (editor_init(&x->ed, NULL, SESSION_FIELD_MAX, 0))
        return -1;
    f->n++;
    return 0;
}

static void form_clear(struct form_state *f)
{
    for (int i = 0; i < f->n; i++)
        editor_free(&f->f[i].ed);
    free(f->f);
    free(f->fixed_path);
    for (int i = 0; f->bank_names && i < f->n_banks; i++)
        free(f->bank_names[i]);
    free(f->bank_names);
    bank_list_free(f->banks, f->n_banks);
    memset(f, 0, sizeof *f);
}

static void form_free(struct app *a, void *state)
{
    (void)a;
    form_clear(state);
}

void form_slug(const char *org, char *out, size_t n)
{
    size_t k = 0, i = 0, len = strlen(org);
    int dash = 0;
    if (n == 0)
        return;
    while (i < len && k + 2 < n) {
        uint32_t cp;
        size_t m = utf8_decode(org + i, len - i, &cp);
        i += m ? m : 1;
        char c = 0;
        if (cp < 128 && ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')))
            c = (char)cp;
        else if (cp >= 'A' && cp <= 'Z')
            c = (char)(cp - 'A' + 'a');
        else if (cp == 0xE5 || cp == 0xE4 || cp == 0xC5 || cp == 0xC4) /* å ä Å Ä */
            c = 'a';
        else if (cp == 0xF6 || cp == 0xD6) /* ö Ö */
            c = 'o';
        else if (cp == 0xE9 || cp == 0xC9) /* é É */
            c = 'e';
        if (c) {
            if (dash && k > 0)
                out[k++] = '-';
            out[k++] = c;
            dash = 0;
        } else {
            dash = 1;
        }
        if (k >= 40)
            break;
    }
    out[k] = '\0';
    if (k == 0)
        snprintf(out, n, "session");
}

static int field_index(const struct form_state *f, int which)
{
    /* the fixed fields come first in this order; F_FILE is left out for a given path */
    if (which == F_FILE && f->fixed_path)
        return -1;
    return which;
}

/* The file name follows the organisation until it is typed itself. */
static void update_file(struct app *a)
{
    struct form_state *f = fs(a);
    int fi = field_index(f, F_FILE);
    if (fi < 0 || f->file_edited)
        return;
    char slug[64], date[16], name[96];
    form_slug(editor_text(&f->f[F_ORG].ed), slug, sizeof slug);
    text_format_date(app_now(a), date, sizeof date);
    snprintf(name, sizeof name, "%s-%s", slug, date);
    editor_set(&f->f[fi].ed, name);
}

/* The banks of the questions folder with their names, for the bank field. */
static void load_banks(struct app *a, struct form_state *f)
{
    struct diags d;
    diags_init(&d);
    bank_list(a->questions_dir, &f->banks, &f->n_banks, &d);
    f->bank_names = calloc((size_t)(f->n_banks ? f->n_banks : 1), sizeof *f->bank_names);
    for (int i = 0; f->bank_names && i < f->n_banks; i++) {
        struct bank *b = NULL;
        diags_clear(&d);
        if (bank_load_id(a->questions_dir, f->banks[i], &b, &d) == KL_OK) {
            struct sbuf n;
            sbuf_init(&n);
            sbuf_addf(&n, "%s (%s)", b->name, b->id);
            f->bank_names[i] = sbuf_take(&n);
        }
        bank_free(b);
    }
    diags_free(&d);
}

void form_open(struct app *a, const char *fixed_path)
{
    struct form_state *f = fs(a);
    form_clear(f);
    load_banks(a, f);
    if (fixed_path)
        f->fixed_path = text_dup(fixed_path);
    int ok = !add_field(f, FF_TEXT, M_TUI_FORM_ORG, 0) &&
             !add_field(f, FF_CHOICE, M_TUI_FORM_GROUP, 0) &&
             !add_field(f, FF_CHOICE, M_TUI_FORM_BANK, 0) &&
             !add_field(f, FF_TEXT, M_TUI_FORM_FACILITATOR, 0) &&
             !add_field(f, FF_TEXT, M_TUI_FORM_MINUTES, 0) &&
             (fixed_path || !add_field(f, FF_TEXT, M_TUI_FORM_FILE, 0)) &&
             !add_field(f, FF_TEXT, M_TUI_FORM_PARTICIPANT, 1) &&
             !add_field(f, FF_TEXT, M_TUI_FORM_ROLE, 1) &&
             !add_field(f, FF_BUTTON, M_TUI_FORM_CREATE, 0);
    if (!ok) {
        app_message(a, R_WARN, "%s", msg(M_SES_NO_MEMORY));
        return;
    }
    f->f[F_GROUP].n_choices = 4;
    f->f[F_MINUTES].ed.max = 4;
    editor_set(&f->f[F_MINUTES].ed, FORM_MINUTES);
    f->f[F_BANK].n_choices = f->n_banks;
    for (int i = 0; i < f->n_banks; i++)
        if (!strcmp(f->banks[i], OPS_DEFAULT_BANK))
            f->f[F_BANK].choice = i;
    update_file(a);
    f->cur = 0;
    app_push(a, SCR_FORM);
}

/* Keep one empty participant row at the end. */
static void grow_participants(struct app *a)
{
    struct form_state *f = fs(a);
    int last = f->n - 3; /* name of the last participant row (before role and button) */
    if (last < 0 || f->f[last].participant == 0 || !editor_text(&f->f[last].ed)[0])
        return;
    if (f->f[last].participant >= SESSION_PARTICIPANTS_MAX) {
        app_message_id(a, R_WARN, M_TUI_FORM_PARTICIPANTS_MAX, SESSION_PARTICIPANTS_MAX);
        return;
    }
    int k = f->f[last].participant + 1;
    /* the button moves down: take it off, add a row, put it back */
    struct form_field button = f->f[f->n - 1];
    f->n--;
    if (add_field(f, FF_TEXT, M_TUI_FORM_PARTICIPANT, k) ||
        add_field(f, FF_TEXT, M_TUI_FORM_ROLE, k)) {
        f->f[f->n++] = button; /* room is there: the array held it a moment ago */
        return;
    }
    struct form_field *v = realloc(f->f, (size_t)(f->n + 1) * sizeof *v);
    if (!v) {
        editor_free(&button.ed);
        return;
    }
    f->f = v;
    f->f[f->n++] = button;
}

/* Where the session goes: the path given on the command line, else the file name (or the
 * organisation's slug) in the sessions folder; its name checked as every new session's is.
 * The path, or NULL with why on the status line (a name kollen refuses, no memory). */
static char *target_path(struct app *a, const char *org, int *in_sessions)
{
    struct form_state *f = fs(a);
    *in_sessions = !f->fixed_path;
    char *file = f->fixed_path ? NULL : text_dup(editor_text(&f->f[F_FILE].ed));
    if (file)
        text_trim(file);
    char slug[64] = "";
    if (!f->fixed_path && (!file || !*file || strchr(file, '/'))) {
        form_slug(file && *file ? file : org, slug, sizeof slug);
        snprintf(slug + strlen(slug), sizeof slug - strlen(slug), ".ini");
    }
    const char *arg = f->fixed_path ? f->fixed_path : slug[0] ? slug : file ? file : "";
    struct diags d;
    diags_init(&d);
    char *path = NULL;
    if (ops_session_path_check(a->sessions_dir, arg, 1, &path, &d)) {
        char why[DIAG_TEXT_MAX];
        tui_first_error(&d, why, sizeof why);
        app_message_id(a, R_WARN, M_TUI_FORM_FAILED, why);
        if (!f->fixed_path)
            f->cur = field_index(f, F_FILE);
    }
    diags_free(&d);
    free(file);
    return path;
}

/* The participant rows as name and role pairs (the strings are the editors'). */
static struct ops_person *people(const struct form_state *f, int *n)
{
    struct ops_person *v = calloc((size_t)f->n + 1, sizeof *v);
    *n = 0;
    for (int i = 0; v && i + 1 < f->n; i++)
        if (f->f[i].participant && f->f[i].label == M_TUI_FORM_PARTICIPANT)
            v[(*n)++] = (struct ops_person){editor_text(&f->f[i].ed), editor_text(&f->f[i + 1].ed)};
    return v;
}

/* Create the session at path: 0, or -1 with why on the status line. */
static int create(struct app *a, const char *org, const char *path, int in_sessions)
{
    struct form_state *f = fs(a);
    struct ops_new n = {0};
    n.bank_id = f->banks[f->f[F_BANK].choice];
    n.organisation = org;
    n.group = (enum actor_group)f->f[F_GROUP].choice;
    n.facilitator = editor_text(&f->f[F_FACILITATOR].ed);
    long minutes = 0;
    const char *mt = editor_text(&f->f[F_MINUTES].ed);
    if (*mt && text_parse_int(mt, 0, SESSION_MINUTES_MAX, &minutes)) {
        app_message_id(a, R_WARN, M_TUI_RC_BAD_MINUTES, mt, SESSION_MINUTES_MAX);
        f->cur = F_MINUTES;
        return -1;
    }
    n.minutes = (int)minutes;
    struct ops_person *pp = people(f, &n.n_people);
    n.people = pp;
    n.make_dir = in_sessions ? a->sessions_dir : NULL;
    struct diags d;
    diags_init(&d);
    int rc = pp ? ops_create(a->questions_dir, path, &n, app_now(a), &d) : KL_ENOMEM;
    if (rc == KL_EEXIST) {
        app_message_id(a, R_WARN, M_TUI_FORM_EXISTS, path);
    } else if (rc) {
        char why[DIAG_TEXT_MAX];
        tui_first_error(&d, why, sizeof why);
        app_message_id(a, R_WARN, M_TUI_FORM_FAILED, why);
    }
    free(pp);
    diags_free(&d);
    return rc ? -1 : 0;
}

int form_submit(struct app *a)
{
    struct form_state *f = fs(a);
    char *org = text_dup(editor_text(&f->f[F_ORG].ed));
    if (!org)
        return -1;
    text_trim(org);
    int in_sessions, rc = -1;
    char *path = NULL;
    if (!*org) {
        app_message_id(a, R_WARN, M_TUI_FORM_NEED_ORG);
        f->cur = F_ORG;
    } else if (!f->n_banks) {
        app_message_id(a, R_WARN, M_TUI_FORM_NO_BANKS, a->questions_dir);
    } else if (!(path = target_path(a, org, &in_sessions))) {
        rc = -1; /* why is on the status line */
    } else if (!create(a, org, path, in_sessions)) {
        char why[600];
        rc = app_open(a, path, 0, why, sizeof why) < 0 ? -1 : 0;
        if (rc) {
            char t[800];
            tui_msg_format(t, sizeof t, M_TUI_OPEN_FAILED, path, why);
            app_message(a, R_WARN, "%s", t);
        } else {
            form_clear(f);
            if (!a->msg[0]) /* where it went (a warning about its folder says so already) */
                app_message_id(a, R_NORMAL, M_TUI_FORM_CREATED, path);
        }
    }
    free(path);
    free(org);
    return rc;
}

/* The row of field i (participant name and role share one). */
static int field_row(const struct form_state *f, int i)
{
    int row = 0;
    for (int k = 0; k < i; k++) {
        const struct form_field *x = &f->f[k];
        if (x->participant && x->label == M_TUI_FORM_PARTICIPANT)
            continue; /* its role is on the same row */
        row++;
        if (k + 1 < f->n && f->f[k + 1].participant && !x->participant)
            row++; /* a blank row before the participants */
        if (k + 1 < f->n && f->f[k + 1].kind == FF_BUTTON)
            row++; /* and before the button */
    }
    return row;
}

/* A choice as "◂ value ▸" when selected. */
static void render_choice(struct grid *g, const struct form_state *f, int i, int x, int y, int w,
                          int sel)
{
    const struct form_field *fl = &f->f[i];
    const char *v = "";
    if (i == F_GROUP)
        v = group_values[fl->choice];
    else if (i == F_BANK && f->n_banks)
        v = f->bank_names && f->bank_names[fl->choice] ? f->bank_names[fl->choice]
                                                       : f->banks[fl->choice];
    struct sbuf c;
    sbuf_init(&c);
    const struct glyphs *gl = theme_glyphs(g->utf8);
    sbuf_addf(&c, "%s %s %s", sel ? gl->left : " ", v, sel ? gl->right : " ");
    grid_put_cut(g, x, y, w, c.p ? c.p : "", sel ? R_SELECTED : R_NORMAL);
    sbuf_free(&c);
}

#define LABEL_W 18

/* Field i on row y: its label (a role beside its participant's name), then its value. */
static void render_field(struct grid *g, struct form_state *f, int i, int y, int fw)
{
    struct form_field *fl = &f->f[i];
    int sel = i == f->cur, x = 2 + LABEL_W;
    char label[64];
    if (fl->label == M_TUI_FORM_PARTICIPANT)
        tui_msg_format(label, sizeof label, M_TUI_FORM_PARTICIPANT, fl->participant);
    else
        snprintf(label, sizeof label, "%s", tui_msg(fl->label));
    if (fl->kind == FF_BUTTON) {
        grid_put_cut(g, x, y, fw, label, sel ? R_SELECTED : R_TITLE);
        return;
    }
    int fx = x, ww = fw, half = (fw - 2) * 55 / 100;
    if (fl->participant && fl->label == M_TUI_FORM_ROLE) {
        int rl = text_width(label) + 1;
        fx = x + half + 2;
        grid_put(g, fx, y, rl, label, R_DIM);
        fx += rl;
        ww = fw - half - 2 - rl;
    } else {
        if (fl->participant)
            ww = half;
        grid_put_cut(g, 2, y, LABEL_W - 1, label, sel ? R_TITLE : R_NORMAL);
    }
    if (fl->kind == FF_CHOICE) {
        render_choice(g, f, i, fx, y, ww, sel);
    } else if (sel) {
        draw_line_editor(g, &fl->ed, fx, y, ww, R_INPUT);
    } else {
        grid_fill(g, fx, y, ww, " ", R_INPUT);
        grid_put_cut(g, fx, y, ww, editor_text(&fl->ed), R_INPUT);
    }
}

static void form_render(struct app *a, struct grid *g)
{
    struct form_state *f = fs(a);
    int w = g->cols;
    grid_fill(g, 0, 0, w, " ", R_HEADER);
    struct sbuf t;
    sbuf_init(&t);
    sbuf_add(&t, tui_msg(M_TUI_FORM_TITLE));
    if (f->fixed_path)
        sbuf_addf(&t, ": %s", f->fixed_path);
    grid_put_cut(g, 1, 0, w - 2, t.p ? t.p : "", R_HEADER);
    sbuf_free(&t);
    int fw = w - (2 + LABEL_W) - 3;
    if (fw > 60)
        fw = 60;
    int rows = g->rows - 5, y0 = 2;
    int cur_row = field_row(f, f->cur);
    if (cur_row < f->top)
        f->top = cur_row;
    if (cur_row >= f->top + rows)
        f->top = cur_row - rows + 1;
    for (int i = 0; i < f->n; i++) {
        int row = field_row(f, i) - f->top;
        if (row >= 0 && row < rows)
            render_field(g, f, i, y0 + row, fw);
    }
    char hint[256], down[32], left[32], right[32];
    keymap_key_name(TK_DOWN, g->utf8, 0, down, sizeof down);
    keymap_key_name(TK_LEFT, g->utf8, 0, left, sizeof left);
    keymap_key_name(TK_RIGHT, g->utf8, 0, right, sizeof right);
    tui_msg_format(hint, sizeof hint, M_TUI_FORM_HINT, down, left, right);
    /* the text field being typed in: its size against the limit */
    int sw = f->f[f->cur].kind == FF_TEXT ? draw_size(g, &f->f[f->cur].ed, w - 1, g->rows - 2) : 0;
    grid_put_cut(g, 2, g->rows - 2, w - 4 - sw, hint, R_DIM);
    draw_status(a, g, NULL);
}

/* Esc: back to the list, or out of the program when it was asked to create a given file. */
static int form_back(struct app *a)
{
    struct form_state *f = fs(a);
    int quit = f->fixed_path != NULL;
    form_clear(f);
    if (quit)
        return TUI_QUIT;
    app_pop(a);
    picker_load(a);
    return TUI_REDRAW;
}

/* A key typed into a text field. */
static int form_type(struct app *a, struct form_field *x, int key)
{
    struct form_state *f = fs(a);
    unsigned long rev = x->ed.rev;
    /* the planned minutes take digits only */
    if (f->cur == F_MINUTES && key < TK_SPECIAL && key >= 32 && (key < '0' || key > '9'))
        return 0;
    if (!edit_key(&x->ed, CX_LINE, key, a->cols, 1))
        return 0;
    if (x->ed.full)
        app_message_id(a, R_WARN, M_TUI_FIELD_FULL, x->ed.max);
    if (x->ed.rev != rev) {
        if (f->cur == F_ORG)
            update_file(a);
        else if (f->cur == field_index(f, F_FILE))
            f->file_edited = 1;
        else if (x->participant)
            grow_participants(a);
    }
    return TUI_REDRAW;
}

static int form_handle(struct app *a, enum action act, int arg, int key)
{
    (void)arg;
    struct form_state *f = fs(a);
    if (!f->n)
        return 0;
    struct form_field *x = &f->f[f->cur];
    /* in a text field the keys type, but for those that leave it */
    if (x->kind == FF_TEXT && act != A_FIELD_NEXT && act != A_FIELD_PREV && act != A_SUBMIT &&
        act != A_BACK)
        act = A_NONE;
    switch (act) {
    case A_FIELD_NEXT:
        if (f->cur + 1 < f->n)
            f->cur++;
        return TUI_REDRAW;
    case A_FIELD_PREV:
        if (f->cur > 0)
            f->cur--;
        return TUI_REDRAW;
    case A_SUBMIT:
        if (x->kind == FF_BUTTON)
            form_submit(a);
        else if (f->cur + 1 < f->n)
            f->cur++;
        return TUI_REDRAW;
    case A_BACK: return form_back(a);
    case A_CHOICE_NEXT:
    case A_CHOICE_PREV:
        if (x->kind == FF_CHOICE && x->n_choices > 0)
            x->choice = (x->choice + (act == A_CHOICE_NEXT ? 1 : x->n_choices - 1)) % x->n_choices;
        return TUI_REDRAW;
    default: break;
    }
    return x->kind == FF_TEXT ? form_type(a, x, key) : 0;
}

const struct screen_ops form_screen = {
    .state_size = sizeof(struct form_state),
    .free = form_free,
    .handle = form_handle,
    .render = form_render,
};
