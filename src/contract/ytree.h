/*
 * A small YAML document tree built from libyaml events, with 1-based
 * positions on every node. Contracts are read into this tree first and
 * compiled from it (compile.c), so the compiler never sees libyaml.
 *
 * Limits: aliases and anchors are refused (no billion laughs), nesting
 * deeper than DV_YTREE_MAX_DEPTH is refused, one document per file.
 *
 * Scalars are typed as YAML 1.2's core schema reads them (yaml.org/spec/
 * 1.2.2 section 10.3): a plain scalar is null (`~`, `null`, `Null`,
 * `NULL`, empty), a boolean (`true`/`false` in three cases), an integer
 * (`[-+]?[0-9]+`, `0o17`, `0x1F`), a float (decimal with fraction or
 * exponent, `.inf`, `.nan`) or else a string; a quoted or block scalar is
 * always a string. The core tags (`!!str`, `!!int`, `!!float`, `!!bool`,
 * `!!null` on scalars, `!!seq`, `!!map` on collections) and the
 * non-specific `!` are honoured; any other tag (`!!binary`, `!foo`) is an
 * error. Scalars keep their raw text as well, so a message can quote
 * them as written.
 */
#ifndef DV_CONTRACT_YTREE_H
#define DV_CONTRACT_YTREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dcval/dcval.h"
#include "util/arena.h"

#define DV_YTREE_MAX_DEPTH 64

typedef enum dv_ynode_kind {
	DV_Y_SCALAR = 0,
	DV_Y_SEQ,
	DV_Y_MAP
} dv_ynode_kind;

/* What the core schema makes of a scalar. */
typedef enum dv_yscalar {
	DV_YS_STR = 0,
	DV_YS_NULL,
	DV_YS_BOOL,
	DV_YS_INT,
	DV_YS_FLOAT
} dv_yscalar;

typedef struct dv_ynode dv_ynode;

/* One key: value pair of a mapping. Keys are always scalars. */
typedef struct dv_ypair {
	dv_ynode *key;   /* a DV_Y_SCALAR node */
	dv_ynode *value; /* any node */
} dv_ypair;

struct dv_ynode {
	dv_ynode_kind kind;
	unsigned long line; /* 1-based line of the node's start */
	unsigned long col;  /* 1-based column of the node's start */
	const char *text;   /* scalar: the value, NUL-terminated */
	size_t len;         /* scalar: bytes in text (may hold NUL bytes) */
	bool quoted;        /* scalar: written in quotes or as a block scalar */
	bool tagged;        /* scalar: written with an explicit tag */
	dv_yscalar type;    /* scalar: core-schema type (see above) */
	const char *src;    /* scalar: its source bytes (tag and quotes included),
			       borrowed from the parsed buffer */
	size_t src_len;     /* scalar: bytes in src */
	dv_ynode **items;   /* seq: the items */
	dv_ypair *pairs;    /* map: the pairs, in file order */
	size_t n;           /* seq: items; map: pairs */
};

/*
 * Parse `len` bytes of YAML. `name` is the file name for errors. Nodes are
 * allocated in `arena` (caller-owned, freed with it). Returns the root
 * node, or NULL with `err` set: DCVAL_ECONTRACT with libyaml's message,
 * line and column (1-based), or DCVAL_ENOMEM. An empty document is an
 * error ("contract is empty"). Duplicate keys in one mapping are an error
 * naming the key and the position of the repeat.
 */
dv_ynode *dv_ytree_parse(dv_arena *arena, const char *name, const char *buf,
			 size_t len, dcval_error *err);

/* The value of `key` in map node m, or NULL. */
dv_ynode *dv_ytree_get(const dv_ynode *m, const char *key);

/* Whether n is a null scalar: plain "", "~", "null", "Null", "NULL", or
 * one of them tagged !!null. */
bool dv_ynode_is_null(const dv_ynode *n);

/* Whether n is a scalar of core-schema type t. */
bool dv_ynode_is(const dv_ynode *n, dv_yscalar t);

/*
 * Core-schema resolution (ycore.c). dv_ycore_plain() is the type of an
 * untagged plain scalar. dv_ycore_fits() says whether text may carry the
 * explicit tag of type t (`!!int 0x1F` yes, `!!int abc` no; every text
 * fits !!str).
 */
dv_yscalar dv_ycore_plain(const char *s, size_t len);
bool dv_ycore_fits(dv_yscalar t, const char *s, size_t len);

/* The value of a DV_YS_INT scalar's text (decimal, 0o octal, 0x hex).
 * False when it does not fit in int64_t. */
bool dv_ycore_int(const char *s, size_t len, int64_t *out);

/*
 * The value of a DV_YS_INT or DV_YS_FLOAT scalar's text as a double.
 * False when the value is beyond the double range; *finite is false for
 * `.inf`, `-.inf` and `.nan` (and *out then holds the infinity or NaN).
 */
bool dv_ycore_double(const char *s, size_t len, double *out, bool *finite);

/* The name of type t in messages: "string", "null", "boolean", "integer",
 * "float". */
const char *dv_yscalar_name(dv_yscalar t);

#endif
