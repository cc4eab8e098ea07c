/*
 * Per-column statistics accumulator; see colstats.h.
 */
#include <math.h>
#include <string.h>

#include "stats/colstats.h"
#include "stats/colstats_prep.h"
#include "stats/hash64.h"
#include "value/decimal.h"
#include "util/alloc.h"
#include "util/utf8.h"

const double dv_colstats_ranks[DV_COLSTATS_NQ] = {
	0.01, 0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9,
	0.95, 0.99
};
const char *const dv_colstats_rank_keys[DV_COLSTATS_NQ] = {
	"0.01", "0.05", "0.1", "0.2", "0.25", "0.3", "0.4", "0.5", "0.6",
	"0.7", "0.75", "0.8", "0.9", "0.95", "0.99"
};

bool dv_colstats_ordered(dv_type t)
{
	return t == DV_T_INTEGER || t == DV_T_NUMBER || t == DV_T_DATE ||
	       t == DV_T_DATETIME || t == DV_T_TIME;
}

bool dv_colstats_has_top(dv_type t)
{
	return t == DV_T_INTEGER || t == DV_T_STRING || t == DV_T_BOOLEAN ||
	       t == DV_T_DATE;
}

dv_sketch_status dv_colstats_new(dv_colstats **out, dv_type type, bool vector,
				 uint32_t top_n)
{
	dv_colstats *s;
	dv_sketch_status st = DV_SKETCH_OK;

	*out = NULL;
	if (top_n < 1 || top_n > DV_COLSTATS_TOP_MAX || type >= DV_T_COUNT)
		return DV_SKETCH_EINVAL;
	s = dv_calloc(1, sizeof(*s));
	if (!s)
		return DV_SKETCH_ENOMEM;
	s->type = type;
	s->vector = vector;
	s->top_n = top_n;
	dv_moments_init(&s->mom);
	dv_moments_init(&s->len);
	dv_moments_init(&s->dim);
	dv_moments_init(&s->norm);
	dv_buf_init(&s->key, (size_t)1 << 30);
	if (!vector && dv_colstats_ordered(type))
		st = dv_kll_new(&s->kll, DV_COLSTATS_KLL_K, DV_COLSTATS_KLL_SEED);
	if (st == DV_SKETCH_OK)
		st = dv_distinct_new(&s->dist, DV_COLSTATS_EXACT, DV_COLSTATS_HLL_P);
	if (st == DV_SKETCH_OK && !vector && dv_colstats_has_top(type))
		st = dv_ss_new(&s->top, DV_COLSTATS_EXACT + 1, DV_COLSTATS_KEY_MAX);
	if (st != DV_SKETCH_OK) {
		dv_colstats_free(s);
		return st;
	}
	*out = s;
	return DV_SKETCH_OK;
}

void dv_colstats_free(dv_colstats *s)
{
	if (!s)
		return;
	dv_kll_free(s->kll);
	dv_distinct_free(s->dist);
	dv_ss_free(s->top);
	dv_buf_release(&s->key);
	dv_free(s);
}

void dv_colstats_drop_top(dv_colstats *s)
{
	dv_ss_free(s->top);
	s->top = NULL;
}

void dv_colstats_null(dv_colstats *s)
{
	s->count++;
	s->nulls++;
}

void dv_colstats_invalid(dv_colstats *s)
{
	s->count++;
	s->invalid++;
}

void dv_colstats_norm_time(dv_type type, dv_typed *t)
{
	if (type != DV_T_TIME)
		return;
	t->i %= 86400;
	if (t->i < 0)
		t->i += 86400;
}

double dv_colstats_num(dv_type type, const dv_typed *t)
{
	switch (type) {
	case DV_T_NUMBER:
		return t->d;
	case DV_T_DATETIME:
	case DV_T_TIME:
		return (double)t->i + (double)t->ns / 1e9;
	default:
		return (double)t->i;
	}
}

