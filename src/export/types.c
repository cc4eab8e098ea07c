/*
 * Types parsed from text as src/value/types.c parses them, as stages of
 * the query (sqlgen.h): the syntax by a regular expression, then the
 * fields, then the checks on the fields (ranges, calendar, the leap
 * second) and the typed value. Integer arithmetic only, in BIGINT where
 * it could leave 32 bits, so that both engines compute the same numbers.
 */
#include <inttypes.h>
#include <string.h>

#include "export/sqlgen.h"

static const char *const default_true[] = { "true", "True", "TRUE", "1" };
static const char *const default_false[] = { "false", "False", "FALSE", "0" };

/* Regular expressions (PCRE2, translated by regex.c) of each syntax. */
#define RX_INTEGER "[+-]?[0-9]+"
#define RX_DATE "[0-9]{4}-[0-9]{2}-[0-9]{2}"
#define RX_CLOCK "[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?"
#define RX_OFFSET "(?:[Zz]|[+-][0-9]{2}:[0-9]{2})"

/* Stage P: "CASE WHEN v<k> matches rx THEN v<k> END AS <name><k>". */
static void syntax_field(dv_sqlgen *g, size_t k, const char *name,
			 const char *rx)
{
	char v[32];
	dv_buf *t = &g->tmp;

	snprintf(v, sizeof(v), "v%zu", k);
	dv_buf_reset(t);
	dv_sql_match(g, t, v, rx, "a type's syntax");
	if (g->st == DCVAL_OK)
		dv_sql_field(g, DV_STAGE_P, "CASE WHEN %s THEN v%zu END AS %s%zu",
			     t->data, k, name, k);
}

/* ok<k> from a condition over stage-Q fields, true when it parsed. */
static void ok_field(dv_sqlgen *g, size_t k, const char *syntax,
		     const char *cond)
{
	dv_sql_field(g, DV_STAGE_T,
		     "CASE WHEN v%zu IS NULL THEN NULL WHEN %s%zu IS NULL THEN FALSE "
		     "WHEN %s THEN TRUE ELSE FALSE END AS ok%zu",
		     k, syntax, k, cond, k);
}

static void type_integer(dv_sqlgen *g, size_t k)
{
	const char *c = g->d->collate_c;

	syntax_field(g, k, "ip", "^" RX_INTEGER "$");
	/* the digits without sign and leading zeros: fits when shorter than
	 * 19 or, at 19, not above 2^63 - 1 (2^63 for a negative) */
	dv_sql_field(g, DV_STAGE_Q,
		     "ltrim(CASE WHEN left(ip%zu, 1) IN ('+', '-') THEN substr(ip%zu, 2) "
		     "ELSE ip%zu END, '0') AS id%zu", k, k, k, k);
	dv_buf_reset(&g->tmp);
	dv_sql_put(g, &g->tmp,
		   "(length(id%zu) < 19 OR (length(id%zu) = 19 AND id%zu%s <= "
		   "CASE WHEN left(ip%zu, 1) = '-' THEN '9223372036854775808' "
		   "ELSE '9223372036854775807' END%s))", k, k, k, c, k, c);
	if (g->st == DCVAL_OK)
		ok_field(g, k, "ip", g->tmp.data);
	dv_sql_field(g, DV_STAGE_U,
		     "CASE WHEN ok%zu THEN CAST(ip%zu AS BIGINT) END AS n%zu",
		     k, k, k);
	dv_sql_field(g, DV_STAGE_K, "CAST(n%zu AS TEXT) AS uk%zu", k, k);
}

static void str_list(dv_sqlgen *g, dv_buf *b, const char *const *l, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			dv_sql_put(g, b, ", ");
		dv_sql_literal(g, b, l[i], strlen(l[i]));
	}
}

