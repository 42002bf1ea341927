/* period.h — calendar periods as inclusive ranges of day numbers.
 *
 * A day number counts days since 1970-01-01 (day 0) in the proleptic
 * Gregorian calendar; no time zones, no mktime/TZ. A period is [start, end],
 * both days included. MS_DAY_NONE marks an unknown date (a figure whose
 * period cannot be determined has both ends MS_DAY_NONE). */
#ifndef MS_PERIOD_H
#define MS_PERIOD_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "core/status.h"

#define MS_DAY_NONE INT32_MIN

typedef struct ms_period {
    int32_t start; /* first day, or MS_DAY_NONE */
    int32_t end;   /* last day (inclusive), or MS_DAY_NONE */
} ms_period;

/* The unknown period (both ends MS_DAY_NONE). */
ms_period ms_period_none(void);
bool ms_period_is_none(ms_period p);

/* Calendar <-> day number. month 1..12, day 1..31. */
int32_t ms_day_from_civil(int year, int month, int day);
void ms_civil_from_day(int32_t dayno, int *year, int *month, int *day);
int ms_days_in_month(int year, int month);

/* Parses an ISO date "YYYY-MM-DD" (exactly the span s[0..len)). Rejects
 * impossible dates (2023-02-29). */
ms_status ms_date_parse(const char *s, size_t len, int32_t *out);

/* Writes "YYYY-MM-DD" (11 bytes with NUL) into buf; returns 10. For
 * MS_DAY_NONE, or a day outside the years 0000..9999, writes "" and
 * returns 0. */
size_t ms_date_format(int32_t dayno, char *buf);

/* Parses a period written as
 *   2024 | 2024-07 | 2024-Q3 | 2024-H1 | 2024-07-15 |
 *   2024-01-01/2024-07-31 | 2024-01/2024-07 | 2023/2024 (any two of the
 *   single forms joined by '/', the first giving the start, the second the end)
 * also "2024Q3", "2024M07" (Eurostat) and "2024-S1" (semester = half).
 * The span s[0..len); surrounding spaces are not allowed. Rejects end < start. */
ms_status ms_period_parse(const char *s, size_t len, ms_period *out);

/* Writes a period in its shortest ISO form: "2024", "2024-07", "2024-Q3",
 * "2024-H1", "2024-07-15", whole years "2023/2024", whole months
 * "2024-01/2024-07", otherwise "2024-01-05/2024-07-31". Unknown (or outside
 * the years 0000..9999) -> "". buf must hold MS_PERIOD_BUFSZ bytes; returns
 * the length. ms_period_parse reads every output back to the same period. */
#define MS_PERIOD_BUFSZ 24
size_t ms_period_format(ms_period p, char *buf);

/* The same calendar span shifted by `years` (negative = earlier). Month ends
 * stay month ends: 2024-02-29 -> 2023-02-28, 2023-01-01/2023-02-28 + 1 ->
 * 2024-01-01/2024-02-29. */
ms_period ms_period_shift_years(ms_period p, int years);

/* What a period is, for matching "the previous one": */
typedef enum ms_period_grain {
    MS_GRAIN_NONE,    /* unknown period */
    MS_GRAIN_DAY,
    MS_GRAIN_MONTH,
    MS_GRAIN_QUARTER,
    MS_GRAIN_HALF,
    MS_GRAIN_YEAR,
    MS_GRAIN_SPAN     /* any other range (Jan-Jul, a few days) */
} ms_period_grain;

ms_period_grain ms_period_grain_of(ms_period p);

/* The period immediately before p of the same grain (2024 -> 2023,
 * 2024-Q1 -> 2023-Q4, 2024-03 -> 2024-02, a day -> the day before). For
 * MS_GRAIN_SPAN it is the same span a year earlier (year-to-date figures are
 * compared with the same months of the previous year). Unknown -> unknown. */
ms_period ms_period_previous(ms_period p);
/* Its inverse: the period immediately after p of the same grain (2024 ->
 * 2025, 2024-Q4 -> 2025-Q1, a span -> the same span a year later). */
ms_period ms_period_next(ms_period p);

bool ms_period_equal(ms_period a, ms_period b);
/* Orders by start, then end; unknown periods sort first. */
int ms_period_compare(ms_period a, ms_period b);
/* True if every day of inner lies within outer. */
bool ms_period_contains(ms_period outer, ms_period inner);
bool ms_period_overlaps(ms_period a, ms_period b);

#endif
