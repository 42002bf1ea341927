/* test_text_periods.c — time expressions in news text: what is found, the
 * bytes each covers, its role (span, stock, base) and the days it resolves
 * to against the publication date, in English, Russian and German. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/text/periods.h"

#define MAXHITS 32

typedef struct found {
    const char *text;
    ms_period_hit h[MAXHITS];
    size_t n;
} found;

static int32_t day_of(const char *iso)
{
    if (!iso)
        return MS_DAY_NONE;
    int32_t d;
    cr_assert_eq(ms_date_parse(iso, strlen(iso), &d), MS_OK, "bad date '%s' in a test", iso);
    return d;
}

static found find(const char *text, const char *published)
{
    found f;
    memset(&f, 0, sizeof f);
    f.text = text;
    f.n = ms_text_find_periods(text, strlen(text), MS_LANG_EN, day_of(published), f.h, MAXHITS);
    cr_assert_leq(f.n, MAXHITS);
    return f;
}

/* The hit whose bytes are exactly `span`. */
static const ms_period_hit *hit(const found *f, const char *span)
{
    size_t len = strlen(span);
    for (size_t i = 0; i < f->n; i++)
        if (f->h[i].end - f->h[i].start == len && memcmp(f->text + f->h[i].start, span, len) == 0)
            return &f->h[i];
    for (size_t i = 0; i < f->n; i++)
        cr_log_error("  found [%.*s]", (int)(f->h[i].end - f->h[i].start), f->text + f->h[i].start);
    cr_assert_fail("no expression [%s] in \"%s\"", span, f->text);
    return NULL;
}

/* Asserts the expression `span` of `text` (published on `pub`) has
 * `role` and resolves to start..end (NULL: unknown). */
static void check(const char *text, const char *pub, const char *span, ms_period_role role,
                  const char *start, const char *end)
{
    found f = find(text, pub);
    const ms_period_hit *h = hit(&f, span);
    char a[16], b[16];
    ms_date_format(h->period.start, a);
    ms_date_format(h->period.end, b);
    cr_assert_eq(h->role, role, "[%s]: role %d, want %d", span, h->role, role);
    cr_assert_str_eq(a, start ? start : "", "[%s] starts %s", span, a);
    cr_assert_str_eq(b, end ? end : "", "[%s] ends %s", span, b);
    if (role != MS_PERIOD_ROLE_BASE)
        cr_assert(!h->relative_base);
}

static void span(const char *text, const char *pub, const char *s, const char *start, const char *end)
{
    check(text, pub, s, MS_PERIOD_ROLE_SPAN, start, end);
}

static void stock(const char *text, const char *pub, const char *s, const char *day)
{
    check(text, pub, s, MS_PERIOD_ROLE_STOCK, day, day);
}

static void base_abs(const char *text, const char *pub, const char *s, const char *start, const char *end)
{
    check(text, pub, s, MS_PERIOD_ROLE_BASE, start, end);
    found f = find(text, pub);
    cr_assert(!hit(&f, s)->relative_base, "[%s] should be an absolute base", s);
}

static void base_rel(const char *text, const char *pub, const char *s)
{
    check(text, pub, s, MS_PERIOD_ROLE_BASE, NULL, NULL);
    found f = find(text, pub);
    cr_assert(hit(&f, s)->relative_base, "[%s] should be a relative base", s);
}

static void none_found(const char *text, const char *pub)
{
    found f = find(text, pub);
    for (size_t i = 0; i < f.n; i++)
        cr_log_error("  found [%.*s]", (int)(f.h[i].end - f.h[i].start), text + f.h[i].start);
    cr_assert_eq(f.n, 0, "\"%s\" has no time expression", text);
}

/* ------------------------------------------------------------ English */

Test(periods_en, year_after_in_and_alone_before_punctuation)
{
    span("Police made 812 arrests in 2022, officials said.", "2023-03-01", "in 2022", "2022-01-01",
         "2022-12-31");
    span("Totals for 2021: 4,100 cases.", "2023-03-01", "for 2021", "2021-01-01", "2021-12-31");
    span("The tally reached 9,000 by the end of the year and 12,000 in 2019.", "2023-03-01", "in 2019",
         "2019-01-01", "2019-12-31");
}

Test(periods_en, month_with_and_without_year_leap_february)
{
    span("Arrivals peaked in February 2024.", "2024-06-01", "in February 2024", "2024-02-01", "2024-02-29");
    span("Arrivals peaked in February 2023.", "2024-06-01", "in February 2023", "2023-02-01", "2023-02-28");
    /* a month without a year: the latest one begun by publication */
    span("Arrivals peaked in February.", "2024-06-01", "in February", "2024-02-01", "2024-02-29");
    span("Arrivals peaked in August.", "2024-06-01", "in August", "2023-08-01", "2023-08-31");
    span("Detentions in June alone reached 700.", "2024-06-20", "in June", "2024-06-01", "2024-06-30");
}

