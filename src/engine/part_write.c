/*
 * Writing a part (part.h): the header at once, each violation as it is
 * found, and when the inputs are read the first occurrences of the keys
 * (kept in memory until then, encoded as in the file, sorted by key),
 * the meta section and the footer.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "engine/part_impl.h"
#include "util/alloc.h"
#include "util/sortk.h"

/* Key entry layout: str key, then these fixed fields, then str text. */
#define FIXED_BYTES (4 + 8 + 8 + 4 + 8 + 8 + 1)
#define HAS_ERROR_AT (FIXED_BYTES - 1)

struct dv_part {
	dv_pw w;                  /* the part file */
	const dcval_contract *c;
	dcval_violation_fn next;  /* the report, or NULL */
	void *next_ud;
	struct dcval_validator *v;
	uint64_t n_violations;    /* violations written */
	size_t n_slots;
	dv_buf *keys;             /* per slot: key entries, encoded */
	uint64_t *n_keys;         /* per slot: entries */
	size_t *last;             /* per slot: offset of the last entry */
	uint64_t order;           /* entries recorded */
	bool finished;            /* dv_part_finish() ran */
};

dv_part *dv_part_new(FILE *out, const dcval_contract *c,
		     dcval_violation_fn next, void *next_ud)
{
	dv_part *p = dv_calloc(1, sizeof(*p));
	const char *sha = dcval_contract_sha256(c);

	if (!p)
		return NULL;
	p->w.f = out;
	p->c = c;
	p->next = next;
	p->next_ud = next_ud;
	dv_pw_bytes(&p->w, DV_PART_MAGIC, 8);
	dv_pw_u32(&p->w, DV_PART_VERSION);
	dv_pw_bytes(&p->w, sha, 64);
	return p;
}

void dv_part_free(dv_part *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; p->keys && i < p->n_slots; i++)
		dv_buf_release(&p->keys[i]);
	dv_free(p->keys);
	dv_free(p->n_keys);
	dv_free(p->last);
	dv_free(p);
}

void dv_part_attach(dv_part *p, dcval_validator *v)
{
	size_t i;

	p->v = v;
	p->n_slots = dv_part_state_slots(v);
	p->keys = dv_calloc(p->n_slots, sizeof(*p->keys));
	p->n_keys = dv_calloc(p->n_slots, sizeof(*p->n_keys));
	p->last = dv_calloc(p->n_slots, sizeof(*p->last));
	if (!p->keys || !p->n_keys || !p->last) {
		p->n_slots = 0; /* dv_part_add_key() then fails: ENOMEM */
		return;
	}
	for (i = 0; i < p->n_slots; i++)
		dv_buf_init(&p->keys[i], (size_t)1 << 40);
	dv_part_state_attach(v, p);
}

static uint8_t flags_of(const dcval_violation *v)
{
	return (uint8_t)((v->redacted ? 1 : 0) | (v->column ? 2 : 0) |
			 (v->value ? 4 : 0) | (v->detail ? 8 : 0));
}

dcval_status dv_part_violation(void *ud, const dcval_violation *v)
{
	dv_part *p = ud;
	dv_pw *w = &p->w;

	if (!v->dataset && !p->finished) {
		dv_pw_u32(w, dv_part_state_input(p->v));
		dv_pw_u64(w, v->record);
		dv_pw_u64(w, v->line);
		dv_pw_u32(w, v->field);
		dv_pw_u8(w, v->severity == DCVAL_SEVERITY_ERROR ? 0 : 1);
		dv_pw_u8(w, flags_of(v));
		dv_pw_str(w, v->rule, strlen(v->rule));
		if (v->column)
			dv_pw_str(w, v->column, strlen(v->column));
		if (v->value) /* a sensitive value never leaves the run */
			dv_pw_str(w, v->value, v->redacted ? 0 : v->value_len);
		if (v->detail)
			dv_pw_str(w, v->detail, strlen(v->detail));
		if (w->failed)
			return DCVAL_EIO;
		p->n_violations++;
	}
	return p->next ? p->next(p->next_ud, v) : DCVAL_OK;
}

