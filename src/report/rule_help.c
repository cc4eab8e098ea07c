/*
 * What each built-in rule id means: one table, for the reports that
 * describe their rules (the sarif report's tool.driver.rules). The ids
 * are those of the contract spec's "Violations" section, stage [2] ones
 * included; a cross-field rule's id is its contract-given name and has
 * no entry (the report derives a generic text for it).
 */
#include <string.h>

#include "report/report_impl.h"

static const dv_rule_help rule_help[] = {
	{ "type", "Value is not of the column's type",
	  "The value does not parse as the column's declared type (string, integer, number, "
	  "boolean, date, datetime, time or vector). Its other value checks are skipped, and "
	  "cross-field rules see it as null.",
	  "Correct the value so that it parses as the column's type, or change the column's "
	  "type in the contract if the data is right. In JSON inputs a string such as \"12\" "
	  "in an integer column is a type violation unless input.coerce is true." },
	{ "required", "Required value is missing",
	  "The column is required, but the record's value is null: an empty csv field, one of "
	  "input.null_values, a JSON null or a missing key.",
	  "Give the record a value for the column, or drop required: true from the column if "
	  "the value is optional." },
	{ "minimum", "Value is below the minimum",
	  "The value is less than the column's inclusive minimum. Numbers compare by value; "
	  "dates, datetimes and times compare as points in time.",
	  "Correct the value, or lower the column's minimum in the contract if the bound is "
	  "too strict." },
	{ "maximum", "Value is above the maximum",
	  "The value is greater than the column's inclusive maximum. Numbers compare by value; "
	  "dates, datetimes and times compare as points in time.",
	  "Correct the value, or raise the column's maximum in the contract if the bound is "
	  "too strict." },
	{ "exclusive_minimum", "Value is not above the exclusive minimum",
	  "The value is less than or equal to the column's exclusive_minimum, which it must "
	  "exceed.",
	  "Correct the value, or change the column's exclusive_minimum (or use an inclusive "
	  "minimum) if the bound is wrong." },
	{ "exclusive_maximum", "Value is not below the exclusive maximum",
	  "The value is greater than or equal to the column's exclusive_maximum, which it must "
	  "stay under.",
	  "Correct the value, or change the column's exclusive_maximum (or use an inclusive "
	  "maximum) if the bound is wrong." },
	{ "enum", "Value is not one of the allowed values",
	  "The value is not in the column's enum list.",
	  "Use one of the listed values, or add the value to the column's enum if it is "
	  "legitimate: new values upstream (schema drift) often show here first." },
	{ "pattern", "Value does not match the pattern",
	  "The value does not match the column's pattern, a PCRE2 regular expression that must "
	  "match the whole value.",
	  "Correct the value, or widen the column's pattern in the contract." },
	{ "format", "Value is not in the declared format",
	  "The value is not a valid instance of the column's format: email, uuid, uri, ipv4, "
	  "ipv6 or hostname.",
	  "Correct the value, or change or remove the column's format in the contract." },
	{ "min_length", "Value is too short",
	  "The value has fewer Unicode code points than the column's min_length.",
	  "Correct the value, or lower the column's min_length in the contract." },
	{ "max_length", "Value is too long",
	  "The value has more Unicode code points than the column's max_length.",
	  "Correct the value, or raise the column's max_length in the contract." },
	{ "unique", "Value repeats an earlier value",
	  "The column is unique, and this non-null value already occurred in an earlier record "
	  "of the run (all inputs together). Every repeat after the first occurrence is one "
	  "violation; integers and numbers compare by value, datetimes as instants.",
	  "Remove or correct the duplicate record, or drop unique: true from the column if "
	  "repeats are allowed." },
	{ "primary_key", "Primary key repeats or has a null part",
	  "The record's values in the dataset.primary_key columns form a key that an earlier "
	  "record of the run already had, or one of them is null.",
	  "Remove or correct the duplicate record and fill in every key column, or change "
	  "dataset.primary_key in the contract." },
	{ "missing_column", "Declared column is missing",
	  "A column the contract declares is absent from the csv header. Its per-record checks "
	  "are skipped; the other columns are checked as usual. schema.missing_columns makes "
	  "this an error, a warning or nothing.",
	  "Add the column to the data, remove it from the contract, or set "
	  "schema.missing_columns to warn or ignore." },
	{ "extra_column", "Input has an undeclared column",
	  "The input has a column (a csv header name or a JSON key) that the contract does not "
	  "declare. schema.extra_columns makes this an error, a warning or nothing.",
	  "Declare the column in the contract, remove it from the data, or set "
	  "schema.extra_columns to warn or ignore." },
	{ "column_order", "Columns are not in the declared order",
	  "With schema.column_order: strict, the csv header must list the columns in the order "
	  "the contract declares them.",
	  "Reorder the columns of the data or of the contract, or set schema.column_order to "
	  "any." },
	{ "header", "Header line is unusable",
	  "The csv header line has a blank or duplicate column name. A duplicate name that the "
	  "contract declares makes that column ambiguous, and its checks are skipped.",
	  "Give every column of the header line a distinct, non-empty name." },
	{ "field_count", "Row has the wrong number of fields",
	  "A csv row has more or fewer fields than the header line.",
	  "Fix the row's delimiters and quoting so that it has one field per header column." },
	{ "malformed", "Record cannot be parsed",
	  "The record is not well-formed: a csv quote that is not closed or is followed by "
	  "other text, a JSON Lines line or JSON array element that is not valid JSON, or a "
	  "record larger than the size limit.",
	  "Fix the record's quoting or JSON syntax at the reported line." },
	{ "encoding", "Text is not valid UTF-8",
	  "The record holds bytes that are not valid UTF-8, the only encoding dcval reads.",
	  "Convert the input to UTF-8 (for example with iconv), or repair the damaged bytes." },
	{ "row_count", "Number of records is out of range",
	  "The number of records of all inputs together is outside dataset.row_count "
	  "(inclusive minimum and maximum).",
	  "Check that the input is complete (an empty or truncated extract often shows here), "
	  "or change dataset.row_count in the contract." },
	{ "dimension", "Vector has the wrong number of elements",
	  "The vector's element count differs from the column's dimension.",
	  "Produce vectors of the declared dimension, or change the column's dimension." },
	{ "finite", "Vector element is not finite",
	  "A vector element overflows a double.",
	  "Fix the producer of the vectors, or set finite: false on the column." },
	{ "norm", "Vector norm is out of range",
	  "The vector's Euclidean (L2) norm is outside the column's norm bounds (inclusive).",
	  "Check how the vectors are normalised, or change the column's norm bounds." },
	{ "max_null_fraction", "Too many null values",
	  "The share of records whose value is null or absent, over all inputs, is above the "
	  "column's max_null_fraction.",
	  "Find out why values are missing upstream, or raise max_null_fraction." },
	{ "min_distinct", "Too few distinct values",
	  "The column has fewer distinct non-null values over all inputs than min_distinct.",
	  "Check the input for a constant or truncated column, or lower min_distinct." },
	{ "max_distinct", "Too many distinct values",
	  "The column has more distinct non-null values over all inputs than max_distinct.",
	  "Check the input for unexpected values, or raise max_distinct." },
	{ "min_share", "Value is rarer than allowed",
	  "A distinct value's share of the column's non-null values is below min_share.",
	  "Check the distribution of the input, or lower min_share." },
	{ "max_share", "Value is more common than allowed",
	  "A distinct value's share of the column's non-null values is above max_share.",
	  "Check the input for a default or placeholder value, or raise max_share." },
	{ "mean", "Mean is out of range",
	  "The arithmetic mean of the column's non-null values over all inputs is outside the "
	  "mean bounds (inclusive).",
	  "Check the input for a change of unit or scale, or change the mean bounds." },
	{ "freshness", "Data is stale",
	  "The newest value of the freshness column is older than max_age before now (--now, "
	  "or the time the run started), or the column has no value at all.",
	  "Check that the pipeline delivering the data still runs, or raise max_age." },
	{ "psi", "Distribution drifted from the baseline (PSI)",
	  "The population stability index between the baseline profile and this run's values "
	  "of the column is above the psi limit.",
	  "Find the change in the upstream data; if it is expected, refresh the baseline with "
	  "dcval profile or raise the limit." },
	{ "ks", "Distribution drifted from the baseline (KS)",
	  "The Kolmogorov-Smirnov distance between the baseline profile's and this run's "
	  "distributions of the column is above the ks limit.",
	  "Find the change in the upstream data; if it is expected, refresh the baseline with "
	  "dcval profile or raise the limit." },
	{ "null_fraction_change", "Null fraction changed from the baseline",
	  "The column's share of null values differs from the baseline profile's by more than "
	  "null_fraction_change.",
	  "Find out why values appear or go missing upstream; if it is expected, refresh the "
	  "baseline with dcval profile or raise the limit." },
	{ "unseen_share", "Values unseen in the baseline",
	  "The share of the column's non-null values that never occur in the baseline profile "
	  "is above unseen_share.",
	  "Check the new values; if they are expected, refresh the baseline with dcval "
	  "profile or raise the limit." },
};

#define N_RULE_HELP (sizeof(rule_help) / sizeof(rule_help[0]))

const dv_rule_help *dv_report_rule_help(const char *id)
{
	size_t i;

	for (i = 0; i < N_RULE_HELP; i++)
		if (strcmp(rule_help[i].id, id) == 0)
			return &rule_help[i];
	return NULL;
}
