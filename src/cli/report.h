/* report.h (cli-private): what plans, reports and diffs print with: the escaping for each
 * output format, a plan rendered as text, Markdown, HTML or JSON, and the report's writers
 * over the data ops_report_gather collects (kollen/ops_report.h). */
#ifndef KOLLEN_REPORT_H
#define KOLLEN_REPORT_H

#include "cli.h"
#include "kollen/ops_report.h"
#include "kollen/plan.h"
#include "report_msg.h"

/* Escaping. Every function first sanitises (control characters out, invalid UTF-8 as U+FFFD).
 * Markdown: every ASCII punctuation character backslash-escaped, so nothing a user wrote can
 * open markup, a link, HTML or a table cell; line breaks become "<br>" in a table cell and a
 * hard break ("\" at the end of the line) elsewhere, continuing `prefix` (e.g. "> "). */
void md_escape(struct sbuf *o, const char *s, int in_table, const char *prefix);
/* HTML: & < > " ' as entities; with br, line breaks become <br>. */
void html_escape(struct sbuf *o, const char *s, int br);
/* A self-contained HTML document's start, up to and with "<style>\n": the language, a
 * Content-Security-Policy that allows no script and no external asset, and the title. */
void html_head(struct sbuf *o, const char *title);
/* CSV (RFC 4180): quoted when it holds a quote, ';', ',', CR or LF, quotes doubled; a field
 * that starts with = + - @ tab or CR gets a leading ' so no spreadsheet reads it as a formula,
 * and so does a = + - @ right after a ';' or ',' inside it (a spreadsheet that splits on the
 * other separator starts a field there). */
void csv_field(struct sbuf *o, const char *s);

/* The plan as JSON (an object). The words of a plan are the core's (kollen/plan.h). */
void plan_json(struct json *j, const struct bank *b, const struct session *s, const struct plan *p);

/* A plan rendered: plain text for the terminal (the caller sanitises through cli_put),
 * Markdown (step headings at `depth` #s, areas one deeper), an HTML fragment (<h{depth}>). */
/* Items in sections (quick wins, then work areas), each with the level it is for when the plan
 * spans several, and how the step is tracked in session s (NULL: not shown). */
void plan_render_text(struct sbuf *o, const struct bank *b, const struct session *s,
                      const struct plan *p, int utf8);
void plan_render_md(struct sbuf *o, const struct bank *b, const struct session *s,
                    const struct plan *p, int depth);
void plan_render_html(struct sbuf *o, const struct bank *b, const struct session *s,
                      const struct plan *p, int depth, int mark_stops);

/* `--target level 3` arrives as two arguments: join a target word and its argument into one
 * ("level 3") in a new argv the caller frees (the strings are argv's or owned by *joined). */
char **plan_join_target(int argc, char **argv, int *new_argc, char **joined);

/* How the report is written: a classification marking on every page ("" or NULL: none). */
struct report_opts {
    const char *marking;
    int64_t now; /* the workbook's creation time ($SOURCE_DATE_EPOCH for reproducible files) */
};

/* The report in each format. */
void report_md(struct sbuf *o, const struct ops_report *r, const struct report_opts *ro);
void report_html(struct sbuf *o, const struct ops_report *r, const struct report_opts *ro);
void report_csv(struct sbuf *o, const struct ops_report *r, const struct report_opts *ro);
/* The workbook (libxlsxwriter), made in a private temporary file and read into o. KL_OK, or
 * KL_EIO with the reason in why. */
int report_xlsx(struct sbuf *o, const struct ops_report *r, const struct report_opts *ro,
                char *why, size_t n);

/* The SVG charts of the HTML report (report_chart.c): each a <figure> with its title, the
 * drawing (hidden from screen readers) and a table with every number it draws, the text
 * alternative. */
void chart_peers(struct sbuf *o, const struct ops_report *r);
void chart_actions(struct sbuf *o, const struct ops_report *r);
void chart_since(struct sbuf *o, const struct ops_report *r);

/* The registers at the end of the report (report_registers.c): the follow-up list with the
 * notes, the evidence register by question, the parked and disputed questions with the dissent
 * recorded, and the plan's steps as tracked. */
void report_html_registers(struct sbuf *o, const struct ops_report *r);
void report_md_registers(struct sbuf *o, const struct ops_report *r);

/* Words the summaries share (plain text; the caller escapes). */
/* "2024-09-14 – 2026-09-13", or "inte angiven". */
void report_period(struct sbuf *o, const struct session *s);
/* A change in percent, "+24,4 %", "−3,0 %"; "–" from 0. */
void report_pct(struct sbuf *o, int then, int now);
/* A step in brief: "Fråga 4 (Risker): Besluta om ..." with the item's first part of work. */
void report_step_brief(struct sbuf *o, const struct ops_report *r, const struct plan_item *it);
/* The organisation's value on the measure MSB uses (a level, "2"; a scale mean "2,58"),
 * "ingen nivå än" when it has none yet. */
void report_org_value(struct sbuf *o, const struct ops_report *r, int ai);
/* "Nivå 1 → Nivå 2 · Åtgärder 80 → 120 (+50,0 %)": the overall change since. */
void report_since_line(struct sbuf *o, const struct ops_report *r);
/* The typsvar's value in area ai ("0,40"), else what it says of the area ("under 1"), else
 * "–"; esc (NULL: as it is) writes the text. */
void report_bench_area(struct sbuf *o, const struct ops_report *r, int ai,
                       void (*esc)(struct sbuf *, const char *));
/* "Svagast: Upphandling, Ledning och Kultur." (the areas' short names), then how many areas
 * are below the group and whose values the group's are, or that the group has none. */
void report_weakest_note(struct sbuf *o, const struct ops_report *r);
/* The note under the first steps: how many of the plan's, towards which goal. */
void report_top_note(struct sbuf *o, const struct ops_report *r);
/* The line of counts: flagged, parked, disputed, tracked. */
void report_records_line(struct sbuf *o, const struct ops_report *r);

/* Lines the Markdown and HTML reports share (plain text; the caller escapes). */
void report_level_line(struct sbuf *o, const struct ops_report *r);
void report_totals_line(struct sbuf *o, const struct ops_report *r);
void report_bench_name(struct sbuf *o, const struct ops_report *r);
void report_provenance_counts(struct sbuf *o, const struct ops_report *r);
/* " · Nivå 1,40 · Åtgärder 120": the benchmark's level and actions where published. */
void report_bench_values(struct sbuf *o, const struct ops_report *r);

/* The answer in words: "1, 3: Beslutad; Följd upp", "2: under 50 %", "" when unanswered. */
void answer_words(struct sbuf *o, const struct bank *b, const struct question *q,
                  const struct answer *a);
/* "ja"/"nej". */
const char *yes_no(int v);
/* A provenance tag in words ("ordagrann", "rekonstruerad"). */
const char *provenance_words(enum provenance p);

#endif
