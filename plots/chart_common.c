/* chart_common.c — helpers every chart kind shares (chart_common.h): the
 * palette, output names, extents, value and time axes with ticks made
 * here, wrapped texts, the frame of titles, notes and legend, and the
 * rendering of each format under a mkstemp name renamed once gnuplot has
 * closed it. */
#include "plots/chart_common.h"

#include "core/num.h"
#include "plots/datablock.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *const ms_chart_palette[8] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                         "#E69F00", "#56B4E9", "#000000", "#F0E442"};
const int ms_chart_point_filled[6] = {7, 5, 9, 13, 11, 15};
const int ms_chart_point_hollow[6] = {6, 4, 8, 12, 10, 14};

#define DEFAULT_WIDTH 800
#define DEFAULT_HEIGHT 450
/* Layout estimates at the fixed 11 px font: a character is about 7 px. */
#define CHAR_PX 7.0
#define WRAP_MARGIN_CHARS 13/* the source line and subtitle, smaller font */

int ms_chart_width(const ms_chart_frame *f) { return f && f->width > 0 ? f->width : DEFAULT_WIDTH; }
int ms_chart_height(const ms_chart_frame *f) { return f && f->height > 0 ? f->height : DEFAULT_HEIGHT; }
double ms_chart_plot_px(const ms_chart_frame *f) { return (double)ms_chart_width(f) - 120.0; }

/* Characters of the smaller text font in a line across the chart. */
static size_t wrap_chars(const ms_chart_frame *f)
{
    double n = (double)ms_chart_width(f) / 6.5 - WRAP_MARGIN_CHARS;
    return n < 30 ? 30 : (size_t)n;
}

/* ------------------------------------------------------------ names */

void ms_chart_put_visible(ms_strbuf *sb, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        ms_strbuf_putc(sb, *p < 0x20 || *p == 0x7f ? '?' : (char)*p);
}

/* Why out_base cannot name a chart, or NULL when it can. gnuplot opens a
 * pipe for an output name starting with '|'; '<' starts a pipe where data
 * is read; both are refused in any final name as well. */
static const char *bad_out_base(const char *base)
{
    if (!base || !*base)
        return "empty name";
    for (const unsigned char *p = (const unsigned char *)base; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return "control character in the name";
    if (!ms_gp_quote_is_lossless(base))
        return "name is not valid UTF-8";
    const char *last = strrchr(base, '/');
    last = last ? last + 1 : base;
    if (!*last)
        return "name ends with '/'";
    if (base[0] == '|' || base[0] == '<' || last[0] == '|' || last[0] == '<')
        return "name starts with '|' or '<'";
    return NULL;
}

ms_status ms_chart_check_output(const char *out_base, unsigned formats, ms_strbuf *err)
{
    const char *why = bad_out_base(out_base);
    if (why) {
        ms_strbuf_puts(err, "refusing chart output name '");
        ms_chart_put_visible(err, out_base ? out_base : "");
        ms_strbuf_printf(err, "': %s\n", why);
        return MS_ERR_USAGE;
    }
    if (!(formats & (MS_PLOT_SVG | MS_PLOT_PNG | MS_PLOT_PDF))) {
        ms_strbuf_puts(err, "chart '");
        ms_chart_put_visible(err, out_base);
        ms_strbuf_puts(err, "': no output format chosen\n");
        return MS_ERR_USAGE;
    }
    return MS_OK;
}

ms_status ms_chart_no_data(const char *out_base, const char *what, ms_strbuf *err)
{
    ms_strbuf_puts(err, "chart '");
    ms_chart_put_visible(err, out_base);
    ms_strbuf_printf(err, "': %s\n", what);
    return MS_ERR_DATA;
}

char *ms_chart_stem(const char *s)
{
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        p[i] = (char)((isalnum(c) && c < 0x80) || c == '_' || c == '-' ? tolower(c) : '_');
    }
    p[n] = '\0';
    return p;
}

