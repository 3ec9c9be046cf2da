/* report.h (cli-private): what plans, reports and diffs share: the escaping for each output
 * format, a plan's words, and the report's data gathered once. */
#ifndef KOLLEN_REPORT_H
#define KOLLEN_REPORT_H

#include "cli.h"
#include "kollen/plan.h"

/* Escaping. Every function first sanitises (control characters out, invalid UTF-8 as U+FFFD).
 * Markdown: every ASCII punctuation character backslash-escaped, so nothing a user wrote can
 * open markup, a link, HTML or a table cell; line breaks become "<br>" in a table cell and a
 * hard break ("\" at the end of the line) elsewhere, continuing `prefix` (e.g. "> "). */
void md_escape(struct sbuf *o, const char *s, int in_table, const char *prefix);
/* HTML: & < > " ' as entities; with br, line breaks become <br>. */
void html_escape(struct sbuf *o, const char *s, int br);
/* CSV (RFC 4180): quoted when it holds a quote, comma, CR or LF, quotes doubled; a field that
 * starts with = + - @ tab or CR gets a leading ' so no spreadsheet reads it as a formula. */
void csv_field(struct sbuf *o, const char *s);

/* The words of a plan (plan_goal_text, plan_size_text, plan_step_text, plan_item_parts)
 * live in the core: kollen/plan.h. */
/* A short name of a question: its short text, else its text. */
const char *question_label(const struct question *q);
/* The plan as JSON (an object). */
void plan_json(struct json *j, const struct bank *b, const struct plan *p);

/* A plan rendered: plain text for the terminal (the caller sanitises through cli_put),
 * Markdown (step headings at `depth` #s, areas one deeper), an HTML fragment (<h{depth}>). */
void plan_render_text(struct sbuf *o, const struct bank *b, const struct plan *p, int utf8);
void plan_render_md(struct sbuf *o, const struct bank *b, const struct plan *p, int depth);
void plan_render_html(struct sbuf *o, const struct bank *b, const struct plan *p, int depth);

/* `--target level 3` arrives as two arguments: join a target word and its argument into one
 * ("level 3") in a new argv the caller frees (the strings are argv's or owned by *joined). */
char **plan_join_target(int argc, char **argv, int *new_argc, char **joined);

/* Everything a report shows, gathered once. */
struct report {
    const struct cli *c;
    const struct bank *b;
    const struct session *s;
    struct score sc;
    struct plan plan;                  /* toward the next level */
    int have_plan;
    const struct benchmark *bm;        /* the published benchmark of the session's group */
    int lang_en;
};
int report_gather(struct report *r, const struct cli *c, const struct bank *b,
                  const struct session *s, struct diags *d);
void report_release(struct report *r);
void report_md(struct sbuf *o, const struct report *r);
void report_html(struct sbuf *o, const struct report *r);
void report_csv(struct sbuf *o, const struct report *r);

/* Lines the Markdown and HTML reports share (plain text; the caller escapes). */
void report_level_line(struct sbuf *o, const struct report *r);
void report_totals_line(struct sbuf *o, const struct report *r);
void report_bench_name(struct sbuf *o, const struct report *r);
void report_provenance_counts(struct sbuf *o, const struct bank *b);

/* The answer in words: "1, 3: Beslutad; Följd upp", "2: under 50 %", "" when unanswered. */
void answer_words(struct sbuf *o, const struct bank *b, const struct question *q,
                  const struct answer *a);
/* "ja"/"nej". */
const char *yes_no(int v);
/* A provenance tag in words ("ordagrann", "rekonstruerad"). */
const char *provenance_words(enum provenance p);

/* `kollen check` beside the published benchmark of the session's actor group: a line under the
 * totals, a line under each work area, a "benchmark" object (left out when there is none). */
void check_bench_head(struct sbuf *o, const struct bank *b, const struct session *s,
                      const struct benchmark *bm);
void check_bench_area(struct sbuf *o, const struct cli *c, const struct bank *b,
                      const struct session *s, const struct benchmark *bm, int ai, int name_width,
                      int bar_width);
void check_bench_json(struct json *j, const struct bank *b, const struct session *s);

/* An area's level as reports show it: "1 (1,50)"; scale banks the mean "1,50". */
void area_level_text(struct sbuf *o, const struct bank *b, const struct area_score *as);

/* The decimal comma of the current language. */
int report_comma(void);
/* A value on the 0..n level scale with two decimals ("1,50"), or "–" when unknown (< 0). */
void level_value_text(struct sbuf *o, double v);

#endif
