/* test_ops_workshop.c: the workshop use cases both front ends call (kollen/ops_workshop.h):
 * creating a session, opening it for writing (the lock first) or read-only, changing one
 * answer with every part checked first, the evidence rule, stamps and saves, undo and redo
 * as the answer before and after, a failed save kept in memory and written later. */
#include "test_ops_util.h"

static const struct answer *on_disk(int n, struct bank **b, struct session **s)
{
    *s = test_reload(ops_path, b);
    return &(*s)->answers[bank_find_question(*b, n)];
}

/* --- creating --- */

static void create__fields_and_participants__saved_private_in_a_private_folder(void **st)
{
    (void)st;
    char *dir = test_tmp_path("sessions"), *p = test_tmp_path("sessions/ny.ini");
    const char *specs[] = {"Bo Berg: CISO", "Cia", NULL};
    struct ops_person people[] = {{"  Per ", " IT-chef "}, {"  ", "ingen"}};
    struct ops_new n = {0};
    n.bank_id = "mini";
    n.organisation = "Exempel kommun";
    n.group = GROUP_REGION;
    n.facilitator = "Anna Ö";
    n.participants = specs;
    n.people = people;
    n.n_people = 2;
    n.make_dir = dir;
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_create(OPS_QDIR, p, &n, OPS_NOW, &d), KL_OK);
    diags_free(&d);
    struct stat sd, sf;
    assert_int_equal(stat(dir, &sd), 0);
    assert_int_equal(sd.st_mode & 0777, 0700);
    assert_int_equal(stat(p, &sf), 0);
    assert_int_equal(sf.st_mode & 0777, 0600);
    struct bank *b;
    struct session *s;
    diags_init(&d);
    assert_int_equal(session_open(p, OPS_QDIR, &b, &s, &d), KL_OK);
    diags_free(&d);
    assert_string_equal(s->organisation, "Exempel kommun");
    assert_int_equal(s->group, GROUP_REGION);
    assert_string_equal(s->facilitator, "Anna Ö");
    assert_string_equal(s->date, "2024-05-02"); /* today, from the clock given */
    assert_int_equal(s->n_participants, 3);     /* the row without a name is left out */
    assert_string_equal(s->participants[0].name, "Bo Berg");
    assert_string_equal(s->participants[0].role, "CISO");
    assert_string_equal(s->participants[1].name, "Cia");
    assert_string_equal(s->participants[1].role, "");
    assert_string_equal(s->participants[2].name, "Per");
    assert_string_equal(s->participants[2].role, "IT-chef");
    session_free(s);
    bank_free(b);
    free(dir);
    free(p);
}

static void create__existing_file__eexist_and_the_file_untouched(void **st)
{
    (void)st;
    char *before = test_read_file(ops_path, NULL);
    struct ops_new n = {.bank_id = "mini", .organisation = "Annan"};
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_create(OPS_QDIR, ops_path, &n, OPS_NOW, &d), KL_EEXIST);
    assert_non_null(diags_first_error(&d));
    diags_free(&d);
    char *after = test_read_file(ops_path, NULL);
    assert_string_equal(before, after);
    free(before);
    free(after);
}

static void create__organisation_at_and_past_the_limit__200_bytes_kept_201_refused(void **st)
{
    (void)st;
    char org[SESSION_FIELD_MAX + 2];
    memset(org, 'x', sizeof org - 1);
    org[SESSION_FIELD_MAX] = '\0';
    char *ok = test_tmp_path("ok.ini"), *no = test_tmp_path("no.ini");
    struct ops_new n = {.bank_id = "mini", .organisation = org};
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_create(OPS_QDIR, ok, &n, OPS_NOW, &d), KL_OK);
    struct bank *b;
    struct session *s;
    assert_int_equal(session_open(ok, OPS_QDIR, &b, &s, &d), KL_OK);
    assert_string_equal(s->organisation, org); /* and back from the file */
    session_free(s);
    bank_free(b);
    org[SESSION_FIELD_MAX] = 'x';
    org[SESSION_FIELD_MAX + 1] = '\0';
    assert_int_equal(ops_create(OPS_QDIR, no, &n, OPS_NOW, &d), KL_EUSAGE);
    assert_diag(&d, 0, "201");
    assert_int_equal(access(no, F_OK), -1); /* nothing written */
    diags_free(&d);
    free(ok);
    free(no);
}

