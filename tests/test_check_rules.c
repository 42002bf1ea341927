/* test_check_rules.c — the built-in rules beyond same_key and implied, on
 * planted figure files: the Crocus City Hall toll across three sources,
 * definition mismatches within a metric family, revisions within a source
 * family, year-to-date order, parts and wholes; and the summaries. */
#include "check_expect.h"

TestSuite(check_rules, .init = check_setup, .fini = check_teardown);

Test(check_rules, crocus_144_and_145_conflict_and_more_than_140_agrees_with_both)
{
    check_load("crocus.csv");
    check_run("same_key", NULL);
    cr_assert_eq(check_fs.count, 3);
    const ms_finding *ab = check_the("'source-a' says 144 [143.5, 144.5) and 'source-b' says 145");
    cr_assert_eq(ab->severity, MS_FINDING_CONFLICT);
    cr_assert_float_eq(ab->gap, 1.0 / 145, 1e-12);
    cr_assert_str_eq(ab->figures[0]->quote, "the death toll rose to 144");
    cr_assert_eq(ab->figures[1]->line, 3, "file:line of the figure");
    cr_assert_eq(check_count(MS_FINDING_OK, "'source-c' says more than 140 (140, 150]"), 2);
    cr_assert_eq(check_fs.summaries[0].fails, 1);
    cr_assert_eq(check_fs.summaries[0].passes, 2);
}

Test(check_rules, metrics_of_one_family_are_a_possible_definition_mismatch)
{
    check_load("definition.csv");
    check_run("definition", NULL);
    cr_assert_eq(check_fs.count, 2, "bans/denials and deportations/expulsions; not deaths/injuries");
    const ms_finding *f = check_the("'ministry' says 41200");
    cr_assert_eq(f->severity, MS_FINDING_MISMATCH);
    cr_assert(strstr(f->message, "'wire' says entry_denials about 41000"), "%s", f->message);
    cr_assert(strstr(f->message, "both are entry_restrictions: possibly one count under two "
                                 "definitions (the intervals overlap)"), "%s", f->message);
    const ms_finding *g = check_the("'ministry' says 58000");
    cr_assert_eq(g->severity, MS_FINDING_MISMATCH, "apart, but still not a conflict");
    cr_assert_gt(g->gap, 0);
    cr_assert_eq(check_count(MS_FINDING_MISMATCH, "injuries"), 0,
                 "one source states deaths and injuries: they are different counts");
}

Test(check_rules, without_a_registry_the_definition_rule_finds_nothing)
{
    check_load("definition.csv");
    const char *const only[] = {"definition", NULL};
    ms_check_options opt = {.rules = only};
    cr_assert_eq(ms_check_run(&check_set, &opt, &check_fs), MS_OK);
    cr_assert_eq(check_fs.count, 0);
}

Test(check_rules, one_source_family_restating_a_figure_is_a_revision_in_date_order)
{
    check_load("revision.csv");
    check_run("revision", NULL);
    cr_assert_eq(check_fs.count, 3);
    const ms_finding *f = check_the("forced_departures GB foreign_citizens 2015");
    cr_assert_eq(f->severity, MS_FINDING_REVISION);
    cr_assert_str_eq(f->figures[0]->source, "home-office-2017-02", "the earlier first");
    cr_assert(strstr(f->message, "(published 2017-02-01); later 'home-office-2024-02-29' says "
                                 "12921 [12921, 12921] (published 2024-02-29); revised by -5.6 %"),
              "%s", f->message);
    cr_assert_eq(check_the("2018")->severity, MS_FINDING_OK, "restated unchanged");
    cr_assert_eq(check_the("entry_denials DE")->severity, MS_FINDING_REVISION,
                 "the same url host makes one family");
}

Test(check_rules, same_key_leaves_one_source_family_to_the_revision_rule)
{
    check_load("revision.csv");
    check_run("same_key", NULL);
    cr_assert_eq(check_fs.count, 0);
}