uint64_t dv_part_next_order(const dv_part *p)
{
	return p->order;
}

dcval_status dv_part_add_key(dv_part *p, size_t slot, const void *key,
			     size_t key_len, const dv_part_first *f,
			     const char *text, size_t text_len)
{
	unsigned char *q;
	dv_buf *b;

	if (slot >= p->n_slots)
		return DCVAL_ENOMEM;
	if (key_len > DV_PART_MAX_STR || text_len > DV_PART_MAX_STR)
		return DCVAL_ELIMIT;
	b = &p->keys[slot];
	/* one reserve, then the fields in place: this runs once per key */
	if (dv_buf_reserve(b, 8 + key_len + FIXED_BYTES + text_len) != DCVAL_OK)
		return DCVAL_ENOMEM;
	p->last[slot] = b->len;
	q = (unsigned char *)b->data + b->len;
	dv_le32(q, (uint32_t)key_len);
	memcpy(q + 4, key, key_len);
	q += 4 + key_len;
	dv_le32(q, f->input);
	dv_le64(q + 4, f->record);
	dv_le64(q + 12, f->line);
	dv_le32(q + 20, f->field);
	dv_le64(q + 24, f->before);
	dv_le64(q + 32, f->order);
	q[HAS_ERROR_AT] = f->has_error;
	dv_le32(q + FIXED_BYTES, (uint32_t)text_len);
	if (text_len)
		memcpy(q + FIXED_BYTES + 4, text, text_len);
	b->len += 8 + key_len + FIXED_BYTES + text_len;
	b->data[b->len] = '\0';
	p->n_keys[slot]++;
	p->order++;
	return DCVAL_OK;
}

static uint32_t get32(const unsigned char *q)
{
	return (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 |
	       (uint32_t)q[3] << 24;
}

static uint64_t get64(const unsigned char *q)
{
	return (uint64_t)get32(q) | (uint64_t)get32(q + 4) << 32;
}

void dv_part_mark_record(dv_part *p, uint32_t input, uint64_t record,
			 bool has_error)
{
	size_t i;

	for (i = 0; i < p->n_slots; i++) {
		unsigned char *e = (unsigned char *)p->keys[i].data + p->last[i];
		unsigned char *fx;

		if (!p->n_keys[i])
			continue;
		fx = e + 4 + get32(e);
		if (get32(fx) == input && get64(fx + 4) == record)
			fx[HAS_ERROR_AT] = has_error;
	}
}

/* One entry of a slot, for sorting. */
struct entry {
	const unsigned char *key;
	uint32_t key_len;
	size_t len;      /* the whole entry's bytes */
};

static int entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	size_t n = x->key_len < y->key_len ? x->key_len : y->key_len;
	int r = n ? memcmp(x->key, y->key, n) : 0;

	if (r)
		return r;
	return (x->key_len > y->key_len) - (x->key_len < y->key_len);
}

/*
 * Write slot's entries sorted by key: a radix sort by each key's first 8
 * bytes (dv_sortk_prefix agrees with entry_cmp's order), then the keys of
 * a run with equal first bytes by the full comparison (keys of a slot
 * are distinct, so only keys longer than 8 bytes that share 8 meet there).
 */
