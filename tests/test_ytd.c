/* test_ytd.c — year-to-date series: months from differences of
 * consecutive year-to-date figures (intervals subtracted end against
 * opposite end), January as itself, gaps named and never bridged; and
 * monthly figures summed back within each calendar year. */
#include "stats_expect.h"

static test_fig ytd(const char *period, double value, double lo, double hi)
{
    return (test_fig){.period = period, .value = value, .lo = lo, .hi = hi};
}

Test(ytd, decumulation_subtracts_consecutive_year_to_date_figures)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_fig(&set, ytd("2024-01", 9000, 8500, 9500), 1);
    add_fig(&set, ytd("2024-01/2024-02", 20000, 19500, 20500), 2);
    add_fig(&set, ytd("2024-01/2024-04", 40000, 39500, 40500), 3);
    add_fig(&set, ytd("2024-01/2024-05", 52000, 51500, 52500), 4);
    add_fig(&set, ytd("2024-01/2024-07", 70000, 69500, 70500), 5);
    add_fig(&set, ytd("2024-03", 11000, NAN, NAN), 6);
    ms_series_set ss = group_one(&set);
    ms_point_list l;
    cr_assert_eq(ms_stats_decumulate(&ss.items[0], &l), MS_OK);
    cr_assert_eq(l.count, 6);

    const ms_point *jan = point_at(&l, "2024-01");
    cr_assert_eq(jan->status, MS_POINT_OK, "a one-month year-to-date is the month");
    cr_assert_null(jan->other);
    cr_assert_eq(jan->value, 9000);
    assert_range(jan->range, 8500, 9500, "January");

    /* Feb = [19500, 20500] - [8500, 9500] = [10000, 12000] */
    const ms_point *feb = point_at(&l, "2024-01/2024-02");
    cr_assert_eq(feb->status, MS_POINT_OK);
    cr_assert(ms_period_equal(feb->period, per("2024-02")));
    cr_assert_eq(feb->value, 11000);
    assert_range(feb->range, 10000, 12000, "February");

    /* May = [51500, 52500] - [39500, 40500] = [11000, 13000] */
    const ms_point *may = point_at(&l, "2024-01/2024-05");
    cr_assert_eq(may->status, MS_POINT_OK);
    cr_assert(ms_period_equal(may->period, per("2024-05")));
    cr_assert_eq(may->other->value, 40000);
    cr_assert_eq(may->value, 12000);
    assert_range(may->range, 11000, 13000, "May");

    /* Jan-Apr needs Jan-Mar, Jan-Jul needs Jan-Jun: gaps, not the
     * difference to an older figure (that would be two or three months) */
    const ms_point *apr = point_at(&l, "2024-01/2024-04");
    cr_assert_eq(apr->status, MS_POINT_GAP);
    cr_assert(ms_period_equal(apr->base, per("2024-01/2024-03")), "the gap names what is needed");
    const ms_point *jul = point_at(&l, "2024-01/2024-07");
    cr_assert_eq(jul->status, MS_POINT_GAP);
    cr_assert(ms_period_equal(jul->base, per("2024-01/2024-06")));
    cr_assert(isnan(jul->value));

    cr_assert_eq(point_at(&l, "2024-03")->status, MS_POINT_OTHER_GRAIN, "March alone is no year-to-date");
    ms_point_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(ytd, decumulated_month_names_both_year_to_date_figures)
{
    ms_figure_set set, out;
    ms_figure_set_init(&set);
    ms_figure_set_init(&out);
    add_fig(&set, ytd("2024-01/2024-04", 40000, 39500, 40500), 3);
    add_fig(&set, ytd("2024-01/2024-05", 52000, 51500, 52500), 4);
    ms_series_set ss = group_one(&set);
    ms_point_list l;
    cr_assert_eq(ms_stats_decumulate(&ss.items[0], &l), MS_OK);
    for (size_t i = 0; i < l.count; i++)
        cr_assert_eq(ms_point_to_figure(&l.items[i], &ms_decumulate_form, &out), MS_OK);
    cr_assert_eq(out.count, 1, "the gap gives no figure");
    const ms_figure *may = &out.items[0];
    cr_assert_str_eq(may->id, "derived:mvd#4:month");
    cr_assert_eq(may->kind, MS_KIND_COUNT);
    cr_assert_str_eq(may->unit, "persons");
    cr_assert(ms_period_equal(may->period, per("2024-05")));
    cr_assert(ms_period_equal(may->base, per("2024-01/2024-04")));
    cr_assert_eq(may->n_inputs, 2);
    cr_assert_str_eq(may->inputs[0], "mvd#4");
    cr_assert_str_eq(may->inputs[1], "mvd#3");
    ms_point_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&out);
    ms_figure_set_free(&set);
}

