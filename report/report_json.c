/* report_json.c — report.json, the report for scripts (cJSON): summary,
 * headline, changes, ratios, findings (each as ms_finding_format_json
 * writes it for `migstat check --to jsonl`), charts (file names), sources
 * and accounting. Numbers are printed by core/num.c (shortest round trip);
 * a number that is not finite is null. */
#include "report/model.h"
#include "core/num.h"
#include "plots/plots.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static void add_num(cJSON *obj, const char *name, double v)
{
    if (!isfinite(v)) {
        cJSON_AddNullToObject(obj, name);
        return;
    }
    char buf[MS_NUM_BUFSZ];
    buf[ms_num_format(v, buf)] = '\0';
    cJSON_AddRawToObject(obj, name, buf);
}

static void add_str(cJSON *obj, const char *name, const char *s)
{
    if (s)
        cJSON_AddStringToObject(obj, name, s);
    else
        cJSON_AddNullToObject(obj, name);
}

static void add_date(cJSON *obj, const char *name, int32_t day)
{
    if (day == MS_DAY_NONE) {
        cJSON_AddNullToObject(obj, name);
        return;
    }
    char buf[16];
    ms_date_format(day, buf);
    cJSON_AddStringToObject(obj, name, buf);
}

static void add_period(cJSON *obj, const char *name, ms_period p)
{
    char buf[MS_PERIOD_BUFSZ];
    if (ms_period_format(p, buf) > 0)
        cJSON_AddStringToObject(obj, name, buf);
    else
        cJSON_AddNullToObject(obj, name);
}

static void add_interval(cJSON *obj, const char *prefix, ms_interval r)
{
    char name[32];
    snprintf(name, sizeof name, "%slo", prefix);
    add_num(obj, name, r.lo);
    snprintf(name, sizeof name, "%shi", prefix);
    add_num(obj, name, r.hi);
    snprintf(name, sizeof name, "%slo_open", prefix);
    cJSON_AddBoolToObject(obj, name, r.lo_open);
    snprintf(name, sizeof name, "%shi_open", prefix);
    cJSON_AddBoolToObject(obj, name, r.hi_open);
}

/* A formatted text ("more than 143,000") as a member. */
static void add_formatted(cJSON *obj, const char *name, const ms_figure *f,
                          void (*fmt)(const ms_figure *, ms_strbuf *))
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    fmt(f, &sb);
    add_str(obj, name, ms_strbuf_failed(&sb) ? NULL : ms_strbuf_str(&sb));
    ms_strbuf_free(&sb);
}

static cJSON *figure_brief(const ms_figure *f)
{
    cJSON *o = cJSON_CreateObject();
    add_str(o, "id", f->id);
    add_str(o, "metric", f->metric);
    cJSON_AddStringToObject(o, "kind", ms_kind_name(f->kind));
    add_num(o, "value", f->value);
    add_interval(o, "", f->range);
    cJSON_AddStringToObject(o, "hedge", ms_hedge_name(f->hedge));
    add_formatted(o, "text", f, report_format_value);
    add_period(o, "period", f->period);
    add_period(o, "base", f->base);
    add_str(o, "place", f->place);
    add_str(o, "subject", f->subject);
    add_str(o, "source", f->source);
    add_date(o, "published", f->published);
    add_str(o, "url", f->url);
    add_str(o, "quote", f->quote);
    if (f->line > 0)
        cJSON_AddNumberToObject(o, "line", (double)f->line);
    else
        cJSON_AddNullToObject(o, "line");
    return o;
}

static cJSON *change_object(const ms_change *c)
{
    cJSON *o = cJSON_CreateObject();
    add_str(o, "metric", c->current->metric);
    add_str(o, "place", c->current->place);
    add_str(o, "subject", c->current->subject);
    add_str(o, "source", c->current->source);
    add_period(o, "period", c->current->period);
    add_period(o, "base", c->base);
    cJSON_AddStringToObject(o, "status", ms_change_status_name(c->status));
    add_num(o, "abs", c->abs_value);
    add_interval(o, "abs_", c->abs_range);
    add_num(o, "pct", c->pct_value);
    add_interval(o, "pct_", c->pct_range);
    add_str(o, "current", c->current->id);
    add_str(o, "previous", c->previous ? c->previous->id : NULL);
    return o;
}

