/*
 * Inside the rules' translation (rules.c, rules_arith.c): every node of a
 * rule's typed tree is a set of columns of the query's rule stage of its
 * height (sqlgen.h dv_r<h>), named x<rule>_<node><part>, so a node reads
 * its operands by name and its text stays the same size however deep the
 * tree (an operand may be named several times at no cost).
 *
 * The parts of a value, by static type (each NULL when the value is null,
 * as the evaluator's DV_X_NULL):
 *   bool      b  BOOLEAN
 *   integer   i  BIGINT, NULL also when the value left int64 and went on
 *                as a number (engine/rules_eval.c eval_numeric)
 *             d  DOUBLE: the value as a double (as_double), NULL only
 *                when the value is null
 *   number    d  DOUBLE
 *   string    s  TEXT (lower()/upper() already applied, ASCII only)
 *   date      i  BIGINT days since 1970-01-01
 *   datetime, time, duration
 *             w  the dialect's wide integer: seconds * 10^9 + nanoseconds
 *   any       o  1, NULL when null
 * A node whose static type is null (the literal, or an operator over it)
 * has no columns: its parts read as typed NULLs.
 */
#ifndef DV_EXPORT_RULES_H
#define DV_EXPORT_RULES_H

#include "export/sqlgen.h"

typedef struct dv_xsql {
	dv_sqlgen *g;
	const dv_xrule *r;
	size_t ri;         /* the rule's index: x<ri>_... */
	unsigned next;     /* the next node id */
} dv_xsql;

/* A translated node: where its columns are and its static type. */
typedef struct dv_xn {
	unsigned id;
	unsigned h;        /* its stage (0: no columns, a constant null) */
	dv_xtype t;
} dv_xn;

/* The name of part p of node n, or a typed NULL. */
typedef struct dv_xname {
	char s[64];
} dv_xname;

dv_xname dv_xpart(const dv_xsql *X, const dv_xn *n, char p);

/* "<n's value> IS NULL" (TRUE for a null-typed node). */
dv_xname dv_xisnull(const dv_xsql *X, const dv_xn *n);

/* A new node of type t above operands of stage h_below. */
dv_xn dv_xnew(dv_xsql *X, dv_xtype t, unsigned h_below);

/* Define part p of node n: "<expr> AS x.._..p" in n's stage. */
void dv_xdef(dv_xsql *X, const dv_xn *n, char p, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Export error naming the rule and the construct. */
void dv_xrefuse(dv_xsql *X, const char *what);

/* rules_arith.c: literals, columns, now(), functions, unary minus and
 * + - * / over numbers, dates, datetimes, times and durations. */
dv_xn dv_xleaf(dv_xsql *X, const dv_xnode *x);
dv_xn dv_xunary(dv_xsql *X, const dv_xnode *x, const dv_xn *a);
dv_xn dv_xarith(dv_xsql *X, const dv_xnode *x, const dv_xn *a, const dv_xn *b);

/* Append the sign (-1, 0, 1, NULL) of a <=> b, two numeric nodes, as
 * dv_xval_cmp orders an integer and a double: exactly. */
void dv_xnum_sign(dv_xsql *X, dv_buf *e, const dv_xn *a, const dv_xn *b);

#endif
