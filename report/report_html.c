/* report_html.c — report.html: one self-contained page (inline CSS, the SVG
 * charts inlined, no script, no font or image from anywhere; a Content
 * Security Policy says so to the browser too), readable on a phone (cards
 * that reflow, tables that scroll sideways) and on paper (print CSS).
 *
 * Every input-derived string goes through ms_html_text (html_escape.c);
 * what is written here unescaped is markup made here, numbers formatted by
 * format.c, and SVG files drawn by gnuplot from ms_gp_quote'd labels
 * (checked before they are embedded, see embed_svg). Each headline number
 * links to its row in the evidence table (anchors "fig-<index>"). */
#include "report/model.h"
#include "core/read_file.h"
#include "plots/plots.h"

#include <ctype.h>
#include <math.h>
#include <string.h>
#include <strings.h>

/* Largest SVG file embedded (a chart is tens of KB). */
#define MAX_SVG_BYTES ((size_t)16 << 20)

static const char *const page_css[] = {
    ":root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--soft:#f6f8fa;--accent:#0b5cad;"
    "--bad:#b42318;--warn:#9a6700;--good:#1a7f37;--rev:#6639ba}\n",
    "*{box-sizing:border-box}\n",
    "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n",
    "body{margin:0;font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\","
    "\"Liberation Sans\",Arial,sans-serif;color:var(--fg);background:#fff}\n",
    ".wrap{max-width:74rem;margin:0 auto;padding:0 1rem}\n",
    "h1{font-size:1.7rem;line-height:1.25;margin:1.2rem 0 .3rem}\n",
    "h2{font-size:1.3rem;margin:2.2rem 0 .6rem;padding-top:.6rem;border-top:2px solid var(--line)}\n",
    "h3{font-size:1.05rem;margin:1.4rem 0 .4rem}\n",
    "p{margin:.4rem 0}\n",
    "a{color:var(--accent);text-underline-offset:.22em}\n",
    ".meta,.muted{color:var(--muted)}\n",
    ".meta{margin:0 0 .6rem}\n",
    "nav{display:flex;flex-wrap:wrap;gap:.2rem 1rem;padding:.5rem 0;border-top:1px solid var(--line);"
    "border-bottom:1px solid var(--line);font-size:.95rem}\n",
    ".facts{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:.6rem 0;list-style:none}\n",
    ".facts li{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.3rem .7rem}\n",
    ".facts b{font-variant-numeric:tabular-nums}\n",
    ".facts .bad{border-color:var(--bad);color:var(--bad)}\n",
    ".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.8rem}\n",
    ".card{border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;background:var(--soft);"
    "min-width:0}\n",
    ".card h3{margin:0;font-size:.95rem;font-weight:600}\n",
    ".card .metric{color:var(--muted);font-size:.8rem;margin:0}\n",
    ".card .big{font-size:1.75rem;font-weight:700;line-height:1.2;margin:.35rem 0 .1rem;"
    "font-variant-numeric:tabular-nums}\n",
    ".card .big a{color:inherit;text-decoration:none;border-bottom:2px dotted var(--accent)}\n",
    ".card p{font-size:.9rem}\n",
    ".chg{font-weight:600}\n",
    ".disputed{font-weight:600}.disputed a{color:var(--bad)}\n",
    ".src{overflow-wrap:anywhere}\n",
    ".scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.4rem 0 1rem;"
    "border:1px solid var(--line);border-radius:6px}\n",
    "table{border-collapse:collapse;width:100%;font-size:.88rem}\n",
    ".cap{font-weight:600;margin:.8rem 0 .2rem}\n",
    "td.notes{min-width:15rem}\n",
    "th,td{padding:.35rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}\n",
    "th{background:var(--soft);white-space:nowrap;font-weight:600}\n",
    "tbody tr:last-child td{border-bottom:none}\n",
    "td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n",
    "td.nw{white-space:nowrap}\n",
    "td.quote{min-width:16rem;max-width:34rem}\n",
    "tr:target{background:#fff3bf}\n",
    "code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,\"Liberation Mono\",monospace;"
    "font-size:.85em;background:var(--soft);padding:0 .2em;border-radius:3px;overflow-wrap:anywhere}\n",
    "q{font-style:italic}\n",
    "td code{white-space:nowrap;overflow-wrap:normal}\n",
    ".finding{border:1px solid var(--line);border-left:5px solid var(--muted);border-radius:6px;"
    "padding:.5rem .9rem;margin:.7rem 0;background:#fff}\n",
    ".finding p{margin:.25rem 0}\n",
    ".finding ul{margin:.3rem 0;padding-left:1.2rem;font-size:.9rem}\n",
    ".finding li{margin:.2rem 0;overflow-wrap:anywhere}\n",
    ".badge{display:inline-block;font-size:.72rem;font-weight:700;text-transform:uppercase;"
    "letter-spacing:.04em;padding:.05rem .5rem;border-radius:999px;color:#fff;background:var(--muted);"
    "margin-right:.3rem;vertical-align:.1em}\n",
    ".sev-conflict{border-left-color:var(--bad)}.sev-conflict .badge{background:var(--bad)}\n",
    ".sev-mismatch,.sev-weak{border-left-color:var(--warn)}.sev-mismatch .badge,.sev-weak .badge"
    "{background:var(--warn)}\n",
    ".sev-revision{border-left-color:var(--rev)}.sev-revision .badge{background:var(--rev)}\n",
    ".sev-ok{border-left-color:var(--good)}.sev-ok .badge{background:var(--good)}\n",
    "figure.chart{margin:1rem 0 1.6rem;padding:0}\n",
    "figure.chart figcaption{font-weight:600;margin-bottom:.3rem}\n",
    "figure.chart svg{display:block;width:100%;max-width:60rem;height:auto;border:1px solid var(--line);"
    "border-radius:6px}\n",
    ".files{font-size:.85rem}\n",
    "footer{margin:2.5rem auto 2rem;color:var(--muted);font-size:.85rem}\n",
    "@media (max-width:40rem){body{font-size:15px}h1{font-size:1.35rem}.card .big{font-size:1.5rem}"
    ".wrap{padding:0 .75rem}.cards{grid-template-columns:1fr}td.quote{min-width:13rem}"
    ".facts{gap:.3rem}.facts li{padding:.1rem .5rem;font-size:.85rem}nav{font-size:.9rem}}\n",
    "@media print{body{font-size:10pt}nav,.files{display:none}a{color:inherit;text-decoration:none}"
    ".card .big a{border:none}.wrap{max-width:none;padding:0}.scroll{overflow:visible;border:none}"
    "table{font-size:8pt}th{white-space:normal}td.num,td.nw{white-space:normal}"
    "h2{break-after:avoid;page-break-after:avoid}h3{break-after:avoid}"
    "figure.chart,.card,.finding,tr{break-inside:avoid;page-break-inside:avoid}"
    "figure.chart svg{max-width:16cm;border:none}.cards{grid-template-columns:repeat(2,1fr)}"
    "tr:target{background:none}}\n",
};

