/* test_check.c — rule same_key: sources that state the same (metric, kind,
 * period, base, place, subject) agree when their intervals allow a common
 * value (a common whole number for counts), else conflict; findings are
 * ordered, worded and written as JSON; the rule registry. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check/check.h"
#include "core/jsonl.h"

static ms_period per(const char *text)
{
    ms_period p;
    cr_assert_eq(ms_period_parse(text, strlen(text), &p), MS_OK, "bad period '%s'", text);
    return p;
}

/* A count of deaths in RU on 2024-03-22 from source src. */
static ms_figure deaths(const char *id, const char *src, double value, ms_hedge hedge,
                        double rounding)
{
    ms_figure f;
    ms_figure_init(&f);
    f.id = id;
    f.metric = "deaths";
    f.unit = "persons";
    f.place = "RU";
    f.source = src;
    f.period = per("2024-03-22");
    f.value = value;
    f.hedge = hedge;
    ms_figure_set_range_from_hedge(&f, rounding);
    return f;
}

static void add(ms_figure_set *set, const ms_figure *f)
{
    cr_assert_eq(ms_figure_set_add(set, f), MS_OK);
}

/* Runs the same_key rule alone. */
static ms_status run_same_key(const ms_figure_set *set, ms_findings *fs)
{
    static const char *const only[] = {"same_key", NULL};
    ms_check_options opt = {.rules = only};
    return ms_check_run(set, &opt, fs);
}

/* The finding comparing sources sa and sb (either order). */
static const ms_finding *finding_between(const ms_findings *fs, const char *sa, const char *sb)
{
    for (size_t i = 0; i < fs->count; i++) {
        const ms_finding *f = &fs->items[i];
        cr_assert_eq(f->n_figures, 2);
        const ms_figure *a = f->figures[0], *b = f->figures[1];
        if ((ms_str_eq(a->source, sa) && ms_str_eq(b->source, sb)) ||
            (ms_str_eq(a->source, sb) && ms_str_eq(b->source, sa)))
            return f;
    }
    cr_assert_fail("no finding between '%s' and '%s'", sa, sb);
    return NULL;
}

/* The decisive example: four outlets on the deaths of 2024-03-22. */
static void four_outlets(ms_figure_set *set)
{
    ms_figure f = deaths("w@1", "outlet-w", 140, MS_HEDGE_MORE_THAN, 10);
    cr_assert(f.range.lo == 140 && f.range.lo_open && f.range.hi == 150 && !f.range.hi_open,
              "precondition: 'more than 140' allows (140, 150]");
    add(set, &f);
    f = deaths("x@1", "outlet-x", 144, MS_HEDGE_NONE, 1);
    add(set, &f);
    f = deaths("y@1", "outlet-y", 145, MS_HEDGE_NONE, 1);
    add(set, &f);
    f = deaths("z@1", "outlet-z", 140, MS_HEDGE_MORE_THAN, 10);
    add(set, &f);
}

Test(check, four_outlets_on_one_death_toll_give_one_conflict_and_five_agreements)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    four_outlets(&set);
    ms_findings fs;
    cr_assert_eq(run_same_key(&set, &fs), MS_OK);
    cr_assert_eq(fs.count, 6, "one finding per pair of sources");
    cr_assert_eq(ms_findings_count(&fs, MS_FINDING_CONFLICT), 1);
    cr_assert_eq(ms_findings_count(&fs, MS_FINDING_OK), 5);
    cr_assert_eq(finding_between(&fs, "outlet-x", "outlet-y")->severity, MS_FINDING_CONFLICT,
                 "144 and 145 share no whole number");
    cr_assert_eq(finding_between(&fs, "outlet-w", "outlet-x")->severity, MS_FINDING_OK);
    cr_assert_eq(finding_between(&fs, "outlet-w", "outlet-y")->severity, MS_FINDING_OK);
    cr_assert_eq(finding_between(&fs, "outlet-z", "outlet-x")->severity, MS_FINDING_OK);
    cr_assert_eq(finding_between(&fs, "outlet-z", "outlet-y")->severity, MS_FINDING_OK);
    const ms_finding *wz = finding_between(&fs, "outlet-w", "outlet-z");
    cr_assert_eq(wz->severity, MS_FINDING_OK);
    cr_assert_eq(wz->gap, 0);
    for (size_t i = 0; i < fs.count; i++)
        cr_assert_str_eq(fs.items[i].rule, "same_key");
    ms_findings_free(&fs);
    cr_assert_eq(fs.count, 0);
    ms_figure_set_free(&set);
}

