/*
 * Durations of the contract language (contract.md "Dataset checks"): a
 * positive integer and a unit, `ms s m h d w` (`26h`, `7d`, `90m`). Used
 * by freshness's max_age and by duration literals in cross-field rules.
 */
#ifndef DV_VALUE_DURATION_H
#define DV_VALUE_DURATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Parse s[0..len) as a duration into milliseconds. False when it is not
 * one: no digits, a zero or leading-sign amount, an unknown unit, text
 * after the unit, or a value past about 292 million years (int64 ms). */
bool dv_parse_duration(const char *s, size_t len, int64_t *ms);

/* The length of the duration at the start of s[0..len) (digits and a
 * unit, longest unit first: `5ms` is 5 milliseconds, not 5 minutes and
 * an `s`), or 0 when none starts there. For tokenizers. */
size_t dv_duration_span(const char *s, size_t len);

/* Whether a duration of ms milliseconds is whole days. */
bool dv_duration_whole_days(int64_t ms);

#endif
