/* datablock.c — a series as a gnuplot datablock: numbers printed by
 * ms_num_format only, so nothing input-derived and nothing locale-dependent
 * reaches gnuplot through data. */
#include "plots/datablock.h"

#include <math.h>

size_t ms_datablock_series(const char *name, const ms_series *s, ms_strbuf *sb)
{
    size_t points = 0;
    ms_strbuf_printf(sb, "$%s << %s\n", name, MS_DATABLOCK_END);
    for (size_t i = 0; i < s->count; i++) {
        const ms_figure *f = s->items[i];
        if (ms_period_is_none(f->period))
            continue;
        if (ms_figure_is_missing(f)) {
            ms_strbuf_putc(sb, '\n');
            continue;
        }
        /* middle of the period, in seconds since 1970 */
        double x = ((double)f->period.start + (double)f->period.end + 1.0) / 2.0 * 86400.0;
        bool has_range = ms_interval_is_valid(f->range);
        ms_strbuf_num(sb, x);
        ms_strbuf_putc(sb, ' ');
        ms_strbuf_num(sb, f->value);
        ms_strbuf_putc(sb, ' ');
        ms_strbuf_num(sb, has_range ? f->range.lo : f->value);
        ms_strbuf_putc(sb, ' ');
        ms_strbuf_num(sb, has_range ? f->range.hi : f->value);
        ms_strbuf_putc(sb, '\n');
        points++;
    }
    ms_strbuf_puts(sb, MS_DATABLOCK_END "\n");
    return points;
}
