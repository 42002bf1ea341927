/* chart_multiples.c — the kind "multiples": small multiples through
 * gnuplot's multiplot, one panel per metric or per place (--by), every
 * panel on the same x range (the periods of all of them) and its own y
 * scale from 0; in a panel one line per series, coloured by what tells the
 * series apart (the same colour in every panel) and named once in a
 * legend under the panels. */
#include "plots/chart_common.h"
#include "plots/datablock.h"
#include "plots/kinds.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_PX 15.0 /* a line of 11 px text, for the layout */

typedef struct panels {
    const ms_series **series; /* drawable count series, grouped by panel */
    size_t n;
    size_t *panel_at;         /* first series of each panel; n_panels + 1 entries */
    size_t n_panels;
    char **labels;            /* per series: what tells it apart (owned) */
    size_t *colour;           /* per series: index of its label among the distinct ones */
    size_t n_colours;
} panels;

static const char *panel_key(const ms_series *s, bool by_place)
{
    return by_place ? s->key.place : s->key.metric;
}

static int cmp_by_metric(const void *pa, const void *pb)
{
    const ms_series *a = *(const ms_series *const *)pa, *b = *(const ms_series *const *)pb;
    return ms_series_key_compare(&a->key, &b->key);
}

static int cmp_by_place(const void *pa, const void *pb)
{
    const ms_series *a = *(const ms_series *const *)pa, *b = *(const ms_series *const *)pb;
    int c = ms_str_cmp(a->key.place, b->key.place);
    return c ? c : ms_series_key_compare(&a->key, &b->key);
}

static void panels_free(panels *p)
{
    for (size_t i = 0; p->labels && i < p->n; i++)
        free(p->labels[i]);
    free(p->labels);
    free(p->colour);
    free(p->panel_at);
    free(p->series);
}

static ms_status panels_make(const ms_series_set *ss, bool by_place, panels *p)
{
    *p = (panels){0};
    size_t cap = ss->count ? ss->count : 1;
    p->series = calloc(cap, sizeof *p->series);
    p->panel_at = calloc(cap + 1, sizeof *p->panel_at);
    p->labels = calloc(cap, sizeof *p->labels);
    p->colour = calloc(cap, sizeof *p->colour);
    if (!p->series || !p->panel_at || !p->labels || !p->colour)
        return MS_ERR_NOMEM;
    ms_chart_extent e;
    for (size_t i = 0; i < ss->count; i++) {
        ms_chart_extent_init(&e);
        if (ss->items[i].key.kind == MS_KIND_COUNT && ms_chart_extent_add_series(&e, &ss->items[i]))
            p->series[p->n++] = &ss->items[i];
    }
    qsort(p->series, p->n, sizeof *p->series, by_place ? cmp_by_place : cmp_by_metric);
    for (size_t i = 0; i < p->n; i++)
        if (i == 0 || !ms_str_eq(panel_key(p->series[i], by_place), panel_key(p->series[i - 1], by_place)))
            p->panel_at[p->n_panels++] = i;
    p->panel_at[p->n_panels] = p->n;
    /* labels: what differs among all the series, the panel's part left out */
    unsigned parts = ms_chart_label_parts(p->series, p->n, MS_LABEL_ALL) &
                     ~(by_place ? MS_LABEL_PLACE : MS_LABEL_METRIC);
    for (size_t i = 0; i < p->n; i++) {
        if (!(p->labels[i] = ms_chart_series_label(&p->series[i]->key, parts)))
            return MS_ERR_NOMEM;
        size_t k = 0;
        while (k < i && strcmp(p->labels[k], p->labels[i]) != 0)
            k++;
        p->colour[i] = k < i ? p->colour[k] : p->n_colours++;
    }
    return MS_OK;
}

