/*
 * Unit tests of the dataset checks (contract.md "Dataset checks" [2];
 * src/engine/dsstats.c, src/engine/dsfinish.c): statistics over every
 * record of every input, boundary equalities, type-failed values, JSON
 * nulls and absent keys, missing columns, zero records, dates at their
 * day's end, time zones, --now, sensitive columns, order and shape of
 * the violations.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "dcval/dcval.h"
#include "value/types.h"

struct dsv {
	char rule[24];
	char column[64];
	bool has_column;
	char value[128];
	size_t value_len;
	bool has_value;
	bool redacted;
	bool dataset;
	char path[16];
	bool has_path;
	char detail[256];
	dcval_severity sev;
	uint64_t record;
	uint64_t line;
	uint32_t field;
};

struct dsrun {
	struct dsv v[64];
	size_t n;
	dcval_counts counts;
};

static dcval_status on_viol(void *ud, const dcval_violation *v)
{
	struct dsrun *r = ud;
	struct dsv *o;

	assert_true(r->n < 64);
	o = &r->v[r->n++];
	memset(o, 0, sizeof(*o));
	snprintf(o->rule, sizeof(o->rule), "%s", v->rule);
	o->has_column = v->column != NULL;
	snprintf(o->column, sizeof(o->column), "%s", v->column ? v->column : "");
	o->has_value = v->value != NULL;
	o->value_len = v->value_len;
	if (v->value)
		memcpy(o->value, v->value,
		       v->value_len < sizeof(o->value) - 1 ? v->value_len
							   : sizeof(o->value) - 1);
	o->redacted = v->redacted;
	o->dataset = v->dataset;
	o->has_path = v->path != NULL;
	snprintf(o->path, sizeof(o->path), "%s", v->path ? v->path : "");
	snprintf(o->detail, sizeof(o->detail), "%s", v->detail ? v->detail : "");
	o->sev = v->severity;
	o->record = v->record;
	o->line = v->line;
	o->field = v->field;
	return DCVAL_OK;
}

/*
 * Validate inputs data[0..n) (named a.csv, b.csv, ... or a.jsonl, ...
 * after fmt) with one validator, then finish. now: RFC 3339 text, or
 * NULL for the clock.
 */
static void ds_run(const char *yaml, const char *const *data, size_t n,
		   dcval_format fmt, const char *now, struct dsrun *r)
{
	dcval_validate_opts opts;
	dcval_contract *c;
	dcval_validator *v;
	dcval_error err;
	char path[16];
	size_t i;

	memset(r, 0, sizeof(*r));
	dcval_error_clear(&err);
	c = dcval_contract_load_buffer("c.yaml", yaml, strlen(yaml), &err);
	if (!c)
		fail_msg("contract: %s:%lu:%lu: %s", err.file, err.line,
			 err.col, err.text);
	memset(&opts, 0, sizeof(opts));
	opts.format = fmt;
	opts.on_violation = on_viol;
	opts.ud = r;
	if (now) {
		opts.has_now = true;
		assert_true(dv_parse_datetime(now, strlen(now), &opts.now_secs,
					      &opts.now_ns));
	}
	v = dcval_validator_new(c, &opts, &err);
	assert_non_null(v);
	for (i = 0; i < n; i++) {
		FILE *f = data[i][0] ? fmemopen((void *)data[i], strlen(data[i]), "r")
				     : tmpfile();

		assert_non_null(f);
		snprintf(path, sizeof(path), "%c.%s", (char)('a' + i),
			 dcval_format_name(fmt));
		assert_int_equal(dcval_validator_run(v, path, f, &err), DCVAL_OK);
		fclose(f);
	}
	assert_int_equal(dcval_validator_finish(v), DCVAL_OK);
	r->counts = *dcval_validator_counts(v);
	dcval_validator_free(v);
	dcval_contract_free(c);
}

static void run1(const char *yaml, const char *data, dcval_format fmt,
		 const char *now, struct dsrun *r)
{
	ds_run(yaml, &data, 1, fmt, now, r);
}

