/*
 * Did-you-mean: the known word closest to a misspelled one.
 */
#ifndef DV_CONTRACT_SUGGEST_H
#define DV_CONTRACT_SUGGEST_H

#include <stddef.h>

/*
 * Return the entry of `known` (n words) closest to `word` by optimal string
 * alignment distance (insert, delete, substitute, swap two adjacent), when
 * that distance is at most max(1, strlen(word) / 3) and at most 3; else
 * NULL. Ties go to the earlier entry.
 */
const char *dv_suggest(const char *word, const char *const *known, size_t n);

#endif
