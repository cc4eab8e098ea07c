/*
 * The text report (the default), for people: one line per violation as
 * it is found, like a compiler, then a summary.
 *
 *   PATH:LINE:FIELD: SEVERITY: COLUMN: MESSAGE [RULE]
 *
 *   events.csv:42:5: error: amount: "12,5" is not a number [type]
 *   events.jsonl:7: warning: email: "bob@" is not an email address [format]
 *   events.csv:9: error: has 4 fields, expected 5 [field_count]
 *   events.csv: error: country: is missing [missing_column]
 *
 * LINE is the physical line where the record starts and FIELD the
 * 1-based field position in a csv row. A JSON input has no FIELD
 * (`PATH:LINE:`), a dataset-level violation no LINE either (`PATH:`); a
 * violation without a column (field_count, malformed, encoding, header,
 * row_count) has no `COLUMN: `. SEVERITY is `error` or `warning`.
 * MESSAGE is `"VALUE" DETAIL`: VALUE cut to 80 bytes at a character
 * boundary, `...` included (77 bytes and `...` when cut), control
 * characters, `\` and `"` escaped as \n \r \t \\ \" \xNN \u009b,
 * bytes that are not UTF-8 as \xNN;
 * `<redacted> DETAIL` for a sensitive column; `DETAIL` alone when the
 * violation has no value. Nothing printed is a terminal control: in
 * PATH, COLUMN and DETAIL too, control characters are escaped (C0 as \n
 * \r \t \xNN, DEL as \x7f, C1 as \u0080..\u009f, bytes that are not
 * UTF-8 as \xNN; src/util/esc.h), so a file name cannot forge a line. A
 * dataset-level violation of a run of several inputs has no PATH: its
 * line starts with `dcval: ` (`dcval: error: 3 records, fewer than the
 * minimum 5 [row_count]`), as a compiler names itself for an error no
 * file is to blame for. A line never reads as a GitHub Actions workflow
 * command: a PATH or COLUMN that starts a line with "::" (after white
 * space, which the runner trims) has its first ':' written as \x3a.
 * Only the first --max-violations violations are listed.
 *
 * The summary follows: one line per input, in the order given,
 *
 *   PATH: E errors, W warnings in N records (contract NAME VERSION)
 *   PATH: cannot be read: MESSAGE
 *
 * ("1 error", "1 warning", "1 record"; "(contract NAME)" when the contract
 * has no version); then, when there were violations, one line per rule
 * and column in the order first seen, indented by two spaces, with the
 * exact count and up to five distinct values, each with its own count
 * (", ..." when there were more values; `<redacted>` for a sensitive
 * column; no values for violations that have none):
 *
 *     event_type [enum]: 1203 errors: 1200 x "share", 3 x "Share"
 *     ssn [pattern]: 2 errors: <redacted>
 *     email [format]: 7 warnings: 1 x "a", 1 x "b", 2 x "c", 1 x "d", 1 x "e", ...
 *     [field_count]: 1 error
 *
 * and last, when violations were left out of the list,
 *
 *   (listed 100 of 1203 violations; use --max-violations all to see every one)
 *
 * The github format prints the same summary (dv_report_text_summary()).
 */
#include <inttypes.h>
#include <string.h>

#include "report/report_impl.h"
#include "util/esc.h"

/* Room for an escaped column name; a longer one is cut with "...". */
#define COLUMN_SHOW 512

static const char *severity_word(dcval_severity s)
{
	return s == DCVAL_SEVERITY_WARN ? "warning" : "error";
}

/* COLUMN escaped, then sep (at most 2 bytes), in buf; "" for no column. */
static const char *column_show(const char *column, const char *sep, char *buf,
			       size_t cap)
{
	size_t n;

	if (!column)
		return "";
	n = dv_report_show(column, strlen(column), false, DV_ESC_CONTROL, buf,
			   cap - 2);
	memcpy(buf + n, sep, strlen(sep) + 1);
	return buf;
}

