/* json_records.c — JSON documents of records, and JSON Lines of records,
 * -> observations; and where values stand in a JSON text.
 *
 * Exports ms_json_records_read (table_readers.h). Positions in the text
 * come from json_text.c.
 *
 * Two shapes of records, found anywhere in the document:
 *   (a) objects with a value field (the mapping's `value` rule, else the
 *       first of "value", "OBS_VALUE", "count", "number", "persons" that
 *       the document has): one observation each, whose dimensions are the
 *       record's other scalar fields plus the scalar fields of every
 *       enclosing object (an inner field wins over an outer one of the
 *       same name);
 *   (b) objects whose values are all numbers (or null): one observation
 *       per number, with a dimension named after the object's key
 *       ("groups": {"Ukraine": 5} gives groups=Ukraine; the document's
 *       root object gives a dimension called "key") plus the scalar fields
 *       of the enclosing objects.
 * Scalar fields are strings, numbers (as their shortest text) and
 * booleans; a null field is a dimension without a value. The dimensions
 * must be known before ms_table_begin, so a first pass collects their
 * names (first seen first) and a second pass emits the observations. For
 * JSON Lines (one record per line: files named .jsonl or .ndjson, or a document whose
 * lines parse one by one) the names come from the first line holding an
 * observation; a later field of another name is warned about once and
 * left out. A bad line is rejected as file:LINE:COLUMN and the rest read.
 *
 * When the mapping gives no period, a dimension called period, year, time,
 * TIME_PERIOD or date (in that order) is the period. Line and column of a
 * figure are those of its value (1-based, bytes), and figure ids are
 * "file:LINE:COLUMN" (cell_id). */
#include "ingest/cell.h"
#include "ingest/json_text.h"
#include "ingest/table.h"
#include "ingest/table_readers.h"
#include "core/grow.h"
#include "core/num.h"
#include "core/read_file.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------ records */

static const char *const value_names[] = {"value", "OBS_VALUE", "count", "number", "persons"};
static const char *const period_names[] = {"period", "year", "time", "TIME_PERIOD", "date"};

typedef struct jr_entry {
    const char *name;
    const cJSON *node;        /* string, number, boolean or null; or NULL */
    const char *str;          /* ... the value itself (a member's name) */
    int dim;                  /* -1: not a dimension of the table */
    char num[MS_NUM_BUFSZ];   /* a number's text */
} jr_entry;

typedef struct jr_reader {
    ms_emitter *em;
    ms_mapping *map;
    const char *text;
    size_t len;
    size_t *lines;
    size_t n_lines;
    bool collect;             /* first pass: names only */
    const char *value_field;  /* records' value field, or NULL */
    char **dims;              /* dimension names (owned) */
    size_t n_dims, cap_dims;
    jr_entry *stack;          /* scalar fields of the enclosing objects */
    size_t depth, cap_stack;
    const char *values[MS_TABLE_MAX_DIMS];
    size_t n_obs;             /* observations found in this pass */
    char **warned;            /* field names warned about (owned) */
    size_t n_warned, cap_warned;
    const char *raw;          /* the record, for the reject file */
    size_t raw_len;
    ms_table table;
    bool fatal;
} jr_reader;

static void where(const jr_reader *r, const char *at, int64_t *line, int64_t *col)
{
    ms_json_line_col(r->lines, r->n_lines, (size_t)(at - r->text), line, col);
}

static bool is_scalar(const cJSON *v)
{
    return cJSON_IsString(v) || cJSON_IsNumber(v) || cJSON_IsBool(v) || cJSON_IsNull(v);
}

static int find_dim(const jr_reader *r, const char *name)
{
    for (size_t i = 0; i < r->n_dims; i++)
        if (strcasecmp(r->dims[i], name) == 0)
            return (int)i;
    return -1;
}

static bool add_dim(jr_reader *r, const char *name)
{
    if (find_dim(r, name) >= 0)
        return true;
    char **grown = ms_grow(r->dims, &r->cap_dims, r->n_dims, sizeof *r->dims, 16);
    char *copy = grown ? strdup(name) : NULL;
    if (grown)
        r->dims = grown;
    if (!copy) {
        r->fatal = true;
        ms_emit_fail(r->em, MS_ERR_NOMEM);
        return false;
    }
    r->dims[r->n_dims++] = copy;
    return true;
}

