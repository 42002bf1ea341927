/* test_events.c — the event table: the shipped data/events.tsv loads and
 * every event the lexicons name is in it; a bad file is refused with
 * file:line:column; finding an event by id, and by kind, country and a time
 * containing its first day, with two fitting events refused. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/metric.h"
#include "core/read_file.h"
#include "core/strbuf.h"
#include "diag_text.h"
#include "ingest/text/events.h"

static const char HEADER[] = "id\tkind\tfirst_day\tlast_day\tplace\tname\n";

/* Loads header + body; returns the status, diagnostics in *d. */
static ms_status load_body(ms_event_table *t, const char *body, ms_diag *d)
{
    char text[2048];
    snprintf(text, sizeof text, "%s%s", HEADER, body);
    ms_event_table_init(t);
    ms_diag_init(d);
    return ms_event_table_load_text(t, "ev.tsv", text, strlen(text), d);
}

static ms_period day(int y, int m, int dd)
{
    int32_t n = ms_day_from_civil(y, m, dd);
    return (ms_period){n, n};
}

static ms_period month(int y, int m)
{
    return (ms_period){ms_day_from_civil(y, m, 1), ms_day_from_civil(y, m, ms_days_in_month(y, m))};
}

Test(events, shipped_table_loads_and_every_lexicon_event_is_in_it)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/events.tsv", ms_data_dir());
    ms_event_table t;
    ms_event_table_init(&t);
    ms_diag d;
    ms_diag_init(&d);
    ms_status st = ms_event_table_load(&t, path, &d);
    diag_log_all(&d);
    cr_assert_eq(st, MS_OK);
    cr_assert_eq(d.count, 0);
    cr_assert_geq(t.count, 4);
    const ms_event *crocus = ms_event_find(&t, "crocus_city_hall_attack");
    cr_assert_not_null(crocus);
    cr_assert_eq(crocus->days.start, day(2024, 3, 22).start);
    cr_assert_str_eq(crocus->place, "RU-MOS");

    static const char *const langs[] = {"en", "ru", "de"};
    size_t named = 0;
    for (size_t li = 0; li < 3; li++) {
        snprintf(path, sizeof path, "%s/lexicon_%s.tsv", ms_data_dir(), langs[li]);
        ms_strbuf sb;
        ms_strbuf_init(&sb);
        cr_assert_eq(ms_read_file(path, 0, &sb, &d), MS_OK, "%s", path);
        const char *s = ms_strbuf_str(&sb);
        int lineno = 0;
        for (const char *line = s; *line;) {
            const char *nl = strchr(line, '\n');
            size_t len = nl ? (size_t)(nl - line) : strlen(line);
            lineno++;
            if (len > 6 && strncmp(line, "event\t", 6) == 0) {
                const char *key = line + 6;
                const char *tab = memchr(key, '\t', len - 6);
                cr_assert_not_null(tab, "%s:%d: no phrase", path, lineno);
                char k[128];
                snprintf(k, sizeof k, "%.*s", (int)(tab - key), key);
                cr_expect(ms_event_find(&t, k) || ms_event_kind_known(&t, k),
                          "%s:%d: event '%s' is neither an id nor a kind of events.tsv", path,
                          lineno, k);
                named++;
            }
            line += len + (nl ? 1 : 0);
        }
        ms_strbuf_free(&sb);
    }
    cr_assert_geq(named, 10, "the lexicons name only %zu events", named);
    ms_diag_free(&d);
    ms_event_table_free(&t);
}

Test(events, bad_lines_are_refused_with_line_and_column)
{
    ms_event_table t;
    ms_diag d;
    ms_status st = load_body(&t,
                             "ok_event\tflood\t2024-04-05\t2024-04-20\tRU-ORE\tOrsk flood\n"
                             "bad_date\tflood\t2024-02-30\t2024-03-01\tRU\tx\n"
                             "Bad\tflood\t2024-01-01\t2024-01-01\tRU\tx\n"
                             "backwards\tflood\t2024-05-02\t2024-05-01\tRU\tx\n"
                             "where\tflood\t2024-05-02\t2024-05-02\tRussia\tx\n"
                             "ok_event\tflood\t2024-04-05\t2024-04-20\tRU\tagain\n"
                             "short\tflood\n",
                             &d);
    cr_assert_eq(st, MS_ERR_DATA);
    diag_log_all(&d);
    cr_assert_eq(d.count, 6);
    /* the header is line 1 */
    cr_expect_str_eq(diag_text(&d, 0), "ev.tsv:3:16: '2024-02-30' is not a date YYYY-MM-DD");
    cr_expect_str_eq(diag_text(&d, 1), "ev.tsv:4:1: id 'Bad' must be lowercase letters and '_'");
    cr_expect_str_eq(diag_text(&d, 2), "ev.tsv:5:28: last day before the first day");
    cr_expect_str_eq(diag_text(&d, 3),
                     "ev.tsv:6:35: place 'Russia' is not an ISO 3166 code (XX or XX-YYY)");
    cr_expect_str_eq(diag_text(&d, 4), "ev.tsv:7:1: event 'ok_event' defined twice");
    cr_expect(strstr(diag_text(&d, 5), "ev.tsv:8:1: expected 6 tab-separated fields") ==
              diag_text(&d, 5));
    /* the good line is kept */
    cr_assert_eq(t.count, 1);
    cr_assert_str_eq(t.items[0].name, "Orsk flood");
    ms_diag_free(&d);
    ms_event_table_free(&t);
}

