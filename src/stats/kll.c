/*
 * KLL quantile sketch; see kll.h for the method, bounds and format.
 *
 * Layout: one array of doubles holds every level, the top level first
 * and level 0 last, so a new value is appended at the end and a
 * compaction of level h writes its survivors just after level h + 1:
 *
 *   items: [level H-1][level H-2] ... [level 1][level 0] (free)
 *           ^start[H-1] = 0                     ^start[0]  ^used
 *
 * An item of level h stands for 2^h values. Level h may hold
 * cap(h) = max(8, k * (2/3)^(H-1-h)) items; when the whole array is full
 * (used >= sum of caps) the lowest level at or over its cap is compacted:
 * sorted, and every other item (odd or even positions, one random bit)
 * moves up a level while the rest is dropped. Each compaction moves any
 * rank by at most 2^h, up or down with equal probability: that is the
 * whole error analysis of Karnin, Lang and Liberty (section 3).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/kll.h"
#include "stats/wire.h"
#include "util/alloc.h"
#include "util/sortd.h"

#define MIN_WIDTH 8  /* smallest level capacity (KLL's m) */

struct dv_kll {
	uint32_t k;       /* accuracy parameter */
	uint32_t levels;  /* H >= 1 */
	uint64_t n;       /* values added */
	double min;       /* exact, when n > 0 */
	double max;
	uint64_t rng;     /* splitmix64 state */
	uint32_t used;    /* items held */
	uint32_t alloc;   /* items room */
	uint32_t limit;   /* total_cap(k, levels), kept with levels */
	uint32_t start[DV_KLL_MAX_LEVELS]; /* first item of each level */
	double *items;
};

/* A value with its weight, or its cumulative weight once summed. */
struct wv {
	double v;
	uint64_t w;
};

/* splitmix64 (Steele, Lea, Flood 2014): one step of the generator. */
static uint64_t next_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Capacity of the level `depth` below the top: round(k (2/3)^depth). */
static uint32_t level_cap(uint32_t k, uint32_t depth)
{
	uint64_t num = 2 * (uint64_t)k, den = 1, v;
	uint32_t i;

	if (depth > 30)
		return MIN_WIDTH;
	for (i = 0; i < depth; i++) {
		num *= 2;
		den *= 3;
	}
	v = (num / den + 1) / 2;
	return v < MIN_WIDTH ? MIN_WIDTH : (uint32_t)v;
}

static uint64_t total_cap(uint32_t k, uint32_t levels)
{
	uint64_t t = 0;
	uint32_t d;

	for (d = 0; d < levels; d++)
		t += level_cap(k, d);
	return t;
}

static uint32_t lvl_end(const dv_kll *s, uint32_t h)
{
	return h ? s->start[h - 1] : s->used;
}

static uint32_t lvl_size(const dv_kll *s, uint32_t h)
{
	return lvl_end(s, h) - s->start[h];
}

dv_sketch_status dv_kll_new(dv_kll **out, uint32_t k, uint64_t seed)
{
	dv_kll *s;

	*out = NULL;
	if (k < DV_KLL_K_MIN || k > DV_KLL_K_MAX)
		return DV_SKETCH_EINVAL;
	s = dv_calloc(1, sizeof(*s));
	if (!s)
		return DV_SKETCH_ENOMEM;
	s->k = k;
	s->levels = 1;
	s->rng = seed;
	s->alloc = (uint32_t)total_cap(k, 1);
	s->limit = s->alloc;
	s->items = dv_mallocarray(s->alloc, sizeof(double));
	if (!s->items) {
		dv_free(s);
		return DV_SKETCH_ENOMEM;
	}
	*out = s;
	return DV_SKETCH_OK;
}

void dv_kll_free(dv_kll *s)
{
	if (!s)
		return;
	dv_free(s->items);
	dv_free(s);
}

