/* chart_line.c — the time-series chart (ms_chart_line): one line per
 * series, whiskers for each figure's interval, title, subtitle, legend and
 * source line, drawn once per output format. Axis ticks are computed here
 * (the x axis names periods at their middles, the y axis groups digits
 * without a locale) and every label reaches gnuplot through ms_gp_quote.
 * Files are rendered under mkstemp names and renamed once gnuplot has
 * closed them. */
#include "core/num.h"
#include "core/period.h"
#include "plots/datablock.h"
#include "plots/plots.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Okabe–Ito, reordered so the first lines get the strongest contrast on
 * white (yellow last); point shapes cycle too, so lines differ without
 * colour. */
static const char *const palette[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                      "#E69F00", "#56B4E9", "#000000", "#F0E442"};
static const int point_types[] = {7, 5, 9, 13, 11, 15};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static const struct terminal {
    ms_plot_format format;
    const char *ext;
    const char *set; /* fixed size and font so outputs are reproducible */
} terminals[] = {
    {MS_PLOT_SVG, "svg", "set terminal svg size 800,450 fixed font 'sans,11' noenhanced background rgb 'white'\n"},
    {MS_PLOT_PNG, "png", "set terminal pngcairo size 1000,560 font 'sans,11' noenhanced background rgb 'white'\n"},
    {MS_PLOT_PDF, "pdf", "set terminal pdfcairo size 8in,4.5in font 'sans,10' noenhanced background rgb 'white'\n"},
};

/* Layout estimates for the narrowest output (SVG, 800 px wide, 11 px
 * font), used to keep tick labels apart and to size the legend. */
#define PLOT_WIDTH_PX 680.0
#define CHAR_PX 7.0
#define PLOT_WIDTH_CHARS 104 /* legend font */
#define WRAP_CHARS 110 /* source line and subtitle, smaller font */

/* Narrow no-break space (U+202F): the SI digit group separator. */
#define DIGIT_GROUP "\xe2\x80\xaf"

/* ------------------------------------------------------------ output names */

/* Appends s to sb with control characters shown as '?' (for messages). */
static void put_visible(ms_strbuf *sb, const char *s)
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

/* ------------------------------------------------------------ what is drawn */

typedef struct chart_extent {
    size_t n_points;
    double x_lo, x_hi;     /* first day start .. last day end, seconds */
    double y_lo, y_hi;     /* values and whiskers */
    ms_period_grain grain; /* of every period drawn; MS_GRAIN_SPAN if mixed */
} chart_extent;

static void measure(const ms_line_chart *c, chart_extent *e)
{
    *e = (chart_extent){0, INFINITY, -INFINITY, INFINITY, -INFINITY, MS_GRAIN_NONE};
    for (size_t i = 0; i < c->n_lines; i++)
        for (size_t k = 0; c->lines[i] && k < c->lines[i]->count; k++) {
            const ms_figure *f = c->lines[i]->items[k];
            ms_datablock_point pt;
            if (!ms_datablock_point_of(f, &pt))
                continue;
            ms_period_grain g = ms_period_grain_of(f->period);
            e->grain = e->n_points == 0 || e->grain == g ? g : MS_GRAIN_SPAN;
            e->n_points++;
            e->x_lo = fmin(e->x_lo, (double)f->period.start * 86400.0);
            e->x_hi = fmax(e->x_hi, ((double)f->period.end + 1.0) * 86400.0);
            e->y_lo = fmin(e->y_lo, fmin(pt.y, pt.lo));
            e->y_hi = fmax(e->y_hi, fmax(pt.y, pt.hi));
        }
}

/* ------------------------------------------------------------ axes */

/* Appends v with its integer digits grouped by three (when `group`), the
 * sign and fraction as ms_num_format writes them. */
static void put_grouped(ms_strbuf *sb, double v, bool group)
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
            ms_strbuf_puts(sb, DIGIT_GROUP);
        ms_strbuf_putc(sb, p[i]);
    }
    ms_strbuf_puts(sb, p + n_int);
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

/* y ticks at multiples of 1, 2, 2.5 or 5 times a power of ten: about six of
 * them from 0 (or the lowest value) to the highest whisker. Labels are made
 * here, so gnuplot's locale-dependent formats are never used. */
