/* table.c — observation -> figure through a mapping.
 *
 * Exports the ms_table_* functions of table.h. The checks a mapping can
 * fail are made once per table (ms_table_begin); per observation only
 * lookups by index remain, so the table readers stay streaming and fast. */
#include "ingest/table.h"
#include "ingest/table_readers.h"
#include "ingest/cell.h"
#include "core/grow.h"
#include "core/metric.h"
#include "core/num.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int ms_table_dim(const ms_table *t, const char *name)
{
    for (size_t i = 0; i < t->n_dims; i++)
        if (t->dim_names[i] && strcasecmp(t->dim_names[i], name) == 0)
            return (int)i;
    return -1;
}

/* Calls fn on each "{name}" of a template; false stops. */
static bool template_dims_exist(const ms_table *t, const char *tmpl, const char **missing,
                                size_t *missing_len)
{
    for (const char *p = strchr(tmpl, '{'); p; p = strchr(p + 1, '{')) {
        const char *close = strchr(p, '}');
        if (!close)
            return false;
        char name[256];
        size_t n = (size_t)(close - p - 1);
        if (n >= sizeof name)
            n = sizeof name - 1;
        memcpy(name, p + 1, n);
        name[n] = '\0';
        if (ms_table_dim(t, name) < 0) {
            *missing = p + 1;
            *missing_len = n;
            return false;
        }
    }
    return true;
}

/* "a, b, c" of the table's dimensions, for an error message. */
static void list_dims(const ms_table *t, ms_strbuf *sb)
{
    bool any = false;
    for (size_t i = 0; i < t->n_dims; i++) {
        if (!t->dim_names[i])
            continue;
        if (any)
            ms_strbuf_puts(sb, ", ");
        ms_strbuf_puts(sb, t->dim_names[i]);
        any = true;
    }
}

static bool header_error(ms_table *t, int64_t line, const char *what, const char *name, size_t len)
{
    ms_strbuf dims;
    ms_strbuf_init(&dims);
    list_dims(t, &dims);
    ms_diag_error(t->em->diag, t->em->name, line, 0,
                  "%s names '%.*s', which this table does not have (it has: %s)", what, (int)len,
                  name, ms_strbuf_failed(&dims) ? "?" : ms_strbuf_str(&dims));
    ms_strbuf_free(&dims);
    return false;
}

