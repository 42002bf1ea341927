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

/* A row is built in a buffer on the stack and appended to sb once (rows
 * are written by the million with `change --to csv`): no printf, no
 * allocation. Longer rows go to sb in pieces. */
typedef struct row {
    ms_strbuf *sb;
    size_t n;
    char buf[2048];
} row;

static void row_flush(row *r)
{
    ms_strbuf_append(r->sb, r->buf, r->n);
    r->n = 0;
}

static void put_bytes(row *r, const char *s, size_t n)
{
    if (r->n + n > sizeof r->buf) {
        row_flush(r);
        if (n > sizeof r->buf) {
            ms_strbuf_append(r->sb, s, n);
            return;
        }
    }
    memcpy(r->buf + r->n, s, n);
    r->n += n;
}

static void put_char(row *r, char c)
{
    if (r->n == sizeof r->buf)
        row_flush(r);
    r->buf[r->n++] = c;
}

/* A text cell: empty for NULL; quoted ("" for a quote) when it holds a
 * delimiter, a quote or a line break, or starts or ends with a space. */
static void put_text(row *r, const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    bool quote = n && (s[0] == ' ' || s[n - 1] == ' ');
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote) {
        put_bytes(r, s, n);
        return;
    }
    put_char(r, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            put_char(r, '"');
        put_char(r, *p);
    }
    put_char(r, '"');
}

static void put_number(row *r, double v)
{
    if (isnan(v))
        return;
    char buf[MS_NUM_BUFSZ];
    put_bytes(r, buf, ms_num_format(v, buf));
}

static void put_period(row *r, ms_period p)
{
    char buf[MS_PERIOD_BUFSZ];
    put_bytes(r, buf, ms_period_format(p, buf));
}

#define put_lit(r, lit) put_bytes((r), (lit), sizeof(lit) - 1)

void ms_figure_csv_format(const ms_figure *f, ms_strbuf *sb)
{
    row r = {.sb = sb, .n = 0};
    bool has_range = !isnan(f->range.lo) && !isnan(f->range.hi);
    put_text(&r, f->id);
    put_char(&r, ',');
    put_text(&r, f->metric);
    put_char(&r, ',');
    put_text(&r, ms_kind_name(f->kind));
    put_char(&r, ',');
    put_number(&r, f->value);
    put_char(&r, ',');
    if (has_range) {
        put_number(&r, f->range.lo);
        put_char(&r, ',');
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
    put_char(&r, ',');
    put_text(&r, f->unit);
    put_char(&r, ',');
    put_period(&r, f->period);
    put_char(&r, ',');
    put_period(&r, f->base);
    put_char(&r, ',');
    put_text(&r, f->place);
    put_char(&r, ',');
    put_text(&r, f->subject);
    put_char(&r, ',');
    put_text(&r, f->breakdown);
    put_char(&r, ',');
    put_text(&r, f->source);
    put_char(&r, ',');
    char day[11];
    put_bytes(&r, day, ms_date_format(f->published, day));
    put_char(&r, ',');
    put_text(&r, f->lang);
    put_char(&r, ',');
    put_text(&r, f->url);
    put_char(&r, ',');
    put_text(&r, f->quote);
    put_char(&r, ',');
    put_text(&r, f->note);
    put_char(&r, ',');
    put_text(&r, f->flags);
    put_char(&r, ',');
    /* inputs joined by ';': quoted as one cell when an id needs it */
    bool quote = false;
    for (size_t i = 0; i < f->n_inputs && !quote; i++)
        quote = f->inputs[i] && strpbrk(f->inputs[i], ",\"\r\n") != NULL;
    if (quote)
        put_char(&r, '"');
    for (size_t i = 0; i < f->n_inputs; i++) {
        if (i)
            put_char(&r, ';');
        for (const char *p = f->inputs[i] ? f->inputs[i] : ""; *p; p++) {
            if (*p == '"')
                put_char(&r, '"');
            put_char(&r, *p);
        }
    }
    if (quote)
        put_char(&r, '"');
    put_char(&r, '\n');
    row_flush(&r);
}
