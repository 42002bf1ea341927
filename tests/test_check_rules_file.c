/* test_check_rules_file.c — rules files: the parser's diagnostics at
 * FILE:LINE:COLUMN, the shapes it accepts, and what running rules gives:
 * passes, fails, not applicable, tolerances, sums, and the per-rule
 * summary. */
#include <cjson/cJSON.h>

#include "check_expect.h"

TestSuite(check_rules_file, .init = check_setup, .fini = check_teardown);

/* Parses text; returns the status, the diagnostics as lines in diag_out. */
static ms_status parse(const char *text, ms_ruleset **rs, char *diag_out, size_t cap)
{
    ms_diag d;
    ms_diag_init(&d);
    ms_status st = ms_ruleset_parse("t.rules", text, strlen(text), &check_reg, rs, &d);
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    for (size_t i = 0; i < d.count; i++) {
        ms_diag_format_entry(&d.entries[i], &sb);
        ms_strbuf_putc(&sb, '\n');
    }
    snprintf(diag_out, cap, "%s", ms_strbuf_str(&sb));
    ms_strbuf_free(&sb);
    ms_diag_free(&d);
    return st;
}

/* The one diagnostic a one-line rule gives. */
static void expect_error(const char *rule, const char *diag)
{
    ms_ruleset *rs = NULL;
    char got[512];
    cr_assert_eq(parse(rule, &rs, got, sizeof got), MS_ERR_DATA, "'%s' parsed", rule);
    cr_assert_null(rs);
    char want[512];
    snprintf(want, sizeof want, "%s\n", diag);
    cr_assert_str_eq(got, want, "rule '%s'", rule);
}

Test(check_rules_file, bad_rules_are_reported_at_line_and_column)
{
    expect_error("deportations <= ", "t.rules:1:17: expected a metric or field:value, found 'end of line'");
    expect_error("deportations =< entry_bans",
                 "t.rules:1:14: expected <=, <, ==, >=, > or 'in', found '='");
    expect_error("pct_change(deportations in [1, 2]", "t.rules:1:25: expected ')', found 'in'");
    expect_error("sum(citizens) == subject:foreign_citizens",
                 "t.rules:1:5: sum() adds up parts by 'subject' or 'place'");
    expect_error("sum(subject) == deportations",
                 "t.rules:1:1: the other side of sum(subject) names the whole, e.g. "
                 "subject:foreign_citizens");
    expect_error("5 <= 6", "t.rules:1:1: a rule compares figures: one side must name some");
    expect_error("deportaions <= entry_bans",
                 "t.rules:1:1: unknown metric 'deportaions' (see data/metrics.tsv)");
    expect_error("  deportations in [5, 1]",
                 "t.rules:1:3: the range is empty (its first number is the greater)");
    expect_error("deportations <= entry_bans ~ 1% extra",
                 "t.rules:1:33: unexpected 'extra' after the rule");
    expect_error("deportations <= colour:red", "t.rules:1:17: unknown field 'colour' (metric, subject, place)");
    expect_error("median(deportations) <= 5", "t.rules:1:1: unknown function 'median' (sum or a kind: "
                                               "count, pct_change, abs_change, multiplier, share, ratio)");
    expect_error("subject:TJ & subject:UZ <= 5", "t.rules:1:14: 'subject' is named twice on one side");
    expect_error("deportations <= entry_bans ~ -1", "t.rules:1:32: a tolerance is not negative");
}

Test(check_rules_file, every_bad_line_is_reported_and_comments_and_blanks_are_skipped)
{
    ms_ruleset *rs = NULL;
    char got[1024];
    const char *text = "# rules\n"
                       "\n"
                       "deportations <= entry_bans   # fine\n"
                       "deportations <=\n"
                       "   \t\n"
                       "expulsions >> 3\n";
    cr_assert_eq(parse(text, &rs, got, sizeof got), MS_ERR_DATA);
    cr_assert_str_eq(got, "t.rules:4:16: expected a metric or field:value, found 'end of line'\n"
                          "t.rules:6:13: expected a metric or field:value, found '>'\n");
    cr_assert_eq(parse("# only a comment\n\ndeportations <= entry_bans\n", &rs, got, sizeof got),
                 MS_OK);
    cr_assert_eq(ms_ruleset_count(rs), 1);
    ms_ruleset_free(rs);
}

