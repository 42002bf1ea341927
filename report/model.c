/* model.c — what a report shows, computed once for every format: series
 * and their changes, ratios, consistency findings in reading order, the
 * headline figure of each metric with its change and sources, the sources,
 * which stated figures the report cites (its evidence rows) and the charts. */
#include "report/model.h"
#include "core/grow.h"
#include "plots/metric_charts.h"
#include "plots/plots.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Ratios the report computes when both metrics are stated for the same
 * place, subject, period and source. */
static const char *const default_ratios[][2] = {
    {"deportations", "entry_denials"},
    {"deportations", "entry_bans"},
    {"forced_departures", "expulsions"},
    {"injuries", "deaths"},
};

/* ---------------------------------------------------------- helpers */

long report_figure_index(const report_model *m, const ms_figure *f)
{
    const ms_figure_set *set = m->figures;
    if (!f || set->count == 0 || f < set->items || f >= set->items + set->count)
        return -1;
    return (long)(f - set->items);
}

const ms_figure *report_find_figure(const report_model *m, const char *id)
{
    return id ? ms_figure_set_find(m->figures, id) : NULL;
}

const report_source *report_source_of(const report_model *m, const ms_figure *f)
{
    for (size_t i = 0; i < m->n_sources; i++)
        if (ms_str_eq(m->sources[i].source, f->source) && m->sources[i].published == f->published)
            return &m->sources[i];
    return NULL;
}

const ms_report_input *report_input_of_source(const report_model *m, const char *source)
{
    for (size_t i = 0; source && i < m->opt->n_input_stats; i++) {
        const ms_report_input *in = &m->opt->input_stats[i];
        if (in->article && in->source && strcmp(in->source, source) == 0)
            return in;
    }
    return NULL;
}

void report_metric_title(const report_model *m, const char *metric, ms_strbuf *sb)
{
    const ms_metric *def = metric ? ms_metric_find(m->opt->metrics, metric) : NULL;
    const char *what = def && def->description && *def->description ? def->description : metric;
    if (!what || !*what) {
        ms_strbuf_puts(sb, "?");
        return;
    }
    ms_strbuf_putc(sb, (char)(what[0] >= 'a' && what[0] <= 'z' ? what[0] - 'a' + 'A' : what[0]));
    ms_strbuf_puts(sb, what + 1);
}

void report_put_formatted(const ms_figure *f, void (*fmt)(const ms_figure *, ms_strbuf *),
                          report_escape_fn escape, ms_strbuf *sb)
{
    ms_strbuf tmp;
    ms_strbuf_init(&tmp);
    fmt(f, &tmp);
    escape(ms_strbuf_str(&tmp), sb);
    ms_strbuf_free(&tmp);
}

void report_put_title(const report_model *m, const char *metric, report_escape_fn escape, ms_strbuf *sb)
{
    ms_strbuf tmp;
    ms_strbuf_init(&tmp);
    report_metric_title(m, metric, &tmp);
    escape(ms_strbuf_str(&tmp), sb);
    ms_strbuf_free(&tmp);
}

void report_format_value(const ms_figure *f, ms_strbuf *sb)
{
    static const char *const words[MS_HEDGE_COUNT_] = {
        [MS_HEDGE_NONE] = "", [MS_HEDGE_MORE_THAN] = "more than ",
        [MS_HEDGE_LESS_THAN] = "less than ", [MS_HEDGE_NEARLY] = "nearly ",
        [MS_HEDGE_ABOUT] = "about ", [MS_HEDGE_AT_LEAST] = "at least ",
        [MS_HEDGE_UP_TO] = "up to ", [MS_HEDGE_RANGE] = "",
    };
    if ((unsigned)f->hedge < MS_HEDGE_COUNT_)
        ms_strbuf_puts(sb, words[f->hedge]);
    if (f->kind == MS_KIND_PCT_CHANGE)
        ms_fmt_percent(f->value, sb);
    else if (f->kind == MS_KIND_SHARE) {
        ms_fmt_number(f->value, sb);
        ms_strbuf_puts(sb, " %");
    } else if (f->kind == MS_KIND_MULTIPLIER) {
        ms_strbuf_puts(sb, "×");
        ms_fmt_number(f->value, sb);
    } else if (f->kind == MS_KIND_RATIO) {
        ms_fmt_number_sig(f->value, 3, sb);
    } else {
        ms_fmt_number(f->value, sb);
    }
    if (f->flags && *f->flags) {
        ms_strbuf_puts(sb, " (");
        ms_strbuf_puts(sb, f->flags);
        ms_strbuf_putc(sb, ')');
    }
}

