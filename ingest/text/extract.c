/* extract.c — the extractor: prepares a text (clean bytes, language,
 * numbers, words, time expressions, sentences), reads every number and cue
 * word of every sentence with the rules of classify.c and attribute.c,
 * carries the stated period from sentence to sentence, merges a figure
 * stated twice, and hands the figures out in text order.
 * Exports the ms_extract* functions of extract.h. */
#include "ingest/text/extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/grow.h"
#include "core/metric.h"
#include "core/strbuf.h"
#include "core/swar.h"
#include "ingest/text/doc.h"
#include "ingest/text/rules.h"

/* Bad-byte warnings reported one by one per text; the rest are counted. */
#define MAX_BYTE_WARNINGS 10
/* A quote longer than this is cut to the clause around the number. */
#define QUOTE_MAX 320
/* How many figures after a vague headline count may be the one it rounds. */
#define VAGUE_REACH 64

typedef struct pending {
    ms_figure fig;
    ms_reading reading;
    size_t sentence;
    size_t number_offset;
    bool dropped;
} pending;

struct ms_extractor {
    ms_lexicon *lexicons[MS_LANG_COUNT_];
    ms_metric_registry metrics;
    ms_event_table events;
    bool metrics_loaded;
    char *clean;
    size_t clean_cap;
    ms_text_number *numbers;
    size_t numbers_cap;
    ms_lex_hit *hits;
    size_t hits_cap;
    ms_period_hit *periods;
    size_t periods_cap;
    ms_sentence *sentences;
    size_t sentences_cap;
    size_t *breaks;
    size_t breaks_cap;
    pending *pend;
    size_t pend_count, pend_cap;
    size_t *line_starts;
    size_t n_lines, lines_cap;
    ms_arena arena; /* strings of the current text's figures */
};

ms_status ms_extractor_new(ms_extractor **out)
{
    ms_extractor *ex = calloc(1, sizeof *ex);
    if (!ex)
        return MS_ERR_NOMEM;
    ms_metric_registry_init(&ex->metrics);
    ms_event_table_init(&ex->events);
    ms_arena_init(&ex->arena);
    *out = ex;
    return MS_OK;
}

void ms_extractor_free(ms_extractor *ex)
{
    if (!ex)
        return;
    for (int i = 0; i < MS_LANG_COUNT_; i++)
        ms_lexicon_free(ex->lexicons[i]);
    ms_metric_registry_free(&ex->metrics);
    ms_event_table_free(&ex->events);
    ms_arena_free(&ex->arena);
    free(ex->clean);
    free(ex->numbers);
    free(ex->hits);
    free(ex->periods);
    free(ex->sentences);
    free(ex->breaks);
    free(ex->pend);
    free(ex->line_starts);
    free(ex);
}

/* Makes room for n elements in *items (capacity *cap). */
static bool reserve(void **items, size_t *cap, size_t n, size_t elem)
{
    if (n <= *cap)
        return true;
    size_t want = *cap ? *cap : 64;
    while (want < n) {
        if (want > SIZE_MAX / 2 / elem)
            return false;
        want *= 2;
    }
    void *p = realloc(*items, want * elem);
    if (!p)
        return false;
    *items = p;
    *cap = want;
    return true;
}

/* --- cleaning ------------------------------------------------------- */

/* Copies text into ex->clean with NUL bytes, CR and invalid UTF-8 read as
 * spaces (same length, so byte offsets stay those of the input), warning
 * with the byte offset of each. */
