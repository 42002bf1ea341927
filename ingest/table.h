/* table.h — observations of an official table become figures through a
 * mapping (private to ingest/).
 *
 * Every table reader (Eurostat TSV, SDMX-CSV, JSON-stat, JSON records, a
 * long or wide CSV) reduces its input to observations: one value with the
 * values of the table's dimensions, where it stands (line, column), and
 * what the reader knows itself (the period of a column header, the flags
 * after a Eurostat value). ms_table_emit applies the mapping (mapping.h):
 * dimensions -> metric, place, subject, period, unit; code lists; the
 * breakdown; --where filters; then parses the value (grouping marks,
 * missing markers, flags) and hands the figure to the emitter. */
#ifndef MS_INGEST_TABLE_H
#define MS_INGEST_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/strbuf.h"
#include "ingest/emit.h"
#include "ingest/mapping.h"

/* The most dimensions a table may have (Eurostat's have up to ~8). */
#define MS_TABLE_MAX_DIMS 64

typedef struct ms_obs {
    const char *const *values;  /* one per dimension of ms_table_begin,
                                   NUL-terminated; NULL = not given */
    const int64_t *columns;     /* column of each value, or NULL */
    const char *period;         /* known to the reader (a period column's
                                   header, a JSON-stat time category), or
                                   NULL: the mapping's period rule */
    const char *value;          /* the value's text; NULL: value_num */
    size_t value_len;
    double value_num;           /* a number from JSON; NaN = null (missing) */
    bool split_flags;           /* flags follow the value ("1234 p") */
    const char *flags;          /* known to the reader (SDMX OBS_FLAG), or
                                   NULL: the mapping's flags rule */
    int64_t line, column;       /* where the value stands */
    bool cell_id;               /* several figures per record: the id gets
                                   the column */
    const char *raw;            /* the record, for the reject file */
    size_t raw_len;
} ms_obs;

typedef struct ms_table {
    ms_emitter *em;
    const ms_mapping *map;
    const ms_metric_registry *metrics;
    size_t n_dims;
    const char *dim_names[MS_TABLE_MAX_DIMS];  /* borrowed from the reader */
    int rule_dim[MS_MAP_FIELD_COUNT_];         /* dimension of each field's
                                                  rule, -1 = none */
    const ms_code_list *codes[MS_TABLE_MAX_DIMS];
    bool in_breakdown[MS_TABLE_MAX_DIMS];
    bool forced[MS_TABLE_MAX_DIMS];            /* in the breakdown as written */
    int where_dim[MS_TABLE_MAX_DIMS];          /* per where entry */
    ms_strbuf scratch[MS_MAP_FIELD_COUNT_ + 1];  /* templates, breakdown */
    char *utf8;                                /* Latin-1 converted */
    size_t utf8_cap;
} ms_table;

/* Prepares t for a table with these dimension names (borrowed; they must
 * live until ms_table_end). Checks the mapping against them: a field, a
 * --where or a template naming a dimension the table does not have is an
 * error reported at (line, 0) of the header; MS_ERR_DATA, nothing read. A
 * reader that knows the period or the value itself says so (`has_period`,
 * `has_value`) so that the mapping need not name them. */
ms_status ms_table_begin(ms_table *t, ms_emitter *em, const ms_mapping *map,
                         const char *const *dim_names, size_t n_dims, bool has_period,
                         bool has_value, int64_t header_line);
void ms_table_end(ms_table *t);

/* Maps, parses and emits one observation (counted as read). Returns false
 * when the reader must stop (error limit, fatal error). */
bool ms_table_emit(ms_table *t, const ms_obs *o);

/* Counts one observation read and rejects it: for records that cannot be
 * split into observations (ragged, bad quoting, bad text). */
bool ms_table_reject_cell(ms_table *t, int64_t line, int64_t column, const char *raw,
                          size_t raw_len, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* A dimension's index by name (case-insensitive), or -1. */
int ms_table_dim(const ms_table *t, const char *name);

/* Converts text to UTF-8 per the mapping's encoding, or checks that it is
 * UTF-8. Returns the UTF-8 text (s itself, or t's buffer valid until the
 * next call), or NULL with *bad_at set to the offending byte's index. */
const char *ms_table_text(ms_table *t, const char *s, size_t len, size_t *bad_at);

/* Parses a period as tables write it: "2024", "2024Q1", "2024-Q1",
 * "2024M07", "2024-07", "2024-07-15", "2023/2024", decade rows "1892-1900"
 * and "1901-10"; spaces around are ignored. Fiscal years per the mapping.
 * MS_ERR_DATA if not a period. */
ms_status ms_table_period(const ms_mapping *map, const char *s, size_t len, ms_period *out);

#endif
