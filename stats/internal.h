/* internal.h — small helpers the stats/ files share (not part of the front
 * header): the range a figure allows, the not-a-number interval, and the
 * one-time switch of GSL's error handler (gsl_bridge.c). */
#ifndef MS_STATS_INTERNAL_H
#define MS_STATS_INTERNAL_H

#include <math.h>

#include "core/figure.h"
#include "core/interval.h"
#include "stats/stats.h"

/* A figure without a usable range is taken as exact. */
static inline ms_interval ms_stats_range_of(const ms_figure *f)
{
    return ms_interval_is_valid(f->range) ? f->range : ms_interval_point(f->value);
}

static inline ms_interval ms_stats_nan_interval(void)
{
    return ms_interval_make(NAN, false, NAN, false);
}

/* Dividing one figure by another that matches it (shares, per capita):
 * for every figure in the set that is_part accepts, the first figure that
 * is_total_for accepts as its divisor; the quotient times scale becomes a
 * derived figure of the form. A part without a divisor, or whose divisor
 * may be 0, is a diag warning ("<what> of '<id>' ..."). out may be in. */
typedef struct ms_divide_rule {
    bool (*is_part)(const ms_figure *f, const void *ctx);
    bool (*is_total_for)(const ms_figure *part, const ms_figure *total, const void *ctx);
    const void *ctx;
    double scale;
    ms_point_form form;
    const char *what;
} ms_divide_rule;
ms_status ms_stats_divide_matched(const ms_figure_set *in, const ms_divide_rule *rule,
                                  ms_figure_set *out, ms_diag *diag);

/* Switches GSL's abort-on-error handler off, once per process (thread
 * safe): GSL functions then return their status, which stats/ checks. */
void ms_gsl_init(void);

#endif