void report_format_where(const ms_figure *f, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, f->place ? f->place : "—");
    if (f->subject) {
        ms_strbuf_puts(sb, " · ");
        ms_strbuf_puts(sb, f->subject);
    }
}

void report_format_date(int32_t day, ms_strbuf *sb)
{
    if (day == MS_DAY_NONE)
        return;
    char buf[16];
    ms_date_format(day, buf);
    ms_strbuf_puts(sb, buf);
}

void report_format_cell(const ms_figure *f, ms_strbuf *sb)
{
    if (f->line <= 0)
        return;
    /* a table row's id is "file:LINE" already */
    ms_strbuf_puts(sb, f->id ? f->id : "?");
    if (f->column > 0)
        ms_strbuf_printf(sb, " (column %lld)", (long long)f->column);
}

/* ---------------------------------------------------------- computing */

static ms_status compute_series(report_model *m)
{
    ms_status st = ms_series_group(m->figures, &m->series, &m->n_undated);
    if (st != MS_OK)
        return st;
    m->changes = calloc(m->series.count ? m->series.count : 1, sizeof *m->changes);
    if (!m->changes)
        return MS_ERR_NOMEM;
    for (size_t i = 0; i < m->series.count; i++) {
        const ms_series *s = &m->series.items[i];
        if (s->key.kind != MS_KIND_COUNT)
            continue;
        st = ms_stats_changes(s, MS_CHANGE_PREVIOUS, &m->changes[i]);
        if (st != MS_OK)
            return st;
        for (size_t k = 0; k < m->changes[i].count; k++) {
            const ms_change *c = &m->changes[i].items[k];
            if (c->status == MS_CHANGE_GAP)
                m->n_gaps++;
            if (c->status == MS_CHANGE_OK && (st = ms_change_to_figures(c, &m->derived)) != MS_OK)
                return st;
        }
    }
    ms_diag ratio_diag;
    ms_diag_init(&ratio_diag);
    for (size_t i = 0; i < sizeof default_ratios / sizeof default_ratios[0] && st == MS_OK; i++)
        st = ms_stats_ratio(m->figures, default_ratios[i][0], default_ratios[i][1], &m->derived,
                            &ratio_diag);
    /* the report pairs metrics opportunistically: a figure without a
     * partner is normal here, so the ratio warnings are not repeated */
    ms_diag_free(&ratio_diag);
    return st;
}

static ms_status order_findings(report_model *m)
{
    m->ordered = calloc(m->findings.count ? m->findings.count : 1, sizeof *m->ordered);
    if (!m->ordered)
        return MS_ERR_NOMEM;
    const ms_finding_severity order[] = {MS_FINDING_CONFLICT, MS_FINDING_MISMATCH,
                                         MS_FINDING_REVISION, MS_FINDING_WEAK, MS_FINDING_OK};
    size_t n = 0;
    for (size_t o = 0; o < sizeof order / sizeof order[0]; o++)
        for (size_t i = 0; i < m->findings.count; i++)
            if (m->findings.items[i].severity == order[o])
                m->ordered[n++] = &m->findings.items[i];
    return MS_OK;
}

/* Sources (id and publication date) in order of their first figure;
 * metrics counted on the way. Linear in figures times sources. */
