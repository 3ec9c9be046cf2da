/* report_xlsx.c: the report as a workbook through libxlsxwriter, for the management team's
 * spreadsheet: Sammanfattning (levels and points per work area beside the group's published
 * figures), Frågor (a row per question: its text, every option with its tick, the answer, the
 * record), Åtgärdsplan (the steps with owner, due date and status) and Evidens (a row per
 * reference). Numbers are number cells, text is string cells (an answer "1,10" stays text;
 * nothing is ever a formula: every text goes through worksheet_write_string), a note keeps its
 * line breaks in one cell, columns have widths, the header row is frozen, and the printed pages
 * carry the organisation, the date, the page number and the marking. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "kollen/fmt.h"
#include "kollen/msg.h"
#include "report.h"
#include "xlsx_lib.h"

/* A cell holds at most this many characters (Excel's limit); a longer note continues in the
 * columns after it, so the cells put together are the note exactly. */
#define CELL_CHARS 32767
#define NOTE_PARTS 3 /* 64 KiB of notes needs at most three cells */

struct book {
    const struct xlsx_lib *lx; /* the library's functions (loaded on the first workbook) */
    lxw_workbook *wb;
    lxw_format *head, *wrap, *dec2, *dec1, *date, *bold;
    const struct ops_report *r;
    const struct report_opts *ro;
    lxw_error err;
};

/* --- cells: text sanitised (no control characters but line breaks), never a formula --- */

static void text(struct book *k, lxw_worksheet *ws, int row, int col, const char *s,
                 lxw_format *f)
{
    char *clean = text_sanitize_dup(s ? s : "", 1);
    lxw_error e = clean ? k->lx->worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, clean, f)
                        : LXW_ERROR_MEMORY_MALLOC_FAILED;
    if (e && !k->err)
        k->err = e;
    free(clean);
}

static void num(struct book *k, lxw_worksheet *ws, int row, int col, double v, lxw_format *f)
{
    lxw_error e = k->lx->worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, f);
    if (e && !k->err)
        k->err = e;
}

/* A published value, or an empty cell when MSB publishes none. */
static void maybe(struct book *k, lxw_worksheet *ws, int row, int col, double v, lxw_format *f)
{
    if (v >= 0)
        num(k, ws, row, col, v, f);
}

/* A YYYY-MM-DD date as a date cell; anything else as text. */
static void date(struct book *k, lxw_worksheet *ws, int row, int col, const char *s)
{
    int y, m, d;
    if (!s || !*s)
        return;
    if (sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3) {
        text(k, ws, row, col, s, NULL);
        return;
    }
    lxw_datetime dt = {y, m, d, 0, 0, 0};
    lxw_error e = k->lx->worksheet_write_datetime(ws, (lxw_row_t)row, (lxw_col_t)col, &dt, k->date);
    if (e && !k->err)
        k->err = e;
}

/* The bytes of s that make at most n characters (never half a character). */
static size_t chars_prefix(const char *s, size_t n)
{
    size_t i = 0, c = 0;
    while (s[i] && c < n) {
        i++;
        while ((s[i] & 0xC0) == 0x80)
            i++;
        c++;
    }
    return i;
}

/* A note over as many cells as it needs (one unless it passes a cell's limit). */
static void long_text(struct book *k, lxw_worksheet *ws, int row, int col, const char *s)
{
    char *clean = text_sanitize_dup(s ? s : "", 1);
    if (!clean) {
        k->err = LXW_ERROR_MEMORY_MALLOC_FAILED;
        return;
    }
    char *p = clean;
    for (int part = 0; part < NOTE_PARTS && (*p || part == 0); part++) {
        size_t n = chars_prefix(p, CELL_CHARS);
        char keep = p[n];
        p[n] = '\0';
        text(k, ws, row, col + part, p, k->wrap);
        p[n] = keep;
        p += n;
    }
    free(clean);
}

/* The header row: bold, frozen, repeated on every printed page, with column widths. */
static void header(struct book *k, lxw_worksheet *ws, const char *const *names,
                   const double *widths, int n)
{
    for (int c = 0; c < n; c++) {
        text(k, ws, 0, c, names[c], k->head);
        k->lx->worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
    }
    k->lx->worksheet_freeze_panes(ws, 1, 0);
    k->lx->worksheet_repeat_rows(ws, 0, 0);
}