static ms_status clean_text(ms_extractor *ex, const char *text, size_t len,
                            const ms_extract_options *opt, ms_diag *diag,
                            ms_extract_counts *counts)
{
    if (!reserve((void **)&ex->clean, &ex->clean_cap, len + 1, 1))
        return MS_ERR_NOMEM;
    char *c = ex->clean;
    memcpy(c, text, len);
    c[len] = '\0';
    size_t bad = 0, nul = 0;
    for (size_t i = 0; i < len;) {
        /* eight ASCII bytes with no NUL and no CR need nothing */
        if (i + 8 <= len) {
            uint64_t w = ms_swar_load(c + i);
            if (!ms_swar_has_high(w) && !ms_swar_has_zero(w) && !ms_swar_has_byte(w, '\r')) {
                i += 8;
                continue;
            }
        }
        unsigned char b = (unsigned char)c[i];
        if (b < 0x80) {
            if (b == '\0') {
                if (nul++ < MAX_BYTE_WARNINGS)
                    ms_diag_report(diag, MS_SEV_WARNING, MS_ERR_DATA, opt->file, 0, 0,
                                   "NUL byte at byte offset %zu (read as a space)", i);
                c[i] = ' ';
            } else if (b == '\r') {
                c[i] = ' ';
            }
            i++;
            continue;
        }
        /* a two-byte sequence (Cyrillic, Latin-1) is valid by its bytes */
        if (b >= 0xC2 && b <= 0xDF && i + 1 < len && ((unsigned char)c[i + 1] & 0xC0) == 0x80) {
            i += 2;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)c + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            if (bad++ < MAX_BYTE_WARNINGS)
                ms_diag_report(diag, MS_SEV_WARNING, MS_ERR_DATA, opt->file, 0, 0,
                               "invalid UTF-8 byte 0x%02X at byte offset %zu (read as a space)",
                               b, i);
            c[i] = ' ';
            i++;
            continue;
        }
        i += (size_t)n;
    }
    if (bad > MAX_BYTE_WARNINGS)
        ms_diag_report(diag, MS_SEV_WARNING, MS_ERR_DATA, opt->file, 0, 0,
                       "%zu more invalid UTF-8 bytes read as spaces", bad - MAX_BYTE_WARNINGS);
    if (nul > MAX_BYTE_WARNINGS)
        ms_diag_report(diag, MS_SEV_WARNING, MS_ERR_DATA, opt->file, 0, 0,
                       "%zu more NUL bytes read as spaces", nul - MAX_BYTE_WARNINGS);
    counts->warnings += bad + nul;
    return MS_OK;
}

/* --- finding ------------------------------------------------------- */

static ms_status find_all(ms_extractor *ex, ms_text_doc *d, ms_lexicon *lex)
{
    size_t n;
    for (;;) {
        n = ms_text_find_numbers(d->text, d->len, d->lang, ex->numbers, ex->numbers_cap);
        if (n <= ex->numbers_cap)
            break;
        if (!reserve((void **)&ex->numbers, &ex->numbers_cap, n, sizeof *ex->numbers))
            return MS_ERR_NOMEM;
    }
    d->numbers = ex->numbers, d->n_numbers = n;
    for (;;) {
        n = ms_lexicon_match(lex, d->text, d->len, ex->hits, ex->hits_cap);
        if (n <= ex->hits_cap)
            break;
        if (!reserve((void **)&ex->hits, &ex->hits_cap, n, sizeof *ex->hits))
            return MS_ERR_NOMEM;
    }
    d->hits = ex->hits, d->n_hits = n;
    for (;;) {
        n = ms_text_find_periods(d->text, d->len, d->lang, d->published, ex->periods,
                                 ex->periods_cap);
        if (n <= ex->periods_cap)
            break;
        if (!reserve((void **)&ex->periods, &ex->periods_cap, n, sizeof *ex->periods))
            return MS_ERR_NOMEM;
    }
    d->periods = ex->periods, d->n_periods = n;
    for (;;) {
        n = ms_text_sentences(d->text, d->len, ex->sentences, ex->sentences_cap);
        if (n <= ex->sentences_cap)
            break;
        if (!reserve((void **)&ex->sentences, &ex->sentences_cap, n, sizeof *ex->sentences))
            return MS_ERR_NOMEM;
    }
    d->sentences = ex->sentences, d->n_sentences = n;
    for (;;) {
        n = ms_text_clause_breaks(d->text, d->len, ex->breaks, ex->breaks_cap);
        if (n <= ex->breaks_cap)
            break;
        if (!reserve((void **)&ex->breaks, &ex->breaks_cap, n, sizeof *ex->breaks))
            return MS_ERR_NOMEM;
    }
    d->breaks = ex->breaks, d->n_breaks = n;
    return MS_OK;
}