/* ---------------------------------------------------------- small pieces */

static void h(const char *s, ms_strbuf *sb) { ms_html_text(s, sb); }

static void h_date(int32_t day, ms_strbuf *sb)
{
    if (day == MS_DAY_NONE)
        ms_strbuf_puts(sb, "—");
    else
        report_format_date(day, sb);
}

/* Opens a link to a stated figure's evidence row (nothing for one that is
 * not in the set); returns whether it did, for h_link_close. */
static bool h_link_open(const report_model *m, const ms_figure *f, ms_strbuf *sb)
{
    long i = report_figure_index(m, f);
    if (i < 0 || !m->cited[i])
        return false;
    ms_strbuf_printf(sb, "<a href=\"#fig-%ld\">", i);
    return true;
}

static void h_link_close(bool open, ms_strbuf *sb)
{
    if (open)
        ms_strbuf_puts(sb, "</a>");
}

/* The figure's id, linked to its evidence row. */
static void h_figure_ref(const report_model *m, const ms_figure *f, ms_strbuf *sb)
{
    bool open = h_link_open(m, f, sb);
    ms_strbuf_puts(sb, "<code>");
    h(f->id, sb);
    ms_strbuf_puts(sb, "</code>");
    h_link_close(open, sb);
}

/* "source (outlet)". */
static void h_source(const report_model *m, const ms_figure *f, ms_strbuf *sb)
{
    h(f->source ? f->source : "unknown source", sb);
    const report_source *src = report_source_of(m, f);
    if (src && src->outlet) {
        ms_strbuf_puts(sb, " (");
        h(src->outlet, sb);
        ms_strbuf_putc(sb, ')');
    }
}

static void h_evidence(const ms_figure *f, ms_strbuf *sb)
{
    if (f->quote && *f->quote) {
        ms_strbuf_puts(sb, "<q>");
        h(f->quote, sb);
        ms_strbuf_puts(sb, "</q>");
    } else if (f->line > 0) {
        ms_strbuf_puts(sb, "table row <code>");
        report_put_formatted(f, report_format_cell, ms_html_text, sb);
        ms_strbuf_puts(sb, "</code>");
    } else {
        ms_strbuf_puts(sb, "—");
    }
}

/* A link out, only for http(s) addresses; anything else is shown as text. */
static void h_url(const char *url, ms_strbuf *sb)
{
    if (!url || !*url)
        return;
    bool web = strncasecmp(url, "https://", 8) == 0 || strncasecmp(url, "http://", 7) == 0;
    if (web && !strpbrk(url, " \t\r\n")) {
        ms_strbuf_puts(sb, "<a rel=\"noopener noreferrer\" href=\"");
        h(url, sb);
        ms_strbuf_puts(sb, "\">");
        h(url, sb);
        ms_strbuf_puts(sb, "</a>");
    } else {
        h(url, sb);
    }
}

static void table_open(const char *caption, const char *const *heads, size_t n, ms_strbuf *sb)
{
    /* the caption stays outside the scrolling box, so it wraps to the screen */
    if (caption)
        ms_strbuf_printf(sb, "<p class=\"cap\">%s</p>", caption);
    ms_strbuf_puts(sb, "<div class=\"scroll\"><table><thead><tr>");
    for (size_t i = 0; i < n; i++)
        ms_strbuf_printf(sb, "<th scope=\"col\">%s</th>", heads[i]);
    ms_strbuf_puts(sb, "</tr></thead><tbody>\n");
}