char *ms_chart_stem_take(ms_strbuf *sb)
{
    char *stem = ms_strbuf_failed(sb) ? NULL : ms_chart_stem(ms_strbuf_str(sb));
    ms_strbuf_free(sb);
    return stem;
}

/* ------------------------------------------------------------ extents */

void ms_chart_extent_init(ms_chart_extent *e)
{
    *e = (ms_chart_extent){0, INFINITY, -INFINITY, INFINITY, -INFINITY, MS_GRAIN_NONE};
}

void ms_chart_extent_add(ms_chart_extent *e, ms_period p, double y, double lo, double hi)
{
    if (ms_period_is_none(p))
        return;
    ms_period_grain g = ms_period_grain_of(p);
    e->grain = e->n_points == 0 || e->grain == g ? g : MS_GRAIN_SPAN;
    e->n_points++;
    e->x_lo = fmin(e->x_lo, (double)p.start * 86400.0);
    e->x_hi = fmax(e->x_hi, ((double)p.end + 1.0) * 86400.0);
    if (isfinite(y)) {
        e->y_lo = fmin(e->y_lo, fmin(y, lo));
        e->y_hi = fmax(e->y_hi, fmax(y, hi));
    }
}

size_t ms_chart_extent_add_series(ms_chart_extent *e, const ms_series *s)
{
    size_t n = 0;
    for (size_t k = 0; s && k < s->count; k++) {
        ms_datablock_point pt;
        if (!ms_datablock_point_of(s->items[k], &pt))
            continue;
        ms_chart_extent_add(e, s->items[k]->period, pt.y, pt.lo, pt.hi);
        n++;
    }
    return n;
}

/* ------------------------------------------------------------ value axes */

void ms_chart_put_grouped(ms_strbuf *sb, double v, bool group)
{
    char buf[MS_NUM_BUFSZ];
    ms_num_format(v, buf);
    const char *p = buf;
    if (!group || strchr(buf, 'e')) {
        ms_strbuf_puts(sb, buf);
        return;
    }
    if (*p == '-')
        ms_strbuf_putc(sb, *p++);
    size_t n_int = strcspn(p, ".");
    for (size_t i = 0; i < n_int; i++) {
        if (i && (n_int - i) % 3 == 0)
            ms_strbuf_puts(sb, MS_DIGIT_GROUP);
        ms_strbuf_putc(sb, p[i]);
    }
    ms_strbuf_puts(sb, p + n_int);
}

void ms_chart_put_percent(ms_strbuf *sb, double pct)
{
    double r = fabs(pct) >= 9.95 ? round(pct) : round(pct * 10.0) / 10.0;
    if (r == 0) {
        ms_strbuf_puts(sb, "0 %");
        return;
    }
    ms_strbuf_puts(sb, r > 0 ? "+" : MS_MINUS_SIGN);
    ms_chart_put_grouped(sb, fabs(r), fabs(r) >= 10000.0);
    ms_strbuf_puts(sb, " %");
}

/* A tick step q * 10^ex (q an integer, ex maybe negative), so that every
 * tick k * step is computed from integers and prints exactly ("0.3"). */
typedef struct tick_step {
    long q;
    int ex;
} tick_step;

static double tick_at(tick_step s, long k)
{
    return s.ex < 0 ? (double)(k * s.q) / pow(10.0, -s.ex) : (double)(k * s.q) * pow(10.0, s.ex);
}

