/* chart_sources.c — the kind "sources": what each source says for the same
 * key. One chart per metric (and kind); one row per (period, place,
 * subject, breakdown) stated by at least two sources; in a row, one lane
 * per figure: a dot at the stated value, a bar over the interval its
 * wording allows, the source named on the left and the statement on the
 * right. A row where two sources' intervals share no value (check/'s
 * same_key rule: ms_figure_ranges_agree, the figure's range or its value
 * when it has none) is a conflict: a tinted band and "conflict" in its
 * label. */
#include "plots/chart_common.h"
#include "plots/datablock.h"
#include "plots/kinds.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CONFLICT_COLOUR "#D55E00"
#define LABEL_MAX_CHARS 36 /* a longer source name is cut, with "…" */

static bool comparable(const ms_figure *f)
{
    return !ms_figure_is_missing(f) && !ms_period_is_none(f->period) && isfinite(f->value);
}

/* (metric, kind): one chart. */
static int cmp_chart(const ms_figure *a, const ms_figure *b)
{
    int c = ms_str_cmp(a->metric, b->metric);
    if (c)
        return c;
    return (a->kind > b->kind) - (a->kind < b->kind);
}

/* (period, place, subject, breakdown) within a chart: one row. */
static int cmp_row(const ms_figure *a, const ms_figure *b)
{
    int c = cmp_chart(a, b);
    if (c)
        return c;
    if ((c = ms_period_compare(a->period, b->period)) != 0)
        return c;
    if ((c = ms_str_cmp(a->place, b->place)) != 0)
        return c;
    if ((c = ms_str_cmp(a->subject, b->subject)) != 0)
        return c;
    return ms_str_cmp(a->breakdown, b->breakdown);
}

static int cmp_lane(const void *pa, const void *pb)
{
    const ms_figure *a = *(const ms_figure *const *)pa, *b = *(const ms_figure *const *)pb;
    int c = cmp_row(a, b);
    if (c)
        return c;
    if ((c = ms_str_cmp(a->source, b->source)) != 0)
        return c;
    if (a->published != b->published)
        return a->published < b->published ? -1 : 1;
    return (a > b) - (a < b);
}

/* Agreement as the same_key rule decides it. */
static bool agree(const ms_figure *a, const ms_figure *b)
{
    ms_figure ca = *a, cb = *b;
    if (!ms_interval_is_valid(ca.range))
        ca.range = ms_interval_point(a->value);
    if (!ms_interval_is_valid(cb.range))
        cb.range = ms_interval_point(b->value);
    return ms_figure_ranges_agree(&ca, &cb);
}

typedef struct row {
    size_t at, n;  /* lanes all[at .. at + n) */
    bool conflict;
} row;

static size_t n_sources(const ms_figure *const *f, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += i == 0 || !ms_str_eq(f[i]->source, f[i - 1]->source); /* sorted by source */
    return k;
}

static bool conflicting(const ms_figure *const *f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (!ms_str_eq(f[i]->source, f[j]->source) && !agree(f[i], f[j]))
                return true;
    return false;
}

/* Does lane k of the row disagree with a lane of another source? */
static bool lane_conflicts(const ms_figure *const *f, size_t n, size_t k)
{
    for (size_t j = 0; j < n; j++)
        if (j != k && !ms_str_eq(f[j]->source, f[k]->source) && !agree(f[j], f[k]))
            return true;
    return false;
}

static ms_interval range_of(const ms_figure *f)
{
    return ms_interval_is_valid(f->range) ? f->range : ms_interval_point(f->value);
}

/* Appends s cut to LABEL_MAX_CHARS characters (at a character boundary). */
static void put_cut(ms_strbuf *sb, const char *s)
{
    size_t len = strlen(s);
    if (ms_chart_n_chars(s, len) <= LABEL_MAX_CHARS) {
        ms_strbuf_puts(sb, s);
        return;
    }
    size_t chars = 0, i = 0;
    for (; i < len; i++) {
        if (((unsigned char)s[i] & 0xc0) != 0x80 && ++chars > LABEL_MAX_CHARS - 1)
            break;
    }
    ms_strbuf_append(sb, s, i);
    ms_strbuf_puts(sb, "\xe2\x80\xa6");
}

/* "more than 140", "nearly 93 000", "144", "+53 %" */
static void put_statement(ms_strbuf *sb, const ms_figure *f)
{
    static const char *const words[MS_HEDGE_COUNT_] = {
        [MS_HEDGE_MORE_THAN] = "more than ", [MS_HEDGE_LESS_THAN] = "less than ", [MS_HEDGE_NEARLY] = "nearly ",
        [MS_HEDGE_ABOUT] = "about ", [MS_HEDGE_AT_LEAST] = "at least ", [MS_HEDGE_UP_TO] = "up to ",
        [MS_HEDGE_RANGE] = "",
    };
    if ((unsigned)f->hedge < MS_HEDGE_COUNT_ && words[f->hedge])
        ms_strbuf_puts(sb, words[f->hedge]);
    if (f->kind == MS_KIND_PCT_CHANGE)
        ms_chart_put_percent(sb, f->value);
    else
        ms_chart_put_grouped(sb, f->value, fabs(f->value) >= 10000.0);
}