Test(check, the_same_example_read_from_jsonl_gives_the_same_verdicts)
{
    FILE *in = fopen("fixtures/stats_deaths_ru_four_outlets.jsonl", "r");
    cr_assert_not_null(in, "fixture missing (tests run from tests/)");
    ms_figure_set set;
    ms_figure_set_init(&set);
    ms_diag d;
    ms_diag_init(&d);
    cr_assert_eq(ms_jsonl_read(in, "stats_deaths_ru_four_outlets.jsonl", &set, &d), MS_OK);
    fclose(in);
    ms_findings fs;
    cr_assert_eq(run_same_key(&set, &fs), MS_OK);
    cr_assert_eq(fs.count, 6);
    cr_assert_eq(ms_findings_count(&fs, MS_FINDING_CONFLICT), 1);
    cr_assert_eq(finding_between(&fs, "outlet-b", "outlet-c")->severity, MS_FINDING_CONFLICT);
    cr_assert_eq(finding_between(&fs, "outlet-a", "outlet-d")->severity, MS_FINDING_OK);
    ms_findings_free(&fs);
    ms_diag_free(&d);
    ms_figure_set_free(&set);
}

Test(check, a_conflict_message_names_both_sources_values_intervals_and_the_gap)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    ms_figure f = deaths("b@1", "src-b", 145, MS_HEDGE_NONE, 1);
    add(&set, &f);
    f = deaths("a@1", "src-a", 144, MS_HEDGE_NONE, 1);
    add(&set, &f);
    ms_findings fs;
    cr_assert_eq(run_same_key(&set, &fs), MS_OK);
    cr_assert_eq(fs.count, 1);
    cr_assert_str_eq(fs.items[0].message,
                     "deaths RU 2024-03-22: 'src-a' says 144 [143.5, 144.5) and 'src-b' says "
                     "145 [144.5, 145.5); the intervals share no whole number (gap 0.7 %)");
    cr_assert_float_eq(fs.items[0].gap, 1.0 / 145, 1e-12,
                       "the whole numbers 144 and 145 are 1/145 apart");
    ms_findings_free(&fs);
    ms_figure_set_free(&set);
}

Test(check, an_agreement_message_shows_the_hedge_words)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    ms_figure f = deaths("a@1", "src-a", 140, MS_HEDGE_MORE_THAN, 10);
    add(&set, &f);
    f = deaths("b@1", "src-b", 144, MS_HEDGE_NONE, 1);
    add(&set, &f);
    ms_findings fs;
    cr_assert_eq(run_same_key(&set, &fs), MS_OK);
    cr_assert_eq(fs.count, 1);
    cr_assert_str_eq(fs.items[0].message,
                     "deaths RU 2024-03-22: 'src-a' says more than 140 (140, 150] and 'src-b' "
                     "says 144 [143.5, 144.5); the intervals share a whole number");
    ms_findings_free(&fs);
    ms_figure_set_free(&set);
}

Test(check, one_source_stating_a_key_twice_is_not_compared_with_itself)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    ms_figure f = deaths("a@1", "src-a", 144, MS_HEDGE_NONE, 1);
    add(&set, &f);
    f = deaths("a@2", "src-a", 150, MS_HEDGE_NONE, 1);
    add(&set, &f);
    ms_findings fs;
    cr_assert_eq(run_same_key(&set, &fs), MS_OK);
    cr_assert_eq(fs.count, 0);
    ms_findings_free(&fs);
    ms_figure_set_free(&set);
}

Test(check, figures_differing_in_any_key_field_or_missing_are_not_compared)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    ms_figure base = deaths("a@1", "src-a", 144, MS_HEDGE_NONE, 1);
    add(&set, &base);
    ms_figure f = deaths("b@1", "src-b", 200, MS_HEDGE_NONE, 1);
    f.place = "RU-MOW";
    add(&set, &f);
    f = deaths("c@1", "src-c", 200, MS_HEDGE_NONE, 1);
    f.subject = "TJ"; /* NULL subject is a different key from "TJ" */
    add(&set, &f);
    f = deaths("d@1", "src-d", 200, MS_HEDGE_NONE, 1);
    f.period = per("2024-03-23");
    add(&set, &f);
    f = deaths("e@1", "src-e", 200, MS_HEDGE_NONE, 1);
    f.metric = "injuries";
    add(&set, &f);
    f = deaths("f@1", "src-f", 200, MS_HEDGE_NONE, 1);
    f.kind = MS_KIND_ABS_CHANGE;
    add(&set, &f);
    f = deaths("g@1", "src-g", NAN, MS_HEDGE_NONE, 1);
    add(&set, &f);
    f = deaths("h@1", "src-h", 200, MS_HEDGE_NONE, 1);
    f.period = ms_period_none();
    add(&set, &f);
    ms_findings fs;
    cr_assert_eq(run_same_key(&set, &fs), MS_OK);
    cr_assert_eq(fs.count, 0);
    ms_findings_free(&fs);
    ms_figure_set_free(&set);
}

