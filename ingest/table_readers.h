/* table_readers.h — the table readers behind the format registry (private
 * to ingest/). Each reads one input through the emitter (emit.h) and
 * turns what it finds into observations for ms_table_emit (table.h),
 * using `map`, which readers.c has built from the options, the --mapping
 * file and the shipped mapping of the dataset. A reader may fill in rules
 * the mapping leaves open with the defaults of its format
 * (ms_table_eurostat_defaults). Each returns the emitter's status. */
#ifndef MS_INGEST_TABLE_READERS_H
#define MS_INGEST_TABLE_READERS_H

#include <stdio.h>

#include "ingest/emit.h"
#include "ingest/mapping.h"

/* CSV/TSV of any shape (table_csv.c). delimiter 0 = sniffed. With `sdmx`
 * the columns are SDMX-CSV's (1.0 and 2.0): TIME_PERIOD, OBS_VALUE,
 * OBS_FLAG/OBS_STATUS found by name, DATAFLOW/STRUCTURE/ACTION and the
 * like not dimensions, "geo: Geopolitical entity" headers and "AT:
 * Austria" values read as their codes, NaN missing, and the dataflow of
 * the first row choosing the shipped mapping when no --mapping is given. */
ms_status ms_table_csv_rows(ms_emitter *em, ms_mapping *map, FILE *in, char delimiter, bool sdmx);

/* Eurostat bulk TSV (eurostat_tsv.c). */
ms_status ms_eurostat_tsv_read(ms_emitter *em, ms_mapping *map, FILE *in);

/* JSON-stat 2.0 datasets and collections (jsonstat.c). */
ms_status ms_jsonstat_read(ms_emitter *em, ms_mapping *map, FILE *in);

/* JSON documents of records, and JSON Lines of records (json_records.c). */
ms_status ms_json_records_read(ms_emitter *em, ms_mapping *map, FILE *in);

/* Eurostat's dimension names: place from `geo`, subject from `citizen`,
 * unit from `unit`, each through its shipped code list, for the fields the
 * mapping leaves open and the dimensions the table has (names compared
 * case-insensitively; dims[0..n)). */
ms_status ms_table_eurostat_defaults(ms_mapping *map, const char *const *dims, size_t n,
                                     ms_diag *diag);

#endif
