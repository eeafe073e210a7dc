// Accessibility: axe-core (WCAG 2.2 A/AA rules) over every view a reader can reach, in both
// languages, light and dark, on a phone (360 px) and a desktop (1280 px); plus what axe cannot
// see: tabs that fit a phone, a comparison table that reads in Chinese at 360 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, browser, page, screenshot } from './harness.mjs';

const AXE = join(dirname(fileURLToPath(import.meta.url)), 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const TABS = ['map', 'list', 'checker'];

let srv, b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

/**
 * Opens the plain host page with one <vats-pilot>, or with `iframe` the iframe embed's own page
 * (embed.html, no shadow root, page.css around it); resolves when the widget has mounted.
 */
async function open(p, { iframe, ...attrs }) {
  if (iframe) {
    await p.goto(`${srv.base}/embed.html?${new URLSearchParams(attrs)}`);
    await p.locator('#app[data-ready]').waitFor();
    return p.locator('#app');
  }
  await p.goto(`${srv.base}/test/host.html?${new URLSearchParams(attrs)}`);
  await p.locator('vats-pilot[data-ready]').waitFor();
  return p.locator('vats-pilot');
}

const settle = (p) => p.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

/** axe's violations as one line per failing element: "rule-id: target". */
async function audit(p) {
  await p.addScriptTag({ path: AXE });
  const violations = await p.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.flat().join(' ')) }));
  }, TAGS);
  return violations.flatMap((v) => v.targets.map((t) => `${v.id} (${v.impact}): ${t}`));
}

/** The checker answered for Hainan, IDC (B11), 100 %. */
async function answer(w) {
  await w.locator('select[data-q=place]').selectOption('hainan');
  await w.locator('select[data-q=service]').selectOption('B11');
  await w.locator('input[data-q=equity]').fill('100');
  await w.locator('[data-testid=verdict]').waitFor();
}

/**
 * Every state to audit: each tab of the full widget (whatever tabs it has, reached by clicking
 * them), the single-view embeds, the checker with an answer (verdict, reasons, comparison
 * table), and the single views of the iframe embed's page.
 */
const STATES = [
  { name: 'all', attrs: { view: 'all' }, eachTab: true },
  ...TABS.map((view) => ({ name: view, attrs: { view } })),
  { name: 'checker-answered', attrs: { view: 'checker' }, go: answer },
  ...TABS.map((view) => ({ name: `iframe-${view}`, attrs: { view, iframe: 1 } })),
];

for (const width of [360, 1280]) {
  test(`axe finds no WCAG 2.2 AA violation in any view, language or theme at ${width} px`, async () => {
    // embed.html's CSP forbids the inline script that injects axe; CSP is tested in embed.test.mjs.
    const p = await page(b, { width, height: 800, bypassCSP: true });
    const found = [];
    const counts = [];
    const heights = [];
    for (const lang of ['en', 'zh']) {
      for (const theme of ['light', 'dark']) {
        for (const s of STATES) {
          const w = await open(p, { ...s.attrs, lang, theme });
          const tabs = s.eachTab ? await w.locator('[role=tab]').evaluateAll((ts) => ts.map((t) => t.dataset.tab)) : [null];
          if (s.eachTab) assert.ok(tabs.length >= TABS.length, `only ${tabs.length} tabs`);
          for (const tab of tabs) {
            const name = tab ? `${s.name}-${tab}` : s.name;
            if (tab) await w.locator(`[role=tab][data-tab="${tab}"]`).click();
            if (s.go) await s.go(w);
            await settle(p);
            const v = await audit(p);
            counts.push({ view: name, lang, theme, violations: v.length });
            found.push(...v.map((line) => `${name} ${lang} ${theme} ${width}px: ${line}`));
            if (theme === 'light') heights.push({ view: name, lang, height: Math.round((await w.boundingBox()).height) });
            await screenshot(p, `a11y-${name}-${lang}-${theme}-${width}`);
          }
        }
      }
    }
    console.log(`axe violations (failing elements) at ${width} px:`);
    console.table(counts);
    if (width === 360) {
      console.log('widget height at 360 px (light):');
      console.table(heights);
    }
    assert.deepEqual(p.errors, []);
    assert.deepEqual(found, [], `${found.length} axe violations:\n${found.join('\n')}`);
    await p.context().close();
  });
}