static void table_close(ms_strbuf *sb) { ms_strbuf_puts(sb, "</tbody></table></div>\n"); }

/* ---------------------------------------------------------- sections */

static void section_summary(const report_model *m, ms_strbuf *sb)
{
    const ms_report_options *opt = m->opt;
    size_t n_conflicts = ms_findings_count(&m->findings, MS_FINDING_CONFLICT);
    size_t n_notes = ms_findings_count(&m->findings, MS_FINDING_MISMATCH) +
                     ms_findings_count(&m->findings, MS_FINDING_REVISION) +
                     ms_findings_count(&m->findings, MS_FINDING_WEAK);
    size_t n_agree = ms_findings_count(&m->findings, MS_FINDING_OK);
    ms_strbuf_puts(sb, "<section id=\"summary\" aria-label=\"Summary\"><ul class=\"facts\">");
    ms_strbuf_printf(sb, "<li><b>%zu</b> figures</li><li><b>%zu</b> metrics</li><li><b>%zu</b> sources</li>",
                     m->figures->count, m->n_metrics, m->n_sources);
    ms_strbuf_printf(sb, "<li%s><a href=\"#findings\"><b>%zu</b> conflicts</a></li>",
                     n_conflicts ? " class=\"bad\"" : "", n_conflicts);
    ms_strbuf_printf(sb, "<li><b>%zu</b> other notes</li><li><b>%zu</b> agreements</li>", n_notes, n_agree);
    ms_strbuf_printf(sb, "<li><b>%zu</b> changes and ratios computed</li>", m->derived.count);
    if (m->n_gaps)
        ms_strbuf_printf(sb, "<li><b>%zu</b> gaps</li>", m->n_gaps);
    if (opt->accounting && opt->accounting->n_rejected)
        ms_strbuf_printf(sb, "<li class=\"bad\"><a href=\"#accounting\"><b>%zu</b> input records "
                             "rejected</a></li>", opt->accounting->n_rejected);
    ms_strbuf_puts(sb, "</ul>");
    if (m->n_undated)
        ms_strbuf_printf(sb, "<p class=\"muted\">%zu figures have no period and are in no series.</p>",
                         m->n_undated);
    ms_strbuf_puts(sb, "</section>\n");
}

static void change_text(const report_headline *hl, ms_strbuf *sb)
{
    if (hl->stated_change) {
        ms_strbuf_puts(sb, "<p class=\"chg\">");
        report_put_formatted(hl->stated_change, report_format_value, ms_html_text, sb);
        if (!ms_period_is_none(hl->stated_change->base)) {
            ms_strbuf_puts(sb, " on ");
            ms_fmt_period(hl->stated_change->base, sb);
        }
        ms_strbuf_puts(sb, " <span class=\"muted\">(stated)</span></p>");
    }
    if (hl->change) {
        ms_strbuf_puts(sb, "<p class=\"chg\">");
        ms_fmt_percent(hl->change->pct_value, sb);
        ms_strbuf_puts(sb, " on ");
        ms_fmt_period(hl->change->base, sb);
        ms_strbuf_puts(sb, " <span class=\"muted\">(computed, ");
        ms_fmt_interval(hl->change->pct_range, 3, sb);
        ms_strbuf_puts(sb, ")</span></p>");
    }
}

static void section_headline(const report_model *m, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, "<section id=\"headline\"><h2>Headline figures</h2>\n<p class=\"muted\">The latest "
                       "figure of each metric, its change, and every source that states it.</p>\n");
    if (m->n_headlines == 0) {
        ms_strbuf_puts(sb, "<p>No count was stated.</p></section>\n");
        return;
    }
    ms_strbuf_puts(sb, "<div class=\"cards\">\n");
    for (size_t i = 0; i < m->n_headlines; i++) {
        const report_headline *hl = &m->headlines[i];
        const ms_figure *f = hl->figure;
        ms_strbuf_puts(sb, "<article class=\"card\"><h3>");
        report_put_title(m, f->metric, ms_html_text, sb);
        ms_strbuf_puts(sb, "</h3><p class=\"metric\"><code>");
        h(f->metric, sb);
        ms_strbuf_puts(sb, "</code></p><p class=\"big\">");
        bool open = h_link_open(m, f, sb);
        report_put_formatted(f, report_format_value, ms_html_text, sb);
        h_link_close(open, sb);
        ms_strbuf_puts(sb, "</p><p>");
        report_put_formatted(f, report_format_where, ms_html_text, sb);
        ms_strbuf_puts(sb, " · ");
        ms_fmt_period(f->period, sb);
        ms_strbuf_puts(sb, "</p><p class=\"muted\">allows ");
        ms_fmt_interval(f->range, 0, sb);
        ms_strbuf_puts(sb, "</p>");
        change_text(hl, sb);
        if (hl->n_conflicts)
            ms_strbuf_printf(sb, "<p class=\"disputed\"><a href=\"#findings\">Sources disagree</a> "
                                 "(%zu conflict%s)</p>", hl->n_conflicts, hl->n_conflicts == 1 ? "" : "s");
        ms_strbuf_puts(sb, "<p class=\"src\">");
        ms_strbuf_puts(sb, hl->n_sources > 1 ? "Sources: " : "Source: ");
        for (size_t k = 0; k < hl->n_sources; k++) {
            const ms_figure *g = hl->sources[k];
            if (k)
                ms_strbuf_puts(sb, "; ");
            bool lk = h_link_open(m, g, sb);
            h_source(m, g, sb);
            h_link_close(lk, sb);
            if (k) {
                ms_strbuf_puts(sb, ": ");
                report_put_formatted(g, report_format_value, ms_html_text, sb);
            }
        }
        ms_strbuf_puts(sb, "</p></article>\n");
    }
    ms_strbuf_puts(sb, "</div>\n<p class=\"muted\">Each number links to the statement it came from. "
                       "Intervals: [a – b) includes a and excludes b; a count stated as “144” allows "
                       "[143.5 – 144.5), “more than 140” allows (140 – 150]. Two counts agree when their "
                       "intervals share a whole number.</p></section>\n");
}

