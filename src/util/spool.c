/*
 * Spool files; see spool.h. tmpfile(3) would ignore the caller's folder
 * (glibc always uses P_tmpdir), hence mkstemp() in the folder named.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/spool.h"

FILE *dv_spool_open(const char *dir)
{
	static const char name[] = "/dcval-spool-XXXXXX";
	size_t n;
	char *path;
	FILE *f = NULL;
	int fd, e;

	if (!dir || !*dir)
		dir = DV_SPOOL_DIR;
	n = strlen(dir) + sizeof(name);
	path = dv_malloc(n);
	if (!path) {
		errno = ENOMEM;
		return NULL;
	}
	snprintf(path, n, "%s%s", dir, name);
	fd = mkstemp(path);
	if (fd >= 0) {
		unlink(path);
		f = fdopen(fd, "w+");
		if (!f) {
			e = errno;
			close(fd);
			errno = e;
		}
	}
	e = errno;
	dv_free(path);
	errno = e;
	return f;
}
