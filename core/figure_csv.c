/* figure_csv.c — figures as CSV rows. Exports ms_figure_csv_header and
 * ms_figure_csv_format of figure_csv.h. The columns are those the long
 * CSV reader (ingest/csv_long.c) reads back, in this order. */
#include "core/figure_csv.h"
#include "core/line_buf.h"
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

/* A row is built on the stack (core/line_buf.h): rows are written by the
 * million with `change --to csv`. */
/* A text cell: empty for NULL; quoted ("" for a quote) when it holds a
 * delimiter, a quote or a line break, or starts or ends with a space. */
static void put_text(ms_line_buf *r, const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    bool quote = n && (s[0] == ' ' || s[n - 1] == ' ');
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote) {
        ms_line_bytes(r, s, n);
        return;
    }
    ms_line_char(r, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            ms_line_char(r, '"');
        ms_line_char(r, *p);
    }
    ms_line_char(r, '"');
}

static void put_number(ms_line_buf *r, double v)
{
    if (isnan(v))
        return;
    char buf[MS_NUM_BUFSZ];
    ms_line_bytes(r, buf, ms_num_format(v, buf));
}

static void put_period(ms_line_buf *r, ms_period p)
{
    char buf[MS_PERIOD_BUFSZ];
    ms_line_bytes(r, buf, ms_period_format(p, buf));
}

void ms_figure_csv_cell(const char *s, ms_strbuf *sb)
{
    ms_line_buf r = {.sb = sb, .n = 0};
    put_text(&r, s);
    ms_line_flush(&r);
}

#define put_lit(r, lit) ms_line_bytes((r), (lit), sizeof(lit) - 1)

void ms_figure_csv_format(const ms_figure *f, ms_strbuf *sb)
{
    ms_line_buf r = {.sb = sb, .n = 0};
    bool has_range = !isnan(f->range.lo) && !isnan(f->range.hi);
    put_text(&r, f->id);
    ms_line_char(&r, ',');
    put_text(&r, f->metric);
    ms_line_char(&r, ',');
    put_text(&r, ms_kind_name(f->kind));
    ms_line_char(&r, ',');
    put_number(&r, f->value);
    ms_line_char(&r, ',');
    if (has_range) {
        put_number(&r, f->range.lo);
        ms_line_char(&r, ',');
        put_number(&r, f->range.hi);
        if (f->range.lo_open)
            put_lit(&r, ",true");
        else
            put_lit(&r, ",false");
        if (f->range.hi_open)
            put_lit(&r, ",true,");
        else
            put_lit(&r, ",false,");
    } else {
        put_lit(&r, ",,,,");
    }
    put_text(&r, ms_hedge_name(f->hedge));
    ms_line_char(&r, ',');
    put_text(&r, f->unit);
    ms_line_char(&r, ',');
    put_period(&r, f->period);
    ms_line_char(&r, ',');
    put_period(&r, f->base);
    ms_line_char(&r, ',');
    put_text(&r, f->place);
    ms_line_char(&r, ',');
    put_text(&r, f->subject);
    ms_line_char(&r, ',');
    put_text(&r, f->breakdown);
    ms_line_char(&r, ',');
    put_text(&r, f->source);
    ms_line_char(&r, ',');
    char day[11];
    ms_line_bytes(&r, day, ms_date_format(f->published, day));
    ms_line_char(&r, ',');
    put_text(&r, f->lang);
    ms_line_char(&r, ',');
    put_text(&r, f->url);
    ms_line_char(&r, ',');
    put_text(&r, f->quote);
    ms_line_char(&r, ',');
    put_text(&r, f->note);
    ms_line_char(&r, ',');
    put_text(&r, f->flags);
    ms_line_char(&r, ',');
    /* inputs joined by ';': quoted as one cell when an id needs it */
    bool quote = false;
    for (size_t i = 0; i < f->n_inputs && !quote; i++)
        quote = f->inputs[i] && strpbrk(f->inputs[i], ",\"\r\n") != NULL;
    if (quote)
        ms_line_char(&r, '"');
    for (size_t i = 0; i < f->n_inputs; i++) {
        if (i)
            ms_line_char(&r, ';');
        for (const char *p = f->inputs[i] ? f->inputs[i] : ""; *p; p++) {
            if (*p == '"')
                ms_line_char(&r, '"');
            ms_line_char(&r, *p);
        }
    }
    if (quote)
        ms_line_char(&r, '"');
    ms_line_char(&r, '\n');
    ms_line_flush(&r);
}