static void table_latest(const report_model *m, const char *metric, ms_strbuf *sb)
{
    static const char *const heads[] = {"place · subject", "kind", "period", "stated", "interval",
                                        "source", "published", "figure"};
    table_open("Latest figure of each series", heads, 8, sb);
    for (size_t i = 0; i < m->series.count; i++) {
        const ms_series *s = &m->series.items[i];
        if (strcmp(s->key.metric, metric) != 0 || s->count == 0)
            continue;
        const ms_figure *f = s->items[s->count - 1];
        ms_strbuf_puts(sb, "<tr><td>");
        report_put_formatted(f, report_format_where, ms_html_text, sb);
        ms_strbuf_printf(sb, "</td><td class=\"nw\">%s</td><td class=\"nw\">", ms_kind_name(f->kind));
        ms_fmt_period(f->period, sb);
        if (!ms_period_is_none(f->base)) {
            ms_strbuf_puts(sb, " vs ");
            ms_fmt_period(f->base, sb);
        }
        ms_strbuf_puts(sb, "</td><td class=\"num\">");
        report_put_formatted(f, report_format_value, ms_html_text, sb);
        ms_strbuf_puts(sb, "</td><td class=\"num\">");
        ms_fmt_interval(f->range, 0, sb);
        ms_strbuf_puts(sb, "</td><td>");
        h_source(m, f, sb);
        ms_strbuf_puts(sb, "</td><td class=\"nw\">");
        h_date(f->published, sb);
        ms_strbuf_puts(sb, "</td><td>");
        h_figure_ref(m, f, sb);
        ms_strbuf_puts(sb, "</td></tr>\n");
    }
    table_close(sb);
}

static void change_row(const report_model *m, const ms_change *c, ms_strbuf *sb)
{
    const ms_figure *cur = c->current;
    ms_strbuf_puts(sb, "<tr><td>");
    report_put_formatted(cur, report_format_where, ms_html_text, sb);
    ms_strbuf_puts(sb, "</td><td>");
    h(cur->source, sb);
    ms_strbuf_puts(sb, "</td><td class=\"nw\">");
    ms_fmt_period(cur->period, sb);
    ms_strbuf_puts(sb, "</td><td class=\"nw\">");
    ms_fmt_period(c->base, sb);
    ms_strbuf_puts(sb, "</td>");
    switch (c->status) {
    case MS_CHANGE_OK:
        ms_strbuf_puts(sb, "<td class=\"num\">");
        if (c->abs_value > 0)
            ms_strbuf_putc(sb, '+');
        ms_fmt_number(c->abs_value, sb);
        ms_strbuf_puts(sb, "</td><td class=\"num\">");
        ms_fmt_percent(c->pct_value, sb);
        ms_strbuf_puts(sb, "</td><td class=\"num\">");
        ms_fmt_interval(c->pct_range, 3, sb);
        ms_strbuf_puts(sb, "</td>");
        break;
    case MS_CHANGE_FIRST: ms_strbuf_puts(sb, "<td colspan=\"3\">first period</td>"); break;
    case MS_CHANGE_GAP:
        ms_strbuf_puts(sb, "<td colspan=\"3\">gap: no figure for the period compared with</td>");
        break;
    case MS_CHANGE_MISSING: ms_strbuf_puts(sb, "<td colspan=\"3\">a value is missing</td>"); break;
    case MS_CHANGE_ZERO_BASE:
        ms_strbuf_puts(sb, "<td class=\"num\">");
        if (c->abs_value > 0)
            ms_strbuf_putc(sb, '+');
        ms_fmt_number(c->abs_value, sb);
        ms_strbuf_puts(sb, "</td><td colspan=\"2\">undefined (base may be 0)</td>");
        break;
    }
    ms_strbuf_puts(sb, "<td>");
    h_figure_ref(m, cur, sb);
    if (c->previous) {
        ms_strbuf_puts(sb, ", ");
        h_figure_ref(m, c->previous, sb);
    }
    ms_strbuf_puts(sb, "</td></tr>\n");
}

