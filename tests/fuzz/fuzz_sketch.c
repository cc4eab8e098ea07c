/*
 * Fuzz target: the sketch deserializers of src/stats/ (kll, hll,
 * distinct, space-saving, moments) on hostile bytes, two ways:
 *
 *  1. the bytes as serialized text, as a profile's `sketch` strings
 *     would hand them over;
 *  2. the bytes as a frame's payload, sealed with each kind's magic,
 *     version and a right checksum (tests/unit/stats_frame.h), so the
 *     structural checks behind the checksum are reached.
 *
 * Invariants: no crash or sanitizer report; a status from the list; an
 * accepted sketch serializes back to the very text it came from (a
 * Space-Saving frame in the heap order of earlier writers: to the same
 * entries sorted by count, a stable text), answers its queries, and takes
 * adds and a merge with itself.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/stats_frame.h"
#include "stats/distinct.h"
#include "stats/hll.h"
#include "stats/kll.h"
#include "stats/moments.h"
#include "stats/spacesaving.h"
#include "util/alloc.h"

#include "fuzz_assert.h"

/* An accepted text serializes back to itself. */
static void same_text(const char *a, size_t la, dv_sketch_status st, char *b,
		      size_t lb)
{
	FUZZ_ASSERT(st == DV_SKETCH_OK);
	FUZZ_ASSERT(la == lb && !memcmp(a, b, la));
	dv_free(b);
}

static void status_known(dv_sketch_status st)
{
	FUZZ_ASSERT(st == DV_SKETCH_OK || st == DV_SKETCH_EFOREIGN ||
		    st == DV_SKETCH_EVERSION || st == DV_SKETCH_ECORRUPT);
}

static void try_kll(const char *t, size_t len)
{
	static const double qs[9] = { 0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1 };
	dv_kll *s;
	dv_sketch_status st = dv_kll_deserialize(&s, t, len);
	double q[9], v, lo, hi;
	char *b;
	size_t lb, i;

	status_known(st);
	if (st != DV_SKETCH_OK)
		return;
	st = dv_kll_serialize(s, &b, &lb);
	same_text(t, len, st, b, lb);
	if (dv_kll_count(s)) {
		FUZZ_ASSERT(dv_kll_quantiles(s, qs, 9, q) == DV_SKETCH_OK);
		FUZZ_ASSERT(dv_kll_min(s, &lo) && dv_kll_max(s, &hi));
		for (i = 0; i < 9; i++)
			FUZZ_ASSERT(q[i] >= lo && q[i] <= hi && (!i || q[i] >= q[i - 1]));
		FUZZ_ASSERT(dv_kll_rank(s, q[4], true, &v) == DV_SKETCH_OK);
		FUZZ_ASSERT(v >= 0 && v <= 1);
		FUZZ_ASSERT(dv_kll_ks(s, s, &v) == DV_SKETCH_OK && v == 0);
	}
	for (i = 0; i < 50; i++) {
		st = dv_kll_add(s, (double)i);
		FUZZ_ASSERT(st == DV_SKETCH_OK || st == DV_SKETCH_ELIMIT);
	}
	st = dv_kll_merge(s, s);
	FUZZ_ASSERT(st == DV_SKETCH_OK || st == DV_SKETCH_ELIMIT);
	dv_kll_free(s);
}

static void try_hll(const char *t, size_t len)
{
	dv_hll *h;
	dv_sketch_status st = dv_hll_deserialize(&h, t, len);
	char *b;
	size_t lb;
	double e;

	status_known(st);
	if (st != DV_SKETCH_OK)
		return;
	st = dv_hll_serialize(h, &b, &lb);
	same_text(t, len, st, b, lb);
	e = dv_hll_estimate(h);
	FUZZ_ASSERT(e >= 0 && !isnan(e));
	dv_hll_add(h, "x", 1);
	FUZZ_ASSERT(dv_hll_merge(h, h) == DV_SKETCH_OK);
	FUZZ_ASSERT(dv_hll_estimate(h) >= 0);
	dv_hll_free(h);
}

