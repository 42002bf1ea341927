/* test_text_numbers.c — the number reader: digit groups and decimal marks
 * per language, scale words and mixed forms, number words in any case,
 * vague quantities, signs, line breaks, rounding units, the flags the
 * extractor relies on, exact byte spans, and robustness on any bytes. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/text/numbers.h"

#define MAXN 64

static ms_text_number found[MAXN];
static size_t nfound;
static const char *scanned;

static size_t scan(const char *text, ms_lang lang)
{
    scanned = text;
    memset(found, 0, sizeof found);
    nfound = ms_text_find_numbers(text, strlen(text), lang, found, MAXN);
    cr_assert_leq(nfound, MAXN, "too many numbers in a test phrase");
    return nfound;
}

/* The k-th number found in the last scanned text. */
static const ms_text_number *nth(size_t k)
{
    cr_assert_lt(k, nfound, "'%s': only %zu numbers, wanted #%zu", scanned, nfound, k);
    return &found[k];
}

/* The only number in `text`. */
static const ms_text_number *one(const char *text, ms_lang lang)
{
    size_t n = scan(text, lang);
    cr_assert_eq(n, 1, "'%s': %zu numbers, expected one", text, n);
    return &found[0];
}

static void expect_span(const ms_text_number *n, const char *span)
{
    size_t len = strlen(span);
    cr_assert_eq(n->end - n->start, len, "span '%.*s', expected '%s'", (int)(n->end - n->start),
                 scanned + n->start, span);
    cr_assert(memcmp(scanned + n->start, span, len) == 0, "span '%.*s', expected '%s'",
              (int)(n->end - n->start), scanned + n->start, span);
}

static void expect_digits(const ms_text_number *n, const char *digits)
{
    size_t len = strlen(digits);
    cr_assert_eq(n->digits_end - n->start, len, "numeric part '%.*s', expected '%s'",
                 (int)(n->digits_end - n->start), scanned + n->start, digits);
    cr_assert(memcmp(scanned + n->start, digits, len) == 0);
}

static bool has(const ms_text_number *n, unsigned flag) { return (n->flags & flag) != 0; }

/* value, rounding unit of the only number */
static void expect_value(const char *text, ms_lang lang, double value, double rounding)
{
    const ms_text_number *n = one(text, lang);
    cr_assert_float_eq(n->value, value, 1e-9 * fmax(1, fabs(value)), "'%s': value %.17g, expected %.17g",
                       text, n->value, value);
    cr_assert_float_eq(n->rounding, rounding, 1e-12 * fmax(1, rounding),
                       "'%s': rounding %g, expected %g", text, n->rounding, rounding);
}

/* ---- digit groups and decimal marks ---------------------------------------- */

Test(text_numbers, english_comma_groups)
{
    const ms_text_number *n = one("Officials counted 143,000 arrivals.", MS_LANG_EN);
    cr_assert_eq(n->value, 143000);
    cr_assert_eq(n->rounding, 1000);
    cr_assert(has(n, MS_NUM_DIGITS) && has(n, MS_NUM_GROUPED));
    cr_assert(!has(n, MS_NUM_DECIMAL));
    expect_span(n, "143,000");
    expect_value("a budget line of 1,233,500 euros", MS_LANG_EN, 1233500, 100);
}

Test(text_numbers, english_decimal_point)
{
    const ms_text_number *n = one("arrivals grew 12.5 percent", MS_LANG_EN);
    cr_assert_float_eq(n->value, 12.5, 1e-12);
    cr_assert_float_eq(n->rounding, 0.1, 1e-15);
    cr_assert(has(n, MS_NUM_DECIMAL));
    expect_value("a total of 1,234.5 tonnes", MS_LANG_EN, 1234.5, 0.1);
}

Test(text_numbers, english_comma_is_decimal_only_without_three_digits)
{
    expect_value("a ratio of 1,5 was seen", MS_LANG_EN, 1.5, 0.1);
    cr_assert(has(&found[0], MS_NUM_DECIMAL));
    expect_value("some 1,500 were seen", MS_LANG_EN, 1500, 100);
    cr_assert(has(&found[0], MS_NUM_GROUPED));
    expect_value("a ratio of 3,25 was seen", MS_LANG_EN, 3.25, 0.01);
}

Test(text_numbers, space_groups_in_every_language)
{
    ms_lang langs[] = {MS_LANG_EN, MS_LANG_RU, MS_LANG_DE};
    for (size_t k = 0; k < 3; k++) {
        expect_value("total: 93 000 cases", langs[k], 93000, 1000);
        cr_assert(has(&found[0], MS_NUM_GROUPED));
        expect_value("total: 12\xc2\xa0" "345 cases", langs[k], 12345, 1);          /* NBSP */
        expect_value("total: 27\xe2\x80\xaf" "140 cases", langs[k], 27140, 10);     /* U+202F */
        expect_value("total: 1\xe2\x80\x89" "204\xe2\x80\x89" "000 cases", langs[k], 1204000, 1000);
    }
}

Test(text_numbers, space_group_needs_exactly_three_digits)
{
    cr_assert_eq(scan("rooms 12 34 and 1 2345", MS_LANG_EN), 4);
    cr_assert_eq(nth(0)->value, 12);
    cr_assert_eq(nth(1)->value, 34);
    cr_assert_eq(nth(2)->value, 1);
    cr_assert_eq(nth(3)->value, 2345);
    cr_assert(!has(nth(0), MS_NUM_GROUPED));
}

