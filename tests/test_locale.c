/* test_locale.c — numbers read and print the same under locales whose
 * decimal mark is a comma. Each Criterion test runs in its own process, so
 * the locale switch cannot leak. A missing locale fails the test: make test
 * installs ru_RU.UTF-8 and de_DE.UTF-8. */
#include <criterion/criterion.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/jsonl.h"
#include "core/num.h"

/* One figure as JSON Lines, as the current locale would make it. */
static char *figure_text(void)
{
    ms_figure f;
    ms_figure_init(&f);
    f.id = "t:1";
    f.metric = "deportations";
    f.value = 267200.5;
    f.hedge = MS_HEDGE_ABOUT;
    ms_figure_set_range_from_hedge(&f, 0.1);
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_jsonl_format_figure(&f, &sb);
    ms_strbuf_num(&sb, 0.1);
    ms_strbuf_num(&sb, -1234.5678);
    return ms_strbuf_detach(&sb);
}

static void check_under(const char *locale)
{
    char *in_c = figure_text();
    cr_assert_not_null(setlocale(LC_ALL, locale),
                       "locale %s is not installed: install the 'locales' package, enable %s in "
                       "/etc/locale.gen and run locale-gen (make test does all of this)", locale, locale);
    /* the test only proves something if the C library would write a comma */
    cr_assert_str_eq(localeconv()->decimal_point, ",", "%s should use a decimal comma", locale);
    char buf[MS_NUM_BUFSZ];
    ms_num_format(267.2, buf);
    cr_assert_str_eq(buf, "267.2");
    double v = 0;
    cr_assert_eq(ms_num_parse("267.2", 5, &v, NULL, NULL), MS_OK);
    cr_assert_eq(v, 267.2);
    cr_assert_eq(ms_num_parse("267,2", 5, &v, NULL, NULL), MS_ERR_DATA, "the locale's comma is not a decimal mark here");
    ms_num_format(-0.65034965034965031, buf);
    cr_assert_str_eq(buf, "-0.6503496503496503");
    cr_assert_float_eq(ms_num_rounding_unit("23.6", 4, 1000), 100, 1e-9);
    char *in_locale = figure_text();
    cr_assert_str_eq(in_locale, in_c);
    free(in_c);
    free(in_locale);
}

Test(locale, numbers_are_identical_under_ru_RU)
{
    check_under("ru_RU.UTF-8");
}

Test(locale, numbers_are_identical_under_de_DE)
{
    check_under("de_DE.UTF-8");
}

/* Formats n values with ms_strbuf_num, separated by spaces. */
static char *numbers_text(const double *values, size_t n)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    for (size_t i = 0; i < n; i++) {
        ms_strbuf_num(&sb, values[i]);
        ms_strbuf_append(&sb, " ", 1);
    }
    return ms_strbuf_detach(&sb);
}

static void numbers_identical_under(const char *locale)
{
    enum { N = 5000 };
    static double values[N];
    srand(31337);
    for (size_t i = 0; i < N; i++) {
        uint64_t bits = 0;
        for (int k = 0; k < 4; k++)
            bits = (bits << 16) ^ (uint64_t)(rand() & 0xffff);
        double d;
        memcpy(&d, &bits, sizeof d);
        values[i] = i % 2 && isfinite(d) ? d : ((double)rand() / RAND_MAX - 0.5) * 2e9;
    }
    char *in_c = numbers_text(values, N);
    cr_assert_not_null(in_c);
    cr_assert_not_null(setlocale(LC_ALL, locale),
                       "locale %s must be installed (locale-gen %s; make test does this)", locale, locale);
    cr_assert_str_eq(localeconv()->decimal_point, ",");
    char *in_locale = numbers_text(values, N);
    cr_assert_not_null(in_locale);
    cr_assert_str_eq(in_locale, in_c, "ms_strbuf_num depends on the locale");
    cr_assert_null(strchr(in_locale, ','));
    /* and every number reads back under the locale too */
    const char *p = in_locale;
    for (size_t i = 0; i < N; i++) {
        const char *sp = strchr(p, ' ');
        cr_assert_not_null(sp);
        double back;
        cr_assert_eq(ms_num_parse(p, (size_t)(sp - p), &back, NULL, NULL), MS_OK);
        cr_assert(back == values[i] || (back == 0 && values[i] == 0));
        p = sp + 1;
    }
    free(in_c);
    free(in_locale);
}

Test(locale, random_numbers_print_identically_under_ru_RU_and_C)
{
    numbers_identical_under("ru_RU.UTF-8");
}

Test(locale, random_numbers_print_identically_under_de_DE_and_C)
{
    numbers_identical_under("de_DE.UTF-8");
}

/* A figure with every numeric field as JSON Lines. */
static char *full_figure_text(void)
{
    ms_figure f;
    ms_figure_init(&f);
    f.id = "press.csv:4";
    f.metric = "share_of_rejections";
    f.kind = MS_KIND_COUNT;
    f.value = 0.65034965034965031;
    f.hedge = MS_HEDGE_NEARLY;
    ms_figure_set_range_from_hedge(&f, 0.01);
    cr_assert_eq(ms_period_parse("2024-01/2024-07", 15, &f.period), MS_OK);
    cr_assert_eq(ms_date_parse("2024-10-08", 10, &f.published), MS_OK);
    f.quote = "почти 0,65";
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_jsonl_format_figure(&f, &sb);
    return ms_strbuf_detach(&sb);
}

Test(locale, a_figure_line_is_byte_identical_under_de_DE)
{
    char *in_c = full_figure_text();
    cr_assert_not_null(setlocale(LC_ALL, "de_DE.UTF-8"), "locale de_DE.UTF-8 must be installed");
    char *in_de = full_figure_text();
    cr_assert_str_eq(in_de, in_c);
    cr_assert_not_null(strstr(in_de, "0.6503496503496503"), "%s", in_de);
    free(in_c);
    free(in_de);
}

Test(locale, rounding_units_and_strict_parsing_ignore_LC_NUMERIC_under_ru_RU)
{
    cr_assert_not_null(setlocale(LC_ALL, "ru_RU.UTF-8"), "locale ru_RU.UTF-8 must be installed");
    cr_assert_str_eq(localeconv()->decimal_point, ",");
    cr_assert_eq(ms_num_rounding_unit("267.2", 5, 1), 0.1);
    cr_assert_eq(ms_num_rounding_unit("267,2", 5, 1), 0, "a comma is not a number here");
    double v = 0;
    const char *why = NULL;
    size_t at = 0;
    cr_assert_eq(ms_num_parse("1,5", 3, &v, &why, &at), MS_ERR_DATA);
    cr_assert_eq(at, 1);
    cr_assert_eq(ms_num_parse("1.5e3", 5, &v, NULL, NULL), MS_OK);
    cr_assert_eq(v, 1500);
    char buf[MS_NUM_BUFSZ];
    ms_num_format(1.5e-7, buf);
    cr_assert_str_eq(buf, "1.5e-07");
    ms_num_format(-12.75, buf);
    cr_assert_str_eq(buf, "-12.75");
}