/* "&&" for every '&' (the header's code character); cut to fit the header's limit. */
static void header_text(struct sbuf *o, const char *s, size_t max)
{
    char *clean = text_sanitize_dup(s ? s : "", 0);
    for (const char *p = clean ? clean : ""; *p && o->len + 8 < max; p++) {
        if (*p == '&')
            sbuf_addc(o, '&');
        sbuf_addc(o, *p);
    }
    free(clean);
}

/* Printed: A4, the organisation and date at the top left, the marking at the top right, the
 * page and the pages at the bottom right. */
static void pages(struct book *k, lxw_worksheet *ws, int landscape)
{
    struct sbuf h, f;
    sbuf_init(&h);
    sbuf_init(&f);
    sbuf_add(&h, "&L");
    header_text(&h, k->r->s->organisation, 120);
    sbuf_add(&h, " · ");
    header_text(&h, k->r->s->date, 140);
    if (k->ro->marking && *k->ro->marking) {
        sbuf_add(&h, "&R&\"-,Bold\"");
        header_text(&h, k->ro->marking, LXW_HEADER_FOOTER_MAX);
    }
    sbuf_add(&f, "&R");
    header_text(&f, rep_msg(M_REP_PAGE), 40);
    sbuf_add(&f, "&P");
    header_text(&f, rep_msg(M_REP_PAGE_OF), 60);
    sbuf_add(&f, "&N");
    k->lx->worksheet_set_header(ws, h.p ? h.p : "");
    k->lx->worksheet_set_footer(ws, f.p ? f.p : "");
    k->lx->worksheet_set_paper(ws, 9); /* A4 */
    if (landscape)
        k->lx->worksheet_set_landscape(ws);
    k->lx->worksheet_fit_to_pages(ws, 1, 0);
    sbuf_free(&h);
    sbuf_free(&f);
}

/* --- Sammanfattning --- */

/* The session's facts under the area table: who, when, the result and the caveat. */
static void summary_facts(struct book *k, lxw_worksheet *ws, int row)
{
    const struct ops_report *r = k->r;
    const struct session *s = r->s;
    struct sbuf t;
    sbuf_init(&t);
    text(k, ws, row, 0, rep_msg(M_REP_ORGANISATION), k->bold);
    text(k, ws, row++, 1, s->organisation, NULL);
    text(k, ws, row, 0, rep_msg(M_W_GROUP), k->bold);
    text(k, ws, row++, 1, group_name(s->group), NULL);
    text(k, ws, row, 0, rep_msg(M_REP_DATE), k->bold);
    date(k, ws, row++, 1, s->date);
    text(k, ws, row, 0, rep_msg(M_REP_PERIOD), k->bold);
    report_period(&t, s);
    text(k, ws, row++, 1, t.p, NULL);
    text(k, ws, row, 0, rep_msg(M_REP_BANK), k->bold);
    text(k, ws, row++, 1, r->b->name, NULL);
    sbuf_reset(&t);
    report_level_line(&t, r);
    text(k, ws, row, 0, rep_msg(M_REP_RESULT), k->bold);
    text(k, ws, row++, 1, t.p, NULL);
    sbuf_reset(&t);
    report_bench_name(&t, r);
    text(k, ws, row, 0, rep_msg(M_REP_BENCH), k->bold);
    text(k, ws, row++, 1, t.p, NULL);
    text(k, ws, row, 0, rep_msg(M_REP_CAVEAT_HEAD), k->bold);
    text(k, ws, row++, 1, rep_msg(M_REP_MODEL_NOTE), NULL);
    if (r->b->kind == BANK_SCALE)
        text(k, ws, row++, 1, rep_msg(M_REP_SCALE_CAVEAT), NULL);
    text(k, ws, row++, 1,
         rep_msg(r->b->kind == BANK_SCALE ? M_REP_VALUE_NOTE_SCALE : M_REP_VALUE_NOTE), NULL);
    sbuf_free(&t);
}

