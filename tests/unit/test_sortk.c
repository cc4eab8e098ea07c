/*
 * Unit tests of src/util/sortk.c: the radix sort against qsort of the same
 * (key, index) pairs (stable: ties by index), on keys that differ in every
 * byte, only in low bytes, only in high bytes, all equal, and n of 0 to
 * 3,000; and the 8-byte prefix's order against memcmp-then-length on
 * random byte strings with shared prefixes, zero bytes and short lengths.
 */
#include <stdbool.h>
#include <stdlib.h>

#include "unit.h"

#include "util/sortk.h"

static uint64_t next(uint64_t *x)
{
	/* xorshift64* (Vigna 2016) */
	*x ^= *x >> 12;
	*x ^= *x << 25;
	*x ^= *x >> 27;
	return *x * UINT64_C(0x2545F4914F6CDD1D);
}

static int pair_cmp(const void *a, const void *b)
{
	const dv_sortk *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

static void test_radix_matches_stable_qsort(void **state)
{
	static const uint64_t masks[] = {
		UINT64_MAX, 0xff, 0xffff, UINT64_C(0xff00000000000000),
		UINT64_C(0x0f0f0f0f0f0f0f0f), 0, 3
	};
	static const size_t sizes[] = { 0, 1, 2, 17, 256, 3000 };
	uint64_t x = 88172645463325252ull;
	size_t m, s, i;

	(void)state;
	for (m = 0; m < sizeof(masks) / sizeof(masks[0]); m++) {
		for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
			size_t n = sizes[s];
			dv_sortk *a = malloc((n ? n : 1) * sizeof(*a));
			dv_sortk *b = malloc((n ? n : 1) * sizeof(*b));

			assert_non_null(a);
			assert_non_null(b);
			for (i = 0; i < n; i++) {
				a[i].key = next(&x) & masks[m];
				a[i].index = i;
				b[i] = a[i];
			}
			assert_int_equal(dv_sortk_sort(a, n), DCVAL_OK);
			qsort(b, n, sizeof(*b), pair_cmp);
			assert_memory_equal(a, b, n * sizeof(*a));
			free(a);
			free(b);
		}
	}
}

static int full_cmp(const unsigned char *x, size_t xl, const unsigned char *y,
		    size_t yl)
{
	size_t n = xl < yl ? xl : yl;
	int r = n ? memcmp(x, y, n) : 0;

	if (r)
		return r < 0 ? -1 : 1;
	return (xl > yl) - (xl < yl);
}

static void test_prefix_order_agrees_with_memcmp(void **state)
{
	static const unsigned char alphabet[] = { 0x00, 0x01, 'a', 'b', 0x7f, 0x80, 0xff };
	unsigned char k1[12], k2[12];
	uint64_t x = 20261202, p1, p2;
	size_t l1, l2, i;
	int round, full;

	(void)state;
	for (round = 0; round < 200000; round++) {
		l1 = (size_t)(next(&x) % 13);
		l2 = (size_t)(next(&x) % 13);
		for (i = 0; i < 12; i++) {
			k1[i] = alphabet[next(&x) % sizeof(alphabet)];
			/* mostly a shared prefix, so that the order is decided late */
			k2[i] = next(&x) % 4 ? k1[i] : alphabet[next(&x) % sizeof(alphabet)];
		}
		p1 = dv_sortk_prefix(k1, l1);
		p2 = dv_sortk_prefix(k2, l2);
		full = full_cmp(k1, l1, k2, l2);
		if (p1 != p2)
			assert_int_equal(p1 < p2 ? -1 : 1, full);
		if (full == 0)
			assert_true(p1 == p2);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_radix_matches_stable_qsort),
		cmocka_unit_test(test_prefix_order_agrees_with_memcmp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
