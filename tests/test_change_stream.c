/* test_change_stream.c — the streaming change computation gives the figures
 * of the in-memory path (ms_series_group + ms_stats_changes +
 * ms_change_to_figures, as `migstat change` did): the same lines in the
 * same order for input sorted by series, the same lines for any other
 * order; gaps, first periods, missing values and zero bases give no
 * figure; memory holds one series when the input is grouped. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/jsonl.h"
#include "core/series.h"
#include "stats/change_stream.h"
#include "stats/stats.h"

static ms_period per(const char *text)
{
    ms_period p;
    cr_assert_eq(ms_period_parse(text, strlen(text), &p), MS_OK, "bad period '%s'", text);
    return p;
}

/* A count of series (metric, place, subject) at period, id "t.csv:<line>". */
static void add(ms_figure_set *set, const char *metric, const char *place, const char *subject,
                const char *period, double value, int64_t line)
{
    char id[32];
    snprintf(id, sizeof id, "t.csv:%lld", (long long)line);
    ms_figure f;
    ms_figure_init(&f);
    f.id = id;
    f.metric = metric;
    f.unit = "persons";
    f.place = place;
    f.subject = subject;
    f.source = "t";
    f.value = value;
    /* every third value is rounded to 10 (an open interval), else exact */
    if (!isnan(value))
        f.range = line % 3 ? ms_interval_point(value)
                           : ms_interval_make(value - 5, true, value + 5, true);
    f.period = per(period);
    f.line = line;
    cr_assert_eq(ms_figure_set_add(set, &f), MS_OK);
}

/* Lines of JSON, one per derived figure (filled by the stream's worker
 * thread until ms_change_stream_finish returns). */
typedef struct lines {
    char **items;
    size_t count, cap;
    size_t fail_after; /* emit fails after this many lines (0 = never) */
} lines;

static void lines_add(lines *l, const ms_figure *f)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_jsonl_format_figure(f, &sb);
    if (l->count == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 64;
        l->items = realloc(l->items, l->cap * sizeof *l->items);
        if (!l->items)
            abort(); /* no cr_assert here: it may run on the stream's worker thread */
    }
    l->items[l->count++] = ms_strbuf_detach(&sb);
}

