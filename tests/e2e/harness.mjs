// Shared e2e harness: a static server for www/ on 127.0.0.1 (random port) that logs every
// request, and Debian's Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const www = join(here, '..', '..', 'www');
export const shots = join(here, 'screenshots');
export const fixtures = join(here, 'pages');

/**
 * Facts the tests expect, counted from the shipped dataset (not written into the tests), so a
 * data update does not mean editing them.
 */
export const data = JSON.parse(readFileSync(join(here, '..', '..', 'data', 'pilot.json'), 'utf8'));
const ents = data.enterprises;
export const facts = {
  total: ents.length,
  firstBatch: data.figures.find((f) => f.id === 'first-batch-approved')?.value,
  inZone: (z) => ents.filter((e) => e.zone === z).length,
  approvedIn: (z) => ents.filter((e) => e.zone === z && e.status === 'approved').length,
  unidentifiedIn: (z) => ents.filter((e) => e.zone === z && !e.identified).length,
};

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8',
};

/**
 * Misbehaving hosts for a `data-src` dataset, each bounded to 10 s: `/slow/stall.json` sends
 * headers and then nothing; `/slow/drip.json` sends a byte every 100 ms; `/slow/big.json`
 * streams 300 KB without a length.
 */
function slow(name, res) {
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.flushHeaders();
  const timers = [];
  const stop = () => { timers.forEach(clearTimeout); timers.forEach(clearInterval); if (!res.writableEnded) res.end(); };
  res.on('close', stop);
  timers.push(setTimeout(stop, 10_000));
  if (name === 'drip') timers.push(setInterval(() => res.write(' '), 100));
  if (name === 'big') {
    for (let i = 0; i < 30; i++) res.write(' '.repeat(10_000));
    stop();
  }
}

/** Serves www/. `headers(path)` may add response headers (e.g. a CSP for one page). */
export async function serve({ headers = () => ({}) } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    if (url.pathname === '/favicon.ico') { res.writeHead(204); res.end(); return; }
    const misbehaving = url.pathname.match(/^\/slow\/(stall|drip|big)\.json$/);
    if (misbehaving) { slow(misbehaving[1], res); return; }
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path.endsWith('/')) path += 'index.html';
    try {
      // /test/… are fixture pages for the tests; everything else is the product in www/.
      // /pkg-data/pilot.json is the repository's dataset, standing in for a newer one on a host.
      const file = path.startsWith('/test/') ? join(fixtures, path.slice(6))
        : path === '/pkg-data/pilot.json' ? join(here, '..', '..', 'data', 'pilot.json') : join(www, path);
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream', 'cache-control': 'no-store', ...headers(path) });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, requests, close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }) };
}

export async function browser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-quic', ...extraArgs],
  });
}

/** A fresh page; page errors and console errors are collected so tests can assert none. */
export async function page(b, { width = 1280, height = 900, ...opts } = {}) {
  const context = await b.newContext({ viewport: { width, height }, colorScheme: 'light', acceptDownloads: true, ...opts });
  const p = await context.newPage();
  p.errors = [];
  p.on('pageerror', (e) => p.errors.push(e.message));
  p.on('console', (m) => { if (m.type() === 'error' && !/favicon/.test(m.text())) p.errors.push(m.text()); });
  return p;
}

export async function screenshot(p, name) {
  await mkdir(shots, { recursive: true });
  const file = join(shots, `${name}.png`);
  await p.screenshot({ path: file, fullPage: true });
  return file;
}
