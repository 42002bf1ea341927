/* test_chart_line.c — charts really drawn by gnuplot (plots/chart_line.c,
 * plots/datablock.c): hostile labels render as text and run nothing, files
 * are valid and appear whole, missing values are skipped (never 0), axes
 * are labelled by period and grouped without a locale, bad output names
 * are refused, and a gnuplot failure leaves no file. Every test runs in a
 * fresh folder, where anything gnuplot might create would show up. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chart_expect.h"
#include "plots/plots.h"
#include "workdir.h"

TestSuite(chart_line, .init = workdir_enter, .fini = workdir_leave);

/* ------------------------------------------------------------ helpers */

static bool exists(const char *path) { return access(path, F_OK) == 0; }

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static const char *slurp(const char *path) { return chart_slurp(path); }

static bool starts_with_bytes(const char *path, const char *magic, size_t n)
{
    char head[16] = {0};
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return false;
    size_t got = fread(head, 1, n, fp);
    fclose(fp);
    return got == n && memcmp(head, magic, n) == 0;
}

/* Files in the test folder other than installed programs and the
 * recording of gnuplot's input. */
static size_t count_outputs(void)
{
    DIR *d = opendir(".");
    cr_assert_not_null(d);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.' && !strstr(e->d_name, "gnuplot"))
            n++;
    closedir(d);
    return n;
}

static size_t count_named(const char *part)
{
    DIR *d = opendir(".");
    cr_assert_not_null(d);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strstr(e->d_name, part))
            n++;
    closedir(d);
    return n;
}

/* fixtures/<name> copied here as an executable program; absolute path. */
/* Series built by hand: figures with a period, a value (NaN = missing) and
 * the interval of a hedge. */
typedef struct test_series {
    ms_figure figs[16];
    const ms_figure *items[16];
    ms_series s;
} test_series;

static void make_series(test_series *t, const char *const *periods, const double *values, size_t n,
                        ms_hedge hedge, double rounding)
{
    cr_assert_leq(n, 16);
    for (size_t i = 0; i < n; i++) {
        ms_figure *f = &t->figs[i];
        ms_figure_init(f);
        f->metric = "deportations";
        f->value = values[i];
        f->hedge = hedge;
        cr_assert_eq(ms_period_parse(periods[i], strlen(periods[i]), &f->period), MS_OK, "%s", periods[i]);
        ms_figure_set_range_from_hedge(f, rounding);
        t->items[i] = f;
    }
    t->s = (ms_series){.key = {.metric = "deportations"}, .items = t->items, .count = n};
}

/* Three yearly figures, the middle one missing, the last "more than". */
static void three_years(test_series *t)
{
    static const char *const periods[] = {"2022", "2023", "2024"};
    static const double values[] = {1200, NAN, 1500};
    make_series(t, periods, values, 3, MS_HEDGE_NONE, 0);
    t->figs[2].hedge = MS_HEDGE_MORE_THAN;
    ms_figure_set_range_from_hedge(&t->figs[2], 100);
}

static ms_status draw(const char *program, const ms_line_chart *chart, const char *out_base,
                      unsigned formats, ms_strbuf *err)
{
    ms_gnuplot *gp;
    ms_status st = ms_gnuplot_start(&gp, program, 30, err);
    cr_assert_eq(st, MS_OK, "%s", ms_strbuf_str(err));
    st = ms_chart_line(gp, chart, out_base, formats, err);
    ms_status fst = ms_gnuplot_finish(gp, err);
    return st != MS_OK ? st : fst;
}

/* The lines of a datablock in gnuplot's recorded input (static buffer). */
static const char *datablock(const char *input, const char *name)
{
    static char block[4096];
    char head[64];
    snprintf(head, sizeof head, "$%s << MS_END\n", name);
    const char *p = strstr(input, head);
    cr_assert_not_null(p, "no datablock %s", name);
    p += strlen(head);
    const char *end = strstr(p, "\nMS_END\n");
    const char *empty_end = strncmp(p, "MS_END\n", 7) == 0 ? p : NULL;
    size_t n = empty_end ? 0 : (size_t)(end - p) + 1;
    cr_assert(empty_end || end);
    cr_assert_lt(n, sizeof block);
    memcpy(block, p, n);
    block[n] = '\0';
    return block;
}

