/* index.c — a series as an index: base period = 100, the interval of
 * every point from interval division (core/interval.c). Exports
 * ms_stats_index and ms_index_form (stats.h). Only periods of the base's
 * grain are indexed: Jan-Jul against a whole year says nothing. */
#include "stats/stats.h"

#include <math.h>
#include <stdlib.h>

#include "stats/internal.h"

const ms_point_form ms_index_form = {MS_KIND_INDEX, "index", NULL, "index"};

static void index_one(const ms_figure *f, const ms_figure *base_fig, ms_period base,
                      ms_point *p)
{
    p->current = f;
    p->other = base_fig;
    p->period = f->period;
    p->base = base;
    p->value = NAN;
    p->range = ms_stats_nan_interval();
    if (ms_period_grain_of(f->period) != ms_period_grain_of(base)) {
        p->status = MS_POINT_OTHER_GRAIN;
        p->other = NULL;
        return;
    }
    if (!base_fig) {
        p->status = MS_POINT_NO_BASE;
        return;
    }
    if (ms_figure_is_missing(f) || ms_figure_is_missing(base_fig)) {
        p->status = MS_POINT_MISSING;
        return;
    }
    ms_interval q;
    if (base_fig->value == 0 ||
        ms_interval_div(ms_stats_range_of(f), ms_stats_range_of(base_fig), &q) != MS_OK) {
        p->status = MS_POINT_ZERO_BASE;
        return;
    }
    p->status = MS_POINT_OK;
    p->value = f->value / base_fig->value * 100;
    p->range = ms_interval_scale(q, 100);
}

ms_status ms_stats_index(const ms_series *s, ms_period base, ms_point_list *out)
{
    out->items = NULL;
    out->count = 0;
    if (ms_period_is_none(base))
        return MS_ERR_USAGE;
    if (s->count == 0)
        return MS_OK;
    out->items = calloc(s->count, sizeof *out->items);
    if (!out->items)
        return MS_ERR_NOMEM;
    const ms_figure *base_fig = ms_series_find_period(s, base);
    for (size_t i = 0; i < s->count; i++)
        index_one(s->items[i], base_fig, base, &out->items[i]);
    out->count = s->count;
    return MS_OK;
}
