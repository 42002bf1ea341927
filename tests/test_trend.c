/* test_trend.c — the least-squares trend: NIST StRD certified values
 * (Norris), a small set worked by hand for the bands and the prediction,
 * periods as decimal years, the next period, and too few points. */
#include "stats_expect.h"

/* NIST StRD linear regression dataset "Norris" (36 observations, y then
 * x), from https://www.itl.nist.gov/div898/strd/lls/data/Norris.shtml */
static const double norris[36][2] = {
    {0.1, 0.2},     {338.8, 337.4}, {118.1, 118.2}, {888.0, 884.6}, {9.2, 10.1},
    {228.1, 226.5}, {668.5, 666.3}, {998.5, 996.3}, {449.1, 448.6}, {778.9, 777.0},
    {559.2, 558.2}, {0.3, 0.4},     {0.1, 0.6},     {778.1, 775.5}, {668.8, 666.9},
    {339.3, 338.0}, {448.9, 447.5}, {10.8, 11.6},   {557.7, 556.0}, {228.3, 228.1},
    {998.0, 995.8}, {888.8, 887.6}, {119.6, 120.2}, {0.3, 0.3},     {0.6, 0.3},
    {557.6, 556.8}, {339.3, 339.1}, {888.0, 887.2}, {998.5, 999.0}, {778.9, 779.0},
    {10.2, 11.1},   {117.6, 118.3}, {228.9, 229.2}, {668.4, 669.1}, {449.2, 448.9},
    {0.2, 0.5},
};

Test(trend, norris_matches_the_nist_certified_values)
{
    double x[36], y[36];
    for (int i = 0; i < 36; i++) {
        y[i] = norris[i][0];
        x[i] = norris[i][1];
    }
    ms_linear_fit fit;
    cr_assert_eq(ms_stats_linear_fit(x, y, 36, &fit), MS_OK);
    /* NIST certifies 15 digits; GSL's doubles reproduce about 9-12 of them */
    assert_rel(fit.intercept, -0.262323073774029, 1e-9, "intercept");
    assert_rel(fit.slope, 1.00211681802045, 1e-11, "slope");
    assert_rel(fit.se_intercept, 0.232818234301152, 1e-9, "SE intercept");
    assert_rel(fit.se_slope, 0.429796848199937E-03, 1e-9, "SE slope");
    assert_rel(fit.r2, 0.999993745883712, 1e-12, "R squared");
    assert_rel(fit.residual_sd, 0.884796396144373, 1e-9, "residual SD");
    cr_assert_eq(fit.n, 36);
}

/* x = 1..5, y = 2, 4, 5, 4, 5. By hand: mean x 3, mean y 4, Sxx = 10,
 * Sxy = (-2)(-2) + (-1)(0) + 0(1) + 1(0) + 2(1) = 6, so slope 0.6 and
 * intercept 4 - 0.6 x 3 = 2.2. Fitted 2.8 3.4 4.0 4.6 5.2, residuals
 * -0.8 0.6 1 -0.6 -0.2, SSE 2.4, s² = 2.4 / 3 = 0.8, TSS 6, R² = 0.6,
 * SE slope sqrt(0.8 / 10), SE intercept sqrt(0.8 (1/5 + 9/10)).
 * t(0.975, 3 df) = 3.182446305284 (solving the closed-form t CDF for 3 df,
 * 1/2 + (θ + sin θ cos θ)/π with θ = atan(t/√3), by bisection). Band at
 * x = 3: t s sqrt(1/5) = 1.27297852211; prediction at x = 6: 5.8 ± t s
 * sqrt(1 + 1/5 + 9/10) = ± 4.12492185823. */
Test(trend, small_set_matches_the_closed_form)
{
    const double x[] = {1, 2, 3, 4, 5}, y[] = {2, 4, 5, 4, 5};
    ms_linear_fit fit;
    cr_assert_eq(ms_stats_linear_fit(x, y, 5, &fit), MS_OK);
    assert_rel(fit.slope, 0.6, 1e-12, "slope");
    assert_rel(fit.intercept, 2.2, 1e-12, "intercept");
    assert_rel(fit.r2, 0.6, 1e-12, "R squared");
    assert_rel(fit.se_slope, sqrt(0.08), 1e-12, "SE slope");
    assert_rel(fit.se_intercept, sqrt(0.88), 1e-12, "SE intercept");
    assert_rel(fit.t95, 3.182446305284, 1e-10, "t quantile");
    double fitted, band, predict;
    ms_linear_fit_at(&fit, 3, &fitted, &band, &predict);
    assert_rel(fitted, 4, 1e-12, "fitted at 3");
    assert_rel(band, 1.27297852211348, 1e-10, "band at 3");
    ms_linear_fit_at(&fit, 6, &fitted, &band, &predict);
    assert_rel(fitted, 5.8, 1e-12, "prediction at 6");
    assert_rel(predict, 4.12492185822997, 1e-10, "prediction interval at 6");
    cr_assert_gt(predict, band, "a new value is less certain than the line");
}

