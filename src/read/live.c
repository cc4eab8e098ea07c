/*
 * Live inputs; see live.h.
 */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "read/live.h"

bool dv_live_is_live(FILE *in, int *fd)
{
	struct stat st;

	*fd = fileno(in);
	if (*fd < 0)
		return false;
	return fstat(*fd, &st) == 0 && !S_ISREG(st.st_mode);
}

dcval_status dv_live_read(int fd, char *buf, size_t cap, size_t *len,
			  bool *eof, int *err)
{
	struct pollfd p;
	ssize_t got;

	*len = 0;
	for (;;) {
		got = read(fd, buf, cap);
		if (got > 0) {
			*len = (size_t)got;
			return DCVAL_OK;
		}
		if (got == 0) {
			*eof = true;
			return DCVAL_OK;
		}
		if (errno == EINTR)
			continue;
		if (errno == EAGAIN || errno == EWOULDBLOCK) {
			/* a descriptor someone made non-blocking: wait */
			p.fd = fd;
			p.events = POLLIN;
			p.revents = 0;
			if (poll(&p, 1, -1) >= 0 || errno == EINTR)
				continue;
		}
		*err = errno ? errno : EIO;
		*eof = true;
		return DCVAL_EIO;
	}
}

/* Whether p[0..n) is a proper prefix of m[0..k). */
static bool proper_prefix(const char *p, size_t n, const char *m, size_t k)
{
	return n < k && memcmp(p, m, n) == 0;
}

bool dv_live_decisive(const char *p, size_t n, bool named)
{
	static const char bom[] = "\xef\xbb\xbf";
	static const char gz[] = "\x1f\x8b";
	static const char zst[] = "\x28\xb5\x2f\xfd";
	size_t i;

	if (n == 0 || (named && n < 4))
		return false;
	if (proper_prefix(p, n, bom, 3) || proper_prefix(p, n, gz, 2) ||
	    proper_prefix(p, n, zst, 4))
		return false;
	i = n >= 3 && memcmp(p, bom, 3) == 0 ? 3 : 0;
	for (; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
			return true;
	return false;
}