/* Room for `need` items; the sketch is unchanged on failure. */
static dv_sketch_status reserve(dv_kll *s, uint64_t need)
{
	double *p;

	if (need <= s->alloc)
		return DV_SKETCH_OK;
	p = dv_reallocarray(s->items, (size_t)need, sizeof(double));
	if (!p)
		return DV_SKETCH_ENOMEM;
	s->items = p;
	s->alloc = (uint32_t)need;
	return DV_SKETCH_OK;
}

/* A new empty top level (at the front of the array). */
static dv_sketch_status add_level(dv_kll *s)
{
	dv_sketch_status st;

	if (s->levels >= DV_KLL_MAX_LEVELS)
		return DV_SKETCH_ELIMIT;
	st = reserve(s, total_cap(s->k, s->levels + 1));
	if (st != DV_SKETCH_OK)
		return st;
	s->start[s->levels] = 0;
	s->levels++;
	s->limit = (uint32_t)total_cap(s->k, s->levels);
	return DV_SKETCH_OK;
}

/*
 * Sort a[0..n) ascending: an LSD radix sort (Knuth vol. 3, 5.2.5) on
 * the doubles' bits mapped to unsigned integers of the same order (sign
 * bit flipped for positives, every bit for negatives; no NaN, and -0 was
 * made +0 on the way in), 8 bits a pass, skipping the passes where every
 * key has the same byte. A comparison sort of a fresh level's random
 * values mispredicts about every other comparison; this has no
 * data-dependent branch. Equal keys are equal doubles, so the result is
 * exactly a comparison sort's. Short runs, or no memory for the two key
 * arrays: dv_sort_doubles().
 */
static void radix_sort(double *a, uint32_t n)
{
	uint64_t *k, *t, *sw, u;
	uint32_t count[8][256], i, pass, pos, c;

	if (n < 64 || !(k = dv_mallocarray((size_t)n * 2, sizeof(*k)))) {
		dv_sort_doubles(a, n);
		return;
	}
	t = k + n;
	memset(count, 0, sizeof(count));
	for (i = 0; i < n; i++) {
		memcpy(&u, &a[i], sizeof(u));
		u ^= (u >> 63) ? UINT64_MAX : (uint64_t)1 << 63;
		k[i] = u;
		for (pass = 0; pass < 8; pass++)
			count[pass][(u >> (8 * pass)) & 255]++;
	}
	for (pass = 0; pass < 8; pass++) {
		unsigned sh = 8 * pass;

		if (count[pass][(k[0] >> sh) & 255] == n)
			continue; /* one byte value: the order stays */
		for (c = 0, pos = 0; c < 256; c++) {
			uint32_t m = count[pass][c];

			count[pass][c] = pos;
			pos += m;
		}
		for (i = 0; i < n; i++)
			t[count[pass][(k[i] >> sh) & 255]++] = k[i];
		sw = k;
		k = t;
		t = sw;
	}
	for (i = 0; i < n; i++) {
		u = k[i];
		u ^= (u >> 63) ? (uint64_t)1 << 63 : UINT64_MAX;
		memcpy(&a[i], &u, sizeof(u));
	}
	dv_free(k < t ? k : t);
}

/* Ascending runs a level may hold and still be merged rather than sorted;
 * a level of at most KLL_SMALL items merges in a buffer on the stack
 * (short levels, the low ones, are compacted most often: a call of
 * malloc() would cost about what the merge does). */
#define KLL_MAX_RUNS 16
#define KLL_SMALL 64

/* Merge the sorted runs a[x..y) and a[y..z) into out[x..z), stably
 * (of equal items the left run's first). The smaller head goes first,
 * chosen by a conditional move (a branch on random interleavings would
 * mispredict about every other item); at the same time the larger tail
 * goes last (ties: the right run's), so that two independent chains of
 * load, compare and select run side by side: each step waits for the
 * previous one's choice, and one chain alone leaves the core idle most
 * of the time (the "bidirectional" or parity merge, e.g. Igor van den
 * Hoven's quadsort). Both ends stop while each run still holds two
 * items, so neither reads past its run; the rest merges from the front.
 * Same output as a front-only stable merge, bit for bit. */
