/*
 * strptime-style parsing of date, datetime and time values with a user
 * pattern (the column's `format:`); see dv_parse_with_format in types.h.
 *
 * Unlike strptime(3) this never consults the locale or the time zone
 * database, reads a byte slice, must consume all of it, and fails on a
 * day that does not exist instead of normalising it. Whitespace in the
 * pattern matches exactly itself (strptime lets it match any run).
 */
#include <string.h>

#include "value/types.h"

/* Directive letters after '%' that dv_parse_with_format knows. */
static const char dv_tf_directives[] = "YmdHMSyjbBpIfzTF%";

/* Parse state: the input cursor and the fields read so far. */
struct dv_tf {
	const char *s;
	size_t len;
	size_t i; /* next input byte */
	unsigned year; /* default 1970 */
	unsigned mon; /* 1..12, default 1 */
	unsigned mday; /* 1..31, default 1 */
	unsigned yday; /* %j: 1..366, 0 when not given */
	unsigned hour12; /* %I: 1..12 */
	bool have_md; /* %m, %d, %b or %B given */
	bool have_i; /* %I given */
	bool pm; /* %p read PM */
	struct dv_clock c;
};

static const char *const dv_month_names[12] = {
	"january", "february", "march",	    "april",   "may",	   "june",
	"july",	   "august",   "september", "october", "november", "december",
};

/* ASCII lower case of c; other bytes unchanged. */
static char dv_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Whether the input at the cursor starts with lower-case word w, in any
 * case; on success the cursor moves past it. */
static bool dv_tf_word(struct dv_tf *tf, const char *w, size_t n)
{
	size_t k;

	if (tf->len - tf->i < n)
		return false;
	for (k = 0; k < n; k++)
		if (dv_lower(tf->s[tf->i + k]) != w[k])
			return false;
	tf->i += n;
	return true;
}

/*
 * Between min and max decimal digits (greedy, as strptime) giving a
 * value in lo..hi.
 */
