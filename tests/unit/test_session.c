/*
 * Unit tests of the in-memory sessions (include/dcval/session.h): records
 * given one per call, JSON text or csv lines, with the violations back
 * through the validator's callback before the call returns.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "dcval/dcval.h"
#include "session_fixture.h"

struct fx {
	dcval_contract *c;
	dcval_validator *v;
	dcval_session *s;
	struct digest d;
	dcval_error err;
};

static void fx_open(struct fx *f, const char *yaml, unsigned flags,
		    dcval_format format)
{
	dcval_validate_opts o;

	memset(f, 0, sizeof(*f));
	dcval_error_clear(&f->err);
	f->c = dcval_contract_load_buffer("c.yaml", yaml, strlen(yaml), &f->err);
	assert_non_null(f->c);
	memset(&o, 0, sizeof(o));
	o.flags = flags;
	o.on_violation = digest_cb;
	o.ud = &f->d;
	f->v = dcval_validator_new(f->c, &o, &f->err);
	assert_non_null(f->v);
	f->s = dcval_session_new(f->v, "req", format, &f->err);
	assert_non_null(f->s);
}

static void fx_close(struct fx *f)
{
	dcval_session_free(f->s);
	dcval_validator_free(f->v);
	dcval_contract_free(f->c);
}

static dcval_status check(struct fx *f, const char *text)
{
	digest_reset(&f->d);
	return dcval_session_check(f->s, text, strlen(text), &f->err);
}

static void test_session_json_valid(void **state)
{
	struct fx f;

	(void)state;
	fx_open(&f, session_contract, 0, DCVAL_FORMAT_JSONL);
	assert_int_equal(check(&f, "{\"id\": 1, \"kind\": \"a\", \"score\": 0.5}"),
			 DCVAL_OK);
	assert_string_equal(f.d.text, "");
	assert_int_equal(dcval_validator_counts(f.v)->records, 1);
	assert_int_equal(dcval_validator_counts(f.v)->invalid_records, 0);
	fx_close(&f);
}

static void test_session_json_violations(void **state)
{
	struct fx f;

	(void)state;
	fx_open(&f, session_contract, 0, DCVAL_FORMAT_AUTO);
	assert_int_equal(check(&f, "{\"id\": 1, \"kind\": \"a\"}"), DCVAL_OK);
	assert_int_equal(check(&f, "{\"id\": \"x\", \"kind\": \"c\", \"score\": 2, \"code\": \"ab1\"}"),
			 DCVAL_OK);
	assert_string_equal(f.d.text,
			    "type:2:2:id enum:2:2:kind maximum:2:2:score pattern:2:2:code");
	/* the violation arrives during the call, with its record number */
	assert_int_equal(check(&f, "{\"kind\": \"b\"}"), DCVAL_OK);
	assert_string_equal(f.d.text, "required:3:3:id");
	assert_int_equal(dcval_validator_counts(f.v)->records, 3);
	assert_int_equal(dcval_validator_counts(f.v)->invalid_records, 2);
	fx_close(&f);
}

static void test_session_json_malformed(void **state)
{
	struct fx f;
	struct digest keep;

	(void)state;
	fx_open(&f, session_contract, 0, DCVAL_FORMAT_JSON);
	assert_int_equal(check(&f, "{\"id\": 1,"), DCVAL_OK);
	assert_string_equal(f.d.text, "malformed:1:1:-");
	assert_int_equal(check(&f, "[1]"), DCVAL_OK);
	assert_string_equal(f.d.text, "malformed:2:2:-");
	assert_int_equal(check(&f, ""), DCVAL_OK);
	assert_string_equal(f.d.text, "malformed:3:3:-");
	/* a record over several lines: the fault's line within it */
	digest_reset(&f.d);
	keep = f.d;
	(void)keep;
	assert_int_equal(check(&f, "{\"id\": 4,\n \"kind\": }"), DCVAL_OK);
	assert_string_equal(f.d.text, "malformed:4:4:-");
	fx_close(&f);
}

/* Undeclared keys: every record that has them, not once per session. */
static void test_session_extra_keys_each_record(void **state)
{
	struct fx f;

	(void)state;
	fx_open(&f, session_contract, 0, DCVAL_FORMAT_JSONL);
	assert_int_equal(check(&f, "{\"id\": 1, \"x\": 1}"), DCVAL_OK);
	assert_string_equal(f.d.text, "extra_column:1:1:x");
	assert_int_equal(check(&f, "{\"id\": 2, \"x\": 1}"), DCVAL_OK);
	assert_string_equal(f.d.text, "extra_column:2:2:x");
	assert_int_equal(check(&f, "{\"id\": 3}"), DCVAL_OK);
	assert_string_equal(f.d.text, "");
	fx_close(&f);
}

