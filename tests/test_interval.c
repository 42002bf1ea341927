/* test_interval.c — interval arithmetic keeps every value the operation can
 * give, open ends stay open, division by an interval holding 0 is refused,
 * and counts are compared on whole numbers. */
#include <criterion/criterion.h>
#include <math.h>

#include "core/interval.h"

#define I ms_interval_make

static void expect(ms_interval iv, double lo, bool lo_open, double hi, bool hi_open)
{
    cr_assert_float_eq(iv.lo, lo, 1e-9, "lo %g, expected %g", iv.lo, lo);
    cr_assert_float_eq(iv.hi, hi, 1e-9, "hi %g, expected %g", iv.hi, hi);
    cr_assert_eq(iv.lo_open, lo_open, "lo_open");
    cr_assert_eq(iv.hi_open, hi_open, "hi_open");
}

Test(interval, add_and_sub_take_the_outer_ends)
{
    ms_interval a = I(10, false, 20, true), b = I(1, true, 2, false);
    expect(ms_interval_add(a, b), 11, true, 22, true);
    expect(ms_interval_sub(a, b), 8, false, 19, true);
}

Test(interval, mul_and_scale_handle_signs)
{
    expect(ms_interval_mul(I(-2, false, 3, false), I(4, false, 5, false)), -10, false, 15, false);
    expect(ms_interval_scale(I(1, true, 2, false), -10), -20, false, -10, true);
}

Test(interval, a_reached_zero_factor_reaches_zero)
{
    expect(ms_interval_mul(I(0, false, 1, false), I(2, true, 3, true)), 0, false, 3, true);
    expect(ms_interval_mul(I(0, true, 1, false), I(2, false, 3, false)), 0, true, 3, false);
    expect(ms_interval_scale(I(1, true, 2, false), 0), 0, false, 0, false);
    ms_interval q;
    cr_assert_eq(ms_interval_div(ms_interval_point(0), I(2, true, 3, true), &q), MS_OK);
    expect(q, 0, false, 0, false);
    cr_assert(ms_interval_is_valid(q));
}

Test(interval, division_by_a_negative_interval_flips_the_ends)
{
    ms_interval q;
    cr_assert_eq(ms_interval_div(I(2, false, 4, true), I(-2, false, -1, false), &q), MS_OK);
    expect(q, -4, true, -1, false);
    cr_assert_eq(ms_interval_div(I(0, true, 1, false), I(2, false, 4, false), &q), MS_OK);
    expect(q, 0, true, 0.5, false);
}

Test(interval, contains_mid_and_width_respect_open_ends)
{
    ms_interval a = I(140, true, 150, false);
    cr_assert_not(ms_interval_contains(a, 140));
    cr_assert(ms_interval_contains(a, 140.0001));
    cr_assert(ms_interval_contains(a, 150));
    cr_assert_not(ms_interval_contains(a, 150.0001));
    cr_assert_not(ms_interval_contains(a, NAN));
    cr_assert(ms_interval_contains(ms_interval_point(3), 3));
    cr_assert_eq(ms_interval_mid(a), 145);
    cr_assert_eq(ms_interval_width(a), 10);
    cr_assert_eq(ms_interval_width(ms_interval_point(7)), 0);
}

Test(interval, change_of_nearly_93000_against_60800_is_an_interval)
{
    ms_interval now = I(83700, false, 93000, true), before = I(60750, false, 60850, true);
    ms_interval q;
    cr_assert_eq(ms_interval_div(now, before, &q), MS_OK);
    cr_assert_float_eq(q.lo, 83700.0 / 60850.0, 1e-12);
    cr_assert_float_eq(q.hi, 93000.0 / 60750.0, 1e-12);
    cr_assert(q.lo_open, "60850 is excluded, so 83700/60850 is not reached");
    cr_assert(q.hi_open);
}

Test(interval, division_by_an_interval_holding_zero_is_refused)
{
    ms_interval q = I(7, false, 7, false);
    cr_assert_eq(ms_interval_div(I(1, false, 2, false), I(-1, false, 1, false), &q), MS_ERR_DATA);
    cr_assert_eq(ms_interval_div(I(1, false, 2, false), I(0, false, 5, false), &q), MS_ERR_DATA);
    cr_assert_eq(ms_interval_div(I(1, false, 2, false), I(0, true, 5, false), &q), MS_ERR_DATA,
                 "open at 0: the quotient is unbounded");
    cr_assert_eq(q.lo, 7, "output untouched");
}

Test(interval, touching_ends_overlap_only_when_both_are_closed)
{
    cr_assert(ms_interval_overlaps(I(1, false, 2, false), I(2, false, 3, false)));
    cr_assert_not(ms_interval_overlaps(I(1, false, 2, true), I(2, false, 3, false)));
    cr_assert_not(ms_interval_overlaps(I(1, false, 2, false), I(2, true, 3, false)));
    cr_assert(ms_interval_overlaps(I(1, false, 5, false), I(2, false, 3, false)));
}

Test(interval, counts_144_and_145_share_no_whole_number)
{
    ms_interval n144 = I(143.5, false, 144.5, true), n145 = I(144.5, false, 145.5, true);
    ms_interval over140 = I(140, true, 150, false);
    cr_assert_not(ms_interval_overlaps_integer(n144, n145));
    cr_assert(ms_interval_overlaps_integer(over140, n144));
    cr_assert(ms_interval_overlaps_integer(over140, n145));
    double first, last;
    cr_assert(ms_interval_integer_bounds(over140, &first, &last));
    cr_assert_eq(first, 141);
    cr_assert_eq(last, 150);
    cr_assert_not(ms_interval_integer_bounds(I(0.2, false, 0.8, false), &first, &last));
    cr_assert(ms_interval_integer_bounds(I(2, false, 5, true), &first, &last));
    cr_assert_eq(first, 2);
    cr_assert_eq(last, 4);
    cr_assert_not(ms_interval_integer_bounds(I(2, true, 3, true), &first, &last), "(2, 3) holds no count");
    cr_assert_not(ms_interval_overlaps_integer(over140, I(150.5, false, 151.5, true)), "151 is not 'more than 140'");
    cr_assert(ms_interval_overlaps_integer(ms_interval_point(150), over140));
    cr_assert_not(ms_interval_overlaps_integer(ms_interval_point(140), over140));
}

Test(interval, validity_and_relative_gap)
{
    cr_assert(ms_interval_is_valid(ms_interval_point(3)));
    cr_assert_not(ms_interval_is_valid(I(3, true, 3, false)), "(3, 3] is empty");
    cr_assert_not(ms_interval_is_valid(I(4, false, 3, false)));
    cr_assert_not(ms_interval_is_valid(I(NAN, false, 3, false)));
    cr_assert_eq(ms_interval_relative_gap(I(1, false, 5, false), I(4, false, 6, false)), 0);
    cr_assert_float_eq(ms_interval_relative_gap(ms_interval_point(118935), ms_interval_point(123260)),
                       (123260.0 - 118935.0) / 123260.0, 1e-12);
    ms_interval lo = I(-10, false, -8, false), hi = I(-4, false, -2, false);
    cr_assert_float_eq(ms_interval_relative_gap(lo, hi), 0.4, 1e-12, "magnitude of negative values");
    cr_assert_eq(ms_interval_relative_gap(lo, hi), ms_interval_relative_gap(hi, lo), "symmetric");
}
