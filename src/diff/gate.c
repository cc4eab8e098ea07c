/*
 * The semantic-version gate of dcval diff: which bump the changes need,
 * the least version NEW may carry, and whether it does.
 *
 * Precedence is semver.org 2.0.0 section 11: major, minor, patch
 * numerically; a pre-release sorts before its release; pre-release
 * identifiers compare numerically when both are numeric, by ASCII
 * otherwise, numeric before alphanumeric, a longer list after its
 * prefix; build metadata is ignored. Bumps are applied as npm's
 * `semver inc` applies them (node-semver's SemVer.inc): bumping a
 * pre-release to the level it is a pre-release of drops the pre-release
 * (1.0.0-rc.1 major -> 1.0.0, 1.2.0-rc.1 minor -> 1.2.0).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff.h"

/* A version's parts; pre and pre_len point into the text. */
struct sv {
	unsigned long long num[3];
	const char *pre;   /* after '-', or NULL */
	size_t pre_len;    /* up to '+' or the end */
};

static void sv_parse(const char *s, struct sv *v)
{
	char *end;
	int i;

	memset(v, 0, sizeof(*v));
	for (i = 0; i < 3; i++) {
		v->num[i] = strtoull(s, &end, 10);
		s = *end ? end + 1 : end;
		if (*end != '.')
			break;
	}
	if (*end == '-') {
		v->pre = end + 1;
		v->pre_len = strcspn(v->pre, "+");
	}
}

static bool all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return n > 0;
}

/* Compare one pre-release identifier each. */
static int ident_cmp(const char *a, size_t na, const char *b, size_t nb)
{
	bool da = all_digits(a, na), db = all_digits(b, nb);
	int r;

	if (da && db) {
		/* no leading zeros: the longer one is larger */
		if (na != nb)
			return na < nb ? -1 : 1;
		return memcmp(a, b, na);
	}
	if (da != db)
		return da ? -1 : 1;
	r = memcmp(a, b, na < nb ? na : nb);
	if (r)
		return r;
	return na < nb ? -1 : na > nb;
}

static int pre_cmp(const struct sv *a, const struct sv *b)
{
	const char *p = a->pre, *q = b->pre;
	const char *pe, *qe;
	int r;

	if (!p || !q)
		return p ? -1 : q ? 1 : 0;
	pe = p + a->pre_len;
	qe = q + b->pre_len;
	for (;;) {
		size_t np = strcspn(p, ".+"), nq = strcspn(q, ".+");

		if (p + np > pe)
			np = (size_t)(pe - p);
		if (q + nq > qe)
			nq = (size_t)(qe - q);
		r = ident_cmp(p, np, q, nq);
		if (r)
			return r;
		p += np;
		q += nq;
		if (p >= pe || q >= qe)
			return p < pe ? 1 : q < qe ? -1 : 0;
		p++;
		q++;
	}
}

static int sv_cmp(const struct sv *a, const struct sv *b)
{
	int i;

	for (i = 0; i < 3; i++)
		if (a->num[i] != b->num[i])
			return a->num[i] < b->num[i] ? -1 : 1;
	return pre_cmp(a, b);
}

int dv_semver_cmp(const char *a, const char *b)
{
	struct sv x, y;

	sv_parse(a, &x);
	sv_parse(b, &y);
	return sv_cmp(&x, &y);
}

const char *dv_bump_name(dv_bump b)
{
	static const char *const names[] = { "none", "patch", "minor", "major" };

	return names[b];
}

/* v bumped as npm's semver inc bumps it. */
static void sv_inc(struct sv *v, dv_bump b)
{
	bool pre = v->pre != NULL;

	switch (b) {
	case DV_BUMP_MAJOR:
		if (!(pre && v->num[1] == 0 && v->num[2] == 0))
			v->num[0]++;
		v->num[1] = v->num[2] = 0;
		break;
	case DV_BUMP_MINOR:
		if (!(pre && v->num[2] == 0))
			v->num[1]++;
		v->num[2] = 0;
		break;
	case DV_BUMP_PATCH:
		if (!pre)
			v->num[2]++;
		break;
	default:
		return;
	}
	v->pre = NULL;
	v->pre_len = 0;
}

void dv_gate_eval(const char *old, const char *new, dv_dclass worst,
		  dv_gate *g)
{
	struct sv o, n, need;
	bool zero;

	sv_parse(old, &o);
	sv_parse(new, &n);
	zero = o.num[0] == 0;
	memset(g, 0, sizeof(*g));
	g->worst = worst;
	switch (worst) {
	case DV_DC_BREAKING:
		g->required = zero ? DV_BUMP_MINOR : DV_BUMP_MAJOR;
		break;
	case DV_DC_RELAXING:
		g->required = zero ? DV_BUMP_PATCH : DV_BUMP_MINOR;
		break;
	case DV_DC_METADATA:
		g->required = DV_BUMP_PATCH;
		break;
	default:
		g->required = DV_BUMP_NONE;
		break;
	}
	need = o;
	sv_inc(&need, g->required);
	if (g->required == DV_BUMP_NONE)
		snprintf(g->needed, sizeof(g->needed), "%s", old);
	else
		snprintf(g->needed, sizeof(g->needed), "%llu.%llu.%llu",
			 need.num[0], need.num[1], need.num[2]);
	g->went_down = sv_cmp(&n, &o) < 0;
	g->version_ok = !g->went_down && sv_cmp(&n, &need) >= 0;
}
