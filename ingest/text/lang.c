/* lang.c — language names and a letter-count guess. */
#include "ingest/text/lang.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

static const char *const lang_names[MS_LANG_COUNT_] = {"en", "ru", "de"};

const char *ms_lang_name(ms_lang lang)
{
    return (unsigned)lang < MS_LANG_COUNT_ ? lang_names[lang] : "en";
}

bool ms_lang_from_name(const char *name, ms_lang *out)
{
    for (int i = 0; name && i < MS_LANG_COUNT_; i++) {
        if (strcasecmp(name, lang_names[i]) == 0) {
            *out = (ms_lang)i;
            return true;
        }
    }
    return false;
}

/* Whether the word at s[i..n) (after a space) is one of the German
 * function words the guess counts: und, der, die, das, nicht, wurden,
 * each followed by a space. */
static bool german_word_at(const unsigned char *s, size_t i, size_t n)
{
    static const char *const words[] = {"und ", "der ", "die ", "das ", "nicht ", "wurden "};
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        size_t wl = strlen(words[w]);
        if (i + wl <= n && memcmp(s + i, words[w], wl) == 0)
            return true;
    }
    return false;
}

/* Counts Cyrillic letters against Latin ones; among Latin text, umlauts,
 * ß and a few frequent German function words tell German from English.
 * Looks at the first 64 KiB: enough for an article, cheap for a book.
 * In valid UTF-8 the lead bytes D0, D1 (Cyrillic) and C3 (umlauts) are
 * followed by continuation bytes, which are never letters: each byte is
 * counted on its own, without branches, and only C3 looks at the next. */
ms_lang ms_lang_guess(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = len < 65536 ? len : 65536;
    size_t cyrillic = 0, latin = 0, german = 0;
    /* a lead byte in the last place has no letter after it: not counted */
    size_t leads_end = n ? n - 1 : 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        latin += (unsigned)((c | 0x20) - 'a') < 26u;
        cyrillic += (i < leads_end) & ((c & 0xFE) == 0xD0);
    }
    for (const unsigned char *p = memchr(s, 0xC3, leads_end); p;
         p = memchr(p + 1, 0xC3, (size_t)(s + leads_end - (p + 1)))) {
        unsigned char d = p[1]; /* ä ö ü Ä Ö Ü ß */
        if (d == 0xA4 || d == 0xB6 || d == 0xBC || d == 0x84 || d == 0x96 || d == 0x9C ||
            d == 0x9F)
            german += 4;
    }
    if (cyrillic * 2 > latin)
        return MS_LANG_RU;
    /* each space is looked at once, and only a word starting with u, d, n
     * or w after it is compared */
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != ' ')
            continue;
        unsigned char c = s[i + 1];
        if ((c == 'u' || c == 'd' || c == 'n' || c == 'w') && german_word_at(s, i + 1, n))
            german++;
    }
    return german * 100 > latin ? MS_LANG_DE : MS_LANG_EN;
}
