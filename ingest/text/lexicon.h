/* lexicon.h — the words that tell what a number counts, kept as data.
 *
 * A lexicon is one language's data/lexicon_<lang>.tsv: which phrases name a
 * metric ("denied entry", "выдвор*"), a place ("Подмосковье" -> RU-MOS), a
 * subject ("граждан Таджикистана" -> TJ), a hedge ("more than", "почти"), a
 * change ("rose", "меньше"), and the other cue words the extractor reads
 * (percent, times, multipliers, fractions, shares, contexts that make a
 * number not a figure). Matching is by word: both the phrase and the text
 * are Unicode-normalised and case-folded (utf8proc) and compared by Snowball
 * stem, so выдворен/выдворено/выдворения match one entry. The file format
 * is documented at the top of each lexicon file and in docs/LEXICONS.md.
 *
 * A lexicon holds a Snowball stemmer, which is not thread-safe: use one
 * lexicon per thread. */
#ifndef MS_TEXT_LEXICON_H
#define MS_TEXT_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include "core/diag.h"
#include "core/status.h"
#include "ingest/text/lang.h"

typedef enum ms_lex_cat {
    MS_LEX_METRIC = 0, /* key: metric name (data/metrics.tsv) */
    MS_LEX_PLACE,      /* key: ISO 3166 code or code-region (RU-MOW) */
    MS_LEX_SUBJECT,    /* key: citizenship code or foreign_citizens */
    MS_LEX_HEDGE,      /* key: hedge name (more_than, nearly, up_to, ...) */
    MS_LEX_CHANGE,     /* key: "up" or "down" (rose, fell, больше, weniger) */
    MS_LEX_PERCENT,    /* key: "-" (percent, per cent, процентов, Prozent) */
    MS_LEX_TIMES,      /* key: "-" (times, раза, mal, -fold): "3 times" */
    MS_LEX_MULT,       /* key: the factor ("2" doubled, "0.5" halved, вдвое) */
    MS_LEX_FRACTION,   /* key: percent ("33.33" a third, "25" четверть) */
    MS_LEX_SHARE,      /* key: "-" (made up, accounted for, доля, Anteil) */
    MS_LEX_SKIP,       /* key: why a nearby number is not a figure
                          ("document", "phone", "age", "page", "furniture",
                          "donation", "denominator", ...) */
    MS_LEX_EVENT,      /* key: an event of data/events.tsv by name
                          ("Crocus City Hall") or a kind of event
                          ("terrorist attack", "теракт") */
    MS_LEX_CAT_COUNT_  /* number of categories, not a category */
} ms_lex_cat;

/* "metric", "place", ... (the first column of a lexicon file). */
const char *ms_lex_cat_name(ms_lex_cat cat);
/* name[0..len) -> category; false if unknown. */
bool ms_lex_cat_from_name(const char *name, size_t len, ms_lex_cat *out);

typedef struct ms_lex_hit {
    size_t start, end;  /* bytes [start, end) of the matched words */
    ms_lex_cat cat;
    const char *key;    /* owned by the lexicon */
    double number;      /* MULT and FRACTION: the key as a number; else 0 */
} ms_lex_hit;

typedef struct ms_lexicon ms_lexicon;

/* Loads a lexicon file for `lang`. Errors (unknown category, a metric not
 * in data/metrics.tsv, a bad factor) go to diag as file:line:column:
 * reason and make the load fail with MS_ERR_DATA; MS_ERR_IO if the file
 * cannot be read. */
ms_status ms_lexicon_load(const char *path, ms_lang lang, ms_lexicon **out,
                          ms_diag *diag);
/* Loads <data dir>/lexicon_<lang>.tsv (ms_data_dir()). */
ms_status ms_lexicon_load_default(ms_lang lang, ms_lexicon **out,
                                  ms_diag *diag);
void ms_lexicon_free(ms_lexicon *lex);
/* How many phrases of a category the lexicon holds (phrases that match
 * alike, such as two spellings with one stem, count once). */
size_t ms_lexicon_count(const ms_lexicon *lex, ms_lex_cat cat);
/* The language the lexicon was loaded for. */
ms_lang ms_lexicon_lang(const ms_lexicon *lex);

/* Finds the lexicon's phrases in text[0..len) (UTF-8; invalid bytes act as
 * separators). Within one category the longest phrase wins and hits do not
 * overlap; hits of different categories may overlap ("больше" is both a
 * hedge and a change). Stores the hits sorted by start (then category) into
 * out[0..max) and returns how many there are in all (may exceed max). */
size_t ms_lexicon_match(ms_lexicon *lex, const char *text, size_t len,
                        ms_lex_hit *out, size_t max);

#endif