static cJSON *headline_array(const report_model *m)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < m->n_headlines; i++) {
        const report_headline *h = &m->headlines[i];
        cJSON *o = figure_brief(h->figure);
        ms_strbuf title;
        ms_strbuf_init(&title);
        report_metric_title(m, h->figure->metric, &title);
        add_str(o, "title", ms_strbuf_failed(&title) ? NULL : ms_strbuf_str(&title));
        ms_strbuf_free(&title);
        cJSON_AddItemToObject(o, "change", h->change ? change_object(h->change) : cJSON_CreateNull());
        cJSON_AddItemToObject(o, "stated_change",
                              h->stated_change ? figure_brief(h->stated_change) : cJSON_CreateNull());
        cJSON_AddNumberToObject(o, "conflicts", (double)h->n_conflicts);
        cJSON *srcs = cJSON_AddArrayToObject(o, "sources");
        for (size_t k = 0; k < h->n_sources; k++)
            cJSON_AddItemToArray(srcs, figure_brief(h->sources[k]));
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *changes_array(const report_model *m)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < m->series.count; i++)
        for (size_t k = 0; k < m->changes[i].count; k++)
            if (m->changes[i].items[k].status != MS_CHANGE_FIRST)
                cJSON_AddItemToArray(arr, change_object(&m->changes[i].items[k]));
    return arr;
}

static cJSON *ratios_array(const report_model *m)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < m->derived.count; i++) {
        const ms_figure *f = &m->derived.items[i];
        if (f->kind != MS_KIND_RATIO)
            continue;
        cJSON *o = cJSON_CreateObject();
        add_str(o, "metric", f->metric);
        add_str(o, "place", f->place);
        add_str(o, "subject", f->subject);
        add_str(o, "source", f->source);
        add_period(o, "period", f->period);
        add_num(o, "value", f->value);
        add_interval(o, "", f->range);
        cJSON *in = cJSON_AddArrayToObject(o, "inputs");
        for (size_t k = 0; k < f->n_inputs; k++)
            cJSON_AddItemToArray(in, cJSON_CreateString(f->inputs[k]));
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

/* The findings in the shape `migstat check --to jsonl` gives them. */
static ms_status findings_array(const report_model *m, cJSON *arr)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_status st = MS_OK;
    for (size_t i = 0; i < m->findings.count && st == MS_OK; i++) {
        ms_strbuf_clear(&sb);
        ms_finding_format_json(m->ordered[i], &sb);
        cJSON *o = ms_strbuf_failed(&sb) ? NULL : cJSON_ParseWithLength(sb.data, sb.len);
        if (!o)
            st = MS_ERR_NOMEM;
        else
            cJSON_AddItemToArray(arr, o);
    }
    ms_strbuf_free(&sb);
    return st;
}

