/* test_report_format.c — numbers in reports read the same in every locale:
 * thousands grouped with ',', '.' for decimals, intervals with their ends. */
#include <criterion/criterion.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>

#include "report/report.h"

static const char *fmt_num(double v)
{
    static char out[64];
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_fmt_number(v, &sb);
    snprintf(out, sizeof out, "%s", ms_strbuf_str(&sb));
    ms_strbuf_free(&sb);
    return out;
}

Test(report_format, thousands_are_grouped_with_commas)
{
    cr_assert_str_eq(fmt_num(143000), "143,000");
    cr_assert_str_eq(fmt_num(1234567.5), "1,234,567.5");
    cr_assert_str_eq(fmt_num(-4500), "-4,500");
    cr_assert_str_eq(fmt_num(999), "999");
    cr_assert_str_eq(fmt_num(0), "0");
    cr_assert_str_eq(fmt_num(NAN), "missing");
}

Test(report_format, grouping_does_not_follow_the_locale)
{
    cr_assert_not_null(setlocale(LC_ALL, "ru_RU.UTF-8"),
                       "locale ru_RU.UTF-8 is not installed (make test installs it)");
    cr_assert_str_eq(fmt_num(267200.5), "267,200.5");
}

Test(report_format, percent_has_a_sign_and_one_decimal)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_fmt_percent(53.04, &sb);
    cr_assert_str_eq(ms_strbuf_str(&sb), "+53.0 %");
    ms_strbuf_clear(&sb);
    ms_fmt_percent(-44, &sb);
    cr_assert_str_eq(ms_strbuf_str(&sb), "-44.0 %");
    ms_strbuf_clear(&sb);
    ms_fmt_percent(-0.01, &sb);
    cr_assert_str_eq(ms_strbuf_str(&sb), "0.0 %");
    ms_strbuf_free(&sb);
}

Test(report_format, interval_shows_open_and_closed_ends)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_fmt_interval(ms_interval_make(143000, true, 144000, false), 0, &sb);
    cr_assert_str_eq(ms_strbuf_str(&sb), "(143,000 – 144,000]");
    ms_strbuf_clear(&sb);
    ms_fmt_interval(ms_interval_make(37.5512, false, 53.0899, true), 3, &sb);
    cr_assert_str_eq(ms_strbuf_str(&sb), "[37.6 – 53.1)");
    ms_strbuf_free(&sb);
}

Test(report_format, markdown_text_cannot_break_a_table)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_md_text("a|b\nc <script> `x`", &sb);
    cr_assert_str_eq(ms_strbuf_str(&sb), "a\\|b c &lt;script> \\`x\\`");
    ms_strbuf_free(&sb);
}
