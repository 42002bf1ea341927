/* table_csv.c — CSV/TSV tables of any shape through a mapping: the
 * official and ministry layouts, as opposed to migstat's own long layout
 * (csv_long.c).
 *
 * Exports ms_table_csv_read and ms_table_csv_rows. Three shapes:
 *   long              one value per row, in the column the mapping's
 *                     `value` names (Eurostat's old CSV export, the UK Home
 *                     Office tidy tables, SDMX-CSV);
 *   periods in columns a header cell per period ("2019", "2020Q1"): one
 *                     value per cell, the other columns are dimensions;
 *   periods in rows   (mapping "wide": {"periods": "rows"}) one row per
 *                     period, one column per value of a dimension the
 *                     mapping calls `column` (the US yearbook tables).
 * Header names are trimmed; an empty one is called columnN (1-based), a
 * repeated one gets " (2)", " (3)". Every cell is checked to be UTF-8, or
 * converted from Latin-1 when the mapping says so. */
#include "ingest/cell.h"
#include "ingest/csv_lex.h"
#include "ingest/table.h"
#include "ingest/table_readers.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef enum shape { SHAPE_LONG, SHAPE_PERIOD_COLUMNS, SHAPE_PERIOD_ROWS } shape;

typedef struct csv_table {
    ms_emitter *em;
    ms_mapping *map;
    bool sdmx;
    bool labelled;           /* SDMX: "id: label" headers, "code: label" values */
    int64_t header_line;
    ms_csv_lexer lx;
    shape shape;
    size_t n_columns;
    char **names;            /* header names (owned) */
    bool *is_value;          /* a value column (wide shapes) */
    size_t n_dims;           /* dimensions: the columns that are not value
                                columns, + `column` when periods are in rows */
    int *dim_of;             /* per column: its dimension, or -1 */
    const char **dim_names;  /* NULL for value columns */
    const char **values;     /* per dimension, for the current record */
    int64_t *columns;
    ms_strbuf text;          /* the record's cells as UTF-8 */
    size_t *offsets;
    ms_table table;
} csv_table;


/* The record's cells as UTF-8 (converted or checked) in t->text; false
 * when a cell is not valid text (the record is rejected, every value of
 * it counted). */
static bool decode_record(csv_table *t, size_t n_values)
{
    ms_csv_lexer *lx = &t->lx;
    ms_strbuf_clear(&t->text);
    for (size_t i = 0; i < lx->n_fields; i++) {
        ms_csv_field *f = &lx->fields[i];
        ms_csv_field_trim(f);
        size_t bad;
        const char *s = ms_table_text(&t->table, f->text, f->len, &bad);
        if (!s) {
            const unsigned char byte = (unsigned char)f->text[bad];
            for (size_t k = 0; k < n_values; k++) {
                ms_table_reject_cell(&t->table, lx->record_line, f->column + (f->quoted ? 1 : 0) + (int64_t)bad,
                                     lx->raw, lx->raw_len,
                                     byte ? "invalid UTF-8 (byte 0x%02X); if the file is Latin-1, use "
                                            "--encoding latin1"
                                          : "NUL byte in a cell (byte 0x%02X)",
                                     byte);
            }
            return false;
        }
        t->offsets[i] = t->text.len;
        ms_strbuf_append(&t->text, s, strlen(s) + 1);
    }
    return !ms_strbuf_failed(&t->text);
}

static const char *cell_text(const csv_table *t, size_t i)
{
    return ms_strbuf_str(&t->text) + t->offsets[i];
}

/* An empty record (a blank line, ",,,"): not data, not counted. */
static bool is_empty_record(const ms_csv_lexer *lx)
{
    for (size_t i = 0; i < lx->n_fields; i++)
        if (lx->fields[i].len || lx->fields[i].quoted)
            return false;
    return true;
}

/* ------------------------------------------------------------ header */

