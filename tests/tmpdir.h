/* tmpdir.h — removing a test's temporary folder, so tests leave nothing
 * behind. Header-only: each test program that makes folders includes it. */
#ifndef MS_TEST_TMPDIR_H
#define MS_TEST_TMPDIR_H

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Removes a folder and everything in it (symbolic links are not followed). */
static inline void test_rmtree(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char path[4096];
            int n = snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            if (n < 0 || (size_t)n >= sizeof path)
                continue; /* cannot be one of ours: test folders are short */
            struct stat st;
            if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
                test_rmtree(path);
            else
                unlink(path);
        }
        closedir(d);
    }
    rmdir(dir);
}

#endif
