/* cell_number.c — numbers as tables write them: digit groups, missing
 * markers, flags after the value.
 *
 * Exports ms_cell_plain_number, ms_cell_is_missing, ms_cell_number and
 * ms_cell_split_flags of cell.h. */
#include "ingest/cell.h"
#include "core/num.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Length of a digit-group space at s (space, U+00A0 no-break space, U+202F
 * narrow no-break space), or 0. */
static size_t group_space_len(const char *s, size_t left)
{
    const unsigned char *u = (const unsigned char *)s;
    if (left >= 1 && u[0] == ' ')
        return 1;
    if (left >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (left >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF)
        return 3;
    return 0;
}

size_t ms_cell_plain_number(const char *s, size_t len, char *out, size_t cap)
{
    size_t i = 0, o = 0;
    if (cap < 2)
        return (size_t)-1;
    if (len >= 3 && memcmp(s, "\xE2\x88\x92", 3) == 0) {
        out[o++] = '-';
        i = 3;
    } else if (len >= 1 && (s[0] == '-' || s[0] == '+')) {
        out[o++] = s[0];
        i = 1;
    }
    size_t run = 0;     /* digits since the last mark */
    int mark = 0;       /* 0 none yet, ',' or ' ' */
    bool first = true;  /* still in the first group */
    for (; i < len; i++) {
        size_t sp = s[i] == ',' ? 1 : group_space_len(s + i, len - i);
        if (sp) {
            int kind = s[i] == ',' ? ',' : ' ';
            if ((mark && kind != mark) || run == 0 || (first ? run > 3 : run != 3))
                return (size_t)-1;
            mark = kind;
            first = false;
            run = 0;
            i += sp - 1;
            continue;
        }
        if (!isdigit((unsigned char)s[i]))
            break;
        if (o + 1 >= cap)
            return (size_t)-1;
        out[o++] = s[i];
        run++;
    }
    if (mark && run != 3)
        return (size_t)-1;
    for (; i < len; i++) { /* fraction, exponent, or junk */
        if (o + 1 >= cap)
            return (size_t)-1;
        out[o++] = s[i];
    }
    out[o] = '\0';
    return o;
}

bool ms_cell_is_missing(const char *s, size_t len)
{
    return len == 0 || (len == 1 && (s[0] == ':' || s[0] == '-')) ||
           (len == 2 && s[0] == '.' && s[1] == '.');
}

ms_status ms_cell_number(const char *s, size_t len, double *out, bool *missing, char *plain,
                         size_t cap, const char **why)
{
    char local[128];
    if (!plain || cap == 0) {
        plain = local;
        cap = sizeof local;
    }
    *missing = ms_cell_is_missing(s, len);
    if (*missing)
        return MS_OK;
    if ((len == 3 && strncasecmp(s, "nan", 3) == 0) || (len >= 3 && strncasecmp(s, "inf", 3) == 0) ||
        (len >= 4 && strncasecmp(s + 1, "inf", 3) == 0)) {
        *why = "is not a number"; /* NaN and infinity are no counts */
        return MS_ERR_DATA;
    }
    size_t n = ms_cell_plain_number(s, len, plain, cap);
    if (n == (size_t)-1) {
        *why = "is not a number";
        return MS_ERR_DATA;
    }
    const char *reason = NULL;
    if (ms_num_parse(plain, n, out, &reason, NULL) != MS_OK) {
        *why = reason && strstr(reason, "range") ? "is out of range" : "is not a number";
        return MS_ERR_DATA;
    }
    return MS_OK;
}

void ms_cell_split_flags(const char *s, size_t len, size_t *value_len, size_t *flags_at,
                         size_t *flags_len)
{
    *value_len = len;
    *flags_at = len;
    *flags_len = 0;
    size_t end = len;
    while (end > 0 && s[end - 1] == ' ')
        end--;
    size_t start = end;
    while (start > 0 && islower((unsigned char)s[start - 1]))
        start--;
    if (start == end) {
        *value_len = end;
        return;
    }
    /* the letters must stand after the value and a space: a cell of
     * letters only is text (and will be rejected), not flags */
    if (start == 0 || s[start - 1] != ' ')
        return;
    size_t v = start;
    while (v > 0 && s[v - 1] == ' ')
        v--;
    *value_len = v;
    *flags_at = start;
    *flags_len = end - start;
}
