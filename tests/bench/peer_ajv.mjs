// Peer: ajv (npm) with ajv-formats validating JSON Lines against
// events.schema.json, the JSON Schema equivalent of events.yaml; JSON
// Schema has no cross-record uniqueness, so a Set checks event_id here.
// Prints the number of invalid records.
//
//   node peer_ajv.mjs FILE.jsonl [--no-unique]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const file = process.argv[2];
const unique = !process.argv.includes('--no-unique');
if (!file) {
  console.error('usage: node peer_ajv.mjs FILE.jsonl [--no-unique]');
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(fs.readFileSync(path.join(here, 'events.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv, { mode: 'full', keywords: true });
const validate = ajv.compile(schema);

const seen = new Set();
let records = 0;
let invalid = 0;

function line(s) {
  if (s.length && s.charCodeAt(s.length - 1) === 13) s = s.slice(0, -1);
  if (!/\S/.test(s)) return;
  records++;
  let v;
  try {
    v = JSON.parse(s);
  } catch {
    invalid++;
    return;
  }
  let ok = validate(v);
  if (unique && v !== null && typeof v === 'object' && Number.isInteger(v.event_id)) {
    if (seen.has(v.event_id)) ok = false;
    else seen.add(v.event_id);
  }
  if (!ok) invalid++;
}

const fd = fs.openSync(file, 'r');
const buf = Buffer.allocUnsafe(1 << 20);
let carry = null;
for (;;) {
  const n = fs.readSync(fd, buf, 0, buf.length, null);
  if (n === 0) break;
  let start = 0;
  let nl;
  while ((nl = buf.indexOf(10, start)) !== -1 && nl < n) {
    if (carry) {
      line(Buffer.concat([carry, buf.subarray(start, nl)]).toString('utf8'));
      carry = null;
    } else {
      line(buf.toString('utf8', start, nl));
    }
    start = nl + 1;
  }
  if (start < n) {
    const rest = Buffer.from(buf.subarray(start, n));
    carry = carry ? Buffer.concat([carry, rest]) : rest;
  }
}
if (carry) line(carry.toString('utf8'));
fs.closeSync(fd);
console.log(`records=${records} invalid=${invalid}`);
