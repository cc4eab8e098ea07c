/*
 * Unit tests of src/value/duration.c: contract durations (`26h`, `7d`).
 */
#include "unit.h"

#include <string.h>

#include "value/duration.h"

static int64_t ms_of(const char *s)
{
	int64_t ms = -1;

	assert_true(dv_parse_duration(s, strlen(s), &ms));
	return ms;
}

static void rejects(const char *s)
{
	int64_t ms = -1;

	assert_false(dv_parse_duration(s, strlen(s), &ms));
	assert_int_equal(ms, -1);
}

static void test_duration_units(void **state)
{
	(void)state;
	assert_int_equal(ms_of("5ms"), 5);
	assert_int_equal(ms_of("1s"), 1000);
	assert_int_equal(ms_of("90m"), 90 * 60 * 1000);
	assert_int_equal(ms_of("26h"), 26LL * 3600 * 1000);
	assert_int_equal(ms_of("7d"), 7LL * 86400 * 1000);
	assert_int_equal(ms_of("2w"), 14LL * 86400 * 1000);
	assert_int_equal(ms_of("007s"), 7000);
}

static void test_duration_rejects(void **state)
{
	(void)state;
	rejects("");
	rejects("0h");
	rejects("00d");
	rejects("h");
	rejects("-1h");
	rejects("+1h");
	rejects("1");
	rejects("1y");
	rejects("1H");
	rejects("1 h");
	rejects("1hh");
	rejects("1.5h");
	rejects("99999999999999999999ms");
	rejects("9999999999999999w");
}

static void test_duration_span(void **state)
{
	(void)state;
	assert_int_equal(dv_duration_span("30d)", 4), 3);
	assert_int_equal(dv_duration_span("5ms + x", 7), 3);
	assert_int_equal(dv_duration_span("5m", 2), 2);
	assert_int_equal(dv_duration_span("5", 1), 0);
	assert_int_equal(dv_duration_span("d5", 2), 0);
	assert_int_equal(dv_duration_span("12x", 3), 0);
}

static void test_duration_whole_days(void **state)
{
	(void)state;
	assert_true(dv_duration_whole_days(ms_of("2d")));
	assert_true(dv_duration_whole_days(ms_of("48h")));
	assert_false(dv_duration_whole_days(ms_of("36h")));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_duration_units),
		cmocka_unit_test(test_duration_rejects),
		cmocka_unit_test(test_duration_span),
		cmocka_unit_test(test_duration_whole_days),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
