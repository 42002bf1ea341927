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

/* CSV/TSV of any shape (table_csv.c). delimiter 0 = sniffed. */
ms_status ms_table_csv_rows(ms_emitter *em, const ms_mapping *map, FILE *in, char delimiter);

/* SDMX-CSV 1.0 and 2.0 (sdmx_csv.c). */
ms_status ms_sdmx_csv_read(ms_emitter *em, ms_mapping *map, FILE *in, char delimiter);

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