Test(check, percent_changes_are_compared_by_overlap_and_say_so)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    ms_figure f = deaths("a@1", "src-a", 53, MS_HEDGE_NONE, 1);
    f.kind = MS_KIND_PCT_CHANGE;
    f.range = ms_interval_make(52.5, false, 53.5, true);
    add(&set, &f);
    f.id = "b@1";
    f.source = "src-b";
    f.value = 45;
    f.range = ms_interval_make(44.5, false, 45.5, true);
    add(&set, &f);
    f.id = "c@1";
    f.source = "src-c";
    f.value = 53.4;
    f.range = ms_interval_make(53.35, false, 53.45, true); /* no whole number, still overlaps */
    add(&set, &f);
    ms_findings fs;
    cr_assert_eq(run_same_key(&set, &fs), MS_OK);
    cr_assert_eq(fs.count, 3);
    const ms_finding *ab = finding_between(&fs, "src-a", "src-b");
    cr_assert_eq(ab->severity, MS_FINDING_CONFLICT);
    cr_assert(strstr(ab->message, "deaths pct_change RU 2024-03-22: "), "%s", ab->message);
    cr_assert(strstr(ab->message, "'src-a' says 53 % [52.5, 53.5)"), "%s", ab->message);
    cr_assert(strstr(ab->message, "the intervals do not overlap (gap "), "%s", ab->message);
    cr_assert_gt(ab->gap, 0);
    cr_assert_eq(finding_between(&fs, "src-a", "src-c")->severity, MS_FINDING_OK);
    ms_findings_free(&fs);
    ms_figure_set_free(&set);
}

Test(check, findings_come_in_key_then_source_order_whatever_the_input_order)
{
    const char *order[2][4] = {{"q", "p", "s", "r"}, {"s", "r", "q", "p"}};
    char first_run[512] = "";
    for (int run = 0; run < 2; run++) {
        ms_figure_set set;
        ms_figure_set_init(&set);
        for (int i = 0; i < 4; i++) {
            ms_figure f = deaths(order[run][i], order[run][i], 100 + i, MS_HEDGE_NONE, 1);
            f.period = per(strcmp(order[run][i], "q") < 0 ? "2024-03-22" : "2024-03-21");
            add(&set, &f);
            f.period = per("2024-03-21");
            f.id = NULL;
            f.line = 7;
            add(&set, &f);
        }
        ms_findings fs;
        cr_assert_eq(run_same_key(&set, &fs), MS_OK);
        cr_assert_gt(fs.count, 0);
        char seq[512] = "";
        for (size_t i = 0; i < fs.count; i++) {
            const ms_finding *f = &fs.items[i];
            const ms_figure *a = f->figures[0], *b = f->figures[1];
            cr_assert_leq(ms_period_compare(i ? fs.items[i - 1].figures[0]->period : a->period,
                                            a->period), 0, "keys out of order");
            cr_assert_lt(strcmp(a->source, b->source), 0, "the first figure's source sorts first");
            strncat(seq, a->source, sizeof seq - strlen(seq) - 1);
            strncat(seq, b->source, sizeof seq - strlen(seq) - 1);
        }
        if (run == 0)
            strcpy(first_run, seq);
        else
            cr_assert_str_eq(seq, first_run, "order depends on input order");
        ms_findings_free(&fs);
        ms_figure_set_free(&set);
    }
}

Test(check, rules_are_found_by_name_and_an_unknown_name_runs_nothing)
{
    size_t n = 0;
    const ms_check_rule *all = ms_check_rules(&n);
    cr_assert_geq(n, 1);
    cr_assert_eq(ms_check_rule_find("same_key"), &all[0]);
    cr_assert_null(ms_check_rule_find("no_such_rule"));

    ms_figure_set set;
    ms_figure_set_init(&set);
    four_outlets(&set);
    ms_findings fs;
    const char *bad[] = {"same_key", "no_such_rule", NULL};
    ms_check_options opt = {.rules = bad};
    cr_assert_eq(ms_check_run(&set, &opt, &fs), MS_ERR_USAGE);
    cr_assert_eq(fs.count, 0);
    const char *twice[] = {"same_key", "same_key", NULL};
    opt.rules = twice;
    cr_assert_eq(ms_check_run(&set, &opt, &fs), MS_OK);
    cr_assert_eq(fs.count, 6, "a rule named twice runs once");
    cr_assert_eq(fs.n_summaries, 1, "one summary per rule run");
    cr_assert_eq(fs.summaries[0].items, 6);
    cr_assert_eq(fs.summaries[0].fails, 1);
    cr_assert_eq(fs.summaries[0].passes, 5);
    ms_findings_free(&fs);
    ms_figure_set_free(&set);
}

