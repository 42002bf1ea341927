/* chart_line.c — the time-series chart (ms_chart_line): one line per
 * series, whiskers for each figure's interval, provisional and estimated
 * values hollow, a break in series splitting the line, and a note naming
 * both; the frame, axes and rendering are chart_common.c's. */
#include "plots/chart_common.h"
#include "plots/datablock.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool has_flag(const ms_figure *f, char c) { return f->flags && strchr(f->flags, c); }
static bool is_hollow(const ms_figure *f) { return has_flag(f, 'p') || has_flag(f, 'e'); }

/* "$ms_p<i>": x y of the provisional or estimated points of a line (no
 * block when there are none). */
static size_t hollow_block(size_t i, const ms_series *s, ms_strbuf *data)
{
    size_t n = 0;
    ms_datablock_point pt;
    for (size_t k = 0; k < s->count; k++)
        n += is_hollow(s->items[k]) && ms_datablock_point_of(s->items[k], &pt);
    if (n == 0)
        return 0;
    ms_strbuf_printf(data, "$ms_p%zu << %s\n", i, MS_DATABLOCK_END);
    for (size_t k = 0; k < s->count; k++) {
        if (!is_hollow(s->items[k]) || !ms_datablock_point_of(s->items[k], &pt))
            continue;
        ms_datablock_row(data, (double[]){pt.x, pt.y}, 2);
    }
    ms_strbuf_puts(data, MS_DATABLOCK_END "\n");
    return n;
}

/* Up to this many figures are named in a note, then "and N more". */
#define NOTE_NAMES 4

/* Appends "<what>: label period (flag), ...; " for the figures of every
 * line that `pick` selects. */
static void note_figures(const ms_line_chart *c, const char *what, bool (*pick)(const ms_figure *),
                         bool show_flag, ms_strbuf *note)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n_lines; i++)
        for (size_t k = 0; c->lines[i] && k < c->lines[i]->count; k++) {
            const ms_figure *f = c->lines[i]->items[k];
            if (!pick(f) || ms_period_is_none(f->period) || !isfinite(f->value))
                continue;
            if (n < NOTE_NAMES) {
                ms_strbuf_puts(note, n ? ", " : note->len ? " " : "");
                if (n == 0) {
                    ms_strbuf_puts(note, what);
                    ms_strbuf_puts(note, ": ");
                }
                const char *label = c->labels ? c->labels[i] : NULL;
                if (label && *label && c->n_lines > 1) {
                    ms_strbuf_puts(note, label);
                    ms_strbuf_putc(note, ' ');
                }
                char period[MS_PERIOD_BUFSZ];
                ms_period_format(f->period, period);
                ms_strbuf_puts(note, period);
                if (show_flag)
                    ms_strbuf_printf(note, " (%s)", has_flag(f, 'p') ? "provisional" : "estimated");
            }
            n++;
        }
    if (n > NOTE_NAMES)
        ms_strbuf_printf(note, " and %zu more", n - NOTE_NAMES);
    if (n)
        ms_strbuf_putc(note, '.');
}

static bool is_break(const ms_figure *f) { return has_flag(f, 'b'); }

/* The caller's note, then what the chart itself must say. */
static void chart_note(const ms_line_chart *c, ms_strbuf *note)
{
    if (c->note && *c->note) {
        ms_strbuf_puts(note, c->note);
        size_t n = strlen(c->note);
        if (c->note[n - 1] != '.')
            ms_strbuf_putc(note, '.');
    }
    note_figures(c, "Hollow points are provisional or estimated", is_hollow, true, note);
    note_figures(c, "The line breaks where the series does (flag b)", is_break, false, note);
}

