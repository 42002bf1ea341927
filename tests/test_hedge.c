/* test_hedge.c — every hedge gives the interval of the conventions' table,
 * falls are mirrored, and exact figures are points. */
#include <criterion/criterion.h>
#include <math.h>

#include "core/hedge.h"
#include "core/num.h"
#include <string.h>

static void expect(ms_interval iv, double lo, bool lo_open, double hi, bool hi_open)
{
    cr_assert_float_eq(iv.lo, lo, 1e-9, "lo %g, expected %g", iv.lo, lo);
    cr_assert_float_eq(iv.hi, hi, 1e-9, "hi %g, expected %g", iv.hi, hi);
    cr_assert_eq(iv.lo_open, lo_open);
    cr_assert_eq(iv.hi_open, hi_open);
}

Test(hedge, names_round_trip_and_unknown_names_are_refused)
{
    for (int h = 0; h < MS_HEDGE_COUNT_; h++) {
        ms_hedge back;
        cr_assert(ms_hedge_from_name(ms_hedge_name((ms_hedge)h), &back));
        cr_assert_eq(back, (ms_hedge)h);
    }
    ms_hedge h = MS_HEDGE_ABOUT;
    cr_assert(ms_hedge_from_name("", &h));
    cr_assert_eq(h, MS_HEDGE_NONE);
    cr_assert_not(ms_hedge_from_name("roughly", &h));
    cr_assert_not(ms_hedge_from_name("More_than", &h), "names are exact");
    cr_assert_str_eq(ms_hedge_name(MS_HEDGE_MORE_THAN), "more_than");
    cr_assert_str_eq(ms_hedge_name(MS_HEDGE_UP_TO), "up_to");
    cr_assert_str_eq(ms_hedge_name(MS_HEDGE_COUNT_), "unknown");
}

/* The interval of "hedge <text>" with the rounding unit the text implies. */
static ms_interval stated(const char *text, double scale, ms_hedge hedge)
{
    double v;
    cr_assert_eq(ms_num_parse_cstr(text, &v), MS_OK);
    return ms_hedge_interval(v * scale, ms_num_rounding_unit(text, strlen(text), scale), hedge);
}

Test(hedge, conventions_examples_from_their_written_numbers)
{
    expect(stated("143000", 1, MS_HEDGE_MORE_THAN), 143000, true, 144000, false);
    expect(stated("93000", 1, MS_HEDGE_NEARLY), 83700, false, 93000, true);
    expect(stated("143000", 1, MS_HEDGE_NONE), 142500, false, 143500, true);
    expect(stated("23.6", 1000, MS_HEDGE_NONE), 23550, false, 23650, true);
    expect(stated("1.5", 1000000, MS_HEDGE_NONE), 1450000, false, 1550000, true);
    expect(stated("116", 1, MS_HEDGE_NONE), 115.5, false, 116.5, true);
    expect(stated("140", 1, MS_HEDGE_MORE_THAN), 140, true, 150, false);
    expect(stated("38", 1000, MS_HEDGE_UP_TO), 37000, false, 38000, false);
}

Test(hedge, bare_figure_is_plus_minus_half_a_rounding_unit)
{
    expect(ms_hedge_interval(143000, 1000, MS_HEDGE_NONE), 142500, false, 143500, true);
    expect(ms_hedge_interval(144, 1, MS_HEDGE_NONE), 143.5, false, 144.5, true);
}

Test(hedge, more_than_and_at_least_go_up_one_unit)
{
    expect(ms_hedge_interval(143000, 1000, MS_HEDGE_MORE_THAN), 143000, true, 144000, false);
    expect(ms_hedge_interval(140, 10, MS_HEDGE_MORE_THAN), 140, true, 150, false);
    expect(ms_hedge_interval(100, 100, MS_HEDGE_AT_LEAST), 100, false, 200, false);
}

Test(hedge, nearly_is_up_to_ten_percent_below)
{
    expect(ms_hedge_interval(93000, 1000, MS_HEDGE_NEARLY), 83700, false, 93000, true);
}

Test(hedge, about_is_five_percent_or_half_a_unit_whichever_is_wider)
{
    expect(ms_hedge_interval(2000, 1000, MS_HEDGE_ABOUT), 1500, false, 2500, false);
    expect(ms_hedge_interval(100000, 1000, MS_HEDGE_ABOUT), 95000, false, 105000, false);
    expect(ms_hedge_interval(23600, 100, MS_HEDGE_ABOUT), 22420, false, 24780, false);
    /* an exact figure said "about" still allows 5 % */
    expect(ms_hedge_interval(12921, 0, MS_HEDGE_ABOUT), 12274.95, false, 13567.05, false);
}

