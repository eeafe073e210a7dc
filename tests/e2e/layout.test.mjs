// Layout: at every width from a small phone to a desktop, in both languages, in every view, the
// widget's parts stay apart and inside the widget: no two items of one list, grid, flex row or
// fieldset overlap; no control or card sticks out of the widget's box; nothing in the widget
// scrolls sideways. Measured in the standalone page (index.html) and inside <vats-pilot> in the
// demo article (shadow root), with every <details> opened so that folded content is measured
// too. One browser and one page per test; each page is loaded once per width and switched live
// (language, view, theme, tab).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, page } from './harness.mjs';

const WIDTHS = Array.from({ length: 13 }, (_, i) => 320 + 80 * i); // 320 … 1280
const HEIGHT = 800;
const LANGS = ['en', 'zh'];
const TABS = ['map', 'list', 'checker', 'timeline'];
const PANEL = { map: '.vp-map', list: '.vp-list', checker: '.vp-checker', timeline: '.vp-timeline-view' };
const TOL = 0.5; // sub-pixel rounding

let srv, b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

const settle = (p) => p.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

/**
 * Runs in the page. `host` is the widget's box: `#app` (standalone) or the <vats-pilot> element
 * (whose shadow root holds the widget). Opens every <details>, then returns one line per
 * violation: overlapping siblings, a control or card outside the box, sideways scrolling.
 */
async function measure({ host: hostSel, tol, click, attrs, ready, skip }) {
  const host = document.querySelector(hostSel);
  const root = host.shadowRoot || host;
  // The step to take first (a click or attribute changes), then wait for its result and two frames.
  if (attrs) for (const [k, v] of Object.entries(attrs)) host.setAttribute(k, v);
  if (click) root.querySelector(click).click();
  const frame = () => new Promise((ok) => requestAnimationFrame(ok));
  for (let t = performance.now(); !root.querySelector(ready); await frame()) {
    if (performance.now() - t > 5000) return [`${ready} did not appear`];
  }
  await frame();
  await frame();
  if (skip) return [];
  const vp = root.querySelector('section.vp');
  for (const d of vp.querySelectorAll('details')) d.open = true;
  const out = [];
  const r1 = (x) => Math.round(x * 10) / 10;
  const describe = (el, text = true) => {
    let s = el.localName;
    for (const c of el.classList) s += `.${c}`;
    for (const a of ['data-zone', 'data-facet', 'data-sort', 'data-tab', 'data-q', 'data-action', 'data-id', 'role', 'type']) {
      if (el.hasAttribute(a)) s += `[${a}=${el.getAttribute(a)}]`;
    }
    const t = text ? (el.innerText || el.getAttribute('aria-label') || el.value || '').replace(/\s+/g, ' ').trim() : '';
    if (t) s += ` "${t.length > 30 ? `${t.slice(0, 30)}…` : t}"`;
    return s;
  };
  // Each element's style and box, read once (SVG internals are the map's drawing, not layout).
  const info = new Map();
  // Text for screen readers only (.vp-sr: a 1 px clipped box by design) is not layout.
  const all = [vp, ...vp.querySelectorAll('*')].filter((el) => !el.parentElement.closest('svg') && !el.closest('.vp-sr'));
  for (const el of all) {
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const shown = cs.visibility !== 'hidden' && cs.display !== 'none' && cs.display !== 'contents' && r.width > 0 && r.height > 0;
    info.set(el, { cs, r, shown, clips: cs.overflowX !== 'visible' || el.localName === 'svg' });
  }
  // What an element covers on screen: its box and whatever of its content overflows it
  // (unless it clips), so a card that overflows its list item counts where it is drawn.
  const extents = new Map();
  const extent = (el) => {
    if (extents.has(el)) return extents.get(el);
    const i = info.get(el);
    const e = { left: i.r.left, right: i.r.right, top: i.r.top, bottom: i.r.bottom };
    if (!i.clips) {
      for (const k of el.children) {
        const ki = info.get(k);
        if (!ki || !ki.shown) continue;
        const x = extent(k);
        e.left = Math.min(e.left, x.left); e.right = Math.max(e.right, x.right);
        e.top = Math.min(e.top, x.top); e.bottom = Math.max(e.bottom, x.bottom);
      }
    }
    extents.set(el, e);
    return e;
  };
  const box = host.getBoundingClientRect();

  // (i) No two visible in-flow siblings of a list, grid, flex container, fieldset or filter bar overlap.
  for (const c of all) {
    const ci = info.get(c);
    if (!ci.shown || c.localName === 'svg') continue;
    const isGroup = /grid|flex/.test(ci.cs.display) || c.matches('ul, ol, [role=list], fieldset, dl, .vp-filters, .vp-filter-fields, .vp-actions, .vp-downloads');
    if (!isGroup) continue;
    const kids = [...c.children].filter((k) => info.get(k)?.shown && !/absolute|fixed/.test(info.get(k).cs.position));
    const rects = kids.map(extent);
    for (let i = 0; i < kids.length; i++) {
      for (let j = i + 1; j < kids.length; j++) {
        const a = rects[i];
        const z = rects[j];
        const w = Math.min(a.right, z.right) - Math.max(a.left, z.left);
        const h = Math.min(a.bottom, z.bottom) - Math.max(a.top, z.top);
        if (w > tol && h > tol) out.push(`overlap in ${describe(c, false)}: ${describe(kids[i])} and ${describe(kids[j])} overlap by ${r1(w)}×${r1(h)} px`);
      }
    }
  }

  // (ii) No control or card sticks out of the widget's box.
  const parts = 'button, select, input, textarea, a, summary, [role=button], [role=tab], .vp-card, .vp-ent, .vp-field, .vp-zone-list > li, .vp-inset, svg, li';
  for (const el of all) {
    const { r, shown } = info.get(el);
    if (!shown || !el.matches(parts)) continue;
    const over = [
      ['left', box.left - r.left], ['right', r.right - box.right], ['top', box.top - r.top], ['bottom', r.bottom - box.bottom],
    ].filter(([, px]) => px > tol);
    for (const [side, px] of over) out.push(`outside the widget: ${describe(el)} sticks out ${r1(px)} px on the ${side}`);
  }

  // (iii) Nothing scrolls sideways: the widget's box and root, and every element that clips or
  // scrolls its content (overflow other than visible).
  const scrollers = [host, root.firstElementChild === vp ? null : vp.parentElement, vp,
    ...all.filter((el) => el !== vp && info.get(el).shown && info.get(el).clips && el.localName !== 'svg')];
  for (const el of new Set(scrollers.filter(Boolean))) {
    const extra = el.scrollWidth - el.clientWidth;
    if (extra > 1) out.push(`sideways scroll: ${describe(el, false)} is ${extra} px wider inside than its box`);
  }
  return out;
}

