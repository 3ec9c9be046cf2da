/* names.c: what a session may be called. A session's name becomes a file name next to
 * kollen's own files (NAME.lock, .NAME.tmp.XXXXXX), so it must not be mistaken for one. */
#include <string.h>

#include "kollen/msg.h"
#include "kollen/store.h"
#include "kollen/text.h"

int store_check_session_name(const char *name, struct diags *d)
{
    /* SESSION.lock, SESSION.cursor (the writer's cursor for a follower), .tmp */
    static const char *const suffixes[] = {".lock", ".cursor", ".tmp"};
    size_t n = strlen(name);
    if (n == 0) {
        diags_add(d, NULL, 0, M_NAME_EMPTY);
        return KL_EUSAGE;
    }
    if (n > SESSION_NAME_MAX) {
        diags_add(d, NULL, 0, M_NAME_LONG, SESSION_NAME_MAX);
        return KL_EUSAGE;
    }
    size_t bad;
    if (!utf8_valid(name, n, &bad)) {
        diags_add(d, NULL, 0, M_NAME_UTF8);
        return KL_EUSAGE;
    }
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = utf8_decode(name + i, n - i, &cp);
        if (cp == '/' || text_is_control(cp)) {
            diags_add(d, NULL, 0, M_NAME_CHAR);
            return KL_EUSAGE;
        }
        i += k;
    }
    if (name[0] == '.') {
        diags_add(d, NULL, 0, M_NAME_DOT);
        return KL_EUSAGE;
    }
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
        size_t k = strlen(suffixes[i]);
        if (n >= k && strcmp(name + n - k, suffixes[i]) == 0) {
            diags_add(d, NULL, 0, M_NAME_SUFFIX, suffixes[i]);
            return KL_EUSAGE;
        }
    }
    return KL_OK;
}
