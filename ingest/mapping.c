/* mapping.c — mappings from options and JSON files; code lists.
 *
 * Exports the ms_mapping_* and ms_code_list_find functions of mapping.h.
 * Strings live in the mapping's arena; code lists are sorted once and
 * searched by bisection. */
#include "ingest/mapping.h"
#include "core/grow.h"
#include "core/metric.h"
#include "core/read_file.h"
#include "core/strbuf.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static const char *const field_names[MS_MAP_FIELD_COUNT_] = {
    "metric", "place", "subject", "period", "value", "flags", "unit", "source", "published",
};

/* What a value in a table may say to mean "everything". */
static const char *const default_totals[] = {"TOTAL", "Total", "T", "ALL", "All"};

bool ms_map_field_from_name(const char *name, ms_map_field *out)
{
    for (int f = 0; f < MS_MAP_FIELD_COUNT_; f++) {
        if (strcasecmp(name, field_names[f]) == 0) {
            *out = (ms_map_field)f;
            return true;
        }
    }
    return false;
}

const char *ms_map_field_name(ms_map_field field)
{
    return field < MS_MAP_FIELD_COUNT_ ? field_names[field] : "?";
}

void ms_mapping_init(ms_mapping *m)
{
    memset(m, 0, sizeof *m);
    ms_arena_init(&m->arena);
}

void ms_mapping_free(ms_mapping *m)
{
    for (size_t i = 0; i < m->n_owned_lists; i++) {
        free(m->owned_lists[i]->entries);
        free(m->owned_lists[i]);
    }
    free(m->owned_lists);
    free(m->codes);
    free(m->ignore);
    free(m->breakdown);
    free(m->where);
    free(m->totals);
    free(m->missing);
    ms_arena_free(&m->arena);
    memset(m, 0, sizeof *m);
}

/* ------------------------------------------------------------ helpers */

static const char *dup_str(ms_mapping *m, const char *s, size_t len)
{
    return ms_arena_strndup(&m->arena, s, len);
}

/* Appends s to a string list (copied into the arena). */
static ms_status list_add(ms_mapping *m, const char ***list, size_t *count, const char *s)
{
    size_t cap = *count; /* lists only grow by one: capacity == count */
    const char **items = ms_grow((void *)*list, &cap, *count, sizeof *items, *count + 1);
    if (!items)
        return MS_ERR_NOMEM;
    *list = items;
    if (!(items[*count] = dup_str(m, s, strlen(s))))
        return MS_ERR_NOMEM;
    (*count)++;
    return MS_OK;
}

/* Sets a rule; a value with "{...}" is a template. */
static ms_status set_rule(ms_mapping *m, ms_map_field f, const char *value, size_t len, bool constant)
{
    const char *s = dup_str(m, value, len);
    if (!s)
        return MS_ERR_NOMEM;
    ms_map_rule r = {0};
    if (constant)
        r.constant = s;
    else if (strchr(s, '{'))
        r.tmpl = s;
    else
        r.dim = s;
    m->rules[f] = r;
    return MS_OK;
}

ms_status ms_mapping_set_rule(ms_mapping *m, ms_map_field f, const char *text, bool constant)
{
    return set_rule(m, f, text, strlen(text), constant);
}

ms_status ms_mapping_add_ignore(ms_mapping *m, const char *dim)
{
    return list_add(m, &m->ignore, &m->n_ignore, dim);
}

ms_status ms_mapping_add_missing(ms_mapping *m, const char *marker)
{
    return list_add(m, &m->missing, &m->n_missing, marker);
}

/* Calls fn on each "key=value" item of a comma-separated spec. */
typedef ms_status (*pair_fn)(ms_mapping *m, const char *key, size_t klen, const char *val,
                             size_t vlen, const char *spec, ms_diag *diag);

static ms_status each_pair(ms_mapping *m, const char *spec, const char *option, pair_fn fn,
                           ms_diag *diag)
{
    const char *p = spec;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        const char *eq = memchr(p, '=', n);
        if (!eq || eq == p) {
            ms_diag_report(diag, MS_SEV_ERROR, MS_ERR_USAGE, option, 0, 0,
                           "'%.*s' is not name=value", (int)n, p);
            return MS_ERR_USAGE;
        }
        ms_status st = fn(m, p, (size_t)(eq - p), eq + 1, n - (size_t)(eq - p) - 1, spec, diag);
        if (st != MS_OK)
            return st;
        p += n;
        if (*p == ',')
            p++;
    }
    return MS_OK;
}

