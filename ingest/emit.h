/* emit.h — the one way out of a reader: accepted figures and rejected
 * records (private to ingest/).
 *
 * Every reader hands each figure it makes to ms_emit_figure and each record
 * it cannot use to ms_emit_reject. The emitter does what must be the same
 * for every format: duplicate keys (same series and period twice) are
 * rejected, the accounting is kept (read / accepted / missing / rejected:
 * a missing value is a figure, counted as missing, not as accepted),
 * rejected records go verbatim to the reject file, the error limit is
 * enforced, and figures go to the caller's sink or figure set. */
#ifndef MS_INGEST_EMIT_H
#define MS_INGEST_EMIT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ingest/dupkeys.h"
#include "ingest/ingest.h"

typedef struct ms_emitter {
    const char *name;          /* the input's name as given, for messages */
    const char *base;          /* its base name, for figure ids */
    char *stem;                /* its stem: the default source id (owned) */
    const ms_ingest_options *opt;
    ms_figure_set *out;
    ms_diag *diag;
    ms_dupkeys dups;
    ms_status status;          /* MS_OK, MS_ERR_DATA once something was
                                  rejected, or a fatal status */
    size_t n_rejected;         /* in this input (for max_errors) */
    bool stopped;              /* max_errors reached or a fatal status:
                                  readers stop reading */
    char *header;              /* raw header line, written to the reject
                                  file before the first rejected record */
    size_t header_len;
    bool header_written;
    bool raw_written;          /* the current record is in the reject file */
    size_t n_read;             /* in this input (for progress) */
} ms_emitter;

/* Prepares em for one input. MS_ERR_NOMEM on failure. */
ms_status ms_emitter_init(ms_emitter *em, const char *name, const ms_ingest_options *opt,
                          ms_figure_set *out, ms_diag *diag);
/* Frees em; returns the input's status (see ms_ingest_stream). */
ms_status ms_emitter_finish(ms_emitter *em);

/* Copies the raw header so that the reject file can be read like the input. */
ms_status ms_emitter_set_header(ms_emitter *em, const char *raw, size_t len);

/* Counts one record (or cell) read. */
void ms_emit_read(ms_emitter *em);

/* Says a new physical record begins: a record is written to the reject
 * file at most once, however many of its cells are rejected. */
void ms_emit_new_record(ms_emitter *em);

/* Hands over figure f (strings borrowed). Its id, when NULL, is made from
 * the base name and f->line ("file.csv:LINE"), with f->column added when
 * `cell_id` ("file.tsv:LINE:COLUMN", for tables with several figures per
 * row). Its source, when NULL, is the ingest option or the file's stem.
 * A duplicate key is rejected (reported at f's line and column; `raw` is
 * the record for the reject file). Returns false when the reader must stop
 * (em->stopped). */
bool ms_emit_figure(ms_emitter *em, ms_figure *f, bool cell_id, const char *raw, size_t raw_len);

/* Rejects one record (or cell): reports "name:line:column: reason",
 * counts it, and writes `raw` (may be NULL) and a newline to the reject
 * file unless this record was written already (see ms_emit_new_record).
 * Returns false when the reader must stop. */
bool ms_emit_reject(ms_emitter *em, int64_t line, int64_t column, const char *raw, size_t raw_len,
                    const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* The same with a va_list, for readers' own reject helpers. */
bool ms_emit_vreject(ms_emitter *em, int64_t line, int64_t column, const char *raw, size_t raw_len,
                     const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));

/* Reports a warning (nothing rejected). */
void ms_emit_warn(ms_emitter *em, int64_t line, int64_t column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Records a fatal status (read error, out of memory): the reader stops. */
void ms_emit_fail(ms_emitter *em, ms_status st);

#endif
