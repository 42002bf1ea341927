/* report_md.c — the Markdown report: summary, consistency findings, one
 * section per metric (chart, latest figures, stated and computed changes,
 * ratios), sources and accounting. Also writes figures.jsonl (stated and
 * derived figures) so every number in the report can be traced. */
#include "report/report.h"
#include "core/atomic_file.h"
#include "core/jsonl.h"
#include "core/series.h"
#include "plots/metric_charts.h"
#include "plots/plots.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Ratios the report computes when both metrics are stated for the same
 * place, subject, period and source. */
static const char *const default_ratios[][2] = {
    {"deportations", "entry_denials"},
    {"deportations", "entry_bans"},
    {"forced_departures", "expulsions"},
    {"injuries", "deaths"},
};

/* Everything computed for a report, owned together. */
typedef struct report_state {
    ms_series_set series;
    ms_change_list *changes; /* one list per series (count series only; others empty) */
    ms_figure_set derived;   /* change and ratio figures */
    ms_findings findings;
    ms_chart_list charts;
    size_t n_gaps;
    size_t n_undated;
} report_state;

/* ---------------------------------------------------------- small pieces */

/* Text as a Markdown code span: literal (no escapes are read inside code),
 * so only what could end the span or the table row is left out. */
static void md_code(const char *s, ms_strbuf *sb)
{
    ms_strbuf_putc(sb, '`');
    for (const char *p = s ? s : "?"; *p; p++)
        if (*p != '`' && *p != '|' && (unsigned char)*p >= 0x20)
            ms_strbuf_putc(sb, *p);
    ms_strbuf_putc(sb, '`');
}

static void md_figure_ref(const ms_figure *f, ms_strbuf *sb) { md_code(f->id, sb); }

static void md_value_with_hedge(const ms_figure *f, ms_strbuf *sb)
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
        ms_md_text(f->flags, sb);
        ms_strbuf_putc(sb, ')');
    }
}

static void md_date(int32_t day, ms_strbuf *sb)
{
    if (day == MS_DAY_NONE) {
        ms_strbuf_puts(sb, "—");
        return;
    }
    char buf[16];
    ms_date_format(day, buf);
    ms_strbuf_puts(sb, buf);
}

static void md_key(const ms_series_key *k, ms_strbuf *sb)
{
    ms_md_text(k->place, sb);
    if (k->subject) {
        ms_strbuf_puts(sb, " · ");
        ms_md_text(k->subject, sb);
    }
}

/* ---------------------------------------------------------- changes table */

void ms_report_md_change_header(ms_strbuf *sb)
{
    ms_strbuf_puts(sb, "| metric | place · subject | source | period | compared with | change | % change | % change interval | from |\n"
                       "|---|---|---|---|---|---|---|---|---|\n");
}

void ms_report_md_change_row(const ms_change *c, ms_strbuf *sb)
{
    const ms_figure *cur = c->current;
    ms_series_key k = ms_series_key_of(cur);
    ms_strbuf_puts(sb, "| ");
    ms_md_text(k.metric, sb);
    ms_strbuf_puts(sb, " | ");
    md_key(&k, sb);
    ms_strbuf_puts(sb, " | ");
    ms_md_text(k.source, sb);
    ms_strbuf_puts(sb, " | ");
    ms_fmt_period(cur->period, sb);
    ms_strbuf_puts(sb, " | ");
    ms_fmt_period(c->base, sb);
    ms_strbuf_puts(sb, " | ");
    switch (c->status) {
    case MS_CHANGE_OK:
        if (c->abs_value > 0)
            ms_strbuf_putc(sb, '+');
        ms_fmt_number(c->abs_value, sb);
        ms_strbuf_puts(sb, " | ");
        ms_fmt_percent(c->pct_value, sb);
        ms_strbuf_puts(sb, " | ");
        ms_fmt_interval(c->pct_range, 3, sb);
        break;
    case MS_CHANGE_FIRST:
        ms_strbuf_puts(sb, "first period | | ");
        break;
    case MS_CHANGE_GAP:
        ms_strbuf_puts(sb, "gap: no figure for the period compared with | | ");
        break;
    case MS_CHANGE_MISSING:
        ms_strbuf_puts(sb, "a value is missing | | ");
        break;
    case MS_CHANGE_ZERO_BASE:
        if (c->abs_value > 0)
            ms_strbuf_putc(sb, '+');
        ms_fmt_number(c->abs_value, sb);
        ms_strbuf_puts(sb, " | undefined (base may be 0) | ");
        break;
    }
    ms_strbuf_puts(sb, " | ");
    md_figure_ref(cur, sb);
    if (c->previous) {
        ms_strbuf_puts(sb, ", ");
        md_figure_ref(c->previous, sb);
    }
    ms_strbuf_puts(sb, " |\n");
}

