/*
 * `make bench` rows of the serving path (#19), one JSON line of results
 * per mode on standard output:
 *
 *   serve api CONTRACT N
 *       N JSON records (1 in 10 invalid) through one in-memory session
 *       (include/dcval/session.h) after a warm-up of N / 10: records per
 *       second and the p50 / p99 latency of one dcval_session_check()
 *       call; in the same run, the bare jansson json_loadb() of the same
 *       records as a baseline.
 *   serve pipe DCVAL CONTRACT N
 *       `DCVAL validate -c CONTRACT -r jsonl -f jsonl -` already running
 *       on a pipe; each of N records (after 200 of warm-up) has one
 *       violation: the time from the write of its last byte into the pipe
 *       to its violation line read back, p50 and p99.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "dcval/dcval.h"

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double pct(double *v, size_t n, double p)
{
	size_t i = (size_t)(p * (double)(n - 1) + 0.5);

	return v[i];
}

/* Record i of the events contract as JSON; every tenth is invalid
 * (amount below 0) or, with `all_bad`, every one. */
static int record(char *buf, size_t cap, unsigned long i, int all_bad)
{
	static const char *const types[] = { "click", "view", "purchase", "signup" };
	int bad = all_bad || i % 10 == 9;

	return snprintf(buf, cap,
			"{\"event_id\": %lu, \"user_id\": \"%08lx-3a4d-4e5f-8a7b-1c2d3e4f5a6b\", "
			"\"event_ts\": \"2024-03-%02luT12:%02lu:%02luZ\", \"event_type\": \"%s\", "
			"\"amount\": %s, \"country\": \"DE\", \"email\": \"u%lu@example.com\", "
			"\"score\": 0.%lu, \"is_test\": false}%s",
			i + 1, i, i % 28 + 1, i % 60, (i / 60) % 60, types[i % 4],
			bad ? "-1.5" : "12.25", i, i % 10, all_bad ? "\n" : "");
}

static dcval_status count_cb(void *ud, const dcval_violation *v)
{
	(void)v;
	++*(unsigned long *)ud;
	return DCVAL_OK;
}

static int bench_api(const char *contract_path, unsigned long n)
{
	unsigned long warm = n / 10, i, violations = 0;
	dcval_validate_opts o;
	dcval_contract *c;
	dcval_validator *v;
	dcval_session *s;
	dcval_error err;
	double *lat, *base, t0, t1, total = 0, btotal = 0;
	char (*recs)[512];
	int *len;

	dcval_error_clear(&err);
	c = dcval_contract_load_file(contract_path, &err);
	if (!c) {
		fprintf(stderr, "serve: %s: %s\n", contract_path, err.text);
		return 2;
	}
	memset(&o, 0, sizeof(o));
	o.on_violation = count_cb;
	o.ud = &violations;
	v = dcval_validator_new(c, &o, &err);
	s = v ? dcval_session_new(v, "bench", DCVAL_FORMAT_JSONL, &err) : NULL;
	recs = malloc((warm + n) * sizeof(*recs));
	len = malloc((warm + n) * sizeof(*len));
	lat = malloc(n * sizeof(*lat));
	base = malloc(n * sizeof(*base));
	if (!s || !recs || !len || !lat || !base) {
		fprintf(stderr, "serve: out of memory\n");
		return 2;
	}
	for (i = 0; i < warm + n; i++)
		len[i] = record(recs[i], sizeof(recs[i]), i, 0);
	for (i = 0; i < warm; i++)
		dcval_session_check(s, recs[i], (size_t)len[i], &err);
	for (i = 0; i < n; i++) {
		t0 = now_ns();
		if (dcval_session_check(s, recs[warm + i], (size_t)len[warm + i],
					&err) != DCVAL_OK) {
			fprintf(stderr, "serve: %s\n", err.text);
			return 2;
		}
		t1 = now_ns();
		lat[i] = t1 - t0;
		total += lat[i];
	}
	for (i = 0; i < n; i++) {
		json_error_t je;
		json_t *j;

		t0 = now_ns();
		j = json_loadb(recs[warm + i], (size_t)len[warm + i], 0, &je);
		json_decref(j);
		t1 = now_ns();
		base[i] = t1 - t0;
		btotal += base[i];
	}
	qsort(lat, n, sizeof(*lat), cmp_double);
	qsort(base, n, sizeof(*base), cmp_double);
	printf("{\"mode\": \"api\", \"records\": %lu, \"invalid\": %llu, \"violations\": %lu, "
	       "\"rps\": %.0f, \"p50_us\": %.3f, \"p99_us\": %.3f, \"max_us\": %.3f, "
	       "\"base_rps\": %.0f, \"base_p50_us\": %.3f, \"base_p99_us\": %.3f}\n",
	       n, (unsigned long long)dcval_validator_counts(v)->invalid_records,
	       violations, (double)n / (total / 1e9), pct(lat, n, 0.5) / 1e3,
	       pct(lat, n, 0.99) / 1e3, lat[n - 1] / 1e3,
	       (double)n / (btotal / 1e9), pct(base, n, 0.5) / 1e3,
	       pct(base, n, 0.99) / 1e3);
	dcval_session_free(s);
	dcval_validator_free(v);
	dcval_contract_free(c);
	free(recs);
	free(len);
	free(lat);
	free(base);
	return 0;
}

