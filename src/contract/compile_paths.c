/*
 * Column names and json paths: no two columns share a name or a path, no
 * path is a prefix of another (a value cannot be both a leaf and an
 * object), and the paths become a trie the json reader walks.
 *
 * Columns are sorted (names, then paths) so that conflicts are adjacent:
 * O(n log n) however many columns. Of several conflicts the one whose
 * later column comes first in the file is reported.
 */
#include <stdlib.h>
#include <string.h>

#include "contract/compile.h"
#include "util/alloc.h"

static int seg_cmp(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int r = memcmp(a, b, la < lb ? la : lb);

	if (r)
		return r;
	return la < lb ? -1 : la > lb;
}

/* Paths in lexicographic order of their keys; a prefix sorts first. */
static int path_cmp(const dv_column *a, const dv_column *b)
{
	size_t i, n = a->path_len < b->path_len ? a->path_len : b->path_len;
	int r;

	for (i = 0; i < n; i++) {
		r = seg_cmp(a->path[i], b->path[i]);
		if (r)
			return r;
	}
	return a->path_len < b->path_len ? -1 : a->path_len > b->path_len;
}

static int by_index(const dv_column *a, const dv_column *b)
{
	return a->index < b->index ? -1 : a->index > b->index;
}

static int col_path_cmp(const void *pa, const void *pb)
{
	const dv_column *a = *(const dv_column *const *)pa;
	const dv_column *b = *(const dv_column *const *)pb;
	int r = path_cmp(a, b);

	return r ? r : by_index(a, b);
}

static int col_name_cmp(const void *pa, const void *pb)
{
	const dv_column *a = *(const dv_column *const *)pa;
	const dv_column *b = *(const dv_column *const *)pb;
	int r = strcmp(a->name, b->name);

	return r ? r : by_index(a, b);
}

static bool path_is_prefix(const dv_column *a, const dv_column *b)
{
	size_t i;

	if (a->path_len > b->path_len)
		return false;
	for (i = 0; i < a->path_len; i++) {
		if (strcmp(a->path[i], b->path[i]) != 0)
			return false;
	}
	return true;
}

/* Adjacent pairs (s[i-1], s[i]) that conflict: keep the pair whose later
 * column is declared first. Returns the index i, or 0 for none. */
static size_t find_conflict(const dv_column **s, size_t n, bool names)
{
	size_t i, best = 0, best_later = (size_t)-1;

	for (i = 1; i < n; i++) {
		size_t later;
		bool clash = names ? strcmp(s[i - 1]->name, s[i]->name) == 0 :
				     path_is_prefix(s[i - 1], s[i]);

		if (!clash)
			continue;
		later = s[i - 1]->index > s[i]->index ? s[i - 1]->index :
							s[i]->index;
		if (later < best_later) {
			best_later = later;
			best = i;
		}
	}
	return best;
}

static dcval_status report_conflict(struct dv_cc *cc,
				    const struct dv_colsrc *srcs,
				    const dv_column *a, const dv_column *b,
				    bool names)
{
	const dv_column *first = a->index < b->index ? a : b;
	const dv_column *later = first == a ? b : a;
	const struct dv_colsrc *ls = &srcs[later->index];

	if (names)
		return dv_cc_fail(cc, ls->k[DV_CK_NAME],
				  "duplicate column name '%s' (first at line %lu)",
				  later->name,
				  srcs[first->index].k[DV_CK_NAME]->line);
	if (a->path_len == b->path_len)
		return dv_cc_fail(cc, ls->path_at,
				  "column '%s' has the same path as column '%s'",
				  later->name, first->name);
	/* a sorts before b: a is the prefix */
	return dv_cc_fail(cc, ls->path_at,
			  "the path of column '%s' is a prefix of the path of column '%s'",
			  a->name, b->name);
}

/* Node for the sorted columns s[0..n), all sharing their first `depth`
 * keys. */
static dcval_status build_node(struct dv_cc *cc, dv_pathnode *node,
			       const dv_column **s, size_t n, size_t depth)
{
	size_t i, j, groups = 0, k = 0;

	node->column = -1;
	if (n && s[0]->path_len == depth) {
		/* no conflicts: it is alone here */
		node->column = (long)s[0]->index;
		return DCVAL_OK;
	}
	for (i = 0; i < n; i++)
		groups += i == 0 || seg_cmp(s[i - 1]->path[depth],
					    s[i]->path[depth]) != 0;
	node->children = dv_arena_array(&cc->c->arena, groups,
					sizeof(*node->children));
	if (!node->children)
		return dv_cc_nomem(cc);
	node->n_children = groups;
	for (i = 0; i < n; i = j) {
		dv_pathnode *child = &node->children[k++];

		for (j = i + 1; j < n && seg_cmp(s[i]->path[depth],
						 s[j]->path[depth]) == 0; j++)
			;
		child->key = s[i]->path[depth];
		child->key_len = strlen(child->key);
		if (build_node(cc, child, s + i, j - i, depth + 1))
			return cc->err->status;
	}
	return DCVAL_OK;
}

dcval_status dv_cc_paths(struct dv_cc *cc, const struct dv_colsrc *srcs)
{
	dcval_contract *c = cc->c;
	const dv_column **s;
	dcval_status st = DCVAL_OK;
	size_t i;

	s = dv_mallocarray(c->n_columns, sizeof(*s));
	if (!s)
		return dv_cc_nomem(cc);
	for (i = 0; i < c->n_columns; i++)
		s[i] = &c->columns[i];
	qsort(s, c->n_columns, sizeof(*s), col_name_cmp);
	i = find_conflict(s, c->n_columns, true);
	if (i) {
		st = report_conflict(cc, srcs, s[i - 1], s[i], true);
		goto out_free_sorted;
	}
	qsort(s, c->n_columns, sizeof(*s), col_path_cmp);
	i = find_conflict(s, c->n_columns, false);
	if (i) {
		st = report_conflict(cc, srcs, s[i - 1], s[i], false);
		goto out_free_sorted;
	}
	st = build_node(cc, &c->paths, s, c->n_columns, 0);
	c->paths.key = NULL;

out_free_sorted:
	dv_free(s);
	return st;
}
