/*
 * The spill file: a format that writes one document at the end (json,
 * sarif) writes each listed violation's JSON value to a temporary file
 * as it arrives, one per line, and copies the lines into the document at
 * the end, so memory stays flat however many violations are listed.
 */
#include <errno.h>
#include <string.h>

#include "report/jsonw.h"
#include "report/report_impl.h"
#include "util/spool.h"

void dv_report_spill_init(dv_report_spill *s, const char *dir)
{
	s->f = NULL;
	s->dir = dir;
	s->err = 0;
}

void dv_report_spill_release(dv_report_spill *s)
{
	if (s->f)
		fclose(s->f);
	s->f = NULL;
}

dcval_status dv_report_spill_failed(dv_report_spill *s)
{
	if (!s->err)
		s->err = errno ? errno : EIO;
	return DCVAL_EIO;
}

dcval_status dv_report_spill_open(dv_report_spill *s)
{
	if (s->f)
		return DCVAL_OK;
	s->f = dv_spool_open(s->dir);
	if (s->f)
		return DCVAL_OK;
	return errno == ENOMEM ? DCVAL_ENOMEM : dv_report_spill_failed(s);
}

dcval_status dv_report_spill_copy(dv_report_spill *s, dv_jsonw *w)
{
	FILE *spill = s->f;
	char buf[16384];
	bool at_start = true;
	size_t n, k;
	char *p, *nl;

	if (!spill)
		return DCVAL_OK;
	if (fflush(spill) != 0 || fseek(spill, 0, SEEK_SET) != 0)
		return dv_report_spill_failed(s);
	while ((n = fread(buf, 1, sizeof(buf), spill)) > 0) {
		for (p = buf; p < buf + n; p += k) {
			if (at_start)
				dv_jsonw_raw_begin(w);
			nl = memchr(p, '\n', (size_t)(buf + n - p));
			k = nl ? (size_t)(nl - p) : (size_t)(buf + n - p);
			dv_jsonw_raw(w, p, k);
			at_start = nl != NULL;
			k += nl != NULL;
		}
	}
	return ferror(spill) ? dv_report_spill_failed(s) : DCVAL_OK;
}
