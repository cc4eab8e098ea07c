// Peer: DuckDB (npm @duckdb/node-api) running the query of
// `dcval export --sql duckdb` over the CSV file read as all-VARCHAR
// columns (a view: the query scans the file). Prints the number of
// violations the query counts.
//
//   node peer_export.mjs FILE.csv QUERY.sql
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [file, queryFile] = process.argv.slice(2);
if (!file || !queryFile) {
  console.error('usage: node peer_export.mjs FILE.csv QUERY.sql');
  process.exit(2);
}
const lit = (s) => "'" + s.replace(/'/g, "''") + "'";
const inst = await DuckDBInstance.create(':memory:');
const con = await inst.connect();
await con.run(`CREATE VIEW input AS SELECT * FROM read_csv(${lit(file)}, header = true,
  all_varchar = true, delim = ',', quote = '"', escape = '"')`);
const r = await con.runAndReadAll(readFileSync(queryFile, 'utf8'));
let total = 0n;
for (const row of r.getRowObjects()) total += BigInt(row.violations);
console.log(`violations=${total}`);
