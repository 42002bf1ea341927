/* emit.c — accepted figures and rejected records, the same for every
 * reader: duplicate keys, accounting, the reject file, the error limit.
 *
 * Exports the ms_emit* functions of emit.h and ms_ingest_base_name /
 * ms_ingest_stem of ingest.h. */
#include "ingest/emit.h"
#include "core/strbuf.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *ms_ingest_base_name(const char *name)
{
    if (!name)
        return "stdin";
    const char *slash = strrchr(name, '/');
    const char *base = slash ? slash + 1 : name;
    return strcmp(base, "-") == 0 ? "stdin" : base;
}

char *ms_ingest_stem(const char *name)
{
    const char *base = ms_ingest_base_name(name);
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    char *stem = malloc(n + 1);
    if (stem) {
        memcpy(stem, base, n);
        stem[n] = '\0';
    }
    return stem;
}

ms_status ms_emitter_init(ms_emitter *em, const char *name, const ms_ingest_options *opt,
                          ms_figure_set *out, ms_diag *diag)
{
    memset(em, 0, sizeof *em);
    em->name = name ? name : "-";
    em->base = ms_ingest_base_name(em->name);
    em->opt = opt;
    em->out = out;
    em->diag = diag;
    em->status = MS_OK;
    ms_dupkeys_init(&em->dups);
    em->stem = ms_ingest_stem(em->name);
    return em->stem ? MS_OK : MS_ERR_NOMEM;
}

ms_status ms_emitter_finish(ms_emitter *em)
{
    ms_status st = em->status;
    ms_dupkeys_free(&em->dups);
    free(em->stem);
    free(em->header);
    em->stem = NULL;
    em->header = NULL;
    return st;
}

ms_status ms_emitter_set_header(ms_emitter *em, const char *raw, size_t len)
{
    char *copy = malloc(len + 1);
    if (!copy)
        return MS_ERR_NOMEM;
    memcpy(copy, raw, len);
    copy[len] = '\0';
    free(em->header);
    em->header = copy;
    em->header_len = len;
    return MS_OK;
}

void ms_emit_read(ms_emitter *em)
{
    em->diag->n_read++;
    if (++em->n_read % MS_INGEST_PROGRESS_EVERY == 0 && em->opt->progress)
        em->opt->progress(em->opt->progress_ctx, em->name, em->n_read);
}

void ms_emit_new_record(ms_emitter *em)
{
    em->raw_written = false;
}

void ms_emit_fail(ms_emitter *em, ms_status st)
{
    if (st != MS_OK) {
        em->status = st;
        em->stopped = true;
    }
}

/* Writes one line to the reject file; a write error is fatal (rejected
 * rows would be lost). */
static void write_reject_line(ms_emitter *em, const char *raw, size_t len)
{
    FILE *rf = em->opt->reject;
    if (fwrite(raw, 1, len, rf) != len || putc('\n', rf) == EOF) {
        ms_diag_report(em->diag, MS_SEV_ERROR, MS_ERR_IO, em->name, 0, 0,
                       "cannot write the reject file");
        ms_emit_fail(em, MS_ERR_IO);
    }
}

bool ms_emit_vreject(ms_emitter *em, int64_t line, int64_t column, const char *raw, size_t raw_len,
                    const char *fmt, va_list ap)
{
    ms_diag_vreport(em->diag, MS_SEV_ERROR, MS_ERR_DATA, em->name, line, column, fmt, ap);
    em->diag->n_rejected++;
    em->n_rejected++;
    if (raw && !em->raw_written) {
        em->raw_written = true;
        if (em->opt->reject) {
            if (em->header && !em->header_written) {
                em->header_written = true;
                write_reject_line(em, em->header, em->header_len);
            }
            write_reject_line(em, raw, raw_len);
        }
    }
    if (em->status == MS_OK)
        em->status = MS_ERR_DATA;
    if (em->opt->max_errors && em->n_rejected >= em->opt->max_errors && !em->stopped) {
        em->stopped = true;
        ms_diag_report(em->diag, MS_SEV_ERROR, MS_ERR_DATA, em->name, line, 0,
                       "stopped after %zu rejected records (--max-errors); the rest of the input "
                       "was not read",
                       em->n_rejected);
    }
    return !em->stopped;
}

bool ms_emit_reject(ms_emitter *em, int64_t line, int64_t column, const char *raw, size_t raw_len,
                    const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool go_on = ms_emit_vreject(em, line, column, raw, raw_len, fmt, ap);
    va_end(ap);
    return go_on;
}

void ms_emit_warn(ms_emitter *em, int64_t line, int64_t column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ms_diag_vreport(em->diag, MS_SEV_WARNING, MS_ERR_DATA, em->name, line, column, fmt, ap);
    va_end(ap);
}

/* "metric place subject breakdown" of f for a duplicate-key message. */
static void describe_key(const ms_figure *f, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, f->metric ? f->metric : "-");
    ms_strbuf_putc(sb, ' ');
    ms_strbuf_puts(sb, f->place ? f->place : "-");
    ms_strbuf_putc(sb, ' ');
    ms_strbuf_puts(sb, f->subject ? f->subject : "-");
    if (f->breakdown) {
        ms_strbuf_putc(sb, ' ');
        ms_strbuf_puts(sb, f->breakdown);
    }
    ms_strbuf_puts(sb, ", period ");
    char period[MS_PERIOD_BUFSZ];
    ms_period_format(f->period, period);
    ms_strbuf_puts(sb, period);
}

/* Appends ":" and v in decimal at buf[n]; returns the new length. */
static size_t put_number(char *buf, size_t n, int64_t v)
{
    char digits[24];
    size_t k = 0;
    uint64_t u = v < 0 ? 0 : (uint64_t)v;
    do
        digits[k++] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    buf[n++] = ':';
    while (k)
        buf[n++] = digits[--k];
    return n;
}

bool ms_emit_figure(ms_emitter *em, ms_figure *f, bool cell_id, const char *raw, size_t raw_len)
{
    if (em->stopped)
        return false;
    if (!f->source)
        f->source = em->opt->source && em->opt->source[0] ? em->opt->source : em->stem;
    bool dup;
    ms_status st = ms_dupkeys_add(&em->dups, f, &dup);
    if (st != MS_OK) {
        ms_emit_fail(em, st);
        return false;
    }
    if (dup) {
        ms_strbuf key;
        ms_strbuf_init(&key);
        describe_key(f, &key);
        bool go_on = ms_emit_reject(em, f->line, f->column, raw, raw_len,
                                    "duplicate key: a figure for %s was already read",
                                    ms_strbuf_failed(&key) ? "this series and period" : ms_strbuf_str(&key));
        ms_strbuf_free(&key);
        return go_on;
    }
    char id[512];
    if (!f->id) { /* "file:LINE" or "file:LINE:COLUMN", once per figure: no printf */
        size_t n = strlen(em->base);
        if (n > sizeof id - 48)
            n = sizeof id - 48;
        memcpy(id, em->base, n);
        n = put_number(id, n, f->line);
        if (cell_id)
            n = put_number(id, n, f->column);
        id[n] = '\0';
        f->id = id;
    }
    st = em->opt->sink ? em->opt->sink(em->opt->sink_ctx, f) : ms_figure_set_add(em->out, f);
    f->id = f->id == id ? NULL : f->id;
    if (st != MS_OK) {
        ms_emit_fail(em, st);
        return false;
    }
    if (ms_figure_is_missing(f))
        em->diag->n_missing++;
    else
        em->diag->n_accepted++;
    return true;
}
