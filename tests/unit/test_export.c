/*
 * Unit tests of dcval export's pieces (src/export/): the PCRE2 to
 * RE2 / ARE translation, construct by construct, and its refusals; the
 * quoting of literals and identifiers; the dialect table; the canonical
 * decimal of number bounds. Counts on real engines: tests/sql/run.sh.
 */
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"

#include "contract/contract_impl.h"
#include "export/sqlgen.h"

struct gen {
	dcval_contract *c;
	dcval_error err;
	dv_sqlgen g;
	dv_buf out;
};

static void gen_init(struct gen *t, dv_sql_dialect_id d)
{
	static const char yaml[] = "contract: t\ncolumns:\n  - {name: x, type: number, minimum: 0}\n";

	memset(t, 0, sizeof(*t));
	t->c = dcval_contract_load_buffer("c.yaml", yaml, sizeof(yaml) - 1, &t->err);
	assert_non_null(t->c);
	t->g.c = t->c;
	t->g.d = dv_sql_dialect_get(d);
	t->g.err = &t->err;
	dv_buf_init(&t->out, 1u << 20);
}

static void gen_free(struct gen *t)
{
	dv_buf_release(&t->out);
	dcval_contract_free(t->c);
}

struct rx_case {
	const char *pcre;
	const char *duckdb; /* NULL: refused */
	const char *postgres;
};

static const struct rx_case rx_cases[] = {
	{ "abc", "^(?:abc)$", "^(?:abc)$" },
	{ "^[A-Z]{2}$", "^(?:^[A-Z]{2}$)$", "^(?:^[A-Z]{2}$)$" },
	{ "a.b", "^(?:a[^\\x{A}]b)$", "^(?:a[^\\u000A]b)$" },
	{ "\\d+\\.\\d*", "^(?:[0-9]+\\x{2E}[0-9]*)$", "^(?:[0-9]+\\u002E[0-9]*)$" },
	{ "\\w\\s\\W", "^(?:[0-9A-Za-z\\x{5F}][\\x{9}-\\x{D}\\x{20}][^0-9A-Za-z\\x{5F}])$",
	  "^(?:[0-9A-Za-z\\u005F][\\u0009-\\u000D\\u0020][^0-9A-Za-z\\u005F])$" },
	{ "(a|b)*?c+?", "^(?:(?:a|b)*c+)$", "^(?:(?:a|b)*c+)$" },
	{ "(?<n>x)(?:y){2,3}", "^(?:(?:x)(?:y){2,3})$", "^(?:(?:x)(?:y){2,3})$" },
	{ "[^]a-]", "^(?:[^\\x{5D}a\\x{2D}])$", "^(?:[^\\u005Da\\u002D])$" },
	{ "[[:alpha:]\\d]", "^(?:[A-Za-z0-9])$", "^(?:[A-Za-z0-9])$" },
	{ "\\x41\\x{263A}é", "^(?:A\xe2\x98\xba\xc3\xa9)$", "^(?:A\xe2\x98\xba\xc3\xa9)$" },
	{ "'\"\\\\", "^(?:\\x{27}\\x{22}\\x{5C})$", "^(?:\\u0027\\u0022\\u005C)$" },
	{ "a{,3}", NULL, NULL },
	{ "a{3", "^(?:a\\x{7B}3)$", "^(?:a\\u007B3)$" },
	{ "(?=a)a", NULL, NULL },
	{ "(?i)a", NULL, NULL },
	{ "(a)\\1", NULL, NULL },
	{ "\\bword", NULL, NULL },
	{ "\\p{L}", NULL, NULL },
	{ "a++", NULL, NULL },
	{ "(?>a)", NULL, NULL },
	{ "a{256}", "^(?:a{256})$", NULL },
	{ "a$|b", "^(?:a$|b)$", "^(?:a$|b)$" },
	{ "a$\\n", NULL, NULL },
	{ "a$[^x]", NULL, NULL },
	{ "\\Aa\\z", "^(?:^a$)$", "^(?:^a$)$" },
	{ "a(?#note)b", "^(?:ab)$", "^(?:ab)$" },
};