/* --- positions for --explain ---------------------------------------- */

static void index_lines(ms_extractor *ex, const ms_text_doc *d)
{
    ex->n_lines = 0;
    if (!reserve((void **)&ex->line_starts, &ex->lines_cap, 1, sizeof *ex->line_starts))
        return;
    ex->line_starts[ex->n_lines++] = 0;
    for (const char *p = d->text; (p = memchr(p, '\n', (size_t)(d->text + d->len - p))) != NULL; p++) {
        if (!reserve((void **)&ex->line_starts, &ex->lines_cap, ex->n_lines + 1,
                     sizeof *ex->line_starts))
            return;
        ex->line_starts[ex->n_lines++] = (size_t)(p - d->text) + 1;
    }
}

static void position_of(const ms_extractor *ex, size_t offset, int64_t *line, int64_t *column)
{
    size_t lo = 0, hi = ex->n_lines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (ex->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    *line = ex->n_lines ? (int64_t)lo + 1 : 0;
    *column = ex->n_lines ? (int64_t)(offset - ex->line_starts[lo]) + 1 : 0;
}

/* --- quotes ------------------------------------------------------------ */

/* The clause around a reading: the sentence, or when that is long, from the
 * last clause break or comma before the reading to the next one after. */
static void quote_span(const ms_text_doc *d, const ms_sentence *s, const ms_reading *r,
                       size_t *qa, size_t *qb)
{
    size_t a = s->start, b = s->end;
    if (b - a > QUOTE_MAX) {
        size_t lo = r->start, hi = r->end;
        while (lo > a && r->start - lo < QUOTE_MAX / 2 && d->text[lo - 1] != ',' &&
               !ms_text_is_clause_break(d->text, d->len, lo - 1))
            lo--;
        while (hi < b && hi - r->end < QUOTE_MAX / 2 && d->text[hi] != ',' &&
               !ms_text_is_clause_break(d->text, d->len, hi))
            hi++;
        /* keep whole UTF-8 characters and no edge spaces */
        while (lo < r->start && ((unsigned char)d->text[lo] & 0xC0) == 0x80)
            lo++;
        while (hi > r->end && ((unsigned char)d->text[hi] & 0xC0) == 0x80)
            hi--;
        a = ms_doc_skip_space(d, lo);
        b = ms_doc_skip_space_back(d, hi);
        if (a > r->start)
            a = r->start;
        if (b < r->end)
            b = r->end;
    }
    *qa = a;
    *qb = b;
}

/* --- the sentence loop ------------------------------------------------ */

static bool sentence_has_word(const ms_text_doc *d, const ms_sentence *s, const char *list)
{
    size_t ws, we, i = s->start;
    while (i < s->end && ms_doc_word_after(d, i, &ws, &we) && ws < s->end) {
        if (ms_doc_word_is(d, ws, we, list))
            return true;
        i = we;
        while (i < s->end && !((unsigned char)d->text[i] >= 0x80 ||
                               ((d->text[i] | 0x20) >= 'a' && (d->text[i] | 0x20) <= 'z')))
            i++;
    }
    return false;
}

/* A SKIP cue of `key` in the sentence ("donation", "furniture"). */
static bool sentence_has_cue(const ms_text_doc *d, const ms_sentence *s, const char *key,
                             bool at_start)
{
    for (size_t i = ms_doc_first_hit_from(d, s->start); i < d->n_hits && d->hits[i].start < s->end; i++) {
        const ms_lex_hit *h = &d->hits[i];
        if (h->cat == MS_LEX_SKIP && strcmp(h->key, key) == 0 &&
            (!at_start || h->start - s->start <= 4))
            return true;
    }
    return false;
}

/* "temporary and permanent residence permits": the word before "and"
 * shares the rest of the metric phrase m. Reads the metric of "<word> <m
 * without its first word>" for the word text[ws, we) (NULL if that names
 * no metric, or the same one). */
static const char *elided_metric(ms_lexicon *lex, const ms_text_doc *d, size_t ws, size_t we,
                                 const ms_lex_hit *m)
{
    size_t fs, fe;
    if (!ms_doc_word_after(d, m->start, &fs, &fe) || fe >= m->end)
        return NULL;
    char buf[256];
    size_t wl = we - ws, rest = m->end - fe;
    if (wl + rest >= sizeof buf)
        return NULL;
    memcpy(buf, d->text + ws, wl);
    memcpy(buf + wl, d->text + fe, rest);
    ms_lex_hit hits[16];
    size_t n = ms_lexicon_match(lex, buf, wl + rest, hits, 16);
    for (size_t i = 0; i < n && i < 16; i++)
        if (hits[i].cat == MS_LEX_METRIC && hits[i].start == 0 && hits[i].end == wl + rest)
            return strcmp(hits[i].key, m->key) != 0 ? hits[i].key : NULL;
    return NULL;
}

/* Is the word before `pos` a conjunction, and the word before that
 * [*ws, *we)? */
static bool word_before_conjunction(const ms_text_doc *d, size_t pos, size_t *ws, size_t *we)
{
    size_t cs, ce;
    return ms_doc_word_before(d, pos, &cs, &ce) &&
           ms_doc_word_is(d, cs, ce, "and|or|и|или|und|oder") && ms_doc_word_before(d, cs, ws, we);
}

/* The metric of the elided phrase before hit m ("temporary and permanent
 * residence permits" -> temporary residence permits), or NULL. */
static const char *coordinated_metric(ms_lexicon *lex, const ms_text_doc *d, const ms_lex_hit *m)
{
    size_t ws, we;
    return word_before_conjunction(d, m->start, &ws, &we) ? elided_metric(lex, d, ws, we, m) : NULL;
}

/* "the highest rates were in Cyprus, with 92 orders per 100 000
 * inhabitants, and Greece (41)": a bare number in brackets right after a
 * place, after a rate or share in the same sentence, is one more of them. */
static void assign_parallel_items(const ms_text_doc *d, pending *items, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        pending *p = &items[i];
        const pending *prev = &items[i - 1];
        size_t a = p->reading.start, b = p->reading.end;
        if (p->fig.kind != MS_KIND_COUNT || p->fig.hedge != MS_HEDGE_NONE ||
            (prev->fig.kind != MS_KIND_RATIO && prev->fig.kind != MS_KIND_SHARE) || a == 0 ||
            d->text[a - 1] != '(' || b >= d->len || d->text[b] != ')' ||
            !ms_doc_hit_ending(d, MS_LEX_PLACE, a - 1))
            continue;
        p->fig.kind = prev->fig.kind;
        p->fig.metric = prev->fig.metric;
    }
}