static ms_status field_of(const char *key, size_t klen, ms_map_field *f, const char *option,
                          ms_diag *diag)
{
    char name[32];
    if (klen < sizeof name) {
        memcpy(name, key, klen);
        name[klen] = '\0';
        if (ms_map_field_from_name(name, f))
            return MS_OK;
    }
    ms_diag_report(diag, MS_SEV_ERROR, MS_ERR_USAGE, option, 0, 0,
                   "unknown field '%.*s' (metric, place, subject, period, value, flags, unit, "
                   "source, published)",
                   (int)klen, key);
    return MS_ERR_USAGE;
}

static ms_status map_pair(ms_mapping *m, const char *key, size_t klen, const char *val, size_t vlen,
                          const char *spec, ms_diag *diag)
{
    (void)spec;
    ms_map_field f;
    ms_status st = field_of(key, klen, &f, "--map", diag);
    return st == MS_OK ? set_rule(m, f, val, vlen, false) : st;
}

static ms_status set_pair(ms_mapping *m, const char *key, size_t klen, const char *val, size_t vlen,
                          const char *spec, ms_diag *diag)
{
    (void)spec;
    ms_map_field f;
    ms_status st = field_of(key, klen, &f, "--set", diag);
    return st == MS_OK ? set_rule(m, f, val, vlen, true) : st;
}

static ms_status add_where(ms_mapping *m, const char *dim, size_t dlen, const char *val, size_t vlen)
{
    size_t cap = m->n_where;
    ms_dim_value *w = ms_grow(m->where, &cap, m->n_where, sizeof *w, m->n_where + 1);
    if (!w)
        return MS_ERR_NOMEM;
    m->where = w;
    w[m->n_where].dim = dup_str(m, dim, dlen);
    w[m->n_where].value = dup_str(m, val, vlen);
    if (!w[m->n_where].dim || !w[m->n_where].value)
        return MS_ERR_NOMEM;
    m->n_where++;
    return MS_OK;
}

static ms_status where_pair(ms_mapping *m, const char *key, size_t klen, const char *val,
                            size_t vlen, const char *spec, ms_diag *diag)
{
    (void)spec;
    (void)diag;
    return add_where(m, key, klen, val, vlen);
}

ms_status ms_mapping_add_map(ms_mapping *m, const char *spec, ms_diag *diag)
{
    return each_pair(m, spec, "--map", map_pair, diag);
}

ms_status ms_mapping_add_set(ms_mapping *m, const char *spec, ms_diag *diag)
{
    return each_pair(m, spec, "--set", set_pair, diag);
}

ms_status ms_mapping_add_where(ms_mapping *m, const char *spec, ms_diag *diag)
{
    return each_pair(m, spec, "--where", where_pair, diag);
}

/* ------------------------------------------------------------ code lists */

static int entry_cmp(const void *a, const void *b)
{
    return strcasecmp(((const ms_code_entry *)a)->from, ((const ms_code_entry *)b)->from);
}

