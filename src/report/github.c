/*
 * The github report: GitHub Actions workflow commands, one per listed
 * violation, which GitHub shows as annotations on the file and line:
 *
 *   ::error file=PATH,line=LINE,col=FIELD,title=RULE::COLUMN: MESSAGE
 *   ::warning file=PATH,line=LINE,title=RULE::MESSAGE   (no column)
 *
 * line and col are left out when unknown (0); file too for a
 * dataset-level violation of several inputs (`::error title=row_count::
 * ...`). Escaping follows GitHub's toolkit (actions/toolkit
 * packages/core/src/command.ts): in the message '%', CR and LF become
 * %25, %0D, %0A; in property values ':' and ',' also become %3A and %2C.
 * Any other control character is written as the text report writes it
 * (\x1b, \u009b), so no raw control reaches the log. Then the summary of
 * the text report.
 */
#include <inttypes.h>
#include <string.h>

#include "report/report_impl.h"
#include "util/esc.h"

/*
 * Write s as a workflow command's property value or message: GitHub's
 * escapes for what its parser reads ('%', CR, LF, and in properties ':'
 * and ','), which the runner turns back into the characters; every
 * other control character (and each byte that is not UTF-8) as the text
 * report writes it (\x1b, \u009b; src/util/esc.h), so nothing reaches
 * the log that a terminal or the runner would act on.
 */
static void gh_escape(FILE *out, const char *s, bool property)
{
	char tmp[DV_ESC_CHAR_MAX];
	size_t len = strlen(s), i = 0, used, m;

	while (i < len) {
		switch (s[i]) {
		case '%':
			fputs("%25", out);
			break;
		case '\r':
			fputs("%0D", out);
			break;
		case '\n':
			fputs("%0A", out);
			break;
		case ':':
			fputs(property ? "%3A" : ":", out);
			break;
		case ',':
			fputs(property ? "%2C" : ",", out);
			break;
		default:
			m = dv_esc_char(s + i, len - i, 0, tmp, &used);
			fwrite(tmp, 1, m, out);
			i += used;
			continue;
		}
		i++;
	}
}

static dcval_status github_violation(dcval_report *r, const dcval_violation *v)
{
	dcval_status st = dv_report_message(v, &r->msg);
	FILE *out = r->out;

	if (st != DCVAL_OK)
		return st;
	fputs(v->severity == DCVAL_SEVERITY_WARN ? "::warning " : "::error ", out);
	if (v->path) {
		/* none for a dataset-level violation of several inputs: the
		 * annotation then belongs to the run, not to a file */
		fputs("file=", out);
		gh_escape(out, v->path, true);
		if (v->line)
			fprintf(out, ",line=%" PRIu64, v->line);
		if (v->field)
			fprintf(out, ",col=%" PRIu32, v->field);
		fputc(',', out);
	}
	fputs("title=", out);
	gh_escape(out, v->rule, true);
	fputs("::", out);
	if (v->column) {
		/* the annotation names the column: json inputs have no col */
		gh_escape(out, v->column, false);
		fputs(": ", out);
	}
	gh_escape(out, r->msg.data, false);
	fputc('\n', out);
	return dv_report_check(out);
}

const dv_report_ops dv_report_github_ops = {
	.name = "github",
	.violation = github_violation,
	.finish = dv_report_text_summary,
};
