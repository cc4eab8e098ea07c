/*
 * Cross-field rules (contract.md "Cross-field rules"): the expression
 * language compiled into a typed tree.
 *
 * expr_lex.c    tokens of an expression text
 * expr_parse.c  tokens -> tree (precedence climbing, depth-limited)
 * expr_type.c   names -> columns, static types, literals converted at
 *               compile time (a string compared with a date becomes a date)
 * expr_pos.c    a byte of an expression -> line and column in the file
 * expr_dump.c   the typed tree in prefix form (lint --dump-compiled)
 * compile_rules.c  the contract's `rules:` key
 *
 * The tree is built once in the contract's arena; the engine evaluates it
 * per record without allocating (src/engine/rules.c).
 */
#ifndef DV_CONTRACT_EXPR_H
#define DV_CONTRACT_EXPR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dcval/dcval.h"
#include "util/arena.h"

/* Deepest nesting of an expression's syntax (parentheses, operators,
 * calls), and deepest tree (a chain a + b + c ... counts each operator):
 * typing and evaluation recurse over the tree. */
#define DV_EXPR_MAX_DEPTH 64
#define DV_EXPR_MAX_TREE 256

/* Types of values, static and at run time. INT and NUM are one numeric
 * class: they mix freely (an integer result that overflows int64 becomes
 * a NUM at run time). */
typedef enum dv_xtype {
	DV_X_NULL = 0,   /* the literal null, or a null at run time */
	DV_X_BOOL,
	DV_X_INT,
	DV_X_NUM,
	DV_X_STR,
	DV_X_DATE,
	DV_X_DATETIME,
	DV_X_TIME,
	DV_X_DUR,        /* duration */
	DV_X_OPAQUE      /* a column of type any (or vector): only `is [not] null` */
} dv_xtype;

typedef enum dv_xkind {
	DV_XK_LIT = 0,
	DV_XK_COL,
	DV_XK_CALL,      /* before typing: a function call by name */
	DV_XK_NOW,
	DV_XK_LEN,
	DV_XK_LOWER,
	DV_XK_UPPER,
	DV_XK_ABS,
	DV_XK_NEG,
	DV_XK_NOT,
	DV_XK_AND,
	DV_XK_OR,
	DV_XK_EQ,
	DV_XK_NE,
	DV_XK_LT,
	DV_XK_LE,
	DV_XK_GT,
	DV_XK_GE,
	DV_XK_ISNULL,
	DV_XK_NOTNULL,
	DV_XK_IN,
	DV_XK_NOTIN,
	DV_XK_ADD,
	DV_XK_SUB,
	DV_XK_MUL,
	DV_XK_DIV,
	DV_XK_COUNT
} dv_xkind;

/* String case transforms, applied lazily when strings are compared. */
enum dv_xform { DV_XF_NONE = 0, DV_XF_LOWER, DV_XF_UPPER };

/* A value. Strings point into the record or the contract: never copied. */
typedef struct dv_xval {
	dv_xtype t;      /* DV_X_NULL: null */
	uint8_t xform;   /* strings: enum dv_xform */
	int32_t ns;      /* datetime, time, duration: 0..999999999 */
	int64_t i;       /* bool 0/1, integer, date (days), datetime/time/duration (seconds) */
	double d;        /* number */
	const char *s;   /* string bytes */
	size_t len;      /* bytes in s */
} dv_xval;

typedef struct dv_xnode dv_xnode;

struct dv_xnode {
	dv_xkind kind;
	dv_xtype type;        /* static type after typing */
	uint32_t off;         /* byte offset in the expression text (its operator for binaries) */
	unsigned depth;       /* height of the tree below and with this node */
	dv_xnode *a;          /* first operand */
	dv_xnode *b;          /* second operand */
	dv_xnode **list;      /* in / not in members; call arguments */
	size_t n;             /* entries in list */
	const char *name;     /* COL: column name; CALL: function name; LIT: as written */
	size_t name_len;
	size_t col;           /* COL: column index */
	bool literal_text;    /* LIT: a string literal (convertible to a date) */
	dv_xval lit;          /* LIT: the value */
};

/* A compile error: the offset of the fault in the text and a message. */
typedef struct dv_xerr {
	size_t off;
	char text[160];
	bool nomem;
} dv_xerr;

