/* many_common.c: what the many-session commands share. */
#include "many.h"

#include <stdlib.h>

#include "kollen/msg.h"
#include "report_msg.h"

int many_select(const struct cli *c, const char *group, const char *bank, int need_group,
                struct ops_select *sel)
{
    sel->bank_id = bank;
    sel->group = -1;
    sel->threads = 0;
    if (group && (sel->group = group_parse(group)) < 0) {
        cli_core_error(c, M_SES_BAD_GROUP, group);
        return EXIT_USAGE;
    }
    if (need_group && !group) {
        cli_error(c, M_CLI_GROUP_MISSING);
        return EXIT_USAGE;
    }
    return 0;
}

int many_min_group(const struct cli *c, const char *text, int *out)
{
    long v = MANY_MIN_GROUP;
    if (text && text_parse_int(text, 1, 1000000, &v)) {
        cli_error(c, M_CLI_BAD_NUMBER, "--min-group", text);
        return EXIT_USAGE;
    }
    *out = (int)v;
    return 0;
}

int many_parse(const struct cli *c, int argc, char **argv, const struct opt *opts,
               enum cli_msg_id usage, struct many_args *m)
{
    *m = (struct many_args){0};
    m->pos = calloc((size_t)argc + 1, sizeof *m->pos);
    int rc = m->pos ? cli_parse(c, argc, argv, opts, m->pos, argc, &m->np, usage) : EXIT_DATA;
    if (!rc && m->np < 1) {
        cli_error(c, M_CLI_MISSING_ARG, "PATH");
        rc = EXIT_USAGE;
    }
    return rc;
}

int many_inputs(const struct cli *c, const char *const *pos, int n, struct ops_inputs *in)
{
    struct diags d;
    diags_init(&d);
    int rc = ops_inputs(pos, n, c->sessions_dir, in, &d);
    cli_diags(c, &d);
    diags_free(&d);
    if (rc == KL_ENOMEM)
        return EXIT_DATA;
    if (!in->n) { /* an unreadable folder was named above */
        if (!in->unreadable)
            cli_error(c, M_CLI_NO_INPUT);
        ops_inputs_free(in);
        return EXIT_DATA;
    }
    /* a folder that could not be read is named; the rest are still reported, exit 2 after */
    return 0;
}

struct ops_banks *many_banks(const struct cli *c)
{
    struct ops_banks *b = ops_banks_new(c->questions_dir, c->benchmarks);
    if (!b)
        cli_core_error(c, M_SES_NO_MEMORY);
    return b;
}

int many_load(const struct cli *c, struct many_args *m)
{
    int rc = many_inputs(c, m->pos, m->np, &m->in);
    if (!rc && !(m->banks = many_banks(c)))
        rc = EXIT_DATA;
    return rc;
}

void many_args_free(struct many_args *m)
{
    ops_banks_free(m->banks);
    ops_inputs_free(&m->in);
    free(m->pos);
    *m = (struct many_args){0};
}

int many_exit(const struct cli *c, int rc, const struct diags *d, const struct ops_tally *t,
              const struct ops_inputs *in)
{
    cli_diags(c, d);
    if (rc)
        return cli_exit_for(rc);
    return (t && t->failed) || (in && in->unreadable) ? EXIT_DATA : EXIT_FINE;
}

const char *many_key_word(enum rank_key k)
{
    switch (k) {
    case RANK_LEVEL:
        return rep_msg(M_MANY_KEY_LEVEL);
    case RANK_AREAS:
        return rep_msg(M_MANY_KEY_AREAS);
    case RANK_POINTS:
        return rep_msg(M_MANY_KEY_POINTS);
    case RANK_AREA_POINTS:
        return rep_msg(M_MANY_KEY_AREA_POINTS);
    case RANK_TIE:
        return rep_msg(M_MANY_KEY_TIE);
    default:
        return "";
    }
}

void many_cell(struct sbuf *o, const char *s, int w, int left, int utf8)
{
    struct sbuf t;
    sbuf_init(&t);
    text_truncate(&t, s ? s : "", w, utf8);
    int pad = w - text_width(t.p ? t.p : "");
    for (int i = 0; !left && i < pad; i++)
        sbuf_addc(o, ' ');
    sbuf_add(o, t.p ? t.p : "");
    for (int i = 0; left && i < pad; i++)
        sbuf_addc(o, ' ');
    sbuf_free(&t);
}