static dcval_status text_violation(dcval_report *r, const dcval_violation *v)
{
	char column[COLUMN_SHOW + 2];
	dcval_status st;

	st = dv_report_location(v, &r->line);
	if (st == DCVAL_OK)
		st = dv_report_message(v, &r->msg);
	if (st != DCVAL_OK)
		return st;
	/* a dataset-level violation of several inputs has no path: the
	 * line names the program, as a compiler's does ("ld: error: ...") */
	if (r->line.len)
		dv_esc_fput_line_start(r->out, r->line.data, r->line.len);
	else
		fputs("dcval", r->out);
	fprintf(r->out, ": %s: %s%s [%s]\n", severity_word(v->severity),
		column_show(v->column, ": ", column, sizeof(column)), r->msg.data,
		v->rule);
	return dv_report_check(r->out);
}

static dcval_status input_line(dcval_report *r, const dcval_input_info *in,
			       const char *contract, const char *version)
{
	char e[32], w[32], n[32];
	const char *error = in->error[0] ? in->error : dcval_status_str(in->status);
	FILE *out = r->out;
	dcval_status st;

	dv_buf_reset(&r->line);
	st = dv_report_append_shown(&r->line, in->path);
	if (st != DCVAL_OK)
		return st;
	dv_esc_fput_line_start(out, r->line.data, r->line.len);
	if (in->status != DCVAL_OK) {
		fputs(": cannot be read: ", out);
		dv_esc_fwrite(out, error, strlen(error), 0);
		fputc('\n', out);
		return DCVAL_OK;
	}
	fprintf(out, ": %s, %s in %s",
		dv_report_plural(in->counts.errors, "error", e, sizeof(e)),
		dv_report_plural(in->counts.warnings, "warning", w, sizeof(w)),
		dv_report_plural(in->counts.records, "record", n, sizeof(n)));
	if (contract)
		fprintf(out, " (contract %s%s%s)", contract, version ? " " : "",
			version ? version : "");
	fputc('\n', out);
	return DCVAL_OK;
}

/* ": 1200 x "share", 3 x "Share"", ": <redacted>" or nothing. */
static void agg_examples(FILE *out, const dv_report_agg *a)
{
	char show[DV_REPORT_SHOW_ESC];
	unsigned i;

	if (a->redacted) {
		fputs(": <redacted>", out);
		return;
	}
	for (i = 0; i < a->n_examples; i++) {
		dv_report_show(a->examples[i].text, a->examples[i].len, false,
			       DV_ESC_VALUE, show, sizeof(show));
		fprintf(out, "%s%" PRIu64 " x \"%s\"", i ? ", " : ": ",
			a->examples[i].count, show);
	}
	if (a->more)
		fputs(", ...", out);
}

static void agg_line(FILE *out, const dv_report_agg *a)
{
	char column[COLUMN_SHOW + 2];
	char count[32];

	/* the runner trims the indent: a column "::error::x" would read as
	 * a workflow command */
	fputs("  ", out);
	column_show(a->column, " ", column, sizeof(column));
	if (a->column)
		dv_esc_fput_line_start(out, column, strlen(column));
	fprintf(out, "[%s]: %s", a->rule,
		dv_report_plural(a->count, severity_word(a->severity), count,
				 sizeof(count)));
	agg_examples(out, a);
	fputc('\n', out);
}

dcval_status dv_report_text_summary(dcval_report *r, const dv_report_run *run)
{
	dcval_status st;
	size_t i;

	for (i = 0; i < run->n_inputs; i++) {
		st = input_line(r, &run->inputs[i], run->contract_name,
				run->contract_version);
		if (st != DCVAL_OK)
			return st;
	}
	for (i = 0; i < r->rules.n; i++)
		agg_line(r->out, r->rules.items[i]);
	if (dv_report_truncated(r))
		fprintf(r->out,
			"(listed %" PRIu64 " of %" PRIu64
			" violations; use --max-violations all to see every one)\n",
			r->listed, r->seen);
	return dv_report_check(r->out);
}

const dv_report_ops dv_report_text_ops = {
	.name = "text",
	.violation = text_violation,
	.finish = dv_report_text_summary,
};
