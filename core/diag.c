/* diag.c — the diagnostics sink: problems with positions, and the
 * read/accepted/rejected/missing accounting of a run. */
#include "core/diag.h"
#include "core/grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ms_diag_init(ms_diag *diag)
{
    memset(diag, 0, sizeof *diag);
}

void ms_diag_free(ms_diag *diag)
{
    for (size_t i = 0; i < diag->count; i++) {
        free(diag->entries[i].file);
        free(diag->entries[i].reason);
    }
    free(diag->entries);
    size_t max = diag->max_entries;
    ms_diag_init(diag);
    diag->max_entries = max;
}

static char *dup_cstr(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

/* Stores an entry (taking ownership of nothing: copies file and reason). */
static void store_entry(ms_diag *diag, ms_severity severity, ms_status code,
                        const char *file, int64_t line, int64_t column, const char *reason)
{
    if (diag->max_entries && diag->count >= diag->max_entries) {
        diag->n_dropped++;
        return;
    }
    ms_diag_entry *entries = ms_grow(diag->entries, &diag->cap, diag->count, sizeof *entries, 16);
    if (!entries) {
        diag->failed_alloc = true;
        diag->n_dropped++;
        return;
    }
    diag->entries = entries;
    ms_diag_entry *e = &diag->entries[diag->count];
    e->severity = severity;
    e->code = code;
    e->line = line;
    e->column = column;
    e->file = dup_cstr(file ? file : "-");
    e->reason = dup_cstr(reason);
    if (!e->file || !e->reason) {
        free(e->file);
        free(e->reason);
        diag->failed_alloc = true;
        diag->n_dropped++;
        return;
    }
    diag->count++;
}

void ms_diag_vreport(ms_diag *diag, ms_severity severity, ms_status code,
                     const char *file, int64_t line, int64_t column,
                     const char *fmt, va_list ap)
{
    if (severity == MS_SEV_ERROR)
        diag->n_errors++;
    else
        diag->n_warnings++;
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_strbuf_vprintf(&sb, fmt, ap);
    if (ms_strbuf_failed(&sb)) {
        diag->failed_alloc = true;
        diag->n_dropped++;
    } else {
        store_entry(diag, severity, code, file, line, column, ms_strbuf_str(&sb));
    }
    ms_strbuf_free(&sb);
}

void ms_diag_report(ms_diag *diag, ms_severity severity, ms_status code,
                    const char *file, int64_t line, int64_t column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ms_diag_vreport(diag, severity, code, file, line, column, fmt, ap);
    va_end(ap);
}

void ms_diag_error(ms_diag *diag, const char *file, int64_t line, int64_t column,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ms_diag_vreport(diag, MS_SEV_ERROR, MS_ERR_DATA, file, line, column, fmt, ap);
    va_end(ap);
}

void ms_diag_format_entry(const ms_diag_entry *entry, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, entry->file);
    if (entry->line > 0) {
        ms_strbuf_printf(sb, ":%lld", (long long)entry->line);
        if (entry->column > 0)
            ms_strbuf_printf(sb, ":%lld", (long long)entry->column);
    }
    ms_strbuf_puts(sb, ": ");
    if (entry->severity == MS_SEV_WARNING)
        ms_strbuf_puts(sb, "warning: ");
    ms_strbuf_puts(sb, entry->reason);
}

void ms_diag_format_counts(const ms_diag *diag, ms_strbuf *sb)
{
    ms_strbuf_printf(sb, "read %zu, accepted %zu, rejected %zu, missing %zu",
                     diag->n_read, diag->n_accepted, diag->n_rejected, diag->n_missing);
    if (diag->n_skipped)
        ms_strbuf_printf(sb, ", skipped %zu", diag->n_skipped);
}

void ms_diag_merge(ms_diag *dst, const ms_diag *src)
{
    for (size_t i = 0; i < src->count; i++) {
        const ms_diag_entry *e = &src->entries[i];
        store_entry(dst, e->severity, e->code, e->file, e->line, e->column, e->reason);
    }
    dst->n_dropped += src->n_dropped;
    dst->n_errors += src->n_errors;
    dst->n_warnings += src->n_warnings;
    dst->n_read += src->n_read;
    dst->n_accepted += src->n_accepted;
    dst->n_rejected += src->n_rejected;
    dst->n_missing += src->n_missing;
    dst->n_skipped += src->n_skipped;
    dst->failed_alloc = dst->failed_alloc || src->failed_alloc;
}
