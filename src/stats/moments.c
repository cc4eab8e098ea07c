/*
 * Mean and variance by Welford / Chan et al.; see moments.h.
 */
#include <math.h>
#include <string.h>

#include "stats/moments.h"
#include "stats/wire.h"

void dv_moments_init(dv_moments *m)
{
	memset(m, 0, sizeof(*m));
}

dv_sketch_status dv_moments_add(dv_moments *m, double x)
{
	return dv_moments_add_inline(m, x);
}

dv_sketch_status dv_moments_merge(dv_moments *dst, const dv_moments *src)
{
	double na, nb, n, d;

	if (src->n == 0)
		return DV_SKETCH_OK;
	if (dst->n > UINT64_MAX - src->n)
		return DV_SKETCH_ELIMIT;
	if (dst->n == 0) {
		*dst = *src;
		return DV_SKETCH_OK;
	}
	na = (double)dst->n;
	nb = (double)src->n;
	n = na + nb;
	/* src's mean in dst's shifted frame, less dst's mean */
	d = (src->shift - dst->shift) +
	    ((src->mean - dst->mean) + (src->mean_c - dst->mean_c));
	dv_moments_add_comp(&dst->mean, &dst->mean_c, d * (nb / n));
	dv_moments_add_comp(&dst->m2, &dst->m2_c, src->m2);
	dv_moments_add_comp(&dst->m2, &dst->m2_c, src->m2_c + d * d * (na * nb / n));
	dst->n += src->n;
	if (src->min < dst->min)
		dst->min = src->min;
	if (src->max > dst->max)
		dst->max = src->max;
	return DV_SKETCH_OK;
}

double dv_moments_mean(const dv_moments *m)
{
	return m->n ? m->shift + (m->mean + m->mean_c) : 0;
}

double dv_moments_variance(const dv_moments *m)
{
	double m2 = m->m2 + m->m2_c;

	return m->n && m2 > 0 ? m2 / (double)m->n : 0;
}

double dv_moments_stddev(const dv_moments *m)
{
	return sqrt(dv_moments_variance(m));
}

dv_sketch_status dv_moments_serialize(const dv_moments *m, char **out,
				      size_t *out_len)
{
	dv_wire_w w;

	dv_wire_begin(&w, "DVMO");
	dv_wire_u64(&w, m->n);
	dv_wire_f64(&w, m->n ? m->shift : 0.0);
	dv_wire_f64(&w, m->n ? m->mean : 0.0);
	dv_wire_f64(&w, m->n ? m->mean_c : 0.0);
	dv_wire_f64(&w, m->n ? m->m2 : 0.0);
	dv_wire_f64(&w, m->n ? m->m2_c : 0.0);
	dv_wire_f64(&w, m->n ? m->min : 0.0);
	dv_wire_f64(&w, m->n ? m->max : 0.0);
	return dv_wire_end(&w, out, out_len);
}

/* Finite figures, m2 >= 0, min <= max; the empty form all zero bits. */
static bool consistent(const dv_moments *m)
{
	static const dv_moments zero;

	if (m->n == 0)
		return !memcmp(m, &zero, sizeof(zero));
	return isfinite(m->shift) && isfinite(m->mean) && isfinite(m->mean_c) &&
	       isfinite(m->m2) && isfinite(m->m2_c) && m->m2 >= 0 &&
	       isfinite(m->min) && isfinite(m->max) && m->min <= m->max;
}

dv_sketch_status dv_moments_deserialize(dv_moments *m, const char *text,
					size_t len)
{
	dv_wire_r r;
	dv_moments t;
	dv_sketch_status st;

	st = dv_wire_open(&r, text, len, "DVMO");
	if (st != DV_SKETCH_OK)
		return st;
	memset(&t, 0, sizeof(t));
	t.n = dv_wire_get_u64(&r);
	t.shift = dv_wire_get_f64(&r);
	t.mean = dv_wire_get_f64(&r);
	t.mean_c = dv_wire_get_f64(&r);
	t.m2 = dv_wire_get_f64(&r);
	t.m2_c = dv_wire_get_f64(&r);
	t.min = dv_wire_get_f64(&r);
	t.max = dv_wire_get_f64(&r);
	st = dv_wire_done(&r);
	dv_wire_close(&r);
	if (st == DV_SKETCH_OK && !consistent(&t))
		st = DV_SKETCH_ECORRUPT;
	if (st == DV_SKETCH_OK)
		*m = t;
	return st;
}
