/*
 * Unit tests of the column-check table (src/contract/colcheck_rows.h):
 * every row is complete and distinct, its rule id is a reported one, and
 * the run order of the stage-1 checks is the order of a value's
 * violations that the goldens pin (min_length, max_length, minimum,
 * maximum, exclusive_minimum, exclusive_maximum, enum, format, pattern),
 * then the vector checks (dimension, finite, norm).
 */
#include "unit.h"

#include <string.h>

#include "contract/colcheck.h"

static void test_colcheck_rows_complete(void **state)
{
	const struct dv_colcheck *rows;
	size_t n, i, j;

	(void)state;
	rows = dv_colchecks(&n);
	assert_true(n > 0 && n <= DV_CHECK_MAX);
	for (i = 0; i < n; i++) {
		assert_non_null(rows[i].key);
		assert_non_null(rows[i].compile);
		assert_non_null(rows[i].evaluate);
		assert_true(rows[i].types != 0);
		assert_true(rows[i].types < DV_TM(DV_T_COUNT));
		assert_string_not_equal(dv_rule_id(rows[i].rule), "internal");
		for (j = 0; j < i; j++) {
			assert_string_not_equal(rows[i].key, rows[j].key);
			assert_int_not_equal(rows[i].rule, rows[j].rule);
			assert_int_not_equal(rows[i].order, rows[j].order);
		}
	}
}

static void test_colcheck_run_order(void **state)
{
	static const char *const want[] = {
		"min_length", "max_length", "minimum", "maximum",
		"exclusive_minimum", "exclusive_maximum", "enum", "format",
		"pattern", "dimension", "finite", "norm",
	};
	const struct dv_colcheck *rows;
	size_t n, i, k;

	(void)state;
	rows = dv_colchecks(&n);
	assert_int_equal(n, sizeof(want) / sizeof(want[0]));
	for (k = 0; k < n; k++) {
		for (i = 0; i < n && strcmp(rows[i].key, want[k]) != 0; i++)
			;
		assert_true(i < n);
		assert_int_equal(rows[i].order, k);
	}
}

/* The key on a type outside the row's mask is a contract error; vectors
 * take only their own checks. */
static void test_colcheck_type_masks(void **state)
{
	const struct dv_colcheck *rows;
	size_t n, i;

	(void)state;
	rows = dv_colchecks(&n);
	for (i = 0; i < n; i++) {
		bool vec = rows[i].rule == DV_R_DIMENSION ||
			   rows[i].rule == DV_R_FINITE ||
			   rows[i].rule == DV_R_NORM;

		assert_int_equal(!!(rows[i].types & DV_TM_VECTOR), vec);
		if (vec)
			assert_int_equal(rows[i].types, DV_TM_VECTOR);
		assert_false(rows[i].types & DV_TM(DV_T_ANY));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_colcheck_rows_complete),
		cmocka_unit_test(test_colcheck_run_order),
		cmocka_unit_test(test_colcheck_type_masks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