/* unique spans the calls of one validator, also across sessions. */
static void test_session_unique_across_calls(void **state)
{
	struct fx f;

	(void)state;
	fx_open(&f, session_contract, 0, DCVAL_FORMAT_JSONL);
	assert_int_equal(check(&f, "{\"id\": 7}"), DCVAL_OK);
	assert_int_equal(check(&f, "{\"id\": 7}"), DCVAL_OK);
	assert_string_equal(f.d.text, "unique:2:2:id");
	dcval_session_free(f.s);
	f.s = dcval_session_new(f.v, "again", DCVAL_FORMAT_JSONL, &f.err);
	assert_non_null(f.s);
	assert_int_equal(check(&f, "{\"id\": 7}"), DCVAL_OK);
	assert_string_equal(f.d.text, "unique:1:1:id");
	fx_close(&f);
}

static void test_session_csv(void **state)
{
	static const char yaml[] =
		"contract: c\ninput:\n  format: csv\ncolumns:\n"
		"  - name: a\n    type: integer\n  - name: b\n    type: string\n"
		"    enum: [x, y]\n";
	struct fx f;

	(void)state;
	fx_open(&f, yaml, 0, DCVAL_FORMAT_AUTO);
	/* a record before the header is the caller's mistake */
	assert_int_equal(check(&f, "1,x"), DCVAL_EUSAGE);
	assert_int_equal(f.err.status, DCVAL_EUSAGE);
	dcval_error_clear(&f.err);
	assert_int_equal(dcval_session_header(f.s, "a,b\r\n", 5, &f.err), DCVAL_OK);
	assert_int_equal(dcval_session_header(f.s, "a,b", 3, &f.err), DCVAL_EUSAGE);
	dcval_error_clear(&f.err);
	assert_int_equal(check(&f, "1,x"), DCVAL_OK);
	assert_string_equal(f.d.text, "");
	assert_int_equal(check(&f, "z,q\n"), DCVAL_OK);
	assert_string_equal(f.d.text, "type:2:3:a enum:2:3:b");
	assert_int_equal(check(&f, "3,\"y\nx\""), DCVAL_OK);
	assert_string_equal(f.d.text, "enum:3:4:b");
	assert_int_equal(check(&f, "4"), DCVAL_OK);
	assert_string_equal(f.d.text, "field_count:4:6:-");
	assert_int_equal(check(&f, "5,\"x"), DCVAL_OK);
	assert_string_equal(f.d.text, "malformed:5:7:-");
	/* no characters: no record */
	assert_int_equal(check(&f, ""), DCVAL_OK);
	assert_int_equal(dcval_validator_counts(f.v)->records, 5);
	fx_close(&f);
}

static void test_session_csv_header_problems(void **state)
{
	static const char yaml[] =
		"contract: c\ncolumns:\n  - name: a\n    type: string\n"
		"  - name: b\n    type: string\n";
	struct fx f;

	(void)state;
	fx_open(&f, yaml, 0, DCVAL_FORMAT_CSV);
	digest_reset(&f.d);
	assert_int_equal(dcval_session_header(f.s, "a,c", 3, &f.err), DCVAL_OK);
	assert_string_equal(f.d.text, "missing_column:0:0:b extra_column:0:1:c");
	fx_close(&f);
}

static void test_session_fail_fast(void **state)
{
	struct fx f;

	(void)state;
	fx_open(&f, session_contract, DCVAL_VALIDATE_FAIL_FAST, DCVAL_FORMAT_JSONL);
	assert_int_equal(check(&f, "{\"id\": 1}"), DCVAL_OK);
	assert_int_equal(check(&f, "{\"id\": \"x\", \"kind\": \"z\"}"), DCVAL_STOP);
	assert_string_equal(f.d.text, "type:2:2:id");
	assert_int_equal(check(&f, "{\"id\": 3}"), DCVAL_STOP);
	assert_string_equal(f.d.text, "");
	fx_close(&f);
}

static void test_session_one_at_a_time(void **state)
{
	struct fx f;
	dcval_session *other;

	(void)state;
	fx_open(&f, session_contract, 0, DCVAL_FORMAT_JSONL);
	other = dcval_session_new(f.v, "x", DCVAL_FORMAT_JSONL, &f.err);
	assert_null(other);
	assert_int_equal(f.err.status, DCVAL_EUSAGE);
	assert_int_equal(dcval_session_header(f.s, "a", 1, &f.err), DCVAL_EUSAGE);
	/* nor a run or a failed input while the session is open */
	dcval_error_clear(&f.err);
	assert_int_equal(dcval_validator_run(f.v, "x", stdin, &f.err), DCVAL_EUSAGE);
	assert_int_equal(dcval_validator_input_failed(f.v, "x", DCVAL_EIO, "gone"),
			 DCVAL_EUSAGE);
	assert_int_equal(check(&f, "{\"id\": 1}"), DCVAL_OK);
	fx_close(&f);
	dcval_session_free(NULL);
}

