/* csv_long.c — the long CSV layout (one figure per row) -> figures.
 *
 * Columns are found by header name in any order; only metric, period and
 * value are required. A row that cannot become a figure is rejected with
 * the line and column of the offending cell; the rows after it are read as
 * usual. Missing values (":", "..", "-", empty) stay missing, never 0. */
#include "ingest/csv_lex.h"
#include "ingest/ingest.h"
#include "core/num.h"

#include <ctype.h>
#include <stdarg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum column {
    COL_SOURCE, COL_PUBLISHED, COL_METRIC, COL_KIND, COL_PLACE, COL_SUBJECT, COL_PERIOD,
    COL_VALUE, COL_HEDGE, COL_URL, COL_UNIT, COL_LO, COL_HI, COL_QUOTE, COL_NOTE, COL_FLAGS,
    COL_LANG, COL_BASE, COL_ROUNDING, COL_COUNT_
};

static const char *const column_names[COL_COUNT_] = {
    "source", "published", "metric", "kind", "place", "subject", "period", "value", "hedge",
    "url", "unit", "lo", "hi", "quote", "note", "flags", "lang", "base", "rounding",
};

/* ------------------------------------------------------------ values */

/* Is the UTF-8 sequence at s a digit-group space (space, U+00A0 no-break
 * space, U+202F narrow no-break space)? Returns its length or 0. */
