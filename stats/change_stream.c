/* change_stream.c — changes of count series computed as figures stream in.
 *
 * Exports the ms_change_stream_* functions of change_stream.h. The change
 * arithmetic and the derived figures are change.c's (ms_stats_changes,
 * ms_change_to_figures): this file only groups, holds and spills figures.
 * A series' figures are kept compactly (fixed record + its strings), so a
 * finished series costs one write to the spill file and no copy per
 * string. Known limit: with several inputs whose series share a key and a
 * period (possible only across files), a change emitted when the series
 * first finished is not taken back if a later duplicate sorts before its
 * base figure. */
#define _POSIX_C_SOURCE 200809L
#include "stats/change_stream.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/grow.h"

/* One figure of a series; its strings are offsets (+1, 0 = NULL) into the
 * series' string bytes. */
typedef struct rec {
    ms_period period;
    int32_t published;
    uint32_t id, unit, lang;
    double value;
    ms_interval range;
    int64_t line, offset;
} rec;

/* Figures of one series, in arrival order. */
typedef struct held {
    rec *recs;
    size_t n, cap;
    char *strs;
    size_t slen, scap;
    uint32_t last_unit, last_lang; /* unit/lang are nearly always the same:
                                      stored once while they repeat */
} held;

/* A series seen before (a hash table entry; its address is stable). */
typedef struct known {
    ms_series_key key;  /* strings in the stream's key arena */
    uint64_t hash;
    int64_t spill_at;   /* its first part in the spill file, -1 if none */
    size_t n_spilled;
    size_t spill_slen;
    size_t gaps;        /* gaps counted when that part was emitted */
    bool returned;      /* came back after another series */
    held later;         /* its figures since it came back */
} known;

/* A finished series: its figures, in series order, and their changes,
 * on their way to the worker that turns the OK ones into figures. */
typedef struct part {
    known *k;
    held h;              /* the records and strings the figures point to */
    ms_figure *figs;
    const ms_figure **ptrs;
    size_t cap;
    ms_change_list list;
    size_t fresh;        /* only changes that involve figs[fresh..] */
} part;

/* Series in flight: enough to smooth out uneven series, few enough that
 * memory stays at a handful of series. */
#define N_PARTS 10
#define QUEUE_CAP N_PARTS /* never full: a part is in one place at a time */

struct ms_change_stream {
    ms_change_mode mode;
    ms_change_emit emit;
    void *emit_ctx;
    ms_status status;   /* sticky */
    known **table;      /* open addressing, power-of-two capacity */
    size_t table_cap, n_known;
    ms_arena keys;
    known *cur;         /* the series being read */
    held cur_held;      /* its figures when it is new */
    FILE *spill;
    int64_t spill_len;
    size_t n_later;     /* figures held for returning series */
    ms_figure_set derived; /* scratch for ms_change_to_figures (worker) */
    ms_change_stream_stats stats;
    /* This thread groups the figures and computes each series' changes
     * (ms_stats_changes); a second thread makes and emits the derived
     * figures (ms_change_to_figures + emit), so reading and writing
     * overlap. Parts go through a short queue and come back for reuse.
     * Until the worker is joined it alone touches `derived`, the emit
     * callback and the parts in the queue. */
    part parts[N_PARTS];
    part *free_parts[N_PARTS];
    size_t n_free;
    bool threaded, joined;
    pthread_t worker;
    pthread_mutex_t mu;
    pthread_cond_t can_put, can_take;
    part *queue[QUEUE_CAP];
    size_t q_head, q_count;
    bool closing;
    ms_status worker_status;
};

/* ---------------------------------------------------------------- keys */

static ms_status grow_table(ms_change_stream *cs)
{
    size_t cap = cs->table_cap ? cs->table_cap * 2 : 1024;
    known **t = calloc(cap, sizeof *t);
    if (!t)
        return MS_ERR_NOMEM;
    for (size_t i = 0; i < cs->table_cap; i++) {
        known *k = cs->table[i];
        if (!k)
            continue;
        size_t j = (size_t)k->hash & (cap - 1);
        while (t[j])
            j = (j + 1) & (cap - 1);
        t[j] = k;
    }
    free(cs->table);
    cs->table = t;
    cs->table_cap = cap;
    return MS_OK;
}

