/* articles.c — news articles as inputs, through the text extractor: one
 * article per file (plain UTF-8 text), or JSON Lines of articles {id, text,
 * published, url, lang} read one line at a time. Shared by `extract` (which
 * writes the figures as they come) and `report` (which reads articles next
 * to tables); also the sources.tsv that describes the articles of a folder. */
#include "cli/articles.h"
#include "core/read_file.h"
#include "core/tsv.h"
#include "ingest/ingest.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/* Largest single article read from a file (a 100 MB line is fine). */
#define MAX_ARTICLE_BYTES ((size_t)1 << 30)
/* Largest sources.tsv read. */
#define MAX_SOURCES_TSV_BYTES ((size_t)64 << 20)

ms_status cli_articles_init(cli_articles *a, const cli_article_sink *sink)
{
    memset(a, 0, sizeof *a);
    a->sink = *sink;
    return ms_extractor_new(&a->ex);
}

void cli_articles_free(cli_articles *a)
{
    ms_extractor_free(a->ex);
    a->ex = NULL;
}

static ms_status put_figure(void *ctx, const ms_figure *f)
{
    cli_articles *a = ctx;
    return a->sink.figure(a->sink.ctx, f);
}

static void put_skipped(void *ctx, const char *span, size_t span_len, int64_t line, int64_t column,
                        const char *why)
{
    cli_articles *a = ctx;
    a->sink.skipped(a->sink.ctx, a->name, span, span_len, line, column, why);
}

ms_status cli_articles_text(cli_articles *a, const char *text, size_t len, const ms_extract_options *opt)
{
    ms_extract_sink sink = {put_figure, a->sink.skipped ? put_skipped : NULL, a};
    ms_extract_counts counts = {0};
    ms_diag diag;
    ms_diag_init(&diag);
    a->name = opt->file;
    if (len == 0)
        ms_diag_report(&diag, MS_SEV_WARNING, MS_ERR_DATA, a->name, 0, 0, "empty text");
    ms_status st = ms_extract_text(a->ex, text, len, opt, &sink, &diag, &counts);
    cli_print_diag(&diag);
    ms_diag_free(&diag);
    a->total.numbers += counts.numbers;
    a->total.figures += counts.figures;
    a->total.skipped += counts.skipped;
    a->total.warnings += counts.warnings + (len == 0);
    a->articles++;
    return st;
}

