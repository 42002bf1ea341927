/* test_extract.c — figures from whole sentences: one case per construction
 * news uses (en, ru, de), with its kind, value, metric, hedge and period;
 * numbers that are not figures; bad bytes; quotes and byte spans.
 * Every sentence is written for these tests. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_expect.h"

/* Criterion runs each case in a new process: cases hold their text, not
 * pointers. An empty field is not checked. */
typedef struct figure_case {
    char lang[4], published[12], text[320];
    ms_kind kind;
    double value;
    char metric[40], hedge[16];
    char period_start[12], period_end[12];
    char place[12], subject[24];
    char base_start[12];
} figure_case;

static figure_case figure_cases[] = {
    /* --- English counts and hedges --- */
    {"en", "2024-08-21", "More than 151,000 foreigners were denied entry to Russia from January to July.",
     MS_KIND_COUNT, 151000, "entry_denials", "more_than", "2024-01-01", "2024-07-31", "RU", "foreign_citizens", ""},
    {"en", "2024-10-08", "Nearly 87,000 people were deported in the first seven months of 2024.",
     MS_KIND_COUNT, 87000, "deportations", "nearly", "2024-01-01", "2024-07-31", "", "foreign_citizens", ""},
    {"en", "2024-03-01", "Police detained about 1,200 migrants in Moscow last year.",
     MS_KIND_COUNT, 1200, "detentions", "about", "2023-01-01", "2023-12-31", "RU-MOW", "foreign_citizens", ""},
    {"en", "2024-03-01", "At least 35 raids were carried out in St Petersburg in February.",
     MS_KIND_COUNT, 35, "raids", "at_least", "2024-02-01", "2024-02-29", "RU-SPE", "", ""},
    {"en", "2024-05-02", "Fewer than 400 residence permits were issued in April.",
     MS_KIND_COUNT, 400, "", "less_than", "2024-04-01", "2024-04-30", "", "", ""},
    {"en", "2024-05-02", "Up to 3,000 migrants could be expelled under the new rules.",
     MS_KIND_COUNT, 3000, "expulsions", "up_to", "", "", "", "", ""},
    {"en", "2024-05-02", "Some 2.3 million work patents were valid as of October 1.",
     MS_KIND_COUNT, 2300000, "work_patents", "about", "2023-10-01", "2023-10-01", "", "", ""},
    {"en", "2025-01-15", "The agency removed 271,484 people in fiscal year 2024.",
     MS_KIND_COUNT, 271484, "deportations", "none", "2023-10-01", "2024-09-30", "", "", ""},
    {"en", "2024-04-25", "Officials deported 12k migrants in the first quarter.",
     MS_KIND_COUNT, 12000, "deportations", "none", "2024-01-01", "2024-03-31", "", "", ""},
    {"en", "2024-04-25", "Nine thousand foreigners were refused entry at the border in 2023.",
     MS_KIND_COUNT, 9000, "entry_denials", "none", "2023-01-01", "2023-12-31", "", "", ""},
    {"en", "2024-06-01", "Around 4,700 Tajik citizens were banned from entering Russia in May.",
     MS_KIND_COUNT, 4700, "entry_bans", "about", "2024-05-01", "2024-05-31", "RU", "TJ", ""},
    {"en", "2024-06-01", "Dozens of migrants were detained after the raid.",
     MS_KIND_COUNT, 24, "detentions", "at_least", "", "", "", "", ""},
    /* --- English changes --- */
    {"en", "2024-10-08", "Some 93,000 people were deported, a 53 percent rise from the same period last year.",
     MS_KIND_PCT_CHANGE, 53, "deportations", "none", "", "", "", "", ""},
    {"en", "2024-08-20", "Expulsions fell by 12.5 per cent in January-July compared with the same period last year.",
     MS_KIND_PCT_CHANGE, -12.5, "expulsions", "none", "2024-01-01", "2024-07-31", "", "", "2023-01-01"},
    {"en", "2024-08-20", "Deportations rose by more than 200 percent in 2023.",
     MS_KIND_PCT_CHANGE, 200, "deportations", "more_than", "2023-01-01", "2023-12-31", "", "", "2022-01-01"},
    {"en", "2024-08-20", "The number of entry bans nearly doubled in 2023.",
     MS_KIND_MULTIPLIER, 2, "entry_bans", "nearly", "2023-01-01", "2023-12-31", "", "", ""},
    {"en", "2024-08-20", "Deportations from Germany halved in 2023.",
     MS_KIND_MULTIPLIER, 0.5, "deportations", "none", "", "", "DE", "", ""},
    {"en", "2024-08-20", "Expulsions rose three times in 2023.",
     MS_KIND_MULTIPLIER, 3, "expulsions", "none", "", "", "", "", ""},
    {"en", "2024-08-20", "In 2023, 24,000 more people were deported than a year earlier.",
     MS_KIND_ABS_CHANGE, 24000, "deportations", "none", "", "", "", "", ""},
    {"en", "2024-08-20", "Tajik citizens made up 38 percent of those deported in 2023.",
     MS_KIND_SHARE, 38, "deportations", "none", "2023-01-01", "2023-12-31", "", "TJ", ""},
    {"en", "2024-08-20", "Removals of foreign nationals were up 9% in the year ending June 2024.",
     MS_KIND_PCT_CHANGE, 9, "deportations", "none", "2023-07-01", "2024-06-30", "", "", ""},
    /* --- Russian counts and hedges --- */
    {"ru", "2024-08-20", "В январе–июле 2024 года из России депортировано более 31,4 тыс. иностранных граждан.",
     MS_KIND_COUNT, 31400, "deportations", "more_than", "2024-01-01", "2024-07-31", "RU", "foreign_citizens", ""},
    {"ru", "2024-08-20", "Почти 1,7 млн патентов на работу действовало на 1 августа.",
     MS_KIND_COUNT, 1700000, "work_patents", "nearly", "2024-08-01", "2024-08-01", "", "", ""},
    {"ru", "2024-08-20", "За семь месяцев выдворено 63 812 иностранцев.",
     MS_KIND_COUNT, 63812, "expulsions", "none", "2024-01-01", "2024-07-31", "", "foreign_citizens", ""},
    {"ru", "2024-08-20", "Вид на жительство получили 121 тысяча 404 человека.",
     MS_KIND_COUNT, 121404, "residence_permits_permanent", "none", "", "", "", "", ""},
    {"ru", "2024-08-20", "Около 700 мигрантов задержаны в Подмосковье с начала года.",
     MS_KIND_COUNT, 700, "detentions", "about", "2024-01-01", "2024-08-20", "RU-MOS", "foreign_citizens", ""},
    {"ru", "2024-08-20", "Свыше 4 тыс. граждан Таджикистана не допущены в Россию в прошлом году.",
     MS_KIND_COUNT, 4000, "entry_denials", "more_than", "2023-01-01", "2023-12-31", "RU", "TJ", ""},
    {"ru", "2024-08-20", "Не менее 50 рейдов провели полицейские в Санкт-Петербурге в июле.",
     MS_KIND_COUNT, 50, "raids", "at_least", "2024-07-01", "2024-07-31", "RU-SPE", "", ""},
    {"ru", "2024-08-20", "Примерно 12,5 тыс. разрешений на временное проживание оформлено в первом полугодии.",
     MS_KIND_COUNT, 12500, "residence_permits_temporary", "about", "2024-01-01", "2024-06-30", "", "", ""},
    {"ru", "2024-08-20", "Полтора миллиона иностранцев получили патенты в 2023 году.",
     MS_KIND_COUNT, 1500000, "work_patents", "none", "2023-01-01", "2023-12-31", "", "", ""},
    {"ru", "2024-08-20", "Менее 300 человек лишены гражданства в первом квартале.",
     MS_KIND_COUNT, 300, "citizenship_revocations", "less_than", "2024-01-01", "2024-03-31", "", "", ""},
    {"ru", "2024-08-20", "В ходе рейда задержаны пятеро мигрантов.",
     MS_KIND_COUNT, 5, "detentions", "none", "", "", "", "", ""},
    /* --- Russian changes --- */
    {"ru", "2024-08-20", "В январе–июле депортировано 31 тыс. иностранцев — на 45% больше, чем за аналогичный период прошлого года.",
     MS_KIND_PCT_CHANGE, 45, "deportations", "none", "2024-01-01", "2024-07-31", "", "", "2023-01-01"},
    {"ru", "2024-08-20", "Число выданных РВП за семь месяцев снизилось на 18 процентов.",
     MS_KIND_PCT_CHANGE, -18, "residence_permits_temporary", "none", "2024-01-01", "2024-07-31", "", "", "2023-01-01"},
    {"ru", "2024-08-20", "Число решений о неразрешении въезда выросло в 2,4 раза.",
     MS_KIND_MULTIPLIER, 2.4, "entry_bans", "none", "", "", "", "", ""},
    {"ru", "2024-08-20", "Количество выдворенных сократилось в 2,5 раза.",
     MS_KIND_MULTIPLIER, 0.4, "expulsions", "none", "", "", "", "", ""},
    {"ru", "2024-08-20", "Депортаций стало вдвое больше, чем в 2022 году.",
     MS_KIND_MULTIPLIER, 2, "deportations", "none", "", "", "", "", "2022-01-01"},
    {"ru", "2024-08-20", "Выдворенных стало почти вдвое меньше.",
     MS_KIND_MULTIPLIER, 0.5, "expulsions", "nearly", "", "", "", "", ""},
    {"ru", "2024-08-20", "Задержанных мигрантов стало на треть больше.",
     MS_KIND_PCT_CHANGE, 33.33, "detentions", "none", "", "", "", "", ""},
    {"ru", "2024-08-20", "Число депортированных за год выросло на 37,5 тыс.",
     MS_KIND_ABS_CHANGE, 37500, "deportations", "none", "", "", "", "", ""},
    {"ru", "2024-08-20", "Разрешений на временное проживание выдано на 8,2 тыс. меньше, чем годом ранее.",
     MS_KIND_ABS_CHANGE, -8200, "residence_permits_temporary", "none", "", "", "", "", ""},
    {"ru", "2024-08-20", "Вид на жительство получили 98 тыс. человек (–7,4%).",
     MS_KIND_PCT_CHANGE, -7.4, "residence_permits_permanent", "none", "", "", "", "", ""},
    {"ru", "2024-08-20", "Доля граждан Узбекистана среди депортированных — 41%.",
     MS_KIND_SHARE, 41, "deportations", "none", "", "", "", "UZ", ""},
    {"ru", "2024-08-20", "Число решений о неразрешении въезда выросло в 3,1 раза — до 59,8 тыс.",
     MS_KIND_COUNT, 59800, "entry_bans", "none", "", "", "", "", ""},
    /* --- German --- */
    {"de", "2025-02-14", "Im vergangenen Jahr wurden rund 19.420 Menschen aus Deutschland abgeschoben.",
     MS_KIND_COUNT, 19420, "deportations", "about", "2024-01-01", "2024-12-31", "DE", "", ""},
    {"de", "2025-02-14", "Die Zahl der Abschiebungen ist um 12 Prozent gestiegen.",
     MS_KIND_PCT_CHANGE, 12, "deportations", "none", "", "", "", "", ""},
    {"de", "2024-09-26", "Seit Jahresbeginn wurden in Bayern über 3.100 Personen zurückgewiesen.",
     MS_KIND_COUNT, 3100, "entry_denials", "more_than", "2024-01-01", "2024-09-26", "DE-BY", "", ""},
    {"de", "2023-08-03", "Im ersten Halbjahr wurden knapp 6.500 Ausländer ausgewiesen.",
     MS_KIND_COUNT, 6500, "expulsions", "nearly", "2023-01-01", "2023-06-30", "", "", ""},
    {"de", "2023-08-03", "Die Zahl der Festnahmen hat sich fast verdoppelt.",
     MS_KIND_MULTIPLIER, 2, "", "nearly", "", "", "", "", ""},
    {"de", "2023-08-03", "Die Bundespolizei hat 1,2 Millionen Menschen kontrolliert.",
     MS_KIND_COUNT, 1200000, "migrants_checked", "none", "", "", "", "", ""},

    /* --- events: casualties take the event's days and place --- */
    {"en", "2024-09-10", "The Crocus City Hall attack killed 146 people and injured 560 more.",
     MS_KIND_COUNT, 146, "deaths", "none", "2024-03-22", "2024-03-22", "RU-MOS", "", ""},
    {"en", "2024-09-10", "The Crocus City Hall attack killed 146 people and injured 560 more.",
     MS_KIND_COUNT, 560, "injuries", "none", "2024-03-22", "2024-03-22", "RU-MOS", "", ""},
    {"en", "2024-07-01", "A terrorist attack near Moscow in March left 140 dead.",
     MS_KIND_COUNT, 140, "deaths", "none", "2024-03-22", "2024-03-22", "RU-MOS", "", ""},
    {"ru", "2024-05-10", "В результате теракта в «Крокусе» погибли 145 человек.",
     MS_KIND_COUNT, 145, "deaths", "none", "2024-03-22", "2024-03-22", "RU-MOS", "", ""},
    {"de", "2024-09-01", "Beim Anschlag von Solingen starben 3 Menschen, 8 wurden verletzt.",
     MS_KIND_COUNT, 8, "injuries", "none", "2024-08-23", "2024-08-23", "DE-NW", "", ""},
    /* a kind of event in one country and month names the one event that fits */
    {"en", "2024-12-01", "A terrorist attack in Germany in August left 3 people dead.",
     MS_KIND_COUNT, 3, "deaths", "none", "2024-08-23", "2024-08-23", "DE", "", ""},
    /* ... and two that fit leave the period the text gives */
    {"en", "2024-12-01", "Terrorist attacks in Russia killed about 170 people this year.",
     MS_KIND_COUNT, 170, "deaths", "about", "2024-01-01", "2024-12-01", "RU", "", ""},
    /* what police did after an attack is not on the attack's day */
    {"en", "2024-06-01", "After the Crocus attack, police detained 900 migrants in May.",
     MS_KIND_COUNT, 900, "detentions", "none", "2024-05-01", "2024-05-31", "", "foreign_citizens", ""},
    {"ru", "2024-06-01", "После теракта в «Крокусе» в апреле задержаны 1 200 мигрантов.",
     MS_KIND_COUNT, 1200, "detentions", "none", "2024-04-01", "2024-04-30", "", "foreign_citizens", ""},

    /* --- places near a city, and origins that are not places --- */
    {"en", "2024-09-01", "About 300 migrants were detained in a raid outside Moscow.",
     MS_KIND_COUNT, 300, "detentions", "about", "", "", "RU-MOS", "foreign_citizens", ""},
    {"ru", "2024-09-01", "Около 300 мигрантов задержаны в подмосковном Красногорске.",
     MS_KIND_COUNT, 300, "detentions", "about", "", "", "RU-MOS", "foreign_citizens", ""},
    {"de", "2024-09-01", "Bei Moskau wurden rund 300 Migranten festgenommen.",
     MS_KIND_COUNT, 300, "detentions", "about", "", "", "RU-MOS", "foreign_citizens", ""},
    {"en", "2024-09-01", "Police in Yekaterinburg detained 40 workers from Uzbekistan.",
     MS_KIND_COUNT, 40, "detentions", "none", "", "", "RU-SVE", "UZ", ""},
    {"ru", "2024-09-01", "В Казани полиция задержала 40 мигрантов из Узбекистана.",
     MS_KIND_COUNT, 40, "detentions", "none", "", "", "RU-TA", "UZ", ""},
    /* ... but the country a deportation is from is where it was measured */
    {"ru", "2024-09-01", "Из Германии выдворено 120 граждан Грузии.",
     MS_KIND_COUNT, 120, "expulsions", "none", "", "", "DE", "GE", ""},
    {"de", "2025-01-20", "Im vergangenen Jahr wurden aus Österreich 9.100 Menschen abgeschoben.",
     MS_KIND_COUNT, 9100, "deportations", "none", "2024-01-01", "2024-12-31", "AT", "foreign_citizens", ""},

    /* --- a phrasal verb ending in a hedge word is not a hedge --- */
    {"en", "2025-03-01", "Last year Russia handed over 2,210 foreigners under readmission agreements.",
     MS_KIND_COUNT, 2210, "readmissions", "none", "2024-01-01", "2024-12-31", "RU", "", ""},
    {"en", "2025-03-01", "Last year Russia handed over more than 2,210 foreigners under readmission deals.",
     MS_KIND_COUNT, 2210, "readmissions", "more_than", "2024-01-01", "2024-12-31", "RU", "", ""},

    /* --- one noun shared by two counts --- */
    {"en", "2025-06-01", "The ministry issued 48,100 temporary and 37,900 permanent residence permits in May.",
     MS_KIND_COUNT, 48100, "residence_permits_temporary", "none", "2025-05-01", "2025-05-31", "", "", ""},
    {"en", "2025-06-01", "The ministry issued 48,100 temporary and 37,900 permanent residence permits in May.",
     MS_KIND_COUNT, 37900, "residence_permits_permanent", "none", "2025-05-01", "2025-05-31", "", "", ""},

    /* --- the group a number is taken from is not what it counts --- */
    {"ru", "2024-09-01", "Более 200 задержанных получили предписания о выдворении.",
     MS_KIND_COUNT, 200, "expulsions", "more_than", "", "", "", "", ""},
    {"ru", "2024-09-01", "Из числа задержанных 150 человек выдворены.",
     MS_KIND_COUNT, 150, "expulsions", "none", "", "", "", "", ""},
    {"en", "2024-09-01", "Fewer than 9,000 of those detained were later deported.",
     MS_KIND_COUNT, 9000, "deportations", "less_than", "", "", "", "", ""},
    {"en", "2024-09-01", "Among those detained, 77 were deported.",
     MS_KIND_COUNT, 77, "deportations", "none", "", "", "", "", ""},
    {"de", "2024-09-01", "Von den Festgenommenen wurden 310 abgeschoben.",
     MS_KIND_COUNT, 310, "deportations", "none", "", "", "", "", ""},
    /* ... but two metrics joined by "and" are the number's own words */
    {"en", "2024-09-01", "In total 1,400 detentions and deportations were recorded.",
     MS_KIND_COUNT, 1400, "detentions", "none", "", "", "", "", ""},

    /* --- "this programme" points back to the metric named before --- */
    {"ru", "2024-05-01", "В рамках оргнабора в марте в Россию приехали 2 тысячи граждан Киргизии. "
                         "За 2023 год по этой программе прибыли 7,8 тыс. человек.",
     MS_KIND_COUNT, 7800, "organized_recruitment", "none", "2023-01-01", "2023-12-31", "", "", ""},
    {"en", "2024-05-01", "Under the organised recruitment scheme, 2,000 Kyrgyz citizens came in March. "
                         "In 2023, 7,800 people arrived under this scheme.",
     MS_KIND_COUNT, 7800, "organized_recruitment", "none", "2023-01-01", "2023-12-31", "", "", ""},

    /* ... nor a metric word in an aside between commas */
    {"ru", "2024-09-01", "45 человек, нарушивших режим пребывания, доставлены в отдел полиции.",
     MS_KIND_COUNT, 45, "detentions", "none", "", "", "", "", ""},
    {"ru", "2024-09-01", "Задержаны 45 человек, нарушивших режим пребывания, их выдворят.",
     MS_KIND_COUNT, 45, "detentions", "none", "", "", "", "", ""},

    /* --- "and Greece (41)": one more of the rates before --- */
    {"en", "2025-06-01", "Rates were highest in Malta, with 71 return decisions per 100 000 inhabitants, "
                         "and Estonia (38).",
     MS_KIND_RATIO, 38, "", "none", "", "", "", "", ""},

    /* --- "в 210 случаях": cases of what was counted before --- */
    {"ru", "2025-02-01", "В 2024 году гражданства лишены 640 человек. В 210 случаях основанием стал фиктивный брак.",
     MS_KIND_COUNT, 210, "citizenship_revocations", "none", "", "", "", "", ""},
    {"en", "2025-02-01", "In 2024, 640 people were stripped of citizenship. A sham marriage was the ground in 210 cases.",
     MS_KIND_COUNT, 210, "citizenship_revocations", "none", "", "", "", "", ""},

    /* --- "compared with 2022, to almost 64,000": the level reached is now --- */
    {"en", "2023-12-20", "Entry bans for Tajik citizens fell by 9 per cent in January-October 2023 "
                         "compared with the same period of 2022, to almost 64,000.",
     MS_KIND_COUNT, 64000, "entry_bans", "nearly", "2023-01-01", "2023-10-31", "", "", ""},
    {"en", "2024-02-01", "In 2022 removals of Albanian nationals halved compared with 2021, to 1,480.",
     MS_KIND_COUNT, 1480, "", "none", "2022-01-01", "2022-12-31", "", "AL", ""},

    /* --- German separable verbs --- */
    {"de", "2024-09-01", "Bei der Razzia auf einer Baustelle am Montag: Die Bundespolizei nahm 23 Arbeiter fest.",
     MS_KIND_COUNT, 23, "detentions", "none", "", "", "", "", ""},

    /* --- plans and targets are not counts of what happened --- */
    {"en", "2024-08-01", "The ministry plans to issue 50,000 work patents in 2026.",
     MS_KIND_COUNT, 50000, "other", "none", "2026-01-01", "2026-12-31", "", "", ""},
    {"ru", "2024-08-01", "В 2025 году планируется выдать 80 тысяч разрешений на работу.",
     MS_KIND_COUNT, 80000, "other", "none", "2025-01-01", "2025-12-31", "", "", ""},
};

