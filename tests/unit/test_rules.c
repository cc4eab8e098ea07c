/*
 * Unit tests of cross-field rules: the expression compiler (src/contract/
 * expr_*.c: lexer, parser, types, error positions) and the evaluator
 * (src/engine/rules_eval.c) through whole runs of one csv record.
 *
 * ev(EXPR, ROW) runs three rules over ROW: `EXPR`, `not (EXPR)` and
 * `(EXPR) is not null`; which of them fail tells whether EXPR was true,
 * false or null.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "contract/contract_impl.h"
#include "contract/expr.h"
#include "engine/rules.h"
#include "harness.h"

#define COLUMNS \
	"contract: t\n" \
	"columns:\n" \
	"  - {name: i, type: integer}\n" \
	"  - {name: j, type: integer}\n" \
	"  - {name: n, type: number}\n" \
	"  - {name: s, type: string}\n" \
	"  - {name: t, type: string}\n" \
	"  - {name: b, type: boolean}\n" \
	"  - {name: d, type: date}\n" \
	"  - {name: d2, type: date}\n" \
	"  - {name: ts, type: datetime}\n" \
	"  - {name: ts2, type: datetime}\n" \
	"  - {name: tm, type: time}\n" \
	"  - {name: tm2, type: time}\n" \
	"  - {name: x, type: any}\n" \
	"  - {name: unit price, type: number}\n" \
	"  - {name: user.country, type: string}\n" \
	"  - {name: secret, type: string, sensitive: true}\n"

#define HEADER "i,j,n,s,t,b,d,d2,ts,ts2,tm,tm2,x,unit price,user.country,secret\n"
#define ROW "7,2,1.5,abc,ABC,true,2026-01-01,2026-01-03,2026-01-01T00:00:00Z," \
	    "2026-01-01T00:30:00+01:00,10:00:00,10:00:00+01:00,x,2.5,FR,hidden\n"
#define NULLS ",,,,,,,,,,,,,,,\n"

static char result[16];

static const char *ev(const char *expr, const char *row)
{
	static char yaml[4096], csv[1024];
	struct run r = RUN_INIT;
	struct input in;

	snprintf(yaml, sizeof(yaml),
		 COLUMNS "rules:\n"
		 "  - name: r_false\n    check: |-\n      %s\n"
		 "  - name: r_true\n    check: |-\n      not (%s)\n"
		 "  - name: r_null\n    check: |-\n      (%s) is not null\n",
		 expr, expr, expr);
	snprintf(csv, sizeof(csv), HEADER "%s", row);
	in.data = csv;
	in.len = strlen(csv);
	run_inputs(yaml, &in, 1, NULL, &r);
	/* the record's column violations (a type violation) come first */
	while (r.n && strncmp(r.v[r.n - 1].rule, "r_", 2) != 0)
		r.n--;
	if (r.n == 0 || (r.n > 1 && strncmp(r.v[r.n - 2].rule, "r_", 2) == 0)) {
		print_error("%s: digest %s\n", expr, r.digest);
		fail();
	}
	snprintf(result, sizeof(result), "%s",
		 strcmp(r.v[r.n - 1].rule, "r_false") == 0 ? "false" :
		 strcmp(r.v[r.n - 1].rule, "r_true") == 0 ? "true" : "null");
	run_free(&r);
	return result;
}

#define IS(expr, want) assert_string_equal(ev(expr, ROW), want)
#define IS_ROW(expr, row, want) assert_string_equal(ev(expr, row), want)

static void test_precedence(void **state)
{
	(void)state;
	IS("1 + 2 * 3 == 7", "true");
	IS("(1 + 2) * 3 == 9", "true");
	IS("-2 * 3 == -6", "true");
	IS("10 - 4 - 3 == 3", "true");
	IS("12 / 3 / 2 == 2", "true");
	IS("not 1 == 2", "true");
	IS("true or true and false", "true");
	IS("(true or true) and false", "false");
	IS("not false and false", "false");
	IS("i > 1 and j > 1 or false", "true");
	IS("- -3 == 3", "true");
	IS("-2e3 == -2000", "true");
}

static void test_arithmetic(void **state)
{
	(void)state;
	IS("7 / 2 == 3.5", "true");
	IS("i / j == 3.5", "true");
	IS("i / 0 == 1", "null");
	IS("n / (j - 2) > 0", "null");
	IS("i * j == 14", "true");
	IS("i + n == 8.5", "true");
	IS("abs(-3) == 3 and abs(-1.5) == 1.5", "true");
	IS("abs(i - 10) == 3", "true");
	IS("`unit price` * 2 == 5", "true");
	IS("user.country == \"FR\"", "true");
}

