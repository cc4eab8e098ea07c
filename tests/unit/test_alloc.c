/*
 * Unit tests of the huge allocations of src/util/alloc.c: from 2 MiB up a
 * buffer starts on a 2 MiB boundary, every byte of it is usable (ASan
 * checks the bounds), zeroed when asked, and small ones work the same.
 */
#include "unit.h"

#include <stdint.h>
#include <string.h>

#include "util/alloc.h"

#define MIB ((size_t)1 << 20)

/* Write every byte of p[0..n) and read the pattern back. */
static void fill_and_check(unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 31 + 7);
	for (i = 0; i < n; i++)
		assert_int_equal(p[i], (unsigned char)(i * 31 + 7));
}

static void test_alloc_huge_big_is_aligned_and_usable(void **state)
{
	static const size_t sizes[] = { 2 * MIB, 2 * MIB + 1, 3 * MIB - 5, 8 * MIB };
	unsigned char *p;
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		p = dv_alloc_huge(sizes[k], false);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % (2 * MIB), 0);
		fill_and_check(p, sizes[k]);
		dv_free_huge(p);
	}
}

static void test_alloc_huge_zeroed(void **state)
{
	static const size_t sizes[] = { 0, 1, 4095, 2 * MIB - 1, 4 * MIB };
	unsigned char *p;
	size_t k, i;

	(void)state;
	for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		p = dv_alloc_huge(sizes[k], true);
		assert_non_null(p);
		for (i = 0; i < sizes[k]; i++)
			if (p[i])
				fail_msg("byte %zu of %zu is not zero", i, sizes[k]);
		fill_and_check(p, sizes[k]);
		dv_free_huge(p);
	}
}

static void test_alloc_huge_small_and_null(void **state)
{
	unsigned char *p = dv_alloc_huge(100, false);

	(void)state;
	assert_non_null(p);
	assert_int_equal((uintptr_t)p % 16, 0);
	fill_and_check(p, 100);
	dv_free_huge(p);
	dv_free_huge(NULL);
	assert_null(dv_alloc_huge(SIZE_MAX - 100, false));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc_huge_big_is_aligned_and_usable),
		cmocka_unit_test(test_alloc_huge_zeroed),
		cmocka_unit_test(test_alloc_huge_small_and_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
