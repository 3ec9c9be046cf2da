/* cli_main.h: the command line's entry point, called by src/main.c. The command line parses
 * every argument; when they ask for the workshop screen it hands over what to open. */
#ifndef KOLLEN_CLI_MAIN_H
#define KOLLEN_CLI_MAIN_H

/* What the workshop screen is to open when the command line hands over to it. */
struct cli_tui {
    char *questions_dir;
    char *sessions_dir;
    char *session_path; /* NULL: the session list */
    const char *theme;  /* --theme, or NULL: the session's own (an argv string) */
    int follow;         /* kollen follow: a read-only mirror of session_path */
    int follow_question; /* kollen follow --view question: start on the question view */
};

/* cli_main's answer when the workshop screen is to run (never an exit code). */
#define CLI_RUN_TUI (-1)

/* Run kollen's command line on argv. Returns the exit code, or CLI_RUN_TUI with *tui filled.
 * Free *tui with cli_tui_free either way. */
int cli_main(int argc, char **argv, struct cli_tui *tui);
void cli_tui_free(struct cli_tui *tui);

#endif
