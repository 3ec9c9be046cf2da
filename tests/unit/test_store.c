/* test_store.c: the INI pre-scan, the bank and session loaders (every error with its line),
 * exact round trips of free text, unknown keys kept, atomic saving, permissions and locks. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ini.h"
#include "testutil.h"
#include "kollen/msg.h"
#include "kollen/text.h"

/* Parse text with the pre-scan; return the code, diagnostics in d. */
static int scan(const char *text, size_t n, struct diags *d)
{
    struct ini *ini;
    int rc = ini_parse("t.ini", text, n, &ini, d);
    ini_free(ini);
    return rc;
}

/* The n bytes at text refused by the pre-scan, the first error at line holding needle. */
static void assert_scan_refused(const char *text, size_t n, int line, const char *needle)
{
    struct diags d;
    diags_init(&d);
    assert_int_equal(scan(text, n, &d), KL_EPARSE);
    assert_diag(&d, line, needle);
    diags_free(&d);
}

static void ini__each_malformation__named_with_its_line(void **st)
{
    (void)st;
    static const struct refusal bad[] = {
        {"[a]\nk = \xC3(\n", 2, "UTF-8"},
        {"key = 1\n[a]\n", 1, "before the first"},
        {"[a]\nk = 1\n\n[a]\n", 4, "line 1"},
        {"[a]\nk = 1\nk = 2\n", 3, "line 2"},
        {"[a]\nk = \"quoted\"\n", 2, "quote"},
        {"[a]\nk = one; two\n", 2, "%3B"},
        {"[a]\nk = one # two\n", 2, "%23"},
        {"[a]\nk = trailing\\\n", 2, "\\"},
        {"[a]\nk = bell\x07\n", 2, "control"},
        {"[Big]\n", 1, "section name"},
        {"[a]\nKey = v\n", 2, "key"},
        {"[a]\n= v\n", 2, "key"},
        {"[a]\njust words\n", 2, "parse"},
        {"[a] ; comment\n", 1, "parse"},
    };
    for (size_t i = 0; i < N_OF(bad); i++)
        assert_scan_refused(bad[i].text, strlen(bad[i].text), bad[i].line, bad[i].needle);
    const char nul[] = "[a]\nk = v\nx\0y = 1\n";
    assert_scan_refused(nul, sizeof nul - 1, 3, "NUL");
}

static void ini__long_line__refused_before_iniparser_sees_it(void **st)
{
    (void)st;
    struct sbuf b;
    sbuf_init(&b);
    sbuf_add(&b, "[a]\nk = ok\nlong = ");
    for (int i = 0; i < 1200; i++)
        sbuf_addc(&b, 'x');
    sbuf_addc(&b, '\n');
    struct diags d;
    diags_init(&d);
    assert_int_equal(scan(b.p, b.len, &d), KL_EPARSE);
    assert_diag(&d, 3, "1000");
    diags_free(&d);
    sbuf_free(&b);
}

static void ini__many_errors__all_reported(void **st)
{
    (void)st;
    const char text[] = "[a]\nk = 1\nk = 2\n[B]\nv = \"x\"\n";
    struct diags d;
    diags_init(&d);
    assert_int_equal(scan(text, sizeof text - 1, &d), KL_EPARSE);
    assert_int_equal(diags_errors(&d), 3);
    diags_free(&d);
}

static void ini__bom_and_crlf__handled(void **st)
{
    (void)st;
    const char text[] = "\xEF\xBB\xBF[sec]\r\nkey = value  \r\n; note\r\nother =\r\n";
    struct diags d;
    diags_init(&d);
    struct ini *ini;
    assert_int_equal(ini_parse("t.ini", text, sizeof text - 1, &ini, &d), KL_OK);
    assert_int_equal(diags_errors(&d), 0);
    assert_int_equal(d.n, 1); /* the BOM warning */
    const struct ini_section *s = ini_section(ini, "sec");
    assert_string_equal(ini_raw(s, "key"), "value");
    assert_string_equal(ini_raw(s, "other"), "");
    assert_int_equal(ini_line(s, "other"), 4);
    ini_free(ini);
    diags_free(&d);
}

/* iniparser reads a value in quotes (its cheapest pattern) unless the value has a quote of its
 * own; every kind comes back exactly as written, spaces, '=' and quotes inside included. */
static void ini__values_with_and_without_quotes_inside__read_as_written(void **st)
{
    (void)st;
    const char text[] = "[sec]\nplain = value\ninner = a\"b\"c\nspaced = one  two\n"
                        "eq = x=y\nsingle = it's\nlast = tail'\nempty =\n";
    struct diags d;
    diags_init(&d);
    struct ini *ini;
    assert_int_equal(ini_parse("t.ini", text, sizeof text - 1, &ini, &d), KL_OK);
    assert_int_equal(d.n, 0);
    const struct ini_section *s = ini_section(ini, "sec");
    assert_string_equal(ini_raw(s, "plain"), "value");
    assert_string_equal(ini_raw(s, "inner"), "a\"b\"c");
    assert_string_equal(ini_raw(s, "spaced"), "one  two");
    assert_string_equal(ini_raw(s, "eq"), "x=y");
    assert_string_equal(ini_raw(s, "single"), "it's");
    assert_string_equal(ini_raw(s, "last"), "tail'");
    assert_string_equal(ini_raw(s, "empty"), "");
    ini_free(ini);
    diags_free(&d);
}

/* --- banks --- */

