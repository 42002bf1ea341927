/* periods.c — time expressions in news text, found and resolved to days.
 *
 * Exports ms_text_find_periods (periods.h). The text is read as a stream
 * of tokens: words (case-folded, ё as е), runs of ASCII digits, and single
 * other characters (every dash as '-'; an invalid UTF-8 byte is a
 * separator). Words are looked up once in a sorted keyword table shared
 * by the three languages, so a word that is no keyword costs one binary
 * search and a sentence without digits or keywords is skipped at token
 * speed. At each token that may open an expression a small hand-written
 * grammar is tried, in this order of parts:
 *
 *   lead   "in", "в", "за", "im", "on", "am", "since", "с", "seit",
 *          "from", "between", "as of", "по состоянию на", "на", "zum" ...
 *   core   a day, month or year and ranges of them; quarters, halves,
 *          "first seven months", "last year", "the past two years",
 *          "the same period last year", "fiscal year 2024", "the year
 *          ending September 2024", weekdays, nights, "now", the beginning
 *          or end of a year or month
 *   tail   the year a core without one belongs to ("of 2024", "2024 года",
 *          "of last year", "des Jahres")
 *
 * The role comes from the lead ("as of" -> stock, "on 2021" -> base), the
 * core ("годом ранее" is always a base) and the words just before the
 * expression (than, чем, als, compared with, по сравнению с, gegenüber,
 * "from 500 in"). Comparison words are not part of the span; leads are.
 * Nothing is allocated and the text is never read past len. */
#include "ingest/text/periods.h"

#include "core/hash.h"

#include <string.h>
#include <threads.h>
#include <utf8proc.h>

/* ------------------------------------------------------------ keywords */

enum { KC_NONE = 0, KC_MONTH, KC_MONABBR, KC_WEEKDAY, KC_ORD, KC_CARD, KC_ROMAN, KC_UNIT, KC_W };

/* KC_MONTH words that are also ordinary English words ("may", "march"):
 * months only when capitalised. */
#define MON_CAP 0x80

enum { U_DAY = 1, U_WEEK, U_MONTH, U_QUARTER, U_HALF, U_YEAR, U_YEARS };

enum {
    W_IN = 1, W_V, W_IM, W_ZA, W_ON, W_AM, W_AT, W_OF, W_ART, W_A, W_FROM, W_VON, W_BETWEEN, W_TO,
    W_AND, W_SINCE, W_S, W_NA, W_ZUM, W_DO, W_OT, W_PO, W_DURING, W_AS, W_THAN, W_AGAINST,
    W_WIE, W_COMPARED, W_WITH, W_ZU, W_RELATIVE, W_PAST, W_LAST, W_PREV, W_THIS, W_SAME, W_TOT,
    W_ZHE, W_PERIOD, W_WHOLE, W_EARLIER, W_VOR, W_BEGIN, W_END, W_YSTART, W_YEND, W_NOW,
    W_PRESENT, W_NASTOYASH, W_VREMYA, W_DANNY, W_MOMENT, W_SEGODNYA, W_NIGHT, W_FISCAL,
    W_FY, W_Q, W_H, W_ENDING, W_VORJAHR, W_VJZ, W_YOY, W_JVGL, W_GODOVOM, W_VYRAZH,
    W_ITOGAM, W_TECHENIE, W_SOST, W_STAND, W_G, W_YSUF, W_ST, W_NEW, W_CALENDAR, W_NO, W_BY,
    W_EARLY, W_OR, W_AUF, W_AFTER
};

typedef struct kwent {
    const char *w;
    unsigned char len;
    unsigned char kc;
    unsigned char val;
} kwent;

