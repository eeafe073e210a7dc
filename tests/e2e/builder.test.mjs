// The embed builder, driven as an editor would: pick options, copy a snippet, and paste it into
// a page of its own; that page must show exactly what was chosen. Keyboard, phone width and the
// builder's two languages too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, page, screenshot } from './harness.mjs';

let srv, b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

async function openBuilder(opts = {}) {
  const p = await page(b, { permissions: ['clipboard-read', 'clipboard-write'], ...opts });
  await p.goto(`${srv.base}/builder.html`);
  await p.locator('body[data-ready]').waitFor();
  return p;
}

/** Serves `html` at a fresh /test/ address of the same server and opens it in a new page. */
async function pageFrom(html, name) {
  const p = await page(b, { width: 1000, height: 1400 });
  const url = `${srv.base}/test/${name}.html`;
  await p.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await p.goto(url);
  return p;
}

const host = (snippet) => `<!doctype html>\n<html lang="zh"><head><meta charset="utf-8"><title>Article</title></head>\n<body><h1>Article</h1>\n${snippet}\n</body></html>`;

async function pickHainanCheckerChinese(p) {
  await p.getByLabel('View', { exact: true }).selectOption('checker');
  await p.getByLabel('Language of the guide').selectOption('zh');
  await p.getByLabel('Pilot area selected at start').selectOption({ label: 'Hainan' });
}

async function copied(p, button) {
  await p.getByRole('button', { name: button }).click();
  await p.getByRole('status').filter({ hasText: 'copied' }).waitFor();
  return p.evaluate(() => navigator.clipboard.readText());
}

/** The checker, in Chinese, with Hainan chosen as the place. */
async function assertChineseCheckerInHainan(root) {
  const section = root.locator('section.vp');
  await section.waitFor();
  assert.equal(await section.getAttribute('lang'), 'zh-Hans');
  await section.getByRole('heading', { name: '我能在这里经营这项业务吗？' }).waitFor();
  const place = root.locator('select[data-q=place]');
  assert.equal(await place.inputValue(), 'hainan');
  assert.equal((await place.locator('option:checked').innerText()).trim(), '海南省');
  assert.equal(await root.locator('[role=tab]').count(), 0, 'only the checker is shown');
  assert.equal(await root.locator('select[data-facet=zone]').count(), 0, 'no list view');
}

test('an editor picks Hainan, the checker and Chinese; the copied custom-element snippet shows exactly that', async () => {
  const p = await openBuilder();
  await pickHainanCheckerChinese(p);
  const snippet = await copied(p, 'Copy custom-element snippet');
  assert.equal(snippet, await p.getByLabel('Custom element (recommended)').inputValue(), 'the clipboard holds the shown snippet');
  assert.match(snippet, /<vats-pilot lang="zh" view="checker" zone="hainan">/);
  // The preview runs that same snippet.
  const preview = p.frameLocator('#b-preview');
  await preview.locator('vats-pilot[data-ready]').waitFor();
  assert.equal(await p.locator('#b-preview').getAttribute('srcdoc').then((d) => d.includes(snippet)), true);
  await screenshot(p, 'builder-element');

  const article = await pageFrom(host(snippet), 'from-element-snippet');
  await article.locator('vats-pilot[data-ready]').waitFor();
  await assertChineseCheckerInHainan(article.locator('vats-pilot'));
  await screenshot(article, 'builder-element-pasted');
  assert.deepEqual(article.errors, []);
  assert.deepEqual(p.errors, []);
  await article.context().close();
  await p.context().close();
});

