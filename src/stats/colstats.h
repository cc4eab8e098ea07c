/*
 * dv_colstats: the statistics of one column over a stream of typed
 * values, as `dcval profile` reports them (cli.md "profile") and drift
 * compares them (contract.md "Drift").
 *
 * Every record gives a column exactly one of: a null (null token, JSON
 * null, absent value or column), an invalid value (failed its type; it
 * counts in `invalid` and in nothing else) or a value, which feeds:
 *
 *   moments.h  mean, population stddev, exact min/max (integer, number)
 *   moments.h  code-point lengths (string)
 *   kll.h      quantiles (integer, number, date, datetime, time), k = 400
 *   distinct.h distinct count, exact up to 1,000 values, then HLL p = 15
 *              (32 KiB, standard error 0.57%: the spec's 2% is 3.5 sigma;
 *              p = 14 would pass it about once in 70 estimates)
 *   spacesaving.h  value counts (integer, string, boolean, date):
 *              capacity 1,001, so exact while at most 1,000 distinct
 *              values were seen (top_complete), else approximate
 *   exact typed minimum and maximum (every ordered type)
 *   vectors: dimension and norm moments (dv_colstats_add_vector)
 *
 * Values enter the sketches in a numeric domain (dv_colstats_num()):
 * integers and numbers as themselves, dates as days since 1970-01-01,
 * datetimes as seconds since the epoch (UTC), times as seconds since
 * midnight UTC (an offset is applied, the result taken modulo a day).
 *
 * Merge (dv_colstats_merge) gives the statistics of the concatenated
 * streams: counts, min, max, exact top and exact distinct equal one run's,
 * the sketches keep their bounds. Serialization: dv_colstats_sketch_*
 * hand out the sketches' base64 frames (wire.h) and rebuild from them.
 */
#ifndef DV_STATS_COLSTATS_H
#define DV_STATS_COLSTATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stats/sketch.h"
#include "stats/spacesaving.h"
#include "stats/kll.h"
#include "stats/moments.h"
#include "stats/distinct.h"
#include "value/types.h"
#include "util/buf.h"

/* Exact value lists up to this many distinct values. */
#define DV_COLSTATS_EXACT 1000
/* Space-Saving key bytes kept per value: longer top values make the
 * list incomplete (top_complete false). */
#define DV_COLSTATS_KEY_MAX 256
#define DV_COLSTATS_TOP_DEFAULT 20
#define DV_COLSTATS_TOP_MAX 1000
#define DV_COLSTATS_KLL_K DV_KLL_K_DEFAULT
#define DV_COLSTATS_HLL_P 15
#define DV_COLSTATS_KLL_SEED UINT64_C(0x646376616c6b6c6c)
/* Longest text of one rendered value (a datetime with 9 fraction digits,
 * an integer, a shortest double). */
#define DV_COLSTATS_TEXT_MAX 48

/* Room for a key built without the scratch buffer (fixed-size keys,
 * dv_colstats_numkey()). */
#define DV_COLSTATS_KEYBUF 64

/* The 15 quantile ranks of a profile, and their JSON keys. */
#define DV_COLSTATS_NQ 15
extern const double dv_colstats_ranks[DV_COLSTATS_NQ];
extern const char *const dv_colstats_rank_keys[DV_COLSTATS_NQ];

typedef struct dv_colstats {
	dv_type type;
	bool vector;            /* the column is a vector (type seam for #13) */
	uint32_t top_n;         /* --top N */
	uint64_t count;         /* records */
	uint64_t nulls;
	uint64_t invalid;
	bool has_minmax;        /* min / max hold a value (ordered types) */
	dv_typed min, max;      /* exact, times normalized to 0..86399 */
	dv_moments mom;         /* integer, number: the values */
	dv_moments len;         /* string: code points */
	dv_moments dim;         /* vector: dimensions */
	dv_moments norm;        /* vector: Euclidean norms */
	dv_kll *kll;            /* ordered types, else NULL */
	dv_distinct *dist;      /* every type */
	dv_ss *top;             /* integer, string, boolean, date, else NULL */
	dv_buf key;             /* scratch: distinct keys */
	/* the value dv_colstats_prepare() took, for dv_colstats_add_prepared() */
	bool pend;              /* one is waiting */
	dv_sketch_status pend_st; /* its key's status */
	dv_typed pend_t;        /* its typed value, time normalized */
	const char *pend_text;  /* its text (borrowed) */
	size_t pend_len;
	uint64_t pend_hash;     /* its key's dv_hash64 */
	const void *pend_key;   /* its key: pend_kb, key.data or the text */
	size_t pend_klen;
	unsigned char pend_kb[DV_COLSTATS_KEYBUF];
} dv_colstats;

/* Whether the type has quantiles / min and max; has `top`. */
bool dv_colstats_ordered(dv_type t);
bool dv_colstats_has_top(dv_type t);

/* New empty statistics (free with dv_colstats_free()); top_n in 1..1000. */
dv_sketch_status dv_colstats_new(dv_colstats **out, dv_type type, bool vector,
				 uint32_t top_n);
void dv_colstats_free(dv_colstats *s);

/* No value counts (a sensitive column: its values never appear, so
 * `top` is null and its sketch absent). */
void dv_colstats_drop_top(dv_colstats *s);

void dv_colstats_null(dv_colstats *s);
void dv_colstats_invalid(dv_colstats *s);

