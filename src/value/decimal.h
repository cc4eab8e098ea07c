/*
 * Decimal numbers read exactly from their text: no rounding to double.
 *
 * The syntax is that of dv_parse_number() (types.h), a superset of JSON's:
 * [+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?. A value is kept as
 * the spans of its digits and its written exponent, so the functions here
 * cost one pass over the text and allocate nothing (dv_dec_key appends to
 * a caller's buffer).
 *
 * Exactness: every digit counts, however many; the written exponent is
 * exact up to DV_DEC_EXP_SAT in magnitude and saturates beyond (two
 * numbers whose exponents both pass 10^15 may compare equal).
 */
#ifndef DV_VALUE_DECIMAL_H
#define DV_VALUE_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/* Written exponents beyond this magnitude saturate. */
#define DV_DEC_EXP_SAT 1000000000000000LL

/* The parts of a number's text. */
typedef struct dv_dec {
	const char *ib;   /* integer digits [ib, ie) */
	const char *ie;
	const char *fb;   /* fraction digits [fb, fe) */
	const char *fe;
	int64_t exp;      /* written exponent, saturated at +-DV_DEC_EXP_SAT */
	bool neg;         /* a '-' sign */
} dv_dec;

/* Split s[0..len) into its parts; false when it is not number syntax. */
bool dv_dec_lex(const char *s, size_t len, dv_dec *d);

/*
 * Compare the exact values of two texts that dv_dec_lex() accepts
 * (-0 equals 0): <0, 0, >0. Text that is not a number compares as 0.
 */
int dv_dec_cmp(const char *a, size_t alen, const char *b, size_t blen);

/*
 * The exact value of number text s[0..len) as an int64_t: true when it
 * is a number whose value is integral (`7`, `7.0`, `1e2`, `-0`) and within
 * [INT64_MIN, INT64_MAX].
 */
bool dv_dec_to_int64(const char *s, size_t len, int64_t *out);

/*
 * Append the canonical key of number text s[0..len) to b: equal exact
 * values give equal keys, different ones different keys. "0" for zero,
 * else an optional '-', the significant digits D (no leading or trailing
 * zeros), 'e' and E in decimal, for the value 0.D x 10^E ("1.50" and
 * "15e-1" give "15e1"). Returns the buffer's status (DCVAL_OK,
 * DCVAL_ELIMIT, DCVAL_ENOMEM); DCVAL_EINTERNAL when s is not a number.
 */
dcval_status dv_dec_key(const char *s, size_t len, dv_buf *b);

/*
 * Append compact JSON text s[0..len) (as jsonval.c writes object and
 * array values: no whitespace between tokens) to b with each number
 * replaced by its dv_dec_key(), so that `[1.0]` and `[1]` give the same
 * bytes. Strings are copied as they are. Returns the buffer's status.
 */
dcval_status dv_dec_key_json(const char *s, size_t len, dv_buf *b);

#endif