const char *ms_code_list_find(const ms_code_list *list, const char *value, size_t len)
{
    while (len && isspace((unsigned char)*value))
        value++, len--;
    while (len && isspace((unsigned char)value[len - 1]))
        len--;
    size_t lo = 0, hi = list->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *from = list->entries[mid].from;
        int c = strncasecmp(from, value, len);
        if (c == 0 && from[len] != '\0')
            c = 1; /* from is longer: it sorts after value */
        if (c == 0)
            return list->entries[mid].to;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static ms_status list_new(ms_mapping *m, const char *name, ms_code_list **out)
{
    ms_code_list *list = calloc(1, sizeof *list);
    size_t cap = m->n_owned_lists;
    ms_code_list **owned = list ? ms_grow(m->owned_lists, &cap, m->n_owned_lists, sizeof *owned,
                                          m->n_owned_lists + 1)
                                : NULL;
    if (!owned || !(list->name = dup_str(m, name, strlen(name)))) {
        free(list);
        if (owned)
            m->owned_lists = owned;
        return MS_ERR_NOMEM;
    }
    m->owned_lists = owned;
    owned[m->n_owned_lists++] = list;
    *out = list;
    return MS_OK;
}

static ms_status list_put(ms_mapping *m, ms_code_list *list, size_t *cap, const char *from,
                          size_t flen, const char *to, size_t tlen)
{
    ms_code_entry *e = ms_grow(list->entries, cap, list->count, sizeof *e, 64);
    if (!e)
        return MS_ERR_NOMEM;
    list->entries = e;
    e[list->count].from = dup_str(m, from, flen);
    e[list->count].to = dup_str(m, to, tlen);
    if (!e[list->count].from || !e[list->count].to)
        return MS_ERR_NOMEM;
    list->count++;
    return MS_OK;
}

/* Sorts the list and reports a code given twice with different targets. */
static ms_status list_finish(ms_code_list *list, const char *path, ms_diag *diag)
{
    qsort(list->entries, list->count, sizeof *list->entries, entry_cmp);
    for (size_t i = 1; i < list->count; i++) {
        if (strcasecmp(list->entries[i - 1].from, list->entries[i].from) == 0 &&
            strcmp(list->entries[i - 1].to, list->entries[i].to) != 0) {
            ms_diag_error(diag, path, 0, 0, "code '%s' maps to both '%s' and '%s'",
                          list->entries[i].from, list->entries[i - 1].to, list->entries[i].to);
            return MS_ERR_DATA;
        }
    }
    return MS_OK;
}

/* Reads "from<TAB>to" lines ('#' comments, blank lines skipped). */
static ms_status load_list_file(ms_mapping *m, const char *name, ms_code_list **out, ms_diag *diag)
{
    for (size_t i = 0; i < m->n_owned_lists; i++) {
        if (strcmp(m->owned_lists[i]->name, name) == 0) {
            *out = m->owned_lists[i];
            return MS_OK;
        }
    }
    for (const char *c = name; *c; c++) {
        if (!isalnum((unsigned char)*c) && *c != '_' && *c != '-') {
            ms_diag_error(diag, name, 0, 0, "a code list name has letters, digits, '_' and '-' only");
            return MS_ERR_DATA;
        }
    }
    ms_strbuf path, text;
    ms_strbuf_init(&path);
    ms_strbuf_init(&text);
    ms_strbuf_printf(&path, "%s/codelists/%s.tsv", ms_data_dir(), name);
    ms_status st = ms_strbuf_failed(&path) ? MS_ERR_NOMEM
                                           : ms_read_file(ms_strbuf_str(&path), 0, &text, diag);
    ms_code_list *list = NULL;
    if (st == MS_OK)
        st = list_new(m, name, &list);
    size_t cap = 0;
    const char *p = ms_strbuf_str(&text);
    for (int64_t line = 1; st == MS_OK && *p; line++) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n && p[n - 1] == '\r')
            n--;
        if (n && p[0] != '#') {
            const char *tab = memchr(p, '\t', n);
            if (!tab) {
                ms_diag_error(diag, ms_strbuf_str(&path), line, 1, "expected 'code<TAB>figure code'");
                st = MS_ERR_DATA;
                break;
            }
            st = list_put(m, list, &cap, p, (size_t)(tab - p), tab + 1, n - (size_t)(tab - p) - 1);
        }
        p += nl ? n + (p[n] == '\r' ? 2 : 1) : n;
    }
    if (st == MS_OK)
        st = list_finish(list, ms_strbuf_str(&path), diag);
    ms_strbuf_free(&path);
    ms_strbuf_free(&text);
    if (st == MS_OK)
        *out = list;
    return st;
}

static ms_status add_dim_codes(ms_mapping *m, const char *dim, const ms_code_list *list)
{
    size_t cap = m->n_codes;
    ms_dim_codes *c = ms_grow(m->codes, &cap, m->n_codes, sizeof *c, m->n_codes + 1);
    if (!c)
        return MS_ERR_NOMEM;
    m->codes = c;
    if (!(c[m->n_codes].dim = dup_str(m, dim, strlen(dim))))
        return MS_ERR_NOMEM;
    c[m->n_codes++].list = list;
    return MS_OK;
}

ms_status ms_mapping_add_codes(ms_mapping *m, const char *dim, const char *list_name, ms_diag *diag)
{
    ms_code_list *list;
    ms_status st = load_list_file(m, list_name, &list, diag);
    return st == MS_OK ? add_dim_codes(m, dim, list) : st;
}

