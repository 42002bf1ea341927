/* numbers.c — ms_text_find_numbers(): every number in a UTF-8 text, read
 * the way English, Russian and German news write it (numbers.h).
 *
 * One pass over the bytes. A digit starts a digit number (groups, decimal
 * mark, sign, suffix, scale word, mixed "62 тыс. 150"); a letter starts a
 * word, and only a word whose first letter can begin a number word is
 * looked up in the small per-language tables below ("nine thousand",
 * "двух тысяч", "zweitausend", "сотни тысяч"). Everything else is skipped
 * byte by byte, which keeps the scan fast on ordinary prose. The final
 * conversion of the normalised digits goes through ms_num_parse(), so the
 * result does not depend on the locale. */
#include "ingest/text/numbers.h"

#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <string.h>
#include <threads.h>

#include "core/num.h"

typedef unsigned char u8;

/* ---- characters ---------------------------------------------------------- */

static bool is_digit(u8 c) { return c >= '0' && c <= '9'; }

static bool is_alpha(u8 c) { return (u8)((c | 0x20) - 'a') < 26; }

/* Byte length of the valid UTF-8 character starting at s[i], 0 if s[i]
 * does not start one (a stray continuation byte, an overlong form, a
 * surrogate, a sequence cut by the end of the text). */
static size_t utf8_len(const u8 *s, size_t len, size_t i)
{
    u8 c = s[i];
    if (c < 0x80)
        return 1;
    if (c < 0xC2)
        return 0;
    if (c < 0xE0)
        return i + 1 < len && (s[i + 1] & 0xC0) == 0x80 ? 2 : 0;
    if (c < 0xF0) {
        if (i + 2 >= len || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] >= 0xA0))
            return 0;
        return 3;
    }
    if (c < 0xF5) {
        if (i + 3 >= len || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 ||
            (s[i + 3] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xF0 && s[i + 1] < 0x90) || (c == 0xF4 && s[i + 1] >= 0x90))
            return 0;
        return 4;
    }
    return 0;
}

/* Byte length of the letter at s[i], 0 if there is none. Letters are the
 * ASCII ones and the two-byte characters from U+00C0 on (Latin with
 * diacritics, Greek, Cyrillic; × and ÷ excepted), plus three-byte
 * characters outside the punctuation and symbol blocks U+2000–U+2FFF and
 * U+3000–U+303F. Four-byte characters (mostly emoji) are not letters. */
static size_t letter_at(const u8 *s, size_t len, size_t i)
{
    u8 c = s[i];
    if (c < 0x80)
        return is_alpha(c);
    size_t n = utf8_len(s, len, i);
    if (n == 2) {
        if (c == 0xC2 || (c == 0xC3 && (s[i + 1] == 0x97 || s[i + 1] == 0xB7)))
            return 0;
        return 2;
    }
    if (n == 3)
        return c == 0xE2 || (c == 0xE3 && s[i + 1] == 0x80) ? 0 : 3;
    return 0;
}

/* True if the character that ends just before s[i] is a letter or '_'
 * (then a number starting at i is glued to a word: "A4", "Ret_D01"). */
static bool letter_before(const u8 *s, size_t i)
{
    if (i == 0)
        return false;
    u8 c = s[i - 1];
    if (c < 0x80)
        return is_alpha(c) || c == '_';
    size_t j = i - 1;
    for (int k = 0; k < 3 && j > 0 && (s[j] & 0xC0) == 0x80; k++)
        j--;
    return utf8_len(s, i, j) == i - j && letter_at(s, i, j) != 0;
}

/* Space that may separate digit groups: ' ', U+00A0, U+2007 (figure
 * space), U+2008, U+2009 (thin space), U+202F (narrow no-break space).
 * Returns its byte length or 0. */
static size_t group_sep_at(const u8 *s, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    if (s[i] == ' ')
        return 1;
    if (s[i] == 0xC2)
        return i + 1 < len && s[i + 1] == 0xA0 ? 2 : 0;
    if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80) {
        u8 d = s[i + 2];
        return d == 0x87 || d == 0x88 || d == 0x89 || d == 0xAF ? 3 : 0;
    }
    return 0;
}

/* Horizontal space between words: the group separators, tab and the other
 * Unicode spaces U+2000–U+200A. Returns its byte length or 0. */
static size_t hspace_at(const u8 *s, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    if (s[i] == '\t')
        return 1;
    if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && s[i + 2] <= 0x8A)
        return 3;
    return group_sep_at(s, len, i);
}

/* A line break at s[i] ("\n", "\r\n", "\r"): its byte length or 0. */
static size_t newline_at(const u8 *s, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    if (s[i] == '\n')
        return 1;
    if (s[i] == '\r')
        return i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
    return 0;
}

/* True if the character ending just before s[i] is white space. */
static bool space_before(const u8 *s, size_t i)
{
    if (i == 0)
        return false;
    u8 c = s[i - 1];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        return true;
    if (i >= 2 && s[i - 2] == 0xC2 && c == 0xA0)
        return true;
    return i >= 3 && s[i - 3] == 0xE2 && s[i - 2] == 0x80 && (c <= 0x8A || c == 0xAF);
}

/* Exactly three digits at s[i], not followed by a fourth. */
static bool three_digits_at(const u8 *s, size_t len, size_t i)
{
    return i + 3 <= len && is_digit(s[i]) && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
           (i + 3 == len || !is_digit(s[i + 3]));
}

/* ---- words ----------------------------------------------------------------
 * A word is a maximal run of letters. For the table look-up it is copied in
 * lower case (ASCII, Latin-1 and Russian letters), with ё spelled е. */

#define WORD_MAX 48 /* longer words are no number words */

typedef struct word {
    size_t start, end; /* bytes of the word in the text */
    size_t n;          /* bytes in buf; 0 if the word is too long */
    char buf[WORD_MAX];
} word;

static size_t word_end(const u8 *s, size_t len, size_t i)
{
    while (i < len) {
        u8 c = s[i];
        if (c < 0x80) {
            if (!is_alpha(c))
                break;
            i++;
        } else if ((c == 0xD0 || c == 0xD1) && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
            i += 2; /* the common case: a Russian letter */
        } else {
            size_t l = letter_at(s, len, i);
            if (!l)
                break;
            i += l;
        }
    }
    return i;
}

/* Lower-cases one letter of l bytes from src into dst (same length). */
static void lower_letter(const u8 *src, size_t l, u8 *dst)
{
    if (l == 1) {
        dst[0] = (u8)(src[0] | 0x20);
        return;
    }
    u8 a = src[0], b = src[1];
    dst[0] = a;
    dst[1] = b;
    if (l > 2) {
        dst[2] = src[2];
        if (l > 3)
            dst[3] = src[3];
        return;
    }
    if (a == 0xD0 && b >= 0x90 && b <= 0x9F) { /* А-П */
        dst[1] = (u8)(b + 0x20);
    } else if (a == 0xD0 && b >= 0xA0 && b <= 0xAF) { /* Р-Я */
        dst[0] = 0xD1;
        dst[1] = (u8)(b - 0x20);
    } else if ((a == 0xD0 && b == 0x81) || (a == 0xD1 && b == 0x91)) { /* Ё ё */
        dst[0] = 0xD0;
        dst[1] = 0xB5;
    } else if (a == 0xD0 && b >= 0x80 && b <= 0x8F) { /* Ѐ-Џ */
        dst[0] = 0xD1;
        dst[1] = (u8)(b + 0x10);
    } else if (a == 0xC3 && b >= 0x80 && b <= 0x9E && b != 0x97) { /* À-Þ */
        dst[1] = (u8)(b + 0x20);
    }
}

/* Reads the word s[i..end) (end from word_end()). */
static void read_word_to(const u8 *s, size_t len, size_t i, size_t end, word *w)
{
    w->start = i;
    w->end = end;
    w->n = 0;
    if (w->end - i > WORD_MAX)
        return;
    size_t n = 0;
    while (i < w->end) {
        size_t l = letter_at(s, len, i);
        lower_letter(s + i, l, (u8 *)w->buf + n);
        n += l;
        i += l;
    }
    w->n = n;
}

/* Reads the word that starts at the letter s[i]. */
static void read_word(const u8 *s, size_t len, size_t i, word *w)
{
    read_word_to(s, len, i, word_end(s, len, i), w);
}

static bool word_is(const word *w, const char *lit)
{
    size_t n = strlen(lit);
    return w->n == n && memcmp(w->buf, lit, n) == 0;
}

