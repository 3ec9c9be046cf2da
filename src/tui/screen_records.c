/* screen_records.c: the session's own records, changed after it was created: organisation,
 * facilitator, date, the measurement period, the date the management team saw the result,
 * the summary, the agenda (minutes per work area and the time spent), the participants and
 * who is present at this sitting, and the sittings so far. Every change goes through the use
 * cases (ops_edit, ops_set_present), as `kollen edit` does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "kollen/ops_edit.h"
#include "kollen/ops_msg.h"
#include "kollen/ops_room.h"
#include "kollen/text.h"
#include "screen_prompt.h"
#include "theme.h"

/* The rows the cursor visits: the fields, one per area, one per participant, "add". */
enum { ROW_ORG, ROW_FACILITATOR, ROW_DATE, ROW_PERIOD, ROW_SEEN, ROW_SUMMARY, ROW_MINUTES,
       ROW_AREAS };

struct records_state {
    int cur, top;
};

static int n_rows(const struct app *a)
{
    return ROW_AREAS + a->w->bank->n_areas + a->w->ses->n_participants + 1;
}

/* Row r as a participant (0-based), or -1; "add" is n_participants. */
static int person_of(const struct app *a, int r)
{
    int k = r - ROW_AREAS - a->w->bank->n_areas;
    return k >= 0 && k <= a->w->ses->n_participants ? k : -1;
}

void records_open(struct app *a)
{
    struct records_state *s = app_state(a, SCR_RECORDS);
    s->cur = s->top = 0;
    app_push(a, SCR_RECORDS);
}

static const enum tui_msg_id labels[ROW_AREAS] = {
    M_TUI_FORM_ORG, M_TUI_FORM_FACILITATOR, M_TUI_RC_DATE, M_TUI_RC_PERIOD,
    M_TUI_RC_SEEN,  M_TUI_RC_SUMMARY,       M_TUI_RC_MINUTES};

/* The value of field r as shown. */
static void field_value(const struct app *a, int r, struct sbuf *o, int utf8)
{
    const struct session *s = a->w->ses;
    const char *dash = utf8 ? "\xE2\x80\x93" : "-";
    switch (r) {
    case ROW_ORG: sbuf_add(o, s->organisation); break;
    case ROW_FACILITATOR:
        sbuf_add(o, s->facilitator && *s->facilitator ? s->facilitator : dash);
        break;
    case ROW_DATE: sbuf_add(o, s->date); break;
    case ROW_PERIOD:
        if (s->period_from)
            sbuf_addf(o, "%s %s %s", s->period_from, dash, s->period_to);
        else
            sbuf_add(o, tui_msg(M_TUI_RC_NO_PERIOD));
        break;
    case ROW_SEEN: sbuf_add(o, s->management_seen ? s->management_seen : dash); break;
    case ROW_SUMMARY: {
        const char *t = s->summary ? s->summary : tui_msg(M_TUI_RC_NO_SUMMARY);
        const char *nl = strchr(t, '\n');
        sbuf_addn(o, t, nl ? (size_t)(nl - t) : strlen(t));
        if (nl)
            sbuf_addf(o, " %s", utf8 ? "\xE2\x80\xA6" : "...");
        break;
    }
    case ROW_MINUTES: {
        struct agenda_clock c;
        ops_agenda_clock(a->w, 0, &c);
        char t[128];
        tui_msg_format(t, sizeof t, M_TUI_RC_MINUTES_VALUE, c.total_minutes,
                       (int)(c.total_spent / 60));
        sbuf_add(o, c.planned || c.total_spent ? t : tui_msg(M_TUI_RC_NO_AGENDA));
        break;
    }
    default: break;
    }
}

