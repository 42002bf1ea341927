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

/* ---- derived points (stats/point.c) ------------------------------------ */

/* One value derived along a series (log change, decumulated month,
 * year-to-date sum, index, compound growth), or why there is none. */
typedef enum ms_point_status {
    MS_POINT_OK,
    MS_POINT_FIRST,        /* the base lies before the series starts */
    MS_POINT_GAP,          /* a period needed is absent: reported, never shifted */
    MS_POINT_MISSING,      /* a value needed is missing (NaN) */
    MS_POINT_ZERO_BASE,    /* a divisor's interval contains 0 */
    MS_POINT_NOT_POSITIVE, /* a log or root of an interval reaching 0 or below */
    MS_POINT_NO_BASE,      /* the base period asked for is not in the series */
    MS_POINT_OTHER_GRAIN   /* not of the grain the computation works on */
} ms_point_status;

/* "ok", "first", "gap", "missing", "zero_base", "not_positive", "no_base",
 * "other_grain". */
const char *ms_point_status_name(ms_point_status s);

typedef struct ms_point {
    const ms_figure *current; /* the figure it is about (borrowed) */
    const ms_figure *other;   /* the other figure used (base, previous); NULL if none */
    bool other_is_derived;    /* the input is the figure derived from `other`
                                 with the same id suffix (year-to-date chains) */
    ms_period period;         /* what the derived value covers */
    ms_period base;           /* the period compared against or needed; none if n/a */
    ms_point_status status;
    double value;             /* NaN unless OK */
    ms_interval range;
} ms_point;

typedef struct ms_point_list {
    ms_point *items; /* owned */
    size_t count;
} ms_point_list;

void ms_point_list_free(ms_point_list *l);

/* How a point becomes a figure: kind, unit (NULL = the current figure's),
 * metric (NULL = the current figure's) and the id suffix. */
typedef struct ms_point_form {
    ms_kind kind;
    const char *unit;
    const char *metric;
    const char *id_suffix;
} ms_point_form;

/* Appends the derived figure of an OK point to out (nothing otherwise):
 * place/subject/breakdown/source/published/lang of the current figure,
 * period and base of the point, hedge none, id "derived:<current id>:
 * <suffix>", inputs = the current figure's id and the other's (or the id
 * derived from the other). Built before it is added, so `current` may point
 * into out (the rest of a list then dangles). MS_ERR_NOMEM on failure. */
ms_status ms_point_to_figure(const ms_point *p, const ms_point_form *form, ms_figure_set *out);

/* ---- log changes (stats/log_change.c) ---------------------------------- */

/* ln(current / previous) along a series, matched as ms_stats_changes
 * matches (mode PREVIOUS or YOY), the interval ln of the quotient's. A
 * quotient interval reaching 0 or below is NOT_POSITIVE; a zero base is
 * ZERO_BASE. Form: kind log_change, unit "log", suffix "log". *out is
 * overwritten; free with ms_point_list_free. */
ms_status ms_stats_log_changes(const ms_series *s, ms_change_mode mode, ms_point_list *out);
extern const ms_point_form ms_log_change_form;

/* ---- year-to-date (stats/ytd.c) ---------------------------------------- */

/* Decumulation: a year-to-date figure covers January 1 to the end of month
 * m of one year (Jan-May, Q1 = Jan-Mar, H1, the whole year). Month m =
 * YTD(m) - YTD(m-1) (interval subtraction); a YTD one month long (January)
 * is the month itself. YTD(m-1) absent: GAP (base = the period needed),
 * never the nearest earlier YTD. Figures that do not start on January 1
 * are not year-to-date: OTHER_GRAIN. Form: kind count, unit of the series,
 * suffix "month". */
ms_status ms_stats_decumulate(const ms_series *s, ms_point_list *out);
extern const ms_point_form ms_decumulate_form;