static void y_axis(const chart_extent *e, ms_strbuf *sb)
{
    double lo = fmin(0.0, e->y_lo), hi = fmax(0.0, e->y_hi);
    if (!(hi > lo))
        hi = lo + 1.0;
    if (hi - lo > 1e15 || hi - lo < 1e-9) { /* beyond exact tick arithmetic: gnuplot's own */
        ms_strbuf_puts(sb, "set yrange [*:*]\nset ytics nomirror out scale 0.5\nset format y '%.4g'\n");
        return;
    }
    double raw = (hi - lo) / 6.0;
    int ex = (int)floor(log10(raw));
    double f = raw / pow(10.0, ex);
    /* in tenths of 10^ex; 2.5 only where the ticks stay whole numbers */
    tick_step s = {f <= 1.0 ? 10 : f <= 2.0 ? 20 : (f <= 2.5 && ex >= 1) ? 25 : f <= 5.0 ? 50 : 100, ex - 1};
    double step = tick_at(s, 1);
    long k_lo = (long)floor(lo / step), k_hi = (long)ceil(hi / step);
    double bottom = tick_at(s, k_lo), top = tick_at(s, k_hi);
    bool group = fmax(fabs(top), fabs(bottom)) >= 10000.0; /* 4 digits read fine */
    ms_strbuf_puts(sb, "set yrange [");
    ms_strbuf_num(sb, bottom);
    ms_strbuf_putc(sb, ':');
    ms_strbuf_num(sb, top);
    ms_strbuf_puts(sb, "]\nset ytics nomirror out scale 0.5 (");
    ms_strbuf label;
    ms_strbuf_init(&label);
    for (long k = k_lo; k <= k_hi; k++) {
        ms_strbuf_clear(&label);
        put_grouped(&label, tick_at(s, k), group);
        if (k > k_lo)
            ms_strbuf_puts(sb, ", ");
        ms_gp_quote(ms_strbuf_str(&label), sb);
        ms_strbuf_putc(sb, ' ');
        ms_strbuf_num(sb, tick_at(s, k));
    }
    if (ms_strbuf_failed(&label))
        sb->failed = true;
    ms_strbuf_free(&label);
    ms_strbuf_puts(sb, ")\n");
    if (bottom < 0)
        ms_strbuf_puts(sb, "set xzeroaxis lt 1 lc rgb '#888888' lw 1\n");
}

/* x: a time axis (Unix seconds) with a tick in the middle of every
 * calendar period of one grain (the grain of the data, or years or months
 * when grains are mixed), labelled as the period is written ("2023",
 * "2024-Q1", "2024-07"): a point sits right above its period's name. Every
 * k-th period is labelled (k from a short list, so labels stay regular and
 * apart in the narrowest output), the others get a small tick; when no k
 * fits, the next coarser grain is used. */
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
    for (size_t i = 0; i < N_OF(axis_grains); i++)
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

static void x_axis(const chart_extent *e, ms_strbuf *sb)
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
        double len_px = ag->days * 86400.0 / (hi - lo) * PLOT_WIDTH_PX;
        for (size_t k = 0; k < N_OF(ag->strides) && ag->strides[k] && !stride; k++)
            if ((double)ag->strides[k] * len_px >= need_px)
                stride = ag->strides[k];
        if (stride)
            break;
        if (ag->grain == ag->coarser) { /* years beyond every stride: the largest */
            stride = ag->strides[N_OF(ag->strides) - 1];
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
        ms_gp_quote(labelled ? text : "", sb);
        ms_strbuf_putc(sb, ' ');
        ms_strbuf_num(sb, ((double)p.start + (double)p.end + 1.0) / 2.0 * 86400.0);
        if (!labelled)
            ms_strbuf_puts(sb, " 1"); /* minor tick */
    }
    ms_strbuf_puts(sb, ")\n");
}

/* ------------------------------------------------------------ text */

/* Number of characters (not bytes) in s[0..len). */
static size_t n_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xc0) != 0x80;
    return n;
}

/* Appends s as a gnuplot string expression, broken into lines of about
 * `width` characters at spaces: 'line one' . "\n" . 'line two'. Each piece
 * is an ms_gp_quote literal; the joining "\n" is ours. Returns the number
 * of lines. */
