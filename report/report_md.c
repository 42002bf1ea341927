/* report_md.c — the Markdown report (report.md): summary, headline
 * figures, changes and ratios per metric, consistency findings with the
 * quotes and table cells behind them, charts, sources, evidence and
 * accounting. Also the Markdown table of changes `migstat change --to md`
 * prints. Input-derived text goes through ms_md_text or a code span. */
#include "report/model.h"
#include "plots/plots.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

/* ---------------------------------------------------------- report pieces */

static void md_date(int32_t day, ms_strbuf *sb)
{
    if (day == MS_DAY_NONE)
        ms_strbuf_puts(sb, "—");
    else
        report_format_date(day, sb);
}

/* "source (outlet)" for a figure. */
static void md_source(const report_model *m, const ms_figure *f, ms_strbuf *sb)
{
    ms_md_text(f->source, sb);
    const report_source *src = report_source_of(m, f);
    if (src && src->outlet) {
        ms_strbuf_puts(sb, " (");
        ms_md_text(src->outlet, sb);
        ms_strbuf_putc(sb, ')');
    }
}

/* The evidence of a figure: its quote, or the table cell it was read from. */
static void md_evidence(const ms_figure *f, ms_strbuf *sb)
{
    if (f->quote && *f->quote) {
        ms_strbuf_puts(sb, "“");
        ms_md_text(f->quote, sb);
        ms_strbuf_puts(sb, "”");
    } else if (f->line > 0) {
        ms_strbuf_puts(sb, "table row ");
        ms_strbuf tmp;
        ms_strbuf_init(&tmp);
        report_format_cell(f, &tmp);
        md_code(ms_strbuf_str(&tmp), sb);
        ms_strbuf_free(&tmp);
    } else {
        ms_strbuf_puts(sb, "—");
    }
}

/* ---------------------------------------------------------- sections */

static void section_summary(const report_model *m, ms_strbuf *sb)
{
    const ms_report_options *opt = m->opt;
    size_t n_conflicts = ms_findings_count(&m->findings, MS_FINDING_CONFLICT);
    size_t n_agree = ms_findings_count(&m->findings, MS_FINDING_OK);
    ms_strbuf_puts(sb, "## Summary\n\n");
    ms_strbuf_printf(sb, "- **%zu figures** of %zu metrics from %zu sources", m->figures->count,
                     m->n_metrics, m->n_sources);
    if (opt->accounting)
        ms_strbuf_printf(sb, " (%zu input records read, %zu rejected)", opt->accounting->n_read,
                         opt->accounting->n_rejected);
    ms_strbuf_puts(sb, ".\n");
    ms_strbuf_printf(sb, "- **%zu conflicts** and %zu agreements between sources stating the same figure.\n",
                     n_conflicts, n_agree);
    ms_strbuf_printf(sb, "- %zu changes and ratios computed, with intervals carried from hedges and rounding; "
                         "%zu gaps where the period compared with has no figure.\n",
                     m->derived.count, m->n_gaps);
    if (m->n_undated)
        ms_strbuf_printf(sb, "- %zu figures have no period and are in no series.\n", m->n_undated);
    ms_strbuf_puts(sb, "\nIntervals: `[a – b)` includes a and excludes b; a count stated as \"144\" allows "
                       "[143.5 – 144.5), \"more than 140\" allows (140 – 150]. Two counts agree when their "
                       "intervals share a whole number.\n\n");
}

static void md_change_text(const report_headline *h, ms_strbuf *sb)
{
    if (h->change) {
        ms_fmt_percent(h->change->pct_value, sb);
        ms_strbuf_puts(sb, " on ");
        ms_fmt_period(h->change->base, sb);
        ms_strbuf_puts(sb, " (computed, ");
        ms_fmt_interval(h->change->pct_range, 3, sb);
        ms_strbuf_puts(sb, ")");
        if (h->stated_change)
            ms_strbuf_puts(sb, "; ");
    }
    if (h->stated_change) {
        report_put_formatted(h->stated_change, report_format_value, ms_md_text, sb);
        if (!ms_period_is_none(h->stated_change->base)) {
            ms_strbuf_puts(sb, " on ");
            ms_fmt_period(h->stated_change->base, sb);
        }
        ms_strbuf_puts(sb, " (stated)");
    }
    if (!h->change && !h->stated_change)
        ms_strbuf_puts(sb, "—");
}

