/* strbuf.c — growable buffer; doubling growth, sticky failure. */
#include "core/strbuf.h"
#include "core/num.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ms_strbuf_init(ms_strbuf *sb)
{
    sb->data = NULL;
    sb->len = 0;
    sb->cap = 0;
    sb->failed = false;
}

void ms_strbuf_free(ms_strbuf *sb)
{
    free(sb->data);
    ms_strbuf_init(sb);
}

void ms_strbuf_clear(ms_strbuf *sb)
{
    sb->len = 0;
    if (sb->data)
        sb->data[0] = '\0';
}

bool ms_strbuf_failed(const ms_strbuf *sb) { return sb->failed; }

/* Makes room for `extra` more bytes plus the NUL. */
static bool reserve(ms_strbuf *sb, size_t extra)
{
    if (sb->failed)
        return false;
    if (extra > (size_t)-1 - sb->len - 1) {
        sb->failed = true;
        return false;
    }
    size_t need = sb->len + extra + 1;
    if (need <= sb->cap)
        return true;
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap < need)
        cap = cap > (size_t)-1 / 2 ? need : cap * 2;
    char *p = realloc(sb->data, cap);
    if (!p) {
        sb->failed = true;
        return false;
    }
    sb->data = p;
    sb->cap = cap;
    return true;
}

void ms_strbuf_append(ms_strbuf *sb, const char *s, size_t len)
{
    /* the usual case first: no failure and room enough (cap > len, so no
     * overflow); else reserve decides */
    if (!(!sb->failed && sb->cap > len && sb->len < sb->cap - len) && !reserve(sb, len))
        return;
    if (len)
        memcpy(sb->data + sb->len, s, len);
    sb->len += len;
    sb->data[sb->len] = '\0';
}

void ms_strbuf_puts(ms_strbuf *sb, const char *s) { ms_strbuf_append(sb, s, strlen(s)); }

void ms_strbuf_putc(ms_strbuf *sb, char c)
{
    if ((!sb->failed && sb->len + 1 < sb->cap) || reserve(sb, 1)) {
        sb->data[sb->len++] = c;
        sb->data[sb->len] = '\0';
    }
}

void ms_strbuf_vprintf(ms_strbuf *sb, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        sb->failed = true;
        return;
    }
    if (!reserve(sb, (size_t)n))
        return;
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
    sb->len += (size_t)n;
}

void ms_strbuf_printf(ms_strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ms_strbuf_vprintf(sb, fmt, ap);
    va_end(ap);
}

void ms_strbuf_num(ms_strbuf *sb, double value)
{
    char buf[MS_NUM_BUFSZ];
    size_t n = ms_num_format(value, buf);
    ms_strbuf_append(sb, buf, n);
}

const char *ms_strbuf_str(const ms_strbuf *sb) { return sb->data ? sb->data : ""; }

char *ms_strbuf_detach(ms_strbuf *sb)
{
    if (sb->failed) {
        ms_strbuf_free(sb);
        return NULL;
    }
    char *p = sb->data;
    if (!p) {
        p = malloc(1);
        if (p)
            p[0] = '\0';
    }
    ms_strbuf_init(sb);
    return p;
}
