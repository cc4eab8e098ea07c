/*
 * The contract compiler: dv_ynode tree -> struct dcval_contract.
 *
 * compile.c        top level, input, schema, dataset, the entry point
 * compile_util.c   error reporting, key tables, scalar readers (dv_cc_*)
 * compile_column.c one column: keys, name, type, flags, path
 * colcheck.c       the column-check table (colcheck_rows.h) and its walk:
 *                  boolean lists, then one op per row that applies
 * compile_checks.c boolean lists; format, lengths and bounds rows
 * compile_enum.c   enum and pattern rows
 * compile_vector.c dimension, finite and norm rows
 * compile_paths.c  duplicate names and paths, the json path trie
 * compile_dataset.c dataset.columns and dataset.freshness
 *
 * Calls go one way: compile.c -> compile_column.c -> colcheck.c ->
 * compile_{checks,enum,vector}.c -> compile_util.c.
 *
 * Every function that can fail returns a dcval_status and has filled the
 * error record (first error kept) when it returns anything but DCVAL_OK.
 */
#ifndef DV_CONTRACT_COMPILE_H
#define DV_CONTRACT_COMPILE_H

#include <stdbool.h>
#include <stddef.h>

#include "contract/contract_impl.h"
#include "contract/ytree.h"
#include "dcval/dcval.h"

/* Longest excerpt of a contract value quoted in a message. */
#define DV_CC_SHOW 40
/* Size of a buffer for dv_cc_show(). */
#define DV_CC_SHOWBUF (DV_CC_SHOW * 4 + 8)
/* Size of a buffer for dv_cc_got(). */
#define DV_CC_GOTBUF (DV_CC_SHOWBUF + 16)
/* Most keys in a json path. */
#define DV_CC_MAX_PATH 64
/* Bytes of enum values listed in an enum message before ", ...". */
#define DV_CC_ENUM_LIST 200

/* Compiler state for one contract. */
struct dv_cc {
	dcval_contract *c;  /* being built */
	const char *file;   /* name for errors */
	dcval_error *err;
	unsigned flags;     /* enum dv_load_flags (contract_impl.h) */
};

/* A mapping's known keys: `names[0..n_known)` are accepted, the
 * `n_planned` names after them are recognised but refused as planned. */
struct dv_keytable {
	const char *const *names;
	size_t n_known;
	size_t n_planned;
};

/* Column keys that are not value checks, in the order of column_keys[]
 * in compile_column.c; the keys of value checks come from the column-
 * check table (colcheck_rows.h). */
enum dv_colkey {
	DV_CK_NAME = 0,
	DV_CK_TYPE,
	DV_CK_DESCRIPTION,
	DV_CK_REQUIRED,
	DV_CK_UNIQUE,
	DV_CK_SEVERITY,
	DV_CK_SENSITIVE,
	DV_CK_PATH,
	DV_CK_TRUE_VALUES,
	DV_CK_FALSE_VALUES,
	DV_CK_COUNT
};

/* One column while it is compiled. */
struct dv_colsrc {
	const dv_ynode *map;               /* the column's mapping */
	const dv_ynode *k[DV_CK_COUNT];    /* value of each key, or NULL */
	const dv_ynode *ck[DV_R_COUNT];    /* value of each value-check key, by the row's rule, or NULL */
	const dv_ynode *path_at;           /* where the path was declared */
	dv_column *col;                    /* being filled */
	dv_op ops[DV_R_COUNT];             /* compiled value checks by rule (kept when detail is set) */
};