static void section_headline(const report_model *m, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, "## Headline figures\n\nThe latest figure of each metric, with its change and every "
                       "source that states it.\n\n");
    if (m->n_headlines == 0) {
        ms_strbuf_puts(sb, "No count was stated.\n\n");
        return;
    }
    ms_strbuf_puts(sb, "| metric | stated | interval | period | place · subject | change | sources |\n"
                       "|---|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < m->n_headlines; i++) {
        const report_headline *h = &m->headlines[i];
        const ms_figure *f = h->figure;
        ms_strbuf_puts(sb, "| ");
        report_put_title(m, f->metric, ms_md_text, sb);
        ms_strbuf_puts(sb, " | **");
        report_put_formatted(f, report_format_value, ms_md_text, sb);
        ms_strbuf_puts(sb, "** | ");
        ms_fmt_interval(f->range, 0, sb);
        ms_strbuf_puts(sb, " | ");
        ms_fmt_period(f->period, sb);
        ms_strbuf_puts(sb, " | ");
        report_put_formatted(f, report_format_where, ms_md_text, sb);
        ms_strbuf_puts(sb, " | ");
        md_change_text(h, sb);
        if (h->n_conflicts)
            ms_strbuf_printf(sb, " (sources disagree: %zu conflict%s)", h->n_conflicts,
                             h->n_conflicts == 1 ? "" : "s");
        ms_strbuf_puts(sb, " | ");
        for (size_t k = 0; k < h->n_sources; k++) {
            const ms_figure *g = h->sources[k];
            if (k)
                ms_strbuf_puts(sb, "; ");
            md_source(m, g, sb);
            if (k) { /* the others' values, for comparison */
                ms_strbuf_puts(sb, ": ");
                report_put_formatted(g, report_format_value, ms_md_text, sb);
            }
            ms_strbuf_puts(sb, " ");
            md_figure_ref(g, sb);
        }
        ms_strbuf_puts(sb, " |\n");
    }
    ms_strbuf_putc(sb, '\n');
}

