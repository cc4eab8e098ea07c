/*
 * The compiled contract: what compile.c produces from the YAML tree and
 * what the engine runs. Everything is resolved here: columns by index,
 * bounds as typed values, enums as sorted tables, patterns compiled with
 * PCRE2 JIT, message texts prepared. Nothing is looked up by name while
 * records are checked. All memory but the PCRE2 objects lives in `arena`.
 */
#ifndef DV_CONTRACT_IMPL_H
#define DV_CONTRACT_IMPL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "dcval/dcval.h"
#include "contract/expr.h"
#include "value/strformat.h"
#include "value/ruleid.h"
#include "value/types.h"
#include "util/arena.h"
#include "util/strmap.h"

/* Schema-drift policy for extra and missing columns. */
typedef enum dv_policy {
	DV_POLICY_ERROR = 0,
	DV_POLICY_WARN,
	DV_POLICY_IGNORE
} dv_policy;

/*
 * Limits of one pattern match (PCRE2 match context). A value that hits
 * one gets a `pattern` violation naming it. 10,000 steps bound the cost
 * of a pathological pattern such as (a|a)*[bc] to about 0.03 ms a value
 * (100,000 took 0.25 ms) and are far above what a match of an ordinary
 * value takes (a step is a backtracking point, not a byte). The depth
 * limit bounds the interpreter's backtracking memory (the JIT, used
 * whenever it compiles, has its own stack; when that overflows the match
 * is run again by the interpreter).
 */
#define DV_PATTERN_MATCH_LIMIT 10000
#define DV_PATTERN_DEPTH_LIMIT 1000
/* The limits as text, for messages. */
#define DV_PATTERN_STR_(x) #x
#define DV_PATTERN_STR(x) DV_PATTERN_STR_(x)

/* A compiled regular expression. */
typedef struct dv_pattern {
	pcre2_code *code;            /* compiled with UTF, anchored at both ends, JIT when available */
	pcre2_match_context *mctx;   /* match and depth limits */
	bool jit;                    /* JIT-compiled: matched with pcre2_jit_match() */
	const char *source;          /* the pattern as written */
	struct dv_pattern *next;     /* all patterns of a contract, for freeing */
} dv_pattern;

/* An enum: the allowed values, sorted. Strings compare byte for byte,
 * other types by dv_typed_cmp(). */
typedef struct dv_enum {
	size_t n;            /* number of values */
	const char **str;    /* string columns: values sorted by (bytes, length) */
	size_t *str_len;     /* string columns: lengths */
	dv_typed *typed;     /* other types: values sorted by dv_typed_cmp */
} dv_enum;

struct dv_op;

/* What an op's evaluate function sees of one value (contract.md Types). */
typedef struct dv_opval {
	dv_type type;              /* the column's */
	const char *s;             /* the value's text as read (a JSON number's as written), or NULL */
	size_t len;
	const dv_typed *t;         /* the typed value */
	pcre2_match_data *md;      /* scratch for pattern matches */
	char *msg;                 /* room for a message tail that names the value's figures */
	size_t msg_cap;            /* bytes at msg (DV_OP_MSG) */
} dv_opval;

/* Room a check needs for a message of its own ("has 3 elements, not 768"). */
#define DV_OP_MSG 160

/*
 * Evaluate one op against one typed, non-null value: NULL when it passes,
 * else the violation's message tail (op->detail, static text, or text
 * written into v->msg). Allocates nothing.
 */
typedef const char *(*dv_op_eval)(const struct dv_op *op, const dv_opval *v);

/* One value check after a successful type parse: a row of the column-check
 * table (colcheck.h) compiled for one column. */
typedef struct dv_op {
	dv_rule rule;          /* the row's rule id */
	dv_op_eval eval;       /* the row's evaluate function */
	const char *detail;    /* message tail: "is less than the minimum 0" */
	union {
		dv_typed bound;       /* minimum, maximum, exclusive_* */
		uint64_t length;      /* min_length, max_length (code points); dimension (elements) */
		struct {
			double lo, hi;          /* norm: inclusive bounds */
			bool has_lo, has_hi;
			const char *lo_text;    /* as written, for messages */
			const char *hi_text;
		} range;
		dv_strfmt strfmt;     /* format on a string column */
		const dv_pattern *re; /* pattern */
		const dv_enum *en;    /* enum */
	} u;
	const char *arg;       /* the parameter as written in the contract, for dumps */
} dv_op;

