/* fuzz_ini.c: any bytes through the INI pre-scan and iniparser: no crash, no leak; a file that
 * passes has every key's value from iniparser (which ini_parse checks against the scan), and
 * every section and key is found again by name, at its own line. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ini.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct diags d;
    struct ini *ini = NULL;
    diags_init(&d);
    if (ini_parse("fuzz.ini", (const char *)data, size, &ini, &d) == KL_OK) {
        long entries = ini->n_sections;
        for (int i = 0; i < ini->n_sections; i++) {
            const struct ini_section *s = &ini->sections[i];
            if (ini_section(ini, s->name) != s)
                __builtin_trap();
            entries += s->n_keys;
            for (int k = 0; k < s->n_keys; k++)
                if (!s->keys[k].value || ini_key(s, s->keys[k].name) != &s->keys[k] ||
                    ini_line(s, s->keys[k].name) != s->keys[k].line)
                    __builtin_trap();
        }
        if (entries != ini->n_entries || entries > INI_KEYS_MAX)
            __builtin_trap();
        /* iniparser read what was there, never more than a chunk at a time */
        if ((entries && !ini->n_reads) || ini->most_read > INI_CHUNK_MAX)
            __builtin_trap();
    }
    ini_free(ini);
    diags_free(&d);
    return 0;
}
