/*
 * Unit tests of src/util/sortd.c against qsort on the same arrays:
 * random, sorted, reversed, all equal, few values, organ pipe, and the
 * short and odd lengths around the insertion-sort cut-off.
 */
#include "unit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/sortd.h"

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static uint64_t rng(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void check(double *a, size_t n)
{
	double *b = malloc((n ? n : 1) * sizeof(*b));

	assert_non_null(b);
	memcpy(b, a, n * sizeof(*a));
	qsort(b, n, sizeof(*b), cmp);
	dv_sort_doubles(a, n);
	assert_memory_equal(a, b, n * sizeof(*a));
	free(b);
}

static void test_sortd_shapes(void **state)
{
	static const size_t lens[] = { 0, 1, 2, 3, 15, 16, 17, 31, 33, 100, 1000, 4097, 100000 };
	uint64_t s = 0x9e3779b97f4a7c15ULL;
	size_t li, i, shape;

	(void)state;
	for (li = 0; li < sizeof(lens) / sizeof(lens[0]); li++) {
		size_t n = lens[li];
		double *a = malloc((n ? n : 1) * sizeof(*a));

		assert_non_null(a);
		for (shape = 0; shape < 7; shape++) {
			for (i = 0; i < n; i++) {
				switch (shape) {
				case 0: a[i] = (double)(int64_t)rng(&s) / 1e9; break;
				case 1: a[i] = (double)i; break;
				case 2: a[i] = (double)(n - i); break;
				case 3: a[i] = 42.5; break;
				case 4: a[i] = (double)(rng(&s) % 3); break;
				case 5: a[i] = (double)(i < n / 2 ? i : n - i); break;
				default: a[i] = i % 2 ? -1e300 : 1e-300; break;
				}
			}
			check(a, n);
		}
		free(a);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sortd_shapes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
