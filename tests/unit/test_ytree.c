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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
