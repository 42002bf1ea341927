/* test_period.c — periods are day-number ranges: every written form parses,
 * formats back to its shortest form, and the calendar arithmetic keeps
 * months, quarters and leap days right. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "core/period.h"

static ms_period P(const char *s)
{
    ms_period p;
    cr_assert_eq(ms_period_parse(s, strlen(s), &p), MS_OK, "'%s' should parse", s);
    return p;
}

static const char *F(ms_period p)
{
    static char buf[MS_PERIOD_BUFSZ];
    ms_period_format(p, buf);
    return buf;
}

static int32_t D(int y, int m, int d) { return ms_day_from_civil(y, m, d); }

Test(period, day_numbers_count_from_1970)
{
    cr_assert_eq(D(1970, 1, 1), 0);
    cr_assert_eq(D(1970, 1, 2), 1);
    cr_assert_eq(D(1969, 12, 31), -1);
    cr_assert_eq(D(2024, 3, 1) - D(2024, 2, 28), 2, "2024 is a leap year");
    cr_assert_eq(D(1900, 3, 1) - D(1900, 2, 28), 1, "1900 is not");
    cr_assert_eq(D(2000, 3, 1) - D(2000, 2, 28), 2, "2000 is");
}

Test(period, every_day_from_1900_to_2100_round_trips)
{
    for (int32_t day = D(1900, 1, 1); day <= D(2100, 12, 31); day++) {
        int y, m, d;
        ms_civil_from_day(day, &y, &m, &d);
        cr_assert_eq(ms_day_from_civil(y, m, d), day);
        char buf[16];
        cr_assert_eq(ms_date_format(day, buf), 10);
        int32_t back;
        cr_assert_eq(ms_date_parse(buf, 10, &back), MS_OK);
        cr_assert_eq(back, day);
    }
}

Test(period, impossible_dates_are_rejected)
{
    const char *bad[] = {"2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-1-01", "2024-01-32",
                         "2024-01-01x", "24-01-01"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int32_t d;
        cr_assert_eq(ms_date_parse(bad[i], strlen(bad[i]), &d), MS_ERR_DATA, "'%s' accepted", bad[i]);
    }
    int32_t d;
    cr_assert_eq(ms_date_parse("2024-02-29", 10, &d), MS_OK);
    cr_assert_eq(ms_date_parse("2000-02-29", 10, &d), MS_OK);
}

Test(period, every_written_form_parses_to_its_days)
{
    struct { const char *text; ms_period want; } cases[] = {
        {"2024", {D(2024, 1, 1), D(2024, 12, 31)}},
        {"2024-07", {D(2024, 7, 1), D(2024, 7, 31)}},
        {"2024-02", {D(2024, 2, 1), D(2024, 2, 29)}},
        {"2024-Q3", {D(2024, 7, 1), D(2024, 9, 30)}},
        {"2024Q1", {D(2024, 1, 1), D(2024, 3, 31)}},
        {"2024-H1", {D(2024, 1, 1), D(2024, 6, 30)}},
        {"2024-S2", {D(2024, 7, 1), D(2024, 12, 31)}},
        {"2024M07", {D(2024, 7, 1), D(2024, 7, 31)}},
        {"2024-07-15", {D(2024, 7, 15), D(2024, 7, 15)}},
        {"2024-01-01/2024-07-31", {D(2024, 1, 1), D(2024, 7, 31)}},
        {"2024-01/2024-07", {D(2024, 1, 1), D(2024, 7, 31)}},
        {"2023/2024", {D(2023, 1, 1), D(2024, 12, 31)}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ms_period p = P(cases[i].text);
        cr_assert(ms_period_equal(p, cases[i].want), "'%s' gives %s", cases[i].text, F(p));
    }
}

Test(period, malformed_periods_are_rejected)
{
    const char *bad[] = {"2024-Q5", "2024-Q0", "2024-H3", "2024-07/2024-01", "2024 ", "", "Q3-2024",
                         "2024-7", "2024/", "/2024", "2024-02-30", "2024-13", "2024-00", "2024M13",
                         "2024-S3", "2024-Q3x", "2024-07-15junk", "2024x", "2023-02-29/2023-03-01",
                         "2023/2024/2025", " 2024", "2024-q3", "20245", "2024Q"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ms_period p;
        cr_assert_eq(ms_period_parse(bad[i], strlen(bad[i]), &p), MS_ERR_DATA, "'%s' accepted", bad[i]);
    }
}

Test(period, formats_the_shortest_form_and_reads_it_back)
{
    const char *forms[] = {"2024", "2024-07", "2024-Q3", "2024-H1", "2024-07-15", "2024-01/2024-07",
                           "2024-01-05/2024-07-31", "2023-10/2024-09", "2023/2024", "2024-02-29",
                           "2024-07-01/2024-07-30", "2024-02", "0000", "9999-12-31"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        ms_period p = P(forms[i]);
        cr_assert_str_eq(F(p), forms[i]);
        cr_assert(ms_period_equal(P(F(p)), p));
    }
    cr_assert_str_eq(F(ms_period_none()), "");
    cr_assert_str_eq(F(P("2024Q3")), "2024-Q3", "Eurostat forms print as ISO");
    cr_assert_str_eq(F(P("2024-S2")), "2024-H2");
    cr_assert_str_eq(F(P("2024M07")), "2024-07");
    cr_assert_str_eq(F(P("2024-01-01/2024-03-31")), "2024-Q1");
    cr_assert_str_eq(F(P("2024-01/2024-12")), "2024");
}

Test(period, random_periods_read_back_from_their_text)
{
    srand(4242);
    int32_t first = D(1900, 1, 1), days = D(2100, 12, 31) - first;
    for (int i = 0; i < 20000; i++) {
        int32_t a = first + rand() % days, b = first + rand() % days;
        if (i % 4 == 0) { /* favour calendar-aligned ends, where the short forms live */
            int y, m, d;
            ms_civil_from_day(a, &y, &m, &d);
            a = D(y, m, 1);
            ms_civil_from_day(b, &y, &m, &d);
            b = D(y, m, ms_days_in_month(y, m));
        }
        ms_period p = {a < b ? a : b, a < b ? b : a};
        char buf[MS_PERIOD_BUFSZ];
        size_t n = ms_period_format(p, buf);
        cr_assert_eq(n, strlen(buf));
        ms_period back;
        cr_assert_eq(ms_period_parse(buf, n, &back), MS_OK, "'%s' does not parse", buf);
        cr_assert(ms_period_equal(back, p), "'%s' reads back differently", buf);
    }
}