static void create__unknown_bank_or_unmakeable_folder__an_error_naming_it(void **st)
{
    (void)st;
    char *p = test_tmp_path("x.ini");
    struct ops_new n = {.bank_id = "nosuch", .organisation = "X"};
    struct diags d;
    diags_init(&d);
    assert_int_not_equal(ops_create(OPS_QDIR, p, &n, OPS_NOW, &d), KL_OK);
    assert_diag(&d, 0, "nosuch");
    diags_clear(&d);
    /* a folder under a file cannot be made */
    n.bank_id = "mini";
    char *under = test_tmp_path("s.ini/sub");
    n.make_dir = under;
    assert_int_equal(ops_create(OPS_QDIR, p, &n, OPS_NOW, &d), KL_EIO);
    assert_diag(&d, 0, "sessionsmappen");
    assert_int_equal(access(p, F_OK), -1);
    diags_free(&d);
    free(p);
    free(under);
}

/* --- opening --- */

static void open__for_writing__a_second_writer_is_told_who_holds_it(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0), *w2 = NULL;
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_open(&w2, ops_path, OPS_QDIR, 0, "test", &d), KL_ELOCKED);
    assert_null(w2);
    assert_diag(&d, 0, "test (pid");
    diags_clear(&d);
    /* read-only needs no lock */
    assert_int_equal(ops_open(&w2, ops_path, OPS_QDIR, OPS_READ_ONLY, "test", &d), KL_OK);
    assert_true(w2->read_only);
    assert_null(w2->lock);
    ops_close(w2);
    ops_close(w);
    /* the lock went with the first writer */
    assert_int_equal(ops_open(&w2, ops_path, OPS_QDIR, 0, "test", &d), KL_OK);
    ops_close(w2);
    diags_free(&d);
}

/* Locked out for a reason other than another writer: `kollen set` (flags 0) is refused with
 * the reason; the TUI (OPS_LOCK_OR_READ_ONLY) opens read-only saying why, never writable
 * without the lock. */
static void open__lock_impossible__refused_or_read_only_with_the_reason(void **st)
{
    (void)st;
    char lock[400];
    snprintf(lock, sizeof lock, "%s.lock", ops_path);
    char *before = test_read_file(ops_path, NULL);
    for (int how = 0; how < 2; how++) {
        if (how == 0)
            assert_int_equal(mkdir(lock, 0700), 0); /* a folder where the lock file goes */
        else
            assert_int_equal(symlink("/tmp/kollen-elsewhere", lock), 0);
        struct workshop *w = NULL;
        struct diags d;
        diags_init(&d);
        assert_int_equal(ops_open(&w, ops_path, OPS_QDIR, 0, "test", &d), KL_ENOLOCK);
        assert_null(w);
        assert_diag(&d, 0, how ? "symbolisk länk" : "är en mapp");
        diags_clear(&d);
        assert_int_equal(ops_open(&w, ops_path, OPS_QDIR, OPS_LOCK_OR_READ_ONLY, "test", &d),
                         KL_OK);
        assert_true(w->read_only);
        assert_null(w->lock);
        assert_int_equal(diags_errors(&d), 0);
        assert_true(d.n >= 1 && d.v[0].is_warning);
        assert_non_null(strstr(d.v[0].msg, "skrivskyddad"));
        assert_non_null(strstr(d.v[0].msg, how ? "symbolisk länk" : "är en mapp"));
        /* and read-only it is: nothing changes, nothing is written */
        struct ops_change c = {.answer = "all"};
        struct ops_result res;
        assert_int_equal(ops_set(w, 0, &c, OPS_NOW, &res, &d), KL_EUSAGE);
        assert_int_equal(ops_save(w, OPS_NOW, &d), KL_OK);
        ops_close(w);
        diags_free(&d);
        char *after = test_read_file(ops_path, NULL);
        assert_string_equal(before, after);
        free(after);
        struct stat sb;
        assert_int_equal(lstat(lock, &sb), 0); /* left as it was */
        assert_true(how ? S_ISLNK(sb.st_mode) : S_ISDIR(sb.st_mode));
        if (how == 0)
            rmdir(lock);
        else
            unlink(lock);
    }
    free(before);
}

