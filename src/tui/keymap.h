/* keymap.h (tui-private): key codes, named actions and their bindings. One X-macro list makes
 * the action enum, the bindings, the names and the help screen (tig's REQ_INFO). */
#ifndef KOLLEN_TUI_KEYMAP_H
#define KOLLEN_TUI_KEYMAP_H

#include "tui_msg.h"

/* A key is a Unicode code point (text and Ctrl-letters, 1..31) or one of these. The curses
 * adapter maps what get_wch returns onto them; the rest of the TUI never sees curses codes. */
enum tui_key {
    TK_NONE = 0,
    TK_ESC = 27,
    TK_SPECIAL = 0x200000,
    TK_UP,
    TK_DOWN,
    TK_LEFT,
    TK_RIGHT,
    TK_PGUP,
    TK_PGDN,
    TK_HOME,
    TK_END,
    TK_ENTER,
    TK_TAB,
    TK_BTAB,
    TK_BACKSPACE,
    TK_DELETE,
    TK_INSERT,
    TK_CTRL_LEFT,
    TK_CTRL_RIGHT,
    TK_F1,
    TK_RESIZE,
    TK_TIMEOUT, /* no key for a while: idle work (saving a note being typed) */
    TK_TICK     /* a fifth of a second without a key: clocks, a followed session */
};

#define TK_CTRL(c) ((c) & 0x1f)

/* Where an action applies (a key may mean different things in different screens). */
enum {
    CX_MAIN = 1 << 0,    /* the workshop screen */
    CX_ROOM = 1 << 1,    /* the projector view */
    CX_PICKER = 1 << 2,  /* the session list */
    CX_HELP = 1 << 3,    /* the help screen */
    CX_FORM = 1 << 4,    /* the new-session form */
    CX_RECORD = 1 << 5,  /* the record pane of the main screen (evidence list) */
    CX_EDIT = 1 << 6,    /* the note editor */
    CX_LINE = 1 << 7,    /* a one-line prompt (evidence, question number, form fields) */
    CX_PLAN = 1 << 8,    /* the action plan */
    CX_CONFIRM = 1 << 9, /* a question with a few answers */
    CX_QVIEW = 1 << 10,  /* the question alone, for the projector, or zoomed with its help */
    CX_LEVELS = 1 << 11, /* what the levels mean and what blocks them */
    CX_PARKED = 1 << 12, /* the parking lot */
    CX_SESSION = 1 << 13, /* the session's records: people, agenda, attendance */
    CX_FOLLOW = 1 << 14, /* kollen follow: a read-only mirror */
    CX_LISTS = CX_MAIN | CX_PICKER | CX_HELP | CX_PLAN | CX_QVIEW | CX_LEVELS | CX_PARKED |
               CX_SESSION | CX_FOLLOW | CX_ROOM
};

/* GROUP(id, title): the groups of the help screen, in the order shown. A group titled
 * M_TUI_NONE is not listed (the confirmations say their keys in their own text). */
#define TUI_KEY_GROUPS(GROUP)                                                                      \
    GROUP(G_MOVE, M_TG_MOVE)                                                                       \
    GROUP(G_ANSWER, M_TG_ANSWER)                                                                   \
    GROUP(G_RECORD, M_TG_RECORD)                                                                   \
    GROUP(G_VIEW, M_TG_VIEW)                                                                       \
    GROUP(G_DECIDE, M_TG_DECIDE)                                                                   \
    GROUP(G_PLAN, M_TG_PLAN)                                                                       \
    GROUP(G_EDIT, M_TG_EDIT)                                                                       \
    GROUP(G_PICKER, M_TG_PICKER)                                                                   \
    GROUP(G_FORM, M_TG_FORM)                                                                       \
    GROUP(G_SESSION, M_TG_SESSION)                                                                 \
    GROUP(G_CONFIRM, M_TUI_NONE)

enum key_group {
#define GROUP_ENUM(id, title) id,
    TUI_KEY_GROUPS(GROUP_ENUM)
#undef GROUP_ENUM
        G_COUNT
};

/* The title of a help group (M_TUI_NONE: not listed). */
enum tui_msg_id keymap_group_title(enum key_group g);

/* ACT(id, name, group, contexts, help message, key1, key2, key3, key4); 0 = no key.
 * The first binding of a context wins, so more specific contexts come first. */