ParameterizedTestParameters(extract, figure)
{
    return cr_make_param_array(figure_case, figure_cases, sizeof figure_cases / sizeof *figure_cases);
}

ParameterizedTest(figure_case *c, extract, figure)
{
    ms_figure_set set;
    ms_diag diag;
    ms_diag_init(&diag);
    test_extract(c->lang, c->published, c->text, strlen(c->text), &set, &diag);
    const ms_figure *f = test_find(&set, c->kind, c->value);
    cr_assert(f, "no %s %g in «%s»; got %s", ms_kind_name(c->kind), c->value, c->text, test_list(&set));
    if (*c->metric)
        cr_expect_str_eq(f->metric, c->metric, "metric in «%s»", c->text);
    cr_expect_str_eq(ms_hedge_name(f->hedge), c->hedge, "hedge in «%s»", c->text);
    char b1[16], b2[16];
    if (*c->period_start) {
        cr_expect_str_eq(test_date(f->period.start, b1), c->period_start, "period start in «%s»", c->text);
        cr_expect_str_eq(test_date(f->period.end, b2), c->period_end, "period end in «%s»", c->text);
    }
    if (*c->base_start)
        cr_expect_str_eq(test_date(f->base.start, b1), c->base_start, "base start in «%s»", c->text);
    if (*c->place)
        cr_expect(f->place && strcmp(f->place, c->place) == 0, "place %s, want %s in «%s»",
                  f->place ? f->place : "none", c->place, c->text);
    if (*c->subject)
        cr_expect(f->subject && strcmp(f->subject, c->subject) == 0, "subject %s, want %s in «%s»",
                  f->subject ? f->subject : "none", c->subject, c->text);
    /* the quote is the text around the number, and the span points at it */
    cr_expect(f->quote && f->offset >= 0 && (size_t)(f->offset + f->length) <= strlen(c->text) &&
                  memcmp(c->text + f->offset, f->quote, (size_t)f->length) == 0,
              "quote and span disagree in «%s»", c->text);
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
}

