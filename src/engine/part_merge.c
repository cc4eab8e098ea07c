/*
 * Merging parts (part.h). The parts are opened in input order and their
 * meta read; dv_merge_run() then
 *   1. makes the parts' inputs and counts the run's,
 *   2. per key slot, merges the parts' sorted key lists k-way (a binary
 *      heap of one head per part, ties in part order): a key already met
 *      in an earlier part is a repeat on this part's first occurrence,
 *      exactly the violation one run would have reported there,
 *   3. replays each part's violations in order, each repeat put in
 *      before the violation the part had found next when the key was
 *      checked (ties in the order the part met the keys).
 * Memory: one key per part while merging (plus the repeats found, which
 * are violations); the parts' files stay open (one descriptor each).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "contract/contract_impl.h"
#include "engine/part_impl.h"
#include "util/alloc.h"
#include "util/error.h"
#include "value/ruleid.h"

struct mpart {
	const char *path;         /* as given (borrowed) */
	dv_pr r;                  /* its file */
	int64_t now_secs;
	int32_t now_ns;
	dcval_counts counts;
	dcval_input_info *inputs; /* paths owned */
	size_t n_inputs;
	size_t base;              /* index of its first input in the run */
	uint64_t n_violations;
	uint64_t *slot_off;       /* per slot: offset of its keys */
	uint64_t *slot_n;         /* per slot: keys */
	char *ds;                 /* dataset statistics' blob */
	size_t ds_len;
	char *drift;              /* drift state's blob */
	size_t drift_len;
};

struct dv_merge {
	const dcval_contract *c;
	struct mpart *parts;
	size_t n;
	size_t n_slots;
};

/* One head of the k-way merge: the part's next key entry. */
struct head {
	dv_buf key;
	dv_buf text;
	dv_part_first f;
	uint64_t left;            /* entries after this one */
};

/* A cross-part repeat, replayed in its part's order. */
struct repeat {
	size_t part;
	size_t slot;
	dv_part_first f;
	char *text;
	size_t text_len;
};

struct repeats {
	struct repeat *r;
	size_t n, alloc;
};

static void release_part(struct mpart *p)
{
	size_t i;

	for (i = 0; p->inputs && i < p->n_inputs; i++)
		dv_free((char *)p->inputs[i].path);
	dv_free(p->inputs);
	dv_free(p->slot_off);
	dv_free(p->slot_n);
	dv_free(p->ds);
	dv_free(p->drift);
	if (p->r.f)
		fclose(p->r.f);
}

void dv_merge_free(dv_merge *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->n; i++)
		release_part(&m->parts[i]);
	dv_free(m->parts);
	dv_free(m);
}

void dv_merge_now(const dv_merge *m, int64_t *secs, int32_t *ns)
{
	*secs = m->n ? m->parts[0].now_secs : 0;
	*ns = m->n ? m->parts[0].now_ns : 0;
}

static void read_counts(dv_pr *r, dcval_counts *c)
{
	c->records = dv_pr_u64(r);
	c->invalid_records = dv_pr_u64(r);
	c->errors = dv_pr_u64(r);
	c->warnings = dv_pr_u64(r);
}

