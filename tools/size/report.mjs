// Prints the bucket table (from `twiggy top --format csv` of a build with symbols) and the
// first-load table of the shipped files. Used by scripts/size.sh.
// Usage: node report.mjs TOP.csv WASM GLUE CSS LOADER
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { execFileSync } from 'node:child_process';

const [topCsv, wasm, ...rest] = process.argv.slice(2);
// gzip -9 as in scripts/build.sh (GNU gzip), so the numbers match the budget.
const gz = (b) => execFileSync('gzip', ['-9', '-c'], { input: b, maxBuffer: 1 << 26 }).length;
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;

// First match wins; names are demangled Rust paths, wasm-bindgen shims and data segments.
const BUCKETS = [
  ['Leptos/tachys/reactive_graph', /\b(leptos|tachys|reactive_graph|reactive_stores|any_spawner|throw_error|or_poisoned|oco_ref|slotmap|send_wrapper|guardian|futures|pin_project|either_of|next_tuple|hydration_context)\b/],
  ['serde_json', /\bserde_json\b/],
  ['serde-wasm-bindgen', /\bserde_wasm_bindgen\b/],
  ['serde (de)serialize code (model derives, monomorphised)', /serde_core::(de|ser)|(Deserialize|Serialize|Visitor|__Field|_serde)/],
  ['float code (fmt::float, dec2flt, …)', /(core::fmt::float|dec2flt|flt2dec|core::num::diy_float|grisu|dragon|ryu|zmij|f64 as core::fmt|f32 as core::fmt|core::num::bignum|lexical|parse_float|pow10|POW5|LARGEST_POWER)/i],
  ['unicode tables', /(core::unicode|unicode_data|conversions::to_lower|conversions::to_upper|LOWERCASE_TABLE|UPPERCASE_TABLE|char::methods)/],
  ['postcard (embedded data decode)', /\bpostcard\b/],
  ['app: web views + JS API', /vats_pilot::web|^(mount|checkEligibility|filterEnterprises|dataset|widgethandle_\w+)$/],
  ['app: core', /vats_pilot/],
  ['bindgen glue (js_sys, web_sys, wasm_bindgen)', /\b(wasm_bindgen|js_sys|web_sys|__wbg|__wbindgen|__externref|wasm_bindgen_futures)\b|^intounderlying|^elem\[|^(import|export) /],
  ['serde (generic)', /\bserde\b/],
  ['std/alloc/core, collections', /\b(std|alloc|core|hashbrown|indexmap|dlmalloc|compiler_builtins|memchr)\b|^(memcpy|memset|memmove|memcmp|__rust|rust_)/],
  ['data sections (strings, tables)', /^data\[|^data segment|\.rodata|^data /],
];
function bucket(name) {
  if (/^"function names" subsection|^custom section|^"[^"]*" subsection/.test(name)) return null;
  for (const [label, re] of BUCKETS) if (re.test(name)) return label;
  return 'other';
}

const lines = readFileSync(topCsv, 'utf8').trim().split('\n');
const header = lines.shift().split(',');
const iName = header.indexOf('Name'), iSize = header.indexOf('ShallowSize');
const sums = new Map();
let total = 0;
for (const line of lines) {
  // CSV: the name may be quoted and contain commas; the size fields are the last ones.
  const m = line.match(/^(?:"((?:[^"]|"")*)"|([^,]*)),(\d+),/);
  if (!m) continue;
  const name = (m[1] ?? m[2]).replace(/""/g, '"');
  const size = Number(m[3]);
  const b = bucket(name);
  if (b === null) continue; // symbol names and debug sections: not in the shipped file
  total += size;
  sums.set(b, (sums.get(b) || 0) + size);
}
void iName; void iSize;

const shipped = readFileSync(wasm);
const gzTotal = gz(shipped);
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log(`wasm buckets (twiggy shallow sizes of the build with symbols; gzip share is the raw share of ${kb(gzTotal).trim()} KB, an estimate)`);
console.log(`  ${'bucket'.padEnd(56)} ${'raw KB'.padStart(7)} ${'share'.padStart(6)} ${'≈gz KB'.padStart(7)}`);
for (const [label, size] of [...sums].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${label.padEnd(56)} ${kb(size)} ${((100 * size) / total).toFixed(1).padStart(5)}% ${kb((gzTotal * size) / total)}`);
}
console.log(`  ${'total (symbols and debug sections excluded)'.padEnd(56)} ${kb(total)}`);

// Data parts, found by their bytes in the build with symbols (wasm-opt splits the shipped
// wasm's data segments where runs of zeros were).
const unopt = readFileSync(join(dirname(topCsv), 'vats_pilot_bg.wasm'));
const parts = [];
const json = readFileSync('data/pilot.json');
parts.push(['embedded data/pilot.json text', unopt.indexOf(json) >= 0 ? json : Buffer.alloc(0)]);
const geo = readFileSync('src/geo_data.rs', 'utf8');
const paths = [...geo.matchAll(/\bd: "([^"]*)"/g)].map((m) => m[1]).filter((d) => unopt.indexOf(Buffer.from(d)) >= 0);
parts.push(['map paths (geo_data.rs)', Buffer.from(paths.join(''))]);
// The embedded dataset as build.rs wrote it (the pilot.bin of the symbols build that is in it).
const buildDir = `${process.env.SIZE_TARGET || 'target/size-symbols'}/wasm32-unknown-unknown/release/build`;
const bins = (() => { try { return readdirSync(buildDir); } catch { return []; } })()
  .map((d) => join(buildDir, d, 'out', 'pilot.bin')).filter((f) => { try { statSync(f); return true; } catch { return false; } })
  .map((f) => readFileSync(f));
const bin = bins.find((b) => unopt.indexOf(b) >= 0);
parts.push(bin ? ['embedded dataset (build.rs binary)', bin] : ['embedded dataset binary (NOT found in the wasm)', Buffer.alloc(0)]);
console.log('  of the data sections:');
for (const [label, b] of parts) console.log(`    ${label.padEnd(42)} ${kb(b.length)}  gzip alone ${kb(b.length ? gz(b) : 0).trim()} KB`);

console.log('\nfirst load (what a reader downloads; GNU gzip -9 and brotli q11 via node:zlib)');
console.log(`  ${'file'.padEnd(24)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
const rows = [[wasm, shipped], ...rest.map((f) => [f, readFileSync(f)])];
const t = [0, 0, 0];
for (const [f, b] of rows) {
  const r = [b.length, gz(b), br(b)];
  r.forEach((v, i) => (t[i] += v));
  console.log(`  ${f.replace(/^www\//, '').padEnd(24)} ${String(r[0]).padStart(9)} ${String(r[1]).padStart(9)} ${String(r[2]).padStart(9)}`);
}
console.log(`  ${'total'.padEnd(24)} ${String(t[0]).padStart(9)} ${String(t[1]).padStart(9)} ${String(t[2]).padStart(9)}`);