static const char *bank_ini = "[bank]\nid = b\nname = B\nprovenance = test\n"
                              "[levels]\n1 = One\n2 = Two\n";
static const char *areas_ini = "[area.a]\nname = A\norder = 1\n";

static int load_bank_dir(const char *questions, int strict, struct diags *d, struct bank **b)
{
    char dir[300];
    snprintf(dir, sizeof dir, "%s/b", test_tmp);
    mkdir(dir, 0700);
    test_write_in(dir, "bank.ini", bank_ini);
    test_write_in(dir, "areas.ini", areas_ini);
    test_write_in(dir, "questions.ini", questions);
    return bank_load(dir, strict, b, d);
}

/* The questions file q refused by lint, the first error at line holding needle. */
static void assert_bank_refused(const char *q, int line, const char *needle)
{
    struct diags d;
    struct bank *b;
    diags_init(&d);
    assert_int_not_equal(load_bank_dir(q, 1, &d, &b), KL_OK);
    assert_null(b);
    assert_diag(&d, line, needle);
    diags_free(&d);
}

#define Q1 "[question.1]\narea = a\nsection = 1\ntype = multi\ntext = T\nprovenance = reconstructed\npoints = 5\n"

static void bank__each_error__named_with_its_line(void **st)
{
    (void)st;
    static const struct refusal bad[] = {
        {Q1 "option.1 = x\noption.3 = y\nrule.1 = all\n", 1, "option 2"},
        {"[question.1]\narea = zz\nsection = 1\ntype = multi\ntext = T\n"
         "provenance = reconstructed\npoints = 5\noption.1 = x\n",
         2, "zz"},
        {Q1 "option.1 = x\nrule.1 = options 2\n", 9, "no such option"},
        {Q1 "option.1 = x\nrule.3 = all\n", 9, "rule.3"},
        {Q1 "option.1 = x\nrule.1 = most\n", 9, "expected"},
        {Q1 "option.1 = x\n" Q1 "option.1 = y\n", 9, "already appears on line 1"},
        {Q1 "option.1 = x\noptoin.2 = typo\n", 9, "unknown key"},
        {Q1 "option.1 = x\noption.1.actions = many\n", 9, "invalid value"},
        {"[question.1]\narea = a\nsection = 1\ntype = single\ntext = T\n"
         "provenance = reconstructed\npoints = 5\noption.1 = a\noption.1.actions = 2\n"
         "option.2 = b\noption.2.actions = 1\n",
         10, "fewer actions"},
        {"[question.1]\narea = a\nsection = 1\ntype = multi\ntext = T\nprovenance = made-up\n"
         "points = 5\noption.1 = x\n",
         6, "invalid value"},
        {"[question.1]\narea = a\nsection = 1\ntype = multi\nprovenance = inferred\n"
         "points = 5\noption.1 = x\n",
         1, "lacks the key \"text\""},
    };
    for (size_t i = 0; i < N_OF(bad); i++)
        assert_bank_refused(bad[i].text, bad[i].line, bad[i].needle);
}

static void bank__same_number_in_two_files__both_places_named(void **st)
{
    (void)st;
    char dir[300];
    snprintf(dir, sizeof dir, "%s/b", test_tmp);
    mkdir(dir, 0700);
    test_write_in(dir, "bank.ini", bank_ini);
    test_write_in(dir, "areas.ini", areas_ini);
    test_write_in(dir, "questions-1.ini", Q1 "option.1 = x\n");
    test_write_in(dir, "questions-2.ini", "\n" Q1 "option.1 = x\n");
    struct diags d;
    struct bank *b;
    diags_init(&d);
    assert_int_equal(bank_load(dir, 0, &b, &d), KL_EDATA);
    assert_diag(&d, 2, "questions-1.ini line 1");
    assert_non_null(strstr(d.v[0].file, "questions-2.ini"));
    diags_free(&d);
}

static void bank__strict_only__unknown_keys_tolerated_when_loading(void **st)
{
    (void)st;
    struct diags d;
    struct bank *b;
    diags_init(&d);
    assert_int_equal(load_bank_dir(Q1 "option.1 = x\nfuture_key = 1\nrule.1 = all\n", 0, &d, &b),
                     KL_OK);
    assert_int_equal(b->n_questions, 1);
    bank_free(b);
    diags_free(&d);
}

static void bank__published_totals__checked_by_lint(void **st)
{
    (void)st;
    char dir[300];
    snprintf(dir, sizeof dir, "%s/b", test_tmp);
    mkdir(dir, 0700);
    test_write_in(dir, "bank.ini",
               "[bank]\nid = b\nname = B\nprovenance = p\n[levels]\n1 = One\n"
               "[totals]\nquestions = 1\nareas = 1\nactions = 3\npoints = 5\nactions.a = 2\n");
    test_write_in(dir, "areas.ini", areas_ini);
    test_write_in(dir, "questions.ini", Q1 "option.1 = x\noption.2 = y\nrule.1 = all\n");
    struct diags d;
    struct bank *b;
    diags_init(&d);
    assert_int_equal(bank_load(dir, 1, &b, &d), KL_EDATA);
    assert_int_equal(diags_errors(&d), 1); /* actions 3 but the bank has 2; actions.a = 2 holds */
    assert_non_null(strstr(d.v[0].msg, "actions = 3"));
    diags_free(&d);
    diags_init(&d);
    assert_int_equal(bank_load(dir, 0, &b, &d), KL_OK); /* loading does not check totals */
    bank_free(b);
    diags_free(&d);
}

