/*
 * Live inputs through the library (include/dcval/validator.h): an input
 * that is a pipe is flushed per record that produced output (on_flush,
 * and the quarantine streams), a regular file never is; and records split
 * across reads of a pipe are the same records as from a file.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "dcval/dcval.h"
#include "read/live.h"
#include "session_fixture.h"

static const char data[] =
	"{\"id\": 1, \"kind\": \"a\"}\n"
	"{\"id\": \"x\", \"kind\": \"z\"}\n"
	"{\"id\": 3}\n"
	"\n"
	"{\"id\": 4, \"kind\": \"q\"}";

struct flushes {
	unsigned n;
	unsigned violations_at_flush[8];
	struct digest *d;
};

static dcval_status on_flush(void *ud)
{
	struct flushes *f = ud;

	if (f->n < 8)
		f->violations_at_flush[f->n] = f->d->n;
	f->n++;
	return DCVAL_OK;
}

static void run(FILE *in, struct flushes *f, struct digest *d, FILE *q)
{
	dcval_validate_opts o;
	dcval_contract *c;
	dcval_validator *v;
	dcval_error err;

	dcval_error_clear(&err);
	c = dcval_contract_load_buffer("c.yaml", session_contract,
				       strlen(session_contract), &err);
	assert_non_null(c);
	memset(&o, 0, sizeof(o));
	o.format = DCVAL_FORMAT_JSONL;
	o.on_violation = digest_cb;
	o.ud = d;
	o.on_flush = on_flush;
	o.flush_ud = f;
	o.invalid_out = q;
	v = dcval_validator_new(c, &o, &err);
	assert_non_null(v);
	assert_int_equal(dcval_validator_run(v, "in", in, &err), DCVAL_OK);
	dcval_validator_free(v);
	dcval_contract_free(c);
}

static void test_live_pipe_flushes_per_record(void **state)
{
	struct digest d;
	struct flushes f = { .d = &d };
	int p[2];
	FILE *in;

	(void)state;
	digest_reset(&d);
	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], data, sizeof(data) - 1), (ssize_t)sizeof(data) - 1);
	close(p[1]);
	in = fdopen(p[0], "rb");
	run(in, &f, &d, NULL);
	fclose(in);
	assert_string_equal(d.text, "type:2:2:id enum:2:2:kind enum:4:5:kind");
	/* after record 2 (two violations) and record 4 (one more): not after
	 * the valid records 1 and 3 */
	assert_int_equal(f.n, 2);
	assert_int_equal(f.violations_at_flush[0], 2);
	assert_int_equal(f.violations_at_flush[1], 3);
}

static void test_live_pipe_quarantine_flushes(void **state)
{
	struct digest d;
	struct flushes f = { .d = &d };
	char *qbuf = NULL;
	size_t qlen = 0;
	int p[2];
	FILE *in, *q;

	(void)state;
	digest_reset(&d);
	q = open_memstream(&qbuf, &qlen);
	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], data, sizeof(data) - 1), (ssize_t)sizeof(data) - 1);
	close(p[1]);
	in = fdopen(p[0], "rb");
	run(in, &f, &d, q);
	fclose(in);
	/* every record goes to a quarantine output: a flush after each */
	assert_int_equal(f.n, 4);
	fclose(q);
	free(qbuf);
}

static void test_live_regular_file_never_flushes(void **state)
{
	struct digest d;
	struct flushes f = { .d = &d };
	FILE *in = tmpfile();

	(void)state;
	digest_reset(&d);
	assert_non_null(in);
	assert_int_equal(fwrite(data, 1, sizeof(data) - 1, in), sizeof(data) - 1);
	rewind(in);
	run(in, &f, &d, NULL);
	fclose(in);
	assert_string_equal(d.text, "type:2:2:id enum:2:2:kind enum:4:5:kind");
	assert_int_equal(f.n, 0);
}

/* The first bytes of a live input are gathered until they tell the
 * compression and the format. */
static void test_live_first_bytes_decisive(void **state)
{
	(void)state;
	assert_false(dv_live_decisive("", 0, false));
	assert_false(dv_live_decisive("\xef", 1, false));
	assert_false(dv_live_decisive("\xef\xbb\xbf", 3, false));
	assert_true(dv_live_decisive("\xef\xbb\xbf{", 4, false));
	assert_false(dv_live_decisive("\x1f", 1, false));
	assert_true(dv_live_decisive("\x1f\x8b", 2, false));
	assert_false(dv_live_decisive("\x28\xb5\x2f", 3, false));
	assert_false(dv_live_decisive("(", 1, false));
	assert_true(dv_live_decisive("(a", 2, false));
	assert_true(dv_live_decisive("{", 1, false));
	assert_true(dv_live_decisive("a", 1, false));
	assert_false(dv_live_decisive(" \r\n\t", 4, false));
	assert_true(dv_live_decisive(" \n[", 3, false));
	/* the name says compressed: four bytes at least */
	assert_false(dv_live_decisive("\x1f\x8b", 2, true));
	assert_true(dv_live_decisive("\x1f\x8b\x08\x00", 4, true));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_live_pipe_flushes_per_record),
		cmocka_unit_test(test_live_pipe_quarantine_flushes),
		cmocka_unit_test(test_live_regular_file_never_flushes),
		cmocka_unit_test(test_live_first_bytes_decisive),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
