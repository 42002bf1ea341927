/* chart_yoy.c — the kind "yoy": for each count series, the change on the
 * same period a year earlier in % (stats: ms_stats_changes, MS_CHANGE_YOY)
 * as bars diverging from 0, rises and falls in two palette colours, each
 * bar labelled ("+53 %", "−12 %") with the interval of the change as a
 * whisker. A period whose year before is absent (a gap), missing or 0 is
 * named where its bar would be, never bridged; the first period has no bar. */
#include "plots/chart_common.h"
#include "plots/datablock.h"
#include "plots/kinds.h"
#include "stats/stats.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RISE_COLOUR "#D55E00" /* vermillion */
#define FALL_COLOUR "#0072B2" /* blue */
#define NOTE_COLOUR "#555555"

/* A series gets a chart when at least one change was computed. */
static bool has_change(const ms_change_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        if (l->items[i].status == MS_CHANGE_OK)
            return true;
    return false;
}

static ms_interval whisker_of(const ms_change *c)
{
    return ms_interval_is_valid(c->pct_range) ? c->pct_range : ms_interval_point(c->pct_value);
}

static double period_mid(ms_period p) { return ((double)p.start + (double)p.end + 1.0) / 2.0 * 86400.0; }
static double period_len(ms_period p) { return ((double)p.end - (double)p.start + 1.0) * 86400.0; }

/* Why a period has no bar, or NULL when it has one (or none is due). */
static const char *why_no_bar(const ms_change *c, char *buf, size_t cap)
{
    char base[MS_PERIOD_BUFSZ];
    switch (c->status) {
    case MS_CHANGE_GAP:
        ms_period_format(c->base, base);
        snprintf(buf, cap, "no %s figure", base);
        return buf;
    case MS_CHANGE_MISSING: return "value missing";
    case MS_CHANGE_ZERO_BASE: return "base may be 0";
    default: return NULL;
    }
}

/* One datablock of the bars rising (up) or falling: x pct lo hi x0 x1. */
static size_t bar_block(const char *name, const ms_change_list *l, bool up, ms_strbuf *data)
{
    size_t n = 0;
    ms_strbuf_printf(data, "$%s << %s\n", name, MS_DATABLOCK_END);
    for (size_t i = 0; i < l->count; i++) {
        const ms_change *c = &l->items[i];
        if (c->status != MS_CHANGE_OK || (c->pct_value >= 0) != up)
            continue;
        ms_period p = c->current->period;
        ms_interval w = whisker_of(c);
        double x = period_mid(p), half = period_len(p) * 0.35;
        double v[6] = {x, c->pct_value, w.lo, w.hi, x - half, x + half};
        ms_datablock_row(data, v, 6);
        n++;
    }
    ms_strbuf_puts(data, MS_DATABLOCK_END "\n");
    return n;
}

/* A grey upright note at the foot of period p's slot. */
static void slot_note(ms_strbuf *sb, int *tag, ms_period p, const char *why, double span_y)
{
    ms_strbuf_printf(sb, "set label %d ", (*tag)++);
    ms_gp_quote(why, sb);
    ms_strbuf_puts(sb, " at ");
    ms_strbuf_num(sb, period_mid(p));
    ms_strbuf_puts(sb, ", ");
    ms_strbuf_num(sb, span_y * 0.02);
    ms_strbuf_printf(sb, " rotate by 90 left noenhanced font ',8' textcolor rgb '%s' front\n", NOTE_COLOUR);
}

/* Periods of the grain of `from` strictly between from and to, each named
 * "no figure" (at most a few hundred: a day series over years is not
 * labelled day by day). */
static void absent_periods(ms_strbuf *sb, int *tag, ms_period from, ms_period to, double span_y)
{
    ms_period_grain g = ms_period_grain_of(from);
    if (g == MS_GRAIN_SPAN || g != ms_period_grain_of(to))
        return;
    ms_period p = ms_period_next(from);
    for (int k = 0; k < 400 && ms_period_compare(p, to) < 0; k++, p = ms_period_next(p))
        slot_note(sb, tag, p, "no figure", span_y);
}

/* The labels on the bars and in the gaps; labels turn upright when the
 * bars are narrower than their text. */
