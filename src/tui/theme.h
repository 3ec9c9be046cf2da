/* theme.h (tui-private): semantic roles, each with a colour pair and a monochrome attribute
 * (ncdu's UI_COLORS, htop's monochrome scheme), in two themes: the standard one and a high
 * contrast one for projectors (light on black, no blue, nothing dim); and the glyph sets
 * (UTF-8 and ASCII). */
#ifndef KOLLEN_TUI_THEME_H
#define KOLLEN_TUI_THEME_H

/* ROLE(id, letter in golden files, fg, bg, monochrome attributes): the standard theme */
#define TUI_ROLES(ROLE)                                                                        \
    ROLE(R_NORMAL, '.', C_DEFAULT, C_DEFAULT, 0)                                               \
    ROLE(R_HEADER, 'h', C_WHITE, C_BLUE, AT_REVERSE)                                           \
    ROLE(R_TITLE, 't', C_CYAN, C_DEFAULT, AT_BOLD)                                             \
    ROLE(R_SELECTED, 's', C_BLACK, C_CYAN, AT_REVERSE)                                         \
    ROLE(R_CURRENT, 'c', C_CYAN, C_DEFAULT, AT_BOLD | AT_UNDERLINE)                            \
    ROLE(R_BLOCKER, 'b', C_RED, C_DEFAULT, AT_BOLD | AT_UNDERLINE)                             \
    ROLE(R_DONE, 'o', C_GREEN, C_DEFAULT, AT_BOLD)                                               \
    ROLE(R_BAR, 'L', C_GREEN, C_DEFAULT, 0)                                                    \
    ROLE(R_BAR_BG, 'l', C_BLUE, C_DEFAULT, AT_DIM)                                             \
    ROLE(R_DIM, 'd', C_BLUE, C_DEFAULT, AT_DIM)                                                \
    ROLE(R_WARN, 'w', C_WHITE, C_RED, AT_REVERSE | AT_BOLD)                                    \
    ROLE(R_BORDER, 'x', C_BLUE, C_DEFAULT, 0)                                                  \
    ROLE(R_INPUT, 'i', C_DEFAULT, C_DEFAULT, AT_UNDERLINE)

enum tui_colour { C_DEFAULT = -1, C_BLACK, C_RED, C_GREEN, C_YELLOW, C_BLUE, C_MAGENTA, C_CYAN,
                  C_WHITE };

enum tui_attr { AT_BOLD = 1, AT_REVERSE = 2, AT_UNDERLINE = 4, AT_DIM = 8 };

enum role {
#define ROLE_ENUM(id, letter, fg, bg, mono) id,
    TUI_ROLES(ROLE_ENUM)
#undef ROLE_ENUM
        R_COUNT
};

struct role_style {
    char letter;
    int fg, bg;
    int mono; /* AT_* */
};

/* THEME(id, name): the themes, in the order the theme key cycles through them. */
#define TUI_THEMES(THEME)                                                                      \
    THEME(THEME_STANDARD, "standard")                                                          \
    THEME(THEME_CONTRAST, "kontrast")

enum theme_id {
#define THEME_ENUM(id, name) id,
    TUI_THEMES(THEME_ENUM)
#undef THEME_ENUM
        THEME_COUNT
};

/* A role in the standard theme (its letter is the same in every theme). */
const struct role_style *theme_role(int role);
/* A role in theme (THEME_STANDARD when out of range). */
const struct role_style *theme_style(int theme, int role);
/* A theme's name ("standard", "kontrast"), and the theme of a name (-1 when unknown). */
const char *theme_name(int theme);
int theme_find(const char *name);
/* A colour's name for golden files ("default", "white", ...). */
const char *theme_colour_name(int colour);

/* The glyphs a screen draws with: UTF-8 or the ASCII fallback when the locale is not UTF-8. */
struct glyphs {
    int utf8;
    const char *hline, *vline, *tee_down, *tee_up, *tee_right, *tee_left, *cross;
    const char *corner_tl, *corner_tr, *corner_bl, *corner_br;
    const char *check_on, *check_off, *radio_on, *radio_off;
    const char *blocker, *answered, *pointer, *ellipsis, *more_up, *more_down, *bullet, *ge;
    const char *left, *right; /* a choice that can change: ◂ value ▸ */
    const char *bar_full, *bar_bg; /* bar eighths come from text_bar */
};

const struct glyphs *theme_glyphs(int utf8);

#endif
