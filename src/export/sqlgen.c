/*
 * The query's frame: the stages of sqlgen.h, the result rows and the
 * order of the contract's sections. Each section is one function; the
 * constructs that have no exact translation are export errors inside
 * their section (never a silent skip).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "export/sqlgen.h"
#include "util/error.h"
#include "value/ruleid.h"

/* The query of a 100,000-column contract stays well below this. */
#define DV_SQL_MAX (256u << 20)

/* Append fmt's text to b (the one formatting path of the generator). */
static void vput(dv_sqlgen *g, dv_buf *b, const char *fmt, va_list ap)
{
	va_list again;
	char small[256];
	int n;

	if (g->st != DCVAL_OK)
		return;
	va_copy(again, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n < 0) {
		g->st = DCVAL_EINTERNAL;
	} else if ((size_t)n < sizeof(small)) {
		g->st = dv_buf_append(b, small, (size_t)n);
	} else if ((g->st = dv_buf_reserve(b, (size_t)n)) == DCVAL_OK) {
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
		b->len += (size_t)n;
	}
	va_end(again);
}

void dv_sql_put(dv_sqlgen *g, dv_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vput(g, b, fmt, ap);
	va_end(ap);
}

void dv_sql_field(dv_sqlgen *g, enum dv_sql_stage s, const char *fmt, ...)
{
	va_list ap;

	dv_sql_put(g, &g->stage[s], ",\n    ");
	va_start(ap, fmt);
	vput(g, &g->stage[s], fmt, ap);
	va_end(ap);
}

void dv_sql_rfield(dv_sqlgen *g, unsigned h, const char *fmt, ...)
{
	va_list ap;

	if (g->st != DCVAL_OK)
		return;
	if (h == 0 || h >= sizeof(g->rstage) / sizeof(g->rstage[0])) {
		g->st = DCVAL_EINTERNAL;
		return;
	}
	if (h > g->n_rstage)
		g->n_rstage = h;
	dv_sql_put(g, &g->rstage[h], ",\n    ");
	va_start(ap, fmt);
	vput(g, &g->rstage[h], fmt, ap);
	va_end(ap);
}

void dv_sql_fail(dv_sqlgen *g, const char *fmt, ...)
{
	va_list ap;
	char text[sizeof(g->err->text)];

	if (g->st != DCVAL_OK)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	dv_error_set(g->err, DCVAL_ECONTRACT, g->c->file, g->line, g->line ? 1 : 0,
		     "%s", text);
	g->st = DCVAL_ECONTRACT;
}

void dv_sql_check(dv_sqlgen *g, const char *rule, const char *column,
		  dcval_severity sev, const char *agg)
{
	dv_buf *r = &g->rows;

	dv_sql_field(g, DV_STAGE_A, "%s AS a%zu", agg, g->n_checks);
	dv_sql_put(g, r, "%s(%zu, ", g->n_checks ? ",\n    " : "    ",
		   g->n_checks);
	dv_sql_literal(g, r, rule, strlen(rule));
	dv_sql_put(g, r, ", ");
	if (column)
		dv_sql_literal(g, r, column, strlen(column));
	else
		dv_sql_put(g, r, "CAST(NULL AS TEXT)");
	dv_sql_put(g, r, ", '%s')", sev == DCVAL_SEVERITY_WARN ? "warn" : "error");
	g->n_checks++;
}

/* ---- sections, in the order of a run's violations ---- */

static void section_columns(dv_sqlgen *g)
{
	size_t k;

	for (k = 0; k < g->c->n_columns && g->st == DCVAL_OK; k++) {
		g->line = g->c->columns[k].line;
		dv_sql_column_checks(g, &g->c->columns[k]);
	}
	g->line = 0;
}

/*
 * Per record: column checks, cross-field rules, primary_key; then the
 * dataset-level checks: row_count, dataset.columns, freshness (dataset.c).
 * Cross-field rules (rules.c) with SQL's three-valued logic.
 */
static void (*const sections[])(dv_sqlgen *) = {
	section_columns,
	dv_sql_rules,
	dv_sql_primary_key,
	dv_sql_row_count,
	dv_sql_ds_columns,
	dv_sql_freshness,
};

/* The text column k of the relation, as dcval's reader sees it. */
static void stage_v(dv_sqlgen *g, size_t k)
{
	const struct dcval_contract *c = g->c;
	dv_buf *t = &g->tmp;
	size_t i;

	dv_buf_reset(t);
	dv_sql_put(g, t, "COALESCE(");
	dv_sql_ident(g, t, c->columns[k].name);
	dv_sql_put(g, t, ", '')");
	if (g->st != DCVAL_OK)
		return;
	if (c->n_null_values == 0) {
		dv_sql_field(g, DV_STAGE_V, "%s AS v%zu", t->data, k);
		return;
	}
	/* NULLIF chains keep the expression flat: one test per token */
	{
		dv_buf e;

		dv_buf_init(&e, DV_SQL_MAX);
		dv_sql_put(g, &e, "CASE WHEN %s IN (", t->data);
		for (i = 0; i < c->n_null_values; i++) {
			if (i)
				dv_sql_put(g, &e, ", ");
			dv_sql_literal(g, &e, c->null_values[i],
				       strlen(c->null_values[i]));
		}
		dv_sql_put(g, &e, ") THEN NULL ELSE %s END", t->data);
		if (g->st == DCVAL_OK)
			dv_sql_field(g, DV_STAGE_V, "%s AS v%zu", e.data, k);
		dv_buf_release(&e);
	}
}

