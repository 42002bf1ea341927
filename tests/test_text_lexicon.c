/* test_text_lexicon.c — the shipped lexicons load cleanly and match across
 * inflections, prefixes, exact words, multiword and gap phrases; longest
 * match per category; exact byte offsets in messy text; errors of a bad
 * lexicon file as file:line:column; random bytes. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/metric.h"
#include "diag_text.h"
#include "ingest/text/lexicon.h"
#include "tmpdir.h"

#define MAX_HITS 256

typedef struct hits {
    const char *text;
    size_t n;
    ms_lex_hit h[MAX_HITS];
} hits;

static ms_lexicon *load(ms_lang lang)
{
    ms_diag d;
    ms_diag_init(&d);
    ms_lexicon *lex = NULL;
    ms_status st = ms_lexicon_load_default(lang, &lex, &d);
    diag_log_all(&d);
    cr_assert_eq(st, MS_OK, "lexicon_%s.tsv does not load", ms_lang_name(lang));
    cr_assert_eq(d.count, 0, "lexicon_%s.tsv: %zu diagnostics", ms_lang_name(lang), d.count);
    ms_diag_free(&d);
    return lex;
}

static hits run(ms_lexicon *lex, const char *text)
{
    hits hs;
    hs.text = text;
    hs.n = ms_lexicon_match(lex, text, strlen(text), hs.h, MAX_HITS);
    cr_assert_leq(hs.n, MAX_HITS);
    return hs;
}

/* The first hit of a category and key, or NULL. */
static const ms_lex_hit *find(const hits *hs, ms_lex_cat cat, const char *key)
{
    for (size_t i = 0; i < hs->n; i++)
        if (hs->h[i].cat == cat && (!key || strcmp(hs->h[i].key, key) == 0))
            return &hs->h[i];
    return NULL;
}

/* The first hit of a category and key, which must be there. */
static ms_lex_hit get(const hits *hs, ms_lex_cat cat, const char *key)
{
    const ms_lex_hit *h = find(hs, cat, key);
    ms_lex_hit none = {0, 0, MS_LEX_CAT_COUNT_, "", 0};
    cr_assert_not_null(h, "'%s': no %s:%s", hs->text, ms_lex_cat_name(cat), key ? key : "*");
    return h ? *h : none;
}

/* Asserts a hit of cat/key covering exactly the text `span`. */
static void expect(ms_lexicon *lex, const char *text, ms_lex_cat cat, const char *key,
                   const char *span)
{
    hits hs = run(lex, text);
    for (size_t i = 0; i < hs.n; i++) {
        const ms_lex_hit *h = &hs.h[i];
        if (h->cat == cat && strcmp(h->key, key) == 0 && h->end - h->start == strlen(span) &&
            memcmp(text + h->start, span, strlen(span)) == 0)
            return;
    }
    for (size_t i = 0; i < hs.n; i++)
        cr_log_info("hit %s:%s '%.*s'", ms_lex_cat_name(hs.h[i].cat), hs.h[i].key,
                    (int)(hs.h[i].end - hs.h[i].start), text + hs.h[i].start);
    cr_assert_fail("'%s': no %s:%s on '%s'", text, ms_lex_cat_name(cat), key, span);
}

static void expect_none(ms_lexicon *lex, const char *text, ms_lex_cat cat, const char *key)
{
    hits hs = run(lex, text);
    const ms_lex_hit *h = find(&hs, cat, key);
    cr_assert_null(h, "'%s': unexpected %s:%s on '%.*s'", text, ms_lex_cat_name(cat),
                   key ? key : "*", h ? (int)(h->end - h->start) : 0, h ? text + h->start : "");
}

/* ---- the shipped lexicons ---- */

Test(lexicon, shipped_lexicons_load_without_diagnostics)
{
    for (int l = 0; l < MS_LANG_COUNT_; l++) {
        ms_lexicon *lex = load((ms_lang)l);
        cr_assert_eq(ms_lexicon_lang(lex), (ms_lang)l);
        cr_assert_geq(ms_lexicon_count(lex, MS_LEX_METRIC), 150, "%s", ms_lang_name((ms_lang)l));
        cr_assert_geq(ms_lexicon_count(lex, MS_LEX_PLACE), 150);
        cr_assert_geq(ms_lexicon_count(lex, MS_LEX_SUBJECT), 500);
        cr_assert_geq(ms_lexicon_count(lex, MS_LEX_HEDGE), 30);
        cr_assert_geq(ms_lexicon_count(lex, MS_LEX_CHANGE), 30);
        for (int c = 0; c < MS_LEX_CAT_COUNT_; c++)
            cr_assert_gt(ms_lexicon_count(lex, (ms_lex_cat)c), 0, "%s: no %s",
                         ms_lang_name((ms_lang)l), ms_lex_cat_name((ms_lex_cat)c));
        ms_lexicon_free(lex);
    }
}