static void bank__folder_name__must_match_id(void **st)
{
    (void)st;
    char dir[300];
    snprintf(dir, sizeof dir, "%s/other", test_tmp);
    mkdir(dir, 0700);
    test_write_in(dir, "bank.ini", bank_ini);
    test_write_in(dir, "areas.ini", areas_ini);
    test_write_in(dir, "questions.ini", Q1 "option.1 = x\nrule.1 = all\n");
    struct diags d;
    struct bank *b;
    diags_init(&d);
    assert_int_equal(bank_load(dir, 0, &b, &d), KL_EDATA);
    assert_diag(&d, 2, "folder");
    diags_free(&d);
}

/* --- sessions --- */

static const char *hostile[] = {
    "; # \" ' \\ %",
    "rad ett\nrad två\n\ttabb\n",
    "  leading and trailing  ",
    "åäö ÅÄÖ é ñ 日本語 😀 \u202e",
    "%0A %25 %3B literal percents",
    "ends with backslash \\",
    "\n\n\n",
    "=;=#=[x]=",
    " ",
};

static struct session *mini_session(struct bank **b)
{
    *b = load_fixture_bank("mini");
    struct session *s = session_new(*b, "Org; \"Ö\" #1", GROUP_REGION, "2026-03-01", 1764000000);
    assert_non_null(s);
    return s;
}

static void notes__hostile_text__survives_save_and_load_byte_for_byte(void **st)
{
    (void)st;
    struct bank *b;
    struct session *s = mini_session(&b);
    char path[300];
    snprintf(path, sizeof path, "%s/notes.ini", test_tmp);
    size_t n = sizeof hostile / sizeof *hostile;
    for (size_t i = 0; i < n; i++) {
        struct diags d;
        diags_init(&d);
        int qi = (int)(i % 4);
        assert_int_equal(session_set_note(s, qi, hostile[i], 5, &d), KL_OK);
        struct session *back = save_and_load(b, s, path);
        assert_string_equal(back->answers[qi].note, hostile[i]);
        assert_string_equal(back->organisation, s->organisation);
        session_free(back);
        diags_free(&d);
    }
    session_free(s);
    bank_free(b);
}

static void notes__twenty_kilobytes__survive_and_every_line_fits(void **st)
{
    (void)st;
    struct bank *b;
    struct session *s = mini_session(&b);
    struct sbuf note;
    sbuf_init(&note);
    for (int i = 0; note.len < 20 * 1024; i++)
        sbuf_addf(&note, "%s%s", hostile[i % 9], i % 7 ? " " : "\n");
    struct diags d;
    diags_init(&d);
    assert_int_equal(session_set_note(s, 0, note.p, 5, &d), KL_OK);
    /* a second note of nothing but spaces and one of nothing but escapes */
    char spaces[3000], semis[3000];
    memset(spaces, ' ', sizeof spaces - 1);
    spaces[sizeof spaces - 1] = '\0';
    memset(semis, ';', sizeof semis - 1);
    semis[sizeof semis - 1] = '\0';
    assert_int_equal(session_set_note(s, 1, spaces, 5, &d), KL_OK);
    assert_int_equal(session_set_note(s, 2, semis, 5, &d), KL_OK);
    char path[300];
    snprintf(path, sizeof path, "%s/big.ini", test_tmp);
    struct session *back = save_and_load(b, s, path);
    assert_string_equal(back->answers[0].note, note.p);
    assert_string_equal(back->answers[1].note, spaces);
    assert_string_equal(back->answers[2].note, semis);
    char *file = test_read_file(path, NULL);
    for (char *line = strtok(file, "\n"); line; line = strtok(NULL, "\n"))
        assert_true(strlen(line) <= INI_LINE_MAX);
    free(file);
    session_free(back);
    session_free(s);
    bank_free(b);
    sbuf_free(&note);
    diags_free(&d);
}

static void notes__random_text__round_trips(void **st)
{
    (void)st;
    struct bank *b;
    struct session *s = mini_session(&b);
    char path[300];
    snprintf(path, sizeof path, "%s/rand.ini", test_tmp);
    static const char *pieces[] = {"a", " ", "\n", "\t", ";", "#", "%", "%2", "\\", "\"", "'",
                                   "å", "日", "😀", "=", "[", "]", "\r", "  "};
    unsigned seed = 12345;
    for (int round = 0; round < 100; round++) {
        struct sbuf t;
        sbuf_init(&t);
        int len = (int)((seed = seed * 1103515245 + 12345) >> 16) % 400;
        for (int i = 0; i < len; i++) {
            seed = seed * 1103515245 + 12345;
            sbuf_add(&t, pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)]);
        }
        struct diags d;
        diags_init(&d);
        assert_int_equal(session_set_note(s, 0, t.p ? t.p : "", 1, &d), KL_OK);
        struct session *back = save_and_load(b, s, path);
        assert_string_equal(back->answers[0].note ? back->answers[0].note : "", t.p ? t.p : "");
        session_free(back);
        sbuf_free(&t);
        diags_free(&d);
    }
    session_free(s);
    bank_free(b);
}