static void merge2(const double *a, uint32_t x, uint32_t y, uint32_t z,
		   double *out)
{
	uint32_t i = x, j = y, o = x;

	if (y > x && z > y) {
		uint32_t ii = y - 1, jj = z - 1, oo = z - 1;

		while (i < ii && j < jj) {
			double u = a[i], v = a[j], p = a[ii], q = a[jj];
			bool right = v < u, left = q < p;

			out[o++] = right ? v : u;
			j += right;
			i += !right;
			out[oo--] = left ? p : q;
			ii -= left;
			jj -= !left;
		}
		/* the rest: a[i..ii] and a[j..jj] into out[o..oo] */
		y = ii + 1;
		z = jj + 1;
		while (i < y && j < z) {
			double u = a[i], v = a[j];
			bool right = v < u;

			out[o++] = right ? v : u;
			j += right;
			i += !right;
		}
		while (i < y)
			out[o++] = a[i++];
		while (j < z)
			out[o++] = a[j++];
		return;
	}
	while (i < y)
		out[o++] = a[i++];
	while (j < z)
		out[o++] = a[j++];
}

/*
 * Sort a[0..n) ascending. Level 0 holds values as they came: radix_sort
 * (dv_sort_doubles() when short).
 * A higher level is what compactions promoted into it: each promotion is
 * a sorted run (every other item of a sorted level), after at most one
 * item kept back by an odd compaction, so it is a few ascending runs,
 * and merging them (a natural merge sort: Knuth vol. 3, 5.2.4) costs a
 * few instructions an item where the radix sort's passes cost tens. The
 * runs are found by looking, not by bookkeeping: more than KLL_MAX_RUNS
 * of them (level 0 has one every two items) and the radix sort runs.
 * Both give the same array: the sorted order of the same doubles.
 */
static void sort_level(double *a, uint32_t n)
{
	uint32_t ends[KLL_MAX_RUNS], r = 0, i, w;
	double small[KLL_SMALL], *t, *src, *dst, *sw;

	for (i = 1; i < n; i++) {
		if (!(a[i] < a[i - 1]))
			continue;
		if (r + 1 == KLL_MAX_RUNS) {
			radix_sort(a, n);
			return;
		}
		ends[r++] = i;
	}
	if (r == 0)
		return; /* already ascending */
	ends[r++] = n;
	t = n <= KLL_SMALL ? small : dv_mallocarray(n, sizeof(*t));
	if (!t) {
		dv_sort_doubles(a, n);
		return;
	}
	src = a;
	dst = t;
	while (r > 1) {
		uint32_t start = 0;

		for (i = 0, w = 0; i < r; i += 2) {
			if (i + 1 < r) {
				merge2(src, start, ends[i], ends[i + 1], dst);
				start = ends[i + 1];
				ends[w++] = ends[i + 1];
			} else {
				memcpy(dst + start, src + start,
				       (ends[i] - start) * sizeof(*src));
				ends[w++] = ends[i];
			}
		}
		r = w;
		sw = src;
		src = dst;
		dst = sw;
	}
	if (src != a)
		memcpy(a, src, n * sizeof(*a));
	if (t != small)
		dv_free(t);
}

/*
 * Compact level h (h + 1 exists): sort it, promote every other item to
 * level h + 1, keep one item when the count is odd (the level's first,
 * an arbitrary one as in the reference implementations), close the gap.
 */