static void open__read_only__every_change_refused_nothing_written(void **st)
{
    (void)st;
    char *before = test_read_file(ops_path, NULL);
    struct workshop *w = NULL;
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_open(&w, ops_path, OPS_QDIR, OPS_READ_ONLY, "test", &d), KL_OK);
    struct ops_change c = {.answer = "all"};
    struct ops_result res;
    assert_int_equal(ops_set(w, 0, &c, OPS_NOW, &res, &d), KL_EUSAGE);
    assert_diag(&d, 0, "skrivskyddad");
    assert_int_equal(ops_undo(w, OPS_NOW, &res, &d), KL_EUSAGE);
    assert_int_equal(ops_save(w, OPS_NOW, &d), KL_OK);
    assert_false(w->ses->answers[0].answered);
    ops_close(w);
    diags_free(&d);
    char *after = test_read_file(ops_path, NULL);
    assert_string_equal(before, after);
    free(before);
    free(after);
}

/* --- changing --- */

static void set__answer_text__changed_stamped_scored_and_saved(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    unsigned long rev = w->rev;
    struct ops_change c = {.answer = "1,3"};
    struct ops_result res;
    assert_int_equal(ops_set_number(w, 1, &c, &res, NULL), KL_OK);
    assert_true(res.changed);
    assert_int_equal(res.saved, 1);
    assert_true(w->rev > rev);
    assert_int_equal(w->sc.actions, 3); /* option 3 counts 2 actions */
    assert_int_equal(w->ses->cursor, 1);
    assert_int_equal(w->ses->modified, OPS_NOW);
    struct bank *b;
    struct session *s;
    const struct answer *a = on_disk(1, &b, &s);
    assert_true(a->answered);
    assert_int_equal(a->ticks, 5);
    assert_int_equal(a->changed, OPS_NOW);
    assert_int_equal(s->cursor, 1);
    session_free(s);
    bank_free(b);
    ops_close(w);
}

static void set__option_all_clear__multi_toggles_single_chooses(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_result res;
    struct ops_change c = {.option = 2};
    assert_int_equal(ops_set_number(w, 1, &c, &res, NULL), KL_OK);
    assert_int_equal(ops_set_number(w, 1, &c, &res, NULL), KL_OK);
    assert_int_equal(w->ses->answers[0].ticks, 0); /* toggled on and off */
    assert_true(w->ses->answers[0].answered);
    int q2 = bank_find_question(w->bank, 2);
    c.option = 3;
    assert_int_equal(ops_set_number(w, 2, &c, &res, NULL), KL_OK);
    assert_int_equal(w->ses->answers[q2].choice, 3);
    struct ops_change all = {.all = 1};
    assert_int_equal(ops_set_number(w, 2, &all, &res, NULL), KL_OK);
    assert_int_equal(w->ses->answers[q2].choice, 4);
    assert_int_equal(ops_set_number(w, 1, &all, &res, NULL), KL_OK);
    assert_int_equal(w->ses->answers[0].ticks, 7);
    struct ops_change clear = {.clear = OPS_CLEAR_TICKS};
    assert_int_equal(ops_set_number(w, 1, &clear, &res, NULL), KL_OK);
    assert_true(w->ses->answers[0].answered); /* a multi question: "none" */
    assert_int_equal(ops_set_number(w, 2, &clear, &res, NULL), KL_OK);
    assert_false(w->ses->answers[q2].answered); /* a choice cleared is no answer */
    clear.clear = OPS_CLEAR_UNDISCUSSED;
    assert_int_equal(ops_set_number(w, 1, &clear, &res, NULL), KL_OK);
    assert_false(w->ses->answers[0].answered);
    /* an option the question does not have */
    c.option = 5;
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_set(w, q2, &c, OPS_NOW, &res, &d), KL_EUSAGE);
    assert_diag(&d, 0, "alternativ 5");
    diags_free(&d);
    ops_close(w);
}