static bool read_header(csv_table *t, ms_status *st)
{
    ms_csv_lexer *lx = &t->lx;
    bool at_end;
    *st = ms_csv_next(lx, &at_end);
    if (*st == MS_ERR_IO || *st == MS_ERR_NOMEM) {
        if (*st == MS_ERR_IO)
            ms_diag_report(t->em->diag, MS_SEV_ERROR, MS_ERR_IO, t->em->name, 0, 0, "read error");
        return false;
    }
    if (at_end) {
        ms_diag_error(t->em->diag, t->em->name, 0, 0, "empty input: no header row");
        *st = MS_ERR_DATA;
        return false;
    }
    if (*st == MS_ERR_DATA) {
        ms_diag_error(t->em->diag, t->em->name, lx->error_line, lx->error_column, "header: %s", lx->error);
        return false;
    }
    t->n_columns = lx->n_fields;
    t->header_line = lx->record_line;
    t->names = calloc(t->n_columns, sizeof *t->names);
    t->is_value = calloc(t->n_columns, sizeof *t->is_value);
    t->offsets = calloc(t->n_columns, sizeof *t->offsets);
    t->dim_names = calloc(t->n_columns + 1, sizeof *t->dim_names);
    t->values = calloc(t->n_columns + 1, sizeof *t->values);
    t->columns = calloc(t->n_columns + 1, sizeof *t->columns);
    t->dim_of = calloc(t->n_columns, sizeof *t->dim_of);
    if (!t->dim_of || !t->names || !t->is_value || !t->offsets || !t->dim_names || !t->values || !t->columns) {
        *st = MS_ERR_NOMEM;
        return false;
    }
    for (size_t i = 0; i < t->n_columns; i++) {
        ms_csv_field *f = &lx->fields[i];
        ms_csv_field_trim(f);
        char name[512];
        if (f->len == 0)
            snprintf(name, sizeof name, "column%zu", i + 1);
        else if (ms_utf8_invalid_at(f->text, f->len) != (size_t)-1 && t->map->latin1 == false)
            snprintf(name, sizeof name, "column%zu", i + 1); /* reported with the first row */
        else
            snprintf(name, sizeof name, "%s", f->text);
        char *colon = t->sdmx ? strstr(name, ": ") : NULL;
        if (colon) { /* SDMX-CSV 2.0 with labels: "geo: Geopolitical entity" */
            *colon = '\0';
            t->labelled = true;
        }
        if (t->map->latin1 && f->len) {
            char *u = malloc(2 * f->len + 1);
            if (!u) {
                *st = MS_ERR_NOMEM;
                return false;
            }
            ms_latin1_to_utf8(f->text, f->len, u);
            snprintf(name, sizeof name, "%s", u);
            free(u);
        }
        size_t copies = 1;
        for (size_t k = 0; k < i; k++)
            if (strcmp(t->names[k], name) == 0 ||
                (strncmp(t->names[k], name, strlen(name)) == 0 && strncmp(t->names[k] + strlen(name), " (", 2) == 0))
                copies++;
        if (copies > 1) {
            char renamed[sizeof name];
            snprintf(renamed, sizeof renamed, "%.400s (%zu)", name, copies);
            ms_emit_warn(t->em, f->line, f->column, "column '%s' appears again; this one is called '%s'",
                         name, renamed);
            snprintf(name, sizeof name, "%s", renamed);
        }
        if (!(t->names[i] = strdup(name))) {
            *st = MS_ERR_NOMEM;
            return false;
        }
    }
    *st = ms_emitter_set_header(t->em, lx->raw, lx->raw_len);
    return *st == MS_OK;
}

/* Is column i named in one of the mapping's rules, --where or ignore? */
static bool column_is_mapped(const csv_table *t, size_t i)
{
    const char *name = t->names[i];
    for (int f = 0; f < MS_MAP_FIELD_COUNT_; f++) {
        const ms_map_rule *r = &t->map->rules[f];
        if (r->dim && strcasecmp(r->dim, name) == 0)
            return true;
        if (r->tmpl) {
            for (const char *p = strchr(r->tmpl, '{'); p; p = strchr(p + 1, '{')) {
                const char *close = strchr(p, '}');
                if (close && (size_t)(close - p - 1) == strlen(name) &&
                    strncasecmp(p + 1, name, strlen(name)) == 0)
                    return true;
            }
        }
    }
    for (size_t k = 0; k < t->map->n_where; k++)
        if (strcasecmp(t->map->where[k].dim, name) == 0)
            return true;
    for (size_t k = 0; k < t->map->n_ignore; k++)
        if (strcasecmp(t->map->ignore[k], name) == 0)
            return true;
    for (size_t k = 0; k < t->map->n_breakdown; k++)
        if (strcasecmp(t->map->breakdown[k], name) == 0)
            return true;
    return false;
}

