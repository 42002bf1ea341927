/* cagr.c — compound annual growth between two periods of a series,
 * ((last / first)^(1 / years) - 1) x 100, with the interval the two
 * ranges allow (interval division, then an increasing power). Exports
 * ms_stats_years_between, ms_stats_cagr and ms_cagr_form (stats.h). */
#include "stats/stats.h"

#include <math.h>

#include "stats/internal.h"

const ms_point_form ms_cagr_form = {MS_KIND_CAGR, "percent_per_year", NULL, "cagr"};

double ms_stats_years_between(ms_period first, ms_period last)
{
    ms_period_grain g = ms_period_grain_of(first);
    bool calendar = g == MS_GRAIN_MONTH || g == MS_GRAIN_QUARTER || g == MS_GRAIN_HALF ||
                    g == MS_GRAIN_YEAR;
    if (calendar && g == ms_period_grain_of(last)) {
        int y0, m0, d0, y1, m1, d1;
        ms_civil_from_day(first.start, &y0, &m0, &d0);
        ms_civil_from_day(last.start, &y1, &m1, &d1);
        return ((y1 - y0) * 12 + (m1 - m0)) / 12.0; /* 2019 -> 2023: exactly 4 */
    }
    /* midpoints in days, kept in halves so no day is lost to rounding */
    double mid0 = ((double)first.start + first.end) / 2, mid1 = ((double)last.start + last.end) / 2;
    return (mid1 - mid0) / 365.2425;
}

/* The earliest and latest figures of the series of its last figure's grain. */
static void ends_of(const ms_series *s, const ms_figure **first, const ms_figure **last)
{
    *first = *last = NULL;
    if (s->count == 0)
        return;
    *last = s->items[s->count - 1];
    ms_period_grain g = ms_period_grain_of((*last)->period);
    for (size_t i = 0; i < s->count && !*first; i++)
        if (ms_period_grain_of(s->items[i]->period) == g)
            *first = s->items[i];
}

ms_status ms_stats_cagr(const ms_series *s, ms_period first, ms_period last, ms_point *out)
{
    if (s->count == 0)
        return MS_ERR_USAGE;
    const ms_figure *f0, *f1;
    if (ms_period_is_none(first) && ms_period_is_none(last)) {
        ends_of(s, &f0, &f1);
    } else if (ms_period_is_none(first) || ms_period_is_none(last)) {
        return MS_ERR_USAGE; /* both periods or neither */
    } else {
        f0 = ms_series_find_period(s, first);
        f1 = ms_series_find_period(s, last);
    }
    *out = (ms_point){.current = f1, .other = f0, .period = last, .base = first,
                      .value = NAN, .range = ms_stats_nan_interval()};
    if (f1)
        out->period = f1->period;
    if (f0)
        out->base = f0->period;
    if (!f0 || !f1) {
        out->status = f0 ? MS_POINT_GAP : MS_POINT_NO_BASE;
        if (!f1) /* reports name a figure of the series */
            out->current = f0 ? f0 : s->items[s->count - 1];
        return MS_OK;
    }
    double years = ms_stats_years_between(f0->period, f1->period);
    if (!(years > 0)) {
        out->status = MS_POINT_FIRST; /* one period, or the ends reversed */
        return MS_OK;
    }
    if (ms_figure_is_missing(f0) || ms_figure_is_missing(f1)) {
        out->status = MS_POINT_MISSING;
        return MS_OK;
    }
    ms_interval q, growth;
    if (f0->value == 0 ||
        ms_interval_div(ms_stats_range_of(f1), ms_stats_range_of(f0), &q) != MS_OK) {
        out->status = MS_POINT_ZERO_BASE;
        return MS_OK;
    }
    double ratio = f1->value / f0->value;
    if (!(ratio >= 0) || ms_interval_pow(q, 1 / years, &growth) != MS_OK) {
        out->status = MS_POINT_NOT_POSITIVE;
        return MS_OK;
    }
    out->status = MS_POINT_OK;
    out->value = (pow(ratio, 1 / years) - 1) * 100;
    out->range = ms_interval_scale(ms_interval_sub(growth, ms_interval_point(1)), 100);
    return MS_OK;
}