Test(periods_en, month_range_words_and_dashes)
{
    span("From January to July 2024, 3,300 people were removed.", "2024-09-01", "From January to July 2024",
         "2024-01-01", "2024-07-31");
    span("Removals in January–July rose.", "2024-08-20", "in January–July", "2024-01-01", "2024-07-31");
    span("Jan-Jul figures were published.", "2024-08-20", "Jan-Jul", "2024-01-01", "2024-07-31");
    span("The data cover September through December 2023.", "2024-02-01", "September through December 2023",
         "2023-09-01", "2023-12-31");
    span("He was held between March and May.", "2024-06-10", "between March and May", "2024-03-01",
         "2024-05-31");
}

Test(periods_en, yearless_range_takes_latest_span_ended_by_publication)
{
    /* both sides of the boundary: July must be over */
    span("from January to July, 5,000 were refused", "2024-08-20", "from January to July", "2024-01-01",
         "2024-07-31");
    span("from January to July, 5,000 were refused", "2024-05-01", "from January to July", "2023-01-01",
         "2023-07-31");
    span("from January to July, 5,000 were refused", "2024-07-31", "from January to July", "2024-01-01",
         "2024-07-31");
}

Test(periods_en, wrapping_month_range_starts_the_year_before)
{
    span("From November to February 2024, 900 were held.", "2024-05-01", "From November to February 2024",
         "2023-11-01", "2024-02-29");
}

Test(periods_en, first_n_months)
{
    span("In the first seven months of 2024, 8,000 left.", "2024-09-01", "In the first seven months of 2024",
         "2024-01-01", "2024-07-31");
    span("over the first 11 months of the year", "2023-12-20", "over the first 11 months of the year",
         "2023-01-01", "2023-11-30");
    span("in the first eleven months", "2023-11-15", "in the first eleven months", "2022-01-01",
         "2022-11-30");
    span("during the first three months of this year", "2024-05-01",
         "during the first three months of this year", "2024-01-01", "2024-03-31");
}

Test(periods_en, last_n_months_of_a_year)
{
    span("Crossings tripled in the last four months of 2023.", "2024-01-20",
         "in the last four months of 2023", "2023-09-01", "2023-12-31");
    span("the last two months of last year", "2024-01-20", "the last two months of last year", "2023-11-01",
         "2023-12-31");
}

Test(periods_en, quarters)
{
    span("in the first quarter, 1,200 were expelled", "2024-04-25", "in the first quarter", "2024-01-01",
         "2024-03-31");
    span("in the first quarter, 1,200 were expelled", "2024-03-20", "in the first quarter", "2023-01-01",
         "2023-03-31");
    span("In the fourth quarter of 2023 the rate rose.", "2024-03-14", "In the fourth quarter of 2023",
         "2023-10-01", "2023-12-31");
    span("Q1 2024 saw 300 returns.", "2024-06-01", "Q1 2024", "2024-01-01", "2024-03-31");
    span("returns fell in Q3.", "2024-11-01", "in Q3", "2024-07-01", "2024-09-30");
    span("in the 2nd quarter of 2022", "2024-11-01", "in the 2nd quarter of 2022", "2022-04-01",
         "2022-06-30");
}

Test(periods_en, halves)
{
    span("in the first half of the year", "2024-07-19", "in the first half of the year", "2024-01-01",
         "2024-06-30");
    span("in the second half of 2023", "2024-07-19", "in the second half of 2023", "2023-07-01", "2023-12-31");
    span("H1 2022 figures", "2024-07-19", "H1 2022", "2022-01-01", "2022-06-30");
}

Test(periods_en, since_the_beginning_of_the_year_and_this_year)
{
    span("Since the beginning of the year, 2,000 were held.", "2024-08-21",
         "Since the beginning of the year", "2024-01-01", "2024-08-21");
    span("That is the third such flight this year.", "2023-09-14", "this year", "2023-01-01", "2023-09-14");
    span("since the start of 2023", "2024-02-10", "since the start of 2023", "2023-01-01", "2024-02-10");
}

Test(periods_en, since_a_day_or_a_month_runs_to_publication)
{
    span("Since February 5, 900 people were expelled.", "2025-04-10", "Since February 5", "2025-02-05",
         "2025-04-10");
    span("Many have left since March.", "2024-05-02", "since March", "2024-03-01", "2024-05-02");
    span("The crossing has been shut since November 30.", "2024-01-09", "since November 30", "2023-11-30",
         "2024-01-09");
}

Test(periods_en, single_days)
{
    span("On May 30, about 300 travellers were held.", "2024-07-19", "On May 30", "2024-05-30", "2024-05-30");
    span("A flight left on 12 September 2022 with 23 people.", "2024-01-01", "on 12 September 2022",
         "2022-09-12", "2022-09-12");
    /* a day after publication belongs to the year before */
    span("on June 5 a charter left", "2024-06-03", "on June 5", "2023-06-05", "2023-06-05");
    span("the March 3rd raid", "2024-06-03", "the March 3rd", "2024-03-03", "2024-03-03");
}