/* Index of f's source among the chart's sources (for its colour). */
static size_t source_index(const char *const *sources, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (ms_str_eq(sources[i], s))
            return i;
    return 0;
}

/* Colours for sources: the palette without vermillion, kept for conflicts. */
static const char *source_colour(size_t i)
{
    static const size_t order[] = {0, 2, 3, 4, 5, 6};
    return ms_chart_palette[order[i % MS_N_OF(order)]];
}

typedef struct chart_rows {
    const ms_figure *const *all;
    const row *rows;
    size_t n_rows;
} chart_rows;

static ms_status draw_sources(ms_gnuplot *gp, const ms_plot_request *req, const chart_rows *c,
                              const char *out_base, ms_strbuf *err)
{
    const ms_figure *first = c->all[c->rows[0].at];
    /* the sources, in order of first appearance */
    size_t n_lanes = 0, n_conflicts = 0;
    for (size_t r = 0; r < c->n_rows; r++) {
        n_lanes += c->rows[r].n;
        n_conflicts += c->rows[r].conflict;
    }
    const char **sources = calloc(n_lanes, sizeof *sources);
    if (!sources)
        return MS_ERR_NOMEM;
    size_t n_src = 0;
    double lo = INFINITY, hi = -INFINITY;
    size_t widest = 8;
    for (size_t r = 0; r < c->n_rows; r++)
        for (size_t k = 0; k < c->rows[r].n; k++) {
            const ms_figure *f = c->all[c->rows[r].at + k];
            ms_interval w = range_of(f);
            lo = fmin(lo, fmin(w.lo, f->value));
            hi = fmax(hi, fmax(w.hi, f->value));
            const char *s = f->source ? f->source : "unknown source";
            size_t w_chars = ms_chart_n_chars(s, strlen(s));
            widest = w_chars > widest ? w_chars : widest;
            bool seen = false;
            for (size_t i = 0; i < n_src && !seen; i++)
                seen = ms_str_eq(sources[i], f->source);
            if (!seen)
                sources[n_src++] = f->source;
        }
    widest = widest > LABEL_MAX_CHARS ? LABEL_MAX_CHARS : widest;

    ms_strbuf data, body, title, subtitle, srcline, note, text;
    ms_strbuf_init(&data);
    ms_strbuf_init(&body);
    ms_strbuf_init(&title);
    ms_strbuf_init(&subtitle);
    ms_strbuf_init(&srcline);
    ms_strbuf_init(&note);
    ms_strbuf_init(&text);

    ms_chart_put_metric_title(&title, req->metrics, first->metric);
    ms_strbuf_puts(&title, first->kind == MS_KIND_COUNT ? ": what each source says"
                                                        : ": what each source says of the change");
    ms_strbuf_printf(&subtitle, "%s; each dot is one source's figure, the bar the interval its wording allows "
                                "(hedges, rounding); rows marked conflict have sources whose intervals share %s",
                     first->kind == MS_KIND_COUNT ? ms_chart_metric_unit(req->metrics, first->metric)
                                                  : ms_kind_name(first->kind),
                     first->kind == MS_KIND_COUNT ? "no whole number" : "no value");
    ms_strbuf_puts(&srcline, n_src > 1 ? "Sources: " : "Source: ");
    for (size_t i = 0; i < n_src; i++) {
        ms_strbuf_puts(&srcline, i ? ", " : "");
        ms_strbuf_puts(&srcline, sources[i] ? sources[i] : "unknown source");
    }
    ms_strbuf_printf(&note, "%zu of %zu %s in conflict.", n_conflicts, c->n_rows, c->n_rows == 1 ? "row" : "rows");

    /* lanes from the top: a row's label, then its figures; y decreasing */
    double row_gap = 0.7;
    double y_bottom = -(double)(n_lanes + c->n_rows) - row_gap * (double)(c->n_rows - 1);
    ms_chart_frame frame = {.title = ms_strbuf_str(&title), .subtitle = ms_strbuf_str(&subtitle),
                            .source_line = ms_strbuf_str(&srcline), .note = ms_strbuf_str(&note),
                            .width = req->width, .height = req->height};
    if (!(req->height > 0)) /* as tall as the lanes need */
        frame.height = (int)fmax(300.0, 190.0 + 24.0 * -y_bottom);
    ms_chart_frame_texts(&frame, 0, &body, NULL, NULL);
    ms_strbuf_printf(&body, "set border 1 lc rgb '#444444'\nunset ytics\nunset grid\nset grid xtics lt 1 lc rgb "
                            "'#e8e8e8'\nset lmargin %zu\nset rmargin 3\n", widest + 3);
    /* room right of the widest interval for the statements */
    double span = hi > lo ? hi - lo : fmax(fabs(hi) * 0.1, 1.0);
    ms_value_axis x = {.axis = 'x', .from_zero = false, .n_ticks = 6};
    double left, right;
    ms_chart_value_axis(&x, lo - span * 0.08, hi + span * 0.35, &body, &left, &right);
    ms_strbuf_puts(&body, "set yrange [");
    ms_strbuf_num(&body, y_bottom - 0.3);
    ms_strbuf_puts(&body, ":0.6]\n");

    int tag = 10, obj = 1;
    double y = 0;
    size_t *per_source = calloc(n_src, sizeof *per_source);
    ms_strbuf *blocks = calloc(n_src, sizeof *blocks);
    if (!per_source || !blocks) {
        free(sources);
        free(per_source);
        free(blocks);
        return MS_ERR_NOMEM;
    }
    for (size_t i = 0; i < n_src; i++)
        ms_strbuf_init(&blocks[i]);
    for (size_t r = 0; r < c->n_rows; r++) {
        const row *rw = &c->rows[r];
        const ms_figure *f0 = c->all[rw->at];
        if (rw->conflict) {
            ms_strbuf_printf(&body, "set object %d rect from graph 0, first ", obj++);
            ms_strbuf_num(&body, y + 0.5);
            ms_strbuf_puts(&body, " to graph 1, first ");
            ms_strbuf_num(&body, y - (double)rw->n - 0.5);
            ms_strbuf_puts(&body, " fc rgb '" CONFLICT_COLOUR "' fs transparent solid 0.10 noborder behind\n");
        }
        /* the row's label: period, place, subject, breakdown */
        char period[MS_PERIOD_BUFSZ];
        ms_period_format(f0->period, period);
        ms_strbuf_clear(&text);
        ms_strbuf_puts(&text, period);
        if (f0->place)
            ms_strbuf_printf(&text, " · %s", f0->place);
        if (f0->subject)
            ms_strbuf_printf(&text, " · %s", f0->subject);
        if (f0->breakdown)
            ms_strbuf_printf(&text, " · %s", f0->breakdown);
        if (rw->conflict)
            ms_strbuf_puts(&text, f0->kind == MS_KIND_COUNT ? " — conflict: intervals share no whole number"
                                                            : " — conflict: intervals share no value");
        ms_strbuf_printf(&body, "set label %d ", tag++);
        ms_gp_quote(ms_strbuf_str(&text), &body);
        ms_strbuf_puts(&body, " at graph 0, first ");
        ms_strbuf_num(&body, y);
        ms_strbuf_printf(&body, " left offset 0.5,0 noenhanced font 'sans Bold,10' textcolor rgb '%s' front\n",
                         rw->conflict ? CONFLICT_COLOUR : "#222222");
        for (size_t k = 0; k < rw->n; k++) {
            const ms_figure *f = c->all[rw->at + k];
            double ly = y - 1.0 - (double)k;
            ms_interval w = range_of(f);
            size_t si = source_index(sources, n_src, f->source);
            double v[4] = {f->value, ly, w.lo, w.hi};
            ms_datablock_row(&blocks[si], v, 4);
            per_source[si]++;
            /* the source on the left, in the margin */
            ms_strbuf_clear(&text);
            put_cut(&text, f->source ? f->source : "unknown source");
            ms_strbuf_printf(&body, "set label %d ", tag++);
            ms_gp_quote(ms_strbuf_str(&text), &body);
            ms_strbuf_puts(&body, " at graph 0, first ");
            ms_strbuf_num(&body, ly);
            ms_strbuf_printf(&body, " right offset -1,0 noenhanced font ',10' textcolor rgb '%s'\n",
                             source_colour(si));
            /* the statement right of its interval, marked where it is one
             * side of a conflict */
            bool against = rw->conflict && lane_conflicts(c->all + rw->at, rw->n, k);
            ms_strbuf_clear(&text);
            put_statement(&text, f);
            if (against)
                ms_strbuf_puts(&text, "  \xe2\x9c\x97 disagrees"); /* ✗ */
            ms_strbuf_printf(&body, "set label %d ", tag++);
            ms_gp_quote(ms_strbuf_str(&text), &body);
            ms_strbuf_puts(&body, " at first ");
            ms_strbuf_num(&body, fmax(w.hi, f->value));
            ms_strbuf_puts(&body, ", first ");
            ms_strbuf_num(&body, ly);
            ms_strbuf_printf(&body, " left offset 1,0 noenhanced font ',10' textcolor rgb '%s' front\n",
                             against ? CONFLICT_COLOUR : "#333333");
        }
        y -= (double)rw->n + 1.0 + row_gap;
    }
    ms_strbuf_puts(&body, "plot ");
    size_t drawn = 0;
    for (size_t i = 0; i < n_src; i++) {
        if (!per_source[i])
            continue;
        ms_strbuf_printf(&data, "$ms_s%zu << %s\n", i, MS_DATABLOCK_END);
        ms_strbuf_append(&data, ms_strbuf_str(&blocks[i]), blocks[i].len);
        ms_strbuf_puts(&data, MS_DATABLOCK_END "\n");
        if (ms_strbuf_failed(&blocks[i]))
            data.failed = true;
        ms_strbuf_printf(&body, "%s$ms_s%zu using 1:2:3:4 with xerrorbars pt 7 ps 1.5 lw 2.5 lc rgb '%s' notitle",
                         drawn++ ? ", \\\n     " : "", i, source_colour(i));
    }
    ms_strbuf_putc(&body, '\n');
    ms_status st = MS_OK;
    if (ms_strbuf_failed(&title) || ms_strbuf_failed(&subtitle) || ms_strbuf_failed(&srcline) ||
        ms_strbuf_failed(&note) || ms_strbuf_failed(&text))
        st = MS_ERR_NOMEM;
    if (st == MS_OK)
        st = ms_chart_draw(gp, &frame, out_base, req->formats, &data, &body, err);
    for (size_t i = 0; i < n_src; i++)
        ms_strbuf_free(&blocks[i]);
    free(blocks);
    free(per_source);
    free(sources);
    ms_strbuf_free(&data);
    ms_strbuf_free(&body);
    ms_strbuf_free(&title);
    ms_strbuf_free(&subtitle);
    ms_strbuf_free(&srcline);
    ms_strbuf_free(&note);
    ms_strbuf_free(&text);
    return st;
}

