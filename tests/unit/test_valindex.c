/*
 * dv_vindex (src/stats/valindex.c), the hash index drift looks values up
 * in: against a linear search, for string lists (short and long
 * strings, the empty one, prefixes of each other) and integer lists,
 * members and non-members.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/valindex.h"
#include "stats_data.h"

static long linear_str(const char *const *str, const size_t *len, size_t n,
		       const char *s, size_t l)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (len[k] == l && !memcmp(str[k], s, l))
			return (long)k;
	return -1;
}

static void test_vindex_strings(void **state)
{
	enum { N = 300 };
	static char buf[N][24];
	const char *str[N];
	size_t len[N], k, n;
	char probe[24];
	uint64_t seed = 5;
	dv_vindex x;

	(void)state;
	for (n = 0; n < N; n++) {
		/* "", "a", "ab", ... and random ones of 1 to 20 bytes */
		if (n < 12) {
			memcpy(buf[n], "abcdefghijkl", n);
			len[n] = n;
		} else {
			len[n] = 1 + sd_next(&seed) % 20;
			for (k = 0; k < len[n]; k++)
				buf[n][k] = (char)('a' + sd_next(&seed) % 3);
		}
		str[n] = buf[n];
		if (linear_str(str, len, n, buf[n], len[n]) >= 0)
			n--; /* keep the list distinct: draw again */
	}
	assert_int_equal(dv_vindex_init(&x, str, len, NULL, N), DV_SKETCH_OK);
	for (k = 0; k < N; k++)
		assert_int_equal(dv_vindex_find(&x, str[k], len[k], 0), (long)k);
	for (k = 0; k < 20000; k++) {
		size_t l = sd_next(&seed) % 21, j;

		for (j = 0; j < l; j++)
			probe[j] = (char)('a' + sd_next(&seed) % 3);
		assert_int_equal(dv_vindex_find(&x, probe, l, 0),
				 linear_str(str, len, N, probe, l));
	}
	dv_vindex_release(&x);
}

static void test_vindex_integers(void **state)
{
	int64_t v[500];
	size_t k, j;
	uint64_t seed = 9;
	dv_vindex x;

	(void)state;
	for (k = 0; k < 500; k++)
		v[k] = (int64_t)k * 7 - 1000 + (k == 499 ? INT64_MIN / 2 : 0);
	assert_int_equal(dv_vindex_init(&x, NULL, NULL, v, 500), DV_SKETCH_OK);
	for (k = 0; k < 20000; k++) {
		int64_t i = (int64_t)(sd_next(&seed) % 5000) - 2000;
		long want = -1;

		if (k < 500)
			i = v[k];
		for (j = 0; j < 500; j++)
			if (v[j] == i)
				want = (long)j;
		assert_int_equal(dv_vindex_find(&x, NULL, 0, i), want);
	}
	dv_vindex_release(&x);
	assert_int_equal(dv_vindex_init(&x, NULL, NULL, v, 0), DV_SKETCH_OK);
	assert_int_equal(dv_vindex_find(&x, NULL, 0, 5), -1);
	dv_vindex_release(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vindex_strings),
		cmocka_unit_test(test_vindex_integers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