static void set__evidence__documents_the_answer_once_unless_told(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_result res;
    const char *one[] = {"KS §12", NULL};
    struct ops_change c = {.evidence_add = one};
    assert_int_equal(ops_set_number(w, 1, &c, &res, NULL), KL_OK);
    assert_true(res.documented);
    assert_true(w->ses->answers[0].documented);
    const char *two[] = {"Rutin 3", NULL};
    c.evidence_add = two;
    assert_int_equal(ops_set_number(w, 1, &c, &res, NULL), KL_OK);
    assert_false(res.documented); /* documented already */
    /* told otherwise: the flag wins over the rule */
    const char *three[] = {"Bilaga", NULL};
    struct ops_change off = {.evidence_add = three, .documented = OPS_OFF};
    assert_int_equal(ops_set_number(w, 3, &off, &res, NULL), KL_OK);
    assert_false(res.documented);
    assert_false(w->ses->answers[bank_find_question(w->bank, 3)].documented);
    /* edit and remove */
    struct ops_change edit = {.evidence_edit = 1, .evidence_text = "KS §13"};
    assert_int_equal(ops_set_number(w, 1, &edit, &res, NULL), KL_OK);
    assert_string_equal(w->ses->answers[0].evidence[0], "KS §13");
    struct ops_change rm = {.evidence_remove = 1};
    assert_int_equal(ops_set_number(w, 1, &rm, &res, NULL), KL_OK);
    assert_int_equal(w->ses->answers[0].n_evidence, 1);
    assert_string_equal(w->ses->answers[0].evidence[0], "Rutin 3");
    struct ops_change flags = {.documented = OPS_TOGGLE, .followup = OPS_ON};
    assert_int_equal(ops_set_number(w, 1, &flags, &res, NULL), KL_OK);
    assert_false(w->ses->answers[0].documented);
    assert_true(w->ses->answers[0].followup);
    ops_close(w);
}

static void set__one_invalid_part__nothing_changes_nothing_is_written(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    char *before = test_read_file(ops_path, NULL);
    struct ops_result res;
    struct diags d;
    diags_init(&d);
    const char *refs[] = {"ok", NULL};
    struct ops_change c = {.answer = "1,9", .note = "en anteckning", .evidence_add = refs};
    assert_int_equal(ops_set(w, 0, &c, OPS_NOW, &res, &d), KL_EUSAGE);
    assert_diag(&d, 0, "alternativ 9");
    diags_clear(&d);
    const char *bad[] = {"ok", "två\nrader", NULL};
    struct ops_change c2 = {.answer = "all", .evidence_add = bad};
    assert_int_equal(ops_set(w, 0, &c2, OPS_NOW, &res, &d), KL_EUSAGE);
    assert_diag(&d, 0, "radbrytningar");
    diags_clear(&d);
    struct ops_change c3 = {.evidence_edit = 2, .evidence_text = "x"};
    assert_int_equal(ops_set(w, 0, &c3, OPS_NOW, &res, &d), KL_EUSAGE);
    assert_diag(&d, 0, "evidensreferens 2");
    diags_free(&d);
    assert_false(w->ses->answers[0].answered);
    assert_null(w->ses->answers[0].note);
    assert_int_equal(w->ses->answers[0].n_evidence, 0);
    assert_int_equal(w->n_undo, 0);
    char *after = test_read_file(ops_path, NULL);
    assert_string_equal(before, after);
    free(before);
    free(after);
    ops_close(w);
}

static void set__evidence_and_note_at_their_limits__kept_one_more_refused(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_result res;
    const char *refs[SESSION_EVIDENCE_COUNT + 2];
    char texts[SESSION_EVIDENCE_COUNT + 1][16];
    for (int i = 0; i <= SESSION_EVIDENCE_COUNT; i++) {
        snprintf(texts[i], sizeof texts[i], "ref %d", i + 1);
        refs[i] = texts[i];
    }
    refs[SESSION_EVIDENCE_COUNT] = NULL;
    struct ops_change c = {.evidence_add = refs};
    assert_int_equal(ops_set_number(w, 1, &c, &res, NULL), KL_OK);
    assert_int_equal(w->ses->answers[0].n_evidence, SESSION_EVIDENCE_COUNT);
    const char *one_more[] = {"ref 65", NULL};
    c.evidence_add = one_more;
    assert_int_equal(ops_set_number(w, 1, &c, &res, NULL), KL_EUSAGE);
    char *note = malloc(SESSION_NOTE_MAX + 2);
    memset(note, 'n', SESSION_NOTE_MAX + 1);
    note[SESSION_NOTE_MAX] = '\0';
    struct ops_change n = {.note = note};
    assert_int_equal(ops_set_number(w, 1, &n, &res, NULL), KL_OK);
    note[SESSION_NOTE_MAX] = 'n';
    note[SESSION_NOTE_MAX + 1] = '\0';
    assert_int_equal(ops_set_number(w, 1, &n, &res, NULL), KL_EUSAGE);
    note[SESSION_NOTE_MAX] = '\0';
    ops_close(w);
    struct bank *b;
    struct session *s;
    const struct answer *a = on_disk(1, &b, &s); /* the round trip of both limits */
    assert_int_equal(a->n_evidence, SESSION_EVIDENCE_COUNT);
    assert_string_equal(a->evidence[SESSION_EVIDENCE_COUNT - 1], "ref 64");
    assert_string_equal(a->note, note);
    session_free(s);
    bank_free(b);
    free(note);
}

