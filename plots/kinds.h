/* kinds.h — the chart kinds of `migstat plot --kind K`, in a table
 * (plots/kinds.c): a new kind is a new file plus one row. Each kind reads
 * the figures (and their series) of a request and draws one chart or
 * several, naming each chart in the list it fills.
 * Ownership: everything in a request is borrowed for the call. */
#ifndef MS_PLOT_KINDS_H
#define MS_PLOT_KINDS_H

#include "core/figure.h"
#include "core/metric.h"
#include "core/series.h"
#include "plots/metric_charts.h"
#include "plots/plots.h"

typedef struct ms_plot_request {
    const ms_figure_set *figures;     /* every figure read */
    const ms_series_set *series;      /* the same, grouped (ms_series_group) */
    const ms_metric_registry *metrics;
    const char *out_dir;              /* charts are out_dir/<stem>.<ext>, or ... */
    const char *out_base;             /* ... the one chart is out_base.<ext> */
    unsigned formats;                 /* MS_PLOT_* bits */
    int width, height;                /* pixels; 0 = the kind's default */
    const char *num, *den;            /* ratio: numerator and denominator metrics */
    const char *by;                   /* multiples: "metric" or "place" (NULL = metric) */
} ms_plot_request;

typedef ms_status (*ms_plot_kind_fn)(ms_gnuplot *gp, const ms_plot_request *req, ms_chart_list *out,
                                     ms_strbuf *err);

typedef struct ms_plot_kind {
    const char *name;
    ms_plot_kind_fn run;
    const char *summary; /* one line for --help */
} ms_plot_kind;

/* The table, and a kind by name (NULL if none). */
const ms_plot_kind *ms_plot_kinds(size_t *count);
const ms_plot_kind *ms_plot_kind_find(const char *name);

/* For kinds: the base name (without extension) of one of the n charts a
 * kind draws, named `stem`, into *base. A request for one file that would
 * get several charts is MS_ERR_USAGE (the message names the kind and the
 * charts; `what` says what one chart is, e.g. "one per metric"). */
ms_status ms_plot_out_base(const ms_plot_request *req, const char *kind, const char *stem, size_t n,
                           const char *what, ms_strbuf *base, ms_strbuf *err);

/* The kinds (one file each). */
ms_status ms_plot_kind_line(ms_gnuplot *gp, const ms_plot_request *req, ms_chart_list *out, ms_strbuf *err);
ms_status ms_plot_kind_yoy(ms_gnuplot *gp, const ms_plot_request *req, ms_chart_list *out, ms_strbuf *err);
ms_status ms_plot_kind_sources(ms_gnuplot *gp, const ms_plot_request *req, ms_chart_list *out, ms_strbuf *err);
ms_status ms_plot_kind_ratio(ms_gnuplot *gp, const ms_plot_request *req, ms_chart_list *out, ms_strbuf *err);
ms_status ms_plot_kind_multiples(ms_gnuplot *gp, const ms_plot_request *req, ms_chart_list *out,
                                 ms_strbuf *err);

#endif
