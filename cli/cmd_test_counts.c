/* cmd_test_counts.c — `migstat test-counts K1 K2`: is K1 against K2 (in
 * exposures T1, T2) more than chance? The exact conditional test of two
 * Poisson counts (stats/poisson_test.c): a two-sided p-value and the rate
 * ratio with its exact 95 % interval. */
#include "cli/cli.h"
#include "core/num.h"

static const char *const columns[] = {"k1", "k2", "t1", "t2", "p_value", "rate_ratio", "rr_lo",
                                      "rr_hi", "method"};

int cmd_test_counts(int argc, char **argv)
{
    const ms_command *cmd = cli_find_command("test-counts");
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv, CLI_OPT_OUTPUT | CLI_OPT_TO | CLI_OPT_EXPOSURE, &args);
    cli_table_form to;
    if (rc >= 0 || (rc = cli_table_form_arg(cmd, &args, CLI_TABLE_MD, &to)) >= 0)
        return rc;
    double k[2];
    if (args.n_paths != 2) {
        cli_error("test-counts: two counts K1 K2 are needed");
        return cli_usage(cmd, true);
    }
    for (int i = 0; i < 2; i++) {
        if (ms_num_parse_cstr(args.paths[i], &k[i]) != MS_OK) {
            cli_error("test-counts: '%s' is not a number", args.paths[i]);
            return cli_usage(cmd, true);
        }
    }
    ms_count_test r;
    if (ms_stats_poisson_test(k[0], k[1], args.t1, args.t2, &r) != MS_OK) {
        cli_error("test-counts: counts are whole numbers >= 0 (below 2^32 together)");
        return cli_usage(cmd, true);
    }
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    cli_table t;
    cli_table_begin(&t, to, columns, sizeof columns / sizeof columns[0], &sb);
    const double cells[] = {r.k1, r.k2, r.t1, r.t2, r.p_value, r.rate_ratio, r.rr_lo, r.rr_hi};
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++)
        cli_table_num(&t, cells[i]);
    cli_table_text(&t, "exact conditional (binomial), two-sided: outcomes no more likely");
    cli_table_end_row(&t);
    ms_status st = cli_write_output(args.output, &sb);
    ms_strbuf_free(&sb);
    return ms_status_exit_code(st);
}