static bool word_in(const word *w, const char *const *list)
{
    for (; *list; list++)
        if (word_is(w, *list))
            return true;
    return false;
}

/* The word that ends just before s[i] (across spaces, not line breaks);
 * false if there is none. */
static bool prev_word(const u8 *s, size_t len, size_t i, word *w)
{
    while (i > 0 && space_before(s, i) && s[i - 1] != '\n' && s[i - 1] != '\r')
        i -= s[i - 1] < 0x80 ? 1 : (s[i - 1] == 0xA0 && i >= 2 && s[i - 2] == 0xC2 ? 2 : 3);
    size_t e = i;
    while (i > 0) {
        if (is_alpha(s[i - 1])) {
            i--;
        } else if (i >= 2 && s[i - 2] >= 0xC3 && s[i - 2] < 0xE0 && (s[i - 1] & 0xC0) == 0x80 &&
                   letter_at(s, len, i - 2)) {
            i -= 2;
        } else {
            break;
        }
    }
    if (i == e)
        return false;
    read_word(s, len, i, w);
    return w->end == e && w->n > 0;
}

/* ---- number-word tables --------------------------------------------------- */

enum {
    K_UNIT = 1, /* 1..9: one, два, двоих */
    K_TEEN,     /* 10..19: ten, двенадцати, десяток */
    K_TENS,     /* 20..90: twenty, сорока */
    K_HUNDREDS, /* 100..900 as one word: сто, двухсот */
    K_HUNDRED,  /* "hundred", "hundert": multiplies the group */
    K_DOZEN,    /* "dozen", "Dutzend": 12, multiplies */
    K_SCALE,    /* thousand, тысяч, Mio.: value is the factor, see A_* */
    K_VAGUE,    /* "dozens", "Dutzende": vague, value nominal */
    K_ONE_HALF, /* полтора, anderthalb: 1.5 as one word */
    K_HALF_OF,  /* полмиллиона: a fixed value */
    K_ARTICLE,  /* "a", "ein": a number only before a scale */
    K_HALF,     /* "half", "halbe" */
    K_AND,      /* "and" inside English numbers */
    K_OF,       /* "of" in "tens of thousands" */
    K_NUMBER    /* a German compound ("zweitausendfünfhundert") */
};

/* What a scale word means on its own (no number before it). */
enum {
    A_NUM = 1,   /* one of it: "тысяча", "million" */
    A_VAGUE,     /* a vague plural: "thousands", "тысяч", "Millionen" */
    A_AMBIG,     /* тысячи, сотни: vague, but one after a preposition that
                    governs the genitive ("около тысячи") */
    A_NEEDS,     /* vague, and only with a larger scale: "tens of thousands" */
    A_ABBR       /* an abbreviation: only after a number ("тыс.", "Mio.") */
};

typedef struct entry {
    const char *w;       /* lower case, ё spelled е */
    unsigned char n;     /* strlen(w) */
    unsigned char kind;  /* K_* */
    unsigned char alone; /* K_SCALE: A_* */
    double value;        /* the number, or the factor of a scale */
} entry;

#define W(s, k, v) {s, sizeof s - 1, k, 0, v}
#define S(s, v, a) {s, sizeof s - 1, K_SCALE, a, v}

typedef struct bucket {
    const entry *e;
    size_t n;
} bucket;

#define B(a) {a, sizeof a / sizeof a[0]}

/* English, by first letter. */
static const entry en_a[] = {W("a", K_ARTICLE, 1), W("an", K_ARTICLE, 1), W("and", K_AND, 0)};
static const entry en_b[] = {S("billion", 1e9, A_NUM), S("billions", 1e9, A_VAGUE),
                             S("bn", 1e9, A_ABBR)};
static const entry en_d[] = {W("dozen", K_DOZEN, 12), W("dozens", K_VAGUE, 24)};
static const entry en_e[] = {W("eight", K_UNIT, 8), W("eighteen", K_TEEN, 18),
                             W("eighty", K_TENS, 80), W("eleven", K_TEEN, 11)};
static const entry en_f[] = {W("five", K_UNIT, 5),     W("four", K_UNIT, 4),
                             W("fourteen", K_TEEN, 14), W("fifteen", K_TEEN, 15),
                             W("forty", K_TENS, 40),    W("fifty", K_TENS, 50)};
static const entry en_h[] = {W("half", K_HALF, 0.5), W("hundred", K_HUNDRED, 100),
                             S("hundreds", 100, A_VAGUE)};
static const entry en_m[] = {S("million", 1e6, A_NUM), S("millions", 1e6, A_VAGUE),
                             S("mln", 1e6, A_ABBR)};
static const entry en_n[] = {W("nine", K_UNIT, 9), W("nineteen", K_TEEN, 19),
                             W("ninety", K_TENS, 90)};
static const entry en_o[] = {W("one", K_UNIT, 1), W("of", K_OF, 0)};
static const entry en_s[] = {W("six", K_UNIT, 6),       W("sixteen", K_TEEN, 16),
                             W("sixty", K_TENS, 60),     W("seven", K_UNIT, 7),
                             W("seventeen", K_TEEN, 17), W("seventy", K_TENS, 70)};
static const entry en_t[] = {
    W("two", K_UNIT, 2),       W("three", K_UNIT, 3),        W("ten", K_TEEN, 10),
    W("twelve", K_TEEN, 12),   W("thirteen", K_TEEN, 13),    W("twenty", K_TENS, 20),
    W("thirty", K_TENS, 30),   S("thousand", 1000, A_NUM),   S("thousands", 1000, A_VAGUE),
    S("tens", 10, A_NEEDS),    S("trillion", 1e12, A_NUM),   S("trillions", 1e12, A_VAGUE)};

static const bucket en_buckets[26] = {
    ['a' - 'a'] = B(en_a), ['b' - 'a'] = B(en_b), ['d' - 'a'] = B(en_d),
    ['e' - 'a'] = B(en_e), ['f' - 'a'] = B(en_f), ['h' - 'a'] = B(en_h),
    ['m' - 'a'] = B(en_m), ['n' - 'a'] = B(en_n), ['o' - 'a'] = B(en_o),
    ['s' - 'a'] = B(en_s), ['t' - 'a'] = B(en_t),
};

/* German words that are not compounds; the compounds ("dreiundzwanzig",
 * "zweitausend") are read by de_compound() below. */
static const entry de_a[] = {W("anderthalb", K_ONE_HALF, 1.5)};
static const entry de_d[] = {W("dutzend", K_DOZEN, 12), W("dutzende", K_VAGUE, 24),
                             W("dutzenden", K_VAGUE, 24)};
static const entry de_e[] = {W("ein", K_ARTICLE, 1),   W("eine", K_ARTICLE, 1),
                             W("einen", K_ARTICLE, 1), W("einem", K_ARTICLE, 1),
                             W("einer", K_ARTICLE, 1), W("eines", K_ARTICLE, 1),
                             W("eineinhalb", K_ONE_HALF, 1.5)};
static const entry de_h[] = {W("halbe", K_HALF, 0.5),        W("halben", K_HALF, 0.5),
                             W("hundert", K_HUNDRED, 100),    S("hunderte", 100, A_VAGUE),
                             S("hunderten", 100, A_VAGUE),    S("hunderttausende", 1e5, A_VAGUE),
                             S("hunderttausenden", 1e5, A_VAGUE)};
static const entry de_m[] = {S("million", 1e6, A_NUM),   S("millionen", 1e6, A_VAGUE),
                             S("milliarde", 1e9, A_NUM), S("milliarden", 1e9, A_VAGUE),
                             S("mio", 1e6, A_ABBR),      S("mrd", 1e9, A_ABBR)};
static const entry de_t[] = {S("tausend", 1000, A_NUM), S("tausende", 1000, A_VAGUE),
                             S("tausenden", 1000, A_VAGUE), S("tsd", 1000, A_ABBR)};
static const entry de_z[] = {S("zehntausende", 1e4, A_VAGUE), S("zehntausenden", 1e4, A_VAGUE)};

static const bucket de_buckets[26] = {
    ['a' - 'a'] = B(de_a), ['d' - 'a'] = B(de_d), ['e' - 'a'] = B(de_e), ['h' - 'a'] = B(de_h),
    ['m' - 'a'] = B(de_m), ['t' - 'a'] = B(de_t), ['z' - 'a'] = B(de_z),
};

/* Russian, by first letter; every case form is listed (whole words only:
 * "ста" but not "стали", "сто" but not "стол"). "семью" is left out: it is
 * far more often the noun "family". */
