/*
 * Unit tests of exact numbers: src/value/decimal.c (exact comparison,
 * integral conversion, canonical keys), dv_parse_number's digit
 * gathering, and the checks that use them on CSV input (`unique` and
 * bounds on number columns compare exact values, not doubles).
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "dcval/dcval.h"
#include "value/decimal.h"
#include "value/types.h"
#include "harness.h"

#define CMP(a, b) dv_dec_cmp(a, strlen(a), b, strlen(b))

static void test_dec_cmp_exact(void **state)
{
	(void)state;
	assert_int_equal(CMP("1", "1.0"), 0);
	assert_int_equal(CMP("1", "1e0"), 0);
	assert_int_equal(CMP("1", "10e-1"), 0);
	assert_int_equal(CMP("100", "1e2"), 0);
	assert_int_equal(CMP("0.05", "5e-2"), 0);
	assert_int_equal(CMP("-0", "0"), 0);
	assert_int_equal(CMP("0.000", "-0e5"), 0);
	assert_int_equal(CMP("9007199254740993", "9007199254740992"), 1);
	assert_int_equal(CMP("9007199254740992", "9007199254740993"), -1);
	assert_int_equal(CMP("-9007199254740993", "-9007199254740992"), -1);
	assert_int_equal(CMP("0.1", "0.10000000000000000001"), -1);
	assert_int_equal(CMP("12.5", "12.50"), 0);
	assert_int_equal(CMP("12.5", "12.49999"), 1);
	assert_int_equal(CMP("-1", "1"), -1);
	assert_int_equal(CMP("0", "1e-400"), -1);
	assert_int_equal(CMP("1e-400", "2e-400"), -1);
	assert_int_equal(CMP("1e400", "9e399"), 1);
	assert_int_equal(CMP(".5", "5."), -1);
	assert_int_equal(CMP("+5", "5"), 0);
}

static void test_dec_to_int64(void **state)
{
	int64_t v;

	(void)state;
#define INT(s) dv_dec_to_int64(s, strlen(s), &v)
	assert_true(INT("7") && v == 7);
	assert_true(INT("7.0") && v == 7);
	assert_true(INT("1e2") && v == 100);
	assert_true(INT("1.5e1") && v == 15);
	assert_true(INT("-0") && v == 0);
	assert_true(INT("0.0e-7") && v == 0);
	assert_true(INT("9223372036854775807") && v == INT64_MAX);
	assert_true(INT("-9223372036854775808") && v == INT64_MIN);
	assert_true(INT("9.223372036854775807e18") && v == INT64_MAX);
	assert_true(INT("900719925474099.3e1") && v == 9007199254740993);
	assert_false(INT("9223372036854775808"));
	assert_false(INT("-9223372036854775809"));
	assert_false(INT("1e19"));
	assert_false(INT("1e400"));
	assert_false(INT("1e-400"));
	assert_false(INT("0.5"));
	assert_false(INT("1.05e1"));
	assert_false(INT("x"));
#undef INT
}

/* The canonical key of s, as a C string (keys of these are text). */
static const char *key(dv_buf *b, const char *s)
{
	dv_buf_reset(b);
	assert_int_equal(dv_dec_key(s, strlen(s), b), DCVAL_OK);
	return b->data;
}

static void test_dec_key_canonical(void **state)
{
	dv_buf b, c;

	(void)state;
	dv_buf_init(&b, 1024);
	dv_buf_init(&c, 1024);
	assert_string_equal(key(&b, "1.50"), "15e1");
	assert_string_equal(key(&b, "15e-1"), "15e1");
	assert_string_equal(key(&b, "-0.0"), "0");
	assert_string_equal(key(&b, "0"), "0");
	assert_string_equal(key(&b, "-120"), "-12e3");
	assert_string_equal(key(&b, "0.00123"), "123e-2");
	assert_string_equal(key(&b, "100.001"), "100001e3");
	assert_string_equal(key(&b, "9007199254740993"), "9007199254740993e16");
	assert_string_equal(key(&b, "9007199254740992"), "9007199254740992e16");
	dv_buf_reset(&c);
	assert_int_equal(dv_dec_key_json("[1.0,\"1.0\",{\"a\":-2e0}]", 22, &c),
			 DCVAL_OK);
	assert_string_equal(c.data, "[1e1,\"1.0\",{\"a\":-2e1}]");
	assert_int_equal(dv_dec_key("x", 1, &b), DCVAL_EINTERNAL);
	dv_buf_release(&b);
	dv_buf_release(&c);
}

/* Regression: 20-digit integers whose gathered significand wrapped to 0
 * (92233720368547758080 is 5 * 2^64) were read as 0. */
static void test_parse_number_no_wrap(void **state)
{
	double d;

	(void)state;
	assert_true(dv_parse_number("92233720368547758080", 20, &d));
	assert_true(d == 92233720368547758080.0);
	assert_true(dv_parse_number("18446744073709551616", 20, &d));
	assert_true(d == 18446744073709551616.0);
	assert_true(dv_parse_number("-0.000184467440737095516160", 27, &d));
	assert_true(d == -0.00018446744073709551616);
}

static const char *const CSV_YAML =
	"contract: t\n"
	"columns:\n"
	"  - {name: n, type: number, unique: true}\n"
	"  - {name: m, type: number, maximum: 9007199254740992,"
	" exclusive_minimum: 0.1}\n";

static void run_csv(const char *data, struct run *r)
{
	struct input in = { data, strlen(data) };
	struct run_cfg cfg = { .format = DCVAL_FORMAT_CSV };

	run_inputs(CSV_YAML, &in, 1, &cfg, r);
}

/* Regression: unique on a number column compared doubles, so
 * 9007199254740993 repeated 9007199254740992 (in CSV too). */
static void test_csv_unique_number_exact(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_csv("n,m\n9007199254740992,1\n9007199254740993,1\n1,1\n1.0,1\n"
		"10e-1,1\n-0,1\n0,1\n0.30000000000000000001,1\n0.3,1\n",
		&r);
	assert_int_equal(r.counts.records, 9);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.digest,
			    "unique:4:5:1:n unique:5:6:1:n unique:7:8:1:n");
	run_free(&r);
}

/* Bounds on a number column: exact where the doubles tie. */
static void test_csv_number_bounds_exact(void **state)
{
	struct run r = RUN_INIT;

	(void)state;
	run_csv("n,m\n1,9007199254740992\n2,9007199254740993\n3,9007199254740992.0\n"
		"4,0.1000000000000000000001\n5,0.1\n6,0.10000000000000000000\n",
		&r);
	assert_int_equal(r.counts.records, 6);
	assert_string_equal(r.digest,
			    "maximum:2:3:2:m exclusive_minimum:5:6:2:m "
			    "exclusive_minimum:6:7:2:m");
	run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dec_cmp_exact),
		cmocka_unit_test(test_dec_to_int64),
		cmocka_unit_test(test_dec_key_canonical),
		cmocka_unit_test(test_parse_number_no_wrap),
		cmocka_unit_test(test_csv_unique_number_exact),
		cmocka_unit_test(test_csv_number_bounds_exact),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
