/* bank.h: the model of a question bank (areas, levels, questions, options, level rules,
 * published totals, benchmarks and targets). Built by the store's loader; read-only after. */
#ifndef KOLLEN_BANK_H
#define KOLLEN_BANK_H

#include <stdint.h>

#define BANK_MAX_LEVELS 8    /* levels 1..n_levels, n_levels <= BANK_MAX_LEVELS */
#define BANK_MAX_OPTIONS 64  /* options per question: ticks fit one uint64_t */
#define BANK_MAX_QUESTIONS 999
#define BANK_MAX_AREAS 64
#define BANK_MAX_GUIDES 100 /* guide.N per bank, question or option */
#define BANK_MAX_BANDS 100  /* band.N per point distribution */
#define BANK_MAX_PARTS 64   /* parts of a spread series or a level share */

enum bank_kind {
    BANK_ACTIONS, /* Infosäkkollen: ticked actions, points, rule-based levels */
    BANK_SCALE    /* It-säkkollen: statements answered 1..4, levels are means */
};

enum qtype {
    QTYPE_MULTI,  /* checkboxes: each ticked option is one or more actions */
    QTYPE_SINGLE, /* one choice on an ordered scale; a higher choice counts more actions */
    QTYPE_SCALE   /* a statement answered on the bank's scale (1..n) */
};

enum provenance {
    PROV_VERBATIM,     /* quoted word for word from the source */
    PROV_PARAPHRASE,   /* the source describes it in other words */
    PROV_INFERRED,     /* inferred from the source with good support */
    PROV_RECONSTRUCTED /* written by kollen's authors from the topics the source names */
};

/* A reference to published guidance (MSB's metodstöd, a publication, a web page). */
struct guide {
    char *title;  /* what the guidance is called */
    char *url;    /* where it is published, or NULL; never made up */
    char *source; /* where the bank learned of it (a report line) */
    int line;
};

struct option {
    char *text;
    int actions;      /* multi: actions this box is worth; single: actions the choice counts */
    int points_milli; /* explicit points (1/1000), or -1: the question's points shared by actions */
    enum provenance prov;
    char *source;
    char *action; /* short imperative: what to do to earn this option; may be NULL */
    enum provenance action_prov; /* of the action text (default: the option's) */
    char *action_source;         /* may be NULL: the option's source applies */
    struct guide *guides;
    int n_guides;
    int line; /* where it was declared, for messages */
};

/* A condition an answer must meet at one level; every present part must hold. */
struct rule {
    int present;
    int min_actions;    /* actions >= k (0: no such part) */
    uint64_t need_mask; /* options that must all be ticked (multi) */
    int min_choice;     /* single/scale: choice >= k (0: no such part) */
    int line;
};

struct question {
    int number; /* MSB's number */
    int area;   /* index into bank.areas */
    int section;
    enum qtype type;
    int scored; /* 0 for validation questions: shown, never counted */
    char *text;
    char *short_text; /* a few words, for lists and the room view; may be NULL */
    char *help;
    enum provenance prov;
    char *source;
    int points_milli; /* maximum points (1/1000) */
    int max_actions;  /* derived */
    struct option *options;
    int n_options;
    struct rule rules[BANK_MAX_LEVELS + 1]; /* rules[L] for level L (index 0 unused) */
    char *action; /* scale statements: what to do to answer the top step; may be NULL */
    enum provenance action_prov;
    char *action_source;
    struct guide *guides;
    int n_guides;
    int file; /* index into bank.files */
    int line;
};

struct area {
    char *id;
    char *name;
    char *short_name; /* may be NULL */
    int order;
    int line;
};

/* Published totals, checked by lint; -1 when not declared. */
struct bank_totals {
    int questions, areas, actions, points;
    int *area_actions; /* per area, -1 when not declared */
};

