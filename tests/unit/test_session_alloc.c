/*
 * Sessions allocate nothing per record after warm-up (session.h,
 * "Memory"): linked with the allocation-counting library (built with
 * -DDV_ALLOC_TESTING, as test_alloc_fail), a thousand records of the
 * shapes seen during warm-up, valid and not, JSON and csv, make no
 * allocation through src/util/alloc.c.
 */
#include "unit.h"

#include <stdio.h>

#include "dcval/dcval.h"
#include "session_fixture.h"
#include "util/alloc.h"

static const char contract_json[] =
	"contract: s\n"
	"columns:\n"
	"  - name: id\n    type: integer\n    required: true\n    minimum: 1\n"
	"  - name: kind\n    type: string\n    enum: [a, b]\n"
	"  - name: ts\n    type: datetime\n"
	"  - name: code\n    type: string\n    pattern: '^[A-Z]{2}[0-9]+$'\n"
	"  - name: tags\n    type: string\n";

static const char *const records[] = {
	"{\"id\": 1, \"kind\": \"a\", \"ts\": \"2024-01-01T00:00:00Z\", \"code\": \"AB12\", \"tags\": [1, 2]}",
	"{\"id\": 0, \"kind\": \"q\", \"ts\": \"yesterday\", \"code\": \"ab\", \"tags\": {\"x\": 1}}",
	"{\"id\": \"7\"}",
	"{\"id\": 1,",
	"[1, 2]",
	"{\"id\": 1, \"zz\": {\"y\": 1}}",
};

static const char *const lines[] = {
	"1,a,2024-01-01T00:00:00Z,AB12",
	"0,q,yesterday,ab\n",
	"x,\"a\nb\",,\r\n",
	"1,a",
	"1,\"a",
};

static void run(dcval_session *s, const char *const *recs, size_t n,
		dcval_error *err)
{
	size_t i;

	for (i = 0; i < n; i++)
		assert_int_equal(dcval_session_check(s, recs[i], strlen(recs[i]), err),
				 DCVAL_OK);
}

static void no_alloc(dcval_format format, const char *header,
		     const char *const *recs, size_t n)
{
	static const char csv_contract_extra[] = "input:\n  format: csv\n";
	char yaml[1024];
	struct digest d;
	dcval_validate_opts o;
	dcval_contract *c;
	dcval_validator *v;
	dcval_session *s;
	dcval_error err;
	long made;
	int i;

	snprintf(yaml, sizeof(yaml), "%s%s", contract_json,
		 header ? csv_contract_extra : "");
	dcval_error_clear(&err);
	c = dcval_contract_load_buffer("c.yaml", yaml, strlen(yaml), &err);
	assert_non_null(c);
	memset(&o, 0, sizeof(o));
	o.on_violation = digest_cb;
	o.ud = &d;
	v = dcval_validator_new(c, &o, &err);
	assert_non_null(v);
	s = dcval_session_new(v, "r", format, &err);
	assert_non_null(s);
	if (header)
		assert_int_equal(dcval_session_header(s, header, strlen(header), &err),
				 DCVAL_OK);
	digest_reset(&d);
	run(s, recs, n, &err); /* warm-up */
	assert_true(d.n > 0);
	dv_alloc_fail_after(-1);
	for (i = 0; i < 200; i++) {
		digest_reset(&d);
		run(s, recs, n, &err);
	}
	made = dv_alloc_fail_after(-1);
	assert_int_equal(made, 0);
	assert_true(d.n > 0);
	dcval_session_free(s);
	dcval_validator_free(v);
	dcval_contract_free(c);
}

static void test_session_json_no_alloc(void **state)
{
	(void)state;
	no_alloc(DCVAL_FORMAT_JSONL, NULL, records,
		 sizeof(records) / sizeof(records[0]));
}

static void test_session_csv_no_alloc(void **state)
{
	(void)state;
	no_alloc(DCVAL_FORMAT_CSV, "id,kind,ts,code\n", lines,
		 sizeof(lines) / sizeof(lines[0]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_session_json_no_alloc),
		cmocka_unit_test(test_session_csv_no_alloc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