/* The entry of key (hash h), added if new; *is_new says which. */
static ms_status lookup(ms_change_stream *cs, const ms_series_key *key, uint64_t h, known **out,
                        bool *is_new)
{
    if ((cs->n_known + 1) * 2 > cs->table_cap) {
        ms_status st = grow_table(cs);
        if (st != MS_OK)
            return st;
    }
    size_t j = (size_t)h & (cs->table_cap - 1);
    for (known *k; (k = cs->table[j]) != NULL; j = (j + 1) & (cs->table_cap - 1)) {
        if (k->hash == h && ms_series_key_equal(&k->key, key)) {
            *out = k;
            *is_new = false;
            return MS_OK;
        }
    }
    known *k = ms_arena_alloc(&cs->keys, sizeof *k);
    if (!k)
        return MS_ERR_NOMEM;
    memset(k, 0, sizeof *k);
    k->hash = h;
    k->spill_at = -1;
    if (!ms_series_key_copy(&k->key, key, &cs->keys))
        return MS_ERR_NOMEM;
    cs->table[j] = k;
    cs->n_known++;
    *out = k;
    *is_new = true;
    return MS_OK;
}

/* ---------------------------------------------------------------- held figures */

/* Stores s (NULL -> 0) in h's string bytes; returns offset + 1, or
 * UINT32_MAX when out of memory or past 4 GB. */
static uint32_t put_str(held *h, const char *s)
{
    if (!s)
        return 0;
    size_t n = strlen(s) + 1;
    if (h->slen + n >= UINT32_MAX)
        return UINT32_MAX;
    while (h->slen + n > h->scap) {
        size_t cap = h->scap ? h->scap * 2 : 1024;
        char *p = realloc(h->strs, cap);
        if (!p)
            return UINT32_MAX;
        h->strs = p;
        h->scap = cap;
    }
    memcpy(h->strs + h->slen, s, n);
    uint32_t at = (uint32_t)h->slen + 1;
    h->slen += n;
    return at;
}

static const char *str_at(const char *strs, uint32_t at)
{
    return at ? strs + at - 1 : NULL;
}

/* The same string as the last one stored at `last`? (saves the copy) */
static uint32_t put_repeated(held *h, const char *s, uint32_t *last)
{
    if (*last && s && strcmp(str_at(h->strs, *last), s) == 0)
        return *last;
    uint32_t at = put_str(h, s);
    if (at != UINT32_MAX)
        *last = at;
    return at;
}

static ms_status hold(held *h, const ms_figure *f)
{
    rec *recs = ms_grow(h->recs, &h->cap, h->n, sizeof *recs, 128);
    if (!recs)
        return MS_ERR_NOMEM;
    h->recs = recs;
    rec r = {.period = f->period, .published = f->published, .value = f->value,
             .range = f->range, .line = f->line, .offset = f->offset};
    r.id = put_str(h, f->id);
    r.unit = put_repeated(h, f->unit, &h->last_unit);
    r.lang = put_repeated(h, f->lang, &h->last_lang);
    if (r.id == UINT32_MAX || r.unit == UINT32_MAX || r.lang == UINT32_MAX)
        return MS_ERR_NOMEM;
    h->recs[h->n++] = r;
    return MS_OK;
}

static void held_clear(held *h)
{
    h->n = h->slen = 0;
    h->last_unit = h->last_lang = 0;
}

static void held_free(held *h)
{
    free(h->recs);
    free(h->strs);
    memset(h, 0, sizeof *h);
}

/* ---------------------------------------------------------------- changes */

/* Series order inside one key: period, line, offset, arrival (as
 * core/series.c orders a figure set). */
static int cmp_fig(const void *pa, const void *pb)
{
    const ms_figure *a = *(const ms_figure *const *)pa;
    const ms_figure *b = *(const ms_figure *const *)pb;
    int c = ms_period_compare(a->period, b->period);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->offset != b->offset)
        return a->offset < b->offset ? -1 : 1;
    return (a > b) - (a < b);
}