static cJSON *charts_array(const report_model *m)
{
    static const struct {
        unsigned bit;
        const char *ext;
    } exts[] = {{MS_PLOT_SVG, "svg"}, {MS_PLOT_PNG, "png"}, {MS_PLOT_PDF, "pdf"}};
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < m->n_charts; i++) {
        const report_chart *c = &m->charts[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "kind", c->kind);
        add_str(o, "metric", c->metric);
        add_str(o, "title", c->title);
        cJSON *files = cJSON_AddArrayToObject(o, "files");
        for (size_t k = 0; k < sizeof exts / sizeof exts[0]; k++) {
            if (!(c->formats & exts[k].bit))
                continue;
            char name[512];
            snprintf(name, sizeof name, "charts/%s.%s", c->file_stem, exts[k].ext);
            cJSON_AddItemToArray(files, cJSON_CreateString(name));
        }
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *sources_array(const report_model *m)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < m->n_sources; i++) {
        const report_source *s = &m->sources[i];
        cJSON *o = cJSON_CreateObject();
        add_str(o, "source", s->source);
        add_str(o, "outlet", s->outlet);
        add_date(o, "published", s->published);
        add_str(o, "url", s->url);
        cJSON_AddStringToObject(o, "kind", s->article ? "article" : "table");
        cJSON_AddNumberToObject(o, "figures", (double)s->n_figures);
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static void add_counts(cJSON *o, size_t read, size_t accepted, size_t rejected, size_t missing,
                       size_t skipped)
{
    cJSON_AddNumberToObject(o, "read", (double)read);
    cJSON_AddNumberToObject(o, "accepted", (double)accepted);
    cJSON_AddNumberToObject(o, "rejected", (double)rejected);
    cJSON_AddNumberToObject(o, "missing", (double)missing);
    cJSON_AddNumberToObject(o, "skipped", (double)skipped);
}

static cJSON *accounting_object(const report_model *m)
{
    const ms_report_options *opt = m->opt;
    cJSON *o = cJSON_CreateObject();
    const ms_diag *d = opt->accounting;
    if (d) {
        cJSON *total = cJSON_AddObjectToObject(o, "total");
        add_counts(total, d->n_read, d->n_accepted, d->n_rejected, d->n_missing, d->n_skipped);
    } else {
        cJSON_AddNullToObject(o, "total");
    }
    cJSON *inputs = cJSON_AddArrayToObject(o, "inputs");
    for (size_t i = 0; i < opt->n_input_stats; i++) {
        const ms_report_input *in = &opt->input_stats[i];
        cJSON *r = cJSON_CreateObject();
        add_str(r, "name", in->name);
        cJSON_AddStringToObject(r, "kind", in->article ? "article" : "table");
        add_counts(r, in->read, in->accepted, in->rejected, in->missing, in->skipped);
        if (in->article) {
            cJSON_AddNumberToObject(r, "articles", (double)in->articles);
            add_str(r, "source", in->source);
            add_str(r, "outlet", in->outlet);
            add_str(r, "lang", in->lang);
            add_date(r, "published", in->published);
            cJSON *why = cJSON_AddObjectToObject(r, "skipped_reasons");
            for (size_t k = 0; k < in->n_skips; k++)
                cJSON_AddNumberToObject(why, in->skips[k].reason, (double)in->skips[k].count);
        }
        cJSON_AddItemToArray(inputs, r);
    }
    cJSON *problems = cJSON_AddArrayToObject(o, "problems");
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    for (size_t i = 0; d && i < d->count; i++) {
        ms_strbuf_clear(&sb);
        ms_diag_format_entry(&d->entries[i], &sb);
        if (!ms_strbuf_failed(&sb))
            cJSON_AddItemToArray(problems, cJSON_CreateString(ms_strbuf_str(&sb)));
    }
    ms_strbuf_free(&sb);
    if (d)
        cJSON_AddNumberToObject(o, "problems_not_shown", (double)d->n_dropped);
    return o;
}

ms_status report_write_json(const report_model *m, ms_strbuf *sb)
{
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return MS_ERR_NOMEM;
    cJSON_AddStringToObject(root, "migstat", MS_VERSION);
    cJSON *sum = cJSON_AddObjectToObject(root, "summary");
    cJSON_AddNumberToObject(sum, "figures", (double)m->figures->count);
    cJSON_AddNumberToObject(sum, "metrics", (double)m->n_metrics);
    cJSON_AddNumberToObject(sum, "sources", (double)m->n_sources);
    cJSON_AddNumberToObject(sum, "derived", (double)m->derived.count);
    cJSON_AddNumberToObject(sum, "gaps", (double)m->n_gaps);
    cJSON_AddNumberToObject(sum, "undated", (double)m->n_undated);
    for (int s = 0; s < MS_FINDING_SEVERITY_COUNT_; s++)
        cJSON_AddNumberToObject(sum, ms_finding_severity_name((ms_finding_severity)s),
                                (double)ms_findings_count(&m->findings, (ms_finding_severity)s));
    cJSON_AddItemToObject(root, "headline", headline_array(m));
    cJSON_AddItemToObject(root, "changes", changes_array(m));
    cJSON_AddItemToObject(root, "ratios", ratios_array(m));
    cJSON *findings = cJSON_AddArrayToObject(root, "findings");
    ms_status st = findings ? findings_array(m, findings) : MS_ERR_NOMEM;
    cJSON_AddItemToObject(root, "charts", charts_array(m));
    cJSON_AddItemToObject(root, "sources", sources_array(m));
    cJSON_AddItemToObject(root, "accounting", accounting_object(m));
    char *text = st == MS_OK ? cJSON_Print(root) : NULL;
    if (!text && st == MS_OK)
        st = MS_ERR_NOMEM;
    if (text) {
        ms_strbuf_puts(sb, text);
        ms_strbuf_putc(sb, '\n');
        cJSON_free(text);
    }
    cJSON_Delete(root);
    return st;
}
