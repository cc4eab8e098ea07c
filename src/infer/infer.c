/*
 * dcval infer, reading: inputs through the contract-less scan, records
 * into the key tree (infer_impl.h), values into each column's state
 * machine (icol.h). The contract is written by iout.c.
 *
 * csv: a column per header name. When the first csv input's header has
 * a blank, repeated or NUL-holding name, no contract can name its
 * columns (validate reports such a header as a `header` violation), so
 * the contract reads csv without a header (`header: false`): columns by
 * position, named from the header, and the header line is a record like
 * any other. A later csv input's unusable header makes that input
 * unreadable for the contract (reported, left out).
 *
 * JSON: a column per key path whose values are not objects; a key that
 * holds objects in some records and other values in others is one
 * column of type `any`, as is one that only ever holds empty objects. A
 * key that no contract can declare (empty, holding NUL, past the column
 * cap) leaves the contract ignoring extra keys.
 */
#include <string.h>

#include "contract/compile.h"
#include "infer/infer_impl.h"
#include "read/scan.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

static const char *node_key(const void *ctx, uint32_t v, size_t *len)
{
	const struct dv_infer *inf = ctx;

	*len = inf->nodes[v]->lk_len;
	return inf->nodes[v]->lk;
}

dv_infer *dv_infer_new(const dv_infer_opts *opts)
{
	dv_infer *inf = dv_calloc(1, sizeof(*inf));

	if (!inf)
		return NULL;
	inf->o = *opts;
	if (dv_strmap_init(&inf->index, 64, node_key, inf) != DCVAL_OK) {
		dv_free(inf);
		return NULL;
	}
	return inf;
}

void dv_infer_free(dv_infer *inf)
{
	size_t i;

	if (!inf)
		return;
	for (i = 0; i < inf->n_nodes; i++) {
		dv_icol_release(&inf->nodes[i]->col);
		dv_free(inf->nodes[i]->key);
		dv_free(inf->nodes[i]->lk);
		dv_free(inf->nodes[i]);
	}
	dv_free(inf->nodes);
	dv_strmap_release(&inf->index);
	dv_free(inf->fmap);
	dv_free(inf->first_path);
	dv_free(inf);
}

uint64_t dv_infer_records(const dv_infer *inf)
{
	return inf->good;
}

uint64_t dv_infer_bad_records(const dv_infer *inf)
{
	return inf->bad;
}

/* A bigger index once the map is full. */
static dcval_status index_grow(dv_infer *inf)
{
	dv_strmap m;
	dcval_status st;
	uint32_t i;

	st = dv_strmap_init(&m, inf->index.max * 2, node_key, inf);
	if (st != DCVAL_OK)
		return st;
	for (i = 0; i < inf->n_nodes; i++)
		dv_strmap_add(&m, i, NULL);
	dv_strmap_release(&inf->index);
	inf->index = m;
	return DCVAL_OK;
}

static dcval_status node_new(dv_infer *inf, uint32_t parent, const char *key,
			     size_t len, const char *lk, size_t lk_len)
{
	dv_inode *n, **arr;

	if (inf->n_nodes == inf->alloc_nodes) {
		size_t a = inf->alloc_nodes ? inf->alloc_nodes * 2 : 16;

		arr = dv_reallocarray(inf->nodes, a, sizeof(*arr));
		if (!arr)
			return DCVAL_ENOMEM;
		inf->nodes = arr;
		inf->alloc_nodes = a;
	}
	if (inf->index.count + 1 > inf->index.max &&
	    index_grow(inf) != DCVAL_OK)
		return DCVAL_ENOMEM;
	n = dv_calloc(1, sizeof(*n));
	if (!n)
		return DCVAL_ENOMEM;
	n->parent = parent;
	n->depth = parent == DV_INODE_TOP ? 1 : inf->nodes[parent]->depth + 1;
	n->key = dv_strndup(key, len);
	n->key_len = len;
	n->lk = dv_malloc(lk_len);
	n->lk_len = lk_len;
	dv_icol_init(&n->col, inf->o.enum_max, inf->o.bounds);
	inf->nodes[inf->n_nodes] = n;
	if (!n->key || !n->lk) {
		inf->n_nodes++;
		return DCVAL_ENOMEM;
	}
	memcpy(n->lk, lk, lk_len);
	if (parent != DV_INODE_TOP)
		inf->nodes[parent]->has_child = true;
	dv_strmap_add(&inf->index, (uint32_t)inf->n_nodes, NULL);
	inf->n_nodes++;
	return DCVAL_OK;
}