Test(text_numbers, a_year_takes_no_space_group)
{
    cr_assert_eq(scan("In 2023 1 500 people left.", MS_LANG_EN), 2);
    cr_assert_eq(nth(0)->value, 2023);
    cr_assert_eq(nth(1)->value, 1500);
    expect_span(nth(1), "1 500");
    cr_assert_eq(scan("В 2024 году 3 870 человек", MS_LANG_RU), 2);
    cr_assert_eq(nth(0)->value, 2024);
    cr_assert_eq(nth(1)->value, 3870);
}

Test(text_numbers, a_comma_after_four_digits_is_no_group_in_english)
{
    cr_assert_eq(scan("codes 2023,100 here", MS_LANG_EN), 2);
    cr_assert_eq(nth(0)->value, 2023);
    cr_assert_eq(nth(1)->value, 100);
}

Test(text_numbers, german_dot_groups)
{
    expect_value("Insgesamt 19.420 Personen", MS_LANG_DE, 19420, 10);
    cr_assert(has(&found[0], MS_NUM_GROUPED));
    expect_value("etwa 5.800 Fälle", MS_LANG_DE, 5800, 100);
    expect_value("rund 1.233.500 Euro", MS_LANG_DE, 1233500, 100);
}

Test(text_numbers, german_and_russian_decimal_comma)
{
    expect_value("ein Plus von 6,5 Prozent", MS_LANG_DE, 6.5, 0.1);
    cr_assert(has(&found[0], MS_NUM_DECIMAL));
    expect_value("выросло на 267,2 пункта", MS_LANG_RU, 267.2, 0.1);
    expect_value("коэффициент 1,500 в среднем", MS_LANG_RU, 1.5, 0.001);
}

Test(text_numbers, a_dot_is_a_decimal_in_russian_but_not_in_german)
{
    expect_value("статья 322.1 кодекса", MS_LANG_RU, 322.1, 0.1);
    cr_assert(has(&found[0], MS_NUM_DECIMAL));
    cr_assert_eq(scan("Stufe 1.5 erreicht", MS_LANG_DE), 2);
    cr_assert_eq(nth(0)->value, 1);
    cr_assert_eq(nth(1)->value, 5);
}

Test(text_numbers, repeated_dot_groups_in_english)
{
    expect_value("exactly 1.233.500 items", MS_LANG_EN, 1233500, 100);
    cr_assert(has(&found[0], MS_NUM_GROUPED));
}

Test(text_numbers, a_date_or_version_chain_is_no_decimal)
{
    cr_assert_eq(scan("от 30.06.2024 г.", MS_LANG_RU), 3);
    cr_assert_eq(nth(0)->value, 30);
    cr_assert_eq(nth(1)->value, 6);
    cr_assert_eq(nth(2)->value, 2024);
    for (size_t k = 0; k < 3; k++)
        cr_assert(!has(nth(k), MS_NUM_DECIMAL));
    cr_assert_eq(scan("version 1.2.3 shipped", MS_LANG_EN), 3);
    cr_assert_eq(nth(2)->value, 3);
}

/* ---- scale words ----------------------------------------------------------- */

Test(text_numbers, english_scale_words)
{
    const ms_text_number *n = one("nearly 2 million migrants", MS_LANG_EN);
    cr_assert_eq(n->value, 2e6);
    cr_assert_eq(n->rounding, 1e6);
    cr_assert(has(n, MS_NUM_SCALED) && has(n, MS_NUM_DIGITS));
    expect_span(n, "2 million");
    expect_digits(n, "2");
    expect_value("some 1.12 million residents", MS_LANG_EN, 1120000, 10000);
    expect_value("about 3 thousand", MS_LANG_EN, 3000, 1000);
    expect_value("$4 billions", MS_LANG_EN, 4e9, 1e9);
}

Test(text_numbers, english_glued_suffixes)
{
    expect_value("as many as 12k checks", MS_LANG_EN, 12000, 1000);
    expect_span(&found[0], "12k");
    expect_digits(&found[0], "12");
    expect_value("under 1.6m permits", MS_LANG_EN, 1600000, 100000);
    expect_value("a 2bn budget", MS_LANG_EN, 2e9, 1e9);
    expect_value("a 5M fund", MS_LANG_EN, 5e6, 1e6);
    const ms_text_number *n = one("a 12km fence", MS_LANG_EN);
    cr_assert_eq(n->value, 12);
    cr_assert(has(n, MS_NUM_SUFFIXED) && !has(n, MS_NUM_SCALED));
}

Test(text_numbers, russian_scale_abbreviations)
{
    const ms_text_number *n = one("более 23,6\xc2\xa0тыс. человек", MS_LANG_RU);
    cr_assert_float_eq(n->value, 23600, 1e-9);
    cr_assert_float_eq(n->rounding, 100, 1e-9);
    cr_assert(has(n, MS_NUM_SCALED) && has(n, MS_NUM_DECIMAL));
    expect_span(n, "23,6\xc2\xa0тыс.");
    expect_digits(n, "23,6");
    expect_value("почти 1,5 млн патентов", MS_LANG_RU, 1500000, 100000);
    expect_value("бюджет 4,1 млрд рублей", MS_LANG_RU, 4.1e9, 1e8);
    expect_value("около 2 тыс человек", MS_LANG_RU, 2000, 1000);
}

