// A reader prints the checker's answer: the verdict is on the first page, the sources carry
// their addresses, and no form control, tab or button is printed. The PDF is Chromium's own
// (page.pdf) and is read back with pdfjs-dist from npm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { serve, browser, page } from './harness.mjs';

let srv, b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

/** The text of each page of a PDF, whitespace removed (PDF text runs split words freely). */
async function pdfPages(bytes) {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: true, verbosity: 0 }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => it.str).join('').replace(/\s+/g, ''));
  }
  await doc.destroy();
  return pages;
}
// The margins of a browser's default print settings (about 1 cm), as page.css asks for.
const MARGIN = { top: '12mm', right: '12mm', bottom: '12mm', left: '12mm' };
const squash = (s) => s.replace(/\s+/g, '');

for (const lang of ['en', 'zh']) {
  test(`the printed checker answer (${lang}) fits one A4 page, verdict first, sources with addresses, no controls`, async () => {
    const p = await page(b, { width: 1280, height: 900, colorScheme: 'dark' });
    await p.goto(`${srv.base}/test/host.html?view=all&lang=${lang}&theme=dark`);
    const w = p.locator('vats-pilot[data-ready]');
    await w.waitFor();
    await w.locator('[role=tab][data-tab=checker]').click();
    await w.locator('select[data-q=place]').selectOption('hainan');
    await w.locator('select[data-q=service]').selectOption('B11');
    await w.locator('input[data-q=equity]').fill('100');
    const verdict = squash(await w.locator('[data-testid=verdict]').innerText());
    const firstReason = squash(await w.locator('.vp-reasons > li').first().innerText());
    const href = await w.locator('.vp-reasons a.vp-src').first().getAttribute('href');

    await p.emulateMedia({ media: 'print' });
    const visible = await w.locator('input, select, button, textarea, [role=tab]').evaluateAll((els) =>
      els.filter((el) => el.checkVisibility()).map((el) => el.outerHTML.slice(0, 80)));
    assert.deepEqual(visible, [], 'controls visible in print');
    // Printed on white in black, whatever the screen theme.
    assert.equal(await w.locator('section.vp').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(255, 255, 255)');

    const pages = await pdfPages(await p.pdf({ format: 'A4', printBackground: true, margin: MARGIN }));
    console.log(`printed checker (${lang}): ${pages.length} A4 page(s)`);
    assert.ok(pages[0].includes(verdict), `verdict "${verdict}" not on page 1`);
    assert.ok(pages[0].includes(firstReason.slice(0, 40)), 'the first reason is on page 1');
    assert.ok(pages[0].indexOf(verdict) < pages[0].indexOf(firstReason.slice(0, 40)), 'the verdict comes before the reasons');
    assert.ok(pages.join('').includes(squash(`(${href})`)), `the source address ${href} is printed`);
    assert.equal(pages.length, 1, `the answer takes ${pages.length} pages`);
    assert.deepEqual(p.errors, []);
    await p.context().close();
  });
}