dcval_status dv_infer_node(dv_infer *inf, uint32_t parent, const char *key,
			   size_t len, uint32_t *idx, bool *found)
{
	char small[256], *lk = small;
	size_t lk_len = 4 + len;
	dcval_status st = DCVAL_OK;

	*found = false;
	if (lk_len > sizeof(small) && !(lk = dv_malloc(lk_len)))
		return DCVAL_ENOMEM;
	memcpy(lk, &parent, 4);
	memcpy(lk + 4, key, len);
	if (dv_strmap_find(&inf->index, lk, lk_len, idx)) {
		*found = true;
	} else if (inf->n_nodes < DV_INFER_MAX_COLUMNS) {
		st = node_new(inf, parent, key, len, lk, lk_len);
		*idx = (uint32_t)inf->n_nodes - 1;
		*found = st == DCVAL_OK;
	}
	if (lk != small)
		dv_free(lk);
	return st;
}

/* A record is done: count it, and stop at --records. */
static dcval_status record_done(dv_infer *inf, bool good)
{
	inf->records++;
	if (good)
		inf->good++;
	else
		inf->bad++;
	if (inf->o.records && inf->records >= inf->o.records) {
		inf->done = true;
		return DCVAL_STOP;
	}
	return DCVAL_OK;
}

static dcval_status on_bad(void *ctx, uint64_t record, uint64_t line,
			   uint64_t col, const char *detail, bool ends)
{
	dv_infer *inf = ctx;

	if (inf->o.bad)
		inf->o.bad(inf->o.bad_ctx, inf->path, record, line, col, detail);
	if (ends && !record) {
		inf->bad++;
		return DCVAL_OK;
	}
	return record_done(inf, false);
}

/* ---- csv ---- */

/* Whether the header row's names can be the columns' names. */
static bool names_usable(const dv_csvrow *row)
{
	size_t i, j;

	for (i = 0; i < row->nf; i++) {
		const char *a = row->buf + row->off[i];

		if (!row->len[i] || memchr(a, 0, row->len[i]))
			return false;
		for (j = 0; j < i; j++)
			if (row->len[j] == row->len[i] &&
			    !memcmp(row->buf + row->off[j], a, row->len[i]))
				return false;
	}
	return true;
}

static bool row_utf8(const dv_csvrow *row, size_t *bad)
{
	size_t i;

	for (i = 0; !row->ascii && i < row->nf; i++) {
		if (dv_utf8_valid_prefix(row->buf + row->off[i], row->len[i]) !=
		    row->len[i]) {
			*bad = i;
			return false;
		}
	}
	return true;
}

/* Column names without a usable header: the header's name when it is
 * usable and not taken, else column_N (N its 1-based position). */
