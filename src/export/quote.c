/*
 * Quoting: every name and value of the contract reaches the query only
 * through these two functions, so a hostile column name or enum value
 * cannot change the query's structure. Identifiers are "..." with `"`
 * doubled (both engines take any other byte, NUL never occurs in a
 * contract's strings). Literals are '...' with `'` doubled; PostgreSQL's
 * are E'...' with `\` doubled too, which reads the same whatever the
 * server's standard_conforming_strings.
 */
#include "export/sqlgen.h"

void dv_sql_literal(dv_sqlgen *g, dv_buf *b, const char *s, size_t len)
{
	size_t i;

	if (g->d->e_strings)
		dv_sql_put(g, b, "E");
	dv_sql_put(g, b, "'");
	for (i = 0; i < len && g->st == DCVAL_OK; i++) {
		if (s[i] == '\'' || (g->d->e_strings && s[i] == '\\'))
			dv_sql_put(g, b, "%c", s[i]);
		dv_sql_put(g, b, "%c", s[i]);
	}
	dv_sql_put(g, b, "'");
}

void dv_sql_ident(dv_sqlgen *g, dv_buf *b, const char *s)
{
	dv_sql_put(g, b, "\"");
	for (; *s && g->st == DCVAL_OK; s++) {
		if (*s == '"')
			dv_sql_put(g, b, "\"");
		dv_sql_put(g, b, "%c", *s);
	}
	dv_sql_put(g, b, "\"");
}
