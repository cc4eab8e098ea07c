/*
 * Output files; see outfile.h.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/outfile.h"

/* CLI process state: the temporary files to remove if a signal ends us. */
#define DV_MAX_TEMPS 8
static struct {
	char *volatile tmp[DV_MAX_TEMPS]; /* open temporary paths, or NULL */
	bool handlers;                    /* signal handlers installed */
} g;

static void on_fatal_signal(int sig)
{
	size_t i;

	for (i = 0; i < DV_MAX_TEMPS; i++)
		if (g.tmp[i])
			unlink(g.tmp[i]); /* async-signal-safe */
	signal(sig, SIG_DFL);
	raise(sig);
}

static void track(char *tmp)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGTERM };
	struct sigaction sa;
	size_t i;

	if (!g.handlers) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_fatal_signal;
		sigemptyset(&sa.sa_mask);
		for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
			sigaction(sigs[i], &sa, NULL);
		g.handlers = true;
	}
	for (i = 0; i < DV_MAX_TEMPS; i++) {
		if (!g.tmp[i]) {
			g.tmp[i] = tmp;
			return;
		}
	}
}

static void untrack(const char *tmp)
{
	size_t i;

	for (i = 0; i < DV_MAX_TEMPS; i++)
		if (g.tmp[i] == tmp)
			g.tmp[i] = NULL;
}

static bool wants_temp(const char *target)
{
	struct stat st;

	if (stat(target, &st) != 0)
		return errno == ENOENT;
	return S_ISREG(st.st_mode);
}

int dv_outfile_open(dv_outfile *o, const char *target, bool atomic)
{
	size_t n;
	int fd;

	memset(o, 0, sizeof(*o));
	o->target = target;
	if (!strcmp(target, "-")) {
		o->is_stdout = true;
		o->f = stdout;
		return 0;
	}
	if (!atomic || !wants_temp(target)) {
		o->f = fopen(target, "w");
		return o->f ? 0 : -1;
	}
	n = strlen(target) + sizeof(".dcval-XXXXXX");
	o->tmp = malloc(n);
	if (!o->tmp)
		return -1;
	snprintf(o->tmp, n, "%s.dcval-XXXXXX", target);
	fd = mkstemp(o->tmp);
	if (fd < 0 || fchmod(fd, 0644) != 0 || !(o->f = fdopen(fd, "w"))) {
		int e = errno;

		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		free(o->tmp);
		o->tmp = NULL;
		errno = e;
		return -1;
	}
	track(o->tmp);
	return 0;
}

int dv_outfile_flush(dv_outfile *o)
{
	if (!o->f)
		return 0;
	if (fflush(o->f) != 0 || ferror(o->f)) {
		if (!errno)
			errno = EIO;
		return -1;
	}
	return 0;
}

int dv_outfile_commit(dv_outfile *o)
{
	int rc = 0, e = 0;

	if (!o->f)
		return 0;
	if (o->is_stdout) {
		rc = fflush(stdout) == 0 && !ferror(stdout) ? 0 : -1;
		o->f = NULL;
		return rc;
	}
	if (ferror(o->f)) {
		rc = -1;
		e = errno ? errno : EIO;
	}
	if (fclose(o->f) != 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	o->f = NULL;
	if (o->tmp) {
		if (rc == 0 && rename(o->tmp, o->target) != 0) {
			rc = -1;
			e = errno;
		}
		if (rc != 0)
			unlink(o->tmp);
		untrack(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
	}
	errno = e;
	return rc;
}

void dv_outfile_abort(dv_outfile *o)
{
	if (o->f && !o->is_stdout)
		fclose(o->f);
	o->f = NULL;
	if (o->tmp) {
		unlink(o->tmp);
		untrack(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
	}
}

bool dv_same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (!strcmp(a, "-") || !strcmp(b, "-"))
		return false;
	if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	return strcmp(a, b) == 0;
}
