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
 * Violations whose path is none of the inputs' (a dataset check run
 * after the last input) get a suite of their own after the inputs'.
 */
#include <inttypes.h>
#include <string.h>

#include "report/report_impl.h"
#include "util/utf8.h"

/* Testcases of one or all suites. */
typedef struct junit_counts {
	uint64_t tests;    /* testcases */
	uint64_t failures; /* failing testcases */
	uint64_t errors;   /* inputs that could not be read */
} junit_counts;

/*
 * Write s escaped for XML 1.0 text or attribute values: the five
 * special characters as entities, tab and newline kept (as &#9; and
 * &#10; in attributes), other control bytes dropped (XML cannot hold
 * them), bytes that are not valid UTF-8 as U+FFFD.
 */
static void xml_escape(FILE *out, const char *s, bool attr)
{
	size_t len = strlen(s), i = 0, valid;
	unsigned char c;

	while (i < len) {
		valid = i + dv_utf8_valid_prefix(s + i, len - i);
		for (; i < valid; i++) {
			c = (unsigned char)s[i];
			if (c == '&')
				fputs("&amp;", out);
			else if (c == '<')
				fputs("&lt;", out);
			else if (c == '>')
				fputs("&gt;", out);
			else if (c == '"')
				fputs("&quot;", out);
			else if (c == '\'')
				fputs("&apos;", out);
			else if (c == '\t' || c == '\n')
				fputs(!attr ? (c == '\t' ? "\t" : "\n") :
					      (c == '\t' ? "&#9;" : "&#10;"), out);
			else if (c >= 0x20 && c != 0x7f)
				fputc(c, out);
		}
		if (i < len) {
			fputs("\xef\xbf\xbd", out); /* U+FFFD */
			i++;
		}
	}
}

static bool is_input_path(const dv_report_run *run, const char *path)
{
	size_t i;

	for (i = 0; i < run->n_inputs; i++)
		if (strcmp(run->inputs[i].path, path) == 0)
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
		if (strcmp(t->items[i]->path, path) != 0)
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
	xml_escape(r->out, path, true);
	fprintf(r->out,
		"\" tests=\"%" PRIu64 "\" failures=\"%" PRIu64 "\" errors=\"%" PRIu64 "\">\n",
		c.tests, c.failures, c.errors);
	if (contract)
		contract_testcase(r->out, run, in);
	for (i = 0; i < t->n; i++)
		if (strcmp(t->items[i]->path, path) == 0)
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
			if (strcmp(t->items[j]->path, t->items[i]->path) == 0)
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
