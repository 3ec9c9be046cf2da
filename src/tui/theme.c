/* theme.c: role styles and glyph sets. */
#include "theme.h"

#include <string.h>

static const struct role_style roles[] = {
#define ROLE_ROW(id, letter, fg, bg, mono) {letter, fg, bg, mono},
    TUI_ROLES(ROLE_ROW)
#undef ROLE_ROW
};

/* The projector's theme: light on black, the background set (a light terminal stays dark
 * behind the text), no blue, nothing dim; marks bold. */
static const struct role_style contrast[R_COUNT] = {
    [R_NORMAL] = {'.', C_WHITE, C_BLACK, 0},
    [R_HEADER] = {'h', C_BLACK, C_YELLOW, AT_REVERSE | AT_BOLD},
    [R_TITLE] = {'t', C_YELLOW, C_BLACK, AT_BOLD},
    [R_SELECTED] = {'s', C_BLACK, C_WHITE, AT_REVERSE | AT_BOLD},
    [R_CURRENT] = {'c', C_YELLOW, C_BLACK, AT_BOLD | AT_UNDERLINE},
    [R_BLOCKER] = {'b', C_RED, C_BLACK, AT_BOLD | AT_UNDERLINE},
    [R_DONE] = {'o', C_GREEN, C_BLACK, AT_BOLD},
    [R_BAR] = {'L', C_GREEN, C_BLACK, AT_BOLD},
    [R_BAR_BG] = {'l', C_WHITE, C_BLACK, 0},
    [R_DIM] = {'d', C_WHITE, C_BLACK, 0},
    [R_WARN] = {'w', C_BLACK, C_YELLOW, AT_REVERSE | AT_BOLD},
    [R_BORDER] = {'x', C_WHITE, C_BLACK, 0},
    [R_INPUT] = {'i', C_WHITE, C_BLACK, AT_UNDERLINE},
};

const struct role_style *theme_style(int theme, int role)
{
    if (role < 0 || role >= R_COUNT)
        role = R_NORMAL;
    return theme == THEME_CONTRAST ? &contrast[role] : &roles[role];
}

const struct role_style *theme_role(int role)
{
    return theme_style(THEME_STANDARD, role);
}

static const char *const theme_names[THEME_COUNT] = {
#define THEME_NAME(id, name) [id] = name,
    TUI_THEMES(THEME_NAME)
#undef THEME_NAME
};

const char *theme_name(int theme)
{
    return theme >= 0 && theme < THEME_COUNT ? theme_names[theme] : theme_names[0];
}

int theme_find(const char *name)
{
    for (int i = 0; name && i < THEME_COUNT; i++)
        if (!strcmp(name, theme_names[i]))
            return i;
    return -1;
}

const char *theme_colour_name(int colour)
{
    static const char *const names[] = {"black", "red",     "green", "yellow",
                                        "blue",  "magenta", "cyan",  "white"};
    return colour >= 0 && colour < 8 ? names[colour] : "default";
}

static const struct glyphs utf8_glyphs = {
    .utf8 = 1,
    .hline = "\xE2\x94\x80",     /* ─ */
    .vline = "\xE2\x94\x82",     /* │ */
    .tee_down = "\xE2\x94\xAC",  /* ┬ */
    .tee_up = "\xE2\x94\xB4",    /* ┴ */
    .tee_right = "\xE2\x94\x9C", /* ├ */
    .tee_left = "\xE2\x94\xA4",  /* ┤ */
    .cross = "\xE2\x94\xBC",     /* ┼ */
    .corner_tl = "\xE2\x94\x8C", /* ┌ */
    .corner_tr = "\xE2\x94\x90", /* ┐ */
    .corner_bl = "\xE2\x94\x94", /* └ */
    .corner_br = "\xE2\x94\x98", /* ┘ */
    .check_on = "[\xE2\x9C\x93]", /* [✓] */
    .check_off = "[ ]",
    .radio_on = "(\xE2\x97\x8F)", /* (●) */
    .radio_off = "( )",
    .blocker = "\xE2\x96\xB2",   /* ▲ */
    .answered = "\xE2\x9C\x93",  /* ✓ */
    .pointer = "\xE2\x96\xB8",   /* ▸ */
    .ellipsis = "\xE2\x80\xA6",  /* … */
    .more_up = "\xE2\x86\x91",   /* ↑ */
    .more_down = "\xE2\x86\x93", /* ↓ */
    .bullet = "\xC2\xB7",        /* · */
    .ge = "\xE2\x89\xA5",         /* ≥ */
    .left = "\xE2\x97\x82",       /* ◂ */
    .right = "\xE2\x96\xB8",      /* ▸ */
    .bar_full = "\xE2\x96\x88",  /* █ */
    .bar_bg = "\xE2\x96\x91",    /* ░ */
};

static const struct glyphs ascii_glyphs = {
    .utf8 = 0,
    .hline = "-",
    .vline = "|",
    .tee_down = "+",
    .tee_up = "+",
    .tee_right = "+",
    .tee_left = "+",
    .cross = "+",
    .corner_tl = "+",
    .corner_tr = "+",
    .corner_bl = "+",
    .corner_br = "+",
    .check_on = "[x]",
    .check_off = "[ ]",
    .radio_on = "(*)",
    .radio_off = "( )",
    .blocker = "!",
    .answered = "*",
    .pointer = ">",
    .ellipsis = "...",
    .more_up = "^",
    .more_down = "v",
    .bullet = "-",
    .ge = ">=",
    .left = "<",
    .right = ">",
    .bar_full = "#",
    .bar_bg = "-",
};

const struct glyphs *theme_glyphs(int utf8)
{
    return utf8 ? &utf8_glyphs : &ascii_glyphs;
}
