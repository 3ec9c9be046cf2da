/* fuzz_session.c: any bytes as a session file for the mini bank. No crash, no leak; and what
 * loads, saved again, loads again to the very same bytes (the writer and reader agree), unless
 * the file saved would pass the loader's limits: a file at the very limit gains the keys kollen
 * always writes, and session_save then refuses rather than write what it could not read. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ini.h"
#include "kollen/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct bank *bank;

/* Keys and sections in a file kollen wrote (every such line is one). */
static long entries(const char *text)
{
    long n = 0;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        n += *p != '\n' && *p != ';';
        if (!nl)
            break;
        p = nl + 1;
    }
    return n;
}

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
        if (!once)
            __builtin_trap();
        size_t len = strlen(once);
        if (len <= (size_t)INI_FILE_MAX && entries(once) <= INI_KEYS_MAX) {
            struct session *again = NULL;
            diags_clear(&d);
            if (session_parse("again.ini", once, len, bank, &again, &d) != KL_OK)
                __builtin_trap();
            char *twice = session_format(bank, again);
            if (!twice || strcmp(once, twice) != 0)
                __builtin_trap();
            free(twice);
            session_free(again);
        }
        free(once);
    }
    session_free(s);
    diags_free(&d);
    return 0;
}
