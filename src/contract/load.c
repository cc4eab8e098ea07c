/*
 * Loading a contract: read the file, hash its bytes, parse the YAML into a
 * dv_ynode tree (ytree.c), compile the tree (compile*.c).
 *
 * The grammar accepted (contract language version 1, see
 * shared/spec/contract.md). `?` optional, `*` stage [2], recognised only
 * to be refused as "not supported in this version (planned)". Any other
 * key anywhere is an error with a did-you-mean hint.
 *
 *   contract     := { contract: NAME            [A-Za-z0-9_.-]+
 *                     version?: SEMVER           semver.org 2.0.0, e.g. 1.4.0
 *                     description?: TEXT  owner?: TEXT  source?: TEXT
 *                     input?: input  schema?: schema
 *                     columns: [ column, ... ]   at least one
 *                     dataset?: dataset  rules*  drift* }
 *   input        := { format?: csv | tsv | jsonl | ndjson | json
 *                     delimiter?: BYTE           not the quote, not CR/LF
 *                     quote?: BYTE | null        null or ~: no quoting
 *                     header?: BOOL  coerce?: BOOL
 *                     null_values?: [ TEXT, ... ]
 *                     encoding?: utf-8 | utf8    any case }
 *   schema       := { extra_columns?: policy  missing_columns?: policy
 *                     column_order?: any | strict }
 *   policy       := error | warn | ignore
 *   column       := { name: TEXT                 non-empty, unique
 *                     type: string | integer | number | boolean | date
 *                           | datetime | time | any | vector
 *                     description?: TEXT
 *                     required?: BOOL  unique?: BOOL (not on vector)
 *                     sensitive?: BOOL
 *                     severity?: error | warn
 *                     minimum?: BOUND  maximum?: BOUND
 *                     exclusive_minimum?: BOUND  exclusive_maximum?: BOUND
 *                     enum?: [ VALUE, ... ]      not on any or vector
 *                     pattern?: PCRE2            string only, whole value
 *                     format?: FORMAT
 *                     min_length?: COUNT  max_length?: COUNT   string only
 *                     path?: [ KEY, ... ]        default: name split at '.'
 *                     true_values?: [ TEXT, ... ]  false_values?: [ TEXT, ... ]
 *                                                boolean only
 *                     dimension?: COUNT  finite?: BOOL (default true)
 *                     norm?: { minimum?: NORM  maximum?: NORM }  at least one
 *                                                vector only }
 *                   value-check keys (bounds to norm) and the types they
 *                   apply to come from the column-check table,
 *                   colcheck_rows.h
 *   dataset      := { row_count?: { minimum?: COUNT  maximum?: COUNT }
 *                     primary_key?: [ NAME, ... ] declared columns, no repeats,
 *                                                no vector
 *                     columns*  freshness* }
 *   TEXT, NAME   := a string
 *   BOOL         := true | false | True | False | TRUE | FALSE (unquoted)
 *   COUNT        := a non-negative integer (0x / 0o forms too)
 *   NORM         := a finite non-negative integer or float
 *   BOUND        := integer: an integer in int64; number: an integer or a
 *                   finite float; date, datetime, time: an ISO string (a
 *                   datetime may be naive or a plain date, then UTC); not
 *                   on other types
 *   VALUE        := as BOUND; string: a string; boolean: a YAML boolean
 *                   or a string of the column's true/false lists; never null
 *   FORMAT       := string: email | uuid | uri | ipv4 | ipv6 | hostname;
 *                   date, datetime, time: a strptime-style pattern whose
 *                   directives fit the type and set each field once
 *
 * Scalars are typed as YAML 1.2's core schema reads them (ytree.h): a
 * quoted "5" is a string, a plain 5 an integer, ~ null, yes a string. A
 * key takes only its own type; null stands for "not given" only in
 * description, owner and source. Tags other than the core ones, YAML
 * anchors, aliases, several documents, duplicate keys and non-scalar keys
 * are refused. The file may be at most DV_CONTRACT_MAX_BYTES long.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <sha2.h>

#include "contract/compile.h"
#include "contract/ytree.h"
#include "util/buf.h"
#include "util/error.h"

#define DV_CONTRACT_MAX_BYTES (16u << 20)

/* Read all of `path` into b; DCVAL_ECONTRACT when unreadable or too big. */
static dcval_status read_file(const char *path, dv_buf *b, dcval_error *err)
{
	char chunk[65536];
	dcval_status st = DCVAL_OK;
	FILE *f;
	size_t n;

	f = fopen(path, "rb");
	if (!f)
		return dv_error_set(err, DCVAL_ECONTRACT, path, 0, 0,
				    "cannot read contract: %s", strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		st = dv_buf_append(b, chunk, n);
		if (st == DCVAL_ELIMIT)
			st = dv_error_set(err, DCVAL_ECONTRACT, path, 0, 0,
					  "contract is larger than %u MiB",
					  DV_CONTRACT_MAX_BYTES >> 20);
		else if (st != DCVAL_OK)
			st = dv_error_set(err, st, path, 0, 0, "out of memory");
		if (st != DCVAL_OK)
			goto out_close;
	}
	if (ferror(f))
		st = dv_error_set(err, DCVAL_ECONTRACT, path, 0, 0,
				  "cannot read contract: %s", strerror(errno));

out_close:
	fclose(f);
	return st;
}

dcval_contract *dcval_contract_load_file(const char *path, dcval_error *err)
{
	return dv_contract_load_file_flags(path, 0, err);
}

dcval_contract *dv_contract_load_file_flags(const char *path, unsigned flags,
					    dcval_error *err)
{
	dcval_contract *c = NULL;
	dcval_error local;
	dv_buf b;

	if (!err)
		err = &local;
	dcval_error_clear(err);
	dv_buf_init(&b, DV_CONTRACT_MAX_BYTES);
	if (read_file(path, &b, err) != DCVAL_OK)
		goto out_release_buf;
	c = dv_contract_load_buffer_flags(path, b.data ? b.data : "", b.len, flags,
					  err);

out_release_buf:
	dv_buf_release(&b);
	return c;
}

dcval_contract *dcval_contract_load_buffer(const char *name, const char *buf,
					   size_t len, dcval_error *err)
{
	return dv_contract_load_buffer_flags(name, buf, len, 0, err);
}

dcval_contract *dv_contract_load_buffer_flags(const char *name,
					      const char *buf, size_t len,
					      unsigned flags, dcval_error *err)
{
	dcval_contract *c = NULL;
	const dv_ynode *root;
	dcval_error local;
	dv_arena tree;

	if (!err)
		err = &local;
	dcval_error_clear(err);
	if (!name)
		name = "";
	if (!buf)
		buf = "";
	if (len > DV_CONTRACT_MAX_BYTES) {
		dv_error_set(err, DCVAL_ECONTRACT, name, 0, 0,
			     "contract is larger than %u MiB",
			     DV_CONTRACT_MAX_BYTES >> 20);
		return NULL;
	}
	dv_arena_init(&tree);
	root = dv_ytree_parse(&tree, name, buf, len, err);
	if (!root)
		goto out_release_tree;
	c = dv_contract_compile(root, name, flags, err);
	if (!c)
		goto out_release_tree;
	SHA256Data((const uint8_t *)buf, len, c->sha256);

out_release_tree:
	dv_arena_release(&tree);
	return c;
}