/* Decides the shape and which columns hold values. */
static ms_status choose_shape(csv_table *t)
{
    const ms_mapping *map = t->map;
    size_t n_values = 0;
    if (map->wide_periods_in_rows) {
        t->shape = SHAPE_PERIOD_ROWS;
        for (size_t i = 0; i < t->n_columns; i++)
            if ((t->is_value[i] = !column_is_mapped(t, i)))
                n_values++;
    } else if (map->rules[MS_MAP_VALUE].dim || map->rules[MS_MAP_VALUE].tmpl) {
        t->shape = SHAPE_LONG;
        n_values = 1;
    } else {
        t->shape = SHAPE_PERIOD_COLUMNS;
        for (size_t i = 0; i < t->n_columns; i++) {
            ms_period p;
            if ((t->is_value[i] = !column_is_mapped(t, i) &&
                                  ms_table_period(map, t->names[i], strlen(t->names[i]), &p) == MS_OK))
                n_values++;
        }
    }
    if (n_values == 0) {
        ms_diag_error(t->em->diag, t->em->name, t->header_line, 0,
                      "no value column: name it (--map value=COLUMN), or give a table with one "
                      "column per period, or a mapping with \"wide\": {\"periods\": \"rows\"}");
        return MS_ERR_DATA;
    }
    t->n_dims = 0;
    for (size_t i = 0; i < t->n_columns; i++) {
        t->dim_of[i] = t->is_value[i] ? -1 : (int)t->n_dims;
        if (!t->is_value[i])
            t->dim_names[t->n_dims++] = t->names[i];
    }
    if (t->shape == SHAPE_PERIOD_ROWS)
        t->dim_names[t->n_dims++] = map->column_dim ? map->column_dim : "column";
    return MS_OK;
}

/* ------------------------------------------------------------ rows */

static size_t values_per_record(const csv_table *t)
{
    if (t->shape == SHAPE_LONG)
        return 1;
    size_t n = 0;
    for (size_t i = 0; i < t->n_columns; i++)
        n += t->is_value[i];
    return n;
}

static void read_record(csv_table *t)
{
    ms_csv_lexer *lx = &t->lx;
    size_t n_values = values_per_record(t);
    if (lx->error) {
        for (size_t k = 0; k < n_values; k++)
            ms_table_reject_cell(&t->table, lx->error_line, lx->error_column, lx->raw, lx->raw_len, "%s",
                                 lx->error);
        return;
    }
    if (lx->n_fields != t->n_columns) {
        bool extra = lx->n_fields > t->n_columns;
        int64_t line = extra ? lx->fields[t->n_columns].line : lx->end_line;
        int64_t column = extra ? lx->fields[t->n_columns].column : lx->end_column;
        for (size_t k = 0; k < n_values; k++)
            ms_table_reject_cell(&t->table, line, column, lx->raw, lx->raw_len,
                                 "expected %zu fields, found %zu", t->n_columns, lx->n_fields);
        return;
    }
    if (!decode_record(t, n_values))
        return;
    for (size_t i = 0; i < t->n_columns; i++) {
        int d = t->dim_of[i];
        if (d < 0)
            continue;
        t->values[d] = cell_text(t, i);
        t->columns[d] = lx->fields[i].column;
        if (t->labelled) {
            /* "AT: Austria" -> "AT" (the offsets are ours to cut) */
            char *v = t->text.data + t->offsets[i];
            char *colon = strstr(v, ": ");
            if (colon && !memchr(v, ' ', (size_t)(colon - v)))
                *colon = '\0';
        }
    }
    ms_obs o = {.values = t->values, .columns = t->columns, .line = lx->record_line,
                .raw = lx->raw, .raw_len = lx->raw_len};
    if (t->shape == SHAPE_LONG) {
        o.column = lx->fields[0].column;
        ms_table_emit(&t->table, &o);
        return;
    }
    o.cell_id = true;
    for (size_t i = 0; i < t->n_columns && !t->em->stopped; i++) {
        if (!t->is_value[i])
            continue;
        o.value = cell_text(t, i);
        o.value_len = strlen(o.value);
        o.column = lx->fields[i].column;
        if (t->shape == SHAPE_PERIOD_COLUMNS) {
            o.period = t->names[i];
        } else {
            t->values[t->n_dims - 1] = t->names[i];
            t->columns[t->n_dims - 1] = lx->fields[i].column;
        }
        ms_table_emit(&t->table, &o);
    }
}

/* SDMX-CSV's own columns, which are not dimensions of the data. */
static const char *const sdmx_not_dims[] = {
    "DATAFLOW", "STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME", "ACTION", "LAST UPDATE",
    "CONF_STATUS", "OBS_STATUS", "OBS_FLAG", "OBS_VALUE", "TIME_PERIOD", "freq", "UNIT_MULT",
    "DECIMALS", "OBS_COMMENT",
};

static int column_named(const csv_table *t, const char *name)
{
    for (size_t i = 0; i < t->n_columns; i++)
        if (strcasecmp(t->names[i], name) == 0)
            return (int)i;
    return -1;
}

/* Fills what SDMX-CSV says by its column names into the rules the
 * mapping leaves open; the dataflow of the first row (`first`, may be
 * NULL) chooses the shipped mapping when no mapping file was given. */