Test(periods_en, weekdays_resolve_to_latest_on_or_before_publication)
{
    /* 2024-09-26 is a Thursday */
    span("Police said on Wednesday that 41 were held.", "2024-09-26", "on Wednesday", "2024-09-25",
         "2024-09-25");
    span("The ministry said on Friday.", "2024-09-26", "on Friday", "2024-09-20", "2024-09-20");
    span("The ministry said on Thursday.", "2024-09-26", "on Thursday", "2024-09-26", "2024-09-26");
    span("The ministry said Monday.", "2024-09-26", "Monday", "2024-09-23", "2024-09-23");
}

Test(periods_en, nights)
{
    span("Some 80 workers were detained in the night from June 3 to June 4.", "2024-06-10",
         "in the night from June 3 to June 4", "2024-06-03", "2024-06-04");
    span("during the night of 3-4 June", "2024-06-10", "during the night of 3-4 June", "2024-06-03",
         "2024-06-04");
}

Test(periods_en, past_week_and_past_days)
{
    span("In the past week, 1,000 were turned back.", "2024-03-27", "In the past week", "2024-03-21",
         "2024-03-27");
    span("over the past 10 days", "2024-03-27", "over the past 10 days", "2024-03-18", "2024-03-27");
}

Test(periods_en, past_n_years_are_whole_calendar_years)
{
    span("Over the past two years, 1.5 million were refused.", "2025-02-20", "Over the past two years",
         "2023-01-01", "2024-12-31");
    span("in the last three years", "2025-02-20", "in the last three years", "2022-01-01", "2024-12-31");
}

Test(periods_en, last_year_and_last_month)
{
    span("Last year 41,200 were expelled.", "2024-06-03", "Last year", "2023-01-01", "2023-12-31");
    span("Return decisions last year topped 400,000.", "2025-01-03", "last year", "2024-01-01", "2024-12-31");
    span("Arrests rose last month.", "2024-01-15", "last month", "2023-12-01", "2023-12-31");
}

Test(periods_en, fiscal_years)
{
    span("ICE removed 250,000 people in fiscal year 2024.", "2025-01-15", "in fiscal year 2024", "2023-10-01",
         "2024-09-30");
    span("FY2023 arrests", "2025-01-15", "FY2023", "2022-10-01", "2023-09-30");
    span("arrests in FY 2022", "2025-01-15", "in FY 2022", "2021-10-01", "2022-09-30");
    span("in fiscal 2021", "2025-01-15", "in fiscal 2021", "2020-10-01", "2021-09-30");
}

Test(periods_en, year_ending)
{
    span("There were 9,000 returns in the year ending June 2024.", "2024-08-22",
         "in the year ending June 2024", "2023-07-01", "2024-06-30");
    span("in the year ending September 2024", "2024-11-28", "in the year ending September 2024",
         "2023-10-01", "2024-09-30");
    span("in the 12 months to March", "2024-05-23", "in the 12 months to March", "2023-04-01", "2024-03-31");
}

Test(periods_en, year_ranges)
{
    span("Between 2015 and 2023, 40,000 were deported.", "2024-05-01", "Between 2015 and 2023", "2015-01-01",
         "2023-12-31");
    span("the 2021-2023 programme", "2024-05-01", "the 2021-2023", "2021-01-01", "2023-12-31");
    span("in 2022–23 the backlog grew", "2024-05-01", "in 2022–23", "2022-01-01", "2023-12-31");
}

Test(periods_en, stocks)
{
    stock("1.1 million held permits as of October 1.", "2024-10-30", "as of October 1", "2024-10-01");
    stock("The list held 286,000 names as of January 1, 2024.", "2024-06-03", "as of January 1, 2024",
          "2024-01-01");
    stock("about 450,000 at the start of the year", "2024-12-05", "at the start of the year", "2024-01-01");
    stock("There are now 300 people in the centre.", "2024-10-03", "now", "2024-10-03");
    stock("Currently 300 are held.", "2024-10-03", "Currently", "2024-10-03");
    stock("at the end of 2023, 500 were registered", "2024-10-03", "at the end of 2023", "2023-12-31");
}

Test(periods_en, relative_bases)
{
    base_rel("up 55% from the same period last year", "2023-08-30", "from the same period last year");
    base_rel("up 53 percent on the same time last year", "2024-10-08", "on the same time last year");
    base_rel("24,000 more than a year earlier", "2024-06-03", "a year earlier");
    base_rel("down 23% from a year ago", "2024-06-03", "from a year ago");
    base_rel("11% fewer than the year before", "2024-11-28", "the year before");
    base_rel("24 per cent more than in the previous year", "2024-11-28", "in the previous year");
    base_rel("down 5% year-on-year", "2024-11-28", "year-on-year");
    base_rel("a rise of a third on the same period last year", "2024-06-20",
             "on the same period last year");
}