/* ---------------------------------------------------------- computing */

static void state_free(report_state *rs)
{
    if (rs->changes) {
        for (size_t i = 0; i < rs->series.count; i++)
            ms_change_list_free(&rs->changes[i]);
        free(rs->changes);
    }
    ms_series_set_free(&rs->series);
    ms_figure_set_free(&rs->derived);
    ms_findings_free(&rs->findings);
    ms_chart_list_free(&rs->charts);
}

static ms_status compute(const ms_figure_set *figures, const ms_metric_registry *metrics,
                         report_state *rs)
{
    ms_status st = ms_series_group(figures, &rs->series, &rs->n_undated);
    if (st != MS_OK)
        return st;
    rs->changes = calloc(rs->series.count ? rs->series.count : 1, sizeof *rs->changes);
    if (!rs->changes)
        return MS_ERR_NOMEM;
    for (size_t i = 0; i < rs->series.count; i++) {
        const ms_series *s = &rs->series.items[i];
        if (s->key.kind != MS_KIND_COUNT)
            continue;
        st = ms_stats_changes(s, MS_CHANGE_PREVIOUS, &rs->changes[i]);
        if (st != MS_OK)
            return st;
        for (size_t k = 0; k < rs->changes[i].count; k++) {
            const ms_change *c = &rs->changes[i].items[k];
            if (c->status == MS_CHANGE_GAP)
                rs->n_gaps++;
            if (c->status == MS_CHANGE_OK && (st = ms_change_to_figures(c, &rs->derived)) != MS_OK)
                return st;
        }
    }
    ms_diag ratio_diag;
    ms_diag_init(&ratio_diag);
    for (size_t i = 0; i < sizeof default_ratios / sizeof default_ratios[0] && st == MS_OK; i++)
        st = ms_stats_ratio(figures, default_ratios[i][0], default_ratios[i][1], &rs->derived, &ratio_diag);
    /* the report pairs metrics opportunistically: a figure without a
     * partner is normal here, so the ratio warnings are not repeated */
    ms_diag_free(&ratio_diag);
    if (st != MS_OK)
        return st;
    ms_check_options check = {.metrics = metrics};
    return ms_check_run(figures, &check, &rs->findings);
}

static ms_status make_dir(const char *path, ms_strbuf *err)
{
    if (mkdir(path, 0755) == 0 || errno == EEXIST)
        return MS_OK;
    ms_strbuf_printf(err, "%s: cannot create folder: %s\n", path, strerror(errno));
    return MS_ERR_IO;
}

static ms_status draw_charts(report_state *rs, const ms_report_options *opt, ms_strbuf *err)
{
    ms_strbuf dir;
    ms_strbuf_init(&dir);
    ms_strbuf_printf(&dir, "%s/charts", opt->out_dir);
    ms_status st = ms_strbuf_failed(&dir) ? MS_ERR_NOMEM : make_dir(ms_strbuf_str(&dir), err);
    ms_gnuplot *gp = NULL;
    if (st == MS_OK)
        st = ms_gnuplot_start(&gp, opt->gnuplot, 60.0, err);
    if (st == MS_OK) {
        st = ms_plot_metric_charts(gp, &rs->series, opt->metrics, ms_strbuf_str(&dir),
                                   opt->chart_formats, &rs->charts, err);
        ms_status fst = ms_gnuplot_finish(gp, err);
        if (st == MS_OK)
            st = fst;
    }
    ms_strbuf_free(&dir);
    return st;
}

