/* strbuf.h — a growable byte buffer with a sticky error flag.
 *
 * Appends after a failed allocation do nothing; the caller checks
 * ms_strbuf_failed() once at the end (as SQLite's StrAccum does), so output
 * is never silently truncated. The buffer is always NUL-terminated when
 * data is not NULL. Free with ms_strbuf_free. */
#ifndef MS_STRBUF_H
#define MS_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct ms_strbuf {
    char *data;
    size_t len;
    size_t cap;
    bool failed;
} ms_strbuf;

void ms_strbuf_init(ms_strbuf *sb);
void ms_strbuf_free(ms_strbuf *sb);
void ms_strbuf_clear(ms_strbuf *sb); /* length 0, keeps memory and error */
bool ms_strbuf_failed(const ms_strbuf *sb);
void ms_strbuf_append(ms_strbuf *sb, const char *s, size_t len);
void ms_strbuf_puts(ms_strbuf *sb, const char *s);
void ms_strbuf_putc(ms_strbuf *sb, char c);
/* printf-style append. Never use it for floating point: numbers go through
 * ms_strbuf_num (core/num.c), which does not depend on the locale. */
void ms_strbuf_printf(ms_strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ms_strbuf_vprintf(ms_strbuf *sb, const char *fmt, va_list ap);
/* Appends ms_num_format(value). */
void ms_strbuf_num(ms_strbuf *sb, double value);
/* The string (never NULL: "" when empty). */
const char *ms_strbuf_str(const ms_strbuf *sb);
/* Hands the data to the caller (free() it) and resets the buffer. NULL if
 * the buffer failed. */
char *ms_strbuf_detach(ms_strbuf *sb);

#endif
