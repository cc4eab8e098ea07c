/*
 * Statuses shared by the streaming statistics sketches of src/stats/
 * (kll.h quantiles, hll.h and distinct.h distinct counts, spacesaving.h
 * heavy hitters, moments.h mean and variance).
 *
 * The sketches sit in the value layer: they include only src/util/ and
 * dcval/dcval.h. They keep no global state; every allocation goes
 * through util/alloc.h. Each has a versioned serialized form (wire.h):
 * little-endian binary with a checksum, encoded as base64 text, meant to
 * sit as a JSON string inside a profile's `sketch` object.
 */
#ifndef DV_STATS_SKETCH_H
#define DV_STATS_SKETCH_H

#include "dcval/dcval.h"

/* Numbers are stable: never renumbered or reused. */
typedef enum dv_sketch_status {
	DV_SKETCH_OK = 0,        /* success */
	DV_SKETCH_ENOMEM = 1,    /* out of memory: the sketch is unchanged */
	DV_SKETCH_EINVAL = 2,    /* a bad argument (NaN, parameter out of range) */
	DV_SKETCH_ELIMIT = 3,    /* a count would overflow 64 bits */
	DV_SKETCH_EMISMATCH = 4, /* merge of sketches with different parameters */
	DV_SKETCH_EFOREIGN = 5,  /* serialized text of another kind, or not a sketch */
	DV_SKETCH_EVERSION = 6,  /* serialized by a format version this build lacks */
	DV_SKETCH_ECORRUPT = 7   /* truncated, garbled or inconsistent serialized text */
} dv_sketch_status;

/* Short English text of a status ("corrupt sketch"). Static string. */
const char *dv_sketch_status_str(dv_sketch_status st);

/* The library status a caller reports: ENOMEM, ELIMIT, else EUSAGE. */
dcval_status dv_sketch_status_dcval(dv_sketch_status st);

#endif
