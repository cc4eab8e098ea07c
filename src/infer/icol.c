/*
 * Column inference state machine; see icol.h.
 */
#include <stdlib.h>
#include <string.h>

#include "infer/icol.h"
#include "util/alloc.h"
#include "value/decimal.h"
#include "value/keyset.h"
#include "value/strformat.h"
#include "value/types.h"
#include "value/vector.h"

const char *const dv_infer_tokens[DV_INFER_NTOK] = {
	"NA", "N/A", "null", "NULL", "None", "-"
};

#define BIT(c) (1u << (c))
#define TYPED_BITS (BIT(DV_IC_BOOLEAN) | BIT(DV_IC_INTEGER) | \
		    BIT(DV_IC_NUMBER) | BIT(DV_IC_DATE) | \
		    BIT(DV_IC_DATETIME) | BIT(DV_IC_TIME))
#define FMT_UUID 1u
#define FMT_EMAIL 2u

void dv_icol_init(dv_icol *c, unsigned enum_max, bool bounds)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	c->cand = (1u << DV_IC_COUNT) - 1;
	if (!DV_INFER_VECTORS)
		c->cand &= ~BIT(DV_IC_VECTOR);
	c->fmt = FMT_UUID | FMT_EMAIL;
	c->enum_max = enum_max;
	c->bounds = bounds;
	for (i = 0; i < DV_IC_COUNT; i++) {
		dv_buf_init(&c->lo[i].text, SIZE_MAX / 4);
		dv_buf_init(&c->hi[i].text, SIZE_MAX / 4);
	}
	dv_buf_init(&c->key, SIZE_MAX / 4);
}

static void enum_drop(dv_icol *c)
{
	size_t i;

	for (i = 0; i < c->n_en; i++)
		dv_free(c->en[i].s);
	dv_free(c->en);
	c->en = NULL;
	c->n_en = 0;
	c->en_over = true;
}

void dv_icol_release(dv_icol *c)
{
	size_t i;

	enum_drop(c);
	dv_keyset_free(c->raw);
	dv_keyset_free(c->typed);
	c->raw = c->typed = NULL;
	for (i = 0; i < DV_IC_COUNT; i++) {
		dv_buf_release(&c->lo[i].text);
		dv_buf_release(&c->hi[i].text);
	}
	dv_buf_release(&c->key);
}

int dv_infer_token(const char *s, size_t len)
{
	int i;

	for (i = 0; i < DV_INFER_NTOK; i++)
		if (strlen(dv_infer_tokens[i]) == len &&
		    !memcmp(dv_infer_tokens[i], s, len))
			return i;
	return -1;
}

/*
 * Add key[0..len) to *set unless it stopped; past the bounds the set is
 * dropped and *over set.
 */
static dcval_status key_add(struct dv_keyset **set, bool *over, bool fixed8,
			    const void *key, size_t len)
{
	dcval_status st;
	bool added;

	if (*over)
		return DCVAL_OK;
	if (!*set && !(*set = dv_keyset_new(fixed8)))
		return DCVAL_ENOMEM;
	st = dv_keyset_add(*set, key, len, &added);
	if (st != DCVAL_OK)
		return st;
	if (dv_keyset_count(*set) > DV_ICOL_DISTINCT_MAX ||
	    dv_keyset_bytes(*set) > DV_ICOL_DISTINCT_BYTES) {
		dv_keyset_free(*set);
		*set = NULL;
		*over = true;
	}
	return DCVAL_OK;
}

static dcval_status enum_add(dv_icol *c, const char *s, size_t len)
{
	dv_ienum *en;
	size_t i;

	if (c->en_over)
		return DCVAL_OK;
	for (i = 0; i < c->n_en; i++) {
		if (c->en[i].len == len && !memcmp(c->en[i].s, s, len)) {
			c->en[i].n++;
			return DCVAL_OK;
		}
	}
	if (c->n_en >= c->enum_max) {
		enum_drop(c);
		return DCVAL_OK;
	}
	en = dv_reallocarray(c->en, c->n_en + 1, sizeof(*en));
	if (!en)
		return DCVAL_ENOMEM;
	c->en = en;
	en[c->n_en].s = dv_strndup(s, len);
	if (!en[c->n_en].s)
		return DCVAL_ENOMEM;
	en[c->n_en].len = len;
	en[c->n_en].n = 1;
	c->n_en++;
	return DCVAL_OK;
}

