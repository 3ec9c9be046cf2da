/* xlsx_lib.c: libxlsxwriter, loaded on the first workbook. */
#include "xlsx_lib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* the Makefile passes the SONAME of the library it links against */
#ifndef KOLLEN_XLSX_SONAME
#define KOLLEN_XLSX_SONAME "libxlsxwriter.so.4"
#endif
const char xlsx_lib_soname[] = KOLLEN_XLSX_SONAME;

_Static_assert(sizeof(void (*)(void)) == sizeof(void *), "dlsym gives functions as void *");

static struct xlsx_lib lib;
static void *handle;

/* POSIX guarantees that a function's address survives the trip through dlsym's void *; ISO C
 * has no conversion for it, so the bytes are copied. */
static int resolve(void *h, const char *name, void *slot, size_t size, char *why, size_t n)
{
    dlerror();
    void *sym = dlsym(h, name);
    const char *err = dlerror();
    if (err || !sym) {
        snprintf(why, n, "%s", err ? err : name);
        return -1;
    }
    memcpy(slot, &sym, size);
    return 0;
}

const struct xlsx_lib *xlsx_lib_load(const char *soname, char *why, size_t n)
{
    if (handle)
        return &lib;
    void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *err = dlerror();
        snprintf(why, n, "%s", err ? err : soname);
        return NULL;
    }
    struct xlsx_lib got;
#define XLSX_RESOLVE(f)                                                                        \
    if (resolve(h, #f, &got.f, sizeof got.f, why, n)) {                                        \
        dlclose(h);                                                                            \
        return NULL;                                                                           \
    }
    XLSX_FUNCTIONS(XLSX_RESOLVE)
#undef XLSX_RESOLVE
    lib = got;
    handle = h;
    return &lib;
}
