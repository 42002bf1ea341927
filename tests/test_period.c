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

Test(period, leap_day_2024_is_valid)
{
    int32_t d;
    cr_assert_eq(ms_date_parse("2024-02-29", 10, &d), MS_OK);
    cr_assert_eq(d, D(2024, 2, 29));
    cr_assert_eq(d, 19782, "2024-02-29 is day 19782 since 1970-01-01");
    cr_assert_eq(ms_days_in_month(2024, 2), 29);
    cr_assert_eq(ms_days_in_month(2023, 2), 28);
    cr_assert_eq(ms_days_in_month(1900, 2), 28);
    cr_assert_eq(ms_days_in_month(2000, 2), 29);
    cr_assert_eq(ms_days_in_month(2024, 13), 0);
    cr_assert_eq(ms_days_in_month(2024, 0), 0);
}

Test(period, civil_dates_of_known_day_numbers)
{
    int y, m, d;
    ms_civil_from_day(0, &y, &m, &d);
    cr_assert(y == 1970 && m == 1 && d == 1);
    ms_civil_from_day(-1, &y, &m, &d);
    cr_assert(y == 1969 && m == 12 && d == 31);
    ms_civil_from_day(D(2000, 2, 29), &y, &m, &d);
    cr_assert(y == 2000 && m == 2 && d == 29);
    cr_assert_eq(D(2000, 1, 1), 10957);
    cr_assert_eq(D(1900, 1, 1), -25567);
    cr_assert_eq(D(2100, 3, 1) - D(2100, 2, 28), 1, "2100 is not a leap year");
}

Test(period, consecutive_days_have_consecutive_civil_dates)
{
    int py, pm, pd;
    ms_civil_from_day(D(1900, 1, 1) - 1, &py, &pm, &pd);
    cr_assert(py == 1899 && pm == 12 && pd == 31);
    for (int32_t day = D(1900, 1, 1); day <= D(2100, 12, 31); day++) {
        int y, m, d;
        ms_civil_from_day(day, &y, &m, &d);
        if (d == 1) {
            cr_assert_eq(pd, ms_days_in_month(py, pm), "day before %04d-%02d-01 is a month end", y, m);
            cr_assert(m == pm % 12 + 1 && y == py + (pm == 12));
        } else {
            cr_assert(y == py && m == pm && d == pd + 1);
        }
        py = y, pm = m, pd = d;
    }
}

Test(period, date_format_of_unknown_is_empty)
{
    char buf[16] = "x";
    cr_assert_eq(ms_date_format(MS_DAY_NONE, buf), 0);
    cr_assert_str_eq(buf, "");
    cr_assert_eq(ms_date_format(D(2024, 7, 5), buf), 10);
    cr_assert_str_eq(buf, "2024-07-05");
    cr_assert_eq(ms_date_format(D(-1, 12, 31), buf), 0, "year -1 has no four-digit form");
}

Test(period, date_parse_reads_only_its_span_and_no_more)
{
    int32_t d = 5;
    cr_assert_eq(ms_date_parse("2024-07-15T00:00", 10, &d), MS_OK);
    cr_assert_eq(d, D(2024, 7, 15));
    const char *bad[] = {"2024-07-15 ", " 2024-07-15", "2024/07/15", "2024-07-1", "", "2024-07-+1", "2024-7-015"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int32_t out = 5;
        cr_assert_eq(ms_date_parse(bad[i], strlen(bad[i]), &out), MS_ERR_DATA, "'%s' accepted", bad[i]);
        cr_assert_eq(out, 5, "output untouched");
    }
}

Test(period, semesters_equal_halves_and_ranges_of_mixed_forms_parse)
{
    cr_assert(ms_period_equal(P("2024-S1"), P("2024-H1")));
    cr_assert(ms_period_equal(P("2024-S2"), P("2024-07/2024-12")));
    cr_assert(ms_period_equal(P("2024-Q4"), P("2024-10-01/2024-12-31")));
    cr_assert(ms_period_equal(P("2023-Q4/2024-Q1"), ((ms_period){D(2023, 10, 1), D(2024, 3, 31)})));
    cr_assert(ms_period_equal(P("2024/2024-03"), P("2024-Q1")), "end taken from the second form");
    cr_assert(ms_period_equal(P("2024-07-15/2024-07-15"), P("2024-07-15")));
    cr_assert(ms_period_equal(P("2023-12-31/2024-01-01"), ((ms_period){D(2023, 12, 31), D(2024, 1, 1)})));
    cr_assert(ms_period_equal(P("0000"), ((ms_period){D(0, 1, 1), D(0, 12, 31)})));
    cr_assert(ms_period_equal(P("2024-02"), ((ms_period){D(2024, 2, 1), D(2024, 2, 29)})));
    cr_assert(ms_period_equal(P("2023M02"), ((ms_period){D(2023, 2, 1), D(2023, 2, 28)})));
}

