/* report.h — summary reports of a run: headline figures, changes, ratios,
 * consistency findings, charts, sources and accounting, written as Markdown
 * (report_md.c), one self-contained HTML page (report_html.c) and JSON
 * (report_json.c) from one model of the run (model.c).
 *
 * Every number shown names where it came from (source, period, table line
 * or quote), and every output file is written atomically. Human-facing
 * numbers are formatted by report/format.c (locale-free, "143,000"); every
 * input-derived string in HTML passes through ms_html_text. */
#ifndef MS_REPORT_H
#define MS_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "check/check.h"
#include "core/diag.h"
#include "core/figure.h"
#include "core/metric.h"
#include "core/strbuf.h"
#include "stats/stats.h"

/* Report formats (bits). */
enum {
    MS_REPORT_MD = 1u << 0,   /* report.md */
    MS_REPORT_HTML = 1u << 1, /* report.html */
    MS_REPORT_JSON = 1u << 2, /* report.json */
    MS_REPORT_ALL = MS_REPORT_MD | MS_REPORT_HTML | MS_REPORT_JSON
};

/* "md,html,json" (any order, any subset) -> bits; false for an unknown
 * name or an empty list. */
bool ms_report_formats_parse(const char *list, unsigned *out);

/* Why number-like spans of an article gave no figure, and how often. */
typedef struct ms_report_skip {
    const char *reason;
    size_t count;
} ms_report_skip;

/* What one input gave, for the accounting (all strings borrowed). */
typedef struct ms_report_input {
    const char *name;      /* as given on the command line */
    bool article;          /* news text through the extractor, else a table */
    size_t read, accepted, rejected, missing, skipped; /* records; for an
                              article: numbers seen, figures, -, -, spans
                              that gave no figure */
    /* articles only: */
    size_t articles;       /* > 1 for JSON Lines of articles */
    const char *source;    /* source id of its figures (NULL: several) */
    const char *outlet;    /* from sources.tsv, or NULL */
    const char *lang;      /* language read in ("en"), or NULL */
    int32_t published;     /* MS_DAY_NONE when unknown */
    const ms_report_skip *skips; /* by reason, most frequent first */
    size_t n_skips;
} ms_report_input;

typedef struct ms_report_options {
    const char *out_dir;                /* created if missing */
    const ms_metric_registry *metrics;  /* descriptions and units */
    bool charts;                        /* draw charts with gnuplot */
    unsigned chart_formats;             /* MS_PLOT_* bits */
    const char *gnuplot;                /* program, NULL = "gnuplot" */
    const char *const *inputs;          /* input names, for the accounting */
    size_t n_inputs;
    const ms_diag *accounting;          /* what reading the inputs found */
    unsigned formats;                   /* MS_REPORT_* bits; 0 = all */
    const ms_report_input *input_stats; /* per input (may be NULL) */
    size_t n_input_stats;
    /* optional: called before each step ("computing", "charts", then each
       file name), for a progress line */
    void (*progress)(void *ctx, const char *step);
    /* optional: called when an output file is complete under its temporary
       name, just before it is renamed to final_path */
    void (*before_rename)(void *ctx, const char *final_path);
    void *ctx;
} ms_report_options;

/* Writes the formats asked for (out_dir/report.md, report.html,
 * report.json), out_dir/figures.jsonl (every figure, stated and derived)
 * and out_dir/charts/<metric>.{svg,png} (the HTML page embeds the SVG
 * files, so SVG is drawn whenever HTML is asked for). Each file is written
 * whole under a temporary name and renamed into place. Problems that stop
 * the report (cannot create the folder, gnuplot missing or failing) are
 * described in err. Returns MS_ERR_DEPENDENCY when gnuplot is missing. */
ms_status ms_report_write(const ms_figure_set *figures, const ms_report_options *opt, ms_strbuf *err);

/* Markdown table of changes, used by the report and `migstat change --to md`. */
void ms_report_md_change_header(ms_strbuf *sb);
void ms_report_md_change_row(const ms_change *c, ms_strbuf *sb);

/* ---- human-facing number formats (format.c), locale-free ---- */

/* 143000 -> "143,000"; 267.2 -> "267.2"; -44 -> "-44"; NaN -> "missing". */
void ms_fmt_number(double value, ms_strbuf *sb);
/* The value rounded to `digits` significant digits, then as ms_fmt_number. */
void ms_fmt_number_sig(double value, int digits, ms_strbuf *sb);
/* 53.04 -> "+53.0 %", -44 -> "-44.0 %". */
void ms_fmt_percent(double value, ms_strbuf *sb);
/* "(143,000 – 144,000]" with bracket kinds from the interval, each end with
 * `digits` significant digits (0 = as is). */
void ms_fmt_interval(ms_interval iv, int digits, ms_strbuf *sb);
/* The period in its shortest ISO form (ms_period_format), "undated" when
 * unknown. */
void ms_fmt_period(ms_period p, ms_strbuf *sb);
/* THE HTML escaping function: appends s with & < > " ' written as
 * entities, control characters (but tab and newline) left out and bytes
 * that are not UTF-8 written as U+FFFD, so the result is safe as element
 * text and inside a quoted attribute. NULL appends nothing. */
void ms_html_text(const char *s, ms_strbuf *sb);

/* Appends text with Markdown table metacharacters ('|', newlines) made
 * harmless, for input-derived strings in tables. */
void ms_md_text(const char *s, ms_strbuf *sb);

#endif
