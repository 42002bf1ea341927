/* metric.c — the metric registry: data/metrics.tsv read into memory.
 * Lines: "name<TAB>family<TAB>unit<TAB>description"; the first non-comment
 * line is the header; '#' starts a comment line; blank lines are skipped. */
#include "core/metric.h"
#include "core/grow.h"
#include "core/read_file.h"
#include "core/tsv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ms_metric_registry_init(ms_metric_registry *reg)
{
    reg->items = NULL;
    reg->count = 0;
    ms_arena_init(&reg->arena);
}

void ms_metric_registry_free(ms_metric_registry *reg)
{
    free(reg->items);
    ms_arena_free(&reg->arena);
    ms_metric_registry_init(reg);
}

ms_status ms_metric_registry_load_text(ms_metric_registry *reg, const char *name,
                                       const char *text, size_t len, ms_diag *diag)
{
    ms_status status = MS_OK;
    bool header_seen = false;
    size_t cap = reg->count;
    int64_t lineno = 0;
    for (size_t pos = 0; pos < len;) {
        const char *line = text + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t llen = nl ? (size_t)(nl - line) : len - pos;
        pos += llen + (nl ? 1 : 0);
        lineno++;
        if (llen && line[llen - 1] == '\r')
            llen--;
        if (llen == 0 || line[0] == '#')
            continue;
        if (!header_seen) {
            header_seen = true;
            if (llen < 4 || strncmp(line, "name", 4) != 0) {
                ms_diag_error(diag, name, lineno, 1, "expected header 'name<TAB>family<TAB>unit<TAB>description'");
                return MS_ERR_DATA;
            }
            continue;
        }
        const char *f[4];
        size_t fl[4], fc[4];
        size_t n = ms_tsv_split(line, llen, f, fl, fc, 4);
        if (n < 3) {
            ms_diag_error(diag, name, lineno, 1, "expected at least 3 tab-separated fields, found %zu", n);
            status = MS_ERR_DATA;
            continue;
        }
        if (!ms_tsv_is_name(f[0], fl[0])) {
            ms_diag_error(diag, name, lineno, 1, "metric name '%.*s' must be lowercase letters, digits and '_'",
                          (int)fl[0], f[0]);
            status = MS_ERR_DATA;
            continue;
        }
        if (!ms_tsv_is_name(f[1], fl[1])) {
            ms_diag_error(diag, name, lineno, (int64_t)fc[1], "family '%.*s' must be lowercase letters, digits and '_'",
                          (int)fl[1], f[1]);
            status = MS_ERR_DATA;
            continue;
        }
        char key[128];
        snprintf(key, sizeof key, "%.*s", (int)fl[0], f[0]);
        if (ms_metric_find(reg, key)) {
            ms_diag_error(diag, name, lineno, 1, "metric '%s' defined twice", key);
            status = MS_ERR_DATA;
            continue;
        }
        ms_metric *items = ms_grow(reg->items, &cap, reg->count, sizeof *items, 32);
        if (!items)
            return MS_ERR_NOMEM;
        reg->items = items;
        ms_metric *m = &reg->items[reg->count];
        m->name = ms_arena_strndup(&reg->arena, f[0], fl[0]);
        m->family = ms_arena_strndup(&reg->arena, f[1], fl[1]);
        m->unit = ms_arena_strndup(&reg->arena, f[2], fl[2]);
        m->description = ms_arena_strndup(&reg->arena, n > 3 ? f[3] : "", n > 3 ? fl[3] : 0);
        if (!m->name || !m->family || !m->unit || !m->description)
            return MS_ERR_NOMEM;
        reg->count++;
    }
    if (!header_seen) {
        ms_diag_error(diag, name, 0, 0, "metric registry is empty");
        return MS_ERR_DATA;
    }
    return status;
}

ms_status ms_metric_registry_load(ms_metric_registry *reg, const char *path, ms_diag *diag)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_status st = ms_read_file(path, 0, &sb, diag);
    if (st == MS_OK)
        st = ms_metric_registry_load_text(reg, path, ms_strbuf_str(&sb), sb.len, diag);
    ms_strbuf_free(&sb);
    return st;
}

const ms_metric *ms_metric_find(const ms_metric_registry *reg, const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < reg->count; i++)
        if (strcmp(reg->items[i].name, name) == 0)
            return &reg->items[i];
    return NULL;
}

const char *ms_data_dir(void)
{
    const char *env = getenv("MIGSTAT_DATA_DIR");
    return env && *env ? env : MS_DATA_DIR;
}
