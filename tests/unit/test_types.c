/*
 * Unit tests of src/value/types.c and src/value/timefmt.c.
 */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"

#include "value/types.h"

/* Parse a string literal (its sizeof, so embedded NULs count). */
#define INT_OK(lit, out) dv_parse_integer(lit, sizeof(lit) - 1, out)
#define NUM_OK(lit, out) dv_parse_number(lit, sizeof(lit) - 1, out)
#define DATE_OK(lit, out) dv_parse_date(lit, sizeof(lit) - 1, out)
#define DT_OK(lit, s, ns) dv_parse_datetime(lit, sizeof(lit) - 1, s, ns)
#define TIME_OK(lit, s, ns) dv_parse_time(lit, sizeof(lit) - 1, s, ns)

static void test_type_names_round_trip(void **state)
{
	dv_type t, back;

	(void)state;
	for (t = 0; t < DV_T_COUNT; t++) {
		assert_true(dv_type_parse(dv_type_name(t), &back));
		assert_int_equal(back, t);
	}
	assert_string_equal(dv_type_name(DV_T_DATETIME), "datetime");
	assert_false(dv_type_parse("int", &back));
	assert_false(dv_type_parse("Integer", &back));
	assert_false(dv_type_parse("", &back));
}

static void test_type_articles(void **state)
{
	(void)state;
	assert_string_equal(dv_type_article(DV_T_STRING), "a string");
	assert_string_equal(dv_type_article(DV_T_INTEGER), "an integer");
	assert_string_equal(dv_type_article(DV_T_NUMBER), "a number");
	assert_string_equal(dv_type_article(DV_T_BOOLEAN), "a boolean");
	assert_string_equal(dv_type_article(DV_T_DATE), "a date");
	assert_string_equal(dv_type_article(DV_T_DATETIME), "a datetime");
	assert_string_equal(dv_type_article(DV_T_TIME), "a time");
	assert_string_equal(dv_type_article(DV_T_ANY), "any value");
}

static void test_integer_valid_forms(void **state)
{
	int64_t v;

	(void)state;
	assert_true(INT_OK("0", &v));
	assert_int_equal(v, 0);
	assert_true(INT_OK("-0", &v));
	assert_int_equal(v, 0);
	assert_true(INT_OK("+5", &v));
	assert_int_equal(v, 5);
	assert_true(INT_OK("-42", &v));
	assert_int_equal(v, -42);
	assert_true(INT_OK("007", &v));
	assert_int_equal(v, 7);
}

static void test_integer_limits_exact(void **state)
{
	int64_t v;

	(void)state;
	assert_true(INT_OK("9223372036854775807", &v));
	assert_true(v == INT64_MAX);
	assert_true(INT_OK("-9223372036854775808", &v));
	assert_true(v == INT64_MIN);
	assert_true(INT_OK("+0009223372036854775807", &v));
	assert_true(v == INT64_MAX);
}

static void test_integer_overflow_rejected(void **state)
{
	int64_t v;

	(void)state;
	assert_false(INT_OK("9223372036854775808", &v));
	assert_false(INT_OK("-9223372036854775809", &v));
	assert_false(INT_OK("18446744073709551616", &v));
	assert_false(INT_OK("99999999999999999999999", &v));
}

static void test_integer_bad_syntax_rejected(void **state)
{
	static const char *const bad[] = {
		"", "-", "+", " 1", "1 ", "1.0", "1e2", "0x10", "--1", "+-1",
		"1_000", "1,000", "nan", "\xd9\xa1", "1\n",
	};
	int64_t v;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(dv_parse_integer(bad[i], strlen(bad[i]), &v));
	assert_false(INT_OK("1\0", &v));
}

static void test_integer_reads_only_len_bytes(void **state)
{
	int64_t v;

	(void)state;
	assert_true(dv_parse_integer("12345", 2, &v));
	assert_int_equal(v, 12);
	assert_false(dv_parse_integer("-5", 1, &v));
}

static void test_number_valid_forms(void **state)
{
	double d;

	(void)state;
	assert_true(NUM_OK("0", &d));
	assert_true(d == 0.0 && !signbit(d));
	assert_true(NUM_OK("-0", &d));
	assert_true(d == 0.0 && signbit(d));
	assert_true(NUM_OK(".5", &d));
	assert_true(d == 0.5);
	assert_true(NUM_OK("5.", &d));
	assert_true(d == 5.0);
	assert_true(NUM_OK("+1.5", &d));
	assert_true(d == 1.5);
	assert_true(NUM_OK("-1.5e3", &d));
	assert_true(d == -1500.0);
	assert_true(NUM_OK("1E+2", &d));
	assert_true(d == 100.0);
	assert_true(NUM_OK("2.5e-3", &d));
	assert_true(d == 0.0025);
	assert_true(NUM_OK("0.1", &d));
	assert_true(d == 0.1);
	assert_true(NUM_OK("123456789012345678", &d));
	assert_true(d == 123456789012345678.0);
	assert_true(NUM_OK("0e999999999999", &d));
	assert_true(d == 0.0);
}

static void test_number_bad_syntax_rejected(void **state)
{
	static const char *const bad[] = {
		"", "-", "+", ".", "-.", "1e", "1e+", "e5", ".e5", "0x10",
		"nan", "NaN", "inf", "Infinity", "-Infinity", " 1", "1 ",
		"1..2", "1.2.3", "1e5.5", "1,5", "++1", "1f", "\xd9\xa1",
	};
	double d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(dv_parse_number(bad[i], strlen(bad[i]), &d));
}

static void test_number_overflow_rejected(void **state)
{
	double d;

	(void)state;
	assert_false(NUM_OK("1e309", &d));
	assert_false(NUM_OK("-1e309", &d));
	assert_false(NUM_OK("1.8e308", &d));
	assert_false(NUM_OK("1e99999999999999999999", &d));
	assert_true(NUM_OK("1.7976931348623157e308", &d));
	assert_true(d == 1.7976931348623157e308);
}

static void test_number_underflow_is_zero(void **state)
{
	double d;

	(void)state;
	assert_true(NUM_OK("1e-400", &d));
	assert_true(d == 0.0);
	assert_true(NUM_OK("-1e-99999999999999999999", &d));
	assert_true(d == 0.0 && signbit(d));
	assert_true(NUM_OK("4.9406564584124654e-324", &d));
	assert_true(d == 4.9406564584124654e-324);
}