/* Numbers that are not figures. */
typedef struct nonfigure_case {
    char lang[4], text[320];
    double value; /* no figure may have this value */
} nonfigure_case;

static nonfigure_case nonfigure_cases[] = {
    {"en", "In 2023 the ministry deported 4,100 people.", 2023},
    {"en", "The 20th session of the council discussed deportations of 600 people.", 20},
    {"en", "A 35-year-old man was among the 40 migrants detained.", 35},
    {"en", "Under Decree No. 1125, 300 foreigners were expelled.", 1125},
    {"en", "Call the hotline on 8 800 555 3535 if relatives were detained; 70 people were detained.", 3535},
    {"en", "Photo 1 of 12: migrants detained at a market, where 90 were detained.", 12},
    {"en", "Deportations per 100,000 inhabitants reached 92 in the region, where 5,000 were deported.", 100000},
    {"en", "The 2,000 rouble fine was paid by all 15 detained migrants.", 2000},
    {"en", "The raid lasted 6 hours and 45 migrants were detained.", 6},
    {"en", "Migrants from more than 120 countries were deported last year, 9,000 in all.", 120},
    {"ru", "Возбуждено 4 тыс. 150 уголовных дел по статьям 322.1, 322.2 и 322.3 УК.", 322.3},
    {"en", "Under articles 18.8 and 18.10 of the code, 52 detained migrants were expelled.", 18.10},
    {"en", "About 250 officers took part in the raid in which 60 migrants were detained.", 250},
    {"de", "Bis zu 280 Beamte waren an der Razzia beteiligt; 35 Personen wurden festgenommen.", 280},
    {"ru", "Нарушителям грозит выдворение и арест на срок от 10 до 15 суток; выдворены 40 человек.", 10},
    {"ru", "Штраф составит от 2000 до 5000 рублей, задержаны 30 мигрантов.", 2000},
    {"en", "Each of the 70 deported workers had paid 3,200 somoni for a patent.", 3200},
    {"en", "Read more: 500 migrants deported from Moscow in a week", 500},
    {"ru", "Статья 18.8 КоАП предусматривает выдворение; выдворены 120 человек.", 18.8},
    {"ru", "Согласно закону № 138-ФЗ, 80 иностранцев депортированы.", 138},
    {"ru", "44-летний мигрант был задержан вместе с 12 соотечественниками.", 44},
    {"ru", "На 20-м заседании сообщили, что депортированы 300 человек.", 20},
    {"ru", "Операция «Нелегал-2024» завершилась: задержаны 700 мигрантов.", 2024},
    {"ru", "Материал подготовлен к 26 марта; задержаны 40 мигрантов.", 26},
    {"ru", "Поддержать нас можно переводом 500 рублей; 30 мигрантов задержаны.", 500},
    {"ru", "Страница 1 из 4. Депортированы 60 человек.", 4},
    {"de", "Laut Drucksache 20/14321 wurden 2024 rund 800 Menschen abgeschoben.", 14321},
    {"de", "Am 3. August wurden 150 Personen zurückgewiesen.", 3},
};