/* ------------------------------------------------------------ safety */

Test(chart_line, hostile_labels_are_drawn_as_text_and_run_nothing)
{
    test_series t;
    three_years(&t);
    const ms_series *lines[] = {&t.s, &t.s, &t.s, &t.s};
    const char *labels[] = {"x' ; system('touch PWNED') ; '", "`touch PWNED2`", "MS_END\nВыдворено",
                            "'; system('touch PWNED5'); '"};
    ms_line_chart chart = {
        .title = "x' ; system('touch PWNED') ; '",
        .subtitle = "`touch PWNED2`",
        .y_label = "persons\nMS_END\nprint system('touch PWNED3')",
        .source_line = "Sources: '; system('touch PWNED4'); '",
        .lines = lines, .labels = labels, .n_lines = 4,
    };
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(draw(NULL, &chart, "chart", MS_PLOT_SVG | MS_PLOT_PNG | MS_PLOT_PDF, &err), MS_OK, "%s",
                 ms_strbuf_str(&err));
    const char *names[] = {"PWNED", "PWNED2", "PWNED3", "PWNED4", "PWNED5"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char in_tmp[64];
        snprintf(in_tmp, sizeof in_tmp, "/tmp/%s", names[i]);
        cr_assert_not(exists(names[i]), "%s was created: a label ran a command", names[i]);
        cr_assert_not(exists(in_tmp), "%s was created: a label ran a command", in_tmp);
    }
    cr_assert_gt(file_size("chart.svg"), 0);
    cr_assert_gt(file_size("chart.png"), 0);
    cr_assert_gt(file_size("chart.pdf"), 0);
    const char *svg = slurp("chart.svg");
    cr_assert_not_null(strstr(svg, "<svg"));
    cr_assert_not_null(strstr(svg, "</svg>"), "the SVG is complete");
    cr_assert_not_null(strstr(svg, "touch PWNED2"), "the label is drawn literally");
    cr_assert_not_null(strstr(svg, "MS_END Выдворено"), "the newline became a space");
    cr_assert(starts_with_bytes("chart.png", "\x89PNG\r\n\x1a\n", 8));
    cr_assert(starts_with_bytes("chart.pdf", "%PDF-", 5));
    cr_assert_eq(count_named(".tmp"), 0, "temporary files were left");
    struct stat st;
    cr_assert_eq(stat("chart.svg", &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0644, "readable like every migstat output, not mkstemp's 0600");
    cr_assert_eq(err.len, 0, "%s", ms_strbuf_str(&err));
    ms_strbuf_free(&err);
}

Test(chart_line, labels_cannot_end_a_datablock_or_a_command_line)
{
    test_series t;
    three_years(&t);
    const ms_series *lines[] = {&t.s, &t.s};
    const char *labels[] = {"a\nMS_END\nprint 'ran'", "b\rMS_END"};
    ms_line_chart chart = {.title = "MS_END\nset output '|touch PWNED'", .lines = lines, .labels = labels,
                           .n_lines = 2};
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(draw(install_program("plot_recording_gnuplot.sh"), &chart, "c", MS_PLOT_SVG, &err), MS_OK,
                 "%s", ms_strbuf_str(&err));
    const char *input = slurp("gnuplot_input.txt");
    /* every line starting with MS_END closes one of our two datablocks */
    size_t ends = 0;
    for (const char *p = input; (p = strstr(p, "MS_END")) != NULL; p++)
        if (p == input || p[-1] == '\n')
            ends++;
    cr_assert_eq(ends, 2, "%s", input);
    cr_assert_null(strstr(input, "\nset output '|"), "%s", input);
    cr_assert_null(strstr(input, "\nprint 'ran'"), "%s", input);
    cr_assert_not(exists("PWNED"));
    cr_assert_eq(err.len, 0, "gnuplot complained: %s", ms_strbuf_str(&err));
    ms_strbuf_free(&err);
}

Test(chart_line, output_names_that_gnuplot_would_run_or_change_are_refused)
{
    test_series t;
    three_years(&t);
    const ms_series *lines[] = {&t.s};
    const char *labels[] = {"a"};
    ms_line_chart chart = {.title = "t", .lines = lines, .labels = labels, .n_lines = 1};
    const char *bad[] = {"|touch PWNED", "<cat", "out/|x", "out/<x", "|dir/x", "a\nb", "tab\there", "", "dir/",
                         "caf\xe9"};
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_gnuplot *gp;
    cr_assert_eq(ms_gnuplot_start(&gp, NULL, 30, &err), MS_OK);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ms_strbuf_clear(&err);
        cr_assert_eq(ms_chart_line(gp, &chart, bad[i], MS_PLOT_SVG, &err), MS_ERR_USAGE, "%s", bad[i]);
        cr_assert_not_null(strstr(ms_strbuf_str(&err), "refusing chart output name '"));
        cr_assert_null(strchr(ms_strbuf_str(&err), '\t'), "control characters are not echoed");
    }
    cr_assert_eq(ms_chart_line(gp, &chart, NULL, MS_PLOT_SVG, &err), MS_ERR_USAGE);
    cr_assert_eq(ms_chart_line(gp, &chart, "fine", 0, &err), MS_ERR_USAGE, "no format chosen");
    cr_assert_eq(ms_gnuplot_finish(gp, &err), MS_OK);
    cr_assert_not(exists("PWNED"));
    cr_assert_eq(count_outputs(), 0);
    ms_strbuf_free(&err);
}