bool ms_mapping_is_total(const ms_mapping *m, const char *value)
{
    if (m->n_totals) {
        for (size_t i = 0; i < m->n_totals; i++)
            if (strcmp(m->totals[i], value) == 0)
                return true;
        return false;
    }
    for (size_t i = 0; i < sizeof default_totals / sizeof default_totals[0]; i++)
        if (strcmp(default_totals[i], value) == 0)
            return true;
    return false;
}

/* ------------------------------------------------------------ JSON files */

typedef struct json_ctx {
    ms_mapping *m;
    const char *path;
    ms_diag *diag;
} json_ctx;

static ms_status json_error(const json_ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static ms_status json_error(const json_ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ms_diag_vreport(c->diag, MS_SEV_ERROR, MS_ERR_DATA, c->path, 0, 0, fmt, ap);
    va_end(ap);
    return MS_ERR_DATA;
}

/* "map" / "set": objects of field -> string. Options given before win. */
static ms_status load_rules(const json_ctx *c, const cJSON *obj, bool constant, const bool *given)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, obj)
    {
        ms_map_field f;
        if (!ms_map_field_from_name(it->string, &f))
            return json_error(c, "unknown field '%s' in a mapping", it->string);
        if (!cJSON_IsString(it))
            return json_error(c, "field '%s' of a mapping must be a string", it->string);
        if (given[f])
            continue;
        ms_status st = set_rule(c->m, f, it->valuestring, strlen(it->valuestring), constant);
        if (st != MS_OK)
            return st;
    }
    return MS_OK;
}

static ms_status load_string_list(const json_ctx *c, const cJSON *arr, const char *key,
                                  const char ***list, size_t *count)
{
    if (!arr)
        return MS_OK;
    if (!cJSON_IsArray(arr))
        return json_error(c, "'%s' must be an array of strings", key);
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        if (!cJSON_IsString(it))
            return json_error(c, "'%s' must be an array of strings", key);
        ms_status st = list_add(c->m, list, count, it->valuestring);
        if (st != MS_OK)
            return st;
    }
    return MS_OK;
}

/* "codes": dimension -> list name, or an inline object from -> to, or
 * {"list": name, "unknown": "keep"}. */
static ms_status load_codes(const json_ctx *c, const cJSON *codes)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, codes)
    {
        ms_status st;
        ms_code_list *list = NULL;
        if (cJSON_IsString(it)) {
            st = load_list_file(c->m, it->valuestring, &list, c->diag);
        } else if (cJSON_IsObject(it) && cJSON_GetObjectItemCaseSensitive(it, "list")) {
            const cJSON *name = cJSON_GetObjectItemCaseSensitive(it, "list");
            const cJSON *unknown = cJSON_GetObjectItemCaseSensitive(it, "unknown");
            if (!cJSON_IsString(name))
                return json_error(c, "codes of '%s': 'list' must be a string", it->string);
            st = load_list_file(c->m, name->valuestring, &list, c->diag);
            if (st == MS_OK && unknown) {
                if (!cJSON_IsString(unknown) || (strcmp(unknown->valuestring, "keep") != 0 &&
                                                 strcmp(unknown->valuestring, "reject") != 0))
                    return json_error(c, "codes of '%s': 'unknown' is 'keep' or 'reject'", it->string);
                /* the policy belongs to this use of the list: copy it */
                if (strcmp(unknown->valuestring, "keep") == 0) {
                    ms_code_list *copy;
                    if ((st = list_new(c->m, list->name, &copy)) != MS_OK)
                        return st;
                    size_t cap = 0;
                    for (size_t k = 0; k < list->count && st == MS_OK; k++)
                        st = list_put(c->m, copy, &cap, list->entries[k].from,
                                      strlen(list->entries[k].from), list->entries[k].to,
                                      strlen(list->entries[k].to));
                    if (st == MS_OK)
                        st = list_finish(copy, c->path, c->diag);
                    copy->keep_unknown = true;
                    list = copy;
                }
            }
        } else if (cJSON_IsObject(it)) {
            st = list_new(c->m, it->string, &list);
            size_t cap = 0;
            const cJSON *e;
            cJSON_ArrayForEach(e, it)
            {
                if (st != MS_OK)
                    break;
                if (!cJSON_IsString(e))
                    return json_error(c, "codes of '%s' must map to strings", it->string);
                st = list_put(c->m, list, &cap, e->string, strlen(e->string), e->valuestring,
                              strlen(e->valuestring));
            }
            if (st == MS_OK)
                st = list_finish(list, c->path, c->diag);
        } else {
            return json_error(c, "codes of '%s' must be a list name or an object", it->string);
        }
        if (st == MS_OK)
            st = add_dim_codes(c->m, it->string, list);
        if (st != MS_OK)
            return st;
    }
    return MS_OK;
}

