/*
 * Output files; see outfile.h. The temporary-file-and-rename scheme is
 * the one of sed -i and of git's lockfile.c (write "TARGET.lock", then
 * rename), with rsync's habit of keeping the old file's mode and owner.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/fileid.h"
#include "cli/outfile.h"

#define DV_TEMP_SUFFIX ".dcval-XXXXXX"

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

/* The folder part of path, "." when it has none. New, or NULL. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return strdup(".");
	return strndup(path, slash == path ? 1 : (size_t)(slash - path));
}

/*
 * The temporary path beside `final`: FINAL.dcval-XXXXXX, or
 * FOLDER/.dcval-XXXXXX when the name would grow past NAME_MAX.
 */
static char *temp_name(const char *final, const char *dir)
{
	const char *slash = strrchr(final, '/');
	size_t base = strlen(slash ? slash + 1 : final);
	size_t n = strlen(final) + sizeof(DV_TEMP_SUFFIX) + 2;
	char *t = malloc(n);

	if (!t)
		return NULL;
	if (base + sizeof(DV_TEMP_SUFFIX) - 1 <= NAME_MAX)
		snprintf(t, n, "%s%s", final, DV_TEMP_SUFFIX);
	else
		snprintf(t, n, "%s/.%s", dir, &DV_TEMP_SUFFIX[1]);
	return t;
}

/* Give the new file fd what the old one had (st), or the mode a new
 * file gets: 0666 & ~umask. */
static int set_mode(int fd, const struct stat *st)
{
	mode_t mask;

	if (!st) {
		mask = umask(0); /* read it: the CLI is single-threaded here */
		umask(mask);
		return fchmod(fd, 0666 & ~mask);
	}
	/* owner first: chown may clear set-id bits. Not root: keep at least
	 * the group when we are a member, and never fail on EPERM. */
	if ((st->st_uid != geteuid() || st->st_gid != getegid()) &&
	    fchown(fd, st->st_uid, st->st_gid) != 0) {
		if (errno != EPERM)
			return -1;
		if (fchown(fd, (uid_t)-1, st->st_gid) != 0 && errno != EPERM)
			return -1;
	}
	return fchmod(fd, st->st_mode & 07777);
}

/* Whether the existing regular file st may not be replaced: no write
 * bit for anyone (DV_OUTFILE_READONLY), or not writable by us (errno). */
static bool read_only(dv_outfile *o, const struct stat *st)
{
	if ((st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0) {
		o->fail = DV_OUTFILE_READONLY;
		errno = EACCES;
		return true;
	}
	return access(o->final, W_OK) != 0;
}

/* Open o->final through a temporary file; st: the existing file, or
 * NULL when there is none. */
static int open_temp(dv_outfile *o, const struct stat *st)
{
	int fd, e;

	if (st && read_only(o, st))
		return -1;
	o->dir = folder_of(o->final);
	o->tmp = o->dir ? temp_name(o->final, o->dir) : NULL;
	if (!o->tmp)
		return -1;
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		o->fail = DV_OUTFILE_TEMP;
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	track(o->tmp);
	o->fd = fd; /* not fileno(o->f): a stream need not have one */
	if (set_mode(fd, st) != 0 || !(o->f = fdopen(fd, "w"))) {
		e = errno;
		close(fd);
		errno = e;
		o->fail = DV_OUTFILE_TEMP;
		return -1;
	}
	return 0;
}

int dv_outfile_open(dv_outfile *o, const char *target)
{
	struct stat st;

	memset(o, 0, sizeof(o[0]));
	o->target = target;
	if (!strcmp(target, "-")) {
		o->is_stdout = true;
		o->f = stdout;
		return 0;
	}
	if (stat(target, &st) == 0) {
		if (!S_ISREG(st.st_mode)) {
			o->f = fopen(target, "w"); /* a device, a pipe: as it is */
			return o->f ? 0 : -1;
		}
	} else if (errno != ENOENT) {
		return -1;
	}
	o->final = dv_path_follow(target);
	if (!o->final)
		return -1;
	if (stat(o->final, &st) == 0)
		return open_temp(o, &st);
	return errno == ENOENT ? open_temp(o, NULL) : -1;
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

int dv_outfile_close(dv_outfile *o)
{
	int rc, e = 0;

	if (!o->f)
		return 0;
	rc = dv_outfile_flush(o);
	if (rc != 0)
		e = errno;
	if (o->is_stdout) {
		o->f = NULL;
		o->zout = NULL;
		errno = e;
		return rc;
	}
	if (rc == 0 && o->tmp && fsync(o->fd) != 0) {
		rc = -1;
		e = errno;
	}
	if (fclose(o->f) != 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	o->f = NULL;
	o->zout = NULL; /* fclose freed it */
	errno = e;
	return rc;
}

static void release(dv_outfile *o)
{
	if (o->tmp) {
		untrack(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
	}
	free(o->final);
	free(o->dir);
	o->final = NULL;
	o->dir = NULL;
}

int dv_outfile_commit(dv_outfile *o)
{
	int e;

	if (o->f && dv_outfile_close(o) != 0) {
		dv_outfile_abort(o);
		return -1;
	}
	if (o->tmp && rename(o->tmp, o->final) != 0) {
		e = errno;
		dv_outfile_abort(o);
		errno = e;
		return -1;
	}
	release(o);
	return 0;
}

void dv_outfile_abort(dv_outfile *o)
{
	int e = errno;

	if (o->f && !o->is_stdout)
		fclose(o->f);
	o->f = NULL;
	o->zout = NULL;
	if (o->tmp)
		unlink(o->tmp);
	release(o);
	errno = e;
}