static void test_regex_table(void **state)
{
	size_t i;
	int d;

	(void)state;
	for (i = 0; i < sizeof(rx_cases) / sizeof(rx_cases[0]); i++) {
		for (d = 0; d < 2; d++) {
			const char *want = d == 0 ? rx_cases[i].duckdb : rx_cases[i].postgres;
			struct gen t;
			bool ok;

			gen_init(&t, d == 0 ? DV_SQL_DUCKDB : DV_SQL_POSTGRES);
			ok = dv_sql_regex(&t.g, rx_cases[i].pcre, strlen(rx_cases[i].pcre),
					  &t.out, "pattern of column 'x'");
			if (ok != (want != NULL) || (want && strcmp(t.out.data, want) != 0))
				fail_msg("%s (%s): got %s '%s', want '%s'", rx_cases[i].pcre,
					 d ? "postgres" : "duckdb", ok ? "ok" : "refusal",
					 ok ? t.out.data : t.err.text, want ? want : "a refusal");
			if (!want) {
				assert_int_equal(t.g.st, DCVAL_ECONTRACT);
				assert_non_null(strstr(t.err.text, "pattern of column 'x': "));
				assert_non_null(strstr(t.err.text, "has no exact translation"));
			}
			gen_free(&t);
		}
	}
}

static void test_refusal_names_construct(void **state)
{
	struct gen t;

	(void)state;
	gen_init(&t, DV_SQL_DUCKDB);
	assert_false(dv_sql_regex(&t.g, "x\\bword", 7, &t.out, "pattern of column 'x'"));
	assert_string_equal(t.err.text,
			    "export: pattern of column 'x': '\\b' (a word boundary) has no exact "
			    "translation to duckdb's regular expressions");
	gen_free(&t);
}

static void test_literals(void **state)
{
	struct gen t;

	(void)state;
	gen_init(&t, DV_SQL_POSTGRES);
	dv_sql_literal(&t.g, &t.out, "a'b\\c", 5);
	assert_string_equal(t.out.data, "E'a''b\\\\c'");
	dv_buf_reset(&t.out);
	dv_sql_ident(&t.g, &t.out, "we\"ird'\\");
	assert_string_equal(t.out.data, "\"we\"\"ird'\\\"");
	gen_free(&t);
	gen_init(&t, DV_SQL_DUCKDB);
	dv_sql_literal(&t.g, &t.out, "a'b\\c\n", 6);
	assert_string_equal(t.out.data, "'a''b\\c\n'");
	gen_free(&t);
}

static void test_dialects(void **state)
{
	dv_sql_dialect_id d;

	(void)state;
	assert_true(dv_sql_dialect_parse("duckdb", &d));
	assert_int_equal(d, DV_SQL_DUCKDB);
	assert_true(dv_sql_dialect_parse("postgres", &d));
	assert_int_equal(d, DV_SQL_POSTGRES);
	assert_false(dv_sql_dialect_parse("spark", &d));
	assert_false(dv_sql_dialect_parse("DuckDB", &d));
	assert_null(dv_sql_dialect_get(DV_SQL_COUNT));
}

/* The canonical decimal of a bound: digits and exponent in the query. */
static void test_number_bound(void **state)
{
	static const struct {
		const char *bound;
		const char *has;
	} cases[] = {
		{ "100000.0000000000000001", "na0 <> 6 " },
		{ "100000.0000000000000001", "rpad('1000000000000000000001'" },
		{ "-0.05e2", "<> -1 " },
		{ "-0.05e2", "na0 <> 1 " },
		{ "0.000", ") >= 0" },
		{ "1E-3", "na0 <> -2 " },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct gen t;

		gen_init(&t, DV_SQL_DUCKDB);
		dv_sql_number_cmp(&t.g, &t.out, 0, ">=", cases[i].bound);
		if (!t.out.data || !strstr(t.out.data, cases[i].has))
			fail_msg("%s: '%s' lacks '%s'", cases[i].bound,
				 t.out.data ? t.out.data : "", cases[i].has);
		gen_free(&t);
	}
}

/* Export a contract text; the status, the query in *out, err filled. */
static dcval_status export_text(const char *yaml, dv_sql_dialect_id d, bool now,
				dv_buf *out, dcval_error *err)
{
	dv_export_opts o = { .dialect = d, .has_now = now, .now_secs = 1767319200,
			     .now_ns = 5 };
	dcval_contract *c = dcval_contract_load_buffer("c.yaml", yaml, strlen(yaml), err);
	dcval_status st;

	assert_non_null(c);
	dv_buf_init(out, 1u << 28);
	st = dv_export_sql(c, &o, out, err);
	dcval_contract_free(c);
	return st;
}

/* A run of adjacent number fields: the lengths the greedy reader takes
 * (%Y%m%d: 7 or 8 digits, never 6: %m takes two and leaves %d none). */
