/* finding.c — findings and rule summaries: the lists, their JSON form, and
 * the wording helpers rules use to describe figures in messages.
 *
 * Exports the ms_finding, ms_findings and ms_rule_summary functions and the
 * ms_check_format_* helpers of check.h. Numbers in messages and JSON go
 * through core/num.h. */
#include "check/check.h"
#include "core/grow.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/jsonl.h"
#include "core/num.h"

static const char *const severity_names[MS_FINDING_SEVERITY_COUNT_] = {
    [MS_FINDING_CONFLICT] = "conflict", [MS_FINDING_MISMATCH] = "mismatch",
    [MS_FINDING_REVISION] = "revision", [MS_FINDING_WEAK] = "weak",
    [MS_FINDING_OK] = "ok",
};

const char *ms_finding_severity_name(ms_finding_severity s)
{
    return (unsigned)s < MS_FINDING_SEVERITY_COUNT_ ? severity_names[s] : "unknown";
}

void ms_findings_init(ms_findings *f)
{
    memset(f, 0, sizeof *f);
}

void ms_findings_free(ms_findings *f)
{
    for (size_t i = 0; i < f->count; i++) {
        free(f->items[i].message);
        free(f->items[i].figures);
    }
    free(f->items);
    free(f->summaries);
    ms_findings_init(f);
}

size_t ms_findings_count(const ms_findings *f, ms_finding_severity s)
{
    size_t n = 0;
    for (size_t i = 0; i < f->count; i++)
        n += f->items[i].severity == s;
    return n;
}

ms_status ms_findings_add(ms_findings *f, const ms_finding *proto, char *message)
{
    if (!message)
        return MS_ERR_NOMEM;
    const ms_figure **figs = NULL;
    if (proto->n_figures) {
        figs = malloc(proto->n_figures * sizeof *figs);
        if (!figs) {
            free(message);
            return MS_ERR_NOMEM;
        }
        memcpy(figs, proto->figures, proto->n_figures * sizeof *figs);
    }
    ms_finding *items = ms_grow(f->items, &f->cap, f->count, sizeof *items, 16);
    if (!items) {
        free(figs);
        free(message);
        return MS_ERR_NOMEM;
    }
    f->items = items;
    ms_finding *dst = &f->items[f->count++];
    *dst = *proto;
    dst->figures = figs;
    dst->message = message;
    return MS_OK;
}

ms_status ms_findings_add_figures(ms_findings *f, const char *rule, ms_finding_severity sev,
                                  const ms_figure *const *figs, size_t n_figs,
                                  const ms_computed *computed, size_t n_computed,
                                  double gap, char *message)
{
    ms_finding proto = {.rule = rule, .severity = sev, .gap = gap,
                        .figures = (const ms_figure **)(uintptr_t)figs, .n_figures = n_figs};
    if (n_computed > MS_FINDING_MAX_COMPUTED)
        n_computed = MS_FINDING_MAX_COMPUTED;
    for (size_t i = 0; i < n_computed; i++)
        proto.computed[i] = computed[i];
    proto.n_computed = n_computed;
    return ms_findings_add(f, &proto, message);
}

ms_status ms_findings_add_summary(ms_findings *f, const ms_rule_summary *s)
{
    ms_rule_summary *items = ms_grow(f->summaries, &f->summaries_cap, f->n_summaries,
                                     sizeof *items, 8);
    if (!items)
        return MS_ERR_NOMEM;
    f->summaries = items;
    f->summaries[f->n_summaries++] = *s;
    return MS_OK;
}

/* ---- wording ----------------------------------------------------------- */

ms_interval ms_check_range_of(const ms_figure *f)
{
    return ms_interval_is_valid(f->range) ? f->range : ms_interval_point(f->value);
}

/* A number for a sentence: six significant digits are plenty ("60784.3"). */
static void message_num(ms_strbuf *sb, double x)
{
    if (x != 0 && isfinite(x)) {
        double scale = pow(10, 5 - floor(log10(fabs(x))));
        if (isfinite(scale) && scale > 1)
            x = round(x * scale) / scale;
    }
    ms_strbuf_num(sb, x);
}

void ms_check_format_interval(ms_interval r, ms_strbuf *sb)
{
    ms_strbuf_putc(sb, r.lo_open ? '(' : '[');
    message_num(sb, r.lo);
    ms_strbuf_puts(sb, ", ");
    message_num(sb, r.hi);
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
    if (f->kind == MS_KIND_MULTIPLIER)
        ms_strbuf_putc(sb, 'x');
    ms_strbuf_num(sb, f->value);
    if (f->kind == MS_KIND_PCT_CHANGE || f->kind == MS_KIND_SHARE)
        ms_strbuf_puts(sb, " %");
    ms_strbuf_putc(sb, ' ');
    ms_check_format_interval(ms_check_range_of(f), sb);
}

void ms_check_format_says(const ms_figure *f, ms_strbuf *sb)
{
    ms_strbuf_printf(sb, "'%s' says ", f->source ? f->source : "-");
    ms_check_format_statement(f, sb);
}

