/* lang.h — the languages text extraction knows, and their codes.
 * Exports the ms_lang enum, its ISO 639-1 names, and guessing a text's
 * language from its letters (Cyrillic -> ru, German letters and words ->
 * de, else en). */
#ifndef MS_TEXT_LANG_H
#define MS_TEXT_LANG_H

#include <stdbool.h>
#include <stddef.h>

typedef enum ms_lang {
    MS_LANG_EN = 0,
    MS_LANG_RU,
    MS_LANG_DE,
    MS_LANG_COUNT_ /* number of languages, not a language */
} ms_lang;

/* "en", "ru", "de". */
const char *ms_lang_name(ms_lang lang);
/* "en"/"ru"/"de" (any case) -> lang; false if unknown. */
bool ms_lang_from_name(const char *name, ms_lang *out);
/* Guesses the language of text[0..len) from its letters. */
ms_lang ms_lang_guess(const char *text, size_t len);

#endif
