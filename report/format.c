/* format.c — numbers, percents, intervals and periods as people read them
 * in a report: thousands grouped with ',', decimals with '.', whatever the
 * locale (digits come from ms_num_format). */
#include "report/report.h"
#include "core/num.h"

#include <math.h>
#include <string.h>

void ms_fmt_number(double value, ms_strbuf *sb)
{
    if (!isfinite(value)) {
        ms_strbuf_puts(sb, isnan(value) ? "missing" : "unbounded");
        return;
    }
    char buf[MS_NUM_BUFSZ];
    size_t n = ms_num_format(value, buf);
    if (memchr(buf, 'e', n)) { /* exponent form: leave as is */
        ms_strbuf_append(sb, buf, n);
        return;
    }
    size_t start = buf[0] == '-' ? 1 : 0;
    const char *dot = memchr(buf, '.', n);
    size_t int_end = dot ? (size_t)(dot - buf) : n;
    ms_strbuf_append(sb, buf, start);
    for (size_t i = start; i < int_end; i++) {
        size_t left = int_end - i;
        if (i > start && left % 3 == 0)
            ms_strbuf_putc(sb, ',');
        ms_strbuf_putc(sb, buf[i]);
    }
    ms_strbuf_append(sb, buf + int_end, n - int_end);
}

/* value rounded to `digits` significant digits (digits <= 0: unchanged). */
static double round_sig(double value, int digits)
{
    if (digits <= 0 || value == 0 || !isfinite(value))
        return value;
    double mag = floor(log10(fabs(value)));
    double scale = pow(10.0, (double)digits - 1.0 - mag);
    double r = round(value * scale) / scale;
    /* integers stay integers (143000 with 3 digits must not become 143000.00001) */
    return fabs(r) >= 1 && fabs(r - round(r)) < 1e-9 * fabs(r) ? round(r) : r;
}

void ms_fmt_number_sig(double value, int digits, ms_strbuf *sb)
{
    ms_fmt_number(round_sig(value, digits), sb);
}

void ms_fmt_percent(double value, ms_strbuf *sb)
{
    if (!isfinite(value)) {
        ms_fmt_number(value, sb);
        return;
    }
    double r = round(value * 10.0) / 10.0;
    if (r == 0)
        r = 0; /* no "-0.0" */
    if (r > 0)
        ms_strbuf_putc(sb, '+');
    ms_fmt_number(r, sb);
    if (r == floor(r))
        ms_strbuf_puts(sb, ".0");
    ms_strbuf_puts(sb, " %");
}

void ms_fmt_interval(ms_interval iv, int digits, ms_strbuf *sb)
{
    if (isnan(iv.lo) || isnan(iv.hi)) {
        ms_strbuf_puts(sb, "—");
        return;
    }
    ms_strbuf_putc(sb, iv.lo_open ? '(' : '[');
    ms_fmt_number_sig(iv.lo, digits, sb);
    ms_strbuf_puts(sb, " – ");
    ms_fmt_number_sig(iv.hi, digits, sb);
    ms_strbuf_putc(sb, iv.hi_open ? ')' : ']');
}

void ms_fmt_period(ms_period p, ms_strbuf *sb)
{
    if (ms_period_is_none(p)) {
        ms_strbuf_puts(sb, "undated");
        return;
    }
    char buf[MS_PERIOD_BUFSZ];
    size_t n = ms_period_format(p, buf);
    ms_strbuf_append(sb, buf, n);
}

void ms_md_text(const char *s, ms_strbuf *sb)
{
    if (!s) {
        ms_strbuf_puts(sb, "—");
        return;
    }
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '|')
            ms_strbuf_puts(sb, "\\|");
        else if (c == '\n' || c == '\r' || c == '\t')
            ms_strbuf_putc(sb, ' ');
        else if (c < 0x20 || c == 0x7f)
            continue;
        else if (c == '<')
            ms_strbuf_puts(sb, "&lt;");
        else if (c == '`' || c == '*' || c == '_' || c == '[' || c == ']')
        {
            ms_strbuf_putc(sb, '\\');
            ms_strbuf_putc(sb, (char)c);
        }
        else
            ms_strbuf_putc(sb, (char)c);
    }
}
