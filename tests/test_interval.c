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

Test(interval, add_and_sub_of_points_and_closed_intervals_stay_closed)
{
    expect(ms_interval_add(ms_interval_point(2), ms_interval_point(3)), 5, false, 5, false);
    expect(ms_interval_sub(ms_interval_point(2), ms_interval_point(3)), -1, false, -1, false);
    expect(ms_interval_add(I(1, false, 2, false), I(10, false, 20, false)), 11, false, 22, false);
    expect(ms_interval_sub(I(1, false, 2, false), I(10, false, 20, false)), -19, false, -8, false);
    /* sub pairs a's low end with b's high end: their flags travel together */
    expect(ms_interval_sub(I(1, false, 2, false), I(10, false, 20, true)), -19, true, -8, false);
    expect(ms_interval_sub(I(1, false, 2, false), I(10, true, 20, false)), -19, false, -8, true);
    expect(ms_interval_add(I(1, true, 2, false), ms_interval_point(0)), 1, true, 2, false);
}

Test(interval, a_hedged_change_is_the_difference_of_the_two_intervals)
{
    /* "more than 143000" now, "143000" before: the rise is (-500, 1500] */
    ms_interval now = I(143000, true, 144000, false), before = I(142500, false, 143500, true);
    expect(ms_interval_sub(now, before), -500, true, 1500, false);
}

Test(interval, mul_of_two_negative_intervals_is_positive)
{
    expect(ms_interval_mul(I(-3, false, -2, true), I(-5, true, -4, false)), 8, true, 15, true);
    expect(ms_interval_mul(I(-3, false, -2, false), I(-5, false, -4, false)), 8, false, 15, false);
}

Test(interval, mul_of_intervals_straddling_zero_takes_the_extreme_products)
{
    expect(ms_interval_mul(I(-1, false, 2, false), I(-3, false, 4, false)), -6, false, 8, false);
    /* -1 * 1 and 1 * -1 are both out of reach; 1 is reached by -1 * -1 */
    expect(ms_interval_mul(I(-1, false, 1, true), I(-1, false, 1, true)), -1, true, 1, false);
    /* a tie between an open and a closed candidate is closed: the value is reached */
    expect(ms_interval_mul(I(-2, false, 2, true), I(1, false, 1, false)), -2, false, 2, true);
}

Test(interval, mul_by_a_point_matches_scale)
{
    ms_interval a = I(3, true, 7, false);
    const double ks[] = {2.5, -2.5, 1, -1, 1000};
    for (size_t i = 0; i < sizeof ks / sizeof ks[0]; i++) {
        ms_interval m = ms_interval_mul(a, ms_interval_point(ks[i])), s = ms_interval_scale(a, ks[i]);
        expect(m, s.lo, s.lo_open, s.hi, s.hi_open);
    }
    expect(ms_interval_scale(a, 1000), 3000, true, 7000, false);
    expect(ms_interval_scale(a, -1), -7, false, -3, true);
    expect(ms_interval_mul(a, ms_interval_point(0)), 0, false, 0, false);
}

Test(interval, div_by_a_positive_interval_keeps_open_ends_open)
{
    ms_interval q;
    cr_assert_eq(ms_interval_div(I(10, true, 20, false), I(2, false, 5, true), &q), MS_OK);
    expect(q, 2, true, 10, false);
    cr_assert_eq(ms_interval_div(I(10, false, 20, false), I(2, false, 5, false), &q), MS_OK);
    expect(q, 2, false, 10, false);
    cr_assert_eq(ms_interval_div(I(-20, false, 10, true), I(2, false, 5, false), &q), MS_OK);
    expect(q, -10, false, 5, true);
    cr_assert_eq(ms_interval_div(ms_interval_point(6), ms_interval_point(3), &q), MS_OK);
    expect(q, 2, false, 2, false);
}

