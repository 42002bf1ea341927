/* reader_expect.h — what the tests of one table reader share: reading a
 * file or a text through the reader, finding a yearly figure, checking the
 * accounting. The including test defines, before including this header,
 * its globals `set` (ms_figure_set) and `diag` (ms_diag) and
 * `static ms_status read_stream(FILE *in, const char *name)`, which runs
 * its reader. Include in one test program each. */
#ifndef MS_TEST_READER_EXPECT_H
#define MS_TEST_READER_EXPECT_H

#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/figure.h"
#include "core/period.h"

__attribute__((unused)) static ms_status read_file(const char *path)
{
    FILE *in = fopen(path, "rb");
    cr_assert_not_null(in, "missing %s", path);
    ms_status st = read_stream(in, path);
    fclose(in);
    return st;
}

__attribute__((unused)) static ms_status read_text(const char *text, const char *name)
{
    FILE *in = fmemopen((void *)(uintptr_t)text, strlen(text), "r");
    cr_assert_not_null(in);
    ms_status st = read_stream(in, name);
    fclose(in);
    return st;
}

/* The figure for place and calendar year (and subject, if not NULL). */
__attribute__((unused)) static const ms_figure *find(const char *place, int year, const char *subject)
{
    for (size_t i = 0; i < set.count; i++) {
        const ms_figure *f = &set.items[i];
        if (ms_str_eq(f->place, place) && f->period.start == ms_day_from_civil(year, 1, 1) &&
            f->period.end == ms_day_from_civil(year, 12, 31) && (!subject || ms_str_eq(f->subject, subject)))
            return f;
    }
    cr_assert_fail("no figure for %s %d %s", place, year, subject ? subject : "");
    return NULL;
}

__attribute__((unused)) static void expect_counts(size_t read, size_t accepted, size_t missing,
                                                  size_t rejected)
{
    cr_assert_eq(diag.n_read, read, "read %zu, expected %zu", diag.n_read, read);
    cr_assert_eq(diag.n_accepted, accepted, "accepted %zu, expected %zu", diag.n_accepted, accepted);
    cr_assert_eq(diag.n_missing, missing, "missing %zu, expected %zu", diag.n_missing, missing);
    cr_assert_eq(diag.n_rejected, rejected, "rejected %zu, expected %zu", diag.n_rejected, rejected);
    cr_assert_eq(diag.n_read, diag.n_accepted + diag.n_missing + diag.n_rejected + diag.n_skipped);
}

#endif
