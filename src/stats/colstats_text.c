/*
 * JSON text of typed values and quantiles for profiles (colstats.h):
 * numbers as the shortest text that reads back, dates as YYYY-MM-DD,
 * datetimes as YYYY-MM-DDTHH:MM:SS[.f]Z in UTC and times as HH:MM:SS[.f]
 * (UTC), with only the fraction digits needed.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "stats/colstats.h"

/* Civil date of a day count (Howard Hinnant's days_from_civil inverse,
 * "chrono-Compatible Low-Level Date Algorithms"; written from the text). */
static void civil(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t era, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	yoe = z - era * 146097;
	yoe = (yoe - yoe / 1460 + yoe / 36524 - yoe / 146096) / 365;
	doy = z - era * 146097 - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/* ".123" for ns (trailing zeros dropped), "" for 0. */
static size_t frac(int32_t ns, char *out)
{
	char d[16];
	int k;

	if (ns <= 0) {
		out[0] = '\0';
		return 0;
	}
	snprintf(d, sizeof(d), "%09d", (int)(ns % 1000000000));
	for (k = 8; k > 0 && d[k] == '0'; k--)
		d[k] = '\0';
	out[0] = '.';
	memcpy(out + 1, d, (size_t)k + 2);
	return (size_t)k + 2;
}

static size_t put_date(int64_t days, char *buf)
{
	int64_t y;
	unsigned m, d;

	civil(days, &y, &m, &d);
	return (size_t)snprintf(buf, DV_COLSTATS_TEXT_MAX, "\"%04lld-%02u-%02u\"",
				(long long)y, m, d);
}

static size_t put_clock(int64_t secs, int32_t ns, char *buf, bool with_date)
{
	int64_t days = floor_div(secs, 86400), sod = secs - days * 86400;
	char f[16];
	size_t n = 0;

	frac(ns, f);
	if (with_date) {
		n = put_date(days, buf) - 1; /* drop the closing quote */
		buf[n++] = 'T';
	} else {
		buf[n++] = '"';
	}
	n += (size_t)snprintf(buf + n, DV_COLSTATS_TEXT_MAX - n, "%02d:%02d:%02d%s%s\"",
			      (int)(sod / 3600), (int)(sod / 60 % 60),
			      (int)(sod % 60), f, with_date ? "Z" : "");
	return n;
}

size_t dv_colstats_render(dv_type type, const dv_typed *t, char *buf)
{
	dv_typed v = *t;

	switch (type) {
	case DV_T_INTEGER:
		return (size_t)snprintf(buf, DV_COLSTATS_TEXT_MAX, "%lld",
					(long long)v.i);
	case DV_T_NUMBER:
		return dv_format_double(v.d, buf, DV_COLSTATS_TEXT_MAX);
	case DV_T_BOOLEAN:
		return (size_t)snprintf(buf, DV_COLSTATS_TEXT_MAX, "%s",
					v.i ? "true" : "false");
	case DV_T_DATE:
		return put_date(v.i, buf);
	case DV_T_DATETIME:
		return put_clock(v.i, v.ns, buf, true);
	case DV_T_TIME:
		dv_colstats_norm_time(type, &v);
		return put_clock(v.i, v.ns, buf, false);
	default:
		buf[0] = '\0';
		return 0;
	}
}

size_t dv_colstats_render_num(dv_type type, double x, char *buf)
{
	dv_typed t;
	double s;

	memset(&t, 0, sizeof(t));
	switch (type) {
	case DV_T_NUMBER:
		t.d = x;
		break;
	case DV_T_INTEGER:
	case DV_T_DATE:
		if (!(fabs(x) < 9.2e18))
			x = 0;
		t.i = (int64_t)llround(x);
		break;
	default: /* datetime, time: seconds, to the microsecond (a double
		  * holds today's epoch seconds to about 0.2 us) */
		s = floor(x);
		t.i = (int64_t)s;
		t.ns = (int32_t)llround((x - s) * 1e6) * 1000;
		if (t.ns >= 1000000000) {
			t.i++;
			t.ns -= 1000000000;
		}
		break;
	}
	return dv_colstats_render(type, &t, buf);
}