Test(chart_line, unusual_but_harmless_names_are_written_as_given)
{
    test_series t;
    three_years(&t);
    const ms_series *lines[] = {&t.s};
    ms_line_chart chart = {.title = "t", .lines = lines, .n_lines = 1};
    cr_assert_eq(mkdir("sub dir", 0755), 0);
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_gnuplot *gp;
    cr_assert_eq(ms_gnuplot_start(&gp, NULL, 30, &err), MS_OK);
    const char *names[] = {"it's ~ Выдворено", "~home", "sub dir/a|b<c", "-dash"};
    for (size_t i = 0; i < 4; i++)
        cr_assert_eq(ms_chart_line(gp, &chart, names[i], MS_PLOT_SVG, &err), MS_OK, "%s: %s", names[i],
                     ms_strbuf_str(&err));
    cr_assert_eq(ms_gnuplot_finish(gp, &err), MS_OK, "%s", ms_strbuf_str(&err));
    cr_assert_gt(file_size("it's ~ Выдворено.svg"), 0);
    cr_assert_gt(file_size("~home.svg"), 0, "'~' is not the home folder");
    cr_assert_gt(file_size("sub dir/a|b<c.svg"), 0, "'|' inside a name is just a character");
    cr_assert_gt(file_size("-dash.svg"), 0);
    ms_strbuf_free(&err);
}

