/*
 * dv_colstats_prepare() inline, for the one caller that runs it for
 * every value of every column (engine/colstats.c, once a record): the
 * call, the key's own call and the copies between them cost about what
 * building the key and hashing it do. Fixed-size keys (integer, boolean,
 * date, datetime, time) and strings are built here; numbers and `any`
 * values, whose keys need the decimal reader, go to
 * dv_colstats_key_slow(). Same pending state as dv_colstats_prepare(),
 * which is this function.
 */
#ifndef DV_STATS_COLSTATS_PREP_H
#define DV_STATS_COLSTATS_PREP_H

#include "stats/colstats.h"
#include "stats/distinct.h"
#include "stats/hash64.h"
#include "stats/spacesaving.h"

/* The distinct key of a number or an `any` value (colstats.c). */
dv_sketch_status dv_colstats_key_slow(dv_colstats *s, const dv_typed *t,
				      const char *text, size_t len, char tag,
				      unsigned char k8[DV_COLSTATS_KEYBUF],
				      const void **key, size_t *klen);

/* u little-endian at k[0..8), written out so that the compiler merges the
 * stores into one on a little-endian machine. */
static inline void dv_colstats_le64(unsigned char *k, uint64_t u)
{
	k[0] = (unsigned char)u;
	k[1] = (unsigned char)(u >> 8);
	k[2] = (unsigned char)(u >> 16);
	k[3] = (unsigned char)(u >> 24);
	k[4] = (unsigned char)(u >> 32);
	k[5] = (unsigned char)(u >> 40);
	k[6] = (unsigned char)(u >> 48);
	k[7] = (unsigned char)(u >> 56);
}

static inline void dv_colstats_prepare_inline(dv_colstats *s,
					      const dv_typed *t,
					      const char *text, size_t len,
					      char tag)
{
	dv_typed *p = &s->pend_t;
	uint32_t ns;

	s->pend = true;
	*p = *t;
	s->pend_text = text;
	s->pend_len = len;
	s->pend_st = DV_SKETCH_OK;
	switch (s->type) {
	case DV_T_INTEGER:
	case DV_T_DATE:
		dv_colstats_le64(s->pend_kb, (uint64_t)p->i);
		s->pend_key = s->pend_kb;
		s->pend_klen = 8;
		break;
	case DV_T_BOOLEAN:
		dv_colstats_le64(s->pend_kb, (uint64_t)(p->i != 0));
		s->pend_key = s->pend_kb;
		s->pend_klen = 8;
		break;
	case DV_T_TIME:
		dv_colstats_norm_time(s->type, p);
		/* fall through */
	case DV_T_DATETIME:
		ns = (uint32_t)p->ns;
		dv_colstats_le64(s->pend_kb, (uint64_t)p->i);
		s->pend_kb[8] = (unsigned char)ns;
		s->pend_kb[9] = (unsigned char)(ns >> 8);
		s->pend_kb[10] = (unsigned char)(ns >> 16);
		s->pend_kb[11] = (unsigned char)(ns >> 24);
		s->pend_key = s->pend_kb;
		s->pend_klen = 12;
		break;
	case DV_T_NUMBER:
	case DV_T_ANY:
		s->pend_st = dv_colstats_key_slow(s, p, text, len, tag,
						  s->pend_kb, &s->pend_key,
						  &s->pend_klen);
		if (s->pend_st != DV_SKETCH_OK)
			return;
		break;
	default:
		s->pend_key = text ? text : "";
		s->pend_klen = len;
		break;
	}
	s->pend_hash = dv_hash64(s->pend_key, s->pend_klen, 0);
	dv_distinct_prefetch(s->dist, s->pend_hash);
	if (s->top)
		dv_ss_prefetch(s->top, s->pend_hash);
}

#endif
