/* periods.h — time expressions in news text, resolved to calendar days.
 *
 * Finds the expressions that say what time a figure covers (CONVENTIONS §6)
 * and resolves them against the publication date: "in 2023", "from January
 * to July", "the first seven months of 2024", "since the beginning of the
 * year", "last year", "fiscal year 2024", "year ending September 2024",
 * "в январе–июле", "за семь месяцев", "с начала года", "в минувшем году",
 * "в I квартале", "im vergangenen Jahr", "am Mittwoch", single days, the
 * night from one day to the next, "as of October 1" / "на 1 августа"
 * (stocks), and the comparisons ("the same period last year", "годом
 * ранее", "than in 2022", "than the whole of 2023", "Vorjahreszeitraum").
 *
 * Numbers inside a found expression (the 2023 of "in 2023", the 1 of "на 1
 * августа", the seven of "first seven months") belong to the expression:
 * the extractor does not report them as figures. A span includes its
 * leading words ("in 2023", "за семь месяцев", "as of October 1", "the
 * first quarter") but not the comparison word before a base ("than" of
 * "than in 2022", "по сравнению с"). */
#ifndef MS_TEXT_PERIODS_H
#define MS_TEXT_PERIODS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/period.h"
#include "ingest/text/lang.h"

typedef enum ms_period_role {
    MS_PERIOD_ROLE_SPAN = 0, /* the time a figure covers ("in 2023") */
    MS_PERIOD_ROLE_STOCK,    /* a date a stock is counted on ("as of
                                October 1", "на 1 августа", "now"):
                                start == end */
    MS_PERIOD_ROLE_BASE      /* what a change compares with ("than in 2022",
                                "a year earlier", "the same period last
                                year") */
} ms_period_role;

typedef struct ms_period_hit {
    size_t start, end;     /* bytes [start, end) of the expression */
    ms_period_role role;
    ms_period period;      /* resolved days; for a relative base (below)
                              ms_period_none() */
    bool relative_base;    /* BASE only: "the same period last year",
                              "годом ранее", "a year earlier", "than the
                              previous year": the current period shifted
                              back by one year, resolved by the caller */
    int base_year;         /* relative base naming its year ("the same
                              period of 2022", "за аналогичный период 2023
                              года"): that year, else 0 */
} ms_period_hit;

/* Scans text[0..len) and stores the expressions found, in text order and
 * not overlapping, into out[0..max). `published` (a day number, or
 * MS_DAY_NONE when unknown) anchors relative expressions; without it,
 * relative expressions ("last year", "с начала года") are still found but
 * resolve to ms_period_none(). Returns how many there are in all (may
 * exceed max). */
size_t ms_text_find_periods(const char *text, size_t len, ms_lang lang,
                            int32_t published, ms_period_hit *out, size_t max);

#endif
