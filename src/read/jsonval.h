/*
 * JSON records -> engine values, shared by the JSON Lines reader (jsonl.c)
 * and the JSON array reader (json.c).
 *
 * A reader finds the bytes of one record (a line, an array element) and
 * hands them to dv_jsonval_parse(); this module then walks the parsed
 * object along the contract's path trie, fills the values array, reports
 * undeclared keys once per input, and passes the record to the engine.
 * Only declared keys are looked up: the cost per record follows the
 * contract, not the width of the record (except for the extra-key walk,
 * which visits every key of each object a declared path enters, and is
 * skipped under `extra_columns: ignore`).
 */
#ifndef DV_READ_JSONVAL_H
#define DV_READ_JSONVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "engine/engine.h"
#include "util/buf.h"

/* Undeclared key paths remembered per input. Past this many distinct
 * ones no further extra keys are reported for the input (memory stays
 * bounded when records carry ever-new keys, e.g. maps keyed by id). */
#define DV_JSONVAL_SEEN_MAX 10000

/* Deepest declared path walked (the trie is compiled from the contract;
 * this only bounds the recursion). */
#define DV_JSONVAL_MAX_DEPTH 256

/* Parse flags: duplicate keys are malformed, "\u0000" in strings is kept
 * (dv_value.len is authoritative), any JSON value is accepted at the top
 * so that a non-object record gets its own message. */
#define DV_JSONVAL_PARSE_FLAGS \
	(JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL | JSON_DECODE_ANY)

/* Per-input state of the JSON value walk. */
typedef struct dv_jsonval {
	dv_engine *e;                      /* borrowed */
	const struct dcval_contract *c;    /* borrowed, from the engine */
	bool want_raw;                     /* quarantine wants record bytes */
	dv_buf text;                       /* JSON text of objects and arrays, one record */
	size_t *text_off;                  /* per column: offset in text, SIZE_MAX if none */
	dv_buf path;                       /* dotted key path of the extra-key walk */
	struct dv_keyset *seen;            /* extra key paths reported in this input */
} dv_jsonval;

/*
 * Prepare jv for one input read by engine e. Returns DCVAL_OK or
 * DCVAL_ENOMEM. Release with dv_jsonval_release() in both cases.
 */
dcval_status dv_jsonval_init(dv_jsonval *jv, dv_engine *e);
void dv_jsonval_release(dv_jsonval *jv);

/*
 * Parse one JSON text s[0..len) (not NUL-terminated) with
 * DV_JSONVAL_PARSE_FLAGS. An integer beyond int64 makes jansson fail;
 * the text is then read again with JSON_DECODE_INT_AS_REAL so the value
 * becomes a real (every integer of that text does). Returns the new value
 * (the caller owns it), or NULL with *err filled.
 */
json_t *dv_jsonval_parse(const char *s, size_t len, json_error_t *err);

/*
 * Rule and message for a failed parse: DV_R_ENCODING with "invalid UTF-8",
 * otherwise DV_R_MALFORMED with "invalid JSON at column N: TEXT" (N is the
 * 1-based byte position jansson stopped at; with `with_column` false the
 * "at column N" part is left out). Writes a NUL-terminated message into
 * buf (cap bytes, cut if longer).
 */
dv_rule dv_jsonval_describe(const json_error_t *err, bool with_column,
			    char *buf, size_t cap);

/*
 * Hand one parsed record to the engine: takes ownership of root (freed
 * here). A non-object is one `malformed` violation; an object has its
 * declared paths turned into values and its undeclared keys reported.
 * `line` is the physical line the record starts on; raw/raw_len the bytes
 * quarantine copies (NULL: none kept). Returns the engine's status
 * (DCVAL_OK, DCVAL_STOP, or an error).
 */
dcval_status dv_jsonval_emit(dv_jsonval *jv, uint64_t line, json_t *root,
			     const char *raw, size_t raw_len);

/*
 * A record that could not be read: one violation of `rule` with
 * `detail`, every value DV_V_SKIP (already reported, nothing checked), and
 * the record still counts. Returns the engine's status.
 */
dcval_status dv_jsonval_bad(dv_jsonval *jv, uint64_t line, dv_rule rule,
			    const char *detail, const char *raw,
			    size_t raw_len);

#endif
