/* cmd_extract.c — `migstat extract`: figures from news text. Each input is
 * one article (plain UTF-8 text), or with --jsonl-in a stream of articles
 * as JSON Lines {id, text, published, url, lang}, read one line at a time so
 * an archive of any size is one pipe. Figures are written as JSON Lines (or
 * CSV) as each article is done; --explain says on stderr why every other
 * number-like span gave no figure. */
#include "cli/articles.h"

#include <string.h>

static ms_status put_figure(void *ctx, const ms_figure *f) { return cli_figure_writer_put(ctx, f); }

static void explain_skip(void *ctx, const char *name, const char *span, size_t span_len, int64_t line,
                         int64_t column, const char *why)
{
    (void)ctx;
    int n = span_len > 60 ? 60 : (int)span_len;
    fprintf(stderr, "%s:%lld:%lld: skipped \"%.*s\": %s\n", name, (long long)line, (long long)column, n,
            span, why);
}

int cmd_extract(int argc, char **argv)
{
    const ms_command *cmd = cli_find_command("extract");
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv, CLI_OPT_OUTPUT | CLI_OPT_TO | CLI_OPT_TEXT, &args);
    if (rc >= 0)
        return rc;
    bool csv = args.to && strcmp(args.to, "csv") == 0;
    if (args.to && !csv && strcmp(args.to, "jsonl") != 0) {
        cli_error("extract: unknown output form '%s' (jsonl, csv)", args.to);
        return cli_usage(cmd, true);
    }
    ms_extract_options base = {0};
    base.lang_auto = true;
    base.published = MS_DAY_NONE;
    base.source = args.input.source;
    base.url = args.url;
    base.all = args.all;
    if (args.lang && strcmp(args.lang, "auto") != 0) {
        if (!ms_lang_from_name(args.lang, &base.lang)) {
            cli_error("extract: --lang is auto, en, ru or de, not '%s'", args.lang);
            return cli_usage(cmd, true);
        }
        base.lang_auto = false;
    }
    if (args.published &&
        ms_date_parse(args.published, strlen(args.published), &base.published) != MS_OK) {
        cli_error("extract: --published takes a date YYYY-MM-DD, not '%s'", args.published);
        return cli_usage(cmd, true);
    }

    cli_figure_writer out;
    if (cli_figure_writer_open(&out, args.output, csv) != MS_OK)
        return ms_status_exit_code(MS_ERR_IO);
    cli_article_sink sink = {put_figure, args.explain ? explain_skip : NULL, &out};
    cli_articles run;
    ms_status st = cli_articles_init(&run, &sink);
    char *stdin_path[] = {(char *)"-"};
    char **paths = args.n_paths ? args.paths : stdin_path;
    int n_paths = args.n_paths ? args.n_paths : 1;
    ms_status worst = MS_OK;
    for (int i = 0; st == MS_OK && i < n_paths; i++) {
        ms_status one = cli_articles_path(&run, paths[i], args.jsonl_in, &base);
        if (one == MS_ERR_DATA)
            worst = MS_ERR_DATA;
        else if (one == MS_ERR_IO && !args.jsonl_in)
            worst = MS_ERR_DATA; /* an unreadable file: said, the others go on */
        else if (one != MS_OK)
            st = one;
    }
    cli_articles_free(&run);
    ms_status wst = cli_figure_writer_close(&out, st == MS_OK);
    if (!args.input.quiet)
        fprintf(stderr, "extract: %zu article%s, %zu numbers, %zu figures, %zu skipped, "
                "%zu warnings%s%zu bad input lines\n",
                run.articles, run.articles == 1 ? "" : "s", run.total.numbers, run.total.figures,
                run.total.skipped, run.total.warnings, ", ", run.bad_lines);
    if (st != MS_OK)
        return ms_status_exit_code(st);
    return ms_status_exit_code(wst != MS_OK ? wst : worst);
}
