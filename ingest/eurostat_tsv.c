/* eurostat_tsv.c — Eurostat's bulk download TSV.
 *
 * Exports ms_eurostat_tsv_read. The layout:
 *
 *   freq,unit,citizen,geo\TIME_PERIOD<TAB>2022 <TAB>2023 
 *   A,PER,TOTAL,AT<TAB>455 <TAB>560 e
 *   A,PER,TOTAL,BE<TAB>: <TAB>: c
 *
 * The first column packs the dimensions, comma-separated, and its header
 * ends in "\TIME_PERIOD" (older files: "\time"); every other column is a
 * period (2023, 2024Q1, 2024M07); a cell is a value, ':' for missing,
 * followed by flags after a space (p, e, b, c, u, d and combinations).
 * The dataset comes from the file name (migr_eirfs.tsv,
 * estat_migr_eirfs.tsv), which picks the shipped mapping when no
 * --mapping is given. */
#include "ingest/csv_lex.h"
#include "ingest/table.h"
#include "ingest/table_readers.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct tsv_reader {
    ms_emitter *em;
    ms_mapping *map;
    ms_csv_lexer lx;
    size_t n_dims;
    char *dims_text;           /* the first header cell, split in place */
    const char *dims[MS_TABLE_MAX_DIMS];
    size_t n_periods;
    char **periods;            /* header of each period column (trimmed) */
    ms_table table;
    ms_strbuf key_copy;        /* the first cell converted from Latin-1 */
} tsv_reader;

/* Splits s in place at commas into at most max parts. */
static size_t split_commas(char *s, const char **parts, size_t max)
{
    size_t n = 0;
    for (char *p = s;; p++) {
        if (n == max)
            return max + 1; /* too many */
        parts[n++] = p;
        p = strchr(p, ',');
        if (!p)
            break;
        *p = '\0';
    }
    return n;
}

static char *trimmed_copy(const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    char *out = malloc(len + 1);
    if (out) {
        memcpy(out, s, len);
        out[len] = '\0';
    }
    return out;
}

/* The shipped mapping of the file's dataset, unless a mapping was given. */
static ms_status load_dataset_mapping(tsv_reader *r)
{
    if (r->map->name)
        return MS_OK;
    const char *base = r->em->stem;
    if (strncasecmp(base, "estat_", 6) == 0)
        base += 6;
    char *path = ms_mapping_find_shipped(base);
    if (!path)
        return MS_OK;
    ms_status st = ms_mapping_load(r->map, path, r->em->diag);
    free(path);
    return st;
}

static ms_status read_header(tsv_reader *r)
{
    ms_csv_lexer *lx = &r->lx;
    bool at_end;
    ms_status st = ms_csv_next(lx, &at_end);
    if (st == MS_ERR_IO)
        ms_diag_report(r->em->diag, MS_SEV_ERROR, MS_ERR_IO, r->em->name, 0, 0, "read error");
    if (st == MS_ERR_IO || st == MS_ERR_NOMEM)
        return st;
    if (at_end) {
        ms_diag_error(r->em->diag, r->em->name, 0, 0, "empty input: no header row");
        return MS_ERR_DATA;
    }
    const char *first = lx->fields[0].text;
    const char *backslash = strchr(first, '\\');
    if (st == MS_ERR_DATA || !backslash || lx->n_fields < 2) {
        ms_diag_error(r->em->diag, r->em->name, 1, 1,
                      "not a Eurostat TSV: the first header cell must list the dimensions and end "
                      "in '\\TIME_PERIOD' (e.g. 'unit,citizen,geo\\TIME_PERIOD'), followed by "
                      "period columns");
        return MS_ERR_DATA;
    }
    if (!(r->dims_text = trimmed_copy(first, (size_t)(backslash - first))))
        return MS_ERR_NOMEM;
    r->n_dims = split_commas(r->dims_text, r->dims, MS_TABLE_MAX_DIMS);
    if (r->n_dims > MS_TABLE_MAX_DIMS) {
        ms_diag_error(r->em->diag, r->em->name, 1, 1, "more than %d dimensions", MS_TABLE_MAX_DIMS);
        return MS_ERR_DATA;
    }
    r->n_periods = lx->n_fields - 1;
    if (!(r->periods = calloc(r->n_periods, sizeof *r->periods)))
        return MS_ERR_NOMEM;
    for (size_t i = 0; i < r->n_periods; i++) {
        const ms_csv_field *f = &lx->fields[i + 1];
        if (!(r->periods[i] = trimmed_copy(f->text, f->len)))
            return MS_ERR_NOMEM;
        ms_period p;
        if (ms_table_period(r->map, r->periods[i], strlen(r->periods[i]), &p) != MS_OK) {
            ms_diag_error(r->em->diag, r->em->name, f->line, f->column,
                          "column header '%s' is not a period (2023, 2024Q1, 2024M07)", r->periods[i]);
            return MS_ERR_DATA;
        }
    }
    if ((st = ms_emitter_set_header(r->em, lx->raw, lx->raw_len)) != MS_OK)
        return st;
    if ((st = load_dataset_mapping(r)) != MS_OK)
        return st;
    if ((st = ms_table_eurostat_defaults(r->map, r->dims, r->n_dims, r->em->diag)) != MS_OK)
        return st;
    for (size_t i = 0; i < r->n_dims; i++)
        if (strcasecmp(r->dims[i], "freq") == 0 && (st = ms_mapping_add_ignore(r->map, r->dims[i])) != MS_OK)
            return st;
    return ms_table_begin(&r->table, r->em, r->map, r->dims, r->n_dims, true, true, 1);
}

