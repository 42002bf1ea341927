/* test_series.c — figures group into series by (metric, kind, place,
 * subject, source), ordered by period, and a period is found by calendar
 * value, not by position. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "core/series.h"

static ms_period per(const char *text)
{
    ms_period p;
    cr_assert_eq(ms_period_parse(text, strlen(text), &p), MS_OK, "bad period '%s'", text);
    return p;
}

static void add(ms_figure_set *set, const char *metric, const char *source,
                const char *period, double value, int64_t line)
{
    ms_figure f;
    ms_figure_init(&f);
    f.metric = metric;
    f.place = "RU";
    f.source = source;
    f.value = value;
    f.range = ms_interval_point(value);
    f.period = period ? per(period) : ms_period_none();
    f.line = line;
    cr_assert_eq(ms_figure_set_add(set, &f), MS_OK);
}

Test(series, figures_group_by_key_and_order_by_period_whatever_the_input_order)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add(&set, "deportations", "mvd", "2023", 3, 1);
    add(&set, "deportations", "fsb", "2021", 10, 1);
    add(&set, "deportations", "mvd", "2021", 1, 2);
    add(&set, "deportations", "mvd", "2022", 2, 3);
    add(&set, "entry_bans", "mvd", "2022", 20, 4);

    ms_series_set ss;
    size_t n_without = 99;
    cr_assert_eq(ms_series_group(&set, &ss, &n_without), MS_OK);
    cr_assert_eq(n_without, 0);
    cr_assert_eq(ss.count, 3);
    /* keys ordered: deportations/fsb, deportations/mvd, entry_bans/mvd */
    cr_assert_str_eq(ss.items[0].key.source, "fsb");
    cr_assert_str_eq(ss.items[1].key.source, "mvd");
    cr_assert_str_eq(ss.items[1].key.metric, "deportations");
    cr_assert_str_eq(ss.items[2].key.metric, "entry_bans");
    const ms_series *mvd = &ss.items[1];
    cr_assert_eq(mvd->count, 3);
    for (size_t i = 0; i < mvd->count; i++)
        cr_assert_eq(mvd->items[i]->value, (double)(i + 1), "item %zu out of order", i);
    ms_series_set_free(&ss);
    cr_assert_eq(ss.count, 0);
    ms_figure_set_free(&set);
}

Test(series, figures_without_a_period_are_counted_and_left_out)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add(&set, "deaths", "a", NULL, 5, 1);
    add(&set, "deaths", "a", "2024", 6, 2);
    add(&set, "deaths", "b", NULL, 7, 3);
    ms_series_set ss;
    size_t n_without = 0;
    cr_assert_eq(ms_series_group(&set, &ss, &n_without), MS_OK);
    cr_assert_eq(n_without, 2);
    cr_assert_eq(ss.count, 1);
    cr_assert_eq(ss.items[0].count, 1);
    cr_assert_eq(ss.items[0].items[0]->value, 6);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(series, missing_values_stay_in_the_series)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add(&set, "deaths", "a", "2023", NAN, 1);
    add(&set, "deaths", "a", "2024", 6, 2);
    ms_series_set ss;
    cr_assert_eq(ms_series_group(&set, &ss, NULL), MS_OK);
    cr_assert_eq(ss.count, 1);
    cr_assert_eq(ss.items[0].count, 2);
    cr_assert(isnan(ss.items[0].items[0]->value));
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(series, an_empty_set_gives_no_series)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    ms_series_set ss;
    size_t n_without = 7;
    cr_assert_eq(ms_series_group(&set, &ss, &n_without), MS_OK);
    cr_assert_eq(ss.count, 0);
    cr_assert_eq(n_without, 0);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(series, find_period_matches_the_calendar_period_not_the_position)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add(&set, "deaths", "a", "2019", 1, 1);
    add(&set, "deaths", "a", "2020", 2, 2);
    add(&set, "deaths", "a", "2022", 4, 3);
    add(&set, "deaths", "a", "2022-Q1", 9, 4);
    ms_series_set ss;
    cr_assert_eq(ms_series_group(&set, &ss, NULL), MS_OK);
    const ms_series *s = &ss.items[0];
    cr_assert_eq(s->count, 4);
    cr_assert_null(ms_series_find_period(s, per("2021")));
    cr_assert_null(ms_series_find_period(s, per("2018")));
    cr_assert_null(ms_series_find_period(s, per("2023")));
    cr_assert_eq(ms_series_find_period(s, per("2022"))->value, 4);
    cr_assert_eq(ms_series_find_period(s, per("2022-Q1"))->value, 9);
    cr_assert_eq(ms_series_find_period(s, per("2019"))->value, 1);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(series, find_period_returns_the_lowest_line_when_a_period_repeats)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add(&set, "deaths", "a", "2024", 30, 30);
    add(&set, "deaths", "a", "2024", 10, 10);
    add(&set, "deaths", "a", "2023", 5, 50);
    add(&set, "deaths", "a", "2024", 20, 20);
    ms_series_set ss;
    cr_assert_eq(ms_series_group(&set, &ss, NULL), MS_OK);
    const ms_series *s = &ss.items[0];
    cr_assert_eq(ms_series_find_period(s, per("2024"))->line, 10);
    cr_assert_eq(s->items[1]->line, 10);
    cr_assert_eq(s->items[2]->line, 20);
    cr_assert_eq(s->items[3]->line, 30);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(series, key_compare_orders_fields_in_turn_with_null_first)
{
    ms_series_key a = {.metric = "deaths", .kind = MS_KIND_COUNT, .place = "RU", .source = "src"};
    ms_series_key b = a;
    cr_assert_eq(ms_series_key_compare(&a, &b), 0);
    b.subject = "TJ";
    cr_assert_lt(ms_series_key_compare(&a, &b), 0);
    cr_assert_gt(ms_series_key_compare(&b, &a), 0);
    b = a;
    b.kind = MS_KIND_PCT_CHANGE;
    cr_assert_lt(ms_series_key_compare(&a, &b), 0);
    b = a;
    b.metric = "arrests"; /* metric decides before place */
    b.place = "ZZ";
    cr_assert_gt(ms_series_key_compare(&a, &b), 0);
    b = a;
    b.breakdown = "sex=F"; /* a breakdown makes another series */
    b.source = "aaa";
    cr_assert_lt(ms_series_key_compare(&a, &b), 0);
}

Test(series, key_format_names_every_field_and_a_dash_for_what_is_not_given)
{
    ms_series_key k = {.metric = "deportations", .kind = MS_KIND_COUNT, .place = "RU", .source = "mvd"};
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_series_key_format(&k, &sb);
    cr_assert_str_eq(ms_strbuf_str(&sb), "deportations/count RU - mvd");
    ms_strbuf_free(&sb);
}
