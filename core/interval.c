/* interval.c — outward interval arithmetic with open/closed ends.
 *
 * A result end is the extreme of the end-point combinations; it is open when
 * an end point that produced it was open (the extreme is then not reached),
 * except that a closed 0 factor reaches 0 whatever the other factor is.
 * Ends are plain double arithmetic (figures carry far fewer digits). */
#include "core/interval.h"

#include <math.h>

ms_interval ms_interval_point(double x) { return (ms_interval){x, x, false, false}; }

ms_interval ms_interval_make(double lo, bool lo_open, double hi, bool hi_open)
{
    return (ms_interval){lo, hi, lo_open, hi_open};
}

bool ms_interval_is_valid(ms_interval a)
{
    if (!isfinite(a.lo) || !isfinite(a.hi) || a.lo > a.hi)
        return false;
    return !(a.lo == a.hi && (a.lo_open || a.hi_open)); /* (x, x] is empty */
}

bool ms_interval_contains(ms_interval a, double x)
{
    bool above = a.lo_open ? x > a.lo : x >= a.lo;
    bool below = a.hi_open ? x < a.hi : x <= a.hi;
    return above && below;
}

double ms_interval_mid(ms_interval a) { return a.lo + (a.hi - a.lo) / 2; }

double ms_interval_width(ms_interval a) { return a.hi - a.lo; }

ms_interval ms_interval_add(ms_interval a, ms_interval b)
{
    return (ms_interval){a.lo + b.lo, a.hi + b.hi, a.lo_open || b.lo_open, a.hi_open || b.hi_open};
}

ms_interval ms_interval_sub(ms_interval a, ms_interval b)
{
    return (ms_interval){a.lo - b.hi, a.hi - b.lo, a.lo_open || b.hi_open, a.hi_open || b.lo_open};
}

/* A candidate end point: value and whether it is excluded. */
typedef struct end_point {
    double v;
    bool open;
} end_point;

/* The smallest and largest of n candidates; on ties a closed end wins
 * (the value is reached by that combination). */
static ms_interval hull(const end_point *c, int n)
{
    end_point lo = c[0], hi = c[0];
    for (int i = 1; i < n; i++) {
        if (c[i].v < lo.v || (c[i].v == lo.v && !c[i].open))
            lo = c[i];
        if (c[i].v > hi.v || (c[i].v == hi.v && !c[i].open))
            hi = c[i];
    }
    return (ms_interval){lo.v, hi.v, lo.open, hi.open};
}

/* Whether the product of two ends is reached: when both ends are, or when
 * one of them is a reached 0 (0 times anything in the other interval). */
static bool product_open(double x, bool x_open, double y, bool y_open)
{
    if ((x == 0 && !x_open) || (y == 0 && !y_open))
        return false;
    return x_open || y_open;
}

ms_interval ms_interval_mul(ms_interval a, ms_interval b)
{
    end_point c[4] = {
        {a.lo * b.lo, product_open(a.lo, a.lo_open, b.lo, b.lo_open)},
        {a.lo * b.hi, product_open(a.lo, a.lo_open, b.hi, b.hi_open)},
        {a.hi * b.lo, product_open(a.hi, a.hi_open, b.lo, b.lo_open)},
        {a.hi * b.hi, product_open(a.hi, a.hi_open, b.hi, b.hi_open)},
    };
    return hull(c, 4);
}

ms_interval ms_interval_scale(ms_interval a, double k)
{
    if (k == 0) /* every value becomes 0, which is then reached */
        return ms_interval_point(0);
    if (k > 0)
        return (ms_interval){a.lo * k, a.hi * k, a.lo_open, a.hi_open};
    return (ms_interval){a.hi * k, a.lo * k, a.hi_open, a.lo_open};
}

ms_status ms_interval_div(ms_interval a, ms_interval b, ms_interval *out)
{
    /* b must keep away from 0: even an open end at 0, as in (0, 5], lets
     * the quotient grow without bound */
    if (!(b.lo > 0 || b.hi < 0))
        return MS_ERR_DATA;
    /* a quotient end is reached when both ends are, or a is a reached 0 */
    end_point c[4] = {
        {a.lo / b.lo, product_open(a.lo, a.lo_open, 1, b.lo_open)},
        {a.lo / b.hi, product_open(a.lo, a.lo_open, 1, b.hi_open)},
        {a.hi / b.lo, product_open(a.hi, a.hi_open, 1, b.lo_open)},
        {a.hi / b.hi, product_open(a.hi, a.hi_open, 1, b.hi_open)},
    };
    for (int i = 0; i < 4; i++)
        if (!isfinite(c[i].v))
            return MS_ERR_DATA; /* NaN or infinite ends: nothing to report */
    *out = hull(c, 4);
    return MS_OK;
}

ms_status ms_interval_log(ms_interval a, ms_interval *out)
{
    if (!ms_interval_is_valid(a) || !(a.lo > 0))
        return MS_ERR_DATA; /* even (0, x] has no finite lower end */
    *out = (ms_interval){log(a.lo), log(a.hi), a.lo_open, a.hi_open};
    return MS_OK;
}

ms_status ms_interval_pow(ms_interval a, double k, ms_interval *out)
{
    if (!ms_interval_is_valid(a) || !(a.lo >= 0) || !(k > 0) || !isfinite(k))
        return MS_ERR_DATA;
    ms_interval r = {pow(a.lo, k), pow(a.hi, k), a.lo_open, a.hi_open};
    if (!isfinite(r.hi))
        return MS_ERR_DATA;
    *out = r;
    return MS_OK;
}

bool ms_interval_overlaps(ms_interval a, ms_interval b)
{
    if (!ms_interval_is_valid(a) || !ms_interval_is_valid(b))
        return false;
    /* the larger lower end must not pass the smaller upper end */
    double lo = a.lo > b.lo ? a.lo : b.lo;
    bool lo_open = a.lo > b.lo ? a.lo_open : b.lo > a.lo ? b.lo_open : (a.lo_open || b.lo_open);
    double hi = a.hi < b.hi ? a.hi : b.hi;
    bool hi_open = a.hi < b.hi ? a.hi_open : b.hi < a.hi ? b.hi_open : (a.hi_open || b.hi_open);
    if (lo < hi)
        return true;
    return lo == hi && !lo_open && !hi_open;
}

bool ms_interval_integer_bounds(ms_interval a, double *first, double *last)
{
    if (!ms_interval_is_valid(a))
        return false;
    double f = ceil(a.lo);
    if (a.lo_open && f == a.lo)
        f += 1;
    double l = floor(a.hi);
    if (a.hi_open && l == a.hi)
        l -= 1;
    if (f > l)
        return false;
    *first = f;
    *last = l;
    return true;
}

bool ms_interval_overlaps_integer(ms_interval a, ms_interval b)
{
    double af, al, bf, bl;
    if (!ms_interval_integer_bounds(a, &af, &al) || !ms_interval_integer_bounds(b, &bf, &bl))
        return false;
    return af <= bl && bf <= al;
}

double ms_interval_relative_gap(ms_interval a, ms_interval b)
{
    if (ms_interval_overlaps(a, b))
        return 0;
    /* disjoint: one lies wholly below the other; touching ends with an
     * open side ([1, 2) and [2, 3]) are disjoint with a gap of 0 */
    double gap = a.hi <= b.lo ? b.lo - a.hi : a.lo - b.hi;
    double mag = fmax(fmax(fabs(a.lo), fabs(a.hi)), fmax(fabs(b.lo), fabs(b.hi)));
    return mag > 0 ? fabs(gap) / mag : 0;
}
