// The published JSON Schema (www/pilot.schema.json, generated from the Rust types) checked with
// an independent validator, as a newsroom would before pointing `data-src` at its own file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { www } from './harness.mjs';

const root = join(www, '..');
const json = async (path) => JSON.parse(await readFile(path, 'utf8'));
const schema = await json(join(www, 'pilot.schema.json'));
// schemars annotates integers with formats such as "uint8"; ranges are carried by minimum/maximum.
const validate = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(schema);
const shipped = await json(join(root, 'data', 'pilot.json'));

const errors = () => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);

test('the schema accepts the shipped dataset and the previous version', async () => {
  assert.ok(validate(shipped), errors().join('\n'));
  assert.ok(validate(await json(join(root, 'tests', 'data', 'pilot-2026.11.29.json'))), errors().join('\n'));
});

test('the schema rejects a broken dataset and points at each bad place', () => {
  const broken = structuredClone(shipped);
  const glp = broken.enterprises.findIndex((e) => e.id === 'e-glp');
  broken.enterprises[glp].nickname = 'unknown key';            // the Rust types deny unknown keys
  broken.enterprises[0].status = 'pending';                    // not a status
  broken.rules[0].maxForeignEquityPct = '100';                 // a string, not a number
  delete broken.timeline[0].label.zh;                          // a label without its Chinese text
  delete broken.sources;                                       // a required collection
  assert.equal(validate(broken), false);
  const found = errors();
  const has = (path, keyword) => validate.errors.some((e) => e.instancePath === path && e.keyword === keyword);
  assert.ok(has(`/enterprises/${glp}`, 'additionalProperties'), found.join('\n'));
  assert.ok(has('/enterprises/0/status', 'oneOf'), found.join('\n'));   // one of the documented statuses
  assert.ok(has('/rules/0/maxForeignEquityPct', 'type'), found.join('\n'));
  assert.ok(has('/timeline/0/label', 'required'), found.join('\n'));
  assert.ok(has('', 'required'), found.join('\n'));
});

test('the schema rejects a cap above what the type can hold', () => {
  const broken = structuredClone(shipped);
  broken.rules[0].maxForeignEquityPct = 300;
  assert.equal(validate(broken), false);
  assert.ok(validate.errors.some((e) => e.instancePath === '/rules/0/maxForeignEquityPct' && e.keyword === 'maximum'), errors().join('\n'));
});
