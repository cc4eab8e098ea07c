/*
 * Progress line on the terminal; see progress.h.
 */
#include <inttypes.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/progress.h"

#define REDRAW_NS 100000000L /* at most 10 redraws a second */
#define CLEAR "\r\033[K"

void dv_progress_init(dv_progress *p, bool quiet)
{
	memset(p, 0, sizeof(*p));
	p->enabled = !quiet && isatty(STDERR_FILENO);
}

void dv_progress_start(dv_progress *p, FILE *in)
{
	struct stat st;

	p->active = p->enabled;
	p->size = 0;
	if (p->active && fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode)) {
		p->size = (uint64_t)st.st_size;
		p->active = p->size > DV_PROGRESS_MIN_BYTES;
	}
	clock_gettime(CLOCK_MONOTONIC, &p->start);
	p->last = p->start;
}

static int64_t elapsed_ns(const struct timespec *from, const struct timespec *to)
{
	return (int64_t)(to->tv_sec - from->tv_sec) * 1000000000 +
	       (to->tv_nsec - from->tv_nsec);
}

/* "312.5 MiB" */
static void human(char *buf, size_t n, uint64_t bytes)
{
	static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
	double v = (double)bytes;
	unsigned u = 0;

	while (v >= 1024 && u + 1 < sizeof(units) / sizeof(units[0])) {
		v /= 1024;
		u++;
	}
	snprintf(buf, n, u ? "%.1f %s" : "%.0f %s", v, units[u]);
}

/* Columns of the terminal on stderr, 80 when unknown. */
static size_t term_width(void)
{
	struct winsize ws;

	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 80;
}

/*
 * Write "dcval: PATH: STATS" cut to the terminal width (a wrapped line
 * could not be cleared with one "\r\033[K"): the path loses its head
 * first, control characters in it (C0, DEL, C1) show as '?'.
 */
static void draw(const char *path, const char *stats)
{
	size_t width = term_width() - 1, fixed = strlen("dcval: : ") + strlen(stats);
	size_t len = strlen(path), room, i;
	const char *p = path;

	room = width > fixed + 4 ? width - fixed : 4;
	fputs(CLEAR "dcval: ", stderr);
	if (len > room) {
		p = path + len - (room - 3);
		while ((*p & 0xc0) == 0x80) /* not inside a UTF-8 character */
			p++;
		fputs("...", stderr);
	}
	for (i = 0; p[i]; i++) {
		if ((unsigned char)p[i] == 0xc2 && (unsigned char)p[i + 1] >= 0x80 &&
		    (unsigned char)p[i + 1] <= 0x9f) {
			fputc('?', stderr); /* a C1 control, U+0080..U+009F */
			i++;
			continue;
		}
		fputc((unsigned char)p[i] < 0x20 || p[i] == 0x7f ? '?' : p[i], stderr);
	}
	fputs(": ", stderr);
	if (fixed > width)
		fwrite(stats, 1, width > 16 ? width - 16 : 4, stderr);
	else
		fputs(stats, stderr);
	fflush(stderr);
}

void dv_progress_update(void *ud, const char *path, uint64_t bytes,
			uint64_t records)
{
	dv_progress *p = ud;
	struct timespec now;
	char done[32], total[32], stats[160];
	int64_t ns;
	uint64_t rate;

	/* a pipe shows progress once it proved large */
	if (!p->active || (!p->size && bytes <= DV_PROGRESS_MIN_BYTES))
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (elapsed_ns(&p->last, &now) < REDRAW_NS)
		return;
	p->last = now;
	ns = elapsed_ns(&p->start, &now);
	rate = ns > 0 ? (uint64_t)((double)records * 1e9 / (double)ns) : 0;
	human(done, sizeof(done), bytes);
	if (p->size) {
		human(total, sizeof(total), p->size);
		snprintf(stats, sizeof(stats),
			 "%s of %s (%" PRIu64 "%%), %" PRIu64 " records, %" PRIu64
			 " records/s",
			 done, total, bytes * 100 / p->size, records, rate);
	} else {
		snprintf(stats, sizeof(stats),
			 "%s, %" PRIu64 " records, %" PRIu64 " records/s", done,
			 records, rate);
	}
	draw(path, stats);
	p->shown = true;
}

static void clear(dv_progress *p)
{
	if (!p->shown)
		return;
	fputs(CLEAR, stderr);
	fflush(stderr);
	p->shown = false;
}

dcval_status dv_progress_violation(void *ud, const dcval_violation *v)
{
	dv_progress *p = ud;

	clear(p);
	return p->next ? p->next(p->next_ud, v) : DCVAL_OK;
}

void dv_progress_end(dv_progress *p)
{
	clear(p);
	p->active = false;
}
