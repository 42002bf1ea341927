/* test_ratio.c — ratios pair figures of exactly the same period, place,
 * subject and source, divide their intervals, and report a denominator
 * that may be 0 or is absent instead of dividing. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "stats/stats.h"

static ms_period per(const char *text)
{
    ms_period p;
    cr_assert_eq(ms_period_parse(text, strlen(text), &p), MS_OK, "bad period '%s'", text);
    return p;
}

static void add(ms_figure_set *set, const char *id, const char *metric, const char *source,
                const char *period, double value)
{
    ms_figure f;
    ms_figure_init(&f);
    f.id = id;
    f.metric = metric;
    f.unit = "persons";
    f.place = "RU";
    f.source = source;
    f.value = value;
    f.range = isnan(value) ? f.range : ms_interval_point(value);
    f.period = per(period);
    cr_assert_eq(ms_figure_set_add(set, &f), MS_OK);
}

/* Does some diag entry mention every one of the given words? */
static bool diag_mentions(const ms_diag *d, const char *w1, const char *w2)
{
    for (size_t i = 0; i < d->count; i++) {
        const char *r = d->entries[i].reason;
        if (strstr(r, w1) && (!w2 || strstr(r, w2)))
            return true;
    }
    return false;
}

Test(ratio, figures_of_the_same_period_place_and_source_are_divided)
{
    ms_figure_set in, out;
    ms_figure_set_init(&in);
    ms_figure_set_init(&out);
    add(&in, "mvd#1", "deportations", "mvd", "2023", 100);
    add(&in, "mvd#2", "entry_denials", "mvd", "2023", 400);
    ms_diag d;
    ms_diag_init(&d);
    cr_assert_eq(ms_stats_ratio(&in, "deportations", "entry_denials", &out, &d), MS_OK);
    cr_assert_eq(out.count, 1);
    const ms_figure *r = &out.items[0];
    cr_assert_str_eq(r->metric, "deportations_per_entry_denials");
    cr_assert_eq(r->kind, MS_KIND_RATIO);
    cr_assert_str_eq(r->unit, "ratio");
    cr_assert_eq(r->value, 0.25);
    cr_assert_eq(r->range.lo, 0.25);
    cr_assert_eq(r->range.hi, 0.25);
    cr_assert(ms_period_equal(r->period, per("2023")));
    cr_assert_str_eq(r->place, "RU");
    cr_assert_str_eq(r->source, "mvd");
    cr_assert_eq(r->n_inputs, 2);
    cr_assert_str_eq(r->inputs[0], "mvd#1");
    cr_assert_str_eq(r->inputs[1], "mvd#2");
    cr_assert_str_eq(r->id, "derived:mvd#1:per:mvd#2");
    cr_assert_eq(d.n_warnings, 0);
    ms_diag_free(&d);
    ms_figure_set_free(&out);
    ms_figure_set_free(&in);
}

Test(ratio, different_periods_or_sources_are_not_paired_and_the_lone_numerator_is_named)
{
    ms_figure_set in, out;
    ms_figure_set_init(&in);
    ms_figure_set_init(&out);
    add(&in, "mvd#1", "deportations", "mvd", "2024", 100);
    add(&in, "mvd#2", "entry_denials", "mvd", "2023", 400);  /* other year */
    add(&in, "fsb#1", "entry_denials", "fsb", "2024", 500);  /* other source */
    add(&in, "mvd#3", "entry_denials", "mvd", "2024-Q1", 80); /* other period */
    ms_diag d;
    ms_diag_init(&d);
    cr_assert_eq(ms_stats_ratio(&in, "deportations", "entry_denials", &out, &d), MS_OK);
    cr_assert_eq(out.count, 0);
    cr_assert_eq(d.n_warnings, 1);
    cr_assert(diag_mentions(&d, "'mvd#1'", "'entry_denials'"));
    ms_diag_free(&d);
    ms_figure_set_free(&out);
    ms_figure_set_free(&in);
}

Test(ratio, matching_is_per_period_in_a_longer_series)
{
    ms_figure_set in, out;
    ms_figure_set_init(&in);
    ms_figure_set_init(&out);
    add(&in, "n22", "deportations", "mvd", "2022", 30);
    add(&in, "n23", "deportations", "mvd", "2023", 60);
    add(&in, "n24", "deportations", "mvd", "2024", 90);
    add(&in, "d24", "entry_denials", "mvd", "2024", 300);
    add(&in, "d22", "entry_denials", "mvd", "2022", 150);
    ms_diag d;
    ms_diag_init(&d);
    cr_assert_eq(ms_stats_ratio(&in, "deportations", "entry_denials", &out, &d), MS_OK);
    cr_assert_eq(out.count, 2);
    cr_assert_str_eq(out.items[0].inputs[1], "d22");
    cr_assert_eq(out.items[0].value, 0.2);
    cr_assert_str_eq(out.items[1].inputs[1], "d24");
    cr_assert_eq(out.items[1].value, 0.3);
    cr_assert(diag_mentions(&d, "'n23'", NULL), "2023 has no denominator");
    ms_diag_free(&d);
    ms_figure_set_free(&out);
    ms_figure_set_free(&in);
}

