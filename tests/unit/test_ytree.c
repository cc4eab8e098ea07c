/*
 * Unit tests of src/contract/ytree.c: the YAML tree, its positions and
 * every refusal (aliases, anchors, duplicates, depth, documents).
 */
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"

#include "contract/ytree.h"

struct parsed {
	dv_arena arena;
	dcval_error err;
	dv_ynode *root;
};

static void parse_len(struct parsed *p, const char *yaml, size_t len)
{
	dv_arena_init(&p->arena);
	dcval_error_clear(&p->err);
	p->root = dv_ytree_parse(&p->arena, "t.yaml", yaml, len, &p->err);
}

static void parse(struct parsed *p, const char *yaml)
{
	parse_len(p, yaml, strlen(yaml));
}

#define CHECK_ERR(yaml, st, text, line, col) \
	check_err(yaml, st, text, line, col, __FILE__, __LINE__)

static void check_err(const char *yaml, dcval_status st, const char *text,
		      unsigned long line, unsigned long col, const char *file,
		      int at)
{
	struct parsed p;

	parse(&p, yaml);
	_assert_true(p.root == NULL, "root == NULL", file, at);
	_assert_int_equal(p.err.status, st, file, at);
	_assert_string_equal(p.err.text, text, file, at);
	_assert_string_equal(p.err.file, "t.yaml", file, at);
	_assert_int_equal(p.err.line, line, file, at);
	_assert_int_equal(p.err.col, col, file, at);
	dv_arena_release(&p.arena);
}

static void test_tree_shape_and_positions(void **state)
{
	struct parsed p;
	const dv_ynode *cols, *col, *v;

	(void)state;
	parse(&p, "contract: ev\n"
		  "columns:\n"
		  "  - name: 'a b'\n"
		  "    enum: [x, \"y\"]\n");
	assert_non_null(p.root);
	assert_int_equal(p.root->kind, DV_Y_MAP);
	assert_int_equal(p.root->n, 2);
	assert_int_equal(p.root->line, 1);
	assert_int_equal(p.root->col, 1);
	assert_string_equal(p.root->pairs[0].key->text, "contract");
	v = dv_ytree_get(p.root, "contract");
	assert_string_equal(v->text, "ev");
	assert_int_equal(v->line, 1);
	assert_int_equal(v->col, 11);
	assert_false(v->quoted);
	cols = dv_ytree_get(p.root, "columns");
	assert_int_equal(cols->kind, DV_Y_SEQ);
	assert_int_equal(cols->n, 1);
	assert_int_equal(cols->line, 3);
	assert_int_equal(cols->col, 3);
	col = cols->items[0];
	assert_int_equal(col->kind, DV_Y_MAP);
	assert_int_equal(col->line, 3);
	assert_int_equal(col->col, 5);
	v = dv_ytree_get(col, "name");
	assert_string_equal(v->text, "a b");
	assert_int_equal(v->len, 3);
	assert_true(v->quoted);
	v = dv_ytree_get(col, "enum");
	assert_int_equal(v->kind, DV_Y_SEQ);
	assert_int_equal(v->n, 2);
	assert_false(v->items[0]->quoted);
	assert_true(v->items[1]->quoted);
	assert_int_equal(v->items[1]->line, 4);
	assert_int_equal(v->items[1]->col, 15);
	assert_null(dv_ytree_get(col, "type"));
	assert_null(dv_ytree_get(v, "x"));
	dv_arena_release(&p.arena);
}

static void test_scalar_with_nul_and_block_style(void **state)
{
	struct parsed p;
	const dv_ynode *v;

	(void)state;
	parse(&p, "a: \"x\\0y\"\nb: |\n  text\n");
	assert_non_null(p.root);
	v = dv_ytree_get(p.root, "a");
	assert_int_equal(v->len, 3);
	assert_memory_equal(v->text, "x\0y", 4);
	v = dv_ytree_get(p.root, "b");
	assert_string_equal(v->text, "text\n");
	assert_true(v->quoted);
	dv_arena_release(&p.arena);
}

static void test_is_null(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, "a:\nb: ~\nc: null\nd: NULL\ne: 'null'\nf: nil\ng: Null\n");
	assert_non_null(p.root);
	assert_true(dv_ynode_is_null(dv_ytree_get(p.root, "a")));
	assert_true(dv_ynode_is_null(dv_ytree_get(p.root, "b")));
	assert_true(dv_ynode_is_null(dv_ytree_get(p.root, "c")));
	assert_true(dv_ynode_is_null(dv_ytree_get(p.root, "d")));
	assert_false(dv_ynode_is_null(dv_ytree_get(p.root, "e")));
	assert_false(dv_ynode_is_null(dv_ytree_get(p.root, "f")));
	assert_true(dv_ynode_is_null(dv_ytree_get(p.root, "g")));
	assert_false(dv_ynode_is_null(p.root));
	assert_false(dv_ynode_is_null(NULL));
	dv_arena_release(&p.arena);
}

