/*
 * File identity of outputs and inputs; see fileid.h.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/fileid.h"

#define DV_MAX_LINKS 40 /* as the kernel's MAXSYMLINKS */

/* The target of symlink `link` (st: its lstat) as a path usable from here:
 * a relative target is put after the link's folder. NULL on error. */
static char *link_target(const char *link, const struct stat *st)
{
	size_t cap = st->st_size > 0 ? (size_t)st->st_size + 1 : PATH_MAX;
	const char *slash = strrchr(link, '/');
	size_t dir = slash ? (size_t)(slash - link) + 1 : 0;
	char *buf = malloc(cap), *out;
	ssize_t n;

	if (!buf)
		return NULL;
	n = readlink(link, buf, cap);
	if (n < 0 || (size_t)n >= cap) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	if (buf[0] == '/' || dir == 0)
		return buf;
	out = malloc(dir + (size_t)n + 1);
	if (out) {
		memcpy(out, link, dir);
		memcpy(out + dir, buf, (size_t)n + 1);
	}
	free(buf);
	return out;
}

char *dv_path_follow(const char *path)
{
	char *cur = strdup(path), *next;
	struct stat st;
	int i;

	for (i = 0; cur && i < DV_MAX_LINKS; i++) {
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;
		next = link_target(cur, &st);
		if (!next)
			return cur; /* unreadable link: opening it tells why */
		free(cur);
		cur = next;
	}
	return cur;
}

/* The folder of `path` resolved by realpath(), then its last name; the
 * plain path when the folder cannot be resolved. */
static char *canonical(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	char *dir, *real, *out;
	size_t n;

	dir = slash ? strndup(path, (size_t)(slash - path) + 1) : strdup(".");
	if (!dir)
		return NULL;
	real = realpath(dir, NULL);
	free(dir);
	if (!real)
		return strdup(path);
	n = strlen(real) + strlen(base) + 2;
	out = malloc(n);
	if (out)
		snprintf(out, n, "%s%s%s", real,
			 real[strlen(real) - 1] == '/' ? "" : "/", base);
	free(real);
	return out;
}

static bool is_null_device(const struct stat *st)
{
	struct stat null;

	return S_ISCHR(st->st_mode) && stat("/dev/null", &null) == 0 &&
	       S_ISCHR(null.st_mode) && st->st_rdev == null.st_rdev;
}

int dv_file_id_init(dv_file_id *id, const char *path, int fd)
{
	struct stat st;
	char *final;

	memset(id, 0, sizeof(*id));
	if (path ? stat(path, &st) == 0 : fstat(fd, &st) == 0) {
		id->exists = true;
		id->dev = st.st_dev;
		id->ino = st.st_ino;
		id->is_null = is_null_device(&st);
		id->is_reg = S_ISREG(st.st_mode);
		return 0;
	}
	if (!path)
		return 0; /* a closed descriptor is no file */
	final = dv_path_follow(path);
	if (!final)
		return -1;
	id->path = canonical(final);
	free(final);
	return id->path ? 0 : -1;
}

void dv_file_id_release(dv_file_id *id)
{
	free(id->path);
	id->path = NULL;
}

bool dv_file_id_same(const dv_file_id *a, const dv_file_id *b)
{
	if (a->exists && b->exists)
		return a->dev == b->dev && a->ino == b->ino && !a->is_null;
	if (a->path && b->path)
		return strcmp(a->path, b->path) == 0;
	return false;
}
