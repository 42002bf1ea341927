/* chart_common.h — what every chart kind shares, private to plots/: the
 * palette, output names and formats, axes whose ticks are made here (a time
 * axis named by periods, value axes grouped without a locale), the texts
 * around a chart (title, subtitle, source line, notes, legend room) and the
 * rendering of each format under a temporary name renamed into place.
 * Every input-derived string written by these helpers goes through
 * ms_gp_quote. */
#ifndef MS_CHART_COMMON_H
#define MS_CHART_COMMON_H

#include <stdbool.h>
#include <stddef.h>

#include "core/metric.h"
#include "core/period.h"
#include "core/series.h"
#include "core/strbuf.h"
#include "plots/plots.h"

#define MS_N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Okabe–Ito, ordered for contrast on white (yellow last). */
extern const char *const ms_chart_palette[8];
#define MS_CHART_N_COLOURS 8
/* Point shapes cycled with the colours: filled, and the hollow shape of
 * each (provisional or estimated values). */
extern const int ms_chart_point_filled[6];
extern const int ms_chart_point_hollow[6];
#define MS_CHART_N_POINTS 6

/* Narrow no-break space (U+202F) groups digits; U+2212 is the minus sign
 * printed in labels. */
#define MS_DIGIT_GROUP "\xe2\x80\xaf"
#define MS_MINUS_SIGN "\xe2\x88\x92"

/* The texts and size of one chart (borrowed strings; NULL or "" = none). */
typedef struct ms_chart_frame {
    const char *title, *subtitle, *y_label, *source_line, *note;
    int width, height; /* pixels; 0 = 800 x 450 */
} ms_chart_frame;

/* Width and height the frame asks for, defaults filled in. */
int ms_chart_width(const ms_chart_frame *f);
int ms_chart_height(const ms_chart_frame *f);
/* Estimated width of the plot area in pixels and in legend characters. */
double ms_chart_plot_px(const ms_chart_frame *f);

/* ------------------------------------------------------------ names */

/* Appends s with control characters shown as '?' (for messages). */
void ms_chart_put_visible(ms_strbuf *sb, const char *s);

/* MS_OK, or MS_ERR_USAGE with a message when out_base cannot name a chart
 * (empty, control characters, not UTF-8, ending in '/', a component
 * starting with '|' or '<') or no format bit is set. */
ms_status ms_chart_check_output(const char *out_base, unsigned formats, ms_strbuf *err);

/* "chart '<base>': <what>\n" into err and MS_ERR_DATA. */
ms_status ms_chart_no_data(const char *out_base, const char *what, ms_strbuf *err);

/* ------------------------------------------------------------ extents */

typedef struct ms_chart_extent {
    size_t n_points;
    double x_lo, x_hi;     /* first day start .. last day end, seconds */
    double y_lo, y_hi;     /* values and whiskers */
    ms_period_grain grain; /* of every period; MS_GRAIN_SPAN if mixed */
} ms_chart_extent;

void ms_chart_extent_init(ms_chart_extent *e);
/* Widens e by a period and the values y, lo, hi (NaN values only widen x). */
void ms_chart_extent_add(ms_chart_extent *e, ms_period p, double y, double lo, double hi);
/* Widens e by every drawable figure of s; returns how many there were. */
size_t ms_chart_extent_add_series(ms_chart_extent *e, const ms_series *s);

/* ------------------------------------------------------------ axes */

/* Appends v with its integer digits grouped by three (when `group`). */
void ms_chart_put_grouped(ms_strbuf *sb, double v, bool group);

typedef struct ms_value_axis {
    char axis;         /* 'x' or 'y' */
    bool from_zero;    /* the range takes in 0 */
    bool percent;      /* labels "+20 %", "−20 %", "0" */
    int n_ticks;       /* about this many steps (0 = 6) */
} ms_value_axis;

