/* attribute.c — what a figure counts, when and where: its metric (the
 * nearest metric wording in its clause, or the figure it changes), its
 * period and base (the time expression of its sentence, else the one
 * stated last), place and subject. Exports ms_rules_attribute and
 * ms_rules_carry of rules.h. */
#include "ingest/text/rules.h"

#include <string.h>

/* Cost of crossing a clause break (';', a spaced dash, a bracket) between
 * a number and a word, in bytes of distance. */
#define CLAUSE_COST 150
/* A subject word further than this (cost) is not the number's. */
#define SUBJECT_REACH 260
/* A time expression this close after a number is that number's ("3,986 a
 * year earlier", "2,100 in 2022"). */
#define ADJACENT_AFTER 32

static long cost_between(const ms_text_doc *d, size_t a, size_t b)
{
    return (long)(b - a) + CLAUSE_COST * (long)ms_doc_clause_breaks(d, a, b);
}

/* Cost of hit [hs, he) from the reading: distance plus clause breaks. */
static long hit_cost(const ms_text_doc *d, size_t hs, size_t he, const ms_reading *r)
{
    if (he <= r->start)
        return cost_between(d, he, r->start);
    if (hs >= r->end)
        return cost_between(d, r->end, hs);
    return 0; /* overlapping: the number sits inside the words */
}

static bool inside_subject(const ms_text_doc *d, const ms_lex_hit *h, size_t from)
{
    for (size_t i = from; i < d->n_hits && d->hits[i].start <= h->start; i++)
        if (d->hits[i].cat == MS_LEX_SUBJECT && d->hits[i].start <= h->start &&
            d->hits[i].end >= h->end)
            return true;
    return false;
}

/* Metrics whose "to X" names a destination, not the place counting. */
static bool sends_away(const char *metric)
{
    return metric && (strcmp(metric, "deportations") == 0 || strcmp(metric, "expulsions") == 0 ||
                      strcmp(metric, "forced_departures") == 0 ||
                      strcmp(metric, "readmissions") == 0);
}

/* The nearest hit of `cat` in the sentence, or NULL. For places, a place
 * inside a subject phrase ("граждан Таджикистана") or after "to"
 * (a destination) does not count. */
static const ms_lex_hit *nearest_hit(const ms_text_doc *d, const ms_sentence *s, ms_lex_cat cat,
                                     const ms_reading *r, const char *metric, long *cost_out)
{
    size_t from = ms_doc_first_hit_from(d, s->start);
    const ms_lex_hit *best = NULL;
    long best_cost = 0;
    for (size_t i = from; i < d->n_hits && d->hits[i].start < s->end; i++) {
        const ms_lex_hit *h = &d->hits[i];
        if (h->cat != cat)
            continue;
        if (cat == MS_LEX_PLACE) {
            size_t ws, we;
            if (inside_subject(d, h, from))
                continue;
            if (sends_away(metric) && ms_doc_word_before(d, h->start, &ws, &we) &&
                ms_doc_word_is(d, ws, we, "to|into|towards|nach"))
                continue; /* deported to X: X is the destination */
        }
        long c = hit_cost(d, h->start, h->end, r);
        if (!best || c < best_cost) {
            best = h;
            best_cost = c;
        }
    }
    if (cost_out)
        *cost_out = best_cost;
    return best;
}

/* Is there a metric word between the previous figure and this reading? */
static bool metric_between(const ms_text_doc *d, size_t a, size_t b)
{
    for (size_t i = ms_doc_first_hit_from(d, a); i < d->n_hits && d->hits[i].start < b; i++)
        if (d->hits[i].cat == MS_LEX_METRIC)
            return true;
    return false;
}

static bool starts_with_subset(const ms_text_doc *d, const ms_sentence *s)
{
    size_t ws, we;
    if (!ms_doc_word_after(d, s->start, &ws, &we))
        return false;
    if (ms_doc_word_is(d, ws, we, "из|of|darunter|among|в|including|davon")) {
        size_t w2s, w2e;
        if (ms_doc_word_is(d, ws, we, "darunter|davon"))
            return true;
        return ms_doc_word_after(d, we, &w2s, &w2e) &&
               ms_doc_word_is(d, w2s, w2e, "них|them|those|whom|том|these");
    }
    return false;
}

static bool is_change(ms_kind k)
{
    return k == MS_KIND_PCT_CHANGE || k == MS_KIND_ABS_CHANGE || k == MS_KIND_MULTIPLIER;
}

static const char *pick_metric(const ms_text_doc *d, size_t si, const ms_reading *r,
                               const ms_text_context *ctx)
{
    const ms_sentence *s = &d->sentences[si];
    bool prev_here = ctx->has_prev && ctx->prev_sentence == si;
    if (is_change(r->kind) && prev_here && !metric_between(d, ctx->prev_end, r->start))
        return ctx->prev_metric;
    const ms_lex_hit *h = nearest_hit(d, s, MS_LEX_METRIC, r, NULL, NULL);
    if (h)
        return h->key;
    if (ctx->has_prev && (is_change(r->kind) || r->bracketed_previous || starts_with_subset(d, s) ||
                          (prev_here && r->kind == MS_KIND_COUNT)))
        return ctx->prev_metric;
    return NULL;
}

/* Metrics that count people by default ("people" in an enforcement
 * count): their subject is foreign citizens unless the text says whose. */
