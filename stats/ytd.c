/* ytd.c — year-to-date series: decumulation (Jan-May, Jan-Jun ... ->
 * monthly values) and the reverse (monthly -> year-to-date sums), by
 * calendar month, intervals carried (core/interval.c). Exports
 * ms_stats_decumulate, ms_stats_cumulate and their forms (stats.h). A
 * month that cannot be computed is a GAP naming the period needed: never
 * the difference to an older year-to-date figure. */
#include "stats/stats.h"

#include <math.h>
#include <stdlib.h>

#include "stats/internal.h"

const ms_point_form ms_decumulate_form = {MS_KIND_COUNT, NULL, NULL, "month"};
const ms_point_form ms_cumulate_form = {MS_KIND_COUNT, NULL, NULL, "ytd"};

/* January 1 to the end of month *month of *year? */
static bool is_year_to_date(ms_period p, int *year, int *month)
{
    if (ms_period_is_none(p))
        return false;
    int y0, m0, d0, y1, m1, d1;
    ms_civil_from_day(p.start, &y0, &m0, &d0);
    ms_civil_from_day(p.end, &y1, &m1, &d1);
    if (y0 != y1 || m0 != 1 || d0 != 1 || d1 != ms_days_in_month(y1, m1))
        return false;
    *year = y0;
    *month = m1;
    return true;
}

/* Months first..last of one year as a period. */
static ms_period months_of(int year, int first, int last)
{
    return (ms_period){ms_day_from_civil(year, first, 1),
                       ms_day_from_civil(year, last, ms_days_in_month(year, last))};
}

static void point_init(ms_point *p, const ms_figure *f)
{
    p->current = f;
    p->other = NULL;
    p->other_is_derived = false;
    p->period = f->period;
    p->base = ms_period_none();
    p->status = MS_POINT_OTHER_GRAIN;
    p->value = NAN;
    p->range = ms_stats_nan_interval();
}

static ms_status list_alloc(const ms_series *s, ms_point_list *out)
{
    out->items = NULL;
    out->count = 0;
    if (s->count == 0)
        return MS_OK;
    out->items = calloc(s->count, sizeof *out->items);
    if (!out->items)
        return MS_ERR_NOMEM;
    out->count = s->count;
    return MS_OK;
}

/* ---- decumulation ------------------------------------------------------ */

static void decumulate_one(const ms_series *s, ms_point *p)
{
    const ms_figure *f = p->current;
    int year, month;
    if (!is_year_to_date(f->period, &year, &month))
        return; /* OTHER_GRAIN: not year-to-date */
    p->period = months_of(year, month, month);
    if (month == 1) { /* January to date is January */
        p->status = ms_figure_is_missing(f) ? MS_POINT_MISSING : MS_POINT_OK;
        if (p->status == MS_POINT_OK) {
            p->value = f->value;
            p->range = ms_stats_range_of(f);
        }
        return;
    }
    p->base = months_of(year, 1, month - 1);
    const ms_figure *before = ms_series_find_period(s, p->base);
    if (!before) {
        p->status = MS_POINT_GAP;
        return;
    }
    p->other = before;
    if (ms_figure_is_missing(f) || ms_figure_is_missing(before)) {
        p->status = MS_POINT_MISSING;
        return;
    }
    p->value = f->value - before->value;
    p->range = ms_interval_sub(ms_stats_range_of(f), ms_stats_range_of(before));
    p->status = MS_POINT_OK;
}

ms_status ms_stats_decumulate(const ms_series *s, ms_point_list *out)
{
    ms_status st = list_alloc(s, out);
    for (size_t i = 0; st == MS_OK && i < out->count; i++) {
        point_init(&out->items[i], s->items[i]);
        decumulate_one(s, &out->items[i]);
    }
    return st;
}

/* ---- cumulation -------------------------------------------------------- */

/* The point already computed for figure f (searched backwards from
 * before_at: the month before is normally the point just before). */
static const ms_point *point_of(const ms_point_list *l, size_t before_at, const ms_figure *f)
{
    for (size_t i = before_at; i-- > 0;)
        if (l->items[i].current == f)
            return &l->items[i];
    return NULL;
}

static void cumulate_one(const ms_series *s, const ms_point_list *done, size_t at, ms_point *p)
{
    const ms_figure *f = p->current;
    if (ms_period_grain_of(f->period) != MS_GRAIN_MONTH)
        return; /* OTHER_GRAIN */
    int year, month, day;
    ms_civil_from_day(f->period.start, &year, &month, &day);
    p->period = months_of(year, 1, month);
    if (ms_figure_is_missing(f)) {
        p->status = MS_POINT_MISSING;
        return;
    }
    if (month == 1) {
        p->status = MS_POINT_OK;
        p->value = f->value;
        p->range = ms_stats_range_of(f);
        return;
    }
    ms_period prev_month = months_of(year, month - 1, month - 1);
    const ms_figure *before = ms_series_find_period(s, prev_month);
    const ms_point *sum_before = before ? point_of(done, at, before) : NULL;
    if (!sum_before) {
        p->status = MS_POINT_GAP;
        p->base = prev_month;
        return;
    }
    p->other = before;
    p->other_is_derived = true;
    if (sum_before->status != MS_POINT_OK) { /* the chain is broken earlier */
        p->status = sum_before->status;
        p->base = sum_before->base;
        return;
    }
    p->status = MS_POINT_OK;
    p->value = sum_before->value + f->value;
    p->range = ms_interval_add(sum_before->range, ms_stats_range_of(f));
}

ms_status ms_stats_cumulate(const ms_series *s, ms_point_list *out)
{
    ms_status st = list_alloc(s, out);
    for (size_t i = 0; st == MS_OK && i < out->count; i++) {
        point_init(&out->items[i], s->items[i]);
        cumulate_one(s, out, i, &out->items[i]);
    }
    return st;
}
