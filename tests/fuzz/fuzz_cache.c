/* fuzz_cache.c: any bytes as a bank cache, resealed (length and checksum made to match, so the
 * checksum does not stop them at the door, and the bank files not compared): decoding never
 * crashes or leaks, and a bank it accepts is used like any other (a session on it is scored,
 * planned to the top level and saved) without a crash. Seeds: real caches (tests/fuzz/run.sh). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bank_cache.h"
#include "kollen/plan.h"
#include "kollen/score.h"
#include "kollen/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size ? size : 1);
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    bank_cache_seal(buf, size);
    struct bank *b = NULL;
    if (bank_cache_decode(buf, size, "fuzz", NULL, &b) == 0) {
        struct diags d;
        diags_init(&d);
        struct session *s = session_new(b, "O", GROUP_KOMMUN, "2026-01-01", 0);
        if (s) {
            for (int i = 0; i < b->n_questions; i++)
                answer_parse(&b->questions[i], i % 2 ? "all" : "none", &s->answers[i], &d);
            struct score sc;
            if (score_compute(b, s, &sc) == KL_OK)
                score_free(&sc);
            struct plan_spec spec;
            struct plan p;
            if (plan_spec_parse("next", &spec) == 0 && plan_compute(b, s, &spec, &p, &d) == KL_OK)
                plan_free(&p);
            free(session_format(b, s));
            session_free(s);
        }
        diags_free(&d);
        bank_free(b);
    }
    free(buf);
    return 0;
}