static bool counts_foreigners(const char *metric)
{
    static const char *const not_people[] = {"raids", "criminal_cases", "deaths", "injuries",
                                             "citizenship_revocations", "other"};
    if (!metric)
        return false;
    for (size_t i = 0; i < sizeof not_people / sizeof *not_people; i++)
        if (strcmp(metric, not_people[i]) == 0)
            return false;
    return true;
}

/* The time expression of the sentence that governs r: one right after it
 * ("2,100 in 2022"), else the nearest before it, else the nearest after
 * it; NULL if the sentence states none. Bases count only when `bases`. */
static const ms_period_hit *governing_period(const ms_text_doc *d, const ms_sentence *s,
                                             const ms_reading *r, bool bases)
{
    const ms_period_hit *before = NULL, *after = NULL;
    for (size_t i = 0; i < d->n_periods; i++) {
        const ms_period_hit *p = &d->periods[i];
        if (p->start < s->start)
            continue;
        if (p->start >= s->end)
            break;
        if (!bases && p->role == MS_PERIOD_ROLE_BASE)
            continue;
        if (p->end <= r->start)
            before = p;
        else if (p->start >= r->end && !after)
            after = p;
    }
    if (after && after->start - r->end <= ADJACENT_AFTER) {
        bool number_between = false;
        for (size_t i = 0; i < d->n_numbers; i++)
            if (d->numbers[i].start >= r->end && d->numbers[i].end <= after->start &&
                d->numbers[i].start < after->start)
                number_between = true;
        if (!number_between)
            return after;
    }
    return before ? before : after;
}

/* The base of a change stated in the sentence: nearest after, else
 * before. */
static const ms_period_hit *base_hit(const ms_text_doc *d, const ms_sentence *s, const ms_reading *r)
{
    const ms_period_hit *before = NULL;
    for (size_t i = 0; i < d->n_periods; i++) {
        const ms_period_hit *p = &d->periods[i];
        if (p->start < s->start || p->role != MS_PERIOD_ROLE_BASE)
            continue;
        if (p->start >= s->end)
            break;
        if (p->start >= r->end)
            return p;
        before = p;
    }
    return before;
}

static ms_period resolve_base(const ms_period_hit *b, ms_period current)
{
    if (b && !b->relative_base)
        return b->period;
    if (ms_period_is_none(current))
        return ms_period_none();
    return ms_period_shift_years(current, -1);
}

void ms_rules_attribute(const ms_text_doc *d, size_t si, const ms_reading *r,
                        const ms_text_context *ctx, ms_figure *f)
{
    const ms_sentence *s = &d->sentences[si];
    f->metric = pick_metric(d, si, r, ctx);

    /* period */
    const ms_period_hit *span = governing_period(d, s, r, false);
    ms_period current = span ? span->period : ctx->period;
    if (r->kind == MS_KIND_COUNT) {
        const ms_period_hit *own = governing_period(d, s, r, true);
        if (own && own->role == MS_PERIOD_ROLE_BASE && own->start >= r->end &&
            own->start - r->end <= ADJACENT_AFTER) {
            /* the base figure of a comparison: "up from 3,986 a year
             * earlier" */
            ms_period cur = span && span != own ? span->period : ctx->period;
            current = resolve_base(own, cur);
        } else if (own && own->role == MS_PERIOD_ROLE_BASE && own->end <= r->start &&
                   r->start - own->end <= 12) {
            current = resolve_base(own, ctx->period); /* "годом ранее — 41,2 тыс." */
        } else if (r->bracketed_previous && !ms_period_is_none(current)) {
            current = ms_period_shift_years(current, -1);
        }
        f->period = current;
        f->base = ms_period_none();
    } else if (is_change(r->kind)) {
        f->period = current;
        f->base = resolve_base(base_hit(d, s, r), current);
    } else {
        f->period = current;
        f->base = ms_period_none();
    }

    /* place */
    const ms_lex_hit *place = nearest_hit(d, s, MS_LEX_PLACE, r, f->metric, NULL);
    f->place = place ? place->key : ctx->place;

    /* subject */
    long cost = 0;
    const ms_lex_hit *subj = nearest_hit(d, s, MS_LEX_SUBJECT, r, NULL, &cost);
    if (subj && cost <= SUBJECT_REACH)
        f->subject = subj->key;
    else if (is_change(r->kind) && ctx->has_prev && ctx->prev_sentence == si &&
             ms_str_eq(ctx->prev_metric, f->metric))
        f->subject = ctx->prev_subject;
    else
        f->subject = counts_foreigners(f->metric) ? "foreign_citizens" : NULL;
}

void ms_rules_carry(const ms_text_doc *d, size_t si, ms_text_context *ctx)
{
    const ms_sentence *s = &d->sentences[si];
    for (size_t i = 0; i < d->n_periods; i++) {
        const ms_period_hit *p = &d->periods[i];
        if (p->start < s->start)
            continue;
        if (p->start >= s->end)
            break;
        if (p->role == MS_PERIOD_ROLE_SPAN && !ms_period_is_none(p->period))
            ctx->period = p->period;
    }
    size_t from = ms_doc_first_hit_from(d, s->start);
    for (size_t i = from; i < d->n_hits && d->hits[i].start < s->end; i++)
        if (d->hits[i].cat == MS_LEX_PLACE && !inside_subject(d, &d->hits[i], from))
            ctx->place = d->hits[i].key;
}