/* Row r's text into o (label column included) and its role when not selected. */
static int row_text(const struct app *a, int r, struct sbuf *o, int utf8)
{
    const struct session *s = a->w->ses;
    const struct bank *b = a->w->bank;
    const struct glyphs *gl = theme_glyphs(utf8);
    char t[256];
    if (r < ROW_AREAS) {
        sbuf_add(o, tui_msg(labels[r]));
        for (int w = text_width(tui_msg(labels[r])); w < 20; w++)
            sbuf_addc(o, ' ');
        field_value(a, r, o, utf8);
        return R_NORMAL;
    }
    int ai = r - ROW_AREAS, k = person_of(a, r);
    if (ai < b->n_areas) {
        int sp = (int)s->agenda[ai].spent;
        tui_msg_format(t, sizeof t, M_TUI_RC_AREA_VALUE, s->agenda[ai].minutes, sp / 60, sp % 60);
        sbuf_addf(o, "  %s", b->areas[ai].short_name ? b->areas[ai].short_name : b->areas[ai].name);
        int w = text_width(o->p ? o->p : "");
        for (; w < 30; w++)
            sbuf_addc(o, ' ');
        sbuf_addf(o, " %s", t);
        return R_NORMAL;
    }
    if (k == s->n_participants) {
        sbuf_addf(o, "  %s", tui_msg(M_TUI_RC_ADD));
        return R_DONE;
    }
    int here = a->w->sitting >= 0 && sitting_is_present(&s->sittings[a->w->sitting], k);
    sbuf_addf(o, "  %s %s", here ? gl->check_on : gl->check_off, s->participants[k].name);
    if (s->participants[k].role[0])
        sbuf_addf(o, ", %s", s->participants[k].role);
    return R_NORMAL;
}

/* A time as people in the room read it: local "2024-05-02 09:30". */
static void when_text(int64_t t, char *buf, size_t n)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (t <= 0 || !localtime_r(&tt, &tm) || !strftime(buf, n, "%Y-%m-%d %H:%M", &tm))
        snprintf(buf, n, "?");
}

/* The titles between the groups of rows: before the agenda, before the participants. */
static void group_title(const struct app *a, int r, struct sbuf *o)
{
    if (r == ROW_AREAS)
        sbuf_add(o, tui_msg(M_TUI_RC_AGENDA));
    else if (r == ROW_AREAS + a->w->bank->n_areas) {
        char when[32] = "";
        if (a->w->sitting >= 0)
            when_text(a->w->ses->sittings[a->w->sitting].start, when, sizeof when);
        char t[160];
        tui_msg_format(t, sizeof t, a->w->sitting >= 0 ? M_TUI_RC_PEOPLE : M_TUI_RC_PEOPLE_NONE,
                       when);
        sbuf_add(o, t);
    }
}

/* The sittings so far, below the rows. */
static int sittings_text(const struct app *a, int i, struct sbuf *o)
{
    const struct session *s = a->w->ses;
    if (i >= s->n_sittings)
        return 0;
    const struct sitting *t = &s->sittings[i];
    char from[32], to[32];
    when_text(t->start, from, sizeof from);
    when_text(t->end, to, sizeof to);
    if (t->end && !strncmp(from, to, 11)) /* the same day: the time alone */
        memmove(to, to + 11, strlen(to + 11) + 1);
    char line[200];
    tui_msg_format(line, sizeof line, t->end ? M_TUI_RC_SITTING : M_TUI_RC_SITTING_OPEN, i + 1,
                   from, t->end ? to : "", t->n_present);
    sbuf_add(o, line);
    return 1;
}

static const struct hint records_hints[] = {{A_SES_EDIT, M_TH_EDIT},
                                            {A_SES_PRESENT, M_TH_PRESENT},
                                            {A_SES_ADD, M_TH_ADD},
                                            {A_SESSION, M_TH_BACK},
                                            {A_HELP, M_TH_HELP},
                                            {A_NONE, M_TUI_NONE}};

/* Each visual line: a group title (-1 - r), a row (r), a sitting (1000 + i), or blank (-1000). */
static int lines_of(const struct app *a, int *v, int max)
{
    int n = 0, rows = n_rows(a);
    for (int r = 0; r < rows && n + 2 < max; r++) {
        if (r == ROW_AREAS || r == ROW_AREAS + a->w->bank->n_areas) {
            v[n++] = -1000;
            v[n++] = -1 - r;
        }
        v[n++] = r;
    }
    if (a->w->ses->n_sittings && n + 2 < max) {
        v[n++] = -1000;
        v[n++] = -2000;
    }
    for (int i = 0; i < a->w->ses->n_sittings && n < max; i++)
        v[n++] = 1000 + i;
    return n;
}