void ms_chart_value_axis(const ms_value_axis *a, double lo, double hi, ms_strbuf *sb,
                         double *bottom_out, double *top_out)
{
    char ax = a->axis;
    if (a->from_zero) {
        lo = fmin(0.0, lo);
        hi = fmax(0.0, hi);
    }
    if (!(hi > lo)) { /* one value: a unit around it */
        double pad = fabs(lo) > 0 ? fabs(lo) * 0.1 : 1.0;
        hi = lo + pad;
        lo = a->from_zero ? fmin(0.0, lo) : lo - pad;
    }
    if (hi - lo > 1e15 || hi - lo < 1e-9 || !isfinite(hi - lo)) { /* beyond exact ticks */
        ms_strbuf_printf(sb, "set %crange [*:*]\nset %ctics nomirror out scale 0.5\nset format %c '%%.4g'\n",
                         ax, ax, ax);
        *bottom_out = lo;
        *top_out = hi;
        return;
    }
    double raw = (hi - lo) / (a->n_ticks > 0 ? a->n_ticks : 6);
    int ex = (int)floor(log10(raw));
    double f = raw / pow(10.0, ex);
    /* in tenths of 10^ex; 2.5 only where the ticks stay whole numbers */
    tick_step s = {f <= 1.0 ? 10 : f <= 2.0 ? 20 : (f <= 2.5 && ex >= 1) ? 25 : f <= 5.0 ? 50 : 100, ex - 1};
    double step = tick_at(s, 1);
    long k_lo = (long)floor(lo / step), k_hi = (long)ceil(hi / step);
    double bottom = tick_at(s, k_lo), top = tick_at(s, k_hi);
    bool group = fmax(fabs(top), fabs(bottom)) >= 10000.0; /* 4 digits read fine */
    ms_strbuf_printf(sb, "set %crange [", ax);
    ms_strbuf_num(sb, bottom);
    ms_strbuf_putc(sb, ':');
    ms_strbuf_num(sb, top);
    ms_strbuf_printf(sb, "]\nset %ctics nomirror out scale 0.5 (", ax);
    ms_strbuf label;
    ms_strbuf_init(&label);
    for (long k = k_lo; k <= k_hi; k++) {
        double v = tick_at(s, k);
        ms_strbuf_clear(&label);
        if (a->percent) {
            if (v != 0)
                ms_strbuf_puts(&label, v > 0 ? "+" : MS_MINUS_SIGN);
            ms_chart_put_grouped(&label, fabs(v), group);
            if (v != 0) /* tick labels are formats to gnuplot: '%%' shows '%' */
                ms_strbuf_puts(&label, " %%");
        } else {
            ms_chart_put_grouped(&label, v, group);
        }
        if (k > k_lo)
            ms_strbuf_puts(sb, ", ");
        ms_gp_quote(ms_strbuf_str(&label), sb);
        ms_strbuf_putc(sb, ' ');
        ms_strbuf_num(sb, v);
    }
    if (ms_strbuf_failed(&label))
        sb->failed = true;
    ms_strbuf_free(&label);
    ms_strbuf_puts(sb, ")\n");
    if (bottom < 0 && top > 0)
        ms_strbuf_printf(sb, "set %czeroaxis lt 1 lc rgb '#666666' lw 1\n", ax == 'y' ? 'x' : 'y');
    *bottom_out = bottom;
    *top_out = top;
}

/* ------------------------------------------------------------ time axis */

/* Each k-th period is labelled (k from a short list, so labels stay
 * regular and apart), the others get a small tick; when no k fits, the
 * next coarser grain is used. */
typedef struct axis_grain {
    ms_period_grain grain;
    double days;            /* typical length */
    int strides[10];        /* label every k-th period; 0 ends the list */
    ms_period_grain coarser;
} axis_grain;

static const axis_grain axis_grains[] = {
    {MS_GRAIN_DAY, 1.0, {1, 2, 7, 14, 0}, MS_GRAIN_MONTH},
    {MS_GRAIN_MONTH, 30.44, {1, 2, 3, 6, 0}, MS_GRAIN_YEAR},
    {MS_GRAIN_QUARTER, 91.31, {1, 2, 4, 0}, MS_GRAIN_YEAR},
    {MS_GRAIN_HALF, 182.62, {1, 2, 0}, MS_GRAIN_YEAR},
    {MS_GRAIN_YEAR, 365.25, {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000}, MS_GRAIN_YEAR},
};

static const axis_grain *axis_grain_of(ms_period_grain g)
{
    for (size_t i = 0; i < MS_N_OF(axis_grains); i++)
        if (axis_grains[i].grain == g)
            return &axis_grains[i];
    return NULL;
}

