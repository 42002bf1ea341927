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
#define ADJACENT_AFTER 64
/* How far around a number the rules look for its words and times, so a
 * sentence of any length costs the same per number. */
#define WINDOW 2000

static size_t window_start(const ms_sentence *s, size_t pos)
{
    return pos > s->start + WINDOW ? pos - WINDOW : s->start;
}

static size_t window_end(const ms_sentence *s, size_t pos)
{
    return pos + WINDOW < s->end ? pos + WINDOW : s->end;
}

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

/* "students from Tajikistan", "мигрантов из Узбекистана": a place after
 * "from" names where people come from, unless the figure sends people away
 * ("deported from Germany", "из России депортировано", "aus Deutschland
 * abgeschoben"), where it is the place that measured. */
static bool names_origin(const ms_text_doc *d, const ms_lex_hit *h, const char *metric)
{
    size_t ws, we;
    return !sends_away(metric) && ms_doc_word_before(d, h->start, &ws, &we) &&
           ms_doc_word_is(d, ws, we, "from|из|aus");
}

/* The nearest hit of `cat` in the sentence, or NULL. For places, a place
 * inside a subject phrase ("граждан Таджикистана"), after "from" naming an
 * origin, or after "to" (a destination) does not count. */
static const ms_lex_hit *nearest_hit(const ms_text_doc *d, const ms_sentence *s, ms_lex_cat cat,
                                     const ms_reading *r, const char *metric, long *cost_out)
{
    size_t from = ms_doc_first_hit_from(d, window_start(s, r->start));
    size_t to = window_end(s, r->end);
    const ms_lex_hit *best = NULL;
    long best_cost = 0;
    for (size_t i = from; i < d->n_hits && d->hits[i].start < to; i++) {
        const ms_lex_hit *h = &d->hits[i];
        if (h->cat != cat)
            continue;
        if (cat == MS_LEX_PLACE) {
            size_t ws, we;
            if (inside_subject(d, h, from) || names_origin(d, h, metric))
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

/* The next word in [*at, limit), past punctuation: [*ws, *we), and *at
 * moves past it. False when there is none. */
static bool next_word(const ms_text_doc *d, size_t *at, size_t limit, size_t *ws, size_t *we)
{
    size_t p = *at;
    while (p < limit && !((unsigned char)d->text[p] >= 0x80 ||
                          ((d->text[p] | 0x20) >= 'a' && (d->text[p] | 0x20) <= 'z')))
        p++;
    if (p >= limit || !ms_doc_word_after(d, p, ws, we) || *ws >= limit)
        return false;
    *at = *we;
    return true;
}

/* "по этой программе", "under this scheme": the programme named before. */
static bool names_this_programme(const ms_text_doc *d, size_t s1, size_t e1, size_t s2, size_t e2)
{
    return ms_doc_word_is(d, s2, e2, "программе|программы|программой|схеме|program|programme|"
                                     "scheme|programm|programms") &&
           ms_doc_word_is(d, s1, e1, "этой|этому|этого|той|this|that|the|dieses|diesem|dem");
}

/* Words that point back to what was counted before: "из них", "среди
 * них", "в том числе", "of those", "among them", "such", "таких",
 * "darunter", "по этой программе". */
static bool refers_back(const ms_text_doc *d, const ms_sentence *s, size_t before, size_t after)
{
    size_t ws, we, at = before > s->start + 300 ? before - 300 : s->start, prev_s = 0, prev_e = 0;
    while (next_word(d, &at, before, &ws, &we)) {
        if (ms_doc_word_is(d, ws, we, "таких|такие|such|darunter|davon|another|ещё|еще|further|weitere"))
            return true;
        if (prev_e && ms_doc_word_is(d, ws, we, "них|them|those|whom|числе|these") &&
            ms_doc_word_is(d, prev_s, prev_e, "из|среди|of|among|том|in"))
            return true;
        if (prev_e && names_this_programme(d, prev_s, prev_e, ws, we))
            return true;
        prev_s = ws, prev_e = we;
    }
    /* "7,800 people arrived under this scheme": a few words after */
    prev_e = 0;
    at = after;
    for (int words = 0; words < 6 && ms_doc_word_after(d, at, &ws, &we) && we <= s->end; words++) {
        if (prev_e && names_this_programme(d, prev_s, prev_e, ws, we))
            return true;
        prev_s = ws, prev_e = we, at = we;
    }
    return false;
}

/* "в 312 случаях", "in 40 cases": a number of cases of what was counted
 * before. */
static bool counts_cases(const ms_text_doc *d, const ms_reading *r)
{
    size_t ws, we;
    return ms_doc_word_after(d, r->end, &ws, &we) &&
           ms_doc_word_is(d, ws, we, "случаях|случаев|случая|случае|cases|instances|fällen");
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

/* Is h the group a number is taken from? Right after the number, perhaps
 * after "of those" / "из" ("Сотни задержанных получили…", "13,000 of those
 * detained were expelled"), or right before it after "из числа" / "among"
 * ("Из числа задержанных 150 человек выдворены"). */
static bool names_group(const ms_text_doc *d, const ms_reading *r, const ms_lex_hit *h)
{
    size_t ws, we, pos = r->end;
    if (h->end <= r->start) {
        size_t before = ms_doc_skip_space_back(d, r->start);
        if (before > 0 && d->text[before - 1] == ',')
            before = ms_doc_skip_space_back(d, before - 1);
        return before == h->end && ms_doc_word_before(d, h->start, &ws, &we) &&
               ms_doc_word_is(d, ws, we, "из|числа|среди|among|of|those|unter|von");
    }
    if (h->start < r->end)
        return false;
    for (int words = 0; words < 2 && ms_doc_word_after(d, pos, &ws, &we) && ws < h->start; words++) {
        if (!ms_doc_word_is(d, ws, we, "of|those|из|числа|von|den"))
            return false;
        pos = we;
    }
    return ms_doc_skip_space(d, pos) == h->start;
}

/* When h names the group a number is taken from, the metric word that
 * follows in the same stretch of words (no comma, clause break, number or
 * conjunction before it) says what the number counts; NULL if none. */
static const ms_lex_hit *predicate_after_group(const ms_text_doc *d, const ms_sentence *s,
                                               const ms_reading *r, const ms_lex_hit *h)
{
    if (!names_group(d, r, h))
        return NULL;
    size_t from = h->end > r->end ? h->end : r->end, ws, we;
    size_t limit = from + 80 < s->end ? from + 80 : s->end;
    for (size_t i = ms_doc_first_hit_from(d, from); i < d->n_hits && d->hits[i].start < limit; i++) {
        const ms_lex_hit *h2 = &d->hits[i];
        if (h2->cat != MS_LEX_METRIC || strcmp(h2->key, h->key) == 0)
            continue;
        if (memchr(d->text + from, ',', h2->start - from) || ms_doc_clause_breaks(d, from, h2->start) ||
            ms_doc_first_number_from(d, from) < ms_doc_first_number_from(d, h2->start) ||
            (ms_doc_word_before(d, h2->start, &ws, &we) &&
             ms_doc_word_is(d, ws, we, "and|or|и|или|und|oder")))
            return NULL;
        return h2;
    }
    return NULL;
}

/* "38 человек, нарушивших режим пребывания, доставлены в отдел полиции",
 * "38 people, who had overstayed, were taken to a police station": a
 * metric word in an aside between commas right after the number describes
 * the people; the metric word after the aside says what the number
 * counts. The hit after the aside, or NULL. */
static const ms_lex_hit *predicate_after_aside(const ms_text_doc *d, const ms_sentence *s,
                                               const ms_reading *r, const ms_lex_hit *h)
{
    if (h->start < r->end)
        return NULL;
    const char *open = memchr(d->text + r->end, ',', h->start - r->end);
    if (!open)
        return NULL;
    size_t ws, we, pos = (size_t)(open - d->text) + 1;
    for (int words = 0; ms_doc_word_after(d, pos, &ws, &we) && ws < h->start; words++) {
        if (words >= 1) /* "who", "которые": at most one word before the metric */
            return NULL;
        pos = we;
    }
    size_t limit = h->end + 120 < s->end ? h->end + 120 : s->end;
    const char *close = memchr(d->text + h->end, ',', limit - h->end);
    if (!close || ms_doc_first_number_from(d, r->end) < ms_doc_first_number_from(d, (size_t)(close - d->text)))
        return NULL;
    size_t after = (size_t)(close - d->text) + 1;
    for (size_t i = ms_doc_first_hit_from(d, after); i < d->n_hits && d->hits[i].start < limit; i++) {
        const ms_lex_hit *h2 = &d->hits[i];
        if (h2->cat != MS_LEX_METRIC)
            continue;
        if (strcmp(h2->key, h->key) == 0 || memchr(d->text + after, ',', h2->start - after) ||
            ms_doc_first_number_from(d, after) < ms_doc_first_number_from(d, h2->start))
            return NULL;
        return h2;
    }
    return NULL;
}

static const char *pick_metric(const ms_text_doc *d, size_t si, const ms_reading *r,
                               const ms_text_context *ctx)
{
    const ms_sentence *s = &d->sentences[si];
    bool prev_here = ctx->has_prev && ctx->prev_sentence == si;
    if (is_change(r->kind) && prev_here && !metric_between(d, ctx->prev_end, r->start))
        return ctx->prev_metric;
    const ms_lex_hit *h = nearest_hit(d, s, MS_LEX_METRIC, r, NULL, NULL);
    if (h) {
        const ms_lex_hit *what = predicate_after_group(d, s, r, h);
        if (!what)
            what = predicate_after_aside(d, s, r, h);
        return what ? what->key : h->key;
    }
    if (ctx->has_prev && (is_change(r->kind) || r->bracketed_previous || starts_with_subset(d, s) ||
                          refers_back(d, s, r->start, r->end) || counts_cases(d, r) || (prev_here && r->kind == MS_KIND_COUNT) ||
                          (r->start > 0 && d->text[r->start - 1] == '(')))
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

/* Is this time expression about the figures at all? The day a statement
 * was made ("said on Monday", "рассказал 2 октября") and a dateline
 * ("DUSHANBE, June 3 —", "МОСКВА, 20 августа.") date the report, not what
 * it counts. */
static bool period_usable(const ms_text_doc *d, const ms_period_hit *p)
{
    if (ms_period_is_none(p->period) && !p->relative_base)
        return false;
    if (p->role == MS_PERIOD_ROLE_BASE || p->period.start != p->period.end)
        return true;
    size_t ws, we, pos = p->start;
    for (int words = 0; words < 2 && ms_doc_word_before(d, pos, &ws, &we); words++) {
        if (ms_doc_word_is(d, ws, we,
                           "said|says|told|reported|announced|stated|added|wrote|"
                           "заявил|заявила|заявили|сообщил|сообщила|сообщили|рассказал|"
                           "рассказала|отметил|отметила|sagte|erklärte|teilte|berichtete|"
                           /* the day of a press conference or a meeting */
                           "конференции|брифинге|заседании|совещании|встрече|интервью|"
                           "conference|briefing|meeting|hearing|interview|pressekonferenz|"
                           "sitzung|anhörung"))
            return false;
        if (!ms_doc_word_is(d, ws, we, "on|am|the"))
            break;
        pos = ws;
    }
    /* a dateline: an upper-case word and a comma right before, at the
     * start of a line */
    size_t q = ms_doc_skip_space_back(d, p->start);
    if (q > 0 && d->text[q - 1] == ',' && ms_doc_word_before(d, q - 1, &ws, &we)) {
        bool upper = true;
        for (size_t i = ws; i < we; i++) {
            unsigned char c = (unsigned char)d->text[i];
            if ((c >= 'a' && c <= 'z') || (c == 0xD0 && i + 1 < we &&
                (unsigned char)d->text[i + 1] >= 0xB0) || c == 0xD1)
                upper = false;
            if (c >= 0xC0)
                i++;
        }
        if (upper && (ws == 0 || d->text[ws - 1] == '\n'))
            return false;
    }
    return true;
}

/* The time expression of the sentence that governs r, or NULL to use the
 * period carried from earlier sentences: one close after it with no
 * number between ("2,100 in 2022", "deported in the first quarter"), else
 * the nearest before it, else one further after it when nothing is
 * carried. Bases count only when `bases`. */
static const ms_period_hit *governing_period(const ms_text_doc *d, const ms_sentence *s,
                                             const ms_reading *r, bool bases,
                                             const ms_text_context *ctx)
{
    const ms_period_hit *before = NULL, *after = NULL;
    size_t to = window_end(s, r->end);
    for (size_t i = ms_doc_first_period_from(d, window_start(s, r->start)); i < d->n_periods; i++) {
        const ms_period_hit *p = &d->periods[i];
        if (p->start >= to)
            break;
        if ((!bases && p->role == MS_PERIOD_ROLE_BASE) || !period_usable(d, p))
            continue;
        if (p->end <= r->start)
            before = p;
        else if (p->start >= r->end && !after)
            after = p;
    }
    if (after) {
        bool number_between = false;
        for (size_t i = ms_doc_first_number_from(d, r->end); i < d->n_numbers && d->numbers[i].start < after->start; i++)
            if (d->numbers[i].start >= r->end)
                number_between = true;
        /* close after, or a span further on in the same stretch with no
         * comma or clause break between ("were detained by police in the
         * town of … in the night from May 23 to May 24"); past a comma
         * it is more often a report's date ("…, figures published on
         * Tuesday") */
        if (!number_between && (after->start - r->end <= ADJACENT_AFTER ||
                                (after->role != MS_PERIOD_ROLE_BASE &&
                                 !memchr(d->text + r->end, ',', after->start - r->end) &&
                                 ms_doc_clause_breaks(d, r->end, after->start) == 0)))
            return after;
    }
    if (before)
        return before;
    if (after && after->role != MS_PERIOD_ROLE_STOCK && ms_period_is_none(ctx->period))
        return after;
    return NULL;
}

/* The base of a change stated in the sentence: nearest after, else
 * before. */
static const ms_period_hit *base_hit(const ms_text_doc *d, const ms_sentence *s, const ms_reading *r)
{
    const ms_period_hit *before = NULL;
    size_t to = window_end(s, r->end);
    for (size_t i = ms_doc_first_period_from(d, window_start(s, r->start)); i < d->n_periods; i++) {
        const ms_period_hit *p = &d->periods[i];
        if (p->start >= to)
            break;
        if (p->role != MS_PERIOD_ROLE_BASE)
            continue;
        if (p->start >= r->end)
            return p;
        before = p;
    }
    return before;
}

/* A stated base: its own days, or the current period moved back a year
 * ("a year earlier"), or to the year it names ("the same quarter of
 * 2022"). Not stated: a year back. */
static ms_period resolve_base(const ms_period_hit *b, ms_period current)
{
    if (b && !b->relative_base)
        return b->period;
    if (ms_period_is_none(current))
        return ms_period_none();
    if (b && b->base_year > 0) {
        int y, m, dd;
        ms_civil_from_day(current.start, &y, &m, &dd);
        return ms_period_shift_years(current, b->base_year - y);
    }
    return ms_period_shift_years(current, -1);
}

/* Only spaces, dashes and colons in [a, b): "годом ранее — 41,2 тыс." */
static bool only_dashes_between(const ms_text_doc *d, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)d->text[i];
        if (c == ' ' || c == ':' || c == '-' || c == '\n')
            continue;
        if (c == 0xE2 && i + 2 < b && (unsigned char)d->text[i + 1] == 0x80) {
            i += 2;
            continue;
        }
        if (c == 0xC2 && i + 1 < b) {
            i++;
            continue;
        }
        return false;
    }
    return true;
}

/* A comparison stated before a count in its clause with no change or
 * other number between: "за тот же период прошлого года мы выдворили
 * 6,3 тыс." — the count is the base figure. */
static bool base_governs_count(const ms_text_doc *d, const ms_period_hit *b, const ms_reading *r)
{
    if (b->end > r->start || ms_doc_clause_breaks(d, b->end, r->start) > 0)
        return false;
    if (only_dashes_between(d, b->end, r->start))
        return true;
    for (size_t i = ms_doc_first_number_from(d, b->end); i < d->n_numbers && d->numbers[i].start < r->start; i++)
        if (d->numbers[i].start >= b->end)
            return false;
    for (size_t i = ms_doc_first_hit_from(d, b->end); i < d->n_hits && d->hits[i].start < r->start; i++)
        if (d->hits[i].cat == MS_LEX_CHANGE || d->hits[i].cat == MS_LEX_MULT)
            return false;
    /* "fell by 12.5 % compared with 2022, to almost 71,000": the level
     * reached, in the current period */
    size_t ws, we, at = b->end;
    while (next_word(d, &at, r->start, &ws, &we))
        if (ms_doc_word_is(d, ws, we, "to|до|auf"))
            return false;
    return true;
}

/* Deaths and injuries: a count of casualties of an event (metrics.tsv
 * family "casualties"). */
static bool counts_casualties(const ms_text_doc *d, const char *metric)
{
    const ms_metric *m = d->metrics ? ms_metric_find(d->metrics, metric) : NULL;
    return m && strcmp(m->family, "casualties") == 0;
}

/* The event the words around r speak of: one named ("the Crocus City Hall
 * attack"), the nearest first; else one of a kind ("a terrorist attack")
 * that happened in a country the sentence names, at a time it states. */
static const ms_event *event_of(const ms_text_doc *d, const ms_sentence *s, const ms_reading *r,
                                const ms_figure *f)
{
    enum { MAX_AROUND = 8 };
    if (!d->events || !d->events->count)
        return NULL;
    size_t from = ms_doc_first_hit_from(d, window_start(s, r->start)), to = window_end(s, r->end);
    const ms_event *named = NULL;
    const char *kind = NULL, *places[MAX_AROUND];
    long named_cost = 0;
    size_t n_places = 0;
    for (size_t i = from; i < d->n_hits && d->hits[i].start < to; i++) {
        const ms_lex_hit *h = &d->hits[i];
        if (h->cat == MS_LEX_PLACE && n_places < MAX_AROUND && !inside_subject(d, h, from))
            places[n_places++] = h->key;
        if (h->cat != MS_LEX_EVENT)
            continue;
        const ms_event *e = ms_event_find(d->events, h->key);
        long c = hit_cost(d, h->start, h->end, r);
        if (e && (!named || c < named_cost))
            named = e, named_cost = c;
        else if (!e && !kind)
            kind = h->key;
    }
    if (named || !kind)
        return named;
    ms_period periods[MAX_AROUND];
    size_t n_periods = 0;
    if (!ms_period_is_none(f->period))
        periods[n_periods++] = f->period;
    for (size_t i = ms_doc_first_period_from(d, window_start(s, r->start));
         i < d->n_periods && d->periods[i].start < to && n_periods < MAX_AROUND; i++)
        if (d->periods[i].role != MS_PERIOD_ROLE_BASE && period_usable(d, &d->periods[i]))
            periods[n_periods++] = d->periods[i].period;
    return ms_event_of_kind(d->events, kind, places, n_places, periods, n_periods);
}

void ms_rules_attribute(const ms_text_doc *d, size_t si, const ms_reading *r,
                        const ms_text_context *ctx, ms_figure *f)
{
    const ms_sentence *s = &d->sentences[si];
    f->metric = pick_metric(d, si, r, ctx);

    /* period */
    const ms_period_hit *span = governing_period(d, s, r, false, ctx);
    ms_period current = span ? span->period : ctx->period;
    f->period = current;
    f->base = ms_period_none();
    if (r->kind == MS_KIND_COUNT) {
        const ms_period_hit *own = governing_period(d, s, r, true, ctx);
        if (own && own->role == MS_PERIOD_ROLE_BASE && own->start >= r->end) {
            /* right after: "up from 3,986 a year earlier" */
            f->period = resolve_base(own, current);
        } else if (own && own->role == MS_PERIOD_ROLE_BASE && base_governs_count(d, own, r)) {
            f->period = resolve_base(own, current);
        } else if (r->bracketed_previous && !ms_period_is_none(current)) {
            f->period = ms_period_shift_years(current, -1); /* "1 233 (870)" */
        }
    } else if (is_change(r->kind)) {
        f->base = resolve_base(base_hit(d, s, r), current);
    }

    /* a period wholly after the publication date makes the figure a plan,
     * target or forecast ("could increase 2.5 times by 2030", "к 2030
     * году"): no observation of the metric, and no base year to compare */
    if (d->published != MS_DAY_NONE && !ms_period_is_none(f->period) &&
        f->period.start > d->published) {
        f->metric = "other";
        f->base = ms_period_none();
    }

    /* place */
    const ms_lex_hit *place = nearest_hit(d, s, MS_LEX_PLACE, r, f->metric, NULL);
    f->place = place ? place->key : ctx->place;

    /* the dead and injured of an event: its days, whatever the article's
     * time ("last year's attack … 144 deaths"), and its place when the
     * sentence names none */
    if (counts_casualties(d, f->metric)) {
        const ms_event *e = event_of(d, s, r, f);
        if (e) {
            f->period = e->days;
            if (!place)
                f->place = e->place;
        }
    }

    /* subject */
    long cost = 0;
    const ms_lex_hit *subj = nearest_hit(d, s, MS_LEX_SUBJECT, r, NULL, &cost);
    if (subj && cost <= SUBJECT_REACH)
        f->subject = strcmp(subj->key, "people") == 0
                         ? (counts_foreigners(f->metric) ? "foreign_citizens" : NULL)
                         : subj->key;
    else if (is_change(r->kind) && ctx->has_prev && ctx->prev_sentence == si &&
             ms_str_eq(ctx->prev_metric, f->metric))
        f->subject = ctx->prev_subject;
    else
        f->subject = counts_foreigners(f->metric) ? "foreign_citizens" : NULL;
}

bool ms_rules_first_period(const ms_text_doc *d, ms_period *out, size_t *sentence)
{
    size_t si = 0;
    for (size_t i = 0; i < d->n_periods; i++) {
        const ms_period_hit *p = &d->periods[i];
        if (p->role == MS_PERIOD_ROLE_BASE || ms_period_is_none(p->period) || !period_usable(d, p))
            continue;
        while (si < d->n_sentences && d->sentences[si].end <= p->start)
            si++;
        *out = p->period;
        *sentence = si;
        return true;
    }
    return false;
}

void ms_rules_carry(const ms_text_doc *d, size_t si, ms_text_context *ctx)
{
    const ms_sentence *s = &d->sentences[si];
    /* the first time the sentence states governs on: a later one is often
     * a comparison or a legend ("(в скобках — январь–июнь 2023 г.)") */
    for (size_t i = ms_doc_first_period_from(d, s->start); i < d->n_periods; i++) {
        const ms_period_hit *p = &d->periods[i];
        if (p->start < s->start)
            continue;
        if (p->start >= s->end)
            break;
        if (p->role != MS_PERIOD_ROLE_BASE && !ms_period_is_none(p->period) &&
            period_usable(d, p)) {
            ctx->period = p->period;
            break;
        }
    }
    size_t from = ms_doc_first_hit_from(d, s->start);
    for (size_t i = from; i < d->n_hits && d->hits[i].start < s->end; i++)
        if (d->hits[i].cat == MS_LEX_PLACE && !inside_subject(d, &d->hits[i], from))
            ctx->place = d->hits[i].key;
}