static void summary(struct book *k)
{
    const struct ops_report *r = k->r;
    const struct bank *b = r->b;
    lxw_worksheet *ws = k->lx->workbook_add_worksheet(k->wb, rep_msg(M_REP_SHEET_SUMMARY));
    const struct benchmark *from = NULL;
    ops_report_group_value(r, -1, &from);
    char group[256];
    snprintf(group, sizeof group, "%s: %s", rep_msg(M_REP_GROUP_COL),
             from ? (from->name ? from->name : from->id) : "–");
    const char *names[] = {rep_msg(M_W_AREA),
                           b->kind == BANK_SCALE ? rep_msg(M_W_MEAN) : msg(M_W_LEVEL),
                           rep_msg(M_REP_XLSX_VALUE), rep_msg(M_REP_BENCH_SHORT), group,
                           rep_msg(M_W_POINTS), rep_msg(M_REP_XLSX_MAX_POINTS),
                           rep_msg(M_W_ACTIONS), rep_msg(M_REP_XLSX_MAX_ACTIONS)};
    const double widths[] = {48, 12, 14, 12, 24, 10, 12, 10, 12};
    header(k, ws, names, widths, 9);
    int row = 1;
    for (int ai = -1; ai < b->n_areas; ai++, row++) {
        const struct area_score *as = ai < 0 ? NULL : &r->sc.areas[ai];
        const struct benchmark *f;
        text(k, ws, row, 0, ai < 0 ? rep_msg(M_REP_OVERALL) : b->areas[ai].name, NULL);
        maybe(k, ws, row, 1, ops_report_org_value(r, ai), b->kind == BANK_SCALE ? k->dec2 : NULL);
        num(k, ws, row, 2, ai < 0 ? r->sc.value : as->value, k->dec2);
        maybe(k, ws, row, 3, !r->bm ? -1 : ai < 0 ? r->bm->level : r->bm->area_levels[ai], k->dec2);
        maybe(k, ws, row, 4, ops_report_group_value(r, ai, &f), k->dec2);
        num(k, ws, row, 5, (ai < 0 ? r->sc.points_milli : as->points_milli) / 1000.0, k->dec1);
        num(k, ws, row, 6, (ai < 0 ? r->sc.max_points_milli : as->max_points_milli) / 1000.0,
            k->dec1);
        num(k, ws, row, 7, ai < 0 ? r->sc.actions : as->actions, NULL);
        num(k, ws, row, 8, ai < 0 ? r->sc.max_actions : as->max_actions, NULL);
    }
    summary_facts(k, ws, row + 1);
    pages(k, ws, 1);
}

/* --- Frågor --- */

/* Every option on a line of its own, ticked or chosen ones marked "[x]". */
static void options_cell(struct sbuf *t, const struct bank *b, const struct question *q,
                         const struct answer *a)
{
    int n = q->n_options, scale = q->type == QTYPE_SCALE && !n;
    if (scale)
        n = b->scale_max;
    for (int i = 0; i < n; i++) {
        int on = a->answered && (q->type == QTYPE_MULTI ? (a->ticks >> i) & 1 : a->choice == i + 1);
        sbuf_addf(t, "%s%s %d. %s", i ? "\n" : "", on ? "[x]" : "[ ]", i + 1,
                  scale ? b->scale_labels[i] : q->options[i].text);
    }
}

static void question_row(struct book *k, lxw_worksheet *ws, int row, int qi)
{
    const struct ops_report *r = k->r;
    const struct bank *b = r->b;
    const struct question *q = &b->questions[qi];
    const struct answer *a = &r->s->answers[qi];
    struct sbuf t;
    sbuf_init(&t);
    num(k, ws, row, 0, q->number, NULL);
    text(k, ws, row, 1, b->areas[q->area].name, k->wrap);
    text(k, ws, row, 2, q->text, k->wrap);
    options_cell(&t, b, q, a);
    text(k, ws, row, 3, t.p, k->wrap);
    if (a->answered) {
        char v[256];
        answer_format(q, a, v, sizeof v);
        text(k, ws, row, 4, v, NULL); /* "1,10" as it is: text, never a number */
    }
    if (q->scored && a->answered) {
        num(k, ws, row, 5, r->sc.q[qi].actions, NULL);
        num(k, ws, row, 6, r->sc.q[qi].points_milli / 1000.0, k->dec1);
    }
    text(k, ws, row, 7, yes_no(a->documented), NULL);
    text(k, ws, row, 8, yes_no(a->followup), NULL);
    text(k, ws, row, 9, yes_no(a->agreed), NULL);
    sbuf_reset(&t);
    for (int i = 0; i < a->n_dissent; i++)
        sbuf_addf(&t, "%s%s: %s", i ? "\n" : "", a->dissent[i].who, a->dissent[i].view);
    text(k, ws, row, 10, t.p ? t.p : "", k->wrap);
    sbuf_reset(&t);
    for (int i = 0; i < a->n_evidence; i++)
        sbuf_addf(&t, "%s%s", i ? "\n" : "", a->evidence[i]);
    text(k, ws, row, 11, t.p ? t.p : "", k->wrap);
    long_text(k, ws, row, 12, a->note);
    sbuf_free(&t);
}