static void test_number_hard_roundings_exact(void **state)
{
	static const char *const cases[] = {
		"2.2250738585072011e-308", "2.2250738585072012e-308",
		"9007199254740993", "9007199254740992.5", "1e23",
		"8.98846567431158e307", "0.30000000000000004",
		"1448997445238699", "123456789012345678901234567890",
		"7.038531e-26", "1e22", "1e-22", "123456e30", "9e37",
	};
	double d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_true(dv_parse_number(cases[i], strlen(cases[i]), &d));
		assert_true(d == strtod(cases[i], NULL));
	}
}

/* Tiny deterministic generator for the randomised comparisons. */
static uint32_t test_rand(uint64_t *seed)
{
	*seed = *seed * 6364136223846793005ull + 1442695040888963407ull;
	return (uint32_t)(*seed >> 33);
}

/* Random "[-]digits[.digits][e[-]exp]" of ndig digits into buf. */
static size_t test_random_number(uint64_t *seed, char *buf, size_t ndig)
{
	size_t n = 0, i, dot = test_rand(seed) % (ndig + 1);

	if (test_rand(seed) % 2)
		buf[n++] = '-';
	for (i = 0; i < ndig; i++) {
		if (i == dot && i > 0)
			buf[n++] = '.';
		buf[n++] = (char)('0' + test_rand(seed) % 10);
	}
	if (test_rand(seed) % 2)
		n += (size_t)sprintf(buf + n, "e%d",
				     (int)(test_rand(seed) % 700) - 350);
	buf[n] = '\0';
	return n;
}

static void test_number_random_short_match_strtod(void **state)
{
	uint64_t seed = 1;
	char buf[64];
	double d, want;
	size_t n;
	int k;

	(void)state;
	for (k = 0; k < 200000; k++) {
		n = test_random_number(&seed, buf, 1 + test_rand(&seed) % 20);
		want = strtod(buf, NULL);
		if (isinf(want)) {
			assert_false(dv_parse_number(buf, n, &d));
			continue;
		}
		assert_true(dv_parse_number(buf, n, &d));
		if (d != want)
			fail_msg("%s: got %.17g want %.17g", buf, d, want);
	}
}

static void test_number_400_digits_match_strtod(void **state)
{
	uint64_t seed = 7;
	char buf[1100];
	double d, want;
	size_t n;
	int k;

	(void)state;
	for (k = 0; k < 3000; k++) {
		n = test_random_number(&seed, buf, 400 + test_rand(&seed) % 600);
		want = strtod(buf, NULL);
		if (isinf(want))
			continue;
		assert_true(dv_parse_number(buf, n, &d));
		if (d != want)
			fail_msg("%s: got %.17g want %.17g", buf, d, want);
	}
}

/*
 * A halfway case that only digits past the 800th decide: 1 + 2^-53 is
 * exactly halfway between 1 and the next double (ties to even gives 1);
 * a nonzero digit 10,000 places later must round it up.
 */
static void test_number_sticky_digit_decides_rounding(void **state)
{
	char buf[12000];
	double d;
	size_t n;

	(void)state;
	n = (size_t)sprintf(buf, "1.00000000000000011102230246251565404236316680908203125");
	memset(buf + n, '0', 10000);
	n += 10000;
	assert_true(dv_parse_number(buf, n, &d));
	assert_true(d == 1.0); /* ties to even */
	buf[n++] = '1';
	assert_true(dv_parse_number(buf, n, &d));
	assert_true(d == nextafter(1.0, 2.0));
}

static void test_number_ten_thousand_digits_parse(void **state)
{
	char buf[10002];
	double d;

	(void)state;
	memset(buf, '9', 10000);
	assert_false(dv_parse_number(buf, 10000, &d)); /* 1e10000: overflow */
	buf[0] = '.';
	assert_true(dv_parse_number(buf, 10000, &d));
	assert_true(d == 1.0);
	memset(buf, '0', 10000);
	buf[0] = '.';
	buf[9999] = '7';
	assert_true(dv_parse_number(buf, 10000, &d));
	assert_true(d == 0.0); /* 7e-9999 underflows */
	memset(buf, '0', 10000);
	buf[9999] = '3';
	assert_true(dv_parse_number(buf, 10000, &d));
	assert_true(d == 3.0); /* leading zeros */
}

static void test_number_ignores_process_locale(void **state)
{
	const char *loc = setlocale(LC_NUMERIC, "de_DE.UTF-8");
	double d;

	(void)state;
	if (!loc)
		loc = setlocale(LC_NUMERIC, "fr_FR.UTF-8");
	assert_true(NUM_OK("1.5", &d));
	assert_true(d == 1.5);
	assert_false(NUM_OK("1,5", &d));
	setlocale(LC_NUMERIC, "C");
}

static void test_number_reads_only_len_bytes(void **state)
{
	double d;

	(void)state;
	assert_true(dv_parse_number("1.5e3", 3, &d));
	assert_true(d == 1.5);
	assert_false(dv_parse_number("1e5", 2, &d));
}