Test(periods_en, than_last_year_is_relative_but_whole_of_last_year_is_not)
{
    base_rel("more than last year", "2024-06-03", "last year");
    base_rel("dropped 44 percent compared to last year", "2024-10-08", "last year");
    base_abs("more than in the whole of last year", "2024-03-01", "in the whole of last year", "2023-01-01",
             "2023-12-31");
    base_abs("three times more than the whole of 2023", "2024-09-02", "the whole of 2023", "2023-01-01",
             "2023-12-31");
}

Test(periods_en, same_period_naming_a_year_keeps_it)
{
    found f = find("up 10% compared with the same quarter of 2022", "2024-03-14");
    const ms_period_hit *h = hit(&f, "the same quarter of 2022");
    cr_assert_eq(h->role, MS_PERIOD_ROLE_BASE);
    cr_assert(h->relative_base);
    cr_assert_eq(h->base_year, 2022);
}

Test(periods_en, same_period_without_a_comparison_is_no_base)
{
    /* "in the same period" alone points back at the current period */
    none_found("In the same period, 7,300 were turned back.", "2024-06-20");
    base_rel("halved compared with the same period", "2024-06-20", "the same period");
}

Test(periods_en, absolute_bases_from_comparison_words)
{
    base_abs("4,500 fewer than in 2019", "2023-09-14", "in 2019", "2019-01-01", "2019-12-31");
    base_abs("refusals rose 38% on 2021", "2023-09-14", "on 2021", "2021-01-01", "2021-12-31");
    base_abs("halved compared with 2021", "2023-09-14", "2021", "2021-01-01", "2021-12-31");
    base_abs("three times more than in January–March 2024", "2025-04-10", "in January–March 2024",
             "2024-01-01", "2024-03-31");
    base_abs("up 8% compared with the first quarter of 2023", "2024-06-20", "the first quarter of 2023",
             "2023-01-01", "2023-03-31");
    base_abs("twice as many in 2023 as in 2022", "2024-06-03", "in 2022", "2022-01-01", "2022-12-31");
    span("twice as many in 2023 as in 2022", "2024-06-03", "in 2023", "2023-01-01", "2023-12-31");
    base_abs("about 3 percent fewer than in FY2023", "2025-01-15", "in FY2023", "2022-10-01", "2023-09-30");
}

Test(periods_en, from_a_number_in_a_year_to_another)
{
    base_abs("Removals rose from 500 in 2022 to 800 in 2023.", "2024-02-01", "in 2022", "2022-01-01",
             "2022-12-31");
    span("Removals rose from 500 in 2022 to 800 in 2023.", "2024-02-01", "in 2023", "2023-01-01",
         "2023-12-31");
}

Test(periods_en, several_expressions_in_order)
{
    const char *t = "In April 2024, 1,200 were detained, compared with 800 in the same period a year "
                    "earlier, and 2,000 more since May 1.";
    found f = find(t, "2024-06-01");
    cr_assert_eq(f.n, 3);
    cr_assert_lt(f.h[0].end, f.h[1].start);
    cr_assert_lt(f.h[1].end, f.h[2].start);
    cr_assert_eq(f.h[0].role, MS_PERIOD_ROLE_SPAN);
    cr_assert_eq(f.h[1].role, MS_PERIOD_ROLE_BASE);
    cr_assert(f.h[1].relative_base);
    span(t, "2024-06-01", "since May 1", "2024-05-01", "2024-06-01");
}

Test(periods_en, years_that_are_not_times)
{
    none_found("More than 2000 people were checked.", "2024-06-01");
    none_found("Decree No. 2024 was signed.", "2024-06-01");
    none_found("See /news/2024/12/05/84417 for details", "2024-06-01");
    none_found("It grew by 2024% overnight.", "2024-06-01");
    none_found("a total of 12 2024 items", "2024-06-01");
    none_found("The 2024 Olympics drew crowds.", "2024-06-01");
}

Test(periods_en, numbers_that_are_not_dates)
{
    none_found("He was 44 and had worked for 11 years; the flight took 12 hours.", "2024-06-01");
    none_found("Call +7 (495) 555-01-23 or 1-800-555-0142, open 24/7. Page 1 of 2.", "2024-06-01");
    none_found("It was the 20th session and the first charter.", "2024-06-01");
    none_found("Theresa May said the plan may fail.", "2024-06-01");
}

Test(periods_en, spans_cover_the_numbers_inside)
{
    const char *t = "Between 1 and 10 November, 37 people were held; in the first 11 months, 900.";
    found f = find(t, "2024-12-20");
    const ms_period_hit *a = hit(&f, "Between 1 and 10 November");
    const ms_period_hit *b = hit(&f, "in the first 11 months");
    const char *one = strstr(t, "1 and"), *ten = strstr(t, "10 N"), *eleven = strstr(t, "11 m");
    cr_assert((size_t)(one - t) >= a->start && (size_t)(ten - t) + 2 <= a->end);
    cr_assert((size_t)(eleven - t) >= b->start && (size_t)(eleven - t) + 2 <= b->end);
    span(t, "2024-12-20", "Between 1 and 10 November", "2024-11-01", "2024-11-10");
}

