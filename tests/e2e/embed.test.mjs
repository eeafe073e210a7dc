// Embedding in news pages: independent instances, isolation from host CSS, a strict CSP,
// the iframe path's height messages, no request off this machine, lazy loading.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, page, screenshot, facts } from './harness.mjs';

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let srv, b;
before(async () => {
  srv = await serve({ headers: (path) => (path.endsWith('strict-csp.html') ? { 'content-security-policy': STRICT } : {}) });
  b = await browser();
});
after(async () => { await b?.close(); await srv?.close(); });

const ready = (p, sel = 'vats-pilot') => p.locator(`${sel}[data-ready]`).first().waitFor();

test('three widgets on one page keep their own attributes and state', async () => {
  const p = await page(b, { width: 1280, height: 3000 });
  await p.goto(`${srv.base}/test/three.html`);
  for (const id of ['w1', 'w2', 'w3']) await ready(p, `#${id}`);
  const [w1, w2, w3] = ['#w1', '#w2', '#w3'].map((s) => p.locator(s));
  assert.match(await w1.locator('h2').innerText(), /中国增值电信业务/);
  assert.equal(await w1.locator('[role=tab]').count(), 0, 'view=map shows no tabs');
  assert.equal(await w2.locator('select[data-facet=zone]').inputValue(), 'shanghai');
  assert.equal(await w3.locator('select[data-q=service]').inputValue(), 'B11');
  assert.ok(await w3.locator('section.vp.vp-theme-dark').count());
  // Selecting a zone in the first leaves the second's filter alone.
  await w1.locator('g.vp-zone[data-zone="hainan"]').click();
  await w1.locator('.vp-card[data-zone="hainan"]').waitFor();
  assert.equal(await w2.locator('select[data-facet=zone]').inputValue(), 'shanghai');
  await w2.locator('select[data-facet=zone]').selectOption('hainan');
  assert.equal(await w3.locator('select[data-q=place]').inputValue(), '');
  // DOM ids are unique across instances.
  const dupes = await p.evaluate(() => {
    const ids = [...document.querySelectorAll('vats-pilot')].flatMap((el) => [...el.shadowRoot.querySelectorAll('[id]')].map((n) => n.id));
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  });
  assert.deepEqual(dupes, []);
  // Nothing global besides the custom element.
  const added = await p.evaluate(() => Object.keys(window).filter((k) => !window.globalsBefore.includes(k) && k !== 'globalsBefore'));
  assert.deepEqual(added, [], 'the widget adds no globals');
  assert.equal(await p.evaluate(() => typeof customElements.get('vats-pilot')), 'function');
  const themed = await w3.locator('section.vp').evaluate((el) => getComputedStyle(el).borderTopColor);
  assert.equal(themed, 'rgb(200, 0, 100)', 'host custom property themes the widget');
  await screenshot(p, 'embed-three');
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test('a hostile host stylesheet leaves the widget intact', async () => {
  const p = await page(b, { width: 800, height: 1200 });
  await p.goto(`${srv.base}/test/hostile.html`);
  await ready(p);
  const w = p.locator('vats-pilot');
  await assert.doesNotReject(w.getByText(`${facts.firstBatch} approved in the first batch`).waitFor({ state: 'visible' }));
  assert.ok(await w.locator('.vp-ent').first().isVisible());
  assert.equal(await w.locator('.vp-headline').evaluate((el) => getComputedStyle(el).color === 'rgb(255, 0, 0)'), false);
  await screenshot(p, 'embed-hostile');
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test('the custom element works under a strict Content-Security-Policy', async () => {
  const p = await page(b, { width: 1000, height: 1200 });
  const response = await p.goto(`${srv.base}/test/strict-csp.html`);
  assert.equal(response.headers()['content-security-policy'], STRICT);
  await ready(p);
  const w = p.locator('vats-pilot');
  await w.locator('g.vp-zone[data-zone="shanghai"]').click();
  await w.getByRole('button', { name: 'Check a service in Shanghai' }).click();
  await w.locator('select[data-q=service]').selectOption('B11');
  await assert.doesNotReject(w.locator('[data-testid=verdict]').getByText('Yes — up to 100%').waitFor());
  assert.deepEqual(await p.evaluate(() => window.cspViolations), []);
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test('the iframe reports its height as content changes (Pym.js and AMP formats)', async () => {
  const p = await page(b, { width: 1000, height: 800 });
  await p.goto(`${srv.base}/test/iframe-parent.html`);
  const frame = p.frameLocator('#frame');
  await frame.locator('#app[data-ready]').waitFor();
  const heights = async () => p.evaluate(() => window.messages.filter((m) => typeof m === 'string').map((m) => +m.split('xPYMx')[3]));
  await p.waitForFunction(() => window.messages.length > 0);
  const first = await heights();
  assert.ok(first.length > 0 && first.every((h) => h > 0));
  assert.ok((await p.evaluate(() => window.messages)).some((m) => m && m.sentinel === 'amp' && m.type === 'embed-size' && m.height > 0));
  await frame.locator('g.vp-zone[data-zone="hainan"]').click();
  await frame.getByRole('button', { name: 'Check a service in Hainan' }).click();
  await frame.locator('select[data-q=service]').selectOption('B11');
  await frame.locator('[data-testid=verdict]').waitFor();
  await p.waitForFunction((n) => window.messages.length > n, (await p.evaluate(() => window.messages.length)) - 1);
  const all = await heights();
  const last = all[all.length - 1];
  assert.ok(all.length > first.length, 'new height messages after the content changed');
  const docHeight = await frame.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  assert.equal(last, docHeight, 'the last message is the current height');
  // The parent snippet applied it.
  assert.equal(await p.locator('#frame').evaluate((f) => f.style.height), `${last}px`);
  assert.ok((await p.evaluate(() => window.messages)).every((m) => typeof m !== 'string' || m.startsWith('pymxPYMxframexPYMx')));
  await p.context().close();
});

test('no request leaves 127.0.0.1 and no cookie is set', async () => {
  const p = await page(b, { width: 1280, height: 900 });
  const urls = [];
  p.on('request', (r) => urls.push(r.url()));
  await p.goto(`${srv.base}/article.html`);
  await p.locator('vats-pilot').scrollIntoViewIfNeeded();
  await ready(p);
  await p.locator('vats-pilot').getByRole('tab', { name: 'Enterprises' }).click();
  await p.locator('iframe[data-vats-pilot]').scrollIntoViewIfNeeded();
  await p.frameLocator('iframe[data-vats-pilot]').locator('#app[data-ready]').waitFor();
  const off = urls.filter((u) => !u.startsWith(srv.base) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(off, []);
  assert.ok(urls.some((u) => u.endsWith('.wasm')));
  assert.deepEqual(await p.context().cookies(), []);
  await p.context().close();
});

test('the wasm is fetched only when the widget nears the viewport', async () => {
  const p = await page(b, { width: 1000, height: 800 });
  const wasm = [];
  p.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
  await p.goto(`${srv.base}/test/lazy.html`);
  await p.waitForLoadState('networkidle');
  await p.waitForTimeout(300);
  assert.equal(wasm.length, 0, 'no wasm request before scrolling');
  assert.equal(await p.locator('vats-pilot[data-ready]').count(), 0);
  await p.locator('#end').scrollIntoViewIfNeeded();
  await ready(p);
  // An embed of the built-in dataset loads the lean build only.
  assert.deepEqual(wasm.map((u) => new URL(u).pathname), ['/pkg/vats_pilot_lean_bg.wasm']);
  await p.context().close();
});

test('theme auto follows the host page own toggle', async () => {
  const p = await page(b, { width: 900, height: 900, colorScheme: 'light' });
  await p.goto(`${srv.base}/test/theme.html`);
  await ready(p);
  const bg = () => p.locator('vats-pilot section.vp').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(await bg(), 'rgb(22, 25, 29)', 'dark when the host says dark');
  await p.evaluate(() => { document.documentElement.dataset.theme = 'light'; });
  await p.waitForFunction(() => document.querySelector('vats-pilot').getAttribute('data-host-theme') === 'light');
  assert.equal(await bg(), 'rgb(255, 255, 255)', 'light when the host switches to light');
  await p.context().close();
});

test('data-src: a valid newer dataset is used, a broken or missing one falls back with a note', async () => {
  const p = await page(b, { width: 900, height: 2400 });
  const wasm = [];
  p.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  await p.goto(`${srv.base}/test/data-src.html`);
  for (const id of ['good', 'bad', 'missing']) await ready(p, `#${id}`);
  // Reading a newer dataset takes the full build, loaded once for the three widgets.
  assert.deepEqual(wasm, ['/pkg/vats_pilot_bg.wasm']);
  assert.match(await p.locator('#good .vp-notice').innerText(), /newer dataset loaded by this page/);
  assert.match(await p.locator('#bad .vp-notice').innerText(), /Could not use the newer dataset/);
  assert.match(await p.locator('#missing .vp-notice').innerText(), /Could not use the newer dataset \(HTTP 404\)/);
  for (const id of ['good', 'bad', 'missing']) {
    assert.match(await p.locator(`#${id} [data-testid=headline]`).innerText(), new RegExp(`^${facts.firstBatch} approved in the first batch`));
  }
  await p.context().close();
});

test('data-src: a stalled, dripping or oversized host falls back to the built-in data with a note', async () => {
  const p = await page(b, { width: 900, height: 2400 });
  const t0 = Date.now();
  await p.goto(`${srv.base}/test/slow.html`);
  for (const id of ['stall', 'drip', 'big']) await ready(p, `#${id}`);
  const waited = Date.now() - t0;
  assert.ok(waited < 8000, `mounted after ${waited} ms, not after the host gave up`);
  assert.match(await p.locator('#stall .vp-notice').innerText(), /Could not use the newer dataset \(no complete answer in time\)/);
  assert.match(await p.locator('#drip .vp-notice').innerText(), /no complete answer in time/);
  assert.match(await p.locator('#big .vp-notice').innerText(), /无法使用较新的数据集（文件超出允许的大小）/);
  const total = (await p.evaluate(() => import('/pkg/vats_pilot.js').then((m) => m.dataset().enterprises.length)));
  for (const id of ['stall', 'drip']) {
    assert.match(await p.locator(`#${id} [data-testid=count]`).innerText(), new RegExp(`^${total} of ${total}`));
  }
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test('changing lang or zone updates a live widget: no new fetch, the reader\'s filters stay', async () => {
  const p = await page(b, { width: 900, height: 2400 });
  await p.goto(`${srv.base}/test/data-src.html`);
  await ready(p, '#good');
  const fetches = () => srv.requests.filter((r) => r === '/pkg-data/pilot.json').length;
  const before = fetches();
  const good = p.locator('#good');
  await good.locator('select[data-facet=status]').selectOption('approved');
  await p.evaluate(() => document.querySelector('#good').setAttribute('lang', 'zh'));
  await good.locator('.vp-h3', { hasText: '企业：获批企业' }).waitFor();
  assert.equal(await good.locator('select[data-facet=status]').inputValue(), 'approved', 'filter kept');
  await p.evaluate(() => document.querySelector('#good').setAttribute('zone', 'hainan'));
  await p.waitForFunction(() => document.querySelector('#good').shadowRoot.querySelector('select[data-facet=zone]').value === 'hainan');
  assert.match(await good.locator('.vp-notice').innerText(), /较新数据集/, 'still the newer dataset');
  assert.equal(fetches(), before, 'no new fetch of data-src');
  // A bad value is reported, and the widget keeps working.
  await p.evaluate(() => document.querySelector('#good').setAttribute('view', 'globe'));
  assert.equal(await good.locator('select[data-facet=zone]').inputValue(), 'hainan');
  await p.context().close();
});

test('the lean build shows its built-in dataset and says it cannot read a newer one', async () => {
  const p = await page(b, { width: 900, height: 900 });
  await p.goto(`${srv.base}/index.html`);
  const notice = await p.evaluate(async () => {
    const m = await import('/pkg/vats_pilot_lean.js');
    await m.default();
    const el = document.createElement('div');
    document.body.append(el);
    m.mount(el, { dataJson: '{"version":"x"}', idPrefix: 'lean' });
    await new Promise((r) => setTimeout(r, 50));
    return { text: el.querySelector('.vp-notice')?.textContent ?? '', api: typeof m.checkEligibility };
  });
  assert.match(notice.text, /Could not use the newer dataset/);
  assert.match(notice.text, /lean build/);
  assert.equal(notice.api, 'undefined', 'the JS API lives in the full build');
  await p.context().close();
});
