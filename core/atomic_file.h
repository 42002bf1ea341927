/* atomic_file.h — outputs that appear whole or not at all.
 *
 * ms_atomic_open creates "<path>.tmp.XXXXXX" next to path; ms_atomic_commit
 * flushes, fsyncs and renames it over path; ms_atomic_abort removes it. An
 * interrupted run therefore leaves no half-written report or chart. */
#ifndef MS_ATOMIC_FILE_H
#define MS_ATOMIC_FILE_H

#include <stdio.h>
#include "core/status.h"

typedef struct ms_atomic_file {
    FILE *fp;        /* write here */
    char *final_path;
    char *tmp_path;
} ms_atomic_file;

ms_status ms_atomic_open(ms_atomic_file *af, const char *path);
/* Returns MS_ERR_IO if any write, flush, fsync or rename failed (the
 * temporary file is removed then). Always releases af. */
ms_status ms_atomic_commit(ms_atomic_file *af);
void ms_atomic_abort(ms_atomic_file *af);

/* Writes len bytes to path atomically. */
ms_status ms_atomic_write(const char *path, const void *data, size_t len);

#endif
