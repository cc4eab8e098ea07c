/*
 * Text of an instant or a day for messages: ISO 8601 in UTC, the way
 * datetime and date values read (types.h). Locale-free, no allocation.
 */
#ifndef DV_VALUE_INSTANT_H
#define DV_VALUE_INSTANT_H

#include <stddef.h>
#include <stdint.h>

/* Enough for any instant: -YYYYYYYYYYY-MM-DDTHH:MM:SS.fffffffffZ, NUL. */
#define DV_INSTANT_MAX 48

/* YYYY-MM-DD of `days` since 1970-01-01 (proleptic Gregorian). Returns
 * the length. */
size_t dv_format_day(int64_t days, char buf[DV_INSTANT_MAX]);

/* YYYY-MM-DDTHH:MM:SSZ of secs since the epoch, with ".fff..." when ns
 * (0..999999999) is not 0, trailing zeros dropped. Returns the length. */
size_t dv_format_instant(int64_t secs, int32_t ns, char buf[DV_INSTANT_MAX]);

#endif