static void lines_free(lines *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The in-memory path; *gaps = GAP changes of count series. */
static lines reference(const ms_figure_set *set, ms_change_mode mode, size_t *gaps)
{
    lines out = {0};
    ms_series_set ss;
    cr_assert_eq(ms_series_group(set, &ss, NULL), MS_OK);
    *gaps = 0;
    for (size_t i = 0; i < ss.count; i++) {
        if (ss.items[i].key.kind != MS_KIND_COUNT)
            continue;
        ms_change_list l;
        cr_assert_eq(ms_stats_changes(&ss.items[i], mode, &l), MS_OK);
        for (size_t k = 0; k < l.count; k++) {
            if (l.items[k].status == MS_CHANGE_GAP)
                (*gaps)++;
            if (l.items[k].status != MS_CHANGE_OK)
                continue;
            ms_figure_set d;
            ms_figure_set_init(&d);
            cr_assert_eq(ms_change_to_figures(&l.items[k], &d), MS_OK);
            for (size_t j = 0; j < d.count; j++)
                lines_add(&out, &d.items[j]);
            ms_figure_set_free(&d);
        }
        ms_change_list_free(&l);
    }
    ms_series_set_free(&ss);
    return out;
}

static ms_status collect(void *ctx, const ms_figure *f)
{
    lines *l = ctx;
    if (l->fail_after && l->count >= l->fail_after)
        return MS_ERR_IO;
    lines_add(l, f);
    return MS_OK;
}

/* The stream fed with set's figures in the order of `order` (NULL = as
 * they are). */
static lines streamed(const ms_figure_set *set, const size_t *order, ms_change_mode mode,
                      ms_change_stream_stats *stats)
{
    lines out = {0};
    ms_change_stream *cs = NULL;
    cr_assert_eq(ms_change_stream_open(&cs, mode, collect, &out), MS_OK);
    for (size_t i = 0; i < set->count; i++)
        cr_assert_eq(ms_change_stream_add(cs, &set->items[order ? order[i] : i]), MS_OK);
    cr_assert_eq(ms_change_stream_finish(cs), MS_OK);
    *stats = ms_change_stream_get_stats(cs);
    ms_change_stream_free(cs);
    return out;
}

static void assert_same_lines(const lines *got, const lines *want, bool same_order)
{
    cr_assert_eq(got->count, want->count, "%zu lines, want %zu", got->count, want->count);
    if (!same_order) {
        qsort(got->items, got->count, sizeof *got->items, cmp_str);
        qsort(want->items, want->count, sizeof *want->items, cmp_str);
    }
    for (size_t i = 0; i < got->count; i++)
        cr_assert_str_eq(got->items[i], want->items[i], "line %zu differs", i);
}

static const char *const metrics[] = {"deportations", "entry_denials"};
static const char *const places[] = {"DE", "FR", "RU"};
static const char *const subjects[] = {"AF", "SY", "UA", "UZ"};

/* A table sorted by series key and period: 2 x 3 x 4 series of 30 months
 * from 2021-01, some months left out (gaps), some values missing, some
 * zero (zero base), one series of years. Deterministic. */
static void make_table(ms_figure_set *set)
{
    unsigned seed = 12345;
    int64_t line = 2;
    for (size_t m = 0; m < 2; m++)
        for (size_t p = 0; p < 3; p++)
            for (size_t s = 0; s < 4; s++) {
                double level = 1000 + 100 * (double)(m + p + s);
                for (int k = 0; k < 30; k++) {
                    seed = seed * 1103515245u + 12345u;
                    unsigned r = seed >> 16 & 0x7fff;
                    if (r % 17 == 0)
                        continue; /* a gap */
                    char period[16];
                    snprintf(period, sizeof period, "%04d-%02d", 2021 + k / 12, k % 12 + 1);
                    double v = r % 23 == 0 ? (double)NAN : r % 29 == 0 ? 0 : level + (double)(r % 200);
                    add(set, metrics[m], places[p], subjects[s], period, v, line++);
                }
            }
    /* a series of years with a gap (2021) */
    add(set, "work_patents", "RU", NULL, "2019", 500, line++);
    add(set, "work_patents", "RU", NULL, "2020", 450, line++);
    add(set, "work_patents", "RU", NULL, "2022", 700, line++);
    add(set, "work_patents", "RU", NULL, "2023", 0, line++);
    add(set, "work_patents", "RU", NULL, "2024", 90, line++);
}

static size_t *shuffled_order(size_t n, unsigned seed)
{
    size_t *order = malloc(n * sizeof *order);
    cr_assert_not_null(order);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    for (size_t i = n; i > 1; i--) {
        seed = seed * 1103515245u + 12345u;
        size_t j = (seed >> 8) % i;
        size_t t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
    return order;
}

Test(change_stream, sorted_input_gives_the_same_lines_in_the_same_order_holding_one_series)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    make_table(&set);
    size_t gaps;
    lines want = reference(&set, MS_CHANGE_PREVIOUS, &gaps);
    cr_assert_gt(want.count, 500, "the table has changes");
    cr_assert_gt(gaps, 10, "the table has gaps");
    ms_change_stream_stats st;
    lines got = streamed(&set, NULL, MS_CHANGE_PREVIOUS, &st);
    assert_same_lines(&got, &want, true);
    cr_assert_eq(st.n_gaps, gaps);
    cr_assert_eq(st.n_series, 25);
    cr_assert_eq(st.n_returned, 0);
    cr_assert_leq(st.max_held, 30, "held %zu figures: one series at most", st.max_held);
    lines_free(&got);
    lines_free(&want);
    ms_figure_set_free(&set);
}

Test(change_stream, shuffled_input_gives_the_same_lines)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    make_table(&set);
    size_t gaps;
    lines want = reference(&set, MS_CHANGE_PREVIOUS, &gaps);
    for (unsigned seed = 1; seed <= 5; seed++) {
        size_t *order = shuffled_order(set.count, seed);
        ms_change_stream_stats st;
        lines got = streamed(&set, order, MS_CHANGE_PREVIOUS, &st);
        lines copy = reference(&set, MS_CHANGE_PREVIOUS, &gaps);
        assert_same_lines(&got, &copy, false);
        cr_assert_eq(st.n_gaps, gaps, "seed %u: %zu gaps, want %zu", seed, st.n_gaps, gaps);
        cr_assert_gt(st.n_returned, 0);
        lines_free(&got);
        lines_free(&copy);
        free(order);
    }
    lines_free(&want);
    ms_figure_set_free(&set);
}

Test(change_stream, year_on_year_and_reversed_input)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    make_table(&set);
    size_t gaps;
    lines want = reference(&set, MS_CHANGE_YOY, &gaps);
    cr_assert_gt(want.count, 100);
    size_t *order = malloc(set.count * sizeof *order);
    for (size_t i = 0; i < set.count; i++)
        order[i] = set.count - 1 - i; /* grouped, periods descending */
    ms_change_stream_stats st;
    lines got = streamed(&set, order, MS_CHANGE_YOY, &st);
    cr_assert_eq(st.n_returned, 0, "reversed input is still grouped");
    assert_same_lines(&got, &want, false);
    cr_assert_eq(st.n_gaps, gaps);
    free(order);
    lines_free(&got);
    lines_free(&want);
    ms_figure_set_free(&set);
}

