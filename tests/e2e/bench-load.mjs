// Load benchmark (not a test; prints numbers, asserts nothing): the demo article with the
// widget against the same article's static summary (the loader blocked), in one headless
// Chromium run under a phone profile: 400 ms RTT, 1.6 Mbit/s down, 0.75 Mbit/s up, CPU 4×
// slower. Files are served precompressed (brotli, as `scripts/build.sh` writes them) when the
// browser asks, like a production server. Prints medians of 5 runs.
// Usage: scripts/build.sh && node tests/e2e/bench-load.mjs [runs] [single]
// `single`: the same article without its second embed (the iframe at the end, which otherwise
// downloads its own copy of the widget alongside), as most articles carry one widget.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { browser, www as built } from './harness.mjs';

// WWW=dir measures another build of www/ (e.g. an older one, for before/after).
const www = process.env.WWW || built;
const RUNS = Number(process.argv[2]) || 5;
const SINGLE = process.argv[3] === 'single';
const PAGE = SINGLE ? 'article-single.html' : 'article.html';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json' };

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  if (path === '/article-single.html') {
    // The demo article with its iframe section (heading, text, frame, parent snippet) cut out.
    const html = (await readFile(join(www, 'article.html'), 'utf8')).replace(/<h2>The same guide, embedded as an iframe<\/h2>[\s\S]*?<script src="embed-parent.js" async><\/script>/, '');
    res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
    res.end(html);
    return;
  }
  const file = join(www, path.endsWith('/') ? `${path}index.html` : path);
  const head = { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store', vary: 'accept-encoding' };
  const enc = req.headers['accept-encoding'] || '';
  for (const [e, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!enc.includes(e)) continue;
    try {
      const body = await readFile(file + ext);
      res.writeHead(200, { ...head, 'content-encoding': e });
      res.end(body);
      return;
    } catch { /* no precompressed copy: try the next */ }
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, head);
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;
const b = await browser();

async function phonePage() {
  const context = await b.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: (1.6e6 / 8), uploadThroughput: (0.75e6 / 8) });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // When the widget says it is ready (the loader sets data-ready after mount()).
  await p.addInitScript(() => {
    new MutationObserver((_, mo) => {
      if (document.querySelector('vats-pilot[data-ready]')) { window.__ready = performance.now(); mo.disconnect(); }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  });
  return p;
}

const fcp = (p) => p.evaluate(() => new Promise((ok) => {
  const e = performance.getEntriesByName('first-contentful-paint')[0];
  if (e) ok(e.startTime);
  else new PerformanceObserver((l) => ok(l.getEntries()[0].startTime)).observe({ type: 'paint', buffered: true });
}));

const rows = { tti: [], widgetFcp: [], mount: [], wasmBytes: [], summaryFcp: [] };
for (let i = 0; i < RUNS; i++) {
  {
    const p = await phonePage();
    let wasmBytes = 0;
    p.on('requestfinished', async (r) => { if (r.url().endsWith('.wasm')) wasmBytes = (await r.sizes()).responseBodySize; });
    await p.goto(`${base}/${PAGE}`);
    await p.waitForFunction(() => window.__ready, null, { timeout: 120_000, polling: 100 });
    rows.tti.push(await p.evaluate(() => window.__ready));
    rows.widgetFcp.push(await fcp(p));
    rows.mount.push(await p.evaluate(() => performance.getEntriesByName('vats-pilot:mount')[0]?.duration ?? NaN));
    rows.wasmBytes.push(wasmBytes);
    await p.context().close();
  }
  {
    const p = await phonePage();
    await p.route('**/vats-pilot.js', (r) => r.abort());
    await p.goto(`${base}/${PAGE}`);
    rows.summaryFcp.push(await fcp(p));
    await p.context().close();
  }
  process.stdout.write(`run ${i + 1}/${RUNS}: widget ready ${rows.tti[i].toFixed(0)} ms, summary first paint ${rows.summaryFcp[i].toFixed(0)} ms\n`);
}
await b.close();
server.close();

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ms = (x) => `${x.toFixed(0).padStart(6)} ms`;
console.log(`\n${PAGE}, phone profile (400 ms RTT, 1.6 Mbit/s, CPU 4×), medians of ${RUNS}:`);
console.log(`  widget page: time to interactive (vats-pilot[data-ready]) ${ms(median(rows.tti))}`);
console.log(`  widget page: first contentful paint                       ${ms(median(rows.widgetFcp))}`);
console.log(`  widget mount() at 4× CPU (performance measure)            ${ms(median(rows.mount))}${Number.isNaN(median(rows.mount)) ? ' (this loader has no measure)' : ''}`);
console.log(`  static summary: first contentful paint                    ${ms(median(rows.summaryFcp))}`);
console.log(`  ratio TTI / summary first paint                           ${(median(rows.tti) / median(rows.summaryFcp)).toFixed(2).padStart(9)}`);
console.log(`  wasm transferred (encoded body)                           ${String(median(rows.wasmBytes)).padStart(9)} bytes`);
