/* fuzz_text.c: the text functions' promises on any bytes: percent-encoding round-trips,
 * sanitising leaves no control character, JSON strings hold no raw control byte, widths and
 * truncation stay inside their limits. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kollen/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    size_t n = strlen(s);
    struct sbuf b;
    sbuf_init(&b);
    text_percent_encode(&b, s, n);
    for (size_t i = 0; b.p && i < b.len; i++)
        if ((unsigned char)b.p[i] < 0x20 || strchr(";#\"'\\", b.p[i]))
            __builtin_trap();
    char *back = text_percent_decode(b.p ? b.p : "");
    if (!back || strcmp(back, s) != 0)
        __builtin_trap();
    free(back);
    sbuf_reset(&b);
    text_sanitize(&b, s, 1);
    size_t bad;
    if (b.p && !utf8_valid(b.p, b.len, &bad))
        __builtin_trap();
    for (size_t i = 0; b.p && i < b.len;) {
        uint32_t cp;
        size_t k = utf8_decode(b.p + i, b.len - i, &cp);
        if (!k || (text_is_control(cp) && cp != '\n'))
            __builtin_trap();
        i += k;
    }
    sbuf_reset(&b);
    text_json_string(&b, s);
    for (size_t i = 0; b.p && i < b.len; i++)
        if ((unsigned char)b.p[i] < 0x20 || (unsigned char)b.p[i] == 0x7f)
            __builtin_trap();
    sbuf_reset(&b);
    int cols = size ? data[0] % 40 : 10;
    text_truncate(&b, s, cols, size > 1 && (data[1] & 1));
    if (b.p && text_width(b.p) > cols)
        __builtin_trap();
    sbuf_free(&b);
    free(s);
    return 0;
}
