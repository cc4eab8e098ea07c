/*
 * Parallel validation through the library (dcval_validate_opts.jobs,
 * chunk_bytes; src/read/par.c, src/engine/worker.c, replay.c): every
 * violation the callback sees (in order, every field), the counts and
 * both quarantine outputs are those of jobs = 1, for CSV and JSON Lines,
 * in chunks from one byte up (and of source chunks read in place), with fail-fast, with a record too large
 * for a chunk (the rest is read on the calling thread) and with an
 * unterminated quote at the end.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "dcval/dcval.h"

static const char contract[] =
	"contract: par\n"
	"version: 1.0.0\n"
	"columns:\n"
	"  - {name: id, type: integer, required: true, unique: true}\n"
	"  - {name: name, type: string, max_length: 8}\n"
	"  - {name: kind, type: string, enum: [a, b]}\n"
	"dataset:\n"
	"  primary_key: [kind, id]\n";

/* What a run gave: violations as text, counts, outputs. */
struct result {
	char *text;
	size_t text_len;
	FILE *tf;
	char *valid;
	size_t valid_len;
	char *invalid;
	size_t invalid_len;
	dcval_counts counts;
	dcval_status st;
};

static dcval_status on_violation(void *ud, const dcval_violation *v)
{
	FILE *f = ud;

	fprintf(f, "%s|%llu|%llu|%u|%s|%s|%d|%.*s|%d|%s|%d\n", v->path,
		(unsigned long long)v->record, (unsigned long long)v->line,
		v->field, v->column ? v->column : "-", v->rule, (int)v->severity,
		v->value ? (int)v->value_len : 1, v->value ? v->value : "-",
		v->redacted, v->detail ? v->detail : "-", v->dataset);
	return DCVAL_OK;
}

static void run(const dcval_contract *c, const char *path, const char *data,
		size_t n, unsigned jobs, size_t chunk, bool fail_fast,
		struct result *r)
{
	dcval_validate_opts o;
	dcval_validator *v;
	FILE *in = fmemopen((void *)data, n, "r");
	FILE *vf, *inv;
	dcval_error err;

	assert_non_null(in);
	memset(r, 0, sizeof(*r));
	r->tf = open_memstream(&r->text, &r->text_len);
	vf = open_memstream(&r->valid, &r->valid_len);
	inv = open_memstream(&r->invalid, &r->invalid_len);
	memset(&o, 0, sizeof(o));
	o.on_violation = on_violation;
	o.ud = r->tf;
	o.valid_out = vf;
	o.invalid_out = inv;
	o.jobs = jobs;
	o.chunk_bytes = chunk;
	o.max_field_bytes = 1 << 20;
	o.has_now = true;
	o.flags = fail_fast ? DCVAL_VALIDATE_FAIL_FAST : 0;
	v = dcval_validator_new(c, &o, &err);
	assert_non_null(v);
	memset(&err, 0, sizeof(err));
	r->st = dcval_validator_run(v, path, in, &err);
	if (r->st == DCVAL_OK)
		r->st = dcval_validator_finish(v);
	r->counts = *dcval_validator_counts(v);
	dcval_validator_free(v);
	fclose(in);
	fclose(r->tf);
	fclose(vf);
	fclose(inv);
}

static void result_free(struct result *r)
{
	free(r->text);
	free(r->valid);
	free(r->invalid);
}

static void same(const struct result *a, const struct result *b)
{
	assert_int_equal(a->st, b->st);
	assert_int_equal(a->counts.records, b->counts.records);
	assert_int_equal(a->counts.invalid_records, b->counts.invalid_records);
	assert_int_equal(a->counts.errors, b->counts.errors);
	assert_int_equal(a->counts.warnings, b->counts.warnings);
	assert_string_equal(a->text, b->text);
	assert_int_equal(a->valid_len, b->valid_len);
	assert_memory_equal(a->valid, b->valid, a->valid_len);
	assert_int_equal(a->invalid_len, b->invalid_len);
	assert_memory_equal(a->invalid, b->invalid, a->invalid_len);
}