static bool push(jr_reader *r, const char *name, const cJSON *node, const char *str)
{
    jr_entry *grown = ms_grow(r->stack, &r->cap_stack, r->depth, sizeof *r->stack, 16);
    if (!grown) {
        r->fatal = true;
        ms_emit_fail(r->em, MS_ERR_NOMEM);
        return false;
    }
    r->stack = grown;
    jr_entry *e = &r->stack[r->depth++];
    e->name = name;
    e->node = node;
    e->str = str;
    e->dim = r->collect ? -1 : find_dim(r, name);
    return true;
}

static const char *entry_text(jr_entry *e)
{
    if (e->str)
        return e->str;
    if (cJSON_IsString(e->node))
        return e->node->valuestring;
    if (cJSON_IsNumber(e->node)) {
        ms_num_format(e->node->valuedouble, e->num);
        return e->num;
    }
    if (cJSON_IsBool(e->node))
        return cJSON_IsTrue(e->node) ? "true" : "false";
    return NULL;
}

/* A field the table does not have (JSON Lines: not in the first record):
 * said once per name. */
static void warn_unknown(jr_reader *r, const char *name, const char *at)
{
    for (size_t i = 0; i < r->n_warned; i++)
        if (strcmp(r->warned[i], name) == 0)
            return;
    char **grown = ms_grow(r->warned, &r->cap_warned, r->n_warned, sizeof *r->warned, 8);
    char *copy = grown ? strdup(name) : NULL;
    if (grown)
        r->warned = grown;
    if (copy)
        r->warned[r->n_warned++] = copy;
    int64_t line, col;
    where(r, at, &line, &col);
    char show[MS_SHOWN_MAX];
    ms_emit_warn(r->em, line, col, "field '%s' is not in the first record; it is left out",
                 ms_cell_shown(name, strlen(name), show));
}

/* One observation: value v standing at v_at, with the stacked fields. */
static bool observe(jr_reader *r, const cJSON *v, const char *v_at)
{
    r->n_obs++;
    if (r->collect) {
        for (size_t i = 0; i < r->depth; i++)
            if (!add_dim(r, r->stack[i].name))
                return false;
        return true;
    }
    for (size_t i = 0; i < r->n_dims; i++)
        r->values[i] = NULL;
    for (size_t i = 0; i < r->depth; i++) {
        jr_entry *e = &r->stack[i];
        if (e->dim < 0)
            warn_unknown(r, e->name, v_at);
        else
            r->values[e->dim] = entry_text(e);
    }
    int64_t line, col;
    where(r, v_at, &line, &col);
    ms_obs o = {.values = r->values, .line = line, .column = col, .cell_id = true, .raw = r->raw,
                .raw_len = r->raw_len, .value_num = NAN};
    if (!ms_json_obs_value(&o, v))
        return ms_table_reject_cell(&r->table, line, col, r->raw, r->raw_len, "value is %s, not a number",
                                    ms_json_type_name(v));
    return ms_table_emit(&r->table, &o);
}

static const cJSON *value_member(const jr_reader *r, const cJSON *obj)
{
    if (!r->value_field)
        return NULL;
    const cJSON *m;
    cJSON_ArrayForEach(m, obj)
    {
        if (m->string && strcasecmp(m->string, r->value_field) == 0)
            return m;
    }
    return NULL;
}

/* A member holding numbers or structure: not something a record carries
 * along as metadata. */
static bool carries_data(const cJSON *m)
{
    if (!cJSON_IsArray(m) && !cJSON_IsObject(m))
        return false;
    for (const cJSON *c = m->child; c; c = c->next)
        if (cJSON_IsNumber(c) || cJSON_IsArray(c) || cJSON_IsObject(c))
            return true;
    return false;
}

/* Shape (a): an object with a scalar value field and no data below it. */
static const cJSON *record_value(const jr_reader *r, const cJSON *obj)
{
    const cJSON *v = cJSON_IsObject(obj) ? value_member(r, obj) : NULL;
    if (!v || cJSON_IsArray(v) || cJSON_IsObject(v))
        return NULL;
    const cJSON *m;
    cJSON_ArrayForEach(m, obj)
    {
        if (m != v && carries_data(m))
            return NULL;
    }
    return v;
}

/* Shape (b): an object whose values are all numbers or null, one a number. */
static bool is_numbers_object(const cJSON *obj)
{
    bool number = false;
    const cJSON *m;
    cJSON_ArrayForEach(m, obj)
    {
        if (!cJSON_IsNumber(m) && !cJSON_IsNull(m))
            return false;
        number = number || cJSON_IsNumber(m);
    }
    return number;
}

