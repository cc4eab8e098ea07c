/*
 * Durations: digits and one unit of ms s m h d w.
 */
#include "value/duration.h"

#define MS_PER_DAY (86400LL * 1000)

/* Milliseconds of the unit at s[0..len) (the whole of it), 0 if none. */
static int64_t unit_ms(const char *s, size_t len)
{
	if (len == 2 && s[0] == 'm' && s[1] == 's')
		return 1;
	if (len != 1)
		return 0;
	switch (s[0]) {
	case 's': return 1000;
	case 'm': return 60 * 1000;
	case 'h': return 3600 * 1000;
	case 'd': return MS_PER_DAY;
	case 'w': return 7 * MS_PER_DAY;
	default: return 0;
	}
}

/* Length of the unit at the start of s, longest first; 0 if none. */
static size_t unit_span(const char *s, size_t len)
{
	if (len >= 2 && unit_ms(s, 2))
		return 2;
	if (len >= 1 && unit_ms(s, 1))
		return 1;
	return 0;
}

size_t dv_duration_span(const char *s, size_t len)
{
	size_t i = 0, u;

	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == 0)
		return 0;
	u = unit_span(s + i, len - i);
	return u ? i + u : 0;
}

bool dv_parse_duration(const char *s, size_t len, int64_t *ms)
{
	size_t i = 0;
	int64_t n = 0, unit;

	while (i < len && s[i] >= '0' && s[i] <= '9') {
		if (n > (INT64_MAX - 9) / 10)
			return false;
		n = n * 10 + (s[i] - '0');
		i++;
	}
	if (i == 0 || n == 0)
		return false;
	unit = unit_ms(s + i, len - i);
	if (!unit || n > INT64_MAX / unit)
		return false;
	*ms = n * unit;
	return true;
}

bool dv_duration_whole_days(int64_t ms)
{
	return ms % MS_PER_DAY == 0;
}