void ms_check_format_computed(const ms_computed *c, ms_strbuf *sb)
{
    if (isfinite(c->value)) {
        message_num(sb, c->value);
        ms_strbuf_putc(sb, ' ');
    }
    ms_check_format_interval(c->range, sb);
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
    if (ms_period_format(f->base, period) > 0) {
        ms_strbuf_puts(sb, " vs ");
        ms_strbuf_puts(sb, period);
    }
}

double ms_check_gap_percent(double gap)
{
    double pct = gap * 100;
    double r = round(pct * 10) / 10;
    if (r == 0 && pct > 0) {
        double scale = pow(10, 1 - floor(log10(pct)));
        r = round(pct * scale) / scale;
    }
    return r;
}

ms_interval ms_check_whole_numbers(ms_interval r)
{
    double first, last;
    if (ms_interval_integer_bounds(r, &first, &last))
        return ms_interval_make(first, false, last, false);
    return r;
}

double ms_check_range_gap(ms_interval a, ms_interval b, bool counts)
{
    if (counts) {
        a = ms_check_whole_numbers(a);
        b = ms_check_whole_numbers(b);
    }
    return ms_interval_relative_gap(a, b);
}

double ms_check_relative_gap(const ms_figure *a, const ms_figure *b)
{
    return ms_check_range_gap(ms_check_range_of(a), ms_check_range_of(b),
                              a->kind == MS_KIND_COUNT && b->kind == MS_KIND_COUNT);
}

bool ms_check_ranges_agree(ms_interval a, ms_interval b, bool counts)
{
    return counts ? ms_interval_overlaps_integer(a, b) : ms_interval_overlaps(a, b);
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

static void json_size_field(ms_strbuf *sb, const char *key, size_t value)
{
    json_key(sb, key, false);
    ms_strbuf_printf(sb, "%zu", value);
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

static void json_date_field(ms_strbuf *sb, const char *key, int32_t day)
{
    json_key(sb, key, false);
    char date[16];
    if (day == MS_DAY_NONE || ms_date_format(day, date) == 0)
        ms_strbuf_puts(sb, "null");
    else
        ms_json_quote(date, sb);
}

/* value, lo, hi, lo_open, hi_open of an interval and its point value. */
static void json_interval_fields(ms_strbuf *sb, double value, ms_interval r, bool first)
{
    json_key(sb, "value", first);
    ms_json_number(value, sb);
    json_num_field(sb, "lo", r.lo);
    json_num_field(sb, "hi", r.hi);
    json_bool_field(sb, "lo_open", r.lo_open);
    json_bool_field(sb, "hi_open", r.hi_open);
}

static void json_figure(ms_strbuf *sb, const ms_figure *f)
{
    ms_strbuf_putc(sb, '{');
    json_key(sb, "source", true);
    ms_json_quote(f->source, sb);
    json_str_field(sb, "id", f->id);
    json_str_field(sb, "metric", f->metric);
    json_str_field(sb, "kind", ms_kind_name(f->kind));
    json_interval_fields(sb, f->value, ms_check_range_of(f), false);
    json_str_field(sb, "hedge", ms_hedge_name(f->hedge));
    json_date_field(sb, "period_start", f->period.start);
    json_date_field(sb, "period_end", f->period.end);
    json_date_field(sb, "base_start", f->base.start);
    json_date_field(sb, "base_end", f->base.end);
    json_str_field(sb, "place", f->place);
    json_str_field(sb, "subject", f->subject);
    json_date_field(sb, "published", f->published);
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
    json_num_field(sb, "gap", f->gap);
    json_key(sb, "figures", false);
    ms_strbuf_putc(sb, '[');
    for (size_t i = 0; i < f->n_figures; i++) {
        if (i)
            ms_strbuf_putc(sb, ',');
        json_figure(sb, f->figures[i]);
    }
    ms_strbuf_putc(sb, ']');
    json_key(sb, "computed", false);
    ms_strbuf_putc(sb, '{');
    for (size_t i = 0; i < f->n_computed; i++) {
        json_key(sb, f->computed[i].name, i == 0);
        ms_strbuf_putc(sb, '{');
        json_interval_fields(sb, f->computed[i].value, f->computed[i].range, true);
        ms_strbuf_putc(sb, '}');
    }
    ms_strbuf_puts(sb, "}}\n");
}

void ms_rule_summary_format_json(const ms_rule_summary *s, ms_strbuf *sb)
{
    ms_strbuf_putc(sb, '{');
    json_key(sb, "summary", true);
    ms_strbuf_puts(sb, "true");
    json_str_field(sb, "rule", s->rule);
    json_str_field(sb, "text", s->text);
    json_size_field(sb, "items", s->items);
    json_size_field(sb, "passes", s->passes);
    json_size_field(sb, "fails", s->fails);
    json_size_field(sb, "notes", s->notes);
    json_size_field(sb, "na", s->na);
    ms_strbuf_puts(sb, "}\n");
}