size_t dv_colstats_key(dv_type type, const dv_typed *t, unsigned char key[8])
{
	int64_t v = type == DV_T_BOOLEAN ? (t->i != 0) : t->i;

	/* little-endian, so a profile reads the same on any machine */
	dv_colstats_le64(key, (uint64_t)v);
	return 8;
}

void dv_colstats_unkey(dv_type type, const unsigned char *key, dv_typed *t)
{
	uint64_t u = 0;
	size_t k;

	(void)type;
	for (k = 0; k < 8; k++)
		u |= (uint64_t)key[k] << (8 * k);
	memset(t, 0, sizeof(*t));
	t->i = (int64_t)u;
}

/*
 * dv_dec_key() of plain decimal text, -?[0-9]+(.[0-9]+)?, written here
 * without a buffer: '-' unless the value is zero, the significant
 * digits D, 'e', the exponent E of 0.D x 10^E. 0 for other text (an
 * exponent, a sign '+', too many digits): the caller asks dv_dec_key().
 */
size_t dv_colstats_numkey(const char *text, size_t len,
			  unsigned char out[DV_COLSTATS_KEYBUF])
{
	size_t i, ni, n, keep = 0, nd = 0, first = SIZE_MAX, dot = 0;
	int64_t e;
	uint64_t ue;
	bool neg;

	if (!text || len == 0 || len > DV_COLSTATS_KEYBUF - 24)
		return 0;
	neg = text[0] == '-';
	/* one pass: the digits from the first nonzero one on go to out
	 * (after room for the '-'), keep marks the end of the last nonzero */
	n = neg;
	for (i = ni = neg; i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		if ((unsigned)(c - '0') <= 9) {
			if (c != '0') {
				if (first == SIZE_MAX)
					first = nd;
				out[n++] = c;
				keep = n;
			} else if (first != SIZE_MAX) {
				out[n++] = c;
			}
			nd++;
		} else if (c == '.' && !dot && i > ni && i + 1 < len) {
			dot = nd;
		} else {
			return 0;
		}
	}
	if (nd == 0)
		return 0;
	if (first == SIZE_MAX) {
		out[0] = '0';
		return 1;
	}
	if (neg)
		out[0] = '-';
	n = keep;
	e = (int64_t)(dot ? dot : nd) - (int64_t)first;
	out[n++] = 'e';
	if (e < 0)
		out[n++] = '-';
	/* |e| < 64: at most two digits */
	ue = e < 0 ? (uint64_t)-e : (uint64_t)e;
	if (ue >= 10)
		out[n++] = (unsigned char)('0' + ue / 10);
	out[n++] = (unsigned char)('0' + ue % 10);
	return n;
}

/*
 * Distinct key of a number or an `any` value, as `unique` compares
 * values: its bytes in *key (k8 or s->key), its length returned. The
 * other types' keys are built in dv_colstats_prepare_inline(); the key
 * of an integer, boolean, date or string is also its key in the top list
 * (dv_colstats_key() or the text), so one hash serves both.
 */
dv_sketch_status dv_colstats_key_slow(dv_colstats *s, const dv_typed *t,
				      const char *text, size_t len, char tag,
				      unsigned char k8[DV_COLSTATS_KEYBUF],
				      const void **key, size_t *klen)
{
	dcval_status st;

	(void)t;
	if (s->type == DV_T_NUMBER) {
		*klen = dv_colstats_numkey(text, len, k8);
		if (*klen) {
			*key = k8;
			return DV_SKETCH_OK;
		}
		dv_buf_reset(&s->key);
		st = dv_dec_key(text, len, &s->key);
	} else {
		dv_buf_reset(&s->key);
		st = dv_buf_putc(&s->key, tag ? tag : 's');
		if (st == DCVAL_OK && tag == 'n')
			st = dv_dec_key(text, len, &s->key);
		else if (st == DCVAL_OK && tag == 'j' && text)
			st = dv_dec_key_json(text, len, &s->key);
		else if (st == DCVAL_OK)
			st = dv_buf_append(&s->key, text ? text : "", len);
	}
	if (st == DCVAL_ENOMEM)
		return DV_SKETCH_ENOMEM;
	if (st != DCVAL_OK)
		return DV_SKETCH_ELIMIT;
	*key = s->key.data ? s->key.data : "";
	*klen = s->key.len;
	return DV_SKETCH_OK;
}