Test(hedge, less_than_and_up_to_go_down_one_unit)
{
    expect(ms_hedge_interval(500, 100, MS_HEDGE_LESS_THAN), 400, false, 500, true);
    expect(ms_hedge_interval(30000, 1000, MS_HEDGE_UP_TO), 29000, false, 30000, false);
}

Test(hedge, a_fall_is_the_mirrored_interval_of_its_size)
{
    expect(ms_hedge_interval(-40, 10, MS_HEDGE_MORE_THAN), -50, false, -40, true);
    expect(ms_hedge_interval(-44, 1, MS_HEDGE_NONE), -44.5, true, -43.5, false);
    expect(ms_hedge_interval(-18, 1, MS_HEDGE_NEARLY), -18, true, -16.2, false);
    expect(ms_hedge_interval(-50, 10, MS_HEDGE_AT_LEAST), -60, false, -50, false);
    expect(ms_hedge_interval(-20, 10, MS_HEDGE_LESS_THAN), -20, true, -10, false);
    expect(ms_hedge_interval(-20, 0, MS_HEDGE_ABOUT), -21, false, -19, false);
}

Test(hedge, range_is_left_to_the_source_and_answers_as_none)
{
    expect(ms_hedge_interval(20, 10, MS_HEDGE_RANGE), 15, false, 25, true);
}

Test(hedge, exact_figure_is_a_point)
{
    expect(ms_hedge_interval(12921, 0, MS_HEDGE_NONE), 12921, false, 12921, false);
    expect(ms_hedge_interval(-12921, 0, MS_HEDGE_NONE), -12921, false, -12921, false);
    /* no width to go up: the stated point rather than an empty interval */
    expect(ms_hedge_interval(12921, 0, MS_HEDGE_MORE_THAN), 12921, false, 12921, false);
    cr_assert(ms_interval_is_valid(ms_hedge_interval(0, 0, MS_HEDGE_NEARLY)));
    ms_interval iv = ms_hedge_interval(NAN, 1, MS_HEDGE_NONE);
    cr_assert(isnan(iv.lo) && isnan(iv.hi), "a missing value has no interval");
}

Test(hedge, every_hedge_has_its_documented_name)
{
    const char *want[MS_HEDGE_COUNT_] = {"none", "more_than", "less_than", "nearly", "about", "at_least", "up_to", "range"};
    for (int h = 0; h < MS_HEDGE_COUNT_; h++) {
        cr_assert_str_eq(ms_hedge_name((ms_hedge)h), want[h]);
        ms_hedge back = MS_HEDGE_COUNT_;
        cr_assert(ms_hedge_from_name(want[h], &back), "'%s'", want[h]);
        cr_assert_eq((int)back, h);
    }
    cr_assert_str_eq(ms_hedge_name((ms_hedge)-1), "unknown");
    cr_assert_str_eq(ms_hedge_name((ms_hedge)99), "unknown");
}

Test(hedge, unknown_names_leave_the_output_alone)
{
    const char *bad[] = {"unknown", "more than", "more_than ", " none", "NONE", "approximately", "x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ms_hedge h = MS_HEDGE_UP_TO;
        cr_assert_not(ms_hedge_from_name(bad[i], &h), "'%s' accepted", bad[i]);
        cr_assert_eq(h, MS_HEDGE_UP_TO);
    }
    ms_hedge h = MS_HEDGE_UP_TO;
    cr_assert(ms_hedge_from_name(NULL, &h), "no name at all is none");
    cr_assert_eq(h, MS_HEDGE_NONE);
}

Test(hedge, about_100_rounded_to_hundreds_allows_half_a_hundred)
{
    /* max(5 % of 100, 100 / 2) = 50 */
    expect(ms_hedge_interval(100, 100, MS_HEDGE_ABOUT), 50, false, 150, false);
    expect(ms_hedge_interval(100, 1, MS_HEDGE_ABOUT), 95, false, 105, false);
    expect(ms_hedge_interval(2000, 1000, MS_HEDGE_ABOUT), 1500, false, 2500, false);
    expect(ms_hedge_interval(143000, 1000, MS_HEDGE_ABOUT), 135850, false, 150150, false);
    expect(stated("100", 1, MS_HEDGE_ABOUT), 50, false, 150, false);
}

Test(hedge, at_least_less_than_and_up_to_from_written_numbers)
{
    expect(stated("500", 1, MS_HEDGE_AT_LEAST), 500, false, 600, false);
    expect(stated("144", 1, MS_HEDGE_AT_LEAST), 144, false, 145, false);
    expect(stated("2", 1000, MS_HEDGE_LESS_THAN), 1000, false, 2000, true);
    expect(stated("38", 1000, MS_HEDGE_UP_TO), 37000, false, 38000, false);
    expect(stated("1.5", 1000000, MS_HEDGE_MORE_THAN), 1500000, true, 1600000, false);
    expect(stated("267.2", 1, MS_HEDGE_NONE), 267.15, false, 267.25, true);
}

