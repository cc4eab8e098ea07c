/*
 * dcval diff: the changes between two versions of one contract, each
 * classified (breaking, relaxing, metadata), and the semantic-version
 * gate over them (shared/spec/cli.md, "diff").
 *
 * Changes are computed on the compiled contracts (contract_impl.h), so
 * key order, quoting, `5` vs `5.0` on a number column, `required: false`
 * vs nothing, and column order under `column_order: any` are no change.
 * Sections the compiled struct does not hold yet (rules, dataset.columns,
 * dataset.freshness, drift, the vector keys) are compared from the typed
 * YAML tree behind one seam each (seam.c).
 *
 * diff.c     the change list, the entry point, top level, input, schema
 * dkind.c    the classification table: one row per change kind
 * dcolumn.c  one column against its namesake, columns added and removed
 * dvalue.c   values of keys (dv_dval) built from the compiled contract
 * seam.c     sections compared from the YAML tree (to be switched)
 * gate.c     semantic versions: precedence, bumps, the gate
 * dreport.c  the text and json forms
 */
#ifndef DV_DIFF_DIFF_H
#define DV_DIFF_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "contract/contract_impl.h"
#include "contract/ytree.h"
#include "dcval/dcval.h"
#include "util/arena.h"
#include "value/types.h"

/* Change classes, mildest first (the worst of a diff is the largest). */
typedef enum dv_dclass {
	DV_DC_NONE = 0,     /* no change (the worst class of an empty diff) */
	DV_DC_METADATA,     /* no input changes its verdict */
	DV_DC_RELAXING,     /* some input OLD rejects, NEW accepts */
	DV_DC_BREAKING      /* some input OLD accepts, NEW rejects */
} dv_dclass;

/* "breaking", "relaxing", "metadata" ("none" for DV_DC_NONE). */
const char *dv_dclass_name(dv_dclass c);

/* One change. Strings live in the diff's arena. */
typedef struct dv_dchange {
	const char *path;     /* columns.amount.maximum */
	dv_dclass cls;
	const char *old_json; /* the old value as JSON text ("null": absent) */
	const char *new_json; /* the new value as JSON text */
	const char *message;  /* "columns.amount.maximum: 1000 -> 500" */
} dv_dchange;

/* Kinds of value a key holds. */
typedef enum dv_dvk {
	DV_DV_NONE = 0, /* absent */
	DV_DV_NUM,      /* a number: ordered by its exact decimal text */
	DV_DV_TYPED,    /* a date, datetime or time bound: ordered when both
			   sides have one type */
	DV_DV_WORD,     /* a keyword (type, policy, severity, format name) */
	DV_DV_TEXT,     /* user text, shown in double quotes */
	DV_DV_BOOL,     /* true / false */
	DV_DV_LIST      /* a list: equal when its JSON texts are */
} dv_dvk;

/* The value of one key on one side. */
typedef struct dv_dval {
	dv_dvk k;
	const char *show;  /* as shown in messages */
	const char *json;  /* as JSON text */
	const char *num;   /* DV_DV_NUM: exact decimal text for ordering */
	dv_type type;      /* DV_DV_TYPED */
	dv_typed typed;    /* DV_DV_TYPED */
	bool on;           /* DV_DV_BOOL */
} dv_dval;

/* One side of a diff: the compiled contract and its YAML tree. */
typedef struct dv_dside {
	const dcval_contract *c;  /* borrowed */
	const dv_ynode *root;     /* borrowed: the contract's YAML tree */
	const char *path;         /* as shown in reports (borrowed) */
} dv_dside;

/* A diff: the changes, in report order once dv_diff_run() returned. */
typedef struct dv_diff {
	dv_arena arena;        /* owns every string of the changes */
	dv_dchange *changes;   /* growable (dv_realloc) */
	size_t n;
	size_t cap;
	dcval_status status;   /* first allocation failure */
	const dv_dside *old;   /* during dv_diff_run() */
	const dv_dside *new;
} dv_diff;

void dv_diff_init(dv_diff *d);
void dv_diff_release(dv_diff *d);

/*
 * Compare old with new and fill d->changes, sorted by class (breaking
 * first) and, within a class, in contract order. Fails with
 * DCVAL_ECONTRACT and `err` set when the contracts have different names
 * ("not the same contract", at NEW's `contract` value) or either lacks
 * `version` (required by diff); DCVAL_ENOMEM.
 */
dcval_status dv_diff_run(dv_diff *d, const dv_dside *old,
			 const dv_dside *new, dcval_error *err);

/* The worst class among d's changes (DV_DC_NONE when there is none). */
dv_dclass dv_diff_worst(const dv_diff *d);

/* ---- used by the files of this folder ---- */

/* Change kinds: one row each in dkind.c's table. */
typedef enum dv_dkey {
	DV_DK_DESCRIPTION = 0, /* every description: metadata */
	DV_DK_OWNER,
	DV_DK_SOURCE,
	DV_DK_SENSITIVE,
	DV_DK_INPUT,           /* input.*: any change breaking */
	DV_DK_POLICY,          /* schema.extra_columns, missing_columns */
	DV_DK_COLUMN_ORDER,    /* schema.column_order */
	DV_DK_TYPE,
	DV_DK_REQUIRED,
	DV_DK_UNIQUE,
	DV_DK_SEVERITY,
	DV_DK_MINIMUM,         /* every lower limit */
	DV_DK_MAXIMUM,         /* every upper limit */
	DV_DK_PATTERN,         /* pattern, string format, dimension, ...:
				  added or changed breaking */
	DV_DK_SYNTAX,          /* the text's syntax (json path, date format,
				  drift baseline, rule check and when): any
				  change breaking */
	DV_DK_FLAG,            /* finite and other checks that are on or off */
	DV_DK_ENUM,            /* a set of values: added values relax */
	DV_DK_COUNT
} dv_dkey;

