/* jsonl.c — figures to and from JSON Lines. Writing is by hand (numbers go
 * through ms_num_format, so output is locale-free and shortest round-trip);
 * reading uses cJSON and checks every field's type. */
#include "core/jsonl.h"
#include "core/num.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- writing */

void ms_json_quote(const char *s, ms_strbuf *sb)
{
    if (!s) {
        ms_strbuf_puts(sb, "null");
        return;
    }
    ms_strbuf_putc(sb, '"');
    const char *run = s;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
            continue;
        ms_strbuf_append(sb, run, (size_t)(p - run));
        switch (c) {
        case '"': ms_strbuf_puts(sb, "\\\""); break;
        case '\\': ms_strbuf_puts(sb, "\\\\"); break;
        case '\n': ms_strbuf_puts(sb, "\\n"); break;
        case '\r': ms_strbuf_puts(sb, "\\r"); break;
        case '\t': ms_strbuf_puts(sb, "\\t"); break;
        default: ms_strbuf_printf(sb, "\\u%04x", c); break;
        }
        run = p + 1;
    }
    ms_strbuf_puts(sb, run);
    ms_strbuf_putc(sb, '"');
}

void ms_json_number(double value, ms_strbuf *sb)
{
    if (isfinite(value))
        ms_strbuf_num(sb, value);
    else
        ms_strbuf_puts(sb, "null");
}

static void put_key(ms_strbuf *sb, const char *key, bool first)
{
    if (!first)
        ms_strbuf_putc(sb, ',');
    ms_strbuf_putc(sb, '"');
    ms_strbuf_puts(sb, key);
    ms_strbuf_puts(sb, "\":");
}

static void put_date(ms_strbuf *sb, const char *key, int32_t day)
{
    put_key(sb, key, false);
    if (day == MS_DAY_NONE) {
        ms_strbuf_puts(sb, "null");
        return;
    }
    char buf[16];
    ms_date_format(day, buf);
    ms_json_quote(buf, sb);
}

static void put_str(ms_strbuf *sb, const char *key, const char *value)
{
    put_key(sb, key, false);
    ms_json_quote(value, sb);
}

static void put_int(ms_strbuf *sb, const char *key, int64_t value, bool present)
{
    put_key(sb, key, false);
    if (present)
        ms_strbuf_printf(sb, "%lld", (long long)value);
    else
        ms_strbuf_puts(sb, "null");
}

void ms_jsonl_format_figure(const ms_figure *f, ms_strbuf *sb)
{
    ms_strbuf_putc(sb, '{');
    put_key(sb, "id", true);
    ms_json_quote(f->id, sb);
    put_str(sb, "metric", f->metric);
    put_str(sb, "kind", ms_kind_name(f->kind));
    put_key(sb, "value", false);
    ms_json_number(f->value, sb);
    put_key(sb, "lo", false);
    ms_json_number(f->range.lo, sb);
    put_key(sb, "hi", false);
    ms_json_number(f->range.hi, sb);
    put_key(sb, "lo_open", false);
    ms_strbuf_puts(sb, f->range.lo_open ? "true" : "false");
    put_key(sb, "hi_open", false);
    ms_strbuf_puts(sb, f->range.hi_open ? "true" : "false");
    put_str(sb, "hedge", ms_hedge_name(f->hedge));
    put_str(sb, "unit", f->unit);
    put_date(sb, "period_start", f->period.start);
    put_date(sb, "period_end", f->period.end);
    put_date(sb, "base_start", f->base.start);
    put_date(sb, "base_end", f->base.end);
    put_str(sb, "place", f->place);
    put_str(sb, "subject", f->subject);
    put_str(sb, "breakdown", f->breakdown);
    put_str(sb, "source", f->source);
    put_date(sb, "published", f->published);
    put_str(sb, "lang", f->lang);
    put_str(sb, "url", f->url);
    put_str(sb, "quote", f->quote);
    put_int(sb, "offset", f->offset, f->offset >= 0);
    put_int(sb, "length", f->length, f->length >= 0);
    put_int(sb, "line", f->line, f->line > 0);
    put_int(sb, "column", f->column, f->column > 0);
    put_str(sb, "flags", f->flags);
    put_str(sb, "note", f->note);
    put_key(sb, "inputs", false);
    ms_strbuf_putc(sb, '[');
    for (size_t i = 0; i < f->n_inputs; i++) {
        if (i)
            ms_strbuf_putc(sb, ',');
        ms_json_quote(f->inputs[i], sb);
    }
    ms_strbuf_puts(sb, "]}\n");
}

