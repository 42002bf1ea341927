/* cmd_extract.c — `migstat extract`: figures from news text. Each input is
 * one article (plain UTF-8 text), or with --jsonl-in a stream of articles
 * as JSON Lines {id, text, published, url, lang}, read one line at a time so
 * an archive of any size is one pipe. Figures are written as JSON Lines (or
 * CSV) as each article is done; --explain says on stderr why every other
 * number-like span gave no figure. */
#include "cli/cli.h"
#include "core/read_file.h"
#include "ingest/ingest.h"
#include "ingest/text/extract.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/* Largest single article read from a file (a 100 MB line is fine). */
#define MAX_ARTICLE_BYTES ((size_t)1 << 30)

typedef struct extract_run {
    ms_extractor *ex;
    cli_figure_writer *out;
    bool explain;
    const char *name;         /* the current article's name for messages */
    ms_extract_counts total;
    size_t articles;
    size_t bad_lines;         /* --jsonl-in lines that were no article */
} extract_run;

static ms_status put_figure(void *ctx, const ms_figure *f)
{
    extract_run *run = ctx;
    return cli_figure_writer_put(run->out, f);
}

static void explain_skip(void *ctx, const char *span, size_t span_len, int64_t line,
                         int64_t column, const char *why)
{
    const extract_run *run = ctx;
    int n = span_len > 60 ? 60 : (int)span_len;
    fprintf(stderr, "%s:%lld:%lld: skipped \"%.*s\": %s\n", run->name, (long long)line,
            (long long)column, n, span, why);
}

/* Extracts one article and writes its figures; prints its warnings. */
static ms_status extract_one(extract_run *run, const char *text, size_t len,
                             const ms_extract_options *opt)
{
    ms_extract_sink sink = {put_figure, run->explain ? explain_skip : NULL, run};
    ms_extract_counts counts = {0};
    ms_diag diag;
    ms_diag_init(&diag);
    if (len == 0)
        ms_diag_report(&diag, MS_SEV_WARNING, MS_ERR_DATA, run->name, 0, 0, "empty text");
    ms_status st = ms_extract_text(run->ex, text, len, opt, &sink, &diag, &counts);
    cli_print_diag(&diag);
    ms_diag_free(&diag);
    run->total.numbers += counts.numbers;
    run->total.figures += counts.figures;
    run->total.skipped += counts.skipped;
    run->total.warnings += counts.warnings + (len == 0);
    run->articles++;
    return st;
}

/* A JSON string member, or NULL. */
static const char *json_str(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* One --jsonl-in line: {id, text, published, url, lang}. A line that is not
 * such an object is reported (file:line: reason) and counted; the stream
 * goes on. */
static ms_status extract_json_line(extract_run *run, const char *file, size_t lineno,
                                   const char *line, size_t len, const ms_extract_options *base)
{
    cJSON *doc = cJSON_ParseWithLength(line, len);
    const char *text = doc ? json_str(doc, "text") : NULL;
    if (!doc || !cJSON_IsObject(doc) || !text) {
        fprintf(stderr, "%s:%zu:1: %s\n", file, lineno,
                !doc ? "not a JSON object" : "no \"text\" string in this article");
        cJSON_Delete(doc);
        run->bad_lines++;
        return MS_ERR_DATA;
    }
    ms_extract_options opt = *base;
    char idbuf[64];
    const char *id = json_str(doc, "id");
    const cJSON *idnum = cJSON_GetObjectItemCaseSensitive(doc, "id");
    if (!id && cJSON_IsNumber(idnum)) {
        snprintf(idbuf, sizeof idbuf, "%lld", (long long)idnum->valuedouble);
        id = idbuf;
    }
    if (!id) {
        snprintf(idbuf, sizeof idbuf, "line%zu", lineno);
        id = idbuf;
    }
    if (!base->source)
        opt.source = id;
    const char *published = json_str(doc, "published");
    if (published) {
        int32_t day;
        if (ms_date_parse(published, strlen(published), &day) == MS_OK)
            opt.published = day;
        else
            fprintf(stderr, "%s:%zu:1: warning: published '%s' is not a YYYY-MM-DD date; "
                    "relative periods stay unresolved\n", file, lineno, published);
    }
    const char *url = json_str(doc, "url");
    if (url)
        opt.url = url;
    const char *lang = json_str(doc, "lang");
    ms_lang l;
    if (lang && ms_lang_from_name(lang, &l)) {
        opt.lang = l;
        opt.lang_auto = false;
    }
    run->name = id;
    opt.file = id;
    ms_status st = extract_one(run, text, strlen(text), &opt);
    cJSON_Delete(doc);
    return st;
}

static ms_status extract_jsonl_stream(extract_run *run, FILE *in, const char *file,
                                      const ms_extract_options *base)
{
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    ms_status worst = MS_OK;
    while ((n = getline(&line, &cap, in)) != -1) {
        lineno++;
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        if (len == 0)
            continue;
        ms_status st = extract_json_line(run, file, lineno, line, len, base);
        if (st == MS_ERR_DATA)
            worst = MS_ERR_DATA;
        else if (st != MS_OK) {
            free(line);
            return st;
        }
    }
    free(line);
    return ferror(in) ? MS_ERR_IO : worst;
}

static ms_status extract_path(extract_run *run, const char *path, const cli_args *args,
                              const ms_extract_options *base)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "-" : path;
    if (args->jsonl_in) {
        FILE *in = is_stdin ? stdin : fopen(path, "rb");
        if (!in) {
            cli_error("cannot open '%s'", path);
            return MS_ERR_IO;
        }
        ms_status st = extract_jsonl_stream(run, in, name, base);
        if (!is_stdin)
            fclose(in);
        return st;
    }
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_diag diag;
    ms_diag_init(&diag);
    ms_status st = is_stdin ? ms_read_stream(stdin, "-", MAX_ARTICLE_BYTES, &sb, &diag)
                            : ms_read_file(path, MAX_ARTICLE_BYTES, &sb, &diag);
    cli_print_diag(&diag);
    ms_diag_free(&diag);
    if (st == MS_OK) {
        ms_extract_options opt = *base;
        char *stem = NULL;
        if (!opt.source)
            opt.source = stem = ms_ingest_stem(is_stdin ? "stdin" : path);
        opt.file = name;
        run->name = name;
        st = extract_one(run, sb.len ? ms_strbuf_str(&sb) : "", sb.len, &opt);
        free(stem);
    }
    ms_strbuf_free(&sb);
    return st;
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
    extract_run run = {0};
    run.out = &out;
    run.explain = args.explain;
    ms_status st = ms_extractor_new(&run.ex);
    char *stdin_path[] = {(char *)"-"};
    char **paths = args.n_paths ? args.paths : stdin_path;
    int n_paths = args.n_paths ? args.n_paths : 1;
    ms_status worst = MS_OK;
    for (int i = 0; st == MS_OK && i < n_paths; i++) {
        ms_status one = extract_path(&run, paths[i], &args, &base);
        if (one == MS_ERR_DATA)
            worst = MS_ERR_DATA;
        else if (one == MS_ERR_IO && !args.jsonl_in)
            worst = MS_ERR_DATA; /* an unreadable file: said, the others go on */
        else if (one != MS_OK)
            st = one;
    }
    ms_extractor_free(run.ex);
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
