/* jsonstat.c — JSON-stat 2.0 datasets and collections -> observations.
 *
 * Exports ms_jsonstat_read (table_readers.h). A dataset is a cube: `id`
 * names the dimensions, `size` gives their category counts, `dimension`
 * gives each one's categories (`index` as an array, or an object
 * id -> position), and `value` holds the cells, as an array in row-major
 * order (the last dimension varies fastest) or as a sparse object
 * {"flat index": value}. `status` (one string for all cells, an array or a
 * sparse object) gives the flags. A collection (`link.item`) gives its
 * datasets in turn, each one a table of its own (the Eurostat defaults of
 * one dataset do not leak into the next).
 *
 * Each cell is one observation: the dimension ids are the dimension names,
 * the category ids (codes) their values; the time dimension (role time,
 * else one called time or TIME_PERIOD) gives the period, unless the
 * mapping names a period rule itself. Null is missing (NaN), never 0; a
 * string value goes through the table's number parsing (":" is missing,
 * "abc" is rejected), anything else is rejected.
 *
 * Where a figure stands: JSON-stat has no rows, so line and column are
 * those of the cell's value in the document (the element of a `value`
 * array, or the value of a sparse `value` member), 1-based, columns in
 * bytes. They are found by walking the text alongside the cJSON tree
 * (json_text.c), which costs one extra pass. Figure ids are
 * "file:LINE:COLUMN" (cell_id), unique within a document; ms_obs has no id
 * field to name the cell by its categories instead.
 *
 * Everything is checked before the first cell is read: the document is
 * read whole (at most 256 MB), must be UTF-8 and valid JSON ("not valid
 * JSON" at the line:column where parsing stopped); `size` must match the
 * dimensions, each dimension's categories and positions, and the length of
 * a dense `value`. Such a dataset is reported (file:line:column of the
 * offending member) and skipped; bad cells are rejected one by one. */
#include "ingest/cell.h"
#include "ingest/table.h"
#include "ingest/table_readers.h"
#include "core/jsonl.h"
#include "core/num.h"

#include "ingest/json_text.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct js_reader {
    ms_emitter *em;
    ms_mapping *map;
    const char *text;
    size_t len;
    size_t *lines; /* line starts, for line:column of a position */
    size_t n_lines;
    ms_strbuf raw; /* the cell as a JSON object, for the reject file */
} js_reader;

typedef struct js_dim {
    const char *id;
    size_t size;
    size_t stride;       /* cells between two categories of this dimension */
    const char **codes;  /* category id by position (borrowed from cJSON) */
} js_dim;

static void where(const js_reader *r, const char *at, int64_t *line, int64_t *col)
{
    if (!at || at < r->text || at > r->text + r->len) {
        *line = 1;
        *col = 0;
        return;
    }
    ms_json_line_col(r->lines, r->n_lines, (size_t)(at - r->text), line, col);
}

/* The text position of member `m` of object `obj` (which stands at
 * obj_at), or obj_at when it cannot be found. */
static const char *member_at(const char *obj_at, const cJSON *obj, const cJSON *m)
{
    if (!obj_at)
        return NULL;
    bool in_object = cJSON_IsObject(obj);
    const char *c = ms_json_first_child(obj_at);
    for (const cJSON *it = obj->child; it && c; it = it->next, c = ms_json_next_child(c, in_object))
        if (it == m)
            return in_object ? ms_json_member_value(c) : c;
    return obj_at;
}

