/*
 * Unit tests of dcval infer: the column state machine (src/infer/icol.c),
 * the YAML quoting (src/infer/yquote.c, each string read back by libyaml)
 * and the writer's decisions (src/infer/iout.c: null tokens to a fixed
 * point, csv names, dv_infer_contract()).
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include <unistd.h>

#include <yaml.h>

#include "dcval/dcval.h"
#include "infer/icol.h"
#include "infer/infer.h"
#include "infer/yquote.h"
#include "read/jdoc.h"

/* ---- the state machine ---- */

static enum dv_icand type_of(const char *const *v, size_t n)
{
	dv_icol c;
	enum dv_icand t;
	size_t i;

	dv_icol_init(&c, 10, false);
	for (i = 0; i < n; i++)
		assert_int_equal(dv_icol_text(&c, v[i], strlen(v[i])), DCVAL_OK);
	t = dv_icol_type(&c);
	dv_icol_release(&c);
	return t;
}

#define TYPE(...) type_of((const char *const[]){ __VA_ARGS__ }, \
	sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(const char *))

static void test_icol_text_types(void **state)
{
	(void)state;
	assert_int_equal(TYPE("true", "False", "TRUE"), DV_IC_BOOLEAN);
	assert_int_equal(TYPE("0", "1", "1"), DV_IC_INTEGER);
	assert_int_equal(TYPE("true", "1"), DV_IC_STRING);
	assert_int_equal(TYPE("yes", "no"), DV_IC_STRING);
	assert_int_equal(TYPE("1", "+5", "007", "-0"), DV_IC_INTEGER);
	assert_int_equal(TYPE("1", "2.5", ".5", "5.", "1e3"), DV_IC_NUMBER);
	assert_int_equal(TYPE("9223372036854775808"), DV_IC_NUMBER);
	assert_int_equal(TYPE("NaN"), DV_IC_STRING);
	assert_int_equal(TYPE("1e400"), DV_IC_STRING);
	assert_int_equal(TYPE("2020-02-29", "1999-12-31"), DV_IC_DATE);
	assert_int_equal(TYPE("2021-02-29"), DV_IC_STRING);
	assert_int_equal(TYPE("2020-01-01T00:00:00Z", "2020-01-01 10:00:00.5+05:30"),
			 DV_IC_DATETIME);
	assert_int_equal(TYPE("2020-01-01T00:00:00"), DV_IC_STRING);
	assert_int_equal(TYPE("2020-01-01", "2020-01-01T00:00:00Z"), DV_IC_STRING);
	assert_int_equal(TYPE("10:00:00", "23:59:60Z", "01:02:03.25+01:00"),
			 DV_IC_TIME);
	assert_int_equal(TYPE(" 1"), DV_IC_STRING);
	/* a value-less column is a string */
	assert_int_equal(TYPE(), DV_IC_STRING);
	assert_int_equal(TYPE("[1, 2]"),
			 DV_INFER_VECTORS ? DV_IC_VECTOR : DV_IC_STRING);
}

static void test_icol_tokens_apart(void **state)
{
	dv_icol c;

	(void)state;
	dv_icol_init(&c, 10, false);
	assert_int_equal(dv_icol_text(&c, "NA", 2), DCVAL_OK);
	assert_int_equal(dv_icol_text(&c, "-", 1), DCVAL_OK);
	assert_int_equal(dv_icol_text(&c, "12", 2), DCVAL_OK);
	assert_int_equal(dv_icol_type(&c), DV_IC_INTEGER);
	assert_int_equal(c.tok[0], 1);
	assert_int_equal(c.tok[5], 1);
	assert_int_equal(c.values, 1);
	assert_int_equal(c.svalues, 3);
	assert_int_equal(dv_infer_token("None", 4), 4);
	assert_int_equal(dv_infer_token("none", 4), -1);
	dv_icol_release(&c);
}