/* Violation i: rule, column, value (NULL: none) and detail. */
static void expect(const struct dsrun *r, size_t i, const char *rule,
		   const char *column, const char *value, const char *detail)
{
	const struct dsv *v;

	if (i >= r->n)
		fail_msg("violation %zu of %zu wanted (%s)", i, r->n, rule);
	v = &r->v[i];
	assert_string_equal(v->rule, rule);
	assert_true(v->has_column);
	assert_string_equal(v->column, column);
	if (value) {
		assert_true(v->has_value);
		assert_string_equal(v->value, value);
	} else {
		assert_false(v->has_value);
	}
	assert_string_equal(v->detail, detail);
	/* dataset-level: no record, line or field */
	assert_int_equal(v->record, 0);
	assert_int_equal(v->line, 0);
	assert_int_equal(v->field, 0);
	assert_true(v->dataset);
}

#define HEAD "contract: t\ncolumns:\n"

/* Two inputs with the same value: shares, distinct counts and the null
 * fraction are over the whole run; path is null with several inputs. */
static void test_shares_over_all_inputs(void **state)
{
	static const char *const in[] = { "c\nx\nx\ny\n", "c\nx\nz\n\n" };
	struct dsrun r;

	(void)state;
	ds_run(HEAD "  - {name: c, type: string}\n"
		    "dataset:\n  columns:\n"
		    "    c: {min_share: 0.25, max_share: 0.5, max_distinct: 2}\n",
	       in, 2, DCVAL_FORMAT_CSV, NULL, &r);
	/* x 3, y 1, z 1 of 5 values: y and z below, x above */
	assert_int_equal(r.n, 4);
	expect(&r, 0, "max_distinct", "c", "3", "3 distinct values, above 2");
	expect(&r, 1, "min_share", "c", "y", "share 0.2 is below 0.25");
	expect(&r, 2, "min_share", "c", "z", "share 0.2 is below 0.25");
	expect(&r, 3, "max_share", "c", "x", "share 0.6 is above 0.5");
	assert_false(r.v[0].has_path);
	assert_int_equal(r.v[0].sev, DCVAL_SEVERITY_ERROR);
	/* in no input's counts, not invalid records */
	assert_int_equal(r.counts.errors, 4);
	assert_int_equal(r.counts.invalid_records, 0);
	/* one input: its path */
	run1(HEAD "  - {name: c, type: string}\n"
		  "dataset:\n  columns:\n    c: {max_share: 0.5}\n",
	     "c\nx\nx\ny\n", DCVAL_FORMAT_CSV, NULL, &r);
	assert_int_equal(r.n, 1);
	assert_true(r.v[0].has_path);
	assert_string_equal(r.v[0].path, "a.csv");
}

/* Every limit is inclusive: equal passes, just past fails. */
static void test_limits_inclusive(void **state)
{
	static const char yaml[] =
		HEAD "  - {name: n, type: integer}\n"
		"dataset:\n  columns:\n"
		"    n: {max_null_fraction: 0.25, min_distinct: 3, max_distinct: 3,"
		" min_share: 0.25, max_share: 0.5, mean: {minimum: 2, maximum: 2}}\n";
	struct dsrun r;

	(void)state;
	/* 8 records, 2 null ("" is null; an empty line is no record) */
	run1(yaml, "n\n1\n\"\"\n2\n3\n\"\"\n1\n3\n2\n\n", DCVAL_FORMAT_CSV, NULL,
	     &r);
	/* values 1 1 2 2 3 3: 3 distinct, shares 1/3 each, mean 2 */
	assert_int_equal(r.n, 0);
	/* one more null: 3/9 above 0.25 */
	run1(yaml, "n\n1\n\"\"\n2\n3\n\"\"\n1\n3\n2\n\"\"\n", DCVAL_FORMAT_CSV,
	     NULL, &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "max_null_fraction", "n", "0.333333",
	       "null fraction 0.333333 is above 0.25");
	/* shares exactly at the bounds: 1 of 4 and 2 of 4 */
	run1(HEAD "  - {name: n, type: integer}\n"
		  "dataset:\n  columns:\n    n: {min_share: 0.25, max_share: 0.5}\n",
	     "n\n1\n2\n2\n3\n", DCVAL_FORMAT_CSV, NULL, &r);
	assert_int_equal(r.n, 0);
	/* mean just past its bounds */
	run1(HEAD "  - {name: x, type: number}\n"
		  "dataset:\n  columns:\n    x: {mean: {minimum: 1.5, maximum: 2}}\n",
	     "x\n2\n2.5\n", DCVAL_FORMAT_CSV, NULL, &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "mean", "x", "2.25", "mean 2.25 is above 2");
	run1(HEAD "  - {name: x, type: number}\n"
		  "dataset:\n  columns:\n    x: {mean: {minimum: 1.5, maximum: 2}}\n",
	     "x\n1\n1.5\n", DCVAL_FORMAT_CSV, NULL, &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "mean", "x", "1.25", "mean 1.25 is below 1.5");
	/* distinct just past */
	run1(HEAD "  - {name: n, type: integer}\n"
		  "dataset:\n  columns:\n    n: {min_distinct: 2}\n",
	     "n\n7\n7\n", DCVAL_FORMAT_CSV, NULL, &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "min_distinct", "n", "1", "1 distinct value, below 2");
}

