/* cmd_ingest.c — `migstat ingest`: tables and figure files -> figures as
 * JSON Lines (or CSV with --to csv), written as they are read (memory does not grow with the
 * input). Good rows are written even when others are rejected; the exit
 * code says whether anything was. With -o the file appears whole or not at
 * all. */
#include "cli/cli.h"

#include <string.h>

int cmd_ingest(int argc, char **argv)
{
    const ms_command *cmd = cli_find_command("ingest");
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv, CLI_OPT_TABLES | CLI_OPT_OUTPUT | CLI_OPT_TO, &args);
    if (rc >= 0)
        return rc;
    bool csv = args.to && strcmp(args.to, "csv") == 0;
    if (args.to && !csv && strcmp(args.to, "jsonl") != 0) {
        cli_error("ingest: unknown output form '%s' (jsonl, csv)", args.to);
        return cli_usage(cmd, true);
    }

    cli_figure_writer out;
    if (cli_figure_writer_open(&out, args.output, csv) != MS_OK)
        return ms_status_exit_code(MS_ERR_IO);
    cli_inputs in;
    ms_status st = cli_stream_inputs(&in, &args.input, args.paths, args.n_paths, cli_figure_writer_put, &out);
    ms_status wst = cli_figure_writer_close(&out, !cli_load_failed(st));
    if (!cli_load_failed(st))
        cli_inputs_free(&in);
    return ms_status_exit_code(cli_load_failed(st) ? st : wst != MS_OK ? wst : st);
}