Test(chart_line, a_gnuplot_error_leaves_no_file_and_says_which_chart)
{
    test_series t;
    three_years(&t);
    const ms_series *lines[] = {&t.s};
    const char *labels[] = {"a"};
    ms_line_chart chart = {.title = "t", .lines = lines, .labels = labels, .n_lines = 1};
    ms_strbuf err;
    ms_strbuf_init(&err);
    /* this gnuplot fails every plot after `set output` made the file */
    ms_gnuplot *gp;
    cr_assert_eq(ms_gnuplot_start(&gp, install_program("plot_broken_gnuplot.sh"), 30, &err), MS_OK,
                 "%s", ms_strbuf_str(&err));
    cr_assert_eq(ms_chart_line(gp, &chart, "chart", MS_PLOT_SVG | MS_PLOT_PNG, &err), MS_ERR_EXTERNAL);
    cr_assert_eq(ms_gnuplot_finish(gp, &err), MS_ERR_EXTERNAL);
    cr_assert_eq(count_outputs(), 0, "a chart or temporary file was left");
    const char *said = ms_strbuf_str(&err);
    cr_assert_not_null(strstr(said, "chart 'chart.svg': "), "%s", said);
    cr_assert_not_null(strstr(said, "ms_no_such_block"), "gnuplot's own words: %s", said);
    ms_strbuf_free(&err);
}

Test(chart_line, a_folder_that_does_not_exist_is_an_io_error_and_gnuplot_goes_on)
{
    test_series t;
    three_years(&t);
    const ms_series *lines[] = {&t.s};
    ms_line_chart chart = {.title = "t", .lines = lines, .n_lines = 1};
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_gnuplot *gp;
    cr_assert_eq(ms_gnuplot_start(&gp, NULL, 30, &err), MS_OK);
    cr_assert_eq(ms_chart_line(gp, &chart, "no/such/folder/chart", MS_PLOT_SVG, &err), MS_ERR_IO);
    cr_assert_not_null(strstr(ms_strbuf_str(&err), "chart 'no/such/folder/chart.svg': "), "%s",
                       ms_strbuf_str(&err));
    cr_assert_eq(ms_chart_line(gp, &chart, "next", MS_PLOT_SVG, &err), MS_OK, "%s", ms_strbuf_str(&err));
    cr_assert_eq(ms_gnuplot_finish(gp, &err), MS_OK);
    cr_assert_gt(file_size("next.svg"), 0);
    ms_strbuf_free(&err);
}

/* ------------------------------------------------------------ data */

Test(chart_line, missing_values_break_the_line_and_are_never_zero)
{
    test_series t;
    static const char *const periods[] = {"2020", "2021", "2022", "2023", "2024", "2025"};
    static const double values[] = {NAN, 1200, NAN, NAN, 1500, 1600};
    make_series(&t, periods, values, 6, MS_HEDGE_NONE, 0);
    t.figs[5].flags = "b"; /* break in series: the line splits there too */
    const ms_series *lines[] = {&t.s};
    ms_line_chart chart = {.title = "t", .lines = lines, .n_lines = 1};
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(draw(install_program("plot_recording_gnuplot.sh"), &chart, "c", MS_PLOT_SVG, &err), MS_OK,
                 "%s", ms_strbuf_str(&err));
    const char *block = datablock(slurp("gnuplot_input.txt"), "ms_d0");
    /* x = middle of the year in Unix seconds, y, lo, hi, and x again (no
     * horizontal bar for a calendar year); one blank line per break, none
     * before the first point */
    cr_assert_str_eq(block, "1625227200 1200 1200 1200 1625227200 1625227200\n"
                            "\n"
                            "1719878400 1500 1500 1500 1719878400 1719878400\n"
                            "\n"
                            "1751457600 1600 1600 1600 1751457600 1751457600\n", "%s", block);
    cr_assert_gt(file_size("c.svg"), 0);
    ms_strbuf_free(&err);
}

Test(chart_line, whiskers_carry_the_interval_of_each_figure)
{
    test_series t;
    static const char *const periods[] = {"2024-Q1", "2024-Q2"};
    static const double values[] = {93000, 143000};
    make_series(&t, periods, values, 2, MS_HEDGE_NEARLY, 1000);
    t.figs[1].hedge = MS_HEDGE_MORE_THAN;
    ms_figure_set_range_from_hedge(&t.figs[1], 1000);
    const ms_series *lines[] = {&t.s};
    ms_line_chart chart = {.title = "t", .lines = lines, .n_lines = 1};
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(draw(install_program("plot_recording_gnuplot.sh"), &chart, "c", MS_PLOT_SVG, &err), MS_OK,
                 "%s", ms_strbuf_str(&err));
    const char *block = datablock(slurp("gnuplot_input.txt"), "ms_d0");
    /* "nearly 93,000" allows [83,700, 93,000); "more than 143,000" (143,000, 144,000] */
    cr_assert_not_null(strstr(block, " 93000 83700 93000 "), "%s", block);
    cr_assert_not_null(strstr(block, " 143000 143000 144000 "), "%s", block);
    ms_strbuf_free(&err);
}