Test(period, more_malformed_periods_are_rejected_and_leave_the_output_alone)
{
    const char *bad[] = {"2024Q5", "2024Q0", "2024M00", "2024-07-15/2024-07-14", "2024-H0", "2024-S0",
                         "2024-", "202", "2024-Q", "2024-07-", "2024//2024", "2024-07-15/", "2024M7",
                         "2024-Q3/2024-Q2", "2025/2024", "2024-H2/2024-H1", "abcd", "2024 /2025"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ms_period p = {1, 2};
        cr_assert_eq(ms_period_parse(bad[i], strlen(bad[i]), &p), MS_ERR_DATA, "'%s' accepted", bad[i]);
        cr_assert(p.start == 1 && p.end == 2, "'%s': output untouched", bad[i]);
    }
}

Test(period, parse_reads_only_the_given_span)
{
    ms_period p;
    cr_assert_eq(ms_period_parse("2024-Q3 and more", 7, &p), MS_OK);
    cr_assert(ms_period_equal(p, P("2024-Q3")));
    cr_assert_eq(ms_period_parse("2024-07", 4, &p), MS_OK);
    cr_assert(ms_period_equal(p, P("2024")));
}

Test(period, every_shortest_form_of_2024_round_trips)
{
    /* every month, quarter, half, every whole-month span and some day spans
     * of one leap year: parse(format(p)) == p, and the text is the shortest */
    for (int m0 = 1; m0 <= 12; m0++) {
        for (int m1 = m0; m1 <= 12; m1++) {
            ms_period p = {D(2024, m0, 1), D(2024, m1, ms_days_in_month(2024, m1))};
            const char *text = F(p);
            ms_period back;
            cr_assert_eq(ms_period_parse(text, strlen(text), &back), MS_OK, "'%s'", text);
            cr_assert(ms_period_equal(back, p), "'%s'", text);
            size_t want_len = m1 == m0 ? 7 : m1 - m0 == 11 ? 4 : 15;
            ms_period_grain g = ms_period_grain_of(p);
            if (g == MS_GRAIN_QUARTER || g == MS_GRAIN_HALF)
                want_len = 7;
            cr_assert_eq(strlen(text), want_len, "'%s' for months %d..%d", text, m0, m1);
        }
    }
    cr_assert_str_eq(F(P("2024-01-02/2024-01-31")), "2024-01-02/2024-01-31");
    cr_assert_str_eq(F(P("2024-02-01/2024-02-28")), "2024-02-01/2024-02-28", "Feb 2024 has 29 days");
    cr_assert_str_eq(F(P("2023-02-01/2023-02-28")), "2023-02");
    cr_assert_str_eq(F(P("2022-01-01/2024-12-31")), "2022/2024");
    cr_assert_str_eq(F(P("2023-07/2024-06")), "2023-07/2024-06");
    char buf[MS_PERIOD_BUFSZ];
    cr_assert_eq(ms_period_format((ms_period){D(2024, 2, 1), D(2024, 1, 1)}, buf), 0, "end before start");
    cr_assert_str_eq(buf, "");
    cr_assert_eq(ms_period_format((ms_period){D(2024, 2, 1), MS_DAY_NONE}, buf), 0, "half-unknown");
}