/* ---------------------------------------------------------- sections */

static void section_summary(const ms_figure_set *figures, const report_state *rs,
                            const ms_report_options *opt, ms_strbuf *sb)
{
    size_t n_sources = 0, n_metrics = 0;
    for (size_t i = 0; i < figures->count; i++) {
        bool seen_src = false, seen_metric = false;
        for (size_t j = 0; j < i && !(seen_src && seen_metric); j++) {
            seen_src = seen_src || ms_str_eq(figures->items[j].source, figures->items[i].source);
            seen_metric = seen_metric || ms_str_eq(figures->items[j].metric, figures->items[i].metric);
        }
        n_sources += !seen_src;
        n_metrics += !seen_metric;
    }
    size_t n_conflicts = ms_findings_count(&rs->findings, MS_FINDING_CONFLICT);
    size_t n_agree = ms_findings_count(&rs->findings, MS_FINDING_OK);
    ms_strbuf_puts(sb, "## Summary\n\n");
    ms_strbuf_printf(sb, "- **%zu figures** of %zu metrics from %zu sources", figures->count, n_metrics, n_sources);
    if (opt->accounting)
        ms_strbuf_printf(sb, " (%zu input records read, %zu rejected)", opt->accounting->n_read,
                         opt->accounting->n_rejected);
    ms_strbuf_puts(sb, ".\n");
    ms_strbuf_printf(sb, "- **%zu conflicts** and %zu agreements between sources stating the same figure.\n",
                     n_conflicts, n_agree);
    ms_strbuf_printf(sb, "- %zu changes and ratios computed, with intervals carried from hedges and rounding; "
                         "%zu gaps where the period compared with has no figure.\n",
                     rs->derived.count, rs->n_gaps);
    if (rs->n_undated)
        ms_strbuf_printf(sb, "- %zu figures have no period and are in no series.\n", rs->n_undated);
    ms_strbuf_puts(sb, "\nIntervals: `[a – b)` includes a and excludes b; a count stated as \"144\" allows "
                       "[143.5 – 144.5), \"more than 140\" allows (140 – 150]. Two counts agree when their "
                       "intervals share a whole number.\n\n");
}

static void section_findings(const report_state *rs, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, "## Consistency findings\n\n");
    if (rs->findings.count == 0) {
        ms_strbuf_puts(sb, "No figure is stated by more than one source.\n\n");
        return;
    }
    ms_strbuf_puts(sb, "| finding | rule | what | figures |\n|---|---|---|---|\n");
    /* conflicts first, then the notes, then agreements */
    const ms_finding_severity order[] = {MS_FINDING_CONFLICT, MS_FINDING_MISMATCH,
                                         MS_FINDING_REVISION, MS_FINDING_WEAK, MS_FINDING_OK};
    for (size_t o = 0; o < sizeof order / sizeof order[0]; o++) {
        for (size_t i = 0; i < rs->findings.count; i++) {
            const ms_finding *f = &rs->findings.items[i];
            if (f->severity != order[o])
                continue;
            ms_strbuf_puts(sb, f->severity == MS_FINDING_CONFLICT ? "| **conflict** | " : "| ");
            if (f->severity != MS_FINDING_CONFLICT) {
                ms_strbuf_puts(sb, ms_finding_severity_name(f->severity));
                ms_strbuf_puts(sb, " | ");
            }
            ms_md_text(f->rule, sb);
            ms_strbuf_puts(sb, " | ");
            ms_md_text(f->message, sb);
            ms_strbuf_puts(sb, " | ");
            for (size_t k = 0; k < f->n_figures; k++) {
                if (k)
                    ms_strbuf_puts(sb, ", ");
                md_figure_ref(f->figures[k], sb);
            }
            ms_strbuf_puts(sb, " |\n");
        }
    }
    ms_strbuf_putc(sb, '\n');
}