/* "61,300 temporary and 49,800 permanent residence permits": a count
 * followed by one word, a conjunction and the next count, whose metric
 * phrase comes right after it, counts that word with the phrase's noun. */
static void assign_elided_nouns(ms_lexicon *lex, const ms_text_doc *d, pending *items, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        pending *a = &items[i], *b = &items[i + 1];
        if (a->fig.kind != MS_KIND_COUNT || b->fig.kind != MS_KIND_COUNT || !a->fig.metric)
            continue;
        const ms_lex_hit *m = ms_doc_hit_starting(d, MS_LEX_METRIC, b->reading.end);
        size_t ws, we, after_s, after_e;
        if (!m || strcmp(m->key, a->fig.metric) != 0 ||
            !word_before_conjunction(d, b->reading.start, &ws, &we) ||
            !ms_doc_word_after(d, a->reading.end, &after_s, &after_e) || after_s != ws)
            continue;
        const char *metric = elided_metric(lex, d, ws, we, m);
        if (metric)
            a->fig.metric = metric;
    }
}

/* "The three figures fell by 8, 21 and 5 percent, respectively" after a
 * sentence that gave three levels: the k items take the metrics and
 * subjects of the last k figures before them when those come from one
 * sentence and name k different metrics. False when they do not. */
static bool respectively_of_before(const pending *before, size_t n_before, pending *items,
                                   size_t k)
{
    if (n_before < k)
        return false;
    const pending *prev = before + n_before - k;
    for (size_t i = 0; i < k; i++) {
        if (prev[i].dropped || prev[i].sentence != prev[0].sentence || !prev[i].fig.metric ||
            prev[i].fig.kind != MS_KIND_COUNT)
            return false;
        for (size_t j = 0; j < i; j++)
            if (strcmp(prev[j].fig.metric, prev[i].fig.metric) == 0)
                return false;
    }
    for (size_t i = 0; i < k; i++) {
        items[i].fig.metric = prev[i].fig.metric;
        items[i].fig.subject = prev[i].fig.subject;
    }
    return true;
}

