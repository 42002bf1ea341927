/* classify.c — what a number in a sentence is: kind (count, percent
 * change, absolute change, multiplier, share), signed value, hedge and the
 * interval they allow, or why it is no figure (a year, an ordinal, a
 * document number, a price, a duration, a page counter, ...).
 * Exports the ms_rules_read_* functions of rules.h. */
#include "ingest/text/rules.h"

#include <math.h>
#include <string.h>

/* Longest distance (bytes) between a number and a change word that still
 * says which way it changed, within a clause. */
#define CHANGE_REACH 120

static bool in_period_span(const ms_text_doc *d, size_t a, size_t b)
{
    size_t lo = 0, hi = d->n_periods;
    while (lo < hi) { /* first expression ending after a */
        size_t mid = lo + (hi - lo) / 2;
        if (d->periods[mid].end <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < d->n_periods && d->periods[lo].start < b;
}

static bool overlaps_number(const ms_text_doc *d, size_t a, size_t b)
{
    for (size_t i = ms_doc_first_number_from(d, a > 256 ? a - 256 : 0); i < d->n_numbers; i++) {
        if (d->numbers[i].start >= b)
            break;
        if (d->numbers[i].end > a)
            return true;
    }
    return false;
}

int ms_rules_direction(const ms_text_doc *d, const ms_sentence *s, size_t a, size_t b)
{
    size_t from = ms_doc_first_hit_from(d, a > CHANGE_REACH ? a - CHANGE_REACH : 0);
    long best = -1;
    int dir = 0;
    for (size_t i = from; i < d->n_hits && d->hits[i].start < b + CHANGE_REACH; i++) {
        const ms_lex_hit *h = &d->hits[i];
        if (h->cat != MS_LEX_CHANGE || h->start < s->start || h->end > s->end)
            continue;
        if (h->start < b && h->end > a)
            continue; /* inside the number */
        size_t lo = h->end <= a ? h->end : b, hi = h->end <= a ? a : h->start;
        long dist = (long)(hi - lo) + 400 * (long)ms_doc_clause_breaks(d, lo, hi);
        if (dist > CHANGE_REACH)
            continue;
        if (best < 0 || dist < best) {
            best = dist;
            dir = strcmp(h->key, "down") == 0 ? -1 : 1;
        }
    }
    return dir;
}

/* End of a percent sign or word right after `pos`, or 0. */
static size_t percent_after(const ms_text_doc *d, size_t pos)
{
    const unsigned char *t = (const unsigned char *)d->text;
    size_t p = ms_doc_skip_space(d, pos);
    if (p < d->len && t[p] == '%')
        return p + 1;
    if (p + 2 < d->len && t[p] == 0xEF && t[p + 1] == 0xBC && t[p + 2] == 0x85) /* ％ */
        return p + 3;
    const ms_lex_hit *h = ms_doc_hit_starting(d, MS_LEX_PERCENT, p);
    return h ? h->end : 0;
}

/* "44 and 18 percent", "44, 18 and 12 percent": a number coordinated with
 * a later one that carries the percent sign takes it too. */
static bool coordinated_with_percent(const ms_text_doc *d, size_t i)
{
    for (size_t j = i; j + 1 < d->n_numbers; j++) {
        const ms_text_number *n = &d->numbers[j];
        size_t p = ms_doc_skip_space(d, n->end);
        if (p < d->len && d->text[p] == ',')
            p = ms_doc_skip_space(d, p + 1);
        size_t ws, we;
        if (ms_doc_word_after(d, p, &ws, &we) && ws == p &&
            ms_doc_word_is(d, ws, we, "and|и|und|or|или|oder|bzw")) {
            p = we < d->len && d->text[we] == '.' ? we + 1 : we;
            p = ms_doc_skip_space(d, p);
        }
        if (p != d->numbers[j + 1].start)
            return false;
        if (percent_after(d, d->numbers[j + 1].end))
            return true;
    }
    return false;
}

/* End of "times"/"раза"/"mal" right after `pos` (a hyphen allowed:
 * "3-fold"), or 0. */
static size_t times_after(const ms_text_doc *d, size_t pos)
{
    size_t p = ms_doc_skip_space(d, pos);
    if (p < d->len && d->text[p] == '-')
        p++;
    const ms_lex_hit *h = ms_doc_hit_starting(d, MS_LEX_TIMES, p);
    return h ? h->end : 0;
}

/* The hedge stated before `pos` (the number or cue word), looking past one
 * preposition ("почти на четверть", "more than by"): NONE if none. "до" /
 * "to" after a change verb means "to", not "up to". */
static ms_hedge hedge_before(const ms_text_doc *d, const ms_sentence *s, size_t pos,
                             size_t *hedge_start)
{
    const ms_lex_hit *h = ms_doc_hit_ending(d, MS_LEX_HEDGE, pos);
    size_t ws, we;
    if (!h && ms_doc_word_before(d, pos, &ws, &we) && ms_doc_word_is(d, ws, we, "на|by|um|в|in"))
        h = ms_doc_hit_ending(d, MS_LEX_HEDGE, ws);
    if (!h || h->start < s->start)
        return MS_HEDGE_NONE;
    /* "handed over 1,530": the word ends a metric phrase, no hedge */
    const ms_lex_hit *m = ms_doc_hit_ending(d, MS_LEX_METRIC, h->end);
    if (m && m->start < h->start && m->end == h->end)
        return MS_HEDGE_NONE;
    ms_hedge hedge;
    if (!ms_hedge_from_name(h->key, &hedge))
        return MS_HEDGE_NONE;
    if (hedge == MS_HEDGE_UP_TO && ms_doc_word_is(d, h->start, h->end, "до|to")) {
        /* "выросло в 3,1 раза — до 59,8 тыс.": after a change, a level
         * reached */
        for (size_t i = ms_doc_first_hit_from(d, h->start > s->start + 300 ? h->start - 300 : s->start);
             i < d->n_hits && d->hits[i].start < h->start; i++)
            if (d->hits[i].cat == MS_LEX_CHANGE || d->hits[i].cat == MS_LEX_MULT ||
                d->hits[i].cat == MS_LEX_TIMES)
                return MS_HEDGE_NONE;
    }
    *hedge_start = h->start;
    return hedge;
}

/* A SKIP cue of the lexicon shortly before the number ("No.", "статья",
 * "tel.", "стр.", "per"): its reason, or NULL. */
static const char *skip_cue_before(const ms_text_doc *d, const ms_sentence *s, size_t ni)
{
    size_t pos = d->numbers[ni].start;
    size_t prev_end = ni > 0 ? d->numbers[ni - 1].end : 0;
    size_t from = ms_doc_first_hit_from(d, pos > 40 ? pos - 40 : 0);
    const char *why = NULL;
    for (size_t k = from; k < d->n_hits && d->hits[k].start < pos; k++) {
        const ms_lex_hit *h = &d->hits[k];
        if (h->cat != MS_LEX_SKIP || h->start < s->start || h->end > pos)
            continue;
        if (strcmp(h->key, "donation") == 0 || strcmp(h->key, "furniture") == 0)
            continue; /* these govern a whole block: extract.c */
        /* only spaces, punctuation or one short token between */
        size_t gap = pos - h->end;
        if (gap <= 12 && prev_end <= h->end) /* the first number after it */
            why = h->key;
    }
    return why;
}

static bool word_after_is(const ms_text_doc *d, size_t pos, const char *list)
{
    size_t ws, we;
    return ms_doc_word_after(d, pos, &ws, &we) && ms_doc_word_is(d, ws, we, list);
}

static bool word_before_is(const ms_text_doc *d, size_t pos, const char *list)
{
    size_t ws, we;
    return ms_doc_word_before(d, pos, &ws, &we) && ms_doc_word_is(d, ws, we, list);
}

static const char *const money_words =
    "рублей|рубля|рубль|руб|долларов|доллара|евро|сомов|сум|тенге|гривен|dollars|dollar|"
    "euros|euro|pounds|pound|roubles|rouble|rubles|ruble|usd|eur|rub|gbp|cents|franken|"
    "сомони|somoni|tjs|сом|som|soms|лари|lari|манат|manat";
/* Counts that are not of the people a metric counts: countries, and the
 * officers who carried a raid out. */
static const char *const country_words =
    "countries|country|nations|states|стран|страны|государств|государства|länder|ländern|staaten";
static const char *const staff_words =
    "officers|policemen|agents|troops|beamte|beamten|polizisten|einsatzkräfte|einsatzkräften|"
    "полицейских|полицейские|сотрудников|силовиков|бойцов|росгвардейцев";
static const char *const duration_words =
    "years|year|months|month|days|day|hours|hour|weeks|week|minutes|minute|лет|года|год|"
    "месяцев|месяца|месяц|дней|дня|день|суток|часов|часа|недель|недели|неделю|минут|"
    "jahre|jahren|monate|monaten|tage|tagen|stunden|wochen|minuten";

/* "с 30 до 90 суток", "from 500 to 1,000 roubles": the first number of a
 * range takes the unit written after the second. */
static bool range_unit_is(const ms_text_doc *d, size_t i, const char *units)
{
    size_t ws, we;
    if (i + 1 >= d->n_numbers || !ms_doc_word_after(d, d->numbers[i].end, &ws, &we) ||
        !ms_doc_word_is(d, ws, we, "до|to|bis|and|и|und") ||
        ms_doc_skip_space(d, we) != d->numbers[i + 1].start)
        return false;
    return word_after_is(d, d->numbers[i + 1].end, units);
}

/* Money signs next to the number: $ € £ ₽. */
static bool money_sign_near(const ms_text_doc *d, size_t a, size_t b)
{
    const unsigned char *t = (const unsigned char *)d->text;
    size_t p = ms_doc_skip_space_back(d, a);
    if (p >= 1 && (t[p - 1] == '$'))
        return true;
    if (p >= 2 && t[p - 2] == 0xC2 && t[p - 1] == 0xA3) /* £ */
        return true;
    if (p >= 3 && t[p - 3] == 0xE2 && t[p - 2] == 0x82 && (t[p - 1] == 0xAC || t[p - 1] == 0xBD))
        return true; /* € ₽ */
    size_t q = ms_doc_skip_space(d, b);
    if (q + 2 < d->len && t[q] == 0xE2 && t[q + 1] == 0x82 && (t[q + 2] == 0xAC || t[q + 2] == 0xBD))
        return true;
    return false;
}

/* Do two numbers look like items of one list of codes: both with a
 * decimal part ("322.1, 322.2"), or whole numbers of as many digits ("Nos.
 * 1125 and 1126"), neither grouped nor scaled? "No. 1125, 300 foreigners"
 * is no list. */
static bool same_code_shape(const ms_text_doc *d, const ms_text_number *a, const ms_text_number *b)
{
    unsigned shape = MS_NUM_DIGITS | MS_NUM_DECIMAL | MS_NUM_GROUPED | MS_NUM_SCALED;
    if ((a->flags & shape) != (b->flags & shape) || !(a->flags & MS_NUM_DIGITS) ||
        (a->flags & (MS_NUM_GROUPED | MS_NUM_SCALED)))
        return false;
    return (a->flags & MS_NUM_DECIMAL) ||
           strspn(d->text + a->start, "0123456789") == strspn(d->text + b->start, "0123456789");
}

/* "по статьям 322.1, 322.2 и 322.3", "articles 18.8 and 18.10": a number
 * listed after one that a skip cue names, in the same shape, is named by it
 * too. Looks back over at most 8 list items, so it stays cheap. */
static const char *listed_after_skip_cue(const ms_text_doc *d, const ms_sentence *s, size_t i)
{
    for (size_t k = i, steps = 0; k > 0 && steps < 8; k--, steps++) {
        size_t a = d->numbers[k - 1].end, b = d->numbers[k].start, ws, we;
        if (a > b || d->numbers[k - 1].start < s->start)
            return NULL;
        /* the gap is ", " or a conjunction, nothing else */
        size_t p = a;
        if (p < b && d->text[p] == ',')
            p++;
        p = ms_doc_skip_space(d, p);
        if (p < b && ms_doc_word_after(d, p, &ws, &we) && ws == p &&
            ms_doc_word_is(d, ws, we, "и|and|und|или|or|oder"))
            p = ms_doc_skip_space(d, we);
        if (p != b || p == a || !same_code_shape(d, &d->numbers[k - 1], &d->numbers[k]))
            return NULL;
        const char *cue = skip_cue_before(d, s, k - 1);
        if (cue)
            return cue;
    }
    return NULL;
}

/* "1 of 12", "стр. 1 из 4", "Seite 2 von 5": page and photo counters. */
static bool is_counter(const ms_text_doc *d, const ms_text_number *n, size_t i)
{
    if (!(n->flags & MS_NUM_DIGITS) || (n->flags & (MS_NUM_GROUPED | MS_NUM_DECIMAL | MS_NUM_SCALED)))
        return false;
    size_t ws, we;
    if (ms_doc_word_after(d, n->end, &ws, &we) && ms_doc_word_is(d, ws, we, "of|из|von") &&
        i + 1 < d->n_numbers && ms_doc_skip_space(d, we) == d->numbers[i + 1].start &&
        d->numbers[i + 1].value >= n->value && d->numbers[i + 1].value < 1000 &&
        !(d->numbers[i + 1].flags & (MS_NUM_GROUPED | MS_NUM_SCALED)))
        return true;
    if (ms_doc_word_before(d, n->start, &ws, &we) && ms_doc_word_is(d, ws, we, "of|из|von") &&
        i > 0 && ms_doc_skip_space(d, d->numbers[i - 1].end) == ws &&
        d->numbers[i - 1].value <= n->value && n->value < 1000 &&
        (d->numbers[i - 1].flags & MS_NUM_DIGITS))
        return true;
    return false;
}

static bool is_year(const ms_text_number *n)
{
    return (n->flags & MS_NUM_DIGITS) &&
           !(n->flags & (MS_NUM_GROUPED | MS_NUM_DECIMAL | MS_NUM_SCALED | MS_NUM_NEGATIVE)) &&
           n->value >= 1900 && n->value <= 2100 && n->end - n->start == 4;
}

/* A clock time or a score: "10:30", "3:1". */
static bool is_clock(const ms_text_doc *d, const ms_text_number *n)
{
    const char *t = d->text;
    bool colon_after = n->end + 1 < d->len && t[n->end] == ':' && t[n->end + 1] >= '0' && t[n->end + 1] <= '9';
    bool colon_before = n->start >= 2 && t[n->start - 1] == ':' && t[n->start - 2] >= '0' && t[n->start - 2] <= '9';
    return colon_after || colon_before;
}

/* Glued to a link, a code or a slash: "24/7", "id=48213", "/2024/". */
static bool in_code(const ms_text_doc *d, const ms_text_number *n)
{
    const char *t = d->text;
    char before = n->start > 0 ? t[n->start - 1] : ' ';
    char after = n->end < d->len ? t[n->end] : ' ';
    return before == '/' || before == '=' || before == '_' || before == '#' || before == '@' ||
           after == '/' || after == '_' || after == '@';
}

/* "8 800 555 3535", "+7 495 123": numbers with only spaces between are
 * a phone number or a code, not figures. */
static bool joined_like_phone(const ms_text_doc *d, size_t a, size_t b)
{
    /* only spaces, brackets and hyphens from a to b, and at least one */
    size_t k = a;
    for (;;) {
        k = ms_doc_skip_space(d, k);
        if (k < b && (d->text[k] == '(' || d->text[k] == ')' || d->text[k] == '-'))
            k++;
        else
            break;
    }
    return k == b;
}

static bool in_number_run(const ms_text_doc *d, size_t i)
{
    const ms_text_number *n = &d->numbers[i];
    if (!(n->flags & MS_NUM_DIGITS))
        return false;
    if (i > 0 && (d->numbers[i - 1].flags & MS_NUM_DIGITS) &&
        joined_like_phone(d, d->numbers[i - 1].end, n->start) &&
        !(d->text[n->start - 1] == '(' && d->text[n->end] == ')' &&
          d->numbers[i - 1].end + 1 < n->start))
        return true;
    if (i + 1 < d->n_numbers && (d->numbers[i + 1].flags & MS_NUM_DIGITS) &&
        joined_like_phone(d, n->end, d->numbers[i + 1].start)) {
        const ms_text_number *m = &d->numbers[i + 1];
        /* "1 233 (870)" is a value and last year's, not a phone */
        bool bracketed_value = d->text[m->start - 1] == '(' && m->end < d->len &&
                               d->text[m->end] == ')' && n->end + 1 < m->start;
        return !bracketed_value;
    }
    return false;
}

/* A metric word close to [a, b) in its clause ("задержаны пятеро"). */
static bool metric_next_to(const ms_text_doc *d, size_t a, size_t b)
{
    size_t from = ms_doc_first_hit_from(d, a > 40 ? a - 40 : 0);
    for (size_t k = from; k < d->n_hits && d->hits[k].start < b + 40; k++) {
        const ms_lex_hit *h = &d->hits[k];
        if (h->cat != MS_LEX_METRIC)
            continue;
        size_t lo = h->end <= a ? h->end : b, hi = h->end <= a ? a : h->start;
        if (hi >= lo && hi - lo <= 12 && ms_doc_clause_breaks(d, lo, hi) == 0)
            return true;
    }
    return false;
}

/* "1 233 (870)": a bracketed number right after a number of the same
 * line: the previous period's value of a table-like line. */
static bool bracketed_after_number(const ms_text_doc *d, size_t i)
{
    const ms_text_number *n = &d->numbers[i];
    if (i == 0 || n->start == 0 || d->text[n->start - 1] != '(')
        return false;
    if (n->end >= d->len || d->text[n->end] != ')')
        return false;
    size_t p = ms_doc_skip_space_back(d, n->start - 1);
    return p == d->numbers[i - 1].end;
}

bool ms_rules_read_number(const ms_text_doc *d, const ms_sentence *s, size_t i,
                          ms_reading *out, const char **why)
{
    const ms_text_number *n = &d->numbers[i];
    memset(out, 0, sizeof *out);
    out->num_start = out->start = n->start;
    out->num_end = out->end = n->end;
    out->value = n->value;
    out->rounding = n->rounding > 0 ? n->rounding : 1;

    if (in_period_span(d, n->start, n->end))
        return *why = "part of a time expression", false;
    if (n->flags & MS_NUM_ORDINAL)
        return *why = "an ordinal", false;
    if (n->flags & MS_NUM_SUFFIXED)
        return *why = "part of a word, code or age", false;
    if (is_clock(d, n))
        return *why = "a clock time", false;
    if (in_code(d, n))
        return *why = "part of a link or code", false;
    const char *cue = skip_cue_before(d, s, i);
    if (!cue)
        cue = listed_after_skip_cue(d, s, i);
    if (cue)
        return *why = cue, false;
    if (word_before_is(d, n->start, "per|pro|je"))
        return *why = "a rate's denominator", false;
    if (in_number_run(d, i))
        return *why = "part of a phone number or code", false;
    if (is_counter(d, n, i))
        return *why = "a page or photo counter", false;
    /* the word right after the number, read once for the unit tests */
    size_t aws = 0, awe = 0;
    bool after = ms_doc_word_after(d, n->end, &aws, &awe);
#define AFTER_IS(list) (after && ms_doc_word_is(d, aws, awe, list))
    if (money_sign_near(d, n->start, n->end) || AFTER_IS(money_words) ||
        range_unit_is(d, i, money_words))
        return *why = "an amount of money", false;
    if (AFTER_IS(country_words))
        return *why = "a count of countries", false;
    if (AFTER_IS(staff_words))
        return *why = "the officers, not the people counted", false;

    size_t pct_end = percent_after(d, n->end);
    if (!pct_end && coordinated_with_percent(d, i))
        pct_end = n->end;
    size_t times_end = pct_end ? 0 : times_after(d, n->end);
    if (!pct_end && !times_end) {
        if (is_year(n))
            return *why = "a year", false;
        if (AFTER_IS(duration_words) || range_unit_is(d, i, duration_words))
            return *why = "a duration", false;
        if ((n->flags & MS_NUM_SMALL_WORD) && !(n->flags & MS_NUM_SCALED) &&
            !ms_doc_word_is(d, n->start, n->end,
                            "двое|трое|четверо|пятеро|шестеро|семеро|двоих|троих|четверых|"
                            "пятерых|шестерых|семерых") &&
            !metric_next_to(d, n->start, n->end))
            return *why = "a small number word", false;
    }

    size_t hedge_start = n->start;
    out->hedge = hedge_before(d, s, n->start, &hedge_start);
    out->start = hedge_start;
    if (n->flags & MS_NUM_VAGUE) {
        out->vague = true;
        out->vague_hi = n->vague_hi;
        out->hedge = MS_HEDGE_AT_LEAST;
    }
    bool signed_num = (n->flags & (MS_NUM_NEGATIVE | MS_NUM_PLUS)) != 0;
    bool by_word = word_before_is(d, n->start, "на|by|um");

    if (pct_end) {
        out->end = pct_end;
        int dir = ms_rules_direction(d, s, n->start, pct_end);
        out->direction = dir;
        bool share = false;
        size_t from = ms_doc_first_hit_from(d, n->start > s->start + 300 ? n->start - 300 : s->start);
        for (size_t k = from; k < d->n_hits && d->hits[k].start < n->start; k++)
            if (d->hits[k].cat == MS_LEX_SHARE && ms_doc_clause_breaks(d, d->hits[k].end, n->start) == 0)
                share = true;
        if (!by_word && !signed_num && word_after_is(d, pct_end, "of|от|из|der|des|aller"))
            share = true;
        if (share && !by_word && !signed_num) {
            out->kind = MS_KIND_SHARE;
        } else if (dir != 0 || by_word || signed_num) {
            out->kind = MS_KIND_PCT_CHANGE;
            if (dir < 0 && out->value > 0)
                out->value = -out->value;
        } else {
            out->kind = MS_KIND_SHARE;
        }
        return true;
    }
    if (times_end) {
        out->end = times_end;
        out->kind = MS_KIND_MULTIPLIER;
        int dir = ms_rules_direction(d, s, n->start, times_end);
        out->direction = dir;
        if (dir < 0 && n->value > 1) {
            out->divisor = n->value;
            out->value = 1.0 / n->value;
        }
        return true;
    }
 /* a rate: "92 orders to leave per 100 000 inhabitants" */
    for (size_t k = i + 1; k < d->n_numbers && d->numbers[k].start < s->end; k++) {
        if (ms_doc_clause_breaks(d, n->end, d->numbers[k].start) > 0 ||
            d->numbers[k].start - n->end > 80)
            break;
        if (word_before_is(d, d->numbers[k].start, "per|pro|je")) {
            out->kind = MS_KIND_RATIO;
            return true;
        }
    }
    /* an absolute change: "24,000 more than", "на 93,8 тыс. больше",
     * "rose by 24,000", "выросло на 37,5 тыс." */
    const ms_lex_hit *right = ms_doc_hit_starting(d, MS_LEX_CHANGE, n->end);
    bool than_follows = false;
    if (right) {
        size_t ws, we, at = right->end;
        for (int k = 0; k < 4 && ms_doc_word_after(d, at, &ws, &we) && ws < s->end; k++, at = we)
            if (ms_doc_word_is(d, ws, we, "than|чем|als"))
                than_follows = true;
    }
    bool russian_na = word_before_is(d, n->start, "на");
    if (right && (than_follows || russian_na || d->lang != MS_LANG_EN) &&
        ms_doc_word_is(d, right->start, right->end, "more|fewer|less|больше|меньше|mehr|weniger")) {
        out->kind = MS_KIND_ABS_CHANGE;
        out->direction = strcmp(right->key, "down") == 0 ? -1 : 1;
        out->end = right->end;
    } else if (by_word && (out->direction = ms_rules_direction(d, s, n->start, n->end)) != 0) {
        out->kind = MS_KIND_ABS_CHANGE;
    } else {
        out->kind = MS_KIND_COUNT;
        out->direction = 0;
        out->bracketed_previous = bracketed_after_number(d, i);
        if (out->value < 0)
            out->value = -out->value; /* a dash before a count is a list dash */
        return true;
    }
    if (out->direction < 0 && out->value > 0)
        out->value = -out->value;
    return true;
}
#undef AFTER_IS

bool ms_rules_read_cue(const ms_text_doc *d, const ms_sentence *s, const ms_lex_hit *h,
                       ms_reading *out)
{
    memset(out, 0, sizeof *out);
    if (h->cat != MS_LEX_MULT && h->cat != MS_LEX_FRACTION)
        return false;
    if (in_period_span(d, h->start, h->end) || overlaps_number(d, h->start, h->end))
        return false;
    out->num_start = out->start = h->start;
    out->num_end = out->end = h->end;
    out->rounding = 0;
    size_t hedge_start = h->start;
    out->hedge = hedge_before(d, s, h->start, &hedge_start);
    out->start = hedge_start;
    int dir = ms_rules_direction(d, s, h->start, h->end);
    out->direction = dir;
    if (h->cat == MS_LEX_MULT) {
        out->kind = MS_KIND_MULTIPLIER;
        if (h->number < 1 && h->number > 0) {
            out->divisor = 1.0 / h->number;
            out->value = h->number;
        } else if (dir < 0 && h->number > 1) {
            out->divisor = h->number;
            out->value = 1.0 / h->number;
        } else {
            out->value = h->number;
        }
        return true;
    }
    /* a fraction: a change ("на треть больше", "a rise of a third") or a
     * share ("a quarter of", "почти половина") */
    bool by_word = word_before_is(d, out->start, "на|by|um|of") ||
                   word_before_is(d, h->start, "на|by|um");
    size_t ows, owe;
    bool ends_with_of = ms_doc_word_before(d, h->end, &ows, &owe) && ms_doc_word_is(d, ows, owe, "of");
    if (d->lang == MS_LANG_EN && !by_word && !ends_with_of && !word_after_is(d, h->end, "of")) {
        /* "a third country", "a half-day": not a fraction of anything */
        size_t p = ms_doc_skip_space(d, h->end);
        if (p < d->len && d->text[p] != '.' && d->text[p] != ',' && d->text[p] != ';')
            return false;
    }
    if (by_word && dir != 0) {
        out->kind = MS_KIND_PCT_CHANGE;
        out->value = dir < 0 ? -h->number : h->number;
    } else {
        out->kind = MS_KIND_SHARE;
        out->value = h->number;
    }
    return true;
}

void ms_rules_apply_reading(const ms_reading *r, ms_figure *f)
{
    f->kind = r->kind;
    f->value = r->value;
    f->hedge = r->hedge;
    if (r->vague) {
        f->range = ms_interval_make(r->value, false, r->vague_hi, false);
    } else if (r->divisor > 0) {
        /* the hedge bounds the divisor: "nearly halved" = divided by
         * [1.8, 2) -> (0.5, 0.556] */
        ms_interval div = ms_hedge_interval(r->divisor, r->rounding, r->hedge);
        f->range = ms_interval_make(1.0 / div.hi, div.hi_open, 1.0 / div.lo, div.lo_open);
    } else if (r->rounding == 0 && r->hedge == MS_HEDGE_NONE) {
        f->range = ms_interval_point(r->value);
    } else {
        f->range = ms_hedge_interval(r->value, r->rounding, r->hedge);
    }
}