static void test_days_from_civil_epoch_and_extremes(void **state)
{
	(void)state;
	assert_int_equal(dv_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(dv_days_from_civil(1969, 12, 31), -1);
	assert_int_equal(dv_days_from_civil(2000, 3, 1), 11017);
	assert_int_equal(dv_days_from_civil(1, 1, 1), -719162);
	assert_int_equal(dv_days_from_civil(9999, 12, 31), 2932896);
}

static void test_date_leap_years(void **state)
{
	int64_t days;

	(void)state;
	assert_true(DATE_OK("2024-02-29", &days));
	assert_int_equal(days, dv_days_from_civil(2024, 2, 29));
	assert_false(DATE_OK("2023-02-29", &days));
	assert_false(DATE_OK("1900-02-29", &days));
	assert_true(DATE_OK("2000-02-29", &days));
	assert_false(DATE_OK("2000-02-30", &days));
}

static void test_date_range_and_syntax(void **state)
{
	int64_t days;

	(void)state;
	assert_false(DATE_OK("0000-01-01", &days));
	assert_true(DATE_OK("0001-01-01", &days));
	assert_int_equal(days, -719162);
	assert_true(DATE_OK("9999-12-31", &days));
	assert_true(DATE_OK("1970-01-01", &days));
	assert_int_equal(days, 0);
	assert_false(DATE_OK("1970-01-01\0", &days));
	assert_false(dv_parse_date("2024-01-011", 9, &days));
}

static void test_datetime_offsets_to_utc(void **state)
{
	int64_t s, t;
	int32_t ns;

	(void)state;
	assert_true(DT_OK("1970-01-01T00:00:00Z", &s, &ns));
	assert_int_equal(s, 0);
	assert_int_equal(ns, 0);
	assert_true(DT_OK("1970-01-01T01:00:00+01:00", &t, &ns));
	assert_int_equal(t, 0);
	assert_true(DT_OK("1969-12-31T23:30:00-00:30", &t, &ns));
	assert_int_equal(t, 0);
	assert_true(DT_OK("2026-11-21T10:00:00Z", &s, &ns));
	assert_int_equal(s, 1795255200);
	assert_true(DT_OK("2026-11-21 12:00:00+02:00", &t, &ns));
	assert_int_equal(t, s);
	assert_true(DT_OK("0001-01-01T00:00:00+23:59", &s, &ns));
	assert_int_equal(s, -719162LL * 86400 - 23 * 3600 - 59 * 60);
}

static void test_datetime_lowercase_t_and_z(void **state)
{
	int64_t s, t;
	int32_t ns;

	(void)state;
	assert_true(DT_OK("2020-05-06t07:08:09z", &s, &ns));
	assert_true(DT_OK("2020-05-06T07:08:09Z", &t, &ns));
	assert_int_equal(s, t);
}

static void test_datetime_offset_required(void **state)
{
	int64_t s;
	int32_t ns;

	(void)state;
	assert_false(DT_OK("2020-05-06T07:08:09", &s, &ns));
	assert_false(DT_OK("2020-05-06T07:08:09.5", &s, &ns));
	assert_false(DT_OK("2020-05-06T07:08:09+0100", &s, &ns));
	assert_false(DT_OK("2020-05-06T07:08:09+01", &s, &ns));
	assert_false(DT_OK("2020-05-06T07:08:09+24:00", &s, &ns));
	assert_false(DT_OK("2020-05-06T07:08:09+01:60", &s, &ns));
	assert_false(DT_OK("2020-05-06T07:08:09 Z", &s, &ns));
	assert_false(DT_OK("2020-05-06T07:08Z", &s, &ns));
	assert_false(DT_OK("2020-05-06_07:08:09Z", &s, &ns));
}

static void test_datetime_fraction_twelve_digits_truncated(void **state)
{
	int64_t s;
	int32_t ns;

	(void)state;
	assert_true(DT_OK("2020-01-01T00:00:00.123456789999Z", &s, &ns));
	assert_int_equal(ns, 123456789);
	assert_true(DT_OK("2020-01-01T00:00:00.5Z", &s, &ns));
	assert_int_equal(ns, 500000000);
	assert_true(DT_OK("2020-01-01T00:00:00.000000001Z", &s, &ns));
	assert_int_equal(ns, 1);
	assert_false(DT_OK("2020-01-01T00:00:00.Z", &s, &ns));
	assert_false(DT_OK("2020-01-01T00:00:00,5Z", &s, &ns));
}

static void test_datetime_leap_seconds(void **state)
{
	int64_t s, t;
	int32_t ns;

	(void)state;
	assert_true(DT_OK("2016-12-31T23:59:60Z", &s, &ns));
	assert_true(DT_OK("2016-12-31T23:59:59Z", &t, &ns));
	assert_int_equal(s, t);
	assert_true(DT_OK("2016-12-31T23:59:60.5Z", &s, &ns));
	assert_int_equal(ns, 999999999);
	assert_true(DT_OK("2016-12-31T15:59:60-08:00", &s, &ns));
	assert_int_equal(s, t);
	assert_true(DT_OK("2017-01-01T05:29:60+05:30", &s, &ns));
	assert_int_equal(s, t);
	assert_false(DT_OK("2016-12-31T23:59:60+01:00", &s, &ns));
	assert_false(DT_OK("2016-12-31T23:58:60Z", &s, &ns));
	assert_false(DT_OK("2016-12-31T23:59:61Z", &s, &ns));
}

static void test_time_with_and_without_offset(void **state)
{
	int64_t s;
	int32_t ns;

	(void)state;
	assert_true(TIME_OK("00:00:00", &s, &ns));
	assert_int_equal(s, 0);
	assert_true(TIME_OK("23:59:59.999", &s, &ns));
	assert_int_equal(s, 86399);
	assert_int_equal(ns, 999000000);
	assert_true(TIME_OK("12:00:00Z", &s, &ns));
	assert_int_equal(s, 43200);
	assert_true(TIME_OK("01:00:00+02:00", &s, &ns));
	assert_int_equal(s, -3600);
	assert_true(TIME_OK("23:00:00-02:00", &s, &ns));
	assert_int_equal(s, 90000);
	assert_false(TIME_OK("24:00:00", &s, &ns));
	assert_false(TIME_OK("12:00", &s, &ns));
	assert_false(TIME_OK("12:00:00 ", &s, &ns));
	assert_false(TIME_OK("1:00:00", &s, &ns));
}

static void test_time_leap_second_rules(void **state)
{
	int64_t s;
	int32_t ns;

	(void)state;
	/* contract.md: second 60 only where the time in UTC is 23:59 */
	assert_true(TIME_OK("23:59:60", &s, &ns));
	assert_int_equal(s, 86399);
	assert_int_equal(ns, 999999999);
	assert_true(TIME_OK("23:59:60Z", &s, &ns));
	assert_int_equal(s, 86399);
	assert_true(TIME_OK("23:59:60.5Z", &s, &ns));
	assert_true(TIME_OK("01:29:60+01:30", &s, &ns));
	assert_int_equal(s, -1);
	assert_true(TIME_OK("00:29:60-23:30", &s, &ns));
	assert_true(TIME_OK("15:59:60-08:00", &s, &ns));
	assert_false(TIME_OK("12:59:60", &s, &ns));
	assert_false(TIME_OK("23:58:60Z", &s, &ns));
	assert_false(TIME_OK("22:59:60Z", &s, &ns));
	assert_false(TIME_OK("23:59:60+01:00", &s, &ns));
	assert_false(TIME_OK("23:59:60-00:30", &s, &ns));
	assert_false(TIME_OK("23:59:61", &s, &ns));
	assert_true(TIME_OK("23:59:59.999999999Z", &s, &ns));
}

/* A conformance row: type, text, expected validity. */
struct row {
	dv_type type;
	const char *s;
	size_t len;
	bool valid;
};

#define ROW(t, lit, v) { t, lit, sizeof(lit) - 1, v }
#define DV_T_DATE_TIME DV_T_DATETIME

/*
 * Rows of JSON-Schema-Test-Suite optional/format/{date,date-time,time}
 * (commit 44401e0c, MIT), from ../shared/conformance. Two rows differ on
 * purpose: a time without offset is valid in dcval (spec: "optional
 * offset"), so their expectation is flipped and marked DIFFERS.
 */
static const struct row time_rows[] = {
	/* json-schema-test-suite/optional/format/date#0 */
	ROW(DV_T_DATE, "1963-06-19", true), /* a valid date string */
	ROW(DV_T_DATE, "2020-01-31", true), /* a valid date string with 31 days in January */
	ROW(DV_T_DATE, "2020-01-32", false), /* a invalid date string with 32 days in January */
	ROW(DV_T_DATE, "2021-02-28", true), /* a valid date string with 28 days in February (normal) */
	ROW(DV_T_DATE, "2020-02-30", false), /* a invalid date string with 30 days in February (leap) */
	ROW(DV_T_DATE, "2020-03-31", true), /* a valid date string with 31 days in March */
	ROW(DV_T_DATE, "2020-03-32", false), /* a invalid date string with 32 days in March */
	ROW(DV_T_DATE, "2020-04-30", true), /* a valid date string with 30 days in April */
	ROW(DV_T_DATE, "2020-04-31", false), /* a invalid date string with 31 days in April */
	ROW(DV_T_DATE, "2020-05-31", true), /* a valid date string with 31 days in May */
	ROW(DV_T_DATE, "2020-05-32", false), /* a invalid date string with 32 days in May */
	ROW(DV_T_DATE, "2020-06-30", true), /* a valid date string with 30 days in June */
	ROW(DV_T_DATE, "2020-06-31", false), /* a invalid date string with 31 days in June */
	ROW(DV_T_DATE, "2020-07-31", true), /* a valid date string with 31 days in July */
	ROW(DV_T_DATE, "2020-07-32", false), /* a invalid date string with 32 days in July */
	ROW(DV_T_DATE, "2020-08-31", true), /* a valid date string with 31 days in August */
	ROW(DV_T_DATE, "2020-08-32", false), /* a invalid date string with 32 days in August */
	ROW(DV_T_DATE, "2020-09-30", true), /* a valid date string with 30 days in September */
	ROW(DV_T_DATE, "2020-09-31", false), /* a invalid date string with 31 days in September */
	ROW(DV_T_DATE, "2020-10-31", true), /* a valid date string with 31 days in October */
	ROW(DV_T_DATE, "2020-10-32", false), /* a invalid date string with 32 days in October */
	ROW(DV_T_DATE, "2020-11-30", true), /* a valid date string with 30 days in November */
	ROW(DV_T_DATE, "2020-11-31", false), /* a invalid date string with 31 days in November */
	ROW(DV_T_DATE, "2020-12-31", true), /* a valid date string with 31 days in December */
	ROW(DV_T_DATE, "2020-12-32", false), /* a invalid date string with 32 days in December */
	ROW(DV_T_DATE, "06/19/1963", false), /* an invalid date string */
	ROW(DV_T_DATE, "2013-350", false), /* only RFC3339 not all of ISO 8601 are valid */
	ROW(DV_T_DATE, "1998-1-20", false), /* non-padded month dates are not valid */
	ROW(DV_T_DATE, "1998-01-1", false), /* non-padded day dates are not valid */
	ROW(DV_T_DATE, "1998-13-01", false), /* invalid month */
	ROW(DV_T_DATE, "2021-02-29", false), /* 2021 is not a leap year */
	ROW(DV_T_DATE, "2020-02-29", true), /* 2020 is a leap year */
	ROW(DV_T_DATE, "1963-06-1\340\247\252", false), /* invalid non-ASCII '৪' (a Bengali 4) [non-ascii] */
	ROW(DV_T_DATE, "2020-0\340\247\252-01", false), /* invalid: non-ASCII Bengali digit in month field [non-ascii] */
	ROW(DV_T_DATE, "20230328", false), /* ISO8601 / non-RFC3339: YYYYMMDD without dashes (2023-03-28) */
	ROW(DV_T_DATE, "2023-W01", false), /* ISO8601 / non-RFC3339: week number implicit day of week (2023-01-02) */
	ROW(DV_T_DATE, "2023-W13-2", false), /* ISO8601 / non-RFC3339: week number with day of week (2023-03-28) */
	ROW(DV_T_DATE, "2022W527", false), /* ISO8601 / non-RFC3339: week number rollover to next year (2023-01-01) */
	ROW(DV_T_DATE, "2020-11-28T23:55:45Z", false), /* an invalid time string in date-time format */
	ROW(DV_T_DATE, "0100-02-29", false), /* century year 0100 is not a leap year */
	ROW(DV_T_DATE, "0400-02-29", true), /* century year 0400 is a leap year */
	ROW(DV_T_DATE, "2100-02-29", false), /* century year 2100 is not a leap year */
	ROW(DV_T_DATE, " 2024-01-15", false), /* invalid: leading whitespace is not permitted */
	ROW(DV_T_DATE, "2024-01-15 ", false), /* invalid: trailing whitespace is not permitted */
	ROW(DV_T_DATE, "2024-00-15", false), /* invalid: month 00 is not valid per date-month range 01-12 */
	ROW(DV_T_DATE, "2024-01-00", false), /* invalid: day 00 is not valid per date-mday minimum of 01 */
	ROW(DV_T_DATE, "", false), /* invalid: empty string */
	ROW(DV_T_DATE, "2020 -01-01", false), /* invalid: embedded whitespace between year and month */
	ROW(DV_T_DATE, "2020-01-01X", false), /* invalid: trailing character after valid full-date */
	ROW(DV_T_DATE, "2020-01-01Z", false), /* invalid: trailing Z after full-date */
	ROW(DV_T_DATE, "2020-01-01 00:00:00Z", false), /* invalid: full-date followed by space and time component */
	ROW(DV_T_DATE, "0001-01-01", true), /* valid: four-digit year 0001 */
	ROW(DV_T_DATE, "20-01-01", false), /* invalid: two-digit year (N-2 digits) */
	ROW(DV_T_DATE, "998-01-01", false), /* invalid: three-digit year (N-1 digits) */
	ROW(DV_T_DATE, "12020-01-01", false), /* invalid: five-digit year (N+1 digits) */
	ROW(DV_T_DATE, "+2020-01-01", false), /* invalid: positive sign prefix on year */
	ROW(DV_T_DATE, "-2020-01-01", false), /* invalid: negative sign prefix on year */
	ROW(DV_T_DATE, "\340\247\250020-01-01", false), /* invalid: non-ASCII Bengali digit in year field [non-ascii] */
	ROW(DV_T_DATE, "YYYY-01-01", false), /* invalid: alphabetic characters in year field */
	ROW(DV_T_DATE, "2020-001-01", false), /* invalid: three-digit month (N+1 digits) */
	ROW(DV_T_DATE, "2020-MM-01", false), /* invalid: alphabetic characters in month field */
	ROW(DV_T_DATE, "2020-01-001", false), /* invalid: three-digit day (N+1 digits) */
	ROW(DV_T_DATE, "2020-01-DD", false), /* invalid: alphabetic characters in day field */
	ROW(DV_T_DATE, "2020:01:01", false), /* invalid: colon separators */
	ROW(DV_T_DATE, "2020.01.01", false), /* invalid: dot separators */
	ROW(DV_T_DATE, "2020 01 01", false), /* invalid: space separators */
	ROW(DV_T_DATE, "2020-01/01", false), /* invalid: mixed slash and hyphen separators */
	ROW(DV_T_DATE, "2020--01-01", false), /* invalid: duplicated first hyphen */
	ROW(DV_T_DATE, "2020-01--01", false), /* invalid: duplicated second hyphen */
	ROW(DV_T_DATE, "1582-10-10", true), /* valid: date inside the Julian to Gregorian reform gap */
	ROW(DV_T_DATE, "2147483648-01-01", false), /* invalid: year field numerically larger than a 32-bit signed integer */
	ROW(DV_T_DATE, "2020-01-0:", false), /* invalid: character just above '9' as the second digit of the day */
	ROW(DV_T_DATE, "\340\247\2500-01-01", false), /* invalid: non-ASCII digit leaving ten UTF-8 bytes but eight characters [non-ascii] */
	ROW(DV_T_DATE, "2020\342\200\22301\342\200\22301", false), /* invalid: en dash separators instead of hyphen-minus [non-ascii] */
	ROW(DV_T_DATE, "2020-01-01\000", false), /* invalid: NUL character after an otherwise valid full-date [nul-in-string] */
	/* json-schema-test-suite/optional/format/date-time#0 */
	ROW(DV_T_DATETIME, "1963-06-19T08:30:06.283185Z", true), /* a valid date-time string */
	ROW(DV_T_DATETIME, "1963-06-19T08:30:06Z", true), /* a valid date-time string without second fraction */
	ROW(DV_T_DATETIME, "1937-01-01T12:00:27.87+00:20", true), /* a valid date-time string with plus offset */
	ROW(DV_T_DATETIME, "1990-12-31T15:59:50.123-08:00", true), /* a valid date-time string with minus offset */
	ROW(DV_T_DATETIME, "1998-12-31T23:59:60Z", true), /* a valid date-time with a leap second, UTC [leap-second] */
	ROW(DV_T_DATETIME, "1998-12-31T15:59:60.123-08:00", true), /* a valid date-time with a leap second, with minus offset [leap-second] */
	ROW(DV_T_DATETIME, "1998-12-31T23:59:61Z", false), /* an invalid date-time past leap second, UTC */
	ROW(DV_T_DATETIME, "1998-12-31T23:58:60Z", false), /* an invalid date-time with leap second on a wrong minute, UTC [leap-second] */
	ROW(DV_T_DATETIME, "1998-12-31T22:59:60Z", false), /* an invalid date-time with leap second on a wrong hour, UTC [leap-second] */
	ROW(DV_T_DATETIME, "1990-02-31T15:59:59.123-08:00", false), /* an invalid day in date-time string */
	ROW(DV_T_DATETIME, "1990-12-31T15:59:59-24:00", false), /* an invalid offset in date-time string */
	ROW(DV_T_DATETIME, "1963-06-19T08:30:06.28123+01:00Z", false), /* an invalid closing Z after time-zone offset */
	ROW(DV_T_DATETIME, "1990-12-31T24:00:00Z", false), /* an invalid hour in date-time string */
	ROW(DV_T_DATETIME, "1990-12-31T15:60:00Z", false), /* an invalid minute in date-time string */
	ROW(DV_T_DATETIME, "1990-12-31T10:00:00+10:60", false), /* an invalid offset minute in date-time string */
	ROW(DV_T_DATETIME, "06/19/1963 08:30:06 PST", false), /* an invalid date-time string */
	ROW(DV_T_DATETIME, "1963-06-19t08:30:06.283185z", true), /* case-insensitive T and Z [rfc3339-lowercase-t-or-z] */
	ROW(DV_T_DATETIME, "2013-350T01:01:01", false), /* only RFC3339 not all of ISO 8601 are valid */
	ROW(DV_T_DATETIME, "1963-6-19T08:30:06.283185Z", false), /* invalid non-padded month dates */
	ROW(DV_T_DATETIME, "1963-06-1T08:30:06.283185Z", false), /* invalid non-padded day dates */
	ROW(DV_T_DATETIME, "1963-06-1\340\247\252T00:00:00Z", false), /* invalid non-ASCII '৪' (a Bengali 4) in date portion [non-ascii] */
	ROW(DV_T_DATETIME, "1963-06-11T0\340\247\252:00:00Z", false), /* invalid non-ASCII '৪' (a Bengali 4) in time portion [non-ascii] */
	ROW(DV_T_DATETIME, "+11963-06-19T08:30:06.283185Z", false), /* invalid extended year */
	ROW(DV_T_DATETIME, "1985-04-12T23:20:50+01", false), /* a numeric offset without minutes is invalid */
	ROW(DV_T_DATETIME, "2016-12-31T24:59:60+01:00", false), /* hour 24 is invalid even with a leap second [leap-second] */
	ROW(DV_T_DATETIME, "1985-04-12T00:59:59.999999999999999Z", true), /* a second fraction of fifteen nines is valid */
	ROW(DV_T_DATETIME, "1985-04-12T23:20:50Z\012", false), /* a trailing newline is invalid */
	/* json-schema-test-suite/optional/format/time#0 */
	ROW(DV_T_TIME, "08:30:06Z", true), /* a valid time string */
	ROW(DV_T_TIME, "008:030:006Z", false), /* invalid time string with extra leading zeros */
	ROW(DV_T_TIME, "8:3:6Z", false), /* invalid time string with no leading zero for single digit */
	ROW(DV_T_TIME, "8:0030:6Z", false), /* hour, minute, second must be two digits */
	ROW(DV_T_TIME, "23:59:60Z", true), /* a valid time string with leap second, Zulu [leap-second] */
	ROW(DV_T_TIME, "22:59:60Z", false), /* invalid leap second, Zulu (wrong hour) [leap-second] */
	ROW(DV_T_TIME, "23:58:60Z", false), /* invalid leap second, Zulu (wrong minute) [leap-second] */
	ROW(DV_T_TIME, "23:59:60+00:00", true), /* valid leap second, zero time-offset [leap-second] */
	ROW(DV_T_TIME, "22:59:60+00:00", false), /* invalid leap second, zero time-offset (wrong hour) [leap-second] */
	ROW(DV_T_TIME, "23:58:60+00:00", false), /* invalid leap second, zero time-offset (wrong minute) [leap-second] */
	ROW(DV_T_TIME, "01:29:60+01:30", true), /* valid leap second, positive time-offset [leap-second] */
	ROW(DV_T_TIME, "23:29:60+23:30", true), /* valid leap second, large positive time-offset [leap-second] */
	ROW(DV_T_TIME, "23:59:60+01:00", false), /* invalid leap second, positive time-offset (wrong hour) [leap-second] */
	ROW(DV_T_TIME, "23:59:60+00:30", false), /* invalid leap second, positive time-offset (wrong minute) [leap-second] */
	ROW(DV_T_TIME, "15:59:60-08:00", true), /* valid leap second, negative time-offset [leap-second] */
	ROW(DV_T_TIME, "00:29:60-23:30", true), /* valid leap second, large negative time-offset [leap-second] */
	ROW(DV_T_TIME, "23:59:60-01:00", false), /* invalid leap second, negative time-offset (wrong hour) [leap-second] */
	ROW(DV_T_TIME, "23:59:60-00:30", false), /* invalid leap second, negative time-offset (wrong minute) [leap-second] */
	ROW(DV_T_TIME, "23:20:50.52Z", true), /* a valid time string with second fraction */
	ROW(DV_T_TIME, "08:30:06.283185Z", true), /* a valid time string with precise second fraction */
	ROW(DV_T_TIME, "08:30:06+00:20", true), /* a valid time string with plus offset */
	ROW(DV_T_TIME, "08:30:06-08:00", true), /* a valid time string with minus offset */
	ROW(DV_T_TIME, "12:34:56-00:00", true), /* time with unknown local offset is valid */
	ROW(DV_T_TIME, "08:30:06-8:000", false), /* hour, minute in time-offset must be two digits */
	ROW(DV_T_TIME, "08:30:06z", true), /* a valid time string with case-insensitive Z [rfc3339-lowercase-t-or-z] */
	ROW(DV_T_TIME, "24:00:00Z", false), /* an invalid time string with invalid hour */
	ROW(DV_T_TIME, "00:60:00Z", false), /* an invalid time string with invalid minute */
	ROW(DV_T_TIME, "00:00:61Z", false), /* an invalid time string with invalid second */
	ROW(DV_T_TIME, "22:59:60Z", false), /* an invalid time string with invalid leap second (wrong hour) [leap-second] */
	ROW(DV_T_TIME, "23:58:60Z", false), /* an invalid time string with invalid leap second (wrong minute) [leap-second] */
	ROW(DV_T_TIME, "01:02:03+24:00", false), /* an invalid time string with invalid time numoffset hour */
	ROW(DV_T_TIME, "01:02:03+00:60", false), /* an invalid time string with invalid time numoffset minute */
	ROW(DV_T_TIME, "01:02:03Z+00:30", false), /* an invalid time string with invalid time with both Z and numoffset */
	ROW(DV_T_TIME, "08:30:06 PST", false), /* an invalid offset indicator */
	ROW(DV_T_TIME, "01:01:01,1111", false), /* only RFC3339 not all of ISO 8601 are valid */
	ROW(DV_T_TIME, "12:00:00", true), /* DIFFERS: no time offset [rfc3339-offset-required] */
	ROW(DV_T_TIME, "12:00:00.52", true), /* DIFFERS: no time offset with second fraction [rfc3339-offset-required] */
	ROW(DV_T_TIME, "1\340\247\250:00:00Z", false), /* invalid non-ASCII '২' (a Bengali 2) [non-ascii] */
	ROW(DV_T_TIME, "08:30:06#00:20", false), /* offset not starting with plus or minus */
	ROW(DV_T_TIME, "ab:cd:ef", false), /* contains letters */
	ROW(DV_T_TIME, "2020-11-28T23:55:45Z", false), /* an invalid time string in date-time format */
};

static bool parse_row(const struct row *r)
{
	int64_t i;
	int32_t ns;

	switch (r->type) {
	case DV_T_DATE:
		return dv_parse_date(r->s, r->len, &i);
	case DV_T_DATETIME:
		return dv_parse_datetime(r->s, r->len, &i, &ns);
	default:
		return dv_parse_time(r->s, r->len, &i, &ns);
	}
}

static void test_conformance_date_time_rows(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(time_rows) / sizeof(time_rows[0]); i++)
		if (parse_row(&time_rows[i]) != time_rows[i].valid)
			fail_msg("row %zu '%s': want %s", i, time_rows[i].s,
				 time_rows[i].valid ? "valid" : "invalid");
}

