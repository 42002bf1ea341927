/* test_change.c — changes along a series are matched by calendar period:
 * a gap is reported, never shifted; the first period has no change; a
 * missing value or a zero base is reported; intervals are carried through. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/jsonl.h"
#include "core/series.h"
#include "stats/stats.h"

static ms_period per(const char *text)
{
    ms_period p;
    cr_assert_eq(ms_period_parse(text, strlen(text), &p), MS_OK, "bad period '%s'", text);
    return p;
}

/* An exact official count (a point range) with id "mvd#<line>". */
static void add_count(ms_figure_set *set, const char *period, double value, int64_t line)
{
    char id[32];
    snprintf(id, sizeof id, "mvd#%lld", (long long)line);
    ms_figure f;
    ms_figure_init(&f);
    f.id = id;
    f.metric = "entry_denials";
    f.unit = "persons";
    f.place = "RU";
    f.source = "mvd";
    f.value = value;
    f.range = isnan(value) ? f.range : ms_interval_point(value);
    f.period = per(period);
    f.line = line;
    cr_assert_eq(ms_figure_set_add(set, &f), MS_OK);
}

/* The one series of set (asserts there is exactly one). */
static ms_series_set group_one(const ms_figure_set *set)
{
    ms_series_set ss;
    cr_assert_eq(ms_series_group(set, &ss, NULL), MS_OK);
    cr_assert_eq(ss.count, 1);
    return ss;
}

/* The change whose current figure covers period text. */
static const ms_change *change_at(const ms_change_list *l, const char *text)
{
    ms_period p = per(text);
    for (size_t i = 0; i < l->count; i++)
        if (ms_period_equal(l->items[i].current->period, p))
            return &l->items[i];
    cr_assert_fail("no change for '%s'", text);
    return NULL;
}

static void assert_near(double got, double want, const char *what)
{
    cr_assert(fabs(got - want) <= 1e-9 * fmax(1, fabs(want)), "%s: got %.17g, want %.17g",
              what, got, want);
}

Test(change, gap_year_is_reported_not_shifted)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2022", 150000, 4);
    add_count(&set, "2019", 120000, 2);
    add_count(&set, "2020", 90000, 3);
    ms_series_set ss = group_one(&set);
    ms_change_list l;
    cr_assert_eq(ms_stats_changes(&ss.items[0], MS_CHANGE_PREVIOUS, &l), MS_OK);
    cr_assert_eq(l.count, 3);

    const ms_change *c19 = change_at(&l, "2019"), *c20 = change_at(&l, "2020"),
                    *c22 = change_at(&l, "2022");
    cr_assert_eq(c19->status, MS_CHANGE_FIRST);
    cr_assert_null(c19->previous);
    cr_assert(isnan(c19->abs_value), "the first period has no change, not 0");
    cr_assert(isnan(c19->pct_value));

    cr_assert_eq(c20->status, MS_CHANGE_OK);
    cr_assert_eq(c20->previous->value, 120000);
    cr_assert_eq(c20->abs_value, -30000);
    assert_near(c20->pct_value, -25, "pct 2020");

    cr_assert_eq(c22->status, MS_CHANGE_GAP);
    cr_assert_null(c22->previous, "2022 must not be compared with 2020");
    cr_assert(ms_period_equal(c22->base, per("2021")), "the gap names the missing 2021");
    cr_assert(isnan(c22->abs_value));
    cr_assert_str_eq(ms_change_status_name(c22->status), "gap");
    ms_change_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(change, gap_series_read_from_a_fixture_gives_first_ok_gap)
{
    FILE *in = fopen("fixtures/stats_entry_denials_gap.jsonl", "r");
    cr_assert_not_null(in, "fixture missing (tests run from tests/)");
    ms_figure_set set;
    ms_figure_set_init(&set);
    ms_diag diag;
    ms_diag_init(&diag);
    cr_assert_eq(ms_jsonl_read(in, "stats_entry_denials_gap.jsonl", &set, &diag), MS_OK);
    fclose(in);
    ms_series_set ss = group_one(&set);
    ms_change_list l;
    cr_assert_eq(ms_stats_changes(&ss.items[0], MS_CHANGE_YOY, &l), MS_OK);
    cr_assert_eq(change_at(&l, "2019")->status, MS_CHANGE_FIRST);
    cr_assert_eq(change_at(&l, "2020")->status, MS_CHANGE_OK);
    cr_assert_eq(change_at(&l, "2022")->status, MS_CHANGE_GAP);
    ms_change_list_free(&l);
    ms_series_set_free(&ss);
    ms_diag_free(&diag);
    ms_figure_set_free(&set);
}