static ms_status load_object(const json_ctx *c, const cJSON *root)
{
    ms_mapping *m = c->m;
    bool given[MS_MAP_FIELD_COUNT_];
    for (int f = 0; f < MS_MAP_FIELD_COUNT_; f++)
        given[f] = m->rules[f].dim || m->rules[f].tmpl || m->rules[f].constant;
    static const char *const known[] = {"name", "description", "source", "format", "encoding",
                                        "map", "set", "codes", "ignore", "where", "totals", "breakdown",
                                        "missing", "rounding", "fiscal_year", "wide", "notes"};
    const cJSON *it;
    cJSON_ArrayForEach(it, root)
    {
        bool ok = false;
        for (size_t k = 0; k < sizeof known / sizeof known[0] && !ok; k++)
            ok = strcmp(it->string, known[k]) == 0;
        if (!ok)
            return json_error(c, "unknown key '%s' in a mapping (see docs/MAPPINGS.md)", it->string);
    }
    ms_status st = MS_OK;
    const cJSON *v;
    if ((v = cJSON_GetObjectItemCaseSensitive(root, "format"))) {
        if (!cJSON_IsString(v))
            return json_error(c, "'%s' must be a string", "format");
        if (!(m->format = dup_str(m, v->valuestring, strlen(v->valuestring))))
            return MS_ERR_NOMEM;
    }
    if ((v = cJSON_GetObjectItemCaseSensitive(root, "encoding"))) {
        if (!cJSON_IsString(v) || (strcasecmp(v->valuestring, "latin1") != 0 &&
                                   strcasecmp(v->valuestring, "utf-8") != 0 &&
                                   strcasecmp(v->valuestring, "utf8") != 0))
            return json_error(c, "'%s' must be \"utf-8\" or \"latin1\"", "encoding");
        m->latin1 = strcasecmp(v->valuestring, "latin1") == 0;
    }
    if ((v = cJSON_GetObjectItemCaseSensitive(root, "set")) && st == MS_OK)
        st = cJSON_IsObject(v) ? load_rules(c, v, true, given) : json_error(c, "'%s' must be an object", "set");
    if ((v = cJSON_GetObjectItemCaseSensitive(root, "map")) && st == MS_OK)
        st = cJSON_IsObject(v) ? load_rules(c, v, false, given) : json_error(c, "'%s' must be an object", "map");
    if ((v = cJSON_GetObjectItemCaseSensitive(root, "codes")) && st == MS_OK)
        st = cJSON_IsObject(v) ? load_codes(c, v) : json_error(c, "'%s' must be an object", "codes");
    if (st == MS_OK)
        st = load_string_list(c, cJSON_GetObjectItemCaseSensitive(root, "ignore"), "ignore", &m->ignore,
                              &m->n_ignore);
    if (st == MS_OK)
        st = load_string_list(c, cJSON_GetObjectItemCaseSensitive(root, "breakdown"), "breakdown",
                              &m->breakdown, &m->n_breakdown);
    if (st == MS_OK)
        st = load_string_list(c, cJSON_GetObjectItemCaseSensitive(root, "totals"), "totals", &m->totals,
                              &m->n_totals);
    if (st == MS_OK)
        st = load_string_list(c, cJSON_GetObjectItemCaseSensitive(root, "missing"), "missing",
                              &m->missing, &m->n_missing);
    if ((v = cJSON_GetObjectItemCaseSensitive(root, "where")) && st == MS_OK) {
        if (!cJSON_IsObject(v))
            return json_error(c, "'%s' must be an object", "where");
        const cJSON *w;
        cJSON_ArrayForEach(w, v)
        {
            if (!cJSON_IsString(w))
                return json_error(c, "'where' values must be strings ('%s')", w->string);
            if ((st = add_where(m, w->string, strlen(w->string), w->valuestring,
                                strlen(w->valuestring))) != MS_OK)
                return st;
        }
    }
    if ((v = cJSON_GetObjectItemCaseSensitive(root, "rounding")) && st == MS_OK) {
        if (!cJSON_IsNumber(v) || v->valuedouble < 0)
            return json_error(c, "'%s' must be a number >= 0", "rounding");
        m->rounding = v->valuedouble;
    }
    if ((v = cJSON_GetObjectItemCaseSensitive(root, "fiscal_year")) && st == MS_OK) {
        const cJSON *start = cJSON_GetObjectItemCaseSensitive(v, "start_month");
        const cJSON *from = cJSON_GetObjectItemCaseSensitive(v, "from");
        if (!cJSON_IsNumber(start) || start->valueint < 2 || start->valueint > 12 ||
            (from && !cJSON_IsNumber(from)))
            return json_error(c, "'%s' must be {\"start_month\": 2..12, \"from\": year}", "fiscal_year");
        m->fiscal_start_month = start->valueint;
        m->fiscal_from_year = from ? from->valueint : 0;
    }
    if ((v = cJSON_GetObjectItemCaseSensitive(root, "wide")) && st == MS_OK) {
        const cJSON *periods = cJSON_GetObjectItemCaseSensitive(v, "periods");
        const cJSON *column = cJSON_GetObjectItemCaseSensitive(v, "column");
        if (!cJSON_IsObject(v) || (periods && (!cJSON_IsString(periods) ||
                                               (strcmp(periods->valuestring, "rows") != 0 &&
                                                strcmp(periods->valuestring, "columns") != 0))) ||
            (column && !cJSON_IsString(column)))
            return json_error(c, "'%s' must be {\"periods\": \"rows\"|\"columns\", \"column\": name}", "wide");
        m->wide_periods_in_rows = periods && strcmp(periods->valuestring, "rows") == 0;
        if (column && !(m->column_dim = dup_str(m, column->valuestring, strlen(column->valuestring))))
            return MS_ERR_NOMEM;
    }
    return st;
}