/* Runs the rules in text over rules_items.csv (no built-in rule). */
static ms_ruleset *run_rules(const char *text)
{
    ms_ruleset *rs = NULL;
    char got[512];
    cr_assert_eq(parse(text, &rs, got, sizeof got), MS_OK, "%s", got);
    check_load("rules_items.csv");
    ms_check_options opt = {.rules = (const char *const[]){NULL}, .metrics = &check_reg,
                            .ruleset = rs};
    ms_findings_free(&check_fs);
    cr_assert_eq(ms_check_run(&check_set, &opt, &check_fs), MS_OK);
    return rs;
}

Test(check_rules_file, a_comparison_pairs_figures_and_counts_passes_fails_and_na)
{
    ms_ruleset *rs = run_rules("deportations <= entry_bans\n");
    cr_assert_eq(check_fs.n_summaries, 1);
    const ms_rule_summary *s = &check_fs.summaries[0];
    cr_assert_str_eq(s->rule, "t.rules:1");
    cr_assert_str_eq(s->text, "deportations <= entry_bans");
    cr_assert_eq(s->items, 5, "foreign_citizens 2021, 2022, 2023; TJ and UZ 2023");
    cr_assert_eq(s->passes, 1);
    cr_assert_eq(s->fails, 1);
    cr_assert_eq(s->na, 3, "no entry_bans for 2021, nor for TJ and UZ");
    const ms_finding *f = check_the("deportations RU foreign_citizens 2023");
    cr_assert_eq(f->severity, MS_FINDING_CONFLICT);
    cr_assert_str_eq(f->rule, "t.rules:1");
    cr_assert(strstr(f->message, "deportations <= entry_bans: deportations RU foreign_citizens "
                                 "2023 'mvd' says 58000"), "%s", f->message);
    cr_assert(strstr(f->message, "fails (gap 29 %)"), "%s", f->message);
    ms_ruleset_free(rs);
}

Test(check_rules_file, a_range_of_plausible_changes)
{
    ms_ruleset *rs = run_rules("pct_change(deportations) in [-90, 500]\n");
    const ms_rule_summary *s = &check_fs.summaries[0];
    cr_assert_eq(s->items, 2);
    cr_assert_eq(s->passes, 1);
    cr_assert_eq(s->fails, 1);
    cr_assert_eq(check_the("more than 600 %")->severity, MS_FINDING_CONFLICT);
    ms_ruleset_free(rs);
}

Test(check_rules_file, exhaustive_parts_sum_to_the_total_within_a_tolerance)
{
    ms_ruleset *rs = run_rules("sum(subject) == subject:foreign_citizens\n"
                               "sum(subject) == subject:foreign_citizens ~ 1%\n"
                               "subject:foreign_citizens == sum(subject, deportations) ~ 200\n");
    cr_assert_eq(check_fs.n_summaries, 3);
    const ms_rule_summary *exact = &check_fs.summaries[0], *pct = &check_fs.summaries[1],
                          *abs = &check_fs.summaries[2];
    /* wholes: deportations 2021, 2022, 2023 and entry_bans 2022, 2023; parts only for 2023 */
    cr_assert_eq(exact->items, 5);
    cr_assert_eq(exact->na, 4);
    cr_assert_eq(exact->fails, 1, "58300 is not 58000");
    cr_assert_eq(pct->passes, 1, "58300 is within 1 % of 58000");
    cr_assert_eq(abs->items, 3, "only deportations wholes");
    cr_assert_eq(abs->fails, 1, "58300 is 300 from 58000, more than 200");
    const ms_finding *f = check_the("sum(subject) == subject:foreign_citizens ~ 1%");
    cr_assert_eq(f->n_figures, 3, "TJ, UZ and the whole");
    cr_assert_float_eq(f->computed[0].value, 58300, 1e-9);
    ms_ruleset_free(rs);
}

Test(check_rules_file, summaries_are_json_lines_records)
{
    ms_ruleset *rs = run_rules("deportations <= entry_bans\n");
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_rule_summary_format_json(&check_fs.summaries[0], &sb);
    cJSON *o = cJSON_Parse(ms_strbuf_str(&sb));
    cr_assert_not_null(o);
    cr_assert(cJSON_IsTrue(cJSON_GetObjectItem(o, "summary")));
    cr_assert_str_eq(cJSON_GetObjectItem(o, "rule")->valuestring, "t.rules:1");
    cr_assert_eq(cJSON_GetObjectItem(o, "items")->valuedouble, 5);
    cr_assert_eq(cJSON_GetObjectItem(o, "fails")->valuedouble, 1);
    cr_assert_eq(cJSON_GetObjectItem(o, "na")->valuedouble, 3);
    cJSON_Delete(o);
    ms_strbuf_free(&sb);
    ms_ruleset_free(rs);
}