Test(check, severity_names_are_the_words_of_the_format)
{
    cr_assert_str_eq(ms_finding_severity_name(MS_FINDING_CONFLICT), "conflict");
    cr_assert_str_eq(ms_finding_severity_name(MS_FINDING_MISMATCH), "mismatch");
    cr_assert_str_eq(ms_finding_severity_name(MS_FINDING_REVISION), "revision");
    cr_assert_str_eq(ms_finding_severity_name(MS_FINDING_WEAK), "weak");
    cr_assert_str_eq(ms_finding_severity_name(MS_FINDING_OK), "ok");
}

Test(check, a_finding_as_json_carries_both_figures_and_their_intervals)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    ms_figure f = deaths("a@10", "src-a", 144, MS_HEDGE_NONE, 1);
    f.quote = "144 \"people\" died";
    f.offset = 10;
    f.length = 3;
    f.published = ms_day_from_civil(2024, 3, 23);
    add(&set, &f);
    f = deaths("b#4", "src-b", 140, MS_HEDGE_MORE_THAN, 10);
    f.line = 4;
    f.column = 2;
    add(&set, &f);
    ms_findings fs;
    cr_assert_eq(run_same_key(&set, &fs), MS_OK);
    cr_assert_eq(fs.count, 1);
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_finding_format_json(&fs.items[0], &sb);
    const char *text = ms_strbuf_str(&sb);
    cr_assert_eq(text[sb.len - 1], '\n', "one line");
    cr_assert_null(memchr(text, '\n', sb.len - 1), "exactly one line");
    cJSON *o = cJSON_Parse(text);
    cr_assert_not_null(o, "not JSON: %s", text);
    cr_assert_str_eq(cJSON_GetObjectItem(o, "rule")->valuestring, "same_key");
    cr_assert_str_eq(cJSON_GetObjectItem(o, "severity")->valuestring, "ok");
    cr_assert_str_eq(cJSON_GetObjectItem(o, "message")->valuestring, fs.items[0].message);
    cr_assert_eq(cJSON_GetObjectItem(o, "gap")->valuedouble, 0);
    const cJSON *figs = cJSON_GetObjectItem(o, "figures");
    cr_assert(cJSON_IsArray(figs));
    cr_assert_eq(cJSON_GetArraySize(figs), 2);
    cr_assert(cJSON_IsObject(cJSON_GetObjectItem(o, "computed")));
    const cJSON *a = cJSON_GetArrayItem(figs, 0), *b = cJSON_GetArrayItem(figs, 1);
    cr_assert_str_eq(cJSON_GetObjectItem(a, "period_start")->valuestring, "2024-03-22");
    cr_assert_str_eq(cJSON_GetObjectItem(a, "period_end")->valuestring, "2024-03-22");
    cr_assert_str_eq(cJSON_GetObjectItem(a, "metric")->valuestring, "deaths");
    cr_assert_str_eq(cJSON_GetObjectItem(a, "kind")->valuestring, "count");
    cr_assert_str_eq(cJSON_GetObjectItem(a, "place")->valuestring, "RU");
    cr_assert(cJSON_IsNull(cJSON_GetObjectItem(a, "subject")));
    cr_assert(cJSON_IsNull(cJSON_GetObjectItem(a, "base_start")));
    cr_assert_str_eq(cJSON_GetObjectItem(a, "id")->valuestring, "a@10");
    cr_assert_str_eq(cJSON_GetObjectItem(a, "source")->valuestring, "src-a");
    cr_assert_str_eq(cJSON_GetObjectItem(a, "published")->valuestring, "2024-03-23");
    cr_assert_str_eq(cJSON_GetObjectItem(a, "quote")->valuestring, "144 \"people\" died");
    cr_assert_eq(cJSON_GetObjectItem(a, "value")->valuedouble, 144);
    cr_assert_eq(cJSON_GetObjectItem(a, "lo")->valuedouble, 143.5);
    cr_assert_eq(cJSON_GetObjectItem(a, "hi")->valuedouble, 144.5);
    cr_assert(cJSON_IsTrue(cJSON_GetObjectItem(a, "hi_open")));
    cr_assert_eq(cJSON_GetObjectItem(a, "offset")->valuedouble, 10);
    cr_assert(cJSON_IsNull(cJSON_GetObjectItem(a, "line")));
    cr_assert_str_eq(cJSON_GetObjectItem(b, "hedge")->valuestring, "more_than");
    cr_assert(cJSON_IsTrue(cJSON_GetObjectItem(b, "lo_open")));
    cr_assert_eq(cJSON_GetObjectItem(b, "line")->valuedouble, 4);
    cr_assert(cJSON_IsNull(cJSON_GetObjectItem(b, "quote")));
    cr_assert(cJSON_IsNull(cJSON_GetObjectItem(b, "published")));
    cJSON_Delete(o);
    ms_strbuf_free(&sb);
    ms_findings_free(&fs);
    ms_figure_set_free(&set);
}