/* Latest figure of each series of metric m (counts and stated changes). */
static void table_latest(const report_model *m, const char *metric, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, "| place · subject | kind | period | stated | interval | source | published | figure |\n"
                       "|---|---|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < m->series.count; i++) {
        const ms_series *s = &m->series.items[i];
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
        report_put_formatted(f, report_format_value, ms_md_text, sb);
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

static void table_changes(const report_model *m, const char *metric, ms_strbuf *sb)
{
    size_t rows = 0;
    for (size_t i = 0; i < m->series.count; i++) {
        if (strcmp(m->series.items[i].key.metric, metric) != 0)
            continue;
        const ms_change_list *l = &m->changes[i];
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

/* Is f a ratio whose numerator is `metric` ("<metric>_per_...")? */
static bool ratio_of(const ms_figure *f, const char *metric)
{
    size_t n = strlen(metric);
    return f->kind == MS_KIND_RATIO && strncmp(f->metric, metric, n) == 0 &&
           strncmp(f->metric + n, "_per_", 5) == 0;
}

static void table_ratios(const report_model *m, const char *metric, ms_strbuf *sb)
{
    size_t rows = 0;
    for (size_t i = 0; i < m->derived.count; i++) {
        const ms_figure *f = &m->derived.items[i];
        if (!ratio_of(f, metric))
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

static void section_changes(const report_model *m, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, "## Changes and ratios\n\n");
    /* metrics in the order their series come (sorted by name) */
    for (size_t i = 0; i < m->series.count; i++) {
        const char *metric = m->series.items[i].key.metric;
        if (i > 0 && strcmp(m->series.items[i - 1].key.metric, metric) == 0)
            continue;
        ms_strbuf_puts(sb, "### ");
        report_put_title(m, metric, ms_md_text, sb);
        ms_strbuf_puts(sb, " (");
        md_code(metric, sb);
        ms_strbuf_puts(sb, ")\n\n**Latest figure of each series**\n\n");
        table_latest(m, metric, sb);
        table_changes(m, metric, sb);
        table_ratios(m, metric, sb);
    }
}

static void md_computed(const ms_computed *c, ms_strbuf *sb)
{
    ms_md_text(c->name, sb);
    ms_strbuf_puts(sb, " ");
    if (isfinite(c->value)) {
        ms_fmt_number_sig(c->value, 4, sb);
        ms_strbuf_putc(sb, ' ');
    }
    ms_fmt_interval(c->range, 4, sb);
}

static void section_findings(const report_model *m, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, "## Consistency findings\n\n");
    if (m->findings.count == 0) {
        ms_strbuf_puts(sb, "No figure is stated by more than one source.\n\n");
        return;
    }
    ms_strbuf_puts(sb, "Conflicts first, then possible definition mismatches, revisions, weak "
                       "agreements and agreements; under each, the statements behind it.\n\n");
    for (size_t i = 0; i < m->findings.count; i++) {
        const ms_finding *f = m->ordered[i];
        ms_strbuf_printf(sb, "%zu. %s%s%s · `", i + 1, f->severity == MS_FINDING_CONFLICT ? "**" : "",
                         ms_finding_severity_name(f->severity),
                         f->severity == MS_FINDING_CONFLICT ? "**" : "");
        for (const char *p = f->rule; p && *p; p++)
            if (*p != '`' && (unsigned char)*p >= 0x20)
                ms_strbuf_putc(sb, *p);
        ms_strbuf_puts(sb, "`: ");
        ms_md_text(f->message, sb);
        ms_strbuf_putc(sb, '\n');
        for (size_t k = 0; k < f->n_figures; k++) {
            const ms_figure *g = f->figures[k];
            ms_strbuf_puts(sb, "    - ");
            md_figure_ref(g, sb);
            ms_strbuf_puts(sb, " ");
            md_source(m, g, sb);
            ms_strbuf_puts(sb, ", published ");
            md_date(g->published, sb);
            ms_strbuf_puts(sb, ": ");
            md_evidence(g, sb);
            ms_strbuf_putc(sb, '\n');
        }
        for (size_t k = 0; k < f->n_computed; k++) {
            ms_strbuf_puts(sb, "    - computed: ");
            md_computed(&f->computed[k], sb);
            ms_strbuf_putc(sb, '\n');
        }
    }
    ms_strbuf_putc(sb, '\n');
}

static void section_charts(const report_model *m, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, "## Charts\n\n");
    if (m->n_charts == 0) {
        ms_strbuf_puts(sb, "No charts were drawn.\n\n");
        return;
    }
    for (size_t i = 0; i < m->n_charts; i++) {
        const report_chart *c = &m->charts[i];
        const char *ext = (c->formats & MS_PLOT_SVG) ? "svg" : (c->formats & MS_PLOT_PNG) ? "png" : "pdf";
        ms_strbuf_puts(sb, "![");
        ms_md_text(c->title, sb);
        /* file stems are [a-z0-9_-] (plots/metric_charts.h) */
        ms_strbuf_printf(sb, "](charts/%s.%s)\n\n", c->file_stem, ext);
    }
}

static void section_sources(const report_model *m, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, "## Sources\n\n| source | outlet | published | kind | figures | link |\n"
                       "|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < m->n_sources; i++) {
        const report_source *src = &m->sources[i];
        ms_strbuf_puts(sb, "| ");
        ms_md_text(src->source, sb);
        ms_strbuf_puts(sb, " | ");
        ms_md_text(src->outlet ? src->outlet : "", sb);
        ms_strbuf_puts(sb, " | ");
        md_date(src->published, sb);
        ms_strbuf_printf(sb, " | %s | %zu | ", src->article ? "article" : "table", src->n_figures);
        ms_md_text(src->url ? src->url : "", sb);
        ms_strbuf_puts(sb, " |\n");
    }
    ms_strbuf_putc(sb, '\n');
}

static void section_evidence(const report_model *m, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, "## Evidence\n\nEvery stated figure the report names, with the quote or the table row "
                       "it was read from.\n\n| figure | metric | period | place · subject | stated | source | "
                       "published | evidence |\n|---|---|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < m->n_cited; i++) {
        if (!m->cited[i])
            continue;
        const ms_figure *f = &m->figures->items[i];
        ms_strbuf_puts(sb, "| ");
        md_figure_ref(f, sb);
        ms_strbuf_puts(sb, " | ");
        ms_md_text(f->metric, sb);
        if (f->kind != MS_KIND_COUNT) {
            ms_strbuf_puts(sb, " ");
            ms_md_text(ms_kind_name(f->kind), sb);
        }
        ms_strbuf_puts(sb, " | ");
        ms_fmt_period(f->period, sb);
        ms_strbuf_puts(sb, " | ");
        report_put_formatted(f, report_format_where, ms_md_text, sb);
        ms_strbuf_puts(sb, " | ");
        report_put_formatted(f, report_format_value, ms_md_text, sb);
        ms_strbuf_puts(sb, " | ");
        md_source(m, f, sb);
        ms_strbuf_puts(sb, " | ");
        md_date(f->published, sb);
        ms_strbuf_puts(sb, " | ");
        md_evidence(f, sb);
        ms_strbuf_puts(sb, " |\n");
    }
    ms_strbuf_putc(sb, '\n');
}