ms_status ms_table_begin(ms_table *t, ms_emitter *em, const ms_mapping *map,
                         const char *const *dim_names, size_t n_dims, bool has_period,
                         bool has_value, int64_t header_line)
{
    memset(t, 0, sizeof *t);
    t->em = em;
    t->map = map;
    t->metrics = em->opt->metrics;
    for (size_t i = 0; i < sizeof t->scratch / sizeof t->scratch[0]; i++)
        ms_strbuf_init(&t->scratch[i]);
    if (n_dims > MS_TABLE_MAX_DIMS) {
        ms_diag_error(em->diag, em->name, header_line, 0, "more than %d dimensions or columns",
                      MS_TABLE_MAX_DIMS);
        return MS_ERR_DATA;
    }
    t->n_dims = n_dims;
    for (size_t i = 0; i < n_dims; i++)
        t->dim_names[i] = dim_names[i];

    bool ok = true;
    bool used[MS_TABLE_MAX_DIMS] = {false};
    for (int f = 0; f < MS_MAP_FIELD_COUNT_; f++) {
        const ms_map_rule *r = &map->rules[f];
        t->rule_dim[f] = -1;
        if (r->dim) {
            t->rule_dim[f] = ms_table_dim(t, r->dim);
            if (t->rule_dim[f] < 0)
                ok = header_error(t, header_line, ms_map_field_name((ms_map_field)f), r->dim,
                                  strlen(r->dim));
            else
                used[t->rule_dim[f]] = true;
        } else if (r->tmpl) {
            const char *missing = NULL;
            size_t len = 0;
            if (!template_dims_exist(t, r->tmpl, &missing, &len)) {
                if (missing)
                    ok = header_error(t, header_line, ms_map_field_name((ms_map_field)f), missing, len);
                else {
                    ms_diag_error(em->diag, em->name, header_line, 0, "template '%s' has an unclosed '{'",
                                  r->tmpl);
                    ok = false;
                }
            }
            for (const char *p = strchr(r->tmpl, '{'); p && ok; p = strchr(p + 1, '{')) {
                const char *close = strchr(p, '}');
                char name[256];
                size_t n = (size_t)(close - p - 1) < sizeof name ? (size_t)(close - p - 1) : sizeof name - 1;
                memcpy(name, p + 1, n);
                name[n] = '\0';
                used[ms_table_dim(t, name)] = true;
            }
        }
    }
    static const ms_map_field needed[] = {MS_MAP_METRIC, MS_MAP_PERIOD, MS_MAP_VALUE};
    for (size_t k = 0; k < sizeof needed / sizeof needed[0]; k++) {
        ms_map_field f = needed[k];
        const ms_map_rule *r = &map->rules[f];
        bool given = r->dim || r->tmpl || r->constant || (f == MS_MAP_PERIOD && has_period) ||
                     (f == MS_MAP_VALUE && has_value);
        if (!given) {
            ms_strbuf dims;
            ms_strbuf_init(&dims);
            list_dims(t, &dims);
            ms_diag_error(em->diag, em->name, header_line, 0,
                          "no %s: say which column holds it (--map %s=COLUMN) or give it "
                          "(--set %s=VALUE), or use --mapping FILE; the columns are: %s",
                          ms_map_field_name(f), ms_map_field_name(f), ms_map_field_name(f),
                          ms_strbuf_failed(&dims) ? "?" : ms_strbuf_str(&dims));
            ms_strbuf_free(&dims);
            ok = false;
        }
    }
    for (size_t i = 0; i < map->n_where; i++) {
        t->where_dim[i] = ms_table_dim(t, map->where[i].dim);
        if (t->where_dim[i] < 0)
            ok = header_error(t, header_line, "--where", map->where[i].dim, strlen(map->where[i].dim));
        else
            used[t->where_dim[i]] = true; /* one value only: no breakdown */
    }
    for (size_t i = 0; i < map->n_codes; i++) {
        int d = ms_table_dim(t, map->codes[i].dim);
        if (d >= 0)
            t->codes[d] = map->codes[i].list;
    }
    for (size_t i = 0; i < n_dims; i++) {
        bool ignored = false;
        for (size_t k = 0; k < map->n_ignore && !ignored; k++)
            ignored = t->dim_names[i] && strcasecmp(map->ignore[k], t->dim_names[i]) == 0;
        t->in_breakdown[i] = !used[i] && !ignored && t->dim_names[i];
        for (size_t k = 0; k < map->n_breakdown; k++)
            if (t->dim_names[i] && strcasecmp(map->breakdown[k], t->dim_names[i]) == 0)
                t->in_breakdown[i] = t->forced[i] = true;
    }
    for (size_t k = 0; k < map->n_breakdown; k++)
        if (ms_table_dim(t, map->breakdown[k]) < 0)
            ok = header_error(t, header_line, "breakdown", map->breakdown[k], strlen(map->breakdown[k]));
    return ok ? MS_OK : MS_ERR_DATA;
}

void ms_table_end(ms_table *t)
{
    for (size_t i = 0; i < sizeof t->scratch / sizeof t->scratch[0]; i++)
        ms_strbuf_free(&t->scratch[i]);
    free(t->utf8);
    t->utf8 = NULL;
}

const char *ms_table_text(ms_table *t, const char *s, size_t len, size_t *bad_at)
{
    if (!t->map->latin1) {
        size_t bad = ms_utf8_invalid_at(s, len);
        if (bad != (size_t)-1) {
            *bad_at = bad;
            return NULL;
        }
        return s;
    }
    if (memchr(s, '\0', len)) {
        *bad_at = (size_t)((const char *)memchr(s, '\0', len) - s);
        return NULL;
    }
    if (t->utf8_cap < 2 * len + 1) { /* every byte may take two */
        char *buf = realloc(t->utf8, 2 * len + 1);
        if (!buf) {
            *bad_at = 0;
            return NULL;
        }
        t->utf8 = buf;
        t->utf8_cap = 2 * len + 1;
    }
    char *buf = t->utf8;
    ms_latin1_to_utf8(s, len, buf);
    return buf;
}

/* ------------------------------------------------------------ periods */

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return n > 0;
}

