/*
 * dcval_error helpers, statuses and names shared by the whole library.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dcval/dcval.h"
#include "util/error.h"

void dcval_error_clear(dcval_error *err)
{
	memset(err, 0, sizeof(*err));
}

dcval_status dv_error_set(dcval_error *err, dcval_status status,
			  const char *file, unsigned long line,
			  unsigned long col, const char *fmt, ...)
{
	va_list ap;

	if (!err || err->status != DCVAL_OK)
		return status;
	err->status = status;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	err->line = line;
	err->col = col;
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof(err->text), fmt, ap);
	va_end(ap);
	return status;
}

const char *dcval_status_str(dcval_status status)
{
	switch (status) {
	case DCVAL_OK:
		return "success";
	case DCVAL_EUSAGE:
		return "invalid argument";
	case DCVAL_ECONTRACT:
		return "invalid contract";
	case DCVAL_EIO:
		return "input/output error";
	case DCVAL_ENOMEM:
		return "out of memory";
	case DCVAL_EINTERNAL:
		return "internal error";
	case DCVAL_ELIMIT:
		return "limit exceeded";
	case DCVAL_STOP:
		return "stopped";
	}
	return "unknown status";
}

const char *dcval_version(void)
{
	return DCVAL_VERSION;
}

static const char *const format_names[] = { "auto", "csv", "tsv", "jsonl",
					    "json" };

const char *dcval_format_name(dcval_format format)
{
	if ((unsigned)format >= sizeof(format_names) / sizeof(format_names[0]))
		return "auto";
	return format_names[format];
}

bool dcval_format_parse(const char *name, dcval_format *out)
{
	size_t i;

	if (strcmp(name, "ndjson") == 0) {
		*out = DCVAL_FORMAT_JSONL;
		return true;
	}
	for (i = 1; i < sizeof(format_names) / sizeof(format_names[0]); i++) {
		if (strcmp(name, format_names[i]) == 0) {
			*out = (dcval_format)i;
			return true;
		}
	}
	return false;
}

const char *dcval_severity_name(dcval_severity severity)
{
	return severity == DCVAL_SEVERITY_WARN ? "warn" : "error";
}