/* "dropped by 44 and 18 percent, respectively": the items take the metrics
 * (and subjects) named before them, in order; "temporary and permanent
 * residence permits" names two; with no metric named in the sentence, the
 * figures of the sentence before. */
static void assign_respectively(ms_lexicon *lex, const ms_text_doc *d, const ms_sentence *s,
                                const pending *before, size_t n_before, pending *items, size_t n)
{
    if (n < 2 || !sentence_has_word(d, s, "respectively|соответственно|bzw|beziehungsweise"))
        return;
    const char *metrics[8], *subjects[8];
    size_t nm = 0, ns = 0;
    for (size_t i = ms_doc_first_hit_from(d, s->start);
         i < d->n_hits && d->hits[i].start < items[0].reading.start; i++) {
        const ms_lex_hit *h = &d->hits[i];
        if (h->cat == MS_LEX_METRIC && nm < 7 && (nm == 0 || strcmp(metrics[nm - 1], h->key) != 0)) {
            const char *elided = coordinated_metric(lex, d, h);
            if (elided)
                metrics[nm++] = elided;
            metrics[nm++] = h->key;
        }
        if (h->cat == MS_LEX_SUBJECT && ns < 8 && strcmp(h->key, "people") != 0 &&
            (ns == 0 || strcmp(subjects[ns - 1], h->key) != 0))
            subjects[ns++] = h->key;
    }
    /* the group: the last run of figures of one kind */
    size_t first = n - 1;
    while (first > 0 && items[first - 1].fig.kind == items[n - 1].fig.kind)
        first--;
    size_t k = n - first;
    if (k < 2)
        return;
    if (nm == 0 && respectively_of_before(before, n_before, items + first, k))
        return;
    if (nm >= k)
        for (size_t i = 0; i < k; i++)
            items[first + i].fig.metric = metrics[nm - k + i];
    if (ns >= k)
        for (size_t i = 0; i < k; i++)
            items[first + i].fig.subject = subjects[ns - k + i];
}

static const char *unit_of(ms_extractor *ex, const ms_figure *f)
{
    if (f->kind == MS_KIND_PCT_CHANGE || f->kind == MS_KIND_SHARE)
        return "percent";
    if (f->kind == MS_KIND_MULTIPLIER || f->kind == MS_KIND_RATIO)
        return "ratio";
    const ms_metric *m = ms_metric_find(&ex->metrics, f->metric);
    return m ? m->unit : NULL;
}

static void report_skip(ms_extractor *ex, const ms_text_doc *d, const ms_extract_sink *sink,
                        ms_extract_counts *counts, size_t a, size_t b, const char *why)
{
    counts->skipped++;
    if (!sink->skipped)
        return;
    int64_t line, column;
    position_of(ex, a, &line, &column);
    sink->skipped(sink->ctx, d->text + a, b - a, line, column, why);
}