/* One panel: its title, the shared x axis, its own y axis and lines. */
static void panel_body(const panels *p, size_t k, bool by_place, const ms_chart_extent *shared,
                       double plot_px, ms_strbuf *sb)
{
    const ms_series *first = p->series[p->panel_at[k]];
    const char *name = panel_key(first, by_place);
    ms_strbuf_puts(sb, "set title ");
    ms_gp_quote(name ? name : "—", sb);
    ms_strbuf_puts(sb, " noenhanced font 'sans Bold,11' textcolor rgb '#222222'\n");
    ms_chart_time_axis(shared, plot_px, true, sb);
    ms_chart_extent e;
    ms_chart_extent_init(&e);
    for (size_t i = p->panel_at[k]; i < p->panel_at[k + 1]; i++)
        ms_chart_extent_add_series(&e, p->series[i]);
    ms_value_axis y = {.axis = 'y', .from_zero = true, .n_ticks = 4};
    double bottom, top;
    ms_chart_value_axis(&y, e.y_lo, e.y_hi, sb, &bottom, &top);
    ms_strbuf_puts(sb, "plot ");
    for (size_t i = p->panel_at[k]; i < p->panel_at[k + 1]; i++) {
        size_t c = p->colour[i];
        ms_strbuf_printf(sb, "%s$ms_m%zu using 1:2:5:6:3:4 with xyerrorlines pt %d ps 0.8 lw 2 lc rgb '%s' notitle",
                         i > p->panel_at[k] ? ", \\\n     " : "", i, ms_chart_point_filled[c % MS_CHART_N_POINTS],
                         ms_chart_palette[c % MS_CHART_N_COLOURS]);
    }
    ms_strbuf_putc(sb, '\n');
}

static ms_status draw_multiples(ms_gnuplot *gp, const ms_plot_request *req, const panels *p, bool by_place,
                                const char *out_base, ms_strbuf *err)
{
    ms_chart_extent shared;
    ms_chart_extent_init(&shared);
    ms_strbuf data, body, title, subtitle, sources;
    ms_strbuf_init(&data);
    ms_strbuf_init(&body);
    ms_strbuf_init(&title);
    ms_strbuf_init(&subtitle);
    ms_strbuf_init(&sources);
    for (size_t i = 0; i < p->n; i++) {
        char name[32];
        snprintf(name, sizeof name, "ms_m%zu", i);
        ms_datablock_series(name, p->series[i], &data);
        ms_chart_extent_add_series(&shared, p->series[i]);
    }
    size_t cols = p->n_panels <= 1 ? 1 : p->n_panels <= 4 ? 2 : 3;
    size_t rows = (p->n_panels + cols - 1) / cols;

    /* texts: what the panels are, where and when */
    bool one_metric = true;
    for (size_t i = 1; i < p->n; i++)
        one_metric = one_metric && ms_str_eq(p->series[i]->key.metric, p->series[0]->key.metric);
    if (one_metric)
        ms_chart_put_metric_title(&title, req->metrics, p->series[0]->key.metric);
    else
        ms_strbuf_puts(&title, by_place ? "Figures by place" : "Figures by metric");
    ms_strbuf_printf(&title, ", one panel per %s", by_place ? "place" : "metric");
    ms_chart_put_where_when(&subtitle, p->series, p->n);
    ms_strbuf_printf(&subtitle, "; %s; each panel has its own scale from 0, the same years; whiskers show the "
                                "interval each statement allows",
                     one_metric ? ms_chart_metric_unit(req->metrics, p->series[0]->key.metric) : "units differ");
    ms_chart_put_sources(&sources, p->series, p->n);
    size_t widest = 1;
    for (size_t i = 0; i < p->n; i++) {
        size_t w = ms_chart_n_chars(p->labels[i], strlen(p->labels[i]));
        widest = w > widest ? w : widest;
    }
    ms_chart_frame frame = {.title = ms_strbuf_str(&title), .subtitle = ms_strbuf_str(&subtitle),
                            .source_line = ms_strbuf_str(&sources), .width = req->width, .height = req->height};
    size_t legend = p->n_colours > 1 ? ms_chart_legend_rows(&frame, p->n_colours, widest) : 0;
    if (!(req->height > 0))
        frame.height = (int)fmax(450.0, 150.0 + 200.0 * (double)rows + LINE_PX * 1.2 * (double)legend);
    size_t top_lines;
    double bottom_lines;
    ms_chart_frame_texts(&frame, legend, &body, &top_lines, &bottom_lines);
    double h = (double)ms_chart_height(&frame);
    double y1 = 1.0 - ((double)top_lines - 0.5) * LINE_PX / h, y0 = (bottom_lines - 1.5) * LINE_PX / h;
    double pw = 1.0 / (double)cols, ph = (y1 - y0) / (double)rows;
    double plot_px = (double)ms_chart_width(&frame) * pw - 80.0;
    ms_strbuf_puts(&body, "unset key\nset multiplot\n");
    for (size_t k = 0; k < p->n_panels; k++) {
        size_t r = k / cols, c = k % cols;
        ms_strbuf_puts(&body, "set origin ");
        ms_strbuf_num(&body, (double)c * pw);
        ms_strbuf_putc(&body, ',');
        ms_strbuf_num(&body, y1 - (double)(r + 1) * ph);
        ms_strbuf_puts(&body, "\nset size ");
        ms_strbuf_num(&body, pw);
        ms_strbuf_putc(&body, ',');
        ms_strbuf_num(&body, ph);
        ms_strbuf_puts(&body, "\nset tmargin 2.2\nset bmargin 2.4\nset lmargin 9\nset rmargin 2\n");
        panel_body(p, k, by_place, &shared, plot_px, &body);
        if (k == 0) /* the frame's texts once, not under every panel */
            ms_strbuf_puts(&body, "unset label\n");
    }
    if (legend) { /* the legend alone, under the panels */
        ms_strbuf_puts(&body, "set origin 0,0\nset size 1,1\nunset title\nunset border\nunset tics\nunset grid\n"
                              "unset xzeroaxis\nset xdata\nset xrange [0:1]\nset yrange [0:1]\n");
        ms_chart_put_key(&body, bottom_lines - 2.2);
        ms_strbuf_puts(&body, "plot ");
        for (size_t ci = 0, drawn = 0; ci < p->n_colours; ci++)
            for (size_t i = 0; i < p->n; i++)
                if (p->colour[i] == ci) {
                    ms_strbuf_printf(&body, "%sNaN with linespoints pt %d ps 0.8 lw 2 lc rgb '%s' title ",
                                     drawn++ ? ", " : "", ms_chart_point_filled[ci % MS_CHART_N_POINTS],
                                     ms_chart_palette[ci % MS_CHART_N_COLOURS]);
                    ms_gp_quote(p->labels[i], &body);
                    break;
                }
        ms_strbuf_putc(&body, '\n');
    }
    ms_strbuf_puts(&body, "unset multiplot\n");
    ms_status st = ms_strbuf_failed(&title) || ms_strbuf_failed(&subtitle) || ms_strbuf_failed(&sources)
                       ? MS_ERR_NOMEM
                       : ms_chart_draw(gp, &frame, out_base, req->formats, &data, &body, err);
    ms_strbuf_free(&data);
    ms_strbuf_free(&body);
    ms_strbuf_free(&title);
    ms_strbuf_free(&subtitle);
    ms_strbuf_free(&sources);
    return st;
}

