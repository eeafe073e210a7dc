// Prints how long `mount()` takes on a phone-speed CPU (4× slowdown), over fresh page loads of
// one widget with nothing else on the page and no network throttling: the widget's own work,
// including V8 compiling the wasm functions it calls for the first time (lazy compilation).
// A benchmark, not a test: it asserts nothing. bench-load.mjs times the same inside the article.
// Usage: scripts/build.sh && node tests/e2e/bench-mount.mjs [runs]
import { serve, browser, page } from './harness.mjs';

const RUNS = Number(process.argv[2] || 25);
const srv = await serve();
const b = await browser();
try {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const p = await page(b, { width: 360, height: 640 });
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await p.goto(`${srv.base}/test/mount.html`);
    await p.locator('vats-pilot[data-ready]').waitFor();
    times.push(await p.evaluate(() => performance.getEntriesByName('vats-pilot:mount')[0].duration));
    await p.context().close();
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  console.log(`mount() at 4× CPU, ${RUNS} fresh loads of one widget: median ${at(0.5)} ms, p25 ${at(0.25)} ms, p75 ${at(0.75)} ms, min ${at(0)} ms, max ${at(1)} ms`);
} finally {
  await b.close();
  await srv.close();
}
