/*
 * Unit tests of the part format's fields (src/engine/part_io.c): little-
 * endian integers and strings written and read back, the exact bytes of
 * the encoding, and a reader that stops, marked bad, at a short read or
 * a string longer than its cap (a truncated or corrupt part: merge's
 * exit 3).
 */
#include "unit.h"

#include <stdio.h>

#include "engine/part_impl.h"

static void test_part_fields_round_trip(void **state)
{
	FILE *f = tmpfile();
	dv_pw w = { f, 0, false };
	dv_pr r = { f, false };
	dv_buf b;

	(void)state;
	assert_non_null(f);
	dv_pw_u8(&w, 0xab);
	dv_pw_u32(&w, 0x01020304u);
	dv_pw_u64(&w, 0x1122334455667788ull);
	dv_pw_str(&w, "key\0bytes", 9);
	dv_pw_str(&w, "", 0);
	assert_false(w.failed);
	assert_int_equal(w.off, 1 + 4 + 8 + 4 + 9 + 4);
	rewind(f);
	dv_buf_init(&b, 64);
	assert_int_equal(dv_pr_u8(&r), 0xab);
	assert_int_equal(dv_pr_u32(&r), 0x01020304u);
	assert_true(dv_pr_u64(&r) == 0x1122334455667788ull);
	dv_pr_str(&r, &b, 64);
	assert_int_equal(b.len, 9);
	assert_memory_equal(b.data, "key\0bytes", 9);
	dv_pr_str(&r, &b, 64);
	assert_int_equal(b.len, 0);
	assert_false(r.bad);
	dv_pr_u8(&r);
	assert_true(r.bad); /* past the end */
	dv_buf_release(&b);
	fclose(f);
}

static void test_part_fields_are_little_endian(void **state)
{
	unsigned char p[8];

	(void)state;
	dv_le32(p, 0x01020304u);
	assert_memory_equal(p, "\x04\x03\x02\x01", 4);
	dv_le64(p, 0x0102030405060708ull);
	assert_memory_equal(p, "\x08\x07\x06\x05\x04\x03\x02\x01", 8);
}

static void test_part_string_past_its_cap_is_corrupt(void **state)
{
	FILE *f = tmpfile();
	dv_pw w = { f, 0, false };
	dv_pr r = { f, false };
	dv_buf b;

	(void)state;
	assert_non_null(f);
	dv_pw_str(&w, "0123456789", 10);
	dv_pw_u32(&w, 1000); /* a string said to be 1000 bytes, then the end */
	dv_pw_bytes(&w, "abc", 3);
	rewind(f);
	dv_buf_init(&b, 1 << 20);
	dv_pr_str(&r, &b, 4);
	assert_true(r.bad);
	assert_int_equal(b.len, 0);
	rewind(f);
	r.bad = false;
	dv_pr_str(&r, &b, 16);
	assert_false(r.bad);
	dv_pr_str(&r, &b, 1 << 20);
	assert_true(r.bad); /* truncated */
	assert_int_equal(dv_pr_u32(&r), 0); /* a bad reader reads zeros */
	dv_buf_release(&b);
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_part_fields_round_trip),
		cmocka_unit_test(test_part_fields_are_little_endian),
		cmocka_unit_test(test_part_string_past_its_cap_is_corrupt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