/* A value that fails its type check is not null and is not counted. */
static void test_type_failures_excluded(void **state)
{
	struct dsrun r;

	(void)state;
	run1(HEAD "  - {name: n, type: integer}\n"
		  "dataset:\n  columns:\n"
		  "    n: {max_null_fraction: 0, max_distinct: 1, max_share: 1,"
		  " mean: {maximum: 5}}\n",
	     "n\nx\n5\ny\n5\n1.5\n", DCVAL_FORMAT_CSV, NULL, &r);
	/* three type violations and no dataset check fails: 0 nulls, one
	 * distinct value 5 of share 1, mean 5 */
	assert_int_equal(r.n, 3);
	assert_string_equal(r.v[0].rule, "type");
	assert_string_equal(r.v[2].rule, "type");
}

/* JSON: null and an absent key both count as null; a record is one
 * record whatever it holds. */
static void test_json_null_and_absent(void **state)
{
	struct dsrun r;

	(void)state;
	run1(HEAD "  - {name: a, type: integer}\n  - {name: b, type: any}\n"
		  "schema:\n  extra_columns: ignore\n"
		  "dataset:\n  columns:\n    a: {max_null_fraction: 0.5, min_distinct: 2}\n",
	     "{\"a\": 1, \"b\": 1}\n{\"a\": null}\n{\"b\": 2}\n{\"z\": 1}\n\n",
	     DCVAL_FORMAT_JSONL, NULL, &r);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "max_null_fraction", "a", "0.75",
	       "null fraction 0.75 is above 0.5");
	expect(&r, 1, "min_distinct", "a", "1", "1 distinct value, below 2");
}

/* Values compare as unique compares them: numbers by value, datetimes
 * as instants; the share's value is the first occurrence's text. */
static void test_values_compare_as_unique(void **state)
{
	struct dsrun r;

	(void)state;
	run1(HEAD "  - {name: x, type: number}\n  - {name: t, type: datetime}\n"
		  "dataset:\n  columns:\n    x: {max_distinct: 1}\n"
		  "    t: {max_share: 0.5}\n",
	     "x,t\n1.0,2026-01-01T02:00:00+02:00\n1,2026-01-01T00:00:00Z\n"
	     "10e-1,2026-01-01T00:00:01Z\n",
	     DCVAL_FORMAT_CSV, NULL, &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "max_share", "t", "2026-01-01T02:00:00+02:00",
	       "share 0.666667 is above 0.5");
	/* json: the number 1 and 1.0 are one value */
	run1(HEAD "  - {name: x, type: number}\n"
		  "dataset:\n  columns:\n    x: {min_distinct: 2}\n",
	     "{\"x\": 1}\n{\"x\": 1.0}\n", DCVAL_FORMAT_JSONL, NULL, &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "min_distinct", "x", "1", "1 distinct value, below 2");
}

/* A column missing from one input: measured over the inputs that have
 * it; missing from every input: no dataset check of its own. */
static void test_missing_column(void **state)
{
	static const char yaml_d[] =
		HEAD "  - {name: a, type: integer}\n  - {name: d, type: date}\n"
		"dataset:\n  freshness: {column: d, max_age: 1d}\n"
		"  columns:\n    d: {min_distinct: 1}\n";
	static const char *const two[] = { "a\n1\n2\n3\n", "a,b\n1,5\n2,\n" };
	struct dsrun r;

	(void)state;
	ds_run(HEAD "  - {name: a, type: integer}\n  - {name: b, type: integer}\n"
		    "schema:\n  missing_columns: ignore\n"
		    "dataset:\n  columns:\n    b: {max_null_fraction: 0.4, min_distinct: 3}\n",
	       two, 2, DCVAL_FORMAT_CSV, NULL, &r);
	/* b: 2 records of b.csv, 1 null: 0.5; 1 distinct value */
	assert_int_equal(r.n, 2);
	expect(&r, 0, "max_null_fraction", "b", "0.5",
	       "null fraction 0.5 is above 0.4");
	expect(&r, 1, "min_distinct", "b", "1", "1 distinct value, below 3");
	/* missing from the only input: one missing_column, nothing else */
	run1(yaml_d, "a\n1\n", DCVAL_FORMAT_CSV, "2026-01-01T00:00:00Z", &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.v[0].rule, "missing_column");
}