ms_status ms_table_period(const ms_mapping *map, const char *s, size_t len, ms_period *out)
{
    while (len && isspace((unsigned char)*s))
        s++, len--;
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    ms_period p;
    /* decades of yearbooks: "1892-1900", "1901-10" */
    if ((len == 9 || len == 7) && all_digits(s, 4) && s[4] == '-' && all_digits(s + 5, len - 5)) {
        int from = atoi(s);
        int to = atoi(s + 5);
        if (len == 7)
            to += from / 100 * 100;
        if (to <= from)
            return MS_ERR_DATA;
        out->start = ms_day_from_civil(from, 1, 1);
        out->end = ms_day_from_civil(to, 12, 31);
        return MS_OK;
    }
    if (ms_period_parse(s, len, &p) != MS_OK)
        return MS_ERR_DATA;
    if (map->fiscal_start_month && len == 4) {
        int year = atoi(s);
        if (!map->fiscal_from_year || year >= map->fiscal_from_year) {
            /* fiscal year Y runs from month M of Y-1 to the month before M of Y */
            p.start = ms_day_from_civil(year - 1, map->fiscal_start_month, 1);
            p.end = ms_day_from_civil(year, map->fiscal_start_month, 1) - 1;
        }
    }
    *out = p;
    return MS_OK;
}

/* ------------------------------------------------------------ fields */

/* The value of field f: its rule's dimension (through the dimension's code
 * list), its template, or its constant; NULL if the field has no rule or
 * the value is empty. On an unknown code *bad_dim is set. */
static const char *field_value(ms_table *t, const ms_obs *o, ms_map_field f, int *bad_dim)
{
    const ms_map_rule *r = &t->map->rules[f];
    if (r->constant)
        return r->constant;
    if (t->rule_dim[f] >= 0) {
        int d = t->rule_dim[f];
        const char *v = o->values[d];
        if (!v || !*v)
            return NULL;
        if (t->codes[d]) {
            const char *code = ms_code_list_find(t->codes[d], v, strlen(v));
            if (!code && !t->codes[d]->keep_unknown) {
                *bad_dim = d;
                return NULL;
            }
            return code ? code : v;
        }
        return v;
    }
    if (r->tmpl) {
        ms_strbuf *sb = &t->scratch[f];
        ms_strbuf_clear(sb);
        for (const char *p = r->tmpl; *p;) {
            if (*p != '{') {
                ms_strbuf_putc(sb, *p++);
                continue;
            }
            const char *close = strchr(p, '}');
            char name[256];
            size_t n = (size_t)(close - p - 1) < sizeof name ? (size_t)(close - p - 1) : sizeof name - 1;
            memcpy(name, p + 1, n);
            name[n] = '\0';
            int d = ms_table_dim(t, name);
            if (d >= 0 && o->values[d])
                ms_strbuf_puts(sb, o->values[d]);
            p = close + 1;
        }
        return ms_strbuf_failed(sb) ? NULL : ms_strbuf_str(sb);
    }
    return NULL;
}

/* Column of dimension d's value, or the observation's. */
static int64_t column_of(const ms_obs *o, int d)
{
    return d >= 0 && o->columns ? o->columns[d] : o->column;
}

