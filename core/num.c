/* num.c — the one place text becomes a double and a double becomes text.
 * Parsing checks the syntax itself, then converts with strtod_l on a "C"
 * locale object, so the decimal mark is '.' whatever LC_NUMERIC says and the
 * result is correctly rounded. Printing tries 1..17 significant digits under
 * the C locale and keeps the first that reads back to the same double.
 * "-0" prints as "0": a figure of minus zero has no meaning of its own. */
/* strtod_l is a GNU extension (also in the BSDs); the POSIX uselocale
 * route would change the thread locale around every parse. */
#define _GNU_SOURCE
#include "core/num.h"

#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

/* Made once and never changed afterwards: safe to share between threads.
 * glibc hands back its built-in C locale object here, so this cannot fail. */
static void make_c_locale(void)
{
    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

static locale_t the_c_locale(void)
{
    pthread_once(&c_locale_once, make_c_locale);
    return c_locale;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* True if the mantissa of a syntactically valid number has a digit other
 * than 0 (then a result of 0 means the value underflowed). */
static bool has_nonzero_digit(const char *s, size_t len)
{
    for (size_t i = 0; i < len && s[i] != 'e' && s[i] != 'E'; i++)
        if (s[i] >= '1' && s[i] <= '9')
            return true;
    return false;
}

/* Checks the syntax of s[0..len); returns the index of the first bad byte
 * or len if the whole span is a number. */
static size_t scan_number(const char *s, size_t len, const char **why)
{
    size_t i = 0;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        i++;
    size_t int_digits = 0, frac_digits = 0;
    while (i < len && is_digit(s[i]))
        i++, int_digits++;
    if (i < len && s[i] == '.') {
        i++;
        while (i < len && is_digit(s[i]))
            i++, frac_digits++;
    }
    if (int_digits + frac_digits == 0) {
        *why = len == 0 ? "empty number" : "not a number";
        return i < len ? i : 0;
    }
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        size_t e_at = i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            i++;
        size_t exp_digits = 0;
        while (i < len && is_digit(s[i]))
            i++, exp_digits++;
        if (exp_digits == 0) {
            *why = "exponent has no digits";
            return e_at;
        }
    }
    if (i < len)
        *why = "unexpected character in number";
    return i;
}

ms_status ms_num_parse(const char *s, size_t len, double *out, const char **why, size_t *err_at)
{
    const char *reason = NULL;
    size_t end = scan_number(s, len, &reason);
    if (reason || end != len) {
        if (why)
            *why = reason ? reason : "not a number";
        if (err_at)
            *err_at = end;
        return MS_ERR_DATA;
    }
    char stack[64];
    char *buf = len < sizeof stack ? stack : malloc(len + 1);
    if (!buf) {
        if (why)
            *why = "out of memory";
        if (err_at)
            *err_at = 0;
        return MS_ERR_NOMEM;
    }
    memcpy(buf, s, len);
    buf[len] = '\0';
    double v = strtod_l(buf, NULL, the_c_locale());
    if (buf != stack)
        free(buf);
    /* 1e999 overflows; 1e-999 would silently become 0 */
    if (!isfinite(v) || (v == 0 && has_nonzero_digit(s, len))) {
        if (why)
            *why = "number out of range";
        if (err_at)
            *err_at = 0;
        return MS_ERR_DATA;
    }
    *out = v;
    return MS_OK;
}

ms_status ms_num_parse_cstr(const char *s, double *out)
{
    return ms_num_parse(s, strlen(s), out, NULL, NULL);
}

size_t ms_num_format(double value, char *buf)
{
    if (isnan(value)) {
        memcpy(buf, "nan", 4);
        return 3;
    }
    if (isinf(value)) {
        const char *t = value < 0 ? "-inf" : "inf";
        size_t n = strlen(t);
        memcpy(buf, t, n + 1);
        return n;
    }
    if (value == 0) {
        memcpy(buf, "0", 2);
        return 1;
    }
    locale_t old = uselocale(the_c_locale());
    int n = 0;
    if (fabs(value) < 9007199254740992.0 && value == floor(value)) {
        n = snprintf(buf, MS_NUM_BUFSZ, "%.0f", value);
    } else {
        for (int prec = 1; prec <= 17; prec++) {
            n = snprintf(buf, MS_NUM_BUFSZ, "%.*g", prec, value);
            if (strtod_l(buf, NULL, the_c_locale()) == value)
                break;
        }
    }
    uselocale(old);
    return n > 0 ? (size_t)n : 0;
}

double ms_num_rounding_unit(const char *text, size_t len, double scale)
{
    double v;
    if (ms_num_parse(text, len, &v, NULL, NULL) != MS_OK)
        return 0;
    /* split mantissa and exponent: "1.5e3" -> digits "1.5", exp 3 */
    size_t mant_end = len;
    long exp10 = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == 'e' || text[i] == 'E') {
            mant_end = i;
            /* digits only (checked above); strtol saturates at LONG_MIN/MAX,
             * so keep it far enough from them that place + exp10 cannot
             * overflow (any |exponent| > 100000 gives no finite unit anyway) */
            exp10 = strtol(text + i + 1, NULL, 10);
            if (exp10 > 100000)
                exp10 = 100000;
            if (exp10 < -100000)
                exp10 = -100000;
            break;
        }
    }
    const char *dot = memchr(text, '.', mant_end);
    long place; /* power of ten of the last significant digit */
    if (dot) {
        place = -(long)(mant_end - (size_t)(dot - text) - 1); /* "5." -> 0 */
    } else {
        /* integer: trailing zeros are not significant ("143000" -> 10^3) */
        size_t end = mant_end, start = 0;
        while (start < end && !is_digit(text[start]))
            start++;
        size_t zeros = 0;
        while (end > start + 1 && text[end - 1] == '0')
            end--, zeros++;
        bool all_zero = true;
        for (size_t i = start; i < mant_end; i++)
            all_zero = all_zero && text[i] == '0';
        place = all_zero ? 0 : (long)zeros;
    }
    /* 10^n is exact for 0 <= n <= 22 while 10^-n is not: dividing by the
     * exact power gives the correctly rounded unit ("0.1234567" with scale
     * 1e6 -> 0.1, not 0.09999999999999999 from 1e-7 * 1e6) */
    long n = place + exp10;
    double unit = n < 0 && n >= -22 ? scale / pow(10.0, (double)-n) : pow(10.0, (double)n) * scale;
    return isfinite(unit) ? unit : 0; /* "0e400" (and "0e-400" -> 0): no usable unit */
}