static const entry ru_v[] = {
    W("восемь", K_UNIT, 8), W("восьми", K_UNIT, 8), W("восемью", K_UNIT, 8),
    W("восьмью", K_UNIT, 8), W("восьмеро", K_UNIT, 8), W("восьмерых", K_UNIT, 8),
    W("восьмерым", K_UNIT, 8), W("восьмерыми", K_UNIT, 8), W("восемнадцать", K_TEEN, 18),
    W("восемнадцати", K_TEEN, 18), W("восемнадцатью", K_TEEN, 18), W("восемьдесят", K_TENS, 80),
    W("восьмидесяти", K_TENS, 80), W("восемьюдесятью", K_TENS, 80),
    W("восьмьюдесятью", K_TENS, 80), W("восемьсот", K_HUNDREDS, 800),
    W("восьмисот", K_HUNDREDS, 800), W("восьмистам", K_HUNDREDS, 800),
    W("восемьюстами", K_HUNDREDS, 800), W("восьмьюстами", K_HUNDREDS, 800),
    W("восьмистах", K_HUNDREDS, 800),
};
static const entry ru_d[] = {
    W("два", K_UNIT, 2), W("две", K_UNIT, 2), W("двух", K_UNIT, 2), W("двум", K_UNIT, 2),
    W("двумя", K_UNIT, 2), W("двое", K_UNIT, 2), W("двоих", K_UNIT, 2), W("двоим", K_UNIT, 2),
    W("двоими", K_UNIT, 2), W("девять", K_UNIT, 9), W("девяти", K_UNIT, 9),
    W("девятью", K_UNIT, 9), W("девятеро", K_UNIT, 9), W("девятерых", K_UNIT, 9),
    W("девятерым", K_UNIT, 9), W("девятерыми", K_UNIT, 9), W("десять", K_TEEN, 10),
    W("десяти", K_TEEN, 10), W("десятью", K_TEEN, 10), W("десятеро", K_TEEN, 10),
    W("десятерых", K_TEEN, 10), W("десятерым", K_TEEN, 10), W("десятерыми", K_TEEN, 10),
    W("десяток", K_TEEN, 10), W("десятка", K_TEEN, 10), W("десятку", K_TEEN, 10),
    W("десятком", K_TEEN, 10), W("десятке", K_TEEN, 10), W("двенадцать", K_TEEN, 12),
    W("двенадцати", K_TEEN, 12), W("двенадцатью", K_TEEN, 12), W("девятнадцать", K_TEEN, 19),
    W("девятнадцати", K_TEEN, 19), W("девятнадцатью", K_TEEN, 19), W("двадцать", K_TENS, 20),
    W("двадцати", K_TENS, 20), W("двадцатью", K_TENS, 20), W("девяносто", K_TENS, 90),
    W("девяноста", K_TENS, 90), W("двести", K_HUNDREDS, 200), W("двухсот", K_HUNDREDS, 200),
    W("двумстам", K_HUNDREDS, 200), W("двумястами", K_HUNDREDS, 200),
    W("двухстах", K_HUNDREDS, 200), W("девятьсот", K_HUNDREDS, 900),
    W("девятисот", K_HUNDREDS, 900), W("девятистам", K_HUNDREDS, 900),
    W("девятьюстами", K_HUNDREDS, 900), W("девятистах", K_HUNDREDS, 900),
    S("десятки", 10, A_VAGUE), S("десятков", 10, A_VAGUE), S("десяткам", 10, A_VAGUE),
    S("десятками", 10, A_VAGUE), S("десятках", 10, A_VAGUE),
};
static const entry ru_m[] = {
    S("миллион", 1e6, A_NUM), S("миллиона", 1e6, A_NUM), S("миллиону", 1e6, A_NUM),
    S("миллионом", 1e6, A_NUM), S("миллионе", 1e6, A_NUM), S("миллионы", 1e6, A_VAGUE),
    S("миллионов", 1e6, A_VAGUE), S("миллионам", 1e6, A_VAGUE), S("миллионами", 1e6, A_VAGUE),
    S("миллионах", 1e6, A_VAGUE), S("милион", 1e6, A_NUM), S("милиона", 1e6, A_NUM),
    S("милиону", 1e6, A_NUM), S("милионом", 1e6, A_NUM), S("милионе", 1e6, A_NUM),
    S("милионы", 1e6, A_VAGUE), S("милионов", 1e6, A_VAGUE), S("милионам", 1e6, A_VAGUE),
    S("милионами", 1e6, A_VAGUE), S("милионах", 1e6, A_VAGUE), S("млн", 1e6, A_ABBR),
    S("миллиард", 1e9, A_NUM), S("миллиарда", 1e9, A_NUM), S("миллиарду", 1e9, A_NUM),
    S("миллиардом", 1e9, A_NUM), S("миллиарде", 1e9, A_NUM), S("миллиарды", 1e9, A_VAGUE),
    S("миллиардов", 1e9, A_VAGUE), S("миллиардам", 1e9, A_VAGUE),
    S("миллиардами", 1e9, A_VAGUE), S("миллиардах", 1e9, A_VAGUE), S("млрд", 1e9, A_ABBR),
};
static const entry ru_o[] = {
    W("один", K_UNIT, 1), W("одна", K_UNIT, 1), W("одно", K_UNIT, 1), W("одни", K_UNIT, 1),
    W("одного", K_UNIT, 1), W("одной", K_UNIT, 1), W("одному", K_UNIT, 1),
    W("одним", K_UNIT, 1), W("одном", K_UNIT, 1), W("одну", K_UNIT, 1), W("одних", K_UNIT, 1),
    W("одними", K_UNIT, 1), W("одною", K_UNIT, 1), W("одиннадцать", K_TEEN, 11),
    W("одиннадцати", K_TEEN, 11), W("одиннадцатью", K_TEEN, 11),
};
static const entry ru_p[] = {
    W("пять", K_UNIT, 5), W("пяти", K_UNIT, 5), W("пятью", K_UNIT, 5), W("пятеро", K_UNIT, 5),
    W("пятерых", K_UNIT, 5), W("пятерым", K_UNIT, 5), W("пятерыми", K_UNIT, 5),
    W("пятнадцать", K_TEEN, 15), W("пятнадцати", K_TEEN, 15), W("пятнадцатью", K_TEEN, 15),
    W("пятьдесят", K_TENS, 50), W("пятидесяти", K_TENS, 50), W("пятьюдесятью", K_TENS, 50),
    W("пятьсот", K_HUNDREDS, 500), W("пятисот", K_HUNDREDS, 500),
    W("пятистам", K_HUNDREDS, 500), W("пятьюстами", K_HUNDREDS, 500),
    W("пятистах", K_HUNDREDS, 500), W("полтора", K_ONE_HALF, 1.5),
    W("полторы", K_ONE_HALF, 1.5), W("полутора", K_ONE_HALF, 1.5),
    W("полмиллиона", K_HALF_OF, 5e5), W("полмиллиарда", K_HALF_OF, 5e8),
    W("полтысячи", K_HALF_OF, 500), W("полсотни", K_HALF_OF, 50),
};
static const entry ru_s[] = {
    W("семь", K_UNIT, 7), W("семи", K_UNIT, 7), W("семеро", K_UNIT, 7), W("семерых", K_UNIT, 7),
    W("семерым", K_UNIT, 7), W("семерыми", K_UNIT, 7), W("семнадцать", K_TEEN, 17),
    W("семнадцати", K_TEEN, 17), W("семнадцатью", K_TEEN, 17), W("сорок", K_TENS, 40),
    W("сорока", K_TENS, 40), W("семьдесят", K_TENS, 70), W("семидесяти", K_TENS, 70),
    W("семьюдесятью", K_TENS, 70), W("сто", K_HUNDREDS, 100), W("ста", K_HUNDREDS, 100),
    W("семьсот", K_HUNDREDS, 700), W("семисот", K_HUNDREDS, 700),
    W("семистам", K_HUNDREDS, 700), W("семьюстами", K_HUNDREDS, 700),
    W("семистах", K_HUNDREDS, 700), S("сотня", 100, A_NUM), S("сотню", 100, A_NUM),
    S("сотней", 100, A_NUM), S("сотне", 100, A_NUM), S("сотни", 100, A_AMBIG),
    S("сотен", 100, A_VAGUE), S("сотням", 100, A_VAGUE), S("сотнями", 100, A_VAGUE),
    S("сотнях", 100, A_VAGUE),
};
static const entry ru_t[] = {
    W("три", K_UNIT, 3), W("трех", K_UNIT, 3), W("трем", K_UNIT, 3), W("тремя", K_UNIT, 3),
    W("трое", K_UNIT, 3), W("троих", K_UNIT, 3), W("троим", K_UNIT, 3), W("троими", K_UNIT, 3),
    W("тринадцать", K_TEEN, 13), W("тринадцати", K_TEEN, 13), W("тринадцатью", K_TEEN, 13),
    W("тридцать", K_TENS, 30), W("тридцати", K_TENS, 30), W("тридцатью", K_TENS, 30),
    W("триста", K_HUNDREDS, 300), W("трехсот", K_HUNDREDS, 300), W("тремстам", K_HUNDREDS, 300),
    W("тремястами", K_HUNDREDS, 300), W("трехстах", K_HUNDREDS, 300), S("тысяча", 1000, A_NUM),
    S("тысячу", 1000, A_NUM), S("тысяче", 1000, A_NUM), S("тысячей", 1000, A_NUM),
    S("тысячью", 1000, A_NUM), S("тысячи", 1000, A_AMBIG), S("тысяч", 1000, A_VAGUE),
    S("тысячам", 1000, A_VAGUE), S("тысячами", 1000, A_VAGUE), S("тысячах", 1000, A_VAGUE),
    S("тыс", 1000, A_ABBR), S("трлн", 1e12, A_ABBR),
};
static const entry ru_ch[] = {
    W("четыре", K_UNIT, 4), W("четырех", K_UNIT, 4), W("четырем", K_UNIT, 4),
    W("четырьмя", K_UNIT, 4), W("четверо", K_UNIT, 4), W("четверых", K_UNIT, 4),
    W("четверым", K_UNIT, 4), W("четверыми", K_UNIT, 4), W("четырнадцать", K_TEEN, 14),
    W("четырнадцати", K_TEEN, 14), W("четырнадцатью", K_TEEN, 14),
    W("четыреста", K_HUNDREDS, 400), W("четырехсот", K_HUNDREDS, 400),
    W("четыремстам", K_HUNDREDS, 400), W("четырьмястами", K_HUNDREDS, 400),
    W("четырехстах", K_HUNDREDS, 400),
};
static const entry ru_sh[] = {
    W("шесть", K_UNIT, 6), W("шести", K_UNIT, 6), W("шестью", K_UNIT, 6),
    W("шестеро", K_UNIT, 6), W("шестерых", K_UNIT, 6), W("шестерым", K_UNIT, 6),
    W("шестерыми", K_UNIT, 6), W("шестнадцать", K_TEEN, 16), W("шестнадцати", K_TEEN, 16),
    W("шестнадцатью", K_TEEN, 16), W("шестьдесят", K_TENS, 60), W("шестидесяти", K_TENS, 60),
    W("шестьюдесятью", K_TENS, 60), W("шестьсот", K_HUNDREDS, 600),
    W("шестисот", K_HUNDREDS, 600), W("шестистам", K_HUNDREDS, 600),
    W("шестьюстами", K_HUNDREDS, 600), W("шестистах", K_HUNDREDS, 600),
};