static bool dv_tf_num(struct dv_tf *tf, size_t min, size_t max, unsigned lo,
		      unsigned hi, unsigned *out)
{
	unsigned v = 0;
	size_t n = 0;
	unsigned char c;

	while (n < max && tf->i < tf->len) {
		c = (unsigned char)tf->s[tf->i];
		if (c < '0' || c > '9')
			break;
		v = v * 10 + (unsigned)(c - '0');
		tf->i++;
		n++;
	}
	if (n < min || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

/* %b / %B: an English month name, full or three-letter, any case. */
static bool dv_tf_month(struct dv_tf *tf)
{
	unsigned m;

	for (m = 0; m < 12; m++) {
		if (dv_tf_word(tf, dv_month_names[m], strlen(dv_month_names[m])) ||
		    dv_tf_word(tf, dv_month_names[m], 3)) {
			tf->mon = m + 1;
			tf->have_md = true;
			return true;
		}
	}
	return false;
}

/* %f: 1 to 9 digits of a second's fraction. */
static bool dv_tf_frac(struct dv_tf *tf)
{
	size_t start = tf->i;
	unsigned v, k;

	if (!dv_tf_num(tf, 1, 9, 0, 999999999, &v))
		return false;
	for (k = (unsigned)(tf->i - start); k < 9; k++)
		v *= 10;
	tf->c.ns = (int32_t)v;
	return true;
}

/* %z: Z, z, +HH:MM, -HH:MM, +HHMM or -HHMM. */
static bool dv_tf_zone(struct dv_tf *tf)
{
	const char *p = tf->s + tf->i;
	size_t left = tf->len - tf->i, mpos;
	unsigned h, m;

	if (left >= 1 && (p[0] == 'Z' || p[0] == 'z')) {
		tf->i++;
		tf->c.off = 0;
		tf->c.has_off = true;
		return true;
	}
	if (left < 5 || (p[0] != '+' && p[0] != '-'))
		return false;
	mpos = left >= 6 && p[3] == ':' ? 4 : 3;
	if (!dv_digits_n(p + 1, 2, &h) || !dv_digits_n(p + mpos, 2, &m) ||
	    h > 23 || m > 59)
		return false;
	tf->c.off = (int)(h * 60 + m) * (p[0] == '-' ? -1 : 1);
	tf->c.has_off = true;
	tf->i += mpos + 2;
	return true;
}

static bool dv_tf_run(struct dv_tf *tf, const char *fmt);

/* One directive letter d (after '%'). */
static bool dv_tf_directive(struct dv_tf *tf, char d)
{
	unsigned v;

	switch (d) {
	case 'Y':
		return dv_tf_num(tf, 4, 4, 1, 9999, &tf->year);
	case 'y':
		if (!dv_tf_num(tf, 2, 2, 0, 99, &v))
			return false;
		tf->year = v < 69 ? 2000 + v : 1900 + v; /* POSIX pivot */
		return true;
	case 'm':
		tf->have_md = true;
		return dv_tf_num(tf, 1, 2, 1, 12, &tf->mon);
	case 'd':
		tf->have_md = true;
		return dv_tf_num(tf, 1, 2, 1, 31, &tf->mday);
	case 'j':
		return dv_tf_num(tf, 1, 3, 1, 366, &tf->yday);
	case 'b':
	case 'B':
		return dv_tf_month(tf);
	case 'H':
		return dv_tf_num(tf, 1, 2, 0, 23, &tf->c.h);
	case 'I':
		tf->have_i = true;
		return dv_tf_num(tf, 1, 2, 1, 12, &tf->hour12);
	case 'p':
		if (dv_tf_word(tf, "am", 2))
			return true;
		tf->pm = true;
		return dv_tf_word(tf, "pm", 2);
	case 'M':
		return dv_tf_num(tf, 1, 2, 0, 59, &tf->c.m);
	case 'S':
		return dv_tf_num(tf, 1, 2, 0, 60, &tf->c.s);
	case 'f':
		return dv_tf_frac(tf);
	case 'z':
		return dv_tf_zone(tf);
	case 'T':
		return dv_tf_run(tf, "%H:%M:%S");
	case 'F':
		return dv_tf_run(tf, "%Y-%m-%d");
	case '%':
		if (tf->i == tf->len || tf->s[tf->i] != '%')
			return false;
		tf->i++;
		return true;
	default:
		return false;
	}
}

/* Match fmt against the input from the cursor (%T and %F recurse once). */
static bool dv_tf_run(struct dv_tf *tf, const char *fmt)
{
	for (; *fmt; fmt++) {
		if (*fmt == '%') {
			if (!dv_tf_directive(tf, *++fmt))
				return false;
		} else if (tf->i < tf->len && tf->s[tf->i] == *fmt) {
			tf->i++;
		} else {
			return false;
		}
	}
	return true;
}

/*
 * Resolve the calendar day: %j gives month and day, and must agree with
 * %m / %d when both are written; the day must exist in its month.
 */
static bool dv_tf_day(struct dv_tf *tf, int64_t *days)
{
	unsigned m = 1, left;

	if (tf->yday) {
		left = tf->yday;
		while (m < 12 && left > dv_days_in_month(tf->year, m))
			left -= dv_days_in_month(tf->year, m++);
		if (left > dv_days_in_month(tf->year, m))
			return false; /* day 366 of a common year */
		if (tf->have_md && (m != tf->mon || left != tf->mday))
			return false;
		tf->mon = m;
		tf->mday = left;
	}
	if (tf->mday > dv_days_in_month(tf->year, tf->mon))
		return false;
	*days = dv_days_from_civil(tf->year, tf->mon, tf->mday);
	return true;
}

bool dv_parse_with_format(const char *format, dv_type type, const char *s,
			  size_t len, dv_typed *out)
{
	struct dv_tf tf = { .s = s, .len = len, .year = 1970, .mon = 1,
			    .mday = 1 };
	int64_t days;

	if (!dv_tf_run(&tf, format) || tf.i != len || !dv_tf_day(&tf, &days))
		return false;
	if (tf.have_i)
		tf.c.h = tf.hour12 % 12 + (tf.pm ? 12 : 0);
	if (!dv_clock_fix_leap(&tf.c))
		return false;
	out->d = 0;
	out->ns = type == DV_T_DATE ? 0 : tf.c.ns;
	switch (type) {
	case DV_T_DATE:
		out->i = days;
		return true;
	case DV_T_DATETIME:
		out->i = days * 86400 + dv_clock_secs(&tf.c);
		return true;
	case DV_T_TIME:
		out->i = dv_clock_secs(&tf.c);
		return true;
	default:
		return false;
	}
}

/* The fields each directive sets (%T and %F set three). */
enum {
	DV_TF_YEAR = 1 << 0,
	DV_TF_MONTH = 1 << 1,
	DV_TF_DAY = 1 << 2,
	DV_TF_YDAY = 1 << 3,
	DV_TF_HOUR = 1 << 4,
	DV_TF_MIN = 1 << 5,
	DV_TF_SEC = 1 << 6,
	DV_TF_FRAC = 1 << 7,
	DV_TF_ZONE = 1 << 8,
	DV_TF_AMPM = 1 << 9,
	DV_TF_DATE = DV_TF_YEAR | DV_TF_MONTH | DV_TF_DAY | DV_TF_YDAY,
	DV_TF_CLOCK = DV_TF_HOUR | DV_TF_MIN | DV_TF_SEC | DV_TF_FRAC |
		      DV_TF_ZONE | DV_TF_AMPM
};

static unsigned dv_tf_fields(char d)
{
	switch (d) {
	case 'Y':
	case 'y':
		return DV_TF_YEAR;
	case 'm':
	case 'b':
	case 'B':
		return DV_TF_MONTH;
	case 'd':
		return DV_TF_DAY;
	case 'j':
		return DV_TF_YDAY;
	case 'H':
	case 'I':
		return DV_TF_HOUR;
	case 'M':
		return DV_TF_MIN;
	case 'S':
		return DV_TF_SEC;
	case 'f':
		return DV_TF_FRAC;
	case 'z':
		return DV_TF_ZONE;
	case 'p':
		return DV_TF_AMPM;
	case 'T':
		return DV_TF_HOUR | DV_TF_MIN | DV_TF_SEC;
	case 'F':
		return DV_TF_YEAR | DV_TF_MONTH | DV_TF_DAY;
	default:
		return 0;
	}
}

dv_fmt_problem dv_format_pattern_check(const char *format, dv_type type,
				       const char **bad, const char **first)
{
	const char *setter[10] = { NULL };
	unsigned seen = 0, f, k;
	const char *p;

	for (p = format; *p; p++) {
		if (*p != '%')
			continue;
		*bad = p;
		if (p[1] == '\0' || !strchr(dv_tf_directives, p[1]))
			return DV_FMTP_UNKNOWN;
		p++;
		f = dv_tf_fields(*p);
		if ((type == DV_T_DATE && (f & DV_TF_CLOCK)) ||
		    (type == DV_T_TIME && (f & DV_TF_DATE)))
			return DV_FMTP_FOREIGN;
		if (f & seen) {
			for (k = 0; !(f & seen & (1u << k)); k++)
				;
			*first = setter[k];
			return DV_FMTP_REPEATED;
		}
		for (k = 0; k < 10; k++) {
			if (f & (1u << k))
				setter[k] = p - 1;
		}
		seen |= f;
	}
	return DV_FMTP_OK;
}

const char *dv_format_field_name(const char *directive, const char *other)
{
	static const char *const names[10] = {
		"year", "month", "day", "day of the year", "hour", "minute",
		"second", "fraction of a second", "offset", "am/pm",
	};
	unsigned f = dv_tf_fields(directive[1]) & dv_tf_fields(other[1]), k;

	for (k = 0; k < 10; k++) {
		if (f & (1u << k))
			return names[k];
	}
	return "field";
}
