/*
 * Exact decimal numbers from text; see decimal.h.
 *
 * A number 0.D x 10^E is found in one pass: D runs from the first nonzero
 * digit to the last one (skipping the '.' between the integer and the
 * fraction digits), E counts the integer digits before the first nonzero
 * one, plus the written exponent. Comparison, integral conversion and
 * the canonical key all work on that form.
 */
#include <string.h>

#include "value/decimal.h"

/* Value of an ASCII decimal digit, or a number > 9 for any other byte. */
static unsigned dec_digit(char c)
{
	return (unsigned)((unsigned char)c - '0');
}

static const char *skip_digits(const char *p, const char *end)
{
	while (p < end && dec_digit(*p) <= 9)
		p++;
	return p;
}

/* [eE][+-]?[0-9]+ from p, reaching end exactly. */
static bool lex_exp(const char *p, const char *end, int64_t *exp)
{
	const char *start;
	bool neg = false;
	int64_t e = 0;

	if (p < end && (*p == '+' || *p == '-'))
		neg = *p++ == '-';
	start = p;
	for (; p < end && dec_digit(*p) <= 9; p++)
		if (e < DV_DEC_EXP_SAT)
			e = e * 10 + dec_digit(*p);
	if (p == start || p != end)
		return false;
	if (e > DV_DEC_EXP_SAT)
		e = DV_DEC_EXP_SAT;
	*exp = neg ? -e : e;
	return true;
}

bool dv_dec_lex(const char *s, size_t len, dv_dec *d)
{
	const char *p = s, *end = s + len;

	d->neg = false;
	d->exp = 0;
	if (p < end && (*p == '+' || *p == '-'))
		d->neg = *p++ == '-';
	d->ib = p;
	d->ie = p = skip_digits(p, end);
	d->fb = d->fe = p;
	if (p < end && *p == '.') {
		d->fb = p + 1;
		d->fe = p = skip_digits(p + 1, end);
	}
	if (d->ie == d->ib && d->fe == d->fb)
		return false; /* no digit at all: "", "-", ".", "e5" */
	if (p == end)
		return true;
	if (*p != 'e' && *p != 'E')
		return false;
	return lex_exp(p + 1, end, &d->exp);
}

/* A number as 0.D x 10^E: D = [first, last] (skipping the '.'). */
struct dec_form {
	const dv_dec *d;
	const char *first;  /* first significant digit; NULL for zero */
	const char *last;   /* last significant digit */
	int64_t e;          /* E */
	bool neg;
};

/* The digit after p in the digit sequence of d (int part, then frac). */
static const char *next_digit(const dv_dec *d, const char *p)
{
	p++;
	return p == d->ie ? d->fb : p;
}

static bool dec_form(const char *s, size_t len, dv_dec *d,
		     struct dec_form *f)
{
	const char *p;
	int64_t lead = 0;

	if (!dv_dec_lex(s, len, d))
		return false;
	f->d = d;
	f->neg = d->neg;
	f->first = f->last = NULL;
	for (p = d->ib; p < d->ie && *p == '0'; p++)
		lead++;
	if (p == d->ie)
		for (p = d->fb; p < d->fe && *p == '0'; p++)
			lead++;
	if (p == d->fe || p == d->ie)
		return true; /* every digit is 0 (p == ie only when fb == fe) */
	f->first = p;
	for (p = d->fe; p > d->fb && p[-1] == '0'; p--)
		;
	if (p == d->fb)
		for (p = d->ie; p[-1] == '0'; p--)
			;
	f->last = p - 1;
	/* integer digit count and the exponent both stay far from overflow */
	f->e = (int64_t)(d->ie - d->ib) - lead + d->exp;
	return true;
}

/* Compare the magnitudes of two nonzero forms. */
static int mag_cmp(const struct dec_form *a, const struct dec_form *b)
{
	const char *p = a->first, *q = b->first;

	if (a->e != b->e)
		return a->e < b->e ? -1 : 1;
	for (;;) {
		if (*p != *q)
			return *p < *q ? -1 : 1;
		if (p == a->last || q == b->last)
			return p == a->last ? (q == b->last ? 0 : -1) : 1;
		p = next_digit(a->d, p);
		q = next_digit(b->d, q);
	}
}

