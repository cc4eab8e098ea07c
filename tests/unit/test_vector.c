/*
 * Unit tests of src/value/vector.c: the `vector` type's text (contract.md
 * Types: brackets, elements in `number` syntax, commas, optional spaces,
 * `[]` has dimension 0), elements beyond the double range, and the norm.
 */
#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "value/types.h"
#include "value/vector.h"

static bool parse(const char *s, dv_vecstat *vs)
{
	memset(vs, 0xa5, sizeof(*vs));
	return dv_parse_vector(s, strlen(s), vs);
}

static void ok(const char *s, uint64_t dim, double norm)
{
	dv_vecstat vs;

	if (!parse(s, &vs))
		fail_msg("'%s' is not a vector", s);
	assert_int_equal(vs.dim, dim);
	assert_int_equal(vs.nonfinite, 0);
	if (fabs(vs.norm - norm) > 1e-12 * (norm > 1 ? norm : 1))
		fail_msg("'%s': norm %.17g, want %.17g", s, vs.norm, norm);
}

static void bad(const char *s)
{
	dv_vecstat vs;

	if (parse(s, &vs))
		fail_msg("'%s' parsed as a vector", s);
}

static void test_vector_plain(void **state)
{
	(void)state;
	ok("[1.0, 2.5]", 2, sqrt(1 + 6.25));
	ok("[3,4]", 2, 5);
	ok("[0.6, 0.8, 0]", 3, 1);
	ok("[-3, -4]", 2, 5);
	ok("[7]", 1, 7);
}

static void test_vector_spaces(void **state)
{
	(void)state;
	ok("[ 3 , 4 ]", 2, 5);
	ok("[3 ,4]", 2, 5);
	ok("[  3,  4  ]", 2, 5);
	ok("[\t3,\t4\t]", 2, 5);
	/* outside the brackets and inside an element they are not allowed */
	bad(" [3, 4]");
	bad("[3, 4] ");
	bad("[3 4]");
	bad("[- 3]");
	bad("[3\n, 4]");
}

static void test_vector_number_syntax(void **state)
{
	(void)state;
	ok("[1e2, -1.5E-1, +.5, 5., 0.0]", 5,
	   sqrt(1e4 + 0.0225 + 0.25 + 25));
	ok("[-0]", 1, 0);
	bad("[NaN]");
	bad("[nan, 1]");
	bad("[Inf]");
	bad("[-Infinity]");
	bad("[0x10]");
	bad("[1e]");
	bad("[.]");
	bad("[1,2,e5]");
	bad("[true]");
	bad("[null]");
}

static void test_vector_empty(void **state)
{
	(void)state;
	ok("[]", 0, 0);
	ok("[ ]", 0, 0);
	ok("[   \t ]", 0, 0);
	bad("");
	bad("[");
	bad("]");
	bad("[,]");
	bad("[ , ]");
}

static void test_vector_commas(void **state)
{
	(void)state;
	bad("[1,]");
	bad("[1, ]");
	bad("[,1]");
	bad("[1,,2]");
	bad("[1 , , 2]");
	bad("1, 2");
	bad("(1, 2)");
	bad("[1; 2]");
}

static void test_vector_nested_and_strings(void **state)
{
	(void)state;
	bad("[[1, 2]]");
	bad("[1, [2]]");
	bad("[[]]");
	bad("[\"1\", 2]");
	bad("[\"1\"]");
	bad("[{\"a\": 1}]");
	bad("{\"a\": [1]}");
	bad("[1, 2]]");
	bad("[[1, 2]");
}

/* An element in number syntax beyond the double range is counted and
 * marked; one too small for a double is 0. */
static void test_vector_overflow(void **state)
{
	dv_vecstat vs;

	(void)state;
	assert_true(parse("[1, 1e999, -1e999]", &vs));
	assert_int_equal(vs.dim, 3);
	assert_int_equal(vs.nonfinite, 2);
	assert_true(parse("[1e999]", &vs));
	assert_int_equal(vs.nonfinite, 1);
	assert_true(parse("[0, 0, 1.8e308]", &vs));
	assert_int_equal(vs.nonfinite, 3);
	ok("[1e-999, 3, 4]", 3, 5);
	ok("[1.7976931348623157e308]", 1, 1.7976931348623157e308);
}

/* Squares that overflow (elements near 1e154 and above) are summed again
 * with scaling: the norm stays exact to rounding. */
static void test_vector_norm_scaled(void **state)
{
	dv_vecstat vs;

	(void)state;
	ok("[3e200, 4e200]", 2, 5e200);
	ok("[1e300, 1e300]", 2, sqrt(2) * 1e300);
	ok("[1e-200, 1e-200]", 2, sqrt(2) * 1e-200);
	/* a norm beyond the double range is infinite, not a finite matter */
	assert_true(parse("[1.7e308, 1.7e308]", &vs));
	assert_int_equal(vs.nonfinite, 0);
	assert_true(isinf(vs.norm));
}