static ms_status collect_sources(report_model *m)
{
    size_t cap = 0, metrics_cap = 0, n_metrics = 0;
    const char **metrics = NULL;
    ms_status st = MS_OK;
    size_t last = (size_t)-1; /* figures of one source come together: check it first */
    for (size_t i = 0; i < m->figures->count && st == MS_OK; i++) {
        const ms_figure *f = &m->figures->items[i];
        report_source *src = NULL;
        if (last != (size_t)-1 && ms_str_eq(m->sources[last].source, f->source) &&
            m->sources[last].published == f->published)
            src = &m->sources[last];
        for (size_t k = 0; !src && k < m->n_sources; k++)
            if (ms_str_eq(m->sources[k].source, f->source) && m->sources[k].published == f->published)
                src = &m->sources[last = k];
        if (!src) {
            report_source *items = ms_grow(m->sources, &cap, m->n_sources, sizeof *items, 16);
            if (!items) {
                st = MS_ERR_NOMEM;
                break;
            }
            m->sources = items;
            last = m->n_sources++;
            src = &m->sources[last];
            memset(src, 0, sizeof *src);
            src->source = f->source;
            src->published = f->published;
            src->first = i;
            const ms_report_input *in = report_input_of_source(m, f->source);
            src->outlet = in ? in->outlet : NULL;
            src->article = in != NULL || (f->offset >= 0 && f->line <= 0);
        }
        src->n_figures++;
        if (!src->url && f->url && *f->url)
            src->url = f->url;
        bool seen = false;
        for (size_t k = n_metrics; k-- > 0 && !seen;)
            seen = ms_str_eq(metrics[k], f->metric);
        if (!seen) {
            const char **items = ms_grow(metrics, &metrics_cap, n_metrics, sizeof *items, 16);
            if (!items) {
                st = MS_ERR_NOMEM;
                break;
            }
            metrics = items;
            metrics[n_metrics++] = f->metric;
        }
    }
    free(metrics);
    m->n_metrics = n_metrics;
    return st;
}

/* A total: of a whole country (not a region "RU-MOW"), of every foreign
 * citizen or nobody in particular (not one citizenship), no breakdown. */
static bool is_total(const ms_figure *f)
{
    return (!f->place || !strchr(f->place, '-')) && !f->breakdown &&
           (!f->subject || strcmp(f->subject, "foreign_citizens") == 0);
}

/* Is a better than b as a headline: a total over a part, then the period
 * ending later, then the longer one (a Jan-Jul total over July alone),
 * then the later published. */
static bool later_headline(const ms_figure *a, const ms_figure *b)
{
    if (is_total(a) != is_total(b))
        return is_total(a);
    if (a->period.end != b->period.end)
        return a->period.end > b->period.end;
    if (a->period.start != b->period.start)
        return a->period.start < b->period.start;
    return a->published > b->published;
}

static bool same_where(const ms_series_key *k, const ms_figure *f)
{
    return ms_str_eq(k->place, f->place) && ms_str_eq(k->subject, f->subject) &&
           ms_str_eq(k->breakdown, f->breakdown);
}

static ms_status make_headline(report_model *m, size_t from, size_t to, report_headline *h)
{
    memset(h, 0, sizeof *h);
    size_t best_series = 0;
    for (size_t i = from; i < to; i++) {
        const ms_series *s = &m->series.items[i];
        if (s->key.kind != MS_KIND_COUNT)
            continue;
        for (size_t k = s->count; k-- > 0;) {
            const ms_figure *f = s->items[k];
            if (ms_figure_is_missing(f))
                continue;
            if (!h->figure || later_headline(f, h->figure)) {
                h->figure = f;
                best_series = i;
            }
            break; /* the series' latest figure with a value */
        }
    }
    if (!h->figure)
        return MS_OK;
    const ms_change_list *cl = &m->changes[best_series];
    for (size_t k = 0; k < cl->count; k++)
        if (cl->items[k].current == h->figure && cl->items[k].status == MS_CHANGE_OK)
            h->change = &cl->items[k];
    h->sources = calloc(to - from + 1, sizeof *h->sources);
    if (!h->sources)
        return MS_ERR_NOMEM;
    h->sources[h->n_sources++] = h->figure;
    for (size_t i = from; i < to; i++) {
        const ms_series *s = &m->series.items[i];
        if (!same_where(&s->key, h->figure))
            continue;
        const ms_figure *g = ms_series_find_period(s, h->figure->period);
        if (!g || g == h->figure)
            continue;
        if (s->key.kind == MS_KIND_COUNT)
            h->sources[h->n_sources++] = g;
        else if (!h->stated_change && ms_str_eq(s->key.source, h->figure->source) &&
                 (s->key.kind == MS_KIND_PCT_CHANGE || s->key.kind == MS_KIND_MULTIPLIER))
            h->stated_change = g;
    }
    for (size_t i = 0; i < m->findings.count; i++) {
        const ms_finding *f = &m->findings.items[i];
        bool names = false;
        for (size_t a = 0; a < f->n_figures && !names && f->severity == MS_FINDING_CONFLICT; a++)
            for (size_t b = 0; b < h->n_sources && !names; b++)
                names = f->figures[a] == h->sources[b];
        h->n_conflicts += names;
    }
    return MS_OK;
}

