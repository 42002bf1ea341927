/* test_cell.c — the cell helpers every table reader shares: grouped
 * numbers, missing markers, Eurostat flags after a value, UTF-8 checks and
 * Latin-1, and how offending text is shown. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "ingest/cell.h"

static double number(const char *s, bool *missing, const char **why)
{
    double v = -1;
    *why = NULL;
    ms_status st = ms_cell_number(s, strlen(s), &v, missing, NULL, 0, why);
    return st == MS_OK ? v : (double)NAN;
}

Test(cell, grouped_numbers_and_missing_markers)
{
    bool missing;
    const char *why;
    cr_assert_eq(number("540,080", &missing, &why), 540080);
    cr_assert_not(missing);
    cr_assert_eq(number("93 000", &missing, &why), 93000);
    cr_assert_eq(number("8\xc2\xa0" "935", &missing, &why), 8935, "no-break space");
    cr_assert_eq(number("1\xe2\x80\xaf" "200", &missing, &why), 1200, "narrow no-break space");
    cr_assert_eq(number("25642.0", &missing, &why), 25642, "pandas writes floats");
    cr_assert_eq(number("\xe2\x88\x92" "12", &missing, &why), -12, "U+2212 minus");
    const char *markers[] = {"", ":", "..", "-"};
    for (size_t i = 0; i < 4; i++) {
        number(markers[i], &missing, &why);
        cr_assert(missing, "'%s' is missing", markers[i]);
    }
    const char *bad[] = {"1.2.3", "12,34", "1,2345", "93 00", "abc", "NaN", "inf", "-Infinity", "1,000 000"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cr_assert(isnan(number(bad[i], &missing, &why)), "'%s' is not a number", bad[i]);
        cr_assert_str_eq(why, "is not a number");
    }
    cr_assert(isnan(number("1e999", &missing, &why)));
    cr_assert_str_eq(why, "is out of range");
}

static void split(const char *s, const char *value, const char *flags)
{
    size_t vlen, at, flen;
    ms_cell_split_flags(s, strlen(s), &vlen, &at, &flen);
    cr_assert_eq(vlen, strlen(value), "'%s': value part '%.*s', expected '%s'", s, (int)vlen, s, value);
    cr_assert(strncmp(s, value, vlen) == 0);
    cr_assert_eq(flen, strlen(flags), "'%s': flags '%.*s', expected '%s'", s, (int)flen, s + at, flags);
    cr_assert(strncmp(s + at, flags, flen) == 0);
}

Test(cell, eurostat_flags_follow_the_value_after_a_space)
{
    split("1234 ", "1234", "");
    split("1234 p", "1234", "p");
    split(": ", ":", "");
    split(": c", ":", "c");
    split("12 e", "12", "e");
    split("5 bu", "5", "bu");
    split("93 000", "93 000", "");      /* digits after a space are a group */
    split("abc", "abc", "");            /* letters glued to nothing stay text */
    split("12e", "12e", "");            /* not separated: not flags */
}

Test(cell, utf8_checks_find_the_first_bad_byte)
{
    cr_assert_eq(ms_utf8_invalid_at("C\xc3\xb4te", 5), (size_t)-1);
    cr_assert_eq(ms_utf8_invalid_at("C\xf4te", 4), 1, "Latin-1 o-circumflex");
    cr_assert_eq(ms_utf8_invalid_at("ab\xc3", 3), 2, "cut sequence");
    cr_assert_eq(ms_utf8_invalid_at("\xc0\xaf", 2), 0, "overlong");
    cr_assert_eq(ms_utf8_invalid_at("\xed\xa0\x80", 3), 0, "surrogate");
    cr_assert_eq(ms_utf8_invalid_at("a\0b", 3), 1, "NUL");
    cr_assert_eq(ms_utf8_invalid_at("\xf0\x9f\x98\x80", 4), (size_t)-1, "4-byte sequence");
    char out[16];
    cr_assert_eq(ms_latin1_to_utf8("C\xf4te", 4, out), 5);
    cr_assert_str_eq(out, "C\xc3\xb4te");
}

Test(cell, shown_text_is_short_and_never_cuts_a_character)
{
    char buf[MS_SHOWN_MAX], text[200];
    memset(text, 'a', sizeof text);
    memcpy(text + 59, "\xd0\xb6", 2); /* a two-byte character across the cut */
    const char *s = ms_cell_shown(text, sizeof text, buf);
    cr_assert_eq(ms_utf8_invalid_at(s, strlen(s)), (size_t)-1);
    cr_assert(strlen(s) < MS_SHOWN_MAX);
    cr_assert(strstr(s, "...") != NULL);
    cr_assert_str_eq(ms_cell_shown("a\nb", 3, buf), "a?b");
}