/* What a published series is (benchmarks.ini `kind`). */
enum bench_kind {
    BENCH_KIND_NONE, /* not stated: the first of its group stands in as the group's benchmark */
    BENCH_TYPSVAR,   /* typsvar: a general representative of every member of the group */
    BENCH_BEST30,    /* basta-30: the typsvar of the 30 best of the group */
    BENCH_SUBSET,    /* urval: the typsvar of some other part of the group */
    BENCH_SPREAD     /* spridning: one spread group (weakest 10 %, middle 80 %, best 10 %) */
};

/* A published benchmark (typsvar, the 30 best, a spread group) for an actor group, as data. */
struct benchmark {
    char *id;
    char *name;
    char *group;         /* kommun, region, myndighet, annan, or "" for all */
    enum bench_kind kind;
    int year;            /* 0 when not stated */
    double level;        /* overall, on the continuous 0..n scale; < 0 when unknown */
    double below;        /* the overall level is known to be below this; < 0 when not stated */
    int actions;         /* < 0 when unknown */
    double *area_levels; /* per area, < 0 when unknown */
    double *area_below;  /* per area: known to be below this; < 0 when not stated */
    int *area_actions;   /* per area: actions done, < 0 when unknown */
    int areas_at_least[BANK_MAX_LEVELS + 1]; /* [N]: areas at level N or better; < 0 unknown */
    enum provenance prov;
    char *source;
    char *note; /* may be NULL */
    int line;
};

/* The spread groups of one actor group as one series, weakest first, so they are drawn
 * together. The parts are benchmarks of kind spridning. */
struct spread {
    char *id;
    char *name;
    char *group;
    int year;
    int *parts;     /* indices into bank.benchmarks */
    double *shares; /* percent of the group each part covers; they add up to 100 */
    int n_parts;
    enum provenance prov;
    char *source;
    char *note;
    int line;
};

/* How many organisations of a group reached each overall level (published shares). */
struct level_share {
    char *id;
    char *name;
    char *group;
    int year;
    int n;                                /* organisations; < 0 unknown (the parts may give it) */
    double none;                          /* percent at no level; < 0 unknown */
    double at_least[BANK_MAX_LEVELS + 1]; /* [N]: percent at level N or higher; < 0 unknown */
    int count[BANK_MAX_LEVELS + 1];       /* [N]: organisations at level N or higher; < 0 unknown */
    int *parts;                           /* indices into bank.shares: the groups that make it up */
    int n_parts;
    enum provenance prov;
    char *source;
    char *note;
    int line;
};

#define BANK_MAX_YEARS 8

/* Mean total points of a set of organisations, per round (published). */
struct mean_points {
    char *id;
    char *name;
    char *group;
    int n_years;
    int years[BANK_MAX_YEARS];     /* ascending */
    double points[BANK_MAX_YEARS]; /* the mean total points that round */
    int n[BANK_MAX_YEARS];         /* organisations behind it; < 0 unknown */
    int same_cohort;               /* the same organisations every round (key n) */
    int has_change;
    double change; /* published change in percent, first round to last */
    enum provenance prov;
    char *source;
    char *note;
    int line;
};

/* A band of total points: above < points < below; a bound < 0 is open. */
struct point_band {
    double above, below;
    int count;    /* organisations in the band; < 0 unknown */
    int no_level; /* of them, at no overall level; < 0 unknown */
};

/* How a group's total points are spread (published bands). */
struct point_dist {
    char *id;
    char *name;
    char *group;
    int year;
    int share; /* index into bank.shares of the same organisations, or -1 */
    int n;     /* organisations; < 0 unknown (the share gives it) */
    struct point_band *bands;
    int n_bands;
    enum provenance prov;
    char *source;
    char *note;
    int line;
};

/* A named target: a level, plus extra per-question conditions. */
struct target {
    char *id;
    char *name;
    int level;           /* every rule for levels 1..level; 0 for none */
    struct rule *extra;  /* per question index; extra[i].present when set */
    enum provenance prov;
    char *source;
    char *note;
    int line;
};

