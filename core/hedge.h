/* hedge.h — how a figure was qualified ("more than", "nearly", ...) and the
 * interval that a hedge plus the rounding of the stated number allows.
 * Exports the hedge enum, its names in the figure format, and
 * ms_hedge_interval, the rules of corpus CONVENTIONS §3. Values are
 * plain data: no state, no allocation. */
#ifndef MS_HEDGE_H
#define MS_HEDGE_H

#include <stdbool.h>
#include "core/interval.h"

typedef enum ms_hedge {
    MS_HEDGE_NONE = 0,
    MS_HEDGE_MORE_THAN,
    MS_HEDGE_LESS_THAN,
    MS_HEDGE_NEARLY,
    MS_HEDGE_ABOUT,
    MS_HEDGE_AT_LEAST,
    MS_HEDGE_UP_TO,
    MS_HEDGE_RANGE,
    MS_HEDGE_COUNT_ /* number of hedges, not a hedge */
} ms_hedge;

/* "none", "more_than", ... (the names of the figure format). */
const char *ms_hedge_name(ms_hedge hedge);
/* Name -> hedge; false if unknown. Empty text means none. */
bool ms_hedge_from_name(const char *name, ms_hedge *out);

/* The interval a statement "hedge X" allows, X rounded to unit r (r >= 0,
 * from ms_num_rounding_unit). The table of CONVENTIONS §3:
 *   none       [X - r/2, X + r/2)
 *   more_than  (X, X + r]
 *   at_least   [X, X + r]
 *   nearly     [0.9 X, X)
 *   about      [X - d, X + d] with d = max(0.05 |X|, r/2)
 *   less_than  [X - r, X)
 *   up_to      [X - r, X]
 *   range      not computed here (the source gives lo and hi); this
 *              function answers as for none
 * For negative X (a fall) the rule applies to the magnitude and the interval
 * is mirrored: "fell by more than 40 %" (-40) -> [-50, -40).
 * An exact figure (r == 0, e.g. an official count) with hedge none is a point;
 * so is any hedge whose interval would be empty with r == 0 ((X, X]).
 * A value that is not finite gives [NaN, NaN] (no interval). */
ms_interval ms_hedge_interval(double value, double rounding_unit, ms_hedge hedge);

#endif
