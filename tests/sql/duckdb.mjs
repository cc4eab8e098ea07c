// Run an exported query in DuckDB (npm @duckdb/node-api) over a CSV file
// loaded as all-VARCHAR columns named as in its header; print the result
// rows as JSON lines [rule, column, severity, violations].
//
//   node duckdb.mjs FILE.csv QUERY.sql [TABLE]
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [file, queryFile, table = 'input'] = process.argv.slice(2);
if (!file || !queryFile) {
  console.error('usage: node duckdb.mjs FILE.csv QUERY.sql [TABLE]');
  process.exit(2);
}
const lit = (s) => "'" + s.replace(/'/g, "''") + "'";
const ident = (s) => '"' + s.replace(/"/g, '""') + '"';
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
await con.run(`CREATE TABLE ${ident(table)} AS SELECT * FROM read_csv(${lit(file)},
  header = true, all_varchar = true, delim = ',', quote = '"', escape = '"',
  normalize_names = false, null_padding = false)`);
const res = await con.runAndReadAll(readFileSync(queryFile, 'utf8'));
for (const row of res.getRows())
  console.log(JSON.stringify(row.map((v) => (typeof v === 'bigint' ? Number(v) : v))));