static void set__unchanged__no_step_no_write_unless_confirmed(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_result res;
    struct ops_change c = {.answer = "2"};
    assert_int_equal(ops_set(w, 0, &c, OPS_NOW, &res, NULL), KL_OK);
    assert_int_equal(w->n_undo, 1);
    assert_int_equal(ops_set(w, 0, &c, OPS_NOW + 60, &res, NULL), KL_OK);
    assert_false(res.changed);
    assert_int_equal(res.saved, 0);
    assert_int_equal(w->n_undo, 1);
    assert_int_equal(w->ses->answers[0].changed, OPS_NOW);
    c.confirm = 1; /* `kollen set`: recorded as given now */
    assert_int_equal(ops_set(w, 0, &c, OPS_NOW + 60, &res, NULL), KL_OK);
    assert_false(res.changed);
    assert_int_equal(res.saved, 1);
    assert_int_equal(w->n_undo, 1);
    assert_int_equal(w->ses->answers[0].changed, OPS_NOW + 60);
    ops_close(w);
}

static void set__save_fails__change_kept_and_written_later(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    char away[300];
    snprintf(away, sizeof away, "%s.away", test_tmp);
    assert_int_equal(rename(test_tmp, away), 0);
    struct ops_result res;
    struct ops_change c = {.answer = "all"};
    struct diags d;
    diags_init(&d);
    assert_int_equal(ops_set(w, 0, &c, OPS_NOW, &res, &d), KL_OK);
    assert_int_equal(res.saved, -1);
    assert_true(w->dirty);
    assert_true(w->save_error[0] != '\0');
    assert_non_null(diags_first_error(&d));
    assert_int_not_equal(ops_flush(w, OPS_NOW, &d), KL_OK);
    assert_int_equal(rename(away, test_tmp), 0);
    assert_int_equal(ops_flush(w, OPS_NOW, &d), KL_OK);
    assert_false(w->dirty);
    assert_int_equal(w->save_error[0], '\0');
    diags_free(&d);
    ops_close(w);
    struct bank *b;
    struct session *s;
    assert_int_equal(on_disk(1, &b, &s)->ticks, 7);
    session_free(s);
    bank_free(b);
}

/* --- undo and redo --- */

static void undo_redo__the_answer_before_and_after_on_disk_too(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_result res;
    struct ops_change a = {.answer = "1"}, b2 = {.answer = "3", .note = "x"};
    assert_int_equal(ops_set_number(w, 1, &a, &res, NULL), KL_OK);
    assert_int_equal(ops_set_number(w, 2, &b2, &res, NULL), KL_OK);
    /* each step is one question's answer before and after */
    assert_int_equal(w->n_undo, 2);
    assert_int_equal(w->undo[1].question, bank_find_question(w->bank, 2));
    assert_false(w->undo[1].before.answered);
    assert_int_equal(w->undo[1].after.choice, 3);
    assert_string_equal(w->undo[1].after.note, "x");
    assert_int_equal(ops_undo(w, OPS_NOW, &res, NULL), KL_OK);
    assert_int_equal(res.question, bank_find_question(w->bank, 2));
    assert_int_equal(w->ses->cursor, 2);
    struct bank *b;
    struct session *s;
    assert_false(on_disk(2, &b, &s)->answered);
    session_free(s);
    bank_free(b);
    assert_int_equal(ops_redo(w, OPS_NOW, &res, NULL), KL_OK);
    assert_int_equal(w->ses->answers[res.question].choice, 3);
    assert_string_equal(w->ses->answers[res.question].note, "x");
    /* a change that changes nothing keeps what can be redone; a real one ends it */
    assert_int_equal(ops_undo(w, OPS_NOW, &res, NULL), KL_OK);
    assert_int_equal(w->n_redo, 1);
    struct ops_change same = {.answer = "1"};
    assert_int_equal(ops_set_number(w, 1, &same, &res, NULL), KL_OK);
    assert_false(res.changed);
    assert_int_equal(w->n_redo, 1);
    assert_int_equal(ops_set_number(w, 4, &a, &res, NULL), KL_OK);
    assert_int_equal(w->n_redo, 0);
    assert_int_equal(ops_redo(w, OPS_NOW, &res, NULL), KL_OK);
    assert_false(res.changed); /* nothing to redo */
    ops_close(w);
}