static void test_big_integers(void **state)
{
	(void)state;
	IS("9223372036854775807 + 1 > 9223372036854775807", "true");
	IS("-9223372036854775808 < -9223372036854775807", "true");
	IS("9223372036854775807 == 9223372036854775806", "false");
	/* an integer and a number compare exactly: 2^53 + 1 is no double */
	IS("9007199254740993 > 9007199254740992.0", "true");
	IS("9007199254740993 == 9007199254740992.0", "false");
	IS("99999999999999999999 > 9223372036854775807", "true");
	IS("abs(-9223372036854775808) > 0", "true");
	IS("9223372036854775807 * 2 > 0", "true");
}

static void test_nulls(void **state)
{
	(void)state;
	IS_ROW("i == 1", NULLS, "null");
	IS_ROW("i + 1 == 1", NULLS, "null");
	IS_ROW("-i == 1", NULLS, "null");
	IS_ROW("i is null", NULLS, "true");
	IS_ROW("i is not null", NULLS, "false");
	IS_ROW("false and i == 1", NULLS, "false");
	IS_ROW("i == 1 and false", NULLS, "false");
	IS_ROW("true and i == 1", NULLS, "null");
	IS_ROW("true or i == 1", NULLS, "true");
	IS_ROW("i == 1 or true", NULLS, "true");
	IS_ROW("false or i == 1", NULLS, "null");
	IS_ROW("not (i == 1)", NULLS, "null");
	IS_ROW("len(s) == 1", NULLS, "null");
	IS_ROW("lower(s) == \"a\"", NULLS, "null");
	IS_ROW("abs(n) == 1", NULLS, "null");
	IS_ROW("ts + 1d > ts2", NULLS, "null");
	IS_ROW("i in [1, 2]", NULLS, "null");
	IS_ROW("i not in [1, 2]", NULLS, "null");
	IS_ROW("x is null", NULLS, "true");
	IS("null == null", "null");
	IS("i == null", "null");
	IS("i in [7, null]", "true");
	IS("i in [1, null]", "null");
	IS("i not in [1, null]", "null");
	IS("i not in [1, 2]", "true");
	IS("x is not null", "true");
	/* a value that failed its type check is null in rules */
	IS_ROW("i is null", "oops,2,1.5,abc,ABC,true,2026-01-01,2026-01-03,"
	       "2026-01-01T00:00:00Z,2026-01-01T00:30:00+01:00,10:00:00,"
	       "10:00:00+01:00,x,2.5,FR,hidden\n", "true");
}

static void test_strings(void **state)
{
	(void)state;
	IS("s == \"abc\"", "true");
	IS("s < t", "false"); /* byte-wise: 'a' > 'A' */
	IS("upper(s) == t and lower(t) == s", "true");
	IS("lower(upper(s)) == s", "true");
	IS("len(s) == 3", "true");
	IS_ROW("len(s) == 2", "7,2,1.5,\xc3\xa9\xc3\xa9,ABC,true,2026-01-01,"
	       "2026-01-03,2026-01-01T00:00:00Z,2026-01-01T00:30:00+01:00,"
	       "10:00:00,10:00:00+01:00,x,2.5,FR,hidden\n", "true");
	IS_ROW("upper(s) == \"\xc3\xa9\xc3\xa9\"", "7,2,1.5,\xc3\xa9\xc3\xa9,ABC,true,"
	       "2026-01-01,2026-01-03,2026-01-01T00:00:00Z,"
	       "2026-01-01T00:30:00+01:00,10:00:00,10:00:00+01:00,x,2.5,FR,hidden\n",
	       "true"); /* ASCII letters only */
	IS("\"a\\\"b\" != \"a\\\\b\" and len(\"a\\\"b\") == 3", "true");
	IS("s in [\"x\", \"abc\"]", "true");
	IS("s not in [\"x\", \"abc\"]", "false");
	IS("b and b == true and b != false", "true");
	IS("false < true", "true");
}

