/* script.h (tui-private): scripted keys for tests and the benchmark (tig's TIG_SCRIPT): a file
 * of text where <Name> stands for a special key: <Up> <Down> <Left> <Right> <PgUp> <PgDn>
 * <Home> <End> <Enter> <Tab> <BTab> <Esc> <BS> <Del> <Space> <C-x> <Lt> (a literal '<').
 * Line breaks in the file are ignored (write <Enter>). */
#ifndef KOLLEN_TUI_SCRIPT_H
#define KOLLEN_TUI_SCRIPT_H

#include <stddef.h>

/* The next key from *p (advanced past it), or -1 at the end. An unknown <name> is taken as
 * literal text. */
int script_next(const char **p);

#endif