ms_status ms_jsonl_write_figure(FILE *out, const ms_figure *f)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_jsonl_format_figure(f, &sb);
    ms_status st = MS_OK;
    if (ms_strbuf_failed(&sb))
        st = MS_ERR_NOMEM;
    else if (fwrite(sb.data, 1, sb.len, out) != sb.len)
        st = MS_ERR_IO;
    ms_strbuf_free(&sb);
    return st;
}

/* ---------------------------------------------------------------- reading */

/* Context for reporting a field problem of one line. */
typedef struct line_ctx {
    const char *file;
    int64_t line;
    ms_diag *diag;
} line_ctx;

static bool field_error(const line_ctx *ctx, const char *key, const char *what)
{
    ms_diag_error(ctx->diag, ctx->file, ctx->line, 0, "field '%s' %s", key, what);
    return false;
}

/* Optional string field: absent or null -> *out unchanged (NULL). */
static bool get_str(const line_ctx *ctx, const cJSON *obj, const char *key, const char **out)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!it || cJSON_IsNull(it))
        return true;
    if (!cJSON_IsString(it))
        return field_error(ctx, key, "must be a string or null");
    *out = it->valuestring;
    return true;
}

static bool get_num(const line_ctx *ctx, const cJSON *obj, const char *key, double *out, bool *present)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    *present = false;
    if (!it || cJSON_IsNull(it))
        return true;
    if (!cJSON_IsNumber(it) || !isfinite(it->valuedouble))
        return field_error(ctx, key, "must be a finite number or null");
    *out = it->valuedouble;
    *present = true;
    return true;
}

static bool get_bool(const line_ctx *ctx, const cJSON *obj, const char *key, bool *out)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!it || cJSON_IsNull(it))
        return true;
    if (!cJSON_IsBool(it))
        return field_error(ctx, key, "must be true or false");
    *out = cJSON_IsTrue(it);
    return true;
}

static bool get_int(const line_ctx *ctx, const cJSON *obj, const char *key, int64_t *out)
{
    double d;
    bool present;
    if (!get_num(ctx, obj, key, &d, &present))
        return false;
    if (!present)
        return true;
    if (d != floor(d) || d < 0 || d > 9007199254740992.0)
        return field_error(ctx, key, "must be a whole number >= 0");
    *out = (int64_t)d;
    return true;
}

static bool get_date(const line_ctx *ctx, const cJSON *obj, const char *key, int32_t *out)
{
    const char *s = NULL;
    if (!get_str(ctx, obj, key, &s))
        return false;
    if (!s)
        return true;
    if (ms_date_parse(s, strlen(s), out) != MS_OK) {
        ms_diag_error(ctx->diag, ctx->file, ctx->line, 0, "field '%s': '%s' is not an ISO date (YYYY-MM-DD)", key, s);
        return false;
    }
    return true;
}

/* A period from "<prefix>_start"/"<prefix>_end" dates, or from "<prefix>"
 * written as a period ("2024-Q3"). */
static bool get_period(const line_ctx *ctx, const cJSON *obj, const char *prefix, ms_period *out)
{
    char k_start[32], k_end[32];
    snprintf(k_start, sizeof k_start, "%s_start", prefix);
    snprintf(k_end, sizeof k_end, "%s_end", prefix);
    ms_period p = ms_period_none();
    if (!get_date(ctx, obj, k_start, &p.start) || !get_date(ctx, obj, k_end, &p.end))
        return false;
    if ((p.start == MS_DAY_NONE) != (p.end == MS_DAY_NONE)) {
        /* one end known: a stock or an open span; keep what is stated */
        if (p.start == MS_DAY_NONE)
            p.start = p.end;
        else
            p.end = p.start;
    }
    if (p.start != MS_DAY_NONE && p.end < p.start) {
        ms_diag_error(ctx->diag, ctx->file, ctx->line, 0, "'%s' is after '%s'", k_start, k_end);
        return false;
    }
    const char *text = NULL;
    if (!get_str(ctx, obj, prefix, &text))
        return false;
    if (text && ms_period_is_none(p)) {
        if (ms_period_parse(text, strlen(text), &p) != MS_OK) {
            ms_diag_error(ctx->diag, ctx->file, ctx->line, 0, "field '%s': '%s' is not a period", prefix, text);
            return false;
        }
    }
    *out = p;
    return true;
}

