/*
 * dcval export --sql: the compiled contract as one SQL query that counts
 * violations inside a database engine (spec cli.md "export").
 *
 * The query reads a relation of text columns named as in the CSV header
 * (empty fields NULL or '') and returns one row per check, in contract
 * order: rule, column, severity, violations (bigint, zeros included).
 * Each count equals `dcval validate -r json`'s rules[].count for the same
 * CSV file and check. What has no exact SQL form is an export error
 * naming the construct, never an approximate query.
 */
#ifndef DV_EXPORT_EXPORT_H
#define DV_EXPORT_EXPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "dcval/dcval.h"
#include "util/buf.h"

/* The SQL dialects with a row in dialect.c's table. */
typedef enum dv_sql_dialect_id {
	DV_SQL_DUCKDB = 0,
	DV_SQL_POSTGRES,
	DV_SQL_COUNT
} dv_sql_dialect_id;

typedef struct dv_export_opts {
	dv_sql_dialect_id dialect;
	const char *table;    /* relation name, default "input" */
	bool has_now;         /* --now given (freshness, now()) */
	int64_t now_secs;     /* --now as seconds since the epoch */
	int32_t now_ns;
} dv_export_opts;

/* The dialect named `name` ("duckdb", "postgres"); false when none. */
bool dv_sql_dialect_parse(const char *name, dv_sql_dialect_id *out);

/* "duckdb, postgres": the dialects, for messages. */
const char *dv_sql_dialect_names(void);

/*
 * Append the query for contract c to out. On failure returns the status
 * and fills err: DCVAL_ECONTRACT with the construct that has no exact
 * SQL translation, DCVAL_ENOMEM, DCVAL_ELIMIT.
 */
dcval_status dv_export_sql(const dcval_contract *c, const dv_export_opts *o,
			   dv_buf *out, dcval_error *err);

#endif
