/* test_cagr.c — compound annual growth between two periods, years counted
 * by the calendar, the interval through division and a fourth root. */
#include "stats_expect.h"

Test(cagr, years_between_periods_count_calendar_months)
{
    cr_assert_eq(ms_stats_years_between(per("2019"), per("2023")), 4);
    cr_assert_eq(ms_stats_years_between(per("2024-Q1"), per("2024-Q3")), 0.5);
    cr_assert_eq(ms_stats_years_between(per("2023-12"), per("2024-03")), 0.25);
    /* Jan-Jul 2023 to Jan-Jul 2024: midpoints 365 days apart (2023 is not a
     * leap year, the spans' middles fall before Feb 29 ... after it: 2024's
     * span has a day more, its middle half a day later): 365.5 / 365.2425 */
    assert_rel(ms_stats_years_between(per("2023-01/2023-07"), per("2024-01/2024-07")),
               365.5 / 365.2425, 1e-15, "spans");
}

/* 100 in 2019, 146.41 (stated [140, 160]) in 2023: 1.4641 = 1.1^4, so
 * 10 % a year; the interval is (1.4^(1/4) - 1) x 100 = 8.7757305937 to
 * (1.6^(1/4) - 1) x 100 = 12.468265038. */
Test(cagr, four_years_of_ten_percent)
{
    ms_figure_set set, out;
    ms_figure_set_init(&set);
    ms_figure_set_init(&out);
    add_count(&set, "2019", 100, 1);
    add_count(&set, "2021", 125, 2);
    add_fig(&set, (test_fig){.period = "2023", .value = 146.41, .lo = 140, .hi = 160}, 3);
    add_count(&set, "2023-01/2023-07", 80, 4); /* another grain: not an end */
    ms_series_set ss = group_one(&set);
    ms_point p;
    /* by default the ends are the first and last years (the span sorts
     * before the year 2023, which ends later, and is of another grain) */
    cr_assert_eq(ms_stats_cagr(&ss.items[0], ms_period_none(), ms_period_none(), &p), MS_OK);
    cr_assert_eq(p.status, MS_POINT_OK);
    cr_assert(ms_period_equal(p.base, per("2019")) && ms_period_equal(p.period, per("2023")));
    assert_rel(p.value, 10, 1e-12, "cagr by default");
    /* one period to itself has no growth */
    cr_assert_eq(ms_stats_cagr(&ss.items[0], per("2021"), per("2021"), &p), MS_OK);
    cr_assert_eq(p.status, MS_POINT_FIRST);

    cr_assert_eq(ms_stats_cagr(&ss.items[0], per("2019"), per("2023"), &p), MS_OK);
    cr_assert_eq(p.status, MS_POINT_OK);
    assert_rel(p.value, 10, 1e-12, "cagr");
    assert_range(p.range, 8.775730593727715, 12.468265038069815, "cagr interval");
    cr_assert_eq(ms_point_to_figure(&p, &ms_cagr_form, &out), MS_OK);
    cr_assert_eq(out.items[0].kind, MS_KIND_CAGR);
    cr_assert_str_eq(out.items[0].unit, "percent_per_year");
    cr_assert_str_eq(out.items[0].inputs[0], "mvd#3");
    cr_assert_str_eq(out.items[0].inputs[1], "mvd#1");
    cr_assert(ms_period_equal(out.items[0].base, per("2019")));

    cr_assert_eq(ms_stats_cagr(&ss.items[0], per("2018"), per("2023"), &p), MS_OK);
    cr_assert_eq(p.status, MS_POINT_NO_BASE);
    cr_assert_eq(ms_stats_cagr(&ss.items[0], per("2019"), per("2024"), &p), MS_OK);
    cr_assert_eq(p.status, MS_POINT_GAP);
    cr_assert_eq(ms_stats_cagr(&ss.items[0], per("2019"), ms_period_none(), &p), MS_ERR_USAGE);
    ms_series_set_free(&ss);
    ms_figure_set_free(&out);
    ms_figure_set_free(&set);
}

Test(cagr, a_zero_start_is_reported)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2019", 0, 1);
    add_count(&set, "2023", 10, 2);
    ms_series_set ss = group_one(&set);
    ms_point p;
    cr_assert_eq(ms_stats_cagr(&ss.items[0], ms_period_none(), ms_period_none(), &p), MS_OK);
    cr_assert_eq(p.status, MS_POINT_ZERO_BASE);
    cr_assert(isnan(p.value));
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(cagr, a_fall_to_zero_is_minus_one_hundred_percent)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2019", 50, 1);
    add_count(&set, "2021", 0, 2);
    ms_series_set ss = group_one(&set);
    ms_point p;
    cr_assert_eq(ms_stats_cagr(&ss.items[0], ms_period_none(), ms_period_none(), &p), MS_OK);
    cr_assert_eq(p.status, MS_POINT_OK);
    cr_assert_eq(p.value, -100);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}
