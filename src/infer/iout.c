/*
 * dcval infer, writing: null tokens decided, each column's type and
 * checks chosen from its state (icol.h), and the contract as YAML with
 * every string double-quoted (yquote.h). Output depends only on the
 * inputs' content and order: columns in order of first appearance, enum
 * values sorted bytewise.
 */
#include <stdio.h>
#include <string.h>

#include "contract/compile.h"
#include "infer/infer_impl.h"
#include "infer/yquote.h"
#include "util/alloc.h"
#include "value/decimal.h"
#include "value/keyset.h"

static const char *const type_names[DV_IC_COUNT] = {
	"boolean", "integer", "number", "date", "datetime", "time", "vector",
	"string", "any"
};

/* What the writer decided for one column. */
struct dv_iplan {
	bool emit;
	enum dv_icand base;     /* type from the values other than null tokens */
	enum dv_icand type;
	uint64_t nulls;
};

/* Whether node i is a column: a leaf with no leaf above it. */
static bool is_column(const dv_infer *inf, uint32_t i)
{
	const dv_inode *n = inf->nodes[i];

	if (n->has_child && !n->saw_other)
		return false;
	while (n->parent != DV_INODE_TOP) {
		n = inf->nodes[n->parent];
		if (n->saw_other)
			return false;
	}
	return true;
}

static enum dv_icand base_type(const dv_inode *n)
{
	if (n->saw_obj)
		return DV_IC_ANY;
	return dv_icol_type(&n->col);
}

static bool textual(enum dv_icand t)
{
	return t == DV_IC_STRING || t == DV_IC_ANY;
}

/* The type once the tokens not taken as null stay values. */
static enum dv_icand final_type(const dv_inode *n, enum dv_icand base,
				unsigned adopted)
{
	int t;

	for (t = 0; t < DV_INFER_NTOK; t++)
		if (n->col.tok[t] && !(adopted & (1u << t)))
			return (n->col.cand & (1u << DV_IC_STRING)) ? DV_IC_STRING
								 : DV_IC_ANY;
	return base;
}

/*
 * Null tokens: a token is null when every column holding it is
 * otherwise of a non-string type. Dropping one can make a column
 * textual, which can drop another: repeat until nothing changes.
 */
static unsigned decide_tokens(const dv_infer *inf, struct dv_iplan *p)
{
	unsigned adopted = 0, before;
	size_t i;
	int t;

	for (i = 0; i < inf->n_nodes; i++)
		for (t = 0; p[i].emit && t < DV_INFER_NTOK; t++)
			if (inf->nodes[i]->col.tok[t])
				adopted |= 1u << t;
	do {
		before = adopted;
		for (i = 0; i < inf->n_nodes; i++) {
			if (!p[i].emit)
				continue;
			p[i].type = final_type(inf->nodes[i], p[i].base, adopted);
			for (t = 0; t < DV_INFER_NTOK; t++)
				if (inf->nodes[i]->col.tok[t] &&
				    textual(p[i].type))
					adopted &= ~(1u << t);
		}
	} while (adopted != before);
	return adopted;
}

static void plan(const dv_infer *inf, struct dv_iplan *p, unsigned *adopted)
{
	size_t i;
	int t;

	for (i = 0; i < inf->n_nodes; i++) {
		p[i].emit = is_column(inf, (uint32_t)i);
		p[i].base = base_type(inf->nodes[i]);
	}
	*adopted = decide_tokens(inf, p);
	for (i = 0; i < inf->n_nodes; i++) {
		const dv_inode *n = inf->nodes[i];

		p[i].nulls = inf->good - n->present;
		for (t = 0; t < DV_INFER_NTOK; t++)
			if (*adopted & (1u << t))
				p[i].nulls += n->col.tok[t];
	}
}

/* ---- names ---- */

/* The contract's name: --name, else the first input's file name without
 * its folder, compression suffix and last extension, bytes outside
 * [A-Za-z0-9_.-] as '_'. */
static dcval_status put_name(const dv_infer *inf, dv_buf *b)
{
	const char *p = inf->o.name, *slash, *dot;
	char tmp[256];
	size_t len, i;

	if (!p) {
		p = inf->first_path ? inf->first_path : "-";
		if (!strcmp(p, "-"))
			p = "stdin";
		slash = strrchr(p, '/');
		if (slash)
			p = slash + 1;
		len = strlen(p);
		if (len > 3 && !strcmp(p + len - 3, ".gz"))
			len -= 3;
		else if (len > 4 && !strcmp(p + len - 4, ".zst"))
			len -= 4;
		dot = memchr(p + 1, '.', len > 1 ? len - 1 : 0);
		while (dot) {
			const char *next = memchr(dot + 1, '.', (size_t)(p + len - dot - 1));

			if (!next)
				break;
			dot = next;
		}
		if (dot)
			len = (size_t)(dot - p);
		if (len >= sizeof(tmp))
			len = sizeof(tmp) - 1;
		for (i = 0; i < len; i++) {
			char c = p[i];

			tmp[i] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
				 (c >= '0' && c <= '9') || c == '_' || c == '.' ||
				 c == '-' ? c : '_';
		}
		tmp[len] = '\0';
		p = len ? tmp : "inferred";
	}
	return dv_yq_string(b, p, strlen(p));
}

