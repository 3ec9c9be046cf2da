/* screen_picker.c: the session list (kollen with no argument) and the new-session form. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "kollen/msg.h"
#include "kollen/text.h"
#include "screens.h"
#include "theme.h"

/* --- reading the sessions folder --- */

struct bank_cache {
    struct bank **v;
    int n;
};

static struct bank *cached_bank(struct bank_cache *c, const char *dir, const char *id)
{
    for (int i = 0; i < c->n; i++)
        if (!strcmp(c->v[i]->id, id))
            return c->v[i];
    struct diags d;
    diags_init(&d);
    struct bank *b = NULL;
    int rc = bank_load_id(dir, id, &b, &d);
    diags_free(&d);
    if (rc)
        return NULL;
    struct bank **v = realloc(c->v, (size_t)(c->n + 1) * sizeof *v);
    if (!v) {
        bank_free(b);
        return NULL;
    }
    c->v = v;
    c->v[c->n++] = b;
    return b;
}

static void entry_free(struct picker_entry *e)
{
    free(e->path);
    free(e->file);
    free(e->org);
    free(e->date);
    free(e->bank);
    free(e->level);
    free(e->error);
}

void app_picker_free(struct app *a)
{
    for (int i = 0; i < a->n_pick; i++)
        entry_free(&a->pick[i]);
    free(a->pick);
    a->pick = NULL;
    a->n_pick = 0;
}

static void read_entry(struct app *a, struct bank_cache *bc, struct picker_entry *e)
{
    struct diags d;
    diags_init(&d);
    char *id = NULL;
    struct bank *b = NULL;
    struct session *s = NULL;
    if (session_read_bank_id(e->path, &id, &d) == KL_OK && id) {
        b = cached_bank(bc, a->questions_dir, id);
        if (!b) {
            char t[300];
            msg_format(t, sizeof t, M_BANK_NOT_FOUND, id, a->questions_dir);
            e->error = text_dup(t);
        } else if (session_load(e->path, b, &s, &d) != KL_OK) {
            s = NULL;
        }
    }
    if (!s) {
        if (!e->error) {
            const struct diag *g = diags_first_error(&d);
            e->error = text_dup(g ? g->msg : "?");
        }
        free(id);
        diags_free(&d);
        return;
    }
    e->org = text_dup(s->organisation);
    e->date = text_dup(s->date);
    e->bank = text_dup(b->name);
    e->modified = s->modified;
    struct score sc;
    if (score_compute(b, s, &sc) == KL_OK) {
        struct sbuf t;
        sbuf_init(&t);
        if (b->kind == BANK_SCALE)
            text_decimal(&t, sc.value, 2, msg_lang() == LANG_SV);
        else
            sbuf_addf(&t, "%d", sc.level);
        e->level = sbuf_take(&t);
        e->answered = sc.answered;
        e->questions = sc.questions;
        score_free(&sc);
    }
    session_free(s);
    free(id);
    diags_free(&d);
}

static int entry_cmp(const void *x, const void *y)
{
    const struct picker_entry *a = x, *b = y;
    if (a->modified != b->modified)
        return a->modified > b->modified ? -1 : 1;
    return strcmp(a->file, b->file);
}

void app_picker_load(struct app *a)
{
    app_picker_free(a);
    a->pick_error[0] = '\0';
    DIR *dir = opendir(a->sessions_dir);
    if (!dir) {
        snprintf(a->pick_error, sizeof a->pick_error, "%s: %s", a->sessions_dir, strerror(errno));
        return;
    }
    struct bank_cache bc = {NULL, 0};
    struct dirent *de;
    while ((de = readdir(dir))) {
        size_t len = strlen(de->d_name);
        if (de->d_name[0] == '.' || len < 5 || strcmp(de->d_name + len - 4, ".ini"))
            continue;
        struct sbuf p;
        sbuf_init(&p);
        sbuf_addf(&p, "%s/%s", a->sessions_dir, de->d_name);
        struct stat st;
        if (!p.p || stat(p.p, &st) || !S_ISREG(st.st_mode)) {
            sbuf_free(&p);
            continue;
        }
        struct picker_entry *v = realloc(a->pick, (size_t)(a->n_pick + 1) * sizeof *v);
        if (!v) {
            sbuf_free(&p);
            break;
        }
        a->pick = v;
        struct picker_entry *e = &a->pick[a->n_pick++];
        memset(e, 0, sizeof *e);
        e->path = sbuf_take(&p);
        e->file = text_dup(de->d_name);
        if (!e->file) {
            entry_free(e);
            a->n_pick--;
            continue;
        }
        read_entry(a, &bc, e);
    }
    closedir(dir);
    for (int i = 0; i < bc.n; i++)
        bank_free(bc.v[i]);
    free(bc.v);
    if (a->n_pick > 1)
        qsort(a->pick, (size_t)a->n_pick, sizeof *a->pick, entry_cmp);
    if (a->pick_cur > a->n_pick)
        a->pick_cur = a->n_pick;
}