/* dv_parse_with_format on a literal; expects success. */
static dv_typed fmt_ok(const char *fmt, dv_type t, const char *s)
{
	dv_typed v;

	if (!dv_parse_with_format(fmt, t, s, strlen(s), &v))
		fail_msg("'%s' with '%s' rejected", s, fmt);
	return v;
}

static bool fmt_try(const char *fmt, dv_type t, const char *s)
{
	dv_typed v;

	return dv_parse_with_format(fmt, t, s, strlen(s), &v);
}

static void test_format_date_patterns(void **state)
{
	(void)state;
	assert_int_equal(fmt_ok("%d/%m/%Y", DV_T_DATE, "29/02/2024").i,
			 dv_days_from_civil(2024, 2, 29));
	assert_int_equal(fmt_ok("%d/%m/%Y", DV_T_DATE, "1/2/2024").i,
			 dv_days_from_civil(2024, 2, 1));
	assert_int_equal(fmt_ok("%F", DV_T_DATE, "2024-03-01").i,
			 dv_days_from_civil(2024, 3, 1));
	assert_int_equal(fmt_ok("%Y%m%d", DV_T_DATE, "20240301").i,
			 dv_days_from_civil(2024, 3, 1));
	assert_int_equal(fmt_ok("%d %b %Y", DV_T_DATE, "5 SEP 2021").i,
			 dv_days_from_civil(2021, 9, 5));
	assert_int_equal(fmt_ok("%B %d, %Y", DV_T_DATE, "september 5, 2021").i,
			 dv_days_from_civil(2021, 9, 5));
	assert_int_equal(fmt_ok("%b/%y", DV_T_DATE, "May/68").i,
			 dv_days_from_civil(2068, 5, 1));
	assert_int_equal(fmt_ok("%y", DV_T_DATE, "69").i,
			 dv_days_from_civil(1969, 1, 1));
	assert_int_equal(fmt_ok("%Y-%j", DV_T_DATE, "2024-060").i,
			 dv_days_from_civil(2024, 2, 29));
	assert_int_equal(fmt_ok("%Y-%j", DV_T_DATE, "2024-366").i,
			 dv_days_from_civil(2024, 12, 31));
	assert_int_equal(fmt_ok("100%%", DV_T_DATE, "100%").i, 0);
}

