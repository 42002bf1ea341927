/* json_text.c — where values stand in a JSON text, for the JSON readers.
 *
 * Exports the ms_json_* functions of json_text.h. cJSON gives no
 * positions, so a figure's line:column is found by walking the text
 * alongside the parsed tree (the text is valid JSON by then, so skipping a
 * value is a few lines), and a line index turns an offset into line:column
 * by bisection. */
#include "ingest/json_text.h"
#include "ingest/cell.h"
#include "core/grow.h"
#include "core/read_file.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Documents are read whole: refuse what cannot be meant as one. */
#define JSON_MAX_BYTES ((size_t)256 << 20)

ms_status ms_json_read_text(FILE *in, ms_emitter *em, ms_strbuf *text, const char **body, size_t *len)
{
    ms_status st = ms_read_stream(in, em->name, JSON_MAX_BYTES, text, em->diag);
    if (st != MS_OK)
        return st;
    *body = ms_strbuf_str(text);
    *len = text->len;
    if (*len >= 3 && memcmp(*body, "\xEF\xBB\xBF", 3) == 0) { /* a BOM is not JSON */
        *body += 3;
        *len -= 3;
    }
    return MS_OK;
}

size_t *ms_json_line_index(const char *text, size_t len, size_t *n_lines)
{
    size_t cap = 0, n = 0;
    size_t *starts = NULL;
    for (size_t i = 0; i <= len; i++) {
        if (i == 0 || text[i - 1] == '\n') {
            size_t *grown = ms_grow(starts, &cap, n, sizeof *starts, 64);
            if (!grown) {
                free(starts);
                return NULL;
            }
            starts = grown;
            starts[n++] = i;
        }
    }
    *n_lines = n;
    return starts;
}

void ms_json_line_col(const size_t *starts, size_t n_lines, size_t offset, int64_t *line, int64_t *col)
{
    size_t lo = 0, hi = n_lines; /* the last start <= offset */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    *line = (int64_t)lo + 1;
    *col = (int64_t)(offset - starts[lo]) + 1;
}

bool ms_json_utf8_ok(ms_emitter *em, const char *text, size_t len, const size_t *starts, size_t n_lines)
{
    size_t bad = ms_utf8_invalid_at(text, len);
    if (bad == (size_t)-1)
        return true;
    int64_t line, col;
    ms_json_line_col(starts, n_lines, bad, &line, &col);
    ms_diag_error(em->diag, em->name, line, col, "invalid UTF-8 (byte 0x%02X): JSON text must be UTF-8",
                  (unsigned)(unsigned char)text[bad]);
    return false;
}

const char *ms_json_skip_ws(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    return p;
}

/* Parses text[0..len) as one JSON value followed by nothing but spaces.
 * NULL on failure, with *err_at where parsing stopped. */
cJSON *ms_json_parse_whole(const char *text, size_t len, const char **err_at)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, false);
    if (!root) {
        *err_at = cJSON_GetErrorPtr();
        if (!*err_at || *err_at < text || *err_at > text + len)
            *err_at = text + len;
        return NULL;
    }
    const char *rest = ms_json_skip_ws(end);
    if (rest < text + len) {
        *err_at = rest;
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

/* Every walker below stops at the text's final NUL: a position that has
 * drifted from cJSON's tree (a key cJSON read differently) must not read
 * past the end. */
static const char *skip_string(const char *p)
{
    if (!*p)
        return p;
    for (p++; *p && *p != '"'; p++)
        if (*p == '\\' && p[1])
            p++;
    return *p ? p + 1 : p;
}

/* p: the start of a value of a text cJSON has accepted. */
const char *ms_json_skip_value(const char *p)
{
    p = ms_json_skip_ws(p);
    if (*p == '"')
        return skip_string(p);
    if (*p == '{' || *p == '[') {
        size_t depth = 0;
        do {
            if (*p == '"') {
                p = skip_string(p);
                continue;
            }
            if (*p == '{' || *p == '[')
                depth++;
            else if (*p == '}' || *p == ']')
                depth--;
            p++;
        } while (depth && *p);
        return p;
    }
    while (*p && *p != ',' && *p != ']' && *p != '}' && *p != ' ' && *p != '\t' && *p != '\n' &&
           *p != '\r')
        p++;
    return p;
}

/* open: the '{' or '[' of a container. The first member's key (objects)
 * or element (arrays), or NULL when it is empty. */
const char *ms_json_first_child(const char *open)
{
    if (!*open)
        return NULL;
    const char *p = ms_json_skip_ws(open + 1);
    return *p == '}' || *p == ']' || !*p ? NULL : p;
}

const char *ms_json_member_value(const char *key)
{
    const char *p = ms_json_skip_ws(skip_string(key));
    return ms_json_skip_ws(*p == ':' ? p + 1 : p);
}

const char *ms_json_next_child(const char *child, bool in_object)
{
    if (!*child)
        return NULL;
    const char *p = ms_json_skip_ws(ms_json_skip_value(in_object ? ms_json_member_value(child) : child));
    return *p == ',' ? ms_json_skip_ws(p + 1) : NULL;
}


const char *ms_json_type_name(const cJSON *v)
{
    if (cJSON_IsObject(v))
        return "an object";
    if (cJSON_IsArray(v))
        return "an array";
    if (cJSON_IsBool(v))
        return "a boolean";
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsNull(v))
        return "null";
    return "a number";
}

bool ms_json_obs_value(ms_obs *o, const cJSON *v)
{
    o->value_num = NAN;
    if (cJSON_IsNumber(v)) {
        o->value_num = v->valuedouble;
    } else if (cJSON_IsString(v)) {
        o->value = v->valuestring;
        o->value_len = strlen(v->valuestring);
    } else if (!cJSON_IsNull(v)) {
        return false;
    }
    return true;
}