ParameterizedTestParameters(extract, not_a_figure)
{
    return cr_make_param_array(nonfigure_case, nonfigure_cases,
                               sizeof nonfigure_cases / sizeof *nonfigure_cases);
}

ParameterizedTest(nonfigure_case *c, extract, not_a_figure)
{
    ms_figure_set set;
    ms_diag diag;
    ms_diag_init(&diag);
    test_extract(c->lang, "2024-08-20", c->text, strlen(c->text), &set, &diag);
    for (size_t i = 0; i < set.count; i++)
        cr_expect(fabs(set.items[i].value - c->value) > 1e-9, "%g is not a figure in «%s»; got %s",
                  c->value, c->text, test_list(&set));
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
}

Test(extract, a_figure_the_sentence_holds_is_still_found_next_to_a_nonfigure)
{
    ms_figure_set set;
    ms_diag diag;
    ms_diag_init(&diag);
    const char *t = "Under Decree No. 1125, 300 foreigners were expelled in 2023.";
    test_extract("en", "2024-08-20", t, strlen(t), &set, &diag);
    cr_assert_eq(set.count, 1, "got %s", test_list(&set));
    cr_expect_eq(set.items[0].value, 300);
    cr_expect_str_eq(set.items[0].metric, "expulsions");
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
}

