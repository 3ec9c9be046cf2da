/* bank.h: the model of a question bank (areas, levels, questions, options, level rules,
 * published totals, benchmarks and targets). Built by the store's loader; read-only after. */
#ifndef KOLLEN_BANK_H
#define KOLLEN_BANK_H

#include <stdint.h>

#define BANK_MAX_LEVELS 8    /* levels 1..n_levels, n_levels <= BANK_MAX_LEVELS */
#define BANK_MAX_OPTIONS 64  /* options per question: ticks fit one uint64_t */
#define BANK_MAX_QUESTIONS 999
#define BANK_MAX_AREAS 64

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

struct option {
    char *text;
    int actions;      /* multi: actions this box is worth; single: actions the choice counts */
    int points_milli; /* explicit points (1/1000), or -1: the question's points shared by actions */
    enum provenance prov;
    char *source;
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

/* A published benchmark (typsvar) for an actor group, as data. */
struct benchmark {
    char *id;
    char *name;
    char *group;         /* kommun, region, myndighet, annan, or "" for all */
    double level;        /* overall, on the continuous 0..n scale; < 0 when unknown */
    int actions;         /* < 0 when unknown */
    double *area_levels; /* per area, < 0 when unknown */
    enum provenance prov;
    char *source;
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
    struct area *areas; /* sorted by order */
    int n_areas;
    struct question *questions; /* sorted by number */
    int n_questions;
    struct bank_totals totals;
    struct benchmark *benchmarks;
    int n_benchmarks;
    struct target *targets;
    int n_targets;
    char **files; /* question files read, for messages */
    int n_files;
    /* derived */
    int max_actions;
    long max_points_milli;
};

void bank_free(struct bank *b);
/* Free what a question owns (the struct itself is part of the bank's array). */
void question_free(struct question *q);

/* A short name of a question for lists: its short text, else its text. */
const char *question_label(const struct question *q);
/* Index of the question with this number, or -1. */
int bank_find_question(const struct bank *b, int number);
/* Index of the area with this id, or -1. */
int bank_find_area(const struct bank *b, const char *id);
const struct target *bank_find_target(const struct bank *b, const char *id);
const struct benchmark *bank_find_benchmark(const struct bank *b, const char *id);
/* The benchmark published for an actor group (the "typ" answer), or NULL. */
const struct benchmark *bank_group_benchmark(const struct bank *b, const char *group);

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