static bool is_flat(const cJSON *obj)
{
    const cJSON *m;
    cJSON_ArrayForEach(m, obj)
    {
        if (!is_scalar(m))
            return false;
    }
    return obj->child != NULL;
}

static bool walk(jr_reader *r, const cJSON *node, const char *at, const char *key, bool lines_mode);

static void set_raw(jr_reader *r, const char *at, bool lines_mode)
{
    if (lines_mode)
        return; /* the line is the record */
    r->raw = at;
    r->raw_len = (size_t)(ms_json_skip_value(at) - at);
    ms_emit_new_record(r->em);
}

static bool walk_array(jr_reader *r, const cJSON *arr, const char *at, const char *key, bool lines_mode)
{
    bool has_records = false;
    const cJSON *c;
    cJSON_ArrayForEach(c, arr)
    {
        has_records = has_records || record_value(r, c);
    }
    const char *p = ms_json_first_child(at);
    for (c = arr->child; c && p && !r->em->stopped; c = c->next, p = ms_json_next_child(p, false)) {
        const cJSON *bad_value = cJSON_IsObject(c) ? value_member(r, c) : NULL;
        if (has_records && cJSON_IsObject(c) && !record_value(r, c) && (is_flat(c) || bad_value)) {
            /* a record among records, without a usable value */
            r->n_obs++;
            if (r->collect)
                continue;
            set_raw(r, p, lines_mode);
            int64_t line, col;
            where(r, p, &line, &col);
            bool go_on = bad_value ? ms_table_reject_cell(&r->table, line, col, r->raw, r->raw_len,
                                                          "value is %s, not a number", ms_json_type_name(bad_value))
                                   : ms_table_reject_cell(&r->table, line, col, r->raw, r->raw_len,
                                                          "record has no field '%s'", r->value_field);
            if (!go_on)
                return false;
            continue;
        }
        if ((cJSON_IsObject(c) || cJSON_IsArray(c)) && !walk(r, c, p, key, lines_mode))
            return false;
    }
    return !r->fatal;
}

static bool walk(jr_reader *r, const cJSON *node, const char *at, const char *key, bool lines_mode)
{
    if (cJSON_IsArray(node))
        return walk_array(r, node, at, key, lines_mode);
    if (!cJSON_IsObject(node))
        return true;
    size_t mark = r->depth;
    bool go_on = true;
    const cJSON *v = record_value(r, node);
    if (!v && is_numbers_object(node)) {
        set_raw(r, at, lines_mode);
        const char *p = ms_json_first_child(at);
        for (const cJSON *m = node->child; m && p && go_on && !r->em->stopped;
             m = m->next, p = ms_json_next_child(p, true)) {
            go_on = push(r, key ? key : "key", NULL, m->string) && observe(r, m, ms_json_member_value(p));
            r->depth = mark;
        }
        return go_on && !r->fatal;
    }
    const char *p = ms_json_first_child(at);
    for (const cJSON *m = node->child; m && p && go_on; m = m->next, p = ms_json_next_child(p, true))
        if (m != v && is_scalar(m))
            go_on = push(r, m->string, m, NULL);
    if (go_on && v) {
        set_raw(r, at, lines_mode);
        p = ms_json_first_child(at);
        for (const cJSON *m = node->child; m && p; m = m->next, p = ms_json_next_child(p, true))
            if (m == v)
                go_on = observe(r, v, ms_json_member_value(p));
    } else if (go_on) {
        p = ms_json_first_child(at);
        for (const cJSON *m = node->child; m && p && go_on && !r->em->stopped;
             m = m->next, p = ms_json_next_child(p, true))
            if (cJSON_IsObject(m) || cJSON_IsArray(m))
                go_on = walk(r, m, ms_json_member_value(p), m->string, lines_mode);
    }
    r->depth = mark;
    return go_on && !r->fatal;
}

static bool has_field(const cJSON *node, const char *name)
{
    if (!cJSON_IsArray(node) && !cJSON_IsObject(node))
        return false;
    for (const cJSON *m = node->child; m; m = m->next) {
        if (m->string && cJSON_IsObject(node) && strcasecmp(m->string, name) == 0 && is_scalar(m))
            return true;
        if (has_field(m, name))
            return true;
    }
    return false;
}