static ms_status collect_headlines(report_model *m)
{
    size_t n_metric_runs = 0;
    for (size_t i = 0; i < m->series.count; i++)
        if (i == 0 || strcmp(m->series.items[i - 1].key.metric, m->series.items[i].key.metric) != 0)
            n_metric_runs++;
    m->headlines = calloc(n_metric_runs ? n_metric_runs : 1, sizeof *m->headlines);
    if (!m->headlines)
        return MS_ERR_NOMEM;
    for (size_t from = 0; from < m->series.count;) {
        size_t to = from + 1;
        while (to < m->series.count &&
               strcmp(m->series.items[to].key.metric, m->series.items[from].key.metric) == 0)
            to++;
        report_headline *h = &m->headlines[m->n_headlines];
        /* "other" is what the extractor calls a figure whose metric it
         * cannot tell: no headline */
        if (strcmp(m->series.items[from].key.metric, "other") == 0) {
            from = to;
            continue;
        }
        ms_status st = make_headline(m, from, to, h);
        if (st != MS_OK)
            return st;
        if (h->figure)
            m->n_headlines++;
        from = to;
    }
    return MS_OK;
}

static void cite(report_model *m, const ms_figure *f)
{
    long i = report_figure_index(m, f);
    if (i >= 0)
        m->cited[i] = true;
}

/* Marks every stated figure the report names: its evidence rows. */
static ms_status mark_cited(report_model *m)
{
    m->n_cited = m->figures->count;
    m->cited = calloc(m->n_cited ? m->n_cited : 1, sizeof *m->cited);
    if (!m->cited)
        return MS_ERR_NOMEM;
    for (size_t i = 0; i < m->n_headlines; i++) {
        const report_headline *h = &m->headlines[i];
        for (size_t k = 0; k < h->n_sources; k++)
            cite(m, h->sources[k]);
        cite(m, h->stated_change);
        if (h->change)
            cite(m, h->change->previous);
    }
    for (size_t i = 0; i < m->findings.count; i++)
        for (size_t k = 0; k < m->findings.items[i].n_figures; k++)
            cite(m, m->findings.items[i].figures[k]);
    for (size_t i = 0; i < m->series.count; i++) {
        const ms_series *s = &m->series.items[i];
        if (s->count)
            cite(m, s->items[s->count - 1]); /* latest of each series */
        for (size_t k = 0; k < m->changes[i].count; k++) {
            const ms_change *c = &m->changes[i].items[k];
            if (c->status == MS_CHANGE_FIRST)
                continue;
            cite(m, c->current);
            cite(m, c->previous);
        }
    }
    for (size_t i = 0; i < m->derived.count; i++) {
        const ms_figure *f = &m->derived.items[i];
        if (f->kind != MS_KIND_RATIO)
            continue;
        for (size_t k = 0; k < f->n_inputs; k++)
            cite(m, report_find_figure(m, f->inputs[k]));
    }
    return MS_OK;
}