Test(extract, a_period_stated_once_governs_the_next_sentences)
{
    ms_figure_set set;
    ms_diag diag;
    ms_diag_init(&diag);
    const char *t = "In January-September 2024, 41,000 migrants were deported. "
                    "Another 18,200 were expelled. Police also detained 5,300 people.";
    test_extract("en", "2024-10-10", t, strlen(t), &set, &diag);
    char b[16];
    for (size_t i = 0; i < set.count; i++) {
        cr_expect_str_eq(test_date(set.items[i].period.start, b), "2024-01-01");
        cr_expect_str_eq(test_date(set.items[i].period.end, b), "2024-09-30");
    }
    cr_expect(test_find(&set, MS_KIND_COUNT, 18200), "got %s", test_list(&set));
    cr_expect(test_find(&set, MS_KIND_COUNT, 5300), "got %s", test_list(&set));
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
}

Test(extract, a_day_stated_later_in_the_same_clause_overrides_the_carried_period)
{
    ms_figure_set set;
    ms_diag diag;
    ms_diag_init(&diag);
    const char *t = "In 2024, 12,400 migrants were detained in the region. "
                    "About 60 people were detained by police in the town of Lobnya on the night of June 3 to June 4. "
                    "Another 35 were detained in Dubna, the police said on June 6.";
    test_extract("en", "2024-06-10", t, strlen(t), &set, &diag);
    const ms_figure *night = test_find(&set, MS_KIND_COUNT, 60);
    const ms_figure *later = test_find(&set, MS_KIND_COUNT, 35);
    cr_assert(night && later, "got %s", test_list(&set));
    char b[16];
    cr_expect_str_eq(test_date(night->period.start, b), "2024-06-03");
    cr_expect_str_eq(test_date(night->period.end, b), "2024-06-04");
    /* past a comma the date is the report's: the night carries on */
    cr_expect_str_eq(test_date(later->period.start, b), "2024-06-03");
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
}

