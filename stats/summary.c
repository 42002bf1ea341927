/* summary.c — what a series says at a glance: how many values, the first
 * and last (with their periods), the smallest and largest, mean, median
 * and standard deviation (GSL statistics). Exports ms_stats_summary
 * (stats.h). Values of another grain than the last figure's are left out
 * (a Jan-Jul figure among years would pull the mean down) and counted. */
#include "stats/stats.h"

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>

#include "stats/internal.h"

ms_status ms_stats_summary(const ms_series *s, double *work, ms_summary *out)
{
    *out = (ms_summary){.mean = NAN, .median = NAN, .sd = NAN};
    if (s->count == 0)
        return MS_OK;
    ms_gsl_init();
    ms_period_grain g = ms_period_grain_of(s->items[s->count - 1]->period);
    for (size_t i = 0; i < s->count; i++) {
        const ms_figure *f = s->items[i];
        if (ms_figure_is_missing(f)) {
            out->n_missing++;
            continue;
        }
        if (ms_period_grain_of(f->period) != g) {
            out->n_other_grain++;
            continue;
        }
        if (!out->first)
            out->first = f;
        out->last = f;
        if (!out->min || f->value < out->min->value)
            out->min = f;
        if (!out->max || f->value > out->max->value)
            out->max = f;
        work[out->n++] = f->value;
    }
    if (out->n == 0)
        return MS_OK;
    out->mean = gsl_stats_mean(work, 1, out->n);
    if (out->n >= 2)
        out->sd = gsl_stats_sd_m(work, 1, out->n, out->mean);
    gsl_sort(work, 1, out->n);
    out->median = gsl_stats_median_from_sorted_data(work, 1, out->n);
    return MS_OK;
}
