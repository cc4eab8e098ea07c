/*
 * Unit tests of src/value/instant.c: ISO 8601 text of days and instants
 * in UTC, around the epoch, leap days, the ends of the year range, and
 * fractions without trailing zeros; each checked against the parsers.
 */
#include "unit.h"

#include "value/instant.h"
#include "value/types.h"

static void expect_day(const char *text)
{
	char buf[DV_INSTANT_MAX];
	int64_t days;

	assert_true(dv_parse_date(text, strlen(text), &days));
	assert_int_equal(dv_format_day(days, buf), strlen(text));
	assert_string_equal(buf, text);
}

static void expect_instant(const char *in, const char *want)
{
	char buf[DV_INSTANT_MAX];
	int64_t secs;
	int32_t ns;

	assert_true(dv_parse_datetime(in, strlen(in), &secs, &ns));
	assert_int_equal(dv_format_instant(secs, ns, buf), strlen(want));
	assert_string_equal(buf, want);
}

static void test_days(void **state)
{
	(void)state;
	expect_day("1970-01-01");
	expect_day("1969-12-31");
	expect_day("2000-02-29");
	expect_day("2024-02-29");
	expect_day("2100-03-01");
	expect_day("0001-01-01");
	expect_day("9999-12-31");
}

static void test_instants(void **state)
{
	(void)state;
	expect_instant("1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z");
	expect_instant("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z");
	expect_instant("2026-11-21T01:00:00+02:00", "2026-11-20T23:00:00Z");
	expect_instant("2026-11-20T04:30:00.5-05:00", "2026-11-20T09:30:00.5Z");
	expect_instant("2026-11-20T09:30:00.000120Z", "2026-11-20T09:30:00.00012Z");
	expect_instant("0001-01-01T00:00:00.000000001Z", "0001-01-01T00:00:00.000000001Z");
	expect_instant("9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_instants),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