Test(chart_line, a_span_that_is_no_calendar_unit_is_drawn_as_a_bar_over_its_days)
{
    test_series t;
    static const char *const periods[] = {"2024-01-01/2024-07-31"};
    static const double values[] = {93000};
    make_series(&t, periods, values, 1, MS_HEDGE_NONE, 0);
    const ms_series *lines[] = {&t.s};
    ms_line_chart chart = {.title = "t", .lines = lines, .n_lines = 1};
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(draw(install_program("plot_recording_gnuplot.sh"), &chart, "c", MS_PLOT_SVG, &err), MS_OK,
                 "%s", ms_strbuf_str(&err));
    const char *input = slurp("gnuplot_input.txt");
    /* January 1 to the end of July 31, the point in the middle */
    cr_assert_str_eq(datablock(input, "ms_d0"), "1713268800 93000 93000 93000 1704067200 1722470400\n");
    cr_assert_not_null(strstr(input, "using 1:2:5:6:3:4 with xyerrorlines"), "%s", input);
    ms_strbuf_free(&err);
}

Test(chart_line, a_lone_point_is_drawn)
{
    test_series t;
    static const char *const periods[] = {"2023"};
    static const double values[] = {93000};
    make_series(&t, periods, values, 1, MS_HEDGE_NONE, 0);
    const ms_series *lines[] = {&t.s};
    const char *labels[] = {"RU"};
    ms_line_chart chart = {.title = "t", .lines = lines, .labels = labels, .n_lines = 1};
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(draw(install_program("plot_recording_gnuplot.sh"), &chart, "one", MS_PLOT_SVG, &err), MS_OK,
                 "%s", ms_strbuf_str(&err));
    const char *input = slurp("gnuplot_input.txt");
    cr_assert_str_eq(datablock(input, "ms_d0"), "1688299200 93000 93000 93000 1688299200 1688299200\n");
    cr_assert_not_null(strstr(input, "with xyerrorlines"), "points and lines");
    cr_assert_not_null(strstr(input, " pt 7 "), "a point marker");
    cr_assert_gt(file_size("one.svg"), 0);
    ms_strbuf_free(&err);
}

Test(chart_line, a_chart_with_nothing_to_draw_is_a_data_error)
{
    test_series t;
    static const char *const periods[] = {"2022", "2023"};
    static const double values[] = {NAN, NAN};
    make_series(&t, periods, values, 2, MS_HEDGE_NONE, 0);
    const ms_series *lines[] = {&t.s};
    ms_line_chart chart = {.title = "t", .lines = lines, .n_lines = 1};
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(draw(NULL, &chart, "empty", MS_PLOT_SVG, &err), MS_ERR_DATA);
    cr_assert_not_null(strstr(ms_strbuf_str(&err), "chart 'empty': no value"), "%s", ms_strbuf_str(&err));
    cr_assert_eq(count_outputs(), 0);
    ms_strbuf_free(&err);
}

