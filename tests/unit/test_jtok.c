/*
 * Unit tests of the JSON Lines fast path: the token steps of
 * src/read/jtok.c against the strict parser (src/util/jdoc.c, the exact
 * oracle: the fast path must accept what it accepts and decode to the
 * same bytes), on fixed cases and on seeded random tokens, and the walk
 * of src/read/jfast.c (dv_jfast_scan): which records it takes, the
 * values it makes, and which it gives back to the strict path.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "contract/contract_impl.h"
#include "dcval/dcval.h"
#include "read/jfast.h"
#include "read/jtok.h"
#include "util/alloc.h"
#include "util/jdoc.h"

/* ---- strings ---- */

/* jtok and jdoc agree on the string token "body": verdict and bytes. */
static void same_string(const char *body, size_t len)
{
	char text[256], dec[256];
	const char *end;
	size_t n, dn;
	bool esc, valid;
	dv_jdoc d;

	assert_true(len + 2 <= sizeof(text));
	text[0] = '"';
	memcpy(text + 1, body, len);
	text[len + 1] = '"';
	end = dv_jtok_string(text + 1, text + len + 2, &esc);
	dv_jdoc_init(&d, 1024);
	assert_int_equal(dv_jdoc_parse(&d, text, len + 2, &valid), DCVAL_OK);
	/* jtok may stop at an inner quote: the token is then shorter than
	 * the text, which jdoc rejects as data after the value */
	assert_int_equal(end == text + len + 2, valid);
	if (valid) {
		const char *b = dv_jdoc_bytes(&d, 0, &n);

		dn = esc ? dv_jtok_unescape(text + 1, len, dec) : len;
		assert_int_equal(dn, n);
		assert_memory_equal(esc ? dec : body, b, n);
		assert_int_equal(esc, memchr(body, '\\', len) != NULL);
	}
	dv_jdoc_release(&d);
}

#define SAME_STRING(lit) same_string(lit, sizeof(lit) - 1)

static void test_jtok_string_cases_match_jdoc(void **state)
{
	(void)state;
	SAME_STRING("");
	SAME_STRING("plain ascii text, longer than one word of eight");
	SAME_STRING("esc \\\" \\\\ \\/ \\b\\f\\n\\r\\t");
	SAME_STRING("\\u00e9\\u20AC\\u0000\\u007f");
	SAME_STRING("\\ud834\\udd1e pair");          /* U+1D11E, RFC 8259 s. 7 */
	SAME_STRING("\\ud800 lone high");
	SAME_STRING("\\udc00 lone low");
	SAME_STRING("\\ud800\\u0041 high then not low");
	SAME_STRING("\\ud800\\ud800\\udc00");
	SAME_STRING("\\udc00\\udc00 low low");
	SAME_STRING("\\udbff\\udfff top");
	SAME_STRING("\\u12");
	SAME_STRING("\\u12g4");
	SAME_STRING("\\x");
	SAME_STRING("\\");
	SAME_STRING("caf\xc3\xa9 \xe2\x82\xac \xf0\x9d\x84\x9e");
	SAME_STRING("\xc0\xaf overlong");
	SAME_STRING("\xe0\x80\xaf overlong 3");
	SAME_STRING("\xed\xa0\x80 surrogate in UTF-8");
	SAME_STRING("\xf4\x90\x80\x80 past U+10FFFF");
	SAME_STRING("\xf5\x80\x80\x80");
	SAME_STRING("\xc3");
	SAME_STRING("\xe2\x82");
	SAME_STRING("tab\there");
	SAME_STRING("nul\0byte");
	SAME_STRING("del\x7f ok");
	SAME_STRING("inner \" quote");
}

/* A special byte at every offset of a long plain run: the word-at-a-time
 * scan must find the first one, whatever its place in the word. */
static void test_jtok_string_special_at_every_offset(void **state)
{
	static const char *const special[] = { "\"", "\\n", "\x01", "\xc3\xa9",
					       "\xff", "\\u00e9" };
	char body[64];
	size_t i, k, n;

	(void)state;
	for (k = 0; k < sizeof(special) / sizeof(special[0]); k++) {
		for (i = 0; i < 24; i++) {
			memset(body, 'a', sizeof(body));
			n = strlen(special[k]);
			memcpy(body + i, special[k], n);
			same_string(body, 40);
			same_string(body, i + n);
		}
	}
}

/* Seeded random bodies over the bytes that matter. */
static void test_jtok_string_random_match_jdoc(void **state)
{
	static const char alpha[] = "a\"\\u0dD8Cfn/b \x01\xc3\xa9\xed\xa0\x80\xf0\x9f\x98";
	char body[32];
	unsigned seed = 12345;
	int t;
	size_t i, len;

	(void)state;
	for (t = 0; t < 50000; t++) {
		seed = seed * 1103515245u + 12345u;
		len = (seed >> 16) % 24;
		for (i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			body[i] = alpha[(seed >> 16) % (sizeof(alpha) - 1)];
		}
		same_string(body, len);
	}
}

