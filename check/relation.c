/* relation.c — can a relation between two stated numbers hold, given the
 * intervals they allow? The one test the ordering rules (cumulative,
 * part_whole) and rules files share.
 *
 * "a <= b" can hold when some value of a is at most some value of b; for
 * counts only whole numbers count ("144" [143.5, 144.5) is not <= "143.6"
 * [143.55, 143.65)). A rule fails only when no values allow it.
 * Exports ms_check_op_name and ms_check_can_hold (check.h). */
#include "check/check.h"

const char *ms_check_op_name(ms_check_op op)
{
    switch (op) {
    case MS_OP_LT: return "<";
    case MS_OP_LE: return "<=";
    case MS_OP_EQ: return "==";
    case MS_OP_GE: return ">=";
    case MS_OP_GT: return ">";
    }
    return "?";
}

/* Is some value of a below (or, when !strict, at most) some value of b? */
static bool some_below(ms_interval a, ms_interval b, bool strict)
{
    if (a.lo < b.hi)
        return true;
    return !strict && a.lo == b.hi && !a.lo_open && !b.hi_open;
}

bool ms_check_can_hold(ms_interval a, ms_check_op op, ms_interval b, bool counts)
{
    if (counts) {
        a = ms_check_whole_numbers(a);
        b = ms_check_whole_numbers(b);
    }
    switch (op) {
    case MS_OP_LT: return some_below(a, b, true);
    case MS_OP_LE: return some_below(a, b, false);
    case MS_OP_GE: return some_below(b, a, false);
    case MS_OP_GT: return some_below(b, a, true);
    case MS_OP_EQ: return ms_interval_overlaps(a, b);
    }
    return false;
}
