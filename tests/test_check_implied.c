/* test_check_implied.c — rule implied: a level with a stated change implies
 * the base level ("nearly 93,000, a 53 % rise" against planted 2023
 * levels), a source's own two levels imply the change it states ("cut
 * almost in half" beside 5,500 -> 3,802), a claim that holds only at the
 * edge of the intervals is weak ("more than doubled" beside 44,200 -> more
 * than 80,000), and a pct_change is compared with a multiplier. */
#include <cjson/cJSON.h>
#include <math.h>

#include "check_expect.h"

TestSuite(check_implied, .init = check_setup, .fini = check_teardown);

Test(check_implied, nearly_93000_and_53_percent_imply_a_2023_base_that_60800_fits)
{
    check_load("implied_93000.csv");
    check_run("implied", NULL);
    cr_assert_eq(check_fs.count, 3, "one finding per planted 2023 level");
    const ms_finding *f = check_the("'planted-fits' says 60800");
    cr_assert_eq(f->severity, MS_FINDING_OK, "%s", f->message);
    const ms_computed *b = check_computed(f, "implied_base");
    cr_assert_float_eq(b->value, 93000 / 1.53, 1e-6);
    /* nearly 93000 = [83700, 93000); 53 % = [52.5, 53.5) */
    cr_assert_float_eq(b->range.lo, 83700 / 1.535, 1e-6);
    cr_assert_float_eq(b->range.hi, 93000 / 1.525, 1e-6);
    cr_assert(b->range.lo_open && b->range.hi_open,
              "open ends carry: below 93000 (nearly) and below 53.5 % (rounded)");
    cr_assert_eq(f->n_figures, 3, "the level, the change and the base level");
    cr_assert_str_eq(f->figures[0]->quote, "nearly 93000 deported");
    cr_assert_eq(f->figures[1]->kind, MS_KIND_PCT_CHANGE);
    cr_assert_str_eq(f->figures[2]->source, "planted-fits");
}

Test(check_implied, a_75000_base_does_not_fit_and_is_a_conflict_with_its_gap)
{
    check_load("implied_93000.csv");
    check_run("implied", NULL);
    const ms_finding *f = check_the("'planted-misfit' says 75000");
    cr_assert_eq(f->severity, MS_FINDING_CONFLICT, "%s", f->message);
    /* whole numbers: implied [54528, 60983], stated [74500, 75499] */
    cr_assert_float_eq(f->gap, (74500.0 - 60983) / 75499, 1e-9);
    cr_assert(strstr(f->message, "which implies a base of 60784.3 (54527.7, 60983.6)"), "%s",
              f->message);
    cr_assert(strstr(f->message, "the intervals are disjoint (gap 17.9 %)"), "%s", f->message);
}

Test(check_implied, a_55000_base_fits_only_if_nearly_93000_is_near_its_lower_end)
{
    check_load("implied_93000.csv");
    check_run("implied", NULL);
    const ms_finding *f = check_the("'planted-edge' says 55000");
    cr_assert_eq(f->severity, MS_FINDING_WEAK, "%s", f->message);
    const ms_computed *h = check_computed(f, "holds_if");
    cr_assert_float_eq(h->range.lo, 54527.687, 1e-3);
    cr_assert_float_eq(h->range.hi, 55500, 1e-9);
}

Test(check_implied, cut_almost_in_half_against_its_own_5500_to_3802_is_a_conflict)
{
    check_load("changes.csv");
    check_run("implied", NULL);
    const ms_finding *f = check_the("entry_bans multiplier RU foreign_citizens 2024");
    cr_assert_eq(f->severity, MS_FINDING_CONFLICT, "%s", f->message);
    const ms_computed *m = check_computed(f, "implied_multiplier");
    cr_assert_float_eq(m->value, 3802.0 / 5500, 1e-12);
    cr_assert_float_eq(m->range.lo, 3801.5 / 5550, 1e-12, "5500 is rounded to hundreds");
    cr_assert_float_eq(m->range.hi, 3802.5 / 5450, 1e-12);
    cr_assert(strstr(f->message, "'outlet-halved' says nearly x0.5 (0.5, 0.556], but its levels "
                                 "5500 [5450, 5550) -> 3802 [3801.5, 3802.5) give x0.691273"),
              "%s", f->message);
}

