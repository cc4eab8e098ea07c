// Peer: DuckDB (npm @duckdb/node-api) running the rules of events.yaml as
// one SQL query over all-VARCHAR columns, TRY_CAST and regexp_full_match
// deciding each check. Prints the number of invalid rows. A FILE.jsonl is
// read with read_json (newline-delimited, the same columns as VARCHAR: a
// JSON number or boolean becomes its text) and checked by the same query.
//
//   node peer_duckdb.mjs FILE.csv | FILE.jsonl
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
if (!file) {
  console.error('usage: node peer_duckdb.mjs FILE.csv | FILE.jsonl');
  process.exit(2);
}
const lit = (s) => "'" + s.replace(/'/g, "''") + "'";
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const TS = '[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})';
const NUM = '[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?';
const INT = '[+-]?[0-9]+';
const EMAIL = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+";
const BOOLS = ['true', 'True', 'TRUE', '1', 'false', 'False', 'FALSE', '0'];
const cols = ['user_id', 'event_id', 'event_ts', 'label_ts', 'event_type', 'amount',
  'country', 'email', 'session_duration_sec', 'is_test', 'score', 'notes'];

// a value is bad when it is present and fails; `required` adds "or null"
const ts = (c) => `(NOT regexp_full_match(${c}, ${lit(TS)}) OR TRY_CAST(${c} AS TIMESTAMPTZ) IS NULL
    OR TRY_CAST(${c} AS TIMESTAMPTZ) < TIMESTAMPTZ '2020-01-01 00:00:00+00'
    OR TRY_CAST(${c} AS TIMESTAMPTZ) > TIMESTAMPTZ '2030-12-31 23:59:59+00')`;
const num = (c, lo, hi) => `(NOT regexp_full_match(${c}, ${lit(NUM)}) OR TRY_CAST(${c} AS DOUBLE) IS NULL
    OR TRY_CAST(${c} AS DOUBLE) < ${lo} OR TRY_CAST(${c} AS DOUBLE) > ${hi})`;

const rowBad = [
  `user_id IS NULL OR NOT regexp_full_match(user_id, ${lit(UUID)})`,
  `event_id IS NULL OR NOT regexp_full_match(event_id, ${lit(INT)}) OR TRY_CAST(event_id AS BIGINT) IS NULL OR TRY_CAST(event_id AS BIGINT) < 1`,
  `event_ts IS NULL OR ${ts('event_ts')}`,
  `label_ts IS NOT NULL AND ${ts('label_ts')}`,
  `event_type IS NULL OR event_type NOT IN ('click', 'view', 'purchase', 'signup', 'logout')`,
  `amount IS NOT NULL AND ${num('amount', 0, 100000)}`,
  `country IS NOT NULL AND NOT regexp_full_match(country, '[A-Z]{2}')`,
  `email IS NOT NULL AND (length(email) > 254 OR NOT regexp_full_match(email, ${lit(EMAIL)}))`,
  `session_duration_sec IS NOT NULL AND ${num('session_duration_sec', 0, 86400)}`,
  `is_test IS NULL OR is_test NOT IN (${BOOLS.map(lit).join(', ')})`,
  `score IS NULL OR ${num('score', 0, 1)}`,
  `notes IS NOT NULL AND length(notes) > 1000`,
].map((e) => `(${e})`).join('\n    OR ');

const colSpec = '{' + cols.map((c) => `${lit(c)}: 'VARCHAR'`).join(', ') + '}';
const sql = `
WITH src AS (
  SELECT row_number() OVER () AS rn, *
  FROM ${file.endsWith('.jsonl')
    ? `read_json(${lit(file)}, format = 'newline_delimited', columns = ${colSpec})`
    : `read_csv(${lit(file)}, header = true, auto_detect = false, delim = ',',
                quote = '"', escape = '"', columns = ${colSpec})`}
), chk AS (
  SELECT coalesce(${rowBad}, false) AS bad,
         TRY_CAST(event_id AS BIGINT) AS eid, rn
  FROM src
), dup AS (
  SELECT bad, eid IS NOT NULL AND row_number() OVER (PARTITION BY eid ORDER BY rn) > 1 AS rep
  FROM chk
)
SELECT count(*) AS records, count(*) FILTER (WHERE bad OR rep) AS invalid FROM dup`;

const inst = await DuckDBInstance.create(':memory:');
const con = await inst.connect();
const r = await con.runAndReadAll(sql);
const row = r.getRowObjects()[0];
console.log(`records=${row.records} invalid=${row.invalid}`);
