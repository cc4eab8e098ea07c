/*
 * Fuzz target: bytes as a CSV (and TSV) input against fixed contracts that
 * exercise every kind of check, with quarantine to memory streams.
 *
 * Besides the common invariants (fuzz_common.h), nothing is lost:
 *  - header-less run: the two quarantine outputs hold exactly the input's
 *    bytes (BOM and blank lines excepted): for every byte value other than
 *    CR and LF, count(valid) + count(invalid) == count(input); at most one
 *    LF more than the input has, and only when its last line has no line
 *    end (the "\n" quarantine adds after a last record);
 *  - header run: the same, plus one copy of the header, which must be a
 *    common prefix of both outputs;
 *  - reading each output back gives records - invalid_records and
 *    invalid_records records.
 */
#include "fuzz_common.h"

static const char csv_yaml[] =
	"contract: fuzz\n"
	"version: 1.0.0\n"
	"input: {null_values: ['', NA]}\n"
	"schema: {extra_columns: warn, missing_columns: warn}\n"
	"columns:\n"
	"  - {name: id, type: integer, required: true, unique: true, minimum: 0, maximum: 1000000}\n"
	"  - {name: n, type: number, exclusive_minimum: -1e9, maximum: 1e9}\n"
	"  - {name: b, type: boolean, true_values: [y], false_values: [n]}\n"
	"  - {name: d, type: date, minimum: '2000-01-01'}\n"
	"  - {name: ts, type: datetime, maximum: '2100-01-01T00:00:00Z'}\n"
	"  - {name: t, type: time}\n"
	"  - {name: e, type: string, enum: [click, view, \"\\u00e9t\\u00e9\"]}\n"
	"  - {name: p, type: string, pattern: '^(a+)+$', severity: warn}\n"
	"  - {name: m, type: string, format: email, sensitive: true}\n"
	"  - {name: u, type: string, format: uuid}\n"
	"  - {name: h, type: string, format: hostname, min_length: 1, max_length: 20}\n"
	"  - {name: ip, type: string, format: ipv6}\n"
	"  - {name: i4, type: string, format: ipv4}\n"
	"  - {name: uri, type: string, format: uri}\n"
	"  - {name: df, type: date, format: '%d/%b/%Y'}\n"
	"  - {name: tf, type: datetime, format: '%Y%m%d %I:%M %p%z'}\n"
	"  - {name: ie, type: integer, enum: [1, 2]}\n"
	"  - {name: any, type: any}\n"
	"dataset:\n"
	"  primary_key: [e, b]\n"
	"  row_count: {minimum: 1, maximum: 50}\n";

static const char pos_yaml[] =
	"contract: fuzzpos\n"
	"input: {header: false}\n"
	"columns:\n"
	"  - {name: a, type: integer, unique: true}\n"
	"  - {name: b, type: string, pattern: '^[a-z]*$', sensitive: true}\n"
	"  - {name: c, type: number, required: true}\n";

static const char tsv_yaml[] =
	"contract: fuzztsv\n"
	"input: {format: tsv, quote: \"'\"}\n"
	"schema: {column_order: strict, extra_columns: ignore}\n"
	"columns:\n"
	"  - {name: a, type: string, min_length: 2}\n"
	"  - {name: b, type: boolean}\n"
	"  - {name: c, type: time, minimum: '01:00:00'}\n";

static void count_bytes(const uint8_t *p, size_t n, uint64_t *cnt)
{
	size_t i;

	for (i = 0; i < n; i++)
		cnt[p[i]]++;
}

/*
 * The "nothing lost" byte check. With `header`, the outputs hold one
 * extra copy of the header: a common prefix of both whose byte counts
 * (CR and LF aside) are the excess.
 */
