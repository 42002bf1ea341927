/* datablock.h — series -> gnuplot inline datablocks of numbers only.
 * Private to plots/. Exports the end marker, ms_datablock_point_of (what one
 * figure contributes to a chart, so axes and data agree) and
 * ms_datablock_series. */
#ifndef MS_DATABLOCK_H
#define MS_DATABLOCK_H

#include <stdbool.h>

#include "core/series.h"
#include "core/strbuf.h"

/* The end marker: a datablock ends at the first line starting with it, and
 * no line of numbers can start with a letter. */
#define MS_DATABLOCK_END "MS_END"

/* What one figure draws. x is the middle of its period in Unix seconds;
 * x_lo..x_hi is the period itself for a span that is no calendar unit
 * ("January to July 2024", drawn as a horizontal bar), else x..x; y is the
 * value and lo..hi its interval (y..y when it has none). */
typedef struct ms_datablock_point {
    double x, y, lo, hi, x_lo, x_hi;
} ms_datablock_point;

/* Fills *pt for figure f. False when f draws nothing: no period, or a value
 * that is missing or not finite. */
bool ms_datablock_point_of(const ms_figure *f, ms_datablock_point *pt);

/* Appends "$<name> << MS_END", one line "x y lo hi x_lo x_hi" per drawable
 * figure, a
 * blank line where the line must break (a missing value between two
 * points, or a figure flagged 'b', break in series), and the end marker.
 * `name` is made by migstat ("d0", "d1", ...). Returns the number of points
 * written. */
size_t ms_datablock_series(const char *name, const ms_series *s, ms_strbuf *sb);

/* Appends one row of n numbers (ms_num_format, space-separated, '\n'). */
void ms_datablock_row(ms_strbuf *sb, const double *v, size_t n);

#endif