/* Set a DCVAL_ECONTRACT error at node `at` (NULL: no position). */
dcval_status dv_cc_fail(struct dv_cc *cc, const dv_ynode *at,
			const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The `drift:` section and its baseline (drift.c). */
dcval_status dv_cc_drift(struct dv_cc *cc, const dv_ynode *n);

/* Set DCVAL_ENOMEM. */
dcval_status dv_cc_nomem(struct dv_cc *cc);

/* Printable excerpt of s[0..len) for a message (control bytes as \xNN,
 * cut after DV_CC_SHOW bytes with "..."); `out` has DV_CC_SHOWBUF bytes. */
const char *dv_cc_show(char *out, const char *s, size_t len);

/* Printable excerpt of a scalar's text. */
const char *dv_cc_shown(char *out, const dv_ynode *n);

/* printf into the contract arena; NULL (and DCVAL_ENOMEM set) on failure. */
char *dv_cc_printf(struct dv_cc *cc, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Copy a scalar's text into the contract arena. */
char *dv_cc_strdup(struct dv_cc *cc, const dv_ynode *n);

/*
 * Check every key of mapping `m` against `ks` and store each value node
 * in slots[index of its name]. Unknown keys fail with a did-you-mean
 * hint, planned ones as "not supported in this version (planned)".
 */
dcval_status dv_cc_keys(struct dv_cc *cc, const dv_ynode *m,
			const struct dv_keytable *ks, const dv_ynode **slots);

/* Fail unless n is a mapping / sequence / scalar; `what` names it in the
 * message ("expected a mapping for 'schema'"). */
dcval_status dv_cc_want(struct dv_cc *cc, const dv_ynode *n,
			dv_ynode_kind kind, const char *what);

/* How scalar n was written, for "got ..." in a message: "null", "the
 * string '5'" for a quoted or tagged string, else "'text'". `out` has
 * DV_CC_GOTBUF bytes. */
const char *dv_cc_got(char *out, const dv_ynode *n);

/* Fail unless n is a string scalar (not null, boolean, integer or float
 * as the core schema reads it); `what` names it ("'name' of column 1"). */
dcval_status dv_cc_string(struct dv_cc *cc, const dv_ynode *n,
			  const char *what);

/* A YAML boolean: true/false/True/False/TRUE/FALSE, unquoted (or !!bool). */
dcval_status dv_cc_bool(struct dv_cc *cc, const dv_ynode *n,
			const char *what, bool *out);

/* A non-negative YAML integer. `what` and `column` (may be NULL) name it. */
dcval_status dv_cc_count(struct dv_cc *cc, const dv_ynode *n,
			 const char *what, const char *column, uint64_t *out);

/* Index of n's text in words[0..count), or fail listing the choices
 * ("expected error or warn for 'severity', got 'x'"). */
/* `severity: error | warn` at n (`what` names it in errors); error when n
 * is NULL. One parser for columns, rules, dataset entries and drift. */
dcval_status dv_cc_severity(struct dv_cc *cc, const dv_ynode *n,
			    const char *what, dcval_severity *out);

dcval_status dv_cc_choice(struct dv_cc *cc, const dv_ynode *n,
			  const char *what, const char *const *words,
			  size_t count, size_t *out);

/* Whether a scalar's text is exactly `word`. */
bool dv_cc_is(const dv_ynode *n, const char *word);

/* The later of two nodes in the file (either may be NULL). */
const dv_ynode *dv_cc_later(const dv_ynode *a, const dv_ynode *b);

/* Fail: key `key` (its value at `at`) does not apply to the column's type. */
dcval_status dv_cc_not_for(struct dv_cc *cc, const struct dv_colsrc *src,
			   const dv_ynode *at, const char *key);

/* The boolean column's true_values / false_values (compile_checks.c);
 * an error on any other type. */
dcval_status dv_cc_bool_lists(struct dv_cc *cc, struct dv_colsrc *src);

/* Compile the `columns` sequence into c->columns. */
dcval_status dv_cc_columns(struct dv_cc *cc, const dv_ynode *seq);

/* Everything of one column after its keys, name, type and flags:
 * boolean lists, then the column-check table's rows (colcheck.c). */
dcval_status dv_cc_checks(struct dv_cc *cc, struct dv_colsrc *src);

/* Reject duplicate names and paths, paths that prefix other paths, and
 * build c->paths. `srcs` has one entry per column. */
dcval_status dv_cc_paths(struct dv_cc *cc, const struct dv_colsrc *srcs);

/* Parse a bound or enum value of a date, datetime or time column written
 * in ISO form (datetime also naive or a plain date, taken as UTC). */
bool dv_cc_parse_iso(dv_type type, const char *s, size_t len, dv_typed *out);

/* Whether s is a semantic version, semver.org 2.0.0: MAJOR.MINOR.PATCH
 * (no leading zeros), optional -pre.release and +build.metadata
 * (semver.c). */
bool dv_semver_is_valid(const char *s);

/*
 * Rewrite Unicode General_Category long names in a pattern to PCRE2's
 * short ones (\p{Letter} -> \p{L}; uniprop.c). in[0..len) goes to `out`
 * (len + 1 bytes, NUL-terminated); map[k] is the offset in `in` of
 * out[k] (len + 1 entries, map[returned length] = len). Returns the
 * length of out, never more than len.
 */
size_t dv_uniprop_rewrite(const char *in, size_t len, char *out, size_t *map);

/* dataset.columns and dataset.freshness (compile_dataset.c); either
 * may be NULL. */
dcval_status dv_cc_dataset_checks(struct dv_cc *cc, const dv_ynode *columns,
				  const dv_ynode *freshness);
/* Compile the `rules` sequence into c->rules (compile_rules.c). */
dcval_status dv_cc_rules(struct dv_cc *cc, const dv_ynode *seq);

/* Compile the whole tree. New contract, or NULL with err set. */
dcval_contract *dv_contract_compile(const dv_ynode *root, const char *file,
				    unsigned flags, dcval_error *err);

#endif
