/*
 * The SQL dialects: every difference between engines is a field of one
 * row here. Spark SQL is the next row (regexp with Java syntax, `div`
 * for integer division, octet_length); a row ships only with a parity
 * runner that runs it on the real engine (tests/sql/run.sh).
 */
#include <string.h>

#include "export/sqlgen.h"

static const dv_sql_dialect dialects[DV_SQL_COUNT] = {
	[DV_SQL_DUCKDB] = {
		.name = "duckdb",
		.regex_match = "regexp_matches(%s, %s)",
		.idiv = "(%s // %s)",
		.octets = "strlen(%s)",
		.collate_c = "",
		.e_strings = false,
		.re_cp = "\\x{%X}",
		.re_cp_big = "\\x{%X}",
		.re_max_repeat = 1000,
		.to_double = "CAST(%s AS DOUBLE)",
		.double_type = "DOUBLE",
		.now_us = "epoch_us(CURRENT_TIMESTAMP)",
		.wide = "HUGEINT",
		.wide_div = "(%s // %s)",
	},
	[DV_SQL_POSTGRES] = {
		.name = "postgres",
		.regex_match = "(%s ~ %s)",
		.idiv = "(%s / %s)",
		.octets = "octet_length(%s)",
		.collate_c = " COLLATE \"C\"",
		.e_strings = true,
		.re_cp = "\\u%04X",
		.re_cp_big = "\\U%08X",
		.re_max_repeat = 255,
		.to_double = "CAST(%s AS DOUBLE PRECISION)",
		.double_type = "DOUBLE PRECISION",
		.now_us = "CAST(floor(extract(epoch FROM CURRENT_TIMESTAMP) * 1000000) AS BIGINT)",
		.wide = "NUMERIC",
		.wide_div = "div(%s, %s)",
	},
};

const dv_sql_dialect *dv_sql_dialect_get(dv_sql_dialect_id id)
{
	return (unsigned)id < DV_SQL_COUNT ? &dialects[id] : NULL;
}

bool dv_sql_dialect_parse(const char *name, dv_sql_dialect_id *out)
{
	unsigned i;

	for (i = 0; i < DV_SQL_COUNT; i++) {
		if (strcmp(name, dialects[i].name) == 0) {
			*out = (dv_sql_dialect_id)i;
			return true;
		}
	}
	return false;
}

const char *dv_sql_dialect_names(void)
{
	return "duckdb, postgres";
}
