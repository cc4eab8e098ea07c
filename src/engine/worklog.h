/*
 * The worker's log (worker.c writes it, replay.c reads it): a sequence
 * of events, each a dv_ev header followed by its strings' bytes. A
 * record's events come before its DV_EV_END; len[i] is DV_EV_NONE for a
 * NULL string.
 */
#ifndef DV_ENGINE_WORKLOG_H
#define DV_ENGINE_WORKLOG_H

#include <stdint.h>

#define DV_EV_NONE UINT64_MAX
#define DV_EV_STRS 4

enum dv_ev_kind {
	DV_EV_VIOL = 1, /* a violation: rule, column, value, detail */
	DV_EV_UNIQUE,   /* a unique column's key: key, value (aux: column) */
	DV_EV_PK,       /* the primary key: key, text */
	DV_EV_RAW,      /* bytes streamed to the invalid output: bytes */
	DV_EV_END       /* the record ends: its raw bytes, or aux/len[0] by offset */
};

enum dv_ev_flags {
	DV_EVF_REC = 1 << 0,      /* VIOL: on a record */
	DV_EVF_REDACTED = 1 << 1, /* VIOL, PK: value redacted */
	DV_EVF_NULL = 1 << 2,     /* PK: a part is null */
	DV_EVF_WRITTEN = 1 << 3,  /* END: the bytes went out as RAW events */
	DV_EVF_OFFSET = 1 << 4,   /* END: raw is chunk + aux, len[0] bytes */
	DV_EVF_HASRAW = 1 << 5    /* END: the record has raw bytes */
};

typedef struct dv_ev {
	uint32_t kind;
	uint32_t flags;
	uint32_t field;
	int32_t sev;
	uint64_t line;
	uint64_t aux;
	uint64_t len[DV_EV_STRS];
} dv_ev;

#endif