static size_t put_wrapped(ms_strbuf *sb, const char *s, size_t width)
{
    size_t lines = 1, len = strlen(s);
    ms_strbuf piece;
    ms_strbuf_init(&piece);
    size_t start = 0;
    while (len - start > 0 && n_chars(s + start, len - start) > width) {
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

/* Legend rows with entries side by side under the plot (an estimate of
 * gnuplot's own layout, to leave room for them). */
static size_t legend_rows(const ms_line_chart *c, const size_t *points)
{
    size_t widest = 1, n = 0;
    for (size_t i = 0; i < c->n_lines; i++) {
        const char *l = c->labels ? c->labels[i] : NULL;
        if (!l || !*l || !points[i])
            continue;
        n++;
        size_t w = n_chars(l, strlen(l));
        widest = w > widest ? w : widest;
    }
    if (n == 0)
        return 0;
    size_t per_row = PLOT_WIDTH_CHARS / (widest + 6); /* sample line and gap */
    per_row = per_row ? per_row : 1;
    return (n + per_row - 1) / per_row;
}

/* Everything but terminal, output and data: texts, axes, the plot. */
static void chart_body(const ms_line_chart *c, const chart_extent *e, const size_t *points,
                       ms_strbuf *sb)
{
    ms_strbuf_puts(sb, "set termoption noenhanced\n"
                       "set border 3 lc rgb '#444444'\nset grid ytics lt 1 lc rgb '#e0e0e0'\n"
                       "set bars 0.6\nset errorbars lw 1.5\n");
    /* title and subtitle left-aligned above the plot, source line at the
     * bottom, all noenhanced so no text is read as markup */
    size_t top = 2;
    ms_strbuf_puts(sb, "set label 1 ");
    ms_gp_quote(c->title, sb);
    ms_strbuf_puts(sb, " at screen 0, screen 1 offset 1.5,-1.3 left noenhanced font 'sans Bold,14'\n");
    if (c->subtitle && *c->subtitle) {
        ms_strbuf_puts(sb, "set label 2 ");
        size_t n = put_wrapped(sb, c->subtitle, WRAP_CHARS);
        ms_strbuf_puts(sb, " at screen 0, screen 1 offset 1.5,-2.7 left noenhanced font 'sans,10' "
                           "textcolor rgb '#444444'\n");
        top += n + 1;
    }
    /* from the bottom of the canvas up, in character heights: the source
     * line, the legend, the x tick labels */
    double key_top = 0.6;
    if (c->source_line && *c->source_line) {
        ms_strbuf_puts(sb, "set label 3 ");
        size_t n = put_wrapped(sb, c->source_line, WRAP_CHARS);
        ms_strbuf_puts(sb, " at character 1.5, character ");
        ms_strbuf_num(sb, 0.9 * (double)n);
        ms_strbuf_puts(sb, " left noenhanced font 'sans,9' textcolor rgb '#555555'\n");
        key_top = 0.9 * (double)n + 0.9;
    }
    size_t rows = legend_rows(c, points);
    if (rows) {
        key_top += 1.15 * (double)rows;
        ms_strbuf_puts(sb, "set key at character 1.5, character ");
        ms_strbuf_num(sb, key_top);
        ms_strbuf_puts(sb, " left top horizontal Left reverse noenhanced samplen 2.5 spacing 1.1 "
                           "width 1 font ',10'\n");
    } else {
        ms_strbuf_puts(sb, "unset key\n");
    }
    ms_strbuf_printf(sb, "set tmargin %zu\nset bmargin %d\nset rmargin 4\n", top + 1, (int)ceil(key_top + 2.2));
    if (c->y_label && *c->y_label) {
        ms_strbuf_puts(sb, "set ylabel ");
        ms_gp_quote(c->y_label, sb);
        ms_strbuf_puts(sb, " noenhanced textcolor rgb '#444444'\n");
    }
    x_axis(e, sb);
    y_axis(e, sb);
    ms_strbuf_puts(sb, "plot ");
    size_t drawn = 0;
    for (size_t i = 0; i < c->n_lines; i++) {
        if (!points[i])
            continue; /* gnuplot would only warn about an empty line */
        if (drawn++)
            ms_strbuf_puts(sb, ", \\\n     ");
        /* each line a little thinner and its points smaller than the one
         * before, so where sources agree the earlier line shows around the
         * later one instead of vanishing under it */
        double rank = (double)(drawn - 1);
        ms_strbuf_printf(sb, "$ms_d%zu using 1:2:5:6:3:4 with xyerrorlines pt %d lc rgb '%s' lw ", i,
                         point_types[i % N_OF(point_types)], palette[i % N_OF(palette)]);
        ms_strbuf_num(sb, fmax(1.0, 3.2 - 0.7 * rank));
        ms_strbuf_puts(sb, " ps ");
        ms_strbuf_num(sb, fmax(0.6, 1.6 - 0.35 * rank));
        ms_strbuf_putc(sb, ' ');
        const char *label = c->labels ? c->labels[i] : NULL;
        if (label && *label) {
            ms_strbuf_puts(sb, "title ");
            ms_gp_quote(label, sb);
        } else {
            ms_strbuf_puts(sb, "notitle");
        }
    }
    ms_strbuf_putc(sb, '\n');
}

/* ------------------------------------------------------------ files */

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
            put_visible(err, file);
            ms_strbuf_puts(err, "': ");
            ms_strbuf_append(err, line, n);
            ms_strbuf_putc(err, '\n');
        }
        line += n + (nl ? 1 : 0);
    }
}