ms_status ms_mapping_load(ms_mapping *m, const char *path, ms_diag *diag)
{
    ms_strbuf text;
    ms_strbuf_init(&text);
    ms_status st = ms_read_file(path, (size_t)1 << 24, &text, diag);
    if (st != MS_OK) {
        ms_strbuf_free(&text);
        return st;
    }
    cJSON *root = cJSON_ParseWithLength(ms_strbuf_str(&text), text.len);
    if (!root || !cJSON_IsObject(root)) {
        /* cJSON tells where it stopped: turn that into line:column */
        const char *at = cJSON_GetErrorPtr();
        const char *s = ms_strbuf_str(&text);
        int64_t line = 1, col = 1;
        if (root == NULL && at && at >= s && at <= s + text.len) {
            for (const char *p = s; p < at; p++) {
                if (*p == '\n')
                    line++, col = 1;
                else
                    col++;
            }
            ms_diag_error(diag, path, line, col, "not valid JSON");
        } else {
            ms_diag_error(diag, path, 0, 0, "a mapping must be a JSON object");
        }
        cJSON_Delete(root);
        ms_strbuf_free(&text);
        return MS_ERR_DATA;
    }
    if (!m->name)
        m->name = dup_str(m, path, strlen(path));
    json_ctx c = {m, path, diag};
    st = load_object(&c, root);
    cJSON_Delete(root);
    ms_strbuf_free(&text);
    return st;
}

char *ms_mapping_find_shipped(const char *dataset)
{
    /* "ESTAT:MIGR_EIRFS$DEFAULTVIEW(1.0)" -> "migr_eirfs" */
    const char *colon = strchr(dataset, ':');
    const char *p = colon ? colon + 1 : dataset;
    char code[64];
    size_t n = 0;
    for (; *p && n + 1 < sizeof code; p++) {
        if (isalnum((unsigned char)*p) || *p == '_')
            code[n++] = (char)tolower((unsigned char)*p);
        else
            break;
    }
    code[n] = '\0';
    if (n == 0)
        return NULL;
    ms_strbuf path;
    ms_strbuf_init(&path);
    ms_strbuf_printf(&path, "%s/mappings/%s.json", ms_data_dir(), code);
    struct stat st;
    if (ms_strbuf_failed(&path) || stat(ms_strbuf_str(&path), &st) != 0 || !S_ISREG(st.st_mode)) {
        ms_strbuf_free(&path);
        return NULL;
    }
    char *out = strdup(ms_strbuf_str(&path));
    ms_strbuf_free(&path);
    return out;
}
