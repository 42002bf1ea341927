/* cmd_report.c — `migstat report INPUT... -o DIR [--format md,html,json]`:
 * the whole pipeline on the given inputs (what `make run` calls). Tables go
 * to their readers; news articles (*.txt, *.md; with --jsonl-in, JSON Lines
 * of articles) to the text extractor, dated from the sources.tsv next to
 * them. Conflicts are content of the report, not an error; rejected input
 * rows are (exit 2, report written). */
#include "cli/articles.h"
#include "ingest/ingest.h"
#include "plots/plots.h"
#include "report/report.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Test hook: when this names an output file ("report.html", or "*" for
 * every one), the run stops itself (SIGSTOP) with that file complete under
 * its temporary name and not yet renamed, so a test can kill it there. */
#define PAUSE_ENV "MIGSTAT_TEST_PAUSE_BEFORE_RENAME"

/* What the articles of one input gave, for the accounting. */
typedef struct article_info {
    const char *path;  /* borrowed from argv */
    cli_article_meta meta;
    char *source;      /* owned: the source id of a single article */
    char lang[8];      /* language of its first figure */
    size_t articles;
    ms_report_skip *skips; /* owned; reasons are static strings of the extractor */
    size_t n_skips, cap_skips;
} article_info;

typedef struct report_reading {
    cli_articles articles;
    ms_extract_options base;
    bool jsonl_in;
    bool explain;
    ms_figure_set *target; /* the set of the input being read */
    article_info *infos;
    size_t n_infos;
    article_info *current;
} report_reading;

static bool claims(void *ctx, const char *path)
{
    const report_reading *r = ctx;
    return cli_is_article_path(path) || (r->jsonl_in && cli_is_articles_jsonl_path(path));
}

static ms_status keep_figure(void *ctx, const ms_figure *f)
{
    report_reading *r = ctx;
    if (!r->current->lang[0] && f->lang)
        snprintf(r->current->lang, sizeof r->current->lang, "%s", f->lang);
    return ms_figure_set_add(r->target, f);
}

static void count_skip(void *ctx, const char *name, const char *span, size_t span_len, int64_t line,
                       int64_t column, const char *why)
{
    report_reading *r = ctx;
    if (r->explain) {
        int n = span_len > 60 ? 60 : (int)span_len;
        fprintf(stderr, "%s:%lld:%lld: skipped \"%.*s\": %s\n", name, (long long)line,
                (long long)column, n, span, why);
    }
    article_info *info = r->current;
    for (size_t i = 0; i < info->n_skips; i++)
        if (strcmp(info->skips[i].reason, why) == 0) {
            info->skips[i].count++;
            return;
        }
    if (info->n_skips == info->cap_skips) {
        size_t cap = info->cap_skips ? info->cap_skips * 2 : 8;
        ms_report_skip *items = realloc(info->skips, cap * sizeof *items);
        if (!items)
            return; /* the count is lost, the run goes on */
        info->skips = items;
        info->cap_skips = cap;
    }
    info->skips[info->n_skips++] = (ms_report_skip){why, 1};
}

static int by_count(const void *a, const void *b)
{
    const ms_report_skip *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->reason, y->reason);
}

/* Reads one article input into figures, dated from its folder's
 * sources.tsv, counting it in diag: read = spans looked at, accepted =
 * figures, skipped = spans that gave no figure. */
static ms_status read_article(void *ctx, const char *path, ms_figure_set *figures, ms_diag *diag)
{
    report_reading *r = ctx;
    bool jsonl = r->jsonl_in && cli_is_articles_jsonl_path(path);
    if (strcmp(path, "-") != 0 && access(path, R_OK) != 0) {
        ms_diag_report(diag, MS_SEV_ERROR, MS_ERR_IO, path, 0, 0, "cannot open");
        return MS_ERR_IO;
    }
    article_info *infos = realloc(r->infos, (r->n_infos + 1) * sizeof *infos);
    if (!infos)
        return MS_ERR_NOMEM;
    r->infos = infos;
    article_info *info = r->current = &r->infos[r->n_infos++];
    memset(info, 0, sizeof *info);
    info->path = path;
    info->meta.published = MS_DAY_NONE;
    ms_extract_options opt = r->base;
    if (!jsonl) {
        ms_status st = cli_article_meta_find(path, &info->meta);
        if (st != MS_OK)
            return st;
        ms_lang lang;
        if (info->meta.lang && ms_lang_from_name(info->meta.lang, &lang)) {
            opt.lang = lang;
            opt.lang_auto = false;
        }
        if (info->meta.published != MS_DAY_NONE)
            opt.published = info->meta.published;
        if (info->meta.url)
            opt.url = info->meta.url;
        if (opt.published == MS_DAY_NONE)
            ms_diag_report(diag, MS_SEV_WARNING, MS_ERR_DATA, path, 0, 0,
                           "no publication date (%s %s); relative periods stay unresolved",
                           info->meta.have_tsv ? "not listed in" : "no", info->meta.tsv);
        info->source = r->base.source ? strdup(r->base.source) : ms_ingest_stem(path);
        if (!info->source)
            return MS_ERR_NOMEM;
    }
    r->target = figures;
    ms_extract_counts before = r->articles.total;
    size_t articles_before = r->articles.articles;
    ms_status st = cli_articles_path(&r->articles, path, jsonl, &opt);
    size_t n_figures = r->articles.total.figures - before.figures;
    size_t n_skipped = r->articles.total.skipped - before.skipped;
    info->articles = r->articles.articles - articles_before;
    diag->n_read += n_figures + n_skipped;
    diag->n_accepted += n_figures;
    diag->n_skipped += n_skipped;
    if (info->n_skips > 1)
        qsort(info->skips, info->n_skips, sizeof *info->skips, by_count);
    return st;
}