/* Renders one format: a temporary file made here, gnuplot draws into it,
 * it is synced and renamed over the final name. */
static ms_status render(ms_gnuplot *gp, const struct terminal *t, const char *out_base,
                        const ms_strbuf *body, ms_strbuf *err)
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
        ms_strbuf_puts(&cmd, t->set);
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

ms_status ms_chart_line(ms_gnuplot *gp, const ms_line_chart *chart, const char *out_base,
                        unsigned formats, ms_strbuf *err)
{
    const char *why = bad_out_base(out_base);
    if (why) {
        ms_strbuf_puts(err, "refusing chart output name '");
        put_visible(err, out_base ? out_base : "");
        ms_strbuf_printf(err, "': %s\n", why);
        return MS_ERR_USAGE;
    }
    if (!(formats & (MS_PLOT_SVG | MS_PLOT_PNG | MS_PLOT_PDF))) {
        ms_strbuf_puts(err, "chart '");
        put_visible(err, out_base);
        ms_strbuf_puts(err, "': no output format chosen\n");
        return MS_ERR_USAGE;
    }
    chart_extent ext;
    measure(chart, &ext);
    ms_status st = MS_OK;
    if (ext.n_points == 0) {
        ms_strbuf_puts(err, "chart '");
        put_visible(err, out_base);
        ms_strbuf_puts(err, "': no value with a period to draw\n");
        st = MS_ERR_DATA;
    }
    size_t *points = st == MS_OK ? calloc(chart->n_lines, sizeof *points) : NULL;
    if (st == MS_OK && !points)
        st = MS_ERR_NOMEM;
    ms_strbuf data, body;
    ms_strbuf_init(&data);
    ms_strbuf_init(&body);
    if (st == MS_OK) {
        /* data once per chart: datablocks outlive `reset` */
        for (size_t i = 0; i < chart->n_lines; i++) {
            char name[32];
            snprintf(name, sizeof name, "ms_d%zu", i);
            static const ms_series none = {0};
            points[i] = ms_datablock_series(name, chart->lines[i] ? chart->lines[i] : &none, &data);
        }
        chart_body(chart, &ext, points, &body);
        if (ms_strbuf_failed(&data) || ms_strbuf_failed(&body))
            st = MS_ERR_NOMEM;
    }
    if (st == MS_OK) {
        ms_strbuf said;
        ms_strbuf_init(&said);
        st = ms_gnuplot_run(gp, data.data, data.len, &said);
        put_prefixed(err, out_base, ms_strbuf_str(&said));
        ms_strbuf_free(&said);
    }
    for (size_t t = 0; t < N_OF(terminals) && st == MS_OK; t++)
        if (formats & terminals[t].format)
            st = render(gp, &terminals[t], out_base, &body, err);
    free(points);
    ms_strbuf_free(&data);
    ms_strbuf_free(&body);
    return st;
}