static void bar_labels(const ms_change_list *l, double bar_px, double span_y, ms_strbuf *sb)
{
    ms_strbuf text;
    ms_strbuf_init(&text);
    int tag = 10; /* 1..4 are the frame's */
    bool upright = bar_px < 6.0 * 5.5;
    for (size_t i = 0; i < l->count; i++) {
        const ms_change *c = &l->items[i];
        char buf[64];
        const char *why = why_no_bar(c, buf, sizeof buf);
        double x = period_mid(c->current->period);
        ms_strbuf_clear(&text);
        if (c->status == MS_CHANGE_FIRST && i > 0) /* the first after a change of grain */
            continue;
        if (c->status == MS_CHANGE_OK) {
            ms_interval w = whisker_of(c);
            bool up = c->pct_value >= 0;
            ms_chart_put_percent(&text, c->pct_value);
            ms_strbuf_printf(sb, "set label %d ", tag++);
            ms_gp_quote(ms_strbuf_str(&text), sb);
            ms_strbuf_puts(sb, " at ");
            ms_strbuf_num(sb, x);
            ms_strbuf_puts(sb, ", ");
            ms_strbuf_num(sb, up ? fmax(w.hi, c->pct_value) : fmin(w.lo, c->pct_value));
            if (upright)
                ms_strbuf_puts(sb, up ? " rotate by 90 left offset 0,0.5" : " rotate by 90 right offset 0,-0.5");
            else
                ms_strbuf_puts(sb, up ? " center offset 0,0.8" : " center offset 0,-0.8");
            ms_strbuf_printf(sb, " noenhanced font ',9' textcolor rgb '%s' front\n", up ? RISE_COLOUR : FALL_COLOUR);
        } else if (why) {
            slot_note(sb, &tag, c->current->period, why, span_y);
        }
        if (i > 0)
            absent_periods(sb, &tag, l->items[i - 1].current->period, c->current->period, span_y);
    }
    if (ms_strbuf_failed(&text))
        sb->failed = true;
    ms_strbuf_free(&text);
}

/* Draws the chart of one series' changes. */
static ms_status draw_yoy(ms_gnuplot *gp, const ms_plot_request *req, const ms_series *s,
                          const ms_change_list *l, const char *out_base, ms_strbuf *err)
{
    ms_chart_extent e;
    ms_chart_extent_init(&e);
    size_t n_gaps = 0;
    for (size_t i = 0; i < l->count; i++) {
        const ms_change *c = &l->items[i];
        if (c->status == MS_CHANGE_FIRST)
            continue;
        ms_interval w = c->status == MS_CHANGE_OK ? whisker_of(c) : ms_interval_point(0);
        ms_chart_extent_add(&e, c->current->period, c->status == MS_CHANGE_OK ? c->pct_value : 0, w.lo, w.hi);
        n_gaps += c->status != MS_CHANGE_OK;
    }
    ms_strbuf data, body, title, subtitle, sources, note;
    ms_strbuf_init(&data);
    ms_strbuf_init(&body);
    ms_strbuf_init(&title);
    ms_strbuf_init(&subtitle);
    ms_strbuf_init(&sources);
    ms_strbuf_init(&note);
    size_t n_up = bar_block("ms_up", l, true, &data), n_down = bar_block("ms_down", l, false, &data);

    const ms_series *one[] = {s};
    ms_chart_put_metric_title(&title, req->metrics, s->key.metric);
    ms_strbuf_puts(&title, ": change on a year earlier");
    if (s->key.subject)
        ms_strbuf_printf(&subtitle, "%s in ", s->key.subject);
    ms_chart_put_where_when(&subtitle, one, 1);
    ms_strbuf_printf(&subtitle, "; %% change of %s on the same period a year earlier; whiskers: the "
                                "interval the stated figures allow",
                     ms_chart_metric_unit(req->metrics, s->key.metric));
    ms_chart_put_sources(&sources, one, 1);
    if (n_gaps)
        ms_strbuf_puts(&note, "Where a bar is missing the label says why: a year without a figure is a gap, "
                              "not bridged.");
    ms_chart_frame frame = {.title = ms_strbuf_str(&title), .subtitle = ms_strbuf_str(&subtitle),
                            .y_label = "change, %", .source_line = ms_strbuf_str(&sources),
                            .note = ms_strbuf_str(&note), .width = req->width, .height = req->height};

    ms_chart_frame_texts(&frame, 0, &body, NULL, NULL);
    ms_chart_time_axis(&e, ms_chart_plot_px(&frame), true, &body);
    /* room for the labels beyond the whiskers */
    double span = fmax(e.y_hi, 0.0) - fmin(e.y_lo, 0.0);
    span = span > 0 ? span : 1.0;
    double min_len = INFINITY;
    for (size_t i = 0; i < l->count; i++)
        if (l->items[i].status != MS_CHANGE_FIRST)
            min_len = fmin(min_len, period_len(l->items[i].current->period));
    double x_span = (e.x_hi - e.x_lo) * 1.06;
    double bar_px = min_len * 0.7 / x_span * ms_chart_plot_px(&frame);
    double pad = span * (bar_px < 6.0 * 5.5 ? 0.22 : 0.12);
    ms_value_axis y = {.axis = 'y', .from_zero = true, .percent = true};
    double bottom, top;
    ms_chart_value_axis(&y, fmin(e.y_lo, 0.0) - (e.y_lo < 0 ? pad : 0), fmax(e.y_hi, 0.0) + (e.y_hi > 0 ? pad : 0),
                        &body, &bottom, &top);
    bar_labels(l, bar_px, top - bottom, &body);
    ms_strbuf_puts(&body, "set style fill solid 0.85 noborder\nplot ");
    size_t drawn = 0;
    const char *blocks[] = {"ms_up", "ms_down"};
    const char *colours[] = {RISE_COLOUR, FALL_COLOUR};
    size_t counts[] = {n_up, n_down};
    for (int k = 0; k < 2; k++) {
        if (!counts[k])
            continue;
        ms_strbuf_printf(&body, "%s$%s using 1:2:5:6:(0):2 with boxxyerror lc rgb '%s' notitle, \\\n     "
                                "$%s using 1:3:(0):($4-$3) with vectors heads size screen 0.01,90 lw 1.2 lc rgb '#333333' notitle",
                         drawn++ ? ", \\\n     " : "", blocks[k], colours[k], blocks[k]);
    }
    ms_strbuf_putc(&body, '\n');
    ms_status st = MS_OK;
    if (ms_strbuf_failed(&title) || ms_strbuf_failed(&subtitle) || ms_strbuf_failed(&sources) ||
        ms_strbuf_failed(&note))
        st = MS_ERR_NOMEM;
    if (st == MS_OK)
        st = ms_chart_draw(gp, &frame, out_base, req->formats, &data, &body, err);
    ms_strbuf_free(&data);
    ms_strbuf_free(&body);
    ms_strbuf_free(&title);
    ms_strbuf_free(&subtitle);
    ms_strbuf_free(&sources);
    ms_strbuf_free(&note);
    return st;
}

