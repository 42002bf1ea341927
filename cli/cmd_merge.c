/* cmd_merge.c — `migstat merge FIGURES...`: figure files (any format
 * ingest reads; shards of one corpus, outputs of several machines) into
 * one JSON Lines stream in input order, each identical figure once (the
 * first). Identical means the same JSON Lines text: every field, the id,
 * quote and offsets included, so two outlets stating one number stay two
 * figures. Streams: memory holds the distinct figures' text only. */
#include "cli/cli.h"
#include "core/byte_set.h"
#include "core/jsonl.h"

#include <string.h>

typedef struct merge_state {
    ms_byte_set seen;
    ms_strbuf line;
    cli_figure_writer *out;
    size_t duplicates;
} merge_state;

static ms_status put_new(void *ctx, const ms_figure *f)
{
    merge_state *m = ctx;
    ms_strbuf_clear(&m->line);
    ms_jsonl_format_figure(f, &m->line);
    if (ms_strbuf_failed(&m->line))
        return MS_ERR_NOMEM;
    bool added;
    ms_status st = ms_byte_set_add(&m->seen, ms_strbuf_str(&m->line), m->line.len, &added);
    if (st != MS_OK)
        return st;
    if (!added) {
        m->duplicates++;
        return MS_OK;
    }
    return cli_figure_writer_put(m->out, f);
}

int cmd_merge(int argc, char **argv)
{
    const ms_command *cmd = cli_find_command("merge");
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv, CLI_OPT_TABLES | CLI_OPT_OUTPUT, &args);
    if (rc >= 0)
        return rc;
    cli_figure_writer out;
    if (cli_figure_writer_open(&out, args.output, false) != MS_OK)
        return ms_status_exit_code(MS_ERR_IO);
    merge_state m = {.out = &out};
    ms_byte_set_init(&m.seen);
    ms_strbuf_init(&m.line);
    cli_inputs in;
    ms_status st = cli_stream_inputs(&in, &args.input, args.paths, args.n_paths, put_new, &m);
    ms_status wst = cli_figure_writer_close(&out, !cli_load_failed(st));
    if (!cli_load_failed(st)) {
        if (!args.input.quiet)
            fprintf(stderr, "migstat: merge: %zu figures written, %zu identical ones dropped\n",
                    m.seen.count, m.duplicates);
        cli_inputs_free(&in);
    }
    ms_strbuf_free(&m.line);
    ms_byte_set_free(&m.seen);
    return ms_status_exit_code(cli_load_failed(st) ? st : wst != MS_OK ? wst : st);
}
