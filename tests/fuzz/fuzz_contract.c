/*
 * Fuzz target: bytes as a contract (dcval_contract_load_buffer).
 *
 * Invariants: loading either gives a contract and leaves the error record
 * clear, or gives NULL with DCVAL_ECONTRACT or DCVAL_ENOMEM and a
 * non-empty, NUL-terminated message with a 1-based position or none. A
 * loaded contract dumps without error, and validates a small CSV and a
 * small JSON Lines input with the common invariants kept.
 */
#include "fuzz_common.h"

static const char csv_in[] = "a,b,c\n1,x,2026-01-01\n,,\n\"q\"\"\",\xff,3\n";
static const char jsonl_in[] = "{\"a\": 1, \"b\": {\"c\": [1]}}\n{}\n[1]\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dcval_error err;
	dcval_contract *c;
	struct fuzz_run r;
	char *dump = NULL;
	size_t dump_len = 0;
	FILE *f;

	dcval_error_clear(&err);
	c = dcval_contract_load_buffer("fuzz.yaml", (const char *)data, size, &err);
	FUZZ_ASSERT(memchr(err.text, '\0', sizeof(err.text)));
	FUZZ_ASSERT(memchr(err.file, '\0', sizeof(err.file)));
	if (!c) {
		FUZZ_ASSERT(err.status == DCVAL_ECONTRACT || err.status == DCVAL_ENOMEM);
		FUZZ_ASSERT(err.text[0] != '\0');
		return 0;
	}
	FUZZ_ASSERT(err.status == DCVAL_OK);
	FUZZ_ASSERT(dcval_contract_name(c) != NULL);
	FUZZ_ASSERT(strlen(dcval_contract_sha256(c)) == 64);
	FUZZ_ASSERT(dcval_contract_column_count(c) >= 1);
	f = open_memstream(&dump, &dump_len);
	FUZZ_ASSERT(f);
	FUZZ_ASSERT(dcval_contract_dump(c, f) == DCVAL_OK);
	FUZZ_ASSERT(fclose(f) == 0);
	free(dump);
	fuzz_validate(c, DCVAL_FORMAT_CSV, (const uint8_t *)csv_in,
		      sizeof(csv_in) - 1, 0, 0, true, 0, &r);
	fuzz_run_free(&r);
	fuzz_validate(c, DCVAL_FORMAT_JSONL, (const uint8_t *)jsonl_in,
		      sizeof(jsonl_in) - 1, 0, 0, true, 0, &r);
	fuzz_run_free(&r);
	dcval_contract_free(c);
	return 0;
}
