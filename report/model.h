/* model.h — private to report/: everything a report shows, computed once
 * from the figures (model.c) and then written by each format (report_md.c,
 * report_html.c, report_json.c), so the three say the same thing.
 *
 * Ownership: the model borrows the input figure set and the options; it
 * owns its series, change lists, derived figures, findings, charts and
 * arrays. Free with report_model_free. */
#ifndef MS_REPORT_MODEL_H
#define MS_REPORT_MODEL_H

#include "report/report.h"
#include "core/series.h"

/* The latest stated count of one metric, what changed, who said it. */
typedef struct report_headline {
    const ms_figure *figure;        /* the count shown */
    const ms_change *change;        /* computed along its series (status OK), or NULL */
    const ms_figure *stated_change; /* a pct_change or multiplier its source states
                                       for the same key and period, or NULL */
    const ms_figure **sources;      /* owned: every stated count of the same metric,
                                       period, place and subject (figure first) */
    size_t n_sources;
    size_t n_conflicts;             /* conflict findings naming one of the sources */
} report_headline;

/* One source (id and publication date) and what it gave. */
typedef struct report_source {
    const char *source;
    int32_t published;
    const char *url;    /* the first figure's that has one */
    const char *outlet; /* from the input accounting (sources.tsv), or NULL */
    bool article;       /* figures from news text */
    size_t n_figures;
    size_t first;       /* index of its first figure in the set */
} report_source;

/* One chart file set. Chart kinds are made in model.c (chart_kinds[]);
 * a new kind adds a row there and its charts appear in every format. */
typedef struct report_chart {
    const char *kind;   /* static: "line" */
    char *title;        /* owned: what is drawn */
    char *metric;       /* owned: the metric it is about, or NULL */
    char *file_stem;    /* owned: files are charts/<stem>.<ext> */
    unsigned formats;   /* MS_PLOT_* bits drawn */
} report_chart;

typedef struct report_model {
    const ms_figure_set *figures;   /* borrowed: the stated figures */
    const ms_report_options *opt;   /* borrowed */
    ms_series_set series;
    ms_change_list *changes;        /* one list per series (count series only) */
    ms_figure_set derived;          /* change and ratio figures */
    ms_findings findings;
    const ms_finding **ordered;     /* findings: conflicts, mismatches, revisions,
                                       weak, agreements (owned array) */
    report_headline *headlines;     /* one per metric with a count, by metric */
    size_t n_headlines;
    report_source *sources;         /* in order of first figure */
    size_t n_sources;
    bool *cited;                    /* per stated figure: named somewhere in the report */
    size_t n_cited;
    report_chart *charts;
    size_t n_charts;
    size_t n_metrics;               /* distinct metrics among the figures */
    size_t n_gaps;
    size_t n_undated;
} report_model;

/* Computes everything but the charts. MS_ERR_NOMEM on failure (the model
 * may then be freed with report_model_free). */
ms_status report_model_build(report_model *m, const ms_figure_set *figures,
                             const ms_report_options *opt);
/* Draws the charts into dir (out_dir/charts) with the chart kinds. */
ms_status report_model_charts(report_model *m, const char *dir, unsigned formats, ms_strbuf *err);
void report_model_free(report_model *m);

/* ---- what every writer needs ---- */

/* Index of a stated figure in the set, or -1 for a figure not in it
 * (derived). Evidence rows are anchored "fig-<index>". */
long report_figure_index(const report_model *m, const ms_figure *f);
/* The stated figure with this id, or NULL. */
const ms_figure *report_find_figure(const report_model *m, const char *id);
/* The source of a figure in m->sources, or NULL. */
const report_source *report_source_of(const report_model *m, const ms_figure *f);
/* The accounting entry of an article source, or NULL. */
const ms_report_input *report_input_of_source(const report_model *m, const char *source);
/* The metric's description with a capital first letter, or the name. */
void report_metric_title(const report_model *m, const char *metric, ms_strbuf *sb);

/* What a figure states, as people read it: "more than 143,000", "+53.0 %",
 * "×2", "0.65", with observation flags "(p)". Not escaped. */
void report_format_value(const ms_figure *f, ms_strbuf *sb);
/* "RU · foreign_citizens" (place, and subject when given). Not escaped. */
void report_format_where(const ms_figure *f, ms_strbuf *sb);
/* "2024-01-01" or "" (MS_DAY_NONE). */
void report_format_date(int32_t day, ms_strbuf *sb);
/* Where a figure was read: its table cell "file:line" (the id of a table
 * row) or, for text, nothing (the quote is f->quote). Not escaped. */
void report_format_cell(const ms_figure *f, ms_strbuf *sb);

/* A formatter's text of f (or the metric's title), passed through a
 * writer's escaping function (ms_md_text, ms_html_text). */
typedef void (*report_escape_fn)(const char *s, ms_strbuf *sb);
void report_put_formatted(const ms_figure *f, void (*fmt)(const ms_figure *, ms_strbuf *),
                          report_escape_fn escape, ms_strbuf *sb);
void report_put_title(const report_model *m, const char *metric, report_escape_fn escape, ms_strbuf *sb);

/* ---- the writers (each appends a whole file to sb) ---- */
void report_write_md(const report_model *m, ms_strbuf *sb);
/* Reads the SVG charts from charts_dir to embed them. */
void report_write_html(const report_model *m, const char *charts_dir, ms_strbuf *sb);
/* MS_ERR_NOMEM when cJSON cannot allocate. */
ms_status report_write_json(const report_model *m, ms_strbuf *sb);

#endif
