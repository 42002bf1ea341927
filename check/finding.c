/* finding.c — findings: the list, its JSON form, and the wording helpers
 * rules use to describe figures in messages.
 *
 * Exports the ms_finding and ms_findings functions and the ms_check_format_*
 * helpers of check.h. Numbers in messages and JSON go through core/num.h. */
#include "check/check.h"
#include "core/grow.h"

#include <math.h>
#include <stdlib.h>

#include "core/jsonl.h"
#include "core/num.h"

const char *ms_finding_severity_name(ms_finding_severity s)
{
    switch (s) {
    case MS_FINDING_CONFLICT: return "conflict";
    case MS_FINDING_AGREEMENT: return "agreement";
    case MS_FINDING_NOTE: return "note";
    }
    return "unknown";
}

void ms_findings_init(ms_findings *f)
{
    f->items = NULL;
    f->count = 0;
    f->cap = 0;
}

void ms_findings_free(ms_findings *f)
{
    for (size_t i = 0; i < f->count; i++)
        free(f->items[i].message);
    free(f->items);
    ms_findings_init(f);
}

size_t ms_findings_count(const ms_findings *f, ms_finding_severity s)
{
    size_t n = 0;
    for (size_t i = 0; i < f->count; i++)
        n += f->items[i].severity == s;
    return n;
}

ms_status ms_findings_add(ms_findings *f, const char *rule, ms_finding_severity severity,
                          const ms_figure *a, const ms_figure *b, double relative_gap,
                          char *message)
{
    if (!message)
        return MS_ERR_NOMEM;
    ms_finding *items = ms_grow(f->items, &f->cap, f->count, sizeof *items, 16);
    if (!items) {
        free(message);
        return MS_ERR_NOMEM;
    }
    f->items = items;
    f->items[f->count++] = (ms_finding){
        .rule = rule,
        .severity = severity,
        .a = a,
        .b = b,
        .relative_gap = relative_gap,
        .message = message,
    };
    return MS_OK;
}

/* ---- wording ----------------------------------------------------------- */

ms_interval ms_check_range_of(const ms_figure *f)
{
    return ms_interval_is_valid(f->range) ? f->range : ms_interval_point(f->value);
}

void ms_check_format_interval(ms_interval r, ms_strbuf *sb)
{
    ms_strbuf_putc(sb, r.lo_open ? '(' : '[');
    ms_strbuf_num(sb, r.lo);
    ms_strbuf_puts(sb, ", ");
    ms_strbuf_num(sb, r.hi);
    ms_strbuf_putc(sb, r.hi_open ? ')' : ']');
}

/* The words a hedge stands for, with a trailing space; "" for none. */
static const char *hedge_words(ms_hedge h)
{
    switch (h) {
    case MS_HEDGE_MORE_THAN: return "more than ";
    case MS_HEDGE_LESS_THAN: return "less than ";
    case MS_HEDGE_NEARLY: return "nearly ";
    case MS_HEDGE_ABOUT: return "about ";
    case MS_HEDGE_AT_LEAST: return "at least ";
    case MS_HEDGE_UP_TO: return "up to ";
    case MS_HEDGE_NONE:
    case MS_HEDGE_RANGE:
    case MS_HEDGE_COUNT_: break;
    }
    return "";
}

void ms_check_format_statement(const ms_figure *f, ms_strbuf *sb)
{
    if (ms_figure_is_missing(f)) {
        ms_strbuf_puts(sb, "nothing");
        return;
    }
    ms_strbuf_puts(sb, hedge_words(f->hedge));
    ms_strbuf_num(sb, f->value);
    if (f->kind == MS_KIND_PCT_CHANGE || f->kind == MS_KIND_SHARE)
        ms_strbuf_puts(sb, " %");
    ms_strbuf_putc(sb, ' ');
    ms_check_format_interval(ms_check_range_of(f), sb);
}

void ms_check_format_key(const ms_figure *f, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, f->metric ? f->metric : "-");
    if (f->kind != MS_KIND_COUNT) {
        ms_strbuf_putc(sb, ' ');
        ms_strbuf_puts(sb, ms_kind_name(f->kind));
    }
    if (f->place) {
        ms_strbuf_putc(sb, ' ');
        ms_strbuf_puts(sb, f->place);
    }
    if (f->subject) {
        ms_strbuf_putc(sb, ' ');
        ms_strbuf_puts(sb, f->subject);
    }
    char period[MS_PERIOD_BUFSZ];
    if (ms_period_format(f->period, period) > 0) {
        ms_strbuf_putc(sb, ' ');
        ms_strbuf_puts(sb, period);
    }
}