static void assemble(dv_sqlgen *g, dv_buf *out)
{
	static const char *const cte[DV_STAGE_COUNT] = {
		"dv_v", "dv_p", "dv_q", "dv_t", "dv_u", "dv_k", "dv_a"
	};
	unsigned s, h;
	size_t n;
	char last[32];

	dv_sql_put(g, out, "-- dcval export --sql %s: violations of contract ",
		   g->d->name);
	/* the contract's name is [A-Za-z0-9_.-]+: safe in a comment */
	dv_sql_put(g, out, "%s%s%s\n", g->c->name,
		   g->c->version ? " " : "", g->c->version ? g->c->version : "");
	dv_sql_put(g, out, "WITH dv_v AS (\n  SELECT 0 AS dv_0%s\n  FROM ",
		   g->stage[DV_STAGE_V].data ? g->stage[DV_STAGE_V].data : "");
	dv_sql_ident(g, out, g->o->table ? g->o->table : "input");
	for (s = DV_STAGE_P; s < DV_STAGE_A; s++)
		dv_sql_put(g, out, "\n), %s AS (\n  SELECT *%s\n  FROM %s",
			   cte[s], g->stage[s].data ? g->stage[s].data : "",
			   cte[s - 1]);
	/* the rules' stages: a node of height h reads its operands' columns */
	snprintf(last, sizeof(last), "dv_k");
	for (h = 1; h <= g->n_rstage; h++) {
		/* OFFSET 0 keeps each stage a subquery of its own: a planner
		 * that flattened them would copy every operand's expression
		 * into its users, as large as the tree is deep (PostgreSQL) */
		dv_sql_put(g, out, "\n), dv_r%u AS (\n  SELECT *%s\n  FROM %s\n  OFFSET 0", h,
			   g->rstage[h].data ? g->rstage[h].data : "", last);
		snprintf(last, sizeof(last), "dv_r%u", h);
	}
	dv_sql_put(g, out, "\n), dv_a AS (\n  SELECT count(*) AS dv_n%s\n  FROM %s\n)\n",
		   g->stage[DV_STAGE_A].data ? g->stage[DV_STAGE_A].data : "", last);
	dv_sql_put(g, out, "SELECT r.rule, r.\"column\", r.severity,\n"
		   "  CAST(CASE r.n");
	for (n = 0; n < g->n_checks; n++)
		dv_sql_put(g, out, "%s WHEN %zu THEN a%zu", n % 8 ? "" : "\n   ",
			   n, n);
	dv_sql_put(g, out, " END AS BIGINT) AS violations\n"
		   "FROM (VALUES\n%s\n) AS r(n, rule, \"column\", severity)\n"
		   "CROSS JOIN dv_a\nORDER BY r.n;\n", g->rows.data);
}

dcval_status dv_export_sql(const dcval_contract *c, const dv_export_opts *o,
			   dv_buf *out, dcval_error *err)
{
	dv_sqlgen g;
	size_t i;

	memset(&g, 0, sizeof(g));
	g.c = c;
	g.o = o;
	g.err = err;
	g.d = dv_sql_dialect_get(o->dialect);
	if (!g.d)
		return dv_error_set(err, DCVAL_EUSAGE, NULL, 0, 0, "unknown SQL dialect");
	for (i = 0; i < DV_STAGE_COUNT; i++)
		dv_buf_init(&g.stage[i], DV_SQL_MAX);
	for (i = 0; i < sizeof(g.rstage) / sizeof(g.rstage[0]); i++)
		dv_buf_init(&g.rstage[i], DV_SQL_MAX);
	dv_buf_init(&g.rows, DV_SQL_MAX);
	dv_buf_init(&g.tmp, DV_SQL_MAX);
	for (i = 0; i < c->n_columns && g.st == DCVAL_OK; i++) {
		stage_v(&g, i);
		g.line = c->columns[i].line;
		dv_sql_type_stages(&g, &c->columns[i]);
	}
	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
		if (g.st == DCVAL_OK)
			sections[i](&g);
	if (g.st == DCVAL_OK && g.n_checks == 0)
		dv_sql_fail(&g, "export: the contract has no check that SQL can count");
	if (g.st == DCVAL_OK)
		assemble(&g, out);
	for (i = 0; i < DV_STAGE_COUNT; i++)
		dv_buf_release(&g.stage[i]);
	for (i = 0; i < sizeof(g.rstage) / sizeof(g.rstage[0]); i++)
		dv_buf_release(&g.rstage[i]);
	dv_buf_release(&g.rows);
	dv_buf_release(&g.tmp);
	if (g.st != DCVAL_OK && g.st != DCVAL_ECONTRACT)
		dv_error_set(err, g.st, NULL, 0, 0,
			     g.st == DCVAL_ENOMEM ? "out of memory"
						  : "the query is too large");
	return g.st;
}
