/* diag.h — the diagnostics sink a caller passes to readers and checks.
 *
 * Collects problems as "file:line:column: reason" (line/column 0 = not
 * applicable) and the accounting of a run: how many records were read,
 * accepted, rejected, and how many cells were missing. Nothing is printed
 * here; cli/ prints. Messages are lowercase, name the offending text in
 * single quotes, and have no final period. */
#ifndef MS_DIAG_H
#define MS_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/status.h"
#include "core/strbuf.h"

typedef enum ms_severity {
    MS_SEV_ERROR = 0,   /* a record was rejected */
    MS_SEV_WARNING      /* accepted, but worth saying */
} ms_severity;

typedef struct ms_diag_entry {
    ms_severity severity;
    ms_status code;
    char *file;     /* owned */
    int64_t line;   /* 1-based; 0 = none */
    int64_t column; /* 1-based; 0 = none */
    char *reason;   /* owned */
} ms_diag_entry;

typedef struct ms_diag {
    ms_diag_entry *entries;
    size_t count;
    size_t cap;
    size_t max_entries;  /* entries kept (0 = unlimited); the rest are counted */
    size_t n_dropped;    /* entries not kept because of max_entries */
    size_t n_errors;     /* errors reported (kept or not) */
    size_t n_warnings;
    /* accounting */
    size_t n_read;
    size_t n_accepted;
    size_t n_rejected;
    size_t n_missing;
    size_t n_skipped;    /* records left out on purpose (--where) */
    bool failed_alloc;   /* an entry could not be stored */
} ms_diag;

void ms_diag_init(ms_diag *diag);
void ms_diag_free(ms_diag *diag);

/* Records a problem. file may be NULL ("-" is used). */
void ms_diag_report(ms_diag *diag, ms_severity severity, ms_status code,
                    const char *file, int64_t line, int64_t column,
                    const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void ms_diag_vreport(ms_diag *diag, ms_severity severity, ms_status code,
                     const char *file, int64_t line, int64_t column,
                     const char *fmt, va_list ap);

/* Shorthand for an error of code MS_ERR_DATA. */
void ms_diag_error(ms_diag *diag, const char *file, int64_t line, int64_t column,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Appends "file:line:column: reason" (omitting zero line/column) to sb;
 * warnings get "warning: " before the reason. */
void ms_diag_format_entry(const ms_diag_entry *entry, ms_strbuf *sb);

/* Appends "read N, accepted N, rejected N, missing N" and ", skipped N"
 * when records were skipped. read = accepted + rejected + missing + skipped. */
void ms_diag_format_counts(const ms_diag *diag, ms_strbuf *sb);

/* Adds the counts and entries of src to dst (for runs over many files). */
void ms_diag_merge(ms_diag *dst, const ms_diag *src);

#endif