/* The folded keywords of the three languages (looked up by hash below). */
static const kwent kwtab[] = {
    {"a", 1, KC_W, W_A},
    {"acht", 4, KC_CARD, 8},
    {"after", 5, KC_W, W_AFTER},
    {"against", 7, KC_W, W_AGAINST},
    {"ago", 3, KC_W, W_EARLIER},
    {"aktuell", 7, KC_W, W_NOW},
    {"als", 3, KC_W, W_THAN},
    {"am", 2, KC_W, W_AM},
    {"an", 2, KC_W, W_A},
    {"and", 3, KC_W, W_AND},
    {"anfang", 6, KC_W, W_BEGIN},
    {"apr", 3, KC_MONABBR, 4},
    {"april", 5, KC_MONTH, 4},
    {"article", 7, KC_W, W_NO},
    {"artikel", 7, KC_W, W_NO},
    {"as", 2, KC_W, W_AS},
    {"at", 2, KC_W, W_AT},
    {"auf", 3, KC_W, W_AUF},
    {"aug", 3, KC_MONABBR, 8},
    {"august", 6, KC_MONTH, 8},
    {"before", 6, KC_W, W_EARLIER},
    {"beginn", 6, KC_W, W_BEGIN},
    {"beginning", 9, KC_W, W_BEGIN},
    {"between", 7, KC_W, W_BETWEEN},
    {"bis", 3, KC_W, W_TO},
    {"by", 2, KC_W, W_BY},
    {"calendar", 8, KC_W, W_CALENDAR},
    {"compared", 8, KC_W, W_COMPARED},
    {"comparison", 10, KC_W, W_COMPARED},
    {"current", 7, KC_W, W_THIS},
    {"currently", 9, KC_W, W_NOW},
    {"das", 3, KC_W, W_ART},
    {"dates", 5, KC_W, W_PERIOD},
    {"day", 3, KC_UNIT, U_DAY},
    {"days", 4, KC_UNIT, U_DAY},
    {"dec", 3, KC_MONABBR, 12},
    {"december", 8, KC_MONTH, 12},
    {"decree", 6, KC_W, W_NO},
    {"dem", 3, KC_W, W_ART},
    {"den", 3, KC_W, W_ART},
    {"der", 3, KC_W, W_ART},
    {"derzeit", 7, KC_W, W_NOW},
    {"des", 3, KC_W, W_ART},
    {"dez", 3, KC_MONABBR, 12},
    {"dezember", 8, KC_MONTH, 12},
    {"die", 3, KC_W, W_ART},
    {"dienstag", 8, KC_WEEKDAY, 2},
    {"diesem", 6, KC_W, W_THIS},
    {"dieses", 6, KC_W, W_THIS},
    {"donnerstag", 10, KC_WEEKDAY, 4},
    {"drei", 4, KC_CARD, 3},
    {"dritte", 6, KC_ORD, 3},
    {"dritten", 7, KC_ORD, 3},
    {"dritter", 7, KC_ORD, 3},
    {"drittes", 7, KC_ORD, 3},
    {"during", 6, KC_W, W_DURING},
    {"earlier", 7, KC_W, W_EARLIER},
    {"early", 5, KC_W, W_EARLY},
    {"eight", 5, KC_CARD, 8},
    {"eighth", 6, KC_ORD, 8},
    {"ein", 3, KC_W, W_A},
    {"einem", 5, KC_W, W_A},
    {"einen", 5, KC_W, W_A},
    {"eines", 5, KC_W, W_A},
    {"eleven", 6, KC_CARD, 11},
    {"eleventh", 8, KC_ORD, 11},
    {"elf", 3, KC_CARD, 11},
    {"end", 3, KC_W, W_END},
    {"ende", 4, KC_W, W_END},
    {"ended", 5, KC_W, W_ENDING},
    {"ending", 6, KC_W, W_ENDING},
    {"entire", 6, KC_W, W_WHOLE},
    {"erste", 5, KC_ORD, 1},
    {"ersten", 6, KC_ORD, 1},
    {"erster", 6, KC_ORD, 1},
    {"erstes", 6, KC_ORD, 1},
    {"feb", 3, KC_MONABBR, 2},
    {"februar", 7, KC_MONTH, 2},
    {"february", 8, KC_MONTH, 2},
    {"fifth", 5, KC_ORD, 5},
    {"first", 5, KC_ORD, 1},
    {"fiscal", 6, KC_W, W_FISCAL},
    {"five", 4, KC_CARD, 5},
    {"for", 3, KC_W, W_DURING},
    {"four", 4, KC_CARD, 4},
    {"fourth", 6, KC_ORD, 4},
    {"freitag", 7, KC_WEEKDAY, 5},
    {"friday", 6, KC_WEEKDAY, 5},
    {"from", 4, KC_W, W_FROM},
    {"früher", 7, KC_W, W_EARLIER},
    {"full", 4, KC_W, W_WHOLE},
    {"fy", 2, KC_W, W_FY},
    {"fünf", 5, KC_CARD, 5},
    {"für", 4, KC_W, W_DURING},
    {"ganzen", 6, KC_W, W_WHOLE},
    {"gegenwärtig", 12, KC_W, W_NOW},
    {"gegenüber", 10, KC_W, W_AGAINST},
    {"gesamte", 7, KC_W, W_WHOLE},
    {"gesamten", 8, KC_W, W_WHOLE},
    {"gleichen", 8, KC_W, W_SAME},
    {"h", 1, KC_W, W_H},
    {"halbjahr", 8, KC_UNIT, U_HALF},
    {"halbjahres", 10, KC_UNIT, U_HALF},
    {"halbjahrs", 9, KC_UNIT, U_HALF},
    {"half", 4, KC_UNIT, U_HALF},
    {"i", 1, KC_ROMAN, 1},
    {"ii", 2, KC_ROMAN, 2},
    {"iii", 3, KC_ROMAN, 3},
    {"im", 2, KC_W, W_IM},
    {"in", 2, KC_W, W_IN},
    {"iv", 2, KC_ROMAN, 4},
    {"jahr", 4, KC_UNIT, U_YEAR},
    {"jahre", 5, KC_UNIT, U_YEARS},
    {"jahren", 6, KC_UNIT, U_YEARS},
    {"jahres", 6, KC_UNIT, U_YEAR},
    {"jahresanfang", 12, KC_W, W_YSTART},
    {"jahresbeginn", 12, KC_W, W_YSTART},
    {"jahresende", 10, KC_W, W_YEND},
    {"jahresvergleich", 15, KC_W, W_JVGL},
    {"jahrs", 5, KC_UNIT, U_YEAR},
    {"jan", 3, KC_MONABBR, 1},
    {"januar", 6, KC_MONTH, 1},
    {"january", 7, KC_MONTH, 1},
    {"jul", 3, KC_MONABBR, 7},
    {"juli", 4, KC_MONTH, 7},
    {"july", 4, KC_MONTH, 7},
    {"jun", 3, KC_MONABBR, 6},
    {"june", 4, KC_MONTH, 6},
    {"juni", 4, KC_MONTH, 6},
    {"jänner", 7, KC_MONTH, 1},
    {"last", 4, KC_W, W_LAST},
    {"late", 4, KC_W, W_EARLY},
    {"laufenden", 9, KC_W, W_THIS},
    {"letzte", 6, KC_W, W_LAST},
    {"letzten", 7, KC_W, W_LAST},
    {"maerz", 5, KC_MONTH, 3},
    {"mai", 3, KC_MONTH, 5},
    {"mar", 3, KC_MONABBR, 3},
    {"march", 5, KC_MONTH, 3 | MON_CAP},
    {"may", 3, KC_MONTH, 5 | MON_CAP},
    {"mid", 3, KC_W, W_EARLY},
    {"mit", 3, KC_W, W_WITH},
    {"mittwoch", 8, KC_WEEKDAY, 3},
    {"momentan", 8, KC_W, W_NOW},
    {"monat", 5, KC_UNIT, U_MONTH},
    {"monate", 6, KC_UNIT, U_MONTH},
    {"monaten", 7, KC_UNIT, U_MONTH},
    {"monats", 6, KC_UNIT, U_MONTH},
    {"monday", 6, KC_WEEKDAY, 1},
    {"montag", 6, KC_WEEKDAY, 1},
    {"month", 5, KC_UNIT, U_MONTH},
    {"months", 6, KC_UNIT, U_MONTH},
    {"mär", 4, KC_MONABBR, 3},
    {"märz", 5, KC_MONTH, 3},
    {"nach", 4, KC_W, W_AFTER},
    {"nacht", 5, KC_W, W_NIGHT},
    {"nd", 2, KC_W, W_ST},
    {"neun", 4, KC_CARD, 9},
    {"new", 3, KC_W, W_NEW},
    {"night", 5, KC_W, W_NIGHT},
    {"nine", 4, KC_CARD, 9},
    {"ninth", 5, KC_ORD, 9},
    {"no", 2, KC_W, W_NO},
    {"nov", 3, KC_MONABBR, 11},
    {"november", 8, KC_MONTH, 11},
    {"now", 3, KC_W, W_NOW},
    {"nr", 2, KC_W, W_NO},
    {"oct", 3, KC_MONABBR, 10},
    {"october", 7, KC_MONTH, 10},
    {"oder", 4, KC_W, W_OR},
    {"of", 2, KC_W, W_OF},
    {"okt", 3, KC_MONABBR, 10},
    {"oktober", 7, KC_MONTH, 10},
    {"on", 2, KC_W, W_ON},
    {"one", 3, KC_CARD, 1},
    {"or", 2, KC_W, W_OR},
    {"over", 4, KC_W, W_DURING},
    {"past", 4, KC_W, W_PAST},
    {"period", 6, KC_W, W_PERIOD},
    {"preceding", 9, KC_W, W_PREV},
    {"present", 7, KC_W, W_PRESENT},
    {"previous", 8, KC_W, W_PREV},
    {"prior", 5, KC_W, W_PREV},
    {"q", 1, KC_W, W_Q},
    {"quartal", 7, KC_UNIT, U_QUARTER},
    {"quartale", 8, KC_UNIT, U_QUARTER},
    {"quartals", 8, KC_UNIT, U_QUARTER},
    {"quarter", 7, KC_UNIT, U_QUARTER},
    {"quarters", 8, KC_UNIT, U_QUARTER},
    {"rd", 2, KC_W, W_ST},
    {"relative", 8, KC_W, W_RELATIVE},
    {"same", 4, KC_W, W_SAME},
    {"samstag", 7, KC_WEEKDAY, 6},
    {"saturday", 8, KC_WEEKDAY, 6},
    {"sechs", 5, KC_CARD, 6},
    {"second", 6, KC_ORD, 2},
    {"seit", 4, KC_W, W_SINCE},
    {"selben", 6, KC_W, W_SAME},
    {"sep", 3, KC_MONABBR, 9},
    {"sept", 4, KC_MONABBR, 9},
    {"september", 9, KC_MONTH, 9},
    {"seven", 5, KC_CARD, 7},
    {"seventh", 7, KC_ORD, 7},
    {"sieben", 6, KC_CARD, 7},
    {"since", 5, KC_W, W_SINCE},
    {"six", 3, KC_CARD, 6},
    {"sixth", 5, KC_ORD, 6},
    {"sonnabend", 9, KC_WEEKDAY, 6},
    {"sonntag", 7, KC_WEEKDAY, 7},
    {"st", 2, KC_W, W_ST},
    {"stand", 5, KC_W, W_STAND},
    {"start", 5, KC_W, W_BEGIN},
    {"sunday", 6, KC_WEEKDAY, 7},
    {"tag", 3, KC_UNIT, U_DAY},
    {"tage", 4, KC_UNIT, U_DAY},
    {"tagen", 5, KC_UNIT, U_DAY},
    {"ten", 3, KC_CARD, 10},
    {"tenth", 5, KC_ORD, 10},
    {"th", 2, KC_W, W_ST},
    {"than", 4, KC_W, W_THAN},
    {"the", 3, KC_W, W_ART},
    {"third", 5, KC_ORD, 3},
    {"this", 4, KC_W, W_THIS},
    {"three", 5, KC_CARD, 3},
    {"through", 7, KC_W, W_TO},
    {"throughout", 10, KC_W, W_DURING},
    {"thru", 4, KC_W, W_TO},
    {"thursday", 8, KC_WEEKDAY, 4},
    {"till", 4, KC_W, W_TO},
    {"time", 4, KC_W, W_PERIOD},
    {"to", 2, KC_W, W_TO},
    {"tuesday", 7, KC_WEEKDAY, 2},
    {"twelfth", 7, KC_ORD, 12},
    {"twelve", 6, KC_CARD, 12},
    {"two", 3, KC_CARD, 2},
    {"und", 3, KC_W, W_AND},
    {"until", 5, KC_W, W_TO},
    {"vergangene", 10, KC_W, W_LAST},
    {"vergangenen", 11, KC_W, W_LAST},
    {"vergangenes", 11, KC_W, W_LAST},
    {"vergleich", 9, KC_W, W_COMPARED},
    {"verglichen", 10, KC_W, W_COMPARED},
    {"versus", 6, KC_W, W_AGAINST},
    {"vier", 4, KC_CARD, 4},
    {"vierte", 6, KC_ORD, 4},
    {"vierten", 7, KC_ORD, 4},
    {"vierter", 7, KC_ORD, 4},
    {"viertes", 7, KC_ORD, 4},
    {"vom", 3, KC_W, W_VON},
    {"von", 3, KC_W, W_VON},
    {"vor", 3, KC_W, W_VOR},
    {"vorangegangenen", 15, KC_W, W_PREV},
    {"vorjahr", 7, KC_W, W_VORJAHR},
    {"vorjahres", 9, KC_W, W_VORJAHR},
    {"vorjahresmonat", 14, KC_W, W_VJZ},
    {"vorjahresmonats", 15, KC_W, W_VJZ},
    {"vorjahresquartal", 16, KC_W, W_VJZ},
    {"vorjahresquartals", 17, KC_W, W_VJZ},
    {"vorjahreszeitraum", 17, KC_W, W_VJZ},
    {"vorjahreszeitraums", 18, KC_W, W_VJZ},
    {"vs", 2, KC_W, W_AGAINST},
    {"wednesday", 9, KC_WEEKDAY, 3},
    {"week", 4, KC_UNIT, U_WEEK},
    {"weeks", 5, KC_UNIT, U_WEEK},
    {"whole", 5, KC_W, W_WHOLE},
    {"wie", 3, KC_W, W_WIE},
    {"with", 4, KC_W, W_WITH},
    {"within", 6, KC_W, W_DURING},
    {"woche", 5, KC_UNIT, U_WEEK},
    {"wochen", 6, KC_UNIT, U_WEEK},
    {"während", 8, KC_W, W_DURING},
    {"year", 4, KC_UNIT, U_YEAR},
    {"years", 5, KC_UNIT, U_YEARS},
    {"yoy", 3, KC_W, W_YOY},
    {"zehn", 4, KC_CARD, 10},
    {"zeitraum", 8, KC_W, W_PERIOD},
    {"zeitraums", 9, KC_W, W_PERIOD},
    {"zu", 2, KC_W, W_ZU},
    {"zum", 3, KC_W, W_ZUM},
    {"zur", 3, KC_W, W_ZUM},
    {"zurzeit", 7, KC_W, W_NOW},
    {"zuvor", 5, KC_W, W_EARLIER},
    {"zwei", 4, KC_CARD, 2},
    {"zweite", 6, KC_ORD, 2},
    {"zweiten", 7, KC_ORD, 2},
    {"zweiter", 7, KC_ORD, 2},
    {"zweites", 7, KC_ORD, 2},
    {"zwischen", 8, KC_W, W_BETWEEN},
    {"zwölf", 6, KC_CARD, 12},
    {"авг", 6, KC_MONABBR, 8},
    {"август", 12, KC_MONTH, 8},
    {"августа", 14, KC_MONTH, 8},
    {"августе", 14, KC_MONTH, 8},
    {"августом", 16, KC_MONTH, 8},
    {"августу", 14, KC_MONTH, 8},
    {"аналогичного", 24, KC_W, W_SAME},
    {"аналогичном", 22, KC_W, W_SAME},
    {"аналогичный", 22, KC_W, W_SAME},
    {"аналогичным", 22, KC_W, W_SAME},
    {"апр", 6, KC_MONABBR, 4},
    {"апреле", 12, KC_MONTH, 4},
    {"апрелем", 14, KC_MONTH, 4},
    {"апрель", 12, KC_MONTH, 4},
    {"апрелю", 12, KC_MONTH, 4},
    {"апреля", 12, KC_MONTH, 4},
    {"в", 2, KC_W, W_V},
    {"весь", 8, KC_W, W_WHOLE},
    {"во", 4, KC_W, W_V},
    {"восемь", 12, KC_CARD, 8},
    {"воскресенье", 22, KC_WEEKDAY, 7},
    {"восьми", 12, KC_CARD, 8},
    {"время", 10, KC_W, W_VREMYA},
    {"вторая", 12, KC_ORD, 2},
    {"вторник", 14, KC_WEEKDAY, 2},
    {"второго", 14, KC_ORD, 2},
    {"второе", 12, KC_ORD, 2},
    {"второй", 12, KC_ORD, 2},
    {"втором", 12, KC_ORD, 2},
    {"второму", 14, KC_ORD, 2},
    {"вторую", 12, KC_ORD, 2},
    {"вторые", 12, KC_ORD, 2},
    {"вторым", 12, KC_ORD, 2},
    {"вторыми", 14, KC_ORD, 2},
    {"вторых", 12, KC_ORD, 2},
    {"выражении", 18, KC_W, W_VYRAZH},
    {"г", 2, KC_W, W_G},
    {"гг", 4, KC_W, W_G},
    {"го", 4, KC_W, W_YSUF},
    {"год", 6, KC_UNIT, U_YEAR},
    {"года", 8, KC_UNIT, U_YEAR},
    {"годах", 10, KC_UNIT, U_YEAR},
    {"годовом", 14, KC_W, W_GODOVOM},
    {"годом", 10, KC_UNIT, U_YEAR},
    {"году", 8, KC_UNIT, U_YEAR},
    {"годы", 8, KC_UNIT, U_YEAR},
    {"данный", 12, KC_W, W_DANNY},
    {"два", 6, KC_CARD, 2},
    {"две", 6, KC_CARD, 2},
    {"двенадцати", 20, KC_CARD, 12},
    {"двенадцать", 20, KC_CARD, 12},
    {"двух", 8, KC_CARD, 2},
    {"девяти", 12, KC_CARD, 9},
    {"девять", 12, KC_CARD, 9},
    {"дек", 6, KC_MONABBR, 12},
    {"декабре", 14, KC_MONTH, 12},
    {"декабрем", 16, KC_MONTH, 12},
    {"декабрь", 14, KC_MONTH, 12},
    {"декабрю", 14, KC_MONTH, 12},
    {"декабря", 14, KC_MONTH, 12},
    {"день", 8, KC_UNIT, U_DAY},
    {"десяти", 12, KC_CARD, 10},
    {"десять", 12, KC_CARD, 10},
    {"дней", 8, KC_UNIT, U_DAY},
    {"дня", 6, KC_UNIT, U_DAY},
    {"до", 4, KC_W, W_DO},
    {"е", 2, KC_W, W_YSUF},
    {"же", 4, KC_W, W_ZHE},
    {"за", 4, KC_W, W_ZA},
    {"и", 2, KC_W, W_AND},
    {"или", 6, KC_W, W_OR},
    {"итогам", 12, KC_W, W_ITOGAM},
    {"июле", 8, KC_MONTH, 7},
    {"июлем", 10, KC_MONTH, 7},
    {"июль", 8, KC_MONTH, 7},
    {"июлю", 8, KC_MONTH, 7},
    {"июля", 8, KC_MONTH, 7},
    {"июне", 8, KC_MONTH, 6},
    {"июнем", 10, KC_MONTH, 6},
    {"июнь", 8, KC_MONTH, 6},
    {"июню", 8, KC_MONTH, 6},
    {"июня", 8, KC_MONTH, 6},
    {"й", 2, KC_W, W_YSUF},
    {"кв", 4, KC_UNIT, U_QUARTER},
    {"квартал", 14, KC_UNIT, U_QUARTER},
    {"квартала", 16, KC_UNIT, U_QUARTER},
    {"квартале", 16, KC_UNIT, U_QUARTER},
    {"кварталом", 18, KC_UNIT, U_QUARTER},
    {"конец", 10, KC_W, W_END},
    {"конца", 10, KC_W, W_END},
    {"конце", 10, KC_W, W_END},
    {"лет", 6, KC_UNIT, U_YEARS},
    {"м", 2, KC_W, W_YSUF},
    {"мае", 6, KC_MONTH, 5},
    {"маем", 8, KC_MONTH, 5},
    {"май", 6, KC_MONTH, 5},
    {"мар", 6, KC_MONABBR, 3},
    {"март", 8, KC_MONTH, 3},
    {"марта", 10, KC_MONTH, 3},
    {"марте", 10, KC_MONTH, 3},
    {"мартом", 12, KC_MONTH, 3},
    {"марту", 10, KC_MONTH, 3},
    {"маю", 6, KC_MONTH, 5},
    {"мая", 6, KC_MONTH, 5},
    {"месяц", 10, KC_UNIT, U_MONTH},
    {"месяца", 12, KC_UNIT, U_MONTH},
    {"месяцах", 14, KC_UNIT, U_MONTH},
    {"месяце", 12, KC_UNIT, U_MONTH},
    {"месяцев", 14, KC_UNIT, U_MONTH},
    {"месяцы", 12, KC_UNIT, U_MONTH},
    {"минувшего", 18, KC_W, W_LAST},
    {"минувшем", 16, KC_W, W_LAST},
    {"минувшие", 16, KC_W, W_LAST},
    {"минувший", 16, KC_W, W_LAST},
    {"минувших", 16, KC_W, W_LAST},
    {"минувшую", 16, KC_W, W_LAST},
    {"момент", 12, KC_W, W_MOMENT},
    {"на", 4, KC_W, W_NA},
    {"назад", 10, KC_W, W_EARLIER},
    {"настоящее", 18, KC_W, W_NASTOYASH},
    {"начала", 12, KC_W, W_BEGIN},
    {"начале", 12, KC_W, W_BEGIN},
    {"начало", 12, KC_W, W_BEGIN},
    {"неделе", 12, KC_UNIT, U_WEEK},
    {"недели", 12, KC_UNIT, U_WEEK},
    {"недель", 12, KC_UNIT, U_WEEK},
    {"неделю", 12, KC_UNIT, U_WEEK},
    {"неделя", 12, KC_UNIT, U_WEEK},
    {"нового", 12, KC_W, W_NEW},
    {"новый", 10, KC_W, W_NEW},
    {"ночь", 8, KC_W, W_NIGHT},
    {"ноя", 6, KC_MONABBR, 11},
    {"нояб", 8, KC_MONABBR, 11},
    {"ноябре", 12, KC_MONTH, 11},
    {"ноябрем", 14, KC_MONTH, 11},
    {"ноябрь", 12, KC_MONTH, 11},
    {"ноябрю", 12, KC_MONTH, 11},
    {"ноября", 12, KC_MONTH, 11},
    {"нынешнего", 18, KC_W, W_THIS},
    {"нынешнем", 16, KC_W, W_THIS},
    {"нынешний", 16, KC_W, W_THIS},
    {"ого", 6, KC_W, W_YSUF},
    {"один", 8, KC_CARD, 1},
    {"одиннадцати", 22, KC_CARD, 11},
    {"одиннадцать", 22, KC_CARD, 11},
    {"одного", 12, KC_CARD, 1},
    {"одну", 8, KC_CARD, 1},
    {"окт", 6, KC_MONABBR, 10},
    {"октябре", 14, KC_MONTH, 10},
    {"октябрем", 16, KC_MONTH, 10},
    {"октябрь", 14, KC_MONTH, 10},
    {"октябрю", 14, KC_MONTH, 10},
    {"октября", 14, KC_MONTH, 10},
    {"ом", 4, KC_W, W_YSUF},
    {"от", 4, KC_W, W_OT},
    {"относительно", 24, KC_W, W_AGAINST},
    {"первая", 12, KC_ORD, 1},
    {"первого", 14, KC_ORD, 1},
    {"первое", 12, KC_ORD, 1},
    {"первой", 12, KC_ORD, 1},
    {"первом", 12, KC_ORD, 1},
    {"первому", 14, KC_ORD, 1},
    {"первую", 12, KC_ORD, 1},
    {"первые", 12, KC_ORD, 1},
    {"первый", 12, KC_ORD, 1},
    {"первым", 12, KC_ORD, 1},
    {"первыми", 14, KC_ORD, 1},
    {"первых", 12, KC_ORD, 1},
    {"период", 12, KC_W, W_PERIOD},
    {"периода", 14, KC_W, W_PERIOD},
    {"периоде", 14, KC_W, W_PERIOD},
    {"периодом", 16, KC_W, W_PERIOD},
    {"по", 4, KC_W, W_PO},
    {"полугодие", 18, KC_UNIT, U_HALF},
    {"полугодием", 20, KC_UNIT, U_HALF},
    {"полугодии", 18, KC_UNIT, U_HALF},
    {"полугодия", 18, KC_UNIT, U_HALF},
    {"понедельник", 22, KC_WEEKDAY, 1},
    {"последнего", 20, KC_W, W_PAST},
    {"последнем", 18, KC_W, W_PAST},
    {"последние", 18, KC_W, W_PAST},
    {"последний", 18, KC_W, W_PAST},
    {"последних", 18, KC_W, W_PAST},
    {"последнюю", 18, KC_W, W_PAST},
    {"предыдущего", 22, KC_W, W_PREV},
    {"предыдущем", 20, KC_W, W_PREV},
    {"предыдущий", 20, KC_W, W_PREV},
    {"предыдущим", 20, KC_W, W_PREV},
    {"приказ", 12, KC_W, W_NO},
    {"приказа", 14, KC_W, W_NO},
    {"против", 12, KC_W, W_AGAINST},
    {"прошедшего", 20, KC_W, W_LAST},
    {"прошедшем", 18, KC_W, W_LAST},
    {"прошедшие", 18, KC_W, W_LAST},
    {"прошедший", 18, KC_W, W_LAST},
    {"прошедших", 18, KC_W, W_LAST},
    {"прошедшую", 18, KC_W, W_LAST},
    {"прошлая", 14, KC_W, W_LAST},
    {"прошлого", 16, KC_W, W_LAST},
    {"прошлой", 14, KC_W, W_LAST},
    {"прошлом", 14, KC_W, W_LAST},
    {"прошлую", 14, KC_W, W_LAST},
    {"прошлый", 14, KC_W, W_LAST},
    {"прошлым", 14, KC_W, W_LAST},
    {"пяти", 8, KC_CARD, 5},
    {"пятница", 14, KC_WEEKDAY, 5},
    {"пятницу", 14, KC_WEEKDAY, 5},
    {"пять", 8, KC_CARD, 5},
    {"ранее", 10, KC_W, W_EARLIER},
    {"раньше", 12, KC_W, W_EARLIER},
    {"с", 2, KC_W, W_S},
    {"сегодня", 14, KC_W, W_SEGODNYA},
    {"сегодняшний", 22, KC_W, W_SEGODNYA},
    {"сейчас", 12, KC_W, W_NOW},
    {"семи", 8, KC_CARD, 7},
    {"семь", 8, KC_CARD, 7},
    {"сен", 6, KC_MONABBR, 9},
    {"сент", 8, KC_MONABBR, 9},
    {"сентябре", 16, KC_MONTH, 9},
    {"сентябрем", 18, KC_MONTH, 9},
    {"сентябрь", 16, KC_MONTH, 9},
    {"сентябрю", 16, KC_MONTH, 9},
    {"сентября", 16, KC_MONTH, 9},
    {"со", 4, KC_W, W_S},
    {"состоянию", 18, KC_W, W_SOST},
    {"сравнении", 18, KC_W, W_COMPARED},
    {"сравнению", 18, KC_W, W_COMPARED},
    {"среда", 10, KC_WEEKDAY, 3},
    {"среду", 10, KC_WEEKDAY, 3},
    {"ст", 4, KC_W, W_NO},
    {"статье", 12, KC_W, W_NO},
    {"статьи", 12, KC_W, W_NO},
    {"статью", 12, KC_W, W_NO},
    {"статья", 12, KC_W, W_NO},
    {"суббота", 14, KC_WEEKDAY, 6},
    {"субботу", 14, KC_WEEKDAY, 6},
    {"сутки", 10, KC_UNIT, U_DAY},
    {"суток", 10, KC_UNIT, U_DAY},
    {"текущего", 16, KC_W, W_THIS},
    {"текущем", 14, KC_W, W_THIS},
    {"текущий", 14, KC_W, W_THIS},
    {"тем", 6, KC_W, W_TOT},
    {"течение", 14, KC_W, W_TECHENIE},
    {"того", 8, KC_W, W_TOT},
    {"том", 6, KC_W, W_TOT},
    {"тот", 6, KC_W, W_TOT},
    {"третий", 12, KC_ORD, 3},
    {"третье", 12, KC_ORD, 3},
    {"третьего", 16, KC_ORD, 3},
    {"третьей", 14, KC_ORD, 3},
    {"третьем", 14, KC_ORD, 3},
    {"третьему", 16, KC_ORD, 3},
    {"третьи", 12, KC_ORD, 3},
    {"третьим", 14, KC_ORD, 3},
    {"третьих", 14, KC_ORD, 3},
    {"третью", 12, KC_ORD, 3},
    {"третья", 12, KC_ORD, 3},
    {"трех", 8, KC_CARD, 3},
    {"три", 6, KC_CARD, 3},
    {"указ", 8, KC_W, W_NO},
    {"указа", 10, KC_W, W_NO},
    {"фев", 6, KC_MONABBR, 2},
    {"февр", 8, KC_MONABBR, 2},
    {"феврале", 14, KC_MONTH, 2},
    {"февралем", 16, KC_MONTH, 2},
    {"февраль", 14, KC_MONTH, 2},
    {"февралю", 14, KC_MONTH, 2},
    {"февраля", 14, KC_MONTH, 2},
    {"х", 2, KC_W, W_YSUF},
    {"целый", 10, KC_W, W_WHOLE},
    {"чем", 6, KC_W, W_THAN},
    {"четверг", 14, KC_WEEKDAY, 4},
    {"четвертая", 18, KC_ORD, 4},
    {"четвертого", 20, KC_ORD, 4},
    {"четвертое", 18, KC_ORD, 4},
    {"четвертой", 18, KC_ORD, 4},
    {"четвертом", 18, KC_ORD, 4},
    {"четвертому", 20, KC_ORD, 4},
    {"четвертую", 18, KC_ORD, 4},
    {"четвертые", 18, KC_ORD, 4},
    {"четвертый", 18, KC_ORD, 4},
    {"четвертым", 18, KC_ORD, 4},
    {"четвертыми", 20, KC_ORD, 4},
    {"четвертых", 18, KC_ORD, 4},
    {"четыре", 12, KC_CARD, 4},
    {"четырех", 14, KC_CARD, 4},
    {"шести", 10, KC_CARD, 6},
    {"шесть", 10, KC_CARD, 6},
    {"ые", 4, KC_W, W_YSUF},
    {"ых", 4, KC_W, W_YSUF},
    {"этого", 10, KC_W, W_THIS},
    {"этом", 8, KC_W, W_THIS},
    {"этот", 8, KC_W, W_THIS},
    {"янв", 6, KC_MONABBR, 1},
    {"январе", 12, KC_MONTH, 1},
    {"январем", 14, KC_MONTH, 1},
    {"январь", 12, KC_MONTH, 1},
    {"январю", 12, KC_MONTH, 1},
    {"января", 12, KC_MONTH, 1},
};

