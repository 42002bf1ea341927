/* test_log_change.c — ln(current / previous), matched by calendar period
 * as percent changes are, with the interval of ln of the quotient. */
#include "stats_expect.h"

Test(log_change, doubling_is_ln2_with_the_interval_of_the_quotient)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2021", 100, 1);
    add_fig(&set, (test_fig){.period = "2022", .value = 200, .lo = 190, .hi = 210}, 2);
    add_count(&set, "2023", 0, 3);
    add_count(&set, "2024", 5, 4);
    add_count(&set, "2026", 5, 5);
    ms_series_set ss = group_one(&set);
    ms_point_list l;
    cr_assert_eq(ms_stats_log_changes(&ss.items[0], MS_CHANGE_PREVIOUS, &l), MS_OK);
    cr_assert_eq(l.count, 5);
    cr_assert_eq(point_at(&l, "2021")->status, MS_POINT_FIRST);
    const ms_point *p = point_at(&l, "2022");
    cr_assert_eq(p->status, MS_POINT_OK);
    assert_rel(p->value, log(2), 1e-15, "ln 2");
    assert_range(p->range, log(1.9), log(2.1), "[ln 1.9, ln 2.1]");
    cr_assert_eq(point_at(&l, "2023")->status, MS_POINT_NOT_POSITIVE, "a fall to 0 has no log");
    cr_assert_eq(point_at(&l, "2024")->status, MS_POINT_ZERO_BASE);
    cr_assert_eq(point_at(&l, "2026")->status, MS_POINT_GAP);
    cr_assert(ms_period_equal(point_at(&l, "2026")->base, per("2025")));

    ms_figure_set out;
    ms_figure_set_init(&out);
    for (size_t i = 0; i < l.count; i++)
        cr_assert_eq(ms_point_to_figure(&l.items[i], &ms_log_change_form, &out), MS_OK);
    cr_assert_eq(out.count, 1);
    cr_assert_str_eq(out.items[0].id, "derived:mvd#2:log");
    cr_assert_str_eq(ms_kind_name(out.items[0].kind), "log_change");
    cr_assert(ms_period_equal(out.items[0].base, per("2021")));
    cr_assert_str_eq(out.items[0].inputs[1], "mvd#1");
    ms_figure_set_free(&out);
    ms_point_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(log_change, year_on_year_matches_the_same_month)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2023-03", 100, 1);
    add_count(&set, "2024-02", 300, 2);
    add_count(&set, "2024-03", 50, 3);
    ms_series_set ss = group_one(&set);
    ms_point_list l;
    cr_assert_eq(ms_stats_log_changes(&ss.items[0], MS_CHANGE_YOY, &l), MS_OK);
    assert_rel(point_at(&l, "2024-03")->value, log(0.5), 1e-15, "halving is -ln 2");
    cr_assert_eq(point_at(&l, "2024-02")->status, MS_POINT_FIRST);
    ms_point_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}