static void reading_free(report_reading *r)
{
    for (size_t i = 0; i < r->n_infos; i++) {
        cli_article_meta_free(&r->infos[i].meta);
        free(r->infos[i].source);
        free(r->infos[i].skips);
    }
    free(r->infos);
    cli_articles_free(&r->articles);
}

/* The accounting rows: every input's counts, with what its articles said. */
static ms_report_input *input_stats(const cli_inputs *in, const report_reading *r)
{
    ms_report_input *rows = calloc(in->n_per_input ? in->n_per_input : 1, sizeof *rows);
    for (size_t i = 0; rows && i < in->n_per_input; i++) {
        const cli_input_counts *c = &in->per_input[i];
        ms_report_input *row = &rows[i];
        row->name = c->path;
        row->read = c->read;
        row->accepted = c->accepted;
        row->rejected = c->rejected;
        row->missing = c->missing;
        row->skipped = c->skipped;
        row->published = MS_DAY_NONE;
        for (size_t k = 0; k < r->n_infos; k++) {
            const article_info *info = &r->infos[k];
            if (info->path != c->path)
                continue;
            row->article = true;
            row->articles = info->articles;
            row->source = info->source;
            row->outlet = info->meta.outlet;
            row->lang = info->lang[0] ? info->lang : info->meta.lang;
            row->published = info->meta.published != MS_DAY_NONE ? info->meta.published : r->base.published;
            row->skips = info->skips;
            row->n_skips = info->n_skips;
        }
    }
    return rows;
}

/* ---------------------------------------------------------- progress */

typedef struct report_hooks {
    bool progress;       /* stderr is a terminal and not -q */
    bool shown;          /* a progress line is on screen */
    const char *pause;   /* PAUSE_ENV, or NULL */
} report_hooks;

static void show_step(void *ctx, const char *step)
{
    report_hooks *h = ctx;
    if (!h->progress)
        return;
    fprintf(stderr, "\r\033[Kmigstat: report: %s", step);
    fflush(stderr);
    h->shown = true;
}

static void before_rename(void *ctx, const char *final_path)
{
    const report_hooks *h = ctx;
    if (!h->pause)
        return;
    const char *slash = strrchr(final_path, '/');
    const char *base = slash ? slash + 1 : final_path;
    if (strcmp(h->pause, "*") == 0 || strcmp(h->pause, base) == 0)
        raise(SIGSTOP);
}

/* ---------------------------------------------------------- the command */

/* An output folder gnuplot could read as a command or a file to read
 * ("|cmd", "<file" as any part of the path) or with control characters is
 * refused before anything is written. */
static bool output_dir_ok(const char *dir)
{
    for (const char *p = dir; *p; p++) {
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return false;
        if ((p == dir || p[-1] == '/') && (*p == '|' || *p == '<'))
            return false;
    }
    return *dir != '\0';
}

/* The text options as extractor defaults; -1 when fine, else the exit code. */
static int text_defaults(const ms_command *cmd, const cli_args *args, ms_extract_options *base)
{
    memset(base, 0, sizeof *base);
    base->lang_auto = true;
    base->published = MS_DAY_NONE;
    base->url = args->url;
    base->all = args->all;
    if (args->lang && strcmp(args->lang, "auto") != 0) {
        if (!ms_lang_from_name(args->lang, &base->lang)) {
            cli_error("report: --lang is auto, en, ru or de, not '%s'", args->lang);
            return cli_usage(cmd, true);
        }
        base->lang_auto = false;
    }
    if (args->published &&
        ms_date_parse(args->published, strlen(args->published), &base->published) != MS_OK) {
        cli_error("report: --published takes a date YYYY-MM-DD, not '%s'", args->published);
        return cli_usage(cmd, true);
    }
    return -1;
}