/* Latest figure of each series of metric m (counts and stated changes). */
static void table_latest(const report_state *rs, const char *metric, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, "| place · subject | kind | period | stated | interval | source | published | figure |\n"
                       "|---|---|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < rs->series.count; i++) {
        const ms_series *s = &rs->series.items[i];
        if (strcmp(s->key.metric, metric) != 0 || s->count == 0)
            continue;
        const ms_figure *f = s->items[s->count - 1];
        ms_strbuf_puts(sb, "| ");
        md_key(&s->key, sb);
        ms_strbuf_puts(sb, " | ");
        ms_strbuf_puts(sb, ms_kind_name(f->kind));
        ms_strbuf_puts(sb, " | ");
        ms_fmt_period(f->period, sb);
        if (!ms_period_is_none(f->base)) {
            ms_strbuf_puts(sb, " vs ");
            ms_fmt_period(f->base, sb);
        }
        ms_strbuf_puts(sb, " | ");
        md_value_with_hedge(f, sb);
        ms_strbuf_puts(sb, " | ");
        ms_fmt_interval(f->range, 0, sb);
        ms_strbuf_puts(sb, " | ");
        ms_md_text(f->source, sb);
        if (f->url && *f->url) {
            ms_strbuf_puts(sb, " ([link](");
            for (const char *p = f->url; *p; p++)
                if (*p != ')' && *p != ' ' && *p != '|' && (unsigned char)*p >= 0x20)
                    ms_strbuf_putc(sb, *p);
            ms_strbuf_puts(sb, "))");
        }
        ms_strbuf_puts(sb, " | ");
        md_date(f->published, sb);
        ms_strbuf_puts(sb, " | ");
        md_figure_ref(f, sb);
        ms_strbuf_puts(sb, " |\n");
    }
    ms_strbuf_putc(sb, '\n');
}

static void table_changes(const report_state *rs, const char *metric, ms_strbuf *sb)
{
    size_t rows = 0;
    for (size_t i = 0; i < rs->series.count; i++) {
        if (strcmp(rs->series.items[i].key.metric, metric) != 0)
            continue;
        const ms_change_list *l = &rs->changes[i];
        for (size_t k = 0; k < l->count; k++) {
            if (l->items[k].status == MS_CHANGE_FIRST)
                continue;
            if (rows++ == 0) {
                ms_strbuf_puts(sb, "**Computed changes** (each period against the one before; "
                                   "a span such as Jan–Jul against the same months a year earlier)\n\n");
                ms_report_md_change_header(sb);
            }
            ms_report_md_change_row(&l->items[k], sb);
        }
    }
    if (rows)
        ms_strbuf_putc(sb, '\n');
}

static void table_ratios(const report_state *rs, const char *metric, ms_strbuf *sb)
{
    size_t rows = 0;
    size_t mlen = strlen(metric);
    for (size_t i = 0; i < rs->derived.count; i++) {
        const ms_figure *f = &rs->derived.items[i];
        if (f->kind != MS_KIND_RATIO || strncmp(f->metric, metric, mlen) != 0 ||
            strncmp(f->metric + mlen, "_per_", 5) != 0)
            continue;
        if (rows++ == 0)
            ms_strbuf_puts(sb, "**Ratios**\n\n| ratio | place · subject | period | value | interval | source | from |\n"
                               "|---|---|---|---|---|---|---|\n");
        ms_series_key k = ms_series_key_of(f);
        ms_strbuf_puts(sb, "| ");
        ms_md_text(f->metric, sb);
        ms_strbuf_puts(sb, " | ");
        md_key(&k, sb);
        ms_strbuf_puts(sb, " | ");
        ms_fmt_period(f->period, sb);
        ms_strbuf_puts(sb, " | ");
        ms_fmt_number_sig(f->value, 3, sb);
        ms_strbuf_puts(sb, " | ");
        ms_fmt_interval(f->range, 3, sb);
        ms_strbuf_puts(sb, " | ");
        ms_md_text(f->source, sb);
        ms_strbuf_puts(sb, " | ");
        for (size_t j = 0; j < f->n_inputs; j++) {
            if (j)
                ms_strbuf_puts(sb, ", ");
            md_code(f->inputs[j], sb);
        }
        ms_strbuf_puts(sb, " |\n");
    }
    if (rows)
        ms_strbuf_putc(sb, '\n');
}

