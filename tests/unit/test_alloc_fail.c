/*
 * Allocation-failure sweep (issue #5; jansson test/suites/api/test_chaos.c).
 *
 * Linked with libdcval-alloctest.a, whose dv_malloc/dv_calloc/dv_realloc
 * fail on demand (src/util/alloc.c under DV_ALLOC_TESTING). Each scenario
 * runs with the Nth library allocation failing, N = 0, 1, 2, ..., until a
 * run makes fewer than N allocations (no failure was injected). Every
 * run that hit a failure must return DCVAL_ENOMEM, free everything (the
 * sanitizer pass of `make test` runs this under LeakSanitizer) and keep
 * the error record consistent.
 *
 * libyaml, PCRE2, jansson and libzstd allocate with their own
 * malloc: their allocations are outside the sweep. zlib's go through
 * dv_malloc (src/read/decomp.c), so a gzip input is swept too.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include <zlib.h>

#include "dcval/dcval.h"
#include "util/alloc.h"

#include "alloc_fail_stats.h"

static const char yaml[] =
	"contract: t\n"
	"version: 1.0.0\n"
	"owner: o\n"
	"input: {null_values: ['', NA]}\n"
	"schema: {extra_columns: warn}\n"
	"columns:\n"
	"  - {name: id, type: integer, required: true, unique: true, minimum: 1}\n"
	"  - {name: s, type: string, enum: [a, b], pattern: '^[a-z]$', sensitive: true}\n"
	"  - {name: user.n, type: number, maximum: 10}\n"
	"  - {name: d, type: date, format: '%d/%m/%Y'}\n"
	"  - {name: ts, type: datetime}\n"
	"  - {name: m, type: string, format: email}\n"
	"dataset:\n"
	"  primary_key: [id, s]\n"
	"  row_count: {minimum: 1}\n";

static const char csv[] =
	"id,s,user.n,d,ts,m,extra\n"
	"1,a,1.5,01/02/2020,2026-01-01T00:00:00Z,a@b.co,x\n"
	"1,c,11,31/02/2020,bad,nope,y\n"
	"2,,,,,,\n"
	"\"3\",b,\"unterminated\n";

static const char jsonl[] =
	"{\"id\": 1, \"s\": \"a\", \"user\": {\"n\": 1.5}, \"x\": 1}\n"
	"{\"id\": 1, \"s\": \"z\", \"user\": {\"n\": 11, \"extra\": true}}\n"
	"[1]\n"
	"{bad\n"
	"{\"id\": 18446744073709551616, \"d\": \"01/13/2020\"}\n";

static const char json[] =
	"[{\"id\": 1, \"s\": \"a\"},\n {\"id\": 1, \"s\": \"q\", \"user\": 5}, 7,\n"
	" {\"id\": 2, \"id\": 3}]\n";

/* One scenario: load, validate `data` as `format` with quarantine and a
 * report, finish. Returns the first status that is not DCVAL_OK. */
static dcval_status scenario(const char *data, size_t len,
			     dcval_format format, dcval_report_format rf)
{
	dcval_error err;
	dcval_contract *c = NULL;
	dcval_validator *v = NULL;
	dcval_report *rep = NULL;
	dcval_validate_opts o;
	dcval_report_opts ro = { .format = rf, .max_violations = DCVAL_REPORT_ALL };
	char *out = NULL, *vb = NULL, *ib = NULL;
	size_t out_len = 0, vl = 0, il = 0;
	FILE *of = open_memstream(&out, &out_len);
	FILE *vf = open_memstream(&vb, &vl);
	FILE *inf = open_memstream(&ib, &il);
	FILE *src = fmemopen((void *)data, len, "rb");
	dcval_status st = DCVAL_OK;

	assert_non_null(of);
	assert_non_null(vf);
	assert_non_null(inf);
	assert_non_null(src);
	dcval_error_clear(&err);
	c = dcval_contract_load_buffer("c.yaml", yaml, sizeof(yaml) - 1, &err);
	if (!c) {
		st = err.status;
		assert_int_equal(st, DCVAL_ENOMEM);
		goto out;
	}
	rep = dcval_report_new(&ro, of, &err);
	if (!rep) {
		st = err.status;
		assert_int_equal(st, DCVAL_ENOMEM);
		goto out;
	}
	memset(&o, 0, sizeof(o));
	o.format = format;
	o.on_violation = dcval_report_violation;
	o.ud = rep;
	o.valid_out = vf;
	o.invalid_out = inf;
	v = dcval_validator_new(c, &o, &err);
	if (!v) {
		st = err.status;
		assert_int_equal(st, DCVAL_ENOMEM);
		goto out;
	}
	st = dcval_validator_run(v, "in", src, &err);
	if (st == DCVAL_OK)
		st = dcval_validator_finish(v);
	if (st == DCVAL_OK)
		st = dcval_report_finish(rep, c, v);
out:
	dcval_report_free(rep);
	dcval_validator_free(v);
	dcval_contract_free(c);
	fclose(src);
	fclose(of);
	fclose(vf);
	fclose(inf);
	free(out);
	free(vb);
	free(ib);
	return st;
}