Test(chart_line, a_line_without_points_is_left_out_of_the_plot)
{
    test_series full, empty;
    three_years(&full);
    static const char *const periods[] = {"2022"};
    static const double values[] = {NAN};
    make_series(&empty, periods, values, 1, MS_HEDGE_NONE, 0);
    const ms_series *lines[] = {&empty.s, &full.s};
    const char *labels[] = {"nothing", "something"};
    ms_line_chart chart = {.title = "t", .lines = lines, .labels = labels, .n_lines = 2};
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(draw(install_program("plot_recording_gnuplot.sh"), &chart, "c", MS_PLOT_SVG, &err), MS_OK,
                 "%s", ms_strbuf_str(&err));
    const char *input = slurp("gnuplot_input.txt");
    cr_assert_null(strstr(input, "plot $ms_d0"), "%s", input);
    cr_assert_not_null(strstr(input, "plot $ms_d1"), "%s", input);
    cr_assert_eq(err.len, 0, "no warning about an empty line: %s", ms_strbuf_str(&err));
    ms_strbuf_free(&err);
}

/* ------------------------------------------------------------ axes */

Test(chart_line, y_ticks_group_digits_with_a_narrow_space_whatever_the_locale)
{
    test_series t;
    static const char *const periods[] = {"2023", "2024"};
    static const double values[] = {143000, 267200};
    make_series(&t, periods, values, 2, MS_HEDGE_NONE, 0);
    const ms_series *lines[] = {&t.s};
    ms_line_chart chart = {.title = "t", .lines = lines, .n_lines = 1};
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(draw(install_program("plot_recording_gnuplot.sh"), &chart, "c", MS_PLOT_SVG, &err), MS_OK,
                 "%s", ms_strbuf_str(&err));
    const char *input = slurp("gnuplot_input.txt");
    cr_assert_not_null(strstr(input, "set yrange [0:300000]"), "%s", input);
    cr_assert_not_null(strstr(input, "'150\xe2\x80\xaf" "000' 150000"), "%s", input);
    cr_assert_not_null(strstr(input, "'0' 0,"), "%s", input);
    cr_assert_not_null(strstr(slurp("c.svg"), "300\xe2\x80\xaf" "000"), "the SVG shows the grouped label");
    ms_strbuf_free(&err);
}

Test(chart_line, small_values_get_whole_or_exact_ticks_without_grouping)
{
    test_series t;
    static const char *const periods[] = {"2023", "2024"};
    static const double values[] = {0.1, 0.6};
    make_series(&t, periods, values, 2, MS_HEDGE_NONE, 0);
    const ms_series *lines[] = {&t.s};
    ms_line_chart chart = {.title = "t", .lines = lines, .n_lines = 1};
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(draw(install_program("plot_recording_gnuplot.sh"), &chart, "c", MS_PLOT_SVG, &err), MS_OK,
                 "%s", ms_strbuf_str(&err));
    const char *input = slurp("gnuplot_input.txt");
    /* 0.1 * 3 would print 0.30000000000000004 */
    cr_assert_not_null(strstr(input, "'0.3' 0.3"), "%s", input);
    cr_assert_null(strstr(input, "0000000"), "%s", input);
    ms_strbuf_free(&err);
}

Test(chart_line, x_ticks_name_each_period_at_its_middle)
{
    test_series t;
    static const char *const periods[] = {"2022", "2023", "2024"};
    static const double values[] = {1, 2, 3};
    make_series(&t, periods, values, 3, MS_HEDGE_NONE, 0);
    const ms_series *lines[] = {&t.s};
    ms_line_chart chart = {.title = "t", .lines = lines, .n_lines = 1};
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(draw(install_program("plot_recording_gnuplot.sh"), &chart, "c", MS_PLOT_SVG, &err), MS_OK,
                 "%s", ms_strbuf_str(&err));
    const char *input = slurp("gnuplot_input.txt");
    /* 2023-07-02T12:00Z is the middle of 2023, where its point is drawn */
    cr_assert_not_null(strstr(input, "'2023' 1688299200"), "%s", input);
    cr_assert_not_null(strstr(datablock(input, "ms_d0"), "1688299200 2 "), "%s", input);
    cr_assert_not_null(strstr(input, "set timefmt '%s'"), "%s", input);
    ms_strbuf_free(&err);
}