ms_status ms_plot_kind_multiples(ms_gnuplot *gp, const ms_plot_request *req, ms_chart_list *out,
                                 ms_strbuf *err)
{
    bool by_place = req->by && strcmp(req->by, "place") == 0;
    if (req->by && !by_place && strcmp(req->by, "metric") != 0) {
        ms_strbuf_printf(err, "plot --kind multiples: --by is metric or place\n");
        return MS_ERR_USAGE;
    }
    const char *stem = by_place ? "multiples_by_place" : "multiples_by_metric";
    ms_status st = ms_chart_check_output(req->out_base ? req->out_base : stem, req->formats, err);
    if (st != MS_OK)
        return st;
    panels p;
    st = panels_make(req->series, by_place, &p);
    if (st == MS_OK && p.n == 0)
        st = ms_chart_no_data(req->out_base ? req->out_base : req->out_dir, "no stated count with a period to draw",
                              err);
    ms_strbuf base;
    ms_strbuf_init(&base);
    if (st == MS_OK)
        st = ms_plot_out_base(req, "multiples", stem, 1, "one", &base, err);
    if (st == MS_OK)
        st = draw_multiples(gp, req, &p, by_place, ms_strbuf_str(&base), err);
    if (st == MS_OK)
        st = ms_chart_list_add(out, by_place ? "place" : "metric", stem);
    ms_strbuf_free(&base);
    panels_free(&p);
    return st;
}