/* Cyrillic lower-case letters а..я as 0..31 (the second byte of D0 B0..BF
 * and D1 80..8F). */
enum { RU_V = 2, RU_D = 4, RU_M = 12, RU_O = 14, RU_P = 15, RU_S = 17, RU_T = 18, RU_CH = 23,
       RU_SH = 24 };

static const bucket ru_buckets[32] = {
    [RU_V] = B(ru_v), [RU_D] = B(ru_d), [RU_M] = B(ru_m),   [RU_O] = B(ru_o),   [RU_P] = B(ru_p),
    [RU_S] = B(ru_s), [RU_T] = B(ru_t), [RU_CH] = B(ru_ch), [RU_SH] = B(ru_sh),
};

/* Index 0..31 of a lower-case Cyrillic letter а..я, -1 for anything else. */
static int cyr_index(u8 a, u8 b)
{
    if (a == 0xD0 && b >= 0xB0 && b <= 0xBF)
        return b - 0xB0;
    if (a == 0xD1 && b >= 0x80 && b <= 0x8F)
        return 16 + (b - 0x80);
    return -1;
}

/* Letters that can begin a German compound number word. */
static bool de_compound_start(u8 c) { return c && strchr("adefhnstvz", c) != NULL; }

/* German number words written as one compound: units, "und", tens,
 * "hundert", "tausend" and a final "einhalb", in the order German writes
 * them. The first morpheme in the list that matches is taken, so longer
 * ones come before their prefixes (dreizehn before drei). */
enum { M_UNIT = 1, M_TEEN, M_TENS, M_UND, M_HUNDERT, M_TAUSEND, M_HALB };

typedef struct morph {
    const char *w;
    unsigned char n, kind;
    unsigned short value;
} morph;

#define M(s, k, v) {s, sizeof s - 1, k, v}

static const morph de_morphs[] = {
    M("dreizehn", M_TEEN, 13),   M("vierzehn", M_TEEN, 14),   M("fünfzehn", M_TEEN, 15),
    M("sechzehn", M_TEEN, 16),   M("siebzehn", M_TEEN, 17),   M("achtzehn", M_TEEN, 18),
    M("neunzehn", M_TEEN, 19),   M("zwanzig", M_TENS, 20),    M("dreißig", M_TENS, 30),
    M("dreissig", M_TENS, 30),   M("vierzig", M_TENS, 40),    M("fünfzig", M_TENS, 50),
    M("sechzig", M_TENS, 60),    M("siebzig", M_TENS, 70),    M("achtzig", M_TENS, 80),
    M("neunzig", M_TENS, 90),    M("einhalb", M_HALB, 0),     M("hundert", M_HUNDERT, 100),
    M("tausend", M_TAUSEND, 0),  M("zwölf", M_TEEN, 12),      M("zehn", M_TEEN, 10),
    M("elf", M_TEEN, 11),        M("eins", M_UNIT, 1),        M("ein", M_UNIT, 1),
    M("zwei", M_UNIT, 2),        M("drei", M_UNIT, 3),        M("vier", M_UNIT, 4),
    M("fünf", M_UNIT, 5),        M("sechs", M_UNIT, 6),       M("sieben", M_UNIT, 7),
    M("acht", M_UNIT, 8),        M("neun", M_UNIT, 9),        M("und", M_UND, 0),
};

/* Reads the whole lower-case word w[0..n) as a German compound number;
 * false if any part of it is not a number morpheme or the order is wrong
 * ("einszehn", "hunderthundert"). *half is set for "...einhalb". */
static bool de_compound(const char *w, size_t n, double *value, bool *half)
{
    double thousands = 0, below = 0, unit = 0;
    bool has_unit = false, has_tens = false, has_hundreds = false, after_und = false;
    bool has_thousand = false;
    *half = false;
    size_t i = 0;
    while (i < n) {
        const morph *m = NULL;
        for (size_t k = 0; k < sizeof de_morphs / sizeof de_morphs[0]; k++) {
            if (de_morphs[k].n <= n - i && memcmp(w + i, de_morphs[k].w, de_morphs[k].n) == 0) {
                m = &de_morphs[k];
                break;
            }
        }
        if (!m || *half)
            return false;
        if (after_und && m->kind != M_TENS)
            return false;
        switch (m->kind) {
        case M_UNIT:
            if (has_unit || has_tens || (m->value == 1 && m->n == 4 && i + 4 != n))
                /* "eins" only at the end */
                return false;
            unit = m->value;
            has_unit = true;
            break;
        case M_TEEN:
            if (has_unit || has_tens)
                return false;
            below += m->value;
            has_tens = true;
            break;
        case M_UND:
            if (!has_unit || has_tens)
                return false;
            after_und = true;
            break;
        case M_TENS:
            if (has_tens || (has_unit && !after_und))
                return false;
            below += m->value + unit;
            unit = 0;
            has_unit = false;
            after_und = false;
            has_tens = true;
            break;
        case M_HUNDERT:
            if (has_hundreds || has_tens)
                return false;
            below += (has_unit ? unit : 1) * 100;
            unit = 0;
            has_unit = false;
            has_hundreds = true;
            break;
        case M_TAUSEND:
            if (has_thousand)
                return false;
            thousands = below + unit;
            if (thousands == 0)
                thousands = 1;
            below = unit = 0;
            has_unit = has_tens = has_hundreds = false;
            has_thousand = true;
            break;
        case M_HALB:
            if (!has_unit)
                return false;
            unit += 0.5;
            *half = true;
            break;
        default:
            return false;
        }
        i += m->n;
    }
    if (after_und)
        return false;
    *value = thousands * 1000 + below + unit;
    return *value > 0;
}

