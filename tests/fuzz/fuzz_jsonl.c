/*
 * Fuzz target: bytes as a JSON Lines input against fixed contracts (nested
 * paths, every type, coercion), with quarantine to memory streams.
 *
 * Besides the common invariants (fuzz_common.h), nothing is lost, byte for
 * byte and in order: the input's non-blank lines (BOM skipped, a final
 * line given its "\n") are exactly the valid output's lines followed
 * through the invalid output's, each line on the side its verdict says
 * (an error reported on its record number: invalid). A line longer than
 * the cap is one record even when blank (README: such a line is one
 * `malformed` violation, never buffered, so never seen to be blank).
 */
#include "fuzz_common.h"

static const char jsonl_yaml[] =
	"contract: fuzz\n"
	"schema: {extra_columns: warn}\n"
	"columns:\n"
	"  - {name: id, type: integer, required: true, unique: true, minimum: 0}\n"
	"  - {name: n, type: number, maximum: 1e300}\n"
	"  - {name: b, type: boolean}\n"
	"  - {name: s, type: string, enum: [x, y, \"\\u00e9\"], sensitive: true}\n"
	"  - {name: user.country, type: string, pattern: '^[A-Z]{2}$'}\n"
	"  - {name: user.age, type: integer, maximum: 150, severity: warn}\n"
	"  - {name: dotted, path: [a, 'b.c', d], type: date}\n"
	"  - {name: ts, type: datetime}\n"
	"  - {name: m, type: string, format: email, min_length: 3}\n"
	"  - {name: any, type: any}\n"
	"dataset:\n"
	"  primary_key: [s, b]\n";

static const char coerce_yaml[] =
	"contract: fuzzc\n"
	"input: {coerce: true, null_values: ['', 'null', NA]}\n"
	"schema: {extra_columns: ignore}\n"
	"columns:\n"
	"  - {name: a, type: integer, exclusive_maximum: 10}\n"
	"  - {name: b, type: number}\n"
	"  - {name: c, type: boolean}\n"
	"  - {name: d, type: time}\n"
	"  - {name: x.y.z, type: string, max_length: 4}\n";

static bool is_blank(const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
			return false;
	return true;
}

static void append(char **buf, size_t *len, size_t *cap, const void *p, size_t n)
{
	if (*len + n > *cap) {
		*cap = (*len + n) * 2 + 64;
		*buf = realloc(*buf, *cap);
		FUZZ_ASSERT(*buf);
	}
	memcpy(*buf + *len, p, n);
	*len += n;
}

static void check_lines(const struct fuzz_run *r, const uint8_t *data, size_t size)
{
	char *ev = NULL, *ei = NULL;
	size_t evl = 0, evc = 0, eil = 0, eic = 0;
	size_t pos = fuzz_bom(data, size);
	uint64_t rec = 0;

	if (r->n_bad > FUZZ_MAX_TRACK)
		return;
	while (pos < size) {
		const uint8_t *nl = memchr(data + pos, '\n', size - pos);
		size_t end = nl ? (size_t)(nl - data) + 1 : size;
		size_t body = nl ? end - pos - 1 : end - pos;
		bool bad;

		if (!is_blank(data + pos, body)) {
			rec++;
			bad = fuzz_is_bad(r, rec);
			append(bad ? &ei : &ev, bad ? &eil : &evl, bad ? &eic : &evc,
			       data + pos, end - pos);
			if (!nl)
				append(bad ? &ei : &ev, bad ? &eil : &evl,
				       bad ? &eic : &evc, "\n", 1);
		}
		pos = end;
	}
	FUZZ_ASSERT(rec == r->counts.records);
	FUZZ_ASSERT(evl == r->valid_len && (!evl || !memcmp(ev, r->valid, evl)));
	FUZZ_ASSERT(eil == r->invalid_len && (!eil || !memcmp(ei, r->invalid, eil)));
	free(ev);
	free(ei);
}

static void one(const char *yaml, const uint8_t *data, size_t size,
		size_t max_line)
{
	dcval_contract *c = fuzz_contract(yaml);
	struct fuzz_run r;

	fuzz_validate(c, DCVAL_FORMAT_JSONL, data, size, 0, max_line, true, 0, &r);
	check_lines(&r, data, size);
	fuzz_run_free(&r);
	dcval_contract_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fuzz_compressed(data, size))
		return 0;
	one(jsonl_yaml, data, size, 0);
	one(jsonl_yaml, data, size, 48);
	one(coerce_yaml, data, size, 0);
	return 0;
}