/* The reverse: monthly figures summed within each calendar year, YTD(m) =
 * YTD(m-1) + month m (interval addition), the January YTD being January.
 * A month absent makes it and every later month of that year a GAP (base =
 * the first month absent). Non-monthly figures: OTHER_GRAIN. The input of
 * YTD(m) is month m and the derived YTD(m-1) (other_is_derived). Form: kind
 * count, suffix "ytd". */
ms_status ms_stats_cumulate(const ms_series *s, ms_point_list *out);
extern const ms_point_form ms_cumulate_form;

/* ---- index (stats/index.c) --------------------------------------------- */

/* value / value(base) x 100 for every figure of the base's grain (others
 * OTHER_GRAIN). A base absent from the series makes every point NO_BASE; a
 * base interval containing 0, ZERO_BASE. Form: kind index, unit "index",
 * suffix "index". */
ms_status ms_stats_index(const ms_series *s, ms_period base, ms_point_list *out);
extern const ms_point_form ms_index_form;

/* ---- compound annual growth (stats/cagr.c) ----------------------------- */

/* Years between two periods: whole months between their starts / 12 when
 * both have the same calendar grain (2019 -> 2023 is 4), else the days
 * between their midpoints / 365.2425. */
double ms_stats_years_between(ms_period first, ms_period last);

/* ((last / first)^(1 / years) - 1) x 100 in percent a year, interval by
 * interval division and power. first/last none: the earliest and latest
 * figures of the series of its last figure's grain. A period absent: GAP
 * (NO_BASE for the first); years <= 0 or one figure: FIRST; first interval
 * containing 0: ZERO_BASE; a negative quotient: NOT_POSITIVE. The point's
 * current is the last figure, other the first. Form: kind cagr, unit
 * "percent_per_year", suffix "cagr". */
ms_status ms_stats_cagr(const ms_series *s, ms_period first, ms_period last, ms_point *out);
extern const ms_point_form ms_cagr_form;

/* ---- shares of a total (stats/share.c) --------------------------------- */

typedef enum ms_share_total {
    MS_SHARE_OF_SUBJECTS, /* total = subject foreign_citizens, same place */
    MS_SHARE_OF_COUNTRY,  /* total = the country of a region (RU for RU-MOW), same subject */
    MS_SHARE_OF_METRIC    /* total = another metric, same place and subject */
} ms_share_total;

/* part / total x 100 for every count that has a total: same metric (or
 * total_metric), period, breakdown and source; the first total in the set
 * wins. Appends kind share figures, unit "percent", id "derived:<part
 * id>:share", inputs = both ids; metric of the part, or for
 * MS_SHARE_OF_METRIC "<part_metric>_of_<total_metric>" with parts of
 * part_metric only. A part with no total, or a total that may be 0, gives
 * a diag warning and no figure. Totals are not parts. out may be in.
 * MS_ERR_USAGE for MS_SHARE_OF_METRIC without both metrics. */
ms_status ms_stats_shares(const ms_figure_set *in, ms_share_total by, const char *part_metric,
                          const char *total_metric, ms_figure_set *out, ms_diag *diag);

/* ---- per capita (stats/per_capita.c) ----------------------------------- */

/* value / population x per (per > 0; 100 000 is usual) for every count of
 * another metric, where population_metric is stated for the same place
 * with the figure's subject or none, for the same period or one containing
 * it (any source; the first in the set wins). Appends kind ratio figures
 * of the figure's metric, unit "per_<per>_<population metric>", id
 * "derived:<id>:per_capita", inputs = both ids. No population: a diag
 * warning. out may be in. MS_ERR_USAGE without a metric or per <= 0. */
ms_status ms_stats_per_capita(const ms_figure_set *in, const char *population_metric, double per,
                              ms_figure_set *out, ms_diag *diag);

/* ---- trend (stats/trend.c) --------------------------------------------- */

/* A period as a decimal year at its midpoint: 2024 -> 2024.5 (the middle
 * day over the days of its year), 2024-Q1 -> 2024.12. */
