/* bench_charts.c — N time-series charts (SVG) drawn two ways: all through
 * one gnuplot process (what migstat does) and one gnuplot process per
 * chart (what a script calling gnuplot per chart does). Prints one line per
 * way: charts, seconds, charts per second. Used by bench/charts/run.sh.
 *   usage: bench_charts N OUT_DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/figure.h"
#include "core/series.h"
#include "plots/plots.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One series per chart: ten yearly counts with hedge intervals. */
static ms_status make_series(int n, ms_figure_set *set, ms_series_set *ss)
{
    ms_figure_set_init(set);
    char source[32];
    for (int c = 0; c < n; c++) {
        snprintf(source, sizeof source, "outlet-%03d", c);
        for (int y = 0; y < 10; y++) {
            ms_figure f;
            ms_figure_init(&f);
            f.metric = "deportations";
            f.source = source;
            f.place = "RU";
            f.value = 40000.0 + 3000.0 * y + 500.0 * (c % 7);
            f.hedge = y % 3 ? MS_HEDGE_NONE : MS_HEDGE_ABOUT;
            ms_figure_set_range_from_hedge(&f, 100.0);
            f.period = (ms_period){ms_day_from_civil(2010 + y, 1, 1), ms_day_from_civil(2010 + y, 12, 31)};
            ms_status st = ms_figure_set_add(set, &f);
            if (st != MS_OK)
                return st;
        }
    }
    return ms_series_group(set, ss, NULL);
}

static int draw(ms_gnuplot *gp, const ms_series *s, const char *dir, int i, ms_strbuf *err)
{
    char base[4096];
    snprintf(base, sizeof base, "%s/chart_%03d", dir, i);
    const ms_series *lines[1] = {s};
    ms_line_chart chart = {"Deportations", "persons, yearly", NULL, "Source: generated", lines, NULL, 1};
    return ms_chart_line(gp, &chart, base, MS_PLOT_SVG, err) == MS_OK ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench_charts N OUT_DIR\n");
        return 1;
    }
    int n = atoi(argv[1]);
    ms_figure_set set;
    ms_series_set ss;
    if (n <= 0 || make_series(n, &set, &ss) != MS_OK || ss.count != (size_t)n) {
        fprintf(stderr, "bench_charts: cannot make %d series\n", n);
        return 1;
    }
    ms_strbuf err;
    ms_strbuf_init(&err);
    int failed = 0;

    double t0 = now();
    ms_gnuplot *gp = NULL;
    if (ms_gnuplot_start(&gp, NULL, 60.0, &err) != MS_OK) {
        fprintf(stderr, "bench_charts: %s\n", ms_strbuf_str(&err));
        return 3;
    }
    for (int i = 0; i < n; i++)
        failed |= draw(gp, &ss.items[i], argv[2], i, &err);
    failed |= ms_gnuplot_finish(gp, &err) != MS_OK;
    double one = now() - t0;

    t0 = now();
    for (int i = 0; i < n; i++) {
        ms_gnuplot *own = NULL;
        if (ms_gnuplot_start(&own, NULL, 60.0, &err) != MS_OK) {
            failed = 1;
            break;
        }
        failed |= draw(own, &ss.items[i], argv[2], n + i, &err);
        failed |= ms_gnuplot_finish(own, &err) != MS_OK;
    }
    double each = now() - t0;

    if (failed)
        fprintf(stderr, "bench_charts: a chart failed: %s\n", ms_strbuf_str(&err));
    printf("one_process\t%d\t%.3f\t%.1f\n", n, one, n / one);
    printf("process_per_chart\t%d\t%.3f\t%.1f\n", n, each, n / each);
    ms_series_set_free(&ss);
    ms_figure_set_free(&set);
    ms_strbuf_free(&err);
    return failed;
}
