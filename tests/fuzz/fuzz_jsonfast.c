/*
 * Differential fuzz target: the same bytes as a JSON Lines input through
 * the fast path (src/read/jfast.c) and through the strict path alone
 * (DCVAL_JSON_SLOWPATH=1: jdoc + jsonval.c, itself checked against
 * jansson by fuzz_jsondiff.c). Both runs must give the same violations in
 * the same order (record, line, field, column, rule, severity, the whole
 * raw value and the message detail), the same counts, the same verdict
 * of every record (both quarantine outputs byte for byte) and the same
 * statuses.
 *
 * The contracts are made to show values: the `show` contract's columns
 * fail on every present value, so each string, number, boolean, object
 * and array text reaches a violation; o.x and o.y.z meet non-object
 * parents, p and u take objects and arrays (JOTHER texts), and extra
 * keys are reported (key paths).
 * Each contract runs with and without --fail-fast, and with a small
 * line cap.
 */
#include "fuzz_common.h"

static const char show_yaml[] =
	"contract: show\n"
	"schema: {extra_columns: warn}\n"
	"columns:\n"
	"  - {name: a, type: string, enum: [\"\\u0001\"]}\n"
	"  - {name: b, type: number, maximum: -1e300}\n"
	"  - {name: c, type: boolean, enum: [true]}\n"
	"  - {name: p, type: string, enum: [\"\\u0001\"]}\n"
	"  - {name: o.x, type: string, enum: [\"\\u0001\"]}\n"
	"  - {name: o.y.z, type: integer, maximum: -1}\n"
	"  - {name: u, type: any, required: true, unique: true}\n";

static const char typed_yaml[] =
	"contract: typed\n"
	"schema: {extra_columns: error}\n"
	"columns:\n"
	"  - {name: id, type: integer, required: true, unique: true, minimum: 0}\n"
	"  - {name: n, type: number, maximum: 1e300}\n"
	"  - {name: s, type: string, enum: [x, y, \"\\u00e9\"], sensitive: true}\n"
	"  - {name: user.country, type: string, pattern: '^[A-Z]{2}$'}\n"
	"  - {name: dotted, path: [a, 'b.c', d], type: date}\n"
	"  - {name: m, type: string, format: email, min_length: 3}\n"
	"dataset:\n"
	"  primary_key: [s, n]\n";

static const char coerce_yaml[] =
	"contract: fuzzc\n"
	"input: {coerce: true, null_values: ['', 'null', NA]}\n"
	"schema: {extra_columns: ignore}\n"
	"columns:\n"
	"  - {name: a, type: integer, exclusive_maximum: 10}\n"
	"  - {name: x.y.z, type: string, max_length: 4}\n";

/* One run's observable output. */
struct side {
	char *log;          /* one line per violation */
	size_t log_len;
	char *valid;        /* quarantine outputs */
	size_t valid_len;
	char *invalid;
	size_t invalid_len;
	dcval_counts counts;
	dcval_status st;
	dcval_status fin;
};

static dcval_status on_violation(void *ud, const dcval_violation *v)
{
	FILE *f = ud;

	fprintf(f, "%llu:%llu:%u:%s:%s:%d:%d:", (unsigned long long)v->record,
		(unsigned long long)v->line, v->field,
		v->column ? v->column : "-", v->rule, (int)v->severity,
		(int)v->redacted);
	if (v->value) {
		fprintf(f, "%zu:", v->value_len);
		fwrite(v->value, 1, v->value_len, f);
	} else {
		fputs("none", f);
	}
	fprintf(f, ":%s\n", v->detail);
	return DCVAL_OK;
}

static void run(const dcval_contract *c, const uint8_t *data, size_t size,
		size_t max_line, uint32_t flags, bool slow, struct side *s)
{
	dcval_validate_opts o;
	dcval_validator *v;
	dcval_error err;
	FILE *lf, *vf, *inf, *src;

	memset(s, 0, sizeof(*s));
	memset(&o, 0, sizeof(o));
	if (slow)
		setenv("DCVAL_JSON_SLOWPATH", "1", 1);
	else
		unsetenv("DCVAL_JSON_SLOWPATH");
	lf = open_memstream(&s->log, &s->log_len);
	vf = open_memstream(&s->valid, &s->valid_len);
	inf = open_memstream(&s->invalid, &s->invalid_len);
	FUZZ_ASSERT(lf && vf && inf);
	o.format = DCVAL_FORMAT_JSONL;
	o.flags = flags;
	o.on_violation = on_violation;
	o.ud = lf;
	o.max_line_bytes = max_line;
	o.valid_out = vf;
	o.invalid_out = inf;
	dcval_error_clear(&err);
	v = dcval_validator_new(c, &o, &err);
	FUZZ_ASSERT(v);
	src = size ? fmemopen((void *)data, size, "rb") : fopen("/dev/null", "rb");
	FUZZ_ASSERT(src);
	s->st = dcval_validator_run(v, "fuzz", src, &err);
	fclose(src);
	s->fin = s->st == DCVAL_OK ? dcval_validator_finish(v) : DCVAL_OK;
	s->counts = *dcval_validator_counts(v);
	dcval_validator_free(v);
	FUZZ_ASSERT(fclose(lf) == 0 && fclose(vf) == 0 && fclose(inf) == 0);
	unsetenv("DCVAL_JSON_SLOWPATH");
}

static bool same_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
	return alen == blen && (!alen || !memcmp(a, b, alen));
}

static void side_free(struct side *s)
{
	free(s->log);
	free(s->valid);
	free(s->invalid);
}

/* The contracts, compiled once per process (compiling dominates a run). */
static const dcval_contract *contract(int i)
{
	static const char *const yaml[] = { show_yaml, typed_yaml, coerce_yaml };
	static dcval_contract *c[3];

	if (!c[i])
		c[i] = fuzz_contract(yaml[i]);
	return c[i];
}

static void compare(int ci, const uint8_t *data, size_t size,
		    size_t max_line, uint32_t flags)
{
	const dcval_contract *c = contract(ci);
	struct side fast, slow;

	run(c, data, size, max_line, flags, false, &fast);
	run(c, data, size, max_line, flags, true, &slow);
	if (!same_bytes(fast.log, fast.log_len, slow.log, slow.log_len))
		fprintf(stderr, "fast:\n%.*s\nslow:\n%.*s\n", (int)fast.log_len,
			fast.log ? fast.log : "", (int)slow.log_len,
			slow.log ? slow.log : "");
	FUZZ_ASSERT(same_bytes(fast.log, fast.log_len, slow.log, slow.log_len));
	FUZZ_ASSERT(same_bytes(fast.valid, fast.valid_len, slow.valid, slow.valid_len));
	FUZZ_ASSERT(same_bytes(fast.invalid, fast.invalid_len, slow.invalid,
			       slow.invalid_len));
	FUZZ_ASSERT(!memcmp(&fast.counts, &slow.counts, sizeof(fast.counts)));
	FUZZ_ASSERT(fast.st == slow.st && fast.fin == slow.fin);
	side_free(&fast);
	side_free(&slow);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fuzz_compressed(data, size))
		return 0;
	compare(0, data, size, 0, 0);
	compare(0, data, size, 0, DCVAL_VALIDATE_FAIL_FAST);
	compare(0, data, size, 64, 0);
	compare(1, data, size, 0, 0);
	compare(1, data, size, 0, DCVAL_VALIDATE_FAIL_FAST);
	compare(2, data, size, 0, 0);
	return 0;
}