Test(periods_en, unknown_publication_date)
{
    /* stated dates still resolve; relative ones are found but unknown */
    span("in March 2023", NULL, "in March 2023", "2023-03-01", "2023-03-31");
    span("last year", NULL, "last year", NULL, NULL);
    span("since the beginning of the year", NULL, "since the beginning of the year", NULL, NULL);
    span("in the first quarter", NULL, "in the first quarter", NULL, NULL);
    span("on Wednesday", NULL, "on Wednesday", NULL, NULL);
    stock("now", NULL, "now", NULL);
    base_rel("than a year earlier", NULL, "a year earlier");
}

/* ------------------------------------------------------------ Russian */

Test(periods_ru, years_with_god_and_g)
{
    span("В 2023 году выдворено 1 500 человек.", "2024-01-22", "В 2023 году", "2023-01-01", "2023-12-31");
    span("за 2022 год возбуждено 400 дел", "2024-01-22", "за 2022 год", "2022-01-01", "2022-12-31");
    span("показатели 2024 г. выросли", "2024-09-01", "2024 г.", "2024-01-01", "2024-12-31");
    span("в 2021-м их было меньше", "2024-09-01", "в 2021-м", "2021-01-01", "2021-12-31");
}

Test(periods_ru, month_ranges_in_all_cases)
{
    span("В январе–июле 2024 года выслано 20 тыс.", "2024-08-20", "В январе–июле 2024 года", "2024-01-01",
         "2024-07-31");
    span("в январе-июле выдано 300 тыс. патентов", "2024-08-20", "в январе-июле", "2024-01-01",
         "2024-07-31");
    span("С января по ноябрь полиция провела 5 тыс. рейдов", "2024-12-27", "С января по ноябрь",
         "2024-01-01", "2024-11-30");
    span("за январь–март выдано 60 тыс.", "2024-05-16", "за январь–март", "2024-01-01", "2024-03-31");
    span("январь–июнь 2023 г.", "2024-08-08", "январь–июнь 2023 г.", "2023-01-01", "2023-06-30");
}

Test(periods_ru, n_months_in_words_and_digits)
{
    span("За семь месяцев выдворено 10 тыс.", "2024-08-20", "За семь месяцев", "2024-01-01", "2024-07-31");
    span("за 11 месяцев задержано 60 тыс.", "2024-12-27", "за 11 месяцев", "2024-01-01", "2024-11-30");
    span("по итогам девяти месяцев 2023 года", "2024-01-10", "по итогам девяти месяцев 2023 года",
         "2023-01-01", "2023-09-30");
    span("за первые пять месяцев", "2024-06-25", "за первые пять месяцев", "2024-01-01", "2024-05-31");
}

Test(periods_ru, quarters_roman_and_ordinal)
{
    span("в I квартале 2024 года выехали 9 тыс.", "2024-04-02", "в I квартале 2024 года", "2024-01-01",
         "2024-03-31");
    span("в первом квартале", "2024-04-02", "в первом квартале", "2024-01-01", "2024-03-31");
    span("в первом квартале", "2024-03-29", "в первом квартале", "2023-01-01", "2023-03-31");
    span("во 2-м квартале 2023 г.", "2024-04-02", "во 2-м квартале 2023 г.", "2023-04-01", "2023-06-30");
    span("в IV кв. 2022 г.", "2024-04-02", "в IV кв. 2022 г.", "2022-10-01", "2022-12-31");
}

Test(periods_ru, halves)
{
    span("за первое полугодие выдано 31 тыс.", "2024-08-08", "за первое полугодие", "2024-01-01",
         "2024-06-30");
    span("в первом полугодии 2024 г.", "2024-08-08", "в первом полугодии 2024 г.", "2024-01-01",
         "2024-06-30");
    span("во втором полугодии", "2024-08-08", "во втором полугодии", "2023-07-01", "2023-12-31");
}

Test(periods_ru, from_the_beginning_of_the_year)
{
    span("С начала года проведено 1,2 тыс. рейдов.", "2024-04-12", "С начала года", "2024-01-01",
         "2024-04-12");
    span("с начала 2023 года", "2024-04-12", "с начала 2023 года", "2023-01-01", "2024-04-12");
    span("в этом году", "2024-04-12", "в этом году", "2024-01-01", "2024-04-12");
    span("До конца года планируется 30 тыс.", "2024-04-02", "До конца года", "2024-04-02", "2024-12-31");
}

Test(periods_ru, last_year_words)
{
    span("В минувшем году покинули 104 тыс.", "2025-01-28", "В минувшем году", "2024-01-01", "2024-12-31");
    span("в прошлом году лишено 800 человек", "2025-02-20", "в прошлом году", "2024-01-01", "2024-12-31");
    span("в декабре прошлого года", "2025-02-20", "в декабре прошлого года", "2024-12-01", "2024-12-31");
}

