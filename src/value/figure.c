/*
 * Figures: shortest %g text of at most 6 significant digits.
 */
#include "value/figure.h"

#include <math.h>
#include <stdio.h>

size_t dv_figure(double x, char buf[DV_FIGURE_MAX])
{
	if (isnan(x))
		return (size_t)snprintf(buf, DV_FIGURE_MAX, "nan");
	if (isinf(x))
		return (size_t)snprintf(buf, DV_FIGURE_MAX, x < 0 ? "-inf" : "inf");
	if (x == 0)
		return (size_t)snprintf(buf, DV_FIGURE_MAX, "0");
	/* %.6g drops trailing zeros: it is already the shortest text of x
	 * rounded to 6 significant digits. A smaller precision that reads
	 * back the same would only switch to the exponent form sooner
	 * (150 as 1.5e+02, 10000 as 1e+04), never shorten the text. */
	return (size_t)snprintf(buf, DV_FIGURE_MAX, "%.6g", x);
}
