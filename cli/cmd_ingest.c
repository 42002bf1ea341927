/* cmd_ingest.c — `migstat ingest`: tables and figure files -> figures as
 * JSON Lines. Good rows are written even when others are rejected; the exit
 * code says whether anything was. */
#include "cli/cli.h"
#include "core/jsonl.h"

int cmd_ingest(int argc, char **argv)
{
    const ms_command *cmd = cli_find_command("ingest");
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv, CLI_OPT_OUTPUT, &args);
    if (rc >= 0)
        return rc;

    cli_inputs in;
    ms_status st = cli_load_inputs(&in, &args.input, args.paths, args.n_paths);
    if (cli_load_failed(st))
        return ms_status_exit_code(st);
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    for (size_t i = 0; i < in.figures.count; i++)
        ms_jsonl_format_figure(&in.figures.items[i], &sb);
    ms_status wst = cli_write_output(args.output, &sb);
    ms_strbuf_free(&sb);
    cli_inputs_free(&in);
    return ms_status_exit_code(wst != MS_OK ? wst : st);
}
