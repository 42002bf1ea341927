/* test_num.c — the one number parser is strict, the one printer is the
 * shortest text that reads back to the same double, and rounding units
 * follow the written digits. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/num.h"

static double parse_ok(const char *s)
{
    double v = -1;
    cr_assert_eq(ms_num_parse(s, strlen(s), &v, NULL, NULL), MS_OK, "'%s' should parse", s);
    return v;
}

Test(num, parses_plain_decimal_forms)
{
    cr_assert_eq(parse_ok("-44"), -44);
    cr_assert_eq(parse_ok("+5"), 5);
    cr_assert_eq(parse_ok(".5"), 0.5);
    cr_assert_eq(parse_ok("5."), 5);
    cr_assert_eq(parse_ok("12.5"), 12.5);
    cr_assert_eq(parse_ok("1e3"), 1000);
    cr_assert_eq(parse_ok("267.2"), 267.2);
    cr_assert_eq(parse_ok("0.1"), 0.1);
}

Test(num, rejects_anything_but_a_whole_plain_number)
{
    const char *bad[] = {"", " 1", "1 ", "1,5", "1.2.3", "nan", "NaN", "inf", "-inf", "0x10",
                         "1e", "1e+", "abc", "-", ".", "1e999", "12a"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        double v = 42;
        const char *why = NULL;
        size_t at = 99;
        cr_assert_eq(ms_num_parse(bad[i], strlen(bad[i]), &v, &why, &at), MS_ERR_DATA, "'%s' accepted", bad[i]);
        cr_assert_eq(v, 42, "the output is untouched on error");
        cr_assert_not_null(why);
        cr_assert_leq(at, strlen(bad[i]));
    }
}

Test(num, reports_reason_and_position)
{
    double v;
    const char *why = NULL;
    size_t at = 0;
    cr_assert_eq(ms_num_parse("12a", 3, &v, &why, &at), MS_ERR_DATA);
    cr_assert_eq(at, 2);
    cr_assert_eq(ms_num_parse("1e999", 5, &v, &why, &at), MS_ERR_DATA);
    cr_assert_str_eq(why, "number out of range");
    struct { const char *text; size_t at; } cases[] = {
        {"1,5", 1}, {" 1", 0}, {"1 ", 1}, {"1e", 1}, {"1.2.3", 3}, {"0x10", 1}, {"-+1", 1}, {"12e3x", 4},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        at = 99;
        cr_assert_eq(ms_num_parse(cases[i].text, strlen(cases[i].text), &v, &why, &at), MS_ERR_DATA);
        cr_assert_eq(at, cases[i].at, "'%s': error at %zu, expected %zu", cases[i].text, at, cases[i].at);
    }
}

Test(num, a_nonzero_number_too_small_for_a_double_is_out_of_range_not_zero)
{
    double v = 42;
    const char *why = NULL;
    cr_assert_eq(ms_num_parse("1e-999", 6, &v, &why, NULL), MS_ERR_DATA);
    cr_assert_str_eq(why, "number out of range");
    cr_assert_eq(v, 42);
    cr_assert_eq(parse_ok("0e999"), 0, "zero written with a big exponent is still zero");
    cr_assert_eq(parse_ok("-0.000e-999"), 0);
    cr_assert_eq(parse_ok("5e-324"), 0x1p-1074, "the smallest subnormal is representable");
}

Test(num, converts_to_the_nearest_double)
{
    cr_assert_eq(parse_ok("9007199254740993"), 9007199254740992.0, "a tie rounds to even");
    cr_assert_eq(parse_ok("9007199254740995"), 9007199254740996.0);
    cr_assert_eq(parse_ok("2.2250738585072011e-308"), 0x0.fffffffffffffp-1022);
    cr_assert_eq(parse_ok("1.7976931348623157e308"), 0x1.fffffffffffffp+1023);
    cr_assert_eq(parse_ok("0.30000000000000004"), 0x1.3333333333334p-2);
    cr_assert_eq(parse_ok("0.1000000000000000055511151231257827021181583404541015625"), 0.1);
    /* a long number whose last digit breaks a tie: every digit must count */
    char longer[400] = "9007199254740993.";
    memset(longer + 17, '0', 300);
    strcpy(longer + 317, "1");
    cr_assert_eq(parse_ok(longer), 9007199254740994.0);
}