/* The index of kwtab, built once on first use (so a keyword is added to
 * the table above and nothing else): open addressing with linear probing
 * on ms_hash_short, each slot the kwtab index + 1 (0: empty) and the high
 * bits of the hash, so that a probe past another keyword does not read it.
 * Before hashing, a word is tested against the lengths of the keywords
 * that end in its last byte: most words stop there. */
#define KW_SLOTS 2048
#define KW_MAXLEN 24
_Static_assert(sizeof kwtab / sizeof *kwtab * 2 < KW_SLOTS, "kwtab fills the index past half");

typedef struct kwslot {
    uint16_t idx, tag;
} kwslot;

static kwslot kw_index[KW_SLOTS];
static uint32_t kw_lens_by_last[256]; /* bit n: a keyword of n bytes ends in that byte */
static once_flag kw_once = ONCE_FLAG_INIT;

static void kw_build(void)
{
    for (size_t i = 0; i < sizeof kwtab / sizeof *kwtab; i++) {
        const kwent *e = &kwtab[i];
        uint32_t h = ms_hash_short(e->w, e->len);
        size_t j = h & (KW_SLOTS - 1);
        while (kw_index[j].idx)
            j = (j + 1) & (KW_SLOTS - 1);
        kw_index[j] = (kwslot){(uint16_t)(i + 1), (uint16_t)(h >> 16)};
        kw_lens_by_last[(unsigned char)e->w[e->len - 1]] |= 1u << e->len;
    }
}

/* kw_build must have run (ms_text_find_periods sees to it). */
static int kw_lookup(const char *w, size_t len, unsigned char *kc, unsigned char *val)
{
    if (len == 0 || len > KW_MAXLEN || !((kw_lens_by_last[(unsigned char)w[len - 1]] >> len) & 1))
        return 0;
    uint32_t h = ms_hash_short(w, len);
    for (size_t j = h & (KW_SLOTS - 1);; j = (j + 1) & (KW_SLOTS - 1)) {
        kwslot sl = kw_index[j];
        if (sl.idx == 0)
            return 0;
        const kwent *e = &kwtab[sl.idx - 1];
        if (sl.tag == (uint16_t)(h >> 16) && e->len == len && memcmp(w, e->w, len) == 0) {
            *kc = e->kc;
            *val = e->val;
            return 1;
        }
    }
}

/* -------------------------------------------------------------- tokens */

enum { TK_END = 0, TK_WORD, TK_NUM, TK_PUNCT };

#define WORD_MAX 44