/* Appends the figures of n records (strings in strs) to p's figures. */
static ms_status part_add(part *p, const known *k, const rec *recs, const char *strs, size_t n,
                          size_t first)
{
    if (first + n > p->cap) {
        size_t cap = p->cap ? p->cap : 256;
        while (cap < first + n)
            cap *= 2;
        ms_figure *figs = realloc(p->figs, cap * sizeof *figs);
        if (!figs)
            return MS_ERR_NOMEM;
        p->figs = figs;
        const ms_figure **ptrs = realloc(p->ptrs, cap * sizeof *ptrs);
        if (!ptrs)
            return MS_ERR_NOMEM;
        p->ptrs = ptrs;
        p->cap = cap;
    }
    ms_figure proto; /* what every figure of the series shares */
    ms_figure_init(&proto);
    proto.metric = k->key.metric;
    proto.kind = k->key.kind;
    proto.place = k->key.place;
    proto.subject = k->key.subject;
    proto.breakdown = k->key.breakdown;
    proto.source = k->key.source;
    for (size_t i = 0; i < n; i++) {
        const rec *r = &recs[i];
        ms_figure *f = &p->figs[first + i];
        *f = proto;
        f->id = str_at(strs, r->id);
        f->value = r->value;
        f->range = r->range;
        f->unit = str_at(strs, r->unit);
        f->lang = str_at(strs, r->lang);
        f->period = r->period;
        f->published = r->published;
        f->line = r->line;
        f->offset = r->offset;
    }
    return MS_OK;
}

/* Orders p's n figures and computes their changes; *gaps gets the
 * series' gap count. */
static ms_status part_compute(ms_change_stream *cs, part *p, size_t n, size_t *gaps)
{
    bool sorted = true;
    for (size_t i = 0; i < n; i++) {
        p->ptrs[i] = &p->figs[i];
        if (i && sorted && cmp_fig(&p->ptrs[i - 1], &p->ptrs[i]) > 0)
            sorted = false;
    }
    if (!sorted)
        qsort(p->ptrs, n, sizeof *p->ptrs, cmp_fig);
    ms_series s = {.key = p->k->key, .items = p->ptrs, .count = n};
    ms_status st = ms_stats_changes(&s, cs->mode, &p->list);
    *gaps = 0;
    for (size_t i = 0; st == MS_OK && i < p->list.count; i++)
        if (p->list.items[i].status == MS_CHANGE_GAP)
            (*gaps)++;
    return st;
}

/* Emits the figures of p's OK changes (those involving a fresh figure). */
static ms_status part_emit(ms_change_stream *cs, part *p)
{
    ms_status st = MS_OK;
    for (size_t i = 0; st == MS_OK && i < p->list.count; i++) {
        const ms_change *c = &p->list.items[i];
        if (c->status != MS_CHANGE_OK)
            continue;
        if ((size_t)(c->current - p->figs) < p->fresh && (size_t)(c->previous - p->figs) < p->fresh)
            continue; /* emitted when the series first finished */
        cs->derived.count = 0;
        st = ms_change_to_figures(c, &cs->derived);
        for (size_t j = 0; st == MS_OK && j < cs->derived.count; j++)
            st = cs->emit(cs->emit_ctx, &cs->derived.items[j]);
        /* the derived strings are dropped while they fit one arena block:
         * freeing more at once gives memory back to the system and takes
         * it again (page faults) every time */
        if (cs->derived.arena.total > ((size_t)32 << 10))
            ms_figure_set_free(&cs->derived);
    }
    ms_change_list_free(&p->list);
    return st;
}

static void part_free(part *p)
{
    held_free(&p->h);
    free(p->figs);
    free(p->ptrs);
    ms_change_list_free(&p->list);
    memset(p, 0, sizeof *p);
}

/* ---------------------------------------------------------------- spill */

static ms_status open_spill(ms_change_stream *cs)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/migstat-change.XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0)
        return MS_ERR_IO;
    unlink(path); /* gone when closed, even after a crash */
    cs->spill = fdopen(fd, "w+b");
    if (!cs->spill) {
        close(fd);
        return MS_ERR_IO;
    }
    setvbuf(cs->spill, NULL, _IOFBF, 1 << 20);
    return MS_OK;
}