static void section_accounting(const report_model *m, ms_strbuf *sb)
{
    const ms_report_options *opt = m->opt;
    ms_strbuf_puts(sb, "## Accounting\n\n");
    if (opt->n_input_stats) {
        ms_strbuf_puts(sb, "| input | kind | read | accepted | rejected | missing | skipped | notes |\n"
                           "|---|---|---|---|---|---|---|---|\n");
        for (size_t i = 0; i < opt->n_input_stats; i++) {
            const ms_report_input *in = &opt->input_stats[i];
            ms_strbuf_puts(sb, "| ");
            md_code(in->name, sb);
            ms_strbuf_printf(sb, " | %s | %zu | %zu | %zu | %zu | %zu | ", in->article ? "article" : "table",
                             in->read, in->accepted, in->rejected, in->missing, in->skipped);
            if (in->article) {
                ms_strbuf_printf(sb, "%zu number-like spans, %zu figures", in->read, in->accepted);
                if (in->lang)
                    ms_strbuf_printf(sb, "; language %s", in->lang);
                ms_strbuf_puts(sb, "; published ");
                if (in->published == MS_DAY_NONE)
                    ms_strbuf_puts(sb, "unknown (relative periods unresolved)");
                else
                    report_format_date(in->published, sb);
            }
            ms_strbuf_puts(sb, " |\n");
        }
        ms_strbuf_putc(sb, '\n');
        size_t rows = 0;
        for (size_t i = 0; i < opt->n_input_stats; i++) {
            const ms_report_input *in = &opt->input_stats[i];
            for (size_t k = 0; k < in->n_skips; k++) {
                if (rows++ == 0)
                    ms_strbuf_puts(sb, "**What produced no figure**: number-like spans of the articles "
                                       "that were not read as figures, by reason.\n\n| input | reason | "
                                       "spans |\n|---|---|---|\n");
                ms_strbuf_puts(sb, "| ");
                md_code(in->name, sb);
                ms_strbuf_puts(sb, " | ");
                ms_md_text(in->skips[k].reason, sb);
                ms_strbuf_printf(sb, " | %zu |\n", in->skips[k].count);
            }
        }
        if (rows)
            ms_strbuf_putc(sb, '\n');
    } else if (opt->n_inputs) {
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

void report_write_md(const report_model *m, ms_strbuf *sb)
{
    ms_strbuf_printf(sb, "# Migration figures report\n\n_Made by migstat %s. Every number names the "
                         "figure it came from (`file:line` of a table, or the id in `figures.jsonl`); "
                         "the Evidence section gives each one's quote or table row._\n\n",
                     MS_VERSION);
    section_summary(m, sb);
    section_headline(m, sb);
    section_changes(m, sb);
    section_findings(m, sb);
    section_charts(m, sb);
    section_sources(m, sb);
    section_evidence(m, sb);
    section_accounting(m, sb);
}
