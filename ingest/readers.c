/* readers.c — the format registry: a table from format name to reader;
 * the choice of a reader by extension and content; the mapping each table
 * reader gets; opening files with a clear error. Exports the ms_ingest_*
 * entry points and ms_input_format_from_name / _name.
 *
 * Content sniffing reads the first bytes (up to 64 KiB) and then gives the
 * reader a stream that replays them before the rest, so pipes work and
 * line numbers stay right. */
#define _GNU_SOURCE /* fopencookie */
#include "ingest/ingest.h"
#include "core/jsonl.h"
#include "ingest/emit.h"
#include "ingest/table_readers.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

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
    if (opt->sink) { /* hand them on, then drop them from the set */
        for (size_t i = first; i < out->count && st != MS_ERR_NOMEM; i++) {
            ms_status sst = opt->sink(opt->sink_ctx, &out->items[i]);
            if (sst != MS_OK)
                st = sst;
        }
        out->count = first;
    }
    return st;
}

/* ------------------------------------------------------------ mappings */

/* The mapping of one input: options first (they win), then the --mapping
 * file; readers add the shipped mapping of a dataset and their defaults. */
static ms_status build_mapping(const ms_ingest_options *opt, ms_mapping *map, ms_diag *diag)
{
    ms_status st = MS_OK;
    for (size_t i = 0; i < opt->n_map_specs && st == MS_OK; i++)
        st = ms_mapping_add_map(map, opt->map_specs[i], diag);
    for (size_t i = 0; i < opt->n_set_specs && st == MS_OK; i++)
        st = ms_mapping_add_set(map, opt->set_specs[i], diag);
    for (size_t i = 0; i < opt->n_where_specs && st == MS_OK; i++)
        st = ms_mapping_add_where(map, opt->where_specs[i], diag);
    if (st == MS_OK && opt->mapping_path) {
        /* a bare name is a shipped mapping: --mapping uk_irregular_migration */
        char *shipped = NULL;
        if (!strchr(opt->mapping_path, '/') && access(opt->mapping_path, F_OK) != 0)
            shipped = ms_mapping_find_shipped(opt->mapping_path);
        st = ms_mapping_load(map, shipped ? shipped : opt->mapping_path, diag);
        free(shipped);
    }
    if (st == MS_OK && opt->encoding) {
        if (strcasecmp(opt->encoding, "latin1") == 0 || strcasecmp(opt->encoding, "iso-8859-1") == 0)
            map->latin1 = true;
        else if (strcasecmp(opt->encoding, "utf-8") == 0 || strcasecmp(opt->encoding, "utf8") == 0)
            map->latin1 = false;
        else {
            ms_diag_report(diag, MS_SEV_ERROR, MS_ERR_USAGE, "--encoding", 0, 0,
                           "unknown encoding '%s' (utf-8, latin1)", opt->encoding);
            st = MS_ERR_USAGE;
        }
    }
    return st;
}

typedef enum table_kind { TABLE_CSV, TABLE_SDMX, TABLE_TSV, TABLE_JSONSTAT, TABLE_JSON } table_kind;

static ms_status read_table(FILE *in, const char *name, const ms_ingest_options *opt,
                            ms_figure_set *out, ms_diag *diag, table_kind kind)
{
    ms_mapping map;
    ms_mapping_init(&map);
    ms_emitter em;
    ms_status st = build_mapping(opt, &map, diag);
    if (st == MS_OK && (st = ms_emitter_init(&em, name, opt, out, diag)) == MS_OK) {
        switch (kind) {
        case TABLE_CSV: ms_table_csv_rows(&em, &map, in, opt->delimiter, false); break;
        case TABLE_SDMX: ms_table_csv_rows(&em, &map, in, opt->delimiter, true); break;
        case TABLE_TSV: ms_eurostat_tsv_read(&em, &map, in); break;
        case TABLE_JSONSTAT: ms_jsonstat_read(&em, &map, in); break;
        case TABLE_JSON: ms_json_records_read(&em, &map, in); break;
        }
        st = ms_emitter_finish(&em);
    } else if (st == MS_ERR_NOMEM) {
        ms_emitter_finish(&em);
    }
    ms_mapping_free(&map);
    return st;
}

