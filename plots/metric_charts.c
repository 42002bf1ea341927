/* metric_charts.c — the kind "line": count series grouped by metric, one
 * time-series chart per metric (chart_line.c draws it), titled from the
 * metric registry with where and when, the sources listed under it. Also
 * the list of charts made, which every kind fills. */
#include "plots/metric_charts.h"
#include "core/grow.h"
#include "plots/chart_common.h"
#include "plots/kinds.h"

#include <stdlib.h>
#include <string.h>

void ms_chart_list_free(ms_chart_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].metric);
        free(list->items[i].file_stem);
    }
    free(list->items);
    list->items = NULL;
    list->count = 0;
    list->cap = 0;
}

ms_status ms_chart_list_add(ms_chart_list *list, const char *metric, const char *file_stem)
{
    ms_chart_file *items = ms_grow(list->items, &list->cap, list->count, sizeof *items, 8);
    if (!items)
        return MS_ERR_NOMEM;
    list->items = items;
    char *m = malloc(strlen(metric) + 1), *stem = malloc(strlen(file_stem) + 1);
    if (!m || !stem) {
        free(m);
        free(stem);
        return MS_ERR_NOMEM;
    }
    strcpy(m, metric);
    strcpy(stem, file_stem);
    list->items[list->count++] = (ms_chart_file){m, stem};
    return MS_OK;
}

static bool has_value(const ms_series *s)
{
    for (size_t i = 0; i < s->count; i++)
        if (!ms_figure_is_missing(s->items[i]) && !ms_period_is_none(s->items[i]->period))
            return true;
    return false;
}

static void put_part(ms_strbuf *sb, const char *s, bool *first)
{
    if (!*first)
        ms_strbuf_puts(sb, " · ");
    ms_strbuf_puts(sb, s);
    *first = false;
}

char *ms_chart_series_label(const ms_series_key *k, unsigned parts)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    bool first = true;
    if (parts & MS_LABEL_METRIC)
        put_part(&sb, k->metric ? k->metric : "—", &first);
    if (parts & MS_LABEL_PLACE)
        put_part(&sb, k->place ? k->place : "—", &first);
    if ((parts & MS_LABEL_SUBJECT) && k->subject)
        put_part(&sb, k->subject, &first);
    if ((parts & MS_LABEL_BREAKDOWN) && k->breakdown)
        put_part(&sb, k->breakdown, &first);
    if ((parts & MS_LABEL_SOURCE) || first)
        put_part(&sb, k->source ? k->source : "unknown source", &first);
    return ms_strbuf_detach(&sb);
}

unsigned ms_chart_label_parts(const ms_series *const *s, size_t n, unsigned parts)
{
    unsigned varies = 0;
    for (size_t i = 1; i < n; i++) {
        const ms_series_key *a = &s[0]->key, *b = &s[i]->key;
        varies |= (!ms_str_eq(a->metric, b->metric) ? MS_LABEL_METRIC : 0u) |
                  (!ms_str_eq(a->place, b->place) ? MS_LABEL_PLACE : 0u) |
                  (!ms_str_eq(a->subject, b->subject) ? MS_LABEL_SUBJECT : 0u) |
                  (!ms_str_eq(a->breakdown, b->breakdown) ? MS_LABEL_BREAKDOWN : 0u) |
                  (!ms_str_eq(a->source, b->source) ? MS_LABEL_SOURCE : 0u);
    }
    return n > 1 ? parts & varies : parts;
}

/* The count series with a value among ss->items[from..to). */
static size_t drawable(const ms_series_set *ss, size_t from, size_t to, const ms_series **lines)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        if (ss->items[i].key.kind == MS_KIND_COUNT && has_value(&ss->items[i])) {
            if (lines)
                lines[n] = &ss->items[i];
            n++;
        }
    return n;
}

ms_status ms_chart_lines_of(ms_gnuplot *gp, const ms_series *const *lines, size_t n, bool with_metric,
                            const ms_chart_frame *frame, const char *out_base, unsigned formats,
                            ms_strbuf *err)
{
    char **labels = calloc(n ? n : 1, sizeof *labels);
    ms_status st = labels ? MS_OK : MS_ERR_NOMEM;
    /* only what tells the lines apart: the title names the rest */
    unsigned parts = ms_chart_label_parts(lines, n, MS_LABEL_ALL & ~(with_metric ? 0u : MS_LABEL_METRIC));
    for (size_t i = 0; i < n && st == MS_OK; i++)
        if (!(labels[i] = ms_chart_series_label(&lines[i]->key, parts)))
            st = MS_ERR_NOMEM;
    ms_line_chart chart = {
        .title = frame->title, .subtitle = frame->subtitle, .y_label = frame->y_label,
        .source_line = frame->source_line, .note = frame->note, .lines = (const ms_series *const *)lines,
        .labels = (const char *const *)labels, .n_lines = n, .width = frame->width, .height = frame->height,
    };
    if (st == MS_OK)
        st = ms_chart_line(gp, &chart, out_base, formats, err);
    for (size_t i = 0; labels && i < n; i++)
        free(labels[i]);
    free(labels);
    return st;
}

