/*
 * Numbers exactly: dcval reads a number's text as an exact decimal
 * (src/value/decimal.c) and compares bounds and unique keys by that
 * value; a text whose double overflows is a type violation. SQL's DOUBLE
 * cannot tell 9007199254740993 from 9007199254740992 and DECIMAL has 38
 * digits, so the query works on the same canonical form as decimal.c:
 * value = sign 0.D x 10^A, D the significant digits without leading or
 * trailing zeros (empty for zero). Only `enum` compares doubles, as the
 * engine does (dv_typed_cmp).
 */
#include <stdio.h>
#include <string.h>

#include "export/sqlgen.h"

#define RX_NUMBER "^[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?$"

/* 2^1024 - 2^970, the least value whose double is infinite (the tie
 * rounds to even: up), as 0.D x 10^309. */
static const char overflow_digits[] =
	"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";

/* Exponents beyond this are over- or underflow whatever the digits. */
#define EXP_SAT 1000000000000000LL

void dv_sql_number_stages(dv_sqlgen *g, size_t k)
{
	char v[32];
	const char *c = g->d->collate_c;
	dv_buf *t = &g->tmp;

	snprintf(v, sizeof(v), "v%zu", k);
	dv_buf_reset(t);
	dv_sql_match(g, t, v, RX_NUMBER, "a type's syntax");
	if (g->st == DCVAL_OK)
		dv_sql_field(g, DV_STAGE_P, "CASE WHEN %s THEN v%zu END AS nm%zu",
			     t->data, k, k);
	/* integer digits, fraction digits, exponent text */
	dv_buf_reset(t);
	dv_sql_literal(g, t, "\\1", 2); /* the replacement: group 1 */
	if (g->st != DCVAL_OK)
		return;
	dv_sql_field(g, DV_STAGE_Q,
		     "regexp_replace(nm%zu, '^[+-]?([0-9]*).*$', %s) AS ni%zu", k,
		     t->data, k);
	dv_sql_field(g, DV_STAGE_Q,
		     "CASE WHEN strpos(nm%zu, '.') > 0 THEN "
		     "regexp_replace(nm%zu, '^[^.]*[.]([0-9]*).*$', %s) ELSE '' END AS nf%zu",
		     k, k, t->data, k);
	dv_sql_field(g, DV_STAGE_Q,
		     "CASE WHEN strpos(lower(nm%zu), 'e') > 0 THEN "
		     "regexp_replace(nm%zu, '^[^eE]*[eE]', '') ELSE '0' END AS nx%zu",
		     k, k, k);
	dv_sql_field(g, DV_STAGE_T,
		     "rtrim(ltrim(ni%zu || nf%zu, '0'), '0') AS nd%zu", k, k, k);
	dv_sql_field(g, DV_STAGE_T,
		     "CASE WHEN length(ltrim(ltrim(nx%zu, '+-'), '0')) > 15 THEN "
		     "CASE WHEN left(nx%zu, 1) = '-' THEN -%lld ELSE %lld END "
		     "ELSE CAST(nx%zu AS BIGINT) END + length(ni%zu) - "
		     "(length(ni%zu || nf%zu) - length(ltrim(ni%zu || nf%zu, '0'))) AS na%zu",
		     k, k, EXP_SAT, EXP_SAT, k, k, k, k, k, k, k);
	dv_sql_field(g, DV_STAGE_U,
		     "CASE WHEN v%zu IS NULL THEN NULL WHEN nm%zu IS NULL THEN FALSE "
		     "WHEN nd%zu = '' THEN TRUE WHEN na%zu > 309 OR (na%zu = 309 AND "
		     "rpad(nd%zu, 309, '0')%s >= '%s'%s) THEN FALSE ELSE TRUE END AS ok%zu",
		     k, k, k, k, k, k, c, overflow_digits, c, k);
	dv_sql_field(g, DV_STAGE_K,
		     "CASE WHEN nd%zu = '' THEN '0' ELSE CASE WHEN left(nm%zu, 1) = '-' "
		     "THEN '-' ELSE '' END || nd%zu || 'e' || CAST(na%zu AS TEXT) END AS uk%zu",
		     k, k, k, k, k);
}

/* The canonical form of a number's text (decimal.c dec_form): false when
 * it is not one. digits gets D (NUL-terminated, at most cap - 1 digits:
 * more is an error). */