Test(text_numbers, russian_scale_words_in_any_case)
{
    expect_value("ещё 2 тысячи заявлений", MS_LANG_RU, 2000, 1000);
    expect_value("свыше 45 тысяч заявлений", MS_LANG_RU, 45000, 1000);
    expect_value("к 5 тысячам заявлений", MS_LANG_RU, 5000, 1000);
    expect_value("почти 3 миллиона жителей", MS_LANG_RU, 3e6, 1e6);
    expect_value("около 7 миллионов жителей", MS_LANG_RU, 7e6, 1e6);
    expect_value("около 1,1 милиона жителей", MS_LANG_RU, 1.1e6, 1e5);
}

Test(text_numbers, german_scale_words)
{
    expect_value("rund 13,4 Mio. Menschen", MS_LANG_DE, 13.4e6, 1e5);
    expect_span(&found[0], "13,4 Mio.");
    expect_value("über 2 Mrd. Euro", MS_LANG_DE, 2e9, 1e9);
    expect_value("etwa 3 Millionen Anträge", MS_LANG_DE, 3e6, 1e6);
    expect_value("knapp 48 Tausend Anträge", MS_LANG_DE, 48000, 1000);
}

Test(text_numbers, mixed_forms_add_the_smaller_part)
{
    const ms_text_number *n = one("получили 140 тысяч 317 человек", MS_LANG_RU);
    cr_assert_eq(n->value, 140317);
    cr_assert_eq(n->rounding, 1);
    expect_span(n, "140 тысяч 317");
    expect_digits(n, "140");
    expect_value("учтено 62\xc2\xa0тыс. 150 заявок", MS_LANG_RU, 62150, 10);
    expect_value("всего 1 млн 200 тыс. заявок", MS_LANG_RU, 1200000, 100000);
}

Test(text_numbers, mixed_form_stops_before_dates_percents_and_decimals)
{
    cr_assert_eq(scan("до 50 тыс. 2 мая", MS_LANG_RU), 2);
    cr_assert_eq(nth(0)->value, 50000);
    cr_assert_eq(nth(1)->value, 2);
    cr_assert_eq(scan("около 30 тыс. 15% из них", MS_LANG_RU), 2);
    cr_assert_eq(nth(0)->value, 30000);
    cr_assert_eq(nth(1)->value, 15);
    cr_assert_eq(scan("было 23,6 тыс. 150 из них", MS_LANG_RU), 2);
    cr_assert_float_eq(nth(0)->value, 23600, 1e-9);
    cr_assert_eq(nth(1)->value, 150);
    cr_assert_eq(scan("до 2 млн 300 человек", MS_LANG_RU), 2, "only a thousand takes a bare tail");
}

Test(text_numbers, scale_word_after_one_line_break)
{
    const ms_text_number *n = one("roughly 2.3\nmillion residents", MS_LANG_EN);
    cr_assert_float_eq(n->value, 2.3e6, 1e-6);
    cr_assert(has(n, MS_NUM_LINEBREAK) && has(n, MS_NUM_SCALED));
    expect_span(n, "2.3\nmillion");
    cr_assert_eq(scan("roughly 12\n\nmillions of", MS_LANG_EN), 2, "a blank line ends the number");
    cr_assert_eq(nth(0)->value, 12);
    cr_assert(!has(nth(0), MS_NUM_SCALED) && !has(nth(0), MS_NUM_LINEBREAK));
    cr_assert(has(nth(1), MS_NUM_VAGUE));
}

/* ---- number words ---------------------------------------------------------- */

Test(text_numbers, english_number_words)
{
    const ms_text_number *n = one("Nine thousand workers", MS_LANG_EN);
    cr_assert_eq(n->value, 9000);
    cr_assert_eq(n->rounding, 1000);
    cr_assert(!has(n, MS_NUM_DIGITS) && has(n, MS_NUM_SCALED));
    expect_span(n, "Nine thousand");
    expect_digits(n, "Nine");
    expect_value("two hundred and fifty beds", MS_LANG_EN, 250, 10);
    expect_value("twenty-five beds", MS_LANG_EN, 25, 1);
    expect_value("twenty five beds", MS_LANG_EN, 25, 1);
    expect_value("fifteen hundred beds", MS_LANG_EN, 1500, 100);
    expect_value("two million three hundred thousand beds", MS_LANG_EN, 2300000, 100000);
}

Test(text_numbers, english_half_forms)
{
    expect_value("Thirty-nine and a half thousand people", MS_LANG_EN, 39500, 500);
    expect_span(&found[0], "Thirty-nine and a half thousand");
    expect_value("one and a half million people", MS_LANG_EN, 1.5e6, 5e5);
    expect_value("half a million people", MS_LANG_EN, 5e5, 5e5);
    expect_value("two and a half", MS_LANG_EN, 2.5, 0.5);
}

Test(text_numbers, english_article_only_before_a_scale)
{
    expect_value("a thousand visitors", MS_LANG_EN, 1000, 1000);
    expect_span(&found[0], "a thousand");
    expect_value("a dozen visitors", MS_LANG_EN, 12, 1);
    expect_value("two dozen visitors", MS_LANG_EN, 24, 1);
    expect_value("a hundred visitors", MS_LANG_EN, 100, 100);
    cr_assert_eq(scan("a cat and an owl", MS_LANG_EN), 0);
}

