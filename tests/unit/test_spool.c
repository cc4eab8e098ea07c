/*
 * Unit tests of the spool files (src/util/spool.c) and of the json
 * report's use of them: the folder named is used (not tmpfile()'s fixed
 * /tmp), nothing is left in it, and a failure there is told apart from
 * a failure of the report's output (dcval_report_spool_errno()).
 */
#include "unit.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "dcval/dcval.h"
#include "util/spool.h"

static const dcval_violation v_amount = {
	.path = "events.csv", .format = DCVAL_FORMAT_CSV, .record = 41,
	.line = 42, .field = 5, .column = "amount", .rule = "type",
	.severity = DCVAL_SEVERITY_ERROR, .value = "12,5", .value_len = 4,
	.detail = "is not a number",
};

/* Entries of dir other than . and .. */
static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static void test_spool_in_named_folder_leaves_nothing(void **state)
{
	char dir[] = "/tmp/dcval-test-spool-XXXXXX";
	char buf[8] = "";
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	f = dv_spool_open(dir);
	assert_non_null(f);
	assert_int_equal(entries(dir), 0); /* unlinked at once */
	assert_int_equal(fputs("spooled", f) >= 0, 1);
	assert_int_equal(fflush(f), 0);
	rewind(f);
	assert_non_null(fgets(buf, sizeof(buf), f));
	assert_string_equal(buf, "spooled");
	fclose(f);
	assert_int_equal(rmdir(dir), 0);
}

static void test_spool_missing_folder_fails_with_errno(void **state)
{
	(void)state;
	errno = 0;
	assert_null(dv_spool_open("/nonexistent/dcval-spool-dir"));
	assert_int_equal(errno, ENOENT);
}

static void test_json_report_spool_failure_is_named(void **state)
{
	dcval_report_opts o = { .format = DCVAL_REPORT_JSON,
				.max_violations = DCVAL_REPORT_ALL,
				.spool_dir = "/nonexistent/dcval-spool-dir" };
	dcval_error err;
	dcval_report *r;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(out);
	dcval_error_clear(&err);
	r = dcval_report_new(&o, out, &err);
	assert_non_null(r);
	assert_int_equal(dcval_report_spool_errno(r), 0);
	assert_int_equal(dcval_report_violation(r, &v_amount), DCVAL_EIO);
	assert_int_equal(dcval_report_spool_errno(r), ENOENT);
	dcval_report_free(r);
	fclose(out);
	free(buf);
}

static void test_text_report_has_no_spool(void **state)
{
	dcval_report_opts o = { .format = DCVAL_REPORT_TEXT,
				.max_violations = DCVAL_REPORT_ALL,
				.spool_dir = "/nonexistent/dcval-spool-dir" };
	dcval_error err;
	dcval_report *r;
	FILE *out = fopen("/dev/null", "w");

	(void)state;
	assert_non_null(out);
	dcval_error_clear(&err);
	r = dcval_report_new(&o, out, &err);
	assert_non_null(r);
	assert_int_equal(dcval_report_violation(r, &v_amount), DCVAL_OK);
	assert_int_equal(dcval_report_spool_errno(r), 0);
	assert_int_equal(dcval_report_spool_errno(NULL), 0);
	dcval_report_free(r);
	fclose(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spool_in_named_folder_leaves_nothing),
		cmocka_unit_test(test_spool_missing_folder_fails_with_errno),
		cmocka_unit_test(test_json_report_spool_failure_is_named),
		cmocka_unit_test(test_text_report_has_no_spool),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