Test(chart_line, many_months_are_labelled_at_a_regular_stride)
{
    test_series t;
    const char *periods[16];
    double values[16];
    char names[16][8];
    for (int i = 0; i < 16; i++) {
        snprintf(names[i], sizeof names[i], "%d-%02d", 2023 + i / 12, i % 12 + 1);
        periods[i] = names[i];
        values[i] = 100 + i;
    }
    make_series(&t, periods, values, 16, MS_HEDGE_NONE, 0);
    const ms_series *lines[] = {&t.s};
    ms_line_chart chart = {.title = "t", .lines = lines, .n_lines = 1};
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(draw(install_program("plot_recording_gnuplot.sh"), &chart, "c", MS_PLOT_SVG, &err), MS_OK,
                 "%s", ms_strbuf_str(&err));
    const char *input = slurp("gnuplot_input.txt");
    const char *xt = strstr(input, "set xtics");
    cr_assert_not_null(xt);
    /* 16 labels of 7 characters do not fit 800 px: every 2nd or 3rd month,
     * counted from January, the others small ticks */
    cr_assert_not_null(strstr(xt, "'2023-01' "), "%.600s", xt);
    cr_assert_null(strstr(xt, "'2023-02' "), "%.600s", xt);
    cr_assert_not_null(strstr(xt, "'' "), "%.600s", xt);
    ms_strbuf_free(&err);
}

/* ------------------------------------------------------------ flags, the kind */

Test(chart_line, provisional_and_estimated_points_are_hollow_and_named_in_a_note)
{
    test_series t;
    static const char *const periods[] = {"2021", "2022", "2023", "2024"};
    static const double values[] = {1200, 1300, 1400, 1500};
    make_series(&t, periods, values, 4, MS_HEDGE_NONE, 0);
    t.figs[2].flags = "b";
    t.figs[3].flags = "p";
    const ms_series *lines[] = {&t.s};
    const char *labels[] = {"Выдворено"};
    ms_line_chart chart = {.title = "Выдворено из России", .lines = lines, .labels = labels, .n_lines = 1,
                           .note = "Figures for 2024 are preliminary"};
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(draw(install_program("plot_recording_gnuplot.sh"), &chart, "c", MS_PLOT_SVG, &err), MS_OK,
                 "%s", ms_strbuf_str(&err));
    const char *input = slurp("gnuplot_input.txt");
    cr_assert_str_eq(datablock(input, "ms_p0"), "1719878400 1500\n", "only the provisional point");
    cr_assert_not_null(strstr(input, "$ms_p0 using 1:2 with points pt 6 "), "the hollow shape of pt 7: %s", input);
    const char *svg = slurp("c.svg");
    cr_assert_not_null(strstr(svg, "Выдворено из России"), "Cyrillic title as UTF-8");
    /* the note wraps at spaces: its words are checked line by line */
    cr_assert_not_null(strstr(svg, "Figures for 2024 are preliminary."), "the caller's note first");
    cr_assert_not_null(strstr(svg, "Hollow points are provisional or estimated: 2024 (provisional)."), "%s", svg);
    cr_assert_not_null(strstr(svg, "b): 2023."), "the break named: %s", svg);
    ms_strbuf_free(&err);
}

Test(chart_line, the_line_kind_draws_one_chart_per_metric_and_runs_no_label)
{
    chart_input in;
    chart_input_load(&in, "hostile.csv");
    ms_plot_request req = chart_request(&in, NULL);
    cr_assert_eq(chart_expect_hostile_is_harmless("line", &req, "line one MS_END print system('touch CANARY')"), 2);
    cr_assert_not_null(strstr(slurp("deportations.svg"), "People deported or removed"));
    chart_input_free(&in);
}

Test(chart_line, the_line_kind_refuses_no_data_and_bad_names)
{
    chart_expect_errors("line", "multiples.csv", (ms_plot_request){0}, "no stated count");
}
