// How tall each view is for a reader on a phone (360 × 640) and in an article column (640 px
// wide), in both languages: printed as a table, with a screenshot of each; the list must fit
// two phone screens (its cards are folded there: name, status, area, "Details"). The demo
// pages must load without a failed request (no missing favicon).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { serve, browser, page, shots } from './harness.mjs';

const SCREEN = 640;
const VIEWS = ['map', 'list', 'checker', 'timeline'];

let srv, b;
before(async () => { srv = await serve(); b = await browser(); await mkdir(shots, { recursive: true }); });
after(async () => { await b?.close(); await srv?.close(); });

test('each view\'s height at 360 and 640 px in both languages; the phone list fits two screens', async () => {
  const rows = [];
  for (const width of [360, 640]) {
    const p = await page(b, { width, height: SCREEN });
    for (const lang of ['en', 'zh']) {
      for (const view of VIEWS) {
        await p.goto(`${srv.base}/index.html?view=${view}&lang=${lang}`);
        const w = p.locator('#app[data-ready] section.vp');
        await w.waitFor();
        const height = Math.round((await w.boundingBox()).height);
        rows.push({ width, lang, view, height, screens: Math.round((height / SCREEN) * 100) / 100 });
        await w.screenshot({ path: join(shots, `height-${view}-${lang}-${width}.png`) });
        if (width === 360 && view === 'list') {
          assert.ok(height <= 2 * SCREEN, `the ${lang} list at 360 px is ${height} px tall: more than two ${SCREEN} px screens`);
          assert.ok(await p.locator('.vp-ent details.vp-ent-more:not([open])').count() > 0, 'cards are folded on a phone');
        }
      }
    }
    assert.deepEqual(p.errors, []);
    await p.context().close();
  }
  console.log('widget height (px) per view, 640 px tall screens:');
  console.table(rows);
});

test('the demo pages load without a failed request', async () => {
  const p = await page(b);
  const failed = [];
  p.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  p.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
  for (const name of ['index.html', 'article.html', 'builder.html']) {
    await p.goto(`${srv.base}/${name}`, { waitUntil: 'networkidle' });
  }
  assert.ok(srv.requests.includes('/favicon.svg'), 'the pages name their icon');
  assert.ok(!srv.requests.includes('/favicon.ico'), 'no request for a missing /favicon.ico');
  assert.deepEqual(failed, []);
  await p.context().close();
});