static ms_status spill(ms_change_stream *cs, known *k, const held *h)
{
    if (!cs->spill) {
        ms_status st = open_spill(cs);
        if (st != MS_OK)
            return st;
    }
    k->spill_at = cs->spill_len;
    k->n_spilled = h->n;
    k->spill_slen = h->slen;
    if (fwrite(h->recs, sizeof *h->recs, h->n, cs->spill) != h->n ||
        fwrite(h->strs, 1, h->slen, cs->spill) != h->slen)
        return MS_ERR_IO;
    cs->spill_len += (int64_t)(h->n * sizeof *h->recs + h->slen);
    return MS_OK;
}

/* ---------------------------------------------------------------- worker */

static void *worker_main(void *arg)
{
    ms_change_stream *cs = arg;
    pthread_mutex_lock(&cs->mu);
    for (;;) {
        while (cs->q_count == 0 && !cs->closing)
            pthread_cond_wait(&cs->can_take, &cs->mu);
        if (cs->q_count == 0)
            break;
        part *p = cs->queue[cs->q_head];
        cs->q_head = (cs->q_head + 1) % QUEUE_CAP;
        cs->q_count--;
        ms_status failed = cs->worker_status;
        pthread_mutex_unlock(&cs->mu);
        ms_status st = failed;
        if (failed == MS_OK)
            st = part_emit(cs, p);
        else
            ms_change_list_free(&p->list);
        pthread_mutex_lock(&cs->mu);
        if (st != MS_OK && cs->worker_status == MS_OK)
            cs->worker_status = st;
        cs->free_parts[cs->n_free++] = p;
        pthread_cond_signal(&cs->can_put);
    }
    pthread_mutex_unlock(&cs->mu);
    return NULL;
}

/* Stops the worker after the queued parts; its status. */
static ms_status join_worker(ms_change_stream *cs)
{
    if (!cs->threaded || cs->joined)
        return cs->worker_status;
    pthread_mutex_lock(&cs->mu);
    cs->closing = true;
    pthread_cond_signal(&cs->can_take);
    pthread_mutex_unlock(&cs->mu);
    pthread_join(cs->worker, NULL);
    cs->joined = true;
    return cs->worker_status;
}

/* A part to fill (waits for the worker to give one back). */
static part *take_part(ms_change_stream *cs)
{
    if (!cs->threaded || cs->joined)
        return cs->n_free ? cs->free_parts[--cs->n_free] : NULL;
    pthread_mutex_lock(&cs->mu);
    while (cs->n_free == 0)
        pthread_cond_wait(&cs->can_put, &cs->mu);
    part *p = cs->free_parts[--cs->n_free];
    pthread_mutex_unlock(&cs->mu);
    return p;
}

/* Returns an unused part to the free list (shared with the worker). */
static void give_back(ms_change_stream *cs, part *p)
{
    bool locked = cs->threaded && !cs->joined;
    if (locked)
        pthread_mutex_lock(&cs->mu);
    cs->free_parts[cs->n_free++] = p;
    if (locked)
        pthread_mutex_unlock(&cs->mu);
}

/* Gives p to the worker (or emits it here without one). */
static ms_status hand_over(ms_change_stream *cs, part *p)
{
    if (!cs->threaded || cs->joined) {
        ms_status st = part_emit(cs, p);
        cs->free_parts[cs->n_free++] = p;
        return st;
    }
    pthread_mutex_lock(&cs->mu);
    ms_status st = cs->worker_status;
    if (st == MS_OK) {
        cs->queue[(cs->q_head + cs->q_count) % QUEUE_CAP] = p;
        cs->q_count++;
        pthread_cond_signal(&cs->can_take);
    } else {
        ms_change_list_free(&p->list);
        cs->free_parts[cs->n_free++] = p;
    }
    pthread_mutex_unlock(&cs->mu);
    return st;
}

/* ---------------------------------------------------------------- stream */

/* The current series is complete (for now): a new one has its changes
 * computed, spilled in case it comes back, and goes to the worker; a
 * returning one stays held until the end. */
