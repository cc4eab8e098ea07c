/*
 * Unit tests of dv_keyset (src/value/keyset.c): fixed8 and byte sets,
 * the key 0, growth through many resizes, exactness for keys that share
 * a prefix or a length, empty and oversized keys, counts.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "value/keyset.h"

/* Add and return whether the key was new; the status must be DCVAL_OK. */
static bool add(dv_keyset *ks, const void *key, size_t len)
{
	bool added = false;

	assert_int_equal(dv_keyset_add(ks, key, len, &added), DCVAL_OK);
	return added;
}

static bool add8(dv_keyset *ks, uint64_t k)
{
	return add(ks, &k, 8);
}

static void test_keyset_fixed8_add_and_repeat(void **state)
{
	dv_keyset *ks = dv_keyset_new(true);

	(void)state;
	assert_non_null(ks);
	assert_int_equal(dv_keyset_count(ks), 0);
	assert_true(add8(ks, 42));
	assert_false(add8(ks, 42));
	assert_true(add8(ks, 43));
	assert_true(add8(ks, UINT64_MAX));
	assert_false(add8(ks, UINT64_MAX));
	assert_int_equal(dv_keyset_count(ks), 3);
	dv_keyset_free(ks);
}

static void test_keyset_fixed8_key_zero(void **state)
{
	dv_keyset *ks = dv_keyset_new(true);

	(void)state;
	assert_non_null(ks);
	assert_true(add8(ks, 0));
	assert_false(add8(ks, 0));
	assert_int_equal(dv_keyset_count(ks), 1);
	assert_true(add8(ks, 1));
	assert_false(add8(ks, 0));
	assert_int_equal(dv_keyset_count(ks), 2);
	dv_keyset_free(ks);
}

static void test_keyset_fixed8_key_zero_survives_growth(void **state)
{
	dv_keyset *ks = dv_keyset_new(true);
	uint64_t i;

	(void)state;
	assert_non_null(ks);
	assert_true(add8(ks, 0));
	for (i = 1; i <= 5000; i++)
		assert_true(add8(ks, i));
	assert_false(add8(ks, 0));
	assert_int_equal(dv_keyset_count(ks), 5001);
	dv_keyset_free(ks);
}

static void test_keyset_fixed8_negative_integers_distinct(void **state)
{
	dv_keyset *ks = dv_keyset_new(true);
	int64_t k;

	(void)state;
	assert_non_null(ks);
	k = -1;
	assert_true(add(ks, &k, 8));
	k = 1;
	assert_true(add(ks, &k, 8));
	k = INT64_MIN;
	assert_true(add(ks, &k, 8));
	k = -1;
	assert_false(add(ks, &k, 8));
	assert_int_equal(dv_keyset_count(ks), 3);
	dv_keyset_free(ks);
}

static void test_keyset_fixed8_grows_to_200k(void **state)
{
	dv_keyset *ks = dv_keyset_new(true);
	uint64_t i;

	(void)state;
	assert_non_null(ks);
	for (i = 0; i < 200000; i++)
		assert_true(add8(ks, i * 0x100000000ULL)); /* low bits all 0 */
	assert_int_equal(dv_keyset_count(ks), 200000);
	for (i = 0; i < 200000; i++)
		assert_false(add8(ks, i * 0x100000000ULL));
	assert_true(add8(ks, 1));
	assert_int_equal(dv_keyset_count(ks), 200001);
	/* a few bytes per key, not a block per key */
	assert_true(dv_keyset_bytes(ks) < 200001 * 64);
	dv_keyset_free(ks);
}

static void test_keyset_bytes_grows_to_200k(void **state)
{
	dv_keyset *ks = dv_keyset_new(false);
	char key[32];
	int i, n;

	(void)state;
	assert_non_null(ks);
	for (i = 0; i < 200000; i++) {
		n = snprintf(key, sizeof(key), "key-%d", i);
		assert_true(add(ks, key, (size_t)n));
	}
	assert_int_equal(dv_keyset_count(ks), 200000);
	for (i = 0; i < 200000; i++) {
		n = snprintf(key, sizeof(key), "key-%d", i);
		assert_false(add(ks, key, (size_t)n));
	}
	assert_int_equal(dv_keyset_count(ks), 200000);
	dv_keyset_free(ks);
}