/* ---- tokens --------------------------------------------------------------- */

typedef struct scan {
    const u8 *s;
    size_t len;
    ms_lang lang;
} scan;

typedef struct token {
    size_t start, end; /* the word */
    int kind;          /* K_* */
    int alone;         /* K_SCALE: A_* */
    double value;
    bool half; /* K_NUMBER ending in "einhalb" */
} token;

/* For each bucket, bit n set when one of its words has n bytes: a word of
 * another length is ruled out before it is looked at further. Filled once
 * from the tables (ms_text_find_numbers sees to it). */
static uint64_t en_lens[26], de_lens[26], ru_lens[32];
static once_flag lens_once = ONCE_FLAG_INIT;

static void lens_of(const bucket *b, size_t nb, uint64_t *lens)
{
    for (size_t k = 0; k < nb; k++)
        for (size_t j = 0; j < b[k].n; j++)
            if (b[k].e[j].n < 64)
                lens[k] |= (uint64_t)1 << b[k].e[j].n;
}

static void lens_build(void)
{
    lens_of(en_buckets, 26, en_lens);
    lens_of(de_buckets, 26, de_lens);
    lens_of(ru_buckets, 32, ru_lens);
}

/* The bucket of number words that can start with the first letter of the
 * word at s[i] and have its length n, NULL if none can (most words stop
 * here). A German word of any length may be a compound. */
static const bucket *bucket_for(const scan *sc, size_t i, size_t n)
{
    const u8 *s = sc->s;
    u8 c = s[i];
    if (c < 0x80) {
        int k = (c | 0x20) - 'a';
        if (sc->lang == MS_LANG_EN)
            return (en_lens[k] >> n) & 1 ? &en_buckets[k] : NULL;
        if (sc->lang == MS_LANG_DE) /* may be empty: compounds */
            return de_buckets[k].n || de_compound_start((u8)(c | 0x20)) ? &de_buckets[k] : NULL;
        return NULL;
    }
    if ((c == 0xD0 || c == 0xD1) && i + 1 < sc->len) {
        u8 low[2];
        lower_letter(s + i, 2, low);
        int k = cyr_index(low[0], low[1]);
        return k >= 0 && (ru_lens[k] >> n) & 1 ? &ru_buckets[k] : NULL;
    }
    return NULL;
}

/* Could the lower-case word w[0..n) start with a German number morpheme?
 * A cheap test on the first three bytes before the full compound parse. */
static bool de_compound_prefix(const u8 *w, size_t n)
{
    if (n < 3)
        return false;
    for (size_t k = 0; k < sizeof de_morphs / sizeof de_morphs[0]; k++)
        if (memcmp(de_morphs[k].w, w, 3) == 0)
            return true;
    return false;
}

/* Looks up the word s[i..we) as a number-word token. Only a word that
 * some table word matches in byte length and first two letters (or, in
 * German, that starts like a number morpheme) is lower-cased and compared
 * in full: most words cost a few byte comparisons. */
static bool lookup_word(const scan *sc, size_t i, size_t we, token *t)
{
    size_t n = we - i;
    if (n > WORD_MAX)
        return false;
    const bucket *b = bucket_for(sc, i, n);
    if (!b)
        return false;
    bool de = sc->lang == MS_LANG_DE && sc->s[i] < 0x80;
    /* the first two letters in lower case: with the length they rule out
     * nearly every word that is no number word before it is copied */
    u8 head[8];
    size_t h = 0;
    for (int letters = 0; letters < 2 && i + h < we; letters++) {
        size_t l = letter_at(sc->s, sc->len, i + h);
        lower_letter(sc->s + i + h, l, head + h);
        h += l;
    }
    bool maybe = false;
    for (size_t k = 0; k < b->n && !maybe; k++)
        maybe = b->e[k].n == n && memcmp(b->e[k].w, head, h) == 0;
    if (de && !maybe && n >= 3) {
        if (h < 3) /* a third letter for the morpheme test */
            lower_letter(sc->s + i + h, letter_at(sc->s, sc->len, i + h), head + h);
        maybe = de_compound_prefix(head, n);
    }
    if (!maybe)
        return false;
    word w;
    read_word_to(sc->s, sc->len, i, we, &w);
    t->start = i;
    t->end = we;
    t->half = false;
    t->alone = 0;
    for (size_t k = 0; k < b->n; k++) {
        const entry *e = &b->e[k];
        if (e->n == w.n && memcmp(e->w, w.buf, w.n) == 0) {
            t->kind = e->kind;
            t->alone = e->alone;
            t->value = e->value;
            return true;
        }
    }
    if (de && de_compound(w.buf, w.n, &t->value, &t->half)) {
        t->kind = K_NUMBER;
        return true;
    }
    return false;
}

/* Reads the word at the letter s[i] as a number-word token. */
static bool read_token(const scan *sc, size_t i, token *t)
{
    if (i >= sc->len || !letter_at(sc->s, sc->len, i))
        return false;
    return lookup_word(sc, i, word_end(sc->s, sc->len, i), t);
}

/* Skips horizontal space and at most `max_nl` line breaks from p; *nl
 * counts the line breaks crossed. */
static size_t skip_gap(const scan *sc, size_t p, int max_nl, int *nl)
{
    for (;;) {
        size_t l = hspace_at(sc->s, sc->len, p);
        if (!l && *nl < max_nl && (l = newline_at(sc->s, sc->len, p)) != 0)
            (*nl)++;
        if (!l)
            return p;
        p += l;
    }
}

/* The next number-word token after p: at least one space, at most one
 * line break between. *nl tells whether a line break was crossed. */
static bool next_token(const scan *sc, size_t p, token *t, bool *nl)
{
    int n = 0;
    size_t q = skip_gap(sc, p, 1, &n);
    *nl = n > 0;
    return q > p && read_token(sc, q, t);
}

/* ---- values --------------------------------------------------------------- */

/* The place value of the lowest non-zero digit of a whole number (9000 ->
 * 1000, 39500 -> 100); 1 for anything else. */
static double lowest_place(double v)
{
    v = fabs(v);
    if (!(v >= 1) || v > 1e15 || v != floor(v))
        return 1;
    double p = 1;
    while (fmod(v, p * 10) == 0)
        p *= 10;
    return p;
}

static int exponent_of(double scale)
{
    int e = 0;
    while (scale >= 10) {
        scale /= 10;
        e++;
    }
    return e;
}

static void emit(ms_text_number *out, size_t max, size_t *count, const ms_text_number *n)
{
    if (*count < max)
        out[*count] = *n;
    (*count)++;
}

/* ---- number words --------------------------------------------------------- */

/* Classes of the parts of one group below a scale: a part may only follow
 * a larger one ("сто двадцать пять", not "пять двадцать"). */
enum { CLS_DONE = 0, CLS_UNIT = 1, CLS_TEEN = 2, CLS_TENS = 3, CLS_HUNDREDS = 4, CLS_OPEN = 9 };

static const char *const vague_quantifiers[] = {"several", "few",      "несколько", "нескольких",
                                                "нескольким", "mehrere", "einige",    "einigen",
                                                "paar",     NULL};

/* Russian prepositions that govern the genitive: after them "тысячи" and
 * "сотни" are one thousand, one hundred ("около тысячи"). */
static const char *const genitive_preps[] = {
    "около", "более", "свыше",  "менее",  "до",    "порядка", "больше", "меньше", "от",
    "из",    "с",     "без",    "для",    "у",     "после",   "вместо", "кроме",  "среди", NULL};

static bool prev_word_in(const scan *sc, size_t i, const char *const *list)
{
    word w;
    return prev_word(sc->s, sc->len, i, &w) && word_in(&w, list);
}

/* Emits a vague quantity: scale word `t` on its own ("thousands", "сотни")
 * or with a larger scale after it ("tens of thousands", "сотни тысяч"). */
