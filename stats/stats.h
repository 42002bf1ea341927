/* stats.h — front header of stats/: changes and ratios computed on figures,
 * each carrying the interval its inputs allow.
 *
 * Every derived number is computed twice: the point value from the stated
 * values and the interval from the inputs' ranges (core/interval.h). A
 * figure whose range is not valid is taken as exact (a point at its value).
 * Nothing here prints; problems go to an ms_diag or into a status field. */
#ifndef MS_STATS_H
#define MS_STATS_H

#include <stddef.h>

#include "core/diag.h"
#include "core/figure.h"
#include "core/interval.h"
#include "core/period.h"
#include "core/series.h"
#include "core/status.h"

/* ---- changes (stats/change.c) ------------------------------------------ */

typedef enum ms_change_mode {
    MS_CHANGE_PREVIOUS, /* vs ms_period_previous(p) */
    MS_CHANGE_YOY       /* vs ms_period_shift_years(p, -1) */
} ms_change_mode;

typedef enum ms_change_status {
    MS_CHANGE_OK,
    MS_CHANGE_FIRST,    /* the base lies before the series starts: no change (empty, not 0) */
    MS_CHANGE_GAP,      /* the base is within the series' span but absent: reported, never shifted */
    MS_CHANGE_MISSING,  /* the base is there but one of the two values is missing (NaN) */
    MS_CHANGE_ZERO_BASE /* the base interval contains 0: abs computed, percent undefined */
} ms_change_status;

/* "ok", "first", "gap", "missing", "zero_base". */
const char *ms_change_status_name(ms_change_status s);

typedef struct ms_change {
    const ms_figure *current;  /* borrowed from the series' figure set */
    const ms_figure *previous; /* NULL for FIRST and GAP */
    ms_period base;            /* the period compared against (also for FIRST/GAP) */
    ms_change_status status;
    double abs_value;          /* current - previous; NaN unless OK or ZERO_BASE */
    ms_interval abs_range;
    double pct_value;          /* (current / previous - 1) * 100; NaN unless OK */
    ms_interval pct_range;
} ms_change;

typedef struct ms_change_list {
    ms_change *items; /* owned; one per figure of the series, in series order */
    size_t count;
} ms_change_list;

/* Changes along one series (kind count, share or ratio; other kinds give
 * MS_ERR_USAGE). PREVIOUS: each period vs ms_period_previous(p) (2024 vs
 * 2023, 2024-03 vs 2024-02, 2024-Q1 vs 2023-Q4; a Jan-Jul span vs the same
 * span a year earlier); YOY: vs ms_period_shift_years(p, -1). Matching is
 * by calendar period, never by position. FIRST vs GAP: the base is FIRST
 * when it comes before the earliest figure of the same grain in the series,
 * else GAP. *out is overwritten; free with ms_change_list_free. The list
 * borrows the series' figures: the set must outlive it and not grow. */
ms_status ms_stats_changes(const ms_series *s, ms_change_mode mode, ms_change_list *out);
void ms_change_list_free(ms_change_list *l);

/* Appends the derived figures of one change to out: an abs_change figure
 * (status OK or ZERO_BASE) and a pct_change figure (OK only); nothing for
 * FIRST, GAP or MISSING (the change list reports those). The figures take
 * metric/place/subject/source/published of the current figure, period =
 * current period, base = previous period, hedge none, unit of the series
 * (abs) or "percent" (pct), range from the interval computation, inputs =
 * ids of both figures, id "derived:<current id>:abs" / ":pct". out may be
 * the set the figures come from, but then the remaining changes of the list
 * dangle (the set grew). MS_ERR_NOMEM on allocation failure. */
ms_status ms_change_to_figures(const ms_change *c, ms_figure_set *out);

/* ---- ratios (stats/ratio.c) -------------------------------------------- */

/* Ratio num_metric / den_metric for every (place, subject, period, source)
 * where both are stated (kind count, value not missing, period known, the
 * periods equal). Appends kind ratio figures to out: metric
 * "<num>_per_<den>", unit "ratio", value num/den, range by interval
 * division, hedge none, period/place/subject/source/published of the
 * numerator, inputs = both ids, id "derived:<num id>:per:<den id>". A
 * denominator interval containing 0 gives a diag warning naming both ids
 * and no figure; a numerator with no matching denominator gives a warning
 * naming it. Several matching denominators (revisions) each give a ratio.
 * out may be in. MS_ERR_USAGE if a metric is NULL or empty, MS_ERR_NOMEM on
 * allocation failure, else MS_OK. */
ms_status ms_stats_ratio(const ms_figure_set *in, const char *num_metric,
                         const char *den_metric, ms_figure_set *out, ms_diag *diag);

#endif