/* Keys of 12 bytes (a datetime key) that share their first 8 bytes. */
static void test_keyset_bytes_shared_prefix_no_false_duplicates(void **state)
{
	dv_keyset *ks = dv_keyset_new(false);
	unsigned char key[12];
	uint32_t i;

	(void)state;
	assert_non_null(ks);
	memset(key, 0x55, sizeof(key));
	for (i = 0; i < 50000; i++) {
		memcpy(key + 8, &i, 4);
		assert_true(add(ks, key, sizeof(key)));
	}
	for (i = 0; i < 50000; i++) {
		memcpy(key + 8, &i, 4);
		assert_false(add(ks, key, sizeof(key)));
	}
	assert_int_equal(dv_keyset_count(ks), 50000);
	dv_keyset_free(ks);
}

/* Zero padding of the hash's last word must not make "a" and "a\0" equal. */
static void test_keyset_bytes_trailing_nul_is_distinct(void **state)
{
	dv_keyset *ks = dv_keyset_new(false);

	(void)state;
	assert_non_null(ks);
	assert_true(add(ks, "a", 1));
	assert_true(add(ks, "a\0", 2));
	assert_true(add(ks, "a\0\0\0\0\0\0\0", 8));
	assert_true(add(ks, "a\0\0\0\0\0\0\0\0", 9));
	assert_false(add(ks, "a\0", 2));
	assert_false(add(ks, "a", 1));
	assert_int_equal(dv_keyset_count(ks), 4);
	dv_keyset_free(ks);
}

/* Prefixes of one long key: same leading bytes, every length. */
static void test_keyset_bytes_prefixes_of_one_key_distinct(void **state)
{
	dv_keyset *ks = dv_keyset_new(false);
	char key[300];
	size_t i;

	(void)state;
	assert_non_null(ks);
	memset(key, 'x', sizeof(key));
	for (i = 1; i <= sizeof(key); i++)
		assert_true(add(ks, key, i));
	for (i = 1; i <= sizeof(key); i++)
		assert_false(add(ks, key, i));
	assert_int_equal(dv_keyset_count(ks), sizeof(key));
	dv_keyset_free(ks);
}

static void test_keyset_bytes_empty_key(void **state)
{
	dv_keyset *ks = dv_keyset_new(false);

	(void)state;
	assert_non_null(ks);
	assert_true(add(ks, "", 0));
	assert_false(add(ks, "", 0));
	assert_true(add(ks, "\0", 1));
	assert_false(add(ks, "", 0));
	assert_int_equal(dv_keyset_count(ks), 2);
	dv_keyset_free(ks);
}

/* Keys larger than a storage block, between small ones. */
static void test_keyset_bytes_oversized_keys(void **state)
{
	dv_keyset *ks = dv_keyset_new(false);
	size_t big = (1u << 20) + 100, i;
	char *a = malloc(4 * big), *b, *c;

	(void)state;
	assert_non_null(ks);
	assert_non_null(a);
	b = a + big;
	c = b + big;
	memset(a, 'a', 4 * big);
	b[big - 1] = 'b'; /* differs from a in the last byte only */
	memset(c, 'c', 2 * big);
	assert_true(add(ks, "small-1", 7));
	assert_true(add(ks, a, big));
	assert_true(add(ks, "small-2", 7));
	assert_true(add(ks, b, big));
	assert_true(add(ks, c, 2 * big)); /* spans three blocks */
	assert_true(add(ks, a, (1u << 20) - 4)); /* exactly one block with its length */
	assert_true(add(ks, "small-3", 7));
	assert_false(add(ks, a, big));
	assert_false(add(ks, b, big));
	assert_false(add(ks, c, 2 * big));
	assert_false(add(ks, a, (1u << 20) - 4));
	assert_false(add(ks, "small-1", 7));
	assert_false(add(ks, "small-2", 7));
	assert_false(add(ks, "small-3", 7));
	assert_true(add(ks, c, big)); /* a prefix of an oversized key */
	assert_int_equal(dv_keyset_count(ks), 8);
	for (i = 0; i < 3000; i++) {
		char k[16];
		int n = snprintf(k, sizeof(k), "%zu", i);

		assert_true(add(ks, k, (size_t)n));
	}
	assert_false(add(ks, b, big));
	assert_int_equal(dv_keyset_count(ks), 3008);
	free(a);
	dv_keyset_free(ks);
}

