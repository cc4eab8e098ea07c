/*
 * JSON records -> engine values, shared by the JSON Lines reader (jsonl.c)
 * and the JSON array reader (json.c).
 *
 * A reader finds the bytes of one record (a line, an array element) and
 * hands them to dv_jsonval_parse() (the strict parser of jdoc.h); this
 * module then walks the parsed object along the contract's path trie,
 * fills the values array, reports undeclared keys once per input, and
 * passes the record to the engine. Each key of an object that a declared
 * path enters is looked up once in the trie (a binary search): one pass
 * finds the declared values and the undeclared keys together. Numbers
 * keep the text they were written as (DV_V_JNUM), so they are read and
 * compared exactly, whatever else the record holds.
 */
#ifndef DV_READ_JSONVAL_H
#define DV_READ_JSONVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/engine.h"
#include "util/jdoc.h"
#include "util/buf.h"

/* Undeclared key paths remembered per input. Past this many distinct
 * ones no further extra keys are reported for the input (memory stays
 * bounded when records carry ever-new keys, e.g. maps keyed by id). */
#define DV_JSONVAL_SEEN_MAX 10000

/* Deepest declared path walked (the trie is compiled from the contract;
 * this only bounds the recursion). */
#define DV_JSONVAL_MAX_DEPTH 256

/* One key of the path being walked. */
struct dv_jsonval_seg {
	const char *key;
	size_t len;
};

/*
 * A contract-less scan (src/read/scan.c) takes the records instead of the
 * engine: `record` gets each parsed object, `bad` each record that cannot
 * be read (col 0 when detail names the place) and, with `ends`, a break
 * in a JSON array's structure that ends the input.
 */
typedef struct dv_jsonval_sink {
	dcval_status (*record)(void *ctx, const dv_jdoc *doc, uint64_t line);
	dcval_status (*bad)(void *ctx, uint64_t line, uint64_t col,
			    const char *detail, bool ends);
	void *ctx;
} dv_jsonval_sink;

/* Per-input state of the JSON value walk. */
typedef struct dv_jsonval {
	dv_engine *e;                      /* borrowed */
	const struct dcval_contract *c;    /* borrowed, from the engine */
	bool want_raw;                     /* quarantine wants record bytes */
	dv_jdoc doc;                       /* the record's parsed text */
	dv_buf text;                       /* compact text of objects and arrays, parent messages; one record */
	size_t *text_off;                  /* per column: offset in text, SIZE_MAX if none */
	struct dv_jsonval_seg *seg;        /* keys from the top to the object walked */
	dv_buf path;                       /* dotted key path of an extra key or a parent */
	struct dv_keyset *seen;            /* extra key paths reported in this input */
	const dv_jsonval_sink *sink;       /* a scan's, instead of the engine; NULL: the engine */
	bool extra_each;                   /* report extra keys in every record, not once
					      per input (in-memory sessions) */
} dv_jsonval;

/*
 * Prepare jv for one input read by engine e. Returns DCVAL_OK or
 * DCVAL_ENOMEM. Release with dv_jsonval_release() in both cases.
 */
dcval_status dv_jsonval_init(dv_jsonval *jv, dv_engine *e);
void dv_jsonval_release(dv_jsonval *jv);

/* Prepare jv for a contract-less scan: records go to sink (borrowed),
 * decoded strings take at most max bytes. DCVAL_OK. */
dcval_status dv_jsonval_init_sink(dv_jsonval *jv, const dv_jsonval_sink *sink,
				  size_t max);

/* The contract-less scans of one input (jsonl.c, json.c): each record to
 * sink, lines at most max bytes. Returns DCVAL_OK or the first status
 * that stopped it (a sink's, DCVAL_ENOMEM). */
struct dv_source;
dcval_status dv_jsonl_scan(struct dv_source *src, const dv_jsonval_sink *sink,
			   size_t max);
dcval_status dv_json_scan(struct dv_source *src, const dv_jsonval_sink *sink,
			  size_t max);

/*
 * Parse one record's JSON text s[0..len) (not NUL-terminated; it must
 * stay valid until the record is emitted) into jv->doc. Returns DCVAL_OK
 * with *valid, or DCVAL_ENOMEM.
 */
dcval_status dv_jsonval_parse(dv_jsonval *jv, const char *s, size_t len,
			      bool *valid);

/*
 * Rule and message for the last failed parse: DV_R_ENCODING with
 * "invalid UTF-8", otherwise DV_R_MALFORMED with "invalid JSON at column
 * C: REASON", or "invalid JSON at line L, column C: REASON" when
 * `with_line` (L and C: where the fault is, computed by the reader). The
 * reason never quotes the input, so no value can leak through it.
 * Writes a NUL-terminated message into buf (cap bytes, cut if longer).
 */
dv_rule dv_jsonval_describe(const dv_jsonval *jv, bool with_line,
			    uint64_t line, uint64_t col, char *buf,
			    size_t cap);

/*
 * Hand the record last parsed to the engine. A non-object is one
 * `malformed` violation; an object has its declared paths turned into
 * values and its undeclared keys reported. `line` is the physical line
 * the record starts on; raw/raw_len the bytes quarantine copies (NULL:
 * none kept). Returns the engine's status (DCVAL_OK, DCVAL_STOP, or an
 * error).
 */
dcval_status dv_jsonval_emit(dv_jsonval *jv, uint64_t line, const char *raw,
			     size_t raw_len);

/*
 * A record that could not be read: one violation of `rule` with
 * `detail`, every value DV_V_SKIP (already reported, nothing checked), and
 * the record still counts. Returns the engine's status.
 */
dcval_status dv_jsonval_bad(dv_jsonval *jv, uint64_t line, dv_rule rule,
			    const char *detail, const char *raw,
			    size_t raw_len);

/* ---- shared with the fast path (jfast.c) ---- */

/* The child of trie node `node` with key key[0..len) (a binary search),
 * or NULL when the key is not declared there. */
const dv_pathnode *dv_jsonval_child(const dv_pathnode *node, const char *key,
				    size_t len);

/*
 * Key path seg[0..depth) (in jv->seg) leads to a value of dv_jtype
 * `type`, neither an object nor null, where trie node `node` declares
 * keys below: every column below gets DV_V_JPARENT and the message
 * "parent 'PATH' is KIND, not an object" (in jv->text, by offset in
 * jv->text_off). DCVAL_OK or DCVAL_ENOMEM.
 */
dcval_status dv_jsonval_parent(dv_jsonval *jv, dv_value *values,
			       const dv_pathnode *node, int type,
			       unsigned depth);

/*
 * Undeclared key path path[0..len) (NUL-terminated) found in record rec:
 * an `extra_column` violation, once per input (or per record with
 * extra_each), per the contract's policy. Returns the engine's status.
 */
dcval_status dv_jsonval_extra(dv_jsonval *jv, dv_record *rec,
			      const char *path, size_t len);

/* Decoded string s[0..len) as compact JSON text (quotes, escapes where
 * needed: the form JOTHER values keep) appended to b. */
dcval_status dv_jsonval_dump_string(dv_buf *b, const char *s, size_t len);

/* The record's text offsets (jv->text_off) become the values' pointers;
 * every offset is cleared. */
void dv_jsonval_fixup(dv_jsonval *jv, dv_value *values);

#endif
