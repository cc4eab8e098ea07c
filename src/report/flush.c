/*
 * dcval_report_flush(): the report's output, flushed after each record
 * of a live input (see report.h). A write error is sticky, as for
 * dcval_report_violation().
 */
#include <stdio.h>

#include "report/report_impl.h"

dcval_status dcval_report_flush(void *report)
{
	dcval_report *r = report;

	if (r->failed != DCVAL_OK)
		return r->failed;
	if (fflush(r->out) != 0 || ferror(r->out)) {
		r->failed = DCVAL_EIO;
		return DCVAL_EIO;
	}
	return DCVAL_OK;
}