int cmd_report(int argc, char **argv)
{
    const ms_command *cmd = cli_find_command("report");
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv,
                            CLI_OPT_TABLES | CLI_OPT_OUTPUT | CLI_OPT_CHARTS | CLI_OPT_TEXT, &args);
    if (rc >= 0)
        return rc;
    if (!args.output) {
        cli_error("report: -o DIR is required");
        return cli_usage(cmd, true);
    }
    if (!output_dir_ok(args.output)) {
        cli_error("report: refusing output folder '%s': no part of it may start with '|' or '<' "
                  "or hold control characters (gnuplot would read it as a command)", args.output);
        return ms_status_exit_code(MS_ERR_USAGE);
    }
    if (args.n_paths == 0) {
        cli_error("report: give at least one input (a file or '-')");
        return cli_usage(cmd, true);
    }
    /* --format names the report's formats here; inputs are sniffed */
    unsigned formats = MS_REPORT_ALL;
    if (strcmp(args.input.format, "auto") != 0 && !ms_report_formats_parse(args.input.format, &formats)) {
        cli_error("report: --format takes report formats md, html, json (comma-separated), not '%s'",
                  args.input.format);
        return cli_usage(cmd, true);
    }
    args.input.format = "auto";
    report_reading reading;
    memset(&reading, 0, sizeof reading);
    if ((rc = text_defaults(cmd, &args, &reading.base)) >= 0)
        return rc;
    reading.base.source = args.input.source;
    reading.jsonl_in = args.jsonl_in;
    reading.explain = args.explain;
    cli_article_sink sink = {keep_figure, count_skip, &reading};
    if (cli_articles_init(&reading.articles, &sink) != MS_OK) {
        cli_error("report: %s", ms_strerror(MS_ERR_NOMEM));
        return ms_status_exit_code(MS_ERR_NOMEM);
    }
    args.input.claims = claims;
    args.input.read = read_article;
    args.input.read_ctx = &reading;

    cli_inputs in;
    ms_status st = cli_load_inputs(&in, &args.input, args.paths, args.n_paths);
    if (cli_load_failed(st)) {
        reading_free(&reading);
        return ms_status_exit_code(st);
    }
    ms_report_input *stats = input_stats(&in, &reading);
    report_hooks hooks = {
        .progress = !args.input.quiet && isatty(STDERR_FILENO),
        .pause = getenv(PAUSE_ENV),
    };
    ms_report_options opt = {
        .out_dir = args.output,
        .metrics = &in.metrics,
        .charts = !args.no_charts,
        .chart_formats = args.chart_formats ? args.chart_formats : (MS_PLOT_SVG | MS_PLOT_PNG),
        .gnuplot = args.gnuplot,
        .inputs = (const char *const *)args.paths,
        .n_inputs = (size_t)args.n_paths,
        .accounting = &in.diag,
        .formats = formats,
        .input_stats = stats,
        .n_input_stats = stats ? in.n_per_input : 0,
        .progress = show_step,
        .before_rename = before_rename,
        .ctx = &hooks,
    };
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_status rst = ms_report_write(&in.figures, &opt, &err);
    if (hooks.shown)
        fputs("\r\033[K", stderr);
    if (err.len)
        fprintf(stderr, "%s%s", ms_strbuf_str(&err), err.data[err.len - 1] == '\n' ? "" : "\n");
    if (rst == MS_OK && !args.input.quiet) {
        static const struct {
            unsigned bit;
            const char *name;
        } files[] = {{MS_REPORT_MD, "report.md"}, {MS_REPORT_HTML, "report.html"}, {MS_REPORT_JSON, "report.json"}};
        fputs("migstat: wrote", stderr);
        const char *sep = " ";
        for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
            if (formats & files[i].bit) {
                fprintf(stderr, "%s%s/%s", sep, args.output, files[i].name);
                sep = ", ";
            }
        fputc('\n', stderr);
    } else if (rst != MS_OK) {
        cli_error("report: %s", ms_strerror(rst));
    }
    ms_strbuf_free(&err);
    free(stats);
    cli_inputs_free(&in);
    reading_free(&reading);
    return ms_status_exit_code(rst != MS_OK ? rst : st);
}