struct bank {
    char *id;
    char *name;
    char *dir;
    char *version;
    char *provenance; /* the bank's own statement, shown in reports */
    char *source;
    enum bank_kind kind;
    int n_levels;
    char *level_names[BANK_MAX_LEVELS + 1];
    int evidence_from; /* rules for levels >= this need documented answers; 0: never */
    int scale_max;     /* scale banks: the top of the scale (4) */
    char **scale_labels; /* scale banks: scale_max labels, 1..n as [0..n-1] */
    int scale_top_step;  /* scale banks: the top level needs every statement at this step or
                            higher, instead of a mean at the top; 0: the mean decides */
    struct guide *guides; /* guidance for the whole bank */
    int n_guides;
    struct area *areas; /* sorted by order */
    int n_areas;
    struct question *questions; /* sorted by number */
    int n_questions;
    struct bank_totals totals;
    struct benchmark *benchmarks;
    int n_benchmarks;
    struct target *targets;
    int n_targets;
    struct spread *spreads;
    int n_spreads;
    struct level_share *shares;
    int n_shares;
    struct mean_points *means;
    int n_means;
    struct point_dist *point_dists;
    int n_point_dists;
    char **files; /* question files read, for messages */
    int n_files;
    /* derived */
    int max_actions;
    long max_points_milli;
};

void bank_free(struct bank *b);
/* Free what a benchmark owns and zero it (the struct itself may be part of an array). */
void benchmark_clear(struct benchmark *m);
/* Free what a question owns (the struct itself is part of the bank's array). */
void question_free(struct question *q);
/* Free an array of guides (NULL allowed). */
void guides_free(struct guide *g, int n);

/* A short name of a question for lists: its short text, else its text. */
const char *question_label(const struct question *q);
/* The evidence the question's help names: the text after "Evidens:" (or "Evidence:") to the
 * end of its line, without a closing full stop, appended to o; nothing when the help names
 * none. Returns 1 when it found one. */
struct sbuf;
int question_evidence_hint(struct sbuf *o, const struct question *q);
/* Index of the question with this number, or -1. */
int bank_find_question(const struct bank *b, int number);
/* Index of the area with this id, or -1. */
int bank_find_area(const struct bank *b, const char *id);
const struct target *bank_find_target(const struct bank *b, const char *id);
const struct benchmark *bank_find_benchmark(const struct bank *b, const char *id);
/* The benchmark published for an actor group, or NULL: its typsvar (kind typsvar, the latest
 * year); when the bank marks no typsvar for the group, the first benchmark of the group that has
 * no kind. Never the 30 best, a part of the group or a spread group. */
const struct benchmark *bank_group_benchmark(const struct bank *b, const char *group);
/* The spread series of an actor group (the latest year), or NULL. */
const struct spread *bank_group_spread(const struct bank *b, const char *group);
const struct spread *bank_find_spread(const struct bank *b, const char *id);
const struct level_share *bank_find_share(const struct bank *b, const char *id);
int bank_find_benchmark_index(const struct bank *b, const char *id);

/* Text of a benchmark kind ("typsvar", "basta-30", "urval", "spridning", "" for none), and
 * back; -1 when unknown. */
const char *bench_kind_name(enum bench_kind k);
int bench_kind_parse(const char *s);

/* Text of a provenance tag, and back; -1 when unknown. */
const char *provenance_name(enum provenance p);
int provenance_parse(const char *s);
const char *qtype_name(enum qtype t);
int qtype_parse(const char *s);

/* Parse a rule expression ("actions >= 2", "options 1,3", "choice >= 4", "all",
 * joined with " and ") for question q (options parsed). Returns 0, or -1 with *why set to
 * the message id of the reason. */
int rule_parse(const char *s, const struct question *q, struct rule *out, int *why);
/* Format a rule back as text ("actions >= 2 and options 1,3"); buf of 256 bytes. */
void rule_format(const struct question *q, const struct rule *r, char *buf, unsigned long n);

/* Derived: the question's max_actions. Call once its options are in place. */
void question_finish(struct question *q);
/* Derived totals: max_actions per question and bank, max points. Call after loading. */
void bank_finish(struct bank *b);

#endif