typedef struct tok {
    size_t start, end;  /* bytes of the token */
    unsigned char kind; /* TK_* */
    unsigned char kc;   /* word: KC_* (KC_NONE if no keyword) */
    unsigned char val;  /* word: month, weekday, number, U_* or W_* */
    unsigned char ndig; /* number: digits (capped at 255) */
    bool space;         /* whitespace right before the token */
    bool upper;         /* word: first letter is a capital */
    bool allupper;      /* word: every letter is a capital */
    uint32_t cp;        /* punctuation: the code point, dashes as '-' */
    int32_t num;        /* number: its value, capped at 99999999 */
    unsigned char wlen; /* word: bytes in w; 0 if the word is longer */
    char w[WORD_MAX];
} tok;

typedef struct scan {
    const unsigned char *s;
    size_t len;
} scan;

static bool is_space_cp(int32_t cp)
{
    return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000 || cp == 0xFEFF || cp == 0x1680 || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x0085;
}

static bool is_dash_cp(int32_t cp)
{
    return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 || cp == 0xFE63 ||
           cp == 0xFF0D;
}

/* Decodes one code point at s[i..n); -1 (and *k = 1) for an invalid byte. */
static int32_t decode(const unsigned char *s, size_t n, size_t i, size_t *k)
{
    if (s[i] < 0x80) {
        *k = 1;
        return s[i];
    }
    /* two-byte sequences (Latin-1, Cyrillic) without a library call */
    if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
        *k = 2;
        return ((int32_t)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
    }
    utf8proc_int32_t cp = -1;
    size_t avail = n - i < 4 ? n - i : 4;
    utf8proc_ssize_t r = utf8proc_iterate(s + i, (utf8proc_ssize_t)avail, &cp);
    if (r <= 0) {
        *k = 1;
        return -1;
    }
    *k = (size_t)r;
    return cp;
}

/* Letter test and lower case for a code point other than ASCII and А..я
 * (letter_of below); Latin-1 and the rest of Cyrillic directly, the rest
 * through utf8proc. */
static bool fold_cp(int32_t cp, bool *up, int32_t *lc)
{
    if (cp >= 0x0400 && cp <= 0x045F) { /* Ѐ..Џ, ѐ..џ (ё among them) */
        *up = cp < 0x0410;
        *lc = *up ? cp + 0x50 : cp;
        if (*lc == 0x0451) /* ё -> е */
            *lc = 0x0435;
        return true;
    }
    if (cp >= 0x00C0 && cp <= 0x00FF) {
        if (cp == 0xD7 || cp == 0xF7)
            return false;
        *up = cp <= 0xDE;
        *lc = *up ? cp + 0x20 : cp;
        return true;
    }
    utf8proc_category_t c = utf8proc_category(cp);
    if (!((c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) || c == UTF8PROC_CATEGORY_MN ||
          c == UTF8PROC_CATEGORY_MC))
        return false;
    *up = utf8proc_isupper(cp) != 0;
    *lc = utf8proc_tolower(cp);
    return true;
}

/* Whether the character cp (first byte b) is a letter, with its case and
 * lower case: ASCII and А..я (the bulk of the text) here, the rest through
 * fold_cp. A word's letters are tested and folded in one go. */
static inline bool letter_of(unsigned char b, int32_t cp, bool *up, int32_t *lc)
{
    if (b < 0x80) {
        *up = b >= 'A' && b <= 'Z';
        *lc = *up ? b + 32 : b;
        return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
    }
    if (cp >= 0x0410 && cp <= 0x044F) { /* А..я */
        *up = cp < 0x0430;
        *lc = *up ? cp + 0x20 : cp;
        return true;
    }
    return cp >= 0 && fold_cp(cp, up, lc);
}

/* Reads the token that starts at or after pos (after whitespace). */
static void read_tok(const scan *sc, size_t pos, tok *t)
{
    const unsigned char *s = sc->s;
    size_t n = sc->len, k;
    bool space = false;
    while (pos < n) {
        unsigned char b = s[pos];
        if (b == ' ' || (b >= '\t' && b <= '\r')) {
            pos++, space = true;
            continue;
        }
        if (b < 0x80)
            break;
        int32_t cp = decode(s, n, pos, &k);
        if (cp < 0 || !is_space_cp(cp))
            break;
        pos += k, space = true;
    }
    t->start = pos;
    t->space = space;
    t->kc = KC_NONE;
    t->val = 0;
    t->ndig = 0;
    t->upper = t->allupper = false;
    t->cp = 0;
    t->num = 0;
    t->wlen = 0;
    if (pos >= n) {
        t->kind = TK_END;
        t->end = n;
        return;
    }
    unsigned char b = s[pos];
    if (b >= '0' && b <= '9') {
        int32_t v = 0;
        unsigned nd = 0;
        while (pos < n && s[pos] >= '0' && s[pos] <= '9') {
            if (v < 10000000)
                v = v * 10 + (s[pos] - '0');
            else
                v = 99999999;
            if (nd < 255)
                nd++;
            pos++;
        }
        t->kind = TK_NUM;
        t->num = v;
        t->ndig = (unsigned char)nd;
        t->end = pos;
        return;
    }
    int32_t cp = decode(s, n, pos, &k);
    bool up;
    int32_t lc;
    if (!letter_of(b, cp, &up, &lc)) {
        t->kind = TK_PUNCT;
        t->cp = cp < 0 ? 0xFFFD : is_dash_cp(cp) ? '-' : (uint32_t)cp;
        t->end = pos + k;
        return;
    }
    /* a word: letters (and marks) up to anything else */
    size_t wl = 0;
    bool fits = true, first = true;
    t->upper = false;
    t->allupper = true;
    for (;;) {
        if (first)
            t->upper = up;
        if (!up)
            t->allupper = false;
        first = false;
        if (fits) {
            if (lc < 0x80) {
                if (wl + 1 <= WORD_MAX)
                    t->w[wl++] = (char)lc;
                else
                    fits = false;
            } else if (lc < 0x800) {
                if (wl + 2 <= WORD_MAX) {
                    t->w[wl++] = (char)(0xC0 | (lc >> 6));
                    t->w[wl++] = (char)(0x80 | (lc & 0x3F));
                } else {
                    fits = false;
                }
            } else {
                unsigned char enc[4];
                utf8proc_ssize_t el = utf8proc_encode_char(lc, enc);
                if (el > 0 && wl + (size_t)el <= WORD_MAX) {
                    memcpy(t->w + wl, enc, (size_t)el);
                    wl += (size_t)el;
                } else {
                    fits = false;
                }
            }
        }
        pos += k;
        /* most letters after the first are lower case ASCII or а..я: they
         * are their own folding, copied byte by byte without decoding */
        for (size_t run_start = pos;;) {
            if (pos < n && (unsigned)(s[pos] - 'a') < 26u) {
                if (fits && wl < WORD_MAX)
                    t->w[wl++] = (char)s[pos];
                else
                    fits = false;
                pos++;
            } else if (pos + 1 < n && ((s[pos] == 0xD0 && s[pos + 1] >= 0xB0 && s[pos + 1] <= 0xBF) ||
                                       (s[pos] == 0xD1 && s[pos + 1] >= 0x80 && s[pos + 1] <= 0x8F))) {
                if (fits && wl + 2 <= WORD_MAX) {
                    t->w[wl] = (char)s[pos];
                    t->w[wl + 1] = (char)s[pos + 1];
                    wl += 2;
                } else {
                    fits = false;
                }
                pos += 2;
            } else {
                if (pos != run_start)
                    t->allupper = false;
                break;
            }
        }
        if (pos >= n)
            break;
        b = s[pos];
        cp = decode(s, n, pos, &k);
        if (!letter_of(b, cp, &up, &lc))
            break;
    }
    t->kind = TK_WORD;
    t->end = pos;
    t->wlen = fits ? (unsigned char)wl : 0;
    if (fits)
        kw_lookup(t->w, wl, &t->kc, &t->val);
}

/* ------------------------------------------------------------- cursor */

typedef struct cur {
    const scan *sc;
    tok t;       /* the current token */
    size_t last; /* end of the last token consumed */
} cur;

static void adv(cur *c)
{
    c->last = c->t.end;
    read_tok(c->sc, c->t.end, &c->t);
}

/* The token after the current one, without moving. */
static tok peek(const cur *c)
{
    tok t;
    read_tok(c->sc, c->t.end, &t);
    return t;
}

static bool tw(const tok *t, int id) { return t->kind == TK_WORD && t->kc == KC_W && t->val == id; }
static bool tp(const tok *t, uint32_t cp) { return t->kind == TK_PUNCT && t->cp == cp; }
static bool tunit(const tok *t, int u) { return t->kind == TK_WORD && t->kc == KC_UNIT && t->val == u; }
static bool is_w(const cur *c, int id) { return tw(&c->t, id); }
static bool is_unit(const cur *c, int u) { return tunit(&c->t, u); }

static bool eat_w(cur *c, int id)
{
    if (!is_w(c, id))
        return false;
    adv(c);
    return true;
}

/* Punctuation right after the previous token (no space). */
static bool eat_p_tight(cur *c, uint32_t cp)
{
    if (!tp(&c->t, cp) || c->t.space)
        return false;
    adv(c);
    return true;
}

static bool eat_p(cur *c, uint32_t cp)
{
    if (!tp(&c->t, cp))
        return false;
    adv(c);
    return true;
}

/* Skips articles ("the", "des", "dem"). */
static void eat_art(cur *c)
{
    while (is_w(c, W_ART))
        adv(c);
}

/* ------------------------------------------------------------ calendar */

typedef struct ctx {
    int32_t pub; /* publication day or MS_DAY_NONE */
    int py, pm, pd;
} ctx;

static bool known(const ctx *x) { return x->pub != MS_DAY_NONE; }

static ms_period mkp(int32_t a, int32_t b)
{
    ms_period p = {a, b};
    return p;
}

/* Monday = 0 ... Sunday = 6; day 0 (1970-01-01) was a Thursday. */
static int weekday_of(int32_t day)
{
    int r = (int)(((int64_t)day + 3) % 7);
    return r < 0 ? r + 7 : r;
}

static ms_period months_of(int y1, int m1, int y2, int m2)
{
    return mkp(ms_day_from_civil(y1, m1, 1), ms_day_from_civil(y2, m2, ms_days_in_month(y2, m2)));
}

static ms_period year_of(int y) { return months_of(y, 1, y, 12); }

/* A calendar point as written: y == 0 when no year is stated, m == 0 for a
 * whole year, d == 0 for a whole month; bare: a day number whose month is
 * given by the other end of a range ("с 1 по 10 ноября"). */
typedef struct point {
    int y, m, d;
    bool bare;
    bool weak; /* a month name that alone is no evidence ("May", "Jan") */
    bool suffixed; /* a year with "год"/"г."/"-м"/"year" after it */
} point;

static bool point_valid(int y, int m, int d)
{
    if (m < 1 || m > 12)
        return false;
    return d <= ms_days_in_month(y, m);
}

static int32_t point_first(point p)
{
    return ms_day_from_civil(p.y, p.m ? p.m : 1, p.d ? p.d : 1);
}

static int32_t point_last(point p)
{
    int m = p.m ? p.m : 12;
    return ms_day_from_civil(p.y, m, p.d ? p.d : ms_days_in_month(p.y, m));
}

/* month-day order within a year, for "is a after b" */
static int md_key_first(point p) { return (p.m ? p.m : 1) * 40 + (p.d ? p.d : 1); }

enum { ANCHOR_START, ANCHOR_END };

/* Resolves a range [a, b] (a == b for one point) to days. A range without
 * a year takes the latest year in which its anchor end (the start, or the
 * end) is not after publication; a start without a year takes the end's
 * year (or the one before when it wraps: "November to February"). */
static bool resolve_range(point a, point b, int anchor, const ctx *x, ms_period *out)
{
    if (a.y == 0 && b.y != 0)
        a.y = md_key_first(a) > md_key_first(b) ? b.y - 1 : b.y;
    else if (b.y == 0 && a.y != 0)
        b.y = md_key_first(b) < md_key_first(a) ? a.y + 1 : a.y;
    if (a.y == 0) {
        if (!known(x)) {
            *out = ms_period_none();
            return true;
        }
        int wrap = md_key_first(a) > md_key_first(b) ? 1 : 0;
        for (int y = x->py; y >= x->py - 8; y--) {
            point ta = a, tb = b;
            ta.y = y - wrap, tb.y = y;
            if ((ta.d && !point_valid(ta.y, ta.m, ta.d)) || (tb.d && !point_valid(tb.y, tb.m, tb.d)))
                continue;
            int32_t key = anchor == ANCHOR_START ? point_first(ta) : point_last(tb);
            if (key <= x->pub) {
                *out = mkp(point_first(ta), point_last(tb));
                return true;
            }
        }
        *out = ms_period_none();
        return true;
    }
    if ((a.d && !point_valid(a.y, a.m, a.d)) || (b.d && !point_valid(b.y, b.m, b.d)))
        return false;
    int32_t s = point_first(a), e = point_last(b);
    if (e < s)
        return false;
    *out = mkp(s, e);
    return true;
}