Test(num, parses_only_the_given_span)
{
    double v;
    cr_assert_eq(ms_num_parse("143000 people", 6, &v, NULL, NULL), MS_OK);
    cr_assert_eq(v, 143000);
}

static const char *fmt(double v)
{
    static char buf[MS_NUM_BUFSZ];
    ms_num_format(v, buf);
    return buf;
}

Test(num, formats_the_shortest_round_trip_text)
{
    cr_assert_str_eq(fmt(0.1), "0.1");
    cr_assert_str_eq(fmt(143000), "143000");
    cr_assert_str_eq(fmt(-44), "-44");
    cr_assert_str_eq(fmt(267.2), "267.2");
    cr_assert_str_eq(fmt(0.65034965034965031), "0.6503496503496503");
    cr_assert_str_eq(fmt(9007199254740991.0), "9007199254740991");
    cr_assert_str_eq(fmt(1e21), "1e+21");
    cr_assert_str_eq(fmt(-0.0), "0");
    cr_assert_str_eq(fmt(NAN), "nan");
    cr_assert_str_eq(fmt(INFINITY), "inf");
    cr_assert_str_eq(fmt(-INFINITY), "-inf");
}

Test(num, integers_up_to_two_to_the_53_print_without_exponent)
{
    cr_assert_str_eq(fmt(9007199254740992.0), "9007199254740992");
    cr_assert_str_eq(fmt(-123456789012345.0), "-123456789012345");
    cr_assert_str_eq(fmt(1e15), "1000000000000000");
    cr_assert_str_eq(fmt(1e17), "1e+17", "beyond 2^53 the shortest form wins");
    cr_assert_str_eq(fmt(-2.5), "-2.5");
    cr_assert_str_eq(fmt(1.5e-7), "1.5e-07");
}

Test(num, extreme_doubles_fit_the_buffer_and_read_back)
{
    const double cases[] = {0x1.fffffffffffffp+1023, -0x1.fffffffffffffp+1023, 0x1p-1074, -0x1p-1022,
                            0x0.fffffffffffffp-1022, 1.0 / 3, -2.0 / 3};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[MS_NUM_BUFSZ];
        size_t n = ms_num_format(cases[i], buf);
        cr_assert_eq(n, strlen(buf));
        cr_assert_lt(n, (size_t)MS_NUM_BUFSZ);
        double back;
        cr_assert_eq(ms_num_parse(buf, n, &back, NULL, NULL), MS_OK, "'%s'", buf);
        cr_assert_eq(back, cases[i], "'%s' reads back differently", buf);
    }
    cr_assert_str_eq(fmt(0x1p-1074), "5e-324");
    cr_assert_str_eq(fmt(0x1.fffffffffffffp+1023), "1.7976931348623157e+308");
}

