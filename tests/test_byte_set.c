/* test_byte_set.c — the exact set behind `migstat merge`: a string is
 * added once, strings that differ in one byte or in length stay apart,
 * empty strings and embedded NULs are strings too, and 100 000 strings
 * survive the table growing. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "core/byte_set.h"

static bool add(ms_byte_set *s, const char *str, size_t len)
{
    bool added = false;
    cr_assert_eq(ms_byte_set_add(s, str, len, &added), MS_OK);
    return added;
}

Test(byte_set, each_string_once_and_near_misses_apart)
{
    ms_byte_set s;
    ms_byte_set_init(&s);
    cr_expect(add(&s, "{\"value\":145}", 13));
    cr_expect_not(add(&s, "{\"value\":145}", 13));
    cr_expect(add(&s, "{\"value\":144}", 13));
    cr_expect(add(&s, "{\"value\":14", 11)); /* a prefix is another string */
    cr_expect(add(&s, "", 0));
    cr_expect_not(add(&s, "", 0));
    cr_expect(add(&s, "a\0b", 3));
    cr_expect(add(&s, "a\0c", 3));
    cr_expect_eq(s.count, 6);
    ms_byte_set_free(&s);
    cr_expect_eq(s.count, 0);
}

Test(byte_set, many_strings_survive_growth)
{
    ms_byte_set s;
    ms_byte_set_init(&s);
    char buf[32];
    for (int i = 0; i < 100000; i++) {
        int n = snprintf(buf, sizeof buf, "figure-%d", i);
        cr_assert(add(&s, buf, (size_t)n), "figure-%d taken for an earlier one", i);
    }
    for (int i = 0; i < 100000; i += 997) {
        int n = snprintf(buf, sizeof buf, "figure-%d", i);
        cr_assert_not(add(&s, buf, (size_t)n), "figure-%d lost", i);
    }
    cr_expect_eq(s.count, 100000);
    ms_byte_set_free(&s);
}