static void test_format_rejects_bad_days_and_leftovers(void **state)
{
	(void)state;
	assert_false(fmt_try("%d/%m/%Y", DV_T_DATE, "29/02/2023"));
	assert_false(fmt_try("%d/%m/%Y", DV_T_DATE, "31/04/2023"));
	assert_false(fmt_try("%d/%m/%Y", DV_T_DATE, "01/13/2023"));
	assert_false(fmt_try("%d/%m/%Y", DV_T_DATE, "01/01/2023 "));
	assert_false(fmt_try("%d/%m/%Y", DV_T_DATE, "01/01/23"));
	assert_false(fmt_try("%d/%m/%Y", DV_T_DATE, "01/01/0000"));
	assert_false(fmt_try("%Y-%j", DV_T_DATE, "2023-366"));
	assert_false(fmt_try("%Y-%j", DV_T_DATE, "2023-000"));
	assert_false(fmt_try("%Y-%m-%d %j", DV_T_DATE, "2024-01-02 003"));
	assert_true(fmt_try("%Y-%m-%d %j", DV_T_DATE, "2024-01-03 003"));
	assert_false(fmt_try("%b", DV_T_DATE, "Sept"));
	assert_false(fmt_try("%Y", DV_T_DATE, "2024-"));
	assert_false(fmt_try("%Y", DV_T_DATE, "024"));
	assert_false(fmt_try("%Q", DV_T_DATE, "x"));
	assert_false(fmt_try("%", DV_T_DATE, ""));
	assert_false(fmt_try("%Y", DV_T_STRING, "2024"));
}