static void table_changes(const report_model *m, const char *metric, ms_strbuf *sb)
{
    static const char *const heads[] = {"place · subject", "source", "period", "compared with",
                                        "change", "% change", "% change interval", "from"};
    size_t rows = 0;
    for (size_t i = 0; i < m->series.count; i++) {
        if (strcmp(m->series.items[i].key.metric, metric) != 0)
            continue;
        const ms_change_list *l = &m->changes[i];
        for (size_t k = 0; k < l->count; k++) {
            if (l->items[k].status == MS_CHANGE_FIRST)
                continue;
            if (rows++ == 0)
                table_open("Computed changes (each period against the one before; a span such as "
                           "Jan–Jul against the same months a year earlier)", heads, 8, sb);
            change_row(m, &l->items[k], sb);
        }
    }
    if (rows)
        table_close(sb);
}

static void table_ratios(const report_model *m, const char *metric, ms_strbuf *sb)
{
    static const char *const heads[] = {"ratio", "place · subject", "period", "value", "interval",
                                        "source", "from"};
    size_t rows = 0, n = strlen(metric);
    for (size_t i = 0; i < m->derived.count; i++) {
        const ms_figure *f = &m->derived.items[i];
        if (f->kind != MS_KIND_RATIO || strncmp(f->metric, metric, n) != 0 ||
            strncmp(f->metric + n, "_per_", 5) != 0)
            continue;
        if (rows++ == 0)
            table_open("Ratios", heads, 7, sb);
        ms_strbuf_puts(sb, "<tr><td><code>");
        h(f->metric, sb);
        ms_strbuf_puts(sb, "</code></td><td>");
        report_put_formatted(f, report_format_where, ms_html_text, sb);
        ms_strbuf_puts(sb, "</td><td class=\"nw\">");
        ms_fmt_period(f->period, sb);
        ms_strbuf_puts(sb, "</td><td class=\"num\">");
        ms_fmt_number_sig(f->value, 3, sb);
        ms_strbuf_puts(sb, "</td><td class=\"num\">");
        ms_fmt_interval(f->range, 3, sb);
        ms_strbuf_puts(sb, "</td><td>");
        h(f->source, sb);
        ms_strbuf_puts(sb, "</td><td>");
        for (size_t k = 0; k < f->n_inputs; k++) {
            if (k)
                ms_strbuf_puts(sb, ", ");
            const ms_figure *in = report_find_figure(m, f->inputs[k]);
            if (in) {
                h_figure_ref(m, in, sb);
            } else {
                ms_strbuf_puts(sb, "<code>");
                h(f->inputs[k], sb);
                ms_strbuf_puts(sb, "</code>");
            }
        }
        ms_strbuf_puts(sb, "</td></tr>\n");
    }
    if (rows)
        table_close(sb);
}

static void section_changes(const report_model *m, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, "<section id=\"changes\"><h2>Changes and ratios</h2>\n");
    for (size_t i = 0; i < m->series.count; i++) {
        const char *metric = m->series.items[i].key.metric;
        if (i > 0 && strcmp(m->series.items[i - 1].key.metric, metric) == 0)
            continue;
        ms_strbuf_puts(sb, "<h3>");
        report_put_title(m, metric, ms_html_text, sb);
        ms_strbuf_puts(sb, " <code>");
        h(metric, sb);
        ms_strbuf_puts(sb, "</code></h3>\n");
        table_latest(m, metric, sb);
        table_changes(m, metric, sb);
        table_ratios(m, metric, sb);
    }
    ms_strbuf_puts(sb, "</section>\n");
}

static void section_findings(const report_model *m, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, "<section id=\"findings\"><h2>Consistency findings</h2>\n");
    if (m->findings.count == 0) {
        ms_strbuf_puts(sb, "<p>No figure is stated by more than one source.</p></section>\n");
        return;
    }
    ms_strbuf_puts(sb, "<p class=\"muted\">Conflicts first, then possible definition mismatches, "
                       "revisions, weak agreements and agreements; under each, the statements behind "
                       "it.</p>\n");
    for (size_t i = 0; i < m->findings.count; i++) {
        const ms_finding *f = m->ordered[i];
        const char *sev = ms_finding_severity_name(f->severity);
        ms_strbuf_printf(sb, "<article class=\"finding sev-%s\"><p><span class=\"badge\">%s</span><code>",
                         sev, sev);
        h(f->rule, sb);
        ms_strbuf_puts(sb, "</code></p><p>");
        h(f->message, sb);
        ms_strbuf_puts(sb, "</p><ul>");
        for (size_t k = 0; k < f->n_figures; k++) {
            const ms_figure *g = f->figures[k];
            ms_strbuf_puts(sb, "<li>");
            bool open = h_link_open(m, g, sb);
            h_source(m, g, sb);
            h_link_close(open, sb);
            ms_strbuf_puts(sb, ", published ");
            h_date(g->published, sb);
            ms_strbuf_puts(sb, ", says <b>");
            report_put_formatted(g, report_format_value, ms_html_text, sb);
            ms_strbuf_puts(sb, "</b>: ");
            h_evidence(g, sb);
            ms_strbuf_puts(sb, "</li>");
        }
        for (size_t k = 0; k < f->n_computed; k++) {
            const ms_computed *c = &f->computed[k];
            ms_strbuf_puts(sb, "<li>computed <code>");
            h(c->name, sb);
            ms_strbuf_puts(sb, "</code>: ");
            if (isfinite(c->value)) {
                ms_fmt_number_sig(c->value, 4, sb);
                ms_strbuf_putc(sb, ' ');
            }
            ms_fmt_interval(c->range, 4, sb);
            ms_strbuf_puts(sb, "</li>");
        }
        ms_strbuf_puts(sb, "</ul></article>\n");
    }
    ms_strbuf_puts(sb, "</section>\n");
}

