/*
 * Unit tests of src/util/esc.c: the escapes that keep terminal controls
 * out of the text and github reports and the diagnostics (cli.md
 * "Behaviour users count on"), and dv_utf8_char_len() they rest on.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/esc.h"
#include "util/utf8.h"

/* s[0..len) escaped with flags, as a NUL-terminated string (free it). */
static char *escaped(const char *s, size_t len, unsigned flags)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);

	assert_non_null(f);
	dv_esc_fwrite(f, s, len, flags);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(n, dv_esc_len(s, len, flags));
	return buf;
}

static void expect(const char *s, size_t len, unsigned flags, const char *want)
{
	char *got = escaped(s, len, flags);

	assert_string_equal(got, want);
	free(got);
}

#define EXPECT(lit, flags, want) expect(lit, sizeof(lit) - 1, flags, want)

static void test_esc_c0_and_del(void **state)
{
	(void)state;
	EXPECT("a\nb\rc\td", 0, "a\\nb\\rc\\td");
	EXPECT("\x1b[31mred\x1b[0m", 0, "\\x1b[31mred\\x1b[0m");
	EXPECT("\0\x01\x1f\x7f", 0, "\\x00\\x01\\x1f\\x7f");
}

/* C1 controls are two bytes in UTF-8 (C2 80..C2 9F): U+009B is an 8-bit
 * CSI, U+0085 a line break. U+00A0 and after are text. */
static void test_esc_c1_as_code_points(void **state)
{
	(void)state;
	EXPECT("\xc2\x80\xc2\x85\xc2\x9b\xc2\x9f", 0, "\\u0080\\u0085\\u009b\\u009f");
	EXPECT("\xc2\xa0\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 0,
	       "\xc2\xa0\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
}

static void test_esc_invalid_utf8_bytes(void **state)
{
	(void)state;
	/* a lone C2 (cut C1), overlong, surrogate, lone continuation */
	EXPECT("\xc2", 0, "\\xc2");
	EXPECT("\xc0\x9b", 0, "\\xc0\\x9b");
	EXPECT("\xed\xa0\x80", 0, "\\xed\\xa0\\x80");
	EXPECT("a\x9b" "b\xff", 0, "a\\x9bb\\xff");
}

static void test_esc_quotes_only_when_asked(void **state)
{
	(void)state;
	EXPECT("a\"b\\c", 0, "a\"b\\c");
	EXPECT("a\"b\\c", DV_ESC_QUOTES, "a\\\"b\\\\c");
}

static void test_esc_char_reports_bytes_used(void **state)
{
	char out[DV_ESC_CHAR_MAX];
	size_t used;

	(void)state;
	assert_int_equal(dv_esc_char("\xc2\x9bx", 3, 0, out, &used), 6);
	assert_int_equal(used, 2);
	assert_int_equal(dv_esc_char("\xf0\x9f\x98\x80", 4, 0, out, &used), 4);
	assert_int_equal(used, 4);
	assert_int_equal(dv_esc_char("\xf0\x9f\x98", 3, 0, out, &used), 4);
	assert_int_equal(used, 1);
	assert_int_equal(dv_utf8_char_len("", 0), 0);
	assert_int_equal(dv_utf8_char_len("a", 1), 1);
	assert_int_equal(dv_utf8_char_len("\xef\xbf\xbe", 3), 3);
	assert_int_equal(dv_utf8_char_len("\xef\xbf", 2), 0);
}

/* A line that the GitHub Actions runner would read as a workflow
 * command ("::" after white space it trims) is defused. */
static void expect_line(const char *s, const char *want)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);

	assert_non_null(f);
	dv_esc_fput_line_start(f, s, strlen(s));
	assert_int_equal(fclose(f), 0);
	assert_string_equal(buf, want);
	free(buf);
}

static void test_esc_line_start_is_no_workflow_command(void **state)
{
	(void)state;
	expect_line("::error::x", "\\x3a:error::x");
	expect_line("  ::warning file=a::x", "  \\x3a:warning file=a::x");
	expect_line("\xc2\xa0\xe2\x80\x83\xe3\x80\x80::x", "\xc2\xa0\xe2\x80\x83\xe3\x80\x80\\x3a:x");
	expect_line(":x::y", ":x::y");
	expect_line("a::error::x", "a::error::x");
	expect_line(":", ":");
	expect_line("", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_esc_c0_and_del),
		cmocka_unit_test(test_esc_c1_as_code_points),
		cmocka_unit_test(test_esc_invalid_utf8_bytes),
		cmocka_unit_test(test_esc_quotes_only_when_asked),
		cmocka_unit_test(test_esc_char_reports_bytes_used),
		cmocka_unit_test(test_esc_line_start_is_no_workflow_command),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