test('in the article on a 360 px phone every tab is fully visible, in both languages', async () => {
  const p = await page(b, { width: 360, height: 800 });
  await p.goto(`${srv.base}/article.html`);
  const w = p.locator('vats-pilot');
  await w.scrollIntoViewIfNeeded();
  await p.locator('vats-pilot[data-ready]').waitFor();
  for (const lang of ['en', 'zh']) {
    await p.evaluate((l) => document.querySelector('vats-pilot').setAttribute('lang', l), lang);
    await w.locator(`section.vp[lang^=${lang}]`).waitFor();
    const widget = await w.boundingBox();
    for (const tab of await w.locator('[role=tab]').all()) {
      const box = await tab.boundingBox();
      const name = await tab.innerText();
      assert.ok(box.x >= widget.x - 0.5 && box.x + box.width <= widget.x + widget.width + 0.5, `tab "${name}" (${lang}) is cut off: ${JSON.stringify(box)}`);
      assert.ok(await tab.evaluate((el) => el.scrollWidth <= el.clientWidth), `tab "${name}" (${lang}) clips its label`);
    }
    const bar = w.locator('[role=tablist]');
    assert.ok(await bar.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), `the ${lang} tab bar scrolls sideways`);
    await screenshot(p, `a11y-tabs-article-${lang}-360`);
  }
  await p.context().close();
});

for (const lang of ['zh', 'en']) {
  test(`at 360 px the comparison table (${lang}) keeps each verdict on one line and fits the width`, async () => {
    const p = await page(b, { width: 360, height: 800 });
    const w = await open(p, { view: 'checker', lang });
    await answer(w);
    const table = w.locator('table.vp-compare');
    await table.scrollIntoViewIfNeeded();
    // A verdict cell of a few characters must not break into a column of single characters.
    const cells = await table.locator('tbody td:nth-child(2)').evaluateAll((tds) => tds.map((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      return { text: td.innerText, lines };
    }));
    assert.ok(cells.length >= 4, `only ${cells.length} rows`);
    for (const c of cells) assert.equal(c.lines, 1, `verdict "${c.text}" breaks over ${c.lines} lines`);
    const wrap = w.locator('.vp-table-wrap');
    assert.ok(await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'the table is wider than the phone');
    await screenshot(p, `a11y-compare-${lang}-360`);
    await p.context().close();
  });
}