static size_t group_space_len(const char *s, size_t left)
{
    if (left >= 1 && s[0] == ' ')
        return 1;
    if (left >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
        return 2;
    if (left >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        (unsigned char)s[2] == 0xAF)
        return 3;
    return 0;
}

/* Copies s[0..len) into out without digit-group marks ("143,000",
 * "93 000"): groups must be exactly three digits after a first group of
 * one to three. Returns the new length, or (size_t)-1 when the marks are
 * not a valid grouping (then the text is not a number). */
static size_t strip_grouping(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        out[o++] = s[i++];
    size_t run = 0, groups = 0;
    bool grouped = false;
    for (; i < len; i++) {
        size_t sp = s[i] == ',' ? 1 : group_space_len(s + i, len - i);
        if (sp) {
            if (run == 0 || (groups == 0 && run > 3) || (groups > 0 && run != 3))
                return (size_t)-1;
            grouped = true;
            groups++;
            run = 0;
            i += sp - 1;
            continue;
        }
        if (s[i] == '.' || s[i] == 'e' || s[i] == 'E')
            break;
        if (o + 1 >= cap)
            return (size_t)-1;
        out[o++] = s[i];
        run++;
    }
    if (grouped && run != 3)
        return (size_t)-1;
    for (; i < len; i++) {
        if (o + 1 >= cap)
            return (size_t)-1;
        out[o++] = s[i];
    }
    out[o] = '\0';
    return o;
}

static bool is_missing_marker(const char *s, size_t len)
{
    return len == 0 || (len == 1 && (s[0] == ':' || s[0] == '-')) || (len == 2 && s[0] == '.' && s[1] == '.');
}

/* ------------------------------------------------------------ reading */

typedef struct long_reader {
    const char *name;        /* for messages */
    const char *stem;        /* default source id and id prefix */
    const ms_ingest_options *opt;
    int col[COL_COUNT_];     /* field index of each column, -1 if absent */
    size_t n_columns;
    ms_diag *diag;
} long_reader;

/* The cell of column c in the current record, or NULL if no such column. */
static const ms_csv_field *cell(const long_reader *r, const ms_csv_lexer *lx, enum column c)
{
    return r->col[c] >= 0 ? &lx->fields[r->col[c]] : NULL;
}

/* The span of field f without surrounding spaces. */
static const char *trimmed(const ms_csv_field *f, size_t *len)
{
    const char *s = f->text;
    size_t n = f->len;
    while (n && isspace((unsigned char)s[0]))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    *len = n;
    return s;
}

/* A cell's text trimmed of surrounding spaces (in place: the record is
 * ours until the next one is read), or NULL if absent or empty. */
static const char *cell_text(const long_reader *r, const ms_csv_lexer *lx, enum column c)
{
    const ms_csv_field *f = cell(r, lx, c);
    if (!f)
        return NULL;
    size_t len;
    char *s = f->text + (trimmed(f, &len) - f->text);
    s[len] = '\0'; /* in place: the record is ours until the next one */
    return len ? s : NULL;
}

/* Reports a rejected row at cell f (or at the row's line); returns false. */
static bool reject(const long_reader *r, const ms_csv_field *f, int64_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static bool reject(const long_reader *r, const ms_csv_field *f, int64_t line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ms_diag_vreport(r->diag, MS_SEV_ERROR, MS_ERR_DATA, r->name, f ? f->line : line, f ? f->column : 0, fmt, ap);
    va_end(ap);
    return false;
}

static bool parse_number_cell(const long_reader *r, const ms_csv_field *f, const char *what,
                              double *out, double *rounding, bool *missing)
{
    char plain[128];
    size_t len;
    const char *s = trimmed(f, &len);
    *missing = is_missing_marker(s, len);
    if (*missing)
        return true;
    size_t n = strip_grouping(s, len, plain, sizeof plain);
    if (n == (size_t)-1 || ms_num_parse(plain, n, out, NULL, NULL) != MS_OK) {
        char shown[64];
        snprintf(shown, sizeof shown, "%.*s", (int)(len < 60 ? len : 60), s);
        ms_diag_error(r->diag, r->name, f->line, f->column, "%s '%s' is not a number", what, shown);
        return false;
    }
    if (rounding)
        *rounding = ms_num_rounding_unit(plain, n, 1.0);
    return true;
}

/* Fills f from the record; strings point into the lexer or into tmp
 * buffers of `text`. Returns false when the row is rejected. */
static bool row_to_figure(const long_reader *r, const ms_csv_lexer *lx, ms_figure *f, int64_t line)
{
    const ms_csv_field *c;
    const char *s;
    ms_figure_init(f);

    c = cell(r, lx, COL_METRIC);
    s = cell_text(r, lx, COL_METRIC);
    if (!s)
        return reject(r, c, line, "metric is empty");
    if (!ms_metric_find(r->opt->metrics, s))
        return reject(r, c, line, "unknown metric '%s' (see data/metrics.tsv)", s);
    f->metric = s;

    if ((s = cell_text(r, lx, COL_KIND)) && !ms_kind_from_name(s, &f->kind))
        return reject(r, cell(r, lx, COL_KIND), line, "unknown kind '%s'", s);
    if ((s = cell_text(r, lx, COL_HEDGE)) && !ms_hedge_from_name(s, &f->hedge))
        return reject(r, cell(r, lx, COL_HEDGE), line, "unknown hedge '%s'", s);

    c = cell(r, lx, COL_PERIOD);
    s = cell_text(r, lx, COL_PERIOD);
    if (!s)
        return reject(r, c, line, "period is empty");
    if (ms_period_parse(s, strlen(s), &f->period) != MS_OK)
        return reject(r, c, line, "period '%s' is not a period (2024, 2024-07, 2024-Q3, 2024-01/2024-07, ...)", s);
    if ((s = cell_text(r, lx, COL_BASE)) && ms_period_parse(s, strlen(s), &f->base) != MS_OK)
        return reject(r, cell(r, lx, COL_BASE), line, "base '%s' is not a period", s);
    if ((s = cell_text(r, lx, COL_PUBLISHED)) && ms_date_parse(s, strlen(s), &f->published) != MS_OK)
        return reject(r, cell(r, lx, COL_PUBLISHED), line, "published '%s' is not a date (YYYY-MM-DD)", s);

    c = cell(r, lx, COL_VALUE);
    double rounding = 0;
    bool missing;
    if (!parse_number_cell(r, c, "value", &f->value, &rounding, &missing))
        return false;
    if (missing)
        f->value = NAN;
    else if (f->kind == MS_KIND_COUNT && f->value < 0)
        return reject(r, c, line, "negative count '%s'", c->text);
    f->line = line;
    f->column = c->column;

    if ((s = cell_text(r, lx, COL_ROUNDING))) {
        if (strcmp(s, "exact") == 0) {
            rounding = 0;
        } else if (ms_num_parse_cstr(s, &rounding) != MS_OK || rounding < 0) {
            return reject(r, cell(r, lx, COL_ROUNDING), line, "rounding '%s' must be a number >= 0 or 'exact'", s);
        }
    }
    const ms_csv_field *lo = cell(r, lx, COL_LO), *hi = cell(r, lx, COL_HI);
    double vlo = 0, vhi = 0;
    bool lo_missing = true, hi_missing = true;
    if (lo && !parse_number_cell(r, lo, "lo", &vlo, NULL, &lo_missing))
        return false;
    if (hi && !parse_number_cell(r, hi, "hi", &vhi, NULL, &hi_missing))
        return false;
    if (lo_missing != hi_missing)
        return reject(r, lo_missing ? lo : hi, line, "lo and hi must be given together");
    if (!lo_missing) {
        if (vlo > vhi)
            return reject(r, lo, line, "lo is greater than hi");
        f->range = ms_interval_make(vlo, false, vhi, false);
    } else {
        ms_figure_set_range_from_hedge(f, rounding);
    }

    f->place = cell_text(r, lx, COL_PLACE);
    f->subject = cell_text(r, lx, COL_SUBJECT);
    f->url = cell_text(r, lx, COL_URL);
    f->unit = cell_text(r, lx, COL_UNIT);
    f->flags = cell_text(r, lx, COL_FLAGS);
    f->lang = cell_text(r, lx, COL_LANG);
    const ms_csv_field *q = cell(r, lx, COL_QUOTE), *n = cell(r, lx, COL_NOTE);
    f->quote = q && q->len ? q->text : NULL;
    f->note = n && n->len ? n->text : NULL;
    f->source = r->opt->source ? r->opt->source : cell_text(r, lx, COL_SOURCE);
    if (!f->source)
        f->source = r->stem;
    if (!f->unit) {
        const ms_metric *m = ms_metric_find(r->opt->metrics, f->metric);
        f->unit = f->kind == MS_KIND_PCT_CHANGE || f->kind == MS_KIND_SHARE ? "percent"
                  : f->kind == MS_KIND_MULTIPLIER || f->kind == MS_KIND_RATIO ? "ratio"
                  : m ? m->unit : NULL;
    }
    return true;
}

/* Maps header names to column indexes; false (error reported) if a
 * required column is missing or a name is given twice. */
static bool read_header(long_reader *r, const ms_csv_lexer *lx)
{
    for (int c = 0; c < COL_COUNT_; c++)
        r->col[c] = -1;
    r->n_columns = lx->n_fields;
    bool ok = true;
    for (size_t i = 0; i < lx->n_fields; i++) {
        const ms_csv_field *f = &lx->fields[i];
        size_t len;
        const char *s = trimmed(f, &len);
        for (int c = 0; c < COL_COUNT_; c++) {
            if (strlen(column_names[c]) == len && strncasecmp(s, column_names[c], len) == 0) {
                if (r->col[c] >= 0) {
                    ms_diag_error(r->diag, r->name, f->line, f->column, "column '%s' appears twice", column_names[c]);
                    ok = false;
                }
                r->col[c] = (int)i;
            }
        }
    }
    const enum column required[] = {COL_METRIC, COL_PERIOD, COL_VALUE};
    for (size_t k = 0; k < 3; k++) {
        if (r->col[required[k]] < 0) {
            ms_diag_error(r->diag, r->name, 1, 0, "missing required column '%s' (need metric, period, value)",
                          column_names[required[k]]);
            ok = false;
        }
    }
    return ok;
}

/* The file name without its folders ("stdin" for "-"). */
static const char *base_name(const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    return strcmp(base, "-") == 0 ? "stdin" : base;
}

/* The base name without its extension: the default source id. */
static char *stem_of(const char *name)
{
    const char *base = base_name(name);
    const char *dot = strrchr(base, '.');
    return strndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

ms_status ms_csv_long_read(FILE *in, const char *name, const ms_ingest_options *opt,
                           ms_figure_set *out, ms_diag *diag)
{
    long_reader r = {.name = name, .opt = opt, .diag = diag};
    char *stem = stem_of(name);
    char *prefix = strdup(base_name(name)); /* ids read "file.csv:LINE" */
    if (!stem || !prefix) {
        free(stem);
        free(prefix);
        return MS_ERR_NOMEM;
    }
    r.stem = stem;
    const char *ext = strrchr(name, '.');
    char delim = ext && strcasecmp(ext, ".tsv") == 0 ? '\t' : ',';
    ms_csv_lexer lx;
    ms_csv_lexer_init(&lx, in, delim);
    ms_status result = MS_OK;
    bool header_done = false, at_end = false;
    ms_strbuf id;
    ms_strbuf_init(&id);
    while (!at_end) {
        ms_status st = ms_csv_next(&lx, &at_end);
        if (at_end && lx.n_fields == 0)
            break;
        if (st == MS_ERR_IO || st == MS_ERR_NOMEM) {
            if (st == MS_ERR_IO)
                ms_diag_report(diag, MS_SEV_ERROR, MS_ERR_IO, name, lx.line, 0, "read error");
            result = st;
            break;
        }
        if (!header_done) {
            header_done = true;
            if (st == MS_ERR_DATA || !read_header(&r, &lx)) {
                if (st == MS_ERR_DATA)
                    ms_diag_error(diag, name, lx.error_line, lx.error_column, "header: %s", lx.error);
                result = MS_ERR_DATA;
                break;
            }
            continue;
        }
        if (st == MS_OK && lx.n_fields == 1 && lx.fields[0].len == 0 && !lx.fields[0].quoted)
            continue; /* blank line */
        diag->n_read++;
        ms_figure f;
        bool ok;
        if (st == MS_ERR_DATA) {
            ms_diag_error(diag, name, lx.error_line, lx.error_column, "%s", lx.error);
            ok = false;
        } else if (lx.n_fields != r.n_columns) {
            /* point at the first extra field, or just past the last one */
            const ms_csv_field *last = &lx.fields[lx.n_fields - 1];
            int64_t col = lx.n_fields > r.n_columns ? lx.fields[r.n_columns].column
                                                    : last->column + (int64_t)last->len + (last->quoted ? 2 : 0);
            ms_diag_error(diag, name, lx.n_fields > r.n_columns ? lx.fields[r.n_columns].line : last->line, col,
                          "expected %zu fields, found %zu", r.n_columns, lx.n_fields);
            ok = false;
        } else {
            ok = row_to_figure(&r, &lx, &f, lx.record_line);
        }
        if (!ok) {
            diag->n_rejected++;
            result = MS_ERR_DATA;
            continue;
        }
        ms_strbuf_clear(&id);
        ms_strbuf_printf(&id, "%s:%lld", prefix, (long long)lx.record_line);
        f.id = ms_strbuf_failed(&id) ? NULL : ms_strbuf_str(&id);
        st = ms_figure_set_add(out, &f);
        if (st != MS_OK || !f.id) {
            result = MS_ERR_NOMEM;
            break;
        }
        diag->n_accepted++;
        if (ms_figure_is_missing(&f))
            diag->n_missing++;
    }
    if (!header_done && result == MS_OK) {
        ms_diag_error(diag, name, 0, 0, "empty input: no header row");
        result = MS_ERR_DATA;
    }
    ms_strbuf_free(&id);
    ms_csv_lexer_free(&lx);
    free(stem);
    free(prefix);
    return result;
}
