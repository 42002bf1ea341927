/* metric_charts.c — groups count series by metric and draws one line chart
 * per metric (chart_line.c does the drawing). */
#include "plots/metric_charts.h"
#include "core/grow.h"

#include <ctype.h>
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

static bool has_value(const ms_series *s)
{
    for (size_t i = 0; i < s->count; i++)
        if (!ms_figure_is_missing(s->items[i]))
            return true;
    return false;
}

/* "RU · foreign_citizens · source" — the parts that tell lines apart. */
static char *line_label(const ms_series_key *k)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_strbuf_puts(&sb, k->place ? k->place : "—");
    if (k->subject) {
        ms_strbuf_puts(&sb, " · ");
        ms_strbuf_puts(&sb, k->subject);
    }
    ms_strbuf_puts(&sb, " · ");
    ms_strbuf_puts(&sb, k->source ? k->source : "unknown source");
    return ms_strbuf_detach(&sb);
}

static char *file_stem_of(const char *metric)
{
    size_t n = strlen(metric);
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)metric[i];
        p[i] = (char)((isalnum(c) && c < 0x80) || c == '_' || c == '-' ? tolower(c) : '_');
    }
    p[n] = '\0';
    return p;
}

/* Draws the chart of the series ss->items[from..to) (all one metric). */
static ms_status draw_metric(ms_gnuplot *gp, const ms_series_set *ss, size_t from, size_t to,
                             const ms_metric_registry *metrics, const char *dir, unsigned formats,
                             ms_chart_list *out, ms_strbuf *err)
{
    const char *metric = ss->items[from].key.metric;
    size_t n = 0;
    const ms_series **lines = calloc(to - from, sizeof *lines);
    char **labels = calloc(to - from, sizeof *labels);
    ms_strbuf sources, title, subtitle, base;
    ms_strbuf_init(&sources);
    ms_strbuf_init(&title);
    ms_strbuf_init(&subtitle);
    ms_strbuf_init(&base);
    char *stem = file_stem_of(metric);
    ms_status st = (lines && labels && stem) ? MS_OK : MS_ERR_NOMEM;
    for (size_t i = from; i < to && st == MS_OK; i++) {
        const ms_series *s = &ss->items[i];
        if (s->key.kind != MS_KIND_COUNT || !has_value(s))
            continue;
        lines[n] = s;
        labels[n] = line_label(&s->key);
        if (!labels[n])
            st = MS_ERR_NOMEM;
        n++;
    }
    if (st == MS_OK && n > 0) {
        const ms_metric *m = ms_metric_find(metrics, metric);
        ms_strbuf_puts(&sources, "Sources: ");
        for (size_t i = 0; i < n; i++) {
            bool seen = false;
            for (size_t j = 0; j < i; j++)
                seen = seen || ms_str_eq(lines[j]->key.source, lines[i]->key.source);
            if (seen)
                continue;
            if (i)
                ms_strbuf_puts(&sources, ", ");
            ms_strbuf_puts(&sources, lines[i]->key.source ? lines[i]->key.source : "unknown");
        }
        /* the registry describes metrics in lowercase; a title starts upper */
        const char *what = m && m->description && *m->description ? m->description : metric;
        ms_strbuf_putc(&title, (char)toupper((unsigned char)what[0]));
        ms_strbuf_puts(&title, what + 1);
        ms_strbuf_puts(&subtitle, m && m->unit ? m->unit : "count");
        ms_strbuf_puts(&subtitle, "; whiskers show the interval each statement allows");
        ms_strbuf_printf(&base, "%s/%s", dir, stem);
        ms_line_chart chart = {
            .title = ms_strbuf_str(&title),
            .subtitle = ms_strbuf_str(&subtitle),
            .y_label = m && m->unit ? m->unit : NULL,
            .source_line = ms_strbuf_str(&sources),
            .lines = lines,
            .labels = (const char *const *)labels,
            .n_lines = n,
        };
        if (ms_strbuf_failed(&sources) || ms_strbuf_failed(&title) || ms_strbuf_failed(&subtitle) ||
            ms_strbuf_failed(&base))
            st = MS_ERR_NOMEM;
        else
            st = ms_chart_line(gp, &chart, ms_strbuf_str(&base), formats, err);
        if (st == MS_OK) {
            ms_chart_file *items = ms_grow(out->items, &out->cap, out->count, sizeof *items, 8);
            char *mcopy = items ? malloc(strlen(metric) + 1) : NULL;
            if (!items || !mcopy) {
                if (items)
                    out->items = items;
                free(mcopy);
                st = MS_ERR_NOMEM;
            } else {
                out->items = items;
                strcpy(mcopy, metric);
                out->items[out->count].metric = mcopy;
                out->items[out->count].file_stem = stem;
                stem = NULL;
                out->count++;
            }
        }
    }
    for (size_t i = 0; labels && i < n; i++)
        free(labels[i]);
    free(labels);
    free(lines);
    free(stem);
    ms_strbuf_free(&sources);
    ms_strbuf_free(&title);
    ms_strbuf_free(&subtitle);
    ms_strbuf_free(&base);
    return st;
}

ms_status ms_plot_metric_charts(ms_gnuplot *gp, const ms_series_set *ss,
                                const ms_metric_registry *metrics, const char *dir,
                                unsigned formats, ms_chart_list *out, ms_strbuf *err)
{
    out->items = NULL;
    out->count = 0;
    out->cap = 0;
    /* series are ordered by key, so one metric's series are adjacent */
    size_t from = 0;
    while (from < ss->count) {
        size_t to = from + 1;
        while (to < ss->count && strcmp(ss->items[to].key.metric, ss->items[from].key.metric) == 0)
            to++;
        ms_status st = draw_metric(gp, ss, from, to, metrics, dir, formats, out, err);
        if (st != MS_OK)
            return st;
        from = to;
    }
    return MS_OK;
}