/* Everything but terminal, output and data: texts, axes, the plot. */
static void chart_body(const ms_line_chart *c, const ms_chart_frame *frame, const ms_chart_extent *e,
                       const size_t *points, const size_t *hollow, ms_strbuf *sb)
{
    size_t n_labelled = 0, widest = 1;
    for (size_t i = 0; i < c->n_lines; i++) {
        const char *l = c->labels ? c->labels[i] : NULL;
        if (!l || !*l || !points[i])
            continue;
        n_labelled++;
        size_t w = ms_chart_n_chars(l, strlen(l));
        widest = w > widest ? w : widest;
    }
    ms_chart_frame_texts(frame, ms_chart_legend_rows(frame, n_labelled, widest), sb, NULL, NULL);
    ms_chart_time_axis(e, ms_chart_plot_px(frame), true, sb);
    ms_value_axis y = {.axis = 'y', .from_zero = true};
    double bottom, top;
    ms_chart_value_axis(&y, e->y_lo, e->y_hi, sb, &bottom, &top);
    ms_strbuf_puts(sb, "plot ");
    size_t drawn = 0;
    for (size_t i = 0; i < c->n_lines; i++) {
        if (!points[i])
            continue; /* gnuplot would only warn about an empty line */
        if (drawn++)
            ms_strbuf_puts(sb, ", \\\n     ");
        /* each line a little thinner and its points smaller than the one
         * before, so where sources agree the earlier line shows around the
         * later one instead of vanishing under it */
        double rank = (double)(drawn - 1);
        double ps = fmax(0.6, 1.6 - 0.35 * rank);
        const char *colour = ms_chart_palette[i % MS_CHART_N_COLOURS];
        ms_strbuf_printf(sb, "$ms_d%zu using 1:2:5:6:3:4 with xyerrorlines pt %d lc rgb '%s' lw ", i,
                         ms_chart_point_filled[i % MS_CHART_N_POINTS], colour);
        ms_strbuf_num(sb, fmax(1.0, 3.2 - 0.7 * rank));
        ms_strbuf_puts(sb, " ps ");
        ms_strbuf_num(sb, ps);
        ms_strbuf_putc(sb, ' ');
        const char *label = c->labels ? c->labels[i] : NULL;
        if (label && *label) {
            ms_strbuf_puts(sb, "title ");
            ms_gp_quote(label, sb);
        } else {
            ms_strbuf_puts(sb, "notitle");
        }
        if (hollow[i]) { /* white inside, then the hollow shape over it */
            ms_strbuf_printf(sb, ", \\\n     $ms_p%zu using 1:2 with points pt %d ps ", i,
                             ms_chart_point_filled[i % MS_CHART_N_POINTS]);
            ms_strbuf_num(sb, ps * 0.8);
            ms_strbuf_printf(sb, " lc rgb 'white' notitle, \\\n     $ms_p%zu using 1:2 with points pt %d ps ", i,
                             ms_chart_point_hollow[i % MS_CHART_N_POINTS]);
            ms_strbuf_num(sb, ps);
            ms_strbuf_printf(sb, " lw 1.5 lc rgb '%s' notitle", colour);
        }
    }
    ms_strbuf_putc(sb, '\n');
}

ms_status ms_chart_line(ms_gnuplot *gp, const ms_line_chart *chart, const char *out_base,
                        unsigned formats, ms_strbuf *err)
{
    ms_status st = ms_chart_check_output(out_base, formats, err);
    if (st != MS_OK)
        return st;
    ms_chart_extent ext;
    ms_chart_extent_init(&ext);
    for (size_t i = 0; i < chart->n_lines; i++)
        ms_chart_extent_add_series(&ext, chart->lines[i]);
    if (ext.n_points == 0)
        return ms_chart_no_data(out_base, "no value with a period to draw", err);
    size_t *points = calloc(chart->n_lines * 2 + 1, sizeof *points);
    if (!points)
        return MS_ERR_NOMEM;
    size_t *hollow = points + chart->n_lines;
    ms_strbuf data, body, note;
    ms_strbuf_init(&data);
    ms_strbuf_init(&body);
    ms_strbuf_init(&note);
    for (size_t i = 0; i < chart->n_lines; i++) {
        char name[32];
        snprintf(name, sizeof name, "ms_d%zu", i);
        static const ms_series none = {0};
        const ms_series *s = chart->lines[i] ? chart->lines[i] : &none;
        points[i] = ms_datablock_series(name, s, &data);
        hollow[i] = points[i] ? hollow_block(i, s, &data) : 0;
    }
    chart_note(chart, &note);
    ms_chart_frame frame = {.title = chart->title, .subtitle = chart->subtitle, .y_label = chart->y_label,
                            .source_line = chart->source_line, .note = ms_strbuf_str(&note),
                            .width = chart->width, .height = chart->height};
    chart_body(chart, &frame, &ext, points, hollow, &body);
    st = ms_strbuf_failed(&note) ? MS_ERR_NOMEM : ms_chart_draw(gp, &frame, out_base, formats, &data, &body, err);
    free(points);
    ms_strbuf_free(&data);
    ms_strbuf_free(&body);
    ms_strbuf_free(&note);
    return st;
}
