// Prints keystroke-to-DOM latency (median, p95) of the list over 10,000 synthetic enterprises
// in headless Chromium. A benchmark, not a test: it asserts nothing.
// Usage: scripts/build.sh && node tests/e2e/bench-list.mjs
import { serve, browser, page } from './harness.mjs';

const srv = await serve();
// `gc()` in the page, so the benchmark's own 10,000-record setup is collected before it measures.
const b = await browser(['--js-flags=--expose-gc']);
try {
  const p = await page(b);
  await p.goto(`${srv.base}/bench.html`);
  const r = await p.waitForFunction(() => window.benchResult, null, { timeout: 120000 }).then((h) => h.jsonValue());
  console.log(`list, ${r.records} enterprises, ${r.keystrokes} keystrokes:`);
  console.log(`  keystroke → DOM updated:          median ${r.domMedianMs.toFixed(2)} ms, p95 ${r.domP95Ms.toFixed(2)} ms`);
  console.log(`  keystroke → DOM + style + layout: median ${r.medianMs.toFixed(2)} ms, p95 ${r.p95Ms.toFixed(2)} ms, max ${r.maxMs.toFixed(2)} ms`);
  if (process.env.BENCH_VERBOSE) console.log(r.slowest.join('\n'));
  if (p.errors.length) console.log('page errors:', p.errors);
} finally {
  await b.close();
  await srv.close();
}