static void session__full_record__round_trips_and_formats_stably(void **st)
{
    (void)st;
    struct bank *b;
    struct session *s = mini_session(&b);
    struct diags d;
    diags_init(&d);
    answer(b, s, 1, "1,3", 1);
    answer(b, s, 2, "3", 0);
    s->answers[1].followup = 1;
    s->answers[1].changed = 1764000100;
    assert_int_equal(session_add_evidence(s, 0, "Protokoll 2024-01-12 §4; bilaga", 7, &d), KL_OK);
    assert_int_equal(session_add_evidence(s, 0, "  https://intra/x?a=1#b  ", 7, &d), KL_OK);
    assert_int_equal(session_add_participant(s, "Anna Ö", "CISO; säkerhetschef", &d), KL_OK);
    assert_int_equal(session_set_text(&s->facilitator, "Bo", SESSION_FIELD_MAX, &d), KL_OK);
    s->cursor = 2;
    char path[300];
    snprintf(path, sizeof path, "%s/full.ini", test_tmp);
    struct session *back = save_and_load(b, s, path);
    char *first = session_format(b, s), *second = session_format(b, back);
    assert_string_equal(first, second);
    char *file = test_read_file(path, NULL);
    assert_string_equal(file, first);
    assert_int_equal(back->answers[0].ticks, 5);
    assert_int_equal(back->answers[0].n_evidence, 2);
    assert_string_equal(back->answers[0].evidence[1], "  https://intra/x?a=1#b  ");
    assert_true(back->answers[0].documented);
    assert_true(back->answers[1].followup);
    assert_int_equal(back->answers[1].choice, 3);
    assert_false(back->answers[2].answered);
    assert_int_equal(back->group, GROUP_REGION);
    assert_int_equal(back->cursor, 2);
    assert_string_equal(back->participants[0].role, "CISO; säkerhetschef");
    free(first);
    free(second);
    free(file);
    session_free(back);
    session_free(s);
    bank_free(b);
    diags_free(&d);
}

static void session__unknown_keys_and_sections__kept_on_save(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("mini");
    const char *text = "[session]\nformat = 1\nbank = mini\norganisation = O\ngroup = kommun\n"
                       "date = 2026-01-01\nfuture = kept%3B\n\n[answer.1]\nvalue = 1\n"
                       "confidence = high\n\n[export.sharepoint]\nurl = https://x\n";
    struct session *s;
    struct diags d;
    diags_init(&d);
    assert_int_equal(session_parse("t.ini", text, strlen(text), b, &s, &d), KL_OK);
    char *out = session_format(b, s);
    assert_non_null(strstr(out, "\nfuture = kept%3B\n"));
    assert_non_null(strstr(out, "\nconfidence = high\n"));
    assert_non_null(strstr(out, "\n[export.sharepoint]\nurl = https://x\n"));
    free(out);
    session_free(s);
    bank_free(b);
    diags_free(&d);
}

static void session__each_error__named_with_its_line(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("mini");
    static const struct refusal bad[] = {
        {SESSION_HEAD "[answer.99]\nvalue = 1\n", 7, "unknown question 99"},
        {SESSION_HEAD "[answer.1]\nvalue = 1,7\n", 8, "no option 7"},
        {SESSION_HEAD "[answer.2]\nvalue = 1,2\n", 8, "single choice"},
        {SESSION_HEAD "[answer.1]\nvalue = 1\ndocumented = maybe\n", 9, "documented"},
        {SESSION_HEAD "[answer.1]\nnote.1 = a\nnote.3 = c\n", 9, "note.2 is missing"},
        {SESSION_HEAD "[answer.1]\nnote.1 = bad %FF byte\n", 8, "UTF-8"},
        {SESSION_HEAD "[answer.1]\nevidence.1 = line%0Abreak\n", 8, "line breaks"},
        {SESSION_HEAD "[answer.1]\nchanged = yesterday\n", 8, "changed"},
        {"[session]\nformat = 9\nbank = mini\norganisation = O\ngroup = kommun\n"
         "date = 2026-01-01\n",
         2, "newer"},
        {"[session]\nformat = 1\nbank = other\norganisation = O\ngroup = kommun\n"
         "date = 2026-01-01\n",
         3, "other"},
        {"[session]\nformat = 1\nbank = mini\norganisation = O\ngroup = county\n"
         "date = 2026-01-01\n",
         5, "county"},
        {"[session]\nformat = 1\nbank = mini\norganisation = O\ngroup = kommun\n"
         "date = 2026-13-01\n",
         6, "date"},
        {"[session]\nformat = 1\nbank = mini\ngroup = kommun\ndate = 2026-01-01\n", 1,
         "organisation"},
    };
    assert_sessions_refused(b, bad, N_OF(bad));
    bank_free(b);
}

static void session__over_long_note__refused(void **st)
{
    (void)st;
    struct bank *b;
    struct session *s = mini_session(&b);
    char *big = malloc(SESSION_NOTE_MAX + 2);
    memset(big, 'x', SESSION_NOTE_MAX + 1);
    big[SESSION_NOTE_MAX + 1] = '\0';
    struct diags d;
    diags_init(&d);
    assert_int_equal(session_set_note(s, 0, big, 1, &d), KL_EUSAGE);
    assert_null(s->answers[0].note);
    big[SESSION_NOTE_MAX] = '\0';
    assert_int_equal(session_set_note(s, 0, big, 1, &d), KL_OK);
    assert_int_equal(session_set_note(s, 0, "bad \xff", 1, &d), KL_EUSAGE);
    assert_int_equal(strlen(s->answers[0].note), SESSION_NOTE_MAX);
    free(big);
    session_free(s);
    bank_free(b);
    diags_free(&d);
}

/* --- saving --- */