/* ------------------------------------------------------------- history */

/* The tokens just before a candidate expression, newest first: the
 * comparison words and the context of a bare year are read from them. */
#define HIST 6

typedef struct hent {
    unsigned char kind, kc, val;
    bool space, upper;
    uint32_t cp;
    size_t start;
} hent;

typedef struct hist {
    hent e[HIST];
    int n;
} hist;

static void hist_push(hist *h, const tok *t)
{
    memmove(h->e + 1, h->e, sizeof h->e[0] * (HIST - 1));
    hent e = {t->kind, t->kc, t->val, t->space, t->upper, t->cp, t->start};
    h->e[0] = e;
    if (h->n < HIST)
        h->n++;
}

static bool hw(const hist *h, int i, int id)
{
    return i < h->n && h->e[i].kind == TK_WORD && h->e[i].kc == KC_W && h->e[i].val == id;
}

/* ------------------------------------------------------------ grammar */

enum { L_NONE, L_IN, L_ON, L_SINCE, L_S, L_FROM, L_BETWEEN, L_STOCK, L_AT, L_UNTIL };

/* What a core found. */
typedef struct res {
    ms_period p;
    bool stock;     /* a date a stock is counted on */
    bool relbase;   /* a base relative to the figure's own period */
    bool needcomp;  /* an expression only after a comparison word */
    bool yrel;      /* "last year", "Vorjahr": after "than" a relative base */
    bool whole;     /* "the whole of 2023": an absolute base */
    bool yearonly;  /* a year alone: "up 38% on 2021" is a base */
    int base_year;  /* "the same period of 2022" */
} res;

typedef struct env {
    int lead;       /* L_* */
    int lw;         /* the first lead word (W_*), 0 if none */
    const hist *h;  /* tokens before the expression */
    const ctx *x;
    bool space;     /* whitespace before the first token */
} env;

static bool is_year_tok(const tok *t)
{
    return t->kind == TK_NUM && t->ndig == 4 && t->num >= 1900 && t->num <= 2100;
}

static bool tight_num(const tok *t) { return t->kind == TK_NUM && !t->space; }

/* A four-digit year 1900..2100 with what may follow it: "-м", "-го", "г.",
 * "гг.", "года", "year". Refuses numbers that only look like years:
 * "2024,5", "2 024 000", "2024%", "2024-ФЗ". */
static bool g_year(cur *c, point *p)
{
    if (!is_year_tok(&c->t))
        return false;
    int y = c->t.num;
    cur s = *c;
    adv(&s);
    if ((tp(&s.t, '.') || tp(&s.t, ',')) && !s.t.space) {
        tok nx = peek(&s);
        if (tight_num(&nx))
            return false;
    }
    if (tp(&s.t, '%') || (s.t.kind == TK_NUM && s.t.ndig == 3))
        return false;
    memset(p, 0, sizeof *p);
    p->y = y;
    if (tp(&s.t, '-') && !s.t.space) {
        tok nx = peek(&s);
        if (nx.kind == TK_WORD && !nx.space) {
            if (!tw(&nx, W_YSUF))
                return false;
            adv(&s), adv(&s);
            p->suffixed = true;
        }
    } else if (s.t.kind == TK_WORD && !s.t.space && !tw(&s.t, W_G)) {
        return false; /* "2024th", letters glued on */
    }
    if (!p->suffixed) {
        if (is_w(&s, W_G)) {
            adv(&s);
            eat_p_tight(&s, '.');
            p->suffixed = true;
        } else if (is_unit(&s, U_YEAR)) {
            adv(&s);
            p->suffixed = true;
        }
    }
    *c = s;
    return true;
}

/* A month name; *weak when the word alone proves nothing ("May", "Jan"). */
static int month_word(const tok *t, bool *weak)
{
    if (t->kind != TK_WORD)
        return 0;
    if (t->kc == KC_MONTH) {
        if ((t->val & MON_CAP) && !t->upper)
            return 0;
        *weak = (t->val & MON_CAP) != 0;
        return t->val & 0x7F;
    }
    if (t->kc == KC_MONABBR) {
        *weak = true;
        return t->val;
    }
    return 0;
}

/* A day number 1..31 written with one or two digits. */
static bool is_day_tok(const tok *t)
{
    return t->kind == TK_NUM && t->ndig <= 2 && t->num >= 1 && t->num <= 31;
}

/* "1st", "1-го", "30." after a day number. */
static void eat_day_suffix(cur *c, bool dot)
{
    if (c->t.kind == TK_WORD && !c->t.space && tw(&c->t, W_ST)) {
        adv(c);
    } else if (tp(&c->t, '-') && !c->t.space) {
        tok nx = peek(c);
        if (tw(&nx, W_YSUF) && !nx.space)
            adv(c), adv(c);
    } else if (dot && tp(&c->t, '.') && !c->t.space) {
        adv(c);
    }
}

/* A calendar point: "26 марта (2024 года)", "30. Juni", "1st of May",
 * "May 30(, 2024)", "April (of) 2024", "April", "2024", "24.02.2024",
 * "2024-02-24"; a bare day number when allow_bare. */
static bool g_point(cur *c, point *p, bool allow_bare)
{
    memset(p, 0, sizeof *p);
    tok t = c->t;
    bool weak = false;
    if (is_year_tok(&t)) {
        cur s = *c;
        adv(&s);
        if (tp(&s.t, '-') && !s.t.space) {
            adv(&s);
            if (tight_num(&s.t) && s.t.ndig == 2) {
                int m = s.t.num;
                adv(&s);
                if (tp(&s.t, '-') && !s.t.space) {
                    adv(&s);
                    if (tight_num(&s.t) && s.t.ndig == 2 && m >= 1 && m <= 12 &&
                        s.t.num >= 1 && point_valid(t.num, m, s.t.num)) {
                        p->y = t.num, p->m = m, p->d = s.t.num;
                        adv(&s);
                        *c = s;
                        return true;
                    }
                }
            }
        }
        return g_year(c, p);
    }
    if (is_day_tok(&t)) {
        int d = t.num;
        cur s = *c;
        adv(&s);
        if (tp(&s.t, '.') && !s.t.space) { /* 24.02.2024 */
            cur s2 = s;
            adv(&s2);
            if (tight_num(&s2.t) && s2.t.ndig <= 2 && s2.t.num >= 1 && s2.t.num <= 12) {
                int m = s2.t.num;
                adv(&s2);
                if (tp(&s2.t, '.') && !s2.t.space) {
                    adv(&s2);
                    if (tight_num(&s2.t) && is_year_tok(&s2.t)) {
                        point yp;
                        if (g_year(&s2, &yp) && point_valid(yp.y, m, d)) {
                            p->y = yp.y, p->m = m, p->d = d;
                            *c = s2;
                            return true;
                        }
                    }
                }
            }
        }
        eat_day_suffix(&s, false);
        cur after_day = s;
        eat_p_tight(&s, '.');
        if (is_w(&s, W_OF)) {
            tok nx = peek(&s);
            bool wk;
            if (month_word(&nx, &wk))
                adv(&s);
        }
        int m = month_word(&s.t, &weak);
        if (m) {
            bool abbr = s.t.kc == KC_MONABBR;
            adv(&s);
            if (abbr)
                eat_p_tight(&s, '.');
            p->d = d, p->m = m;
            cur s2 = s;
            eat_p(&s2, ',');
            point yp;
            if (g_year(&s2, &yp)) {
                p->y = yp.y;
                s = s2;
            }
            if (!point_valid(p->y ? p->y : 2000, m, d))
                return false;
            *c = s;
            return true;
        }
        if (!allow_bare)
            return false;
        p->d = d;
        p->bare = true;
        *c = after_day;
        return true;
    }
    int m = month_word(&t, &weak);
    if (!m)
        return false;
    bool abbr = t.kc == KC_MONABBR;
    cur s = *c;
    adv(&s);
    if (abbr)
        eat_p_tight(&s, '.');
    if (is_day_tok(&s.t)) {
        int d = s.t.num;
        cur s2 = s;
        adv(&s2);
        eat_day_suffix(&s2, false);
        bool number = false; /* "May 30,000": a number, not a day */
        if ((tp(&s2.t, ',') || tp(&s2.t, '.') || tp(&s2.t, ':')) && !s2.t.space) {
            tok nx = peek(&s2);
            number = tight_num(&nx);
        }
        if (!number && point_valid(2000, m, d)) {
            p->m = m, p->d = d;
            cur s3 = s2;
            eat_p(&s3, ',');
            point yp;
            if (g_year(&s3, &yp)) {
                p->y = yp.y;
                s2 = s3;
            }
            if (p->y && !point_valid(p->y, m, d))
                return false;
            *c = s2;
            return true;
        }
    }
    p->m = m;
    p->weak = weak;
    cur s3 = s;
    eat_w(&s3, W_OF);
    point yp;
    if (g_year(&s3, &yp)) {
        p->y = yp.y;
        p->weak = false;
        s = s3;
    }
    *c = s;
    return true;
}

static bool point_is_year(const point *p) { return p->m == 0 && p->d == 0 && !p->bare; }
static bool point_is_month(const point *p) { return p->m != 0 && p->d == 0 && !p->bare; }
static bool point_is_day(const point *p) { return p->d != 0 || p->bare; }

/* One point, or a range of two: "January–July", "Jan-Jul 2024", "с 1 по
 * 10 ноября", "from May 23 to May 24", "2015 to 2023", "1-7 декабря",
 * "between January and October", "2023–24". night: the connectors of
 * "ночь с 10 на 11 апреля", "Nacht vom 10. auf den 11. April". */
static bool g_points(cur *c, const env *e, point *a, point *b, bool *range, bool night)
{
    bool from = e->lead == L_S || e->lead == L_FROM || e->lead == L_BETWEEN || night;
    bool tight_dash = false;
    if (is_day_tok(&c->t)) {
        tok nx = peek(c);
        tight_dash = tp(&nx, '-') && !nx.space;
    }
    if (!g_point(c, a, from || tight_dash))
        return false;
    *b = *a;
    *range = false;
    cur s = *c;
    bool conn = false, word_conn = false;
    if (tp(&s.t, '-')) {
        tight_dash = !s.t.space;
        adv(&s);
        conn = tight_dash || !s.t.space || !a->bare;
    } else if (is_w(&s, W_TO) || is_w(&s, W_PO) || (e->lead == L_S && is_w(&s, W_DO)) ||
               (e->lead == L_BETWEEN && is_w(&s, W_AND)) ||
               (night && (is_w(&s, W_NA) || is_w(&s, W_AUF) || is_w(&s, W_ZUM)))) {
        adv(&s);
        eat_art(&s);
        conn = word_conn = true;
    }
    if (conn) {
        point q;
        bool bare_ok = a->m != 0 && point_is_day(a) && (word_conn || tight_dash);
        cur s2 = s;
        if (point_is_year(a) && tight_dash && tight_num(&s2.t) && s2.t.ndig == 2) {
            /* "2023–24" */
            q = *a;
            q.y = a->y / 100 * 100 + s2.t.num;
            if (q.y > a->y) {
                adv(&s2);
                cur s3 = s2;
                if (is_w(&s3, W_G)) {
                    adv(&s3);
                    eat_p_tight(&s3, '.');
                    s2 = s3;
                } else if (is_unit(&s3, U_YEAR)) {
                    adv(&s3);
                    s2 = s3;
                }
                *b = q;
                *range = true;
                *c = s2;
                return true;
            }
        } else if (g_point(&s2, &q, bare_ok)) {
            bool ok = (point_is_year(a) && point_is_year(&q)) ||
                      (point_is_month(a) && point_is_month(&q)) ||
                      (point_is_day(a) && point_is_day(&q) && !(a->bare && q.bare));
            if (ok) {
                if (a->bare) {
                    a->m = q.m;
                    a->bare = false;
                    if (!a->y && q.y && a->d > q.d)
                        return false;
                }
                if (q.bare) {
                    q.m = a->m, q.y = a->y;
                    q.bare = false;
                }
                a->weak = q.weak = false;
                *b = q;
                *range = true;
                *c = s2;
                return true;
            }
        }
    }
    return !a->bare;
}

/* The year a period without one belongs to: "of 2024", "2024 года",
 * "of this year", "текущего года", "of last year", "прошлого года",
 * "des Vorjahres", "of the year" (no year: *y = 0). */