/* Range and ticks for values lo..hi at multiples of 1, 2, 2.5 or 5 times a
 * power of ten, labels made here (digits grouped from 10 000 up). A range
 * below 0 gets a zero line. Sets *bottom and *top to the range chosen. */
void ms_chart_value_axis(const ms_value_axis *a, double lo, double hi, ms_strbuf *sb,
                         double *bottom, double *top);

/* x as a time axis (Unix seconds) with a tick in the middle of every
 * calendar period, labelled every k-th period so labels stay apart in a
 * plot `plot_px` wide. `labels` false: the ticks without their text. */
void ms_chart_time_axis(const ms_chart_extent *e, double plot_px, bool labels, ms_strbuf *sb);

/* ------------------------------------------------------------ texts */

/* Characters (not bytes) in s[0..len). */
size_t ms_chart_n_chars(const char *s, size_t len);

/* Appends s as a gnuplot string expression broken into lines of about
 * `width` characters ('a' . "\n" . 'b'); returns the number of lines. */
size_t ms_chart_put_wrapped(ms_strbuf *sb, const char *s, size_t width);

/* Legend rows for n entries whose widest label has `widest` characters. */
size_t ms_chart_legend_rows(const ms_chart_frame *f, size_t n, size_t widest);

/* The common settings, title and subtitle at the top, the source line and
 * the note at the bottom, the legend (legend_rows > 0) above them, the
 * margins and the y label. *top_lines and *bottom_lines (may be NULL) get
 * the rows of characters used above and below the plot. */
void ms_chart_frame_texts(const ms_chart_frame *f, size_t legend_rows, ms_strbuf *sb,
                          size_t *top_lines, double *bottom_lines);

/* The legend under the plot, its top `key_top` characters from the
 * bottom of the canvas (entries side by side). */
void ms_chart_put_key(ms_strbuf *sb, double key_top);

/* Appends a percentage for a label: "+53 %", "−12 %" (U+2212), "0 %";
 * whole numbers from 10 up, one decimal below. */
void ms_chart_put_percent(ms_strbuf *sb, double pct);

/* ------------------------------------------------------------ drawing */

/* Sends data (datablocks) once, then renders body into out_base.<ext> for
 * every format bit, each under a temporary name renamed into place.
 * Messages from gnuplot go to err prefixed with the chart's file. */
ms_status ms_chart_draw(ms_gnuplot *gp, const ms_chart_frame *f, const char *out_base,
                        unsigned formats, const ms_strbuf *data, const ms_strbuf *body,
                        ms_strbuf *err);

/* One line chart of n series (labels from their keys, the metric first
 * when with_metric) with the frame's texts and size. */
ms_status ms_chart_lines_of(ms_gnuplot *gp, const ms_series *const *lines, size_t n, bool with_metric,
                            const ms_chart_frame *frame, const char *out_base, unsigned formats,
                            ms_strbuf *err);

/* ms_chart_stem of what sb holds; frees sb. NULL when out of memory. */
char *ms_chart_stem_take(ms_strbuf *sb);

/* A file stem made of [a-z0-9_-] of s (others become '_'); owned, NULL
 * when out of memory. */
char *ms_chart_stem(const char *s);

/* ------------------------------------------------------------ descriptions */

/* Appends "where, when" of the figures of n series: their places (a few,
 * then "and N more") and the first to the last period ("2014–2023"). */
void ms_chart_put_where_when(ms_strbuf *sb, const ms_series *const *s, size_t n);
/* Appends "Source: a" or "Sources: a, b, ..." (each source once). */
void ms_chart_put_sources(ms_strbuf *sb, const ms_series *const *s, size_t n);
/* Appends the registry's description of metric with a capital first
 * letter (the name itself when the registry has none). */
void ms_chart_put_metric_title(ms_strbuf *sb, const ms_metric_registry *metrics, const char *metric);
/* The unit of a metric from the registry, else "count". */
const char *ms_chart_metric_unit(const ms_metric_registry *metrics, const char *metric);

#endif
