/*
 * The junit report: JUnit XML as CI systems read it. One <testsuite> per
 * input (named by its path), one <testcase> per contract check that
 * found something in that input (classname "dcval.CONTRACT", name
 * "COLUMN RULE"): error-severity checks fail with the count and the
 * first five messages, warn-severity ones pass and carry the same text
 * in <system-out>. An input without findings has one passing testcase
 * "contract", so no suite is empty; an input that could not be read has
 * a testcase "contract" with an <error>.
 *
 *   <?xml version="1.0" encoding="UTF-8"?>
 *   <testsuites name="dcval" tests="2" failures="1" errors="0">
 *     <testsuite name="events.csv" tests="1" failures="1" errors="0">
 *       <testcase classname="dcval.events" name="amount type">
 *         <failure type="type" message="2 errors">2 errors
 *   events.csv:42:5: &quot;12,5&quot; is not a number
 *   events.csv:97:5: &quot;x&quot; is not a number</failure>
 *       </testcase>
 *     </testsuite>
 *     <testsuite name="more.csv" tests="1" failures="0" errors="0">
 *       <testcase classname="dcval.events" name="contract"/>
 *     </testsuite>
 *   </testsuites>
 *
 * Dataset-level violations (row_count) belong to the input's suite when
 * the run has one input; with several they have no path and get a suite
 * of their own after the inputs', named "(all inputs)".
 *
 * Text is escaped for XML 1.0 (see xml_escape()): the document is
 * well-formed whatever the paths, column names and values hold, and the
 * characters XML forbids are written as \uXXXX text (\u001B, \uFFFE).
 */
#include <inttypes.h>
#include <string.h>

#include "report/report_impl.h"
#include "util/utf8.h"

/* The suite of dataset-level violations of a run of several inputs,
 * which have no path. */
#define DATASET_SUITE "(all inputs)"

/* Testcases of one or all suites. */
typedef struct junit_counts {
	uint64_t tests;    /* testcases */
	uint64_t failures; /* failing testcases */
	uint64_t errors;   /* inputs that could not be read */
} junit_counts;

/* "\uXXXX" for code point u, as text. */
static void xml_u(FILE *out, unsigned u)
{
	fprintf(out, "\\u%04X", u);
}

/*
 * Write s escaped for XML 1.0 text or attribute values (XML 1.0 section
 * 2.2, Char): the five special characters as entities; tab and line
 * feed kept (as &#9; and &#10; in attributes), carriage return as &#13;
 * (a parser would turn a raw one into a line feed); the characters XML
 * forbids (the other C0 controls, U+FFFE, U+FFFF), and DEL and the C1
 * controls it only discourages, as \uXXXX text; each byte that is not
 * valid UTF-8 as \xNN text. So the document is always well-formed and
 * holds no terminal control.
 */
static void xml_escape(FILE *out, const char *s, bool attr)
{
	size_t len = strlen(s), i = 0, n;
	unsigned char c;

	for (; i < len; i += n ? n : 1) {
		c = (unsigned char)s[i];
		n = dv_utf8_char_len(s + i, len - i);
		if (n == 0)
			fprintf(out, "\\x%02x", c);
		else if (c == '&')
			fputs("&amp;", out);
		else if (c == '<')
			fputs("&lt;", out);
		else if (c == '>')
			fputs("&gt;", out);
		else if (c == '"')
			fputs("&quot;", out);
		else if (c == '\'')
			fputs("&apos;", out);
		else if (c == '\r')
			fputs("&#13;", out);
		else if (c == '\t' || c == '\n')
			fputs(!attr ? (c == '\t' ? "\t" : "\n") :
				      (c == '\t' ? "&#9;" : "&#10;"), out);
		else if (c < 0x20 || c == 0x7f)
			xml_u(out, c);
		else if (n == 2 && c == 0xC2 && (unsigned char)s[i + 1] <= 0x9F)
			xml_u(out, (unsigned char)s[i + 1]); /* C1 */
		else if (n == 3 && c == 0xEF && (unsigned char)s[i + 1] == 0xBF &&
			 (unsigned char)s[i + 2] >= 0xBE)
			xml_u(out, 0xFFC0u | (s[i + 2] & 0x3F)); /* U+FFFE, U+FFFF */
		else
			fwrite(s + i, 1, n, out);
	}
}

