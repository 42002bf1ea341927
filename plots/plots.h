/* plots.h — front header of plots/: charts drawn by one gnuplot process.
 *
 * gnuplot can run shell commands, so: it is started by fork/exec with -d
 * (no init files) and LC_ALL=C.UTF-8; every input-derived string passes
 * through ms_gp_quote (the one escaping function); labels are drawn with
 * enhanced text off; datablocks carry numbers only and end with a marker no
 * number can start with; output names are made here; stderr is captured and
 * the exit status checked; every wait has a timeout. */
#ifndef MS_PLOTS_H
#define MS_PLOTS_H

#include <stddef.h>

#include "core/series.h"
#include "core/status.h"
#include "core/strbuf.h"

/* One gnuplot process; renders many charts. Opaque. */
typedef struct ms_gnuplot ms_gnuplot;

/* Starts `program` (NULL = "gnuplot" looked up in PATH; a name with '/' is
 * used as is). MS_ERR_DEPENDENCY, with a message naming the Debian package
 * gnuplot-nox, when the program cannot be found or started; MS_ERR_IO or
 * MS_ERR_NOMEM on system failures. timeout_s bounds every wait. */
ms_status ms_gnuplot_start(ms_gnuplot **out, const char *program, double timeout_s, ms_strbuf *err);

/* Sends "quit", waits for the exit (killing gnuplot after the timeout) and
 * frees gp. gnuplot's stderr is appended to err; a non-zero exit status
 * gives MS_ERR_EXTERNAL. gp may be NULL. */
ms_status ms_gnuplot_finish(ms_gnuplot *gp, ms_strbuf *err);

/* Sends commands (trusted text made by migstat; input-derived strings in it
 * must come from ms_gp_quote), then waits until gnuplot has executed them.
 * MS_ERR_EXTERNAL with gnuplot's complaint in err when it failed (it then
 * exits: the process is not usable afterwards). */
ms_status ms_gnuplot_run(ms_gnuplot *gp, const char *commands, size_t len, ms_strbuf *err);

/* THE escaping function: appends s as a gnuplot single-quoted string
 * literal. Inside single quotes gnuplot expands nothing (no backquotes, no
 * backslash escapes); a quote is written twice; control characters
 * (bytes < 0x20 and 0x7f) become spaces. NULL appends ''. */
void ms_gp_quote(const char *s, ms_strbuf *out);

typedef enum ms_plot_format {
    MS_PLOT_SVG = 1,
    MS_PLOT_PNG = 2,
    MS_PLOT_PDF = 4
} ms_plot_format;

typedef struct ms_line_chart {
    const char *title;             /* what is counted */
    const char *subtitle;          /* unit, notes (may be NULL) */
    const char *y_label;           /* may be NULL */
    const char *source_line;       /* "Sources: ..." (may be NULL) */
    const ms_series *const *lines; /* one line per series */
    const char *const *labels;     /* legend label per line */
    size_t n_lines;
} ms_line_chart;

/* Renders a time-series chart into out_base + ".svg"/".png"/".pdf", one per
 * format bit: x = the middle of each figure's period, y = its value,
 * whiskers = its interval; missing values break the line (never drawn as
 * 0). Each file is written under a temporary name and renamed once gnuplot
 * has finished it; on failure no file is left. MS_ERR_USAGE for an out_base
 * that is empty, has a control character or starts with '|' or '<'. */
ms_status ms_chart_line(ms_gnuplot *gp, const ms_line_chart *chart, const char *out_base,
                        unsigned formats, ms_strbuf *err);

#endif