typedef struct dv_column {
	const char *name;            /* as declared */
	size_t index;                /* position in dcval_contract.columns */
	const char *const *path;     /* json key path, at least one segment */
	size_t path_len;             /* segments in path */
	dv_type type;                /* declared type */
	bool required;               /* present and not null */
	bool unique;                 /* no two non-null values equal */
	bool sensitive;              /* never show values */
	dcval_severity severity;     /* of every violation of this column */
	const char *time_format;     /* strptime-style format, or NULL for ISO */
	const char *const *true_values;  /* boolean: accepted true texts */
	size_t n_true;
	const char *const *false_values; /* boolean: accepted false texts */
	size_t n_false;
	const char *type_detail;     /* "is not an integer" */
	const dv_op *ops;            /* value checks, cheap first */
	size_t n_ops;
	unsigned long line;          /* where the column is declared */
} dv_column;

/* JSON path trie: one node per distinct key prefix of the declared paths. */
typedef struct dv_pathnode {
	const char *key;                 /* key at this level (NULL at the root) */
	size_t key_len;
	long column;                     /* column index ending here, or -1 */
	struct dv_pathnode *children;    /* keys one level down, sorted by (bytes, length) */
	size_t n_children;
} dv_pathnode;

struct dcval_contract {
	dv_arena arena;              /* owns everything below but PCRE2 objects */
	dv_pattern *patterns;        /* to free */
	const char *file;            /* path the contract was read from */
	const char *name;
	const char *version;         /* NULL if absent */
	const char *description;
	const char *owner;
	const char *source;
	char sha256[65];             /* hex of the file bytes */

	/* input: */
	dcval_format format;         /* AUTO when not given */
	char delimiter;              /* csv delimiter, default ',' (tab for tsv) */
	bool delimiter_set;          /* given in the contract */
	char quote;                  /* default '"' */
	bool quote_none;             /* input.quote: null: no quoting, every byte literal */
	bool header;                 /* default true */
	const char *const *null_values; /* default [""] */
	size_t n_null_values;
	size_t max_null_len;         /* longest null token: longer text is never null */
	bool coerce;                 /* json: parse strings as csv text */

	/* schema: */
	dv_policy extra_columns;     /* default error */
	dv_policy missing_columns;   /* default error */
	bool column_order_strict;    /* default any */

	dv_column *columns;          /* declared order */
	size_t n_columns;            /* at least 1 */
	dv_strmap names;             /* column index by name (names are unique) */
	dv_pathnode paths;           /* root of the json path trie */

	/* dataset: */
	bool has_row_count_min;
	bool has_row_count_max;
	uint64_t row_count_min;
	uint64_t row_count_max;
	const size_t *primary_key;   /* column indexes, or NULL */
	size_t n_primary_key;
	const char *primary_key_name; /* "a,b" */
	const struct dv_dscol *ds_columns; /* dataset.columns entries, contract order (contract/dscheck.h) */
	size_t n_ds_columns;
	const struct dv_dsfresh *freshness; /* dataset.freshness, or NULL */

	const struct dv_drift *drift; /* `drift:` (drift.h), or NULL */

	dv_ruleset rules;            /* cross-field rules, contract order (compile_rules.c) */
};

/* How a contract is loaded. */
enum dv_load_flags {
	/* drift: keep the baseline's path and the limits, read no baseline
	 * file (cli.md "diff": a baseline's path is compared as text, the
	 * file is not read) */
	DV_LOAD_NO_BASELINE = 1u << 0
};

/* dcval_contract_load_file() / _buffer() with flags (enum dv_load_flags). */
dcval_contract *dv_contract_load_file_flags(const char *path, unsigned flags,
					    dcval_error *err);
dcval_contract *dv_contract_load_buffer_flags(const char *name,
					      const char *buf, size_t len,
					      unsigned flags, dcval_error *err);

#endif
