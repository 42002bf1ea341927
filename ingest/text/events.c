/* events.c — the event table of data/events.tsv and finding an event by
 * its kind, country and a time that contains it (see events.h). */
#include "ingest/text/events.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "core/read_file.h"
#include "core/strbuf.h"
#include "core/tsv.h"

#define FIELDS 6

void ms_event_table_init(ms_event_table *t)
{
    t->items = NULL;
    t->count = 0;
    ms_arena_init(&t->arena);
}

void ms_event_table_free(ms_event_table *t)
{
    free(t->items);
    ms_arena_free(&t->arena);
    ms_event_table_init(t);
}

/* One data line into t; false (with a diagnostic) if it is bad. */
static bool load_line(ms_event_table *t, size_t *cap, const char *name, int64_t lineno,
                      const char *line, size_t llen, ms_diag *diag, ms_status *st)
{
    const char *f[FIELDS];
    size_t fl[FIELDS], fc[FIELDS];
    size_t n = ms_tsv_split(line, llen, f, fl, fc, FIELDS);
    if (n < 5) {
        ms_diag_error(diag, name, lineno, 1, "expected 6 tab-separated fields "
                      "(id, kind, first_day, last_day, place, name), found %zu", n);
        return false;
    }
    for (int i = 0; i < 2; i++) {
        bool letters = ms_tsv_is_name(f[i], fl[i]);
        for (size_t k = 0; letters && k < fl[i]; k++)
            letters = f[i][k] < '0' || f[i][k] > '9';
        if (!letters) {
            ms_diag_error(diag, name, lineno, (int64_t)fc[i], "%s '%.*s' must be lowercase letters and '_'",
                          i == 0 ? "id" : "kind", (int)fl[i], f[i]);
            return false;
        }
    }
    int32_t first, last;
    if (ms_date_parse(f[2], fl[2], &first) != MS_OK || ms_date_parse(f[3], fl[3], &last) != MS_OK) {
        bool bad_first = ms_date_parse(f[2], fl[2], &first) != MS_OK;
        ms_diag_error(diag, name, lineno, (int64_t)fc[bad_first ? 2 : 3], "'%.*s' is not a date YYYY-MM-DD",
                      (int)fl[bad_first ? 2 : 3], f[bad_first ? 2 : 3]);
        return false;
    }
    if (last < first) {
        ms_diag_error(diag, name, lineno, (int64_t)fc[3], "last day before the first day");
        return false;
    }
    if (!ms_tsv_is_place_code(f[4], fl[4])) {
        ms_diag_error(diag, name, lineno, (int64_t)fc[4], "place '%.*s' is not an ISO 3166 code (XX or XX-YYY)",
                      (int)fl[4], f[4]);
        return false;
    }
    char id[128];
    if (fl[0] >= sizeof id) {
        ms_diag_error(diag, name, lineno, 1, "id too long");
        return false;
    }
    memcpy(id, f[0], fl[0]);
    id[fl[0]] = '\0';
    if (ms_event_find(t, id)) {
        ms_diag_error(diag, name, lineno, 1, "event '%s' defined twice", id);
        return false;
    }
    ms_event *items = ms_grow(t->items, cap, t->count, sizeof *items, 16);
    if (!items) {
        *st = MS_ERR_NOMEM;
        return false;
    }
    t->items = items;
    ms_event *e = &t->items[t->count];
    e->id = ms_arena_strndup(&t->arena, f[0], fl[0]);
    e->kind = ms_arena_strndup(&t->arena, f[1], fl[1]);
    e->days = (ms_period){first, last};
    e->place = ms_arena_strndup(&t->arena, f[4], fl[4]);
    e->name = ms_arena_strndup(&t->arena, n > 5 ? f[5] : "", n > 5 ? fl[5] : 0);
    if (!e->id || !e->kind || !e->place || !e->name) {
        *st = MS_ERR_NOMEM;
        return false;
    }
    t->count++;
    return true;
}

ms_status ms_event_table_load_text(ms_event_table *t, const char *name, const char *text,
                                   size_t len, ms_diag *diag)
{
    ms_status status = MS_OK;
    bool header_seen = false;
    size_t cap = t->count;
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
            if (llen < 3 || strncmp(line, "id\t", 3) != 0) {
                ms_diag_error(diag, name, lineno, 1,
                              "expected header 'id<TAB>kind<TAB>first_day<TAB>last_day<TAB>place<TAB>name'");
                return MS_ERR_DATA;
            }
            continue;
        }
        ms_status st = MS_OK;
        if (!load_line(t, &cap, name, lineno, line, llen, diag, &st)) {
            if (st == MS_ERR_NOMEM)
                return st;
            status = MS_ERR_DATA;
        }
    }
    return status;
}

ms_status ms_event_table_load(ms_event_table *t, const char *path, ms_diag *diag)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_status st = ms_read_file(path, 0, &sb, diag);
    if (st == MS_OK)
        st = ms_event_table_load_text(t, path, ms_strbuf_str(&sb), sb.len, diag);
    ms_strbuf_free(&sb);
    return st;
}

const ms_event *ms_event_find(const ms_event_table *t, const char *id)
{
    if (!t || !id)
        return NULL;
    for (size_t i = 0; i < t->count; i++)
        if (strcmp(t->items[i].id, id) == 0)
            return &t->items[i];
    return NULL;
}

bool ms_event_kind_known(const ms_event_table *t, const char *kind)
{
    if (!t || !kind)
        return false;
    for (size_t i = 0; i < t->count; i++)
        if (strcmp(t->items[i].kind, kind) == 0)
            return true;
    return false;
}

static bool same_country(const char *a, const char *b)
{
    return a && b && a[0] == b[0] && a[1] == b[1] && a[0] != '\0';
}

const ms_event *ms_event_of_kind(const ms_event_table *t, const char *kind,
                                 const char *const *places, size_t n_places,
                                 const ms_period *periods, size_t n_periods)
{
    if (!t || !kind)
        return NULL;
    const ms_event *found = NULL;
    for (size_t i = 0; i < t->count; i++) {
        const ms_event *e = &t->items[i];
        if (strcmp(e->kind, kind) != 0)
            continue;
        bool here = false, then = false;
        for (size_t k = 0; k < n_places && !here; k++)
            here = same_country(places[k], e->place);
        for (size_t k = 0; k < n_periods && !then; k++)
            then = !ms_period_is_none(periods[k]) && periods[k].start <= e->days.start &&
                   e->days.start <= periods[k].end;
        if (!here || !then)
            continue;
        if (found)
            return NULL; /* two fit: the text does not say which */
        found = e;
    }
    return found;
}
