/*
 * Unit tests of src/util/utf8.c.
 */
#include "unit.h"

#include "util/utf8.h"

/* Valid prefix length of a string literal (embedded NULs included). */
#define PREFIX(lit) dv_utf8_valid_prefix(lit, sizeof(lit) - 1)

static void test_utf8_empty_is_valid(void **state)
{
	(void)state;
	assert_int_equal(dv_utf8_valid_prefix("", 0), 0);
	assert_int_equal(dv_utf8_count("", 0), 0);
	assert_int_equal(dv_utf8_cut("", 0, 5), 0);
}

static void test_utf8_ascii_long_runs_valid(void **state)
{
	char buf[300];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (char)(i % 128);
	for (i = 0; i <= sizeof(buf); i++)
		assert_int_equal(dv_utf8_valid_prefix(buf, i), i);
}

static void test_utf8_multibyte_boundaries_valid(void **state)
{
	(void)state;
	assert_int_equal(PREFIX("\xC2\x80"), 2); /* U+0080 */
	assert_int_equal(PREFIX("\xDF\xBF"), 2); /* U+07FF */
	assert_int_equal(PREFIX("\xE0\xA0\x80"), 3); /* U+0800 */
	assert_int_equal(PREFIX("\xED\x9F\xBF"), 3); /* U+D7FF */
	assert_int_equal(PREFIX("\xEE\x80\x80"), 3); /* U+E000 */
	assert_int_equal(PREFIX("\xEF\xBF\xBF"), 3); /* U+FFFF */
	assert_int_equal(PREFIX("\xF0\x90\x80\x80"), 4); /* U+10000 */
	assert_int_equal(PREFIX("\xF4\x8F\xBF\xBF"), 4); /* U+10FFFF */
	assert_int_equal(PREFIX("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"), 14);
}

static void test_utf8_overlong_rejected(void **state)
{
	(void)state;
	assert_int_equal(PREFIX("ab\xC0\xAF"), 2);
	assert_int_equal(PREFIX("\xC1\xBF"), 0);
	assert_int_equal(PREFIX("\xE0\x9F\xBF"), 0);
	assert_int_equal(PREFIX("\xF0\x8F\xBF\xBF"), 0);
}

static void test_utf8_surrogates_rejected(void **state)
{
	(void)state;
	assert_int_equal(PREFIX("x\xED\xA0\x80"), 1); /* U+D800 */
	assert_int_equal(PREFIX("\xED\xBF\xBF"), 0); /* U+DFFF */
}

static void test_utf8_above_max_rejected(void **state)
{
	(void)state;
	assert_int_equal(PREFIX("\xF4\x90\x80\x80"), 0); /* U+110000 */
	assert_int_equal(PREFIX("\xF5\x80\x80\x80"), 0);
	assert_int_equal(PREFIX("\xFF"), 0);
	assert_int_equal(PREFIX("\xFE"), 0);
}

static void test_utf8_truncated_sequence_rejected(void **state)
{
	(void)state;
	assert_int_equal(PREFIX("abc\xE2\x82"), 3);
	assert_int_equal(PREFIX("\xF0\x9F\x98"), 0);
	assert_int_equal(PREFIX("\xC3"), 0);
	/* A valid sequence must not be read past len. */
	assert_int_equal(dv_utf8_valid_prefix("\xC3\xA9", 1), 0);
	assert_int_equal(PREFIX("\xE2\x82" "A"), 0);
}

static void test_utf8_lone_continuation_rejected(void **state)
{
	(void)state;
	assert_int_equal(PREFIX("\x80"), 0);
	assert_int_equal(PREFIX("12345678\xBF"), 8);
	assert_int_equal(PREFIX("\xC3\xA9\xA9"), 2);
}

