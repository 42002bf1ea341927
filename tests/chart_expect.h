/* chart_expect.h — what the tests of chart kinds share: figures read from
 * tests/fixtures/plots/, a kind drawn by a real gnuplot (optionally the
 * recording one, so tests see the commands and datablocks), the SVG read
 * back, counts of a text in it, and the hostile-label check (no canary file
 * anywhere, the chart written). Header-only, for tests; every test runs in
 * its own folder (workdir.h). */
#ifndef MS_TEST_CHART_EXPECT_H
#define MS_TEST_CHART_EXPECT_H

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/metric.h"
#include "ingest/ingest.h"
#include "plots/kinds.h"
#include "workdir.h"

typedef struct chart_input {
    ms_metric_registry metrics;
    ms_figure_set figures;
    ms_series_set series;
} chart_input;

/* fixtures/plots/<name> read as migstat CSV. */
static inline void chart_input_load(chart_input *in, const char *name)
{
    ms_diag diag;
    ms_diag_init(&diag);
    ms_metric_registry_init(&in->metrics);
    cr_assert_eq(ms_metric_registry_load(&in->metrics, MS_DATA_DIR "/metrics.tsv", &diag), MS_OK);
    ms_figure_set_init(&in->figures);
    char path[512];
    snprintf(path, sizeof path, "%s/plots/%s", MS_TEST_FIXTURES, name);
    ms_ingest_options opt = {.metrics = &in->metrics};
    cr_assert_eq(ms_ingest_path(path, MS_FORMAT_CSV, &opt, &in->figures, &diag), MS_OK, "%s", path);
    ms_diag_free(&diag);
    cr_assert_eq(ms_series_group(&in->figures, &in->series, NULL), MS_OK);
}

static inline void chart_input_free(chart_input *in)
{
    ms_series_set_free(&in->series);
    ms_figure_set_free(&in->figures);
    ms_metric_registry_free(&in->metrics);
}

/* A request for one file out_base (NULL: into the current folder). */
static inline ms_plot_request chart_request(const chart_input *in, const char *out_base)
{
    return (ms_plot_request){.figures = &in->figures, .series = &in->series, .metrics = &in->metrics,
                             .out_dir = out_base ? NULL : ".", .out_base = out_base, .formats = MS_PLOT_SVG};
}

/* The same, with no figure at all. */
static inline void chart_input_empty(chart_input *in)
{
    ms_metric_registry_init(&in->metrics);
    ms_figure_set_init(&in->figures);
    cr_assert_eq(ms_series_group(&in->figures, &in->series, NULL), MS_OK);
}

/* Draws kind `name` with gnuplot (recording = the recording stand-in);
 * returns the kind's status, gnuplot's exit folded in, messages in err. */
static inline ms_status chart_run(const char *name, const ms_plot_request *req, bool recording, ms_strbuf *err)
{
    const ms_plot_kind *kind = ms_plot_kind_find(name);
    cr_assert_not_null(kind, "no kind %s", name);
    ms_gnuplot *gp;
    cr_assert_eq(ms_gnuplot_start(&gp, recording ? install_program("plot_recording_gnuplot.sh") : NULL, 30, err),
                 MS_OK, "%s", ms_strbuf_str(err));
    ms_chart_list list = {NULL, 0, 0};
    ms_status st = kind->run(gp, req, &list, err);
    ms_status fst = ms_gnuplot_finish(gp, err);
    ms_chart_list_free(&list);
    return st != MS_OK ? st : fst;
}

/* The whole file as a string (static buffer; "" if it cannot be read). */
static inline const char *chart_slurp(const char *path)
{
    static char buf[1 << 21];
    buf[0] = '\0';
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return buf;
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    return buf;
}

static inline size_t chart_count(const char *text, const char *needle)
{
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

/* Lines of datablock $name in gnuplot's recorded input (0 when absent). */
static inline size_t chart_block_rows(const char *input, const char *name)
{
    char head[64];
    snprintf(head, sizeof head, "$%s << MS_END\n", name);
    const char *p = strstr(input, head);
    if (!p)
        return 0;
    p += strlen(head);
    size_t n = 0;
    while (*p && strncmp(p, "MS_END\n", 7) != 0) {
        const char *nl = strchr(p, '\n');
        if (!nl)
            break;
        n += nl > p; /* a blank line breaks a line, it is no row */
        p = nl + 1;
    }
    return n;
}

/* Every kind: nothing to draw is MS_ERR_DATA saying so (no file made),
 * and an output name gnuplot would run is MS_ERR_USAGE. */
static inline void chart_expect_errors(const char *name, const char *fixture, ms_plot_request extra,
                                       const char *no_data_words)
{
    chart_input empty, in;
    chart_input_empty(&empty);
    chart_input_load(&in, fixture);
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_plot_request req = chart_request(&empty, "empty");
    req.num = extra.num;
    req.den = extra.den;
    req.by = extra.by;
    cr_assert_eq(chart_run(name, &req, false, &err), MS_ERR_DATA, "%s", ms_strbuf_str(&err));
    cr_assert_not_null(strstr(ms_strbuf_str(&err), "chart 'empty': "), "%s", ms_strbuf_str(&err));
    cr_assert_not_null(strstr(ms_strbuf_str(&err), no_data_words), "%s", ms_strbuf_str(&err));
    cr_assert_not(access("empty.svg", F_OK) == 0);
    const char *bad[] = {"|touch CANARY", "<x", "out/|x", "a\nb", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ms_strbuf_clear(&err);
        req = chart_request(&in, bad[i]);
        req.num = extra.num;
        req.den = extra.den;
        req.by = extra.by;
        cr_assert_eq(chart_run(name, &req, false, &err), MS_ERR_USAGE, "%s: %s", bad[i], ms_strbuf_str(&err));
        cr_assert_not_null(strstr(ms_strbuf_str(&err), "refusing chart output name"), "%s", ms_strbuf_str(&err));
    }
    cr_assert_not(access("CANARY", F_OK) == 0);
    ms_strbuf_free(&err);
    chart_input_free(&in);
    chart_input_free(&empty);
}

static inline bool chart_exists(const char *path) { return access(path, F_OK) == 0; }

/* The hostile fixture drawn by kind `name` (with extra request fields set
 * by the caller): nothing ran, every chart is there and complete, and the
 * SVGs hold `literal` (a label drawn as text). Returns the charts made. */
static inline size_t chart_expect_hostile_is_harmless(const char *name, ms_plot_request *req, const char *literal)
{
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(chart_run(name, req, false, &err), MS_OK, "%s", ms_strbuf_str(&err));
    cr_assert_not(chart_exists("CANARY"), "a label ran a command");
    cr_assert_not(chart_exists("/tmp/CANARY"), "a label ran a command");
    cr_assert_eq(err.len, 0, "gnuplot complained: %s", ms_strbuf_str(&err));
    DIR *d = opendir(".");
    cr_assert_not_null(d);
    size_t n = 0;
    bool found = false;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 4 || strcmp(e->d_name + len - 4, ".svg") != 0)
            continue;
        n++;
        const char *text = chart_slurp(e->d_name);
        cr_assert_not_null(strstr(text, "</svg>"), "%s is complete", e->d_name);
        found = found || strstr(text, literal);
    }
    closedir(d);
    cr_assert_gt(n, 0, "no chart was written");
    cr_assert(found, "'%s' is not drawn as text", literal);
    ms_strbuf_free(&err);
    return n;
}

#endif
