/* test_gp_escape.c — the one escaping function (plots/gp_escape.c):
 * everything becomes a single-quoted gnuplot literal that expands nothing
 * and cannot end a line, and the real gnuplot reads each literal back as the
 * text it was made from, running nothing. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "plots/plots.h"
#include "workdir.h"

static const char *quoted(const char *s)
{
    static char buf[512];
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_gp_quote(s, &sb);
    cr_assert_not(ms_strbuf_failed(&sb));
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

Test(gp_escape, quote_is_doubled_so_the_literal_never_ends_early)
{
    cr_assert_str_eq(quoted("x' ; system('touch PWNED') ; '"), "'x'' ; system(''touch PWNED'') ; '''");
    cr_assert_str_eq(quoted("a'"), "'a'''");
}

/* gnuplot reads '''x' as '' followed by 'x' (a syntax error), so leading
 * quotes come first in double quotes, where nothing else is. */
Test(gp_escape, leading_quotes_are_written_in_front_in_double_quotes)
{
    cr_assert_str_eq(quoted("'"), "\"'\"");
    cr_assert_str_eq(quoted("''"), "\"''\"");
    cr_assert_str_eq(quoted("'Foreign agents' deported"), "\"'\" . 'Foreign agents'' deported'");
    cr_assert_str_eq(quoted("''`x`"), "\"''\" . '`x`'");
}

Test(gp_escape, backquotes_dollars_at_signs_and_backslashes_stay_literal)
{
    cr_assert_str_eq(quoted("`touch PWNED2`"), "'`touch PWNED2`'");
    cr_assert_str_eq(quoted("$data @macro \\n \"dq\" !ls"), "'$data @macro \\n \"dq\" !ls'");
    cr_assert_str_eq(quoted("ends with a backslash \\"), "'ends with a backslash \\'");
}

Test(gp_escape, control_characters_become_spaces)
{
    cr_assert_str_eq(quoted("a\nMS_END\rb\tc\x01" "d\x7f"), "'a MS_END b c d '");
    cr_assert_str_eq(quoted("c1\xc2\x85" "x"), "'c1 x'"); /* U+0085, next line */
}

Test(gp_escape, utf8_text_is_kept)
{
    cr_assert_str_eq(quoted("Выдворено из России"), "'Выдворено из России'");
    cr_assert_str_eq(quoted("143\xe2\x80\xaf" "000 \xc2\xa0 \xf0\x9f\x93\x88"), "'143\xe2\x80\xaf" "000 \xc2\xa0 \xf0\x9f\x93\x88'");
}

Test(gp_escape, bytes_that_are_not_utf8_become_replacement_characters)
{
    /* a stray continuation, a cut sequence at the end, an overlong '/',
     * a surrogate: one U+FFFD per bad byte */
    cr_assert_str_eq(quoted("a\x80" "b"), "'a\xef\xbf\xbd" "b'");
    cr_assert_str_eq(quoted("\xd0"), "'\xef\xbf\xbd'");
    cr_assert_str_eq(quoted("\xc0\xaf"), "'\xef\xbf\xbd\xef\xbf\xbd'");
    cr_assert_str_eq(quoted("\xed\xa0\x80"), "'\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd'");
}

Test(gp_escape, lossless_tells_which_texts_survive_unchanged)
{
    cr_assert(ms_gp_quote_is_lossless("charts/it's ~ Выдворено.svg"));
    cr_assert(ms_gp_quote_is_lossless(""));
    cr_assert_not(ms_gp_quote_is_lossless("a\nb"));
    cr_assert_not(ms_gp_quote_is_lossless("a\x7f"));
    cr_assert_not(ms_gp_quote_is_lossless("caf\xe9.svg")); /* Latin-1 */
}

/* The proof that matters: gnuplot prints each literal back as the original
 * text (control characters as spaces) and no command runs (in a fresh
 * folder, where a command would leave its file). */
Test(gp_escape, gnuplot_reads_every_literal_back_and_runs_nothing, .init = workdir_enter,
     .fini = workdir_leave)
{
    const char *texts[] = {
        "x' ; system('touch PWNED') ; '",
        "`touch PWNED2`",
        "\"`touch PWNED3`\"",
        "'; print system('touch PWNED4'); '",
        "@x $y \\ !touch PWNED5",
        "MS_END",
        "two\nlines; system('touch PWNED6')",
        "Выдворено: 143\xe2\x80\xaf" "000",
        "'",
        "'''; system('touch PWNED7')",
    };
    const char *expected[] = {
        "x' ; system('touch PWNED') ; '",
        "`touch PWNED2`",
        "\"`touch PWNED3`\"",
        "'; print system('touch PWNED4'); '",
        "@x $y \\ !touch PWNED5",
        "MS_END",
        "two lines; system('touch PWNED6')",
        "Выдворено: 143\xe2\x80\xaf" "000",
        "'",
        "'''; system('touch PWNED7')",
    };
    ms_strbuf err, cmd, want;
    ms_strbuf_init(&err);
    ms_strbuf_init(&cmd);
    ms_strbuf_init(&want);
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        ms_strbuf_puts(&cmd, "x = 1\nprint ");
        ms_gp_quote(texts[i], &cmd);
        ms_strbuf_putc(&cmd, '\n');
        ms_strbuf_puts(&want, expected[i]);
        ms_strbuf_putc(&want, '\n');
    }
    ms_gnuplot *gp;
    cr_assert_eq(ms_gnuplot_start(&gp, NULL, 30, &err), MS_OK, "%s", ms_strbuf_str(&err));
    cr_assert_eq(ms_gnuplot_run(gp, cmd.data, cmd.len, &err), MS_OK, "%s", ms_strbuf_str(&err));
    cr_assert_eq(ms_gnuplot_finish(gp, &err), MS_OK, "%s", ms_strbuf_str(&err));
    cr_assert_str_eq(ms_strbuf_str(&err), ms_strbuf_str(&want));
    const char *names[] = {"PWNED", "PWNED2", "PWNED3", "PWNED4", "PWNED5", "PWNED6", "PWNED7"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char tmp_path[64];
        snprintf(tmp_path, sizeof tmp_path, "/tmp/%s", names[i]);
        cr_assert_neq(access(names[i], F_OK), 0, "%s was created: a literal ran a command", names[i]);
        cr_assert_neq(access(tmp_path, F_OK), 0, "%s was created", tmp_path);
    }
    ms_strbuf_free(&err);
    ms_strbuf_free(&cmd);
    ms_strbuf_free(&want);
}