/* Appends the SVG text of a chart file with its XML prolog and doctype
 * left out and its ids prefixed with `prefix` (several charts share one
 * page, and gnuplot gives every chart the same ids). Returns false, and
 * appends nothing, when the file cannot be read or holds what a chart
 * drawn by gnuplot never does (a script, an event handler, an external
 * reference, a foreign object). */
static bool embed_svg(const char *path, const char *prefix, const char *label, ms_strbuf *sb)
{
    ms_strbuf file;
    ms_strbuf_init(&file);
    ms_diag diag;
    ms_diag_init(&diag);
    bool ok = ms_read_file(path, MAX_SVG_BYTES, &file, &diag) == MS_OK && !ms_strbuf_failed(&file);
    ms_diag_free(&diag);
    const char *text = ok ? ms_strbuf_str(&file) : "";
    const char *start = ok ? strstr(text, "<svg") : NULL;
    ok = start != NULL;
    /* what a gnuplot chart never holds */
    static const char *const forbidden[] = {"<script", "<foreignobject", "<iframe", "<object",
                                            "<embed", "<image", "javascript:", "<!entity",
                                            "href=\"http", "href='http", "<?xml-stylesheet"};
    for (const char *p = start; ok && *p; p++) {
        if (*p == '<' || *p == 'j' || *p == 'J' || *p == 'h' || *p == 'H')
            for (size_t k = 0; k < sizeof forbidden / sizeof forbidden[0] && ok; k++)
                ok = strncasecmp(p, forbidden[k], strlen(forbidden[k])) != 0;
        /* an attribute named on... (onload=, onclick=) */
        if (ok && (*p == ' ' || *p == '\t' || *p == '\n') && (p[1] == 'o' || p[1] == 'O') &&
            (p[2] == 'n' || p[2] == 'N')) {
            const char *q = p + 3;
            while (isalpha((unsigned char)*q))
                q++;
            ok = q == p + 3 || *q != '=';
        }
    }
    if (!ok) {
        ms_strbuf_free(&file);
        return false;
    }
    size_t prefix_len = strlen(prefix);
    const char *p = start;
    /* the root element gets a role and a label for screen readers */
    ms_strbuf_puts(sb, "<svg role=\"img\" aria-label=\"");
    h(label, sb);
    ms_strbuf_putc(sb, '"');
    p += 4;
    while (*p) {
        if (strncmp(p, "id='", 4) == 0 || strncmp(p, "id=\"", 4) == 0) {
            ms_strbuf_append(sb, p, 4);
            ms_strbuf_append(sb, prefix, prefix_len);
            p += 4;
        } else if (strncmp(p, "href='#", 7) == 0 || strncmp(p, "href=\"#", 7) == 0) {
            ms_strbuf_append(sb, p, 7);
            ms_strbuf_append(sb, prefix, prefix_len);
            p += 7;
        } else if (strncmp(p, "url(#", 5) == 0) {
            ms_strbuf_append(sb, p, 5);
            ms_strbuf_append(sb, prefix, prefix_len);
            p += 5;
        } else {
            ms_strbuf_putc(sb, *p++);
        }
    }
    ms_strbuf_putc(sb, '\n');
    ms_strbuf_free(&file);
    return true;
}

static void section_charts(const report_model *m, const char *charts_dir, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, "<section id=\"charts\"><h2>Charts</h2>\n");
    if (m->n_charts == 0)
        ms_strbuf_puts(sb, "<p>No charts were drawn.</p>\n");
    else
        ms_strbuf_puts(sb, "<p class=\"muted\">One line per place, subject and source; whiskers show "
                           "the interval each statement allows.</p>\n");
    /* Every chart kind the model drew (model.c, chart_kinds[]) is embedded
     * the same way: its SVG file inline, its other files linked. */
    for (size_t i = 0; i < m->n_charts; i++) {
        const report_chart *c = &m->charts[i];
        ms_strbuf_printf(sb, "<figure class=\"chart\" id=\"chart-%zu\"><figcaption>", i + 1);
        h(c->title, sb);
        ms_strbuf_puts(sb, "</figcaption>\n");
        ms_strbuf path, prefix;
        ms_strbuf_init(&path);
        ms_strbuf_init(&prefix);
        ms_strbuf_printf(&path, "%s/%s.svg", charts_dir, c->file_stem);
        ms_strbuf_printf(&prefix, "c%zu-", i + 1);
        bool embedded = (c->formats & MS_PLOT_SVG) && !ms_strbuf_failed(&path) &&
                        !ms_strbuf_failed(&prefix) &&
                        embed_svg(ms_strbuf_str(&path), ms_strbuf_str(&prefix), c->title, sb);
        if (!embedded)
            ms_strbuf_puts(sb, "<p class=\"muted\">The chart file could not be embedded.</p>\n");
        ms_strbuf_free(&path);
        ms_strbuf_free(&prefix);
        /* file stems are [a-z0-9_-] (plots/metric_charts.h): safe as they are */
        ms_strbuf_puts(sb, "<p class=\"files\">Files:");
        if (c->formats & MS_PLOT_SVG)
            ms_strbuf_printf(sb, " <a href=\"charts/%s.svg\">SVG</a>", c->file_stem);
        if (c->formats & MS_PLOT_PNG)
            ms_strbuf_printf(sb, " <a href=\"charts/%s.png\">PNG</a>", c->file_stem);
        if (c->formats & MS_PLOT_PDF)
            ms_strbuf_printf(sb, " <a href=\"charts/%s.pdf\">PDF</a>", c->file_stem);
        ms_strbuf_puts(sb, "</p></figure>\n");
    }
    ms_strbuf_puts(sb, "</section>\n");
}

