/*
 * Did-you-mean by optimal string alignment distance; see suggest.h.
 *
 * Three rows of DV_SUGGEST_MAX + 1 distances on the stack: no allocation.
 * Words longer than DV_SUGGEST_MAX bytes get no suggestion (no contract
 * keyword is that long), and a candidate whose length differs by more
 * than the allowed distance is skipped before any work.
 */
#include <string.h>

#include "contract/suggest.h"

#define DV_SUGGEST_MAX 64

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

/* Optimal string alignment distance of a[0..la) and b[0..lb). */
static size_t osa_distance(const char *a, size_t la, const char *b, size_t lb)
{
	size_t rows[3][DV_SUGGEST_MAX + 1];
	size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2], *t;
	size_t i, j;

	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];

			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1,
				      prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < cur[j])
				cur[j] = prev2[j - 2] + 1;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb];
}

const char *dv_suggest(const char *word, const char *const *known, size_t n)
{
	size_t lw = strlen(word), limit, best_d = (size_t)-1, i;
	const char *best = NULL;

	if (lw > DV_SUGGEST_MAX)
		return NULL;
	limit = lw / 3 > 1 ? lw / 3 : 1;
	if (limit > 3)
		limit = 3;
	for (i = 0; i < n; i++) {
		size_t lk = strlen(known[i]), d;

		if (lk > DV_SUGGEST_MAX ||
		    (lk > lw ? lk - lw : lw - lk) > limit)
			continue;
		d = osa_distance(word, lw, known[i], lk);
		if (d <= limit && d < best_d) {
			best_d = d;
			best = known[i];
		}
	}
	return best;
}