static void compact(dv_kll *s, uint32_t h)
{
	uint32_t a = s->start[h], b = lvl_end(s, h), size = b - a;
	uint32_t odd = size & 1, p = size / 2, i, gap;
	uint32_t off = (uint32_t)(next_rand(&s->rng) >> 63);
	double keep = s->items[a];

	sort_level(s->items + a + odd, size - odd);
	for (i = 0; i < p; i++)
		s->items[a + i] = s->items[a + odd + 2 * i + off];
	if (odd)
		s->items[a + p] = keep;
	s->start[h] = a + p;
	gap = size - p - odd;
	memmove(s->items + b - gap, s->items + b, (s->used - b) * sizeof(double));
	for (i = 0; i < h; i++)
		s->start[i] -= gap;
	s->used -= gap;
}

/* One compaction of the lowest level at or over its capacity. */
static dv_sketch_status compress_once(dv_kll *s)
{
	uint32_t h;
	dv_sketch_status st;

	for (h = 0; h + 1 < s->levels; h++)
		if (lvl_size(s, h) >= level_cap(s->k, s->levels - 1 - h))
			break;
	if (h + 1 == s->levels) {
		st = add_level(s);
		if (st != DV_SKETCH_OK)
			return st;
	}
	compact(s, h);
	return DV_SKETCH_OK;
}

/* Compact until used <= limit(levels) (strictly below when `room`). */
static dv_sketch_status compress(dv_kll *s, bool room)
{
	dv_sketch_status st;

	while (s->used + (room ? 1u : 0u) > s->limit) {
		st = compress_once(s);
		if (st != DV_SKETCH_OK)
			return st;
	}
	return DV_SKETCH_OK;
}

/*
 * A failed compaction leaves a consistent sketch holding every value
 * (compaction only drops items it has promoted): "unchanged" here means
 * the same distribution, not the same bits, and the value is not added.
 */
dv_sketch_status dv_kll_add(dv_kll *s, double x)
{
	dv_sketch_status st;

	if (!isfinite(x))
		return DV_SKETCH_EINVAL;
	if (s->n == UINT64_MAX)
		return DV_SKETCH_ELIMIT;
	if (x == 0)
		x = 0.0; /* one zero: -0.0 would sort unpredictably */
	if (s->used >= s->limit && (st = compress(s, true)) != DV_SKETCH_OK)
		return st;
	s->items[s->used++] = x;
	if (s->n == 0 || x < s->min)
		s->min = x;
	if (s->n == 0 || x > s->max)
		s->max = x;
	s->n++;
	return DV_SKETCH_OK;
}

/* Build in tmp (a copy of dst's header with a new array), then swap. */
dv_sketch_status dv_kll_merge(dv_kll *dst, const dv_kll *src)
{
	dv_kll tmp;
	uint32_t H, h, pos = 0;
	uint64_t room;
	dv_sketch_status st;

	if (dst->k != src->k)
		return DV_SKETCH_EMISMATCH;
	if (src->n == 0)
		return DV_SKETCH_OK;
	if (dst->n > UINT64_MAX - src->n)
		return DV_SKETCH_ELIMIT;
	tmp = *dst;
	H = dst->levels > src->levels ? dst->levels : src->levels;
	room = total_cap(dst->k, H);
	if (room < (uint64_t)dst->used + src->used)
		room = (uint64_t)dst->used + src->used;
	tmp.items = dv_mallocarray((size_t)room, sizeof(double));
	if (!tmp.items)
		return DV_SKETCH_ENOMEM;
	tmp.alloc = (uint32_t)room;
	for (h = H; h-- > 0;) {
		tmp.start[h] = pos;
		if (h < dst->levels) {
			memcpy(tmp.items + pos, dst->items + dst->start[h],
			       lvl_size(dst, h) * sizeof(double));
			pos += lvl_size(dst, h);
		}
		if (h < src->levels) {
			memcpy(tmp.items + pos, src->items + src->start[h],
			       lvl_size(src, h) * sizeof(double));
			pos += lvl_size(src, h);
		}
	}
	tmp.levels = H;
	tmp.limit = (uint32_t)total_cap(tmp.k, H);
	tmp.used = pos;
	if (dst->n == 0 || src->min < tmp.min)
		tmp.min = src->min;
	if (dst->n == 0 || src->max > tmp.max)
		tmp.max = src->max;
	tmp.n = dst->n + src->n;
	st = compress(&tmp, false);
	if (st != DV_SKETCH_OK) {
		dv_free(tmp.items);
		return st;
	}
	/* give back the room both inputs needed (kept if realloc says no) */
	room = total_cap(tmp.k, tmp.levels);
	if (tmp.alloc > room) {
		double *p = dv_reallocarray(tmp.items, (size_t)room, sizeof(double));

		if (p) {
			tmp.items = p;
			tmp.alloc = (uint32_t)room;
		}
	}
	dv_free(dst->items);
	*dst = tmp;
	return DV_SKETCH_OK;
}