/* Many mid-sized keys fill several storage blocks; all stay findable. */
static void test_keyset_bytes_many_blocks(void **state)
{
	dv_keyset *ks = dv_keyset_new(false);
	char key[1000];
	int i;

	(void)state;
	assert_non_null(ks);
	memset(key, 'k', sizeof(key));
	for (i = 0; i < 5000; i++) {
		snprintf(key, 16, "%015d", i);
		key[15] = 'k';
		assert_true(add(ks, key, sizeof(key) - (size_t)(i % 7)));
	}
	for (i = 0; i < 5000; i++) {
		snprintf(key, 16, "%015d", i);
		key[15] = 'k';
		assert_false(add(ks, key, sizeof(key) - (size_t)(i % 7)));
		assert_true(add(ks, key, sizeof(key) - (size_t)(i % 7) - 100));
	}
	assert_int_equal(dv_keyset_count(ks), 10000);
	dv_keyset_free(ks);
}

static void test_keyset_fixed8_rejects_other_lengths(void **state)
{
	dv_keyset *ks = dv_keyset_new(true);
	bool added = true;

	(void)state;
	assert_non_null(ks);
	assert_int_not_equal(dv_keyset_add(ks, "abc", 3, &added), DCVAL_OK);
	assert_int_equal(dv_keyset_count(ks), 0);
	dv_keyset_free(ks);
}

static void test_keyset_free_null_is_noop(void **state)
{
	(void)state;
	dv_keyset_free(NULL);
}

/* Keys that share their low bits (multiples of 2^20) defeat the
 * low-bits placement; the set must switch to mixed hashing and stay
 * exact and fast. */
static void test_keyset_fixed8_shared_low_bits(void **state)
{
	dv_keyset *ks = dv_keyset_new(true);
	uint64_t i;

	(void)state;
	assert_non_null(ks);
	for (i = 1; i <= 100000; i++)
		assert_true(add8(ks, i << 20));
	for (i = 1; i <= 100000; i++)
		assert_false(add8(ks, i << 20));
	for (i = 1; i <= 1000; i++)
		assert_true(add8(ks, i)); /* small keys still distinct */
	assert_int_equal(dv_keyset_count(ks), 101000);
	dv_keyset_free(ks);
}

/* Index of a key in an indexed set (the status must be DCVAL_OK). */
static uint64_t add_ix(dv_keyset *ks, const void *key, size_t len,
		       bool *added)
{
	uint64_t ix = UINT64_MAX;

	assert_int_equal(dv_keyset_add_index(ks, key, len, added, &ix),
			 DCVAL_OK);
	return ix;
}

/* Indexes count first additions, the key 0 of a fixed8 set included, and
 * survive many resizes and the switch to the mixing hash. */
