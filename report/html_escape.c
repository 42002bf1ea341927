/* html_escape.c — the one function every input-derived string passes
 * through on its way into report.html: the five characters HTML gives a
 * meaning (& < > " ') become entities, so a label is text wherever it lands
 * (element content or a quoted attribute); control characters are dropped
 * and broken UTF-8 becomes U+FFFD, so the page is valid UTF-8. */
#include "report/report.h"

#include <stdint.h>

/* Length of the valid UTF-8 sequence at p (1..4), or 0 if it is not one
 * (overlong forms, surrogates and code points above U+10FFFF are not). */
static size_t utf8_len(const unsigned char *p)
{
    unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    size_t n;
    uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf) {
        n = 2;
        cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        n = 3;
        cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

void ms_html_text(const char *s, ms_strbuf *sb)
{
    if (!s)
        return;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned char c = *p;
        switch (c) {
        case '&': ms_strbuf_puts(sb, "&amp;"); p++; continue;
        case '<': ms_strbuf_puts(sb, "&lt;"); p++; continue;
        case '>': ms_strbuf_puts(sb, "&gt;"); p++; continue;
        case '"': ms_strbuf_puts(sb, "&quot;"); p++; continue;
        case '\'': ms_strbuf_puts(sb, "&#39;"); p++; continue;
        case '\t':
        case '\n': ms_strbuf_putc(sb, (char)c); p++; continue;
        default: break;
        }
        if (c < 0x20 || c == 0x7f) {
            p++;
            continue;
        }
        size_t n = utf8_len(p);
        if (n == 2 && c == 0xc2 && p[1] <= 0x9f) { /* C1 controls are controls too */
            p += 2;
            continue;
        }
        if (n == 0) {
            ms_strbuf_puts(sb, "\xef\xbf\xbd"); /* U+FFFD */
            p++;
            continue;
        }
        ms_strbuf_append(sb, (const char *)p, n);
        p += n;
    }
}
