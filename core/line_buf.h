/* line_buf.h — a line built on the stack and appended to a strbuf once.
 *
 * Output lines (JSON Lines figures, CSV rows) are written by the million,
 * so they are assembled in a local buffer and appended in one piece (in
 * pieces when longer). Header-only: the calls are small and hot. */
#ifndef MS_LINE_BUF_H
#define MS_LINE_BUF_H

#include <string.h>

#include "core/strbuf.h"

typedef struct ms_line_buf {
    ms_strbuf *sb;
    size_t n;
    char buf[2048];
} ms_line_buf;

static inline void ms_line_flush(ms_line_buf *l)
{
    ms_strbuf_append(l->sb, l->buf, l->n);
    l->n = 0;
}

static inline void ms_line_bytes(ms_line_buf *l, const char *s, size_t n)
{
    if (l->n + n > sizeof l->buf) {
        ms_line_flush(l);
        if (n > sizeof l->buf) {
            ms_strbuf_append(l->sb, s, n);
            return;
        }
    }
    memcpy(l->buf + l->n, s, n);
    l->n += n;
}

static inline void ms_line_char(ms_line_buf *l, char c)
{
    if (l->n == sizeof l->buf)
        ms_line_flush(l);
    l->buf[l->n++] = c;
}

#endif