Test(lexicon, every_metric_of_the_conventions_is_in_the_registry_and_the_lexicons)
{
    static const char *const metrics[] = {
        "entry_denials", "entry_bans", "deportations", "expulsions", "forced_departures",
        "readmissions", "residence_permits_temporary", "residence_permits_permanent",
        "work_patents", "citizenship_revocations", "detentions", "raids", "migrants_checked",
        "offenses", "criminal_cases", "deaths", "injuries", "organized_recruitment"};
    char path[4096];
    snprintf(path, sizeof path, "%s/metrics.tsv", ms_data_dir());
    ms_metric_registry reg;
    ms_metric_registry_init(&reg);
    ms_diag d;
    ms_diag_init(&d);
    cr_assert_eq(ms_metric_registry_load(&reg, path, &d), MS_OK);
    for (size_t i = 0; i < sizeof metrics / sizeof *metrics; i++)
        cr_assert_not_null(ms_metric_find(&reg, metrics[i]), "%s", metrics[i]);
    ms_metric_registry_free(&reg);
    ms_diag_free(&d);
    /* Each language names each metric at least once (German has no word
     * for work patents or organised recruitment of its own). */
    static const char *const en[] = {
        "denied entry", "banned from entering", "deported", "expelled", "enforced returns",
        "readmission", "temporary residence permits", "permanent residence permits",
        "work patents", "stripped of citizenship", "detained", "raids", "checked",
        "violations", "criminal cases", "died", "injured", "organised labour recruitment"};
    static const char *const ru[] = {
        "отказано во въезде", "закрыт въезд", "депортированы", "выдворены", "выслано",
        "реадмиссии", "разрешений на временное проживание", "вид на жительство", "патентов",
        "лишены гражданства", "задержаны", "рейдов", "проверено", "нарушений",
        "уголовных дел", "погибли", "пострадали", "оргнабор"};
    ms_lexicon *lex_en = load(MS_LANG_EN), *lex_ru = load(MS_LANG_RU);
    for (size_t i = 0; i < sizeof metrics / sizeof *metrics; i++) {
        expect(lex_en, en[i], MS_LEX_METRIC, metrics[i], en[i]);
        expect(lex_ru, ru[i], MS_LEX_METRIC, metrics[i], ru[i]);
    }
    ms_lexicon_free(lex_en);
    ms_lexicon_free(lex_ru);
}

/* ---- stems, prefixes, exact words ---- */

Test(lexicon, russian_inflections_share_an_entry)
{
    ms_lexicon *lex = load(MS_LANG_RU);
    static const char *const forms[] = {"выдворен", "выдворено", "выдворения", "выдворенных",
                                        "выдворили", "Выдворение"};
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
        expect(lex, forms[i], MS_LEX_METRIC, "expulsions", forms[i]);
    static const char *const tj[] = {"таджикистанцы", "таджикистанцев", "таджиков",
                                     "граждан Таджикистана", "гражданам Таджикистана",
                                     "уроженцы Таджикистана", "выходцев из Таджикистана"};
    for (size_t i = 0; i < sizeof tj / sizeof *tj; i++)
        expect(lex, tj[i], MS_LEX_SUBJECT, "TJ", tj[i]);
    ms_lexicon_free(lex);
}

Test(lexicon, english_and_german_inflections)
{
    ms_lexicon *en = load(MS_LANG_EN), *de = load(MS_LANG_DE);
    expect(en, "deported", MS_LEX_METRIC, "deportations", "deported");
    expect(en, "the deportation of", MS_LEX_METRIC, "deportations", "deportation");
    expect(en, "Deportations rose", MS_LEX_METRIC, "deportations", "Deportations");
    expect(en, "were refused entry", MS_LEX_METRIC, "entry_denials", "refused entry");
    expect(en, "an entry ban", MS_LEX_METRIC, "entry_bans", "entry ban");
    expect(en, "entry bans", MS_LEX_METRIC, "entry_bans", "entry bans");
    expect(de, "Abschiebungen", MS_LEX_METRIC, "deportations", "Abschiebungen");
    expect(de, "abgeschoben", MS_LEX_METRIC, "deportations", "abgeschoben");
    expect(de, "Zurückweisungen", MS_LEX_METRIC, "entry_denials", "Zurückweisungen");
    expect(de, "eine Einreisesperre", MS_LEX_METRIC, "entry_bans", "Einreisesperre");
    expect(de, "ums Leben gekommen", MS_LEX_METRIC, "deaths", "ums Leben gekommen");
    ms_lexicon_free(en);
    ms_lexicon_free(de);
}

Test(lexicon, prefix_words_match_any_ending_without_stemming)
{
    ms_lexicon *ru = load(MS_LANG_RU), *de = load(MS_LANG_DE);
    expect(ru, "провели 40 рейдов", MS_LEX_METRIC, "raids", "рейдов");
    expect(ru, "рейдовые мероприятия", MS_LEX_METRIC, "raids", "рейдовые мероприятия");
    expect(de, "bei Razzien", MS_LEX_METRIC, "raids", "Razzien");
    expect(ru, "в Санкт-Петербурге", MS_LEX_PLACE, "RU-SPE", "Санкт-Петербурге");
    expect_none(ru, "выдать", MS_LEX_METRIC, "expulsions");
    ms_lexicon_free(ru);
    ms_lexicon_free(de);
}

Test(lexicon, exact_words_do_not_stem)
{
    ms_lexicon *ru = load(MS_LANG_RU), *en = load(MS_LANG_EN);
    expect(ru, "до 300 человек", MS_LEX_HEDGE, "up_to", "до");
    expect(ru, "ДО 300", MS_LEX_HEDGE, "up_to", "ДО");
    expect_none(ru, "дом и дорога", MS_LEX_HEDGE, "up_to");
    expect(en, "up 55%", MS_LEX_CHANGE, "up", "up");
    expect(ru, "на треть больше", MS_LEX_FRACTION, "33.33", "треть");
    expect_none(ru, "в третьем квартале", MS_LEX_FRACTION, NULL);
    ms_lexicon_free(ru);
    ms_lexicon_free(en);
}

/* ---- phrases ---- */