static void questions(struct book *k)
{
    lxw_worksheet *ws = k->lx->workbook_add_worksheet(k->wb, rep_msg(M_REP_SHEET_QUESTIONS));
    const char *names[12 + NOTE_PARTS] = {
        rep_msg(M_REP_CSV_NUMBER), rep_msg(M_W_AREA),        rep_msg(M_REP_CSV_TEXT),
        rep_msg(M_REP_XLSX_OPTIONS), rep_msg(M_REP_ANSWER),  rep_msg(M_W_ACTIONS),
        rep_msg(M_W_POINTS),       rep_msg(M_REP_DOCUMENTED), rep_msg(M_REP_FOLLOWUP),
        rep_msg(M_REP_CSV_AGREED), rep_msg(M_REP_DISSENT),   rep_msg(M_REP_EVIDENCE)};
    double widths[12 + NOTE_PARTS] = {8, 24, 48, 48, 10, 10, 8, 12, 10, 10, 30, 34};
    int parts = 1; /* the note's columns: more only when a note passes a cell's limit */
    for (int qi = 0; qi < k->r->b->n_questions; qi++) {
        const char *n = k->r->s->answers[qi].note;
        int p = n ? (int)((strlen(n) + 1) / (CELL_CHARS + 1)) + 1 : 1;
        parts = p > parts ? (p > NOTE_PARTS ? NOTE_PARTS : p) : parts;
    }
    char cont[NOTE_PARTS][64];
    for (int p = 0; p < parts; p++) {
        rep_msg_format(cont[p], sizeof cont[p], p ? M_REP_XLSX_NOTE_MORE : M_REP_XLSX_NOTE, p);
        names[12 + p] = cont[p];
        widths[12 + p] = 60;
    }
    header(k, ws, names, widths, 12 + parts);
    for (int qi = 0; qi < k->r->b->n_questions; qi++)
        question_row(k, ws, qi + 1, qi);
    pages(k, ws, 1);
}

/* --- Åtgärdsplan --- */

struct parts_cell {
    struct sbuf *t;
};

static void add_part(void *ctx, const char *part)
{
    struct parts_cell *pc = ctx;
    sbuf_addf(pc->t, "%s%s", pc->t->len ? "\n" : "", part);
}

static void plan_sheet(struct book *k)
{
    const struct ops_report *r = k->r;
    lxw_worksheet *ws = k->lx->workbook_add_worksheet(k->wb, rep_msg(M_REP_SHEET_PLAN));
    const char *names[] = {rep_msg(M_REP_CSV_NUMBER), rep_msg(M_W_AREA),
                           rep_msg(M_REP_XLSX_FOR_LEVEL), rep_msg(M_REP_XLSX_QUICK),
                           rep_msg(M_REP_XLSX_WORK),  rep_msg(M_REP_OWNER),
                           rep_msg(M_REP_DUE),        rep_msg(M_REP_STATUS)};
    const double widths[] = {8, 28, 10, 12, 70, 20, 14, 12};
    header(k, ws, names, widths, 8);
    struct sbuf t;
    sbuf_init(&t);
    for (int i = 0; r->have_plan && i < r->plan.n_items; i++) {
        const struct plan_item *it = &r->plan.items[i];
        const struct answer *a = &r->s->answers[it->question];
        int row = i + 1;
        num(k, ws, row, 0, r->b->questions[it->question].number, NULL);
        text(k, ws, row, 1, r->b->areas[it->area].name, k->wrap);
        num(k, ws, row, 2, it->level, NULL);
        text(k, ws, row, 3, yes_no(it->quick), NULL);
        sbuf_reset(&t);
        struct parts_cell pc = {&t};
        plan_item_parts(r->b, it, add_part, &pc);
        text(k, ws, row, 4, t.p ? t.p : "", k->wrap);
        text(k, ws, row, 5, a->owner, NULL);
        date(k, ws, row, 6, a->due);
        text(k, ws, row, 7, plan_status_words(a->status), NULL);
    }
    sbuf_free(&t);
    pages(k, ws, 1);
}

/* --- Evidens --- */