/* Paths equal, NULL (no input) equal only to NULL. */
static bool same_path(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static bool is_input_path(const dv_report_run *run, const char *path)
{
	size_t i;

	for (i = 0; i < run->n_inputs; i++)
		if (same_path(run->inputs[i].path, path))
			return true;
	return false;
}

static void testcase_open(FILE *out, const dv_report_run *run, const char *name,
			  const char *rule)
{
	fputs("    <testcase classname=\"dcval", out);
	if (run->contract_name) {
		fputc('.', out);
		xml_escape(out, run->contract_name, true);
	}
	fputs("\" name=\"", out);
	if (name) {
		xml_escape(out, name, true);
		if (rule)
			fputc(' ', out);
	}
	if (rule)
		xml_escape(out, rule, true);
	fputc('"', out);
}

/* The count line and the sample messages of a. */
static void agg_text(FILE *out, const dv_report_agg *a, const char *what)
{
	char count[32];
	unsigned i;

	xml_escape(out, dv_report_plural(a->count, what, count, sizeof(count)), false);
	for (i = 0; i < a->n_samples; i++) {
		fputc('\n', out);
		xml_escape(out, a->samples[i], false);
	}
	if (a->count > a->n_samples)
		fprintf(out, "\n(and %" PRIu64 " more)", a->count - a->n_samples);
}

static void agg_testcase(FILE *out, const dv_report_run *run,
			 const dv_report_agg *a)
{
	char count[32];
	bool error = a->severity == DCVAL_SEVERITY_ERROR;

	testcase_open(out, run, a->column, a->rule);
	fputs(">\n", out);
	if (error) {
		fputs("      <failure type=\"", out);
		xml_escape(out, a->rule, true);
		fprintf(out, "\" message=\"%s\">",
			dv_report_plural(a->count, "error", count, sizeof(count)));
		agg_text(out, a, "error");
		fputs("</failure>\n", out);
	} else {
		fputs("      <system-out>", out);
		agg_text(out, a, "warning");
		fputs("</system-out>\n", out);
	}
	fputs("    </testcase>\n", out);
}

/* The testcase "contract": passing, or failed to read `in`. */
static void contract_testcase(FILE *out, const dv_report_run *run,
			      const dcval_input_info *in)
{
	testcase_open(out, run, NULL, "contract");
	if (!in || in->status == DCVAL_OK) {
		fputs("/>\n", out);
		return;
	}
	fputs(">\n      <error message=\"cannot be read: ", out);
	xml_escape(out, in->error[0] ? in->error : dcval_status_str(in->status),
		   true);
	fputs("\"/>\n    </testcase>\n", out);
}

/*
 * One suite: the testcases of `path` (`in` its input, or NULL for a
 * path no input has). Adds its counts to *total; writes it when `write`.
 */
static void suite(dcval_report *r, const dv_report_run *run, const char *path,
		  const dcval_input_info *in, bool write, junit_counts *total)
{
	const dv_report_aggs *t = &r->by_input;
	junit_counts c = { 0, 0, 0 };
	bool contract;
	size_t i;

	for (i = 0; i < t->n; i++) {
		if (!same_path(t->items[i]->path, path))
			continue;
		c.tests++;
		c.failures += t->items[i]->severity == DCVAL_SEVERITY_ERROR;
	}
	if (in && in->status != DCVAL_OK)
		c.errors++;
	contract = c.tests == 0 || c.errors;
	c.tests += contract;
	total->tests += c.tests;
	total->failures += c.failures;
	total->errors += c.errors;
	if (!write)
		return;
	fputs("  <testsuite name=\"", r->out);
	xml_escape(r->out, path ? path : DATASET_SUITE, true);
	fprintf(r->out,
		"\" tests=\"%" PRIu64 "\" failures=\"%" PRIu64 "\" errors=\"%" PRIu64 "\">\n",
		c.tests, c.failures, c.errors);
	if (contract)
		contract_testcase(r->out, run, in);
	for (i = 0; i < t->n; i++)
		if (same_path(t->items[i]->path, path))
			agg_testcase(r->out, run, t->items[i]);
	fputs("  </testsuite>\n", r->out);
}

/* Every suite in order: the inputs', then paths no input has. */
static void suites(dcval_report *r, const dv_report_run *run, bool write,
		   junit_counts *total)
{
	const dv_report_aggs *t = &r->by_input;
	size_t i, j;

	for (i = 0; i < run->n_inputs; i++)
		suite(r, run, run->inputs[i].path, &run->inputs[i], write, total);
	for (i = 0; i < t->n; i++) {
		if (is_input_path(run, t->items[i]->path))
			continue;
		for (j = 0; j < i; j++)
			if (same_path(t->items[j]->path, t->items[i]->path))
				break;
		if (j == i)
			suite(r, run, t->items[i]->path, NULL, write, total);
	}
}

static dcval_status junit_finish(dcval_report *r, const dv_report_run *run)
{
	junit_counts total = { 0, 0, 0 };

	suites(r, run, false, &total);
	fprintf(r->out,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<testsuites name=\"dcval\" tests=\"%" PRIu64 "\" failures=\"%" PRIu64
		"\" errors=\"%" PRIu64 "\">\n",
		total.tests, total.failures, total.errors);
	memset(&total, 0, sizeof(total));
	suites(r, run, true, &total);
	fputs("</testsuites>\n", r->out);
	return dv_report_check(r->out);
}

const dv_report_ops dv_report_junit_ops = {
	.name = "junit",
	.by_input = true,
	.violation = NULL,
	.finish = junit_finish,
};