/* Magic, version, contract; the footer. EUSAGE or EIO with err set. */
static dcval_status read_header(dv_merge *m, struct mpart *p, dcval_error *err)
{
	char magic[8], sha[65], end[8];
	uint32_t version;
	uint64_t meta;

	dv_pr_bytes(&p->r, magic, 8);
	version = dv_pr_u32(&p->r);
	dv_pr_bytes(&p->r, sha, 64);
	sha[64] = '\0';
	if (p->r.bad || memcmp(magic, DV_PART_MAGIC, 8))
		return dv_error_set(err, DCVAL_EUSAGE, p->path, 0, 0,
				    "not a dcval part");
	if (version != DV_PART_VERSION)
		return dv_error_set(err, DCVAL_EUSAGE, p->path, 0, 0,
				    "part format version %lu; this dcval reads version %u",
				    (unsigned long)version, DV_PART_VERSION);
	if (strcmp(sha, dcval_contract_sha256(m->c)))
		return dv_error_set(err, DCVAL_EUSAGE, p->path, 0, 0,
				    "made with another contract (sha256 %.12s..., the contract's is %.12s...)",
				    sha, dcval_contract_sha256(m->c));
	if (fseeko(p->r.f, -(off_t)DV_PART_FOOTER_BYTES, SEEK_END) != 0)
		p->r.bad = true;
	meta = dv_pr_u64(&p->r);
	p->n_violations = dv_pr_u64(&p->r);
	dv_pr_bytes(&p->r, end, 8);
	if (p->r.bad || memcmp(end, DV_PART_END, 8) ||
	    fseeko(p->r.f, (off_t)meta, SEEK_SET) != 0)
		return dv_error_set(err, DCVAL_EIO, p->path, 0, 0,
				    "truncated or corrupt part");
	return DCVAL_OK;
}

/* One input's record of the meta section. */
static dcval_status read_input(dv_pr *r, dcval_input_info *in, dv_buf *b)
{
	dv_pr_str(r, b, DV_PART_MAX_STR);
	if (r->bad)
		return DCVAL_EIO;
	in->path = dv_strndup(b->data, b->len);
	if (!in->path)
		return DCVAL_ENOMEM;
	in->format = (dcval_format)dv_pr_u32(r);
	in->compression = (dcval_compression)dv_pr_u32(r);
	in->bytes = dv_pr_u64(r);
	read_counts(r, &in->counts);
	in->status = (dcval_status)dv_pr_u32(r);
	dv_pr_str(r, b, sizeof(in->error) - 1);
	memcpy(in->error, b->data ? b->data : "", b->len + (b->data != NULL));
	in->error[b->len] = '\0';
	return r->bad ? DCVAL_EIO : DCVAL_OK;
}

/* A copy of a state blob read into b. */
static dcval_status keep_blob(const dv_buf *b, char **out, size_t *len)
{
	*len = b->len;
	if (!b->len)
		return DCVAL_OK;
	*out = dv_malloc(b->len);
	if (!*out)
		return DCVAL_ENOMEM;
	memcpy(*out, b->data, b->len);
	return DCVAL_OK;
}

/* The meta section, after read_header(). */
static dcval_status read_meta(dv_merge *m, struct mpart *p, dv_buf *b)
{
	dcval_status st = DCVAL_OK;
	size_t i;
	uint32_t n;

	p->now_secs = (int64_t)dv_pr_u64(&p->r);
	p->now_ns = (int32_t)dv_pr_u32(&p->r);
	read_counts(&p->r, &p->counts);
	n = dv_pr_u32(&p->r);
	if (p->r.bad || n > (1u << 24))
		return DCVAL_EIO;
	p->inputs = dv_calloc(n ? n : 1, sizeof(*p->inputs));
	if (!p->inputs)
		return DCVAL_ENOMEM;
	for (i = 0; i < n && st == DCVAL_OK; i++, p->n_inputs++)
		st = read_input(&p->r, &p->inputs[i], b);
	if (st != DCVAL_OK)
		return st;
	dv_pr_str(&p->r, b, DV_PART_MAX_STR); /* dataset statistics */
	if (p->r.bad)
		return DCVAL_EIO;
	if (keep_blob(b, &p->ds, &p->ds_len) != DCVAL_OK)
		return DCVAL_ENOMEM;
	dv_pr_str(&p->r, b, DV_PART_MAX_STR); /* drift state */
	if (p->r.bad)
		return DCVAL_EIO;
	if (keep_blob(b, &p->drift, &p->drift_len) != DCVAL_OK)
		return DCVAL_ENOMEM;
	if (dv_pr_u32(&p->r) != m->n_slots || p->r.bad)
		return DCVAL_EIO;
	p->slot_off = dv_calloc(m->n_slots, sizeof(*p->slot_off));
	p->slot_n = dv_calloc(m->n_slots, sizeof(*p->slot_n));
	if (!p->slot_off || !p->slot_n)
		return DCVAL_ENOMEM;
	for (i = 0; i < m->n_slots; i++) {
		p->slot_off[i] = dv_pr_u64(&p->r);
		p->slot_n[i] = dv_pr_u64(&p->r);
	}
	return p->r.bad ? DCVAL_EIO : DCVAL_OK;
}