static void test_format_runs(void **state)
{
	static const struct {
		const char *format;
		const char *has;
	} cases[] = {
		{ "%Y%m%d", "IN (0, 7, 8)" },
		{ "%Y%m%d", "WHEN 7 THEN substr(fr0_0, 5, 2)" },
		{ "%Y%m%d", "WHEN 7 THEN substr(fr0_0, 7, 1)" },
		{ "%d/%m/%Y", "IN (0, 1, 2)" },
		{ "%d/%m/%Y", "\\/" },
		{ "%H%M%S", "IN (0, 5, 6)" },
		{ "%d %B %Y", "[Jj][Aa][Nn][Uu][Aa][Rr][Yy]|[Jj][Aa][Nn]|" },
		{ "%Y%j", "IN (0, 5, 6, 7)" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char yaml[256];
		dcval_error err;
		dv_buf out;

		snprintf(yaml, sizeof(yaml), "contract: t\ncolumns:\n  - name: x\n    type: %s\n"
			 "    format: \"%s\"\n", strchr(cases[i].format, 'H') ? "time" : "date",
			 cases[i].format);
		memset(&err, 0, sizeof(err));
		assert_int_equal(export_text(yaml, DV_SQL_POSTGRES, false, &out, &err), DCVAL_OK);
		if (!strstr(out.data, cases[i].has))
			fail_msg("%s: the query lacks '%s'", cases[i].format, cases[i].has);
		dv_buf_release(&out);
	}
}

/* What a format has no exact translation for: named in the error. */
static void test_format_refusals(void **state)
{
	static const struct {
		const char *format;
		const char *text;
	} cases[] = {
		{ "%Y%m1", "a digit right after a number field" },
		{ "%d%bx%Y", "a letter right after a month name" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char yaml[256];
		dcval_error err;
		dv_buf out;

		snprintf(yaml, sizeof(yaml), "contract: t\ncolumns:\n  - name: x\n    type: date\n"
			 "    format: \"%s\"\n", cases[i].format);
		memset(&err, 0, sizeof(err));
		assert_int_equal(export_text(yaml, DV_SQL_DUCKDB, false, &out, &err),
				 DCVAL_ECONTRACT);
		if (!strstr(err.text, cases[i].text))
			fail_msg("%s: '%s' lacks '%s'", cases[i].format, err.text, cases[i].text);
		dv_buf_release(&out);
	}
}

/* A rule's nodes are columns of their own stages: a chain of 200
 * additions is 200 stages of constant size each, not an expression
 * that repeats its operands (the integer overflow test names each
 * operand several times). */
static void test_rule_stages_linear(void **state)
{
	char yaml[4096];
	size_t n, i;
	dcval_error err;
	dv_buf out;

	(void)state;
	n = (size_t)snprintf(yaml, sizeof(yaml), "contract: t\ncolumns:\n  - {name: a, type: integer}\n"
			     "rules:\n  - {name: r, check: 'a");
	for (i = 0; i < 199; i++)
		n += (size_t)snprintf(yaml + n, sizeof(yaml) - n, " + a");
	snprintf(yaml + n, sizeof(yaml) - n, " > 0'}\n");
	memset(&err, 0, sizeof(err));
	assert_int_equal(export_text(yaml, DV_SQL_DUCKDB, false, &out, &err), DCVAL_OK);
	assert_non_null(strstr(out.data, "dv_r200 AS ("));
	assert_true(out.len < 400u * 1024);
	dv_buf_release(&out);
}

/* now() with --now: a constant of nanoseconds since the epoch. */
static void test_rule_now(void **state)
{
	static const char yaml[] = "contract: t\ncolumns:\n  - {name: t, type: datetime}\n"
				   "rules:\n  - {name: r, check: 't < now() - 1d'}\n";
	dcval_error err;
	dv_buf out;

	(void)state;
	memset(&err, 0, sizeof(err));
	assert_int_equal(export_text(yaml, DV_SQL_POSTGRES, true, &out, &err), DCVAL_OK);
	assert_non_null(strstr(out.data, "CAST('1767319200000000005' AS NUMERIC)"));
	assert_non_null(strstr(out.data, "CAST('86400000000000' AS NUMERIC)"));
	dv_buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_regex_table),
		cmocka_unit_test(test_refusal_names_construct),
		cmocka_unit_test(test_literals),
		cmocka_unit_test(test_dialects),
		cmocka_unit_test(test_number_bound),
		cmocka_unit_test(test_format_runs),
		cmocka_unit_test(test_format_refusals),
		cmocka_unit_test(test_rule_stages_linear),
		cmocka_unit_test(test_rule_now),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