Test(lexicon, multiword_phrases_with_inflected_words)
{
    ms_lexicon *ru = load(MS_LANG_RU), *en = load(MS_LANG_EN);
    expect(ru, "Вид на жительство получили", MS_LEX_METRIC, "residence_permits_permanent",
           "Вид на жительство");
    expect(ru, "видов на жительство", MS_LEX_METRIC, "residence_permits_permanent",
           "видов на жительство");
    expect(ru, "разрешений на временное проживание", MS_LEX_METRIC,
           "residence_permits_temporary", "разрешений на временное проживание");
    expect(ru, "отказали во въезде", MS_LEX_METRIC, "entry_denials", "отказали во въезде");
    expect(en, "were not allowed to enter Finland", MS_LEX_METRIC, "entry_denials",
           "not allowed to enter");
    expect(en, "third-country nationals", MS_LEX_SUBJECT, "foreign_citizens",
           "third-country nationals");
    ms_lexicon_free(ru);
    ms_lexicon_free(en);
}

Test(lexicon, gaps_skip_up_to_three_words)
{
    ms_lexicon *en = load(MS_LANG_EN);
    expect(en, "border guards denied them entry", MS_LEX_METRIC, "entry_denials",
           "denied them entry");
    expect(en, "turned the migrants away", MS_LEX_METRIC, "entry_denials",
           "turned the migrants away");
    expect(en, "denied all those travellers entry", MS_LEX_METRIC, "entry_denials",
           "denied all those travellers entry");
    expect_none(en, "denied that one of the new travellers had entry", MS_LEX_METRIC,
                "entry_denials");
    expect_none(en, "they were denied.\n\nEntry", MS_LEX_METRIC, "entry_denials");
    ms_lexicon_free(en);
}

Test(lexicon, longest_match_wins_within_a_category)
{
    ms_lexicon *en = load(MS_LANG_EN), *ru = load(MS_LANG_RU);
    expect(en, "in Moscow last week", MS_LEX_PLACE, "RU-MOW", "Moscow");
    expect(en, "in the Moscow oblast", MS_LEX_PLACE, "RU-MOS", "Moscow oblast");
    expect(en, "in Moscow and the Moscow region", MS_LEX_PLACE, "RU",
           "Moscow and the Moscow region");
    expect(ru, "в Москве", MS_LEX_PLACE, "RU-MOW", "Москве");
    expect(ru, "в Подмосковье", MS_LEX_PLACE, "RU-MOS", "Подмосковье");
    expect(ru, "по Московской области", MS_LEX_PLACE, "RU-MOS", "Московской области");
    expect(ru, "Москва и Подмосковье", MS_LEX_PLACE, "RU", "Москва и Подмосковье");
    /* one hit: the shorter places inside the long one are not reported */
    hits hs = run(ru, "Москва и Подмосковье");
    size_t places = 0;
    for (size_t i = 0; i < hs.n; i++)
        places += hs.h[i].cat == MS_LEX_PLACE;
    cr_assert_eq(places, 1);
    expect(ru, "чуть менее 500", MS_LEX_HEDGE, "nearly", "чуть менее");
    expect(en, "just over 500", MS_LEX_HEDGE, "more_than", "just over");
    ms_lexicon_free(en);
    ms_lexicon_free(ru);
}

Test(lexicon, categories_overlap)
{
    ms_lexicon *ru = load(MS_LANG_RU), *de = load(MS_LANG_DE);
    hits hs = run(ru, "больше 19 тыс.");
    ms_lex_hit h = get(&hs, MS_LEX_HEDGE, "more_than");
    ms_lex_hit c = get(&hs, MS_LEX_CHANGE, "up");
    cr_assert_eq(h.start, c.start);
    cr_assert_eq(h.end, c.end);
    cr_assert(hs.h[0].cat == MS_LEX_HEDGE && hs.h[1].cat == MS_LEX_CHANGE,
              "sorted by start, then category");
    hs = run(de, "Die Zahl hat sich verdoppelt");
    cr_assert_not_null(find(&hs, MS_LEX_MULT, "2"));
    cr_assert_not_null(find(&hs, MS_LEX_CHANGE, "up"));
    ms_lexicon_free(ru);
    ms_lexicon_free(de);
}

Test(lexicon, numbers_of_multipliers_and_fractions)
{
    ms_lexicon *en = load(MS_LANG_EN), *ru = load(MS_LANG_RU), *de = load(MS_LANG_DE);
    struct {
        ms_lexicon *lex;
        const char *text;
        ms_lex_cat cat;
        double number;
    } cases[] = {
        {en, "doubled", MS_LEX_MULT, 2},           {en, "halved", MS_LEX_MULT, 0.5},
        {en, "threefold", MS_LEX_MULT, 3},         {en, "a quarter of", MS_LEX_FRACTION, 25},
        {en, "two thirds", MS_LEX_FRACTION, 66.67}, {ru, "вдвое", MS_LEX_MULT, 2},
        {ru, "втрое", MS_LEX_MULT, 3},              {ru, "в полтора раза", MS_LEX_MULT, 1.5},
        {ru, "четверть", MS_LEX_FRACTION, 25},      {ru, "почти половина", MS_LEX_FRACTION, 50},
        {ru, "две трети", MS_LEX_FRACTION, 66.67},  {de, "halbiert", MS_LEX_MULT, 0.5},
        {de, "verdreifacht", MS_LEX_MULT, 3},       {de, "ein Drittel", MS_LEX_FRACTION, 33.33},
        {de, "die Hälfte", MS_LEX_FRACTION, 50},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        hits hs = run(cases[i].lex, cases[i].text);
        ms_lex_hit h = get(&hs, cases[i].cat, NULL);
        cr_assert_float_eq(h.number, cases[i].number, 1e-9, "%s", cases[i].text);
    }
    hits hs = run(en, "percent");
    cr_assert_float_eq(get(&hs, MS_LEX_PERCENT, "-").number, 0.0, 1e-12);
    ms_lexicon_free(en);
    ms_lexicon_free(ru);
    ms_lexicon_free(de);
}

