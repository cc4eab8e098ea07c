/*
 * Fuzz target: bytes as a JSON array input, with quarantine to memory
 * streams (the outputs are JSON Lines).
 *
 * Besides the common invariants (fuzz_common.h), nothing is lost: the
 * valid output has records - invalid_records lines, the invalid output
 * invalid_records lines, each line one element with no line break inside,
 * and reading each output back as JSON Lines gives the same numbers.
 */
#include "fuzz_common.h"

static const char json_yaml[] =
	"contract: fuzz\n"
	"schema: {extra_columns: warn}\n"
	"columns:\n"
	"  - {name: id, type: integer, required: true, unique: true}\n"
	"  - {name: n, type: number, minimum: -1, maximum: 1e300}\n"
	"  - {name: b, type: boolean}\n"
	"  - {name: s, type: string, enum: [x, y], sensitive: true}\n"
	"  - {name: user.country, type: string, pattern: '^[A-Z]{2}$'}\n"
	"  - {name: user.tags, type: any}\n"
	"  - {name: ts, type: datetime}\n"
	"  - {name: u, type: string, format: uri}\n"
	"dataset:\n"
	"  row_count: {maximum: 3}\n";

static uint64_t lines(const char *p, size_t n)
{
	uint64_t k = 0;
	size_t i;

	for (i = 0; i < n; i++)
		k += p[i] == '\n';
	FUZZ_ASSERT(!n || p[n - 1] == '\n');
	return k;
}

static void one(const uint8_t *data, size_t size, size_t max_line)
{
	dcval_contract *c = fuzz_contract(json_yaml);
	struct fuzz_run r;
	uint64_t ok;

	fuzz_validate(c, DCVAL_FORMAT_JSON, data, size, 0, max_line, true, 0, &r);
	ok = r.counts.records - r.counts.invalid_records;
	FUZZ_ASSERT(lines(r.valid, r.valid_len) == ok);
	FUZZ_ASSERT(lines(r.invalid, r.invalid_len) == r.counts.invalid_records);
	FUZZ_ASSERT(fuzz_reread(c, DCVAL_FORMAT_JSONL, r.valid, r.valid_len, 0,
				max_line) == ok);
	FUZZ_ASSERT(fuzz_reread(c, DCVAL_FORMAT_JSONL, r.invalid, r.invalid_len,
				0, max_line) == r.counts.invalid_records);
	fuzz_run_free(&r);
	dcval_contract_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fuzz_compressed(data, size))
		return 0;
	one(data, size, 0);
	one(data, size, 64);
	return 0;
}