/* ---- numbers and words ---- */

/* jtok reads all of text[0..len) as a number exactly when jdoc reads
 * it as one valid JSON number. */
static void same_number(const char *text, size_t len)
{
	const char *end = dv_jtok_number(text, text + len);
	bool valid;
	dv_jdoc d;

	dv_jdoc_init(&d, 64);
	assert_int_equal(dv_jdoc_parse(&d, text, len, &valid), DCVAL_OK);
	valid = valid && d.nodes[0].type == DV_J_NUMBER;
	if (!(end == text + len) != !valid)
		fail_msg("number '%.*s': jtok %d, jdoc %d", (int)len, text,
			 end == text + len, valid);
	dv_jdoc_release(&d);
}

static void test_jtok_number_cases_and_random(void **state)
{
	static const char *const cases[] = {
		"0", "-0", "1", "-12", "0.5", "1.50", "1e5", "1E+5", "1e-05",
		"12345678901234567890123", "1e400", "01", "-", "1.", ".5",
		"1e", "1e+", "--1", "+1", "1.5e3.2", "0x10", "-01", "00",
	};
	static const char alpha[] = "-0123456789.eE+";
	unsigned seed = 99;
	char text[12];
	size_t i, len;
	int t;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		same_number(cases[i], strlen(cases[i]));
	for (t = 0; t < 20000; t++) {
		seed = seed * 1103515245u + 12345u;
		len = 1 + (seed >> 16) % 8;
		for (i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			text[i] = alpha[(seed >> 16) % (sizeof(alpha) - 1)];
		}
		same_number(text, len);
	}
}

static void test_jtok_words(void **state)
{
	static const char t[] = "true", f[] = "false", n[] = "null",
			  bad[] = "nul", cap[] = "True";
	int type = -1;

	(void)state;
	assert_ptr_equal(dv_jtok_word(t, t + 4, &type), t + 4);
	assert_int_equal(type, DV_J_TRUE);
	assert_ptr_equal(dv_jtok_word(f, f + 5, &type), f + 5);
	assert_int_equal(type, DV_J_FALSE);
	assert_ptr_equal(dv_jtok_word(n, n + 4, &type), n + 4);
	assert_int_equal(type, DV_J_NULL);
	assert_null(dv_jtok_word(bad, bad + 3, &type));
	assert_null(dv_jtok_word(cap, cap + 4, &type));
	assert_null(dv_jtok_word(t, t + 3, &type)); /* cut by the end */
}

/* ---- the walk ---- */

static const char *const WALK_YAML =
	"contract: w\n"
	"schema: {extra_columns: warn}\n"
	"columns:\n"
	"  - {name: id, type: integer}\n"
	"  - {name: s, type: string}\n"
	"  - {name: b, type: boolean}\n"
	"  - {name: any, type: any}\n"
	"  - {name: user.country, type: string}\n";

/* A walk over one contract, set up by hand (no engine). */
struct walk_fx {
	dcval_contract *c;
	dv_jsonval jv;
	dv_jfast f;
	dv_value values[8];
};

static void fx_init(struct walk_fx *x, const char *yaml)
{
	dcval_error err;
	size_t i;

	memset(x, 0, sizeof(*x));
	dcval_error_clear(&err);
	x->c = dcval_contract_load_buffer("w.yaml", yaml, strlen(yaml), &err);
	assert_non_null(x->c);
	assert_true(x->c->n_columns <= 8);
	x->jv.c = x->c;
	dv_buf_init(&x->jv.text, 4096);
	dv_buf_init(&x->jv.path, 1024);
	x->jv.text_off = dv_mallocarray(x->c->n_columns, sizeof(size_t));
	x->jv.seg = dv_mallocarray(DV_JSONVAL_MAX_DEPTH + 1,
				   sizeof(*x->jv.seg));
	assert_non_null(x->jv.text_off);
	assert_non_null(x->jv.seg);
	for (i = 0; i < x->c->n_columns; i++)
		x->jv.text_off[i] = SIZE_MAX;
	assert_int_equal(dv_jfast_init(&x->f, &x->jv, 1024), DCVAL_OK);
}

static void fx_free(struct walk_fx *x)
{
	dv_jfast_release(&x->f);
	dv_buf_release(&x->jv.text);
	dv_buf_release(&x->jv.path);
	dv_free(x->jv.text_off);
	dv_free(x->jv.seg);
	dcval_contract_free(x->c);
}

static bool scan(struct walk_fx *x, const char *s)
{
	return dv_jfast_scan(&x->f, x->values, s, strlen(s));
}