static ms_status sdmx_setup(csv_table *t, const ms_csv_lexer *first)
{
    ms_mapping *map = t->map;
    ms_status st = MS_OK;
    int flow = column_named(t, "DATAFLOW");
    if (flow < 0)
        flow = column_named(t, "STRUCTURE_ID");
    if (!map->name && first && flow >= 0 && (size_t)flow < first->n_fields) {
        char *path = ms_mapping_find_shipped(first->fields[flow].text);
        if (path) {
            st = ms_mapping_load(map, path, t->em->diag);
            free(path);
        }
    }
    static const struct { ms_map_field field; const char *columns[2]; } known[] = {
        {MS_MAP_VALUE, {"OBS_VALUE", NULL}},
        {MS_MAP_PERIOD, {"TIME_PERIOD", NULL}},
        {MS_MAP_FLAGS, {"OBS_FLAG", "OBS_STATUS"}},
    };
    for (size_t k = 0; k < sizeof known / sizeof known[0] && st == MS_OK; k++) {
        const ms_map_rule *r = &map->rules[known[k].field];
        if (r->dim || r->tmpl || r->constant)
            continue;
        for (size_t c = 0; c < 2 && known[k].columns[c]; c++) {
            int i = column_named(t, known[k].columns[c]);
            if (i >= 0) {
                st = ms_mapping_set_rule(map, known[k].field, t->names[i], false);
                break;
            }
        }
    }
    for (size_t k = 0; k < sizeof sdmx_not_dims / sizeof sdmx_not_dims[0] && st == MS_OK; k++) {
        int i = column_named(t, sdmx_not_dims[k]);
        if (i >= 0)
            st = ms_mapping_add_ignore(map, t->names[i]);
    }
    if (st == MS_OK)
        st = ms_mapping_add_missing(map, "NaN");
    if (st == MS_OK)
        st = ms_table_eurostat_defaults(map, (const char *const *)t->names, t->n_columns, t->em->diag);
    return st;
}

/* Reads the next record that is not empty; false at the end or on a
 * fatal error (*st). */
static bool next_record(csv_table *t, ms_status *st)
{
    for (;;) {
        bool at_end;
        *st = ms_csv_next(&t->lx, &at_end);
        if (*st == MS_ERR_IO || *st == MS_ERR_NOMEM) {
            if (*st == MS_ERR_IO)
                ms_diag_report(t->em->diag, MS_SEV_ERROR, MS_ERR_IO, t->em->name, t->lx.line, 0, "read error");
            return false;
        }
        *st = MS_OK;
        if (at_end)
            return false;
        if (t->lx.error || !is_empty_record(&t->lx))
            return true;
    }
}

ms_status ms_table_csv_rows(ms_emitter *em, ms_mapping *map, FILE *in, char delimiter, bool sdmx)
{
    csv_table t = {.em = em, .map = map, .sdmx = sdmx};
    ms_strbuf_init(&t.text);
    ms_csv_lexer_init(&t.lx, in, delimiter);
    ms_status st;
    bool have_first = false;
    if (read_header(&t, &st) && sdmx) {
        have_first = next_record(&t, &st);
        if (st == MS_OK) {
            /* the first record's fields are trimmed for the dataflow */
            for (size_t i = 0; have_first && i < t.lx.n_fields; i++)
                ms_csv_field_trim(&t.lx.fields[i]);
            st = sdmx_setup(&t, have_first && !t.lx.error ? &t.lx : NULL);
        }
    } else if (st == MS_OK) {
        have_first = next_record(&t, &st);
    }
    if (st == MS_OK && t.names && (st = choose_shape(&t)) == MS_OK &&
        (st = ms_table_begin(&t.table, em, map, t.dim_names, t.n_dims,
                             t.shape == SHAPE_PERIOD_COLUMNS, t.shape != SHAPE_LONG, t.header_line)) == MS_OK) {
        while (!em->stopped && (have_first || next_record(&t, &st))) {
            have_first = false;
            ms_emit_new_record(em);
            read_record(&t);
        }
    }
    ms_table_end(&t.table); /* safe when never begun: zeroed */
    if (st == MS_ERR_DATA) {
        if (em->status == MS_OK)
            em->status = MS_ERR_DATA;
    } else {
        ms_emit_fail(em, st);
    }
    for (size_t i = 0; t.names && i < t.n_columns; i++)
        free(t.names[i]);
    free(t.names);
    free(t.is_value);
    free(t.offsets);
    free(t.dim_names);
    free(t.values);
    free(t.columns);
    free(t.dim_of);
    ms_strbuf_free(&t.text);
    ms_csv_lexer_free(&t.lx);
    return em->status;
}