/* Every jobs / chunk size / fail-fast combination against jobs = 1. */
static void check_chunks(const char *path, const char *data, size_t n,
			 const size_t *chunks, size_t n_chunks)
{
	dcval_error err;
	dcval_contract *c = dcval_contract_load_buffer("par.yaml", contract,
						       sizeof(contract) - 1, &err);
	struct result one, par;
	unsigned jobs, ff;
	size_t k;

	assert_non_null(c);
	for (ff = 0; ff < 2; ff++) {
		run(c, path, data, n, 1, 0, ff, &one);
		assert_true(one.counts.records > 0);
		for (jobs = 2; jobs <= 4; jobs++) {
			for (k = 0; k < n_chunks; k++) {
				run(c, path, data, n, jobs, chunks[k], ff, &par);
				same(&one, &par);
				result_free(&par);
			}
		}
		result_free(&one);
	}
	dcval_contract_free(c);
}

static void check(const char *path, const char *data, size_t n)
{
	static const size_t chunks[] = { 1, 7, 64, 100000 };

	check_chunks(path, data, n, chunks, sizeof(chunks) / sizeof(chunks[0]));
}

/* CSV with quoted newlines, CRLF, stray quotes, short rows, repeats and
 * (big) a quoted field far larger than a chunk may grow. */
static char *make_csv(size_t rows, bool big, size_t *n)
{
	size_t cap = rows * 64 + (big ? 200000 : 0) + 64, i;
	char *p = malloc(cap), *q = p;

	assert_non_null(p);
	q += sprintf(q, "id,name,kind\n");
	for (i = 1; i <= rows; i++) {
		unsigned long id = i % 50 == 0 ? i - 7 : i;

		if (i % 9 == 0)
			q += sprintf(q, "%lu,\"x\ny\",b\r\n", id);
		else if (i % 13 == 0)
			q += sprintf(q, "%lu,\"q\"z,a\n", id);
		else if (i % 17 == 0)
			q += sprintf(q, "%lu,short\n", id);
		else
			q += sprintf(q, "%lu,n%lu,%s\n", id, i, i % 11 ? "a" : "c");
		if (big && i == rows / 2) {
			q += sprintf(q, "999999,\"");
			memset(q, 'w', 150000);
			q += 150000;
			q += sprintf(q, "\n\",a\n");
		}
	}
	*n = (size_t)(q - p);
	return p;
}

static void test_par_csv_same_as_one_thread(void **state)
{
	size_t n;
	char *p = make_csv(400, false, &n);

	(void)state;
	check("x.csv", p, n);
	free(p);
}

static void test_par_csv_record_larger_than_a_chunk(void **state)
{
	size_t n;
	char *p = make_csv(300, true, &n);

	(void)state;
	check("x.csv", p, n);
	free(p);
}

/* Chunks of at least a source chunk (256 KiB) are read by the source
 * straight into their slots (dv_source_next_into), and end up to a
 * source chunk past their size: the same as one thread still. */
static void test_par_csv_chunks_read_in_place(void **state)
{
	static const size_t chunks[] = { 262144, 300000 };
	size_t n;
	char *p = make_csv(80000, false, &n);

	(void)state;
	assert_true(n > 3 * chunks[1]);
	check_chunks("x.csv", p, n, chunks, sizeof(chunks) / sizeof(chunks[0]));
	free(p);
}

static void test_par_csv_unterminated_quote_at_end(void **state)
{
	static const char data[] = "id,name,kind\n1,a,a\n2,\"b\n3,c,a\n4,d,a\n";

	(void)state;
	check("x.csv", data, sizeof(data) - 1);
}

static void test_par_jsonl_same_as_one_thread(void **state)
{
	char *p = malloc(400 * 80), *q = p;
	size_t i;

	(void)state;
	assert_non_null(p);
	q += sprintf(q, "\xef\xbb\xbf");
	for (i = 1; i <= 400; i++) {
		if (i % 13 == 0)
			q += sprintf(q, "{\"id\": %zu, \"name\": \"broken\"\n", i);
		else if (i % 19 == 0)
			q += sprintf(q, "   \r\n");
		else
			q += sprintf(q, "{\"id\": %zu, \"name\": \"n%zu\", \"kind\": \"%s\", \"x\": 1}\r\n",
				     i % 40 == 0 ? i - 3 : i, i, i % 7 ? "a" : "z");
	}
	check("x.jsonl", p, (size_t)(q - p));
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_par_csv_same_as_one_thread),
		cmocka_unit_test(test_par_csv_record_larger_than_a_chunk),
		cmocka_unit_test(test_par_csv_chunks_read_in_place),
		cmocka_unit_test(test_par_csv_unterminated_quote_at_end),
		cmocka_unit_test(test_par_jsonl_same_as_one_thread),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