static void type_boolean(dv_sqlgen *g, const dv_column *col)
{
	size_t k = col->index;
	const char *const *tl = col->n_true ? col->true_values : default_true;
	const char *const *fl = col->n_false ? col->false_values : default_false;
	size_t nt = col->n_true ? col->n_true : 4;
	size_t nf = col->n_false ? col->n_false : 4;
	dv_buf *t = &g->tmp;

	dv_sql_field(g, DV_STAGE_P, "v%zu AS bp%zu", k, k);
	dv_buf_reset(t);
	dv_sql_put(g, t, "CASE WHEN v%zu IN (", k);
	str_list(g, t, tl, nt);
	dv_sql_put(g, t, ") THEN 1 WHEN v%zu IN (", k);
	str_list(g, t, fl, nf);
	dv_sql_put(g, t, ") THEN 0 END");
	if (g->st == DCVAL_OK)
		dv_sql_field(g, DV_STAGE_Q, "%s AS bq%zu", t->data, k);
	dv_buf_reset(t);
	dv_sql_put(g, t, "bq%zu IS NOT NULL", k);
	if (g->st == DCVAL_OK)
		ok_field(g, k, "bp", t->data);
	dv_sql_field(g, DV_STAGE_U, "bq%zu AS n%zu", k, k);
	dv_sql_field(g, DV_STAGE_K, "CAST(n%zu AS TEXT) AS uk%zu", k, k);
}

/* Stage Q fields y, m, d of a date at position 1 of field <p><k>. */
static void date_fields(dv_sqlgen *g, size_t k, const char *p)
{
	dv_sql_field(g, DV_STAGE_Q, "CAST(substr(%s%zu, 1, 4) AS BIGINT) AS dy%zu",
		     p, k, k);
	dv_sql_field(g, DV_STAGE_Q, "CAST(substr(%s%zu, 6, 2) AS BIGINT) AS dm%zu",
		     p, k, k);
	dv_sql_field(g, DV_STAGE_Q, "CAST(substr(%s%zu, 9, 2) AS BIGINT) AS dd%zu",
		     p, k, k);
}

/* A real calendar day (types.c dv_lex_date), over stage-Q fields. */
static void date_valid(dv_sqlgen *g, dv_buf *b, size_t k)
{
	dv_sql_put(g, b,
		   "dy%zu >= 1 AND dm%zu BETWEEN 1 AND 12 AND dd%zu >= 1 AND dd%zu <= "
		   "CASE WHEN dm%zu IN (4, 6, 9, 11) THEN 30 WHEN dm%zu = 2 THEN "
		   "CASE WHEN (dy%zu %% 4 = 0 AND dy%zu %% 100 <> 0) OR dy%zu %% 400 = 0 "
		   "THEN 29 ELSE 28 END ELSE 31 END",
		   k, k, k, k, k, k, k, k, k);
}

/* Days since 1970-01-01 of stage-Q fields (Hinnant's days_from_civil, as
 * types.c: the year is at least 1, so every division is of
 * non-negative numbers). */
static void days_expr(dv_sqlgen *g, dv_buf *b, size_t k)
{
	char y[96], yoe[128], mp[128];
	const char *id = g->d->idiv;

	snprintf(y, sizeof(y), "(dy%zu - CASE WHEN dm%zu <= 2 THEN 1 ELSE 0 END)", k, k);
	snprintf(yoe, sizeof(yoe), "(%s %% 400)", y);
	snprintf(mp, sizeof(mp),
		 "(153 * CASE WHEN dm%zu > 2 THEN dm%zu - 3 ELSE dm%zu + 9 END + 2)",
		 k, k, k);
	/* era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468 */
	dv_sql_put(g, b, "(");
	dv_sql_put(g, b, id, y, "400");
	dv_sql_put(g, b, " * 146097 + %s * 365 + ", yoe);
	dv_sql_put(g, b, id, yoe, "4");
	dv_sql_put(g, b, " - ");
	dv_sql_put(g, b, id, yoe, "100");
	dv_sql_put(g, b, " + ");
	dv_sql_put(g, b, id, mp, "5");
	dv_sql_put(g, b, " + dd%zu - 1 - 719468)", k);
}

/*
 * Stage Q clock fields of field <p><k> whose clock starts at 1-based
 * position `at`: hour, minute, second, nanoseconds (the first nine
 * fraction digits, the rest dropped), offset sign (0: none or Z), hours
 * and minutes.
 */
