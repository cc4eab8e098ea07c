/*
 * Validating requests in a service: load a contract once, then check
 * records held in memory, one call per record, with the violations
 * coming back through a callback before the call returns.
 *
 *     cc embed.c $(pkg-config --cflags --libs dcval) -o embed
 *     ./embed contracts/events.yaml
 *
 * The program checks a few request bodies (JSON) and csv lines against
 * the events contract and prints each violation as
 * "PATH record N: [RULE] COLUMN: MESSAGE", then whether it was accepted.
 * It exits 0, or 2 when the contract cannot be loaded or a call fails.
 */
#include <stdio.h>
#include <string.h>

#include "dcval/dcval.h"

/* What the service does with a violation: here, print it. */
static dcval_status on_violation(void *ud, const dcval_violation *v)
{
	char msg[512];

	(void)ud;
	dcval_violation_message(v, msg, sizeof(msg));
	printf("  %s record %llu: [%s] %s: %s\n", v->path,
	       (unsigned long long)v->record, v->rule,
	       v->column ? v->column : "-", msg);
	return DCVAL_OK;
}

static const char *const requests[] = {
	"{\"event_id\": 1, \"user_id\": \"9b2f6c1e-3a4d-4e5f-8a7b-1c2d3e4f5a6b\","
	" \"event_ts\": \"2024-03-01T12:00:00Z\", \"event_type\": \"click\","
	" \"amount\": 12.5, \"country\": \"DE\", \"score\": 0.3, \"is_test\": false}",
	"{\"event_id\": 2, \"user_id\": \"not-a-uuid\","
	" \"event_ts\": \"2024-03-01T12:00:01Z\", \"event_type\": \"tap\","
	" \"score\": 1.5}",
	"{\"event_id\": 3, \"user_id\": ",
};

static const char csv_header[] =
	"event_id,user_id,event_ts,event_type,amount,country,email,score,is_test\n";
static const char *const csv_lines[] = {
	"4,9b2f6c1e-3a4d-4e5f-8a7b-1c2d3e4f5a6b,2024-03-01T12:00:02Z,view,,FR,a@example.com,0.5,false",
	"5,9b2f6c1e-3a4d-4e5f-8a7b-1c2d3e4f5a6b,2019-12-31T23:59:59Z,view,-1,fr,,0.5,false\n",
};

/* Check each record of one session; false on an error (not a violation). */
static bool check_all(dcval_validator *v, dcval_format format,
		      const char *header, const char *const *recs, size_t n)
{
	const dcval_counts *c = dcval_validator_counts(v);
	dcval_error err;
	dcval_session *s;
	uint64_t before;
	size_t i;
	bool ok = true;

	dcval_error_clear(&err);
	s = dcval_session_new(v, format == DCVAL_FORMAT_CSV ? "csv" : "json",
			      format, &err);
	if (!s) {
		fprintf(stderr, "embed: %s\n", err.text);
		return false;
	}
	if (header && dcval_session_header(s, header, strlen(header), &err) !=
			      DCVAL_OK)
		ok = false;
	for (i = 0; ok && i < n; i++) {
		before = c->invalid_records;
		printf("%s record %zu:\n", format == DCVAL_FORMAT_CSV ? "csv" : "json",
		       i + 1);
		if (dcval_session_check(s, recs[i], strlen(recs[i]), &err) != DCVAL_OK)
			ok = false;
		else
			printf("  %s\n", c->invalid_records > before ? "rejected"
								      : "accepted");
	}
	if (!ok)
		fprintf(stderr, "embed: %s\n", err.text);
	dcval_session_free(s);
	return ok;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "contracts/events.yaml";
	dcval_validate_opts opts;
	dcval_contract *contract;
	dcval_validator *v;
	dcval_error err;
	bool ok;

	dcval_error_clear(&err);
	/* once, at start-up: the compiled contract is shared read-only by
	 * every validator, on any thread */
	contract = dcval_contract_load_file(path, &err);
	if (!contract) {
		fprintf(stderr, "embed: %s:%lu:%lu: %s\n", err.file, err.line,
			err.col, err.text);
		return 2;
	}
	/* one validator per thread: it holds the per-record scratch */
	memset(&opts, 0, sizeof(opts));
	opts.on_violation = on_violation;
	v = dcval_validator_new(contract, &opts, &err);
	if (!v) {
		dcval_contract_free(contract);
		return 2;
	}
	ok = check_all(v, DCVAL_FORMAT_JSONL, NULL, requests,
		       sizeof(requests) / sizeof(requests[0])) &&
	     check_all(v, DCVAL_FORMAT_CSV, csv_header, csv_lines,
		       sizeof(csv_lines) / sizeof(csv_lines[0]));
	printf("%llu records, %llu invalid\n",
	       (unsigned long long)dcval_validator_counts(v)->records,
	       (unsigned long long)dcval_validator_counts(v)->invalid_records);
	dcval_validator_free(v);
	dcval_contract_free(contract);
	if (!ok)
		return 2;
	return 0;
}