Test(interval, division_by_an_interval_ending_at_zero_is_refused_on_either_side)
{
    ms_interval q = ms_interval_point(7);
    cr_assert_eq(ms_interval_div(I(1, false, 2, false), I(-5, false, 0, true), &q), MS_ERR_DATA, "[-5, 0)");
    cr_assert_eq(ms_interval_div(I(1, false, 2, false), I(-5, false, 0, false), &q), MS_ERR_DATA, "[-5, 0]");
    cr_assert_eq(ms_interval_div(I(1, false, 2, false), ms_interval_point(0), &q), MS_ERR_DATA, "a point 0");
    cr_assert_eq(ms_interval_div(I(1, false, 2, false), I(-1, true, 1, true), &q), MS_ERR_DATA, "(-1, 1)");
    cr_assert_eq(ms_interval_div(ms_interval_point(0), I(-1, false, 1, false), &q), MS_ERR_DATA,
                 "0 / [-1, 1] still includes 0 / 0");
    expect(q, 7, false, 7, false);
}

Test(interval, division_overflowing_to_infinity_is_refused)
{
    ms_interval q = ms_interval_point(7);
    cr_assert_eq(ms_interval_div(I(1e300, false, 1e308, false), I(1e-300, false, 1, false), &q), MS_ERR_DATA);
    cr_assert_eq(q.lo, 7);
}

Test(interval, closed_ends_touching_overlap_open_ones_do_not)
{
    cr_assert(ms_interval_overlaps(I(2, false, 3, false), I(1, false, 2, false)), "symmetric");
    cr_assert_not(ms_interval_overlaps(I(2, true, 3, false), I(1, false, 2, false)));
    cr_assert_not(ms_interval_overlaps(I(1, false, 2, true), I(2, true, 3, false)));
    cr_assert(ms_interval_overlaps(ms_interval_point(2), I(1, false, 2, false)));
    cr_assert_not(ms_interval_overlaps(ms_interval_point(2), I(1, false, 2, true)));
    cr_assert_not(ms_interval_overlaps(ms_interval_point(2), I(2, true, 3, false)));
    cr_assert(ms_interval_overlaps(ms_interval_point(2), ms_interval_point(2)));
    cr_assert_not(ms_interval_overlaps(ms_interval_point(2), ms_interval_point(3)));
    cr_assert(ms_interval_overlaps(I(1, true, 3, true), I(1, true, 3, true)), "same open interval");
    cr_assert(ms_interval_overlaps(I(1, true, 3, true), I(2.9, false, 5, false)));
    cr_assert_not(ms_interval_overlaps(I(1, false, 2, false), I(3, false, 4, false)));
    cr_assert_not(ms_interval_overlaps(I(3, true, 3, false), I(0, false, 10, false)), "an empty interval overlaps nothing");
    cr_assert_not(ms_interval_overlaps(I(NAN, false, NAN, false), I(0, false, 10, false)));
}

Test(interval, count_144_and_count_145_do_not_agree_but_more_than_140_agrees_with_both)
{
    ms_interval n144 = I(143.5, false, 144.5, true), n145 = I(144.5, false, 145.5, true);
    ms_interval over140 = I(140, true, 150, false);
    cr_assert_not(ms_interval_overlaps(n144, n145), "not even as real values");
    cr_assert_not(ms_interval_overlaps_integer(n145, n144), "symmetric");
    cr_assert(ms_interval_overlaps_integer(n144, over140));
    cr_assert(ms_interval_overlaps_integer(n145, over140));
    cr_assert(ms_interval_overlaps_integer(n144, n144));
    /* real overlap without a shared whole number */
    cr_assert(ms_interval_overlaps(I(0.1, false, 0.6, false), I(0.5, false, 0.9, false)));
    cr_assert_not(ms_interval_overlaps_integer(I(0.1, false, 0.6, false), I(0.5, false, 0.9, false)));
    cr_assert_not(ms_interval_overlaps_integer(I(3, true, 3, false), ms_interval_point(3)), "empty");
}

