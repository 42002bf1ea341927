/* test_chart_line.c — charts really drawn by gnuplot: hostile labels render
 * as text and run nothing, missing values are skipped, bad output names and
 * a missing or broken gnuplot are reported, and no partial file is left. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plots/plots.h"
#include "tmpdir.h"

static char workdir[] = "/tmp/ms_chart_XXXXXX";

/* Every chart test runs in a fresh folder: anything gnuplot might create
 * shows up there. */
static void enter_workdir(void)
{
    cr_assert_not_null(mkdtemp(workdir));
    cr_assert_eq(chdir(workdir), 0);
}

static void leave_workdir(void)
{
    cr_assert_eq(chdir("/"), 0);
    test_rmtree(workdir);
}

TestSuite(chart_line, .init = enter_workdir, .fini = leave_workdir);

static bool exists(const char *path) { return access(path, F_OK) == 0; }

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static bool file_contains(const char *path, const char *needle)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return false;
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    return strstr(buf, needle) != NULL;
}

static size_t count_tmp_files(void)
{
    DIR *d = opendir(".");
    cr_assert_not_null(d);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strstr(e->d_name, ".tmp"))
            n++;
    closedir(d);
    return n;
}

/* Three yearly figures, the middle one missing. */
static ms_figure figs[3];
static const ms_figure *items[3];

static ms_series make_series(void)
{
    const char *periods[] = {"2022", "2023", "2024"};
    double values[] = {1200, NAN, 1500};
    for (int i = 0; i < 3; i++) {
        ms_figure_init(&figs[i]);
        figs[i].metric = "deportations";
        figs[i].value = values[i];
        figs[i].hedge = i == 2 ? MS_HEDGE_MORE_THAN : MS_HEDGE_NONE;
        cr_assert_eq(ms_period_parse(periods[i], 4, &figs[i].period), MS_OK);
        ms_figure_set_range_from_hedge(&figs[i], 100);
        items[i] = &figs[i];
    }
    ms_series s = {.key = {.metric = "deportations"}, .items = items, .count = 3};
    return s;
}

Test(chart_line, hostile_labels_are_drawn_as_text_and_run_nothing)
{
    ms_series s = make_series();
    const ms_series *lines[] = {&s, &s, &s};
    const char *labels[] = {"x' ; system('touch PWNED') ; '", "`touch PWNED2`", "MS_END\nВыдворено"};
    ms_line_chart chart = {
        .title = "x' ; system('touch PWNED3') ; '",
        .subtitle = "`touch PWNED4`",
        .y_label = "persons\nMS_END",
        .source_line = "Sources: '; system('touch PWNED5'); '",
        .lines = lines, .labels = labels, .n_lines = 3,
    };
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_gnuplot *gp;
    cr_assert_eq(ms_gnuplot_start(&gp, NULL, 30, &err), MS_OK, "%s", ms_strbuf_str(&err));
    ms_status st = ms_chart_line(gp, &chart, "chart", MS_PLOT_SVG | MS_PLOT_PNG, &err);
    cr_assert_eq(ms_gnuplot_finish(gp, &err), MS_OK, "%s", ms_strbuf_str(&err));
    cr_assert_eq(st, MS_OK, "%s", ms_strbuf_str(&err));
    for (int i = 0; i <= 5; i++) {
        char name[16];
        snprintf(name, sizeof name, i ? "PWNED%d" : "PWNED", i);
        cr_assert_not(exists(name), "%s was created: a label ran a command", name);
    }
    cr_assert_gt(file_size("chart.svg"), 0);
    cr_assert_gt(file_size("chart.png"), 0);
    cr_assert(file_contains("chart.svg", "<svg"));
    cr_assert(file_contains("chart.svg", "touch PWNED2"), "the label is drawn literally");
    FILE *fp = fopen("chart.png", "rb");
    unsigned char magic[8] = {0};
    cr_assert_eq(fread(magic, 1, 8, fp), 8);
    fclose(fp);
    cr_assert_eq(memcmp(magic, "\x89PNG\r\n\x1a\n", 8), 0);
    cr_assert_eq(count_tmp_files(), 0);
    ms_strbuf_free(&err);
}

Test(chart_line, output_names_that_gnuplot_would_run_are_refused)
{
    ms_series s = make_series();
    const ms_series *lines[] = {&s};
    const char *labels[] = {"a"};
    ms_line_chart chart = {.title = "t", .lines = lines, .labels = labels, .n_lines = 1};
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_gnuplot *gp;
    cr_assert_eq(ms_gnuplot_start(&gp, NULL, 30, &err), MS_OK);
    cr_assert_eq(ms_chart_line(gp, &chart, "|touch PWNED", MS_PLOT_SVG, &err), MS_ERR_USAGE);
    cr_assert_eq(ms_chart_line(gp, &chart, "<cat", MS_PLOT_SVG, &err), MS_ERR_USAGE);
    cr_assert_eq(ms_chart_line(gp, &chart, "out/|x", MS_PLOT_SVG, &err), MS_ERR_USAGE);
    cr_assert_eq(ms_chart_line(gp, &chart, "a\nb", MS_PLOT_SVG, &err), MS_ERR_USAGE);
    cr_assert_eq(ms_chart_line(gp, &chart, "", MS_PLOT_SVG, &err), MS_ERR_USAGE);
    cr_assert_eq(ms_gnuplot_finish(gp, &err), MS_OK);
    cr_assert_not(exists("PWNED"));
    ms_strbuf_free(&err);
}

Test(chart_line, a_missing_gnuplot_names_the_package)
{
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_gnuplot *gp = (ms_gnuplot *)&err; /* must be reset to NULL */
    cr_assert_eq(ms_gnuplot_start(&gp, "/nonexistent/gnuplot", 5, &err), MS_ERR_DEPENDENCY);
    cr_assert_null(gp);
    cr_assert_not_null(strstr(ms_strbuf_str(&err), "gnuplot-nox"));
    ms_strbuf_free(&err);
}

Test(chart_line, a_program_that_is_not_gnuplot_fails_without_hanging)
{
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_gnuplot *gp;
    cr_assert_neq(ms_gnuplot_start(&gp, "/bin/false", 5, &err), MS_OK);
    cr_assert_null(gp);
    ms_strbuf_init(&err);
    cr_assert_neq(ms_gnuplot_start(&gp, "/bin/true", 5, &err), MS_OK);
    ms_strbuf_free(&err);
}

Test(chart_line, a_gnuplot_error_is_reported_with_its_message)
{
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_gnuplot *gp;
    cr_assert_eq(ms_gnuplot_start(&gp, NULL, 30, &err), MS_OK);
    static const char bad[] = "plot $nosuchblock using 1:2\n";
    cr_assert_eq(ms_gnuplot_run(gp, bad, sizeof bad - 1, &err), MS_ERR_EXTERNAL);
    cr_assert_not_null(strstr(ms_strbuf_str(&err), "nosuchblock"), "gnuplot said: %s", ms_strbuf_str(&err));
    ms_gnuplot_finish(gp, &err);
    ms_strbuf_free(&err);
}