Test(periods_ru, days_since_and_day_ranges)
{
    span("26 марта отказано 116 пассажирам", "2024-03-27", "26 марта", "2024-03-26", "2024-03-26");
    span("С 5 февраля выслано 4 тыс.", "2025-03-14", "С 5 февраля", "2025-02-05", "2025-03-14");
    span("с 1 по 10 ноября проверено 18 тыс.", "2024-11-18", "с 1 по 10 ноября", "2024-11-01", "2024-11-10");
    span("С 5 февраля по 10 марта выслано 4 218", "2025-03-14", "С 5 февраля по 10 марта", "2025-02-05",
         "2025-03-10");
    span("1-7 декабря задержано 2 тыс.", "2024-12-10", "1-7 декабря", "2024-12-01", "2024-12-07");
    span("с 1 января по 30 августа 2024 года", "2024-09-02", "с 1 января по 30 августа 2024 года",
         "2024-01-01", "2024-08-30");
}

Test(periods_ru, nights)
{
    span("в ночь на 11 апреля задержаны 38 человек", "2024-04-12", "в ночь на 11 апреля", "2024-04-10",
         "2024-04-11");
    span("в ночь на 1 января", "2024-04-12", "в ночь на 1 января", "2023-12-31", "2024-01-01");
    span("в ночь с 3 на 4 мая", "2024-05-10", "в ночь с 3 на 4 мая", "2024-05-03", "2024-05-04");
}

Test(periods_ru, past_week_and_past_years)
{
    span("за последнюю неделю отказано 1 000", "2024-03-27", "за последнюю неделю", "2024-03-21",
         "2024-03-27");
    span("за последние два года отказано 1,5 млн", "2025-02-20", "за последние два года", "2023-01-01",
         "2024-12-31");
}

Test(periods_ru, stocks)
{
    stock("По состоянию на 1 июля 2024 года в списке 262 тыс.", "2024-07-15",
          "По состоянию на 1 июля 2024 года", "2024-07-01");
    stock("На 1 августа действовало 1,5 млн патентов", "2024-08-20", "На 1 августа", "2024-08-01");
    stock("В начале года их было 225 тысяч", "2024-07-15", "В начале года", "2024-01-01");
    stock("на начало 2024 года", "2024-07-15", "на начало 2024 года", "2024-01-01");
    stock("сейчас в центре 300 человек", "2024-10-03", "сейчас", "2024-10-03");
    stock("в настоящее время действуют 22 протокола", "2024-06-25", "в настоящее время", "2024-06-25");
}

Test(periods_ru, relative_bases)
{
    base_rel("на 45% больше, чем за аналогичный период прошлого года", "2024-08-20",
             "за аналогичный период прошлого года");
    base_rel("на треть больше, чем за тот же период прошлого года", "2024-10-03",
             "за тот же период прошлого года");
    base_rel("на 28% меньше, чем годом ранее", "2024-08-20", "годом ранее");
    base_rel("втрое больше, чем год назад", "2024-04-02", "год назад");
    base_rel("выросло по сравнению с аналогичным периодом прошлого года", "2024-11-18",
             "аналогичным периодом прошлого года");
    base_rel("сократилось по сравнению с прошлым годом", "2023-06-30", "прошлым годом");
}

Test(periods_ru, two_years_ago_is_not_a_year_ago)
{
    found f = find("это было два года назад", "2024-06-01");
    for (size_t i = 0; i < f.n; i++)
        cr_assert(!f.h[i].relative_base, "два года назад is not one year back");
}

Test(periods_ru, absolute_bases)
{
    base_abs("вдвое больше, чем в 2023 году", "2025-01-28", "в 2023 году", "2023-01-01", "2023-12-31");
    base_abs("на 18 процентов больше, чем в 2022-м", "2024-02-05", "в 2022-м", "2022-01-01", "2022-12-31");
    base_abs("в пять раз больше, чем за весь 2023 год", "2024-09-02", "за весь 2023 год", "2023-01-01",
             "2023-12-31");
    base_abs("выросло против 1 января", "2024-07-15", "1 января", "2024-01-01", "2024-01-01");
    base_abs("по сравнению с 2021 годом", "2024-07-15", "2021 годом", "2021-01-01", "2021-12-31");
}

Test(periods_ru, case_prepositions_need_the_year_word)
{
    none_found("билет за 2000 рублей", "2024-06-01");
    none_found("до 2000 человек в сутки", "2024-06-01");
    none_found("итоги операции «Нелегал-2024»", "2024-06-01");
    none_found("по статье 2023 и приказу № 2024", "2024-06-01");
    none_found("в первом чтении на 20-м заседании", "2024-06-01");
    none_found("44-летний начальник, 18+", "2024-06-01");
}

