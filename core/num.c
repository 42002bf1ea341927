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

#include <float.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
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

/* Fast path for the usual table cell: [-+]digits[.digits] with at most 15
 * significant digits and at most 22 after the point. Then the digits are
 * an exact double and so is 10^frac, and one IEEE division is correctly
 * rounded: the same double strtod gives (Clinger's fast path). False for
 * anything else (the caller uses strtod_l). s must be a valid number. */
static bool parse_simple(const char *s, size_t len, double *out)
{
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    size_t i = 0;
    bool neg = false;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    uint64_t mant = 0;
    int sig = 0, frac = 0;
    bool in_frac = false;
    for (; i < len; i++) {
        char c = s[i];
        if (c == '.' && !in_frac) {
            in_frac = true;
            continue;
        }
        if (!is_digit(c))
            return false; /* an exponent: strtod */
        if (mant || c != '0')
            sig++;
        if (sig > 15)
            return false;
        mant = mant * 10 + (uint64_t)(c - '0');
        if (in_frac && ++frac > 22)
            return false;
    }
    double v = (double)mant;
    if (frac)
        v /= pow10[frac];
    *out = neg ? -v : v; /* "-0" stays minus zero, as from strtod */
    return true;
}

static bool scan_ok(const char *s, size_t len)
{
    const char *why = NULL;
    return scan_number(s, len, &why) == len && !why;
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
    double fast;
    if (parse_simple(s, len, &fast)) {
        *out = fast;
        return MS_OK;
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

/* |value| < 2^53 and integral: its digits, as "%.0f" prints them. */
static size_t format_integer(double value, char *buf)
{
    uint64_t u = (uint64_t)fabs(value);
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    size_t k = 0;
    if (value < 0)
        buf[k++] = '-';
    while (n)
        buf[k++] = tmp[--n];
    buf[k] = '\0';
    return k;
}

/* Does text (as printed by %g) read back as value? */
static bool reads_back(const char *text, size_t len, double value)
{
    double v;
    if (scan_ok(text, len) && parse_simple(text, len, &v))
        return v == value;
    return strtod_l(text, NULL, the_c_locale()) == value;
}

/* ---- exact %.Pg for P = 15..17 without printf ----------------------------
 * A normal non-integral double is m * 2^-s (m < 2^53). Its P significant
 * digits are floor(m * 10^k / 2^s) rounded to nearest, ties to even, as
 * glibc's printf rounds; whether they read back is decided exactly too:
 * the decimal must lie within half an ulp (a quarter below a power of two),
 * a tie going to the even mantissa as strtod does. 128-bit integers hold
 * m * 10^k for k <= 22, which covers |v| >= ~1e-6; the rest go to printf. */
#if defined(__SIZEOF_INT128__)
__extension__ typedef unsigned __int128 u128;

static u128 pow10_u128(int k)
{
    static const uint64_t p10[20] = {
        1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u, 100000000u, 1000000000u,
        10000000000u, 100000000000u, 1000000000000u, 10000000000000u, 100000000000000u,
        1000000000000000u, 10000000000000000u, 100000000000000000u, 1000000000000000000u,
        10000000000000000000u};
    return k < 20 ? (u128)p10[k] : (u128)p10[19] * p10[k - 19];
}

typedef struct exact_digits {
    uint64_t q;      /* P digits */
    int x;           /* decimal exponent of the first digit */
    bool reads_back;
} exact_digits;

static bool digits_of(uint64_t m, int s, int p, int x, exact_digits *out)
{
    for (int attempt = 0; attempt < 3; attempt++) {
        int k = p - 1 - x;
        if (k < 0 || k > 22 || s < 1 || s > 120)
            return false;
        u128 pk = pow10_u128(k);
        u128 n = (u128)m * pk;
        u128 q = n >> s;
        u128 r = n - (q << s);
        if (q < pow10_u128(p - 1)) {
            x--;
            continue;
        }
        if (q >= pow10_u128(p)) {
            x++;
            continue;
        }
        u128 half = (u128)1 << (s - 1);
        bool up = r > half || (r == half && (q & 1));
        u128 diff = up ? ((u128)1 << s) - r : r;
        q += up;
        if (q == pow10_u128(p)) {
            q = pow10_u128(p - 1);
            x++;
        }
        /* below a power of two the gap under v is half as wide */
        u128 scaled = (!up && m == ((uint64_t)1 << 52)) ? 4 * diff : 2 * diff;
        out->q = (uint64_t)q;
        out->x = x;
        out->reads_back = scaled < pk || (scaled == pk && (m & 1) == 0);
        return true;
    }
    return false;
}

/* Writes d (its P digits, trailing zeros dropped) as %.Pg would. */
static size_t put_g(const exact_digits *d, int p, bool neg, char *buf)
{
    char dig[24];
    int nd = 0;
    uint64_t q = d->q;
    for (int i = p - 1; i >= 0; i--) {
        dig[i] = (char)('0' + q % 10);
        q /= 10;
    }
    nd = p;
    while (nd > 1 && dig[nd - 1] == '0')
        nd--;
    size_t k = 0;
    if (neg)
        buf[k++] = '-';
    int x = d->x;
    if (x < -4 || x >= p) {
        buf[k++] = dig[0];
        if (nd > 1) {
            buf[k++] = '.';
            for (int i = 1; i < nd; i++)
                buf[k++] = dig[i];
        }
        buf[k++] = 'e';
        buf[k++] = x < 0 ? '-' : '+';
        int ax = x < 0 ? -x : x;
        if (ax >= 100)
            buf[k++] = (char)('0' + ax / 100);
        buf[k++] = (char)('0' + ax / 10 % 10);
        buf[k++] = (char)('0' + ax % 10);
    } else if (x >= 0) {
        for (int i = 0; i <= x; i++)
            buf[k++] = i < nd ? dig[i] : '0';
        if (nd > x + 1) {
            buf[k++] = '.';
            for (int i = x + 1; i < nd; i++)
                buf[k++] = dig[i];
        }
    } else {
        buf[k++] = '0';
        buf[k++] = '.';
        for (int i = 0; i < -x - 1; i++)
            buf[k++] = '0';
        for (int i = 0; i < nd; i++)
            buf[k++] = dig[i];
    }
    buf[k] = '\0';
    return k;
}

/* Shortest %.Pg (P = 15..17) of a normal non-integral value; 0 if out of
 * the exact range. */
static size_t format_exact(double value, char *buf)
{
    uint64_t bits;
    memcpy(&bits, &value, sizeof bits);
    int biased = (int)(bits >> 52 & 0x7ff); /* normal: 1..2046 */
    uint64_t m = (bits & (((uint64_t)1 << 52) - 1)) | (uint64_t)1 << 52;
    int s = 1075 - biased;                  /* |v| = m * 2^-s */
    /* |v| is in [2^(e-1), 2^e) with e = 53 - s: log10 is off by one at most,
     * which digits_of corrects */
    int x = (int)floor((52 - s) * 0.30102999566398119521);
    for (int p = 15; p <= 17; p++) {
        exact_digits d;
        if (!digits_of(m, s, p, x, &d))
            return 0;
        if (d.reads_back || p == 17)
            return put_g(&d, p, value < 0, buf);
    }
    return 0;
}
#else
static size_t format_exact(double value, char *buf)
{
    (void)value;
    (void)buf;
    return 0;
}
#endif

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
    if (fabs(value) < 9007199254740992.0 && value == floor(value))
        return format_integer(value, buf);
    /* The shortest of 1..17 significant digits that reads back. If some
     * p <= 15 reads back, %.15g gives the same text: a decimal of <= 15
     * digits is the nearest such decimal to its nearest double (doubles
     * carry 15.95 digits), and %g drops the trailing zeros and picks the
     * same notation (non-integral values, or integral ones past 2^53 whose
     * exponent is >= 15 either way). So for normal doubles 15, 16 and 17
     * are the only precisions to try. */
    if (fabs(value) >= DBL_MIN) {
        size_t n = format_exact(value, buf);
        if (n)
            return n;
    }
    locale_t old = uselocale(the_c_locale());
    int n = 0;
    /* subnormals carry fewer digits: there the whole search is needed */
    /* printed into a local buffer: gcc at -O3 with the sanitizers cannot
     * tell that every caller's buf is non-null (-Wformat-truncation) */
    char tmp[MS_NUM_BUFSZ];
    for (int prec = fabs(value) >= DBL_MIN ? 15 : 1; prec <= 17; prec++) {
        n = snprintf(tmp, sizeof tmp, "%.*g", prec, value);
        if (prec == 17 || reads_back(tmp, (size_t)n, value))
            break;
    }
    uselocale(old);
    if (n <= 0 || (size_t)n >= sizeof tmp)
        return 0;
    memcpy(buf, tmp, (size_t)n + 1);
    return (size_t)n;
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
            /* read the exponent within len (the span need not end in a
             * NUL); clamp far from overflow: any |exponent| > 100000 gives
             * no finite unit anyway */
            size_t k = i + 1;
            bool neg = false;
            if (k < len && (text[k] == '+' || text[k] == '-'))
                neg = text[k++] == '-';
            for (; k < len && text[k] >= '0' && text[k] <= '9'; k++)
                if (exp10 < 100000)
                    exp10 = exp10 * 10 + (text[k] - '0');
            if (exp10 > 100000)
                exp10 = 100000;
            if (neg)
                exp10 = -exp10;
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
