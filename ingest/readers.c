/* readers.c — the format registry: a table from format name and file
 * extensions to a reader function; the choice of a reader for a path (by
 * extension) or a stream (by its first byte); opening files with a clear
 * error. Exports the ms_ingest_* entry points and ms_input_format_from_name. */
#include "ingest/ingest.h"
#include "core/jsonl.h"

#include <errno.h>
#include <string.h>
#include <strings.h>

typedef ms_status (*reader_fn)(FILE *in, const char *name, const ms_ingest_options *opt,
                               ms_figure_set *out, ms_diag *diag);

/* Figure JSON Lines. Metrics are not checked against the registry: derived
 * figures (ratios are named "<a>_per_<b>") are valid input too. */
static ms_status read_jsonl(FILE *in, const char *name, const ms_ingest_options *opt,
                            ms_figure_set *out, ms_diag *diag)
{
    size_t first = out->count;
    ms_status st = ms_jsonl_read(in, name, out, diag);
    bool override = opt->source && opt->source[0] && out->count > first;
    const char *source = override ? ms_arena_strdup(&out->arena, opt->source) : NULL;
    if (override && !source)
        return MS_ERR_NOMEM;
    for (size_t i = first; source && i < out->count; i++)
        out->items[i].source = source;
    return st;
}

static const struct reader_entry {
    const char *name;
    ms_input_format format;
    reader_fn read;
    const char *extensions[4]; /* lowercase, with the dot */
} readers[] = {
    {"csv", MS_FORMAT_CSV, ms_csv_long_read, {".csv", ".tsv", NULL}},
    {"jsonl", MS_FORMAT_JSONL, read_jsonl, {".jsonl", ".ndjson", ".json", NULL}},
};

static const struct reader_entry *entry_of(ms_input_format format)
{
    for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++)
        if (readers[i].format == format)
            return &readers[i];
    return NULL;
}

bool ms_input_format_from_name(const char *name, ms_input_format *out)
{
    if (strcmp(name, "auto") == 0) {
        *out = MS_FORMAT_AUTO;
        return true;
    }
    for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++) {
        if (strcmp(readers[i].name, name) == 0) {
            *out = readers[i].format;
            return true;
        }
    }
    return false;
}

/* By extension; MS_FORMAT_AUTO if none matches. */
static ms_input_format format_of_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return MS_FORMAT_AUTO;
    for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++)
        for (size_t k = 0; readers[i].extensions[k]; k++)
            if (strcasecmp(dot, readers[i].extensions[k]) == 0)
                return readers[i].format;
    return MS_FORMAT_AUTO;
}

/* By the first byte: '{' means JSON Lines, anything else CSV. Only one
 * byte is read and given back, so CSV line numbers stay right. */
static ms_input_format format_of_stream(FILE *in)
{
    int c = getc(in);
    if (c == EOF)
        return MS_FORMAT_CSV;
    ungetc(c, in);
    return c == '{' ? MS_FORMAT_JSONL : MS_FORMAT_CSV;
}

ms_status ms_ingest_stream(FILE *in, const char *name, ms_input_format format,
                           const ms_ingest_options *opt, ms_figure_set *out, ms_diag *diag)
{
    if (!name)
        name = "-";
    if (!opt || !opt->metrics) {
        ms_diag_report(diag, MS_SEV_ERROR, MS_ERR_USAGE, name, 0, 0, "no metric registry given");
        return MS_ERR_USAGE;
    }
    if (format == MS_FORMAT_AUTO)
        format = format_of_path(name);
    if (format == MS_FORMAT_AUTO)
        format = format_of_stream(in);
    const struct reader_entry *e = entry_of(format);
    if (!e) {
        ms_diag_report(diag, MS_SEV_ERROR, MS_ERR_USAGE, name, 0, 0, "no reader for this format");
        return MS_ERR_USAGE;
    }
    return e->read(in, name, opt, out, diag);
}

ms_status ms_ingest_path(const char *path, ms_input_format format, const ms_ingest_options *opt,
                         ms_figure_set *out, ms_diag *diag)
{
    if (strcmp(path, "-") == 0)
        return ms_ingest_stream(stdin, "-", format, opt, out, diag);
    FILE *in = fopen(path, "rb");
    if (!in) {
        ms_diag_report(diag, MS_SEV_ERROR, MS_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
        return MS_ERR_IO;
    }
    ms_status st = ms_ingest_stream(in, path, format, opt, out, diag);
    fclose(in); /* read-only: nothing can be lost on close */
    return st;
}
