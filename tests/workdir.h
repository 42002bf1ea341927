/* workdir.h — a fresh folder per test, entered and removed afterwards, so
 * anything a test (or gnuplot) creates shows up there and nothing is left
 * behind; and stand-in programs copied into it. Header-only, for tests.
 *   TestSuite(x, .init = workdir_enter, .fini = workdir_leave); */
#ifndef MS_TEST_WORKDIR_H
#define MS_TEST_WORKDIR_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tmpdir.h"

static char workdir[64];

static inline void workdir_enter(void)
{
    snprintf(workdir, sizeof workdir, "/tmp/ms_test_XXXXXX");
    cr_assert_not_null(mkdtemp(workdir));
    cr_assert_eq(chdir(workdir), 0);
}

static inline void workdir_leave(void)
{
    cr_assert_eq(chdir("/"), 0);
    test_rmtree(workdir);
}

/* Copies fixtures/<name> into the work folder as an executable program (so a
 * lost exec bit in the checkout cannot change the test) and returns its
 * absolute path (static buffer). */
static inline const char *install_program(const char *name)
{
    static char path[512];
    char src[512];
    snprintf(src, sizeof src, "%s/%s", MS_TEST_FIXTURES, name);
    snprintf(path, sizeof path, "%s/%s", workdir, name);
    FILE *in = fopen(src, "rb"), *out = fopen(path, "wb");
    cr_assert_not_null(in, "missing fixture %s", src);
    cr_assert_not_null(out);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        cr_assert_eq(fwrite(buf, 1, n, out), n);
    fclose(in);
    fclose(out);
    cr_assert_eq(chmod(path, 0755), 0);
    return path;
}

#endif
