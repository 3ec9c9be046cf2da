/* fuzz_ini.c: any bytes through the INI pre-scan and iniparser: no crash, no leak, and a
 * file that passes the scan has every key's value from iniparser. */
#include <stddef.h>
#include <stdint.h>

#include "ini.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct diags d;
    struct ini *ini = NULL;
    diags_init(&d);
    if (ini_parse("fuzz.ini", (const char *)data, size, &ini, &d) == KL_OK) {
        for (int i = 0; i < ini->n_sections; i++)
            for (int k = 0; k < ini->sections[i].n_keys; k++)
                if (!ini->sections[i].keys[k].value)
                    __builtin_trap();
    }
    ini_free(ini);
    diags_free(&d);
    return 0;
}
