/*
 * Issue #4: a program built against an installed libdcval with only
 * `pkg-config --cflags --libs --static dcval`. It loads a contract from
 * a buffer, validates a small CSV read through fmemopen and prints what
 * the callbacks saw; tests/install/run.sh compares that output.
 */
#include <stdio.h>
#include <string.h>

#include <dcval/dcval.h>

static const char contract[] =
	"contract: embed\n"
	"version: 1.0.0\n"
	"columns:\n"
	"  - {name: id, type: integer, required: true, unique: true}\n"
	"  - {name: score, type: number, minimum: 0, maximum: 1}\n";

static char csv[] = "id,score\n1,0.5\n2,1.5\n2,0.1\n";

struct seen {
	unsigned violations;
	unsigned progress_calls;
	unsigned long long last_bytes;
};

static dcval_status on_violation(void *ud, const dcval_violation *v)
{
	struct seen *s = ud;
	char msg[256];

	dcval_violation_message(v, msg, sizeof(msg));
	printf("%s:%llu: %s: %s [%s]\n", v->path, (unsigned long long)v->line,
	       v->column ? v->column : "-", msg, v->rule);
	s->violations++;
	return DCVAL_OK;
}

static void on_progress(void *ud, const char *path, uint64_t bytes,
			uint64_t records)
{
	struct seen *s = ud;

	(void)path;
	(void)records;
	s->progress_calls++;
	s->last_bytes = bytes;
}

int main(void)
{
	struct seen s = { 0, 0, 0 };
	dcval_validate_opts opts;
	dcval_contract *c;
	dcval_validator *v;
	dcval_error err;
	FILE *in;
	int rc = 1;

	dcval_error_clear(&err);
	c = dcval_contract_load_buffer("embed.yaml", contract, strlen(contract), &err);
	if (!c) {
		fprintf(stderr, "load: %s\n", err.text);
		return 2;
	}
	memset(&opts, 0, sizeof(opts));
	opts.on_violation = on_violation;
	opts.ud = &s;
	opts.on_progress = on_progress;
	opts.progress_ud = &s;
	v = dcval_validator_new(c, &opts, &err);
	in = fmemopen(csv, strlen(csv), "r");
	if (v && in && dcval_validator_run(v, "mem.csv", in, &err) == DCVAL_OK &&
	    dcval_validator_finish(v) == DCVAL_OK) {
		printf("dcval %s, contract %s %s: %llu records, %llu errors\n",
		       dcval_version(), dcval_contract_name(c),
		       dcval_contract_version(c),
		       (unsigned long long)dcval_validator_counts(v)->records,
		       (unsigned long long)dcval_validator_counts(v)->errors);
		printf("progress called %s, last at %llu of %zu bytes\n",
		       s.progress_calls ? "yes" : "no", s.last_bytes, strlen(csv));
		rc = s.violations == 2 ? 0 : 1;
	} else {
		fprintf(stderr, "run: %s\n", err.text);
	}
	if (in)
		fclose(in);
	dcval_validator_free(v);
	dcval_contract_free(c);
	return rc;
}
