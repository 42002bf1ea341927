/* chart_line.c — the time-series chart: one line per series, whiskers for
 * the interval of each figure, title, subtitle and source line, drawn once
 * per output format. Files are rendered under temporary names made here and
 * renamed only after gnuplot has closed them. */
#include "plots/datablock.h"
#include "plots/plots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
static const char *const palette[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                      "#D55E00", "#56B4E9", "#F0E442", "#000000"};

static const struct terminal {
    ms_plot_format format;
    const char *ext;
    const char *set; /* fixed size and font so outputs are reproducible */
} terminals[] = {
    {MS_PLOT_SVG, "svg", "set terminal svg size 800,450 font 'sans,11' dynamic noenhanced background rgb 'white'\n"},
    {MS_PLOT_PNG, "png", "set terminal pngcairo size 1000,560 font 'sans,11' noenhanced background rgb 'white'\n"},
    {MS_PLOT_PDF, "pdf", "set terminal pdfcairo size 8in,4.5in font 'sans,10' noenhanced\n"},
};

static bool valid_out_base(const char *base)
{
    if (!base || !*base || base[0] == '|' || base[0] == '<')
        return false;
    const char *last = strrchr(base, '/');
    last = last ? last + 1 : base;
    if (*last == '|' || *last == '<')
        return false;
    for (const unsigned char *p = (const unsigned char *)base; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return false;
    return true;
}

/* The span of all points, to pick the x tick format. */
static void time_span(const ms_line_chart *c, int32_t *first, int32_t *last)
{
    *first = INT32_MAX;
    *last = INT32_MIN;
    for (size_t i = 0; i < c->n_lines; i++)
        for (size_t k = 0; k < c->lines[i]->count; k++) {
            const ms_figure *f = c->lines[i]->items[k];
            if (ms_period_is_none(f->period))
                continue;
            if (f->period.start < *first)
                *first = f->period.start;
            if (f->period.end > *last)
                *last = f->period.end;
        }
}

/* Everything but the terminal and output: labels, axes, the plot command. */
static void chart_body(const ms_line_chart *c, ms_strbuf *sb)
{
    /* title and subtitle as one two-line title: the "\n" is our constant,
     * both texts are single-quoted literals */
    ms_strbuf_puts(sb, "set title ");
    ms_gp_quote(c->title, sb);
    if (c->subtitle) {
        ms_strbuf_puts(sb, " . \"\\n\" . ");
        ms_gp_quote(c->subtitle, sb);
    }
    ms_strbuf_puts(sb, " noenhanced font ',13'\n");
    if (c->source_line) {
        ms_strbuf_puts(sb, "set label 2 ");
        ms_gp_quote(c->source_line, sb);
        ms_strbuf_puts(sb, " at graph 0, graph 0 offset -6,-2.6 left noenhanced font ',9' textcolor rgb '#555555'\n");
    }
    if (c->y_label) {
        ms_strbuf_puts(sb, "set ylabel ");
        ms_gp_quote(c->y_label, sb);
        ms_strbuf_puts(sb, " noenhanced\n");
    }
    int32_t first, last;
    time_span(c, &first, &last);
    int32_t days = last != INT32_MIN ? last - first : 0;
    const char *xfmt = days > 3 * 366 ? "%Y" : days > 92 ? "%Y-%m" : "%Y-%m-%d";
    ms_strbuf_printf(sb, "set xdata time\nset timefmt '%%s'\nset format x '%s'\n", xfmt);
    /* room around single points and at the edges */
    if (last != INT32_MIN) {
        double pad = (double)(last - first + 1) * 86400.0 * 0.06 + 20 * 86400.0;
        ms_strbuf_puts(sb, "set xrange [");
        ms_strbuf_num(sb, (double)first * 86400.0 - pad);
        ms_strbuf_putc(sb, ':');
        ms_strbuf_num(sb, ((double)last + 1) * 86400.0 + pad);
        ms_strbuf_puts(sb, "]\n");
    }
    ms_strbuf_puts(sb, "set yrange [0:*]\nset format y '%.0f'\nset grid ytics lc rgb '#dddddd'\n"
                       "set border 3\nset tics nomirror\n"
                       /* the legend below the plot in two columns, the source line
                        * under it: the bottom margin grows with the legend */
                       "set key below left vertical Left reverse noenhanced font ',9' samplen 2 width 2\n"
                       "set tmargin 4\n");
    size_t key_rows = (c->n_lines + 1) / 2; /* two columns */
    ms_strbuf_printf(sb, "set key maxrows %zu\nset bmargin %zu\n", key_rows, 4 + key_rows + (c->source_line ? 2 : 0));
    ms_strbuf_puts(sb, "plot ");
    for (size_t i = 0; i < c->n_lines; i++) {
        if (i)
            ms_strbuf_puts(sb, ", \\\n     ");
        ms_strbuf_printf(sb, "$d%zu using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 lc rgb '%s' title ", i,
                         palette[i % (sizeof palette / sizeof palette[0])]);
        ms_gp_quote(c->labels[i], sb);
    }
    ms_strbuf_putc(sb, '\n');
}

ms_status ms_chart_line(ms_gnuplot *gp, const ms_line_chart *chart, const char *out_base,
                        unsigned formats, ms_strbuf *err)
{
    if (!valid_out_base(out_base)) {
        ms_strbuf_printf(err, "refusing chart output name '%s'\n", out_base ? out_base : "");
        return MS_ERR_USAGE;
    }
    if (chart->n_lines == 0)
        return MS_OK;
    ms_strbuf data, body, cmd, tmp, final;
    ms_strbuf_init(&data);
    ms_strbuf_init(&body);
    ms_strbuf_init(&cmd);
    ms_strbuf_init(&tmp);
    ms_strbuf_init(&final);
    for (size_t i = 0; i < chart->n_lines; i++) {
        char name[32];
        snprintf(name, sizeof name, "d%zu", i);
        ms_datablock_series(name, chart->lines[i], &data);
    }
    chart_body(chart, &body);
    ms_status st = ms_strbuf_failed(&data) || ms_strbuf_failed(&body) ? MS_ERR_NOMEM : MS_OK;
    for (size_t t = 0; t < sizeof terminals / sizeof terminals[0] && st == MS_OK; t++) {
        if (!(formats & terminals[t].format))
            continue;
        ms_strbuf_clear(&tmp);
        ms_strbuf_clear(&final);
        ms_strbuf_clear(&cmd);
        ms_strbuf_printf(&final, "%s.%s", out_base, terminals[t].ext);
        ms_strbuf_printf(&tmp, "%s.%s.tmp%ld", out_base, terminals[t].ext, (long)getpid());
        ms_strbuf_puts(&cmd, "reset\n");
        ms_strbuf_puts(&cmd, terminals[t].set);
        ms_strbuf_puts(&cmd, "set output ");
        ms_gp_quote(ms_strbuf_str(&tmp), &cmd);
        ms_strbuf_putc(&cmd, '\n');
        ms_strbuf_append(&cmd, data.data, data.len);
        ms_strbuf_append(&cmd, body.data, body.len);
        ms_strbuf_puts(&cmd, "unset output\n");
        if (ms_strbuf_failed(&cmd) || ms_strbuf_failed(&tmp) || ms_strbuf_failed(&final)) {
            st = MS_ERR_NOMEM;
            break;
        }
        st = ms_gnuplot_run(gp, cmd.data, cmd.len, err);
        struct stat sbuf;
        if (st == MS_OK && (stat(ms_strbuf_str(&tmp), &sbuf) != 0 || sbuf.st_size == 0)) {
            ms_strbuf_printf(err, "%s: gnuplot wrote nothing\n", ms_strbuf_str(&final));
            st = MS_ERR_EXTERNAL;
        }
        if (st == MS_OK && rename(ms_strbuf_str(&tmp), ms_strbuf_str(&final)) != 0) {
            ms_strbuf_printf(err, "%s: cannot rename the chart into place\n", ms_strbuf_str(&final));
            st = MS_ERR_IO;
        }
        if (st != MS_OK) {
            unlink(ms_strbuf_str(&tmp));
            ms_strbuf_printf(err, "chart '%s' failed\n", ms_strbuf_str(&final));
        }
    }
    ms_strbuf_free(&data);
    ms_strbuf_free(&body);
    ms_strbuf_free(&cmd);
    ms_strbuf_free(&tmp);
    ms_strbuf_free(&final);
    return st;
}