static void try_distinct(const char *t, size_t len)
{
	dv_distinct *d;
	dv_sketch_status st = dv_distinct_deserialize(&d, t, len);
	char *b;
	size_t lb;
	uint64_t i;

	status_known(st);
	if (st != DV_SKETCH_OK)
		return;
	st = dv_distinct_serialize(d, &b, &lb);
	same_text(t, len, st, b, lb);
	FUZZ_ASSERT(dv_distinct_estimate(d) >= 0);
	for (i = 0; i < 20; i++)
		FUZZ_ASSERT(dv_distinct_add_hash(d, i * 0x9E3779B97F4A7C15ULL) == DV_SKETCH_OK);
	FUZZ_ASSERT(dv_distinct_merge(d, d) == DV_SKETCH_OK);
	dv_distinct_free(d);
}

static void try_ss(const char *t, size_t len)
{
	dv_ss *s;
	dv_sketch_status st = dv_ss_deserialize(&s, t, len);
	dv_ss_item top[8];
	char *b;
	size_t lb, n, i;

	status_known(st);
	if (st != DV_SKETCH_OK)
		return;
	st = dv_ss_serialize(s, &b, &lb);
	FUZZ_ASSERT(st == DV_SKETCH_OK);
	if (lb != len || memcmp(t, b, len)) {
		/* entries in an earlier writer's heap order: written back
		 * sorted by count, the same entries, and that text is stable */
		dv_ss *u;
		char *c;
		size_t lc;

		FUZZ_ASSERT(lb == len);
		FUZZ_ASSERT(dv_ss_deserialize(&u, b, lb) == DV_SKETCH_OK);
		FUZZ_ASSERT(dv_ss_size(u) == dv_ss_size(s) &&
			    dv_ss_total(u) == dv_ss_total(s));
		FUZZ_ASSERT(dv_ss_serialize(u, &c, &lc) == DV_SKETCH_OK);
		same_text(b, lb, DV_SKETCH_OK, c, lc);
		dv_ss_free(u);
	}
	dv_free(b);
	n = dv_ss_top(s, top, 8, NULL, NULL);
	FUZZ_ASSERT(n <= 8 && n <= dv_ss_size(s));
	for (i = 0; i < n; i++)
		FUZZ_ASSERT(top[i].err < top[i].count && (!i || top[i - 1].count >= top[i].count));
	for (i = 0; i < 20; i++) {
		st = dv_ss_add(s, "key", i % 4, 1);
		FUZZ_ASSERT(st == DV_SKETCH_OK || st == DV_SKETCH_ELIMIT);
	}
	st = dv_ss_merge(s, s);
	FUZZ_ASSERT(st == DV_SKETCH_OK || st == DV_SKETCH_ELIMIT);
	dv_ss_free(s);
}

static void try_moments(const char *t, size_t len)
{
	dv_moments m;
	dv_sketch_status st = dv_moments_deserialize(&m, t, len);
	char *b;
	size_t lb;

	status_known(st);
	if (st != DV_SKETCH_OK)
		return;
	st = dv_moments_serialize(&m, &b, &lb);
	same_text(t, len, st, b, lb);
	FUZZ_ASSERT(dv_moments_variance(&m) >= 0);
	st = dv_moments_add(&m, 1.0);
	FUZZ_ASSERT(st == DV_SKETCH_OK || st == DV_SKETCH_ELIMIT);
	st = dv_moments_merge(&m, &m);
	FUZZ_ASSERT(st == DV_SKETCH_OK || st == DV_SKETCH_ELIMIT);
}

static void try_all(const char *t, size_t len)
{
	try_kll(t, len);
	try_hll(t, len);
	try_distinct(t, len);
	try_ss(t, len);
	try_moments(t, len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char magic[5][5] = { "DVQK", "DVHL", "DVDC", "DVSS", "DVMO" };
	unsigned char *frame;
	char *text;
	size_t len;
	int k;

	if (size > 1 << 20)
		return 0;
	try_all((const char *)data, size);
	frame = malloc(size + 5);
	FUZZ_ASSERT(frame);
	for (k = 0; k < 5; k++) {
		memcpy(frame, magic[k], 4);
		frame[4] = 1;
		memcpy(frame + 5, data, size);
		text = sf_seal(frame, size + 5, &len);
		try_all(text, len);
		free(text);
	}
	free(frame);
	return 0;
}