/* Sweep one scenario; returns how many failure points it went through. */
static long sweep(const char *data, size_t len, dcval_format format,
		  dcval_report_format rf)
{
	long n, made;
	dcval_status st;

	for (n = 0;; n++) {
		dv_alloc_fail_after(n);
		st = scenario(data, len, format, rf);
		made = dv_alloc_fail_after(-1);
		if (made <= n) {
			/* no failure injected: the run must have succeeded */
			assert_int_equal(st, DCVAL_OK);
			break;
		}
		if (st != DCVAL_ENOMEM)
			fail_msg("allocation %ld failed: status %d, not DCVAL_ENOMEM",
				 n + 1, (int)st);
	}
	return n;
}

static void test_alloc_fail_contract_only(void **state)
{
	dcval_error err;
	dcval_contract *c;
	long n, made;

	(void)state;
	for (n = 0;; n++) {
		dcval_error_clear(&err);
		dv_alloc_fail_after(n);
		c = dcval_contract_load_buffer("c.yaml", yaml, sizeof(yaml) - 1, &err);
		made = dv_alloc_fail_after(-1);
		if (made <= n) {
			assert_non_null(c);
			dcval_contract_free(c);
			break;
		}
		assert_null(c);
		assert_int_equal(err.status, DCVAL_ENOMEM);
		assert_string_equal(err.text, "out of memory");
	}
	assert_true(n > 0);
}

static void test_alloc_fail_csv_text_report(void **state)
{
	(void)state;
	assert_true(sweep(csv, sizeof(csv) - 1, DCVAL_FORMAT_CSV, DCVAL_REPORT_TEXT) > 10);
}

static void test_alloc_fail_csv_json_report(void **state)
{
	(void)state;
	assert_true(sweep(csv, sizeof(csv) - 1, DCVAL_FORMAT_CSV, DCVAL_REPORT_JSON) > 10);
}

static void test_alloc_fail_jsonl_junit_report(void **state)
{
	(void)state;
	assert_true(sweep(jsonl, sizeof(jsonl) - 1, DCVAL_FORMAT_JSONL, DCVAL_REPORT_JUNIT) > 10);
}

static void test_alloc_fail_json_array_jsonl_report(void **state)
{
	(void)state;
	assert_true(sweep(json, sizeof(json) - 1, DCVAL_FORMAT_JSON, DCVAL_REPORT_JSONL) > 10);
}

/* A gzip input: decompressor, window and buffers fail in turn. */
static void test_alloc_fail_gzip_input(void **state)
{
	static unsigned char gz[1024];
	z_stream z;

	(void)state;
	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8,
				      Z_DEFAULT_STRATEGY),
			 Z_OK);
	z.next_in = (Bytef *)(uintptr_t)csv;
	z.avail_in = sizeof(csv) - 1;
	z.next_out = gz;
	z.avail_out = sizeof(gz);
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	deflateEnd(&z);
	assert_true(sweep((const char *)gz, sizeof(gz) - z.avail_out,
			  DCVAL_FORMAT_CSV, DCVAL_REPORT_JSON) > 10);
}

static void test_alloc_fail_csv_sarif_report(void **state)
{
	(void)state;
	assert_true(sweep(csv, sizeof(csv) - 1, DCVAL_FORMAT_CSV, DCVAL_REPORT_SARIF) > 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc_fail_contract_only),
		cmocka_unit_test(test_alloc_fail_csv_text_report),
		cmocka_unit_test(test_alloc_fail_csv_json_report),
		cmocka_unit_test(test_alloc_fail_jsonl_junit_report),
		cmocka_unit_test(test_alloc_fail_json_array_jsonl_report),
		cmocka_unit_test(test_alloc_fail_stats),
		cmocka_unit_test(test_alloc_fail_gzip_input),
		cmocka_unit_test(test_alloc_fail_csv_sarif_report),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