Test(periods_ru, month_names_in_any_case_and_abbreviated)
{
    span("ЯНВАРЬ 2024", "2024-06-01", "ЯНВАРЬ 2024", "2024-01-01", "2024-01-31");
    span("к 15 мая 2024 г.", "2024-06-01", "15 мая 2024 г.", "2024-05-15", "2024-05-15");
    span("в мае", "2024-06-01", "в мае", "2024-05-01", "2024-05-31");
    span("янв. 2023 г.", "2024-06-01", "янв. 2023 г.", "2023-01-01", "2023-01-31");
    span("1 сент. 2023", "2024-06-01", "1 сент. 2023", "2023-09-01", "2023-09-01");
    span("в феврале 2024 года", "2024-06-01", "в феврале 2024 года", "2024-02-01", "2024-02-29");
}

/* ------------------------------------------------------------- German */

Test(periods_de, last_year_and_previous_year)
{
    span("Im vergangenen Jahr wurden 19.420 Menschen abgeschoben.", "2025-02-14", "Im vergangenen Jahr",
         "2024-01-01", "2024-12-31");
    span("Im Vorjahr waren es 16.000.", "2025-02-14", "Im Vorjahr", "2024-01-01", "2024-12-31");
    base_rel("ein Anstieg gegenüber dem Vorjahr", "2025-02-14", "dem Vorjahr");
    base_abs("fast doppelt so viele wie im gesamten Vorjahr", "2024-12-12", "im gesamten Vorjahr",
             "2023-01-01", "2023-12-31");
}

Test(periods_de, halves_quarters_months)
{
    span("Im ersten Halbjahr 2023 wurden 267.200 erteilt.", "2023-08-03", "Im ersten Halbjahr 2023",
         "2023-01-01", "2023-06-30");
    span("im ersten Quartal", "2024-05-10", "im ersten Quartal", "2024-01-01", "2024-03-31");
    span("im 3. Quartal 2023", "2024-05-10", "im 3. Quartal 2023", "2023-07-01", "2023-09-30");
    span("Von Januar bis Juli wurden 10.000 gezählt.", "2024-08-30", "Von Januar bis Juli", "2024-01-01",
         "2024-07-31");
    span("in den ersten sieben Monaten des Jahres", "2024-08-30", "in den ersten sieben Monaten des Jahres",
         "2024-01-01", "2024-07-31");
    span("im März 2024", "2024-08-30", "im März 2024", "2024-03-01", "2024-03-31");
    span("im Maerz", "2024-08-30", "im Maerz", "2024-03-01", "2024-03-31");
}

Test(periods_de, since_start_of_year_weekday_year)
{
    span("Seit Jahresbeginn gab es 230 Razzien.", "2024-09-26", "Seit Jahresbeginn", "2024-01-01",
         "2024-09-26");
    span("Die Polizei hat am Mittwoch 41 Personen festgenommen.", "2024-09-26", "am Mittwoch", "2024-09-25",
         "2024-09-25");
    span("im Jahr 2023 waren es 2.000", "2024-09-26", "im Jahr 2023", "2023-01-01", "2023-12-31");
    span("am 11. Dezember teilte sie mit", "2024-12-12", "am 11. Dezember", "2024-12-11", "2024-12-11");
}

Test(periods_de, stocks_and_bases)
{
    stock("Zum 30. Juni waren 13,4 Mio. erfasst.", "2023-08-03", "Zum 30. Juni", "2023-06-30");
    stock("Derzeit sind 300 Personen in Haft.", "2023-08-03", "Derzeit", "2023-08-03");
    base_rel("28,2 % mehr als im Vorjahreszeitraum", "2024-09-26", "im Vorjahreszeitraum");
    base_rel("im Vergleich zum Vorjahreszeitraum halbiert", "2023-08-03", "Vorjahreszeitraum");
    base_abs("rund 20 Prozent mehr als 2023.", "2025-02-14", "2023", "2023-01-01", "2023-12-31");
    base_abs("6,5 Prozent mehr als im ersten Halbjahr 2022", "2023-08-03", "im ersten Halbjahr 2022",
             "2022-01-01", "2022-06-30");
}

Test(periods_de, numeric_dates_and_document_numbers)
{
    span("Stichtag 24.02.2024", "2024-06-01", "24.02.2024", "2024-02-24", "2024-02-24");
    none_found("Drucksache 20/14321, Pressemitteilung Nr. 301", "2024-06-01");
    /* "vom" before a single date dates a document: that day, not "since" */
    span("Pressemitteilung vom 3. August 2023", "2024-06-01", "vom 3. August 2023", "2023-08-03",
         "2023-08-03");
}

/* ---------------------------------------------------------- robustness */

