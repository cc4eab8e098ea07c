/*
 * One column's inference state: a candidate-type state machine fed value
 * by value, with counts, bounded distinct tracking, enum candidates,
 * string formats and observed bounds. Values are tested with the parsers
 * validation uses (value/types.h, value/decimal.h, value/strformat.h), so
 * a type the machine keeps is one that validate accepts for every value
 * fed.
 *
 * Candidates, in the order the narrowest surviving one is chosen:
 * boolean (csv text true/True/TRUE/false/False/FALSE; JSON true/false),
 * integer, number, date, datetime, time, vector, string, any. csv text
 * keeps every text candidate it parses as, and string; a JSON string
 * keeps date, datetime, time and string; a JSON number integer (when
 * integral and in range) and number; an array of numbers vector; any
 * value keeps any.
 *
 * Null-token candidates (NA, N/A, null, NULL, None, -) in csv text are
 * counted apart and never fed to the typed candidates; they do reach the
 * string side (distinct, enum, formats), which is what the column holds
 * if the token does not become a null value (infer.c decides).
 */
#ifndef DV_INFER_ICOL_H
#define DV_INFER_ICOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dcval/dcval.h"
#include "read/jdoc.h"
#include "util/buf.h"

/* Vector inference (the `vector` type of #13, value/vector.h). One
 * switch: 0 drafts vector data as string / any. */
#ifndef DV_INFER_VECTORS
#define DV_INFER_VECTORS 1
#endif

enum dv_icand {
	DV_IC_BOOLEAN = 0,
	DV_IC_INTEGER,
	DV_IC_NUMBER,
	DV_IC_DATE,
	DV_IC_DATETIME,
	DV_IC_TIME,
	DV_IC_VECTOR,
	DV_IC_STRING,
	DV_IC_ANY,
	DV_IC_COUNT
};

/* The null-token candidates, in the order they are written. */
#define DV_INFER_NTOK 6
extern const char *const dv_infer_tokens[DV_INFER_NTOK];

/* Past this many distinct values (or DV_ICOL_DISTINCT_BYTES of them) a
 * column stops tracking them: its distinct count is a lower bound, and it
 * gets no `unique`. */
#define DV_ICOL_DISTINCT_MAX 100000
#define DV_ICOL_DISTINCT_BYTES (4u * 1024 * 1024)

/* The family of typed keys (what `unique` compares) a column tracks. */
enum dv_ifam {
	DV_IF_NONE = 0,   /* not chosen yet */
	DV_IF_BOOL,
	DV_IF_NUM,        /* integer and number: exact decimal value */
	DV_IF_DATE,
	DV_IF_INSTANT,    /* datetime: (seconds, ns) */
	DV_IF_TOD,        /* time: (seconds, ns) */
	DV_IF_DEAD        /* no typed candidate is left */
};

/* An observed extreme: its text (number, date, time) and typed value. */
typedef struct dv_ibound {
	bool set;
	int64_t i;
	int32_t ns;
	double d;
	dv_buf text;
} dv_ibound;

typedef struct dv_ienum {
	char *s;
	size_t len;
	uint64_t n;
} dv_ienum;

typedef struct dv_icol {
	uint32_t cand;          /* bit per dv_icand still possible */
	uint32_t fmt;           /* bit 0 uuid, bit 1 email: fits every string-side value */
	uint64_t values;        /* non-null values other than null tokens */
	uint64_t svalues;       /* values on the string side (tokens included) */
	uint64_t tok[DV_INFER_NTOK]; /* null-token candidates seen */
	enum dv_ifam fam;
	struct dv_keyset *raw;  /* string-side keys (tagged by JSON kind) */
	struct dv_keyset *typed;/* typed keys of fam */
	bool raw_over;          /* raw stopped: too many distinct */
	bool typed_over;
	dv_ienum *en;           /* enum candidates, at most enum_max + 1 */
	size_t n_en;
	bool en_over;           /* more than enum_max distinct */
	unsigned enum_max;
	bool bounds;            /* track extremes */
	dv_ibound lo[DV_IC_COUNT], hi[DV_IC_COUNT]; /* integer/number share [DV_IC_NUMBER] */
	dv_buf key;             /* scratch */
} dv_icol;

void dv_icol_init(dv_icol *c, unsigned enum_max, bool bounds);
void dv_icol_release(dv_icol *c);

/* One csv field's text (not null: the caller drops ""). Null tokens are
 * recognised here. */
dcval_status dv_icol_text(dv_icol *c, const char *s, size_t len);

/* One JSON value: node i of d (not null). */
dcval_status dv_icol_json(dv_icol *c, const dv_jdoc *d, size_t i);

/* The chosen type (a dv_icand) given the candidates; DV_IC_STRING when
 * no value was fed. */
enum dv_icand dv_icol_type(const dv_icol *c);

/* Distinct count for type t, and whether it is exact. */
uint64_t dv_icol_distinct(const dv_icol *c, enum dv_icand t, bool *exact);

/* Enum values (sorted bytewise) when the column qualifies: at most
 * enum_max distinct string-side values, each seen at least twice. NULL
 * otherwise; *n their count. */
const dv_ienum *dv_icol_enum(dv_icol *c, size_t *n);

/* Whether s[0..len) is vector text that validate accepts under the
 * default `finite: true` (dv_parse_vector, every element finite). */
bool dv_icol_vector_text(const char *s, size_t len);

/* Index in dv_infer_tokens of s[0..len), or -1. */
int dv_infer_token(const char *s, size_t len);

#endif
