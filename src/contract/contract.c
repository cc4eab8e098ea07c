/*
 * The compiled contract as an object: free, accessors, and the stable text
 * dump behind `dcval lint --dump-compiled`.
 */
#include <stdio.h>
#include <string.h>

#include "contract/contract_impl.h"
#include "contract/dscheck.h"

void dcval_contract_free(dcval_contract *contract)
{
	dv_pattern *re;
	dv_arena arena;

	if (!contract)
		return;
	for (re = contract->patterns; re; re = re->next) {
		pcre2_match_context_free(re->mctx);
		pcre2_code_free(re->code);
	}
	dv_strmap_release(&contract->names);
	/* the contract lives in its own arena: copy the arena out first */
	arena = contract->arena;
	dv_arena_release(&arena);
}

const char *dcval_contract_name(const dcval_contract *contract)
{
	return contract->name;
}

const char *dcval_contract_version(const dcval_contract *contract)
{
	return contract->version;
}

const char *dcval_contract_owner(const dcval_contract *contract)
{
	return contract->owner;
}

const char *dcval_contract_source(const dcval_contract *contract)
{
	return contract->source;
}

const char *dcval_contract_description(const dcval_contract *contract)
{
	return contract->description;
}

const char *dcval_contract_sha256(const dcval_contract *contract)
{
	return contract->sha256;
}

dcval_format dcval_contract_format(const dcval_contract *contract)
{
	return contract->format;
}

size_t dcval_contract_column_count(const dcval_contract *contract)
{
	return contract->n_columns;
}

const char *dcval_contract_rule_description(const dcval_contract *contract,
					    const char *name)
{
	size_t i;

	for (i = 0; contract && name && i < contract->rules.n; i++)
		if (strcmp(contract->rules.rules[i].name, name) == 0)
			return contract->rules.rules[i].description;
	return NULL;
}

/* Text with control bytes as \xNN; in quotes also backslash and quote. */
static void dump_text(FILE *out, const char *s, size_t len, bool quoted)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch < 0x20 || ch == 0x7f ||
		    (quoted && (ch == '\\' || ch == '\'')))
			fprintf(out, "\\x%02x", ch);
		else
			fputc(ch, out);
	}
}

static void dump_quoted(FILE *out, const char *s)
{
	fputc('\'', out);
	dump_text(out, s, strlen(s), true);
	fputc('\'', out);
}

static void dump_list(FILE *out, const char *label, const char *const *v,
		      size_t n)
{
	size_t i;

	fprintf(out, "%s[", label);
	for (i = 0; i < n; i++) {
		if (i)
			fputs(", ", out);
		dump_quoted(out, v[i]);
	}
	fputc(']', out);
}

static const char *policy_name(dv_policy p)
{
	return p == DV_POLICY_WARN ? "warn" :
	       p == DV_POLICY_IGNORE ? "ignore" : "error";
}

static void dump_settings(const dcval_contract *c, FILE *out)
{
	char d[2] = { c->delimiter, '\0' }, q[2] = { c->quote, '\0' };

	fputs("contract ", out);
	dump_quoted(out, c->name);
	fputs(" version ", out);
	if (c->version)
		dump_quoted(out, c->version);
	else
		fputc('-', out);
	fprintf(out, "\ninput format=%s delimiter=", dcval_format_name(c->format));
	dump_quoted(out, d);
	fprintf(out, " delimiter_set=%d quote=", c->delimiter_set);
	if (c->quote_none)
		fputs("null", out);
	else
		dump_quoted(out, q);
	fprintf(out, " header=%d coerce=%d ", c->header, c->coerce);
	dump_list(out, "null_values=", c->null_values, c->n_null_values);
	fprintf(out, "\nschema extra_columns=%s missing_columns=%s column_order=%s\n",
		policy_name(c->extra_columns), policy_name(c->missing_columns),
		c->column_order_strict ? "strict" : "any");
}

/* path=a.b, or path=['a.b', 'c'] when a key holds a dot. */
static void dump_path(const dv_column *col, FILE *out)
{
	size_t i;
	bool plain = true;

	for (i = 0; i < col->path_len; i++)
		plain = plain && !strpbrk(col->path[i], ". '\\");
	if (!plain) {
		dump_list(out, "path=", col->path, col->path_len);
		return;
	}
	fputs("path=", out);
	for (i = 0; i < col->path_len; i++) {
		if (i)
			fputc('.', out);
		dump_text(out, col->path[i], strlen(col->path[i]), false);
	}
}

static void dump_column(const dv_column *col, FILE *out)
{
	size_t i;

	fprintf(out, "column %zu ", col->index);
	dump_quoted(out, col->name);
	fprintf(out, " %s required=%d unique=%d sensitive=%d severity=%s ",
		dv_type_name(col->type), col->required, col->unique,
		col->sensitive, dcval_severity_name(col->severity));
	dump_path(col, out);
	fputc('\n', out);
	if (col->time_format) {
		fputs("  time_format ", out);
		dump_quoted(out, col->time_format);
		fputc('\n', out);
	}
	if (col->n_true || col->n_false) {
		dump_list(out, "  true_values ", col->true_values, col->n_true);
		dump_list(out, " false_values ", col->false_values, col->n_false);
		fputc('\n', out);
	}
	for (i = 0; i < col->n_ops; i++) {
		fprintf(out, "  op %s ", dv_rule_id(col->ops[i].rule));
		dump_text(out, col->ops[i].arg, strlen(col->ops[i].arg), false);
		fputc('\n', out);
	}
}

static void dump_dataset(const dcval_contract *c, FILE *out)
{
	fputs("dataset row_count_min=", out);
	if (c->has_row_count_min)
		fprintf(out, "%llu", (unsigned long long)c->row_count_min);
	else
		fputc('-', out);
	fputs(" row_count_max=", out);
	if (c->has_row_count_max)
		fprintf(out, "%llu", (unsigned long long)c->row_count_max);
	else
		fputc('-', out);
	fputs(" primary_key=", out);
	if (c->primary_key_name)
		dump_text(out, c->primary_key_name,
			  strlen(c->primary_key_name), false);
	else
		fputc('-', out);
	fputc('\n', out);
	dv_dscheck_dump(c, out);
}

/* Each rule: name, severity, referenced columns, then its typed trees. */
static void dump_rules(const dcval_contract *c, FILE *out)
{
	size_t i, k;

	for (i = 0; i < c->rules.n; i++) {
		const dv_xrule *r = &c->rules.rules[i];

		fputs("rule ", out);
		dump_quoted(out, r->name);
		fprintf(out, " severity=%s refs=[",
			dcval_severity_name(r->severity));
		for (k = 0; k < r->n_refs; k++) {
			if (k)
				fputs(", ", out);
			dump_quoted(out, c->columns[r->refs[k]].name);
		}
		fputs("]\n", out);
		if (r->when) {
			fputs("  when ", out);
			dv_expr_dump(r->when, c, out);
			fputc('\n', out);
		}
		fputs("  check ", out);
		dv_expr_dump(r->check, c, out);
		fputc('\n', out);
	}
}

dcval_status dcval_contract_dump(const dcval_contract *contract, FILE *out)
{
	size_t i;

	dump_settings(contract, out);
	for (i = 0; i < contract->n_columns; i++)
		dump_column(&contract->columns[i], out);
	dump_dataset(contract, out);
	dump_rules(contract, out);
	return ferror(out) ? DCVAL_EIO : DCVAL_OK;
}
