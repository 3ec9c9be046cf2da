/* screens.h (tui-private): each screen's key handler and renderer (screen_*.c). */
#ifndef KOLLEN_TUI_SCREENS_H
#define KOLLEN_TUI_SCREENS_H

#include "app.h"

int picker_handle(struct app *a, int key);
void picker_render(struct app *a, struct grid *g);
int form_handle(struct app *a, int key);
void form_render(struct app *a, struct grid *g);
int main_handle(struct app *a, int key);
void main_render(struct app *a, struct grid *g);
int room_handle(struct app *a, int key);
void room_render(struct app *a, struct grid *g);
int help_handle(struct app *a, int key);
void help_render(struct app *a, struct grid *g);
int note_handle(struct app *a, int key);
void note_render(struct app *a, struct grid *g);
int line_handle(struct app *a, int key);
void line_render(struct app *a, struct grid *g);
int confirm_handle(struct app *a, int key);
void confirm_render(struct app *a, struct grid *g);
int plan_handle(struct app *a, int key);
void plan_render(struct app *a, struct grid *g);

/* Apply an editing action (E_*) or insert a typed character; 1 when the key was used. */
int edit_key(struct editor *e, int cx, int key, int width, int page);
/* Draw a one-line editor in w columns at (x, y), scrolled to show the cursor. */
void draw_line_editor(struct grid *g, struct editor *e, int x, int y, int w, int role);

#endif