#define TUI_ACTIONS(ACT)                                                                           \
    ACT(A_UP, "up", G_MOVE, CX_LISTS | CX_RECORD, M_TK_UP, TK_UP, 'k', 0, 0)                       \
    ACT(A_DOWN, "down", G_MOVE, CX_LISTS | CX_RECORD, M_TK_DOWN, TK_DOWN, 'j', 0, 0)               \
    ACT(A_PGUP, "page-up", G_MOVE, CX_LISTS | CX_RECORD, M_TK_PGUP, TK_PGUP, TK_CTRL('b'), 0, 0)   \
    ACT(A_PGDN, "page-down", G_MOVE, CX_LISTS | CX_RECORD, M_TK_PGDN, TK_PGDN, TK_CTRL('f'), 0, 0) \
    ACT(A_HOME, "first", G_MOVE, CX_LISTS | CX_RECORD, M_TK_HOME, TK_HOME, 0, 0, 0)                \
    ACT(A_END, "last", G_MOVE, CX_LISTS | CX_RECORD, M_TK_END, TK_END, 'G', 0, 0)                  \
    ACT(A_NEXT_PANE, "next-pane", G_MOVE, CX_MAIN, M_TK_NEXT_PANE, TK_TAB, 0, 0, 0)                \
    ACT(A_PREV_PANE, "prev-pane", G_MOVE, CX_MAIN, M_TK_PREV_PANE, TK_BTAB, 0, 0, 0)               \
    ACT(A_NEXT_Q, "next-question", G_MOVE, CX_MAIN | CX_QVIEW, M_TK_NEXT_Q, TK_RIGHT, 'l', 0, 0)   \
    ACT(A_PREV_Q, "prev-question", G_MOVE, CX_MAIN | CX_QVIEW, M_TK_PREV_Q, TK_LEFT, 'h', 0, 0)    \
    ACT(A_NEXT_AREA, "next-area", G_MOVE, CX_MAIN, M_TK_NEXT_AREA, ']', '}', 0, 0)                 \
    ACT(A_PREV_AREA, "prev-area", G_MOVE, CX_MAIN, M_TK_PREV_AREA, '[', '{', 0, 0)                 \
    ACT(A_NEXT_OPEN, "next-unanswered", G_MOVE, CX_MAIN, M_TK_NEXT_OPEN, 'o', 0, 0, 0)             \
    ACT(A_NEXT_BLOCKER, "next-blocker", G_MOVE, CX_MAIN, M_TK_NEXT_BLOCKER, 'b', 0, 0, 0)          \
    ACT(A_PREV_BLOCKER, "prev-blocker", G_MOVE, CX_MAIN, M_TK_PREV_BLOCKER, 'B', 0, 0, 0)          \
    ACT(A_JUMP, "jump", G_MOVE, CX_MAIN, M_TK_JUMP, 'g', ':', 0, 0)                                \
    ACT(A_TICK, "tick", G_ANSWER, CX_MAIN | CX_QVIEW, M_TK_TICK, ' ', 0, 0, 0)                     \
    ACT(A_PICK, "pick", G_ANSWER, CX_MAIN | CX_QVIEW, M_TK_PICK,                                   \
        '1', 0, 0, 0) /* '1'..'9', see keymap.c */                                                 \
    ACT(A_ALL, "tick-all", G_ANSWER, CX_MAIN, M_TK_ALL, 'a', 0, 0, 0)                              \
    ACT(A_CLEAR, "clear", G_ANSWER, CX_MAIN, M_TK_CLEAR, 'x', 0, 0, 0)                             \
    ACT(A_UNDISCUSSED, "not-discussed", G_ANSWER, CX_MAIN, M_TK_UNDISCUSSED, 'X', 0, 0, 0)         \
    ACT(A_UNDO, "undo", G_ANSWER, CX_MAIN | CX_QVIEW, M_TK_UNDO, 'u', 0, 0, 0)                     \
    ACT(A_REDO, "redo", G_ANSWER, CX_MAIN | CX_QVIEW, M_TK_REDO, TK_CTRL('r'), 0, 0, 0)            \
    ACT(A_NOTE, "edit-note", G_RECORD, CX_MAIN, M_TK_NOTE, 'n', 0, 0, 0)                           \
    ACT(A_ADD_EVIDENCE, "add-evidence", G_RECORD, CX_MAIN, M_TK_ADD_EVIDENCE, 'e', 0, 0, 0)        \
    ACT(A_EDIT_ITEM, "edit", G_RECORD, CX_RECORD, M_TK_EDIT_ITEM, TK_ENTER, 0, 0, 0)               \
    ACT(A_REMOVE_ITEM, "remove-evidence", G_RECORD, CX_RECORD, M_TK_REMOVE_ITEM, TK_DELETE,        \
        TK_BACKSPACE, 0, 0)                                                                        \
    ACT(A_DOCUMENTED, "documented", G_RECORD, CX_MAIN, M_TK_DOCUMENTED, 'd', 0, 0, 0)              \
    ACT(A_FOLLOWUP, "followup", G_RECORD, CX_MAIN, M_TK_FOLLOWUP, 'f', 0, 0, 0)                    \
    ACT(A_ENTER, "select", G_MOVE, CX_MAIN | CX_PICKER | CX_PARKED, M_TK_ENTER, TK_ENTER, 0, 0, 0) \
    ACT(A_INFO, "facilitator-help", G_VIEW, CX_MAIN | CX_QVIEW, M_TK_INFO, 'i', 0, 0, 0)           \
    ACT(A_ROOM, "room-view", G_VIEW, CX_MAIN | CX_ROOM | CX_FOLLOW, M_TK_ROOM, 'r', 0, 0, 0)       \
    ACT(A_PLAN, "plan", G_VIEW, CX_MAIN | CX_PLAN, M_TK_PLAN, 'p', 0, 0, 0)                        \
    ACT(A_HELP, "help", G_VIEW, CX_MAIN | CX_ROOM | CX_PICKER | CX_HELP | CX_PLAN | CX_QVIEW |     \
        CX_LEVELS | CX_PARKED | CX_SESSION | CX_FOLLOW, M_TK_HELP, '?', TK_F1, 0, 0)               \
    ACT(A_SAVE, "save", G_VIEW, CX_MAIN, M_TK_SAVE, 'w', 0, 0, 0)                                  \
    ACT(A_REFRESH, "redraw", G_VIEW, CX_LISTS, M_TK_REFRESH, TK_CTRL('l'), 0, 0, 0)                \
    ACT(A_BACK, "back", G_VIEW, CX_ROOM | CX_HELP | CX_RECORD | CX_FORM | CX_PLAN | CX_QVIEW |     \
        CX_LEVELS | CX_PARKED | CX_SESSION, M_TK_BACK, TK_ESC, 0, 0, 0)                            \
    ACT(A_QUIT, "quit", G_VIEW, CX_LISTS, M_TK_QUIT, 'q', 0, 0, 0)                                 \
    ACT(A_PLAN_GOTO, "plan-goto", G_PLAN, CX_PLAN, M_TK_PLAN_GOTO, TK_ENTER, 0, 0, 0)              \
    ACT(A_PLAN_NEXT_TARGET, "next-target", G_PLAN, CX_PLAN, M_TK_PLAN_TARGET, TK_TAB, TK_RIGHT,   \
        0, 0)                                                                                      \
    ACT(A_PLAN_PREV_TARGET, "prev-target", G_PLAN, CX_PLAN, M_TUI_NONE, TK_BTAB, TK_LEFT, 0, 0)    \
    ACT(A_PLAN_T_NEXT, "target-next-level", G_PLAN, CX_PLAN, M_TK_PLAN_T_NEXT, 'n', 0, 0, 0)       \
    ACT(A_PLAN_T_LEVEL, "target-level", G_PLAN, CX_PLAN, M_TK_PLAN_T_LEVEL, '1', 0, 0, 0)          \
    ACT(A_PLAN_T_MSBFS, "target-msbfs", G_PLAN, CX_PLAN, M_TK_PLAN_T_MSBFS, 'm', 0, 0, 0)          \
    ACT(A_PLAN_T_GROUP, "target-benchmark", G_PLAN, CX_PLAN, M_TK_PLAN_T_GROUP, 'g', 0, 0, 0)      \
    ACT(A_NEW, "new-session", G_PICKER, CX_PICKER, M_TK_NEW, 'n', 0, 0, 0)                         \
    ACT(A_FIELD_NEXT, "next-field", G_FORM, CX_FORM, M_TK_FIELD_NEXT, TK_TAB, TK_DOWN, 0, 0)       \
    ACT(A_FIELD_PREV, "prev-field", G_FORM, CX_FORM, M_TK_FIELD_PREV, TK_BTAB, TK_UP, 0, 0)        \
    ACT(A_CHOICE_NEXT, "next-choice", G_FORM, CX_FORM, M_TK_CHOICE, TK_RIGHT, ' ', 0, 0)           \
    ACT(A_CHOICE_PREV, "prev-choice", G_FORM, CX_FORM, M_TUI_NONE, TK_LEFT, 0, 0, 0)               \
    ACT(A_SUBMIT, "submit", G_FORM, CX_FORM, M_TK_SUBMIT, TK_ENTER, 0, 0, 0)                       \
    ACT(E_LEFT, "char-left", G_EDIT, CX_EDIT | CX_LINE, M_TK_E_MOVE, TK_LEFT, 0, 0, 0)             \
    ACT(E_RIGHT, "char-right", G_EDIT, CX_EDIT | CX_LINE, M_TUI_NONE, TK_RIGHT, 0, 0, 0)           \
    ACT(E_UP, "line-up", G_EDIT, CX_EDIT, M_TUI_NONE, TK_UP, 0, 0, 0)                              \
    ACT(E_DOWN, "line-down", G_EDIT, CX_EDIT, M_TUI_NONE, TK_DOWN, 0, 0, 0)                        \
    ACT(E_WORD_LEFT, "word-left", G_EDIT, CX_EDIT | CX_LINE, M_TK_E_WORD, TK_CTRL_LEFT, 0, 0, 0)   \
    ACT(E_WORD_RIGHT, "word-right", G_EDIT, CX_EDIT | CX_LINE, M_TUI_NONE, TK_CTRL_RIGHT, 0, 0, 0) \
    ACT(E_HOME, "line-start", G_EDIT, CX_EDIT | CX_LINE, M_TK_E_HOME, TK_HOME, TK_CTRL('a'), 0, 0) \
    ACT(E_END, "line-end", G_EDIT, CX_EDIT | CX_LINE, M_TK_E_END, TK_END, TK_CTRL('e'), 0, 0)      \
    ACT(E_PGUP, "text-page-up", G_EDIT, CX_EDIT, M_TK_E_PAGE, TK_PGUP, 0, 0, 0)                    \
    ACT(E_PGDN, "text-page-down", G_EDIT, CX_EDIT, M_TUI_NONE, TK_PGDN, 0, 0, 0)                   \
    ACT(E_BACKSPACE, "delete-back", G_EDIT, CX_EDIT | CX_LINE, M_TK_E_BACKSPACE, TK_BACKSPACE,     \
        0, 0, 0)                                                                                   \
    ACT(E_DELETE, "delete", G_EDIT, CX_EDIT | CX_LINE, M_TK_E_DELETE, TK_DELETE, TK_CTRL('d'),     \
        0, 0)                                                                                      \
    ACT(E_KILL_END, "kill-to-end", G_EDIT, CX_EDIT | CX_LINE, M_TK_E_KILL_END, TK_CTRL('k'), 0,    \
        0, 0)                                                                                      \
    ACT(E_KILL_START, "kill-to-start", G_EDIT, CX_EDIT | CX_LINE, M_TK_E_KILL_START,               \
        TK_CTRL('u'), 0, 0, 0)                                                                     \
    ACT(E_NEWLINE, "newline", G_EDIT, CX_EDIT, M_TK_E_NEWLINE, TK_ENTER, 0, 0, 0)                  \
    ACT(E_ACCEPT, "accept", G_EDIT, CX_LINE, M_TK_E_ACCEPT, TK_ENTER, 0, 0, 0)                     \
    ACT(E_DONE, "done", G_EDIT, CX_EDIT, M_TK_E_DONE, TK_ESC, 0, 0, 0)                             \
    ACT(E_CANCEL, "cancel", G_EDIT, CX_LINE, M_TK_E_CANCEL, TK_ESC, TK_CTRL('g'), 0, 0)            \
    ACT(A_YES, "yes", G_CONFIRM, CX_CONFIRM, M_TK_YES, 'j', 'J', 'y', 'Y')                         \
    ACT(A_NO, "no", G_CONFIRM, CX_CONFIRM, M_TK_NO, 'n', 'N', TK_ESC, 'q')                         \
    ACT(A_RETRY, "retry-save", G_CONFIRM, CX_CONFIRM, M_TK_RETRY, 's', 'S', 0, 0)                  \
    ACT(A_QVIEW, "question-view", G_VIEW, CX_MAIN | CX_QVIEW | CX_FOLLOW, M_TK_QVIEW, 'v', 0, 0,  \
        0)                                                                                         \
    ACT(A_ZOOM, "zoom", G_VIEW, CX_MAIN | CX_QVIEW, M_TK_ZOOM, 'z', 0, 0, 0)                       \
    ACT(A_LEVELS, "levels", G_VIEW, CX_MAIN | CX_QVIEW | CX_ROOM | CX_LEVELS, M_TK_LEVELS, 'N', 0, \
        0, 0)                                                                                      \
    ACT(A_PARKED, "parking-lot", G_VIEW, CX_MAIN | CX_ROOM | CX_PARKED, M_TK_PARKED, 'L', 0, 0, 0) \
    ACT(A_SESSION, "session", G_VIEW, CX_MAIN | CX_SESSION, M_TK_SESSION, 's', 0, 0, 0)           \
    ACT(A_THEME, "theme", G_VIEW, CX_MAIN | CX_ROOM | CX_QVIEW | CX_FOLLOW | CX_LEVELS,            \
        M_TK_THEME, 'T', 0, 0, 0)                                                                  \
    ACT(A_SEARCH, "search", G_MOVE, CX_MAIN | CX_QVIEW, M_TK_SEARCH, '/', 0, 0, 0)                 \
    ACT(A_SEARCH_NEXT, "next-hit", G_MOVE, CX_MAIN | CX_QVIEW, M_TK_SEARCH_NEXT, '.',            \
        TK_CTRL('n'), 0, 0)                                                                        \
    ACT(A_SEARCH_PREV, "prev-hit", G_MOVE, CX_MAIN | CX_QVIEW, M_TK_SEARCH_PREV, ',',            \
        TK_CTRL('p'), 0, 0)                                                                        \
    ACT(A_AGREED, "agreed", G_DECIDE, CX_MAIN | CX_QVIEW, M_TK_AGREED, 'A', 0, 0, 0)               \
    ACT(A_DISSENT, "add-dissent", G_DECIDE, CX_MAIN | CX_QVIEW, M_TK_DISSENT, 'D', 0, 0, 0)        \
    ACT(A_PARK, "park", G_DECIDE, CX_MAIN | CX_QVIEW, M_TK_PARK, 'P', 0, 0, 0)                     \
    ACT(A_PARKED_UNPARK, "unpark", G_DECIDE, CX_PARKED, M_TK_PARKED_UNPARK, 'P', TK_DELETE, 0, 0)  \
    ACT(A_SES_EDIT, "edit-record", G_SESSION, CX_SESSION, M_TK_SES_EDIT, TK_ENTER, 0, 0, 0)        \
    ACT(A_SES_PRESENT, "present", G_SESSION, CX_SESSION, M_TK_SES_PRESENT, ' ', 0, 0, 0)           \
    ACT(A_SES_ADD, "add-participant", G_SESSION, CX_SESSION, M_TK_SES_ADD, '+', 'a', 0, 0)         \
    ACT(A_SES_REMOVE, "remove-participant", G_SESSION, CX_SESSION, M_TK_SES_REMOVE, TK_DELETE,     \
        0, 0, 0)                                                                                   \
    ACT(E_DISCARD, "discard", G_EDIT, CX_EDIT, M_TK_E_DISCARD, TK_CTRL('g'), 0, 0, 0)              \
    ACT(E_HELP, "editor-help", G_EDIT, CX_EDIT | CX_LINE, M_TK_E_HELP, TK_F1, 0, 0, 0)