double ms_stats_period_year(ms_period p);

/* Ordinary least squares y = intercept + slope x (GSL gsl_fit_linear). */
typedef struct ms_linear_fit {
    size_t n;
    double intercept, slope;
    double se_intercept, se_slope;
    double cov01;        /* covariance of intercept and slope */
    double r2;
    double residual_sd;  /* sqrt(sum of squared residuals / (n - 2)) */
    double t95;          /* t quantile 0.975 on n - 2 degrees of freedom */
    double x_mean, sxx;  /* for bands: mean of x, sum of (x - mean)^2 */
} ms_linear_fit;

/* MS_ERR_DATA for n < 3 (no degrees of freedom for an error) or when every
 * x is the same; then *out holds n only. */
ms_status ms_stats_linear_fit(const double *x, const double *y, size_t n, ms_linear_fit *out);
/* The fitted value at x and the half-widths of its 95 % confidence band
 * (of the mean) and prediction interval (of a new observation). */
void ms_linear_fit_at(const ms_linear_fit *fit, double x, double *fitted, double *band_half,
                      double *predict_half);

typedef struct ms_trend_point {
    const ms_figure *figure; /* borrowed */
    double x, fitted, band_lo, band_hi;
} ms_trend_point;

typedef struct ms_trend {
    bool enough;            /* at least 3 points: numbers below are set */
    size_t n_other_grain;   /* figures left out: another grain than the last's */
    size_t n_missing;       /* figures left out: missing values */
    ms_linear_fit fit;      /* fit.n = points used */
    ms_trend_point *points; /* owned, fit.n of them in series order */
    ms_period next;         /* the period after the last one */
    double next_value, next_lo, next_hi; /* prediction and 95 % prediction interval */
} ms_trend;

/* The trend of one series over the figures of its last figure's grain
 * (value against ms_stats_period_year). Fewer than 3 points: MS_OK with
 * enough = false and no numbers. Free with ms_trend_free. */
ms_status ms_stats_trend(const ms_series *s, ms_trend *out);
void ms_trend_free(ms_trend *t);

/* ---- a change in counts (stats/poisson_test.c) ------------------------- */

typedef struct ms_count_test {
    double k1, k2, t1, t2;
    double p_value;         /* two-sided, exact */
    double rate_ratio;      /* (k1 / t1) / (k2 / t2); NaN when k2 is 0 */
    double rr_lo, rr_hi;    /* its exact 95 % interval; hi NaN when unbounded */
} ms_count_test;

/* Is k1 events in exposure t1 against k2 in t2 a real change? Conditional
 * exact test: under equal rates k1 ~ Binomial(k1 + k2, t1 / (t1 + t2)).
 * The two-sided p-value sums the probabilities of every outcome no more
 * likely than k1 (relative tolerance 1e-7, as R's binom.test), from GSL's
 * binomial tails, so 93000 vs 60800 costs a few dozen evaluations. The
 * rate ratio's interval is Clopper-Pearson's for the binomial proportion.
 * k1, k2 whole and >= 0 (sum below 2^32), t1, t2 > 0, else MS_ERR_USAGE. */
ms_status ms_stats_poisson_test(double k1, double k2, double t1, double t2, ms_count_test *out);

/* ---- summary (stats/summary.c) ----------------------------------------- */

typedef struct ms_summary {
    size_t n;               /* values used */
    size_t n_missing, n_other_grain; /* left out */
    const ms_figure *first, *last, *min, *max; /* borrowed; NULL when n is 0 */
    double mean, median, sd; /* sd with n - 1; NaN when n < 2 (mean, median: n < 1) */
} ms_summary;

/* Summary of the figures of a series of its last figure's grain, missing
 * values left out. work holds s->count doubles (the caller's scratch). */
ms_status ms_stats_summary(const ms_series *s, double *work, ms_summary *out);

#endif