/* --- the picker screen --- */

static const int pick_hint_actions[] = {A_ENTER, A_NEW, A_HELP, A_QUIT};
static const int pick_hint_labels[] = {M_TH_OPEN, M_TH_NEW, M_TH_HELP, M_TH_QUIT};

void picker_render(struct app *a, struct grid *g)
{
    int w = g->cols;
    grid_fill(g, 0, 0, w, " ", R_HEADER);
    char title[400];
    msg_format(title, sizeof title, M_TUI_PICK_TITLE, a->sessions_dir);
    grid_put_cut(g, 1, 0, w - 2, title, R_HEADER);
    /* columns: organisation (the rest), date 10, bank, level 6, answered 9 */
    int dw = 10, lw = 6, aw = 9, bw = w >= 110 ? 28 : 18;
    int ow = w - 2 - dw - bw - lw - aw - 4 - 2;
    int xo = 3, xd = xo + ow + 1, xb = xd + dw + 1, xl = xb + bw + 1, xa = xl + lw + 1;
    char cols[256];
    snprintf(cols, sizeof cols, "%s", msg(M_TUI_PICK_COLS));
    char *save = NULL, *c[5] = {0};
    int k = 0;
    for (char *tok = strtok_r(cols, "|", &save); tok && k < 5; tok = strtok_r(NULL, "|", &save))
        c[k++] = tok;
    int xs[5] = {xo, xd, xb, xl, xa}, ws[5] = {ow, dw, bw, lw, aw};
    for (int i = 0; i < k; i++)
        grid_put_cut(g, xs[i], 2, ws[i], c[i], R_TITLE);
    int rows = g->rows - 5, n = a->n_pick + 1;
    int top = 0;
    if (n > rows) {
        top = a->pick_cur - rows / 2;
        if (top < 0)
            top = 0;
        if (top > n - rows)
            top = n - rows;
    }
    const struct glyphs *gl = theme_glyphs(g->utf8);
    for (int row = 0; row < rows && top + row < n; row++) {
        int i = top + row, y = 3 + row;
        int sel = i == a->pick_cur;
        int role = sel ? R_SELECTED : R_NORMAL;
        grid_fill(g, 1, y, w - 2, " ", role);
        if (sel)
            grid_put(g, 1, y, 1, gl->pointer, role);
        if (i == 0) {
            grid_put_cut(g, xo, y, w - xo - 1, msg(M_TUI_PICK_NEW), sel ? role : R_DONE);
            continue;
        }
        const struct picker_entry *e = &a->pick[i - 1];
        if (e->error) {
            char t[400];
            msg_format(t, sizeof t, M_TUI_PICK_BROKEN, e->error);
            grid_put_cut(g, xo, y, ow, e->file, role);
            grid_put_cut(g, xd, y, w - xd - 1, t, sel ? role : R_WARN);
            continue;
        }
        grid_put_cut(g, xo, y, ow, e->org && e->org[0] ? e->org : e->file, role);
        grid_put_cut(g, xd, y, dw, e->date, role);
        grid_put_cut(g, xb, y, bw, e->bank, role);
        if (e->level)
            grid_put_cut(g, xl, y, lw, e->level, role);
        char t[32];
        snprintf(t, sizeof t, "%d/%d", e->answered, e->questions);
        grid_put_cut(g, xa, y, aw, t, role);
    }
    if (a->n_pick == 0)
        grid_put_cut(g, xo, 5, w - xo - 1, msg(M_TUI_PICK_EMPTY), R_DIM);
    if (a->pick_error[0])
        grid_put_cut(g, xo, g->rows - 3, w - xo - 1, a->pick_error, R_WARN);
    struct sbuf h;
    sbuf_init(&h);
    hints_text(&h, g->utf8, pick_hint_actions, pick_hint_labels, 4);
    draw_status(a, g, h.p);
    sbuf_free(&h);
}