/* No record: ratios have nothing to measure; a distinct count of 0 and a
 * freshness without any value are violations. */
static void test_zero_records(void **state)
{
	struct dsrun r;

	(void)state;
	run1(HEAD "  - {name: n, type: integer}\n  - {name: t, type: datetime}\n"
		  "dataset:\n  columns:\n"
		  "    n: {max_null_fraction: 0, min_distinct: 1, min_share: 0.5,"
		  " mean: {minimum: 1}}\n"
		  "  freshness: {column: t, max_age: 1h}\n",
	     "n,t\n", DCVAL_FORMAT_CSV, "2026-11-21T12:00:00Z", &r);
	assert_int_equal(r.n, 2);
	expect(&r, 0, "min_distinct", "n", "0", "0 distinct values, below 1");
	expect(&r, 1, "freshness", "t", NULL,
	       "no non-null value, none within 1h before 2026-11-21T12:00:00Z");
}

/* Freshness: the newest value; a date counts as 23:59:59.999 UTC of its
 * day; all null is one violation with no value. */
static void test_freshness_dates(void **state)
{
	static const char yaml[] =
		HEAD "  - {name: d, type: date}\n"
		"dataset:\n  freshness: {column: d, max_age: 24h}\n";
	struct dsrun r;

	(void)state;
	run1(yaml, "d\n2026-11-19\n2026-11-20\n2026-11-18\n", DCVAL_FORMAT_CSV,
	     "2026-11-21T23:59:59.999Z", &r);
	assert_int_equal(r.n, 0);
	run1(yaml, "d\n2026-11-19\n2026-11-20\n2026-11-18\n", DCVAL_FORMAT_CSV,
	     "2026-11-22T00:00:00Z", &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "freshness", "d", "2026-11-20",
	       "newest value 2026-11-20 is older than 24h before 2026-11-22T00:00:00Z");
	run1(yaml, "d\n\"\"\n\"\"\n", DCVAL_FORMAT_CSV, "2026-11-22T00:00:00Z", &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "freshness", "d", NULL,
	       "no non-null value, none within 24h before 2026-11-22T00:00:00Z");
	/* a date before 1970 */
	run1(yaml, "d\n1969-12-30\n", DCVAL_FORMAT_CSV, "1970-01-01T00:00:00Z",
	     &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "freshness", "d", "1969-12-30",
	       "newest value 1969-12-30 is older than 24h before 1970-01-01T00:00:00Z");
}

/* Datetimes compare as instants whatever their offsets; the value is the
 * newest one's text, the message its instant in UTC; max_age is exact to
 * the millisecond. */
static void test_freshness_time_zones(void **state)
{
	static const char yaml[] =
		HEAD "  - {name: t, type: datetime}\n"
		"dataset:\n  freshness: {column: t, max_age: 26h, severity: warn}\n";
	static const char data[] =
		"t\n2026-11-20T11:00:00+02:00\n2026-11-20T09:30:00Z\n"
		"2026-11-20T04:30:00-05:00\nnot a time\n";
	struct dsrun r;

	(void)state;
	/* newest 09:30Z, equal to 04:30-05:00 (the first text is kept) */
	run1(yaml, data, DCVAL_FORMAT_CSV, "2026-11-21T11:30:00Z", &r);
	assert_int_equal(r.n, 1); /* the type violation */
	run1(yaml, data, DCVAL_FORMAT_CSV, "2026-11-21T11:30:00.001Z", &r);
	assert_int_equal(r.n, 2);
	expect(&r, 1, "freshness", "t", "2026-11-20T09:30:00Z",
	       "newest value 2026-11-20T09:30:00Z is older than 26h before 2026-11-21T11:30:00.001Z");
	assert_int_equal(r.v[1].sev, DCVAL_SEVERITY_WARN);
	run1(yaml, "t\n2026-11-20T04:30:00.5-05:00\n2026-11-20T09:30:00.5Z\n",
	     DCVAL_FORMAT_CSV, "2026-11-22T00:00:00Z", &r);
	assert_int_equal(r.n, 1);
	expect(&r, 0, "freshness", "t", "2026-11-20T04:30:00.5-05:00",
	       "newest value 2026-11-20T09:30:00.5Z is older than 26h before 2026-11-22T00:00:00Z");
	/* without --now the clock: a value in the future is fresh */
	run1(yaml, "t\n2999-01-01T00:00:00Z\n", DCVAL_FORMAT_CSV, NULL, &r);
	assert_int_equal(r.n, 0);
}