/* A value as the string side sees it: a string's bytes (tag 's'), or
 * another JSON value's key (fmt and enum then drop). */
static dcval_status string_side(dv_icol *c, char tag, const char *s,
				size_t len)
{
	dcval_status st;

	c->svalues++;
	dv_buf_reset(&c->key);
	if ((st = dv_buf_putc(&c->key, tag)) != DCVAL_OK ||
	    (st = dv_buf_append(&c->key, s, len)) != DCVAL_OK)
		return st;
	st = key_add(&c->raw, &c->raw_over, false, c->key.data, c->key.len);
	if (st != DCVAL_OK)
		return st;
	if (tag != 's') {
		c->fmt = 0;
		enum_drop(c);
		return DCVAL_OK;
	}
	if ((c->fmt & FMT_UUID) && !dv_strfmt_check(DV_FMT_UUID, s, len))
		c->fmt &= ~FMT_UUID;
	if ((c->fmt & FMT_EMAIL) && !dv_strfmt_check(DV_FMT_EMAIL, s, len))
		c->fmt &= ~FMT_EMAIL;
	return enum_add(c, s, len);
}

bool dv_icol_vector_text(const char *s, size_t len)
{
	dv_vecstat v;

	return dv_parse_vector(s, len, &v) && !v.nonfinite;
}

static enum dv_ifam family_of(uint32_t cand)
{
	if (cand & BIT(DV_IC_BOOLEAN))
		return DV_IF_BOOL;
	if (cand & (BIT(DV_IC_INTEGER) | BIT(DV_IC_NUMBER)))
		return DV_IF_NUM;
	if (cand & BIT(DV_IC_DATE))
		return DV_IF_DATE;
	if (cand & BIT(DV_IC_DATETIME))
		return DV_IF_INSTANT;
	if (cand & BIT(DV_IC_TIME))
		return DV_IF_TOD;
	return DV_IF_DEAD;
}

static int num_cmp(double a, const char *as, size_t al, const dv_ibound *b)
{
	int r = (a > b->d) - (a < b->d);

	return r ? r : dv_dec_cmp(as, al, b->text.data, b->text.len);
}

/* Keep v as the new extreme of slot b when it passes it (sign: -1 for a
 * minimum, +1 for a maximum). */
static dcval_status bound_put(dv_ibound *b, int cmp, int sign,
			      const dv_typed *t, const char *s, size_t len)
{
	if (b->set && cmp * sign <= 0)
		return DCVAL_OK;
	b->set = true;
	b->i = t->i;
	b->ns = t->ns;
	b->d = t->d;
	dv_buf_reset(&b->text);
	return dv_buf_append(&b->text, s, len);
}

static dcval_status bounds_put(dv_icol *c, enum dv_icand slot,
			       const dv_typed *t, const char *s, size_t len)
{
	dv_ibound *lo = &c->lo[slot], *hi = &c->hi[slot];
	dcval_status st;
	int cl = 0, ch = 0;

	if (slot == DV_IC_NUMBER) {
		cl = lo->set ? num_cmp(t->d, s, len, lo) : 0;
		ch = hi->set ? num_cmp(t->d, s, len, hi) : 0;
	} else {
		dv_typed a = { lo->i, lo->ns, 0 }, b = { hi->i, hi->ns, 0 };
		dv_type ty = slot == DV_IC_DATE ? DV_T_DATE :
			     slot == DV_IC_TIME ? DV_T_TIME : DV_T_DATETIME;

		cl = dv_typed_cmp(ty, t, &a);
		ch = dv_typed_cmp(ty, t, &b);
	}
	st = bound_put(lo, cl, -1, t, s, len);
	if (st == DCVAL_OK)
		st = bound_put(hi, ch, 1, t, s, len);
	return st;
}

/*
 * The typed side of one value: `ok` the candidates it satisfies, t its
 * parse for its family (at most one family fits a value), s/len its text.
 */