static double random_double(void)
{
    uint64_t bits = 0;
    for (int i = 0; i < 4; i++)
        bits = (bits << 16) ^ (uint64_t)(rand() & 0xffff);
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

Test(num, twenty_thousand_random_doubles_round_trip_bit_for_bit)
{
    srand(20261125);
    int tested = 0;
    for (int i = 0; i < 20000; i++) {
        double d = i % 2 ? random_double() : ((double)rand() / RAND_MAX - 0.5) * 2e9;
        if (!isfinite(d))
            continue;
        char buf[MS_NUM_BUFSZ];
        size_t n = ms_num_format(d, buf);
        cr_assert_lt(n, (size_t)MS_NUM_BUFSZ);
        double back;
        cr_assert_eq(ms_num_parse(buf, n, &back, NULL, NULL), MS_OK, "'%s' does not parse", buf);
        if (d == 0)
            cr_assert_eq(back, 0);
        else
            cr_assert_eq(memcmp(&back, &d, sizeof d), 0, "'%s' does not read back", buf);
        tested++;
    }
    cr_assert_gt(tested, 19000);
}

static double unit(const char *s, double scale) { return ms_num_rounding_unit(s, strlen(s), scale); }

Test(num, rounding_unit_is_the_place_of_the_last_significant_digit)
{
    cr_assert_eq(unit("143000", 1), 1000);
    cr_assert_eq(unit("144", 1), 1);
    cr_assert_eq(unit("140", 1), 10);
    cr_assert_float_eq(unit("267.2", 1), 0.1, 1e-12);
    cr_assert_eq(unit("0", 1), 1);
    cr_assert_float_eq(unit("12.50", 1), 0.01, 1e-12);
    cr_assert_float_eq(unit("23.6", 1000), 100, 1e-9);
    cr_assert_eq(unit("-44", 1), 1);
    cr_assert_eq(unit("abc", 1), 0);
}

Test(num, rounding_unit_reads_exponents_and_bare_points)
{
    cr_assert_eq(unit("1.5e3", 1), 100);
    cr_assert_eq(unit("1e3", 1), 1000);
    cr_assert_eq(unit("5.", 1), 1);
    cr_assert_float_eq(unit(".5", 1), 0.1, 1e-15);
    cr_assert_float_eq(unit("0.0", 1), 0.1, 1e-15);
    cr_assert_eq(unit("1.5", 1000000), 100000, "1,5 млн");
    cr_assert_eq(unit("0e400", 1), 0, "no finite unit");
    cr_assert_eq(unit("1,5", 1), 0);
}

Test(num, each_kind_of_error_has_its_own_reason)
{
    struct { const char *text; const char *why; size_t at; } cases[] = {
        {"", "empty number", 0},
        {"abc", "not a number", 0},
        {"nan", "not a number", 0},
        {"inf", "not a number", 0},
        {"-", "not a number", 0},
        {"1e", "exponent has no digits", 1},
        {"1e+", "exponent has no digits", 1},
        {"1 ", "unexpected character in number", 1},
        {"1,5", "unexpected character in number", 1},
        {"0x10", "unexpected character in number", 1},
        {"1.2.3", "unexpected character in number", 3},
        {"1e999", "number out of range", 0},
        {"-1e999", "number out of range", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double v = 7;
        const char *why = NULL;
        size_t at = 99;
        cr_assert_eq(ms_num_parse(cases[i].text, strlen(cases[i].text), &v, &why, &at), MS_ERR_DATA,
                     "'%s' accepted", cases[i].text);
        cr_assert_str_eq(why, cases[i].why, "'%s': reason '%s'", cases[i].text, why);
        cr_assert_eq(at, cases[i].at, "'%s': error at %zu, expected %zu", cases[i].text, at, cases[i].at);
        cr_assert_eq(v, 7, "'%s': output untouched", cases[i].text);
    }
}

Test(num, reason_and_position_are_optional)
{
    double v = 1;
    cr_assert_eq(ms_num_parse("1,5", 3, &v, NULL, NULL), MS_ERR_DATA);
    cr_assert_eq(ms_num_parse_cstr("1,5", &v), MS_ERR_DATA);
    cr_assert_eq(ms_num_parse_cstr("-12.75", &v), MS_OK);
    cr_assert_eq(v, -12.75);
    cr_assert_eq(ms_num_parse_cstr("", &v), MS_ERR_DATA);
}

Test(num, uppercase_exponent_and_signed_exponents_parse)
{
    cr_assert_eq(parse_ok("1E3"), 1000);
    cr_assert_eq(parse_ok("2.5e+2"), 250);
    cr_assert_eq(parse_ok("25e-1"), 2.5);
    cr_assert_eq(parse_ok("-.5e1"), -5);
    cr_assert_eq(parse_ok("0"), 0);
    cr_assert_eq(parse_ok("007"), 7);
    cr_assert_eq(parse_ok("1.7976931348623158e308"), 0x1.fffffffffffffp+1023, "rounds down to the largest double");
}

Test(num, a_long_number_past_the_stack_buffer_parses)
{
    char big[300];
    memset(big, '0', sizeof big - 1);
    big[0] = '1';
    big[sizeof big - 1] = '\0';
    big[200] = '.';
    double v = 0;
    cr_assert_eq(ms_num_parse(big, strlen(big), &v, NULL, NULL), MS_OK);
    cr_assert_eq(v, 1e199);
    big[250] = 'x';
    size_t at = 0;
    cr_assert_eq(ms_num_parse(big, strlen(big), &v, NULL, &at), MS_ERR_DATA);
    cr_assert_eq(at, 250);
}

Test(num, minus_zero_prints_as_zero_and_parses_as_zero)
{
    char buf[MS_NUM_BUFSZ];
    cr_assert_eq(ms_num_format(-0.0, buf), 1);
    cr_assert_str_eq(buf, "0");
    cr_assert_eq(ms_num_format(0.0, buf), 1);
    cr_assert_str_eq(buf, "0");
    cr_assert_eq(parse_ok("-0"), 0);
}

Test(num, returned_length_matches_the_text_and_no_comma_ever_appears)
{
    const double cases[] = {0.1, 143000, -44, 267.2, 1e21, 1e-5, 123456789.5, -0.001, 1e300, NAN, -INFINITY};
    const char *want[] = {"0.1", "143000", "-44", "267.2", "1e+21", "1e-05", "123456789.5", "-0.001",
                          "1e+300", "nan", "-inf"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[MS_NUM_BUFSZ];
        size_t n = ms_num_format(cases[i], buf);
        cr_assert_str_eq(buf, want[i]);
        cr_assert_eq(n, strlen(want[i]));
        cr_assert_null(strchr(buf, ','));
    }
}

Test(num, random_values_in_plus_minus_a_billion_round_trip_through_the_shortest_text)
{
    srand(7);
    for (int i = 0; i < 20000; i++) {
        double d = ((double)rand() / RAND_MAX - 0.5) * 2e9;
        if (i % 3 == 0)
            d = floor(d); /* whole counts, the common case */
        else if (i % 3 == 1)
            d = round(d * 10) / 10; /* one decimal, as in "267.2" */
        char buf[MS_NUM_BUFSZ];
        size_t n = ms_num_format(d, buf);
        double back;
        cr_assert_eq(ms_num_parse(buf, n, &back, NULL, NULL), MS_OK, "'%s'", buf);
        cr_assert(back == d, "'%s' reads back as %.17g, not %.17g", buf, back, d);
        cr_assert_null(strchr(buf, 'e'), "'%s': no exponent below 2^53", buf);
        if (i % 3 == 0)
            cr_assert_null(strchr(buf, '.'), "'%s': a whole number prints without a point", buf);
    }
}

Test(num, one_fewer_digit_would_not_read_back)
{
    /* shortest: dropping the last significant digit changes the value */
    srand(99);
    for (int i = 0; i < 2000; i++) {
        double d = random_double();
        if (!isfinite(d) || d == 0 || (fabs(d) < 9007199254740992.0 && d == floor(d)))
            continue;
        char buf[MS_NUM_BUFSZ];
        ms_num_format(d, buf);
        char *e = strchr(buf, 'e');
        size_t mant = e ? (size_t)(e - buf) : strlen(buf);
        size_t digits = 0;
        for (size_t k = 0; k < mant; k++)
            digits += buf[k] >= '0' && buf[k] <= '9' && !(digits == 0 && buf[k] == '0');
        if (digits <= 1)
            continue;
        char shorter[400];
        snprintf(shorter, sizeof shorter, "%.*g", (int)digits - 1, d);
        double back = strtod(shorter, NULL);
        cr_assert_neq(back, d, "'%s' has a shorter form '%s'", buf, shorter);
    }
}

Test(num, rounding_unit_is_exact_where_the_place_value_is)
{
    cr_assert_eq(unit("267.2", 1), 0.1);
    cr_assert_eq(unit("12.50", 1), 0.01);
    cr_assert_eq(unit("23.6", 1000), 100);
    cr_assert_eq(unit("0.1234567", 1000000), 0.1, "1e-7 * 1e6 must not come out as 0.09999999999999999");
    cr_assert_eq(unit("1.234", 1000000), 1000);
    cr_assert_eq(unit("143000", 1), 1000);
    cr_assert_eq(unit("+5", 1), 1);
    cr_assert_eq(unit("100", 1), 100);
    cr_assert_eq(unit("-0", 1), 1);
    cr_assert_eq(unit("", 1), 0);
}

Test(num, rounding_unit_survives_absurd_exponents)
{
    /* zero parses with any exponent; the exponent must not overflow the
     * place arithmetic (UBSan would abort) and there is no usable unit */
    cr_assert_eq(unit("0.0e-99999999999999999999", 1), 0);
    cr_assert_eq(unit("0e99999999999999999999", 1), 0);
    cr_assert_eq(unit("0.00e-400", 1), 0);
    cr_assert_eq(unit("1e-320", 1), 1e-320, "a subnormal unit is still a unit");
    cr_assert_eq(unit("1e300", 1), 1e300);
}

Test(num, rounding_unit_reads_the_exponent_within_the_span_only)
{
    /* "2e3" followed by more digits that are not part of the span */
    const char text[] = "2e3999";
    cr_assert_float_eq(ms_num_rounding_unit(text, 3, 1), 1000, 1e-9);
    cr_assert_float_eq(ms_num_rounding_unit("5e-2", 4, 1), 0.01, 1e-12);
}