uint32_t dv_kll_k(const dv_kll *s)
{
	return s->k;
}

uint64_t dv_kll_count(const dv_kll *s)
{
	return s->n;
}

bool dv_kll_min(const dv_kll *s, double *out)
{
	if (s->n == 0)
		return false;
	*out = s->min;
	return true;
}

bool dv_kll_max(const dv_kll *s, double *out)
{
	if (s->n == 0)
		return false;
	*out = s->max;
	return true;
}

size_t dv_kll_retained(const dv_kll *s)
{
	return s->used;
}

size_t dv_kll_memory(const dv_kll *s)
{
	return sizeof(*s) + (size_t)s->alloc * sizeof(double);
}

bool dv_kll_is_exact(const dv_kll *s)
{
	return s->levels == 1;
}

static int cmp_wv(const void *a, const void *b)
{
	double x = ((const struct wv *)a)->v, y = ((const struct wv *)b)->v;

	return x < y ? -1 : x > y;
}

/* Sorted items with cumulative weights: new array (dv_free), s->used long. */
static struct wv *sorted_view(const dv_kll *s)
{
	struct wv *v = dv_mallocarray(s->used ? s->used : 1, sizeof(*v));
	uint32_t h, i, j = 0;
	uint64_t cum = 0;

	if (!v)
		return NULL;
	for (h = 0; h < s->levels; h++)
		for (i = s->start[h]; i < lvl_end(s, h); i++) {
			v[j].v = s->items[i];
			v[j++].w = (uint64_t)1 << h;
		}
	qsort(v, s->used, sizeof(*v), cmp_wv);
	for (i = 0; i < s->used; i++) {
		cum += v[i].w;
		v[i].w = cum;
	}
	return v;
}

/* Value at rank q from a sorted view: first cumulative weight >= q n. */
static double view_quantile(const dv_kll *s, const struct wv *v, double q)
{
	double target = q * (double)s->n, r = nearbyint(target);
	size_t lo = 0, hi = s->used;

	if (q <= 0)
		return s->min;
	if (q >= 1)
		return s->max;
	/* 0.3 * 10 is 3.0000000000000004: snap to the integer meant, so an
	 * exact sketch answers sorted[ceil(q n) - 1] */
	if (fabs(target - r) <= 1e-9 * target)
		target = r;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if ((double)v[mid].w >= target)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo < s->used ? v[lo].v : s->max;
}

dv_sketch_status dv_kll_quantiles(const dv_kll *s, const double *qs, size_t nq,
				  double *out)
{
	struct wv *v;
	size_t i;

	if (s->n == 0)
		return DV_SKETCH_EINVAL;
	for (i = 0; i < nq; i++)
		if (!(qs[i] >= 0 && qs[i] <= 1))
			return DV_SKETCH_EINVAL;
	v = sorted_view(s);
	if (!v)
		return DV_SKETCH_ENOMEM;
	for (i = 0; i < nq; i++)
		out[i] = view_quantile(s, v, qs[i]);
	dv_free(v);
	return DV_SKETCH_OK;
}

