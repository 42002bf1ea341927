/* datablock.h — series -> gnuplot inline datablocks of numbers only.
 * Private to plots/. */
#ifndef MS_DATABLOCK_H
#define MS_DATABLOCK_H

#include "core/series.h"
#include "core/strbuf.h"

/* The end marker: a datablock ends at the first line starting with it, and
 * no line of numbers can start with a letter. */
#define MS_DATABLOCK_END "MS_END"

/* Appends "$name << MS_END", one line "x y lo hi" per figure with a value
 * (x = Unix seconds of the middle of its period; lo/hi = its interval, or y
 * when it has none), a blank line where a value is missing (gnuplot breaks
 * the line there), and the end marker. `name` is made by migstat
 * ("d0", "d1", ...). Figures without a period are skipped. Returns the
 * number of points written. */
size_t ms_datablock_series(const char *name, const ms_series *s, ms_strbuf *sb);

#endif
