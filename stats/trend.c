/* trend.c — a straight-line trend through a series by ordinary least
 * squares (GSL gsl_fit_linear), x = the period's midpoint in decimal
 * years, with standard errors, R², the 95 % confidence band at each point
 * and the next period's prediction with its 95 % prediction interval.
 * Exports ms_stats_period_year, ms_stats_linear_fit, ms_linear_fit_at,
 * ms_stats_trend and ms_trend_free (stats.h). Bands use s²(1/n + (x -
 * mean)²/Sxx), which stays exact for x near 2024 where the covariance
 * form (cov00 + 2x cov01 + x² cov11) cancels away its digits. */
#include "stats/stats.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>

#include "stats/internal.h"

double ms_stats_period_year(ms_period p)
{
    if (ms_period_is_none(p))
        return NAN;
    double mid = ((double)p.start + p.end) / 2;
    int y, m, d;
    ms_civil_from_day((int32_t)floor(mid), &y, &m, &d);
    int32_t jan1 = ms_day_from_civil(y, 1, 1), next_jan1 = ms_day_from_civil(y + 1, 1, 1);
    return y + (mid - jan1) / (next_jan1 - jan1);
}

ms_status ms_stats_linear_fit(const double *x, const double *y, size_t n, ms_linear_fit *out)
{
    *out = (ms_linear_fit){.n = n};
    if (n < 3)
        return MS_ERR_DATA; /* two points fit exactly: no error to estimate */
    ms_gsl_init();
    out->x_mean = gsl_stats_mean(x, 1, n);
    out->sxx = gsl_stats_tss_m(x, 1, n, out->x_mean);
    if (!(out->sxx > 0))
        return MS_ERR_DATA; /* one x for every point: no slope */
    double cov00, cov11, sumsq;
    if (gsl_fit_linear(x, 1, y, 1, n, &out->intercept, &out->slope, &cov00, &out->cov01, &cov11,
                       &sumsq) != GSL_SUCCESS)
        return MS_ERR_DATA;
    out->se_intercept = sqrt(cov00);
    out->se_slope = sqrt(cov11);
    double tss = gsl_stats_tss(y, 1, n);
    out->r2 = tss > 0 ? 1 - sumsq / tss : (double)NAN; /* a flat series explains nothing */
    out->residual_sd = sqrt(sumsq / (double)(n - 2));
    out->t95 = gsl_cdf_tdist_Pinv(0.975, (double)(n - 2));
    return MS_OK;
}

void ms_linear_fit_at(const ms_linear_fit *fit, double x, double *fitted, double *band_half,
                      double *predict_half)
{
    double dx = x - fit->x_mean;
    double leverage = 1.0 / (double)fit->n + dx * dx / fit->sxx;
    *fitted = fit->intercept + fit->slope * x;
    *band_half = fit->t95 * fit->residual_sd * sqrt(leverage);
    *predict_half = fit->t95 * fit->residual_sd * sqrt(1 + leverage);
}

/* Does figure f take part: a value, and the grain of the series' last figure? */
static bool in_trend(const ms_figure *f, ms_period_grain g)
{
    return !ms_figure_is_missing(f) && ms_period_grain_of(f->period) == g;
}

ms_status ms_stats_trend(const ms_series *s, ms_trend *out)
{
    *out = (ms_trend){.next = ms_period_none(), .next_value = NAN, .next_lo = NAN, .next_hi = NAN};
    if (s->count == 0)
        return MS_OK;
    ms_period_grain g = ms_period_grain_of(s->items[s->count - 1]->period);
    out->points = calloc(s->count, sizeof *out->points);
    double *xy = malloc(2 * s->count * sizeof *xy);
    if (!out->points || !xy) {
        free(xy);
        ms_trend_free(out);
        return MS_ERR_NOMEM;
    }
    double *x = xy, *y = xy + s->count;
    size_t n = 0;
    for (size_t i = 0; i < s->count; i++) {
        const ms_figure *f = s->items[i];
        if (!in_trend(f, g)) {
            if (ms_figure_is_missing(f))
                out->n_missing++;
            else
                out->n_other_grain++;
            continue;
        }
        x[n] = ms_stats_period_year(f->period);
        y[n] = f->value;
        out->points[n] = (ms_trend_point){.figure = f, .x = x[n]};
        n++;
    }
    out->enough = ms_stats_linear_fit(x, y, n, &out->fit) == MS_OK;
    free(xy);
    out->fit.n = n;
    if (!out->enough)
        return MS_OK; /* reported as not enough points, no numbers */

    double predict_half, band_half;
    for (size_t i = 0; i < n; i++) {
        ms_trend_point *p = &out->points[i];
        ms_linear_fit_at(&out->fit, p->x, &p->fitted, &band_half, &predict_half);
        p->band_lo = p->fitted - band_half;
        p->band_hi = p->fitted + band_half;
    }
    out->next = ms_period_next(out->points[n - 1].figure->period);
    ms_linear_fit_at(&out->fit, ms_stats_period_year(out->next), &out->next_value, &band_half,
                     &predict_half);
    out->next_lo = out->next_value - predict_half;
    out->next_hi = out->next_value + predict_half;
    return MS_OK;
}

void ms_trend_free(ms_trend *t)
{
    free(t->points);
    t->points = NULL;
}
