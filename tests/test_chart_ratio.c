/* test_chart_ratio.c — the ratio kind (plots/chart_ratio.c): the ratios of
 * stats (ms_stats_ratio) as a line with whiskers, titled by both metrics;
 * hostile labels harmless; no matching pair, a missing metric and bad
 * names refused. */
#include "chart_expect.h"

TestSuite(chart_ratio, .init = workdir_enter, .fini = workdir_leave);

Test(chart_ratio, the_ratio_of_two_metrics_is_a_line)
{
    chart_input in;
    chart_input_load(&in, "ratio.csv");
    ms_plot_request req = chart_request(&in, "r");
    req.num = "deportations";
    req.den = "entry_denials";
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(chart_run("ratio", &req, true, &err), MS_OK, "%s", ms_strbuf_str(&err));
    const char *input = chart_slurp("gnuplot_input.txt");
    cr_assert_eq(chart_block_rows(input, "ms_d0"), 3, "%s", input);
    cr_assert_not_null(strstr(input, " 0.5 0.5 0.5 "), "50 / 100 in 2021: %s", input);
    cr_assert_not_null(strstr(input, " 0.3 0.3 0.3 "), "90 / 300 in 2023: %s", input);
    const char *svg = chart_slurp("r.svg");
    cr_assert_not_null(strstr(svg, "Deportations to entry denials"), "the title");
    cr_assert_not_null(strstr(svg, "ratio deportations / entry_denials; RU, 2021–2023"));
    cr_assert_not_null(strstr(svg, "Source: ministry"));
    ms_strbuf_free(&err);
    chart_input_free(&in);
}

Test(chart_ratio, hostile_labels_run_nothing)
{
    chart_input in;
    chart_input_load(&in, "hostile.csv");
    ms_plot_request req = chart_request(&in, "h");
    req.num = "deportations";
    req.den = "entry_denials";
    chart_expect_hostile_is_harmless("ratio", &req, "`touch CANARY`");
    cr_assert_not_null(strstr(chart_slurp("h.svg"), "could not be divided"), "the lone numerators are counted");
    chart_input_free(&in);
}

Test(chart_ratio, no_pair_no_metric_and_bad_names_are_refused)
{
    chart_expect_errors("ratio", "ratio.csv", (ms_plot_request){.num = "deportations", .den = "entry_denials"},
                        "no 'deportations' and 'entry_denials' figures for the same period");
    chart_input in;
    chart_input_load(&in, "ratio.csv");
    ms_plot_request req = chart_request(&in, "r");
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(chart_run("ratio", &req, false, &err), MS_ERR_USAGE, "no --num/--den");
    cr_assert_not_null(strstr(ms_strbuf_str(&err), "--num, --den"), "%s", ms_strbuf_str(&err));
    ms_strbuf_free(&err);
    chart_input_free(&in);
}