/* Record a change of `key` at `path` from a to b (either may be absent):
 * nothing when they are equal, else one change (two for a set whose
 * values were added and removed) classified by the table. `path` is
 * copied. */
void dv_diff_key(dv_diff *d, dv_dkey key, const char *path,
		 const dv_dval *a, const dv_dval *b);

/* Record the changes of a set of values at `path` (the DV_DK_ENUM row):
 * the set added or removed as a whole is one change; else the values
 * removed are one breaking change and the values added one relaxing
 * change. */
void dv_diff_set(dv_diff *d, const char *path, const dv_dval *a, size_t na,
		 bool has_a, const dv_dval *b, size_t nb, bool has_b);

/* Record a change as given. Strings are copied. */
void dv_diff_add(dv_diff *d, const char *path, dv_dclass cls,
		 const char *old_json, const char *new_json,
		 const char *message);

/* printf into the diff's arena; NULL (status set) on failure. */
char *dv_diff_printf(dv_diff *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Values (dvalue.c). `d` owns the strings. */
dv_dval dv_dval_none(void);
dv_dval dv_dval_word(dv_diff *d, const char *w);
dv_dval dv_dval_text(dv_diff *d, const char *s, size_t len);
dv_dval dv_dval_bool(dv_diff *d, bool on);
/* A number from exact decimal text (dv_dec syntax) or an int64. */
dv_dval dv_dval_num(dv_diff *d, const char *dec);
dv_dval dv_dval_int(dv_diff *d, int64_t v);
/* A bound or enum value of a column of type t as compiled. */
dv_dval dv_dval_typed(dv_diff *d, dv_type t, const dv_typed *v,
		      const char *arg);
/* A list of values (JSON array; shown as [a, b]). */
dv_dval dv_dval_list(dv_diff *d, const dv_dval *items, size_t n);
/* A scalar of the YAML tree: a number (int or float) as DV_DV_NUM,
 * a boolean, else text. NULL or a null scalar: absent. */
dv_dval dv_dval_yaml(dv_diff *d, const dv_ynode *n);

/* Whether two values are equal; *cmp gets their order (<0, 0, >0) and
 * the result says whether they are ordered at all (numbers, bounds of
 * one type). */
bool dv_dval_equal(const dv_dval *a, const dv_dval *b);
bool dv_dval_order(const dv_dval *a, const dv_dval *b, int *cmp);

/* Quote text for a message: "..." with \" \\ and control bytes
 * escaped, in the diff's arena. */
const char *dv_diff_quote(dv_diff *d, const char *s, size_t len);
/* The same as a JSON string. */
const char *dv_diff_jstr(dv_diff *d, const char *s, size_t len);

/* Columns (dcolumn.c): matched by name; then column order. */
void dv_diff_columns(dv_diff *d);

/* Seams (seam.c): sections compared from the YAML tree until their
 * compiled form lands. Each reads only its own section. */
void dv_dseam_rules(dv_diff *d);
void dv_dseam_dataset_columns(dv_diff *d);
void dv_dseam_freshness(dv_diff *d);
void dv_dseam_drift(dv_diff *d);
/* The vector keys (dimension, finite, norm) of column `name`. */
void dv_dseam_vector(dv_diff *d, const char *name);

/* The mapping of column `name` in a contract's tree, or NULL. */
const dv_ynode *dv_dseam_column_map(const dv_ynode *root, const char *name);

/* ---- semantic versions (gate.c) ---- */

typedef enum dv_bump {
	DV_BUMP_NONE = 0,
	DV_BUMP_PATCH,
	DV_BUMP_MINOR,
	DV_BUMP_MAJOR
} dv_bump;

/* "none", "patch", "minor", "major". */
const char *dv_bump_name(dv_bump b);

/* The verdict of the gate. */
typedef struct dv_gate {
	dv_dclass worst;          /* of the changes */
	dv_bump required;         /* required_bump */
	char needed[96];          /* the least version NEW may have */
	bool version_ok;          /* NEW >= needed (and not below OLD) */
	bool went_down;           /* NEW < OLD */
} dv_gate;

/*
 * The gate for versions old -> new (valid semantic versions) and the
 * worst class of the changes: breaking needs a major bump (a minor one
 * while OLD's major is 0), relaxing a minor (patch while 0), metadata a
 * patch, nothing none. A bump is applied as npm's `semver inc` does (a
 * pre-release of x.0.0 bumps major to x.0.0), and NEW passes when its
 * precedence is at least the bumped version's.
 */
void dv_gate_eval(const char *old, const char *new, dv_dclass worst,
		  dv_gate *g);

/* Semantic version precedence (semver.org 11): <0, 0, >0. Build
 * metadata is ignored. Both must be valid. */
int dv_semver_cmp(const char *a, const char *b);

/* ---- reports (dreport.c) ---- */

/* One file's result for a report. old is NULL for a new contract. */
typedef struct dv_dresult {
	const dv_dside *old;      /* NULL: the file is new (absent at REV) */
	const dv_dside *new;
	const dv_diff *diff;      /* NULL when old is NULL */
	dv_gate gate;
} dv_dresult;

/* The text form: a header line, then one line per change. */
void dv_dreport_text(FILE *out, const dv_dresult *r);

/* The json form: one object (an item of an open array when `w` is in
 * one). */
struct dv_jsonw;
void dv_dreport_json(struct dv_jsonw *w, const dv_dresult *r);

#endif