static void section_sources(const report_model *m, ms_strbuf *sb)
{
    static const char *const heads[] = {"source", "outlet", "published", "kind", "figures", "link"};
    ms_strbuf_puts(sb, "<section id=\"sources\"><h2>Sources</h2>\n");
    table_open(NULL, heads, 6, sb);
    for (size_t i = 0; i < m->n_sources; i++) {
        const report_source *src = &m->sources[i];
        ms_strbuf_puts(sb, "<tr><td>");
        h(src->source ? src->source : "unknown source", sb);
        ms_strbuf_puts(sb, "</td><td>");
        h(src->outlet, sb);
        ms_strbuf_puts(sb, "</td><td class=\"nw\">");
        h_date(src->published, sb);
        ms_strbuf_printf(sb, "</td><td>%s</td><td class=\"num\">%zu</td><td>",
                         src->article ? "article" : "table", src->n_figures);
        h_url(src->url, sb);
        ms_strbuf_puts(sb, "</td></tr>\n");
    }
    table_close(sb);
    ms_strbuf_puts(sb, "</section>\n");
}

static void section_evidence(const report_model *m, ms_strbuf *sb)
{
    static const char *const heads[] = {"figure", "metric", "period", "place · subject", "stated",
                                        "source", "published", "quote or table row"};
    ms_strbuf_puts(sb, "<section id=\"evidence\"><h2>Evidence</h2>\n<p class=\"muted\">Every stated figure "
                       "the report names, with the quote or the table row it was read from.</p>\n");
    table_open(NULL, heads, 8, sb);
    for (size_t i = 0; i < m->n_cited; i++) {
        if (!m->cited[i])
            continue;
        const ms_figure *f = &m->figures->items[i];
        ms_strbuf_printf(sb, "<tr id=\"fig-%zu\"><td><code>", i);
        h(f->id, sb);
        ms_strbuf_puts(sb, "</code></td><td>");
        h(f->metric, sb);
        if (f->kind != MS_KIND_COUNT)
            ms_strbuf_printf(sb, " <span class=\"muted\">%s</span>", ms_kind_name(f->kind));
        ms_strbuf_puts(sb, "</td><td class=\"nw\">");
        ms_fmt_period(f->period, sb);
        ms_strbuf_puts(sb, "</td><td>");
        report_put_formatted(f, report_format_where, ms_html_text, sb);
        ms_strbuf_puts(sb, "</td><td class=\"num\">");
        report_put_formatted(f, report_format_value, ms_html_text, sb);
        ms_strbuf_puts(sb, "</td><td>");
        h_source(m, f, sb);
        ms_strbuf_puts(sb, "</td><td class=\"nw\">");
        h_date(f->published, sb);
        ms_strbuf_puts(sb, "</td><td class=\"quote\">");
        h_evidence(f, sb);
        ms_strbuf_puts(sb, "</td></tr>\n");
    }
    table_close(sb);
    ms_strbuf_puts(sb, "</section>\n");
}