static void test_format_datetime_patterns(void **state)
{
	dv_typed v;

	(void)state;
	v = fmt_ok("%Y-%m-%d %H:%M:%S", DV_T_DATETIME, "1970-01-02 00:00:01");
	assert_int_equal(v.i, 86401);
	v = fmt_ok("%d/%m/%Y %I:%M %p", DV_T_DATETIME, "01/01/1970 12:30 am");
	assert_int_equal(v.i, 30 * 60);
	v = fmt_ok("%d/%m/%Y %I:%M %p", DV_T_DATETIME, "01/01/1970 12:30 PM");
	assert_int_equal(v.i, 12 * 3600 + 30 * 60);
	v = fmt_ok("%d/%m/%Y %I:%M%p", DV_T_DATETIME, "01/01/1970 1:05pm");
	assert_int_equal(v.i, 13 * 3600 + 5 * 60);
	v = fmt_ok("%FT%T.%f%z", DV_T_DATETIME, "1970-01-01T01:00:00.25+01:00");
	assert_int_equal(v.i, 0);
	assert_int_equal(v.ns, 250000000);
	v = fmt_ok("%F %T%z", DV_T_DATETIME, "1970-01-01 00:00:00-0130");
	assert_int_equal(v.i, 5400);
	v = fmt_ok("%F %T%z", DV_T_DATETIME, "1970-01-01 00:00:00z");
	assert_int_equal(v.i, 0);
	v = fmt_ok("%F %T", DV_T_DATETIME, "2016-12-31 23:59:60");
	assert_int_equal(v.ns, 999999999);
	assert_false(fmt_try("%F %T", DV_T_DATETIME, "2016-12-31 22:59:60"));
	assert_false(fmt_try("%F %T", DV_T_DATETIME, "2016-12-31 24:00:00"));
	assert_false(fmt_try("%F %T%z", DV_T_DATETIME, "2016-12-31 00:00:00+2400"));
	assert_false(fmt_try("%F %T%z", DV_T_DATETIME, "2016-12-31 00:00:00+01"));
	assert_false(fmt_try("%I:%M", DV_T_TIME, "13:00"));
	assert_false(fmt_try("%I %p", DV_T_TIME, "1 XM"));
	assert_false(fmt_try("%S.%f", DV_T_TIME, "01.1234567890"));
}

