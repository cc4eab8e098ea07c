/*
 * Fuzz target: bytes as a cross-field rule expression (contract.md
 * "Cross-field rules"), compiled against a fixed set of columns.
 *
 * Invariants: the compiler gives a typed boolean tree, or an error whose
 * offset lies inside the text (or at its end) with a non-empty,
 * NUL-terminated message; a tree dumps, and evaluates to a boolean or
 * null over a record of nulls and a record of values, allocating
 * nothing. The same text as a contract's `check` (a block scalar) loads,
 * or fails with a 1-based line inside the file.
 */
#include "fuzz_common.h"

#include "contract/contract_impl.h"
#include "contract/expr.h"
#include "engine/rules.h"

static const char columns[] =
	"contract: f\n"
	"columns:\n"
	"  - {name: i, type: integer}\n"
	"  - {name: n, type: number}\n"
	"  - {name: s, type: string}\n"
	"  - {name: b, type: boolean}\n"
	"  - {name: d, type: date}\n"
	"  - {name: ts, type: datetime}\n"
	"  - {name: tm, type: time}\n"
	"  - {name: x, type: any}\n"
	"  - {name: unit price, type: number}\n";

#define N_COLS 9

static void eval_all(const dv_xnode *x)
{
	dv_value values[N_COLS];
	dv_typed typed[N_COLS];
	bool has[N_COLS];
	dv_xenv env;
	dv_xval v;
	size_t k;

	memset(values, 0, sizeof(values));
	memset(typed, 0, sizeof(typed));
	memset(has, 0, sizeof(has));
	env.values = values;
	env.typed = typed;
	env.has_typed = has;
	env.now_secs = 1767225600;
	env.now_ns = 5;
	dv_expr_eval(x, &env, &v);
	FUZZ_ASSERT(v.t == DV_X_NULL || v.t == DV_X_BOOL);
	for (k = 0; k < N_COLS; k++) {
		has[k] = true;
		typed[k].i = k % 2 ? INT64_MAX : INT64_MIN + 1;
		typed[k].ns = 999999999;
		typed[k].d = 1e308;
	}
	values[2].s = "AbC";
	values[2].len = 3;
	dv_expr_eval(x, &env, &v);
	FUZZ_ASSERT(v.t == DV_X_NULL || v.t == DV_X_BOOL);
}

/* The text as a block scalar `check` of a contract. */
static void as_contract(const uint8_t *data, size_t size)
{
	char *yaml = malloc(sizeof(columns) + 64 + size * 7);
	size_t o, i, lines = 1;
	dcval_contract *c;
	dcval_error err;

	FUZZ_ASSERT(yaml);
	o = (size_t)sprintf(yaml, "%srules:\n  - name: r\n    check: |-\n      ",
			    columns);
	for (i = 0; i < size; i++) {
		yaml[o++] = (char)data[i];
		if (data[i] == '\n') {
			memcpy(yaml + o, "      ", 6);
			o += 6;
		}
	}
	yaml[o++] = '\n';
	/* YAML breaks lines at LF, CRLF and a lone CR (YAML 1.1 5.4) */
	for (i = 0; i < o; i++)
		lines += yaml[i] == '\n' ||
			 (yaml[i] == '\r' && (i + 1 == o || yaml[i + 1] != '\n'));
	c = dcval_contract_load_buffer("f.yaml", yaml, o, &err);
	if (c) {
		FUZZ_ASSERT(err.status == DCVAL_OK);
		dcval_contract_free(c);
	} else {
		FUZZ_ASSERT(err.text[0] != '\0');
		FUZZ_ASSERT(err.line <= lines);
	}
	free(yaml);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dcval_contract *c;
	dcval_error err;
	dv_xerr xerr;
	dv_xnode *x;
	char *dump = NULL;
	size_t dump_len = 0;
	FILE *f;

	if (size > 4096)
		return 0;
	c = dcval_contract_load_buffer("f.yaml", columns, sizeof(columns) - 1,
				       &err);
	FUZZ_ASSERT(c);
	x = dv_expr_compile(c, (const char *)data, size, &xerr);
	FUZZ_ASSERT(memchr(xerr.text, '\0', sizeof(xerr.text)));
	if (!x) {
		FUZZ_ASSERT(xerr.text[0] != '\0');
		FUZZ_ASSERT(xerr.off <= size);
	} else {
		FUZZ_ASSERT(x->type == DV_X_BOOL);
		f = open_memstream(&dump, &dump_len);
		FUZZ_ASSERT(f);
		dv_expr_dump(x, c, f);
		FUZZ_ASSERT(fclose(f) == 0);
		free(dump);
		eval_all(x);
	}
	dcval_contract_free(c);
	as_contract(data, size);
	return 0;
}
