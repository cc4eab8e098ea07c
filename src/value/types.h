/*
 * Text -> typed value parsers, locale-free. Each parser takes a byte slice
 * (not necessarily NUL-terminated unless said) and returns true when the
 * whole slice is a valid value of its type; nothing is allocated.
 *
 * Typed values are packed into dv_typed so that one compare function
 * serves bounds, enum and unique for every type:
 *   integer   i
 *   number    d (never NaN or infinite)
 *   boolean   i = 0 or 1
 *   date      i = days since 1970-01-01 (proleptic Gregorian)
 *   datetime  i = seconds since 1970-01-01T00:00:00Z, ns = nanoseconds
 *   time      i = seconds since midnight minus the UTC offset (when one is
 *             given; may leave 0..86399), ns = nanoseconds
 *   vector    i = elements, d = Euclidean norm, ns = 1-based position of
 *             the first element beyond the double range (0: none); see
 *             vector.h
 */
#ifndef DV_VALUE_TYPES_H
#define DV_VALUE_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum dv_type {
	DV_T_STRING = 0,
	DV_T_INTEGER,
	DV_T_NUMBER,
	DV_T_BOOLEAN,
	DV_T_DATE,
	DV_T_DATETIME,
	DV_T_TIME,
	DV_T_ANY,
	DV_T_VECTOR,
	DV_T_COUNT
} dv_type;

typedef struct dv_typed {
	int64_t i; /* see above */
	int32_t ns; /* datetime, time: 0..999999999; vector: see above */
	double d;  /* number; vector: norm */
} dv_typed;

/* Type name as written in contracts ("integer"); parse it back. */
const char *dv_type_name(dv_type t);
bool dv_type_parse(const char *name, dv_type *out);

/* "an integer", "a number", "a date" ...: for messages. */
const char *dv_type_article(dv_type t);

/* [+-]?[0-9]+ that fits in int64_t. */
bool dv_parse_integer(const char *s, size_t len, int64_t *out);

/*
 * [+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)? read as the nearest
 * double (correctly rounded, never the process locale). False for other
 * text (NaN, Inf, hex, spaces) and for values beyond the double range.
 */
bool dv_parse_number(const char *s, size_t len, double *out);

/* m * 10^e when Clinger's fast path gives it exactly (m <= 2^53 and a
 * small e): true with the correctly rounded *out, false otherwise. The
 * step dv_parse_number takes first; other exact readers of decimals
 * (vector elements) call it for the same result. */
bool dv_num_fast(uint64_t m, int64_t e, double *out);

/* YYYY-MM-DD, a real calendar day, year 0001..9999. */
bool dv_parse_date(const char *s, size_t len, int64_t *days);

/*
 * RFC 3339 date-time: date, 'T' / 't' / ' ', HH:MM:SS, optional fraction
 * (1 to 9 digits kept, more digits accepted and truncated), offset 'Z' /
 * 'z' / +HH:MM / -HH:MM required. Second 60 only when the UTC time is
 * 23:59:60 (a leap second); it is stored as 23:59:59.999999999.
 */
bool dv_parse_datetime(const char *s, size_t len, int64_t *secs, int32_t *ns);

/* HH:MM:SS[.fff][Z|+HH:MM|-HH:MM]; second 60 as in dv_parse_datetime,
 * only where the time in UTC is 23:59 (no offset: taken as UTC). */
bool dv_parse_time(const char *s, size_t len, int64_t *secs, int32_t *ns);

/*
 * strptime-style parse of s with the user's `format` (NUL-terminated) for
 * a date, datetime or time column, C locale. Directives: %Y (4 digits),
 * %m %d %H %M %S (1-2 digits), %y (2 digits, 1969-2068), %j, %b %B (English
 * month names, any case), %p with %I, %f (1-9 fraction digits), %z
 * (Z, +HH:MM, +HHMM), %T (%H:%M:%S), %F (%Y-%m-%d), %%; any other byte must
 * match itself. Fields not given default to 1970-01-01 00:00:00 UTC; the
 * calendar day must exist. Result as the parsers above for `type`
 * (DV_T_DATE, DV_T_DATETIME or DV_T_TIME).
 */
bool dv_parse_with_format(const char *format, dv_type type, const char *s,
			  size_t len, dv_typed *out);

/* What dv_format_pattern_check() finds wrong with a format. */
typedef enum dv_fmt_problem {
	DV_FMTP_OK = 0,
	DV_FMTP_UNKNOWN,  /* not a directive of dv_parse_with_format */
	DV_FMTP_FOREIGN,  /* a clock directive for a date, a date one for a time */
	DV_FMTP_REPEATED  /* sets a field an earlier directive set (%Y%Y, %F %y) */
} dv_fmt_problem;

/*
 * Check a format for a column of `type` (date, datetime or time). On a
 * problem *bad points at the offending '%'; for DV_FMTP_REPEATED *first
 * points at the '%' of the earlier directive that set the same field.
 */
dv_fmt_problem dv_format_pattern_check(const char *format, dv_type type,
				       const char **bad, const char **first);

/* The field two directives (each "%X") both set, for messages: "year",
 * "hour", ... */
const char *dv_format_field_name(const char *directive, const char *other);

/* Days since 1970-01-01 of a proleptic Gregorian date (no range check). */
int64_t dv_days_from_civil(int64_t y, unsigned m, unsigned d);

/* Compare two typed values of the same type: <0, 0, >0. Numbers compare
 * by d, booleans, integers, dates by i, datetimes and times by (i, ns).
 * Inline: a profile runs it for every value of an ordered column. */
#define DV_CMP(a, b) (((a) > (b)) - ((a) < (b)))
static inline int dv_typed_cmp(dv_type t, const dv_typed *a,
			       const dv_typed *b)
{
	switch (t) {
	case DV_T_NUMBER:
		return DV_CMP(a->d, b->d);
	case DV_T_DATETIME:
	case DV_T_TIME:
		if (a->i != b->i)
			return DV_CMP(a->i, b->i);
		return DV_CMP(a->ns, b->ns);
	default:
		return DV_CMP(a->i, b->i);
	}
}

/*
 * Calendar and clock helpers shared by types.c and timefmt.c; not meant
 * for other modules.
 */

/* Days in month m (1..12) of year y, proleptic Gregorian. */
unsigned dv_days_in_month(int64_t y, unsigned m);

/* Exactly n ASCII digits at s[0..n) as a number (n <= 9). */
bool dv_digits_n(const char *s, size_t n, unsigned *out);

/* A wall-clock time with its UTC offset, as read from text. */
struct dv_clock {
	unsigned h; /* 0..23 */
	unsigned m; /* 0..59 */
	unsigned s; /* 0..60 before dv_clock_fix_leap, then 0..59 */
	int32_t ns; /* 0..999999999 */
	int off; /* offset east of UTC in minutes, -1439..1439 */
	bool has_off; /* an offset was written */
};

/*
 * Range-check c. Second 60 is a leap second, valid only when the time
 * converted to UTC is 23:59:60; it becomes 59.999999999 so that it
 * sorts after every other instant of that minute. False when invalid.
 */
bool dv_clock_fix_leap(struct dv_clock *c);

/* Seconds of the day of c minus its offset (may leave 0..86399). */
int64_t dv_clock_secs(const struct dv_clock *c);

/* Shortest "%.15g".."%.17g" text of d that reads back as d (the process
 * locale is never set, so the decimal point is '.'). Returns the length. */
size_t dv_format_double(double d, char *buf, size_t cap);

#endif