static void test_explicit_document_markers_ok(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, "%YAML 1.1\n---\na: 1\n...\n");
	assert_non_null(p.root);
	assert_string_equal(dv_ytree_get(p.root, "a")->text, "1");
	dv_arena_release(&p.arena);
}

static void test_syntax_errors(void **state)
{
	(void)state;
	CHECK_ERR("a: 1\n b: 2\n", DCVAL_ECONTRACT,
		  "mapping values are not allowed in this context", 2, 3);
	CHECK_ERR("a: [1, 2\n", DCVAL_ECONTRACT,
		  "did not find expected ',' or ']' while parsing a flow sequence",
		  2, 1);
	CHECK_ERR("a: 'open\n", DCVAL_ECONTRACT,
		  "found unexpected end of stream while scanning a quoted scalar",
		  2, 1);
	CHECK_ERR("a: 1\n\tb: 2\n", DCVAL_ECONTRACT,
		  "found a tab character that violates indentation while scanning a plain scalar",
		  2, 1);
}

static void test_invalid_utf8_position(void **state)
{
	(void)state;
	CHECK_ERR("a: 1\nb: x\xff\n", DCVAL_ECONTRACT,
		  "invalid leading UTF-8 octet", 2, 5);
}

static void test_refuses_anchor_and_alias(void **state)
{
	(void)state;
	CHECK_ERR("a: &x 1\nb: *x\n", DCVAL_ECONTRACT,
		  "anchor '&x' is not supported in contracts", 1, 4);
	CHECK_ERR("base: &b {type: integer}\n", DCVAL_ECONTRACT,
		  "anchor '&b' is not supported in contracts", 1, 7);
	CHECK_ERR("a: [1]\nb: *nope\n", DCVAL_ECONTRACT,
		  "alias '*nope' is not supported in contracts", 2, 4);
}

static void test_duplicate_key(void **state)
{
	(void)state;
	CHECK_ERR("contract: a\ncolumns: []\ncontract: b\n", DCVAL_ECONTRACT,
		  "duplicate key 'contract' (first at line 1)", 3, 1);
	CHECK_ERR("a:\n  x: 1\n  'x': 2\n", DCVAL_ECONTRACT,
		  "duplicate key 'x' (first at line 2)", 3, 3);
}

/* Past DV_YTREE_SCAN_KEYS keys the check sorts; the first repeat in the
 * file is still the one reported. */
static void test_duplicate_key_large_mapping(void **state)
{
	char buf[8192];
	size_t o = 0;
	int i;

	(void)state;
	for (i = 0; i < 200; i++)
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "k%d: %d\n", i, i);
	o += (size_t)snprintf(buf + o, sizeof(buf) - o, "k150: x\nk7: y\n");
	CHECK_ERR(buf, DCVAL_ECONTRACT, "duplicate key 'k150' (first at line 151)",
		  201, 1);
}

static void test_non_scalar_key(void **state)
{
	(void)state;
	CHECK_ERR("? [a, b]\n: 1\n", DCVAL_ECONTRACT,
		  "mapping keys must be scalars", 1, 3);
	CHECK_ERR("{a: 1}: 2\n", DCVAL_ECONTRACT, "mapping keys must be scalars",
		  1, 1);
}

static void test_multiple_documents(void **state)
{
	(void)state;
	CHECK_ERR("a: 1\n---\nb: 2\n", DCVAL_ECONTRACT,
		  "a contract holds one yaml document only", 2, 1);
}

static void test_depth_cap(void **state)
{
	char buf[512];
	size_t i;

	(void)state;
	for (i = 0; i < DV_YTREE_MAX_DEPTH; i++)
		buf[i] = '[';
	for (i = 0; i < DV_YTREE_MAX_DEPTH; i++)
		buf[DV_YTREE_MAX_DEPTH + i] = ']';
	buf[2 * DV_YTREE_MAX_DEPTH] = '\0';
	{
		struct parsed p;

		parse(&p, buf);
		assert_non_null(p.root);
		dv_arena_release(&p.arena);
	}
	for (i = 0; i <= DV_YTREE_MAX_DEPTH; i++)
		buf[i] = '[';
	buf[DV_YTREE_MAX_DEPTH + 1] = '\0';
	CHECK_ERR(buf, DCVAL_ECONTRACT, "nesting is deeper than 64 levels", 1,
		  DV_YTREE_MAX_DEPTH + 1);
}