static bool read_vague(const scan *sc, const token *t, ms_text_number *n, size_t *resume)
{
    double nominal, hi;
    if (t->kind == K_VAGUE) {
        nominal = t->value;
        hi = pow(10, exponent_of(nominal) + 1) - 1; /* 24 -> 99 */
    } else {
        nominal = 2 * t->value;
        hi = 10 * t->value - 1;
    }
    size_t end = t->end;
    bool nl = false, line = false;
    token u;
    if (next_token(sc, end, &u, &nl)) {
        line = nl;
        if (u.kind == K_OF && sc->lang == MS_LANG_EN) {
            bool nl2;
            if (!next_token(sc, u.end, &u, &nl2))
                u.kind = 0;
            line = line || nl2;
        }
        if (u.kind == K_SCALE && u.alone != A_ABBR && u.alone != A_NEEDS && u.value > t->value &&
            u.value >= 1000) {
            nominal *= u.value;
            hi = (hi + 1) * u.value - 1;
            end = u.end;
        } else {
            line = false;
        }
    }
    if (t->kind == K_SCALE && t->alone == A_NEEDS && end == t->end)
        return false; /* "tens" alone is no quantity */
    n->start = t->start;
    n->end = n->digits_end = end;
    n->value = nominal;
    n->vague_hi = hi;
    n->rounding = lowest_place(nominal);
    n->flags = MS_NUM_VAGUE | (line ? MS_NUM_LINEBREAK : 0u);
    *resume = end;
    return true;
}

/* Reads number words from token `first` on: "nine thousand", "двух
 * тысяч", "Thirty-nine and a half thousand", "полтора миллиона", "a
 * dozen", "half a million", "eine halbe Million", "zweitausend". */
static bool read_words(const scan *sc, const token *first, ms_text_number *n, size_t *resume)
{
    const u8 *s = sc->s;
    size_t len = sc->len;
    token t = *first;
    bool nl = false;
    double total = 0, cur = 0, last_scale = HUGE_VAL;
    double half_unit = 0; /* rounding of a form with a half, 0 if none */
    double half_kind = 0; /* 0.5 for "and a half", 0.1 for полтора */
    int cls = CLS_OPEN;
    size_t ntok = 0, end = t.start, num_end = 0;
    bool scaled = false, line = false, last_scale_tok = false, small = false;
    bool suffixed = false;

    switch (t.kind) {
    case K_AND:
    case K_OF:
        return false;
    case K_VAGUE:
        return read_vague(sc, &t, n, resume);
    case K_HALF_OF:
        n->start = t.start;
        n->end = n->digits_end = t.end;
        n->value = n->vague_hi = t.value;
        n->rounding = lowest_place(t.value);
        n->flags = 0;
        *resume = t.end;
        return true;
    case K_ARTICLE:
    case K_HALF: {
        /* "a thousand", "ein Dutzend"; "half a million", "eine halbe
         * Million" */
        token u, v;
        bool nl1 = false, nl2 = false;
        if (!next_token(sc, t.end, &u, &nl1))
            return false;
        bool half = false;
        if (t.kind == K_HALF && u.kind == K_ARTICLE && sc->lang == MS_LANG_EN)
            half = true;
        else if (t.kind == K_ARTICLE && u.kind == K_HALF && sc->lang == MS_LANG_DE)
            half = true;
        if (half) {
            if (!next_token(sc, u.end, &v, &nl2) ||
                !((v.kind == K_SCALE && v.alone == A_NUM) || v.kind == K_DOZEN))
                return false;
            n->start = t.start;
            n->end = n->digits_end = v.end;
            n->value = n->vague_hi = 0.5 * v.value;
            n->rounding = 0.5 * v.value;
            n->flags = MS_NUM_SCALED | (nl1 || nl2 ? MS_NUM_LINEBREAK : 0u);
            *resume = v.end;
            return true;
        }
        if (t.kind == K_HALF ||
            !(u.kind == K_HUNDRED || u.kind == K_DOZEN ||
              (u.kind == K_SCALE && (u.alone == A_NUM || u.alone == A_AMBIG))))
            return false;
        cur = 1; /* the article stands for one */
        cls = CLS_UNIT;
        line = nl1;
        t = u;
        break;
    }
    case K_ONE_HALF:
        cur = 1.5;
        half_kind = 0.1;
        cls = CLS_DONE;
        ntok = 1;
        small = true;
        end = t.end;
        if (!next_token(sc, end, &t, &nl))
            t.kind = 0;
        break;
    case K_SCALE:
        if (t.alone == A_ABBR)
            return false;
        if (t.alone == A_VAGUE || t.alone == A_NEEDS ||
            (t.alone == A_AMBIG && !prev_word_in(sc, t.start, genitive_preps)) ||
            (t.alone == A_NUM && prev_word_in(sc, t.start, vague_quantifiers)))
            return read_vague(sc, &t, n, resume);
        cur = 1; /* "тысяча", "million" on its own: one of it */
        cls = CLS_UNIT;
        break;
    default:
        break;
    }

    /* The main loop: t is the next token to take; on anything that does
     * not fit, the number read so far ends before it. */
    for (;;) {
        bool ok = false;
        int k = t.kind;
        if (k == K_UNIT || k == K_TEEN || k == K_TENS || k == K_HUNDREDS) {
            int c = k == K_UNIT ? CLS_UNIT : k == K_TEEN ? CLS_TEEN : k == K_TENS ? CLS_TENS
                                                                              : CLS_HUNDREDS;
            if (c < cls) {
                cur += t.value;
                cls = c == CLS_TENS ? CLS_TEEN : c == CLS_TEEN ? CLS_UNIT : c;
                ok = true;
                small = ntok == 0 && k == K_UNIT;
                /* "thirty-nine": English tens and a unit joined by a hyphen */
                if (c == CLS_TENS && t.end + 1 < len && s[t.end] == '-') {
                    token u;
                    if (read_token(sc, t.end + 1, &u) && u.kind == K_UNIT) {
                        cur += u.value;
                        cls = CLS_DONE;
                        t.end = u.end;
                    }
                }
            }
        } else if (k == K_HUNDRED) {
            /* "two hundred", "twenty-five hundred", "a hundred" */
            if (cur < 100 && half_kind == 0 && (cur > 0 || ntok == 0)) {
                cur = (cur > 0 ? cur : 1) * 100;
                cls = CLS_HUNDREDS;
                ok = true;
            }
        } else if (k == K_DOZEN) {
            if (cur < 100 && half_kind == 0 && (cur > 0 || ntok == 0)) {
                cur = (cur > 0 ? cur : 1) * 12;
                cls = CLS_DONE;
                last_scale = 12; /* nothing larger may follow */
                ok = true;
            }
        } else if (k == K_NUMBER) {
            if (ntok == 0 || (cls == CLS_OPEN && cur == 0 && t.value < last_scale)) {
                cur = t.value;
                cls = CLS_DONE;
                if (t.half)
                    half_kind = 0.5;
                small = ntok == 0 && t.value < 10;
                ok = true;
            }
        } else if (k == K_SCALE) {
            if (t.value < last_scale && cur > 0 && t.alone != A_NEEDS) {
                total += cur * t.value;
                if (half_kind > 0)
                    half_unit = half_kind * t.value;
                half_kind = 0;
                cur = 0;
                cls = CLS_OPEN;
                last_scale = t.value;
                scaled = true;
                num_end = end;
                if (t.alone == A_ABBR && t.end < len && s[t.end] == '.')
                    t.end++;
                ok = true;
            }
        } else if (k == K_AND && sc->lang == MS_LANG_EN && (cur > 0 || total > 0) &&
                   half_kind == 0) {
            /* "two hundred and fifty", "thirty-nine and a half thousand" */
            token u, v;
            bool nl1, nl2;
            if (next_token(sc, t.end, &u, &nl1) && !nl1) {
                if (u.kind == K_ARTICLE && next_token(sc, u.end, &v, &nl2) && !nl2 &&
                    v.kind == K_HALF && cur > 0 && cur < 1000) {
                    cur += 0.5;
                    half_kind = 0.5;
                    cls = CLS_DONE;
                    t.end = v.end;
                    ok = true;
                } else if ((u.kind == K_UNIT || u.kind == K_TEEN || u.kind == K_TENS) &&
                           (cls == CLS_HUNDREDS || (cls == CLS_OPEN && total > 0))) {
                    t = u; /* take the number after "and" in the next round */
                    continue;
                }
            }
        }
        if (!ok)
            break;
        ntok++;
        end = t.end;
        line = line || nl;
        last_scale_tok = k == K_SCALE;
        if (!next_token(sc, end, &t, &nl))
            break;
    }
    if (ntok == 0)
        return false;
    if (end + 1 < len && s[end] == '-' && letter_at(s, len, end + 1))
        suffixed = true; /* "five-year", "двух-трёх" */
    double value = total + cur;
    if (half_kind > 0) /* "one and a half", "полтора" without a scale */
        half_unit = half_kind;
    n->start = first->start;
    n->end = end;
    n->digits_end = scaled && last_scale_tok && num_end > first->start ? num_end : end;
    n->value = n->vague_hi = value;
    n->rounding = half_unit > 0 ? half_unit : lowest_place(value);
    n->flags = (scaled ? MS_NUM_SCALED : 0u) | (line ? MS_NUM_LINEBREAK : 0u) |
               (suffixed ? MS_NUM_SUFFIXED : 0u) |
               (small && ntok == 1 && value < 10 ? MS_NUM_SMALL_WORD : 0u);
    *resume = end;
    return true;
}