static long floor_div(long a, long b) { return a / b - (a % b < 0); }

/* Periods of a grain numbered consecutively (years by their number). */
static long period_index(ms_period_grain g, int32_t day)
{
    int y, m, d;
    ms_civil_from_day(day, &y, &m, &d);
    switch (g) {
    case MS_GRAIN_DAY: return day;
    case MS_GRAIN_MONTH: return (long)y * 12 + (m - 1);
    case MS_GRAIN_QUARTER: return (long)y * 4 + (m - 1) / 3;
    case MS_GRAIN_HALF: return (long)y * 2 + (m - 1) / 6;
    default: return y;
    }
}

static ms_period period_at(ms_period_grain g, long idx)
{
    long months = g == MS_GRAIN_MONTH ? 1 : g == MS_GRAIN_QUARTER ? 3 : g == MS_GRAIN_HALF ? 6 : 12;
    if (g == MS_GRAIN_DAY)
        return (ms_period){(int32_t)idx, (int32_t)idx};
    long per_year = 12 / months;
    int y = (int)floor_div(idx, per_year);
    int m0 = (int)((idx - (long)y * per_year) * months) + 1, m1 = m0 + (int)months - 1;
    return (ms_period){ms_day_from_civil(y, m0, 1), ms_day_from_civil(y, m1, ms_days_in_month(y, m1))};
}

void ms_chart_time_axis(const ms_chart_extent *e, double plot_px, bool labels, ms_strbuf *sb)
{
    double span = e->x_hi - e->x_lo;
    double lo = e->x_lo - span * 0.03, hi = e->x_hi + span * 0.03;
    ms_strbuf_puts(sb, "set xdata time\nset timefmt '%s'\nset xrange [");
    ms_strbuf_num(sb, lo);
    ms_strbuf_putc(sb, ':');
    ms_strbuf_num(sb, hi);
    ms_strbuf_puts(sb, "]\nset xtics nomirror out scale 0.5,0.3 (");
    /* one grain for the data, or a calendar grain for a mix */
    ms_period_grain g = e->grain;
    if (!axis_grain_of(g))
        g = span > 2.0 * 366.0 * 86400.0 ? MS_GRAIN_YEAR : MS_GRAIN_MONTH;
    int32_t first_day = (int32_t)floor(e->x_lo / 86400.0), last_day = (int32_t)floor(e->x_hi / 86400.0) - 1;
    const axis_grain *ag = axis_grain_of(g);
    int stride = 0;
    for (;;) {
        char text[MS_PERIOD_BUFSZ]; /* every label of a grain is as long */
        size_t n = ms_period_format(period_at(ag->grain, period_index(ag->grain, first_day)), text);
        double need_px = ((double)n + 2.0) * CHAR_PX;
        double len_px = ag->days * 86400.0 / (hi - lo) * plot_px;
        for (size_t k = 0; k < MS_N_OF(ag->strides) && ag->strides[k] && !stride; k++)
            if ((double)ag->strides[k] * len_px >= need_px)
                stride = ag->strides[k];
        if (stride)
            break;
        if (ag->grain == ag->coarser) { /* years beyond every stride: the largest */
            stride = ag->strides[MS_N_OF(ag->strides) - 1];
            break;
        }
        ag = axis_grain_of(ag->coarser);
    }
    long i0 = period_index(ag->grain, first_day), i1 = period_index(ag->grain, last_day);
    bool minor = i1 - i0 < 300; /* more small ticks would be a smear */
    size_t n_written = 0;
    for (long idx = i0; idx <= i1; idx++) {
        bool labelled = floor_div(idx, stride) * stride == idx;
        if (!labelled && !minor)
            continue;
        ms_period p = period_at(ag->grain, idx);
        char text[MS_PERIOD_BUFSZ];
        ms_period_format(p, text);
        if (n_written++)
            ms_strbuf_puts(sb, ", ");
        ms_gp_quote(labelled && labels ? text : "", sb);
        ms_strbuf_putc(sb, ' ');
        ms_strbuf_num(sb, ((double)p.start + (double)p.end + 1.0) / 2.0 * 86400.0);
        if (!labelled)
            ms_strbuf_puts(sb, " 1"); /* minor tick */
    }
    ms_strbuf_puts(sb, ")\n");
}

