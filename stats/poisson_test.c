/* poisson_test.c — is a change in counts more than chance? The exact
 * conditional test for two Poisson counts: given k1 + k2 events, equal
 * rates make k1 ~ Binomial(k1 + k2, t1 / (t1 + t2)). Exports
 * ms_stats_poisson_test (stats.h).
 *
 * Two-sided p-value: the probability of every outcome no more likely than
 * the one observed (the rule of R's binom.test and poisson.test, not twice
 * the smaller tail). The binomial's probabilities fall away from its mean
 * on both sides, so that set is two tails: the far tail's edge is found by
 * bisection on log probabilities (no overflow at 93 000 vs 60 800) and
 * both tails come from GSL's binomial distribution functions. */
#include "stats/stats.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <math.h>

#include "stats/internal.h"

/* Outcomes within this relative distance of the observed probability count
 * as equally likely (rounding in the probabilities must not decide). */
#define SAME_PROBABILITY 1e-7

static double log_pmf(unsigned k, unsigned n, double p)
{
    return gsl_sf_lnchoose(n, k) + k * log(p) + (n - k) * log1p(-p);
}

/* P(X >= k) and P(X <= k) for X ~ Binomial(n, p). */
static double upper_tail(unsigned k, unsigned n, double p)
{
    return k == 0 ? 1 : gsl_cdf_binomial_Q(k - 1, p, n);
}

static double lower_tail(unsigned k, unsigned n, double p) { return gsl_cdf_binomial_P(k, p, n); }

static double two_sided_p(unsigned k, unsigned n, double p)
{
    double mean = n * p;
    if (k == mean)
        return 1;
    double limit = log_pmf(k, n, p) + log1p(SAME_PROBABILITY);
    double total;
    if (k < mean) {
        /* smallest c >= ceil(mean) with pmf(c) <= pmf(k): pmf falls on [ceil(mean), n] */
        unsigned lo = (unsigned)ceil(mean), hi = n + 1;
        while (lo < hi) {
            unsigned mid = lo + (hi - lo) / 2;
            if (log_pmf(mid, n, p) <= limit)
                hi = mid;
            else
                lo = mid + 1;
        }
        total = lower_tail(k, n, p) + (lo <= n ? upper_tail(lo, n, p) : 0);
    } else {
        /* count of c in [0, floor(mean)] with pmf(c) <= pmf(k): pmf rises there */
        unsigned lo = 0, hi = (unsigned)floor(mean) + 1;
        while (lo < hi) {
            unsigned mid = lo + (hi - lo) / 2;
            if (log_pmf(mid, n, p) <= limit)
                lo = mid + 1;
            else
                hi = mid;
        }
        total = (lo > 0 ? lower_tail(lo - 1, n, p) : 0) + upper_tail(k, n, p);
    }
    return total < 1 ? total : 1;
}

/* Binomial proportion bound -> rate ratio: p / (1 - p) x t2 / t1. */
static double rate_ratio_of(double prop, double t1, double t2)
{
    return prop < 1 ? prop / (1 - prop) * (t2 / t1) : (double)NAN;
}

/* The P quantile of Beta(a, b). GSL's inversion gives up (NaN) for some
 * large shapes, such as Beta(93000, 60801); then bisection on its CDF,
 * which halves [0, 1] to the last bit in about 60 steps. */
static double beta_quantile(double prob, double a, double b)
{
    double q = gsl_cdf_beta_Pinv(prob, a, b);
    if (isfinite(q))
        return q;
    double lo = 0, hi = 1;
    for (int i = 0; i < 200 && lo < hi; i++) {
        double mid = lo + (hi - lo) / 2;
        if (mid == lo || mid == hi)
            break;
        if (gsl_cdf_beta_P(mid, a, b) < prob)
            lo = mid;
        else
            hi = mid;
    }
    return lo + (hi - lo) / 2;
}

static bool whole_count(double k) { return k >= 0 && k == floor(k) && k < 4294967296.0; }

ms_status ms_stats_poisson_test(double k1, double k2, double t1, double t2, ms_count_test *out)
{
    if (!whole_count(k1) || !whole_count(k2) || !whole_count(k1 + k2) || !(t1 > 0) ||
        !(t2 > 0) || !isfinite(t1) || !isfinite(t2))
        return MS_ERR_USAGE;
    ms_gsl_init();
    *out = (ms_count_test){.k1 = k1, .k2 = k2, .t1 = t1, .t2 = t2, .p_value = 1,
                           .rate_ratio = NAN, .rr_lo = NAN, .rr_hi = NAN};
    unsigned n = (unsigned)(k1 + k2), k = (unsigned)k1;
    if (n == 0)
        return MS_OK; /* nothing happened in either period: no evidence */
    double p = t1 / (t1 + t2);
    out->p_value = two_sided_p(k, n, p);
    if (k2 > 0)
        out->rate_ratio = (k1 / t1) / (k2 / t2);
    /* Clopper-Pearson bounds of the proportion k1 / n, as a rate ratio */
    double prop_lo = k1 > 0 ? beta_quantile(0.025, k1, k2 + 1) : 0;
    double prop_hi = k2 > 0 ? beta_quantile(0.975, k1 + 1, k2) : 1;
    out->rr_lo = rate_ratio_of(prop_lo, t1, t2);
    out->rr_hi = rate_ratio_of(prop_hi, t1, t2);
    return MS_OK;
}