/* The value field: the mapping's, else the first default the text has. */
static void choose_value_field(jr_reader *r, const cJSON *root)
{
    const ms_map_rule *vr = &r->map->rules[MS_MAP_VALUE];
    if (vr->dim) {
        r->value_field = vr->dim;
        return;
    }
    for (size_t k = 0; k < sizeof value_names / sizeof value_names[0]; k++) {
        if (has_field(root, value_names[k])) {
            r->value_field = value_names[k];
            return;
        }
    }
}

static void report_nothing(jr_reader *r, int64_t line)
{
    const ms_map_rule *vr = &r->map->rules[MS_MAP_VALUE];
    if (vr->dim)
        ms_diag_error(r->em->diag, r->em->name, line, 0,
                      "no observation found: looked for objects with a field '%s' (the mapping's value) and "
                      "for objects whose values are all numbers",
                      vr->dim);
    else
        ms_diag_error(r->em->diag, r->em->name, line, 0,
                      "no observation found: looked for objects with a field 'value', 'OBS_VALUE', 'count', "
                      "'number' or 'persons', and for objects whose values are all numbers");
    if (r->em->status == MS_OK)
        r->em->status = MS_ERR_DATA;
}

/* After the first pass: the table's dimensions, a default period, begin. */
static ms_status begin_table(jr_reader *r, int64_t header_line)
{
    const ms_map_rule *vr = &r->map->rules[MS_MAP_VALUE];
    /* a value rule names a field the table must have (its value comes from
     * the record, never from r->values) */
    if (vr->dim && !add_dim(r, vr->dim))
        return MS_ERR_NOMEM;
    const ms_map_rule *pr = &r->map->rules[MS_MAP_PERIOD];
    if (!pr->dim && !pr->tmpl && !pr->constant) {
        for (size_t k = 0; k < sizeof period_names / sizeof period_names[0]; k++) {
            int d = find_dim(r, period_names[k]);
            if (d >= 0) {
                ms_status st = ms_mapping_set_rule(r->map, MS_MAP_PERIOD, r->dims[d], false);
                if (st != MS_OK)
                    return st;
                break;
            }
        }
    }
    return ms_table_begin(&r->table, r->em, r->map, (const char *const *)r->dims, r->n_dims, false, true,
                          header_line);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* The next line of text: [*line_at, *line_end) without "\r\n"; false at the end. */
static bool next_line(const char *text, size_t len, size_t *off, const char **line_at, size_t *line_len)
{
    if (*off >= len)
        return false;
    const char *p = text + *off;
    const char *nl = memchr(p, '\n', len - *off);
    size_t n = nl ? (size_t)(nl - p) : len - *off;
    *off += n + (nl ? 1 : 0);
    if (n && p[n - 1] == '\r')
        n--;
    *line_at = p;
    *line_len = n;
    return true;
}

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

/* A line parsed alone: an object or array and nothing after it. */
static cJSON *parse_line(const char *s, size_t n, const char **err_at)
{
    cJSON *v = ms_json_parse_whole(s, n, err_at);
    if (v && !cJSON_IsObject(v) && !cJSON_IsArray(v)) {
        *err_at = s;
        cJSON_Delete(v);
        return NULL;
    }
    return v;
}

/* Does the text read as JSON Lines? One of its first two non-blank lines
 * parses alone and another line follows. */
static bool looks_like_lines(const char *text, size_t len)
{
    size_t off = 0, seen = 0;
    const char *s;
    size_t n;
    bool one_parses = false;
    while (next_line(text, len, &off, &s, &n)) {
        if (is_blank(s, n))
            continue;
        if (++seen > 2)
            break;
        const char *err;
        cJSON *v = parse_line(s, n, &err);
        one_parses = one_parses || v;
        cJSON_Delete(v);
    }
    return one_parses && seen >= 2;
}

static void read_lines(jr_reader *r)
{
    /* first pass: the first line with an observation names the dimensions */
    size_t off = 0, n;
    const char *s;
    int64_t first_line = 0;
    for (int64_t line = 1; next_line(r->text, r->len, &off, &s, &n) && !r->n_obs && !r->fatal; line++) {
        const char *err;
        if (is_blank(s, n) || ms_utf8_invalid_at(s, n) != (size_t)-1)
            continue;
        cJSON *v = parse_line(s, n, &err);
        if (v) {
            choose_value_field(r, v);
            r->collect = true;
            walk(r, v, ms_json_skip_ws(s), NULL, true);
            first_line = line;
        }
        cJSON_Delete(v);
    }
    if (r->fatal)
        return;
    if (!r->n_obs) {
        report_nothing(r, 0);
        return;
    }
    r->collect = false;
    ms_status st = begin_table(r, first_line);
    if (st != MS_OK) {
        ms_table_end(&r->table);
        if (st == MS_ERR_DATA && r->em->status == MS_OK)
            r->em->status = MS_ERR_DATA;
        else if (st != MS_ERR_DATA)
            ms_emit_fail(r->em, st);
        return;
    }
    off = 0;
    for (int64_t line = 1; next_line(r->text, r->len, &off, &s, &n) && !r->em->stopped; line++) {
        if (is_blank(s, n))
            continue;
        ms_emit_new_record(r->em);
        r->raw = s;
        r->raw_len = n;
        size_t bad = ms_utf8_invalid_at(s, n);
        if (bad != (size_t)-1) {
            ms_table_reject_cell(&r->table, line, (int64_t)bad + 1, s, n,
                                 "invalid UTF-8 (byte 0x%02X): JSON text must be UTF-8",
                                 (unsigned)(unsigned char)s[bad]);
            continue;
        }
        const char *err = s;
        cJSON *v = parse_line(s, n, &err);
        if (!v) {
            ms_table_reject_cell(&r->table, line, (int64_t)(err - s) + 1, s, n, "not valid JSON");
            continue;
        }
        size_t before = r->n_obs;
        walk(r, v, ms_json_skip_ws(s), NULL, true);
        if (r->n_obs == before && !r->em->stopped) {
            if (r->value_field)
                ms_table_reject_cell(&r->table, line, 1, s, n,
                                     "no observation in this record: no field '%s' and no object of numbers",
                                     r->value_field);
            else
                ms_table_reject_cell(&r->table, line, 1, s, n, "no observation in this record: no object of numbers");
        }
        cJSON_Delete(v);
    }
    ms_table_end(&r->table);
}

static void read_document(jr_reader *r, const cJSON *root)
{
    const char *at = ms_json_skip_ws(r->text);
    choose_value_field(r, root);
    r->collect = true;
    walk(r, root, at, NULL, false);
    if (r->fatal)
        return;
    if (!r->n_obs) {
        report_nothing(r, 0);
        return;
    }
    r->collect = false;
    r->n_obs = 0;
    r->depth = 0;
    int64_t line, col;
    where(r, at, &line, &col);
    ms_status st = begin_table(r, line);
    if (st == MS_OK)
        walk(r, root, at, NULL, false);
    else if (st == MS_ERR_DATA && r->em->status == MS_OK)
        r->em->status = MS_ERR_DATA;
    else if (st != MS_ERR_DATA)
        ms_emit_fail(r->em, st);
    ms_table_end(&r->table);
}

ms_status ms_json_records_read(ms_emitter *em, ms_mapping *map, FILE *in)
{
    jr_reader r = {.em = em, .map = map};
    ms_strbuf text;
    ms_strbuf_init(&text);
    ms_status st = ms_json_read_text(in, em, &text, &r.text, &r.len);
    if (st == MS_OK && !(r.lines = ms_json_line_index(r.text, r.len, &r.n_lines)))
        st = MS_ERR_NOMEM;
    if (st == MS_OK) {
        bool lines_mode = ends_with(em->name, ".jsonl") || ends_with(em->name, ".ndjson") ||
                          ends_with(em->name, ".jsonlines");
        cJSON *root = NULL;
        const char *err_at = r.text;
        if (!lines_mode && (root = ms_json_parse_whole(r.text, r.len, &err_at)) == NULL)
            lines_mode = looks_like_lines(r.text, r.len);
        if (lines_mode) {
            read_lines(&r);
        } else if (!root) {
            int64_t line, col;
            where(&r, err_at, &line, &col);
            ms_diag_error(em->diag, em->name, line, col, "not valid JSON");
            st = MS_ERR_DATA;
        } else if (ms_json_utf8_ok(em, r.text, r.len, r.lines, r.n_lines)) {
            read_document(&r, root);
        } else {
            st = MS_ERR_DATA;
        }
        cJSON_Delete(root);
    }
    for (size_t i = 0; i < r.n_dims; i++)
        free(r.dims[i]);
    for (size_t i = 0; i < r.n_warned; i++)
        free(r.warned[i]);
    free(r.dims);
    free(r.warned);
    free(r.stack);
    free(r.lines);
    ms_strbuf_free(&text);
    if (st == MS_ERR_DATA && em->status == MS_OK)
        em->status = MS_ERR_DATA;
    else if (st != MS_OK && st != MS_ERR_DATA)
        ms_emit_fail(em, st);
    return em->status;
}