/* ------------------------------------------------------------ texts */

size_t ms_chart_n_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xc0) != 0x80;
    return n;
}

size_t ms_chart_put_wrapped(ms_strbuf *sb, const char *s, size_t width)
{
    size_t lines = 1, len = strlen(s);
    ms_strbuf piece;
    ms_strbuf_init(&piece);
    size_t start = 0;
    while (len - start > 0 && ms_chart_n_chars(s + start, len - start) > width) {
        /* end the line at the last space within width, else at the first
         * space after it (a long word is not split) */
        size_t cut = 0, chars = 0;
        for (size_t i = start; i < len; i++) {
            if (s[i] == ' ' && i > start) {
                if (chars <= width || cut == 0)
                    cut = i;
                if (chars > width)
                    break;
            }
            chars += ((unsigned char)s[i] & 0xc0) != 0x80;
        }
        if (!cut)
            break;
        ms_strbuf_clear(&piece);
        ms_strbuf_append(&piece, s + start, cut - start);
        ms_gp_quote(ms_strbuf_str(&piece), sb);
        ms_strbuf_puts(sb, " . \"\\n\" . ");
        lines++;
        start = cut + 1;
    }
    ms_gp_quote(s + start, sb);
    if (ms_strbuf_failed(&piece))
        sb->failed = true;
    ms_strbuf_free(&piece);
    return lines;
}

size_t ms_chart_legend_rows(const ms_chart_frame *f, size_t n, size_t widest)
{
    if (n == 0)
        return 0;
    size_t chars = (size_t)(ms_chart_plot_px(f) / 6.5); /* legend font, 10 px */
    size_t per_row = chars / (widest + 6);              /* sample line and gap */
    per_row = per_row ? per_row : 1;
    return (n + per_row - 1) / per_row;
}

void ms_chart_put_key(ms_strbuf *sb, double key_top)
{
    ms_strbuf_puts(sb, "set key at character 1.5, character ");
    ms_strbuf_num(sb, key_top);
    ms_strbuf_puts(sb, " left top horizontal Left reverse noenhanced samplen 2.5 spacing 1.1 "
                       "width 1 font ',10'\n");
}

static bool given(const char *s) { return s && *s; }