/* Draws the chart of the series ss->items[from..to) (all one metric). */
static ms_status draw_metric(ms_gnuplot *gp, const ms_plot_request *req, size_t from, size_t to,
                             size_t n_charts, ms_chart_list *out, ms_strbuf *err)
{
    const ms_series_set *ss = req->series;
    const char *metric = ss->items[from].key.metric;
    const ms_series **lines = calloc(to - from, sizeof *lines);
    char *stem = ms_chart_stem(metric);
    ms_strbuf sources, title, subtitle, base;
    ms_strbuf_init(&sources);
    ms_strbuf_init(&title);
    ms_strbuf_init(&subtitle);
    ms_strbuf_init(&base);
    ms_status st = lines && stem ? MS_OK : MS_ERR_NOMEM;
    size_t n = st == MS_OK ? drawable(ss, from, to, lines) : 0;
    if (st == MS_OK)
        st = ms_plot_out_base(req, "line", stem, n_charts, "one per metric", &base, err);
    if (st == MS_OK) {
        const char *unit = ms_chart_metric_unit(req->metrics, metric);
        ms_chart_put_sources(&sources, lines, n);
        ms_chart_put_metric_title(&title, req->metrics, metric);
        ms_chart_put_where_when(&subtitle, lines, n);
        ms_strbuf_printf(&subtitle, "; %s; whiskers show the interval each statement allows", unit);
        ms_chart_frame frame = {.title = ms_strbuf_str(&title), .subtitle = ms_strbuf_str(&subtitle),
                                .y_label = unit, .source_line = ms_strbuf_str(&sources),
                                .width = req->width, .height = req->height};
        if (ms_strbuf_failed(&sources) || ms_strbuf_failed(&title) || ms_strbuf_failed(&subtitle))
            st = MS_ERR_NOMEM;
        else
            st = ms_chart_lines_of(gp, lines, n, false, &frame, ms_strbuf_str(&base), req->formats, err);
    }
    if (st == MS_OK)
        st = ms_chart_list_add(out, metric, stem);
    free(lines);
    free(stem);
    ms_strbuf_free(&sources);
    ms_strbuf_free(&title);
    ms_strbuf_free(&subtitle);
    ms_strbuf_free(&base);
    return st;
}

/* The runs [from, to) of series of one metric (series are ordered by key,
 * so one metric's series are adjacent) that have a count to draw. */
static size_t metric_runs(const ms_series_set *ss, size_t *from, size_t *to, size_t cap)
{
    size_t n = 0;
    for (size_t a = 0; a < ss->count;) {
        size_t b = a + 1;
        while (b < ss->count && strcmp(ss->items[b].key.metric, ss->items[a].key.metric) == 0)
            b++;
        if (drawable(ss, a, b, NULL)) {
            if (n < cap) {
                from[n] = a;
                to[n] = b;
            }
            n++;
        }
        a = b;
    }
    return n;
}

ms_status ms_plot_kind_line(ms_gnuplot *gp, const ms_plot_request *req, ms_chart_list *out, ms_strbuf *err)
{
    ms_status st = ms_chart_check_output(req->out_base ? req->out_base : "line", req->formats, err);
    if (st != MS_OK)
        return st;
    size_t cap = req->series->count;
    size_t *from = calloc(cap ? cap * 2 : 1, sizeof *from);
    if (!from)
        return MS_ERR_NOMEM;
    size_t *to = from + cap;
    size_t n = metric_runs(req->series, from, to, cap);
    if (n == 0)
        st = ms_chart_no_data(req->out_base ? req->out_base : req->out_dir, "no stated count with a period to draw",
                              err);
    for (size_t i = 0; i < n && st == MS_OK; i++)
        st = draw_metric(gp, req, from[i], to[i], n, out, err);
    free(from);
    return st;
}

ms_status ms_plot_metric_charts(ms_gnuplot *gp, const ms_series_set *ss,
                                const ms_metric_registry *metrics, const char *dir,
                                unsigned formats, ms_chart_list *out, ms_strbuf *err)
{
    out->items = NULL;
    out->count = 0;
    out->cap = 0;
    size_t cap = ss->count;
    size_t *from = calloc(cap ? cap * 2 : 1, sizeof *from);
    if (!from)
        return MS_ERR_NOMEM;
    ms_plot_request req = {.series = ss, .metrics = metrics, .out_dir = dir, .formats = formats};
    size_t n = metric_runs(ss, from, from + cap, cap);
    ms_status st = MS_OK;
    for (size_t i = 0; i < n && st == MS_OK; i++)
        st = draw_metric(gp, &req, from[i], from[cap + i], n, out, err);
    free(from);
    return st; /* nothing to draw is no error here: the report says so */
}