static void test_empty_documents(void **state)
{
	(void)state;
	CHECK_ERR("", DCVAL_ECONTRACT, "contract is empty", 1, 1);
	CHECK_ERR("# only a comment\n", DCVAL_ECONTRACT, "contract is empty", 1, 1);
	CHECK_ERR("---\n", DCVAL_ECONTRACT, "contract is empty", 1, 1);
}

static void test_long_key_is_cut_in_message(void **state)
{
	char buf[256];

	(void)state;
	snprintf(buf, sizeof(buf), "%s: 1\n%s: 2\n",
		 "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
		 "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz");
	CHECK_ERR(buf, DCVAL_ECONTRACT,
		  "duplicate key 'abcdefghijklmnopqrstuvwxyzabcdefghijklmn...' (first at line 1)",
		  2, 1);
}

/* YAML 1.2 core schema: the type of each plain, quoted and tagged scalar. */
static void test_core_schema_types(void **state)
{
	static const struct {
		const char *yaml;
		dv_yscalar type;
	} cases[] = {
		{ "v:\n", DV_YS_NULL },
		{ "v: ~\n", DV_YS_NULL },
		{ "v: null\n", DV_YS_NULL },
		{ "v: Null\n", DV_YS_NULL },
		{ "v: NULL\n", DV_YS_NULL },
		{ "v: nULL\n", DV_YS_STR },
		{ "v: '~'\n", DV_YS_STR },
		{ "v: \"\"\n", DV_YS_STR },
		{ "v: true\n", DV_YS_BOOL },
		{ "v: False\n", DV_YS_BOOL },
		{ "v: TRUE\n", DV_YS_BOOL },
		{ "v: tRUE\n", DV_YS_STR },
		{ "v: yes\n", DV_YS_STR }, /* a boolean in YAML 1.1 only */
		{ "v: off\n", DV_YS_STR },
		{ "v: 5\n", DV_YS_INT },
		{ "v: -0\n", DV_YS_INT },
		{ "v: +12\n", DV_YS_INT },
		{ "v: 0o17\n", DV_YS_INT },
		{ "v: 0x1F\n", DV_YS_INT },
		{ "v: 0x\n", DV_YS_STR },
		{ "v: 0o8\n", DV_YS_STR },
		{ "v: -0x1\n", DV_YS_STR },
		{ "v: 0b101\n", DV_YS_STR },
		{ "v: 1_000\n", DV_YS_STR },
		{ "v: '5'\n", DV_YS_STR },
		{ "v: \"5\"\n", DV_YS_STR },
		{ "v: |\n  5\n", DV_YS_STR },
		{ "v: 1.5\n", DV_YS_FLOAT },
		{ "v: 1.\n", DV_YS_FLOAT },
		{ "v: .5\n", DV_YS_FLOAT },
		{ "v: -1e3\n", DV_YS_FLOAT },
		{ "v: 1E+3\n", DV_YS_FLOAT },
		{ "v: 1e\n", DV_YS_STR },
		{ "v: .\n", DV_YS_STR },
		{ "v: .inf\n", DV_YS_FLOAT },
		{ "v: -.Inf\n", DV_YS_FLOAT },
		{ "v: .NaN\n", DV_YS_FLOAT },
		{ "v: -.nan\n", DV_YS_STR },
		{ "v: 1.4.0\n", DV_YS_STR },
		{ "v: 2020-01-01\n", DV_YS_STR },
		{ "v: 12:30:00\n", DV_YS_STR },
		{ "v: !!str 5\n", DV_YS_STR },
		{ "v: !!str\n", DV_YS_STR },
		{ "v: ! 5\n", DV_YS_STR },
		{ "v: !!int \"0x10\"\n", DV_YS_INT },
		{ "v: !!float 5\n", DV_YS_FLOAT },
		{ "v: !!float '-.inf'\n", DV_YS_FLOAT },
		{ "v: !!bool 'true'\n", DV_YS_BOOL },
		{ "v: !!null ''\n", DV_YS_NULL },
		{ "v: !<tag:yaml.org,2002:int> 7\n", DV_YS_INT },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct parsed p;
		const dv_ynode *v;

		parse(&p, cases[i].yaml);
		if (!p.root)
			fail_msg("%s: %s", cases[i].yaml, p.err.text);
		v = dv_ytree_get(p.root, "v");
		assert_non_null(v);
		if (v->type != cases[i].type)
			fail_msg("%s: type %s, expected %s", cases[i].yaml,
				 dv_yscalar_name(v->type),
				 dv_yscalar_name(cases[i].type));
		assert_int_equal(dv_ynode_is_null(v), cases[i].type == DV_YS_NULL);
		dv_arena_release(&p.arena);
	}
}