void ms_chart_frame_texts(const ms_chart_frame *f, size_t legend_rows, ms_strbuf *sb,
                          size_t *top_lines, double *bottom_lines)
{
    ms_strbuf_puts(sb, "set termoption noenhanced\n"
                       "set border 3 lc rgb '#444444'\nset grid ytics lt 1 lc rgb '#e0e0e0'\n"
                       "set bars 0.6\nset errorbars lw 1.5\n");
    size_t wrap = wrap_chars(f);
    /* title and subtitle left-aligned above the plot; source line and
     * notes at the bottom; all noenhanced so no text is read as markup */
    size_t top = 2;
    ms_strbuf_puts(sb, "set label 1 ");
    ms_gp_quote(f->title, sb);
    ms_strbuf_puts(sb, " at screen 0, screen 1 offset 1.5,-1.3 left noenhanced font 'sans Bold,14'\n");
    if (given(f->subtitle)) {
        ms_strbuf_puts(sb, "set label 2 ");
        size_t n = ms_chart_put_wrapped(sb, f->subtitle, wrap);
        ms_strbuf_puts(sb, " at screen 0, screen 1 offset 1.5,-2.7 left noenhanced font 'sans,10' "
                           "textcolor rgb '#444444'\n");
        top += n + 1;
    }
    /* from the bottom of the canvas up, in character heights: the source
     * line, the note, the legend, the x tick labels */
    double used = 0.0;
    if (given(f->source_line)) {
        ms_strbuf_puts(sb, "set label 3 ");
        size_t n = ms_chart_put_wrapped(sb, f->source_line, wrap);
        ms_strbuf_puts(sb, " at character 1.5, character ");
        ms_strbuf_num(sb, 0.9 * (double)n);
        ms_strbuf_puts(sb, " left noenhanced font 'sans,9' textcolor rgb '#555555'\n");
        used += 0.9 * (double)n + 0.2;
    }
    if (given(f->note)) {
        ms_strbuf_puts(sb, "set label 4 ");
        size_t n = ms_chart_put_wrapped(sb, f->note, wrap);
        ms_strbuf_puts(sb, " at character 1.5, character ");
        ms_strbuf_num(sb, used + 0.9 * (double)n);
        ms_strbuf_puts(sb, " left noenhanced font 'sans,9' textcolor rgb '#555555'\n");
        used += 0.9 * (double)n + 0.2;
    }
    double key_top = used + 0.6;
    if (legend_rows) {
        key_top += 1.15 * (double)legend_rows;
        ms_chart_put_key(sb, key_top);
    } else {
        ms_strbuf_puts(sb, "unset key\n");
    }
    ms_strbuf_printf(sb, "set tmargin %zu\nset bmargin %d\nset rmargin 4\n", top + 1, (int)ceil(key_top + 2.2));
    if (given(f->y_label)) {
        ms_strbuf_puts(sb, "set ylabel ");
        ms_gp_quote(f->y_label, sb);
        ms_strbuf_puts(sb, " noenhanced textcolor rgb '#444444'\n");
    }
    if (top_lines)
        *top_lines = top + 1;
    if (bottom_lines)
        *bottom_lines = key_top + 2.2;
}

/* ------------------------------------------------------------ files */

typedef struct terminal {
    ms_plot_format format;
    const char *ext;
} terminal;

static const terminal terminals[] = {{MS_PLOT_SVG, "svg"}, {MS_PLOT_PNG, "png"}, {MS_PLOT_PDF, "pdf"}};

/* Fixed sizes and fonts so outputs are reproducible. Without a size asked
 * for, PNG is drawn a quarter larger than SVG (as before). */
static void put_terminal(ms_strbuf *sb, const terminal *t, const ms_chart_frame *f)
{
    bool sized = f && f->width > 0 && f->height > 0;
    int w = ms_chart_width(f), h = ms_chart_height(f);
    switch (t->format) {
    case MS_PLOT_SVG:
        ms_strbuf_printf(sb, "set terminal svg size %d,%d fixed font 'sans,11' noenhanced "
                             "background rgb 'white'\n", w, h);
        break;
    case MS_PLOT_PNG:
        ms_strbuf_printf(sb, "set terminal pngcairo size %d,%d font 'sans,11' noenhanced "
                             "background rgb 'white'\n", sized ? w : w * 5 / 4, sized ? h : h * 5 / 4);
        break;
    default:
        ms_strbuf_puts(sb, "set terminal pdfcairo size ");
        ms_strbuf_num(sb, (double)w / 100.0);
        ms_strbuf_puts(sb, "in,");
        ms_strbuf_num(sb, (double)h / 100.0);
        ms_strbuf_puts(sb, "in font 'sans,10' noenhanced background rgb 'white'\n");
        break;
    }
}

/* Appends gnuplot's messages to err, each line prefixed with the chart. */
static void put_prefixed(ms_strbuf *err, const char *file, const char *said)
{
    for (const char *line = said; *line;) {
        const char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        size_t k = 0;
        while (k < n && (line[k] == ' ' || line[k] == '\t'))
            k++;
        if (k < n) { /* blank lines say nothing */
            ms_strbuf_puts(err, "chart '");
            ms_chart_put_visible(err, file);
            ms_strbuf_puts(err, "': ");
            ms_strbuf_append(err, line, n);
            ms_strbuf_putc(err, '\n');
        }
        line += n + (nl ? 1 : 0);
    }
}

