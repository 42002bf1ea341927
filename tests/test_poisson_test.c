/* test_poisson_test.c — the exact test for a change in two counts. The
 * reference p-values were computed independently by exact summation in
 * rational arithmetic (Python fractions and math.comb): every outcome x of
 * Binomial(k1 + k2, t1 / (t1 + t2)) whose probability is at most the
 * observed one's (times 1 + 1e-7) is summed. */
#include "stats_expect.h"

/* 15 vs 8, equal exposures: k1 ~ Binomial(23, 1/2), mean 11.5. The
 * outcomes no more likely than 15 are 0..8 and 15..23 (symmetric), so
 * p = 2 x sum_{i=0..8} C(23, i) / 2^23 = 2 x 880970 / 8388608
 *   = 0.21003961563110352
 * (C(23, i) for i = 0..8: 1, 23, 253, 1771, 8855, 33649, 100947, 245157,
 * 490314). Rate ratio 15/8 = 1.875; the Clopper-Pearson bounds of 15/23,
 * found by bisection on the exact binomial sums, are 0.4273439630365 and
 * 0.8362364016251, i.e. rate ratios 0.74624894431 and 5.10636313517. */
Test(poisson_test, fifteen_vs_eight_is_not_significant)
{
    ms_count_test t;
    cr_assert_eq(ms_stats_poisson_test(15, 8, 1, 1, &t), MS_OK);
    assert_rel(t.p_value, 0.21003961563110352, 1e-9, "p");
    assert_rel(t.rate_ratio, 1.875, 1e-15, "rate ratio");
    assert_rel(t.rr_lo, 0.74624894431, 1e-8, "rate ratio lower bound");
    assert_rel(t.rr_hi, 5.10636313517, 1e-8, "rate ratio upper bound");
}

Test(poisson_test, the_test_is_symmetric_in_the_two_counts)
{
    ms_count_test a, b;
    cr_assert_eq(ms_stats_poisson_test(15, 8, 1, 1, &a), MS_OK);
    cr_assert_eq(ms_stats_poisson_test(8, 15, 1, 1, &b), MS_OK);
    assert_rel(a.p_value, b.p_value, 1e-12, "swapped counts");
    assert_rel(a.rate_ratio * b.rate_ratio, 1, 1e-15, "inverse rate ratios");
}

/* 10 events in 1 year vs 2 in 2 years: Binomial(12, 1/3); exact sum of
 * the outcomes no more likely than 10 = 0.0005438044862929281. */
Test(poisson_test, unequal_exposures_change_the_null_proportion)
{
    ms_count_test t;
    cr_assert_eq(ms_stats_poisson_test(10, 2, 1, 2, &t), MS_OK);
    assert_rel(t.p_value, 0.0005438044862929281, 1e-9, "p");
    assert_rel(t.rate_ratio, 10.0, 1e-15, "10 a year vs 1 a year");
}

/* 1000 vs 920, Binomial(1920, 1/2): exact sum = 0.07137309880181032. */
Test(poisson_test, a_thousand_vs_nine_hundred_twenty)
{
    ms_count_test t;
    cr_assert_eq(ms_stats_poisson_test(1000, 920, 1, 1, &t), MS_OK);
    assert_rel(t.p_value, 0.07137309880181032, 1e-8, "p");
}

Test(poisson_test, large_counts_do_not_overflow)
{
    ms_count_test t;
    cr_assert_eq(ms_stats_poisson_test(93000, 60800, 1, 1, &t), MS_OK);
    cr_assert(isfinite(t.p_value) && t.p_value >= 0 && t.p_value < 1e-300,
              "a 53 %% rise on 60 800 is no chance: p = %g", t.p_value);
    assert_rel(t.rate_ratio, 93000.0 / 60800, 1e-15, "rate ratio");
    cr_assert(t.rr_lo < t.rate_ratio && t.rate_ratio < t.rr_hi);
    /* with this many events the exact interval is the normal one on the log
     * scale: 1.52961 exp(-/+ 1.96 sqrt(1/93000 + 1/60800)) = 1.51405, 1.54532 */
    assert_rel(t.rr_lo, 1.51405, 1e-4, "rate ratio lower bound");
    assert_rel(t.rr_hi, 1.54532, 1e-4, "rate ratio upper bound");
}

/* 0 vs 5: outcomes 0 and 5 of Binomial(5, 1/2) are the least likely:
 * p = 2 / 32 = 0.0625. Both zero: nothing happened, p = 1. 3 vs 3: the
 * mean itself, p = 1. 7 vs 0: 2 / 128 = 0.015625. */
Test(poisson_test, zero_counts)
{
    ms_count_test t;
    cr_assert_eq(ms_stats_poisson_test(0, 5, 1, 1, &t), MS_OK);
    assert_rel(t.p_value, 0.0625, 1e-12, "0 vs 5");
    cr_assert_eq(t.rate_ratio, 0);
    cr_assert_eq(t.rr_lo, 0);
    cr_assert_eq(ms_stats_poisson_test(7, 0, 1, 1, &t), MS_OK);
    assert_rel(t.p_value, 0.015625, 1e-12, "7 vs 0");
    cr_assert(isnan(t.rate_ratio) && isnan(t.rr_hi), "no rate ratio over a zero count");
    cr_assert_eq(ms_stats_poisson_test(0, 0, 1, 1, &t), MS_OK);
    cr_assert_eq(t.p_value, 1);
    cr_assert_eq(ms_stats_poisson_test(3, 3, 1, 1, &t), MS_OK);
    cr_assert_eq(t.p_value, 1);
}

Test(poisson_test, bad_arguments_are_usage_errors)
{
    ms_count_test t;
    cr_assert_eq(ms_stats_poisson_test(1.5, 2, 1, 1, &t), MS_ERR_USAGE, "not a whole count");
    cr_assert_eq(ms_stats_poisson_test(-1, 2, 1, 1, &t), MS_ERR_USAGE);
    cr_assert_eq(ms_stats_poisson_test(1, 2, 0, 1, &t), MS_ERR_USAGE, "no exposure");
    cr_assert_eq(ms_stats_poisson_test(1, 2, 1, NAN, &t), MS_ERR_USAGE);
    cr_assert_eq(ms_stats_poisson_test(5e9, 2, 1, 1, &t), MS_ERR_USAGE, "beyond 2^32");
}