Test(events, a_file_without_the_header_is_refused)
{
    ms_event_table t;
    ms_event_table_init(&t);
    ms_diag d;
    ms_diag_init(&d);
    const char *text = "# comment\nflood\tflood\t2024-01-01\t2024-01-01\tRU\tx\n";
    cr_assert_eq(ms_event_table_load_text(&t, "ev.tsv", text, strlen(text), &d), MS_ERR_DATA);
    cr_assert_eq(d.count, 1);
    cr_expect(strncmp(diag_text(&d, 0), "ev.tsv:2:1: expected header", 27) == 0, "%s",
              diag_text(&d, 0));
    cr_assert_eq(t.count, 0);
    ms_diag_free(&d);
    ms_event_table_free(&t);
}

Test(events, crlf_comments_and_a_missing_name_are_accepted)
{
    ms_event_table t;
    ms_diag d;
    cr_assert_eq(load_body(&t, "# note\r\nquake\tearthquake\t2023-02-06\t2023-02-06\tTR\r\n", &d),
                 MS_OK);
    cr_assert_eq(d.count, 0);
    cr_assert_eq(t.count, 1);
    cr_assert_str_eq(t.items[0].place, "TR");
    cr_assert_str_eq(t.items[0].name, "");
    ms_diag_free(&d);
    ms_event_table_free(&t);
}

Test(events, by_kind_needs_the_country_and_a_time_containing_the_first_day)
{
    ms_event_table t;
    ms_diag d;
    cr_assert_eq(load_body(&t,
                           "a_moscow\tattack\t2024-03-22\t2024-03-22\tRU-MOS\t\n"
                           "b_dagestan\tattack\t2024-06-23\t2024-06-23\tRU-DA\t\n"
                           "c_solingen\tattack\t2024-08-23\t2024-08-23\tDE-NW\t\n"
                           "d_flood\tflood\t2024-04-05\t2024-04-20\tRU-ORE\t\n",
                           &d),
                 MS_OK);
    const char *ru_city[] = {"RU-MOW"};
    const char *de[] = {"DE"};
    const char *fr[] = {"FR"};
    ms_period march = month(2024, 3), june = month(2024, 6), year = {march.start, month(2024, 12).end};

    /* a region of the same country counts as that country */
    const ms_event *e = ms_event_of_kind(&t, "attack", ru_city, 1, &march, 1);
    cr_assert_not_null(e);
    cr_assert_str_eq(e->id, "a_moscow");
    e = ms_event_of_kind(&t, "attack", ru_city, 1, &june, 1);
    cr_assert_not_null(e);
    cr_assert_str_eq(e->id, "b_dagestan");
    /* two Russian attacks in the year: the text does not say which */
    cr_assert_null(ms_event_of_kind(&t, "attack", ru_city, 1, &year, 1));
    /* one German attack in the year */
    e = ms_event_of_kind(&t, "attack", de, 1, &year, 1);
    cr_assert_not_null(e);
    cr_assert_str_eq(e->id, "c_solingen");
    /* wrong country, wrong kind, no time, no place */
    cr_assert_null(ms_event_of_kind(&t, "attack", fr, 1, &year, 1));
    cr_assert_null(ms_event_of_kind(&t, "flood", de, 1, &year, 1));
    cr_assert_null(ms_event_of_kind(&t, "attack", ru_city, 1, NULL, 0));
    cr_assert_null(ms_event_of_kind(&t, "attack", NULL, 0, &march, 1));
    /* a time that ends before the first day does not contain it */
    ms_period early_march = {march.start, day(2024, 3, 21).end};
    cr_assert_null(ms_event_of_kind(&t, "attack", ru_city, 1, &early_march, 1));
    /* any of several times and places may fit */
    ms_period times[] = {month(2023, 1), march};
    const char *places[] = {"FR", "RU"};
    e = ms_event_of_kind(&t, "attack", places, 2, times, 2);
    cr_assert_not_null(e);
    cr_assert_str_eq(e->id, "a_moscow");

    cr_assert(ms_event_kind_known(&t, "flood"));
    cr_assert_not(ms_event_kind_known(&t, "a_moscow"));
    cr_assert_null(ms_event_find(&t, "attack"));
    cr_assert_null(ms_event_find(NULL, "a_moscow"));
    ms_diag_free(&d);
    ms_event_table_free(&t);
}
