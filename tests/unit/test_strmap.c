/*
 * Unit tests of src/util/strmap.c, the name index behind the csv header
 * checks and the contract's column lookup: 200,000 distinct names, their
 * repeats, near misses, and names that are prefixes of each other. Not
 * timed: a quadratic index would still pass, but only linear ones finish
 * the header test of test_engine.c in reasonable time.
 */
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"

#include "util/strmap.h"

#define N_NAMES 200000

struct names {
	char **s;
	size_t *len;
	size_t n;
};

static const char *key_of(const void *ctx, uint32_t v, size_t *len)
{
	const struct names *nm = ctx;

	*len = nm->len[v];
	return nm->s[v];
}

static void names_fill(struct names *nm, size_t n, size_t distinct)
{
	size_t i;

	nm->s = calloc(n, sizeof(*nm->s));
	nm->len = calloc(n, sizeof(*nm->len));
	assert_non_null(nm->s);
	assert_non_null(nm->len);
	nm->n = n;
	for (i = 0; i < n; i++) {
		char buf[32];

		nm->len[i] = (size_t)snprintf(buf, sizeof(buf), "col_%zu",
					      i % distinct);
		nm->s[i] = malloc(nm->len[i] + 1);
		assert_non_null(nm->s[i]);
		memcpy(nm->s[i], buf, nm->len[i] + 1);
	}
}

static void names_free(struct names *nm)
{
	size_t i;

	for (i = 0; i < nm->n; i++)
		free(nm->s[i]);
	free(nm->s);
	free(nm->len);
}

static void test_distinct_names(void **state)
{
	struct names nm;
	dv_strmap m;
	uint32_t v, first;
	size_t i;

	(void)state;
	names_fill(&nm, N_NAMES, N_NAMES);
	assert_int_equal(dv_strmap_init(&m, N_NAMES, key_of, &nm), DCVAL_OK);
	for (i = 0; i < N_NAMES; i++)
		assert_true(dv_strmap_add(&m, (uint32_t)i, &first));
	assert_int_equal(m.count, N_NAMES);
	for (i = 0; i < N_NAMES; i++) {
		assert_true(dv_strmap_find(&m, nm.s[i], nm.len[i], &v));
		assert_int_equal(v, i);
	}
	/* near misses: a prefix, one byte more, a changed byte, empty */
	assert_false(dv_strmap_find(&m, "col_", 4, &v));
	assert_false(dv_strmap_find(&m, "col_1999990", 11, &v));
	assert_false(dv_strmap_find(&m, "col_200000", 10, &v));
	assert_false(dv_strmap_find(&m, "Col_1", 5, &v));
	assert_false(dv_strmap_find(&m, "", 0, &v));
	assert_true(dv_strmap_find(&m, "col_199999", 10, &v));
	assert_int_equal(v, 199999);
	/* a repeat is refused and names its first entry */
	assert_false(dv_strmap_add(&m, 7, &first));
	assert_int_equal(first, 7);
	dv_strmap_release(&m);
	assert_null(m.slots);
	names_free(&nm);
}

/* 200,000 names of which 1,000 distinct: every repeat is found, and it
 * names the first occurrence. */
static void test_duplicate_names(void **state)
{
	struct names nm;
	dv_strmap m;
	uint32_t first, v;
	size_t i, repeats = 0;

	(void)state;
	names_fill(&nm, N_NAMES, 1000);
	assert_int_equal(dv_strmap_init(&m, N_NAMES, key_of, &nm), DCVAL_OK);
	for (i = 0; i < N_NAMES; i++) {
		if (dv_strmap_add(&m, (uint32_t)i, &first)) {
			assert_true(i < 1000);
			continue;
		}
		repeats++;
		assert_int_equal(first, i % 1000);
	}
	assert_int_equal(repeats, N_NAMES - 1000);
	assert_int_equal(m.count, 1000);
	assert_true(dv_strmap_find(&m, "col_999", 7, &v));
	assert_int_equal(v, 999);
	dv_strmap_release(&m);
	names_free(&nm);
}

/* Empty names, names with NUL bytes, and the capacity given at init. */
static void test_edges(void **state)
{
	static char a[] = "", b[] = "x\0y", c[] = "x", d[] = "x\0z";
	char *s[] = { a, b, c, d, c };
	size_t len[] = { 0, 3, 1, 3, 1 };
	struct names nm = { s, len, 5 };
	dv_strmap m;
	uint32_t first, v;

	(void)state;
	assert_int_equal(dv_strmap_init(&m, 4, key_of, &nm), DCVAL_OK);
	assert_true(dv_strmap_add(&m, 0, &first));
	assert_true(dv_strmap_add(&m, 1, &first));
	assert_true(dv_strmap_add(&m, 2, &first));
	assert_true(dv_strmap_add(&m, 3, &first));
	assert_false(dv_strmap_add(&m, 4, &first));
	assert_int_equal(first, 2);
	assert_true(dv_strmap_find(&m, "", 0, &v));
	assert_int_equal(v, 0);
	assert_true(dv_strmap_find(&m, "x\0z", 3, &v));
	assert_int_equal(v, 3);
	dv_strmap_release(&m);
	/* more entries than the init allowed: refused, not overflowed */
	assert_int_equal(dv_strmap_init(&m, 1, key_of, &nm), DCVAL_OK);
	assert_true(dv_strmap_add(&m, 1, &first));
	assert_false(dv_strmap_add(&m, 2, &first));
	assert_int_equal(first, 2);
	assert_false(dv_strmap_find(&m, "x", 1, &v));
	dv_strmap_release(&m);
	assert_int_equal(dv_strmap_init(&m, UINT32_MAX, key_of, &nm),
			 DCVAL_ELIMIT);
	/* an unset map finds nothing */
	memset(&m, 0, sizeof(m));
	assert_false(dv_strmap_find(&m, "x", 1, &v));
	dv_strmap_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distinct_names),
		cmocka_unit_test(test_duplicate_names),
		cmocka_unit_test(test_edges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