/* A large vector: one pass, the count and the sum of squares. */
static void test_vector_huge_dimension(void **state)
{
	size_t n = 1000000, i, o = 0;
	char *s = malloc(n * 2 + 2);
	dv_vecstat vs;

	(void)state;
	assert_non_null(s);
	s[o++] = '[';
	for (i = 0; i < n; i++) {
		if (i)
			s[o++] = ',';
		s[o++] = '1';
	}
	s[o++] = ']';
	assert_true(dv_parse_vector(s, o, &vs));
	assert_int_equal(vs.dim, n);
	assert_int_equal(vs.nonfinite, 0);
	assert_true(vs.norm == 1000.0);
	s[o - 1] = ',';
	assert_false(dv_parse_vector(s, o, &vs));
	free(s);
}

/* The text is a byte slice: nothing past len is read. */
static void test_vector_slice(void **state)
{
	dv_vecstat vs;

	(void)state;
	assert_true(dv_parse_vector("[3, 4]trailing", 6, &vs));
	assert_int_equal(vs.dim, 2);
	assert_false(dv_parse_vector("[3, 4]", 5, &vs));
	assert_false(dv_parse_vector("[3, 4]", 0, &vs));
}

/* A random element text: plain decimals of every length around the fast
 * path's 15 digits, leading zeros, a '+', a bare '.', exponents, junk. */
static size_t rand_element(uint64_t *x, char *buf)
{
	static const char *const tails[] = { "", "", "", "e3", "E-2", "e+0", "x", ".", "-" };
	size_t n = 0, k, digits;

	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	if (*x % 5 == 0)
		buf[n++] = '-';
	else if (*x % 31 == 1)
		buf[n++] = '+';
	digits = (size_t)(*x >> 8) % 19;
	for (k = 0; k < digits; k++)
		buf[n++] = (char)('0' + (*x >> (k % 50)) % 10);
	if ((*x >> 20) % 3) {
		buf[n++] = '.';
		digits = (size_t)(*x >> 24) % 19;
		for (k = 0; k < digits; k++)
			buf[n++] = (char)('0' + (*x >> (k % 47 + 3)) % 10);
	}
	if ((*x >> 30) % 7 == 0) {
		const char *t = tails[(*x >> 33) % (sizeof(tails) / sizeof(tails[0]))];

		memcpy(buf + n, t, strlen(t));
		n += strlen(t);
	}
	buf[n] = '\0';
	return n;
}

/*
 * The plain-decimal fast path of the element parser gives what
 * dv_parse_number gives: random vectors whose elements are read both ways
 * (the vector as a whole, each element alone, summed in the same order)
 * agree on validity, dimension and the norm, bit for bit.
 */
static void test_vector_elements_as_number_parser(void **state)
{
	char text[2048], el[64];
	uint64_t x = 0x9E3779B97F4A7C15ull;
	int round;

	(void)state;
	for (round = 0; round < 20000; round++) {
		size_t n = 1, k, len, dim = 1 + (size_t)(x % 8);
		double sumsq = 0, d;
		bool valid = true;
		dv_vecstat vs;

		text[0] = '[';
		for (k = 0; k < dim; k++) {
			len = rand_element(&x, el);
			if (!dv_parse_number(el, len, &d) || !isfinite(d))
				valid = false; /* (overflow has its own test) */
			else
				sumsq += d * d;
			memcpy(text + n, el, len);
			n += len;
			if (k + 1 < dim) {
				memcpy(text + n, x % 3 ? ", " : ",", x % 3 ? 2 : 1);
				n += x % 3 ? 2 : 1;
			}
		}
		text[n++] = ']';
		text[n] = '\0';
		if (!valid)
			continue;
		if (!dv_parse_vector(text, n, &vs))
			fail_msg("'%s' is not a vector", text);
		assert_int_equal(vs.dim, dim);
		assert_int_equal(vs.nonfinite, 0);
		if (memcmp(&vs.norm, &(double){ sqrt(sumsq) }, sizeof(double)) != 0)
			fail_msg("'%s': norm %.17g, want %.17g", text, vs.norm,
				 sqrt(sumsq));
	}
}

/* Elements the number syntax refuses refuse the vector, whichever way
 * the element parser read them. */
static void test_vector_element_refusals(void **state)
{
	char text[128], el[64];
	uint64_t x = 12345;
	double d;
	int round;

	(void)state;
	for (round = 0; round < 20000; round++) {
		size_t len = rand_element(&x, el);
		bool num = dv_parse_number(el, len, &d);
		dv_vecstat vs;

		snprintf(text, sizeof(text), "[1, %s, 2]", el);
		if (!num)
			assert_false(dv_parse_vector(text, strlen(text), &vs));
		else if (isfinite(d))
			assert_true(dv_parse_vector(text, strlen(text), &vs) &&
				    vs.dim == 3);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vector_plain),
		cmocka_unit_test(test_vector_spaces),
		cmocka_unit_test(test_vector_number_syntax),
		cmocka_unit_test(test_vector_empty),
		cmocka_unit_test(test_vector_commas),
		cmocka_unit_test(test_vector_nested_and_strings),
		cmocka_unit_test(test_vector_overflow),
		cmocka_unit_test(test_vector_norm_scaled),
		cmocka_unit_test(test_vector_huge_dimension),
		cmocka_unit_test(test_vector_slice),
		cmocka_unit_test(test_vector_elements_as_number_parser),
		cmocka_unit_test(test_vector_element_refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