Test(interval, integer_bounds_of_negative_and_exact_intervals)
{
    double f = 99, l = 99;
    cr_assert(ms_interval_integer_bounds(I(-44.5, true, -43.5, false), &f, &l));
    cr_assert_eq(f, -44);
    cr_assert_eq(l, -44);
    cr_assert(ms_interval_integer_bounds(I(-50, false, -40, true), &f, &l));
    cr_assert_eq(f, -50);
    cr_assert_eq(l, -41);
    cr_assert(ms_interval_integer_bounds(ms_interval_point(12921), &f, &l));
    cr_assert(f == 12921 && l == 12921);
    f = l = 99;
    cr_assert_not(ms_interval_integer_bounds(ms_interval_point(2.5), &f, &l));
    cr_assert_not(ms_interval_integer_bounds(I(5, false, 4, false), &f, &l));
    cr_assert(f == 99 && l == 99, "outputs untouched when there is none");
}

Test(interval, touching_intervals_that_do_not_overlap_have_no_gap)
{
    /* "144" and "145" touch at 144.5: disjoint, but 0 apart, in either order */
    ms_interval n144 = I(143.5, false, 144.5, true), n145 = I(144.5, false, 145.5, true);
    cr_assert_eq(ms_interval_relative_gap(n144, n145), 0);
    cr_assert_eq(ms_interval_relative_gap(n145, n144), 0);
    cr_assert_eq(ms_interval_relative_gap(I(1, false, 2, true), I(2, true, 3, false)), 0);
}

Test(interval, relative_gap_is_the_distance_over_the_largest_magnitude)
{
    cr_assert_float_eq(ms_interval_relative_gap(I(1, false, 2, false), I(3, false, 4, false)), 0.25, 1e-12);
    cr_assert_float_eq(ms_interval_relative_gap(I(3, false, 4, false), I(1, false, 2, false)), 0.25, 1e-12);
    cr_assert_float_eq(ms_interval_relative_gap(I(-4, false, -3, false), I(3, false, 4, false)), 1.5, 1e-12);
    cr_assert_eq(ms_interval_relative_gap(ms_interval_point(0), ms_interval_point(0)), 0);
    cr_assert_eq(ms_interval_relative_gap(ms_interval_point(5), ms_interval_point(5)), 0);
    double g = ms_interval_relative_gap(ms_interval_point(100), ms_interval_point(110));
    cr_assert(g > 0 && g < 1);
}

Test(interval, mid_and_width_of_a_hedged_count)
{
    ms_interval a = I(83700, false, 93000, true);
    cr_assert_eq(ms_interval_mid(a), 88350);
    cr_assert_eq(ms_interval_width(a), 9300);
    cr_assert_eq(ms_interval_mid(I(-3, false, 1, false)), -1);
    cr_assert(ms_interval_is_valid(I(1, true, 2, true)));
    cr_assert(ms_interval_is_valid(I(-1e300, false, 1e300, false)));
    cr_assert_not(ms_interval_is_valid(I(0, false, INFINITY, false)));
    cr_assert_not(ms_interval_is_valid(I(3, false, 3, true)), "[3, 3) is empty");
}

Test(interval, log_and_power_map_each_end_and_keep_open_ends)
{
    ms_interval r;
    cr_assert_eq(ms_interval_log(I(1, true, M_E, false), &r), MS_OK);
    cr_assert_float_eq(r.lo, 0, 1e-15);
    cr_assert_float_eq(r.hi, 1, 1e-15);
    cr_assert(r.lo_open && !r.hi_open, "(1, e] -> (0, 1]");
    cr_assert_eq(ms_interval_log(I(0, true, 5, false), &r), MS_ERR_DATA, "(0, 5] has no finite log");
    cr_assert_eq(ms_interval_log(I(-1, false, 5, false), &r), MS_ERR_DATA);

    cr_assert_eq(ms_interval_pow(I(4, false, 9, true), 0.5, &r), MS_OK);
    cr_assert_float_eq(r.lo, 2, 1e-15);
    cr_assert_float_eq(r.hi, 3, 1e-15);
    cr_assert(!r.lo_open && r.hi_open);
    cr_assert_eq(ms_interval_pow(I(0, false, 1, false), 0.25, &r), MS_OK, "0 is a fine base");
    cr_assert_eq(r.lo, 0);
    cr_assert_eq(ms_interval_pow(I(-1, false, 1, false), 0.5, &r), MS_ERR_DATA);
    cr_assert_eq(ms_interval_pow(I(1, false, 2, false), 0, &r), MS_ERR_DATA);
}