static const ms_chart_file *chart_of(const report_state *rs, const char *metric)
{
    for (size_t i = 0; i < rs->charts.count; i++)
        if (strcmp(rs->charts.items[i].metric, metric) == 0)
            return &rs->charts.items[i];
    return NULL;
}

static void section_metrics(const report_state *rs, const ms_report_options *opt, ms_strbuf *sb)
{
    /* metrics in the order their series come (sorted by name) */
    for (size_t i = 0; i < rs->series.count; i++) {
        const char *metric = rs->series.items[i].key.metric;
        if (i > 0 && strcmp(rs->series.items[i - 1].key.metric, metric) == 0)
            continue;
        const ms_metric *m = ms_metric_find(opt->metrics, metric);
        ms_strbuf_puts(sb, "## ");
        if (m && m->description && *m->description) {
            ms_strbuf_putc(sb, (char)(m->description[0] >= 'a' && m->description[0] <= 'z'
                                          ? m->description[0] - 'a' + 'A' : m->description[0]));
            ms_md_text(m->description + 1, sb);
        } else {
            ms_md_text(metric, sb);
        }
        ms_strbuf_puts(sb, " (");
        md_code(metric, sb);
        ms_strbuf_puts(sb, ")\n\n");
        const ms_chart_file *chart = chart_of(rs, metric);
        if (chart) {
            const char *ext = (opt->chart_formats & MS_PLOT_SVG) ? "svg" : (opt->chart_formats & MS_PLOT_PNG) ? "png" : NULL;
            if (ext)
                ms_strbuf_printf(sb, "![%s over time](charts/%s.%s)\n\n", chart->file_stem, chart->file_stem, ext);
        }
        ms_strbuf_puts(sb, "**Latest figure of each series**\n\n");
        table_latest(rs, metric, sb);
        table_changes(rs, metric, sb);
        table_ratios(rs, metric, sb);
    }
}

static void section_sources(const ms_figure_set *figures, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, "## Sources\n\n| source | published | figures | link |\n|---|---|---|---|\n");
    for (size_t i = 0; i < figures->count; i++) {
        const ms_figure *f = &figures->items[i];
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = ms_str_eq(figures->items[j].source, f->source) &&
                   figures->items[j].published == f->published;
        if (seen)
            continue;
        size_t n = 0;
        const char *url = NULL;
        for (size_t j = i; j < figures->count; j++) {
            const ms_figure *g = &figures->items[j];
            if (ms_str_eq(g->source, f->source) && g->published == f->published) {
                n++;
                if (!url && g->url && *g->url)
                    url = g->url;
            }
        }
        ms_strbuf_puts(sb, "| ");
        ms_md_text(f->source, sb);
        ms_strbuf_puts(sb, " | ");
        md_date(f->published, sb);
        ms_strbuf_printf(sb, " | %zu | ", n);
        ms_md_text(url, sb);
        ms_strbuf_puts(sb, " |\n");
    }
    ms_strbuf_putc(sb, '\n');
}

