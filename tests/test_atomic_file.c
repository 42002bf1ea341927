/* test_atomic_file.c — an output appears whole or not at all. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/atomic_file.h"
#include "tmpdir.h"

static char dir[] = "/tmp/ms_atomic_XXXXXX";

static size_t count_entries(const char *path)
{
    DIR *d = opendir(path);
    cr_assert_not_null(d);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

Test(atomic_file, commit_replaces_the_target_and_leaves_no_temp)
{
    cr_assert_not_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/out.md", dir);
    cr_assert_eq(ms_atomic_write(path, "old\n", 4), MS_OK);
    ms_atomic_file af;
    cr_assert_eq(ms_atomic_open(&af, path), MS_OK);
    fputs("new contents\n", af.fp);
    /* before the commit the old file is still whole */
    FILE *fp = fopen(path, "r");
    char buf[64] = {0};
    cr_assert_not_null(fgets(buf, sizeof buf, fp));
    fclose(fp);
    cr_assert_str_eq(buf, "old\n");
    cr_assert_eq(ms_atomic_commit(&af), MS_OK);
    fp = fopen(path, "r");
    cr_assert_not_null(fgets(buf, sizeof buf, fp));
    fclose(fp);
    cr_assert_str_eq(buf, "new contents\n");
    cr_assert_eq(count_entries(dir), 1);
    test_rmtree(dir);
}

Test(atomic_file, abort_removes_the_temporary_file)
{
    cr_assert_not_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/chart.svg", dir);
    ms_atomic_file af;
    cr_assert_eq(ms_atomic_open(&af, path), MS_OK);
    fputs("half", af.fp);
    ms_atomic_abort(&af);
    cr_assert_eq(count_entries(dir), 0);
    cr_assert_neq(access(path, F_OK), 0);
    test_rmtree(dir);
}

Test(atomic_file, unwritable_folder_is_an_io_error)
{
    cr_assert_eq(ms_atomic_write("/nonexistent-folder/x.md", "x", 1), MS_ERR_IO);
}