int picker_handle(struct app *a, int key)
{
    int n = a->n_pick + 1, page = a->rows - 6 > 1 ? a->rows - 6 : 1;
    char why[600];
    switch (keymap_lookup(CX_PICKER, key, NULL)) {
    case A_UP: a->pick_cur--; break;
    case A_DOWN: a->pick_cur++; break;
    case A_PGUP: a->pick_cur -= page; break;
    case A_PGDN: a->pick_cur += page; break;
    case A_HOME: a->pick_cur = 0; break;
    case A_END: a->pick_cur = n - 1; break;
    case A_NEW: app_form_open(a, NULL); break;
    case A_ENTER:
        if (a->pick_cur == 0) {
            app_form_open(a, NULL);
        } else {
            const struct picker_entry *e = &a->pick[a->pick_cur - 1];
            if (app_open(a, e->path, 0, why, sizeof why) < 0) {
                char t[800];
                msg_format(t, sizeof t, M_TUI_OPEN_FAILED, e->file, why);
                app_message(a, R_WARN, "%s", t);
            }
        }
        break;
    case A_HELP:
        a->help_top = 0;
        app_push(a, SCR_HELP);
        break;
    case A_REFRESH: return TUI_REDRAW | TUI_CLEAR;
    case A_QUIT: return TUI_QUIT;
    default: return 0;
    }
    if (a->pick_cur < 0)
        a->pick_cur = 0;
    if (a->pick_cur > n - 1)
        a->pick_cur = n - 1;
    return TUI_REDRAW;
}

/* --- the new-session form --- */

enum { F_ORG, F_GROUP, F_BANK, F_FACILITATOR, F_FILE };

static int add_field(struct form *f, int kind, int label, int participant)
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

