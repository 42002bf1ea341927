/* jsonl.c — figures to and from JSON Lines. Writing is by hand (numbers go
 * through ms_num_format, so output is locale-free and shortest round-trip);
 * reading uses cJSON and checks every field's type. */
#include "core/jsonl.h"
#include "core/line_buf.h"
#include "core/num.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
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

/* Figures are written by the million (`migstat change`), so a line is
 * built in a buffer on the stack and appended to sb once (or in pieces
 * when it is longer): keys are literals of known length, strings without
 * characters to escape are copied in one piece (checked 8 bytes at a
 * time), integers and dates are written digit by digit. The bytes are
 * those of ms_json_quote / ms_json_number / ms_date_format / "%lld". */
#define put_lit(l, lit) ms_line_bytes((l), (lit), sizeof(lit) - 1)

/* Does s[0..len) hold a byte JSON must escape (the test of
 * ms_json_quote: < 0x20, '"', '\\', 0x7f)? Eight bytes at a time. */
static bool put_needs_escape(const char *s, size_t len)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\'), d = x ^ (ones * 0x7f);
        uint64_t hit = ((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((b - ones) & ~b) |
                       ((d - ones) & ~d);
        if (hit & highs)
            return true;
    }
    for (; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f)
            return true;
    }
    return false;
}

static void put_quoted(ms_line_buf *l, const char *s)
{
    if (!s) {
        put_lit(l, "null");
        return;
    }
    size_t len = strlen(s);
    if (put_needs_escape(s, len)) {
        ms_line_flush(l);
        ms_json_quote(s, l->sb);
        return;
    }
    if (l->n + len + 2 > sizeof l->buf) {
        ms_line_bytes(l, "\"", 1);
        ms_line_bytes(l, s, len);
        ms_line_bytes(l, "\"", 1);
        return;
    }
    char *p = l->buf + l->n;
    p[0] = '"';
    memcpy(p + 1, s, len);
    p[len + 1] = '"';
    l->n += len + 2;
}

static void put_number(ms_line_buf *l, double value)
{
    if (!isfinite(value)) {
        put_lit(l, "null");
        return;
    }
    char buf[MS_NUM_BUFSZ];
    ms_line_bytes(l, buf, ms_num_format(value, buf));
}

static void put_int_digits(ms_line_buf *l, int64_t value)
{
    char buf[24];
    char *end = buf + sizeof buf, *p = end;
    uint64_t u = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (value < 0)
        *--p = '-';
    ms_line_bytes(l, p, (size_t)(end - p));
}

/* "YYYY-MM-DD" quoted, "" for a year outside 0..9999, null for none. A
 * line has four dates, most shared with the line before: the last few
 * are kept per thread. */
static void put_day(ms_line_buf *l, int32_t day)
{
    static _Thread_local struct {
        int32_t day;
        char text[12];
    } cache[16] = {{MS_DAY_NONE, {0}}, {MS_DAY_NONE, {0}}, {MS_DAY_NONE, {0}}, {MS_DAY_NONE, {0}},
                   {MS_DAY_NONE, {0}}, {MS_DAY_NONE, {0}}, {MS_DAY_NONE, {0}}, {MS_DAY_NONE, {0}},
                   {MS_DAY_NONE, {0}}, {MS_DAY_NONE, {0}}, {MS_DAY_NONE, {0}}, {MS_DAY_NONE, {0}},
                   {MS_DAY_NONE, {0}}, {MS_DAY_NONE, {0}}, {MS_DAY_NONE, {0}}, {MS_DAY_NONE, {0}}};
    if (day == MS_DAY_NONE) {
        put_lit(l, "null");
        return;
    }
    /* hashed: month starts and ends would share slots by their low bits */
    size_t slot = ((uint32_t)day * 2654435761u) >> 28;
    if (cache[slot].day != day) {
        int y, m, d;
        ms_civil_from_day(day, &y, &m, &d);
        if (y < 0 || y > 9999) {
            put_lit(l, "\"\"");
            return;
        }
        char text[12] = {'"',
                         (char)('0' + y / 1000), (char)('0' + y / 100 % 10),
                         (char)('0' + y / 10 % 10), (char)('0' + y % 10), '-',
                         (char)('0' + m / 10), (char)('0' + m % 10), '-',
                         (char)('0' + d / 10), (char)('0' + d % 10), '"'};
        memcpy(cache[slot].text, text, sizeof text);
        cache[slot].day = day;
    }
    ms_line_bytes(l, cache[slot].text, sizeof cache[slot].text);
}