static void check_bytes(const struct fuzz_run *r, const uint8_t *data,
			size_t size, bool header)
{
	uint64_t in[256] = { 0 }, out[256] = { 0 }, pre[256] = { 0 };
	uint64_t want = 0, have = 0;
	size_t bom = fuzz_bom(data, size), i;
	int b;
	bool found;

	uint64_t added = size > bom && data[size - 1] != '\n' && data[size - 1] != '\r';

	count_bytes(data + bom, size - bom, in);
	/* a byte order mark of the input starts both outputs (which are
	 * empty when no header line was read) */
	if (header && r->valid_len == 0 && r->invalid_len == 0)
		bom = 0;
	FUZZ_ASSERT(r->valid_len >= bom && r->invalid_len >= bom);
	FUZZ_ASSERT(!memcmp(r->valid, data, bom) && !memcmp(r->invalid, data, bom));
	count_bytes((const uint8_t *)r->valid + bom, r->valid_len - bom, out);
	count_bytes((const uint8_t *)r->invalid + bom, r->invalid_len - bom, out);
	for (b = 0; b < 256; b++) {
		if (b == '\r' || b == '\n')
			continue;
		FUZZ_ASSERT(out[b] >= in[b]);
		want += out[b] - in[b];
	}
	if (!header) {
		FUZZ_ASSERT(want == 0);
		FUZZ_ASSERT(out['\r'] <= in['\r'] && out['\n'] <= in['\n'] + added);
		return;
	}
	/* find the common prefix holding exactly the excess */
	found = want == 0;
	for (i = bom; !found && i < r->valid_len && i < r->invalid_len &&
		    r->valid[i] == r->invalid[i]; i++) {
		b = (unsigned char)r->valid[i];
		pre[b]++;
		if (b != '\r' && b != '\n')
			have++;
		if (have == want) {
			found = true;
			for (b = 0; b < 256 && found; b++)
				if (b != '\r' && b != '\n' && pre[b] != out[b] - in[b])
					found = false;
			if (!found)
				break;
			/* the header's line end belongs to it */
			for (i++; i < r->valid_len && i < r->invalid_len &&
				   r->valid[i] == r->invalid[i] &&
				   (r->valid[i] == '\r' || r->valid[i] == '\n'); i++)
				pre[(unsigned char)r->valid[i]]++;
			break;
		}
	}
	FUZZ_ASSERT(found);
	FUZZ_ASSERT(out['\r'] <= in['\r'] + pre['\r']);
	FUZZ_ASSERT(out['\n'] <= in['\n'] + pre['\n'] + added);
}

static void check_reread(const dcval_contract *c, dcval_format f,
			 const struct fuzz_run *r, size_t max_field)
{
	uint64_t ok = r->counts.records - r->counts.invalid_records;

	FUZZ_ASSERT(fuzz_reread(c, f, r->valid, r->valid_len, max_field, 0) == ok);
	FUZZ_ASSERT(fuzz_reread(c, f, r->invalid, r->invalid_len, max_field, 0) ==
		    r->counts.invalid_records);
}

static void one(const char *yaml, dcval_format f, const uint8_t *data,
		size_t size, size_t max_field, unsigned flags, bool header)
{
	dcval_contract *c = fuzz_contract(yaml);
	struct fuzz_run r;

	fuzz_validate(c, f, data, size, max_field, 0, true, flags, &r);
	/* an oversized header ends the input: nothing is quarantined */
	if (r.stopped)
		FUZZ_ASSERT(r.counts.records == 0 && r.valid_len == 0 &&
			    r.invalid_len == 0);
	else if (!(flags & DCVAL_VALIDATE_FAIL_FAST)) {
		check_bytes(&r, data, size, header);
		check_reread(c, f, &r, max_field);
	}
	fuzz_run_free(&r);
	dcval_contract_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fuzz_compressed(data, size))
		return 0;
	one(csv_yaml, DCVAL_FORMAT_CSV, data, size, 0, 0, true);
	one(pos_yaml, DCVAL_FORMAT_CSV, data, size, 24, 0, false);
	one(tsv_yaml, DCVAL_FORMAT_AUTO, data, size, 64, DCVAL_VALIDATE_FAIL_FAST, true);
	return 0;
}