static void save__any_umask__file_is_0600(void **st)
{
    (void)st;
    struct bank *b;
    struct session *s = mini_session(&b);
    char path[300];
    snprintf(path, sizeof path, "%s/perm.ini", test_tmp);
    mode_t old = umask(0);
    struct diags d;
    diags_init(&d);
    assert_int_equal(session_save(path, b, s, 1, &d), KL_OK);
    umask(old);
    struct stat st_;
    assert_int_equal(stat(path, &st_), 0);
    assert_int_equal(st_.st_mode & 0777, 0600);
    /* create_only never replaces */
    assert_int_equal(session_save(path, b, s, 1, &d), KL_EEXIST);
    session_free(s);
    bank_free(b);
    diags_free(&d);
}

static int count_temp_files(void)
{
    DIR *dh = opendir(test_tmp);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dh)))
        n += strstr(e->d_name, ".tmp.") != NULL;
    closedir(dh);
    return n;
}

static void save__write_fails__old_file_untouched_and_no_temp_left(void **st)
{
    (void)st;
    struct bank *b;
    struct session *s = mini_session(&b);
    char path[300];
    snprintf(path, sizeof path, "%s/fail.ini", test_tmp);
    struct diags d;
    diags_init(&d);
    assert_int_equal(session_save(path, b, s, 0, &d), KL_OK);
    char *before = test_read_file(path, NULL);
    /* a note larger than the file size limit: write(2) fails with EFBIG part way */
    char *big = malloc(60000);
    memset(big, 'y', 59999);
    big[59999] = '\0';
    assert_int_equal(session_set_note(s, 0, big, 1, &d), KL_OK);
    struct rlimit old, small = {16384, 16384};
    getrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, SIG_IGN);
    setrlimit(RLIMIT_FSIZE, &small);
    int rc = session_save(path, b, s, 0, &d);
    setrlimit(RLIMIT_FSIZE, &old);
    assert_int_equal(rc, KL_EIO);
    assert_non_null(strstr(d.v[d.n - 1].msg, "write"));
    char *after = test_read_file(path, NULL);
    assert_string_equal(before, after);
    assert_int_equal(count_temp_files(), 0);
    /* a folder that does not exist */
    char missing[300];
    snprintf(missing, sizeof missing, "%s/no/such/dir/x.ini", test_tmp);
    assert_int_equal(session_save(missing, b, s, 0, &d), KL_EIO);
    free(before);
    free(after);
    free(big);
    session_free(s);
    bank_free(b);
    diags_free(&d);
}

/* --- locks --- */

static void lock__second_writer__told_who_holds_it(void **st)
{
    (void)st;
    char path[300];
    snprintf(path, sizeof path, "%s/locked.ini", test_tmp);
    struct session_lock *l1, *l2;
    struct lock_holder h;
    struct diags d;
    diags_init(&d);
    assert_int_equal(session_lock(path, "kollen-test", &l1, NULL, &d), KL_OK);
    assert_int_equal(session_lock(path, "other", &l2, &h, &d), KL_ELOCKED);
    assert_null(l2);
    assert_int_equal(h.pid, (long)getpid());
    assert_string_equal(h.program, "kollen-test");
    assert_non_null(strstr(d.v[0].msg, "kollen-test"));
    session_unlock(l1);
    char lockfile[320];
    snprintf(lockfile, sizeof lockfile, "%s.lock", path);
    assert_int_equal(access(lockfile, F_OK), -1);
    diags_clear(&d);
    assert_int_equal(session_lock(path, "other", &l2, NULL, &d), KL_OK);
    assert_int_equal(d.n, 0);
    session_unlock(l2);
    diags_free(&d);
}

static void lock__left_by_a_dead_process__taken_over_with_a_warning(void **st)
{
    (void)st;
    char path[300], lockfile[320];
    snprintf(path, sizeof path, "%s/stale.ini", test_tmp);
    snprintf(lockfile, sizeof lockfile, "%s.lock", path);
    FILE *f = fopen(lockfile, "w");
    fputs("pid=999999\nhost=elsewhere\nuser=x\nprogram=kollen\nsince=1700000000\n", f);
    fclose(f);
    struct session_lock *l;
    struct diags d;
    diags_init(&d);
    assert_int_equal(session_lock(path, "kollen", &l, NULL, &d), KL_OK);
    assert_int_equal(diags_errors(&d), 0);
    assert_int_equal(d.n, 1);
    assert_non_null(strstr(d.v[0].msg, "999999"));
    char *now = test_read_file(lockfile, NULL);
    char mine[64];
    snprintf(mine, sizeof mine, "pid=%ld\n", (long)getpid());
    assert_non_null(strstr(now, mine));
    free(now);
    struct stat st_;
    assert_int_equal(stat(lockfile, &st_), 0);
    assert_int_equal(st_.st_mode & 0777, 0600);
    session_unlock(l);
    diags_free(&d);
}


/* --- hardening (issue 13) --- */

static void ini__dev_null__said_to_be_no_regular_file(void **st)
{
    (void)st;
    struct diags d;
    struct ini *ini;
    diags_init(&d);
    errno = ENOENT; /* a stale errno must not leak into the message */
    assert_int_equal(ini_load("/dev/null", &ini, &d), KL_EIO);
    assert_null(ini);
    assert_non_null(strstr(d.v[0].msg, "not a regular file"));
    assert_null(strstr(d.v[0].msg, "No such file"));
    assert_string_equal(d.v[0].file, "/dev/null");
    diags_free(&d);
}