static void track_minmax(dv_colstats *s, const dv_typed *t)
{
	if (!s->has_minmax) {
		s->min = *t;
		s->max = *t;
		s->has_minmax = true;
		return;
	}
	if (dv_typed_cmp(s->type, t, &s->min) < 0)
		s->min = *t;
	if (dv_typed_cmp(s->type, &s->max, t) < 0)
		s->max = *t;
}

/*
 * The value is hashed once (distinct and the top list share the hash)
 * and the cache lines the two will touch (a HyperLogLog register, a
 * table slot) are asked for as soon as the hash is known: by
 * dv_colstats_prepare() a whole record ahead when the caller can
 * (colstats_prep.h).
 */
void dv_colstats_prepare(dv_colstats *s, const dv_typed *t, const char *text,
			 size_t len, char tag)
{
	dv_colstats_prepare_inline(s, t, text, len, tag);
}

static inline dv_sketch_status add_prepared(dv_colstats *s)
{
	const dv_typed *t = &s->pend_t;
	dv_sketch_status st = s->pend_st;
	bool hll;

	s->pend = false;
	if (st != DV_SKETCH_OK)
		return st;
	/* exact mode may fail (ENOMEM): first, before anything changed;
	 * a HyperLogLog cannot: last, once its register is in cache */
	hll = !dv_distinct_is_exact(s->dist);
	if (!hll && (st = dv_distinct_add_hash(s->dist, s->pend_hash)) != DV_SKETCH_OK)
		return st;
	if (s->kll) {
		double x = dv_colstats_num(s->type, t);

		track_minmax(s, t);
		if (isfinite(x) && (st = dv_kll_add(s->kll, x)) != DV_SKETCH_OK)
			return st;
	}
	if (s->type == DV_T_INTEGER || s->type == DV_T_NUMBER) {
		st = dv_moments_add_inline(&s->mom,
					   dv_colstats_num(s->type, t));
		if (st != DV_SKETCH_OK && st != DV_SKETCH_EINVAL)
			return st;
	}
	if (s->type == DV_T_STRING)
		dv_moments_add_inline(&s->len,
				      (double)dv_utf8_count(s->pend_text,
							      s->pend_len));
	if (hll)
		dv_distinct_add_hash(s->dist, s->pend_hash);
	s->count++;
	if (!s->top)
		return DV_SKETCH_OK;
	/* integer, boolean, date, string: the top key is the distinct key */
	return dv_ss_add_hash(s->top, s->pend_key, s->pend_klen, s->pend_hash, 1);
}

dv_sketch_status dv_colstats_add_prepared(dv_colstats *s)
{
	return add_prepared(s);
}

dv_sketch_status dv_colstats_add_pending(dv_colstats *const *s, size_t n)
{
	dv_sketch_status st = DV_SKETCH_OK;
	size_t k;

	for (k = 0; k < n; k++)
		if (s[k]->pend && st == DV_SKETCH_OK)
			st = add_prepared(s[k]);
		else
			s[k]->pend = false;
	return st;
}

dv_sketch_status dv_colstats_add(dv_colstats *s, const dv_typed *t,
				 const char *text, size_t len, char tag)
{
	dv_colstats_prepare(s, t, text, len, tag);
	return dv_colstats_add_prepared(s);
}

dv_sketch_status dv_colstats_add_vector(dv_colstats *s, uint64_t dim,
					double norm, const char *text, size_t len)
{
	dv_sketch_status st;

	/* distinct by the text (`unique` does not apply to vectors) */
	st = dv_distinct_add(s->dist, text ? text : "", text ? len : 0);
	if (st != DV_SKETCH_OK)
		return st;
	s->count++;
	st = dv_moments_add(&s->dim, (double)dim);
	if (st == DV_SKETCH_OK && isfinite(norm))
		st = dv_moments_add(&s->norm, norm);
	return st;
}