Test(check_rules, source_families_drop_trailing_dates_and_editions)
{
    char buf[64];
    ms_source_family("asiaplus-2024-10-08", buf, sizeof buf);
    cr_assert_str_eq(buf, "asiaplus");
    ms_source_family("home-office-release-2017-02", buf, sizeof buf);
    cr_assert_str_eq(buf, "home-office-release");
    ms_source_family("report-2017-v2", buf, sizeof buf);
    cr_assert_str_eq(buf, "report");
    ms_source_family("bulletin_20240501", buf, sizeof buf);
    cr_assert_str_eq(buf, "bulletin");
    ms_source_family("outlet-x", buf, sizeof buf);
    cr_assert_str_eq(buf, "outlet-x", "a single letter is not an edition");
    ms_source_family("2024", buf, sizeof buf);
    cr_assert_str_eq(buf, "2024", "an id is never emptied");
    ms_source_family("eurostat-2024-13", buf, sizeof buf);
    cr_assert_str_eq(buf, "eurostat-2024-13", "month 13: not a date, and not a year at the end");
}

Test(check_rules, a_falling_year_to_date_and_a_month_above_it_are_conflicts)
{
    check_load("cumulative.csv");
    check_run("cumulative", NULL);
    const ms_finding *f = check_the("for 2024-H1 and 'mvd-2024-08' says 78000");
    cr_assert_eq(f->severity, MS_FINDING_CONFLICT);
    cr_assert(strstr(f->message, "a year-to-date count cannot fall as the period grows"), "%s",
              f->message);
    const ms_finding *g = check_the("'mvd-2024-09' says 90000");
    cr_assert_eq(g->severity, MS_FINDING_CONFLICT);
    cr_assert(strstr(g->message, "a part of the year cannot exceed its year to date"));
    cr_assert_eq(check_count(MS_FINDING_CONFLICT, ""), 2,
                 "Jan-Jun > Jan-Jul, Aug > Jan-Aug; Jan-Jun <= Jan-Aug holds, Jul too");
    cr_assert_eq(check_count(MS_FINDING_CONFLICT, "other-outlet"), 0, "another family");
    cr_assert_eq(check_count(MS_FINDING_OK, "'mvd-2024-08' says 16000"), 2,
                 "July within Jan-Jul and Jan-Aug");
}

Test(check_rules, parts_above_their_whole_are_conflicts)
{
    check_load("part_whole.csv");
    check_run("part_whole", NULL);
    cr_assert_eq(check_the("deportations RU TJ 2023")->severity, MS_FINDING_CONFLICT);
    cr_assert_eq(check_the("entry_denials RU-SPE")->severity, MS_FINDING_CONFLICT,
                 "a region above its country, from another source");
    cr_assert_eq(check_the("deportations RU-MOW")->severity, MS_FINDING_OK);
    const ms_finding *s = check_the("the 2 parts by subject that 'mvd' gives add up to");
    cr_assert_eq(s->severity, MS_FINDING_CONFLICT);
    cr_assert_eq(s->n_figures, 3, "the parts and the whole");
    cr_assert_float_eq(check_computed(s, "sum")->value, 35000, 1e-9);
    cr_assert_eq(check_count(MS_FINDING_OK, "expulsions RU UZ"), 1, "each part alone fits");
    cr_assert_eq(check_count(MS_FINDING_CONFLICT, "readmissions"), 0,
                 "own citizens are no part of foreign_citizens");
    cr_assert_eq(check_count(MS_FINDING_CONFLICT, ""), 3);
}

Test(check_rules, every_rule_runs_and_is_summarised_in_table_order)
{
    check_load("part_whole.csv");
    ms_check_options opt = {.metrics = &check_reg};
    cr_assert_eq(ms_check_run(&check_set, &opt, &check_fs), MS_OK);
    size_t n;
    const ms_check_rule *rules = ms_check_rules(&n);
    cr_assert_eq(check_fs.n_summaries, n);
    size_t items = 0;
    for (size_t i = 0; i < n; i++) {
        cr_assert_str_eq(check_fs.summaries[i].rule, rules[i].name);
        const ms_rule_summary *s = &check_fs.summaries[i];
        cr_assert_eq(s->items, s->passes + s->fails + s->notes + s->na);
        items += s->items;
    }
    cr_assert_eq(items, check_fs.count);
    cr_assert_eq(check_fs.summaries[5].fails, 3, "part_whole");
}
