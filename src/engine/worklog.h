/*
 * The worker's log (worker.c writes it, replay.c reads it): a sequence
 * of events, each a tag byte (kind in the low 3 bits, flags above them)
 * and its fields as LEB128 varints, then its strings' bytes. A string's
 * length is stored plus one, 0 for a NULL string; a string that is handed
 * on as a C string has a NUL after its bytes. A record's events come
 * before its end: an END (a record with raw bytes), or a RUN.
 *
 *   VIOL    sev field line len+1 x4; rule, column, value, detail (NUL each)
 *   UNIQUE  column field line keylen len+1; key, value (NUL)
 *   PK      field line keylen len+1; key, text (NUL)
 *   RAW     len; bytes
 *   END     OFFSET: offset len; else len; bytes
 *   RUN     count (4 bytes, native order, rewritten in place)
 *   SKIP    length (4 bytes, native order): the next event is `length`
 *           bytes after this tag
 *
 * A RUN ends the current record (no raw bytes) and then count - 1 more
 * records that have no events and no raw bytes: a worker grows the RUN
 * it wrote last while nothing follows it, so a stretch of valid records
 * costs five bytes, not an event each. Only dv_engine_resolve() writes a
 * SKIP: a record whose only events are keys it found new is plain, so it
 * joins the RUN before it and its bytes are skipped (replay.c). The log is read back by the
 * process that wrote it: it is never validated as untrusted input.
 */
#ifndef DV_ENGINE_WORKLOG_H
#define DV_ENGINE_WORKLOG_H

#include <stdint.h>

#define DV_EV_NONE UINT64_MAX
#define DV_EV_STRS 4
#define DV_EV_KIND_BITS 3
#define DV_EV_VARINT_MAX 10 /* bytes of a uint64_t in LEB128 */
#define DV_EV_RUN_LEN 5     /* a RUN event's bytes */

enum dv_ev_kind {
	DV_EV_VIOL = 1, /* a violation: rule, column, value, detail */
	DV_EV_UNIQUE,   /* a unique column's key: key, value (aux: column) */
	DV_EV_PK,       /* the primary key: key, text */
	DV_EV_RAW,      /* bytes streamed to the invalid output: bytes */
	DV_EV_END,      /* the record ends: its raw bytes, or aux/len[0] by offset */
	DV_EV_RUN,      /* the record ends, and aux - 1 plain ones after it */
	DV_EV_SKIP      /* nothing: bytes merged into the RUN before them */
};

enum dv_ev_flags {
	DV_EVF_REC = 1 << 0,      /* VIOL: on a record */
	DV_EVF_REDACTED = 1 << 1, /* VIOL, PK: value redacted */
	DV_EVF_NULL = 1 << 2,     /* PK: a part is null */
	DV_EVF_RESOLVED = 1 << 3, /* UNIQUE, PK: looked up by dv_engine_resolve() */
	DV_EVF_NEW = 1 << 4,      /* UNIQUE, PK resolved: no repeat (first
				     occurrence, or a full unique set) */
	DV_EVF_WRITTEN = 1 << 0,  /* END: the bytes went out as RAW events */
	DV_EVF_OFFSET = 1 << 1,   /* END: raw is chunk + aux, len[0] bytes */
	DV_EVF_HASRAW = 1 << 2    /* END: the record has raw bytes */
};

/* An event as the replay decodes it; len[i] is DV_EV_NONE for a NULL
 * string. */
typedef struct dv_ev {
	uint32_t kind;
	uint32_t flags;
	uint32_t field;
	int32_t sev;
	uint64_t line;
	uint64_t aux;
	uint64_t len[DV_EV_STRS];
} dv_ev;

/* v as a LEB128 varint at p; returns the byte after it. */
static inline char *dv_ev_put(char *p, uint64_t v)
{
	while (v >= 0x80) {
		*p++ = (char)(v | 0x80);
		v >>= 7;
	}
	*p++ = (char)v;
	return p;
}

/* The varint at *p; *p moves past it. */
static inline uint64_t dv_ev_get(const char **p)
{
	const unsigned char *q = (const unsigned char *)*p;
	uint64_t v = *q & 0x7f;
	unsigned shift = 7;

	while (*q++ & 0x80) {
		v |= (uint64_t)(*q & 0x7f) << shift;
		shift += 7;
	}
	*p = (const char *)q;
	return v;
}

#endif
