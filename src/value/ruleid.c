/*
 * Rule ids; see rules.h and the Violations section of the contract spec.
 */
#include "value/ruleid.h"

#include <string.h>

static const char *const rule_ids[DV_R_COUNT] = {
	[DV_R_TYPE] = "type",
	[DV_R_REQUIRED] = "required",
	[DV_R_MINIMUM] = "minimum",
	[DV_R_MAXIMUM] = "maximum",
	[DV_R_EXCLUSIVE_MINIMUM] = "exclusive_minimum",
	[DV_R_EXCLUSIVE_MAXIMUM] = "exclusive_maximum",
	[DV_R_ENUM] = "enum",
	[DV_R_PATTERN] = "pattern",
	[DV_R_FORMAT] = "format",
	[DV_R_MIN_LENGTH] = "min_length",
	[DV_R_MAX_LENGTH] = "max_length",
	[DV_R_UNIQUE] = "unique",
	[DV_R_PRIMARY_KEY] = "primary_key",
	[DV_R_MISSING_COLUMN] = "missing_column",
	[DV_R_EXTRA_COLUMN] = "extra_column",
	[DV_R_COLUMN_ORDER] = "column_order",
	[DV_R_HEADER] = "header",
	[DV_R_FIELD_COUNT] = "field_count",
	[DV_R_MALFORMED] = "malformed",
	[DV_R_ENCODING] = "encoding",
	[DV_R_ROW_COUNT] = "row_count",
	[DV_R_DIMENSION] = "dimension",
	[DV_R_FINITE] = "finite",
	[DV_R_NORM] = "norm",
	[DV_R_MAX_NULL_FRACTION] = "max_null_fraction",
	[DV_R_MIN_DISTINCT] = "min_distinct",
	[DV_R_MAX_DISTINCT] = "max_distinct",
	[DV_R_MIN_SHARE] = "min_share",
	[DV_R_MAX_SHARE] = "max_share",
	[DV_R_MEAN] = "mean",
	[DV_R_FRESHNESS] = "freshness",
	[DV_R_PSI] = "psi",
	[DV_R_KS] = "ks",
	[DV_R_NULL_FRACTION_CHANGE] = "null_fraction_change",
	[DV_R_UNSEEN_SHARE] = "unseen_share",
};

const char *dv_rule_id(dv_rule r)
{
	return (unsigned)r < DV_R_COUNT && rule_ids[r] ? rule_ids[r] : "internal";
}

dv_rule dv_rule_by_id(const char *s, size_t len)
{
	unsigned r;

	for (r = 0; r < DV_R_COUNT; r++)
		if (rule_ids[r] && strlen(rule_ids[r]) == len && memcmp(rule_ids[r], s, len) == 0)
			return (dv_rule)r;
	return DV_R_COUNT;
}