static void test_temporal(void **state)
{
	(void)state;
	IS("ts2 < ts", "true"); /* 23:30Z the day before */
	IS("ts - ts2 == 30m", "true");
	IS("ts + 30d > ts", "true");
	IS("ts - 1h < ts", "true");
	IS("ts == \"2026-01-01T01:00:00+01:00\"", "true");
	IS("ts in [\"2025-12-31T23:00:00-01:00\"]", "true");
	IS("\"2026-01-01\" == d", "true");
	IS("d + 2d == d2 and d2 - 2d == d", "true");
	IS("d2 - d == 48h", "true");
	IS("d in [\"2026-01-02\", \"2026-01-01\"]", "true");
	IS("tm == tm2", "false");
	IS("tm2 == \"09:00:00\"", "true");
	IS("tm > \"09:59:59.5\"", "true");
	IS("-30d < 1ms", "true");
	IS("1w == 7d and 1d == 24h and 1h == 60m and 1m == 60s and 1s == 1000ms", "true");
	IS("now() > ts", "true");
	IS("\"b\" > \"a\"", "true"); /* two strings stay strings */
}

static void test_leap_second(void **state)
{
	(void)state;
	IS_ROW("ts > \"2016-12-31T23:59:59.5Z\" and ts < \"2017-01-01T00:00:00Z\"",
	       "7,2,1.5,abc,ABC,true,2026-01-01,2026-01-03,2016-12-31T23:59:60Z,"
	       "2026-01-01T00:30:00+01:00,10:00:00,10:00:00+01:00,x,2.5,FR,hidden\n",
	       "true");
}

/* The first violation of a contract whose rule is `check`. */
static void expect_error(const char *rule_yaml, const char *text,
			 unsigned long line, unsigned long col)
{
	char yaml[4096];
	dcval_contract *c;
	dcval_error err;

	snprintf(yaml, sizeof(yaml), COLUMNS "rules:\n%s", rule_yaml);
	c = dcval_contract_load_buffer("c.yaml", yaml, strlen(yaml), &err);
	if (c) {
		dcval_contract_free(c);
		fail_msg("compiled: %s", rule_yaml);
	}
	assert_string_equal(err.text, text);
	if (err.line != line || err.col != col)
		print_error("%s: at %lu:%lu\n", text, err.line, err.col);
	assert_int_equal(err.status, DCVAL_ECONTRACT);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, col);
}

#define L 21 /* line of the first rule's second key */

static void test_type_errors(void **state)
{
	(void)state;
	expect_error("  - name: r\n    check: amount > 0\n",
		     "unknown column 'amount'", L, 12);
	expect_error("  - name: r\n    check: tss > ts\n",
		     "unknown column 'tss' (did you mean 'ts'?)", L, 12);
	expect_error("  - name: r\n    check: n > 1 and `unit prize` > 1\n",
		     "unknown column 'unit prize' (did you mean 'unit price'?)", L, 22);
	expect_error("  - name: r\n    check: n > \"x\"\n",
		     "cannot compare column 'n' (number) with the string \"x\"", L, 16);
	expect_error("  - name: r\n    check: ts > 3\n",
		     "cannot compare column 'ts' (datetime) with the integer 3", L, 17);
	expect_error("  - name: r\n    check: ts > d\n",
		     "cannot compare column 'ts' (datetime) with column 'd' (date)", L, 17);
	expect_error("  - name: r\n    check: d + 36h > d2\n",
		     "a duration added to or subtracted from a date must be whole days", L, 16);
	expect_error("  - name: r\n    check: ts + 0h > ts\n",
		     "duration '0h' must be positive", L, 17);
	expect_error("  - name: r\n    check: 0h < 1h\n",
		     "duration '0h' must be positive", L, 12);
	expect_error("  - name: r\n    check: s + t == s\n",
		     "'+' does not apply to column 's' (string) and column 't' (string)", L, 14);
	expect_error("  - name: r\n    check: tm + 1h > tm\n",
		     "'+' does not apply to column 'tm' (time) and the duration 1h", L, 15);
	expect_error("  - name: r\n    check: i and true\n",
		     "'and' needs a boolean, got column 'i' (integer)", L, 12);
	expect_error("  - name: r\n    check: i + 1\n",
		     "the expression must be true or false, but it is a integer value", L, 14);
	expect_error("  - name: r\n    check: len(i) > 1\n",
		     "len() takes a string, got integer", L, 16);
	expect_error("  - name: r\n    check: abs(s) > 1\n",
		     "abs() takes a number, got string", L, 16);
	expect_error("  - name: r\n    check: lenn(s) > 1\n",
		     "unknown function 'lenn' (did you mean 'len'?)", L, 12);
	expect_error("  - name: r\n    check: size(s) > 1\n",
		     "unknown function 'size': the functions are len, lower, upper, abs and now", L, 12);
	expect_error("  - name: r\n    check: len(s, t) > 1\n",
		     "len() takes 1 argument, got 2", L, 12);
	expect_error("  - name: r\n    check: x == 1\n",
		     "column 'x' (any) has type any: only 'is null' and 'is not null' apply to it", L, 12);
	expect_error("  - name: r\n    check: i in [1, \"a\"]\n",
		     "cannot compare column 'i' (integer) with the string \"a\"", L, 21);
	expect_error("  - name: r\n    check: d in [\"2026-01-01\", \"2026-02-30\"]\n",
		     "the string \"2026-02-30\" is not a date (YYYY-MM-DD)", L, 32);
	expect_error("  - name: r\n    check: ts == \"yesterday\"\n",
		     "the string \"yesterday\" is not a datetime (RFC 3339, such as 2026-01-01T00:00:00Z)", L, 18);
}