static void ini__fifo__refused_at_once_naming_the_file(void **st)
{
    (void)st;
    char path[400];
    snprintf(path, sizeof path, "%s/pipe.ini", test_tmp);
    assert_int_equal(mkfifo(path, 0600), 0);
    struct diags d;
    struct ini *ini;
    diags_init(&d);
    alarm(20); /* an open that blocks would hang here for ever: fail instead */
    int rc = ini_load(path, &ini, &d);
    alarm(0);
    assert_int_equal(rc, KL_EIO);
    assert_string_equal(d.v[0].file, path);
    assert_non_null(strstr(d.v[0].msg, "not a regular file"));
    diags_free(&d);
    /* a bank file that is a FIFO: refused the same way */
    char dir[300];
    snprintf(dir, sizeof dir, "%s/b", test_tmp);
    mkdir(dir, 0700);
    test_write_in(dir, "bank.ini", bank_ini);
    test_write_in(dir, "questions.ini", Q1 "option.1 = x\nrule.1 = all\n");
    snprintf(path, sizeof path, "%s/areas.ini", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    struct bank *b;
    diags_init(&d);
    alarm(20);
    rc = bank_load(dir, 1, &b, &d);
    alarm(0);
    assert_int_not_equal(rc, KL_OK);
    assert_non_null(strstr(d.v[0].file, "areas.ini"));
    assert_non_null(strstr(d.v[0].msg, "not a regular file"));
    diags_free(&d);
}

static void session__numbers_in_names__canonical_or_refused_with_the_line(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("mini");
    static const struct refusal bad[] = {
        {SESSION_HEAD "[answer.1]\nvalue = 1\n\n[answer.01]\nvalue = 2\n", 10, "leading zeros"},
        {SESSION_HEAD "[answer.1]\nnote.1 = a\nnote.01 = b\n", 9, "note.01"},
        {SESSION_HEAD "[answer.1]\nevidence.1 = a\nevidence.02 = b\n", 9, "evidence.02"},
        {SESSION_HEAD "[participant.01]\nname = A\n", 7, "participant.01"},
        {SESSION_HEAD "[answer.-1]\nvalue = 1\n", 7, "answer.-1"},
        {SESSION_HEAD "[answer.1]\nnote.-1 = a\n", 8, "note.-1"},
        /* 0 is canonical: an unknown question, not a malformed name */
        {SESSION_HEAD "[answer.0]\nvalue = 1\n", 7, "unknown question 0"},
    };
    assert_sessions_refused(b, bad, N_OF(bad));
    assert_bank_refused(Q1 "option.1 = x\noption.01 = y\nrule.1 = all\n", 9, "option.01");
    assert_bank_refused(Q1 "option.1 = x\nrule.1 = all\n[question.02]\n", 10, "question.02");
    bank_free(b);
}

static void session__percent_00__refused_with_the_line_in_every_field(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("mini");
    static const struct refusal bad[] = {
        {SESSION_HEAD "[answer.1]\nnote.1 = before%00after\n", 8, "%00"},
        {SESSION_HEAD "[answer.1]\nnote.1 = one\nnote.2 = two%0\nnote.3 = 0three\n", 9, "%00"},
        {SESSION_HEAD "[answer.1]\nevidence.1 = E%00\n", 8, "%00"},
        {"[session]\nformat = 1\nbank = mini\norganisation = O%00rg\ngroup = kommun\n"
         "date = 2026-01-01\n",
         4, "%00"},
        {SESSION_HEAD "[participant.1]\nname = A%00\n", 8, "%00"},
    };
    assert_sessions_refused(b, bad, N_OF(bad));
    assert_bank_refused("[question.1]\narea = a\nsection = 1\ntype = multi\ntext = T%00\n"
                        "provenance = reconstructed\npoints = 5\noption.1 = x\nrule.1 = all\n",
                        5, "%00");
    /* %2500 is a literal "%00", not a NUL: it loads and survives */
    struct session *s;
    struct diags d;
    diags_init(&d);
    const char *ok = SESSION_HEAD "[answer.1]\nnote.1 = 100%2500\n";
    assert_int_equal(session_parse("t.ini", ok, strlen(ok), b, &s, &d), KL_OK);
    assert_string_equal(s->answers[0].note, "100%00");
    session_free(s);
    diags_free(&d);
    bank_free(b);
}

/* Loading (not lint: lint names the unknown key first) used to print an uninitialised level. */
static void bank__malformed_rule_key__named_without_a_made_up_level(void **st)
{
    (void)st;
    static const char *const cases[][2] = {
        {Q1 "option.1 = x\nrule.x = all\n", "rule.x: the level must be a number 1..2"},
        {Q1 "option.1 = x\nrule. = all\n", "rule.: the level must be a number 1..2"},
        {Q1 "option.1 = x\nrule.9 = all\n", "rule.9: level 9 out of range 1..2"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct diags d;
        struct bank *b;
        diags_init(&d);
        assert_int_equal(load_bank_dir(cases[i][0], 0, &d, &b), KL_EDATA);
        assert_diag(&d, 9, cases[i][1]);
        assert_int_equal(diags_errors(&d), 1);
        diags_free(&d);
    }
}

/* A lock path that is not a lock file of ours: never written through, and the result says
 * "could not lock" (the front ends open read-only), not "held by another kollen". */
static void expect_lock_refused(const char *path, const char *needle)
{
    struct session_lock *l = (struct session_lock *)1;
    struct lock_holder h;
    struct diags d;
    diags_init(&d);
    int rc = session_lock(path, "kollen", &l, &h, &d);
    assert_null(l);
    assert_int_not_equal(rc, KL_OK);
    assert_int_not_equal(rc, KL_ELOCKED);
    assert_int_equal(rc, KL_ENOLOCK);
    const struct diag *g = diags_first_error(&d);
    assert_non_null(g);
    if (!strstr(g->msg, needle))
        fail_msg("expected \"%s\" in \"%s\"", needle, g->msg);
    assert_non_null(strstr(g->msg, ".lock"));
    diags_free(&d);
}

static void lock__planted_path__refused_and_never_written_through(void **st)
{
    (void)st;
    char path[300], lockfile[320], victim[320];
    snprintf(path, sizeof path, "%s/s.ini", test_tmp);
    snprintf(lockfile, sizeof lockfile, "%s.lock", path);
    snprintf(victim, sizeof victim, "%s/victim", test_tmp);
    const char *precious = "precious: not a lock file\n";
    struct stat vs, now;

    /* a hard link to someone's file */
    test_write_in(test_tmp, "victim", precious);
    chmod(victim, 0644);
    assert_int_equal(link(victim, lockfile), 0);
    assert_int_equal(stat(victim, &vs), 0);
    expect_lock_refused(path, "link");
    char *text = test_read_file(victim, NULL);
    assert_string_equal(text, precious);
    free(text);
    assert_int_equal(stat(victim, &now), 0);
    assert_int_equal(now.st_mode & 07777, 0644);
    assert_int_equal(now.st_nlink, 2);
    unlink(lockfile);

    /* a symbolic link */
    assert_int_equal(symlink(victim, lockfile), 0);
    expect_lock_refused(path, "symbolic link");
    text = test_read_file(victim, NULL);
    assert_string_equal(text, precious);
    free(text);
    unlink(lockfile);

    /* a folder */
    assert_int_equal(mkdir(lockfile, 0700), 0);
    expect_lock_refused(path, "folder");
    rmdir(lockfile);

    /* a FIFO: kept, not removed */
    assert_int_equal(mkfifo(lockfile, 0600), 0);
    alarm(20);
    expect_lock_refused(path, "not a regular file");
    alarm(0);
    assert_int_equal(lstat(lockfile, &now), 0);
    assert_true(S_ISFIFO(now.st_mode));
    unlink(lockfile);

    /* a regular file of ours that is not a lock file (a session called s.ini.lock) */
    test_write_in(test_tmp, "s.ini.lock", precious);
    expect_lock_refused(path, "not a kollen lock file");
    text = test_read_file(lockfile, NULL);
    assert_string_equal(text, precious);
    free(text);
    unlink(lockfile);

    /* and with the path clear again, the lock is taken */
    struct session_lock *l;
    struct diags d;
    diags_init(&d);
    assert_int_equal(session_lock(path, "kollen", &l, NULL, &d), KL_OK);
    session_unlock(l);
    diags_free(&d);
}

static void lock__name_too_long__could_not_lock_not_held(void **st)
{
    (void)st;
    char path[600];
    int n = snprintf(path, sizeof path, "%s/", test_tmp);
    memset(path + n, 'x', 252);
    strcpy(path + n + 252, ".ini"); /* 256 bytes: the name itself is too long */
    struct session_lock *l;
    struct diags d;
    diags_init(&d);
    assert_int_equal(session_lock(path, "kollen", &l, NULL, &d), KL_ENOLOCK);
    assert_null(l);
    assert_non_null(diags_first_error(&d));
    diags_free(&d);
}

/* The lock holder removes what a killed writer of this session left (a save's temporary file,
 * the cursor file's), and nothing else: not a concurrent `kollen new`'s temporary file, not the
 * cursor file itself (SESSION.cursor), not another session's. */
static void lock__clean_up__only_this_sessions_killed_saves(void **st)
{
    (void)st;
    static const char *const keep[] = {".s.ini.new.AB12CD", "s.ini.cursor",
                                       ".other.ini.tmp.AB12CD", ".s.ini.tmp.AB12CD.x",
                                       ".s.ini.tmp.AB12"};
    char path[300], p[400];
    snprintf(path, sizeof path, "%s/s.ini", test_tmp);
    for (size_t i = 0; i < sizeof keep / sizeof *keep; i++) {
        snprintf(p, sizeof p, "%s/%s", test_tmp, keep[i]);
        FILE *f = fopen(p, "w");
        assert_non_null(f);
        fclose(f);
    }
    snprintf(p, sizeof p, "%s/.s.ini.tmp.AB12CD", test_tmp);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fclose(f);
    struct session_lock *l;
    struct diags d;
    diags_init(&d);
    char cur[400];
    snprintf(cur, sizeof cur, "%s/.s.ini.cursor.tmp.AB12CD", test_tmp);
    f = fopen(cur, "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(session_lock(path, "kollen", &l, NULL, &d), KL_OK);
    assert_int_equal(access(p, F_OK), -1);   /* a killed save's: removed */
    assert_int_equal(access(cur, F_OK), -1); /* a killed writer's cursor temporary: removed */
    for (size_t i = 0; i < sizeof keep / sizeof *keep; i++) {
        char k[400];
        snprintf(k, sizeof k, "%s/%s", test_tmp, keep[i]);
        if (access(k, F_OK))
            fail_msg("%s was removed", keep[i]);
        unlink(k);
    }
    session_unlock(l);
    diags_free(&d);
}

static void names__kollens_own_files_and_hidden_names__refused(void **st)
{
    (void)st;
    char longest[SESSION_NAME_MAX + 2];
    memset(longest, 'x', sizeof longest);
    longest[SESSION_NAME_MAX] = '\0';
    const char *ok[] = {"ws2026", "Möte 2026-03-01", "x.ini", "a.lock.b", "lock", "tmp", "x-y_z",
                        "日本語", longest};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        struct diags d;
        diags_init(&d);
        if (store_check_session_name(ok[i], &d) != KL_OK)
            fail_msg("\"%s\" refused: %s", ok[i], d.n ? d.v[0].msg : "");
        diags_free(&d);
    }
    longest[SESSION_NAME_MAX] = 'x';
    longest[SESSION_NAME_MAX + 1] = '\0';
    static const struct {
        const char *name, *why;
    } bad[] = {
        {"", "needs a name"},
        {".", "dot"},
        {"..", "dot"},
        {".ini", "dot"},
        {".hidden", "dot"},
        {"x.ini.lock", ".lock"},
        {"x.lock", ".lock"},
        {"x.tmp", ".tmp"},
        {"x.ini.cursor", ".cursor"},
        {"a/b", "/"},
        {"../x", "/"},
        {"a\tb", "control"},
        {"a\x1b[2Jb", "control"},
        {"a\xc2\x9b" "b", "control"},
        {"a\xe2\x80\xae" "b", "control"},
        {"a\nb", "control"},
        {"bad \xff", "UTF-8"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        struct diags d;
        diags_init(&d);
        assert_int_equal(store_check_session_name(bad[i].name, &d), KL_EUSAGE);
        if (!d.n || !strstr(d.v[0].msg, bad[i].why))
            fail_msg("name %zu: expected \"%s\", got \"%s\"", i, bad[i].why, d.n ? d.v[0].msg : "");
        diags_free(&d);
    }
    struct diags d;
    diags_init(&d);
    assert_int_equal(store_check_session_name(longest, &d), KL_EUSAGE);
    assert_non_null(strstr(d.v[0].msg, "200"));
    diags_free(&d);
}

/* Files written before notes were split by size hold a key per line of a note: they load, and
 * the next save writes the note by size. */
static void notes__old_file_split_by_line__loads_and_is_saved_by_size(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("mini");
    struct sbuf t, want;
    sbuf_init(&t);
    sbuf_init(&want);
    sbuf_add(&t, SESSION_HEAD "[answer.1]\nvalue = 1\n");
    for (int i = 1; i <= 500; i++) {
        sbuf_addf(&t, "note.%d = rad %d%%3B slut%%0A\n", i, i);
        sbuf_addf(&want, "rad %d; slut\n", i);
    }
    struct session *s;
    struct diags d;
    diags_init(&d);
    assert_int_equal(session_parse("old.ini", t.p, t.len, b, &s, &d), KL_OK);
    assert_string_equal(s->answers[0].note, want.p);
    char path[300];
    snprintf(path, sizeof path, "%s/old.ini", test_tmp);
    struct session *back = save_and_load(b, s, path);
    assert_string_equal(back->answers[0].note, want.p);
    char *file = test_read_file(path, NULL);
    int parts = 0;
    for (char *p = strstr(file, "\nnote."); p; p = strstr(p + 1, "\nnote."))
        parts++;
    assert_true(parts > 1 && parts <= (int)(3 * want.len / 480 + 1));
    free(file);
    session_free(back);
    session_free(s);
    sbuf_free(&t);
    sbuf_free(&want);
    diags_free(&d);
    bank_free(b);
}

int main(void)
{
    msg_set_lang(LANG_EN);
#define T(fn) cmocka_unit_test_setup_teardown(fn, test_tmp_setup, test_tmp_teardown)
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ini__each_malformation__named_with_its_line),
        cmocka_unit_test(ini__long_line__refused_before_iniparser_sees_it),
        cmocka_unit_test(ini__values_with_and_without_quotes_inside__read_as_written),
        cmocka_unit_test(ini__many_errors__all_reported),
        cmocka_unit_test(ini__bom_and_crlf__handled),
        T(bank__each_error__named_with_its_line),
        T(bank__same_number_in_two_files__both_places_named),
        T(bank__strict_only__unknown_keys_tolerated_when_loading),
        T(bank__published_totals__checked_by_lint),
        T(bank__folder_name__must_match_id),
        T(notes__hostile_text__survives_save_and_load_byte_for_byte),
        T(notes__twenty_kilobytes__survive_and_every_line_fits),
        T(notes__random_text__round_trips),
        T(session__full_record__round_trips_and_formats_stably),
        cmocka_unit_test(session__unknown_keys_and_sections__kept_on_save),
        cmocka_unit_test(session__each_error__named_with_its_line),
        cmocka_unit_test(session__over_long_note__refused),
        T(save__any_umask__file_is_0600),
        T(save__write_fails__old_file_untouched_and_no_temp_left),
        T(lock__second_writer__told_who_holds_it),
        T(lock__left_by_a_dead_process__taken_over_with_a_warning),
        cmocka_unit_test(ini__dev_null__said_to_be_no_regular_file),
        T(ini__fifo__refused_at_once_naming_the_file),
        T(session__numbers_in_names__canonical_or_refused_with_the_line),
        T(session__percent_00__refused_with_the_line_in_every_field),
        T(bank__malformed_rule_key__named_without_a_made_up_level),
        T(lock__planted_path__refused_and_never_written_through),
        T(lock__name_too_long__could_not_lock_not_held),
        T(lock__clean_up__only_this_sessions_killed_saves),
        cmocka_unit_test(names__kollens_own_files_and_hidden_names__refused),
        T(notes__old_file_split_by_line__loads_and_is_saved_by_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