Test(period, day_numbers_far_from_today_stay_consistent)
{
    const int32_t days[] = {INT32_MAX, INT32_MIN + 1, -719468, 2932896};
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
        int y, m, d;
        ms_civil_from_day(days[i], &y, &m, &d);
        cr_assert(m >= 1 && m <= 12 && d >= 1 && d <= ms_days_in_month(y, m));
        cr_assert_eq(ms_day_from_civil(y, m, d), days[i]);
    }
    cr_assert_eq(ms_day_from_civil(0, 3, 1), -719468, "0000-03-01, the algorithm's epoch");
    char buf[MS_PERIOD_BUFSZ];
    cr_assert_eq(ms_period_format((ms_period){INT32_MAX - 10, INT32_MAX}, buf), 0, "no four-digit year");
    cr_assert_str_eq(buf, "");
    cr_assert_eq(ms_date_format(D(10000, 1, 1), buf), 0);
}

Test(period, grain_says_what_kind_of_period_it_is)
{
    cr_assert_eq(ms_period_grain_of(P("2024")), MS_GRAIN_YEAR);
    cr_assert_eq(ms_period_grain_of(P("2024-Q2")), MS_GRAIN_QUARTER);
    cr_assert_eq(ms_period_grain_of(P("2024-H2")), MS_GRAIN_HALF);
    cr_assert_eq(ms_period_grain_of(P("2024-02")), MS_GRAIN_MONTH);
    cr_assert_eq(ms_period_grain_of(P("2024-03-22")), MS_GRAIN_DAY);
    cr_assert_eq(ms_period_grain_of(P("2024-01/2024-07")), MS_GRAIN_SPAN);
    cr_assert_eq(ms_period_grain_of(P("2024-02/2024-04")), MS_GRAIN_SPAN, "not a calendar quarter");
    cr_assert_eq(ms_period_grain_of(ms_period_none()), MS_GRAIN_NONE);
}