/* One compiled rule. */
typedef struct dv_xrule {
	const char *name;            /* the rule id of its violations */
	const char *description;     /* or NULL */
	const char *check_text;      /* check as written, white space runs as one space */
	const char *when_text;       /* or NULL */
	const dv_xnode *check;       /* a boolean expression */
	const dv_xnode *when;        /* or NULL */
	dcval_severity severity;
	const size_t *refs;          /* columns referenced, when's first, each once */
	size_t n_refs;
	const char *detail;          /* message: "rule NAME failed: CHECK" */
	unsigned long line;          /* where the rule is declared */
} dv_xrule;

/* The contract's rules, in contract order. */
typedef struct dv_ruleset {
	const dv_xrule *rules;
	size_t n;
} dv_ruleset;

struct dcval_contract;

/* Tokens (expr_lex.c). */
typedef enum dv_xtok {
	DV_XT_END = 0, DV_XT_ERROR,
	DV_XT_INT, DV_XT_NUM, DV_XT_STR, DV_XT_DUR, DV_XT_IDENT, DV_XT_QIDENT,
	DV_XT_LPAREN, DV_XT_RPAREN, DV_XT_LBRACK, DV_XT_RBRACK, DV_XT_COMMA,
	DV_XT_EQ, DV_XT_NE, DV_XT_LT, DV_XT_LE, DV_XT_GT, DV_XT_GE,
	DV_XT_PLUS, DV_XT_MINUS, DV_XT_STAR, DV_XT_SLASH,
	DV_XT_AND, DV_XT_OR, DV_XT_NOT, DV_XT_IS, DV_XT_IN,
	DV_XT_NULL, DV_XT_TRUE, DV_XT_FALSE
} dv_xtok;

typedef struct dv_xtoken {
	dv_xtok kind;
	size_t off;          /* start in the text */
	size_t len;          /* bytes of the token as written */
	uint64_t u;          /* INT: the value (may exceed INT64_MAX: then *big) */
	bool big;            /* INT: beyond uint64, read as a number */
	double d;            /* NUM, and INT when big */
	int64_t ms;          /* DUR */
} dv_xtoken;

/*
 * The token at s[off..len). On DV_XT_ERROR err holds the message and the
 * offset. String tokens are not decoded here (dv_xlex_string does it).
 */
dv_xtoken dv_xlex(const char *s, size_t len, size_t off, dv_xerr *err);

/* Decode the string token t of s into out (t.len bytes suffice);
 * returns the decoded length. */
size_t dv_xlex_string(const char *s, const dv_xtoken *t, char *out);

/* A token kind for messages: "')'", "end of expression", ... */
const char *dv_xtok_name(dv_xtok k);

/* Parse s[0..len) into an untyped tree in `arena`; NULL with err set. */
dv_xnode *dv_expr_parse(dv_arena *arena, const char *s, size_t len,
			dv_xerr *err);

/*
 * Type the tree of a `check` or `when` (which must be boolean), resolving
 * column names against contract c and converting literals. false with
 * err set on a fault.
 */
bool dv_expr_type(struct dcval_contract *c, dv_xnode *root, dv_xerr *err);

/* Parse and type s[0..len): the tree, or NULL with err set. */
dv_xnode *dv_expr_compile(struct dcval_contract *c, const char *s,
			  size_t len, dv_xerr *err);

/* Name of a type for messages ("integer", "datetime", ...). */
const char *dv_xtype_name(dv_xtype t);

/* Append the columns tree x references to refs (n in use), each once,
 * in order of first reference (left to right). */
void dv_expr_refs(const dv_xnode *x, size_t *refs, size_t *n);

/*
 * Where byte `off` of a scalar's value lies in the file: the scalar
 * starts at (line, col) with source bytes src[0..src_len) (quotes, block
 * indicators and tag included); the value is val[0..val_len). Columns
 * count characters, as libyaml's marks do. Falls back to the scalar's
 * start when the source cannot be followed.
 */
void dv_expr_pos(const char *src, size_t src_len, const char *val,
		 size_t val_len, unsigned long line, unsigned long col,
		 size_t off, unsigned long *out_line, unsigned long *out_col);

/* Print the typed tree in prefix form with types: (>= :bool (col label_ts :datetime) ...). */
void dv_expr_dump(const dv_xnode *x, const struct dcval_contract *c,
		  FILE *out);

#endif