int dv_dec_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	struct dec_form fa, fb;
	dv_dec da, db;
	int sa, sb;

	if (!dec_form(a, alen, &da, &fa) || !dec_form(b, blen, &db, &fb))
		return 0;
	sa = !fa.first ? 0 : fa.neg ? -1 : 1;
	sb = !fb.first ? 0 : fb.neg ? -1 : 1;
	if (sa != sb)
		return sa < sb ? -1 : 1;
	if (!sa)
		return 0;
	return sa * mag_cmp(&fa, &fb);
}

bool dv_dec_to_int64(const char *s, size_t len, int64_t *out)
{
	struct dec_form f;
	uint64_t v = 0, lim;
	const char *p;
	int64_t k;
	dv_dec d;

	if (!dec_form(s, len, &d, &f))
		return false;
	if (!f.first) {
		*out = 0;
		return true;
	}
	if (f.e > 19)
		return false; /* 20 or more integer digits */
	lim = f.neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (p = f.first, k = 0;; p = next_digit(&d, p), k++) {
		unsigned dg = dec_digit(*p);

		if (k >= f.e || v > (lim - dg) / 10)
			return false; /* a digit after the point, or too big */
		v = v * 10 + dg;
		if (p == f.last)
			break;
	}
	for (k++; k < f.e; k++) {
		if (v > lim / 10)
			return false;
		v *= 10;
	}
	*out = !f.neg ? (int64_t)v : v == lim ? INT64_MIN : -(int64_t)v;
	return true;
}

dcval_status dv_dec_key(const char *s, size_t len, dv_buf *b)
{
	struct dec_form f;
	dcval_status st = DCVAL_OK;
	char num[24];
	const char *p;
	dv_dec d;

	if (!dec_form(s, len, &d, &f))
		return DCVAL_EINTERNAL;
	if (!f.first)
		return dv_buf_putc(b, '0');
	if (f.neg)
		st = dv_buf_putc(b, '-');
	for (p = f.first; st == DCVAL_OK; p = next_digit(&d, p)) {
		const char *run = p;

		/* a run of digits up to the '.' or the last digit */
		while (p != f.last && p + 1 != d.ie)
			p++;
		st = dv_buf_append(b, run, (size_t)(p - run + 1));
		if (p == f.last)
			break;
	}
	if (st == DCVAL_OK) {
		int n = 0;
		uint64_t ue = f.e < 0 ? 0 - (uint64_t)f.e : (uint64_t)f.e;

		do
			num[sizeof(num) - 1 - n++] = (char)('0' + ue % 10);
		while (ue /= 10);
		if (f.e < 0)
			num[sizeof(num) - 1 - n++] = '-';
		num[sizeof(num) - 1 - n++] = 'e';
		st = dv_buf_append(b, num + sizeof(num) - n, (size_t)n);
	}
	return st;
}

/* Bytes that can be part of a number token in JSON text. */
static bool is_num_byte(char c)
{
	return dec_digit(c) <= 9 || c == '-' || c == '+' || c == '.' ||
	       c == 'e' || c == 'E';
}

dcval_status dv_dec_key_json(const char *s, size_t len, dv_buf *b)
{
	const char *p = s, *end = s + len, *q;
	dcval_status st = DCVAL_OK;
	bool in_str = false;

	while (p < end && st == DCVAL_OK) {
		if (!in_str && (*p == '-' || dec_digit(*p) <= 9)) {
			for (q = p; q < end && is_num_byte(*q); q++)
				;
			st = dv_dec_key(p, (size_t)(q - p), b);
			p = q;
			continue;
		}
		if (in_str && *p == '\\' && p + 1 < end) {
			st = dv_buf_append(b, p, 2);
			p += 2;
			continue;
		}
		if (*p == '"')
			in_str = !in_str;
		st = dv_buf_putc(b, *p++);
	}
	return st;
}