/* ---- digit numbers -------------------------------------------------------- */

/* A number's digits in the plain form ms_num_parse() reads ("93000",
 * "267.2"). Absurdly long digit runs keep their first digits and count
 * the others as a power of ten. */
typedef struct plain {
    char b[48];
    size_t n;
    long extra; /* integer digits that did not fit: a factor 10^extra */
    bool cut;   /* digits were dropped */
} plain;

static void plain_put(plain *pl, u8 c, bool frac)
{
    if (!pl->cut && pl->n < sizeof pl->b - 12) {
        pl->b[pl->n++] = (char)c;
        return;
    }
    pl->cut = true;
    if (!frac)
        pl->extra++;
}

/* The value of pl times 10^exp10, and its rounding unit (the place of the
 * last significant digit: "143000" -> 1000, "23.6e3" -> 100). */
static void plain_value(const plain *pl, int exp10, double *value, double *unit)
{
    char b[80];
    size_t n = pl->n;
    memcpy(b, pl->b, n);
    long e = pl->extra + exp10;
    if (e != 0) {
        char d[24];
        size_t k = 0;
        b[n++] = 'e';
        do {
            d[k++] = (char)('0' + e % 10);
            e /= 10;
        } while (e && k < sizeof d);
        while (k)
            b[n++] = d[--k];
    }
    b[n] = '\0'; /* ms_num_rounding_unit reads the exponent with strtol */
    double v, r = ms_num_rounding_unit(b, n, 1.0);
    if (ms_num_parse(b, n, &v, NULL, NULL) != MS_OK)
        v = DBL_MAX; /* a digit run longer than any double */
    *value = v;
    *unit = r > 0 && isfinite(r) ? r : 1;
}

/* English ordinal suffixes glued to digits ("20th"). */
static const char *const en_ordinal_suffixes[] = {"st", "nd", "rd", "th", NULL};

/* Russian endings of an ordinal written with digits and a hyphen ("20-й",
 * "20-го", "2022-м", "90-х"); other hyphenated words ("5-ти", "44-летний")
 * make the number SUFFIXED. */
static const char *const ru_ordinal_endings[] = {
    "й",  "я",  "е",  "ю",  "м",  "х",  "го", "му", "ой", "ый", "ий", "ая",
    "ое", "ые", "ых", "ом", "ым", "им", "их", "ую", "ей", "ого", "ому", NULL};

/* German words an ordinal "3." stands before ("am 3. August", "in der 20.
 * Sitzung"). */
static const char *const de_ordinal_nouns[] = {
    "januar",   "jänner",    "februar",     "märz",        "april",         "mai",
    "juni",     "juli",      "august",      "september",   "oktober",       "november",
    "dezember", "sitzung",   "quartal",     "halbjahr",    "jahrhundert",   "platz",
    "mal",      "lesung",    "stelle",      "tag",         "woche",         "kalenderwoche",
    "klasse",   "runde",     "auflage",     "wahlperiode", "legislaturperiode", NULL};

/* Russian month names in the genitive: "62 тыс. 2 мая" is no "62 002". */
static const char *const ru_months[] = {"января",   "февраля", "марта",  "апреля",
                                        "мая",      "июня",    "июля",   "августа",
                                        "сентября", "октября", "ноября", "декабря", NULL};

/* A plain integer of 1-3 digits at s[i] that stands on its own ("317" in
 * "140 тысяч 317"): not part of a larger, decimal, grouped or hyphenated
 * number, not glued to a word or a percent sign, not a day before a month. */
static bool small_int_at(const scan *sc, size_t i, double *v, size_t *end)
{
    const u8 *s = sc->s;
    size_t len = sc->len, p = i;
    while (p < len && is_digit(s[p]) && p - i < 4)
        p++;
    if (p == i || p - i > 3)
        return false;
    if (p < len) {
        u8 c = s[p];
        if ((c == '.' || c == ',') && p + 1 < len && is_digit(s[p + 1]))
            return false;
        if (c == '%' || c == '-' || c == '+' || c == '/' || c == ':' || letter_at(s, len, p))
            return false;
        if (c == 0xE2 && p + 2 < len && s[p + 1] == 0x80 && (s[p + 2] == 0x93 || s[p + 2] == 0x94))
            return false; /* "150–200" */
        size_t g = group_sep_at(s, len, p);
        if (g && three_digits_at(s, len, p + g))
            return false;
        size_t q = p + hspace_at(s, len, p);
        if (q > p && q < len && s[q] == '%')
            return false;
        word w;
        if (q > p && q < len && letter_at(s, len, q)) {
            read_word(s, len, q, &w);
            if (word_in(&w, ru_months))
                return false;
        }
    }
    double x = 0;
    for (size_t k = i; k < p; k++)
        x = x * 10 + (s[k] - '0');
    *v = x;
    *end = p;
    return true;
}

/* "около 18⏎500": may a line break stand for a group separator? Only in
 * running text: the number does not begin its line, and the three digits
 * after the break go on with a space or a comma, so two lines of a list
 * ("12⏎345⏎") do not merge. */
static bool line_group_ok(const scan *sc, size_t start, size_t after)
{
    const u8 *s = sc->s;
    size_t j = start;
    while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t'))
        j--;
    if (j == 0 || s[j - 1] == '\n' || s[j - 1] == '\r')
        return false;
    return after < sc->len &&
           (s[after] == ',' || s[after] == ';' || hspace_at(s, sc->len, after) != 0);
}

/* A scale word after p (across spaces and one line break): "2 тыс.", "1,5
 * млн", "2.3⏎million". Stores its token and where it ends. */
static bool scale_after(const scan *sc, size_t p, token *t, size_t *end, bool *nl)
{
    int n = 0;
    size_t q = skip_gap(sc, p, 1, &n);
    if (q == p || !read_token(sc, q, t) ||
        !((t->kind == K_SCALE && t->alone != A_NEEDS) || t->kind == K_HUNDRED))
        return false;
    *end = t->end;
    if (t->alone == A_ABBR && *end < sc->len && sc->s[*end] == '.')
        (*end)++;
    *nl = n > 0;
    return true;
}

/* Reads the number whose first digit is s[i] into *n; returns where the
 * scan goes on (after the number and any word glued to it). */
