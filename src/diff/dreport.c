/*
 * The two forms of a diff's result (shared/spec/cli.md, "diff").
 *
 * text: a header line "PATH: OLD -> NEW: OUTCOME", then one line per
 * change, "  CLASS  MESSAGE". OUTCOME is one of
 *   no changes                          nothing changed, version kept or raised
 *   CLASS changes, version ok           NEW's version has the bump CLASS needs
 *   CLASS changes need version V        it has not: V is the least it may be
 *   version went down                   nothing changed but NEW < OLD
 * where CLASS is the worst class; a file new at the git revision is
 * "PATH: new contract, version V".
 *
 * json: {"diff_version": 1, "old": {path, name, version, sha256} | null,
 * "new": {...}, "changes": [{path, class, old, new, message}],
 * "required_bump", "version_ok"}.
 */
#include <string.h>

#include "diff/diff.h"
#include "report/jsonw.h"
#include "util/esc.h"

/* Text of a path or name, never a terminal control. */
static void put(FILE *out, const char *s)
{
	dv_esc_fwrite(out, s, strlen(s), 0);
}

void dv_dreport_text(FILE *out, const dv_dresult *r)
{
	const dv_gate *g = &r->gate;
	const char *w = dv_dclass_name(g->worst);
	size_t i;

	put(out, r->new->path);
	if (!r->old) {
		fputs(": new contract, version ", out);
		put(out, r->new->c->version);
		fputc('\n', out);
		return;
	}
	fputs(": ", out);
	put(out, r->old->c->version);
	fputs(" -> ", out);
	put(out, r->new->c->version);
	if (g->version_ok && g->worst == DV_DC_NONE)
		fputs(": no changes\n", out);
	else if (g->version_ok)
		fprintf(out, ": %s changes, version ok\n", w);
	else if (g->worst != DV_DC_NONE)
		fprintf(out, ": %s changes need version %s\n", w, g->needed);
	else
		fputs(": version went down\n", out);
	for (i = 0; i < r->diff->n; i++) {
		const dv_dchange *c = &r->diff->changes[i];

		fprintf(out, "  %s  ", dv_dclass_name(c->cls));
		put(out, c->message);
		fputc('\n', out);
	}
}

static void side(dv_jsonw *w, const dv_dside *s)
{
	if (!s) {
		dv_jsonw_null(w);
		return;
	}
	dv_jsonw_object(w, false);
	dv_jsonw_key(w, "path");
	dv_jsonw_cstr(w, s->path);
	dv_jsonw_key(w, "name");
	dv_jsonw_cstr(w, s->c->name);
	dv_jsonw_key(w, "version");
	dv_jsonw_cstr(w, s->c->version);
	dv_jsonw_key(w, "sha256");
	dv_jsonw_cstr(w, s->c->sha256);
	dv_jsonw_end(w);
}

/* A value prepared as JSON text by the diff (dvalue.c). */
static void raw(dv_jsonw *w, const char *json)
{
	dv_jsonw_raw_begin(w);
	dv_jsonw_raw(w, json, strlen(json));
}

void dv_dreport_json(dv_jsonw *w, const dv_dresult *r)
{
	size_t i;

	dv_jsonw_object(w, true);
	dv_jsonw_key(w, "diff_version");
	dv_jsonw_uint(w, 1);
	dv_jsonw_key(w, "old");
	side(w, r->old);
	dv_jsonw_key(w, "new");
	side(w, r->new);
	dv_jsonw_key(w, "changes");
	dv_jsonw_array(w, r->diff && r->diff->n > 0);
	for (i = 0; r->diff && i < r->diff->n; i++) {
		const dv_dchange *c = &r->diff->changes[i];

		dv_jsonw_object(w, false);
		dv_jsonw_key(w, "path");
		dv_jsonw_cstr(w, c->path);
		dv_jsonw_key(w, "class");
		dv_jsonw_cstr(w, dv_dclass_name(c->cls));
		dv_jsonw_key(w, "old");
		raw(w, c->old_json);
		dv_jsonw_key(w, "new");
		raw(w, c->new_json);
		dv_jsonw_key(w, "message");
		dv_jsonw_cstr(w, c->message);
		dv_jsonw_end(w);
	}
	dv_jsonw_end(w);
	dv_jsonw_key(w, "required_bump");
	dv_jsonw_cstr(w, dv_bump_name(r->gate.required));
	dv_jsonw_key(w, "version_ok");
	dv_jsonw_bool(w, r->gate.version_ok);
	dv_jsonw_end(w);
}