/** Takes one step in the page, then measures the widget; prefixes each violation with where. */
async function check(p, where, args) {
  const lines = await p.evaluate(measure, { tol: TOL, ...args });
  return lines.map((l) => `${where}: ${l}`);
}

function report(found, what) {
  const kinds = {};
  for (const f of found) {
    const k = f.split(': ')[1].split(' ')[0];
    kinds[k] = (kinds[k] || 0) + 1;
  }
  console.log(`${what}: ${found.length} layout violations`, kinds);
  assert.deepEqual(found, [], `${found.length} layout violations (${what}):\n${found.join('\n')}`);
}

// The views build their phone or desktop layout when they are drawn, and every state below
// draws its panel again (a tab click, a language or view change), so one load per page serves
// every width.
test('standalone page: all four tabs, both languages, 320–1280 px: nothing overlaps or sticks out', async () => {
  const t0 = Date.now();
  const p = await page(b, { width: WIDTHS[0], height: HEIGHT });
  await p.goto(`${srv.base}/index.html?view=all&lang=${LANGS[0]}`);
  await p.locator('#app[data-ready] section.vp').waitFor();
  const found = [];
  let states = 0;
  let shown = LANGS[0];
  for (const width of WIDTHS) {
    await p.setViewportSize({ width, height: HEIGHT });
    for (const lang of LANGS) {
      // The widget's own language button; it draws everything again.
      if (lang !== shown) await check(p, '', { host: '#app', click: '[data-action=lang]', ready: `section.vp[lang^=${lang}]`, skip: true });
      shown = lang;
      // The last tab is never the first, so each click draws its panel at this width.
      for (const tab of TABS) {
        found.push(...await check(p, `standalone ${tab} ${lang} ${width}px`,
          { host: '#app', click: `[role=tab][data-tab="${tab}"]`, ready: `section.vp[lang^=${lang}] ${PANEL[tab]}` }));
        states++;
      }
    }
  }
  await p.context().close();
  console.log(`standalone: ${states} states in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  report([...found, ...p.errors.map((e) => `standalone: page error: ${e}`)], 'standalone');
});

// In the article the widget is at most the column's width (680 px), reached at a 720 px
// window; wider windows only add margins, so the article is measured up to 720 px and at 1280.
test('<vats-pilot> in the article: every view, both languages and themes, 320–720 and 1280 px', async () => {
  const t0 = Date.now();
  const p = await page(b, { width: WIDTHS[0], height: HEIGHT });
  await p.goto(`${srv.base}/article.html`);
  await p.locator('vats-pilot').scrollIntoViewIfNeeded();
  await p.locator('vats-pilot[data-ready]').waitFor();
  const found = [];
  let states = 0;
  for (const width of WIDTHS.filter((x) => x <= 720 || x === 1280)) {
    await p.setViewportSize({ width, height: HEIGHT });
    for (const lang of LANGS) {
      // The full widget (every embed's default) with each tab, in the light theme; then each
      // single-view embed in the dark theme. Attributes change live, as a page's script may.
      for (const view of ['all', ...TABS]) {
        const theme = view === 'all' ? 'light' : 'dark';
        const attrs = { theme, lang, view };
        for (const tab of view === 'all' ? TABS : [view]) {
          const where = `article ${view === 'all' ? `all/${tab}` : view} ${lang} ${theme} ${width}px`;
          const ready = `section.vp.vp-theme-${theme}[lang^=${lang}] ${PANEL[tab]}`;
          // Entering the full view shows the tab the reader was on: draw it (the timeline) at
          // this width first, then click through from the map.
          if (view === 'all' && tab === TABS[0]) await check(p, '', { host: 'vats-pilot', attrs, ready: `section.vp.vp-theme-${theme}[lang^=${lang}] [role=tablist]`, skip: true });
          found.push(...await check(p, where, view === 'all'
            ? { host: 'vats-pilot', click: `[role=tab][data-tab="${tab}"]`, ready }
            : { host: 'vats-pilot', attrs, ready }));
          states++;
        }
      }
    }
  }
  await p.context().close();
  console.log(`article: ${states} states in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  report([...found, ...p.errors.map((e) => `article: page error: ${e}`)], 'article');
});
