/* test_check_input.c — hand-written figure files (long CSV and figure JSON
 * Lines) without lo/hi get their intervals from value, hedge and the
 * digits stated, trailing zeros of a rounded number counting; so the
 * checks see "nearly 93,000" as [83700, 93000) whichever way it came. */
#include <math.h>

#include "check_expect.h"

TestSuite(check_input, .init = check_setup, .fini = check_teardown);

/* The figure of check_set with this source and kind. */
static const ms_figure *figure(const char *source, const char *metric, ms_kind kind)
{
    for (size_t i = 0; i < check_set.count; i++) {
        const ms_figure *f = &check_set.items[i];
        if (ms_str_eq(f->source, source) && ms_str_eq(f->metric, metric) && f->kind == kind)
            return f;
    }
    cr_assert_fail("no %s figure from '%s'", metric, source);
    return NULL;
}

static void expect_range(const ms_figure *f, double lo, bool lo_open, double hi, bool hi_open)
{
    cr_assert_float_eq(f->range.lo, lo, 1e-9, "%s: lo %.17g", f->id, f->range.lo);
    cr_assert_float_eq(f->range.hi, hi, 1e-9, "%s: hi %.17g", f->id, f->range.hi);
    cr_assert_eq(f->range.lo_open, lo_open, "%s: lo_open", f->id);
    cr_assert_eq(f->range.hi_open, hi_open, "%s: hi_open", f->id);
}

/* The intervals of the seed-article figures, from either file. */
static void expect_seed_intervals(void)
{
    /* nearly X = [0.9 X, X) */
    expect_range(figure("asiaplus-2024-10-08", "deportations", MS_KIND_COUNT), 83700, false, 93000,
                 true);
    /* "53" is rounded to the unit: [52.5, 53.5) */
    expect_range(figure("asiaplus-2024-10-08", "deportations", MS_KIND_PCT_CHANGE), 52.5, false,
                 53.5, true);
    /* "60800": the trailing zeros are not significant, rounded to hundreds */
    expect_range(figure("planted-fits", "deportations", MS_KIND_COUNT), 60750, false, 60850, true);
    expect_range(figure("planted-misfit", "deportations", MS_KIND_COUNT), 74500, false, 75500, true);
}

Test(check_input, a_csv_file_without_lo_hi_gets_intervals_from_hedge_and_digits)
{
    check_load("implied_93000.csv");
    expect_seed_intervals();
    check_load("crocus.csv");
    expect_range(figure("source-c", "deaths", MS_KIND_COUNT), 140, true, 150, false);
    expect_range(figure("source-a", "deaths", MS_KIND_COUNT), 143.5, false, 144.5, true);
}

Test(check_input, a_jsonl_file_without_lo_hi_gets_the_same_intervals_and_verdicts)
{
    check_load("implied_93000.jsonl");
    expect_seed_intervals();
    /* "more than 143,000" = (143000, 144000] */
    expect_range(figure("asiaplus-2024-10-08", "entry_denials", MS_KIND_COUNT), 143000, true,
                 144000, false);
    check_run("implied", NULL);
    cr_assert_eq(check_fs.count, 2);
    cr_assert_eq(check_the("'planted-fits'")->severity, MS_FINDING_OK);
    cr_assert_eq(check_the("'planted-misfit'")->severity, MS_FINDING_CONFLICT);
}

Test(check_input, an_exact_rounding_makes_a_point_and_a_stated_interval_is_kept)
{
    check_load("cumulative.csv"); /* rounding column "exact" */
    const ms_figure *f = figure("mvd-2024-07", "deportations", MS_KIND_COUNT);
    expect_range(f, 80000, false, 80000, false);
    check_load("changes.csv"); /* lo/hi given: (0.5, 0.556] */
    expect_range(figure("outlet-halved", "entry_bans", MS_KIND_MULTIPLIER), 0.5, true, 0.556,
                 false);
}