static enum dv_icand json_type(const char *const *texts, size_t n)
{
	dv_jdoc d;
	dv_icol c;
	enum dv_icand t;
	bool valid;
	size_t i;

	dv_jdoc_init(&d, 1 << 20);
	dv_icol_init(&c, 10, false);
	for (i = 0; i < n; i++) {
		assert_int_equal(dv_jdoc_parse(&d, texts[i], strlen(texts[i]), &valid),
				 DCVAL_OK);
		assert_true(valid);
		assert_int_equal(dv_icol_json(&c, &d, 0), DCVAL_OK);
	}
	t = dv_icol_type(&c);
	dv_icol_release(&c);
	dv_jdoc_release(&d);
	return t;
}

#define JTYPE(...) json_type((const char *const[]){ __VA_ARGS__ }, \
	sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(const char *))

static void test_icol_json_types(void **state)
{
	(void)state;
	assert_int_equal(JTYPE("7", "7.0", "1e2", "-0"), DV_IC_INTEGER);
	assert_int_equal(JTYPE("7", "1.5"), DV_IC_NUMBER);
	assert_int_equal(JTYPE("1e400"), DV_IC_ANY);
	assert_int_equal(JTYPE("true", "false"), DV_IC_BOOLEAN);
	assert_int_equal(JTYPE("\"12\""), DV_IC_STRING);
	assert_int_equal(JTYPE("\"2020-01-01\""), DV_IC_DATE);
	assert_int_equal(JTYPE("1", "\"x\""), DV_IC_ANY);
	assert_int_equal(JTYPE("\"true\"", "true"), DV_IC_ANY);
	assert_int_equal(JTYPE("[1, 2.5]"),
			 DV_INFER_VECTORS ? DV_IC_VECTOR : DV_IC_ANY);
	assert_int_equal(JTYPE("[1, \"a\"]"), DV_IC_ANY);
	assert_int_equal(JTYPE("{}"), DV_IC_ANY);
}

/* Distinct counts compare as `unique` does: integers by value, strings
 * by bytes, datetimes as instants. */
static void test_icol_distinct_typed(void **state)
{
	static const char *const v[] = { "1", "01", "+1", "2" };
	static const char *const dt[] = { "2020-01-01T00:00:00Z",
					  "2020-01-01T01:00:00+01:00",
					  "2020-01-01 00:00:00z" };
	dv_icol c;
	bool exact;
	size_t i;

	(void)state;
	dv_icol_init(&c, 10, false);
	for (i = 0; i < 4; i++)
		dv_icol_text(&c, v[i], strlen(v[i]));
	assert_int_equal(dv_icol_distinct(&c, DV_IC_INTEGER, &exact), 2);
	assert_true(exact);
	assert_int_equal(dv_icol_distinct(&c, DV_IC_STRING, &exact), 4);
	dv_icol_release(&c);
	dv_icol_init(&c, 10, false);
	for (i = 0; i < 3; i++)
		dv_icol_text(&c, dt[i], strlen(dt[i]));
	assert_int_equal(dv_icol_type(&c), DV_IC_DATETIME);
	assert_int_equal(dv_icol_distinct(&c, DV_IC_DATETIME, &exact), 1);
	dv_icol_release(&c);
}

static void test_icol_distinct_bounded(void **state)
{
	char buf[32];
	dv_icol c;
	bool exact;
	int i, n;

	(void)state;
	dv_icol_init(&c, 10, false);
	for (i = 0; i <= DV_ICOL_DISTINCT_MAX; i++) {
		n = snprintf(buf, sizeof(buf), "v%d", i);
		assert_int_equal(dv_icol_text(&c, buf, (size_t)n), DCVAL_OK);
	}
	assert_null(c.raw);
	assert_true(c.raw_over);
	dv_icol_distinct(&c, DV_IC_STRING, &exact);
	assert_false(exact);
	dv_icol_release(&c);
}