static void records_render(struct app *a, struct grid *g)
{
    struct records_state *s = app_state(a, SCR_RECORDS);
    const struct glyphs *gl = theme_glyphs(g->utf8);
    grid_fill(g, 0, 0, g->cols, " ", R_HEADER);
    char title[400];
    tui_msg_format(title, sizeof title, M_TUI_RC_TITLE, a->w->ses->organisation);
    grid_put_cut(g, 1, 0, g->cols - 2, title, R_HEADER);
    int max = n_rows(a) + 8 + a->w->ses->n_sittings;
    int *v = malloc((size_t)max * sizeof *v);
    int n = v ? lines_of(a, v, max) : 0, h = g->rows - 3, at = 0;
    for (int i = 0; i < n; i++)
        if (v[i] == s->cur)
            at = i;
    if (at < s->top)
        s->top = at > 0 && v[at - 1] < 0 && v[at - 1] > -1000 ? at - 1 : at;
    if (at >= s->top + h)
        s->top = at - h + 1;
    struct sbuf t;
    sbuf_init(&t);
    for (int i = s->top; i < n && i - s->top < h; i++) {
        int y = 2 + i - s->top, role = R_NORMAL, sel = v[i] == s->cur;
        sbuf_reset(&t);
        if (v[i] == -2000) {
            sbuf_add(&t, tui_msg(M_TUI_RC_SITTINGS));
            role = R_TITLE;
        } else if (v[i] >= 1000) {
            sbuf_add(&t, "  ");
            sittings_text(a, v[i] - 1000, &t);
            role = R_DIM;
        } else if (v[i] < 0 && v[i] > -1000) {
            group_title(a, -1 - v[i], &t);
            role = R_TITLE;
        } else if (v[i] >= 0) {
            role = row_text(a, v[i], &t, g->utf8);
        }
        char *clean = text_sanitize_dup(t.p ? t.p : "", 0);
        if (sel) {
            grid_fill(g, 1, y, g->cols - 2, " ", R_SELECTED);
            grid_put(g, 1, y, 1, gl->pointer, R_SELECTED);
        }
        grid_put_cut(g, 2, y, g->cols - 4, clean ? clean : "", sel ? R_SELECTED : role);
        free(clean);
    }
    sbuf_free(&t);
    if (s->top > 0)
        grid_put(g, g->cols - 1, 2, 1, gl->more_up, R_DIM);
    if (s->top + h < n)
        grid_put(g, g->cols - 1, 1 + h, 1, gl->more_down, R_DIM);
    free(v);
    draw_status(a, g, records_hints);
}

/* A prompt for row r, filled with what it holds now. */
static void edit_row(struct app *a, int r)
{
    const struct session *s = a->w->ses;
    struct sbuf t;
    sbuf_init(&t);
    char label[160];
    int k = person_of(a, r);
    if (r == ROW_SUMMARY) {
        summary_open(a);
        sbuf_free(&t);
        return;
    }
    if (r < ROW_AREAS) {
        if (r == ROW_PERIOD && s->period_from)
            sbuf_addf(&t, "%s..%s", s->period_from, s->period_to);
        else if (r == ROW_MINUTES)
            sbuf_addf(&t, "%d", s->minutes);
        else if (r != ROW_PERIOD)
            field_value(a, r, &t, 0);
        if (r == ROW_SEEN && !s->management_seen)
            sbuf_reset(&t);
        if (r == ROW_FACILITATOR && !(s->facilitator && *s->facilitator))
            sbuf_reset(&t);
        if (r == ROW_PERIOD)
            snprintf(label, sizeof label, "%s", tui_msg(M_TUI_RC_PERIOD_PROMPT));
        else
            tui_msg_format(label, sizeof label, M_TUI_RC_PROMPT, tui_msg(labels[r]));
    } else if (k < 0) {
        int ai = r - ROW_AREAS;
        sbuf_addf(&t, "%d", s->agenda[ai].minutes);
        tui_msg_format(label, sizeof label, M_TUI_RC_AREA_PROMPT, a->w->bank->areas[ai].name);
    } else if (k < s->n_participants) {
        sbuf_addf(&t, "%s: %s", s->participants[k].name, s->participants[k].role);
        snprintf(label, sizeof label, "%s", tui_msg(M_TUI_RC_PERSON_PROMPT));
    } else {
        snprintf(label, sizeof label, "%s", tui_msg(M_TUI_RC_PERSON_PROMPT));
    }
    line_open(a, LINE_RECORD, r, label, t.p ? t.p : "");
    sbuf_free(&t);
}

/* Minutes typed: a number in 0..1440, else said why. */
static int minutes_of(struct app *a, const char *text, int *out)
{
    long v;
    if (text_parse_int(text, 0, SESSION_MINUTES_MAX, &v)) {
        app_message_id(a, R_WARN, M_TUI_RC_BAD_MINUTES, text, SESSION_MINUTES_MAX);
        return -1;
    }
    *out = (int)v;
    return 0;
}