/* Reports a dataset that cannot be read at `at`; it is skipped. */
static bool ds_error(js_reader *r, const char *at, const char *ds, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static bool ds_error(js_reader *r, const char *at, const char *ds, const char *fmt, ...)
{
    char reason[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    int64_t line, col;
    where(r, at, &line, &col);
    ms_diag_error(r->em->diag, r->em->name, line, col, "dataset '%s': %s", ds, reason);
    if (r->em->status == MS_OK)
        r->em->status = MS_ERR_DATA;
    return false;
}


/* A JSON number that is a whole count in [0, 2^53]. */
static bool get_count(const cJSON *v, size_t *out)
{
    if (!cJSON_IsNumber(v) || !(v->valuedouble >= 0) || v->valuedouble > 9007199254740992.0 ||
        floor(v->valuedouble) != v->valuedouble || v->valuedouble > (double)SIZE_MAX)
        return false;
    *out = (size_t)v->valuedouble;
    return true;
}

/* The categories of dimension d by position, from `index` (array or
 * object) or, for a single category, from `label`. */
static bool read_categories(js_reader *r, const char *ds, const cJSON *dims, const char *dims_at,
                            js_dim *d)
{
    const cJSON *dim = cJSON_GetObjectItemCaseSensitive(dims, d->id);
    if (!dim)
        return ds_error(r, dims_at, ds, "dimension '%s' is not described in 'dimension'", d->id);
    if (!cJSON_IsObject(dim))
        return ds_error(r, member_at(dims_at, dims, dim), ds, "dimension '%s' is %s, not an object with a category",
                        d->id, ms_json_type_name(dim));
    const char *dim_at = member_at(dims_at, dims, dim);
    const cJSON *cat = cJSON_GetObjectItemCaseSensitive(dim, "category");
    if (!cJSON_IsObject(cat))
        return ds_error(r, dim_at, ds, "dimension '%s' has no 'category' object", d->id);
    const char *cat_at = member_at(dim_at, dim, cat);
    const cJSON *index = cJSON_GetObjectItemCaseSensitive(cat, "index");
    const cJSON *label = cJSON_GetObjectItemCaseSensitive(cat, "label");
    const char *index_at = index ? member_at(cat_at, cat, index) : cat_at;
    /* every position needs a listed category: a size beyond what is listed
     * is refused before anything that big is allocated */
    const cJSON *listed = index ? index : label;
    size_t n_listed = cJSON_IsArray(listed) || cJSON_IsObject(listed) ? (size_t)cJSON_GetArraySize(listed) : 0;
    if (d->size > n_listed && (index || d->size > 1))
        return ds_error(r, index_at, ds, "dimension '%s' has %zu categories, size says %zu", d->id,
                        n_listed, d->size);
    d->codes = calloc(d->size ? d->size : 1, sizeof *d->codes);
    if (!d->codes) {
        ms_emit_fail(r->em, MS_ERR_NOMEM);
        return false;
    }
    size_t count = 0;
    if (!index && cJSON_IsObject(label)) {
        /* JSON-stat lets a single-category dimension give its label only */
        count = (size_t)cJSON_GetArraySize(label);
        if (count == 1 && d->size == 1)
            d->codes[0] = label->child->string;
    } else if (cJSON_IsArray(index)) {
        count = (size_t)cJSON_GetArraySize(index);
        size_t k = 0;
        const char *c = ms_json_first_child(index_at);
        for (const cJSON *it = index->child; it; it = it->next, k++, c = c ? ms_json_next_child(c, false) : NULL) {
            if (!cJSON_IsString(it))
                return ds_error(r, c, ds, "category %zu of dimension '%s' is %s, not a string id", k,
                                d->id, ms_json_type_name(it));
            if (k < d->size)
                d->codes[k] = it->valuestring;
        }
    } else if (cJSON_IsObject(index)) {
        count = (size_t)cJSON_GetArraySize(index);
        const char *c = ms_json_first_child(index_at);
        for (const cJSON *it = index->child; it; it = it->next, c = c ? ms_json_next_child(c, true) : NULL) {
            size_t pos;
            const char *pos_at = c ? ms_json_member_value(c) : index_at;
            if (!get_count(it, &pos))
                return ds_error(r, pos_at, ds, "position of category '%s' of dimension '%s' must be a whole number >= 0",
                                it->string, d->id);
            if (pos >= d->size)
                return ds_error(r, pos_at, ds,
                                "category '%s' of dimension '%s' has position %zu, out of range (size says %zu)",
                                it->string, d->id, pos, d->size);
            if (d->codes[pos])
                return ds_error(r, pos_at, ds, "categories '%s' and '%s' of dimension '%s' have the same position %zu",
                                d->codes[pos], it->string, d->id, pos);
            d->codes[pos] = it->string;
        }
    } else {
        return ds_error(r, cat_at, ds, "dimension '%s' has no category index", d->id);
    }
    if (count != d->size)
        return ds_error(r, index_at, ds, "dimension '%s' has %zu categories, size says %zu", d->id, count,
                        d->size);
    for (size_t k = 0; k < d->size; k++)
        if (!d->codes[k])
            return ds_error(r, index_at, ds, "dimension '%s' has no category at position %zu", d->id, k);
    return true;
}

/* The time dimension: role.time, else one called time or TIME_PERIOD. */
static int time_dimension(const cJSON *ds, const js_dim *dims, size_t n)
{
    const cJSON *role = cJSON_GetObjectItemCaseSensitive(ds, "role");
    const cJSON *times = cJSON_IsObject(role) ? cJSON_GetObjectItemCaseSensitive(role, "time") : NULL;
    for (const cJSON *it = cJSON_IsArray(times) ? times->child : NULL; it; it = it->next)
        for (size_t i = 0; cJSON_IsString(it) && i < n; i++)
            if (strcmp(dims[i].id, it->valuestring) == 0)
                return (int)i;
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(dims[i].id, "time") == 0 || strcasecmp(dims[i].id, "TIME_PERIOD") == 0)
            return (int)i;
    return -1;
}

/* Flags from a status entry: its letters ("e", "p", "bd"); ":" and other
 * marks are not flags. */
static const char *status_flags(const cJSON *s, char out[16])
{
    size_t n = 0;
    if (cJSON_IsString(s))
        for (const char *p = s->valuestring; *p && n < 15; p++)
            if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
                out[n++] = *p;
    out[n] = '\0';
    return n ? out : NULL;
}

typedef struct js_cube {
    js_dim *dims;
    size_t n_dims;
    size_t n_cells;
    int time_dim;
    bool period_from_time;  /* the time category is ms_obs.period */
    const char **values;    /* per dimension, for the current cell */
    const cJSON *status;    /* string, array, object or NULL */
    const cJSON **status_cells; /* dense status by cell, or NULL */
    size_t n_status_cells;
    ms_table table;
} js_cube;

static const cJSON *status_of(const js_cube *c, size_t cell, const char *key)
{
    if (cJSON_IsString(c->status))
        return c->status;
    if (cJSON_IsArray(c->status))
        return cell < c->n_status_cells ? c->status_cells[cell] : NULL;
    if (cJSON_IsObject(c->status)) {
        char buf[32]; /* a dense value with a sparse status */
        if (!key)
            snprintf(buf, sizeof buf, "%zu", cell);
        return cJSON_GetObjectItemCaseSensitive(c->status, key ? key : buf);
    }
    return NULL;
}

/* Emits cell `cell` (value v standing at `at`); false when reading must stop. */
static bool emit_cell(js_reader *r, js_cube *c, size_t cell, const cJSON *v, const char *at,
                      const char *key)
{
    int64_t line, col;
    where(r, at, &line, &col);
    for (size_t d = 0; d < c->n_dims; d++)
        c->values[d] = c->dims[d].codes[cell / c->dims[d].stride % c->dims[d].size];

    /* the cell as a record for the reject file: {"cell":N,"dim":"code",...,"value":...} */
    ms_strbuf *raw = &r->raw;
    ms_strbuf_clear(raw);
    ms_strbuf_printf(raw, "{\"cell\":%zu", cell);
    for (size_t d = 0; d < c->n_dims; d++) {
        ms_strbuf_putc(raw, ',');
        ms_json_quote(c->dims[d].id, raw);
        ms_strbuf_putc(raw, ':');
        ms_json_quote(c->values[d], raw);
    }
    ms_strbuf_puts(raw, ",\"value\":");
    const char *end = at ? ms_json_skip_value(at) : NULL;
    if (at && end > at)
        ms_strbuf_append(raw, at, (size_t)(end - at));
    else
        ms_strbuf_puts(raw, "null");
    ms_strbuf_putc(raw, '}');
    if (ms_strbuf_failed(raw)) {
        ms_emit_fail(r->em, MS_ERR_NOMEM);
        return false;
    }
    ms_emit_new_record(r->em);

    char flags[16];
    ms_obs o = {.values = c->values, .line = line, .column = col, .cell_id = true,
                .raw = ms_strbuf_str(raw), .raw_len = raw->len, .value_num = NAN,
                .flags = status_flags(status_of(c, cell, key), flags)};
    if (c->period_from_time)
        o.period = c->values[c->time_dim];
    if (!ms_json_obs_value(&o, v))
        return ms_table_reject_cell(&c->table, line, col, o.raw, o.raw_len, "value is %s, not a number",
                                    ms_json_type_name(v));
    return ms_table_emit(&c->table, &o);
}

/* Reads the cells of a dense (array) or sparse (object) value. */
static void read_cells(js_reader *r, js_cube *c, const cJSON *value, const char *value_at)
{
    if (cJSON_IsArray(value)) {
        size_t cell = 0;
        const char *at = ms_json_first_child(value_at);
        for (const cJSON *v = value->child; v && !r->em->stopped;
             v = v->next, cell++, at = at ? ms_json_next_child(at, false) : NULL)
            if (!emit_cell(r, c, cell, v, at ? at : value_at, NULL))
                break;
        return;
    }
    const char *m = ms_json_first_child(value_at);
    for (const cJSON *v = value->child; v && !r->em->stopped; v = v->next, m = m ? ms_json_next_child(m, true) : NULL) {
        const char *at = m ? ms_json_member_value(m) : value_at;
        /* the key is the flat index, written in decimal digits */
        const char *k = v->string;
        size_t cell = 0;
        bool ok = *k != '\0';
        for (const char *p = k; *p && ok; p++) {
            ok = *p >= '0' && *p <= '9' && cell <= (SIZE_MAX - 9) / 10;
            cell = cell * 10 + (size_t)(*p - '0');
        }
        int64_t line, col;
        char show[MS_SHOWN_MAX];
        if (!ok || cell >= c->n_cells) {
            where(r, m ? m : value_at, &line, &col);
            ms_emit_new_record(r->em);
            bool go_on = ok ? ms_table_reject_cell(&c->table, line, col, NULL, 0,
                                                   "cell index %s is out of range (the cube has %zu cells)",
                                                   ms_cell_shown(k, strlen(k), show), c->n_cells)
                            : ms_table_reject_cell(&c->table, line, col, NULL, 0,
                                                   "cell index '%s' is not a whole number",
                                                   ms_cell_shown(k, strlen(k), show));
            if (!go_on)
                break;
            continue;
        }
        if (!emit_cell(r, c, cell, v, at, k))
            break;
    }
}

/* A name for the dataset in messages: its id, its label, or its place in
 * the collection. */
static const char *dataset_name(const cJSON *ds, size_t nth, char buf[32])
{
    static const char *const keys[] = {"datasetId", "id"};
    const cJSON *ext = cJSON_GetObjectItemCaseSensitive(ds, "extension");
    for (size_t k = 0; k < 2 && cJSON_IsObject(ext); k++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(ext, keys[k]);
        if (cJSON_IsString(v))
            return v->valuestring;
    }
    const cJSON *label = cJSON_GetObjectItemCaseSensitive(ds, "label");
    if (cJSON_IsString(label))
        return label->valuestring;
    snprintf(buf, 32, "%zu", nth ? nth : 1);
    return buf;
}

/* Checks the cube's structure; fills c. */
static bool read_structure(js_reader *r, const cJSON *ds, const char *ds_at, const char *name, js_cube *c,
                           const cJSON **value_out, const char **value_at_out)
{
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(ds, "id");
    const cJSON *size = cJSON_GetObjectItemCaseSensitive(ds, "size");
    const cJSON *dims = cJSON_GetObjectItemCaseSensitive(ds, "dimension");
    const cJSON *value = cJSON_GetObjectItemCaseSensitive(ds, "value");
    const char *id_at = member_at(ds_at, ds, id), *size_at = member_at(ds_at, ds, size);
    if (!cJSON_IsArray(id) || cJSON_GetArraySize(id) == 0)
        return ds_error(r, id_at, name, "'id' must be an array of dimension ids");
    if (!cJSON_IsArray(size))
        return ds_error(r, size_at, name, "'size' must be an array of category counts");
    if (!cJSON_IsObject(dims))
        return ds_error(r, member_at(ds_at, ds, dims), name, "'dimension' must be an object");
    if (!cJSON_IsArray(value) && !cJSON_IsObject(value))
        return ds_error(r, member_at(ds_at, ds, value), name, "'value' must be an array or an object, not %s",
                        value ? ms_json_type_name(value) : "missing");
    c->n_dims = (size_t)cJSON_GetArraySize(id);
    if ((size_t)cJSON_GetArraySize(size) != c->n_dims)
        return ds_error(r, size_at, name, "'size' has %d entries, 'id' has %zu dimensions",
                        cJSON_GetArraySize(size), c->n_dims);
    if (c->n_dims > MS_TABLE_MAX_DIMS)
        return ds_error(r, id_at, name, "more than %d dimensions", MS_TABLE_MAX_DIMS);
    c->dims = calloc(c->n_dims, sizeof *c->dims);
    c->values = calloc(c->n_dims, sizeof *c->values);
    if (!c->dims || !c->values) {
        ms_emit_fail(r->em, MS_ERR_NOMEM);
        return false;
    }
    const cJSON *it = id->child, *sz = size->child;
    const char *id_c = ms_json_first_child(id_at), *sz_c = ms_json_first_child(size_at);
    c->n_cells = 1;
    for (size_t i = 0; i < c->n_dims; i++, it = it->next, sz = sz->next) {
        if (!cJSON_IsString(it) || !*it->valuestring)
            return ds_error(r, id_c, name, "dimension id %zu is %s, not a name", i + 1, ms_json_type_name(it));
        c->dims[i].id = it->valuestring;
        for (size_t k = 0; k < i; k++)
            if (strcasecmp(c->dims[k].id, it->valuestring) == 0)
                return ds_error(r, id_c, name, "dimension '%s' appears twice in 'id'", it->valuestring);
        if (!get_count(sz, &c->dims[i].size))
            return ds_error(r, sz_c, name, "size of '%s' must be a whole number >= 0", it->valuestring);
        if (c->dims[i].size && c->n_cells > SIZE_MAX / c->dims[i].size)
            return ds_error(r, sz_c, name, "'size' makes more cells than can be counted");
        c->n_cells *= c->dims[i].size;
        id_c = id_c ? ms_json_next_child(id_c, false) : NULL;
        sz_c = sz_c ? ms_json_next_child(sz_c, false) : NULL;
    }
    /* row-major: the last dimension varies fastest */
    size_t stride = 1;
    for (size_t i = c->n_dims; i-- > 0;) {
        c->dims[i].stride = stride;
        stride *= c->dims[i].size ? c->dims[i].size : 1;
    }
    const char *dims_at = member_at(ds_at, ds, dims);
    for (size_t i = 0; i < c->n_dims; i++)
        if (!read_categories(r, name, dims, dims_at, &c->dims[i]))
            return false;
    const char *value_at = member_at(ds_at, ds, value);
    if (cJSON_IsArray(value) && (size_t)cJSON_GetArraySize(value) != c->n_cells)
        return ds_error(r, value_at, name, "value has %d entries, size says %zu", cJSON_GetArraySize(value),
                        c->n_cells);
    c->time_dim = time_dimension(ds, c->dims, c->n_dims);

    c->status = cJSON_GetObjectItemCaseSensitive(ds, "status");
    if (c->status && !cJSON_IsString(c->status) && !cJSON_IsArray(c->status) && !cJSON_IsObject(c->status)) {
        int64_t line, col;
        where(r, member_at(ds_at, ds, c->status), &line, &col);
        if (!cJSON_IsNull(c->status))
            ms_emit_warn(r->em, line, col, "dataset '%s': 'status' is %s; no flags are read", name,
                         ms_json_type_name(c->status));
        c->status = NULL;
    }
    if (cJSON_IsArray(c->status)) {
        /* by cell index: cJSON arrays are lists, so index them once */
        c->n_status_cells = (size_t)cJSON_GetArraySize(c->status);
        if (c->n_status_cells != c->n_cells) {
            int64_t line, col;
            where(r, member_at(ds_at, ds, c->status), &line, &col);
            ms_emit_warn(r->em, line, col, "dataset '%s': status has %zu entries, size says %zu", name,
                         c->n_status_cells, c->n_cells);
        }
        c->status_cells = calloc(c->n_status_cells ? c->n_status_cells : 1, sizeof *c->status_cells);
        if (!c->status_cells) {
            ms_emit_fail(r->em, MS_ERR_NOMEM);
            return false;
        }
        size_t k = 0;
        for (const cJSON *s = c->status->child; s; s = s->next)
            c->status_cells[k++] = s;
    }
    *value_out = value;
    *value_at_out = value_at;
    return true;
}

static void read_dataset(js_reader *r, const cJSON *ds, const char *ds_at, size_t nth)
{
    char nth_buf[32];
    const char *name = dataset_name(ds, nth, nth_buf);
    js_cube c = {.time_dim = -1};
    const cJSON *value = NULL;
    const char *value_at = NULL;
    /* the defaults of one dataset must not carry over to the next */
    ms_map_rule saved[MS_MAP_FIELD_COUNT_];
    memcpy(saved, r->map->rules, sizeof saved);
    const char *names[MS_TABLE_MAX_DIMS];
    bool begun = false;
    if (read_structure(r, ds, ds_at, name, &c, &value, &value_at)) {
        const ms_map_rule *pr = &r->map->rules[MS_MAP_PERIOD];
        /* the time category is the period unless the mapping says otherwise;
         * then the time dimension is no dimension of the table (no breakdown) */
        c.period_from_time = c.time_dim >= 0 && !pr->dim && !pr->tmpl && !pr->constant;
        for (size_t i = 0; i < c.n_dims; i++) {
            names[i] = c.dims[i].id;
        }
        ms_status st = ms_table_eurostat_defaults(r->map, names, c.n_dims, r->em->diag);
        if (c.period_from_time)
            names[c.time_dim] = NULL;
        int64_t line, col;
        where(r, ds_at, &line, &col);
        if (st == MS_OK) {
            st = ms_table_begin(&c.table, r->em, r->map, names, c.n_dims, c.period_from_time, true, line);
            begun = true;
        }
        if (st == MS_OK)
            read_cells(r, &c, value, value_at);
        else if (st == MS_ERR_DATA && r->em->status == MS_OK)
            r->em->status = MS_ERR_DATA;
        else if (st != MS_ERR_DATA)
            ms_emit_fail(r->em, st);
    }
    if (begun)
        ms_table_end(&c.table);
    memcpy(r->map->rules, saved, sizeof saved);
    for (size_t i = 0; c.dims && i < c.n_dims; i++)
        free(c.dims[i].codes);
    free(c.dims);
    free(c.values);
    free(c.status_cells);
}

static bool is_class(const cJSON *o, const char *cls)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "class");
    return cJSON_IsString(v) && strcmp(v->valuestring, cls) == 0;
}