Test(period, grain_of_calendar_aligned_spans)
{
    cr_assert_eq(ms_period_grain_of(P("2024-01-01/2024-03-31")), MS_GRAIN_QUARTER);
    cr_assert_eq(ms_period_grain_of(P("2024-04/2024-06")), MS_GRAIN_QUARTER);
    cr_assert_eq(ms_period_grain_of(P("2024-10/2024-12")), MS_GRAIN_QUARTER);
    cr_assert_eq(ms_period_grain_of(P("2024-07/2024-12")), MS_GRAIN_HALF);
    cr_assert_eq(ms_period_grain_of(P("2024-04/2024-09")), MS_GRAIN_SPAN, "six months, not a half");
    cr_assert_eq(ms_period_grain_of(P("2024-01-01/2024-12-31")), MS_GRAIN_YEAR);
    cr_assert_eq(ms_period_grain_of(P("2023/2024")), MS_GRAIN_SPAN);
    cr_assert_eq(ms_period_grain_of(P("2023-12/2024-01")), MS_GRAIN_SPAN);
    cr_assert_eq(ms_period_grain_of(P("2024-02-01/2024-02-28")), MS_GRAIN_SPAN);
    cr_assert_eq(ms_period_grain_of(P("2024-02-01/2024-02-29")), MS_GRAIN_MONTH);
    cr_assert_eq(ms_period_grain_of(P("2024-01-01/2024-01-02")), MS_GRAIN_SPAN);
    cr_assert_eq(ms_period_grain_of((ms_period){D(2024, 1, 1), MS_DAY_NONE}), MS_GRAIN_NONE);
}

Test(period, shifting_a_span_ending_on_a_february_month_end_keeps_the_month_end)
{
    ms_period p = ms_period_shift_years(P("2023-02-10/2023-02-28"), 1);
    cr_assert(ms_period_equal(p, ((ms_period){D(2024, 2, 10), D(2024, 2, 29)})), "got %s", F(p));
    p = ms_period_shift_years(P("2023-02"), 1);
    cr_assert_str_eq(F(p), "2024-02");
    p = ms_period_shift_years(P("2024-02"), -1);
    cr_assert_str_eq(F(p), "2023-02");
    p = ms_period_shift_years(P("2024-02-29/2024-03-10"), -1);
    cr_assert(ms_period_equal(p, ((ms_period){D(2023, 2, 28), D(2023, 3, 10)})), "got %s", F(p));
    p = ms_period_shift_years(P("2024-02-29"), 4);
    cr_assert_str_eq(F(p), "2028-02-29");
    p = ms_period_shift_years(P("2023-02-28"), 1);
    cr_assert_str_eq(F(p), "2024-02-28", "a single day keeps its date, it is not a month end");
    p = ms_period_shift_years(P("2024-Q3"), -2);
    cr_assert_str_eq(F(p), "2022-Q3");
    p = ms_period_shift_years(P("2024-03-05/2024-04-20"), 0);
    cr_assert(ms_period_equal(p, P("2024-03-05/2024-04-20")), "a shift by 0 changes nothing");
    cr_assert(ms_period_is_none(ms_period_shift_years(ms_period_none(), 1)));
}

Test(period, shifting_every_month_span_there_and_back_gives_it_again)
{
    for (int y = 2019; y <= 2025; y++)
        for (int m0 = 1; m0 <= 12; m0++)
            for (int m1 = m0; m1 <= 12; m1++) {
                ms_period p = {D(y, m0, 1), D(y, m1, ms_days_in_month(y, m1))};
                for (int k = -5; k <= 5; k++) {
                    ms_period q = ms_period_shift_years(p, k);
                    cr_assert_eq(ms_period_grain_of(q), ms_period_grain_of(p));
                    cr_assert(ms_period_equal(ms_period_shift_years(q, -k), p), "%s by %d", F(p), k);
                }
            }
}

Test(period, previous_of_a_day_crosses_month_and_year_ends)
{
    cr_assert_str_eq(F(ms_period_previous(P("2024-01-01"))), "2023-12-31");
    cr_assert_str_eq(F(ms_period_previous(P("2023-03-01"))), "2023-02-28");
    cr_assert_str_eq(F(ms_period_previous(P("2024-07-15"))), "2024-07-14");
    cr_assert_str_eq(F(ms_period_previous(P("2024-H1"))), "2023-H2");
    cr_assert_str_eq(F(ms_period_previous(P("2024-Q3"))), "2024-Q2");
    cr_assert_str_eq(F(ms_period_previous(P("2024-01-01/2024-07-31"))), "2023-01/2023-07");
    cr_assert_str_eq(F(ms_period_previous(P("2024-03-05/2024-03-11"))), "2023-03-05/2023-03-11");
    cr_assert_str_eq(F(ms_period_previous(P("2023/2024"))), "2022/2023", "a multi-year span: a year earlier");
    cr_assert_str_eq(F(ms_period_previous(P("2025-03"))), "2025-02");
    cr_assert_str_eq(F(ms_period_previous(P("2024-12"))), "2024-11");
    cr_assert_str_eq(F(ms_period_previous(P("2024"))), "2023");
}

