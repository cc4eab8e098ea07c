/*
 * The strict JSON parser moved down to src/util/jdoc.h so that the
 * contract layer can read drift baselines (profiles) with it; this
 * header keeps `#include "read/jdoc.h"` working for the readers.
 */
#ifndef DV_READ_JDOC_H
#define DV_READ_JDOC_H

#include "util/jdoc.h"

#endif
