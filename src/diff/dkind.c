/*
 * The classification table of shared/spec/cli.md ("diff"): one row per
 * change kind, saying how a change of that kind is classified. Every
 * comparison of the diff ends here, in dv_diff_key() (one value against
 * another) or dv_diff_set() (a set of values).
 */
#include <string.h>

#include "diff/diff.h"

/* How a kind of change is classified. */
typedef enum dv_drule {
	DV_DR_META,     /* any change: metadata ("description changed") */
	DV_DR_ANY,      /* any change, added or removed too: breaking */
	DV_DR_POLICY,   /* to error: breaking; from error: relaxing; warn <->
			   ignore: metadata */
	DV_DR_ORDER,    /* any -> strict: breaking; strict -> any: relaxing */
	DV_DR_TYPE,     /* relaxing when NEW's type takes every value OLD's
			   does in every input format, else breaking */
	DV_DR_FLAG,     /* false -> true: breaking; true -> false: relaxing */
	DV_DR_SEVERITY, /* warn -> error: breaking; error -> warn: relaxing */
	DV_DR_LOWER,    /* a lower limit: added or raised breaking, removed or
			   lowered relaxing */
	DV_DR_UPPER,    /* an upper limit: added or lowered breaking, removed
			   or raised relaxing */
	DV_DR_EXACT,    /* added or changed: breaking; removed: relaxing */
	DV_DR_SET       /* added: breaking, removed: relaxing; values added
			   relax, values removed break */
} dv_drule;

/* The table. */
static const struct {
	dv_dkey key;
	dv_drule rule;
} kinds[DV_DK_COUNT] = {
	{ DV_DK_DESCRIPTION, DV_DR_META },
	{ DV_DK_OWNER, DV_DR_META },
	{ DV_DK_SOURCE, DV_DR_META },
	{ DV_DK_SENSITIVE, DV_DR_META },
	{ DV_DK_INPUT, DV_DR_ANY },
	{ DV_DK_POLICY, DV_DR_POLICY },
	{ DV_DK_COLUMN_ORDER, DV_DR_ORDER },
	{ DV_DK_TYPE, DV_DR_TYPE },
	{ DV_DK_REQUIRED, DV_DR_FLAG },
	{ DV_DK_UNIQUE, DV_DR_FLAG },
	{ DV_DK_SEVERITY, DV_DR_SEVERITY },
	{ DV_DK_MINIMUM, DV_DR_LOWER },
	{ DV_DK_MAXIMUM, DV_DR_UPPER },
	{ DV_DK_PATTERN, DV_DR_EXACT },
	{ DV_DK_SYNTAX, DV_DR_ANY },
	{ DV_DK_FLAG, DV_DR_FLAG },
	{ DV_DK_ENUM, DV_DR_SET },
};

const char *dv_dclass_name(dv_dclass c)
{
	switch (c) {
	case DV_DC_BREAKING:
		return "breaking";
	case DV_DC_RELAXING:
		return "relaxing";
	case DV_DC_METADATA:
		return "metadata";
	default:
		return "none";
	}
}

/* Whether type b takes every value type a takes, in every input format
 * a contract of input format `fmt` reads. */
static bool type_widens(const char *a, const char *b, dcval_format fmt)
{
	if (!strcmp(b, "any"))
		return true;
	if (!strcmp(a, "integer") && !strcmp(b, "number"))
		return true;
	/* csv text of any type is a string; a json value is not */
	return !strcmp(b, "string") &&
	       (fmt == DCVAL_FORMAT_CSV || fmt == DCVAL_FORMAT_TSV);
}

static dv_dclass policy_class(const char *a, const char *b)
{
	if (!strcmp(b, "error"))
		return DV_DC_BREAKING;
	if (!strcmp(a, "error"))
		return DV_DC_RELAXING;
	return DV_DC_METADATA;
}