static dcval_status positional_names(dv_infer *inf, const dv_csvrow *row)
{
	char name[72];
	dcval_status st = DCVAL_OK;
	uint32_t idx;
	bool found;
	size_t i;

	inf->fmap = dv_calloc(row->nf, sizeof(*inf->fmap));
	if (!inf->fmap)
		return DCVAL_ENOMEM;
	inf->fmap_n = inf->width = row->nf;
	for (i = 0; i < row->nf && st == DCVAL_OK; i++) {
		const char *s = row->buf + row->off[i];
		size_t len = row->len[i];

		if (len && !memchr(s, 0, len)) {
			st = dv_infer_node(inf, DV_INODE_TOP, s, len, &idx, &found);
			if (st == DCVAL_OK && found &&
			    inf->nodes[idx]->present + inf->nodes[idx]->csv_files) {
				found = false;  /* a repeat: named by position */
			} else if (st == DCVAL_OK && found) {
				inf->nodes[idx]->csv_files = 1;
				inf->fmap[i] = idx;
				continue;
			}
		}
		if (st != DCVAL_OK)
			break;
		snprintf(name, sizeof(name), "column_%zu", i + 1);
		st = dv_infer_node(inf, DV_INODE_TOP, name, strlen(name), &idx,
				   &found);
		if (st == DCVAL_OK && found &&
		    inf->nodes[idx]->csv_files) {
			/* column_N was a header name: take column_N_N */
			snprintf(name, sizeof(name), "column_%zu_%zu", i + 1, i + 1);
			st = dv_infer_node(inf, DV_INODE_TOP, name, strlen(name),
					   &idx, &found);
		}
		if (st == DCVAL_OK) {
			inf->nodes[idx]->csv_files = 1;
			inf->fmap[i] = idx;
		}
	}
	return st;
}

static dcval_status csv_header(dv_infer *inf, const dv_csvrow *row)
{
	dcval_status st = DCVAL_OK;
	bool found;
	size_t i, bad;

	if (!row_utf8(row, &bad)) {
		inf->skip_rows = true;
		return on_bad(inf, 0, row->line, bad + 1,
			      "header name is not valid UTF-8", true);
	}
	if (!names_usable(row)) {
		inf->skip_rows = true;
		return on_bad(inf, 0, row->line, 1,
			      "header has a blank or repeated name, and an earlier csv input's header did not",
			      true);
	}
	inf->csv_header_files++;
	inf->fmap = dv_calloc(row->nf, sizeof(*inf->fmap));
	if (!inf->fmap)
		return DCVAL_ENOMEM;
	inf->fmap_n = row->nf;
	for (i = 0; i < row->nf && st == DCVAL_OK; i++) {
		st = dv_infer_node(inf, DV_INODE_TOP, row->buf + row->off[i],
				   row->len[i], &inf->fmap[i], &found);
		if (st == DCVAL_OK && !found)
			return DCVAL_ELIMIT;
		if (st == DCVAL_OK)
			inf->nodes[inf->fmap[i]]->csv_files++;
	}
	return st;
}

static dcval_status csv_record(dv_infer *inf, const dv_csvrow *row,
			       uint64_t record)
{
	char detail[96];
	dcval_status st = DCVAL_OK;
	size_t i, bad;

	if (row->nf != inf->fmap_n) {
		snprintf(detail, sizeof(detail), "row has %zu field%s, the %s %zu",
			 row->nf, row->nf == 1 ? "" : "s",
			 inf->positional ? "contract declares" : "header",
			 inf->fmap_n);
		return on_bad(inf, record, row->line,
			      row->nf < inf->fmap_n ? row->nf + 1 : inf->fmap_n + 1,
			      detail, false);
	}
	if (!row_utf8(row, &bad))
		return on_bad(inf, record, row->line, bad + 1,
			      "is not valid UTF-8", false);
	for (i = 0; i < row->nf && st == DCVAL_OK; i++) {
		dv_inode *n = inf->nodes[inf->fmap[i]];

		if (!row->len[i])
			continue;
		n->present++;
		n->saw_other = true;
		st = dv_icol_text(&n->col, row->buf + row->off[i], row->len[i]);
	}
	return st == DCVAL_OK ? record_done(inf, true) : st;
}

