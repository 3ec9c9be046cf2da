/* fuzz_session.c: any bytes as a session file for the mini bank. No crash, no leak; and what
 * loads, saved again, loads again to the very same bytes (the writer and reader agree). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct bank *bank;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct diags d;
    diags_init(&d);
    if (!bank) {
        const char *dir = getenv("KOLLEN_FUZZ_BANKS");
        if (bank_load_id(dir ? dir : "tests/fixtures/good", "mini", &bank, &d))
            abort();
    }
    struct session *s = NULL;
    if (session_parse("fuzz.ini", (const char *)data, size, bank, &s, &d) == KL_OK) {
        char *once = session_format(bank, s);
        struct session *again = NULL;
        diags_clear(&d);
        if (!once || session_parse("again.ini", once, strlen(once), bank, &again, &d) != KL_OK)
            __builtin_trap();
        char *twice = session_format(bank, again);
        if (!twice || strcmp(once, twice) != 0)
            __builtin_trap();
        free(once);
        free(twice);
        session_free(again);
    }
    session_free(s);
    diags_free(&d);
    return 0;
}
