/* slurp.h — a whole file into a malloc'd string, for tests that read what
 * a writer produced. Header-only. */
#ifndef MS_TEST_SLURP_H
#define MS_TEST_SLURP_H

#include <criterion/criterion.h>
#include <stdio.h>

#include "core/strbuf.h"

static inline char *test_slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    cr_assert_not_null(fp, "cannot open %s", path);
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        ms_strbuf_append(&sb, buf, n);
    fclose(fp);
    return ms_strbuf_detach(&sb);
}

#endif
