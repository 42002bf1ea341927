/* test_gp_escape.c — the one escaping function: everything becomes a
 * single-quoted gnuplot literal that expands nothing and cannot end a line. */
#include <criterion/criterion.h>
#include <stdio.h>

#include "plots/plots.h"

static const char *quoted(const char *s)
{
    static char buf[512];
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_gp_quote(s, &sb);
    snprintf(buf, sizeof buf, "%s", ms_strbuf_str(&sb));
    ms_strbuf_free(&sb);
    return buf;
}

Test(gp_escape, plain_text_is_wrapped_in_single_quotes)
{
    cr_assert_str_eq(quoted("Deportations"), "'Deportations'");
    cr_assert_str_eq(quoted(""), "''");
    cr_assert_str_eq(quoted(NULL), "''");
}

Test(gp_escape, a_quote_is_doubled_so_the_literal_never_ends_early)
{
    cr_assert_str_eq(quoted("x' ; system('touch PWNED') ; '"), "'x'' ; system(''touch PWNED'') ; '''");
}

Test(gp_escape, backquotes_dollars_and_backslashes_stay_literal)
{
    cr_assert_str_eq(quoted("`touch PWNED2`"), "'`touch PWNED2`'");
    cr_assert_str_eq(quoted("$data @macro \\n"), "'$data @macro \\n'");
}

Test(gp_escape, control_characters_become_spaces)
{
    cr_assert_str_eq(quoted("a\nMS_END\rb\tc\x01" "d\x7f"), "'a MS_END b c d '");
}

Test(gp_escape, utf8_text_is_kept)
{
    cr_assert_str_eq(quoted("Выдворено из России"), "'Выдворено из России'");
}