Test(extract, respectively_gives_one_figure_per_metric)
{
    ms_figure_set set;
    ms_diag diag;
    ms_diag_init(&diag);
    const char *t = "Deportations and expulsions dropped by 44 and 18 percent, respectively.";
    test_extract("en", "2024-08-20", t, strlen(t), &set, &diag);
    const ms_figure *a = test_find(&set, MS_KIND_PCT_CHANGE, -44);
    const ms_figure *b = test_find(&set, MS_KIND_PCT_CHANGE, -18);
    cr_assert(a && b, "got %s", test_list(&set));
    cr_expect_str_eq(a->metric, "deportations");
    cr_expect_str_eq(b->metric, "expulsions");
    cr_expect_str_eq(a->quote, b->quote, "both items quote the same clause");
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
}

Test(extract, a_headline_repeating_a_body_figure_gives_one_figure)
{
    ms_figure_set set;
    ms_diag diag;
    ms_diag_init(&diag);
    const char *t = "Deportations up 45%\n\nIn January-July, 31,000 foreigners were deported, "
                    "up 45% from the same period last year.";
    test_extract("en", "2024-08-20", t, strlen(t), &set, &diag);
    size_t n45 = 0;
    for (size_t i = 0; i < set.count; i++)
        n45 += set.items[i].value == 45;
    cr_expect_eq(n45, 1, "got %s", test_list(&set));
    const ms_figure *f = test_find(&set, MS_KIND_PCT_CHANGE, 45);
    cr_assert(f);
    cr_expect(f->offset > 20, "the body mention is kept");
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
}

Test(extract, the_base_figure_of_a_comparison_has_the_base_period)
{
    ms_figure_set set;
    ms_diag diag;
    ms_diag_init(&diag);
    const char *t = "Police detained 4,870 migrants in 2023, up from 3,120 a year earlier.";
    test_extract("en", "2024-03-01", t, strlen(t), &set, &diag);
    const ms_figure *now = test_find(&set, MS_KIND_COUNT, 4870);
    const ms_figure *before = test_find(&set, MS_KIND_COUNT, 3120);
    cr_assert(now && before, "got %s", test_list(&set));
    char b[16];
    cr_expect_str_eq(test_date(now->period.start, b), "2023-01-01");
    cr_expect_str_eq(test_date(before->period.start, b), "2022-01-01");
    cr_expect_str_eq(test_date(before->period.end, b), "2022-12-31");
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
}

Test(extract, a_bracketed_previous_value_is_last_years)
{
    ms_figure_set set;
    ms_diag diag;
    ms_diag_init(&diag);
    const char *t = "Итоги первого полугодия 2024 года.\nВыдворено: 1 407 (962)\nДепортировано: 388 (301)\n";
    test_extract("ru", "2024-08-08", t, strlen(t), &set, &diag);
    const ms_figure *now = test_find(&set, MS_KIND_COUNT, 1407);
    const ms_figure *before = test_find(&set, MS_KIND_COUNT, 962);
    const ms_figure *dep = test_find(&set, MS_KIND_COUNT, 301);
    cr_assert(now && before && dep, "got %s", test_list(&set));
    cr_expect_str_eq(now->metric, "expulsions");
    cr_expect_str_eq(dep->metric, "deportations");
    char b[16];
    cr_expect_str_eq(test_date(now->period.end, b), "2024-06-30");
    cr_expect_str_eq(test_date(before->period.start, b), "2023-01-01");
    cr_expect_str_eq(test_date(before->period.end, b), "2023-06-30");
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
}

Test(extract, hedges_give_the_interval_of_the_conventions)
{
    ms_figure_set set;
    ms_diag diag;
    ms_diag_init(&diag);
    const char *t = "More than 143,000 foreigners were denied entry in 2024.";
    test_extract("en", "2024-08-20", t, strlen(t), &set, &diag);
    const ms_figure *f = test_find(&set, MS_KIND_COUNT, 143000);
    cr_assert(f, "got %s", test_list(&set));
    cr_expect_eq(f->range.lo, 143000);
    cr_expect(f->range.lo_open);
    cr_expect_eq(f->range.hi, 144000);
    cr_expect(!f->range.hi_open);
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
}