ms_status ms_jsonstat_read(ms_emitter *em, ms_mapping *map, FILE *in)
{
    js_reader r = {.em = em, .map = map};
    ms_strbuf text;
    ms_strbuf_init(&text);
    ms_strbuf_init(&r.raw);
    cJSON *root = NULL;
    ms_status st = ms_json_read_text(in, em, &text, &r.text, &r.len);
    if (st == MS_OK && !(r.lines = ms_json_line_index(r.text, r.len, &r.n_lines)))
        st = MS_ERR_NOMEM;
    if (st == MS_OK) {
        const char *err_at = NULL;
        root = ms_json_parse_whole(r.text, r.len, &err_at);
        if (root && !ms_json_utf8_ok(em, r.text, r.len, r.lines, r.n_lines)) {
            cJSON_Delete(root);
            root = NULL;
            st = MS_ERR_DATA;
        } else if (!root) {
            int64_t line, col;
            where(&r, err_at, &line, &col);
            ms_diag_error(em->diag, em->name, line, col, "not valid JSON");
            st = MS_ERR_DATA;
        }
    }
    const char *root_at = root ? ms_json_skip_ws(r.text) : NULL;
    if (root && cJSON_IsObject(root) && is_class(root, "collection")) {
        const cJSON *link = cJSON_GetObjectItemCaseSensitive(root, "link");
        const cJSON *items = cJSON_IsObject(link) ? cJSON_GetObjectItemCaseSensitive(link, "item") : NULL;
        if (!cJSON_IsArray(items)) {
            int64_t line, col;
            where(&r, root_at, &line, &col);
            ms_diag_error(em->diag, em->name, line, col, "collection has no 'link.item' array of datasets");
            st = MS_ERR_DATA;
        } else {
            const char *items_at = member_at(member_at(root_at, root, link), link, items);
            const char *at = ms_json_first_child(items_at);
            size_t nth = 0, n_datasets = 0;
            for (const cJSON *it = items->child; it && !em->stopped;
                 it = it->next, at = at ? ms_json_next_child(at, false) : NULL) {
                nth++;
                if (cJSON_IsObject(it) && cJSON_GetObjectItemCaseSensitive(it, "value")) {
                    n_datasets++;
                    read_dataset(&r, it, at, nth);
                } else {
                    int64_t line, col;
                    where(&r, at, &line, &col);
                    const cJSON *href = cJSON_IsObject(it) ? cJSON_GetObjectItemCaseSensitive(it, "href") : NULL;
                    ms_emit_warn(em, line, col, "item %zu of the collection has no values%s%s%s: skipped", nth,
                                 cJSON_IsString(href) ? " (a link to '" : "",
                                 cJSON_IsString(href) ? href->valuestring : "", cJSON_IsString(href) ? "')" : "");
                }
            }
            if (n_datasets == 0) {
                int64_t line, col;
                where(&r, items_at, &line, &col);
                ms_diag_error(em->diag, em->name, line, col, "collection holds no dataset with values");
                st = MS_ERR_DATA;
            }
        }
    } else if (root && cJSON_IsObject(root) &&
               (is_class(root, "dataset") || (!cJSON_GetObjectItemCaseSensitive(root, "class") &&
                                              cJSON_GetObjectItemCaseSensitive(root, "value") &&
                                              cJSON_GetObjectItemCaseSensitive(root, "dimension")))) {
        read_dataset(&r, root, root_at, 0);
    } else if (root) {
        const cJSON *cls = cJSON_IsObject(root) ? cJSON_GetObjectItemCaseSensitive(root, "class") : NULL;
        int64_t line, col;
        where(&r, root_at, &line, &col);
        ms_diag_error(em->diag, em->name, line, col,
                      "not a JSON-stat 2.0 dataset or collection (class '%s'; expected 'dataset' or "
                      "'collection')",
                      cJSON_IsString(cls) ? cls->valuestring : "none");
        st = MS_ERR_DATA;
    }
    cJSON_Delete(root);
    free(r.lines);
    ms_strbuf_free(&text);
    ms_strbuf_free(&r.raw);
    if (st == MS_ERR_DATA && em->status == MS_OK)
        em->status = MS_ERR_DATA;
    else if (st != MS_OK && st != MS_ERR_DATA)
        ms_emit_fail(em, st);
    return em->status;
}