/* Reads sentence si into pending figures. */
static ms_status read_sentence(ms_extractor *ex, const ms_text_doc *d, size_t si,
                               size_t *next_number, ms_text_context *ctx,
                               const ms_extract_options *opt, const ms_extract_sink *sink,
                               ms_extract_counts *counts, bool furniture)
{
    const ms_sentence *s = &d->sentences[si];
    bool donation = sentence_has_cue(d, s, "donation", false);
    size_t first_pending = ex->pend_count;
    size_t ni = *next_number;
    while (ni < d->n_numbers && d->numbers[ni].start < s->start)
        ni++;
    size_t hi = ms_doc_first_hit_from(d, s->start);
    for (;;) {
        /* the next number or cue word in text order */
        bool have_num = ni < d->n_numbers && d->numbers[ni].start < s->end;
        while (hi < d->n_hits && d->hits[hi].start < s->end && d->hits[hi].cat != MS_LEX_MULT &&
               d->hits[hi].cat != MS_LEX_FRACTION)
            hi++;
        bool have_cue = hi < d->n_hits && d->hits[hi].start < s->end;
        if (!have_num && !have_cue)
            break;
        ms_reading r;
        const char *why = NULL;
        bool ok;
        size_t span_a, span_b;
        if (have_num && (!have_cue || d->numbers[ni].start <= d->hits[hi].start)) {
            counts->numbers++;
            span_a = d->numbers[ni].start, span_b = d->numbers[ni].end;
            if (furniture)
                ok = false, why = "page furniture (a linked headline or the like)";
            else if (donation)
                ok = false, why = "a donation appeal";
            else
                ok = ms_rules_read_number(d, s, ni, &r, &why);
            ni++;
            if (!ok) {
                report_skip(ex, d, sink, counts, span_a, span_b, why);
                continue;
            }
        } else {
            const ms_lex_hit *h = &d->hits[hi++];
            if (furniture || donation || !ms_rules_read_cue(d, s, h, &r))
                continue;
            span_a = h->start, span_b = h->end;
        }
        ms_figure f;
        ms_figure_init(&f);
        ms_rules_apply_reading(&r, &f);
        ms_rules_attribute(d, si, &r, ctx, &f);
        if (!f.metric) {
            if (!opt->all) {
                report_skip(ex, d, sink, counts, span_a, span_b, "no metric word in its sentence");
                continue;
            }
            f.metric = "other";
        }
        if (!reserve((void **)&ex->pend, &ex->pend_cap, ex->pend_count + 1, sizeof *ex->pend))
            return MS_ERR_NOMEM;
        pending *p = &ex->pend[ex->pend_count++];
        p->fig = f;
        p->reading = r;
        p->sentence = si;
        p->number_offset = span_a;
        p->dropped = false;
        ctx->has_prev = true;
        ctx->prev_sentence = si;
        ctx->prev_end = r.end;
        ctx->prev_metric = f.metric;
        ctx->prev_subject = f.subject;
        ctx->prev_place = f.place;
        ctx->prev_period = f.period;
    }
    *next_number = ni;
    if (ex->pend_count == first_pending)
        return MS_OK; /* no figure here (and maybe no array yet) */
    assign_parallel_items(d, ex->pend + first_pending, ex->pend_count - first_pending);
    assign_elided_nouns(ex->lexicons[d->lang], d, ex->pend + first_pending,
                        ex->pend_count - first_pending);
    assign_respectively(ex->lexicons[d->lang], d, s, ex->pend, first_pending,
                        ex->pend + first_pending, ex->pend_count - first_pending);
    return MS_OK;
}

static bool is_headline(const ms_text_doc *d, size_t si)
{
    const ms_sentence *s = &d->sentences[si];
    return s->paragraph_start && !s->terminated;
}

/* Orders pending figures by what makes two of them the same statement
 * (metric, kind, hedge, value), then by position in the text. */
static int same_statement_order(const void *pa, const void *pb)
{
    const pending *a = *(pending *const *)pa, *b = *(pending *const *)pb;
    int c = ms_str_cmp(a->fig.metric, b->fig.metric);
    if (c)
        return c;
    if (a->fig.kind != b->fig.kind)
        return a->fig.kind < b->fig.kind ? -1 : 1;
    if (a->fig.hedge != b->fig.hedge)
        return a->fig.hedge < b->fig.hedge ? -1 : 1;
    if (a->fig.value != b->fig.value)
        return a->fig.value < b->fig.value ? -1 : 1;
    return a->number_offset < b->number_offset ? -1 : a->number_offset > b->number_offset;
}