Test(check_implied, more_than_doubled_holds_only_if_the_level_is_above_88300)
{
    check_load("changes.csv");
    check_run("implied", NULL);
    const ms_finding *f = check_the("detentions multiplier RU TJ 2024");
    cr_assert_eq(f->severity, MS_FINDING_WEAK, "%s", f->message);
    const ms_computed *h = check_computed(f, "holds_if");
    /* (2, 3] x [44150, 44250) meets (80000, 90000] in (88300, 90000] */
    cr_assert_float_eq(h->range.lo, 88300, 1e-9);
    cr_assert(h->range.lo_open);
    cr_assert_float_eq(h->range.hi, 90000, 1e-9);
    cr_assert(strstr(f->message, "holds only if the level for 2024 is in (88300, 90000]"), "%s",
              f->message);
    cr_assert_eq(check_count(MS_FINDING_CONFLICT, "detentions"), 0, "weak is not a conflict");
}

Test(check_implied, a_pct_change_and_a_multiplier_of_other_sources_are_compared_as_multipliers)
{
    check_load("changes.csv");
    check_run("implied", NULL);
    /* +53 % = x[1.525, 1.535) against about x2 = x[1.9, 2.1]; +45 % likewise */
    cr_assert_eq(check_count(MS_FINDING_CONFLICT, "= x"), 2);
    const ms_finding *f = check_the("'wire-pct' says 53 %");
    cr_assert_eq(f->severity, MS_FINDING_CONFLICT);
    cr_assert(strstr(f->message, "= x1.53 [1.525, 1.535) and 'radio-mult' says about x2 [1.9, 2.1]"),
              "%s", f->message);
}

Test(check_implied, two_sources_with_different_changes_are_a_same_key_conflict_per_base)
{
    check_load("changes.csv");
    check_run("same_key", NULL);
    cr_assert_eq(check_fs.count, 1, "53 % and 45 % against 2023; the 12 % has another base");
    cr_assert_eq(check_fs.items[0].severity, MS_FINDING_CONFLICT);
    cr_assert(strstr(check_fs.items[0].message, "2024-01/2024-07 vs 2023-01/2023-07"), "%s",
              check_fs.items[0].message);
}

Test(check_implied, the_finding_in_json_lists_the_figures_and_the_computed_base)
{
    check_load("implied_93000.csv");
    check_run("implied", NULL);
    const ms_finding *f = check_the("'planted-misfit'");
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_finding_format_json(f, &sb);
    cJSON *o = cJSON_Parse(ms_strbuf_str(&sb));
    cr_assert_not_null(o, "%s", ms_strbuf_str(&sb));
    cr_assert_str_eq(cJSON_GetObjectItem(o, "rule")->valuestring, "implied");
    cr_assert_str_eq(cJSON_GetObjectItem(o, "severity")->valuestring, "conflict");
    const cJSON *figs = cJSON_GetObjectItem(o, "figures");
    cr_assert_eq(cJSON_GetArraySize(figs), 3);
    const cJSON *change = cJSON_GetArrayItem(figs, 1);
    cr_assert_str_eq(cJSON_GetObjectItem(change, "kind")->valuestring, "pct_change");
    cr_assert_str_eq(cJSON_GetObjectItem(change, "base_start")->valuestring, "2023-01-01");
    cr_assert_str_eq(cJSON_GetObjectItem(change, "base_end")->valuestring, "2023-07-31");
    cr_assert_eq(cJSON_GetObjectItem(change, "lo")->valuedouble, 52.5);
    cr_assert_eq(cJSON_GetObjectItem(change, "line")->valuedouble, 3);
    const cJSON *base = cJSON_GetObjectItem(cJSON_GetObjectItem(o, "computed"), "implied_base");
    cr_assert_not_null(base);
    cr_assert_float_eq(cJSON_GetObjectItem(base, "hi")->valuedouble, 93000 / 1.525, 1e-6);
    cr_assert(cJSON_IsTrue(cJSON_GetObjectItem(base, "hi_open")));
    cJSON_Delete(o);
    ms_strbuf_free(&sb);
}