static bool canon(const char *s, bool *neg, char *digits, size_t cap,
		  long long *a)
{
	const char *p = s, *ib, *ie, *fb = NULL, *fe = NULL, *q;
	long long e = 0, lead = 0;
	bool eneg = false, any = false;
	size_t n = 0;

	*neg = false;
	if (*p == '+' || *p == '-')
		*neg = *p++ == '-';
	for (ib = p; *p >= '0' && *p <= '9'; p++)
		;
	ie = p;
	if (*p == '.') {
		for (fb = ++p; *p >= '0' && *p <= '9'; p++)
			;
		fe = p;
	}
	if (ie == ib && fe == fb)
		return false;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			eneg = *p++ == '-';
		if (!(*p >= '0' && *p <= '9'))
			return false;
		for (; *p >= '0' && *p <= '9'; p++)
			if (e < EXP_SAT)
				e = e * 10 + (*p - '0');
	}
	if (*p)
		return false;
	if (eneg)
		e = -e;
	/* digits of int then frac, leading zeros counted and dropped */
	for (q = ib; q != (fe ? fe : ie); q++) {
		if (q == ie) {
			if (!fb)
				break;
			q = fb;
			if (q == fe)
				break;
		}
		if (!any && *q == '0') {
			lead++;
			continue;
		}
		any = true;
		if (n + 1 >= cap)
			return false;
		digits[n++] = *q;
	}
	while (n > 0 && digits[n - 1] == '0')
		n--;
	digits[n] = '\0';
	*a = e + (long long)(ie - ib) - lead;
	return true;
}

void dv_sql_number_cmp(dv_sqlgen *g, dv_buf *b, size_t k, const char *op,
		       const char *bound)
{
	char d[1024], sx[128], w[128];
	const char *c = g->d->collate_c;
	long long a;
	bool neg;

	if (!bound || !canon(bound, &neg, d, sizeof(d), &a)) {
		dv_sql_fail(g, "export: bound '%s' of a number column has no exact SQL form",
			    bound ? bound : "?");
		return;
	}
	snprintf(sx, sizeof(sx),
		 "(CASE WHEN nd%zu = '' THEN 0 WHEN left(nm%zu, 1) = '-' THEN -1 ELSE 1 END)",
		 k, k);
	if (!d[0]) {
		dv_sql_put(g, b, "%s %s 0", sx, op);
		return;
	}
	/* signs first, then the magnitude: the exponent, then the digits
	 * padded to one length (digit strings compare bytewise) */
	snprintf(w, sizeof(w), "CAST(greatest(length(nd%zu), %zu) AS INTEGER)", k, strlen(d));
	dv_sql_put(g, b,
		   "(CASE WHEN %s <> %d THEN CASE WHEN %s < %d THEN -1 ELSE 1 END "
		   "ELSE %d * CASE WHEN na%zu <> %lld THEN CASE WHEN na%zu < %lld THEN -1 ELSE 1 END ",
		   sx, neg ? -1 : 1, sx, neg ? -1 : 1, neg ? -1 : 1, k, a, k, a);
	dv_sql_put(g, b,
		   "WHEN rpad(nd%zu, %s, '0')%s < rpad('%s', %s, '0')%s THEN -1 "
		   "WHEN rpad(nd%zu, %s, '0')%s > rpad('%s', %s, '0')%s THEN 1 ELSE 0 END END) %s 0",
		   k, w, c, d, w, c, k, w, c, d, w, c, op);
}

void dv_sql_number_double(dv_sqlgen *g, dv_buf *b, size_t k)
{
	char v[32];

	/* a value whose double is zero (PostgreSQL refuses to read one that
	 * underflows) reads as 0; 2.4703282292062327e-324 is half the least
	 * subnormal */
	dv_sql_put(g, b,
		   "CASE WHEN nd%zu = '' OR na%zu < -323 OR (na%zu = -323 AND rpad(nd%zu, 17, '0')%s "
		   "<= '24703282292062327'%s) THEN CAST(0 AS %s) ELSE ",
		   k, k, k, k, g->d->collate_c, g->d->collate_c, g->d->double_type);
	snprintf(v, sizeof(v), "nm%zu", k);
	dv_sql_put(g, b, g->d->to_double, v);
	dv_sql_put(g, b, " END");
}

void dv_sql_number_in(dv_sqlgen *g, dv_buf *b, size_t k, const dv_enum *en)
{
	size_t i;

	dv_sql_number_double(g, b, k);
	dv_sql_put(g, b, " IN (");
	for (i = 0; i < en->n; i++) {
		char num[40];

		snprintf(num, sizeof(num), "%.17g", en->typed[i].d);
		dv_sql_put(g, b, "%sCAST('%s' AS %s)", i ? ", " : "", num,
			   g->d->double_type);
	}
	dv_sql_put(g, b, ")");
}
