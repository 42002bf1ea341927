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

/* Counts Cyrillic letters against Latin ones; among Latin text, umlauts,
 * ß and a few frequent German function words tell German from English.
 * Looks at the first 64 KiB: enough for an article, cheap for a book. */
ms_lang ms_lang_guess(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = len < 65536 ? len : 65536;
    size_t cyrillic = 0, latin = 0, german = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            latin++;
        else if ((c == 0xD0 || c == 0xD1) && i + 1 < n)
            cyrillic++, i++;
        else if (c == 0xC3 && i + 1 < n) {
            unsigned char d = s[i + 1]; /* ä ö ü Ä Ö Ü ß */
            if (d == 0xA4 || d == 0xB6 || d == 0xBC || d == 0x84 ||
                d == 0x96 || d == 0x9C || d == 0x9F)
                german += 4;
            i++;
        }
    }
    if (cyrillic * 2 > latin)
        return MS_LANG_RU;
    /* each space is looked at once: the words are tried only after one */
    static const char *const german_words[] = {"und ", "der ", "die ",
                                               "das ", "nicht ", "wurden "};
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != ' ')
            continue;
        unsigned char c = s[i + 1];
        if (c != 'u' && c != 'd' && c != 'n' && c != 'w')
            continue;
        for (size_t w = 0; w < sizeof german_words / sizeof *german_words; w++) {
            size_t wl = strlen(german_words[w]);
            if (german_words[w][0] == (char)c && i + 1 + wl <= n &&
                memcmp(s + i + 1, german_words[w], wl) == 0)
                german++;
        }
    }
    return german * 100 > latin ? MS_LANG_DE : MS_LANG_EN;
}
