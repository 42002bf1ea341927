/* figure_writer.c — figures written as JSON Lines or CSV while they are
 * made, a block at a time, to standard output or atomically to a file: the
 * output of the streaming commands (ingest, change). Exports the
 * cli_figure_writer_* functions of cli.h. */
#include "cli/cli.h"
#include "core/figure_csv.h"
#include "core/jsonl.h"

#include <string.h>

/* Write to the output every this many bytes. */
#define WRITER_BLOCK ((size_t)1 << 20)

ms_status cli_figure_writer_open(cli_figure_writer *w, const char *path, bool csv)
{
    memset(w, 0, sizeof *w);
    ms_strbuf_init(&w->buf);
    w->csv = csv;
    if (csv)
        ms_figure_csv_header(&w->buf);
    w->to_file = path && strcmp(path, "-") != 0;
    w->path = w->to_file ? path : "standard output";
    w->fp = stdout;
    if (w->to_file) {
        if (ms_atomic_open(&w->file, path) != MS_OK) {
            cli_error("cannot write '%s'", path);
            return MS_ERR_IO;
        }
        w->fp = w->file.fp;
    }
    return MS_OK;
}

static ms_status flush_block(cli_figure_writer *w)
{
    if (ms_strbuf_failed(&w->buf))
        return MS_ERR_NOMEM;
    if (w->buf.len && fwrite(ms_strbuf_str(&w->buf), 1, w->buf.len, w->fp) != w->buf.len)
        return MS_ERR_IO;
    ms_strbuf_clear(&w->buf);
    return MS_OK;
}

ms_status cli_figure_writer_put(void *ctx, const ms_figure *f)
{
    cli_figure_writer *w = ctx;
    if (w->csv)
        ms_figure_csv_format(f, &w->buf);
    else
        ms_jsonl_format_figure(f, &w->buf);
    return w->buf.len >= WRITER_BLOCK ? flush_block(w) : MS_OK;
}

ms_status cli_figure_writer_close(cli_figure_writer *w, bool keep)
{
    ms_status st = keep ? flush_block(w) : MS_OK;
    if (st == MS_OK && keep && !w->to_file && fflush(stdout) != 0)
        st = MS_ERR_IO;
    if (w->to_file) {
        if (st == MS_OK && keep)
            st = ms_atomic_commit(&w->file);
        else
            ms_atomic_abort(&w->file);
    }
    if (keep && st == MS_ERR_IO)
        cli_error("cannot write '%s'", w->path);
    ms_strbuf_free(&w->buf);
    return st;
}