/* The whole numbers r contains, as a closed interval; r itself if none. */
static ms_interval whole_numbers(ms_interval r)
{
    double first, last;
    if (ms_interval_integer_bounds(r, &first, &last))
        return ms_interval_make(first, false, last, false);
    return r;
}

double ms_check_relative_gap(const ms_figure *a, const ms_figure *b)
{
    ms_interval ra = ms_check_range_of(a), rb = ms_check_range_of(b);
    if (a->kind == MS_KIND_COUNT && b->kind == MS_KIND_COUNT) {
        ra = whole_numbers(ra);
        rb = whole_numbers(rb);
    }
    return ms_interval_relative_gap(ra, rb);
}

/* ---- JSON -------------------------------------------------------------- */

static void json_key(ms_strbuf *sb, const char *key, bool first)
{
    if (!first)
        ms_strbuf_putc(sb, ',');
    ms_json_quote(key, sb);
    ms_strbuf_putc(sb, ':');
}

static void json_str_field(ms_strbuf *sb, const char *key, const char *value)
{
    json_key(sb, key, false);
    ms_json_quote(value, sb);
}

static void json_num_field(ms_strbuf *sb, const char *key, double value)
{
    json_key(sb, key, false);
    ms_json_number(value, sb); /* null when not finite */
}

static void json_bool_field(ms_strbuf *sb, const char *key, bool value)
{
    json_key(sb, key, false);
    ms_strbuf_puts(sb, value ? "true" : "false");
}

/* An integer position, null when absent (below `none_below`). */
static void json_pos_field(ms_strbuf *sb, const char *key, int64_t value, int64_t none_below)
{
    json_key(sb, key, false);
    if (value < none_below)
        ms_strbuf_puts(sb, "null");
    else
        ms_strbuf_printf(sb, "%lld", (long long)value);
}

static void json_figure(ms_strbuf *sb, const ms_figure *f)
{
    ms_strbuf_putc(sb, '{');
    json_key(sb, "id", true);
    ms_json_quote(f->id, sb);
    json_str_field(sb, "source", f->source);
    json_key(sb, "published", false);
    if (f->published == MS_DAY_NONE) {
        ms_strbuf_puts(sb, "null");
    } else {
        char date[16];
        ms_date_format(f->published, date);
        ms_json_quote(date, sb);
    }
    json_num_field(sb, "value", f->value);
    ms_interval r = ms_check_range_of(f);
    json_num_field(sb, "lo", r.lo);
    json_num_field(sb, "hi", r.hi);
    json_bool_field(sb, "lo_open", r.lo_open);
    json_bool_field(sb, "hi_open", r.hi_open);
    json_str_field(sb, "hedge", ms_hedge_name(f->hedge));
    json_str_field(sb, "quote", f->quote);
    json_pos_field(sb, "offset", f->offset, 0);
    json_pos_field(sb, "length", f->length, 0);
    json_pos_field(sb, "line", f->line, 1);
    json_pos_field(sb, "column", f->column, 1);
    ms_strbuf_putc(sb, '}');
}

void ms_finding_format_json(const ms_finding *f, ms_strbuf *sb)
{
    ms_strbuf_putc(sb, '{');
    json_key(sb, "rule", true);
    ms_json_quote(f->rule, sb);
    json_str_field(sb, "severity", ms_finding_severity_name(f->severity));
    json_str_field(sb, "message", f->message);
    json_num_field(sb, "relative_gap", f->relative_gap);
    const ms_figure *k = f->a ? f->a : f->b;
    if (k) {
        char period[MS_PERIOD_BUFSZ];
        ms_period_format(k->period, period);
        json_str_field(sb, "metric", k->metric);
        json_str_field(sb, "kind", ms_kind_name(k->kind));
        json_str_field(sb, "period", period);
        json_str_field(sb, "place", k->place);
        json_str_field(sb, "subject", k->subject);
    }
    const ms_figure *pair[2] = {f->a, f->b};
    const char *names[2] = {"a", "b"};
    for (int i = 0; i < 2; i++) {
        json_key(sb, names[i], false);
        if (pair[i])
            json_figure(sb, pair[i]);
        else
            ms_strbuf_puts(sb, "null");
    }
    ms_strbuf_puts(sb, "}\n");
}
