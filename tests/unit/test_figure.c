/*
 * Unit tests of src/value/figure.c: the measured figure of a dataset
 * violation (contract.md "Dataset checks": `0.0712`, `3`, `512.5`).
 */
#include "unit.h"

#include <math.h>
#include <string.h>

#include "value/figure.h"

static void expect(double x, const char *want)
{
	char buf[DV_FIGURE_MAX];

	assert_int_equal(dv_figure(x, buf), strlen(want));
	assert_string_equal(buf, want);
}

static void test_figure_spec_examples(void **state)
{
	(void)state;
	expect(0.0712, "0.0712");
	expect(3, "3");
	expect(512.5, "512.5");
}

static void test_figure_rounds_to_six_digits(void **state)
{
	(void)state;
	expect(1.0 / 3, "0.333333");
	expect(2.0 / 3, "0.666667");
	expect(0.30000000000000004, "0.3");
	expect(123456.7, "123457");
	expect(1234567, "1.23457e+06");
	expect(1000000, "1e+06");
	expect(-0.5, "-0.5");
	expect(0.00001234, "1.234e-05");
}

/* Regression: the fewest digits that read back are printed without an
 * exponent where %g would print them so at 6 digits (150, not 1.5e+02). */
static void test_figure_no_exponent_below_a_million(void **state)
{
	(void)state;
	expect(150, "150");
	expect(10000, "10000");
	expect(103.33333333, "103.333");
	expect(500, "500");
	expect(999999, "999999");
	expect(0.0001, "0.0001");
}

static void test_figure_special_values(void **state)
{
	(void)state;
	expect(0.0, "0");
	expect(-0.0, "0");
	expect(NAN, "nan");
	expect(INFINITY, "inf");
	expect(-INFINITY, "-inf");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figure_spec_examples),
		cmocka_unit_test(test_figure_rounds_to_six_digits),
		cmocka_unit_test(test_figure_special_values),
		cmocka_unit_test(test_figure_no_exponent_below_a_million),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