Test(periods_robust, counts_beyond_max_and_writes_no_more)
{
    const char *t = "in 2020, in 2021, in 2022, in 2023";
    ms_period_hit h[3];
    memset(h, 0xAB, sizeof h);
    ms_period_hit guard;
    memset(&guard, 0xCD, sizeof guard);
    size_t n = ms_text_find_periods(t, strlen(t), MS_LANG_EN, MS_DAY_NONE, h, 2);
    cr_assert_eq(n, 4);
    unsigned char *p = (unsigned char *)&h[2];
    for (size_t i = 0; i < sizeof h[2]; i++)
        cr_assert_eq(p[i], 0xAB, "hit 3 was written");
    cr_assert_eq(ms_text_find_periods(t, strlen(t), MS_LANG_EN, MS_DAY_NONE, NULL, 0), 4);
}

Test(periods_robust, never_reads_past_len)
{
    /* the text continues in memory, but len stops before the year */
    const char *t = "in 2023";
    found f;
    f.n = ms_text_find_periods(t, 5, MS_LANG_EN, day_of("2024-01-01"), f.h, MAXHITS);
    cr_assert_eq(f.n, 0);
    /* a heap copy without a terminator, checked by the sanitizers */
    const char *s = "за 11 месяцев 2024 года";
    size_t len = strlen(s);
    char *b = malloc(len);
    cr_assert_not_null(b);
    memcpy(b, s, len);
    for (size_t cut = 0; cut <= len; cut++)
        ms_text_find_periods(b, cut, MS_LANG_RU, day_of("2024-12-27"), f.h, MAXHITS);
    f.n = ms_text_find_periods(b, len, MS_LANG_RU, day_of("2024-12-27"), f.h, MAXHITS);
    cr_assert_eq(f.n, 1);
    cr_assert_eq(f.h[0].end, len);
    free(b);
}

Test(periods_robust, invalid_utf8_is_a_separator)
{
    const char t[] = "in\xff" "2023 \xd0 в\xc3 2022 году \xe2\x80";
    found f;
    f.text = t;
    f.n = ms_text_find_periods(t, sizeof t - 1, MS_LANG_RU, day_of("2024-01-01"), f.h, MAXHITS);
    for (size_t i = 0; i < f.n; i++)
        cr_assert_leq(f.h[i].end, sizeof t - 1);
    /* "в\xc3 2022 году": the bad byte is not a letter of "в" */
    size_t at = (size_t)(strstr(t + 8, "2022") - t);
    bool year = false;
    for (size_t i = 0; i < f.n; i++)
        if (f.h[i].start <= at && at + 4 <= f.h[i].end)
            year = true;
    cr_assert(year);
}

Test(periods_robust, random_bytes_do_not_crash)
{
    static const char *pieces[] = {"в ", "2024", " года", "январе", "–", "-", " по ", "1", ".", " ",
                                   "квартале", "first", "quarter", "of", "since", "\xd0", "\xff", "Jan",
                                   "на", "ночь", "с", "Q", "FY", "Vorjahr", "am", "Mittwoch", "31",
                                   "февраля", ",", "the", "same", "period", "last", "year", "\xe2\x80\x93"};
    unsigned seed = 12345;
    char *buf = malloc(4096);
    cr_assert_not_null(buf);
    ms_period_hit h[16];
    for (int round = 0; round < 3000; round++) {
        size_t len = 0;
        int parts = (int)(seed % 40);
        for (int i = 0; i < parts; i++) {
            seed = seed * 1103515245u + 12345u;
            if (seed % 3 == 0) {
                buf[len++] = (char)(seed >> 16);
            } else {
                const char *p = pieces[(seed >> 8) % (sizeof pieces / sizeof pieces[0])];
                size_t pl = strlen(p);
                memcpy(buf + len, p, pl);
                len += pl;
            }
        }
        seed = seed * 1103515245u + 12345u;
        int32_t pub = seed % 5 == 0 ? MS_DAY_NONE : ms_day_from_civil(1990 + (int)(seed % 60), 1 + (int)(seed % 12), 1 + (int)(seed % 28));
        size_t n = ms_text_find_periods(buf, len, MS_LANG_RU, pub, h, 16);
        size_t prev_end = 0;
        for (size_t i = 0; i < n && i < 16; i++) {
            cr_assert_leq(h[i].start, h[i].end);
            cr_assert_leq(h[i].end, len);
            cr_assert_geq(h[i].start, prev_end, "hits overlap");
            prev_end = h[i].end;
            if (!ms_period_is_none(h[i].period))
                cr_assert_leq(h[i].period.start, h[i].period.end, "[%.*s] inverted", (int)(h[i].end - h[i].start),
                              buf + h[i].start);
        }
    }
    free(buf);
}

Test(periods_robust, empty_and_digitless_text)
{
    ms_period_hit h[4];
    cr_assert_eq(ms_text_find_periods("", 0, MS_LANG_EN, MS_DAY_NONE, h, 4), 0);
    cr_assert_eq(ms_text_find_periods(NULL, 0, MS_LANG_EN, MS_DAY_NONE, h, 4), 0);
    none_found("The ministry said the officers of the service would continue their work in the region "
               "and at the border.",
               "2024-06-01");
}