Test(text_numbers, english_words_count_only_as_whole_words)
{
    cr_assert_eq(scan("Someone often told a tone-deaf stone mason; Tenure, Eighteenth, anyone", MS_LANG_EN),
                 0);
    cr_assert_eq(scan("one, two, three", MS_LANG_EN), 3, "separate words stay separate");
    cr_assert_eq(nth(2)->value, 3);
    cr_assert_eq(scan("one two", MS_LANG_EN), 2, "a unit cannot follow a unit");
}

Test(text_numbers, small_word_flag_only_for_lone_units)
{
    cr_assert(has(one("one of them", MS_LANG_EN), MS_NUM_SMALL_WORD));
    cr_assert(has(one("seven left", MS_LANG_EN), MS_NUM_SMALL_WORD));
    cr_assert(!has(one("twelve left", MS_LANG_EN), MS_NUM_SMALL_WORD));
    cr_assert(!has(one("nine thousand left", MS_LANG_EN), MS_NUM_SMALL_WORD));
    cr_assert(!has(one("twenty-one left", MS_LANG_EN), MS_NUM_SMALL_WORD));
    cr_assert(has(one("задержаны трое", MS_LANG_RU), MS_NUM_SMALL_WORD));
    cr_assert(!has(one("задержаны 3", MS_LANG_RU), MS_NUM_SMALL_WORD));
}

Test(text_numbers, russian_number_words_in_any_case)
{
    struct { const char *text; double value; } cases[] = {
        {"отпустили троих", 3},     {"пришли двое", 2},         {"среди них пятеро", 5},
        {"погибли восемь", 8},      {"более ста", 100},         {"к двумстам", 200},
        {"около сорока", 40},       {"до девяноста", 90},       {"одиннадцати", 11},
        {"четверых", 4},            {"девятистах", 900},        {"семнадцатью", 17},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const ms_text_number *n = one(cases[k].text, MS_LANG_RU);
        cr_assert_eq(n->value, cases[k].value, "'%s': %g", cases[k].text, n->value);
        cr_assert(!has(n, MS_NUM_DIGITS));
    }
}

Test(text_numbers, russian_compound_number_words)
{
    expect_value("сто двадцать пять тысяч триста рублей", MS_LANG_RU, 125300, 100);
    expect_value("не менее двух тысяч выходцев", MS_LANG_RU, 2000, 1000);
    expect_span(&found[0], "двух тысяч");
    expect_digits(&found[0], "двух");
    expect_value("тысяча двести заявок", MS_LANG_RU, 1200, 100);
    expect_value("сорок три", MS_LANG_RU, 43, 1);
    cr_assert_eq(scan("три пять", MS_LANG_RU), 2);
    cr_assert_eq(scan("двадцать двенадцать", MS_LANG_RU), 2, "no teen after tens");
    cr_assert_eq(scan("сорок сто", MS_LANG_RU), 2, "no hundreds after tens");
}

Test(text_numbers, russian_one_and_a_half)
{
    expect_value("оформлено полтора миллиона", MS_LANG_RU, 1.5e6, 1e5);
    expect_value("отказали полутора миллионам", MS_LANG_RU, 1.5e6, 1e5);
    expect_value("выдворили полторы тысячи", MS_LANG_RU, 1500, 100);
    const ms_text_number *n = one("выросло в полтора раза", MS_LANG_RU);
    cr_assert_float_eq(n->value, 1.5, 1e-12);
    cr_assert(has(n, MS_NUM_SMALL_WORD));
    expect_value("почти полмиллиона", MS_LANG_RU, 5e5, 1e5);
}

Test(text_numbers, russian_words_count_only_as_whole_words)
{
    cr_assert_eq(scan("одинаково станция стали стол столица однажды сторона пятница", MS_LANG_RU), 0);
    cr_assert_eq(scan("сто столов", MS_LANG_RU), 1);
    cr_assert_eq(nth(0)->value, 100);
    expect_span(nth(0), "сто");
}

Test(text_numbers, russian_words_in_upper_case_and_with_yo)
{
    expect_value("ТРЁХ", MS_LANG_RU, 3, 1);
    expect_value("трёхсот", MS_LANG_RU, 300, 100);
    expect_value("ДВЕ ТЫСЯЧИ", MS_LANG_RU, 2000, 1000);
    expect_value("Четырёх", MS_LANG_RU, 4, 1);
}

Test(text_numbers, german_number_words_and_compounds)
{
    expect_value("zweitausend Anträge", MS_LANG_DE, 2000, 1000);
    expect_value("dreihundert Anträge", MS_LANG_DE, 300, 100);
    expect_value("einundzwanzig Anträge", MS_LANG_DE, 21, 1);
    expect_value("zweitausendfünfhundertachtzig Anträge", MS_LANG_DE, 2580, 10);
    expect_value("zweieinhalb Millionen Anträge", MS_LANG_DE, 2.5e6, 5e5);
    expect_value("eine Million Anträge", MS_LANG_DE, 1e6, 1e6);
    expect_value("anderthalb Millionen Anträge", MS_LANG_DE, 1.5e6, 1e5);
    expect_value("eine halbe Million Anträge", MS_LANG_DE, 5e5, 5e5);
    expect_value("Zwölf Anträge", MS_LANG_DE, 12, 1);
    cr_assert(has(one("Fünf Anträge", MS_LANG_DE), MS_NUM_SMALL_WORD));
}