/* The class of a change from a to b, both present and different. */
static dv_dclass changed_class(dv_diff *d, dv_drule rule, const dv_dval *a,
			       const dv_dval *b)
{
	int cmp;

	switch (rule) {
	case DV_DR_META:
		return DV_DC_METADATA;
	case DV_DR_POLICY:
		return policy_class(a->show, b->show);
	case DV_DR_ORDER:
		return !strcmp(b->show, "strict") ? DV_DC_BREAKING :
						    DV_DC_RELAXING;
	case DV_DR_TYPE:
		return type_widens(a->show, b->show, d->new->c->format) ?
			DV_DC_RELAXING : DV_DC_BREAKING;
	case DV_DR_FLAG:
		return b->on ? DV_DC_BREAKING : DV_DC_RELAXING;
	case DV_DR_SEVERITY:
		return !strcmp(b->show, "error") ? DV_DC_BREAKING :
						   DV_DC_RELAXING;
	case DV_DR_LOWER:
	case DV_DR_UPPER:
		/* limits that do not compare (a bound of another type after a
		 * type change) are taken as breaking */
		if (!dv_dval_order(a, b, &cmp))
			return DV_DC_BREAKING;
		if (rule == DV_DR_LOWER)
			return cmp < 0 ? DV_DC_BREAKING : DV_DC_RELAXING;
		return cmp > 0 ? DV_DC_BREAKING : DV_DC_RELAXING;
	default:
		return DV_DC_BREAKING;
	}
}

void dv_diff_key(dv_diff *d, dv_dkey key, const char *path,
		 const dv_dval *a, const dv_dval *b)
{
	dv_drule rule = kinds[key].rule;
	dv_dclass cls;
	const char *msg;

	if (dv_dval_equal(a, b))
		return;
	if (rule == DV_DR_META) {
		msg = dv_diff_printf(d, "%s %s", path,
				     a->k == DV_DV_NONE ? "added" :
				     b->k == DV_DV_NONE ? "removed" : "changed");
		cls = DV_DC_METADATA;
	} else if (a->k == DV_DV_NONE) {
		msg = dv_diff_printf(d, "%s: added %s", path, b->show);
		cls = DV_DC_BREAKING;
	} else if (b->k == DV_DV_NONE) {
		msg = dv_diff_printf(d, "%s: removed %s", path, a->show);
		cls = rule == DV_DR_ANY ? DV_DC_BREAKING : DV_DC_RELAXING;
	} else {
		msg = dv_diff_printf(d, "%s: %s -> %s", path, a->show, b->show);
		cls = changed_class(d, rule, a, b);
	}
	if (msg)
		dv_diff_add(d, path, cls, a->json, b->json, msg);
}

/* Whether v is one of set[0..n). */
static bool in_set(const dv_dval *v, const dv_dval *set, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (dv_dval_equal(v, &set[i]))
			return true;
	return false;
}

/* The values of a[0..na) not in b[0..nb), shown as a list "x", "y". */
static const char *missing(dv_diff *d, const dv_dval *a, size_t na,
			   const dv_dval *b, size_t nb)
{
	const char *s = NULL;
	size_t i;

	for (i = 0; i < na; i++) {
		if (in_set(&a[i], b, nb))
			continue;
		s = s ? dv_diff_printf(d, "%s, %s", s, a[i].show) : a[i].show;
		if (!s)
			return NULL;
	}
	return s;
}

void dv_diff_set(dv_diff *d, const char *path, const dv_dval *a, size_t na,
		 bool has_a, const dv_dval *b, size_t nb, bool has_b)
{
	dv_dval la = has_a ? dv_dval_list(d, a, na) : dv_dval_none();
	dv_dval lb = has_b ? dv_dval_list(d, b, nb) : dv_dval_none();
	const char *gone, *came, *msg;

	if (!has_a || !has_b) {
		/* the check itself added or removed: as any limit */
		dv_diff_key(d, DV_DK_PATTERN, path, &la, &lb);
		return;
	}
	gone = missing(d, a, na, b, nb);
	came = missing(d, b, nb, a, na);
	if (gone) {
		msg = dv_diff_printf(d, "%s: removed %s", path, gone);
		if (msg)
			dv_diff_add(d, path, DV_DC_BREAKING, la.json, lb.json, msg);
	}
	if (came) {
		msg = dv_diff_printf(d, "%s: added %s", path, came);
		if (msg)
			dv_diff_add(d, path, DV_DC_RELAXING, la.json, lb.json, msg);
	}
}
