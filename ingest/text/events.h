/* events.h — events news refers to by name or kind (data/events.tsv),
 * with their days and place: the deaths and injuries a sentence gives for
 * "the Crocus City Hall attack" or "a terrorist attack near Moscow in
 * March" are those of the event's days. */
#ifndef MS_TEXT_EVENTS_H
#define MS_TEXT_EVENTS_H

#include <stddef.h>
#include "core/arena.h"
#include "core/diag.h"
#include "core/period.h"
#include "core/status.h"

typedef struct ms_event {
    const char *id;    /* crocus_city_hall_attack */
    const char *kind;  /* terror_attack */
    ms_period days;    /* first .. last day */
    const char *place; /* ISO 3166 code of where it happened */
    const char *name;
} ms_event;

typedef struct ms_event_table {
    ms_event *items;
    size_t count;
    ms_arena arena; /* owns every string */
} ms_event_table;

void ms_event_table_init(ms_event_table *t);
void ms_event_table_free(ms_event_table *t);
/* Reads events.tsv text (format at the top of data/events.tsv). Problems
 * go to diag as name:line:column: reason and fail the load (MS_ERR_DATA). */
ms_status ms_event_table_load_text(ms_event_table *t, const char *name, const char *text,
                                   size_t len, ms_diag *diag);
ms_status ms_event_table_load(ms_event_table *t, const char *path, ms_diag *diag);

/* The event with this id, or NULL. */
const ms_event *ms_event_find(const ms_event_table *t, const char *id);
/* Is `kind` the kind of some event? */
bool ms_event_kind_known(const ms_event_table *t, const char *kind);

/* The one event of `kind` that happened in the country of one of
 * places[0..n_places) (ISO codes; "RU-MOW" and "RU-MOS" are both in RU)
 * and whose first day lies in one of periods[0..n_periods); NULL when none
 * or more than one fits. */
const ms_event *ms_event_of_kind(const ms_event_table *t, const char *kind,
                                 const char *const *places, size_t n_places,
                                 const ms_period *periods, size_t n_periods);

#endif