Test(lexicon, hedges_of_the_conventions)
{
    ms_lexicon *lex[3] = {load(MS_LANG_EN), load(MS_LANG_RU), load(MS_LANG_DE)};
    static const struct {
        int lang;
        const char *text, *key;
    } cases[] = {
        {0, "more than", "more_than"}, {0, "over", "more_than"},
        {0, "upwards of", "more_than"}, {0, "at least", "at_least"},
        {0, "nearly", "nearly"},       {0, "just under", "nearly"},
        {0, "close to", "nearly"},     {0, "roughly", "about"},
        {0, "some", "about"},          {0, "fewer than", "less_than"},
        {0, "up to", "up_to"},         {0, "as many as", "up_to"},
        {1, "более", "more_than"},     {1, "свыше", "more_than"},
        {1, "более чем", "more_than"}, {1, "не менее", "at_least"},
        {1, "по меньшей мере", "at_least"}, {1, "как минимум", "at_least"},
        {1, "почти", "nearly"},        {1, "без малого", "nearly"},
        {1, "около", "about"},         {1, "порядка", "about"},
        {1, "примерно", "about"},      {1, "приблизительно", "about"},
        {1, "менее", "less_than"},     {2, "über", "more_than"},
        {2, "mehr als", "more_than"},  {2, "gut", "more_than"},
        {2, "mindestens", "at_least"}, {2, "fast", "nearly"},
        {2, "knapp", "nearly"},        {2, "rund", "about"},
        {2, "etwa", "about"},          {2, "ungefähr", "about"},
        {2, "weniger als", "less_than"}, {2, "bis zu", "up_to"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        expect(lex[cases[i].lang], cases[i].text, MS_LEX_HEDGE, cases[i].key, cases[i].text);
    for (int l = 0; l < 3; l++)
        ms_lexicon_free(lex[l]);
}

Test(lexicon, changes_and_percent_words)
{
    ms_lexicon *en = load(MS_LANG_EN), *ru = load(MS_LANG_RU), *de = load(MS_LANG_DE);
    expect(en, "rose by 12", MS_LEX_CHANGE, "up", "rose");
    expect(en, "has risen", MS_LEX_CHANGE, "up", "risen");
    expect(en, "fell by 8 per cent", MS_LEX_CHANGE, "down", "fell");
    expect(en, "fell by 8 per cent", MS_LEX_PERCENT, "-", "per cent");
    expect(en, "a 61 percent rise", MS_LEX_CHANGE, "up", "rise");
    expect(ru, "снизилось на 18 процентов", MS_LEX_CHANGE, "down", "снизилось");
    expect(ru, "снизилось на 18 процентов", MS_LEX_PERCENT, "-", "процентов");
    expect(ru, "выросло на 12,5%", MS_LEX_CHANGE, "up", "выросло");
    expect(ru, "выросло на 12,5%", MS_LEX_PERCENT, "-", "%");
    expect(ru, "в 3,1 раза", MS_LEX_TIMES, "-", "раза");
    expect(de, "um 12 Prozent gestiegen", MS_LEX_CHANGE, "up", "gestiegen");
    expect(de, "ein Rückgang", MS_LEX_CHANGE, "down", "Rückgang");
    expect(de, "um 12 Prozent", MS_LEX_PERCENT, "-", "Prozent");
    ms_lexicon_free(en);
    ms_lexicon_free(ru);
    ms_lexicon_free(de);
}

Test(lexicon, places_and_subjects)
{
    ms_lexicon *en = load(MS_LANG_EN), *ru = load(MS_LANG_RU), *de = load(MS_LANG_DE);
    expect(en, "the U.S. deported", MS_LEX_PLACE, "US", "U.S.");
    expect(en, "in the United Kingdom", MS_LEX_PLACE, "GB", "United Kingdom");
    expect(en, "in Bavaria", MS_LEX_PLACE, "DE-BY", "Bavaria");
    expect(en, "at Vnukovo airport", MS_LEX_PLACE, "RU-MOW", "Vnukovo");
    expect(en, "St. Petersburg", MS_LEX_PLACE, "RU-SPE", "St. Petersburg");
    expect(en, "Kyrgyz citizens", MS_LEX_SUBJECT, "KG", "Kyrgyz citizens");
    expect(en, "Uzbeks", MS_LEX_SUBJECT, "UZ", "Uzbeks");
    expect(en, "foreign nationals", MS_LEX_SUBJECT, "foreign_citizens", "foreign nationals");
    expect(ru, "из России", MS_LEX_PLACE, "RU", "России");
    expect(ru, "за пределы РФ", MS_LEX_PLACE, "RU", "РФ");
    expect(ru, "в Российскую Федерацию", MS_LEX_PLACE, "RU", "Российскую Федерацию");
    expect(ru, "в Свердловской области", MS_LEX_PLACE, "RU-SVE", "Свердловской области");
    expect(ru, "граждан Киргизии", MS_LEX_SUBJECT, "KG", "граждан Киргизии");
    expect(ru, "кыргызстанцев", MS_LEX_SUBJECT, "KG", "кыргызстанцев");
    expect(ru, "иностранных граждан", MS_LEX_SUBJECT, "foreign_citizens", "иностранных граждан");
    expect(ru, "64 россиянина", MS_LEX_SUBJECT, "RU", "россиянина");
    expect(de, "in Deutschland", MS_LEX_PLACE, "DE", "Deutschland");
    expect(de, "in Nordrhein-Westfalen", MS_LEX_PLACE, "DE-NW", "Nordrhein-Westfalen");
    expect(de, "türkischen Staatsangehörigen", MS_LEX_SUBJECT, "TR", "türkischen");
    expect(de, "Afghanen", MS_LEX_SUBJECT, "AF", "Afghanen");
    expect_none(de, "41 Personen", MS_LEX_SUBJECT, NULL);
    ms_lexicon_free(en);
    ms_lexicon_free(ru);
    ms_lexicon_free(de);
}

Test(lexicon, skip_contexts)
{
    ms_lexicon *en = load(MS_LANG_EN), *ru = load(MS_LANG_RU), *de = load(MS_LANG_DE);
    expect(ru, "№ 138-ФЗ", MS_LEX_SKIP, "document", "№");
    expect(ru, "№ 138-ФЗ", MS_LEX_SKIP, "document", "-ФЗ");
    expect(ru, "44-летний", MS_LEX_SKIP, "age", "летний");
    expect(ru, "Фото: пресс-служба. 18+", MS_LEX_SKIP, "rating", "18+");
    expect(ru, "по телефону горячей линии", MS_LEX_SKIP, "phone", "по телефону");
    expect(ru, "Читайте также", MS_LEX_SKIP, "furniture", "Читайте также");
    expect(en, "a 35-year-old man", MS_LEX_SKIP, "age", "year-old");
    expect(en, "4 min read", MS_LEX_SKIP, "time", "min read");
    expect(en, "Decree No. 1125", MS_LEX_SKIP, "document", "No.");
    expect(en, "92 per 100 000 inhabitants", MS_LEX_SKIP, "denominator", "per");
    expect(de, "Drucksache 20/14321", MS_LEX_SKIP, "document", "Drucksache");
    expect(de, "Pressemitteilung Nr. 301", MS_LEX_SKIP, "document", "Pressemitteilung Nr.");
    expect(de, "Lesen Sie auch", MS_LEX_SKIP, "furniture", "Lesen Sie auch");
    ms_lexicon_free(en);
    ms_lexicon_free(ru);
    ms_lexicon_free(de);
}

/* ---- text: case, folding, offsets ---- */

Test(lexicon, case_folding_and_yo)
{
    ms_lexicon *ru = load(MS_LANG_RU), *en = load(MS_LANG_EN);
    expect(ru, "Оформлено ВНЖ: 3 384", MS_LEX_METRIC, "residence_permits_permanent", "ВНЖ");
    expect(ru, "оформлено внж", MS_LEX_METRIC, "residence_permits_permanent", "внж");
    expect(ru, "ИЗ РОССИИ", MS_LEX_PLACE, "RU", "РОССИИ");
    expect(ru, "Оформлено РВП:", MS_LEX_METRIC, "residence_permits_temporary", "РВП");
    expect(ru, "прекращение приобретённого гражданства", MS_LEX_METRIC,
           "citizenship_revocations", "прекращение приобретённого гражданства");
    expect(ru, "прекращение приобретенного гражданства", MS_LEX_METRIC,
           "citizenship_revocations", "прекращение приобретенного гражданства");
    expect(ru, "ЛИШЁН ГРАЖДАНСТВА", MS_LEX_METRIC, "citizenship_revocations",
           "ЛИШЁН ГРАЖДАНСТВА");
    expect(en, "DEPORTED", MS_LEX_METRIC, "deportations", "DEPORTED");
    expect(en, "Germany\xE2\x80\x99s borders", MS_LEX_PLACE, "DE", "Germany\xE2\x80\x99s");
    ms_lexicon_free(ru);
    ms_lexicon_free(en);
}

Test(lexicon, decomposed_letters_are_normalised)
{
    ms_lexicon *de = load(MS_LANG_DE), *ru = load(MS_LANG_RU);
    /* u + combining diaeresis, е + combining diaeresis, и + combining breve */
    expect(de, "Zuru\xCC\x88" "ckweisungen", MS_LEX_METRIC, "entry_denials",
           "Zuru\xCC\x88" "ckweisungen");
    expect(ru, "лише\xCC\x88н гражданства", MS_LEX_METRIC, "citizenship_revocations",
           "лише\xCC\x88н гражданства");
    expect(ru, "иностранных граждан и лиц без гражданства", MS_LEX_SUBJECT, "foreign_citizens",
           "иностранных граждан и лиц без гражданства");
    ms_lexicon_free(de);
    ms_lexicon_free(ru);
}

Test(lexicon, exact_byte_offsets_with_nbsp_and_cyrillic)
{
    ms_lexicon *ru = load(MS_LANG_RU);
    const char *text = "из\xC2\xA0России депортировано более 23,6\xC2\xA0тыс.\xE2\x80\xAF"
                       "иностранных\xC2\xA0граждан";
    hits hs = run(ru, text);
    ms_lex_hit p = get(&hs, MS_LEX_PLACE, "RU");
    cr_assert_eq(p.start, (size_t)(strstr(text, "России") - text));
    cr_assert_eq(p.end, p.start + strlen("России"));
    ms_lex_hit m = get(&hs, MS_LEX_METRIC, "deportations");
    cr_assert_eq(m.start, (size_t)(strstr(text, "депортировано") - text));
    cr_assert_eq(m.end, m.start + strlen("депортировано"));
    ms_lex_hit s = get(&hs, MS_LEX_SUBJECT, "foreign_citizens");
    cr_assert_eq(s.start, (size_t)(strstr(text, "иностранных") - text));
    cr_assert_eq(s.end, strlen(text), "the phrase spans the NBSP between its words");
    ms_lexicon_free(ru);
}

Test(lexicon, soft_hyphens_crlf_and_invalid_bytes)
{
    ms_lexicon *en = load(MS_LANG_EN), *ru = load(MS_LANG_RU);
    /* a soft hyphen inside a word keeps it one word */
    expect(ru, "депор\xC2\xAD" "тированы", MS_LEX_METRIC, "deportations",
           "депор\xC2\xAD" "тированы");
    /* a soft hyphen after the word is not part of the hit */
    expect(en, "deported\xC2\xAD migrants", MS_LEX_METRIC, "deportations", "deported");
    /* CRLF inside a phrase */
    expect(en, "were refused\r\nentry", MS_LEX_METRIC, "entry_denials", "refused\r\nentry");
    /* invalid bytes separate words */
    const char *text = "deported\xFF\xFEmigrants\xC3";
    hits hs = run(en, text);
    ms_lex_hit m = get(&hs, MS_LEX_METRIC, "deportations");
    ms_lex_hit s = get(&hs, MS_LEX_SUBJECT, "foreign_citizens");
    cr_assert_eq(m.start, 0);
    cr_assert_eq(m.end, 8);
    cr_assert_eq(s.start, 10);
    cr_assert_eq(s.end, 18);
    ms_lexicon_free(en);
    ms_lexicon_free(ru);
}

Test(lexicon, long_words_empty_text_and_hit_limit)
{
    ms_lexicon *en = load(MS_LANG_EN);
    char text[4096];
    memset(text, 'a', 200);
    strcpy(text + 200, " deported");
    hits hs = run(en, text);
    cr_assert_eq(hs.n, 1, "a 200-letter word is skipped, the next one matched");
    cr_assert_eq(hs.h[0].start, 201);
    cr_assert_eq(ms_lexicon_match(en, "", 0, NULL, 0), 0);
    cr_assert_eq(ms_lexicon_match(en, NULL, 0, NULL, 0), 0);
    /* more hits than room: all are counted, the first ones stored in order */
    text[0] = '\0';
    for (int i = 0; i < 100; i++)
        strcat(text, "deported and expelled ");
    ms_lex_hit few[5];
    size_t n = ms_lexicon_match(en, text, strlen(text), few, 5);
    cr_assert_geq(n, 200);
    for (int i = 1; i < 5; i++)
        cr_assert_geq(few[i].start, few[i - 1].start);
    /* the same call twice gives the same answer */
    cr_assert_eq(ms_lexicon_match(en, text, strlen(text), few, 5), n);
    ms_lexicon_free(en);
}

Test(lexicon, long_document_in_one_call)
{
    ms_lexicon *ru = load(MS_LANG_RU);
    const char *unit = "За год из Москвы выдворено 1 233 иностранца, задержаны 870.\n";
    size_t ulen = strlen(unit), reps = 5000;
    char *text = malloc(ulen * reps + 1);
    cr_assert_not_null(text);
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * ulen, unit, ulen);
    text[ulen * reps] = '\0';
    hits one = run(ru, unit);
    size_t total = ms_lexicon_match(ru, text, ulen * reps, NULL, 0);
    cr_assert_eq(total, one.n * reps);
    ms_lex_hit *all = malloc(total * sizeof *all);
    cr_assert_eq(ms_lexicon_match(ru, text, ulen * reps, all, total), total);
    for (size_t i = 0; i < total; i++) {
        const ms_lex_hit *h = &all[i], *o = &one.h[i % one.n];
        cr_assert_eq(h->start, o->start + (i / one.n) * ulen);
        cr_assert_eq(h->end, o->end + (i / one.n) * ulen);
        cr_assert_eq(h->cat, o->cat);
    }
    free(all);
    free(text);
    ms_lexicon_free(ru);
}

Test(lexicon, random_bytes_are_safe)
{
    ms_lexicon *lex[3] = {load(MS_LANG_EN), load(MS_LANG_RU), load(MS_LANG_DE)};
    static const char *const pieces[] = {"\xD0\xB2", "\xC2\xA0", "\xC2\xAD", "\xCC\x88", "'",
                                         "\xE2\x80\x99", "-", ".", "%", " ", "\n", "\r",
                                         "\xFF", "\xE2\x80", "a", "Z", "1", "...",
                                         "deport", "\xD0\xB2\xD1\x8B\xD0\xB4"};
    unsigned seed = 12345;
    char buf[600];
    ms_lex_hit out[64];
    for (int round = 0; round < 3000; round++) {
        size_t len = 0;
        while (len < 500) {
            seed = seed * 1103515245u + 12345u;
            if (seed % 3 == 0) {
                buf[len++] = (char)(seed >> 16);
            } else {
                const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
                size_t n = strlen(p);
                memcpy(buf + len, p, n);
                len += n;
            }
        }
        ms_lexicon *l = lex[round % 3];
        size_t n = ms_lexicon_match(l, buf, len, out, 64);
        for (size_t i = 0; i < n && i < 64; i++) {
            cr_assert_lt(out[i].start, out[i].end);
            cr_assert_leq(out[i].end, len);
            cr_assert_not_null(out[i].key);
            if (i)
                cr_assert_geq(out[i].start, out[i - 1].start);
        }
    }
    for (int l = 0; l < 3; l++)
        ms_lexicon_free(lex[l]);
}

/* ---- errors in a lexicon file ---- */

typedef struct tmp_lex {
    char dir[64];
    char path[128];
} tmp_lex;

static void write_lex(tmp_lex *t, const char *content)
{
    snprintf(t->dir, sizeof t->dir, "/tmp/ms_lexicon_XXXXXX");
    cr_assert_not_null(mkdtemp(t->dir));
    snprintf(t->path, sizeof t->path, "%s/lexicon_en.tsv", t->dir);
    FILE *f = fopen(t->path, "wb");
    cr_assert_not_null(f);
    fputs(content, f);
    fclose(f);
}

static ms_status load_tmp(tmp_lex *t, const char *content, ms_diag *d, ms_lexicon **lex)
{
    write_lex(t, content);
    ms_diag_init(d);
    *lex = NULL;
    return ms_lexicon_load(t->path, MS_LANG_EN, lex, d);
}

Test(lexicon_file, a_small_file_with_comments_and_crlf)
{
    tmp_lex t;
    ms_diag d;
    ms_lexicon *lex;
    ms_status st = load_tmp(&t,
                            "\xEF\xBB\xBF# a comment\r\n"
                            "\r\n"
                            "metric\tdeportations\tdeport*\r\n"
                            "place\tRU-MOW\tMoscow\r\n"
                            "  # indented comment\n"
                            "mult\t2\tdoubled\n"
                            "skip\tdocument\tNo.\n",
                            &d, &lex);
    diag_log_all(&d);
    cr_assert_eq(st, MS_OK);
    cr_assert_eq(d.count, 0);
    cr_assert_eq(ms_lexicon_count(lex, MS_LEX_METRIC), 1);
    hits hs = run(lex, "Moscow deportees doubled, No. 5");
    cr_assert_eq(hs.n, 4);
    cr_assert_float_eq(get(&hs, MS_LEX_MULT, "2").number, 2.0, 1e-12);
    ms_lexicon_free(lex);
    ms_diag_free(&d);
    test_rmtree(t.dir);
}

Test(lexicon_file, errors_name_file_line_and_column)
{
    tmp_lex t;
    ms_diag d;
    ms_lexicon *lex;
    ms_status st = load_tmp(&t,
                            "# header\n"
                            "metrik\tdeportations\tdeported\n"
                            "metric\tdeportaciones\tdeported\n"
                            "mult\ttwo\tdoubled\n"
                            "fraction\t150\thalf\n"
                            "place\tMoscow\tMoscow\n"
                            "hedge\tmaybe\tperhaps\n"
                            "change\tup\n"
                            "metric\tdeportations\ta* ruling\n"
                            "metric\tdeportations\t... entry\n"
                            "metric\tdeportations\tdeported\n"
                            "metric\texpulsions\tdeportation\n"
                            "times\t-\ttimes\textra\n"
                            "skip\tDocument\tNo.\n",
                            &d, &lex);
    diag_log_all(&d);
    cr_assert_eq(st, MS_ERR_DATA);
    cr_assert_null(lex);
    const char *f = t.path;
    expect_diag_in(&d, f, "2:1: unknown category 'metrik' (metric, place, subject, hedge, "
                          "change, percent, times, mult, fraction, share, skip)");
    expect_diag_in(&d, f, "3:8: key 'deportaciones' is not a metric of metrics.tsv");
    expect_diag_in(&d, f, "4:6: key 'two' is not a factor (a positive number)");
    expect_diag_in(&d, f, "5:10: key '150' is not a percentage (0 < x <= 100)");
    expect_diag_in(&d, f, "6:7: key 'Moscow' is not an ISO 3166 code (XX or XX-YYY)");
    expect_diag_in(&d, f, "7:7: key 'maybe' is not a hedge (more_than, less_than, nearly, "
                          "about, at_least, up_to, none)");
    expect_diag_in(&d, f, "8:1: expected 3 tab-separated fields (category, key, phrase), found 2");
    expect_diag_in(&d, f, "9:21: prefix 'a*' must end in a word of 2 letters to 63 bytes "
                          "before '*'");
    expect_diag_in(&d, f, "10:21: phrase '... entry' cannot start or end with a gap '...'");
    expect_diag_in(&d, f, "12:19: phrase 'deportation' matches like line 11, which has key "
                          "'deportations'");
    expect_diag_in(&d, f, "13:15: expected 3 tab-separated fields (category, key, phrase), "
                          "found more");
    expect_diag_in(&d, f, "14:6: key 'Document' is not a reason name (lowercase letters and '_')");
    cr_assert_eq(d.n_errors, 12);
    ms_diag_free(&d);
    test_rmtree(t.dir);
}

Test(lexicon_file, a_missing_file_is_an_io_error)
{
    ms_diag d;
    ms_diag_init(&d);
    ms_lexicon *lex = (ms_lexicon *)&d; /* must be reset */
    cr_assert_eq(ms_lexicon_load("/nonexistent/lexicon_en.tsv", MS_LANG_EN, &lex, &d), MS_ERR_IO);
    cr_assert_null(lex);
    cr_assert_geq(d.count, 1);
    ms_diag_free(&d);
}

Test(lexicon_file, same_spelling_twice_with_one_key_is_fine)
{
    tmp_lex t;
    ms_diag d;
    ms_lexicon *lex;
    ms_status st = load_tmp(&t,
                            "metric\tdeportations\tdeported\n"
                            "metric\tdeportations\tdeportation\n"
                            "hedge\tup_to\t=to\n"
                            "change\tup\t=to\n"
                            "place\tRU-SPE\tSt. Petersburg\n",
                            &d, &lex);
    cr_assert_eq(st, MS_OK);
    cr_assert_eq(ms_lexicon_count(lex, MS_LEX_METRIC), 1, "one stem, one phrase");
    hits hs = run(lex, "rose to 5 in St.Petersburg");
    cr_assert_not_null(find(&hs, MS_LEX_HEDGE, "up_to"));
    cr_assert_not_null(find(&hs, MS_LEX_CHANGE, "up"), "another category may share a phrase");
    cr_assert_not_null(find(&hs, MS_LEX_PLACE, "RU-SPE"), "punctuation needs no space after it");
    hs = run(lex, "tomorrow");
    cr_assert_eq(hs.n, 0, "an exact word is not a prefix");
    ms_lexicon_free(lex);
    ms_diag_free(&d);
    test_rmtree(t.dir);
}

Test(lexicon, category_names)
{
    for (int c = 0; c < MS_LEX_CAT_COUNT_; c++) {
        const char *name = ms_lex_cat_name((ms_lex_cat)c);
        ms_lex_cat back;
        cr_assert(ms_lex_cat_from_name(name, strlen(name), &back));
        cr_assert_eq(back, (ms_lex_cat)c);
    }
    ms_lex_cat back;
    cr_assert_not(ms_lex_cat_from_name("metrics", 7, &back));
    cr_assert_str_eq(ms_lex_cat_name(MS_LEX_SKIP), "skip");
    cr_assert_str_eq(ms_lex_cat_name(MS_LEX_CAT_COUNT_), "?");
}

Test(lexicon, phrases_do_not_cross_a_blank_line)
{
    ms_lexicon *en = load(MS_LANG_EN);
    expect(en, "were refused\nentry", MS_LEX_METRIC, "entry_denials", "refused\nentry");
    expect_none(en, "were refused\n\nentry", MS_LEX_METRIC, "entry_denials");
    expect_none(en, "were refused\r\n\r\nentry", MS_LEX_METRIC, "entry_denials");
    ms_lexicon_free(en);
}

Test(lexicon, german_places_and_subjects_by_longest_match)
{
    ms_lexicon *de = load(MS_LANG_DE);
    expect(de, "in Sachsen-Anhalt", MS_LEX_PLACE, "DE-ST", "Sachsen-Anhalt");
    expect(de, "in Sachsen", MS_LEX_PLACE, "DE-SN", "Sachsen");
    expect(de, "in Bayern", MS_LEX_PLACE, "DE-BY", "Bayern");
    expect(de, "Staatsangehörige aus Syrien", MS_LEX_SUBJECT, "SY", "Staatsangehörige aus Syrien");
    expect(de, "Staatsangehörige Georgiens", MS_LEX_SUBJECT, "GE", "Staatsangehörige Georgiens");
    expect(de, "ausländische Staatsangehörige", MS_LEX_SUBJECT, "foreign_citizens",
           "ausländische Staatsangehörige");
    ms_lexicon_free(de);
}

Test(lexicon, russian_regions_in_their_cases)
{
    ms_lexicon *ru = load(MS_LANG_RU);
    expect(ru, "в Татарстане", MS_LEX_PLACE, "RU-TA", "Татарстане");
    expect(ru, "на Кубани", MS_LEX_PLACE, "RU-KDA", "Кубани");
    expect(ru, "в Краснодарском крае", MS_LEX_PLACE, "RU-KDA", "Краснодарском крае");
    expect(ru, "в Новосибирской области", MS_LEX_PLACE, "RU-NVS", "Новосибирской области");
    expect(ru, "южноуральские полицейские", MS_LEX_PLACE, "RU-CHE", "южноуральские");
    expect(ru, "в аэропорту Внуково", MS_LEX_PLACE, "RU-MOW", "Внуково");
    expect(ru, "Московский авиаузел", MS_LEX_PLACE, "RU", "Московский авиаузел");
    ms_lexicon_free(ru);
}

Test(lexicon_file, the_data_dir_holds_the_default_lexicon_and_the_metrics)
{
    char dir[64];
    snprintf(dir, sizeof dir, "/tmp/ms_lexicon_XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/metrics.tsv", dir);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    fputs("name\tfamily\tunit\tdescription\nrazzias\traids\tevents\tpolice raids\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/lexicon_de.tsv", dir);
    f = fopen(path, "wb");
    cr_assert_not_null(f);
    fputs("metric\trazzias\tRazzia\nmetric\tdeportations\tabgeschoben\n", f);
    fclose(f);
    setenv("MIGSTAT_DATA_DIR", dir, 1);
    ms_diag d;
    ms_diag_init(&d);
    ms_lexicon *lex;
    cr_assert_eq(ms_lexicon_load_default(MS_LANG_DE, &lex, &d), MS_ERR_DATA);
    snprintf(path, sizeof path, "%s/lexicon_de.tsv", dir);
    expect_diag_in(&d, path, "2:8: key 'deportations' is not a metric of metrics.tsv");
    unsetenv("MIGSTAT_DATA_DIR");
    ms_diag_free(&d);
    test_rmtree(dir);
}
