/*
 * Contracts: load a YAML contract, check it, compile it into validators.
 */
#ifndef DCVAL_CONTRACT_H
#define DCVAL_CONTRACT_H

#include <stdio.h>
#include "dcval/dcval.h"

/* A loaded and compiled contract. Immutable after loading: one contract
 * may serve many validators, also from several threads. */
typedef struct dcval_contract dcval_contract;

/*
 * Load and compile the contract in file `path`.
 * Returns: new, free with dcval_contract_free(); NULL on error, with `err`
 * filled: DCVAL_ECONTRACT (invalid or unreadable; file, line, column and a
 * message naming the key or value, with a did-you-mean hint for unknown
 * keys) or DCVAL_ENOMEM.
 */
dcval_contract *dcval_contract_load_file(const char *path, dcval_error *err);

/*
 * Like dcval_contract_load_file() for a contract held in memory; `name` is
 * the file name used in errors. `buf` is borrowed for the call only.
 */
dcval_contract *dcval_contract_load_buffer(const char *name, const char *buf,
					   size_t len, dcval_error *err);

/* Free a contract. NULL is a harmless no-op. */
void dcval_contract_free(dcval_contract *contract);

/* Lineage: borrowed strings, valid while the contract lives. NULL when the
 * contract does not say (name is always set). */
const char *dcval_contract_name(const dcval_contract *contract);
const char *dcval_contract_version(const dcval_contract *contract);
const char *dcval_contract_owner(const dcval_contract *contract);
const char *dcval_contract_source(const dcval_contract *contract);
const char *dcval_contract_description(const dcval_contract *contract);

/* Lowercase hex SHA-256 of the contract file's bytes (64 characters). */
const char *dcval_contract_sha256(const dcval_contract *contract);

/* The `input.format` of the contract, DCVAL_FORMAT_AUTO when not set. */
dcval_format dcval_contract_format(const dcval_contract *contract);

/* The `description` of the contract's cross-field rule `name` (borrowed,
 * valid until the contract is freed); NULL when the rule has none or
 * there is no such rule. */
const char *dcval_contract_rule_description(const dcval_contract *contract,
					    const char *name);

/* Number of declared columns. */
size_t dcval_contract_column_count(const dcval_contract *contract);

/*
 * Print the compiled check program as stable text (one line per column and
 * per op) to `out`, for tests and `dcval lint --dump-compiled`.
 * Returns DCVAL_EIO if writing fails.
 */
dcval_status dcval_contract_dump(const dcval_contract *contract, FILE *out);

#endif
