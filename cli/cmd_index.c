/* cmd_index.c — `migstat index --base PERIOD`: every count series as an
 * index, the base period = 100, intervals carried. */
#include "cli/cli.h"

static ms_status index_points(const ms_series *s, const cli_args *args, ms_point_list *out)
{
    return ms_stats_index(s, args->base, out);
}

int cmd_index(int argc, char **argv)
{
    const ms_command *cmd = cli_find_command("index");
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv, CLI_OPT_TABLES | CLI_OPT_OUTPUT | CLI_OPT_TO | CLI_OPT_BASE,
                            &args);
    if (rc >= 0)
        return rc;
    cli_table_form to;
    if (!cli_table_form_parse(args.to, CLI_TABLE_JSONL, &to)) {
        cli_error("index: unknown output form '%s' (jsonl, csv, md)", args.to);
        return cli_usage(cmd, true);
    }
    if (ms_period_is_none(args.base)) {
        cli_error("index: --base PERIOD is required");
        return cli_usage(cmd, true);
    }
    cli_inputs in;
    ms_series_set ss;
    ms_status load_st;
    if ((rc = cli_load_series(&args, &in, &ss, &load_st)) >= 0)
        return rc;
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    size_t n_not_ok = 0;
    ms_status st = cli_write_points(&ss, index_points, &ms_index_form, &args, to, &sb, &n_not_ok);
    if (st == MS_OK)
        st = cli_write_output(args.output, &sb);
    if (n_not_ok && !args.input.quiet)
        cli_error("%zu periods have no index (no base, a base that may be 0, or missing; see --to md)",
                  n_not_ok);
    ms_strbuf_free(&sb);
    ms_series_set_free(&ss);
    cli_inputs_free(&in);
    return ms_status_exit_code(st != MS_OK ? st : load_st);
}