ms_status report_model_build(report_model *m, const ms_figure_set *figures,
                             const ms_report_options *opt)
{
    memset(m, 0, sizeof *m);
    m->figures = figures;
    m->opt = opt;
    ms_figure_set_init(&m->derived);
    ms_findings_init(&m->findings);
    ms_status st = compute_series(m);
    if (st == MS_OK) {
        ms_check_options check = {.metrics = opt->metrics};
        st = ms_check_run(figures, &check, &m->findings);
    }
    if (st == MS_OK)
        st = order_findings(m);
    if (st == MS_OK)
        st = collect_sources(m);
    if (st == MS_OK)
        st = collect_headlines(m);
    if (st == MS_OK)
        st = mark_cited(m);
    return st;
}

/* ---------------------------------------------------------- charts */

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

static ms_status add_chart(report_model *m, size_t *cap, const char *kind, const char *metric,
                           const char *stem, unsigned formats)
{
    report_chart *items = ms_grow(m->charts, cap, m->n_charts, sizeof *items, 8);
    if (!items)
        return MS_ERR_NOMEM;
    m->charts = items;
    report_chart *c = &m->charts[m->n_charts];
    memset(c, 0, sizeof *c);
    ms_strbuf title;
    ms_strbuf_init(&title);
    report_metric_title(m, metric, &title);
    c->kind = kind;
    c->title = ms_strbuf_detach(&title);
    c->metric = dup_str(metric);
    c->file_stem = dup_str(stem);
    c->formats = formats;
    m->n_charts++;
    return c->title && c->metric && c->file_stem ? MS_OK : MS_ERR_NOMEM;
}

/* Chart kind "line": one time-series chart per metric (plots/metric_charts.h). */
static ms_status charts_line(report_model *m, ms_gnuplot *gp, const char *dir, unsigned formats,
                             size_t *cap, ms_strbuf *err)
{
    ms_chart_list list = {0};
    ms_status st = ms_plot_metric_charts(gp, &m->series, m->opt->metrics, dir, formats, &list, err);
    for (size_t i = 0; i < list.count && st == MS_OK; i++)
        st = add_chart(m, cap, "line", list.items[i].metric, list.items[i].file_stem, formats);
    ms_chart_list_free(&list);
    return st;
}

/* The chart kinds a report draws, in the order they are shown. A new kind
 * (plots/) is one function here and one row: its files land in charts/ and
 * every format lists or embeds them. */
typedef ms_status (*chart_kind_fn)(report_model *m, ms_gnuplot *gp, const char *dir,
                                   unsigned formats, size_t *cap, ms_strbuf *err);
static const struct {
    const char *name;
    chart_kind_fn draw;
} chart_kinds[] = {
    {"line", charts_line},
};

ms_status report_model_charts(report_model *m, const char *dir, unsigned formats, ms_strbuf *err)
{
    ms_gnuplot *gp = NULL;
    size_t cap = 0;
    ms_status st = ms_gnuplot_start(&gp, m->opt->gnuplot, 60.0, err);
    for (size_t i = 0; st == MS_OK && i < sizeof chart_kinds / sizeof chart_kinds[0]; i++)
        st = chart_kinds[i].draw(m, gp, dir, formats, &cap, err);
    ms_status fst = ms_gnuplot_finish(gp, err);
    return st != MS_OK ? st : fst;
}

void report_model_free(report_model *m)
{
    if (m->changes) {
        for (size_t i = 0; i < m->series.count; i++)
            ms_change_list_free(&m->changes[i]);
        free(m->changes);
    }
    for (size_t i = 0; i < m->n_headlines; i++)
        free(m->headlines[i].sources);
    free(m->headlines);
    for (size_t i = 0; i < m->n_charts; i++) {
        free(m->charts[i].title);
        free(m->charts[i].metric);
        free(m->charts[i].file_stem);
    }
    free(m->charts);
    free(m->sources);
    free(m->cited);
    free(m->ordered);
    ms_series_set_free(&m->series);
    ms_figure_set_free(&m->derived);
    ms_findings_free(&m->findings);
    memset(m, 0, sizeof *m);
}
