/* ingest.h — front header of ingest/: sources in, figures out.
 *
 * A reader turns one input (a file or a stream) into figures appended to a
 * figure set, reporting every rejected record to an ms_diag as
 * file:line:column and counting read/accepted/rejected/missing records.
 * Readers are registered by format name in readers.c. */
#ifndef MS_INGEST_H
#define MS_INGEST_H

#include <stdbool.h>
#include <stdio.h>

#include "core/diag.h"
#include "core/figure.h"
#include "core/metric.h"
#include "core/status.h"

typedef enum ms_input_format {
    MS_FORMAT_AUTO,         /* by extension and content (readers.c) */
    MS_FORMAT_CSV,          /* migstat's long-layout CSV (csv_long.c) */
    MS_FORMAT_JSONL,        /* figure JSON Lines (core/jsonl.c) */
    MS_FORMAT_TABLE,        /* any CSV/TSV through a mapping (table_csv.c) */
    MS_FORMAT_SDMX,         /* SDMX-CSV 1.0 / 2.0 */
    MS_FORMAT_EUROSTAT_TSV, /* Eurostat bulk TSV */
    MS_FORMAT_JSONSTAT,     /* JSON-stat 2.0 */
    MS_FORMAT_JSON          /* JSON records, or JSON Lines of records */
} ms_input_format;

/* "auto", "csv", "jsonl", "table", "sdmx", "eurostat_tsv", "jsonstat",
 * "json" -> format; false if unknown. */
bool ms_input_format_from_name(const char *name, ms_input_format *out);
/* The name of a format ("auto" for MS_FORMAT_AUTO). */
const char *ms_input_format_name(ms_input_format format);

/* Where accepted figures go when not into a figure set: called once per
 * figure, in input order. The figure's strings are valid only during the
 * call (copy what you keep). A status other than MS_OK stops the reading
 * and is returned by the reader. */
typedef ms_status (*ms_figure_sink)(void *ctx, const ms_figure *f);

typedef struct ms_ingest_options {
    const ms_metric_registry *metrics; /* required (borrowed): CSV rows with an
                                          unknown metric are rejected */
    const char *source;    /* source id for every figure (overrides a source
                              column); NULL = the column, else the file stem */
    char delimiter;        /* CSV: ',', '\t' or ';'; 0 = tab for *.tsv, else
                              the first of those in the header row */
    ms_figure_sink sink;   /* NULL: figures are appended to `out` */
    void *sink_ctx;
    FILE *reject;          /* rejected records are written here verbatim
                              (NULL = nowhere) */
    size_t max_errors;     /* stop reading a file after this many rejected
                              records (0 = no limit) */
    /* table readers (mapping.h): */
    const char *mapping_path;          /* --mapping FILE, or NULL */
    const char *const *map_specs;      /* --map field=dimension,... */
    size_t n_map_specs;
    const char *const *set_specs;      /* --set field=value,... */
    size_t n_set_specs;
    const char *const *where_specs;    /* --where dimension=value,... */
    size_t n_where_specs;
    const char *encoding;              /* "utf-8" (default) or "latin1" */
    /* called every MS_INGEST_PROGRESS_EVERY records read (a large input) */
    void (*progress)(void *ctx, const char *name, size_t n_read);
    void *progress_ctx;
} ms_ingest_options;

#define MS_INGEST_PROGRESS_EVERY ((size_t)1 << 18)

/* Reads path ("-" = standard input) into out (figures are appended; their
 * strings are copied into out's arena), or hands them to opt->sink.
 * MS_FORMAT_AUTO picks the reader from the extension and the first bytes
 * (docs/CLI.md, "Formats"): a Eurostat TSV by its '\' header, SDMX-CSV by
 * OBS_VALUE, migstat's CSV by metric/period/value columns, any other CSV
 * through the mapping; JSON-stat by its class/dimension keys, figure JSON
 * Lines by metric and period keys, other JSON as records. Returns MS_OK when every record
 * was accepted, MS_ERR_DATA when some were rejected (the good ones are in
 * out; each rejection is in diag as file:line:column: reason),
 * MS_ERR_IO when the input cannot be opened or read (diag gets
 * "path: cannot open: <reason>"), MS_ERR_USAGE without a metric registry,
 * MS_ERR_NOMEM. diag's read/accepted/rejected/missing counts are added to. */
ms_status ms_ingest_path(const char *path, ms_input_format format, const ms_ingest_options *opt,
                         ms_figure_set *out, ms_diag *diag);

/* The same for an open stream (not closed here); `name` is used in
 * messages, for the extension and as the default source id (its stem;
 * "stdin" for "-" or NULL). */
ms_status ms_ingest_stream(FILE *in, const char *name, ms_input_format format,
                           const ms_ingest_options *opt, ms_figure_set *out, ms_diag *diag);

/* Long-layout CSV (see docs/CLI.md): header names in any order,
 * case-insensitive; only metric, period and value are required. Figure ids
 * are "<source>#<line>"; line/column are the row's line and the value
 * cell's column. Same results as ms_ingest_stream. */
ms_status ms_csv_long_read(FILE *in, const char *name, const ms_ingest_options *opt,
                           ms_figure_set *out, ms_diag *diag);

/* The base name of an input ("stdin" for "-" or NULL): figure ids start
 * with it. */
const char *ms_ingest_base_name(const char *name);
/* The base name without its extension, malloc'd (NULL when out of
 * memory): the default source id. */
char *ms_ingest_stem(const char *name);

#endif