static void undo__merged_changes__one_step_back_to_before_the_first(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_result res;
    struct ops_change c = {.note = "för"};
    assert_int_equal(ops_set_number(w, 1, &c, &res, NULL), KL_OK);
    struct ops_change t1 = {.note = "första", .merge = 0},
                      t2 = {.note = "första andra", .merge = 1};
    assert_int_equal(ops_set_number(w, 1, &t1, &res, NULL), KL_OK);
    assert_int_equal(ops_set_number(w, 1, &t2, &res, NULL), KL_OK);
    assert_int_equal(w->n_undo, 2);
    assert_int_equal(ops_undo(w, OPS_NOW, &res, NULL), KL_OK);
    assert_string_equal(w->ses->answers[0].note, "för");
    assert_int_equal(ops_redo(w, OPS_NOW, &res, NULL), KL_OK);
    assert_string_equal(w->ses->answers[0].note, "första andra");
    ops_close(w);
}

/* A step keeps what its change changed: a note, the evidence and the dissent the change left
 * alone are the answer's, on neither side of the step (the memory of 200 ticks on a question
 * with a long note is 200 ticks, not 400 notes), and undo and redo still put them back. */
static void undo__unchanged_note_evidence_dissent__kept_by_the_answer_only(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_result res;
    const char *ev[] = {"Protokoll 1", "Protokoll 2", NULL}, *ds[] = {"Ann: nej", NULL};
    struct ops_change first = {.answer = "1", .note = "lång anteckning", .evidence_add = ev,
                               .dissent_add = ds};
    assert_int_equal(ops_set_number(w, 1, &first, &res, NULL), KL_OK);
    struct ops_step *s = &w->undo[w->n_undo - 1];
    assert_int_equal(s->same, 0); /* all three came with it: kept */
    assert_string_equal(s->after.note, "lång anteckning");
    assert_int_equal(s->after.n_evidence, 2);
    struct ops_change tick = {.option = 2};
    for (int i = 0; i < 3; i++)
        assert_int_equal(ops_set_number(w, 1, &tick, &res, NULL), KL_OK);
    assert_int_equal(w->n_undo, 4);
    s = &w->undo[w->n_undo - 1];
    assert_int_equal(s->same, OPS_SAME_NOTE | OPS_SAME_EVIDENCE | OPS_SAME_DISSENT);
    assert_null(s->before.note);
    assert_null(s->after.note);
    assert_int_equal(s->before.n_evidence + s->after.n_evidence, 0);
    assert_int_equal(s->before.n_dissent + s->after.n_dissent, 0);
    /* a new note on its own: the evidence and the dissent stay the answer's */
    struct ops_change note = {.note = "ny"};
    assert_int_equal(ops_set_number(w, 1, &note, &res, NULL), KL_OK);
    s = &w->undo[w->n_undo - 1];
    assert_int_equal(s->same, OPS_SAME_EVIDENCE | OPS_SAME_DISSENT);
    assert_string_equal(s->before.note, "lång anteckning");
    assert_string_equal(s->after.note, "ny");
    /* back through all of it and forward again */
    const struct answer *a = &w->ses->answers[0];
    assert_int_equal(ops_undo(w, OPS_NOW, &res, NULL), KL_OK);
    assert_string_equal(a->note, "lång anteckning");
    assert_int_equal(a->n_evidence, 2);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(ops_undo(w, OPS_NOW, &res, NULL), KL_OK);
        assert_string_equal(a->note, "lång anteckning");
        assert_int_equal(a->n_evidence, 2);
        assert_string_equal(a->evidence[1], "Protokoll 2");
        assert_int_equal(a->n_dissent, 1);
    }
    assert_int_equal(ops_undo(w, OPS_NOW, &res, NULL), KL_OK);
    assert_null(a->note);
    assert_int_equal(a->n_evidence, 0);
    assert_int_equal(a->n_dissent, 0);
    assert_false(a->answered);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(ops_redo(w, OPS_NOW, &res, NULL), KL_OK);
        assert_string_equal(a->note, "lång anteckning");
        assert_int_equal(a->n_evidence, 2);
        assert_string_equal(a->dissent[0].view, "nej");
    }
    assert_int_equal(ops_redo(w, OPS_NOW, &res, NULL), KL_OK);
    assert_string_equal(a->note, "ny");
    assert_int_equal(a->n_evidence, 2);
    /* a merged change that changes the note of a step that shared it: the step holds it now */
    struct ops_change t2 = {.note = "ny och mer", .merge = 1};
    assert_int_equal(ops_set_number(w, 1, &tick, &res, NULL), KL_OK); /* shares the note "ny" */
    assert_int_equal(w->undo[w->n_undo - 1].same & OPS_SAME_NOTE, OPS_SAME_NOTE);
    int n = w->n_undo;
    assert_int_equal(ops_set_number(w, 1, &t2, &res, NULL), KL_OK);
    assert_int_equal(w->n_undo, n);
    s = &w->undo[w->n_undo - 1];
    assert_int_equal(s->same & OPS_SAME_NOTE, 0);
    assert_string_equal(s->before.note, "ny");
    assert_int_equal(ops_undo(w, OPS_NOW, &res, NULL), KL_OK);
    assert_string_equal(a->note, "ny");
    assert_int_equal(ops_redo(w, OPS_NOW, &res, NULL), KL_OK);
    assert_string_equal(a->note, "ny och mer");
    /* and on disk as in memory */
    struct bank *b;
    struct session *sd;
    const struct answer *on = on_disk(1, &b, &sd);
    assert_string_equal(on->note, "ny och mer");
    assert_int_equal(on->n_evidence, 2);
    session_free(sd);
    bank_free(b);
    ops_close(w);
}