static void test_icol_enum(void **state)
{
	static const char *const v[] = { "b", "a", "b", "a", "c", "c" };
	const dv_ienum *en;
	dv_icol c;
	size_t n, i;

	(void)state;
	dv_icol_init(&c, 3, false);
	for (i = 0; i < 6; i++)
		dv_icol_text(&c, v[i], 1);
	en = dv_icol_enum(&c, &n);
	assert_non_null(en);
	assert_int_equal(n, 3);
	assert_memory_equal(en[0].s, "a", 1);
	assert_memory_equal(en[2].s, "c", 1);
	dv_icol_text(&c, "d", 1);     /* a fourth value: past K = 3 */
	assert_null(dv_icol_enum(&c, &n));
	dv_icol_release(&c);
	dv_icol_init(&c, 3, false);
	dv_icol_text(&c, "a", 1);
	dv_icol_text(&c, "a", 1);
	dv_icol_text(&c, "b", 1);     /* seen once */
	assert_null(dv_icol_enum(&c, &n));
	dv_icol_release(&c);
	dv_icol_init(&c, 0, false);   /* --enum-max 0 */
	dv_icol_text(&c, "a", 1);
	dv_icol_text(&c, "a", 1);
	assert_null(dv_icol_enum(&c, &n));
	dv_icol_release(&c);
}

static void test_icol_formats(void **state)
{
	dv_icol c;

	(void)state;
	dv_icol_init(&c, 10, false);
	dv_icol_text(&c, "123e4567-e89b-12d3-a456-426614174000", 36);
	dv_icol_text(&c, "123E4567-E89B-12D3-A456-426614174000", 36);
	assert_int_equal(c.fmt, 1);
	dv_icol_text(&c, "a@b.org", 7);
	assert_int_equal(c.fmt, 0);
	dv_icol_release(&c);
	dv_icol_init(&c, 10, false);
	dv_icol_text(&c, "a@b.org", 7);
	assert_int_equal(c.fmt, 2);
	dv_icol_text(&c, "NA", 2);    /* a token reaches the string side */
	assert_int_equal(c.fmt, 0);
	dv_icol_release(&c);
}

static void test_icol_bounds(void **state)
{
	static const char *const v[] = { "1.0", "1", "0.10", "-2e0", "3", "3.000" };
	dv_icol c;
	size_t i;

	(void)state;
	dv_icol_init(&c, 10, true);
	for (i = 0; i < 6; i++)
		dv_icol_text(&c, v[i], strlen(v[i]));
	assert_int_equal(dv_icol_type(&c), DV_IC_NUMBER);
	assert_string_equal(c.lo[DV_IC_NUMBER].text.data, "-2e0");
	/* the first of equal maxima stays */
	assert_string_equal(c.hi[DV_IC_NUMBER].text.data, "3");
	dv_icol_release(&c);
	dv_icol_init(&c, 10, true);
	dv_icol_text(&c, "10:00:00+02:00", 14);
	dv_icol_text(&c, "09:00:00", 8);
	assert_string_equal(c.lo[DV_IC_TIME].text.data, "10:00:00+02:00");
	assert_string_equal(c.hi[DV_IC_TIME].text.data, "09:00:00");
	dv_icol_release(&c);
}

static void test_icol_vector_text(void **state)
{
	(void)state;
	assert_true(dv_icol_vector_text("[]", 2));
	assert_true(dv_icol_vector_text("[ ]", 3));
	assert_true(dv_icol_vector_text("[1.0, 2.5,-3e2]", 15));
	assert_true(dv_icol_vector_text("[ 1 , 2 ]", 9));
	assert_true(dv_icol_vector_text("[1,\t2]", 6));
	assert_false(dv_icol_vector_text("[1,]", 4));
	assert_false(dv_icol_vector_text("[1 2]", 5));
	assert_false(dv_icol_vector_text("[,1]", 4));
	assert_false(dv_icol_vector_text("[nan]", 5));
	assert_false(dv_icol_vector_text("[1e400]", 7));
	assert_false(dv_icol_vector_text(" [1]", 4));
	assert_false(dv_icol_vector_text("[", 1));
}