static char *sources_stem(const ms_figure *f)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_strbuf_printf(&sb, "sources_%s", f->metric ? f->metric : "-");
    if (f->kind != MS_KIND_COUNT)
        ms_strbuf_printf(&sb, "_%s", ms_kind_name(f->kind));
    return ms_chart_stem_take(&sb);
}

ms_status ms_plot_kind_sources(ms_gnuplot *gp, const ms_plot_request *req, ms_chart_list *out, ms_strbuf *err)
{
    const ms_figure_set *set = req->figures;
    const char *where = req->out_base ? req->out_base : req->out_dir;
    ms_status st = ms_chart_check_output(req->out_base ? req->out_base : "sources", req->formats, err);
    if (st != MS_OK)
        return st;
    const ms_figure **all = malloc((set->count ? set->count : 1) * sizeof *all);
    row *rows = malloc((set->count ? set->count : 1) * sizeof *rows);
    if (!all || !rows) {
        free(all);
        free(rows);
        return MS_ERR_NOMEM;
    }
    size_t n = 0, n_rows = 0;
    for (size_t i = 0; i < set->count; i++)
        if (comparable(&set->items[i]) && set->items[i].metric)
            all[n++] = &set->items[i];
    if (n > 1)
        qsort(all, n, sizeof *all, cmp_lane);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && cmp_row(all[i], all[j]) == 0)
            j++;
        if (n_sources(all + i, j - i) >= 2)
            rows[n_rows++] = (row){i, j - i, conflicting(all + i, j - i)};
        i = j;
    }
    size_t n_charts = 0;
    for (size_t r = 0; r < n_rows; r++)
        n_charts += r == 0 || cmp_chart(all[rows[r].at], all[rows[r - 1].at]) != 0;
    if (n_rows == 0)
        st = ms_chart_no_data(where, "no figure is stated by two sources for the same metric, period, place "
                                     "and subject: nothing to compare", err);
    ms_strbuf base;
    ms_strbuf_init(&base);
    for (size_t r = 0; r < n_rows && st == MS_OK;) {
        size_t e = r + 1;
        while (e < n_rows && cmp_chart(all[rows[e].at], all[rows[r].at]) == 0)
            e++;
        const ms_figure *f = all[rows[r].at];
        char *stem = sources_stem(f);
        st = stem ? ms_plot_out_base(req, "sources", stem, n_charts, "one per metric", &base, err) : MS_ERR_NOMEM;
        chart_rows c = {all, rows + r, e - r};
        if (st == MS_OK)
            st = draw_sources(gp, req, &c, ms_strbuf_str(&base), err);
        if (st == MS_OK)
            st = ms_chart_list_add(out, f->metric, stem);
        free(stem);
        r = e;
    }
    ms_strbuf_free(&base);
    free(all);
    free(rows);
    return st;
}