static ms_status finish_current(ms_change_stream *cs)
{
    known *k = cs->cur;
    cs->cur = NULL;
    if (!k || k->returned)
        return MS_OK;
    part *p = take_part(cs);
    if (!p)
        return MS_ERR_USAGE; /* cannot happen: every part comes back */
    held filled = cs->cur_held; /* the part keeps the records; its old
                                   (cleared) buffer takes the next series */
    cs->cur_held = p->h;
    held_clear(&cs->cur_held);
    p->h = filled;
    p->k = k;
    p->fresh = 0;
    ms_status st = part_add(p, k, p->h.recs, p->h.strs, p->h.n, 0);
    if (st == MS_OK)
        st = part_compute(cs, p, p->h.n, &k->gaps);
    if (st == MS_OK) {
        cs->stats.n_gaps += k->gaps;
        st = spill(cs, k, &p->h);
    }
    if (st != MS_OK) {
        ms_change_list_free(&p->list);
        give_back(cs, p);
        return st;
    }
    return hand_over(cs, p);
}

ms_status ms_change_stream_open(ms_change_stream **out, ms_change_mode mode, ms_change_emit emit,
                                void *emit_ctx)
{
    *out = NULL;
    if ((mode != MS_CHANGE_PREVIOUS && mode != MS_CHANGE_YOY) || !emit)
        return MS_ERR_USAGE;
    ms_change_stream *cs = calloc(1, sizeof *cs);
    if (!cs)
        return MS_ERR_NOMEM;
    cs->mode = mode;
    cs->emit = emit;
    cs->emit_ctx = emit_ctx;
    ms_arena_init(&cs->keys);
    ms_figure_set_init(&cs->derived);
    for (size_t i = 0; i < N_PARTS; i++)
        cs->free_parts[cs->n_free++] = &cs->parts[i];
    /* without a thread the same work is done inline */
    if (pthread_mutex_init(&cs->mu, NULL) == 0) {
        if (pthread_cond_init(&cs->can_put, NULL) == 0) {
            if (pthread_cond_init(&cs->can_take, NULL) == 0) {
                cs->threaded = pthread_create(&cs->worker, NULL, worker_main, cs) == 0;
                if (!cs->threaded)
                    pthread_cond_destroy(&cs->can_take);
            }
            if (!cs->threaded)
                pthread_cond_destroy(&cs->can_put);
        }
        if (!cs->threaded)
            pthread_mutex_destroy(&cs->mu);
    }
    *out = cs;
    return MS_OK;
}

static void note_held(ms_change_stream *cs)
{
    size_t n = cs->cur_held.n + cs->n_later;
    if (n > cs->stats.max_held)
        cs->stats.max_held = n;
}

ms_status ms_change_stream_add(void *ctx, const ms_figure *f)
{
    ms_change_stream *cs = ctx;
    if (cs->status != MS_OK)
        return cs->status;
    if (f->kind != MS_KIND_COUNT)
        return MS_OK; /* `change` works on count series only */
    if (f->period.start == MS_DAY_NONE || f->period.end == MS_DAY_NONE) {
        cs->stats.n_undated++;
        return MS_OK;
    }
    ms_series_key key = ms_series_key_of(f);
    ms_status st = MS_OK;
    if (!cs->cur || !ms_series_key_equal(&cs->cur->key, &key)) {
        st = finish_current(cs);
        known *k = NULL;
        bool is_new = false;
        if (st == MS_OK)
            st = lookup(cs, &key, ms_series_key_hash(&key), &k, &is_new);
        if (st == MS_OK) {
            if (is_new) {
                cs->stats.n_series++;
            } else if (!k->returned) {
                k->returned = true;
                cs->stats.n_returned++;
            }
            cs->cur = k;
        }
    }
    if (st == MS_OK) {
        if (cs->cur->returned) {
            st = hold(&cs->cur->later, f);
            cs->n_later++;
        } else {
            st = hold(&cs->cur_held, f);
        }
        note_held(cs);
    }
    cs->status = st;
    return st;
}

static int cmp_known(const void *pa, const void *pb)
{
    const known *a = *(const known *const *)pa;
    const known *b = *(const known *const *)pb;
    return ms_series_key_compare(&a->key, &b->key);
}

/* A returning series (after the worker is joined): its spilled part read
 * back, then what came later; emits the changes that involve a later
 * figure. */