static dcval_status write_slot(dv_part *p, size_t slot)
{
	const unsigned char *b = (const unsigned char *)p->keys[slot].data;
	struct entry *es, *run;
	dv_sortk *ord;
	size_t i, j, k, off = 0, n = (size_t)p->n_keys[slot];

	if (!n)
		return DCVAL_OK;
	es = dv_mallocarray(n, sizeof(*es));
	ord = dv_mallocarray(n, sizeof(*ord));
	run = dv_mallocarray(n, sizeof(*run));
	if (!es || !ord || !run) {
		dv_free(es);
		dv_free(ord);
		dv_free(run);
		return DCVAL_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		uint32_t kl = get32(b + off);
		uint32_t tl = get32(b + off + 4 + kl + FIXED_BYTES);

		es[i].key = b + off + 4;
		es[i].key_len = kl;
		es[i].len = 4 + (size_t)kl + FIXED_BYTES + 4 + tl;
		off += es[i].len;
		ord[i].key = dv_sortk_prefix(es[i].key, kl);
		ord[i].index = i;
	}
	if (dv_sortk_sort(ord, n) != DCVAL_OK) {
		dv_free(es);
		dv_free(ord);
		dv_free(run);
		return DCVAL_ENOMEM;
	}
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && ord[j].key == ord[i].key; j++)
			;
		for (k = i; k < j; k++)
			run[k - i] = es[ord[k].index];
		if (j - i > 1)
			qsort(run, j - i, sizeof(*run), entry_cmp);
		for (k = i; k < j; k++)
			dv_pw_bytes(&p->w, run[k - i].key - 4, run[k - i].len);
	}
	dv_free(es);
	dv_free(ord);
	dv_free(run);
	dv_buf_release(&p->keys[slot]);
	return DCVAL_OK;
}

static void write_counts(dv_pw *w, const dcval_counts *c)
{
	dv_pw_u64(w, c->records);
	dv_pw_u64(w, c->invalid_records);
	dv_pw_u64(w, c->errors);
	dv_pw_u64(w, c->warnings);
}

/* A state blob, built in memory (open_memstream), as one str. */
static void write_blob(dv_part *p, dcval_status (*save)(const struct dcval_validator *, FILE *))
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	dcval_status st = f ? save(p->v, f) : DCVAL_ENOMEM;

	if (f && fclose(f) != 0)
		st = DCVAL_ENOMEM;
	if (st != DCVAL_OK) {
		errno = ENOMEM;
		p->w.failed = true;
	}
	dv_pw_str(&p->w, buf, st == DCVAL_OK ? len : 0);
	free(buf);
}

static void write_meta(dv_part *p, const uint64_t *offsets)
{
	dv_part_meta m;
	dv_pw *w = &p->w;
	size_t i;

	dv_part_state_meta(p->v, &m);
	dv_pw_u64(w, (uint64_t)m.now_secs);
	dv_pw_u32(w, (uint32_t)m.now_ns);
	write_counts(w, &m.counts);
	dv_pw_u32(w, (uint32_t)m.n_inputs);
	for (i = 0; i < m.n_inputs; i++) {
		const dcval_input_info *in = &m.inputs[i];

		dv_pw_str(w, in->path, strlen(in->path));
		dv_pw_u32(w, (uint32_t)in->format);
		dv_pw_u32(w, (uint32_t)in->compression);
		dv_pw_u64(w, in->bytes);
		write_counts(w, &in->counts);
		dv_pw_u32(w, (uint32_t)in->status);
		dv_pw_str(w, in->error, strnlen(in->error, sizeof(in->error)));
	}
	write_blob(p, dv_part_state_ds_save);
	write_blob(p, dv_part_state_drift_save);
	dv_pw_u32(w, (uint32_t)p->n_slots);
	for (i = 0; i < p->n_slots; i++) {
		dv_pw_u64(w, offsets[i]);
		dv_pw_u64(w, p->n_keys[i]);
	}
}

dcval_status dv_part_finish(dv_part *p)
{
	uint64_t *offsets, meta;
	dcval_status st = DCVAL_OK;
	size_t i;

	p->finished = true;
	offsets = dv_calloc(p->n_slots + 1, sizeof(*offsets));
	if (!offsets)
		return DCVAL_ENOMEM;
	for (i = 0; i < p->n_slots && st == DCVAL_OK; i++) {
		offsets[i] = p->w.off;
		st = write_slot(p, i);
	}
	if (st == DCVAL_OK) {
		meta = p->w.off;
		write_meta(p, offsets);
		dv_pw_u64(&p->w, meta);
		dv_pw_u64(&p->w, p->n_violations);
		dv_pw_bytes(&p->w, DV_PART_END, 8);
		if (p->w.failed)
			st = DCVAL_EIO;
	}
	dv_free(offsets);
	return st;
}