Test(change, monthly_previous_compares_with_the_month_before)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2023-12", 400, 1);
    add_count(&set, "2024-01", 500, 2);
    add_count(&set, "2024-03", 600, 3);
    add_count(&set, "2024-02", 800, 4);
    ms_series_set ss = group_one(&set);
    ms_change_list l;
    cr_assert_eq(ms_stats_changes(&ss.items[0], MS_CHANGE_PREVIOUS, &l), MS_OK);
    const ms_change *jan = change_at(&l, "2024-01"), *mar = change_at(&l, "2024-03");
    cr_assert_eq(jan->status, MS_CHANGE_OK);
    cr_assert_eq(jan->previous->value, 400, "January is compared with December");
    cr_assert_eq(mar->status, MS_CHANGE_OK);
    cr_assert_eq(mar->previous->value, 800);
    cr_assert_eq(mar->abs_value, -200);
    assert_near(mar->pct_value, -25, "pct March");
    ms_change_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(change, monthly_yoy_compares_with_the_same_month_a_year_before)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2023-03", 100, 1);
    add_count(&set, "2023-04", 100, 2);
    add_count(&set, "2024-02", 300, 3);
    add_count(&set, "2024-03", 150, 4);
    add_count(&set, "2025-02", 330, 5);
    ms_series_set ss = group_one(&set);
    ms_change_list l;
    cr_assert_eq(ms_stats_changes(&ss.items[0], MS_CHANGE_YOY, &l), MS_OK);
    const ms_change *m = change_at(&l, "2024-03");
    cr_assert_eq(m->status, MS_CHANGE_OK);
    cr_assert(ms_period_equal(m->previous->period, per("2023-03")));
    assert_near(m->pct_value, 50, "pct 2024-03");
    /* 2023-02 lies before the series starts: first, not gap */
    cr_assert_eq(change_at(&l, "2024-02")->status, MS_CHANGE_FIRST);
    cr_assert_eq(change_at(&l, "2023-04")->status, MS_CHANGE_FIRST);
    const ms_change *f25 = change_at(&l, "2025-02");
    cr_assert_eq(f25->status, MS_CHANGE_OK);
    assert_near(f25->pct_value, 10, "pct 2025-02");
    ms_change_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(change, quarterly_previous_crosses_the_year_boundary)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2023-Q4", 200, 1);
    add_count(&set, "2024-Q1", 250, 2);
    add_count(&set, "2024-Q3", 300, 3);
    ms_series_set ss = group_one(&set);
    ms_change_list l;
    cr_assert_eq(ms_stats_changes(&ss.items[0], MS_CHANGE_PREVIOUS, &l), MS_OK);
    const ms_change *q1 = change_at(&l, "2024-Q1");
    cr_assert_eq(q1->status, MS_CHANGE_OK);
    cr_assert(ms_period_equal(q1->base, per("2023-Q4")));
    cr_assert_eq(q1->abs_value, 50);
    const ms_change *q3 = change_at(&l, "2024-Q3");
    cr_assert_eq(q3->status, MS_CHANGE_GAP);
    cr_assert(ms_period_equal(q3->base, per("2024-Q2")));
    ms_change_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(change, jan_jul_span_is_compared_with_the_same_span_a_year_before)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2023-01/2023-07", 60800, 1);
    add_count(&set, "2023", 110000, 2); /* a whole year must not be taken as the base */
    add_count(&set, "2024-01/2024-07", 93000, 3);
    ms_series_set ss = group_one(&set);
    ms_change_list l;
    cr_assert_eq(ms_stats_changes(&ss.items[0], MS_CHANGE_PREVIOUS, &l), MS_OK);
    const ms_change *c = change_at(&l, "2024-01/2024-07");
    cr_assert_eq(c->status, MS_CHANGE_OK);
    cr_assert(ms_period_equal(c->previous->period, per("2023-01/2023-07")));
    cr_assert_eq(c->abs_value, 93000 - 60800);
    assert_near(c->pct_value, (93000.0 / 60800.0 - 1) * 100, "pct span");
    ms_change_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(change, a_span_without_last_years_span_is_not_compared_with_the_year)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2023", 110000, 1);
    add_count(&set, "2024-01/2024-07", 93000, 2);
    ms_series_set ss = group_one(&set);
    ms_change_list l;
    cr_assert_eq(ms_stats_changes(&ss.items[0], MS_CHANGE_YOY, &l), MS_OK);
    const ms_change *c = change_at(&l, "2024-01/2024-07");
    cr_assert_neq(c->status, MS_CHANGE_OK);
    cr_assert_null(c->previous);
    cr_assert(ms_period_equal(c->base, per("2023-01/2023-07")));
    ms_change_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(change, a_missing_value_on_either_side_is_reported_as_missing)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2021", NAN, 1);
    add_count(&set, "2022", 500, 2);
    add_count(&set, "2023", NAN, 3);
    ms_series_set ss = group_one(&set);
    ms_change_list l;
    cr_assert_eq(ms_stats_changes(&ss.items[0], MS_CHANGE_PREVIOUS, &l), MS_OK);
    cr_assert_eq(change_at(&l, "2021")->status, MS_CHANGE_FIRST);
    const ms_change *c22 = change_at(&l, "2022"), *c23 = change_at(&l, "2023");
    cr_assert_eq(c22->status, MS_CHANGE_MISSING);
    cr_assert_not_null(c22->previous, "the base period is there, its value is missing");
    cr_assert(isnan(c22->abs_value), "missing is never 0");
    cr_assert_eq(c23->status, MS_CHANGE_MISSING);
    cr_assert(isnan(c23->pct_value));
    ms_figure_set out;
    ms_figure_set_init(&out);
    cr_assert_eq(ms_change_to_figures(c22, &out), MS_OK);
    cr_assert_eq(out.count, 0, "no derived figure from a missing value");
    ms_figure_set_free(&out);
    ms_change_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(change, a_zero_base_gives_an_absolute_change_and_no_percent)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2022", 0, 1);
    add_count(&set, "2023", 12, 2);
    ms_series_set ss = group_one(&set);
    ms_change_list l;
    cr_assert_eq(ms_stats_changes(&ss.items[0], MS_CHANGE_PREVIOUS, &l), MS_OK);
    const ms_change *c = change_at(&l, "2023");
    cr_assert_eq(c->status, MS_CHANGE_ZERO_BASE);
    cr_assert_eq(c->abs_value, 12);
    cr_assert(isnan(c->pct_value), "division by zero is reported, not inf");
    cr_assert(!isinf(c->pct_range.hi));
    ms_figure_set out;
    ms_figure_set_init(&out);
    cr_assert_eq(ms_change_to_figures(c, &out), MS_OK);
    cr_assert_eq(out.count, 1);
    cr_assert_eq(out.items[0].kind, MS_KIND_ABS_CHANGE);
    ms_figure_set_free(&out);
    ms_change_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(change, a_hedged_base_that_may_be_zero_is_a_zero_base)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2022", 3, 1);
    set.items[0].range = ms_interval_make(0, false, 5, false); /* "up to 5" */
    add_count(&set, "2023", 12, 2);
    ms_series_set ss = group_one(&set);
    ms_change_list l;
    cr_assert_eq(ms_stats_changes(&ss.items[0], MS_CHANGE_PREVIOUS, &l), MS_OK);
    cr_assert_eq(change_at(&l, "2023")->status, MS_CHANGE_ZERO_BASE);
    ms_change_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(change, exact_counts_give_exact_changes)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2023", 1000, 1);
    add_count(&set, "2024", 1500, 2);
    ms_series_set ss = group_one(&set);
    ms_change_list l;
    cr_assert_eq(ms_stats_changes(&ss.items[0], MS_CHANGE_PREVIOUS, &l), MS_OK);
    const ms_change *c = change_at(&l, "2024");
    cr_assert_eq(c->abs_range.lo, 500);
    cr_assert_eq(c->abs_range.hi, 500);
    assert_near(c->pct_range.lo, 50, "pct lo");
    assert_near(c->pct_range.hi, 50, "pct hi");
    cr_assert(!c->pct_range.lo_open && !c->pct_range.hi_open);
    ms_change_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(change, hedged_inputs_carry_their_intervals_into_the_change)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2023-01/2023-07", 60800, 1);
    ms_figure_set_range_from_hedge(&set.items[0], 100); /* bare 60,800 */
    add_count(&set, "2024-01/2024-07", 93000, 2);
    set.items[1].hedge = MS_HEDGE_NEARLY;
    ms_figure_set_range_from_hedge(&set.items[1], 1000); /* "nearly 93,000" */
    /* the conventions' intervals, as preconditions */
    ms_interval prev = set.items[0].range, cur = set.items[1].range;
    cr_assert(prev.lo == 60750 && prev.hi == 60850 && !prev.lo_open && prev.hi_open);
    cr_assert(cur.lo == 83700 && cur.hi == 93000 && !cur.lo_open && cur.hi_open);

    ms_series_set ss = group_one(&set);
    ms_change_list l;
    cr_assert_eq(ms_stats_changes(&ss.items[0], MS_CHANGE_YOY, &l), MS_OK);
    const ms_change *c = change_at(&l, "2024-01/2024-07");
    cr_assert_eq(c->status, MS_CHANGE_OK);
    assert_near(c->pct_value, (93000.0 / 60800 - 1) * 100, "pct value");
    /* lowest: 83700 over just under 60850 (open); highest: just under 93000 over 60750 */
    assert_near(c->pct_range.lo, (83700.0 / 60850 - 1) * 100, "pct lo");
    assert_near(c->pct_range.hi, (93000.0 / 60750 - 1) * 100, "pct hi");
    cr_assert(c->pct_range.lo_open, "60850 is excluded, so the lowest quotient is too");
    cr_assert(c->pct_range.hi_open, "93000 is excluded, so the highest quotient is too");
    cr_assert(ms_interval_contains(c->pct_range, 53), "'a 53 %% rise' fits");
    cr_assert(!ms_interval_contains(c->pct_range, 54));
    cr_assert_eq(c->abs_range.lo, 83700 - 60850);
    cr_assert_eq(c->abs_range.hi, 93000 - 60750);
    cr_assert(c->abs_range.lo_open && c->abs_range.hi_open);
    ms_change_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(change, an_ok_change_becomes_an_abs_and_a_pct_figure_naming_both_inputs)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2023", 1000, 1);
    add_count(&set, "2024", 1200, 2);
    set.items[1].published = 19800;
    ms_series_set ss = group_one(&set);
    ms_change_list l;
    cr_assert_eq(ms_stats_changes(&ss.items[0], MS_CHANGE_PREVIOUS, &l), MS_OK);
    ms_figure_set out;
    ms_figure_set_init(&out);
    cr_assert_eq(ms_change_to_figures(change_at(&l, "2024"), &out), MS_OK);
    cr_assert_eq(out.count, 2);
    const ms_figure *a = &out.items[0], *p = &out.items[1];
    cr_assert_str_eq(a->id, "derived:mvd#2:abs");
    cr_assert_str_eq(p->id, "derived:mvd#2:pct");
    cr_assert_eq(a->kind, MS_KIND_ABS_CHANGE);
    cr_assert_eq(p->kind, MS_KIND_PCT_CHANGE);
    cr_assert_eq(a->value, 200);
    assert_near(p->value, 20, "pct");
    cr_assert_str_eq(a->unit, "persons");
    cr_assert_str_eq(p->unit, "percent");
    for (int i = 0; i < 2; i++) {
        const ms_figure *f = &out.items[i];
        cr_assert_str_eq(f->metric, "entry_denials");
        cr_assert_str_eq(f->place, "RU");
        cr_assert_str_eq(f->source, "mvd");
        cr_assert_eq(f->hedge, MS_HEDGE_NONE);
        cr_assert_eq(f->published, 19800);
        cr_assert(ms_period_equal(f->period, per("2024")));
        cr_assert(ms_period_equal(f->base, per("2023")));
        cr_assert_eq(f->n_inputs, 2);
        cr_assert_str_eq(f->inputs[0], "mvd#2");
        cr_assert_str_eq(f->inputs[1], "mvd#1");
    }
    ms_figure_set_free(&out);
    ms_change_list_free(&l);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}