static void undo__200_steps_kept_the_201st_drops_the_oldest(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_result res;
    struct ops_change c = {.option = 1};
    for (int i = 0; i < OPS_UNDO_MAX + 1; i++)
        assert_int_equal(ops_set_number(w, 1, &c, &res, NULL), KL_OK);
    assert_int_equal(w->n_undo, OPS_UNDO_MAX);
    int undone = 0;
    for (;; undone++) {
        assert_int_equal(ops_undo(w, OPS_NOW, &res, NULL), KL_OK);
        if (!res.changed)
            break;
    }
    assert_int_equal(undone, OPS_UNDO_MAX);
    /* back to after the first change, which fell off: answered, option 1 ticked */
    assert_true(w->ses->answers[0].answered);
    assert_int_equal(w->ses->answers[0].ticks, 1);
    assert_int_equal(w->n_redo, OPS_UNDO_MAX);
    ops_close(w);
}

/* The plan step tracked between workshops: saved, the cursor left where the room is, undone
 * like an answer; a bad date or status changes nothing; the same values write nothing. */
static void step__owner_due_status__saved_undone_checked_first(void **st)
{
    (void)st;
    struct workshop *w = ops_open_path(0);
    struct ops_result res;
    struct diags d;
    diags_init(&d);
    int qi = bank_find_question(w->bank, 2);
    int cursor = w->ses->cursor;
    assert_int_equal(ops_set_step(w, qi, "Bo Berg", "2027-03-01", -1, OPS_NOW, &res, &d), KL_OK);
    assert_true(res.changed);
    assert_int_equal(res.saved, 1);
    assert_int_equal(w->ses->cursor, cursor);
    struct bank *b;
    struct session *s;
    const struct answer *a = on_disk(2, &b, &s);
    assert_string_equal(a->owner, "Bo Berg");
    assert_string_equal(a->due, "2027-03-01");
    assert_int_equal(a->status, STEP_OPEN); /* an owner makes the step open */
    session_free(s);
    bank_free(b);
    assert_int_equal(ops_set_step(w, qi, NULL, NULL, STEP_STARTED, OPS_NOW, &res, &d), KL_OK);
    assert_int_equal(w->ses->answers[qi].status, STEP_STARTED);
    /* nothing new: no step, nothing written */
    int undo = w->n_undo;
    assert_int_equal(ops_set_step(w, qi, "Bo Berg", NULL, STEP_STARTED, OPS_NOW, &res, &d), KL_OK);
    assert_false(res.changed);
    assert_int_equal(res.saved, 0);
    assert_int_equal(w->n_undo, undo);
    /* checked first: a bad date or status leaves the step as it was */
    assert_int_equal(ops_set_step(w, qi, "Cia", "2027-02-30", -1, OPS_NOW, &res, &d), KL_EUSAGE);
    assert_int_equal(ops_set_step(w, qi, "Cia", NULL, 9, OPS_NOW, &res, &d), KL_EUSAGE);
    assert_string_equal(w->ses->answers[qi].owner, "Bo Berg");
    /* undone like an answer: the step before it comes back */
    assert_int_equal(ops_undo(w, OPS_NOW, &res, NULL), KL_OK);
    assert_int_equal(w->ses->answers[qi].status, STEP_OPEN);
    assert_int_equal(ops_undo(w, OPS_NOW, &res, NULL), KL_OK);
    assert_null(w->ses->answers[qi].owner);
    assert_int_equal(w->ses->answers[qi].status, STEP_UNTRACKED);
    /* "" clears */
    assert_int_equal(ops_set_step(w, qi, "Dan", "2027-01-01", -1, OPS_NOW, &res, &d), KL_OK);
    assert_int_equal(ops_set_step(w, qi, "", "", -1, OPS_NOW, &res, &d), KL_OK);
    assert_null(w->ses->answers[qi].owner);
    assert_null(w->ses->answers[qi].due);
    diags_free(&d);
    ops_close(w);
}