/* Renders one format: a temporary file made here, gnuplot draws into it,
 * it is synced and renamed over the final name. */
static ms_status render(ms_gnuplot *gp, const terminal *t, const ms_chart_frame *f,
                        const char *out_base, const ms_strbuf *body, ms_strbuf *err)
{
    ms_strbuf final, tmp, cmd, said;
    ms_strbuf_init(&final);
    ms_strbuf_init(&tmp);
    ms_strbuf_init(&cmd);
    ms_strbuf_init(&said);
    ms_strbuf_printf(&final, "%s.%s", out_base, t->ext);
    ms_strbuf_printf(&tmp, "%s.tmp.XXXXXX", ms_strbuf_str(&final));
    ms_status st = ms_strbuf_failed(&final) || ms_strbuf_failed(&tmp) ? MS_ERR_NOMEM : MS_OK;
    int fd = st == MS_OK ? mkstemp(tmp.data) : -1;
    bool made = fd >= 0; /* from here on the temporary file is ours to remove */
    if (st == MS_OK && fd < 0) {
        ms_strbuf_printf(&said, "cannot create a temporary file: %s\n", strerror(errno));
        st = MS_ERR_IO;
    }
    if (fd >= 0) {
        /* mkstemp makes the file 0600 and gnuplot keeps the mode of the file
         * it truncates; outputs are meant to be read (as core/atomic_file) */
        (void)fchmod(fd, 0644);
        close(fd);
    }
    if (st == MS_OK) {
        ms_strbuf_puts(&cmd, "reset\nset encoding utf8\n");
        put_terminal(&cmd, t, f);
        /* "./" keeps gnuplot from reading any name as a pipe or "~" */
        ms_strbuf_puts(&cmd, "set output ");
        ms_strbuf tmp_arg;
        ms_strbuf_init(&tmp_arg);
        if (tmp.data[0] != '/')
            ms_strbuf_puts(&tmp_arg, "./");
        ms_strbuf_puts(&tmp_arg, ms_strbuf_str(&tmp));
        ms_gp_quote(ms_strbuf_str(&tmp_arg), &cmd);
        if (ms_strbuf_failed(&tmp_arg))
            cmd.failed = true;
        ms_strbuf_free(&tmp_arg);
        ms_strbuf_putc(&cmd, '\n');
        ms_strbuf_append(&cmd, body->data, body->len);
        ms_strbuf_puts(&cmd, "unset output\n");
        st = ms_strbuf_failed(&cmd) ? MS_ERR_NOMEM : ms_gnuplot_run(gp, cmd.data, cmd.len, &said);
    }
    struct stat sbuf;
    if (st == MS_OK && (stat(tmp.data, &sbuf) != 0 || sbuf.st_size == 0)) {
        ms_strbuf_puts(&said, "gnuplot wrote nothing\n");
        st = MS_ERR_EXTERNAL;
    }
    if (st == MS_OK) {
        /* on disk before the rename, as core/atomic_file does */
        fd = open(tmp.data, O_RDONLY | O_CLOEXEC);
        if (fd < 0 || fsync(fd) != 0 || rename(tmp.data, final.data) != 0) {
            ms_strbuf_printf(&said, "cannot put the chart in place: %s\n", strerror(errno));
            st = MS_ERR_IO;
        }
        if (fd >= 0)
            close(fd);
    }
    if (st != MS_OK && made)
        unlink(tmp.data); /* never leave a partial chart behind */
    put_prefixed(err, ms_strbuf_str(&final), ms_strbuf_str(&said));
    ms_strbuf_free(&final);
    ms_strbuf_free(&tmp);
    ms_strbuf_free(&cmd);
    ms_strbuf_free(&said);
    return st;
}