Test(extract, nearly_halved_bounds_the_divisor)
{
    ms_figure_set set;
    ms_diag diag;
    ms_diag_init(&diag);
    const char *t = "The number of deportations nearly halved in 2023.";
    test_extract("en", "2024-08-20", t, strlen(t), &set, &diag);
    const ms_figure *f = test_find(&set, MS_KIND_MULTIPLIER, 0.5);
    cr_assert(f, "got %s", test_list(&set));
    cr_expect_str_eq(ms_hedge_name(f->hedge), "nearly");
    cr_expect_float_eq(f->range.lo, 0.5, 1e-9);
    cr_expect(f->range.lo_open);
    cr_expect_float_eq(f->range.hi, 1 / 1.8, 1e-9);
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
}

Test(extract, bad_bytes_are_warned_with_their_offset_and_do_not_stop_reading)
{
    ms_figure_set set;
    ms_diag diag;
    ms_diag_init(&diag);
    const char t[] = "Police detained\xff 640 migrants\0 in Moscow.\r\nAnother 80 were deported.";
    test_extract("en", "2024-08-20", t, sizeof t - 1, &set, &diag);
    cr_expect(test_find(&set, MS_KIND_COUNT, 640), "got %s", test_list(&set));
    cr_expect(test_find(&set, MS_KIND_COUNT, 80), "got %s", test_list(&set));
    cr_expect_eq(diag.count, 2, "one warning per bad byte");
    cr_expect(diag.count == 2 && strstr(diag.entries[0].reason, "byte offset 15"),
              "first warning: %s", diag.count ? diag.entries[0].reason : "none");
    cr_expect(diag.count == 2 && strstr(diag.entries[1].reason, "NUL"), "second warning names NUL");
    for (size_t i = 0; i < set.count; i++)
        cr_expect(strchr(set.items[i].quote, '\xff') == NULL, "no bad byte reaches a quote");
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
}

/* Bad bytes inside long ASCII runs and next to valid two-byte letters:
 * every one is warned at its own offset, and the valid letter is not. */
Test(extract, bad_bytes_among_long_ascii_runs_are_each_warned)
{
    ms_figure_set set;
    ms_diag diag;
    ms_diag_init(&diag);
    const char t[] = "Police detained 640 migrants\xc0\xaf in Moscow, and \xd0 deported 80 \x80 "
                     "more.\r\nAlso \xd0\x9f 12 \xd1";
    test_extract("en", "2024-08-20", t, sizeof t - 1, &set, &diag);
    static const char *const offsets[] = {"offset 28 ", "offset 29 ", "offset 46 ", "offset 60 ",
                                          "offset 80 "};
    cr_assert_eq(diag.count, 5, "one warning per bad byte, none for the letter П");
    for (size_t i = 0; i < 5; i++)
        cr_expect(strstr(diag.entries[i].reason, offsets[i]) != NULL, "warning %zu: %s", i,
                  diag.entries[i].reason);
    cr_expect(test_find(&set, MS_KIND_COUNT, 640), "got %s", test_list(&set));
    cr_expect(test_find(&set, MS_KIND_COUNT, 80), "got %s", test_list(&set));
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
}

Test(extract, an_empty_text_gives_nothing)
{
    ms_figure_set set;
    ms_diag diag;
    ms_diag_init(&diag);
    test_extract("ru", NULL, "", 0, &set, &diag);
    cr_expect_eq(set.count, 0);
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
}

Test(extract, random_bytes_never_crash_and_spans_stay_inside)
{
    srand(7);
    ms_extractor *ex = NULL;
    cr_assert_eq(ms_extractor_new(&ex), MS_OK);
    const char *pieces[] = {"более ", "143,000 ", "тыс. ", "на ", "45% ", "в 3,1 раза ",
                            "deported ", "\xd0", "\n\n", ". ", "(", "870) ", "—", "до ",
                            "nearly ", "2024 ", "года ", "Moscow ", "\xe2\x80\xaf", "000"};
    char buf[512];
    for (int round = 0; round < 400; round++) {
        size_t n = 0;
        while (n < sizeof buf - 40) {
            const char *p = pieces[rand() % (int)(sizeof pieces / sizeof *pieces)];
            size_t l = strlen(p);
            memcpy(buf + n, p, l);
            n += l;
            if (rand() % 5 == 0)
                break;
        }
        ms_figure_set set;
        ms_figure_set_init(&set);
        ms_diag diag;
        ms_diag_init(&diag);
        ms_extract_options opt = {0};
        opt.lang_auto = true;
        opt.published = ms_day_from_civil(2024, 8, 20);
        opt.source = "r";
        ms_extract_sink sink = {test_collect, NULL, &set};
        cr_assert_eq(ms_extract_text(ex, buf, n, &opt, &sink, &diag, NULL), MS_OK);
        for (size_t i = 0; i < set.count; i++)
            cr_assert(set.items[i].offset >= 0 && (size_t)(set.items[i].offset + set.items[i].length) <= n);
        ms_figure_set_free(&set);
        ms_diag_free(&diag);
    }
    ms_extractor_free(ex);
}

Test(extract, people_beside_deaths_are_nobody_in_particular_beside_deportations_foreigners)
{
    const char *text = "The attack killed 31 people. Police deported 2,400 people last year.";
    ms_figure_set set;
    ms_diag diag;
    ms_diag_init(&diag);
    test_extract("en", "2024-09-10", text, strlen(text), &set, &diag);
    const ms_figure *dead = test_find(&set, MS_KIND_COUNT, 31);
    const ms_figure *out = test_find(&set, MS_KIND_COUNT, 2400);
    cr_assert(dead && out, "got %s", test_list(&set));
    cr_expect_str_eq(dead->metric, "deaths");
    cr_expect_null(dead->subject, "subject %s beside deaths", dead->subject);
    cr_expect_str_eq(out->metric, "deportations");
    cr_expect(out->subject && strcmp(out->subject, "foreign_citizens") == 0);
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
}