test('the same choices as an iframe snippet: the pasted page shows the Chinese checker in Hainan and sizes the frame', async () => {
  const p = await openBuilder();
  await pickHainanCheckerChinese(p);
  await p.getByLabel('Initial height of the iframe (pixels)').fill('640');
  await p.getByRole('radio', { name: 'Iframe' }).check();
  const snippet = await copied(p, 'Copy iframe snippet');
  assert.match(snippet, /embed\.html\?view=checker&amp;lang=zh&amp;zone=hainan"/);
  assert.match(snippet, /height="640"/);
  assert.match(snippet, /<script src="[^"]+\/embed-parent\.js" async><\/script>/);
  await p.frameLocator('#b-preview').frameLocator('iframe[data-vats-pilot]').locator('#app[data-ready]').waitFor();

  const article = await pageFrom(host(snippet), 'from-iframe-snippet');
  const frame = article.frameLocator('iframe[data-vats-pilot]');
  await frame.locator('#app[data-ready]').waitFor();
  await assertChineseCheckerInHainan(frame.locator('#app'));
  // The parent script sized the frame to its content (not the initial 640 px).
  await article.waitForFunction(() => /^\d+px$/.test(document.querySelector('iframe[data-vats-pilot]').style.height));
  assert.deepEqual(article.errors, []);
  await article.context().close();
  await p.context().close();
});

test('snippets follow every option, and the oEmbed URL is offered', async () => {
  const p = await openBuilder();
  const el = p.getByLabel('Custom element (recommended)');
  assert.match(await el.inputValue(), /<vats-pilot lang="en" view="all">/);
  await p.getByLabel('Service selected at start (checker)').selectOption('B11');
  await p.getByLabel('Colour theme').selectOption('dark');
  await p.getByLabel('View', { exact: true }).selectOption('map');
  assert.match(await el.inputValue(), /<vats-pilot lang="en" view="map" service="B11" theme="dark">/);
  assert.match(await p.getByLabel('Iframe, with the script', { exact: false }).inputValue(), /view=map&amp;lang=en&amp;service=B11&amp;theme=dark/);
  await p.getByLabel('Address of the widget files').fill('https://news.example.org/graphics/vats-pilot');
  const addr = 'https://news.example.org/graphics/vats-pilot/';
  assert.match(await el.inputValue(), new RegExp(`src="${addr}vats-pilot\\.js"`));
  assert.equal(await p.getByLabel('oEmbed URL').inputValue(), `${addr}oembed.json`);
  // A bad address is flagged and the snippets keep the last good one.
  await p.getByLabel('Address of the widget files').fill('not an address');
  assert.equal(await p.getByLabel('Address of the widget files').getAttribute('aria-invalid'), 'true');
  assert.match(await el.inputValue(), new RegExp(`src="${addr}vats-pilot\\.js"`));
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test('keyboard only, at phone width, in Chinese: choose options and copy', async () => {
  const p = await openBuilder({ width: 360, height: 780, isMobile: true, hasTouch: true });
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling at 360 px (overflow ${overflow}px)`);
  // Switch the builder itself to Chinese with the keyboard.
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'b-ui-lang');
  await p.keyboard.press('Enter');
  await p.getByRole('heading', { name: '嵌入代码生成器' }).waitFor();
  // Tab to the view select and choose the checker with the arrow keys.
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'b-view');
  for (let i = 0; i < 3; i++) await p.keyboard.press('ArrowDown');
  assert.equal(await p.getByLabel('视图', { exact: true }).inputValue(), 'checker');
  await p.getByRole('button', { name: '复制自定义元素代码' }).focus();
  await p.keyboard.press('Enter');
  await p.getByRole('status').filter({ hasText: '已复制自定义元素代码' }).waitFor();
  assert.match(await p.evaluate(() => navigator.clipboard.readText()), /view="checker"/);
  // Every control has an accessible name.
  const unnamed = await p.evaluate(() => [...document.querySelectorAll('select, input, textarea, button')]
    .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent.trim())).map((el) => el.id || el.name));
  assert.deepEqual(unnamed, []);
  await screenshot(p, 'builder-phone-zh');
  assert.deepEqual(p.errors, []);
  await p.context().close();
});