void records_accept(struct app *a, int r, const char *typed)
{
    char *text = text_dup(typed);
    if (!text)
        return;
    text_trim(text);
    struct ops_edit e = {0};
    int k = person_of(a, r), m = 0, ok = 1;
    const char *add[2] = {text, NULL};
    switch (r) {
    case ROW_ORG: e.organisation = text; break;
    case ROW_FACILITATOR: e.facilitator = text; break;
    case ROW_DATE: e.date = text; break;
    case ROW_PERIOD: e.period = text; break;
    case ROW_SEEN: e.management_seen = text; break;
    case ROW_MINUTES:
        ok = !minutes_of(a, text, &m);
        e.minutes = m ? m : -1;
        break;
    default:
        if (k < 0) {
            ok = !minutes_of(a, text, &m);
            e.area = r - ROW_AREAS + 1;
            e.area_minutes = m;
        } else if (k == a->w->ses->n_participants) {
            e.add = add;
            ok = *text != '\0';
        } else {
            char *colon = strchr(text, ':');
            if (colon)
                *colon = '\0';
            e.participant = k + 1;
            e.name = text_trim(text);
            e.role = colon ? text_trim(colon + 1) : "";
        }
        break;
    }
    if (ok && !app_edit(a, &e) && !a->w->dirty)
        app_message_id(a, R_NORMAL, M_TUI_RC_SAVED);
    free(text);
}

void records_remove(struct app *a, int k)
{
    if (k < 0 || k >= a->w->ses->n_participants)
        return;
    char *name = text_dup(a->w->ses->participants[k].name);
    const char *rm[2] = {name, NULL};
    struct ops_edit e = {0};
    e.remove = rm;
    if (name && !app_edit(a, &e) && !a->w->dirty)
        app_message_id(a, R_NORMAL, M_TUI_RC_REMOVED, name);
    free(name);
}

static void toggle_present(struct app *a, int k)
{
    if (k < 0 || k >= a->w->ses->n_participants)
        return;
    int here = a->w->sitting >= 0 && sitting_is_present(&a->w->ses->sittings[a->w->sitting], k);
    struct ops_result res;
    struct diags d;
    diags_init(&d);
    if (ops_set_present(a->w, k, !here, app_now(a), &res, &d)) {
        char t[DIAG_TEXT_MAX];
        tui_first_error(&d, t, sizeof t);
        app_message(a, R_WARN, "%s", t);
    } else {
        app_saved(a, &res);
    }
    diags_free(&d);
}

static void ask_remove(struct app *a, int k)
{
    if (k < 0 || k >= a->w->ses->n_participants)
        return;
    char t[600];
    tui_msg_format(t, sizeof t, M_TUI_CONFIRM_REMOVE_PERSON, a->w->ses->participants[k].name);
    confirm_open(a, CONFIRM_REMOVE_PERSON, t);
    ((struct confirm_state *)app_state(a, SCR_CONFIRM))->arg = k;
}

static int records_handle(struct app *a, enum action act, int arg, int key)
{
    (void)arg;
    (void)key;
    struct records_state *s = app_state(a, SCR_RECORDS);
    int n = n_rows(a), page = a->rows - 4 > 1 ? a->rows - 4 : 1;
    int writable = !a->w->read_only;
    switch (act) {
    case A_UP: s->cur--; break;
    case A_DOWN: s->cur++; break;
    case A_PGUP: s->cur -= page; break;
    case A_PGDN: s->cur += page; break;
    case A_HOME: s->cur = 0; break;
    case A_END: s->cur = n - 1; break;
    case A_SES_EDIT:
    case A_SES_PRESENT:
    case A_SES_ADD:
    case A_SES_REMOVE:
        if (!writable) {
            app_message(a, R_WARN, "%s", ops_msg(M_OPS_READ_ONLY));
        } else if (act == A_SES_EDIT) {
            edit_row(a, s->cur);
        } else if (act == A_SES_PRESENT) {
            toggle_present(a, person_of(a, s->cur));
        } else if (act == A_SES_ADD) {
            s->cur = n - 1;
            edit_row(a, s->cur);
        } else {
            ask_remove(a, person_of(a, s->cur));
        }
        break;
    default: return 0;
    }
    n = n_rows(a);
    if (s->cur >= n)
        s->cur = n - 1;
    if (s->cur < 0)
        s->cur = 0;
    return TUI_REDRAW;
}

const struct screen_ops records_screen = {
    .state_size = sizeof(struct records_state),
    .handle = records_handle,
    .render = records_render,
};
