/*
 * Sketch statuses; see sketch.h.
 */
#include "stats/sketch.h"

const char *dv_sketch_status_str(dv_sketch_status st)
{
	switch (st) {
	case DV_SKETCH_OK:
		return "ok";
	case DV_SKETCH_ENOMEM:
		return "out of memory";
	case DV_SKETCH_EINVAL:
		return "invalid argument";
	case DV_SKETCH_ELIMIT:
		return "count overflow";
	case DV_SKETCH_EMISMATCH:
		return "sketches with different parameters";
	case DV_SKETCH_EFOREIGN:
		return "not a sketch of this kind";
	case DV_SKETCH_EVERSION:
		return "unsupported sketch version";
	case DV_SKETCH_ECORRUPT:
		return "corrupt sketch";
	}
	return "unknown status";
}

dcval_status dv_sketch_status_dcval(dv_sketch_status st)
{
	switch (st) {
	case DV_SKETCH_OK:
		return DCVAL_OK;
	case DV_SKETCH_ENOMEM:
		return DCVAL_ENOMEM;
	case DV_SKETCH_ELIMIT:
		return DCVAL_ELIMIT;
	default:
		return DCVAL_EUSAGE;
	}
}