static bool reject(ms_table *t, const ms_obs *o, int64_t column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static bool reject(ms_table *t, const ms_obs *o, int64_t column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool go_on = ms_emit_vreject(t->em, o->line, column, o->raw, o->raw_len, fmt, ap);
    va_end(ap);
    return go_on;
}

bool ms_table_reject_cell(ms_table *t, int64_t line, int64_t column, const char *raw,
                          size_t raw_len, const char *fmt, ...)
{
    ms_emit_read(t->em);
    va_list ap;
    va_start(ap, fmt);
    bool go_on = ms_emit_vreject(t->em, line, column, raw, raw_len, fmt, ap);
    va_end(ap);
    return go_on;
}

/* Does the observation pass every --where? */
static bool wanted(const ms_table *t, const ms_obs *o)
{
    for (size_t i = 0; i < t->map->n_where; i++) {
        int d = t->where_dim[i];
        const char *v = o->values[d];
        const char *want = t->map->where[i].value;
        if (!v)
            return false;
        if (strcmp(v, want) == 0)
            continue;
        const char *code = t->codes[d] ? ms_code_list_find(t->codes[d], v, strlen(v)) : NULL;
        if (!code || strcmp(code, want) != 0)
            return false;
    }
    return true;
}

/* "name=value;..." of the dimensions in the breakdown, leaving out values
 * that mean "all"; NULL when nothing is left. */
static const char *breakdown_of(ms_table *t, const ms_obs *o)
{
    ms_strbuf *sb = &t->scratch[MS_MAP_FIELD_COUNT_];
    ms_strbuf_clear(sb);
    bool any = false;
    for (size_t i = 0; i < t->n_dims; i++) {
        const char *v = o->values[i];
        if (!t->in_breakdown[i] || !v || !*v || ms_mapping_is_total(t->map, v))
            continue;
        const char *code = t->codes[i] && !t->forced[i] ? ms_code_list_find(t->codes[i], v, strlen(v)) : NULL;
        if (code && ms_mapping_is_total(t->map, code))
            continue;
        if (any)
            ms_strbuf_putc(sb, ';');
        ms_strbuf_puts(sb, t->dim_names[i]);
        ms_strbuf_putc(sb, '=');
        ms_strbuf_puts(sb, code ? code : v);
        any = true;
    }
    return any && !ms_strbuf_failed(sb) ? ms_strbuf_str(sb) : NULL;
}

static bool is_extra_missing(const ms_mapping *map, const char *s, size_t len)
{
    for (size_t i = 0; i < map->n_missing; i++)
        if (strlen(map->missing[i]) == len && strncasecmp(map->missing[i], s, len) == 0)
            return true;
    return false;
}

/* Parses the value of o into f (value, flags, range); false when the
 * observation was rejected. */
static bool parse_value(ms_table *t, const ms_obs *o, ms_figure *f, const char **flags_out)
{
    char show[MS_SHOWN_MAX];
    if (!o->value) {
        f->value = o->value_num; /* from JSON: NaN is null */
        if (!isnan(f->value) && !isfinite(f->value)) {
            reject(t, o, o->column, "value is not a finite number");
            return false;
        }
        return true;
    }
    const char *s = o->value;
    size_t len = o->value_len;
    while (len && isspace((unsigned char)*s))
        s++, len--;
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    if (o->split_flags) {
        size_t vlen, at, flen;
        ms_cell_split_flags(s, len, &vlen, &at, &flen);
        if (flen) {
            ms_strbuf *sb = &t->scratch[MS_MAP_FLAGS];
            ms_strbuf_clear(sb);
            ms_strbuf_append(sb, s + at, flen);
            *flags_out = ms_strbuf_failed(sb) ? NULL : ms_strbuf_str(sb);
        }
        len = vlen;
    }
    if (is_extra_missing(t->map, s, len)) {
        f->value = NAN;
        return true;
    }
    bool missing;
    const char *why = "is not a number";
    char plain[128];
    if (ms_cell_number(s, len, &f->value, &missing, plain, sizeof plain, &why) != MS_OK) {
        reject(t, o, o->column, "value '%s' %s", ms_cell_shown(s, len, show), why);
        return false;
    }
    if (missing)
        f->value = NAN;
    return true;
}

bool ms_table_emit(ms_table *t, const ms_obs *o)
{
    char show[MS_SHOWN_MAX];
    ms_emit_read(t->em);
    if (!wanted(t, o)) {
        t->em->diag->n_skipped++;
        return true;
    }
    ms_figure f;
    ms_figure_init(&f);
    int bad = -1;

    const char *metric = field_value(t, o, MS_MAP_METRIC, &bad);
    if (bad >= 0 || !metric) {
        int d = bad >= 0 ? bad : t->rule_dim[MS_MAP_METRIC];
        const char *v = d >= 0 && o->values[d] ? o->values[d] : "";
        return reject(t, o, column_of(o, d), "no metric for %s '%s' (add it to the mapping's codes)",
                      d >= 0 ? t->dim_names[d] : "metric", ms_cell_shown(v, strlen(v), show));
    }
    const ms_metric *m = ms_metric_find(t->metrics, metric);
    if (!m)
        return reject(t, o, column_of(o, t->rule_dim[MS_MAP_METRIC]),
                      "unknown metric '%s' (see data/metrics.tsv)", ms_cell_shown(metric, strlen(metric), show));
    f.metric = m->name;

    static const ms_map_field coded[] = {MS_MAP_PLACE, MS_MAP_SUBJECT, MS_MAP_UNIT, MS_MAP_SOURCE};
    const char *coded_value[4];
    for (size_t k = 0; k < 4; k++) {
        coded_value[k] = field_value(t, o, coded[k], &bad);
        if (bad >= 0) {
            const char *v = o->values[bad];
            return reject(t, o, column_of(o, bad), "unknown code '%s' in %s (code list %s)",
                          ms_cell_shown(v, strlen(v), show), t->dim_names[bad], t->codes[bad]->name);
        }
    }
    f.place = coded_value[0];
    f.subject = coded_value[1];
    f.unit = coded_value[2] ? coded_value[2] : (m->unit && m->unit[0] ? m->unit : NULL);
    f.source = coded_value[3];

    const char *period = o->period ? o->period : field_value(t, o, MS_MAP_PERIOD, &bad);
    int pd = o->period ? -1 : t->rule_dim[MS_MAP_PERIOD];
    if (!period || !*period)
        return reject(t, o, column_of(o, pd), "period is empty");
    if (ms_table_period(t->map, period, strlen(period), &f.period) != MS_OK)
        return reject(t, o, column_of(o, pd), "period '%s' is not a period (2024, 2024Q1, 2024M07, ...)",
                      ms_cell_shown(period, strlen(period), show));
    const char *published = field_value(t, o, MS_MAP_PUBLISHED, &bad);
    if (published && ms_date_parse(published, strlen(published), &f.published) != MS_OK)
        return reject(t, o, column_of(o, t->rule_dim[MS_MAP_PUBLISHED]),
                      "published '%s' is not a date (YYYY-MM-DD)", ms_cell_shown(published, strlen(published), show));

    ms_obs value_obs = *o;
    if (!o->value && t->rule_dim[MS_MAP_VALUE] >= 0 && o->values[t->rule_dim[MS_MAP_VALUE]]) {
        value_obs.value = o->values[t->rule_dim[MS_MAP_VALUE]];
        value_obs.value_len = strlen(value_obs.value);
        value_obs.column = column_of(o, t->rule_dim[MS_MAP_VALUE]);
    }
    const char *flags = o->flags;
    if (!parse_value(t, &value_obs, &f, &flags))
        return !t->em->stopped;
    if (!flags)
        flags = field_value(t, o, MS_MAP_FLAGS, &bad);
    f.flags = flags && *flags ? flags : NULL;
    if (!ms_figure_is_missing(&f) && f.value < 0) {
        char num[MS_NUM_BUFSZ];
        ms_num_format(f.value, num);
        return reject(t, o, value_obs.column, "negative count '%s'", num);
    }
    if (!ms_figure_is_missing(&f))
        ms_figure_set_range_from_hedge(&f, t->map->rounding);

    f.breakdown = breakdown_of(t, o);
    f.line = o->line;
    f.column = value_obs.column;
    return ms_emit_figure(t->em, &f, o->cell_id, o->raw, o->raw_len);
}

/* ------------------------------------------------------------ defaults */

static bool has_rule(const ms_mapping *map, ms_map_field f)
{
    const ms_map_rule *r = &map->rules[f];
    return r->dim || r->tmpl || r->constant;
}

static bool has_codes(const ms_mapping *map, const char *dim)
{
    for (size_t i = 0; i < map->n_codes; i++)
        if (strcasecmp(map->codes[i].dim, dim) == 0)
            return true;
    return false;
}

ms_status ms_table_eurostat_defaults(ms_mapping *map, const char *const *dims, size_t n,
                                     ms_diag *diag)
{
    static const struct {
        ms_map_field field;
        const char *dim;
        const char *list;
    } defaults[] = {
        {MS_MAP_PLACE, "geo", "eurostat_geo"},
        {MS_MAP_SUBJECT, "citizen", "eurostat_citizen"},
        {MS_MAP_UNIT, "unit", "eurostat_unit"},
    };
    for (size_t k = 0; k < sizeof defaults / sizeof defaults[0]; k++) {
        const char *dim = NULL;
        for (size_t i = 0; i < n && !dim; i++)
            if (dims[i] && strcasecmp(dims[i], defaults[k].dim) == 0)
                dim = dims[i];
        if (!dim || has_rule(map, defaults[k].field))
            continue;
        ms_status st = ms_mapping_set_rule(map, defaults[k].field, dim, false);
        if (st == MS_OK && !has_codes(map, dim))
            st = ms_mapping_add_codes(map, dim, defaults[k].list, diag);
        if (st != MS_OK)
            return st;
    }
    return MS_OK;
}