/* "Russia expels thousands" over a body that says "more than 6,900": a
 * vague headline count is the body's figure of the same metric that lies
 * in its range. Only the next VAGUE_REACH figures are looked at, so a
 * text of many headline-like lines stays linear. */
static void drop_vague_headlines(ms_extractor *ex, const ms_text_doc *d)
{
    for (size_t i = 0; i < ex->pend_count; i++) {
        pending *h = &ex->pend[i];
        if (h->dropped || !h->reading.vague || h->fig.kind != MS_KIND_COUNT ||
            !is_headline(d, h->sentence))
            continue;
        for (size_t k = i + 1; k < ex->pend_count && k <= i + VAGUE_REACH && !h->dropped; k++) {
            const pending *b = &ex->pend[k];
            h->dropped = !b->dropped && b->fig.kind == MS_KIND_COUNT && !b->reading.vague &&
                         !is_headline(d, b->sentence) && ms_str_eq(b->fig.metric, h->fig.metric) &&
                         ms_interval_overlaps(b->fig.range, h->fig.range);
        }
    }
}

/* The same figure stated twice (headline and body): one is kept, the body
 * mention (or the first one). Sorting keeps this n log n for any text. */
static ms_status merge_repeats(ms_extractor *ex, const ms_text_doc *d)
{
    if (ex->pend_count < 2)
        return MS_OK;
    pending **order = malloc(ex->pend_count * sizeof *order);
    if (!order)
        return MS_ERR_NOMEM;
    for (size_t i = 0; i < ex->pend_count; i++)
        order[i] = &ex->pend[i];
    qsort(order, ex->pend_count, sizeof *order, same_statement_order);
    for (size_t i = 0; i < ex->pend_count;) {
        /* the group [i, j) of one statement */
        size_t j = i + 1;
        while (j < ex->pend_count && ms_str_eq(order[j]->fig.metric, order[i]->fig.metric) &&
               order[j]->fig.kind == order[i]->fig.kind && order[j]->fig.hedge == order[i]->fig.hedge &&
               order[j]->fig.value == order[i]->fig.value)
            j++;
        pending *keep = order[i]; /* the first in the text ... */
        for (size_t k = i; k < j; k++)
            if (is_headline(d, keep->sentence) && !is_headline(d, order[k]->sentence)) {
                keep = order[k]; /* ... unless it is a headline and the body says it */
                break;
            }
        for (size_t k = i; k < j; k++)
            order[k]->dropped = order[k] != keep;
        i = j;
    }
    free(order);
    drop_vague_headlines(ex, d);
    return MS_OK;
}

static ms_status emit(ms_extractor *ex, const ms_text_doc *d, const ms_extract_options *opt,
                      const ms_extract_sink *sink, ms_extract_counts *counts)
{
    for (size_t i = 0; i < ex->pend_count; i++) {
        pending *p = &ex->pend[i];
        if (p->dropped) {
            report_skip(ex, d, sink, counts, p->reading.num_start, p->reading.num_end,
                        "the same figure is stated elsewhere in the text");
            continue;
        }
        ms_figure *f = &p->fig;
        size_t qa, qb;
        quote_span(d, &d->sentences[p->sentence], &p->reading, &qa, &qb);
        char idbuf[32];
        int idn = snprintf(idbuf, sizeof idbuf, "@%zu", p->number_offset);
        ms_strbuf id;
        ms_strbuf_init(&id);
        const char *src = opt->source ? opt->source : "text";
        ms_strbuf_append(&id, src, strlen(src));
        ms_strbuf_append(&id, idbuf, (size_t)idn);
        char *quote = ms_arena_strndup(&ex->arena, d->text + qa, qb - qa);
        if (!quote || ms_strbuf_failed(&id)) {
            ms_strbuf_free(&id);
            return MS_ERR_NOMEM;
        }
        f->id = ms_strbuf_str(&id);
        f->quote = quote;
        f->offset = (int64_t)qa;
        f->length = (int64_t)(qb - qa);
        f->unit = unit_of(ex, f);
        f->source = opt->source;
        f->published = opt->published;
        f->lang = ms_lang_name(d->lang);
        f->url = opt->url;
        ms_status st = sink->figure(sink->ctx, f);
        ms_strbuf_free(&id);
        if (st != MS_OK)
            return st;
        counts->figures++;
    }
    return MS_OK;
}