/** WCAG contrast ratio of two computed CSS colours ("rgb(…)" or "rgba(…)", alpha ignored). */
function contrast(a, b) {
  const lum = (css) => {
    const [r, g, bl] = css.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const c = +v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// axe checks text; these are the parts a reader must see that are not text (WCAG 1.4.11).
for (const theme of ['light', 'dark']) {
  test(`controls, focus ring, selected tab and map zones stand out at 3:1 or more (${theme})`, async () => {
    const p = await page(b, { width: 1280, height: 900 });
    const w = await open(p, { view: 'all', theme });
    const css = (sel, prop) => w.locator(sel).first().evaluate((el, pr) => getComputedStyle(el)[pr], prop);
    const bg = await css('section.vp', 'backgroundColor');
    const pairs = [];
    // The focus ring, as a keyboard user sees it on the first control.
    await p.keyboard.press('Tab');
    pairs.push(['focus ring', await css('.vp-lang', 'outlineColor'), bg]);
    pairs.push(['selected tab bar', (await css('[role=tab][aria-selected=true]', 'boxShadow')).match(/rgba?\([^)]*\)/)[0], bg]);
    // Map: a zone against the land around it, the selected zone, the marker, the focus ring.
    const land = await css('.vp-shape-province', 'fill');
    pairs.push(['zone vs land', await css('g.vp-zone[data-zone=shanghai] .vp-shape-zone', 'fill'), land]);
    await w.locator('g.vp-zone[data-zone=hainan]').click();
    pairs.push(['selected zone vs land', await css('g.vp-zone.vp-selected .vp-shape-zone', 'fill'), land]);
    // The selection is told from the other zones by its outline, which must stand out from
    // what surrounds the zone (land or sea).
    const outline = await css('g.vp-zone.vp-selected .vp-shape-zone', 'stroke');
    pairs.push(['selected zone outline vs land', outline, land], ['selected zone outline vs sea', outline, await css('.vp-sea', 'fill')]);
    pairs.push(['marker vs land', await css('g.vp-zone .vp-marker', 'fill'), land]);
    await w.locator('g.vp-zone[data-zone=hainan]').focus();
    await p.keyboard.press('ArrowRight');
    pairs.push(['zone focus ring vs land', await css('g.vp-zone:focus-visible .vp-marker-halo', 'stroke'), land]);
    // The card follows the focused zone; read its button once it shows that zone.
    const focused = await w.locator('g.vp-zone:focus').getAttribute('data-zone');
    await w.locator(`.vp-card[data-zone=${focused}] .vp-btn-secondary`).waitFor();
    pairs.push(['secondary button border', await css(`.vp-card[data-zone=${focused}] .vp-btn-secondary`, 'borderTopColor'), bg]);
    // Checker: the borders that show where to type or choose.
    await w.locator('[role=tab][data-tab=checker]').click();
    for (const sel of ['select[data-q=place]', 'input.vp-service-filter', 'input[data-q=equity]']) {
      pairs.push([`${sel} border`, await css(sel, 'borderTopColor'), bg]);
    }
    const weak = pairs.map(([what, fg, back]) => ({ what, fg, back, ratio: +contrast(fg, back).toFixed(2) }));
    console.table(weak);
    assert.deepEqual(weak.filter((x) => x.ratio < 3), [], 'under 3:1');
    await p.context().close();
  });
}

// Theme auto follows the page the widget sits in, not the reader's system setting, unless the
// page has its own toggle (tested in embed.test.mjs).
const WHITE = 'rgb(255, 255, 255)';
const DARK = 'rgb(22, 25, 29)';
const widgetBg = (p) => p.locator('vats-pilot section.vp').evaluate((el) => getComputedStyle(el).backgroundColor);
test('a reader with a dark system setting gets the light widget inside a white article', async () => {
  const p = await page(b, { width: 360, height: 800, colorScheme: 'dark' });
  await p.goto(`${srv.base}/article.html`);
  await p.locator('vats-pilot').scrollIntoViewIfNeeded();
  await p.locator('vats-pilot[data-ready]').waitFor();
  assert.equal(await widgetBg(p), WHITE);
  await p.context().close();
});

test('theme auto follows the host page background both ways', async () => {
  const cases = [
    { os: 'dark', query: { bg: '#fffdf8' }, want: WHITE, why: 'cream page, dark system' },
    { os: 'dark', query: {}, want: WHITE, why: 'page without a background (white canvas), dark system' },
    { os: 'light', query: { bg: '#121212' }, want: DARK, why: 'dark page, light system' },
    { os: 'light', query: { bg: 'oklch(0.25 0.02 250)' }, want: DARK, why: 'dark page in oklch(), light system' },
    { os: 'dark', query: { scheme: 'light dark' }, want: DARK, why: 'page that opts into the dark canvas, dark system' },
    { os: 'light', query: { bg: '#121212', theme: 'light' }, want: WHITE, why: 'explicit theme=light wins' },
  ];
  for (const c of cases) {
    const p = await page(b, { width: 600, height: 800, colorScheme: c.os });
    await open(p, { view: 'map', ...c.query });
    assert.equal(await widgetBg(p), c.want, c.why);
    await p.context().close();
  }
});

test('theme auto follows a host page that switches its background while the reader is there', async () => {
  const p = await page(b, { width: 600, height: 800, colorScheme: 'light' });
  await open(p, { view: 'map', bg: '#ffffff' });
  assert.equal(await widgetBg(p), WHITE);
  await p.evaluate(() => { document.body.style.background = '#15171a'; });
  await p.waitForFunction(() => document.querySelector('vats-pilot').getAttribute('data-host-theme') === 'dark');
  assert.equal(await widgetBg(p), DARK);
  await p.context().close();
});
