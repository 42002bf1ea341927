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