Test(trend, fewer_than_three_points_or_one_x_is_no_fit)
{
    const double x[] = {1, 2, 2, 2}, y[] = {1, 2, 3, 4};
    ms_linear_fit fit;
    cr_assert_eq(ms_stats_linear_fit(x, y, 2, &fit), MS_ERR_DATA);
    cr_assert_eq(fit.n, 2);
    cr_assert_eq(ms_stats_linear_fit(x + 1, y, 3, &fit), MS_ERR_DATA, "every x the same");
}

Test(trend, periods_are_decimal_years_at_their_midpoint)
{
    /* 2023: days 0..364, middle day 182 -> 2023 + 182/365 */
    assert_rel(ms_stats_period_year(per("2023")), 2023 + 182.0 / 365, 1e-15, "2023");
    /* 2024 (leap): days 0..365, middle 182.5 -> 2024 + 182.5/366 */
    assert_rel(ms_stats_period_year(per("2024")), 2024 + 182.5 / 366, 1e-15, "2024");
    /* 2024-Q1: days 0..90, middle 45 */
    assert_rel(ms_stats_period_year(per("2024-Q1")), 2024 + 45.0 / 366, 1e-15, "2024-Q1");
    cr_assert(isnan(ms_stats_period_year(ms_period_none())));
}

Test(trend, series_trend_fits_its_years_and_predicts_the_next)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    const char *years[] = {"2019", "2020", "2021", "2022", "2023"};
    const double values[] = {100, 110, 130, 120, 150};
    for (int i = 0; i < 5; i++)
        add_count(&set, years[i], values[i], i + 1);
    add_count(&set, "2023-01/2023-07", 90, 6);  /* another grain: left out */
    add_count(&set, "2018", NAN, 7);             /* missing: left out */
    ms_series_set ss = group_one(&set);
    ms_trend t;
    cr_assert_eq(ms_stats_trend(&ss.items[0], &t), MS_OK);
    cr_assert(t.enough);
    cr_assert_eq(t.fit.n, 5);
    cr_assert_eq(t.n_other_grain, 1);
    cr_assert_eq(t.n_missing, 1);

    double x[5];
    for (int i = 0; i < 5; i++)
        x[i] = ms_stats_period_year(per(years[i]));
    ms_linear_fit ref;
    cr_assert_eq(ms_stats_linear_fit(x, values, 5, &ref), MS_OK);
    assert_rel(t.fit.slope, ref.slope, 1e-12, "slope");
    /* whole years are almost exactly one apart: the slope is close to the
     * hand value for x = 1..5, Sxy = (-2)(-22)+(-1)(-12)+0+1(-2)+2(28) = 110,
     * 110 / 10 = 11 a year */
    assert_rel(t.fit.slope, 11, 1e-4, "about 11 a year");
    cr_assert(ms_period_equal(t.next, per("2024")));
    cr_assert_lt(t.next_lo, t.next_value);
    cr_assert_gt(t.next_hi, t.next_value);
    assert_rel(t.next_value, 155, 1e-3, "2024 on the line: mean 122 at 2021, + 11 x 3");
    for (size_t i = 0; i < t.fit.n; i++)
        cr_assert(t.points[i].band_lo < t.points[i].fitted && t.points[i].fitted < t.points[i].band_hi);
    ms_trend_free(&t);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(trend, two_points_are_reported_as_not_enough)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2022", 10, 1);
    add_count(&set, "2023", 20, 2);
    ms_series_set ss = group_one(&set);
    ms_trend t;
    cr_assert_eq(ms_stats_trend(&ss.items[0], &t), MS_OK);
    cr_assert_not(t.enough);
    cr_assert_eq(t.fit.n, 2);
    cr_assert(isnan(t.next_value), "no numbers without enough points");
    ms_trend_free(&t);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}
