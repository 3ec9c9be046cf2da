/* fuzz_bank.c: any bytes as the questions file of a bank (with the mini bank's bank.ini and
 * areas.ini), loaded strictly as `kollen lint` does: no crash, no leak. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kollen/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[PATH_MAX];

static void copy(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    if (!in || !out)
        abort();
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, out);
    fclose(in);
    fclose(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[PATH_MAX + 32];
    if (!dir[0]) {
        const char *src = getenv("KOLLEN_FUZZ_BANKS");
        char from[PATH_MAX];
        snprintf(dir, sizeof dir, "/tmp/kollen-fuzz-bank.XXXXXX");
        if (!mkdtemp(dir))
            abort();
        strcat(dir, "/mini");
        if (mkdir(dir, 0700) && 0)
            abort();
        snprintf(from, sizeof from, "%s/mini/bank.ini", src ? src : "tests/fixtures/good");
        snprintf(path, sizeof path, "%s/bank.ini", dir);
        copy(from, path);
        snprintf(from, sizeof from, "%s/mini/areas.ini", src ? src : "tests/fixtures/good");
        snprintf(path, sizeof path, "%s/areas.ini", dir);
        copy(from, path);
    }
    snprintf(path, sizeof path, "%s/questions.ini", dir);
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
    struct diags d;
    struct bank *b = NULL;
    diags_init(&d);
    bank_load(dir, 1, &b, &d);
    bank_free(b);
    diags_free(&d);
    return 0;
}