static dcval_status on_row(void *ctx, const dv_csvrow *row, uint64_t record)
{
	dv_infer *inf = ctx;
	dcval_status st;

	if (record == 0 && !inf->positional && !inf->csv_header_files &&
	    !inf->fmap_n) {
		size_t bad;

		/* the first csv input: its header decides the mode */
		if (row_utf8(row, &bad) && !names_usable(row)) {
			inf->positional = true;
			inf->shift = true;
			st = positional_names(inf, row);
			return st == DCVAL_OK ? csv_record(inf, row, 1) : st;
		}
	}
	if (record == 0 && !inf->positional)
		return csv_header(inf, row);
	if (inf->skip_rows)
		return record_done(inf, false);
	return csv_record(inf, row, inf->shift ? record + 1 : record);
}

/* ---- JSON ---- */

static dcval_status json_object(dv_infer *inf, const dv_jdoc *d, size_t obj,
				uint32_t parent);

/* One member value, node v of d, of the key at node idx. */
static dcval_status json_value(dv_infer *inf, const dv_jdoc *d, size_t v,
			       uint32_t idx)
{
	dv_inode *n = inf->nodes[idx];

	if (d->nodes[v].type == DV_J_NULL)
		return DCVAL_OK;
	n->present++;
	if (d->nodes[v].type == DV_J_OBJECT && n->depth < DV_CC_MAX_PATH) {
		n->saw_obj = true;
		if (!n->saw_other) {
			n->obj_unfed++;
			return json_object(inf, d, v, idx);
		}
		dcval_status st = dv_icol_json(&n->col, d, v);

		return st == DCVAL_OK ? json_object(inf, d, v, idx) : st;
	}
	if (d->nodes[v].type == DV_J_OBJECT)
		n->saw_obj = true;
	n->saw_other = true;
	return dv_icol_json(&n->col, d, v);
}

static dcval_status json_object(dv_infer *inf, const dv_jdoc *d, size_t obj,
				uint32_t parent)
{
	size_t end = d->nodes[obj].len, k = obj + 1, len;
	dcval_status st = DCVAL_OK;
	const char *key;
	uint32_t idx;
	bool found;

	while (k < end && st == DCVAL_OK) {
		key = dv_jdoc_bytes(d, k, &len);
		if (!len || memchr(key, 0, len)) {
			inf->extra_ignore = true;
		} else {
			st = dv_infer_node(inf, parent, key, len, &idx, &found);
			if (st == DCVAL_OK && !found)
				inf->extra_ignore = true;
			else if (st == DCVAL_OK)
				st = json_value(inf, d, k + 1, idx);
		}
		k = dv_jdoc_next(d, k + 1);
	}
	return st;
}

static dcval_status on_json(void *ctx, const dv_jdoc *d, uint64_t record,
			    uint64_t line)
{
	dv_infer *inf = ctx;
	dcval_status st;

	(void)record;
	(void)line;
	st = json_object(inf, d, 0, DV_INODE_TOP);
	return st == DCVAL_OK ? record_done(inf, true) : st;
}

dcval_status dv_infer_input(dv_infer *inf, const char *path, FILE *in,
			    dcval_error *err)
{
	dv_scan_cb cb = { on_row, on_json, on_bad, inf };
	dv_scan_info info;
	dcval_status st;

	if (inf->done)
		return DCVAL_OK;
	if (!inf->first_path && !(inf->first_path = dv_strndup(path, strlen(path))))
		return DCVAL_ENOMEM;
	inf->path = path;
	inf->skip_rows = false;
	inf->shift = false;
	if (!inf->positional) {
		/* positional: later inputs keep the first one's columns */
		dv_free(inf->fmap);
		inf->fmap = NULL;
		inf->fmap_n = 0;
	}
	st = dv_scan_input(path, in, inf->o.format, 0, !inf->positional, &cb,
			   &info, err);
	inf->inputs++;
	inf->formats |= 1u << info.format;
	if (st == DCVAL_ELIMIT)
		st = dv_error_set(err, DCVAL_ENOMEM, path, 0, 0,
				  "more than %d columns", DV_INFER_MAX_COLUMNS);
	return st;
}
