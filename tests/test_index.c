/* test_index.c — a series as an index (base = 100): intervals by interval
 * division, a base that may be 0 or is absent reported, other grains left
 * out. */
#include "stats_expect.h"

static test_fig year(const char *period, double value, double lo, double hi)
{
    return (test_fig){.period = period, .value = value, .lo = lo, .hi = hi};
}

Test(index, base_period_is_100_and_intervals_are_divided)
{
    ms_figure_set set, out;
    ms_figure_set_init(&set);
    ms_figure_set_init(&out);
    add_fig(&set, year("2019", 80, NAN, NAN), 1);
    add_fig(&set, year("2020", 200, 190, 210), 2);
    add_fig(&set, year("2021", 300, NAN, NAN), 3);
    add_fig(&set, year("2021-01/2021-07", 150, NAN, NAN), 4);
    ms_series_set ss = group_one(&set);
    ms_point_list l;
    cr_assert_eq(ms_stats_index(&ss.items[0], per("2020"), &l), MS_OK);

    const ms_point *base = point_at(&l, "2020");
    cr_assert_eq(base->status, MS_POINT_OK);
    cr_assert_eq(base->value, 100);
    /* [190, 210] / [190, 210] x 100 = [90.476..., 110.526...]: the base's
     * own uncertainty is not known to cancel */
    assert_range(base->range, 19000.0 / 210, 21000.0 / 190, "base");

    /* 300 / [190, 210] x 100 = [142.857..., 157.894...] */
    const ms_point *y21 = point_at(&l, "2021");
    assert_rel(y21->value, 150, 1e-15, "2021");
    assert_range(y21->range, 30000.0 / 210, 30000.0 / 190, "2021");
    const ms_point *y19 = point_at(&l, "2019");
    assert_rel(y19->value, 40, 1e-15, "2019");
    assert_range(y19->range, 8000.0 / 210, 8000.0 / 190, "2019");
    cr_assert_eq(point_at(&l, "2021-01/2021-07")->status, MS_POINT_OTHER_GRAIN);

    for (size_t i = 0; i < l.count; i++)
        cr_assert_eq(ms_point_to_figure(&l.items[i], &ms_index_form, &out), MS_OK);
    cr_assert_eq(out.count, 3);
    const ms_figure *f = ms_figure_set_find(&out, "derived:mvd#3:index");
    cr_assert_not_null(f);
    cr_assert_eq(f->kind, MS_KIND_INDEX);
    cr_assert_str_eq(ms_kind_name(f->kind), "index");
    cr_assert_str_eq(f->unit, "index");
    cr_assert(ms_period_equal(f->base, per("2020")));
    cr_assert_str_eq(f->inputs[0], "mvd#3");
    cr_assert_str_eq(f->inputs[1], "mvd#2");
    ms_point_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&out);
    ms_figure_set_free(&set);
}

Test(index, a_base_that_may_be_zero_or_is_absent_is_reported)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_fig(&set, year("2020", 2, 0, 4), 1); /* "a few": could be none */
    add_fig(&set, year("2021", 30, NAN, NAN), 2);
    ms_series_set ss = group_one(&set);
    ms_point_list l;
    cr_assert_eq(ms_stats_index(&ss.items[0], per("2020"), &l), MS_OK);
    cr_assert_eq(point_at(&l, "2021")->status, MS_POINT_ZERO_BASE);
    cr_assert(isnan(point_at(&l, "2021")->value), "never inf");
    cr_assert_str_eq(ms_point_status_name(MS_POINT_ZERO_BASE), "zero_base");
    ms_point_list_free(&l);

    cr_assert_eq(ms_stats_index(&ss.items[0], per("2019"), &l), MS_OK);
    cr_assert_eq(point_at(&l, "2021")->status, MS_POINT_NO_BASE);
    ms_point_list_free(&l);
    cr_assert_eq(ms_stats_index(&ss.items[0], ms_period_none(), &l), MS_ERR_USAGE);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}
