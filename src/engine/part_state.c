/*
 * The validator's run state as sharded runs see it (part.h): the one
 * file that reads or writes struct dcval_validator for parts. Writing a
 * part: the first occurrence of each key (dataset.c calls
 * dv_part_key()), whether its record ends with an error (record.c calls
 * dv_part_record_end()), the counts and inputs. Merging: the parts'
 * inputs and counts become the run's, violations go to the caller.
 */
#include <string.h>

#include "engine/engine_impl.h"
#include "engine/part_impl.h"
#include "util/alloc.h"

void dv_part_state_attach(dv_engine *e, dv_part *p)
{
	e->part = p;
}

size_t dv_part_state_slots(const dv_engine *e)
{
	return e->c->n_columns + 1;
}

uint32_t dv_part_state_input(const dv_engine *e)
{
	return e->n_inputs ? (uint32_t)(e->n_inputs - 1) : 0;
}

dcval_status dv_part_key(dv_engine *e, const dv_record *rec, size_t slot,
			 uint32_t field, const char *text, size_t len)
{
	dv_part_first f;

	if (!e->part)
		return DCVAL_OK;
	f.input = (uint32_t)(e->cur - e->inputs);
	f.record = e->rec_no;
	f.line = rec->line;
	f.field = field;
	f.before = e->total.errors + e->total.warnings;
	f.order = dv_part_next_order(e->part);
	f.has_error = false; /* dv_part_record_end() tells */
	return dv_part_add_key(e->part, slot, e->key.data, e->key.len, &f, text,
			       len);
}

void dv_part_record_end(dv_engine *e)
{
	if (e->part)
		dv_part_mark_record(e->part, (uint32_t)(e->cur - e->inputs),
				    e->rec_no, e->rec_error);
}

void dv_part_state_meta(const dv_engine *e, dv_part_meta *m)
{
	m->now_secs = e->opts.now_secs;
	m->now_ns = e->opts.now_ns;
	m->counts = e->total;
	m->inputs = e->inputs;
	m->n_inputs = e->n_inputs;
}

dcval_status dv_part_state_add_input(dv_engine *e, const dcval_input_info *in)
{
	dcval_input_info *slot;
	char *path = dv_strndup(in->path, strlen(in->path));

	if (!path)
		return DCVAL_ENOMEM;
	if (e->n_inputs == e->alloc_inputs) {
		size_t n = e->alloc_inputs ? e->alloc_inputs * 2 : 4;

		slot = dv_reallocarray(e->inputs, n, sizeof(*slot));
		if (!slot) {
			dv_free(path);
			return DCVAL_ENOMEM;
		}
		e->inputs = slot;
		e->alloc_inputs = n;
	}
	slot = &e->inputs[e->n_inputs++];
	*slot = *in;
	slot->path = path;
	return DCVAL_OK;
}

void dv_part_state_add_counts(dv_engine *e, const dcval_counts *c)
{
	e->total.records += c->records;
	e->total.invalid_records += c->invalid_records;
	e->total.errors += c->errors;
	e->total.warnings += c->warnings;
}

const dcval_input_info *dv_part_state_inputs(const dv_engine *e, size_t *n)
{
	*n = e->n_inputs;
	return e->inputs;
}

dcval_status dv_part_state_replay(dv_engine *e, const dcval_violation *v)
{
	return e->opts.on_violation ? e->opts.on_violation(e->opts.ud, v)
				    : DCVAL_OK;
}

dcval_status dv_part_state_repeat(dv_engine *e, size_t input,
				  const dcval_violation *v, bool invalid)
{
	dcval_input_info *in = &e->inputs[input];

	if (v->severity == DCVAL_SEVERITY_ERROR) {
		e->total.errors++;
		in->counts.errors++;
		if (invalid) {
			e->total.invalid_records++;
			in->counts.invalid_records++;
		}
	} else {
		e->total.warnings++;
		in->counts.warnings++;
	}
	return dv_part_state_replay(e, v);
}

void dv_part_state_slot_rule(const dv_engine *e, size_t slot,
			     dcval_severity *sev, const char **column,
			     bool *redacted, bool *is_pk)
{
	const struct dcval_contract *c = e->c;
	size_t i;

	*is_pk = slot >= c->n_columns;
	if (!*is_pk) {
		*sev = c->columns[slot].severity;
		*column = c->columns[slot].name;
		*redacted = c->columns[slot].sensitive;
		return;
	}
	*sev = DCVAL_SEVERITY_ERROR;
	*column = c->primary_key_name;
	*redacted = false;
	for (i = 0; i < c->n_primary_key; i++)
		*redacted |= c->columns[c->primary_key[i]].sensitive;
}