static bool g_year_tail(cur *c, const ctx *x, int *y, bool *unknown)
{
    cur s = *c;
    *unknown = false;
    bool of = eat_w(&s, W_OF);
    eat_p(&s, ',');
    point yp;
    if (g_year(&s, &yp)) {
        *y = yp.y;
        *c = s;
        return true;
    }
    eat_art(&s);
    if (is_w(&s, W_THIS) || is_w(&s, W_LAST)) {
        bool last = is_w(&s, W_LAST);
        cur s2 = s;
        adv(&s2);
        if (is_unit(&s2, U_YEAR)) {
            adv(&s2);
            *unknown = !known(x);
            *y = known(x) ? x->py - (last ? 1 : 0) : 0;
            *c = s2;
            return true;
        }
        return false;
    }
    if (is_w(&s, W_VORJAHR)) {
        adv(&s);
        *unknown = !known(x);
        *y = known(x) ? x->py - 1 : 0;
        *c = s;
        return true;
    }
    if (is_unit(&s, U_YEAR) && (of || s.t.start != c->t.start)) {
        adv(&s);
        *y = 0;
        *c = s;
        return true;
    }
    return false;
}

/* Months m1..m2 of year y (0: the latest such span ended by publication). */
static bool month_span(int y, bool unknown, int m1, int m2, const ctx *x, res *r)
{
    if (unknown) {
        r->p = ms_period_none();
        return true;
    }
    point a = {y, m1, 0, false, false, false}, b = {y, m2, 0, false, false, false};
    return resolve_range(a, b, ANCHOR_END, x, &r->p);
}

/* Days [pub - n + 1, pub]. */
static void days_to_pub(int n, const ctx *x, res *r)
{
    r->p = known(x) ? mkp(x->pub - n + 1, x->pub) : ms_period_none();
}

/* [start, publication]; unknown when either is, or when start is later. */
static bool since(int32_t start, const ctx *x, res *r)
{
    r->p = known(x) && start != MS_DAY_NONE && start <= x->pub ? mkp(start, x->pub) : ms_period_none();
    return true;
}

/* "the night from May 23 to May 24", "the night of May 23", "в ночь на 11
 * апреля", "в ночь с 10 на 11 апреля", "in der Nacht zum 11. April". */
static bool g_night(cur *c, const env *e, res *r)
{
    if (!eat_w(c, W_NIGHT))
        return false;
    point a, b;
    bool range;
    if (is_w(c, W_NA) || is_w(c, W_ZUM) || is_w(c, W_AUF) || is_w(c, W_TO)) {
        adv(c);
        eat_art(c);
        if (!g_point(c, &a, false) || a.d == 0)
            return false;
        ms_period p;
        if (!resolve_range(a, a, ANCHOR_START, e->x, &p))
            return false;
        r->p = ms_period_is_none(p) ? p : mkp(p.start - 1, p.start);
        return true;
    }
    if (!(eat_w(c, W_FROM) || eat_w(c, W_VON) || eat_w(c, W_S) || eat_w(c, W_OF)))
        return false;
    eat_art(c);
    if (!g_points(c, e, &a, &b, &range, true) || a.d == 0)
        return false;
    ms_period p;
    if (!resolve_range(a, b, range ? ANCHOR_END : ANCHOR_START, e->x, &p))
        return false;
    r->p = ms_period_is_none(p) || range ? p : mkp(p.start, p.start + 1);
    return true;
}

/* The beginning or end of a year or month: "at the start of the year",
 * "с начала 2024 года", "в начале года", "seit Jahresbeginn", "Ende Juni",
 * "since the beginning of the year", "до конца года", "since New Year". */
static bool g_edge(cur *c, const env *e, res *r)
{
    const ctx *x = e->x;
    bool end;
    int y = 0, m = 0;
    bool yearless = false, unknown = false;
    if (is_w(c, W_YSTART) || is_w(c, W_YEND)) {
        end = is_w(c, W_YEND);
        adv(c);
        point yp;
        if (g_year(c, &yp))
            y = yp.y;
        else
            yearless = true;
    } else if (is_w(c, W_NEW)) {
        adv(c);
        if (!is_unit(c, U_YEAR))
            return false;
        adv(c);
        end = false;
        yearless = true;
    } else if (is_w(c, W_BEGIN) || is_w(c, W_END)) {
        end = is_w(c, W_END);
        adv(c);
        eat_w(c, W_OF);
        eat_art(c);
        point pt;
        if (is_unit(c, U_YEAR)) {
            adv(c);
            yearless = true;
        } else if (is_w(c, W_THIS) || is_w(c, W_LAST) || is_w(c, W_VORJAHR)) {
            bool vj = is_w(c, W_VORJAHR);
            bool last = is_w(c, W_LAST) || vj;
            adv(c);
            if (!vj) {
                if (!is_unit(c, U_YEAR))
                    return false;
                adv(c);
            }
            unknown = !known(x);
            y = known(x) ? x->py - (last ? 1 : 0) : 0;
        } else if (g_point(c, &pt, false) && pt.d == 0) {
            y = pt.y, m = pt.m;
            yearless = y == 0;
        } else {
            return false;
        }
    } else {
        return false;
    }
    int32_t day;
    if (unknown || (yearless && !known(x))) {
        day = MS_DAY_NONE;
    } else if (m) {
        int yy = y;
        if (yearless) {
            yy = x->py;
            int32_t d0 = end ? ms_day_from_civil(yy, m, ms_days_in_month(yy, m))
                             : ms_day_from_civil(yy, m, 1);
            if (d0 > x->pub && e->lead != L_UNTIL)
                yy--;
        }
        day = end ? ms_day_from_civil(yy, m, ms_days_in_month(yy, m)) : ms_day_from_civil(yy, m, 1);
    } else {
        int yy = yearless ? x->py : y;
        if (yearless && end && e->lead != L_UNTIL && ms_day_from_civil(yy, 12, 31) > x->pub)
            yy--;
        day = end ? ms_day_from_civil(yy, 12, 31) : ms_day_from_civil(yy, 1, 1);
    }
    if (e->lead == L_SINCE || e->lead == L_S || e->lead == L_FROM)
        return since(day, x, r);
    if (e->lead == L_UNTIL) {
        r->p = known(x) && day != MS_DAY_NONE ? mkp(x->pub, day) : ms_period_none();
        return !known(x) || day == MS_DAY_NONE || day >= x->pub;
    }
    r->stock = true;
    r->p = day == MS_DAY_NONE ? ms_period_none() : mkp(day, day);
    return true;
}

/* "a year earlier/ago/before", "one year earlier", "ein Jahr zuvor". */
static bool g_a_year_earlier(cur *c)
{
    cur s = *c;
    if (!(eat_w(&s, W_A) || (s.t.kind == TK_WORD && s.t.kc == KC_CARD && s.t.val == 1 && (adv(&s), true))))
        return false;
    if (!is_unit(&s, U_YEAR))
        return false;
    adv(&s);
    if (!eat_w(&s, W_EARLIER))
        return false;
    *c = s;
    return true;
}

/* "the same period last year", "the same time last year", "the same
 * quarter of 2022", "за аналогичный период прошлого года", "за тот же
 * период", "im gleichen Zeitraum des Vorjahres"; without a year only after
 * a comparison word. */
static bool g_same(cur *c, const env *e, res *r)
{
    if (is_w(c, W_TOT)) {
        adv(c);
        if (!eat_w(c, W_ZHE))
            return false;
    } else if (!eat_w(c, W_SAME)) {
        return false;
    }
    if (!(is_w(c, W_PERIOD) || is_unit(c, U_QUARTER) || is_unit(c, U_MONTH) || is_unit(c, U_HALF) ||
          is_unit(c, U_WEEK)))
        return false;
    adv(c);
    r->relbase = true;
    cur s = *c;
    eat_w(&s, W_IN);
    eat_w(&s, W_OF);
    eat_art(&s);
    if (is_w(&s, W_LAST) || is_w(&s, W_PREV) || is_w(&s, W_PAST)) {
        adv(&s);
        if (is_unit(&s, U_YEAR)) {
            adv(&s);
            *c = s;
            return true;
        }
    } else if (is_w(&s, W_VORJAHR)) {
        adv(&s);
        *c = s;
        return true;
    } else if (g_a_year_earlier(&s)) {
        *c = s;
        return true;
    } else {
        point yp;
        if (g_year(&s, &yp)) {
            r->base_year = yp.y;
            *c = s;
            return true;
        }
    }
    (void)e;
    r->needcomp = true;
    return true;
}

/* Bases by their own words: "a year earlier", "a year ago", "the year
 * before", "the previous year", "годом ранее", "год назад", "vor einem
 * Jahr", "Vorjahreszeitraum", "year-on-year", "в годовом выражении". */
static bool g_relbase(cur *c, const env *e, res *r)
{
    bool after_number = e->h->n > 0 && e->lead == L_NONE &&
                        (e->h->e[0].kind == TK_NUM || e->h->e[0].kc == KC_CARD);
    if (g_a_year_earlier(c)) {
        r->relbase = true;
        return true;
    }
    if (is_unit(c, U_YEAR) && !after_number) {
        adv(c);
        if (eat_w(c, W_EARLIER)) {
            r->relbase = true;
            return true;
        }
        if (tp(&c->t, '-') && !c->t.space) { /* year-on-year */
            adv(c);
            if (!eat_w(c, W_ON) || !eat_p_tight(c, '-') || !is_unit(c, U_YEAR))
                return false;
            adv(c);
            r->relbase = true;
            return true;
        }
        if (eat_w(c, W_ON) && is_unit(c, U_YEAR)) {
            adv(c);
            r->relbase = true;
            return true;
        }
        return false;
    }
    if (eat_w(c, W_VOR)) {
        if (!eat_w(c, W_A) || !is_unit(c, U_YEAR))
            return false;
        adv(c);
        r->relbase = true;
        return true;
    }
    if (eat_w(c, W_PREV)) {
        if (!is_unit(c, U_YEAR))
            return false;
        adv(c);
        r->relbase = true;
        return true;
    }
    if (eat_w(c, W_VJZ) || eat_w(c, W_YOY) || eat_w(c, W_JVGL)) {
        r->relbase = true;
        return true;
    }
    if (eat_w(c, W_GODOVOM)) {
        if (!eat_w(c, W_VYRAZH))
            return false;
        r->relbase = true;
        return true;
    }
    return false;
}

/* "the whole of 2023", "the whole of last year", "за весь 2023 год",
 * "im gesamten Vorjahr", "im gesamten Jahr 2023". */
static bool g_whole(cur *c, const env *e, res *r)
{
    const ctx *x = e->x;
    if (!eat_w(c, W_WHOLE))
        return false;
    eat_w(c, W_OF);
    eat_art(c);
    point yp;
    r->whole = true;
    if (is_unit(c, U_YEAR)) {
        tok nx = peek(c);
        if (!is_year_tok(&nx))
            return false;
        adv(c);
    }
    if (g_year(c, &yp)) {
        r->p = year_of(yp.y);
        return true;
    }
    if (is_w(c, W_LAST) || is_w(c, W_PREV) || is_w(c, W_VORJAHR)) {
        bool vj = is_w(c, W_VORJAHR);
        adv(c);
        if (!vj) {
            if (!is_unit(c, U_YEAR))
                return false;
            adv(c);
        }
        r->p = known(x) ? year_of(x->py - 1) : ms_period_none();
        return true;
    }
    return false;
}

static bool weekday_res(int wd, const env *e, res *r)
{
    const ctx *x = e->x;
    if (!known(x)) {
        r->p = ms_period_none();
        return true;
    }
    int back = (weekday_of(x->pub) - (wd - 1) + 7) % 7;
    int32_t d = x->pub - back;
    if (e->lead == L_SINCE || e->lead == L_S)
        return since(d, x, r);
    r->p = mkp(d, d);
    return true;
}

/* A count 1..12 in words or digits ("seven", "семи", "11"). */
static int g_count(cur *c)
{
    if (c->t.kind == TK_WORD && c->t.kc == KC_CARD) {
        int n = c->t.val;
        adv(c);
        return n;
    }
    if (c->t.kind == TK_NUM && c->t.ndig <= 2 && c->t.num >= 1 && c->t.num <= 12) {
        int n = c->t.num;
        adv(c);
        return n;
    }
    return 0;
}

/* "last year", "the past two years", "last four months (of 2023)", "in
 * the past week", "за последнюю неделю", "за последние 10 дней", "im
 * vergangenen Jahr", "в прошлом году", "last month", "last Wednesday". */