static void want_value(const dv_value *v, dv_vkind kind,
			 const char *text)
{
	assert_int_equal(v->kind, kind);
	assert_int_equal(v->len, strlen(text));
	assert_memory_equal(v->s, text, v->len);
}

static void test_jfast_takes_record_and_makes_values(void **state)
{
	struct walk_fx x;

	(void)state;
	fx_init(&x, WALK_YAML);
	assert_true(scan(&x, " {\"s\":\"a\\u00e9\\n\",\"id\":-1.50e3,"
			     "\"b\":false,\"any\":{ \"k\" : [1, \"\\u0041\", "
			     "null] },\"user\":{\"country\":\"PL\"}} \r"));
	want_value(&x.values[0], DV_V_JNUM, "-1.50e3");
	want_value(&x.values[1], DV_V_JSTRING, "a\xc3\xa9\n");
	want_value(&x.values[2], DV_V_JBOOL, "false");
	assert_int_equal(x.values[2].i, 0);
	want_value(&x.values[3], DV_V_JOTHER, "{\"k\":[1,\"A\",null]}");
	want_value(&x.values[4], DV_V_JSTRING, "PL");
	assert_int_equal(x.f.extra.len, 0);
	/* a missing key and a null parent: null */
	assert_true(scan(&x, "{\"id\":1,\"user\":null}"));
	assert_int_equal(x.values[1].kind, DV_V_NULL);
	assert_int_equal(x.values[4].kind, DV_V_NULL);
	fx_free(&x);
}

static void test_jfast_parent_and_extra_keys(void **state)
{
	struct walk_fx x;

	(void)state;
	fx_init(&x, WALK_YAML);
	assert_true(scan(&x, "{\"user\":[1],\"zz\":{\"a\":1},\"id\":2}"));
	assert_int_equal(x.values[4].kind, DV_V_JPARENT);
	assert_string_equal(x.values[4].s, "parent 'user' is an array, not an object");
	assert_int_equal(x.f.extra.len, 3);
	assert_string_equal(x.f.extra.data, "zz");
	assert_true(scan(&x, "{\"user\":{\"city\":\"x\",\"country\":\"y\"}}"));
	assert_string_equal(x.f.extra.data, "user.city");
	fx_free(&x);
}

/* What the fast path gives back: the strict path decides (and words the
 * message of) each of these. */
static void test_jfast_gives_back(void **state)
{
	static const char *const back[] = {
		"{\"id\":1,\"id\":2}",                 /* duplicate declared key */
		"{\"zz\":1,\"zz\":2}",                 /* duplicate extra key */
		"{\"any\":{\"k\":1,\"k\":2}}",         /* duplicate in a JOTHER */
		"{\"zz\":[{\"k\":1,\"k\":2}]}",        /* duplicate in a skipped value */
		"{\"i\\u0064\":1}",                    /* escaped key */
		"{\"id\":1} x",                        /* data after the value */
		"[1]",                                 /* not an object */
		"{\"id\":01}",
		"{\"s\":\"\\ud800\"}",
		"{\"s\":\"\xc3\"}",
		"{\"id\":1,}",
		"{\"id\":1",
		"{\"b\":tru}",
		"{\"b\":truex}",
	};
	char deep[300];
	struct walk_fx x;
	size_t i;

	(void)state;
	fx_init(&x, WALK_YAML);
	for (i = 0; i < sizeof(back) / sizeof(back[0]); i++) {
		if (scan(&x, back[i]))
			fail_msg("taken: %s", back[i]);
		for (size_t k = 0; k < x.c->n_columns; k++)
			assert_int_equal(x.jv.text_off[k], SIZE_MAX);
	}
	/* the same key in two objects is no duplicate */
	assert_true(scan(&x, "{\"any\":{\"k\":1,\"o\":{\"k\":2}},\"zz\":{\"k\":3}}"));
	/* nesting past DV_JFAST_MAX_DEPTH */
	i = (size_t)snprintf(deep, sizeof(deep), "{\"any\":");
	memset(deep + i, '[', DV_JFAST_MAX_DEPTH);
	memset(deep + i + DV_JFAST_MAX_DEPTH, ']', DV_JFAST_MAX_DEPTH);
	strcpy(deep + i + 2 * DV_JFAST_MAX_DEPTH, "}");
	assert_false(scan(&x, deep));
	fx_free(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jtok_string_cases_match_jdoc),
		cmocka_unit_test(test_jtok_string_special_at_every_offset),
		cmocka_unit_test(test_jtok_string_random_match_jdoc),
		cmocka_unit_test(test_jtok_number_cases_and_random),
		cmocka_unit_test(test_jtok_words),
		cmocka_unit_test(test_jfast_takes_record_and_makes_values),
		cmocka_unit_test(test_jfast_parent_and_extra_keys),
		cmocka_unit_test(test_jfast_gives_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
