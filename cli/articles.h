/* articles.h — news articles as inputs (articles.c): the extractor run
 * over files of text or JSON Lines of articles, with the counts of what
 * each gave, and the sources.tsv that lists the articles of a folder
 * (columns id, outlet, language or lang, published, url; others ignored). */
#ifndef MS_CLI_ARTICLES_H
#define MS_CLI_ARTICLES_H

#include "cli/cli.h"
#include "ingest/text/extract.h"

/* Where figures and skipped spans go. figure is required; skipped may be
 * NULL. name is the current article's (file name or JSON Lines id). */
typedef struct cli_article_sink {
    ms_status (*figure)(void *ctx, const ms_figure *f);
    void (*skipped)(void *ctx, const char *name, const char *span, size_t span_len, int64_t line,
                    int64_t column, const char *why);
    void *ctx;
} cli_article_sink;

typedef struct cli_articles {
    ms_extractor *ex;
    cli_article_sink sink;
    const char *name;         /* the current article, for messages */
    ms_extract_counts total;  /* over every article so far */
    size_t articles;
    size_t bad_lines;         /* JSON Lines that were no article */
} cli_articles;

/* MS_ERR_NOMEM when the extractor cannot be made. */
ms_status cli_articles_init(cli_articles *a, const cli_article_sink *sink);
void cli_articles_free(cli_articles *a);

/* Extracts one text; its warnings are printed. opt->file names it. */
ms_status cli_articles_text(cli_articles *a, const char *text, size_t len, const ms_extract_options *opt);
/* One file of text ("-" = stdin; source = the file's stem unless
 * base->source), or with jsonl a stream of JSON Lines articles (source =
 * each article's id unless base->source). MS_ERR_IO when it cannot be
 * read, MS_ERR_DATA when a JSON line was no article. */
ms_status cli_articles_path(cli_articles *a, const char *path, bool jsonl, const ms_extract_options *base);

/* Inputs read as articles next to tables: *.txt and *.md files; *.jsonl
 * and *.ndjson (JSON Lines of articles when the command is told so). */
bool cli_is_article_path(const char *path);
bool cli_is_articles_jsonl_path(const char *path);

/* What the sources.tsv in an article's folder says about it (its row is
 * the one whose id is the file's stem). Strings owned. */
typedef struct cli_article_meta {
    bool have_tsv;        /* the folder has a sources.tsv */
    bool listed;          /* ... and it lists this article */
    size_t line;          /* its line there */
    char tsv[4096];       /* the sources.tsv path, for messages */
    char *outlet, *lang, *url;
    int32_t published;    /* MS_DAY_NONE when not given */
} cli_article_meta;

/* Fills meta (all unknown when there is no sources.tsv or no row).
 * MS_ERR_NOMEM on failure; a bad date is warned about on stderr. */
ms_status cli_article_meta_find(const char *path, cli_article_meta *meta);
void cli_article_meta_free(cli_article_meta *meta);

#endif
