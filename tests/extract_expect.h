/* extract_expect.h — running the extractor on a text in a test and finding
 * the figure one expects among what it gave. */
#ifndef MS_TEST_EXTRACT_EXPECT_H
#define MS_TEST_EXTRACT_EXPECT_H

#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "core/figure.h"
#include "core/period.h"
#include "ingest/text/extract.h"

static ms_status test_collect(void *ctx, const ms_figure *f)
{
    return ms_figure_set_add(ctx, f);
}

/* Extracts `text` (language code, publication date "YYYY-MM-DD" or NULL)
 * into `out` (initialised here); diag receives the warnings. */
static void test_extract(const char *lang, const char *published, const char *text, size_t len,
                         ms_figure_set *out, ms_diag *diag)
{
    ms_extractor *ex = NULL;
    cr_assert_eq(ms_extractor_new(&ex), MS_OK);
    ms_extract_options opt = {0};
    opt.lang_auto = lang == NULL;
    if (lang)
        cr_assert(ms_lang_from_name(lang, &opt.lang), "unknown language %s", lang);
    opt.published = MS_DAY_NONE;
    if (published)
        cr_assert_eq(ms_date_parse(published, strlen(published), &opt.published), MS_OK);
    opt.source = "t";
    opt.file = "t.txt";
    ms_figure_set_init(out);
    ms_extract_sink sink = {test_collect, NULL, out};
    cr_assert_eq(ms_extract_text(ex, text, len, &opt, &sink, diag, NULL), MS_OK,
                 "extraction failed on: %s", text);
    ms_extractor_free(ex);
}

/* The figure of this kind and value (within 1e-6 relative), or NULL. */
static const ms_figure *test_find(const ms_figure_set *set, ms_kind kind, double value)
{
    for (size_t i = 0; i < set->count; i++) {
        const ms_figure *f = &set->items[i];
        if (f->kind == kind && fabs(f->value - value) <= 1e-6 * fmax(1, fabs(value)) + 0.005)
            return f;
    }
    return NULL;
}

/* All figures as one line each, for failure messages. */
static const char *test_list(const ms_figure_set *set)
{
    static char buf[4096];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < set->count && n + 100 < sizeof buf; i++) {
        const ms_figure *f = &set->items[i];
        char ps[16] = "-", pe[16] = "-";
        if (f->period.start != MS_DAY_NONE)
            ms_date_format(f->period.start, ps), ms_date_format(f->period.end, pe);
        n += (size_t)snprintf(buf + n, sizeof buf - n, "[%s %g %s %s %s..%s %s %s] ",
                              ms_kind_name(f->kind), f->value, f->metric ? f->metric : "-",
                              ms_hedge_name(f->hedge), ps, pe, f->place ? f->place : "-",
                              f->subject ? f->subject : "-");
    }
    return buf;
}

static const char *test_date(int32_t day, char buf[16])
{
    if (day == MS_DAY_NONE)
        return "none";
    ms_date_format(day, buf);
    return buf;
}

#endif
