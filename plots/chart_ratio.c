/* chart_ratio.c — the kind "ratio": --num M1 / --den M2 over time. The
 * ratios are stats' (ms_stats_ratio: matched on period, place, subject and
 * source, interval division, a denominator that may be 0 left out), drawn
 * as a line chart with whiskers, one line per place, subject and source;
 * what could not be divided is counted in a note. */
#include "plots/chart_common.h"
#include "plots/kinds.h"
#include "stats/stats.h"

#include <stdlib.h>
#include <string.h>

/* A metric name as words: '_' read as a space, the first letter upper
 * when `capital`. */
static void put_name(ms_strbuf *sb, const char *name, bool capital)
{
    for (const char *p = name; *p; p++) {
        char c = *p == '_' ? ' ' : *p;
        if (p == name && capital && c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        ms_strbuf_putc(sb, c);
    }
}

ms_status ms_plot_kind_ratio(ms_gnuplot *gp, const ms_plot_request *req, ms_chart_list *out, ms_strbuf *err)
{
    const char *where = req->out_base ? req->out_base : req->out_dir;
    if (!req->num || !*req->num || !req->den || !*req->den) {
        ms_strbuf_puts(err, "plot --kind ratio needs a numerator and a denominator metric (--num, --den)\n");
        return MS_ERR_USAGE;
    }
    ms_status st = ms_chart_check_output(req->out_base ? req->out_base : "ratio", req->formats, err);
    if (st != MS_OK)
        return st;
    ms_figure_set ratios;
    ms_figure_set_init(&ratios);
    ms_diag diag;
    ms_diag_init(&diag);
    ms_series_set ss = {NULL, 0};
    st = ms_stats_ratio(req->figures, req->num, req->den, &ratios, &diag);
    if (st == MS_OK)
        st = ms_series_group(&ratios, &ss, NULL);
    const ms_series **lines = st == MS_OK ? calloc(ss.count ? ss.count : 1, sizeof *lines) : NULL;
    if (st == MS_OK && !lines)
        st = MS_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; st == MS_OK && i < ss.count; i++)
        lines[n++] = &ss.items[i];
    if (st == MS_OK && n == 0) {
        ms_strbuf why;
        ms_strbuf_init(&why);
        ms_strbuf_printf(&why, "no '%s' and '%s' figures for the same period, place, subject and source: no "
                               "ratio to draw", req->num, req->den);
        st = ms_chart_no_data(where, ms_strbuf_failed(&why) ? "no ratio to draw" : ms_strbuf_str(&why), err);
        ms_strbuf_free(&why);
    }
    ms_strbuf base, title, subtitle, sources, note, stem_text;
    ms_strbuf_init(&base);
    ms_strbuf_init(&title);
    ms_strbuf_init(&subtitle);
    ms_strbuf_init(&sources);
    ms_strbuf_init(&note);
    ms_strbuf_init(&stem_text);
    char *stem = NULL;
    if (st == MS_OK) {
        ms_strbuf_printf(&stem_text, "ratio_%s_per_%s", req->num, req->den);
        stem = ms_chart_stem_take(&stem_text);
        st = stem ? ms_plot_out_base(req, "ratio", stem, 1, "one", &base, err) : MS_ERR_NOMEM;
    }
    if (st == MS_OK) {
        /* the names, short: "Deportations to entry denials" */
        put_name(&title, req->num, true);
        ms_strbuf_puts(&title, " to ");
        put_name(&title, req->den, false);
        ms_strbuf_puts(&subtitle, "ratio ");
        ms_strbuf_printf(&subtitle, "%s / %s; ", req->num, req->den);
        ms_chart_put_where_when(&subtitle, lines, n);
        ms_strbuf_puts(&subtitle, "; both stated for the same period, place and source; whiskers show the "
                                  "interval the two statements allow");
        ms_chart_put_sources(&sources, lines, n);
        if (diag.n_warnings)
            ms_strbuf_printf(&note, "%zu %s could not be divided (no matching '%s' figure, or one that may be 0).",
                             diag.n_warnings, diag.n_warnings == 1 ? "figure" : "figures", req->den);
        ms_chart_frame frame = {.title = ms_strbuf_str(&title), .subtitle = ms_strbuf_str(&subtitle),
                                .y_label = "ratio", .source_line = ms_strbuf_str(&sources),
                                .note = ms_strbuf_str(&note), .width = req->width, .height = req->height};
        if (ms_strbuf_failed(&title) || ms_strbuf_failed(&subtitle) || ms_strbuf_failed(&sources) ||
            ms_strbuf_failed(&note))
            st = MS_ERR_NOMEM;
        else
            st = ms_chart_lines_of(gp, lines, n, false, &frame, ms_strbuf_str(&base), req->formats, err);
    }
    if (st == MS_OK)
        st = ms_chart_list_add(out, ratios.items[0].metric, stem);
    free(stem);
    free(lines);
    ms_strbuf_free(&base);
    ms_strbuf_free(&title);
    ms_strbuf_free(&subtitle);
    ms_strbuf_free(&sources);
    ms_strbuf_free(&note);
    ms_strbuf_free(&stem_text); /* taken, or never filled */
    ms_series_set_free(&ss);
    ms_diag_free(&diag);
    ms_figure_set_free(&ratios);
    return st;
}