static void test_keyset_indexed_fixed8_order_of_first_addition(void **state)
{
	dv_keyset *ks = dv_keyset_new_indexed(true);
	uint64_t k, i;
	bool added;

	(void)state;
	assert_non_null(ks);
	k = 7;
	assert_int_equal(add_ix(ks, &k, 8, &added), 0);
	assert_true(added);
	k = 0;
	assert_int_equal(add_ix(ks, &k, 8, &added), 1);
	assert_true(added);
	k = 7;
	assert_int_equal(add_ix(ks, &k, 8, &added), 0);
	assert_false(added);
	/* keys sharing low bits force the mixing hash; growth rehashes */
	for (i = 0; i < 50000; i++) {
		k = (i + 1) << 20;
		assert_int_equal(add_ix(ks, &k, 8, &added), i + 2);
		assert_true(added);
	}
	for (i = 0; i < 50000; i++) {
		k = (i + 1) << 20;
		assert_int_equal(add_ix(ks, &k, 8, &added), i + 2);
		assert_false(added);
	}
	k = 0;
	assert_int_equal(add_ix(ks, &k, 8, &added), 1);
	assert_false(added);
	assert_int_equal(dv_keyset_count(ks), 50002);
	dv_keyset_free(ks);
}

static void test_keyset_indexed_bytes_keep_index_through_growth(void **state)
{
	dv_keyset *ks = dv_keyset_new_indexed(false);
	char key[32];
	uint64_t i;
	bool added;
	int n;

	(void)state;
	assert_non_null(ks);
	for (i = 0; i < 30000; i++) {
		n = snprintf(key, sizeof(key), "value-%llu", (unsigned long long)i);
		assert_int_equal(add_ix(ks, key, (size_t)n, &added), i);
		assert_true(added);
	}
	for (i = 30000; i-- > 0;) {
		n = snprintf(key, sizeof(key), "value-%llu", (unsigned long long)i);
		assert_int_equal(add_ix(ks, key, (size_t)n, &added), i);
		assert_false(added);
	}
	assert_int_equal(add_ix(ks, "", 0, &added), 30000);
	assert_true(added);
	dv_keyset_free(ks);
}

static void test_keyset_index_needs_an_indexed_set(void **state)
{
	dv_keyset *ks = dv_keyset_new(false);
	uint64_t ix;
	bool added;

	(void)state;
	assert_int_equal(dv_keyset_add_index(ks, "a", 1, &added, &ix),
			 DCVAL_EINTERNAL);
	assert_int_equal(dv_keyset_count(ks), 0);
	dv_keyset_free(ks);
}

/* dv_keyset_each (sharded runs): every key once, with its index; the
 * fixed8 key 0 and byte keys past several table growths included. */
struct seen {
	unsigned hits[3000];
	uint64_t index_sum;
	size_t calls;
	bool bad_index;
};

static void see_key(void *ud, const void *key, size_t len, uint64_t index)
{
	struct seen *s = ud;
	uint64_t k = 0;
	char text[32];

	s->calls++;
	s->index_sum += index;
	if (len == 8) {
		memcpy(&k, key, 8);
	} else {
		memcpy(text, key, len < 31 ? len : 31);
		text[len < 31 ? len : 31] = '\0';
		k = strtoull(text + 1, NULL, 10);
	}
	if (k < 3000) {
		s->hits[k]++;
		if (index != k)
			s->bad_index = true;
	}
}

static void test_keyset_each_visits_every_key_with_its_index(void **state)
{
	bool fixed[2] = { true, false };
	int f;

	(void)state;
	for (f = 0; f < 2; f++) {
		dv_keyset *ks = dv_keyset_new_indexed(fixed[f]);
		struct seen s;
		uint64_t k, ix;
		bool added;
		char key[32];
		size_t i;

		assert_non_null(ks);
		memset(&s, 0, sizeof(s));
		for (k = 0; k < 3000; k++) {
			int n = snprintf(key, sizeof(key), "k%llu", (unsigned long long)k);

			if (fixed[f])
				assert_int_equal(dv_keyset_add_index(ks, &k, 8, &added, &ix), DCVAL_OK);
			else
				assert_int_equal(dv_keyset_add_index(ks, key, (size_t)n, &added, &ix), DCVAL_OK);
		}
		dv_keyset_each(ks, see_key, &s);
		assert_int_equal(s.calls, 3000);
		for (i = 0; i < 3000; i++)
			assert_int_equal(s.hits[i], 1);
		assert_false(s.bad_index);
		assert_int_equal(s.index_sum, 2999u * 3000u / 2);
		dv_keyset_free(ks);
	}
}

