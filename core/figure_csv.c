/* figure_csv.c — figures as CSV rows. Exports ms_figure_csv_header and
 * ms_figure_csv_format of figure_csv.h. The columns are those the long
 * CSV reader (ingest/csv_long.c) reads back, in this order. */
#include "core/figure_csv.h"
#include "core/num.h"
#include "core/period.h"

#include <math.h>
#include <string.h>

static const char header[] = "id,metric,kind,value,lo,hi,lo_open,hi_open,hedge,unit,period,base,place,"
                             "subject,breakdown,source,published,lang,url,quote,note,flags,inputs\n";

void ms_figure_csv_header(ms_strbuf *sb)
{
    ms_strbuf_append(sb, header, sizeof header - 1);
}

/* A text cell: empty for NULL; quoted ("" for a quote) when it holds a
 * delimiter, a quote or a line break, or starts or ends with a space. */
static void put_text(ms_strbuf *sb, const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    bool quote = n && (s[0] == ' ' || s[n - 1] == ' ');
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote) {
        ms_strbuf_append(sb, s, n);
        return;
    }
    ms_strbuf_putc(sb, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            ms_strbuf_putc(sb, '"');
        ms_strbuf_putc(sb, *p);
    }
    ms_strbuf_putc(sb, '"');
}

static void put_number(ms_strbuf *sb, double v)
{
    if (isnan(v))
        return;
    char buf[MS_NUM_BUFSZ];
    size_t n = ms_num_format(v, buf);
    ms_strbuf_append(sb, buf, n);
}

static void put_period(ms_strbuf *sb, ms_period p)
{
    char buf[MS_PERIOD_BUFSZ];
    size_t n = ms_period_format(p, buf);
    ms_strbuf_append(sb, buf, n);
}

void ms_figure_csv_format(const ms_figure *f, ms_strbuf *sb)
{
    bool has_range = !isnan(f->range.lo) && !isnan(f->range.hi);
    put_text(sb, f->id);
    ms_strbuf_putc(sb, ',');
    put_text(sb, f->metric);
    ms_strbuf_putc(sb, ',');
    ms_strbuf_puts(sb, ms_kind_name(f->kind));
    ms_strbuf_putc(sb, ',');
    put_number(sb, f->value);
    ms_strbuf_putc(sb, ',');
    if (has_range) {
        put_number(sb, f->range.lo);
        ms_strbuf_putc(sb, ',');
        put_number(sb, f->range.hi);
        ms_strbuf_puts(sb, f->range.lo_open ? ",true" : ",false");
        ms_strbuf_puts(sb, f->range.hi_open ? ",true," : ",false,");
    } else {
        ms_strbuf_puts(sb, ",,,,");
    }
    ms_strbuf_puts(sb, ms_hedge_name(f->hedge));
    ms_strbuf_putc(sb, ',');
    put_text(sb, f->unit);
    ms_strbuf_putc(sb, ',');
    put_period(sb, f->period);
    ms_strbuf_putc(sb, ',');
    put_period(sb, f->base);
    ms_strbuf_putc(sb, ',');
    put_text(sb, f->place);
    ms_strbuf_putc(sb, ',');
    put_text(sb, f->subject);
    ms_strbuf_putc(sb, ',');
    put_text(sb, f->breakdown);
    ms_strbuf_putc(sb, ',');
    put_text(sb, f->source);
    ms_strbuf_putc(sb, ',');
    char day[11];
    ms_strbuf_append(sb, day, ms_date_format(f->published, day));
    ms_strbuf_putc(sb, ',');
    put_text(sb, f->lang);
    ms_strbuf_putc(sb, ',');
    put_text(sb, f->url);
    ms_strbuf_putc(sb, ',');
    put_text(sb, f->quote);
    ms_strbuf_putc(sb, ',');
    put_text(sb, f->note);
    ms_strbuf_putc(sb, ',');
    put_text(sb, f->flags);
    ms_strbuf_putc(sb, ',');
    if (f->n_inputs) {
        /* ids may hold ';' only in theory: quote the joined list as text */
        ms_strbuf joined;
        ms_strbuf_init(&joined);
        for (size_t i = 0; i < f->n_inputs; i++) {
            if (i)
                ms_strbuf_putc(&joined, ';');
            ms_strbuf_puts(&joined, f->inputs[i] ? f->inputs[i] : "");
        }
        put_text(sb, ms_strbuf_failed(&joined) ? "" : ms_strbuf_str(&joined));
        ms_strbuf_free(&joined);
    }
    ms_strbuf_putc(sb, '\n');
}
