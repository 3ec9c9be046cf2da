/* xlsx_lib.h (cli-private): the libxlsxwriter functions the workbook report uses, loaded when a
 * workbook is written (dlopen) rather than when kollen starts. The library pulls in libcrypto
 * and minizip: linked, the dynamic loader spent 3.5 M instructions on them before every
 * command, 45 % of `kollen check`; no other command uses them. Each pointer has the type of the
 * function it stands for (the library's own header declares it), so a call through it is
 * checked as a direct call would be. */
#ifndef KOLLEN_CLI_XLSX_LIB_H
#define KOLLEN_CLI_XLSX_LIB_H

#include <stddef.h>
#include <xlsxwriter.h>

/* The library's file name as its package installs it: the SONAME of the one the build found. */
extern const char xlsx_lib_soname[];

#define XLSX_FUNCTIONS(X)                                                                      \
    X(workbook_new_opt)                                                                        \
    X(workbook_set_properties)                                                                 \
    X(workbook_add_worksheet)                                                                  \
    X(workbook_add_format)                                                                     \
    X(workbook_close)                                                                          \
    X(format_set_bold)                                                                         \
    X(format_set_text_wrap)                                                                    \
    X(format_set_bottom)                                                                       \
    X(format_set_align)                                                                        \
    X(format_set_num_format)                                                                   \
    X(worksheet_write_string)                                                                  \
    X(worksheet_write_number)                                                                  \
    X(worksheet_write_datetime)                                                                \
    X(worksheet_set_column)                                                                    \
    X(worksheet_freeze_panes)                                                                  \
    X(worksheet_repeat_rows)                                                                   \
    X(worksheet_set_header)                                                                    \
    X(worksheet_set_footer)                                                                    \
    X(worksheet_set_paper)                                                                     \
    X(worksheet_set_landscape)                                                                 \
    X(worksheet_fit_to_pages)                                                                  \
    X(lxw_strerror)

/* __typeof__ of a function's address does not use it: nothing here links the library. */
struct xlsx_lib {
#define XLSX_POINTER(f) __typeof__(&f) f;
    XLSX_FUNCTIONS(XLSX_POINTER)
#undef XLSX_POINTER
};

/* The library of file name soname (xlsx_lib_soname) with every function above: loaded once and
 * kept for the rest of the run. NULL when it cannot be loaded or lacks a function, with the
 * loader's reason in why. */
const struct xlsx_lib *xlsx_lib_load(const char *soname, char *why, size_t n);

#endif
