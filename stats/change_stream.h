/* change_stream.h — per-series changes computed while figures stream in.
 *
 * Figures arrive one by one (an ingest sink: ms_change_stream_add has the
 * ms_figure_sink signature of ingest/ingest.h). Count figures are grouped
 * into series (core/series.h keys) and each finished series goes through
 * ms_stats_changes + ms_change_to_figures (stats/change.c), so the derived
 * figures are the ones the in-memory path makes; each OK change hands its
 * abs and pct figures to the `emit` callback (strings valid during the
 * call only).
 *
 * Work is split over two threads: the caller's groups the figures and
 * computes each finished series' changes; a worker makes and emits the
 * derived figures (so `emit` runs on the worker until
 * ms_change_stream_finish returns; without threads it runs inline).
 *
 * Memory. A series is finished when a figure of another series arrives.
 * Input grouped by series (each series contiguous, the usual layout of a
 * statistics extract): a few series are held (the current one and up to
 * ten on their way to the worker); every finished series is also spilled
 * to an unlinked temporary file (~72 bytes a figure, not held in memory)
 * in case it comes back. Input not grouped: from the first time a series
 * comes back, its figures are held in memory (~80-100 bytes a figure)
 * until ms_change_stream_finish, which reads each returning series'
 * spilled part back and emits the changes not emitted yet.
 *
 * Exactness. The figures are those of the in-memory path for any order as
 * long as no (series, period) pair comes twice (a table reader rejects such
 * duplicates within one input). With duplicates in a series that comes
 * back, a change emitted when the series first finished may name a base
 * figure the in-memory path would not pick: callers with several inputs
 * or unchecked input use the in-memory path. Order: series as they finish
 * (for input sorted by series key, the order of the in-memory path), then
 * the returning series in key order. */
#ifndef MS_CHANGE_STREAM_H
#define MS_CHANGE_STREAM_H

#include <stddef.h>

#include "core/figure.h"
#include "core/status.h"
#include "stats/stats.h"

/* Receives one derived figure (same signature as ms_figure_sink). A status
 * other than MS_OK stops the stream and is returned. */
typedef ms_status (*ms_change_emit)(void *ctx, const ms_figure *f);

typedef struct ms_change_stream ms_change_stream;

typedef struct ms_change_stream_stats {
    size_t n_gaps;          /* changes with status GAP (what `change` reports) */
    size_t n_undated;       /* count figures without a period (in no series) */
    size_t n_series;        /* series seen */
    size_t n_returned;      /* series that came back after another series */
    size_t max_held;        /* most figures held in memory at once */
} ms_change_stream_stats;

/* A new stream (*out); MS_ERR_NOMEM, MS_ERR_USAGE for an unknown mode. */
ms_status ms_change_stream_open(ms_change_stream **out, ms_change_mode mode, ms_change_emit emit,
                                void *emit_ctx);
/* Takes one figure (ctx is the stream; strings are copied as needed).
 * Figures of kinds other than count are ignored. After an error every
 * later call returns that error. */
ms_status ms_change_stream_add(void *ctx, const ms_figure *f);
/* Finishes the last series and the returning ones; call once. */
ms_status ms_change_stream_finish(ms_change_stream *cs);
/* Counts so far (complete after finish). */
ms_change_stream_stats ms_change_stream_get_stats(const ms_change_stream *cs);
/* Frees everything (NULL is fine). */
void ms_change_stream_free(ms_change_stream *cs);

#endif
