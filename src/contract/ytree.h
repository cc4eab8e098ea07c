/*
 * A small YAML document tree built from libyaml events, with 1-based
 * positions on every node. Contracts are read into this tree first and
 * compiled from it (compile.c), so the compiler never sees libyaml.
 *
 * Limits: aliases and anchors are refused (no billion laughs), nesting
 * deeper than DV_YTREE_MAX_DEPTH is refused, one document per file.
 * Scalars keep their raw text and whether they were quoted, so the
 * compiler decides what a scalar means from the key it sits under.
 */
#ifndef DV_CONTRACT_YTREE_H
#define DV_CONTRACT_YTREE_H

#include <stdbool.h>
#include <stddef.h>

#include "dcval/dcval.h"
#include "util/arena.h"

#define DV_YTREE_MAX_DEPTH 64

typedef enum dv_ynode_kind {
	DV_Y_SCALAR = 0,
	DV_Y_SEQ,
	DV_Y_MAP
} dv_ynode_kind;

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

/* Whether a scalar is a plain (unquoted) YAML null: "", "~", "null",
 * "Null", "NULL". */
bool dv_ynode_is_null(const dv_ynode *n);

#endif