static dcval_status open_part(dv_merge *m, struct mpart *p, dv_buf *b,
			      dcval_error *err)
{
	dcval_status st;

	p->r.f = fopen(p->path, "rb");
	if (!p->r.f)
		return dv_error_set(err, DCVAL_EIO, p->path, 0, 0,
				    "cannot open: %s", strerror(errno));
	st = read_header(m, p, err);
	if (st == DCVAL_OK)
		st = read_meta(m, p, b);
	if (st == DCVAL_EIO)
		dv_error_set(err, st, p->path, 0, 0, "truncated or corrupt part");
	else if (st == DCVAL_ENOMEM)
		dv_error_set(err, st, NULL, 0, 0, "out of memory");
	return st;
}

dv_merge *dv_merge_open(const dcval_contract *c, char *const *paths,
			size_t n, dcval_error *err)
{
	dv_merge *m = dv_calloc(1, sizeof(*m));
	dcval_status st = DCVAL_OK;
	dv_buf b;
	size_t i;

	if (!m || !(m->parts = dv_calloc(n ? n : 1, sizeof(*m->parts)))) {
		dv_free(m);
		dv_error_set(err, DCVAL_ENOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	m->c = c;
	m->n_slots = c->n_columns + 1;
	dv_buf_init(&b, DV_PART_MAX_STR);
	for (i = 0; i < n && st == DCVAL_OK; i++, m->n++) {
		m->parts[i].path = paths[i];
		st = open_part(m, &m->parts[i], &b, err);
	}
	dv_buf_release(&b);
	if (st == DCVAL_OK)
		return m;
	dv_merge_free(m);
	return NULL;
}

/* ---- k-way merge of one slot's keys ---- */

/* Read the next entry of part p into h; false at the end or on error. */
static bool head_next(struct mpart *p, struct head *h)
{
	dv_pr *r = &p->r;

	if (!h->left)
		return false;
	h->left--;
	dv_pr_str(r, &h->key, DV_PART_MAX_STR);
	h->f.input = dv_pr_u32(r);
	h->f.record = dv_pr_u64(r);
	h->f.line = dv_pr_u64(r);
	h->f.field = dv_pr_u32(r);
	h->f.before = dv_pr_u64(r);
	h->f.order = dv_pr_u64(r);
	h->f.has_error = dv_pr_u8(r) != 0;
	dv_pr_str(r, &h->text, DV_PART_MAX_STR);
	if (h->f.input >= p->n_inputs || h->f.before > p->n_violations)
		r->bad = true;
	return !r->bad;
}

/* Order of two heads: key bytes, then length, then part. */
static int head_cmp(const struct head *hs, size_t a, size_t b)
{
	const dv_buf *x = &hs[a].key, *y = &hs[b].key;
	size_t n = x->len < y->len ? x->len : y->len;
	int r = n ? memcmp(x->data, y->data, n) : 0;

	if (r)
		return r;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return (a > b) - (a < b);
}

static void sift_down(const struct head *hs, size_t *heap, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, min = i, t;

		if (l < n && head_cmp(hs, heap[l], heap[min]) < 0)
			min = l;
		if (l + 1 < n && head_cmp(hs, heap[l + 1], heap[min]) < 0)
			min = l + 1;
		if (min == i)
			return;
		t = heap[i];
		heap[i] = heap[min];
		heap[min] = t;
		i = min;
	}
}

static dcval_status add_repeat(struct repeats *rs, size_t part, size_t slot,
			       const struct head *h)
{
	struct repeat *r;

	if (rs->n == rs->alloc) {
		size_t n = rs->alloc ? rs->alloc * 2 : 64;

		r = dv_reallocarray(rs->r, n, sizeof(*r));
		if (!r)
			return DCVAL_ENOMEM;
		rs->r = r;
		rs->alloc = n;
	}
	r = &rs->r[rs->n];
	r->text = dv_strndup(h->text.data ? h->text.data : "", h->text.len);
	if (!r->text)
		return DCVAL_ENOMEM;
	r->part = part;
	r->slot = slot;
	r->f = h->f;
	r->text_len = h->text.len;
	rs->n++;
	return DCVAL_OK;
}

/* Start every part's head of slot s; *n the heads in the heap. */
static dcval_status start_heads(dv_merge *m, size_t s, struct head *hs,
				size_t *heap, size_t *n, size_t *bad)
{
	size_t i;

	*n = 0;
	for (i = 0; i < m->n; i++) {
		struct mpart *p = &m->parts[i];

		hs[i].left = p->slot_n[s];
		if (!hs[i].left)
			continue;
		if (fseeko(p->r.f, (off_t)p->slot_off[s], SEEK_SET) != 0 ||
		    !head_next(p, &hs[i])) {
			*bad = i;
			return DCVAL_EIO;
		}
		heap[(*n)++] = i;
	}
	for (i = *n / 2; i-- > 0;)
		sift_down(hs, heap, *n, i);
	return DCVAL_OK;
}

/* Merge slot s: every key met before in an earlier part is a repeat. */
static dcval_status merge_slot(dv_merge *m, size_t s, struct head *hs,
			       size_t *heap, struct repeats *rs, size_t *bad)
{
	dv_buf last;
	size_t n, top;
	bool have_last = false;
	dcval_status st = start_heads(m, s, hs, heap, &n, bad);

	dv_buf_init(&last, DV_PART_MAX_STR);
	while (st == DCVAL_OK && n) {
		top = heap[0];
		if (have_last && last.len == hs[top].key.len &&
		    !memcmp(last.data, hs[top].key.data, last.len)) {
			st = add_repeat(rs, top, s, &hs[top]);
		} else {
			dv_buf_reset(&last);
			st = dv_buf_append(&last, hs[top].key.data, hs[top].key.len);
			have_last = true;
		}
		if (st == DCVAL_OK && !head_next(&m->parts[top], &hs[top])) {
			if (m->parts[top].r.bad) {
				*bad = top;
				st = DCVAL_EIO;
			}
			heap[0] = heap[--n];
		}
		sift_down(hs, heap, n, 0);
	}
	dv_buf_release(&last);
	return st;
}

static int repeat_cmp(const void *a, const void *b)
{
	const struct repeat *x = a, *y = b;

	if (x->part != y->part)
		return x->part < y->part ? -1 : 1;
	if (x->f.before != y->f.before)
		return x->f.before < y->f.before ? -1 : 1;
	return (x->f.order > y->f.order) - (x->f.order < y->f.order);
}

/* Every slot's repeats, sorted in replay order. */
static dcval_status find_repeats(dv_merge *m, struct repeats *rs,
				 dcval_error *err)
{
	struct head *hs = dv_calloc(m->n, sizeof(*hs));
	size_t *heap = dv_calloc(m->n, sizeof(*heap));
	dcval_status st = hs && heap ? DCVAL_OK : DCVAL_ENOMEM;
	size_t i, s, bad = 0;

	for (i = 0; hs && i < m->n; i++) {
		dv_buf_init(&hs[i].key, DV_PART_MAX_STR);
		dv_buf_init(&hs[i].text, DV_PART_MAX_STR);
	}
	for (s = 0; s < m->n_slots && st == DCVAL_OK; s++)
		st = merge_slot(m, s, hs, heap, rs, &bad);
	for (i = 0; hs && i < m->n; i++) {
		dv_buf_release(&hs[i].key);
		dv_buf_release(&hs[i].text);
	}
	dv_free(hs);
	dv_free(heap);
	if (st == DCVAL_EIO)
		dv_error_set(err, st, m->parts[bad].path, 0, 0,
			     "truncated or corrupt part");
	else if (st == DCVAL_ENOMEM)
		dv_error_set(err, st, NULL, 0, 0, "out of memory");
	if (st == DCVAL_OK && rs->n)
		qsort(rs->r, rs->n, sizeof(*rs->r), repeat_cmp);
	return st;
}

/* ---- replay ---- */

/* Scratch of the replay: the strings of one violation, the last record
 * a repeat made invalid. */
struct replay {
	dv_buf rule, column, value, detail;
	size_t inv_part;
	uint64_t inv_input;
	uint64_t inv_record;
	bool inv_set;
};

/* A repeat of the replay: the violation one run reports there. */
static dcval_status put_repeat(dv_merge *m, struct dcval_validator *v,
			       const struct repeat *r, struct replay *x)
{
	const struct mpart *p = &m->parts[r->part];
	size_t in = p->base + r->f.input;
	const dcval_input_info *inputs;
	dcval_violation viol;
	bool is_pk, invalid;
	size_t n;

	inputs = dv_part_state_inputs(v, &n);
	memset(&viol, 0, sizeof(viol));
	dv_part_state_slot_rule(v, r->slot, &viol.severity, &viol.column,
				&viol.redacted, &is_pk);
	viol.path = inputs[in].path;
	viol.format = inputs[in].format;
	viol.record = r->f.record;
	viol.line = r->f.line;
	viol.field = r->f.field;
	viol.rule = dv_rule_id(is_pk ? DV_R_PRIMARY_KEY : DV_R_UNIQUE);
	viol.value = r->text;
	viol.value_len = r->text_len;
	viol.detail = is_pk ? "repeats an earlier primary key"
			    : "repeats an earlier value";
	invalid = !r->f.has_error &&
		  !(x->inv_set && x->inv_part == r->part &&
		    x->inv_input == r->f.input && x->inv_record == r->f.record);
	if (invalid && viol.severity == DCVAL_SEVERITY_ERROR) {
		x->inv_set = true;
		x->inv_part = r->part;
		x->inv_input = r->f.input;
		x->inv_record = r->f.record;
	}
	return dv_part_state_repeat(v, in, &viol, invalid);
}

/* Read violation of part p; NULL strings for what it lacks. */
static bool read_violation(struct mpart *p, struct replay *x,
			   dcval_violation *viol, uint32_t *input)
{
	dv_pr *r = &p->r;
	uint8_t sev, flags;

	memset(viol, 0, sizeof(*viol));
	*input = dv_pr_u32(r);
	viol->record = dv_pr_u64(r);
	viol->line = dv_pr_u64(r);
	viol->field = dv_pr_u32(r);
	sev = dv_pr_u8(r);
	flags = dv_pr_u8(r);
	viol->severity = sev ? DCVAL_SEVERITY_WARN : DCVAL_SEVERITY_ERROR;
	viol->redacted = flags & 1;
	dv_pr_str(r, &x->rule, DV_PART_MAX_STR);
	viol->rule = x->rule.data ? x->rule.data : "";
	if (flags & 2) {
		dv_pr_str(r, &x->column, DV_PART_MAX_STR);
		viol->column = x->column.data ? x->column.data : "";
	}
	if (flags & 4) {
		dv_pr_str(r, &x->value, DV_PART_MAX_STR);
		viol->value = x->value.data ? x->value.data : "";
		viol->value_len = x->value.len;
	}
	if (flags & 8) {
		dv_pr_str(r, &x->detail, DV_PART_MAX_STR);
		viol->detail = x->detail.data ? x->detail.data : "";
	}
	if (*input >= p->n_inputs || sev > 1 || flags >= 16)
		r->bad = true;
	return !r->bad;
}

/* Part i's violations with its repeats rs[*k..) put in. */
static dcval_status replay_part(dv_merge *m, size_t i, struct dcval_validator *v,
				const struct repeats *rs, size_t *k,
				struct replay *x)
{
	struct mpart *p = &m->parts[i];
	const dcval_input_info *inputs;
	dcval_violation viol;
	dcval_status st = DCVAL_OK;
	uint64_t j;
	uint32_t in;
	size_t n;

	if (fseeko(p->r.f, DV_PART_HEADER_BYTES, SEEK_SET) != 0)
		return DCVAL_EIO;
	inputs = dv_part_state_inputs(v, &n);
	for (j = 0; j <= p->n_violations && st == DCVAL_OK; j++) {
		while (st == DCVAL_OK && *k < rs->n && rs->r[*k].part == i &&
		       rs->r[*k].f.before <= j)
			st = put_repeat(m, v, &rs->r[(*k)++], x);
		if (st != DCVAL_OK || j == p->n_violations)
			break;
		if (!read_violation(p, x, &viol, &in))
			return DCVAL_EIO;
		viol.path = inputs[p->base + in].path;
		viol.format = inputs[p->base + in].format;
		st = dv_part_state_replay(v, &viol);
	}
	return st;
}

/* Merge a state blob of a part into v (fmemopen). */
static dcval_status load_blob(struct dcval_validator *v, char *blob, size_t len,
			      dcval_status (*load)(struct dcval_validator *, FILE *))
{
	FILE *f;
	dcval_status st;

	if (!len)
		return DCVAL_OK;
	f = fmemopen(blob, len, "rb");
	if (!f)
		return DCVAL_ENOMEM;
	st = load(v, f);
	if (st == DCVAL_OK && fgetc(f) != EOF)
		st = DCVAL_EIO; /* bytes left over */
	fclose(f);
	return st;
}

/* The parts' inputs, counts and statistics become v's. */
static dcval_status take_inputs(dv_merge *m, struct dcval_validator *v,
				dcval_error *err)
{
	dcval_status st = DCVAL_OK;
	size_t i, k, n;

	for (i = 0; i < m->n && st == DCVAL_OK; i++) {
		struct mpart *p = &m->parts[i];

		dv_part_state_inputs(v, &n);
		p->base = n;
		for (k = 0; k < p->n_inputs && st == DCVAL_OK; k++)
			st = dv_part_state_add_input(v, &p->inputs[k]);
		dv_part_state_add_counts(v, &p->counts);
		if (st == DCVAL_OK)
			st = load_blob(v, p->ds, p->ds_len, dv_part_state_ds_load);
		if (st == DCVAL_OK)
			st = load_blob(v, p->drift, p->drift_len,
				       dv_part_state_drift_load);
		if (st == DCVAL_EIO)
			dv_error_set(err, st, p->path, 0, 0,
				     "truncated or corrupt part");
	}
	return st;
}

static void release_repeats(struct repeats *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		dv_free(rs->r[i].text);
	dv_free(rs->r);
}

dcval_status dv_merge_run(dv_merge *m, struct dcval_validator *v,
			  dcval_error *err)
{
	struct repeats rs = { NULL, 0, 0 };
	struct replay x;
	dcval_status st = take_inputs(m, v, err);
	size_t i, k = 0;

	memset(&x, 0, sizeof(x));
	dv_buf_init(&x.rule, DV_PART_MAX_STR);
	dv_buf_init(&x.column, DV_PART_MAX_STR);
	dv_buf_init(&x.value, DV_PART_MAX_STR);
	dv_buf_init(&x.detail, DV_PART_MAX_STR);
	if (st == DCVAL_OK)
		st = find_repeats(m, &rs, err);
	for (i = 0; i < m->n && st == DCVAL_OK; i++) {
		st = replay_part(m, i, v, &rs, &k, &x);
		if (st == DCVAL_EIO && !m->parts[i].r.bad && !ferror(m->parts[i].r.f))
			break; /* the callback's write error */
		if (st == DCVAL_EIO)
			dv_error_set(err, st, m->parts[i].path, 0, 0,
				     "truncated or corrupt part");
	}
	if (st == DCVAL_ENOMEM)
		dv_error_set(err, st, NULL, 0, 0, "out of memory");
	release_repeats(&rs);
	dv_buf_release(&x.rule);
	dv_buf_release(&x.column);
	dv_buf_release(&x.value);
	dv_buf_release(&x.detail);
	return st;
}