static void question__by_number__index_or_minus_one(void **st)
{
    (void)st;
    struct bank *b = load_fixture_bank("mini");
    assert_int_equal(ops_question(b, "3"), bank_find_question(b, 3));
    assert_int_equal(ops_question(b, "99"), -1);
    assert_int_equal(ops_question(b, "0"), -1);
    assert_int_equal(ops_question(b, "x"), -1);
    assert_int_equal(ops_question(b, NULL), -1);
    bank_free(b);
}

#define T(f) cmocka_unit_test_setup_teardown(f, ops_setup, ops_teardown)

int main(void)
{
    msg_set_lang(LANG_SV);
    const struct CMUnitTest tests[] = {
        T(create__fields_and_participants__saved_private_in_a_private_folder),
        T(create__existing_file__eexist_and_the_file_untouched),
        T(create__organisation_at_and_past_the_limit__200_bytes_kept_201_refused),
        T(create__unknown_bank_or_unmakeable_folder__an_error_naming_it),
        T(open__for_writing__a_second_writer_is_told_who_holds_it),
        T(open__lock_impossible__refused_or_read_only_with_the_reason),
        T(open__read_only__every_change_refused_nothing_written),
        T(set__answer_text__changed_stamped_scored_and_saved),
        T(set__option_all_clear__multi_toggles_single_chooses),
        T(set__evidence__documents_the_answer_once_unless_told),
        T(set__one_invalid_part__nothing_changes_nothing_is_written),
        T(set__evidence_and_note_at_their_limits__kept_one_more_refused),
        T(set__unchanged__no_step_no_write_unless_confirmed),
        T(set__save_fails__change_kept_and_written_later),
        T(undo_redo__the_answer_before_and_after_on_disk_too),
        T(undo__merged_changes__one_step_back_to_before_the_first),
        T(undo__unchanged_note_evidence_dissent__kept_by_the_answer_only),
        T(undo__200_steps_kept_the_201st_drops_the_oldest),
        T(step__owner_due_status__saved_undone_checked_first),
        T(question__by_number__index_or_minus_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