Test(hedge, falls_mirror_every_hedge)
{
    for (int h = 0; h < MS_HEDGE_COUNT_; h++) {
        ms_interval up = ms_hedge_interval(40, 10, (ms_hedge)h), down = ms_hedge_interval(-40, 10, (ms_hedge)h);
        cr_assert_eq(down.lo, -up.hi, "%s", ms_hedge_name((ms_hedge)h));
        cr_assert_eq(down.hi, -up.lo, "%s", ms_hedge_name((ms_hedge)h));
        cr_assert_eq(down.lo_open, up.hi_open, "%s", ms_hedge_name((ms_hedge)h));
        cr_assert_eq(down.hi_open, up.lo_open, "%s", ms_hedge_name((ms_hedge)h));
    }
    expect(ms_hedge_interval(-40, 10, MS_HEDGE_MORE_THAN), -50, false, -40, true);
    expect(ms_hedge_interval(-40, 10, MS_HEDGE_UP_TO), -40, false, -30, false);
    expect(ms_hedge_interval(-40, 10, MS_HEDGE_ABOUT), -45, false, -35, false);
    expect(ms_hedge_interval(-40, 0, MS_HEDGE_MORE_THAN), -40, false, -40, false);
}

Test(hedge, every_hedge_interval_contains_or_bounds_the_stated_value)
{
    for (int h = 0; h < MS_HEDGE_COUNT_; h++) {
        const double values[] = {143000, 144, 0.5, -40, 267.2};
        const double units[] = {1000, 1, 0.1, 10, 0.1};
        for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
            ms_interval iv = ms_hedge_interval(values[i], units[i], (ms_hedge)h);
            cr_assert(ms_interval_is_valid(iv), "%s %g", ms_hedge_name((ms_hedge)h), values[i]);
            cr_assert(iv.lo <= values[i] && values[i] <= iv.hi, "%s %g", ms_hedge_name((ms_hedge)h), values[i]);
            cr_assert_leq(ms_interval_width(iv), fmax(units[i], 0.1 * fabs(values[i])) + 1e-9);
        }
    }
}

Test(hedge, an_exact_figure_with_an_open_hedge_is_its_point)
{
    const ms_hedge open_hedges[] = {MS_HEDGE_MORE_THAN, MS_HEDGE_LESS_THAN, MS_HEDGE_AT_LEAST, MS_HEDGE_UP_TO,
                                    MS_HEDGE_NONE, MS_HEDGE_RANGE};
    for (size_t i = 0; i < sizeof open_hedges / sizeof open_hedges[0]; i++) {
        expect(ms_hedge_interval(500, 0, open_hedges[i]), 500, false, 500, false);
        expect(ms_hedge_interval(-500, 0, open_hedges[i]), -500, false, -500, false);
    }
    /* nearly does not depend on the rounding */
    expect(ms_hedge_interval(500, 0, MS_HEDGE_NEARLY), 450, false, 500, true);
    expect(ms_hedge_interval(0, 0, MS_HEDGE_NEARLY), 0, false, 0, false);
    expect(ms_hedge_interval(0, 0, MS_HEDGE_ABOUT), 0, false, 0, false);
    /* a negative or NaN unit counts as exact */
    expect(ms_hedge_interval(500, -5, MS_HEDGE_NONE), 500, false, 500, false);
    expect(ms_hedge_interval(500, NAN, MS_HEDGE_MORE_THAN), 500, false, 500, false);
}

Test(hedge, values_that_are_not_finite_have_no_interval)
{
    const double bad[] = {NAN, INFINITY, -INFINITY};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        for (int h = 0; h < MS_HEDGE_COUNT_; h++) {
            ms_interval iv = ms_hedge_interval(bad[i], 1, (ms_hedge)h);
            cr_assert(isnan(iv.lo) && isnan(iv.hi));
            cr_assert_not(ms_interval_is_valid(iv));
        }
}

Test(hedge, counts_144_and_145_disagree_but_more_than_140_agrees_with_both)
{
    ms_interval a = stated("144", 1, MS_HEDGE_NONE), b = stated("145", 1, MS_HEDGE_NONE);
    ms_interval over = stated("140", 1, MS_HEDGE_MORE_THAN);
    cr_assert_not(ms_interval_overlaps_integer(a, b));
    cr_assert(ms_interval_overlaps_integer(a, over));
    cr_assert(ms_interval_overlaps_integer(b, over));
}