Test(change, derived_figures_may_be_added_to_the_set_they_come_from)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    /* enough figures that adding two more makes the set grow */
    for (int y = 0; y < 64; y++) {
        char period[8];
        snprintf(period, sizeof period, "%d", 1960 + y);
        add_count(&set, period, 100 + y, y + 1);
    }
    ms_series_set ss = group_one(&set);
    ms_change_list l;
    cr_assert_eq(ms_stats_changes(&ss.items[0], MS_CHANGE_PREVIOUS, &l), MS_OK);
    ms_change c = *change_at(&l, "2023");
    ms_change_list_free(&l);
    ms_series_set_free(&ss);
    cr_assert_eq(ms_change_to_figures(&c, &set), MS_OK);
    cr_assert_eq(set.count, 66);
    cr_assert_str_eq(set.items[64].id, "derived:mvd#64:abs");
    cr_assert_str_eq(set.items[65].inputs[1], "mvd#63");
    ms_figure_set_free(&set);
}

Test(change, a_series_of_percent_changes_is_refused)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add_count(&set, "2023", 5, 1);
    set.items[0].kind = MS_KIND_PCT_CHANGE;
    ms_series_set ss = group_one(&set);
    ms_change_list l;
    cr_assert_eq(ms_stats_changes(&ss.items[0], MS_CHANGE_PREVIOUS, &l), MS_ERR_USAGE);
    cr_assert_eq(l.count, 0);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
}