Test(ratio, a_denominator_that_may_be_zero_is_warned_about_naming_both_ids)
{
    ms_figure_set in, out;
    ms_figure_set_init(&in);
    ms_figure_set_init(&out);
    add(&in, "mvd#1", "deportations", "mvd", "2023", 10);
    add(&in, "mvd#2", "entry_denials", "mvd", "2023", 0);
    ms_diag d;
    ms_diag_init(&d);
    cr_assert_eq(ms_stats_ratio(&in, "deportations", "entry_denials", &out, &d), MS_OK);
    cr_assert_eq(out.count, 0, "no figure, and certainly no inf");
    cr_assert_eq(d.n_warnings, 1);
    cr_assert(diag_mentions(&d, "'mvd#1'", "'mvd#2'"));
    ms_diag_free(&d);
    ms_figure_set_free(&out);
    ms_figure_set_free(&in);
}

Test(ratio, a_missing_denominator_is_not_stated_and_gives_no_ratio)
{
    ms_figure_set in, out;
    ms_figure_set_init(&in);
    ms_figure_set_init(&out);
    add(&in, "mvd#1", "deportations", "mvd", "2023", 10);
    add(&in, "mvd#2", "entry_denials", "mvd", "2023", NAN);
    ms_diag d;
    ms_diag_init(&d);
    cr_assert_eq(ms_stats_ratio(&in, "deportations", "entry_denials", &out, &d), MS_OK);
    cr_assert_eq(out.count, 0);
    cr_assert(diag_mentions(&d, "'mvd#1'", NULL));
    ms_diag_free(&d);
    ms_figure_set_free(&out);
    ms_figure_set_free(&in);
}

Test(ratio, hedged_inputs_give_the_interval_of_the_quotient)
{
    ms_figure_set in, out;
    ms_figure_set_init(&in);
    ms_figure_set_init(&out);
    add(&in, "a", "deportations", "mvd", "2023", 100);
    in.items[0].range = ms_interval_make(95, false, 105, false); /* about 100 */
    add(&in, "b", "entry_denials", "mvd", "2023", 200);
    in.items[1].range = ms_interval_make(190, false, 210, false); /* about 200 */
    ms_diag d;
    ms_diag_init(&d);
    cr_assert_eq(ms_stats_ratio(&in, "deportations", "entry_denials", &out, &d), MS_OK);
    cr_assert_eq(out.count, 1);
    cr_assert_eq(out.items[0].value, 0.5);
    cr_assert_float_eq(out.items[0].range.lo, 95.0 / 210, 1e-15);
    cr_assert_float_eq(out.items[0].range.hi, 105.0 / 190, 1e-15);
    ms_diag_free(&d);
    ms_figure_set_free(&out);
    ms_figure_set_free(&in);
}

Test(ratio, ratios_may_be_appended_to_the_input_set)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    char id[16];
    /* 64 numerators and denominators: the set must grow while ratios are added */
    for (int y = 0; y < 32; y++) {
        char period[8];
        snprintf(period, sizeof period, "%d", 1990 + y);
        snprintf(id, sizeof id, "n%d", y);
        add(&set, id, "deportations", "mvd", period, y + 1);
        snprintf(id, sizeof id, "d%d", y);
        add(&set, id, "entry_denials", "mvd", period, 2 * (y + 1));
    }
    ms_diag d;
    ms_diag_init(&d);
    cr_assert_eq(ms_stats_ratio(&set, "deportations", "entry_denials", &set, &d), MS_OK);
    cr_assert_eq(set.count, 96);
    for (size_t i = 64; i < set.count; i++)
        cr_assert_eq(set.items[i].value, 0.5);
    cr_assert_str_eq(set.items[95].inputs[0], "n31");
    ms_diag_free(&d);
    ms_figure_set_free(&set);
}

Test(ratio, a_metric_name_must_be_given)
{
    ms_figure_set in, out;
    ms_figure_set_init(&in);
    ms_figure_set_init(&out);
    ms_diag d;
    ms_diag_init(&d);
    cr_assert_eq(ms_stats_ratio(&in, NULL, "entry_denials", &out, &d), MS_ERR_USAGE);
    cr_assert_eq(ms_stats_ratio(&in, "deportations", "", &out, &d), MS_ERR_USAGE);
    ms_diag_free(&d);
    ms_figure_set_free(&out);
    ms_figure_set_free(&in);
}
