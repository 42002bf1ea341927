/* plots.h — front header of plots/: charts drawn by one gnuplot process.
 *
 * gnuplot can run shell commands, so: it is started by fork/exec with -d
 * (no init files) and LC_ALL=C.UTF-8; every input-derived string passes
 * through ms_gp_quote (the one escaping function); labels are drawn with
 * enhanced text off; datablocks carry numbers only and end with a marker no
 * number can start with; output names are made here; stderr is captured and
 * the exit status checked; every wait has a timeout.
 * Ownership: the caller owns every string and series it passes; nothing is
 * kept after a call returns. Messages are appended to the caller's err. */
#ifndef MS_PLOTS_H
#define MS_PLOTS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/series.h"
#include "core/status.h"
#include "core/strbuf.h"

/* ------------------------------------------------------------ the process */

/* One gnuplot process; renders many charts. Opaque; owned by the caller
 * from ms_gnuplot_start until ms_gnuplot_finish. */
typedef struct ms_gnuplot ms_gnuplot;

/* Starts `program` (NULL = "gnuplot"; a name without '/' is looked up in
 * PATH, before forking) with -d and its stdin, stdout and stderr connected
 * to migstat, then checks that it answers. *out is NULL on failure.
 *   MS_ERR_DEPENDENCY  not found or cannot be executed (the message names
 *                      the Debian package gnuplot-nox);
 *   MS_ERR_EXTERNAL    it started but exited or did not answer as gnuplot;
 *   MS_ERR_IO, MS_ERR_NOMEM  system failures.
 * timeout_s bounds every later wait for gnuplot (<= 0 or NaN: 60 s). */
ms_status ms_gnuplot_start(ms_gnuplot **out, const char *program, double timeout_s, ms_strbuf *err);

/* Sends "quit", closes gnuplot's stdin, waits for it to exit (killing it
 * when the timeout expires, or at once if it stopped answering) and frees
 * gp. What gnuplot said on stderr and was not reported yet is appended to
 * err. A non-zero exit status gives MS_ERR_EXTERNAL (gnuplot exits with 1
 * after any failed command, so this follows a failed chart). gp may be
 * NULL (MS_OK). */
ms_status ms_gnuplot_finish(ms_gnuplot *gp, ms_strbuf *err);

/* Sends commands and waits until gnuplot has executed all of them. For
 * plots/ internals and tests only: commands are trusted text made by
 * migstat, and any input-derived string in them must come from
 * ms_gp_quote. gnuplot's messages about these commands are appended to err;
 * an error among them gives MS_ERR_EXTERNAL (gnuplot goes on with later
 * batches). When gnuplot exited or did not answer in time, MS_ERR_EXTERNAL
 * and only ms_gnuplot_finish is useful afterwards. */
ms_status ms_gnuplot_run(ms_gnuplot *gp, const char *commands, size_t len, ms_strbuf *err);

/* ------------------------------------------------------------ escaping */

/* THE escaping function: appends s as a gnuplot single-quoted string
 * literal. Inside single quotes gnuplot expands nothing (no backquotes, no
 * backslash escapes, no macros); a quote is written twice, except that
 * leading quotes are written "'" . '...' (gnuplot reads a literal starting
 * with '' as the empty string), which is accepted wherever a string is
 * (titles, labels, plot titles, tick labels, set output); control
 * characters (bytes < 0x20, 0x7f, and U+0080..U+009F) become spaces; bytes
 * that are not valid UTF-8 become U+FFFD; valid UTF-8 is kept as is. NULL
 * appends ''. */
void ms_gp_quote(const char *s, ms_strbuf *out);

/* True when gnuplot reads ms_gp_quote(s) back as exactly s (nothing was
 * replaced). File names must be, or gnuplot would write another file. */
bool ms_gp_quote_is_lossless(const char *s);

/* ------------------------------------------------------------ charts */

typedef enum ms_plot_format {
    MS_PLOT_SVG = 1,
    MS_PLOT_PNG = 2,
    MS_PLOT_PDF = 4
} ms_plot_format;

typedef struct ms_line_chart {
    const char *title;             /* what is counted, e.g. "Deportations" */
    const char *subtitle;          /* unit, notes (may be NULL) */
    const char *y_label;           /* may be NULL */
    const char *source_line;       /* "Sources: ..." (may be NULL) */
    const ms_series *const *lines; /* one line per series */
    const char *const *labels;     /* legend label per line (NULL: none) */
    size_t n_lines;
    const char *note;              /* shown above the source line (may be NULL) */
    int width, height;             /* pixels; 0 = 800 x 450 */
} ms_line_chart;

/* Renders a time-series chart into out_base + ".svg"/".png"/".pdf", one
 * file per bit of `formats`: x = the middle of each figure's period, labelled
 * with the period ("2023", "2024-Q1"); a period that is no calendar unit
 * ("January to July") also gets a horizontal bar over its days; y = its
 * value, whiskers = its interval (figure->range); points are marked so a
 * lone point shows, each line's a little smaller than the one before so
 * agreeing sources stay visible; a missing value breaks the line (never
 * drawn as 0), as does a 'b' flag. Figures flagged 'p' (provisional) or
 * 'e' (estimated) are drawn hollow; a note under the chart names them and
 * the breaks, after the caller's note. Figures without a period are left out.
 * Colours are Okabe–Ito (colour-blind safe), point shapes differ too. The y axis starts at 0 (or below,
 * for negative values) and groups digits with a narrow no-break space
 * ("143 000"), which reads the same in English and Russian and needs no
 * locale.
 * Each file is rendered under a temporary name made here (mkstemp, next to
 * the final name) and renamed once gnuplot has closed it; on failure it is
 * removed and err gets gnuplot's messages, each line prefixed with
 * "chart '<file>': ".
 *   MS_ERR_USAGE     out_base empty, with a control character or bytes that
 *                    are not UTF-8, ending in '/', or whose first or final
 *                    component starts with '|' or '<'; no format bit;
 *   MS_ERR_DATA      no line has a point to draw;
 *   MS_ERR_EXTERNAL  gnuplot failed; MS_ERR_IO, MS_ERR_NOMEM. */
ms_status ms_chart_line(ms_gnuplot *gp, const ms_line_chart *chart, const char *out_base,
                        unsigned formats, ms_strbuf *err);

#endif
