/*
 * ISO 8601 text of days and instants; see instant.h. The day from a day
 * number follows Howard Hinnant's civil_from_days ("chrono-Compatible
 * Low-Level Date Algorithms"): eras of 400 years starting on March 1st.
 */
#include <stdio.h>

#include "value/instant.h"

/* Floor division and its remainder for a positive divisor. */
static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b < 0);
}

size_t dv_format_day(int64_t days, char buf[DV_INSTANT_MAX])
{
	int64_t z = days + 719468, era = floor_div(z, 146097);
	int64_t doe = z - era * 146097;                              /* 0..146096 */
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);       /* 0..365 */
	int64_t mp = (5 * doy + 2) / 153;                            /* 0..11, March first */
	int64_t d = doy - (153 * mp + 2) / 5 + 1;
	int64_t m = mp < 10 ? mp + 3 : mp - 9;
	int64_t y = yoe + era * 400 + (m <= 2);
	int n = snprintf(buf, DV_INSTANT_MAX, "%04lld-%02lld-%02lld",
			 (long long)y, (long long)m, (long long)d);

	return n > 0 ? (size_t)n : 0;
}

size_t dv_format_instant(int64_t secs, int32_t ns, char buf[DV_INSTANT_MAX])
{
	int64_t days = floor_div(secs, 86400), sod = secs - days * 86400;
	size_t n = dv_format_day(days, buf);
	int digits = 9;
	int k;

	k = snprintf(buf + n, DV_INSTANT_MAX - n, "T%02lld:%02lld:%02lld",
		     (long long)(sod / 3600), (long long)(sod / 60 % 60),
		     (long long)(sod % 60));
	n += k > 0 ? (size_t)k : 0;
	if (ns > 0 && ns < 1000000000) {
		while (ns % 10 == 0) {
			ns /= 10;
			digits--;
		}
		k = snprintf(buf + n, DV_INSTANT_MAX - n, ".%0*d", digits, (int)ns);
		n += k > 0 ? (size_t)k : 0;
	}
	if (n + 1 < DV_INSTANT_MAX) {
		buf[n++] = 'Z';
		buf[n] = '\0';
	}
	return n;
}