/* ---- YAML quoting ---- */

/* Quote s, parse "k: <quoted>" with libyaml, and compare the value. */
static void read_back(const char *s, size_t len, const char *want_text)
{
	yaml_parser_t p;
	yaml_event_t ev;
	dv_buf b;
	int scalars = 0, done = 0;

	dv_buf_init(&b, 1 << 20);
	assert_int_equal(dv_buf_append(&b, "k: ", 3), DCVAL_OK);
	assert_int_equal(dv_yq_string(&b, s, len), DCVAL_OK);
	assert_int_equal(dv_buf_putc(&b, '\n'), DCVAL_OK);
	if (want_text)
		assert_string_equal(b.data + 3, want_text);
	assert_true(yaml_parser_initialize(&p));
	yaml_parser_set_input_string(&p, (const unsigned char *)b.data, b.len);
	while (!done) {
		assert_true(yaml_parser_parse(&p, &ev));
		if (ev.type == YAML_SCALAR_EVENT && ++scalars == 2) {
			assert_int_equal(ev.data.scalar.length, len);
			assert_memory_equal(ev.data.scalar.value, s, len);
			assert_int_equal(ev.data.scalar.style,
					 YAML_DOUBLE_QUOTED_SCALAR_STYLE);
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	assert_int_equal(scalars, 2);
	yaml_parser_delete(&p);
	dv_buf_release(&b);
}

#define BACK(lit, want) read_back(lit, sizeof(lit) - 1, want)

static void test_yquote_specials(void **state)
{
	(void)state;
	BACK("null", "\"null\"\n");
	BACK("~", "\"~\"\n");
	BACK("yes", NULL);
	BACK("012", NULL);
	BACK("1e3", NULL);
	BACK("true", NULL);
	BACK("", "\"\"\n");
	BACK("a: b", "\"a: b\"\n");
	BACK("#x", NULL);
	BACK(" lead", NULL);
	BACK("trail ", NULL);
	BACK("- x", NULL);
	BACK("[a]", NULL);
	BACK("{a}", NULL);
	BACK("&a *b !t %p @q `r", NULL);
	BACK("q\"u\\o", "\"q\\\"u\\\\o\"\n");
	BACK("tab\there\nnl\rcr", "\"tab\\there\\nnl\\rcr\"\n");
	BACK("nul\0byte", "\"nul\\0byte\"\n");
	BACK("ctl\x01\x1b\x7f", "\"ctl\\x01\\x1B\\x7F\"\n");
	BACK("Zo\xc3\xab \xe6\x97\xa5", "\"Zo\xc3\xab \xe6\x97\xa5\"\n");
	BACK("\xc2\x85nel \xc2\x9b", "\"\\x85nel \\x9B\"\n");
	BACK("ls\xe2\x80\xa8ps\xe2\x80\xa9", "\"ls\\u2028ps\\u2029\"\n");
	BACK("\xef\xbb\xbf" "bom", "\"\\uFEFFbom\"\n");
	BACK("\xf0\x9f\x8e\x89", NULL);
}

/* ---- the writer ---- */

static char *infer_text(const char *csv, const dv_infer_opts *o)
{
	dv_infer *inf = dv_infer_new(o);
	FILE *in = fmemopen((void *)csv, strlen(csv), "rb");
	dcval_error err;
	dv_buf b;
	char *out;

	assert_non_null(inf);
	assert_non_null(in);
	dv_buf_init(&b, 1 << 20);
	assert_int_equal(dv_infer_input(inf, "t.csv", in, &err), DCVAL_OK);
	assert_int_equal(dv_infer_yaml(inf, &b), DCVAL_OK);
	fclose(in);
	dv_infer_free(inf);
	out = strdup(b.data);
	dv_buf_release(&b);
	return out;
}

/* NA is null in a, but b holds "null" as text, so "null" stays a value;
 * a then holds "null" and is text, so NA stays a value too. */
static void test_infer_tokens_fixed_point(void **state)
{
	dv_infer_opts o = { .enum_max = 10 };
	char *y;

	(void)state;
	y = infer_text("a,b,c\n1,x,2\nNA,null,-\nnull,y,3\n", &o);
	assert_non_null(strstr(y, "null_values: [\"\", \"-\"]\n"));
	assert_non_null(strstr(y, "- name: \"a\"  # nulls: 0, distinct: 3\n    type: string\n"));
	assert_non_null(strstr(y, "- name: \"c\"  # nulls: 1, distinct: 2\n    type: integer\n"));
	free(y);
	y = infer_text("a\n1\nNA\n", &o);
	assert_non_null(strstr(y, "null_values: [\"\", \"NA\"]\n"));
	assert_non_null(strstr(y, "type: integer\n"));
	free(y);
}

/* A blank or repeated header name: the csv is read without a header,
 * the header line being a record. */
static void test_infer_positional(void **state)
{
	dv_infer_opts o = { .enum_max = 10 };
	char *y;

	(void)state;
	y = infer_text("id,id,\n1,2,3\n", &o);
	assert_non_null(strstr(y, "  header: false\n"));
	assert_non_null(strstr(y, "- name: \"id\"  # nulls: 0, distinct: 2\n    type: string\n"));
	assert_non_null(strstr(y, "- name: \"column_2\""));
	assert_non_null(strstr(y, "- name: \"column_3\""));
	free(y);
}

static void test_infer_unique_needs_20(void **state)
{
	dv_infer_opts o = { .enum_max = 10 };
	char csv[512];
	size_t n = 0;
	char *y;
	int i;

	(void)state;
	n += (size_t)snprintf(csv + n, sizeof(csv) - n, "n\n");
	for (i = 0; i < 19; i++)
		n += (size_t)snprintf(csv + n, sizeof(csv) - n, "%d\n", i);
	y = infer_text(csv, &o);
	assert_null(strstr(y, "unique"));
	free(y);
	snprintf(csv + n, sizeof(csv) - n, "19\n");
	y = infer_text(csv, &o);
	assert_non_null(strstr(y, "    unique: true\n"));
	free(y);
}

static void test_infer_contract_compiles(void **state)
{
	char path[] = "/tmp/dcval-infer-unit-XXXXXX";
	const char *paths[1] = { path };
	dcval_contract *c;
	dcval_error err;
	int fd = mkstemp(path);
	FILE *f;

	(void)state;
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	fputs("{\"a\": 1, \"b\": {\"c\": \"x\"}}\n{\"a\": 2}\n", f);
	fclose(f);
	c = dv_infer_contract(paths, 1, DCVAL_FORMAT_AUTO, &err);
	assert_non_null(c);
	assert_int_equal(dcval_contract_column_count(c), 2);
	assert_int_equal(dcval_contract_format(c), DCVAL_FORMAT_JSONL);
	dcval_contract_free(c);
	unlink(path);
	paths[0] = "/nonexistent/dcval-infer";
	assert_null(dv_infer_contract(paths, 1, DCVAL_FORMAT_AUTO, &err));
	assert_int_equal(err.status, DCVAL_EIO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_icol_text_types),
		cmocka_unit_test(test_icol_tokens_apart),
		cmocka_unit_test(test_icol_json_types),
		cmocka_unit_test(test_icol_distinct_typed),
		cmocka_unit_test(test_icol_distinct_bounded),
		cmocka_unit_test(test_icol_enum),
		cmocka_unit_test(test_icol_formats),
		cmocka_unit_test(test_icol_bounds),
		cmocka_unit_test(test_icol_vector_text),
		cmocka_unit_test(test_yquote_specials),
		cmocka_unit_test(test_infer_tokens_fixed_point),
		cmocka_unit_test(test_infer_positional),
		cmocka_unit_test(test_infer_unique_needs_20),
		cmocka_unit_test(test_infer_contract_compiles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
