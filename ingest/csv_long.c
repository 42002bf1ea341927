/* csv_long.c — the long CSV layout (one figure per row) -> figures.
 *
 * Exports ms_csv_long_read. Columns are found by header name in any order;
 * only metric, period and value are required. A row that cannot become a
 * figure is rejected with the line and column of the offending cell and the
 * rows after it are read as usual. Missing values (":", "..", "-", empty)
 * stay missing (NaN), never 0. */
#include "ingest/cell.h"
#include "ingest/csv_lex.h"
#include "ingest/emit.h"
#include "ingest/ingest.h"
#include "core/num.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum column {
    COL_SOURCE, COL_PUBLISHED, COL_METRIC, COL_KIND, COL_PLACE, COL_SUBJECT, COL_PERIOD,
    COL_VALUE, COL_HEDGE, COL_URL, COL_UNIT, COL_LO, COL_HI, COL_QUOTE, COL_NOTE, COL_FLAGS,
    COL_LANG, COL_BASE, COL_ROUNDING, COL_ID, COL_LO_OPEN, COL_HI_OPEN, COL_BREAKDOWN, COL_INPUTS,
    COL_COUNT_
};

static const char *const column_names[COL_COUNT_] = {
    "source", "published", "metric", "kind", "place", "subject", "period", "value", "hedge",
    "url", "unit", "lo", "hi", "quote", "note", "flags", "lang", "base", "rounding",
    "id", "lo_open", "hi_open", "breakdown", "inputs",
};

/* ------------------------------------------------------------ cells */

typedef struct long_reader {
    const char *name;   /* for messages */
    const ms_ingest_options *opt;
    ms_emitter *em;
    int col[COL_COUNT_]; /* field index of each column, -1 if absent */
    size_t n_columns;
    ms_csv_lexer lx;
} long_reader;


/* The field of column c in the current record, or NULL if no such column. */
static ms_csv_field *cell(long_reader *r, enum column c)
{
    return r->col[c] >= 0 ? &r->lx.fields[r->col[c]] : NULL;
}


/* A cell's trimmed text, or NULL if the column is absent or the cell empty. */
static const char *cell_text(long_reader *r, enum column c)
{
    ms_csv_field *f = cell(r, c);
    return f && f->len ? f->text : NULL;
}

