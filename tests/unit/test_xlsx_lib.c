/* test_xlsx_lib.c: libxlsxwriter is loaded when a workbook is written: every function found,
 * loaded once; a library that cannot be loaded is a reason, never a crash. */
#include "testutil.h"
#include "xlsx_lib.h"

static void xlsx_lib__missing_library__is_null_with_the_loaders_reason(void **st)
{
    (void)st;
    char why[400] = "";
    assert_null(xlsx_lib_load("libkollen-no-such-library.so.0", why, sizeof why));
    assert_non_null(strstr(why, "libkollen-no-such-library.so.0"));
}

static void xlsx_lib__a_library_without_the_functions__is_null_naming_one(void **st)
{
    (void)st;
    char why[400] = "";
    /* the C library loads, but has no workbook_new_opt */
    assert_null(xlsx_lib_load("libc.so.6", why, sizeof why));
    assert_non_null(strstr(why, "workbook_new_opt"));
}

static void xlsx_lib__installed_library__has_every_function_and_loads_once(void **st)
{
    (void)st;
    char why[400] = "";
    const struct xlsx_lib *lx = xlsx_lib_load(xlsx_lib_soname, why, sizeof why);
    assert_non_null(lx);
#define XLSX_FOUND(f) assert_non_null(lx->f);
    XLSX_FUNCTIONS(XLSX_FOUND)
#undef XLSX_FOUND
    assert_ptr_equal(xlsx_lib_load(xlsx_lib_soname, why, sizeof why), lx);
    assert_string_equal(lx->lxw_strerror(LXW_NO_ERROR), "No error.");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(xlsx_lib__missing_library__is_null_with_the_loaders_reason),
        cmocka_unit_test(xlsx_lib__a_library_without_the_functions__is_null_naming_one),
        cmocka_unit_test(xlsx_lib__installed_library__has_every_function_and_loads_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