/* Quarantine outputs get each record's bytes on one line. */
static void test_session_quarantine(void **state)
{
	dcval_validate_opts o;
	dcval_contract *c;
	dcval_validator *v;
	dcval_session *s;
	dcval_error err;
	char *vbuf = NULL, *ibuf = NULL;
	size_t vlen = 0, ilen = 0;
	FILE *vf, *inf;
	const char *good = "{\"id\": 1}", *bad = "{\"id\":\n \"x\"}";

	(void)state;
	dcval_error_clear(&err);
	c = dcval_contract_load_buffer("c.yaml", session_contract,
				       strlen(session_contract), &err);
	assert_non_null(c);
	vf = open_memstream(&vbuf, &vlen);
	inf = open_memstream(&ibuf, &ilen);
	memset(&o, 0, sizeof(o));
	o.valid_out = vf;
	o.invalid_out = inf;
	v = dcval_validator_new(c, &o, &err);
	s = dcval_session_new(v, "q", DCVAL_FORMAT_JSONL, &err);
	assert_non_null(s);
	assert_int_equal(dcval_session_check(s, good, strlen(good), &err), DCVAL_OK);
	assert_int_equal(dcval_session_check(s, bad, strlen(bad), &err), DCVAL_OK);
	dcval_session_free(s);
	fclose(vf);
	fclose(inf);
	assert_string_equal(vbuf, "{\"id\": 1}\n");
	assert_string_equal(ibuf, "{\"id\":  \"x\"}\n");
	free(vbuf);
	free(ibuf);
	dcval_validator_free(v);
	dcval_contract_free(c);
}

/* A record over max_line_bytes: malformed, its bytes still quarantined. */
static void test_session_overlong(void **state)
{
	dcval_validate_opts o;
	dcval_contract *c;
	dcval_validator *v;
	dcval_session *s;
	dcval_error err;
	struct digest d;
	char *ibuf = NULL;
	size_t ilen = 0;
	FILE *inf;
	const char *big = "{\"id\": 1,\n \"kind\": \"aaaaaaaaaaaaaaaaaaaaaaaa\"}";

	(void)state;
	dcval_error_clear(&err);
	c = dcval_contract_load_buffer("c.yaml", session_contract,
				       strlen(session_contract), &err);
	assert_non_null(c);
	inf = open_memstream(&ibuf, &ilen);
	memset(&o, 0, sizeof(o));
	o.invalid_out = inf;
	o.max_line_bytes = 16;
	o.on_violation = digest_cb;
	o.ud = &d;
	v = dcval_validator_new(c, &o, &err);
	s = dcval_session_new(v, "q", DCVAL_FORMAT_JSONL, &err);
	assert_non_null(s);
	digest_reset(&d);
	assert_int_equal(dcval_session_check(s, big, strlen(big), &err), DCVAL_OK);
	assert_string_equal(d.text, "malformed:1:1:-");
	assert_int_equal(dcval_session_check(s, "{\"id\": 2}", 9, &err), DCVAL_OK);
	assert_string_equal(d.text, "malformed:1:1:-");
	assert_int_equal(dcval_validator_counts(v)->records, 2);
	assert_int_equal(dcval_validator_counts(v)->invalid_records, 1);
	dcval_session_free(s);
	fclose(inf);
	assert_string_equal(ibuf, "{\"id\": 1,  \"kind\": \"aaaaaaaaaaaaaaaaaaaaaaaa\"}\n");
	free(ibuf);
	dcval_validator_free(v);
	dcval_contract_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_session_json_valid),
		cmocka_unit_test(test_session_json_violations),
		cmocka_unit_test(test_session_json_malformed),
		cmocka_unit_test(test_session_extra_keys_each_record),
		cmocka_unit_test(test_session_unique_across_calls),
		cmocka_unit_test(test_session_csv),
		cmocka_unit_test(test_session_csv_header_problems),
		cmocka_unit_test(test_session_fail_fast),
		cmocka_unit_test(test_session_one_at_a_time),
		cmocka_unit_test(test_session_quarantine),
		cmocka_unit_test(test_session_overlong),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
