/* report.h — summary reports of a run: figures, changes, ratios,
 * consistency findings and charts, written as Markdown (report_md.c).
 *
 * Every number shown names where it came from (source, period, table line),
 * and every output file is written atomically. Human-facing numbers are
 * formatted by report/format.c (locale-free, "143,000"). */
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

typedef struct ms_report_options {
    const char *out_dir;                /* created if missing */
    const ms_metric_registry *metrics;  /* descriptions and units */
    bool charts;                        /* draw charts with gnuplot */
    unsigned chart_formats;             /* MS_PLOT_* bits */
    const char *gnuplot;                /* program, NULL = "gnuplot" */
    const char *const *inputs;          /* input names, for the accounting */
    size_t n_inputs;
    const ms_diag *accounting;          /* what reading the inputs found */
} ms_report_options;

/* Writes out_dir/report.md, out_dir/figures.jsonl (every figure, stated and
 * derived) and out_dir/charts/<metric>.{svg,png}. Problems that stop the
 * report (cannot create the folder, gnuplot missing or failing) are
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
/* Appends text with Markdown table metacharacters ('|', newlines) made
 * harmless, for input-derived strings in tables. */
void ms_md_text(const char *s, ms_strbuf *sb);

#endif
