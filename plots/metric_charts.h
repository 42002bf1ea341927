/* metric_charts.h — one time-series chart per metric: every count series of
 * that metric (one line per place, subject and source), titled from the
 * metric registry, with the sources listed under it. Used by `migstat plot`
 * and by the report. */
#ifndef MS_METRIC_CHARTS_H
#define MS_METRIC_CHARTS_H

#include "core/metric.h"
#include "core/series.h"
#include "plots/plots.h"

typedef struct ms_chart_file {
    char *metric;    /* owned */
    char *file_stem; /* owned: "<metric>" as used in the file names */
} ms_chart_file;

typedef struct ms_chart_list {
    ms_chart_file *items;
    size_t count;
    size_t cap;
} ms_chart_list;

/* Renders dir/<metric>.<ext> for each format bit and each metric that has
 * at least one stated count. File stems keep [a-z0-9_-] of the metric name
 * (others become '_'). The list says which charts were made; free it with
 * ms_chart_list_free. Stops at the first gnuplot failure (err says which). */
ms_status ms_plot_metric_charts(ms_gnuplot *gp, const ms_series_set *ss,
                                const ms_metric_registry *metrics, const char *dir,
                                unsigned formats, ms_chart_list *out, ms_strbuf *err);
void ms_chart_list_free(ms_chart_list *list);
/* Appends a chart (both strings copied). MS_ERR_NOMEM on failure. */
ms_status ms_chart_list_add(ms_chart_list *list, const char *metric, const char *file_stem);

/* Parts of a series key that a label shows. */
enum {
    MS_LABEL_METRIC = 1u << 0,
    MS_LABEL_PLACE = 1u << 1,
    MS_LABEL_SUBJECT = 1u << 2,
    MS_LABEL_BREAKDOWN = 1u << 3,
    MS_LABEL_SOURCE = 1u << 4,
    MS_LABEL_ALL = 31u
};

/* "RU · TJ · source": the chosen parts of a key (the source when no part
 * is chosen), joined by " · ". Owned (free()); NULL when out of memory. */
char *ms_chart_series_label(const ms_series_key *k, unsigned parts);
/* Of `parts`, those that differ among the n series (all of them for one
 * series): what tells the lines apart. */
unsigned ms_chart_label_parts(const ms_series *const *s, size_t n, unsigned parts);

#endif