static ms_status finish_returned(ms_change_stream *cs, known *k, part *p)
{
    held *buf = &p->h;
    held_clear(buf);
    if (k->n_spilled) {
        if (buf->cap < k->n_spilled) {
            rec *recs = realloc(buf->recs, k->n_spilled * sizeof *recs);
            if (!recs)
                return MS_ERR_NOMEM;
            buf->recs = recs;
            buf->cap = k->n_spilled;
        }
        if (buf->scap < k->spill_slen) {
            char *strs = realloc(buf->strs, k->spill_slen);
            if (!strs)
                return MS_ERR_NOMEM;
            buf->strs = strs;
            buf->scap = k->spill_slen;
        }
        if (fseeko(cs->spill, (off_t)k->spill_at, SEEK_SET) != 0 ||
            fread(buf->recs, sizeof *buf->recs, k->n_spilled, cs->spill) != k->n_spilled ||
            fread(buf->strs, 1, k->spill_slen, cs->spill) != k->spill_slen)
            return MS_ERR_IO;
    }
    p->k = k;
    p->fresh = k->n_spilled;
    size_t n = k->n_spilled + k->later.n;
    ms_status st = part_add(p, k, buf->recs, buf->strs, k->n_spilled, 0);
    if (st == MS_OK)
        st = part_add(p, k, k->later.recs, k->later.strs, k->later.n, k->n_spilled);
    size_t gaps = 0;
    if (st == MS_OK)
        st = part_compute(cs, p, n, &gaps);
    if (st == MS_OK) {
        cs->stats.n_gaps = cs->stats.n_gaps - k->gaps + gaps;
        st = part_emit(cs, p);
    }
    ms_change_list_free(&p->list);
    cs->n_later -= k->later.n;
    held_free(&k->later);
    return st;
}

ms_status ms_change_stream_finish(ms_change_stream *cs)
{
    if (cs->status != MS_OK)
        return cs->status;
    ms_status st = finish_current(cs);
    ms_status wst = join_worker(cs);
    if (st == MS_OK)
        st = wst;
    if (st == MS_OK && cs->stats.n_returned) {
        known **list = malloc(cs->stats.n_returned * sizeof *list);
        if (!list)
            st = MS_ERR_NOMEM;
        size_t n = 0;
        for (size_t i = 0; st == MS_OK && i < cs->table_cap; i++)
            if (cs->table[i] && cs->table[i]->returned)
                list[n++] = cs->table[i];
        if (st == MS_OK) {
            qsort(list, n, sizeof *list, cmp_known);
            if (cs->spill && fflush(cs->spill) != 0)
                st = MS_ERR_IO;
        }
        part *p = take_part(cs);
        if (!p && st == MS_OK)
            st = MS_ERR_USAGE; /* cannot happen: the worker is joined */
        for (size_t i = 0; st == MS_OK && i < n; i++)
            st = finish_returned(cs, list[i], p);
        if (p)
            cs->free_parts[cs->n_free++] = p;
        free(list);
    }
    cs->status = st == MS_OK ? MS_ERR_USAGE : st; /* no figures after finish */
    return st;
}

ms_change_stream_stats ms_change_stream_get_stats(const ms_change_stream *cs)
{
    return cs->stats;
}

void ms_change_stream_free(ms_change_stream *cs)
{
    if (!cs)
        return;
    if (cs->threaded) {
        if (!cs->joined) {
            pthread_mutex_lock(&cs->mu);
            if (cs->worker_status == MS_OK)
                cs->worker_status = MS_ERR_USAGE; /* drop what is queued */
            pthread_mutex_unlock(&cs->mu);
            join_worker(cs);
        }
        pthread_cond_destroy(&cs->can_take);
        pthread_cond_destroy(&cs->can_put);
        pthread_mutex_destroy(&cs->mu);
    }
    for (size_t i = 0; i < N_PARTS; i++)
        part_free(&cs->parts[i]);
    for (size_t i = 0; i < cs->table_cap; i++)
        if (cs->table[i])
            held_free(&cs->table[i]->later);
    free(cs->table);
    ms_arena_free(&cs->keys);
    held_free(&cs->cur_held);
    if (cs->spill)
        fclose(cs->spill);
    ms_figure_set_free(&cs->derived);
    free(cs);
}