/* "yoy_<metric>_<place>[_<subject>]_<source>" made of file-name characters. */
static char *yoy_stem(const ms_series_key *k)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_strbuf_printf(&sb, "yoy_%s_%s", k->metric ? k->metric : "-", k->place ? k->place : "-");
    if (k->subject)
        ms_strbuf_printf(&sb, "_%s", k->subject);
    if (k->breakdown)
        ms_strbuf_printf(&sb, "_%s", k->breakdown);
    ms_strbuf_printf(&sb, "_%s", k->source ? k->source : "-");
    return ms_chart_stem_take(&sb);
}

ms_status ms_plot_kind_yoy(ms_gnuplot *gp, const ms_plot_request *req, ms_chart_list *out, ms_strbuf *err)
{
    const ms_series_set *ss = req->series;
    const char *where = req->out_base ? req->out_base : req->out_dir;
    ms_status st = ms_chart_check_output(req->out_base ? req->out_base : "yoy", req->formats, err);
    if (st != MS_OK)
        return st;
    /* how many charts, first: one file cannot take several */
    size_t n = 0;
    for (size_t i = 0; i < ss->count && st == MS_OK; i++) {
        if (ss->items[i].key.kind != MS_KIND_COUNT)
            continue;
        ms_change_list l;
        st = ms_stats_changes(&ss->items[i], MS_CHANGE_YOY, &l);
        n += st == MS_OK && has_change(&l);
        ms_change_list_free(&l);
    }
    if (st == MS_OK && n == 0)
        return ms_chart_no_data(where, "no series has two counts a year apart: no change to draw", err);
    ms_strbuf base;
    ms_strbuf_init(&base);
    for (size_t i = 0; i < ss->count && st == MS_OK; i++) {
        const ms_series *s = &ss->items[i];
        if (s->key.kind != MS_KIND_COUNT)
            continue;
        ms_change_list l;
        st = ms_stats_changes(s, MS_CHANGE_YOY, &l);
        if (st == MS_OK && has_change(&l)) {
            char *stem = yoy_stem(&s->key);
            st = stem ? ms_plot_out_base(req, "yoy", stem, n, "one per series", &base, err) : MS_ERR_NOMEM;
            if (st == MS_OK)
                st = draw_yoy(gp, req, s, &l, ms_strbuf_str(&base), err);
            if (st == MS_OK)
                st = ms_chart_list_add(out, s->key.metric, stem);
            free(stem);
        }
        ms_change_list_free(&l);
    }
    ms_strbuf_free(&base);
    return st;
}