#define TABLE_READER(fn, kind)                                                                 \
    static ms_status fn(FILE *in, const char *name, const ms_ingest_options *opt,              \
                        ms_figure_set *out, ms_diag *diag)                                     \
    {                                                                                          \
        return read_table(in, name, opt, out, diag, kind);                                     \
    }
TABLE_READER(read_table_csv, TABLE_CSV)
TABLE_READER(read_sdmx, TABLE_SDMX)
TABLE_READER(read_eurostat_tsv, TABLE_TSV)
TABLE_READER(read_jsonstat, TABLE_JSONSTAT)
TABLE_READER(read_json_records, TABLE_JSON)

/* ------------------------------------------------------------ registry */

typedef ms_status (*reader_fn)(FILE *in, const char *name, const ms_ingest_options *opt,
                               ms_figure_set *out, ms_diag *diag);

static const struct reader_entry {
    const char *name;
    ms_input_format format;
    reader_fn read;
} readers[] = {
    {"csv", MS_FORMAT_CSV, ms_csv_long_read},
    {"jsonl", MS_FORMAT_JSONL, read_jsonl},
    {"table", MS_FORMAT_TABLE, read_table_csv},
    {"sdmx", MS_FORMAT_SDMX, read_sdmx},
    {"eurostat_tsv", MS_FORMAT_EUROSTAT_TSV, read_eurostat_tsv},
    {"jsonstat", MS_FORMAT_JSONSTAT, read_jsonstat},
    {"json", MS_FORMAT_JSON, read_json_records},
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

const char *ms_input_format_name(ms_input_format format)
{
    const struct reader_entry *e = entry_of(format);
    return e ? e->name : "auto";
}

/* ------------------------------------------------------------ sniffing */

#define SNIFF_BYTES 65536

/* A stream that gives `prefix` first, then the rest of `rest`. */
typedef struct replay {
    char *prefix;
    size_t len, pos;
    FILE *rest;
} replay;

static ssize_t replay_read(void *cookie, char *buf, size_t size)
{
    replay *r = cookie;
    if (r->pos < r->len) {
        size_t n = r->len - r->pos < size ? r->len - r->pos : size;
        memcpy(buf, r->prefix + r->pos, n);
        r->pos += n;
        return (ssize_t)n;
    }
    size_t n = fread(buf, 1, size, r->rest);
    if (n == 0 && ferror(r->rest))
        return -1;
    return (ssize_t)n;
}

static int replay_close(void *cookie)
{
    replay *r = cookie;
    free(r->prefix);
    free(r);
    return 0;
}

/* The first line of text (without its end), at most `cap` - 1 bytes. */
static void first_line(const char *s, size_t len, char *out, size_t cap)
{
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3, len -= 3;
    size_t n = 0;
    while (n < len && n + 1 < cap && s[n] != '\n' && s[n] != '\r')
        n++;
    memcpy(out, s, n);
    out[n] = '\0';
}

/* Does the header line have a cell named `name` (case-insensitive, cells
 * split at , ; or tab, quotes and spaces ignored)? */
static bool header_has(const char *line, const char *name)
{
    size_t nlen = strlen(name);
    const char *p = line;
    while (*p) {
        while (*p == ' ' || *p == '"')
            p++;
        const char *start = p;
        while (*p && *p != ',' && *p != ';' && *p != '\t')
            p++;
        const char *end = p;
        while (end > start && (end[-1] == ' ' || end[-1] == '"'))
            end--;
        if ((size_t)(end - start) == nlen && strncasecmp(start, name, nlen) == 0)
            return true;
        /* "geo: Geopolitical entity" names the column geo */
        const char *colon = memchr(start, ':', (size_t)(end - start));
        if (colon && (size_t)(colon - start) == nlen && strncasecmp(start, name, nlen) == 0)
            return true;
        if (*p)
            p++;
    }
    return false;
}

/* Figure JSON Lines have metric and a period on their first line. */
static bool looks_like_figure_line(const char *line)
{
    return strstr(line, "\"metric\"") && (strstr(line, "\"period_start\"") || strstr(line, "\"period\""));
}

/* The family an extension names: 'c' CSV-like, 'j' JSON-like, 0 none. */
static char family_of_name(const char *name)
{
    const char *slash = strrchr(name, '/');
    const char *dot = strrchr(slash ? slash + 1 : name, '.');
    if (!dot)
        return 0;
    static const char *const csv[] = {".csv", ".tsv", ".txt", ".tab"};
    static const char *const json[] = {".json", ".jsonl", ".ndjson", ".jsonstat"};
    for (size_t i = 0; i < sizeof csv / sizeof csv[0]; i++)
        if (strcasecmp(dot, csv[i]) == 0)
            return 'c';
    for (size_t i = 0; i < sizeof json / sizeof json[0]; i++)
        if (strcasecmp(dot, json[i]) == 0)
            return 'j';
    return 0;
}

/* The reader for an input, from its extension's family and its first
 * bytes. `mapped`: table options were given, so a CSV that is not
 * migstat's own layout goes to the mapped reader. */
static ms_input_format sniff(const char *name, const char *s, size_t len, bool mapped)
{
    size_t i = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && isspace((unsigned char)s[i]))
        i++;
    char line[4096];
    first_line(s + i, len - i, line, sizeof line);
    char family = family_of_name(name);
    if (family == 0)
        family = i < len && (s[i] == '{' || s[i] == '[') ? 'j' : 'c';
    if (family == 'j') {
        if (i < len && s[i] == '[')
            return MS_FORMAT_JSON;
        char *text = strndup(s + i, len - i);
        bool jsonstat = text && (strstr(text, "\"class\"") ||
                                 (strstr(text, "\"dimension\"") && strstr(text, "\"size\"")));
        free(text);
        if (jsonstat)
            return MS_FORMAT_JSONSTAT;
        return looks_like_figure_line(line) ? MS_FORMAT_JSONL : MS_FORMAT_JSON;
    }
    char *tab = strchr(line, '\t');
    char *backslash = strchr(line, '\\');
    if (tab && backslash && backslash < tab)
        return MS_FORMAT_EUROSTAT_TSV;
    if (header_has(line, "OBS_VALUE"))
        return MS_FORMAT_SDMX;
    int own = header_has(line, "metric") + header_has(line, "period") + header_has(line, "value");
    if (own == 3 || (own == 2 && !mapped))
        return MS_FORMAT_CSV; /* (the CSV reader says which column is missing) */
    return mapped ? MS_FORMAT_TABLE : (own ? MS_FORMAT_CSV : MS_FORMAT_TABLE);
}