static void test_syntax_errors(void **state)
{
	(void)state;
	expect_error("  - name: r\n    check: i < j < 3\n",
		     "comparisons do not chain: join them with 'and' or use parentheses", L, 18);
	expect_error("  - name: r\n    check: i is null is null\n",
		     "comparisons do not chain: join them with 'and' or use parentheses", L, 22);
	expect_error("  - name: r\n    check: (i > 1\n",
		     "expected ')', got end of expression", L, 18);
	expect_error("  - name: r\n    check: i = 1\n",
		     "unknown operator '=' (use '==')", L, 14);
	expect_error("  - name: r\n    check: i > \n",
		     "expected a value, a column or '(', got end of expression", L, 15);
	expect_error("  - name: r\n    check: i in []\n",
		     "the list after 'in' is empty", L, 14);
	expect_error("  - name: r\n    check: i > 1.5h\n",
		     "invalid number '1.5h' (a duration is digits and one of ms, s, m, h, d, w)", L, 16);
	expect_error("  - name: r\n    check: i > 3y\n",
		     "invalid number '3y' (a duration is digits and one of ms, s, m, h, d, w)", L, 16);
	expect_error("  - name: r\n    check: s == \"a\\q\"\n",
		     "unknown escape in a string: only \\\" and \\\\", L, 19);
	expect_error("  - name: r\n    check: s == \"abc\n",
		     "unterminated string: a closing '\"' is missing", L, 17);
	expect_error("  - name: r\n    check: i is 1\n",
		     "expected 'null' or 'not null' after 'is', got a number", L, 17);
	expect_error("  - name: r\n    check: i not 1\n",
		     "expected 'in' after 'not', got a number", L, 18);
	expect_error("  - name: r\n    check: i > 1 j\n",
		     "expected an operator or the end of the expression, got a name", L, 18);
	expect_error("  - name: r\n    check: ' '\n", "the expression is empty", L, 13);
}

static void test_rule_keys(void **state)
{
	(void)state;
	expect_error("  - name: type\n    check: i > 1\n",
		     "rule name 'type' is a built-in rule id: choose another name", 20, 11);
	expect_error("  - name: freshness\n    check: i > 1\n",
		     "rule name 'freshness' is a built-in rule id: choose another name", 20, 11);
	expect_error("  - name: 1r\n    check: i > 1\n",
		     "invalid rule name '1r': use letters, digits and '_', not starting with a digit", 20, 11);
	expect_error("  - name: r-1\n    check: i > 1\n",
		     "invalid rule name 'r-1': use letters, digits and '_', not starting with a digit", 20, 11);
	expect_error("  - name: r\n    check: i > 1\n  - name: r\n    check: i > 2\n",
		     "rule name 'r' is used twice (first on line 20)", 22, 11);
	expect_error("  - name: r\n", "missing required key 'check' in rule 'r'", 20, 5);
	expect_error("  - check: i > 1\n", "missing required key 'name' in rule 1", 20, 5);
	expect_error("  - name: r\n    check: i > 1\n    severity: fatal\n",
		     "expected error or warn for 'severity', got 'fatal'", 22, 15);
	expect_error("  - name: r\n    chek: i > 1\n",
		     "unknown key 'chek' (did you mean 'check'?)", L, 5);
	expect_error("  - name: r\n    when: i\n    check: i > 1\n",
		     "the expression must be true or false, but it is column 'i' (integer)", L, 11);
}

