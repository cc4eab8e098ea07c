/*
 * dv_jdoc: a strict JSON parser (RFC 8259) producing a flat node array.
 *
 * It accepts exactly what jansson accepts with JSON_DECODE_ANY |
 * JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL (tests/fuzz/fuzz_jsondiff.c
 * checks that on any bytes), with three differences that keep data
 * rather than drop it: a number is kept as the text it was written as
 * (an integer beyond 64 bits or `1e400` is valid JSON, where jansson
 * fails), and a key may hold "\u0000". Rejected: invalid UTF-8, lone
 * surrogates (`\ud800`), raw control characters in strings, NaN and
 * Infinity, trailing commas, leading zeros, duplicate keys in one object,
 * and nesting deeper than DV_JDOC_MAX_DEPTH values.
 *
 * Nodes are stored in document order: an array's elements follow it, an
 * object's members follow it as key node, value subtree, key node, ...
 * A container's `end` is the index just past its subtree, so siblings are
 * reached without recursion. Strings without escapes point into the
 * parsed text (which must outlive the document's use); strings with
 * escapes are decoded into the document's own buffer. The node array,
 * decoded strings and the key table are reused from one parse to the
 * next: after warm-up a parse allocates nothing.
 */
#ifndef DV_UTIL_JDOC_H
#define DV_UTIL_JDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dcval/dcval.h"
#include "util/buf.h"

/* Deepest nesting of values, the top-level value being level 1 (as
 * jansson's JSON_PARSER_MAX_DEPTH counts it). */
#define DV_JDOC_MAX_DEPTH 2048

typedef enum dv_jtype {
	DV_J_NULL = 0,
	DV_J_FALSE,
	DV_J_TRUE,
	DV_J_NUMBER,
	DV_J_STRING,
	DV_J_ARRAY,
	DV_J_OBJECT
} dv_jtype;

typedef struct dv_jnode {
	size_t off;       /* scalars: offset of the bytes (decoded strings: in the doc's buffer); containers: of the bracket */
	size_t len;       /* scalars: bytes (a string's without quotes); containers: index past the subtree */
	uint8_t type;     /* dv_jtype */
	uint8_t decoded;  /* string: bytes are in the doc's buffer, not the text */
} dv_jnode;

/* Why a text was rejected. */
typedef enum dv_jerr_code {
	DV_JERR_NONE = 0,
	DV_JERR_SYNTAX,   /* not JSON */
	DV_JERR_UTF8,     /* invalid UTF-8 */
	DV_JERR_DEPTH,    /* nested too deep */
	DV_JERR_DUPKEY    /* a key repeated in one object */
} dv_jerr_code;

typedef struct dv_jerr {
	dv_jerr_code code;
	size_t pos;          /* 0-based byte offset of the fault (the text's length at its end) */
	const char *reason;  /* static text, never quoting the input: "unterminated string" */
} dv_jerr;

/* Slot of the duplicate-key table. */
struct dv_jkeyslot {
	uint32_t gen;     /* parse generation; another value: empty */
	uint32_t hash;
	size_t obj;       /* object node */
	size_t key;       /* key node */
};

typedef struct dv_jdoc {
	dv_jnode *nodes;          /* the parsed value, nodes[0] the top */
	size_t n;                 /* nodes used */
	size_t alloc;             /* nodes allocated */
	const char *text;         /* borrowed: the text last parsed */
	dv_buf str;               /* decoded strings */
	size_t *stack;            /* open containers, DV_JDOC_MAX_DEPTH */
	size_t depth;             /* containers open while parsing */
	struct dv_jkeyslot *keys; /* duplicate-key table */
	size_t keys_mask;         /* slots - 1 */
	size_t keys_used;         /* keys in this parse */
	uint32_t gen;             /* this parse's generation */
	dv_jerr err;              /* why the last parse failed */
} dv_jdoc;

/* Empty document; decoded strings may take up to `cap` bytes. */
void dv_jdoc_init(dv_jdoc *d, size_t cap);
void dv_jdoc_release(dv_jdoc *d);

/*
 * Parse text s[0..len) (not NUL-terminated; borrowed until the next
 * parse). Returns DCVAL_OK with *valid telling whether it is one JSON
 * value (surrounded by whitespace only); when not, d->err says why and
 * where. DCVAL_ENOMEM (or DCVAL_ELIMIT when decoded strings pass the cap)
 * when memory ran out: *valid is false and d->err unset.
 */
dcval_status dv_jdoc_parse(dv_jdoc *d, const char *s, size_t len,
			   bool *valid);

/* Bytes of string or number node i; *len gets their count. */
const char *dv_jdoc_bytes(const dv_jdoc *d, size_t i, size_t *len);

/* Index of the node after node i and its subtree. */
static inline size_t dv_jdoc_next(const dv_jdoc *d, size_t i)
{
	const dv_jnode *n = &d->nodes[i];

	return n->type >= DV_J_ARRAY ? n->len : i + 1;
}

#endif