/* The dotted name of node i into b. */
static dcval_status dotted(const dv_infer *inf, uint32_t i, dv_buf *b)
{
	const dv_inode *n = inf->nodes[i];
	dcval_status st = DCVAL_OK;

	if (n->parent != DV_INODE_TOP) {
		st = dotted(inf, n->parent, b);
		if (st == DCVAL_OK)
			st = dv_buf_putc(b, '.');
	}
	return st == DCVAL_OK ? dv_buf_append(b, n->key, n->key_len) : st;
}

/* ---- values ---- */

/* Days since 1970-01-01 to a civil date (proleptic Gregorian), after
 * the era arithmetic of H. Hinnant's "chrono-Compatible Low-Level Date
 * Algorithms" (written anew). */
static void civil(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t era, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	yoe = z - era * 146097;
	yoe = (yoe - yoe / 1460 + yoe / 36524 - yoe / 146096) / 365;
	doy = z - era * 146097 - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* A datetime in UTC: 2026-11-21T10:00:00[.fraction]Z; as written
 * (text) when its UTC year leaves 0001..9999, which a bound cannot
 * hold (9999-12-31T23:00:00-05:00). */
static dcval_status put_instant(dv_buf *b, int64_t secs, int32_t ns,
				const dv_buf *text)
{
	int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
	int64_t sod = secs - days * 86400, y;
	unsigned m, d;
	char frac[16] = "";
	int k;

	civil(days, &y, &m, &d);
	if (y < 1 || y > 9999)
		return dv_yq_string(b, text->data, text->len);
	if (ns) {
		snprintf(frac, sizeof(frac), ".%09d", (int)ns);
		for (k = 9; frac[k] == '0'; k--)
			frac[k] = '\0';
	}
	return dv_buf_printf(b, "\"%04lld-%02u-%02uT%02d:%02d:%02d%sZ\"",
			     (long long)y, m, d, (int)(sod / 3600),
			     (int)(sod / 60 % 60), (int)(sod % 60), frac);
}

static dcval_status put_bound(dv_buf *b, const char *key, enum dv_icand t,
			      const dv_ibound *x)
{
	dcval_status st = dv_buf_printf(b, "    %s: ", key);
	int64_t v;

	if (st != DCVAL_OK)
		return st;
	switch (t) {
	case DV_IC_INTEGER:
		if (!dv_dec_to_int64(x->text.data, x->text.len, &v))
			return DCVAL_EINTERNAL;
		st = dv_buf_printf(b, "%lld", (long long)v);
		break;
	case DV_IC_NUMBER:
		/* number text is YAML 1.2 core float or int syntax as it is */
		st = dv_buf_append(b, x->text.data, x->text.len);
		break;
	case DV_IC_DATETIME:
		st = put_instant(b, x->i, x->ns, &x->text);
		break;
	default:
		st = dv_yq_string(b, x->text.data, x->text.len);
		break;
	}
	return st == DCVAL_OK ? dv_buf_putc(b, '\n') : st;
}

static bool has_bounds(enum dv_icand t)
{
	return t == DV_IC_INTEGER || t == DV_IC_NUMBER || t == DV_IC_DATE ||
	       t == DV_IC_DATETIME || t == DV_IC_TIME;
}

/* The bound slot of type t. */
static enum dv_icand slot_of(enum dv_icand t)
{
	return t == DV_IC_INTEGER ? DV_IC_NUMBER : t;
}

/* ---- the contract ---- */

static dcval_status put_checks(dv_infer *inf, dv_buf *b, dv_inode *n,
			       const struct dv_iplan *p)
{
	dcval_status st = DCVAL_OK;
	const dv_ienum *en;
	size_t n_en, i;
	bool exact;
	uint64_t distinct = dv_icol_distinct(&n->col, p->type, &exact);
	uint64_t values = p->type == DV_IC_STRING ? n->col.svalues
						   : n->col.values;
	enum dv_icand t = p->type;

	if (p->nulls == 0)
		st = dv_buf_printf(b, "    required: true\n");
	if (st == DCVAL_OK && inf->good >= 20 && p->nulls == 0 && exact &&
	    !n->obj_unfed && distinct == values &&
	    (t == DV_IC_STRING || has_bounds(t)))
		st = dv_buf_printf(b, "    unique: true\n");
	if (st != DCVAL_OK || t != DV_IC_STRING || !n->col.svalues)
		goto bounds;
	if (n->col.fmt & 1u) {
		st = dv_buf_printf(b, "    format: uuid\n");
	} else if (n->col.fmt & 2u) {
		st = dv_buf_printf(b, "    format: email\n");
	} else if ((en = dv_icol_enum(&n->col, &n_en))) {
		st = dv_buf_printf(b, "    enum: [");
		for (i = 0; i < n_en && st == DCVAL_OK; i++) {
			if (i)
				st = dv_buf_append(b, ", ", 2);
			if (st == DCVAL_OK)
				st = dv_yq_string(b, en[i].s, en[i].len);
		}
		if (st == DCVAL_OK)
			st = dv_buf_printf(b, "]\n");
	}
bounds:
	if (st == DCVAL_OK && inf->o.bounds && has_bounds(t) &&
	    n->col.lo[slot_of(t)].set) {
		st = put_bound(b, "minimum", t, &n->col.lo[slot_of(t)]);
		if (st == DCVAL_OK)
			st = put_bound(b, "maximum", t, &n->col.hi[slot_of(t)]);
	}
	return st;
}

/* The one format every input had, or AUTO. */
static dcval_format sole_format(const dv_infer *inf)
{
	int f;

	for (f = 0; f < 32; f++)
		if (inf->formats == 1u << f)
			return (dcval_format)f;
	return DCVAL_FORMAT_AUTO;
}

static bool csv_like(dcval_format f)
{
	return f == DCVAL_FORMAT_CSV || f == DCVAL_FORMAT_TSV;
}

static dcval_status put_input(const dv_infer *inf, dv_buf *b, unsigned adopted)
{
	dcval_format f = sole_format(inf);
	bool csv = (inf->formats & (1u << DCVAL_FORMAT_CSV | 1u << DCVAL_FORMAT_TSV)) != 0;
	dcval_status st = DCVAL_OK;
	int t;

	if (f == DCVAL_FORMAT_AUTO && !csv)
		return DCVAL_OK;
	st = dv_buf_printf(b, "input:\n");
	if (st == DCVAL_OK && f != DCVAL_FORMAT_AUTO)
		st = dv_buf_printf(b, "  format: %s\n", dcval_format_name(f));
	if (st == DCVAL_OK && csv_like(f))
		st = dv_buf_printf(b, "  delimiter: \"%s\"\n",
				   f == DCVAL_FORMAT_TSV ? "\\t" : ",");
	if (st == DCVAL_OK && csv && inf->positional)
		st = dv_buf_printf(b, "  header: false\n");
	if (st == DCVAL_OK && csv) {
		st = dv_buf_printf(b, "  null_values: [\"\"");
		for (t = 0; t < DV_INFER_NTOK && st == DCVAL_OK; t++) {
			if (!(adopted & (1u << t)))
				continue;
			st = dv_buf_append(b, ", ", 2);
			if (st == DCVAL_OK)
				st = dv_yq_string(b, dv_infer_tokens[t],
						  strlen(dv_infer_tokens[t]));
		}
		if (st == DCVAL_OK)
			st = dv_buf_printf(b, "]\n");
	}
	return st;
}

/* A declared column missing from some csv input's header. */
static bool some_missing(const dv_infer *inf, const struct dv_iplan *p)
{
	size_t i;

	if (inf->positional || !inf->csv_header_files)
		return false;
	for (i = 0; i < inf->n_nodes; i++)
		if (p[i].emit && inf->nodes[i]->csv_files < inf->csv_header_files)
			return true;
	return false;
}

static dcval_status put_schema(const dv_infer *inf, dv_buf *b,
			       const struct dv_iplan *p)
{
	bool miss = some_missing(inf, p);
	dcval_status st = DCVAL_OK;

	if (!miss && !inf->extra_ignore)
		return DCVAL_OK;
	st = dv_buf_printf(b, "schema:\n");
	if (st == DCVAL_OK && inf->extra_ignore)
		st = dv_buf_printf(b, "  extra_columns: ignore\n");
	if (st == DCVAL_OK && miss)
		st = dv_buf_printf(b, "  missing_columns: ignore\n");
	return st;
}

/* `path:` with the keys of node i, top first. */
static dcval_status put_path(const dv_infer *inf, dv_buf *b, uint32_t i,
			     bool first)
{
	const dv_inode *n = inf->nodes[i];
	dcval_status st = DCVAL_OK;

	if (n->parent != DV_INODE_TOP)
		st = put_path(inf, b, n->parent, false);
	else
		st = dv_buf_printf(b, "    path: [");
	if (st == DCVAL_OK && n->parent != DV_INODE_TOP)
		st = dv_buf_append(b, ", ", 2);
	if (st == DCVAL_OK)
		st = dv_yq_string(b, n->key, n->key_len);
	if (st == DCVAL_OK && first)
		st = dv_buf_printf(b, "]\n");
	return st;
}

/* Name of column i, unique among the names written: its dotted path,
 * with " (2)", " (3)" ... after a repeat (only a JSON column with a
 * `path` can repeat a name). */
static dcval_status column_name(const dv_infer *inf, uint32_t i,
				dv_keyset *names, dv_buf *name)
{
	size_t base;
	unsigned k = 2;
	dcval_status st;
	bool added;

	dv_buf_reset(name);
	st = dotted(inf, i, name);
	base = name->len;
	while (st == DCVAL_OK) {
		st = dv_keyset_add(names, name->data, name->len, &added);
		if (st != DCVAL_OK || added)
			break;
		name->len = base;
		st = dv_buf_printf(name, " (%u)", k++);
	}
	return st;
}

static dcval_status put_column(dv_infer *inf, dv_buf *b, uint32_t i,
			       const struct dv_iplan *p, dv_keyset *names,
			       dv_buf *name, dcval_format f)
{
	dv_inode *n = inf->nodes[i];
	dcval_status st;
	bool exact;
	uint64_t distinct = dv_icol_distinct(&n->col, p->type, &exact);

	st = column_name(inf, i, names, name);
	if (st == DCVAL_OK)
		st = dv_buf_printf(b, "  - name: ");
	if (st == DCVAL_OK)
		st = dv_yq_string(b, name->data, name->len);
	if (st == DCVAL_OK)
		st = dv_buf_printf(b, "  # nulls: %llu, distinct: %llu%s\n",
				   (unsigned long long)p->nulls,
				   (unsigned long long)distinct,
				   exact && !n->obj_unfed ? "" : "+");
	if (st == DCVAL_OK && !csv_like(f) &&
	    (n->depth > 1 || memchr(n->key, '.', n->key_len) ||
	     name->len != n->key_len))
		st = put_path(inf, b, i, true);
	if (st == DCVAL_OK)
		st = dv_buf_printf(b, "    type: %s\n", type_names[p->type]);
	return st == DCVAL_OK ? put_checks(inf, b, n, p) : st;
}

dcval_status dv_infer_yaml(dv_infer *inf, dv_buf *b)
{
	struct dv_iplan *p = dv_calloc(inf->n_nodes + 1, sizeof(*p));
	dv_keyset *names = dv_keyset_new(false);
	dcval_format f = sole_format(inf);
	dcval_status st = DCVAL_ENOMEM;
	unsigned adopted = 0;
	bool any = false;
	dv_buf name;
	size_t i;

	dv_buf_init(&name, SIZE_MAX / 4);
	if (!p || !names)
		goto out;
	plan(inf, p, &adopted);
	st = dv_buf_printf(b, "# drafted by dcval infer from %llu record%s\n",
			   (unsigned long long)inf->good,
			   inf->good == 1 ? "" : "s");
	if (st == DCVAL_OK)
		st = dv_buf_printf(b, "contract: ");
	if (st == DCVAL_OK)
		st = put_name(inf, b);
	if (st == DCVAL_OK)
		st = dv_buf_printf(b, "\nversion: 0.1.0\n");
	if (st == DCVAL_OK)
		st = put_input(inf, b, adopted);
	if (st == DCVAL_OK)
		st = put_schema(inf, b, p);
	if (st == DCVAL_OK)
		st = dv_buf_printf(b, "columns:\n");
	for (i = 0; i < inf->n_nodes && st == DCVAL_OK; i++) {
		if (!p[i].emit)
			continue;
		any = true;
		st = put_column(inf, b, (uint32_t)i, &p[i], names, &name, f);
	}
	/* a contract has at least one column: none was seen (no record, or
	 * only empty objects), so one that is never there */
	if (st == DCVAL_OK && !any)
		st = dv_buf_printf(b, "  - name: \"_\"  # nulls: %llu, distinct: 0\n"
				      "    type: any\n",
				   (unsigned long long)inf->good);
out:
	dv_buf_release(&name);
	dv_keyset_free(names);
	dv_free(p);
	return st;
}