static ms_status get_lexicon(ms_extractor *ex, ms_lang lang, ms_lexicon **out, ms_diag *diag)
{
    if (!ex->lexicons[lang]) {
        ms_status st = ms_lexicon_load_default(lang, &ex->lexicons[lang], diag);
        if (st != MS_OK)
            return st;
    }
    if (!ex->metrics_loaded) {
        char path[4096];
        snprintf(path, sizeof path, "%s/metrics.tsv", ms_data_dir());
        ms_status st = ms_metric_registry_load(&ex->metrics, path, diag);
        if (st != MS_OK)
            return st;
        snprintf(path, sizeof path, "%s/events.tsv", ms_data_dir());
        if ((st = ms_event_table_load(&ex->events, path, diag)) != MS_OK)
            return st;
        ex->metrics_loaded = true;
    }
    *out = ex->lexicons[lang];
    return MS_OK;
}

ms_status ms_extract_text(ms_extractor *ex, const char *text, size_t len,
                          const ms_extract_options *opt, const ms_extract_sink *sink,
                          ms_diag *diag, ms_extract_counts *counts)
{
    ms_extract_counts local = {0};
    if (!counts)
        counts = &local;
    ms_status st = clean_text(ex, text, len, opt, diag, counts);
    if (st != MS_OK)
        return st;
    ms_text_doc d = {0};
    d.text = ex->clean;
    d.len = len;
    d.lang = opt->lang_auto ? ms_lang_guess(ex->clean, len) : opt->lang;
    d.published = opt->published;
    d.metrics = &ex->metrics;
    d.events = &ex->events;
    ms_lexicon *lex;
    if ((st = get_lexicon(ex, d.lang, &lex, diag)) != MS_OK)
        return st;
    if ((st = find_all(ex, &d, lex)) != MS_OK)
        return st;
    if (sink->skipped)
        index_lines(ex, &d);

    ex->pend_count = 0;
    ms_arena_free(&ex->arena);
    ms_arena_init(&ex->arena);
    ms_text_context ctx = {0};
    ctx.period = ms_period_none();
    ctx.prev_period = ms_period_none();
    size_t next_number = 0;
    bool furniture = false;
    for (size_t si = 0; si < d.n_sentences; si++) {
        const ms_sentence *s = &d.sentences[si];
        if (s->paragraph_start)
            furniture = false;
        if (sentence_has_cue(&d, s, "furniture", true))
            furniture = true; /* "Read more: ..." governs its paragraph */
        st = read_sentence(ex, &d, si, &next_number, &ctx, opt, sink, counts, furniture);
        if (st != MS_OK)
            return st;
        ms_rules_carry(&d, si, &ctx);
    }
    /* numbers outside every sentence (only spaces around) do not exist;
     * the count of numbers seen covers the sentences */
    /* a headline above the first stated period speaks of that period */
    ms_period first;
    size_t first_si;
    if (ms_rules_first_period(&d, &first, &first_si)) {
        for (size_t i = 0; i < ex->pend_count; i++) {
            ms_figure *f = &ex->pend[i].fig;
            if (ex->pend[i].sentence >= first_si || !ms_period_is_none(f->period))
                continue;
            f->period = first;
            if (f->kind == MS_KIND_PCT_CHANGE || f->kind == MS_KIND_ABS_CHANGE ||
                f->kind == MS_KIND_MULTIPLIER)
                f->base = ms_period_shift_years(first, -1);
        }
    }
    if ((st = merge_repeats(ex, &d)) != MS_OK)
        return st;
    return emit(ex, &d, opt, sink, counts);
}