dv_sketch_status dv_kll_quantile(const dv_kll *s, double q, double *out)
{
	return dv_kll_quantiles(s, &q, 1, out);
}

/* Cumulative weight of the items <= x (or < x) in a sorted view. */
static uint64_t view_weight(const struct wv *v, size_t n, double x, bool inclusive)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (inclusive ? v[mid].v <= x : v[mid].v < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? v[lo - 1].w : 0;
}

dv_sketch_status dv_kll_rank(const dv_kll *s, double x, bool inclusive,
			     double *out)
{
	struct wv *v;

	if (s->n == 0 || isnan(x))
		return DV_SKETCH_EINVAL;
	v = sorted_view(s);
	if (!v)
		return DV_SKETCH_ENOMEM;
	*out = (double)view_weight(v, s->used, x, inclusive) / (double)s->n;
	dv_free(v);
	return DV_SKETCH_OK;
}

dv_sketch_status dv_kll_steps(const dv_kll *s, double **pts, uint64_t **cum,
			      size_t *n)
{
	struct wv *v;
	size_t i, m = 0;

	if (s->n == 0)
		return DV_SKETCH_EINVAL;
	v = sorted_view(s);
	*pts = dv_mallocarray(s->used, sizeof(**pts));
	*cum = dv_mallocarray(s->used, sizeof(**cum));
	if (!v || !*pts || !*cum) {
		dv_free(v);
		dv_free(*pts);
		dv_free(*cum);
		*pts = NULL;
		*cum = NULL;
		return DV_SKETCH_ENOMEM;
	}
	/* equal items are adjacent: keep the last, whose cumulative weight
	 * counts them all */
	for (i = 0; i < s->used; i++) {
		if (i + 1 < s->used && v[i + 1].v == v[i].v)
			continue;
		(*pts)[m] = v[i].v;
		(*cum)[m++] = v[i].w;
	}
	dv_free(v);
	*n = m;
	return DV_SKETCH_OK;
}

/*
 * Both CDFs are step functions that change only at retained values: the
 * supremum of their difference is reached at one of them, evaluated
 * inclusively (the left limits are the previous value's figures).
 */
dv_sketch_status dv_kll_ks(const dv_kll *a, const dv_kll *b, double *out)
{
	struct wv *va, *vb;
	size_t i = 0, j = 0;
	double d = 0;

	if (a->n == 0 || b->n == 0)
		return DV_SKETCH_EINVAL;
	va = sorted_view(a);
	vb = sorted_view(b);
	if (!va || !vb) {
		dv_free(va);
		dv_free(vb);
		return DV_SKETCH_ENOMEM;
	}
	while (i < a->used || j < b->used) {
		double x = j == b->used || (i < a->used && va[i].v <= vb[j].v) ?
			va[i].v : vb[j].v;
		double fa, fb;

		while (i < a->used && va[i].v <= x)
			i++;
		while (j < b->used && vb[j].v <= x)
			j++;
		fa = i ? (double)va[i - 1].w / (double)a->n : 0;
		fb = j ? (double)vb[j - 1].w / (double)b->n : 0;
		if (fabs(fa - fb) > d)
			d = fabs(fa - fb);
	}
	dv_free(va);
	dv_free(vb);
	*out = d;
	return DV_SKETCH_OK;
}

dv_sketch_status dv_kll_serialize(const dv_kll *s, char **out, size_t *out_len)
{
	dv_wire_w w;
	uint32_t h, i;

	dv_wire_begin(&w, "DVQK");
	dv_wire_u32(&w, s->k);
	dv_wire_u8(&w, (uint8_t)s->levels);
	dv_wire_u64(&w, s->n);
	dv_wire_f64(&w, s->n ? s->min : 0.0);
	dv_wire_f64(&w, s->n ? s->max : 0.0);
	dv_wire_u64(&w, s->rng);
	for (h = 0; h < s->levels; h++)
		dv_wire_u32(&w, lvl_size(s, h));
	for (h = 0; h < s->levels; h++)
		for (i = s->start[h]; i < lvl_end(s, h); i++)
			dv_wire_f64(&w, s->items[i]);
	return dv_wire_end(&w, out, out_len);
}

