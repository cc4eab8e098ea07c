/*
 * Inside the SQL generator: the dialect table, the generator state and
 * the functions of its files (one per check kind and concern).
 *
 * The query has four stages, each a CTE that selects the one before and
 * adds columns (stage lists below), then the result rows:
 *
 *   dv_v  v<k>: column k's text, NULL when it is one of the contract's
 *         null tokens (a NULL of the relation reads as '')
 *   dv_p  the text when it has the type's syntax
 *   dv_q  its fields (digits, date and clock parts, ...)
 *   dv_t  ok<k> (NULL: null; true: parsed as the column's type; false: a
 *         type violation); a number's canonical decimal
 *   dv_u  n<k> (ns<k>): the typed value (integer, days, instant); a
 *         number's ok<k>
 *   dv_k  uk<k>: the key `unique` and primary_key compare (as text)
 *   dv_a  one aggregate a<n> per check, n in check order
 *
 *   SELECT rule, "column", severity, CAST(... a<n> ... AS BIGINT)
 *   FROM (VALUES (n, rule, column, severity), ...) CROSS JOIN dv_a ORDER BY n
 */
#ifndef DV_EXPORT_SQLGEN_H
#define DV_EXPORT_SQLGEN_H

#include "contract/contract_impl.h"
#include "contract/expr.h"
#include "export/export.h"
#include "util/buf.h"

/*
 * What differs between engines: this one table (add a row for a new
 * dialect, e.g. Spark SQL, and a parity runner in tests/sql/).
 */
typedef struct dv_sql_dialect {
	const char *name;
	/* s ~ re, re already anchored: "regexp_matches(%s, %s)" */
	const char *regex_match;
	/* integer division of two non-negative integers: "(%s // %s)" */
	const char *idiv;
	/* length in bytes */
	const char *octets;
	/* bytewise text comparison suffix: "" or " COLLATE \"C\"" */
	const char *collate_c;
	/* a string literal: plain '...' (quotes doubled) or E'...' (quotes
	 * and backslashes doubled, safe whatever standard_conforming_strings) */
	bool e_strings;
	/* a code point inside a regex: "\\x{%X}" (RE2) or "\\u%04X" (ARE) */
	const char *re_cp;
	const char *re_cp_big; /* above U+FFFF: "\\x{%X}", "\\U%08X" */
	/* largest {n,m} count the regex engine takes */
	unsigned re_max_repeat;
	/* text -> double of a text that is a finite number's syntax */
	const char *to_double;
	const char *double_type;
	/* the engine's now in microseconds since the epoch (no --now) */
	const char *now_us;
	/* exact integers past 64 bits (rules' instants in nanoseconds, an
	 * integer sum before its range test): "HUGEINT", "NUMERIC" */
	const char *wide;
	/* integer division of two wide integers: "(%s // %s)" */
	const char *wide_div;
} dv_sql_dialect;

const dv_sql_dialect *dv_sql_dialect_get(dv_sql_dialect_id id);

enum dv_sql_stage {
	DV_STAGE_V = 0, /* v<k>: the text or NULL */
	DV_STAGE_P,     /* syntax: the text when it has the type's syntax */
	DV_STAGE_Q,     /* fields of that text (digits, date parts, ...) */
	DV_STAGE_T,     /* ok<k> and the typed value */
	DV_STAGE_U,     /* n<k>, ns<k>: the typed value (a number's ok<k>) */
	DV_STAGE_K,     /* uk<k>: the key `unique` and primary_key compare */
	DV_STAGE_A,     /* a<n>: the count of check n */
	DV_STAGE_COUNT
};

typedef struct dv_sqlgen {
	const struct dcval_contract *c;
	const dv_sql_dialect *d;
	const dv_export_opts *o;
	dv_buf stage[DV_STAGE_COUNT]; /* select lists, ", "-separated */
	dv_buf rows;                  /* the VALUES rows */
	/* rule stages dv_r1..: a rule node of height h is a column of
	 * rstage[h] (rules.c), between dv_k and dv_a */
	dv_buf rstage[DV_EXPR_MAX_TREE + 2];
	unsigned n_rstage;            /* highest stage in use */
	dv_buf tmp;                   /* scratch for expressions */
	size_t n_checks;              /* checks so far: the next a<n> */
	unsigned long line;           /* contract line being exported, for errors */
	dcval_status st;              /* first failure (sticky) */
	dcval_error *err;
} dv_sqlgen;

