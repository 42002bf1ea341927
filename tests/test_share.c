/* test_share.c — shares of a total (a citizenship among foreign citizens,
 * a region within its country, one metric within another) and rates per
 * capita, intervals divided end against opposite end. */
#include "diag_text.h"
#include "stats_expect.h"

static test_fig dep(const char *place, const char *subject, double value, double lo, double hi)
{
    return (test_fig){.metric = "deportations", .period = "2024", .value = value, .lo = lo,
                      .hi = hi, .place = place, .subject = subject};
}

/* 250 TJ citizens of [950, 1050] foreign citizens: 25 %, interval
 * 250/1050 x 100 = 23.809523809523807 to 250/950 x 100 = 26.31578947368421 */
Test(share, citizenship_among_foreign_citizens)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    ms_diag diag;
    ms_diag_init(&diag);
    add_fig(&set, dep("RU", "foreign_citizens", 1000, 950, 1050), 1);
    add_fig(&set, dep("RU", "TJ", 250, NAN, NAN), 2);
    add_fig(&set, dep("KZ", "UZ", 40, NAN, NAN), 3);
    cr_assert_eq(ms_stats_shares(&set, MS_SHARE_OF_SUBJECTS, NULL, NULL, &set, &diag), MS_OK);
    cr_assert_eq(set.count, 4, "one share, appended to the set it was read from");
    const ms_figure *f = ms_figure_set_find(&set, "derived:mvd#2:share");
    cr_assert_not_null(f);
    cr_assert_eq(f->kind, MS_KIND_SHARE);
    cr_assert_str_eq(f->unit, "percent");
    cr_assert_str_eq(f->metric, "deportations");
    cr_assert_str_eq(f->subject, "TJ");
    assert_rel(f->value, 25, 1e-15, "share");
    assert_range(f->range, 23.809523809523807, 26.31578947368421, "share interval");
    cr_assert_str_eq(f->inputs[0], "mvd#2");
    cr_assert_str_eq(f->inputs[1], "mvd#1");
    cr_assert_eq(diag.count, 1, "KZ has no total");
    cr_assert(strstr(diag.entries[0].reason, "'mvd#3'"), "%s", diag.entries[0].reason);
    ms_diag_free(&diag);
    ms_figure_set_free(&set);
}

Test(share, region_within_its_country_and_metric_within_metric)
{
    ms_figure_set set, out;
    ms_figure_set_init(&set);
    ms_figure_set_init(&out);
    ms_diag diag;
    ms_diag_init(&diag);
    add_fig(&set, dep("RU", NULL, 1000, NAN, NAN), 1);
    add_fig(&set, dep("RU-MOW", NULL, 300, NAN, NAN), 2);
    add_fig(&set, dep("RUS-X", NULL, 5, NAN, NAN), 3); /* not a region of RU */
    cr_assert_eq(ms_stats_shares(&set, MS_SHARE_OF_COUNTRY, NULL, NULL, &out, &diag), MS_OK);
    cr_assert_eq(out.count, 1);
    assert_rel(out.items[0].value, 30, 1e-15, "Moscow's share");
    cr_assert_str_eq(out.items[0].place, "RU-MOW");
    cr_assert_eq(diag.count, 1, "RUS-X has no country total");

    add_fig(&set, (test_fig){.metric = "expulsions", .period = "2024", .value = 100,
                             .lo = NAN, .hi = NAN, .place = "RU"}, 4);
    cr_assert_eq(ms_stats_shares(&set, MS_SHARE_OF_METRIC, "expulsions", "deportations", &out, &diag),
                 MS_OK);
    const ms_figure *f = &out.items[out.count - 1];
    cr_assert_str_eq(f->metric, "expulsions_of_deportations");
    assert_rel(f->value, 10, 1e-15, "100 of 1000");
    cr_assert_eq(ms_stats_shares(&set, MS_SHARE_OF_METRIC, NULL, "deportations", &out, &diag),
                 MS_ERR_USAGE);
    ms_diag_free(&diag);
    ms_figure_set_free(&out);
    ms_figure_set_free(&set);
}

Test(share, a_total_that_may_be_zero_is_reported)
{
    ms_figure_set set, out;
    ms_figure_set_init(&set);
    ms_figure_set_init(&out);
    ms_diag diag;
    ms_diag_init(&diag);
    add_fig(&set, dep("RU", "foreign_citizens", 3, 0, 5), 1);
    add_fig(&set, dep("RU", "TJ", 1, NAN, NAN), 2);
    cr_assert_eq(ms_stats_shares(&set, MS_SHARE_OF_SUBJECTS, NULL, NULL, &out, &diag), MS_OK);
    cr_assert_eq(out.count, 0);
    cr_assert_eq(diag.count, 1);
    cr_assert(strstr(diag.entries[0].reason, "contains 0"), "%s", diag.entries[0].reason);
    ms_diag_free(&diag);
    ms_figure_set_free(&out);
    ms_figure_set_free(&set);
}

/* 93 000 deportations in Jan-Jul 2024, population [145.5, 146.5] million
 * (146 million) for 2024: 93000 / 146e6 x 1e5 = 63.698630136986296, the
 * interval 93000/146.5e6 x 1e5 = 63.48122866894198 to 93000/145.5e6 x 1e5
 * = 63.91752577319588. */
Test(per_capita, deportations_per_100000_inhabitants)
{
    ms_figure_set set, out;
    ms_figure_set_init(&set);
    ms_figure_set_init(&out);
    ms_diag diag;
    ms_diag_init(&diag);
    add_fig(&set, (test_fig){.metric = "deportations", .period = "2024-01/2024-07", .value = 93000,
                             .lo = NAN, .hi = NAN, .subject = "foreign_citizens"}, 1);
    add_fig(&set, (test_fig){.metric = "population", .period = "2024", .value = 146e6,
                             .lo = 145.5e6, .hi = 146.5e6, .source = "rosstat"}, 2);
    add_fig(&set, (test_fig){.metric = "deportations", .period = "2024", .value = 10,
                             .lo = NAN, .hi = NAN, .place = "KZ"}, 3);
    cr_assert_eq(ms_stats_per_capita(&set, "population", 1e5, &out, &diag), MS_OK);
    cr_assert_eq(out.count, 1);
    const ms_figure *f = &out.items[0];
    cr_assert_eq(f->kind, MS_KIND_RATIO);
    cr_assert_str_eq(f->metric, "deportations");
    cr_assert_str_eq(f->unit, "per_100000_population");
    cr_assert_str_eq(f->id, "derived:mvd#1:per_capita");
    assert_rel(f->value, 63.698630136986296, 1e-14, "rate");
    assert_range(f->range, 63.48122866894198, 63.91752577319588, "rate interval");
    cr_assert_str_eq(f->inputs[1], "rosstat#2");
    cr_assert_eq(diag.count, 1, "no population for KZ");
    cr_assert_eq(ms_stats_per_capita(&set, "population", 0, &out, &diag), MS_ERR_USAGE);
    ms_diag_free(&diag);
    ms_figure_set_free(&out);
    ms_figure_set_free(&set);
}