dv_sketch_status dv_colstats_merge(dv_colstats *dst, const dv_colstats *src)
{
	dv_sketch_status st = DV_SKETCH_OK;

	if (dst->type != src->type || dst->vector != src->vector ||
	    !dst->kll != !src->kll || !dst->top != !src->top)
		return DV_SKETCH_EMISMATCH;
	if (dst->kll)
		st = dv_kll_merge(dst->kll, src->kll);
	if (st == DV_SKETCH_OK)
		st = dv_distinct_merge(dst->dist, src->dist);
	if (st == DV_SKETCH_OK && dst->top)
		st = dv_ss_merge(dst->top, src->top);
	if (st == DV_SKETCH_OK)
		st = dv_moments_merge(&dst->mom, &src->mom);
	if (st == DV_SKETCH_OK)
		st = dv_moments_merge(&dst->len, &src->len);
	if (st == DV_SKETCH_OK)
		st = dv_moments_merge(&dst->dim, &src->dim);
	if (st == DV_SKETCH_OK)
		st = dv_moments_merge(&dst->norm, &src->norm);
	if (st != DV_SKETCH_OK)
		return st;
	dst->count += src->count;
	dst->nulls += src->nulls;
	dst->invalid += src->invalid;
	if (src->has_minmax) {
		if (!dst->has_minmax) {
			dst->min = src->min;
			dst->max = src->max;
			dst->has_minmax = true;
		} else {
			track_minmax(dst, &src->min);
			track_minmax(dst, &src->max);
		}
	}
	return DV_SKETCH_OK;
}

/* Ties of equal count: by the type's order. */
static int top_cmp(void *ud, const unsigned char *a, size_t alen,
		   const unsigned char *b, size_t blen)
{
	const dv_colstats *s = ud;
	dv_typed x, y;
	size_t n = alen < blen ? alen : blen;
	int c;

	if (s->type == DV_T_STRING) {
		c = n ? memcmp(a, b, n) : 0;
		if (c)
			return c;
		return alen < blen ? -1 : alen > blen;
	}
	if (alen != 8 || blen != 8)
		return alen < blen ? -1 : alen > blen;
	dv_colstats_unkey(s->type, a, &x);
	dv_colstats_unkey(s->type, b, &y);
	return dv_typed_cmp(s->type, &x, &y);
}

size_t dv_colstats_top(const dv_colstats *s, dv_ss_item *out, size_t max)
{
	if (!s->top)
		return 0;
	return dv_ss_top(s->top, out, max, top_cmp, (void *)s);
}

bool dv_colstats_top_complete(const dv_colstats *s)
{
	dv_ss_item *items;
	size_t n, i;
	bool ok = true;

	if (!s->top || dv_ss_absent_bound(s->top) != 0 ||
	    dv_ss_size(s->top) > DV_COLSTATS_EXACT)
		return false;
	n = dv_ss_size(s->top);
	items = dv_mallocarray(n ? n : 1, sizeof(*items));
	if (!items)
		return false;
	n = dv_ss_top(s->top, items, n, NULL, NULL);
	for (i = 0; i < n && ok; i++)
		ok = !items[i].truncated && items[i].err == 0;
	dv_free(items);
	return ok;
}

double dv_colstats_distinct(const dv_colstats *s, bool *exact)
{
	*exact = dv_distinct_is_exact(s->dist);
	return dv_distinct_estimate(s->dist);
}

bool dv_colstats_quantiles(const dv_colstats *s, double out[DV_COLSTATS_NQ])
{
	if (!s->kll || dv_kll_count(s->kll) == 0)
		return false;
	return dv_kll_quantiles(s->kll, dv_colstats_ranks, DV_COLSTATS_NQ,
				out) == DV_SKETCH_OK;
}