/* Rejects every cell of the current row with one reason. */
static void reject_row(tsv_reader *r, int64_t line, int64_t column, const char *reason)
{
    for (size_t k = 0; k < r->n_periods && !r->em->stopped; k++)
        ms_table_reject_cell(&r->table, line, column, r->lx.raw, r->lx.raw_len, "%s", reason);
}

static void read_row(tsv_reader *r)
{
    ms_csv_lexer *lx = &r->lx;
    if (lx->error) {
        reject_row(r, lx->error_line, lx->error_column, lx->error);
        return;
    }
    if (lx->n_fields != r->n_periods + 1) {
        char reason[96];
        snprintf(reason, sizeof reason, "expected %zu fields, found %zu", r->n_periods + 1, lx->n_fields);
        reject_row(r, lx->record_line, lx->end_column, reason);
        return;
    }
    ms_csv_field *key = &lx->fields[0];
    size_t bad;
    const char *text = ms_table_text(&r->table, key->text, key->len, &bad);
    if (!text) {
        reject_row(r, lx->record_line, key->column + (int64_t)bad,
                   "invalid UTF-8; if the file is Latin-1, use --encoding latin1");
        return;
    }
    char *codes = key->text;
    if (text != key->text) { /* converted from Latin-1: split a copy */
        ms_strbuf_clear(&r->key_copy);
        ms_strbuf_puts(&r->key_copy, text);
        if (ms_strbuf_failed(&r->key_copy)) {
            ms_emit_fail(r->em, MS_ERR_NOMEM);
            return;
        }
        codes = r->key_copy.data;
    }
    const char *values[MS_TABLE_MAX_DIMS];
    size_t n = split_commas(codes, values, MS_TABLE_MAX_DIMS);
    if (n != r->n_dims) {
        char reason[96];
        snprintf(reason, sizeof reason, "expected %zu dimension codes before the first tab, found %zu",
                 r->n_dims, n);
        reject_row(r, lx->record_line, key->column, reason);
        return;
    }
    ms_obs o = {.values = values, .line = lx->record_line, .split_flags = true, .cell_id = true,
                .raw = lx->raw, .raw_len = lx->raw_len};
    for (size_t k = 0; k < r->n_periods && !r->em->stopped; k++) {
        const ms_csv_field *f = &lx->fields[k + 1];
        o.period = r->periods[k];
        o.value = f->text;
        o.value_len = f->len;
        o.column = f->column;
        ms_table_emit(&r->table, &o);
    }
}

ms_status ms_eurostat_tsv_read(ms_emitter *em, ms_mapping *map, FILE *in)
{
    tsv_reader r = {.em = em, .map = map};
    ms_strbuf_init(&r.key_copy);
    ms_csv_lexer_init(&r.lx, in, '\t');
    ms_status st = read_header(&r);
    while (st == MS_OK && !em->stopped) {
        bool at_end;
        st = ms_csv_next(&r.lx, &at_end);
        if (st == MS_ERR_IO)
            ms_diag_report(em->diag, MS_SEV_ERROR, MS_ERR_IO, em->name, r.lx.line, 0, "read error");
        if (st == MS_ERR_IO || st == MS_ERR_NOMEM)
            break;
        st = MS_OK;
        if (at_end)
            break;
        if (!r.lx.error && r.lx.n_fields == 1 && r.lx.fields[0].len == 0)
            continue; /* a blank line */
        ms_emit_new_record(em);
        read_row(&r);
    }
    ms_table_end(&r.table);
    if (st == MS_ERR_DATA) {
        if (em->status == MS_OK)
            em->status = MS_ERR_DATA;
    } else {
        ms_emit_fail(em, st);
    }
    for (size_t i = 0; r.periods && i < r.n_periods; i++)
        free(r.periods[i]);
    free(r.periods);
    free(r.dims_text);
    ms_strbuf_free(&r.key_copy);
    ms_csv_lexer_free(&r.lx);
    return em->status;
}
