/*
 * I/O fault shim for tests: LD_PRELOAD=inject.so makes reads, writes,
 * fsync or close fail on files whose path matches a pattern, after a
 * number of bytes went through, like a disk that fills up or goes bad
 * mid-run (jq src/inject_errors.c does the same for stdio).
 *
 *   DV_FAULT_PATH   fnmatch(3) pattern of the paths to fail (required);
 *                   a file created by mkstemp() matches by its final name
 *   DV_FAULT_OP     read, write, fsync, close or pipe (comma list; default
 *                   write); pipe fails every pipe(2), whatever the path
 *                   (a process out of descriptors: DV_FAULT_ERRNO=EMFILE)
 *   DV_FAULT_AFTER  bytes that succeed on each matching file before reads
 *                   or writes fail (default 0)
 *   DV_FAULT_ERRNO  EIO (default), ENOSPC, EBADF, EMFILE or a number
 *
 * open, openat, creat, mkstemp and friends remember the descriptors of
 * matching files. glibc's stdio reads and writes through internal calls
 * that a preload cannot see, so fopen() and fdopen() of a matching file
 * return a stream whose I/O goes through the wrapped read()/write()/
 * close() (fopencookie). Not a part of dcval: built for tests only.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define MAX_FD 1024

static unsigned char tracked[MAX_FD];  /* fd is a matching file */
static unsigned long long moved[MAX_FD]; /* bytes read or written on it */

static const char *env(const char *name)
{
	const char *v = getenv(name);

	return v && *v ? v : NULL;
}

static int matches(const char *path)
{
	const char *pat = env("DV_FAULT_PATH");

	return pat && path && fnmatch(pat, path, 0) == 0;
}

