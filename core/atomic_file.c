/* atomic_file.c — temp file in the target's folder, fsync, rename. Same
 * folder so that rename() is atomic (same file system). */
#include "core/atomic_file.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *str_concat(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *p = malloc(la + lb + 1);
    if (!p)
        return NULL;
    memcpy(p, a, la);
    memcpy(p + la, b, lb + 1);
    return p;
}

ms_status ms_atomic_open(ms_atomic_file *af, const char *path)
{
    af->fp = NULL;
    af->final_path = NULL;
    af->tmp_path = NULL;
    if (!path || !*path)
        return MS_ERR_USAGE;
    af->final_path = str_concat(path, "");
    af->tmp_path = str_concat(path, ".tmp.XXXXXX");
    if (!af->final_path || !af->tmp_path) {
        ms_atomic_abort(af);
        return MS_ERR_NOMEM;
    }
    int fd = mkstemp(af->tmp_path);
    if (fd < 0) {
        ms_atomic_abort(af);
        return MS_ERR_IO;
    }
    /* mkstemp makes the file 0600; outputs are meant to be read by others */
    (void)fchmod(fd, 0644);
    af->fp = fdopen(fd, "wb");
    if (!af->fp) {
        close(fd);
        unlink(af->tmp_path);
        ms_atomic_abort(af);
        return MS_ERR_IO;
    }
    return MS_OK;
}

static void release(ms_atomic_file *af)
{
    free(af->final_path);
    free(af->tmp_path);
    af->final_path = NULL;
    af->tmp_path = NULL;
    af->fp = NULL;
}

void ms_atomic_abort(ms_atomic_file *af)
{
    if (af->fp) {
        fclose(af->fp);
        af->fp = NULL;
    }
    if (af->tmp_path)
        unlink(af->tmp_path);
    release(af);
}

ms_status ms_atomic_commit(ms_atomic_file *af)
{
    if (!af->fp)
        return MS_ERR_IO;
    bool ok = fflush(af->fp) == 0 && !ferror(af->fp) && fsync(fileno(af->fp)) == 0;
    ok = (fclose(af->fp) == 0) && ok;
    af->fp = NULL;
    if (ok)
        ok = rename(af->tmp_path, af->final_path) == 0;
    if (!ok)
        unlink(af->tmp_path);
    release(af);
    return ok ? MS_OK : MS_ERR_IO;
}

ms_status ms_atomic_write(const char *path, const void *data, size_t len)
{
    ms_atomic_file af;
    ms_status st = ms_atomic_open(&af, path);
    if (st != MS_OK)
        return st;
    if (len && fwrite(data, 1, len, af.fp) != len) {
        ms_atomic_abort(&af);
        return MS_ERR_IO;
    }
    return ms_atomic_commit(&af);
}
