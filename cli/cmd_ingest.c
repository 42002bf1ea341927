/* cmd_ingest.c — `migstat ingest`: tables and figure files -> figures as
 * JSON Lines, written as they are read (memory does not grow with the
 * input). Good rows are written even when others are rejected; the exit
 * code says whether anything was. With -o the file appears whole or not at
 * all. */
#include "cli/cli.h"
#include "core/atomic_file.h"
#include "core/jsonl.h"

#include <string.h>

/* Flush to the output every this many bytes of JSON Lines. */
#define INGEST_FLUSH_BYTES ((size_t)1 << 20)

typedef struct ingest_out {
    FILE *fp;
    ms_strbuf buf;
    bool failed;
} ingest_out;

static ms_status flush_out(ingest_out *o)
{
    if (ms_strbuf_failed(&o->buf))
        return MS_ERR_NOMEM;
    if (o->buf.len && fwrite(ms_strbuf_str(&o->buf), 1, o->buf.len, o->fp) != o->buf.len) {
        o->failed = true;
        return MS_ERR_IO;
    }
    ms_strbuf_clear(&o->buf);
    return MS_OK;
}

static ms_status write_figure(void *ctx, const ms_figure *f)
{
    ingest_out *o = ctx;
    ms_jsonl_format_figure(f, &o->buf);
    return o->buf.len >= INGEST_FLUSH_BYTES ? flush_out(o) : MS_OK;
}

int cmd_ingest(int argc, char **argv)
{
    const ms_command *cmd = cli_find_command("ingest");
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv, CLI_OPT_OUTPUT, &args);
    if (rc >= 0)
        return rc;

    bool to_file = args.output && strcmp(args.output, "-") != 0;
    ms_atomic_file af = {0};
    if (to_file && ms_atomic_open(&af, args.output) != MS_OK) {
        cli_error("cannot write '%s'", args.output);
        return ms_status_exit_code(MS_ERR_IO);
    }
    ingest_out out = {.fp = to_file ? af.fp : stdout};
    ms_strbuf_init(&out.buf);
    cli_inputs in;
    ms_status st = cli_stream_inputs(&in, &args.input, args.paths, args.n_paths, write_figure, &out);
    ms_status wst = cli_load_failed(st) ? st : flush_out(&out);
    if (wst == MS_OK && to_file)
        wst = ms_atomic_commit(&af);
    else if (to_file)
        ms_atomic_abort(&af);
    else if (wst == MS_OK && fflush(stdout) != 0)
        wst = MS_ERR_IO;
    if (wst == MS_ERR_IO && !cli_load_failed(st))
        cli_error("cannot write '%s'", to_file ? args.output : "standard output");
    ms_strbuf_free(&out.buf);
    if (!cli_load_failed(st))
        cli_inputs_free(&in);
    return ms_status_exit_code(wst != MS_OK ? wst : st);
}
