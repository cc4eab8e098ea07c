/*
 * runstat: run a command and write its wall time and peak RSS to a file.
 *
 *   runstat [-n N] OUT CMD [ARG ...]
 *
 * Runs CMD N times (default 1), one after the other, and writes
 *   wall_ns=W cpu_ns=C maxrss_kib=R status=S
 * to OUT, where W is the median wall time (fork to wait4), C the median
 * user + system CPU time, R the largest
 * ru_maxrss that wait4(2) returned (the figure GNU time's %M prints) and S
 * the last exit status. A driver written in Python cannot take ru_maxrss
 * itself: a child's high-water mark starts at the forking process's RSS,
 * and this wrapper's is about 1 MiB.
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	int i = 1, n = 1, status = 0;
	long maxrss = 0;
	long long *walls, *cpus;
	FILE *out;

	if (argc > 3 && !strcmp(argv[1], "-n")) {
		n = atoi(argv[2]);
		i = 3;
	}
	if (n < 1 || argc - i < 2) {
		fprintf(stderr, "usage: runstat [-n N] OUT CMD [ARG ...]\n");
		return 2;
	}
	walls = malloc(sizeof *walls * (size_t)n);
	cpus = malloc(sizeof *cpus * (size_t)n);
	if (!walls || !cpus)
		return 4;
	for (int k = 0; k < n; k++) {
		struct timespec t0, t1;
		struct rusage ru;
		pid_t pid;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		pid = fork();
		if (pid < 0) {
			perror("runstat: fork");
			return 4;
		}
		if (pid == 0) {
			execvp(argv[i + 1], argv + i + 1);
			perror("runstat: exec");
			_exit(127);
		}
		if (wait4(pid, &status, 0, &ru) < 0) {
			perror("runstat: wait4");
			return 4;
		}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		walls[k] = (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
		cpus[k] = (long long)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000LL +
			  (long long)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000LL;
		if (ru.ru_maxrss > maxrss)
			maxrss = ru.ru_maxrss;
	}
	qsort(walls, (size_t)n, sizeof *walls, cmp);
	qsort(cpus, (size_t)n, sizeof *cpus, cmp);
	out = fopen(argv[i], "w");
	if (!out) {
		perror("runstat: open");
		return 4;
	}
	fprintf(out, "wall_ns=%lld cpu_ns=%lld maxrss_kib=%ld status=%d\n", walls[n / 2], cpus[n / 2], maxrss,
		WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	fclose(out);
	return 0;
}