static bool g_last(cur *c, const env *e, res *r)
{
    const ctx *x = e->x;
    bool past = is_w(c, W_PAST);
    if (!past && !is_w(c, W_LAST))
        return false;
    adv(c);
    if (c->t.kind == TK_WORD && c->t.kc == KC_WEEKDAY) {
        int wd = c->t.val;
        adv(c);
        return weekday_res(wd, e, r);
    }
    int n = g_count(c);
    if (c->t.kind != TK_WORD || c->t.kc != KC_UNIT)
        return false;
    int u = c->t.val;
    adv(c);
    if (u == U_YEAR || u == U_YEARS) {
        if (n == 0 && (past || u == U_YEARS))
            return false;
        if (n == 0)
            r->yrel = true;
        int k = n ? n : 1;
        r->p = known(x) ? months_of(x->py - k, 1, x->py - 1, 12) : ms_period_none();
        return true;
    }
    if (u == U_MONTH) {
        if (n == 0) {
            if (past)
                return false;
            if (!known(x)) {
                r->p = ms_period_none();
                return true;
            }
            int y = x->pm == 1 ? x->py - 1 : x->py, m = x->pm == 1 ? 12 : x->pm - 1;
            r->p = months_of(y, m, y, m);
            return true;
        }
        int y;
        bool unknown;
        cur s = *c;
        if (g_year_tail(&s, x, &y, &unknown)) {
            *c = s;
            return month_span(y, unknown, 13 - n, 12, x, r);
        }
        if (!known(x)) {
            r->p = ms_period_none();
            return true;
        }
        /* the n whole months before the publication month */
        int idx = x->py * 12 + (x->pm - 1) - 1, first = idx - n + 1;
        r->p = months_of(first / 12, first % 12 + 1, idx / 12, idx % 12 + 1);
        return true;
    }
    if (u == U_WEEK) {
        days_to_pub(7 * (n ? n : 1), x, r);
        return true;
    }
    if (u == U_DAY && n) {
        days_to_pub(n, x, r);
        return true;
    }
    return false;
}

/* "this year", "в этом году", "in diesem Jahr" (1 January to publication),
 * "Vorjahr", "im Jahr 2023", "calendar year 2023". */
static bool g_yearword(cur *c, const env *e, res *r)
{
    const ctx *x = e->x;
    if (eat_w(c, W_THIS)) {
        if (!is_unit(c, U_YEAR))
            return false;
        adv(c);
        return since(known(x) ? ms_day_from_civil(x->py, 1, 1) : MS_DAY_NONE, x, r);
    }
    if (eat_w(c, W_VORJAHR)) {
        r->yrel = true;
        r->p = known(x) ? year_of(x->py - 1) : ms_period_none();
        return true;
    }
    eat_w(c, W_CALENDAR);
    if (!is_unit(c, U_YEAR))
        return false;
    adv(c);
    point yp;
    if (!g_year(c, &yp))
        return false;
    r->p = year_of(yp.y);
    r->yearonly = true;
    return true;
}

/* US fiscal years: "fiscal year 2024", "fiscal 2022", "FY2024", "FY 2024",
 * "FY24" (October of the year before to September). */
static bool g_fiscal(cur *c, const env *e, res *r)
{
    (void)e;
    int y = 0;
    if (eat_w(c, W_FISCAL)) {
        if (is_unit(c, U_YEAR))
            adv(c);
        point yp;
        if (!g_year(c, &yp))
            return false;
        y = yp.y;
    } else if (eat_w(c, W_FY)) {
        if (c->t.kind != TK_NUM)
            return false;
        if (c->t.ndig == 2 && !c->t.space)
            y = 2000 + c->t.num, adv(c);
        else if (is_year_tok(&c->t))
            y = c->t.num, adv(c);
        else
            return false;
    } else {
        return false;
    }
    r->p = months_of(y - 1, 10, y, 9);
    return true;
}

/* "the year ending September 2024", "the year to June", "the 12 months
 * ending March 2024": the twelve months up to the end of that month. */
static bool g_year_ending(cur *c, const env *e, res *r)
{
    if (is_unit(c, U_YEAR)) {
        adv(c);
    } else {
        int n = g_count(c);
        if (n != 12 || !is_unit(c, U_MONTH))
            return false;
        adv(c);
    }
    if (!(eat_w(c, W_ENDING) || eat_w(c, W_TO)))
        return false;
    point p;
    if (!g_point(c, &p, false) || !point_is_month(&p))
        return false;
    if (p.y == 0) {
        point a = p, b = p;
        ms_period q;
        if (!resolve_range(a, b, ANCHOR_END, e->x, &q))
            return false;
        if (ms_period_is_none(q)) {
            r->p = q;
            return true;
        }
        int d;
        ms_civil_from_day(q.start, &p.y, &p.m, &d);
    }
    int sy = p.m == 12 ? p.y : p.y - 1, sm = p.m == 12 ? 1 : p.m + 1;
    r->p = months_of(sy, sm, p.y, p.m);
    return true;
}

/* An ordinal: "first", "первом", "ersten", "1st", "1-м", "1.", "I". */
static bool g_ord(cur *c, int *o)
{
    tok t = c->t;
    if (t.kind == TK_WORD && t.kc == KC_ORD) {
        *o = t.val;
        adv(c);
        return true;
    }
    if (t.kind == TK_WORD && t.kc == KC_ROMAN && t.allupper) {
        *o = t.val;
        adv(c);
        return true;
    }
    if (t.kind == TK_NUM && t.ndig <= 2 && t.num >= 1 && t.num <= 12) {
        cur s = *c;
        adv(&s);
        if (s.t.kind == TK_WORD && !s.t.space && tw(&s.t, W_ST)) {
            adv(&s);
        } else if (tp(&s.t, '-') && !s.t.space) {
            tok nx = peek(&s);
            if (!tw(&nx, W_YSUF) || nx.space)
                return false;
            adv(&s), adv(&s);
        } else if (!eat_p_tight(&s, '.')) {
            return false;
        }
        *o = t.num;
        *c = s;
        return true;
    }
    return false;
}

/* Quarters, halves and the first months of a year: "first quarter (of
 * 2024)", "Q1 2024", "в I квартале", "1-м квартале", "im 1. Quartal",
 * "first half", "H1", "второе полугодие", "the first seven months of the
 * year", "первые 11 месяцев", "in den ersten sieben Monaten". */
static bool g_ordunit(cur *c, const env *e, res *r)
{
    int o = 0, n = 0, u;
    if ((is_w(c, W_Q) || is_w(c, W_H))) {
        u = is_w(c, W_Q) ? U_QUARTER : U_HALF;
        adv(c);
        if (!tight_num(&c->t) || c->t.ndig != 1)
            return false;
        o = c->t.num;
        adv(c);
        eat_p_tight(c, '/');
    } else {
        if (!g_ord(c, &o))
            return false;
        n = g_count(c);
        if (c->t.kind != TK_WORD || c->t.kc != KC_UNIT)
            return false;
        u = c->t.val;
        bool kv = c->t.wlen == 4 && u == U_QUARTER; /* "кв." */
        adv(c);
        if (kv)
            eat_p_tight(c, '.');
    }
    int m1, m2;
    if (n) {
        if (u != U_MONTH || o != 1)
            return false;
        m1 = 1, m2 = n;
    } else if (u == U_QUARTER && o >= 1 && o <= 4) {
        m1 = 3 * o - 2, m2 = 3 * o;
    } else if (u == U_HALF && o >= 1 && o <= 2) {
        m1 = 6 * o - 5, m2 = 6 * o;
    } else {
        return false;
    }
    int y = 0;
    bool unknown = false;
    g_year_tail(c, e->x, &y, &unknown);
    return month_span(y, unknown, m1, m2, e->x, r);
}

/* "за семь месяцев (2024 года)", "по итогам девяти месяцев 2024 года",
 * "eleven months of 2023": the first n months of a year. */
static bool g_nmonths(cur *c, const env *e, res *r)
{
    int n = g_count(c);
    if (!n || !is_unit(c, U_MONTH))
        return false;
    adv(c);
    int y = 0;
    bool unknown = false;
    bool tail = g_year_tail(c, e->x, &y, &unknown);
    if (!(e->lw == W_ZA || e->lw == W_PO || (tail && (y || unknown))))
        return false;
    return month_span(y, unknown, 1, n, e->x, r);
}

/* "now", "currently", "at present", "сейчас", "в настоящее время", "на
 * данный момент", "на сегодняшний день", "derzeit": publication day. */
static bool g_now(cur *c, const env *e, res *r)
{
    bool ok = false;
    if (eat_w(c, W_NOW))
        ok = e->lead == L_NONE;
    else if (eat_w(c, W_PRESENT))
        ok = e->lead == L_AT;
    else if (eat_w(c, W_NASTOYASH))
        ok = e->lw == W_V && eat_w(c, W_VREMYA);
    else if (eat_w(c, W_DANNY))
        ok = e->lw == W_NA && eat_w(c, W_MOMENT);
    else if (eat_w(c, W_SEGODNYA)) {
        ok = e->lw == W_NA;
        if (is_unit(c, U_DAY))
            adv(c);
    }
    if (!ok)
        return false;
    r->stock = true;
    r->p = known(e->x) ? mkp(e->x->pub, e->x->pub) : ms_period_none();
    return true;
}

static bool g_weekday(cur *c, const env *e, res *r)
{
    if (c->t.kind != TK_WORD || c->t.kc != KC_WEEKDAY)
        return false;
    int wd = c->t.val;
    adv(c);
    return weekday_res(wd, e, r);
}

/* A bare year is a time only in a year's company: after "of", "and",
 * "than", "bis", "early" ..., or before punctuation; not in "Нелегал-2024",
 * "No. 2024", "/news/2024/", nor glued to other digits. */
static bool bare_year_ok(const env *e, const cur *after, bool suffixed)
{
    const hist *h = e->h;
    if (h->n > 0) {
        const hent *p = &h->e[0];
        if (!e->space && p->kind != TK_PUNCT)
            return false; /* "D2024", glued to a word or number */
        if (p->kind == TK_NUM)
            return false;
        if (p->kind == TK_PUNCT) {
            if (p->cp == 0x2116 || p->cp == '#' || p->cp == '+' || p->cp == '_' || p->cp == '\\' ||
                p->cp == 0xA7)
                return false;
            if (!e->space && (p->cp == '/' || p->cp == '-' || p->cp == '.' || p->cp == ',' || p->cp == ':'))
                return false;
            if (p->cp == '.' && hw(h, 1, W_NO))
                return false;
        }
        if (hw(h, 0, W_NO))
            return false;
    }
    if (suffixed)
        return true;
    const tok *n = &after->t;
    bool plain_next = n->kind == TK_WORD && n->kc == KC_NONE;
    if (h->n > 0 && h->e[0].kind == TK_WORD && h->e[0].kc == KC_W) {
        switch (h->e[0].val) {
        case W_OF: case W_AND: case W_OR: case W_BY: case W_EARLY: case W_AFTER: case W_VOR:
        case W_IN: case W_V: case W_IM: case W_DURING: case W_SINCE: case W_BETWEEN:
            return true;
        case W_THAN: case W_AS: case W_AGAINST: case W_WIE: case W_TO: case W_WITH: case W_ZU:
        case W_ZUM: case W_ON:
            return !plain_next;
        default:
            break;
        }
    }
    if (n->kind == TK_END)
        return true;
    if (n->kind == TK_PUNCT) {
        switch (n->cp) {
        case '.': case ',': case ';': case ':': case ')': case '!': case '?': case '"': case ']':
        case 0xBB: case 0x201C: case 0x201D: case 0x2019:
            return true;
        case '-':
            return n->space;
        default:
            return false;
        }
    }
    return false;
}