enum action {
    A_NONE = 0,
#define ACT_ENUM(id, name, group, cx, help, k1, k2, k3, k4) id,
    TUI_ACTIONS(ACT_ENUM)
#undef ACT_ENUM
        A_COUNT
};

#define KEYMAP_KEYS 4

struct action_info {
    enum action id;
    const char *name;
    enum key_group group;
    int contexts;
    enum tui_msg_id help; /* M_TUI_NONE when the line above covers it */
    int keys[KEYMAP_KEYS];
};

/* The table, A_COUNT - 1 entries in list order (index = action - 1). */
const struct action_info *keymap_table(void);
const struct action_info *keymap_info(enum action a);

/* The action bound to key in context cx, or A_NONE. For A_PICK and A_PLAN_T_LEVEL (bound to
 * '1'..'9'), *arg gets the digit. */
enum action keymap_lookup(int cx, int key, int *arg);

/* The key's name: for the help screen ("↑", "Space", "Ctrl-R", "q"), or brief for the status
 * line's hints (the space bar as "␣", "Spc" without UTF-8); buf of 32 bytes. */
void keymap_key_name(int key, int utf8, int brief, char *buf, unsigned long n);
/* The name of the first key of an action in the key table (brief, as in the hints). */
void keymap_action_key(enum action a, int utf8, char *buf, unsigned long n);

/* The action by its name, or A_NONE. */
enum action keymap_by_name(const char *name);

#endif