/* A sensitive column's share and freshness values are redacted, and the
 * messages name no value; figures are shown. */
static void test_sensitive(void **state)
{
	struct dsrun r;

	(void)state;
	run1(HEAD "  - {name: s, type: string, sensitive: true}\n"
		  "  - {name: t, type: date, sensitive: true}\n"
		  "dataset:\n  columns:\n    s: {max_share: 0.5, max_null_fraction: 0}\n"
		  "  freshness: {column: t, max_age: 1d}\n",
	     "s,t\nsecret,2020-01-01\nsecret,\n,\n", DCVAL_FORMAT_CSV,
	     "2026-01-01T00:00:00Z", &r);
	assert_int_equal(r.n, 3);
	expect(&r, 0, "max_null_fraction", "s", "0.333333",
	       "null fraction 0.333333 is above 0");
	assert_false(r.v[0].redacted);
	assert_string_equal(r.v[1].rule, "max_share");
	assert_true(r.v[1].redacted);
	assert_null(strstr(r.v[1].value, "secret"));
	assert_string_equal(r.v[1].detail, "share 1 is above 0.5");
	assert_string_equal(r.v[2].rule, "freshness");
	assert_true(r.v[2].redacted);
	assert_string_equal(r.v[2].detail,
			    "newest value is older than 1d before 2026-01-01T00:00:00Z");
}

/* Order: row_count, entries in contract order (each: null fraction,
 * distinct, min_share, max_share, mean), then freshness; severities per
 * entry. */
static void test_order_and_severity(void **state)
{
	struct dsrun r;

	(void)state;
	run1(HEAD "  - {name: a, type: integer}\n  - {name: b, type: string}\n"
		  "  - {name: t, type: datetime}\n"
		  "dataset:\n  row_count: {minimum: 10}\n"
		  "  freshness: {column: t, max_age: 1s}\n"
		  "  columns:\n"
		  "    b: {max_share: 0.5, min_share: 0.4, max_null_fraction: 0, severity: warn}\n"
		  "    a: {mean: {maximum: 0}, min_distinct: 5, max_null_fraction: 0}\n",
	     "a,b,t\n1,p,2020-01-01T00:00:00Z\n2,q,\n3,q,\n4,,\n",
	     DCVAL_FORMAT_CSV, "2026-01-01T00:00:00Z", &r);
	assert_int_equal(r.n, 7);
	assert_string_equal(r.v[0].rule, "row_count");
	expect(&r, 1, "max_null_fraction", "b", "0.25",
	       "null fraction 0.25 is above 0");
	assert_int_equal(r.v[1].sev, DCVAL_SEVERITY_WARN);
	expect(&r, 2, "min_share", "b", "p", "share 0.333333 is below 0.4");
	expect(&r, 3, "max_share", "b", "q", "share 0.666667 is above 0.5");
	expect(&r, 4, "min_distinct", "a", "4", "4 distinct values, below 5");
	assert_int_equal(r.v[4].sev, DCVAL_SEVERITY_ERROR);
	expect(&r, 5, "mean", "a", "2.5", "mean 2.5 is above 0");
	expect(&r, 6, "freshness", "t", "2020-01-01T00:00:00Z",
	       "newest value 2020-01-01T00:00:00Z is older than 1s before 2026-01-01T00:00:00Z");
	assert_int_equal(r.counts.errors, 4);
	assert_int_equal(r.counts.warnings, 3);
}

/* The mean is numerically stable far from zero; large integers. */
static void test_mean_stable(void **state)
{
	struct dsrun r;

	(void)state;
	run1(HEAD "  - {name: n, type: integer}\n"
		  "dataset:\n  columns:\n"
		  "    n: {mean: {minimum: 1000000000000002, maximum: 1000000000000002}}\n",
	     "n\n1000000000000001\n1000000000000003\n1000000000000001\n"
	     "1000000000000003\n",
	     DCVAL_FORMAT_CSV, NULL, &r);
	assert_int_equal(r.n, 0);
}