static void section_accounting(const ms_report_options *opt, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, "## Accounting\n\n");
    if (opt->n_inputs) {
        ms_strbuf_puts(sb, "Inputs: ");
        for (size_t i = 0; i < opt->n_inputs; i++) {
            if (i)
                ms_strbuf_puts(sb, ", ");
            md_code(opt->inputs[i], sb);
        }
        ms_strbuf_puts(sb, ".\n\n");
    }
    const ms_diag *d = opt->accounting;
    if (!d) {
        ms_strbuf_puts(sb, "No accounting was recorded.\n");
        return;
    }
    ms_strbuf_puts(sb, "Records: ");
    ms_diag_format_counts(d, sb);
    ms_strbuf_puts(sb, ".\n\n");
    if (d->count) {
        ms_strbuf_puts(sb, "Problems found while reading:\n\n");
        for (size_t i = 0; i < d->count; i++) {
            ms_strbuf_puts(sb, "- ");
            ms_strbuf entry;
            ms_strbuf_init(&entry);
            ms_diag_format_entry(&d->entries[i], &entry);
            md_code(ms_strbuf_str(&entry), sb);
            ms_strbuf_free(&entry);
            ms_strbuf_putc(sb, '\n');
        }
        if (d->n_dropped)
            ms_strbuf_printf(sb, "- … and %zu more\n", d->n_dropped);
    }
}

/* ---------------------------------------------------------- entry point */

static ms_status write_figures_jsonl(const ms_figure_set *figures, const ms_figure_set *derived,
                                     const char *dir, ms_strbuf *err)
{
    ms_strbuf body, path;
    ms_strbuf_init(&body);
    ms_strbuf_init(&path);
    for (size_t i = 0; i < figures->count; i++)
        ms_jsonl_format_figure(&figures->items[i], &body);
    for (size_t i = 0; i < derived->count; i++)
        ms_jsonl_format_figure(&derived->items[i], &body);
    ms_strbuf_printf(&path, "%s/figures.jsonl", dir);
    ms_status st = (ms_strbuf_failed(&body) || ms_strbuf_failed(&path))
                       ? MS_ERR_NOMEM : ms_atomic_write(ms_strbuf_str(&path), body.data ? body.data : "", body.len);
    if (st == MS_ERR_IO)
        ms_strbuf_printf(err, "%s: cannot write\n", ms_strbuf_str(&path));
    ms_strbuf_free(&body);
    ms_strbuf_free(&path);
    return st;
}

ms_status ms_report_write(const ms_figure_set *figures, const ms_report_options *opt, ms_strbuf *err)
{
    report_state rs;
    memset(&rs, 0, sizeof rs);
    ms_figure_set_init(&rs.derived);
    ms_status st = make_dir(opt->out_dir, err);
    if (st == MS_OK)
        st = compute(figures, opt->metrics, &rs);
    if (st == MS_OK && opt->charts)
        st = draw_charts(&rs, opt, err);
    if (st == MS_OK)
        st = write_figures_jsonl(figures, &rs.derived, opt->out_dir, err);
    if (st != MS_OK) {
        state_free(&rs);
        return st;
    }

    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_strbuf_printf(&sb, "# Migration figures report\n\n_Made by migstat %s. Every number links to the "
                          "figure it came from (`file:line` of a table, or the id in `figures.jsonl`)._\n\n",
                     MS_VERSION);
    section_summary(figures, &rs, opt, &sb);
    section_findings(&rs, &sb);
    section_metrics(&rs, opt, &sb);
    section_sources(figures, &sb);
    section_accounting(opt, &sb);

    ms_strbuf path;
    ms_strbuf_init(&path);
    ms_strbuf_printf(&path, "%s/report.md", opt->out_dir);
    if (ms_strbuf_failed(&sb) || ms_strbuf_failed(&path))
        st = MS_ERR_NOMEM;
    else if ((st = ms_atomic_write(ms_strbuf_str(&path), sb.data, sb.len)) != MS_OK)
        ms_strbuf_printf(err, "%s: cannot write\n", ms_strbuf_str(&path));
    ms_strbuf_free(&path);
    ms_strbuf_free(&sb);
    state_free(&rs);
    return st;
}