/* ------------------------------------------------------------ entry */

ms_status ms_ingest_stream(FILE *in, const char *name, ms_input_format format,
                           const ms_ingest_options *opt, ms_figure_set *out, ms_diag *diag)
{
    if (!name)
        name = "-";
    if (!opt || !opt->metrics) {
        ms_diag_report(diag, MS_SEV_ERROR, MS_ERR_USAGE, name, 0, 0, "no metric registry given");
        return MS_ERR_USAGE;
    }
    FILE *stream = in;
    if (format == MS_FORMAT_AUTO) {
        replay *r = calloc(1, sizeof *r);
        char *prefix = malloc(SNIFF_BYTES);
        if (!r || !prefix) {
            free(r);
            free(prefix);
            return MS_ERR_NOMEM;
        }
        size_t n = fread(prefix, 1, SNIFF_BYTES, in);
        if (n == 0 && ferror(in)) {
            free(r);
            free(prefix);
            ms_diag_report(diag, MS_SEV_ERROR, MS_ERR_IO, name, 0, 0, "read error");
            return MS_ERR_IO;
        }
        bool mapped = opt->mapping_path || opt->n_map_specs || opt->n_set_specs || opt->n_where_specs;
        format = sniff(name, prefix, n, mapped);
        *r = (replay){.prefix = prefix, .len = n, .rest = in};
        stream = fopencookie(r, "r", (cookie_io_functions_t){.read = replay_read, .close = replay_close});
        if (!stream) {
            replay_close(r);
            return MS_ERR_NOMEM;
        }
    }
    const struct reader_entry *e = entry_of(format);
    ms_status st;
    if (!e) {
        ms_diag_report(diag, MS_SEV_ERROR, MS_ERR_USAGE, name, 0, 0, "no reader for this format");
        st = MS_ERR_USAGE;
    } else {
        st = e->read(stream, name, opt, out, diag);
    }
    if (stream != in)
        fclose(stream); /* the replay only: `in` stays open */
    return st;
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
