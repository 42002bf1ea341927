/* gp_escape.c — the one function through which any input-derived text
 * reaches gnuplot (ms_gp_quote), and its companion ms_gp_quote_is_lossless.
 * A single-quoted gnuplot string expands nothing: no backquote command
 * substitution, no backslash escapes, no macros; only the quote itself needs
 * doubling (leading quotes, which gnuplot misreads, go in front as "'"). Control characters become spaces so a string can never end a
 * command line or a datablock; bytes that are not UTF-8 become U+FFFD so the
 * SVG gnuplot writes stays valid XML. */
#include "plots/plots.h"

/* Length of the valid UTF-8 sequence at p (2..4), or 0 when p does not start
 * one (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF). */
static size_t utf8_seq_len(const unsigned char *p)
{
    unsigned char c = p[0];
    if (c >= 0xc2 && c <= 0xdf)
        return (p[1] & 0xc0) == 0x80 ? 2 : 0;
    if (c >= 0xe0 && c <= 0xef) {
        unsigned char lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;
        return p[1] >= lo && p[1] <= hi && (p[2] & 0xc0) == 0x80 ? 3 : 0;
    }
    if (c >= 0xf0 && c <= 0xf4) {
        unsigned char lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;
        return p[1] >= lo && p[1] <= hi && (p[2] & 0xc0) == 0x80 && (p[3] & 0xc0) == 0x80 ? 4 : 0;
    }
    return 0;
}

/* What ms_gp_quote does with the character at p: writes its replacement to
 * out (when out is not NULL), returns how many bytes of p it consumed, and
 * sets *same when the character passes unchanged (a quote is doubled, which
 * gnuplot reads back as the same quote). The checks stop at a NUL, so a
 * truncated sequence at the end is never read past. */
static size_t quote_char(const unsigned char *p, ms_strbuf *out, bool *same)
{
    *same = true;
    if (*p == '\'') {
        if (out)
            ms_strbuf_puts(out, "''");
        return 1;
    }
    if (*p < 0x20 || *p == 0x7f) {
        *same = false;
        if (out)
            ms_strbuf_putc(out, ' ');
        return 1;
    }
    if (*p < 0x80) {
        if (out)
            ms_strbuf_putc(out, (char)*p);
        return 1;
    }
    size_t n = utf8_seq_len(p);
    if (n == 0) {
        *same = false;
        if (out)
            ms_strbuf_puts(out, "\xef\xbf\xbd"); /* U+FFFD, one per bad byte */
        return 1;
    }
    if (p[0] == 0xc2 && p[1] < 0xa0) { /* C1 controls U+0080..U+009F */
        *same = false;
        if (out)
            ms_strbuf_putc(out, ' ');
        return n;
    }
    if (out)
        ms_strbuf_append(out, (const char *)p, n);
    return n;
}

void ms_gp_quote(const char *s, ms_strbuf *out)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    /* gnuplot reads a literal that starts with '' as the empty string and
     * then fails on what follows, so leading quotes are written as a
     * double-quoted run of them (only quotes inside: nothing to expand)
     * joined to the rest */
    if (*p == '\'') {
        ms_strbuf_putc(out, '"');
        while (*p == '\'')
            ms_strbuf_putc(out, (char)*p++);
        ms_strbuf_putc(out, '"');
        if (!*p)
            return;
        ms_strbuf_puts(out, " . ");
    }
    ms_strbuf_putc(out, '\'');
    bool same;
    while (*p)
        p += quote_char(p, out, &same);
    ms_strbuf_putc(out, '\'');
}

bool ms_gp_quote_is_lossless(const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    bool same = true;
    while (*p && same)
        p += quote_char(p, NULL, &same);
    return same;
}
