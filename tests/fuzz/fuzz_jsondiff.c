/*
 * Differential fuzz target: the same bytes through dcval's JSON parser
 * (src/read/jdoc.c) and through jansson (the oracle: the parser dcval
 * used before, with the flags it used: JSON_DECODE_ANY |
 * JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL). They must agree on whether
 * the bytes are one valid JSON value, on whether a fault is invalid
 * UTF-8 (rule `encoding`) or something else, and on every value: the same
 * tree, the same string bytes, numbers equal (jansson's integers exactly,
 * its reals as the same double).
 *
 * The documented differences (jdoc.h), where jdoc keeps data that jansson
 * cannot hold:
 *  - an integer beyond 64 bits fails in jansson ("too big integer"): it is
 *    re-read with JSON_DECODE_INT_AS_REAL and compared as doubles;
 *  - a number beyond the double range (`1e400`) fails in jansson ("real
 *    number overflow"): jdoc's verdict is not compared;
 *  - "\u0000" in a key fails in jansson: not compared either.
 * And one jansson quirk: its reader uses NUL as the end of its one-
 * character push-back buffer, so a raw NUL byte right after a number or a
 * word is skipped (`[1\0]` loads). A raw NUL byte is never valid JSON (not
 * whitespace, and a control character in a string): with one in the
 * input, jdoc must reject it, and jansson's verdict is not compared.
 */
#include <jansson.h>
#include <math.h>

#include "fuzz_common.h"
#include "value/decimal.h"
#include "value/types.h"
#include "util/jdoc.h"

#define ORACLE_FLAGS (JSON_DECODE_ANY | JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL)

static void same_number(const dv_jdoc *d, size_t i, const json_t *j)
{
	size_t len;
	const char *s = dv_jdoc_bytes(d, i, &len);
	int64_t v;
	double x;

	if (json_is_integer(j)) {
		/* jansson's integers have neither fraction nor exponent */
		FUZZ_ASSERT(!memchr(s, '.', len) && !memchr(s, 'e', len) &&
			    !memchr(s, 'E', len));
		FUZZ_ASSERT(dv_dec_to_int64(s, len, &v));
		FUZZ_ASSERT(v == json_integer_value(j));
		return;
	}
	FUZZ_ASSERT(json_is_real(j));
	FUZZ_ASSERT(dv_parse_number(s, len, &x));
	FUZZ_ASSERT(x == json_real_value(j) &&
		    !signbit(x) == !signbit(json_real_value(j)));
}

/* Node i of d and jansson's value j are the same value. */
static void same(const dv_jdoc *d, size_t i, const json_t *j)
{
	const dv_jnode *n = &d->nodes[i];
	size_t len, k, count = 0;
	const char *s;

	switch (n->type) {
	case DV_J_NULL:
		FUZZ_ASSERT(json_is_null(j));
		return;
	case DV_J_TRUE:
		FUZZ_ASSERT(json_is_true(j));
		return;
	case DV_J_FALSE:
		FUZZ_ASSERT(json_is_false(j));
		return;
	case DV_J_NUMBER:
		same_number(d, i, j);
		return;
	case DV_J_STRING:
		s = dv_jdoc_bytes(d, i, &len);
		FUZZ_ASSERT(json_is_string(j) && json_string_length(j) == len);
		FUZZ_ASSERT(!len || !memcmp(json_string_value(j), s, len));
		return;
	case DV_J_ARRAY:
		FUZZ_ASSERT(json_is_array(j));
		for (k = i + 1; k < n->len; k = dv_jdoc_next(d, k))
			same(d, k, json_array_get(j, count++));
		FUZZ_ASSERT(count == json_array_size(j));
		return;
	default:
		FUZZ_ASSERT(n->type == DV_J_OBJECT && json_is_object(j));
		for (k = i + 1; k < n->len; k = dv_jdoc_next(d, k + 1)) {
			const json_t *v;

			s = dv_jdoc_bytes(d, k, &len);
			v = json_object_getn(j, s, len);
			FUZZ_ASSERT(v);
			same(d, k + 1, v);
			count++;
		}
		FUZZ_ASSERT(count == json_object_size(j));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	json_error_t e;
	json_t *j;
	dv_jdoc d;
	bool valid;

	dv_jdoc_init(&d, (size_t)1 << 30);
	FUZZ_ASSERT(dv_jdoc_parse(&d, s, size, &valid) == DCVAL_OK);
	if (memchr(s, '\0', size)) {
		FUZZ_ASSERT(!valid);
		dv_jdoc_release(&d);
		return 0;
	}
	j = json_loadb(s, size, ORACLE_FLAGS, &e);
	if (!j && json_error_code(&e) == json_error_numeric_overflow)
		j = json_loadb(s, size, ORACLE_FLAGS | JSON_DECODE_INT_AS_REAL, &e);
	if (j) {
		FUZZ_ASSERT(valid);
		same(&d, 0, j);
	} else if (json_error_code(&e) != json_error_numeric_overflow &&
		   json_error_code(&e) != json_error_null_byte_in_key) {
		FUZZ_ASSERT(!valid);
		FUZZ_ASSERT((json_error_code(&e) == json_error_invalid_utf8) ==
			    (d.err.code == DV_JERR_UTF8));
		FUZZ_ASSERT(d.err.pos <= size && d.err.reason);
	}
	json_decref(j);
	dv_jdoc_release(&d);
	return 0;
}
