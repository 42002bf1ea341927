/* test_chart_sources.c — the sources kind (plots/chart_sources.c): one row
 * per key stated by two sources or more, a dot per figure, the conflicting
 * row marked exactly where check/'s same_key rule finds a conflict, source
 * names (Cyrillic too) drawn, hostile labels harmless, errors refused. */
#include "chart_expect.h"
#include "check/check.h"

TestSuite(chart_sources, .init = workdir_enter, .fini = workdir_leave);

Test(chart_sources, each_source_is_a_dot_and_the_conflict_row_is_marked)
{
    chart_input in;
    chart_input_load(&in, "sources.csv");
    ms_plot_request req = chart_request(&in, "src");
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(chart_run("sources", &req, true, &err), MS_OK, "%s", ms_strbuf_str(&err));
    const char *input = chart_slurp("gnuplot_input.txt");
    /* 2024-03-22: three sources, 2024-03-23: two; 2024-03-24 has one source
     * and is no row. One datablock per source. */
    size_t dots = chart_block_rows(input, "ms_s0") + chart_block_rows(input, "ms_s1") + chart_block_rows(input, "ms_s2");
    cr_assert_eq(dots, 5, "%s", input);
    cr_assert_null(strstr(input, "$ms_s3 "), "three sources");
    const char *svg = chart_slurp("src.svg");
    cr_assert_not_null(strstr(svg, "People killed: what each source says"));
    cr_assert_eq(chart_count(svg, "conflict: intervals share no whole number"), 1, "one conflicting row");
    cr_assert_not_null(strstr(svg, "2024-03-22 · RU — conflict"), "the 144/145 row");
    cr_assert_not_null(strstr(svg, "2024-03-23 · RU<"), "the agreeing row is not marked");
    cr_assert_null(strstr(svg, "2024-03-24"), "a key of one source is no row");
    cr_assert_not_null(strstr(svg, ">ТАСС<"), "Cyrillic source name as UTF-8");
    cr_assert_not_null(strstr(svg, "more than 140"));
    cr_assert_eq(chart_count(svg, "disagrees"), 2, "145 and 144 disagree, 'more than 140' agrees with both");
    cr_assert_not_null(strstr(svg, "1 of 2 rows in conflict."));
    /* the same verdict as the check command's rule */
    ms_findings f;
    const char *rules[] = {"same_key", NULL};
    ms_check_options opt = {rules, NULL, NULL};
    cr_assert_eq(ms_check_run(&in.figures, &opt, &f), MS_OK);
    cr_assert_eq(ms_findings_count(&f, MS_FINDING_CONFLICT), 1);
    char period[MS_PERIOD_BUFSZ];
    for (size_t i = 0; i < f.count; i++)
        if (f.items[i].severity == MS_FINDING_CONFLICT) {
            ms_period_format(f.items[i].figures[0]->period, period);
            cr_assert_str_eq(period, "2024-03-22");
        }
    ms_findings_free(&f);
    ms_strbuf_free(&err);
    chart_input_free(&in);
}

Test(chart_sources, hostile_labels_run_nothing)
{
    chart_input in;
    chart_input_load(&in, "hostile.csv");
    ms_plot_request req = chart_request(&in, NULL);
    chart_expect_hostile_is_harmless("sources", &req, "line one MS_END print system('touch CANARY')");
    const char *svg = chart_slurp("sources_deportations.svg");
    cr_assert_not_null(strstr(svg, ">MS_END<"), "a source named like the end marker is drawn");
    cr_assert_not_null(strstr(svg, "x' ; system(\"touch CANARY\") ; '"));
    chart_input_free(&in);
}

Test(chart_sources, no_data_and_bad_names_are_refused)
{
    chart_expect_errors("sources", "sources.csv", (ms_plot_request){0}, "nothing to compare");
}
