/*
 * Top-level help text.
 */
#include <stdio.h>

#include "cli/cmd.h"

void dv_main_help(void)
{
	fputs("usage: dcval validate -c CONTRACT [options] [FILE ...]\n"
	      "       dcval lint CONTRACT ...\n"
	      "       dcval merge -c CONTRACT [options] PART ...\n"
	      "       dcval export --sql duckdb|postgres [--table NAME] CONTRACT\n"
	      "       dcval infer [options] [FILE ...]\n"
	      "       dcval profile [-c CONTRACT] [options] FILE ...\n"
	      "       dcval diff [-r text|json] OLD_CONTRACT NEW_CONTRACT | --git REV CONTRACT ...\n"
	      "       dcval --version | --help | COMMAND --help\n"
	      "\n"
	      "Validate CSV, TSV, JSON Lines and JSON records against a YAML data contract.\n"
	      "\n"
	      "commands:\n"
	      "  validate   check records against a contract (no FILE or '-': standard input)\n"
	      "  lint       check contracts only\n"
	      "  merge      the parts of a sharded run (validate --partial-out) as one report\n"
	      "  export     the contract as one SQL query counting violations (DuckDB, PostgreSQL)\n"
	      "  infer      write a draft contract that the given inputs satisfy\n"
	      "  profile    per-column statistics as JSON (a drift baseline)\n"
	      "  diff       classify the changes between two contract versions, semver gate\n"
	      "\n"
	      "exit codes:\n"
	      "  0  every input satisfied the contract (warnings allowed)\n"
	      "  1  at least one error-severity violation\n"
	      "  2  usage error, or the contract is invalid\n"
	      "  3  an input or output could not be read or written\n"
	      "  4  out of memory or an internal error\n"
	      "\n"
	      "'dcval COMMAND --help' lists the options of a command.\n",
	      stdout);
}
