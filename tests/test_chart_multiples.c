/* test_chart_multiples.c — the multiples kind (plots/chart_multiples.c):
 * one panel per metric or place through multiplot, each with its own y
 * scale, all with the same x range; hostile labels harmless; errors refused. */
#include "chart_expect.h"

TestSuite(chart_multiples, .init = workdir_enter, .fini = workdir_leave);

/* The "set xrange [...]" lines of the recorded input, all the same? */
static size_t distinct_xranges(const char *input, size_t *n)
{
    char first[128] = "";
    size_t distinct = 0;
    *n = 0;
    for (const char *p = input; (p = strstr(p, "set xrange [")) != NULL; p++) {
        const char *nl = strchr(p, '\n');
        size_t len = (size_t)(nl - p) < sizeof first ? (size_t)(nl - p) : sizeof first - 1;
        if (strstr(p, "set xrange [0:1]") == p)
            continue; /* the legend's */
        (*n)++;
        if (!first[0]) {
            memcpy(first, p, len);
            first[len] = '\0';
            distinct = 1;
        } else if (strncmp(first, p, len) != 0) {
            distinct++;
        }
    }
    return distinct;
}

Test(chart_multiples, one_panel_per_place_with_its_own_scale_and_the_same_years)
{
    chart_input in;
    chart_input_load(&in, "multiples.csv");
    ms_plot_request req = chart_request(&in, "m");
    req.by = "place";
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(chart_run("multiples", &req, true, &err), MS_OK, "%s", ms_strbuf_str(&err));
    const char *input = chart_slurp("gnuplot_input.txt");
    cr_assert_not_null(strstr(input, "set multiplot"), "%s", input);
    cr_assert_eq(chart_count(input, "set origin "), 3 + 1, "three panels and the legend");
    size_t n;
    cr_assert_eq(distinct_xranges(input, &n), 1, "one x range: %s", input);
    cr_assert_eq(n, 3);
    /* each panel its own scale: DE up to 16 430, FR 96 000, PL 23 000 (whiskers to 23 500) */
    cr_assert_not_null(strstr(input, "set yrange [0:20000]"), "%s", input);
    cr_assert_not_null(strstr(input, "set yrange [0:100000]"), "%s", input);
    cr_assert_not_null(strstr(input, "set yrange [0:30000]"), "%s", input);
    const char *svg = chart_slurp("m.svg");
    cr_assert_not_null(strstr(svg, "Figures by place, one panel per place"), "the title");
    cr_assert_not_null(strstr(svg, ">DE<") && strstr(svg, ">FR<") && strstr(svg, ">PL<"), "panel titles");
    cr_assert_eq(chart_count(svg, "Figures by place, one panel per place"), 1, "the title drawn once");
    ms_strbuf_free(&err);
    chart_input_free(&in);
}

Test(chart_multiples, by_metric_names_each_metric)
{
    chart_input in;
    chart_input_load(&in, "multiples.csv");
    ms_plot_request req = chart_request(&in, "m");
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(chart_run("multiples", &req, false, &err), MS_OK, "%s", ms_strbuf_str(&err));
    const char *svg = chart_slurp("m.svg");
    cr_assert_not_null(strstr(svg, ">deportations<") && strstr(svg, ">entry_denials<"), "panel titles");
    cr_assert_not_null(strstr(svg, "Source: eurostat"));
    ms_strbuf_free(&err);
    chart_input_free(&in);
}

Test(chart_multiples, hostile_labels_run_nothing)
{
    chart_input in;
    chart_input_load(&in, "hostile.csv");
    ms_plot_request req = chart_request(&in, "h");
    chart_expect_hostile_is_harmless("multiples", &req, "x' ; system(\"touch CANARY\") ; '");
    cr_assert_not_null(strstr(chart_slurp("h.svg"), "line one MS_END print system('touch CANARY')"));
    chart_input_free(&in);
}

Test(chart_multiples, no_data_and_bad_names_are_refused)
{
    chart_expect_errors("multiples", "multiples.csv", (ms_plot_request){0}, "no stated count");
}
