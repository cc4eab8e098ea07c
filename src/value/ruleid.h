/*
 * Rule ids: the stable strings reports carry. Never rename one.
 */
#ifndef DV_VALUE_RULEID_H
#define DV_VALUE_RULEID_H

#include <stddef.h>

typedef enum dv_rule {
	DV_R_TYPE = 0,
	DV_R_REQUIRED,
	DV_R_MINIMUM,
	DV_R_MAXIMUM,
	DV_R_EXCLUSIVE_MINIMUM,
	DV_R_EXCLUSIVE_MAXIMUM,
	DV_R_ENUM,
	DV_R_PATTERN,
	DV_R_FORMAT,
	DV_R_MIN_LENGTH,
	DV_R_MAX_LENGTH,
	DV_R_UNIQUE,
	DV_R_PRIMARY_KEY,
	DV_R_MISSING_COLUMN,
	DV_R_EXTRA_COLUMN,
	DV_R_COLUMN_ORDER,
	DV_R_HEADER,
	DV_R_FIELD_COUNT,
	DV_R_MALFORMED,
	DV_R_ENCODING,
	DV_R_ROW_COUNT,
	/* Stage 2: each row's id string goes into ruleid.c's table with the
	 * check that reports it (tests/sarif and tests/install require every
	 * id there to be reported and documented). */
	/* vectors */
	DV_R_DIMENSION,
	DV_R_FINITE,
	DV_R_NORM,
	/* dataset checks */
	DV_R_MAX_NULL_FRACTION,
	DV_R_MIN_DISTINCT,
	DV_R_MAX_DISTINCT,
	DV_R_MIN_SHARE,
	DV_R_MAX_SHARE,
	DV_R_MEAN,
	DV_R_FRESHNESS,
	/* drift */
	DV_R_PSI,
	DV_R_KS,
	DV_R_NULL_FRACTION_CHANGE,
	DV_R_UNSEEN_SHARE,
	DV_R_COUNT
} dv_rule;

/* "type", "required", ...: static string. A cross-field rule's id is its
 * name (contract.md "Cross-field rules"), not a row of this table. */
const char *dv_rule_id(dv_rule r);

/* The built-in rule whose id is s[0..len), or DV_R_COUNT when none (a
 * cross-field rule's name must differ from every built-in id). */
dv_rule dv_rule_by_id(const char *s, size_t len);

#endif
