/*
 * The sketches' serialized frame and base64; see wire.h.
 */
#include <string.h>

#include "stats/hash64.h"
#include "stats/wire.h"
#include "util/alloc.h"

#define FRAME_HEAD 5  /* magic + version */
#define FRAME_TAIL 8  /* checksum */

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void dv_wire_begin(dv_wire_w *w, const char magic[4])
{
	dv_buf_init(&w->b, DV_WIRE_MAX_BYTES);
	w->st = DV_SKETCH_OK;
	dv_wire_bytes(w, magic, 4);
	dv_wire_u8(w, DV_WIRE_VERSION);
}

void dv_wire_bytes(dv_wire_w *w, const void *p, size_t n)
{
	dcval_status st;

	if (w->st != DV_SKETCH_OK)
		return;
	st = dv_buf_append(&w->b, p, n);
	if (st == DCVAL_ENOMEM)
		w->st = DV_SKETCH_ENOMEM;
	else if (st != DCVAL_OK)
		w->st = DV_SKETCH_ELIMIT;
}

void dv_wire_u8(dv_wire_w *w, uint8_t v)
{
	dv_wire_bytes(w, &v, 1);
}

void dv_wire_u32(dv_wire_w *w, uint32_t v)
{
	unsigned char b[4];
	int i;

	for (i = 0; i < 4; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	dv_wire_bytes(w, b, 4);
}

void dv_wire_u64(dv_wire_w *w, uint64_t v)
{
	unsigned char b[8];
	int i;

	for (i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	dv_wire_bytes(w, b, 8);
}

void dv_wire_f64(dv_wire_w *w, double v)
{
	uint64_t u;

	memcpy(&u, &v, sizeof(u));
	dv_wire_u64(w, u);
}

dv_sketch_status dv_wire_end(dv_wire_w *w, char **out, size_t *out_len)
{
	dv_sketch_status st;
	char *s;
	size_t n;

	*out = NULL;
	*out_len = 0;
	if (w->st == DV_SKETCH_OK)
		dv_wire_u64(w, dv_hash64(w->b.data, w->b.len, 0));
	st = w->st;
	if (st == DV_SKETCH_OK) {
		n = dv_base64_encoded_len(w->b.len);
		s = dv_malloc(n + 1);
		if (s) {
			dv_base64_encode((const unsigned char *)w->b.data, w->b.len, s);
			s[n] = '\0';
			*out = s;
			*out_len = n;
		} else {
			st = DV_SKETCH_ENOMEM;
		}
	}
	dv_buf_release(&w->b);
	return st;
}

static uint64_t get_le(const unsigned char *p, int n)
{
	uint64_t v = 0;
	int i;

	for (i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/*
 * Decode, then check in order: the magic (a foreign frame says so before
 * anything else), the version, the checksum.
 */
dv_sketch_status dv_wire_open(dv_wire_r *r, const char *text, size_t len,
			      const char magic[4])
{
	unsigned char *f;
	size_t n;
	dv_sketch_status st = DV_SKETCH_ECORRUPT;

	memset(r, 0, sizeof(*r));
	if (len > (size_t)DV_WIRE_MAX_BYTES / 3 * 4 + 4)
		return DV_SKETCH_ECORRUPT;
	f = dv_malloc(len / 4 * 3 + 1);
	if (!f)
		return DV_SKETCH_ENOMEM;
	if (!dv_base64_decode(text, len, f, &n)) {
		/* not even base64: text that is no sketch at all */
		st = n < 4 || memcmp(f, magic, 4) ? DV_SKETCH_EFOREIGN : DV_SKETCH_ECORRUPT;
		goto out_free;
	}
	if (n < 4 || memcmp(f, magic, 4)) {
		st = DV_SKETCH_EFOREIGN;
		goto out_free;
	}
	if (n < FRAME_HEAD + FRAME_TAIL)
		goto out_free;
	if (f[4] != DV_WIRE_VERSION) {
		st = DV_SKETCH_EVERSION;
		goto out_free;
	}
	if (get_le(f + n - FRAME_TAIL, 8) != dv_hash64(f, n - FRAME_TAIL, 0))
		goto out_free;
	r->frame = f;
	r->p = f + FRAME_HEAD;
	r->len = n - FRAME_HEAD - FRAME_TAIL;
	return DV_SKETCH_OK;
out_free:
	dv_free(f);
	return st;
}

const unsigned char *dv_wire_get_bytes(dv_wire_r *r, size_t n)
{
	const unsigned char *p;

	if (r->bad || n > r->len - r->pos) {
		r->bad = true;
		return NULL;
	}
	p = r->p + r->pos;
	r->pos += n;
	return p;
}

uint8_t dv_wire_get_u8(dv_wire_r *r)
{
	const unsigned char *p = dv_wire_get_bytes(r, 1);

	return p ? p[0] : 0;
}

uint32_t dv_wire_get_u32(dv_wire_r *r)
{
	const unsigned char *p = dv_wire_get_bytes(r, 4);

	return p ? (uint32_t)get_le(p, 4) : 0;
}

uint64_t dv_wire_get_u64(dv_wire_r *r)
{
	const unsigned char *p = dv_wire_get_bytes(r, 8);

	return p ? get_le(p, 8) : 0;
}

double dv_wire_get_f64(dv_wire_r *r)
{
	uint64_t u = dv_wire_get_u64(r);
	double d;

	memcpy(&d, &u, sizeof(d));
	return d;
}

size_t dv_wire_left(const dv_wire_r *r)
{
	return r->bad ? 0 : r->len - r->pos;
}

dv_sketch_status dv_wire_done(const dv_wire_r *r)
{
	return !r->bad && r->pos == r->len ? DV_SKETCH_OK : DV_SKETCH_ECORRUPT;
}

void dv_wire_close(dv_wire_r *r)
{
	dv_free(r->frame);
	memset(r, 0, sizeof(*r));
}

size_t dv_base64_encoded_len(size_t n)
{
	return (n + 2) / 3 * 4;
}

void dv_base64_encode(const unsigned char *in, size_t n, char *out)
{
	size_t i, o = 0;

	for (i = 0; i + 3 <= n; i += 3) {
		uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];

		out[o++] = b64[v >> 18];
		out[o++] = b64[(v >> 12) & 63];
		out[o++] = b64[(v >> 6) & 63];
		out[o++] = b64[v & 63];
	}
	if (n - i == 1) {
		uint32_t v = (uint32_t)in[i] << 16;

		out[o++] = b64[v >> 18];
		out[o++] = b64[(v >> 12) & 63];
		out[o++] = '=';
		out[o++] = '=';
	} else if (n - i == 2) {
		uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8;

		out[o++] = b64[v >> 18];
		out[o++] = b64[(v >> 12) & 63];
		out[o++] = b64[(v >> 6) & 63];
		out[o++] = '=';
	}
}

/* Value of a base64 digit, -1 for anything else ('=' included). */
static int digit(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* digit() of every byte, 0xFF for a non-digit: the quads before the last
 * (no '=' allowed) decode by four lookups and one test. */
static const unsigned char b64_val[256] = {
#define X 0xFF
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, 62, X, X, X, 63,
	52, 53, 54, 55, 56, 57, 58, 59, 60, 61, X, X, X, X, X, X,
	X, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
	15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, X, X, X, X, X,
	X, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
	41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
#undef X
};

bool dv_base64_decode(const char *text, size_t len, unsigned char *out,
		      size_t *n_out)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i, o = 0;

	*n_out = 0;
	if (len % 4)
		return false;
	/* every quad but the last: four digits, three bytes */
	for (i = 0; i + 4 < len; i += 4) {
		uint32_t a = b64_val[s[i]], b = b64_val[s[i + 1]];
		uint32_t c = b64_val[s[i + 2]], d = b64_val[s[i + 3]];
		uint32_t v;

		if ((a | b | c | d) & 0x80)
			return false;
		v = a << 18 | b << 12 | c << 6 | d;
		out[o] = (unsigned char)(v >> 16);
		out[o + 1] = (unsigned char)(v >> 8);
		out[o + 2] = (unsigned char)v;
		o += 3;
		*n_out = o;
	}
	for (; i < len; i += 4) {
		int d[4], k, pad = 0;
		uint32_t v = 0;
		bool last = i + 4 == len;

		for (k = 0; k < 4; k++) {
			d[k] = digit(s[i + k]);
			if (d[k] < 0) {
				/* '=' only as the last one or two of the last quad */
				if (!last || s[i + k] != '=' || k < 2)
					return false;
				pad++;
				d[k] = 0;
			} else if (pad) {
				return false;
			}
			v = v << 6 | (uint32_t)d[k];
		}
		if ((pad == 1 && (v & 0xFF)) || (pad == 2 && (v & 0xFFFF)))
			return false; /* nonzero padding bits: not canonical */
		out[o++] = (unsigned char)(v >> 16);
		if (pad < 2)
			out[o++] = (unsigned char)(v >> 8);
		if (pad < 1)
			out[o++] = (unsigned char)v;
		*n_out = o;
	}
	return true;
}