static void evidence_sheet(struct book *k)
{
    const struct ops_report *r = k->r;
    lxw_worksheet *ws = k->lx->workbook_add_worksheet(k->wb, rep_msg(M_REP_SHEET_EVIDENCE));
    const char *names[] = {rep_msg(M_REP_CSV_NUMBER), rep_msg(M_W_AREA), rep_msg(M_REP_CSV_TEXT),
                           rep_msg(M_REP_REFERENCE), rep_msg(M_REP_DOCUMENTED)};
    const double widths[] = {8, 28, 48, 60, 12};
    header(k, ws, names, widths, 5);
    int row = 1;
    for (int qi = 0; qi < r->b->n_questions; qi++) {
        const struct question *q = &r->b->questions[qi];
        const struct answer *a = &r->s->answers[qi];
        for (int e = 0; e < a->n_evidence; e++, row++) {
            num(k, ws, row, 0, q->number, NULL);
            text(k, ws, row, 1, r->b->areas[q->area].name, k->wrap);
            text(k, ws, row, 2, question_label(q), k->wrap);
            text(k, ws, row, 3, a->evidence[e], k->wrap);
            text(k, ws, row, 4, yes_no(a->documented), NULL);
        }
    }
    pages(k, ws, 0);
}

static void formats(struct book *k)
{
    k->head = k->lx->workbook_add_format(k->wb);
    k->lx->format_set_bold(k->head);
    k->lx->format_set_text_wrap(k->head);
    k->lx->format_set_bottom(k->head, LXW_BORDER_THIN);
    k->bold = k->lx->workbook_add_format(k->wb);
    k->lx->format_set_bold(k->bold);
    k->wrap = k->lx->workbook_add_format(k->wb);
    k->lx->format_set_text_wrap(k->wrap);
    k->lx->format_set_align(k->wrap, LXW_ALIGN_VERTICAL_TOP);
    k->dec2 = k->lx->workbook_add_format(k->wb);
    k->lx->format_set_num_format(k->dec2, "0.00");
    k->dec1 = k->lx->workbook_add_format(k->wb);
    k->lx->format_set_num_format(k->dec1, "0.0");
    k->date = k->lx->workbook_add_format(k->wb);
    k->lx->format_set_num_format(k->date, "yyyy-mm-dd");
}

static int read_all(const char *path, struct sbuf *o)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char buf[65536];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, f)) > 0)
        sbuf_addn(o, buf, got);
    int rc = ferror(f) || o->oom ? -1 : 0;
    fclose(f);
    return rc;
}

/* The workbook written to a private temporary file, read back into o. */
int report_xlsx(struct sbuf *o, const struct ops_report *r, const struct report_opts *ro,
                char *why, size_t n)
{
    char err[400];
    const struct xlsx_lib *lx = xlsx_lib_load(xlsx_lib_soname, err, sizeof err);
    if (!lx) {
        rep_msg_format(why, n, M_REP_XLSX_NO_LIBRARY, xlsx_lib_soname, err);
        return KL_EIO;
    }
    char dir[2048], tmp[4096];
    const char *env = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s", env && *env ? env : "/tmp");
    snprintf(tmp, sizeof tmp, "%s/kollen-xlsx.XXXXXX", dir);
    int fd = mkstemp(tmp); /* 0600: the workbook holds the session's answers */
    if (fd < 0) {
        snprintf(why, n, "%s: %s", tmp, strerror(errno));
        return KL_EIO;
    }
    close(fd);
    struct book k = {0};
    k.lx = lx;
    k.r = r;
    k.ro = ro;
    lxw_workbook_options opt = {0};
    opt.tmpdir = dir;
    k.wb = k.lx->workbook_new_opt(tmp, &opt);
    lxw_error e = k.wb ? LXW_NO_ERROR : LXW_ERROR_MEMORY_MALLOC_FAILED;
    if (k.wb) {
        /* the creation time is the report's "now", so the same session gives the same file */
        char title[1024];
        rep_msg_format(title, sizeof title, M_REP_TITLE, r->b->name, r->s->organisation);
        char *clean = text_sanitize_dup(title, 0);
        char author[] = "kollen";
        lxw_doc_properties props = {0};
        props.title = clean;
        props.author = author;
        props.created = (time_t)ro->now;
        k.lx->workbook_set_properties(k.wb, &props);
        free(clean);
        formats(&k);
        summary(&k);
        questions(&k);
        plan_sheet(&k);
        evidence_sheet(&k);
        e = k.lx->workbook_close(k.wb);
    }
    e = e ? e : k.err;
    int rc = e ? KL_EIO : read_all(tmp, o) ? KL_EIO : KL_OK;
    if (e)
        snprintf(why, n, "xlsx: %s", k.lx->lxw_strerror(e));
    else if (rc)
        snprintf(why, n, "%s: %s", tmp, strerror(errno));
    unlink(tmp);
    return rc;
}