static void test_format_time_patterns(void **state)
{
	dv_typed v;

	(void)state;
	v = fmt_ok("%H%M", DV_T_TIME, "0930");
	assert_int_equal(v.i, 9 * 3600 + 30 * 60);
	v = fmt_ok("%H:%M:%S%z", DV_T_TIME, "09:30:00+09:30");
	assert_int_equal(v.i, 0);
	v = fmt_ok("%T.%f", DV_T_TIME, "00:00:01.000001");
	assert_int_equal(v.i, 1);
	assert_int_equal(v.ns, 1000);
}

static void test_format_pattern_validation(void **state)
{
	const char *bad = NULL, *first = NULL;
	const char *f;

	(void)state;
	assert_int_equal(dv_format_pattern_check("%Y-%m-%d %H:%M:%S.%f%z",
						 DV_T_DATETIME, &bad, &first),
			 DV_FMTP_OK);
	assert_int_equal(dv_format_pattern_check("%F %I:%M %p %% %j %z",
						 DV_T_DATETIME, &bad, &first),
			 DV_FMTP_OK);
	assert_int_equal(dv_format_pattern_check("%d %B %y %j %%", DV_T_DATE,
						 &bad, &first),
			 DV_FMTP_OK);
	assert_int_equal(dv_format_pattern_check("%I.%M %p %z", DV_T_TIME, &bad,
						 &first),
			 DV_FMTP_OK);
	assert_int_equal(dv_format_pattern_check("plain", DV_T_DATE, &bad,
						 &first),
			 DV_FMTP_OK);
	f = "%Y-%q";
	assert_int_equal(dv_format_pattern_check(f, DV_T_DATE, &bad, &first),
			 DV_FMTP_UNKNOWN);
	assert_ptr_equal(bad, f + 3);
	f = "%Y%";
	assert_int_equal(dv_format_pattern_check(f, DV_T_DATE, &bad, &first),
			 DV_FMTP_UNKNOWN);
	assert_ptr_equal(bad, f + 2);
	/* repeated: the same directive, or another one setting the same field */
	f = "%Y%Y";
	assert_int_equal(dv_format_pattern_check(f, DV_T_DATE, &bad, &first),
			 DV_FMTP_REPEATED);
	assert_ptr_equal(bad, f + 2);
	assert_ptr_equal(first, f);
	f = "%F %y";
	assert_int_equal(dv_format_pattern_check(f, DV_T_DATETIME, &bad, &first),
			 DV_FMTP_REPEATED);
	assert_ptr_equal(bad, f + 3);
	assert_ptr_equal(first, f);
	assert_string_equal(dv_format_field_name(bad, first), "year");
	f = "%d %b %m";
	assert_int_equal(dv_format_pattern_check(f, DV_T_DATE, &bad, &first),
			 DV_FMTP_REPEATED);
	assert_ptr_equal(bad, f + 6);
	assert_ptr_equal(first, f + 3);
	assert_string_equal(dv_format_field_name(bad, first), "month");
	f = "%H:%M %T";
	assert_int_equal(dv_format_pattern_check(f, DV_T_TIME, &bad, &first),
			 DV_FMTP_REPEATED);
	assert_ptr_equal(bad, f + 6);
	assert_ptr_equal(first, f);
	assert_string_equal(dv_format_field_name(bad, first), "hour");
	assert_int_equal(dv_format_pattern_check("%I %H", DV_T_TIME, &bad,
						 &first),
			 DV_FMTP_REPEATED);
	/* foreign: clock directives on a date, date ones on a time */
	f = "%d/%m/%Y %H";
	assert_int_equal(dv_format_pattern_check(f, DV_T_DATE, &bad, &first),
			 DV_FMTP_FOREIGN);
	assert_ptr_equal(bad, f + 9);
	assert_int_equal(dv_format_pattern_check("%F", DV_T_TIME, &bad, &first),
			 DV_FMTP_FOREIGN);
	assert_int_equal(dv_format_pattern_check("%T", DV_T_DATE, &bad, &first),
			 DV_FMTP_FOREIGN);
	assert_int_equal(dv_format_pattern_check("%Y %z", DV_T_DATE, &bad,
						 &first),
			 DV_FMTP_FOREIGN);
	assert_int_equal(dv_format_pattern_check("%H %j", DV_T_TIME, &bad,
						 &first),
			 DV_FMTP_FOREIGN);
	assert_int_equal(dv_format_pattern_check("%H %p %f", DV_T_DATETIME,
						 &bad, &first),
			 DV_FMTP_OK);
}

