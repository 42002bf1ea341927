/* hedge.c — hedge names and the interval rule of each hedge (the table in
 * hedge.h, from the corpus conventions §3). */
#include "core/hedge.h"

#include <math.h>
#include <string.h>

static const char *const names[MS_HEDGE_COUNT_] = {
    [MS_HEDGE_NONE] = "none",
    [MS_HEDGE_MORE_THAN] = "more_than",
    [MS_HEDGE_LESS_THAN] = "less_than",
    [MS_HEDGE_NEARLY] = "nearly",
    [MS_HEDGE_ABOUT] = "about",
    [MS_HEDGE_AT_LEAST] = "at_least",
    [MS_HEDGE_UP_TO] = "up_to",
    [MS_HEDGE_RANGE] = "range",
};

const char *ms_hedge_name(ms_hedge hedge)
{
    return (unsigned)hedge < MS_HEDGE_COUNT_ ? names[hedge] : "unknown";
}

bool ms_hedge_from_name(const char *name, ms_hedge *out)
{
    if (!name || !*name) {
        *out = MS_HEDGE_NONE;
        return true;
    }
    for (int h = 0; h < MS_HEDGE_COUNT_; h++) {
        if (strcmp(name, names[h]) == 0) {
            *out = (ms_hedge)h;
            return true;
        }
    }
    return false;
}

ms_interval ms_hedge_interval(double value, double r, ms_hedge hedge)
{
    if (!isfinite(value))
        return ms_interval_make(NAN, false, NAN, false);
    if (!(r > 0))
        r = 0;
    double x = fabs(value);
    ms_interval iv;
    switch (hedge) {
    case MS_HEDGE_MORE_THAN: iv = ms_interval_make(x, true, x + r, false); break;
    case MS_HEDGE_AT_LEAST: iv = ms_interval_make(x, false, x + r, false); break;
    case MS_HEDGE_NEARLY: iv = ms_interval_make(0.9 * x, false, x, true); break;
    case MS_HEDGE_ABOUT: {
        double d = fmax(0.05 * x, r / 2);
        iv = ms_interval_make(x - d, false, x + d, false);
        break;
    }
    case MS_HEDGE_LESS_THAN: iv = ms_interval_make(x - r, false, x, true); break;
    case MS_HEDGE_UP_TO: iv = ms_interval_make(x - r, false, x, false); break;
    case MS_HEDGE_NONE:
    case MS_HEDGE_RANGE:
    default:
        iv = r > 0 ? ms_interval_make(x - r / 2, false, x + r / 2, true) : ms_interval_point(x);
        break;
    }
    if (iv.lo == iv.hi) /* r == 0 with an open hedge: keep the stated point */
        iv = ms_interval_point(x);
    if (value < 0) /* a fall: mirror the interval of its magnitude */
        iv = ms_interval_make(-iv.hi, iv.hi_open, -iv.lo, iv.lo_open);
    return iv;
}