static void clock_fields(dv_sqlgen *g, size_t k, const char *p, int at)
{
	dv_sql_field(g, DV_STAGE_Q, "CAST(substr(%s%zu, %d, 2) AS BIGINT) AS ch%zu",
		     p, k, at, k);
	dv_sql_field(g, DV_STAGE_Q, "CAST(substr(%s%zu, %d, 2) AS BIGINT) AS cm%zu",
		     p, k, at + 3, k);
	dv_sql_field(g, DV_STAGE_Q, "CAST(substr(%s%zu, %d, 2) AS BIGINT) AS cs%zu",
		     p, k, at + 6, k);
	dv_sql_field(g, DV_STAGE_Q,
		     "CAST(rpad(CASE WHEN substr(%s%zu, %d, 1) = '.' THEN "
		     "substr(regexp_replace(substr(%s%zu, %d), '[^0-9].*$', ''), 1, 9) "
		     "ELSE '' END, 9, '0') AS BIGINT) AS cn%zu",
		     p, k, at + 8, p, k, at + 9, k);
	dv_sql_field(g, DV_STAGE_Q,
		     "CASE WHEN substr(%s%zu, length(%s%zu) - 5, 1) = '-' THEN -1 "
		     "WHEN substr(%s%zu, length(%s%zu) - 5, 1) = '+' THEN 1 ELSE 0 END AS os%zu",
		     p, k, p, k, p, k, p, k, k);
	dv_sql_field(g, DV_STAGE_Q,
		     "CASE WHEN substr(%s%zu, length(%s%zu) - 5, 1) IN ('+', '-') THEN "
		     "CAST(substr(%s%zu, length(%s%zu) - 4, 2) AS BIGINT) ELSE 0 END AS oh%zu",
		     p, k, p, k, p, k, p, k, k);
	dv_sql_field(g, DV_STAGE_Q,
		     "CASE WHEN substr(%s%zu, length(%s%zu) - 5, 1) IN ('+', '-') THEN "
		     "CAST(right(%s%zu, 2) AS BIGINT) ELSE 0 END AS om%zu",
		     p, k, p, k, p, k, k);
}

/* The clock's ranges and RFC 3339's leap second rule (dv_clock_fix_leap:
 * second 60 only where the time in UTC is 23:59). */
static void clock_valid(dv_sqlgen *g, dv_buf *b, size_t k)
{
	dv_sql_put(g, b,
		   "ch%zu <= 23 AND cm%zu <= 59 AND cs%zu <= 60 AND oh%zu <= 23 AND om%zu <= 59 "
		   "AND (cs%zu < 60 OR (ch%zu * 60 + cm%zu - os%zu * (oh%zu * 60 + om%zu) + 2880) "
		   "%% 1440 = 1439)",
		   k, k, k, k, k, k, k, k, k, k, k);
}

/* Seconds of the clock less the offset; a leap second is 59.999999999. */
static void clock_secs(dv_sqlgen *g, dv_buf *b, size_t k)
{
	dv_sql_put(g, b,
		   "ch%zu * 3600 + cm%zu * 60 + CASE WHEN cs%zu = 60 THEN 59 ELSE cs%zu END "
		   "- os%zu * (oh%zu * 60 + om%zu) * 60",
		   k, k, k, k, k, k, k);
}

static void temporal_out(dv_sqlgen *g, size_t k, const char *secs)
{
	dv_sql_field(g, DV_STAGE_U, "CASE WHEN ok%zu THEN %s END AS n%zu", k,
		     secs, k);
	dv_sql_field(g, DV_STAGE_U,
		     "CASE WHEN ok%zu THEN CASE WHEN cs%zu = 60 THEN 999999999 ELSE cn%zu END END AS ns%zu",
		     k, k, k, k);
	dv_sql_field(g, DV_STAGE_K,
		     "CAST(n%zu AS TEXT) || '.' || CAST(ns%zu AS TEXT) AS uk%zu", k, k, k);
}

/*
 * ok<k> and the typed value of a date, datetime or time column from its
 * stage-Q fields (dy dm dd for a date; ch cm cs cn os oh om for a clock)
 * and its syntax field <syntax><k>; the ISO forms and `format:`
 * (timefmt.c) share it.
 */