/*
 * One valid value: t the typed value, text/len its bytes (string: the
 * string; number: the number's text, compared by exact decimal value as
 * `unique` does; any: its text), tag the JSON kind of an `any` value
 * ('s', 'n', 'b', 'j'; 0 otherwise).
 */
dv_sketch_status dv_colstats_add(dv_colstats *s, const dv_typed *t,
				 const char *text, size_t len, char tag);
/*
 * dv_colstats_add() in two steps, for speed: prepare takes the value
 * (text borrowed until add_prepared), hashes it and asks for the cache
 * lines the sketches will update; add_prepared, after the caller did
 * other work (e.g. prepared the record's other columns), updates them.
 * One value at a time per column.
 */
void dv_colstats_prepare(dv_colstats *s, const dv_typed *t, const char *text,
			 size_t len, char tag);
dv_sketch_status dv_colstats_add_prepared(dv_colstats *s);
/*
 * dv_colstats_add_prepared() of every s[k] (k < n) that holds a prepared
 * value, in order; after a failure the rest are dropped (pend cleared,
 * nothing added). The first failure's status, else OK. One call a record
 * rather than one a column.
 */
dv_sketch_status dv_colstats_add_pending(dv_colstats *const *s, size_t n);

/*
 * The dv_dec_key() bytes of plain decimal text (-?[0-9]+(.[0-9]+)?) into
 * out, their length; 0 for any other text (the caller falls back to
 * dv_dec_key()). A fast path of the distinct key of numbers.
 */
size_t dv_colstats_numkey(const char *text, size_t len,
			  unsigned char out[DV_COLSTATS_KEYBUF]);

/* One valid vector value: its dimension, its norm (NaN: none, an element
 * beyond the double range) and its text (distinct values by text). */
dv_sketch_status dv_colstats_add_vector(dv_colstats *s, uint64_t dim,
					double norm, const char *text, size_t len);

/* Merge src into dst (same type, else EMISMATCH). */
dv_sketch_status dv_colstats_merge(dv_colstats *dst, const dv_colstats *src);

/* Numeric domain of a typed value (see above). */
double dv_colstats_num(dv_type type, const dv_typed *t);
/* Normalize a time to 0..86399 seconds (UTC). */
void dv_colstats_norm_time(dv_type type, dv_typed *t);

/*
 * JSON text of a typed value (integers, numbers as JSON numbers; dates,
 * datetimes in UTC with Z and only the fraction digits needed, times as
 * strings, quoted). buf holds DV_COLSTATS_TEXT_MAX bytes. Not for strings.
 */
size_t dv_colstats_render(dv_type type, const dv_typed *t, char *buf);
/* The same for a value of the numeric domain (a quantile). */
size_t dv_colstats_render_num(dv_type type, double x, char *buf);

/* Key bytes of a typed value in the top list; back from key bytes. */
size_t dv_colstats_key(dv_type type, const dv_typed *t, unsigned char key[8]);
void dv_colstats_unkey(dv_type type, const unsigned char *key, dv_typed *t);

/* Top entries sorted by count desc then value asc: at most max. */
size_t dv_colstats_top(const dv_colstats *s, dv_ss_item *out, size_t max);
/* Whether the top list holds every distinct value with its exact count. */
bool dv_colstats_top_complete(const dv_colstats *s);

/* The distinct count and whether it is exact. */
double dv_colstats_distinct(const dv_colstats *s, bool *exact);

/* The 15 quantiles in the numeric domain; false when no value. */
bool dv_colstats_quantiles(const dv_colstats *s, double out[DV_COLSTATS_NQ]);

/*
 * The serialized sketches of a column (base64 frames, wire.h), each NULL
 * when the column's type has none: the profile's opaque `sketch` object.
 */
enum {
	DV_CSF_MOMENTS = 0, /* "moments": values (integer, number) */
	DV_CSF_LENGTHS,     /* "lengths": string code points */
	DV_CSF_QUANTILES,   /* "quantiles": kll */
	DV_CSF_DISTINCT,    /* "distinct" */
	DV_CSF_TOP,         /* "top": space-saving */
	DV_CSF_DIMS,        /* "dimensions": vector */
	DV_CSF_NORMS,       /* "norms": vector */
	DV_CSF_COUNT
};
extern const char *const dv_colstats_frame_keys[DV_CSF_COUNT];

typedef struct dv_colstats_frames {
	char *text[DV_CSF_COUNT]; /* dv_free() each (dv_colstats_frames_free) */
	size_t len[DV_CSF_COUNT];
} dv_colstats_frames;

dv_sketch_status dv_colstats_frames_make(const dv_colstats *s,
					 dv_colstats_frames *f);
void dv_colstats_frames_free(dv_colstats_frames *f);

/*
 * Rebuild a column's statistics from its frames and the exact fields
 * the profile shows (count, nulls, invalid, min, max). A frame the type
 * needs but NULL, or one that does not decode: ECORRUPT (or what the
 * sketch's reader says).
 */
typedef struct dv_colstats_exact {
	uint64_t count, nulls, invalid;
	bool has_minmax;
	dv_typed min, max;
} dv_colstats_exact;

dv_sketch_status dv_colstats_rebuild(dv_colstats **out, dv_type type,
				     bool vector, uint32_t top_n,
				     const dv_colstats_exact *x,
				     const dv_colstats_frames *f);

#endif
