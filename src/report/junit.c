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
#include "util/alloc.h"
#include "util/utf8.h"

/* The suite of dataset-level violations of a run of several inputs,
 * which have no path. */
#define DATASET_SUITE "(all inputs)"

/* The first messages of one testcase. */
typedef struct junit_samples {
	unsigned n;                       /* used entries of text */
	char *text[DV_REPORT_EXAMPLES];   /* "LOCATION: MESSAGE", or "MESSAGE"
					     without a location */
} junit_samples;

/* The junit report's private state: its testcases, counted as
 * violations come (every one, listed or not). */
typedef struct junit_state {
	dv_report_aggs cases;   /* per (path, rule, column, severity) */
	junit_samples *samples; /* the messages of cases.items[i] */
	size_t alloc;           /* allocated entries of samples */
} junit_state;

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

static dcval_status junit_start(dcval_report *r, const dcval_report_opts *opts)
{
	(void)opts;
	r->state = dv_calloc(1, sizeof(junit_state));
	return r->state ? DCVAL_OK : DCVAL_ENOMEM;
}

static void junit_release(dcval_report *r)
{
	junit_state *j = r->state;
	size_t i;
	unsigned k;

	if (!j)
		return;
	for (i = 0; i < j->cases.n; i++)
		for (k = 0; k < j->samples[i].n; k++)
			dv_free(j->samples[i].text[k]);
	dv_report_aggs_release(&j->cases);
	dv_free(j->samples);
	dv_free(j);
	r->state = NULL;
}

/* Keep "LOCATION: MESSAGE" of v while sm has fewer than five. */
static dcval_status keep_sample(dcval_report *r, junit_samples *sm,
				const dcval_violation *v)
{
	dcval_status st;

	if (sm->n == DV_REPORT_EXAMPLES)
		return DCVAL_OK;
	st = dv_report_location(v, &r->line);
	if (st == DCVAL_OK)
		st = dv_report_message(v, &r->msg);
	if (st == DCVAL_OK)
		st = dv_buf_printf(&r->line, "%s%s", r->line.len ? ": " : "",
				   r->msg.data);
	if (st != DCVAL_OK)
		return st == DCVAL_ELIMIT ? DCVAL_OK : st;
	sm->text[sm->n] = dv_strndup(r->line.data, r->line.len);
	if (!sm->text[sm->n])
		return DCVAL_ENOMEM;
	sm->n++;
	return DCVAL_OK;
}

/* Count v in its testcase, made when new, and keep its message. */
static dcval_status junit_tally(dcval_report *r, const dcval_violation *v)
{
	junit_state *j = r->state;
	dcval_status st = DCVAL_OK;
	junit_samples *sm;
	dv_report_agg *a;
	size_t n;

	if (j->cases.n == j->alloc) {
		n = j->alloc ? 2 * j->alloc : 16;
		sm = dv_reallocarray(j->samples, n, sizeof(*sm));
		if (!sm)
			return DCVAL_ENOMEM;
		memset(sm + j->alloc, 0, (n - j->alloc) * sizeof(*sm));
		j->samples = sm;
		j->alloc = n;
	}
	a = dv_report_aggs_get(&j->cases, v->path, v, &st);
	if (!a)
		return st == DCVAL_ELIMIT ? DCVAL_OK : st;
	a->count++;
	return keep_sample(r, &j->samples[a->index], v);
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
static void agg_text(FILE *out, const dv_report_agg *a,
		     const junit_samples *sm, const char *what)
{
	char count[32];
	unsigned i;

	xml_escape(out, dv_report_plural(a->count, what, count, sizeof(count)), false);
	for (i = 0; i < sm->n; i++) {
		fputc('\n', out);
		xml_escape(out, sm->text[i], false);
	}
	if (a->count > sm->n)
		fprintf(out, "\n(and %" PRIu64 " more)", a->count - sm->n);
}

static void agg_testcase(FILE *out, const dv_report_run *run,
			 const dv_report_agg *a, const junit_samples *sm)
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
		agg_text(out, a, sm, "error");
		fputs("</failure>\n", out);
	} else {
		fputs("      <system-out>", out);
		agg_text(out, a, sm, "warning");
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
	const junit_state *j = r->state;
	const dv_report_aggs *t = &j->cases;
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
			agg_testcase(r->out, run, t->items[i], &j->samples[i]);
	fputs("  </testsuite>\n", r->out);
}

/* Every suite in order: the inputs', then paths no input has. */
static void suites(dcval_report *r, const dv_report_run *run, bool write,
		   junit_counts *total)
{
	const junit_state *js = r->state;
	const dv_report_aggs *t = &js->cases;
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
	.start = junit_start,
	.tally = junit_tally,
	.finish = junit_finish,
	.release = junit_release,
};