static void put_opt_int(ms_line_buf *l, int64_t value, bool present)
{
    if (present)
        put_int_digits(l, value);
    else
        put_lit(l, "null");
}

void ms_jsonl_format_figure(const ms_figure *f, ms_strbuf *sb)
{
    ms_line_buf line;
    ms_line_buf *l = &line;
    l->sb = sb;
    l->n = 0;
    put_lit(l, "{\"id\":");
    put_quoted(l, f->id);
    put_lit(l, ",\"metric\":");
    put_quoted(l, f->metric);
    put_lit(l, ",\"kind\":");
    put_quoted(l, ms_kind_name(f->kind));
    put_lit(l, ",\"value\":");
    put_number(l, f->value);
    put_lit(l, ",\"lo\":");
    put_number(l, f->range.lo);
    put_lit(l, ",\"hi\":");
    put_number(l, f->range.hi);
    if (f->range.lo_open)
        put_lit(l, ",\"lo_open\":true");
    else
        put_lit(l, ",\"lo_open\":false");
    if (f->range.hi_open)
        put_lit(l, ",\"hi_open\":true");
    else
        put_lit(l, ",\"hi_open\":false");
    put_lit(l, ",\"hedge\":");
    put_quoted(l, ms_hedge_name(f->hedge));
    put_lit(l, ",\"unit\":");
    put_quoted(l, f->unit);
    put_lit(l, ",\"period_start\":");
    put_day(l, f->period.start);
    put_lit(l, ",\"period_end\":");
    put_day(l, f->period.end);
    put_lit(l, ",\"base_start\":");
    put_day(l, f->base.start);
    put_lit(l, ",\"base_end\":");
    put_day(l, f->base.end);
    put_lit(l, ",\"place\":");
    put_quoted(l, f->place);
    put_lit(l, ",\"subject\":");
    put_quoted(l, f->subject);
    put_lit(l, ",\"breakdown\":");
    put_quoted(l, f->breakdown);
    put_lit(l, ",\"source\":");
    put_quoted(l, f->source);
    put_lit(l, ",\"published\":");
    put_day(l, f->published);
    put_lit(l, ",\"lang\":");
    put_quoted(l, f->lang);
    put_lit(l, ",\"url\":");
    put_quoted(l, f->url);
    put_lit(l, ",\"quote\":");
    put_quoted(l, f->quote);
    put_lit(l, ",\"offset\":");
    put_opt_int(l, f->offset, f->offset >= 0);
    put_lit(l, ",\"length\":");
    put_opt_int(l, f->length, f->length >= 0);
    put_lit(l, ",\"line\":");
    put_opt_int(l, f->line, f->line > 0);
    put_lit(l, ",\"column\":");
    put_opt_int(l, f->column, f->column > 0);
    put_lit(l, ",\"flags\":");
    put_quoted(l, f->flags);
    put_lit(l, ",\"note\":");
    put_quoted(l, f->note);
    put_lit(l, ",\"inputs\":[");
    for (size_t i = 0; i < f->n_inputs; i++) {
        if (i)
            put_lit(l, ",");
        put_quoted(l, f->inputs[i]);
    }
    put_lit(l, "]}\n");
    ms_line_flush(l);
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