/* Fills f from obj; strings borrowed from obj. */
static bool figure_from_json(const line_ctx *ctx, const cJSON *obj, ms_figure *f)
{
    const char *kind = NULL, *hedge = NULL;
    bool ok = get_str(ctx, obj, "id", &f->id) && get_str(ctx, obj, "metric", &f->metric) &&
              get_str(ctx, obj, "kind", &kind) && get_str(ctx, obj, "hedge", &hedge) &&
              get_str(ctx, obj, "unit", &f->unit) && get_str(ctx, obj, "place", &f->place) &&
              get_str(ctx, obj, "subject", &f->subject) &&
              get_str(ctx, obj, "breakdown", &f->breakdown) && get_str(ctx, obj, "source", &f->source) &&
              get_str(ctx, obj, "lang", &f->lang) && get_str(ctx, obj, "url", &f->url) &&
              get_str(ctx, obj, "quote", &f->quote) && get_str(ctx, obj, "flags", &f->flags) &&
              get_str(ctx, obj, "note", &f->note) && get_period(ctx, obj, "period", &f->period) &&
              get_period(ctx, obj, "base", &f->base) && get_date(ctx, obj, "published", &f->published) &&
              get_int(ctx, obj, "offset", &f->offset) && get_int(ctx, obj, "length", &f->length) &&
              get_int(ctx, obj, "line", &f->line) && get_int(ctx, obj, "column", &f->column);
    if (!ok)
        return false;
    if (!f->metric || !*f->metric)
        return field_error(ctx, "metric", "is required");
    if (kind && !ms_kind_from_name(kind, &f->kind)) {
        ms_diag_error(ctx->diag, ctx->file, ctx->line, 0, "unknown kind '%s'", kind);
        return false;
    }
    if (hedge && !ms_hedge_from_name(hedge, &f->hedge)) {
        ms_diag_error(ctx->diag, ctx->file, ctx->line, 0, "unknown hedge '%s'", hedge);
        return false;
    }
    const cJSON *value = cJSON_GetObjectItemCaseSensitive(obj, "value");
    if (!value)
        return field_error(ctx, "value", "is required (null for a missing value)");
    bool present;
    if (!get_num(ctx, obj, "value", &f->value, &present))
        return false;
    if (!present)
        f->value = NAN;

    double lo = NAN, hi = NAN;
    bool has_lo, has_hi;
    if (!get_num(ctx, obj, "lo", &lo, &has_lo) || !get_num(ctx, obj, "hi", &hi, &has_hi))
        return false;
    if (has_lo != has_hi)
        return field_error(ctx, has_lo ? "hi" : "lo", "must be given together with the other bound");
    if (has_lo) {
        bool lo_open = false, hi_open = false;
        if (!get_bool(ctx, obj, "lo_open", &lo_open) || !get_bool(ctx, obj, "hi_open", &hi_open))
            return false;
        f->range = ms_interval_make(lo, lo_open, hi, hi_open);
        if (!ms_interval_is_valid(f->range))
            return field_error(ctx, "lo", "must not be greater than 'hi'");
    } else if (!ms_figure_is_missing(f)) {
        /* no interval given: the one the hedge and the written digits imply */
        char buf[MS_NUM_BUFSZ];
        size_t n = ms_num_format(fabs(f->value), buf);
        ms_figure_set_range_from_hedge(f, ms_num_rounding_unit(buf, n, 1.0));
    }

    const cJSON *inputs = cJSON_GetObjectItemCaseSensitive(obj, "inputs");
    if (inputs && !cJSON_IsNull(inputs)) {
        if (!cJSON_IsArray(inputs))
            return field_error(ctx, "inputs", "must be an array of strings");
        const cJSON *it;
        cJSON_ArrayForEach(it, inputs) {
            if (!cJSON_IsString(it))
                return field_error(ctx, "inputs", "must be an array of strings");
            if (f->n_inputs == MS_FIGURE_MAX_INPUTS) {
                ms_diag_report(ctx->diag, MS_SEV_WARNING, MS_ERR_DATA, ctx->file, ctx->line, 0,
                               "more than %d inputs; the rest are not kept", MS_FIGURE_MAX_INPUTS);
                break;
            }
            f->inputs[f->n_inputs++] = it->valuestring;
        }
    }
    return true;
}

