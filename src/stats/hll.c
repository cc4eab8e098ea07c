/*
 * HyperLogLog; see hll.h for the method and the format.
 */
#include <math.h>
#include <string.h>

#include "stats/hash64.h"
#include "stats/hll.h"
#include "util/alloc.h"

struct dv_hll {
	unsigned p;    /* precision: 2^p registers */
	uint8_t *reg;  /* register i: 1 + leading zeros of the hash's low 64-p bits */
};

dv_sketch_status dv_hll_new(dv_hll **out, unsigned p)
{
	dv_hll *h;

	*out = NULL;
	if (p < DV_HLL_P_MIN || p > DV_HLL_P_MAX)
		return DV_SKETCH_EINVAL;
	h = dv_malloc(sizeof(*h));
	if (!h)
		return DV_SKETCH_ENOMEM;
	h->p = p;
	h->reg = dv_calloc((size_t)1 << p, 1);
	if (!h->reg) {
		dv_free(h);
		return DV_SKETCH_ENOMEM;
	}
	*out = h;
	return DV_SKETCH_OK;
}

void dv_hll_free(dv_hll *h)
{
	if (!h)
		return;
	dv_free(h->reg);
	dv_free(h);
}

/* The top p bits pick the register; the rest give the rank (1-based
 * position of the first 1 bit, 65 - p when they are all zero). */
void dv_hll_add_hash(dv_hll *h, uint64_t hash)
{
	uint64_t idx = hash >> (64 - h->p), w = hash << h->p;
	uint8_t rank = 1;

	if (w == 0) {
		rank = (uint8_t)(65 - h->p);
	} else {
#if defined(__GNUC__)
		rank = (uint8_t)(__builtin_clzll(w) + 1);
#else
		while (!(w & 0x8000000000000000ULL)) {
			w <<= 1;
			rank++;
		}
#endif
	}
	if (rank > h->reg[idx])
		h->reg[idx] = rank;
}

void dv_hll_prefetch(const dv_hll *h, uint64_t hash)
{
#if defined(__GNUC__)
	__builtin_prefetch(&h->reg[hash >> (64 - h->p)], 1);
#else
	(void)h;
	(void)hash;
#endif
}

void dv_hll_add(dv_hll *h, const void *key, size_t len)
{
	dv_hll_add_hash(h, dv_hash64(key, len, 0));
}

dv_sketch_status dv_hll_merge(dv_hll *dst, const dv_hll *src)
{
	size_t i, m;

	if (dst->p != src->p)
		return DV_SKETCH_EMISMATCH;
	m = (size_t)1 << dst->p;
	for (i = 0; i < m; i++)
		if (src->reg[i] > dst->reg[i])
			dst->reg[i] = src->reg[i];
	return DV_SKETCH_OK;
}

/* HLL++'s linear-counting thresholds for p = 4 .. 18 (Heule et al. 2013,
 * section 5.2 and its appendix). */
static const double lc_threshold[DV_HLL_P_MAX - DV_HLL_P_MIN + 1] = {
	10, 20, 40, 80, 220, 400, 900, 1800, 3100, 6500, 11500, 20000, 50000,
	120000, 350000
};

/* Ertl 2017, Algorithm 6: sigma(x) = x + sum_k x^(2^k) 2^(k-1). */
static double ertl_sigma(double x)
{
	double y = 1, z = x, prev;

	if (x == 1)
		return INFINITY;
	do {
		x *= x;
		prev = z;
		z += x * y;
		y += y;
	} while (z != prev);
	return z;
}

/* tau(x) = (1 - x - sum_k (1 - x^(2^-k))^2 2^-k) / 3. */
static double ertl_tau(double x)
{
	double y = 1, z = 1 - x, prev;

	if (x == 0 || x == 1)
		return 0;
	do {
		x = sqrt(x);
		prev = z;
		y *= 0.5;
		z -= (1 - x) * (1 - x) * y;
	} while (z != prev);
	return z / 3;
}

double dv_hll_estimate(const dv_hll *h)
{
	unsigned q = 64 - h->p, k;
	size_t m = (size_t)1 << h->p, i;
	double c[66] = { 0 }, z, md = (double)m;

	for (i = 0; i < m; i++)
		c[h->reg[i]]++;
	if (c[0] == md)
		return 0;
	if (c[0] > 0) {
		double lc = md * log(md / c[0]);

		if (lc <= lc_threshold[h->p - DV_HLL_P_MIN])
			return lc;
	}
	z = md * ertl_tau(1 - c[q + 1] / md);
	for (k = q; k >= 1; k--)
		z = 0.5 * (z + c[k]);
	z += md * ertl_sigma(c[0] / md);
	return md * md / (2 * log(2.0)) / z;
}

unsigned dv_hll_p(const dv_hll *h)
{
	return h->p;
}

size_t dv_hll_memory(const dv_hll *h)
{
	return sizeof(*h) + ((size_t)1 << h->p);
}

void dv_hll_put(const dv_hll *h, dv_wire_w *w)
{
	size_t m = (size_t)1 << h->p, i;

	dv_wire_u8(w, (uint8_t)h->p);
	for (i = 0; i < m; i += 4) {
		uint32_t v = (uint32_t)h->reg[i] | (uint32_t)h->reg[i + 1] << 6 |
			     (uint32_t)h->reg[i + 2] << 12 | (uint32_t)h->reg[i + 3] << 18;
		uint8_t b[3] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16) };

		dv_wire_bytes(w, b, 3);
	}
}

dv_sketch_status dv_hll_get(dv_hll **out, dv_wire_r *r)
{
	unsigned p = dv_wire_get_u8(r);
	const unsigned char *b;
	dv_hll *h;
	size_t m, i;
	dv_sketch_status st;

	*out = NULL;
	if (r->bad || p < DV_HLL_P_MIN || p > DV_HLL_P_MAX)
		return DV_SKETCH_ECORRUPT;
	m = (size_t)1 << p;
	b = dv_wire_get_bytes(r, m / 4 * 3);
	if (!b)
		return DV_SKETCH_ECORRUPT;
	st = dv_hll_new(&h, p);
	if (st != DV_SKETCH_OK)
		return st;
	for (i = 0; i < m; i += 4, b += 3) {
		uint32_t v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16;
		int j;

		for (j = 0; j < 4; j++) {
			uint8_t x = (uint8_t)((v >> (6 * j)) & 63);

			if (x > 65 - p) {
				dv_hll_free(h);
				return DV_SKETCH_ECORRUPT;
			}
			h->reg[i + (size_t)j] = x;
		}
	}
	*out = h;
	return DV_SKETCH_OK;
}

dv_sketch_status dv_hll_serialize(const dv_hll *h, char **out, size_t *out_len)
{
	dv_wire_w w;

	dv_wire_begin(&w, "DVHL");
	dv_hll_put(h, &w);
	return dv_wire_end(&w, out, out_len);
}

dv_sketch_status dv_hll_deserialize(dv_hll **out, const char *text, size_t len)
{
	dv_wire_r r;
	dv_sketch_status st;

	*out = NULL;
	st = dv_wire_open(&r, text, len, "DVHL");
	if (st != DV_SKETCH_OK)
		return st;
	st = dv_hll_get(out, &r);
	if (st == DV_SKETCH_OK && dv_wire_done(&r) != DV_SKETCH_OK) {
		dv_hll_free(*out);
		*out = NULL;
		st = DV_SKETCH_ECORRUPT;
	}
	dv_wire_close(&r);
	return st;
}