Test(text_numbers, german_articles_and_look_alikes_are_no_numbers)
{
    cr_assert_eq(scan("Ein Mann und eine Frau sahen einen Einsatz. Achtung, Elfmeter, Dreieck!",
                      MS_LANG_DE),
                 0);
}

/* ---- vague quantities ------------------------------------------------------ */

static void expect_vague(const char *text, ms_lang lang, double value, double hi)
{
    const ms_text_number *n = one(text, lang);
    cr_assert(has(n, MS_NUM_VAGUE), "'%s' is vague", text);
    cr_assert_eq(n->value, value, "'%s': %g", text, n->value);
    cr_assert_eq(n->vague_hi, hi, "'%s': hi %g", text, n->vague_hi);
    cr_assert_gt(n->rounding, 0);
}

Test(text_numbers, english_vague_quantities)
{
    expect_vague("dozens were beaten", MS_LANG_EN, 24, 99);
    expect_vague("Hundreds more left", MS_LANG_EN, 200, 999);
    expect_vague("thousands left", MS_LANG_EN, 2000, 9999);
    expect_vague("tens of thousands left", MS_LANG_EN, 20000, 99999);
    expect_span(&found[0], "tens of thousands");
    expect_vague("hundreds of thousands left", MS_LANG_EN, 200000, 999999);
    cr_assert_eq(scan("tens of people", MS_LANG_EN), 0, "tens alone is no quantity");
}

Test(text_numbers, russian_vague_quantities)
{
    expect_vague("Десятки человек", MS_LANG_RU, 20, 99);
    expect_vague("сотни задержанных", MS_LANG_RU, 200, 999);
    expect_vague("тысячи мигрантов", MS_LANG_RU, 2000, 9999);
    expect_vague("десятки тысяч мигрантов", MS_LANG_RU, 20000, 99999);
    expect_vague("сотни тысяч мигрантов", MS_LANG_RU, 200000, 999999);
    expect_vague("несколько тысяч мигрантов", MS_LANG_RU, 2000, 9999);
}

Test(text_numbers, german_vague_quantities)
{
    expect_vague("Dutzende Menschen", MS_LANG_DE, 24, 99);
    expect_vague("Hunderte Menschen", MS_LANG_DE, 200, 999);
    expect_vague("Tausende Menschen", MS_LANG_DE, 2000, 9999);
    expect_vague("Zehntausende Menschen", MS_LANG_DE, 20000, 99999);
    expect_vague("mehrere tausend Menschen", MS_LANG_DE, 2000, 9999);
}

Test(text_numbers, several_is_no_number)
{
    cr_assert_eq(scan("several people and a number of others", MS_LANG_EN), 0);
    cr_assert_eq(scan("несколько человек", MS_LANG_RU), 0);
    cr_assert_eq(scan("mehrere Menschen", MS_LANG_DE), 0);
    expect_vague("several thousand people", MS_LANG_EN, 2000, 9999);
}

Test(text_numbers, a_thousand_after_a_genitive_preposition_is_one)
{
    const ms_text_number *n = one("около тысячи человек", MS_LANG_RU);
    cr_assert_eq(n->value, 1000);
    cr_assert(!has(n, MS_NUM_VAGUE));
    n = one("свыше сотни человек", MS_LANG_RU);
    cr_assert_eq(n->value, 100);
    cr_assert(!has(n, MS_NUM_VAGUE));
    n = one("ещё 2 тысячи человек", MS_LANG_RU);
    cr_assert_eq(n->value, 2000);
    cr_assert(!has(n, MS_NUM_VAGUE));
    n = one("почти тысяче граждан", MS_LANG_RU);
    cr_assert_eq(n->value, 1000);
    cr_assert(!has(n, MS_NUM_VAGUE));
}

/* ---- signs ----------------------------------------------------------------- */

Test(text_numbers, attached_minus_signs)
{
    const ms_text_number *n = one("человек (\xe2\x80\x93" "12,6%)", MS_LANG_RU); /* en dash */
    cr_assert_float_eq(n->value, -12.6, 1e-12);
    cr_assert(has(n, MS_NUM_NEGATIVE));
    expect_span(n, "\xe2\x80\x93" "12,6");
    n = one("change \xe2\x88\x92" "5 %", MS_LANG_EN); /* U+2212 */
    cr_assert_eq(n->value, -5);
    cr_assert(has(n, MS_NUM_NEGATIVE));
    n = one("-3 degrees", MS_LANG_EN);
    cr_assert_eq(n->value, -3);
    expect_span(n, "-3");
    n = one("(-0) here", MS_LANG_EN);
    cr_assert_eq(n->value, 0);
    cr_assert(!signbit(n->value), "no minus zero");
}

Test(text_numbers, attached_plus_sign)
{
    const ms_text_number *n = one("патентов (+9%).", MS_LANG_RU);
    cr_assert_eq(n->value, 9);
    cr_assert(has(n, MS_NUM_PLUS) && !has(n, MS_NUM_NEGATIVE));
    expect_span(n, "+9");
}

