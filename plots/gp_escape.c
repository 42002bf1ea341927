/* gp_escape.c — the one function through which any input-derived text
 * reaches gnuplot. A single-quoted gnuplot string expands nothing: no
 * backquote command substitution, no backslash escapes, no macros; only the
 * quote itself needs doubling. Control characters become spaces so a
 * string can never end a command line or a datablock. */
#include "plots/plots.h"

void ms_gp_quote(const char *s, ms_strbuf *out)
{
    ms_strbuf_putc(out, '\'');
    for (const char *p = s ? s : ""; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '\'')
            ms_strbuf_puts(out, "''");
        else if (c < 0x20 || c == 0x7f)
            ms_strbuf_putc(out, ' ');
        else
            ms_strbuf_putc(out, (char)c);
    }
    ms_strbuf_putc(out, '\'');
}