/* Read from fd until a '\n'; keeps bytes after it in *pend. */
static int read_line(int fd, char *buf, size_t cap, size_t *have)
{
	char *nl;
	ssize_t got;

	for (;;) {
		nl = memchr(buf, '\n', *have);
		if (nl) {
			size_t k = (size_t)(nl + 1 - buf);

			memmove(buf, nl + 1, *have - k);
			*have -= k;
			return 0;
		}
		if (*have == cap)
			*have = 0; /* a line longer than the buffer: drop it */
		got = read(fd, buf + *have, cap - *have);
		if (got <= 0) {
			if (got < 0 && errno == EINTR)
				continue;
			return -1;
		}
		*have += (size_t)got;
	}
}

static int bench_pipe(const char *dcval, const char *contract, unsigned long n)
{
	int in[2], out[2];
	unsigned long warm = 200, i;
	char rec[512], buf[65536];
	size_t have = 0;
	double *lat, t0, t1;
	pid_t pid;
	int k, status;

	lat = malloc(n * sizeof(*lat));
	if (!lat || pipe(in) != 0 || pipe(out) != 0)
		return 2;
	signal(SIGPIPE, SIG_IGN);
	pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		execl(dcval, dcval, "validate", "-c", contract, "-r", "jsonl", "-f",
		      "jsonl", "--max-violations", "all", "-", (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	for (i = 0; i < warm + n; i++) {
		k = record(rec, sizeof(rec), i, 1);
		if (write(in[1], rec, (size_t)k) != k)
			return 2;
		t0 = now_ns();
		if (read_line(out[0], buf, sizeof(buf), &have) != 0) {
			fprintf(stderr, "serve: dcval ended early\n");
			return 2;
		}
		t1 = now_ns();
		if (i >= warm)
			lat[i - warm] = t1 - t0;
	}
	close(in[1]);
	while (read(out[0], buf, sizeof(buf)) > 0)
		;
	waitpid(pid, &status, 0);
	qsort(lat, n, sizeof(*lat), cmp_double);
	printf("{\"mode\": \"pipe\", \"records\": %lu, \"p50_us\": %.1f, \"p99_us\": %.1f, "
	       "\"max_us\": %.1f}\n",
	       n, pct(lat, n, 0.5) / 1e3, pct(lat, n, 0.99) / 1e3, lat[n - 1] / 1e3);
	free(lat);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "api") == 0)
		return bench_api(argv[2], strtoul(argv[3], NULL, 10));
	if (argc == 5 && strcmp(argv[1], "pipe") == 0)
		return bench_pipe(argv[2], argv[3], strtoul(argv[4], NULL, 10));
	fprintf(stderr, "usage: serve api CONTRACT N | serve pipe DCVAL CONTRACT N\n");
	return 2;
}