Test(ytd, a_missing_value_is_reported_not_subtracted)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_fig(&set, ytd("2024-01/2024-02", NAN, NAN, NAN), 1);
    add_fig(&set, ytd("2024-01/2024-03", 30000, NAN, NAN), 2);
    ms_series_set ss = group_one(&set);
    ms_point_list l;
    cr_assert_eq(ms_stats_decumulate(&ss.items[0], &l), MS_OK);
    cr_assert_eq(point_at(&l, "2024-01/2024-03")->status, MS_POINT_MISSING);
    ms_point_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(ytd, cumulation_sums_months_within_the_year_and_stops_at_a_gap)
{
    ms_figure_set set, out;
    ms_figure_set_init(&set);
    ms_figure_set_init(&out);
    add_fig(&set, ytd("2024-01", 100, 95, 105), 1);
    add_fig(&set, ytd("2024-02", 200, NAN, NAN), 2);
    add_fig(&set, ytd("2024-04", 50, NAN, NAN), 3);
    add_fig(&set, ytd("2024-05", 60, NAN, NAN), 4);
    add_fig(&set, ytd("2025-01", 70, NAN, NAN), 5);
    add_fig(&set, ytd("2024", 1000, NAN, NAN), 6);
    ms_series_set ss = group_one(&set);
    ms_point_list l;
    cr_assert_eq(ms_stats_cumulate(&ss.items[0], &l), MS_OK);

    const ms_point *feb = point_at(&l, "2024-02");
    cr_assert_eq(feb->status, MS_POINT_OK);
    cr_assert(ms_period_equal(feb->period, per("2024-01/2024-02")));
    cr_assert_eq(feb->value, 300);
    assert_range(feb->range, 295, 305, "Jan-Feb = [95, 105] + 200");
    cr_assert(feb->other_is_derived, "the input is January's year-to-date");

    const ms_point *apr = point_at(&l, "2024-04"), *may = point_at(&l, "2024-05");
    cr_assert_eq(apr->status, MS_POINT_GAP);
    cr_assert(ms_period_equal(apr->base, per("2024-03")), "March is missing");
    cr_assert_eq(may->status, MS_POINT_GAP, "the chain stays broken for the year");
    cr_assert(ms_period_equal(may->base, per("2024-03")));

    const ms_point *jan25 = point_at(&l, "2025-01");
    cr_assert_eq(jan25->status, MS_POINT_OK, "a new year starts again");
    cr_assert_eq(jan25->value, 70);
    cr_assert_eq(point_at(&l, "2024")->status, MS_POINT_OTHER_GRAIN);

    for (size_t i = 0; i < l.count; i++)
        cr_assert_eq(ms_point_to_figure(&l.items[i], &ms_cumulate_form, &out), MS_OK);
    cr_assert_eq(out.count, 3);
    const ms_figure *f = ms_figure_set_find(&out, "derived:mvd#2:ytd");
    cr_assert_not_null(f);
    cr_assert_str_eq(f->inputs[0], "mvd#2");
    cr_assert_str_eq(f->inputs[1], "derived:mvd#1:ytd", "provenance runs through January's sum");
    cr_assert_not_null(ms_figure_set_find(&out, "derived:mvd#1:ytd"));
    ms_point_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&out);
    ms_figure_set_free(&set);
}
