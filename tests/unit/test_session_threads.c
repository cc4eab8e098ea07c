/*
 * One compiled contract shared read-only by validators on several
 * threads (session.h, "Threads"): each thread runs its own validator and
 * session over the same records, and every thread must see exactly the
 * violations one thread alone sees. `make check-tsan` runs this test
 * under ThreadSanitizer, which reports any write to shared state (the
 * contract's compiled patterns, tables, anything reachable from it).
 */
#include "unit.h"

#include <pthread.h>
#include <stdio.h>

#include "dcval/dcval.h"
#include "session_fixture.h"

#define THREADS 8
#define ROUNDS 300

static const char *const records[] = {
	"{\"id\": %d, \"kind\": \"a\", \"score\": 0.5, \"code\": \"AB12\"}",
	"{\"id\": %d, \"kind\": \"c\", \"score\": 1.5, \"code\": \"ab\"}",
	"{\"id\": %d, \"extra\": true, \"code\": \"ZZ9\"}",
	"{\"id\": \"%d\", \"kind\": \"b\"",
};

struct job {
	const dcval_contract *c;
	dcval_counts counts;
	unsigned violations;
	char first[sizeof(((struct digest *)0)->text)];
	dcval_status st;
};

static void *work(void *arg)
{
	struct job *j = arg;
	dcval_validate_opts o;
	dcval_validator *v;
	dcval_session *s;
	struct digest d;
	dcval_error err;
	char rec[256];
	int i, k, n;

	dcval_error_clear(&err);
	memset(&o, 0, sizeof(o));
	o.on_violation = digest_cb;
	o.ud = &d;
	j->st = DCVAL_ENOMEM;
	v = dcval_validator_new(j->c, &o, &err);
	s = v ? dcval_session_new(v, "t", DCVAL_FORMAT_JSONL, &err) : NULL;
	if (!s)
		goto out;
	digest_reset(&d);
	j->st = DCVAL_OK;
	for (i = 0; i < ROUNDS && j->st == DCVAL_OK; i++) {
		if (i == 1) {
			memcpy(j->first, d.text, sizeof(j->first));
			j->violations += d.n;
			digest_reset(&d);
		}
		for (k = 0; k < 4 && j->st == DCVAL_OK; k++) {
			n = snprintf(rec, sizeof(rec), records[k], i * 4 + k + 1);
			j->st = dcval_session_check(s, rec, (size_t)n, &err);
		}
		if (i > 0) {
			j->violations += d.n;
			digest_reset(&d);
		}
	}
	j->counts = *dcval_validator_counts(v);
out:
	dcval_session_free(s);
	dcval_validator_free(v);
	return NULL;
}

static void test_session_threads_share_contract(void **state)
{
	struct job one, jobs[THREADS];
	pthread_t t[THREADS];
	dcval_contract *c;
	dcval_error err;
	int i;

	(void)state;
	dcval_error_clear(&err);
	c = dcval_contract_load_buffer("c.yaml", session_contract,
				       strlen(session_contract), &err);
	assert_non_null(c);
	memset(&one, 0, sizeof(one));
	one.c = c;
	work(&one);
	assert_int_equal(one.st, DCVAL_OK);
	assert_string_equal(one.first,
			    "enum:2:2:kind maximum:2:2:score pattern:2:2:code "
			    "extra_column:3:3:extra malformed:4:4:-");
	assert_int_equal(one.counts.records, 4 * ROUNDS);
	assert_int_equal(one.counts.invalid_records, 3 * ROUNDS);
	for (i = 0; i < THREADS; i++) {
		memset(&jobs[i], 0, sizeof(jobs[i]));
		jobs[i].c = c;
		assert_int_equal(pthread_create(&t[i], NULL, work, &jobs[i]), 0);
	}
	for (i = 0; i < THREADS; i++)
		assert_int_equal(pthread_join(t[i], NULL), 0);
	for (i = 0; i < THREADS; i++) {
		assert_int_equal(jobs[i].st, DCVAL_OK);
		assert_string_equal(jobs[i].first, one.first);
		assert_int_equal(jobs[i].violations, one.violations);
		assert_memory_equal(&jobs[i].counts, &one.counts, sizeof(one.counts));
	}
	dcval_contract_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_session_threads_share_contract),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
