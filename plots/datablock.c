/* datablock.c — a series as a gnuplot datablock: numbers printed by
 * ms_num_format only, so nothing input-derived and nothing locale-dependent
 * reaches gnuplot through data. */
#include "plots/datablock.h"

#include <math.h>
#include <string.h>

bool ms_datablock_point_of(const ms_figure *f, ms_datablock_point *pt)
{
    if (ms_period_is_none(f->period) || !isfinite(f->value))
        return false;
    /* from the start of the first day to the end of the last */
    double from = (double)f->period.start * 86400.0, to = ((double)f->period.end + 1.0) * 86400.0;
    pt->x = (from + to) / 2.0;
    bool span = ms_period_grain_of(f->period) == MS_GRAIN_SPAN;
    pt->x_lo = span ? from : pt->x;
    pt->x_hi = span ? to : pt->x;
    pt->y = f->value;
    bool ranged = ms_interval_is_valid(f->range);
    pt->lo = ranged ? f->range.lo : f->value;
    pt->hi = ranged ? f->range.hi : f->value;
    return true;
}

size_t ms_datablock_series(const char *name, const ms_series *s, ms_strbuf *sb)
{
    size_t points = 0;
    bool gap = false; /* a break is due before the next point */
    ms_strbuf_printf(sb, "$%s << %s\n", name, MS_DATABLOCK_END);
    for (size_t i = 0; i < s->count; i++) {
        const ms_figure *f = s->items[i];
        ms_datablock_point pt;
        if (!ms_datablock_point_of(f, &pt)) {
            /* a missing value breaks the line; an undated figure has no
             * place on a time axis and does not */
            gap = gap || !ms_period_is_none(f->period);
            continue;
        }
        if (f->flags && strchr(f->flags, 'b'))
            gap = true;
        /* one blank line breaks a gnuplot line; none before the first point
         * and never two (two would start a new data set) */
        if (gap && points > 0)
            ms_strbuf_putc(sb, '\n');
        gap = false;
        double v[6] = {pt.x, pt.y, pt.lo, pt.hi, pt.x_lo, pt.x_hi};
        ms_datablock_row(sb, v, 6);
        points++;
    }
    ms_strbuf_puts(sb, MS_DATABLOCK_END "\n");
    return points;
}

void ms_datablock_row(ms_strbuf *sb, const double *v, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (k)
            ms_strbuf_putc(sb, ' ');
        ms_strbuf_num(sb, v[k]);
    }
    ms_strbuf_putc(sb, '\n');
}