Test(period, previous_of_every_month_and_quarter_ends_the_day_before)
{
    for (int y = 1999; y <= 2026; y++)
        for (int m = 1; m <= 12; m++) {
            ms_period p = {D(y, m, 1), D(y, m, ms_days_in_month(y, m))};
            ms_period q = ms_period_previous(p);
            cr_assert_eq(q.end, p.start - 1);
            cr_assert_eq(ms_period_grain_of(q), MS_GRAIN_MONTH);
            if ((m - 1) % 3 == 0) {
                ms_period quarter = {D(y, m, 1), D(y, m + 2, ms_days_in_month(y, m + 2))};
                ms_period pq = ms_period_previous(quarter);
                cr_assert_eq(pq.end, quarter.start - 1);
                cr_assert_eq(ms_period_grain_of(pq), MS_GRAIN_QUARTER);
            }
        }
}

Test(period, unknown_periods_compare_first_and_never_contain_or_overlap)
{
    ms_period none = ms_period_none(), half = {D(2024, 1, 1), MS_DAY_NONE};
    cr_assert(ms_period_is_none(none));
    cr_assert(ms_period_is_none(half), "a period with one unknown end is unknown");
    cr_assert_not(ms_period_is_none(P("2024")));
    cr_assert_gt(ms_period_compare(P("2024"), none), 0);
    cr_assert_eq(ms_period_compare(half, none), 0);
    cr_assert_not(ms_period_contains(none, none));
    cr_assert_not(ms_period_contains(none, P("2024")));
    cr_assert_not(ms_period_overlaps(none, none));
    cr_assert_not(ms_period_overlaps(P("2024"), none));
    cr_assert_not(ms_period_overlaps(P("2024"), half));
    cr_assert(ms_period_equal(none, ms_period_none()));
    cr_assert_not(ms_period_equal(none, P("2024")));
}

Test(period, compare_orders_by_start_then_end)
{
    cr_assert_lt(ms_period_compare(P("2024-Q1"), P("2024-H1")), 0);
    cr_assert_gt(ms_period_compare(P("2024-H1"), P("2024-Q1")), 0);
    cr_assert_lt(ms_period_compare(P("2023/2025"), P("2024-01")), 0, "earlier start first, whatever the end");
    cr_assert_eq(ms_period_compare(P("2024-Q3"), P("2024-07/2024-09")), 0);
    cr_assert_not(ms_period_overlaps(P("2023-12-31"), P("2024-01-01")), "neighbouring days do not overlap");
    cr_assert(ms_period_overlaps(P("2023-12-31/2024-01-01"), P("2024")));
    cr_assert_not(ms_period_contains(P("2024"), P("2023-12-31/2024-01-01")));
    cr_assert(ms_period_contains(P("2024-Q3"), P("2024-08-15")));
    cr_assert(ms_period_overlaps(P("2024-08-15"), P("2024-Q3")), "symmetric");
}

Test(period, next_is_the_inverse_of_previous)
{
    const char *cases[][2] = {
        {"2024", "2025"},           {"2024-Q4", "2025-Q1"}, {"2024-H2", "2025-H1"},
        {"2024-12", "2025-01"},     {"2024-02", "2024-03"}, {"2024-02-28", "2024-02-29"},
        {"2024-01/2024-07", "2025-01/2025-07"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ms_period p = P(cases[i][0]), want = P(cases[i][1]);
        cr_assert(ms_period_equal(ms_period_next(p), want), "next of %s", cases[i][0]);
        cr_assert(ms_period_equal(ms_period_previous(want), p), "previous of %s", cases[i][1]);
    }
    cr_assert(ms_period_is_none(ms_period_next(ms_period_none())));
}