void app_form_free(struct app *a)
{
    struct form *f = &a->form;
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

static const char *const group_values[] = {"kommun", "region", "myndighet", "annan"};

static int field_index(const struct form *f, int which)
{
    /* the fixed fields come first in this order; F_FILE is left out for a given path */
    if (which == F_FILE && f->fixed_path)
        return -1;
    return which;
}

static void update_file(struct app *a)
{
    struct form *f = &a->form;
    int fi = field_index(f, F_FILE);
    if (fi < 0 || f->file_edited)
        return;
    char slug[64], date[16], name[96];
    app_slug(editor_text(&f->f[F_ORG].ed), slug, sizeof slug);
    text_format_date(app_now(a), date, sizeof date);
    snprintf(name, sizeof name, "%s-%s", slug, date);
    editor_set(&f->f[fi].ed, name);
}

void app_form_open(struct app *a, const char *fixed_path)
{
    app_form_free(a);
    struct form *f = &a->form;
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
    if (fixed_path)
        f->fixed_path = text_dup(fixed_path);
    int ok = !add_field(f, FF_TEXT, M_TUI_FORM_ORG, 0) &&
             !add_field(f, FF_CHOICE, M_TUI_FORM_GROUP, 0) &&
             !add_field(f, FF_CHOICE, M_TUI_FORM_BANK, 0) &&
             !add_field(f, FF_TEXT, M_TUI_FORM_FACILITATOR, 0) &&
             (fixed_path || !add_field(f, FF_TEXT, M_TUI_FORM_FILE, 0)) &&
             !add_field(f, FF_TEXT, M_TUI_FORM_PARTICIPANT, 1) &&
             !add_field(f, FF_TEXT, M_TUI_FORM_ROLE, 1) &&
             !add_field(f, FF_BUTTON, M_TUI_FORM_CREATE, 0);
    if (!ok) {
        app_message(a, R_WARN, "%s", msg(M_SES_NO_MEMORY));
        return;
    }
    f->f[F_GROUP].n_choices = 4;
    f->f[F_BANK].n_choices = f->n_banks;
    for (int i = 0; i < f->n_banks; i++)
        if (!strcmp(f->banks[i], "infosakkollen-2023"))
            f->f[F_BANK].choice = i;
    update_file(a);
    f->cur = 0;
    app_push(a, SCR_FORM);
}

/* Keep one empty participant row at the end. */
static void grow_participants(struct app *a)
{
    struct form *f = &a->form;
    int last = f->n - 3; /* name of the last participant row (before role and button) */
    if (last < 0 || f->f[last].participant == 0 || !editor_text(&f->f[last].ed)[0])
        return;
    if (f->f[last].participant >= SESSION_PARTICIPANTS_MAX)
        return;
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

int app_form_submit(struct app *a)
{
    struct form *f = &a->form;
    char *org = text_dup(editor_text(&f->f[F_ORG].ed));
    if (!org)
        return -1;
    text_trim(org);
    if (!*org) {
        app_message(a, R_WARN, "%s", msg(M_TUI_FORM_NEED_ORG));
        f->cur = F_ORG;
        free(org);
        return -1;
    }
    if (!f->n_banks) {
        char t[400];
        msg_format(t, sizeof t, M_TUI_FORM_NO_BANKS, a->questions_dir);
        app_message(a, R_WARN, "%s", t);
        free(org);
        return -1;
    }
    struct sbuf p;
    sbuf_init(&p);
    int in_sessions = 0;
    if (f->fixed_path) {
        sbuf_add(&p, f->fixed_path);
    } else {
        char *file = text_dup(editor_text(&f->f[F_FILE].ed));
        if (file)
            text_trim(file);
        char slug[64];
        if (!file || !*file || strchr(file, '/')) {
            app_slug(file && *file ? file : org, slug, sizeof slug);
            sbuf_addf(&p, "%s/%s.ini", a->sessions_dir, slug);
        } else {
            sbuf_addf(&p, "%s/%s%s", a->sessions_dir, file, strchr(file, '.') ? "" : ".ini");
        }
        free(file);
        in_sessions = 1;
    }
    char *path = sbuf_take(&p);
    struct diags d;
    diags_init(&d);
    struct bank *b = NULL;
    struct session *s = NULL;
    int rc = path ? bank_load_id(a->questions_dir, f->banks[f->f[F_BANK].choice], &b, &d)
                  : KL_ENOMEM;
    char date[16];
    text_format_date(app_now(a), date, sizeof date);
    if (!rc) {
        s = session_new(b, org, (enum actor_group)f->f[F_GROUP].choice, date, app_now(a));
        rc = s ? KL_OK : KL_ENOMEM;
    }
    if (!rc && editor_text(&f->f[F_FACILITATOR].ed)[0])
        rc = session_set_text(&s->facilitator, editor_text(&f->f[F_FACILITATOR].ed),
                              SESSION_FIELD_MAX, &d);
    for (int i = 0; !rc && i + 1 < f->n; i++) {
        if (!f->f[i].participant || f->f[i].label != M_TUI_FORM_PARTICIPANT)
            continue;
        char *name = text_dup(editor_text(&f->f[i].ed));
        char *role = text_dup(editor_text(&f->f[i + 1].ed));
        if (name && role) {
            text_trim(name);
            text_trim(role);
            if (*name)
                rc = session_add_participant(s, name, role, &d);
        } else {
            rc = KL_ENOMEM;
        }
        free(name);
        free(role);
    }
    if (!rc && in_sessions && mkdir(a->sessions_dir, 0700) && errno != EEXIST) {
        char t[600];
        msg_format(t, sizeof t, M_TUI_NO_SESSIONS_DIR, a->sessions_dir, strerror(errno));
        app_message(a, R_WARN, "%s", t);
        rc = KL_EIO;
    } else if (!rc) {
        rc = session_save(path, b, s, 1, &d);
        if (rc == KL_EEXIST) {
            char t[600];
            msg_format(t, sizeof t, M_TUI_FORM_EXISTS, path);
            app_message(a, R_WARN, "%s", t);
        } else if (rc) {
            const struct diag *g = diags_first_error(&d);
            char t[700];
            msg_format(t, sizeof t, M_TUI_FORM_FAILED, g ? g->msg : msg(M_SES_NO_MEMORY));
            app_message(a, R_WARN, "%s", t);
        }
    } else if (rc && !a->msg[0]) {
        const struct diag *g = diags_first_error(&d);
        char t[700];
        msg_format(t, sizeof t, M_TUI_FORM_FAILED, g ? g->msg : msg(M_SES_NO_MEMORY));
        app_message(a, R_WARN, "%s", t);
    }
    session_free(s);
    bank_free(b);
    diags_free(&d);
    free(org);
    if (!rc) {
        char why[600];
        if (app_open(a, path, 0, why, sizeof why) < 0) {
            char t[800];
            msg_format(t, sizeof t, M_TUI_OPEN_FAILED, path, why);
            app_message(a, R_WARN, "%s", t);
            rc = -1;
        } else {
            app_form_free(a);
        }
    }
    free(path);
    return rc ? -1 : 0;
}

/* The row of field i (participant name and role share one). */
static int field_row(const struct form *f, int i)
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

void form_render(struct app *a, struct grid *g)
{
    struct form *f = &a->form;
    int w = g->cols;
    grid_fill(g, 0, 0, w, " ", R_HEADER);
    struct sbuf t;
    sbuf_init(&t);
    sbuf_add(&t, msg(M_TUI_FORM_TITLE));
    if (f->fixed_path)
        sbuf_addf(&t, ": %s", f->fixed_path);
    grid_put_cut(g, 1, 0, w - 2, t.p ? t.p : "", R_HEADER);
    sbuf_free(&t);
    int labw = 18, x = 2 + labw, fw = w - x - 3;
    if (fw > 60)
        fw = 60;
    int rows = g->rows - 5, y0 = 2;
    int cur_row = field_row(f, f->cur);
    if (cur_row < f->top)
        f->top = cur_row;
    if (cur_row >= f->top + rows)
        f->top = cur_row - rows + 1;
    for (int i = 0; i < f->n; i++) {
        struct form_field *x_ = &f->f[i];
        int row = field_row(f, i) - f->top;
        if (row < 0 || row >= rows)
            continue;
        int y = y0 + row, sel = i == f->cur;
        char label[64];
        if (x_->label == M_TUI_FORM_PARTICIPANT)
            msg_format(label, sizeof label, M_TUI_FORM_PARTICIPANT, x_->participant);
        else
            snprintf(label, sizeof label, "%s", msg((enum msg_id)x_->label));
        if (x_->kind == FF_BUTTON) {
            grid_put_cut(g, x, y, fw, label, sel ? R_SELECTED : R_TITLE);
            continue;
        }
        int fx = x, ww = fw;
        if (x_->participant) {
            int half = (fw - 2) * 55 / 100;
            if (x_->label == M_TUI_FORM_ROLE) {
                int rl = text_width(label) + 1;
                fx = x + half + 2;
                grid_put(g, fx, y, rl, label, R_DIM);
                fx += rl;
                ww = fw - half - 2 - rl;
            } else {
                ww = half;
                grid_put_cut(g, 2, y, labw - 1, label, sel ? R_TITLE : R_NORMAL);
            }
        } else {
            grid_put_cut(g, 2, y, labw - 1, label, sel ? R_TITLE : R_NORMAL);
        }
        if (x_->kind == FF_TEXT) {
            if (sel) {
                draw_line_editor(g, &x_->ed, fx, y, ww, R_INPUT);
            } else {
                grid_fill(g, fx, y, ww, " ", R_INPUT);
                grid_put_cut(g, fx, y, ww, editor_text(&x_->ed), R_INPUT);
            }
        } else {
            const char *v = "";
            if (i == F_GROUP)
                v = group_values[x_->choice];
            else if (i == F_BANK && f->n_banks)
                v = f->bank_names && f->bank_names[x_->choice] ? f->bank_names[x_->choice]
                                                                : f->banks[x_->choice];
            struct sbuf c;
            sbuf_init(&c);
            const struct glyphs *gl = theme_glyphs(g->utf8);
            sbuf_addf(&c, "%s %s %s", sel ? gl->left : " ", v, sel ? gl->right : " ");
            grid_put_cut(g, fx, y, ww, c.p ? c.p : "", sel ? R_SELECTED : R_NORMAL);
            sbuf_free(&c);
        }
    }
    char hint[256];
    char down[32], left[32], right[32];
    keymap_key_name(TK_DOWN, g->utf8, down, sizeof down);
    keymap_key_name(TK_LEFT, g->utf8, left, sizeof left);
    keymap_key_name(TK_RIGHT, g->utf8, right, sizeof right);
    msg_format(hint, sizeof hint, M_TUI_FORM_HINT, down, left, right);
    grid_put_cut(g, 2, g->rows - 2, w - 4, hint, R_DIM);
    draw_status(a, g, NULL);
}

int form_handle(struct app *a, int key)
{
    struct form *f = &a->form;
    if (!f->n)
        return 0;
    struct form_field *x = &f->f[f->cur];
    enum action act = keymap_lookup(CX_FORM, key, NULL);
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
            app_form_submit(a);
        else if (f->cur + 1 < f->n)
            f->cur++;
        return TUI_REDRAW;
    case A_BACK:
        if (f->fixed_path) {
            app_form_free(a);
            return TUI_QUIT;
        }
        app_form_free(a);
        app_pop(a);
        app_picker_load(a);
        return TUI_REDRAW;
    case A_CHOICE_NEXT:
    case A_CHOICE_PREV:
        if (x->kind == FF_CHOICE && x->n_choices > 0)
            x->choice = (x->choice + (act == A_CHOICE_NEXT ? 1 : x->n_choices - 1)) % x->n_choices;
        return TUI_REDRAW;
    default: break;
    }
    if (x->kind != FF_TEXT)
        return 0;
    unsigned long rev = x->ed.rev;
    if (!edit_key(&x->ed, CX_LINE, key, a->cols, 1))
        return 0;
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
