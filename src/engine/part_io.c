/*
 * The fields of a part (part.h): unsigned little-endian integers and
 * length-prefixed strings over stdio, with sticky failures so that a
 * writer or reader checks once at the end of a section.
 */
#include <errno.h>
#include <string.h>

#include "engine/part_impl.h"

void dv_le32(unsigned char *p, uint32_t v)
{
	int i;

	for (i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

void dv_le64(unsigned char *p, uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

void dv_pw_bytes(dv_pw *w, const void *p, size_t n)
{
	if (w->failed || !n)
		return;
	if (fwrite(p, 1, n, w->f) != n) {
		if (!errno)
			errno = EIO;
		w->failed = true;
		return;
	}
	w->off += n;
}

void dv_pw_u8(dv_pw *w, uint8_t v)
{
	dv_pw_bytes(w, &v, 1);
}

void dv_pw_u32(dv_pw *w, uint32_t v)
{
	unsigned char b[4];

	dv_le32(b, v);
	dv_pw_bytes(w, b, 4);
}

void dv_pw_u64(dv_pw *w, uint64_t v)
{
	unsigned char b[8];

	dv_le64(b, v);
	dv_pw_bytes(w, b, 8);
}

void dv_pw_str(dv_pw *w, const void *p, size_t n)
{
	if (n > DV_PART_MAX_STR) {
		errno = EOVERFLOW;
		w->failed = true;
		return;
	}
	dv_pw_u32(w, (uint32_t)n);
	dv_pw_bytes(w, p, n);
}

void dv_pr_bytes(dv_pr *r, void *p, size_t n)
{
	if (r->bad) {
		memset(p, 0, n);
		return;
	}
	if (n && fread(p, 1, n, r->f) != n) {
		memset(p, 0, n);
		r->bad = true;
	}
}

uint8_t dv_pr_u8(dv_pr *r)
{
	unsigned char b;

	dv_pr_bytes(r, &b, 1);
	return b;
}

uint32_t dv_pr_u32(dv_pr *r)
{
	unsigned char b[4];
	uint32_t v = 0;
	int i;

	dv_pr_bytes(r, b, 4);
	for (i = 3; i >= 0; i--)
		v = (v << 8) | b[i];
	return v;
}

uint64_t dv_pr_u64(dv_pr *r)
{
	unsigned char b[8];
	uint64_t v = 0;
	int i;

	dv_pr_bytes(r, b, 8);
	for (i = 7; i >= 0; i--)
		v = (v << 8) | b[i];
	return v;
}

void dv_pr_str(dv_pr *r, dv_buf *b, uint32_t cap)
{
	uint32_t n = dv_pr_u32(r);

	dv_buf_reset(b);
	if (r->bad)
		return;
	if (n > cap || dv_buf_reserve(b, n) != DCVAL_OK) {
		r->bad = true;
		return;
	}
	dv_pr_bytes(r, b->data, n);
	b->len = r->bad ? 0 : n;
	b->data[b->len] = '\0';
}