Test(text_numbers, a_dash_between_numbers_is_a_range)
{
    cr_assert_eq(scan("in 2023\xe2\x80\x93" "2024 and 20-30 and 5 \xe2\x80\x93 7", MS_LANG_EN), 6);
    for (size_t k = 0; k < 6; k++) {
        cr_assert_gt(nth(k)->value, 0, "#%zu is not negative", k);
        cr_assert(!has(nth(k), MS_NUM_NEGATIVE));
    }
    cr_assert_eq(nth(1)->value, 2024);
    cr_assert_eq(nth(3)->value, 30);
    cr_assert_eq(nth(5)->value, 7, "a dash with a space after it is no sign");
}

Test(text_numbers, a_hyphen_after_a_word_is_part_of_a_name)
{
    cr_assert_eq(scan("COVID-19 and F-16", MS_LANG_EN), 2);
    cr_assert_eq(nth(0)->value, 19);
    cr_assert(has(nth(0), MS_NUM_SUFFIXED) && !has(nth(0), MS_NUM_NEGATIVE));
    cr_assert_eq(nth(1)->value, 16);
    cr_assert(has(nth(1), MS_NUM_SUFFIXED));
}

/* ---- line breaks ----------------------------------------------------------- */

Test(text_numbers, a_line_break_inside_a_number_joins_it)
{
    const ms_text_number *n = one("Проверено около 18\n500 иностранцев", MS_LANG_RU);
    cr_assert_eq(n->value, 18500);
    cr_assert_eq(n->rounding, 100);
    cr_assert(has(n, MS_NUM_LINEBREAK));
    expect_span(n, "18\n500");
    n = one("about 12\r\n345 people", MS_LANG_EN);
    cr_assert_eq(n->value, 12345);
    cr_assert(has(n, MS_NUM_LINEBREAK));
}

Test(text_numbers, list_lines_do_not_merge)
{
    cr_assert_eq(scan("item 12.\n345 people", MS_LANG_EN), 2, "a period ends the first line");
    cr_assert_eq(nth(0)->value, 12);
    cr_assert_eq(nth(1)->value, 345);
    cr_assert_eq(scan("12\n345 people", MS_LANG_EN), 2, "a number alone on its line");
    cr_assert_eq(scan("totals 12\n345\n678", MS_LANG_EN), 3, "nothing follows on the next line");
    cr_assert_eq(scan("about 12\n3456 people", MS_LANG_EN), 2, "not a group of three");
    for (size_t k = 0; k < nfound; k++)
        cr_assert(!has(nth(k), MS_NUM_LINEBREAK));
}

/* ---- rounding units -------------------------------------------------------- */

Test(text_numbers, rounding_unit_is_the_last_significant_digit)
{
    struct { const char *text; ms_lang lang; double r; } cases[] = {
        {"143,000", MS_LANG_EN, 1000}, {"93 000", MS_LANG_RU, 1000}, {"1,240", MS_LANG_EN, 10},
        {"140", MS_LANG_EN, 10},       {"116", MS_LANG_EN, 1},       {"267,2", MS_LANG_RU, 0.1},
        {"12.5", MS_LANG_EN, 0.1},     {"2 тыс.", MS_LANG_RU, 1000}, {"23,6 тыс.", MS_LANG_RU, 100},
        {"1,5 млн", MS_LANG_RU, 1e5},  {"12.50", MS_LANG_EN, 0.01},  {"2 400", MS_LANG_RU, 100},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const ms_text_number *n = one(cases[k].text, cases[k].lang);
        cr_assert_float_eq(n->rounding, cases[k].r, 1e-12 * cases[k].r, "'%s': %g, expected %g",
                           cases[k].text, n->rounding, cases[k].r);
    }
}

Test(text_numbers, rounding_unit_is_never_zero)
{
    const char *texts[] = {"0", "000", "0,0", "0.00", "-0", "0 000", "ноль и 0 тыс."};
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        size_t n = scan(texts[k], MS_LANG_RU);
        cr_assert_gt(n, 0);
        for (size_t j = 0; j < n; j++)
            cr_assert_gt(found[j].rounding, 0, "'%s'", texts[k]);
    }
}

Test(text_numbers, rounding_of_number_words_follows_the_last_unit)
{
    expect_value("nine thousand", MS_LANG_EN, 9000, 1000);
    expect_value("троих", MS_LANG_RU, 3, 1);
    expect_value("двадцать", MS_LANG_RU, 20, 10);
    expect_value("двести пять", MS_LANG_RU, 205, 1);
}

/* ---- flags ----------------------------------------------------------------- */

Test(text_numbers, english_ordinals)
{
    cr_assert_eq(scan("the 20th session, the 1st and 3rd rounds, the 2nd, the first", MS_LANG_EN), 4);
    for (size_t k = 0; k < 4; k++)
        cr_assert(has(nth(k), MS_NUM_ORDINAL), "#%zu", k);
    cr_assert_eq(nth(0)->value, 20);
    expect_span(nth(0), "20th");
    expect_digits(nth(0), "20");
}

