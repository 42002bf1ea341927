/* test_summary.c — n, first and last, min and max, mean, median and
 * standard deviation of a series, worked by hand. */
#include "stats_expect.h"

/* 100 110 130 120 150: mean 122; sorted 100 110 120 130 150, median 120;
 * deviations -22 -12 8 -2 28, squares 484 144 64 4 784 = 1480, / 4 = 370,
 * sd sqrt(370) = 19.235384061671343. */
Test(summary, five_years_by_hand)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    const char *years[] = {"2019", "2020", "2021", "2022", "2023"};
    const double values[] = {100, 110, 130, 120, 150};
    for (int i = 0; i < 5; i++)
        add_count(&set, years[i], values[i], i + 1);
    add_count(&set, "2018", NAN, 6);
    add_count(&set, "2023-01/2023-07", 5, 7); /* sorts before 2023: the last is the year */
    ms_series_set ss = group_one(&set);
    double work[7];
    ms_summary s;
    cr_assert_eq(ms_stats_summary(&ss.items[0], work, &s), MS_OK);
    cr_assert_eq(s.n, 5);
    cr_assert_eq(s.n_missing, 1);
    cr_assert_eq(s.n_other_grain, 1);
    cr_assert(ms_period_equal(s.first->period, per("2019")));
    cr_assert(ms_period_equal(s.last->period, per("2023")));
    cr_assert_eq(s.min->value, 100);
    cr_assert_eq(s.max->value, 150);
    cr_assert(ms_period_equal(s.max->period, per("2023")));
    assert_rel(s.mean, 122, 1e-15, "mean");
    assert_rel(s.median, 120, 1e-15, "median");
    assert_rel(s.sd, 19.235384061671343, 1e-14, "sd");
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(summary, even_count_median_and_one_value)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2021", 10, 1);
    add_count(&set, "2022", 40, 2);
    add_count(&set, "2023", 20, 3);
    add_count(&set, "2024", 30, 4);
    ms_series_set ss = group_one(&set);
    double work[4];
    ms_summary s;
    cr_assert_eq(ms_stats_summary(&ss.items[0], work, &s), MS_OK);
    assert_rel(s.median, 25, 1e-15, "(20 + 30) / 2");
    cr_assert(ms_period_equal(s.min->period, per("2021")));
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);

    ms_figure_set_init(&set);
    add_count(&set, "2021", 10, 1);
    ss = group_one(&set);
    cr_assert_eq(ms_stats_summary(&ss.items[0], work, &s), MS_OK);
    cr_assert_eq(s.n, 1);
    cr_assert_eq(s.mean, 10);
    cr_assert(isnan(s.sd), "no spread from one value");
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}