static void test_core_schema_values(void **state)
{
	int64_t i;
	double d;
	bool finite;

	(void)state;
	assert_true(dv_ycore_int("0x1F", 4, &i));
	assert_int_equal(i, 31);
	assert_true(dv_ycore_int("0o17", 4, &i));
	assert_int_equal(i, 15);
	assert_true(dv_ycore_int("-42", 3, &i));
	assert_int_equal(i, -42);
	assert_true(dv_ycore_int("0x7fffffffffffffff", 18, &i));
	assert_int_equal(i, INT64_MAX);
	assert_false(dv_ycore_int("0x8000000000000000", 18, &i));
	assert_false(dv_ycore_int("9223372036854775808", 19, &i));
	assert_true(dv_ycore_double("0x10", 4, &d, &finite));
	assert_true(finite && d == 16.0);
	assert_true(dv_ycore_double("18446744073709551615", 20, &d, &finite));
	assert_true(finite && d == 18446744073709551615.0);
	assert_true(dv_ycore_double("-.inf", 5, &d, &finite));
	assert_false(finite);
	assert_true(d < 0);
	assert_true(dv_ycore_double(".NAN", 4, &d, &finite));
	assert_false(finite);
	assert_true(d != d);
	assert_false(dv_ycore_double("1e999", 5, &d, &finite));
}

static void test_tags(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, "a: !!seq [1]\nb: !!map {x: 1}\nc: ! [1]\n");
	assert_non_null(p.root);
	dv_arena_release(&p.arena);
	CHECK_ERR("a: !!binary YWJj\n", DCVAL_ECONTRACT,
		  "tag '!!binary' is not supported in contracts (only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map)",
		  1, 4);
	CHECK_ERR("a: b\nc: !foo x\n", DCVAL_ECONTRACT,
		  "tag '!foo' is not supported in contracts (only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map)",
		  2, 4);
	CHECK_ERR("a: !!set {x: null}\n", DCVAL_ECONTRACT,
		  "tag '!!set' is not supported in contracts (only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map)",
		  1, 4);
	CHECK_ERR("a: !!timestamp 2020-01-01\n", DCVAL_ECONTRACT,
		  "tag '!!timestamp' is not supported in contracts (only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map)",
		  1, 4);
	CHECK_ERR("a: !foo [1]\n", DCVAL_ECONTRACT,
		  "tag '!foo' is not supported in contracts (only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map)",
		  1, 4);
	CHECK_ERR("!foo x: 1\n", DCVAL_ECONTRACT,
		  "tag '!foo' is not supported in contracts (only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map)",
		  1, 1);
	CHECK_ERR("a: !!int abc\n", DCVAL_ECONTRACT,
		  "tag '!!int' does not fit the value", 1, 4);
	CHECK_ERR("a: !!bool yes\n", DCVAL_ECONTRACT,
		  "tag '!!bool' does not fit the value", 1, 4);
	CHECK_ERR("a: !!null x\n", DCVAL_ECONTRACT,
		  "tag '!!null' does not fit the value", 1, 4);
	CHECK_ERR("a: !!float 0x1\n", DCVAL_ECONTRACT,
		  "tag '!!float' does not fit the value", 1, 4);
	CHECK_ERR("a: !!map x\n", DCVAL_ECONTRACT,
		  "tag '!!map' does not fit a scalar", 1, 4);
	CHECK_ERR("a: !!str [x]\n", DCVAL_ECONTRACT,
		  "tag '!!str' does not fit a sequence", 1, 4);
	CHECK_ERR("a: !!seq {x: 1}\n", DCVAL_ECONTRACT,
		  "tag '!!seq' does not fit a mapping", 1, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree_shape_and_positions),
		cmocka_unit_test(test_scalar_with_nul_and_block_style),
		cmocka_unit_test(test_is_null),
		cmocka_unit_test(test_explicit_document_markers_ok),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_invalid_utf8_position),
		cmocka_unit_test(test_refuses_anchor_and_alias),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_duplicate_key_large_mapping),
		cmocka_unit_test(test_non_scalar_key),
		cmocka_unit_test(test_multiple_documents),
		cmocka_unit_test(test_depth_cap),
		cmocka_unit_test(test_empty_documents),
		cmocka_unit_test(test_long_key_is_cut_in_message),
		cmocka_unit_test(test_core_schema_types),
		cmocka_unit_test(test_core_schema_values),
		cmocka_unit_test(test_tags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