/* A long share value keeps enough of its first occurrence to be cut as
 * every reported value is (77 bytes and "..."). */
static void test_long_share_value(void **state)
{
	char data[512];
	struct dsrun r;
	size_t i;

	(void)state;
	strcpy(data, "s\n");
	for (i = 0; i < 200; i++)
		strcat(data, "v");
	strcat(data, "\nw\nw\nw\n");
	run1(HEAD "  - {name: s, type: string}\n"
		  "dataset:\n  columns:\n    s: {min_share: 0.3}\n",
	     data, DCVAL_FORMAT_CSV, NULL, &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.v[0].rule, "min_share");
	assert_true(r.v[0].value_len > DCVAL_VALUE_SHOW_MAX);
	assert_int_equal(strspn(r.v[0].value, "v"), r.v[0].value_len);
}

/* Many distinct values: exact counts through the set's growth. */
static void test_many_distinct_values(void **state)
{
	static char data[20 * 20000 + 8];
	struct dsrun r;
	size_t i, o;

	(void)state;
	o = (size_t)sprintf(data, "n\n");
	for (i = 0; i < 20000; i++)
		o += (size_t)sprintf(data + o, "%zu\n%zu\n", i % 10000, i % 10000);
	run1(HEAD "  - {name: n, type: integer}\n"
		  "dataset:\n  columns:\n    n: {min_distinct: 10001, max_share: 0.0001}\n",
	     data, DCVAL_FORMAT_CSV, NULL, &r);
	/* 10000 values, each 4 of 40000: share exactly 0.0001 */
	assert_int_equal(r.n, 1);
	expect(&r, 0, "min_distinct", "n", "10000",
	       "10000 distinct values, below 10001");
}

/* Short values (dsstats.c keeps up to 512 of at most 16 bytes in a memo
 * in front of the exact set): every length from 1 to 17 with one byte
 * changed at each position (keys a word-wise compare must tell apart),
 * then more values than the memo holds, each twice, then "a" again and
 * again: the distinct count and the shares stay exact. */
static void test_short_values_memo(void **state)
{
	static char data[64 * 1024];
	struct dsrun r;
	size_t n, p, o, i, pass;

	(void)state;
	o = (size_t)sprintf(data, "s\n");
	for (pass = 0; pass < 2; pass++) {
		for (n = 1; n <= 17; n++) {
			for (p = 0; p <= n; p++) {
				for (i = 0; i < n; i++)
					data[o++] = i == p ? 'b' : 'a';
				data[o++] = '\n';
			}
		}
		for (i = 0; i < 600; i++)
			o += (size_t)sprintf(data + o, "x%03zu\n", i);
	}
	for (i = 0; i < 1000; i++)
		o += (size_t)sprintf(data + o, "a\n");
	data[o] = '\0';
	run1(HEAD "  - {name: s, type: string}\n"
		  "dataset:\n  columns:\n    s: {min_distinct: 771, max_share: 0.3}\n",
	     data, DCVAL_FORMAT_CSV, NULL, &r);
	/* 17 lengths of n + 1 values (170) and 600: 770; "a" is 1002 of 2540 */
	assert_int_equal(r.n, 2);
	expect(&r, 0, "min_distinct", "s", "770",
	       "770 distinct values, below 771");
	assert_string_equal(r.v[1].rule, "max_share");
	assert_string_equal(r.v[1].value, "a");
	assert_non_null(strstr(r.v[1].detail, "is above 0.3"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shares_over_all_inputs),
		cmocka_unit_test(test_limits_inclusive),
		cmocka_unit_test(test_type_failures_excluded),
		cmocka_unit_test(test_json_null_and_absent),
		cmocka_unit_test(test_values_compare_as_unique),
		cmocka_unit_test(test_missing_column),
		cmocka_unit_test(test_zero_records),
		cmocka_unit_test(test_freshness_dates),
		cmocka_unit_test(test_freshness_time_zones),
		cmocka_unit_test(test_sensitive),
		cmocka_unit_test(test_order_and_severity),
		cmocka_unit_test(test_mean_stable),
		cmocka_unit_test(test_long_share_value),
		cmocka_unit_test(test_many_distinct_values),
		cmocka_unit_test(test_short_values_memo),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