/* Rejects the row at the cell of column c; returns false. */
static bool reject(long_reader *r, enum column c, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static bool reject(long_reader *r, enum column c, const char *fmt, ...)
{
    const ms_csv_field *f = cell(r, c);
    va_list ap;
    va_start(ap, fmt);
    ms_emit_vreject(r->em, f ? f->line : r->lx.record_line, f ? f->column : 0, r->lx.raw,
                    r->lx.raw_len, fmt, ap);
    va_end(ap);
    return false;
}

/* Parses a number cell. *missing is set for the missing markers; a text
 * that is not a number is reported and false returned. `plain`, if not
 * NULL, receives the plain form (for its rounding unit). */
static bool number_cell(long_reader *r, enum column c, double *out, bool *missing,
                        char *plain, size_t plain_cap)
{
    const ms_csv_field *f = cell(r, c);
    char local[128], show[MS_SHOWN_MAX];
    if (!plain) {
        plain = local;
        plain_cap = sizeof local;
    }
    const char *why = NULL;
    *missing = !f;
    if (!f)
        return true;
    if (ms_cell_number(f->text, f->len, out, missing, plain, plain_cap, &why) != MS_OK)
        return reject(r, c, "%s '%s' %s", column_names[c], ms_cell_shown(f->text, f->len, show), why);
    return true;
}

/* Parses a cell through a parser of (text, len, out). */
#define PARSE_CELL(parse, text, out) ((parse)((text), strlen(text), (out)) == MS_OK)

/* ------------------------------------------------------------ rows */

/* The default unit of a figure: changes and shares in percent, multipliers
 * and ratios as a ratio (as stats/ratio.c names them), else the metric's. */
static const char *default_unit(const ms_metric *m, ms_kind kind)
{
    switch (kind) {
    case MS_KIND_PCT_CHANGE:
    case MS_KIND_SHARE:
        return "percent";
    case MS_KIND_MULTIPLIER:
    case MS_KIND_RATIO:
        return "ratio";
    default:
        return m->unit && m->unit[0] ? m->unit : NULL;
    }
}

/* A "true"/"false" cell (empty = false). */
static bool bool_cell(long_reader *r, enum column c, bool *out)
{
    char show[MS_SHOWN_MAX];
    const char *s = cell_text(r, c);
    *out = false;
    if (!s || strcmp(s, "false") == 0)
        return true;
    if (strcmp(s, "true") == 0) {
        *out = true;
        return true;
    }
    return reject(r, c, "%s '%s' must be true or false", column_names[c], ms_cell_shown(s, strlen(s), show));
}

/* The interval of f: lo/hi columns when given (closed ends), otherwise
 * the hedge rule with a rounding unit from the rounding column or from the
 * value as written (`plain`). */
static bool set_range(long_reader *r, ms_figure *f, const char *plain)
{
    char show[MS_SHOWN_MAX];
    bool lo_missing = true, hi_missing = true;
    double lo = 0, hi = 0;
    if (cell(r, COL_LO) && !number_cell(r, COL_LO, &lo, &lo_missing, NULL, 0))
        return false;
    if (cell(r, COL_HI) && !number_cell(r, COL_HI, &hi, &hi_missing, NULL, 0))
        return false;
    if (lo_missing != hi_missing) /* pointing at the empty one */
        return reject(r, lo_missing ? COL_LO : COL_HI, "lo and hi must be given together");
    if (!lo_missing) {
        if (lo > hi)
            return reject(r, COL_LO, "lo is greater than hi");
        if (!ms_figure_is_missing(f) && (f->value < lo || f->value > hi)) {
            const ms_csv_field *v = &r->lx.fields[r->col[COL_VALUE]];
            return reject(r, COL_VALUE, "value '%s' is outside lo..hi", ms_cell_shown(v->text, v->len, show));
        }
        bool lo_open = false, hi_open = false;
        if (!bool_cell(r, COL_LO_OPEN, &lo_open) || !bool_cell(r, COL_HI_OPEN, &hi_open))
            return false;
        f->range = ms_interval_make(lo, lo_open, hi, hi_open);
        return true;
    }
    double rounding = plain ? ms_num_rounding_unit(plain, strlen(plain), 1.0) : 0;
    const char *s = cell_text(r, COL_ROUNDING);
    if (s) {
        bool missing;
        if (strcasecmp(s, "exact") == 0) {
            rounding = 0;
        } else if (!number_cell(r, COL_ROUNDING, &rounding, &missing, NULL, 0)) {
            return false;
        } else if (rounding < 0) {
            return reject(r, COL_ROUNDING, "rounding '%s' must be a number >= 0 or 'exact'",
                          ms_cell_shown(s, strlen(s), show));
        }
    }
    ms_figure_set_range_from_hedge(f, rounding);
    return true;
}

/* Fills f from the current record; strings point into the record. Returns
 * false when the row is rejected (reported). */
static bool row_to_figure(long_reader *r, ms_figure *f)
{
    char show[MS_SHOWN_MAX];
    const char *s;
    ms_figure_init(f);
    for (int c = 0; c < COL_COUNT_; c++)
        if (c != COL_QUOTE && c != COL_NOTE && cell(r, (enum column)c))
            ms_csv_field_trim(cell(r, (enum column)c));

    if (!(s = cell_text(r, COL_METRIC)))
        return reject(r, COL_METRIC, "metric is empty");
    const ms_metric *m = ms_metric_find(r->opt->metrics, s);
    if (!m)
        return reject(r, COL_METRIC, "unknown metric '%s' (see data/metrics.tsv)", ms_cell_shown(s, strlen(s), show));
    f->metric = m->name;

    if ((s = cell_text(r, COL_KIND)) && !ms_kind_from_name(s, &f->kind))
        return reject(r, COL_KIND, "unknown kind '%s'", ms_cell_shown(s, strlen(s), show));
    if ((s = cell_text(r, COL_HEDGE)) && !ms_hedge_from_name(s, &f->hedge))
        return reject(r, COL_HEDGE, "unknown hedge '%s'", ms_cell_shown(s, strlen(s), show));

    if (!(s = cell_text(r, COL_PERIOD)))
        return reject(r, COL_PERIOD, "period is empty");
    if (!PARSE_CELL(ms_period_parse, s, &f->period))
        return reject(r, COL_PERIOD, "period '%s' is not a period (2024, 2024-07, 2024-Q3, 2024-01/2024-07, ...)",
                      ms_cell_shown(s, strlen(s), show));
    if ((s = cell_text(r, COL_BASE)) && !PARSE_CELL(ms_period_parse, s, &f->base))
        return reject(r, COL_BASE, "base '%s' is not a period", ms_cell_shown(s, strlen(s), show));
    if ((s = cell_text(r, COL_PUBLISHED)) && !PARSE_CELL(ms_date_parse, s, &f->published))
        return reject(r, COL_PUBLISHED, "published '%s' is not a date (YYYY-MM-DD)", ms_cell_shown(s, strlen(s), show));

    const ms_csv_field *v = &r->lx.fields[r->col[COL_VALUE]]; /* required column */
    char plain[128];
    bool missing;
    if (!number_cell(r, COL_VALUE, &f->value, &missing, plain, sizeof plain))
        return false;
    if (missing)
        f->value = NAN;
    else if (f->kind == MS_KIND_COUNT && f->value < 0)
        return reject(r, COL_VALUE, "negative count '%s'", ms_cell_shown(v->text, v->len, show));
    f->line = r->lx.record_line;
    f->column = v->column;
    if (!set_range(r, f, missing ? NULL : plain))
        return false;

    f->place = cell_text(r, COL_PLACE);
    f->subject = cell_text(r, COL_SUBJECT);
    f->url = cell_text(r, COL_URL);
    f->flags = cell_text(r, COL_FLAGS);
    f->lang = cell_text(r, COL_LANG);
    f->quote = cell_text(r, COL_QUOTE); /* evidence: kept as written */
    f->note = cell_text(r, COL_NOTE);
    f->id = cell_text(r, COL_ID);
    f->breakdown = cell_text(r, COL_BREAKDOWN);
    if ((s = cell_text(r, COL_INPUTS))) {
        /* "a;b": the figures a derived figure was computed from (split in
         * place: the record is ours until the next one) */
        ms_csv_field *in = cell(r, COL_INPUTS);
        for (char *p = in->text; p && *p;) {
            if (f->n_inputs == MS_FIGURE_MAX_INPUTS)
                return reject(r, COL_INPUTS, "more than %d inputs", MS_FIGURE_MAX_INPUTS);
            char *semi = strchr(p, ';');
            if (semi)
                *semi = '\0';
            f->inputs[f->n_inputs++] = p;
            p = semi ? semi + 1 : NULL;
        }
    }
    f->source = r->opt->source && r->opt->source[0] ? r->opt->source : cell_text(r, COL_SOURCE);
    f->unit = cell_text(r, COL_UNIT);
    if (!f->unit)
        f->unit = default_unit(m, f->kind);
    return true;
}

/* ------------------------------------------------------------ header */

/* Maps header names to column indexes. Unknown names are a warning (the
 * column is ignored); a name given twice or a missing required column is an
 * error and nothing is read. */
static bool read_header(long_reader *r)
{
    char show[MS_SHOWN_MAX];
    for (int c = 0; c < COL_COUNT_; c++)
        r->col[c] = -1;
    r->n_columns = r->lx.n_fields;
    bool ok = true;
    for (size_t i = 0; i < r->lx.n_fields; i++) {
        ms_csv_field *f = &r->lx.fields[i];
        ms_csv_field_trim(f);
        int found = -1;
        for (int c = 0; c < COL_COUNT_ && found < 0; c++)
            if (strcasecmp(f->text, column_names[c]) == 0)
                found = c;
        if (found < 0) {
            ms_emit_warn(r->em, f->line, f->column, "unknown column '%s' is ignored",
                         ms_cell_shown(f->text, f->len, show));
        } else if (r->col[found] >= 0) {
            ms_diag_error(r->em->diag, r->name, f->line, f->column, "column '%s' appears twice",
                          column_names[found]);
            ok = false;
        } else {
            r->col[found] = (int)i;
        }
    }
    static const enum column required[] = {COL_METRIC, COL_PERIOD, COL_VALUE};
    for (size_t k = 0; k < sizeof required / sizeof required[0]; k++) {
        if (r->col[required[k]] < 0) {
            ms_diag_error(r->em->diag, r->name, r->lx.record_line, 0,
                          "missing required column '%s' (need metric, period, value)",
                          column_names[required[k]]);
            ok = false;
        }
    }
    return ok;
}

/* ------------------------------------------------------------ file */

static char delimiter_for(const char *name, const ms_ingest_options *opt)
{
    if (opt->delimiter)
        return opt->delimiter;
    const char *dot = strrchr(ms_ingest_base_name(name), '.');
    return dot && strcasecmp(dot, ".tsv") == 0 ? '\t' : 0;
}

/* A record with no text at all: a blank line, or ",,," (spreadsheets
 * export empty rows). Not a figure, not counted. */
static bool is_empty_record(const ms_csv_lexer *lx)
{
    for (size_t i = 0; i < lx->n_fields; i++)
        if (lx->fields[i].len || lx->fields[i].quoted)
            return false;
    return true;
}

/* Rejects a record whose field count differs from the header's, at the
 * first extra field or where the record ends. */
static void reject_ragged(long_reader *r)
{
    const ms_csv_lexer *lx = &r->lx;
    bool extra = lx->n_fields > r->n_columns;
    int64_t line = extra ? lx->fields[r->n_columns].line : lx->end_line;
    int64_t column = extra ? lx->fields[r->n_columns].column : lx->end_column;
    ms_emit_reject(r->em, line, column, lx->raw, lx->raw_len, "expected %zu fields, found %zu",
                   r->n_columns, lx->n_fields);
}

/* Reads the data rows after the header. */
static void read_rows(long_reader *r)
{
    while (!r->em->stopped) {
        bool at_end;
        ms_status st = ms_csv_next(&r->lx, &at_end);
        if (st == MS_ERR_IO) {
            ms_diag_report(r->em->diag, MS_SEV_ERROR, MS_ERR_IO, r->name, r->lx.line, 0, "read error");
            ms_emit_fail(r->em, MS_ERR_IO);
            break;
        }
        if (st == MS_ERR_NOMEM) {
            ms_emit_fail(r->em, st);
            break;
        }
        if (at_end)
            break;
        if (st == MS_OK && is_empty_record(&r->lx))
            continue;
        ms_emit_read(r->em);
        ms_emit_new_record(r->em);
        ms_figure f;
        if (st == MS_ERR_DATA)
            ms_emit_reject(r->em, r->lx.error_line, r->lx.error_column, r->lx.raw, r->lx.raw_len,
                           "%s", r->lx.error);
        else if (r->lx.n_fields != r->n_columns)
            reject_ragged(r);
        else if (row_to_figure(r, &f))
            ms_emit_figure(r->em, &f, false, r->lx.raw, r->lx.raw_len);
    }
}

ms_status ms_csv_long_read(FILE *in, const char *name, const ms_ingest_options *opt,
                           ms_figure_set *out, ms_diag *diag)
{
    if (!name)
        name = "-";
    if (!opt || !opt->metrics) {
        ms_diag_report(diag, MS_SEV_ERROR, MS_ERR_USAGE, name, 0, 0, "no metric registry given");
        return MS_ERR_USAGE;
    }
    ms_emitter em;
    if (ms_emitter_init(&em, name, opt, out, diag) != MS_OK) {
        ms_emitter_finish(&em);
        return MS_ERR_NOMEM;
    }
    long_reader r = {.name = name, .opt = opt, .em = &em};
    ms_csv_lexer_init(&r.lx, in, delimiter_for(name, opt));

    bool at_end;
    ms_status st = ms_csv_next(&r.lx, &at_end);
    if (st == MS_ERR_IO) {
        ms_diag_report(diag, MS_SEV_ERROR, MS_ERR_IO, name, 0, 0, "read error");
        ms_emit_fail(&em, st);
    } else if (st == MS_ERR_NOMEM) {
        ms_emit_fail(&em, st);
    } else if (at_end) {
        ms_diag_error(diag, name, 0, 0, "empty input: no header row");
        em.status = MS_ERR_DATA;
    } else if (st == MS_ERR_DATA) {
        ms_diag_error(diag, name, r.lx.error_line, r.lx.error_column, "header: %s", r.lx.error);
        em.status = MS_ERR_DATA;
    } else if (!read_header(&r)) {
        em.status = MS_ERR_DATA;
    } else if ((st = ms_emitter_set_header(&em, r.lx.raw, r.lx.raw_len)) != MS_OK) {
        ms_emit_fail(&em, st);
    } else {
        read_rows(&r);
    }
    ms_csv_lexer_free(&r.lx);
    return ms_emitter_finish(&em);
}