/* A set prefaulted with keys in it (fixed8, bytes, indexed; a key on a
 * page's first slot) keeps them,
 * and its later tables (growth past many sizes, the switch to a mixing
 * hash) hold every key exactly, with their indexes. */
static void test_keyset_prefault_keeps_keys(void **state)
{
	dv_keyset *f = dv_keyset_new(true), *b = dv_keyset_new(false);
	dv_keyset *x = dv_keyset_new_indexed(true);
	char key[32];
	uint64_t k, ix;
	bool added;

	(void)state;
	assert_non_null(f);
	assert_non_null(b);
	assert_non_null(x);
	for (k = 0; k < 700; k++) {
		assert_true(add8(f, k));
		snprintf(key, sizeof(key), "key-%llu", (unsigned long long)k);
		assert_true(add(b, key, strlen(key)));
		assert_int_equal(dv_keyset_add_index(x, &k, 8, &added, &ix), DCVAL_OK);
		assert_true(added);
	}
	dv_keyset_prefault(f);
	dv_keyset_prefault(b);
	dv_keyset_prefault(x);
	for (k = 0; k < 200000; k++) {
		uint64_t spread = k << 20; /* shared low bits: the mixing hash */

		assert_int_equal(add8(f, k), k >= 700);
		if (k >= 700)
			assert_true(add8(f, spread));
		snprintf(key, sizeof(key), "key-%llu", (unsigned long long)k);
		assert_int_equal(add(b, key, strlen(key)), k >= 700);
		assert_int_equal(dv_keyset_add_index(x, &k, 8, &added, &ix), DCVAL_OK);
		assert_int_equal(added, k >= 700);
		assert_int_equal(ix, k);
	}
	assert_int_equal(dv_keyset_count(f), 200000 + 199300);
	assert_int_equal(dv_keyset_count(b), 200000);
	assert_int_equal(dv_keyset_count(x), 200000);
	for (k = 0; k < 200000; k += 997) {
		assert_false(add8(f, k));
		assert_int_equal(dv_keyset_add_index(x, &k, 8, &added, &ix), DCVAL_OK);
		assert_false(added);
		assert_int_equal(ix, k);
	}
	dv_keyset_free(f);
	dv_keyset_free(b);
	dv_keyset_free(x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keyset_fixed8_add_and_repeat),
		cmocka_unit_test(test_keyset_prefault_keeps_keys),
		cmocka_unit_test(test_keyset_fixed8_key_zero),
		cmocka_unit_test(test_keyset_fixed8_shared_low_bits),
		cmocka_unit_test(test_keyset_fixed8_key_zero_survives_growth),
		cmocka_unit_test(test_keyset_fixed8_negative_integers_distinct),
		cmocka_unit_test(test_keyset_fixed8_grows_to_200k),
		cmocka_unit_test(test_keyset_bytes_grows_to_200k),
		cmocka_unit_test(test_keyset_bytes_shared_prefix_no_false_duplicates),
		cmocka_unit_test(test_keyset_bytes_trailing_nul_is_distinct),
		cmocka_unit_test(test_keyset_bytes_prefixes_of_one_key_distinct),
		cmocka_unit_test(test_keyset_bytes_empty_key),
		cmocka_unit_test(test_keyset_bytes_oversized_keys),
		cmocka_unit_test(test_keyset_bytes_many_blocks),
		cmocka_unit_test(test_keyset_fixed8_rejects_other_lengths),
		cmocka_unit_test(test_keyset_free_null_is_noop),
		cmocka_unit_test(test_keyset_indexed_fixed8_order_of_first_addition),
		cmocka_unit_test(test_keyset_indexed_bytes_keep_index_through_growth),
		cmocka_unit_test(test_keyset_index_needs_an_indexed_set),
		cmocka_unit_test(test_keyset_each_visits_every_key_with_its_index),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
