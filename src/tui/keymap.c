/* keymap.c: the action table built from TUI_ACTIONS, lookups and key names. */
#include "keymap.h"

#include <stdio.h>
#include <string.h>

#include "kollen/text.h"

static const struct action_info table[] = {
#define ACT_ROW(id, name, group, cx, help, k1, k2, k3, k4)                                     \
    {id, name, group, cx, help, {k1, k2, k3, k4}},
    TUI_ACTIONS(ACT_ROW)
#undef ACT_ROW
};

static const enum tui_msg_id group_titles[G_COUNT] = {
#define GROUP_TITLE(id, title) [id] = title,
    TUI_KEY_GROUPS(GROUP_TITLE)
#undef GROUP_TITLE
};

enum tui_msg_id keymap_group_title(enum key_group g)
{
    return (unsigned)g < G_COUNT ? group_titles[g] : M_TUI_NONE;
}

const struct action_info *keymap_table(void)
{
    return table;
}

const struct action_info *keymap_info(enum action a)
{
    if (a <= A_NONE || a >= A_COUNT)
        return NULL;
    return &table[a - 1];
}

enum action keymap_lookup(int cx, int key, int *arg)
{
    if (arg)
        *arg = 0;
    if (key == TK_NONE)
        return A_NONE;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        const struct action_info *t = &table[i];
        if (!(t->contexts & cx))
            continue;
        if (t->id == A_PICK || t->id == A_PLAN_T_LEVEL) {
            if (key >= '1' && key <= '9') {
                if (arg)
                    *arg = key - '0';
                return t->id;
            }
            continue;
        }
        for (int k = 0; k < KEYMAP_KEYS; k++)
            if (t->keys[k] && t->keys[k] == key)
                return t->id;
    }
    return A_NONE;
}

enum action keymap_by_name(const char *name)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (!strcmp(table[i].name, name))
            return table[i].id;
    return A_NONE;
}

void keymap_key_name(int key, int utf8, int brief, char *buf, unsigned long n)
{
    const char *s = NULL;
    if (brief && key == ' ') {
        snprintf(buf, n, "%s", utf8 ? "\xE2\x90\xA3" : "Spc"); /* ␣ */
        return;
    }
    switch (key) {
    case TK_UP: s = utf8 ? "\xE2\x86\x91" : "Up"; break;
    case TK_DOWN: s = utf8 ? "\xE2\x86\x93" : "Down"; break;
    case TK_LEFT: s = utf8 ? "\xE2\x86\x90" : "Left"; break;
    case TK_RIGHT: s = utf8 ? "\xE2\x86\x92" : "Right"; break;
    case TK_PGUP: s = "PgUp"; break;
    case TK_PGDN: s = "PgDn"; break;
    case TK_HOME: s = "Home"; break;
    case TK_END: s = "End"; break;
    case TK_ENTER: s = "Enter"; break;
    case TK_TAB: s = "Tab"; break;
    case TK_BTAB: s = "Shift-Tab"; break;
    case TK_BACKSPACE: s = "Backspace"; break;
    case TK_DELETE: s = "Del"; break;
    case TK_INSERT: s = "Ins"; break;
    case TK_CTRL_LEFT: s = utf8 ? "Ctrl-\xE2\x86\x90" : "Ctrl-Left"; break;
    case TK_CTRL_RIGHT: s = utf8 ? "Ctrl-\xE2\x86\x92" : "Ctrl-Right"; break;
    case TK_F1: s = "F1"; break;
    case TK_ESC: s = "Esc"; break;
    case ' ': s = tui_msg(M_TK_SPACE); break;
    default: break;
    }
    if (s) {
        snprintf(buf, n, "%s", s);
        return;
    }
    if (key > 0 && key < 32) {
        snprintf(buf, n, "Ctrl-%c", 'A' + key - 1);
        return;
    }
    if (key > 0 && key < 0x110000) {
        char u[8] = {0};
        utf8_encode((uint32_t)key, u);
        snprintf(buf, n, "%s", u);
        return;
    }
    snprintf(buf, n, "?");
}

void keymap_action_key(enum action a, int utf8, char *buf, unsigned long n)
{
    const struct action_info *ai = keymap_info(a);
    keymap_key_name(ai ? ai->keys[0] : 0, utf8, 1, buf, n);
}