Test(text_numbers, russian_ordinals_and_hyphenated_words)
{
    cr_assert_eq(scan("на 20-м заседании, 20-й раз, до 20-го, в 2022-м", MS_LANG_RU), 4);
    for (size_t k = 0; k < 4; k++)
        cr_assert(has(nth(k), MS_NUM_ORDINAL) && !has(nth(k), MS_NUM_SUFFIXED), "#%zu", k);
    expect_span(nth(0), "20-м");
    cr_assert_eq(nth(3)->value, 2022);
    const ms_text_number *n = one("для 5-ти человек", MS_LANG_RU);
    cr_assert(has(n, MS_NUM_SUFFIXED) && !has(n, MS_NUM_ORDINAL));
    n = one("44-летний мужчина", MS_LANG_RU);
    cr_assert_eq(n->value, 44);
    cr_assert(has(n, MS_NUM_SUFFIXED) && !has(n, MS_NUM_ORDINAL));
    expect_span(n, "44");
}

Test(text_numbers, german_ordinal_dot_before_a_month_or_session)
{
    const ms_text_number *n = one("am 3. August", MS_LANG_DE);
    cr_assert(has(n, MS_NUM_ORDINAL));
    expect_span(n, "3.");
    cr_assert(has(one("in der 20. Sitzung", MS_LANG_DE), MS_NUM_ORDINAL));
    cr_assert(has(one("zum 30. Juni", MS_LANG_DE), MS_NUM_ORDINAL));
    n = one("im Jahr 2024. Danach", MS_LANG_DE);
    cr_assert(!has(n, MS_NUM_ORDINAL));
    expect_span(n, "2024");
}

Test(text_numbers, numbers_glued_to_words_are_suffixed)
{
    const char *texts[] = {"a 35-year-old", "rated 18+", "«Нелегал-2024»", "table Ret_D01",
                           "format A4",     "in FY2023", "its 1,344-kilometer border"};
    double values[] = {35, 18, 2024, 1, 4, 2023, 1344};
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        const ms_text_number *n = one(texts[k], k == 2 ? MS_LANG_RU : MS_LANG_EN);
        cr_assert(has(n, MS_NUM_SUFFIXED), "'%s'", texts[k]);
        cr_assert_eq(n->value, values[k], "'%s'", texts[k]);
    }
    cr_assert(!has(one("a count of 35 years", MS_LANG_EN), MS_NUM_SUFFIXED));
}

Test(text_numbers, letters_glued_after_digits_are_not_read_as_words)
{
    cr_assert_eq(scan("3one 5million", MS_LANG_EN), 2);
    cr_assert_eq(nth(0)->value, 3);
    cr_assert_eq(nth(1)->value, 5);
    cr_assert(has(nth(0), MS_NUM_SUFFIXED) && has(nth(1), MS_NUM_SUFFIXED));
    cr_assert(!has(nth(1), MS_NUM_SCALED));
}

/* ---- spans ----------------------------------------------------------------- */

Test(text_numbers, spans_are_byte_exact_in_utf8_text)
{
    const char *text = "Ещё 140\xc2\xa0тысяч 317 записей и «двух тысяч» — всё.";
    cr_assert_eq(scan(text, MS_LANG_RU), 2);
    expect_span(nth(0), "140\xc2\xa0тысяч 317");
    expect_digits(nth(0), "140");
    cr_assert_eq(nth(0)->start, strlen("Ещё "));
    expect_span(nth(1), "двух тысяч");
    cr_assert_eq(nth(1)->start, strlen("Ещё 140\xc2\xa0тысяч 317 записей и «"));
}

Test(text_numbers, digits_end_marks_the_numeric_part)
{
    const ms_text_number *n = one("ещё 1,5 млн", MS_LANG_RU);
    expect_digits(n, "1,5");
    expect_span(n, "1,5 млн");
    n = one("ещё 1 500 человек", MS_LANG_RU);
    cr_assert_eq(n->digits_end, n->end, "no scale word: the numeric part is the span");
    n = one("Thirty-nine and a half thousand", MS_LANG_EN);
    expect_digits(n, "Thirty-nine and a half");
}

Test(text_numbers, numbers_come_in_text_order)
{
    cr_assert_eq(scan("2 тыс., затем девять, потом 3,5 млн и сотни", MS_LANG_RU), 4);
    double want[] = {2000, 9, 3.5e6, 200};
    for (size_t k = 0; k < 4; k++) {
        cr_assert_float_eq(nth(k)->value, want[k], 1e-6);
        if (k)
            cr_assert_geq(nth(k)->start, nth(k - 1)->end);
    }
}

/* ---- output limits --------------------------------------------------------- */

Test(text_numbers, counts_all_but_stores_only_max)
{
    const char *text = "1, 2, 3, 4, 5";
    ms_text_number out[4];
    memset(out, 0, sizeof out);
    out[3].value = 42;
    size_t n = ms_text_find_numbers(text, strlen(text), MS_LANG_EN, out, 3);
    cr_assert_eq(n, 5);
    cr_assert_eq(out[0].value, 1);
    cr_assert_eq(out[2].value, 3);
    cr_assert_eq(out[3].value, 42, "nothing is written past max");
    cr_assert_eq(ms_text_find_numbers(text, strlen(text), MS_LANG_EN, NULL, 0), 5);
}

Test(text_numbers, empty_and_null_text)
{
    ms_text_number out[2];
    cr_assert_eq(ms_text_find_numbers("", 0, MS_LANG_EN, out, 2), 0);
    cr_assert_eq(ms_text_find_numbers(NULL, 10, MS_LANG_EN, out, 2), 0);
    cr_assert_eq(ms_text_find_numbers("no figures here", 15, MS_LANG_EN, out, 2), 0);
}