/* Days, months and years and ranges of them, read with their lead. */
static bool g_calendar(cur *c, const env *e, res *r)
{
    const ctx *x = e->x;
    bool named_year = false;
    if (is_w(c, W_CALENDAR) || is_unit(c, U_YEAR)) { /* "im Jahr 2023" */
        cur s = *c;
        eat_w(&s, W_CALENDAR);
        if (!is_unit(&s, U_YEAR))
            return false;
        adv(&s);
        if (!is_year_tok(&s.t))
            return false;
        *c = s;
        named_year = true;
    }
    point a, b;
    bool range;
    if (!g_points(c, e, &a, &b, &range, false))
        return false;
    if (range) {
        if (e->lead == L_STOCK || e->lead == L_AT)
            return false;
        if (point_is_month(&a) && a.y == 0) { /* "January–July of this year" */
            int y;
            bool unknown;
            if (g_year_tail(c, x, &y, &unknown)) {
                if (unknown) {
                    r->p = ms_period_none();
                    return true;
                }
                b.y = y;
                a.y = a.m > b.m ? y - 1 : y;
            }
        }
        return resolve_range(a, b, ANCHOR_END, x, &r->p);
    }
    bool since_lead = e->lead == L_SINCE || e->lead == L_S || (e->lead == L_FROM && e->lw == W_FROM);
    if (a.y == 0 && !point_is_year(&a)) { /* "в декабре прошлого года" */
        int y;
        bool unknown;
        cur s = *c;
        if (g_year_tail(&s, x, &y, &unknown) && (y || unknown)) {
            *c = s;
            if (unknown) {
                r->p = ms_period_none();
                return true;
            }
            a.y = y;
            a.weak = false;
        }
    }
    if (point_is_year(&a)) {
        if (e->lead == L_STOCK || e->lead == L_AT || e->lead == L_UNTIL)
            return false;
        bool case_prep = e->lw == W_ZA || e->lw == W_S || e->lw == W_OT || e->lw == W_PO;
        if (case_prep && !a.suffixed)
            return false; /* "за 2000 рублей" */
        if (e->lead == L_NONE && !named_year && !bare_year_ok(e, c, a.suffixed))
            return false;
        if (since_lead && e->lead != L_FROM)
            return since(ms_day_from_civil(a.y, 1, 1), x, r);
        r->p = year_of(a.y);
        r->yearonly = true;
        return true;
    }
    if (point_is_month(&a)) {
        if (e->lead == L_STOCK || e->lead == L_AT || e->lead == L_UNTIL)
            return false;
        if (a.weak && e->lead == L_NONE)
            return false;
        ms_period p;
        if (!resolve_range(a, a, ANCHOR_START, x, &p))
            return false;
        if (since_lead)
            return since(p.start, x, r);
        r->p = p;
        return true;
    }
    /* a day */
    if (e->lead == L_AT || e->lead == L_UNTIL)
        return false;
    ms_period p;
    if (!resolve_range(a, a, ANCHOR_START, x, &p))
        return false;
    if (since_lead)
        return since(p.start, x, r);
    r->stock = e->lead == L_STOCK;
    r->p = p;
    return true;
}

/* Leading words that belong to the expression; returns L_*. */
static int g_lead(cur *c, int *lw)
{
    *lw = 0;
    if (c->t.kind != TK_WORD || c->t.kc != KC_W)
        return L_NONE;
    int w = c->t.val;
    tok nx = peek(c);
    switch (w) {
    case W_AS:
        if (!tw(&nx, W_OF) && !tw(&nx, W_AT))
            return L_NONE;
        adv(c), adv(c);
        return L_STOCK;
    case W_PO:
        if (tw(&nx, W_SOST)) {
            adv(c), adv(c);
            if (!eat_w(c, W_NA))
                return -1;
            *lw = W_NA;
            return L_STOCK;
        }
        if (tw(&nx, W_ITOGAM)) {
            adv(c), adv(c);
            *lw = W_PO;
            return L_IN;
        }
        return L_NONE;
    case W_NA: case W_ZUM:
        adv(c);
        *lw = w;
        return L_STOCK;
    case W_STAND:
        adv(c);
        eat_p(c, ':');
        return L_STOCK;
    case W_AT:
        adv(c);
        eat_art(c);
        return L_AT;
    case W_SINCE:
        adv(c);
        eat_art(c);
        return L_SINCE;
    case W_S:
        adv(c);
        *lw = W_S;
        return L_S;
    case W_FROM: case W_VON:
        adv(c);
        eat_art(c);
        *lw = w;
        return L_FROM;
    case W_BETWEEN:
        adv(c);
        return L_BETWEEN;
    case W_ON: case W_AM:
        adv(c);
        eat_art(c);
        return L_ON;
    case W_IN: case W_IM: case W_DURING:
        adv(c);
        eat_art(c);
        if (is_w(c, W_IN) || is_w(c, W_DURING)) /* "over the", "für das" */
            return -1;
        return L_IN;
    case W_V:
        adv(c);
        eat_w(c, W_TECHENIE);
        *lw = W_V;
        return L_IN;
    case W_ZA:
        adv(c);
        *lw = W_ZA;
        return L_IN;
    case W_DO: case W_BY:
        adv(c);
        eat_art(c);
        *lw = w;
        return L_UNTIL;
    case W_ART:
        eat_art(c);
        return L_NONE;
    default:
        return L_NONE;
    }
}

typedef bool (*core_fn)(cur *, const env *, res *);

/* The cores that may start at token t (at most four). */
static size_t cores_for(const tok *t, bool stock_lead, core_fn *fs)
{
    size_t n = 0;
    if (t->kind == TK_NUM) {
        if (!stock_lead) {
            fs[n++] = g_ordunit;
            fs[n++] = g_nmonths;
            fs[n++] = g_year_ending;
        }
        fs[n++] = g_calendar;
        return n;
    }
    if (t->kind != TK_WORD)
        return 0;
    switch (t->kc) {
    case KC_MONTH: case KC_MONABBR:
        fs[n++] = g_calendar;
        return n;
    default:
        break;
    }
    if (stock_lead) {
        if (t->kc == KC_W && (t->val == W_YSTART || t->val == W_YEND || t->val == W_NEW ||
                              t->val == W_BEGIN || t->val == W_END))
            fs[n++] = g_edge;
        else if (t->kc == KC_W)
            fs[n++] = g_now;
        return n;
    }
    switch (t->kc) {
    case KC_WEEKDAY: fs[n++] = g_weekday; break;
    case KC_ORD: case KC_ROMAN: fs[n++] = g_ordunit; break;
    case KC_CARD:
        fs[n++] = g_relbase;
        fs[n++] = g_year_ending;
        fs[n++] = g_nmonths;
        break;
    case KC_UNIT:
        fs[n++] = g_relbase;
        fs[n++] = g_yearword;
        fs[n++] = g_year_ending;
        fs[n++] = g_calendar;
        break;
    case KC_W:
        switch (t->val) {
        case W_NIGHT: fs[n++] = g_night; break;
        case W_YSTART: case W_YEND: case W_NEW: case W_BEGIN: case W_END: fs[n++] = g_edge; break;
        case W_SAME: case W_TOT: fs[n++] = g_same; break;
        case W_A: case W_VOR: case W_PREV: case W_VJZ: case W_YOY: case W_JVGL: case W_GODOVOM:
            fs[n++] = g_relbase;
            break;
        case W_WHOLE: fs[n++] = g_whole; break;
        case W_LAST: case W_PAST: fs[n++] = g_last; break;
        case W_THIS: case W_VORJAHR: fs[n++] = g_yearword; break;
        case W_CALENDAR:
            fs[n++] = g_yearword;
            fs[n++] = g_calendar;
            break;
        case W_FISCAL: case W_FY: fs[n++] = g_fiscal; break;
        case W_Q: case W_H: fs[n++] = g_ordunit; break;
        case W_NOW: case W_PRESENT: case W_NASTOYASH: case W_DANNY: case W_SEGODNYA:
            fs[n++] = g_now;
            break;
        default: break;
        }
        break;
    default:
        break;
    }
    return n;
}

/* Tries the cores that fit the first token; stocks and "at" take only
 * dates, edges and now. */
static bool g_core(cur *c, const env *e, res *r)
{
    core_fn fs[4];
    size_t n = cores_for(&c->t, e->lead == L_STOCK || e->lead == L_AT, fs);
    for (size_t i = 0; i < n; i++) {
        cur s = *c;
        memset(r, 0, sizeof *r);
        r->p = ms_period_none();
        if (fs[i](&s, e, r)) {
            *c = s;
            return true;
        }
    }
    return false;
}

/* Whether a word may open an expression (as a lead or a core). */
static bool starts(const tok *t)
{
    if (t->kind == TK_NUM)
        return true;
    if (t->kind != TK_WORD || t->kc == KC_NONE)
        return false;
    if (t->kc != KC_W)
        return true;
    switch (t->val) {
    case W_OF: case W_ART: case W_AND: case W_OR: case W_THAN: case W_AGAINST: case W_WIE:
    case W_COMPARED: case W_WITH: case W_ZU: case W_RELATIVE: case W_TO: case W_ZHE:
    case W_PERIOD: case W_EARLIER: case W_G: case W_YSUF: case W_ST: case W_NO: case W_EARLY:
    case W_AFTER: case W_AUF: case W_OT: case W_TECHENIE: case W_SOST: case W_ITOGAM:
    case W_VREMYA: case W_MOMENT: case W_ENDING: case W_VYRAZH:
        return false;
    default:
        return true;
    }
}

/* A comparison word right before the expression: than, чем, als, as,
 * against, против, gegenüber, wie, compared with/to, по сравнению с, im
 * Vergleich zu(m), relative to; or "from 500 in <expr> to". */
static bool comparison_before(const hist *h)
{
    int i = 0;
    while (hw(h, i, W_ART))
        i++;
    if (i >= h->n || h->e[i].kind != TK_WORD || h->e[i].kc != KC_W)
        return false;
    switch (h->e[i].val) {
    case W_THAN:
        return !h->e[i].upper; /* "Als 2015 ..." is "when" */
    case W_AS: case W_AGAINST: case W_WIE:
        return true;
    case W_WITH: case W_TO: case W_S: case W_ZU: case W_ZUM:
        return hw(h, i + 1, W_COMPARED) || (h->e[i].val == W_TO && hw(h, i + 1, W_RELATIVE));
    default:
        return false;
    }
}

/* "from 500 in 2022 to 800": the tokens before are a number (and up to two
 * words: "тыс.", "people") after from/с/von/от, and a "to" follows. */
static bool from_number_before(const hist *h, const cur *after)
{
    if (!(is_w(after, W_TO) || is_w(after, W_DO) || is_w(after, W_AUF)))
        return false;
    int i = 0, words = 0;
    bool num = false;
    for (; i < h->n; i++) {
        const hent *p = &h->e[i];
        if (p->kind == TK_NUM)
            num = true;
        else if (p->kind == TK_PUNCT && (p->cp == ',' || p->cp == '.'))
            continue;
        else if (p->kind == TK_WORD && p->kc == KC_NONE && words < 2 && !num)
            words++;
        else
            break;
    }
    return num && (hw(h, i, W_FROM) || hw(h, i, W_S) || hw(h, i, W_VON) || hw(h, i, W_OT));
}

static bool parse_at(const scan *sc, const tok *first, const hist *h, const ctx *x, ms_period_hit *hit,
                     size_t *end)
{
    /* "по сравнению с", "im Vergleich zum": the preposition belongs to the
     * comparison, not to the expression */
    if ((tw(first, W_S) || tw(first, W_ZUM) || tw(first, W_ZU)) && hw(h, 0, W_COMPARED))
        return false;
    cur c = {sc, *first, first->start};
    env e = {L_NONE, 0, h, x, first->space};
    e.lead = g_lead(&c, &e.lw);
    if (e.lead < 0 || c.t.kind == TK_END)
        return false;
    res r;
    if (!g_core(&c, &e, &r))
        return false;
    bool comp = comparison_before(h) || ((e.lead == L_IN || e.lead == L_ON) && from_number_before(h, &c));
    if (r.needcomp && !comp)
        return false;
    memset(hit, 0, sizeof *hit);
    /* "the first quarter", "the same period": the article belongs to it */
    hit->start = hw(h, 0, W_ART) && first->space ? h->e[0].start : first->start;
    hit->end = c.last;
    hit->period = r.p;
    hit->role = MS_PERIOD_ROLE_SPAN;
    if (r.relbase || (comp && r.yrel && !r.whole)) {
        hit->role = MS_PERIOD_ROLE_BASE;
        hit->relative_base = true;
        hit->period = ms_period_none();
        hit->base_year = r.base_year;
    } else if (comp || (e.lead == L_ON && r.yearonly)) {
        hit->role = MS_PERIOD_ROLE_BASE;
    } else if (r.stock) {
        hit->role = MS_PERIOD_ROLE_STOCK;
    }
    *end = c.last;
    return true;
}

size_t ms_text_find_periods(const char *text, size_t len, ms_lang lang, int32_t published,
                            ms_period_hit *out, size_t max)
{
    (void)lang; /* the keyword table holds all three languages */
    if (!text)
        return 0;
    call_once(&kw_once, kw_build);
    scan sc = {(const unsigned char *)text, len};
    ctx x = {published, 0, 0, 0};
    if (published != MS_DAY_NONE)
        ms_civil_from_day(published, &x.py, &x.pm, &x.pd);
    hist h;
    memset(&h, 0, sizeof h);
    size_t count = 0, pos = 0;
    tok t;
    for (;;) {
        read_tok(&sc, pos, &t);
        if (t.kind == TK_END)
            break;
        if (starts(&t)) {
            ms_period_hit hit;
            size_t end;
            if (parse_at(&sc, &t, &h, &x, &hit, &end)) {
                if (count < max)
                    out[count] = hit;
                count++;
                pos = end;
                /* a separator: what follows is not read against what came
                 * before the expression */
                tok sep;
                memset(&sep, 0, sizeof sep);
                sep.kind = TK_PUNCT;
                hist_push(&h, &sep);
                continue;
            }
        }
        hist_push(&h, &t);
        pos = t.end;
    }
    return count;
}