/* ---- sqlgen.c: output helpers ---- */

/* Append to a stage's select list: ", <expr> AS <name>" (printf-style). */
void dv_sql_field(dv_sqlgen *g, enum dv_sql_stage s, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Append ", <expr> AS <name>" to rule stage h (1..DV_EXPR_MAX_TREE+1). */
void dv_sql_rfield(dv_sqlgen *g, unsigned h, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Append printf-style text to b; failures are kept in g->st. */
void dv_sql_put(dv_sqlgen *g, dv_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* One check: its result row and its aggregate `agg` (an expression over
 * dv_t giving the count). column NULL: the row's column is NULL. */
void dv_sql_check(dv_sqlgen *g, const char *rule, const char *column,
		  dcval_severity sev, const char *agg);

/* Record an export error (first one kept): DCVAL_ECONTRACT. */
void dv_sql_fail(dv_sqlgen *g, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* ---- quote.c ---- */

/* Append s[0..len) as a string literal / a quoted identifier. */
void dv_sql_literal(dv_sqlgen *g, dv_buf *b, const char *s, size_t len);
void dv_sql_ident(dv_sqlgen *g, dv_buf *b, const char *s);

/* ---- regex.c: PCRE2 -> the dialect's regex ---- */

/* Translate PCRE2 source (UTF mode, whole-value match) to an anchored
 * regex of the dialect, appended to out; false (and g->st set, naming
 * the construct) when it has no exact translation. `what` names it in
 * the message ("pattern of column 'x'"). */
bool dv_sql_regex(dv_sqlgen *g, const char *src, size_t len, dv_buf *out,
		  const char *what);

/* Append "<match expression of text expr against PCRE2 src>" to b. */
void dv_sql_match(dv_sqlgen *g, dv_buf *b, const char *expr, const char *src,
		  const char *what);

/* ---- types.c: the type stages of a column ---- */
void dv_sql_type_stages(dv_sqlgen *g, const dv_column *col);

/* ok<k> and the typed value of a date, datetime or time column from its
 * stage-Q fields dy dm dd / ch cm cs cn os oh om and syntax field
 * <syntax><k>. */
void dv_sql_temporal_finish(dv_sqlgen *g, size_t k, dv_type type, const char *syntax);

/* ---- timefmt.c: a date/datetime/time column's `format:` ---- */
void dv_sql_timefmt_stages(dv_sqlgen *g, const dv_column *col);

/* Append "typed value of column k <op> t" (op ">=", "<=", ">", "<" or
 * "=") for integer, boolean, date, datetime and time columns. */
void dv_sql_typed_cmp(dv_sqlgen *g, dv_buf *b, const dv_column *col,
		      const char *op, const dv_typed *t);

/* ---- number.c: exact decimals ---- */

/* Stage P..U fields of a number column: syntax, sign, digits, exponent. */
void dv_sql_number_stages(dv_sqlgen *g, size_t k);
/* Append "number column k <op> bound" (op ">=", "<=", ">", "<") comparing
 * exact decimal values, the bound as written in the contract. */
void dv_sql_number_cmp(dv_sqlgen *g, dv_buf *b, size_t k, const char *op,
		       const char *bound);
/* Append "number column k's double" (its text read as a double, 0 when
 * it underflows; only for a value that passed its type). */
void dv_sql_number_double(dv_sqlgen *g, dv_buf *b, size_t k);
/* Append "number column k's double IN (the enum's doubles)". */
void dv_sql_number_in(dv_sqlgen *g, dv_buf *b, size_t k, const dv_enum *en);

/* ---- checks.c: one function per check kind ---- */
void dv_sql_column_checks(dv_sqlgen *g, const dv_column *col);
void dv_sql_primary_key(dv_sqlgen *g);
void dv_sql_row_count(dv_sqlgen *g);

/* ---- rules.c: cross-field rules ---- */
void dv_sql_rules(dv_sqlgen *g);

/* ---- dataset.c: dataset.columns and dataset.freshness ---- */
void dv_sql_ds_columns(dv_sqlgen *g);
void dv_sql_freshness(dv_sqlgen *g);

/* ---- format.c: format: on a string column ---- */

/* Append the condition "text expr passes format f". */
void dv_sql_format_cond(dv_sqlgen *g, dv_buf *b, const char *expr,
			dv_strfmt f, const char *what);

#endif