static size_t read_digit_number(const scan *sc, size_t i, size_t last_end, ms_text_number *n)
{
    const u8 *s = sc->s;
    size_t len = sc->len;
    ms_lang lang = sc->lang;
    plain pl = {{0}, 0, 0, false};
    unsigned flags = MS_NUM_DIGITS;
    size_t p = i;
    while (p < len && is_digit(s[p]))
        plain_put(&pl, s[p++], false);
    size_t first = p - i;

    /* A sign attached to the digits, after a space, "(" or the start:
     * "–12,6%", "(+9%)". A dash after a digit is a range ("2023–2024"),
     * after a letter a name ("COVID-19"). */
    size_t start = i;
    size_t sg = 0;
    unsigned sign = 0;
    if (i >= 1 && (s[i - 1] == '-' || s[i - 1] == '+')) {
        sg = 1;
        sign = s[i - 1] == '+' ? MS_NUM_PLUS : MS_NUM_NEGATIVE;
    } else if (i >= 3 && s[i - 3] == 0xE2 &&
               ((s[i - 2] == 0x88 && s[i - 1] == 0x92) || (s[i - 2] == 0x80 && s[i - 1] == 0x93))) {
        sg = 3; /* U+2212 minus, U+2013 en dash */
        sign = MS_NUM_NEGATIVE;
    }
    if (sg && i - sg >= last_end) {
        size_t b = i - sg;
        if (b == 0 || s[b - 1] == '(' || space_before(s, b)) {
            start = b;
            flags |= sign;
        } else if (s[i - 1] == '-' && letter_before(s, b)) {
            flags |= MS_NUM_SUFFIXED;
        }
    }
    if (letter_before(s, i))
        flags |= MS_NUM_SUFFIXED;
    /* the later parts of "30.06.2024" or "1.2.3" take no decimal mark */
    bool chained = i >= 2 && (s[i - 1] == '.' || s[i - 1] == ',') && is_digit(s[i - 2]);

    /* Digit groups: a first group of 1-3 digits, then groups of exactly
     * three. A space-like separator works in every language, a comma in
     * English, a dot in German (elsewhere only when repeated: "1.233.500"),
     * a single line break in running text. */
    bool line = false;
    u8 gk = 0; /* the separator in use: ' ', ',' or '.' */
    if (first <= 3) {
        for (;;) {
            size_t l, q;
            if ((gk == 0 || gk == ' ') && (l = group_sep_at(s, len, p)) != 0 &&
                three_digits_at(s, len, p + l)) {
                q = p + l;
                gk = ' ';
                flags |= MS_NUM_GROUPED;
            } else if ((gk == 0 || gk == ' ') && !line && (l = newline_at(s, len, p)) != 0 &&
                       three_digits_at(s, len, p + l) && line_group_ok(sc, start, p + l + 3)) {
                q = p + l;
                line = true;
            } else if (p < len && s[p] == ',' && lang == MS_LANG_EN && (gk == 0 || gk == ',') &&
                       three_digits_at(s, len, p + 1)) {
                q = p + 1;
                gk = ',';
                flags |= MS_NUM_GROUPED;
            } else if (p < len && s[p] == '.' && (gk == 0 || gk == '.') &&
                       three_digits_at(s, len, p + 1) &&
                       (lang == MS_LANG_DE || gk == '.' ||
                        (p + 4 < len && s[p + 4] == '.' && three_digits_at(s, len, p + 5)))) {
                q = p + 1;
                gk = '.';
                flags |= MS_NUM_GROUPED;
            } else {
                break;
            }
            for (size_t k = 0; k < 3; k++)
                plain_put(&pl, s[q + k], false);
            p = q + 3;
        }
    }

    /* The decimal mark: '.' in English and Russian, ',' in Russian and
     * German, and ',' in English when not exactly three digits follow
     * ("1,5"). Not in a chain like "30.06.2024" or "1.2.3". */
    if (!chained && p + 1 < len && is_digit(s[p + 1]) && (s[p] == '.' || s[p] == ',')) {
        u8 m = s[p];
        bool mark;
        if (m == '.')
            mark = lang != MS_LANG_DE && gk != '.';
        else if (lang == MS_LANG_EN)
            mark = gk == 0 && !line && !three_digits_at(s, len, p + 1);
        else
            mark = gk != ',';
        if (mark) {
            size_t f = p + 1;
            while (f < len && is_digit(s[f]))
                f++;
            if (!(f + 1 < len && s[f] == m && is_digit(s[f + 1]))) {
                plain_put(&pl, '.', true);
                for (size_t k = p + 1; k < f; k++)
                    plain_put(&pl, s[k], true);
                p = f;
                flags |= MS_NUM_DECIMAL;
            }
        }
    }
    bool dec = (flags & MS_NUM_DECIMAL) != 0;

    /* What follows the digits: a glued suffix, a hyphenated word, a German
     * ordinal dot, or a scale word. */
    size_t num_end = p, end = p, resume = p;
    int sexp = 0;
    bool scaled = false, suffix = false;
    if (p < len && letter_at(s, len, p)) {
        word w;
        read_word(s, len, p, &w);
        if (!dec && word_in(&w, en_ordinal_suffixes)) {
            flags |= MS_NUM_ORDINAL;
            end = w.end;
        } else if (lang == MS_LANG_EN && word_is(&w, "k")) {
            sexp = 3;
        } else if (lang == MS_LANG_EN && (word_is(&w, "m") || word_is(&w, "mln"))) {
            sexp = 6;
        } else if (lang == MS_LANG_EN && word_is(&w, "bn")) {
            sexp = 9;
        } else {
            flags |= MS_NUM_SUFFIXED;
        }
        if (sexp) {
            scaled = true;
            end = w.end;
        }
        suffix = true;
        resume = w.end;
    } else if (p + 1 < len && s[p] == '-' && letter_at(s, len, p + 1)) {
        word w;
        read_word(s, len, p + 1, &w);
        if (!dec && word_in(&w, ru_ordinal_endings)) {
            flags |= MS_NUM_ORDINAL;
            end = w.end;
        } else {
            flags |= MS_NUM_SUFFIXED;
        }
        suffix = true;
        resume = w.end;
    } else if (p < len && s[p] == '+' && !(p + 1 < len && is_digit(s[p + 1]))) {
        flags |= MS_NUM_SUFFIXED; /* "18+" */
        suffix = true;
    } else if (lang == MS_LANG_DE && !dec && p - i <= 3 && p < len && s[p] == '.') {
        size_t q = p + 1;
        q += hspace_at(s, len, q);
        if (q < len && letter_at(s, len, q)) {
            word w;
            read_word(s, len, q, &w);
            if (word_in(&w, de_ordinal_nouns)) {
                flags |= MS_NUM_ORDINAL;
                end = p + 1;
            }
        }
    }
    token t;
    size_t tend;
    bool nl;
    if (!suffix && !(flags & MS_NUM_ORDINAL) && scale_after(sc, p, &t, &tend, &nl)) {
        sexp = exponent_of(t.value);
        scaled = true;
        end = tend;
        line = line || nl;
    }

    double value, unit;
    plain_value(&pl, sexp, &value, &unit);

    /* Mixed forms: "140 тысяч 317", "62 тыс. 150", "1 млн 200 тыс.": a
     * 1-3 digit number after the scale word, with a smaller scale word or,
     * after a thousand, none. */
    if (scaled && !dec && !suffix && sexp >= 3) {
        int cur = sexp;
        for (;;) {
            size_t q = end, l;
            while ((l = hspace_at(s, len, q)) != 0)
                q += l;
            double x;
            size_t xe;
            if (q == end || !small_int_at(sc, q, &x, &xe))
                break;
            if (scale_after(sc, xe, &t, &tend, &nl) && !nl && t.kind == K_SCALE &&
                t.value >= 1000 && exponent_of(t.value) < cur) {
                value += x * t.value;
                unit = lowest_place(x) * t.value;
                end = tend;
                cur = exponent_of(t.value);
                continue;
            }
            if (cur == 3 && lang == MS_LANG_RU) { /* a bare tail is Russian usage */
                value += x;
                unit = lowest_place(x);
                end = xe;
            }
            break;
        }
    }

    if ((flags & MS_NUM_NEGATIVE) && value != 0)
        value = -value;
    n->start = start;
    n->end = end;
    n->digits_end = num_end;
    n->value = n->vague_hi = value;
    n->rounding = unit;
    n->flags = flags | (scaled ? MS_NUM_SCALED : 0u) | (line ? MS_NUM_LINEBREAK : 0u);
    return resume > end ? resume : end;
}

/* ---- the scan ------------------------------------------------------------- */

size_t ms_text_find_numbers(const char *text, size_t len, ms_lang lang, ms_text_number *out,
                            size_t max)
{
    if (!text)
        return 0;
    if ((unsigned)lang >= MS_LANG_COUNT_)
        lang = MS_LANG_EN;
    call_once(&lens_once, lens_build);
    const scan sc = {(const u8 *)text, len, lang};
    const u8 *s = sc.s;
    size_t count = 0, last_end = 0, i = 0;
    ms_text_number n;
    while (i < len) {
        u8 c = s[i];
        if (is_digit(c)) {
            i = read_digit_number(&sc, i, last_end, &n);
            emit(out, max, &count, &n);
            last_end = n.end;
            continue;
        }
        if (c < 0x80) {
            if (!is_alpha(c)) {
                i++;
                continue;
            }
        } else if (!letter_at(s, len, i)) {
            size_t u = utf8_len(s, len, i);
            i += u ? u : 1; /* invalid bytes are separators */
            continue;
        }
        /* a word: looked up only if its first letter can begin a number */
        size_t we = word_end(s, len, i);
        token t;
        size_t resume;
        if (lookup_word(&sc, i, we, &t) && read_words(&sc, &t, &n, &resume)) {
            emit(out, max, &count, &n);
            last_end = n.end;
            i = resume > we ? resume : we;
            continue;
        }
        i = we;
    }
    return count;
}