static void section_accounting(const report_model *m, ms_strbuf *sb)
{
    const ms_report_options *opt = m->opt;
    ms_strbuf_puts(sb, "<section id=\"accounting\"><h2>Accounting</h2>\n");
    const ms_diag *d = opt->accounting;
    if (d) {
        ms_strbuf_puts(sb, "<p>Records: ");
        ms_strbuf tmp;
        ms_strbuf_init(&tmp);
        ms_diag_format_counts(d, &tmp);
        h(ms_strbuf_str(&tmp), sb);
        ms_strbuf_free(&tmp);
        ms_strbuf_puts(sb, ".</p>\n");
    }
    if (opt->n_input_stats) {
        static const char *const heads[] = {"input", "kind", "read", "accepted", "rejected", "missing",
                                            "skipped", "notes"};
        table_open("Per input (for an article: number-like spans read, figures made, spans that gave "
                   "no figure)", heads, 8, sb);
        for (size_t i = 0; i < opt->n_input_stats; i++) {
            const ms_report_input *in = &opt->input_stats[i];
            ms_strbuf_puts(sb, "<tr><td><code>");
            h(in->name, sb);
            ms_strbuf_printf(sb, "</code></td><td>%s</td><td class=\"num\">%zu</td><td class=\"num\">%zu"
                                 "</td><td class=\"num\">%zu</td><td class=\"num\">%zu</td><td "
                                 "class=\"num\">%zu</td><td class=\"notes\">",
                             in->article ? "article" : "table", in->read, in->accepted, in->rejected,
                             in->missing, in->skipped);
            if (in->article) {
                if (in->outlet) {
                    h(in->outlet, sb);
                    ms_strbuf_puts(sb, "; ");
                }
                if (in->lang) {
                    ms_strbuf_puts(sb, "language ");
                    h(in->lang, sb);
                    ms_strbuf_puts(sb, "; ");
                }
                ms_strbuf_puts(sb, "published ");
                if (in->published == MS_DAY_NONE)
                    ms_strbuf_puts(sb, "unknown (relative periods unresolved)");
                else
                    report_format_date(in->published, sb);
            }
            ms_strbuf_puts(sb, "</td></tr>\n");
        }
        table_close(sb);
        static const char *const skip_heads[] = {"input", "reason", "spans"};
        size_t rows = 0;
        for (size_t i = 0; i < opt->n_input_stats; i++) {
            const ms_report_input *in = &opt->input_stats[i];
            for (size_t k = 0; k < in->n_skips; k++) {
                if (rows++ == 0)
                    table_open("What produced no figure: number-like spans of the articles, by reason",
                               skip_heads, 3, sb);
                ms_strbuf_puts(sb, "<tr><td><code>");
                h(in->name, sb);
                ms_strbuf_puts(sb, "</code></td><td>");
                h(in->skips[k].reason, sb);
                ms_strbuf_printf(sb, "</td><td class=\"num\">%zu</td></tr>\n", in->skips[k].count);
            }
        }
        if (rows)
            table_close(sb);
    } else if (opt->n_inputs) {
        ms_strbuf_puts(sb, "<p>Inputs: ");
        for (size_t i = 0; i < opt->n_inputs; i++) {
            ms_strbuf_puts(sb, i ? ", <code>" : "<code>");
            h(opt->inputs[i], sb);
            ms_strbuf_puts(sb, "</code>");
        }
        ms_strbuf_puts(sb, "</p>\n");
    }
    if (d && d->count) {
        ms_strbuf_puts(sb, "<h3>Problems found while reading</h3><ul>\n");
        ms_strbuf entry;
        ms_strbuf_init(&entry);
        for (size_t i = 0; i < d->count; i++) {
            ms_strbuf_clear(&entry);
            ms_diag_format_entry(&d->entries[i], &entry);
            ms_strbuf_puts(sb, "<li><code>");
            h(ms_strbuf_str(&entry), sb);
            ms_strbuf_puts(sb, "</code></li>\n");
        }
        ms_strbuf_free(&entry);
        if (d->n_dropped)
            ms_strbuf_printf(sb, "<li>… and %zu more</li>\n", d->n_dropped);
        ms_strbuf_puts(sb, "</ul>\n");
    }
    ms_strbuf_puts(sb, "</section>\n");
}

void report_write_html(const report_model *m, const char *charts_dir, ms_strbuf *sb)
{
    ms_strbuf_puts(sb, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                       "style-src 'unsafe-inline'; img-src data:\">\n"
                       "<meta name=\"referrer\" content=\"no-referrer\">\n"
                       "<title>Migration figures report</title>\n<style>\n");
    for (size_t i = 0; i < sizeof page_css / sizeof page_css[0]; i++)
        ms_strbuf_puts(sb, page_css[i]);
    ms_strbuf_puts(sb, "</style>\n</head>\n<body>\n<header class=\"wrap\">\n<h1>Migration figures report</h1>\n");
    ms_strbuf_printf(sb, "<p class=\"meta\">Made by migstat %s from %zu figures. Stated and derived "
                         "figures are in <code>figures.jsonl</code>; the same report for scripts is "
                         "<code>report.json</code>.</p>\n",
                     MS_VERSION, m->figures->count);
    ms_strbuf_puts(sb, "<nav aria-label=\"Sections\"><a href=\"#headline\">Headline</a>"
                       "<a href=\"#changes\">Changes and ratios</a><a href=\"#findings\">Findings</a>"
                       "<a href=\"#charts\">Charts</a><a href=\"#sources\">Sources</a>"
                       "<a href=\"#evidence\">Evidence</a><a href=\"#accounting\">Accounting</a></nav>\n"
                       "</header>\n<main class=\"wrap\">\n");
    section_summary(m, sb);
    section_headline(m, sb);
    section_changes(m, sb);
    section_findings(m, sb);
    section_charts(m, charts_dir, sb);
    section_sources(m, sb);
    section_evidence(m, sb);
    section_accounting(m, sb);
    ms_strbuf_puts(sb, "</main>\n<footer class=\"wrap\">Figures from news text carry the interval their "
                       "wording allows; a figure is only as good as its source. Made by migstat.</footer>\n"
                       "</body>\n</html>\n");
}
