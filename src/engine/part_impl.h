/*
 * The files behind part.h: part_io.c (little-endian fields over stdio),
 * part_write.c (a part's violations and keys, written), part_merge.c
 * (parts opened, keys merged, violations replayed) and part_state.c
 * (the only one that touches the validator's run state).
 */
#ifndef DV_ENGINE_PART_IMPL_H
#define DV_ENGINE_PART_IMPL_H

#include "engine/part.h"

/* Sequential writer; the first failure sticks. */
typedef struct dv_pw {
	FILE *f;
	uint64_t off;    /* bytes written */
	bool failed;     /* a write failed (errno kept) */
} dv_pw;

void dv_pw_u8(dv_pw *w, uint8_t v);
void dv_pw_u32(dv_pw *w, uint32_t v);
void dv_pw_u64(dv_pw *w, uint64_t v);
void dv_pw_bytes(dv_pw *w, const void *p, size_t n);
void dv_pw_str(dv_pw *w, const void *p, size_t n);

/* Little-endian into memory (the key entries are kept encoded). */
void dv_le32(unsigned char *p, uint32_t v);
void dv_le64(unsigned char *p, uint64_t v);

/* Sequential reader; a short read or a bad length sets `bad`. */
typedef struct dv_pr {
	FILE *f;
	bool bad;        /* truncated, corrupt or unreadable */
} dv_pr;

uint8_t dv_pr_u8(dv_pr *r);
uint32_t dv_pr_u32(dv_pr *r);
uint64_t dv_pr_u64(dv_pr *r);
void dv_pr_bytes(dv_pr *r, void *p, size_t n);
/* A str into b (reset first, NUL-terminated); cap its length. */
void dv_pr_str(dv_pr *r, dv_buf *b, uint32_t cap);

/* What a part records about a key's first occurrence. */
typedef struct dv_part_first {
	uint32_t input;   /* index of the input within the part */
	uint64_t record;  /* record number within that input */
	uint64_t line;
	uint32_t field;
	uint64_t before;  /* violations of the part found before the key's check */
	uint64_t order;   /* first occurrences recorded before it in the part */
	bool has_error;   /* its record has an error-severity violation */
} dv_part_first;

/* The counts and inputs of a run (meta section). */
typedef struct dv_part_meta {
	int64_t now_secs;
	int32_t now_ns;
	dcval_counts counts;
	const dcval_input_info *inputs;
	size_t n_inputs;
} dv_part_meta;

/* part_write.c, called by part_state.c */
dcval_status dv_part_add_key(dv_part *p, size_t slot, const void *key,
			     size_t key_len, const dv_part_first *f,
			     const char *text, size_t text_len);
void dv_part_mark_record(dv_part *p, uint32_t input, uint64_t record,
			 bool has_error);
uint64_t dv_part_next_order(const dv_part *p);

/* part_state.c: the validator's side */
void dv_part_state_attach(struct dcval_validator *e, dv_part *p);
uint32_t dv_part_state_input(const struct dcval_validator *e);
void dv_part_state_meta(const struct dcval_validator *e, dv_part_meta *m);
size_t dv_part_state_slots(const struct dcval_validator *e);
dcval_status dv_part_state_add_input(struct dcval_validator *e,
				     const dcval_input_info *in);
void dv_part_state_add_counts(struct dcval_validator *e,
			      const dcval_counts *c);
const dcval_input_info *dv_part_state_inputs(const struct dcval_validator *e,
					     size_t *n);
/* Pass a replayed violation to the caller (counted in the part already). */
dcval_status dv_part_state_replay(struct dcval_validator *e,
				  const dcval_violation *v);
/* A cross-part repeat on input `input` (merged index): count it (and
 * its record as invalid when `invalid`), then pass it on. */
dcval_status dv_part_state_repeat(struct dcval_validator *e, size_t input,
				  const dcval_violation *v, bool invalid);
/* The dataset statistics' blob: written to f (an open_memstream),
 * merged from f (a part's blob, parts in input order). DCVAL_EIO when
 * the blob is corrupt. */
dcval_status dv_part_state_ds_save(const struct dcval_validator *e, FILE *f);
dcval_status dv_part_state_ds_load(struct dcval_validator *e, FILE *f);
dcval_status dv_part_state_drift_save(const struct dcval_validator *e, FILE *f);
dcval_status dv_part_state_drift_load(struct dcval_validator *e, FILE *f);
/* Severity, name and sensitivity of slot's rule. */
void dv_part_state_slot_rule(const struct dcval_validator *e, size_t slot,
			     dcval_severity *sev, const char **column,
			     bool *redacted, bool *is_pk);

#endif
