/* test_chart_yoy.c — the yoy kind (plots/chart_yoy.c): bars of the change
 * on a year earlier from stats, labelled "+53 %" / "−12 %" with U+2212,
 * rises and falls apart, gaps named and never bridged, hostile labels
 * drawn as text, no data and bad names refused. */
#include "chart_expect.h"

TestSuite(chart_yoy, .init = workdir_enter, .fini = workdir_leave);

Test(chart_yoy, bars_are_labelled_in_percent_and_gaps_are_named)
{
    chart_input in;
    chart_input_load(&in, "yoy.csv");
    ms_plot_request req = chart_request(&in, "yoy");
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(chart_run("yoy", &req, true, &err), MS_OK, "%s", ms_strbuf_str(&err));
    const char *input = chart_slurp("gnuplot_input.txt");
    /* 2020 +53 %, 2024 0 %: rising (or level); 2023 −12 %: falling; 2022
     * has no 2021 to compare with: no bar */
    cr_assert_eq(chart_block_rows(input, "ms_up"), 2, "%s", input);
    cr_assert_eq(chart_block_rows(input, "ms_down"), 1, "%s", input);
    const char *svg = chart_slurp("yoy.svg");
    cr_assert_not_null(strstr(svg, "People deported or removed: change on a year earlier"), "the title");
    cr_assert_not_null(strstr(svg, "+53 %"));
    cr_assert_not_null(strstr(svg, "\xe2\x88\x92" "12 %"), "a real minus sign");
    cr_assert_null(strstr(svg, ">-12"), "no hyphen for minus");
    cr_assert_not_null(strstr(svg, "no 2021 figure"), "the gap says why");
    cr_assert_eq(chart_count(svg, ">no figure<"), 1, "the absent year is named");
    cr_assert_not_null(strstr(svg, "Source: МВД России"), "Cyrillic source as UTF-8");
    cr_assert_not_null(strstr(svg, "a year without a figure is a gap, not bridged"));
    ms_strbuf_free(&err);
    chart_input_free(&in);
}

Test(chart_yoy, hostile_labels_run_nothing)
{
    chart_input in;
    chart_input_load(&in, "hostile.csv");
    ms_plot_request req = chart_request(&in, NULL);
    cr_assert_eq(chart_expect_hostile_is_harmless("yoy", &req, "system(\"touch CANARY\")"), 4);
    chart_input_free(&in);
}

Test(chart_yoy, no_data_and_bad_names_are_refused)
{
    chart_expect_errors("yoy", "yoy.csv", (ms_plot_request){0}, "no change to draw");
}

Test(chart_yoy, one_file_cannot_take_several_series)
{
    chart_input in;
    chart_input_load(&in, "multiples.csv");
    ms_plot_request req = chart_request(&in, "one");
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(chart_run("yoy", &req, false, &err), MS_ERR_USAGE);
    cr_assert_not_null(strstr(ms_strbuf_str(&err), "give -o a folder"), "%s", ms_strbuf_str(&err));
    ms_strbuf_free(&err);
    chart_input_free(&in);
}