Test(text_numbers, an_unknown_language_reads_as_english)
{
    ms_text_number out[2];
    const char *text = "1,500 left";
    cr_assert_eq(ms_text_find_numbers(text, strlen(text), (ms_lang)99, out, 2), 1);
    cr_assert_eq(out[0].value, 1500);
}

/* ---- robustness ------------------------------------------------------------ */

Test(text_numbers, never_reads_past_len)
{
    /* the buffer goes on, the text does not */
    const char *buf = "1 500 and 12,5 and 2 million";
    ms_text_number out[4];
    cr_assert_eq(ms_text_find_numbers(buf, 3, MS_LANG_EN, out, 4), 2);
    cr_assert_eq(out[0].value, 1);
    cr_assert_eq(out[1].value, 5);
    cr_assert_eq(out[1].end, 3);
    size_t at = strlen("1 500 and ");
    cr_assert_eq(ms_text_find_numbers(buf + at, 3, MS_LANG_RU, out, 4), 1);
    cr_assert_eq(out[0].value, 12, "\"12,\" has no decimal digit within len");
    at = strlen("1 500 and 12,5 and ");
    cr_assert_eq(ms_text_find_numbers(buf + at, 5, MS_LANG_EN, out, 4), 1);
    cr_assert_eq(out[0].value, 2, "\"2 mil\" is no scale word");
    /* a multi-byte character cut by len */
    const char *cyr = "12 тыс.";
    cr_assert_eq(ms_text_find_numbers(cyr, 4, MS_LANG_RU, out, 4), 1);
    cr_assert_eq(out[0].value, 12);
}

Test(text_numbers, invalid_utf8_and_nul_bytes_separate)
{
    const char text[] = "12\xff" "345 a\0" "678 \xd0 9 \xe2\x80 10 \xc0\xaf" "11 тыся\xd1";
    ms_text_number out[8];
    size_t n = ms_text_find_numbers(text, sizeof text - 1, MS_LANG_RU, out, 8);
    cr_assert_eq(n, 6);
    double want[] = {12, 345, 678, 9, 10, 11};
    for (size_t k = 0; k < n; k++)
        cr_assert_eq(out[k].value, want[k], "#%zu: %g", k, out[k].value);
}

Test(text_numbers, an_absurdly_long_digit_run_is_one_finite_number)
{
    char text[1200];
    memset(text, '9', sizeof text);
    ms_text_number out[2];
    cr_assert_eq(ms_text_find_numbers(text, sizeof text, MS_LANG_EN, out, 2), 1);
    cr_assert_eq(out[0].start, 0);
    cr_assert_eq(out[0].end, sizeof text);
    cr_assert(isfinite(out[0].value));
    cr_assert_gt(out[0].rounding, 0);
    memset(text, '1', 60);
    cr_assert_eq(ms_text_find_numbers(text, 60, MS_LANG_EN, out, 2), 1);
    cr_assert_float_eq(out[0].value, 1.1111111111111111e59, 1e45);
}

/* Random bytes, biased toward the bytes the reader looks at, must give
 * ordered, non-overlapping spans inside the text. */
Test(text_numbers, random_bytes_give_sane_spans)
{
    static const char *const pieces[] = {
        "1", "23", ",", ".", " ", "\xc2\xa0", "\xe2\x80\xaf", "\n", "\r", "-", "+", "\xe2\x88\x92",
        "\xe2\x80\x93", "(", "тыс.", "тысячи", "млн", "two", "thousand", " and a half ", "tens of",
        "полтора", "zwei", "tausend", "\xd0", "\xe2", "\xff", "k", "th", "-й", "%", "a", "half", "of",
        "Mio.", "одна", "ста", "\0"};
    static char buf[512];
    static ms_text_number out[600];
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (int iter = 0; iter < 4000; iter++) {
        size_t len = 0, want;
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        want = (size_t)(x % 300);
        while (len < want) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            if (x & 1) {
                buf[len++] = (char)(x >> 8);
            } else {
                const char *p = pieces[(x >> 8) % (sizeof pieces / sizeof pieces[0])];
                size_t pl = *p ? strlen(p) : 1;
                for (size_t k = 0; k < pl && len < want; k++)
                    buf[len++] = p[k];
            }
        }
        /* an exact-size copy, so that a sanitizer build sees any read past len */
        char *text = malloc(len ? len : 1);
        cr_assert_not_null(text);
        memcpy(text, buf, len);
        for (ms_lang lang = MS_LANG_EN; lang < MS_LANG_COUNT_; lang++) {
            size_t n = ms_text_find_numbers(text, len, lang, out, 600);
            cr_assert_leq(n, len, "at most one number per byte");
            for (size_t k = 0; k < n; k++) {
                const ms_text_number *m = &out[k];
                cr_assert_lt(m->start, m->end, "iteration %d #%zu", iter, k);
                cr_assert_leq(m->end, len);
                cr_assert_geq(m->digits_end, m->start);
                cr_assert_leq(m->digits_end, m->end);
                cr_assert(isfinite(m->value));
                cr_assert_gt(m->rounding, 0);
                cr_assert(isfinite(m->rounding));
                if (k)
                    cr_assert_geq(m->start, out[k - 1].end, "iteration %d: #%zu overlaps", iter, k);
            }
        }
        free(text);
    }
}
