/* test_locale.c — numbers read and print the same under locales whose
 * decimal mark is a comma. Each Criterion test runs in its own process, so
 * the locale switch cannot leak. A missing locale fails the test: make test
 * installs ru_RU.UTF-8 and de_DE.UTF-8. */
#include <criterion/criterion.h>
#include <locale.h>
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