Test(period, shifting_by_a_year_keeps_month_ends)
{
    cr_assert_str_eq(F(ms_period_shift_years(P("2024-01-01/2024-02-29"), -1)), "2023-01/2023-02");
    cr_assert_str_eq(F(ms_period_shift_years(P("2023-01/2023-02"), 1)), "2024-01/2024-02");
    cr_assert(ms_period_equal(ms_period_shift_years(P("2023-01/2023-02"), 1), P("2024-01-01/2024-02-29")));
    cr_assert_str_eq(F(ms_period_shift_years(P("2024-02-29"), -1)), "2023-02-28");
    cr_assert_str_eq(F(ms_period_shift_years(P("2024-01/2024-07"), -1)), "2023-01/2023-07");
}

Test(period, previous_period_is_the_one_just_before_of_the_same_grain)
{
    cr_assert_str_eq(F(ms_period_previous(P("2024"))), "2023");
    cr_assert_str_eq(F(ms_period_previous(P("2024-Q1"))), "2023-Q4");
    cr_assert_str_eq(F(ms_period_previous(P("2024-H2"))), "2024-H1");
    cr_assert_str_eq(F(ms_period_previous(P("2024-03"))), "2024-02");
    cr_assert_str_eq(F(ms_period_previous(P("2024-01"))), "2023-12");
    cr_assert_str_eq(F(ms_period_previous(P("2024-03-01"))), "2024-02-29");
    cr_assert_str_eq(F(ms_period_previous(P("2024-01/2024-07"))), "2023-01/2023-07",
                     "a year-to-date span compares with the same months a year earlier");
    cr_assert(ms_period_is_none(ms_period_previous(ms_period_none())));
    ms_period before_year_0 = ms_period_previous(P("0000-Q1"));
    cr_assert(ms_period_equal(before_year_0, (ms_period){D(-1, 10, 1), D(-1, 12, 31)}),
              "months before year 0 count backwards correctly");
}

Test(period, compare_contains_and_overlaps)
{
    cr_assert_lt(ms_period_compare(P("2023"), P("2024")), 0);
    cr_assert_lt(ms_period_compare(P("2024-01"), P("2024")), 0, "same start: the shorter first");
    cr_assert_eq(ms_period_compare(P("2024"), P("2024-01/2024-12")), 0);
    cr_assert_lt(ms_period_compare(ms_period_none(), P("1900")), 0, "unknown sorts first");
    cr_assert(ms_period_contains(P("2024"), P("2024-Q3")));
    cr_assert_not(ms_period_contains(P("2024-Q3"), P("2024")));
    cr_assert(ms_period_overlaps(P("2024-01/2024-07"), P("2024-Q3")));
    cr_assert_not(ms_period_overlaps(P("2024-H1"), P("2024-Q3")));
    cr_assert_not(ms_period_overlaps(ms_period_none(), P("2024")));
    cr_assert(ms_period_overlaps(P("2024-H1"), P("2024-06-30")), "a shared last day is an overlap");
    cr_assert(ms_period_contains(P("2024"), P("2024")));
    cr_assert_not(ms_period_contains(P("2024"), ms_period_none()));
    cr_assert_gt(ms_period_compare(P("2024"), P("2024-01")), 0);
    cr_assert_eq(ms_period_compare(ms_period_none(), ms_period_none()), 0);
}
