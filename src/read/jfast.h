/*
 * dv_jfast: the JSON Lines fast path. One record's bytes in, values to
 * the engine out, in one pass and without a parse tree.
 *
 * The record is tokenized (jtok.h) while the contract's path trie is
 * walked: a declared key's value becomes its column's dv_value exactly as
 * the strict path (jdoc.h + jsonval.c) makes it (strings point into the
 * record's bytes, or into a scratch buffer when they hold escapes;
 * numbers keep their text; objects and arrays at a declared leaf get the
 * same compact text), undeclared keys are reported with the same key
 * paths, and everything else is validated and skipped.
 *
 * What the fast path does not take, it gives back (*done false) before
 * anything reached the engine, and the caller runs the strict path on
 * the same bytes: any fault (so a record that is not valid JSON gets the
 * strict parser's rule, message and column), a top-level value that is
 * not an object, an object key with a backslash escape (duplicate keys
 * are then compared as decoded text), nesting deeper than
 * DV_JFAST_MAX_DEPTH. Scratch memory is kept from one record to the next:
 * after warm-up a record allocates nothing.
 */
#ifndef DV_READ_JFAST_H
#define DV_READ_JFAST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "read/jsonval.h"
#include "util/buf.h"

/* Deepest nesting the fast path walks (the record's object being 1);
 * deeper records take the strict path. */
#define DV_JFAST_MAX_DEPTH 64

/* A slot of the table of keys seen in the record's objects. */
struct dv_jfast_key {
	uint32_t gen;       /* record generation; another value: empty */
	uint32_t obj;       /* the object's number in the record */
	uint32_t hash;      /* of the key's bytes */
	const char *key;    /* borrowed from the record's bytes */
	size_t len;
};

typedef struct dv_jfast {
	dv_jsonval *jv;              /* borrowed: values, texts, engine */
	const char *end;             /* end of the record's bytes */
	dv_buf str;                  /* decoded strings of one record (room reserved up front: never moves) */
	dv_buf extra;                /* undeclared key paths of one record, each NUL-terminated */
	dv_buf dec;                  /* one decoded string of a JOTHER dump */
	struct dv_jfast_key *keys;   /* keys of objects not walked by a bitmap */
	size_t keys_mask;            /* slots - 1 */
	size_t keys_used;
	uint32_t gen;                /* this record's generation */
	uint32_t n_obj;              /* objects opened in this record */
	size_t *succ;                /* root trie children: the child that followed child i last (n_children: the first) */
	dv_value *values;            /* the engine's, for this record */
	bool dump_full;              /* the JOTHER dump passed jv->text's cap */
	dcval_status st;             /* DCVAL_ENOMEM met while scanning */
} dv_jfast;

/*
 * Prepare f for records of at most max bytes read with jv (borrowed; a
 * sink's jv is never fast). Returns DCVAL_OK or DCVAL_ENOMEM; release
 * with dv_jfast_release() in both cases.
 */
dcval_status dv_jfast_init(dv_jfast *f, dv_jsonval *jv, size_t max);
void dv_jfast_release(dv_jfast *f);

/*
 * The record in s[0..len) (its line end stripped; not blank), starting
 * on physical line `line`; raw/raw_len the bytes quarantine copies. When
 * the fast path takes it, *done is true and the engine's status is
 * returned (DCVAL_OK, DCVAL_STOP or an error). Otherwise *done is false,
 * nothing reached the engine, and the caller must run the strict path
 * (DCVAL_OK), unless memory ran out (DCVAL_ENOMEM).
 */
dcval_status dv_jfast_record(dv_jfast *f, uint64_t line, const char *s,
			     size_t len, const char *raw, size_t raw_len,
			     bool *done);

/*
 * The walk alone, without the engine: fill values[0..columns) (every
 * one DV_V_NULL first; texts in jv->text, decoded strings in f->str, all
 * valid until the next record) and collect the undeclared key paths in
 * f->extra. Returns true when the fast path takes the record, false when
 * it gives it back (f->st DCVAL_ENOMEM if memory ran out); jv->text_off
 * is then clear again.
 */
bool dv_jfast_scan(dv_jfast *f, dv_value *values, const char *s, size_t len);

#endif
