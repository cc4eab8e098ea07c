/*
 * Unit tests of src/contract/suggest.c (did-you-mean).
 */
#include "unit.h"

#include "contract/suggest.h"

static const char *const keys[] = {
	"name", "type", "minimum", "maximum", "min_length", "max_length",
	"exclusive_minimum", "enum", "pattern", "format", "required",
};

#define N_KEYS (sizeof(keys) / sizeof(keys[0]))

static void test_one_edit(void **state)
{
	(void)state;
	assert_string_equal(dv_suggest("minimun", keys, N_KEYS), "minimum");
	assert_string_equal(dv_suggest("nme", keys, N_KEYS), "name");
	assert_string_equal(dv_suggest("typee", keys, N_KEYS), "type");
	assert_string_equal(dv_suggest("Format", keys, N_KEYS), "format");
}

static void test_transposition_counts_one(void **state)
{
	(void)state;
	/* "tpye" is one swap from "type"; length 4 allows only 1 edit */
	assert_string_equal(dv_suggest("tpye", keys, N_KEYS), "type");
	assert_string_equal(dv_suggest("reqiured", keys, N_KEYS), "required");
}

static void test_limit_scales_with_length(void **state)
{
	(void)state;
	/* length 3: at most 1 edit */
	assert_null(dv_suggest("nmx", keys, N_KEYS));
	/* length 9: up to 3 edits */
	assert_string_equal(dv_suggest("minlength", keys, N_KEYS), "min_length");
	assert_string_equal(dv_suggest("mn_lngth", keys, N_KEYS), "min_length");
	/* 4 edits are never suggested */
	assert_null(dv_suggest("exclusive_mnm", keys, N_KEYS));
	assert_null(dv_suggest("colour", keys, N_KEYS));
}

static void test_ties_go_to_earlier_entry(void **state)
{
	(void)state;
	/* "maximum" and "minimum" are both 2 edits from "mxnimum"... */
	assert_string_equal(dv_suggest("mximum", keys, N_KEYS), "maximum");
	/* "min_length" and "max_length": "mix_length" is one from each */
	assert_string_equal(dv_suggest("mix_length", keys, N_KEYS), "min_length");
}

static void test_exact_and_edge_inputs(void **state)
{
	static const char *const one[] = { "a" };
	char longword[200];

	(void)state;
	assert_string_equal(dv_suggest("enum", keys, N_KEYS), "enum");
	assert_null(dv_suggest("x", keys, 0));
	assert_string_equal(dv_suggest("", one, 1), "a");
	assert_string_equal(dv_suggest("b", one, 1), "a");
	memset(longword, 'a', sizeof(longword) - 1);
	longword[sizeof(longword) - 1] = '\0';
	assert_null(dv_suggest(longword, keys, N_KEYS));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_edit),
		cmocka_unit_test(test_transposition_counts_one),
		cmocka_unit_test(test_limit_scales_with_length),
		cmocka_unit_test(test_ties_go_to_earlier_entry),
		cmocka_unit_test(test_exact_and_edge_inputs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