ms_status ms_chart_draw(ms_gnuplot *gp, const ms_chart_frame *f, const char *out_base,
                        unsigned formats, const ms_strbuf *data, const ms_strbuf *body,
                        ms_strbuf *err)
{
    if (ms_strbuf_failed(data) || ms_strbuf_failed(body))
        return MS_ERR_NOMEM;
    ms_status st = MS_OK;
    if (data->len) { /* data once per chart: datablocks outlive `reset` */
        ms_strbuf said;
        ms_strbuf_init(&said);
        st = ms_gnuplot_run(gp, data->data, data->len, &said);
        put_prefixed(err, out_base, ms_strbuf_str(&said));
        ms_strbuf_free(&said);
    }
    for (size_t t = 0; t < MS_N_OF(terminals) && st == MS_OK; t++)
        if (formats & terminals[t].format)
            st = render(gp, &terminals[t], f, out_base, body, err);
    return st;
}

/* ------------------------------------------------------------ descriptions */

#define NAMED_PLACES 5

void ms_chart_put_where_when(ms_strbuf *sb, const ms_series *const *s, size_t n)
{
    size_t n_places = 0, n_named = 0;
    ms_period first = ms_period_none(), last = ms_period_none();
    for (size_t i = 0; i < n; i++) {
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = ms_str_eq(s[j]->key.place, s[i]->key.place);
        if (!seen && s[i]->key.place) {
            if (n_named < NAMED_PLACES) {
                ms_strbuf_puts(sb, n_named++ ? ", " : "");
                ms_strbuf_puts(sb, s[i]->key.place);
            }
            n_places++;
        }
        for (size_t k = 0; k < s[i]->count; k++) {
            ms_period p = s[i]->items[k]->period;
            if (ms_period_is_none(p) || ms_figure_is_missing(s[i]->items[k]))
                continue;
            if (ms_period_is_none(first) || ms_period_compare(p, first) < 0)
                first = p;
            if (ms_period_is_none(last) || ms_period_compare(p, last) > 0)
                last = p;
        }
    }
    if (n_places > n_named)
        ms_strbuf_printf(sb, " and %zu more", n_places - n_named);
    if (ms_period_is_none(first))
        return;
    char a[MS_PERIOD_BUFSZ], b[MS_PERIOD_BUFSZ];
    ms_period_format(first, a);
    ms_period_format(last, b);
    ms_strbuf_puts(sb, n_places ? ", " : "");
    ms_strbuf_puts(sb, a);
    if (!ms_period_equal(first, last)) {
        ms_strbuf_puts(sb, strchr(a, '/') || strchr(b, '/') ? " to " : "\xe2\x80\x93"); /* en dash */
        ms_strbuf_puts(sb, b);
    }
}

void ms_chart_put_sources(ms_strbuf *sb, const ms_series *const *s, size_t n)
{
    size_t n_sources = 0;
    for (size_t i = 0; i < n; i++) {
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = ms_str_eq(s[j]->key.source, s[i]->key.source);
        n_sources += !seen;
    }
    ms_strbuf_puts(sb, n_sources > 1 ? "Sources: " : "Source: ");
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = ms_str_eq(s[j]->key.source, s[i]->key.source);
        if (seen)
            continue;
        ms_strbuf_puts(sb, k++ ? ", " : "");
        ms_strbuf_puts(sb, s[i]->key.source ? s[i]->key.source : "unknown");
    }
}

void ms_chart_put_metric_title(ms_strbuf *sb, const ms_metric_registry *metrics, const char *metric)
{
    const ms_metric *m = metrics ? ms_metric_find(metrics, metric) : NULL;
    const char *what = m && m->description && *m->description ? m->description : metric;
    if (!what || !*what)
        return;
    ms_strbuf_putc(sb, (char)toupper((unsigned char)what[0]));
    ms_strbuf_puts(sb, what + 1);
}

const char *ms_chart_metric_unit(const ms_metric_registry *metrics, const char *metric)
{
    const ms_metric *m = metrics ? ms_metric_find(metrics, metric) : NULL;
    return m && m->unit ? m->unit : "count";
}