static void test_typed_cmp_orders(void **state)
{
	dv_typed a = { 0 }, b = { 0 };

	(void)state;
	a.d = -0.0;
	b.d = 0.0;
	assert_int_equal(dv_typed_cmp(DV_T_NUMBER, &a, &b), 0);
	a.d = 1.5;
	assert_true(dv_typed_cmp(DV_T_NUMBER, &a, &b) > 0);
	a.i = INT64_MIN;
	b.i = INT64_MAX;
	assert_true(dv_typed_cmp(DV_T_INTEGER, &a, &b) < 0);
	a.i = b.i = 5;
	a.ns = 2;
	b.ns = 1;
	assert_true(dv_typed_cmp(DV_T_DATETIME, &a, &b) > 0);
	assert_true(dv_typed_cmp(DV_T_TIME, &b, &a) < 0);
	assert_int_equal(dv_typed_cmp(DV_T_DATE, &a, &b), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_type_names_round_trip),
		cmocka_unit_test(test_type_articles),
		cmocka_unit_test(test_integer_valid_forms),
		cmocka_unit_test(test_integer_limits_exact),
		cmocka_unit_test(test_integer_overflow_rejected),
		cmocka_unit_test(test_integer_bad_syntax_rejected),
		cmocka_unit_test(test_integer_reads_only_len_bytes),
		cmocka_unit_test(test_number_valid_forms),
		cmocka_unit_test(test_number_bad_syntax_rejected),
		cmocka_unit_test(test_number_overflow_rejected),
		cmocka_unit_test(test_number_underflow_is_zero),
		cmocka_unit_test(test_number_hard_roundings_exact),
		cmocka_unit_test(test_number_random_short_match_strtod),
		cmocka_unit_test(test_number_400_digits_match_strtod),
		cmocka_unit_test(test_number_sticky_digit_decides_rounding),
		cmocka_unit_test(test_number_ten_thousand_digits_parse),
		cmocka_unit_test(test_number_ignores_process_locale),
		cmocka_unit_test(test_number_reads_only_len_bytes),
		cmocka_unit_test(test_days_from_civil_epoch_and_extremes),
		cmocka_unit_test(test_date_leap_years),
		cmocka_unit_test(test_date_range_and_syntax),
		cmocka_unit_test(test_datetime_offsets_to_utc),
		cmocka_unit_test(test_datetime_lowercase_t_and_z),
		cmocka_unit_test(test_datetime_offset_required),
		cmocka_unit_test(test_datetime_fraction_twelve_digits_truncated),
		cmocka_unit_test(test_datetime_leap_seconds),
		cmocka_unit_test(test_time_with_and_without_offset),
		cmocka_unit_test(test_time_leap_second_rules),
		cmocka_unit_test(test_conformance_date_time_rows),
		cmocka_unit_test(test_format_date_patterns),
		cmocka_unit_test(test_format_rejects_bad_days_and_leftovers),
		cmocka_unit_test(test_format_datetime_patterns),
		cmocka_unit_test(test_format_time_patterns),
		cmocka_unit_test(test_format_pattern_validation),
		cmocka_unit_test(test_typed_cmp_orders),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