static dcval_status typed_side(dv_icol *c, uint32_t ok, const dv_typed *t,
			       const char *s, size_t len)
{
	enum dv_ifam f;
	dcval_status st = DCVAL_OK;

	c->values++;
	c->cand &= ok | BIT(DV_IC_ANY);
	f = family_of(c->cand & TYPED_BITS);
	if (c->fam == DV_IF_NONE)
		c->fam = f;
	if (c->fam == DV_IF_DEAD)
		return DCVAL_OK;
	if (f != c->fam) {
		c->fam = DV_IF_DEAD;
		dv_keyset_free(c->typed);
		c->typed = NULL;
		return DCVAL_OK;
	}
	dv_buf_reset(&c->key);
	switch (f) {
	case DV_IF_NUM:
		st = dv_dec_key(s, len, &c->key);
		if (st == DCVAL_OK && c->bounds)
			st = bounds_put(c, DV_IC_NUMBER, t, s, len);
		break;
	case DV_IF_BOOL:
	case DV_IF_DATE:
		st = dv_buf_append(&c->key, &t->i, 8);
		if (st == DCVAL_OK && c->bounds && f == DV_IF_DATE)
			st = bounds_put(c, DV_IC_DATE, t, s, len);
		break;
	default:
		st = dv_buf_append(&c->key, &t->i, 8);
		if (st == DCVAL_OK)
			st = dv_buf_append(&c->key, &t->ns, 4);
		if (st == DCVAL_OK && c->bounds)
			st = bounds_put(c, f == DV_IF_TOD ? DV_IC_TIME
							  : DV_IC_DATETIME,
					t, s, len);
		break;
	}
	if (st != DCVAL_OK)
		return st;
	return key_add(&c->typed, &c->typed_over, false, c->key.data,
		       c->key.len);
}

static bool is_bool_text(const char *s, size_t len, int64_t *v)
{
	static const char *const words[6] = { "false", "False", "FALSE",
					      "true", "True", "TRUE" };
	size_t i;

	for (i = 0; i < 6; i++) {
		if (strlen(words[i]) == len && !memcmp(words[i], s, len)) {
			*v = i >= 3;
			return true;
		}
	}
	return false;
}

/* Candidates a string satisfies among date, datetime and time, with its
 * parse in t. */
static uint32_t temporal(const char *s, size_t len, dv_typed *t)
{
	if (dv_parse_date(s, len, &t->i))
		return BIT(DV_IC_DATE);
	if (dv_parse_datetime(s, len, &t->i, &t->ns))
		return BIT(DV_IC_DATETIME);
	if (dv_parse_time(s, len, &t->i, &t->ns))
		return BIT(DV_IC_TIME);
	return 0;
}

dcval_status dv_icol_text(dv_icol *c, const char *s, size_t len)
{
	dv_typed t = { 0, 0, 0 };
	uint32_t ok = BIT(DV_IC_STRING);
	dcval_status st;
	int tok = dv_infer_token(s, len);

	st = string_side(c, 's', s, len);
	if (st != DCVAL_OK)
		return st;
	if (tok >= 0) {
		c->tok[tok]++;
		return DCVAL_OK;
	}
	if (c->cand & TYPED_BITS) {
		if (is_bool_text(s, len, &t.i)) {
			ok |= BIT(DV_IC_BOOLEAN);
		} else if (dv_parse_number(s, len, &t.d)) {
			ok |= BIT(DV_IC_NUMBER);
			if (dv_parse_integer(s, len, &t.i))
				ok |= BIT(DV_IC_INTEGER);
		} else {
			ok |= temporal(s, len, &t);
		}
	}
	if ((c->cand & BIT(DV_IC_VECTOR)) && dv_icol_vector_text(s, len))
		ok |= BIT(DV_IC_VECTOR);
	return typed_side(c, ok, &t, s, len);
}

/* Append a structural key of the JSON subtree at node i: each node's
 * kind, a container's node count, a scalar's bytes (numbers by exact
 * value), all length-prefixed so that no two trees share a key. */