void dv_sql_temporal_finish(dv_sqlgen *g, size_t k, dv_type type, const char *syntax)
{
	dv_buf e;

	dv_buf_init(&e, 1u << 20);
	if (type != DV_T_TIME)
		date_valid(g, &e, k);
	if (type == DV_T_DATETIME)
		dv_sql_put(g, &e, " AND ");
	if (type != DV_T_DATE)
		clock_valid(g, &e, k);
	if (g->st == DCVAL_OK)
		ok_field(g, k, syntax, e.data);
	dv_buf_reset(&e);
	if (type != DV_T_TIME)
		days_expr(g, &e, k);
	if (type == DV_T_DATETIME)
		dv_sql_put(g, &e, " * 86400 + ");
	if (type != DV_T_DATE)
		clock_secs(g, &e, k);
	if (g->st == DCVAL_OK && type == DV_T_DATE) {
		dv_sql_field(g, DV_STAGE_U, "CASE WHEN ok%zu THEN %s END AS n%zu",
			     k, e.data, k);
		dv_sql_field(g, DV_STAGE_K, "CAST(n%zu AS TEXT) AS uk%zu", k, k);
	} else if (g->st == DCVAL_OK) {
		temporal_out(g, k, e.data);
	}
	dv_buf_release(&e);
}

static void type_date(dv_sqlgen *g, size_t k)
{
	syntax_field(g, k, "dp", "^" RX_DATE "$");
	date_fields(g, k, "dp");
	dv_sql_temporal_finish(g, k, DV_T_DATE, "dp");
}

static void type_datetime(dv_sqlgen *g, size_t k)
{
	syntax_field(g, k, "tp", "^" RX_DATE "[Tt ]" RX_CLOCK RX_OFFSET "$");
	date_fields(g, k, "tp");
	clock_fields(g, k, "tp", 12);
	dv_sql_temporal_finish(g, k, DV_T_DATETIME, "tp");
}

static void type_time(dv_sqlgen *g, size_t k)
{
	syntax_field(g, k, "tp", "^" RX_CLOCK RX_OFFSET "?$");
	clock_fields(g, k, "tp", 1);
	dv_sql_temporal_finish(g, k, DV_T_TIME, "tp");
}

void dv_sql_type_stages(dv_sqlgen *g, const dv_column *col)
{
	size_t k = col->index;

	if (col->time_format) {
		dv_sql_timefmt_stages(g, col);
		return;
	}
	switch (col->type) {
	case DV_T_STRING:
	case DV_T_ANY:
		dv_sql_field(g, DV_STAGE_T,
			     "CASE WHEN v%zu IS NULL THEN NULL ELSE TRUE END AS ok%zu", k, k);
		dv_sql_field(g, DV_STAGE_K, "v%zu AS uk%zu", k, k);
		return;
	case DV_T_INTEGER:
		type_integer(g, k);
		return;
	case DV_T_NUMBER:
		dv_sql_number_stages(g, k);
		return;
	case DV_T_BOOLEAN:
		type_boolean(g, col);
		return;
	case DV_T_DATE:
		type_date(g, k);
		return;
	case DV_T_DATETIME:
		type_datetime(g, k);
		return;
	case DV_T_TIME:
		type_time(g, k);
		return;
	default:
		dv_sql_fail(g, "export: column '%s': type '%s' has no SQL translation yet",
			    col->name, dv_type_name(col->type));
		return;
	}
}

void dv_sql_typed_cmp(dv_sqlgen *g, dv_buf *b, const dv_column *col,
		      const char *op, const dv_typed *t)
{
	size_t k = col->index;
	long long i = (long long)t->i;

	switch (col->type) {
	case DV_T_DATETIME:
	case DV_T_TIME:
		if (strcmp(op, "=") == 0)
			dv_sql_put(g, b, "(n%zu = %lld AND ns%zu = %d)", k, i, k,
				   (int)t->ns);
		else
			dv_sql_put(g, b, "(n%zu %c %lld OR (n%zu = %lld AND ns%zu %s %d))",
				   k, op[0], i, k, i, k, op, (int)t->ns);
		return;
	default:
		/* INT64_MIN has no literal: written as an expression */
		if (t->i == INT64_MIN)
			dv_sql_put(g, b, "n%zu %s (-9223372036854775807 - 1)", k, op);
		else
			dv_sql_put(g, b, "n%zu %s %lld", k, op, i);
		return;
	}
}