/* 2019 500, 2020 450, (2021 absent), 2022 700, 2023 0, 2024 90. */
Test(change_stream, first_gap_zero_base_and_missing_give_no_figure)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add(&set, "work_patents", "RU", NULL, "2019", 500, 1);
    add(&set, "work_patents", "RU", NULL, "2020", 450, 2);
    add(&set, "work_patents", "RU", NULL, "2022", 700, 4);
    add(&set, "work_patents", "RU", NULL, "2023", 0, 5);
    add(&set, "work_patents", "RU", NULL, "2024", 90, 7);
    add(&set, "work_patents", "RU", NULL, "2025", (double)NAN, 8);
    add(&set, "work_patents", "RU", NULL, "2026", 10, 10);
    ms_change_stream_stats st;
    lines got = streamed(&set, NULL, MS_CHANGE_PREVIOUS, &st);
    /* 2019 first, 2020 ok, 2022 gap, 2023 ok, 2024 zero base, 2025 and
     * 2026 missing: two changes, each an abs and a pct figure */
    cr_assert_eq(got.count, 4);
    cr_assert(strstr(got.items[0], "\"id\":\"derived:t.csv:2:abs\"") != NULL);
    cr_assert(strstr(got.items[0], "\"value\":-50,") != NULL, "%s", got.items[0]);
    cr_assert(strstr(got.items[1], "\"id\":\"derived:t.csv:2:pct\"") != NULL);
    cr_assert(strstr(got.items[1], "\"value\":-9.999999999999998,") != NULL, "%s", got.items[1]);
    cr_assert(strstr(got.items[2], "\"id\":\"derived:t.csv:5:abs\"") != NULL);
    cr_assert(strstr(got.items[2], "\"inputs\":[\"t.csv:5\",\"t.csv:4\"]") != NULL);
    cr_assert(strstr(got.items[3], "\"value\":-100,") != NULL, "%s", got.items[3]);
    cr_assert_eq(st.n_gaps, 1);
    lines_free(&got);
    ms_figure_set_free(&set);
}

Test(change_stream, a_series_that_comes_back_gets_the_changes_across_its_parts)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add(&set, "deportations", "DE", "SY", "2024-01", 100, 2);
    add(&set, "deportations", "DE", "SY", "2024-02", 110, 3);
    add(&set, "deportations", "DE", "UA", "2024-01", 50, 4);
    add(&set, "deportations", "DE", "SY", "2024-04", 130, 5); /* comes back */
    add(&set, "deportations", "DE", "SY", "2024-03", 120, 6);
    add(&set, "deportations", "DE", "UA", "2024-02", 55, 7);
    size_t gaps;
    lines want = reference(&set, MS_CHANGE_PREVIOUS, &gaps);
    cr_assert_eq(want.count, 8);
    ms_change_stream_stats st;
    lines got = streamed(&set, NULL, MS_CHANGE_PREVIOUS, &st);
    cr_assert_eq(st.n_returned, 2);
    cr_assert_eq(st.n_gaps, 0, "the gap 2024-03 is filled later: %zu", st.n_gaps);
    assert_same_lines(&got, &want, false);
    lines_free(&got);
    lines_free(&want);
    ms_figure_set_free(&set);
}

Test(change_stream, other_kinds_are_ignored_and_undated_figures_counted)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    add(&set, "deportations", "DE", "SY", "2024-01", 100, 2);
    add(&set, "deportations", "DE", "SY", "2024-02", 110, 3);
    ms_figure pct;
    ms_figure_init(&pct);
    pct.id = "t.csv:9";
    pct.metric = "deportations";
    pct.kind = MS_KIND_PCT_CHANGE;
    pct.place = "DE";
    pct.subject = "SY";
    pct.value = 5;
    pct.period = per("2024-03");
    cr_assert_eq(ms_figure_set_add(&set, &pct), MS_OK);
    ms_figure undated = set.items[0];
    undated.period = ms_period_none();
    undated.id = "t.csv:10";
    cr_assert_eq(ms_figure_set_add(&set, &undated), MS_OK);
    ms_change_stream_stats st;
    lines got = streamed(&set, NULL, MS_CHANGE_PREVIOUS, &st);
    cr_assert_eq(got.count, 2);
    cr_assert_eq(st.n_undated, 1);
    cr_assert_eq(st.n_series, 1);
    lines_free(&got);
    ms_figure_set_free(&set);
}

Test(change_stream, a_failing_output_stops_the_stream_with_its_status)
{
    ms_figure_set set;
    ms_figure_set_init(&set);
    make_table(&set);
    lines out = {.fail_after = 3};
    ms_change_stream *cs = NULL;
    cr_assert_eq(ms_change_stream_open(&cs, MS_CHANGE_PREVIOUS, collect, &out), MS_OK);
    ms_status st = MS_OK;
    for (size_t i = 0; i < set.count && st == MS_OK; i++)
        st = ms_change_stream_add(cs, &set.items[i]);
    if (st == MS_OK)
        st = ms_change_stream_finish(cs);
    cr_assert_eq(st, MS_ERR_IO);
    cr_assert_eq(out.count, 3);
    cr_assert_eq(ms_change_stream_add(cs, &set.items[0]), MS_ERR_IO, "the error sticks");
    ms_change_stream_free(cs);
    lines_free(&out);
    ms_figure_set_free(&set);
}

Test(change_stream, an_unknown_mode_is_a_usage_error)
{
    ms_change_stream *cs = NULL;
    lines out = {0};
    cr_assert_eq(ms_change_stream_open(&cs, (ms_change_mode)7, collect, &out), MS_ERR_USAGE);
    cr_assert_null(cs);
}
