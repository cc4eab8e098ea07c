/*
 * Figures: shortest %g text of at most 6 significant digits.
 */
#include "value/figure.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t dv_figure(double x, char buf[DV_FIGURE_MAX])
{
	double want;
	int p;

	if (isnan(x))
		return (size_t)snprintf(buf, DV_FIGURE_MAX, "nan");
	if (isinf(x))
		return (size_t)snprintf(buf, DV_FIGURE_MAX, x < 0 ? "-inf" : "inf");
	if (x == 0)
		return (size_t)snprintf(buf, DV_FIGURE_MAX, "0");
	snprintf(buf, DV_FIGURE_MAX, "%.6g", x);
	want = strtod(buf, NULL);
	for (p = 1; p < 6; p++) {
		snprintf(buf, DV_FIGURE_MAX, "%.*g", p, x);
		if (strtod(buf, NULL) == want)
			break;
	}
	if (p == 6)
		snprintf(buf, DV_FIGURE_MAX, "%.6g", x);
	return strlen(buf);
}