ms_status ms_jsonl_parse_line(const char *text, size_t len, const char *file,
                              int64_t line, ms_figure_set *set, ms_diag *diag)
{
    line_ctx ctx = {file, line, diag};
    const char *end = NULL;
    cJSON *obj = cJSON_ParseWithLengthOpts(text, len, &end, false);
    if (!obj) {
        int64_t col = end ? (int64_t)(end - text) + 1 : 1;
        if (!end) {
            const char *ep = cJSON_GetErrorPtr();
            if (ep >= text && ep <= text + len)
                col = (int64_t)(ep - text) + 1;
        }
        ms_diag_error(diag, file, line, col, "invalid JSON");
        return MS_ERR_DATA;
    }
    /* anything but spaces after the object is an error */
    size_t used = (size_t)(end - text);
    for (size_t i = used; i < len; i++) {
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') {
            ms_diag_error(diag, file, line, (int64_t)i + 1, "unexpected text after the JSON object");
            cJSON_Delete(obj);
            return MS_ERR_DATA;
        }
    }
    if (!cJSON_IsObject(obj)) {
        ms_diag_error(diag, file, line, 1, "expected a JSON object");
        cJSON_Delete(obj);
        return MS_ERR_DATA;
    }
    ms_figure f;
    ms_figure_init(&f);
    ms_status st = MS_ERR_DATA;
    if (figure_from_json(&ctx, obj, &f)) {
        /* a figure without an id is named after where it was read */
        char id[512];
        if (!f.id) {
            const char *slash = file ? strrchr(file, '/') : NULL;
            snprintf(id, sizeof id, "%s:%lld", slash ? slash + 1 : file ? file : "-", (long long)line);
            f.id = id;
        }
        st = ms_figure_set_add(set, &f);
    }
    cJSON_Delete(obj);
    return st;
}

ms_status ms_jsonl_read(FILE *in, const char *file, ms_figure_set *set, ms_diag *diag)
{
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n;
    int64_t line = 0;
    ms_status result = MS_OK;
    errno = 0;
    while ((n = getline(&buf, &cap, in)) >= 0) {
        line++;
        size_t len = (size_t)n;
        while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
            len--;
        size_t i = 0;
        while (i < len && (buf[i] == ' ' || buf[i] == '\t'))
            i++;
        if (i == len)
            continue;
        diag->n_read++;
        if (memchr(buf, '\0', len)) {
            ms_diag_error(diag, file, line, (int64_t)((char *)memchr(buf, '\0', len) - buf) + 1, "NUL byte in line");
            diag->n_rejected++;
            result = MS_ERR_DATA;
            continue;
        }
        ms_status st = ms_jsonl_parse_line(buf, len, file, line, set, diag);
        if (st == MS_OK) {
            diag->n_accepted++;
            if (ms_figure_is_missing(&set->items[set->count - 1]))
                diag->n_missing++;
        } else if (st == MS_ERR_DATA) {
            diag->n_rejected++;
            result = MS_ERR_DATA;
        } else {
            free(buf);
            return st;
        }
    }
    bool read_error = ferror(in) != 0;
    free(buf);
    if (read_error) {
        ms_diag_report(diag, MS_SEV_ERROR, MS_ERR_IO, file, 0, 0, "read error: %s", strerror(errno));
        return MS_ERR_IO;
    }
    return result;
}
