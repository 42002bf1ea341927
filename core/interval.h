/* interval.h — closed/open real intervals and the arithmetic every derived
 * number uses, so a stated figure's uncertainty (hedge and rounding) is
 * carried through changes, ratios and implied values. lo..hi has a flag per
 * end saying whether it is open ("more than 140" = (140, 150]); a point is
 * lo == hi, both closed. Arithmetic is outward on the end points; a result
 * end is open when an end it came from was (a closed 0 factor excepted). */
#ifndef MS_INTERVAL_H
#define MS_INTERVAL_H

#include <stdbool.h>
#include "core/status.h"

typedef struct ms_interval {
    double lo, hi;
    bool lo_open, hi_open;
} ms_interval;

ms_interval ms_interval_point(double x);
ms_interval ms_interval_make(double lo, bool lo_open, double hi, bool hi_open);
bool ms_interval_is_valid(ms_interval a); /* finite, lo <= hi, not empty */
bool ms_interval_contains(ms_interval a, double x);
double ms_interval_mid(ms_interval a);
double ms_interval_width(ms_interval a);

ms_interval ms_interval_add(ms_interval a, ms_interval b);
ms_interval ms_interval_sub(ms_interval a, ms_interval b);
ms_interval ms_interval_mul(ms_interval a, ms_interval b);
ms_interval ms_interval_scale(ms_interval a, double k);
/* a / b. Returns MS_ERR_DATA (and leaves *out alone) when b contains 0:
 * the quotient is unbounded and must be reported, not printed as inf. */
ms_status ms_interval_div(ms_interval a, ms_interval b, ms_interval *out);

/* Increasing functions of an interval, each end mapped (and open where it
 * was). ln a: MS_ERR_DATA when a reaches 0 or below. a^k for k > 0:
 * MS_ERR_DATA when a reaches below 0 or k is not > 0. *out is left alone
 * on error. */
ms_status ms_interval_log(ms_interval a, ms_interval *out);
ms_status ms_interval_pow(ms_interval a, double k, ms_interval *out);

/* Do the intervals share at least one real value? */
bool ms_interval_overlaps(ms_interval a, ms_interval b);
/* Do they share at least one whole number? How two counts are compared:
 * "144" [143.5, 144.5) and "145" [144.5, 145.5) do not; "more than 140"
 * (140, 150] shares 144 with the first. */
bool ms_interval_overlaps_integer(ms_interval a, ms_interval b);
/* Smallest and largest whole numbers inside a; false if there is none. */
bool ms_interval_integer_bounds(ms_interval a, double *first, double *last);

/* The distance between two disjoint intervals relative to the larger
 * magnitude (0 when they overlap): how far apart two sources are. */
double ms_interval_relative_gap(ms_interval a, ms_interval b);

#endif