static int op_on(const char *op)
{
	const char *ops = env("DV_FAULT_OP");
	size_t n = strlen(op);
	const char *p;

	if (!ops)
		ops = "write";
	for (p = ops; (p = strstr(p, op)) != NULL; p += n)
		if ((p == ops || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
			return 1;
	return 0;
}

static unsigned long long after(void)
{
	const char *a = env("DV_FAULT_AFTER");

	return a ? strtoull(a, NULL, 10) : 0;
}

static int fault_errno(void)
{
	const char *e = env("DV_FAULT_ERRNO");

	if (!e || !strcmp(e, "EIO"))
		return EIO;
	if (!strcmp(e, "ENOSPC"))
		return ENOSPC;
	if (!strcmp(e, "EBADF"))
		return EBADF;
	if (!strcmp(e, "EMFILE"))
		return EMFILE;
	return atoi(e) > 0 ? atoi(e) : EIO;
}

static void track(int fd, const char *path)
{
	if (fd >= 0 && fd < MAX_FD) {
		tracked[fd] = (unsigned char)matches(path);
		moved[fd] = 0;
	}
}

static int is_tracked(int fd)
{
	return fd >= 0 && fd < MAX_FD && tracked[fd];
}

#define REAL(name) \
	static __typeof__(&name) real_##name; \
	if (!real_##name) \
		real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

/* How many of n bytes may move on fd before the fault; -1: fail now. */
static ssize_t allowed(int fd, size_t n, const char *op)
{
	unsigned long long lim;

	if (!is_tracked(fd) || !op_on(op))
		return (ssize_t)n;
	lim = after();
	if (moved[fd] >= lim) {
		errno = fault_errno();
		return -1;
	}
	if (n > lim - moved[fd])
		n = (size_t)(lim - moved[fd]);
	return (ssize_t)n;
}

ssize_t read(int fd, void *buf, size_t n)
{
	REAL(read);
	ssize_t k = allowed(fd, n, "read"), r;

	if (k < 0)
		return -1;
	r = real_read(fd, buf, (size_t)k);
	if (r > 0 && is_tracked(fd))
		moved[fd] += (unsigned long long)r;
	return r;
}

ssize_t write(int fd, const void *buf, size_t n)
{
	REAL(write);
	ssize_t k = allowed(fd, n, "write"), r;

	if (k < 0)
		return -1;
	r = real_write(fd, buf, (size_t)k);
	if (r > 0 && is_tracked(fd))
		moved[fd] += (unsigned long long)r;
	return r;
}

int pipe(int fds[2])
{
	REAL(pipe);

	if (op_on("pipe")) {
		errno = fault_errno();
		return -1;
	}
	return real_pipe(fds);
}

int fsync(int fd)
{
	REAL(fsync);

	if (is_tracked(fd) && op_on("fsync")) {
		errno = fault_errno();
		return -1;
	}
	return real_fsync(fd);
}

int close(int fd)
{
	REAL(close);
	int fail = is_tracked(fd) && op_on("close");
	int r;

	if (fd >= 0 && fd < MAX_FD)
		tracked[fd] = 0;
	r = real_close(fd);
	if (fail && r == 0) {
		errno = fault_errno();
		return -1;
	}
	return r;
}

static int open_impl(int dirfd, const char *path, int flags, mode_t mode, int at)
{
	REAL(open);
	REAL(openat);
	int fd = at ? real_openat(dirfd, path, flags, mode)
		    : real_open(path, flags, mode);

	track(fd, path);
	return fd;
}

static mode_t mode_arg(int flags, va_list ap)
{
	return (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(ap, int) : 0;
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t m;

	va_start(ap, flags);
	m = mode_arg(flags, ap);
	va_end(ap);
	return open_impl(AT_FDCWD, path, flags, m, 0);
}

int open64(const char *path, int flags, ...)
{
	va_list ap;
	mode_t m;

	va_start(ap, flags);
	m = mode_arg(flags, ap);
	va_end(ap);
	return open_impl(AT_FDCWD, path, flags, m, 0);
}

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	mode_t m;

	va_start(ap, flags);
	m = mode_arg(flags, ap);
	va_end(ap);
	return open_impl(dirfd, path, flags, m, 1);
}

int openat64(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	mode_t m;

	va_start(ap, flags);
	m = mode_arg(flags, ap);
	va_end(ap);
	return open_impl(dirfd, path, flags, m, 1);
}

int creat(const char *path, mode_t mode)
{
	return open_impl(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode, 0);
}

/* A mkstemp file matches by the name it will be renamed to: the pattern
 * may name the target, its temporary is "TARGET.<suffix>". */
static void track_temp(int fd, const char *tmpl)
{
	char *name = strdup(tmpl);
	char *dot = name ? strrchr(name, '.') : NULL;

	track(fd, tmpl);
	if (dot && !is_tracked(fd)) {
		*dot = '\0';
		track(fd, name);
	}
	free(name);
}

int mkstemp(char *tmpl)
{
	REAL(mkstemp);
	int fd = real_mkstemp(tmpl);

	track_temp(fd, tmpl);
	return fd;
}

int mkostemp(char *tmpl, int flags)
{
	REAL(mkostemp);
	int fd = real_mkostemp(tmpl, flags);

	track_temp(fd, tmpl);
	return fd;
}

/* stdio on a tracked descriptor: a cookie stream over read()/write(). */
static ssize_t ck_read(void *c, char *buf, size_t n)
{
	return read((int)(intptr_t)c, buf, n);
}

/* Like stdio on a real file, a short write is retried, so that a fault
 * after DV_FAULT_AFTER bytes reaches the caller with its errno: glibc
 * flags a short cookie write as an error without looking at errno. */
static ssize_t ck_write(void *c, const char *buf, size_t n)
{
	size_t done = 0;
	ssize_t r;

	while (done < n) {
		r = write((int)(intptr_t)c, buf + done, n - done);
		if (r <= 0)
			break;
		done += (size_t)r;
	}
	return (ssize_t)done; /* glibc: short is the error return of a write */
}

static int ck_seek(void *c, off64_t *off, int whence)
{
	off_t r = lseek((int)(intptr_t)c, (off_t)*off, whence);

	if (r < 0)
		return -1;
	*off = r;
	return 0;
}

static int ck_close(void *c)
{
	return close((int)(intptr_t)c);
}

static FILE *cookie(int fd, const char *mode)
{
	cookie_io_functions_t io = { ck_read, ck_write, ck_seek, ck_close };

	return fopencookie((void *)(intptr_t)fd, mode, io);
}

static int mode_flags(const char *mode)
{
	int rw = strchr(mode, '+') != NULL;

	switch (mode[0]) {
	case 'r':
		return rw ? O_RDWR : O_RDONLY;
	case 'w':
		return (rw ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
	default:
		return (rw ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
	}
}

static FILE *fopen_impl(const char *path, const char *mode, const char *name)
{
	FILE *(*real)(const char *, const char *) =
		(FILE * (*)(const char *, const char *))dlsym(RTLD_NEXT, name);
	FILE *f;
	int fd;

	if (!matches(path))
		return real(path, mode);
	fd = open(path, mode_flags(mode), 0666);
	if (fd < 0)
		return NULL;
	f = cookie(fd, mode);
	if (!f)
		close(fd);
	return f;
}

FILE *fopen(const char *path, const char *mode)
{
	return fopen_impl(path, mode, "fopen");
}

FILE *fopen64(const char *path, const char *mode)
{
	return fopen_impl(path, mode, "fopen64");
}

FILE *fdopen(int fd, const char *mode)
{
	REAL(fdopen);

	if (is_tracked(fd))
		return cookie(fd, mode);
	return real_fdopen(fd, mode);
}