/* A double the sketch could hold: finite, and never -0.0. */
static bool good_value(double x)
{
	return isfinite(x) && !(x == 0 && signbit(x));
}

/*
 * Check what a hostile frame could get wrong: parameter ranges, level
 * sizes within the capacity (so the allocation is bounded), the weights
 * summing to n, min <= every item <= max, the empty form canonical.
 */
static dv_sketch_status read_body(dv_wire_r *r, dv_kll *s, uint32_t *sizes)
{
	uint64_t sum = 0, weight = 0;
	uint32_t h, i, j;

	for (h = 0; h < s->levels; h++) {
		sizes[h] = dv_wire_get_u32(r);
		sum += sizes[h];
		if (sizes[h] && (sizes[h] > UINT64_MAX >> h ||
				 weight > UINT64_MAX - ((uint64_t)sizes[h] << h)))
			return DV_SKETCH_ECORRUPT;
		weight += (uint64_t)sizes[h] << h;
	}
	if (r->bad || sum > total_cap(s->k, s->levels) || weight != s->n ||
	    dv_wire_left(r) != sum * sizeof(double))
		return DV_SKETCH_ECORRUPT;
	if (s->n == 0 && (s->levels != 1 || !good_value(s->min) || s->min != 0 ||
			  !good_value(s->max) || s->max != 0))
		return DV_SKETCH_ECORRUPT;
	if (!good_value(s->min) || !good_value(s->max) || s->min > s->max)
		return DV_SKETCH_ECORRUPT;
	s->alloc = (uint32_t)total_cap(s->k, s->levels);
	s->limit = s->alloc;
	s->items = dv_mallocarray(s->alloc, sizeof(double));
	if (!s->items)
		return DV_SKETCH_ENOMEM;
	s->used = (uint32_t)sum;
	j = 0;
	for (h = s->levels; h-- > 0;) {
		s->start[h] = j;
		j += sizes[h];
	}
	for (h = 0; h < s->levels; h++)
		for (i = s->start[h]; i < lvl_end(s, h); i++) {
			double x = dv_wire_get_f64(r);

			if (!good_value(x) || x < s->min || x > s->max)
				return DV_SKETCH_ECORRUPT;
			s->items[i] = x;
		}
	return dv_wire_done(r);
}

dv_sketch_status dv_kll_deserialize(dv_kll **out, const char *text, size_t len)
{
	dv_wire_r r;
	dv_kll *s;
	uint32_t sizes[DV_KLL_MAX_LEVELS];
	dv_sketch_status st;

	*out = NULL;
	st = dv_wire_open(&r, text, len, "DVQK");
	if (st != DV_SKETCH_OK)
		return st;
	s = dv_calloc(1, sizeof(*s));
	if (!s) {
		dv_wire_close(&r);
		return DV_SKETCH_ENOMEM;
	}
	s->k = dv_wire_get_u32(&r);
	s->levels = dv_wire_get_u8(&r);
	s->n = dv_wire_get_u64(&r);
	s->min = dv_wire_get_f64(&r);
	s->max = dv_wire_get_f64(&r);
	s->rng = dv_wire_get_u64(&r);
	st = DV_SKETCH_ECORRUPT;
	if (!r.bad && s->k >= DV_KLL_K_MIN && s->k <= DV_KLL_K_MAX &&
	    s->levels >= 1 && s->levels <= DV_KLL_MAX_LEVELS)
		st = read_body(&r, s, sizes);
	dv_wire_close(&r);
	if (st != DV_SKETCH_OK) {
		dv_kll_free(s);
		return st;
	}
	*out = s;
	return DV_SKETCH_OK;
}