/* A JSON string member, or NULL. */
static const char *json_str(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* One JSON Lines article: {id, text, published, url, lang}. A line that is
 * not such an object is reported (file:line: reason) and counted; the
 * stream goes on. */
static ms_status json_line(cli_articles *a, const char *file, size_t lineno, const char *line,
                           size_t len, const ms_extract_options *base)
{
    cJSON *doc = cJSON_ParseWithLength(line, len);
    const char *text = doc ? json_str(doc, "text") : NULL;
    if (!doc || !cJSON_IsObject(doc) || !text) {
        fprintf(stderr, "%s:%zu:1: %s\n", file, lineno,
                !doc ? "not a JSON object" : "no \"text\" string in this article");
        cJSON_Delete(doc);
        a->bad_lines++;
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
    opt.file = id;
    ms_status st = cli_articles_text(a, text, strlen(text), &opt);
    cJSON_Delete(doc);
    return st;
}

static ms_status jsonl_stream(cli_articles *a, FILE *in, const char *file, const ms_extract_options *base)
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
        ms_status st = json_line(a, file, lineno, line, len, base);
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

ms_status cli_articles_path(cli_articles *a, const char *path, bool jsonl, const ms_extract_options *base)
{
    bool is_stdin = strcmp(path, "-") == 0;
    if (jsonl) {
        FILE *in = is_stdin ? stdin : fopen(path, "rb");
        if (!in) {
            cli_error("cannot open '%s'", path);
            return MS_ERR_IO;
        }
        ms_status st = jsonl_stream(a, in, path, base);
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
        opt.file = path;
        st = opt.source ? cli_articles_text(a, sb.len ? ms_strbuf_str(&sb) : "", sb.len, &opt)
                        : MS_ERR_NOMEM;
        free(stem);
    }
    ms_strbuf_free(&sb);
    return st;
}

/* ---------------------------------------------------------- sources.tsv */

bool cli_is_article_path(const char *path)
{
    size_t n = strlen(path);
    return (n > 4 && strcmp(path + n - 4, ".txt") == 0) || (n > 3 && strcmp(path + n - 3, ".md") == 0);
}

bool cli_is_articles_jsonl_path(const char *path)
{
    size_t n = strlen(path);
    return (n > 6 && strcmp(path + n - 6, ".jsonl") == 0) || (n > 7 && strcmp(path + n - 7, ".ndjson") == 0);
}

/* A field as a malloc'd string. */
static char *field_dup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

void cli_article_meta_free(cli_article_meta *meta)
{
    free(meta->outlet);
    free(meta->lang);
    free(meta->url);
    memset(meta, 0, sizeof *meta);
    meta->published = MS_DAY_NONE;
}

/* The column of each name in a header line, or -1. */
enum { COL_ID, COL_OUTLET, COL_LANG, COL_PUBLISHED, COL_URL, N_COLS };

static void header_columns(const char **field, const size_t *flen, size_t n, int col[N_COLS])
{
    static const struct {
        const char *name;
        int col;
    } names[] = {{"id", COL_ID}, {"outlet", COL_OUTLET}, {"language", COL_LANG}, {"lang", COL_LANG},
                 {"published", COL_PUBLISHED}, {"url", COL_URL}};
    for (int i = 0; i < N_COLS; i++)
        col[i] = -1;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
            if (strlen(names[k].name) == flen[i] && strncmp(names[k].name, field[i], flen[i]) == 0 &&
                col[names[k].col] < 0)
                col[names[k].col] = (int)i;
}

ms_status cli_article_meta_find(const char *path, cli_article_meta *meta)
{
    memset(meta, 0, sizeof *meta);
    meta->published = MS_DAY_NONE;
    const char *slash = strrchr(path, '/');
    ms_strbuf tsv_path;
    ms_strbuf_init(&tsv_path);
    if (slash)
        ms_strbuf_append(&tsv_path, path, (size_t)(slash - path + 1));
    ms_strbuf_puts(&tsv_path, "sources.tsv");
    char *stem = ms_ingest_stem(path);
    if (ms_strbuf_failed(&tsv_path) || !stem) {
        ms_strbuf_free(&tsv_path);
        free(stem);
        return MS_ERR_NOMEM;
    }
    snprintf(meta->tsv, sizeof meta->tsv, "%s", ms_strbuf_str(&tsv_path));
    ms_strbuf text;
    ms_strbuf_init(&text);
    ms_diag diag;
    ms_diag_init(&diag);
    FILE *probe = fopen(ms_strbuf_str(&tsv_path), "rb");
    ms_status st = MS_OK;
    if (probe) {
        fclose(probe);
        st = ms_read_file(ms_strbuf_str(&tsv_path), MAX_SOURCES_TSV_BYTES, &text, &diag);
        cli_print_diag(&diag);
    }
    ms_diag_free(&diag);
    ms_strbuf_free(&tsv_path);
    if (!probe || st != MS_OK) {
        ms_strbuf_free(&text);
        free(stem);
        return st == MS_ERR_NOMEM ? st : MS_OK; /* no sources.tsv: nothing known */
    }
    meta->have_tsv = true;
    int col[N_COLS];
    const char *p = ms_strbuf_str(&text), *end = p + text.len;
    bool header = true;
    st = MS_OK;
    for (size_t lineno = 1; p < end && st == MS_OK && !meta->listed; lineno++) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        size_t len = eol ? (size_t)(eol - p) : (size_t)(end - p);
        if (len && p[len - 1] == '\r')
            len--;
        const char *field[16];
        size_t flen[16], fcol[16];
        size_t n = ms_tsv_split(p, len, field, flen, fcol, 16);
        if (header) {
            header_columns(field, flen, n, col);
            header = false;
        } else if (col[COL_ID] >= 0 && (size_t)col[COL_ID] < n && flen[col[COL_ID]] == strlen(stem) &&
                   strncmp(field[col[COL_ID]], stem, flen[col[COL_ID]]) == 0) {
            meta->listed = true;
            meta->line = lineno;
            for (int c = COL_OUTLET; c < N_COLS; c++) {
                if (col[c] < 0 || (size_t)col[c] >= n || flen[col[c]] == 0)
                    continue;
                const char *s = field[col[c]];
                size_t sl = flen[col[c]];
                if (c == COL_PUBLISHED) {
                    if (ms_date_parse(s, sl, &meta->published) != MS_OK) {
                        fprintf(stderr, "%s:%zu:%zu: warning: published '%.*s' is not a YYYY-MM-DD date\n",
                                meta->tsv, lineno, fcol[col[c]], (int)sl, s);
                        meta->published = MS_DAY_NONE;
                    }
                    continue;
                }
                char **dst = c == COL_OUTLET ? &meta->outlet : c == COL_LANG ? &meta->lang : &meta->url;
                if (!(*dst = field_dup(s, sl)))
                    st = MS_ERR_NOMEM;
            }
        }
        p = eol ? eol + 1 : end;
    }
    ms_strbuf_free(&text);
    free(stem);
    return st;
}