static void test_utf8_invalid_after_fast_path(void **state)
{
	(void)state;
	/* The eight-byte skip must stop at the first high byte. */
	assert_int_equal(PREFIX("0123456789abcdef\xC0"), 16);
	assert_int_equal(PREFIX("0123456\xC3\xA9" "89abcdef\xFF"), 17);
	assert_int_equal(PREFIX("01234567\xE2\x82\xAC" "0123456789"), 21);
}

static void test_utf8_nul_bytes_are_valid(void **state)
{
	(void)state;
	assert_int_equal(PREFIX("a\0b\0\0\0\0\0\0\0\0c"), 12);
}

static void test_utf8_count_code_points(void **state)
{
	static const char s[] = "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"
				"0123456789\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9";

	(void)state;
	assert_int_equal(dv_utf8_count("abc", 3), 3);
	assert_int_equal(dv_utf8_count(s, sizeof(s) - 1), 8 + 10 + 4);
	assert_int_equal(dv_utf8_count("\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 8), 2);
}

static void test_utf8_cut_at_boundaries(void **state)
{
	static const char s[] = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z";
	/* offsets: a=0, e-acute=1..2, euro=3..5, emoji=6..9, z=10 */
	static const size_t want[] = { 0, 1, 1, 3, 3, 3, 6, 6, 6, 6, 10, 11 };
	size_t max;

	(void)state;
	for (max = 0; max < sizeof(want) / sizeof(want[0]); max++)
		assert_int_equal(dv_utf8_cut(s, sizeof(s) - 1, max), want[max]);
	assert_int_equal(dv_utf8_cut(s, sizeof(s) - 1, 1000), sizeof(s) - 1);
}

static void test_utf8_cut_invalid_text_stays_near_max(void **state)
{
	static const char s[] = "\x80\x80\x80\x80\x80\x80\x80\x80";

	(void)state;
	assert_int_equal(dv_utf8_cut(s, 8, 6), 6);
	assert_int_equal(dv_utf8_cut(s, 8, 2), 2);
}

/* Every scalar value encodes to a sequence the validator reads back as
 * one character of the right length; the length boundaries exactly. */
static void test_utf8_encode_round_trip(void **state)
{
	static const struct { unsigned long cp; size_t n; const char *u; } fixed[] = {
		{ 0x00, 1, "\x00" }, { 0x7F, 1, "\x7f" }, { 0x80, 2, "\xc2\x80" },
		{ 0x7FF, 2, "\xdf\xbf" }, { 0x800, 3, "\xe0\xa0\x80" },
		{ 0xFFFD, 3, "\xef\xbf\xbd" }, { 0x10000, 4, "\xf0\x90\x80\x80" },
		{ 0x10FFFF, 4, "\xf4\x8f\xbf\xbf" },
	};
	char u[4];
	unsigned long cp;
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
		assert_int_equal(dv_utf8_encode(u, fixed[i].cp), fixed[i].n);
		assert_memory_equal(u, fixed[i].u, fixed[i].n);
	}
	for (cp = 1; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = dv_utf8_encode(u, cp);
		assert_int_equal(dv_utf8_char_len(u, n), n);
		assert_int_equal(dv_utf8_count(u, n), 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_empty_is_valid),
		cmocka_unit_test(test_utf8_ascii_long_runs_valid),
		cmocka_unit_test(test_utf8_multibyte_boundaries_valid),
		cmocka_unit_test(test_utf8_overlong_rejected),
		cmocka_unit_test(test_utf8_surrogates_rejected),
		cmocka_unit_test(test_utf8_above_max_rejected),
		cmocka_unit_test(test_utf8_truncated_sequence_rejected),
		cmocka_unit_test(test_utf8_lone_continuation_rejected),
		cmocka_unit_test(test_utf8_invalid_after_fast_path),
		cmocka_unit_test(test_utf8_nul_bytes_are_valid),
		cmocka_unit_test(test_utf8_count_code_points),
		cmocka_unit_test(test_utf8_cut_at_boundaries),
		cmocka_unit_test(test_utf8_cut_invalid_text_stays_near_max),
		cmocka_unit_test(test_utf8_encode_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