/* "temporary and permanent residence permits": two metrics, one noun. */
Test(extract, respectively_shares_the_noun_of_a_coordination)
{
    static const struct {
        const char *lang, *text;
        double a, b;
    } cases[] = {
        {"en", "Temporary and permanent residence permits issued in the first half fell by "
               "31 and 12 percent, respectively.", -31, -12},
        {"de", "Die Zahl der befristeten und unbefristeten Aufenthaltstitel sank um 7 bzw. 3 Prozent.",
         -7, -3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        ms_figure_set set;
        ms_diag diag;
        ms_diag_init(&diag);
        test_extract(cases[i].lang, "2024-08-20", cases[i].text, strlen(cases[i].text), &set, &diag);
        const ms_figure *a = test_find(&set, MS_KIND_PCT_CHANGE, cases[i].a);
        const ms_figure *b = test_find(&set, MS_KIND_PCT_CHANGE, cases[i].b);
        cr_assert(a && b, "got %s", test_list(&set));
        cr_expect_str_eq(a->metric, "residence_permits_temporary", "in «%s»", cases[i].text);
        cr_expect_str_eq(b->metric, "residence_permits_permanent", "in «%s»", cases[i].text);
        ms_figure_set_free(&set);
        ms_diag_free(&diag);
    }
}

/* "The two figures rose by 9 and 4 percent, respectively" after a sentence
 * with two levels of different metrics. */
Test(extract, respectively_after_a_sentence_of_levels_takes_their_metrics)
{
    const char *t = "In 2024 police deported 5,120 migrants and expelled 2,980 more. "
                    "The two figures rose by 9 and 4 percent, respectively.";
    ms_figure_set set;
    ms_diag diag;
    ms_diag_init(&diag);
    test_extract("en", "2025-02-01", t, strlen(t), &set, &diag);
    const ms_figure *a = test_find(&set, MS_KIND_PCT_CHANGE, 9);
    const ms_figure *b = test_find(&set, MS_KIND_PCT_CHANGE, 4);
    cr_assert(a && b, "got %s", test_list(&set));
    cr_expect_str_eq(a->metric, "deportations");
    cr_expect_str_eq(b->metric, "expulsions");
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
}

/* A vague headline count ("thousands") is the body figure in its range. */
Test(extract, a_vague_headline_count_is_the_body_figure_it_rounds)
{
    const char *t = "Police deport thousands after new rules\n\n"
                    "Police deported 4,350 migrants in the first quarter, the ministry said.\n";
    ms_figure_set set;
    ms_diag diag;
    ms_diag_init(&diag);
    test_extract("en", "2025-04-10", t, strlen(t), &set, &diag);
    cr_assert_eq(set.count, 1, "got %s", test_list(&set));
    cr_expect_eq(set.items[0].value, 4350);
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
    /* a body figure outside the range leaves the headline's own figure */
    t = "Police deport thousands after new rules\n\n"
        "Police deported 14,350 migrants in the first quarter, the ministry said.\n";
    ms_diag_init(&diag);
    test_extract("en", "2025-04-10", t, strlen(t), &set, &diag);
    cr_assert_eq(set.count, 2, "got %s", test_list(&set));
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
}

/* The day of a press conference dates the statement, not the figures: the
 * period stated with them goes on to the next paragraph. */
Test(extract, the_day_of_a_press_conference_is_not_the_period_carried_on)
{
    const char *t = "На пресс-конференции 18 декабря глава ведомства сообщил, что с января по ноябрь "
                    "2024 года выдворено 7,4 тыс. иностранцев.\n\n"
                    "Уголовных дел возбуждено более 900.\n";
    ms_figure_set set;
    ms_diag diag;
    ms_diag_init(&diag);
    test_extract("ru", "2024-12-19", t, strlen(t), &set, &diag);
    const ms_figure *cases = test_find(&set, MS_KIND_COUNT, 900);
    cr_assert(cases, "got %s", test_list(&set));
    char b[16];
    cr_expect_str_eq(test_date(cases->period.start, b), "2024-01-01");
    cr_expect_str_eq(test_date(cases->period.end, b), "2024-11-30");
    ms_figure_set_free(&set);
    ms_diag_free(&diag);
}

Test(extract, language_guess_tells_russian_german_and_english_apart)
{
    const char *ru = "В январе выдворено 1200 иностранцев из Москвы.";
    const char *de = "Die Polizei hat 120 Menschen abgeschoben, und die Zahl der Fälle stieg.";
    const char *de_plain = "Im Jahr wurden 300 Personen abgeschoben und die Zahl ist nicht klein.";
    const char *en = "Police deported 2,400 people and the number of cases rose.";
    cr_expect_eq(ms_lang_guess(ru, strlen(ru)), MS_LANG_RU);
    cr_expect_eq(ms_lang_guess(de, strlen(de)), MS_LANG_DE);
    /* no umlaut: the function words alone */
    cr_expect_eq(ms_lang_guess(de_plain, strlen(de_plain)), MS_LANG_DE);
    cr_expect_eq(ms_lang_guess(en, strlen(en)), MS_LANG_EN);
    /* a German word at the very end, without a space after it, is not one */
    const char *tail = "Police deported people und";
    cr_expect_eq(ms_lang_guess(tail, strlen(tail)), MS_LANG_EN);
}
