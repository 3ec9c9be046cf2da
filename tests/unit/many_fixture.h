/* many_fixture.h: sessions of the mini bank written as short specs, and the ten-session
 * cohort whose summary, spread groups and ranking test_cohort.c checks against values
 * computed by hand (the table below).
 *
 * mini: areas alfa (Q1, Q3; 6 points) and beta (Q2, Q4, Q5 unscored; 6 points); rules
 *   Q1 multi 1+1+2 actions: L1 actions>=1, L2 actions>=2, L3 all
 *   Q2 single, actions 0,1,2,3: L1 choice>=2, L2 choice>=3, L3 choice>=4
 *   Q3 multi 1+1: L2 options 1, L3 all;  Q4 multi 3 x 1 point: L3 actions>=2
 *   documentation needed from level 2. A point is an action in this bank.
 *
 *  id  spec                          lvl value alfa beta  points  rank key vs the one above
 *  A   (nothing)                      0  0     0    0     0       10   areas
 *  B   1=1                            0  0.5   1.0  0     1000     9   level
 *  C   1=1 2=2                        1  1     1.0  1.0   2000     7   points
 *  D   1=1,2d 2=3d 3=1d               2  2     2.0  2.0   5000     3   points
 *  E   everything all, documented     3  3     3.0  3.0   12000    1   first
 *  F   D + 4=1,2d                     2  2.25  2.0  2.5   7000     2   level
 *  G   = C                            1  1     1.0  1.0   2000     7   tie
 *  H   1=3 2=2                        1  1     1.0  1.0   3000     6   points
 *  M   1=1,2 2=3                      1  1     1.0  1.0   4000     4   level
 *  N   1=1 2=2 4=1,2                  1  1     1.0  1.0   4000     5   area points
 * M and N have the same total; M's weakest area share (2/6) beats N's (1/6). */
#ifndef KOLLEN_MANY_FIXTURE_H
#define KOLLEN_MANY_FIXTURE_H

#include "testutil.h"
#include "kollen/score.h"

/* "1=1,2d 2=3": question number, '=', the answer as kollen set takes it, and a trailing 'd'
 * for documented. "all" answers every question with everything, documented. */
static inline struct session *mk_session(const struct bank *b, const char *org,
                                         enum actor_group g, const char *spec)
{
    struct session *s = session_new(b, org, g, "2026-01-01", 0);
    assert_non_null(s);
    if (!strcmp(spec, "all")) {
        for (int i = 0; i < b->n_questions; i++)
            answer(b, s, b->questions[i].number, "all", 1);
        return s;
    }
    char buf[256];
    snprintf(buf, sizeof buf, "%s", spec);
    for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " ")) {
        char *eq = strchr(tok, '=');
        assert_non_null(eq);
        *eq = '\0';
        size_t n = strlen(eq + 1);
        int doc = n > 1 && eq[n] == 'd';
        if (doc)
            eq[n] = '\0';
        answer(b, s, atoi(tok), eq + 1, doc);
    }
    return s;
}

struct fixture_row {
    const char *id;
    const char *spec;
};

static const struct fixture_row many_rows[] = {
    {"A", ""},
    {"B", "1=1"},
    {"C", "1=1 2=2"},
    {"D", "1=1,2d 2=3d 3=1d"},
    {"E", "all"},
    {"F", "1=1,2d 2=3d 3=1d 4=1,2d"},
    {"G", "1=1 2=2"},
    {"H", "1=3 2=2"},
    {"M", "1=1,2 2=3"},
    {"N", "1=1 2=2 4=1,2"},
};
#define MANY_ROWS ((int)(sizeof many_rows / sizeof many_rows[0]))

/* cmocka 1.1.5 has no assert_double_equal. */
#define assert_near(x, y) assert_near_at((x), (y), #x, __FILE__, __LINE__)
static inline void assert_near_at(double x, double y, const char *what, const char *file,
                                  int line)
{
    double d = x > y ? x - y : y - x;
    if (d > 1e-9)
        fail_msg("%s:%d: %s is %.12g, expected %.12g", file, line, what, x, y);
}

static inline void score_of(const struct bank *b, const struct session *s, struct score *sc)
{
    assert_int_equal(score_compute(b, s, sc), KL_OK);
}

#endif