static dcval_status tree_key(dv_buf *b, const dv_jdoc *d, size_t i)
{
	size_t end = dv_jdoc_next(d, i), n, len;
	const char *s;
	dcval_status st = DCVAL_OK;
	uint64_t m;

	for (; i < end && st == DCVAL_OK; i++) {
		const dv_jnode *nd = &d->nodes[i];

		st = dv_buf_putc(b, (char)('0' + nd->type));
		if (st != DCVAL_OK)
			break;
		if (nd->type >= DV_J_ARRAY) {
			m = nd->len - i;
			st = dv_buf_append(b, &m, 8);
		} else if (nd->type == DV_J_STRING || nd->type == DV_J_NUMBER) {
			s = dv_jdoc_bytes(d, i, &len);
			n = b->len;
			m = 0;
			st = dv_buf_append(b, &m, 8);
			if (st == DCVAL_OK)
				st = nd->type == DV_J_NUMBER ?
					dv_dec_key(s, len, b) :
					dv_buf_append(b, s, len);
			m = b->len - n - 8;
			if (st == DCVAL_OK)
				memcpy(b->data + n, &m, 8);
		}
	}
	return st;
}

static bool numbers_only(const dv_jdoc *d, size_t i)
{
	size_t end = dv_jdoc_next(d, i), len;
	const char *s;
	double x;

	for (i++; i < end; i++) {
		if (d->nodes[i].type != DV_J_NUMBER)
			return false;
		s = dv_jdoc_bytes(d, i, &len);
		if (!dv_parse_number(s, len, &x))
			return false;
	}
	return true;
}

dcval_status dv_icol_json(dv_icol *c, const dv_jdoc *d, size_t i)
{
	const dv_jnode *nd = &d->nodes[i];
	dv_typed t = { 0, 0, 0 };
	uint32_t ok = 0;
	const char *s = NULL;
	size_t len = 0;
	dcval_status st;
	dv_buf tk;

	switch (nd->type) {
	case DV_J_STRING:
		s = dv_jdoc_bytes(d, i, &len);
		st = string_side(c, 's', s, len);
		if (st != DCVAL_OK)
			return st;
		return typed_side(c, BIT(DV_IC_STRING) | temporal(s, len, &t),
				  &t, s, len);
	case DV_J_NUMBER:
		s = dv_jdoc_bytes(d, i, &len);
		if (dv_parse_number(s, len, &t.d))
			ok |= BIT(DV_IC_NUMBER);
		if (dv_dec_to_int64(s, len, &t.i))
			ok |= BIT(DV_IC_INTEGER);
		break;
	case DV_J_TRUE:
	case DV_J_FALSE:
		t.i = nd->type == DV_J_TRUE;
		ok = BIT(DV_IC_BOOLEAN);
		break;
	case DV_J_ARRAY:
		if (numbers_only(d, i))
			ok = BIT(DV_IC_VECTOR);
		break;
	default:
		break;
	}
	dv_buf_init(&tk, SIZE_MAX / 4);
	st = tree_key(&tk, d, i);
	if (st == DCVAL_OK)
		st = string_side(c, 'j', tk.data, tk.len);
	dv_buf_release(&tk);
	if (st != DCVAL_OK)
		return st;
	return typed_side(c, ok, &t, s, len);
}

enum dv_icand dv_icol_type(const dv_icol *c)
{
	int i;

	if (!c->values)
		return DV_IC_STRING;
	for (i = 0; i < DV_IC_COUNT; i++)
		if (c->cand & BIT(i))
			return (enum dv_icand)i;
	return DV_IC_ANY;
}

uint64_t dv_icol_distinct(const dv_icol *c, enum dv_icand t, bool *exact)
{
	bool typed = t < DV_IC_VECTOR && c->fam != DV_IF_DEAD;

	*exact = typed ? !c->typed_over : !c->raw_over;
	if (typed)
		return c->typed_over ? DV_ICOL_DISTINCT_MAX :
		       c->typed ? dv_keyset_count(c->typed) : 0;
	return c->raw_over ? DV_ICOL_DISTINCT_MAX :
	       c->raw ? dv_keyset_count(c->raw) : 0;
}

static int enum_cmp(const void *pa, const void *pb)
{
	const dv_ienum *a = pa, *b = pb;
	size_t n = a->len < b->len ? a->len : b->len;
	int r = memcmp(a->s, b->s, n);

	return r ? r : (a->len > b->len) - (a->len < b->len);
}

const dv_ienum *dv_icol_enum(dv_icol *c, size_t *n)
{
	size_t i;

	*n = 0;
	if (c->en_over || !c->n_en)
		return NULL;
	for (i = 0; i < c->n_en; i++)
		if (c->en[i].n < 2)
			return NULL;
	qsort(c->en, c->n_en, sizeof(*c->en), enum_cmp);
	*n = c->n_en;
	return c->en;
}
