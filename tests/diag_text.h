/* diag_text.h — diagnostics as the user reads them, for tests: entry i as
 * "file:line:column: reason", whether some entry reads exactly a text, and
 * all of them in the test log. Include in test programs only. */
#ifndef MS_TEST_DIAG_TEXT_H
#define MS_TEST_DIAG_TEXT_H

#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <stdio.h>
#include <string.h>

#include "core/diag.h"

/* Entry i (static buffer, valid until the next call). */
__attribute__((unused)) static const char *diag_text(const ms_diag *d, size_t i)
{
    static char buf[1024];
    cr_assert_lt(i, d->count, "diagnostic %zu missing (%zu kept)", i, d->count);
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_diag_format_entry(&d->entries[i], &sb);
    snprintf(buf, sizeof buf, "%s", ms_strbuf_str(&sb));
    ms_strbuf_free(&sb);
    return buf;
}

__attribute__((unused)) static bool diag_has(const ms_diag *d, const char *text)
{
    for (size_t i = 0; i < d->count; i++)
        if (strcmp(diag_text(d, i), text) == 0)
            return true;
    return false;
}

/* Asserts that some entry reads exactly "<file>:<rest>". */
__attribute__((unused)) static void expect_diag_in(const ms_diag *d, const char *file, const char *rest)
{
    char want[1024];
    snprintf(want, sizeof want, "%s:%s", file, rest);
    cr_assert(diag_has(d, want), "%s", want);
}

__attribute__((unused)) static void diag_log_all(const ms_diag *d)
{
    for (size_t i = 0; i < d->count; i++)
        cr_log_info("%s", diag_text(d, i));
}

#endif
