/* main.c: kollen picks its front end. The command line parses every argument and runs a
 * command; when the arguments ask for the workshop screen, it hands over to the TUI. */
#include <locale.h>
#include <stddef.h>

#include "cli/cli_main.h"
#include "tui/tui.h"

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    struct cli_tui open;
    int rc = cli_main(argc, argv, &open);
    if (rc == CLI_RUN_TUI) {
        struct tui_options o = {open.questions_dir, open.sessions_dir, open.session_path, NULL,
                                open.theme, open.follow, open.follow_question};
        rc = tui_main(&o);
    }
    cli_tui_free(&open);
    return rc;
}
