/*
 * Rule ids: the stable strings reports carry. Never rename one.
 */
#ifndef DV_VALUE_RULEID_H
#define DV_VALUE_RULEID_H

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
	DV_R_COUNT
} dv_rule;

/* "type", "required", ...: static string. */
const char *dv_rule_id(dv_rule r);

#endif