/* Positions inside quoted and block scalars. */
static void test_error_positions(void **state)
{
	(void)state;
	expect_error("  - name: r\n    check: \"i > 1 and \\\"a\\\" == qqq\"\n",
		     "unknown column 'qqq'", L, 32);
	expect_error("  - name: r\n    check: 'i > 1 and \"it''s\" == qqq'\n",
		     "unknown column 'qqq'", L, 34);
	expect_error("  - name: r\n    check: |\n      i > 1 and\n        qqq == 2\n",
		     "unknown column 'qqq'", L + 2, 9);
	expect_error("  - name: r\n    check: i > 1\n      and qqq == 2\n",
		     "unknown column 'qqq'", L + 1, 11);
	expect_error("  - name: r\n    check: s == \"\xc3\xa9\" and qqq\n",
		     "unknown column 'qqq'", L, 25);
}

/* The evaluator directly: now() is the run's now, strings never copied. */
static void test_eval_direct(void **state)
{
	const char *yaml = COLUMNS "rules:\n  - name: r\n    check: now() - 1d > \"2026-01-01T00:00:00Z\"\n";
	dcval_contract *c;
	dcval_error err;
	dv_value values[16];
	dv_typed typed[16];
	bool has[16];
	dv_xenv env;
	dv_xval v;

	(void)state;
	c = dcval_contract_load_buffer("c.yaml", yaml, strlen(yaml), &err);
	assert_non_null(c);
	memset(values, 0, sizeof(values));
	memset(typed, 0, sizeof(typed));
	memset(has, 0, sizeof(has));
	env.values = values;
	env.typed = typed;
	env.has_typed = has;
	env.now_secs = 1767225600 + 86400; /* 2026-01-02T00:00:00Z */
	env.now_ns = 1;
	dv_expr_eval(c->rules.rules[0].check, &env, &v);
	assert_int_equal(v.t, DV_X_BOOL);
	assert_int_equal(v.i, 1);
	env.now_ns = 0;
	dv_expr_eval(c->rules.rules[0].check, &env, &v);
	assert_int_equal(v.i, 0);
	dcval_contract_free(c);
}

/* The violation: no field, no column, the rule's name and severity,
 * `name=value` pairs of when's columns then check's, each once. */
static void test_violation_shape(void **state)
{
	const char *yaml = COLUMNS "rules:\n"
		"  - name: r\n    when: s == \"abc\" and i > 0\n"
		"    check: i < j or secret == s or i > 100 or `unit price` is null\n"
		"    severity: warn\n";
	struct run r = RUN_INIT;
	struct input in = { HEADER ROW, strlen(HEADER ROW) };

	(void)state;
	run_inputs(yaml, &in, 1, NULL, &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.v[0].rule, "r");
	assert_false(r.v[0].has_column);
	assert_int_equal(r.v[0].field, 0);
	assert_int_equal(r.v[0].record, 1);
	assert_int_equal(r.v[0].line, 2);
	assert_int_equal(r.v[0].severity, DCVAL_SEVERITY_WARN);
	assert_false(r.v[0].redacted);
	assert_string_equal(r.v[0].value,
			    "s=abc, i=7, j=2, secret=<redacted>, unit price=2.5");
	assert_string_equal(r.v[0].detail,
			    "rule r failed: i < j or secret == s or i > 100 or `unit price` is null");
	expect_counts(&r, 1, 0, 0, 1);
	run_free(&r);
}

/* A column absent from the csv header is null; a value that failed its
 * type check shows its text. */
static void test_missing_and_bad_values(void **state)
{
	const char *yaml = "contract: t\nschema: {missing_columns: ignore}\ncolumns:\n"
		"  - {name: a, type: integer}\n  - {name: b, type: integer}\n"
		"rules:\n  - name: r\n    check: a is not null and b is not null\n";
	struct run r = RUN_INIT;
	struct input in = { "a\nzz\n", 5 };

	(void)state;
	run_inputs(yaml, &in, 1, NULL, &r);
	assert_string_equal(r.digest, "type:1:2:1:a r:1:2:0:-");
	assert_string_equal(r.v[1].value, "a=zz, b=null");
	run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_precedence),
		cmocka_unit_test(test_arithmetic),
		cmocka_unit_test(test_big_integers),
		cmocka_unit_test(test_nulls),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_temporal),
		cmocka_unit_test(test_leap_second),
		cmocka_unit_test(test_type_errors),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_rule_keys),
		cmocka_unit_test(test_error_positions),
		cmocka_unit_test(test_eval_direct),
		cmocka_unit_test(test_violation_shape),
		cmocka_unit_test(test_missing_and_bad_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
